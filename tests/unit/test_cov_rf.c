/* test_cov_rf.c: cov_rf_suite — the corners of Rf the scenario tests
 * leave out. The answer (aca.h): what wchg_aca_from_acr echoes from an
 * unchecked request whose values have the wrong size, whose length field
 * is short or long, whose last Proxy-Info comes without padding, whose
 * problem lies after the Proxy-Info or outside the message or at an AVP
 * with V and Vendor-Id 0; wchg_aca_encode's checks, one by one, and the
 * optional AVPs it writes. The ACR reader (acr.h): a 3GPP AVP of the code
 * of an IETF rule next to it, an Address of another family (receive),
 * an unknown child of Subscription-Id, a failure with no diag, the
 * argument checks. The ACR writer's shared checks (avp_build.c): required
 * texts with a pointer and no length, an Enumerated beyond Integer32.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/aca.h>
#include <webrtc_chg/acr.h>

#include "rf_samples.h"
#include "testutil.h"

#define V3 10415u
#define VF WCHG_AVP_FLAG_V
#define STRW(w, code, vendor, s) wchg_dw_utf8(w, code, vendor, s, sizeof(s) - 1)

static uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The ACR's top: header and the AVPs every ACR has; the caller adds more
 * with the writer and finishes. */
static void acr_top(wchg_dwriter *w, uint8_t *buf, size_t cap) {
  wchg_dw_init(w, buf, cap, NULL);
  wchg_dw_header(w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, 271, 3, 0x0A0B0C0D, 0x01020304);
  STRW(w, 263, 0, "pcscf1.ims.example.com;1;2");
  wchg_dw_octets(w, 264, 0, "pcscf1.ims.example.com", 22);
  wchg_dw_octets(w, 296, 0, "ims.example.com", 15);
  wchg_dw_octets(w, 283, 0, "ims.example.com", 15);
}

static size_t finish(wchg_dwriter *w) {
  size_t len = 0;
  ck_assert_int_eq(wchg_dw_finish(w, &len), WCHG_OK);
  return len;
}

static void proxy_info(wchg_dwriter *w, const char *host) {
  wchg_dw_group_begin(w, 284, 0);
  wchg_dw_octets(w, 280, 0, host, strlen(host));
  wchg_dw_octets(w, 33, 0, "st", 2);
  wchg_dw_group_end(w);
}

static bool str_is(wchg_str s, const char *want) {
  return s.len == strlen(want) && s.ptr && memcmp(s.ptr, want, s.len) == 0;
}

/* ---- wchg_aca_from_acr --------------------------------------------------- */

/* Values of the wrong size (a request nobody checked): not echoed. */
START_TEST(echo_wrong_sizes) {
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_aca a;
  acr_top(&w, buf, sizeof buf);
  wchg_dw_raw(&w, 480, 0, WCHG_AVP_FLAG_M, "\x00\x02", 2);
  wchg_dw_raw(&w, 485, 0, WCHG_AVP_FLAG_M, "\x00\x00\x00\x00\x00\x00\x00\x07", 8);
  wchg_dw_raw(&w, 259, 0, WCHG_AVP_FLAG_M, "\x00\x00\x03", 3);
  STRW(&w, 1, 0, "alice");
  size_t len = finish(&w);
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, NULL, &a), WCHG_OK);
  ck_assert_int_eq(a.accounting_record_type, 0);
  ck_assert_uint_eq(a.accounting_record_number, 0);
  ck_assert(!a.acct_application_id.present);
  ck_assert(str_is(a.user_name, "alice"));
  ck_assert(str_is(a.session_id, "pcscf1.ims.example.com;1;2"));
  ck_assert_uint_eq(a.hop_by_hop, 0x0A0B0C0D);
  ck_assert_uint_eq(a.end_to_end, 0x01020304);
  /* the right sizes: echoed */
  acr_top(&w, buf, sizeof buf);
  wchg_dw_i32(&w, 480, 0, 2);
  wchg_dw_u32(&w, 485, 0, 7);
  wchg_dw_u32(&w, 259, 0, 3);
  len = finish(&w);
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, NULL, &a), WCHG_OK);
  ck_assert_int_eq(a.accounting_record_type, 2);
  ck_assert_uint_eq(a.accounting_record_number, 7);
  ck_assert(a.acct_application_id.present && a.acct_application_id.value == 3);
}
END_TEST

/* The length field: shorter than a header (the walk takes the bytes
 * given), or shorter than the bytes (the walk stops at it). */
START_TEST(echo_length_field) {
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_aca a;
  acr_top(&w, buf, sizeof buf);
  wchg_dw_i32(&w, 480, 0, 2);
  size_t len = finish(&w);
  /* trailing bytes past the length: an AVP there is not echoed */
  memcpy(buf + len, "\x00\x00\x00\x01\x40\x00\x00\x0b" "bob\0", 12); /* User-Name "bob" */
  len += 12;
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, NULL, &a), WCHG_OK);
  ck_assert_ptr_null(a.user_name.ptr);
  ck_assert_int_eq(a.accounting_record_type, 2);
  /* a length under 20: all the bytes are walked */
  buf[1] = buf[2] = 0;
  buf[3] = 8;
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, NULL, &a), WCHG_OK);
  ck_assert(str_is(a.user_name, "bob"));
  ck_assert_int_eq(a.accounting_record_type, 2);
  /* a length over the bytes: the bytes */
  buf[1] = 0x10;
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, NULL, &a), WCHG_OK);
  ck_assert(str_is(a.user_name, "bob"));
}
END_TEST

/* A Proxy-Info last, its last child and itself without padding: echoed
 * whole, and written back with its padding. */
START_TEST(echo_proxy_info_unpadded) {
  uint8_t buf[512], out[512];
  wchg_dwriter w;
  wchg_aca a;
  wchg_diag d;
  acr_top(&w, buf, sizeof buf);
  wchg_dw_i32(&w, 480, 0, 1);
  wchg_dw_u32(&w, 485, 0, 0);
  size_t at = w.len;
  wchg_dw_group_begin(&w, 284, 0);
  wchg_dw_octets(&w, 33, 0, "st", 2);
  wchg_dw_octets(&w, 280, 0, "h", 1); /* 9 octets: 3 of padding */
  wchg_dw_group_end(&w);
  size_t len = finish(&w);
  /* the group's length without its last child's padding (8 + 12 + 9),
   * and the message cut there */
  ck_assert_uint_eq(be32(buf + at + 4) & 0xFFFFFF, 32);
  buf[at + 7] = 29;
  len -= 3;
  buf[1] = (uint8_t)(len >> 16);
  buf[2] = (uint8_t)(len >> 8);
  buf[3] = (uint8_t)len;
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, NULL, &a), WCHG_OK);
  ck_assert_ptr_eq(a.proxy_info.ptr, buf + at);
  ck_assert_uint_eq(a.proxy_info.len, 29);
  a.origin_host = WCHG_STR("cdf.example.net");
  a.origin_realm = WCHG_STR("example.net");
  size_t n;
  ck_assert_int_eq(wchg_aca_encode(&a, out, sizeof out, &n, &d), WCHG_OK);
  ck_assert_uint_eq(n % 4, 0);
  ck_assert_mem_eq(out + n - 32, buf + at, 29); /* the Proxy-Info last, padded */
  ck_assert_mem_eq(out + n - 3, "\0\0\0", 3);
}
END_TEST

/* Problems: after the Proxy-Info (echoed, it was checked), outside the
 * message, before the AVPs, at an AVP with V and Vendor-Id 0 (not put in
 * Failed-AVP). */
START_TEST(echo_with_problems) {
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_aca a;
  wchg_diag p;
  acr_top(&w, buf, sizeof buf);
  wchg_dw_i32(&w, 480, 0, 1);
  size_t px = w.len;
  proxy_info(&w, "relay.example.net");
  size_t after = w.len;
  wchg_dw_u32(&w, 485, 0, 0);
  size_t bad = finish(&w), len = bad + 16;
  /* V with Vendor-Id 0 (the writer refuses to write one) */
  memcpy(buf + bad, "\x00\x00\x13\x88\x80\x00\x00\x0e\x00\x00\x00\x00zz\0\0", 16);
  buf[2] = (uint8_t)(len >> 8);
  buf[3] = (uint8_t)len;
  memset(&p, 0, sizeof p);
  p.code = WCHG_E_DIAMETER;
  p.result_code = 5004;
  p.offset = after; /* the Accounting-Record-Number */
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, &p, &a), WCHG_OK);
  ck_assert_uint_eq(a.result_code, 5004);
  ck_assert_ptr_eq(a.proxy_info.ptr, buf + px);
  ck_assert_uint_eq(a.proxy_info.len, after - px);
  ck_assert_ptr_eq(a.failed_avp.ptr, buf + after);
  ck_assert_uint_eq(a.failed_avp.len, 12);
  ck_assert_ptr_null(a.error_message.ptr); /* no message in the problem */
  /* at the Proxy-Info itself: not checked, not echoed */
  p.offset = px;
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, &p, &a), WCHG_OK);
  ck_assert_ptr_null(a.proxy_info.ptr);
  ck_assert_ptr_eq(a.failed_avp.ptr, buf + px);
  /* V with Vendor-Id 0: no Failed-AVP */
  p.offset = bad;
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, &p, &a), WCHG_OK);
  ck_assert_ptr_null(a.failed_avp.ptr);
  ck_assert_ptr_eq(a.proxy_info.ptr, buf + px);
  /* at the end, past it (after the Proxy-Info: echoed), in the header,
   * none (not echoed): no Failed-AVP */
  static const struct {
    size_t off;
    bool proxy;
  } o[] = {{0, true}, {100, true}, {4, false}, {WCHG_NO_OFFSET, false}};
  for (size_t i = 0; i < 4; i++) {
    p.offset = o[i].off == 0 || o[i].off == 100 ? len + o[i].off : o[i].off;
    ck_assert_int_eq(wchg_aca_from_acr(buf, len, &p, &a), WCHG_OK);
    ck_assert_ptr_null(a.failed_avp.ptr);
    ck_assert_ptr_eq(a.proxy_info.ptr, o[i].proxy ? buf + px : NULL);
    ck_assert_uint_eq(a.result_code, 5004);
  }
  /* no bytes */
  ck_assert_int_eq(wchg_aca_from_acr(NULL, 0, NULL, &a), WCHG_E_TRUNCATED);
  ck_assert_int_eq(wchg_aca_from_acr(NULL, 4, NULL, &a), WCHG_E_ARG);
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, NULL, NULL), WCHG_E_ARG);
}
END_TEST

/* ---- wchg_aca_encode ------------------------------------------------------ */

static void aca_base(wchg_aca *a) {
  memset(a, 0, sizeof *a);
  a->session_id = WCHG_STR("pcscf1.ims.example.com;1;2");
  a->result_code = 2001;
  a->origin_host = WCHG_STR("cdf.example.net");
  a->origin_realm = WCHG_STR("example.net");
  a->accounting_record_type = WCHG_ACR_EVENT;
}

static void expect_refused(const wchg_aca *a, wchg_status code, const char *path,
                           const char *message) {
  uint8_t out[256];
  size_t len = 99;
  wchg_diag d;
  ck_assert_int_eq(wchg_aca_encode(a, out, sizeof out, &len, &d), code);
  ck_assert_int_eq(d.code, code);
  ck_assert_str_eq(d.path, path);
  ck_assert_str_eq(d.message, message);
  ck_assert_uint_eq(d.offset, WCHG_NO_OFFSET);
  ck_assert_uint_eq(len, 0);
}

START_TEST(encode_checks) {
  static const char *const u32_msg =
      "Acct-Application-Id, Acct-Interim-Interval and Origin-State-Id are Unsigned32";
  wchg_aca a;
  aca_base(&a);
  a.session_id = (wchg_str){"", 0};
  expect_refused(&a, WCHG_E_MISSING, "ACA/Session-Id", "the Session-Id is required");
  aca_base(&a);
  a.origin_host = (wchg_str){NULL, 0};
  expect_refused(&a, WCHG_E_MISSING, "ACA/Origin-Host", "the Origin-Host is required");
  aca_base(&a);
  a.origin_host = (wchg_str){"", 0};
  expect_refused(&a, WCHG_E_MISSING, "ACA/Origin-Host", "the Origin-Host is required");
  aca_base(&a);
  a.origin_realm = (wchg_str){NULL, 0};
  expect_refused(&a, WCHG_E_MISSING, "ACA/Origin-Realm", "the Origin-Realm is required");
  aca_base(&a);
  a.origin_realm = (wchg_str){"x", 0};
  expect_refused(&a, WCHG_E_MISSING, "ACA/Origin-Realm", "the Origin-Realm is required");
  aca_base(&a);
  a.acct_application_id = WCHG_INT(-1);
  expect_refused(&a, WCHG_E_RANGE, "ACA/Acct-Interim-Interval", u32_msg);
  aca_base(&a);
  a.acct_interim_interval = WCHG_INT(INT64_C(1) << 32);
  expect_refused(&a, WCHG_E_RANGE, "ACA/Acct-Interim-Interval", u32_msg);
  aca_base(&a);
  a.origin_state_id = WCHG_INT(INT64_C(1) << 32);
  expect_refused(&a, WCHG_E_RANGE, "ACA/Acct-Interim-Interval", u32_msg);
  /* Failed-AVP: V with Vendor-Id 0; Proxy-Info: another AVP in the run */
  aca_base(&a);
  a.failed_avp = (wchg_octets){(const uint8_t *)"\x00\x00\x13\x88\x80\x00\x00\x0c\x00\x00\x00\x00",
                               12};
  expect_refused(&a, WCHG_E_ENCODING, "ACA/Failed-AVP", "failed_avp is not one whole AVP");
  aca_base(&a);
  a.proxy_info = (wchg_octets){(const uint8_t *)"\x00\x00\x01\x1c\x40\x00\x00\x08"
                                                "\x00\x00\x01\x1d\x40\x00\x00\x08",
                               16}; /* Proxy-Info (284), then 285 */
  expect_refused(&a, WCHG_E_ENCODING, "ACA/Proxy-Info",
                 "proxy_info is not a run of Proxy-Info AVPs");
  /* NULL |a| or |len| */
  size_t len;
  aca_base(&a);
  ck_assert_int_eq(wchg_aca_encode(NULL, NULL, 0, &len, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_aca_encode(&a, NULL, 0, NULL, NULL), WCHG_E_ARG);
  /* the largest values fit */
  a.acct_application_id = WCHG_INT(UINT32_MAX);
  a.acct_interim_interval = WCHG_INT(0);
  a.origin_state_id = WCHG_INT(UINT32_MAX);
  ck_assert_int_eq(wchg_aca_encode(&a, NULL, 0, &len, NULL), WCHG_E_BUFFER);
  ck_assert_uint_gt(len, 20);
}
END_TEST

/* Error-Reporting-Host, Origin-State-Id and an Event-Timestamp before
 * 1970 (rounded down to the second) are written. */
START_TEST(encode_optional_avps) {
  static const struct {
    int64_t ms, unix_s;
  } t[] = {{-1500, -2}, {-1000, -1}, {-1, -1}, {0, 0}, {1999, 1}};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
    uint8_t out[512];
    size_t len;
    wchg_aca a;
    wchg_diag d;
    wchg_dmsg m;
    wchg_avp v;
    uint32_t u;
    int64_t s;
    aca_base(&a);
    a.error_reporting_host = WCHG_STR("proxy.example.net");
    a.origin_state_id = WCHG_INT(77);
    a.event_timestamp = WCHG_TIME_MS(t[i].ms);
    ck_assert_int_eq(wchg_aca_encode(&a, out, sizeof out, &len, &d), WCHG_OK);
    ck_assert_int_eq(wchg_dmsg_parse(out, len, 0, &m, &d), WCHG_OK);
    ck_assert(wchg_avp_find(&m, NULL, 294, 0, &v));
    ck_assert_uint_eq(v.len, 17);
    ck_assert(memcmp(v.data, "proxy.example.net", 17) == 0);
    ck_assert(wchg_avp_find(&m, NULL, 278, 0, &v));
    ck_assert_int_eq(wchg_avp_u32(&v, &u), WCHG_OK);
    ck_assert_uint_eq(u, 77);
    ck_assert(wchg_avp_find(&m, NULL, 55, 0, &v));
    ck_assert_int_eq(wchg_avp_time(&v, &s), WCHG_OK);
    ck_assert_msg(s == t[i].unix_s, "%lld ms: %lld s", (long long)t[i].ms, (long long)s);
  }
}
END_TEST

/* ---- the ACR reader ------------------------------------------------------ */

/* The minimal EVENT ACR with Service-Information/IMS-Information; |si|
 * and |ims| add to those, |top| at the end. */
static size_t acr_event(uint8_t *buf, size_t cap, void (*top)(wchg_dwriter *),
                        void (*si)(wchg_dwriter *), void (*ims)(wchg_dwriter *)) {
  wchg_dwriter w;
  acr_top(&w, buf, cap);
  wchg_dw_i32(&w, 480, 0, 1);
  wchg_dw_u32(&w, 485, 0, 0);
  wchg_dw_group_begin(&w, 873, V3);
  if (si)
    si(&w);
  wchg_dw_group_begin(&w, 876, V3);
  wchg_dw_i32(&w, 862, V3, 1);
  if (ims)
    ims(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  if (top)
    top(&w);
  return finish(&w);
}

/* User-Name, the 3GPP-IMSI (1/10415) and User-Name again: in receive the
 * second User-Name is a warning and skipped; the IMSI is no User-Name. */
static void w_user_names(wchg_dwriter *w) {
  STRW(w, 1, 0, "alice");
  STRW(w, 1, V3, "001010123456789");
  STRW(w, 1, 0, "mallory");
}

START_TEST(acr_same_code_other_vendor) {
  static uint8_t buf[1024];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  const wchg_acr *acr;
  wchg_diag d, wi[4];
  wchg_warnings warn = {wi, 4, 0};
  size_t len = acr_event(buf, sizeof buf, w_user_names, NULL, NULL);
  ck_assert_int_eq(wchg_acr_decode(r, buf, len, &acr, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5009);
  ck_assert_str_eq(d.path, "User-Name");
  ck_assert_int_eq(wchg_acr_decode_ex(r, buf, len, WCHG_POLICY_RECEIVE, &acr, &d, &warn), WCHG_OK);
  ck_assert_uint_eq(warn.count, 1);
  ck_assert_uint_eq(wi[0].result_code, 5009);
  ck_assert(str_is(acr->ims.private_user_id, "alice"));
  wchg_acr_reader_free(r);
}
END_TEST

/* Served-Party-IP-Address of another family, 6 and 18 octets long: the
 * receive policy reads the ACR (a warning) without the address. */
static uint8_t fam_avp[18];
static size_t fam_len;
static void w_family(wchg_dwriter *w) { wchg_dw_raw(w, 848, V3, VF | WCHG_AVP_FLAG_M, fam_avp, fam_len); }

START_TEST(acr_address_of_another_family) {
  static uint8_t buf[1024];
  static const struct {
    size_t len;
    uint8_t f0, f1;
  } c[] = {{6, 1, 1}, {18, 1, 2}, {6, 0, 3}, {18, 0, 7}};
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    const wchg_acr *acr;
    wchg_diag d, wi[2];
    wchg_warnings warn = {wi, 2, 0};
    memset(fam_avp, 0x11, sizeof fam_avp);
    fam_avp[0] = c[i].f0;
    fam_avp[1] = c[i].f1;
    fam_len = c[i].len;
    size_t len = acr_event(buf, sizeof buf, NULL, NULL, w_family);
    ck_assert_int_eq(wchg_acr_decode_ex(r, buf, len, WCHG_POLICY_RECEIVE, &acr, &d, &warn),
                     WCHG_OK);
    ck_assert_uint_eq(warn.count, 1);
    ck_assert_uint_eq(wi[0].result_code, 5004);
    ck_assert_str_eq(wi[0].path, "Service-Information/IMS-Information/Served-Party-IP-Address");
    ck_assert_int_eq(acr->ims.served_party_ip_address.choice, 0);
  }
  /* family 1 and 2 for contrast */
  const wchg_acr *acr;
  wchg_diag d;
  fam_avp[0] = 0;
  fam_avp[1] = 2;
  fam_len = 18;
  size_t len = acr_event(buf, sizeof buf, NULL, NULL, w_family);
  ck_assert_int_eq(wchg_acr_decode(r, buf, len, &acr, &d), WCHG_OK);
  ck_assert_int_eq(acr->ims.served_party_ip_address.choice, WCHG_IP_BIN_V6);
  ck_assert_mem_eq(acr->ims.served_party_ip_address.bin, fam_avp + 2, 16);
  wchg_acr_reader_free(r);
}
END_TEST

/* A Subscription-Id with an AVP the dictionary does not know (M clear):
 * read, the unknown one passed over. */
static void w_subscription(wchg_dwriter *w) {
  wchg_dw_group_begin(w, 443, 0);
  wchg_dw_raw(w, 60000, 0, 0, "zz", 2);
  wchg_dw_i32(w, 450, 0, 2);
  STRW(w, 444, 0, "sip:alice@ims.example.com");
  wchg_dw_raw(w, 60001, V3, VF, "y", 1);
  wchg_dw_group_end(w);
}

START_TEST(acr_subscription_unknown_child) {
  static uint8_t buf[1024];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  const wchg_acr *acr;
  wchg_diag d;
  size_t len = acr_event(buf, sizeof buf, NULL, w_subscription, NULL);
  ck_assert_int_eq(wchg_acr_decode(r, buf, len, &acr, &d), WCHG_OK);
  ck_assert_uint_eq(acr->ims.list_of_subscription_id.count, 1);
  const wchg_subscription_id *s = &acr->ims.list_of_subscription_id.items[0];
  ck_assert(s->subscription_id_type.present && s->subscription_id_type.value == 2);
  ck_assert(str_is(s->subscription_id_data, "sip:alice@ims.example.com"));
  wchg_acr_reader_free(r);
}
END_TEST

static void w_app4(wchg_dwriter *w) { wchg_dw_u32(w, 259, 0, 4); }

START_TEST(acr_arguments_and_no_diag) {
  static uint8_t buf[1024];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  const wchg_acr *acr = (const wchg_acr *)buf;
  wchg_diag d;
  size_t len = acr_event(buf, sizeof buf, w_app4, NULL, NULL);
  /* the model's refusal with no diag: the code alone */
  ck_assert_int_eq(wchg_acr_decode(r, buf, len, &acr, NULL), WCHG_E_RANGE);
  ck_assert_ptr_null(acr);
  ck_assert_int_eq(wchg_acr_decode(r, buf, len, &acr, &d), WCHG_E_RANGE);
  ck_assert_str_eq(d.path, "Acct-Application-Id");
  ck_assert_int_eq(wchg_acr_decode_ex(r, NULL, 0, (wchg_policy)9, &acr, &d, NULL), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "unknown policy");
  ck_assert_int_eq(wchg_acr_decode_ex(r, NULL, 5, WCHG_POLICY_STRICT, &acr, &d, NULL), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "buf is NULL");
  ck_assert_int_eq(wchg_acr_decode_ex(NULL, buf, len, WCHG_POLICY_STRICT, &acr, &d, NULL),
                   WCHG_E_ARG);
  ck_assert_str_eq(d.message, "r is NULL");
  ck_assert_int_eq(wchg_acr_decode_ex(r, buf, len, WCHG_POLICY_STRICT, NULL, &d, NULL),
                   WCHG_E_ARG);
  ck_assert_str_eq(d.message, "out is NULL");
  wchg_acr_reader_free(r);
}
END_TEST

/* ---- the ACR writer's shared checks (avp_build.c) ----------------------- */

static void expect_acr_refused(const wchg_acr *a, wchg_status code, const char *path,
                               const char *message) {
  uint8_t buf[2048];
  size_t len = 7;
  wchg_diag d;
  ck_assert_int_eq(wchg_acr_encode(a, buf, sizeof buf, &len, &d), code);
  ck_assert_str_eq(d.path, path);
  ck_assert_str_eq(d.message, message);
  ck_assert_uint_eq(len, 0);
}

/* Required texts given with a pointer and no length; an Enumerated value
 * beyond Integer32. */
START_TEST(acr_writer_checks) {
  wchg_acr a;
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.origin_host = (wchg_str){"x", 0};
  expect_acr_refused(&a, WCHG_E_MISSING, "ACR/Origin-Host", "Origin-Host is required");
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.destination_realm = (wchg_str){"x", 0};
  expect_acr_refused(&a, WCHG_E_MISSING, "ACR/Destination-Realm",
                     "Destination-Realm is required");
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.ims.role_of_node = WCHG_INT(INT64_C(1) << 40);
  expect_acr_refused(&a, WCHG_E_RANGE, "ACR/Service-Information/IMS-Information/Role-Of-Node",
                     "1099511627776 is not a value of Role-Of-Node (0..2)");
  a.ims.role_of_node = WCHG_INT(-(INT64_C(1) << 40));
  expect_acr_refused(&a, WCHG_E_RANGE, "ACR/Service-Information/IMS-Information/Role-Of-Node",
                     "-1099511627776 is not a value of Role-Of-Node (0..2)");
}
END_TEST

Suite *cov_rf_suite(void) {
  Suite *s = suite_create("cov_rf");
  TCase *t = tcase_create("rf");
  tcase_add_test(t, echo_wrong_sizes);
  tcase_add_test(t, echo_length_field);
  tcase_add_test(t, echo_proxy_info_unpadded);
  tcase_add_test(t, echo_with_problems);
  tcase_add_test(t, encode_checks);
  tcase_add_test(t, encode_optional_avps);
  tcase_add_test(t, acr_same_code_other_vendor);
  tcase_add_test(t, acr_address_of_another_family);
  tcase_add_test(t, acr_subscription_unknown_child);
  tcase_add_test(t, acr_arguments_and_no_diag);
  tcase_add_test(t, acr_writer_checks);
  suite_add_tcase(s, t);
  return s;
}
