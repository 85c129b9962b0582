/*
 * out.h (private): the bounded writer of lib/: bytes written front to
 * back into a caller's buffer of |cap| bytes (|p| may be NULL with cap 0);
 * past the end nothing is written but |len| keeps counting, so a writer
 * can tell the caller the size it needs (WCHG_E_BUFFER).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_OUT_H
#define WCHG_OUT_H

#include <string.h>
#include <webrtc_chg/common.h>

struct wchgi_out {
  uint8_t *p;
  size_t cap, len; /* len may exceed cap: the size needed */
};

/* Do |n| more bytes fit after |len| in a buffer of |cap| (any len, also
 * past cap)? */
static inline bool wchgi_fits(size_t len, size_t cap, size_t n) {
  return len <= cap && n <= cap - len;
}

/* |n| bytes from |v| at offset |at| of buf[cap], when they fit. */
static inline void wchgi_put_at(uint8_t *buf, size_t cap, size_t at, const void *v, size_t n) {
  if (n && wchgi_fits(at, cap, n))
    memcpy(buf + at, v, n);
}

/* |n| bytes from |v| at *len of buf[cap] (written when they fit); *len
 * counts them either way. */
static inline void wchgi_put(uint8_t *buf, size_t cap, size_t *len, const void *v, size_t n) {
  wchgi_put_at(buf, cap, *len, v, n);
  *len += n;
}

static inline void wchgi_out_put(struct wchgi_out *o, const void *v, size_t n) {
  wchgi_put(o->p, o->cap, &o->len, v, n);
}

/* |v| as |n| octets, least significant first. */
static inline void wchgi_out_put_le(struct wchgi_out *o, uint64_t v, unsigned n) {
  uint8_t b[8];
  for (unsigned i = 0; i < n; i++)
    b[i] = (uint8_t)(v >> (8 * i));
  wchgi_out_put(o, b, n);
}

/* |v| as |n| octets, most significant first (network order). */
static inline void wchgi_out_put_be(struct wchgi_out *o, uint64_t v, unsigned n) {
  uint8_t b[8];
  for (unsigned i = 0; i < n; i++)
    b[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
  wchgi_out_put(o, b, n);
}

/* Did everything fit? */
static inline bool wchgi_out_fits(const struct wchgi_out *o) { return o->len <= o->cap; }

#endif
