/* test_aca.c: the Accounting-Answer — what it echoes from good and broken
 * ACRs, Failed-AVP, the E bit, Proxy-Info, and its encoding errors.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diam_samples.h"
#include "testutil.h"

static const wchg_str CDF_HOST = WCHG_STR("cdf.example.net");
static const wchg_str CDF_REALM = WCHG_STR("example.net");

static size_t acr_sample(uint8_t *buf, size_t cap) {
  size_t len;
  ck_assert_int_eq(sample_acr(buf, cap, &len), WCHG_OK);
  return len;
}

/* Encode |a| with the CDF's origin, parse it back strictly. */
static size_t encode_parse(wchg_aca *a, uint8_t *out, size_t cap, wchg_dmsg *m) {
  size_t len;
  wchg_diag d;
  a->origin_host = CDF_HOST;
  a->origin_realm = CDF_REALM;
  ck_assert_int_eq(wchg_aca_encode(a, out, cap, &len, &d), WCHG_OK);
  wchg_status rc = wchg_dmsg_parse(out, len, 0, m, &d);
  ck_assert_msg(rc == WCHG_OK, "%s at %zu: %s (%u)", d.path, d.offset, d.message,
                (unsigned)d.result_code);
  ck_assert_uint_eq(m->code, WCHG_CMD_ACCOUNTING);
  ck_assert_uint_eq(m->app_id, WCHG_APP_BASE_ACCOUNTING);
  ck_assert(!(m->flags & WCHG_CMD_FLAG_R));
  ck_assert_str_eq(m->command->name, "Accounting-Answer");
  return len;
}

static uint32_t u32_of(const wchg_dmsg *m, uint32_t code) {
  wchg_avp a;
  uint32_t v;
  ck_assert_msg(wchg_avp_find(m, NULL, code, 0, &a), "AVP %u missing", (unsigned)code);
  ck_assert_int_eq(wchg_avp_u32(&a, &v), WCHG_OK);
  return v;
}

START_TEST(answer_to_a_good_acr) {
  uint8_t acr[2048], out[1024];
  size_t n = acr_sample(acr, sizeof acr);
  wchg_aca a;
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, NULL, &a), WCHG_OK);
  ck_assert_uint_eq(a.result_code, WCHG_RC_SUCCESS);
  ck_assert(!a.error_bit);
  ck_assert_int_eq(a.accounting_record_type, WCHG_ACR_START);
  ck_assert_ptr_null(a.failed_avp.ptr);
  a.acct_interim_interval = WCHG_INT(300);
  a.event_timestamp = WCHG_TIME_MS(1795510800123LL);
  wchg_dmsg m, req;
  size_t len = encode_parse(&a, out, sizeof out, &m);
  test_out_write_diam("aca_success", out, len);
  ck_assert_int_eq(wchg_dmsg_parse(acr, n, 0, &req, NULL), WCHG_OK);
  ck_assert_uint_eq(m.hop_by_hop, req.hop_by_hop);
  ck_assert_uint_eq(m.end_to_end, req.end_to_end);
  ck_assert(m.flags & WCHG_CMD_FLAG_P);
  ck_assert_uint_eq(u32_of(&m, 268), 2001);
  ck_assert_uint_eq(u32_of(&m, 480), 2);
  ck_assert_uint_eq(u32_of(&m, 485), u32_of(&req, 485));
  ck_assert_uint_eq(u32_of(&m, 259), 3);
  ck_assert_uint_eq(u32_of(&m, 85), 300);
  wchg_avp s1, s2;
  ck_assert(wchg_avp_find(&m, NULL, 263, 0, &s1));
  ck_assert(wchg_avp_find(&req, NULL, 263, 0, &s2));
  ck_assert_uint_eq(s1.len, s2.len);
  ck_assert_mem_eq(s1.data, s2.data, s1.len);
  ck_assert(wchg_avp_find(&m, NULL, 1, 0, &s1)); /* User-Name echoed */
  ck_assert(wchg_avp_find(&m, NULL, 264, 0, &s1));
  ck_assert_mem_eq(s1.data, CDF_HOST.ptr, CDF_HOST.len);
  int64_t t;
  ck_assert(wchg_avp_find(&m, NULL, 55, 0, &s1));
  ck_assert_int_eq(wchg_avp_time(&s1, &t), WCHG_OK);
  ck_assert_int_eq(t, 1795510800);
}
END_TEST

/* An ACR with an Accounting-Record-Type of 9: 5004, the AVP in Failed-AVP. */
START_TEST(answer_with_failed_avp) {
  uint8_t acr[2048], out[2048];
  size_t n = acr_sample(acr, sizeof acr);
  wchg_dmsg m;
  wchg_diag d;
  ck_assert_int_eq(wchg_dmsg_parse(acr, n, 0, &m, NULL), WCHG_OK);
  wchg_avp rt;
  ck_assert(wchg_avp_find(&m, NULL, 480, 0, &rt));
  acr[rt.offset + 11] = 9;
  ck_assert_int_eq(wchg_dmsg_parse(acr, n, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  ck_assert_uint_eq(d.offset, rt.offset);
  wchg_aca a;
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, &d, &a), WCHG_OK);
  ck_assert_uint_eq(a.result_code, 5004);
  ck_assert(!a.error_bit);
  ck_assert_int_eq(a.accounting_record_type, 9);
  a.accounting_record_type = WCHG_ACR_START; /* the echo must be a valid value */
  ck_assert_uint_eq(a.failed_avp.len, 12);
  ck_assert_str_eq(a.error_message.ptr, d.message);
  size_t len = encode_parse(&a, out, sizeof out, &m);
  test_out_write_diam("aca_failed_avp", out, len);
  wchg_avp f, inner;
  ck_assert(wchg_avp_find(&m, NULL, 279, 0, &f));
  ck_assert(wchg_avp_find(&m, &f, 480, 0, &inner));
  ck_assert_uint_eq(inner.len, 4);
  ck_assert_uint_eq(inner.data[3], 9);
  ck_assert(wchg_avp_find(&m, NULL, 281, 0, &f)); /* Error-Message */
  ck_assert_uint_eq(u32_of(&m, 268), 5004);
}
END_TEST

/* A reserved AVP flag bit: 3009, a protocol error with the E bit; the
 * broken AVP cannot be copied and stays out of Failed-AVP. */
START_TEST(answer_protocol_error) {
  uint8_t acr[2048], out[2048];
  size_t n = acr_sample(acr, sizeof acr);
  wchg_dmsg m;
  wchg_diag d;
  wchg_avp un;
  ck_assert_int_eq(wchg_dmsg_parse(acr, n, 0, &m, NULL), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 1, 0, &un));
  acr[un.offset + 4] |= 0x01;
  ck_assert_int_eq(wchg_dmsg_parse(acr, n, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3009);
  wchg_aca a;
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, &d, &a), WCHG_OK);
  ck_assert(a.error_bit);
  ck_assert_ptr_null(a.failed_avp.ptr);
  size_t len = encode_parse(&a, out, sizeof out, &m);
  ck_assert(m.flags & WCHG_CMD_FLAG_E);
  test_out_write_diam("aca_protocol_error", out, len);
  /* a problem with no Result-Code: 5012 */
  d.result_code = 0;
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, &d, &a), WCHG_OK);
  ck_assert_uint_eq(a.result_code, WCHG_RC_UNABLE_TO_COMPLY);
}
END_TEST

/* Proxy-Info comes back whole and in order; Session-Id and the record
 * fields are found in any order. */
START_TEST(answer_echoes_proxy_info) {
  uint8_t acr[512], out[512];
  size_t n;
  wchg_dwriter w;
  wchg_dw_init(&w, acr, sizeof acr, NULL);
  wchg_dw_header(&w, 0xC0, 271, 3, 7, 8);
  wchg_dw_utf8(&w, 263, 0, "ctf.example.net;1;2", 19);
  wchg_dw_octets(&w, 264, 0, "ctf.example.net", 15);
  wchg_dw_octets(&w, 296, 0, "example.net", 11);
  wchg_dw_octets(&w, 283, 0, "example.net", 11);
  wchg_dw_i32(&w, 480, 0, 4);
  wchg_dw_u32(&w, 485, 0, 7);
  for (int i = 0; i < 2; i++) {
    wchg_dw_group_begin(&w, 284, 0);
    wchg_dw_octets(&w, 280, 0, i ? "relay2.example.net" : "relay1.example.net", 18);
    wchg_dw_octets(&w, 33, 0, i ? "s2" : "s1", 2);
    wchg_dw_group_end(&w);
  }
  ck_assert_int_eq(wchg_dw_finish(&w, &n), WCHG_OK);
  wchg_aca a;
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, NULL, &a), WCHG_OK);
  ck_assert_int_eq(a.accounting_record_type, WCHG_ACR_STOP);
  ck_assert_uint_eq(a.accounting_record_number, 7);
  ck_assert(!a.acct_application_id.present);
  ck_assert_uint_eq(a.hop_by_hop, 7);
  wchg_dmsg m;
  size_t len = encode_parse(&a, out, sizeof out, &m);
  test_out_write_diam("aca_proxy_info", out, len);
  ck_assert_uint_eq(a.proxy_info.len, 2 * 48);
  ck_assert(len >= a.proxy_info.len);
  ck_assert_mem_eq(out + len - a.proxy_info.len, a.proxy_info.ptr, a.proxy_info.len);
}
END_TEST

/* Damaged input: every prefix and a broken length give what lies before
 * the damage, never more. */
START_TEST(answer_to_damaged_acrs) {
  uint8_t acr[2048];
  size_t n = acr_sample(acr, sizeof acr);
  wchg_aca a;
  for (size_t k = 0; k < n; k++) {
    uint8_t *p = malloc(k ? k : 1);
    memcpy(p, acr, k);
    wchg_status rc = wchg_aca_from_acr(p, k, NULL, &a);
    ck_assert_int_eq(rc, k < 20 ? WCHG_E_TRUNCATED : WCHG_OK);
    if (a.session_id.ptr)
      ck_assert(a.session_id.ptr + a.session_id.len <= (const char *)p + k);
    free(p);
  }
  /* the Session-Id's length runs past the end: nothing found */
  acr[25] = acr[26] = acr[27] = 0xFF;
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, NULL, &a), WCHG_OK);
  ck_assert_ptr_null(a.session_id.ptr);
  ck_assert_int_eq(wchg_aca_from_acr(NULL, 4, NULL, &a), WCHG_E_ARG);
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, NULL, NULL), WCHG_E_ARG);
}
END_TEST

START_TEST(encode_errors) {
  uint8_t acr[2048], out[2048];
  size_t n = acr_sample(acr, sizeof acr), len;
  wchg_aca a, b;
  wchg_diag d;
  ck_assert_int_eq(wchg_aca_from_acr(acr, n, NULL, &a), WCHG_OK);
  a.origin_host = CDF_HOST;
  a.origin_realm = CDF_REALM;
  b = a;
  b.session_id.ptr = NULL;
  ck_assert_int_eq(wchg_aca_encode(&b, out, sizeof out, &len, &d), WCHG_E_MISSING);
  ck_assert_str_eq(d.path, "ACA/Session-Id");
  b = a;
  b.origin_realm.len = 0;
  ck_assert_int_eq(wchg_aca_encode(&b, out, sizeof out, &len, &d), WCHG_E_MISSING);
  ck_assert_str_eq(d.path, "ACA/Origin-Realm");
  b = a;
  b.accounting_record_type = 0;
  ck_assert_int_eq(wchg_aca_encode(&b, out, sizeof out, &len, &d), WCHG_E_RANGE);
  b = a;
  b.origin_state_id = WCHG_INT(-1);
  ck_assert_int_eq(wchg_aca_encode(&b, out, sizeof out, &len, &d), WCHG_E_RANGE);
  b = a;
  b.failed_avp = (wchg_octets){acr + 20, 7};
  ck_assert_int_eq(wchg_aca_encode(&b, out, sizeof out, &len, &d), WCHG_E_ENCODING);
  ck_assert_str_eq(d.path, "ACA/Failed-AVP");
  b = a;
  b.proxy_info = (wchg_octets){acr + 20, 8}; /* a Session-Id header, not Proxy-Info */
  ck_assert_int_eq(wchg_aca_encode(&b, out, sizeof out, &len, &d), WCHG_E_ENCODING);
  b = a;
  b.error_message = WCHG_STR("bad \xff text");
  ck_assert_int_eq(wchg_aca_encode(&b, out, sizeof out, &len, &d), WCHG_E_UTF8);
  ck_assert_uint_eq(len, 0);
  /* a short buffer: the size needed, at every capacity */
  size_t full;
  ck_assert_int_eq(wchg_aca_encode(&a, NULL, 0, &full, &d), WCHG_E_BUFFER);
  for (size_t cap = 0; cap < full; cap++) {
    ck_assert_int_eq(wchg_aca_encode(&a, out, cap, &len, NULL), WCHG_E_BUFFER);
    ck_assert_uint_eq(len, full);
  }
  ck_assert_int_eq(wchg_aca_encode(&a, out, full, &len, NULL), WCHG_OK);
  ck_assert_int_eq(wchg_aca_encode(NULL, out, full, &len, NULL), WCHG_E_ARG);
}
END_TEST

Suite *aca_suite(void) {
  Suite *s = suite_create("aca");
  TCase *tc = tcase_create("aca");
  tcase_add_test(tc, answer_to_a_good_acr);
  tcase_add_test(tc, answer_with_failed_avp);
  tcase_add_test(tc, answer_protocol_error);
  tcase_add_test(tc, answer_echoes_proxy_info);
  tcase_add_test(tc, answer_to_damaged_acrs);
  tcase_add_test(tc, encode_errors);
  suite_add_tcase(s, tc);
  return s;
}
