/*
 * test_mem.c: mem_suite — every object of the library made with a partly
 * filled wchg_mem (malloc/free for both, the hook never called), with a
 * failing one (NULL or WCHG_E_NOMEM, nothing leaked), and with a counting
 * one (every block given back).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/cdr_json.h>

#include "base/buf.h"
#include "samples.h"
#include "testutil.h"

Suite *mem_suite(void);

/* A hook that must never run: a partial wchg_mem is not used at all. */
static size_t stray_calls;
static void *stray_malloc(size_t n, void *ud) {
  (void)ud;
  stray_calls++;
  return malloc(n);
}
static void stray_free(void *p, void *ud) {
  (void)ud;
  stray_calls++;
  free(p);
}

static const wchg_ctf_config CTF_CFG = {
    .origin_host = WCHG_STR("epcscf1.visited.example"),
    .origin_realm = WCHG_STR("visited.example"),
    .destination_realm = WCHG_STR("home.example"),
};

static wchg_cdf_config cdf_config(const wchg_mem *mem) {
  wchg_cdf_config c;
  memset(&c, 0, sizeof c);
  c.duplicate_memory = 16;
  c.origin_host = WCHG_STR("cdf1.home.example");
  c.origin_realm = WCHG_STR("home.example");
  c.mem = mem;
  return c;
}

/* Every object kind made and used a little with |mem|; returns how many
 * of the 8 kinds could be made (all freed again). */
static size_t make_all(const wchg_mem *mem) {
  size_t made = 0, n;
  wchg_ctf_config ccfg = CTF_CFG;
  wchg_cdf_config dcfg = cdf_config(mem);
  wchg_cdr sample, *cdr = NULL;
  uint8_t *der;
  ccfg.mem = mem;

  wchg_acr_reader *r = wchg_acr_reader_new(mem);
  made += r != NULL;
  wchg_acr_reader_free(r);
  wchg_ctf_record *rec = wchg_ctf_record_new(mem);
  made += rec != NULL;
  wchg_ctf_record_free(rec);
  wchg_ctf_pending *pend = wchg_ctf_pending_new(mem, 4);
  made += pend != NULL;
  wchg_ctf_pending_free(pend);
  wchg_ctf_reg *reg = wchg_ctf_reg_new(&ccfg);
  made += reg != NULL;
  wchg_ctf_reg_free(reg);
  wchg_ctf_session *s = wchg_ctf_session_new(&ccfg);
  made += s != NULL;
  wchg_ctf_session_free(s);
  wchg_cdf *c = wchg_cdf_new(&dcfg);
  made += c != NULL;
  wchg_cdf_free(c);

  sample_full(&sample);
  der = test_encode(&sample, &n);
  if (wchg_cdr_decode(der, n, mem, &cdr, NULL, NULL) == WCHG_OK)
    made++;
  free(der);
  wchg_cdr_free(cdr);
  cdr = NULL;
  static char json[16384];
  ck_assert_int_eq(wchg_cdr_to_json_text(&sample, 0, json, sizeof json, &n, NULL), WCHG_OK);
  if (wchg_cdr_from_json_text(json, n, mem, &cdr, NULL) == WCHG_OK)
    made++;
  wchg_cdr_free(cdr);
  return made;
}

START_TEST(partial_mem_means_malloc_and_free) {
  /* [0] malloc alone, [1] free alone, [2] neither but user_data */
  static int ud;
  const wchg_mem half[3] = {{stray_malloc, NULL, &ud}, {NULL, stray_free, &ud}, {NULL, NULL, &ud}};
  for (int i = 0; i < 3; i++) {
    stray_calls = 0;
    ck_assert_uint_eq(make_all(&half[i]), 8);
    ck_assert_uint_eq(stray_calls, 0);
  }
  ck_assert_uint_eq(make_all(NULL), 8);
}
END_TEST

START_TEST(full_mem_is_used_and_balanced) {
  struct failmem fm;
  failmem_init(&fm, 0, 0);
  ck_assert_uint_eq(make_all(&fm.mem), 8);
  ck_assert_uint_ge(fm.calls, 8); /* every object went through the hooks */
  ck_assert_uint_eq(fm.live, 0);
}
END_TEST

START_TEST(failing_mem_makes_nothing_and_leaks_nothing) {
  struct failmem fm;
  failmem_init(&fm, 1, 1);
  ck_assert_uint_eq(make_all(&fm.mem), 0);
  ck_assert_uint_eq(fm.live, 0);
  /* and failing each later allocation in turn */
  for (size_t at = 2; at < 64; at++) {
    failmem_init(&fm, at, 1);
    (void)make_all(&fm.mem);
    ck_assert_uint_eq(fm.live, 0);
  }
}
END_TEST

/* The growable buffer: absolute reserve, doubling from 256, what it grew
 * by, content kept; trim to the length; out of memory leaves it whole. */
START_TEST(buffer_reserve_trim_free) {
  struct failmem fm;
  struct wchgi_buf b = {0};
  size_t grown = 99;
  failmem_init(&fm, 0, 0);
  ck_assert_int_eq(wchgi_buf_reserve(&b, &fm.mem, 0, &grown), WCHG_OK);
  ck_assert_uint_eq(grown, 0);
  ck_assert_int_eq(wchgi_buf_reserve(&b, &fm.mem, 10, &grown), WCHG_OK);
  ck_assert_uint_eq(b.cap, 256);
  ck_assert_uint_eq(grown, 256);
  memcpy(b.p, "0123456789", 10);
  b.len = 10;
  ck_assert_int_eq(wchgi_buf_reserve(&b, &fm.mem, 1000, &grown), WCHG_OK);
  ck_assert_uint_eq(b.cap, 1024);
  ck_assert_uint_eq(grown, 768);
  ck_assert_int_eq(memcmp(b.p, "0123456789", 10), 0);
  ck_assert_int_eq(wchgi_buf_reserve(&b, &fm.mem, 1024, NULL), WCHG_OK);
  ck_assert_uint_eq(wchgi_buf_trim(&b, &fm.mem), 1014);
  ck_assert_uint_eq(b.cap, 10);
  ck_assert_int_eq(memcmp(b.p, "0123456789", 10), 0);
  ck_assert_uint_eq(wchgi_buf_trim(&b, &fm.mem), 0);
  ck_assert_int_eq(wchgi_buf_reserve(&b, &fm.mem, SIZE_MAX, NULL), WCHG_E_NOMEM);
  fm.fail_at = fm.calls + 1;
  fm.forever = 1;
  ck_assert_int_eq(wchgi_buf_reserve(&b, &fm.mem, 300, &grown), WCHG_E_NOMEM);
  ck_assert_uint_eq(b.cap, 10);
  ck_assert_int_eq(memcmp(b.p, "0123456789", 10), 0);
  b.len = 2;
  ck_assert_uint_eq(wchgi_buf_trim(&b, &fm.mem), 0); /* its allocation fails */
  ck_assert_uint_eq(b.cap, 10);
  wchgi_buf_free(&b, &fm.mem);
  ck_assert_ptr_null(b.p);
  ck_assert_uint_eq(b.cap, 0);
  ck_assert_uint_eq(fm.live, 0);
}
END_TEST

Suite *mem_suite(void) {
  Suite *s = suite_create("mem");
  TCase *t = tcase_create("mem");
  tcase_add_test(t, partial_mem_means_malloc_and_free);
  tcase_add_test(t, full_mem_is_used_and_balanced);
  tcase_add_test(t, failing_mem_makes_nothing_and_leaks_nothing);
  tcase_add_test(t, buffer_reserve_trim_free);
  suite_add_tcase(s, t);
  return s;
}
