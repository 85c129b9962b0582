/*
 * cdf_table.c: the CDF's containers that grow with the open sessions —
 * a table of pointers by a 32-bit tag, resized a few slots per operation,
 * and an array of fixed chunks (cdf_internal.h) — so that no single call
 * moves or clears more than a bounded number of entries.
 *
 * The table: open addressing, linear probing, power-of-two sizes. A
 * resize allocates the next table and clears it CDF_TAB_CLEAR tags per
 * operation; at the switch the current table becomes the old one and
 * drains into the new one CDF_TAB_STEP slots per operation (entries
 * moved out leave a removed mark, so the old probe chains stay whole).
 * Grows at 3/4 full (prepared from 5/8), shrinks to half at 1/8 full.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "cdf/cdf_internal.h"

#define TAB_MIN 16u
#define TAG_EMPTY 0u
#define TAG_GONE 1u

static size_t slots_bytes(size_t n) { return n * (sizeof(uint32_t) + sizeof(void *)); }

static void slots_free(wchg_cdf *c, struct cdf_slots *s) {
  if (s->n)
    cdf_free(c, s->tags, slots_bytes(s->n));
  memset(s, 0, sizeof *s);
}

/* |n| slots, their tags not cleared yet (cdf_tab.cleared counts). */
static wchg_status slots_alloc(wchg_cdf *c, struct cdf_slots *s, size_t n) {
  uint8_t *p = cdf_alloc(c, slots_bytes(n));
  if (!p)
    return WCHG_E_NOMEM;
  memset(s, 0, sizeof *s);
  s->tags = (uint32_t *)(void *)p;
  s->ptrs = (void **)(void *)(p + n * sizeof(uint32_t)); /* n >= 16: aligned */
  s->n = n;
  return WCHG_OK;
}

size_t cdf_tab_bytes(const struct cdf_tab *t) {
  return slots_bytes(t->cur.n) + slots_bytes(t->old.n) + slots_bytes(t->next.n);
}

/* ---- lookups -------------------------------------------------------------- */

static void **probe(const struct cdf_slots *s, uint32_t tag, cdf_match_fn match, const void *key) {
  size_t mask = s->n - 1, i;
  for (i = tag & mask; s->tags[i] != TAG_EMPTY; i = (i + 1) & mask)
    if (s->tags[i] == tag && match(s->ptrs[i], key))
      return &s->ptrs[i];
  return NULL;
}

void **cdf_tab_find(const struct cdf_tab *t, uint32_t tag, cdf_match_fn match, const void *key) {
  void **p = t->cur.n ? probe(&t->cur, tag, match, key) : NULL;
  if (!p && t->old.n)
    p = probe(&t->old, tag, match, key);
  return p;
}

/* ---- changes ---------------------------------------------------------------- */

static void put(struct cdf_slots *s, uint32_t tag, void *p) {
  size_t mask = s->n - 1, i;
  for (i = tag & mask; s->tags[i] != TAG_EMPTY; i = (i + 1) & mask)
    ;
  s->tags[i] = tag;
  s->ptrs[i] = p;
  s->count++;
}

void cdf_tab_insert(struct cdf_tab *t, uint32_t tag, void *p) { put(&t->cur, tag, p); }

static void delete_at(struct cdf_slots *s, size_t i) {
  size_t mask = s->n - 1, j = i;
  for (;;) {
    j = (j + 1) & mask;
    if (s->tags[j] == TAG_EMPTY)
      break;
    if (cdf_shifts_back(i, j, s->tags[j] & mask)) {
      s->tags[i] = s->tags[j];
      s->ptrs[i] = s->ptrs[j];
      i = j;
    }
  }
  s->tags[i] = TAG_EMPTY;
  s->count--;
}

/* The slot of |p| (tag |tag|) in |s|, or SIZE_MAX. */
static size_t slot_of(const struct cdf_slots *s, uint32_t tag, const void *p) {
  size_t mask = s->n - 1, i;
  if (!s->n)
    return SIZE_MAX;
  for (i = tag & mask; s->tags[i] != TAG_EMPTY; i = (i + 1) & mask)
    if (s->ptrs[i] == p && s->tags[i] == tag)
      return i;
  return SIZE_MAX;
}

void cdf_tab_remove(struct cdf_tab *t, uint32_t tag, const void *p) {
  size_t i = slot_of(&t->cur, tag, p);
  if (i != SIZE_MAX) {
    delete_at(&t->cur, i);
  } else if ((i = slot_of(&t->old, tag, p)) != SIZE_MAX) {
    t->old.tags[i] = TAG_GONE; /* the old table only drains */
    t->old.count--;
  }
}

/* ---- resizing, a few slots at a time ------------------------------------------ */

static size_t tab_count(const struct cdf_tab *t) { return t->cur.count + t->old.count; }

/* Move up to |max| slots of the old table into the current one. */
static void drain(wchg_cdf *c, struct cdf_tab *t, size_t max) {
  size_t moved = 0, end = t->drained + max < t->old.n ? t->drained + max : t->old.n;
  for (; t->drained < end; t->drained++) {
    uint32_t tag = t->old.tags[t->drained];
    if (tag > TAG_GONE) {
      put(&t->cur, tag, t->old.ptrs[t->drained]);
      t->old.tags[t->drained] = TAG_GONE;
      t->old.count--;
      moved++;
    }
  }
  if (moved > t->moved_max)
    t->moved_max = moved;
  if (t->drained == t->old.n)
    slots_free(c, &t->old);
}

/* Clear up to |max| more tags of the next table. */
static void clear_next(struct cdf_tab *t, size_t max) {
  size_t n = t->next.n - t->cleared < max ? t->next.n - t->cleared : max;
  memset(t->next.tags + t->cleared, 0, n * sizeof *t->next.tags);
  t->cleared += n;
}

/* The next table, cleared, becomes the current one; the current drains. */
static void switch_to_next(struct cdf_tab *t) {
  t->old = t->cur;
  t->cur = t->next;
  memset(&t->next, 0, sizeof t->next);
  t->cleared = 0;
  t->drained = 0;
}

/* The size the table wants: double from 5/8 full, half below 1/8; a
 * plan under way stands while the table is over half (growing) or under
 * a quarter (shrinking) full. */
static size_t wanted(const struct cdf_tab *t) {
  size_t count = tab_count(t), n = t->cur.n;
  if (t->next.n > n)
    return count >= n / 2 ? t->next.n : n;
  if (t->next.n)
    return count < n / 4 ? t->next.n : n;
  if (count >= n / 8 * 5)
    return n * 2;
  if (count < n / 8 && n > TAB_MIN)
    return n / 2;
  return n;
}

/* One step of resizing; |must| (the current table is too full for one
 * more): finish the drain and grow now. */
static wchg_status step(wchg_cdf *c, struct cdf_tab *t, bool must) {
  size_t want;
  if (must && (t->old.n >= 1024 || t->cur.n >= 1024))
    t->forced++;
  if (t->old.n) {
    drain(c, t, must ? t->old.n : CDF_TAB_STEP);
    if (!must)
      return WCHG_OK; /* one thing per operation */
  }
  want = must ? t->cur.n * 2 : wanted(t);
  if (t->next.n && t->next.n != want) {
    slots_free(c, &t->next);
    t->cleared = 0;
  }
  if (want == t->cur.n)
    return WCHG_OK;
  if (!t->next.n && slots_alloc(c, &t->next, want) != WCHG_OK)
    return must ? WCHG_E_NOMEM : WCHG_OK;
  clear_next(t, must ? t->next.n : CDF_TAB_CLEAR);
  if (t->cleared == t->next.n &&
      (must || t->next.n < t->cur.n || tab_count(t) >= t->cur.n / 4 * 3))
    switch_to_next(t);
  return WCHG_OK;
}

wchg_status cdf_tab_reserve(wchg_cdf *c, struct cdf_tab *t) {
  wchg_status st;
  if (!t->cur.n) {
    if ((st = slots_alloc(c, &t->cur, TAB_MIN)) != WCHG_OK)
      return st;
    memset(t->cur.tags, 0, TAB_MIN * sizeof *t->cur.tags);
    return WCHG_OK;
  }
  if ((st = step(c, t, false)) != WCHG_OK)
    return st;
  while (tab_count(t) + 1 > t->cur.n / 8 * 7)
    if ((st = step(c, t, true)) != WCHG_OK)
      return st;
  return WCHG_OK;
}

void cdf_tab_shrink(wchg_cdf *c, struct cdf_tab *t) {
  if (!tab_count(t) && t->cur.n > TAB_MIN)
    cdf_tab_free(c, t);
  else if (t->cur.n)
    step(c, t, false);
}

void cdf_tab_free(wchg_cdf *c, struct cdf_tab *t) {
  slots_free(c, &t->cur);
  slots_free(c, &t->old);
  slots_free(c, &t->next);
  t->cleared = t->drained = 0;
}

void cdf_tab_each(const struct cdf_tab *t, void (*fn)(void *p, void *arg), void *arg) {
  const struct cdf_slots *s[2] = {&t->cur, &t->old};
  for (int k = 0; k < 2; k++)
    for (size_t i = 0; i < s[k]->n; i++)
      if (s[k]->tags[i] > TAG_GONE)
        fn(s[k]->ptrs[i], arg);
}

/* ---- an array of chunks ------------------------------------------------------------ */

static size_t chunk_bytes(const struct cdf_vec *v) { return (size_t)v->esize << CDF_VEC_SHIFT; }

wchg_status cdf_vec_reserve(wchg_cdf *c, struct cdf_vec *v, size_t n) {
  size_t need = (n + CDF_VEC_MASK) >> CDF_VEC_SHIFT;
  while (v->nchunks < need) {
    uint8_t *chunk;
    if (v->nchunks == v->dir_cap) { /* the directory: a pointer per chunk */
      size_t cap = v->dir_cap ? v->dir_cap * 2 : 8;
      uint8_t **dir = cdf_alloc(c, cap * sizeof *dir);
      if (!dir)
        return WCHG_E_NOMEM;
      if (v->nchunks)
        memcpy(dir, v->chunks, v->nchunks * sizeof *dir);
      cdf_free(c, v->chunks, v->dir_cap * sizeof *dir);
      v->chunks = dir;
      v->dir_cap = cap;
    }
    if (!(chunk = cdf_alloc(c, chunk_bytes(v))))
      return WCHG_E_NOMEM;
    v->chunks[v->nchunks++] = chunk;
  }
  return WCHG_OK;
}

void cdf_vec_trim(wchg_cdf *c, struct cdf_vec *v, size_t n) {
  size_t keep = ((n + CDF_VEC_MASK) >> CDF_VEC_SHIFT) + 1; /* one spare */
  while (v->nchunks > keep)
    cdf_free(c, v->chunks[--v->nchunks], chunk_bytes(v));
}

void cdf_vec_free(wchg_cdf *c, struct cdf_vec *v) {
  cdf_vec_trim(c, v, 0);
  if (v->nchunks)
    cdf_free(c, v->chunks[--v->nchunks], chunk_bytes(v));
  cdf_free(c, v->chunks, v->dir_cap * sizeof *v->chunks);
  v->chunks = NULL;
  v->dir_cap = 0;
}

size_t cdf_vec_bytes(const struct cdf_vec *v) {
  return v->nchunks * chunk_bytes(v) + v->dir_cap * sizeof *v->chunks;
}
