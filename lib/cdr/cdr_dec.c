/*
 * cdr_dec.c: bounded BER reader of IMSRecord/pCSCFRecord (X.690 clause
 * 8), driven by the tables in schema.c. Definite and indefinite lengths
 * and constructed strings are accepted; every length is checked against
 * its parent, depth and counts are limited, and the first problem is
 * reported with its byte offset and field path.
 *
 * Two policies (common.h). What makes the bytes unreadable stops both:
 * tags (unknown, out of order, twice, a mandatory one absent, a primitive
 * type in constructed form), lengths, nesting, truncation, limits. A value
 * that is readable but breaks its field's rules (ranges, names, sizes,
 * alphabets, TimeStamp digits, the form of an INTEGER, BOOLEAN, NULL or
 * OBJECT IDENTIFIER) stops the strict policy; the receive policy keeps it
 * as received (ber_raw.c when the model cannot hold its octets) and adds a
 * warning. Another IMSRecord alternative gives WCHG_E_OTHER_RECORD.
 *
 * Decoding runs without field paths; after a failure (other than out of
 * memory), or when warnings are asked for and there were some, it runs
 * again with paths on to say where. A record in the form DER gives is
 * read first by the types' own functions (below), made from the constant
 * tables (schema_tables.h); they decline anything else, and the reader
 * that walks the tables reads it from the start.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "base/webrtc_ext.h"
#include "base/internal.h"
#include "cdr/schema.h"
#include "cdr/schema_tables.h"

struct dec {
  const uint8_t *start, *stop;   /* the whole input */
  struct wchg_owner *o;
  wchg_cdr *cdr;
  struct wpath *path;            /* NULL on the fast pass */
  wchg_diag *diag;
  size_t elements;               /* list elements so far */
  int depth;
  const uint8_t *any_at, *any_end; /* the last open-type value read */
  int found_ours;                  /* our WebRTC extension was seen */
  wchg_policy policy;
  int check_values;                /* judge the field rules (strict, or
                                      warnings asked for): else a receive
                                      decode keeps every value unlooked-at */
  wchg_warnings *warn;             /* receive: where warnings go (path pass) */
  size_t warned;                   /* receive: values kept against a rule */
};

struct tlv {
  uint8_t cls;         /* TC_* bits of the identifier */
  uint8_t cons;        /* constructed */
  uint32_t tag;
  const uint8_t *at;   /* identifier octet */
  const uint8_t *val;  /* contents */
  const uint8_t *lim;  /* end of contents when definite, else the parent's limit */
  uint8_t indef;
};

static wchg_status err(struct dec *d, wchg_status code, const uint8_t *at,
                       const char *fmt, ...) WCHG_PRINTF(4, 5);
static wchg_status err(struct dec *d, wchg_status code, const uint8_t *at,
                       const char *fmt, ...) {
  if (d->path) { /* only the diagnosing pass says where */
    char msg[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    wchgi_diag_set(d->diag, code, 0, (size_t)(at - d->start), d->path, "%s", msg);
  }
  return code;
}
#define ERR(d, code, at, msg) err(d, code, at, "%s", msg)

/* A value the bytes give but its field's rules refuse: the strict policy
 * stops here; the receive policy keeps it and warns (with its path on the
 * pass that has paths). */
static wchg_status judge(struct dec *d, wchg_status code, const uint8_t *at,
                         const char *msg) {
  if (d->policy == WCHG_POLICY_STRICT)
    return ERR(d, code, at, msg);
  d->warned++;
  if (d->path)
    wchgi_warn(d->warn, code, 0, (size_t)(at - d->start), d->path->buf, "%s", msg);
  return WCHG_OK;
}

/* The rules of the value just decoded at p (wchgi_value_check), judged. */
struct judging {
  struct dec *d;
  const uint8_t *at;
  wchg_status rc;
};

static void judge_one(void *ctx, wchg_status code, const char *msg) {
  struct judging *j = ctx;
  if (j->rc == WCHG_OK)
    j->rc = judge(j->d, code, j->at, msg);
}

static wchg_status judge_value(struct dec *d, const struct wf *f, const void *p,
                               const uint8_t *at) {
  struct judging j = {d, at, WCHG_OK};
  if (d->check_values)
    wchgi_value_check(f, p, judge_one, &j);
  return j.rc;
}

/* Contents octets c (n) of a primitive value of f into the model at p:
 * as they are when the model holds them, else (receive policy) kept as
 * received beside a stand-in. */
static wchg_status dec_octets(struct dec *d, const struct wf *f, void *p,
                              const uint8_t *at, const uint8_t *c, size_t n) {
  char msg[128];
  wchg_status rc = wchgi_raw_problem(f, c, n, msg, sizeof msg);
  if (rc == WCHG_OK) {
    wchgi_raw_model(f, p, c, n);
    return judge_value(d, f, p, at);
  }
  if ((rc = judge(d, rc, at, msg)))
    return rc;
  wchgi_raw_model(f, p, c, n);
  return wchgi_raw_add(d->cdr, p, c, n);
}

static size_t push(struct dec *d, const char *name) {
  return d->path && name ? wpath_push(d->path, name) : 0;
}
static size_t push_index(struct dec *d, size_t i) {
  return d->path ? wpath_index(d->path, i) : 0;
}
static void pop(struct dec *d, size_t len) {
  if (d->path)
    wpath_pop(d->path, len);
}

/* Running out of octets at lim: the input is cut short when lim is its
 * end, otherwise the enclosing element's length is wrong. */
#define SHORT(d, lim) ((lim) == (d)->stop ? WCHG_E_TRUNCATED : WCHG_E_LENGTH)

/* Read the identifier and length at p, inside [p, lim): every form. */
static wchg_status read_tlv_any(struct dec *d, const uint8_t *p, const uint8_t *lim,
                                struct tlv *t) {
  t->at = p;
  if (p >= lim)
    return ERR(d, SHORT(d, lim), p, "an element was expected here");
  t->cls = *p & 0xC0;
  t->cons = (*p & 0x20) != 0;
  t->tag = *p++ & 0x1F;
  if (t->tag == 0x1F) { /* high tag number form, X.690 8.1.2.4 */
    uint32_t num = 0;
    int n = 0;
    do {
      if (p >= lim)
        return ERR(d, SHORT(d, lim), t->at, "the tag number is cut short");
      if ((n == 0 && *p == 0x80) || ++n > 4)
        return ERR(d, WCHG_E_TAG, t->at, "the tag number is not minimal or too large");
      num = (num << 7) | (*p & 0x7F);
    } while (*p++ & 0x80);
    if (num < 31)
      return ERR(d, WCHG_E_TAG, t->at, "a tag number below 31 in the long form");
    t->tag = num;
  }
  if (p >= lim)
    return ERR(d, SHORT(d, lim), t->at, "the length octets are missing");
  uint8_t b = *p++;
  t->indef = 0;
  if (b < 0x80) {
    t->val = p;
    if ((size_t)(lim - p) < b)
      goto overrun;
    t->lim = p + b;
    return WCHG_OK;
  }
  if (b == 0x80) {
    if (!t->cons)
      return ERR(d, WCHG_E_LENGTH, t->at, "indefinite length on a primitive value");
    t->indef = 1;
    t->val = p;
    t->lim = lim;
    return WCHG_OK;
  }
  if (b == 0xFF)
    return ERR(d, WCHG_E_LENGTH, t->at, "the length octet 0xFF is reserved");
  size_t n = b & 0x7F, len = 0;
  if ((size_t)(lim - p) < n)
    return ERR(d, SHORT(d, lim), t->at, "the length octets are cut short");
  for (; n; n--) {
    if (len > (SIZE_MAX >> 8))
      return ERR(d, WCHG_E_LENGTH, t->at, "the length is larger than any input");
    len = (len << 8) | *p++;
  }
  t->val = p;
  if ((size_t)(lim - p) < len)
    goto overrun;
  t->lim = p + len;
  return WCHG_OK;
overrun:
  return ERR(d, SHORT(d, lim), t->at, "the length runs past the end of the enclosing element");
}

/* Read the identifier and length at p, inside [p, lim). Inline for the
 * common forms: a tag number below 128 (X.690 8.1.2) and a short
 * definite length (8.1.3.4) that fits; read_tlv_any does the rest. */
WCHG_INLINE wchg_status read_tlv(struct dec *d, const uint8_t *p, const uint8_t *lim,
                                 struct tlv *t) {
  size_t k = lim - p >= 3 && (p[0] & 0x1F) == 0x1F; /* one octet of a long tag number */
  if (WCHG_LIKELY(lim - p >= 3 && (!k || (p[1] >= 31 && p[1] < 0x80)) && p[1 + k] < 0x80 &&
                  (size_t)(lim - p) - 2 - k >= p[1 + k])) {
    t->at = p;
    t->cls = p[0] & 0xC0;
    t->cons = (p[0] & 0x20) != 0;
    t->tag = k ? p[1] : (uint32_t)(p[0] & 0x1F);
    t->indef = 0;
    t->val = p + 2 + k;
    t->lim = t->val + p[1 + k];
    return WCHG_OK;
  }
  return read_tlv_any(d, p, lim, t);
}

/* Iteration over the elements of a constructed value. */
struct iter {
  const uint8_t *p, *lim;
  uint8_t indef;
};

static void iter_init(struct iter *it, const struct tlv *t) {
  it->p = t->val;
  it->lim = t->lim;
  it->indef = t->indef;
}

/* 1: *t holds the next element; 0: done (it->p is the end); <0: error. */
static int iter_next(struct dec *d, struct iter *it, struct tlv *t) {
  if (it->indef) {
    if (it->lim - it->p >= 2 && it->p[0] == 0 && it->p[1] == 0) {
      it->p += 2; /* end-of-contents */
      return 0;
    }
    if (it->p >= it->lim)
      return ERR(d, SHORT(d, it->lim), it->p, "the end-of-contents octets are missing");
  } else if (it->p >= it->lim) {
    return 0;
  }
  wchg_status rc = read_tlv(d, it->p, it->lim, t);
  if (rc)
    return rc;
  if (t->cls == 0 && t->tag == 0)
    return ERR(d, WCHG_E_TAG, t->at, "an end-of-contents where none may be");
  return 1;
}

static wchg_status enter(struct dec *d, const uint8_t *at) {
  if (++d->depth > WCHG_BER_MAX_DEPTH)
    return err(d, WCHG_E_DEPTH, at, "nesting deeper than %zu levels", (size_t)WCHG_BER_MAX_DEPTH);
  return WCHG_OK;
}

/* Each element of the constructed value t, one level deeper (enter):
 * |each| reads the element *c and sets *next to the first octet after it;
 * *end is the first octet after t. */
typedef wchg_status each_fn(struct dec *d, const struct tlv *c, const uint8_t **next,
                            void *arg);

static wchg_status each_element(struct dec *d, const struct tlv *t, each_fn *each, void *arg,
                                const uint8_t **end) {
  struct iter it;
  struct tlv c;
  int r;
  wchg_status rc = enter(d, t->at);
  if (rc)
    return rc;
  iter_init(&it, t);
  while ((r = iter_next(d, &it, &c)) == 1)
    if ((rc = each(d, &c, &it.p, arg)))
      return rc;
  d->depth--;
  *end = it.p;
  return r;
}

static wchg_status skip(struct dec *d, const struct tlv *t, const uint8_t **end);

static wchg_status skip_element(struct dec *d, const struct tlv *c, const uint8_t **next,
                                void *arg) {
  (void)arg;
  return skip(d, c, next);
}

/* Skip the element t; *end is the first octet after it. */
static wchg_status skip(struct dec *d, const struct tlv *t, const uint8_t **end) {
  if (!t->indef) {
    *end = t->lim;
    return WCHG_OK;
  }
  return each_element(d, t, skip_element, NULL, end);
}

static wchg_status gather(struct dec *d, const struct tlv *t, uint8_t *out,
                          size_t *n, const uint8_t **end);

/* Where gather puts the octets: out (may be NULL) and the count so far. */
struct gathering {
  uint8_t *out;
  size_t *n;
};

static wchg_status gather_segment(struct dec *d, const struct tlv *c, const uint8_t **next,
                                  void *arg) {
  struct gathering *g = arg;
  if (c->cls != TC_UNIVERSAL || c->tag != UT_OCTETS)
    return ERR(d, WCHG_E_TAG, c->at, "a string segment must be an OCTET STRING");
  return gather(d, c, g->out, g->n, next);
}

/* The octets of a string value, joining BER constructed segments. With
 * out == NULL only the total is counted. */
static wchg_status gather(struct dec *d, const struct tlv *t, uint8_t *out,
                          size_t *n, const uint8_t **end) {
  struct gathering g = {out, n};
  if (!t->cons) {
    size_t len = (size_t)(t->lim - t->val);
    if (out)
      memcpy(out + *n, t->val, len);
    *n += len;
    *end = t->lim;
    return WCHG_OK;
  }
  return each_element(d, t, gather_segment, &g, end);
}

/* Copy a string value into the arena (NUL-terminated). */
static wchg_status get_string(struct dec *d, const struct tlv *t,
                              const uint8_t **ptr, size_t *len, const uint8_t **end) {
  size_t n = 0;
  wchg_status rc;
  if (!t->cons) { /* the common case: one primitive */
    n = (size_t)(t->lim - t->val);
    *end = t->lim;
    if (!(*ptr = wchgi_owner_dup(d->o, t->val, n)))
      return WCHG_E_NOMEM;
    *len = n;
    return WCHG_OK;
  }
  if ((rc = gather(d, t, NULL, &n, end)))
    return rc;
  uint8_t *buf = wchgi_owner_alloc(d->o, n + 1);
  if (!buf)
    return WCHG_E_NOMEM;
  n = 0;
  if ((rc = gather(d, t, buf, &n, end)))
    return rc;
  *ptr = buf;
  *len = n;
  return WCHG_OK;
}

static wchg_status dec_value(struct dec *d, const struct wf *f, void *base,
                             const struct tlv *t, const uint8_t **end);

static int tag_matches(const struct wf *f, const struct tlv *t) {
  return t->cls == f->cls && t->tag == f->tag;
}

/* Index of the alternative of CHOICE type ct whose tag is t's, or -1. */
static int find_alt(const struct wt *ct, const struct tlv *t) {
  for (int i = 0; i < ct->nfields; i++)
    if (tag_matches(&ct->fields[i], t))
      return i;
  return -1;
}

/* Decode the alternative in t into the CHOICE struct p. */
static wchg_status dec_alt(struct dec *d, const struct wt *ct, void *p,
                           const struct tlv *t, const uint8_t **end) {
  int i = find_alt(ct, t);
  if (i < 0)
    return err(d, WCHG_E_TAG, t->at, "tag [%u] is not an alternative of this CHOICE", (unsigned)t->tag);
  int c = i + 1;
  memcpy((char *)p + ct->choice_off, &c, sizeof c);
  size_t old = push(d, ct->fields[i].name);
  wchg_status rc = dec_value(d, &ct->fields[i], p, t, end);
  pop(d, old);
  return rc;
}

/* The explicit wrapper of a tagged CHOICE or open type: one element inside. */
static wchg_status unwrap(struct dec *d, const struct tlv *t, struct tlv *inner,
                          struct iter *it) {
  if (!t->cons)
    return ERR(d, WCHG_E_ENCODING, t->at, "an explicit tag must be constructed");
  iter_init(it, t);
  int r = iter_next(d, it, inner);
  if (r == 0)
    return ERR(d, WCHG_E_MISSING, t->at, "the explicit tag holds no value");
  return r < 0 ? r : WCHG_OK;
}

static wchg_status unwrap_end(struct dec *d, struct iter *it, const uint8_t *after,
                              const uint8_t **end) {
  struct tlv extra;
  it->p = after;
  int r = iter_next(d, it, &extra);
  if (r == 1)
    return ERR(d, WCHG_E_TRAILING, extra.at, "a second value inside an explicit tag");
  if (r < 0)
    return r;
  *end = it->p;
  return WCHG_OK;
}

static wchg_status dec_members(struct dec *d, const struct wt *st, void *p,
                               const struct tlv *t, const uint8_t **end);

static wchg_status dec_extension(struct dec *d, void *item, int *ours);

static wchg_status dec_list(struct dec *d, const struct wf *f, void *base,
                            const struct tlv *t, const uint8_t **end) {
  struct iter it;
  struct tlv c;
  size_t count = 0, i = 0;
  int r;
  const uint8_t *e;
  wchg_status rc;

  if (!t->cons)
    return ERR(d, WCHG_E_ENCODING, t->at, "a SEQUENCE OF must be constructed");
  if ((rc = enter(d, t->at)))
    return rc;
  iter_init(&it, t); /* first pass: count */
  while ((r = iter_next(d, &it, &c)) == 1) {
    if (++count > WCHG_BER_MAX_LIST)
      return err(d, WCHG_E_LIMIT, c.at, "more than %zu list elements", (size_t)WCHG_BER_MAX_LIST);
    if ((rc = skip(d, &c, &it.p)))
      return rc;
  }
  if (r < 0)
    return r;
  if (count > WCHG_BER_MAX_ELEMENTS - d->elements)
    return err(d, WCHG_E_LIMIT, t->at, "more than %zu list elements in the record", (size_t)WCHG_BER_MAX_ELEMENTS);
  d->elements += count;
  char *items = wchgi_owner_alloc(d->o, count * f->esize);
  if (!items)
    return WCHG_E_NOMEM;
  iter_init(&it, t); /* second pass: decode */
  for (size_t pos = 0; (r = iter_next(d, &it, &c)) == 1; pos++) {
    void *item = items + i * f->esize;
    size_t old = push_index(d, pos); /* the position in the input */
    rc = dec_value(d, f->elem, item, &c, &e);
    if (!rc && (f->flags & WF_EXTENSIONS)) {
      int ours = 0;
      rc = dec_extension(d, item, &ours);
      if (ours) { /* mapped onto ims.webrtc_*: not kept in the list */
        wchgi_raw_drop(d->cdr, item, f->esize); /* the slot is the next's */
        memset(item, 0, f->esize);
        i--;
      }
    }
    pop(d, old);
    if (rc)
      return rc;
    it.p = e;
    i++;
  }
  if (r < 0)
    return r;
  if ((f->flags & WF_EXTENSIONS) && i == 0 && d->found_ours)
    items = NULL; /* only ours: the identities say it all */
  struct wlist l = {items, i};
  memcpy(wf_ptr(base, f), &l, sizeof l);
  d->depth--;
  *end = it.p;
  return WCHG_OK;
}

/* A string-like value into its storage. */
static wchg_status dec_string(struct dec *d, const struct wf *f, void *p,
                              const struct tlv *t, const uint8_t **end) {
  const uint8_t *ptr;
  size_t len;
  wchg_status rc = get_string(d, t, &ptr, &len, end);
  if (rc)
    return rc;
  switch (f->kind) {
  case WK_TIMESTAMP: case WK_IPBIN:
    return dec_octets(d, f, p, t->at, ptr, len);
  case WK_TEXT:
    *(wchg_str *)p = (wchg_str){(const char *)ptr, len};
    break;
  default:
    *(wchg_octets *)p = (wchg_octets){ptr, len};
    break;
  }
  return judge_value(d, f, p, t->at);
}

/* INTEGER, ENUMERATED, BOOLEAN, NULL and OBJECT IDENTIFIER have only
 * the primitive form (X.690 8.3.1, 8.4, 8.2.1, 8.8.1, 8.19.1): a
 * constructed one is a different identifier octet, so it stops both
 * policies; what its contents hold is judged. */
static wchg_status dec_prim(struct dec *d, const struct wf *f, void *p,
                            const struct tlv *t, const uint8_t **end) {
  static const char *const what[] = {
      [WK_INT] = "an INTEGER", [WK_ENUM] = "an ENUMERATED", [WK_BOOL] = "a BOOLEAN",
      [WK_NULL] = "a NULL", [WK_OID] = "an OBJECT IDENTIFIER"};
  *end = t->lim;
  if (f->kind > WK_OID || !what[f->kind])
    return ERR(d, WCHG_E_ARG, t->at, "unknown field kind");
  if (t->cons)
    return err(d, WCHG_E_ENCODING, t->at, "%s must be primitive", what[f->kind]);
  if (f->kind == WK_OID)
    return dec_string(d, f, p, t, end);
  return dec_octets(d, f, p, t->at, t->val, (size_t)(t->lim - t->val));
}

/* Decode the value t of field f into its storage in base. */
static wchg_status dec_value(struct dec *d, const struct wf *f, void *base,
                             const struct tlv *t, const uint8_t **end) {
  void *p = wf_ptr(base, f);
  struct iter it;
  struct tlv inner;
  const uint8_t *e;
  wchg_status rc;

  switch (f->kind) {
  case WK_OCTETS: case WK_TEXT: case WK_TIMESTAMP: case WK_IPBIN:
    return dec_string(d, f, p, t, end);
  case WK_STRUCT:
    return dec_members(d, f->type, p, t, end);
  case WK_LIST:
    return dec_list(d, f, base, t, end);
  case WK_CHOICE:
    if (f->cls == TC_UNIVERSAL && f->tag == 0) /* untagged */
      return dec_alt(d, f->type, p, t, end);
    if ((rc = unwrap(d, t, &inner, &it)) || (rc = enter(d, t->at)) ||
        (rc = dec_alt(d, f->type, p, &inner, &e)))
      return rc;
    d->depth--;
    return unwrap_end(d, &it, e, end);
  case WK_ANY: {
    if ((rc = unwrap(d, t, &inner, &it)) || (rc = skip(d, &inner, &e)))
      return rc;
    uint8_t *copy = wchgi_owner_dup(d->o, inner.at, (size_t)(e - inner.at));
    if (!copy)
      return WCHG_E_NOMEM;
    *(wchg_octets *)p = (wchg_octets){copy, (size_t)(e - inner.at)};
    d->any_at = inner.at;
    d->any_end = e;
    return unwrap_end(d, &it, e, end);
  }
  default:
    return dec_prim(d, f, p, t, end);
  }
}

/* Which member of st does t belong to, starting the search at from. */
static int find_member(const struct wt *st, const struct tlv *t, int from) {
  if (st->is_set) { /* members are in tag order: binary search */
    int lo = 0, hi = st->nfields - 1;
    while (lo <= hi) {
      int mid = (lo + hi) / 2;
      const struct wf *m = &st->fields[mid];
      if (m->cls == t->cls && m->tag == t->tag)
        return mid;
      if (m->cls < t->cls || (m->cls == t->cls && m->tag < t->tag))
        lo = mid + 1;
      else
        hi = mid - 1;
    }
    return -1;
  }
  for (int i = from; i < st->nfields; i++)
    if (tag_matches(&st->fields[i], t))
      return i;
  return -1;
}

static wchg_status missing(struct dec *d, const struct wf *m, const uint8_t *at) {
  size_t old = push(d, m->name);
  wchg_status rc = ERR(d, WCHG_E_MISSING, at, "a mandatory member is absent");
  pop(d, old);
  return rc;
}

static wchg_status dec_members(struct dec *d, const struct wt *st, void *p,
                               const struct tlv *t, const uint8_t **end) {
  struct iter it;
  struct tlv c;
  uint64_t seen[2] = {0, 0}; /* members decoded, by index (<= 128 members) */
  int next = 0, group = 0, r;
  wchg_status rc;

  if (!t->cons)
    return ERR(d, WCHG_E_ENCODING, t->at, "a SEQUENCE or SET must be constructed");
  if ((rc = enter(d, t->at)))
    return rc;
  iter_init(&it, t);
  while ((r = iter_next(d, &it, &c)) == 1) {
    int i = find_member(st, &c, next);
    if (i < 0)
      return err(d, WCHG_E_TAG, c.at, st->is_set || find_member(st, &c, 0) < 0
                 ? "tag [%u] is not a member here" : "tag [%u] is out of order", (unsigned)c.tag);
    const struct wf *m = &st->fields[i];
    if (seen[i / 64] & (1ull << (i % 64))) {
      size_t old = push(d, m->name);
      rc = ERR(d, WCHG_E_DUPLICATE, c.at, "the member occurs twice");
      pop(d, old);
      return rc;
    }
    if ((m->flags & WF_GROUP) && group++) {
      size_t old = push(d, m->wrap);
      rc = ERR(d, WCHG_E_CHOICE, c.at, "two alternatives of an untagged CHOICE");
      pop(d, old);
      return rc;
    }
    for (int k = next; !st->is_set && k < i; k++)
      if (st->fields[k].flags & WF_MANDATORY)
        return missing(d, &st->fields[k], c.at);
    seen[i / 64] |= 1ull << (i % 64);
    size_t old = push(d, m->name);
    rc = dec_value(d, m, p, &c, &it.p);
    pop(d, old);
    if (rc)
      return rc;
    next = i + 1;
  }
  if (r < 0)
    return r;
  for (int k = 0; k < st->nfields; k++)
    if ((st->fields[k].flags & WF_MANDATORY) && !(seen[k / 64] & (1ull << (k % 64))))
      return missing(d, &st->fields[k], t->at);
  if (st->present_off >= 0)
    *(bool *)((char *)p + st->present_off) = true;
  d->depth--;
  *end = it.p;
  return WCHG_OK;
}

/* A decoded ManagementExtension: if it is ours, read the identities into
 * the record (webrtc_ext.h), from the input, and tell the caller to drop
 * the extension from the list. */
static wchg_status dec_extension(struct dec *d, void *item, int *ours) {
  const wchg_management_extension *x = item;
  struct tlv t;
  const uint8_t *e;
  wchg_status rc;
  if (!wchgi_is_webrtc_oid(x->identifier.ptr, x->identifier.len))
    return WCHG_OK;
  *ours = 1;
  size_t old = push(d, "information");
  if (wchgi_has_webrtc_identity(&d->cdr->ims) || d->found_ours)
    rc = ERR(d, WCHG_E_DUPLICATE, d->any_at, "a second WebRTC extension");
  else if (!(rc = read_tlv(d, d->any_at, d->any_end, &t))) {
    if (t.cls != TC_UNIVERSAL || t.tag != UT_SEQUENCE)
      rc = ERR(d, WCHG_E_TAG, d->any_at, "WebRTCChargingInfo must be a SEQUENCE");
    else
      rc = dec_members(d, &wchgi_webrtc_info_type, d->cdr, &t, &e);
  }
  pop(d, old);
  if (!rc && !d->cdr->ims.webrtc_authentication_function_name.ptr &&
      !d->cdr->ims.webrtc_web_server_function_name.ptr)
    *ours = 0; /* carries nothing: keep it as it is, so DER round-trips */
  else
    d->found_ours = 1;
  return rc;
}

/* Depth of the value inside recordExtensions[i]/information when decoding
 * a record: the record, the list and the ManagementExtension. */
#define OPEN_TYPE_DEPTH 3

wchg_status wchgi_ber_check_open_type(const uint8_t *p, size_t n, wchg_diag *diag) {
  struct wpath path;
  struct dec d = {.start = p, .stop = p + n, .path = &path, .diag = diag,
                  .depth = OPEN_TYPE_DEPTH};
  struct tlv t;
  const uint8_t *end;
  wchg_status rc;
  struct iter it = {p, p + n, 0};
  int r;
  wpath_init(&path, NULL);
  wchgi_diag_clear(diag);
  if ((r = iter_next(&d, &it, &t)) <= 0) /* as inside the explicit [2] */
    return r ? r : ERR(&d, WCHG_E_MISSING, p, "an element was expected here");
  if ((rc = skip(&d, &t, &end)))
    return rc;
  if (end != p + n)
    return ERR(&d, WCHG_E_TRAILING, end, "octets follow the value");
  return WCHG_OK;
}

/* The alternatives of IMSRecord (TS 32.298 V17.9): tag number = RecordType. */
static const struct {
  uint32_t tag;
  const char *name;
} ims_records[] = {
    {63, "sCSCFRecord"}, {64, "pCSCFRecord"}, {65, "iCSCFRecord"}, {66, "mRFCRecord"},
    {67, "mGCFRecord"}, {68, "bGCFRecord"}, {69, "aSRecord"}, {70, "eCSCFRecord"},
    {82, "iBCFRecord"}, {89, "tRFRecord"}, {90, "tFRecord"}, {91, "aTCFRecord"},
};

static const char *record_name(uint32_t tag) {
  for (size_t i = 0; i < sizeof ims_records / sizeof ims_records[0]; i++)
    if (ims_records[i].tag == tag)
      return ims_records[i].name;
  return NULL;
}

/* The record's identifier and length at the start of the input: an
 * IMSRecord alternative is context-tagged. */
static wchg_status record_tlv(struct dec *d, struct tlv *t) {
  wchg_status rc = read_tlv(d, d->start, d->stop, t);
  if (rc)
    return rc;
  if (t->cls != TC_CONTEXT)
    return err(d, WCHG_E_TAG, t->at, "a %s tag is not an IMSRecord alternative",
               t->cls == TC_UNIVERSAL ? "universal" : t->cls == 0x40 ? "application"
                                                                    : "private");
  return WCHG_OK;
}

/* Another IMSRecord: well-formed, not ours to decode. Its own name is
 * the path, so that a host sees which record it is. */
static wchg_status other_record(struct dec *d, const struct tlv *t, size_t len) {
  const char *name = record_name(t->tag);
  struct wpath path;
  if (d->path) {
    wpath_init(&path, name ? name : "IMSRecord");
    wchgi_diag_set(d->diag, WCHG_E_OTHER_RECORD, 0, 0, &path,
                  "%s [%u] (%zu octets), not a pCSCFRecord [64]: not decoded",
                  name ? name : "an IMSRecord alternative", (unsigned)t->tag, len);
  }
  return WCHG_E_OTHER_RECORD;
}

static wchg_status dec_record(struct dec *d, size_t *consumed) {
  struct tlv t;
  const uint8_t *end;
  wchg_status rc = record_tlv(d, &t);
  if (rc)
    return rc;
  if (t.tag != WCHG_PCSCF_RECORD_TAG) {
    if ((rc = skip(d, &t, &end)))
      return rc;
    *consumed = (size_t)(end - d->start);
    return other_record(d, &t, *consumed);
  }
  if ((rc = dec_members(d, &wchgi_pcscf_record_type, d->cdr, &t, &end)))
    return rc;
  *consumed = (size_t)(end - d->start);
  return WCHG_OK;
}

wchg_status wchg_cdr_peek(const uint8_t *data, size_t len, wchg_record_info *info,
                          wchg_diag *diag) {
  struct wpath path;
  struct dec d = {.start = data, .stop = data + len, .path = &path, .diag = diag};
  struct tlv t;
  const uint8_t *end;
  wchg_status rc;
  wchgi_diag_clear(diag);
  if (!info || (!data && len)) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s", "a required argument is NULL or out of range");
    return WCHG_E_ARG;
  }
  memset(info, 0, sizeof *info);
  wpath_init(&path, "IMSRecord");
  if ((rc = record_tlv(&d, &t)) || (rc = skip(&d, &t, &end)))
    return rc;
  info->tag = t.tag;
  info->name = record_name(t.tag);
  info->length = (size_t)(end - data);
  return WCHG_OK;
}

/* The size of the record at the start of the input as far as its first
 * octets tell (the rest of the input for an indefinite length), and
 * whether it is another IMSRecord than ours. */
static size_t record_extent(const uint8_t *data, size_t len, int *other) {
  struct dec d = {.start = data, .stop = data + len};
  struct tlv t;
  *other = 0;
  if (read_tlv(&d, data, data + len, &t) != WCHG_OK)
    return len;
  *other = t.cls == TC_CONTEXT && t.tag != WCHG_PCSCF_RECORD_TAG;
  return (size_t)(t.lim - data);
}

/* Another IMSRecord needs no record: skip it, with paths for the diag. */
static wchg_status other_pass(const uint8_t *data, size_t len, wchg_diag *diag,
                              size_t *consumed) {
  struct wpath path;
  struct dec d = {.start = data, .stop = data + len, .path = &path, .diag = diag};
  size_t used = 0;
  wpath_init(&path, "pCSCFRecord");
  wchg_status rc = dec_record(&d, &used);
  if (rc)
    wchgi_diag_set(diag, rc, 0, WCHG_NO_OFFSET, NULL, "%s", wchg_strerror(rc));
  if (rc == WCHG_E_OTHER_RECORD && consumed)
    *consumed = used;
  return rc;
}

/* ---- the reader of the types' own functions ------------------------------
 * For a record in the form DER gives (X.690 10): definite lengths,
 * primitive strings, the members of each type in the order of its table
 * (SET members too: 10.3), values the model holds as they are and, when
 * they are judged, without fault (the validator's walk of the fields, once
 * the record is read). Each type has its own function
 * (WT_TYPES), its members written out from the constant tables, so that
 * matching a member is a compare with its constant identifier. Anything
 * else declines (NULL); the table-driven reader above then reads the
 * record from the start and says what it finds. */

struct fast_rd {
  struct wchg_owner *o;
  wchg_cdr *cdr;
  size_t elements;                 /* list elements so far */
  const uint8_t *any_at, *any_end; /* the last open-type value read */
  int found_ours;                  /* our WebRTC extension was seen */
  int nomem;                       /* declined for want of memory */
};

/* Where the identifier |cls|, |cons|, |tag| ends, when it is the one at
 * p (one or two octets, X.690 8.1.2); else NULL. */
WCHG_INLINE const uint8_t *fr_id(const uint8_t *p, const uint8_t *lim, uint8_t cls, int cons,
                                 uint32_t tag) {
  uint8_t id = (uint8_t)(cls | (cons ? 0x20 : 0));
  if (tag < 31)
    return p < lim && p[0] == (id | tag) ? p + 1 : NULL;
  if (tag < 128)
    return lim - p >= 2 && p[0] == (id | 0x1F) && p[1] == tag ? p + 2 : NULL;
  return NULL;
}

static WCHG_SLOW const uint8_t *fr_long_len(const uint8_t *p, const uint8_t *lim,
                                            const uint8_t **end) {
  size_t n;
  if (p[0] == 0x81 && lim - p >= 2) {
    n = p[1];
    p += 2;
  } else if (p[0] == 0x82 && lim - p >= 3) {
    n = (size_t)p[1] << 8 | p[2];
    p += 3;
  } else {
    return NULL;
  }
  if ((size_t)(lim - p) < n)
    return NULL;
  *end = p + n;
  return p;
}

/* A definite length at p (short, or long in one or two octets, X.690
 * 8.1.3) whose contents fit in lim: where they start, *end after them. */
WCHG_INLINE const uint8_t *fr_len(const uint8_t *p, const uint8_t *lim, const uint8_t **end) {
  if (p >= lim)
    return NULL;
  if (WCHG_LIKELY(p[0] < 0x80 && (size_t)(lim - p) - 1 >= p[0])) {
    *end = p + 1 + p[0];
    return p + 1;
  }
  return fr_long_len(p, lim, end);
}

/* Any element at p (not end-of-contents): its contents, *end after it. */
static const uint8_t *fr_any_tlv(const uint8_t *p, const uint8_t *lim, const uint8_t **end) {
  if (p >= lim || (p[0] & 0xDF) == 0) /* universal 0: end-of-contents */
    return NULL;
  if ((p[0] & 0x1F) != 0x1F)
    return fr_len(p + 1, lim, end);
  if (lim - p < 2 || p[1] < 31 || p[1] >= 0x80)
    return NULL;
  return fr_len(p + 2, lim, end);
}

static bool fr_nomem(struct fast_rd *r) {
  r->nomem = 1;
  return false;
}

/* The contents of an INTEGER the model holds as it is: 1 to 8 octets,
 * the fewest (X.690 8.3.2); else false. */
WCHG_INLINE bool fr_int(const uint8_t *c, size_t n, wchg_opt_int *v) {
  uint64_t u;
  if (n == 0 || n > 8 || (n > 1 && ((c[0] == 0 && !(c[1] & 0x80)) ||
                                    (c[0] == 0xFF && (c[1] & 0x80)))))
    return false;
  u = c[0] & 0x80 ? UINT64_MAX : 0;
  for (size_t i = 0; i < n; i++)
    u = (u << 8) | c[i];
  *v = (wchg_opt_int){true, (int64_t)u};
  return true;
}

/* A string's n octets at c, copied (NUL-terminated) into v, a wchg_octets
 * or a wchg_str (the same layout). */
static WCHG_SLOW bool fr_octets(struct fast_rd *r, const uint8_t *c, size_t n, void *v) {
  uint8_t *copy = wchgi_owner_dup(r->o, c, n);
  if (!copy)
    return fr_nomem(r);
  *(wchg_octets *)v = (wchg_octets){copy, n};
  return true;
}

/* An open type: the one element inside [2] (definite), kept whole. */
static bool fr_any(struct fast_rd *r, const uint8_t *val, const uint8_t *end, void *v) {
  const uint8_t *e;
  if (!fr_any_tlv(val, end, &e) || e != end || !fr_octets(r, val, (size_t)(end - val), v))
    return false;
  r->any_at = val;
  r->any_end = end;
  return true;
}

#define FR_DECLARE(t)                                                          \
  static const uint8_t *fr_##t(struct fast_rd *, const uint8_t *, const uint8_t *, void *);
WT_TYPES(FR_DECLARE)

/* The function of type t (a constant: one call remains). */
WCHG_INLINE const uint8_t *fr_type(struct fast_rd *r, const uint8_t *p, const uint8_t *lim,
                                   const struct wt *t, void *v) {
#define FR_DISPATCH(x) if (t == &x) return fr_##x(r, p, lim, v);
  WT_TYPES(FR_DISPATCH)
  return NULL; /* a type without a function: the table-driven reader */
}

/* The contents [val, end) of a value of |f| (not a list) into v. */
WCHG_INLINE bool fr_contents(struct fast_rd *r, const uint8_t *val, const uint8_t *end,
                             const struct wf *f, void *v) {
  size_t n = (size_t)(end - val);
  switch (f->kind) {
  case WK_OCTETS: case WK_OID: case WK_TEXT:
    if (!fr_octets(r, val, n, v))
      return false;
    break;
  case WK_TIMESTAMP:
    if (n != 9)
      return false;
    ((wchg_timestamp *)v)->present = true;
    memcpy(((wchg_timestamp *)v)->octets, val, 9);
    break;
  case WK_IPBIN:
    if (n != (size_t)f->hi)
      return false;
    memcpy(v, val, n);
    break;
  case WK_INT: case WK_ENUM:
    if (!fr_int(val, n, v))
      return false;
    break;
  case WK_BOOL: /* X.690 8.2.2: any octet other than 0 is TRUE */
    if (n != 1)
      return false;
    *(wchg_opt_int *)v = (wchg_opt_int){true, val[0] != 0};
    break;
  case WK_NULL:
    if (n)
      return false;
    *(bool *)v = true;
    break;
  case WK_ANY:
    return fr_any(r, val, end, v);
  case WK_STRUCT:
    return fr_type(r, val, end, f->type, v) == end;
  case WK_CHOICE: /* tagged, so explicit: one alternative inside */
    return val < end && fr_type(r, val, end, f->type, v) == end;
  default:
    return false;
  }
  return true;
}

/* Constructed: the kinds whose contents are elements (X.690 8.9-8.14). */
WCHG_INLINE int fr_cons(const struct wf *f) {
  return f->kind == WK_STRUCT || f->kind == WK_LIST || f->kind == WK_CHOICE || f->kind == WK_ANY;
}

/* The value of |f| (not a list) at p into base: after it; p when the
 * element at p is not one of |f|; NULL: declined. */
WCHG_INLINE const uint8_t *fr_value(struct fast_rd *r, const uint8_t *p, const uint8_t *lim,
                                    const struct wf *f, void *base) {
  const uint8_t *val, *end;
  void *v = wf_ptr(base, f);
  if (f->kind == WK_CHOICE && f->cls == TC_UNIVERSAL && f->tag == 0)
    return fr_type(r, p, lim, f->type, v); /* untagged: the alternative itself */
  if (!(val = fr_id(p, lim, f->cls, fr_cons(f), f->tag)))
    return p;
  if (!(val = fr_len(val, lim, &end)) || !fr_contents(r, val, end, f, v))
    return NULL;
  return end;
}

static int fr_extension(struct fast_rd *r, const void *item);

/* Room for the elements of a list (its contents [val, end)), counted
 * first (X.690 8.10, 8.12) within the limits of cdr.h. */
static WCHG_SLOW char *fr_items(struct fast_rd *r, const uint8_t *val, const uint8_t *end,
                                size_t esize) {
  size_t count = 0;
  char *items;
  for (const uint8_t *q = val; q < end; count++)
    if (!fr_any_tlv(q, end, &q))
      return NULL;
  if (count > WCHG_BER_MAX_LIST || count > WCHG_BER_MAX_ELEMENTS - r->elements)
    return NULL;
  r->elements += count;
  if (!(items = wchgi_owner_alloc(r->o, count * esize)))
    fr_nomem(r);
  return items;
}

/* Reads the contents [val, end) of a value into v: after them, or NULL
 * (a type's function, or fr_text). */
typedef const uint8_t *fr_fn(struct fast_rd *r, const uint8_t *val, const uint8_t *end, void *v);

static const uint8_t *fr_text(struct fast_rd *r, const uint8_t *val, const uint8_t *end,
                              void *v) {
  return fr_octets(r, val, (size_t)(end - val), v) ? end : NULL;
}

/* The function that reads a list element |f| (a constant: folds). */
WCHG_INLINE fr_fn *fr_elem_fn(const struct wf *f) {
  if (f->kind == WK_TEXT)
    return fr_text;
#define FR_FN(x) if (f->type == &x) return fr_##x;
  WT_TYPES(FR_FN)
  return NULL;
}

/* The elements of a list (its contents [val, end)) into *l, |esize|
 * octets each: an element is the one-octet identifier |id| and contents
 * that |fn| reads, or with id 0 an untagged CHOICE's alternative, which
 * |fn| reads whole; |ext|: recordExtensions. */
static WCHG_SLOW bool fr_list_of(struct fast_rd *r, const uint8_t *val, const uint8_t *end,
                                 uint8_t id, fr_fn *fn, size_t esize, bool ext,
                                 struct wlist *l) {
  const uint8_t *q, *v, *e = NULL;
  size_t i = 0;
  char *items = fn ? fr_items(r, val, end, esize) : NULL;
  if (!items)
    return false;
  for (q = val; q < end; q = e, i++) {
    void *item = items + i * esize;
    if (!id)
      e = fn(r, q, end, item);
    else if (q[0] != id || !(v = fr_len(q + 1, end, &e)) || fn(r, v, e, item) != e)
      return false;
    if (!e || e == q)
      return false;
    if (ext) {
      int ours = fr_extension(r, item);
      if (ours < 0)
        return false;
      if (ours) { /* mapped onto ims.webrtc_*: not kept in the list */
        memset(item, 0, esize);
        i--;
      }
    }
  }
  if (ext && i == 0 && r->found_ours)
    items = NULL; /* only ours: the identities say it all */
  *l = (struct wlist){items, i};
  return true;
}

/* The list |f| (its contents [val, end)) into base. */
WCHG_INLINE bool fr_list(struct fast_rd *r, const uint8_t *val, const uint8_t *end,
                         const struct wf *f, void *base) {
  const struct wf *e = f->elem;
  bool untagged = e->kind == WK_CHOICE && e->cls == TC_UNIVERSAL && e->tag == 0;
  struct wlist l;
  if (e->tag >= 31) /* elements have one-octet identifiers */
    return false;
  if (!fr_list_of(r, val, end, untagged ? 0 : (uint8_t)(e->cls | (fr_cons(e) ? 0x20 : 0) | e->tag),
                  fr_elem_fn(e), f->esize, f->flags & WF_EXTENSIONS, &l))
    return false;
  memcpy(wf_ptr(base, f), &l, sizeof l);
  return true;
}

/* Member |f| of a SEQUENCE or SET at p: after it, or p when absent; NULL:
 * declined (also a mandatory one absent, a second alternative of an
 * untagged CHOICE). */
WCHG_INLINE const uint8_t *fr_member(struct fast_rd *r, const uint8_t *p, const uint8_t *lim,
                                     const struct wf *f, void *base, int *group) {
  const uint8_t *q, *val, *end;
  if (!p)
    return NULL;
  if (f->kind != WK_LIST) {
    q = fr_value(r, p, lim, f, base);
  } else if (!(val = fr_id(p, lim, f->cls, 1, f->tag))) {
    q = p;
  } else {
    val = fr_len(val, lim, &end);
    q = val && fr_list(r, val, end, f, base) ? end : NULL;
  }
  if (q == p)
    return (f->flags & WF_MANDATORY) ? NULL : p;
  if (q && (f->flags & WF_GROUP) && (*group)++)
    return NULL;
  return q;
}

/* Member i of t, when it has one. */
WCHG_INLINE const uint8_t *fr_nth(struct fast_rd *r, const uint8_t *p, const uint8_t *lim,
                                  const struct wt *t, int i, void *v, int *group) {
  if (i >= t->nfields)
    return p;
  return fr_member(r, p, lim, &t->fields[i], v, group);
}

/* Alternative k of CHOICE t at p, unless one was read (q != p). */
WCHG_INLINE const uint8_t *fr_alt(struct fast_rd *r, const uint8_t *p, const uint8_t *lim,
                                  const struct wt *t, int k, void *v, const uint8_t *q) {
  int c = k + 1;
  if (k >= t->nfields || q != p)
    return q;
  q = fr_value(r, p, lim, &t->fields[k], v);
  if (q && q != p)
    memcpy((char *)v + t->choice_off, &c, sizeof c);
  return q;
}

/* The members of a SEQUENCE or SET in [p, lim) (after the last read; the
 * caller wants lim), or the alternative of a CHOICE at p (after it, p
 * when none is there). */
#define FR_NTH(i) p = fr_nth(r, p, lim, t, i, v, &group);
#define FR_ALT(k) q = fr_alt(r, p, lim, t, k, v, q);
WCHG_INLINE const uint8_t *fr_contents_of(struct fast_rd *r, const uint8_t *p,
                                          const uint8_t *lim, const struct wt *t, void *v) {
  const uint8_t *q = p;
  int group = 0;
  if (t->kind == WK_CHOICE) {
    if (t->nfields > WT_MAX_ALTS)
      return NULL;
    WT_EACH8(FR_ALT, 0)
    return q;
  }
  if (t->nfields > WT_MAX_MEMBERS)
    return NULL;
  WT_EACH64(FR_NTH)
  if (p && t->present_off >= 0)
    *(bool *)((char *)v + t->present_off) = true;
  return p;
}

#define FR_DEFINE(t)                                                           \
  static const uint8_t *fr_##t(struct fast_rd *r, const uint8_t *p, const uint8_t *lim,   \
                               void *v) {                                      \
    return fr_contents_of(r, p, lim, &t, v);                                   \
  }
WT_TYPES(FR_DEFINE)

/* A ManagementExtension just read: 1 ours (its identities now in the
 * record), 0 another (or ours carrying nothing, kept as it is), -1
 * declined (a second one of ours, or not a WebRTCChargingInfo). */
static int fr_extension(struct fast_rd *r, const void *item) {
  const wchg_management_extension *x = item;
  const uint8_t *val, *end;
  if (!wchgi_is_webrtc_oid(x->identifier.ptr, x->identifier.len))
    return 0;
  if (wchgi_has_webrtc_identity(&r->cdr->ims) || r->found_ours)
    return -1;
  val = fr_id(r->any_at, r->any_end, TC_UNIVERSAL, 1, UT_SEQUENCE);
  if (!val || !(val = fr_len(val, r->any_end, &end)) ||
      fr_webrtc_info_type(r, val, end, r->cdr) != end)
    return -1;
  if (!wchgi_has_webrtc_identity(&r->cdr->ims))
    return 0;
  r->found_ours = 1;
  return 1;
}

enum { FAST_DONE, FAST_NOMEM, FAST_DECLINED };

/* The record at data (|extent| octets as its first octets tell) by the
 * types' own functions: FAST_DONE with *out and *used, FAST_NOMEM, or
 * FAST_DECLINED for the table-driven reader. */
static int decode_fast(const uint8_t *data, size_t len, size_t extent, int check,
                       const wchg_mem *mem, wchg_cdr **out, size_t *used) {
  const uint8_t *val, *end;
  wchg_cdr *cdr = wchgi_owner_new_cdr(mem, extent + 512);
  if (!cdr)
    return FAST_NOMEM;
  struct fast_rd r = {.o = cdr->owner_, .cdr = cdr};
  /* IMSRecord: pCSCFRecord [64] IMPLICIT PCSCFRecord (a SET) */
  val = fr_id(data, data + len, TC_CONTEXT, 1, WCHG_PCSCF_RECORD_TAG);
  if (val && (val = fr_len(val, data + len, &end)) &&
      fr_pcscf_record_type(&r, val, end, cdr) == end && !(check && wchgi_fields_faults(cdr))) {
    *out = cdr;
    *used = (size_t)(end - data);
    return FAST_DONE;
  }
  wchg_cdr_free(cdr);
  return r.nomem ? FAST_NOMEM : FAST_DECLINED;
}

/* One pass over the input into a fresh record (*cdr), with paths when
 * |path| is not NULL. */
static wchg_status decode_pass(const uint8_t *data, size_t len, wchg_policy policy,
                               int check_values, const wchg_mem *mem, struct wpath *path,
                               wchg_diag *diag, wchg_warnings *warn, wchg_cdr **cdr,
                               size_t *used, size_t *warned) {
  wchg_status rc;
  int other;
  /* an arena the size of the record, not of all the input after it */
  if (!(*cdr = wchgi_owner_new_cdr(mem, record_extent(data, len, &other) + 512)))
    return WCHG_E_NOMEM;
  struct dec d = {.start = data, .stop = data + len, .o = (*cdr)->owner_, .cdr = *cdr,
                  .path = path, .diag = diag, .policy = policy,
                  .check_values = check_values, .warn = warn};
  if (path)
    wpath_init(path, "pCSCFRecord");
  rc = dec_record(&d, used);
  if (rc == WCHG_OK)
    rc = wchgi_raw_seal(*cdr);
  if (rc) {
    wchg_cdr_free(*cdr);
    *cdr = NULL;
  }
  *warned = d.warned;
  return rc;
}

/* wchg_cdr_decode_ex(), by the types' own functions first when |fast|. */
static wchg_status decode(const uint8_t *data, size_t len, wchg_policy policy,
                          const wchg_mem *mem, wchg_cdr **out, size_t *consumed,
                          wchg_diag *diag, wchg_warnings *warn, bool fast) {
  struct wpath path;
  size_t used = 0, warned = 0, n = 0, extent;
  wchg_cdr *cdr = NULL;
  wchg_status rc;
  int check = policy == WCHG_POLICY_STRICT || warn != NULL, other;
  wchgi_diag_clear(diag);
  if (out)
    *out = NULL;
  if (!out || (!data && len) ||
      (policy != WCHG_POLICY_RECEIVE && policy != WCHG_POLICY_STRICT)) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s", "a required argument is NULL or out of range");
    return WCHG_E_ARG;
  }
  extent = record_extent(data, len, &other);
  if (other)
    return other_pass(data, len, diag, consumed);
  int by = fast ? decode_fast(data, len, extent, check, mem, &cdr, &used) : FAST_DECLINED;
  if (by == FAST_DECLINED)
    rc = decode_pass(data, len, policy, check, mem, NULL, NULL, NULL, &cdr, &used, &warned);
  else
    rc = by == FAST_DONE ? WCHG_OK : WCHG_E_NOMEM;
  if (rc && rc != WCHG_E_NOMEM) {
    /* again, with paths, to say where */
    if (decode_pass(data, len, policy, check, mem, &path, diag, NULL, &cdr, &n, &warned) ==
        WCHG_E_NOMEM)
      wchgi_diag_set(diag, WCHG_E_NOMEM, 0, WCHG_NO_OFFSET, NULL, "%s", "out of memory");
    wchgi_diag_set(diag, rc, 0, WCHG_NO_OFFSET, NULL, "%s", wchg_strerror(rc));
    return rc;
  }
  if (rc == WCHG_OK && warned && warn) {
    /* again, with paths, to say where each kept value is */
    wchg_cdr_free(cdr);
    rc = decode_pass(data, len, policy, check, mem, &path, NULL, warn, &cdr, &used, &warned);
  }
  if (rc) { /* out of memory */
    wchgi_diag_set(diag, WCHG_E_NOMEM, 0, WCHG_NO_OFFSET, NULL, "%s", "out of memory");
    return WCHG_E_NOMEM;
  }
  *out = cdr;
  if (consumed)
    *consumed = used;
  return WCHG_OK;
}

wchg_status wchg_cdr_decode_ex(const uint8_t *data, size_t len, wchg_policy policy,
                               const wchg_mem *mem, wchg_cdr **out, size_t *consumed,
                               wchg_diag *diag, wchg_warnings *warn) {
  return decode(data, len, policy, mem, out, consumed, diag, warn, true);
}

wchg_status wchgi_cdr_decode_tables(const uint8_t *data, size_t len, wchg_policy policy,
                                    const wchg_mem *mem, wchg_cdr **out, size_t *consumed,
                                    wchg_diag *diag, wchg_warnings *warn) {
  return decode(data, len, policy, mem, out, consumed, diag, warn, false);
}

wchg_status wchg_cdr_decode(const uint8_t *data, size_t len, const wchg_mem *mem,
                            wchg_cdr **out, size_t *consumed, wchg_diag *diag) {
  return wchg_cdr_decode_ex(data, len, WCHG_POLICY_RECEIVE, mem, out, consumed, diag, NULL);
}
