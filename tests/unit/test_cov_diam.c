/* test_cov_diam.c: cov_diam_suite — the corners of the Diameter reader
 * (diameter.h) that test_avp*.c leave out, through the public API only:
 * the same deviation read strictly with and without a diag and in receive
 * policy with and without a warnings list; a Failed-AVP whose child is
 * shorter than its header or has padding that is not zero; an AVP of an
 * unbounded rule 65536 times (its count saturates, the error after it is
 * still found where it is); an Enumerated of sparse values of the wrong
 * size; an unknown AVP with the V bit and Vendor-Id 0; an error answer
 * with reserved command flags (receive); the argument checks of the
 * parser and the typed getters; iterating a group the caller made (an
 * AVP longer than the group, shorter than its header, padding cut off);
 * a search that matches the code and not the vendor.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/diameter.h>
#include <webrtc_chg/webrtc_chg.h>

#include "testutil.h"

#define V3 10415u
#define VF WCHG_AVP_FLAG_V
#define MF WCHG_AVP_FLAG_M
#define STRW(w, code, vendor, s) wchg_dw_utf8(w, code, vendor, s, sizeof(s) - 1)

/* An Accounting-Request's top (header and the AVPs every ACR has); the
 * caller adds more and finishes. */
static void acr_top(wchg_dwriter *w, uint8_t *buf, size_t cap) {
  wchg_dw_init(w, buf, cap, NULL);
  wchg_dw_header(w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, 271, 3, 0x0A0B0C0D, 0x01020304);
  STRW(w, 263, 0, "pcscf1.ims.example.com;1;2");
  wchg_dw_octets(w, 264, 0, "pcscf1.ims.example.com", 22);
  wchg_dw_octets(w, 296, 0, "ims.example.com", 15);
  wchg_dw_octets(w, 283, 0, "ims.example.com", 15);
  wchg_dw_i32(w, 480, 0, 2);
  wchg_dw_u32(w, 485, 0, 0);
}

/* An Accounting-Answer's top, with |flags| in its header. */
static void aca_top(wchg_dwriter *w, uint8_t *buf, size_t cap, uint8_t flags) {
  wchg_dw_init(w, buf, cap, NULL);
  wchg_dw_header(w, flags, 271, 3, 0x0A0B0C0D, 0x01020304);
  STRW(w, 263, 0, "pcscf1.ims.example.com;1;2");
  wchg_dw_u32(w, 268, 0, 2001);
  wchg_dw_octets(w, 264, 0, "cdf.ims.example.com", 19);
  wchg_dw_octets(w, 296, 0, "ims.example.com", 15);
  wchg_dw_i32(w, 480, 0, 2);
  wchg_dw_u32(w, 485, 0, 0);
}

static size_t finish(wchg_dwriter *w) {
  size_t len = 0;
  ck_assert_int_eq(wchg_dw_finish(w, &len), WCHG_OK);
  return len;
}

static size_t find_avp(const uint8_t *buf, size_t len, uint32_t code) {
  wchg_dmsg m;
  wchg_avp a;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF | WCHG_DPARSE_RECEIVE, &m, NULL),
                   WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, code, 0, &a));
  return a.offset;
}

/* ---- one deviation, every way of reading it ------------------------------------ */

START_TEST(deviation_every_way) {
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d, items[2];
  wchg_warnings warn = {items, 2, 0};
  size_t len, at;
  acr_top(&w, buf, sizeof buf);
  /* User-Name (1) without its M bit: its rule is M must */
  wchg_dw_raw(&w, 1, 0, 0, "alice", 5);
  len = finish(&w);
  at = find_avp(buf, len, 1);
  /* strict, with and without a diag */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3009);
  ck_assert_uint_eq(d.offset, at);
  ck_assert_str_eq(d.path, "User-Name");
  ck_assert_uint_eq(m.length, 0); /* cleared */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, NULL), WCHG_E_DIAMETER);
  /* receive: accepted, with or without a list to tell it */
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, &d, NULL), WCHG_OK);
  ck_assert_int_eq(d.code, WCHG_OK);
  ck_assert_uint_eq(m.length, len);
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, &d, &warn), WCHG_OK);
  ck_assert_uint_eq(warn.count, 1);
  ck_assert_uint_eq(items[0].result_code, 3009);
  ck_assert_uint_eq(items[0].offset, at);
  ck_assert_str_eq(items[0].path, "User-Name");
}
END_TEST

/* ---- Failed-AVP ------------------------------------------------------------------ */

/* An ACA whose Failed-AVP holds |child| (|n| octets): refused in both
 * policies, at the child, 5014. */
static void failed_avp_refused(const uint8_t *child, size_t n) {
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d;
  size_t len, at;
  aca_top(&w, buf, sizeof buf, WCHG_CMD_FLAG_P);
  wchg_dw_raw(&w, 279, 0, MF, child, n);
  len = finish(&w);
  at = len - 8 - ((n + 3) & ~(size_t)3); /* the last AVP */
  for (int receive = 0; receive < 2; receive++) {
    ck_assert_int_eq(wchg_dmsg_parse(buf, len, receive ? WCHG_DPARSE_RECEIVE : 0, &m, &d),
                     WCHG_E_DIAMETER);
    ck_assert_uint_eq(d.result_code, 5014);
    ck_assert_uint_eq(d.offset, at + 8);
    ck_assert_str_eq(d.path, "Failed-AVP");
  }
}

START_TEST(failed_avp_children) {
  /* a child shorter than its own header */
  static const uint8_t short_hdr[] = {0, 0, 0, 1, 0x40, 0, 0, 4};
  /* a child of 5 octets whose padding is not zero */
  static const uint8_t dirty_pad[] = {0, 0, 0, 1, 0x40, 0, 0, 9, 'a', 1, 0, 0};
  /* a child of 5 octets with clean padding: accepted (its M-less
   * User-Name is the error being reported, never judged) */
  static const uint8_t clean[] = {0, 0, 0, 1, 0x00, 0, 0, 9, 'a', 0, 0, 0};
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_dmsg m;
  failed_avp_refused(short_hdr, sizeof short_hdr);
  failed_avp_refused(dirty_pad, sizeof dirty_pad);
  aca_top(&w, buf, sizeof buf, WCHG_CMD_FLAG_P);
  wchg_dw_raw(&w, 279, 0, MF, clean, sizeof clean);
  ck_assert_int_eq(wchg_dmsg_parse(buf, finish(&w), 0, &m, NULL), WCHG_OK);
}
END_TEST

/* ---- counts ------------------------------------------------------------------------ */

/* 65536 Route-Records (*[ Route-Record ]) and then an AVP whose M bit
 * breaks its rule: the count of the first stops at 65535 without harm,
 * and the error is found at its own offset. */
START_TEST(unbounded_rule_many_times) {
  enum { N = 65536 };
  size_t cap = 512 + (size_t)N * 12;
  uint8_t *buf = malloc(cap);
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d;
  size_t len, at;
  acr_top(&w, buf, cap);
  for (size_t i = 0; i < N; i++)
    wchg_dw_octets(&w, 282, 0, "ra.x", 4);
  wchg_dw_raw(&w, 1, 0, 0, "alice", 5);
  len = finish(&w);
  at = find_avp(buf, len, 1);
  ck_assert_uint_eq(at, len - 16);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3009);
  ck_assert_uint_eq(d.offset, at);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_RECEIVE, &m, &d), WCHG_OK);
  free(buf);
}
END_TEST

/* ---- values and flags ------------------------------------------------------------ */

START_TEST(sparse_enum_wrong_size) {
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d;
  size_t len, at;
  /* Trigger-Type (870, 10415): named values 1..76 with gaps, 3 octets */
  acr_top(&w, buf, sizeof buf);
  wchg_dw_raw(&w, 870, V3, VF | MF, "\x00\x00\x01", 3);
  len = finish(&w);
  at = len - 16;
  for (int receive = 0; receive < 2; receive++) {
    ck_assert_int_eq(wchg_dmsg_parse(buf, len, receive ? WCHG_DPARSE_RECEIVE : 0, &m, &d),
                     WCHG_E_DIAMETER);
    ck_assert_uint_eq(d.result_code, 5014);
    ck_assert_uint_eq(d.offset, at);
    ck_assert_str_eq(d.path, "Trigger-Type");
  }
  /* a value it names, and one it does not (a deviation) */
  acr_top(&w, buf, sizeof buf);
  wchg_dw_raw(&w, 870, V3, VF | MF, "\x00\x00\x00\x01", 4);
  len = finish(&w);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  acr_top(&w, buf, sizeof buf);
  wchg_dw_raw(&w, 870, V3, VF | MF, "\x00\x00\x00\x4a", 4);
  len = finish(&w);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_RECEIVE, &m, &d), WCHG_OK);
}
END_TEST

/* An AVP the dictionary does not know, with the V bit and Vendor-Id 0:
 * a deviation (3009) strict refuses and receive accepts. */
START_TEST(unknown_avp_v_vendor_zero) {
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d, items[2];
  wchg_warnings warn = {items, 2, 0};
  wchg_avp a;
  size_t len;
  acr_top(&w, buf, sizeof buf);
  /* written without V (the writer keeps V and the vendor in step), then
   * V set: its first four data octets become the Vendor-Id 0 */
  wchg_dw_raw(&w, 99999, 0, 0, "\0\0\0\0abcd", 8);
  len = finish(&w);
  buf[len - 16 + 4] = VF;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3009);
  ck_assert_uint_eq(d.offset, len - 16);
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, &d, &warn), WCHG_OK);
  ck_assert_uint_eq(warn.count, 1);
  ck_assert_uint_eq(items[0].result_code, 3009);
  ck_assert(wchg_avp_find(&m, NULL, 99999, 0, &a));
  ck_assert_uint_eq(a.len, 4);
  ck_assert_ptr_null(a.dict);
}
END_TEST

/* An error answer (E) with a reserved command flag bit: strict refuses
 * it (3008 at offset 4), receive reads it and warns. */
START_TEST(error_answer_reserved_flags) {
  uint8_t buf[512];
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d, items[2];
  wchg_warnings warn = {items, 2, 0};
  size_t len;
  aca_top(&w, buf, sizeof buf, WCHG_CMD_FLAG_E);
  len = finish(&w);
  buf[4] |= 0x01;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3008);
  ck_assert_uint_eq(d.offset, 4);
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, &d, &warn), WCHG_OK);
  ck_assert_uint_eq(warn.count, 1);
  ck_assert_uint_eq(items[0].result_code, 3008);
  ck_assert_uint_eq(items[0].offset, 4);
  ck_assert_str_eq(items[0].path, "Command-Flags");
  ck_assert_uint_eq(m.flags, WCHG_CMD_FLAG_E | 0x01);
}
END_TEST

/* ---- the API's edges ----------------------------------------------------------- */

START_TEST(parser_and_getter_arguments) {
  uint8_t buf[512] = {0};
  wchg_dwriter w;
  wchg_dmsg m;
  wchg_diag d;
  wchg_avp a;
  uint32_t u;
  int fam;
  uint8_t addr[16];
  size_t len;
  ck_assert_int_eq(wchg_dmsg_parse(buf, 20, 0, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(d.code, WCHG_E_ARG);
  ck_assert_int_eq(wchg_dmsg_parse(NULL, 20, 0, &m, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_dmsg_parse(NULL, 0, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5015);

  acr_top(&w, buf, sizeof buf);
  len = finish(&w);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  /* Accounting-Record-Number is (485, 0): not under another vendor */
  ck_assert(!wchg_avp_find(&m, NULL, 485, V3, &a));
  ck_assert(wchg_avp_find(&m, NULL, 485, 0, &a));
  ck_assert_int_eq(wchg_avp_u32(NULL, &u), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_u32(&a, &u), WCHG_OK);
  ck_assert_uint_eq(u, 0);
  ck_assert_int_eq(wchg_avp_address(NULL, &fam, addr), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_address(&a, NULL, addr), WCHG_E_ARG);
  ck_assert_int_eq(wchg_avp_address(&a, &fam, NULL), WCHG_E_ARG);
  a.len = 1;
  ck_assert_int_eq(wchg_avp_address(&a, &fam, addr), WCHG_E_ARG);
}
END_TEST

/* wchg_avp_next over a group the caller made (not parsed): an AVP longer
 * than what is left or shorter than its header ends the walk; an AVP
 * whose padding runs past the end is the last. */
START_TEST(iterate_unparsed_group) {
  static const uint8_t too_long[] = {0, 0, 0, 1, 0x40, 0, 0, 40, 'a', 'b', 'c', 'd'};
  static const uint8_t too_short[] = {0, 0, 0, 1, 0x80, 0, 0, 10, 0, 0, 0, 0};
  static const uint8_t pad_cut[] = {0, 0, 0, 1, 0x40, 0, 0, 9, 'a', 0, 0, 0, 0, 0, 0, 1,
                                    0x40, 0, 0, 9, 'b'};
  wchg_dmsg m;
  wchg_avp g, a;
  wchg_avp_iter it;
  memset(&m, 0, sizeof m);
  m.data = too_long;
  g = (wchg_avp){0};
  g.data = too_long;
  g.len = sizeof too_long;
  wchg_avp_iter_group(&it, &m, &g);
  ck_assert(!wchg_avp_next(&it, &a));
  g.data = too_short;
  g.len = sizeof too_short;
  wchg_avp_iter_group(&it, &m, &g);
  ck_assert(!wchg_avp_next(&it, &a));
  m.data = pad_cut;
  g.data = pad_cut;
  g.len = sizeof pad_cut;
  wchg_avp_iter_group(&it, &m, &g);
  ck_assert(wchg_avp_next(&it, &a));
  ck_assert_uint_eq(a.len, 1);
  ck_assert_uint_eq(a.data[0], 'a');
  ck_assert(wchg_avp_next(&it, &a));
  ck_assert_uint_eq(a.offset, 12);
  ck_assert_uint_eq(a.data[0], 'b');
  ck_assert_ptr_nonnull(a.dict);
  ck_assert(!wchg_avp_next(&it, &a));
}
END_TEST

Suite *cov_diam_suite(void) {
  Suite *s = suite_create("cov_diam");
  TCase *t = tcase_create("diam");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, deviation_every_way);
  tcase_add_test(t, failed_avp_children);
  tcase_add_test(t, unbounded_rule_many_times);
  tcase_add_test(t, sparse_enum_wrong_size);
  tcase_add_test(t, unknown_avp_v_vendor_zero);
  tcase_add_test(t, error_answer_reserved_flags);
  tcase_add_test(t, parser_and_getter_arguments);
  tcase_add_test(t, iterate_unparsed_group);
  suite_add_tcase(s, t);
  return s;
}
