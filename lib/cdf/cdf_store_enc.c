/*
 * cdf_store_enc.c: the writer of the CDF's compact store (cdf_internal.h
 * says its form): an ACR's record fields and media entries packed by
 * walking the record's schema (schema.h), and a session's fields merged
 * with an update.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "cdf/cdf_internal.h"

#define IMS_OFF offsetof(wchg_cdr, ims)

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

void cdf_store_init(wchg_cdf *c) {
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
  uint32_t sess;   /* the session's tag: values may be shared; 0: none */
  unsigned in_list;
  unsigned site;   /* the field key, or 256 + the media member */
  size_t saved;    /* octets references saved */
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

static inline void put_varint(struct wr *w, uint64_t v) {
  uint8_t *d;
  if (w->st)
    return;
  if (w->b->len + 10 > w->b->cap && (w->st = cdf_buf_reserve(w->c, w->b, w->b->len + 10)))
    return;
  d = w->b->p + w->b->len;
  if (v < 0x80) { /* most are */
    *d = (uint8_t)v;
    w->b->len++;
    return;
  }
  do {
    *d++ = (uint8_t)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
    v >>= 7;
  } while (v);
  w->b->len = (size_t)(d - w->b->p);
}

static size_t varint_len(uint64_t v) {
  size_t n = 1;
  while (v > 0x7f) {
    v >>= 7;
    n++;
  }
  return n;
}

/* Keep |id| among the shared values of the ACR's pack (c->ids). */
static bool keep_id(struct wr *w, uint32_t id) {
  struct wchgi_buf *ids = &w->c->ids;
  if (ids->len + sizeof id > ids->cap &&
      cdf_buf_reserve(w->c, ids, ids->len + sizeof id) != WCHG_OK) {
    cdf_val_release(w->c, id);
    return false;
  }
  memcpy(ids->p + ids->len, &id, sizeof id);
  ids->len += sizeof id;
  return true;
}

/* May a value of |n| octets here be shared (outside lists, 8 octets or
 * more)? */
static inline bool may_share(const struct wr *w, size_t n) {
  return w->sess && !w->in_list && !w->st && n >= 8;
}

/* A reference for the value of |kind|, |n| octets at |p| taking
 * |inline_len| inline, when it is shared (may_share). The reference is
 * written at |at| (the value's start). */
static bool share(struct wr *w, int kind, const uint8_t *p, size_t n, size_t inline_len,
                  size_t at) {
  uint32_t id;
  if ((id = cdf_val_intern(w->c, kind, p, n, w->sess, &w->c->hint[w->site])) == CDF_NO_REF ||
      !keep_id(w, id))
    return false;
  w->b->len = at;
  put_varint(w, CDF_REF + (uint64_t)id);
  w->saved += inline_len - (w->b->len - at);
  return true;
}

static void put_u24(uint8_t *p, size_t n) {
  p[0] = (uint8_t)n;
  p[1] = (uint8_t)(n >> 8);
  p[2] = (uint8_t)(n >> 16);
}

static void pack_value(struct wr *w, const struct wf *f, const void *p);

/* A SEQUENCE; |site| (not 0): its members' values are shared from
 * hint[site + i]. */
static void pack_struct(struct wr *w, const struct wt *t, const void *base, unsigned site) {
  uint64_t mask = 0;
  unsigned groups = 0;
  for (unsigned i = 0; i < t->nfields; i++) {
    const struct wf *f = &t->fields[i];
    if (wchg_field_present(base, f)) { /* no member is recordExtensions */
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
    if (mask >> i & 1) {
      if (site)
        w->site = site + i;
      pack_value(w, &t->fields[i], wf_ptr(base, &t->fields[i]));
    }
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

/* A string: varint length and the octets. */
static void pack_octets(struct wr *w, const void *p) {
  wchg_octets o;
  memcpy(&o, p, sizeof o);
  if (!o.ptr && o.len) {
    w->st = w->st ? w->st : WCHG_E_MISSING;
    return;
  }
  if (!may_share(w, o.len) ||
      !share(w, CDF_VAL_STRING, o.ptr, o.len, varint_len(o.len) + o.len, w->b->len)) {
    put_varint(w, o.len);
    put(w, o.ptr, o.len);
  }
}

/* A SEQUENCE OF: varint count, then each element. */
static void pack_list(struct wr *w, const struct wf *f, const void *p) {
  struct wlist l;
  size_t at;
  memcpy(&l, p, sizeof l);
  if (l.count && !l.items) {
    w->st = w->st ? w->st : WCHG_E_MISSING;
    return;
  }
  at = w->b->len;
  w->in_list++;
  put_varint(w, l.count);
  for (size_t i = 0; i < l.count && !w->st; i++)
    pack_value(w, f->elem, (const char *)l.items + i * f->esize);
  w->in_list--;
  if (may_share(w, w->b->len - at))
    share(w, CDF_VAL_LIST, w->b->p + at, w->b->len - at, w->b->len - at, at);
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
  case WK_OCTETS: case WK_OID: case WK_ANY: case WK_TEXT:
    pack_octets(w, p);
    break;
  case WK_TIMESTAMP:
    put(w, ((const wchg_timestamp *)p)->octets, 9);
    break;
  case WK_IPBIN:
    put(w, p, (size_t)f->hi);
    break;
  case WK_STRUCT:
    pack_struct(w, f->type, p, 0);
    break;
  case WK_CHOICE:
    pack_choice(w, f->type, p);
    break;
  case WK_LIST:
    pack_list(w, f, p);
    break;
  }
}

/* An entry's value, written since |from|, is done: its length into the
 * 3 octets at |at|. */
static void put_entry_len(struct wr *w, size_t at, size_t from) {
  size_t n = w->b->len - from;
  if (w->st)
    return;
  if (n > 0xFFFFFF) {
    w->st = WCHG_E_LIMIT;
    return;
  }
  put_u24(w->b->p + at, n);
}

/* One top-level entry: key, length, value. */
static void pack_entry(struct wr *w, unsigned key, const struct wf *f, const void *p) {
  uint8_t hdr[4] = {(uint8_t)key, 0, 0, 0};
  size_t at = w->b->len;
  w->site = key;
  put(w, hdr, 4);
  pack_value(w, f, p);
  put_entry_len(w, at + 1, at + 4);
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

wchg_status cdf_pack_fields(wchg_cdf *c, const wchg_ims_info *ims, uint32_t sess,
                            struct wchgi_buf *out, size_t *xlen, wchg_diag *diag) {
  struct wr w = {c, out, WCHG_OK, sess, 0, 0, 0};
  out->len = 0;
  *xlen = 0;
  for (unsigned i = 0; i < c->norder; i++) {
    const struct wf *f = c->order_f[i];
    const void *p = (const char *)ims + (f->off - IMS_OFF);
    if (!present_fast(c, i, (const char *)ims))
      continue;
    pack_entry(&w, c->order_k[i], f, p);
    if (w.st)
      return pack_fail(w.st, f, diag);
  }
  *xlen = out->len + w.saved;
  return WCHG_OK;
}

wchg_status cdf_pack_media(wchg_cdf *c, const wchg_acr *acr, uint32_t sess,
                           struct wchgi_buf *out, unsigned *count, size_t *xlen,
                           wchg_diag *diag) {
  const wchg_media_components_list_list *l = &acr->ims.list_of_sdp_media_components;
  struct wr w = {c, out, WCHG_OK, sess, 0, 0, 0};
  out->len = 0;
  *count = 0;
  *xlen = 0;
  if (l->count && !l->items)
    return pack_fail(WCHG_E_MISSING, c->media_field, diag);
  for (size_t i = 0; i < l->count; i++) {
    wchg_media_components_list e = l->items[i];
    uint8_t hdr[3] = {0, 0, 0};
    size_t at = out->len;
    cdf_stamp_media(c, acr, &e);
    put(&w, hdr, 3);
    pack_struct(&w, c->media_field->elem->type, &e, 256);
    put_entry_len(&w, at, at + 3);
    if (w.st)
      return pack_fail(w.st, c->media_field, diag);
  }
  *count = (unsigned)l->count;
  *xlen = out->len + w.saved;
  return WCHG_OK;
}

/* ---- merging --------------------------------------------------------------- */

bool cdf_fields_same(const uint8_t *old, size_t old_len, const uint8_t *upd, size_t upd_len,
                     bool start) {
  const uint8_t *a = old, *ae = old + old_len, *b = upd, *be;
  if (!upd_len)
    return true;
  for (be = upd + upd_len; b < be; b += 4 + cdf_u24(b + 1)) {
    while (a < ae && a[0] < b[0])
      a += 4 + cdf_u24(a + 1);
    if (a >= ae || a[0] != b[0])
      return false;
    if ((b[0] != KEY_SIP_METHOD || start) &&
        (cdf_u24(a + 1) != cdf_u24(b + 1) || memcmp(a + 4, b + 4, cdf_u24(b + 1)) != 0))
      return false;
  }
  return true;
}

/* An entry merged: written to |w|'s buffer, or (none) the one left out
 * gives back its shared values. */
static void merged(struct wr *w, const uint8_t *keep, const uint8_t *drop) {
  if (w->b)
    put(w, keep, 4 + cdf_u24(keep + 1));
  else if (drop)
    cdf_release_entry(w->c, drop);
}

wchg_status cdf_merge_fields(wchg_cdf *c, const uint8_t *old, size_t old_len,
                             const uint8_t *upd, size_t upd_len, bool start,
                             struct wchgi_buf *out) {
  const uint8_t *a = old, *ae = old_len ? old + old_len : old, *b = upd,
                *be = upd_len ? upd + upd_len : upd;
  struct wr w = {c, out, WCHG_OK, 0, 0, 0, 0};
  while (a < ae || b < be) {
    size_t an = a < ae ? 4 + cdf_u24(a + 1) : 0, bn = b < be ? 4 + cdf_u24(b + 1) : 0;
    if (b >= be || (a < ae && a[0] < b[0])) {
      merged(&w, a, NULL);
      a += an;
    } else if (a >= ae || b[0] < a[0]) {
      merged(&w, b, NULL);
      b += bn;
    } else if (a[0] == KEY_SIP_METHOD && !start) { /* the record keeps its method */
      merged(&w, a, b);
      a += an;
      b += bn;
    } else { /* else the update wins */
      merged(&w, b, a);
      a += an;
      b += bn;
    }
  }
  return w.st;
}
