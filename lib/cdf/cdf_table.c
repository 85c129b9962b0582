/*
 * cdf_table.c: the CDF's containers that grow with the open sessions —
 * a table of pointers by a 32-bit tag, resized a few slots per operation,
 * and an array of fixed chunks (cdf_internal.h) — so that no single call
 * moves, clears, allocates or frees more than a bounded amount.
 *
 * The table: open addressing, linear probing, power-of-two sizes, its
 * slots in chunks of 4096 (tags, then pointers: 48 KiB, each its own
 * allocation). A resize allocates and clears the next table a chunk per
 * operation; at the switch the current table becomes the old one and
 * drains into the new one CDF_TAB_STEP slots per operation, freeing each
 * chunk it has passed. A probe of the old table starts no lower than the
 * drained slots: those below held no empty slot of its chain. Removal
 * from the old table leaves a removed mark. Grows at 3/4 full (prepared
 * from 5/8), shrinks to half below 1/8 full.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/compiler.h"
#include "cdf/cdf_internal.h"

#define TAB_MIN 16u
#define CHUNK_SHIFT 12u
#define TAG_EMPTY 0u
#define TAG_GONE 1u

/* ---- slots in chunks ----------------------------------------------------------- */

static size_t per_chunk(const struct cdf_slots *s) { return (size_t)1 << s->shift; }
static size_t chunk_bytes(const struct cdf_slots *s) {
  return per_chunk(s) * (sizeof(uint32_t) + sizeof(void *));
}
static size_t nchunks(const struct cdf_slots *s) { return s->n >> s->shift; }

static uint32_t *tags_at(const struct cdf_slots *s, size_t i) {
  return (uint32_t *)(void *)s->chunks[i >> s->shift] + (i & (per_chunk(s) - 1));
}
static void **ptr_at(const struct cdf_slots *s, size_t i) {
  uint8_t *chunk = s->chunks[i >> s->shift];
  return (void **)(void *)(chunk + per_chunk(s) * sizeof(uint32_t)) + (i & (per_chunk(s) - 1));
}

/* The directory of |n| slots; no chunk yet. */
static wchg_status slots_init(wchg_cdf *c, struct cdf_slots *s, size_t n) {
  unsigned shift = 0;
  while (((size_t)2 << shift) <= n && shift < CHUNK_SHIFT)
    shift++;
  memset(s, 0, sizeof *s);
  s->shift = shift;
  s->n = n;
  s->chunks = cdf_alloc(c, nchunks(s) * sizeof *s->chunks);
  if (!s->chunks) {
    s->n = 0;
    return WCHG_E_NOMEM;
  }
  return WCHG_OK;
}

/* One more chunk, its tags cleared. */
static wchg_status slots_grow(wchg_cdf *c, struct cdf_slots *s) {
  uint8_t *chunk = cdf_alloc(c, chunk_bytes(s));
  if (!chunk)
    return WCHG_E_NOMEM;
  memset(chunk, 0, per_chunk(s) * sizeof(uint32_t));
  s->chunks[s->ready++] = chunk;
  return WCHG_OK;
}

static void slots_free(wchg_cdf *c, struct cdf_slots *s) {
  for (size_t k = s->freed; k < s->ready; k++)
    cdf_free(c, s->chunks[k], chunk_bytes(s));
  if (s->n)
    cdf_free(c, s->chunks, nchunks(s) * sizeof *s->chunks);
  memset(s, 0, sizeof *s);
}

static size_t slots_bytes(const struct cdf_slots *s) {
  return s->n ? nchunks(s) * sizeof *s->chunks + (s->ready - s->freed) * chunk_bytes(s) : 0;
}

size_t cdf_tab_bytes(const struct cdf_tab *t) {
  return slots_bytes(&t->cur) + slots_bytes(&t->old) + slots_bytes(&t->next);
}

/* ---- lookups -------------------------------------------------------------------- */

enum { W_EMPTY, W_MATCH, W_SAME }; /* what walk() looks for */

/* From |tag|'s home (never below |from|), the first slot of the chain
 * that is empty (W_EMPTY) or holds an entry with |tag| that |match|es
 * |key| (W_MATCH) or is |key| (W_SAME); SIZE_MAX: none. */
WCHG_INLINE size_t walk(const struct cdf_slots *s, size_t from, uint32_t tag, int what,
                        cdf_match_fn match, const void *key) {
  size_t mask = s->n - 1, cm = per_chunk(s) - 1, i = tag & mask, left = s->n - from;
  for (;;) {
    const uint32_t *tags;
    if (i < from)
      i = from; /* drained: none of its chain was empty there */
    tags = tags_at(s, i) - (i & cm);
    for (size_t j = i & cm; j <= cm; j++) {
      size_t at = (i & ~cm) + j;
      if (tags[j] == TAG_EMPTY)
        return what == W_EMPTY ? at : SIZE_MAX;
      if (what != W_EMPTY && tags[j] == tag &&
          (what == W_SAME ? *ptr_at(s, at) == key : match(*ptr_at(s, at), key)))
        return at;
      if (!--left)
        return SIZE_MAX;
    }
    i = ((i | cm) + 1) & mask;
  }
}

void **cdf_tab_find(const struct cdf_tab *t, uint32_t tag, cdf_match_fn match, const void *key) {
  size_t i = t->cur.n ? walk(&t->cur, 0, tag, W_MATCH, match, key) : SIZE_MAX;
  if (i != SIZE_MAX)
    return ptr_at(&t->cur, i);
  if (t->old.n && (i = walk(&t->old, t->drained, tag, W_MATCH, match, key)) != SIZE_MAX)
    return ptr_at(&t->old, i);
  return NULL;
}

/* ---- changes ---------------------------------------------------------------------- */

static void put(struct cdf_slots *s, uint32_t tag, void *p) {
  size_t i = walk(s, 0, tag, W_EMPTY, NULL, NULL);
  *tags_at(s, i) = tag;
  *ptr_at(s, i) = p;
  s->count++;
}

void cdf_tab_insert(struct cdf_tab *t, uint32_t tag, void *p) { put(&t->cur, tag, p); }

/* Backward-shift deletion of slot |i| of the current table. */
static void delete_at(struct cdf_slots *s, size_t i) {
  size_t mask = s->n - 1, j = i;
  for (;;) {
    uint32_t tag;
    j = (j + 1) & mask;
    if ((tag = *tags_at(s, j)) == TAG_EMPTY)
      break;
    if (cdf_shifts_back(i, j, tag & mask)) {
      *tags_at(s, i) = tag;
      *ptr_at(s, i) = *ptr_at(s, j);
      i = j;
    }
  }
  *tags_at(s, i) = TAG_EMPTY;
  s->count--;
}

void cdf_tab_remove(struct cdf_tab *t, uint32_t tag, const void *p) {
  size_t i = t->cur.n ? walk(&t->cur, 0, tag, W_SAME, NULL, p) : SIZE_MAX;
  if (i != SIZE_MAX) {
    delete_at(&t->cur, i);
  } else if (t->old.n && (i = walk(&t->old, t->drained, tag, W_SAME, NULL, p)) != SIZE_MAX) {
    *tags_at(&t->old, i) = TAG_GONE; /* the old table only drains */
    t->old.count--;
  }
}

/* ---- resizing, a few slots at a time ------------------------------------------------ */

static size_t tab_count(const struct cdf_tab *t) { return t->cur.count + t->old.count; }

/* Move up to |max| slots of the old table into the current one, freeing
 * the chunks passed. */
static void drain(wchg_cdf *c, struct cdf_tab *t, size_t max) {
  struct cdf_slots *o = &t->old;
  size_t moved = 0, end = t->drained + max < o->n ? t->drained + max : o->n;
  for (; t->drained < end; t->drained++) {
    uint32_t tag = *tags_at(o, t->drained);
    if (tag > TAG_GONE) {
      put(&t->cur, tag, *ptr_at(o, t->drained));
      o->count--;
      moved++;
    }
    if (((t->drained + 1) & (per_chunk(o) - 1)) == 0 && t->drained + 1 < o->n)
      cdf_free(c, o->chunks[o->freed++], chunk_bytes(o));
  }
  if (moved > t->moved_max)
    t->moved_max = moved;
  if (t->drained == o->n) {
    slots_free(c, o);
    t->drained = 0;
  }
}

/* The next table, ready, becomes the current one; the current drains. */
static void switch_to_next(struct cdf_tab *t) {
  t->old = t->cur;
  t->cur = t->next;
  memset(&t->next, 0, sizeof t->next);
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
  if (t->next.n && t->next.n != want)
    slots_free(c, &t->next);
  if (want == t->cur.n)
    return WCHG_OK;
  if (!t->next.n && slots_init(c, &t->next, want) != WCHG_OK)
    return must ? WCHG_E_NOMEM : WCHG_OK;
  while (t->next.ready < nchunks(&t->next)) {
    if (slots_grow(c, &t->next) != WCHG_OK)
      return must ? WCHG_E_NOMEM : WCHG_OK;
    if (!must)
      break; /* a chunk per operation */
  }
  if (t->next.ready == nchunks(&t->next) &&
      (must || t->next.n < t->cur.n || tab_count(t) >= t->cur.n / 4 * 3))
    switch_to_next(t);
  return WCHG_OK;
}

wchg_status cdf_tab_reserve(wchg_cdf *c, struct cdf_tab *t) {
  wchg_status st;
  if (!t->cur.n) {
    if ((st = slots_init(c, &t->cur, TAB_MIN)) != WCHG_OK)
      return st;
    if ((st = slots_grow(c, &t->cur)) != WCHG_OK)
      slots_free(c, &t->cur);
    return st;
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
  t->drained = 0;
}

void cdf_tab_each(const struct cdf_tab *t, void (*fn)(void *p, void *arg), void *arg) {
  if (t->cur.n)
    for (size_t i = 0; i < t->cur.n; i++)
      if (*tags_at(&t->cur, i) > TAG_GONE)
        fn(*ptr_at(&t->cur, i), arg);
  if (t->old.n)
    for (size_t i = t->drained; i < t->old.n; i++)
      if (*tags_at(&t->old, i) > TAG_GONE)
        fn(*ptr_at(&t->old, i), arg);
}

/* ---- an array of chunks ------------------------------------------------------------ */

static size_t vec_chunk_bytes(const struct cdf_vec *v) { return (size_t)v->esize << CDF_VEC_SHIFT; }

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
    if (!(chunk = cdf_alloc(c, vec_chunk_bytes(v))))
      return WCHG_E_NOMEM;
    v->chunks[v->nchunks++] = chunk;
  }
  return WCHG_OK;
}

void cdf_vec_trim(wchg_cdf *c, struct cdf_vec *v, size_t n) {
  size_t keep = ((n + CDF_VEC_MASK) >> CDF_VEC_SHIFT) + 1; /* one spare */
  while (v->nchunks > keep)
    cdf_free(c, v->chunks[--v->nchunks], vec_chunk_bytes(v));
}

void cdf_vec_free(wchg_cdf *c, struct cdf_vec *v) {
  cdf_vec_trim(c, v, 0);
  if (v->nchunks)
    cdf_free(c, v->chunks[--v->nchunks], vec_chunk_bytes(v));
  cdf_free(c, v->chunks, v->dir_cap * sizeof *v->chunks);
  v->chunks = NULL;
  v->dir_cap = 0;
}

size_t cdf_vec_bytes(const struct cdf_vec *v) {
  return v->nchunks * vec_chunk_bytes(v) + v->dir_cap * sizeof *v->chunks;
}
