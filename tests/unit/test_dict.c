/*
 * test_dict.c: dict_suite — the Diameter dictionary (dict.h): table
 * invariants (order, unique names, children that exist, enum names only
 * on Enumerated AVPs, flag rules), spot checks of the charging-facts
 * values, lookups and the ACR/ACA/CCR/CCA command ABNF.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <check.h>
#include <stdlib.h>

#include "internal.h"
#include <stdint.h>
#include <string.h>

#include <webrtc_chg/dict.h>

Suite *dict_suite(void);

#define TGPP 10415u

static const wchg_dict_avp *table(size_t *n) {
  const wchg_dict_avp *t = wchg_dict_avps(n);
  ck_assert_ptr_nonnull(t);
  ck_assert_uint_gt(*n, 0);
  return t;
}

/* The AVP (code, vendor), which must exist. */
static const wchg_dict_avp *must_find(uint32_t code, uint32_t vendor) {
  const wchg_dict_avp *a = wchg_dict_find(code, vendor);
  ck_assert_msg(a != NULL, "AVP %u/%u missing", (unsigned)code,
                (unsigned)vendor);
  return a;
}

/* The rule for (code, vendor) among |n| rules, or NULL. */
static const wchg_dict_rule *rule_of(const wchg_dict_rule *r, size_t n,
                                     uint32_t code, uint32_t vendor) {
  for (size_t i = 0; i < n; i++)
    if (r[i].code == code && r[i].vendor == vendor)
      return &r[i];
  return NULL;
}

/* Checks one rule list (a group's children or a command's AVPs). */
static void check_rules(const char *owner, const wchg_dict_rule *r, size_t n) {
  ck_assert_msg(n == 0 || r != NULL, "%s: %zu rules, no array", owner, n);
  bool fixed_allowed = true;
  for (size_t i = 0; i < n; i++) {
    ck_assert_msg(wchg_dict_find(r[i].code, r[i].vendor) != NULL,
                  "%s: child %u/%u is not in the table", owner,
                  (unsigned)r[i].code, (unsigned)r[i].vendor);
    ck_assert_msg(r[i].max == 0 || r[i].min <= r[i].max,
                  "%s: child %u min %u > max %u", owner, (unsigned)r[i].code,
                  (unsigned)r[i].min, (unsigned)r[i].max);
    if (r[i].fixed) {
      ck_assert_msg(fixed_allowed, "%s: fixed child %u after a free one",
                    owner, (unsigned)r[i].code);
      ck_assert_msg(r[i].min == 1 && r[i].max == 1,
                    "%s: fixed child %u is not 1..1", owner,
                    (unsigned)r[i].code);
    } else {
      fixed_allowed = false;
    }
    for (size_t j = 0; j < i; j++)
      ck_assert_msg(r[j].code != r[i].code || r[j].vendor != r[i].vendor,
                    "%s: child %u listed twice", owner, (unsigned)r[i].code);
  }
}

/* ------------------------------------------------------------ invariants */

START_TEST(sorted_without_duplicates) {
  size_t n;
  const wchg_dict_avp *t = table(&n);
  for (size_t i = 1; i < n; i++) {
    bool ordered = t[i - 1].vendor < t[i].vendor ||
                   (t[i - 1].vendor == t[i].vendor && t[i - 1].code < t[i].code);
    ck_assert_msg(ordered, "%s (%u/%u) is not after %s (%u/%u)", t[i].name,
                  (unsigned)t[i].code, (unsigned)t[i].vendor, t[i - 1].name,
                  (unsigned)t[i - 1].code, (unsigned)t[i - 1].vendor);
  }
}
END_TEST

START_TEST(names_unique_and_clean) {
  size_t n;
  const wchg_dict_avp *t = table(&n);
  for (size_t i = 0; i < n; i++) {
    ck_assert_ptr_nonnull(t[i].name);
    size_t len = strlen(t[i].name);
    ck_assert_msg(len > 0, "AVP %u has an empty name", (unsigned)t[i].code);
    ck_assert_msg(t[i].name[0] != ' ' && t[i].name[len - 1] != ' ',
                  "\"%s\": blank at an end", t[i].name);
    for (size_t j = 0; j < i; j++)
      ck_assert_msg(strcmp(t[i].name, t[j].name) != 0,
                    "name \"%s\" used by %u and %u", t[i].name,
                    (unsigned)t[j].code, (unsigned)t[i].code);
  }
}
END_TEST

START_TEST(every_child_exists) {
  size_t n;
  const wchg_dict_avp *t = table(&n);
  for (size_t i = 0; i < n; i++) {
    if (t[i].type == WCHG_AVP_GROUPED) {
      ck_assert_msg(t[i].n_children > 0 || t[i].extensible,
                    "%s: Grouped with no children and not extensible",
                    t[i].name);
      check_rules(t[i].name, t[i].children, t[i].n_children);
    } else {
      ck_assert_msg(t[i].n_children == 0 && t[i].children == NULL &&
                        !t[i].extensible,
                    "%s: children on a non-Grouped AVP", t[i].name);
    }
  }
  static const struct {
    uint32_t code, app;
  } cmds[] = {{271, 3}, {272, 4}};
  for (size_t i = 0; i < 2; i++)
    for (int req = 0; req <= 1; req++) {
      const wchg_dict_command *c =
          wchg_dict_find_command(cmds[i].code, cmds[i].app, req);
      ck_assert_ptr_nonnull(c);
      check_rules(c->name, c->avps, c->n_avps);
    }
}
END_TEST

START_TEST(enum_names_only_on_enumerated) {
  size_t n;
  const wchg_dict_avp *t = table(&n);
  for (size_t i = 0; i < n; i++) {
    if (t[i].type != WCHG_AVP_ENUMERATED) {
      ck_assert_msg(t[i].n_enums == 0 && t[i].enums == NULL,
                    "%s: value names on a non-Enumerated AVP", t[i].name);
      continue;
    }
    ck_assert_msg(t[i].n_enums > 0 && t[i].enums != NULL,
                  "%s: Enumerated without value names", t[i].name);
    for (size_t k = 0; k < t[i].n_enums; k++) {
      ck_assert_msg(t[i].enums[k].name && t[i].enums[k].name[0],
                    "%s: value %d has no name", t[i].name,
                    (int)t[i].enums[k].value);
      for (size_t j = 0; j < k; j++) {
        ck_assert_msg(t[i].enums[j].value != t[i].enums[k].value,
                      "%s: value %d twice", t[i].name,
                      (int)t[i].enums[k].value);
        ck_assert_msg(strcmp(t[i].enums[j].name, t[i].enums[k].name) != 0,
                      "%s: name %s twice", t[i].name, t[i].enums[k].name);
      }
      ck_assert_str_eq(wchg_dict_enum_name(&t[i], t[i].enums[k].value),
                       t[i].enums[k].name);
    }
  }
}
END_TEST

/* IETF AVPs whose M rule is not MUST (facts §1.6), 3GPP AVPs whose M rule
 * is not MUST (facts §2, Appendix A #13). */
static const struct {
  uint32_t code, vendor;
  wchg_flag_rule m;
} m_exceptions[] = {
    {281, 0, WCHG_RULE_MUSTNOT},    {294, 0, WCHG_RULE_MUSTNOT},
    {458, 0, WCHG_RULE_MAY},        {459, 0, WCHG_RULE_MAY},
    {460, 0, WCHG_RULE_MAY},        {621, 0, WCHG_RULE_MAY},
    {622, 0, WCHG_RULE_MAY},        {623, 0, WCHG_RULE_MAY},
    {624, 0, WCHG_RULE_MAY},        {625, 0, WCHG_RULE_MAY},
    {626, 0, WCHG_RULE_MAY},        {627, 0, WCHG_RULE_MAY},
    {650, TGPP, WCHG_RULE_MUSTNOT}, {656, TGPP, WCHG_RULE_MUSTNOT},
    {657, TGPP, WCHG_RULE_MUSTNOT}, {658, TGPP, WCHG_RULE_MUSTNOT},
};
#define N_M_EXCEPTIONS (sizeof m_exceptions / sizeof m_exceptions[0])

START_TEST(flag_rules) {
  size_t n;
  const wchg_dict_avp *t = table(&n);
  for (size_t i = 0; i < n; i++) {
    ck_assert_msg(t[i].v_rule ==
                      (t[i].vendor ? WCHG_RULE_MUST : WCHG_RULE_MUSTNOT),
                  "%s: V rule does not match vendor %u", t[i].name,
                  (unsigned)t[i].vendor);
    ck_assert_msg(t[i].p_rule == WCHG_RULE_MUSTNOT, "%s: P rule", t[i].name);
    if (t[i].vendor != 0 && t[i].vendor != TGPP)
      continue; /* oneM2M: not in the facts */
    wchg_flag_rule want = WCHG_RULE_MUST;
    for (size_t k = 0; k < N_M_EXCEPTIONS; k++)
      if (m_exceptions[k].code == t[i].code &&
          m_exceptions[k].vendor == t[i].vendor)
        want = m_exceptions[k].m;
    ck_assert_msg(t[i].m_rule == want, "%s: M rule %d, want %d", t[i].name,
                  (int)t[i].m_rule, (int)want);
  }
}
END_TEST

START_TEST(find_returns_table_entries) {
  size_t n;
  const wchg_dict_avp *t = table(&n);
  for (size_t i = 0; i < n; i++) {
    ck_assert_ptr_eq(wchg_dict_find(t[i].code, t[i].vendor), &t[i]);
    ck_assert_ptr_eq(wchg_dict_find_name(t[i].name), &t[i]);
  }
  size_t again = 0;
  ck_assert_ptr_eq(wchg_dict_avps(&again), t);
  ck_assert_uint_eq(again, n);
  ck_assert_ptr_eq(wchg_dict_avps(NULL), t);
}
END_TEST

/* ------------------------------------------------------------ contents */

/* The AVPs issue 3 and the facts name, by (code, vendor, type). */
static const struct {
  uint32_t code, vendor;
  wchg_avp_type type;
  const char *name;
} required[] = {
    {263, 0, WCHG_AVP_UTF8STRING, "Session-Id"},
    {264, 0, WCHG_AVP_DIAMETERIDENTITY, "Origin-Host"},
    {296, 0, WCHG_AVP_DIAMETERIDENTITY, "Origin-Realm"},
    {283, 0, WCHG_AVP_DIAMETERIDENTITY, "Destination-Realm"},
    {293, 0, WCHG_AVP_DIAMETERIDENTITY, "Destination-Host"},
    {480, 0, WCHG_AVP_ENUMERATED, "Accounting-Record-Type"},
    {485, 0, WCHG_AVP_UNSIGNED32, "Accounting-Record-Number"},
    {259, 0, WCHG_AVP_UNSIGNED32, "Acct-Application-Id"},
    {258, 0, WCHG_AVP_UNSIGNED32, "Auth-Application-Id"},
    {1, 0, WCHG_AVP_UTF8STRING, "User-Name"},
    {85, 0, WCHG_AVP_UNSIGNED32, "Acct-Interim-Interval"},
    {278, 0, WCHG_AVP_UNSIGNED32, "Origin-State-Id"},
    {55, 0, WCHG_AVP_TIME, "Event-Timestamp"},
    {284, 0, WCHG_AVP_GROUPED, "Proxy-Info"},
    {280, 0, WCHG_AVP_DIAMETERIDENTITY, "Proxy-Host"},
    {33, 0, WCHG_AVP_OCTETSTRING, "Proxy-State"},
    {282, 0, WCHG_AVP_DIAMETERIDENTITY, "Route-Record"},
    {268, 0, WCHG_AVP_UNSIGNED32, "Result-Code"},
    {297, 0, WCHG_AVP_GROUPED, "Experimental-Result"},
    {266, 0, WCHG_AVP_UNSIGNED32, "Vendor-Id"},
    {298, 0, WCHG_AVP_UNSIGNED32, "Experimental-Result-Code"},
    {281, 0, WCHG_AVP_UTF8STRING, "Error-Message"},
    {294, 0, WCHG_AVP_DIAMETERIDENTITY, "Error-Reporting-Host"},
    {279, 0, WCHG_AVP_GROUPED, "Failed-AVP"},
    {260, 0, WCHG_AVP_GROUPED, "Vendor-Specific-Application-Id"},
    {295, 0, WCHG_AVP_ENUMERATED, "Termination-Cause"},
    {292, 0, WCHG_AVP_DIAMETERURI, "Redirect-Host"},
    {261, 0, WCHG_AVP_ENUMERATED, "Redirect-Host-Usage"},
    {262, 0, WCHG_AVP_UNSIGNED32, "Redirect-Max-Cache-Time"},
    {25, 0, WCHG_AVP_OCTETSTRING, "Class"},
    {287, 0, WCHG_AVP_UNSIGNED64, "Accounting-Sub-Session-Id"},
    {44, 0, WCHG_AVP_OCTETSTRING, "Acct-Session-Id"},
    {50, 0, WCHG_AVP_UTF8STRING, "Acct-Multi-Session-Id"},
    {416, 0, WCHG_AVP_ENUMERATED, "CC-Request-Type"},
    {415, 0, WCHG_AVP_UNSIGNED32, "CC-Request-Number"},
    {461, 0, WCHG_AVP_UTF8STRING, "Service-Context-Id"},
    {443, 0, WCHG_AVP_GROUPED, "Subscription-Id"},
    {450, 0, WCHG_AVP_ENUMERATED, "Subscription-Id-Type"},
    {444, 0, WCHG_AVP_UTF8STRING, "Subscription-Id-Data"},
    {436, 0, WCHG_AVP_ENUMERATED, "Requested-Action"},
    {455, 0, WCHG_AVP_ENUMERATED, "Multiple-Services-Indicator"},
    {456, 0, WCHG_AVP_GROUPED, "Multiple-Services-Credit-Control"},
    {431, 0, WCHG_AVP_GROUPED, "Granted-Service-Unit"},
    {437, 0, WCHG_AVP_GROUPED, "Requested-Service-Unit"},
    {446, 0, WCHG_AVP_GROUPED, "Used-Service-Unit"},
    {420, 0, WCHG_AVP_UNSIGNED32, "CC-Time"},
    {413, 0, WCHG_AVP_GROUPED, "CC-Money"},
    {445, 0, WCHG_AVP_GROUPED, "Unit-Value"},
    {447, 0, WCHG_AVP_INTEGER64, "Value-Digits"},
    {429, 0, WCHG_AVP_INTEGER32, "Exponent"},
    {425, 0, WCHG_AVP_UNSIGNED32, "Currency-Code"},
    {421, 0, WCHG_AVP_UNSIGNED64, "CC-Total-Octets"},
    {412, 0, WCHG_AVP_UNSIGNED64, "CC-Input-Octets"},
    {414, 0, WCHG_AVP_UNSIGNED64, "CC-Output-Octets"},
    {417, 0, WCHG_AVP_UNSIGNED64, "CC-Service-Specific-Units"},
    {452, 0, WCHG_AVP_ENUMERATED, "Tariff-Change-Usage"},
    {451, 0, WCHG_AVP_TIME, "Tariff-Time-Change"},
    {439, 0, WCHG_AVP_UNSIGNED32, "Service-Identifier"},
    {432, 0, WCHG_AVP_UNSIGNED32, "Rating-Group"},
    {457, 0, WCHG_AVP_GROUPED, "G-S-U-Pool-Reference"},
    {453, 0, WCHG_AVP_UNSIGNED32, "G-S-U-Pool-Identifier"},
    {454, 0, WCHG_AVP_ENUMERATED, "CC-Unit-Type"},
    {448, 0, WCHG_AVP_UNSIGNED32, "Validity-Time"},
    {430, 0, WCHG_AVP_GROUPED, "Final-Unit-Indication"},
    {449, 0, WCHG_AVP_ENUMERATED, "Final-Unit-Action"},
    {438, 0, WCHG_AVP_OCTETSTRING, "Restriction-Filter-Rule"},
    {11, 0, WCHG_AVP_UTF8STRING, "Filter-Id"},
    {434, 0, WCHG_AVP_GROUPED, "Redirect-Server"},
    {433, 0, WCHG_AVP_ENUMERATED, "Redirect-Address-Type"},
    {435, 0, WCHG_AVP_UTF8STRING, "Redirect-Server-Address"},
    {411, 0, WCHG_AVP_OCTETSTRING, "CC-Correlation-Id"},
    {458, 0, WCHG_AVP_GROUPED, "User-Equipment-Info"},
    {459, 0, WCHG_AVP_ENUMERATED, "User-Equipment-Info-Type"},
    {460, 0, WCHG_AVP_OCTETSTRING, "User-Equipment-Info-Value"},
    {418, 0, WCHG_AVP_ENUMERATED, "CC-Session-Failover"},
    {427, 0, WCHG_AVP_ENUMERATED, "Credit-Control-Failure-Handling"},
    {428, 0, WCHG_AVP_ENUMERATED, "Direct-Debiting-Failure-Handling"},
    {423, 0, WCHG_AVP_GROUPED, "Cost-Information"},
    {424, 0, WCHG_AVP_UTF8STRING, "Cost-Unit"},
    {621, 0, WCHG_AVP_GROUPED, "OC-Supported-Features"},
    {622, 0, WCHG_AVP_UNSIGNED64, "OC-Feature-Vector"},
    {623, 0, WCHG_AVP_GROUPED, "OC-OLR"},
    {624, 0, WCHG_AVP_UNSIGNED64, "OC-Sequence-Number"},
    {626, 0, WCHG_AVP_ENUMERATED, "OC-Report-Type"},
    {627, 0, WCHG_AVP_UNSIGNED32, "OC-Reduction-Percentage"},
    {625, 0, WCHG_AVP_UNSIGNED32, "OC-Validity-Duration"},
    {873, TGPP, WCHG_AVP_GROUPED, "Service-Information"},
    {876, TGPP, WCHG_AVP_GROUPED, "IMS-Information"},
    {874, TGPP, WCHG_AVP_GROUPED, "PS-Information"},
    {847, TGPP, WCHG_AVP_ADDRESS, "GGSN-Address"},
    {22, TGPP, WCHG_AVP_OCTETSTRING, "3GPP-User-Location-Info"},
    {23, TGPP, WCHG_AVP_OCTETSTRING, "3GPP-MS-TimeZone"},
    {2, TGPP, WCHG_AVP_UNSIGNED32, "3GPP-Charging-Id"},
    {503, TGPP, WCHG_AVP_OCTETSTRING, "Access-Network-Charging-Identifier-Value"},
    {868, TGPP, WCHG_AVP_UNSIGNED32, "Time-Quota-Threshold"},
    {869, TGPP, WCHG_AVP_UNSIGNED32, "Volume-Quota-Threshold"},
    {1226, TGPP, WCHG_AVP_UNSIGNED32, "Unit-Quota-Threshold"},
    {871, TGPP, WCHG_AVP_UNSIGNED32, "Quota-Holding-Time"},
    {881, TGPP, WCHG_AVP_UNSIGNED32, "Quota-Consumption-Time"},
    {872, TGPP, WCHG_AVP_ENUMERATED, "Reporting-Reason"},
    {1264, TGPP, WCHG_AVP_GROUPED, "Trigger"},
    {870, TGPP, WCHG_AVP_ENUMERATED, "Trigger-Type"},
    {1258, TGPP, WCHG_AVP_TIME, "Event-Charging-TimeStamp"},
    {2055, TGPP, WCHG_AVP_ENUMERATED, "AoC-Request-Type"},
    {2020, TGPP, WCHG_AVP_ENUMERATED, "Low-Balance-Indication"},
    {2021, TGPP, WCHG_AVP_GROUPED, "Remaining-Balance"},
    {2309, TGPP, WCHG_AVP_TIME, "Account-Expiration"},
    {650, TGPP, WCHG_AVP_ENUMERATED, "Session-Priority"},
    {603, TGPP, WCHG_AVP_GROUPED, "Server-Capabilities"},
    {604, TGPP, WCHG_AVP_UNSIGNED32, "Mandatory-Capability"},
    {605, TGPP, WCHG_AVP_UNSIGNED32, "Optional-Capability"},
    {602, TGPP, WCHG_AVP_UTF8STRING, "Server-Name"},
    {2305, TGPP, WCHG_AVP_GROUPED, "Real-Time-Tariff-Information"},
    {2060, TGPP, WCHG_AVP_GROUPED, "Tariff-Information"},
    {2306, TGPP, WCHG_AVP_UTF8STRING, "Tariff-XML"},
    {2038, TGPP, WCHG_AVP_TIME, "Change-Time"},
    {656, TGPP, WCHG_AVP_GROUPED, "Allowed-WAF-WWSF-Identities"},
    {657, TGPP, WCHG_AVP_UTF8STRING, "WebRTC-Authentication-Function-Name"},
    {658, TGPP, WCHG_AVP_UTF8STRING, "WebRTC-Web-Server-Function-Name"},
    {824, TGPP, WCHG_AVP_UTF8STRING, "SIP-Method"},
    {861, TGPP, WCHG_AVP_INTEGER32, "Cause-Code"},
    {1263, TGPP, WCHG_AVP_OCTETSTRING, "Access-Network-Information"},
    {2708, TGPP, WCHG_AVP_UTF8STRING, "From-Address"},
    {848, TGPP, WCHG_AVP_ADDRESS, "Served-Party-IP-Address"},
    {2712, TGPP, WCHG_AVP_ADDRESS, "Related-IMS-Charging-Identifier-Node"},
    {2705, TGPP, WCHG_AVP_ADDRESS, "Neighbour-Node-Address"},
    {3924, TGPP, WCHG_AVP_OCTETSTRING, "Cellular-Network-Information"},
    {2604, TGPP, WCHG_AVP_ENUMERATED, "Local-GW-Inserted-Indication"},
    {2603, TGPP, WCHG_AVP_ENUMERATED, "IP-Realm-Default-Indication"},
    {2605, TGPP, WCHG_AVP_ENUMERATED, "Transcoder-Inserted-Indication"},
    {2701, TGPP, WCHG_AVP_UTF8STRING, "Transit-IOI-List"},
    {2702, TGPP, WCHG_AVP_ENUMERATED, "Status-AS-Code"},
    {2322, TGPP, WCHG_AVP_ENUMERATED, "IMS-Emergency-Indicator"},
};

START_TEST(required_avps_present) {
  for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
    const wchg_dict_avp *a = must_find(required[i].code, required[i].vendor);
    ck_assert_str_eq(a->name, required[i].name);
    ck_assert_msg(a->type == required[i].type, "%s: type %d, want %d",
                  a->name, (int)a->type, (int)required[i].type);
  }
}
END_TEST

/* value -> name, for an AVP with Enumerated values */
static void expect_enum(uint32_t code, uint32_t vendor, int32_t v,
                        const char *name) {
  const wchg_dict_avp *a = must_find(code, vendor);
  const char *got = wchg_dict_enum_name(a, v);
  ck_assert_msg(got != NULL, "%s: no name for %d", a->name, (int)v);
  ck_assert_str_eq(got, name);
}

START_TEST(enumeration_spot_checks) {
  expect_enum(862, TGPP, 0, "S-CSCF");
  expect_enum(862, TGPP, 1, "P-CSCF");
  expect_enum(862, TGPP, 16, "Proxy Function");
  expect_enum(862, TGPP, 21, "IWK-SCEF");
  ck_assert_uint_eq(must_find(862, TGPP)->n_enums, 22);
  expect_enum(829, TGPP, 0, "ORIGINATING_ROLE");
  expect_enum(829, TGPP, 1, "TERMINATING_ROLE");
  expect_enum(829, TGPP, 2, "FORWARDING_ROLE"); /* Appendix A #1 */
  ck_assert_ptr_null(wchg_dict_enum_name(must_find(829, TGPP), 3));
  expect_enum(872, TGPP, 0, "THRESHOLD");
  expect_enum(872, TGPP, 9, "UNUSED_QUOTA_TIMER"); /* Appendix A #11 */
  expect_enum(480, 0, 1, "EVENT_RECORD");
  expect_enum(480, 0, 4, "STOP_RECORD");
  expect_enum(416, 0, 3, "TERMINATION_REQUEST");
  expect_enum(450, 0, 2, "END_USER_SIP_URI");
  expect_enum(295, 0, 1, "DIAMETER_LOGOUT");
  expect_enum(436, 0, 3, "PRICE_ENQUIRY");
  expect_enum(449, 0, 2, "RESTRICT_ACCESS");
  expect_enum(459, 0, 0, "IMEISV");
  expect_enum(650, TGPP, 0, "PRIORITY-0");
  expect_enum(650, TGPP, 4, "PRIORITY-4");
  expect_enum(2036, TGPP, 0, "SDP_OFFER");
  expect_enum(2036, TGPP, 1, "SDP_ANSWER");
  expect_enum(882, TGPP, 0, "CALLED_PARTY");
  expect_enum(882, TGPP, 2, "UNKNOWN");
  expect_enum(864, TGPP, 0, "CALLING_PARTY");
  expect_enum(2322, TGPP, 1, "EMERGENCY");
  expect_enum(2055, TGPP, 0, "AoC_NOT_REQUESTED");
  expect_enum(2020, TGPP, 0, "NOT-APPLICABLE");
  expect_enum(2702, TGPP, 2, "TIMEOUT");
  expect_enum(2704, TGPP, 2, "ROAMING_WITH_LOOPBACK");
  expect_enum(2707, TGPP, 1, "OUTBOUND");
  expect_enum(2710, TGPP, 3, "CS_TO_CS_TRANSFER");
  expect_enum(3902, TGPP, 1, "INTER_UE_TRANSFER");
  expect_enum(2717, TGPP, 1, "PS");
  expect_enum(870, TGPP, 1, "CHANGE_IN_SGSN_IP_ADDRESS");
  /* Cause-Code is Integer32 with no value names (Appendix A #10) */
  ck_assert_uint_eq(must_find(861, TGPP)->n_enums, 0);
  ck_assert_ptr_null(wchg_dict_enum_name(must_find(861, TGPP), -1));
  ck_assert_ptr_null(wchg_dict_enum_name(NULL, 0));
}
END_TEST

START_TEST(flag_spot_checks) {
  static const uint32_t m_clear[] = {650, 656, 657, 658};
  for (size_t i = 0; i < 4; i++) {
    const wchg_dict_avp *a = must_find(m_clear[i], TGPP);
    ck_assert_int_eq(a->m_rule, WCHG_RULE_MUSTNOT);
    ck_assert_int_eq(a->v_rule, WCHG_RULE_MUST);
  }
  /* Appendix A #4/#5: 3GPP charging AVPs carry M and V */
  ck_assert_int_eq(must_find(823, TGPP)->m_rule, WCHG_RULE_MUST);
  ck_assert_int_eq(must_find(823, TGPP)->v_rule, WCHG_RULE_MUST);
  ck_assert_int_eq(must_find(2036, TGPP)->m_rule, WCHG_RULE_MUST);
  ck_assert_int_eq(must_find(603, TGPP)->m_rule, WCHG_RULE_MUST);
  ck_assert_int_eq(must_find(263, 0)->m_rule, WCHG_RULE_MUST);
  ck_assert_int_eq(must_find(263, 0)->v_rule, WCHG_RULE_MUSTNOT);
  ck_assert_int_eq(must_find(281, 0)->m_rule, WCHG_RULE_MUSTNOT);
  ck_assert_int_eq(must_find(621, 0)->m_rule, WCHG_RULE_MAY);
}
END_TEST

/* The 53 IMS-Information children of facts §2.2, in order. */
static const struct {
  uint32_t code;
  uint16_t min, max;
} ims_children[] = {
    {823, 0, 1},  {829, 0, 1},  {862, 1, 1},  {830, 0, 1},  {2320, 0, 1},
    {650, 0, 1},  {831, 0, 0},  {832, 0, 1},  {1250, 0, 0}, {3917, 0, 1},
    {2024, 0, 1}, {2023, 0, 1}, {1280, 0, 1}, {1251, 0, 0}, {856, 0, 0},
    {833, 0, 1},  {850, 0, 0},  {838, 0, 0},  {2701, 0, 0}, {841, 0, 1},
    {842, 0, 0},  {843, 0, 0},  {848, 0, 1},  {603, 0, 1},  {851, 0, 1},
    {854, 0, 1},  {855, 0, 1},  {1249, 0, 0}, {889, 0, 0},  {861, 0, 1},
    {3401, 0, 0}, {1263, 0, 0}, {3924, 0, 1}, {1272, 0, 0}, {1281, 0, 1},
    {2601, 0, 1}, {2303, 0, 1}, {2305, 0, 1}, {2309, 0, 1}, {2321, 0, 1},
    {2703, 0, 0}, {2708, 0, 1}, {2322, 0, 1}, {2713, 0, 1}, {4401, 0, 0},
    {2709, 0, 0}, {2711, 0, 1}, {2712, 0, 1}, {3403, 0, 1}, {3404, 0, 1},
    {3402, 0, 1}, {2717, 0, 1}, {4413, 0, 1},
};

START_TEST(ims_information_children) {
  const wchg_dict_avp *ims = must_find(876, TGPP);
  ck_assert_str_eq(ims->name, "IMS-Information");
  ck_assert_int_eq(ims->type, WCHG_AVP_GROUPED);
  /* the 53 of TS 32.299, then our two WebRTC AVPs (webrtc_ext.h) */
  ck_assert_uint_eq(ims->n_children, 55);
  ck_assert_uint_eq(ims->children[53].code, 657);
  ck_assert_uint_eq(ims->children[54].code, 658);
  ck_assert_uint_eq(ims->children[53].vendor, 10415);
  ck_assert_uint_eq(ims->children[54].max, 1);
  ck_assert_uint_eq(sizeof ims_children / sizeof ims_children[0], 53);
  for (size_t i = 0; i < 53; i++) {
    const wchg_dict_rule *r = &ims->children[i];
    ck_assert_msg(r->code == ims_children[i].code && r->vendor == TGPP,
                  "child #%zu is %u, want %u", i + 1, (unsigned)r->code,
                  (unsigned)ims_children[i].code);
    ck_assert_msg(r->min == ims_children[i].min && r->max == ims_children[i].max,
                  "child #%zu (%u): %u..%u, want %u..%u", i + 1,
                  (unsigned)r->code, (unsigned)r->min, (unsigned)r->max,
                  (unsigned)ims_children[i].min, (unsigned)ims_children[i].max);
    ck_assert(!r->fixed);
  }
  /* Node-Functionality is the one required child */
  const wchg_dict_rule *nf = rule_of(ims->children, ims->n_children, 862, TGPP);
  ck_assert_ptr_nonnull(nf);
  ck_assert_uint_eq(nf->min, 1);
  /* Carries 657/658 with M clear (DESIGN.md): extensible */
  ck_assert(ims->extensible);
  /* and sits in Service-Information */
  const wchg_dict_avp *si = must_find(873, TGPP);
  ck_assert_ptr_nonnull(rule_of(si->children, si->n_children, 876, TGPP));
  ck_assert_ptr_nonnull(rule_of(si->children, si->n_children, 874, TGPP));
  const wchg_dict_rule *sub = rule_of(si->children, si->n_children, 443, 0);
  ck_assert_ptr_nonnull(sub);
  ck_assert_uint_eq(sub->max, 0);
}
END_TEST

/* Children of a group by code, in order, all vendor |v|, all 0..1. */
static void expect_optional_children(uint32_t code, const uint32_t *kids,
                                     size_t n) {
  const wchg_dict_avp *g = must_find(code, TGPP);
  ck_assert_uint_eq(g->n_children, n);
  for (size_t i = 0; i < n; i++) {
    ck_assert_uint_eq(g->children[i].code, kids[i]);
    ck_assert_uint_eq(g->children[i].vendor, TGPP);
    ck_assert_uint_eq(g->children[i].min, 0);
    ck_assert_uint_eq(g->children[i].max, 1);
  }
}

START_TEST(group_spot_checks) {
  static const uint32_t time_stamps[] = {834, 835, 2301, 2302};
  expect_optional_children(833, time_stamps, 4);
  static const uint32_t event_type[] = {824, 825, 888};
  expect_optional_children(823, event_type, 3);
  static const uint32_t ioi[] = {839, 840};
  expect_optional_children(838, ioi, 2);
  static const uint32_t rtti[] = {2060, 2306};
  expect_optional_children(2305, rtti, 2);

  /* Message-Body: {Content-Type} {Content-Length} [..] [..] */
  const wchg_dict_avp *mb = must_find(889, TGPP);
  ck_assert_uint_eq(mb->n_children, 4);
  ck_assert_uint_eq(mb->children[0].code, 826);
  ck_assert_uint_eq(mb->children[0].min, 1);
  ck_assert_uint_eq(mb->children[1].code, 827);
  ck_assert_uint_eq(mb->children[1].min, 1);
  ck_assert_uint_eq(mb->children[3].code, 864);

  /* SDP-Media-Component: 10 children, 3GPP-Charging-Id and ANCI-Value in */
  const wchg_dict_avp *smc = must_find(843, TGPP);
  ck_assert_uint_eq(smc->n_children, 10);
  ck_assert_ptr_nonnull(rule_of(smc->children, smc->n_children, 2, TGPP));
  ck_assert_ptr_nonnull(rule_of(smc->children, smc->n_children, 503, TGPP));
  ck_assert_uint_eq(rule_of(smc->children, smc->n_children, 845, TGPP)->max, 0);

  /* Early-Media-Description holds SDP-TimeStamps */
  const wchg_dict_avp *emd = must_find(1272, TGPP);
  ck_assert_ptr_nonnull(rule_of(emd->children, emd->n_children, 1273, TGPP));

  /* Trigger {*Trigger-Type}; Server-Capabilities lists 604, 605, 602 */
  const wchg_dict_avp *trg = must_find(1264, TGPP);
  ck_assert_uint_eq(trg->n_children, 1);
  ck_assert_uint_eq(trg->children[0].code, 870);
  ck_assert_uint_eq(trg->children[0].max, 0);
  const wchg_dict_avp *sc = must_find(603, TGPP);
  ck_assert_ptr_nonnull(rule_of(sc->children, sc->n_children, 604, TGPP));
  ck_assert_ptr_nonnull(rule_of(sc->children, sc->n_children, 605, TGPP));
  ck_assert_ptr_nonnull(rule_of(sc->children, sc->n_children, 602, TGPP));

  /* Allowed-WAF-WWSF-Identities {*657, *658, *AVP} */
  const wchg_dict_avp *waf = must_find(656, TGPP);
  ck_assert(waf->extensible);
  ck_assert_uint_eq(waf->n_children, 2);
  ck_assert_uint_eq(waf->children[0].code, 657);
  ck_assert_uint_eq(waf->children[0].max, 0);
  ck_assert_uint_eq(waf->children[1].code, 658);

  /* PS-Information: the P-CSCF children */
  const wchg_dict_avp *ps = must_find(874, TGPP);
  ck_assert_uint_eq(rule_of(ps->children, ps->n_children, 847, TGPP)->max, 0);
  ck_assert_ptr_nonnull(rule_of(ps->children, ps->n_children, 22, TGPP));
  ck_assert_ptr_nonnull(rule_of(ps->children, ps->n_children, 23, TGPP));
  ck_assert_ptr_nonnull(rule_of(ps->children, ps->n_children, 2, TGPP));
  ck_assert_ptr_nonnull(rule_of(ps->children, ps->n_children, 458, 0));

  /* MSCC: RFC 4006 units plus the 3GPP thresholds; extensible */
  const wchg_dict_avp *mscc = must_find(456, 0);
  ck_assert(mscc->extensible);
  ck_assert_uint_eq(rule_of(mscc->children, mscc->n_children, 446, 0)->max, 0);
  ck_assert_uint_eq(rule_of(mscc->children, mscc->n_children, 872, TGPP)->max, 0);
  ck_assert_ptr_nonnull(rule_of(mscc->children, mscc->n_children, 868, TGPP));
  ck_assert_ptr_nonnull(rule_of(mscc->children, mscc->n_children, 1226, TGPP));
  ck_assert_ptr_nonnull(rule_of(mscc->children, mscc->n_children, 1264, TGPP));

  /* USU with Reporting-Reason and *Event-Charging-TimeStamp */
  const wchg_dict_avp *usu = must_find(446, 0);
  ck_assert_ptr_nonnull(rule_of(usu->children, usu->n_children, 872, TGPP));
  ck_assert_uint_eq(rule_of(usu->children, usu->n_children, 1258, TGPP)->max, 0);

  /* CC-Money {Unit-Value {Value-Digits} [Exponent]} [Currency-Code] */
  const wchg_dict_avp *money = must_find(413, 0);
  ck_assert_uint_eq(money->children[0].code, 445);
  ck_assert_uint_eq(money->children[0].min, 1);
  const wchg_dict_avp *uv = must_find(445, 0);
  ck_assert_uint_eq(uv->children[0].code, 447);
  ck_assert_uint_eq(uv->children[0].min, 1);

  /* Subscription-Id: both children required */
  const wchg_dict_avp *sub = must_find(443, 0);
  ck_assert_uint_eq(sub->n_children, 2);
  ck_assert_uint_eq(sub->children[0].min, 1);
  ck_assert_uint_eq(sub->children[1].min, 1);

  /* Failed-AVP: any AVP */
  ck_assert(must_find(279, 0)->extensible);
}
END_TEST

/* ------------------------------------------------------------ lookups */

START_TEST(lookup_by_code) {
  const wchg_dict_avp *a = wchg_dict_find(263, 0);
  ck_assert_ptr_nonnull(a);
  ck_assert_str_eq(a->name, "Session-Id");
  a = wchg_dict_find(657, TGPP);
  ck_assert_ptr_nonnull(a);
  ck_assert_str_eq(a->name, "WebRTC-Authentication-Function-Name");
  /* first and last entries */
  size_t n;
  const wchg_dict_avp *t = table(&n);
  ck_assert_ptr_eq(wchg_dict_find(t[0].code, t[0].vendor), &t[0]);
  ck_assert_ptr_eq(wchg_dict_find(t[n - 1].code, t[n - 1].vendor), &t[n - 1]);
  /* misses: right code wrong vendor, unknown codes, extremes */
  ck_assert_ptr_null(wchg_dict_find(263, TGPP));
  ck_assert_ptr_null(wchg_dict_find(876, 0));
  ck_assert_ptr_null(wchg_dict_find(393, 0)); /* RFC 4740 SIP-Method */
  ck_assert_ptr_null(wchg_dict_find(0, 0));
  ck_assert_ptr_null(wchg_dict_find(999999, 0));
  ck_assert_ptr_null(wchg_dict_find(UINT32_MAX, UINT32_MAX));
  ck_assert_ptr_null(wchg_dict_find(1, 1));
}
END_TEST

START_TEST(lookup_by_name) {
  const wchg_dict_avp *a = wchg_dict_find_name("IMS-Information");
  ck_assert_ptr_nonnull(a);
  ck_assert_uint_eq(a->code, 876);
  ck_assert_uint_eq(a->vendor, TGPP);
  a = wchg_dict_find_name("Local-GW-Inserted-Indication");
  ck_assert_ptr_nonnull(a);
  ck_assert_uint_eq(a->code, 2604);
  ck_assert_ptr_nonnull(wchg_dict_find_name("Reporting-Reason"));
  ck_assert_ptr_nonnull(wchg_dict_find_name("SIP-Method"));
  /* WS-dict spellings are not ours (Appendix A #12) */
  ck_assert_ptr_null(wchg_dict_find_name("3GPP-SIP-Method"));
  ck_assert_ptr_null(wchg_dict_find_name("3GPP-Reporting-Reason"));
  ck_assert_ptr_null(wchg_dict_find_name("Local-GW-Inserted-Indicator"));
  ck_assert_ptr_null(wchg_dict_find_name("Cellular-Network-Information "));
  /* exact and case sensitive */
  ck_assert_ptr_null(wchg_dict_find_name("session-id"));
  ck_assert_ptr_null(wchg_dict_find_name("Session-I"));
  ck_assert_ptr_null(wchg_dict_find_name(""));
  ck_assert_ptr_null(wchg_dict_find_name(NULL));
}
END_TEST

/* ------------------------------------------------------------ commands */

/* Every code of |req| is in the command with min 1 (required). */
static void expect_required(const wchg_dict_command *c, const uint32_t *req,
                            size_t n) {
  size_t n_required = 0;
  for (size_t i = 0; i < c->n_avps; i++)
    if (c->avps[i].min > 0)
      n_required++;
  ck_assert_uint_eq(n_required, n);
  for (size_t i = 0; i < n; i++) {
    const wchg_dict_rule *r = rule_of(c->avps, c->n_avps, req[i], 0);
    ck_assert_msg(r != NULL, "%s: %u missing", c->name, (unsigned)req[i]);
    ck_assert_msg(r->min == 1 && r->max == 1, "%s: %u not 1..1", c->name,
                  (unsigned)req[i]);
  }
}

static const wchg_dict_command *command(uint32_t code, uint32_t app, bool req,
                                        const char *name) {
  const wchg_dict_command *c = wchg_dict_find_command(code, app, req);
  ck_assert_ptr_nonnull(c);
  ck_assert_uint_eq(c->code, code);
  ck_assert_uint_eq(c->app_id, app);
  ck_assert(c->request == req);
  ck_assert_str_eq(c->name, name);
  ck_assert(c->extensible);
  ck_assert_uint_gt(c->n_avps, 1);
  /* < Session-Id > first, and only it is fixed */
  ck_assert_uint_eq(c->avps[0].code, 263);
  ck_assert_uint_eq(c->avps[0].vendor, 0);
  ck_assert(c->avps[0].fixed);
  ck_assert_uint_eq(c->avps[0].min, 1);
  ck_assert_uint_eq(c->avps[0].max, 1);
  for (size_t i = 1; i < c->n_avps; i++)
    ck_assert(!c->avps[i].fixed);
  return c;
}

START_TEST(accounting_commands) {
  const wchg_dict_command *acr = command(271, 3, true, "Accounting-Request");
  static const uint32_t acr_req[] = {263, 264, 296, 283, 480, 485};
  expect_required(acr, acr_req, 6);
  ck_assert_ptr_nonnull(rule_of(acr->avps, acr->n_avps, 873, TGPP));
  ck_assert_uint_eq(rule_of(acr->avps, acr->n_avps, 284, 0)->max, 0);
  ck_assert_uint_eq(rule_of(acr->avps, acr->n_avps, 259, 0)->max, 1);

  const wchg_dict_command *aca = command(271, 3, false, "Accounting-Answer");
  static const uint32_t aca_req[] = {263, 268, 264, 296, 480, 485};
  expect_required(aca, aca_req, 6);
  ck_assert_ptr_nonnull(rule_of(aca->avps, aca->n_avps, 297, 0));
  ck_assert_ptr_nonnull(rule_of(aca->avps, aca->n_avps, 279, 0));
}
END_TEST

START_TEST(credit_control_commands) {
  const wchg_dict_command *ccr = command(272, 4, true, "Credit-Control-Request");
  static const uint32_t ccr_req[] = {263, 264, 296, 283, 258, 461, 416, 415};
  expect_required(ccr, ccr_req, 8);
  ck_assert_uint_eq(rule_of(ccr->avps, ccr->n_avps, 456, 0)->max, 0);
  ck_assert_uint_eq(rule_of(ccr->avps, ccr->n_avps, 443, 0)->max, 0);
  ck_assert_ptr_nonnull(rule_of(ccr->avps, ccr->n_avps, 2055, TGPP));
  ck_assert_ptr_nonnull(rule_of(ccr->avps, ccr->n_avps, 873, TGPP));

  const wchg_dict_command *cca = command(272, 4, false, "Credit-Control-Answer");
  static const uint32_t cca_req[] = {263, 268, 264, 296, 258, 416, 415};
  expect_required(cca, cca_req, 7);
  ck_assert_ptr_nonnull(rule_of(cca->avps, cca->n_avps, 2020, TGPP));
  ck_assert_ptr_nonnull(rule_of(cca->avps, cca->n_avps, 2021, TGPP));
  ck_assert_ptr_nonnull(rule_of(cca->avps, cca->n_avps, 623, 0));
  ck_assert_uint_eq(rule_of(cca->avps, cca->n_avps, 292, 0)->max, 0);
}
END_TEST

START_TEST(unknown_commands) {
  ck_assert_ptr_null(wchg_dict_find_command(271, 4, true));
  ck_assert_ptr_null(wchg_dict_find_command(272, 3, false));
  ck_assert_ptr_null(wchg_dict_find_command(271, 16777218, true)); /* A #15 */
  ck_assert_ptr_null(wchg_dict_find_command(257, 0, true));        /* CER */
  ck_assert_ptr_null(wchg_dict_find_command(0, 0, false));
}
END_TEST


/* lib/dict_meta.inc (generated) is what the table derives today: after a
 * change of the table, `make dict-meta` regenerates it. */
START_TEST(meta_table_current) {
  size_t n = wchg_dict_meta_count(), navps;
  const wchg_dict_avp *base, *avps = wchg_dict_avps(&navps);
  const struct wchg_dict_meta *table = wchg_dict_meta_table(&base);
  struct wchg_dict_meta *fresh = calloc(n, sizeof *fresh);
  ck_assert_ptr_nonnull(fresh);
  ck_assert_ptr_eq(base, avps);
  wchg_dict_meta_derive(fresh);
  for (size_t i = 0; i < n; i++) {
    const struct wchg_dict_meta *t =
        i < navps ? wchg_dict_meta_of(table, base, &avps[i])
                  : (const struct wchg_dict_meta *)(const void *)((const char *)table +
                                                                  i * sizeof(wchg_dict_avp));
    const struct wchg_dict_meta *f = &fresh[i];
    ck_assert_msg(t->req[0] == f->req[0] && t->req[1] == f->req[1] &&
                      t->once[0] == f->once[0] && t->once[1] == f->once[1] &&
                      t->lo == f->lo && t->hi == f->hi && t->nfixed == f->nfixed &&
                      t->simple == f->simple && t->flat == f->flat && t->dense == f->dense &&
                      t->kind == f->kind && t->fmask == f->fmask && t->fval == f->fval,
                  "lib/dict_meta.inc is stale at entry %zu (%s): run make dict-meta", i,
                  i < navps ? avps[i].name : "a command");
  }
  free(fresh);
}
END_TEST

Suite *dict_suite(void) {
  Suite *s = suite_create("dict");
  TCase *tc = tcase_create("table");
  tcase_add_test(tc, sorted_without_duplicates);
  tcase_add_test(tc, names_unique_and_clean);
  tcase_add_test(tc, every_child_exists);
  tcase_add_test(tc, enum_names_only_on_enumerated);
  tcase_add_test(tc, flag_rules);
  tcase_add_test(tc, find_returns_table_entries);
  suite_add_tcase(s, tc);

  tc = tcase_create("contents");
  tcase_add_test(tc, required_avps_present);
  tcase_add_test(tc, enumeration_spot_checks);
  tcase_add_test(tc, flag_spot_checks);
  tcase_add_test(tc, ims_information_children);
  tcase_add_test(tc, meta_table_current);
  tcase_add_test(tc, group_spot_checks);
  suite_add_tcase(s, tc);

  tc = tcase_create("lookup");
  tcase_add_test(tc, lookup_by_code);
  tcase_add_test(tc, lookup_by_name);
  suite_add_tcase(s, tc);

  tc = tcase_create("commands");
  tcase_add_test(tc, accounting_commands);
  tcase_add_test(tc, credit_control_commands);
  tcase_add_test(tc, unknown_commands);
  suite_add_tcase(s, tc);
  return s;
}
