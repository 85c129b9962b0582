/* test_cov_ro.c: cov_ro_suite — the corners of Ro (ro.h) the scenario
 * tests of test_ro.c leave out. The CCA reader: every child it maps, with
 * a vendor AVP of the same code beside each (a foreign AVP the reader
 * must pass over), the limit of Service-Identifiers hit twice in one
 * MSCC, its argument checks. The CCR encoder: a Trigger whose list has a
 * count and no items, an empty Service-Context-Id. The credit state: the
 * clamps (2^32 s of usage, 2^63 units), a CCA without MSCC (unlimited,
 * and an EVENT's reservation), a refused group with nothing to report,
 * groups told apart by a Rating-Group present on one side only, the NULL
 * arguments of every call, a report of another session's action.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/ro.h>

#include "rf_samples.h"
#include "testutil.h"

#define V3 10415u
#define VF WCHG_AVP_FLAG_V

/* ---- CCA messages ------------------------------------------------------ */

/* The header and the AVPs every CCA has; the caller adds the rest. */
static void cca_begin(wchg_dwriter *w, uint8_t *buf, size_t cap, int32_t type, uint32_t number) {
  static const char sid[] = "imsgwf1.ims.example.com;1795510800;7;h3-call";
  wchg_dw_init(w, buf, cap, NULL);
  wchg_dw_header(w, WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL, WCHG_APP_CREDIT_CONTROL, 11, 22);
  wchg_dw_utf8(w, 263, 0, sid, sizeof sid - 1);
  wchg_dw_u32(w, 268, 0, 2001);
  wchg_dw_octets(w, 264, 0, "ocs1.ims.example.com", 20);
  wchg_dw_octets(w, 296, 0, "ims.example.com", 15);
  wchg_dw_u32(w, 258, 0, 4);
  wchg_dw_i32(w, 416, 0, type);
  wchg_dw_u32(w, 415, 0, number);
}

static size_t cca_end(wchg_dwriter *w) {
  size_t len = 0;
  ck_assert_int_eq(wchg_dw_finish(w, &len), WCHG_OK);
  return len;
}

static void raw32(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint32_t v) {
  uint8_t b[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
  ck_assert_int_eq(wchg_dw_raw(w, code, vendor, vendor ? VF : 0, b, 4), WCHG_OK);
}

static bool str_is(wchg_str s, const char *want) {
  return s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

/* Every child the reader maps, each with a 3GPP-vendor AVP of the same
 * code next to it (unknown to the dictionary, M clear: accepted) that
 * must change nothing; IETF AVPs the reader does not map, too. */
START_TEST(cca_every_child) {
  static uint8_t buf[2048];
  wchg_dwriter w;
  wchg_cca a;
  wchg_diag d;
  for (int strict = 0; strict < 2; strict++) {
    cca_begin(&w, buf, sizeof buf, 2, 1);
    raw32(&w, 268, V3, 5030); /* a foreign "Result-Code" */
    wchg_dw_i32(&w, 418, 0, 1);  /* CC-Session-Failover SUPPORTED */
    wchg_dw_i32(&w, 427, 0, 2);  /* Credit-Control-Failure-Handling RETRY_AND_TERMINATE */
    wchg_dw_i32(&w, 428, 0, 1);  /* Direct-Debiting-Failure-Handling CONTINUE */
    wchg_dw_group_begin(&w, 456, 0);
    wchg_dw_group_begin(&w, 431, 0);
    wchg_dw_u32(&w, 420, 0, 30);
    raw32(&w, 420, V3, 9999);
    wchg_dw_u64(&w, 421, 0, 1000);
    wchg_dw_u64(&w, 412, 0, 11);
    wchg_dw_u64(&w, 414, 0, 22);
    wchg_dw_u64(&w, 417, 0, 5);
    wchg_dw_group_end(&w);
    wchg_dw_u32(&w, 439, 0, 7);
    raw32(&w, 439, V3, 8);
    wchg_dw_u32(&w, 432, 0, 100);
    wchg_dw_u32(&w, 448, 0, 600);
    wchg_dw_u32(&w, 268, 0, 2001);
    wchg_dw_group_begin(&w, 430, 0);
    wchg_dw_i32(&w, 449, 0, WCHG_FUA_REDIRECT);
    raw32(&w, 449, V3, WCHG_FUA_RESTRICT_ACCESS);
    wchg_dw_group_begin(&w, 434, 0);
    wchg_dw_i32(&w, 433, 0, 2); /* URL */
    raw32(&w, 433, V3, 3);
    wchg_dw_utf8(&w, 435, 0, "http://topup.example.com", 24);
    ck_assert_int_eq(wchg_dw_raw(&w, 435, V3, VF, "sip:evil", 8), WCHG_OK);
    ck_assert_int_eq(wchg_dw_raw(&w, 60000, 0, 0, "x", 1), WCHG_OK);
    wchg_dw_group_end(&w);
    ck_assert_int_eq(wchg_dw_raw(&w, 434, V3, VF, NULL, 0), WCHG_OK);
    wchg_dw_group_end(&w);
    wchg_dw_u32(&w, 868, V3, 10);
    wchg_dw_u32(&w, 869, V3, 1000000);
    wchg_dw_u32(&w, 871, V3, 30);
    wchg_dw_i32(&w, 872, V3, 2); /* Reporting-Reason: not mapped */
    raw32(&w, 60001, 0, 1);      /* unknown IETF: not mapped */
    wchg_dw_group_end(&w);
    size_t len = cca_end(&w);
    wchg_status rc = wchg_cca_parse_ex(buf, len, strict ? WCHG_POLICY_STRICT : WCHG_POLICY_RECEIVE,
                                       &a, &d, NULL);
    ck_assert_msg(rc == WCHG_OK, "%d %s at %zu: %s", rc, d.path, d.offset, d.message);
    ck_assert_uint_eq(a.hop_by_hop, 11);
    ck_assert_uint_eq(a.end_to_end, 22);
    ck_assert_uint_eq(a.result_code, 2001);
    ck_assert_int_eq(a.cc_request_type, 2);
    ck_assert_uint_eq(a.cc_request_number, 1);
    ck_assert(a.cc_session_failover.present && a.cc_session_failover.value == 1);
    ck_assert(a.credit_control_failure_handling.present &&
              a.credit_control_failure_handling.value == 2);
    ck_assert(a.direct_debiting_failure_handling.present &&
              a.direct_debiting_failure_handling.value == 1);
    ck_assert_uint_eq(a.n_mscc, 1);
    const wchg_cca_mscc *m = &a.mscc[0];
    const wchg_service_unit *g = &m->granted_service_unit;
    ck_assert(g->present && g->cc_time.present && g->cc_time.value == 30);
    ck_assert(g->has_cc_total_octets && g->cc_total_octets == 1000);
    ck_assert(g->has_cc_input_octets && g->cc_input_octets == 11);
    ck_assert(g->has_cc_output_octets && g->cc_output_octets == 22);
    ck_assert(g->has_cc_service_specific_units && g->cc_service_specific_units == 5);
    ck_assert_uint_eq(m->n_service_identifiers, 1);
    ck_assert_uint_eq(m->service_identifiers[0], 7);
    ck_assert_int_eq(m->rating_group.value, 100);
    ck_assert_int_eq(m->validity_time.value, 600);
    ck_assert(m->result_code.present && m->result_code.value == 2001);
    ck_assert(m->final_unit_indication.present);
    ck_assert_int_eq(m->final_unit_indication.final_unit_action, WCHG_FUA_REDIRECT);
    ck_assert(m->final_unit_indication.has_redirect_server);
    ck_assert_int_eq(m->final_unit_indication.redirect_address_type, 2);
    ck_assert(str_is(m->final_unit_indication.redirect_server_address,
                     "http://topup.example.com"));
    ck_assert(m->time_quota_threshold.present && m->time_quota_threshold.value == 10);
    ck_assert(m->volume_quota_threshold.present && m->volume_quota_threshold.value == 1000000);
    ck_assert(m->quota_holding_time.present && m->quota_holding_time.value == 30);
    ck_assert(!a.cost_information.present);
  }
}
END_TEST

/* Cost-Information with 3GPP-vendor AVPs of the codes of its children,
 * of sizes its own children cannot have: passed over like the others. */
START_TEST(cca_cost_information_vendor_children) {
  static uint8_t buf[1024];
  wchg_dwriter w;
  wchg_cca a;
  wchg_diag d;
  cca_begin(&w, buf, sizeof buf, 1, 0);
  wchg_dw_group_begin(&w, 423, 0);
  wchg_dw_group_begin(&w, 445, 0);
  ck_assert_int_eq(wchg_dw_raw(&w, 447, V3, VF, "\x01\x02\x03\x04", 4), WCHG_OK);
  wchg_dw_i64(&w, 447, 0, 125);
  ck_assert_int_eq(wchg_dw_raw(&w, 429, V3, VF, "\x01", 1), WCHG_OK);
  wchg_dw_i32(&w, 429, 0, -2);
  wchg_dw_group_end(&w);
  ck_assert_int_eq(wchg_dw_raw(&w, 445, V3, VF, "zz", 2), WCHG_OK);
  wchg_dw_u32(&w, 425, 0, 978);
  ck_assert_int_eq(wchg_dw_raw(&w, 425, V3, VF, "\x00\x00\x03\x48", 4), WCHG_OK); /* 840 */
  ck_assert_int_eq(wchg_dw_raw(&w, 425, V3, VF, "\x03", 1), WCHG_OK);
  wchg_dw_utf8(&w, 424, 0, "EUR", 3);
  ck_assert_int_eq(wchg_dw_raw(&w, 424, V3, VF, "USD", 3), WCHG_OK);
  wchg_dw_group_end(&w);
  size_t len = cca_end(&w);
  wchg_status rc = wchg_cca_parse(buf, len, &a, &d);
  ck_assert_msg(rc == WCHG_OK, "%d %s at %zu: %s", rc, d.path, d.offset, d.message);
  ck_assert(a.cost_information.present);
  ck_assert_int_eq(a.cost_information.value_digits, 125);
  ck_assert_int_eq(a.cost_information.exponent, -2);
  ck_assert_uint_eq(a.cost_information.currency_code, 978);
  ck_assert(str_is(a.cost_information.cost_unit, "EUR"));
}
END_TEST

/* Service-Identifiers past the capacity: refused at the first one over
 * (its offset, 5012), and the second one over changes nothing. */
START_TEST(cca_service_identifiers_over) {
  static uint8_t buf[1024];
  wchg_dwriter w;
  wchg_cca a;
  wchg_diag d;
  wchg_dmsg m;
  wchg_avp mscc, si;
  wchg_avp_iter it;
  cca_begin(&w, buf, sizeof buf, 1, 0);
  wchg_dw_group_begin(&w, 456, 0);
  for (uint32_t i = 0; i < WCHG_CCA_MAX_SERVICE_IDENTIFIERS + 2; i++)
    wchg_dw_u32(&w, 439, 0, 100 + i);
  wchg_dw_group_end(&w);
  size_t len = cca_end(&w);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, NULL), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 456, 0, &mscc));
  wchg_avp_iter_group(&it, &m, &mscc);
  for (int i = 0; i <= WCHG_CCA_MAX_SERVICE_IDENTIFIERS; i++)
    ck_assert(wchg_avp_next(&it, &si));
  memset(&a, 0xAB, sizeof a);
  ck_assert_int_eq(wchg_cca_parse(buf, len, &a, &d), WCHG_E_LIMIT);
  ck_assert_int_eq(d.code, WCHG_E_LIMIT);
  ck_assert_uint_eq(d.result_code, WCHG_RC_UNABLE_TO_COMPLY);
  ck_assert_str_eq(d.path, "CCA/Service-Identifier");
  ck_assert_uint_eq(d.offset, si.offset);
  ck_assert_str_eq(d.message, "more Service-Identifiers than WCHG_CCA_MAX_SERVICE_IDENTIFIERS");
  ck_assert_uint_eq(a.n_mscc, 0);
  ck_assert_uint_eq(a.result_code, 0);
}
END_TEST

START_TEST(cca_arguments) {
  static uint8_t buf[512];
  wchg_dwriter w;
  wchg_cca a;
  wchg_diag d;
  cca_begin(&w, buf, sizeof buf, 1, 0);
  size_t len = cca_end(&w);
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, WCHG_POLICY_STRICT, NULL, &d, NULL), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "out is NULL");
  ck_assert_int_eq(wchg_cca_parse_ex(NULL, len, WCHG_POLICY_STRICT, &a, &d, NULL), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "buf is NULL");
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, (wchg_policy)9, &a, &d, NULL), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "unknown policy");
  ck_assert_uint_eq(d.offset, WCHG_NO_OFFSET);
  ck_assert_int_eq(wchg_cca_parse_ex(NULL, 0, (wchg_policy)9, &a, &d, NULL), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "unknown policy");
  /* NULL and empty: past the checks, no message to read */
  ck_assert_int_ne(wchg_cca_parse_ex(NULL, 0, WCHG_POLICY_STRICT, &a, &d, NULL), WCHG_OK);
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, WCHG_POLICY_STRICT, &a, &d, NULL), WCHG_OK);
  ck_assert_uint_eq(a.result_code, 2001);
}
END_TEST

/* ---- the CCR encoder --------------------------------------------------- */

START_TEST(ccr_trigger_and_context) {
  wchg_ccr c;
  wchg_mscc m;
  wchg_diag d;
  uint8_t buf[4096];
  size_t len = 99;
  ro_ccr_base(&c, WCHG_CC_UPDATE, 1);
  memset(&m, 0, sizeof m);
  m.rating_group = WCHG_INT(100);
  m.trigger = true;
  m.n_trigger_types = 2; /* and no items */
  c.mscc = &m;
  c.n_mscc = 1;
  ck_assert_int_eq(wchg_ccr_encode(&c, buf, sizeof buf, &len, &d), WCHG_E_MISSING);
  ck_assert_str_eq(d.path, "CCR/Multiple-Services-Credit-Control[0]/Trigger/Trigger-Type");
  ck_assert_str_eq(d.message, "the list has count 2 but no items");
  ck_assert_uint_eq(len, 0);
  /* an empty Trigger, and a Service-Context-Id given empty: the IMS one */
  m.n_trigger_types = 0;
  c.ims.service_context_id = (wchg_str){"", 0};
  ck_assert_int_eq(wchg_ccr_encode(&c, buf, sizeof buf, &len, &d), WCHG_OK);
  wchg_dmsg msg;
  wchg_avp a, mscc;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &msg, &d), WCHG_OK);
  ck_assert(wchg_avp_find(&msg, NULL, 461, 0, &a));
  ck_assert_uint_eq(a.len, strlen(WCHG_SERVICE_CONTEXT_IMS));
  ck_assert(memcmp(a.data, WCHG_SERVICE_CONTEXT_IMS, a.len) == 0);
  ck_assert(wchg_avp_find(&msg, NULL, 456, 0, &mscc));
  ck_assert(wchg_avp_find(&msg, &mscc, 1264, V3, &a));
  ck_assert_uint_eq(a.len, 0);
}
END_TEST

Suite *cov_ro_suite(void) {
  Suite *s = suite_create("cov_ro");
  TCase *t = tcase_create("ro");
  tcase_add_test(t, cca_every_child);
  tcase_add_test(t, cca_cost_information_vendor_children);
  tcase_add_test(t, cca_service_identifiers_over);
  tcase_add_test(t, cca_arguments);
  tcase_add_test(t, ccr_trigger_and_context);
  suite_add_tcase(s, t);
  return s;
}
