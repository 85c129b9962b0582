/*
 * mem.c: the default allocator and the rule for a caller's wchg_mem
 * (mem.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

static void *std_malloc(size_t n, void *user_data) {
  (void)user_data;
  return malloc(n);
}

static void std_free(void *p, void *user_data) {
  (void)user_data;
  free(p);
}

void wchgi_mem_init(wchg_mem *dst, const wchg_mem *src) {
  if (src && src->malloc && src->free) {
    *dst = *src;
    return;
  }
  dst->malloc = std_malloc;
  dst->free = std_free;
  dst->user_data = NULL;
}

void *wchgi_mem_new_object(const wchg_mem *src, size_t size, wchg_mem *mem_out) {
  wchg_mem m;
  void *p;
  wchgi_mem_init(&m, src);
  p = wchgi_malloc(&m, size);
  if (!p)
    return NULL;
  memset(p, 0, size);
  *mem_out = m;
  return p;
}
