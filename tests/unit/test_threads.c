/* test_threads.c: the library keeps no shared mutable state (README,
 * "Threads"), so distinct objects may be used from many threads at once
 * with the same results as from one.
 *
 *   concurrent_use: distinct records encoded, decoded, validated and
 *     mapped to JSON from 4 threads (the CDR codec alone);
 *   every_kind_at_once: every object kind of the library from THREADS
 *     threads, each on its own objects, all running the kinds in a
 *     different order, ROUNDS times: CTFs (registrations, calls with
 *     browser SDP, ACR bytes, ACAs read back, resends, a terminating call
 *     and a MESSAGE for a registration context shared read-only, as ctf.h
 *     allows), CDFs (ACRs folded, expiry, management close, state exported
 *     and imported half way, ACR bytes in and ACA bytes out, CDRs drained),
 *     Ro (the credit state of a session with two rating groups and of an
 *     ECUR event, CCRs encoded, CCAs written and parsed), Diameter (writers
 *     by code and by descriptor, the strict and receive readers, the ACR
 *     reader, the ACA writer, the dictionary's tables), CDRs (BER decode,
 *     validation, JSON both ways, DER), TS 32.297 files (writer and
 *     reader) and the SIP header and SDP parsers. Every kind's outputs
 *     (bytes, statuses, diagnostics, values) go into a 64-bit FNV-1a
 *     digest; the digests of the single-threaded run (twice, to show the
 *     kinds deterministic) are what every thread must get.
 *
 * make check-tsan runs this file (with the whole suite) under
 * ThreadSanitizer. -DWCHG_TEST_PLANT_RACE plants a data race here (a
 * static counter every thread writes) to show that the step fails on one.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#define _POSIX_C_SOURCE 200809L
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/cdr_json.h>

#include "cdf_samples.h"
#include "diam_samples.h"
#include "rf_samples.h"
#include "samples.h"
#include "sdp_samples.h"
#include "testutil.h"

Suite *threads_suite(void);

/* ======================================================================
 * concurrent_use: the CDR codec alone
 * ====================================================================== */

enum { CODEC_THREADS = 4, CODEC_ROUNDS = 200 };

struct job {
  const uint8_t *ref;
  size_t ref_len;
  int failures;
};

static void *work(void *arg) {
  struct job *j = arg;
  uint8_t buf[8192];
  for (int i = 0; i < CODEC_ROUNDS; i++) {
    wchg_cdr *c = NULL, *back = NULL;
    size_t len = 0, count = 0;
    json_t *json = NULL;
    if (wchg_cdr_decode(j->ref, j->ref_len, NULL, &c, NULL, NULL) != WCHG_OK) {
      j->failures++;
      continue;
    }
    if (wchg_cdr_validate(c, WCHG_VALIDATE_WEBRTC, NULL, 0, &count) != WCHG_OK)
      j->failures++;
    if (wchg_cdr_to_json(c, &json, NULL) != WCHG_OK ||
        wchg_cdr_from_json(json, NULL, &back, NULL) != WCHG_OK ||
        wchg_cdr_encode(back, buf, sizeof buf, &len, NULL) != WCHG_OK ||
        len != j->ref_len || memcmp(buf, j->ref, len))
      j->failures++;
    json_decref(json);
    wchg_cdr_free(back);
    wchg_cdr_free(c);
  }
  return NULL;
}

START_TEST(concurrent_use) {
  wchg_cdr h3, h4;
  size_t n3, n4;
  sample_h3(&h3);
  sample_h4(&h4);
  uint8_t *b3 = test_encode(&h3, &n3), *b4 = test_encode(&h4, &n4);
  pthread_t t[CODEC_THREADS];
  struct job jobs[CODEC_THREADS];
  for (int i = 0; i < CODEC_THREADS; i++) {
    jobs[i] = (struct job){i % 2 ? b4 : b3, i % 2 ? n4 : n3, 0};
    ck_assert_int_eq(pthread_create(&t[i], NULL, work, &jobs[i]), 0);
  }
  for (int i = 0; i < CODEC_THREADS; i++) {
    pthread_join(t[i], NULL);
    ck_assert_int_eq(jobs[i].failures, 0);
  }
  free(b3);
  free(b4);
}
END_TEST

/* ======================================================================
 * every_kind_at_once
 * ====================================================================== */

enum { THREADS = 4, ROUNDS = 25 };

/* What every kind reads and no thread writes: made before the threads. */
struct shared {
  uint8_t *der[3];             /* sample_h3, sample_h4, sample_full (DER) */
  size_t der_len[3];
  uint8_t acr[4096], ccr[4096];/* sample_acr, sample_ccr */
  size_t acr_len, ccr_len;
  char offer[16384], answer[16384], answer_hold[16384]; /* browser SDP */
  wchg_ctf_reg *reg;           /* registered once; read by every CTF */
};

/* One run of one kind: the digest of its outputs, and how many steps did
 * not give the status expected (the first one named). */
struct run {
  uint64_t h;
  unsigned bad;
  const char *first_bad;
  wchg_status got, want; /* of the first bad step */
};

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static void mix(struct run *r, const void *p, size_t n) {
  const uint8_t *b = p;
  for (size_t i = 0; i < n; i++)
    r->h = (r->h ^ b[i]) * FNV_PRIME;
}
static void mix_u(struct run *r, uint64_t v) { mix(r, &v, sizeof v); }
static void mix_s(struct run *r, wchg_str s) {
  mix_u(r, s.ptr != NULL);
  mix_u(r, s.len);
  if (s.ptr)
    mix(r, s.ptr, s.len);
}
static void mix_o(struct run *r, wchg_octets o) {
  mix_s(r, (wchg_str){(const char *)o.ptr, o.len});
}
static void mix_opt(struct run *r, wchg_opt_int o) {
  mix_u(r, o.present);
  mix_u(r, (uint64_t)o.value);
}
static void mix_diag(struct run *r, const wchg_diag *d) {
  mix_u(r, (uint64_t)d->code);
  mix_u(r, d->offset);
  mix_u(r, d->result_code);
  mix(r, d->path, strnlen(d->path, sizeof d->path));
  mix(r, d->message, strnlen(d->message, sizeof d->message));
}

/* A step: its status (and diagnostic when not OK) into the digest; a
 * status other than |want| counted as bad. */
static void step(struct run *r, const char *what, wchg_status got, wchg_status want,
                 const wchg_diag *d) {
  mix_u(r, (uint64_t)got);
  if (got != WCHG_OK && d)
    mix_diag(r, d);
  if (got != want && !r->bad++) {
    r->first_bad = what;
    r->got = got;
    r->want = want;
  }
}
static void check(struct run *r, const char *what, bool ok) {
  mix_u(r, ok);
  if (!ok && !r->bad++)
    r->first_bad = what;
}

/* d is a local wchg_diag of the caller, zeroed before each call. */
#define STEP(r, what, want, call)                                              \
  do {                                                                         \
    memset(&d, 0, sizeof d);                                                   \
    step(r, what, (call), want, &d);                                           \
  } while (0)

/* ---- CTF (ctf.h, ctf_aca.h) ------------------------------------------- */

#define T0 1795510800000LL /* 2026-11-24T09:00:00Z */
#define IMPI "alice@home.example"
#define IMPU "sip:alice@home.example"
#define BOB "sip:bob@home-b.example"
#define AUTH_H3                                                                \
  "Digest username=\"" IMPI "\", realm=\"home.example\", uri=\"sip:home.example\", " \
  "nonce=\"\", response=\"\", integrity-protected=\"auth-done\", "            \
  "authorization-entity=\"waf.webrtc.example\""
#define PANI "IEEE-802.11; i-wlan-node-id=ffffff, 3GPP-E-UTRAN-FDD; network-provided; utran-cell-id-3gpp=2344206BC0001B1"
#define PCV_REQ "icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\"; icid-generated-at=192.0.2.1; orig-ioi=visited.example; transit-ioi=\"t1.1, t2.2\""
#define PCV_RESP "icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\"; orig-ioi=visited.example; term-ioi=home-b.example"

static const wchg_ctf_config CTF_CFG = {
    .origin_host = WCHG_STR("epcscf1.visited.example"),
    .origin_realm = WCHG_STR("visited.example"),
    .destination_realm = WCHG_STR("home.example"),
    .destination_host = WCHG_STR("cdf1.home.example"),
    .origin_state_id = {true, 7},
    .acct_interim_interval = {true, 300},
    .ims_visited_network_identifier = WCHG_STR("visited.example"),
};

static const wchg_str PAI_ALICE[] = {WCHG_STR(IMPU), WCHG_STR("tel:+15551230001")};
static const wchg_str PAI_BOB[] = {WCHG_STR(BOB)};
static const wchg_str ASSOC[] = {WCHG_STR(IMPU), WCHG_STR("tel:+15551230001")};
static const wchg_str REASON[] = {WCHG_STR("Q.850;cause=16;text=\"Terminated\"")};

static wchg_sip_event sip_ev(const char *method, int status, int64_t t, const char *call_id,
                             const char *from) {
  wchg_sip_event e;
  memset(&e, 0, sizeof e);
  e.time_ms = t;
  e.method = wchg_str_from(method);
  e.status_code = status;
  e.call_id = wchg_str_from(call_id);
  e.from = wchg_str_from(from);
  return e;
}

static wchg_register_event reg_event(int64_t t) {
  wchg_register_event r;
  memset(&r, 0, sizeof r);
  r.request = sip_ev("REGISTER", 0, t, "reg-1@wic.example", "<" IMPU ">;tag=r1");
  r.request.request_uri = WCHG_STR("sip:home.example");
  r.request.charging_vector = WCHG_STR(PCV_REQ);
  r.request.access_network_info = WCHG_STR(PANI);
  r.request.served_party_ip = WCHG_STR("2001:db8::1");
  r.request.expires = WCHG_INT(600000);
  r.response = sip_ev("REGISTER", 200, t + 40, "reg-1@wic.example", "<" IMPU ">;tag=r1");
  r.response.charging_vector = WCHG_STR(PCV_RESP);
  r.response.expires = WCHG_INT(600);
  r.flavour = WCHG_REG_WEBRTC_H3;
  r.impu = WCHG_STR(IMPU);
  r.authorization = WCHG_STR(AUTH_H3);
  r.wwsf = WCHG_STR("wwsf.webrtc.example");
  r.instance_id = WCHG_STR("<urn:uuid:00000000-0000-1000-8000-000A95A0E128>");
  r.associated_uri = ASSOC;
  r.associated_uri_count = 2;
  return r;
}

/* The ACA our CDF would write for |acr|: |result|, an interval when
 * |ival| >= 0. Returns its length (0 when it could not be written). */
static size_t aca_for(struct run *r, const uint8_t *acr, size_t n, uint32_t result, int64_t ival,
                      uint8_t *out, size_t cap) {
  wchg_aca a;
  wchg_diag d;
  size_t len = 0;
  STEP(r, "aca_from_acr", WCHG_OK, wchg_aca_from_acr(acr, n, NULL, &a));
  a.result_code = result;
  a.error_bit = result / 1000 == 3;
  a.origin_host = WCHG_STR("cdf1.home.example");
  a.origin_realm = WCHG_STR("home.example");
  if (ival >= 0)
    a.acct_interim_interval = WCHG_INT(ival);
  STEP(r, "aca_encode", WCHG_OK, wchg_aca_encode(&a, out, cap, &len, &d));
  mix(r, out, len);
  return len;
}

static void mix_answer(struct run *r, const wchg_ctf_answer *a) {
  mix_u(r, (uint64_t)a->verdict);
  mix_u(r, a->result_code);
  mix_u(r, a->experimental_result_code);
  mix_u(r, a->error_bit);
  mix_u(r, a->hop_by_hop);
  mix_u(r, a->end_to_end);
  mix_s(r, a->session_id);
  mix_s(r, a->origin_host);
  mix_u(r, (uint64_t)a->accounting_record_type);
  mix_u(r, a->accounting_record_number);
  mix_opt(r, a->acct_interim_interval);
  mix_u(r, a->resends);
  mix_u(r, a->resend_len);
  if (a->resend)
    mix(r, a->resend, a->resend_len);
}

/* The record's ACR: its type, its bytes and its warnings. */
static void mix_record(struct run *r, const char *what, wchg_ctf_record *rec, int32_t want_type) {
  uint8_t buf[16384];
  size_t len = 0;
  wchg_diag d;
  const wchg_acr *a = wchg_ctf_record_acr(rec);
  const wchg_warnings *w = wchg_ctf_record_warnings(rec);
  check(r, what, a->accounting_record_type == want_type);
  mix_u(r, w->count);
  for (size_t i = 0; i < w->count && i < w->cap; i++)
    mix_diag(r, &w->items[i]);
  if (want_type == WCHG_ACR_NONE)
    return;
  STEP(r, what, WCHG_OK, wchg_acr_encode(a, buf, sizeof buf, &len, &d));
  mix(r, buf, len);
}

/* Send the session's record, keep a copy of the bytes in |copy|. */
static size_t session_send(struct run *r, wchg_ctf_session *s, wchg_ctf_record *rec, uint32_t e2e,
                           uint8_t *copy, size_t cap) {
  wchg_acr *a = wchg_ctf_record_acr(rec);
  const uint8_t *msg = NULL;
  size_t len = 0;
  wchg_diag d;
  a->hop_by_hop = e2e + 1000;
  a->end_to_end = e2e;
  STEP(r, "session_send", WCHG_OK, wchg_ctf_session_send(s, a, &msg, &len, &d));
  if (!msg || len > cap)
    return 0;
  memcpy(copy, msg, len);
  mix(r, copy, len);
  return len;
}

/* Send, answer with |result| (and an interval when >= 0). */
static void send_answer(struct run *r, wchg_ctf_session *s, wchg_ctf_record *rec, uint32_t e2e,
                        uint32_t result, int64_t ival, wchg_ctf_verdict want) {
  uint8_t acr[16384], aca[1024];
  wchg_ctf_answer ans;
  wchg_diag d;
  size_t n = session_send(r, s, rec, e2e, acr, sizeof acr);
  size_t m = aca_for(r, acr, n, result, ival, aca, sizeof aca);
  STEP(r, "session_answer", WCHG_OK, wchg_ctf_session_answer(s, aca, m, &ans, &d));
  check(r, "verdict", ans.verdict == want);
  mix_answer(r, &ans);
}

static void kind_ctf(const struct shared *sh, struct run *r) {
  wchg_ctf_record *rec = wchg_ctf_record_new(NULL);
  wchg_ctf_reg *reg = wchg_ctf_reg_new(&CTF_CFG);
  wchg_ctf_pending *pend = wchg_ctf_pending_new(NULL, 4);
  wchg_ctf_session *s = wchg_ctf_session_new(&CTF_CFG), *t = wchg_ctf_session_new(&CTF_CFG);
  wchg_register_event re = reg_event(T0 - 60000);
  wchg_ctf_reg_info info;
  wchg_ctf_answer ans;
  wchg_diag d;
  const uint8_t *msg;
  size_t len;
  uint8_t acr[16384], aca[1024], ccr[8192];
  const char *from = "<" IMPU ">;tag=1928301774", *call = "thr-call-1@wic.example";
  check(r, "new", rec && reg && pend && s && t);
  if (!(rec && reg && pend && s && t))
    goto out;

  /* a registration of its own: the EVENT, tracked and answered */
  STEP(r, "register", WCHG_OK, wchg_ctf_register(reg, &re, 1, rec, &d));
  mix_record(r, "register", rec, WCHG_ACR_EVENT);
  STEP(r, "reg_get", WCHG_OK, wchg_ctf_reg_get(reg, &info));
  mix_s(r, info.impi);
  mix_s(r, info.waf);
  mix_s(r, info.wwsf);
  mix_u(r, (uint64_t)info.expires_at_ms);
  STEP(r, "pending_send", WCHG_OK,
       wchg_ctf_pending_send(pend, wchg_ctf_record_acr(rec), &msg, &len, &d));
  memcpy(acr, msg, len);
  size_t m = aca_for(r, acr, len, 2001, -1, aca, sizeof aca);
  STEP(r, "pending_answer", WCHG_OK, wchg_ctf_pending_answer(pend, aca, m, &ans, &d));
  mix_answer(r, &ans);

  /* an originating call: START, an ACA's interval, a tick, a timeout and
   * its resend, a media change, STOP */
  wchg_sip_event inv = sip_ev("INVITE", 0, T0, call, from);
  inv.request_uri = WCHG_STR(BOB);
  inv.asserted_identity = PAI_ALICE;
  inv.asserted_identity_count = 2;
  inv.charging_vector = WCHG_STR(PCV_REQ);
  inv.access_network_info = WCHG_STR(PANI);
  inv.served_party_ip = WCHG_STR("198.51.100.1");
  inv.sdp = wchg_str_from(sh->offer);
  inv.icsi = WCHG_STR("urn:urn-7:3gpp-service.ims.icsi.mmtel");
  STEP(r, "begin", WCHG_OK,
       wchg_ctf_session_begin(s, reg, WCHG_ROLE_ORIGINATING, (7ull << 32) | 2, &inv, rec, &d));
  mix_record(r, "begin", rec, WCHG_ACR_NONE);
  wchg_sip_event ok = sip_ev("INVITE", 200, T0 + 5000, call, from);
  ok.asserted_identity = PAI_BOB;
  ok.asserted_identity_count = 1;
  ok.charging_vector = WCHG_STR(PCV_RESP);
  ok.sdp = wchg_str_from(sh->answer);
  STEP(r, "200", WCHG_OK, wchg_ctf_session_event(s, &ok, rec, &d));
  mix_record(r, "START", rec, WCHG_ACR_START);
  send_answer(r, s, rec, 1, 2001, 60, WCHG_CTF_DONE);
  /* the session's IMS-Information as a CCR-I of the IMS-GWF */
  STEP(r, "session_info", WCHG_OK, wchg_ctf_session_info(s, T0 + 5500, rec, &d));
  wchg_ccr c;
  wchg_ccr_init(&c, WCHG_NODE_S_CSCF);
  c.session_id = WCHG_STR("scscf1.home.example;1;42;ro");
  c.origin_host = WCHG_STR("scscf1.home.example");
  c.origin_realm = WCHG_STR("home.example");
  c.destination_realm = WCHG_STR("ocs.home.example");
  c.cc_request_type = WCHG_CC_INITIAL;
  c.ims = wchg_ctf_record_acr(rec)->ims;
  STEP(r, "info_ccr", WCHG_OK, wchg_ccr_encode(&c, ccr, sizeof ccr, &len, &d));
  mix(r, ccr, len);
  STEP(r, "ACK", WCHG_OK,
       wchg_ctf_session_event(s, &(wchg_sip_event){.time_ms = T0 + 5100,
                                                    .method = WCHG_STR("ACK"),
                                                    .call_id = wchg_str_from(call),
                                                    .from = wchg_str_from(from)},
                              rec, &d));
  mix_record(r, "ACK", rec, WCHG_ACR_NONE);
  STEP(r, "tick early", WCHG_OK, wchg_ctf_session_tick(s, T0 + 30000, rec, &d));
  mix_record(r, "tick early", rec, WCHG_ACR_NONE);
  STEP(r, "tick", WCHG_OK, wchg_ctf_session_tick(s, T0 + 65000, rec, &d));
  mix_record(r, "INTERIM tick", rec, WCHG_ACR_INTERIM);
  len = session_send(r, s, rec, 2, acr, sizeof acr);
  STEP(r, "timeout", WCHG_OK,
       wchg_ctf_session_timeout(s, wchg_ctf_session_record_number(s), &ans, &d));
  check(r, "timeout verdict", ans.verdict == WCHG_CTF_FAILOVER);
  mix_answer(r, &ans);
  m = aca_for(r, ans.resend, ans.resend_len, 4002, -1, aca, sizeof aca);
  STEP(r, "answer 4002", WCHG_OK, wchg_ctf_session_answer(s, aca, m, &ans, &d));
  check(r, "4002 verdict", ans.verdict == WCHG_CTF_FAILOVER);
  mix_answer(r, &ans);
  m = aca_for(r, acr, len, 2001, -1, aca, sizeof aca);
  STEP(r, "answer resend", WCHG_OK, wchg_ctf_session_answer(s, aca, m, &ans, &d));
  mix_answer(r, &ans);
  STEP(r, "answer twice", WCHG_E_DUPLICATE, wchg_ctf_session_answer(s, aca, m, &ans, &d));
  /* a re-INVITE puts the video on hold: INTERIM */
  wchg_sip_event re_inv = sip_ev("INVITE", 0, T0 + 90000, call, from);
  re_inv.sdp = wchg_str_from(sh->offer);
  STEP(r, "re-INVITE", WCHG_OK, wchg_ctf_session_event(s, &re_inv, rec, &d));
  wchg_sip_event re_ok = sip_ev("INVITE", 200, T0 + 90200, call, from);
  re_ok.sdp = wchg_str_from(sh->answer_hold);
  STEP(r, "re-INVITE 200", WCHG_OK, wchg_ctf_session_event(s, &re_ok, rec, &d));
  mix_record(r, "INTERIM media", rec, WCHG_ACR_INTERIM);
  send_answer(r, s, rec, 3, 2001, -1, WCHG_CTF_DONE);
  wchg_sip_event bye = sip_ev("BYE", 0, T0 + 120000, call, from);
  bye.reason = REASON;
  bye.reason_count = 1;
  STEP(r, "BYE", WCHG_OK, wchg_ctf_session_event(s, &bye, rec, &d));
  mix_record(r, "STOP", rec, WCHG_ACR_STOP);
  send_answer(r, s, rec, 4, 5012, -1, WCHG_CTF_FAILED);
  mix_u(r, wchg_ctf_session_outstanding(s));
  mix_u(r, (uint64_t)wchg_ctf_session_state(s));

  /* a terminating call to the shared registration, refused: its EVENT */
  wchg_sip_event tinv = sip_ev("INVITE", 0, T0 + 1000, "thr-call-2@b.example",
                               "<" BOB ">;tag=b1");
  tinv.called_party_id = WCHG_STR(IMPU);
  tinv.asserted_identity = PAI_BOB;
  tinv.asserted_identity_count = 1;
  tinv.charging_vector = WCHG_STR(PCV_REQ);
  tinv.sdp = wchg_str_from(sh->offer);
  STEP(r, "begin shared", WCHG_OK,
       wchg_ctf_session_begin(t, sh->reg, WCHG_ROLE_TERMINATING, 3, &tinv, rec, &d));
  wchg_sip_event busy = sip_ev("INVITE", 486, T0 + 3000, "thr-call-2@b.example",
                               "<" BOB ">;tag=b1");
  STEP(r, "486", WCHG_OK, wchg_ctf_session_event(t, &busy, rec, &d));
  mix_record(r, "EVENT 486", rec, WCHG_ACR_EVENT);
  len = session_send(r, t, rec, 5, acr, sizeof acr);
  STEP(r, "timeout 486", WCHG_OK, wchg_ctf_session_timeout(t, 0, &ans, &d));
  mix_answer(r, &ans);
  STEP(r, "drop", WCHG_OK, wchg_ctf_session_drop(t, 0));
  wchg_ctf_session_reset(t);

  /* a MESSAGE of the shared registration */
  wchg_sip_event mreq = sip_ev("MESSAGE", 0, T0 + 2000, "thr-msg-1@wic.example", from);
  mreq.request_uri = WCHG_STR(BOB);
  mreq.content_type = WCHG_STR("text/plain");
  mreq.content_length = WCHG_INT(5);
  mreq.access_network_info = WCHG_STR(PANI);
  wchg_sip_event mresp = sip_ev("MESSAGE", 200, T0 + 2100, "thr-msg-1@wic.example", from);
  STEP(r, "standalone", WCHG_OK,
       wchg_ctf_standalone(&CTF_CFG, sh->reg, WCHG_ROLE_ORIGINATING, 4, &mreq, &mresp, rec, &d));
  mix_record(r, "MESSAGE", rec, WCHG_ACR_EVENT);
  STEP(r, "pending_send 2", WCHG_OK,
       wchg_ctf_pending_send(pend, wchg_ctf_record_acr(rec), &msg, &len, &d));
  memcpy(acr, msg, len);
  STEP(r, "pending_timeout", WCHG_OK,
       wchg_ctf_pending_timeout(pend, wchg_ctf_record_acr(rec)->session_id, &ans, &d));
  mix_answer(r, &ans);
  m = aca_for(r, acr, len, 3004, -1, aca, sizeof aca);
  STEP(r, "aca_read", WCHG_OK, wchg_ctf_aca_read(aca, m, &ans, &d));
  mix_answer(r, &ans);
  STEP(r, "pending_answer 3004", WCHG_OK, wchg_ctf_pending_answer(pend, aca, m, &ans, &d));
  mix_answer(r, &ans);
  mix_u(r, wchg_ctf_pending_outstanding(pend));
  char sid[128];
  STEP(r, "session_id", WCHG_OK,
       wchg_ctf_session_id(&CTF_CFG, (5ull << 32) | 6, sid, sizeof sid, &len));
  mix(r, sid, len);
out:
  wchg_ctf_session_free(s);
  wchg_ctf_session_free(t);
  wchg_ctf_pending_free(pend);
  wchg_ctf_reg_free(reg);
  wchg_ctf_record_free(rec);
}

/* ---- CDF (cdf.h) ------------------------------------------------------ */

/* test_cdf.c's failover script: sessions opened, a duplicate, a lost
 * START, a management close, partials, expiry, STOPs, EVENTs. */
struct op {
  char kind; /* 'a' ACR, 'e' expire, 'm' management close */
  unsigned session;
  int type;
  uint32_t number;
  int64_t t;
  bool sdp;
};

#define C0 1700000000000LL
static const struct op SCRIPT[] = {
    {'a', 1, WCHG_ACR_START, 0, C0, true},
    {'a', 2, WCHG_ACR_START, 0, C0 + 1000, true},
    {'a', 3, WCHG_ACR_EVENT, 0, C0 + 1500, false},
    {'a', 1, WCHG_ACR_INTERIM, 1, C0 + 20000, true},
    {'a', 1, WCHG_ACR_INTERIM, 1, C0 + 20000, true}, /* duplicate */
    {'a', 4, WCHG_ACR_INTERIM, 2, C0 + 21000, true}, /* START lost */
    {'m', 2, 0, 0, C0 + 30000, false},
    {'a', 2, WCHG_ACR_INTERIM, 1, C0 + 40000, true},
    {'a', 1, WCHG_ACR_INTERIM, 3, C0 + 70000, true}, /* gap, time limit */
    {'e', 0, 0, 0, C0 + 130000, false},
    {'a', 5, WCHG_ACR_START, 0, C0 + 131000, true},
    {'a', 2, WCHG_ACR_STOP, 2, C0 + 140000, false},
    {'a', 6, WCHG_ACR_EVENT, 0, C0 + 141000, false},
    {'a', 1, WCHG_ACR_STOP, 4, C0 + 150000, false},
    {'a', 2, WCHG_ACR_STOP, 2, C0 + 140000, false}, /* duplicate after close */
    {'e', 0, 0, 0, C0 + 200000, false},
    {'a', 5, WCHG_ACR_INTERIM, 1, C0 + 201000, true},
    {'e', 0, 0, 0, C0 + 900000, false},
};
#define NSCRIPT (sizeof SCRIPT / sizeof SCRIPT[0])

static wchg_cdf_config cdf_config(void) {
  wchg_cdf_config c;
  memset(&c, 0, sizeof c);
  c.utc_offset_minutes = 60;
  c.duplicate_memory = 64;
  c.first_local_record_sequence_number = 100;
  c.origin_host = WCHG_STR("cdf1.home.example");
  c.origin_realm = WCHG_STR("home.example");
  c.max_record_duration_ms = 60000;
  c.max_media_changes = 3;
  c.session_timeout_ms = 300000;
  return c;
}

static void cdf_op(struct run *r, wchg_cdf *c, const struct op *o) {
  struct fx f;
  char sid[64];
  unsigned closed = 0;
  wchg_cdf_result res;
  wchg_diag d;
  switch (o->kind) {
  case 'e':
    STEP(r, "expire", WCHG_OK, wchg_cdf_expire(c, o->t, &closed));
    mix_u(r, closed);
    break;
  case 'm':
    STEP(r, "close_session", WCHG_OK,
         wchg_cdf_close_session(c, wchg_str_from(sid_of(o->session, sid, sizeof sid)), o->t));
    break;
  default:
    memset(&res, 0, sizeof res);
    STEP(r, "feed", WCHG_OK,
         wchg_cdf_feed(c, fx_make(&f, o->session, o->type, o->number, o->t, o->sdp, true), o->t,
                       &res, &d));
    mix_u(r, res.result_code);
    mix_u(r, res.duplicate);
    mix_u(r, res.cdrs);
  }
}

/* Every queued CDR into the digest (and decoded: each must decode). */
static void cdf_drain(struct run *r, wchg_cdf *c) {
  const uint8_t *der;
  size_t len;
  wchg_diag d;
  mix_u(r, wchg_cdf_pending(c));
  while (wchg_cdf_peek(c, &der, &len) == WCHG_OK) {
    wchg_cdr *cdr = NULL;
    mix(r, der, len);
    STEP(r, "CDR decode", WCHG_OK, wchg_cdr_decode(der, len, NULL, &cdr, NULL, &d));
    wchg_cdr_free(cdr);
    wchg_cdf_pop(c);
  }
}

static uint8_t *cdf_export(struct run *r, const wchg_cdf *c, size_t *len) {
  size_t need = 0;
  wchg_diag d;
  STEP(r, "export measure", WCHG_E_BUFFER, wchg_cdf_export(c, NULL, 0, &need));
  uint8_t *buf = malloc(need ? need : 1);
  *len = 0;
  if (!buf)
    return NULL;
  STEP(r, "export", WCHG_OK, wchg_cdf_export(c, buf, need, len));
  mix(r, buf, *len);
  return buf;
}

static void kind_cdf(const struct shared *sh, struct run *r) {
  wchg_cdf_config cfg = cdf_config();
  wchg_cdf *a = wchg_cdf_new(&cfg), *b = wchg_cdf_new(&cfg);
  wchg_cdf_stats st;
  wchg_cdf_result res;
  wchg_diag d;
  uint8_t aca[1024];
  size_t aca_len = 0, slen = 0, slen2 = 0;
  check(r, "cdf_new", a && b);
  if (!a || !b)
    goto out;
  for (size_t i = 0; i < NSCRIPT / 2; i++)
    cdf_op(r, a, &SCRIPT[i]);
  /* half of the queue taken before the failover, the rest travels */
  for (size_t k = wchg_cdf_pending(a) / 2; k > 0; k--) {
    const uint8_t *der;
    size_t len;
    STEP(r, "peek", WCHG_OK, wchg_cdf_peek(a, &der, &len));
    mix(r, der, len);
    wchg_cdf_pop(a);
  }
  uint8_t *state = cdf_export(r, a, &slen);
  STEP(r, "import", WCHG_OK, wchg_cdf_import(b, state, slen, &d));
  STEP(r, "import twice", WCHG_E_STATE, wchg_cdf_import(b, state, slen, &d));
  uint8_t *state2 = cdf_export(r, b, &slen2);
  check(r, "same state", slen == slen2 && state && state2 && !memcmp(state, state2, slen));
  free(state);
  free(state2);
  for (size_t i = NSCRIPT / 2; i < NSCRIPT; i++)
    cdf_op(r, b, &SCRIPT[i]);
  /* the whole step for ACR bytes: decode, fold, the ACA */
  memset(&res, 0, sizeof res);
  STEP(r, "feed_bytes", WCHG_OK,
       wchg_cdf_feed_bytes(b, sh->acr, sh->acr_len, T0 + 5000, aca, sizeof aca, &aca_len, &res,
                           &d));
  mix(r, aca, aca_len);
  mix_u(r, res.result_code);
  STEP(r, "feed_bytes again", WCHG_OK,
       wchg_cdf_feed_bytes(b, sh->acr, sh->acr_len, T0 + 5001, aca, sizeof aca, &aca_len, &res,
                           &d));
  mix(r, aca, aca_len);
  mix_u(r, res.duplicate);
  const wchg_acr *last = wchg_cdf_last_acr(b);
  check(r, "last_acr", last != NULL);
  if (last)
    mix_s(r, last->session_id);
  STEP(r, "feed_bytes CCR", WCHG_E_RANGE,
       wchg_cdf_feed_bytes(b, sh->ccr, sh->ccr_len, T0 + 5002, aca, sizeof aca, &aca_len, &res,
                           &d));
  mix(r, aca, aca_len);
  STEP(r, "expire all", WCHG_OK, wchg_cdf_expire(b, T0 + 3600000, NULL));
  cdf_drain(r, a);
  cdf_drain(r, b);
  STEP(r, "stats", WCHG_OK, wchg_cdf_stats_get(b, &st));
  mix_u(r, st.open_sessions);
  mix_u(r, st.acrs);
  mix_u(r, st.folded);
  mix_u(r, st.duplicates);
  mix_u(r, st.rejected);
  mix_u(r, st.cdrs);
  mix_u(r, st.lost);
  mix_u(r, st.bytes_in_use);
out:
  wchg_cdf_free(a);
  wchg_cdf_free(b);
}

/* ---- Ro (ro.h) -------------------------------------------------------- */

/* A CCA answering |act|: per MSCC of it the group's Rating-Group with a
 * grant of |gsu| seconds (0: none) and a threshold; |units| for ECUR. */
static size_t ro_cca(const wchg_credit *c, const wchg_credit_action *act, uint32_t gsu,
                     uint64_t units, uint8_t *buf, size_t cap) {
  static const char sid[] = "imsgwf1.ims.example.com;1795510800;7;h3-call";
  wchg_dwriter w;
  size_t len = 0;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL, WCHG_APP_CREDIT_CONTROL,
                 0x01020304, 0x05060708 + act->cc_request_number);
  wchg_dw_utf8(&w, 263, 0, sid, sizeof sid - 1);
  wchg_dw_u32(&w, 268, 0, 2001);
  wchg_dw_octets(&w, 264, 0, "ocs1.ims.example.com", 20);
  wchg_dw_octets(&w, 296, 0, "ims.example.com", 15);
  wchg_dw_u32(&w, 258, 0, 4);
  wchg_dw_i32(&w, 416, 0, act->send);
  wchg_dw_u32(&w, 415, 0, act->cc_request_number);
  for (size_t i = 0; act->send != WCHG_CC_TERMINATION && i < act->n_mscc; i++) {
    const wchg_credit_group *g = &c->groups[act->mscc[i].group];
    wchg_dw_group_begin(&w, 456, 0);
    if (gsu || units) {
      wchg_dw_group_begin(&w, 431, 0);
      if (gsu)
        wchg_dw_u32(&w, 420, 0, gsu);
      if (units)
        wchg_dw_u64(&w, 417, 0, units);
      wchg_dw_group_end(&w);
    }
    if (g->service_identifier.present)
      wchg_dw_u32(&w, 439, 0, (uint32_t)g->service_identifier.value);
    if (g->rating_group.present)
      wchg_dw_u32(&w, 432, 0, (uint32_t)g->rating_group.value);
    wchg_dw_u32(&w, 448, 0, 600);
    wchg_dw_u32(&w, 268, 0, 2001);
    if (gsu)
      wchg_dw_u32(&w, 868, 10415, 10);
    wchg_dw_group_end(&w);
  }
  if (act->send == WCHG_CC_INITIAL) {
    wchg_dw_group_begin(&w, 423, 0);
    wchg_dw_group_begin(&w, 445, 0);
    wchg_dw_i64(&w, 447, 0, 125);
    wchg_dw_i32(&w, 429, 0, -2);
    wchg_dw_group_end(&w);
    wchg_dw_u32(&w, 425, 0, 978);
    wchg_dw_utf8(&w, 424, 0, "EUR", 3);
    wchg_dw_group_end(&w);
  }
  return wchg_dw_finish(&w, &len) == WCHG_OK ? len : 0;
}

static void mix_action(struct run *r, const wchg_credit *c, const wchg_credit_action *act) {
  mix_u(r, (uint64_t)act->send);
  mix_u(r, act->cc_request_number);
  mix_u(r, act->n_mscc);
  for (size_t i = 0; i < act->n_mscc; i++) {
    const wchg_credit_report *m = &act->mscc[i];
    mix_u(r, m->group);
    mix_u(r, m->request);
    mix_opt(r, m->reporting_reason);
    mix_u(r, m->reason_in_usu);
    mix_opt(r, m->used_seconds);
    mix_opt(r, m->used_units);
  }
  mix_u(r, (uint64_t)act->service);
  mix_u(r, (uint64_t)act->next_tick_ms);
  mix_u(r, (uint64_t)c->state);
  for (size_t i = 0; i < c->n_groups; i++) {
    mix_u(r, (uint64_t)c->groups[i].state);
    mix_u(r, (uint64_t)c->groups[i].service);
  }
}

static void mix_cca(struct run *r, const wchg_cca *a) {
  mix_u(r, a->result_code);
  mix_u(r, (uint64_t)a->cc_request_type);
  mix_u(r, a->cc_request_number);
  mix_s(r, a->session_id);
  mix_s(r, a->origin_host);
  mix_u(r, a->cost_information.present);
  mix_u(r, (uint64_t)a->cost_information.value_digits);
  mix_s(r, a->cost_information.cost_unit);
  mix_u(r, a->n_mscc);
  for (size_t i = 0; i < a->n_mscc; i++) {
    const wchg_cca_mscc *m = &a->mscc[i];
    mix_opt(r, m->result_code);
    mix_u(r, m->granted_service_unit.present);
    mix_opt(r, m->granted_service_unit.cc_time);
    mix_u(r, m->granted_service_unit.cc_service_specific_units);
    mix_opt(r, m->rating_group);
    mix_opt(r, m->validity_time);
    mix_opt(r, m->time_quota_threshold);
  }
}

/* Send the CCR |act| asks for (encoded, read back strictly), answer it
 * with a CCA (written, parsed), feed that to |c| at |now|. */
static void ro_exchange(struct run *r, wchg_credit *c, wchg_credit_action *act, int64_t now,
                        uint32_t gsu, uint64_t units) {
  wchg_ccr ccr;
  wchg_mscc ms[WCHG_CREDIT_MAX_GROUPS];
  wchg_service_unit usu[WCHG_CREDIT_MAX_GROUPS];
  uint8_t buf[8192];
  size_t len = 0;
  wchg_dmsg msg;
  wchg_cca cca;
  wchg_diag d;
  mix_action(r, c, act);
  if (!act->send)
    return;
  ro_ccr_base(&ccr, 0, 0);
  STEP(r, "fill_ccr", WCHG_OK,
       wchg_credit_fill_ccr(c, act, &ccr, ms, usu, WCHG_CREDIT_MAX_GROUPS));
  STEP(r, "ccr_encode", WCHG_OK, wchg_ccr_encode(&ccr, buf, sizeof buf, &len, &d));
  mix(r, buf, len);
  STEP(r, "ccr parse", WCHG_OK, wchg_dmsg_parse(buf, len, 0, &msg, &d));
  len = ro_cca(c, act, gsu, units, buf, sizeof buf);
  check(r, "cca written", len > 0);
  mix(r, buf, len);
  STEP(r, "cca_parse", WCHG_OK, wchg_cca_parse(buf, len, &cca, &d));
  mix_cca(r, &cca);
  STEP(r, "on_cca", WCHG_OK, wchg_credit_on_cca(c, &cca, now, act));
  mix_action(r, c, act);
}

static void kind_ro(const struct shared *sh, struct run *r) {
  wchg_credit c;
  wchg_credit_action act;
  wchg_diag d;
  size_t idx = 0;
  (void)sh;
  /* a session with audio and video charged apart */
  wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1), 60);
  STEP(r, "add_group", WCHG_OK,
       wchg_credit_add_group(&c, WCHG_INT(200), WCHG_INT(2), 30, T0, &idx, &act));
  mix_u(r, idx);
  STEP(r, "begin", WCHG_OK, wchg_credit_begin(&c, T0, &act));
  ro_exchange(r, &c, &act, T0 + 150, 60, 0);
  STEP(r, "answered", WCHG_OK, wchg_credit_answered(&c, T0 + 2000, &act));
  mix_action(r, &c, &act);
  for (int64_t t = T0 + 5000; t < T0 + 200000; t += 7000) {
    STEP(r, "tick", WCHG_OK, wchg_credit_tick(&c, t, &act));
    ro_exchange(r, &c, &act, t + 120, 60, 0);
    if (t == T0 + 96000) {
      STEP(r, "media_change", WCHG_OK, wchg_credit_media_change(&c, t + 500, &act));
      ro_exchange(r, &c, &act, t + 600, 60, 0);
    }
  }
  STEP(r, "group_end", WCHG_OK, wchg_credit_group_end(&c, idx, T0 + 205000, &act));
  ro_exchange(r, &c, &act, T0 + 205100, 60, 0);
  STEP(r, "end", WCHG_OK, wchg_credit_end(&c, T0 + 210000, WCHG_TC_LOGOUT, &act));
  ro_exchange(r, &c, &act, T0 + 210100, 0, 0);
  STEP(r, "end again", WCHG_OK, wchg_credit_end(&c, T0 + 211000, WCHG_TC_LOGOUT, &act));
  mix_action(r, &c, &act);
  /* ECUR: one MESSAGE, a unit reserved, then used */
  wchg_credit_init_event(&c, WCHG_INT(300), WCHG_INT(3), 1);
  STEP(r, "event begin", WCHG_OK, wchg_credit_begin(&c, T0, &act));
  ro_exchange(r, &c, &act, T0 + 80, 0, 1);
  STEP(r, "event_done", WCHG_OK, wchg_credit_event_done(&c, T0 + 300, true, &act));
  ro_exchange(r, &c, &act, T0 + 400, 0, 0);
}

/* ---- Diameter (diameter.h, dict.h, acr.h, aca.h) ----------------------- */

static void mix_avps(struct run *r, const wchg_dmsg *m, const wchg_avp *group, int depth) {
  wchg_avp_iter it;
  wchg_avp a;
  wchg_avp_iter_group(&it, m, group);
  while (wchg_avp_next(&it, &a)) {
    mix_u(r, a.code);
    mix_u(r, a.vendor);
    mix_u(r, a.flags);
    mix_u(r, a.offset);
    mix(r, a.data, a.len);
    if (a.dict) {
      mix(r, a.dict->name, strlen(a.dict->name));
      if (a.dict->type == WCHG_AVP_GROUPED && depth < WCHG_DIAM_MAX_DEPTH)
        mix_avps(r, m, &a, depth + 1);
      if (a.dict->type == WCHG_AVP_ENUMERATED) {
        int32_t v = 0;
        if (wchg_avp_i32(&a, &v) == WCHG_OK) {
          const char *name = wchg_dict_enum_name(a.dict, v);
          if (name)
            mix(r, name, strlen(name));
        }
      }
    }
  }
}

static void kind_diameter(const struct shared *sh, struct run *r) {
  sample_avps sa;
  uint8_t buf[16384], copy[4096];
  size_t len = 0, count = 0;
  wchg_dmsg m;
  wchg_diag d, wi[8];
  wchg_warnings w = {wi, 8, 0};
  wchg_acr model;
  const wchg_acr *back = NULL;
  wchg_acr_reader *reader = wchg_acr_reader_new(NULL);
  check(r, "reader", reader != NULL);

  /* the writers, by descriptor: the same bytes as by code */
  check(r, "resolve", sample_avps_resolve(&sa) == 0);
  STEP(r, "sample_acr_d", WCHG_OK, sample_acr_d(&sa, buf, sizeof buf, &len));
  check(r, "acr_d bytes", len == sh->acr_len && !memcmp(buf, sh->acr, len));
  STEP(r, "sample_ccr_d", WCHG_OK, sample_ccr_d(&sa, buf, sizeof buf, &len));
  check(r, "ccr_d bytes", len == sh->ccr_len && !memcmp(buf, sh->ccr, len));
  STEP(r, "sample_acr", WCHG_OK, sample_acr(buf, sizeof buf, &len));
  check(r, "acr bytes", len == sh->acr_len && !memcmp(buf, sh->acr, len));
  STEP(r, "sample_acr short", WCHG_E_BUFFER, sample_acr(buf, 100, &len));
  mix_u(r, len);

  /* the strict reader, every AVP */
  STEP(r, "parse acr", WCHG_OK, wchg_dmsg_parse(sh->acr, sh->acr_len, 0, &m, &d));
  mix_u(r, m.code);
  mix_u(r, m.flags);
  mix_avps(r, &m, NULL, 0);
  STEP(r, "parse ccr", WCHG_OK, wchg_dmsg_parse(sh->ccr, sh->ccr_len, 0, &m, &d));
  mix_avps(r, &m, NULL, 0);
  for (size_t cut = 0; cut < sh->acr_len; cut += 37)
    STEP(r, "parse cut", WCHG_E_DIAMETER, wchg_dmsg_parse(sh->acr, cut, 0, &m, &d));
  /* a deviating copy: strict refuses, receive reads it with warnings */
  wchg_avp oh;
  memcpy(copy, sh->acr, sh->acr_len);
  STEP(r, "parse copy", WCHG_OK, wchg_dmsg_parse(copy, sh->acr_len, 0, &m, &d));
  check(r, "Origin-Host", wchg_avp_find(&m, NULL, 264, 0, &oh));
  copy[oh.offset + 4] = 0x00; /* M bit clear */
  STEP(r, "strict", WCHG_E_DIAMETER, wchg_dmsg_parse(copy, sh->acr_len, 0, &m, &d));
  STEP(r, "receive", WCHG_OK,
       wchg_dmsg_parse_ex(copy, sh->acr_len, WCHG_DPARSE_RECEIVE, &m, &d, &w));
  mix_u(r, w.count);
  for (size_t i = 0; i < w.count && i < w.cap; i++)
    mix_diag(r, &wi[i]);

  /* the ACR reader and writer: model -> bytes -> model -> bytes */
  rf_sample_as_model(&model);
  STEP(r, "acr_encode", WCHG_OK, wchg_acr_encode(&model, buf, sizeof buf, &len, &d));
  check(r, "model bytes", len == sh->acr_len && !memcmp(buf, sh->acr, len));
  if (reader) {
    STEP(r, "acr_decode", WCHG_OK, wchg_acr_decode(reader, sh->acr, sh->acr_len, &back, &d));
    if (back) {
      STEP(r, "acr re-encode", WCHG_OK, wchg_acr_encode(back, buf, sizeof buf, &len, &d));
      check(r, "decoded bytes", len == sh->acr_len && !memcmp(buf, sh->acr, len));
    }
    w.count = 0;
    STEP(r, "acr_decode_ex", WCHG_OK,
         wchg_acr_decode_ex(reader, copy, sh->acr_len, WCHG_POLICY_RECEIVE, &back, &d, &w));
    mix_u(r, w.count);
    STEP(r, "acr_decode strict", WCHG_E_DIAMETER,
         wchg_acr_decode(reader, copy, sh->acr_len, &back, &d));
  }
  rf_full_acr(&model);
  STEP(r, "full acr", WCHG_OK, wchg_acr_encode(&model, buf, sizeof buf, &len, &d));
  mix(r, buf, len);
  STEP(r, "parse full", WCHG_OK, wchg_dmsg_parse(buf, len, 0, &m, &d));
  mix_avps(r, &m, NULL, 0);
  /* the answer our CDF would give to the deviating copy */
  wchg_aca aca;
  STEP(r, "strict again", WCHG_E_DIAMETER, wchg_dmsg_parse(copy, sh->acr_len, 0, &m, &d));
  STEP(r, "aca_from_acr", WCHG_OK, wchg_aca_from_acr(copy, sh->acr_len, &d, &aca));
  aca.origin_host = WCHG_STR("cdf1.home.example");
  aca.origin_realm = WCHG_STR("home.example");
  STEP(r, "aca_encode", WCHG_OK, wchg_aca_encode(&aca, buf, sizeof buf, &len, &d));
  mix(r, buf, len);

  /* the dictionary's tables */
  const wchg_dict_avp *all = wchg_dict_avps(&count);
  mix_u(r, count);
  for (size_t i = 0; all && i < count; i++) {
    const wchg_dict_avp *e = wchg_dict_find(all[i].code, all[i].vendor);
    check(r, "dict_find", e == &all[i]);
    check(r, "dict_find_name", wchg_dict_find_name(all[i].name) == &all[i]);
    mix_u(r, all[i].code);
    mix_u(r, all[i].n_children);
    for (size_t k = 0; k < all[i].n_enums; k++) {
      const char *n = wchg_dict_enum_name(&all[i], all[i].enums[k].value);
      if (n)
        mix(r, n, strlen(n));
    }
  }
  check(r, "find_command", wchg_dict_find_command(271, 3, true) != NULL);
  wchg_acr_reader_free(reader);
}

/* ---- CDRs (cdr.h, cdr_json.h, validate.h) ------------------------------ */

static void kind_cdr(const struct shared *sh, struct run *r) {
  static const unsigned flags[3] = {WCHG_VALIDATE_WEBRTC, WCHG_VALIDATE_WEBRTC, 0};
  uint8_t buf[16384];
  char json[32768];
  wchg_diag d, v[16];
  for (int i = 0; i < 3; i++) {
    wchg_cdr *c = NULL, *back = NULL, *back2 = NULL;
    size_t used = 0, len = 0, n = 0;
    json_t *j = NULL;
    STEP(r, "cdr_decode", WCHG_OK,
         wchg_cdr_decode(sh->der[i], sh->der_len[i], NULL, &c, &used, &d));
    mix_u(r, used);
    if (!c)
      continue;
    STEP(r, "cdr_encode", WCHG_OK, wchg_cdr_encode(c, buf, sizeof buf, &len, &d));
    check(r, "DER", len == sh->der_len[i] && !memcmp(buf, sh->der[i], len));
    wchg_status vs = wchg_cdr_validate(c, flags[i], v, 16, &n);
    mix_u(r, (uint64_t)vs);
    mix_u(r, n);
    for (size_t k = 0; k < n && k < 16; k++)
      mix_diag(r, &v[k]);
    STEP(r, "to_json_text", WCHG_OK, wchg_cdr_to_json_text(c, 0, json, sizeof json, &len, &d));
    mix(r, json, len);
    STEP(r, "from_json_text", WCHG_OK, wchg_cdr_from_json_text(json, len, NULL, &back, &d));
    if (back) {
      STEP(r, "json DER", WCHG_OK, wchg_cdr_encode(back, buf, sizeof buf, &len, &d));
      check(r, "json DER bytes", len == sh->der_len[i] && !memcmp(buf, sh->der[i], len));
    }
    STEP(r, "to_json", WCHG_OK, wchg_cdr_to_json(c, &j, &d));
    if (j) {
      char *text = json_dumps(j, JSON_SORT_KEYS);
      if (text) {
        mix(r, text, strlen(text));
        free(text);
      }
      STEP(r, "from_json", WCHG_OK, wchg_cdr_from_json(j, NULL, &back2, &d));
      json_decref(j);
    }
    if (back2) {
      STEP(r, "json DER 2", WCHG_OK, wchg_cdr_encode(back2, buf, sizeof buf, &len, &d));
      check(r, "json DER bytes 2", len == sh->der_len[i] && !memcmp(buf, sh->der[i], len));
    }
    /* a cut record: the error and where */
    wchg_cdr *cut = NULL;
    STEP(r, "cdr cut", WCHG_E_TRUNCATED,
         wchg_cdr_decode(sh->der[i], sh->der_len[i] - 3, NULL, &cut, NULL, &d));
    wchg_cdr_free(cut);
    wchg_cdr_free(back2);
    wchg_cdr_free(back);
    wchg_cdr_free(c);
  }
}

/* ---- TS 32.297 files (cdrfile.h) -------------------------------------- */

static void kind_cdrfile(const struct shared *sh, struct run *r) {
  static const wchg_cdrfile_time open_t = {11, 24, 9, 0, 60}, last_t = {11, 24, 9, 15, 60};
  wchg_cdrfile_header h;
  wchg_cdrfile_writer w;
  wchg_cdrfile_cdr cdrs[6];
  wchg_cdrfile f;
  wchg_cdrfile_iter it;
  wchg_cdrfile_cdr got;
  wchg_diag d;
  size_t need = 0, len = 0, k = 0;
  memset(&h, 0, sizeof h);
  h.opening_time = open_t;
  h.last_cdr_time = open_t;
  h.file_sequence_number = 42;
  h.high_release = h.low_release = 17;
  h.node_address[10] = h.node_address[11] = 0xFF;
  h.node_address[12] = 192;
  h.node_address[14] = 2;
  h.node_address[15] = 7;
  h.private_extension = (wchg_octets){(const uint8_t *)"ext", 3};
  for (int i = 0; i < 6; i++)
    cdrs[i] = (wchg_cdrfile_cdr){(uint16_t)(15 + i % 3), (uint8_t)(i + 1), WCHG_CDRFILE_BER,
                                 WCHG_CDRFILE_TS_IMS, {sh->der[i % 3], sh->der_len[i % 3]}, 0};
  STEP(r, "begin measure", WCHG_OK, wchg_cdrfile_begin(&w, NULL, 0, &h, &d));
  for (int i = 0; i < 6; i++)
    wchg_cdrfile_add(&w, &cdrs[i]);
  STEP(r, "finish measure", WCHG_E_BUFFER, wchg_cdrfile_finish(&w, &last_t, 0, &need));
  uint8_t *buf = malloc(need ? need : 1);
  if (!buf) {
    check(r, "malloc", false);
    return;
  }
  STEP(r, "begin", WCHG_OK, wchg_cdrfile_begin(&w, buf, need, &h, &d));
  for (int i = 0; i < 6; i++)
    STEP(r, "add", WCHG_OK, wchg_cdrfile_add(&w, &cdrs[i]));
  STEP(r, "finish", WCHG_OK, wchg_cdrfile_finish(&w, &last_t, WCHG_CDRFILE_CLOSE_NORMAL, &len));
  check(r, "length", len == need);
  mix(r, buf, len);
  STEP(r, "parse", WCHG_OK, wchg_cdrfile_parse(buf, len, &f, &d));
  mix_u(r, f.header_length);
  mix_u(r, f.header.cdr_count);
  mix_u(r, f.header.high_release);
  mix_u(r, f.header.low_release);
  mix_u(r, f.header.last_cdr_time.minute);
  mix_o(r, f.header.private_extension);
  wchg_cdrfile_iter_init(&it, &f);
  for (; wchg_cdrfile_next(&it, &got); k++) {
    mix_u(r, got.release);
    mix_u(r, got.version);
    mix_u(r, got.offset);
    check(r, "cdr data", k < 6 && got.data.len == cdrs[k].data.len &&
                             !memcmp(got.data.ptr, cdrs[k].data.ptr, got.data.len));
  }
  check(r, "cdr count", k == 6);
  STEP(r, "parse cut", WCHG_E_LENGTH, wchg_cdrfile_parse(buf, len - 1, &f, &d));
  free(buf);
}

/* ---- SIP header parsers and SDP (sip.h) -------------------------------- */

static void mix_value(struct run *r, wchg_sip_value v) {
  mix_s(r, v.raw);
  mix_u(r, v.quoted);
  mix_u(r, v.escaped);
}

static void mix_body(struct run *r, const wchg_sdp_body *b) {
  mix_u(r, b->session_count);
  mix_u(r, b->media_count);
  for (size_t i = 0; i < b->session_count; i++)
    mix_s(r, b->lines[i]);
  for (size_t i = 0; i < b->media_count; i++) {
    const wchg_sdp_component *c = &b->media[i];
    mix_s(r, c->media_name);
    mix_u(r, c->port);
    mix_s(r, c->proto);
    mix_u(r, c->format_count);
    mix_u(r, c->line_count);
    for (size_t k = 0; k < c->line_count; k++)
      mix_s(r, c->lines[k]);
    mix_u(r, (uint64_t)wchg_sdp_body_direction(b, i));
  }
}

static void parse_body(struct run *r, const char *text, size_t len, wchg_policy policy,
                       wchg_status want) {
  size_t nl = 0, nm = 0;
  wchg_sdp_body b;
  wchg_diag d, wi[8];
  wchg_warnings w = {wi, 8, 0};
  wchg_sdp_body_size(text, len, &nl, &nm);
  mix_u(r, nl);
  mix_u(r, nm);
  memset(&b, 0, sizeof b);
  b.lines = malloc((nl ? nl : 1) * sizeof *b.lines);
  b.media = malloc((nm ? nm : 1) * sizeof *b.media);
  b.line_cap = nl;
  b.media_cap = nm;
  if (b.lines && b.media) {
    STEP(r, "sdp_parse_body", want, wchg_sdp_parse_body(text, len, NULL, policy, &b, &w, &d));
    mix_u(r, w.count);
    for (size_t i = 0; i < w.count && i < w.cap; i++)
      mix_diag(r, &wi[i]);
    if (want == WCHG_OK)
      mix_body(r, &b);
  }
  free(b.lines);
  free(b.media);
}

static void kind_sip(const struct shared *sh, struct run *r) {
  static const char bearer[] = "Bearer mF_9.B5f-4.1JqM";
  static const char small[] =
      "v=0\r\no=alice 2890844526 2890844526 IN IP4 198.51.100.1\r\ns=-\r\n"
      "c=IN IP4 198.51.100.1\r\nt=0 0\r\n"
      "m=audio 49170 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"
      "m=video 51372 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=sendonly\r\n";
  static const char bad[] =
      "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nX=upper\r\nt=0 0\r\n"
      "m=audio 9 RTP/AVP 0\r\na=sendrecv\r\na=inactive\r\nm=video x RTP/AVP 96\r\n";
  wchg_sip_authorization *auth = malloc(sizeof *auth);
  wchg_sip_charging_vector *pcv = malloc(sizeof *pcv);
  wchg_sip_access_network_info *pani = malloc(sizeof *pani);
  wchg_sdp *sdp = malloc(sizeof *sdp);
  wchg_diag d;
  char unq[256];
  size_t len = 0;
  check(r, "malloc", auth && pcv && pani && sdp);
  if (!(auth && pcv && pani && sdp))
    goto out;

  STEP(r, "authorization", WCHG_OK,
       wchg_sip_parse_authorization(AUTH_H3, sizeof AUTH_H3 - 1, auth, &d));
  mix_u(r, (uint64_t)auth->scheme);
  mix_value(r, auth->username);
  mix_value(r, auth->realm);
  mix_value(r, auth->integrity_protected);
  mix_value(r, auth->authorization_entity);
  mix_u(r, auth->param_count);
  STEP(r, "unquote", WCHG_OK,
       wchg_sip_unquote(auth->authorization_entity.raw, unq, sizeof unq, &len));
  mix(r, unq, len);
  STEP(r, "bearer", WCHG_OK, wchg_sip_parse_authorization(bearer, sizeof bearer - 1, auth, &d));
  mix_u(r, (uint64_t)auth->scheme);
  STEP(r, "authorization bad", WCHG_E_RANGE,
       wchg_sip_parse_authorization("Basic abc", 9, auth, &d));

  STEP(r, "charging vector", WCHG_OK,
       wchg_sip_parse_charging_vector(PCV_REQ, sizeof PCV_REQ - 1, pcv, &d));
  mix_value(r, pcv->icid_value);
  mix_value(r, pcv->icid_generated_at);
  mix_value(r, pcv->orig_ioi);
  mix_u(r, pcv->transit_ioi_count);
  for (size_t i = 0; i < pcv->transit_ioi_count; i++)
    mix_s(r, pcv->transit_ioi_list[i]);
  STEP(r, "charging vector bad", WCHG_E_MISSING,
       wchg_sip_parse_charging_vector("orig-ioi=a", 10, pcv, &d));

  STEP(r, "pani", WCHG_OK, wchg_sip_parse_access_network_info(PANI, sizeof PANI - 1, pani, &d));
  mix_u(r, pani->count);
  for (size_t i = 0; i < pani->count; i++) {
    const wchg_sip_access_net_spec *s = &pani->specs[i];
    mix_s(r, s->text);
    mix_value(r, s->access_type);
    mix_u(r, s->network_provided);
    mix_u(r, s->access_info_count);
    const wchg_sip_param *p = wchg_sip_param_find(s->access_info, s->access_info_count,
                                                  "UTRAN-CELL-ID-3GPP");
    if (p)
      mix_value(r, p->value);
  }

  STEP(r, "sdp_parse", WCHG_OK, wchg_sdp_parse(small, sizeof small - 1, sdp, &d));
  mix_u(r, sdp->session_count);
  mix_u(r, sdp->media_count);
  for (size_t i = 0; i < sdp->media_count; i++) {
    mix_s(r, sdp->media[i].media_name);
    mix_u(r, (uint64_t)wchg_sdp_media_direction(sdp, i));
  }
  parse_body(r, sh->offer, strlen(sh->offer), WCHG_POLICY_STRICT, WCHG_OK);
  parse_body(r, sh->answer, strlen(sh->answer), WCHG_POLICY_RECEIVE, WCHG_OK);
  parse_body(r, sh->answer_hold, strlen(sh->answer_hold), WCHG_POLICY_RECEIVE, WCHG_OK);
  parse_body(r, bad, sizeof bad - 1, WCHG_POLICY_RECEIVE, WCHG_OK);
  parse_body(r, bad, sizeof bad - 1, WCHG_POLICY_STRICT, WCHG_E_ENCODING);
out:
  free(auth);
  free(pcv);
  free(pani);
  free(sdp);
}

/* ---- the threads ------------------------------------------------------ */

static const struct kind {
  const char *name;
  void (*run)(const struct shared *sh, struct run *r);
} KINDS[] = {
    {"ctf", kind_ctf},
    {"cdf", kind_cdf},
    {"ro", kind_ro},
    {"diameter", kind_diameter},
    {"cdr", kind_cdr},
    {"cdrfile", kind_cdrfile},
    {"sip", kind_sip},
};
#define NKINDS (sizeof KINDS / sizeof KINDS[0])
/* NKINDS is prime: every step 1..NKINDS-1 visits every kind once. */
_Static_assert(NKINDS == 7, "the orders below assume 7 kinds");
_Static_assert(THREADS < NKINDS, "one step per thread");

#ifdef WCHG_TEST_PLANT_RACE
/* A planted data race (make check-tsan must fail with it): every thread
 * writes this counter with no lock. */
static unsigned long planted_counter;
#endif

struct worker {
  const struct shared *sh;
  const uint64_t *ref;
  pthread_barrier_t *start;
  unsigned id;
  unsigned runs;
  unsigned mismatch[NKINDS], bad[NKINDS];
  const char *first_bad[NKINDS];
};

/* The kind a thread runs |i|-th in round |round|: thread |id| walks the
 * kinds with step id + 1 from a start that moves every round. */
static size_t kind_at(unsigned id, unsigned round, size_t i) {
  return (id + round + i * (id + 1)) % NKINDS;
}

static void *worker_main(void *arg) {
  struct worker *w = arg;
  pthread_barrier_wait(w->start);
  for (unsigned round = 0; round < ROUNDS; round++)
    for (size_t i = 0; i < NKINDS; i++) {
      size_t k = kind_at(w->id, round, i);
      struct run r = {FNV_OFFSET, 0, NULL, WCHG_OK, WCHG_OK};
      KINDS[k].run(w->sh, &r);
      if (r.bad && !w->bad[k]++)
        w->first_bad[k] = r.first_bad;
      if (r.h != w->ref[k])
        w->mismatch[k]++;
      w->runs++;
#ifdef WCHG_TEST_PLANT_RACE
      planted_counter++;
#endif
    }
  return NULL;
}

START_TEST(every_kind_at_once) {
  struct shared *sh = calloc(1, sizeof *sh);
  wchg_cdr rec[3];
  uint64_t ref[NKINDS];
  ck_assert_ptr_nonnull(sh);

  /* what the threads share, read-only */
  sample_h3(&rec[0]);
  sample_h4(&rec[1]);
  sample_full(&rec[2]);
  for (int i = 0; i < 3; i++)
    sh->der[i] = test_encode(&rec[i], &sh->der_len[i]);
  ck_assert_int_eq(sample_acr(sh->acr, sizeof sh->acr, &sh->acr_len), WCHG_OK);
  ck_assert_int_eq(sample_ccr(sh->ccr, sizeof sh->ccr, &sh->ccr_len), WCHG_OK);
  sdp_browser_opts ans = {.answer = true}, hold = {.answer = true, .version = 3,
                                                   .video_dir = "a=inactive"};
  ck_assert_uint_gt(sdp_browser(sh->offer, sizeof sh->offer, NULL, NULL), 0);
  ck_assert_uint_gt(sdp_browser(sh->answer, sizeof sh->answer, &ans, NULL), 0);
  ck_assert_uint_gt(sdp_browser(sh->answer_hold, sizeof sh->answer_hold, &hold, NULL), 0);
  sh->reg = wchg_ctf_reg_new(&CTF_CFG);
  ck_assert_ptr_nonnull(sh->reg);
  {
    wchg_ctf_record *rec1 = wchg_ctf_record_new(NULL);
    wchg_register_event re = reg_event(T0 - 120000);
    wchg_diag d;
    ck_assert_ptr_nonnull(rec1);
    ck_assert_int_eq(wchg_ctf_register(sh->reg, &re, 99, rec1, &d), WCHG_OK);
    wchg_ctf_record_free(rec1);
  }

  /* the single-threaded run, twice: every step as expected, the same
   * digest both times */
  for (size_t k = 0; k < NKINDS; k++) {
    struct run a = {FNV_OFFSET, 0, NULL, WCHG_OK, WCHG_OK};
    struct run b = a;
    KINDS[k].run(sh, &a);
    char why[96] = "a check";
    if (a.got != a.want)
      snprintf(why, sizeof why, "%s, not %s", wchg_status_name(a.got), wchg_status_name(a.want));
    ck_assert_msg(a.bad == 0, "%s alone: %u steps failed, the first %s (%s)", KINDS[k].name,
                  a.bad, a.first_bad, why);
    KINDS[k].run(sh, &b);
    ck_assert_msg(a.h == b.h, "%s alone: two runs, two digests", KINDS[k].name);
    ref[k] = a.h;
  }

  /* every kind at once, each thread in its own order */
  pthread_barrier_t start;
  pthread_t t[THREADS];
  struct worker *w = calloc(THREADS, sizeof *w);
  ck_assert_ptr_nonnull(w);
  ck_assert_int_eq(pthread_barrier_init(&start, NULL, THREADS), 0);
  for (unsigned i = 0; i < THREADS; i++) {
    w[i].sh = sh;
    w[i].ref = ref;
    w[i].start = &start;
    w[i].id = i;
    ck_assert_int_eq(pthread_create(&t[i], NULL, worker_main, &w[i]), 0);
  }
  for (unsigned i = 0; i < THREADS; i++)
    ck_assert_int_eq(pthread_join(t[i], NULL), 0);
  pthread_barrier_destroy(&start);
  for (unsigned i = 0; i < THREADS; i++) {
    ck_assert_uint_eq(w[i].runs, ROUNDS * NKINDS);
    for (size_t k = 0; k < NKINDS; k++) {
      ck_assert_msg(w[i].bad[k] == 0, "thread %u, %s: %u runs with failed steps (%s)", i,
                    KINDS[k].name, w[i].bad[k], w[i].first_bad[k]);
      ck_assert_msg(w[i].mismatch[k] == 0,
                    "thread %u, %s: %u of %u runs differ from the single-threaded one", i,
                    KINDS[k].name, w[i].mismatch[k], ROUNDS);
    }
  }
  /* the orders differ: no two threads run the same sequence */
  for (unsigned i = 0; i < THREADS; i++)
    for (unsigned j = i + 1; j < THREADS; j++) {
      bool same = true;
      for (size_t k = 0; k < NKINDS; k++)
        same = same && kind_at(i, 0, k) == kind_at(j, 0, k);
      ck_assert_msg(!same, "threads %u and %u in the same order", i, j);
    }
  free(w);
  wchg_ctf_reg_free(sh->reg);
  for (int i = 0; i < 3; i++)
    free(sh->der[i]);
  free(sh);
}
END_TEST

Suite *threads_suite(void) {
  Suite *s = suite_create("threads");
  TCase *t = tcase_create("concurrent");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, concurrent_use);
  tcase_add_test(t, every_kind_at_once);
  suite_add_tcase(s, t);
  return s;
}
