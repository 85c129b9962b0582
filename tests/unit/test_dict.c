/*
 * test_dict.c: dict_suite — the Diameter dictionary (dict.h): table
 * invariants (order, unique names, children that exist, enum names only
 * on Enumerated AVPs, flag rules), spot checks of values of TS 32.299,
 * TS 29.229, RFC 6733 and RFC 4006, lookups and the ACR/ACA/CCR/CCA
 * command ABNF. Where Wireshark's dictionary says otherwise we follow
 * 3GPP: docs/wireshark-dictionary.md.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <check.h>
#include <stdlib.h>

#include "base/internal.h"
#include <stdint.h>
#include <string.h>

#include <webrtc_chg/diameter.h>
#include <webrtc_chg/dict.h>

#include "testutil.h"

Suite *dict_suite(void);

#define TGPP2 5535u
#define TGPP 10415u
#define ETSI 13019u

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

/* IETF AVPs whose M rule is not MUST: Error-Message and
 * Error-Reporting-Host (RFC 6733 §4.5), User-Equipment-Info and its
 * children (RFC 4006 §8), the OC-* AVPs of overload control, as TS 32.299
 * lists its IETF AVPs; 3GPP AVPs whose M rule is not MUST: Session-Priority
 * and the Cx WebRTC AVPs 656..658 (TS 29.229). */
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


/* Every row issue 18 added (RFC 6733 §4.5, RFC 4006 §8, the TS 32.299
 * Service-Information tree and what it imports), by (code, vendor), with
 * its type and M rule as the sources give them (see dict.c). */
static const struct {
  uint32_t code, vendor;
  wchg_avp_type type;
  wchg_flag_rule m;
  const char *name;
} added[] = {
    {27, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Session-Timeout"},
    {30, 0, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "Called-Station-Id"},
    {257, 0, WCHG_AVP_ADDRESS, WCHG_RULE_MUST, "Host-IP-Address"},
    {265, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Supported-Vendor-Id"},
    {267, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Firmware-Revision"},
    {269, 0, WCHG_AVP_UTF8STRING, WCHG_RULE_MUSTNOT, "Product-Name"},
    {270, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Session-Binding"},
    {271, 0, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Session-Server-Failover"},
    {272, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Multi-Round-Time-Out"},
    {273, 0, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Disconnect-Cause"},
    {274, 0, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Auth-Request-Type"},
    {276, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Auth-Grace-Period"},
    {277, 0, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Auth-Session-State"},
    {285, 0, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Re-Auth-Request-Type"},
    {291, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Authorization-Lifetime"},
    {299, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Inband-Security-Id"},
    {363, 0, WCHG_AVP_UNSIGNED64, WCHG_RULE_MUST, "Accounting-Input-Octets"},
    {364, 0, WCHG_AVP_UNSIGNED64, WCHG_RULE_MUST, "Accounting-Output-Octets"},
    {419, 0, WCHG_AVP_UNSIGNED64, WCHG_RULE_MUST, "CC-Sub-Session-Id"},
    {426, 0, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Credit-Control"},
    {440, 0, WCHG_AVP_GROUPED, WCHG_RULE_MAY, "Service-Parameter-Info"},
    {441, 0, WCHG_AVP_UNSIGNED32, WCHG_RULE_MAY, "Service-Parameter-Type"},
    {442, 0, WCHG_AVP_OCTETSTRING, WCHG_RULE_MAY, "Service-Parameter-Value"},
    {483, 0, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Accounting-Realtime-Required"},
    {9010, TGPP2, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "3GPP2-BSID"},
    {1, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "3GPP-IMSI"},
    {3, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "3GPP-PDP-Type"},
    {4, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-CG-Address"},
    {5, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "3GPP-GPRS-Negotiated-QoS-Profile"},
    {6, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-SGSN-Address"},
    {7, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-GGSN-Address"},
    {8, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "3GPP-IMSI-MCC-MNC"},
    {9, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "3GPP-GGSN-MCC-MNC"},
    {10, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "3GPP-NSAPI"},
    {11, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-Session-Stop-Indicator"},
    {12, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "3GPP-Selection-Mode"},
    {13, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "3GPP-Charging-Characteristics"},
    {14, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "3GPP-CG-Ipv6-Address"},
    {15, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "3GPP-SGSN-Ipv6-Address"},
    {16, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "3GPP-GGSN-Ipv6-Address"},
    {17, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "3GPP-Ipv6-DNS-Servers"},
    {18, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "3GPP-SGSN-MCC-MNC"},
    {20, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "3GPP-IMEISV"},
    {24, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-CAMEL-Charging-Info"},
    {25, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-Packet-Filter"},
    {26, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-Negotiated-DSCP"},
    {27, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-Allocate-IP-Type"},
    {29, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "TWAN-Identifier"},
    {30, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-User-Location-Info-Time"},
    {31, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "3GPP-Secondary-RAT-Usage"},
    {505, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "AF-Charging-Identifier"},
    {509, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Flow-Number"},
    {510, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Flows"},
    {515, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Max-Requested-Bandwidth-DL"},
    {516, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Max-Requested-Bandwidth-UL"},
    {518, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Media-Component-Number"},
    {531, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUSTNOT, "Sponsor-Identity"},
    {532, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUSTNOT, "Application-Service-Provider-Identity"},
    {549, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Media-Component-Status"},
    {552, TGPP, WCHG_AVP_UNSIGNED64, WCHG_RULE_MUSTNOT, "Content-Version"},
    {554, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Extended-Max-Requested-BW-DL"},
    {555, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Extended-Max-Requested-BW-UL"},
    {565, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MAY, "Callee-Information"},
    {628, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MAY, "Supported-Features"},
    {629, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Feature-List-ID"},
    {630, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Feature-List"},
    {846, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUST, "CG-Address"},
    {866, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "PS-Free-Format-Data"},
    {867, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "PS-Append-Free-Format-Data"},
    {885, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Number-Of-Participants"},
    {1004, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "Charging-Rule-Base-Name"},
    {1020, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "Bearer-Identifier"},
    {1025, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Guaranteed-Bitrate-DL"},
    {1026, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Guaranteed-Bitrate-UL"},
    {1027, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "IP-CAN-Type"},
    {1028, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "QoS-Class-Identifier"},
    {1034, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUSTNOT, "Allocation-Retention-Priority"},
    {1040, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "APN-Aggregate-Max-Bitrate-DL"},
    {1041, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "APN-Aggregate-Max-Bitrate-UL"},
    {1046, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Priority-Level"},
    {1047, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUSTNOT, "Pre-emption-Capability"},
    {1048, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUSTNOT, "Pre-emption-Vulnerability"},
    {1091, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUSTNOT, "TDF-IP-Address"},
    {1095, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "ADC-Rule-Base-Name"},
    {1227, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUST, "PDP-Address"},
    {1228, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUST, "SGSN-Address"},
    {1247, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "PDP-Context-Type"},
    {1265, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Base-Time-Interval"},
    {1267, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUST, "Envelope-End-Time"},
    {1269, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUST, "Envelope-Start-Time"},
    {1271, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Time-Quota-Type"},
    {1278, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Offline-Charging"},
    {1301, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUSTNOT, "RAN-End-Timestamp"},
    {1302, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUSTNOT, "RAN-Secondary-RAT-Usage-Report"},
    {1303, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUSTNOT, "RAN-Start-Timestamp"},
    {1304, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "Secondary-RAT-Type"},
    {1305, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUSTNOT, "Civic-Address-Information"},
    {1306, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUSTNOT, "WLAN-Operator-Id"},
    {1307, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUSTNOT, "WLAN-Operator-Name"},
    {1308, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUSTNOT, "WLAN-PLMN-Id"},
    {1323, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MAY, "VoLTE-Information"},
    {1324, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MAY, "PSCell-Info"},
    {1325, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MAY, "NR-CGI"},
    {1401, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Terminal-Information"},
    {1402, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "IMEI"},
    {1403, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "Software-Version"},
    {1437, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "CSG-Id"},
    {1471, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "3GPP2-MEID"},
    {1524, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUSTNOT, "SSID"},
    {1645, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "MME-Number-for-MT-SMS"},
    {2031, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "MMTel-SService-Type"},
    {2032, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Service-Mode"},
    {2033, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Subscriber-Role"},
    {2034, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Number-Of-Diversions"},
    {2035, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "Associated-Party-Address"},
    {2037, TGPP, WCHG_AVP_INTEGER32, WCHG_RULE_MUST, "Change-Condition"},
    {2039, TGPP, WCHG_AVP_INTEGER32, WCHG_RULE_MUST, "Diagnostics"},
    {2040, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Service-Data-Container"},
    {2041, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUST, "Start-Time"},
    {2042, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUST, "Stop-Time"},
    {2043, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUST, "Time-First-Usage"},
    {2044, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUST, "Time-Last-Usage"},
    {2045, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Time-Usage"},
    {2046, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Traffic-Data-Volumes"},
    {2047, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Serving-Node-Type"},
    {2048, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Supplementary-Service"},
    {2049, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Participant-Action-Type"},
    {2050, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "PDN-Connection-Charging-ID"},
    {2051, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Dynamic-Address-Flag"},
    {2052, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Accumulated-Cost"},
    {2053, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "AoC-Cost-Information"},
    {2056, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Current-Tariff"},
    {2057, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Next-Tariff"},
    {2058, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Rate-Element"},
    {2059, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Scale-Factor"},
    {2061, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Unit-Cost"},
    {2062, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Incremental-Cost"},
    {2063, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Local-Sequence-Number"},
    {2064, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "Node-Id"},
    {2065, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "SGW-Change"},
    {2066, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Charging-Characteristics-Selection-Mode"},
    {2067, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUST, "SGW-Address"},
    {2068, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Dynamic-Address-Flag-Extension"},
    {2118, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Charge-Reason-Code"},
    {2304, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUST, "CUG-Information"},
    {2308, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "IMSI-Unauthenticated-Flag"},
    {2310, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "AoC-Format"},
    {2311, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "AoC-Service"},
    {2312, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "AoC-Service-Obligatory-Type"},
    {2313, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "AoC-Service-Type"},
    {2314, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "AoC-Subscription-Information"},
    {2315, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Preferred-AoC-Currency"},
    {2317, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "CSG-Access-Mode"},
    {2318, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "CSG-Membership-Indication"},
    {2319, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "User-CSG-Information"},
    {2402, TGPP, WCHG_AVP_DIAMETERIDENTITY, WCHG_RULE_MUST, "MME-Name"},
    {2408, TGPP, WCHG_AVP_DIAMETERIDENTITY, WCHG_RULE_MUSTNOT, "MME-Realm"},
    {2602, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Low-Priority-Indicator"},
    {2606, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "PDP-Address-Prefix-Length"},
    {2714, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "TWAN-User-Location-Info"},
    {2716, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "BSSID"},
    {2805, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUSTNOT, "UE-Local-IP-Address"},
    {2806, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "UDP-Source-Port"},
    {2812, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUSTNOT, "User-Location-Info-Time"},
    {2818, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUSTNOT, "Conditional-APN-Aggregate-Max-Bitrate"},
    {2819, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "RAN-NAS-Release-Cause"},
    {2820, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "Presence-Reporting-Area-Elements-List"},
    {2821, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "Presence-Reporting-Area-Identifier"},
    {2822, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUSTNOT, "Presence-Reporting-Area-Information"},
    {2823, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Presence-Reporting-Area-Status"},
    {2825, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUSTNOT, "Fixed-User-Location-Info"},
    {2830, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUSTNOT, "NBIFOM-Mode"},
    {2831, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUSTNOT, "NBIFOM-Support"},
    {2833, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Access-Availability-Change-Reason"},
    {2836, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "Traffic-Steering-Policy-Identifier-DL"},
    {2837, TGPP, WCHG_AVP_OCTETSTRING, WCHG_RULE_MUSTNOT, "Traffic-Steering-Policy-Identifier-UL"},
    {2843, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "TCP-Source-Port"},
    {2848, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Extended-APN-AMBR-DL"},
    {2849, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Extended-APN-AMBR-UL"},
    {2850, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Extended-GBR-DL"},
    {2851, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Extended-GBR-UL"},
    {2855, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUSTNOT, "Presence-Reporting-Area-Node"},
    {3421, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "CN-Operator-Selection-Entity"},
    {3425, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUST, "ePDG-Address"},
    {3901, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Enhanced-Diagnostics"},
    {3903, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUST, "TWAG-Address"},
    {3905, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Announcement-Identifier"},
    {3906, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Announcement-Order"},
    {3907, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Variable-Part"},
    {3908, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Variable-Part-Order"},
    {3909, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Variable-Part-Type"},
    {3910, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "Variable-Part-Value"},
    {3911, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Time-Indicator"},
    {3912, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Quota-Indicator"},
    {3913, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Play-Alternative"},
    {3914, TGPP, WCHG_AVP_UTF8STRING, WCHG_RULE_MUST, "Language"},
    {3915, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Privacy-Indicator"},
    {3918, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "UWAN-User-Location-Info"},
    {3925, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Related-Change-Condition-Information"},
    {3930, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "CP-CIoT-EPS-Optimisation-Indicator"},
    {3931, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "SGi-PtP-Tunnelling-Method"},
    {3932, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "UNI-PDU-CP-Only-Flag"},
    {3933, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "APN-Rate-Control"},
    {3934, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "APN-Rate-Control-Downlink"},
    {3935, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "APN-Rate-Control-Uplink"},
    {3936, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Additional-Exception-Reports"},
    {3937, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Rate-Control-Max-Message-Size"},
    {3938, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Rate-Control-Max-Rate"},
    {3939, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Rate-Control-Time-Unit"},
    {3940, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "SCS-AS-Address"},
    {3941, TGPP, WCHG_AVP_ADDRESS, WCHG_RULE_MUST, "SCS-Address"},
    {3942, TGPP, WCHG_AVP_DIAMETERIDENTITY, WCHG_RULE_MUST, "SCS-Realm"},
    {4310, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "Serving-PLMN-Rate-Control"},
    {4311, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Uplink-Rate-Limit"},
    {4312, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Downlink-Rate-Limit"},
    {4318, TGPP, WCHG_AVP_GROUPED, WCHG_RULE_MUST, "RRC-Cause-Counter"},
    {4319, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Counter-Value"},
    {4320, TGPP, WCHG_AVP_TIME, WCHG_RULE_MUST, "RRC-Counter-Timestamp"},
    {4400, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "Charging-Per-IP-CAN-Session-Indicator"},
    {4406, TGPP, WCHG_AVP_ENUMERATED, WCHG_RULE_MUST, "3GPP-PS-Data-Off-Status"},
    {4407, TGPP, WCHG_AVP_UNSIGNED32, WCHG_RULE_MUST, "Unused-Quota-Timer"},
    {302, ETSI, WCHG_AVP_OCTETSTRING, WCHG_RULE_MAY, "Logical-Access-ID"},
    {313, ETSI, WCHG_AVP_UTF8STRING, WCHG_RULE_MAY, "Physical-Access-ID"},
};
#define N_ADDED (sizeof added / sizeof added[0])

START_TEST(added_rows_present) {
  ck_assert_uint_eq(N_ADDED, 223);
  for (size_t i = 0; i < N_ADDED; i++) {
    const wchg_dict_avp *a = wchg_dict_find(added[i].code, added[i].vendor);
    ck_assert_msg(a != NULL, "%s (%u/%u) missing", added[i].name, (unsigned)added[i].code,
                  (unsigned)added[i].vendor);
    ck_assert_str_eq(a->name, added[i].name);
    ck_assert_msg(a->type == added[i].type, "%s: type %d, want %d", a->name, (int)a->type,
                  (int)added[i].type);
    ck_assert_msg(a->m_rule == added[i].m, "%s: M rule %d, want %d", a->name, (int)a->m_rule,
                  (int)added[i].m);
    ck_assert_int_eq(a->v_rule, added[i].vendor ? WCHG_RULE_MUST : WCHG_RULE_MUSTNOT);
    ck_assert_ptr_eq(wchg_dict_find_name(added[i].name), a);
  }
  /* the table grew from 231 rows to 454 */
  size_t n;
  table(&n);
  ck_assert_uint_eq(n, 231 + N_ADDED);
}
END_TEST

START_TEST(flag_rules) {
  size_t n;
  const wchg_dict_avp *t = table(&n);
  for (size_t i = 0; i < n; i++) {
    ck_assert_msg(t[i].v_rule ==
                      (t[i].vendor ? WCHG_RULE_MUST : WCHG_RULE_MUSTNOT),
                  "%s: V rule does not match vendor %u", t[i].name,
                  (unsigned)t[i].vendor);
    ck_assert_msg(t[i].p_rule == WCHG_RULE_MUSTNOT, "%s: P rule", t[i].name);
    /* the rows of issue 18 carry their own rule (added[]) */
    bool listed = false;
    wchg_flag_rule want = WCHG_RULE_MUST;
    for (size_t k = 0; k < N_ADDED; k++)
      if (added[k].code == t[i].code && added[k].vendor == t[i].vendor) {
        want = added[k].m;
        listed = true;
      }
    if (!listed && t[i].vendor != 0 && t[i].vendor != TGPP)
      continue; /* oneM2M's AVPs: not in the tables checked here */
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

/* The AVPs the charging messages need (issue 3: RFC 6733, RFC 4006,
 * TS 32.299), by (code, vendor, type). */
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
  expect_enum(829, TGPP, 2, "FORWARDING_ROLE"); /* not PROXY_ROLE (Wireshark) */
  ck_assert_ptr_null(wchg_dict_enum_name(must_find(829, TGPP), 3));
  expect_enum(872, TGPP, 0, "THRESHOLD");
  expect_enum(872, TGPP, 9, "UNUSED_QUOTA_TIMER"); /* Wireshark lacks it */
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
  /* Cause-Code is Integer32 with no value names (TS 32.299 §7.2.35) */
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
  /* 3GPP charging AVPs carry M and V (TS 32.299), Event-Type too */
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

/* The 53 children of IMS-Information (TS 32.299, its ABNF), in order. */
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
  /* Carries 657/658 with M clear (webrtc_ext.h): extensible */
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

/* ------------------------------------------------------------ groups of issue 18 */

/* One child rule: (code, vendor) with min..max (max 0: unbounded). */
struct kid {
  uint32_t code, vendor;
  uint16_t min, max;
};
#define O(c, v) {c, v, 0, 1} /* [ x ] */
#define A(c, v) {c, v, 0, 0} /* *[ x ] */
#define Q(c, v) {c, v, 1, 1} /* { x } */
/* A Grouped AVP's children in ABNF order and whether it is extensible. */
struct group_spec {
  uint32_t code, vendor;
  bool ext;
  size_t n;
  const struct kid *kids;
};
#define KIDS_OF(...) (sizeof((const struct kid[]){__VA_ARGS__}) / sizeof(struct kid)), \
                     (const struct kid[]){__VA_ARGS__}
#define G(code, vendor, ext, ...) {code, vendor, ext, KIDS_OF(__VA_ARGS__)}
#define T TGPP

/* RFC 4006 §8.43; TS 32.299 §7.2 and the specs it imports (Rel-17 ABNF) */
static const struct group_spec new_groups[] = {
    G(440, 0, false, Q(441, 0), Q(442, 0)),
    /* PS-Information: the 74 children of TS 32.299 §7.2.158 */
    G(874, T, true, A(628, T), O(2, T), O(2050, T), O(2064, T), O(3, T), A(1227, T), O(2606, T),
      O(2051, T), O(2068, T), O(1016, T), A(1228, T), A(847, T), A(1091, T), A(2067, T),
      A(3425, T), A(3903, T), O(846, T), O(2047, T), O(2065, T), O(8, T), O(2308, T), O(9, T),
      O(10, T), O(30, 0), O(11, T), O(12, T), O(13, T), O(2066, T), O(18, T), O(23, T),
      O(1004, T), O(1095, T), O(22, T), O(2812, T), O(2319, T), A(2822, T), O(9010, TGPP2),
      O(2714, T), O(3918, T), O(21, T), O(865, T), O(1247, T), O(1278, T), A(2046, T), A(2040, T),
      O(458, 0), O(1401, T), O(2041, T), O(2042, T), O(2037, T), O(2039, T), O(2602, T),
      O(2830, T), O(2831, T), O(1645, T), O(2402, T), O(2408, T), O(302, ETSI), O(313, ETSI),
      O(2825, T), O(3421, T), O(3901, T), O(3931, T), O(3930, T), O(3932, T), O(4310, T),
      O(3933, T), O(4400, T), O(4318, T), O(4406, T), O(3940, T), O(4407, T), A(1302, T),
      O(1324, T)),
    G(865, T, true, Q(2, T), Q(866, T), O(867, T)),
    G(1016, T, true, O(1028, T), O(516, T), O(515, T), O(555, T), O(554, T), O(1026, T),
      O(1025, T), O(2851, T), O(2850, T), O(1020, T), O(1034, T), O(1041, T), O(1040, T),
      O(2849, T), O(2848, T), A(2818, T)),
    G(1034, T, false, Q(1046, T), O(1047, T), O(1048, T)),
    G(2818, T, true, O(1041, T), O(1040, T), O(2849, T), O(2848, T), A(1027, T)),
    G(2822, T, true, O(2821, T), O(2823, T), O(2820, T), O(2855, T)),
    G(2825, T, true, O(1524, T), O(2716, T), O(302, ETSI), O(313, ETSI)),
    G(510, T, true, Q(518, T), A(509, T), A(552, T), O(449, 0), O(549, T)),
    G(565, T, true, O(832, T), A(1251, T), A(1250, T)),
    G(628, T, true, Q(266, 0), Q(629, T), Q(630, T)),
    G(1401, T, true, O(1402, T), O(1471, T), O(1403, T)),
    G(4310, T, true, O(4311, T), O(4312, T)),
    G(4318, T, true, O(4319, T), O(4320, T)),
    G(1278, T, true, O(881, T), O(1270, T), O(1268, T), A(456, 0)),
    G(1266, T, true, Q(1269, T), O(1267, T), O(421, 0), O(412, 0), O(414, 0), O(417, 0)),
    G(1270, T, true, Q(1271, T), Q(1265, T)),
    G(1276, T, true, Q(505, T), A(510, T)),
    G(3904, T, true, Q(3905, T), A(3907, T), O(3911, T), O(3912, T), O(3906, T), O(3913, T),
      O(3915, T), O(3914, T)),
    G(3907, T, false, O(3908, T), Q(3909, T), Q(3910, T)),
    G(3926, T, true, A(870, T)),
    G(2040, T, false, O(1276, T), O(1004, T), O(363, 0), O(364, 0), O(2063, T), O(1016, T),
      O(432, 0), O(2038, T), O(439, 0), O(1249, T), O(1095, T), O(1228, T), O(2043, T),
      O(2044, T), O(2045, T), A(2037, T), O(22, T), O(9010, TGPP2), O(3918, T), O(2714, T),
      O(531, T), O(532, T), A(2822, T), O(2823, T), O(2319, T), O(21, T), O(3925, T),
      O(4310, T), O(3933, T), O(4406, T), O(2836, T), O(2837, T), O(1323, T)),
    G(2046, T, false, O(1016, T), O(363, 0), O(364, 0), O(2037, T), O(2038, T), O(22, T),
      O(3918, T), O(2, T), O(2823, T), A(2822, T), O(2319, T), O(21, T), O(2833, T),
      O(3925, T), O(2039, T), O(3901, T), O(3930, T), O(4310, T), O(3933, T)),
    G(3925, T, false, O(1228, T), A(2037, T), O(22, T), O(9010, TGPP2), O(3918, T), O(2823, T),
      O(2319, T), O(21, T)),
    G(2319, T, false, Q(1437, T), Q(2317, T), O(2318, T)),
    G(2714, T, false, Q(1524, T), O(2716, T), O(1305, T), O(1306, T), O(302, ETSI)),
    G(3918, T, false, Q(2805, T), O(2806, T), O(1524, T), O(2716, T), O(2843, T), O(1305, T),
      O(1306, T), O(302, ETSI)),
    G(1306, T, false, O(1308, T), O(1307, T)),
    G(3901, T, false, A(2819, T)),
    G(3933, T, false, O(3935, T), O(3934, T)),
    G(3935, T, false, O(3936, T), O(3939, T), O(3938, T)),
    G(3934, T, false, O(3939, T), O(3938, T), O(3937, T)),
    G(3940, T, false, O(3942, T), O(3941, T)),
    G(1302, T, false, O(1304, T), O(1303, T), O(1301, T), O(363, 0), O(364, 0), O(2, T)),
    G(1324, T, false, O(1325, T)),
    G(1323, T, false, O(831, T), O(565, T)),
    /* MMTel-Information and AoC-Information */
    G(2030, T, true, A(2048, T)),
    G(2048, T, false, O(2031, T), O(2032, T), O(2034, T), O(2035, T), O(855, T), O(2038, T),
      O(885, T), O(2049, T), O(2304, T), O(2054, T)),
    G(2054, T, true, O(2053, T), O(2060, T), O(2314, T)),
    G(2053, T, false, O(2052, T), A(2062, T), O(425, 0)),
    G(2052, T, false, Q(447, 0), O(429, 0)),
    G(2062, T, false, Q(447, 0), O(429, 0)),
    G(2060, T, true, Q(2056, T), O(451, 0), O(2057, T)),
    G(2056, T, false, O(425, 0), O(2059, T), A(2058, T)),
    G(2057, T, false, O(425, 0), O(2059, T), A(2058, T)),
    G(2059, T, false, Q(447, 0), O(429, 0)),
    G(2058, T, false, Q(454, 0), O(2118, T), O(445, 0), O(2061, T), O(1226, T)),
    G(2061, T, false, Q(447, 0), O(429, 0)),
    G(2314, T, false, A(2311, T), O(2310, T), O(2315, T)),
    G(2311, T, false, O(2312, T), O(2313, T)),
};
#undef T

START_TEST(new_group_children) {
  for (size_t i = 0; i < sizeof new_groups / sizeof new_groups[0]; i++) {
    const struct group_spec *s = &new_groups[i];
    const wchg_dict_avp *g = must_find(s->code, s->vendor);
    ck_assert_msg(g->type == WCHG_AVP_GROUPED, "%s is not Grouped", g->name);
    ck_assert_msg(g->extensible == s->ext, "%s: extensible %d, want %d", g->name,
                  (int)g->extensible, (int)s->ext);
    ck_assert_msg(g->n_children == s->n, "%s: %zu children, want %zu", g->name,
                  g->n_children, s->n);
    for (size_t k = 0; k < s->n; k++) {
      const wchg_dict_rule *r = &g->children[k];
      ck_assert_msg(r->code == s->kids[k].code && r->vendor == s->kids[k].vendor,
                    "%s child #%zu is %u/%u, want %u/%u", g->name, k + 1, (unsigned)r->code,
                    (unsigned)r->vendor, (unsigned)s->kids[k].code,
                    (unsigned)s->kids[k].vendor);
      ck_assert_msg(r->min == s->kids[k].min && r->max == s->kids[k].max,
                    "%s child #%zu (%u): %u..%u, want %u..%u", g->name, k + 1,
                    (unsigned)r->code, (unsigned)r->min, (unsigned)r->max,
                    (unsigned)s->kids[k].min, (unsigned)s->kids[k].max);
      ck_assert_ptr_eq(r->avp, wchg_dict_find(r->code, r->vendor));
    }
  }
  /* PS-Information: over one 64-bit word of the reader's rule masks,
   * within its 96 rules */
  ck_assert_uint_gt(must_find(874, TGPP)->n_children, 64);
  ck_assert_uint_le(must_find(874, TGPP)->n_children, 96);
  /* Service-Parameter-Info may repeat in a CCR; Service-Information's
   * containers of other services stay undescribed */
  static const uint32_t undescribed[] = {877, 878, 879, 880, 2000, 3410, 3447, 1256, 2110,
                                         2115, 3927};
  for (size_t i = 0; i < sizeof undescribed / sizeof undescribed[0]; i++) {
    const wchg_dict_avp *g = must_find(undescribed[i], TGPP);
    ck_assert(g->extensible);
    ck_assert_uint_eq(g->n_children, 0);
  }
}
END_TEST
#undef G
#undef KIDS_OF
#undef O
#undef A
#undef Q

START_TEST(new_enumerations) {
  expect_enum(426, 0, 1, "RE_AUTHORIZATION");
  expect_enum(277, 0, 1, "NO_STATE_MAINTAINED");
  expect_enum(274, 0, 3, "AUTHORIZE_AUTHENTICATE");
  expect_enum(273, 0, 2, "DO_NOT_WANT_TO_TALK_TO_YOU");
  expect_enum(271, 0, 3, "TRY_AGAIN_ALLOW_SERVICE");
  expect_enum(285, 0, 0, "AUTHORIZE_ONLY");
  expect_enum(483, 0, 1, "DELIVER_AND_GRANT");
  expect_enum(3, TGPP, 0, "IPv4");
  expect_enum(3, TGPP, 3, "IPv4v6");
  expect_enum(3, TGPP, 6, "Ethernet");
  ck_assert_ptr_null(wchg_dict_enum_name(must_find(3, TGPP), 7));
  expect_enum(1027, TGPP, 5, "3GPP-EPS");
  expect_enum(1027, TGPP, 9, "Non-3GPP-5GS");
  /* QCI: the standardized values and the operator range 128..254 */
  const wchg_dict_avp *qci = must_find(1028, TGPP);
  ck_assert_uint_eq(qci->n_enums, 26 + 127);
  expect_enum(1028, TGPP, 1, "QCI_1");
  expect_enum(1028, TGPP, 85, "QCI_85");
  expect_enum(1028, TGPP, 128, "QCI_128");
  expect_enum(1028, TGPP, 200, "QCI_200");
  expect_enum(1028, TGPP, 254, "QCI_254");
  static const int32_t reserved[] = {0, 10, 64, 68, 77, 81, 86, 127, 255};
  for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
    ck_assert_ptr_null(wchg_dict_enum_name(qci, reserved[i]));
  expect_enum(1047, TGPP, 1, "PRE-EMPTION_CAPABILITY_DISABLED");
  expect_enum(1048, TGPP, 0, "PRE-EMPTION_VULNERABILITY_ENABLED");
  expect_enum(2047, TGPP, 5, "MME");
  expect_enum(2047, TGPP, 6, "TWAN");
  expect_enum(2051, TGPP, 1, "Dynamic");
  expect_enum(2068, TGPP, 0, "Static");
  expect_enum(2065, TGPP, 1, "ACR_Start_due_to_SGW_Change");
  expect_enum(2066, TGPP, 5, "Visiting-Default");
  expect_enum(2118, TGPP, 4, "ADD-ON-CHARGE");
  expect_enum(2310, TGPP, 2, "CAI");
  expect_enum(2313, TGPP, 3, "AOC-E");
  expect_enum(2312, TGPP, 1, "BINDING");
  expect_enum(2049, TGPP, 3, "QUIT_CONF");
  expect_enum(2033, TGPP, 1, "TERMINATING");
  expect_enum(867, TGPP, 1, "OVERWRITE");
  expect_enum(1247, TGPP, 1, "SECONDARY");
  expect_enum(1271, TGPP, 1, "CONTINUOUS_TIME_PERIOD");
  expect_enum(2308, TGPP, 1, "Unauthenticated");
  expect_enum(2317, TGPP, 1, "HYBRID_MODE");
  expect_enum(2318, TGPP, 1, "CSG_MEMBER");
  expect_enum(2602, TGPP, 1, "YES");
  expect_enum(2830, TGPP, 1, "NETWORK_INITIATED");
  expect_enum(2831, TGPP, 1, "NBIFOM_SUPPORTED");
  expect_enum(3421, TGPP, 0, "SERVING_NETWORK_SELECTED_BY_THE_UE");
  expect_enum(3912, TGPP, 1, "QUOTA_IS_USED_DURING_PLAYBACK");
  expect_enum(3913, TGPP, 1, "REMOTE_PARTY");
  expect_enum(3915, TGPP, 1, "PRIVATE");
  expect_enum(3930, TGPP, 1, "APPLY");
  expect_enum(3931, TGPP, 0, "UDP_IP_based");
  expect_enum(3932, TGPP, 1, "UNI_PDU_CP_Only");
  expect_enum(3936, TGPP, 1, "ALLOWED");
  expect_enum(4400, TGPP, 1, "ACTIVE");
  expect_enum(4406, TGPP, 0, "ACTIVE");
  /* Types of TS 32.299 Table 7.2.0.1 where Wireshark's dictionary has
   * Enumerated: no value names */
  static const uint32_t not_enum[] = {2037, 2039, 2031, 2032, 2823, 885};
  for (size_t i = 0; i < sizeof not_enum / sizeof not_enum[0]; i++)
    ck_assert_uint_eq(must_find(not_enum[i], TGPP)->n_enums, 0);
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
  /* Wireshark's spellings are not ours (docs/wireshark-dictionary.md) */
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

  /* the RFC 6733 §9.7 AVPs 32.299 leaves out, each [ x ] */
  static const uint32_t base[] = {260, 287, 44, 50, 483};
  for (size_t i = 0; i < 5; i++) {
    ck_assert_uint_eq(rule_of(acr->avps, acr->n_avps, base[i], 0)->max, 1);
    ck_assert_uint_eq(rule_of(aca->avps, aca->n_avps, base[i], 0)->max, 1);
  }
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
  /* RFC 4006 §3.1: *[ Service-Parameter-Info ] and the single-service
   * units at the top level */
  static const struct {
    uint32_t code;
    uint16_t max;
  } rfc4006_ccr[] = {{440, 0}, {419, 1}, {50, 1}, {439, 1}, {437, 1}, {446, 0}};
  for (size_t i = 0; i < 6; i++) {
    const wchg_dict_rule *r = rule_of(ccr->avps, ccr->n_avps, rfc4006_ccr[i].code, 0);
    ck_assert_msg(r != NULL, "CCR: %u missing", (unsigned)rfc4006_ccr[i].code);
    ck_assert_uint_eq(r->min, 0);
    ck_assert_uint_eq(r->max, rfc4006_ccr[i].max);
  }

  const wchg_dict_command *cca = command(272, 4, false, "Credit-Control-Answer");
  static const uint32_t cca_req[] = {263, 268, 264, 296, 258, 416, 415};
  expect_required(cca, cca_req, 7);
  ck_assert_ptr_nonnull(rule_of(cca->avps, cca->n_avps, 2020, TGPP));
  ck_assert_ptr_nonnull(rule_of(cca->avps, cca->n_avps, 2021, TGPP));
  ck_assert_ptr_nonnull(rule_of(cca->avps, cca->n_avps, 623, 0));
  ck_assert_uint_eq(rule_of(cca->avps, cca->n_avps, 292, 0)->max, 0);
  /* RFC 4006 §3.2 */
  static const uint32_t rfc4006_cca[] = {1, 419, 50, 278, 55, 431, 430, 422, 448};
  for (size_t i = 0; i < 9; i++) {
    const wchg_dict_rule *r = rule_of(cca->avps, cca->n_avps, rfc4006_cca[i], 0);
    ck_assert_msg(r != NULL, "CCA: %u missing", (unsigned)rfc4006_cca[i]);
    ck_assert_uint_eq(r->max, 1);
  }
  ck_assert_uint_eq(rule_of(cca->avps, cca->n_avps, 279, 0)->max, 0);
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


/* ------------------------------------------------------------ what real peers send */

/* The top of a CCR-INITIAL (RFC 4006 §3.1) as a GGSN/P-GW sends it. */
static void ccr_top(wchg_dwriter *w, uint8_t *buf, size_t cap) {
  wchg_dw_init(w, buf, cap, NULL);
  wchg_dw_header(w, 0xC0, 272, 4, 0x0a0b0c0d, 0x01020304);
  wchg_dw_utf8(w, 263, 0, "pgw1.epc.example.net;1795510800;42", 34);
  wchg_dw_octets(w, 264, 0, "pgw1.epc.example.net", 20);
  wchg_dw_octets(w, 296, 0, "epc.example.net", 15);
  wchg_dw_octets(w, 283, 0, "ocs.example.net", 15);
  wchg_dw_u32(w, 258, 0, 4);
  wchg_dw_utf8(w, 461, 0, "32251@3gpp.org", 14);
  wchg_dw_i32(w, 416, 0, 1);
  wchg_dw_u32(w, 415, 0, 0);
}

static void address(wchg_dwriter *w, uint32_t code, uint8_t a, uint8_t b, uint8_t c,
                    uint8_t d) {
  const uint8_t v4[4] = {a, b, c, d};
  wchg_dw_address(w, code, TGPP, 1, v4);
}

/* A CCR with Service-Parameter-Info (RFC 4006 §8.43) at the top level,
 * M clear as the writer sends it (M may) and M set as the 2010 Comverse
 * client of ../shared/real-data sent it, one in the MSCC (its *[ AVP ]),
 * and a PS-Information with the members a GGSN/P-GW fills (TS 32.299
 * §7.2.158), QoS-Information down to its ARP (TS 29.212). */
static size_t ccr_ps_spi(uint8_t *buf, size_t cap) {
  wchg_dwriter w;
  size_t len = 0;
  ccr_top(&w, buf, cap);
  wchg_dw_group_begin(&w, 443, 0);
  wchg_dw_i32(&w, 450, 0, 1); /* END_USER_IMSI */
  wchg_dw_utf8(&w, 444, 0, "001010123456789", 15);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 440, 0);
  wchg_dw_u32(&w, 441, 0, 2);
  wchg_dw_octets(&w, 442, 0, "dbill", 5);
  wchg_dw_group_end(&w);
  /* 440 {441: 7, 442: 01 02}, every flag M (0x40) */
  static const uint8_t spi_m[] = {0x00, 0x00, 0x01, 0xb9, 0x40, 0x00, 0x00, 0x0c, 0, 0, 0, 7,
                                  0x00, 0x00, 0x01, 0xba, 0x40, 0x00, 0x00, 0x0a, 1, 2, 0, 0};
  wchg_dw_raw(&w, 440, 0, WCHG_AVP_FLAG_M, spi_m, sizeof spi_m);
  wchg_dw_i32(&w, 455, 0, 1);
  wchg_dw_group_begin(&w, 456, 0);
  wchg_dw_u32(&w, 432, 0, 100);
  wchg_dw_group_begin(&w, 440, 0);
  wchg_dw_u32(&w, 441, 0, 9);
  wchg_dw_octets(&w, 442, 0, "x", 1);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);

  wchg_dw_group_begin(&w, 873, TGPP);
  wchg_dw_group_begin(&w, 874, TGPP);
  wchg_dw_u32(&w, 2, TGPP, 0x1234abcd);       /* 3GPP-Charging-Id */
  wchg_dw_u32(&w, 2050, TGPP, 0x1234abcd);    /* PDN-Connection-Charging-ID */
  wchg_dw_i32(&w, 3, TGPP, 0);                /* 3GPP-PDP-Type IPv4 */
  address(&w, 1227, 10, 45, 0, 7);            /* PDP-Address */
  wchg_dw_i32(&w, 2051, TGPP, 1);             /* Dynamic-Address-Flag */
  wchg_dw_group_begin(&w, 1016, TGPP);        /* QoS-Information */
  wchg_dw_i32(&w, 1028, TGPP, 9);
  wchg_dw_u32(&w, 516, TGPP, 1000000);
  wchg_dw_u32(&w, 515, TGPP, 2000000);
  wchg_dw_group_begin(&w, 1034, TGPP);        /* Allocation-Retention-Priority */
  wchg_dw_u32(&w, 1046, TGPP, 8);
  wchg_dw_i32(&w, 1047, TGPP, 1);
  wchg_dw_i32(&w, 1048, TGPP, 0);
  wchg_dw_group_end(&w);
  wchg_dw_u32(&w, 1041, TGPP, 50000000);
  wchg_dw_u32(&w, 1040, TGPP, 100000000);
  wchg_dw_group_end(&w);
  address(&w, 1228, 192, 0, 2, 10);           /* SGSN-Address */
  address(&w, 847, 192, 0, 2, 20);            /* GGSN-Address */
  address(&w, 846, 192, 0, 2, 30);            /* CG-Address */
  wchg_dw_i32(&w, 2047, TGPP, 2);             /* Serving-Node-Type GTPSGW */
  wchg_dw_utf8(&w, 8, TGPP, "00101", 5);      /* 3GPP-IMSI-MCC-MNC */
  wchg_dw_utf8(&w, 9, TGPP, "00101", 5);      /* 3GPP-GGSN-MCC-MNC */
  wchg_dw_octets(&w, 10, TGPP, "5", 1);       /* 3GPP-NSAPI */
  wchg_dw_utf8(&w, 30, 0, "internet", 8);     /* Called-Station-Id (RFC 7155) */
  wchg_dw_utf8(&w, 12, TGPP, "0", 1);         /* 3GPP-Selection-Mode */
  wchg_dw_utf8(&w, 13, TGPP, "0800", 4);      /* 3GPP-Charging-Characteristics */
  wchg_dw_utf8(&w, 18, TGPP, "00101", 5);     /* 3GPP-SGSN-MCC-MNC */
  wchg_dw_octets(&w, 23, TGPP, "\x40\x00", 2); /* 3GPP-MS-TimeZone */
  wchg_dw_utf8(&w, 1004, TGPP, "rb-default", 10); /* Charging-Rule-Base-Name */
  static const uint8_t uli[13] = {0x82, 0x00, 0xf1, 0x10, 0x00, 0x01,
                                  0x00, 0xf1, 0x10, 0x00, 0x00, 0x10, 0x01};
  wchg_dw_octets(&w, 22, TGPP, uli, sizeof uli); /* 3GPP-User-Location-Info (TAI+ECGI) */
  wchg_dw_group_begin(&w, 2319, TGPP);        /* User-CSG-Information */
  wchg_dw_u32(&w, 1437, TGPP, 77);
  wchg_dw_i32(&w, 2317, TGPP, 1);
  wchg_dw_group_end(&w);
  wchg_dw_octets(&w, 21, TGPP, "\x06", 1);    /* 3GPP-RAT-Type EUTRAN */
  wchg_dw_group_begin(&w, 458, 0);            /* User-Equipment-Info */
  wchg_dw_i32(&w, 459, 0, 0);
  wchg_dw_octets(&w, 460, 0, "3534900612345601", 16);
  wchg_dw_group_end(&w);
  wchg_dw_time(&w, 2041, TGPP, 1795510800);   /* Start-Time */
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  return len;
}

static void parse_ok(const uint8_t *buf, size_t len, wchg_dmsg *m) {
  wchg_diag d;
  int rc = wchg_dmsg_parse(buf, len, 0, m, &d);
  ck_assert_msg(rc == WCHG_OK, "%s at %s offset %zu (%u)", d.message, d.path, d.offset,
                d.result_code);
}

START_TEST(ccr_with_spi_and_ps_information) {
  uint8_t buf[2048];
  size_t len = ccr_ps_spi(buf, sizeof buf);
  wchg_dmsg m;
  wchg_avp a, g, si, ps;
  wchg_avp_iter it;
  parse_ok(buf, len, &m);
  test_out_write_diam("dict_ccr_spi_ps", buf, len);

  /* both Service-Parameter-Info, known, with their children */
  size_t n_spi = 0;
  uint32_t types[2] = {0, 0};
  wchg_avp_iter_msg(&it, &m);
  while (wchg_avp_next(&it, &g)) {
    if (g.code != 440 || g.vendor != 0)
      continue;
    ck_assert_ptr_nonnull(g.dict);
    ck_assert_str_eq(g.dict->name, "Service-Parameter-Info");
    ck_assert(wchg_avp_find(&m, &g, 441, 0, &a));
    ck_assert_str_eq(a.dict->name, "Service-Parameter-Type");
    ck_assert_int_eq(wchg_avp_u32(&a, &types[n_spi]), WCHG_OK);
    ck_assert(wchg_avp_find(&m, &g, 442, 0, &a));
    ck_assert_str_eq(a.dict->name, "Service-Parameter-Value");
    ck_assert_uint_eq(a.len, n_spi ? 2 : 5);
    ck_assert_uint_eq(g.flags, n_spi ? WCHG_AVP_FLAG_M : 0);
    n_spi++;
  }
  ck_assert_uint_eq(n_spi, 2);
  ck_assert_uint_eq(types[0], 2);
  ck_assert_uint_eq(types[1], 7);

  /* PS-Information members, each known by code and vendor */
  ck_assert(wchg_avp_find(&m, NULL, 873, TGPP, &si));
  ck_assert(wchg_avp_find(&m, &si, 874, TGPP, &ps));
  static const struct {
    uint32_t code, vendor;
    const char *name;
  } members[] = {
      {2, TGPP, "3GPP-Charging-Id"},        {2050, TGPP, "PDN-Connection-Charging-ID"},
      {3, TGPP, "3GPP-PDP-Type"},           {1227, TGPP, "PDP-Address"},
      {2051, TGPP, "Dynamic-Address-Flag"}, {1016, TGPP, "QoS-Information"},
      {1228, TGPP, "SGSN-Address"},         {847, TGPP, "GGSN-Address"},
      {846, TGPP, "CG-Address"},            {2047, TGPP, "Serving-Node-Type"},
      {8, TGPP, "3GPP-IMSI-MCC-MNC"},       {9, TGPP, "3GPP-GGSN-MCC-MNC"},
      {10, TGPP, "3GPP-NSAPI"},             {30, 0, "Called-Station-Id"},
      {12, TGPP, "3GPP-Selection-Mode"},    {13, TGPP, "3GPP-Charging-Characteristics"},
      {18, TGPP, "3GPP-SGSN-MCC-MNC"},      {23, TGPP, "3GPP-MS-TimeZone"},
      {1004, TGPP, "Charging-Rule-Base-Name"}, {22, TGPP, "3GPP-User-Location-Info"},
      {2319, TGPP, "User-CSG-Information"}, {21, TGPP, "3GPP-RAT-Type"},
      {458, 0, "User-Equipment-Info"},      {2041, TGPP, "Start-Time"},
  };
  size_t n = 0;
  wchg_avp_iter_group(&it, &m, &ps);
  while (wchg_avp_next(&it, &a)) {
    ck_assert_uint_lt(n, sizeof members / sizeof members[0]);
    ck_assert_uint_eq(a.code, members[n].code);
    ck_assert_uint_eq(a.vendor, members[n].vendor);
    ck_assert_ptr_nonnull(a.dict);
    ck_assert_str_eq(a.dict->name, members[n].name);
    n++;
  }
  ck_assert_uint_eq(n, sizeof members / sizeof members[0]);
  ck_assert(wchg_avp_find(&m, &ps, 30, 0, &a));
  ck_assert_mem_eq(a.data, "internet", 8);
  int32_t v;
  ck_assert(wchg_avp_find(&m, &ps, 3, TGPP, &a));
  ck_assert_int_eq(wchg_avp_i32(&a, &v), WCHG_OK);
  ck_assert_str_eq(wchg_dict_enum_name(a.dict, v), "IPv4");
  ck_assert(wchg_avp_find(&m, &ps, 1016, TGPP, &g));
  ck_assert(wchg_avp_find(&m, &g, 1028, TGPP, &a));
  ck_assert_int_eq(wchg_avp_i32(&a, &v), WCHG_OK);
  ck_assert_str_eq(wchg_dict_enum_name(a.dict, v), "QCI_9");
}
END_TEST

/* {Value-Digits} [Exponent]: Unit-Value, Accumulated-Cost, Unit-Cost, ... */
static void digits(wchg_dwriter *w, uint32_t code, uint32_t vendor, int64_t v, int32_t e) {
  wchg_dw_group_begin(w, code, vendor);
  wchg_dw_i64(w, 447, 0, v);
  wchg_dw_i32(w, 429, 0, e);
  wchg_dw_group_end(w);
}

/* A CCR-EVENT of an MMTel AS (TS 32.275): IMS-Information, then
 * MMTel-Information with a Supplementary-Service (call diversion) that
 * carries its AoC-Information, and the AoC-Information of the session
 * down to its Rate-Elements. */
static size_t ccr_mmtel_aoc(uint8_t *buf, size_t cap) {
  wchg_dwriter w;
  size_t len = 0;
  ccr_top(&w, buf, cap);
  wchg_dw_group_begin(&w, 873, TGPP);
  wchg_dw_group_begin(&w, 2054, TGPP); /* AoC-Information */
  wchg_dw_group_begin(&w, 2053, TGPP); /* AoC-Cost-Information */
  digits(&w, 2052, TGPP, 150, -2);     /* Accumulated-Cost */
  digits(&w, 2062, TGPP, 25, -2);      /* Incremental-Cost */
  wchg_dw_u32(&w, 425, 0, 978);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 2060, TGPP); /* Tariff-Information */
  wchg_dw_group_begin(&w, 2056, TGPP); /* Current-Tariff */
  wchg_dw_u32(&w, 425, 0, 978);
  digits(&w, 2059, TGPP, 1, 0);        /* Scale-Factor */
  wchg_dw_group_begin(&w, 2058, TGPP); /* Rate-Element */
  wchg_dw_i32(&w, 454, 0, 0);          /* TIME */
  wchg_dw_i32(&w, 2118, TGPP, 1);      /* USAGE */
  digits(&w, 445, 0, 60, 0);           /* Unit-Value */
  digits(&w, 2061, TGPP, 10, -2);      /* Unit-Cost */
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 2314, TGPP); /* AoC-Subscription-Information */
  wchg_dw_group_begin(&w, 2311, TGPP);
  wchg_dw_i32(&w, 2312, TGPP, 1);
  wchg_dw_i32(&w, 2313, TGPP, 2);      /* AOC-D */
  wchg_dw_group_end(&w);
  wchg_dw_i32(&w, 2310, TGPP, 0);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 876, TGPP);  /* IMS-Information */
  wchg_dw_i32(&w, 829, TGPP, 0);
  wchg_dw_i32(&w, 862, TGPP, 6);       /* AS */
  wchg_dw_utf8(&w, 841, TGPP, "icid-as1-1", 10);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 2030, TGPP); /* MMTel-Information */
  wchg_dw_group_begin(&w, 2048, TGPP); /* Supplementary-Service */
  wchg_dw_u32(&w, 2031, TGPP, 6);      /* MMTel-SService-Type: CDIV (TS 32.275) */
  wchg_dw_u32(&w, 2032, TGPP, 0);      /* Service-Mode: CFU */
  wchg_dw_u32(&w, 2034, TGPP, 1);
  wchg_dw_utf8(&w, 2035, TGPP, "sip:carol@ims.example.com", 25);
  wchg_dw_time(&w, 2038, TGPP, 1795510800);
  wchg_dw_group_begin(&w, 2054, TGPP);
  wchg_dw_group_begin(&w, 2053, TGPP);
  digits(&w, 2052, TGPP, 5, -2);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  return len;
}

START_TEST(ccr_with_mmtel_and_aoc) {
  uint8_t buf[2048];
  size_t len = ccr_mmtel_aoc(buf, sizeof buf);
  wchg_dmsg m;
  wchg_avp si, g, ss, a;
  parse_ok(buf, len, &m);
  test_out_write_diam("dict_ccr_mmtel_aoc", buf, len);
  ck_assert(wchg_avp_find(&m, NULL, 873, TGPP, &si));
  ck_assert(wchg_avp_find(&m, &si, 2030, TGPP, &g));
  ck_assert(wchg_avp_find(&m, &g, 2048, TGPP, &ss));
  ck_assert_str_eq(ss.dict->name, "Supplementary-Service");
  ck_assert(wchg_avp_find(&m, &ss, 2035, TGPP, &a));
  ck_assert_str_eq(a.dict->name, "Associated-Party-Address");
  ck_assert(wchg_avp_find(&m, &si, 2054, TGPP, &g));
  ck_assert(wchg_avp_find(&m, &g, 2060, TGPP, &g));
  ck_assert(wchg_avp_find(&m, &g, 2056, TGPP, &g));
  ck_assert(wchg_avp_find(&m, &g, 2058, TGPP, &g));
  ck_assert(wchg_avp_find(&m, &g, 2061, TGPP, &g));
  ck_assert_str_eq(g.dict->name, "Unit-Cost");
  ck_assert(wchg_avp_find(&m, &g, 447, 0, &a));
  int64_t v;
  ck_assert_int_eq(wchg_avp_i64(&a, &v), WCHG_OK);
  ck_assert_int_eq(v, 10);
}
END_TEST

/* A PS-Information holding |fn|'s AVPs, in a CCR. */
static size_t ccr_ps(uint8_t *buf, size_t cap, void (*fn)(wchg_dwriter *)) {
  wchg_dwriter w;
  size_t len = 0;
  ccr_top(&w, buf, cap);
  wchg_dw_group_begin(&w, 873, TGPP);
  wchg_dw_group_begin(&w, 874, TGPP);
  fn(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  return len;
}

static void expect_refused(const uint8_t *buf, size_t len, uint32_t result, const char *path,
                           size_t offset) {
  wchg_dmsg m;
  wchg_diag d;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_msg(d.result_code == result, "result %u, want %u (%s at %s)", d.result_code, result,
                d.message, d.path);
  ck_assert_str_eq(d.path, path);
  ck_assert_uint_eq(d.offset, offset);
}

/* Unused-Quota-Timer is PS-Information's rule 72 of 74, in the second
 * word of the reader's once/required masks; 3GPP-PDP-Type is rule 5. */
static void w_uqt(wchg_dwriter *w) { wchg_dw_u32(w, 4407, TGPP, 30); }
static void w_uqt_twice(wchg_dwriter *w) {
  w_uqt(w);
  w_uqt(w);
}
static void w_pdp_type_twice(wchg_dwriter *w) {
  wchg_dw_i32(w, 3, TGPP, 0);
  wchg_dw_i32(w, 3, TGPP, 2);
}
static void w_pscell(wchg_dwriter *w) {
  wchg_dw_group_begin(w, 1324, TGPP); /* the last rule, 74 */
  wchg_dw_utf8(w, 1325, TGPP, "001010000000001", 15);
  wchg_dw_group_end(w);
}
static void w_csg_no_mode(wchg_dwriter *w) {
  wchg_dw_group_begin(w, 2319, TGPP);
  wchg_dw_u32(w, 1437, TGPP, 1);
  wchg_dw_group_end(w);
}
static void w_csg_user_name(wchg_dwriter *w) {
  wchg_dw_group_begin(w, 2319, TGPP);
  wchg_dw_u32(w, 1437, TGPP, 1);
  wchg_dw_i32(w, 2317, TGPP, 0);
  wchg_dw_utf8(w, 1, 0, "u", 1); /* known, but not a child: the ABNF has no *[ AVP ] */
  wchg_dw_group_end(w);
}
static void qos_qci(wchg_dwriter *w, int32_t qci) {
  wchg_dw_group_begin(w, 1016, TGPP);
  wchg_dw_i32(w, 1028, TGPP, qci);
  wchg_dw_group_end(w);
}
static void w_qci_operator(wchg_dwriter *w) { qos_qci(w, 200); }
static void w_qci_reserved(wchg_dwriter *w) { qos_qci(w, 10); }

START_TEST(new_rules_are_checked) {
  uint8_t buf[1024];
  wchg_dmsg m;
  size_t len = ccr_ps(buf, sizeof buf, w_uqt);
  parse_ok(buf, len, &m);
  len = ccr_ps(buf, sizeof buf, w_pscell);
  parse_ok(buf, len, &m);
  len = ccr_ps(buf, sizeof buf, w_qci_operator);
  parse_ok(buf, len, &m);

  len = ccr_ps(buf, sizeof buf, w_uqt_twice);
  expect_refused(buf, len, 5009, "Service-Information/PS-Information/Unused-Quota-Timer",
                 len - 16);
  len = ccr_ps(buf, sizeof buf, w_pdp_type_twice);
  expect_refused(buf, len, 5009, "Service-Information/PS-Information/3GPP-PDP-Type", len - 16);
  len = ccr_ps(buf, sizeof buf, w_csg_no_mode);
  expect_refused(buf, len, 5005,
                 "Service-Information/PS-Information/User-CSG-Information/CSG-Access-Mode",
                 len - 28);
  len = ccr_ps(buf, sizeof buf, w_csg_user_name);
  expect_refused(buf, len, 5008,
                 "Service-Information/PS-Information/User-CSG-Information/User-Name", len - 12);
  len = ccr_ps(buf, sizeof buf, w_qci_reserved);
  expect_refused(buf, len, 5004,
                 "Service-Information/PS-Information/QoS-Information/QoS-Class-Identifier",
                 len - 16);
}
END_TEST

/* lib/diameter/dict_meta.inc (generated) is what the table derives today: after a
 * change of the table, `make dict-meta` regenerates it. */
START_TEST(meta_table_current) {
  size_t n = wchgi_dict_meta_count(), navps, nslots;
  const wchg_dict_avp *base, *avps = wchg_dict_avps(&navps);
  const struct wchgi_dict_meta *table = wchgi_dict_meta_table(&base);
  struct wchgi_dict_meta *fresh = calloc(n, sizeof *fresh);
  struct wchgi_rule_slot *slots = calloc(WCHGI_DICT_SLOTS_MAX, sizeof *slots);
  ck_assert_ptr_nonnull(fresh);
  ck_assert_ptr_nonnull(slots);
  ck_assert_ptr_eq(base, avps);
  nslots = wchgi_dict_meta_derive(fresh, slots);
  ck_assert_uint_gt(nslots, 0);
  for (size_t i = 0; i < n; i++) {
    const struct wchgi_dict_meta *t =
        i < navps ? wchg_dict_meta_of(table, base, &avps[i])
                  : (const struct wchgi_dict_meta *)(const void *)((const char *)table +
                                                                  i * sizeof(wchg_dict_avp));
    const struct wchgi_dict_meta *f = &fresh[i];
    ck_assert_msg(t->req[0] == f->req[0] && t->req[1] == f->req[1] &&
                      t->once[0] == f->once[0] && t->once[1] == f->once[1] &&
                      t->hmul == f->hmul && t->hoff == f->hoff && t->hshift == f->hshift &&
                      t->lo == f->lo && t->hi == f->hi && t->nfixed == f->nfixed &&
                      t->simple == f->simple && t->flat == f->flat && t->dense == f->dense &&
                      t->kind == f->kind && t->fmask == f->fmask && t->fval == f->fval,
                  "lib/diameter/dict_meta.inc is stale at entry %zu (%s): run make dict-meta", i,
                  i < navps ? avps[i].name : "a command");
  }
  for (size_t i = 0; i < nslots; i++) {
    const struct wchgi_rule_slot *t = &wchgi_dict_rule_slots[i], *f = &slots[i];
    ck_assert_msg(t->key == f->key && t->lo == f->lo && t->hi == f->hi &&
                      t->entry == f->entry && t->ri == f->ri &&
                      t->kind == f->kind && t->size == f->size && t->fmask == f->fmask &&
                      t->fval == f->fval,
                  "lib/diameter/dict_meta.inc: rule slot %zu is stale: run make dict-meta", i);
  }
  free(slots);
  free(fresh);
}
END_TEST

/* Each level's perfect hash: every rule in its own slot, with its entry,
 * its index, its entry's flag byte and range; every other slot matches no AVP
 * (it holds rule 0's key, which hashes elsewhere). Checked for the
 * groups; the commands' levels are the same code. */
START_TEST(rule_slots_hold_every_rule) {
  size_t navps, levels = 0;
  const wchg_dict_avp *base, *avps = wchg_dict_avps(&navps);
  const struct wchgi_dict_meta *table = wchgi_dict_meta_table(&base);
  for (size_t i = 0; i < navps; i++) {
    const struct wchgi_dict_meta *m = wchg_dict_meta_of(table, base, &avps[i]);
    const wchg_dict_rule *r = avps[i].children;
    if (!m->hshift) {
      ck_assert_msg(avps[i].n_children == 0, "%s has rules and no slots", avps[i].name);
      continue;
    }
    levels++;
    for (size_t k = 0; k < (size_t)1 << (64 - m->hshift); k++) {
      const struct wchgi_rule_slot *sl = &wchgi_dict_rule_slots[m->hoff + k];
      if (sl->fmask == 0) { /* free */
        ck_assert_uint_eq(sl->key, (uint64_t)r[0].vendor << 32 | r[0].code);
        ck_assert_uint_ne(wchgi_rule_hash(r[0].code, r[0].vendor, m->hmul, m->hshift), k);
        continue;
      }
      const wchg_dict_rule *rule = &r[sl->ri];
      ck_assert_uint_lt(sl->ri, avps[i].n_children);
      ck_assert_uint_eq(wchgi_rule_hash(rule->code, rule->vendor, m->hmul, m->hshift), k);
      ck_assert_uint_eq(sl->key, (uint64_t)rule->vendor << 32 | rule->code);
      ck_assert_ptr_eq(&avps[sl->entry], rule->avp);
      const struct wchgi_dict_meta *am = wchg_dict_meta_of(table, base, rule->avp);
      ck_assert_uint_eq(sl->fmask, am->fmask);
      ck_assert_uint_eq(sl->fval, am->fval);
      if (sl->kind == WCHG_RK_RANGE && am->dense) { /* the names of a dense Enumerated */
        ck_assert_int_eq(sl->lo, am->lo);
        ck_assert_int_eq(sl->hi, am->hi);
      } else if (sl->kind == WCHG_RK_RANGE) { /* milliseconds: the Timestamp-Fractions */
        ck_assert(rule->vendor == 10415 && (rule->code == 2301 || rule->code == 2302));
        ck_assert(sl->lo == 0 && sl->hi == 999);
      }
    }
  }
  ck_assert_uint_gt(levels, 80);
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
  tcase_add_test(tc, added_rows_present);
  suite_add_tcase(s, tc);

  tc = tcase_create("contents");
  tcase_add_test(tc, required_avps_present);
  tcase_add_test(tc, enumeration_spot_checks);
  tcase_add_test(tc, flag_spot_checks);
  tcase_add_test(tc, ims_information_children);
  tcase_add_test(tc, meta_table_current);
  tcase_add_test(tc, rule_slots_hold_every_rule);
  tcase_add_test(tc, group_spot_checks);
  tcase_add_test(tc, new_group_children);
  tcase_add_test(tc, new_enumerations);
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

  tc = tcase_create("received");
  tcase_add_test(tc, ccr_with_spi_and_ps_information);
  tcase_add_test(tc, ccr_with_mmtel_and_aoc);
  tcase_add_test(tc, new_rules_are_checked);
  suite_add_tcase(s, tc);
  return s;
}
