/* test_avp.c: the Diameter writer and reader — golden bytes per type, flag
 * rules from the dictionary, buffer sizing, sticky errors, every class of
 * malformed input with its Result-Code, path and offset. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diam_samples.h"
#include "testutil.h"

#define V3 10415u

/* Write a message to $WCHG_TEST_OUT/<name>.diam for the tshark check. */
static void out_diam(const char *name, const uint8_t *buf, size_t len) {
  const char *dir = getenv("WCHG_TEST_OUT");
  char path[512];
  if (!dir || !*dir)
    return;
  snprintf(path, sizeof path, "%s/%s.diam", dir, name);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fwrite(buf, 1, len, f);
  fclose(f);
}

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
  out_diam("sample-acr", ref, len);
  ck_assert_int_eq(sample_ccr(buf, sizeof buf, &len), WCHG_OK);
  out_diam("sample-ccr", buf, len);
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
  if (group)
    wchg_avp_iter_group(&it, m, group);
  else
    wchg_avp_iter_msg(&it, m);
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
  out_diam("abnf-minimal-acr", buf, len);

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
  out_diam("abnf-missing-node-functionality", buf, len);

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
  buf[4] = 0x40; /* an answer: ACA, whose ABNF allows Failed-AVP */
  put24(buf + 5, 271);
  buf[11] = 3;
  for (int i = 0; i < LEVELS; i++) {
    uint8_t *p = buf + 20 + 8 * i;
    p[3] = 0x17; /* Failed-AVP 279 = 0x117 */
    p[2] = 0x01;
    p[4] = 0x40;
    put24(p + 5, (size_t)(8 * (LEVELS - i)));
  }
  wchg_dmsg m;
  wchg_diag d;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5012);
  ck_assert_ptr_nonnull(strstr(d.path, "Failed-AVP/Failed-AVP"));
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
  tcase_add_test(t, every_prefix);
  tcase_add_test(t, golden_messages);
  tcase_add_test(t, float_and_getters);
  suite_add_tcase(s, t);
  return s;
}
