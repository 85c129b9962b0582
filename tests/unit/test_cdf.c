/* test_cdf.c: the CDF (cdf.h) — event and session CDRs, every partial
 * trigger, every lost-ACR case, duplicates, emergency, interleaving, the
 * queue, failover (export/import at every step gives the same CDR bytes;
 * every damaged state refused), out-of-memory at every allocation, an
 * invariant test over random ACR sequences, a TS 32.297 file of CDF
 * output, and the ACR-bytes-in / ACA-out path. Every CDR produced is
 * decoded, validated and written to $WCHG_TEST_OUT.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "cdf/cdf_internal.h" /* cdf_state_seal */
#include "cdf_samples.h"
#include "testutil.h"

#define T0 1700000000000LL /* 2023-11-14T22:13:20Z */

/* ---- fixtures ------------------------------------------------------------ */

static wchg_cdf_config config(void) {
  wchg_cdf_config c;
  memset(&c, 0, sizeof c);
  c.utc_offset_minutes = 60;
  c.duplicate_memory = 64;
  c.first_local_record_sequence_number = 100;
  c.origin_host = WCHG_STR("cdf1.home.example");
  c.origin_realm = WCHG_STR("home.example");
  return c;
}

static wchg_cdf *cdf_make(const wchg_cdf_config *cfg) {
  wchg_cdf *c = wchg_cdf_new(cfg);
  ck_assert_ptr_nonnull(c);
  return c;
}

/* Feed and expect |st|; returns the result. */
static wchg_cdf_result feed_expect(wchg_cdf *c, const wchg_acr *a, int64_t now, wchg_status want) {
  wchg_cdf_result r;
  wchg_diag d;
  wchg_status st = wchg_cdf_feed(c, a, now, &r, &d);
  ck_assert_msg(st == want, "feed: %s, want %s (%s: %s)", wchg_strerror(st), wchg_strerror(want),
                d.path, d.message);
  if (st == WCHG_OK)
    ck_assert_uint_eq(r.result_code, 2001);
  return r;
}

static unsigned feed_ok(wchg_cdf *c, const wchg_acr *a, int64_t now) {
  wchg_cdf_result r = feed_expect(c, a, now, WCHG_OK);
  ck_assert(!r.duplicate);
  return r.cdrs;
}

/* The oldest queued CDR: written out, decoded, validated, popped. */
static wchg_cdr *pop_cdr(wchg_cdf *c, const char *name) {
  const uint8_t *der;
  size_t len, used = 0, n = 0;
  wchg_cdr *cdr = NULL;
  wchg_diag d, v[4];
  char out[96];
  ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_OK);
  snprintf(out, sizeof out, "cdf_%s", name);
  test_out_write(out, der, len);
  wchg_status st = wchg_cdr_decode(der, len, NULL, &cdr, &used, &d);
  ck_assert_msg(st == WCHG_OK, "decode %s: %s at %s", name, d.message, d.path);
  ck_assert_uint_eq(used, len);
  st = wchg_cdr_validate(cdr, 0, v, 4, &n);
  ck_assert_msg(st == WCHG_OK, "validate %s: %s: %s", name, v[0].path, v[0].message);
  wchg_cdf_pop(c);
  return cdr;
}

static void expect_ts(const wchg_timestamp *ts, const wchg_opt_int *frac, int64_t ms) {
  int64_t secs;
  int off;
  if (ms < 0) {
    ck_assert(!ts->present);
    if (frac)
      ck_assert(!frac->present);
    return;
  }
  ck_assert(ts->present);
  ck_assert_int_eq(wchg_timestamp_to_unix(ts, &secs, &off), WCHG_OK);
  ck_assert_int_eq(secs, ms / 1000);
  ck_assert_int_eq(off, 60);
  if (frac) {
    ck_assert(frac->present);
    ck_assert_int_eq(frac->value, ms % 1000);
  }
}

static void expect_int(wchg_opt_int v, bool present, int64_t want) {
  ck_assert_int_eq(v.present, present);
  if (present)
    ck_assert_int_eq(v.value, want);
}

static void expect_text(wchg_str s, const char *want) {
  if (!want) {
    ck_assert_ptr_null(s.ptr);
    return;
  }
  ck_assert_ptr_nonnull(s.ptr);
  ck_assert_uint_eq(s.len, strlen(want));
  ck_assert(memcmp(s.ptr, want, s.len) == 0);
}

static void expect_incomplete(const wchg_cdr *c, bool present, bool start, int interim,
                              bool stop) {
  ck_assert_int_eq(c->incomplete_cdr_indication.present, present);
  if (!present)
    return;
  expect_int(c->incomplete_cdr_indication.acr_start_lost, true, start);
  expect_int(c->incomplete_cdr_indication.acr_interim_lost, true, interim);
  expect_int(c->incomplete_cdr_indication.acr_stop_lost, true, stop);
}

static uint32_t aca_result(const uint8_t *aca, size_t len);

static void stats(const wchg_cdf *c, wchg_cdf_stats *s) {
  ck_assert_int_eq(wchg_cdf_stats_get(c, s), WCHG_OK);
  ck_assert_uint_eq(s->acrs, s->folded + s->duplicates + s->rejected + s->other_node);
}

/* ---- the API's edges -------------------------------------------------------- */

START_TEST(new_and_args) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  const uint8_t *der;
  size_t len;
  ck_assert_ptr_null(wchg_cdf_new(NULL));
  cfg.utc_offset_minutes = 841;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
  cfg = config();
  cfg.max_record_duration_ms = -1;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
  cfg = config();
  cfg.node_address.choice = 7;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
  c = cdf_make(&(wchg_cdf_config){0});
  ck_assert_int_eq(wchg_cdf_feed(c, NULL, T0, NULL, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_feed(NULL, fx_make(&f, 1, 1, 0, T0, 0, 0), T0, NULL, NULL),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_feed(c, &f.a, 0, NULL, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_E_STATE);
  ck_assert_int_eq(wchg_cdf_peek(c, NULL, &len), WCHG_E_ARG);
  ck_assert_uint_eq(wchg_cdf_pending(NULL), 0);
  wchg_cdf_pop(c); /* empty: nothing */
  ck_assert_int_eq(wchg_cdf_expire(c, 5, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_close_session(c, WCHG_STR("x"), T0), WCHG_E_STATE);
  ck_assert_int_eq(wchg_cdf_close_session(c, (wchg_str){0}, T0), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_stats_get(c, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_export(c, NULL, 0, NULL), WCHG_E_ARG);
  /* with no duplicate memory and no node address: still works */
  ck_assert_uint_eq(feed_ok(c, &f.a, T0), 1);
  wchg_cdr *cdr = pop_cdr(c, "event_domain_name");
  ck_assert_int_eq(cdr->node_address.choice, WCHG_NODE_DOMAIN_NAME);
  expect_text(cdr->node_address.domain_name, HOST);
  expect_int(cdr->local_record_sequence_number, true, 0);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
  wchg_cdf_free(NULL);
}
END_TEST

/* ---- event records ------------------------------------------------------------- */

START_TEST(event_cdr) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdr *cdr;
  wchg_cdf_result r;
  cfg.node_address.choice = WCHG_NODE_IP_ADDRESS;
  cfg.node_address.ip_address.choice = WCHG_IP_BIN_V4;
  memcpy(cfg.node_address.ip_address.bin, "\xc0\x00\x02\x0a", 4);
  c = cdf_make(&cfg);

  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_EVENT, 0, T0 + 250, false, true), T0), 1);
  ck_assert_uint_eq(wchg_cdf_pending(c), 1);
  cdr = pop_cdr(c, "event");
  expect_int(cdr->record_type, true, 64);
  ck_assert_int_eq(cdr->node_address.choice, WCHG_NODE_IP_ADDRESS);
  expect_ts(&cdr->record_opening_time, NULL, T0 + 250);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 250);
  expect_ts(&cdr->ims.service_request_time_stamp, &cdr->ims.service_request_time_stamp_fraction,
            T0 + 250 - 77);
  expect_ts(&cdr->ims.service_delivery_start_time_stamp,
            &cdr->ims.service_delivery_start_time_stamp_fraction, T0 + 250);
  expect_ts(&cdr->ims.service_delivery_end_time_stamp, NULL, -1);
  expect_int(cdr->cause_for_record_closing, true, 0);
  expect_int(cdr->record_sequence_number, false, 0);
  expect_int(cdr->local_record_sequence_number, true, 100);
  expect_text(cdr->service_reason_return_code, "-1");
  expect_text(cdr->ims.sip_method, "MESSAGE");
  expect_text(cdr->ims.webrtc_authentication_function_name, WAF);
  expect_text(cdr->ims.webrtc_web_server_function_name, WWSF);
  expect_text(cdr->ims.session_id, "call-1@pc33.example");
  ck_assert_uint_eq(cdr->ims.list_of_calling_party_address.count, 2);
  expect_incomplete(cdr, false, 0, 0, 0);
  ck_assert(!cdr->retransmission);
  wchg_cdr_free(cdr);

  /* a failure (Cause-Code 486): unSuccessfulServiceDelivery; retransmitted */
  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0 + 1000, false, false);
  f.a.cause_code = WCHG_INT(486);
  f.a.retransmitted = true;
  ck_assert_uint_eq(feed_ok(c, &f.a, T0 + 1000), 1);
  cdr = pop_cdr(c, "event_failed");
  expect_int(cdr->cause_for_record_closing, true, 1);
  expect_text(cdr->service_reason_return_code, "486");
  expect_int(cdr->local_record_sequence_number, true, 101);
  ck_assert(cdr->retransmission);
  expect_text(cdr->ims.webrtc_authentication_function_name, NULL);
  wchg_cdr_free(cdr);

  /* no Cause-Code, no Event-Timestamp: cause 0, the response's time */
  fx_make(&f, 3, WCHG_ACR_EVENT, 0, T0 + 2000, false, false);
  f.a.cause_code.present = false;
  f.a.event_timestamp.present = false;
  ck_assert_uint_eq(feed_ok(c, &f.a, T0 + 9000), 1);
  cdr = pop_cdr(c, "event_no_cause");
  expect_int(cdr->cause_for_record_closing, true, 0);
  expect_ts(&cdr->record_opening_time, NULL, T0 + 2000);
  expect_text(cdr->service_reason_return_code, NULL);
  wchg_cdr_free(cdr);

  /* the same EVENT again: a duplicate, no CDR; another number: refused */
  fx_make(&f, 3, WCHG_ACR_EVENT, 0, T0 + 2000, false, false);
  r = feed_expect(c, &f.a, T0 + 9500, WCHG_OK);
  ck_assert(r.duplicate);
  ck_assert_uint_eq(r.cdrs, 0);
  f.a.accounting_record_number = 1;
  r = feed_expect(c, &f.a, T0 + 9500, WCHG_E_STATE);
  ck_assert_uint_eq(r.result_code, 5012);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  wchg_cdf_free(c);
}
END_TEST

/* ---- session records ----------------------------------------------------------------- */

START_TEST(session_cdr) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdr *cdr;
  const wchg_media_components_list *m;

  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 7, WCHG_ACR_START, 0, T0, true, true), T0), 0);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 7, WCHG_ACR_INTERIM, 1, T0 + 60123, true, true),
                            T0 + 60200), 0);
  /* an INTERIM without SDP (e.g. a new access network): no entry */
  fx_make(&f, 7, WCHG_ACR_INTERIM, 2, T0 + 90000, false, true);
  f.a.ims.access_network_information = (wchg_octets){(const uint8_t *)"3GPP-E-UTRAN-FDD", 16};
  ck_assert_uint_eq(feed_ok(c, &f.a, T0 + 90000), 0);
  /* an interim tick: SDP but no Time-Stamps, adds nothing */
  fx_make(&f, 7, WCHG_ACR_INTERIM, 3, T0 + 390000, true, true);
  f.a.sip_request_timestamp.present = f.a.sip_response_timestamp.present = false;
  ck_assert_uint_eq(feed_ok(c, &f.a, T0 + 390000), 0);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 7, WCHG_ACR_STOP, 4, T0 + 700456, false, true),
                            T0 + 700500), 1);
  cdr = pop_cdr(c, "session");
  expect_text(cdr->ims.sip_method, "INVITE"); /* the method that opened it */
  ck_assert_int_eq(cdr->node_address.choice, WCHG_NODE_DOMAIN_NAME);
  expect_text(cdr->node_address.domain_name, HOST);
  expect_ts(&cdr->ims.service_request_time_stamp, &cdr->ims.service_request_time_stamp_fraction,
            T0 - 4877);
  expect_ts(&cdr->ims.service_delivery_start_time_stamp,
            &cdr->ims.service_delivery_start_time_stamp_fraction, T0);
  expect_ts(&cdr->ims.service_delivery_end_time_stamp,
            &cdr->ims.service_delivery_end_time_stamp_fraction, T0 + 700456);
  expect_ts(&cdr->record_opening_time, NULL, T0);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 700456);
  expect_int(cdr->record_sequence_number, false, 0);
  expect_int(cdr->cause_for_record_closing, true, 0);
  expect_int(cdr->local_record_sequence_number, true, 100);
  expect_text(cdr->service_reason_return_code, "0");
  expect_incomplete(cdr, false, 0, 0, 0);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
  m = &cdr->ims.list_of_sdp_media_components.items[0];
  expect_ts(&m->sip_request_timestamp, &m->sip_request_timestamp_fraction, T0 - 4877);
  expect_ts(&m->sip_response_timestamp, &m->sip_response_timestamp_fraction, T0);
  expect_int(m->sdp_type, true, WCHG_SDP_ANSWER);
  ck_assert(m->media_initiator_flag);
  ck_assert_uint_eq(m->sdp_media_components.count, 2);
  expect_text(m->sdp_media_components.items[1].sdp_media_name,
              "m=video 49176 UDP/TLS/RTP/SAVPF 96");
  ck_assert_uint_eq(m->sdp_media_components.items[0].sdp_media_descriptions.count, 2);
  ck_assert_uint_eq(m->sdp_session_description.count, 2);
  m = &cdr->ims.list_of_sdp_media_components.items[1];
  expect_ts(&m->sip_request_timestamp, &m->sip_request_timestamp_fraction, T0 + 60023);
  expect_ts(&m->sip_response_timestamp, &m->sip_response_timestamp_fraction, T0 + 60123);
  /* fields from later ACRs: the STOP's reason, the INTERIM's access info */
  ck_assert_uint_eq(cdr->ims.list_of_reason_header.count, 1);
  expect_text(cdr->ims.list_of_reason_header.items[0], "Q.850;cause=16");
  ck_assert_uint_eq(cdr->ims.access_network_information.len, 16);
  expect_text(cdr->ims.webrtc_authentication_function_name, WAF);
  expect_text(cdr->ims.webrtc_web_server_function_name, WWSF);
  ck_assert_int_eq(cdr->ims.served_party_ip_address.choice, WCHG_IP_BIN_V4);
  ck_assert(memcmp(cdr->ims.served_party_ip_address.bin, "\xc6\x33\x64\x01", 4) == 0);
  ck_assert(cdr->ims.inter_operator_identifiers.present);
  ck_assert_uint_eq(cdr->ims.list_of_subscription_id.count, 1);
  wchg_cdr_free(cdr);

  /* a STOP with Cause-Code 2 (unsuccessful setup): cause 1 */
  feed_ok(c, fx_make(&f, 8, WCHG_ACR_START, 0, T0, false, false), T0);
  fx_make(&f, 8, WCHG_ACR_STOP, 1, T0 + 1000, false, false);
  f.a.cause_code = WCHG_INT(WCHG_CAUSE_UNSUCCESSFUL_SETUP);
  ck_assert_uint_eq(feed_ok(c, &f.a, T0 + 1000), 1);
  cdr = pop_cdr(c, "session_unsuccessful");
  expect_int(cdr->cause_for_record_closing, true, 1);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 0);
  expect_int(cdr->local_record_sequence_number, true, 101);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* The CTF's ACRs of a WebRTC call, fed as they come. */
static const wchg_ctf_config CTF_CFG = {
    .origin_host = WCHG_STR(HOST),
    .origin_realm = WCHG_STR("visited.example"),
    .destination_realm = WCHG_STR("home.example"),
    .acct_interim_interval = {true, 300},
};
#define SDP_A                                                                  \
  "v=0\r\no=bob 1 1 IN IP4 203.0.113.7\r\ns=-\r\nc=IN IP4 203.0.113.7\r\nt=0 0\r\n" \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\nm=video 49176 UDP/TLS/RTP/SAVPF 96\r\n"
#define SDP_B                                                                  \
  "v=0\r\no=bob 1 2 IN IP4 203.0.113.7\r\ns=-\r\nc=IN IP4 203.0.113.7\r\nt=0 0\r\n" \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\nm=video 0 UDP/TLS/RTP/SAVPF 96\r\n"

static wchg_sip_event sip(const char *method, int status, int64_t t, const char *sdp) {
  wchg_sip_event e;
  memset(&e, 0, sizeof e);
  e.time_ms = t;
  e.method = wchg_str_from(method);
  e.status_code = status;
  e.call_id = WCHG_STR("ctf-call@pc33.example");
  e.from = WCHG_STR("<sip:alice@home.example>;tag=1");
  e.sdp = wchg_str_from(sdp);
  e.charging_vector = WCHG_STR("icid-value=\"AyretyU0dm\"; orig-ioi=visited.example");
  return e;
}

START_TEST(ctf_call) {
  static const wchg_str pai[] = {WCHG_STR("sip:alice@home.example")};
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  wchg_ctf_reg *reg = wchg_ctf_reg_new(&CTF_CFG);
  wchg_ctf_session *s = wchg_ctf_session_new(&CTF_CFG);
  wchg_ctf_record *rec = wchg_ctf_record_new(NULL);
  wchg_register_event re;
  wchg_sip_event e;
  wchg_diag d;
  wchg_cdr *cdr;
  unsigned cdrs = 0;

  memset(&re, 0, sizeof re);
  re.request = sip("REGISTER", 0, T0 - 1000, NULL);
  re.response = sip("REGISTER", 200, T0 - 960, NULL);
  re.response.expires = WCHG_INT(600);
  re.flavour = WCHG_REG_WEBRTC_H3;
  re.impu = WCHG_STR("sip:alice@home.example");
  re.authorization = WCHG_STR("Digest username=\"alice@home.example\", realm=\"home.example\", "
                              "integrity-protected=\"auth-done\", authorization-entity=\"" WAF "\"");
  re.wwsf = WCHG_STR(WWSF);
  ck_assert_int_eq(wchg_ctf_register(reg, &re, 1, rec, &d), WCHG_OK);
  cdrs += feed_ok(c, wchg_ctf_record_acr(rec), T0 - 900); /* the REGISTER's EVENT */

  e = sip("INVITE", 0, T0, SDP_A);
  e.request_uri = WCHG_STR("sip:bob@home-b.example");
  e.asserted_identity = pai;
  e.asserted_identity_count = 1;
  e.served_party_ip = WCHG_STR("198.51.100.1");
  ck_assert_int_eq(wchg_ctf_session_begin(s, reg, WCHG_ROLE_ORIGINATING, 42, &e, rec, &d),
                   WCHG_OK);
  const struct {
    const char *method;
    int status;
    int64_t dt;
    const char *sdp;
  } steps[] = {{"INVITE", 200, 5000, SDP_A}, {"ACK", 0, 5100, NULL},
               {"UPDATE", 0, 60000, SDP_A},  {"UPDATE", 200, 60100, SDP_B},
               {"BYE", 0, 700000, NULL}};
  for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    e = sip(steps[i].method, steps[i].status, T0 + steps[i].dt, steps[i].sdp);
    ck_assert_int_eq(wchg_ctf_session_event(s, &e, rec, &d), WCHG_OK);
    if (wchg_ctf_record_acr(rec)->accounting_record_type != WCHG_ACR_NONE)
      cdrs += feed_ok(c, wchg_ctf_record_acr(rec), T0 + steps[i].dt + 10);
  }
  ck_assert_uint_eq(cdrs, 2);
  cdr = pop_cdr(c, "ctf_register");
  expect_text(cdr->ims.sip_method, "REGISTER");
  expect_text(cdr->ims.webrtc_authentication_function_name, WAF);
  wchg_cdr_free(cdr);
  cdr = pop_cdr(c, "ctf_call");
  expect_text(cdr->ims.sip_method, "INVITE");
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
  expect_ts(&cdr->ims.service_request_time_stamp, NULL, T0);
  expect_ts(&cdr->ims.service_delivery_start_time_stamp, NULL, T0 + 5000);
  expect_ts(&cdr->ims.service_delivery_end_time_stamp, NULL, T0 + 700000);
  expect_text(cdr->ims.webrtc_authentication_function_name, WAF);
  expect_text(cdr->ims.webrtc_web_server_function_name, WWSF);
  expect_text(cdr->ims.session_id, "ctf-call@pc33.example");
  expect_incomplete(cdr, false, 0, 0, 0);
  wchg_cdr_free(cdr);
  wchg_ctf_record_free(rec);
  wchg_ctf_session_free(s);
  wchg_ctf_reg_free(reg);
  wchg_cdf_free(c);
}
END_TEST

/* ---- partial records ------------------------------------------------------------------ */

START_TEST(partial_time_limit) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdr *cdr;
  unsigned n;
  cfg.max_record_duration_ms = 60000;
  c = cdf_make(&cfg);

  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, true), T0);
  /* an INTERIM after the limit: the record closes at the limit first */
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 1, T0 + 70000, true, true),
                            T0 + 70000), 1);
  cdr = pop_cdr(c, "partial_time_1");
  expect_int(cdr->record_sequence_number, true, 1);
  expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_TIME_LIMIT);
  expect_ts(&cdr->record_opening_time, NULL, T0);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 60000);
  expect_ts(&cdr->ims.service_delivery_end_time_stamp, NULL, -1);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 1);
  expect_ts(&cdr->ims.service_delivery_start_time_stamp, NULL, T0);
  wchg_cdr_free(cdr);
  /* the timer: at T0 + 119999 nothing, at T0 + 120000 the second */
  ck_assert_int_eq(wchg_cdf_expire(c, T0 + 119999, &n), WCHG_OK);
  ck_assert_uint_eq(n, 0);
  ck_assert_int_eq(wchg_cdf_expire(c, T0 + 120000, &n), WCHG_OK);
  ck_assert_uint_eq(n, 1);
  cdr = pop_cdr(c, "partial_time_2");
  expect_int(cdr->record_sequence_number, true, 2);
  expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_TIME_LIMIT);
  expect_ts(&cdr->record_opening_time, NULL, T0 + 60000);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 120000);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 1); /* the INTERIM's */
  expect_ts(&cdr->ims.service_request_time_stamp, NULL, T0 - 4877);   /* in every partial */
  wchg_cdr_free(cdr);
  /* a STOP long after: one timeLimit record (no empty runs), then the last */
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 2, T0 + 400000, false, true),
                            T0 + 400000), 2);
  cdr = pop_cdr(c, "partial_time_3");
  expect_int(cdr->record_sequence_number, true, 3);
  expect_ts(&cdr->record_opening_time, NULL, T0 + 120000);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 180000);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 0);
  wchg_cdr_free(cdr);
  cdr = pop_cdr(c, "partial_time_4");
  expect_int(cdr->record_sequence_number, true, 4);
  expect_int(cdr->cause_for_record_closing, true, 0);
  expect_ts(&cdr->record_opening_time, NULL, T0 + 360000);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 400000);
  expect_ts(&cdr->ims.service_delivery_end_time_stamp, NULL, T0 + 400000);
  expect_int(cdr->local_record_sequence_number, true, 103);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

START_TEST(partial_container) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdr *cdr;
  cfg.max_media_changes = 2;
  c = cdf_make(&cfg);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, true), T0);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 1, T0 + 1000, true, true),
                            T0 + 1000), 0);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 2, T0 + 2000, true, true),
                            T0 + 2000), 1);
  cdr = pop_cdr(c, "partial_container_1");
  expect_int(cdr->record_sequence_number, true, 1);
  expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_SERVICE_CHANGE);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 2000);
  wchg_cdr_free(cdr);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 3, T0 + 3000, false, true),
                            T0 + 3000), 1);
  cdr = pop_cdr(c, "partial_container_2");
  expect_int(cdr->record_sequence_number, true, 2);
  expect_int(cdr->cause_for_record_closing, true, 0);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 1);
  expect_ts(&cdr->record_opening_time, NULL, T0 + 2000);
  expect_ts(&cdr->ims.list_of_sdp_media_components.items[0].sip_response_timestamp, NULL,
            T0 + 2000);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

START_TEST(partial_management) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdr *cdr;
  char sid[64];
  feed_ok(c, fx_make(&f, 5, WCHG_ACR_START, 0, T0, true, false), T0);
  ck_assert_int_eq(wchg_cdf_close_session(c, wchg_str_from(sid_of(5, sid, sizeof sid)), T0 + 500),
                   WCHG_OK);
  ck_assert_int_eq(wchg_cdf_close_session(c, wchg_str_from(sid_of(6, sid, sizeof sid)), T0 + 500),
                   WCHG_E_STATE);
  cdr = pop_cdr(c, "partial_management_1");
  expect_int(cdr->record_sequence_number, true, 1);
  expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_MANAGEMENT_INTERVENTION);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 500);
  wchg_cdr_free(cdr);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 5, WCHG_ACR_STOP, 1, T0 + 900, false, false),
                            T0 + 900), 1);
  cdr = pop_cdr(c, "partial_management_2");
  expect_int(cdr->record_sequence_number, true, 2);
  expect_ts(&cdr->record_opening_time, NULL, T0 + 500);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 0);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* ---- lost ACRs ----------------------------------------------------------------------------- */

START_TEST(lost_start) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdr *cdr;
  wchg_cdf_stats st;
  /* INTERIM 1 without START, then STOP */
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 1, T0, true, true), T0);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 2, T0 + 1000, false, true), T0 + 1000);
  cdr = pop_cdr(c, "lost_start_interim");
  expect_incomplete(cdr, true, true, WCHG_ACR_INTERIM_LOST_NO, false);
  expect_ts(&cdr->ims.service_request_time_stamp, NULL, -1);
  expect_text(cdr->ims.sip_method, "UPDATE");
  expect_ts(&cdr->record_opening_time, NULL, T0);
  wchg_cdr_free(cdr);
  /* STOP 3 alone: START and INTERIMs 1, 2 lost */
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 2, WCHG_ACR_STOP, 3, T0 + 5000, false, true),
                            T0 + 5000), 1);
  cdr = pop_cdr(c, "lost_start_stop");
  expect_incomplete(cdr, true, true, WCHG_ACR_INTERIM_LOST_YES, false);
  wchg_cdr_free(cdr);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 4);
  /* a late START while the first record is open clears it */
  feed_ok(c, fx_make(&f, 3, WCHG_ACR_INTERIM, 1, T0 + 100, true, true), T0 + 100);
  feed_ok(c, fx_make(&f, 3, WCHG_ACR_START, 0, T0, true, true), T0 + 150);
  feed_ok(c, fx_make(&f, 3, WCHG_ACR_STOP, 2, T0 + 2000, false, true), T0 + 2000);
  cdr = pop_cdr(c, "lost_start_late");
  expect_incomplete(cdr, false, 0, 0, 0);
  expect_text(cdr->ims.sip_method, "INVITE");
  expect_ts(&cdr->ims.service_request_time_stamp, NULL, T0 - 4877);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
  wchg_cdr_free(cdr);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 4);
  wchg_cdf_free(c);
}
END_TEST

START_TEST(lost_interim) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdr *cdr;
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, true), T0);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 1, T0 + 100, true, true), T0 + 100);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 3, T0 + 300, true, true), T0 + 300);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 4, T0 + 400, false, true), T0 + 400);
  cdr = pop_cdr(c, "lost_interim");
  expect_incomplete(cdr, true, false, WCHG_ACR_INTERIM_LOST_YES, false);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 3);
  wchg_cdr_free(cdr);
  /* the gap filled by a late INTERIM: nothing lost */
  feed_ok(c, fx_make(&f, 2, WCHG_ACR_START, 0, T0, true, true), T0);
  feed_ok(c, fx_make(&f, 2, WCHG_ACR_INTERIM, 2, T0 + 200, true, true), T0 + 200);
  feed_ok(c, fx_make(&f, 2, WCHG_ACR_INTERIM, 1, T0 + 100, true, true), T0 + 210);
  feed_ok(c, fx_make(&f, 2, WCHG_ACR_STOP, 3, T0 + 400, false, true), T0 + 400);
  cdr = pop_cdr(c, "lost_interim_filled");
  expect_incomplete(cdr, false, 0, 0, 0);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

START_TEST(lost_stop) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdr *cdr;
  unsigned n;
  wchg_cdf_result r;
  cfg.session_timeout_ms = 3600000;
  c = cdf_make(&cfg);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, true), T0);
  feed_ok(c, fx_make(&f, 2, WCHG_ACR_INTERIM, 2, T0 + 1000, true, true), T0 + 1000);
  ck_assert_int_eq(wchg_cdf_expire(c, T0 + 3600000 - 1, &n), WCHG_OK);
  ck_assert_uint_eq(n, 0);
  ck_assert_int_eq(wchg_cdf_expire(c, T0 + 3600000, &n), WCHG_OK);
  ck_assert_uint_eq(n, 1);
  cdr = pop_cdr(c, "lost_stop");
  expect_incomplete(cdr, true, false, WCHG_ACR_INTERIM_LOST_NO, true);
  expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_TIME_LIMIT);
  expect_int(cdr->record_sequence_number, false, 0);
  expect_ts(&cdr->ims.service_delivery_end_time_stamp, NULL, -1);
  expect_ts(&cdr->record_closure_time, NULL, T0 + 3600000);
  wchg_cdr_free(cdr);
  ck_assert_int_eq(wchg_cdf_expire(c, T0 + 3601000, &n), WCHG_OK);
  ck_assert_uint_eq(n, 1);
  cdr = pop_cdr(c, "lost_start_interim_stop");
  expect_incomplete(cdr, true, true, WCHG_ACR_INTERIM_LOST_YES, true);
  wchg_cdr_free(cdr);
  /* the START again: a duplicate; the late STOP: refused (record written) */
  r = feed_expect(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, true), T0 + 3700000, WCHG_OK);
  ck_assert(r.duplicate);
  r = feed_expect(c, fx_make(&f, 1, WCHG_ACR_STOP, 1, T0 + 5000, false, true), T0 + 3700000,
                  WCHG_E_STATE);
  ck_assert_uint_eq(r.result_code, 5012);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  wchg_cdf_free(c);
}
END_TEST

/* The session of the oldest queued CDR (its Call-ID "call-<n>@..."),
 * and its causeForRecordClosing. */
static unsigned pop_session(wchg_cdf *c, int64_t *cause) {
  wchg_cdr *cdr = pop_cdr(c, "expiry");
  unsigned n = 0;
  ck_assert_int_eq(sscanf((const char *)cdr->ims.session_id.ptr, "call-%u@", &n), 1);
  *cause = cdr->cause_for_record_closing.value;
  expect_incomplete(cdr, *cause == WCHG_CAUSE_TIME_LIMIT && !cdr->record_sequence_number.present,
                    false, WCHG_ACR_INTERIM_LOST_NO, true);
  wchg_cdr_free(cdr);
  return n;
}

/* Silent sessions close by last activity, at most |budget| a call, and
 * the count of those still due stops at the budget. */
START_TEST(expiry_budget_silent) {
  enum { N = 50, K = 7 };
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  unsigned closed, due, done = 0, order[N], k = 0;
  int64_t now = T0 + 500 + 100000, cause;
  wchg_cdf_stats st;
  cfg.session_timeout_ms = 100000;
  c = cdf_make(&cfg);
  for (unsigned i = 0; i < N; i++)
    feed_ok(c, fx_make(&f, i, WCHG_ACR_START, 0, T0 + i, false, false), T0 + i);
  /* the odd ones speak again, the last opened first: the list is even
   * ones in opening order, then odd ones from the last */
  for (unsigned i = N; i-- > 0;)
    if (i % 2)
      feed_ok(c, fx_make(&f, i, WCHG_ACR_INTERIM, 1, T0 + 500, false, false), T0 + 500);
  for (unsigned i = 0; i < N; i += 2)
    order[k++] = i;
  for (unsigned i = N; i-- > 0;)
    if (i % 2)
      order[k++] = i;
  ck_assert_int_eq(wchg_cdf_expire_budget(c, T0 + 100000 - 1, K, &closed, &due), WCHG_OK);
  ck_assert_uint_eq(closed, 0);
  ck_assert_uint_eq(due, 0);
  while (done < N) {
    ck_assert_int_eq(wchg_cdf_expire_budget(c, now, K, &closed, &due), WCHG_OK);
    ck_assert_uint_eq(closed, N - done < K ? N - done : K);
    for (unsigned i = 0; i < closed; i++) {
      ck_assert_uint_eq(pop_session(c, &cause), order[done + i]);
      ck_assert_int_eq(cause, WCHG_CAUSE_TIME_LIMIT);
    }
    done += closed;
    ck_assert_uint_eq(due, N - done < K ? N - done : K);
    stats(c, &st);
    ck_assert_uint_eq(st.open_sessions, N - done);
    ck_assert_uint_eq(st.lost, done);
  }
  ck_assert_int_eq(wchg_cdf_expire_budget(NULL, now, K, &closed, &due), WCHG_E_ARG);
  ck_assert_uint_eq(closed + due, 0);
  wchg_cdf_free(c);
}
END_TEST

/* Ended records get their partial by the end of the record (opening +
 * the limit, then Session-Id), after the silent sessions; a session
 * both silent and ended gets its final record only. */
START_TEST(expiry_budget_records) {
  static const int64_t open_at[6] = {5000, 1000, 3000, 1000, 9000, 2000};
  static const unsigned order[5] = {1, 3, 5, 2, 4}; /* 0: silent */
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  unsigned closed, due, k = 0;
  int64_t cause, now = T0 + 60000 + 9000;
  cfg.max_record_duration_ms = 60000;
  cfg.session_timeout_ms = 65000;
  c = cdf_make(&cfg);
  for (unsigned i = 0; i < 6; i++) /* record opening: the event time */
    feed_ok(c, fx_make(&f, i, WCHG_ACR_START, 0, T0 + open_at[i], false, false),
            i ? now - 1000 : T0);
  ck_assert_int_eq(wchg_cdf_expire_budget(c, now, 2, &closed, &due), WCHG_OK);
  ck_assert_uint_eq(closed, 2);
  ck_assert_uint_eq(due, 2);
  ck_assert_uint_eq(pop_session(c, &cause), 0);
  ck_assert_int_eq(cause, WCHG_CAUSE_TIME_LIMIT); /* final, stop lost */
  ck_assert_uint_eq(pop_session(c, &cause), order[k++]);
  ck_assert_int_eq(wchg_cdf_expire_budget(c, now, 3, &closed, &due), WCHG_OK);
  ck_assert_uint_eq(closed, 3);
  ck_assert_uint_eq(due, 1);
  ck_assert_int_eq(wchg_cdf_expire(c, now, &closed), WCHG_OK);
  ck_assert_uint_eq(closed, 1);
  while (wchg_cdf_pending(c)) {
    wchg_cdr *cdr = pop_cdr(c, "expiry_records");
    unsigned n = 0;
    sscanf((const char *)cdr->ims.session_id.ptr, "call-%u@", &n);
    ck_assert_uint_eq(n, order[k++]);
    expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_TIME_LIMIT);
    expect_int(cdr->record_sequence_number, true, 1);
    wchg_cdr_free(cdr);
  }
  ck_assert_uint_eq(k, 5);
  ck_assert_int_eq(wchg_cdf_expire_budget(c, now, 0, &closed, &due), WCHG_OK);
  ck_assert_uint_eq(closed + due, 0);
  wchg_cdf_free(c);
}
END_TEST

/* ---- duplicates ------------------------------------------------------------------------------ */

START_TEST(duplicates) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdf_result r;
  wchg_cdf_stats st;
  wchg_cdr *cdr;
  cfg.duplicate_memory = 2;
  c = cdf_make(&cfg);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, true), T0);
  r = feed_expect(c, &f.a, T0 + 10, WCHG_OK);
  ck_assert(r.duplicate);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 1, T0 + 100, true, true), T0 + 100);
  f.a.retransmitted = true; /* the T flag: still the same ACR */
  r = feed_expect(c, &f.a, T0 + 110, WCHG_OK);
  ck_assert(r.duplicate);
  /* a second START with another number: refused */
  r = feed_expect(c, fx_make(&f, 1, WCHG_ACR_START, 5, T0, true, true), T0 + 120, WCHG_E_STATE);
  ck_assert_uint_eq(r.result_code, 5012);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 2, T0 + 200, false, true),
                            T0 + 200), 1);
  for (uint32_t n = 0; n <= 2; n++) { /* every ACR of the closed session */
    r = feed_expect(c, fx_make(&f, 1, n == 0 ? 1 + 1 : n == 1 ? 3 : 4, n, T0, n < 2, true),
                    T0 + 300, WCHG_OK);
    ck_assert(r.duplicate);
    ck_assert_uint_eq(r.cdrs, 0);
  }
  ck_assert_uint_eq(wchg_cdf_pending(c), 1);
  cdr = pop_cdr(c, "duplicates");
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
  ck_assert(!cdr->retransmission);
  wchg_cdr_free(cdr);
  /* a retransmission (T flag) folded for the first time marks the record */
  fx_make(&f, 9, WCHG_ACR_EVENT, 0, T0, false, false);
  feed_ok(c, &f.a, T0);
  feed_ok(c, fx_make(&f, 10, WCHG_ACR_EVENT, 0, T0, false, false), T0);
  /* duplicate memory 2: session 1 is forgotten, its START opens anew */
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, true), T0 + 400), 0);
  stats(c, &st);
  ck_assert_uint_eq(st.duplicates, 5);
  ck_assert_uint_eq(st.rejected, 1);
  ck_assert_uint_eq(st.open_sessions, 1);
  wchg_cdf_free(c);
}
END_TEST

/* ---- refusals ------------------------------------------------------------------------------ */

START_TEST(emergency_and_invalid) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdf_result r;
  wchg_diag d;
  wchg_cdr *cdr;
  wchg_cdf_stats st;
  wchg_sdp_media_component bad_comp[1];

  /* a WIC emergency session: refused, event or session */
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, true);
  f.a.ims.ims_emergency_indicator = true;
  ck_assert_int_eq(wchg_cdf_feed(c, &f.a, T0, &r, &d), WCHG_E_EMERGENCY);
  ck_assert_uint_eq(r.result_code, 5012);
  ck_assert_str_eq(d.path, "ACR/Service-Information/IMS-Information/IMS-Emergency-Indicator");
  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.ims_emergency_indicator = true;
  f.a.ims.webrtc_web_server_function_name = WCHG_STR(WWSF);
  feed_expect(c, &f.a, T0, WCHG_E_EMERGENCY);
  /* a WIC session whose INTERIM says emergency (without the identities) */
  feed_ok(c, fx_make(&f, 3, WCHG_ACR_START, 0, T0, false, true), T0);
  fx_make(&f, 3, WCHG_ACR_INTERIM, 1, T0 + 10, false, false);
  f.a.ims.ims_emergency_indicator = true;
  feed_expect(c, &f.a, T0 + 10, WCHG_E_EMERGENCY);
  /* a plain IMS emergency session is charged, with the indicator */
  fx_make(&f, 4, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.ims_emergency_indicator = true;
  ck_assert_uint_eq(feed_ok(c, &f.a, T0), 1);
  cdr = pop_cdr(c, "emergency_plain_ims");
  ck_assert(cdr->ims.ims_emergency_indicator);
  wchg_cdr_free(cdr);

  /* ACRs the CDF cannot use */
  fx_make(&f, 5, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.session_id = (wchg_str){0};
  r = feed_expect(c, &f.a, T0, WCHG_E_INVALID);
  ck_assert_uint_eq(r.result_code, 5005);
  fx_make(&f, 5, 9, 0, T0, false, false);
  r = feed_expect(c, &f.a, T0, WCHG_E_INVALID);
  ck_assert_uint_eq(r.result_code, 5004);
  fx_make(&f, 5, WCHG_ACR_START, 0, T0, false, false);
  f.a.node_functionality = WCHG_NODE_S_CSCF; /* not refused: another node's */
  r = feed_expect(c, &f.a, T0, WCHG_E_OTHER_NODE);
  ck_assert_uint_eq(r.result_code, 0);
  fx_make(&f, 5, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.role_of_node = WCHG_INT(2);
  feed_expect(c, &f.a, T0, WCHG_E_INVALID);
  fx_make(&f, 5, WCHG_ACR_START, 0, 900000000000LL, false, false); /* 1998 */
  feed_expect(c, &f.a, T0, WCHG_E_INVALID);
  fx_make(&f, 5, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.called_party_address.choice = 9; /* no such InvolvedParty */
  ck_assert_int_eq(wchg_cdf_feed(c, &f.a, T0, &r, &d), WCHG_E_INVALID);
  ck_assert_uint_eq(r.result_code, 5004);
  ck_assert_str_eq(d.path, "pCSCFRecord/called-Party-Address");
  fx_make(&f, 5, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.list_of_message_bodies.count = 1; /* and no items */
  feed_expect(c, &f.a, T0, WCHG_E_INVALID);
  fx_make(&f, 5, WCHG_ACR_START, 0, T0, true, false);
  memset(bad_comp, 0, sizeof bad_comp); /* both accessCorrelationID alternatives */
  bad_comp[0].gprs_charging_id = WCHG_INT(1);
  bad_comp[0].access_network_charging_identifier = WCHG_STR("x");
  f.media.sdp_media_components = (wchg_sdp_media_component_list){bad_comp, 1};
  feed_expect(c, &f.a, T0, WCHG_E_INVALID);
  /* an EVENT with the Session-Id of an open session */
  feed_expect(c, fx_make(&f, 3, WCHG_ACR_EVENT, 7, T0, false, true), T0, WCHG_E_STATE);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  stats(c, &st);
  ck_assert_uint_eq(st.rejected, 11);
  ck_assert_uint_eq(st.other_node, 1);
  ck_assert_uint_eq(st.folded, 2);
  ck_assert_uint_eq(st.open_sessions, 1);
  wchg_cdf_free(c);
}
END_TEST

/* ---- interleaving and the queue ------------------------------------------------------------- */

START_TEST(interleaved) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  const uint8_t *der, *first;
  size_t len, n;
  const unsigned order[] = {1, 2, 3, 1, 3, 2, 3, 1, 2};
  unsigned next[4] = {0, 0, 0, 0}, closed[3], nclosed = 0;
  for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
    unsigned s = order[i], k = next[s]++;
    int type = k == 0 ? WCHG_ACR_START : k == 2 ? WCHG_ACR_STOP : WCHG_ACR_INTERIM;
    if (feed_ok(c, fx_make(&f, s, type, k, T0 + (int64_t)i * 1000, type != WCHG_ACR_STOP, true),
                T0 + (int64_t)i * 1000))
      closed[nclosed++] = s;
    if (i == 4) /* an event between */
      ck_assert_uint_eq(feed_ok(c, fx_make(&f, 50, WCHG_ACR_EVENT, 0, T0, false, true), T0), 1);
  }
  ck_assert_uint_eq(nclosed, 3);
  ck_assert_uint_eq(wchg_cdf_pending(c), 4);
  /* the view stays put while more CDRs are queued */
  ck_assert_int_eq(wchg_cdf_peek(c, &first, &n), WCHG_OK);
  feed_ok(c, fx_make(&f, 51, WCHG_ACR_EVENT, 0, T0, false, true), T0);
  ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_OK);
  ck_assert_ptr_eq(der, first);
  wchg_cdr *cdr = pop_cdr(c, "interleaved_event");
  expect_text(cdr->ims.session_id, "call-50@pc33.example");
  expect_int(cdr->local_record_sequence_number, true, 100);
  wchg_cdr_free(cdr);
  for (unsigned i = 0; i < 3; i++) {
    char name[32], want[32];
    snprintf(name, sizeof name, "interleaved_%u", i);
    snprintf(want, sizeof want, "call-%u@pc33.example", closed[i]);
    cdr = pop_cdr(c, name);
    expect_text(cdr->ims.session_id, want);
    expect_int(cdr->local_record_sequence_number, true, 101 + i);
    ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
    wchg_cdr_free(cdr);
  }
  cdr = pop_cdr(c, "interleaved_event2");
  wchg_cdr_free(cdr);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  wchg_cdf_free(c);
}
END_TEST

/* Many CDRs across queue blocks; a CDR bigger than a block. */
START_TEST(queue_blocks) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  static wchg_str lines[3000];
  wchg_cdf_stats st;
  for (unsigned i = 0; i < 400; i++)
    feed_ok(c, fx_make(&f, i, WCHG_ACR_EVENT, 0, T0 + i, true, true), T0 + i);
  for (unsigned i = 0; i < 3000; i++)
    lines[i] = WCHG_STR("a=candidate:1 1 UDP 2122260223 192.0.2.1 54400 typ host");
  fx_make(&f, 9999, WCHG_ACR_EVENT, 0, T0, true, true);
  f.media.sdp_session_description = (wchg_str_list){lines, 3000};
  feed_ok(c, &f.a, T0);
  stats(c, &st);
  ck_assert_uint_eq(st.queued_cdrs, 401);
  ck_assert_uint_gt(st.queued_bytes, 2 * 65536);
  for (unsigned i = 0; i < 401; i++) {
    const uint8_t *der;
    size_t len;
    ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_OK);
    ck_assert_uint_eq(der[0], 0xbf);
    ck_assert_uint_eq(der[1], 0x40);
    if (i == 400) {
      wchg_cdr *cdr = pop_cdr(c, "big_event");
      ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.items[0].sdp_session_description.count,
                        3000);
      wchg_cdr_free(cdr);
    } else {
      wchg_cdf_pop(c);
    }
  }
  stats(c, &st);
  ck_assert_uint_eq(st.queued_bytes, 0);
  wchg_cdf_free(c);
}
END_TEST

/* ---- failover ---------------------------------------------------------------------------------- */

/* A script of operations over several sessions. */
struct op {
  char kind;       /* 'a' ACR, 'e' expire, 'm' management close */
  unsigned session;
  int type;
  uint32_t number;
  int64_t t;
  bool sdp;
};

static const struct op SCRIPT[] = {
    {'a', 1, WCHG_ACR_START, 0, T0, true},
    {'a', 2, WCHG_ACR_START, 0, T0 + 1000, true},
    {'a', 3, WCHG_ACR_EVENT, 0, T0 + 1500, false},
    {'a', 1, WCHG_ACR_INTERIM, 1, T0 + 20000, true},
    {'a', 1, WCHG_ACR_INTERIM, 1, T0 + 20000, true}, /* duplicate */
    {'a', 4, WCHG_ACR_INTERIM, 2, T0 + 21000, true}, /* START lost */
    {'m', 2, 0, 0, T0 + 30000, false},
    {'a', 2, WCHG_ACR_INTERIM, 1, T0 + 40000, true},
    {'a', 1, WCHG_ACR_INTERIM, 3, T0 + 70000, true}, /* gap, time limit */
    {'e', 0, 0, 0, T0 + 130000, false},
    {'a', 5, WCHG_ACR_START, 0, T0 + 131000, true},
    {'a', 2, WCHG_ACR_STOP, 2, T0 + 140000, false},
    {'a', 6, WCHG_ACR_EVENT, 0, T0 + 141000, false},
    {'a', 1, WCHG_ACR_STOP, 4, T0 + 150000, false},
    {'a', 2, WCHG_ACR_STOP, 2, T0 + 140000, false}, /* duplicate after close */
    {'e', 0, 0, 0, T0 + 200000, false},
    {'a', 5, WCHG_ACR_INTERIM, 1, T0 + 201000, true},
    {'e', 0, 0, 0, T0 + 900000, false},
};
#define NSCRIPT (sizeof SCRIPT / sizeof SCRIPT[0])

static wchg_cdf_config failover_config(void) {
  wchg_cdf_config cfg = config();
  cfg.max_record_duration_ms = 60000;
  cfg.max_media_changes = 3;
  cfg.session_timeout_ms = 300000;
  return cfg;
}

static wchg_status run_op(wchg_cdf *c, const struct op *o) {
  struct fx f;
  char sid[64];
  switch (o->kind) {
  case 'e':
    return wchg_cdf_expire(c, o->t, NULL);
  case 'm':
    return wchg_cdf_close_session(c, wchg_str_from(sid_of(o->session, sid, sizeof sid)), o->t);
  default:
    return wchg_cdf_feed(c, fx_make(&f, o->session, o->type, o->number, o->t, o->sdp, true), o->t,
                         NULL, NULL);
  }
}

/* Every queued CDR appended to |out| (a byte string of length-prefixed CDRs). */
static size_t drain(wchg_cdf *c, uint8_t *out, size_t at, size_t cap) {
  const uint8_t *der;
  size_t len;
  while (wchg_cdf_peek(c, &der, &len) == WCHG_OK) {
    ck_assert_uint_le(at + len + 4, cap);
    memcpy(out + at, &len, 4);
    memcpy(out + at + 4, der, len);
    at += len + 4;
    wchg_cdf_pop(c);
  }
  return at;
}

static uint8_t *export_all(const wchg_cdf *c, size_t *len) {
  size_t need = 0;
  ck_assert_int_eq(wchg_cdf_export(c, NULL, 0, &need), WCHG_E_BUFFER);
  uint8_t *buf = malloc(need);
  ck_assert_int_eq(wchg_cdf_export(c, buf, need - 1, len), WCHG_E_BUFFER);
  ck_assert_int_eq(wchg_cdf_export(c, buf, need, len), WCHG_OK);
  ck_assert_uint_eq(*len, need);
  return buf;
}

START_TEST(failover_same_bytes) {
  wchg_cdf_config cfg = failover_config();
  enum { CAP = 1 << 16 };
  uint8_t *want = malloc(CAP), *got = malloc(CAP);
  size_t want_len, got_len;
  wchg_cdf *a = cdf_make(&cfg);
  unsigned count = 0;

  for (size_t i = 0; i < NSCRIPT; i++)
    ck_assert_int_eq(run_op(a, &SCRIPT[i]), WCHG_OK);
  want_len = drain(a, want, 0, CAP);
  /* enough happened: every kind of record */
  for (size_t at = 0; at < want_len; count++) {
    size_t n;
    memcpy(&n, want + at, 4);
    n &= 0xffffffffu;
    at += 4 + n;
  }
  ck_assert_uint_ge(count, 10);
  wchg_cdf_free(a);

  for (size_t cut = 0; cut <= NSCRIPT; cut++) {
    wchg_cdf *b = cdf_make(&cfg), *c2 = cdf_make(&cfg);
    size_t slen, slen2;
    uint8_t *state, *state2;
    wchg_diag d;
    for (size_t i = 0; i < cut; i++)
      ck_assert_int_eq(run_op(b, &SCRIPT[i]), WCHG_OK);
    /* half of the queue taken before the failover, the rest travels */
    got_len = 0;
    for (size_t k = wchg_cdf_pending(b) / 2; k > 0; k--) {
      const uint8_t *der;
      size_t len;
      ck_assert_int_eq(wchg_cdf_peek(b, &der, &len), WCHG_OK);
      memcpy(got + got_len, &len, 4);
      memcpy(got + got_len + 4, der, len);
      got_len += len + 4;
      wchg_cdf_pop(b);
    }
    state = export_all(b, &slen);
    ck_assert_msg(wchg_cdf_import(c2, state, slen, &d) == WCHG_OK, "%s at %zu", d.message, d.offset);
    ck_assert_int_eq(wchg_cdf_import(c2, state, slen, &d), WCHG_E_STATE);
    state2 = export_all(c2, &slen2); /* the same state */
    ck_assert_uint_eq(slen, slen2);
    ck_assert(memcmp(state, state2, slen) == 0);
    for (size_t i = cut; i < NSCRIPT; i++)
      ck_assert_int_eq(run_op(c2, &SCRIPT[i]), WCHG_OK);
    got_len = drain(c2, got, got_len, CAP);
    ck_assert_msg(got_len == want_len && memcmp(got, want, want_len) == 0,
                  "cut %zu: other CDRs", cut);
    free(state);
    free(state2);
    wchg_cdf_free(b);
    wchg_cdf_free(c2);
  }
  free(want);
  free(got);
}
END_TEST

START_TEST(import_refuses_damage) {
  wchg_cdf_config cfg = failover_config();
  wchg_cdf *a = cdf_make(&cfg), *b;
  uint8_t *state, *copy;
  size_t len, empty_len;
  uint8_t empty[512];
  wchg_diag d;
  wchg_cdf_stats st;
  for (size_t i = 0; i < 9; i++)
    ck_assert_int_eq(run_op(a, &SCRIPT[i]), WCHG_OK);
  state = export_all(a, &len);
  copy = malloc(len);
  b = cdf_make(&cfg);
  ck_assert_int_eq(wchg_cdf_export(b, empty, sizeof empty, &empty_len), WCHG_OK);
  /* every prefix, every single damaged octet: refused, |b| untouched */
  for (size_t n = 0; n < len; n++) {
    ck_assert_int_ne(wchg_cdf_import(b, state, n, &d), WCHG_OK);
    ck_assert_int_ne(d.code, WCHG_OK);
  }
  for (size_t i = 0; i < len; i++) {
    memcpy(copy, state, len);
    copy[i] ^= 0x20;
    ck_assert_int_ne(wchg_cdf_import(b, copy, len, &d), WCHG_OK);
  }
  /* damage under a correct CRC: the checks behind it */
  for (size_t i = 8; i < len - 4; i++) {
    for (unsigned bit = 0; bit < 8; bit += 3) {
      memcpy(copy, state, len);
      copy[i] ^= (uint8_t)(1u << bit);
      cdf_state_seal(copy, len);
      if (wchg_cdf_import(b, copy, len, &d) == WCHG_OK) { /* e.g. a counter or a string */
        wchg_cdf_free(b);
        b = cdf_make(&cfg);
      }
    }
  }
  stats(b, &st);
  ck_assert_uint_eq(st.open_sessions, 0);
  ck_assert_uint_eq(st.queued_cdrs, 0);
  uint8_t after[512];
  size_t after_len;
  ck_assert_int_eq(wchg_cdf_export(b, after, sizeof after, &after_len), WCHG_OK);
  ck_assert_uint_eq(after_len, empty_len);
  ck_assert(memcmp(after, empty, empty_len) == 0);
  /* specific refusals */
  memcpy(copy, state, len);
  copy[0] = 'X';
  ck_assert_int_eq(wchg_cdf_import(b, copy, len, &d), WCHG_E_ENCODING);
  memcpy(copy, state, len);
  copy[7] = 1; /* the version before other_node and warnings */
  ck_assert_int_eq(wchg_cdf_import(b, copy, len, &d), WCHG_E_ENCODING);
  memcpy(copy, state, len);
  copy[len - 1] ^= 1;
  ck_assert_int_eq(wchg_cdf_import(b, copy, len, &d), WCHG_E_ENCODING);
  ck_assert_uint_eq(d.offset, len - 4);
  ck_assert_int_eq(wchg_cdf_import(b, NULL, 3, &d), WCHG_E_ARG);
  /* and the whole state still imports */
  ck_assert_int_eq(wchg_cdf_import(b, state, len, &d), WCHG_OK);
  stats(b, &st);
  ck_assert_uint_gt(st.open_sessions, 0);
  free(state);
  free(copy);
  wchg_cdf_free(a);
  wchg_cdf_free(b);
}
END_TEST

/* A state of version 2 (written by the library before version 3: the
 * first 10 operations of SCRIPT, the queue emptied) imports into the
 * state this library has at that point, and goes on the same. */
START_TEST(import_version_2) {
  static const char V2[] =
      "57434847434446022c0500006a00000003000000000000000800000000000000"
      "0700000000000000010000000000000000000000000000000600000000000000"
      "03000000000000000000000000000000000000000000000001000000935da581"
      "e4687002010000000000000000000000030000000000000000000000c03ce7cf"
      "8b0100007079e6cf8b010000f354e5cf8b0100000068e5cf8b0100000d000000"
      "000000000300000000000000020000000100001b001700130100000000000065"
      "7063736366312e766973697465642e6578616d706c653b303b31657063736366"
      "312e766973697465642e6578616d706c650207000006494e5649544503010000"
      "00051400001363616c6c2d3140706333332e6578616d706c65062b0000020116"
      "7369703a616c69636540686f6d652e6578616d706c65021074656c3a2b313535"
      "35313233303030310718000001167369703a626f6240686f6d652d622e657861"
      "6d706c650813000012616c69636540686f6d652e6578616d706c650e11000001"
      "0f766973697465642e6578616d706c651307000006696369642d311e0f00000e"
      "333232363040336770702e6f72671f1a0000010304167369703a616c69636540"
      "686f6d652e6578616d706c653205000001c6336401f0130000127761662e7765"
      "627274632e6578616d706c65f114000013777773662e7765627274632e657861"
      "6d706c65010000000000000090c7e6cf8b0100004004e6cf8b010000db58e5cf"
      "8b010000e86be5cf8b0100000300000000000000010000000000000002000000"
      "0100001b0017001301000000000000657063736366312e766973697465642e65"
      "78616d706c653b303b32657063736366312e766973697465642e6578616d706c"
      "650207000006494e564954450301000000051400001363616c6c2d3240706333"
      "332e6578616d706c65062b00000201167369703a616c69636540686f6d652e65"
      "78616d706c65021074656c3a2b31353535313233303030310718000001167369"
      "703a626f6240686f6d652d622e6578616d706c650813000012616c6963654068"
      "6f6d652e6578616d706c650e110000010f766973697465642e6578616d706c65"
      "1307000006696369642d321e0f00000e333232363040336770702e6f72671f1a"
      "0000010304167369703a616c69636540686f6d652e6578616d706c6532050000"
      "01c6336401f0130000127761662e7765627274632e6578616d706c65f1140000"
      "13777773662e7765627274632e6578616d706c65020000000000000068a4e6cf"
      "8b01000008bae5cf8b0100000000000000000080000000000000008001000000"
      "000000000200000000000000010000000200001b001700130100000000000065"
      "7063736366312e766973697465642e6578616d706c653b303b34657063736366"
      "312e766973697465642e6578616d706c65020700000655504441544503010000"
      "00051400001363616c6c2d3440706333332e6578616d706c65062b0000020116"
      "7369703a616c69636540686f6d652e6578616d706c65021074656c3a2b313535"
      "35313233303030310718000001167369703a626f6240686f6d652d622e657861"
      "6d706c650813000012616c69636540686f6d652e6578616d706c650e11000001"
      "0f766973697465642e6578616d706c651307000006696369642d341e0f00000e"
      "333232363040336770702e6f72671f1a0000010304167369703a616c69636540"
      "686f6d652e6578616d706c653205000001c6336401f0130000127761662e7765"
      "627274632e6578616d706c65f114000013777773662e7765627274632e657861"
      "6d706c650000000080eb6f28";
  wchg_cdf_config cfg = failover_config();
  wchg_cdf *a = cdf_make(&cfg), *b = cdf_make(&cfg);
  static uint8_t state[2048], out_a[1 << 15], out_b[1 << 15];
  size_t len = test_unhex(V2, state, sizeof state), la, lb;
  uint8_t *sa, *sb;
  wchg_diag d;
  for (size_t i = 0; i < 10; i++)
    ck_assert_int_eq(run_op(a, &SCRIPT[i]), WCHG_OK);
  while (wchg_cdf_pending(a))
    wchg_cdf_pop(a);
  ck_assert_uint_eq(state[7], 2);
  ck_assert_msg(wchg_cdf_import(b, state, len, &d) == WCHG_OK, "%s", d.message);
  sa = export_all(a, &la);
  sb = export_all(b, &lb);
  ck_assert_uint_eq(sb[7], 3);
  ck_assert(la == lb && memcmp(sa, sb, la) == 0);
  for (size_t i = 10; i < NSCRIPT; i++) {
    ck_assert_int_eq(run_op(a, &SCRIPT[i]), WCHG_OK);
    ck_assert_int_eq(run_op(b, &SCRIPT[i]), WCHG_OK);
  }
  la = drain(a, out_a, 0, sizeof out_a);
  lb = drain(b, out_b, 0, sizeof out_b);
  ck_assert_uint_gt(la, 0);
  ck_assert(la == lb && memcmp(out_a, out_b, la) == 0);
  free(sa);
  free(sb);
  wchg_cdf_free(a);
  wchg_cdf_free(b);
}
END_TEST

/* A duplicate memory smaller than the exporter's keeps the newest. */
START_TEST(import_smaller_memory) {
  wchg_cdf_config cfg = config();
  wchg_cdf *a = cdf_make(&cfg), *b;
  struct fx f;
  uint8_t *state;
  size_t len;
  wchg_cdf_result r;
  for (unsigned i = 0; i < 5; i++)
    feed_ok(a, fx_make(&f, i, WCHG_ACR_EVENT, 0, T0, false, false), T0);
  state = export_all(a, &len);
  cfg.duplicate_memory = 2;
  b = cdf_make(&cfg);
  ck_assert_int_eq(wchg_cdf_import(b, state, len, NULL), WCHG_OK);
  r = feed_expect(b, fx_make(&f, 4, WCHG_ACR_EVENT, 0, T0, false, false), T0, WCHG_OK);
  ck_assert(r.duplicate);
  r = feed_expect(b, fx_make(&f, 3, WCHG_ACR_EVENT, 0, T0, false, false), T0, WCHG_OK);
  ck_assert(r.duplicate);
  r = feed_expect(b, fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false), T0, WCHG_OK);
  ck_assert(!r.duplicate); /* forgotten */
  free(state);
  wchg_cdf_free(a);
  wchg_cdf_free(b);
}
END_TEST

/* ---- out of memory -------------------------------------------------------------------------- */

/* Run the script with |fm|: every call either works or fails with NOMEM
 * leaving the state exactly as it was (its export unchanged). */
static bool oom_run(struct failmem *fm) {
  wchg_cdf_config cfg = failover_config();
  wchg_cdf *c, *c2 = NULL;
  enum { CAP = 1 << 17 };
  uint8_t *before = malloc(CAP), *after = malloc(CAP);
  size_t blen, alen;
  bool complete = true;
  cfg.mem = &fm->mem;
  while (!(c = wchg_cdf_new(&cfg)))
    if (fm->forever)
      goto out;
  for (size_t i = 0; i < NSCRIPT; i++) {
    wchg_status st;
    ck_assert_int_eq(wchg_cdf_export(c, before, CAP, &blen), WCHG_OK);
    while ((st = run_op(c, &SCRIPT[i])) == WCHG_E_NOMEM) {
      ck_assert_int_eq(wchg_cdf_export(c, after, CAP, &alen), WCHG_OK);
      if (SCRIPT[i].kind != 'e') { /* expire keeps what it closed before */
        ck_assert_uint_eq(alen, blen);
        ck_assert_msg(memcmp(before, after, blen) == 0, "op %zu changed the state", i);
      }
      if (fm->forever) {
        complete = false;
        goto out;
      }
    }
    ck_assert_int_eq(st, WCHG_OK);
    if (i == NSCRIPT / 2) { /* the queue popped half way */
      wchg_cdf_pop(c);
    }
  }
  /* failover with the failing allocator */
  ck_assert_int_eq(wchg_cdf_export(c, before, CAP, &blen), WCHG_OK);
  while (!(c2 = wchg_cdf_new(&cfg)))
    if (fm->forever) {
      complete = false;
      goto out;
    }
  for (;;) {
    wchg_status st = wchg_cdf_import(c2, before, blen, NULL);
    if (st == WCHG_OK)
      break;
    ck_assert_int_eq(st, WCHG_E_NOMEM);
    ck_assert_int_eq(wchg_cdf_export(c2, after, CAP, &alen), WCHG_OK); /* still empty */
    ck_assert_uint_lt(alen, 200);
    if (fm->forever) {
      complete = false;
      goto out;
    }
  }
  ck_assert_int_eq(wchg_cdf_export(c2, after, CAP, &alen), WCHG_OK);
  ck_assert_uint_eq(alen, blen);
  ck_assert(memcmp(before, after, blen) == 0);
out:
  wchg_cdf_free(c);
  wchg_cdf_free(c2);
  free(before);
  free(after);
  ck_assert_uint_eq(fm->live, 0);
  return complete;
}

START_TEST(oom_every_allocation) {
  for (int forever = 0; forever <= 1; forever++) {
    size_t k;
    for (k = 1; k < 10000; k++) {
      struct failmem fm;
      failmem_init(&fm, k, forever);
      oom_run(&fm);
      if (fm.calls < k)
        break; /* nothing was injected: every allocation was tried */
    }
    ck_assert_uint_gt(k, 10);
    ck_assert_uint_lt(k, 10000);
  }
}
END_TEST

/* ---- shared values: their references ----------------------------------------------------- */

struct refs_seen {
  uint32_t min, max;
  size_t n;
};

static void refs_of(void *p, void *arg) {
  const struct cdf_val *v = p;
  struct refs_seen *r = arg;
  r->min = v->refs < r->min ? v->refs : r->min;
  r->max = v->refs > r->max ? v->refs : r->max;
  r->n++;
}

static struct refs_seen shared_refs(const wchg_cdf *c) {
  struct refs_seen r = {UINT32_MAX, 0, 0};
  cdf_tab_each(&c->vals, refs_of, &r);
  return r;
}

/* ---- the invariant test --------------------------------------------------------------------- */

static uint64_t rng_state;
static unsigned rnd(unsigned n) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)((rng_state >> 33) % n);
}

struct plan {
  unsigned next, last; /* next record number, STOP's number */
  bool event, done;
};

START_TEST(invariant_random) {
  enum { NSESS = 300, NCDR = 20000 };
  wchg_cdf_config cfg = failover_config();
  wchg_cdf *c;
  static struct plan plan[NSESS];
  static struct {
    unsigned session;
    int64_t rsn;
  } seen[NCDR];
  size_t nseen = 0;
  uint64_t fed = 0, ok_fold = 0, dups = 0, rejected = 0, other = 0, warned = 0, cdrs = 0;
  int64_t now = T0;
  uint32_t lrsn = 100;
  struct fx f;
  wchg_cdf_stats st;
  static uint8_t msg[8192], aca[2048];

  rng_state = 20251124;
  cfg.duplicate_memory = 1000;
  c = cdf_make(&cfg);
  for (unsigned i = 0; i < NSESS; i++) {
    plan[i].event = rnd(5) == 0;
    plan[i].last = plan[i].event ? 0 : 1 + rnd(8);
  }
  for (unsigned step = 0; step < 6000; step++) {
    unsigned s = rnd(NSESS), act = rnd(100);
    struct plan *p = &plan[s];
    wchg_cdf_result r;
    wchg_status rc;
    now += rnd(20000);
    if (act < 3) {
      unsigned n = 0;
      ck_assert_int_eq(wchg_cdf_expire(c, now, &n), WCHG_OK);
      cdrs += n;
      continue;
    }
    if (act < 5) {
      char sid[64];
      rc = wchg_cdf_close_session(c, wchg_str_from(sid_of(s, sid, sizeof sid)), now);
      ck_assert(rc == WCHG_OK || rc == WCHG_E_STATE);
      cdrs += rc == WCHG_OK;
      continue;
    }
    if (p->done && act < 90)
      continue;
    uint32_t number = p->next;
    if (act >= 90 && p->next > 0) /* a retransmission of an earlier one */
      number = rnd(p->next);
    int type = p->event ? WCHG_ACR_EVENT
                        : number == 0 ? WCHG_ACR_START
                                      : number >= p->last ? WCHG_ACR_STOP : WCHG_ACR_INTERIM;
    fx_make(&f, s, type, number, now, type != WCHG_ACR_STOP && rnd(2), s % 3 != 0);
    f.a.retransmitted = act >= 90;
    bool invalid = false;
    if (act >= 80 && act < 85) { /* an ACR the CDF cannot use */
      invalid = true;
      switch (rnd(4)) {
      case 0: f.a.accounting_record_type = 7; break;
      case 1: f.a.session_id.len = 0; break;
      case 2: f.a.ims.ims_emergency_indicator = true;
              f.a.ims.webrtc_authentication_function_name = WCHG_STR(WAF); break;
      default: f.a.sip_request_timestamp = WCHG_TIME_MS(-5); break;
      }
    }
    bool other_node = act >= 75 && act < 80; /* an S-CSCF's ACR of the session */
    if (other_node)
      f.a.node_functionality = WCHG_NODE_S_CSCF;
    if (act >= 85 && act < 90 && !p->done) { /* lost on the way */
      p->next++;
      p->done = p->event || number >= p->last;
      continue;
    }
    /* half of those that encode come as bytes, read in the receive
     * policy; a third of those with the P bit on Origin-Host */
    size_t mlen, alen;
    if (wchg_acr_encode(&f.a, msg, sizeof msg, &mlen, NULL) == WCHG_OK && rnd(2)) {
      size_t oh = 20 + (((size_t)msg[26] << 8 | msg[27]) + 3) / 4 * 4; /* after Session-Id */
      bool deviate = rnd(3) == 0;
      wchg_warnings w = {NULL, 0, 0};
      ck_assert_uint_eq(msg[oh + 4], 0x40);
      if (deviate)
        msg[oh + 4] = 0x60;
      rc = wchg_cdf_feed_bytes_ex(c, msg, mlen, now, aca, sizeof aca, &alen, &r, NULL, &w);
      ck_assert_uint_eq(w.count, deviate);
      warned += w.count;
      if (rc == WCHG_E_OTHER_NODE)
        ck_assert_uint_eq(alen, 0);
      else
        ck_assert_uint_eq(aca_result(aca, alen), r.result_code);
    } else {
      rc = wchg_cdf_feed(c, &f.a, now, &r, NULL);
    }
    fed++;
    if (other_node) {
      ck_assert_int_eq(rc, WCHG_E_OTHER_NODE);
      ck_assert_uint_eq(r.result_code, 0);
      other++;
      continue;
    }
    if (rc == WCHG_OK) {
      ck_assert(!invalid);
      ck_assert_uint_eq(r.result_code, 2001);
      if (r.duplicate)
        dups++;
      else
        ok_fold++;
      cdrs += r.cdrs;
    } else {
      ck_assert(rc == WCHG_E_INVALID || rc == WCHG_E_EMERGENCY || rc == WCHG_E_STATE);
      ck_assert_uint_ne(r.result_code, 2001);
      rejected++;
    }
    if (!invalid && number == p->next && !p->done) {
      p->next++;
      p->done = p->event || number >= p->last;
    }
    /* take CDRs from time to time */
    while (rnd(4) == 0 && wchg_cdf_pending(c)) {
      wchg_cdr *cdr = pop_cdr(c, "invariant");
      unsigned sess;
      ck_assert_int_eq(sscanf((const char *)cdr->ims.session_id.ptr, "call-%u@", &sess), 1);
      expect_int(cdr->local_record_sequence_number, true, lrsn++);
      ck_assert_uint_lt(nseen, NCDR);
      seen[nseen].session = sess;
      seen[nseen++].rsn = cdr->record_sequence_number.present ? cdr->record_sequence_number.value
                                                              : -1;
      wchg_cdr_free(cdr);
    }
  }
  unsigned n;
  ck_assert_int_eq(wchg_cdf_expire(c, now + 10000000, &n), WCHG_OK);
  cdrs += n;
  stats(c, &st);
  ck_assert_uint_eq(st.open_sessions, 0);
  ck_assert_uint_eq(shared_refs(c).max, 0); /* every shared value given back */
  ck_assert_uint_eq(st.acrs, fed);
  ck_assert_uint_eq(st.folded, ok_fold);
  ck_assert_uint_eq(st.duplicates, dups);
  ck_assert_uint_eq(st.rejected, rejected);
  ck_assert_uint_eq(st.other_node, other);
  ck_assert_uint_eq(st.warnings, warned);
  ck_assert_uint_eq(st.cdrs, cdrs);
  ck_assert_uint_gt(dups, 50);
  ck_assert_uint_gt(rejected, 50);
  ck_assert_uint_gt(other, 50);
  ck_assert_uint_gt(warned, 50);
  while (wchg_cdf_pending(c)) {
    wchg_cdr *cdr = pop_cdr(c, "invariant");
    unsigned sess;
    ck_assert_int_eq(sscanf((const char *)cdr->ims.session_id.ptr, "call-%u@", &sess), 1);
    expect_int(cdr->local_record_sequence_number, true, lrsn++);
    ck_assert_uint_lt(nseen, NCDR);
    seen[nseen].session = sess;
    seen[nseen++].rsn =
        cdr->record_sequence_number.present ? cdr->record_sequence_number.value : -1;
    wchg_cdr_free(cdr);
  }
  ck_assert_uint_eq(nseen, cdrs);
  /* no CDR twice: (session, recordSequenceNumber) unique; a session whose
   * record has no number has only that one (sessions are never reopened
   * here: the duplicate memory holds them all) */
  for (size_t i = 0; i < nseen; i++)
    for (size_t j = i + 1; j < nseen; j++)
      if (seen[i].session == seen[j].session)
        ck_assert_msg(seen[i].rsn != seen[j].rsn && seen[i].rsn != -1 && seen[j].rsn != -1,
                      "session %u: two CDRs numbered %lld", seen[i].session,
                      (long long)seen[i].rsn);
  wchg_cdf_free(c);
}
END_TEST

/* ---- memory per session ---------------------------------------------------------------------- */

START_TEST(bytes_per_session) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdf_stats st;
  size_t store = 0;
  for (unsigned i = 0; i < 1000; i++) {
    feed_ok(c, fx_make(&f, i, WCHG_ACR_START, 0, T0, true, true), T0);
    /* what the session must keep: its strings and octets */
    store += f.a.session_id.len + f.a.origin_host.len + strlen(f.call_id) + strlen(f.icid) +
             strlen("alice@home.example") * 2 + strlen(WCHG_SERVICE_CONTEXT_IMS) +
             strlen("sip:alice@home.example") * 2 + strlen("tel:+15551230001") +
             strlen("sip:bob@home-b.example") + 4 + strlen("visited.example") + strlen("INVITE") +
             strlen(WAF) + strlen(WWSF) + 3 + 47 + 20 + 25 + 35 + 34 + 21 + 2 * 9;
  }
  stats(c, &st);
  ck_assert_uint_eq(st.open_sessions, 1000);
  ck_assert_uint_le(st.session_fixed_bytes, 160);
  ck_assert_msg(st.session_bytes / 1000 <= 512 + store / 1000,
                "%zu bytes per session, strings %zu", st.session_bytes / 1000, store / 1000);
  wchg_cdf_free(c);
}
END_TEST

/* ---- the session table at scale ------------------------------------------------------------- */

/* The table grows while sessions open and shrinks while they close, a
 * few slots per ACR: no ACR moves more than CDF_TAB_STEP entries, none
 * finishes a resize at once, and every session stays found meanwhile. */
START_TEST(table_grows_and_shrinks) {
  enum { N = 30000 };
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  size_t peak = 0;
  cfg.duplicate_memory = 0;
  c = cdf_make(&cfg);
  for (unsigned i = 0; i < N; i++) {
    feed_ok(c, fx_make(&f, i, WCHG_ACR_START, 0, T0 + i, false, false), T0 + i);
    if (i % 997 == 0) /* an earlier session is still there: a duplicate */
      ck_assert(feed_expect(c, fx_make(&f, i / 2, WCHG_ACR_START, 0, T0, false, false), T0 + i,
                            WCHG_OK).duplicate);
  }
  peak = c->sessions.cur.n + c->sessions.old.n;
  ck_assert_uint_ge(c->sessions.cur.n, N + N / 3);
  ck_assert_uint_le(c->sessions.cur.n, 4 * N);
  for (unsigned i = 0; i < N; i++) {
    ck_assert_uint_eq(feed_ok(c, fx_make(&f, i, WCHG_ACR_STOP, 1, T0 + N + i, false, false),
                              T0 + N + i), 1);
    wchg_cdf_pop(c);
    if (i == N - N / 16) /* a sixteenth left: a table of a fraction of the peak */
      ck_assert_uint_le(c->sessions.cur.n, peak / 4);
    if (i == N - 1000)   /* and every session left is found */
      for (unsigned k = i + 1; k < N; k++)
        ck_assert(feed_expect(c, fx_make(&f, k, WCHG_ACR_START, 0, T0, false, false), T0 + 2 * N,
                              WCHG_OK).duplicate);
  }
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  ck_assert_uint_le(c->sessions.moved_max, CDF_TAB_STEP);
  ck_assert_uint_gt(c->sessions.moved_max, 0);
  ck_assert_uint_eq(c->sessions.forced, 0);
  ck_assert_uint_eq(c->sessions.cur.n + c->sessions.old.n + c->sessions.next.n, 0);
  wchg_cdf_free(c);
}
END_TEST

/* The table alone against a model: random inserts, removals and finds of
 * up to 20000 entries whose tags collide often (long chains across the
 * chunks and through the drained part of an old table). */
static bool int_match(const void *entry, const void *key) {
  return *(const unsigned *)entry == *(const unsigned *)key;
}

START_TEST(table_against_model) {
  enum { N = 20000, GROW = 120000 };
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct cdf_tab t;
  static unsigned keys[N];
  static bool in[N];
  size_t count = 0;
  memset(&t, 0, sizeof t);
  memset(in, 0, sizeof in);
  rng_state = 15;
  for (unsigned step = 0; step < 2 * GROW; step++) {
    unsigned k = rnd(step < GROW ? N : N / 3 + 1 + step % (2 * N / 3)) % N;
    uint32_t tag = 2 + (uint32_t)((k % 9973) * 0x9E3779B97F4A7C15ull >> 34); /* 4 keys a tag */
    void **slot;
    keys[k] = k;
    slot = cdf_tab_find(&t, tag, int_match, &keys[k]);
    ck_assert_int_eq(slot != NULL, in[k]);
    if (!in[k] && (step < GROW || rnd(2))) {
      ck_assert_int_eq(cdf_tab_reserve(c, &t), WCHG_OK);
      cdf_tab_insert(&t, tag, &keys[k]);
      in[k] = true;
      count++;
    } else if (in[k]) {
      ck_assert_ptr_eq(*slot, &keys[k]);
      cdf_tab_remove(&t, tag, &keys[k]);
      cdf_tab_shrink(c, &t);
      in[k] = false;
      count--;
    }
    ck_assert_uint_eq(cdf_tab_count(&t), count);
  }
  ck_assert_uint_le(t.moved_max, CDF_TAB_STEP);
  ck_assert_uint_eq(t.forced, 0);
  cdf_tab_free(c, &t);
  wchg_cdf_free(c);
}
END_TEST

/* ---- shared values ------------------------------------------------------------------------- */

/* Values equal in several sessions are stored once, each session
 * referring to them (the first session keeps its own); a value an ACR
 * replaces, and a closed session's, are given back. */
START_TEST(shared_values) {
  enum { N = 200 };
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  struct refs_seen r;
  wchg_cdr *cdr;
  for (unsigned i = 0; i < N; i++)
    feed_ok(c, fx_make(&f, i, WCHG_ACR_START, 0, T0 + i, true, true), T0 + i);
  r = shared_refs(c);
  ck_assert_uint_ge(r.n, 8);
  ck_assert_uint_le(r.n, 16);
  ck_assert_uint_eq(r.min, N - 1);
  ck_assert_uint_eq(r.max, N - 1);
  for (unsigned i = 0; i < N; i++) { /* another user name, the same SDP */
    fx_make(&f, i, WCHG_ACR_INTERIM, 1, T0 + N + i, true, true);
    f.a.ims.private_user_id = WCHG_STR("carol@home.example");
    feed_ok(c, &f.a, T0 + N + i);
  }
  r = shared_refs(c);
  ck_assert_uint_eq(r.min, 0); /* alice's name: no session has it now */
  ck_assert_uint_eq(r.max, N - 1 + N);
  for (unsigned i = 0; i < N; i += N - 1) { /* the first keeps its own values */
    char sid[64];
    ck_assert_int_eq(wchg_cdf_close_session(c, wchg_str_from(sid_of(i, sid, sizeof sid)),
                                            T0 + 2 * N), WCHG_OK);
    cdr = pop_cdr(c, "shared_partial");
    expect_text(cdr->ims.private_user_id, "carol@home.example");
    expect_text(cdr->ims.service_context_id, WCHG_SERVICE_CONTEXT_IMS);
    ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
    wchg_cdr_free(cdr);
  }
  for (unsigned i = 0; i < N; i++) {
    ck_assert_uint_eq(feed_ok(c, fx_make(&f, i, WCHG_ACR_STOP, 2, T0 + 2 * N + i, false, true),
                              T0 + 2 * N + i), 1);
    cdr = pop_cdr(c, "shared");
    expect_text(cdr->ims.private_user_id, "alice@home.example"); /* the STOP says so */
    ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count,
                      i % (N - 1) ? 2 : 0); /* 0, N - 1: after the partial above */
    wchg_cdr_free(cdr);
  }
  r = shared_refs(c);
  ck_assert_uint_eq(r.max, 0);
  ck_assert_uint_eq(c->ncold, r.n);
  wchg_cdf_free(c);
}
END_TEST

/* Values no session names any more are kept a while, then freed: their
 * number stays bounded however many there were. */
START_TEST(shared_values_forgotten) {
  wchg_cdf *c = cdf_make(&(wchg_cdf_config){.utc_offset_minutes = 60,
                                            .origin_host = WCHG_STR("cdf1.home.example"),
                                            .origin_realm = WCHG_STR("home.example")});
  for (unsigned k = 0; k < 3000; k++) { /* two sessions of user k */
    struct fx f;
    char user[32];
    snprintf(user, sizeof user, "user-%u@home.example", k);
    for (unsigned i = 2 * k; i < 2 * k + 2; i++) {
      fx_make(&f, i, WCHG_ACR_START, 0, T0 + i, false, false);
      f.a.ims.private_user_id = wchg_str_from(user);
      feed_ok(c, &f.a, T0 + i);
    }
    for (unsigned i = 2 * k; i < 2 * k + 2; i++) {
      feed_ok(c, fx_make(&f, i, WCHG_ACR_STOP, 1, T0 + i + 1, false, false), T0 + i + 1);
      wchg_cdf_pop(c);
    }
  }
  ck_assert_uint_eq(shared_refs(c).max, 0);
  ck_assert_uint_eq(c->ncold, 1024); /* full: the older ones freed */
  ck_assert_uint_le(cdf_tab_count(&c->vals), 1024 + 32);
  wchg_cdf_free(c);
}
END_TEST

/* ---- a TS 32.297 file of CDF output ------------------------------------------------------------ */

START_TEST(cdrfile_of_output) {
  wchg_cdf_config cfg = failover_config();
  wchg_cdf *c = cdf_make(&cfg);
  static uint8_t file[1 << 16];
  wchg_cdrfile_writer w;
  wchg_cdrfile_header h;
  wchg_cdrfile f;
  wchg_cdrfile_iter it;
  wchg_cdrfile_cdr rec;
  size_t len, n = 0, count;
  const uint8_t *der;
  for (size_t i = 0; i < NSCRIPT; i++)
    ck_assert_int_eq(run_op(c, &SCRIPT[i]), WCHG_OK);
  count = wchg_cdf_pending(c);
  memset(&h, 0, sizeof h);
  h.opening_time = (wchg_cdrfile_time){11, 14, 23, 13, 60};
  h.last_cdr_time = h.opening_time;
  h.file_sequence_number = 1;
  h.high_release = h.low_release = 17;
  h.high_version = h.low_version = 9;
  h.node_address[10] = h.node_address[11] = 0xff;
  h.node_address[12] = 192, h.node_address[14] = 2, h.node_address[15] = 10;
  wchg_diag d;
  wchg_status st = wchg_cdrfile_begin(&w, file, sizeof file, &h, &d);
  ck_assert_msg(st == WCHG_OK, "%s: %s", d.path, d.message);
  while (wchg_cdf_peek(c, &der, &len) == WCHG_OK) {
    wchg_cdrfile_cdr cd = {17, 9, WCHG_CDRFILE_BER, WCHG_CDRFILE_TS_IMS, {der, len}, 0};
    ck_assert_int_eq(wchg_cdrfile_add(&w, &cd), WCHG_OK);
    wchg_cdf_pop(c);
  }
  ck_assert_int_eq(wchg_cdrfile_finish(&w, NULL, WCHG_CDRFILE_CLOSE_NORMAL, &len), WCHG_OK);
  test_out_write_cdrfile("cdf_output", file, len);
  ck_assert_int_eq(wchg_cdrfile_parse(file, len, &f, NULL), WCHG_OK);
  wchg_cdrfile_iter_init(&it, &f);
  while (wchg_cdrfile_next(&it, &rec)) {
    wchg_cdr *cdr = NULL;
    ck_assert_int_eq(wchg_cdr_decode(rec.data.ptr, rec.data.len, NULL, &cdr, NULL, NULL), WCHG_OK);
    wchg_cdr_free(cdr);
    n++;
  }
  ck_assert_uint_eq(n, count);
  ck_assert_uint_ge(n, 10);
  wchg_cdf_free(c);
}
END_TEST

/* ---- ACR bytes in, ACA out ------------------------------------------------------------------- */

static uint32_t aca_result(const uint8_t *aca, size_t len) {
  wchg_dmsg m;
  wchg_avp avp;
  uint32_t v = 0;
  wchg_diag d;
  wchg_status st = wchg_dmsg_parse(aca, len, 0, &m, &d);
  ck_assert_msg(st == WCHG_OK, "ACA: %s at %s: %s", wchg_strerror(st), d.path, d.message);
  ck_assert_uint_eq(m.code, WCHG_CMD_ACCOUNTING);
  ck_assert(wchg_avp_find(&m, NULL, 268, 0, &avp));
  ck_assert_int_eq(wchg_avp_u32(&avp, &v), WCHG_OK);
  return v;
}

START_TEST(feed_bytes_aca) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  uint8_t acr[4096], aca[1024];
  size_t len, alen;
  wchg_cdf_result r;
  wchg_diag d;
  char name[32];
  const int types[] = {WCHG_ACR_START, WCHG_ACR_INTERIM, WCHG_ACR_STOP};

  for (uint32_t n = 0; n < 3; n++) {
    fx_make(&f, 1, types[n], n, T0 + n * 1000, n < 2, true);
    ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_OK);
    ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0 + n * 1000, aca, sizeof aca, &alen, &r,
                                         &d),
                     WCHG_OK);
    ck_assert_uint_eq(r.result_code, 2001);
    ck_assert_uint_eq(aca_result(aca, alen), 2001);
    snprintf(name, sizeof name, "cdf_aca_%u", (unsigned)n);
    test_out_write_diam(name, aca, alen);
  }
  ck_assert_uint_eq(r.cdrs, 1);
  wchg_cdr *cdr = pop_cdr(c, "from_bytes");
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
  expect_text(cdr->ims.webrtc_authentication_function_name, WAF);
  wchg_cdr_free(cdr);
  /* the STOP again: a duplicate, 2001 */
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d), WCHG_OK);
  ck_assert(r.duplicate);
  /* an ACA buffer too small: the size needed */
  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, 10, &alen, &r, &d), WCHG_E_BUFFER);
  ck_assert_uint_gt(alen, 10);
  /* refused by the CDF with no diag from the reader (now_ms out of range):
   * its ACA says the refusal, never 2001 */
  fx_make(&f, 3, WCHG_ACR_EVENT, 0, T0, false, false);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_OK);
  ck_assert_int_ne(wchg_cdf_feed_bytes(c, acr, len, -1, aca, sizeof aca, &alen, &r, &d), WCHG_OK);
  ck_assert_uint_ne(r.result_code, 2001);
  ck_assert_uint_eq(aca_result(aca, alen), r.result_code);
  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_OK);
  /* damaged bytes: the reader's Result-Code, nothing fed */
  /* an unknown AVP with the M bit appended: 5001 */
  memcpy(acr + len, "\x00\x0f\x42\x3f\x40\x00\x00\x08", 8);
  len += 8;
  acr[1] = (uint8_t)(len >> 16);
  acr[2] = (uint8_t)(len >> 8);
  acr[3] = (uint8_t)len;
  wchg_status st = wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d);
  ck_assert_int_ne(st, WCHG_OK);
  ck_assert_uint_ne(r.result_code, 2001);
  ck_assert_uint_eq(aca_result(aca, alen), r.result_code);
  /* not written for tshark: its Failed-AVP echoes the made-up unknown AVP,
   * which tshark rightly cannot name */
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, 5, T0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_TRUNCATED);
  /* a WIC emergency ACR cannot even be written (the reader refuses one
   * too, acr.h); the CDF's own refusal is tested with models above */
  fx_make(&f, 3, WCHG_ACR_EVENT, 0, T0, false, true);
  f.a.ims.ims_emergency_indicator = true;
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_E_EMERGENCY);
  wchg_cdf_stats s;
  stats(c, &s);
  ck_assert_uint_eq(s.folded, 4); /* the EVENT answered into a short buffer too */
  ck_assert_uint_eq(s.rejected, 0);
  ck_assert_uint_eq(wchg_cdf_pending(c), 1);
  wchg_cdr_free(pop_cdr(c, "from_bytes_event"));
  wchg_cdf_free(c);
}
END_TEST

/* ---- what peers send: the receive policy, ACRs of other nodes ----------------------------- */

#define V3 10415u
#define IMSP "Service-Information/IMS-Information/"

/* The offset of the AVP (code, vendor) at the top level (|in_ims|
 * false) or in Service-Information/IMS-Information of the ACR |acr|. */
static size_t avp_at(const uint8_t *acr, size_t len, bool in_ims, uint32_t code, uint32_t vendor) {
  wchg_dmsg m;
  wchg_avp si, ims, a;
  ck_assert_int_eq(wchg_dmsg_parse(acr, len, 0, &m, NULL), WCHG_OK);
  if (in_ims) {
    ck_assert(wchg_avp_find(&m, NULL, 873, V3, &si));
    ck_assert(wchg_avp_find(&m, &si, 876, V3, &ims));
  }
  ck_assert(wchg_avp_find(&m, in_ims ? &ims : NULL, code, vendor, &a));
  return a.offset;
}

/* An EVENT ACR of a WebRTC client as bytes, with 657 and 658 sent with
 * the M bit (variant 0: as Wireshark's dictionary has them) or with
 * Origin-Host's M bit clear (variant 1); |at| the deviating offsets. */
static size_t deviating_acr(uint8_t *acr, size_t cap, int variant, size_t at[2]) {
  struct fx f;
  size_t len;
  fx_make(&f, 40 + (unsigned)variant, WCHG_ACR_EVENT, 0, T0, true, true);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, cap, &len, NULL), WCHG_OK);
  if (variant == 0) {
    at[0] = avp_at(acr, len, true, 657, V3);
    at[1] = avp_at(acr, len, true, 658, V3);
    acr[at[0] + 4] |= WCHG_AVP_FLAG_M;
    acr[at[1] + 4] |= WCHG_AVP_FLAG_M;
  } else {
    at[0] = avp_at(acr, len, false, 264, 0);
    acr[at[0] + 4] &= (uint8_t)~WCHG_AVP_FLAG_M;
  }
  return len;
}

/* Export, import into a fresh CDF: the same counters (other_node and
 * warnings too). */
static void counters_survive_failover(const wchg_cdf *c) {
  wchg_cdf_config cfg = config();
  wchg_cdf *b = cdf_make(&cfg);
  wchg_cdf_stats s1, s2;
  size_t len;
  uint8_t *state = export_all(c, &len);
  ck_assert_int_eq(wchg_cdf_import(b, state, len, NULL), WCHG_OK);
  stats(c, &s1);
  stats(b, &s2);
  ck_assert_uint_eq(s2.acrs, s1.acrs);
  ck_assert_uint_eq(s2.other_node, s1.other_node);
  ck_assert_uint_eq(s2.warnings, s1.warnings);
  free(state);
  wchg_cdf_free(b);
}

/* Receive (the default): folded into a CDR, the deviations as warnings
 * with their paths and offsets, counted; the ACA 2001. */
START_TEST(receive_folds_deviating_acrs) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  uint8_t acr[4096], aca[1024];
  size_t len, alen, at[2];
  wchg_cdf_result r;
  wchg_diag d, items[4];
  wchg_cdf_stats st;
  static const char *const paths[2][2] = {
      {IMSP "WebRTC-Authentication-Function-Name", IMSP "WebRTC-Web-Server-Function-Name"},
      {"Origin-Host", NULL}};
  for (int v = 0; v < 2; v++) {
    wchg_warnings w = {items, 4, 0};
    len = deviating_acr(acr, sizeof acr, v, at);
    ck_assert_int_eq(wchg_cdf_feed_bytes_ex(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d, &w),
                     WCHG_OK);
    ck_assert_uint_eq(r.result_code, 2001);
    ck_assert_uint_eq(r.cdrs, 1);
    ck_assert_uint_eq(aca_result(aca, alen), 2001);
    ck_assert_uint_eq(w.count, v == 0 ? 2 : 1);
    for (size_t i = 0; i < w.count; i++) {
      ck_assert_int_eq(items[i].code, WCHG_E_DIAMETER);
      ck_assert_uint_eq(items[i].result_code, 3009);
      ck_assert_str_eq(items[i].path, paths[v][i]);
      ck_assert_uint_eq(items[i].offset, at[i]);
    }
    if (v == 1)
      ck_assert_str_eq(items[0].message, "M bit clear; the rule of Origin-Host is M must");
    wchg_cdr *cdr = pop_cdr(c, v == 0 ? "receive_657_m" : "receive_origin_host_m_clear");
    expect_text(cdr->ims.webrtc_authentication_function_name, WAF);
    expect_text(cdr->ims.webrtc_web_server_function_name, WWSF);
    wchg_cdr_free(cdr);
  }
  stats(c, &st);
  ck_assert_uint_eq(st.folded, 2);
  ck_assert_uint_eq(st.warnings, 3);
  /* wchg_cdf_feed_bytes (no warnings asked for) folds the same and
   * counts them: 657 with M of another session */
  struct fx f;
  fx_make(&f, 42, WCHG_ACR_EVENT, 0, T0, false, true);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, NULL), WCHG_OK);
  acr[avp_at(acr, len, true, 657, V3) + 4] |= WCHG_AVP_FLAG_M;
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d), WCHG_OK);
  stats(c, &st);
  ck_assert_uint_eq(st.folded, 3);
  ck_assert_uint_eq(st.warnings, 4);
  wchg_cdr_free(pop_cdr(c, "receive_657_m_no_warnings_asked"));
  counters_survive_failover(c);
  wchg_cdf_free(c);
}
END_TEST

/* Strict (chosen by the host): the same ACRs answered 3009, nothing
 * folded, no warning. */
START_TEST(strict_refuses_deviating_acrs) {
  wchg_cdf_config cfg = config();
  cfg.policy = WCHG_POLICY_STRICT;
  wchg_cdf *c = cdf_make(&cfg);
  uint8_t acr[4096], aca[1024];
  size_t len, alen, at[2];
  wchg_cdf_result r;
  wchg_diag d, items[4];
  wchg_cdf_stats st;
  for (int v = 0; v < 2; v++) {
    wchg_warnings w = {items, 4, 0};
    len = deviating_acr(acr, sizeof acr, v, at);
    ck_assert_int_eq(wchg_cdf_feed_bytes_ex(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d, &w),
                     WCHG_E_DIAMETER);
    ck_assert_uint_eq(r.result_code, 3009);
    ck_assert_uint_eq(aca_result(aca, alen), 3009);
    ck_assert_uint_eq(d.offset, at[0]);
    ck_assert_uint_eq(w.count, 0);
    /* the answer carries the E bit (a protocol error) and the AVP */
    ck_assert(aca[4] & WCHG_CMD_FLAG_E);
  }
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  stats(c, &st);
  ck_assert_uint_eq(st.folded, 0);
  ck_assert_uint_eq(st.open_sessions, 0);
  ck_assert_uint_eq(st.warnings, 0);
  wchg_cdf_free(c);
  /* an unknown policy is no configuration */
  cfg.policy = (wchg_policy)2;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
}
END_TEST

/* An AS's ACR (Node-Functionality 6) sent to this CDF: decoded, not
 * folded, WCHG_E_OTHER_NODE, no ACA; the host answers. */
START_TEST(other_node_acr) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  uint8_t acr[4096], aca[1024];
  size_t len, alen = 99;
  wchg_cdf_result r;
  wchg_diag d;
  wchg_cdf_stats st;
  fx_make(&f, 7, WCHG_ACR_START, 0, T0, true, true);
  f.a.node_functionality = WCHG_NODE_AS;
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, NULL), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_OTHER_NODE);
  ck_assert_uint_eq(alen, 0);
  ck_assert_uint_eq(r.result_code, 0);
  ck_assert_uint_eq(r.cdrs, 0);
  ck_assert_int_eq(d.code, WCHG_E_OTHER_NODE);
  ck_assert_str_eq(d.path, "ACR/" IMSP "Node-Functionality");
  ck_assert_ptr_nonnull(strstr(d.message, "Node-Functionality 6"));
  ck_assert_uint_eq(d.result_code, 0);
  /* decoded: the host routes it by the model */
  const wchg_acr *got = wchg_cdf_last_acr(c);
  ck_assert_ptr_nonnull(got);
  ck_assert_int_eq(got->node_functionality, WCHG_NODE_AS);
  ck_assert_uint_eq(got->ims.list_of_sdp_media_components.count, 1);
  expect_text(got->session_id, f.sid);
  /* nothing changed */
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  stats(c, &st);
  ck_assert_uint_eq(st.open_sessions, 0);
  ck_assert_uint_eq(st.acrs, 1);
  ck_assert_uint_eq(st.other_node, 1);
  ck_assert_uint_eq(st.folded + st.rejected + st.duplicates, 0);
  counters_survive_failover(c);
  /* the same session's P-CSCF START is this CDF's: opened as new */
  fx_make(&f, 7, WCHG_ACR_START, 0, T0, true, true);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, NULL), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d), WCHG_OK);
  ck_assert(!r.duplicate);
  /* one of the host's answers: 3002 (a protocol error: the peer may go
   * elsewhere), E bit set, from the bytes */
  fx_make(&f, 8, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.node_functionality = WCHG_NODE_S_CSCF;
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, NULL), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_OTHER_NODE);
  wchg_diag problem = {.code = WCHG_E_OTHER_NODE, .offset = WCHG_NO_OFFSET, .result_code = 3002};
  wchg_aca answer;
  ck_assert_int_eq(wchg_aca_from_acr(acr, len, &problem, &answer), WCHG_OK);
  answer.origin_host = cfg.origin_host;
  answer.origin_realm = cfg.origin_realm;
  ck_assert_int_eq(wchg_aca_encode(&answer, aca, sizeof aca, &alen, NULL), WCHG_OK);
  ck_assert_uint_eq(aca_result(aca, alen), 3002);
  ck_assert(aca[4] & WCHG_CMD_FLAG_E);
  /* in the strict policy too: not a deviation, a routing matter */
  wchg_cdf_free(c);
  cfg.policy = WCHG_POLICY_STRICT;
  c = cdf_make(&cfg);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_OTHER_NODE);
  ck_assert_uint_eq(alen, 0);
  stats(c, &st);
  ck_assert_uint_eq(st.other_node, 1);
  wchg_cdf_free(c);
}
END_TEST

/* SIP-Request-Timestamp-Fraction 123456 in an ACR: receive folds it, the
 * stamp with its whole seconds (the fraction dropped, a warning on its
 * path); strict answers 5004. */
START_TEST(fraction_over_999_folded) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  uint8_t acr[4096], aca[1024];
  size_t len, alen;
  wchg_cdf_result r;
  wchg_diag d, items[2];
  wchg_warnings w = {items, 2, 0};
  fx_make(&f, 9, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.sip_request_timestamp = WCHG_TIME_MS(T0 - 1750); /* .250 */
  f.a.sip_response_timestamp = WCHG_TIME_MS(T0 - 500);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, NULL), WCHG_OK);
  wchg_dmsg m;
  wchg_avp si, ims, ts, fr;
  ck_assert_int_eq(wchg_dmsg_parse(acr, len, 0, &m, NULL), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 873, V3, &si) && wchg_avp_find(&m, &si, 876, V3, &ims) &&
            wchg_avp_find(&m, &ims, 833, V3, &ts) && wchg_avp_find(&m, &ts, 2301, V3, &fr));
  ck_assert_uint_eq(fr.data[3], 250);
  acr[fr.offset + 13] = 0x01, acr[fr.offset + 14] = 0xE2, acr[fr.offset + 15] = 0x40;
  ck_assert_int_eq(wchg_cdf_feed_bytes_ex(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d, &w),
                   WCHG_OK);
  ck_assert_uint_eq(aca_result(aca, alen), 2001);
  ck_assert_uint_eq(w.count, 1);
  ck_assert_uint_eq(items[0].result_code, 5004);
  ck_assert_str_eq(items[0].path, IMSP "Time-Stamps/SIP-Request-Timestamp-Fraction");
  ck_assert_uint_eq(items[0].offset, fr.offset);
  wchg_cdr *cdr = pop_cdr(c, "fraction_dropped");
  expect_ts(&cdr->ims.service_request_time_stamp, &cdr->ims.service_request_time_stamp_fraction,
            T0 - 2000);
  expect_ts(&cdr->ims.service_delivery_start_time_stamp,
            &cdr->ims.service_delivery_start_time_stamp_fraction, T0 - 500);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
  cfg.policy = WCHG_POLICY_STRICT;
  c = cdf_make(&cfg);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_DIAMETER);
  ck_assert_uint_eq(aca_result(aca, alen), 5004);
  ck_assert_str_eq(d.path, IMSP "Time-Stamps/SIP-Request-Timestamp-Fraction");
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  wchg_cdf_free(c);
}
END_TEST

/* A record needing more list room than the ones before it: the CDF's
 * reused arena grows (measure, then fill again) and nothing is lost. */
START_TEST(arena_grows) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_media_components_list many[20];
  wchg_cdr *cdr;
  /* a small record first: no media */
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, true), T0);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 1, T0 + 1000, false, true), T0), 1);
  cdr = pop_cdr(c, "arena_small");
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 0);
  wchg_cdr_free(cdr);
  /* then one with 20 media entries */
  fx_make(&f, 2, WCHG_ACR_START, 0, T0, true, true);
  for (unsigned i = 0; i < 20; i++)
    many[i] = f.media;
  f.a.ims.list_of_sdp_media_components = (wchg_media_components_list_list){many, 20};
  feed_ok(c, &f.a, T0);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 2, WCHG_ACR_STOP, 1, T0 + 1000, false, true), T0), 1);
  cdr = pop_cdr(c, "arena_grown");
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 20);
  for (unsigned i = 0; i < 20; i++) {
    const wchg_media_components_list *m = &cdr->ims.list_of_sdp_media_components.items[i];
    ck_assert_uint_eq(m->sdp_media_components.count, 2);
    expect_text(m->sdp_media_components.items[1].sdp_media_name,
                "m=video 49176 UDP/TLS/RTP/SAVPF 96");
    ck_assert_uint_eq(m->sdp_media_components.items[0].sdp_media_descriptions.count, 2);
  }
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* cdf_time keeps the last day's date: every time stamp it makes must
 * still be the civil one, going forward and back across days, in the
 * offsets of both signs. */
START_TEST(time_stamps_civil) {
  static const int offsets[] = {0, 60, -300, 840, -720, 330};
  static const int64_t at[] = {T0, T0 + 999, T0 + 86399999, T0 + 86400000, T0 - 1,
                               T0 + 86400000 * 400LL, T0, 946684800000LL, 4102444799999LL};
  for (size_t k = 0; k < sizeof offsets / sizeof offsets[0]; k++) {
    wchg_cdf_config cfg = config();
    cfg.utc_offset_minutes = offsets[k];
    wchg_cdf *c = cdf_make(&cfg);
    uint64_t x = 7;
    for (unsigned i = 0; i < 2000; i++) {
      int64_t ms;
      wchg_timestamp got, want;
      wchg_opt_int frac = {0};
      if (i < sizeof at / sizeof at[0]) {
        ms = at[i];
      } else { /* hours apart, back and forth, within 2000..2099 (UTC) */
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        ms = T0 + (int64_t)(x >> 33) % (86400000LL * 3) - 86400000LL;
      }
      wchg_status st = wchg_timestamp_from_unix(&want, ms / 1000, offsets[k]);
      /* the last second of 2099 is in 2100 east of UTC: out of range */
      ck_assert_int_eq(cdf_time(c, ms, &got, &frac), st);
      if (st != WCHG_OK)
        continue;
      ck_assert(got.present);
      ck_assert_mem_eq(got.octets, want.octets, 9);
      ck_assert(frac.present);
      ck_assert_int_eq(frac.value, ms % 1000);
    }
    wchg_cdf_free(c);
  }
}
END_TEST

Suite *cdf_suite(void) {
  Suite *s = suite_create("cdf");
  TCase *tc = tcase_create("cdf");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, new_and_args);
  tcase_add_test(tc, event_cdr);
  tcase_add_test(tc, session_cdr);
  tcase_add_test(tc, ctf_call);
  tcase_add_test(tc, partial_time_limit);
  tcase_add_test(tc, partial_container);
  tcase_add_test(tc, partial_management);
  tcase_add_test(tc, lost_start);
  tcase_add_test(tc, lost_interim);
  tcase_add_test(tc, lost_stop);
  tcase_add_test(tc, expiry_budget_silent);
  tcase_add_test(tc, expiry_budget_records);
  tcase_add_test(tc, duplicates);
  tcase_add_test(tc, emergency_and_invalid);
  tcase_add_test(tc, interleaved);
  tcase_add_test(tc, queue_blocks);
  tcase_add_test(tc, failover_same_bytes);
  tcase_add_test(tc, import_refuses_damage);
  tcase_add_test(tc, import_smaller_memory);
  tcase_add_test(tc, import_version_2);
  tcase_add_test(tc, oom_every_allocation);
  tcase_add_test(tc, invariant_random);
  tcase_add_test(tc, bytes_per_session);
  tcase_add_test(tc, table_grows_and_shrinks);
  tcase_add_test(tc, table_against_model);
  tcase_add_test(tc, shared_values);
  tcase_add_test(tc, shared_values_forgotten);
  tcase_add_test(tc, cdrfile_of_output);
  tcase_add_test(tc, feed_bytes_aca);
  tcase_add_test(tc, receive_folds_deviating_acrs);
  tcase_add_test(tc, strict_refuses_deviating_acrs);
  tcase_add_test(tc, other_node_acr);
  tcase_add_test(tc, fraction_over_999_folded);
  tcase_add_test(tc, time_stamps_civil);
  tcase_add_test(tc, arena_grows);
  suite_add_tcase(s, tc);
  return s;
}
