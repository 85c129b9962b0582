/* test_avp_strict.c: reader rules beyond the structure — padding octets
 * must be zero (RFC 6733 §4.1; tshark marks them "Malformed"). */
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

Suite *avp_strict_suite(void) {
  Suite *s = suite_create("avp-strict");
  TCase *t = tcase_create("reader");
  tcase_add_test(t, padding_must_be_zero);
  suite_add_tcase(s, t);
  return s;
}
