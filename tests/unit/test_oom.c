/* test_oom.c: out-of-memory at every allocation of the decoder (SQLite
 * style): fail the Nth allocation, once and for ever, for N = 1, 2, ...
 * until a run needs no more; every run either succeeds with the same
 * record or returns WCHG_E_NOMEM, and nothing leaks.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "samples.h"
#include "testutil.h"

static void oom_loop(const uint8_t *buf, size_t n, int forever) {
  wchg_cdr ref;
  sample_full(&ref);
  for (size_t fail_at = 1;; fail_at++) {
    struct failmem fm;
    wchg_cdr *c = NULL;
    wchg_diag d;
    failmem_init(&fm, fail_at, forever);
    int rc = wchg_cdr_decode(buf, n, &fm.mem, &c, NULL, &d);
    if (rc == WCHG_OK) {
      char where[128];
      ck_assert_msg(test_cdr_equal(&ref, c, where, sizeof where), "differs at %s", where);
      wchg_cdr_free(c);
      ck_assert_uint_eq(fm.live, 0);
      ck_assert_uint_lt(fm.calls, fail_at); /* nothing failed this time */
      ck_assert_uint_gt(fail_at, 1);
      return;
    }
    ck_assert_int_eq(rc, WCHG_E_NOMEM);
    ck_assert_int_eq(d.code, WCHG_E_NOMEM);
    ck_assert_ptr_null(c);
    ck_assert_uint_eq(fm.live, 0);
    ck_assert_uint_lt(fail_at, 10000);
  }
}

START_TEST(decode_fail_once) {
  wchg_cdr c;
  size_t n;
  sample_full(&c);
  uint8_t *buf = test_encode(&c, &n);
  oom_loop(buf, n, 0);
  free(buf);
}
END_TEST

START_TEST(decode_fail_forever) {
  wchg_cdr c;
  size_t n;
  sample_full(&c);
  uint8_t *buf = test_encode(&c, &n);
  oom_loop(buf, n, 1);
  free(buf);
}
END_TEST

/* A record whose strings outgrow the first arena chunk, so the decoder
 * must grow the arena (several allocations). */
START_TEST(decode_grows_arena) {
  static wchg_str many[600];
  static char text[600][40];
  wchg_cdr c;
  size_t n;
  for (int i = 0; i < 600; i++) {
    int k = snprintf(text[i], sizeof text[i], "transit-%d.example.net", i);
    many[i] = (wchg_str){text[i], (size_t)k};
  }
  wchg_cdr_init(&c);
  c.ims.transit_ioi_lists = (wchg_str_list){many, 600};
  uint8_t *buf = test_encode(&c, &n);
  size_t calls_needed = 0;
  for (size_t fail_at = 1;; fail_at++) {
    struct failmem fm;
    wchg_cdr *out = NULL;
    failmem_init(&fm, fail_at, 0);
    int rc = wchg_cdr_decode(buf, n, &fm.mem, &out, NULL, NULL);
    ck_assert_uint_eq(fm.live, rc == WCHG_OK ? fm.live : 0);
    if (rc == WCHG_OK) {
      ck_assert_uint_eq(out->ims.transit_ioi_lists.count, 600);
      ck_assert_str_eq(out->ims.transit_ioi_lists.items[599].ptr, "transit-599.example.net");
      calls_needed = fm.calls;
      wchg_cdr_free(out);
      ck_assert_uint_eq(fm.live, 0);
      break;
    }
    ck_assert_int_eq(rc, WCHG_E_NOMEM);
  }
  ck_assert_uint_gt(calls_needed, 1);
  free(buf);
}
END_TEST

Suite *oom_suite(void) {
  Suite *s = suite_create("oom");
  TCase *t = tcase_create("decode");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, decode_fail_once);
  tcase_add_test(t, decode_fail_forever);
  tcase_add_test(t, decode_grows_arena);
  suite_add_tcase(s, t);
  return s;
}
