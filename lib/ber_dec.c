/*
 * ber_dec.c: strict, bounded BER reader of IMSRecord/pCSCFRecord (X.690
 * clause 8), driven by the tables in schema.c. Definite and indefinite
 * lengths and constructed strings are accepted; every length is checked
 * against its parent, depth and counts are limited, and the first problem
 * is reported with its byte offset and field path.
 *
 * Decoding runs without field paths; after a failure (other than out of
 * memory) it runs again with paths on to say where.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "schema.h"

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
    wchg_diag_set(d->diag, code, (size_t)(at - d->start), d->path, "%s", msg);
  }
  return code;
}
#define ERR(d, code, at, msg) err(d, code, at, "%s", msg)

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

/* Read the identifier and length at p, inside [p, lim). */
static wchg_status read_tlv(struct dec *d, const uint8_t *p, const uint8_t *lim,
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

/* Skip the element t; *end is the first octet after it. */
static wchg_status skip(struct dec *d, const struct tlv *t, const uint8_t **end) {
  struct iter it;
  struct tlv c;
  int r;
  if (!t->indef) {
    *end = t->lim;
    return WCHG_OK;
  }
  wchg_status rc = enter(d, t->at);
  if (rc)
    return rc;
  iter_init(&it, t);
  while ((r = iter_next(d, &it, &c)) == 1) {
    const uint8_t *e;
    if ((rc = skip(d, &c, &e)))
      return rc;
    it.p = e;
  }
  d->depth--;
  *end = it.p;
  return r;
}

/* The octets of a string value, joining BER constructed segments. With
 * out == NULL only the total is counted. */
static wchg_status gather(struct dec *d, const struct tlv *t, uint8_t *out,
                          size_t *n, const uint8_t **end) {
  struct iter it;
  struct tlv c;
  int r;
  if (!t->cons) {
    size_t len = (size_t)(t->lim - t->val);
    if (out)
      memcpy(out + *n, t->val, len);
    *n += len;
    *end = t->lim;
    return WCHG_OK;
  }
  wchg_status rc = enter(d, t->at);
  if (rc)
    return rc;
  iter_init(&it, t);
  while ((r = iter_next(d, &it, &c)) == 1) {
    if (c.cls != TC_UNIVERSAL || c.tag != UT_OCTETS)
      return ERR(d, WCHG_E_TAG, c.at, "a string segment must be an OCTET STRING");
    if ((rc = gather(d, &c, out, n, &it.p)))
      return rc;
  }
  d->depth--;
  *end = it.p;
  return r;
}

/* Copy a string value into the arena (NUL-terminated). */
static wchg_status get_string(struct dec *d, const struct tlv *t,
                              const uint8_t **ptr, size_t *len, const uint8_t **end) {
  size_t n = 0;
  wchg_status rc;
  if (!t->cons) { /* the common case: one primitive */
    n = (size_t)(t->lim - t->val);
    *end = t->lim;
    if (!(*ptr = wchg_owner_dup(d->o, t->val, n)))
      return WCHG_E_NOMEM;
    *len = n;
    return WCHG_OK;
  }
  if ((rc = gather(d, t, NULL, &n, end)))
    return rc;
  uint8_t *buf = wchg_owner_alloc(d->o, n + 1);
  if (!buf)
    return WCHG_E_NOMEM;
  n = 0;
  if ((rc = gather(d, t, buf, &n, end)))
    return rc;
  *ptr = buf;
  *len = n;
  return WCHG_OK;
}

static wchg_status get_int(struct dec *d, const struct tlv *t, int64_t *v) {
  size_t n = (size_t)(t->lim - t->val);
  const uint8_t *p = t->val;
  if (t->cons || n == 0)
    return ERR(d, WCHG_E_ENCODING, t->at, "an INTEGER must be primitive and non-empty");
  if (n > 1 && ((p[0] == 0 && !(p[1] & 0x80)) || (p[0] == 0xFF && (p[1] & 0x80))))
    return ERR(d, WCHG_E_ENCODING, t->at, "the INTEGER is not in its shortest form");
  if (n > 8)
    return ERR(d, WCHG_E_ENCODING, t->at, "the INTEGER is wider than 64 bits");
  uint64_t u = (p[0] & 0x80) ? UINT64_MAX : 0;
  for (size_t i = 0; i < n; i++)
    u = (u << 8) | p[i];
  *v = (int64_t)u;
  return WCHG_OK;
}

static wchg_status check_oid(struct dec *d, const struct tlv *t) {
  size_t n = (size_t)(t->lim - t->val);
  if (t->cons || n == 0)
    return ERR(d, WCHG_E_ENCODING, t->at, "an OBJECT IDENTIFIER must be primitive and non-empty");
  if (t->val[n - 1] & 0x80)
    return ERR(d, WCHG_E_ENCODING, t->at, "the last OBJECT IDENTIFIER arc is cut short");
  for (size_t i = 0; i < n; i++)
    if (t->val[i] == 0x80 && (i == 0 || !(t->val[i - 1] & 0x80)))
      return ERR(d, WCHG_E_ENCODING, t->at, "an OBJECT IDENTIFIER arc is not minimal");
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
  char *items = wchg_owner_alloc(d->o, count * f->esize);
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
  case WK_TIMESTAMP:
    if (len != 9)
      return err(d, WCHG_E_CONSTRAINT, t->at, "a TimeStamp has 9 octets, not %zu", len);
    ((wchg_timestamp *)p)->present = true;
    memcpy(((wchg_timestamp *)p)->octets, ptr, 9);
    return WCHG_OK;
  case WK_IPBIN:
    if (len != (size_t)f->hi)
      return err(d, WCHG_E_CONSTRAINT, t->at, "the address must have %zu octets", (size_t)f->hi);
    memcpy(p, ptr, len);
    return WCHG_OK;
  case WK_TEXT:
    *(wchg_str *)p = (wchg_str){(const char *)ptr, len};
    return WCHG_OK;
  default:
    *(wchg_octets *)p = (wchg_octets){ptr, len};
    return WCHG_OK;
  }
}

static wchg_status dec_prim(struct dec *d, const struct wf *f, void *p,
                            const struct tlv *t, const uint8_t **end) {
  wchg_opt_int *v = p;
  wchg_status rc;
  *end = t->lim;
  switch (f->kind) {
  case WK_INT: case WK_ENUM:
    if ((rc = get_int(d, t, &v->value)))
      return rc;
    v->present = true;
    return WCHG_OK;
  case WK_BOOL:
    if (t->cons || t->lim - t->val != 1)
      return ERR(d, WCHG_E_ENCODING, t->at, "a BOOLEAN is one primitive octet");
    *v = (wchg_opt_int){true, t->val[0] != 0};
    return WCHG_OK;
  case WK_NULL:
    if (t->cons || t->lim != t->val)
      return ERR(d, WCHG_E_ENCODING, t->at, "a NULL is primitive and empty");
    *(bool *)p = true;
    return WCHG_OK;
  case WK_OID:
    if ((rc = check_oid(d, t)))
      return rc;
    return dec_string(d, f, p, t, end);
  }
  return ERR(d, WCHG_E_ARG, t->at, "unknown field kind");
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
    uint8_t *copy = wchg_owner_dup(d->o, inner.at, (size_t)(e - inner.at));
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
  if (x->identifier.len != sizeof wchg_webrtc_oid ||
      memcmp(x->identifier.ptr, wchg_webrtc_oid, sizeof wchg_webrtc_oid))
    return WCHG_OK;
  *ours = 1;
  size_t old = push(d, "information");
  if (d->cdr->ims.webrtc_authentication_function_name.ptr ||
      d->cdr->ims.webrtc_web_server_function_name.ptr || d->found_ours)
    rc = ERR(d, WCHG_E_DUPLICATE, d->any_at, "a second WebRTC extension");
  else if (!(rc = read_tlv(d, d->any_at, d->any_end, &t))) {
    if (t.cls != TC_UNIVERSAL || t.tag != UT_SEQUENCE)
      rc = ERR(d, WCHG_E_TAG, d->any_at, "WebRTCChargingInfo must be a SEQUENCE");
    else
      rc = dec_members(d, &wchg_webrtc_info_type, d->cdr, &t, &e);
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

wchg_status wchg_ber_check_open_type(const uint8_t *p, size_t n, wchg_diag *diag) {
  struct wpath path;
  struct dec d = {p, p + n, NULL, NULL, &path, diag, 0, OPEN_TYPE_DEPTH, NULL, NULL, 0};
  struct tlv t;
  const uint8_t *end;
  wchg_status rc;
  struct iter it = {p, p + n, 0};
  int r;
  wpath_init(&path, NULL);
  wchg_diag_clear(diag);
  if ((r = iter_next(&d, &it, &t)) <= 0) /* as inside the explicit [2] */
    return r ? r : ERR(&d, WCHG_E_MISSING, p, "an element was expected here");
  if ((rc = skip(&d, &t, &end)))
    return rc;
  if (end != p + n)
    return ERR(&d, WCHG_E_TRAILING, end, "octets follow the value");
  return WCHG_OK;
}

static wchg_status dec_record(struct dec *d, size_t *consumed) {
  struct tlv t;
  const uint8_t *end;
  wchg_status rc = read_tlv(d, d->start, d->stop, &t);
  if (rc)
    return rc;
  if (t.cls != TC_CONTEXT || t.tag != WCHG_PCSCF_RECORD_TAG)
    return err(d, WCHG_E_TAG, t.at, "tag [%u] is not pCSCFRecord [64]", (unsigned)t.tag);
  if ((rc = dec_members(d, &wchg_pcscf_record_type, d->cdr, &t, &end)))
    return rc;
  *consumed = (size_t)(end - d->start);
  return WCHG_OK;
}

wchg_status wchg_cdr_decode(const uint8_t *data, size_t len, const wchg_mem *mem,
                            wchg_cdr **out, size_t *consumed, wchg_diag *diag) {
  size_t used = 0;
  wchg_diag_clear(diag);
  if (out)
    *out = NULL;
  if (!out || (!data && len)) {
    if (diag)
      diag->code = WCHG_E_ARG;
    return WCHG_E_ARG;
  }
  wchg_cdr *cdr = wchg_owner_new_cdr(mem, len + 512);
  if (!cdr)
    goto nomem;
  struct dec d = {data, data + len, cdr->owner_, cdr, NULL, diag, 0, 0, NULL, NULL, 0};
  wchg_status rc = dec_record(&d, &used);
  if (rc == WCHG_E_NOMEM) {
    wchg_cdr_free(cdr);
    goto nomem;
  }
  if (rc) {
    /* again, with paths, into a fresh record, to say where */
    wchg_cdr_free(cdr);
    cdr = wchg_owner_new_cdr(mem, len + 512);
    if (cdr) {
      struct wpath path;
      struct dec again = {data, data + len, cdr->owner_, cdr, &path, diag, 0, 0, NULL, NULL, 0};
      wpath_init(&path, "pCSCFRecord");
      if (dec_record(&again, &used) == WCHG_E_NOMEM)
        wchg_diag_set(diag, WCHG_E_NOMEM, WCHG_NO_OFFSET, NULL, "%s", "out of memory");
      wchg_cdr_free(cdr);
    }
    if (diag && diag->code == WCHG_OK)
      diag->code = rc;
    return rc;
  }
  *out = cdr;
  if (consumed)
    *consumed = used;
  return WCHG_OK;
nomem:
  if (diag) {
    diag->code = WCHG_E_NOMEM;
    snprintf(diag->message, sizeof diag->message, "out of memory");
  }
  return WCHG_E_NOMEM;
}
