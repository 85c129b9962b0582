/*
 * cdf_store_dec.c: the reader of the CDF's compact store (cdf_internal.h
 * says its form): a session's store back into a wchg_cdr, and the check
 * of a store that comes from outside (wchg_cdf_import).
 *
 * Reading builds a wchg_cdr whose strings view the store and whose list
 * items live in the CDF's scratch arena: one pass measures (and checks:
 * the same reader accepts the state given to wchg_cdf_import), the
 * second fills.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "cdf/cdf_internal.h"

#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

bool cdf_fields_has(const uint8_t *f, size_t n, unsigned key) {
  const uint8_t *e = f + n;
  while (f < e && f[0] < key)
    f += 4 + cdf_u24(f + 1);
  return f < e && f[0] == key;
}

/* ---- reading --------------------------------------------------------------- */

struct rd {
  const uint8_t *p, *end;
  bool bad;
  bool full;           /* fill: the arena was too small (bad is set too) */
  uint8_t *arena;      /* fill: where list items go, up to arena_end */
  uint8_t *arena_end;
  size_t need;         /* measure: arena bytes */
};

static uint64_t get_varint(struct rd *r) {
  uint64_t v = 0;
  for (unsigned s = 0;; s += 7) {
    uint8_t b;
    if (r->p >= r->end || s > 63) {
      r->bad = true;
      return 0;
    }
    b = *r->p++;
    if (s == 63 && (b & 0x7e)) {
      r->bad = true;
      return 0;
    }
    v |= (uint64_t)(b & 0x7f) << s;
    if (!(b & 0x80))
      return v;
  }
}

static const uint8_t *get_bytes(struct rd *r, size_t n) {
  const uint8_t *p = r->p;
  if ((size_t)(r->end - r->p) < n) {
    r->bad = true;
    return NULL;
  }
  r->p += n;
  return p;
}

static void read_value(struct rd *r, const struct wf *f, void *dst);

static void read_struct(struct rd *r, const struct wt *t, void *dst) {
  uint64_t mask = get_varint(r);
  unsigned groups = 0;
  if (r->bad || (t->nfields < 64 && mask >> t->nfields)) {
    r->bad = true;
    return;
  }
  for (unsigned i = 0; i < t->nfields; i++) {
    const struct wf *f = &t->fields[i];
    if (!(mask >> i & 1)) {
      if (f->flags & WF_MANDATORY)
        r->bad = true;
      continue;
    }
    groups += (f->flags & WF_GROUP) != 0;
  }
  if (groups > 1 || r->bad) {
    r->bad = true;
    return;
  }
  if (dst && t->present_off >= 0)
    *(bool *)((char *)dst + t->present_off) = true;
  for (unsigned i = 0; i < t->nfields && !r->bad; i++)
    if (mask >> i & 1)
      read_value(r, &t->fields[i], dst ? wf_ptr(dst, &t->fields[i]) : NULL);
}

/* INTEGER, ENUMERATED, BOOLEAN: a zigzag varint. */
static void read_int(struct rd *r, void *dst) {
  uint64_t z = get_varint(r);
  if (dst) {
    wchg_opt_int *v = dst;
    v->present = true;
    v->value = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
  }
}

/* A string: varint length and the octets (viewed, not copied). */
static void read_octets(struct rd *r, void *dst) {
  uint64_t n = get_varint(r);
  const uint8_t *p = r->bad ? NULL : get_bytes(r, (size_t)n);
  if (p && dst) {
    wchg_octets o = {p, (size_t)n};
    memcpy(dst, &o, sizeof o);
  }
}

static void read_timestamp(struct rd *r, void *dst) {
  const uint8_t *p = get_bytes(r, 9);
  if (p && dst) {
    wchg_timestamp *ts = dst;
    ts->present = true;
    memcpy(ts->octets, p, 9);
  }
}

/* A CHOICE: 1 octet alternative (1-based), then its value. */
static void read_choice(struct rd *r, const struct wt *t, void *dst) {
  const uint8_t *p = get_bytes(r, 1);
  const struct wf *alt;
  int c;
  if (!p || *p < 1 || *p > t->nfields) {
    r->bad = true;
    return;
  }
  c = *p;
  alt = &t->fields[c - 1];
  if (dst)
    memcpy((char *)dst + t->choice_off, &c, sizeof c);
  read_value(r, alt, dst ? wf_ptr(dst, alt) : NULL);
}

/* A SEQUENCE OF: varint count, then each element; the items in the arena
 * (fill) or their room counted (measure). */
static void read_list(struct rd *r, const struct wf *f, void *dst) {
  uint64_t n = get_varint(r);
  struct wlist l = {NULL, 0};
  /* every element takes at least one octet */
  if (r->bad || n > (uint64_t)(r->end - r->p)) {
    r->bad = true;
    return;
  }
  if (!dst) {
    r->need += ALIGN8((size_t)n * f->esize);
  } else if (ALIGN8((size_t)n * f->esize) > (size_t)(r->arena_end - r->arena)) {
    r->bad = r->full = true;
    return;
  } else {
    l.items = r->arena;
    l.count = (size_t)n;
    memset(r->arena, 0, (size_t)n * f->esize);
    r->arena += ALIGN8((size_t)n * f->esize);
    memcpy(dst, &l, sizeof l);
  }
  for (size_t i = 0; i < n && !r->bad; i++)
    read_value(r, f->elem, dst ? (char *)(uintptr_t)l.items + i * f->esize : NULL);
}

/* One value of field |f| into |dst| (NULL: measure and check). */
static void read_value(struct rd *r, const struct wf *f, void *dst) {
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL:
    read_int(r, dst);
    break;
  case WK_NULL:
    if (dst)
      *(bool *)dst = true;
    break;
  case WK_OCTETS: case WK_OID: case WK_ANY: case WK_TEXT:
    read_octets(r, dst);
    break;
  case WK_TIMESTAMP:
    read_timestamp(r, dst);
    break;
  case WK_IPBIN: {
    const uint8_t *p = get_bytes(r, (size_t)f->hi);
    if (p && dst)
      memcpy(dst, p, (size_t)f->hi);
    break;
  }
  case WK_STRUCT:
    read_struct(r, f->type, dst);
    break;
  case WK_CHOICE:
    read_choice(r, f->type, dst);
    break;
  case WK_LIST:
    read_list(r, f, dst);
    break;
  }
}

/* A sub-reader over one entry is done: it must have read all of it. */
static void sub_done(struct rd *r, const struct rd *sub) {
  r->bad = sub->bad || sub->p != sub->end;
  r->full = sub->full;
  r->arena = sub->arena;
  r->need = sub->need;
  r->p = sub->end;
}

/* The fields section into |cdr| (NULL: measure and check). */
static void read_fields(const wchg_cdf *c, struct rd *r, wchg_cdr *cdr) {
  int prev = -1;
  while (r->p < r->end && !r->bad) {
    const uint8_t *h = get_bytes(r, 4);
    const struct wf *f;
    struct rd sub;
    size_t n;
    if (!h)
      break;
    n = cdf_u24(h + 1);
    f = c->by_key[h[0]];
    if (!f || (int)h[0] <= prev || n > (size_t)(r->end - r->p)) {
      r->bad = true;
      break;
    }
    prev = h[0];
    sub = *r;
    sub.end = r->p + n;
    read_value(&sub, f, cdr ? wf_ptr(cdr, f) : NULL);
    sub_done(r, &sub);
  }
}

/* The media region into |items|, at most |cap| (NULL: measure and check). */
static size_t read_media(const wchg_cdf *c, struct rd *r, wchg_media_components_list *items,
                         size_t cap) {
  size_t count = 0;
  while (r->p < r->end && !r->bad) {
    const uint8_t *h = get_bytes(r, 3);
    struct rd sub;
    size_t n;
    if (!h)
      break;
    n = cdf_u24(h);
    if (n > (size_t)(r->end - r->p)) {
      r->bad = true;
      break;
    }
    if (items && count >= cap) {
      r->bad = r->full = true;
      break;
    }
    sub = *r;
    sub.end = r->p + n;
    if (items)
      memset(&items[count], 0, sizeof items[count]);
    read_struct(&sub, c->media_field->elem->type, items ? &items[count] : NULL);
    sub_done(r, &sub);
    count++;
  }
  return count;
}

wchg_status cdf_check_fields(const wchg_cdf *c, const uint8_t *f, size_t n) {
  struct rd r = {f, f + n, false, false, NULL, NULL, 0};
  read_fields(c, &r, NULL);
  return r.bad ? WCHG_E_ENCODING : WCHG_OK;
}

wchg_status cdf_check_media(const wchg_cdf *c, const uint8_t *m, size_t n, size_t *count) {
  struct rd r = {m, m + n, false, false, NULL, NULL, 0};
  *count = read_media(c, &r, NULL, 0);
  return r.bad ? WCHG_E_ENCODING : WCHG_OK;
}

/* The fields section and the media regions of |v| into |cdr| and
 * |items|, at most |cap| (NULL: measure and check). */
static size_t read_store(const wchg_cdf *c, struct rd *r, const struct cdf_view *v, wchg_cdr *cdr,
                         wchg_media_components_list *items, size_t cap) {
  size_t count = 0;
  r->p = v->fields;
  r->end = v->fields + v->fields_len;
  read_fields(c, r, cdr);
  for (int k = 0; k < 2 && !r->bad; k++) {
    r->p = v->media[k];
    r->end = v->media[k] + v->media_len[k];
    count += read_media(c, r, items ? items + count : NULL, cap - count);
  }
  return count;
}

/* Fill |cdr| (and the media items, at most |cap|) from the store |v|,
 * list items in the arena. Returns false when the arena is too
 * small (or the store bad: it was checked when it came, so never). */
static bool fill(wchg_cdf *c, const struct cdf_view *v, size_t cap, wchg_cdr *cdr) {
  wchg_media_components_list *items = (wchg_media_components_list *)(void *)c->arena.p;
  size_t items_len = ALIGN8(cap * sizeof *items), count;
  struct rd r = {NULL, NULL, false, false, NULL, NULL, 0};
  if (!c->arena.p || items_len > c->arena.cap)
    return false;
  r.arena = c->arena.p + items_len;
  r.arena_end = c->arena.p + c->arena.cap;
  wchg_cdr_init(cdr);
  count = read_store(c, &r, v, cdr, items, cap);
  if (r.bad)
    return false;
  if (count) {
    cdr->ims.list_of_sdp_media_components.items = items;
    cdr->ims.list_of_sdp_media_components.count = count;
  }
  return true;
}

wchg_status cdf_store_read(wchg_cdf *c, const struct cdf_sess *s, const struct cdf_view *v,
                           wchg_cdr *cdr) {
  struct rd r = {NULL, NULL, false, false, NULL, NULL, 0};
  size_t count;
  wchg_status st;

  /* fill in the arena as it is; when it is too small, measure, grow, fill */
  if (fill(c, v, s->media_count, cdr))
    return WCHG_OK;
  count = read_store(c, &r, v, NULL, NULL, 0);
  if (r.bad)
    return WCHG_E_ENCODING; /* cannot happen: the store was checked */
  c->arena.len = 0;
  st = cdf_buf_reserve(c, &c->arena, ALIGN8(count * sizeof(wchg_media_components_list)) +
                                          r.need + 8);
  if (st != WCHG_OK)
    return st;
  if (!fill(c, v, count, cdr))
    return WCHG_E_ENCODING; /* cannot happen: measured */
  return WCHG_OK;
}
