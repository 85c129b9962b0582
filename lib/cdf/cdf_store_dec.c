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
  const wchg_cdf *c;   /* a store in memory: references allowed */
  wchg_cdf *release;   /* give back the values referred to */
  wchg_cdf *collect;   /* fill: their ids into collect->ids */
  bool nomem;          /* collect: out of memory (bad is set too) */
  struct wchgi_out *out; /* write the store with values inline */
  const uint8_t *copied; /* out: the input written up to here */
  unsigned in_list;
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

/* out: the input up to |to| as it is. */
static void copy_to(struct rd *r, const uint8_t *to) {
  wchgi_out_put(r->out, r->copied, (size_t)(to - r->copied));
  r->copied = to;
}

/* Add |id| to c->ids. */
static bool add_id(wchg_cdf *c, uint32_t id) {
  if (c->ids.len + sizeof id > c->ids.cap &&
      cdf_buf_reserve(c, &c->ids, c->ids.len + sizeof id) != WCHG_OK)
    return false;
  memcpy(c->ids.p + c->ids.len, &id, sizeof id);
  c->ids.len += sizeof id;
  return true;
}

/* The shared value of |kind| a reference (whose varint |v| began at |at|)
 * names, given back or written inline as the mode says; NULL when there
 * is none (r->bad) or nothing more to read. */
static const struct cdf_val *deref(struct rd *r, const uint8_t *at, uint64_t v, int kind) {
  const struct cdf_val *val;
  uint8_t len[10];
  size_t n = 0;
  if (v - CDF_REF >= r->c->val_nids || (*(const uintptr_t *)cdf_vec_at(&r->c->val_ids,
                                                                      v - CDF_REF) & 1) ||
      (val = cdf_val_get(r->c, (uint32_t)(v - CDF_REF)))->kind != kind) {
    r->bad = true;
    return NULL;
  }
  if (r->release)
    cdf_val_release(r->release, val->id);
  if (r->collect && r->arena && !add_id(r->collect, val->id))
    r->bad = r->nomem = true;
  if (!r->out)
    return r->release ? NULL : val;
  copy_to(r, at);
  for (uint64_t x = val->len; kind == CDF_VAL_STRING; x >>= 7) { /* a string's length */
    len[n++] = (uint8_t)((x & 0x7f) | (x > 0x7f ? 0x80 : 0));
    if (x <= 0x7f)
      break;
  }
  wchgi_out_put(r->out, len, n);
  wchgi_out_put(r->out, val->bytes, val->len);
  r->copied = r->p;
  return NULL;
}

/* Is the varint |v| just read a reference? */
static bool is_ref(const struct rd *r, uint64_t v) {
  return v >= CDF_REF && r->c && !r->in_list && !r->bad;
}


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

/* A string: varint length and the octets (viewed, not copied), or a
 * reference to a shared one. */
static void read_octets(struct rd *r, void *dst) {
  const uint8_t *at = r->p, *p;
  uint64_t n = get_varint(r);
  if (is_ref(r, n)) {
    const struct cdf_val *v = deref(r, at, n, CDF_VAL_STRING);
    p = v ? v->bytes : NULL;
    n = v ? v->len : 0;
  } else {
    p = r->bad ? NULL : get_bytes(r, (size_t)n);
  }
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

static void read_items(struct rd *r, const struct wf *f, void *dst, uint64_t n);

/* A SEQUENCE OF: varint count, then each element, or a reference to a
 * shared one (read from there). */
static void read_list(struct rd *r, const struct wf *f, void *dst) {
  const uint8_t *at = r->p;
  uint64_t n = get_varint(r);
  const struct cdf_val *v;
  if (!is_ref(r, n)) {
    read_items(r, f, dst, n);
  } else if ((v = deref(r, at, n, CDF_VAL_LIST)) != NULL) {
    struct rd sub = *r;
    sub.p = v->bytes;
    sub.end = v->bytes + v->len;
    sub.in_list = 1;
    read_items(&sub, f, dst, get_varint(&sub));
    r->bad = sub.bad || sub.p != sub.end;
    r->full = sub.full;
    r->arena = sub.arena;
    r->need = sub.need;
  }
}

/* The |n| elements of a list; the items in the arena (fill) or their
 * room counted (measure). */
static void read_items(struct rd *r, const struct wf *f, void *dst, uint64_t n) {
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
  r->in_list++;
  for (size_t i = 0; i < n && !r->bad; i++)
    read_value(r, f->elem, dst ? (char *)(uintptr_t)l.items + i * f->esize : NULL);
  r->in_list--;
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
  struct rd r = {.p = f, .end = f + n};
  read_fields(c, &r, NULL);
  return r.bad ? WCHG_E_ENCODING : WCHG_OK;
}

wchg_status cdf_check_media(const wchg_cdf *c, const uint8_t *m, size_t n, size_t *count) {
  struct rd r = {.p = m, .end = m + n};
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
static wchg_status fill(wchg_cdf *c, const struct cdf_view *v, size_t cap, wchg_cdr *cdr,
                        bool collect) {
  wchg_media_components_list *items = (wchg_media_components_list *)(void *)c->arena.p;
  size_t items_len = ALIGN8(cap * sizeof *items), count;
  struct rd r = {.c = c};
  if (!c->arena.p || items_len > c->arena.cap)
    return WCHG_E_BUFFER;
  r.arena = c->arena.p + items_len;
  r.arena_end = c->arena.p + c->arena.cap;
  r.collect = collect ? c : NULL;
  c->ids.len = collect ? 0 : c->ids.len;
  wchg_cdr_init(cdr);
  count = read_store(c, &r, v, cdr, items, cap);
  if (r.bad)
    return r.nomem ? WCHG_E_NOMEM : r.full ? WCHG_E_BUFFER : WCHG_E_ENCODING;
  if (count) {
    cdr->ims.list_of_sdp_media_components.items = items;
    cdr->ims.list_of_sdp_media_components.count = count;
  }
  return WCHG_OK;
}

wchg_status cdf_store_read(wchg_cdf *c, const struct cdf_sess *s, const struct cdf_view *v,
                           wchg_cdr *cdr, bool collect) {
  struct rd r = {.c = c};
  size_t count;
  wchg_status st;

  /* fill in the arena as it is; when it is too small, measure, grow, fill */
  if ((st = fill(c, v, s->media_count, cdr, collect)) != WCHG_E_BUFFER)
    return st;
  count = read_store(c, &r, v, NULL, NULL, 0);
  if (r.bad)
    return WCHG_E_ENCODING; /* cannot happen: the store was checked */
  c->arena.len = 0;
  st = cdf_buf_reserve(c, &c->arena, ALIGN8(count * sizeof(wchg_media_components_list)) +
                                          r.need + 8);
  if (st != WCHG_OK)
    return st;
  st = fill(c, v, count, cdr, collect);
  return st == WCHG_E_BUFFER ? WCHG_E_ENCODING : st; /* measured: never too small */
}

/* ---- giving back, writing inline ------------------------------------------- */

/* Walk the value of |f| (else a SEQUENCE of |t|) in the |n| octets at |p|
 * in the mode of |mode|; out: the rest of the input copied after it. */
static void walk_value(const struct rd *mode, const struct wf *f, const struct wt *t,
                       const uint8_t *p, size_t n) {
  struct rd r = *mode;
  r.p = r.copied = p;
  r.end = p + n;
  if (f)
    read_value(&r, f, NULL);
  else
    read_struct(&r, t, NULL);
  if (r.out)
    copy_to(&r, r.end);
}

void cdf_release_entry(wchg_cdf *c, const uint8_t *e) {
  const struct wf *f = c->by_key[e[0]];
  size_t n = cdf_u24(e + 1), i = 0;
  uint64_t v = 0;
  struct rd r = {.c = c, .release = c};
  switch (f->kind) {
  case WK_OCTETS: case WK_OID: case WK_ANY: case WK_TEXT: case WK_LIST:
    /* a reference is the whole value; inline: nothing shared inside */
    for (; i < n && i < 6 && (e[4 + i] & 0x80); i++)
      v |= (uint64_t)(e[4 + i] & 0x7f) << (7 * i);
    if (i + 1 == n && (v |= (uint64_t)e[4 + i] << (7 * i)) >= CDF_REF)
      cdf_val_release(c, (uint32_t)(v - CDF_REF));
    break;
  default:
    walk_value(&r, f, NULL, e + 4, n);
  }
}

void cdf_release_fields(wchg_cdf *c, const uint8_t *f, size_t n) {
  for (size_t at = 0; at < n; at += 4 + cdf_u24(f + at + 1))
    cdf_release_entry(c, f + at);
}

void cdf_release_media(wchg_cdf *c, const uint8_t *m, size_t n) {
  struct rd r = {.c = c, .release = c};
  for (size_t at = 0; at < n; at += 3 + cdf_u24(m + at))
    walk_value(&r, NULL, c->media_field->elem->type, m + at + 3, cdf_u24(m + at));
}

/* Entries of |hdr| octets (key and length, or length) with their length
 * in the last 3, their values inline, to |o|. */
static void expand(const wchg_cdf *c, const uint8_t *s, size_t n, size_t hdr,
                   struct wchgi_out *o) {
  struct rd r = {.c = c, .out = o};
  for (size_t at = 0, len; at < n; at += hdr + len) {
    size_t start = o->len;
    uint8_t u24[3];
    len = cdf_u24(s + at + hdr - 3);
    wchgi_out_put(o, s + at, hdr);
    walk_value(&r, hdr == 4 ? c->by_key[s[at]] : NULL, c->media_field->elem->type,
               s + at + hdr, len);
    for (int i = 0; i < 3; i++)
      u24[i] = (uint8_t)((o->len - start - hdr) >> (8 * i));
    wchgi_put_at(o->p, o->cap, start + hdr - 3, u24, 3);
  }
}

void cdf_expand_fields(const wchg_cdf *c, const uint8_t *f, size_t n, struct wchgi_out *o) {
  expand(c, f, n, 4, o);
}

void cdf_expand_media(const wchg_cdf *c, const uint8_t *m, size_t n, struct wchgi_out *o) {
  expand(c, m, n, 3, o);
}
