/*
 * cdf_mem.c: the CDF's ground floor — its memory accounting (every byte
 * from the allocator counted in wchg_cdf_stats.bytes_in_use) and the hash
 * of Session-Ids and shared strings (cdf_internal.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/mem.h"
#include "cdf/cdf_internal.h"

/* ---- memory ------------------------------------------------------------ */

void *cdf_alloc(wchg_cdf *c, size_t n) {
  void *p = wchgi_malloc(&c->mem, n);
  if (p)
    c->bytes += n;
  return p;
}

void cdf_free(wchg_cdf *c, void *p, size_t n) {
  if (!p)
    return;
  c->bytes -= n;
  wchgi_free(&c->mem, p);
}

wchg_status cdf_buf_reserve(wchg_cdf *c, struct wchgi_buf *b, size_t need) {
  size_t grown;
  wchg_status st = wchgi_buf_reserve(b, &c->mem, need, &grown);
  c->bytes += grown;
  return st;
}

void cdf_buf_release(wchg_cdf *c, struct wchgi_buf *b) {
  c->bytes -= b->cap;
  wchgi_buf_free(b, &c->mem);
}

/* ---- the Session-Id hash ----------------------------------------------- */

static uint64_t mix64(uint64_t h) { /* MurmurHash3's fmix64 */
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t cdf_hash(const char *s, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0x100000001b3ULL);
  uint64_t w;
  while (n >= 8) {
    memcpy(&w, s, 8);
    h = (h ^ mix64(w)) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
    s += 8;
    n -= 8;
  }
  w = 0;
  memcpy(&w, s, n);
  return mix64(h ^ w ^ ((uint64_t)n << 56));
}
