/*
 * cdr_enc.c: DER of IMSRecord/pCSCFRecord, written back to front into the
 * caller's buffer (X.690 clause 10) from the tables (schema_tables.h). No
 * allocation. Two writers of the same bytes:
 *
 *  - the types' own functions (below), one per type, the members written
 *    out from the constant tables, so the compiler turns each into the
 *    test and stores of its kind and tag: every record that keeps no value
 *    as received, when it fits the buffer;
 *  - the writer that walks the tables (first): everything else. When the
 *    buffer is too small it keeps counting so the caller learns the size
 *    needed; errors are found on a pass that keeps no field path, then
 *    the record is walked again with paths on to say where.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stddef.h>
#include <string.h>

#include "base/webrtc_ext.h"
#include "base/internal.h"
#include "cdr/schema.h"
#include "cdr/schema_tables.h"

struct enc {
  uint8_t *buf;
  size_t cap;
  size_t n;             /* bytes written so far, counted from the end */
  struct wpath *path;   /* NULL on the fast pass */
  wchg_diag *diag;
  const wchg_cdr *cdr;
  int raw;              /* the record keeps values as received (schema.h) */
};

static inline void put(struct enc *e, const void *src, size_t len) {
  e->n += len;
  if (e->n <= e->cap && len)
    memcpy(e->buf + e->cap - e->n, src, len);
}

static void put_byte(struct enc *e, uint8_t b) { put(e, &b, 1); }

static void put_len(struct enc *e, size_t len) {
  uint8_t tmp[1 + sizeof(size_t)];
  size_t k = sizeof tmp;
  if (len < 0x80) {
    put_byte(e, (uint8_t)len);
    return;
  }
  while (len) {
    tmp[--k] = (uint8_t)len;
    len >>= 8;
  }
  tmp[k - 1] = (uint8_t)(0x80 | (sizeof tmp - k));
  put(e, tmp + k - 1, sizeof tmp - k + 1);
}

static void put_tag(struct enc *e, uint8_t cls, int constructed, uint32_t num) {
  uint8_t tmp[6];
  size_t k = sizeof tmp;
  uint8_t id = (uint8_t)(cls | (constructed ? 0x20 : 0));
  if (num < 31) {
    put_byte(e, (uint8_t)(id | num));
    return;
  }
  tmp[--k] = (uint8_t)(num & 0x7F);
  for (num >>= 7; num; num >>= 7)
    tmp[--k] = (uint8_t)(0x80 | (num & 0x7F));
  tmp[--k] = (uint8_t)(id | 0x1F);
  put(e, tmp + k, sizeof tmp - k);
}

/* Close a TLV whose contents started at mark (counted from the end). */
static inline void put_header(struct enc *e, size_t mark, uint8_t cls, int cons,
                              uint32_t num) {
  size_t len = e->n - mark;
  if (len < 0x80 && num < 31) { /* the common case: two octets */
    e->n += 2;
    if (e->n <= e->cap) {
      uint8_t *p = e->buf + e->cap - e->n;
      p[0] = (uint8_t)(cls | (cons ? 0x20 : 0) | num);
      p[1] = (uint8_t)len;
    }
    return;
  }
  put_len(e, len);
  put_tag(e, cls, cons, num);
}

/* INTEGER contents: the fewest two's complement octets (X.690 8.3.2).
 * >> on a negative value is arithmetic with gcc and clang. */
static void put_int(struct enc *e, int64_t v) {
  uint8_t tmp[8];
  size_t k = sizeof tmp;
  for (;;) {
    int64_t rest = v >> 8;
    tmp[--k] = (uint8_t)v;
    if (k == 0 || (rest == 0 && !(tmp[k] & 0x80)) || (rest == -1 && (tmp[k] & 0x80)))
      break;
    v = rest;
  }
  put(e, tmp + k, sizeof tmp - k);
}

static wchg_status fail(struct enc *e, wchg_status code, const char *what) {
  if (e->path)
    wchgi_diag_set(e->diag, code, 0, WCHG_NO_OFFSET, e->path, "%s", what);
  return code;
}

static wchg_status enc_value(struct enc *e, const struct wf *f, const void *base);

/* Paths are kept only on the second, diagnosing pass. */
static inline size_t push(struct enc *e, const char *name) {
  return WCHG_UNLIKELY(e->path != NULL) && name ? wpath_push(e->path, name) : 0;
}
static inline void pop(struct enc *e, size_t len) {
  if (WCHG_UNLIKELY(e->path != NULL))
    wpath_pop(e->path, len);
}

/* SEQUENCE / SET members, last first. */
static wchg_status enc_members(struct enc *e, const struct wt *t, const void *p) {
  int group_seen = 0;
  for (size_t i = t->nfields; i-- > 0;) {
    const struct wf *m = &t->fields[i];
    if (!wchg_field_present(p, m)) {
      if (m->flags & WF_MANDATORY) {
        size_t old = push(e, m->name);
        wchg_status rc = fail(e, WCHG_E_MISSING, "mandatory field is absent");
        pop(e, old);
        return rc;
      }
      continue;
    }
    if (m->flags & WF_GROUP) {
      if (group_seen++) {
        size_t old = push(e, m->wrap);
        wchg_status rc = fail(e, WCHG_E_CHOICE, "two alternatives of an untagged CHOICE are set");
        pop(e, old);
        return rc;
      }
    }
    if ((m->flags & WF_DEFAULT) &&
        ((const wchg_opt_int *)wf_ptr(p, m))->value == m->dflt &&
        !(e->raw && wchgi_raw_find(e->cdr, m, wf_ptr(p, m))))
      continue; /* X.690 11.5: DER omits a DEFAULT value */
    size_t old = push(e, m->name);
    wchg_status rc = enc_value(e, m, p);
    pop(e, old);
    if (rc)
      return rc;
  }
  return WCHG_OK;
}

/* X.690 11.6: SET OF elements in ascending order of their encodings, the
 * shorter padded with zero octets. */
static int der_cmp(const uint8_t *a, size_t an, const uint8_t *b, size_t bn) {
  size_t n = an < bn ? an : bn;
  int c = memcmp(a, b, n);
  if (c)
    return c;
  for (const uint8_t *r = an > bn ? a + n : b + n, *end = r + (an > bn ? an - n : bn - n);
       r < end; r++)
    if (*r)
      return an > bn ? 1 : -1;
  return 0;
}

/* Length of a TLV this writer produced (definite, well formed). */
static size_t der_tlv_size(const uint8_t *p) {
  size_t i = 1, len = 0;
  if ((p[0] & 0x1F) == 0x1F)
    while (p[i++] & 0x80)
      ;
  if (p[i] < 0x80)
    return i + 1 + p[i];
  for (size_t k = p[i++] & 0x7F; k; k--)
    len = (len << 8) | p[i++];
  return i + len;
}

static void reverse(uint8_t *p, size_t n) {
  for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
    uint8_t t = p[i];
    p[i] = p[j - 1];
    p[j - 1] = t;
  }
}

/* Swap adjacent blocks [a][b] -> [b][a] in place. */
static void rotate(uint8_t *p, size_t a, size_t b) {
  reverse(p, a);
  reverse(p + a, b);
  reverse(p, a + b);
}

static void sort_set_of(uint8_t *p, size_t len) {
  for (int swapped = 1; swapped;) {
    swapped = 0;
    for (size_t off = 0; off < len;) {
      size_t a = der_tlv_size(p + off);
      if (off + a >= len)
        break;
      size_t b = der_tlv_size(p + off + a);
      if (der_cmp(p + off, a, p + off + a, b) > 0) {
        rotate(p + off, a, b);
        off += b;
        swapped = 1;
      } else {
        off += a;
      }
    }
  }
}

/* Our WebRTC extension as one ManagementExtension (webrtc_ext.h). */
static wchg_status enc_webrtc_extension(struct enc *e) {
  size_t seq = e->n, info, inner;
  wchg_status rc;
  info = e->n;
  inner = e->n;
  rc = enc_members(e, &wchgi_webrtc_info_type, e->cdr);
  if (rc)
    return rc;
  put_header(e, inner, TC_UNIVERSAL, 1, UT_SEQUENCE);
  put_header(e, info, TC_CONTEXT, 1, 2); /* information [2], explicit */
  /* significance DEFAULT FALSE: omitted */
  put(e, wchgi_webrtc_oid, sizeof wchgi_webrtc_oid);
  put_len(e, sizeof wchgi_webrtc_oid);
  put_tag(e, TC_UNIVERSAL, 0, UT_OID);
  put_header(e, seq, TC_UNIVERSAL, 1, UT_SEQUENCE);
  return WCHG_OK;
}


static wchg_status enc_list(struct enc *e, const struct wf *f, const void *base) {
  struct wlist l = wf_list(base, f);
  size_t mark = e->n;
  if (l.count && !l.items)
    return fail(e, WCHG_E_ARG, "list has a count but no items");
  for (size_t i = l.count; i-- > 0;) {
    const void *item = (const char *)l.items + i * f->esize;
    size_t old = e->path ? wpath_index(e->path, i) : 0;
    wchg_status rc = enc_value(e, f->elem, item);
    pop(e, old);
    if (rc)
      return rc;
  }
  if ((f->flags & WF_EXTENSIONS) && wchgi_has_webrtc_identity(&e->cdr->ims)) {
    wchg_status rc = enc_webrtc_extension(e);
    if (rc)
      return rc;
  }
  if ((f->flags & WF_SETOF) && e->n <= e->cap && e->n > mark)
    sort_set_of(e->buf + e->cap - e->n, e->n - mark);
  return WCHG_OK;
}

static wchg_status enc_choice(struct enc *e, const struct wt *t, const void *p) {
  int c = wt_choice(p, t);
  if (c < 1 || c > t->nfields)
    return fail(e, WCHG_E_CHOICE, "choice value is not one of the alternatives");
  const struct wf *alt = &t->fields[c - 1];
  size_t old = push(e, alt->name);
  wchg_status rc = enc_value(e, alt, p);
  pop(e, old);
  return rc;
}

/* The TLV of a value of |f| (at p) that the record keeps as received
 * (schema.h), its octets as they came; false when there is none. */
static bool put_raw(struct enc *e, const struct wf *f, const void *p) {
  const struct wchgi_raw *raw;
  size_t mark = e->n;
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL: case WK_NULL: case WK_TIMESTAMP: case WK_IPBIN:
    if (!(raw = wchgi_raw_find(e->cdr, f, p)))
      return false;
    put(e, raw->octets, raw->len);
    put_header(e, mark, f->cls, 0, f->tag);
    return true;
  default:
    return false;
  }
}

/* One TLV: the contents of |f|'s value (base is the struct holding it),
 * then its length and tag. */
static wchg_status enc_value(struct enc *e, const struct wf *f, const void *base) {
  const void *p = wf_ptr(base, f);
  size_t mark = e->n;
  wchg_status rc;
  if (WCHG_UNLIKELY(e->raw) && put_raw(e, f, p))
    return WCHG_OK;
  switch (f->kind) {
  case WK_INT: case WK_ENUM:
    put_int(e, ((const wchg_opt_int *)p)->value);
    break;
  case WK_BOOL:
    put_byte(e, ((const wchg_opt_int *)p)->value ? 0xFF : 0x00);
    break;
  case WK_NULL:
    break;
  case WK_OCTETS: case WK_OID: case WK_TEXT: {
    const wchg_octets *o = p; /* wchg_str has the same layout */
    put(e, o->ptr, o->len);
    break;
  }
  case WK_TIMESTAMP:
    put(e, ((const wchg_timestamp *)p)->octets, 9);
    break;
  case WK_IPBIN:
    put(e, p, (size_t)f->hi);
    break;
  case WK_ANY: { /* the open type is a complete TLV; [2] wraps it */
    const wchg_octets *o = p;
    put(e, o->ptr, o->len);
    put_header(e, mark, f->cls, 1, f->tag);
    return WCHG_OK;
  }
  case WK_STRUCT:
    if ((rc = enc_members(e, f->type, p)))
      return rc;
    put_header(e, mark, f->cls, 1, f->tag);
    return WCHG_OK;
  case WK_LIST:
    if ((rc = enc_list(e, f, base)))
      return rc;
    put_header(e, mark, f->cls, 1, f->tag);
    return WCHG_OK;
  case WK_CHOICE:
    if ((rc = enc_choice(e, f->type, p)))
      return rc;
    if (f->cls != TC_UNIVERSAL || f->tag != 0) /* a tagged CHOICE is explicit */
      put_header(e, mark, f->cls, 1, f->tag);
    return WCHG_OK;
  default:
    return fail(e, WCHG_E_ARG, "unknown field kind");
  }
  put_header(e, mark, f->cls, 0, f->tag);
  return WCHG_OK;
}

static wchg_status enc_record(struct enc *e) {
  size_t mark = e->n;
  wchg_status rc = enc_members(e, &wchgi_pcscf_record_type, e->cdr);
  if (rc)
    return rc;
  /* IMSRecord: pCSCFRecord [64] IMPLICIT PCSCFRecord (a SET) */
  put_header(e, mark, TC_CONTEXT, 1, WCHG_PCSCF_RECORD_TAG);
  return WCHG_OK;
}

/* ---- the writer of the types' own functions ------------------------------
 * For a record that keeps no value as received (schema.h), into a buffer
 * given: each type of the tables has its own function (WT_TYPES), with
 * its members written out one by one from the constant tables
 * (schema_tables.h), so that each member's presence test, kind, offset
 * and tag become code. It stops (NULL) at anything but a record that
 * fits: a structural error or a buffer too small; the table-driven writer
 * above then writes or measures the record and says what. */

/* Room for an identifier (tag numbers below 2^14) and length octets. */
#define HDR_MAX (3 + 1 + sizeof(size_t))

/* lim is HDR_MAX octets past the buffer's start. Is there room for n
 * octets (of an object: n <= PTRDIFF_MAX) and one header in front of p?
 * Each check keeps p at or after the buffer's start, so p - lim may be
 * negative. */
WCHG_INLINE bool fast_room(const uint8_t *lim, const uint8_t *p, size_t n) {
  return WCHG_LIKELY(p - lim >= (ptrdiff_t)n);
}

/* Identifier octets (X.690 8.1.2) in front of p: one or two stores for
 * a constant tag. */
WCHG_INLINE uint8_t *fast_id(uint8_t *p, uint8_t cls, int cons, uint32_t tag) {
  uint8_t id = (uint8_t)(cls | (cons ? 0x20 : 0));
  if (tag < 31) {
    *--p = (uint8_t)(id | tag);
  } else if (tag < 128) {
    p -= 2;
    p[0] = (uint8_t)(id | 0x1F);
    p[1] = (uint8_t)tag;
  } else {
    p -= 3;
    p[0] = (uint8_t)(id | 0x1F);
    p[1] = (uint8_t)(0x80 | tag >> 7);
    p[2] = (uint8_t)(tag & 0x7F);
  }
  return p;
}

static uint8_t *fast_long_len(uint8_t *p, size_t n) {
  uint8_t k = 0;
  for (; n; n >>= 8, k++)
    *--p = (uint8_t)n;
  *--p = (uint8_t)(0x80 | k);
  return p;
}

/* Length octets (X.690 10.1: definite, fewest) in front of p. */
WCHG_INLINE uint8_t *fast_len(uint8_t *p, size_t n) {
  if (WCHG_LIKELY(n < 0x80)) {
    *--p = (uint8_t)n;
    return p;
  }
  return fast_long_len(p, n);
}

/* Close the constructed TLV whose contents start at m. */
WCHG_INLINE uint8_t *fast_close(const uint8_t *lim, uint8_t *p, const uint8_t *m,
                                uint8_t cls, uint32_t tag) {
  if (!p || !fast_room(lim, p, 0))
    return NULL;
  return fast_id(fast_len(p, (size_t)(m - p)), cls, 1, tag);
}

/* A primitive TLV of |f| with n contents octets at src (not NULL). */
WCHG_INLINE uint8_t *fast_prim(const uint8_t *lim, uint8_t *p, const struct wf *f,
                               const void *src, size_t n) {
  if (!fast_room(lim, p, n))
    return NULL;
  p -= n;
  memcpy(p, src, n);
  return fast_id(fast_len(p, n), f->cls, 0, f->tag);
}

/* INTEGER: the fewest two's complement octets (X.690 8.3.2). */
WCHG_INLINE uint8_t *fast_int(const uint8_t *lim, uint8_t *p, const struct wf *f, int64_t v) {
  uint8_t *m = p, n;
  if (!fast_room(lim, p, 8))
    return NULL;
  if ((uint64_t)v < 0x80) { /* one octet, the common case */
    p -= 2;
    p[0] = 1;
    p[1] = (uint8_t)v;
    return fast_id(p, f->cls, 0, f->tag);
  }
  do {
    *--p = (uint8_t)v;
    v >>= 8;
  } while (!((v == 0 && !(*p & 0x80)) || (v == -1 && (*p & 0x80))));
  n = (uint8_t)(m - p);
  *--p = n;
  return fast_id(p, f->cls, 0, f->tag);
}

#define FAST_DECLARE(t) static uint8_t *fast_##t(const uint8_t *, uint8_t *, const void *);
WT_TYPES(FAST_DECLARE)

/* The function of type t (a constant: one call remains). */
WCHG_INLINE uint8_t *fast_type(const uint8_t *lim, uint8_t *p, const struct wt *t,
                               const void *v) {
#define FAST_DISPATCH(x) if (t == &x) return fast_##x(lim, p, v);
  WT_TYPES(FAST_DISPATCH)
  return NULL; /* a type without a function: the table-driven writer */
}

/* The TLV of the present value of |f| in |base|, not a list. */
WCHG_INLINE uint8_t *fast_value(const uint8_t *lim, uint8_t *p, const struct wf *f,
                                const void *base) {
  const void *v = wf_ptr(base, f);
  const wchg_octets *o = v; /* wchg_str has the same layout */
  const uint8_t *m = p;
  uint8_t b;
  switch (f->kind) {
  case WK_INT: case WK_ENUM:
    return fast_int(lim, p, f, ((const wchg_opt_int *)v)->value);
  case WK_BOOL:
    b = ((const wchg_opt_int *)v)->value ? 0xFF : 0x00;
    return fast_prim(lim, p, f, &b, 1);
  case WK_NULL:
    return fast_room(lim, p, 0) ? fast_id(fast_len(p, 0), f->cls, 0, f->tag) : NULL;
  case WK_OCTETS: case WK_OID: case WK_TEXT:
    return fast_prim(lim, p, f, o->ptr, o->len);
  case WK_TIMESTAMP:
    return fast_prim(lim, p, f, ((const wchg_timestamp *)v)->octets, 9);
  case WK_IPBIN:
    return fast_prim(lim, p, f, v, (size_t)f->hi);
  case WK_ANY: /* the open type is a complete TLV; [2] wraps it */
    if (!fast_room(lim, p, o->len))
      return NULL;
    memcpy(p -= o->len, o->ptr, o->len);
    return fast_close(lim, p, m, f->cls, f->tag);
  case WK_STRUCT:
    return fast_close(lim, fast_type(lim, p, f->type, v), m, f->cls, f->tag);
  case WK_CHOICE:
    p = fast_type(lim, p, f->type, v);
    if (f->cls == TC_UNIVERSAL && f->tag == 0) /* untagged */
      return p;
    return fast_close(lim, p, m, f->cls, f->tag); /* a tagged CHOICE is explicit */
  }
  return NULL;
}

static uint8_t *fast_extensions(const uint8_t *lim, uint8_t *p, const wchg_cdr *cdr,
                                size_t others, const uint8_t *m);

/* The TLV of the present list |f| in |base|: its elements last first. */
WCHG_INLINE uint8_t *fast_list(const uint8_t *lim, uint8_t *p, const struct wf *f,
                               const void *base) {
  struct wlist l = wf_list(base, f);
  const char *it = (const char *)l.items + l.count * f->esize;
  const uint8_t *m = p;
  if (l.count && !l.items)
    return NULL;
  while (it != l.items) {
    it -= f->esize;
    if (!(p = fast_value(lim, p, f->elem, it)))
      return NULL;
  }
  if (f->flags & WF_EXTENSIONS)
    p = fast_extensions(lim, p, base, l.count, m);
  return fast_close(lim, p, m, f->cls, f->tag);
}

/* A member of a SEQUENCE or SET: nothing when absent or its DEFAULT
 * (X.690 11.5), else its TLV; NULL for a mandatory one absent or a second
 * alternative of an untagged CHOICE. */
WCHG_INLINE uint8_t *fast_member(const uint8_t *lim, uint8_t *p, const struct wf *f,
                                 const void *base, int *group) {
  if (!p)
    return NULL;
  if (!wchg_field_present(base, f))
    return (f->flags & WF_MANDATORY) ? NULL : p;
  if ((f->flags & WF_GROUP) && (*group)++)
    return NULL;
  if ((f->flags & WF_DEFAULT) && ((const wchg_opt_int *)wf_ptr(base, f))->value == f->dflt)
    return p;
  if (f->kind == WK_LIST)
    return fast_list(lim, p, f, base);
  return fast_value(lim, p, f, base);
}

/* Member i from the end of t when it has one. */
WCHG_INLINE uint8_t *fast_nth(const uint8_t *lim, uint8_t *p, const struct wt *t, int i,
                              const void *v, int *group) {
  if (i >= t->nfields)
    return p;
  return fast_member(lim, p, &t->fields[t->nfields - 1 - i], v, group);
}

/* Alternative k of CHOICE t when it is the one chosen (c), else r. */
WCHG_INLINE uint8_t *fast_alt(const uint8_t *lim, uint8_t *p, const struct wt *t, int k,
                              int c, const void *v, uint8_t *r) {
  if (k >= t->nfields || c != k + 1)
    return r;
  return fast_value(lim, p, &t->fields[k], v);
}

/* The members of a SEQUENCE or SET, last first, or the alternative of a
 * CHOICE, written out one by one (WT_EACH64, WT_EACH8). */
#define FAST_NTH(i) p = fast_nth(lim, p, t, i, v, &group);
#define FAST_ALT(k) r = fast_alt(lim, p, t, k, c, v, r);
WCHG_INLINE uint8_t *fast_contents(const uint8_t *lim, uint8_t *p, const struct wt *t,
                                   const void *v) {
  int group = 0, c;
  uint8_t *r = NULL; /* not one of the alternatives */
  if (t->kind == WK_CHOICE) {
    if (t->nfields > WT_MAX_ALTS)
      return NULL;
    c = wt_choice(v, t);
    WT_EACH8(FAST_ALT, 0)
    return r;
  }
  if (t->nfields > WT_MAX_MEMBERS)
    return NULL;
  WT_EACH64(FAST_NTH)
  return p;
}

#define FAST_DEFINE(t)                                                         \
  static uint8_t *fast_##t(const uint8_t *lim, uint8_t *p, const void *v) {    \
    return fast_contents(lim, p, &t, v);                                       \
  }
WT_TYPES(FAST_DEFINE)

/* recordExtensions after the |others|: ours, then the SET OF in order
 * (X.690 11.6); m is where the list's contents end. */
static uint8_t *fast_extensions(const uint8_t *lim, uint8_t *p, const wchg_cdr *cdr,
                                size_t others, const uint8_t *m) {
  uint8_t *seq = p, *info = p;
  if (!wchgi_has_webrtc_identity(&cdr->ims))
    return p;
  p = fast_close(lim, fast_webrtc_info_type(lim, p, cdr), info, TC_UNIVERSAL, UT_SEQUENCE);
  p = fast_close(lim, p, info, TC_CONTEXT, 2); /* information [2], explicit */
  /* significance DEFAULT FALSE: omitted */
  if (p)
    p = fast_prim(lim, p, &management_extension_type.fields[0], wchgi_webrtc_oid,
                  sizeof wchgi_webrtc_oid);
  p = fast_close(lim, p, seq, TC_UNIVERSAL, UT_SEQUENCE);
  if (p && others)
    sort_set_of(p, (size_t)(m - p));
  return p;
}

/* The record into buf (cap bytes): true, or false when it did not. */
static bool encode_fast(const wchg_cdr *cdr, uint8_t *buf, size_t cap, size_t *len) {
  uint8_t *end = buf + cap, *lim, *p;
  if (cap < HDR_MAX)
    return false;
  lim = buf + HDR_MAX;
  p = fast_pcscf_record_type(lim, end, cdr);
  /* IMSRecord: pCSCFRecord [64] IMPLICIT PCSCFRecord (a SET) */
  p = fast_close(lim, p, end, TC_CONTEXT, WCHG_PCSCF_RECORD_TAG);
  if (!p)
    return false;
  *len = (size_t)(end - p);
  memmove(buf, p, *len);
  return true;
}

/* The record by the types' own functions when it may (fast), else or
 * when they stop by the tables, which say what went wrong. */
static wchg_status encode(const wchg_cdr *cdr, uint8_t *buf, size_t cap, size_t *len,
                          wchg_diag *diag, bool fast) {
  struct enc e = {buf, buf ? cap : 0, 0, NULL, diag, cdr, wchgi_raw_any(cdr)};
  wchgi_diag_clear(diag);
  if (!cdr || !len || (!buf && cap)) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s", "a required argument is NULL or out of range");
    return WCHG_E_ARG;
  }
  if (fast && buf && !e.raw && encode_fast(cdr, buf, cap, len))
    return WCHG_OK;
  wchg_status rc = enc_record(&e);
  if (rc) {
    struct wpath path;
    struct enc again = {NULL, 0, 0, &path, diag, cdr, e.raw};
    wpath_init(&path, "pCSCFRecord");
    enc_record(&again);
    return rc;
  }
  *len = e.n;
  if (e.n > e.cap) {
    struct wpath path;
    wpath_init(&path, "pCSCFRecord");
    wchgi_diag_set(diag, WCHG_E_BUFFER, 0, WCHG_NO_OFFSET, &path,
                  "the encoding needs %zu bytes, the buffer has %zu", e.n, e.cap);
    return WCHG_E_BUFFER;
  }
  memmove(buf, buf + cap - e.n, e.n);
  return WCHG_OK;
}

wchg_status wchg_cdr_encode(const wchg_cdr *cdr, uint8_t *buf, size_t cap,
                            size_t *len, wchg_diag *diag) {
  return encode(cdr, buf, cap, len, diag, true);
}

wchg_status wchgi_cdr_encode_tables(const wchg_cdr *cdr, uint8_t *buf, size_t cap,
                                    size_t *len, wchg_diag *diag) {
  return encode(cdr, buf, cap, len, diag, false);
}

void wchg_cdr_init(wchg_cdr *cdr) {
  if (!cdr)
    return;
  memset(cdr, 0, sizeof *cdr);
  cdr->record_type = (wchg_opt_int){true, WCHG_RECORD_TYPE_PCSCF};
}
