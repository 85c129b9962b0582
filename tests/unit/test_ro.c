/* test_ro.c: Ro online charging (ro.h): the CCR encoder, the CCA reader
 * and the per-session credit state.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/ro.h>

#include "diam_samples.h"
#include "rf_samples.h"
#include "testutil.h"

#define V3 10415u

/* ---- CCR models ------------------------------------------------------------ */

static const wchg_subscription_id ro_subs[2] = {
    {WCHG_INT(2), WCHG_STR("sip:alice@ims.example.com")},
    {WCHG_INT(0), WCHG_STR("15551234567")}};
static const int32_t ro_triggers[2] = {40, 60};

/* sample_ccr (diam_samples.c) as a model. */
static wchg_mscc ro_sample_mscc;
static void ro_sample_ccr(wchg_ccr *c) {
  ro_ccr_base(c, WCHG_CC_INITIAL, 0);
  memset(&ro_sample_mscc, 0, sizeof ro_sample_mscc);
  ro_sample_mscc.requested_service_unit = (wchg_service_unit){.present = true,
                                                              .cc_time = WCHG_INT(60)};
  ro_sample_mscc.service_identifier = WCHG_INT(1);
  ro_sample_mscc.rating_group = WCHG_INT(100);
  c->mscc = &ro_sample_mscc;
  c->n_mscc = 1;
}

static uint8_t *ro_encode(const wchg_ccr *c, size_t *len) {
  wchg_diag d;
  size_t need = 0;
  ck_assert_int_eq(wchg_ccr_encode(c, NULL, 0, &need, &d), WCHG_E_BUFFER);
  uint8_t *buf = malloc(need);
  ck_assert_ptr_nonnull(buf);
  wchg_status rc = wchg_ccr_encode(c, buf, need, len, &d);
  ck_assert_msg(rc == WCHG_OK, "%d %s: %s", rc, d.path, d.message);
  ck_assert_uint_eq(*len, need);
  return buf;
}

/* Parse strictly (the CCR ABNF) and return the message. */
static void ro_parse_ccr(const uint8_t *buf, size_t len, wchg_dmsg *m) {
  wchg_diag d;
  wchg_status rc = wchg_dmsg_parse(buf, len, 0, m, &d);
  ck_assert_msg(rc == WCHG_OK, "%s at %zu: %s (%u)", d.path, d.offset, d.message,
                d.result_code);
  ck_assert_uint_eq(m->code, WCHG_CMD_CREDIT_CONTROL);
  ck_assert_uint_eq(m->app_id, WCHG_APP_CREDIT_CONTROL);
  ck_assert_uint_eq(m->flags & (WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P),
                    WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P);
}

static uint32_t ro_u32(const wchg_dmsg *m, const wchg_avp *g, uint32_t code, uint32_t vendor) {
  wchg_avp a;
  uint32_t v = 0;
  ck_assert_msg(wchg_avp_find(m, g, code, vendor, &a), "AVP %u missing", code);
  ck_assert_int_eq(wchg_avp_u32(&a, &v), WCHG_OK);
  return v;
}

static uint64_t ro_u64(const wchg_dmsg *m, const wchg_avp *g, uint32_t code) {
  wchg_avp a;
  uint64_t v = 0;
  ck_assert_msg(wchg_avp_find(m, g, code, 0, &a), "AVP %u missing", code);
  ck_assert_int_eq(wchg_avp_u64(&a, &v), WCHG_OK);
  return v;
}

static void ro_text(const wchg_dmsg *m, const wchg_avp *g, uint32_t code, uint32_t vendor,
                    const char *want) {
  wchg_avp a;
  ck_assert_msg(wchg_avp_find(m, g, code, vendor, &a), "AVP %u missing", code);
  ck_assert_uint_eq(a.len, strlen(want));
  ck_assert(memcmp(a.data, want, a.len) == 0);
}

static size_t ro_count(const wchg_dmsg *m, const wchg_avp *g, uint32_t code) {
  wchg_avp_iter it;
  wchg_avp a;
  size_t n = 0;
  wchg_avp_iter_group(&it, m, g);
  while (wchg_avp_next(&it, &a))
    n += a.code == code;
  return n;
}

/* The IMS-Information of a parsed CCR, after checking its WebRTC AVPs. */
static void ro_check_ims(const wchg_dmsg *m, int32_t node_functionality) {
  wchg_avp si, ims, waf;
  ck_assert(wchg_avp_find(m, NULL, 873, V3, &si));
  ck_assert(wchg_avp_find(m, &si, 876, V3, &ims));
  ck_assert_uint_eq(ro_count(m, &si, 443), 0); /* Subscription-Id is at the top */
  ck_assert_uint_eq(ro_u32(m, &ims, 862, V3), (uint32_t)node_functionality);
  ro_text(m, &ims, 657, V3, "waf.example.net");
  ro_text(m, &ims, 658, V3, "wwsf.example.com");
  ck_assert(wchg_avp_find(m, &ims, 657, V3, &waf));
  ck_assert_uint_eq(waf.flags & 0xc0, 0x80); /* V set, M clear */
  ck_assert(wchg_avp_find(m, &ims, 658, V3, &waf));
  ck_assert_uint_eq(waf.flags & 0xc0, 0x80);
}

/* ---- CCR ------------------------------------------------------------------ */

START_TEST(test_ccr_golden_sample) {
  uint8_t want[2048];
  size_t want_len, len;
  wchg_ccr c;
  ck_assert_int_eq(sample_ccr(want, sizeof want, &want_len), WCHG_OK);
  ro_sample_ccr(&c);
  uint8_t *buf = ro_encode(&c, &len);
  ck_assert_uint_eq(len, want_len);
  ck_assert(memcmp(buf, want, len) == 0);
  test_out_write_diam("ro_sample_ccr", buf, len);
  free(buf);
}
END_TEST

START_TEST(test_ccr_initial_fields) {
  wchg_ccr c;
  wchg_dmsg m;
  wchg_avp mscc, rsu, sub;
  size_t len;
  ro_sample_ccr(&c);
  c.destination_host = WCHG_STR("ocs1.ims.example.com");
  c.origin_state_id = WCHG_INT(7);
  c.ims.list_of_subscription_id = (wchg_subscription_id_list){ro_subs, 2};
  ro_sample_mscc.requested_service_unit.has_cc_total_octets = true;
  ro_sample_mscc.requested_service_unit.cc_total_octets = 5000000000ULL;
  uint8_t *buf = ro_encode(&c, &len);
  test_out_write_diam("ro_ccr_initial", buf, len);
  ro_parse_ccr(buf, len, &m);
  ro_text(&m, NULL, 263, 0, "imsgwf1.ims.example.com;1795510800;7;h3-call");
  ro_text(&m, NULL, 293, 0, "ocs1.ims.example.com");
  ck_assert_uint_eq(ro_u32(&m, NULL, 258, 0), 4);
  ro_text(&m, NULL, 461, 0, "32260@3gpp.org");
  ck_assert_uint_eq(ro_u32(&m, NULL, 416, 0), WCHG_CC_INITIAL);
  ck_assert_uint_eq(ro_u32(&m, NULL, 415, 0), 0);
  ck_assert_uint_eq(ro_u32(&m, NULL, 278, 0), 7);
  ro_text(&m, NULL, 1, 0, "alice@ims.example.com");
  ck_assert_uint_eq(ro_count(&m, NULL, 443), 2);
  ck_assert(wchg_avp_find(&m, NULL, 443, 0, &sub));
  ck_assert_uint_eq(ro_u32(&m, &sub, 450, 0), 2);
  ro_text(&m, &sub, 444, 0, "sip:alice@ims.example.com");
  ck_assert_uint_eq(ro_u32(&m, NULL, 455, 0), 1);
  ck_assert_uint_eq(ro_count(&m, NULL, 295), 0);
  ck_assert_uint_eq(ro_count(&m, NULL, 436), 0);
  ck_assert(wchg_avp_find(&m, NULL, 456, 0, &mscc));
  ck_assert(wchg_avp_find(&m, &mscc, 437, 0, &rsu));
  ck_assert_uint_eq(ro_u32(&m, &rsu, 420, 0), 60);
  ck_assert_uint_eq(ro_u64(&m, &rsu, 421), 5000000000ULL);
  ck_assert_uint_eq(ro_u32(&m, &mscc, 439, 0), 1);
  ck_assert_uint_eq(ro_u32(&m, &mscc, 432, 0), 100);
  ro_check_ims(&m, WCHG_NODE_S_CSCF);
  free(buf);
}
END_TEST

/* CCR-Update of two services: USUs with their reasons, the MSCC reason,
 * Trigger; the AS role. */
START_TEST(test_ccr_update_usu) {
  wchg_ccr c;
  wchg_dmsg m;
  wchg_avp mscc, usu;
  wchg_avp_iter it;
  size_t len;
  wchg_service_unit used[2] = {
      {.present = true, .cc_time = WCHG_INT(50), .reporting_reason = WCHG_INT(WCHG_RR_THRESHOLD)},
      {.present = true, .has_cc_input_octets = true, .cc_input_octets = 1000,
       .has_cc_output_octets = true, .cc_output_octets = 2000,
       .reporting_reason = WCHG_INT(WCHG_RR_QUOTA_EXHAUSTED)}};
  wchg_mscc ms[2] = {
      {.requested_service_unit = {.present = true, .cc_time = WCHG_INT(30)}, .used_service_units = used,
       .n_used_service_units = 2, .rating_group = WCHG_INT(100),
       .trigger = true, .trigger_types = ro_triggers, .n_trigger_types = 2},
      {.used_service_units = used, .n_used_service_units = 1,
       .service_identifier = WCHG_INT(2), .rating_group = WCHG_INT(200),
       .reporting_reason = WCHG_INT(WCHG_RR_VALIDITY_TIME)}};
  ro_ccr_base(&c, WCHG_CC_UPDATE, 1);
  c.node_functionality = WCHG_NODE_AS;
  c.mscc = ms;
  c.n_mscc = 2;
  uint8_t *buf = ro_encode(&c, &len);
  test_out_write_diam("ro_ccr_update", buf, len);
  ro_parse_ccr(buf, len, &m);
  ck_assert_uint_eq(ro_u32(&m, NULL, 416, 0), WCHG_CC_UPDATE);
  ck_assert_uint_eq(ro_u32(&m, NULL, 415, 0), 1);
  ck_assert_uint_eq(ro_count(&m, NULL, 456), 2);
  ck_assert(wchg_avp_find(&m, NULL, 456, 0, &mscc));
  ck_assert_uint_eq(ro_count(&m, &mscc, 446), 2);
  ck_assert_uint_eq(ro_count(&m, &mscc, 437), 1);
  ck_assert_uint_eq(ro_count(&m, &mscc, 872), 0);
  wchg_avp_iter_group(&it, &m, &mscc);
  ck_assert(wchg_avp_next(&it, &usu) && usu.code == 437);
  ck_assert(wchg_avp_next(&it, &usu) && usu.code == 446);
  ck_assert_uint_eq(ro_u32(&m, &usu, 872, V3), WCHG_RR_THRESHOLD);
  ck_assert_uint_eq(ro_u32(&m, &usu, 420, 0), 50);
  ck_assert(wchg_avp_next(&it, &usu) && usu.code == 446);
  ck_assert_uint_eq(ro_u32(&m, &usu, 872, V3), WCHG_RR_QUOTA_EXHAUSTED);
  ck_assert_uint_eq(ro_u64(&m, &usu, 412), 1000);
  ck_assert_uint_eq(ro_u64(&m, &usu, 414), 2000);
  ck_assert(wchg_avp_find(&m, &mscc, 1264, V3, &usu));
  ck_assert_uint_eq(ro_count(&m, &usu, 870), 2);
  /* the second MSCC */
  wchg_avp_iter_msg(&it, &m);
  while (wchg_avp_next(&it, &mscc) && mscc.code != 456) {
  }
  ck_assert(wchg_avp_next(&it, &mscc) && mscc.code == 456);
  ck_assert_uint_eq(ro_u32(&m, &mscc, 872, V3), WCHG_RR_VALIDITY_TIME);
  ck_assert_uint_eq(ro_u32(&m, &mscc, 439, 0), 2);
  ro_check_ims(&m, WCHG_NODE_AS);
  free(buf);
}
END_TEST

START_TEST(test_ccr_termination) {
  wchg_ccr c;
  wchg_dmsg m;
  wchg_avp si, ims;
  size_t len;
  wchg_service_unit used = {.present = true, .cc_time = WCHG_INT(75)};
  wchg_mscc ms = {.used_service_units = &used, .n_used_service_units = 1,
                  .rating_group = WCHG_INT(100), .reporting_reason = WCHG_INT(WCHG_RR_FINAL)};
  ro_ccr_base(&c, WCHG_CC_TERMINATION, 2);
  c.node_functionality = WCHG_NODE_MRFC;
  c.termination_cause = WCHG_INT(WCHG_TC_LOGOUT);
  c.cause_code = WCHG_INT(WCHG_CAUSE_NORMAL_END);
  c.ims.sip_method = WCHG_STR("BYE");
  c.mscc = &ms;
  c.n_mscc = 1;
  uint8_t *buf = ro_encode(&c, &len);
  test_out_write_diam("ro_ccr_termination", buf, len);
  ro_parse_ccr(buf, len, &m);
  ck_assert_uint_eq(ro_u32(&m, NULL, 416, 0), WCHG_CC_TERMINATION);
  ck_assert_uint_eq(ro_u32(&m, NULL, 415, 0), 2);
  ck_assert_uint_eq(ro_u32(&m, NULL, 295, 0), WCHG_TC_LOGOUT);
  ck_assert(wchg_avp_find(&m, NULL, 873, V3, &si));
  ck_assert(wchg_avp_find(&m, &si, 876, V3, &ims));
  ck_assert(wchg_avp_find(&m, &ims, 861, V3, &si));
  ro_check_ims(&m, WCHG_NODE_MRFC);
  free(buf);
}
END_TEST

/* CCR-Event, DIRECT_DEBITING, for a MESSAGE; a release-prefixed context. */
START_TEST(test_ccr_event_message) {
  wchg_ccr c;
  wchg_dmsg m;
  size_t len;
  wchg_mscc ms = {.requested_service_unit = {.present = true, .cc_time = WCHG_INT(30)}, .service_identifier = WCHG_INT(3)};
  ro_ccr_base(&c, WCHG_CC_EVENT, 0);
  c.requested_action = WCHG_INT(WCHG_RA_DIRECT_DEBITING);
  c.cause_code = WCHG_INT(WCHG_CAUSE_SUCCESSFUL_TRANSACTION);
  c.ims.sip_method = WCHG_STR("MESSAGE");
  c.ims.list_of_sdp_media_components = (wchg_media_components_list_list){NULL, 0};
  c.ims.service_context_id = WCHG_STR("17.32260@3gpp.org");
  c.mscc = &ms;
  c.n_mscc = 1;
  uint8_t *buf = ro_encode(&c, &len);
  test_out_write_diam("ro_ccr_event_message", buf, len);
  ro_parse_ccr(buf, len, &m);
  ck_assert_uint_eq(ro_u32(&m, NULL, 416, 0), WCHG_CC_EVENT);
  ck_assert_uint_eq(ro_u32(&m, NULL, 436, 0), WCHG_RA_DIRECT_DEBITING);
  ro_text(&m, NULL, 461, 0, "17.32260@3gpp.org");
  ro_check_ims(&m, WCHG_NODE_S_CSCF);
  free(buf);
}
END_TEST

/* The smallest CCR: the required AVPs and Service-Information. */
START_TEST(test_ccr_minimal_retransmitted) {
  wchg_ccr c;
  wchg_dmsg m;
  size_t len;
  wchg_ccr_init(&c, WCHG_NODE_AS);
  c.session_id = WCHG_STR("as1;1;2");
  c.origin_host = WCHG_STR("as1.ims.example.com");
  c.origin_realm = WCHG_STR("ims.example.com");
  c.destination_realm = WCHG_STR("ims.example.com");
  c.cc_request_type = WCHG_CC_INITIAL;
  c.retransmitted = true;
  uint8_t *buf = ro_encode(&c, &len);
  test_out_write_diam("ro_ccr_minimal", buf, len);
  ro_parse_ccr(buf, len, &m);
  ck_assert_uint_eq(m.flags & WCHG_CMD_FLAG_T, WCHG_CMD_FLAG_T);
  ro_text(&m, NULL, 461, 0, "32260@3gpp.org");
  ck_assert_uint_eq(ro_count(&m, NULL, 456), 0);
  free(buf);
}
END_TEST

/* Each refusal with its code and path; nothing written. */
struct ro_bad {
  const char *what;
  wchg_status code;
  const char *path;
};

static void ro_expect(const wchg_ccr *c, wchg_status code, const char *path) {
  uint8_t buf[4096];
  size_t len = 99;
  wchg_diag d;
  buf[0] = 0xee;
  ck_assert_int_eq(wchg_ccr_encode(c, buf, sizeof buf, &len, &d), code);
  ck_assert_uint_eq(len, 0);
  ck_assert_uint_eq(buf[0], 0xee);
  ck_assert_int_eq(d.code, code);
  ck_assert_msg(strcmp(d.path, path) == 0, "path %s, want %s", d.path, path);
}

START_TEST(test_ccr_refused) {
  wchg_ccr c;
  wchg_service_unit bad_usu = {.present = true, .reporting_reason = WCHG_INT(10)};
  wchg_mscc ms = {.used_service_units = &bad_usu, .n_used_service_units = 1};
  wchg_mscc no_items = {.n_used_service_units = 1};

  ro_sample_ccr(&c);
  c.session_id = WCHG_STR("");
  ro_expect(&c, WCHG_E_MISSING, "CCR/Session-Id");
  ro_sample_ccr(&c);
  c.destination_realm = (wchg_str){NULL, 0};
  ro_expect(&c, WCHG_E_MISSING, "CCR/Destination-Realm");
  ro_sample_ccr(&c);
  c.node_functionality = WCHG_NODE_P_CSCF; /* not an Ro client in 3GPP */
  ro_expect(&c, WCHG_E_RANGE, "CCR/Node-Functionality");
  ro_sample_ccr(&c);
  c.cc_request_type = 5;
  ro_expect(&c, WCHG_E_RANGE, "CCR/CC-Request-Type");
  ro_sample_ccr(&c);
  c.termination_cause = WCHG_INT(1);
  ro_expect(&c, WCHG_E_RANGE, "CCR/Termination-Cause");
  ro_sample_ccr(&c);
  c.requested_action = WCHG_INT(0);
  ro_expect(&c, WCHG_E_RANGE, "CCR/Requested-Action");
  ro_sample_ccr(&c);
  c.origin_state_id = WCHG_INT(-1);
  ro_expect(&c, WCHG_E_RANGE, "CCR/Origin-State-Id");
  ro_sample_ccr(&c);
  c.mscc = &ms;
  ro_expect(&c, WCHG_E_RANGE,
            "CCR/Multiple-Services-Credit-Control[0]/Used-Service-Unit[0]/Reporting-Reason");
  ro_sample_ccr(&c);
  c.mscc = &no_items;
  ro_expect(&c, WCHG_E_MISSING, "CCR/Multiple-Services-Credit-Control[0]/Used-Service-Unit");
  ro_sample_ccr(&c);
  c.mscc = NULL;
  ro_expect(&c, WCHG_E_MISSING, "CCR/Multiple-Services-Credit-Control");
  ro_sample_ccr(&c);
  c.ims.ims_emergency_indicator = true; /* a WIC user: not charged */
  ro_expect(&c, WCHG_E_EMERGENCY, "CCR/Service-Information/IMS-Information/"
                                  "IMS-Emergency-Indicator");
  ro_sample_ccr(&c);
  c.ims.webrtc_authentication_function_name = (wchg_str){"\xff", 1};
  ro_expect(&c, WCHG_E_UTF8, "CCR/Service-Information/IMS-Information/"
                             "WebRTC-Authentication-Function-Name");
}
END_TEST

START_TEST(test_ccr_buffer_and_args) {
  wchg_ccr c;
  uint8_t buf[2048];
  size_t len = 0, need = 0;
  ro_sample_ccr(&c);
  ck_assert_int_eq(wchg_ccr_encode(&c, buf, sizeof buf, &need, NULL), WCHG_OK);
  for (size_t cap = 0; cap < need; cap += 7) {
    ck_assert_int_eq(wchg_ccr_encode(&c, buf, cap, &len, NULL), WCHG_E_BUFFER);
    ck_assert_uint_eq(len, need);
  }
  ck_assert_int_eq(wchg_ccr_encode(NULL, buf, sizeof buf, &len, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ccr_encode(&c, buf, sizeof buf, NULL, NULL), WCHG_E_ARG);
  wchg_ccr_init(NULL, 0);
}
END_TEST

/* ---- CCA ------------------------------------------------------------------- */

/* What a CCA test message holds; zero: leave out. */
struct ro_cca_spec {
  uint32_t result_code;        /* 0: 2001 */
  int32_t type;
  uint32_t number;
  int n_mscc;                  /* 0..n, each the same */
  uint32_t mscc_result_code;   /* 0: none in the MSCC */
  uint32_t gsu_time;           /* 0: no GSU (unless gsu_units) */
  uint64_t gsu_units;          /* 0: no CC-Service-Specific-Units */
  uint32_t validity, threshold;
  int fui;                     /* 0: none; else Final-Unit-Action + 1 */
  bool cost;
  /* per MSCC i, when not 0: */
  uint32_t rg[4];              /* its Rating-Group (100 otherwise; RO_NO_RG: none) */
  uint32_t rc[4];              /* its Result-Code (mscc_result_code otherwise) */
  uint32_t gsu[4];             /* its GSU CC-Time (gsu_time otherwise) */
  int fui_only;                /* i + 1: the Final-Unit-Indication in MSCC i only */
};
#define RO_NO_RG UINT32_MAX

#define RO_CCA(...) ((struct ro_cca_spec){__VA_ARGS__})

static size_t ro_cca(const struct ro_cca_spec *sp, uint8_t *buf, size_t cap) {
  static const char sid[] = "imsgwf1.ims.example.com;1795510800;7;h3-call";
  wchg_dwriter w;
  size_t len = 0;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL, WCHG_APP_CREDIT_CONTROL,
                 0x01020304, 0x05060708);
  wchg_dw_utf8(&w, 263, 0, sid, sizeof sid - 1);
  wchg_dw_u32(&w, 268, 0, sp->result_code ? sp->result_code : 2001);
  wchg_dw_octets(&w, 264, 0, "ocs1.ims.example.com", 20);
  wchg_dw_octets(&w, 296, 0, "ims.example.com", 15);
  wchg_dw_u32(&w, 258, 0, 4);
  wchg_dw_i32(&w, 416, 0, sp->type);
  wchg_dw_u32(&w, 415, 0, sp->number);
  for (int i = 0; i < sp->n_mscc; i++) {
    uint32_t gsu_time = i < 4 && sp->gsu[i] ? sp->gsu[i] : sp->gsu_time;
    uint32_t rc = i < 4 && sp->rc[i] ? sp->rc[i] : sp->mscc_result_code;
    uint32_t rg = i < 4 && sp->rg[i] ? sp->rg[i] : 100;
    int fui = !sp->fui_only || sp->fui_only == i + 1 ? sp->fui : 0;
    wchg_dw_group_begin(&w, 456, 0);
    if (gsu_time || sp->gsu_units) {
      wchg_dw_group_begin(&w, 431, 0);
      if (gsu_time) {
        wchg_dw_u32(&w, 420, 0, gsu_time);
        wchg_dw_u64(&w, 421, 0, 123456789012ULL);
      }
      if (sp->gsu_units)
        wchg_dw_u64(&w, 417, 0, sp->gsu_units);
      wchg_dw_group_end(&w);
    }
    wchg_dw_u32(&w, 439, 0, 1);
    if (rg != RO_NO_RG)
      wchg_dw_u32(&w, 432, 0, rg);
    if (sp->validity)
      wchg_dw_u32(&w, 448, 0, sp->validity);
    if (rc)
      wchg_dw_u32(&w, 268, 0, rc);
    if (fui) {
      wchg_dw_group_begin(&w, 430, 0);
      wchg_dw_i32(&w, 449, 0, fui - 1);
      if (fui - 1 == WCHG_FUA_REDIRECT) {
        wchg_dw_group_begin(&w, 434, 0);
        wchg_dw_i32(&w, 433, 0, 3);
        wchg_dw_utf8(&w, 435, 0, "sip:topup@ims.example.com", 25);
        wchg_dw_group_end(&w);
      }
      wchg_dw_group_end(&w);
    }
    if (sp->threshold)
      wchg_dw_u32(&w, 868, V3, sp->threshold);
    wchg_dw_group_end(&w);
  }
  if (sp->cost) {
    wchg_dw_group_begin(&w, 423, 0);
    wchg_dw_group_begin(&w, 445, 0);
    wchg_dw_i64(&w, 447, 0, 125);
    wchg_dw_i32(&w, 429, 0, -2);
    wchg_dw_group_end(&w);
    wchg_dw_u32(&w, 425, 0, 978);
    wchg_dw_utf8(&w, 424, 0, "EUR", 3);
    wchg_dw_group_end(&w);
  }
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  return len;
}

static void ro_cca_ok(const struct ro_cca_spec *sp, wchg_cca *out) {
  uint8_t buf[1024];
  wchg_diag d;
  size_t len = ro_cca(sp, buf, sizeof buf);
  wchg_status rc = wchg_cca_parse(buf, len, out, &d);
  ck_assert_msg(rc == WCHG_OK, "%d %s at %zu: %s", rc, d.path, d.offset, d.message);
}

START_TEST(test_cca_full) {
  static uint8_t buf[1024];
  wchg_cca a;
  wchg_diag d;
  size_t len = ro_cca(&RO_CCA(.type = 1, .n_mscc = 1, .mscc_result_code = 2001,
                              .gsu_time = 60, .validity = 600, .threshold = 10,
                              .fui = 1 + WCHG_FUA_REDIRECT, .cost = true),
                      buf, sizeof buf);
  test_out_write_diam("ro_cca_full", buf, len);
  ck_assert_int_eq(wchg_cca_parse(buf, len, &a, &d), WCHG_OK);
  ck_assert_uint_eq(a.result_code, 2001);
  ck_assert_int_eq(a.cc_request_type, 1);
  ck_assert_uint_eq(a.cc_request_number, 0);
  ck_assert_uint_eq(a.hop_by_hop, 0x01020304);
  ck_assert_uint_eq(a.origin_host.len, 20);
  ck_assert_uint_eq(a.n_mscc, 1);
  const wchg_cca_mscc *m = &a.mscc[0];
  ck_assert(m->result_code.present && m->result_code.value == 2001);
  ck_assert(m->granted_service_unit.present);
  ck_assert_int_eq(m->granted_service_unit.cc_time.value, 60);
  ck_assert(m->granted_service_unit.has_cc_total_octets);
  ck_assert_uint_eq(m->granted_service_unit.cc_total_octets, 123456789012ULL);
  ck_assert_uint_eq(m->n_service_identifiers, 1);
  ck_assert_int_eq(m->rating_group.value, 100);
  ck_assert_int_eq(m->validity_time.value, 600);
  ck_assert_int_eq(m->time_quota_threshold.value, 10);
  ck_assert(m->final_unit_indication.present);
  ck_assert_int_eq(m->final_unit_indication.final_unit_action, WCHG_FUA_REDIRECT);
  ck_assert(m->final_unit_indication.has_redirect_server);
  ck_assert_int_eq(m->final_unit_indication.redirect_address_type, 3);
  ck_assert(m->final_unit_indication.redirect_server_address.ptr >= (const char *)buf &&
            m->final_unit_indication.redirect_server_address.ptr < (const char *)buf + len);
  ck_assert(a.cost_information.present);
  ck_assert_int_eq(a.cost_information.value_digits, 125);
  ck_assert_int_eq(a.cost_information.exponent, -2);
  ck_assert_uint_eq(a.cost_information.currency_code, 978);
  ck_assert_uint_eq(a.cost_information.cost_unit.len, 3);
}
END_TEST

/* The MSCC Result-Code is optional (Kamailio #1505), MSCCs are too. */
START_TEST(test_cca_optional) {
  wchg_cca a;
  ro_cca_ok(&RO_CCA(.type = 2, .number = 1, .n_mscc = 2, .gsu_time = 30), &a);
  ck_assert_uint_eq(a.n_mscc, 2);
  ck_assert(!a.mscc[0].result_code.present);
  ck_assert(!a.mscc[1].final_unit_indication.present);
  ck_assert(!a.cost_information.present);
  ro_cca_ok(&RO_CCA(.result_code = 4012, .type = 1), &a);
  ck_assert_uint_eq(a.result_code, 4012);
  ck_assert_uint_eq(a.n_mscc, 0);
  ck_assert(!wchg_result_code_success(a.result_code));
  ck_assert(wchg_result_code_success(2002));
}
END_TEST

START_TEST(test_cca_refused) {
  static uint8_t buf[4096];
  wchg_cca a;
  wchg_diag d;
  size_t len = ro_cca(&RO_CCA(.type = 1, .n_mscc = WCHG_CCA_MAX_MSCC + 1), buf, sizeof buf);
  ck_assert_int_eq(wchg_cca_parse(buf, len, &a, &d), WCHG_E_LIMIT);
  ck_assert_str_eq(d.path, "CCA/Multiple-Services-Credit-Control");
  ck_assert_uint_eq(a.n_mscc, 0);
  len = ro_cca(&RO_CCA(.type = 1), buf, sizeof buf);
  for (size_t cut = 0; cut < len; cut++)
    ck_assert_int_ne(wchg_cca_parse(buf, cut, &a, NULL), WCHG_OK);
  buf[len - 1] ^= 0; /* intact: fine */
  ck_assert_int_eq(wchg_cca_parse(buf, len, &a, NULL), WCHG_OK);
  /* a CC-Request-Type the dictionary does not name: the strict reader's
   * 5004; the receive policy (wchg_cca_parse's) keeps it as a warning */
  len = ro_cca(&RO_CCA(.type = 9), buf, sizeof buf);
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, WCHG_POLICY_STRICT, &a, &d, NULL),
                   WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  ck_assert_str_eq(d.path, "CC-Request-Type");
  wchg_diag wi[2];
  wchg_warnings w = {wi, 2, 0};
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, WCHG_POLICY_RECEIVE, &a, &d, &w), WCHG_OK);
  ck_assert_int_eq(a.cc_request_type, 9);
  ck_assert_uint_eq(w.count, 1);
  ck_assert_uint_eq(wi[0].result_code, 5004);
  ck_assert_str_eq(wi[0].path, "CC-Request-Type");
  ck_assert_uint_eq(buf[wi[0].offset + 2] << 8 | buf[wi[0].offset + 3], 416);
  ck_assert_int_eq(wchg_cca_parse(buf, len, &a, &d), WCHG_OK);
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, (wchg_policy)7, &a, &d, NULL), WCHG_E_ARG);
  /* a CCR is not a CCA; an ACA neither */
  ck_assert_int_eq(sample_ccr(buf, sizeof buf, &len), WCHG_OK);
  ck_assert_int_eq(wchg_cca_parse(buf, len, &a, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3001);
  ck_assert_int_eq(wchg_cca_parse(buf, len, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cca_parse(NULL, 4, &a, &d), WCHG_E_ARG);
}
END_TEST

/* An OCS's answer with Origin-Host's M bit clear and the P bit on the
 * MSCC's Result-Code: the receive policy (wchg_cca_parse's) maps it,
 * with the two warnings; strict refuses it with the first (3009). */
START_TEST(test_cca_receive) {
  static uint8_t buf[4096];
  wchg_cca a;
  wchg_diag d, wi[4];
  wchg_warnings w = {wi, 4, 0};
  wchg_dmsg m;
  wchg_avp oh, mscc, rc;
  size_t len = ro_cca(&RO_CCA(.type = 2, .number = 1, .n_mscc = 1, .gsu_time = 30,
                              .mscc_result_code = 2001), buf, sizeof buf);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 264, 0, &oh) && wchg_avp_find(&m, NULL, 456, 0, &mscc) &&
            wchg_avp_find(&m, &mscc, 268, 0, &rc));
  buf[oh.offset + 4] = 0x00;
  buf[rc.offset + 4] = 0x60;
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, WCHG_POLICY_STRICT, &a, &d, &w), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3009);
  ck_assert_str_eq(d.path, "Origin-Host");
  ck_assert_uint_eq(d.offset, oh.offset);
  ck_assert_uint_eq(w.count, 0);
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, WCHG_POLICY_RECEIVE, &a, &d, &w), WCHG_OK);
  ck_assert_uint_eq(w.count, 2);
  ck_assert_str_eq(wi[0].path, "Origin-Host");
  ck_assert_str_eq(wi[0].message, "M bit clear; the rule of Origin-Host is M must");
  ck_assert_str_eq(wi[1].path, "Multiple-Services-Credit-Control/Result-Code");
  ck_assert_uint_eq(wi[1].offset, rc.offset);
  ck_assert_uint_eq(wi[1].result_code, 3009);
  ck_assert_uint_eq(a.n_mscc, 1);
  ck_assert(a.mscc[0].result_code.present && a.mscc[0].result_code.value == 2001);
  ck_assert_int_eq(a.mscc[0].granted_service_unit.cc_time.value, 30);
  ck_assert_uint_eq(a.origin_host.len, 20);
  /* wchg_cca_parse is the receive policy */
  memset(&a, 0, sizeof a);
  ck_assert_int_eq(wchg_cca_parse(buf, len, &a, &d), WCHG_OK);
  ck_assert_uint_eq(a.result_code, 2001);
}
END_TEST

/* Issue 17 (every member of a slot written where it is taken): of a
 * Grouped AVP given twice (the receive policy lets it through with a
 * 5009 warning) the last counts whole: nothing of the first stays in the
 * Granted-Service-Unit, the Final-Unit-Indication (its Redirect-Server
 * included) or the Cost-Information. Strict refuses the CCA. */
START_TEST(test_cca_repeated_groups) {
  uint8_t buf[1024];
  size_t len = 0;
  wchg_dwriter w;
  wchg_cca a;
  wchg_diag d, wi[4];
  wchg_warnings ws = {wi, 4, 0};
  wchg_dw_init(&w, buf, sizeof buf, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL, WCHG_APP_CREDIT_CONTROL, 1, 2);
  wchg_dw_utf8(&w, 263, 0, "ocs;1", 5);
  wchg_dw_u32(&w, 268, 0, 2001);
  wchg_dw_octets(&w, 264, 0, "ocs1.ims.example.com", 20);
  wchg_dw_octets(&w, 296, 0, "ims.example.com", 15);
  wchg_dw_u32(&w, 258, 0, 4);
  wchg_dw_i32(&w, 416, 0, 2);
  wchg_dw_u32(&w, 415, 0, 1);
  wchg_dw_group_begin(&w, 456, 0);
  wchg_dw_group_begin(&w, 431, 0); /* 60 s and octets, then 5 units only */
  wchg_dw_u32(&w, 420, 0, 60);
  wchg_dw_u64(&w, 421, 0, 1000);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 431, 0);
  wchg_dw_u64(&w, 417, 0, 5);
  wchg_dw_group_end(&w);
  wchg_dw_u32(&w, 432, 0, 100);
  wchg_dw_group_begin(&w, 430, 0); /* REDIRECT to a URL, then TERMINATE */
  wchg_dw_i32(&w, 449, 0, WCHG_FUA_REDIRECT);
  wchg_dw_group_begin(&w, 434, 0);
  wchg_dw_i32(&w, 433, 0, 2);
  wchg_dw_utf8(&w, 435, 0, "http://topup", 12);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 430, 0);
  wchg_dw_i32(&w, 449, 0, WCHG_FUA_TERMINATE);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 423, 0); /* 1.25 EUR, then 7 in USD, no exponent */
  wchg_dw_group_begin(&w, 445, 0);
  wchg_dw_i64(&w, 447, 0, 125);
  wchg_dw_i32(&w, 429, 0, -2);
  wchg_dw_group_end(&w);
  wchg_dw_u32(&w, 425, 0, 978);
  wchg_dw_utf8(&w, 424, 0, "EUR", 3);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 423, 0);
  wchg_dw_group_begin(&w, 445, 0);
  wchg_dw_i64(&w, 447, 0, 7);
  wchg_dw_group_end(&w);
  wchg_dw_u32(&w, 425, 0, 840);
  wchg_dw_group_end(&w);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);

  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, WCHG_POLICY_STRICT, &a, &d, NULL),
                   WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5009);
  /* a struct that held another CCA, and the receive policy */
  memset(&a, 0xA5, sizeof a);
  ck_assert_int_eq(wchg_cca_parse_ex(buf, len, WCHG_POLICY_RECEIVE, &a, &d, &ws), WCHG_OK);
  ck_assert_uint_eq(ws.count, 3);
  ck_assert_uint_eq(a.n_mscc, 1);
  const wchg_service_unit *u = &a.mscc[0].granted_service_unit;
  ck_assert(u->present);
  ck_assert(!u->cc_time.present);
  ck_assert(!u->has_cc_total_octets);
  ck_assert(u->has_cc_service_specific_units);
  ck_assert_uint_eq(u->cc_service_specific_units, 5);
  ck_assert(a.mscc[0].final_unit_indication.present);
  ck_assert_int_eq(a.mscc[0].final_unit_indication.final_unit_action, WCHG_FUA_TERMINATE);
  ck_assert(!a.mscc[0].final_unit_indication.has_redirect_server);
  ck_assert_int_eq(a.mscc[0].final_unit_indication.redirect_address_type, 0);
  ck_assert_ptr_null(a.mscc[0].final_unit_indication.redirect_server_address.ptr);
  ck_assert(a.cost_information.present);
  ck_assert_int_eq(a.cost_information.value_digits, 7);
  ck_assert_int_eq(a.cost_information.exponent, 0);
  ck_assert_uint_eq(a.cost_information.currency_code, 840);
  ck_assert_ptr_null(a.cost_information.cost_unit.ptr);
}
END_TEST

/* ---- credit state ---------------------------------------------------------- */

#define T0 1795510800000LL

static wchg_cca ro_answer(const wchg_credit_action *act, struct ro_cca_spec sp) {
  wchg_cca a;
  sp.type = act->send;
  sp.number = act->cc_request_number;
  ro_cca_ok(&sp, &a);
  return a;
}

/* Encode the CCR the action asks for, check it parses into *|m|, write
 * it out; returns its bytes (*|m| views them: free them after). */
static uint8_t *ro_send_msg(const wchg_credit *c, const wchg_credit_action *act,
                            const char *name, wchg_dmsg *m) {
  wchg_ccr ccr;
  wchg_mscc ms[WCHG_CREDIT_MAX_GROUPS];
  wchg_service_unit usu[WCHG_CREDIT_MAX_GROUPS];
  size_t len;
  ro_ccr_base(&ccr, 0, 0);
  ck_assert_int_eq(wchg_credit_fill_ccr(c, act, &ccr, ms, usu, WCHG_CREDIT_MAX_GROUPS), WCHG_OK);
  uint8_t *buf = ro_encode(&ccr, &len);
  ro_parse_ccr(buf, len, m);
  test_out_write_diam(name, buf, len);
  return buf;
}

static void ro_send(const wchg_credit *c, const wchg_credit_action *act, const char *name) {
  wchg_dmsg m;
  free(ro_send_msg(c, act, name, &m));
}

/* The CCR the action asks for, encoded and parsed: its MSCC's RSU (437)
 * or USU (446) CC-Service-Specific-Units (-1: absent), and its
 * Termination-Cause (-1: absent). */
static void ro_sent_units(const wchg_credit *c, const wchg_credit_action *act, const char *name,
                          int64_t *rsu, int64_t *usu_units, int64_t *tc) {
  wchg_dmsg m;
  wchg_avp mscc, g;
  uint8_t *buf = ro_send_msg(c, act, name, &m);
  *rsu = *usu_units = *tc = -1;
  ck_assert(wchg_avp_find(&m, NULL, 456, 0, &mscc));
  if (wchg_avp_find(&m, &mscc, 437, 0, &g) && ro_count(&m, &g, 417))
    *rsu = (int64_t)ro_u64(&m, &g, 417);
  if (wchg_avp_find(&m, &mscc, 446, 0, &g) && ro_count(&m, &g, 417))
    *usu_units = (int64_t)ro_u64(&m, &g, 417);
  if (ro_count(&m, NULL, 295))
    *tc = ro_u32(&m, NULL, 295, 0);
  free(buf);
}

static void ro_start(wchg_credit *c, wchg_credit_action *act) {
  wchg_credit_action again;
  wchg_credit_init(c, WCHG_INT(100), WCHG_INT(1), 60);
  ck_assert_int_eq(wchg_credit_begin(c, T0, act), WCHG_OK);
  ck_assert_int_eq(act->send, WCHG_CC_INITIAL);
  ck_assert_uint_eq(act->cc_request_number, 0);
  ck_assert_int_eq(act->service, WCHG_SERVICE_WAIT);
  ck_assert_int_eq(wchg_credit_begin(c, T0, &again), WCHG_E_STATE);
}

START_TEST(test_credit_call_with_updates) {
  wchg_credit c;
  wchg_credit_action act, i, t;
  wchg_cca a;
  ro_start(&c, &i);
  ro_send(&c, &i, "ro_credit_i");
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 60, .threshold = 10));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 200, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(act.next_tick_ms, T0 + 200 + 50000); /* report at T */
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 300, &act), WCHG_E_STATE);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 10000, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  /* the threshold: CCR-U, THRESHOLD in the USU, go on */
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 50200, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_UPDATE);
  ck_assert_uint_eq(act.cc_request_number, 1);
  ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_THRESHOLD);
  ck_assert(act.mscc[0].reason_in_usu);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 50);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ro_send(&c, &act, "ro_credit_u_threshold");
  a = ro_answer(&act, RO_CCA(.n_mscc = 1, .gsu_time = 30, .validity = 20));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 50400, &act), WCHG_OK);
  ck_assert_int_eq(act.next_tick_ms, T0 + 50400 + 20000); /* validity first */
  /* validity expiry: CCR-U, VALIDITY_TIME in the MSCC */
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 70400, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_UPDATE);
  ck_assert_uint_eq(act.cc_request_number, 2);
  ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_VALIDITY_TIME);
  ck_assert(!act.mscc[0].reason_in_usu);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 20);
  ro_send(&c, &act, "ro_credit_u_validity");
  a = ro_answer(&act, RO_CCA(.n_mscc = 1, .gsu_time = 10));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 70500, &act), WCHG_OK);
  /* quota exhaustion: CCR-U, QUOTA_EXHAUSTED in the USU, hold */
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 80400, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_UPDATE);
  ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_QUOTA_EXHAUSTED);
  ck_assert(act.mscc[0].reason_in_usu);
  ck_assert_int_eq(act.service, WCHG_SERVICE_WAIT);
  /* a media change while the CCR-U is pending: queued (RFC 4006 §7),
   * sent right after the CCA-U, reporting the usage up to the change */
  ck_assert_int_eq(wchg_credit_media_change(&c, T0 + 81000, &t), WCHG_OK);
  ck_assert_int_eq(t.send, 0);
  ck_assert_int_eq(t.service, WCHG_SERVICE_WAIT);
  a = ro_answer(&act, RO_CCA(.n_mscc = 1, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 81600, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_UPDATE);
  ck_assert_uint_eq(act.cc_request_number, 4);
  ck_assert_uint_eq(act.n_mscc, 1);
  ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_RATING_CONDITION_CHANGE);
  ck_assert(!act.mscc[0].reason_in_usu && act.mscc[0].request);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 0); /* 0.8 s: carried over */
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ro_send(&c, &act, "ro_credit_u_media");
  a = ro_answer(&act, RO_CCA(.n_mscc = 1, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 90100, &act), WCHG_OK);
  /* BYE: one CCR-T, FINAL, the rest rounded up */
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 95500, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ck_assert_uint_eq(act.cc_request_number, 5);
  ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_FINAL);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 16); /* 15.3 s since the last whole second */
  ro_send(&c, &act, "ro_credit_t");
  t = act;
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 96000, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0); /* exactly one CCR-T */
  a = ro_answer(&t, RO_CCA(.n_mscc = 0));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 96000, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_DONE);
  ck_assert_int_eq(c.state, WCHG_CREDIT_CLOSED);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 99000, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_DONE);
}
END_TEST

/* CANCEL before the CCA-I: no CCR-T before the CCA-I, one after it. */
START_TEST(test_credit_cancel_before_cca_i) {
  wchg_credit c;
  wchg_credit_action act, i;
  ro_start(&c, &i);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 100, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 150, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  wchg_cca a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 300, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ck_assert_uint_eq(act.cc_request_number, 1);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 0);
  ro_send(&c, &act, "ro_credit_cancel_t");
  /* a CCA-I with an error: no CCR-T at all (the server ended it) */
  ro_start(&c, &i);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 100, WCHG_TC_LOGOUT, &act), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.result_code = 4012));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 300, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(act.service, WCHG_SERVICE_DONE);
}
END_TEST

/* BYE while a CCR-U is pending: the CCR-T after the CCA-U, usage to the BYE. */
START_TEST(test_credit_bye_during_update) {
  wchg_credit c;
  wchg_credit_action act, i, u;
  ro_start(&c, &i);
  wchg_cca a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 30));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 30000, &u), WCHG_OK);
  ck_assert_int_eq(u.send, WCHG_CC_UPDATE);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 31500, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 32000, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  a = ro_answer(&u, RO_CCA(.n_mscc = 1, .gsu_time = 30));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 40000, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ck_assert_uint_eq(act.cc_request_number, 2);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 2); /* 1.5 s, rounded up */
  /* the same with a failed CCA-U: terminated, no CCR-T */
  ro_start(&c, &i);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 30));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 30000, &u), WCHG_OK);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 31500, WCHG_TC_LOGOUT, &act), WCHG_OK);
  a = ro_answer(&u, RO_CCA(.result_code = 5031));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 40000, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(c.state, WCHG_CREDIT_CLOSED);
}
END_TEST

START_TEST(test_credit_error_results) {
  wchg_credit c;
  wchg_credit_action act, i;
  wchg_cca a;
  /* top-level error on the CCA-I: terminate, no CCR-T */
  ro_start(&c, &i);
  a = ro_answer(&i, RO_CCA(.result_code = 4010));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_TERMINATE);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 10, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  /* 4011: go on without credit control */
  ro_start(&c, &i);
  a = ro_answer(&i, RO_CCA(.result_code = 4011));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(act.next_tick_ms, -1);
  /* an MSCC error under 2001: terminate and one CCR-T */
  ro_start(&c, &i);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .mscc_result_code = 4012));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_TERMINATE);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ro_send(&c, &act, "ro_credit_mscc_error_t");
  /* an answer that does not echo the pending request is ignored */
  ro_start(&c, &i);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 5));
  a.cc_request_number = 7;
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_E_STATE);
  a.cc_request_number = 0;
  /* no GSU time: no supervision */
  a.mscc[0].granted_service_unit.cc_time.present = false;
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(act.next_tick_ms, -1);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 3600000, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  /* never begun: nothing to end */
  wchg_credit_init(&c, WCHG_INT(1), (wchg_opt_int){false, 0}, 30);
  ck_assert_int_eq(wchg_credit_end(&c, T0, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(act.service, WCHG_SERVICE_DONE);
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_E_STATE);
  ck_assert_int_eq(wchg_credit_begin(NULL, T0, &act), WCHG_E_ARG);
}
END_TEST

/* The final grant: its Final-Unit-Action, then the CCR-T. */
START_TEST(test_credit_final_unit) {
  static const int fua[3] = {WCHG_FUA_TERMINATE, WCHG_FUA_REDIRECT, WCHG_FUA_RESTRICT_ACCESS};
  static const int want[3] = {WCHG_SERVICE_TERMINATE, WCHG_SERVICE_REDIRECT,
                              WCHG_SERVICE_RESTRICT};
  for (int k = 0; k < 3; k++) {
    wchg_credit c;
    wchg_credit_action act, i;
    ro_start(&c, &i);
    wchg_cca a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 20, .threshold = 5,
                                            .fui = 1 + fua[k]));
    ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
    ck_assert_int_eq(act.next_tick_ms, T0 + 20000); /* no threshold on a final grant */
    ck_assert_int_eq(wchg_credit_tick(&c, T0 + 15000, &act), WCHG_OK);
    ck_assert_int_eq(act.send, 0);
    ck_assert_int_eq(wchg_credit_tick(&c, T0 + 20000, &act), WCHG_OK);
    ck_assert_int_eq(act.service, want[k]);
    ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
    ck_assert_int_eq(act.mscc[0].used_seconds.value, 20);
    if (fua[k] == WCHG_FUA_REDIRECT)
      ck_assert_uint_eq(act.redirect_address.len, 25);
    ck_assert_int_eq(wchg_credit_end(&c, T0 + 21000, WCHG_TC_LOGOUT, &act), WCHG_OK);
    ck_assert_int_eq(act.send, 0);
  }
}
END_TEST

/* ECUR (TS 32.299 §6.3.3): reserve 1 unit for a MESSAGE, deliver it,
 * report it used. */
START_TEST(test_credit_ecur_delivered) {
  wchg_credit c;
  wchg_credit_action i, act, t;
  int64_t rsu, used, tc;
  wchg_cca a;
  wchg_credit_init_event(&c, WCHG_INT(200), WCHG_INT(2), 1);
  ck_assert_int_eq(c.kind, WCHG_CREDIT_EVENT);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  ck_assert_int_eq(i.send, WCHG_CC_INITIAL);
  ck_assert_int_eq(i.service, WCHG_SERVICE_WAIT);
  ro_sent_units(&c, &i, "ro_ecur_i", &rsu, &used, &tc);
  ck_assert_int_eq(rsu, 1);
  ck_assert_int_eq(used, -1);
  ck_assert_int_eq(wchg_credit_event_done(&c, T0, true, &act), WCHG_E_STATE); /* no grant yet */
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_units = 1, .validity = 30));
  ck_assert(a.mscc[0].granted_service_unit.has_cc_service_specific_units);
  ck_assert_uint_eq(a.mscc[0].granted_service_unit.cc_service_specific_units, 1);
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 100, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(act.next_tick_ms, T0 + 100 + 30000); /* the reservation's validity */
  ck_assert_int_eq(wchg_credit_media_change(&c, T0 + 200, &t), WCHG_E_STATE);
  ck_assert_int_eq(wchg_credit_answered(&c, T0 + 200, &t), WCHG_E_STATE);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 300, &t), WCHG_OK);
  ck_assert_int_eq(t.send, 0);
  ck_assert_int_eq(t.service, WCHG_SERVICE_ALLOW);
  /* delivered (the 200 to the MESSAGE): CCR-T with the unit used */
  ck_assert_int_eq(wchg_credit_event_done(&c, T0 + 400, true, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ck_assert_uint_eq(act.cc_request_number, 1);
  ck_assert_int_eq(act.service, WCHG_SERVICE_DONE);
  ck_assert(!act.mscc[0].used_seconds.present);
  ro_sent_units(&c, &act, "ro_ecur_t", &rsu, &used, &tc);
  ck_assert_int_eq(rsu, -1);
  ck_assert_int_eq(used, 1);
  ck_assert_int_eq(tc, WCHG_TC_LOGOUT);
  ck_assert_int_eq(wchg_credit_event_done(&c, T0 + 500, true, &t), WCHG_E_STATE);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 500, WCHG_TC_LOGOUT, &t), WCHG_OK);
  ck_assert_int_eq(t.send, 0); /* one CCR-T */
  a = ro_answer(&act, RO_CCA(.n_mscc = 0));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 600, &t), WCHG_OK);
  ck_assert_int_eq(t.service, WCHG_SERVICE_DONE);
  ck_assert_int_eq(c.state, WCHG_CREDIT_CLOSED);
}
END_TEST

/* ECUR's other outcomes: not delivered, a short grant, a lapsed
 * reservation, the request given up before the CCA-I. Each releases the
 * reservation with one CCR-T reporting 0 units. */
START_TEST(test_credit_ecur_released) {
  static const struct {
    const char *name;
    uint64_t granted;
    int how;      /* 0 not delivered, 1 short grant, 2 lapsed, 3 end before CCA-I */
    int service;  /* of the action that sends the CCR-T */
    int64_t tc;
  } cases[] = {
      {"ro_ecur_not_delivered", 3, 0, WCHG_SERVICE_DONE, WCHG_TC_SERVICE_NOT_PROVIDED},
      {"ro_ecur_short_grant", 2, 1, WCHG_SERVICE_TERMINATE, WCHG_TC_SERVICE_NOT_PROVIDED},
      {"ro_ecur_lapsed", 3, 2, WCHG_SERVICE_TERMINATE, WCHG_TC_SERVICE_NOT_PROVIDED},
      {"ro_ecur_given_up", 3, 3, WCHG_SERVICE_DONE, WCHG_TC_LOGOUT},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    wchg_credit c;
    wchg_credit_action i, act;
    int64_t rsu, used, tc;
    wchg_cca a;
    wchg_credit_init_event(&c, WCHG_INT(200), (wchg_opt_int){false, 0}, 3);
    ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
    if (cases[k].how == 3) {
      ck_assert_int_eq(wchg_credit_end(&c, T0 + 50, WCHG_TC_LOGOUT, &act), WCHG_OK);
      ck_assert_int_eq(act.send, 0); /* not before the CCA-I */
      ck_assert_int_eq(act.service, WCHG_SERVICE_WAIT);
    }
    a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_units = cases[k].granted, .validity = 10));
    ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 100, &act), WCHG_OK);
    if (cases[k].how == 0) {
      ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
      ck_assert_int_eq(wchg_credit_event_done(&c, T0 + 200, false, &act), WCHG_OK);
    } else if (cases[k].how == 2) {
      ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
      ck_assert_int_eq(wchg_credit_tick(&c, T0 + 10099, &act), WCHG_OK);
      ck_assert_int_eq(act.send, 0);
      ck_assert_int_eq(wchg_credit_tick(&c, T0 + 10100, &act), WCHG_OK);
    }
    ck_assert_msg(act.send == WCHG_CC_TERMINATION, "%s", cases[k].name);
    ck_assert_int_eq(act.service, cases[k].service);
    ck_assert_int_eq(act.mscc[0].used_units.value, 0);
    ro_sent_units(&c, &act, cases[k].name, &rsu, &used, &tc);
    ck_assert_int_eq(used, 0);
    ck_assert_int_eq(tc, cases[k].tc);
    ck_assert_int_eq(c.state, WCHG_CREDIT_PENDING_T);
  }
}
END_TEST

/* A session charged from its answer: nothing counts while it rings, no
 * quota runs out then, and an unanswered end reports 0 seconds. */
START_TEST(test_credit_session_from_answer) {
  wchg_credit c;
  wchg_credit_action i, act;
  wchg_cca a;
  /* answered after the CCA-I */
  wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 60);
  ck_assert_int_eq(wchg_credit_answered(&c, T0, &act), WCHG_E_STATE); /* before CCR-I */
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 60, .threshold = 10));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 200, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(act.next_tick_ms, -1); /* ringing: no quota runs */
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 100000, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(wchg_credit_answered(&c, T0 + 4000, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(act.next_tick_ms, T0 + 4000 + 50000);
  ck_assert_int_eq(wchg_credit_answered(&c, T0 + 5000, &act), WCHG_OK); /* again: no change */
  ck_assert_int_eq(act.next_tick_ms, T0 + 4000 + 50000);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 4000 + 50000, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_UPDATE);
  ck_assert_int_eq(act.mscc[0].reporting_reason.value, WCHG_RR_THRESHOLD);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 50);
  a = ro_answer(&act, RO_CCA(.n_mscc = 1, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 54100, &act), WCHG_OK);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 64500, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 11); /* 10.5 s, rounded up */
  ro_send(&c, &act, "ro_session_t");
  ck_assert_int_eq(wchg_credit_answered(&c, T0 + 65000, &act), WCHG_E_STATE);

  /* never answered (a 486): CCR-T with 0 seconds */
  wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 60);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 200, &act), WCHG_OK);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 9000, WCHG_TC_SERVICE_NOT_PROVIDED, &act), WCHG_OK);
  ck_assert_int_eq(act.send, WCHG_CC_TERMINATION);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 0);

  /* answered before the CCA-I: the service waits, time counts from the grant */
  wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 60);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  ck_assert_int_eq(wchg_credit_answered(&c, T0 + 100, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_WAIT);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 60, .threshold = 10));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 300, &act), WCHG_OK);
  ck_assert_int_eq(act.next_tick_ms, T0 + 300 + 50000);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 20100, WCHG_TC_LOGOUT, &act), WCHG_OK);
  ck_assert_int_eq(act.mscc[0].used_seconds.value, 20); /* 19.8 s, rounded up */

  /* not a session: answered() is refused */
  wchg_credit_init(&c, WCHG_INT(100), WCHG_INT(1), 60);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  ck_assert_int_eq(wchg_credit_answered(&c, T0 + 100, &act), WCHG_E_STATE);
  ck_assert_int_eq(wchg_credit_event_done(&c, T0 + 100, true, &act), WCHG_E_STATE);
  ck_assert_int_eq(wchg_credit_answered(NULL, T0, &act), WCHG_E_ARG);
  ck_assert_int_eq(wchg_credit_event_done(&c, T0, true, NULL), WCHG_E_ARG);
}
END_TEST

/* The CCR the action asks for, encoded and parsed: its MSCCs as text,
 * each "<Rating-Group>[+rsu][=<USU CC-Time>][/<Reporting-Reason>]" (the
 * reason from the USU or the MSCC), into |out|. */
static void ro_msccs(const wchg_credit *c, const wchg_credit_action *act, const char *name,
                     char *out, size_t cap) {
  wchg_dmsg m;
  wchg_avp_iter it;
  wchg_avp mscc, usu;
  size_t n = 0;
  uint8_t *buf = ro_send_msg(c, act, name, &m);
  out[0] = '\0';
  wchg_avp_iter_group(&it, &m, NULL);
  while (wchg_avp_next(&it, &mscc)) {
    if (mscc.code != 456)
      continue;
    n += (size_t)snprintf(out + n, cap - n, "%s%u", n ? " " : "", ro_u32(&m, &mscc, 432, 0));
    if (ro_count(&m, &mscc, 437))
      n += (size_t)snprintf(out + n, cap - n, "+rsu");
    if (wchg_avp_find(&m, &mscc, 446, 0, &usu)) {
      n += (size_t)snprintf(out + n, cap - n, "=%u", ro_u32(&m, &usu, 420, 0));
      if (ro_count(&m, &usu, 872))
        n += (size_t)snprintf(out + n, cap - n, "/%u", ro_u32(&m, &usu, 872, V3));
    }
    if (ro_count(&m, &mscc, 872))
      n += (size_t)snprintf(out + n, cap - n, "/%u", ro_u32(&m, &mscc, 872, V3));
    ck_assert_uint_lt(n, cap);
  }
  free(buf);
}

/* Assert that the CCR |act| asks for is |type|, |number|, with MSCCs |want|. */
#define RO_EXPECT_CCR(c, act, type, number, want)                                     \
  do {                                                                                \
    char got_[128];                                                                   \
    ck_assert_int_eq((act)->send, type);                                              \
    ck_assert_uint_eq((act)->cc_request_number, number);                              \
    ro_msccs(c, act, "ro_groups_" #type "_" #number, got_, sizeof got_);              \
    ck_assert_str_eq(got_, want);                                                     \
  } while (0)

/* Several rating groups in one credit-control session (RFC 4006 §5.1.2):
 * audio (100) and video (200) asked for together, each supervised on its
 * own grant; one refused by its MSCC Result-Code while the other goes on;
 * reports queued while a CCR is pending; a group added and ended
 * mid-session; the CCR-T reports only the groups still open. */
START_TEST(test_credit_groups_call) {
  wchg_credit c;
  wchg_credit_action act, i, t;
  size_t video = 9, data = 9;
  wchg_cca a;
  wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 60);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(1), 30, T0, &video, &t),
                   WCHG_OK);
  ck_assert_uint_eq(video, 1);
  ck_assert_int_eq(t.send, 0);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(1), 30, T0, NULL, &t),
                   WCHG_E_ARG); /* the same group twice */
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  RO_EXPECT_CCR(&c, &i, WCHG_CC_INITIAL, 0, "100+rsu 200+rsu");
  /* the CCA-I's MSCCs in another order: matched by Rating-Group */
  a = ro_answer(&i, RO_CCA(.n_mscc = 2, .rg = {200, 100}, .gsu = {30, 60}, .threshold = 10));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 200, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(wchg_credit_answered(&c, T0 + 1000, &act), WCHG_OK);
  ck_assert_int_eq(act.next_tick_ms, T0 + 1000 + 20000); /* video's threshold first */
  ck_assert_int_eq(c.groups[0].grant_end_ms, T0 + 1000 + 60000);
  ck_assert_int_eq(c.groups[1].grant_end_ms, T0 + 1000 + 30000);
  /* video: threshold, then exhausted; held alone, audio goes on */
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 21000, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_UPDATE, 1, "200+rsu=20/0");
  a = ro_answer(&act, RO_CCA(.n_mscc = 1, .rg = {200}, .gsu_time = 10));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 21100, &act), WCHG_OK);
  ck_assert_int_eq(act.next_tick_ms, T0 + 31000);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 31000, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_UPDATE, 2, "200+rsu=10/3");
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(c.groups[video].service, WCHG_SERVICE_WAIT);
  ck_assert_int_eq(c.groups[0].service, WCHG_SERVICE_ALLOW);
  /* the CCA-U refuses video (4012 in its MSCC): video ends, its use since
   * the report (0.4 s) goes FINAL in the next CCR-U, the session goes on */
  a = ro_answer(&act, RO_CCA(.n_mscc = 1, .rg = {200}, .rc = {4012}));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 31400, &act), WCHG_OK);
  ck_assert_int_eq(c.groups[video].service, WCHG_SERVICE_TERMINATE);
  ck_assert_int_eq(c.groups[video].state, WCHG_GROUP_CLOSED);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_UPDATE, 3, "200=1/2");
  a = ro_answer(&act, RO_CCA(.n_mscc = 0));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 31500, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(act.next_tick_ms, T0 + 51000); /* audio's threshold */
  /* audio's threshold; while its CCR-U is pending a data group is added
   * and the media change: both wait for the answer */
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 51000, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_UPDATE, 4, "100+rsu=50/0");
  i = act;
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(300), (wchg_opt_int){false, 0}, 20,
                                         T0 + 51500, &data, &act),
                   WCHG_OK);
  ck_assert_uint_eq(data, video); /* the closed, reported video's slot */
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(c.groups[data].service, WCHG_SERVICE_WAIT);
  ck_assert_int_eq(wchg_credit_media_change(&c, T0 + 51600, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 52000, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_UPDATE, 5, "100+rsu=0/6 300+rsu");
  a = ro_answer(&act, RO_CCA(.n_mscc = 2, .rg = {100, 300}, .gsu = {60, 20}));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 52100, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(c.groups[data].service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(c.groups[data].grant_end_ms, T0 + 52100 + 20000);
  /* the data stream ends: its FINAL report alone */
  ck_assert_int_eq(wchg_credit_group_end(&c, data, T0 + 60100, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_UPDATE, 6, "300=8/2");
  ck_assert_int_eq(c.groups[data].service, WCHG_SERVICE_DONE);
  ck_assert_int_eq(wchg_credit_group_end(&c, data, T0 + 60200, &t), WCHG_OK);
  ck_assert_int_eq(t.send, 0); /* once */
  a = ro_answer(&act, RO_CCA(.n_mscc = 0));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 60200, &act), WCHG_OK);
  /* BYE: the CCR-T reports audio only (51.6 s .. 70 s, rounded up) */
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 70000, WCHG_TC_LOGOUT, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_TERMINATION, 7, "100=19/2");
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(400), (wchg_opt_int){false, 0}, 20,
                                         T0 + 70100, NULL, &t),
                   WCHG_E_STATE);
  a = ro_answer(&act, RO_CCA(.n_mscc = 0));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 70200, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_DONE);
  for (size_t k = 0; k < c.n_groups; k++)
    ck_assert_int_eq(c.groups[k].state, WCHG_GROUP_CLOSED);
}
END_TEST

/* The other ways groups end and the session with them. */
START_TEST(test_credit_groups_ends) {
  wchg_credit c;
  wchg_credit_action act, i, u, t;
  wchg_mscc ms[1];
  wchg_service_unit usu[1];
  wchg_ccr ccr;
  size_t g2;
  wchg_cca a;
  /* both refused in the CCA-I: no service, one CCR-T with no MSCC */
  wchg_credit_init(&c, WCHG_INT(100), WCHG_INT(1), 60);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(1), 60, T0, &g2, &t),
                   WCHG_OK);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.n_mscc = 2, .rg = {100, 200}, .mscc_result_code = 4012));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 100, &act), WCHG_OK);
  ck_assert_int_eq(act.service, WCHG_SERVICE_TERMINATE);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_TERMINATION, 1, "");
  ck_assert_int_eq(c.termination_cause, WCHG_TC_SERVICE_NOT_PROVIDED);
  /* one refused in the CCA-I: it ends without a report (never granted) */
  wchg_credit_init(&c, WCHG_INT(100), WCHG_INT(1), 60);
  wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(1), 60, T0, &g2, &t);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.n_mscc = 2, .rg = {100, 200}, .rc = {0, 5030}, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 100, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  ck_assert_int_eq(c.groups[g2].service, WCHG_SERVICE_TERMINATE);
  /* ending the last group ends the session */
  ck_assert_int_eq(wchg_credit_group_end(&c, 0, T0 + 10100, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_TERMINATION, 1, "100=10/2");
  ck_assert_int_eq(c.termination_cause, WCHG_TC_LOGOUT);
  ck_assert_int_eq(act.service, WCHG_SERVICE_DONE);
  ck_assert_int_eq(wchg_credit_group_end(&c, 5, T0, &act), WCHG_E_ARG);

  /* the final grant of one group used up: its Final-Unit-Action, its
   * FINAL report in a CCR-U, the other group goes on */
  wchg_credit_init(&c, WCHG_INT(100), WCHG_INT(1), 60);
  wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(1), 60, T0, &g2, &t);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.n_mscc = 2, .rg = {100, 200}, .gsu = {60, 20},
                           .fui = 1 + WCHG_FUA_REDIRECT, .fui_only = 2));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(act.next_tick_ms, T0 + 20000);
  ck_assert_int_eq(wchg_credit_tick(&c, T0 + 20000, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_UPDATE, 1, "200=20/2");
  ck_assert_int_eq(c.groups[g2].service, WCHG_SERVICE_REDIRECT);
  ck_assert_uint_eq(act.redirect_address.len, 25);
  ck_assert_int_eq(act.service, WCHG_SERVICE_ALLOW);
  /* a group ended while its CCR-U is pending: closed after the answer,
   * reporting up to its end; then the CANCEL-like end of the session */
  a = ro_answer(&act, RO_CCA(.n_mscc = 0));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 20100, &act), WCHG_OK);
  ck_assert_int_eq(wchg_credit_media_change(&c, T0 + 30000, &u), WCHG_OK);
  RO_EXPECT_CCR(&c, &u, WCHG_CC_UPDATE, 2, "100+rsu=30/6");
  ck_assert_int_eq(wchg_credit_group_end(&c, 0, T0 + 35000, &act), WCHG_OK);
  ck_assert_int_eq(act.send, 0);
  a = ro_answer(&u, RO_CCA(.n_mscc = 1, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 36000, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_TERMINATION, 3, "100=5/2");

  /* CANCEL before the CCA-I with two groups: both released, 0 s */
  wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 60);
  wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(1), 60, T0, &g2, &t);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  ck_assert_int_eq(wchg_credit_end(&c, T0 + 50, WCHG_TC_LOGOUT, &act), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.n_mscc = 2, .rg = {100, 200}, .gsu_time = 60));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0 + 100, &act), WCHG_OK);
  RO_EXPECT_CCR(&c, &act, WCHG_CC_TERMINATION, 1, "100=0/2 200=0/2");
  /* too small an MSCC array for the CCR: refused, the CCR untouched */
  memset(&ccr, 0, sizeof ccr);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, &act, &ccr, ms, usu, 1), WCHG_E_BUFFER);
  ck_assert_int_eq(ccr.cc_request_type, 0);
  ck_assert_int_eq(wchg_credit_fill_ccr(&c, &act, NULL, ms, usu, 1), WCHG_E_ARG);

  /* an MSCC with no Rating-Group is matched by Service-Identifier */
  wchg_credit_init(&c, (wchg_opt_int){false, 0}, WCHG_INT(1), 60);
  wchg_credit_add_group(&c, (wchg_opt_int){false, 0}, WCHG_INT(2), 60, T0, &g2, &t);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .rg = {RO_NO_RG}, .gsu_time = 40));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(c.groups[0].grant_end_ms, T0 + 40000); /* Service-Identifier 1 */
  ck_assert(c.groups[g2].unlimited);                     /* no MSCC: not supervised */

  /* video off and on again, twelve times: a closed group's slot is
   * reused once its FINAL report is sent */
  wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 600);
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  a = ro_answer(&i, RO_CCA(.n_mscc = 1, .gsu_time = 600));
  ck_assert_int_eq(wchg_credit_on_cca(&c, &a, T0, &act), WCHG_OK);
  ck_assert_int_eq(wchg_credit_answered(&c, T0, &act), WCHG_OK);
  for (int k = 0; k < 12; k++) {
    int64_t at = T0 + 10000 * (k + 1);
    ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(1), 60, at, &g2, &u),
                     WCHG_OK);
    ck_assert_uint_eq(g2, 1);
    RO_EXPECT_CCR(&c, &u, WCHG_CC_UPDATE, (uint32_t)(2 * k + 1), "200+rsu");
    a = ro_answer(&u, RO_CCA(.n_mscc = 1, .rg = {200}, .gsu_time = 60));
    ck_assert_int_eq(wchg_credit_on_cca(&c, &a, at, &act), WCHG_OK);
    ck_assert_int_eq(wchg_credit_group_end(&c, g2, at + 4000, &u), WCHG_OK);
    RO_EXPECT_CCR(&c, &u, WCHG_CC_UPDATE, (uint32_t)(2 * k + 2), "200=4/2");
    a = ro_answer(&u, RO_CCA(.n_mscc = 0));
    ck_assert_int_eq(wchg_credit_on_cca(&c, &a, at + 4000, &act), WCHG_OK);
  }
  ck_assert_uint_eq(c.n_groups, 2);

  /* the capacity, and the kinds and states that take no group */
  wchg_credit_init(&c, WCHG_INT(0), WCHG_INT(1), 60);
  for (int k = 1; k < WCHG_CREDIT_MAX_GROUPS; k++)
    ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(k), WCHG_INT(1), 60, T0, NULL, &t),
                     WCHG_OK);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(99), WCHG_INT(1), 60, T0, NULL, &t),
                   WCHG_E_LIMIT);
  ck_assert_int_eq(wchg_credit_group_end(&c, 0, T0, &t), WCHG_E_STATE); /* before the CCR-I */
  ck_assert_int_eq(wchg_credit_begin(&c, T0, &i), WCHG_OK);
  ck_assert_uint_eq(i.n_mscc, WCHG_CREDIT_MAX_GROUPS);
  ro_send(&c, &i, "ro_groups_max_i");
  wchg_credit_init_event(&c, WCHG_INT(1), WCHG_INT(1), 1);
  ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(2), WCHG_INT(1), 60, T0, NULL, &t),
                   WCHG_E_STATE);
  ck_assert_int_eq(wchg_credit_add_group(NULL, WCHG_INT(2), WCHG_INT(1), 60, T0, NULL, &t),
                   WCHG_E_ARG);
}
END_TEST

/* Check an action's CCR against the rules of one session: numbers in
 * sequence, one CCR at a time, each group at most once per CCR and never
 * after its FINAL report, no request in a CCR-T, an EVENT reports units
 * only, and no group reports more time than has passed. */
struct ro_track {
  uint32_t next;
  int n_t;
  bool final[WCHG_CREDIT_MAX_GROUPS];
  int64_t used_s[WCHG_CREDIT_MAX_GROUPS];
  wchg_credit_action pending;
};

static void ro_track(struct ro_track *tr, const wchg_credit *c, const wchg_credit_action *act,
                     int64_t now) {
  if (!act->send)
    return;
  ck_assert_uint_eq(act->cc_request_number, tr->next++);
  ck_assert_int_eq(tr->pending.send, 0);
  ck_assert_uint_le(act->n_mscc, c->n_groups);
  if (act->send == WCHG_CC_UPDATE)
    ck_assert_uint_ge(act->n_mscc, 1);
  for (size_t i = 0; i < act->n_mscc; i++) {
    const wchg_credit_report *r = &act->mscc[i];
    ck_assert_uint_lt(r->group, c->n_groups);
    ck_assert(!tr->final[r->group]);
    for (size_t j = 0; j < i; j++)
      ck_assert_uint_ne(act->mscc[j].group, r->group);
    if (act->send == WCHG_CC_TERMINATION)
      ck_assert(!r->request && r->reporting_reason.value == WCHG_RR_FINAL);
    tr->final[r->group] = r->reporting_reason.present && r->reporting_reason.value == WCHG_RR_FINAL;
    if (c->kind == WCHG_CREDIT_EVENT) {
      ck_assert(!r->used_seconds.present && act->send != WCHG_CC_UPDATE);
    } else {
      ck_assert(!r->used_units.present);
      tr->used_s[r->group] += r->used_seconds.present ? r->used_seconds.value : 0;
      ck_assert_int_le(tr->used_s[r->group], (now - T0) / 1000 + 1);
    }
  }
  tr->n_t += act->send == WCHG_CC_TERMINATION;
  tr->pending = *act;
}

/* Random event sequences, for each kind and for two rating groups: at
 * most one CCR-T, exactly one once a CCR-I was answered with success and
 * the session ended; the rules of ro_track for every CCR. */
START_TEST(test_credit_random) {
  unsigned seed = 12345;
  for (int run = 0; run < 4000; run++) {
    wchg_credit c;
    wchg_credit_action act;
    struct ro_track tr;
    int accepted = 0, failed = 0;
    int64_t now = T0;
    size_t g2 = 0;
    memset(&tr, 0, sizeof tr);
    if (run % 4 == 0)
      wchg_credit_init(&c, WCHG_INT(100), WCHG_INT(1), 30);
    else if (run % 4 == 1)
      wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 30);
    else if (run % 4 == 2)
      wchg_credit_init_event(&c, WCHG_INT(100), WCHG_INT(1), 1);
    else {
      wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 30);
      ck_assert_int_eq(wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(1), 20, now, &g2, &act),
                       WCHG_OK);
    }
    for (int step = 0; step < 16; step++) {
      seed = seed * 1103515245u + 12345u;
      int ev = (int)((seed >> 16) % 9);
      now += (seed >> 8) % 40000;
      wchg_status rc = WCHG_OK;
      if (ev == 0)
        rc = wchg_credit_begin(&c, now, &act);
      else if (ev == 1 && tr.pending.send) {
        uint32_t result = (seed >> 4) % 7 ? 2001 : 4012;
        uint32_t rc200 = (seed >> 5) % 5 ? 0 : 4012; /* group 200 refused alone */
        wchg_cca a = ro_answer(&tr.pending, RO_CCA(.result_code = result, .n_mscc = 3,
                                                   .rg = {100, 200, 300}, .rc = {0, rc200},
                                                   .gsu_time = 20, .threshold = 5));
        accepted |= tr.pending.send == WCHG_CC_INITIAL && a.result_code == 2001;
        failed |= a.result_code != 2001;
        tr.pending.send = 0;
        rc = wchg_credit_on_cca(&c, &a, now, &act);
      } else if (ev == 2)
        rc = wchg_credit_tick(&c, now, &act);
      else if (ev == 3)
        rc = wchg_credit_media_change(&c, now, &act);
      else if (ev == 4)
        rc = wchg_credit_answered(&c, now, &act);
      else if (ev == 5)
        rc = wchg_credit_event_done(&c, now, (seed >> 3) & 1, &act);
      else if (ev == 6)
        rc = wchg_credit_group_end(&c, (seed >> 3) & 1 ? g2 : 0, now, &act);
      else if (ev == 7) {
        size_t k = 0;
        rc = wchg_credit_add_group(&c, WCHG_INT(300), WCHG_INT(1), 10, now, &k, &act);
        if (rc == WCHG_OK) { /* a new group, or a closed one's slot */
          ck_assert_uint_lt(k, c.n_groups);
          tr.final[k] = false;
          tr.used_s[k] = 0;
        }
      }
      else
        rc = wchg_credit_end(&c, now, WCHG_TC_LOGOUT, &act);
      if (rc == WCHG_OK)
        ro_track(&tr, &c, &act, now);
    }
    /* end the session and answer everything */
    for (int k = 0; k < 6; k++) {
      if (tr.pending.send) {
        wchg_cca a = ro_answer(&tr.pending, RO_CCA(.n_mscc = 3, .rg = {100, 200, 300},
                                                   .gsu_time = 20));
        tr.pending.send = 0;
        if (wchg_credit_on_cca(&c, &a, now, &act) == WCHG_OK)
          ro_track(&tr, &c, &act, now);
      }
      if (!tr.pending.send && wchg_credit_end(&c, now, WCHG_TC_LOGOUT, &act) == WCHG_OK)
        ro_track(&tr, &c, &act, now);
    }
    ck_assert_int_le(tr.n_t, 1);
    if (accepted && !failed)
      ck_assert_int_eq(tr.n_t, 1);
    ck_assert_int_eq(c.state, WCHG_CREDIT_CLOSED);
  }
}
END_TEST

Suite *ro_suite(void) {
  Suite *s = suite_create("ro");
  TCase *tc = tcase_create("ccr");
  tcase_add_test(tc, test_ccr_golden_sample);
  tcase_add_test(tc, test_ccr_initial_fields);
  tcase_add_test(tc, test_ccr_update_usu);
  tcase_add_test(tc, test_ccr_termination);
  tcase_add_test(tc, test_ccr_event_message);
  tcase_add_test(tc, test_ccr_minimal_retransmitted);
  tcase_add_test(tc, test_ccr_refused);
  tcase_add_test(tc, test_ccr_buffer_and_args);
  suite_add_tcase(s, tc);
  tc = tcase_create("cca");
  tcase_add_test(tc, test_cca_full);
  tcase_add_test(tc, test_cca_optional);
  tcase_add_test(tc, test_cca_refused);
  tcase_add_test(tc, test_cca_receive);
  tcase_add_test(tc, test_cca_repeated_groups);
  suite_add_tcase(s, tc);
  tc = tcase_create("credit");
  tcase_add_test(tc, test_credit_call_with_updates);
  tcase_add_test(tc, test_credit_cancel_before_cca_i);
  tcase_add_test(tc, test_credit_bye_during_update);
  tcase_add_test(tc, test_credit_error_results);
  tcase_add_test(tc, test_credit_final_unit);
  tcase_add_test(tc, test_credit_ecur_delivered);
  tcase_add_test(tc, test_credit_ecur_released);
  tcase_add_test(tc, test_credit_session_from_answer);
  tcase_add_test(tc, test_credit_groups_call);
  tcase_add_test(tc, test_credit_groups_ends);
  tcase_add_test(tc, test_credit_random);
  tcase_set_timeout(tc, 30);
  suite_add_tcase(s, tc);
  return s;
}
