/* test_threads.c: the library keeps no shared mutable state, so distinct
 * records may be encoded, decoded, validated and mapped to JSON from many
 * threads at once with the same results as from one.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/cdr_json.h>

#include "samples.h"
#include "testutil.h"

enum { THREADS = 4, ROUNDS = 200 };

struct job {
  const uint8_t *ref;
  size_t ref_len;
  int failures;
};

static void *work(void *arg) {
  struct job *j = arg;
  uint8_t buf[8192];
  for (int i = 0; i < ROUNDS; i++) {
    wchg_cdr *c = NULL, *back = NULL;
    size_t len = 0, count = 0;
    json_t *json = NULL;
    if (wchg_cdr_decode(j->ref, j->ref_len, NULL, &c, NULL, NULL) != WCHG_OK) {
      j->failures++;
      continue;
    }
    if (wchg_cdr_validate(c, WCHG_VALIDATE_WEBRTC, NULL, 0, &count) != WCHG_OK)
      j->failures++;
    if (wchg_cdr_to_json(c, &json, NULL) != WCHG_OK ||
        wchg_cdr_from_json(json, NULL, &back, NULL) != WCHG_OK ||
        wchg_cdr_encode(back, buf, sizeof buf, &len, NULL) != WCHG_OK ||
        len != j->ref_len || memcmp(buf, j->ref, len))
      j->failures++;
    json_decref(json);
    wchg_cdr_free(back);
    wchg_cdr_free(c);
  }
  return NULL;
}

START_TEST(concurrent_use) {
  wchg_cdr h3, h4;
  size_t n3, n4;
  sample_h3(&h3);
  sample_h4(&h4);
  uint8_t *b3 = test_encode(&h3, &n3), *b4 = test_encode(&h4, &n4);
  pthread_t t[THREADS];
  struct job jobs[THREADS];
  for (int i = 0; i < THREADS; i++) {
    jobs[i] = (struct job){i % 2 ? b4 : b3, i % 2 ? n4 : n3, 0};
    ck_assert_int_eq(pthread_create(&t[i], NULL, work, &jobs[i]), 0);
  }
  for (int i = 0; i < THREADS; i++) {
    pthread_join(t[i], NULL);
    ck_assert_int_eq(jobs[i].failures, 0);
  }
  free(b3);
  free(b4);
}
END_TEST

Suite *threads_suite(void) {
  Suite *s = suite_create("threads");
  TCase *t = tcase_create("concurrent");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, concurrent_use);
  suite_add_tcase(s, t);
  return s;
}
