/*
 * buf.c: the growable buffer (buf.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/buf.h"
#include "base/mem.h"

wchg_status wchgi_buf_reserve(struct wchgi_buf *b, const wchg_mem *m, size_t need,
                              size_t *grown) {
  size_t cap = b->cap ? b->cap : 256;
  uint8_t *p;
  if (grown)
    *grown = 0;
  if (need <= b->cap)
    return WCHG_OK;
  while (cap < need) {
    if (cap > SIZE_MAX / 2)
      return WCHG_E_NOMEM;
    cap *= 2;
  }
  p = wchgi_malloc(m, cap);
  if (!p)
    return WCHG_E_NOMEM;
  if (b->len)
    memcpy(p, b->p, b->len);
  wchgi_free(m, b->p);
  if (grown)
    *grown = cap - b->cap;
  b->p = p;
  b->cap = cap;
  return WCHG_OK;
}

size_t wchgi_buf_trim(struct wchgi_buf *b, const wchg_mem *m) {
  size_t cap = b->len ? b->len : 1, old = b->cap;
  uint8_t *p;
  if (!b->p || cap >= b->cap)
    return 0;
  p = wchgi_malloc(m, cap);
  if (!p)
    return 0;
  memcpy(p, b->p, b->len);
  wchgi_free(m, b->p);
  b->p = p;
  b->cap = cap;
  return old - cap;
}

void wchgi_buf_free(struct wchgi_buf *b, const wchg_mem *m) {
  wchgi_free(m, b->p);
  b->p = NULL;
  b->len = b->cap = 0;
}
