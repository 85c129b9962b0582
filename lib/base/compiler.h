/*
 * compiler.h (private): the compiler helpers of lib/, defined once.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_COMPILER_H
#define WCHG_COMPILER_H

#if defined(__GNUC__)
#define WCHG_LIKELY(x) __builtin_expect(!!(x), 1)
#define WCHG_UNLIKELY(x) __builtin_expect(!!(x), 0)
/* an error path: out of the hot code, never inlined into it */
#define WCHG_COLD __attribute__((cold, noinline))
/* never exported from the shared library */
#define WCHG_HIDDEN __attribute__((visibility("hidden")))
#define WCHG_PRINTF(a, b) __attribute__((format(printf, a, b)))
/* a hot helper inlined even where the compiler would not */
#define WCHG_INLINE static inline __attribute__((always_inline))
/* a slow path kept whole and out of line (no partial inlining), so that
 * the fast path around it needs no stack frame */
#if defined(__clang__) || __GNUC__ < 8
#define WCHG_SLOW __attribute__((noinline))
#else
#define WCHG_SLOW __attribute__((noinline, noipa))
#endif
#else
#define WCHG_INLINE static inline
#define WCHG_SLOW
#define WCHG_LIKELY(x) (x)
#define WCHG_UNLIKELY(x) (x)
#define WCHG_COLD
#define WCHG_HIDDEN
#define WCHG_PRINTF(a, b)
#endif

#define WCHG_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
