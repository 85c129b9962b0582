/*
 * cdr_raw.c: the values a record keeps as received when the model cannot
 * hold their octets (schema.h, "values kept as received"): which octets
 * those are, the stand-in the model gets, and the owner's table that the
 * DER writer, the JSON view and the validator look them up in.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/internal.h"
#include "cdr/schema.h"

struct wchgi_raw_node {
  struct wchgi_raw raw;
  struct wchgi_raw_node *next;
};

/* ---- which octets the model holds -------------------------------------- */

/* Octets of |c| (|n| > 0) after the redundant leading sign octets
 * (X.690 8.3.2): the start of the minimal form. */
static size_t int_skip(const uint8_t *c, size_t n) {
  size_t i = 0;
  while (i + 1 < n && ((c[i] == 0 && !(c[i + 1] & 0x80)) ||
                       (c[i] == 0xFF && (c[i + 1] & 0x80))))
    i++;
  return i;
}

/* Why the model cannot hold the octets: the sentence into msg; returns
 * |code|. Out of line: the octets are nearly always fine. */
static WCHG_COLD wchg_status problem(char *msg, size_t cap, wchg_status code,
                                     const char *fmt, ...) WCHG_PRINTF(4, 5);
static wchg_status problem(char *msg, size_t cap, wchg_status code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, cap, fmt, ap);
  va_end(ap);
  return code;
}

static wchg_status int_problem(const uint8_t *c, size_t n, char *msg, size_t cap) {
  if (n == 0)
    return problem(msg, cap, WCHG_E_ENCODING, "an INTEGER has at least one contents octet");
  if (int_skip(c, n) > 0)
    return problem(msg, cap, WCHG_E_ENCODING, "the INTEGER is not in its shortest form");
  if (n > 8)
    return problem(msg, cap, WCHG_E_ENCODING, "the INTEGER is wider than 64 bits (%zu octets)",
                   n);
  return WCHG_OK;
}

wchg_status wchgi_raw_problem(const struct wf *f, const uint8_t *c, size_t n,
                             char *msg, size_t cap) {
  switch (f->kind) {
  case WK_INT: case WK_ENUM:
    return int_problem(c, n, msg, cap);
  case WK_BOOL:
    return n == 1 ? WCHG_OK
                  : problem(msg, cap, WCHG_E_ENCODING, "a BOOLEAN is one octet, not %zu", n);
  case WK_NULL:
    return n == 0 ? WCHG_OK
                  : problem(msg, cap, WCHG_E_ENCODING,
                            "a NULL has no contents octets (%zu here)", n);
  case WK_TIMESTAMP:
    return n == 9 ? WCHG_OK
                  : problem(msg, cap, WCHG_E_CONSTRAINT, "a TimeStamp has 9 octets, not %zu", n);
  case WK_IPBIN:
    return n == (size_t)f->hi ? WCHG_OK
                              : problem(msg, cap, WCHG_E_CONSTRAINT,
                                        "the address must have %zu octets, not %zu",
                                        (size_t)f->hi, n);
  default: /* LCOV_EXCL_START: the callers ask for the kinds above only */
    return WCHG_OK;
  } /* LCOV_EXCL_STOP */
}

void wchgi_raw_model(const struct wf *f, void *p, const uint8_t *c, size_t n) {
  switch (f->kind) {
  case WK_INT: case WK_ENUM: {
    wchg_opt_int *v = p;
    size_t i = n ? int_skip(c, n) : 0;
    uint64_t u = n && (c[i] & 0x80) ? UINT64_MAX : 0;
    if (n - i > 8) /* the stand-in of a value wider than int64 */
      u = 0;
    else
      for (; i < n; i++)
        u = (u << 8) | c[i];
    *v = (wchg_opt_int){true, (int64_t)u};
    return;
  }
  case WK_BOOL: { /* X.690 8.2.2: any octet other than 0 is TRUE */
    int64_t any = 0;
    for (size_t i = 0; i < n; i++)
      any |= c[i] != 0;
    *(wchg_opt_int *)p = (wchg_opt_int){true, any};
    return;
  }
  case WK_NULL:
    *(bool *)p = true;
    return;
  case WK_TIMESTAMP: {
    wchg_timestamp *ts = p;
    ts->present = true;
    if (n == 9)
      memcpy(ts->octets, c, 9);
    else /* zeros: octet 7 is no sign, so the stand-in is never a time */
      memset(ts->octets, 0, 9);
    return;
  }
  case WK_IPBIN:
    if (n == (size_t)f->hi)
      memcpy(p, c, n);
    else
      memset(p, 0, (size_t)f->hi);
    return;
  default: /* LCOV_EXCL_START: the callers ask for the kinds above only */
    return;
  } /* LCOV_EXCL_STOP */
}

wchg_status wchgi_oid_problem(const uint8_t *c, size_t n, char *msg, size_t cap) {
  if (n == 0) {
    snprintf(msg, cap, "an OBJECT IDENTIFIER has at least one contents octet");
    return WCHG_E_ENCODING;
  }
  if (c[n - 1] & 0x80) {
    snprintf(msg, cap, "the last OBJECT IDENTIFIER arc is cut short");
    return WCHG_E_ENCODING;
  }
  for (size_t i = 0; i < n; i++) {
    if (c[i] == 0x80 && (i == 0 || !(c[i - 1] & 0x80))) {
      snprintf(msg, cap, "the OBJECT IDENTIFIER arc at octet %zu is not minimal", i);
      return WCHG_E_ENCODING;
    }
  }
  return WCHG_OK;
}

/* ---- the owner's table -------------------------------------------------- */

static uintptr_t raw_key(const wchg_cdr *cdr, const void *p) {
  uintptr_t a = (uintptr_t)p, base = (uintptr_t)cdr;
  return a >= base && a - base < sizeof *cdr ? a - base : a;
}

wchg_status wchgi_raw_add(wchg_cdr *cdr, const void *p, const uint8_t *c, size_t n) {
  struct wchg_owner *o = cdr->owner_;
  struct wchgi_raw_node *node = wchgi_owner_alloc(o, sizeof *node);
  uint8_t *copy = node ? wchgi_owner_dup(o, c, n) : NULL;
  if (!copy)
    return WCHG_E_NOMEM;
  node->raw = (struct wchgi_raw){raw_key(cdr, p), copy, n};
  node->next = o->raw_list;
  o->raw_list = node;
  return WCHG_OK;
}

void wchgi_raw_drop(wchg_cdr *cdr, const void *p, size_t n) {
  uintptr_t lo = raw_key(cdr, p);
  for (struct wchgi_raw_node **at = &cdr->owner_->raw_list; *at;) {
    if ((*at)->raw.key >= lo && (*at)->raw.key - lo < n)
      *at = (*at)->next; /* its memory stays in the arena */
    else
      at = &(*at)->next;
  }
}

static int raw_cmp(const void *a, const void *b) {
  uintptr_t x = ((const struct wchgi_raw *)a)->key, y = ((const struct wchgi_raw *)b)->key;
  return x < y ? -1 : x > y;
}

wchg_status wchgi_raw_seal(wchg_cdr *cdr) {
  struct wchg_owner *o = cdr->owner_;
  struct wchgi_raw *table;
  size_t n = 0;
  if (!o || !o->raw_list)
    return WCHG_OK;
  for (const struct wchgi_raw_node *r = o->raw_list; r; r = r->next)
    n++;
  if (!(table = wchgi_owner_alloc(o, n * sizeof *table)))
    return WCHG_E_NOMEM;
  n = 0;
  for (const struct wchgi_raw_node *r = o->raw_list; r; r = r->next)
    table[n++] = r->raw;
  qsort(table, n, sizeof *table, raw_cmp);
  o->raw = table;
  o->nraw = n;
  o->raw_list = NULL;
  return WCHG_OK;
}

int wchgi_raw_any(const wchg_cdr *cdr) {
  return cdr && cdr->owner_ && cdr->owner_->nraw > 0;
}

/* Does the model value of |f| at |p| still equal the stand-in of |r|? */
static int holds_stand_in(const struct wf *f, const void *p, const struct wchgi_raw *r) {
  union {
    wchg_opt_int i;
    bool b;
    wchg_timestamp ts;
    uint8_t bin[16];
  } s;
  memset(&s, 0, sizeof s);
  wchgi_raw_model(f, &s, r->octets, r->len);
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL: {
    const wchg_opt_int *v = p;
    return v->present == s.i.present && v->value == s.i.value;
  }
  case WK_NULL:
    return *(const bool *)p == s.b;
  case WK_TIMESTAMP: {
    const wchg_timestamp *t = p;
    return t->present == s.ts.present && memcmp(t->octets, s.ts.octets, 9) == 0;
  }
  case WK_IPBIN:
    return memcmp(p, s.bin, (size_t)f->hi) == 0;
  default: /* LCOV_EXCL_START: wchgi_raw_find is asked for the kinds above only */
    return 0;
  } /* LCOV_EXCL_STOP */
}

const struct wchgi_raw *wchgi_raw_find(const wchg_cdr *cdr, const struct wf *f, const void *p) {
  size_t lo = 0, hi;
  uintptr_t key;
  if (!wchgi_raw_any(cdr))
    return NULL;
  key = raw_key(cdr, p);
  hi = cdr->owner_->nraw;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const struct wchgi_raw *r = &cdr->owner_->raw[mid];
    if (r->key == key)
      return holds_stand_in(f, p, r) ? r : NULL;
    if (r->key < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}
