/* test_avp.c: the Diameter writer and reader — golden bytes per type, flag
 * rules from the dictionary, buffer sizing, sticky errors, every class of
 * malformed input with its Result-Code, path and offset.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diam_samples.h"
#include "testutil.h"

#define V3 10415u

/* A message with one AVP written by |fn|; returns the AVP's bytes. */
typedef wchg_status (*avp_fn)(wchg_dwriter *);

static size_t one_avp(avp_fn fn, uint8_t *avp_out) {
  uint8_t buf[256];
  size_t len;
  wchg_dwriter w;
  wchg_dw_init(&w, buf, sizeof buf, NULL);
  wchg_dw_header(&w, 0, 271, 3, 1, 2);
  ck_assert_int_eq(fn(&w), WCHG_OK);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  ck_assert_uint_eq(buf[1] << 16 | buf[2] << 8 | buf[3], len);
  ck_assert_uint_eq(len % 4, 0);
  memcpy(avp_out, buf + 20, len - 20);
  return len - 20;
}

static void expect_avp(avp_fn fn, const char *hex) {
  uint8_t want[256], got[256];
  size_t wn = test_unhex(hex, want, sizeof want), gn = one_avp(fn, got);
  ck_assert_uint_eq(gn, wn);
  ck_assert_mem_eq(got, want, wn);
}

static wchg_status w_u32(wchg_dwriter *w) { return wchg_dw_u32(w, 259, 0, 3); }
static wchg_status w_u32v(wchg_dwriter *w) { return wchg_dw_u32(w, 2301, V3, 125); }
static wchg_status w_utf8(wchg_dwriter *w) { return wchg_dw_utf8(w, 1, 0, "abc", 3); }
static wchg_status w_utf8_0(wchg_dwriter *w) { return wchg_dw_utf8(w, 1, 0, "", 0); }
static wchg_status w_enum(wchg_dwriter *w) { return wchg_dw_i32(w, 480, 0, 4); }
static wchg_status w_cause(wchg_dwriter *w) { return wchg_dw_i32(w, 861, V3, -302); }
static wchg_status w_time(wchg_dwriter *w) { return wchg_dw_time(w, 55, 0, 1795510800); }
static wchg_status w_time_2036(wchg_dwriter *w) { return wchg_dw_time(w, 55, 0, 2085978496); }
static wchg_status w_u64(wchg_dwriter *w) { return wchg_dw_u64(w, 421, 0, 0x0102030405060708ULL); }
static wchg_status w_i64(wchg_dwriter *w) { return wchg_dw_i64(w, 447, 0, -2); }
static wchg_status w_id(wchg_dwriter *w) { return wchg_dw_octets(w, 264, 0, "h.example", 9); }
static wchg_status w_v4(wchg_dwriter *w) {
  static const uint8_t a[4] = {198, 51, 100, 23};
  return wchg_dw_address(w, 848, V3, 1, a);
}
static wchg_status w_v6(wchg_dwriter *w) {
  static const uint8_t a[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
  return wchg_dw_address(w, 848, V3, 2, a);
}
static wchg_status w_waf(wchg_dwriter *w) { return wchg_dw_utf8(w, 657, V3, "w", 1); }
static wchg_status w_group(wchg_dwriter *w) {
  wchg_dw_group_begin(w, 443, 0);
  wchg_dw_i32(w, 450, 0, 2);
  wchg_dw_utf8(w, 444, 0, "sip:a", 5);
  return wchg_dw_group_end(w);
}

START_TEST(golden_types) {
  /* code | flags | length (no padding) | [vendor] | data | padding */
  expect_avp(w_u32, "00000103 40 00000c 00000003");
  expect_avp(w_u32v, "000008fd c0 000010 000028af 0000007d");
  expect_avp(w_utf8, "00000001 40 00000b 616263 00");
  expect_avp(w_utf8_0, "00000001 40 000008");
  expect_avp(w_enum, "000001e0 40 00000c 00000004");
  expect_avp(w_cause, "0000035d c0 000010 000028af fffffed2");
  expect_avp(w_time, "00000037 40 00000c eeafd090");
  expect_avp(w_time_2036, "00000037 40 00000c 00000000"); /* era 1 starts at 0 */
  expect_avp(w_u64, "000001a5 40 000010 0102030405060708");
  expect_avp(w_i64, "000001bf 40 000010 fffffffffffffffe");
  expect_avp(w_id, "00000108 40 000011 682e6578616d706c65 000000");
  expect_avp(w_v4, "00000350 c0 000012 000028af 0001 c6336417 0000");
  expect_avp(w_v6, "00000350 c0 00001e 000028af 0002 20010db8000000000000000000000001 0000");
  /* TS 29.229: V set, M clear */
  expect_avp(w_waf, "00000291 80 00000d 000028af 77 000000");
  /* Grouped: children padded, the group's length counts their padding */
  expect_avp(w_group, "000001bb 40 000024 000001c2 40 00000c 00000002"
                      " 000001bc 40 00000d 7369703a61 000000");
}
END_TEST

START_TEST(ntp_era_rule) {
  uint32_t ntp;
  ck_assert_int_eq(wchg_ntp_from_unix(2085978495, &ntp), WCHG_OK);
  ck_assert_uint_eq(ntp, 0xFFFFFFFFu);
  ck_assert_int_eq(wchg_ntp_from_unix(2085978496, &ntp), WCHG_OK);
  ck_assert_uint_eq(ntp, 0);
  ck_assert_int_eq(wchg_unix_from_ntp(0), 2085978496LL);
  ck_assert_int_eq(wchg_unix_from_ntp(0x80000000u), 0x80000000LL - WCHG_NTP_UNIX_OFFSET);
  ck_assert_int_eq(wchg_unix_from_ntp(0x7FFFFFFFu), 0x17FFFFFFFLL - WCHG_NTP_UNIX_OFFSET);
  for (int64_t t = -2000000000LL; t < 4000000000LL; t += 7654321)
    if (wchg_ntp_from_unix(t, &ntp) == WCHG_OK)
      ck_assert_int_eq(wchg_unix_from_ntp(ntp), t);
  ck_assert_int_eq(wchg_ntp_from_unix(-2208988800LL, &ntp), WCHG_E_RANGE); /* 1900 */
  ck_assert_int_eq(wchg_ntp_from_unix(4294967296LL * 2, &ntp), WCHG_E_RANGE);
}
END_TEST

START_TEST(buffer_sizing) {
  uint8_t buf[2048], ref[2048];
  size_t need = 0, len = 0;
  ck_assert_int_eq(sample_acr(NULL, 0, &need), WCHG_E_BUFFER);
  ck_assert_int_eq(sample_acr(ref, sizeof ref, &len), WCHG_OK);
  ck_assert_uint_eq(len, need);
  for (size_t cap = 0; cap < need; cap += 7) {
    size_t n = 0;
    memset(buf, 0xEE, sizeof buf);
    ck_assert_int_eq(sample_acr(buf, cap, &n), WCHG_E_BUFFER);
    ck_assert_uint_eq(n, need);
    for (size_t i = cap; i < sizeof buf; i++) /* nothing written past cap */
      ck_assert_uint_eq(buf[i], 0xEE);
  }
  ck_assert_int_eq(sample_acr(buf, need, &len), WCHG_OK);
  ck_assert_mem_eq(buf, ref, need);
  test_out_write_diam("sample-acr", ref, len);
  ck_assert_int_eq(sample_ccr(buf, sizeof buf, &len), WCHG_OK);
  test_out_write_diam("sample-ccr", buf, len);
}
END_TEST

static void expect_write_error(wchg_status want, void (*fn)(wchg_dwriter *)) {
  uint8_t buf[512];
  size_t len;
  wchg_diag d;
  wchg_dwriter w;
  wchg_dw_init(&w, buf, sizeof buf, &d);
  fn(&w);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), want);
  ck_assert_int_eq(d.code, want);
  ck_assert_uint_gt(strlen(d.message), 5);
  /* sticky: a later valid call changes nothing */
  ck_assert_int_eq(wchg_dw_u32(&w, 259, 0, 3), want);
}

static void e_before_header(wchg_dwriter *w) { wchg_dw_u32(w, 259, 0, 3); }
static void e_unknown(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_u32(w, 999999, 0, 3);
}
static void e_type(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_u32(w, 1, 0, 3); /* User-Name is UTF8String */
}
static void e_utf8(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_utf8(w, 1, 0, "\xc3\x28", 2);
  wchg_dw_u32(w, 259, 0, 3);
}
static void e_end(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_group_end(w);
}
static void e_open(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_group_begin(w, 873, V3);
}
static void e_deep(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  for (int i = 0; i < WCHG_DIAM_MAX_DEPTH + 1; i++)
    wchg_dw_group_begin(w, 279, 0); /* Failed-AVP may hold anything */
}
static void e_time(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_time(w, 55, 0, -3000000000LL);
}
static void e_family(wchg_dwriter *w) {
  static const uint8_t a[16];
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_address(w, 848, V3, 3, a);
}
static void e_header_twice(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
}
static void e_raw_v(wchg_dwriter *w) {
  wchg_dw_header(w, 0x80, 271, 3, 0, 0);
  wchg_dw_raw(w, 5000, 0, WCHG_AVP_FLAG_V, "x", 1);
}

START_TEST(writer_errors) {
  expect_write_error(WCHG_E_STATE, e_before_header);
  expect_write_error(WCHG_E_ARG, e_unknown);
  expect_write_error(WCHG_E_ARG, e_type);
  expect_write_error(WCHG_E_UTF8, e_utf8);
  expect_write_error(WCHG_E_STATE, e_end);
  expect_write_error(WCHG_E_STATE, e_open);
  expect_write_error(WCHG_E_LIMIT, e_deep);
  expect_write_error(WCHG_E_RANGE, e_time);
  expect_write_error(WCHG_E_ARG, e_family);
  expect_write_error(WCHG_E_STATE, e_header_twice);
  expect_write_error(WCHG_E_ARG, e_raw_v);
}
END_TEST

/* ---- reading ------------------------------------------------------------ */

static size_t count_avps(const wchg_dmsg *m, const wchg_avp *group, size_t *bytes) {
  wchg_avp_iter it;
  wchg_avp a;
  size_t n = 0;
  wchg_avp_iter_group(&it, m, group);
  while (wchg_avp_next(&it, &a)) {
    n++;
    *bytes += (a.len + (a.vendor ? 12 : 8) + 3) & ~(size_t)3;
    ck_assert_ptr_nonnull(a.dict);
    if (a.dict->type == WCHG_AVP_GROUPED) {
      size_t inner = 0;
      n += count_avps(m, &a, &inner);
      ck_assert_uint_eq(inner, a.len);
    }
  }
  return n;
}

START_TEST(read_sample_acr) {
  uint8_t buf[2048];
  size_t len, bytes = 0;
  wchg_dmsg m;
  wchg_diag d;
  wchg_avp si, ims, ts, a;
  ck_assert_int_eq(sample_acr(buf, sizeof buf, &len), WCHG_OK);
  int rc = wchg_dmsg_parse(buf, len, 0, &m, &d);
  ck_assert_msg(rc == WCHG_OK, "%s at %s offset %zu (%u)", d.message, d.path, d.offset,
                d.result_code);
  ck_assert_uint_eq(m.code, 271);
  ck_assert_uint_eq(m.app_id, 3);
  ck_assert_uint_eq(m.flags, 0xC0);
  ck_assert_uint_eq(m.hop_by_hop, 0x11223344);
  ck_assert_uint_eq(m.end_to_end, 0x55667788);
  ck_assert_ptr_nonnull(m.command);
  ck_assert_str_eq(m.command->name, "Accounting-Request");
  ck_assert_uint_eq(count_avps(&m, NULL, &bytes), SAMPLE_ACR_AVPS);
  ck_assert_uint_eq(bytes + 20, len);
  ck_assert(wchg_avp_find(&m, NULL, 873, V3, &si));
  ck_assert(wchg_avp_find(&m, &si, 876, V3, &ims));
  ck_assert(wchg_avp_find(&m, &ims, 833, V3, &ts));
  ck_assert(wchg_avp_find(&m, &ts, 834, V3, &a));
  int64_t t;
  ck_assert_int_eq(wchg_avp_time(&a, &t), WCHG_OK);
  ck_assert_int_eq(t, 1795510800);
  /* a NULL result pointer is refused by every typed getter */
  ck_assert_int_eq(wchg_avp_time(&a, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_u32(&a, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_i32(&a, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_u64(&a, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_i64(&a, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_f32(&a, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_f64(&a, NULL), WCHG_E_ARG);
  ck_assert(wchg_avp_find(&m, &ims, 848, V3, &a));
  int fam;
  uint8_t addr[16];
  ck_assert_int_eq(wchg_avp_address(&a, &fam, addr), WCHG_OK);
  ck_assert_int_eq(fam, 1);
  ck_assert_mem_eq(addr, "\xc6\x33\x64\x17", 4);
  ck_assert(wchg_avp_find(&m, &ims, 657, V3, &a));
  ck_assert_uint_eq(a.flags, WCHG_AVP_FLAG_V);
  ck_assert_uint_eq(a.len, 15);
  ck_assert_mem_eq(a.data, "waf.example.net", 15);
  ck_assert(wchg_avp_find(&m, &ims, 862, V3, &a));
  int32_t nf;
  ck_assert_int_eq(wchg_avp_i32(&a, &nf), WCHG_OK);
  ck_assert_int_eq(nf, 1);
  ck_assert_str_eq(wchg_dict_enum_name(a.dict, nf), "P-CSCF");
  ck_assert(!wchg_avp_find(&m, &ims, 999, V3, &a));
  uint32_t u;
  ck_assert_int_eq(wchg_avp_u32(&ims, &u), WCHG_E_ARG); /* a group is no u32 */
  ck_assert_int_eq(sample_ccr(buf, sizeof buf, &len), WCHG_OK);
  rc = wchg_dmsg_parse(buf, len, 0, &m, &d);
  ck_assert_msg(rc == WCHG_OK, "CCR: %s at %s (%u)", d.message, d.path, d.result_code);
  ck_assert_str_eq(m.command->name, "Credit-Control-Request");
}
END_TEST

/* A copy of the sample ACR with the AVP at |path| (codes, top down) found. */
struct acr {
  uint8_t b[2048];
  size_t len;
  wchg_dmsg m;
};

static void load_acr(struct acr *x) {
  wchg_diag d;
  ck_assert_int_eq(sample_acr(x->b, sizeof x->b, &x->len), WCHG_OK);
  ck_assert_int_eq(wchg_dmsg_parse(x->b, x->len, 0, &x->m, &d), WCHG_OK);
}

static size_t offset_of(struct acr *x, const uint32_t *codes, size_t n) {
  wchg_avp a, g;
  const wchg_avp *parent = NULL;
  for (size_t i = 0; i < n; i++) {
    uint32_t vendor = codes[i] > 800 || codes[i] == 657 || codes[i] == 658 ? V3 : 0;
    ck_assert_msg(wchg_avp_find(&x->m, parent, codes[i], vendor, &a), "no AVP %u", codes[i]);
    g = a;
    parent = &g;
  }
  return a.offset;
}

static void expect_parse_error(const uint8_t *buf, size_t len, uint32_t result,
                               const char *path, size_t offset) {
  wchg_dmsg m;
  wchg_diag d;
  uint8_t *copy = malloc(len ? len : 1); /* exact size: overreads are caught */
  memcpy(copy, buf, len);
  int rc = wchg_dmsg_parse(copy, len, 0, &m, &d);
  ck_assert_msg(rc == WCHG_E_DIAMETER, "want %u at %s, got %s", result, path, wchg_strerror(rc));
  ck_assert_int_eq(d.code, WCHG_E_DIAMETER);
  ck_assert_msg(d.result_code == result, "result %u, want %u (%s at %s)", d.result_code,
                result, d.message, d.path);
  ck_assert_msg(strcmp(d.path, path) == 0, "path %s, want %s (%s)", d.path, path, d.message);
  ck_assert_msg(d.offset == offset, "offset %zu, want %zu (%s)", d.offset, offset, d.message);
  free(copy);
}

static void put24(uint8_t *p, size_t v) {
  p[0] = (uint8_t)(v >> 16);
  p[1] = (uint8_t)(v >> 8);
  p[2] = (uint8_t)v;
}

START_TEST(malformed_header) {
  struct acr x;
  load_acr(&x);
  expect_parse_error(x.b, 19, 5015, "", 0);
  x.b[0] = 2;
  expect_parse_error(x.b, x.len, 5011, "", 0);
  x.b[0] = 1;
  expect_parse_error(x.b, x.len - 4, 5015, "", 1);   /* length field says more */
  put24(x.b + 1, x.len - 2);
  expect_parse_error(x.b, x.len - 2, 5015, "", 1);   /* not a multiple of 4 */
  put24(x.b + 1, x.len);
  x.b[4] = 0xC1;                                       /* reserved command flag */
  expect_parse_error(x.b, x.len, 3008, "", 4);
  x.b[4] = 0xA0;                                       /* E on a request */
  expect_parse_error(x.b, x.len, 3008, "", 4);
}
END_TEST

START_TEST(malformed_avps) {
  struct acr x;
  static const uint32_t p_user[] = {1}, p_ims[] = {873, 876},
                        p_ts[] = {873, 876, 833}, p_frac[] = {873, 876, 833, 2301},
                        p_spip[] = {873, 876, 848}, p_role[] = {873, 876, 829},
                        p_waf[] = {873, 876, 657}, p_sip[] = {873, 876, 823, 824};
  size_t o;

  load_acr(&x); /* AVP length below its header */
  o = offset_of(&x, p_user, 1);
  put24(x.b + o + 5, 7);
  expect_parse_error(x.b, x.len, 5014, "User-Name", o);

  load_acr(&x); /* a child's length runs past its group */
  o = offset_of(&x, p_frac, 4);
  put24(x.b + o + 5, 200);
  expect_parse_error(x.b, x.len, 5014,
                     "Service-Information/IMS-Information/Time-Stamps/"
                     "SIP-Request-Timestamp-Fraction", o);

  load_acr(&x); /* Unsigned32 of 5 octets (the group still adds up: padding) */
  o = offset_of(&x, p_frac, 4);
  put24(x.b + o + 5, 17);
  expect_parse_error(x.b, x.len, 5014,
                     "Service-Information/IMS-Information/Time-Stamps/"
                     "SIP-Request-Timestamp-Fraction", o);

  load_acr(&x); /* reserved AVP flag bit, then the P bit */
  o = offset_of(&x, p_user, 1);
  x.b[o + 4] |= 0x01;
  expect_parse_error(x.b, x.len, 3009, "User-Name", o);
  x.b[o + 4] = 0x40 | 0x20;
  expect_parse_error(x.b, x.len, 3009, "User-Name", o);

  load_acr(&x); /* M clear where 32.299 says M must */
  o = offset_of(&x, p_role, 3);
  x.b[o + 4] = 0x80;
  expect_parse_error(x.b, x.len, 3009, "Service-Information/IMS-Information/Role-Of-Node", o);

  load_acr(&x); /* M set on a WebRTC AVP (TS 29.229: must not) */
  o = offset_of(&x, p_waf, 3);
  x.b[o + 4] = 0xC0;
  expect_parse_error(x.b, x.len, 3009,
                     "Service-Information/IMS-Information/WebRTC-Authentication-Function-Name", o);

  load_acr(&x); /* V bit with Vendor-Id 0 */
  o = offset_of(&x, p_role, 3);
  memset(x.b + o + 8, 0, 4);
  expect_parse_error(x.b, x.len, 3009, "Service-Information/IMS-Information/AVP(829,0)", o);

  load_acr(&x); /* unknown Address family, then a short IPv4 */
  o = offset_of(&x, p_spip, 3);
  x.b[o + 13] = 3;
  expect_parse_error(x.b, x.len, 5004,
                     "Service-Information/IMS-Information/Served-Party-IP-Address", o);

  load_acr(&x); /* an Enumerated value that has no name */
  o = offset_of(&x, p_role, 3);
  x.b[o + 15] = 9;
  expect_parse_error(x.b, x.len, 5004, "Service-Information/IMS-Information/Role-Of-Node", o);

  load_acr(&x); /* invalid UTF-8 */
  o = offset_of(&x, p_sip, 4);
  x.b[o + 12] = 0xC3;
  x.b[o + 13] = 0x28;
  expect_parse_error(x.b, x.len, 5004,
                     "Service-Information/IMS-Information/Event-Type/SIP-Method", o + 12);

  load_acr(&x); /* an unknown AVP with M set: give IMS-Information code 65000 */
  o = offset_of(&x, p_ims, 2);
  put24(x.b + o + 1, 65000);
  expect_parse_error(x.b, x.len, 5001, "Service-Information/AVP(65000,10415)", o);

  load_acr(&x); /* padding that runs past the message: cut the last octets */
  put24(x.b + 1, x.len - 4);
  expect_parse_error(x.b, x.len - 4, 5014, "Service-Information", offset_of(&x, p_ims, 1));
  (void)p_ts;
}
END_TEST

/* Occurrence rules (ABNF) of the command and of the groups. */
START_TEST(malformed_abnf) {
  uint8_t buf[512];
  size_t len;
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d;

#define BEGIN() wchg_dw_init(&w, buf, sizeof buf, NULL); \
  wchg_dw_header(&w, 0xC0, 271, 3, 0, 0)
#define TOP_NO(skip) do { \
    if (skip != 263) wchg_dw_utf8(&w, 263, 0, "s;1;2", 5); \
    if (skip != 264) wchg_dw_octets(&w, 264, 0, "h", 1); \
    if (skip != 296) wchg_dw_octets(&w, 296, 0, "r", 1); \
    if (skip != 283) wchg_dw_octets(&w, 283, 0, "r", 1); \
    if (skip != 480) wchg_dw_i32(&w, 480, 0, 1); \
    if (skip != 485) wchg_dw_u32(&w, 485, 0, 0); } while (0)

  BEGIN();
  TOP_NO(0);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  test_out_write_diam("abnf-minimal-acr", buf, len);

  BEGIN();
  TOP_NO(264);
  wchg_dw_finish(&w, &len);
  expect_parse_error(buf, len, 5005, "Origin-Host", 0);
  /* the same without the ABNF check passes */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF, &m, &d), WCHG_OK);

  BEGIN(); /* Session-Id not first */
  wchg_dw_octets(&w, 264, 0, "h", 1);
  TOP_NO(264);
  wchg_dw_finish(&w, &len);
  expect_parse_error(buf, len, 5005, "Session-Id", 20);

  BEGIN(); /* Accounting-Record-Type twice */
  TOP_NO(0);
  wchg_dw_i32(&w, 480, 0, 1);
  wchg_dw_finish(&w, &len);
  expect_parse_error(buf, len, 5009, "Accounting-Record-Type", len - 12);

  BEGIN(); /* an AVP a non-extensible group does not allow */
  TOP_NO(0);
  wchg_dw_group_begin(&w, 873, V3);
  wchg_dw_group_begin(&w, 876, V3);
  wchg_dw_i32(&w, 862, V3, 1);
  wchg_dw_group_begin(&w, 833, V3);
  wchg_dw_utf8(&w, 1, 0, "u", 1);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_finish(&w, &len);
  expect_parse_error(buf, len, 5008,
                     "Service-Information/IMS-Information/Time-Stamps/User-Name", len - 12);

  BEGIN(); /* a mandatory child missing: Subscription-Id-Data */
  TOP_NO(0);
  wchg_dw_group_begin(&w, 873, V3);
  wchg_dw_group_begin(&w, 443, 0);
  wchg_dw_i32(&w, 450, 0, 2);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_finish(&w, &len);
  expect_parse_error(buf, len, 5005, "Service-Information/Subscription-Id/Subscription-Id-Data",
                     len - 12 - 8);

  BEGIN(); /* IMS-Information without Node-Functionality (required) */
  TOP_NO(0);
  wchg_dw_group_begin(&w, 873, V3);
  wchg_dw_group_begin(&w, 876, V3);
  wchg_dw_i32(&w, 829, V3, 0);
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  wchg_dw_finish(&w, &len);
  expect_parse_error(buf, len, 5005, "Service-Information/IMS-Information/Node-Functionality",
                     len - 16 - 12);
  test_out_write_diam("abnf-missing-node-functionality", buf, len);

  BEGIN(); /* an unknown AVP without M is ignored */
  TOP_NO(0);
  wchg_dw_raw(&w, 99999, 0, 0, "abc", 3);
  wchg_dw_finish(&w, &len);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
}
END_TEST

/* Grouped AVPs nested past the limit (built by hand: the writer refuses). */
START_TEST(malformed_depth) {
  enum { LEVELS = WCHG_DIAM_MAX_DEPTH + 2 };
  uint8_t buf[20 + 8 * LEVELS];
  size_t len = sizeof buf;
  memset(buf, 0, sizeof buf);
  buf[0] = 1;
  put24(buf + 1, len);
  buf[4] = 0x40; /* an answer: ACA, whose ABNF allows Proxy-Info */
  put24(buf + 5, 271);
  buf[11] = 3;
  for (int i = 0; i < LEVELS; i++) {
    uint8_t *p = buf + 20 + 8 * i;
    p[3] = 0x1C; /* Proxy-Info 284 = 0x11C (Failed-AVP is opaque: see
                    failed_avp_is_opaque) */
    p[2] = 0x01;
    p[4] = 0x40;
    put24(p + 5, (size_t)(8 * (LEVELS - i)));
  }
  wchg_dmsg m;
  wchg_diag d;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5012);
  ck_assert_ptr_nonnull(strstr(d.path, "Proxy-Info/Proxy-Info"));
}
END_TEST

/* Failed-AVP holds AVPs as a peer received them (RFC 6733 §7.5): a bad
 * value, bad flags or an unknown M AVP inside it are no error of the
 * answer; only a child that is not a whole AVP is (5014). */
START_TEST(failed_avp_is_opaque) {
  uint8_t buf[256];
  size_t len;
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d;
  for (int broken = 0; broken < 2; broken++) {
    wchg_dw_init(&w, buf, sizeof buf, NULL);
    wchg_dw_header(&w, 0x40, 271, 3, 1, 2);
    wchg_dw_utf8(&w, 263, 0, "cdf;1;2", 7);
    wchg_dw_u32(&w, 268, 0, 5004);
    wchg_dw_octets(&w, 264, 0, "cdf", 3);
    wchg_dw_octets(&w, 296, 0, "example.net", 11);
    wchg_dw_i32(&w, 480, 0, 2);
    wchg_dw_u32(&w, 485, 0, 0);
    wchg_dw_group_begin(&w, 279, 0);
    wchg_dw_raw(&w, 480, 0, 0x40, "\0\0\0\x09", 4);  /* no such record type */
    wchg_dw_raw(&w, 99999, 0, 0x40, "x", 1);         /* unknown, M set */
    wchg_dw_raw(&w, 1, 0, 0x00, "\xff", 1);           /* M clear, not UTF-8 */
    wchg_dw_group_end(&w);
    ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
    if (broken) {
      /* the last child (9 octets, padded to 12) made 13 long: past its group */
      buf[len - 12 + 7] = 13;
      ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
      ck_assert_uint_eq(d.result_code, 5014);
      ck_assert_str_eq(d.path, "Failed-AVP");
      ck_assert_uint_eq(d.offset, len - 12);
    } else {
      ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
    }
  }
}
END_TEST

/* Every truncation of the sample ACR fails with a length error. */
START_TEST(every_prefix) {
  struct acr x;
  load_acr(&x);
  for (size_t k = 0; k < x.len; k++) {
    wchg_dmsg m;
    wchg_diag d;
    uint8_t *copy = malloc(k ? k : 1);
    memcpy(copy, x.b, k);
    ck_assert_int_eq(wchg_dmsg_parse(copy, k, 0, &m, &d), WCHG_E_DIAMETER);
    ck_assert(d.result_code == 5015 || d.result_code == 5014);
    free(copy);
  }
}
END_TEST

/* Golden bytes of the full ACR and CCR: tests/vectors/sample-*.diam, as
 * tshark 4.0 dissected them with no expert info (make check re-runs it). */
START_TEST(golden_messages) {
  static const struct {
    const char *file;
    wchg_status (*build)(uint8_t *, size_t, size_t *);
  } g[] = {{"tests/vectors/sample-acr.diam", sample_acr},
           {"tests/vectors/sample-ccr.diam", sample_ccr}};
  for (size_t i = 0; i < 2; i++) {
    size_t want_len, len;
    uint8_t *want = test_read_file(g[i].file, &want_len), buf[2048];
    ck_assert_int_eq(g[i].build(buf, sizeof buf, &len), WCHG_OK);
    ck_assert_uint_eq(len, want_len);
    ck_assert_mem_eq(buf, want, len);
    free(want);
  }
}
END_TEST

/* Float32/64 and the getters' size checks, on AVPs the dictionary does
 * not know (no charging AVP has a float type): written raw, read typed. */
START_TEST(float_and_getters) {
  uint8_t buf[256];
  size_t len;
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d;
  wchg_avp a;
  float f = 1.5f;
  double g = -2.25;
  uint8_t fb[4], gb[8];
  uint32_t fbits;
  uint64_t gbits;
  memcpy(&fbits, &f, 4);
  memcpy(&gbits, &g, 8);
  for (int i = 0; i < 4; i++)
    fb[i] = (uint8_t)(fbits >> (24 - 8 * i));
  for (int i = 0; i < 8; i++)
    gb[i] = (uint8_t)(gbits >> (56 - 8 * i));
  wchg_dw_init(&w, buf, sizeof buf, NULL);
  wchg_dw_header(&w, 0x80, 999, 99, 0, 0); /* not a charging command: no ABNF */
  wchg_dw_raw(&w, 60001, 0, 0, fb, 4);
  wchg_dw_raw(&w, 60002, 77, WCHG_AVP_FLAG_V, gb, 8);
  ck_assert_int_eq(wchg_dw_f32(&w, 259, 0, 1.0f), WCHG_E_ARG); /* not a float AVP */
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_ARG);
  wchg_dw_init(&w, buf, sizeof buf, NULL);
  wchg_dw_header(&w, 0x80, 999, 99, 0, 0);
  wchg_dw_raw(&w, 60001, 0, 0, fb, 4);
  wchg_dw_raw(&w, 60002, 77, WCHG_AVP_FLAG_V, gb, 8);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  ck_assert_ptr_null(m.command);
  ck_assert(wchg_avp_find(&m, NULL, 60001, 0, &a));
  float f2;
  ck_assert_int_eq(wchg_avp_f32(&a, &f2), WCHG_OK);
  ck_assert(f2 == f);
  double g2;
  int64_t i64;
  ck_assert_int_eq(wchg_avp_f64(&a, &g2), WCHG_E_ARG); /* 4 octets */
  ck_assert(wchg_avp_find(&m, NULL, 60002, 77, &a));
  ck_assert_ptr_null(a.dict);
  ck_assert_int_eq(wchg_avp_f64(&a, &g2), WCHG_OK);
  ck_assert(g2 == g);
  ck_assert_int_eq(wchg_avp_i64(&a, &i64), WCHG_OK);
  ck_assert_int_eq(i64, (int64_t)gbits);
  int fam;
  uint8_t addr[16];
  ck_assert_int_eq(wchg_avp_address(&a, &fam, addr), WCHG_E_ARG);
}
END_TEST

/* ---- the descriptor (_d) writer and the UTF-8 validator ------------------ */

#include "base/internal.h" /* wchgi_utf8_valid */

static const wchg_dict_avp *dict_entry(uint32_t code, uint32_t vendor) {
  const wchg_dict_avp *d = wchg_dict_find(code, vendor);
  ck_assert_msg(d != NULL, "no entry %u/%u", code, vendor);
  return d;
}

/* Both samples through resolved entries: the golden bytes, every buffer
 * size (the needed size back, nothing written past the capacity). */
START_TEST(descriptor_samples) {
  static const struct {
    const char *file;
    wchg_status (*by_code)(uint8_t *, size_t, size_t *);
    wchg_status (*by_entry)(const sample_avps *, uint8_t *, size_t, size_t *);
  } g[] = {{"tests/vectors/sample-acr.diam", sample_acr, sample_acr_d},
           {"tests/vectors/sample-ccr.diam", sample_ccr, sample_ccr_d}};
  sample_avps a;
  ck_assert_int_eq(sample_avps_resolve(&a), 0);
  for (size_t i = 0; i < 2; i++) {
    size_t want_len, len, need = 0;
    uint8_t *want = test_read_file(g[i].file, &want_len), buf[2048], ref[2048];
    memset(buf, 0xEE, sizeof buf); /* padding left out would show */
    ck_assert_int_eq(g[i].by_entry(&a, buf, sizeof buf, &len), WCHG_OK);
    ck_assert_uint_eq(len, want_len);
    ck_assert_mem_eq(buf, want, len);
    memset(ref, 0xEE, sizeof ref);
    ck_assert_int_eq(g[i].by_code(ref, sizeof ref, &len), WCHG_OK);
    ck_assert_mem_eq(ref, want, len);
    ck_assert_int_eq(g[i].by_entry(&a, NULL, 0, &need), WCHG_E_BUFFER);
    ck_assert_uint_eq(need, want_len);
    for (size_t cap = 0; cap < want_len; cap++) { /* every capacity */
      size_t n = 0, n2 = 0, k, k2;
      memset(buf, 0xEE, sizeof buf);
      wchg_status rc = g[i].by_entry(&a, buf, cap, &n);
      for (k = cap; k < sizeof buf && buf[k] == 0xEE; k++)
        ;
      memset(ref, 0xEE, sizeof ref);
      wchg_status rc2 = g[i].by_code(ref, cap, &n2);
      for (k2 = cap; k2 < sizeof ref && ref[k2] == 0xEE; k2++)
        ;
      if (rc != WCHG_E_BUFFER || n != want_len || k != sizeof buf || rc2 != WCHG_E_BUFFER ||
          n2 != want_len || k2 != sizeof ref)
        ck_abort_msg("%s, capacity %zu: %d/%d, needs %zu/%zu, wrote at %zu/%zu", g[i].file, cap,
                     rc, rc2, n, n2, k, k2);
    }
    free(want);
  }
}
END_TEST

/* One AVP written by |fn| (with |ctx|) into a message in a buffer full of
 * 0xEE; its bytes into |out|. */
typedef wchg_status (*avp_ctx_fn)(wchg_dwriter *, const void *);

static size_t one_avp_dirty(avp_ctx_fn fn, const void *ctx, uint8_t *out, size_t cap) {
  uint8_t buf[1024];
  size_t len;
  wchg_dwriter w;
  memset(buf, 0xEE, sizeof buf);
  wchg_dw_init(&w, buf, sizeof buf, NULL);
  wchg_dw_header(&w, 0x80, 271, 3, 1, 2);
  ck_assert_int_eq(fn(&w, ctx), WCHG_OK);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  ck_assert_uint_eq(buf[1] << 16 | buf[2] << 8 | buf[3], len);
  ck_assert_uint_eq(len % 4, 0);
  ck_assert_uint_le(len - 20, cap);
  memcpy(out, buf + 20, len - 20);
  return len - 20;
}

static void expect_avp_ctx(avp_ctx_fn fn, const void *ctx, const char *hex) {
  uint8_t want[512], got[1024];
  size_t wn = test_unhex(hex, want, sizeof want), gn = one_avp_dirty(fn, ctx, got, sizeof got);
  ck_assert_uint_eq(gn, wn);
  ck_assert_mem_eq(got, want, wn);
}

static wchg_status d_u32(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_u32_d(w, dict_entry(259, 0), 3);
}
static wchg_status d_u32v(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_u32_d(w, dict_entry(2301, V3), 125);
}
static wchg_status d_enum(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_i32_d(w, dict_entry(480, 0), 4);
}
static wchg_status d_cause(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_i32_d(w, dict_entry(861, V3), -302);
}
static wchg_status d_time(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_time_d(w, dict_entry(55, 0), 1795510800);
}
static wchg_status d_time_2036(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_time_d(w, dict_entry(55, 0), 2085978496);
}
static wchg_status d_time_first(wchg_dwriter *w, const void *c) { /* 1968-01-20 03:14:08 */
  (void)c;
  return wchg_dw_time_d(w, dict_entry(834, V3), 0x80000000LL - WCHG_NTP_UNIX_OFFSET);
}
static wchg_status d_time_last(wchg_dwriter *w, const void *c) { /* 2104-02-26 09:42:23 */
  (void)c;
  return wchg_dw_time_d(w, dict_entry(834, V3), 0x17FFFFFFFLL - WCHG_NTP_UNIX_OFFSET);
}
static wchg_status d_u64(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_u64_d(w, dict_entry(421, 0), 0x0102030405060708ULL);
}
static wchg_status d_u64_may(wchg_dwriter *w, const void *c) { /* M is MAY: sent clear */
  (void)c;
  return wchg_dw_u64_d(w, dict_entry(622, 0), 0x8000000000000001ULL);
}
static wchg_status d_i64(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_i64_d(w, dict_entry(447, 0), -2);
}
static wchg_status d_id(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_octets_d(w, dict_entry(264, 0), "h.example", 9);
}
static wchg_status d_uri(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_octets_d(w, dict_entry(292, 0), "aaa://h", 7);
}
static wchg_status d_v4(wchg_dwriter *w, const void *c) {
  static const uint8_t a[4] = {198, 51, 100, 23};
  (void)c;
  return wchg_dw_address_d(w, dict_entry(848, V3), 1, a);
}
static wchg_status d_v6(wchg_dwriter *w, const void *c) {
  static const uint8_t a[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
  (void)c;
  return wchg_dw_address_d(w, dict_entry(848, V3), 2, a);
}
static wchg_status d_waf(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_utf8_d(w, dict_entry(657, V3), "w", 1);
}
static wchg_status d_utf8_0(wchg_dwriter *w, const void *c) {
  (void)c;
  return wchg_dw_utf8_d(w, dict_entry(1, 0), "", 0);
}
static wchg_status d_utf8_null0(wchg_dwriter *w, const void *c) { /* NULL with length 0 */
  (void)c;
  return wchg_dw_utf8_d(w, dict_entry(1, 0), NULL, 0);
}
static wchg_status d_utf8_multi(wchg_dwriter *w, const void *c) { /* "é€𝄞" */
  (void)c;
  return wchg_dw_utf8_d(w, dict_entry(1, 0), "\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", 9);
}
static wchg_status d_group(wchg_dwriter *w, const void *c) {
  (void)c;
  wchg_dw_group_begin_d(w, dict_entry(443, 0));
  wchg_dw_i32_d(w, dict_entry(450, 0), 2);
  wchg_dw_utf8_d(w, dict_entry(444, 0), "sip:a", 5);
  return wchg_dw_group_end(w);
}
/* The two kinds of calls mixed: a group opened by entry holding children
 * written by (code, vendor) and the other way round. */
static wchg_status d_mixed(wchg_dwriter *w, const void *c) {
  (void)c;
  wchg_dw_group_begin_d(w, dict_entry(443, 0));
  wchg_dw_i32(w, 450, 0, 2);
  wchg_dw_utf8_d(w, dict_entry(444, 0), "sip:a", 5);
  wchg_dw_group_end(w);
  wchg_dw_group_begin(w, 833, V3);
  wchg_dw_u32_d(w, dict_entry(2301, V3), 125);
  return wchg_dw_group_end(w);
}
static wchg_status d_nested(wchg_dwriter *w, const void *c) {
  (void)c;
  wchg_dw_group_begin_d(w, dict_entry(873, V3));
  wchg_dw_group_begin_d(w, dict_entry(876, V3));
  wchg_dw_group_begin_d(w, dict_entry(823, V3));
  wchg_dw_group_end(w);
  wchg_dw_group_end(w);
  return wchg_dw_group_end(w);
}

/* Every type through its _d function: the bytes of golden_types (and more
 * edges), flags from the dictionary, in a dirty buffer. */
START_TEST(descriptor_types) {
  expect_avp_ctx(d_u32, NULL, "00000103 40 00000c 00000003");
  expect_avp_ctx(d_u32v, NULL, "000008fd c0 000010 000028af 0000007d");
  expect_avp_ctx(d_enum, NULL, "000001e0 40 00000c 00000004");
  expect_avp_ctx(d_cause, NULL, "0000035d c0 000010 000028af fffffed2");
  expect_avp_ctx(d_time, NULL, "00000037 40 00000c eeafd090");
  expect_avp_ctx(d_time_2036, NULL, "00000037 40 00000c 00000000");
  expect_avp_ctx(d_time_first, NULL, "00000342 c0 000010 000028af 80000000");
  expect_avp_ctx(d_time_last, NULL, "00000342 c0 000010 000028af 7fffffff");
  expect_avp_ctx(d_u64, NULL, "000001a5 40 000010 0102030405060708");
  expect_avp_ctx(d_u64_may, NULL, "0000026e 00 000010 8000000000000001");
  expect_avp_ctx(d_i64, NULL, "000001bf 40 000010 fffffffffffffffe");
  expect_avp_ctx(d_id, NULL, "00000108 40 000011 682e6578616d706c65 000000");
  expect_avp_ctx(d_uri, NULL, "00000124 40 00000f 6161613a2f2f68 00");
  expect_avp_ctx(d_v4, NULL, "00000350 c0 000012 000028af 0001 c6336417 0000");
  expect_avp_ctx(d_v6, NULL,
                 "00000350 c0 00001e 000028af 0002 20010db8000000000000000000000001 0000");
  expect_avp_ctx(d_waf, NULL, "00000291 80 00000d 000028af 77 000000");
  expect_avp_ctx(d_utf8_0, NULL, "00000001 40 000008");
  expect_avp_ctx(d_utf8_null0, NULL, "00000001 40 000008");
  expect_avp_ctx(d_utf8_multi, NULL, "00000001 40 000011 c3a9e282acf09d849e 000000");
  expect_avp_ctx(d_group, NULL, "000001bb 40 000024 000001c2 40 00000c 00000002"
                                " 000001bc 40 00000d 7369703a61 000000");
  expect_avp_ctx(d_mixed, NULL,
                 "000001bb 40 000024 000001c2 40 00000c 00000002"
                 " 000001bc 40 00000d 7369703a61 000000"
                 " 00000341 c0 00001c 000028af 000008fd c0 000010 000028af 0000007d");
  expect_avp_ctx(d_nested, NULL, "00000369 c0 000024 000028af 0000036c c0 000018 000028af"
                                 " 00000337 c0 00000c 000028af");
}
END_TEST

/* Text and octets of every length 0..300 (each copy path and the memcpy
 * one), IETF and vendor, M set and clear: the same bytes as built by hand
 * and as wchg_dw_raw writes them, with zero padding, in a dirty buffer. */
struct text_case {
  const wchg_dict_avp *d;
  const char *s;
  size_t len;
  bool utf8;
};

static wchg_status d_text(wchg_dwriter *w, const void *c) {
  const struct text_case *t = c;
  return t->utf8 ? wchg_dw_utf8_d(w, t->d, t->s, t->len) : wchg_dw_octets_d(w, t->d, t->s, t->len);
}
static wchg_status c_text(wchg_dwriter *w, const void *c) {
  const struct text_case *t = c;
  return t->utf8 ? wchg_dw_utf8(w, t->d->code, t->d->vendor, t->s, t->len)
                 : wchg_dw_octets(w, t->d->code, t->d->vendor, t->s, t->len);
}
static wchg_status r_text(wchg_dwriter *w, const void *c) {
  const struct text_case *t = c;
  uint8_t f = (t->d->vendor ? WCHG_AVP_FLAG_V : 0) |
              (t->d->m_rule == WCHG_RULE_MUST ? WCHG_AVP_FLAG_M : 0);
  return wchg_dw_raw(w, t->d->code, t->d->vendor, f, t->s, t->len);
}

START_TEST(descriptor_lengths) {
  static const struct {
    uint32_t code, vendor;
    uint8_t flags;
    bool utf8;
  } avps[] = {{1, 0, 0x40, true},      /* User-Name */
              {657, V3, 0x80, true},   /* WAF: M clear */
              {831, V3, 0xC0, true},   /* Calling-Party-Address */
              {264, 0, 0x40, false},   /* Origin-Host */
              {1263, V3, 0xC0, false}, /* Access-Network-Information */
              {841, V3, 0xC0, true}};
  char text[301];
  for (size_t i = 0; i < sizeof text; i++)
    text[i] = (char)('!' + (i * 7) % 90);
  for (size_t a = 0; a < sizeof avps / sizeof avps[0]; a++)
    for (size_t len = 0; len <= 300; len++) {
      struct text_case t = {dict_entry(avps[a].code, avps[a].vendor), text, len, avps[a].utf8};
      uint8_t want[512], got[1024], alt[1024];
      size_t hl = avps[a].vendor ? 12 : 8, padded = (hl + len + 3) & ~(size_t)3;
      memset(want, 0, sizeof want);
      want[0] = (uint8_t)(avps[a].code >> 24);
      want[1] = (uint8_t)(avps[a].code >> 16);
      want[2] = (uint8_t)(avps[a].code >> 8);
      want[3] = (uint8_t)avps[a].code;
      want[4] = avps[a].flags;
      put24(want + 5, hl + len);
      if (avps[a].vendor) {
        want[8] = 0;
        want[9] = 0;
        want[10] = (uint8_t)(V3 >> 8);
        want[11] = (uint8_t)V3;
      }
      memcpy(want + hl, text, len);
      ck_assert_uint_eq(one_avp_dirty(d_text, &t, got, sizeof got), padded);
      ck_assert_msg(memcmp(got, want, padded) == 0, "AVP %u, length %zu", avps[a].code, len);
      ck_assert_uint_eq(one_avp_dirty(c_text, &t, alt, sizeof alt), padded);
      ck_assert_mem_eq(alt, want, padded);
      ck_assert_uint_eq(one_avp_dirty(r_text, &t, alt, sizeof alt), padded);
      ck_assert_mem_eq(alt, want, padded);
    }
}
END_TEST

/* Errors of the _d functions: set once, sticky, nothing more written. */
static void expect_d_error(wchg_status want, const char *path, void (*fn)(wchg_dwriter *)) {
  uint8_t buf[512];
  size_t len, before;
  wchg_diag d;
  wchg_dwriter w;
  wchg_dw_init(&w, buf, sizeof buf, &d);
  fn(&w);
  before = w.len;
  ck_assert_int_eq(w.error, want);
  ck_assert_int_eq(d.code, want);
  ck_assert_uint_gt(strlen(d.message), 5);
  if (path)
    ck_assert_str_eq(d.path, path);
  /* sticky: later valid calls of every kind return it and write nothing */
  ck_assert_int_eq(wchg_dw_u32_d(&w, dict_entry(259, 0), 3), want);
  ck_assert_int_eq(wchg_dw_i32_d(&w, dict_entry(480, 0), 2), want);
  ck_assert_int_eq(wchg_dw_utf8_d(&w, dict_entry(1, 0), "a", 1), want);
  ck_assert_int_eq(wchg_dw_octets_d(&w, dict_entry(264, 0), "h", 1), want);
  ck_assert_int_eq(wchg_dw_time_d(&w, dict_entry(55, 0), 1795510800), want);
  ck_assert_int_eq(wchg_dw_address_d(&w, dict_entry(848, V3), 1, (const uint8_t *)"abcd"), want);
  ck_assert_int_eq(wchg_dw_group_begin_d(&w, dict_entry(443, 0)), want);
  ck_assert_int_eq(wchg_dw_group_end(&w), want);
  ck_assert_int_eq(wchg_dw_u32(&w, 259, 0, 3), want);
  ck_assert_uint_eq(w.len, before);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), want);
  ck_assert_int_eq(d.code, want);
}

static void hdr(wchg_dwriter *w) { wchg_dw_header(w, 0x80, 271, 3, 0, 0); }
static void de_before_header(wchg_dwriter *w) { wchg_dw_u32_d(w, dict_entry(259, 0), 3); }
static void de_null(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_u32_d(w, NULL, 3);
}
static void de_null_group(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_group_begin_d(w, wchg_dict_find(999999, 0)); /* not in the dictionary */
}
static void de_foreign(wchg_dwriter *w) { /* a copy: flags could be forged */
  static wchg_dict_avp fake;
  fake = *dict_entry(657, V3);
  fake.m_rule = WCHG_RULE_MUST;
  hdr(w);
  wchg_dw_utf8_d(w, &fake, "w", 1);
}
static void de_type_u32(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_u32_d(w, dict_entry(1, 0), 3); /* User-Name is UTF8String */
}
static void de_type_utf8(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_utf8_d(w, dict_entry(264, 0), "h", 1); /* DiameterIdentity */
}
static void de_type_octets(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_octets_d(w, dict_entry(1, 0), "a", 1); /* UTF8String: validated only via utf8 */
}
static void de_type_i32(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_i32_d(w, dict_entry(259, 0), 3);
}
static void de_type_i64(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_i64_d(w, dict_entry(421, 0), 3);
}
static void de_type_u64(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_u64_d(w, dict_entry(447, 0), 3);
}
static void de_type_f32(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_f32_d(w, dict_entry(259, 0), 1.0f);
}
static void de_type_f64(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_f64_d(w, dict_entry(421, 0), 1.0);
}
static void de_type_time(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_time_d(w, dict_entry(259, 0), 1795510800);
}
static void de_type_address(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_address_d(w, dict_entry(1, 0), 1, (const uint8_t *)"abcd");
}
static void de_type_group(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_group_begin_d(w, dict_entry(259, 0));
}
static void de_utf8(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_utf8_d(w, dict_entry(1, 0), "abc\xed\xa0\x80", 6); /* a surrogate */
}
static void de_utf8_null(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_utf8_d(w, dict_entry(1, 0), NULL, 3);
}
static void de_octets_null(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_octets_d(w, dict_entry(264, 0), NULL, 3);
}
static void de_limit(wchg_dwriter *w) { /* checked before the data is read */
  hdr(w);
  wchg_dw_octets_d(w, dict_entry(264, 0), "", 0xFFFFFF - 11);
}
static void de_time(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_time_d(w, dict_entry(55, 0), 0x180000000LL - WCHG_NTP_UNIX_OFFSET);
}
static void de_time_early(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_time_d(w, dict_entry(55, 0), 0x7FFFFFFFLL - WCHG_NTP_UNIX_OFFSET);
}
static void de_time_min(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_time_d(w, dict_entry(55, 0), INT64_MIN);
}
static void de_time_max(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_time_d(w, dict_entry(55, 0), INT64_MAX);
}
static void de_family(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_address_d(w, dict_entry(848, V3), 3, (const uint8_t *)"abcdabcdabcdabcd");
}
static void de_address_null(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_address_d(w, dict_entry(848, V3), 1, NULL);
}
static void de_deep(wchg_dwriter *w) {
  hdr(w);
  for (int i = 0; i < WCHG_DIAM_MAX_DEPTH + 1; i++)
    wchg_dw_group_begin_d(w, dict_entry(279, 0));
}
static void de_end(wchg_dwriter *w) {
  hdr(w);
  wchg_dw_group_begin_d(w, dict_entry(443, 0));
  wchg_dw_group_end(w);
  wchg_dw_group_end(w);
}

START_TEST(descriptor_errors) {
  expect_d_error(WCHG_E_STATE, "Acct-Application-Id", de_before_header);
  expect_d_error(WCHG_E_ARG, NULL, de_null);
  expect_d_error(WCHG_E_ARG, NULL, de_null_group);
  expect_d_error(WCHG_E_ARG, NULL, de_foreign);
  expect_d_error(WCHG_E_ARG, "User-Name", de_type_u32);
  expect_d_error(WCHG_E_ARG, "Origin-Host", de_type_utf8);
  expect_d_error(WCHG_E_ARG, "User-Name", de_type_octets);
  expect_d_error(WCHG_E_ARG, NULL, de_type_i32);
  expect_d_error(WCHG_E_ARG, NULL, de_type_i64);
  expect_d_error(WCHG_E_ARG, NULL, de_type_u64);
  expect_d_error(WCHG_E_ARG, NULL, de_type_f32);
  expect_d_error(WCHG_E_ARG, NULL, de_type_f64);
  expect_d_error(WCHG_E_ARG, NULL, de_type_time);
  expect_d_error(WCHG_E_ARG, NULL, de_type_address);
  expect_d_error(WCHG_E_ARG, NULL, de_type_group);
  expect_d_error(WCHG_E_UTF8, "User-Name", de_utf8);
  expect_d_error(WCHG_E_ARG, NULL, de_utf8_null);
  expect_d_error(WCHG_E_ARG, NULL, de_octets_null);
  expect_d_error(WCHG_E_LIMIT, "Origin-Host", de_limit);
  expect_d_error(WCHG_E_RANGE, "Event-Timestamp", de_time);
  expect_d_error(WCHG_E_RANGE, NULL, de_time_early);
  expect_d_error(WCHG_E_RANGE, NULL, de_time_min);
  expect_d_error(WCHG_E_RANGE, NULL, de_time_max);
  expect_d_error(WCHG_E_ARG, "Served-Party-IP-Address", de_family);
  expect_d_error(WCHG_E_ARG, NULL, de_address_null);
  expect_d_error(WCHG_E_LIMIT, "Failed-AVP", de_deep);
  expect_d_error(WCHG_E_STATE, NULL, de_end);
}
END_TEST

/* Counting: whatever the capacity (also none, also less than the header),
 * every call of both kinds keeps counting and the errors stay the same;
 * an error after the buffer ran out still wins over WCHG_E_BUFFER. */
START_TEST(descriptor_counting) {
  uint8_t buf[64];
  for (size_t cap = 0; cap <= 40; cap++) {
    wchg_dwriter w;
    size_t len;
    memset(buf, 0xEE, sizeof buf);
    wchg_dw_init(&w, buf, cap, NULL);
    ck_assert_int_eq(wchg_dw_header(&w, 0x80, 271, 3, 0, 0), WCHG_OK);
    ck_assert_int_eq(wchg_dw_u32_d(&w, dict_entry(259, 0), 3), WCHG_OK);      /* 12 */
    ck_assert_int_eq(wchg_dw_group_begin_d(&w, dict_entry(873, V3)), WCHG_OK); /* 12 */
    ck_assert_int_eq(wchg_dw_utf8_d(&w, dict_entry(831, V3), "sip:x", 5), WCHG_OK); /* 20 */
    ck_assert_int_eq(wchg_dw_time_d(&w, dict_entry(834, V3), 1795510800), WCHG_OK); /* 16 */
    ck_assert_int_eq(wchg_dw_address_d(&w, dict_entry(848, V3), 1,
                                       (const uint8_t *)"\x01\x02\x03\x04"), WCHG_OK); /* 20 */
    ck_assert_int_eq(wchg_dw_group_end(&w), WCHG_OK);
    ck_assert_int_eq(wchg_dw_octets_d(&w, dict_entry(264, 0), "h", 1), WCHG_OK); /* 12 */
    ck_assert_int_eq(wchg_dw_finish(&w, &len), cap >= 112 ? WCHG_OK : WCHG_E_BUFFER);
    ck_assert_uint_eq(len, 20 + 12 + 12 + 20 + 16 + 20 + 12);
    for (size_t k = cap; k < sizeof buf; k++)
      ck_assert_uint_eq(buf[k], 0xEE);
    /* an error while counting */
    wchg_dw_init(&w, buf, cap, NULL);
    wchg_dw_header(&w, 0x80, 271, 3, 0, 0);
    wchg_dw_utf8_d(&w, dict_entry(831, V3), "0123456789012345678901234567890123456789", 40);
    ck_assert_int_eq(wchg_dw_utf8_d(&w, dict_entry(831, V3), "\xc0\xaf", 2), WCHG_E_UTF8);
    ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_UTF8);
  }
}
END_TEST

/* The validator of RFC 3629 as first written (one code point at a time),
 * to check the fast one against: same verdict, same *bad. */
static bool ref_utf8_valid(const unsigned char *s, size_t n, size_t *bad) {
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i], cp;
    size_t len, min;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      break;
    }
    if (n - i < len)
      break;
    size_t k = 1;
    for (; k < len && (s[i + k] & 0xC0) == 0x80; k++)
      cp = (cp << 6) | (s[i + k] & 0x3F);
    if (k < len || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      break;
    i += len;
  }
  if (i == n)
    return true;
  *bad = i;
  return false;
}

/* |seq| at |pos| in ASCII, |tail| ASCII octets after it, in a heap block
 * of exactly that size (overreads are caught under ASan and valgrind). */
static char *embed(const char *seq, size_t sn, size_t pos, size_t tail, size_t *n) {
  char *s;
  *n = pos + sn + tail;
  s = malloc(*n ? *n : 1);
  ck_assert_ptr_nonnull(s);
  for (size_t i = 0; i < *n; i++)
    s[i] = (char)('a' + i % 26);
  memcpy(s + pos, seq, sn);
  return s;
}

static const struct {
  const char *s;
  size_t n;
} bad_seqs[] = {
    {"\x80", 1},             /* a continuation octet alone */
    {"\xbf", 1},
    {"\xc0\x80", 2},         /* overlong 2-octet forms (C0, C1) */
    {"\xc1\xbf", 2},
    {"\xc2", 1},             /* a lead without its continuation */
    {"\xc2\x41", 2},         /* ... followed by ASCII */
    {"\xdf\xc0", 2},
    {"\xe0\x80\x80", 3},     /* overlong 3-octet: E0 80..9F */
    {"\xe0\x9f\xbf", 3},
    {"\xe1\x80", 2},         /* truncated 3-octet */
    {"\xe1\x41\x80", 3},
    {"\xe1\x80\x41", 3},
    {"\xed\xa0\x80", 3},     /* surrogates U+D800..DFFF */
    {"\xed\xbf\xbf", 3},
    {"\xf0\x80\x80\x80", 4}, /* overlong 4-octet: F0 80..8F */
    {"\xf0\x8f\xbf\xbf", 4},
    {"\xf0\x90\x80", 3},     /* truncated 4-octet */
    {"\xf0\x90\x80\x41", 4},
    {"\xf4\x90\x80\x80", 4}, /* above U+10FFFF */
    {"\xf5\x80\x80\x80", 4}, /* leads F5..FF */
    {"\xf8\x88\x80\x80\x80", 5},
    {"\xfe", 1},
    {"\xff", 1},
};

static const struct {
  const char *s;
  size_t n;
} good_seqs[] = {
    {"\xc2\x80", 2},         /* U+0080 */
    {"\xdf\xbf", 2},         /* U+07FF */
    {"\xe0\xa0\x80", 3},     /* U+0800 */
    {"\xed\x9f\xbf", 3},     /* U+D7FF */
    {"\xee\x80\x80", 3},     /* U+E000 */
    {"\xef\xbf\xbf", 3},     /* U+FFFF */
    {"\xf0\x90\x80\x80", 4}, /* U+10000 */
    {"\xf4\x8f\xbf\xbf", 4}, /* U+10FFFF */
    {"\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e\xc3\xa9", 11}, /* back to back */
};

/* Each invalid class (and each boundary code point) at positions 0..40
 * with 0..20 octets after it, so that the 16-octet steps, the overlapping
 * tail and the short paths all meet it; the writer agrees. */
START_TEST(utf8_boundaries) {
  const wchg_dict_avp *un = dict_entry(1, 0);
  for (size_t b = 0; b < sizeof bad_seqs / sizeof bad_seqs[0]; b++)
    for (size_t pos = 0; pos <= 40; pos++)
      for (size_t tail = 0; tail <= 20; tail++) {
        size_t n, bad = 12345, rbad = 54321;
        char *s = embed(bad_seqs[b].s, bad_seqs[b].n, pos, tail, &n);
        if (wchgi_utf8_valid(s, n, &bad) || bad != pos || wchgi_utf8_valid(s, n, NULL) ||
            ref_utf8_valid((const unsigned char *)s, n, &rbad) || rbad != pos)
          ck_abort_msg("bad #%zu at %zu+%zu: *bad %zu, reference %zu", b, pos, tail, bad, rbad);
        if (tail < 3 && pos < 20) { /* the writer, with room and counting */
          uint8_t buf[256];
          size_t len;
          wchg_dwriter w;
          for (int counting = 0; counting < 2; counting++) {
            wchg_dw_init(&w, buf, counting ? 30 : sizeof buf, NULL);
            wchg_dw_header(&w, 0x80, 271, 3, 0, 0);
            ck_assert_int_eq(wchg_dw_utf8_d(&w, un, s, n), WCHG_E_UTF8);
            ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_UTF8);
            ck_assert_uint_eq(len, 20);
            wchg_dw_init(&w, buf, counting ? 30 : sizeof buf, NULL);
            wchg_dw_header(&w, 0x80, 271, 3, 0, 0);
            ck_assert_int_eq(wchg_dw_utf8(&w, 1, 0, s, n), WCHG_E_UTF8);
          }
        }
        free(s);
      }
  for (size_t g = 0; g < sizeof good_seqs / sizeof good_seqs[0]; g++)
    for (size_t pos = 0; pos <= 40; pos++)
      for (size_t tail = 0; tail <= 20; tail++) {
        size_t n, bad = 0;
        char *s = embed(good_seqs[g].s, good_seqs[g].n, pos, tail, &n);
        if (!wchgi_utf8_valid(s, n, &bad))
          ck_abort_msg("good #%zu at %zu+%zu refused at %zu", g, pos, tail, bad);
        if (tail < 3) {
          uint8_t buf[256];
          size_t len;
          wchg_dwriter w;
          memset(buf, 0xEE, sizeof buf);
          wchg_dw_init(&w, buf, sizeof buf, NULL);
          wchg_dw_header(&w, 0x80, 271, 3, 0, 0);
          ck_assert_int_eq(wchg_dw_utf8_d(&w, un, s, n), WCHG_OK);
          ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
          ck_assert_uint_eq(len, 20 + ((8 + n + 3) & ~(size_t)3));
          ck_assert_mem_eq(buf + 28, s, n);
          for (size_t k = 28 + n; k < len; k++)
            ck_assert_uint_eq(buf[k], 0);
        }
        free(s);
      }
}
END_TEST

static uint32_t lcg(uint32_t *x) {
  *x = *x * 1103515245u + 12345u;
  return (*x >> 8) & 0xFFFF;
}

/* The fast validator against the reference on random text: mostly ASCII
 * with octets from every class, and valid text with one flipped bit. */
START_TEST(utf8_random) {
  static const unsigned char pick[] = {0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0,
                                       0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef,
                                       0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
  unsigned char s[80];
  uint32_t x = 12345;
#define NEXT() lcg(&x)
  for (int it = 0; it < 200000; it++) {
    size_t n = NEXT() % 70, m = 0;
    for (size_t i = 0; i < n; i++)
      s[i] = NEXT() % 4 ? (unsigned char)('a' + NEXT() % 26) : pick[NEXT() % sizeof pick];
    size_t b1 = 0, b2 = 0;
    bool r1 = wchgi_utf8_valid((const char *)s, n, &b1);
    if (r1 != ref_utf8_valid(s, n, &b2) || (!r1 && b1 != b2))
      ck_abort_msg("random text %d: %d at %zu, reference at %zu", it, r1, b1, b2);
    while (m < 60) { /* valid text of random code points */
      uint32_t hi = NEXT(), lo = NEXT();
      uint32_t cp = hi % 5 ? lo % 0x80 : (hi << 5 ^ lo) % 0x110000;
      if (cp >= 0xD800 && cp < 0xE000)
        continue;
      if (cp < 0x80) {
        s[m++] = (unsigned char)cp;
      } else if (cp < 0x800) {
        s[m++] = (unsigned char)(0xC0 | cp >> 6);
        s[m++] = (unsigned char)(0x80 | (cp & 63));
      } else if (cp < 0x10000) {
        s[m++] = (unsigned char)(0xE0 | cp >> 12);
        s[m++] = (unsigned char)(0x80 | (cp >> 6 & 63));
        s[m++] = (unsigned char)(0x80 | (cp & 63));
      } else {
        s[m++] = (unsigned char)(0xF0 | cp >> 18);
        s[m++] = (unsigned char)(0x80 | (cp >> 12 & 63));
        s[m++] = (unsigned char)(0x80 | (cp >> 6 & 63));
        s[m++] = (unsigned char)(0x80 | (cp & 63));
      }
    }
    if (!wchgi_utf8_valid((const char *)s, m, NULL))
      ck_abort_msg("valid text %d refused", it);
    size_t at = NEXT() % m;
    s[at] ^= (unsigned char)(1u << NEXT() % 8);
    r1 = wchgi_utf8_valid((const char *)s, m, &b1);
    if (r1 != ref_utf8_valid(s, m, &b2) || (!r1 && b1 != b2))
      ck_abort_msg("flipped text %d: %d at %zu, reference at %zu", it, r1, b1, b2);
  }
#undef NEXT
}
END_TEST

Suite *avp_suite(void) {
  Suite *s = suite_create("avp");
  TCase *t = tcase_create("diameter");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, golden_types);
  tcase_add_test(t, ntp_era_rule);
  tcase_add_test(t, buffer_sizing);
  tcase_add_test(t, writer_errors);
  tcase_add_test(t, read_sample_acr);
  tcase_add_test(t, malformed_header);
  tcase_add_test(t, malformed_avps);
  tcase_add_test(t, malformed_abnf);
  tcase_add_test(t, malformed_depth);
  tcase_add_test(t, failed_avp_is_opaque);
  tcase_add_test(t, every_prefix);
  tcase_add_test(t, golden_messages);
  tcase_add_test(t, float_and_getters);
  tcase_add_test(t, descriptor_samples);
  tcase_add_test(t, descriptor_types);
  tcase_add_test(t, descriptor_lengths);
  tcase_add_test(t, descriptor_errors);
  tcase_add_test(t, descriptor_counting);
  tcase_add_test(t, utf8_boundaries);
  tcase_add_test(t, utf8_random);
  suite_add_tcase(s, t);
  return s;
}
