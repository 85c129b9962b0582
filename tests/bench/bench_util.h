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

/* Repetitions: a target is judged on the median of BENCH_REPS timings,
 * printed with their min and max (issue 15). */
#define BENCH_REPS 7

/* One repetition of two bodies timed in turns, so that a pause of the
 * machine falls on both alike: |turns| times |iters_a| runs of |body_a|
 * then |iters_b| runs of |body_b|; nanoseconds per run into |ra|, |rb|. */
#define TIME_PAIR(ra, rb, turns, iters_a, body_a, iters_b, body_b)            \
  do {                                                                        \
    double sa_ = 0, sb_ = 0, t0_;                                             \
    for (int turn_ = 0; turn_ < (turns); turn_++) {                          \
      t0_ = now_ns();                                                         \
      for (long i_ = 0; i_ < (iters_a); i_++) { body_a; }                    \
      sa_ += now_ns() - t0_;                                                  \
      t0_ = now_ns();                                                         \
      for (long i_ = 0; i_ < (iters_b); i_++) { body_b; }                    \
      sb_ += now_ns() - t0_;                                                  \
    }                                                                         \
    (ra) = sa_ / ((double)(turns) * (double)(iters_a));                       \
    (rb) = sb_ / ((double)(turns) * (double)(iters_b));                       \
  } while (0)

struct bench_stat {
  double med, min, max;
};

/* Median, min and max of |n| values (n <= BENCH_REPS). */
static inline struct bench_stat bench_stat_of(const double *v, int n) {
  double s[BENCH_REPS];
  struct bench_stat r;
  for (int i = 0; i < n; i++) {
    int j = i;
    for (; j > 0 && s[j - 1] > v[i]; j--)
      s[j] = s[j - 1];
    s[j] = v[i];
  }
  r.min = s[0];
  r.max = s[n - 1];
  r.med = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return r;
}

#endif
