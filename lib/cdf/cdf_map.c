/*
 * cdf_map.c: the CDF's compact store of a session's record fields, and
 * the building of CDRs from it (cdf.h).
 *
 * An open session keeps no wchg_ims_info: its fields live in a byte
 * string, written and read by walking the record's schema (schema.h),
 * so every PCSCFRecord field the ACR model carries is kept, and only the
 * bytes it needs.
 *
 *   fields section  entries in increasing key order, each
 *                   key (1 octet: the PCSCFRecord tag, or 0xF0 + the tag
 *                   of a WebRTCChargingInfo member), length (3 octets,
 *                   little-endian), value
 *   media region    entries of list-Of-SDP-Media-Components, each
 *                   length (3 octets) and a Media-Components-List value
 *   value           INTEGER, ENUMERATED, BOOLEAN: zigzag varint; NULL:
 *                   nothing; strings: varint length and the octets;
 *                   TimeStamp: 9 octets; a binary address: its 4 or 16
 *                   octets; SEQUENCE/SET: varint mask of the members
 *                   present, then each; CHOICE: 1 octet alternative
 *                   (1-based), then its value; SEQUENCE OF: varint count,
 *                   then each element.
 *
 * Reading builds a wchg_cdr whose strings view the store and whose list
 * items live in the CDF's scratch arena: one pass measures (and checks:
 * the same reader accepts the state given to wchg_cdf_import), the
 * second fills.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "cdf/cdf_internal.h"

#define IMS_OFF offsetof(wchg_cdr, ims)
#define ALIGN8(n) (((n) + 7u) & ~(size_t)7u)

/* ---- the keys -------------------------------------------------------------- */

/* Record fields the store does not keep: the record's own, the service
 * time stamps (computed), the media list (kept apart). */
static bool stored(const struct wf *f) {
  if (f->off < IMS_OFF || f->off >= IMS_OFF + sizeof(wchg_ims_info))
    return false;
  switch (f->tag) {
  case 9: case 10: case 11: case 21: case 37: case 38: case 39:
    return false;
  }
  return true;
}

static void presence(const struct wf *f, uint8_t *kind, uint16_t *off);

void cdf_map_init(wchg_cdf *c) {
  const struct wt *t = &wchgi_pcscf_record_type;
  memset(c->by_key, 0, sizeof c->by_key);
  for (unsigned i = 0; i < t->nfields; i++) {
    if (t->fields[i].tag == 21)
      c->media_field = &t->fields[i];
    if (stored(&t->fields[i]))
      c->by_key[t->fields[i].tag] = &t->fields[i];
  }
  for (unsigned i = 0; i < wchgi_webrtc_info_type.nfields; i++)
    c->by_key[KEY_WEBRTC + wchgi_webrtc_info_type.fields[i].tag] =
        &wchgi_webrtc_info_type.fields[i];
  c->norder = 0;
  for (unsigned k = 0; k < 256; k++)
    if (c->by_key[k] && c->norder < sizeof c->order_k) {
      c->order_k[c->norder] = (uint8_t)k;
      presence(c->by_key[k], &c->order_pk[c->norder], &c->order_off[c->norder]);
      c->order_f[c->norder++] = c->by_key[k];
    }
}

/* ---- writing --------------------------------------------------------------- */

struct wr {
  wchg_cdf *c;
  struct wchgi_buf *b;
  wchg_status st;
};

/* A copy of 0..16 bytes without a call: two overlapping moves. */
static inline void copy_small(uint8_t *d, const uint8_t *q, size_t n) {
  uint64_t a, b;
  uint32_t x, y;
  if (n >= 8) {
    memcpy(&a, q, 8);
    memcpy(&b, q + n - 8, 8);
    memcpy(d, &a, 8);
    memcpy(d + n - 8, &b, 8);
  } else if (n >= 4) {
    memcpy(&x, q, 4);
    memcpy(&y, q + n - 4, 4);
    memcpy(d, &x, 4);
    memcpy(d + n - 4, &y, 4);
  } else if (n) {
    d[0] = q[0];
    d[n / 2] = q[n / 2];
    d[n - 1] = q[n - 1];
  }
}

static inline void put(struct wr *w, const void *p, size_t n) {
  if (w->st)
    return;
  if (w->b->len + n > w->b->cap) {
    w->st = cdf_buf_reserve(w->c, w->b, w->b->len + n);
    if (w->st)
      return;
  }
  if (n <= 16) /* most pieces are small */
    copy_small(w->b->p + w->b->len, p, n);
  else
    memcpy(w->b->p + w->b->len, p, n);
  w->b->len += n;
}

static void put_varint(struct wr *w, uint64_t v) {
  uint8_t *d;
  if (w->st)
    return;
  if (w->b->len + 10 > w->b->cap && (w->st = cdf_buf_reserve(w->c, w->b, w->b->len + 10)))
    return;
  d = w->b->p + w->b->len;
  do {
    *d++ = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
    v >>= 7;
  } while (v);
  w->b->len = (size_t)(d - w->b->p);
}

static void put_u24(uint8_t *p, size_t n) {
  p[0] = (uint8_t)n;
  p[1] = (uint8_t)(n >> 8);
  p[2] = (uint8_t)(n >> 16);
}

static size_t get_u24(const uint8_t *p) {
  return (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16;
}

/* Presence of the value at |p| (schema.h's wchg_field_present, by value). */
static bool present_at(const struct wf *f, const void *p) {
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL:
    return ((const wchg_opt_int *)p)->present;
  case WK_NULL:
    return *(const bool *)p;
  case WK_OCTETS: case WK_OID: case WK_ANY: case WK_TEXT:
    return ((const wchg_octets *)p)->ptr != NULL;
  case WK_TIMESTAMP:
    return ((const wchg_timestamp *)p)->present;
  case WK_STRUCT:
    return f->type->present_off < 0 || *(const bool *)((const char *)p + f->type->present_off);
  case WK_CHOICE:
    return wt_choice(p, f->type) != 0;
  case WK_LIST: {
    struct wlist l;
    memcpy(&l, p, sizeof l);
    return l.items != NULL || l.count != 0;
  }
  default: /* WK_IPBIN */
    return true;
  }
}

static void pack_value(struct wr *w, const struct wf *f, const void *p);

static void pack_struct(struct wr *w, const struct wt *t, const void *base) {
  uint64_t mask = 0;
  unsigned groups = 0;
  for (unsigned i = 0; i < t->nfields; i++) {
    const struct wf *f = &t->fields[i];
    if (present_at(f, wf_ptr(base, f))) {
      mask |= 1ull << i;
      groups += (f->flags & WF_GROUP) != 0;
    } else if (f->flags & WF_MANDATORY) {
      w->st = w->st ? w->st : WCHG_E_MISSING;
    }
  }
  if (groups > 1)
    w->st = w->st ? w->st : WCHG_E_CHOICE;
  put_varint(w, mask);
  for (unsigned i = 0; i < t->nfields && !w->st; i++)
    if (mask >> i & 1)
      pack_value(w, &t->fields[i], wf_ptr(base, &t->fields[i]));
}

static void pack_choice(struct wr *w, const struct wt *t, const void *p) {
  int c = wt_choice(p, t);
  uint8_t b = (uint8_t)c;
  if (c < 1 || c > t->nfields) {
    w->st = w->st ? w->st : WCHG_E_CHOICE;
    return;
  }
  put(w, &b, 1);
  pack_value(w, &t->fields[c - 1], wf_ptr(p, &t->fields[c - 1]));
}

static void pack_value(struct wr *w, const struct wf *f, const void *p) {
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL: {
    int64_t v = ((const wchg_opt_int *)p)->value;
    put_varint(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
    break;
  }
  case WK_NULL:
    break;
  case WK_OCTETS: case WK_OID: case WK_ANY: case WK_TEXT: {
    wchg_octets o;
    memcpy(&o, p, sizeof o);
    if (!o.ptr && o.len) {
      w->st = w->st ? w->st : WCHG_E_MISSING;
      return;
    }
    put_varint(w, o.len);
    put(w, o.ptr, o.len);
    break;
  }
  case WK_TIMESTAMP:
    put(w, ((const wchg_timestamp *)p)->octets, 9);
    break;
  case WK_IPBIN:
    put(w, p, (size_t)f->hi);
    break;
  case WK_STRUCT:
    pack_struct(w, f->type, p);
    break;
  case WK_CHOICE:
    pack_choice(w, f->type, p);
    break;
  case WK_LIST: {
    struct wlist l;
    memcpy(&l, p, sizeof l);
    if (l.count && !l.items) {
      w->st = w->st ? w->st : WCHG_E_MISSING;
      return;
    }
    put_varint(w, l.count);
    for (size_t i = 0; i < l.count && !w->st; i++)
      pack_value(w, f->elem, (const char *)l.items + i * f->esize);
    break;
  }
  }
}

/* One top-level entry: key, length, value. */
static void pack_entry(struct wr *w, unsigned key, const struct wf *f, const void *p) {
  uint8_t hdr[4] = {(uint8_t)key, 0, 0, 0};
  size_t at = w->b->len, n;
  put(w, hdr, 4);
  pack_value(w, f, p);
  if (w->st)
    return;
  n = w->b->len - at - 4;
  if (n > 0xFFFFFF) {
    w->st = WCHG_E_LIMIT;
    return;
  }
  put_u24(w->b->p + at + 1, n);
}

static wchg_status pack_fail(wchg_status st, const struct wf *f, wchg_diag *diag) {
  struct wpath path;
  if (st == WCHG_E_NOMEM)
    return st;
  wpath_init(&path, "pCSCFRecord");
  wpath_push(&path, f->name);
  if (st == WCHG_E_LIMIT)
    wchgi_diag_set(diag, WCHG_E_LIMIT, WCHG_RC_UNABLE_TO_COMPLY, WCHG_NO_OFFSET, &path,
                   "%s: a PCSCFRecord cannot hold it (%s)", f->name, wchg_strerror(st));
  else
    wchgi_diag_set(diag, WCHG_E_INVALID, WCHG_RC_INVALID_AVP_VALUE, WCHG_NO_OFFSET, &path,
                   "%s: a PCSCFRecord cannot hold it (%s)", f->name, wchg_strerror(st));
  return st == WCHG_E_LIMIT ? WCHG_E_LIMIT : WCHG_E_INVALID;
}

/* Presence of a top-level field by one load: how and where to look. */
enum { PK_ALWAYS, PK_BOOL, PK_INT, PK_PTR, PK_LIST };

static void presence(const struct wf *f, uint8_t *kind, uint16_t *off) {
  *off = (uint16_t)(f->off - IMS_OFF);
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL:
    *kind = PK_BOOL;
    *off += (uint16_t)offsetof(wchg_opt_int, present);
    break;
  case WK_NULL: case WK_TIMESTAMP:
    *kind = PK_BOOL; /* the bool itself; wchg_timestamp.present first */
    break;
  case WK_OCTETS: case WK_OID: case WK_ANY: case WK_TEXT:
    *kind = PK_PTR;
    break;
  case WK_STRUCT:
    *kind = f->type->present_off < 0 ? PK_ALWAYS : PK_BOOL;
    if (f->type->present_off >= 0)
      *off += (uint16_t)f->type->present_off;
    break;
  case WK_CHOICE:
    *kind = PK_INT;
    *off += (uint16_t)f->type->choice_off;
    break;
  case WK_LIST:
    *kind = PK_LIST;
    break;
  default:
    *kind = PK_ALWAYS;
  }
}

static inline bool present_fast(const struct wchg_cdf *c, unsigned i, const char *ims) {
  const char *p = ims + c->order_off[i];
  switch (c->order_pk[i]) {
  case PK_BOOL:
    return *(const bool *)p;
  case PK_INT:
    return *(const int *)(const void *)p != 0;
  case PK_PTR:
    return *(const void *const *)(const void *)p != NULL;
  case PK_LIST:
    return *(const void *const *)(const void *)p != NULL ||
           *(const size_t *)(const void *)(p + sizeof(void *)) != 0;
  default:
    return true;
  }
}

wchg_status cdf_pack_fields(wchg_cdf *c, const wchg_ims_info *ims, struct wchgi_buf *out,
                            wchg_diag *diag) {
  struct wr w = {c, out, WCHG_OK};
  out->len = 0;
  for (unsigned i = 0; i < c->norder; i++) {
    const struct wf *f = c->order_f[i];
    const void *p = (const char *)ims + (f->off - IMS_OFF);
    if (!present_fast(c, i, (const char *)ims))
      continue;
    pack_entry(&w, c->order_k[i], f, p);
    if (w.st)
      return pack_fail(w.st, f, diag);
  }
  return WCHG_OK;
}

/* A TimeStamp and fraction of an ACR time, over the entry's own. */
static void stamp(wchg_cdf *c, wchg_time_ms t, wchg_timestamp *ts, wchg_opt_int *frac) {
  if (t.present)
    cdf_time(c, t.unix_ms, ts, frac);
}

wchg_status cdf_pack_media(wchg_cdf *c, const wchg_acr *acr, struct wchgi_buf *out,
                           unsigned *count, wchg_diag *diag) {
  const wchg_media_components_list_list *l = &acr->ims.list_of_sdp_media_components;
  struct wr w = {c, out, WCHG_OK};
  out->len = 0;
  *count = 0;
  if (l->count && !l->items)
    return pack_fail(WCHG_E_MISSING, c->media_field, diag);
  for (size_t i = 0; i < l->count; i++) {
    wchg_media_components_list e = l->items[i];
    uint8_t hdr[3] = {0, 0, 0};
    size_t at = out->len;
    stamp(c, acr->sip_request_timestamp, &e.sip_request_timestamp,
          &e.sip_request_timestamp_fraction);
    stamp(c, acr->sip_response_timestamp, &e.sip_response_timestamp,
          &e.sip_response_timestamp_fraction);
    put(&w, hdr, 3);
    pack_struct(&w, c->media_field->elem->type, &e);
    if (!w.st && out->len - at - 3 > 0xFFFFFF)
      w.st = WCHG_E_LIMIT;
    if (w.st)
      return pack_fail(w.st, c->media_field, diag);
    put_u24(out->p + at, out->len - at - 3);
  }
  *count = (unsigned)l->count;
  return WCHG_OK;
}

/* ---- merging --------------------------------------------------------------- */

wchg_status cdf_merge_fields(wchg_cdf *c, const uint8_t *old, size_t old_len,
                             const uint8_t *upd, size_t upd_len, bool start,
                             struct wchgi_buf *out) {
  const uint8_t *a = old, *ae = old ? old + old_len : old, *b = upd,
                *be = upd ? upd + upd_len : upd;
  struct wr w = {c, out, WCHG_OK};
  while (a < ae || b < be) {
    size_t an = a < ae ? 4 + get_u24(a + 1) : 0, bn = b < be ? 4 + get_u24(b + 1) : 0;
    if (b >= be || (a < ae && a[0] < b[0])) {
      put(&w, a, an);
      a += an;
    } else if (a >= ae || b[0] < a[0]) {
      put(&w, b, bn);
      b += bn;
    } else { /* both: the update wins, but the record keeps its method */
      if (a[0] == KEY_SIP_METHOD && !start)
        put(&w, a, an);
      else
        put(&w, b, bn);
      a += an;
      b += bn;
    }
  }
  return w.st;
}

bool cdf_fields_has(const uint8_t *f, size_t n, unsigned key) {
  const uint8_t *e = f + n;
  while (f < e && f[0] < key)
    f += 4 + get_u24(f + 1);
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

static void read_value(struct rd *r, const struct wf *f, void *dst) {
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL: {
    uint64_t z = get_varint(r);
    if (dst) {
      wchg_opt_int *v = dst;
      v->present = true;
      v->value = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
    }
    break;
  }
  case WK_NULL:
    if (dst)
      *(bool *)dst = true;
    break;
  case WK_OCTETS: case WK_OID: case WK_ANY: case WK_TEXT: {
    uint64_t n = get_varint(r);
    const uint8_t *p = r->bad ? NULL : get_bytes(r, (size_t)n);
    if (p && dst) {
      wchg_octets o = {p, (size_t)n};
      memcpy(dst, &o, sizeof o);
    }
    break;
  }
  case WK_TIMESTAMP: {
    const uint8_t *p = get_bytes(r, 9);
    if (p && dst) {
      wchg_timestamp *ts = dst;
      ts->present = true;
      memcpy(ts->octets, p, 9);
    }
    break;
  }
  case WK_IPBIN: {
    const uint8_t *p = get_bytes(r, (size_t)f->hi);
    if (p && dst)
      memcpy(dst, p, (size_t)f->hi);
    break;
  }
  case WK_STRUCT:
    read_struct(r, f->type, dst);
    break;
  case WK_CHOICE: {
    const uint8_t *p = get_bytes(r, 1);
    if (!p || *p < 1 || *p > f->type->nfields) {
      r->bad = true;
      break;
    }
    if (dst) {
      int c = *p;
      memcpy((char *)dst + f->type->choice_off, &c, sizeof c);
    }
    read_value(r, &f->type->fields[*p - 1], dst ? wf_ptr(dst, &f->type->fields[*p - 1]) : NULL);
    break;
  }
  case WK_LIST: {
    uint64_t n = get_varint(r);
    struct wlist l = {NULL, 0};
    /* every element takes at least one octet */
    if (r->bad || n > (uint64_t)(r->end - r->p)) {
      r->bad = true;
      break;
    }
    if (dst) {
      if (ALIGN8((size_t)n * f->esize) > (size_t)(r->arena_end - r->arena)) {
        r->bad = r->full = true;
        break;
      }
      l.items = r->arena;
      l.count = (size_t)n;
      memset(r->arena, 0, (size_t)n * f->esize);
      r->arena += ALIGN8((size_t)n * f->esize);
      memcpy(dst, &l, sizeof l);
    } else {
      r->need += ALIGN8((size_t)n * f->esize);
    }
    for (size_t i = 0; i < n && !r->bad; i++)
      read_value(r, f->elem, dst ? (char *)(uintptr_t)l.items + i * f->esize : NULL);
    break;
  }
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
    n = get_u24(h + 1);
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
    n = get_u24(h);
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

/* ---- building records ------------------------------------------------------- */

static uint8_t bcd(int64_t v) { return (uint8_t)((v / 10) << 4 | v % 10); }

wchg_status cdf_time(wchg_cdf *c, int64_t ms, wchg_timestamp *ts, wchg_opt_int *frac) {
  int64_t local = ms / 1000 + (int64_t)c->cfg.utc_offset_minutes * 60, secs;
  if (ms < 0 || local < 0)
    return WCHG_E_RANGE;
  if (local / 86400 != c->day.day) { /* a new day: the date, once */
    wchg_status st = wchg_timestamp_from_unix(&c->day.ts, ms / 1000, c->cfg.utc_offset_minutes);
    if (st != WCHG_OK)
      return st;
    c->day.day = local / 86400;
  }
  *ts = c->day.ts; /* date and offset */
  secs = local % 86400;
  ts->octets[3] = bcd(secs / 3600);
  ts->octets[4] = bcd(secs / 60 % 60);
  ts->octets[5] = bcd(secs % 60);
  if (frac)
    *frac = WCHG_INT(ms % 1000);
  return WCHG_OK;
}

/* Encode |cdr| at the tail of the queue (lrsn and counters advanced). */
static wchg_status queue_cdr(wchg_cdf *c, wchg_cdr *cdr, wchg_diag *diag) {
  size_t avail, len = 0;
  uint8_t *p = cdf_queue_room(c, &avail);
  wchg_status st;
  cdr->local_record_sequence_number = WCHG_INT(c->next_lrsn);
  st = wchg_cdr_encode(cdr, p, avail, &len, diag);
  if (st == WCHG_E_BUFFER) {
    st = cdf_queue_grow(c, len);
    if (st != WCHG_OK)
      return st;
    p = cdf_queue_room(c, &avail);
    st = wchg_cdr_encode(cdr, p, avail, &len, diag);
  }
  if (st != WCHG_OK)
    return st;
  cdf_queue_commit(c, len);
  c->next_lrsn++;
  c->cdrs++;
  return WCHG_OK;
}

static void cause_text(char *buf, size_t cap, wchg_opt_int cause_code, wchg_str *out) {
  if (!cause_code.present)
    return;
  snprintf(buf, cap, "%lld", (long long)cause_code.value);
  *out = wchg_str_from(buf);
}

static int cause_for_closing(wchg_opt_int cause_code) {
  return cause_code.present && cause_code.value > 0 ? WCHG_CAUSE_UNSUCCESSFUL_SERVICE_DELIVERY
                                                    : WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY;
}

static void node_address(const wchg_cdf *c, wchg_cdr *cdr, const char *host, size_t n) {
  if (c->cfg.node_address.choice != WCHG_NODE_ABSENT) {
    cdr->node_address = c->cfg.node_address;
  } else if (n) {
    cdr->node_address.choice = WCHG_NODE_DOMAIN_NAME;
    cdr->node_address.domain_name.ptr = host;
    cdr->node_address.domain_name.len = n;
  }
}

static void set_time(wchg_cdf *c, int64_t ms, wchg_timestamp *ts, wchg_opt_int *frac) {
  if (ms != CDF_NO_TIME)
    cdf_time(c, ms, ts, frac); /* every time kept was checked when it came */
}

/* Fill |cdr| (and the media |items|, at most |cap|) from the store of
 * |s|, list items in the arena. Returns false when the arena is too
 * small (or the store bad: it was checked when it came, so never). */
static bool fill(wchg_cdf *c, const struct cdf_sess *s, const uint8_t *blob, size_t cap,
                 wchg_cdr *cdr, size_t *count) {
  const uint8_t *fields = blob + s->sid_len + s->host_len, *media = fields + s->fields_len;
  wchg_media_components_list *items = (wchg_media_components_list *)(void *)c->arena.p;
  size_t items_len = ALIGN8(cap * sizeof *items);
  struct rd r = {fields, fields + s->fields_len, false, false, NULL, NULL, 0};
  if (!c->arena.p || items_len > c->arena.cap)
    return false;
  r.arena = c->arena.p + items_len;
  r.arena_end = c->arena.p + c->arena.cap;
  wchg_cdr_init(cdr);
  read_fields(c, &r, cdr);
  r.p = media;
  r.end = media + s->media_len;
  *count = read_media(c, &r, items, cap);
  if (r.bad)
    return false;
  if (*count) {
    cdr->ims.list_of_sdp_media_components.items = items;
    cdr->ims.list_of_sdp_media_components.count = *count;
  }
  return true;
}

wchg_status cdf_emit_session(wchg_cdf *c, const struct cdf_sess *s, const uint8_t *blob,
                             const struct cdf_close *how) {
  size_t count;
  wchg_status st;
  wchg_cdr cdr;
  char code[24];

  /* fill in the arena as it is; when it is too small, measure, grow, fill */
  if (!fill(c, s, blob, s->media_count, &cdr, &count)) {
    const uint8_t *fields = blob + s->sid_len + s->host_len, *media = fields + s->fields_len;
    struct rd r = {fields, fields + s->fields_len, false, false, NULL, NULL, 0};
    read_fields(c, &r, NULL);
    r.p = media;
    r.end = media + s->media_len;
    count = read_media(c, &r, NULL, 0);
    if (r.bad)
      return WCHG_E_ENCODING; /* cannot happen: the store was checked */
    c->arena.len = 0;
    if ((st = cdf_buf_reserve(c, &c->arena,
                              ALIGN8(count * sizeof(wchg_media_components_list)) + r.need + 8)) !=
        WCHG_OK)
      return st;
    if (!fill(c, s, blob, count, &cdr, &count))
      return WCHG_E_ENCODING; /* cannot happen: measured */
  }

  node_address(c, &cdr, (const char *)blob + s->sid_len, s->host_len);
  set_time(c, s->request_ms, &cdr.ims.service_request_time_stamp,
           &cdr.ims.service_request_time_stamp_fraction);
  set_time(c, s->response_ms, &cdr.ims.service_delivery_start_time_stamp,
           &cdr.ims.service_delivery_start_time_stamp_fraction);
  set_time(c, how->end_ms, &cdr.ims.service_delivery_end_time_stamp,
           &cdr.ims.service_delivery_end_time_stamp_fraction);
  set_time(c, s->opening_ms, &cdr.record_opening_time, NULL);
  set_time(c, how->closure_ms, &cdr.record_closure_time, NULL);
  if (!how->final || s->rsn > 0)
    cdr.record_sequence_number = WCHG_INT((int64_t)s->rsn + 1);
  cdr.cause_for_record_closing = WCHG_INT(how->cause);
  if ((s->flags & SF_START_LOST) || s->missing || how->stop_lost) {
    cdr.incomplete_cdr_indication.present = true;
    cdr.incomplete_cdr_indication.acr_start_lost = WCHG_INT((s->flags & SF_START_LOST) != 0);
    cdr.incomplete_cdr_indication.acr_interim_lost =
        WCHG_INT(s->missing ? WCHG_ACR_INTERIM_LOST_YES : WCHG_ACR_INTERIM_LOST_NO);
    cdr.incomplete_cdr_indication.acr_stop_lost = WCHG_INT(how->stop_lost);
  }
  cdr.retransmission = (s->flags & SF_RETRANS) != 0;
  cause_text(code, sizeof code, how->cause_code, &cdr.service_reason_return_code);
  return queue_cdr(c, &cdr, NULL);
}

wchg_status cdf_emit_event(wchg_cdf *c, const wchg_acr *acr, int64_t t_ms, wchg_diag *diag) {
  const wchg_media_components_list_list *l = &acr->ims.list_of_sdp_media_components;
  wchg_cdr cdr;
  char code[24];
  wchg_status st;

  wchg_cdr_init(&cdr);
  cdr.ims = acr->ims;
  memset(&cdr.ims.service_request_time_stamp, 0, sizeof cdr.ims.service_request_time_stamp);
  memset(&cdr.ims.service_delivery_start_time_stamp, 0,
         sizeof cdr.ims.service_delivery_start_time_stamp);
  memset(&cdr.ims.service_delivery_end_time_stamp, 0,
         sizeof cdr.ims.service_delivery_end_time_stamp);
  cdr.ims.service_request_time_stamp_fraction = (wchg_opt_int){0};
  cdr.ims.service_delivery_start_time_stamp_fraction = (wchg_opt_int){0};
  cdr.ims.service_delivery_end_time_stamp_fraction = (wchg_opt_int){0};
  stamp(c, acr->sip_request_timestamp, &cdr.ims.service_request_time_stamp,
        &cdr.ims.service_request_time_stamp_fraction);
  stamp(c, acr->sip_response_timestamp, &cdr.ims.service_delivery_start_time_stamp,
        &cdr.ims.service_delivery_start_time_stamp_fraction);
  if (l->count && l->items) { /* the entries, stamped with the ACR's times */
    if (l->count > c->ev_media_cap) {
      wchg_media_components_list *m = cdf_alloc(c, l->count * sizeof *m);
      if (!m)
        return WCHG_E_NOMEM;
      cdf_free(c, c->ev_media, c->ev_media_cap * sizeof *m);
      c->ev_media = m;
      c->ev_media_cap = l->count;
    }
    for (size_t i = 0; i < l->count; i++) {
      c->ev_media[i] = l->items[i];
      stamp(c, acr->sip_request_timestamp, &c->ev_media[i].sip_request_timestamp,
            &c->ev_media[i].sip_request_timestamp_fraction);
      stamp(c, acr->sip_response_timestamp, &c->ev_media[i].sip_response_timestamp,
            &c->ev_media[i].sip_response_timestamp_fraction);
    }
    cdr.ims.list_of_sdp_media_components.items = c->ev_media;
  }
  node_address(c, &cdr, acr->origin_host.ptr, acr->origin_host.ptr ? acr->origin_host.len : 0);
  cdf_time(c, t_ms, &cdr.record_opening_time, NULL);
  cdr.record_closure_time = cdr.record_opening_time;
  cdr.cause_for_record_closing = WCHG_INT(cause_for_closing(acr->cause_code));
  cdr.retransmission = acr->retransmitted;
  cause_text(code, sizeof code, acr->cause_code, &cdr.service_reason_return_code);
  st = queue_cdr(c, &cdr, diag);
  if (st == WCHG_E_MISSING || st == WCHG_E_CHOICE || st == WCHG_E_ARG) {
    wchgi_diag_recode(diag, WCHG_E_INVALID, WCHG_RC_INVALID_AVP_VALUE);
    return WCHG_E_INVALID;
  }
  return st;
}

int cdf_cause_for_closing(wchg_opt_int cause_code) { return cause_for_closing(cause_code); }
