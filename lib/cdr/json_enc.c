/*
 * json_enc.c: the PCSCFRecord to JSON (Jansson) by walking the schema
 * tables (schema.h). The only record-specific code is the WebRTC
 * identities, which are the members of wchgi_webrtc_info_type appended to
 * the record's own. A value the plain JSON form cannot carry is the
 * object {"octets": hex, "invalid": why} (cdr_json.h); an IMSRecord of
 * another type is {"otherRecord": {...}}.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "base/text_conv.h"
#include "cdr/json_internal.h"

static wchg_status to_value(struct wchgi_jctx *c, const void *base,
                            const struct wf *f, json_t **out);

/* *out = v, a new reference; NULL means Jansson ran out of memory. */
static wchg_status made(struct wchgi_jctx *c, json_t *v, json_t **out) {
  if (!v)
    return wchgi_json_nomem(c);
  *out = v;
  return WCHG_OK;
}

/* Set obj[key] = v, stealing v (which may be NULL: out of memory). */
static wchg_status put(struct wchgi_jctx *c, json_t *obj, const char *key, json_t *v) {
  if (!v || json_object_set_new_nocheck(obj, key, v))
    return wchgi_json_nomem(c);
  return WCHG_OK;
}

/* {key: v}, stealing v; NULL (v released) when out of memory. */
static json_t *wrap_in(const char *key, json_t *v) {
  json_t *obj = v ? json_object() : NULL;
  if (!obj) {
    json_decref(v);
    return NULL;
  }
  if (json_object_set_new_nocheck(obj, key, v)) { /* v is released */
    json_decref(obj);
    return NULL;
  }
  return obj;
}

/* Scratch text: on the stack when small, else from Jansson's allocator
 * (the one the caller configured for JSON work). */
struct scratch {
  char small[128];
  char *p;
};

static char *scratch_get(struct scratch *s, size_t n) {
  json_malloc_t m;
  json_free_t f;
  if (n <= sizeof s->small)
    return s->p = s->small;
  json_get_alloc_funcs(&m, &f);
  return s->p = m(n);
}

static void scratch_put(struct scratch *s) {
  json_malloc_t m;
  json_free_t f;
  if (s->p && s->p != s->small) {
    json_get_alloc_funcs(&m, &f);
    f(s->p);
  }
}

static wchg_status hex_to_json(struct wchgi_jctx *c, const wchg_octets *o, json_t **out) {
  static const char digits[] = "0123456789abcdef";
  size_t n = o->ptr ? o->len : 0;
  struct scratch s;
  char *t;
  json_t *v;
  if (n > SIZE_MAX / 2 - 1 || !(t = scratch_get(&s, 2 * n + 1)))
    return wchgi_json_nomem(c);
  for (size_t i = 0; i < n; i++) {
    t[2 * i] = digits[o->ptr[i] >> 4];
    t[2 * i + 1] = digits[o->ptr[i] & 15];
  }
  v = json_stringn_nocheck(t, 2 * n);
  scratch_put(&s);
  return made(c, v, out);
}

/* {"octets": hex of the n octets at p, "invalid": why}: a value that
 * the plain JSON form cannot carry, kept as it is. */
static wchg_status invalid_to_json(struct wchgi_jctx *c, const uint8_t *p, size_t n,
                                   const char *why, json_t **out) {
  wchg_octets o = {p, n};
  json_t *obj = json_object(), *hex = NULL;
  wchg_status rc;
  if (!obj)
    return wchgi_json_nomem(c);
  rc = hex_to_json(c, &o, &hex);
  if (rc == WCHG_OK)
    rc = put(c, obj, "octets", hex);
  if (rc == WCHG_OK)
    rc = put(c, obj, "invalid", json_string(why));
  if (rc != WCHG_OK) {
    json_decref(obj);
    return rc;
  }
  *out = obj;
  return WCHG_OK;
}

static wchg_status text_to_json(struct wchgi_jctx *c, const wchg_str *s, json_t **out) {
  char why[96];
  size_t bad;
  if (!s->ptr)
    return made(c, json_string_nocheck(""), out);
  if (!wchgi_utf8_valid(s->ptr, s->len, &bad)) { /* JSON text must be UTF-8 */
    snprintf(why, sizeof why, "not valid UTF-8: byte %zu is 0x%02x", bad,
             (unsigned char)s->ptr[bad]);
    return invalid_to_json(c, (const uint8_t *)s->ptr, s->len, why, out);
  }
  return made(c, json_stringn_nocheck(s->ptr, s->len), out);
}

/* A TimeStamp that is a time as RFC 3339 text; any other 9 octets as
 * they are, with why they are no time. */
static wchg_status ts_to_json(struct wchgi_jctx *c, const wchg_timestamp *ts,
                              json_t **out) {
  char t[sizeof ts_shape], msg[96], why[128];
  if (wchgi_timestamp_check(ts->octets, msg, sizeof msg) != WCHG_OK) {
    snprintf(why, sizeof why, "not a valid TimeStamp: %s", msg);
    return invalid_to_json(c, ts->octets, 9, why, out);
  }
  memcpy(t, ts_shape, sizeof t);
  for (int k = 0; k < 9; k++) {
    unsigned hi = ts->octets[k] >> 4, lo = ts->octets[k] & 15;
    if (k == 6) {
      t[ts_pos[k]] = (char)ts->octets[k];
      continue;
    }
    t[ts_pos[k]] = (char)('0' + hi);
    t[ts_pos[k] + 1] = (char)('0' + lo);
  }
  return made(c, json_stringn_nocheck(t, TS_LEN), out);
}

static wchg_status ip_to_json(struct wchgi_jctx *c, const uint8_t *bin, int64_t size,
                              json_t **out) {
  char t[WCHG_IP_TEXT_MAX];
  size_t n = wchgi_ip_to_text(bin, (size_t)size, t);
  return made(c, json_stringn_nocheck(t, n), out);
}

static wchg_status oid_to_json(struct wchgi_jctx *c, const wchg_octets *o, json_t **out) {
  char msg[128];
  struct scratch s;
  size_t cap = wchgi_oid_text_bound(o->len), len = 0;
  char *t = cap == SIZE_MAX ? NULL : scratch_get(&s, cap);
  wchg_status rc;
  json_t *v;
  if (!t)
    return wchgi_json_nomem(c);
  rc = wchgi_oid_to_text(o->ptr, o->len, t, cap, &len, msg, sizeof msg);
  v = rc == WCHG_OK ? json_stringn_nocheck(t, len) : NULL;
  scratch_put(&s);
  if (rc != WCHG_OK) /* malformed, or an arc too long for dotted text */
    return invalid_to_json(c, o->ptr, o->len, msg, out);
  return made(c, v, out);
}

static wchg_status enum_to_json(struct wchgi_jctx *c, const struct wf *f,
                                const wchg_opt_int *v, json_t **out) {
  const char *name = wchgi_enum_name(f->names, v->value);
  return made(c, name ? json_string_nocheck(name) : json_integer(v->value), out);
}

/* Presence as the model says, except that recordExtensions holds only the
 * foreign extensions here: ours are the identity members. */
static int json_present(const void *base, const struct wf *f) {
  struct wlist l;
  if (f->kind != WK_LIST)
    return wchg_field_present(base, f);
  l = wf_list(base, f);
  return l.items != NULL || l.count != 0;
}

/* Add obj[f->name] when the model has the field. */
static wchg_status member_to_json(struct wchgi_jctx *c, json_t *obj, const void *base,
                                  const struct wf *f) {
  size_t mark;
  json_t *v = NULL;
  wchg_status rc;
  if (!json_present(base, f))
    return WCHG_OK;
  mark = wpath_push(&c->path, f->name);
  rc = to_value(c, base, f, &v);
  if (rc == WCHG_OK)
    rc = put(c, obj, f->name, v);
  wpath_pop(&c->path, mark);
  return rc;
}

/* The one member of fields[0..n) (an untagged CHOICE: same .wrap) that is
 * set, in *set (NULL if none); WCHG_E_CHOICE when two are. */
static wchg_status group_member(struct wchgi_jctx *c, const void *base,
                                const struct wf *fields, size_t n,
                                const struct wf **set) {
  *set = NULL;
  for (size_t i = 0; i < n; i++) {
    if (!json_present(base, &fields[i]))
      continue;
    if (*set)
      return wchgi_json_fail(c, WCHG_E_CHOICE, "both %s and %s are set; %s is a CHOICE",
                             (*set)->name, fields[i].name, fields[0].wrap);
    *set = &fields[i];
  }
  return WCHG_OK;
}

/* obj[wrap] = {member: value} for the group members fields[0..n). */
static wchg_status group_to_json(struct wchgi_jctx *c, json_t *obj, const void *base,
                                 const struct wf *fields, size_t n) {
  const struct wf *set;
  size_t mark = wpath_push(&c->path, fields[0].wrap);
  json_t *inner = NULL;
  wchg_status rc = group_member(c, base, fields, n, &set);
  if (rc == WCHG_OK && set && !(inner = json_object()))
    rc = wchgi_json_nomem(c);
  if (rc == WCHG_OK && set)
    rc = member_to_json(c, inner, base, set);
  wpath_pop(&c->path, mark);
  if (rc != WCHG_OK || !set) {
    json_decref(inner);
    return rc;
  }
  return put(c, obj, set->wrap, inner);
}

/* The members of |t| into obj, in table order. */
static wchg_status fields_to_json(struct wchgi_jctx *c, json_t *obj, const void *base,
                                  const struct wt *t) {
  wchg_status rc = WCHG_OK;
  for (size_t i = 0; i < t->nfields && rc == WCHG_OK;) {
    const struct wf *f = &t->fields[i];
    size_t n = 1;
    if (f->flags & WF_GROUP) {
      while (i + n < t->nfields && same_group(f, &t->fields[i + n]))
        n++;
      rc = group_to_json(c, obj, base, f, n);
    } else {
      rc = member_to_json(c, obj, base, f);
    }
    i += n;
  }
  return rc;
}

static wchg_status struct_to_json(struct wchgi_jctx *c, const void *p,
                                  const struct wt *t, json_t **out) {
  json_t *obj = json_object();
  wchg_status rc;
  if (!obj)
    return wchgi_json_nomem(c);
  rc = fields_to_json(c, obj, p, t);
  if (rc != WCHG_OK) {
    json_decref(obj);
    return rc;
  }
  *out = obj;
  return WCHG_OK;
}

/* {alternative: value}, inside {wrap2: ...} and {wrap: ...} when the
 * alternative sits in nested untagged CHOICEs (JER nests them). */
static wchg_status choice_to_json(struct wchgi_jctx *c, const void *p,
                                  const struct wt *t, json_t **out) {
  int ch = wt_choice(p, t);
  const struct wf *alt;
  size_t mark = c->path.len;
  json_t *v = NULL;
  wchg_status rc;
  if (ch < 1 || ch > (int)t->nfields)
    return wchgi_json_fail(c, WCHG_E_CHOICE, "%s choice is %d, expected 1..%u", t->name,
                           ch, (unsigned)t->nfields);
  alt = &t->fields[ch - 1];
  if (alt->wrap)
    wpath_push(&c->path, alt->wrap);
  if (alt->wrap2)
    wpath_push(&c->path, alt->wrap2);
  wpath_push(&c->path, alt->name);
  rc = to_value(c, p, alt, &v);
  if (rc == WCHG_OK) {
    v = wrap_in(alt->name, v);
    if (alt->wrap2)
      v = wrap_in(alt->wrap2, v);
    if (alt->wrap)
      v = wrap_in(alt->wrap, v);
    rc = made(c, v, out);
  }
  wpath_pop(&c->path, mark);
  return rc;
}

static wchg_status list_to_json(struct wchgi_jctx *c, const void *base,
                                const struct wf *f, json_t **out) {
  struct wlist l = wf_list(base, f);
  json_t *arr;
  wchg_status rc = WCHG_OK;
  if (!l.items)
    return wchgi_json_fail(c, WCHG_E_ARG, "list has a count (%zu) but no items", l.count);
  if (!(arr = json_array()))
    return wchgi_json_nomem(c);
  for (size_t i = 0; i < l.count && rc == WCHG_OK; i++) {
    size_t mark = wpath_index(&c->path, i);
    json_t *v = NULL;
    rc = to_value(c, (const char *)l.items + i * f->esize, f->elem, &v);
    if (rc == WCHG_OK && json_array_append_new(arr, v))
      rc = wchgi_json_nomem(c);
    wpath_pop(&c->path, mark);
  }
  if (rc != WCHG_OK) {
    json_decref(arr);
    return rc;
  }
  *out = arr;
  return WCHG_OK;
}

/* A value the record keeps as received (schema.h), or NULL. */
static const struct wchgi_raw *raw_of(struct wchgi_jctx *c, const struct wf *f,
                                      const void *p) {
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL: case WK_NULL: case WK_TIMESTAMP: case WK_IPBIN:
    return wchgi_raw_find(c->cdr, f, p);
  default:
    return NULL;
  }
}

static wchg_status to_value(struct wchgi_jctx *c, const void *base,
                            const struct wf *f, json_t **out) {
  const void *p = wf_ptr(base, f);
  const wchg_opt_int *i = p;
  const struct wchgi_raw *raw = raw_of(c, f, p);
  char why[128];
  if (raw) {
    wchgi_raw_problem(f, raw->octets, raw->len, why, sizeof why);
    return invalid_to_json(c, raw->octets, raw->len, why, out);
  }
  switch (f->kind) {
  case WK_INT: return made(c, json_integer(i->value), out);
  case WK_ENUM: return enum_to_json(c, f, i, out);
  case WK_BOOL: return made(c, json_boolean(i->value), out);
  case WK_NULL: return made(c, json_null(), out);
  case WK_OCTETS: case WK_ANY: return hex_to_json(c, p, out);
  case WK_TEXT: return text_to_json(c, p, out);
  case WK_TIMESTAMP: return ts_to_json(c, p, out);
  case WK_IPBIN: return ip_to_json(c, p, f->hi, out);
  case WK_STRUCT: return struct_to_json(c, p, f->type, out);
  case WK_CHOICE: return choice_to_json(c, p, f->type, out);
  case WK_LIST: return list_to_json(c, base, f, out);
  case WK_OID: return oid_to_json(c, p, out);
  }
  /* LCOV_EXCL_START: every kind of schema.h has its case above */
  return wchgi_json_fail(c, WCHG_E_ARG, "schema kind %u unknown", f->kind);
  /* LCOV_EXCL_STOP */
}

wchg_status wchg_cdr_to_json(const wchg_cdr *cdr, json_t **out, wchg_diag *diag) {
  struct wchgi_jctx c = {.diag = diag};
  json_t *rec;
  wchg_status rc;
  wchgi_diag_clear(diag);
  wpath_init(&c.path, NULL);
  if (!cdr || !out)
    return wchgi_json_fail(&c, WCHG_E_ARG, "cdr and out must not be NULL");
  *out = NULL;
  c.cdr = (wchg_cdr *)(uintptr_t)cdr; /* export only reads it */
  if (!(rec = json_object()))
    return wchgi_json_nomem(&c);
  wpath_push(&c.path, ROOT);
  rc = fields_to_json(&c, rec, cdr, &wchgi_pcscf_record_type);
  if (rc == WCHG_OK)
    rc = fields_to_json(&c, rec, cdr, &wchgi_webrtc_info_type);
  if (rc != WCHG_OK) {
    json_decref(rec);
    return rc;
  }
  return made(&c, wrap_in(ROOT, rec), out);
}

wchg_status wchg_cdr_to_json_text(const wchg_cdr *cdr, size_t flags, char *buf,
                                  size_t cap, size_t *len, wchg_diag *diag) {
  struct wchgi_jctx c = {.diag = diag};
  json_t *j = NULL;
  size_t need;
  wchg_status rc;
  wpath_init(&c.path, NULL);
  if (!len || (!buf && cap > 0)) {
    wchgi_diag_clear(diag);
    return wchgi_json_fail(&c, WCHG_E_ARG, "len must not be NULL, nor buf when cap > 0");
  }
  if ((rc = wchg_cdr_to_json(cdr, &j, diag)) != WCHG_OK)
    return rc;
  /* Compact means no spaces at all: Jansson's 0 still puts ", " and ": ". */
  need = json_dumpb(j, buf, cap, flags == 0 ? JSON_COMPACT : flags);
  json_decref(j);
  if (need == 0)
    return wchgi_json_nomem(&c);
  *len = need;
  if (need > cap)
    return wchgi_json_fail(&c, WCHG_E_BUFFER, "the JSON text needs %zu bytes, the buffer "
                           "has %zu", need, cap);
  return WCHG_OK;
}

wchg_status wchg_other_record_to_json(const uint8_t *data, size_t len, json_t **out,
                                      wchg_diag *diag) {
  struct wchgi_jctx c = {.diag = diag};
  wchg_record_info info;
  wchg_octets o = {data, len};
  json_t *obj, *hex = NULL;
  wchg_status rc;
  wchgi_diag_clear(diag);
  wpath_init(&c.path, OTHER);
  if (!out || (!data && len))
    return wchgi_json_fail(&c, WCHG_E_ARG, "out must not be NULL, nor data when len > 0");
  *out = NULL;
  if ((rc = wchgi_json_other_check(&c, data, len, &info)) != WCHG_OK)
    return rc;
  if (!(obj = json_object()))
    return wchgi_json_nomem(&c);
  rc = put(&c, obj, "tag", json_integer(info.tag));
  if (rc == WCHG_OK && info.name)
    rc = put(&c, obj, "name", json_string_nocheck(info.name));
  if (rc == WCHG_OK && (rc = hex_to_json(&c, &o, &hex)) == WCHG_OK)
    rc = put(&c, obj, "ber", hex);
  if (rc != WCHG_OK) {
    json_decref(obj);
    return rc;
  }
  return made(&c, wrap_in(OTHER, obj), out);
}
