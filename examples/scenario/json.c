/*
 * json.c: the scenario reader's typed access to JSON members (internal.h):
 * each value checked for its type, range and bounds, with the JSON path
 * and a sentence on the first error; times and names of users and
 * sessions.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void *rd_alloc(rd *r, size_t size) {
  struct scn_block *b = malloc(sizeof *b + (size ? size : 1));
  if (!b) {
    if (r->code == WCHG_OK) {
      r->code = WCHG_E_NOMEM;
      if (r->err)
        snprintf(r->err->message, sizeof r->err->message, "out of memory");
    }
    return NULL;
  }
  memset(b->align, 0, size ? size : 1);
  b->next = r->s->priv->blocks;
  r->s->priv->blocks = b;
  return b->align;
}

/* Record the first error: the path of |key| under |path| (either may be
 * NULL) and a sentence. Always returns false, for "return rd_fail(...)". */
bool rd_fail(rd *r, wchg_status code, const char *path, const char *key,
             const char *fmt, ...) {
  if (r->code != WCHG_OK)
    return false;
  r->code = code;
  if (!r->err)
    return false;
  scn_error *e = r->err;
  if (path && *path && key)
    snprintf(e->path, sizeof e->path, "%s.%.40s", path, key);
  else
    snprintf(e->path, sizeof e->path, "%.40s", path && *path ? path : key ? key : "");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  va_end(ap);
  return false;
}

/* |path| "." |key| into |buf|. */
const char *rd_sub(char *buf, size_t cap, const char *path, const char *key) {
  snprintf(buf, cap, *path ? "%s.%.40s" : "%s%.40s", path, key);
  return buf;
}

static bool in_list(const char *key, const char *const *list) {
  for (; *list; list++)
    if (strcmp(key, *list) == 0)
      return true;
  return false;
}

/* |j| must be an object whose members are all in |allowed| (and in
 * |also|, may be NULL). */
bool rd_object(rd *r, const json_t *j, const char *path, const char *const *allowed,
               const char *const *also) {
  const char *key;
  json_t *v;
  if (!json_is_object(j))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, NULL, "expected an object");
  json_object_foreach((json_t *)j, key, v) {
    if (!in_list(key, allowed) && !(also && in_list(key, also)))
      return rd_fail(r, WCHG_E_JSON_KEY, path, key, "unknown member \"%.40s\"", key);
  }
  return true;
}

const char *rd_type_name(const json_t *j) {
  switch (json_typeof(j)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER: return "an integer";
  case JSON_REAL: return "a real number";
  case JSON_TRUE: case JSON_FALSE: return "a boolean";
  default: return "null";
  }
}

/* A string value |v| at |path| into |out| (a view into the JSON). */
bool rd_str_value(rd *r, const json_t *v, const char *path, wchg_str *out) {
  if (!json_is_string(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, NULL, "expected a string, not %s", rd_type_name(v));
  size_t n = json_string_length(v);
  if (n > SCN_MAX_TEXT)
    return rd_fail(r, WCHG_E_LIMIT, path, NULL, "a string of %zu bytes (at most %u)", n,
                   SCN_MAX_TEXT);
  *out = (wchg_str){json_string_value(v), n};
  return true;
}

/* Optional string member |key| of |obj|; |required| makes it mandatory. */
bool rd_str(rd *r, const json_t *obj, const char *path, const char *key, bool required,
            wchg_str *out) {
  char p[160];
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return required ? rd_fail(r, WCHG_E_MISSING, path, key, "member \"%s\" is required", key)
                    : true;
  return rd_str_value(r, v, rd_sub(p, sizeof p, path, key), out);
}

/* A C string member (a view into the JSON; NUL-terminated there). */
bool rd_cstr(rd *r, const json_t *obj, const char *path, const char *key, bool required,
             const char **out) {
  wchg_str s = {0};
  if (!rd_str(r, obj, path, key, required, &s))
    return false;
  *out = s.ptr;
  return true;
}

bool rd_int(rd *r, const json_t *obj, const char *path, const char *key, int64_t min,
            int64_t max, bool *present, int64_t *out) {
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return true;
  if (!json_is_integer(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, key, "expected an integer, not %s", rd_type_name(v));
  json_int_t n = json_integer_value(v);
  if (n < min || n > max)
    return rd_fail(r, WCHG_E_RANGE, path, key, "%" JSON_INTEGER_FORMAT " is outside %" PRId64
                "..%" PRId64, n, min, max);
  *present = true;
  *out = (int64_t)n;
  return true;
}

bool rd_opt_int(rd *r, const json_t *obj, const char *path, const char *key, int64_t min,
                int64_t max, wchg_opt_int *out) {
  return rd_int(r, obj, path, key, min, max, &out->present, &out->value);
}

bool rd_bool(rd *r, const json_t *obj, const char *path, const char *key, bool *present,
             bool *out) {
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return true;
  if (!json_is_boolean(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, key, "expected true or false, not %s",
                   rd_type_name(v));
  if (present)
    *present = true;
  *out = json_is_true(v);
  return true;
}

/* An array of strings (1..SCN_MAX_LIST) into a new wchg_str array. */
bool rd_str_list(rd *r, const json_t *obj, const char *path, const char *key,
                 const wchg_str **items, size_t *count) {
  char p[160], q[176];
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return true;
  rd_sub(p, sizeof p, path, key);
  if (!json_is_array(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, p, NULL, "expected an array of strings, not %s",
                   rd_type_name(v));
  size_t n = json_array_size(v);
  if (n == 0 || n > SCN_MAX_LIST)
    return rd_fail(r, WCHG_E_LIMIT, p, NULL, "%zu items (1 to %d allowed)", n, SCN_MAX_LIST);
  wchg_str *a = rd_alloc(r, n * sizeof *a);
  if (!a)
    return false;
  for (size_t i = 0; i < n; i++) {
    snprintf(q, sizeof q, "%s[%zu]", p, i);
    if (!rd_str_value(r, json_array_get(v, i), q, &a[i]))
      return false;
  }
  *items = a;
  *count = n;
  return true;
}

/* ------------------------------------------------------------------ */
/* Times                                                               */
/* ------------------------------------------------------------------ */

static int digits(const char **p, const char *end, int n) {
  int v = 0;
  for (int i = 0; i < n; i++, (*p)++) {
    if (*p >= end || **p < '0' || **p > '9')
      return -1;
    v = v * 10 + (**p - '0');
  }
  return v;
}

static bool expect_char(const char **p, const char *end, char c) {
  if (*p >= end || **p != c)
    return false;
  (*p)++;
  return true;
}

/* "YYYY-MM-DDTHH:MM:SS": year, month, day, hour, minute, second into
 * |f| (their ranges are checked by utc_seconds). */
static bool iso_fields(const char **p, const char *end, int f[6]) {
  static const int width[6] = {4, 2, 2, 2, 2, 2};
  static const char sep[5] = {'-', '-', 'T', ':', ':'};
  for (int i = 0; i < 6; i++)
    if ((f[i] = digits(p, end, width[i])) < 0 || (i < 5 && !expect_char(p, end, sep[i])))
      return false;
  return true;
}

/* "[.f{1,3}]": the milliseconds (0 when absent). */
static bool iso_fraction(const char **p, const char *end, int *ms) {
  int frac = 0, nd = 0;
  if (*p < end && **p == '.') {
    (*p)++;
    while (*p < end && **p >= '0' && **p <= '9' && nd < 3) {
      frac = frac * 10 + (*(*p)++ - '0');
      nd++;
    }
    if (nd == 0 || (*p < end && **p >= '0' && **p <= '9'))
      return false;
    for (; nd < 3; nd++)
      frac *= 10;
  }
  *ms = frac;
  return true;
}

/* "Z", "+HH:MM" or "-HH:MM": minutes ahead of UTC. */
static bool iso_offset(const char **p, const char *end, int *offset) {
  *offset = 0;
  if (expect_char(p, end, 'Z'))
    return true;
  if (*p >= end || (**p != '+' && **p != '-'))
    return false;
  int sign = *(*p)++ == '-' ? -1 : 1;
  int oh = digits(p, end, 2);
  if (oh < 0 || oh > 23 || !expect_char(p, end, ':'))
    return false;
  int om = digits(p, end, 2);
  if (om < 0 || om > 59)
    return false;
  *offset = sign * (oh * 60 + om);
  return true;
}

/* The Unix seconds of the UTC date and time |f| of 1970..2099, checked
 * (the day against the month and leap years) and counted by the
 * library's TimeStamp (cdr.h). It holds 2000..2099: a year before 2000
 * counts 56 years later, which has the same leap years, less the 20454
 * days of those 56 years. */
static bool utc_seconds(const int f[6], int64_t *out) {
  int shift = f[0] < 2000 ? 56 : 0;
  wchg_timestamp ts;
  if (f[0] < 1970 ||
      wchg_timestamp_set(&ts, f[0] + shift, f[1], f[2], f[3], f[4], f[5], 0) != WCHG_OK ||
      wchg_timestamp_to_unix(&ts, out, NULL) != WCHG_OK)
    return false;
  if (shift)
    *out -= INT64_C(20454) * 86400;
  return true;
}

/* "YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|+HH:MM|-HH:MM)", years 1970..2099. */
static bool parse_iso(const char *s, size_t n, int64_t *ms) {
  const char *p = s, *end = s + n;
  int f[6], frac, offset;
  int64_t t;
  if (!iso_fields(&p, end, f) || !iso_fraction(&p, end, &frac) ||
      !iso_offset(&p, end, &offset) || p != end || !utc_seconds(f, &t))
    return false;
  t -= offset * 60;
  if (t < 0)
    return false;
  *ms = t * 1000 + frac;
  return true;
}


/* Latest time accepted, as Unix ms: 2100-01-01T00:00:00Z. */
#define SCN_MAX_MS INT64_C(4102444800000)

/* A time member: Unix milliseconds, or ISO-8601 text in UTC or with an
 * offset. */
bool rd_time(rd *r, const json_t *obj, const char *path, const char *key, bool required,
             int64_t *out) {
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return required ? rd_fail(r, WCHG_E_MISSING, path, key, "member \"%s\" is required", key)
                    : true;
  if (json_is_integer(v)) {
    json_int_t n = json_integer_value(v);
    if (n < 0 || n >= SCN_MAX_MS)
      return rd_fail(r, WCHG_E_RANGE, path, key,
                     "%" JSON_INTEGER_FORMAT " ms is outside 1970..2099", n);
    *out = (int64_t)n;
    return true;
  }
  if (!json_is_string(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, key,
                   "expected Unix milliseconds or an ISO-8601 time, not %s", rd_type_name(v));
  if (!parse_iso(json_string_value(v), json_string_length(v), out) || *out >= SCN_MAX_MS)
    return rd_fail(r, WCHG_E_RANGE, path, key,
                   "\"%.40s\" is not a time like \"2026-11-24T09:00:00.123Z\" in 1970..2099",
                json_string_value(v));
  return true;
}


/* ------------------------------------------------------------------ */
/* Names of users and sessions                                         */
/* ------------------------------------------------------------------ */

bool rd_valid_name(const char *s, size_t n) {
  if (n == 0 || n > SCN_MAX_NAME || s[0] == '.')
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '_' || c == '.' || c == '-'))
      return false;
  }
  return true;
}

bool rd_name(rd *r, const json_t *obj, const char *path, const char *key, bool required,
             const char **out) {
  wchg_str s = {0};
  if (!rd_str(r, obj, path, key, required, &s))
    return false;
  if (s.ptr && !rd_valid_name(s.ptr, s.len))
    return rd_fail(r, WCHG_E_RANGE, path, key,
                   "\"%.40s\" is not a name (1 to %d of A-Z a-z 0-9 _ . -, not starting with '.')",
                s.ptr, SCN_MAX_NAME);
  *out = s.ptr;
  return true;
}

/* An optional integer 0..UINT32_MAX. */
bool rd_u32(rd *r, const json_t *obj, const char *path, const char *key, bool *present,
            uint32_t *out) {
  int64_t n = 0;
  if (!rd_int(r, obj, path, key, 0, UINT32_MAX, present, &n))
    return false;
  *out = (uint32_t)n;
  return true;
}

/* An optional string member that is one of |names| (NULL-terminated,
 * named |list| in the message): its index into *which, 0 when absent. */
bool rd_choice(rd *r, const json_t *obj, const char *path, const char *key,
               const char *const *names, const char *list, int *which) {
  wchg_str s = {0};
  *which = 0;
  if (!rd_str(r, obj, path, key, false, &s))
    return false;
  for (int k = 0; s.ptr && names[k]; k++)
    if (strcmp(names[k], s.ptr) == 0) {
      *which = k;
      return true;
    }
  return s.ptr ? rd_fail(r, WCHG_E_RANGE, path, key, "\"%.40s\" is not %s", s.ptr, list)
               : true;
}
