/*
 * cdf_shared.c: the values that the stores of several open sessions
 * share (cdf_internal.h): a string or a list packed for a session, when
 * the same octets were packed lately for another session (a small table
 * of recent hashes says), becomes one shared value that each store names
 * by reference. A value no store names any more joins a cold queue; past
 * COLD_MAX the oldest leaves it, and is freed unless named again.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "cdf/cdf_internal.h"

#define SEEN_SIZE 4096u /* recent hashes, direct-mapped */
#define COLD_MAX 1024u

static size_t val_size(size_t len) { return sizeof(struct cdf_val) + len; }

static uint64_t mix(uint64_t h) { /* MurmurHash3's fmix64 */
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ h >> 33;
}

/* The hash of a value: two lanes of 8 octets, the tail as two
 * overlapping words. */
static uint64_t val_hash(const uint8_t *p, size_t n) {
  uint64_t a = 0x9e3779b97f4a7c15ULL ^ n, b = 0xc2b2ae3d27d4eb4fULL, x = 0, y = 0;
  size_t len = n;
  for (; n >= 16; p += 16, n -= 16) {
    memcpy(&x, p, 8);
    memcpy(&y, p + 8, 8);
    a = (a ^ x) * 0xff51afd7ed558ccdULL;
    b = (b ^ y) * 0xc4ceb9fe1a85ec53ULL;
    a ^= a >> 31;
    b ^= b >> 29;
  }
  if (n >= 8) {
    memcpy(&x, p, 8);
    memcpy(&y, p + n - 8, 8);
  } else if (len >= 8) {
    memcpy(&x, p + n - 8, 8); /* the last 8 octets, some hashed already */
  } else {
    memcpy(&x, p, n);
  }
  return mix(a ^ mix(b ^ y) ^ x * 0x9e3779b97f4a7c15ULL);
}

struct val_key {
  int kind;
  const uint8_t *p;
  size_t n;
};

static bool val_match(const void *entry, const void *key) {
  const struct cdf_val *v = entry;
  const struct val_key *k = key;
  return v->kind == k->kind && v->len == k->n && memcmp(v->bytes, k->p, k->n) == 0;
}

static uintptr_t *id_slot(const wchg_cdf *c, size_t id) { return cdf_vec_at(&c->val_ids, id); }

/* A free id (its slot reserved), or CDF_NO_REF. */
static uint32_t take_id(wchg_cdf *c) {
  uint32_t id;
  if (c->val_free != SIZE_MAX) {
    id = (uint32_t)c->val_free;
    c->val_free = (size_t)(*id_slot(c, id) >> 1) - 1; /* 0: the end */
    return id;
  }
  if (c->val_nids >= CDF_NO_REF - CDF_REF ||
      cdf_vec_reserve(c, &c->val_ids, c->val_nids + 1) != WCHG_OK)
    return CDF_NO_REF;
  return (uint32_t)c->val_nids++;
}

static void give_id(wchg_cdf *c, uint32_t id) {
  *id_slot(c, id) = (uintptr_t)(c->val_free + 1) << 1 | 1;
  c->val_free = id;
}

/* A new shared value with one reference; CDF_NO_REF when out of memory. */
static uint32_t create(wchg_cdf *c, int kind, const uint8_t *p, size_t n, uint32_t tag) {
  struct cdf_val *v;
  uint32_t id;
  if (cdf_tab_reserve(c, &c->vals) != WCHG_OK || (id = take_id(c)) == CDF_NO_REF)
    return CDF_NO_REF;
  if (!(v = cdf_alloc(c, val_size(n)))) {
    give_id(c, id);
    return CDF_NO_REF;
  }
  memset(v, 0, sizeof *v);
  v->refs = 1;
  v->id = id;
  v->len = (uint32_t)n;
  v->tag = tag;
  v->kind = (uint8_t)kind;
  memcpy(v->bytes, p, n);
  *id_slot(c, id) = (uintptr_t)v;
  cdf_tab_insert(&c->vals, tag, v);
  c->val_bytes += val_size(n);
  return id;
}

static void destroy(wchg_cdf *c, struct cdf_val *v) {
  cdf_tab_remove(&c->vals, v->tag, v);
  cdf_tab_shrink(c, &c->vals);
  give_id(c, v->id);
  c->val_bytes -= val_size(v->len);
  cdf_free(c, v, val_size(v->len));
}

/* The value |id| names when it is |k|'s, else NULL. */
static struct cdf_val *same_at(const wchg_cdf *c, uint32_t id, const struct val_key *k) {
  struct cdf_val *v;
  if (id >= c->val_nids || (*id_slot(c, id) & 1))
    return NULL;
  v = (struct cdf_val *)*id_slot(c, id);
  return val_match(v, k) ? v : NULL;
}

uint32_t cdf_val_intern(wchg_cdf *c, int kind, const uint8_t *p, size_t n, uint32_t sess,
                        uint32_t *hint) {
  struct val_key k = {kind, p, n};
  struct cdf_val *v = same_at(c, *hint, &k);
  uint64_t h, *seen;
  uint32_t tag, fp;
  void **slot;
  if (!v) {
    h = val_hash(p, n) ^ (uint64_t)kind << 60;
    tag = cdf_tag(h);
    fp = (uint32_t)(h >> 12);
    slot = cdf_tab_find(&c->vals, tag, val_match, &k);
    v = slot ? *slot : NULL;
  }
  if (v) {
    v->refs++; /* it may stay queued: freed only when without one */
    return *hint = v->id;
  }
  if (!c->seen) {
    if (!(c->seen = cdf_alloc(c, SEEN_SIZE * sizeof *c->seen)))
      return CDF_NO_REF;
    memset(c->seen, 0, SEEN_SIZE * sizeof *c->seen);
  }
  seen = &c->seen[h & (SEEN_SIZE - 1)];
  if ((uint32_t)(*seen >> 32) != fp || (uint32_t)*seen == sess) {
    *seen = (uint64_t)fp << 32 | sess; /* first seen here: inline */
    return CDF_NO_REF;
  }
  if ((fp = create(c, kind, p, n, tag)) != CDF_NO_REF)
    *hint = fp; /* the new value's id */
  return fp;
}

void cdf_val_release(wchg_cdf *c, uint32_t id) {
  struct cdf_val *v = (struct cdf_val *)*id_slot(c, id);
  if (--v->refs || v->queued)
    return;
  if (!c->cold && !(c->cold = cdf_alloc(c, COLD_MAX * sizeof *c->cold))) {
    destroy(c, v); /* no queue: freed at once */
    return;
  }
  if (c->ncold == COLD_MAX) { /* the oldest leaves */
    struct cdf_val *old = (struct cdf_val *)*id_slot(c, c->cold[c->cold_head]);
    c->cold_head = (c->cold_head + 1) % COLD_MAX;
    c->ncold--;
    old->queued = false;
    if (!old->refs)
      destroy(c, old);
  }
  c->cold[(c->cold_head + c->ncold++) % COLD_MAX] = id;
  v->queued = true;
}

static void free_one(void *p, void *arg) {
  struct cdf_val *v = p;
  cdf_free(arg, v, val_size(v->len));
}

void cdf_vals_free(wchg_cdf *c) {
  cdf_tab_each(&c->vals, free_one, c);
  cdf_tab_free(c, &c->vals);
  cdf_vec_free(c, &c->val_ids);
  cdf_free(c, c->seen, c->seen ? SEEN_SIZE * sizeof *c->seen : 0);
  cdf_free(c, c->cold, c->cold ? COLD_MAX * sizeof *c->cold : 0);
  c->seen = NULL;
  c->cold = NULL;
  c->val_nids = 0;
  c->val_free = SIZE_MAX;
  c->cold_head = c->ncold = c->val_bytes = 0;
}

size_t cdf_vals_bytes(const wchg_cdf *c) {
  return c->val_bytes + cdf_tab_bytes(&c->vals) + cdf_vec_bytes(&c->val_ids) +
         (c->seen ? SEEN_SIZE * sizeof *c->seen : 0) + (c->cold ? COLD_MAX * sizeof *c->cold : 0);
}
