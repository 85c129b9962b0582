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

struct sid_key {
  const char *sid;
  size_t n;
};

static bool sid_match(const void *entry, const void *key) {
  const struct cdf_sess *s = entry;
  const struct sid_key *k = key;
  return s->sid_len == k->n && memcmp(sess_sid(s), k->sid, k->n) == 0;
}

struct cdf_sess *cdf_find(const wchg_cdf *c, uint64_t h, const char *sid, size_t n) {
  struct sid_key k = {sid, n};
  void **slot = cdf_tab_find(&c->sessions, cdf_tag(h), sid_match, &k);
  return slot ? *slot : NULL;
}

wchg_status cdf_table_reserve(wchg_cdf *c) { return cdf_tab_reserve(c, &c->sessions); }

void cdf_sessions_free(wchg_cdf *c) {
  struct cdf_sess *s, *next;
  for (s = c->first; s; s = next) {
    next = s->next;
    cdf_free(c, s, cdf_sess_size(s->cap));
  }
  cdf_tab_free(c, &c->sessions);
  c->nsess = 0;
  c->first = c->last = NULL;
}

void cdf_insert(wchg_cdf *c, uint64_t h, struct cdf_sess *s) {
  cdf_tab_insert(&c->sessions, cdf_tag(h), s);
  s->prev = c->last;
  s->next = NULL;
  if (c->last)
    c->last->next = s;
  else
    c->first = s;
  c->last = s;
  c->nsess++;
}

void cdf_replace(wchg_cdf *c, uint64_t h, struct cdf_sess *old, struct cdf_sess *ns) {
  struct sid_key k = {sess_sid(old), old->sid_len};
  void **slot = cdf_tab_find(&c->sessions, cdf_tag(h), sid_match, &k);
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

void cdf_remove(wchg_cdf *c, uint64_t h, struct cdf_sess *s) {
  if (s->prev)
    s->prev->next = s->next;
  else
    c->first = s->next;
  if (s->next)
    s->next->prev = s->prev;
  else
    c->last = s->prev;
  cdf_tab_remove(&c->sessions, cdf_tag(h), s);
  cdf_tab_shrink(c, &c->sessions);
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
    if (cdf_shifts_back(i, j, k)) {
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
