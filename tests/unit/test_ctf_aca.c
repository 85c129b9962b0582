/* test_ctf_aca.c: the CTF reads its ACAs (ctf_aca.h) — an interval in an
 * ACA moves the next interim, the resend bytes are the first ones with
 * the T flag, a second or unknown ACA is refused with its path and
 * offset, each Result-Code class, timeouts, EVENT records in a tracker,
 * error answers without the record's keys, and malformed ACAs. The ACAs
 * are those our CDF writes (wchg_aca_from_acr + wchg_aca_encode) or built
 * by hand with the writer where a CDF would never send them; the resend
 * bytes go to $WCHG_TEST_OUT for tshark.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "testutil.h"

#define T0 1795510800000LL /* 2026-11-24T09:00:00Z */
#define SID "epcscf.example.net;7;42"

static wchg_ctf_config CFG = {
    .origin_host = WCHG_STR("epcscf.example.net"),
    .origin_realm = WCHG_STR("example.net"),
    .destination_realm = WCHG_STR("example.net"),
    .destination_host = WCHG_STR("cdf1.example.net"),
    .acct_interim_interval = {true, 300},
};

#define SDP                                                                    \
  "v=0\r\no=- 1 1 IN IP4 203.0.113.45\r\ns=-\r\nc=IN IP4 203.0.113.45\r\n"     \
  "t=0 0\r\nm=audio 49170 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"

static wchg_ctf_session *S;
static wchg_ctf_record *R;
static wchg_diag D;
static wchg_ctf_answer A;

static void setup(void) {
  S = wchg_ctf_session_new(&CFG);
  R = wchg_ctf_record_new(NULL);
  ck_assert(S && R);
  memset(&D, 0, sizeof D);
  memset(&A, 0, sizeof A);
}

static void teardown(void) {
  wchg_ctf_session_free(S);
  wchg_ctf_record_free(R);
}

static wchg_sip_event sip(const char *method, int status, int64_t t) {
  wchg_sip_event e;
  memset(&e, 0, sizeof e);
  e.time_ms = t;
  e.method = wchg_str_from(method);
  e.status_code = status;
  e.call_id = WCHG_STR("aca-call-1@wic.example.com");
  e.from = WCHG_STR("<sip:alice@example.net>;tag=a1");
  return e;
}

/* An answered call: START at T0 (unique 42 gives SID). */
static const wchg_acr *start_call(void) {
  wchg_sip_event inv = sip("INVITE", 0, T0 - 4000), ok = sip("INVITE", 200, T0);
  inv.request_uri = WCHG_STR("sip:bob@example.org");
  inv.sdp = WCHG_STR(SDP);
  ck_assert_int_eq(wchg_ctf_session_begin(S, NULL, WCHG_ROLE_ORIGINATING,
                                          (7ull << 32) | 42, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_session_event(S, &ok, R, &D), WCHG_OK);
  wchg_acr *a = wchg_ctf_record_acr(R);
  ck_assert_int_eq(a->accounting_record_type, WCHG_ACR_START);
  ck_assert_int_eq(a->session_id.len, strlen(SID));
  ck_assert_mem_eq(a->session_id.ptr, SID, strlen(SID));
  return a;
}

/* Send the record's ACR with these identifiers; a copy of its bytes. */
static size_t send_record(uint32_t hop, uint32_t e2e, uint8_t *copy, size_t cap) {
  wchg_acr *a = wchg_ctf_record_acr(R);
  const uint8_t *msg = NULL;
  size_t len = 0;
  a->hop_by_hop = hop;
  a->end_to_end = e2e;
  wchg_status rc = wchg_ctf_session_send(S, a, &msg, &len, &D);
  ck_assert_msg(rc == WCHG_OK, "send: %d %s %s", rc, D.path, D.message);
  ck_assert_ptr_nonnull(msg);
  ck_assert_uint_le(len, cap);
  memcpy(copy, msg, len);
  return len;
}

/* Our CDF's answer to |acr|: |result|, an interval when |ival| >= 0. */
static size_t cdf_answer(const uint8_t *acr, size_t n, uint32_t result, int64_t ival,
                         uint8_t *out, size_t cap) {
  wchg_aca a;
  size_t len;
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, NULL, &a), WCHG_OK);
  a.result_code = result;
  a.error_bit = result / 1000 == 3;
  a.origin_host = WCHG_STR("cdf1.example.net");
  a.origin_realm = WCHG_STR("example.net");
  if (ival >= 0)
    a.acct_interim_interval = WCHG_INT(ival);
  ck_assert_int_eq(wchg_aca_encode(&a, out, cap, &len, NULL), WCHG_OK);
  return len;
}

/* An ACA built field by field (what our CDF never writes). */
struct spec {
  uint8_t flags;
  uint32_t command, app, hop, e2e;
  const char *sid;           /* NULL: none */
  bool result;               /* Result-Code present */
  uint32_t result_code;
  uint32_t exp_vendor, exp_code; /* Experimental-Result when exp_vendor */
  bool exp_no_code;
  int32_t type;              /* 0: no Accounting-Record-Type */
  bool number;               /* Accounting-Record-Number present */
  uint32_t number_value;
};

static struct spec spec_of(uint32_t result, int32_t type, uint32_t number) {
  struct spec s = {WCHG_CMD_FLAG_P, 271, 3, 1, 2, SID, true, result, 0, 0, false,
                   type, true, number};
  return s;
}

static size_t build(const struct spec *s, uint8_t *buf, size_t cap) {
  wchg_dwriter w;
  size_t len;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, s->flags, s->command, s->app, s->hop, s->e2e);
  if (s->sid)
    wchg_dw_utf8(&w, 263, 0, s->sid, strlen(s->sid));
  if (s->result)
    wchg_dw_u32(&w, 268, 0, s->result_code);
  if (s->exp_vendor) {
    wchg_dw_group_begin(&w, 297, 0);
    wchg_dw_u32(&w, 266, 0, s->exp_vendor);
    if (!s->exp_no_code)
      wchg_dw_u32(&w, 298, 0, s->exp_code);
    wchg_dw_group_end(&w);
  }
  wchg_dw_octets(&w, 264, 0, "cdf2.example.net", 16);
  wchg_dw_octets(&w, 296, 0, "example.net", 11);
  if (s->type)
    wchg_dw_i32(&w, 480, 0, s->type);
  if (s->number)
    wchg_dw_u32(&w, 485, 0, s->number_value);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  return len;
}

/* The offset of the top-level AVP |code| in |m|. */
static size_t offset_of(const uint8_t *m, size_t n, uint32_t code) {
  wchg_dmsg msg;
  wchg_avp a;
  ck_assert_int_eq(wchg_dmsg_parse(m, n, WCHG_DPARSE_NO_ABNF, &msg, NULL), WCHG_OK);
  ck_assert(wchg_avp_find(&msg, NULL, code, 0, &a));
  return a.offset;
}

static void expect_diag(wchg_status rc, wchg_status code, const char *path, size_t offset,
                        uint32_t result_code) {
  ck_assert_msg(rc == code, "got %d (%s: %s), want %d", rc, D.path, D.message, code);
  ck_assert_int_eq(D.code, code);
  ck_assert_str_eq(D.path, path);
  ck_assert_uint_eq(D.offset, offset);
  ck_assert_uint_eq(D.result_code, result_code);
  ck_assert(D.message[0] != '\0');
}

/* ---- the proof of the issue ----------------------------------------------- */

START_TEST(interval_change_moves_next_interim) {
  uint8_t acr[4096], aca[512];
  const wchg_acr *a = start_call();
  ck_assert(a->acct_interim_interval.present && a->acct_interim_interval.value == 300);
  size_t n = send_record(1, 1, acr, sizeof acr);
  size_t m = cdf_answer(acr, n, 2001, 60, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_DONE);
  ck_assert(A.acct_interim_interval.present && A.acct_interim_interval.value == 60);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 0);
  /* 60 s, not the configured 300 s, after the START */
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 59999, R, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_record_acr(R)->accounting_record_type, WCHG_ACR_NONE);
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 60000, R, &D), WCHG_OK);
  a = wchg_ctf_record_acr(R);
  ck_assert_int_eq(a->accounting_record_type, WCHG_ACR_INTERIM);
  ck_assert_uint_eq(a->accounting_record_number, 1);
  /* the records after the ACA carry the interval in use */
  ck_assert(a->acct_interim_interval.present && a->acct_interim_interval.value == 60);
  /* an ACA without the AVP keeps it */
  n = send_record(2, 2, acr, sizeof acr);
  m = cdf_answer(acr, n, 2001, -1, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert(!A.acct_interim_interval.present);
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 120000, R, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_record_acr(R)->accounting_record_type, WCHG_ACR_INTERIM);
  /* 0: no interims from then on (RFC 6733 §9.8.2) */
  n = send_record(3, 3, acr, sizeof acr);
  m = cdf_answer(acr, n, 2001, 0, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 10000000, R, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_record_acr(R)->accounting_record_type, WCHG_ACR_NONE);
  /* a reset session starts again from the config */
  wchg_ctf_session_reset(S);
  a = start_call();
  ck_assert(a->acct_interim_interval.value == 300);
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 60000, R, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_record_acr(R)->accounting_record_type, WCHG_ACR_NONE);
}
END_TEST

START_TEST(resend_bytes_are_the_first_with_t) {
  uint8_t first[4096], aca[512], again[4096];
  start_call();
  size_t n = send_record(0x11111111, 0x22222222, first, sizeof first);
  ck_assert(!(first[4] & WCHG_CMD_FLAG_T));
  test_out_write_diam("ctf_aca_start_sent", first, n);
  /* the CDF is too busy: to the secondary, the same bytes with T */
  size_t m = cdf_answer(first, n, 3004, -1, aca, sizeof aca);
  test_out_write_diam("ctf_aca_too_busy", aca, m);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_FAILOVER);
  ck_assert_uint_eq(A.result_code, 3004);
  ck_assert(A.error_bit);
  ck_assert_int_eq(A.accounting_record_type, WCHG_ACR_START);
  ck_assert_uint_eq(A.accounting_record_number, 0);
  ck_assert_uint_eq(A.resends, 1);
  ck_assert_ptr_nonnull(A.resend);
  ck_assert_uint_eq(A.resend_len, n);
  for (size_t i = 0; i < n; i++)
    ck_assert_msg(A.resend[i] == (i == 4 ? (first[i] | WCHG_CMD_FLAG_T) : first[i]),
                  "octet %zu: 0x%02x, sent 0x%02x", i, A.resend[i], first[i]);
  memcpy(again, A.resend, n);
  test_out_write_diam("ctf_aca_start_resent", again, n);
  wchg_dmsg msg;
  ck_assert_int_eq(wchg_dmsg_parse(again, n, 0, &msg, &D), WCHG_OK);
  ck_assert_uint_eq(msg.flags, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P | WCHG_CMD_FLAG_T);
  ck_assert_uint_eq(msg.hop_by_hop, 0x11111111);
  ck_assert_uint_eq(msg.end_to_end, 0x22222222);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 1);
  /* the secondary answers the resend: done */
  m = cdf_answer(again, n, 2001, -1, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_DONE);
  ck_assert_ptr_null(A.resend);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 0);
}
END_TEST

START_TEST(second_and_unknown_answers_refused) {
  uint8_t acr[4096], aca[512], other[512];
  start_call();
  size_t n = send_record(5, 6, acr, sizeof acr);
  size_t m = cdf_answer(acr, n, 2001, -1, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  /* the same ACA again */
  expect_diag(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_E_DUPLICATE,
              "ACA/Accounting-Record-Number", offset_of(aca, m, 485), 0);
  /* an INTERIM outstanding; answers for what was never sent */
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 300000, R, &D), WCHG_OK);
  n = send_record(7, 8, acr, sizeof acr);
  struct spec s = spec_of(2001, WCHG_ACR_INTERIM, 9);
  s.e2e = 8;
  size_t k = build(&s, other, sizeof other);
  expect_diag(wchg_ctf_session_answer(S, other, k, &A, &D), WCHG_E_STATE,
              "ACA/Accounting-Record-Number", offset_of(other, k, 485), 0);
  s = spec_of(2001, WCHG_ACR_STOP, 1);
  s.e2e = 8;
  k = build(&s, other, sizeof other);
  expect_diag(wchg_ctf_session_answer(S, other, k, &A, &D), WCHG_E_STATE,
              "ACA/Accounting-Record-Number", offset_of(other, k, 485), 0);
  s = spec_of(2001, WCHG_ACR_INTERIM, 1);
  s.sid = "epcscf.example.net;7;43";
  k = build(&s, other, sizeof other);
  expect_diag(wchg_ctf_session_answer(S, other, k, &A, &D), WCHG_E_STATE, "ACA/Session-Id", 20,
              0);
  /* the right record, another End-to-End Identifier */
  s = spec_of(2001, WCHG_ACR_INTERIM, 1);
  s.e2e = 9;
  k = build(&s, other, sizeof other);
  expect_diag(wchg_ctf_session_answer(S, other, k, &A, &D), WCHG_E_STATE,
              "ACA/End-to-End-Identifier", 16, 0);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 1);
  /* the real one still works */
  m = cdf_answer(acr, n, 2001, -1, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_uint_eq(A.accounting_record_number, 1);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 0);
}
END_TEST

/* ---- classes --------------------------------------------------------------- */

START_TEST(result_code_classes) {
  static const struct {
    uint32_t code;
    wchg_ctf_verdict v;
  } table[] = {
      {2001, WCHG_CTF_DONE},     {2002, WCHG_CTF_DONE},     {3001, WCHG_CTF_FAILED},
      {3002, WCHG_CTF_FAILOVER}, {3003, WCHG_CTF_FAILED},   {3004, WCHG_CTF_FAILOVER},
      {3005, WCHG_CTF_FAILED},   {3006, WCHG_CTF_FAILOVER}, {3008, WCHG_CTF_FAILED},
      {3009, WCHG_CTF_FAILED},   {3010, WCHG_CTF_FAILED},   {4002, WCHG_CTF_FAILOVER},
      {4001, WCHG_CTF_RESEND},   {4010, WCHG_CTF_RESEND},   {5001, WCHG_CTF_FAILED},
      {5012, WCHG_CTF_FAILED},   {5030, WCHG_CTF_FAILED},   {1001, WCHG_CTF_FAILED},
      {0, WCHG_CTF_FAILED},      {6001, WCHG_CTF_FAILED},
  };
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    ck_assert_msg(wchg_ctf_result_verdict(table[i].code) == table[i].v, "%u",
                  (unsigned)table[i].code);
  ck_assert_str_eq(wchg_ctf_verdict_name(WCHG_CTF_DONE), "DONE");
  ck_assert_str_eq(wchg_ctf_verdict_name(WCHG_CTF_RESEND), "RESEND");
  ck_assert_str_eq(wchg_ctf_verdict_name(WCHG_CTF_FAILOVER), "FAILOVER");
  ck_assert_str_eq(wchg_ctf_verdict_name(WCHG_CTF_FAILED), "FAILED");
  ck_assert_str_eq(wchg_ctf_verdict_name(7), "?");
}
END_TEST

/* One answer per class through a session: what stays outstanding. */
START_TEST(classes_through_a_session) {
  static const struct {
    uint32_t code;
    wchg_ctf_verdict v;
    size_t left;
  } rows[] = {{2001, WCHG_CTF_DONE, 0},
              {4010, WCHG_CTF_RESEND, 1},
              {4002, WCHG_CTF_FAILOVER, 1},
              {3002, WCHG_CTF_FAILOVER, 1},
              {5012, WCHG_CTF_FAILED, 0},
              {3001, WCHG_CTF_FAILED, 0}};
  uint8_t acr[4096], aca[512];
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    wchg_ctf_session_reset(S);
    start_call();
    size_t n = send_record(1, 0, acr, sizeof acr);
    size_t m = cdf_answer(acr, n, rows[i].code, -1, aca, sizeof aca);
    ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
    ck_assert_msg(A.verdict == rows[i].v, "%u: %s", (unsigned)rows[i].code,
                  wchg_ctf_verdict_name(A.verdict));
    ck_assert_uint_eq(A.result_code, rows[i].code);
    ck_assert_uint_eq(wchg_ctf_session_outstanding(S), rows[i].left);
    ck_assert(rows[i].left ? A.resend != NULL : A.resend == NULL);
    ck_assert_int_eq(A.origin_host.len, 16);
    ck_assert_mem_eq(A.origin_host.ptr, "cdf1.example.net", 16);
  }
}
END_TEST

/* Experimental-Result decides when present (RFC 6733 §7.7). */
START_TEST(experimental_result) {
  uint8_t acr[4096], aca[512];
  start_call();
  send_record(1, 2, acr, sizeof acr);
  struct spec s = spec_of(0, WCHG_ACR_START, 0);
  s.result = false;
  s.exp_vendor = 10415;
  s.exp_code = 4002;
  size_t m = build(&s, aca, sizeof aca);
  test_out_write_diam("ctf_aca_experimental_result", aca, m);
  ck_assert_int_eq(wchg_ctf_aca_read(aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_FAILOVER);
  ck_assert_uint_eq(A.result_code, 0);
  ck_assert_uint_eq(A.experimental_result_code, 4002);
  ck_assert_uint_eq(A.vendor_id, 10415);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_FAILOVER);
  s.result = true;
  s.result_code = 2001;
  s.exp_code = 2001;
  m = build(&s, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_DONE);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 0);
}
END_TEST

/* ---- timeouts and drops ------------------------------------------------ */

START_TEST(timeout_gives_the_resend) {
  uint8_t first[4096];
  start_call();
  size_t n = send_record(3, 4, first, sizeof first);
  ck_assert_int_eq(wchg_ctf_session_timeout(S, 0, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_FAILOVER);
  ck_assert_uint_eq(A.result_code, 0);
  ck_assert_int_eq(A.accounting_record_type, WCHG_ACR_START);
  ck_assert_uint_eq(A.resends, 1);
  ck_assert_uint_eq(A.resend_len, n);
  ck_assert_uint_eq(A.resend[4], first[4] | WCHG_CMD_FLAG_T);
  ck_assert_mem_eq(A.resend + 5, first + 5, n - 5);
  test_out_write_diam("ctf_aca_start_timeout_resent", A.resend, A.resend_len);
  ck_assert_int_eq(wchg_ctf_session_timeout(S, 0, &A, &D), WCHG_OK);
  ck_assert_uint_eq(A.resends, 2);
  expect_diag(wchg_ctf_session_timeout(S, 1, &A, &D), WCHG_E_STATE,
              "timeout/Accounting-Record-Number", WCHG_NO_OFFSET, 0);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 1);
  ck_assert_int_eq(wchg_ctf_session_drop(S, 1), WCHG_E_STATE);
  ck_assert_int_eq(wchg_ctf_session_drop(S, 0), WCHG_OK);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 0);
  ck_assert_int_eq(wchg_ctf_session_drop(S, 0), WCHG_E_STATE);
  ck_assert_int_eq(wchg_ctf_session_timeout(NULL, 0, &A, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_session_drop(NULL, 0), WCHG_E_ARG);
}
END_TEST

/* ---- EVENT records without a session ---------------------------------- */

static wchg_status standalone(uint64_t unique) {
  wchg_sip_event req = sip("MESSAGE", 0, T0), resp = sip("MESSAGE", 200, T0 + 80);
  req.request_uri = WCHG_STR("sip:bob@example.org");
  return wchg_ctf_standalone(&CFG, NULL, WCHG_ROLE_ORIGINATING, unique, &req, &resp, R, &D);
}

START_TEST(event_records_in_a_tracker) {
  uint8_t copy[3][4096], aca[512];
  size_t n[3];
  const uint8_t *msg;
  wchg_ctf_pending *p = wchg_ctf_pending_new(NULL, 2);
  ck_assert_ptr_nonnull(p);
  ck_assert_ptr_null(wchg_ctf_pending_new(NULL, 0));
  for (int i = 0; i < 3; i++) {
    ck_assert_int_eq(standalone(100 + (uint64_t)i), WCHG_OK);
    wchg_acr *a = wchg_ctf_record_acr(R);
    ck_assert_int_eq(a->accounting_record_type, WCHG_ACR_EVENT);
    wchg_status rc = wchg_ctf_pending_send(p, a, &msg, &n[i], &D);
    if (i == 2) { /* capacity 2 */
      ck_assert_int_eq(rc, WCHG_E_LIMIT);
      ck_assert_ptr_null(msg);
      break;
    }
    ck_assert_int_eq(rc, WCHG_OK);
    memcpy(copy[i], msg, n[i]);
    /* the same Session-Id twice */
    ck_assert_int_eq(wchg_ctf_pending_send(p, a, &msg, &n[2], &D), WCHG_E_DUPLICATE);
    ck_assert_str_eq(D.path, "ACR/Session-Id");
  }
  ck_assert_uint_eq(wchg_ctf_pending_outstanding(p), 2);
  /* the second is answered first, with an interval that only gets reported */
  size_t m = cdf_answer(copy[1], n[1], 2001, 90, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_pending_answer(p, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_DONE);
  ck_assert_int_eq(A.accounting_record_type, WCHG_ACR_EVENT);
  ck_assert(A.acct_interim_interval.present && A.acct_interim_interval.value == 90);
  ck_assert_int_eq(wchg_ctf_pending_answer(p, aca, m, &A, &D), WCHG_E_DUPLICATE);
  /* the first times out, then fails for good */
  wchg_str sid0 = {(const char *)copy[0] + 28, 0};
  sid0.len = (size_t)((copy[0][25] << 16 | copy[0][26] << 8 | copy[0][27]) - 8);
  ck_assert_int_eq(wchg_ctf_pending_timeout(p, sid0, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_FAILOVER);
  ck_assert_uint_eq(A.resend[4], copy[0][4] | WCHG_CMD_FLAG_T);
  test_out_write_diam("ctf_aca_event_resent", A.resend, A.resend_len);
  m = cdf_answer(A.resend, A.resend_len, 5004, -1, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_pending_answer(p, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_FAILED);
  ck_assert_uint_eq(wchg_ctf_pending_outstanding(p), 0);
  expect_diag(wchg_ctf_pending_timeout(p, sid0, &A, &D), WCHG_E_STATE, "timeout/Session-Id",
              WCHG_NO_OFFSET, 0);
  /* a session record is not for the tracker */
  start_call();
  ck_assert_int_eq(wchg_ctf_pending_send(p, wchg_ctf_record_acr(R), &msg, &n[2], &D),
                   WCHG_E_ARG);
  ck_assert_str_eq(D.path, "ACR/Accounting-Record-Type");
  /* drop */
  ck_assert_int_eq(standalone(200), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_pending_send(p, wchg_ctf_record_acr(R), &msg, &n[2], &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_pending_drop(p, wchg_ctf_record_acr(R)->session_id), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_pending_drop(p, wchg_ctf_record_acr(R)->session_id), WCHG_E_STATE);
  ck_assert_int_eq(wchg_ctf_pending_drop(NULL, sid0), WCHG_E_ARG);
  ck_assert_uint_eq(wchg_ctf_pending_outstanding(NULL), 0);
  wchg_ctf_pending_free(p);
  wchg_ctf_pending_free(NULL);
}
END_TEST

/* A REGISTER's EVENT, answered as our CDF answers it. */
START_TEST(register_event_answered) {
  uint8_t aca[512];
  const uint8_t *msg;
  size_t n;
  wchg_ctf_reg *reg = wchg_ctf_reg_new(&CFG);
  wchg_ctf_pending *p = wchg_ctf_pending_new(NULL, 4);
  wchg_register_event ev;
  memset(&ev, 0, sizeof ev);
  ev.request = sip("REGISTER", 0, T0);
  ev.response = sip("REGISTER", 200, T0 + 30);
  ev.response.expires = WCHG_INT(3600);
  ev.flavour = WCHG_REG_IMS;
  ev.impu = WCHG_STR("sip:alice@example.net");
  ck_assert_int_eq(wchg_ctf_register(reg, &ev, 9, R, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_pending_send(p, wchg_ctf_record_acr(R), &msg, &n, &D), WCHG_OK);
  size_t m = cdf_answer(msg, n, 2001, -1, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_aca_read(aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.accounting_record_type, WCHG_ACR_EVENT);
  ck_assert_int_eq(A.session_id.len, strlen("epcscf.example.net;0;9"));
  ck_assert_mem_eq(A.session_id.ptr, "epcscf.example.net;0;9", A.session_id.len);
  ck_assert_int_eq(wchg_ctf_pending_answer(p, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_DONE);
  ck_assert_uint_eq(wchg_ctf_pending_outstanding(p), 0);
  wchg_ctf_pending_free(p);
  wchg_ctf_reg_free(reg);
}
END_TEST

/* ---- error answers without the record's keys ---------------------------- */

START_TEST(error_answer_without_record_keys) {
  uint8_t acr[4096], aca[512];
  start_call();
  send_record(1, 0, acr, sizeof acr);
  /* a relay's 3002 (RFC 6733 §7.2): Session-Id, no record type or number */
  struct spec s = spec_of(3002, 0, 0);
  s.flags |= WCHG_CMD_FLAG_E;
  s.number = false;
  size_t m = build(&s, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_FAILOVER);
  ck_assert_int_eq(A.accounting_record_type, WCHG_ACR_START);
  /* two outstanding and no End-to-End Identifier to tell them apart */
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 300000, R, &D), WCHG_OK);
  send_record(2, 0, acr, sizeof acr);
  expect_diag(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_E_MISSING,
              "ACA/Accounting-Record-Number", WCHG_NO_OFFSET, 5005);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 2);
  /* with identifiers set: matched by the End-to-End Identifier, even
   * without a Session-Id */
  wchg_ctf_session_reset(S);
  start_call();
  send_record(1, 0xE1, acr, sizeof acr);
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 300000, R, &D), WCHG_OK);
  send_record(2, 0xE2, acr, sizeof acr);
  s.sid = NULL;
  s.e2e = 0xE2;
  m = build(&s, aca, sizeof aca);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.accounting_record_type, WCHG_ACR_INTERIM);
  ck_assert_uint_eq(A.accounting_record_number, 1);
  s.e2e = 0xE3;
  m = build(&s, aca, sizeof aca);
  expect_diag(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_E_STATE,
              "ACA/End-to-End-Identifier", 16, 0);
}
END_TEST

/* ---- malformed ACAs ----------------------------------------------------- */

START_TEST(malformed_acas) {
  uint8_t acr[4096], aca[512], bad[520];
  start_call();
  send_record(1, 2, acr, sizeof acr);
  struct spec s = spec_of(2001, WCHG_ACR_START, 0);
  size_t m = build(&s, aca, sizeof aca), rc_off = offset_of(aca, m, 268);

  /* truncated: no header, then cut inside the message */
  expect_diag(wchg_ctf_session_answer(S, aca, 19, &A, &D), WCHG_E_TRUNCATED, "ACA", 19, 5015);
  expect_diag(wchg_ctf_session_answer(S, aca, m - 4, &A, &D), WCHG_E_TRUNCATED,
              "ACA/Message-Length", 1, 5015);
  /* bytes after the message */
  memcpy(bad, aca, m);
  memset(bad + m, 0, 4);
  expect_diag(wchg_ctf_session_answer(S, bad, m + 4, &A, &D), WCHG_E_TRAILING, "ACA", m, 0);
  /* a Message-Length under the header */
  memcpy(bad, aca, m);
  bad[1] = bad[2] = 0, bad[3] = 12;
  expect_diag(wchg_ctf_session_answer(S, bad, m, &A, &D), WCHG_E_LENGTH, "ACA/Message-Length",
              1, 5015);
  /* the Result-Code's length runs past the end */
  memcpy(bad, aca, m);
  bad[rc_off + 5] = 0x01;
  expect_diag(wchg_ctf_session_answer(S, bad, m, &A, &D), WCHG_E_LENGTH, "ACA/Result-Code",
              rc_off, 5014);
  /* ... or is shorter than its header */
  bad[rc_off + 5] = 0, bad[rc_off + 7] = 7;
  expect_diag(wchg_ctf_session_answer(S, bad, m, &A, &D), WCHG_E_LENGTH, "ACA/Result-Code",
              rc_off, 5014);
  /* ... or holds 5 octets */
  bad[rc_off + 7] = 13;
  expect_diag(wchg_ctf_session_answer(S, bad, m, &A, &D), WCHG_E_LENGTH, "ACA/Result-Code",
              rc_off, 5014);
  /* version 2; the R flag; another command; another application */
  memcpy(bad, aca, m);
  bad[0] = 2;
  expect_diag(wchg_ctf_session_answer(S, bad, m, &A, &D), WCHG_E_DIAMETER, "ACA/Version", 0,
              5011);
  s.flags |= WCHG_CMD_FLAG_R;
  size_t k = build(&s, bad, sizeof bad);
  expect_diag(wchg_ctf_session_answer(S, bad, k, &A, &D), WCHG_E_DIAMETER, "ACA/Command-Flags",
              4, 3008);
  s = spec_of(2001, WCHG_ACR_START, 0);
  s.command = 272;
  k = build(&s, bad, sizeof bad);
  expect_diag(wchg_ctf_session_answer(S, bad, k, &A, &D), WCHG_E_DIAMETER, "ACA/Command-Code", 5,
              3001);
  s = spec_of(2001, WCHG_ACR_START, 0);
  s.app = 4;
  k = build(&s, bad, sizeof bad);
  expect_diag(wchg_ctf_session_answer(S, bad, k, &A, &D), WCHG_E_DIAMETER,
              "ACA/Application-Id", 8, 3007);
  /* no Result-Code */
  s = spec_of(2001, WCHG_ACR_START, 0);
  s.result = false;
  k = build(&s, bad, sizeof bad);
  expect_diag(wchg_ctf_session_answer(S, bad, k, &A, &D), WCHG_E_MISSING, "ACA/Result-Code",
              WCHG_NO_OFFSET, 5005);
  /* an Experimental-Result without its code */
  s.exp_vendor = 10415;
  s.exp_no_code = true;
  k = build(&s, bad, sizeof bad);
  expect_diag(wchg_ctf_session_answer(S, bad, k, &A, &D), WCHG_E_MISSING,
              "ACA/Experimental-Result/Experimental-Result-Code", offset_of(bad, k, 297), 5005);
  /* a second Result-Code: which one would count? */
  memcpy(bad, aca, m);
  memcpy(bad + m, aca + rc_off, 12);
  bad[3] = (uint8_t)(m + 12);
  expect_diag(wchg_ctf_session_answer(S, bad, m + 12, &A, &D), WCHG_E_DUPLICATE,
              "ACA/Result-Code", m, 5009);
  /* an AVP header cut by the end (four octets after the last AVP) */
  memcpy(bad, aca, m);
  memset(bad + m, 0, 4);
  bad[3] = (uint8_t)(m + 4);
  expect_diag(wchg_ctf_session_answer(S, bad, m + 4, &A, &D), WCHG_E_TRUNCATED, "ACA/AVP", m,
              5014);
  /* an unknown AVP with a length past the end is named by its code */
  memcpy(bad, aca, m);
  memcpy(bad + m, "\x00\x00\x30\x39\x40\x00\x00\x10\x00\x00\x00\x00", 12);
  bad[3] = (uint8_t)(m + 12);
  expect_diag(wchg_ctf_session_answer(S, bad, m + 12, &A, &D), WCHG_E_LENGTH, "ACA/AVP 12345",
              m, 5014);
  ck_assert_int_eq(wchg_ctf_session_answer(S, NULL, 1, &A, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, NULL, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_session_answer(NULL, aca, m, &A, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_aca_read(aca, m, NULL, &D), WCHG_E_ARG);
  /* none of it changed the session; the good one still answers */
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 1);
  ck_assert_int_eq(wchg_ctf_session_answer(S, aca, m, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_DONE);
}
END_TEST

/* Received as it came: flag bits against the dictionary, unknown AVPs
 * with M set and a last AVP without its padding do not stop the answer. */
START_TEST(kept_as_received) {
  uint8_t acr[4096], aca[512], bad[520];
  start_call();
  send_record(1, 2, acr, sizeof acr);
  struct spec s = spec_of(2001, WCHG_ACR_START, 0);
  size_t m = build(&s, aca, sizeof aca), rc_off = offset_of(aca, m, 268);
  memcpy(bad, aca, m);
  bad[rc_off + 4] = 0x20; /* Result-Code: P set, M clear */
  /* an unknown vendor AVP with M set, 5 octets of data, unpadded at the end */
  memcpy(bad + m, "\x00\x00\x30\x39\xc0\x00\x00\x11\x00\x00\x05\x58xxxxx", 17);
  bad[3] = (uint8_t)(m + 17);
  ck_assert_int_eq(wchg_dmsg_parse(bad, m + 17, 0, &(wchg_dmsg){0}, NULL), WCHG_E_DIAMETER);
  ck_assert_int_eq(wchg_ctf_session_answer(S, bad, m + 17, &A, &D), WCHG_OK);
  ck_assert_int_eq(A.verdict, WCHG_CTF_DONE);
}
END_TEST

/* ---- sends -------------------------------------------------------------- */

START_TEST(send_errors) {
  const uint8_t *msg = (const uint8_t *)"x";
  size_t n = 1;
  wchg_acr *a = (wchg_acr *)start_call();
  ck_assert_int_eq(wchg_ctf_session_send(S, a, &msg, &n, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_session_send(S, a, &msg, &n, &D), WCHG_E_DUPLICATE);
  ck_assert_ptr_null(msg);
  ck_assert_str_eq(D.path, "ACR/Accounting-Record-Number");
  wchg_acr other = *a;
  other.session_id = WCHG_STR("epcscf.example.net;7;43");
  other.accounting_record_number = 1;
  ck_assert_int_eq(wchg_ctf_session_send(S, &other, &msg, &n, &D), WCHG_E_ARG);
  ck_assert_str_eq(D.path, "ACR/Session-Id");
  other = *a;
  other.accounting_record_type = WCHG_ACR_NONE;
  ck_assert_int_eq(wchg_ctf_session_send(S, &other, &msg, &n, &D), WCHG_E_ARG);
  other = *a;
  other.accounting_record_number = 1;
  other.origin_realm = (wchg_str){NULL, 0};
  ck_assert_int_eq(wchg_ctf_session_send(S, &other, &msg, &n, &D), WCHG_E_MISSING);
  ck_assert_str_eq(D.path, "ACR/Origin-Realm");
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 1);
  /* up to WCHG_CTF_SESSION_OUTSTANDING at once */
  for (int i = 1; i <= WCHG_CTF_SESSION_OUTSTANDING; i++) {
    ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 300000LL * i, R, &D), WCHG_OK);
    wchg_status rc = wchg_ctf_session_send(S, wchg_ctf_record_acr(R), &msg, &n, &D);
    ck_assert_int_eq(rc, i < WCHG_CTF_SESSION_OUTSTANDING ? WCHG_OK : WCHG_E_LIMIT);
  }
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), WCHG_CTF_SESSION_OUTSTANDING);
  ck_assert_int_eq(wchg_ctf_session_send(NULL, a, &msg, &n, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_session_send(S, NULL, &msg, &n, &D), WCHG_E_ARG);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(NULL), 0);
  /* a reset forgets them */
  wchg_ctf_session_reset(S);
  ck_assert_uint_eq(wchg_ctf_session_outstanding(S), 0);
}
END_TEST

/* The copy is the bytes as sent, whatever the record's views do later;
 * a bigger ACR grows the slot it lands in, a smaller one reuses it. */
START_TEST(copy_outlives_the_record) {
  uint8_t first[4096];
  start_call();
  size_t n = send_record(1, 2, first, sizeof first);
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 300000, R, &D), WCHG_OK); /* reuses R */
  ck_assert_int_eq(wchg_ctf_session_timeout(S, 0, &A, &D), WCHG_OK);
  ck_assert_uint_eq(A.resend_len, n);
  ck_assert_mem_eq(A.resend + 5, first + 5, n - 5);
}
END_TEST

START_TEST(out_of_memory) {
  /* a session's first send allocates its slots (1), then the copy (2) */
  for (size_t fail = 1; fail <= 3; fail++) {
    struct failmem fm;
    const uint8_t *msg;
    size_t n;
    wchg_ctf_config cfg = CFG;
    failmem_init(&fm, 0, 0);
    cfg.mem = &fm.mem;
    wchg_ctf_session_free(S);
    S = wchg_ctf_session_new(&cfg);
    ck_assert_ptr_nonnull(S);
    start_call();
    fm.fail_at = fm.calls + fail;
    wchg_status rc = wchg_ctf_session_send(S, wchg_ctf_record_acr(R), &msg, &n, &D);
    ck_assert_int_eq(rc, fail <= 2 ? WCHG_E_NOMEM : WCHG_OK);
    ck_assert_uint_eq(wchg_ctf_session_outstanding(S), fail <= 2 ? 0 : 1);
    if (fail == 3) { /* warm: the next ACR reuses what is there */
      ck_assert_int_eq(wchg_ctf_session_drop(S, 0), WCHG_OK);
      fm.fail_at = fm.calls + 1;
      fm.forever = 1;
      ck_assert_int_eq(wchg_ctf_session_send(S, wchg_ctf_record_acr(R), &msg, &n, &D), WCHG_OK);
    }
    wchg_ctf_session_free(S);
    S = NULL;
    ck_assert_uint_eq(fm.live, 0);
  }
  struct failmem fm;
  failmem_init(&fm, 2, 0);
  ck_assert_ptr_null(wchg_ctf_pending_new(&fm.mem, 4));
  ck_assert_uint_eq(fm.live, 0);
  failmem_init(&fm, 0, 0);
  wchg_ctf_pending_free(wchg_ctf_pending_new(&fm.mem, 4));
  ck_assert_uint_eq(fm.live, 0);
}
END_TEST

Suite *ctf_aca_suite(void) {
  Suite *s = suite_create("ctf_aca");
  TCase *tc = tcase_create("proof");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, interval_change_moves_next_interim);
  tcase_add_test(tc, resend_bytes_are_the_first_with_t);
  tcase_add_test(tc, second_and_unknown_answers_refused);
  suite_add_tcase(s, tc);
  tc = tcase_create("answers");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, result_code_classes);
  tcase_add_test(tc, classes_through_a_session);
  tcase_add_test(tc, experimental_result);
  tcase_add_test(tc, timeout_gives_the_resend);
  tcase_add_test(tc, event_records_in_a_tracker);
  tcase_add_test(tc, register_event_answered);
  tcase_add_test(tc, error_answer_without_record_keys);
  tcase_add_test(tc, malformed_acas);
  tcase_add_test(tc, kept_as_received);
  tcase_add_test(tc, send_errors);
  tcase_add_test(tc, copy_outlives_the_record);
  tcase_add_test(tc, out_of_memory);
  suite_add_tcase(s, tc);
  return s;
}
