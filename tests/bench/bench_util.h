/* bench_util.h: what every benchmark shares — allocation counting and
 * best-of-5 timing. Include it once per benchmark (it defines the
 * __wrap_ functions: the Makefile links with -Wl,--wrap=F for each __wrap_F
 * defined here or in the benchmark).
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#ifndef WCHG_BENCH_UTIL_H
#define WCHG_BENCH_UTIL_H

#include <stddef.h>
#include <time.h>

/* Allocations since the last reset (allocs = 0) by our library and the
 * benchmark; a shared library's own calls (libfdproto) are not seen. */
static size_t allocs;
void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t a, size_t b);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n) { allocs++; return __real_malloc(n); }
void *__wrap_calloc(size_t a, size_t b) { allocs++; return __real_calloc(a, b); }
void *__wrap_realloc(void *p, size_t n) { allocs++; return __real_realloc(p, n); }

static inline double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Best of 5 rounds of |iters| runs of |body| (which may use the loop
 * counter i_): nanoseconds per run into |result|. */
#define MEASURE(result, iters, body)                                          \
  do {                                                                        \
    double best_ = 1e30;                                                      \
    for (int round_ = 0; round_ < 5; round_++) {                             \
      double t0_ = now_ns();                                                  \
      for (long i_ = 0; i_ < (iters); i_++) { body; }                        \
      double dt_ = (now_ns() - t0_) / (double)(iters);                        \
      if (dt_ < best_) best_ = dt_;                                           \
    }                                                                         \
    (result) = best_;                                                         \
  } while (0)

#endif
