/* arena.c: the owner of a decoded object — a chain of chunks from the
 * caller's allocator, freed in one call.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "base/mem.h"

struct wchgi_chunk {
  struct wchgi_chunk *next;
  max_align_t align_[]; /* data follows, aligned for any object */
};

#define ALIGN_UP(n) (((n) + (_Alignof(max_align_t) - 1)) & ~(size_t)(_Alignof(max_align_t) - 1))


static struct wchgi_chunk *chunk_new(const wchg_mem *m, size_t data) {
  size_t hdr = ALIGN_UP(sizeof(struct wchgi_chunk));
  struct wchgi_chunk *c;
  /* the callers' sizes are at most a quarter or a half of SIZE_MAX and a
   * few octets: the test guards the sum should one change */
  if (data > SIZE_MAX - hdr) /* LCOV_EXCL_START: see above */
    return NULL;
  /* LCOV_EXCL_STOP */
  c = wchgi_malloc(m, hdr + data);
  if (c)
    c->next = NULL;
  return c;
}

wchg_cdr *wchgi_owner_new_cdr(const wchg_mem *mem, size_t hint) {
  wchg_mem m;
  size_t hdr = ALIGN_UP(sizeof(struct wchgi_chunk));
  size_t fixed = ALIGN_UP(sizeof(struct wchg_owner)) + ALIGN_UP(sizeof(wchg_cdr));
  size_t data;
  struct wchgi_chunk *c;
  struct wchg_owner *o;
  wchg_cdr *cdr;

  wchgi_mem_init(&m, mem);
  if (hint > (SIZE_MAX >> 2))
    hint = SIZE_MAX >> 2;
  data = fixed + ALIGN_UP(hint);
  c = chunk_new(&m, data);
  if (!c)
    return NULL;
  o = (struct wchg_owner *)((char *)c + hdr);
  cdr = (wchg_cdr *)((char *)o + ALIGN_UP(sizeof(struct wchg_owner)));
  memset(o, 0, sizeof *o);
  memset(cdr, 0, sizeof *cdr);
  o->mem = m;
  o->chunks = c;
  o->cur = (char *)o + fixed;
  o->end = (char *)c + hdr + data;
  o->next_size = data < 4096 ? 4096 : data;
  cdr->owner_ = o;
  return cdr;
}

void *wchgi_owner_alloc(struct wchg_owner *o, size_t size) {
  size_t need = ALIGN_UP(size ? size : 1);
  char *p;
  if (size > SIZE_MAX / 2)
    return NULL;
  if ((size_t)(o->end - o->cur) < need) {
    size_t hdr = ALIGN_UP(sizeof(struct wchgi_chunk));
    size_t data = o->next_size > need ? o->next_size : need;
    struct wchgi_chunk *c = chunk_new(&o->mem, data);
    if (!c)
      return NULL;
    c->next = o->chunks->next; /* keep the first chunk (the owner) first */
    o->chunks->next = c;
    o->cur = (char *)c + hdr;
    o->end = o->cur + data;
    /* reaching a quarter of SIZE_MAX takes chunks of that size first */
    if (o->next_size < (SIZE_MAX >> 2)) /* LCOV_EXCL_BR_LINE: see above */
      o->next_size *= 2;
  }
  p = o->cur;
  o->cur += need;
  memset(p, 0, size ? size : 1);
  return p;
}

void *wchgi_owner_dup(struct wchg_owner *o, const void *src, size_t n) {
  char *p;
  if (n == SIZE_MAX)
    return NULL;
  p = wchgi_owner_alloc(o, n + 1);
  if (!p)
    return NULL;
  if (n)
    memcpy(p, src, n);
  p[n] = '\0';
  return p;
}

void wchgi_owner_free(struct wchg_owner *o) {
  struct wchgi_chunk *c, *next;
  wchg_mem m;
  if (!o)
    return;
  m = o->mem;
  /* the owner lives in the first chunk: free it last */
  for (c = o->chunks->next; c; c = next) {
    next = c->next;
    wchgi_free(&m, c);
  }
  wchgi_free(&m, o->chunks);
}

void wchg_cdr_free(wchg_cdr *cdr) {
  if (cdr && cdr->owner_)
    wchgi_owner_free(cdr->owner_);
}
