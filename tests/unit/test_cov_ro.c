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
#define NO_INT ((wchg_opt_int){false, 0})

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
 * of sizes its own children cannot have, and an unknown IETF AVP: passed
 * over like the others. */
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
  ck_assert_int_eq(wchg_dw_raw(&w, 60000, 0, 0, "\x7f", 1), WCHG_OK); /* unknown, M clear */
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

/* ---- the credit state -------------------------------------------------- */

#define T0 1795510800000LL

/* The answer to the CCR |act| asks for: 2001, with |n| MSCCs (Rating-
 * Groups 100, 200, ...) of |gsu_s| seconds each (0: no CC-Time). */
static wchg_cca answer(const wchg_credit_action *act, size_t n, int64_t gsu_s) {
  wchg_cca a;
  memset(&a, 0, sizeof a);
  a.result_code = 2001;
  a.cc_request_type = act->send;
  a.cc_request_number = act->cc_request_number;
  a.n_mscc = n;
  for (size_t i = 0; i < n; i++) {
    a.mscc[i].rating_group = WCHG_INT((int64_t)(100 * (i + 1)));
    a.mscc[i].result_code = WCHG_INT(2001);
    a.mscc[i].granted_service_unit.present = gsu_s > 0;
    if (gsu_s > 0)
      a.mscc[i].granted_service_unit.cc_time = WCHG_INT(gsu_s);
  }
  return a;
}

/* 2^32 seconds and more of usage without a quota: CC-Time's top. */
START_TEST(credit_usage_over_32_bits) {
  wchg_credit c;
  wchg_credit_action act;
  wchg_cca a;
  wchg_credit_init(&c, WCHG_INT(100), NO_INT, 60);
  ck_assert_int_eq(wchg_credit_begin(&c, 0, &act), WCHG_OK);
  a = answer(&act, 1, 0); /* no CC-Time: unlimited */
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, 0, &act), WCHG_OK);
  ck_assert(c.groups[0].unlimited);
  ck_assert_int_eq(act.next_tick_ms, -1);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(wchg_credit_end(&c, (INT64_C(1) << 32) * 1000 + 5000, WCHG_TC_LOGOUT, &act),
                   WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ck_assert_uint_eq(act.n_mscc, 1);
  ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_FINAL);
  ck_assert(act.mscc[0].used_seconds.present);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, UINT32_MAX);
  /* just below: exact */
  wchg_credit_init(&c, WCHG_INT(100), NO_INT, 60);
  wchg_credit_begin(&c, 0, &act);
  a = answer(&act, 1, 0);
  wchg_credit_on_cca(&c, &a, 0, &act);
  wchg_credit_end(&c, (int64_t)UINT32_MAX * 1000, WCHG_TC_LOGOUT, &act);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, UINT32_MAX);
  wchg_credit_init(&c, WCHG_INT(100), NO_INT, 60);
  wchg_credit_begin(&c, 0, &act);
  a = answer(&act, 1, 0);
  wchg_credit_on_cca(&c, &a, 0, &act);
  wchg_credit_end(&c, (int64_t)UINT32_MAX * 1000 - 1001, WCHG_TC_LOGOUT, &act);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, (int64_t)UINT32_MAX - 1); /* rounded up */
}
END_TEST

/* An EVENT of 2^64 - 1 units: reported as the largest Integer64 (the
 * model's type); a CCA without MSCC grants it without a units check. */
START_TEST(credit_event_units) {
  wchg_credit c;
  wchg_credit_action act;
  wchg_cca a;
  wchg_ccr ccr;
  wchg_mscc m[WCHG_CREDIT_MAX_GROUPS];
  wchg_service_unit u[WCHG_CREDIT_MAX_GROUPS];
  wchg_credit_init_event(&c, WCHG_INT(100), WCHG_INT(1), UINT64_MAX);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &act), WCHG_OK);
  a = answer(&act, 1, 0);
  a.mscc[0].granted_service_unit.present = true;
  a.mscc[0].granted_service_unit.has_cc_service_specific_units = true;
  a.mscc[0].granted_service_unit.cc_service_specific_units = UINT64_MAX;
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 10, &act), WCHG_OK);
  ck_assert_int_eq(c.state, WCHG_CREDIT_OPEN);
  ck_assert_int_eq(wchg_credit_event_done(&c, T0 + 20, true, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ck_assert(act.mscc[0].used_units.present);
  ck_assert_int_eq(act.mscc[0].used_units.value, INT64_MAX);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, &act, &ccr, m, u, WCHG_CREDIT_MAX_GROUPS), WCHG_OK);
  ck_assert_uint_eq(u[0].cc_service_specific_units, (uint64_t)INT64_MAX);
  /* no MSCC in the CCA-I: granted as asked */
  wchg_credit_init_event(&c, WCHG_INT(100), WCHG_INT(1), 3);
  wchg_credit_begin(&c, T0, &act);
  a = answer(&act, 0, 0);
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 10, &act), WCHG_OK);
  ck_assert_int_eq(c.state, WCHG_CREDIT_OPEN);
  ck_assert(c.groups[0].granted);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(wchg_credit_event_done(&c, T0 + 20, true, &act), WCHG_OK);
  ck_assert_int_eq(act.mscc[0].used_units.value, 3);
}
END_TEST

/* A group granted while the session rings, re-asked (media change) and
 * refused in the CCA-U: nothing was used, so no FINAL report; the last
 * group gone, the CCR-T carries no MSCC. Answered first, the same has a
 * FINAL report of the time used. */
START_TEST(credit_refused_without_usage) {
  for (int answered = 0; answered < 2; answered++) {
    wchg_credit c;
    wchg_credit_action act;
    wchg_cca a;
    wchg_credit_init_session(&c, WCHG_INT(100), NO_INT, 60);
    ck_assert_int_eq(wchg_credit_begin(&c, T0, &act), WCHG_OK);
    a = answer(&act, 1, 60);
    ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 100, &act), WCHG_OK);
    if (answered)
      ck_assert_int_eq(wchg_credit_answered(&c, T0 + 1000, &act), WCHG_OK);
    ck_assert_int_eq(wchg_credit_media_change(&c, T0 + 5000, &act), WCHG_OK);
    ck_assert_int_eq(act.send, WCHG_CC_UPDATE);
    ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_RATING_CONDITION_CHANGE);
    ck_assert_int_eq(act.mscc[0].used_seconds.value, answered ? 4 : 0);
    a = answer(&act, 1, 60);
    a.mscc[0].result_code = WCHG_INT(4012);
    ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 7500, &act), WCHG_OK);
    ck_assert_int_eq(c.groups[0].state, WCHG_GROUP_CLOSED);
    ck_assert_int_eq(c.groups[0].service, WCHG_SERVICE_TERMINATE);
    ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
    ck_assert_int_eq(act.service, WCHG_SERVICE_TERMINATE);
    ck_assert_int_eq(c.termination_cause, WCHG_TC_SERVICE_NOT_PROVIDED);
    ck_assert_uint_eq(act.n_mscc, (size_t)answered);
    if (answered) {
      ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_FINAL);
      ck_assert_int_eq(act.mscc[0].used_seconds.value, 3); /* 2.5 s, rounded up */
    }
  }
}
END_TEST

/* Groups that differ only in whether a Rating-Group is given. */
START_TEST(credit_groups_by_presence) {
  wchg_credit c;
  wchg_credit_action act;
  size_t k = 99;
  wchg_credit_init(&c, WCHG_INT(100), NO_INT, 60);
  ck_assert_int_eq(wchg_credit_add_group(&c, NO_INT, NO_INT, 30, T0, &k, &act), WCHG_OK);
  ck_assert_uint_eq(k, 1);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(100), WCHG_INT(5), 30, T0, &k, &act),
                   WCHG_OK);
  ck_assert_uint_eq(k, 2);
  ck_assert_int_eq(wchg_credit_add_group(&c, NO_INT, NO_INT, 30, T0, &k, &act), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(100), NO_INT, 30, T0, NULL, &act),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(101), NO_INT, 30, T0, NULL, &act),
                   WCHG_OK);
  ck_assert_uint_eq(c.n_groups, 4);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &act), WCHG_OK);
  ck_assert_uint_eq(act.n_mscc, 4);
  for (size_t i = 0; i < 4; i++)
    ck_assert(act.mscc[i].group == i && act.mscc[i].request);
}
END_TEST

/* Every call with a NULL state or action: WCHG_E_ARG, nothing changed. */
START_TEST(credit_null_arguments) {
  wchg_credit c, before;
  wchg_credit_action act;
  wchg_cca a;
  wchg_ccr ccr;
  wchg_mscc m[1];
  wchg_service_unit u[1];
  wchg_credit_init(NULL, WCHG_INT(1), NO_INT, 1);
  wchg_credit_init_session(NULL, WCHG_INT(1), NO_INT, 1);
  wchg_credit_init_event(NULL, WCHG_INT(1), NO_INT, 1);
  wchg_credit_init_session(&c, WCHG_INT(100), NO_INT, 60);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &act), WCHG_OK);
  a = answer(&act, 1, 60);
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_on_cca(&c, NULL, T0, &act), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  before = c;
  ck_assert_int_eq(wchg_credit_begin(&c, T0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_tick(&c, T0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_media_change(&c, T0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_answered(&c, T0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_event_done(&c, T0, true, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_group_end(&c, 0, T0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_group_end(NULL, 0, T0, &act), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_group_end(&c, 1, T0, &act), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_end(&c, T0, WCHG_TC_LOGOUT, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(7), NO_INT, 1, T0, NULL, NULL),
                   WCHG_E_ARG);
  ck_assert(memcmp(&c, &before, sizeof c) == 0);
  ck_assert_int_eq(wchg_credit_media_change(&c, T0 + 1000, &act), WCHG_OK);
  ck_assert_int_eq(wchg_credit_fill_ccr(NULL, &act, &ccr, m, u, 1), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, NULL, &ccr, m, u, 1), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, &act, NULL, m, u, 1), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, &act, &ccr, NULL, u, 1), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, &act, &ccr, m, NULL, 1), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, &act, &ccr, m, u, 0), WCHG_E_BUFFER);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, &act, &ccr, m, u, 1), WCHG_OK);
  ck_assert_int_eq(ccr.cc_request_type, WCHG_CC_UPDATE);
  ck_assert_int_eq(m[0].rating_group.value, 100);
}
END_TEST

/* An action of another session (two groups) filled with a session of
 * one: a report of a group it does not have takes its first group. */
START_TEST(credit_fill_foreign_action) {
  wchg_credit two, one;
  wchg_credit_action act;
  wchg_ccr ccr;
  wchg_mscc m[2];
  wchg_service_unit u[2];
  wchg_credit_init(&two, WCHG_INT(100), NO_INT, 60);
  ck_assert_int_eq(wchg_credit_add_group(&two, WCHG_INT(200), NO_INT, 30, T0, NULL, &act),
                   WCHG_OK);
  ck_assert_int_eq(wchg_credit_begin(&two, T0, &act), WCHG_OK);
  ck_assert_uint_eq(act.n_mscc, 2);
  wchg_credit_init(&one, WCHG_INT(300), WCHG_INT(9), 45);
  ck_assert_int_eq(wchg_credit_fill_ccr(&one, &act, &ccr, m, u, 2), WCHG_OK);
  ck_assert_uint_eq(ccr.n_mscc, 2);
  for (int i = 0; i < 2; i++) {
    ck_assert_int_eq(m[i].rating_group.value, 300);
    ck_assert_int_eq(m[i].service_identifier.value, 9);
    ck_assert_int_eq(m[i].requested_service_unit.cc_time.value, 45);
  }
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
  tcase_add_test(t, credit_usage_over_32_bits);
  tcase_add_test(t, credit_event_units);
  tcase_add_test(t, credit_refused_without_usage);
  tcase_add_test(t, credit_groups_by_presence);
  tcase_add_test(t, credit_null_arguments);
  tcase_add_test(t, credit_fill_foreign_action);
  suite_add_tcase(s, t);
  return s;
}
