/*
 * cdf_session.c: the CDF's open sessions (keyed by Session-Id) and the
 * duplicate memory of closed sessions (cdf.h, cdf_internal.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "cdf/cdf_internal.h"

/* ---- open sessions ------------------------------------------------------- */

/* A block never smaller than the struct: a copy of it reads no further. */
size_t cdf_sess_size(uint32_t cap) {
  size_t n = offsetof(struct cdf_sess, blob) + cap;
  return n < sizeof(struct cdf_sess) ? sizeof(struct cdf_sess) : n;
}

struct cdf_sess *cdf_sess_alloc(wchg_cdf *c, uint32_t cap) {
  struct cdf_sess *s = cdf_alloc(c, cdf_sess_size(cap));
  if (s) {
    memset(s, 0, offsetof(struct cdf_sess, blob));
    s->cap = cap;
    s->heap_pos = CDF_NO_POS;
  }
  return s;
}

static void sess_free(wchg_cdf *c, struct cdf_sess *s) {
  c->sess_bytes -= cdf_sess_size(s->cap);
  c->store_bytes -= sess_used(s);
  cdf_free(c, s, cdf_sess_size(s->cap));
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

static bool limits(const wchg_cdf *c) { return c->cfg.max_record_duration_ms > 0; }

wchg_status cdf_table_reserve(wchg_cdf *c) {
  wchg_status st = cdf_tab_reserve(c, &c->sessions);
  if (st == WCHG_OK && limits(c))
    st = cdf_vec_reserve(c, &c->heap, c->nheap + 1);
  return st;
}

void cdf_sessions_free(wchg_cdf *c) {
  struct cdf_sess *s, *next;
  for (s = c->lru_head; s; s = next) {
    next = s->next;
    sess_free(c, s);
  }
  cdf_tab_free(c, &c->sessions);
  cdf_vec_free(c, &c->heap);
  c->nsess = c->nheap = 0;
  c->lru_head = c->lru_tail = NULL;
}

/* ---- by last activity ----------------------------------------------------- */

static void lru_unlink(wchg_cdf *c, struct cdf_sess *s) {
  if (s->prev)
    s->prev->next = s->next;
  else
    c->lru_head = s->next;
  if (s->next)
    s->next->prev = s->prev;
  else
    c->lru_tail = s->prev;
}

/* After the last session active no later than |s|: the tail, unless the
 * host's clock went back. */
static void lru_link(wchg_cdf *c, struct cdf_sess *s) {
  struct cdf_sess *p = c->lru_tail;
  while (p && p->last_now_ms > s->last_now_ms)
    p = p->prev;
  s->prev = p;
  s->next = p ? p->next : c->lru_head;
  if (s->next)
    s->next->prev = s;
  else
    c->lru_tail = s;
  if (p)
    p->next = s;
  else
    c->lru_head = s;
}

/* ---- by the end of the open record: a binary heap ---------------------------- */

static struct cdf_due *due(const wchg_cdf *c, size_t i) { return cdf_vec_at(&c->heap, i); }

static int64_t record_end(const wchg_cdf *c, const struct cdf_sess *s) {
  int64_t max = c->cfg.max_record_duration_ms;
  return s->opening_ms > INT64_MAX - max ? INT64_MAX : s->opening_ms + max;
}

/* Heap order: the end, then the Session-Id (a total order: the CDRs of
 * an expiry do not depend on how the heap was built). */
static bool before(const struct cdf_due *a, const struct cdf_due *b) {
  size_t n;
  int d;
  if (a->at != b->at)
    return a->at < b->at;
  n = a->s->sid_len < b->s->sid_len ? a->s->sid_len : b->s->sid_len;
  d = memcmp(sess_sid(a->s), sess_sid(b->s), n);
  return d < 0 || (d == 0 && a->s->sid_len < b->s->sid_len);
}

static void heap_set(wchg_cdf *c, size_t i, struct cdf_due e) {
  *due(c, i) = e;
  e.s->heap_pos = (uint32_t)i;
}

static void sift(wchg_cdf *c, size_t i) {
  struct cdf_due e = *due(c, i);
  while (i > 0 && before(&e, due(c, (i - 1) / 2))) {
    heap_set(c, i, *due(c, (i - 1) / 2));
    i = (i - 1) / 2;
  }
  for (size_t m; (m = 2 * i + 1) < c->nheap; i = m) {
    if (m + 1 < c->nheap && before(due(c, m + 1), due(c, m)))
      m++;
    if (!before(due(c, m), &e))
      break;
    heap_set(c, i, *due(c, m));
  }
  heap_set(c, i, e);
}

static void heap_push(wchg_cdf *c, struct cdf_sess *s) {
  struct cdf_due e = {record_end(c, s), s};
  heap_set(c, c->nheap++, e);
  sift(c, c->nheap - 1);
}

static void heap_remove(wchg_cdf *c, struct cdf_sess *s) {
  size_t i = s->heap_pos;
  c->nheap--;
  if (i < c->nheap) {
    heap_set(c, i, *due(c, c->nheap));
    sift(c, i);
  }
  s->heap_pos = CDF_NO_POS;
  cdf_vec_trim(c, &c->heap, c->nheap);
}

struct cdf_sess *cdf_due_record(const wchg_cdf *c, int64_t now_ms) {
  return c->nheap && due(c, 0)->at <= now_ms ? due(c, 0)->s : NULL;
}

/* Ended records of sessions not silent, in the subtree at |i|. */
static unsigned count_records(const wchg_cdf *c, size_t i, int64_t now_ms, unsigned cap) {
  unsigned n;
  if (i >= c->nheap || due(c, i)->at > now_ms || !cap)
    return 0;
  n = !cdf_silent(c, due(c, i)->s, now_ms);
  n += count_records(c, 2 * i + 1, now_ms, cap - n);
  if (n < cap)
    n += count_records(c, 2 * i + 2, now_ms, cap - n);
  return n;
}

unsigned cdf_count_due(const wchg_cdf *c, int64_t now_ms, unsigned cap) {
  const struct cdf_sess *s;
  unsigned n = 0;
  for (s = c->lru_head; s && n < cap && cdf_silent(c, s, now_ms); s = s->next)
    n++;
  return n + count_records(c, 0, now_ms, cap - n);
}

/* ---- the three together -------------------------------------------------------- */

/* Into the table and the heap, counted. */
static void add(wchg_cdf *c, uint64_t h, struct cdf_sess *s) {
  cdf_tab_insert(&c->sessions, cdf_tag(h), s);
  if (limits(c))
    heap_push(c, s);
  c->nsess++;
  c->sess_bytes += cdf_sess_size(s->cap);
  c->store_bytes += sess_used(s);
}

void cdf_insert(wchg_cdf *c, uint64_t h, struct cdf_sess *s) {
  add(c, h, s);
  lru_link(c, s);
}

void cdf_append(wchg_cdf *c, uint64_t h, struct cdf_sess *s) {
  add(c, h, s);
  s->prev = c->lru_tail;
  s->next = NULL;
  if (c->lru_tail)
    c->lru_tail->next = s;
  else
    c->lru_head = s;
  c->lru_tail = s;
}

/* Two lists by last activity merged, |a|'s first among equals. */
static struct cdf_sess *merge(struct cdf_sess *a, struct cdf_sess *b) {
  struct cdf_sess *head = NULL, **t = &head;
  while (a && b) {
    struct cdf_sess **from = b->last_now_ms < a->last_now_ms ? &b : &a;
    *t = *from;
    t = &(*from)->next;
    *from = (*from)->next;
  }
  *t = a ? a : b;
  return head;
}

void cdf_sort_sessions(wchg_cdf *c) {
  struct cdf_sess *bins[64] = {NULL}, *s = c->lru_head, *run = NULL, *prev = NULL;
  while (s) { /* a stable merge sort: bins[i] holds 2^i sessions */
    struct cdf_sess *next = s->next;
    int i;
    s->next = NULL;
    for (i = 0; i < 63 && bins[i]; i++) {
      s = merge(bins[i], s);
      bins[i] = NULL;
    }
    bins[i] = i == 63 && bins[i] ? merge(bins[i], s) : s;
    s = next;
  }
  for (int i = 0; i < 64; i++)
    if (bins[i])
      run = merge(bins[i], run);
  c->lru_head = run;
  for (s = run; s; prev = s, s = s->next)
    s->prev = prev;
  c->lru_tail = prev;
}

void cdf_replace(wchg_cdf *c, uint64_t h, struct cdf_sess *old, struct cdf_sess *ns) {
  struct sid_key k = {sess_sid(old), old->sid_len};
  void **slot = cdf_tab_find(&c->sessions, cdf_tag(h), sid_match, &k);
  if (ns->prev)
    ns->prev->next = ns;
  else
    c->lru_head = ns;
  if (ns->next)
    ns->next->prev = ns;
  else
    c->lru_tail = ns;
  if (ns->heap_pos != CDF_NO_POS)
    due(c, ns->heap_pos)->s = ns;
  *slot = ns;
  c->sess_bytes += cdf_sess_size(ns->cap);
  c->store_bytes += sess_used(ns);
  sess_free(c, old);
}

void cdf_update(wchg_cdf *c, struct cdf_sess *s, const struct cdf_sess *w) {
  struct cdf_sess keep = *s;
  c->store_bytes += sess_used(w) - sess_used(s);
  memcpy(s, w, offsetof(struct cdf_sess, blob));
  s->prev = keep.prev;
  s->next = keep.next;
  s->heap_pos = keep.heap_pos;
  s->cap = keep.cap;
  if (s->opening_ms != keep.opening_ms && s->heap_pos != CDF_NO_POS) {
    due(c, s->heap_pos)->at = record_end(c, s);
    sift(c, s->heap_pos);
  }
  if (s->last_now_ms != keep.last_now_ms && (s != c->lru_tail || s->last_now_ms < keep.last_now_ms)) {
    lru_unlink(c, s);
    lru_link(c, s);
  }
}

void cdf_remove(wchg_cdf *c, uint64_t h, struct cdf_sess *s) {
  lru_unlink(c, s);
  if (s->heap_pos != CDF_NO_POS)
    heap_remove(c, s);
  cdf_tab_remove(&c->sessions, cdf_tag(h), s);
  cdf_tab_shrink(c, &c->sessions);
  c->nsess--;
  sess_free(c, s);
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
