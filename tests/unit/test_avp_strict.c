/* test_avp_strict.c: reader rules beyond the structure — padding octets
 * must be zero (RFC 6733 §4.1; tshark marks them "Malformed").
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <string.h>

#include "diam_samples.h"
#include "testutil.h"

START_TEST(padding_must_be_zero) {
  uint8_t buf[2048];
  size_t len;
  wchg_dmsg m;
  wchg_diag d;
  wchg_avp a;
  ck_assert_int_eq(sample_acr(buf, sizeof buf, &len), WCHG_OK);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 1, 0, &a)); /* User-Name: 21 octets + 3 padding */
  ck_assert_uint_eq(a.len % 4, 1);
  size_t pad = a.offset + 8 + a.len; /* first padding octet */
  buf[pad + 2] = 0x20;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  ck_assert_str_eq(d.path, "User-Name");
  ck_assert_uint_eq(d.offset, pad + 2);
  /* also without the ABNF checks: it is a structural rule */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF, &m, &d), WCHG_E_DIAMETER);
}
END_TEST

/* The reader checks a well-formed message in one quick pass and, when
 * anything is wrong, again with every error's path: the cases below sit
 * at the edges of the quick pass (Address family, dense Enumerated
 * ranges, M rules, repeated and unknown AVPs) and must give the same
 * answers as before it. */

/* A message of an unknown command (no ABNF at the top) holding |avps|. */
static size_t raw_msg(uint8_t *buf, const uint8_t *avps, size_t n) {
  size_t len = 20 + n;
  memset(buf, 0, 20);
  buf[0] = 1;
  buf[1] = (uint8_t)(len >> 16);
  buf[2] = (uint8_t)(len >> 8);
  buf[3] = (uint8_t)len;
  buf[4] = 0x80;               /* R */
  buf[7] = 99;                 /* command 99, application 0 */
  memcpy(buf + 20, avps, n);
  return len;
}

START_TEST(quick_pass_edges) {
  uint8_t buf[256];
  wchg_dmsg m;
  wchg_diag d;
  size_t len;
  /* Served-Party-IP-Address (848, 3GPP, Address) with one data octet */
  static const uint8_t addr1[] = {0, 0, 3, 80, 0xC0, 0, 0, 13, 0, 0, 0x28, 0xAF, 9, 0, 0, 0};
  len = raw_msg(buf, addr1, sizeof addr1);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  ck_assert_str_eq(d.path, "Served-Party-IP-Address");
  ck_assert_uint_eq(d.offset, 20);
  /* an IPv4 one is fine; family 1 with 16 octets is a length error */
  static const uint8_t addr4[] = {0, 0, 3, 80, 0xC0, 0, 0, 18, 0, 0, 0x28, 0xAF,
                                  0, 1, 10, 0, 0, 1, 0, 0};
  len = raw_msg(buf, addr4, sizeof addr4);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  buf[20 + 13] = 2; /* family 2 with 4 octets */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5014);
  ck_assert_str_eq(d.path, "Served-Party-IP-Address");
  /* Role-Of-Node (829, Enumerated 0..2): 2 is a value, 3 and -1 are not */
  uint8_t ron[] = {0, 0, 3, 61, 0xC0, 0, 0, 16, 0, 0, 0x28, 0xAF, 0, 0, 0, 2};
  len = raw_msg(buf, ron, sizeof ron);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  buf[20 + 15] = 3;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  ck_assert_str_eq(d.path, "Role-Of-Node");
  ck_assert_uint_eq(d.offset, 20);
  memset(buf + 20 + 12, 0xFF, 4);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  /* M clear on an AVP whose M is MUST: 3009 (invalid AVP bits) */
  buf[20 + 4] = 0x80;
  buf[20 + 15] = 1;
  memset(buf + 20 + 12, 0, 3);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3009);
  ck_assert_str_eq(d.path, "Role-Of-Node");
  /* P set: 3009 too */
  buf[20 + 4] = 0xE0;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3009);
  /* an unknown AVP: fine without M, 5001 with it, named by its numbers */
  uint8_t unk[] = {0, 0, 0x30, 0x39, 0x80, 0, 0, 13, 0, 0, 0x28, 0xAF, 7, 0, 0, 0};
  len = raw_msg(buf, unk, sizeof unk);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  buf[20 + 4] = 0xC0;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5001);
  ck_assert_str_eq(d.path, "AVP(12345,10415)");
  ck_assert_uint_eq(d.offset, 20);
  /* the V bit with Vendor-Id 0 on a known code */
  uint8_t v0[] = {0, 0, 1, 7, 0xC0, 0, 0, 13, 0, 0, 0, 0, 'x', 0, 0, 0};
  len = raw_msg(buf, v0, sizeof v0);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 3009);
  ck_assert_str_eq(d.path, "Session-Id");
}
END_TEST

START_TEST(quick_pass_groups) {
  uint8_t buf[2048];
  size_t len;
  wchg_dmsg m;
  wchg_diag d;
  wchg_avp si, ims, ron;
  ck_assert_int_eq(sample_acr(buf, sizeof buf, &len), WCHG_OK);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 873, 10415, &si));
  ck_assert(wchg_avp_find(&m, &si, 876, 10415, &ims));
  ck_assert(wchg_avp_find(&m, &ims, 829, 10415, &ron));
  /* Role-Of-Node turned into a second Node-Functionality (862): too many */
  buf[ron.offset + 2] = 862 >> 8;
  buf[ron.offset + 3] = 862 & 0xFF;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5009);
  ck_assert_str_eq(d.path, "Service-Information/IMS-Information/Node-Functionality");
  /* still every other rule without the ABNF */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF, &m, &d), WCHG_OK);
  buf[ron.offset + 15] = 99; /* not a Node-Functionality */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF, &m, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  ck_assert_str_eq(d.path, "Service-Information/IMS-Information/Node-Functionality");
  ck_assert_uint_eq(d.offset, ron.offset);
}
END_TEST

Suite *avp_strict_suite(void) {
  Suite *s = suite_create("avp-strict");
  TCase *t = tcase_create("reader");
  tcase_add_test(t, padding_must_be_zero);
  tcase_add_test(t, quick_pass_edges);
  tcase_add_test(t, quick_pass_groups);
  suite_add_tcase(s, t);
  return s;
}
