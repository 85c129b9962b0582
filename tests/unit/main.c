/*
 * main.c: the one unit-test runner. Every suite of tests/unit/ runs in one
 * SRunner; the exit status is non-zero when any test fails or a suite is
 * missing from the link.
 *
 * Environment (Check's own): CK_FORK=no to run in one process (valgrind),
 * CK_RUN_SUITE / CK_RUN_CASE to run a part, CK_VERBOSITY=verbose to list
 * every test. Tests write the records they produce to $WCHG_TEST_OUT.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

/* Weak, so that a suite missing from the link is named and counted as a
 * failure instead of stopping the whole build. */
#define SUITES(X)                                                            \
  X(common_suite)                                                            \
  X(cdr_suite)                                                               \
  X(ber_suite)                                                               \
  X(ber_receive_suite)                                                       \
  X(oom_suite)                                                               \
  X(json_suite)                                                              \
  X(validate_suite)                                                          \
  X(threads_suite)                                                           \
  X(dict_suite)                                                              \
  X(avp_suite)                                                               \
  X(avp_strict_suite)                                                        \
  X(avp_receive_suite)                                                       \
  X(sip_suite)                                                               \
  X(rf_suite)                                                                \
  X(ro_suite)                                                                \
  X(rf_dec_suite)                                                            \
  X(ctf_suite)                                                               \
  X(ctf_aca_suite)                                                           \
  X(ctf_sdp_suite)                                                           \
  X(demo_suite)                                                              \
  X(cdrfile_suite)                                                           \
  X(aca_suite)                                                               \
  X(cdf_suite)                                                               \
  X(mem_suite)                                                               \
  X(cov_avp_enc_suite)                                                       \
  X(cov_ro_suite)                                                            \
  X(cov_dict_suite)                                                          \
  X(cov_rf_suite)                                                            \
  X(cov_json_suite)                                                          \
  X(cov_sip_suite)                                                           \
  X(cov_base_suite)                                                          \
  X(cov_cdf_suite)                                                           \
  X(cov_ctf_suite)                                                           \
  X(cov_cdr_suite)                                                           \
  X(cov_diam_suite)

#define DECLARE(name) Suite *name(void) __attribute__((weak));
SUITES(DECLARE)
#undef DECLARE

struct suite_entry {
  const char *name;
  Suite *(*make)(void);
};

int main(void) {
#define ENTRY(name) {#name, name},
  const struct suite_entry suites[] = {SUITES(ENTRY)};
#undef ENTRY
  SRunner *sr = NULL;
  int missing = 0;

  for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
    if (!suites[i].make) {
      fprintf(stderr, "test_unit: %s is not linked in (its test file is "
                      "missing)\n", suites[i].name);
      missing++;
      continue;
    }
    if (!sr)
      sr = srunner_create(suites[i].make());
    else
      srunner_add_suite(sr, suites[i].make());
  }
  if (!sr)
    return EXIT_FAILURE;
  srunner_run_all(sr, CK_ENV);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  if (missing)
    fprintf(stderr, "test_unit: %d suite(s) missing\n", missing);
  return failed == 0 && missing == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
