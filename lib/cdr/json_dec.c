/*
 * json_dec.c: the PCSCFRecord from JSON (Jansson), the inverse of
 * json_enc.c, by walking the same schema tables (schema.h): members of
 * wchgi_webrtc_info_type are the WebRTC identities; {"octets": hex,
 * "invalid": why} is a value kept as it was received (cdr_json.h); an
 * {"otherRecord": {...}} gives back the BER of that record.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/text_conv.h"
#include "base/webrtc_ext.h"
#include "cdr/json_internal.h"

/* Flags of the JSON text parser: a repeated key is an error, and text
 * fields may hold U+0000 (they are length-counted). */
#define LOAD_FLAGS (JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL)

/* Arena size for a record imported from a json_t of unknown size. */
#define JSON_ARENA_HINT 1024

static wchg_status from_value(struct wchgi_jctx *c, const json_t *j, void *base,
                              const struct wf *f);

/* The type of a value that is there: Jansson's json_is_*() test for NULL
 * first, and no value here is NULL. */
#define IS(j, t) (json_typeof(j) == (t))

static const char *json_kind(const json_t *j) {
  switch (json_typeof(j)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER: return "an integer";
  case JSON_REAL: return "a real number";
  case JSON_TRUE: case JSON_FALSE: return "a boolean";
  case JSON_NULL: return "null";
  }
  return "an unknown value"; /* LCOV_EXCL_LINE: the seven types are above */
}

static wchg_status bad_type(struct wchgi_jctx *c, const json_t *j, const char *want) {
  return wchgi_json_fail(c, WCHG_E_JSON_TYPE, "expected %s, found %s", want, json_kind(j));
}

/* A string value, or a JSON_TYPE error saying what was wanted. */
static wchg_status get_string(struct wchgi_jctx *c, const json_t *j, const char *want,
                              const char **s, size_t *n) {
  *s = NULL;
  *n = 0;
  if (!IS(j, JSON_STRING))
    return bad_type(c, j, want);
  *s = json_string_value(j);
  *n = json_string_length(j);
  return WCHG_OK;
}

static void set_int(void *p, int64_t v) {
  wchg_opt_int o = {true, v};
  memcpy(p, &o, sizeof o);
}

static wchg_status int_from_json(struct wchgi_jctx *c, const json_t *j, void *p) {
  if (!IS(j, JSON_INTEGER))
    return bad_type(c, j, "an integer");
  set_int(p, (int64_t)json_integer_value(j));
  return WCHG_OK;
}

static wchg_status enum_from_json(struct wchgi_jctx *c, const json_t *j, void *p,
                                  const struct wf *f) {
  const char *s;
  if (IS(j, JSON_INTEGER))
    return int_from_json(c, j, p);
  if (!IS(j, JSON_STRING))
    return bad_type(c, j, "an identifier string or an integer");
  s = json_string_value(j);
  for (const struct wenum *e = f->names; e && e->name; e++) {
    if (strlen(e->name) == json_string_length(j) && strcmp(e->name, s) == 0) {
      set_int(p, e->value);
      return WCHG_OK;
    }
  }
  return wchgi_json_fail(c, WCHG_E_RANGE, "\"%s\" is not an identifier of %s", s, f->name);
}

static wchg_status bool_from_json(struct wchgi_jctx *c, const json_t *j, void *p) {
  if (!(IS(j, JSON_TRUE) || IS(j, JSON_FALSE)))
    return bad_type(c, j, "true or false");
  set_int(p, IS(j, JSON_TRUE));
  return WCHG_OK;
}

static wchg_status null_from_json(struct wchgi_jctx *c, const json_t *j, void *p) {
  if (!IS(j, JSON_NULL))
    return bad_type(c, j, "null");
  *(bool *)p = true;
  return WCHG_OK;
}

/* The hex string j into b (room for its length / 2 octets; *n set) or,
 * with b NULL, only its length into *n. */
static wchg_status hex_decode(struct wchgi_jctx *c, const json_t *j, uint8_t *b,
                              size_t *n) {
  const char *s;
  size_t len;
  wchg_status rc = get_string(c, j, "a string of hex digits", &s, &len);
  if (rc != WCHG_OK)
    return rc;
  if (len % 2)
    return wchgi_json_fail(c, WCHG_E_JSON_TYPE, "expected hex digits in pairs, found %zu "
                           "characters", len);
  *n = len / 2;
  for (size_t i = 0; b && i < len; i += 2) {
    int hi = wchgi_hexval(s[i]), lo = wchgi_hexval(s[i + 1]);
    if (hi < 0 || lo < 0)
      return wchgi_json_fail(c, WCHG_E_JSON_TYPE, "expected hex digits, found '%c' at "
                             "character %zu", hi < 0 ? s[i] : s[i + 1], hi < 0 ? i : i + 1);
    b[i / 2] = (uint8_t)(hi << 4 | lo);
  }
  return WCHG_OK;
}

static wchg_status hex_from_json(struct wchgi_jctx *c, const json_t *j, void *p) {
  size_t n = 0;
  uint8_t *b;
  wchg_status rc = hex_decode(c, j, NULL, &n);
  if (rc != WCHG_OK)
    return rc;
  if (!(b = wchgi_owner_alloc(c->owner, n + 1))) /* zeroed: a C string too */
    return wchgi_json_nomem(c);
  if ((rc = hex_decode(c, j, b, &n)) != WCHG_OK)
    return rc;
  ((wchg_octets *)p)->ptr = b;
  ((wchg_octets *)p)->len = n;
  return WCHG_OK;
}

/* ---- the open type of an extension ------------------------------------- */

/* ManagementExtension.information holds one BER TLV, checked by the
 * decoder's own rules (wchgi_ber_check_open_type), so that whatever is
 * imported encodes to a record that decodes. */

static wchg_status any_from_json(struct wchgi_jctx *c, const json_t *j, void *p) {
  const wchg_octets *o = p;
  wchg_diag d;
  wchg_status rc = hex_from_json(c, j, p);
  if (rc != WCHG_OK)
    return rc;
  if (wchgi_ber_check_open_type(o->ptr, o->len, &d) != WCHG_OK)
    return wchgi_json_fail(c, WCHG_E_JSON_TYPE,
                           "expected the hex of one BER value: %s (octet %zu)", d.message,
                           d.offset);
  return WCHG_OK;
}

static wchg_status text_from_json(struct wchgi_jctx *c, const json_t *j, void *p) {
  const char *s, *copy;
  size_t n, bad;
  wchg_status rc = get_string(c, j, "a string", &s, &n);
  if (rc != WCHG_OK)
    return rc;
  /* Jansson checks what it parses, but not json_stringn_nocheck() values. */
  if (!wchgi_utf8_valid(s, n, &bad))
    return wchgi_json_fail(c, WCHG_E_UTF8, "byte %zu of the string is not valid UTF-8",
                           bad);
  if (!(copy = wchgi_owner_dup(c->owner, s, n)))
    return wchgi_json_nomem(c);
  ((wchg_str *)p)->ptr = copy;
  ((wchg_str *)p)->len = n;
  return WCHG_OK;
}

static bool ts_shape_ok(const char *s, size_t n) {
  if (n != TS_LEN)
    return false;
  for (size_t i = 0; i < n; i++) {
    char want = ts_shape[i];
    if (want == 'd' ? s[i] < '0' || s[i] > '9'
        : want == '+' ? s[i] != '+' && s[i] != '-' : s[i] != want)
      return false;
  }
  return true;
}

static wchg_status ts_from_json(struct wchgi_jctx *c, const json_t *j, void *p) {
  wchg_timestamp *ts = p;
  const char *s;
  size_t n;
  wchg_status rc = get_string(c, j, "a time string", &s, &n);
  if (rc != WCHG_OK)
    return rc;
  if (!ts_shape_ok(s, n))
    return wchgi_json_fail(c, WCHG_E_JSON_TYPE,
                           "expected a time \"20YY-MM-DDThh:mm:ss+hh:mm\", found \"%.40s\"",
                           s);
  for (int k = 0; k < 9; k++) {
    const char *d = s + ts_pos[k];
    ts->octets[k] = k == 6 ? (uint8_t)d[0]
                           : (uint8_t)((d[0] - '0') << 4 | (d[1] - '0'));
  }
  ts->present = true;
  return WCHG_OK;
}

static wchg_status ip_from_json(struct wchgi_jctx *c, const json_t *j, void *p,
                                int64_t size) {
  const char *s;
  size_t n;
  const char *want = size == 4 ? "an IPv4 address" : "an IPv6 address";
  wchg_status rc = get_string(c, j, want, &s, &n);
  if (rc != WCHG_OK)
    return rc;
  if (!wchgi_ip_from_text(s, n, p, (size_t)size))
    return wchgi_json_fail(c, WCHG_E_JSON_TYPE, "expected %s, found \"%.46s\"", want, s);
  return WCHG_OK;
}

static wchg_status oid_from_json(struct wchgi_jctx *c, const json_t *j, void *p) {
  char msg[128];
  const char *s;
  size_t n, len = 0;
  uint8_t *b;
  wchg_status rc = get_string(c, j, "a dotted OBJECT IDENTIFIER", &s, &n);
  if (rc != WCHG_OK)
    return rc;
  if (!(b = wchgi_owner_alloc(c->owner, wchgi_oid_ber_bound(n))))
    return wchgi_json_nomem(c);
  rc = wchgi_oid_from_text(s, n, b, wchgi_oid_ber_bound(n), &len, msg, sizeof msg);
  if (rc != WCHG_OK)
    return wchgi_json_fail(c, rc == WCHG_E_LIMIT ? rc : WCHG_E_JSON_TYPE,
                           "bad OBJECT IDENTIFIER \"%.40s\": %s", s, msg);
  ((wchg_octets *)p)->ptr = b;
  ((wchg_octets *)p)->len = len;
  return WCHG_OK;
}

/* A foreign extension of recordExtensions must not be ours: the decoder
 * would read it as the identities, which have their own members here. */
static wchg_status foreign_extension(struct wchgi_jctx *c,
                                     const wchg_management_extension *x) {
  size_t mark;
  if (!wchgi_is_webrtc_oid(x->identifier.ptr, x->identifier.len))
    return WCHG_OK;
  mark = wpath_push(&c->path, "identifier");
  wchgi_json_fail(c, WCHG_E_RANGE, "our WebRTC extension is given by the members "
                  "webRTCAuthenticationFunctionName and webRTCWebServerFunctionName");
  wpath_pop(&c->path, mark);
  return WCHG_E_RANGE;
}

static wchg_status list_from_json(struct wchgi_jctx *c, const json_t *j, void *base,
                                  const struct wf *f) {
  struct wlist l;
  char *items;
  size_t n;
  wchg_status rc = WCHG_OK;
  if (!IS(j, JSON_ARRAY))
    return bad_type(c, j, "an array");
  n = json_array_size(j);
  c->elements += n;
  if (n > WCHG_BER_MAX_LIST || c->elements > WCHG_BER_MAX_ELEMENTS)
    return wchgi_json_fail(c, WCHG_E_LIMIT, "%zu elements: a list holds at most %d and a "
                           "record %d", n, WCHG_BER_MAX_LIST, WCHG_BER_MAX_ELEMENTS);
  if (!(items = wchgi_owner_alloc(c->owner, n * f->esize)))
    return wchgi_json_nomem(c);
  for (size_t i = 0; i < n && rc == WCHG_OK; i++) {
    size_t mark = wpath_index(&c->path, i);
    rc = from_value(c, json_array_get(j, i), items + i * f->esize, f->elem);
    if (rc == WCHG_OK && (f->flags & WF_EXTENSIONS))
      rc = foreign_extension(c, (const void *)(items + i * f->esize));
    wpath_pop(&c->path, mark);
  }
  l.items = items;
  l.count = n;
  memcpy(wf_ptr(base, f), &l, sizeof l);
  return rc;
}

/* The one member of a CHOICE object: JSON_TYPE if not an object,
 * CHOICE unless it has exactly one member. */
static wchg_status one_member(struct wchgi_jctx *c, const json_t *j, const char *what,
                              const char **key, const json_t **val) {
  void *it;
  *key = NULL;
  if (!IS(j, JSON_OBJECT))
    return bad_type(c, j, "an object with one member");
  if (json_object_size(j) != 1)
    return wchgi_json_fail(c, WCHG_E_CHOICE, "expected exactly one alternative of %s, "
                           "found %zu members", what, json_object_size(j));
  it = json_object_iter((json_t *)(uintptr_t)j);
  *key = json_object_iter_key(it);
  *val = json_object_iter_value(it);
  return WCHG_OK;
}

/* Names of the objects an alternative sits in: wrap, wrap2, name. */
static size_t alt_levels(const struct wf *alt, const char *lv[3]) {
  size_t n = 0;
  if (alt->wrap)
    lv[n++] = alt->wrap;
  if (alt->wrap2)
    lv[n++] = alt->wrap2;
  lv[n++] = alt->name;
  return n;
}

/* An alternative of |t| whose first nk levels are keys[0..nk); *last set
 * when keys[nk - 1] is its own name. */
static const struct wf *find_alt(const struct wt *t, const char *const *keys,
                                 size_t nk, bool *last) {
  for (size_t a = 0; a < t->nfields; a++) {
    const char *lv[3];
    size_t n = alt_levels(&t->fields[a], lv), k = 0;
    while (k < nk && k < n && strcmp(lv[k], keys[k]) == 0)
      k++;
    if (k == nk) {
      *last = n == nk;
      return &t->fields[a];
    }
  }
  return NULL;
}

static wchg_status choice_from_json(struct wchgi_jctx *c, const json_t *j, void *p,
                                    const struct wt *t) {
  const char *keys[3];
  const struct wf *alt = NULL;
  bool last = false;
  size_t mark = c->path.len;
  wchg_status rc = WCHG_OK;
  for (size_t k = 0; k < 3 && !last && rc == WCHG_OK; k++) {
    rc = one_member(c, j, t->name, &keys[k], &j);
    if (rc != WCHG_OK)
      break;
    wpath_push(&c->path, keys[k]);
    if (!(alt = find_alt(t, keys, k + 1, &last)))
      rc = wchgi_json_fail(c, WCHG_E_JSON_KEY, "\"%s\" is not an alternative of %s",
                           keys[k], t->name);
  }
  if (rc == WCHG_OK) {
    int ch = (int)(alt - t->fields) + 1;
    memcpy((char *)p + t->choice_off, &ch, sizeof ch);
    rc = from_value(c, j, p, alt);
  }
  wpath_pop(&c->path, mark);
  return rc;
}

/* A member of |t| (or of |extra|) named |key|; a key that is the .wrap of
 * group members gives the first of them. */
static const struct wf *find_member(const struct wt *t, const char *key,
                                    size_t klen) {
  for (size_t i = 0; t && i < t->nfields; i++) {
    const struct wf *f = &t->fields[i];
    const char *name = f->flags & WF_GROUP ? f->wrap : f->name;
    if (strlen(name) == klen && memcmp(name, key, klen) == 0)
      return f;
  }
  return NULL;
}

/* {member: value} of the untagged CHOICE whose first member is |first|. */
static wchg_status group_from_json(struct wchgi_jctx *c, const json_t *j, void *base,
                                   const struct wt *t, const struct wf *first) {
  const struct wf *f = first, *end = t->fields + t->nfields;
  const char *key;
  size_t mark;
  wchg_status rc = one_member(c, j, first->wrap, &key, &j);
  if (rc != WCHG_OK)
    return rc;
  while (f < end && same_group(f, first) && strcmp(f->name, key) != 0)
    f++;
  mark = wpath_push(&c->path, key);
  if (f < end && same_group(f, first))
    rc = from_value(c, j, base, f);
  else
    rc = wchgi_json_fail(c, WCHG_E_JSON_KEY, "\"%s\" is not an alternative of %s", key,
                         first->wrap);
  wpath_pop(&c->path, mark);
  return rc;
}

static wchg_status missing_check(struct wchgi_jctx *c, const json_t *j,
                                 const struct wt *t) {
  for (size_t i = 0; i < t->nfields; i++) {
    const struct wf *f = &t->fields[i];
    if ((f->flags & WF_MANDATORY) && !json_object_get(j, f->name)) {
      wpath_push(&c->path, f->name);
      return wchgi_json_fail(c, WCHG_E_MISSING, "mandatory member of %s is absent",
                             t->name);
    }
  }
  return WCHG_OK;
}

/* The object |j| into the struct at |p| of type |t|; members of |extra|
 * (relative to the same struct) are also allowed. */
static wchg_status struct_from_json(struct wchgi_jctx *c, const json_t *j, void *p,
                                    const struct wt *t, const struct wt *extra) {
  const char *key;
  size_t klen;
  json_t *v;
  wchg_status rc;
  if (!IS(j, JSON_OBJECT))
    return bad_type(c, j, "an object");
  json_object_keylen_foreach((json_t *)(uintptr_t)j, key, klen, v) {
    const struct wf *f = find_member(t, key, klen);
    size_t mark = wpath_push(&c->path, key);
    if (!f)
      f = find_member(extra, key, klen);
    if (!f)
      rc = wchgi_json_fail(c, WCHG_E_JSON_KEY, "unknown member of %s", t->name);
    else if (f->flags & WF_GROUP)
      rc = group_from_json(c, v, p, t, f);
    else
      rc = from_value(c, v, p, f);
    wpath_pop(&c->path, mark);
    if (rc != WCHG_OK)
      return rc;
  }
  if ((rc = missing_check(c, j, t)) != WCHG_OK)
    return rc;
  if (t->present_off >= 0)
    *(bool *)((char *)p + t->present_off) = true;
  return WCHG_OK;
}

/* The octets |o| of a value kept as received into the value of f at p:
 * as they are where the model holds them, else a stand-in and the octets
 * kept as received (schema.h). */
static wchg_status invalid_store(struct wchgi_jctx *c, void *p, const struct wf *f,
                                 wchg_octets o) {
  char msg[128];
  switch (f->kind) {
  case WK_TEXT: /* hex_from_json's octets are in the owner, NUL-terminated */
    *(wchg_str *)p = (wchg_str){(const char *)o.ptr, o.len};
    return WCHG_OK;
  case WK_OID:
    *(wchg_octets *)p = o;
    return WCHG_OK;
  default:
    wchgi_raw_model(f, p, o.ptr, o.len);
    if (wchgi_raw_problem(f, o.ptr, o.len, msg, sizeof msg) == WCHG_OK)
      return WCHG_OK;
    return wchgi_raw_add(c->cdr, p, o.ptr, o.len) ? wchgi_json_nomem(c) : WCHG_OK;
  }
}

/* {"octets": hex, "invalid": why} (invalid_to_json) into the value of f
 * at p: the octets ("invalid" is for the reader and not looked at beyond
 * its type), stored by invalid_store. */
static wchg_status invalid_from_json(struct wchgi_jctx *c, const json_t *j, void *p,
                                     const struct wf *f) {
  const json_t *hex = json_object_get(j, "octets"), *why = json_object_get(j, "invalid");
  wchg_octets o = {NULL, 0};
  wchg_status rc;
  if (json_object_size(j) != (size_t)(hex != NULL) + (why != NULL))
    return wchgi_json_fail(c, WCHG_E_JSON_KEY, "a value kept as received has the members "
                           "\"octets\" and \"invalid\" only");
  if (!hex)
    return wchgi_json_fail(c, WCHG_E_MISSING, "a value kept as received needs \"octets\"");
  if (why && !IS(why, JSON_STRING))
    return bad_type(c, why, "a string for \"invalid\"");
  size_t mark = wpath_push(&c->path, "octets");
  rc = hex_from_json(c, hex, &o);
  wpath_pop(&c->path, mark);
  if (rc != WCHG_OK)
    return rc;
  return invalid_store(c, p, f, o);
}

/* Kinds whose value may come as {"octets": ..., "invalid": ...}. */
static bool may_be_invalid(const struct wf *f) {
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL: case WK_NULL: case WK_TEXT:
  case WK_TIMESTAMP: case WK_IPBIN: case WK_OID:
    return true;
  default:
    return false;
  }
}

static wchg_status from_value(struct wchgi_jctx *c, const json_t *j, void *base,
                              const struct wf *f) {
  void *p = wf_ptr(base, f);
  if (IS(j, JSON_OBJECT) && may_be_invalid(f))
    return invalid_from_json(c, j, p, f);
  switch (f->kind) {
  case WK_INT: return int_from_json(c, j, p);
  case WK_ENUM: return enum_from_json(c, j, p, f);
  case WK_BOOL: return bool_from_json(c, j, p);
  case WK_NULL: return null_from_json(c, j, p);
  case WK_OCTETS: return hex_from_json(c, j, p);
  case WK_ANY: return any_from_json(c, j, p);
  case WK_TEXT: return text_from_json(c, j, p);
  case WK_TIMESTAMP: return ts_from_json(c, j, p);
  case WK_IPBIN: return ip_from_json(c, j, p, f->hi);
  case WK_STRUCT: return struct_from_json(c, j, p, f->type, NULL);
  case WK_CHOICE: return choice_from_json(c, j, p, f->type);
  case WK_LIST: return list_from_json(c, j, base, f);
  case WK_OID: return oid_from_json(c, j, p);
  }
  /* LCOV_EXCL_START: every kind of schema.h has its case above */
  return wchgi_json_fail(c, WCHG_E_ARG, "schema kind %u unknown", f->kind);
  /* LCOV_EXCL_STOP */
}

/* {"pCSCFRecord": {...}} and nothing else: the inner object. */
static wchg_status record_member(struct wchgi_jctx *c, const json_t *j,
                                 const json_t **rec) {
  const char *key;
  json_t *v;
  if (!IS(j, JSON_OBJECT))
    return bad_type(c, j, "an object {\"" ROOT "\": {...}}");
  if (!(*rec = json_object_get(j, ROOT)))
    return wchgi_json_fail(c, WCHG_E_MISSING, "no member \"" ROOT "\"");
  json_object_foreach((json_t *)(uintptr_t)j, key, v) {
    if (v != *rec) {
      wpath_push(&c->path, key);
      return wchgi_json_fail(c, WCHG_E_JSON_KEY, "only \"" ROOT "\" may be at the top");
    }
  }
  return WCHG_OK;
}

static wchg_status record_from_json(const json_t *json, const wchg_mem *mem,
                                    size_t hint, wchg_cdr **out, wchg_diag *diag) {
  struct wchgi_jctx c = {.diag = diag};
  const json_t *rec = NULL;
  wchg_cdr *cdr;
  wchg_status rc;
  wpath_init(&c.path, NULL);
  if ((rc = record_member(&c, json, &rec)) != WCHG_OK)
    return rc;
  if (!(cdr = wchgi_owner_new_cdr(mem, hint)))
    return wchgi_json_nomem(&c);
  c.owner = cdr->owner_;
  c.cdr = cdr;
  wpath_push(&c.path, ROOT);
  rc = struct_from_json(&c, rec, cdr, &wchgi_pcscf_record_type,
                        &wchgi_webrtc_info_type);
  if (rc == WCHG_OK && wchgi_raw_seal(cdr) != WCHG_OK)
    rc = wchgi_json_nomem(&c);
  if (rc != WCHG_OK) {
    wchg_cdr_free(cdr);
    return rc;
  }
  *out = cdr;
  return WCHG_OK;
}

wchg_status wchg_cdr_from_json(const json_t *json, const wchg_mem *mem,
                               wchg_cdr **out, wchg_diag *diag) {
  struct wchgi_jctx c = {.diag = diag};
  wchgi_diag_clear(diag);
  wpath_init(&c.path, NULL);
  if (out)
    *out = NULL;
  if (!json || !out)
    return wchgi_json_fail(&c, WCHG_E_ARG, "json and out must not be NULL");
  return record_from_json(json, mem, JSON_ARENA_HINT, out, diag);
}

/* Did json_loadb() fail for want of memory? Jansson says so only in part:
 * some failures leave the error empty, and a string token it could not
 * allocate comes out as a syntax error on that token, which always ends
 * in '"' (a string that Jansson could read is never "invalid", and a
 * malformed one gets its own message first). */
static bool load_oom(const json_error_t *e, const char *text, size_t len) {
  size_t pos = e->position > 0 ? (size_t)e->position : 0;
  if (e->text[0] == '\0' || json_error_code(e) == json_error_out_of_memory)
    return true;
  return json_error_code(e) == json_error_invalid_syntax && pos > 0 &&
         pos <= len && text[pos - 1] == '"' &&
         (strncmp(e->text, "invalid token", 13) == 0 ||
          strncmp(e->text, "string or '}' expected", 22) == 0);
}

wchg_status wchg_cdr_from_json_text(const char *text, size_t len,
                                    const wchg_mem *mem, wchg_cdr **out,
                                    wchg_diag *diag) {
  struct wchgi_jctx c = {.diag = diag};
  json_error_t err;
  json_t *j;
  wchg_status rc;
  wchgi_diag_clear(diag);
  wpath_init(&c.path, NULL);
  if (out)
    *out = NULL;
  if (!out || (!text && len > 0))
    return wchgi_json_fail(&c, WCHG_E_ARG, "out must not be NULL, nor text when len > 0");
  memset(&err, 0, sizeof err);
  if (!(j = json_loadb(text ? text : "", len, LOAD_FLAGS, &err))) {
    if (load_oom(&err, text, len))
      return wchgi_json_nomem(&c);
    wchgi_diag_set(diag, WCHG_E_JSON, 0, (size_t)err.position, NULL,
                  "line %d column %d: %s", err.line, err.column, err.text);
    return WCHG_E_JSON;
  }
  rc = record_from_json(j, mem, len, out, diag);
  json_decref(j);
  return rc;
}

/* {"otherRecord": {...}} and the members of the inner object: "tag" and
 * "ber", "name" optional. */
static wchg_status other_members(struct wchgi_jctx *c, const json_t *json,
                                 const json_t **tag, const json_t **ber) {
  const json_t *o, *name;
  if (!IS(json, JSON_OBJECT) || json_object_size(json) != 1 ||
      !(o = json_object_get(json, OTHER)))
    return wchgi_json_fail(c, WCHG_E_JSON_TYPE, "expected {\"" OTHER "\": {...}}");
  wpath_push(&c->path, OTHER);
  if (!IS(o, JSON_OBJECT))
    return bad_type(c, o, "an object");
  name = json_object_get(o, "name");
  *tag = json_object_get(o, "tag");
  *ber = json_object_get(o, "ber");
  if (!*tag || !*ber)
    return wchgi_json_fail(c, WCHG_E_MISSING, "\"tag\" and \"ber\" are mandatory");
  if (json_object_size(o) != 2u + (name != NULL))
    return wchgi_json_fail(c, WCHG_E_JSON_KEY,
                           "the members are \"tag\", \"name\" and \"ber\" only");
  if (name && !IS(name, JSON_STRING))
    return bad_type(c, name, "a string for \"name\"");
  if (!IS(*tag, JSON_INTEGER))
    return bad_type(c, *tag, "an integer for \"tag\"");
  return WCHG_OK;
}

wchg_status wchg_other_record_from_json(const json_t *json, uint8_t *buf, size_t cap,
                                        size_t *len, wchg_diag *diag) {
  struct wchgi_jctx c = {.diag = diag};
  const json_t *tag = NULL, *ber = NULL;
  wchg_record_info info;
  wchg_status rc;
  size_t n = 0;
  wchgi_diag_clear(diag);
  wpath_init(&c.path, NULL);
  if (!json || !len || (!buf && cap))
    return wchgi_json_fail(&c, WCHG_E_ARG,
                           "json and len must not be NULL, nor buf when cap > 0");
  if ((rc = other_members(&c, json, &tag, &ber)) != WCHG_OK)
    return rc;
  wpath_push(&c.path, "ber");
  if ((rc = hex_decode(&c, ber, NULL, &n)) != WCHG_OK)
    return rc;
  *len = n;
  if (n > cap)
    return wchgi_json_fail(&c, WCHG_E_BUFFER,
                           "the record needs %zu bytes, the buffer has %zu", n, cap);
  if ((rc = hex_decode(&c, ber, buf, &n)) != WCHG_OK ||
      (rc = wchgi_json_other_check(&c, buf, n, &info)) != WCHG_OK)
    return rc;
  if (json_integer_value(tag) != (json_int_t)info.tag)
    return wchgi_json_fail(&c, WCHG_E_RANGE,
                           "the record's tag is [%u], \"tag\" says %" JSON_INTEGER_FORMAT,
                           (unsigned)info.tag, json_integer_value(tag));
  return WCHG_OK;
}
