/*
 * cdr_enc.c: DER of IMSRecord/pCSCFRecord, written back to front into the
 * caller's buffer (X.690 clause 10), driven by the tables in schema.c.
 * No allocation. When the buffer is too small the writer keeps counting
 * so the caller learns the size needed.
 *
 * Errors are found on a fast pass that keeps no field path; when one is
 * found the record is walked again with paths on to say where.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/webrtc_ext.h"
#include "base/internal.h"
#include "cdr/schema.h"

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

wchg_status wchg_cdr_encode(const wchg_cdr *cdr, uint8_t *buf, size_t cap,
                            size_t *len, wchg_diag *diag) {
  struct enc e = {buf, buf ? cap : 0, 0, NULL, diag, cdr, wchgi_raw_any(cdr)};
  wchgi_diag_clear(diag);
  if (!cdr || !len || (!buf && cap)) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s", "a required argument is NULL or out of range");
    return WCHG_E_ARG;
  }
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

void wchg_cdr_init(wchg_cdr *cdr) {
  if (!cdr)
    return;
  memset(cdr, 0, sizeof *cdr);
  cdr->record_type = (wchg_opt_int){true, WCHG_RECORD_TYPE_PCSCF};
}
