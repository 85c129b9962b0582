/*
 * cdf_session.c: the CDF's open sessions (keyed by Session-Id) and the
 * duplicate memory of closed sessions (cdf.h, cdf_internal.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "cdf/cdf_internal.h"

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
