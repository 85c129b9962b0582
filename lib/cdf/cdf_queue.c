/*
 * cdf_queue.c: the queue of encoded CDRs (cdf.h: wchg_cdf_pending,
 * wchg_cdf_peek, wchg_cdf_pop; cdf_internal.h): blocks of 64 KiB, each
 * entry a 4-octet length and the DER.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "cdf/cdf_internal.h"

/* ---- the CDR queue ---------------------------------------------------------- */

static size_t block_size(const struct cdf_block *b) { return sizeof *b + b->cap; }

void cdf_queue_mark(const wchg_cdf *c, struct cdf_qmark *m) {
  m->tail = c->qtail;
  m->tail_pos = c->qtail ? c->qtail->tail : 0;
  m->count = c->qcount;
  m->bytes = c->qbytes;
  m->lrsn = c->next_lrsn;
  m->cdrs = c->cdrs;
}

static void block_drop(wchg_cdf *c, struct cdf_block *b) {
  b->head = b->tail = 0;
  b->next = NULL;
  if (!c->qspare && b->cap == CDF_BLOCK_SIZE)
    c->qspare = b;
  else
    cdf_free(c, b, block_size(b));
}

void cdf_queue_rollback(wchg_cdf *c, const struct cdf_qmark *m) {
  struct cdf_block *b = m->tail ? m->tail->next : c->qhead, *next;
  for (; b; b = next) {
    next = b->next;
    block_drop(c, b);
  }
  if (m->tail) {
    m->tail->next = NULL;
    m->tail->tail = m->tail_pos;
  } else {
    c->qhead = NULL;
  }
  c->qtail = m->tail;
  c->qcount = m->count;
  c->qbytes = m->bytes;
  c->next_lrsn = m->lrsn;
  c->cdrs = m->cdrs;
}

uint8_t *cdf_queue_room(wchg_cdf *c, size_t *avail) {
  struct cdf_block *b = c->qtail;
  if (!b || b->cap - b->tail < 4 + 1) {
    *avail = 0;
    return NULL;
  }
  *avail = b->cap - b->tail - 4;
  return block_data(b) + b->tail + 4;
}

wchg_status cdf_queue_grow(wchg_cdf *c, size_t need) {
  struct cdf_block *b;
  size_t cap = CDF_BLOCK_SIZE;
  if (need > SIZE_MAX / 2)
    return WCHG_E_NOMEM;
  while (cap < need + 4)
    cap *= 2;
  if (cap == CDF_BLOCK_SIZE && c->qspare) {
    b = c->qspare;
    c->qspare = NULL;
  } else {
    b = cdf_alloc(c, sizeof *b + cap);
    if (!b)
      return WCHG_E_NOMEM;
    b->cap = cap;
  }
  b->next = NULL;
  b->head = b->tail = 0;
  if (c->qtail)
    c->qtail->next = b;
  else
    c->qhead = b;
  c->qtail = b;
  return WCHG_OK;
}

void cdf_queue_commit(wchg_cdf *c, size_t n) {
  struct cdf_block *b = c->qtail;
  uint8_t *p = block_data(b) + b->tail;
  p[0] = (uint8_t)n;
  p[1] = (uint8_t)(n >> 8);
  p[2] = (uint8_t)(n >> 16);
  p[3] = (uint8_t)(n >> 24);
  b->tail += 4 + n;
  c->qcount++;
  c->qbytes += n;
}

wchg_status cdf_queue_append(wchg_cdf *c, const uint8_t *der, size_t n) {
  size_t avail;
  uint8_t *p = cdf_queue_room(c, &avail);
  if (!p || avail < n) {
    wchg_status st = cdf_queue_grow(c, n);
    if (st != WCHG_OK)
      return st;
    p = cdf_queue_room(c, &avail);
  }
  memcpy(p, der, n);
  cdf_queue_commit(c, n);
  return WCHG_OK;
}

static size_t entry_len(const uint8_t *p) {
  return (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
}

size_t wchg_cdf_pending(const wchg_cdf *c) { return c ? c->qcount : 0; }

wchg_status wchg_cdf_peek(const wchg_cdf *c, const uint8_t **der, size_t *len) {
  const uint8_t *p;
  if (!c || !der || !len)
    return WCHG_E_ARG;
  const struct cdf_block *b;
  if (!c->qcount)
    return WCHG_E_STATE;
  for (b = c->qhead; b->head == b->tail; b = b->next)
    ; /* an empty block may precede a big CDR's own block */
  p = block_data((struct cdf_block *)(uintptr_t)b) + b->head;
  *len = entry_len(p);
  *der = p + 4;
  return WCHG_OK;
}

void wchg_cdf_pop(wchg_cdf *c) {
  struct cdf_block *b;
  size_t n;
  if (!c || !c->qcount)
    return;
  while (c->qhead->head == c->qhead->tail) { /* see wchg_cdf_peek */
    b = c->qhead;
    c->qhead = b->next;
    block_drop(c, b);
  }
  b = c->qhead;
  n = entry_len(block_data(b) + b->head);
  b->head += 4 + n;
  c->qcount--;
  c->qbytes -= n;
  if (b->head < b->tail)
    return;
  if (b == c->qtail) {
    b->head = b->tail = 0;
  } else {
    c->qhead = b->next;
    block_drop(c, b);
  }
}

void cdf_queue_free(wchg_cdf *c) {
  struct cdf_block *b, *next;
  for (b = c->qhead; b; b = next) {
    next = b->next;
    cdf_free(c, b, block_size(b));
  }
  if (c->qspare)
    cdf_free(c, c->qspare, block_size(c->qspare));
  c->qhead = c->qtail = c->qspare = NULL;
  c->qcount = c->qbytes = 0;
}
