/* test_cov_cdr.c: cov_cdr_suite — the corners of the CDR codec (cdr.h)
 * and the TS 32.297 writer (cdrfile.h) that test_cdr.c, test_ber*.c and
 * test_cdrfile.c leave out, through the public API only: a CHOICE below
 * 1, equal elements of the SET OF recordExtensions, a DEFAULT value kept
 * as received (written back, not left out), another IMSRecord without
 * |consumed|, an explicit tag with nothing inside, the decoder's argument
 * checks, decoding under a failing allocator with the arena filled to
 * every size before a constructed string and an open type, the second
 * (diagnosing) pass out of memory; the file writer's header ranges one by
 * one, its sticky errors, and a file growing past 2^32-1 octets while
 * measuring.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "testutil.h"

#define R "pCSCFRecord"

/* A pCSCFRecord [64] around the hex content |hex|: its bytes in |buf|. */
static size_t record_of(const char *hex, uint8_t *buf, size_t cap) {
  uint8_t tmp[4096];
  size_t n = test_unhex(hex, tmp, sizeof tmp), at = 2;
  ck_assert_uint_le(n + 5, cap);
  buf[0] = 0xbf;
  buf[1] = 0x40;
  if (n < 128) {
    buf[at++] = (uint8_t)n;
  } else {
    buf[at++] = 0x82;
    buf[at++] = (uint8_t)(n >> 8);
    buf[at++] = (uint8_t)n;
  }
  memcpy(buf + at, tmp, n);
  return at + n;
}

static uint8_t *encode_of(const wchg_cdr *c, size_t *len) {
  size_t need = 0;
  ck_assert_int_eq(wchg_cdr_encode(c, NULL, 0, &need, NULL), WCHG_E_BUFFER);
  uint8_t *buf = malloc(need);
  ck_assert_int_eq(wchg_cdr_encode(c, buf, need, len, NULL), WCHG_OK);
  ck_assert_uint_eq(*len, need);
  return buf;
}

/* ---- the encoder ------------------------------------------------------------- */

START_TEST(encode_choice_below_one) {
  wchg_cdr c;
  wchg_diag d;
  size_t len;
  uint8_t buf[64];
  wchg_cdr_init(NULL); /* nothing to clear */
  wchg_cdr_init(&c);
  c.ims.served_party_ip_address.choice = -1;
  ck_assert_int_eq(wchg_cdr_encode(&c, buf, sizeof buf, &len, &d), WCHG_E_CHOICE);
  ck_assert_int_eq(d.code, WCHG_E_CHOICE);
  ck_assert_str_eq(d.path, R "/servedPartyIPAddress");
}
END_TEST

/* Two equal foreign extensions: DER's SET OF order keeps both (equal
 * encodings compare equal), and they read back. */
START_TEST(encode_equal_extensions) {
  static const uint8_t oid[] = {0x2a, 0x03}, info[] = {0x05, 0x00};
  const wchg_management_extension x[2] = {
      {{oid, 2}, {false, 0}, {info, 2}},
      {{oid, 2}, {false, 0}, {info, 2}},
  };
  uint8_t want[64];
  size_t wn = record_of("800140 b914 3008 06022a03 a2020500 3008 06022a03 a2020500", want,
                        sizeof want);
  wchg_cdr c, *back = NULL;
  size_t len, used;
  wchg_cdr_init(&c);
  c.record_extensions = (wchg_management_extension_list){x, 2};
  uint8_t *buf = encode_of(&c, &len);
  ck_assert_uint_eq(len, wn);
  ck_assert_mem_eq(buf, want, wn);
  test_out_write("cov-equal-extensions", buf, len);
  ck_assert_int_eq(wchg_cdr_decode(buf, len, NULL, &back, &used, NULL), WCHG_OK);
  ck_assert_uint_eq(back->record_extensions.count, 2);
  ck_assert_mem_eq(back->record_extensions.items[1].identifier.ptr, oid, 2);
  wchg_cdr_free(back);
  free(buf);
}
END_TEST

/* significance [1] BOOLEAN DEFAULT FALSE, received as two zero octets:
 * the model says FALSE (the DEFAULT), but the octets kept as received
 * are written back rather than the value left out (X.690 11.5 holds for
 * values of ours only): the record round-trips byte for byte. */
START_TEST(raw_default_written_back) {
  uint8_t in[64];
  size_t n = record_of("800140 b90e 300c 06022a03 81020000 a2020500", in, sizeof in);
  wchg_cdr *c = NULL;
  size_t used = 0, len;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_decode(in, n, NULL, &c, &used, &d), WCHG_OK);
  ck_assert_uint_eq(used, n);
  ck_assert_uint_eq(c->record_extensions.count, 1);
  ck_assert(c->record_extensions.items[0].significance.present);
  ck_assert_int_eq(c->record_extensions.items[0].significance.value, 0);
  uint8_t *out = encode_of(c, &len);
  ck_assert_uint_eq(len, n);
  ck_assert_mem_eq(out, in, n);
  free(out);
  wchg_cdr_free(c);
  /* beside it, a FALSE given explicitly is no value kept as received:
   * left out, and DER's order puts the shorter first */
  n = record_of("800140 b91b 300b 06022a04 810100 a2020500 300c 06022a03 81020000 a2020500",
                in, sizeof in);
  ck_assert_int_eq(wchg_cdr_decode(in, n, NULL, &c, &used, &d), WCHG_OK);
  uint8_t want[64];
  size_t wn = record_of("800140 b918 3008 06022a04 a2020500 300c 06022a03 81020000 a2020500",
                        want, sizeof want);
  out = encode_of(c, &len);
  ck_assert_uint_eq(len, wn);
  ck_assert_mem_eq(out, want, wn);
  free(out);
  wchg_cdr_free(c);
}
END_TEST

/* ---- the decoder --------------------------------------------------------------- */

START_TEST(decode_edges) {
  uint8_t in[64];
  size_t n, used = 77;
  wchg_cdr *c = (wchg_cdr *)in;
  wchg_diag d;

  /* called-Party-Address [7] explicit with nothing inside */
  n = record_of("800140 a700 800140", in, sizeof in);
  ck_assert_int_eq(wchg_cdr_decode(in, n, NULL, &c, &used, &d), WCHG_E_MISSING);
  ck_assert_ptr_null(c);
  ck_assert_int_eq(d.code, WCHG_E_MISSING);
  ck_assert_str_eq(d.path, R "/called-Party-Address");
  ck_assert_uint_eq(d.offset, 6);

  /* an open type whose inner element (indefinite length) never ends */
  n = record_of("800140 b90c 300a 06022a03 a204 30800500", in, sizeof in);
  ck_assert_int_eq(wchg_cdr_decode(in, n, NULL, &c, &used, &d), WCHG_E_TRUNCATED);
  ck_assert_str_eq(d.path, R "/recordExtensions[0]/information");
  ck_assert_uint_eq(d.offset, n);

  /* another IMSRecord, nobody asking how long it is */
  static const uint8_t icscf[] = {0xbf, 0x41, 0x03, 0x80, 0x01, 0x41};
  ck_assert_int_eq(wchg_cdr_decode(icscf, sizeof icscf, NULL, &c, NULL, &d),
                   WCHG_E_OTHER_RECORD);
  ck_assert_str_eq(d.path, "iCSCFRecord");
  ck_assert_ptr_null(c);

  /* arguments */
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, (wchg_policy)7, NULL, &c, NULL, &d, NULL),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, WCHG_POLICY_STRICT, NULL, NULL, NULL, &d, NULL),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_decode_ex(NULL, 3, WCHG_POLICY_STRICT, NULL, &c, NULL, &d, NULL),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_decode(NULL, 0, NULL, &c, &used, &d), WCHG_E_TRUNCATED);
  ck_assert_ptr_null(c);
}
END_TEST

/* Decode |in| with an allocator failing once at each allocation: either
 * WCHG_E_NOMEM with nothing kept, or the record of the plain decode
 * (its DER the same). Returns the number of allocations failed. */
static size_t decode_each_failure(const uint8_t *in, size_t n) {
  wchg_cdr *c = NULL;
  uint8_t *want, *got;
  size_t wlen, glen, fails = 0;
  ck_assert_int_eq(wchg_cdr_decode(in, n, NULL, &c, NULL, NULL), WCHG_OK);
  want = encode_of(c, &wlen);
  wchg_cdr_free(c);
  for (size_t k = 1;; k++) {
    struct failmem fm;
    wchg_diag d;
    failmem_init(&fm, k, 0);
    wchg_status st = wchg_cdr_decode(in, n, &fm.mem, &c, NULL, &d);
    if (st == WCHG_OK) {
      got = encode_of(c, &glen);
      ck_assert_uint_eq(glen, wlen);
      ck_assert_mem_eq(got, want, wlen);
      free(got);
      wchg_cdr_free(c);
    } else {
      ck_assert_int_eq(st, WCHG_E_NOMEM);
      ck_assert_int_eq(d.code, WCHG_E_NOMEM);
      ck_assert_ptr_null(c);
    }
    ck_assert_uint_eq(fm.live, 0);
    if (fm.calls < k)
      break;
    fails++;
  }
  free(want);
  return fails;
}

/* list-Of-Early-SDP-Media-Components [32] of |k| empty entries (their
 * model takes far more room than their two octets), then |tail|: the
 * arena is filled to every size before the tail's allocation. */
static size_t early_then(unsigned k, const char *tail, uint8_t *buf, size_t cap) {
  char hex[2048];
  size_t at = 0;
  at += (size_t)snprintf(hex + at, sizeof hex - at, "800140 bf20 %s%02x", k * 2 >= 128 ? "81" : "",
                         k * 2);
  for (unsigned i = 0; i < k; i++)
    at += (size_t)snprintf(hex + at, sizeof hex - at, " 3000");
  snprintf(hex + at, sizeof hex - at, " %s", tail);
  return record_of(hex, buf, cap);
}

/* list-Of-Reason-Header [55] of |r| empty texts (an item and a copy
 * each), recordType with a length of |p| octets (long form: BER), then
 * a foreign extension: the arena is filled to every multiple of 16
 * octets before the extension's identifier and open type are copied. */
static size_t reasons_then_extension(unsigned r, unsigned p, uint8_t *buf, size_t cap) {
  char hex[2048];
  size_t at = 0;
  at += (size_t)snprintf(hex + at, sizeof hex - at, "80");
  if (p) {
    at += (size_t)snprintf(hex + at, sizeof hex - at, " %02x", 0x80 | p);
    for (unsigned i = 0; i + 1 < p; i++)
      at += (size_t)snprintf(hex + at, sizeof hex - at, " 00");
  }
  at += (size_t)snprintf(hex + at, sizeof hex - at, " 01 40");
  if (r) {
    at += (size_t)snprintf(hex + at, sizeof hex - at, " bf37 81%02x", r * 2);
    for (unsigned i = 0; i < r; i++)
      at += (size_t)snprintf(hex + at, sizeof hex - at, " 1900");
  }
  snprintf(hex + at, sizeof hex - at, " b90c 300a 06022a03 a2040402abcd");
  return record_of(hex, buf, cap);
}

START_TEST(decode_out_of_memory) {
  uint8_t in[1024];
  size_t fails = 0;
  /* sIP-Method [2] in two segments (BER, receive) */
  for (unsigned k = 1; k <= 120; k++)
    fails += decode_each_failure(in, early_then(k, "a20a 0402494e 0404564954 45", in, sizeof in));
  for (unsigned r = 0; r <= 40; r++)
    for (unsigned p = 0; p < 16; p++)
      fails += decode_each_failure(in, reasons_then_extension(r, p, in, sizeof in));
  ck_assert_uint_gt(fails, 700);
}
END_TEST

/* A record refused, and out of memory on the second pass that finds
 * where: the refusal is what the caller gets. */
START_TEST(decode_second_pass_out_of_memory) {
  uint8_t in[64];
  size_t n = record_of("800140 a700 800140", in, sizeof in);
  bool seen = false;
  for (size_t k = 1; k < 8; k++) {
    struct failmem fm;
    wchg_cdr *c = NULL;
    wchg_diag d;
    failmem_init(&fm, k, 0);
    wchg_status st = wchg_cdr_decode(in, n, &fm.mem, &c, NULL, &d);
    ck_assert_ptr_null(c);
    ck_assert_uint_eq(fm.live, 0);
    if (st == WCHG_E_NOMEM)
      continue; /* the first pass */
    ck_assert_int_eq(st, WCHG_E_MISSING);
    if (fm.calls >= k) { /* the failure hit the second pass: the diag
                            cannot say where (it says out of memory) */
      seen = true;
      ck_assert(d.code == WCHG_E_MISSING || d.code == WCHG_E_NOMEM);
    } else {
      ck_assert_int_eq(d.code, WCHG_E_MISSING);
      ck_assert_str_eq(d.path, R "/called-Party-Address");
    }
  }
  ck_assert(seen);
}
END_TEST

/* ---- the TS 32.297 writer ---------------------------------------------------------- */

static wchg_cdrfile_header file_header(void) {
  wchg_cdrfile_header h;
  memset(&h, 0, sizeof h);
  h.opening_time = h.last_cdr_time = (wchg_cdrfile_time){11, 24, 9, 0, 60};
  h.high_release = h.low_release = 17;
  return h;
}

START_TEST(cdrfile_header_ranges) {
  static uint8_t big[65536];
  wchg_cdrfile_writer w;
  wchg_diag d;
  wchg_cdrfile_header h;
  size_t len = 5;
  struct {
    int field;
    const char *path;
  } bad[] = {{0, "CDRFile/releaseVersion"},
             {1, "CDRFile/releaseVersion"},
             {2, "CDRFile/releaseVersion"},
             {3, "CDRFile/privateExtension"}};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    h = file_header();
    switch (bad[i].field) {
    case 0: h.high_version = 32; break;
    case 1: h.low_release = 2; break; /* before R99 */
    case 2: h.low_version = 32; break;
    default: h.routeing_filter = (wchg_octets){big, 65536}; break;
    }
    ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &h, &d), WCHG_E_RANGE);
    ck_assert_str_eq(d.path, bad[i].path);
    ck_assert_int_eq(w.error, WCHG_E_RANGE);
    /* sticky: every later call says it, and the diag stays the first */
    static const uint8_t a[2] = {0x05, 0x00};
    wchg_cdrfile_cdr c = {17, 9, WCHG_CDRFILE_BER, WCHG_CDRFILE_TS_IMS, {a, 2}, 0};
    ck_assert_int_eq(wchg_cdrfile_add(&w, &c), WCHG_E_RANGE);
    ck_assert_int_eq(wchg_cdrfile_finish(&w, NULL, 0, &len), WCHG_E_RANGE);
    ck_assert_uint_eq(len, 0);
    ck_assert_str_eq(d.path, bad[i].path);
  }
  /* 65535 octets each are fine */
  h = file_header();
  h.routeing_filter = (wchg_octets){big, 65535};
  h.private_extension = (wchg_octets){big, 65535};
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &h, &d), WCHG_OK);
  ck_assert_int_eq(wchg_cdrfile_finish(&w, NULL, 0, &len), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, 50 + 65535 + 2 + 65535 + 2); /* + the release extensions */
}
END_TEST

START_TEST(cdrfile_writer_arguments) {
  static const uint8_t a[2] = {0x05, 0x00};
  wchg_cdrfile_header h = file_header();
  wchg_cdrfile_writer w;
  wchg_cdrfile_cdr c = {17, 9, WCHG_CDRFILE_BER, WCHG_CDRFILE_TS_IMS, {a, 2}, 0};
  wchg_diag d;
  size_t len = 5;
  ck_assert_int_eq(wchg_cdrfile_add(NULL, &c), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdrfile_finish(NULL, NULL, 0, &len), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &h, &d), WCHG_OK);
  ck_assert_int_eq(wchg_cdrfile_finish(&w, NULL, 0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdrfile_add(&w, NULL), WCHG_E_ARG);
  ck_assert_str_eq(d.path, "CDRFile/cdr");
  ck_assert_int_eq(wchg_cdrfile_add(&w, &c), WCHG_E_ARG); /* sticky */
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &h, &d), WCHG_OK);
  c.data = (wchg_octets){NULL, 2};
  ck_assert_int_eq(wchg_cdrfile_add(&w, &c), WCHG_E_ARG);
  ck_assert_str_eq(d.path, "CDRFile/cdr");
  /* an empty CDR is a CDR */
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &h, &d), WCHG_OK);
  c.data = (wchg_octets){NULL, 0};
  ck_assert_int_eq(wchg_cdrfile_add(&w, &c), WCHG_OK);
  ck_assert_int_eq(wchg_cdrfile_finish(&w, NULL, 0, &len), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, 50 + 2 + 2 + 5); /* Rel-17: release extension octets */
}
END_TEST

/* Measuring (no buffer), CDRs of 65535 octets: the 65538th would take
 * the file past 2^32-1 octets. */
START_TEST(cdrfile_over_four_gib) {
  static uint8_t big[65535];
  wchg_cdrfile_header h = file_header();
  wchg_cdrfile_writer w;
  wchg_cdrfile_cdr c = {17, 9, WCHG_CDRFILE_BER, WCHG_CDRFILE_TS_IMS, {big, 65535}, 0};
  wchg_diag d;
  size_t len, k;
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &h, &d), WCHG_OK);
  for (k = 0;; k++) {
    wchg_status st = wchg_cdrfile_add(&w, &c);
    if (st != WCHG_OK) {
      ck_assert_int_eq(st, WCHG_E_LIMIT);
      break;
    }
  }
  /* 52 + k * (5 + 65535) <= 2^32 - 1 - 2 (Rel-17: 5-octet CDR headers) */
  ck_assert_uint_eq(k, (UINT32_MAX - 2 - 52) / (5 + 65535));
  ck_assert_str_eq(d.path, "CDRFile/cdr");
  ck_assert_int_eq(wchg_cdrfile_finish(&w, NULL, 0, &len), WCHG_E_LIMIT);
}
END_TEST

Suite *cov_cdr_suite(void) {
  Suite *s = suite_create("cov_cdr");
  TCase *t = tcase_create("cdr");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, encode_choice_below_one);
  tcase_add_test(t, encode_equal_extensions);
  tcase_add_test(t, raw_default_written_back);
  tcase_add_test(t, decode_edges);
  tcase_add_test(t, decode_out_of_memory);
  tcase_add_test(t, decode_second_pass_out_of_memory);
  tcase_add_test(t, cdrfile_header_ranges);
  tcase_add_test(t, cdrfile_writer_arguments);
  tcase_add_test(t, cdrfile_over_four_gib);
  suite_add_tcase(s, t);
  return s;
}
