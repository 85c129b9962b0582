/*
 * cdf_session.c: the CDF's containers — memory accounting, the table of
 * open sessions (keyed by Session-Id), the duplicate memory of closed
 * sessions, and the queue of encoded CDRs (cdf.h, cdf_internal.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdlib.h>
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

/* ---- open sessions ------------------------------------------------------- */

size_t cdf_sess_size(uint32_t cap) { return sizeof(struct cdf_sess) + cap; }

struct cdf_sess *cdf_sess_alloc(wchg_cdf *c, uint32_t cap) {
  struct cdf_sess *s = cdf_alloc(c, cdf_sess_size(cap));
  if (s) {
    memset(s, 0, sizeof *s);
    s->cap = cap;
  }
  return s;
}

struct cdf_sess **cdf_find(const wchg_cdf *c, uint64_t h, const char *sid, size_t n) {
  size_t mask, i;
  if (!c->nslots)
    return NULL;
  mask = c->nslots - 1;
  for (i = h & mask; c->slots[i]; i = (i + 1) & mask) {
    struct cdf_sess *s = c->slots[i];
    if (s->hash == h && s->sid_len == n && memcmp(sess_sid(s), sid, n) == 0)
      return &c->slots[i];
  }
  return NULL;
}

/* Backward-shift deletion (open addressing, linear probing): may the
 * entry at |j|, whose home slot is |k|, fill the hole at |i|? */
static bool shifts_back(size_t i, size_t j, size_t k) {
  return (j > i && (k <= i || k > j)) || (j < i && k <= i && k > j);
}

static void table_put(struct cdf_sess **slots, size_t nslots, struct cdf_sess *s) {
  size_t mask = nslots - 1, i;
  for (i = s->hash & mask; slots[i]; i = (i + 1) & mask)
    ;
  slots[i] = s;
}

wchg_status cdf_table_reserve(wchg_cdf *c) {
  size_t n, i;
  struct cdf_sess **slots;
  if ((c->nsess + 1) * 2 <= c->nslots)
    return WCHG_OK;
  n = c->nslots ? c->nslots * 2 : 16;
  slots = cdf_alloc(c, n * sizeof *slots);
  if (!slots)
    return WCHG_E_NOMEM;
  memset(slots, 0, n * sizeof *slots);
  for (i = 0; i < c->nslots; i++)
    if (c->slots[i])
      table_put(slots, n, c->slots[i]);
  cdf_free(c, c->slots, c->nslots * sizeof *c->slots);
  c->slots = slots;
  c->nslots = n;
  return WCHG_OK;
}

void cdf_sessions_free(wchg_cdf *c) {
  struct cdf_sess *s, *next;
  for (s = c->first; s; s = next) {
    next = s->next;
    cdf_free(c, s, cdf_sess_size(s->cap));
  }
  cdf_free(c, c->slots, c->nslots * sizeof *c->slots);
  c->slots = NULL;
  c->nslots = c->nsess = 0;
  c->first = c->last = NULL;
}

void cdf_insert(wchg_cdf *c, struct cdf_sess *s) {
  table_put(c->slots, c->nslots, s);
  s->prev = c->last;
  s->next = NULL;
  if (c->last)
    c->last->next = s;
  else
    c->first = s;
  c->last = s;
  c->nsess++;
}

void cdf_replace(wchg_cdf *c, struct cdf_sess **slot, struct cdf_sess *ns) {
  struct cdf_sess *old = *slot;
  if (ns->prev)
    ns->prev->next = ns;
  else
    c->first = ns;
  if (ns->next)
    ns->next->prev = ns;
  else
    c->last = ns;
  *slot = ns;
  cdf_free(c, old, cdf_sess_size(old->cap));
}

void cdf_remove(wchg_cdf *c, struct cdf_sess **slot) {
  struct cdf_sess *s = *slot;
  size_t mask = c->nslots - 1, i = (size_t)(slot - c->slots), j = i;

  if (s->prev)
    s->prev->next = s->next;
  else
    c->first = s->next;
  if (s->next)
    s->next->prev = s->prev;
  else
    c->last = s->prev;
  /* backward-shift deletion keeps every probe chain unbroken */
  for (;;) {
    size_t k;
    j = (j + 1) & mask;
    if (!c->slots[j])
      break;
    k = c->slots[j]->hash & mask;
    if (shifts_back(i, j, k)) {
      c->slots[i] = c->slots[j];
      i = j;
    }
  }
  c->slots[i] = NULL;
  c->nsess--;
  cdf_free(c, s, cdf_sess_size(s->cap));
}

/* ---- duplicate memory ------------------------------------------------------ */

struct cdf_dup *cdf_dup_find(const wchg_cdf *c, uint64_t h) {
  size_t mask, i;
  if (!c->dup_nindex)
    return NULL;
  mask = c->dup_nindex - 1;
  for (i = h & mask; c->dup_index[i] != UINT32_MAX; i = (i + 1) & mask)
    if (c->dups[c->dup_index[i]].hash == h)
      return &c->dups[c->dup_index[i]];
  return NULL;
}

static void dup_unindex(wchg_cdf *c, uint32_t pos) {
  size_t mask = c->dup_nindex - 1, i, j;
  for (i = c->dups[pos].hash & mask; c->dup_index[i] != pos; i = (i + 1) & mask)
    ;
  for (j = i;;) {
    size_t k;
    j = (j + 1) & mask;
    if (c->dup_index[j] == UINT32_MAX)
      break;
    k = c->dups[c->dup_index[j]].hash & mask;
    if (shifts_back(i, j, k)) {
      c->dup_index[i] = c->dup_index[j];
      i = j;
    }
  }
  c->dup_index[i] = UINT32_MAX;
}

void cdf_dup_add(wchg_cdf *c, uint64_t h, uint32_t max_number, uint64_t seen) {
  size_t mask, i, pos;
  if (!c->dup_cap)
    return;
  if (c->dup_count == c->dup_cap) { /* forget the oldest */
    pos = c->dup_head;
    dup_unindex(c, (uint32_t)pos);
    c->dup_head = (c->dup_head + 1) % c->dup_cap;
  } else {
    pos = (c->dup_head + c->dup_count) % c->dup_cap;
    c->dup_count++;
  }
  c->dups[pos].hash = h;
  c->dups[pos].max_number = max_number;
  c->dups[pos].seen = seen;
  mask = c->dup_nindex - 1;
  for (i = h & mask; c->dup_index[i] != UINT32_MAX; i = (i + 1) & mask)
    ;
  c->dup_index[i] = (uint32_t)pos;
}

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
