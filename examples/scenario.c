/*
 * scenario.c: the scenario reader and runner (see scenario.h; the format
 * is documented in README.md, "Scenario format").
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include "scenario.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const struct {
  int code;
  const char *name;
} status_names[] = {
    {WCHG_OK, "WCHG_OK"},
    {WCHG_E_ARG, "WCHG_E_ARG"},
    {WCHG_E_NOMEM, "WCHG_E_NOMEM"},
    {WCHG_E_BUFFER, "WCHG_E_BUFFER"},
    {WCHG_E_TRUNCATED, "WCHG_E_TRUNCATED"},
    {WCHG_E_LENGTH, "WCHG_E_LENGTH"},
    {WCHG_E_TAG, "WCHG_E_TAG"},
    {WCHG_E_DUPLICATE, "WCHG_E_DUPLICATE"},
    {WCHG_E_MISSING, "WCHG_E_MISSING"},
    {WCHG_E_DEPTH, "WCHG_E_DEPTH"},
    {WCHG_E_LIMIT, "WCHG_E_LIMIT"},
    {WCHG_E_ENCODING, "WCHG_E_ENCODING"},
    {WCHG_E_RANGE, "WCHG_E_RANGE"},
    {WCHG_E_CONSTRAINT, "WCHG_E_CONSTRAINT"},
    {WCHG_E_UTF8, "WCHG_E_UTF8"},
    {WCHG_E_TIMESTAMP, "WCHG_E_TIMESTAMP"},
    {WCHG_E_TRAILING, "WCHG_E_TRAILING"},
    {WCHG_E_CHOICE, "WCHG_E_CHOICE"},
    {WCHG_E_JSON, "WCHG_E_JSON"},
    {WCHG_E_JSON_TYPE, "WCHG_E_JSON_TYPE"},
    {WCHG_E_JSON_KEY, "WCHG_E_JSON_KEY"},
    {WCHG_E_INVALID, "WCHG_E_INVALID"},
    {WCHG_E_EMERGENCY, "WCHG_E_EMERGENCY"},
    {WCHG_E_DIAMETER, "WCHG_E_DIAMETER"},
    {WCHG_E_STATE, "WCHG_E_STATE"},
};

const char *scn_status_name(int code) {
  for (size_t i = 0; i < sizeof status_names / sizeof status_names[0]; i++)
    if (status_names[i].code == code)
      return status_names[i].name;
  return NULL;
}

static const char *const record_names[] = {"NONE", "EVENT", "START", "INTERIM", "STOP"};

const char *scn_record_name(int32_t type) {
  return type >= 0 && type <= WCHG_ACR_STOP ? record_names[type] : "?";
}

/* ------------------------------------------------------------------ */
/* Reader state                                                        */
/* ------------------------------------------------------------------ */

struct scn_block {
  struct scn_block *next;
  max_align_t align[]; /* the caller's bytes */
};

struct scn_priv {
  json_t *root;
  struct scn_block *blocks;
};

typedef struct rd {
  scenario *s;
  scn_error *err;
  wchg_status code; /* the first error */
} rd;

static void *rd_alloc(rd *r, size_t size) {
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
static bool rd_fail(rd *r, wchg_status code, const char *path, const char *key,
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
static const char *sub(char *buf, size_t cap, const char *path, const char *key) {
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
static bool rd_object(rd *r, const json_t *j, const char *path, const char *const *allowed,
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

static const char *type_name(const json_t *j) {
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
static bool rd_str_value(rd *r, const json_t *v, const char *path, wchg_str *out) {
  if (!json_is_string(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, NULL, "expected a string, not %s", type_name(v));
  size_t n = json_string_length(v);
  if (n > SCN_MAX_TEXT)
    return rd_fail(r, WCHG_E_LIMIT, path, NULL, "a string of %zu bytes (at most %u)", n,
                SCN_MAX_TEXT);
  *out = (wchg_str){json_string_value(v), n};
  return true;
}

/* Optional string member |key| of |obj|; |required| makes it mandatory. */
static bool rd_str(rd *r, const json_t *obj, const char *path, const char *key, bool required,
                   wchg_str *out) {
  char p[160];
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return required ? rd_fail(r, WCHG_E_MISSING, path, key, "member \"%s\" is required", key)
                    : true;
  return rd_str_value(r, v, sub(p, sizeof p, path, key), out);
}

/* A C string member (a view into the JSON; NUL-terminated there). */
static bool rd_cstr(rd *r, const json_t *obj, const char *path, const char *key, bool required,
                    const char **out) {
  wchg_str s = {0};
  if (!rd_str(r, obj, path, key, required, &s))
    return false;
  *out = s.ptr;
  return true;
}

static bool rd_int(rd *r, const json_t *obj, const char *path, const char *key, int64_t min,
                   int64_t max, bool *present, int64_t *out) {
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return true;
  if (!json_is_integer(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, key, "expected an integer, not %s", type_name(v));
  json_int_t n = json_integer_value(v);
  if (n < min || n > max)
    return rd_fail(r, WCHG_E_RANGE, path, key, "%" JSON_INTEGER_FORMAT " is outside %" PRId64
                "..%" PRId64, n, min, max);
  *present = true;
  *out = (int64_t)n;
  return true;
}

static bool rd_opt_int(rd *r, const json_t *obj, const char *path, const char *key, int64_t min,
                       int64_t max, wchg_opt_int *out) {
  return rd_int(r, obj, path, key, min, max, &out->present, &out->value);
}

static bool rd_bool(rd *r, const json_t *obj, const char *path, const char *key, bool *present,
                    bool *out) {
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return true;
  if (!json_is_boolean(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, key, "expected true or false, not %s",
                type_name(v));
  if (present)
    *present = true;
  *out = json_is_true(v);
  return true;
}

/* An array of strings (1..SCN_MAX_LIST) into a new wchg_str array. */
static bool rd_str_list(rd *r, const json_t *obj, const char *path, const char *key,
                        const wchg_str **items, size_t *count) {
  char p[160], q[176];
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return true;
  sub(p, sizeof p, path, key);
  if (!json_is_array(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, p, NULL, "expected an array of strings, not %s",
                type_name(v));
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

/* "sdp": a string as it is, or an array of lines joined with CRLF (each
 * line followed by one, so never longer than its JSON text): bounded by
 * the input alone. */
static bool rd_sdp(rd *r, const json_t *obj, const char *path, wchg_str *out) {
  char p[160], q[184];
  const json_t *v = json_object_get(obj, "sdp");
  if (!v)
    return true;
  sub(p, sizeof p, path, "sdp");
  if (json_is_string(v)) {
    *out = (wchg_str){json_string_value(v), json_string_length(v)};
    return true;
  }
  if (!json_is_array(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, p, NULL,
                "expected a string or an array of lines, not %s", type_name(v));
  size_t n = json_array_size(v), total = 0;
  if (n == 0)
    return rd_fail(r, WCHG_E_LIMIT, p, NULL, "no lines (1 or more allowed)");
  for (size_t i = 0; i < n; i++) {
    const json_t *item = json_array_get(v, i);
    wchg_str line;
    snprintf(q, sizeof q, "%s[%zu]", p, i);
    if (!json_is_string(item))
      return rd_fail(r, WCHG_E_JSON_TYPE, q, NULL, "expected a string, not %s",
                     type_name(item));
    line = (wchg_str){json_string_value(item), json_string_length(item)};
    if (memchr(line.ptr, '\r', line.len) || memchr(line.ptr, '\n', line.len))
      return rd_fail(r, WCHG_E_RANGE, q, NULL, "a line holds CR or LF (the lines are joined "
                                            "with CRLF)");
    total += line.len + 2;
  }
  char *buf = rd_alloc(r, total + 1), *w = buf;
  if (!buf)
    return false;
  for (size_t i = 0; i < n; i++) {
    const json_t *line = json_array_get(v, i);
    size_t len = json_string_length(line);
    memcpy(w, json_string_value(line), len);
    memcpy(w + len, "\r\n", 2);
    w += len + 2;
  }
  *out = (wchg_str){buf, total};
  return true;
}

/* ------------------------------------------------------------------ */
/* Times                                                               */
/* ------------------------------------------------------------------ */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

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

/* "YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|+HH:MM|-HH:MM)", years 1970..2099. */
static bool parse_iso(const char *s, size_t n, int64_t *ms) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const char *p = s, *end = s + n;
  int y = digits(&p, end, 4);
  if (y < 1970 || y > 2099 || !expect_char(&p, end, '-'))
    return false;
  int mo = digits(&p, end, 2);
  if (mo < 1 || mo > 12 || !expect_char(&p, end, '-'))
    return false;
  int d = digits(&p, end, 2);
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d < 1 || d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap))
    return false;
  if (!expect_char(&p, end, 'T'))
    return false;
  int h = digits(&p, end, 2);
  if (h < 0 || h > 23 || !expect_char(&p, end, ':'))
    return false;
  int mi = digits(&p, end, 2);
  if (mi < 0 || mi > 59 || !expect_char(&p, end, ':'))
    return false;
  int sec = digits(&p, end, 2);
  if (sec < 0 || sec > 59)
    return false;
  int frac = 0;
  if (p < end && *p == '.') {
    p++;
    int nd = 0;
    while (p < end && *p >= '0' && *p <= '9' && nd < 3) {
      frac = frac * 10 + (*p++ - '0');
      nd++;
    }
    if (nd == 0 || (p < end && *p >= '0' && *p <= '9'))
      return false;
    for (; nd < 3; nd++)
      frac *= 10;
  }
  int offset = 0;
  if (expect_char(&p, end, 'Z')) {
    /* UTC */
  } else if (p < end && (*p == '+' || *p == '-')) {
    int sign = *p++ == '-' ? -1 : 1;
    int oh = digits(&p, end, 2);
    if (oh < 0 || oh > 23 || !expect_char(&p, end, ':'))
      return false;
    int om = digits(&p, end, 2);
    if (om < 0 || om > 59)
      return false;
    offset = sign * (oh * 60 + om);
  } else {
    return false;
  }
  if (p != end)
    return false;
  int64_t t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset * 60;
  if (t < 0)
    return false;
  *ms = t * 1000 + frac;
  return true;
}

/* Latest time accepted, as Unix ms: 2100-01-01T00:00:00Z. */
#define SCN_MAX_MS INT64_C(4102444800000)

/* A time member: Unix milliseconds, or ISO-8601 text in UTC or with an
 * offset. */
static bool rd_time(rd *r, const json_t *obj, const char *path, const char *key, bool required,
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
                "expected Unix milliseconds or an ISO-8601 time, not %s", type_name(v));
  if (!parse_iso(json_string_value(v), json_string_length(v), out) || *out >= SCN_MAX_MS)
    return rd_fail(r, WCHG_E_RANGE, path, key,
                "\"%.40s\" is not a time like \"2026-11-24T09:00:00.123Z\" in 1970..2099",
                json_string_value(v));
  return true;
}

/* ------------------------------------------------------------------ */
/* Names of users and sessions                                         */
/* ------------------------------------------------------------------ */

static bool valid_name(const char *s, size_t n) {
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

static bool rd_name(rd *r, const json_t *obj, const char *path, const char *key, bool required,
                    const char **out) {
  wchg_str s = {0};
  if (!rd_str(r, obj, path, key, required, &s))
    return false;
  if (s.ptr && !valid_name(s.ptr, s.len))
    return rd_fail(r, WCHG_E_RANGE, path, key,
                "\"%.40s\" is not a name (1 to %d of A-Z a-z 0-9 _ . -, not starting with '.')",
                s.ptr, SCN_MAX_NAME);
  *out = s.ptr;
  return true;
}

/* "user": the index of a user of "users"; absent: -1. */
static bool rd_user(rd *r, const json_t *obj, const char *path, bool required, int *out) {
  const char *name = NULL;
  *out = -1;
  if (!rd_name(r, obj, path, "user", required, &name))
    return false;
  if (!name)
    return true;
  for (size_t i = 0; i < r->s->user_count; i++)
    if (strcmp(r->s->users[i].name, name) == 0) {
      *out = (int)i;
      return true;
    }
  return rd_fail(r, WCHG_E_MISSING, path, "user", "no user \"%s\" in \"users\"", name);
}

/* "session": an existing session, or (|open|) a new one. */
static bool rd_session(rd *r, const json_t *obj, const char *path, bool open, int *out,
                       const char **label) {
  const char *name = NULL;
  scenario *s = r->s;
  if (!rd_name(r, obj, path, "session", true, &name))
    return false;
  *label = name;
  for (size_t i = 0; i < s->session_count; i++)
    if (strcmp(s->sessions[i], name) == 0) {
      *out = (int)i;
      return true;
    }
  if (!open)
    return rd_fail(r, WCHG_E_MISSING, path, "session",
                "session \"%s\" is not opened by an earlier \"invite\"", name);
  if (s->session_count == SCN_MAX_SESSIONS)
    return rd_fail(r, WCHG_E_LIMIT, path, "session", "more than %d sessions", SCN_MAX_SESSIONS);
  *out = (int)s->session_count;
  s->sessions[s->session_count++] = name;
  return true;
}

static bool rd_role(rd *r, const json_t *obj, const char *path, int *out) {
  wchg_str s = {0};
  *out = WCHG_ROLE_ORIGINATING;
  if (!rd_str(r, obj, path, "role", false, &s))
    return false;
  if (!s.ptr || strcmp(s.ptr, "originating") == 0)
    return true;
  if (strcmp(s.ptr, "terminating") == 0) {
    *out = WCHG_ROLE_TERMINATING;
    return true;
  }
  return rd_fail(r, WCHG_E_RANGE, path, "role",
              "\"%.40s\" is not \"originating\" or \"terminating\"", s.ptr);
}

static bool rd_unique(rd *r, const json_t *obj, const char *path, scn_step *st) {
  const json_t *v = json_object_get(obj, "unique");
  if (!v)
    return true;
  if (!json_is_integer(v) || json_integer_value(v) < 0)
    return rd_fail(r, json_is_integer(v) ? WCHG_E_RANGE : WCHG_E_JSON_TYPE, path, "unique",
                "expected a non-negative integer");
  st->has_unique = true;
  st->unique = (uint64_t)json_integer_value(v);
  return true;
}

/* ------------------------------------------------------------------ */
/* SIP events                                                          */
/* ------------------------------------------------------------------ */

/* The members of a wchg_sip_event, named as its C fields. */
static const char *const ev_members[] = {
    "method", "status_code", "call_id", "request_uri", "called_party_id", "from",
    "asserted_identity", "charging_vector", "access_network_info", "served_party_ip",
    "route_received", "route_transmitted", "sdp", "content_type", "content_length", "event",
    "expires", "reason", "icsi", "emergency", NULL};

#define STATUS_ANY 0      /* status_code optional */
#define STATUS_NONE 1     /* a request: no status_code */
#define STATUS_FINAL 2    /* a final response: 200..699, required */
#define STATUS_RESPONSE 3 /* any response: 100..699, required */

/* The event members of |obj| into |ev| (method: |method| unless the
 * member is given; |method| NULL makes the member required). */
static bool rd_event(rd *r, const json_t *obj, const char *path, const char *method,
                     int status, wchg_sip_event *ev) {
  int64_t n = 0;
  bool has = false;
  if (!rd_str(r, obj, path, "method", method == NULL, &ev->method))
    return false;
  if (!ev->method.ptr)
    ev->method = (wchg_str){method, strlen(method)};
  else if (ev->method.len == 0)
    return rd_fail(r, WCHG_E_RANGE, path, "method", "empty method");
  if (!rd_int(r, obj, path, "status_code", status == STATUS_FINAL ? 200 : 100, 699, &has, &n))
    return false;
  if (has && status == STATUS_NONE)
    return rd_fail(r, WCHG_E_RANGE, path, "status_code", "a request has no status_code");
  if (!has && status >= STATUS_FINAL)
    return rd_fail(r, WCHG_E_MISSING, path, "status_code", "member \"status_code\" is required");
  ev->status_code = (int)n;
  return rd_str(r, obj, path, "call_id", false, &ev->call_id) &&
         rd_str(r, obj, path, "request_uri", false, &ev->request_uri) &&
         rd_str(r, obj, path, "called_party_id", false, &ev->called_party_id) &&
         rd_str(r, obj, path, "from", false, &ev->from) &&
         rd_str_list(r, obj, path, "asserted_identity", &ev->asserted_identity,
                     &ev->asserted_identity_count) &&
         rd_str(r, obj, path, "charging_vector", false, &ev->charging_vector) &&
         rd_str(r, obj, path, "access_network_info", false, &ev->access_network_info) &&
         rd_str(r, obj, path, "served_party_ip", false, &ev->served_party_ip) &&
         rd_str(r, obj, path, "route_received", false, &ev->route_received) &&
         rd_str(r, obj, path, "route_transmitted", false, &ev->route_transmitted) &&
         rd_sdp(r, obj, path, &ev->sdp) &&
         rd_str(r, obj, path, "content_type", false, &ev->content_type) &&
         rd_opt_int(r, obj, path, "content_length", 0, INT32_MAX, &ev->content_length) &&
         rd_str(r, obj, path, "event", false, &ev->event) &&
         rd_opt_int(r, obj, path, "expires", 0, UINT32_MAX, &ev->expires) &&
         rd_str_list(r, obj, path, "reason", &ev->reason, &ev->reason_count) &&
         rd_str(r, obj, path, "icsi", false, &ev->icsi) &&
         rd_bool(r, obj, path, "emergency", NULL, &ev->emergency);
}

/* A nested request or response object (register, message, standalone):
 * the event members and its own optional "at" (default |at|). */
static bool rd_nested_event(rd *r, const json_t *obj, const char *path, const char *key,
                            const char *method, int status, int64_t at, wchg_sip_event *ev) {
  static const char *const also[] = {"at", NULL};
  char p[160];
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return rd_fail(r, WCHG_E_MISSING, path, key, "member \"%s\" is required", key);
  sub(p, sizeof p, path, key);
  ev->time_ms = at;
  return rd_object(r, v, p, ev_members, also) && rd_time(r, v, p, "at", false, &ev->time_ms) &&
         rd_event(r, v, p, method, status, ev);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

static bool rd_register(rd *r, const json_t *a, const char *p, scn_step *st) {
  static const char *const members[] = {
      "user", "label", "flavour", "impu", "authorization", "waf", "wwsf", "instance_id",
      "associated_uri", "unique", "request", "response", NULL};
  wchg_register_event *reg = &st->reg;
  wchg_str flavour = {0};
  if (!rd_object(r, a, p, members, NULL) || !rd_user(r, a, p, true, &st->user) ||
      !rd_name(r, a, p, "label", false, &st->label) ||
      !rd_str(r, a, p, "flavour", true, &flavour))
    return false;
  if (strcmp(flavour.ptr, "h3") == 0)
    reg->flavour = WCHG_REG_WEBRTC_H3;
  else if (strcmp(flavour.ptr, "h4") == 0)
    reg->flavour = WCHG_REG_WEBRTC_H4;
  else if (strcmp(flavour.ptr, "ims") == 0)
    reg->flavour = WCHG_REG_IMS;
  else
    return rd_fail(r, WCHG_E_RANGE, p, "flavour", "\"%.40s\" is not \"h3\", \"h4\" or \"ims\"",
                flavour.ptr);
  return rd_str(r, a, p, "impu", false, &reg->impu) &&
         rd_str(r, a, p, "authorization", false, &reg->authorization) &&
         rd_str(r, a, p, "waf", false, &reg->waf) && rd_str(r, a, p, "wwsf", false, &reg->wwsf) &&
         rd_str(r, a, p, "instance_id", false, &reg->instance_id) &&
         rd_str_list(r, a, p, "associated_uri", &reg->associated_uri,
                     &reg->associated_uri_count) &&
         rd_unique(r, a, p, st) &&
         rd_nested_event(r, a, p, "request", "REGISTER", STATUS_NONE, st->at_ms,
                         &reg->request) &&
         rd_nested_event(r, a, p, "response", "REGISTER", STATUS_FINAL, st->at_ms,
                         &reg->response);
}

/* message / standalone: a request and its final response. */
static bool rd_standalone(rd *r, const json_t *a, const char *p, const char *method,
                          scn_step *st) {
  static const char *const members[] = {"user", "label", "role", "unique", "request",
                                        "response", NULL};
  if (!rd_object(r, a, p, members, NULL) || !rd_user(r, a, p, false, &st->user) ||
      !rd_name(r, a, p, "label", false, &st->label) || !rd_role(r, a, p, &st->role_of_node) ||
      !rd_unique(r, a, p, st) ||
      !rd_nested_event(r, a, p, "request", method, STATUS_NONE, st->at_ms, &st->ev))
    return false;
  return rd_nested_event(r, a, p, "response", st->ev.method.ptr, STATUS_FINAL, st->at_ms,
                         &st->response);
}

static bool rd_invite(rd *r, const json_t *a, const char *p, scn_step *st) {
  static const char *const also[] = {"session", "user", "role", "unique", NULL};
  return rd_object(r, a, p, ev_members, also) &&
         rd_session(r, a, p, true, &st->session, &st->label) &&
         rd_user(r, a, p, false, &st->user) && rd_role(r, a, p, &st->role_of_node) &&
         rd_unique(r, a, p, st) && rd_event(r, a, p, "INVITE", STATUS_NONE, &st->ev);
}

/* In-dialog requests: the verb sets the method, except "request". */
static bool rd_request(rd *r, const json_t *a, const char *p, const char *method,
                       scn_step *st) {
  static const char *const also[] = {"session", NULL};
  if (!rd_object(r, a, p, ev_members, also))
    return false;
  if (method && json_object_get(a, "method"))
    return rd_fail(r, WCHG_E_JSON_KEY, p, "method", "the step's name gives the method (%s)",
                method);
  return rd_session(r, a, p, false, &st->session, &st->label) &&
         rd_event(r, a, p, method, STATUS_NONE, &st->ev);
}

static bool rd_response(rd *r, const json_t *a, const char *p, scn_step *st) {
  static const char *const also[] = {"session", NULL};
  return rd_object(r, a, p, ev_members, also) &&
         rd_session(r, a, p, false, &st->session, &st->label) &&
         rd_event(r, a, p, "INVITE", STATUS_RESPONSE, &st->ev);
}

static bool rd_tick(rd *r, const json_t *a, const char *p, scn_step *st) {
  static const char *const members[] = {"session", NULL};
  return rd_object(r, a, p, members, NULL) &&
         rd_session(r, a, p, false, &st->session, &st->label);
}

/* The step's member names that are actions, and what each reads. */
enum { A_REGISTER, A_INVITE, A_REQ, A_RESPONSE, A_TICK, A_STANDALONE };
static const struct {
  const char *verb;
  int kind;
  const char *method; /* of A_REQ and A_STANDALONE; NULL: "method" member */
} actions[] = {
    {"register", A_REGISTER, NULL},  {"invite", A_INVITE, NULL},
    {"reinvite", A_REQ, "INVITE"},   {"update", A_REQ, "UPDATE"},
    {"prack", A_REQ, "PRACK"},       {"ack", A_REQ, "ACK"},
    {"bye", A_REQ, "BYE"},           {"cancel", A_REQ, "CANCEL"},
    {"request", A_REQ, NULL},        {"response", A_RESPONSE, NULL},
    {"tick", A_TICK, NULL},          {"message", A_STANDALONE, "MESSAGE"},
    {"standalone", A_STANDALONE, NULL},
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

/* ------------------------------------------------------------------ */
/* Expectations                                                        */
/* ------------------------------------------------------------------ */

/* An optional integer 0..UINT32_MAX. */
static bool rd_u32(rd *r, const json_t *obj, const char *path, const char *key, bool *present,
                   uint32_t *out) {
  int64_t n = 0;
  if (!rd_int(r, obj, path, key, 0, UINT32_MAX, present, &n))
    return false;
  *out = (uint32_t)n;
  return true;
}

static bool rd_want(rd *r, const json_t *obj, const char *path, const char *key, scn_want *want,
                    wchg_str *value) {
  const json_t *v = json_object_get(obj, key);
  char p[160];
  if (!v)
    return true;
  if (json_is_null(v)) {
    *want = SCN_NONE;
    return true;
  }
  *want = SCN_VALUE;
  return rd_str_value(r, v, sub(p, sizeof p, path, key), value);
}

static bool rd_expect(rd *r, const json_t *step, const char *path, scn_expect *ex) {
  static const char *const members[] = {"error",    "record",  "number",    "cause_code",
                                        "waf",      "wwsf",    "emergency", "warnings",
                                        "warning",  "sdp_media", "sdp_descriptions", NULL};
  char p[160];
  const json_t *o = json_object_get(step, "expect");
  wchg_str s = {0};
  int64_t n = 0;
  if (!o)
    return true;
  sub(p, sizeof p, path, "expect");
  if (!rd_object(r, o, p, members, NULL))
    return false;
  ex->present = true;
  if (!rd_str(r, o, p, "error", false, &s))
    return false;
  if (s.ptr) {
    size_t i;
    for (i = 0; i < sizeof status_names / sizeof status_names[0]; i++)
      if (strcmp(status_names[i].name, s.ptr) == 0)
        break;
    if (i == sizeof status_names / sizeof status_names[0])
      return rd_fail(r, WCHG_E_RANGE, p, "error", "\"%.40s\" is not a wchg_status name "
                                               "(e.g. \"WCHG_E_EMERGENCY\")", s.ptr);
    ex->has_error = true;
    ex->error = (wchg_status)status_names[i].code;
  }
  s = (wchg_str){0};
  if (!rd_str(r, o, p, "record", false, &s))
    return false;
  if (s.ptr) {
    int32_t t;
    for (t = WCHG_ACR_NONE; t <= WCHG_ACR_STOP; t++)
      if (strcmp(record_names[t], s.ptr) == 0)
        break;
    if (t > WCHG_ACR_STOP)
      return rd_fail(r, WCHG_E_RANGE, p, "record",
                  "\"%.40s\" is not NONE, EVENT, START, INTERIM or STOP", s.ptr);
    ex->has_record = true;
    ex->record = t;
  }
  if (!rd_int(r, o, p, "number", 0, UINT32_MAX, &ex->has_number, &n))
    return false;
  ex->number = (uint32_t)n;
  const json_t *cc = json_object_get(o, "cause_code");
  if (cc && json_is_null(cc)) {
    ex->cause = SCN_NONE;
  } else {
    bool has = false;
    if (!rd_int(r, o, p, "cause_code", INT32_MIN, INT32_MAX, &has, &n))
      return false;
    if (has) {
      ex->cause = SCN_VALUE;
      ex->cause_code = (int32_t)n;
    }
  }
  if (!rd_want(r, o, p, "waf", &ex->waf, &ex->waf_value) ||
      !rd_want(r, o, p, "wwsf", &ex->wwsf, &ex->wwsf_value) ||
      !rd_bool(r, o, p, "emergency", &ex->has_emergency, &ex->emergency) ||
      !rd_u32(r, o, p, "warnings", &ex->has_warnings, &ex->warnings) ||
      !rd_str(r, o, p, "warning", false, &ex->warning) ||
      !rd_u32(r, o, p, "sdp_media", &ex->has_sdp_media, &ex->sdp_media) ||
      !rd_u32(r, o, p, "sdp_descriptions", &ex->has_sdp_descriptions, &ex->sdp_descriptions))
    return false;
  if (ex->has_error && ex->error != WCHG_OK &&
      (ex->has_record || ex->has_number || ex->cause || ex->waf || ex->wwsf ||
       ex->has_emergency || ex->has_warnings || ex->warning.ptr || ex->has_sdp_media ||
       ex->has_sdp_descriptions))
    return rd_fail(r, WCHG_E_RANGE, p, "error",
                "a step that fails gives no record: \"error\" goes alone");
  return true;
}

/* One "aca" entry's "expect": a verdict name or a wchg_status name. */
static bool rd_aca_expect(rd *r, const json_t *o, const char *path, scn_aca *a) {
  wchg_str s = {0};
  if (!rd_str(r, o, path, "expect", false, &s))
    return false;
  if (!s.ptr)
    return true;
  a->has_expect = true;
  for (int v = WCHG_CTF_DONE; v <= WCHG_CTF_FAILED; v++)
    if (strcmp(s.ptr, wchg_ctf_verdict_name(v)) == 0) {
      a->verdict = (wchg_ctf_verdict)v;
      return true;
    }
  for (size_t i = 0; i < sizeof status_names / sizeof status_names[0]; i++)
    if (strcmp(status_names[i].name, s.ptr) == 0 && status_names[i].code != WCHG_OK) {
      a->expect_error = true;
      a->error = (wchg_status)status_names[i].code;
      return true;
    }
  return rd_fail(r, WCHG_E_RANGE, path, "expect",
                 "\"%.40s\" is not DONE, RESEND, FAILOVER, FAILED or a wchg_status name", s.ptr);
}

/* "aca": what each transmission of the step's ACR gets back. */
static bool rd_aca(rd *r, const json_t *step, const char *path, scn_step *st) {
  static const char *const members[] = {"result_code", "acct_interim_interval", "origin_host",
                                        "lost", "duplicate", "expect", NULL};
  char p[64], q[80];
  const json_t *v = json_object_get(step, "aca");
  bool answered = false;
  if (!v)
    return true;
  sub(p, sizeof p, path, "aca");
  if (st->action == SCN_INVITE || (st->expect.has_error && st->expect.error != WCHG_OK))
    return rd_fail(r, WCHG_E_RANGE, p, NULL, "the step gives no record to answer");
  if (!json_is_array(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, p, NULL, "expected an array, not %s", type_name(v));
  size_t n = json_array_size(v);
  if (n == 0 || n > SCN_MAX_ACA)
    return rd_fail(r, WCHG_E_LIMIT, p, NULL, "%zu answers (1 to %d allowed)", n, SCN_MAX_ACA);
  scn_aca *list = rd_alloc(r, n * sizeof *list);
  if (!list)
    return false;
  for (size_t i = 0; i < n; i++) {
    const json_t *o = json_array_get(v, i);
    scn_aca *a = &list[i];
    bool lost = false, dup = false, has_rc = false;
    int64_t rc = 2001;
    snprintf(q, sizeof q, "%s[%zu]", p, i);
    if (!rd_object(r, o, q, members, NULL) || !rd_bool(r, o, q, "lost", NULL, &lost) ||
        !rd_bool(r, o, q, "duplicate", NULL, &dup) ||
        !rd_int(r, o, q, "result_code", 0, UINT32_MAX, &has_rc, &rc) ||
        !rd_opt_int(r, o, q, "acct_interim_interval", 0, UINT32_MAX,
                    &a->acct_interim_interval) ||
        !rd_str(r, o, q, "origin_host", false, &a->origin_host) || !rd_aca_expect(r, o, q, a))
      return false;
    if ((lost || dup) && (has_rc || a->acct_interim_interval.present || a->origin_host.ptr))
      return rd_fail(r, WCHG_E_RANGE, q, lost ? "lost" : "duplicate",
                     "a lost or repeated answer has no fields of its own");
    if (lost && dup)
      return rd_fail(r, WCHG_E_RANGE, q, "duplicate", "an answer is lost or repeated, not both");
    if (dup && !answered)
      return rd_fail(r, WCHG_E_RANGE, q, "duplicate", "no ACA before it to repeat");
    a->kind = lost ? SCN_ACA_LOST : dup ? SCN_ACA_DUPLICATE : SCN_ACA_ANSWER;
    a->result_code = (uint32_t)rc;
    answered = answered || !lost;
  }
  st->aca = list;
  st->aca_count = n;
  return true;
}

/* ------------------------------------------------------------------ */
/* Steps and the document                                              */
/* ------------------------------------------------------------------ */

/* "<user>-<what>", the label of a register or standalone step without
 * one of its own. */
static bool default_label(rd *r, scn_step *st, const char *user, const char *what) {
  size_t n = strlen(user) + strlen(what) + 2;
  char *label = rd_alloc(r, n);
  if (!label)
    return false;
  snprintf(label, n, "%s-%s", user, what);
  st->label = label;
  return true;
}

static bool rd_step(rd *r, const json_t *j, size_t index, scn_step *st) {
  char path[32], p[64];
  const char *key;
  json_t *v;
  size_t which = N_ACTIONS;

  snprintf(path, sizeof path, "steps[%zu]", index);
  if (!json_is_object(j))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, NULL, "expected an object, not %s", type_name(j));
  json_object_foreach((json_t *)j, key, v) {
    if (strcmp(key, "at") == 0 || strcmp(key, "expect") == 0 || strcmp(key, "note") == 0 ||
        strcmp(key, "aca") == 0)
      continue;
    size_t i;
    for (i = 0; i < N_ACTIONS; i++)
      if (strcmp(key, actions[i].verb) == 0)
        break;
    if (i == N_ACTIONS)
      return rd_fail(r, WCHG_E_JSON_KEY, path, key, "unknown member \"%.40s\"", key);
    if (which != N_ACTIONS)
      return rd_fail(r, WCHG_E_DUPLICATE, path, key, "a second action (after \"%s\")",
                  actions[which].verb);
    which = i;
  }
  if (which == N_ACTIONS)
    return rd_fail(r, WCHG_E_MISSING, path, NULL,
                "no action (register, invite, reinvite, update, prack, ack, bye, cancel, "
                "request, response, tick, message or standalone)");
  wchg_str note = {0};
  if (!rd_time(r, j, path, "at", true, &st->at_ms) || !rd_str(r, j, path, "note", false, &note))
    return false;
  st->verb = actions[which].verb;
  st->session = -1;
  st->user = -1;
  st->ev.time_ms = st->at_ms;
  const json_t *a = json_object_get(j, st->verb);
  sub(p, sizeof p, path, st->verb);
  bool ok;
  switch (actions[which].kind) {
  case A_REGISTER:
    st->action = SCN_REGISTER;
    ok = rd_register(r, a, p, st);
    if (ok && !st->label)
      ok = default_label(r, st, r->s->users[st->user].name, "reg");
    break;
  case A_INVITE:
    st->action = SCN_INVITE;
    ok = rd_invite(r, a, p, st);
    break;
  case A_REQ:
    st->action = SCN_REQUEST;
    ok = rd_request(r, a, p, actions[which].method, st);
    break;
  case A_RESPONSE:
    st->action = SCN_RESPONSE;
    ok = rd_response(r, a, p, st);
    break;
  case A_TICK:
    st->action = SCN_TICK;
    ok = rd_tick(r, a, p, st);
    break;
  default:
    st->action = SCN_STANDALONE;
    ok = rd_standalone(r, a, p, actions[which].method, st);
    if (ok && !st->label)
      ok = st->user >= 0 ? default_label(r, st, r->s->users[st->user].name, st->verb)
                         : (st->label = st->verb) != NULL;
    break;
  }
  return ok && rd_expect(r, j, path, &st->expect) && rd_aca(r, j, path, st);
}

/* An optional string member that is one of |names| (NULL-terminated,
 * named |list| in the message): its index into *which, 0 when absent. */
static bool rd_choice(rd *r, const json_t *obj, const char *path, const char *key,
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

static bool rd_config(rd *r, const json_t *root) {
  static const char *const members[] = {
      "origin_host", "origin_realm", "destination_realm", "destination_host",
      "origin_state_id", "acct_interim_interval", "service_context_id",
      "ims_visited_network_identifier", "session_id_optional", "boot_count", "sdp_lines",
      "sdp_policy", "sdp_max_bytes", "sdp_max_media", NULL};
  static const char *const lines[] = {"charging", "all", "none", NULL};
  static const char *const policies[] = {"receive", "strict", NULL};
  uint32_t max_bytes = 0, max_media = 0;
  int which;
  const char *p = "config";
  const json_t *c = json_object_get(root, "config");
  wchg_ctf_config *cfg = &r->s->config;
  int64_t boot = 1;
  bool has = false;
  if (!c)
    return rd_fail(r, WCHG_E_MISSING, NULL, "config", "member \"config\" is required");
  if (!rd_object(r, c, p, members, NULL) ||
      !rd_str(r, c, p, "origin_host", true, &cfg->origin_host) ||
      !rd_str(r, c, p, "origin_realm", true, &cfg->origin_realm) ||
      !rd_str(r, c, p, "destination_realm", true, &cfg->destination_realm) ||
      !rd_str(r, c, p, "destination_host", false, &cfg->destination_host) ||
      !rd_opt_int(r, c, p, "origin_state_id", 0, UINT32_MAX, &cfg->origin_state_id) ||
      !rd_opt_int(r, c, p, "acct_interim_interval", 0, UINT32_MAX,
                  &cfg->acct_interim_interval) ||
      !rd_str(r, c, p, "service_context_id", false, &cfg->service_context_id) ||
      !rd_str(r, c, p, "ims_visited_network_identifier", false,
              &cfg->ims_visited_network_identifier) ||
      !rd_str(r, c, p, "session_id_optional", false, &cfg->session_id_optional) ||
      !rd_int(r, c, p, "boot_count", 0, UINT32_MAX, &has, &boot) ||
      !rd_u32(r, c, p, "sdp_max_bytes", &has, &max_bytes) ||
      !rd_u32(r, c, p, "sdp_max_media", &has, &max_media))
    return false;
  r->s->boot_count = (uint32_t)boot;
  cfg->sdp_limits = (wchg_sdp_limits){max_bytes, max_media};
  if (!rd_choice(r, c, p, "sdp_lines", lines, "\"charging\", \"all\" or \"none\"", &which))
    return false;
  cfg->sdp_lines = (wchg_ctf_sdp_lines)which; /* in the order of the enum */
  if (!rd_choice(r, c, p, "sdp_policy", policies, "\"receive\" or \"strict\"", &which))
    return false;
  cfg->sdp_policy = (wchg_policy)which;
  return true;
}

static bool rd_users(rd *r, const json_t *root) {
  static const char *const members[] = {"description", NULL};
  const json_t *u = json_object_get(root, "users");
  const char *key;
  json_t *v;
  char p[64];
  if (!u)
    return true;
  if (!json_is_object(u))
    return rd_fail(r, WCHG_E_JSON_TYPE, "users", NULL, "expected an object, not %s",
                type_name(u));
  size_t n = json_object_size(u);
  if (n > SCN_MAX_USERS)
    return rd_fail(r, WCHG_E_LIMIT, "users", NULL, "%zu users (at most %d)", n, SCN_MAX_USERS);
  if (n && !(r->s->users = rd_alloc(r, n * sizeof *r->s->users)))
    return false;
  json_object_foreach((json_t *)u, key, v) {
    scn_user *user = &r->s->users[r->s->user_count];
    sub(p, sizeof p, "users", key);
    if (!valid_name(key, strlen(key)))
      return rd_fail(r, WCHG_E_RANGE, "users", key,
                  "\"%.40s\" is not a name (1 to %d of A-Z a-z 0-9 _ . -, not starting "
                  "with '.')", key, SCN_MAX_NAME);
    if (!rd_object(r, v, p, members, NULL) ||
        !rd_cstr(r, v, p, "description", false, &user->description))
      return false;
    user->name = key;
    r->s->user_count++;
  }
  return true;
}

static bool rd_document(rd *r, const json_t *root) {
  static const char *const members[] = {"description", "config", "users", "steps", NULL};
  scenario *s = r->s;
  if (!rd_object(r, root, "", members, NULL) ||
      !rd_cstr(r, root, "", "description", false, &s->description) || !rd_config(r, root) ||
      !rd_users(r, root))
    return false;
  const json_t *steps = json_object_get(root, "steps");
  if (!steps)
    return rd_fail(r, WCHG_E_MISSING, NULL, "steps", "member \"steps\" is required");
  if (!json_is_array(steps))
    return rd_fail(r, WCHG_E_JSON_TYPE, "steps", NULL, "expected an array, not %s",
                type_name(steps));
  size_t n = json_array_size(steps);
  if (n > SCN_MAX_STEPS)
    return rd_fail(r, WCHG_E_LIMIT, "steps", NULL, "%zu steps (at most %d)", n, SCN_MAX_STEPS);
  if (n && (!(s->steps = rd_alloc(r, n * sizeof *s->steps)) ||
            !(s->sessions = rd_alloc(r, SCN_MAX_SESSIONS * sizeof *s->sessions))))
    return false;
  for (size_t i = 0; i < n; i++) {
    if (!rd_step(r, json_array_get(steps, i), i, &s->steps[i]))
      return false;
    s->step_count++;
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* Where a path is in the text                                         */
/* ------------------------------------------------------------------ */

/* Jansson keeps no positions of values, so an error found after parsing
 * is placed by walking the text (valid JSON by then) along its path. */
typedef struct scan {
  const char *p, *end;
} scan;

static void skip_ws(scan *s) {
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

/* At '"': past the closing quote. */
static bool skip_string(scan *s) {
  for (s->p++; s->p < s->end; s->p++) {
    if (*s->p == '\\')
      s->p++;
    else if (*s->p == '"') {
      s->p++;
      return true;
    }
  }
  return false;
}

/* Past one value: a string, a container, or a scalar. */
static bool skip_value(scan *s) {
  size_t depth = 0;
  skip_ws(s);
  while (s->p < s->end) {
    char c = *s->p;
    if (c == '"') {
      if (!skip_string(s))
        return false;
      if (depth == 0)
        return true;
      continue;
    }
    if (c == '{' || c == '[') {
      depth++;
    } else if (c == '}' || c == ']') {
      if (depth == 0)
        return true; /* the end of the container of a scalar */
      if (--depth == 0) {
        s->p++;
        return true;
      }
    } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      return true;
    }
    s->p++;
  }
  return depth == 0;
}

/* The offset of the deepest value of |path| ("a.b[2].c") found in |text|. */
static size_t locate(const char *text, size_t len, const char *path) {
  scan s = {text, text + len};
  const char *rest = path;
  skip_ws(&s);
  size_t best = (size_t)(s.p - text);
  while (*rest && s.p < s.end) {
    bool found = false;
    if (*s.p == '{' && *rest != '[') {
      s.p++;
      for (;;) {
        skip_ws(&s);
        if (s.p >= s.end || *s.p != '"')
          break;
        const char *k = s.p + 1;
        if (!skip_string(&s))
          break;
        size_t klen = (size_t)(s.p - 1 - k);
        skip_ws(&s);
        if (s.p >= s.end || *s.p != ':')
          break;
        s.p++;
        skip_ws(&s);
        if (strncmp(rest, k, klen) == 0 && !memchr(k, '\\', klen) &&
            (rest[klen] == '.' || rest[klen] == '[' || rest[klen] == '\0')) {
          rest += klen + (rest[klen] == '.');
          found = true;
          break;
        }
        if (!skip_value(&s))
          break;
        skip_ws(&s);
        if (s.p >= s.end || *s.p != ',')
          break;
        s.p++;
      }
    } else if (*s.p == '[' && *rest == '[') {
      char *after;
      unsigned long n = strtoul(rest + 1, &after, 10);
      if (*after != ']')
        break;
      rest = after + 1 + (after[1] == '.');
      s.p++;
      for (unsigned long i = 0;; i++) {
        skip_ws(&s);
        if (i == n) {
          found = s.p < s.end && *s.p != ']';
          break;
        }
        if (!skip_value(&s))
          break;
        skip_ws(&s);
        if (s.p >= s.end || *s.p != ',')
          break;
        s.p++;
      }
    }
    if (!found)
      break;
    best = (size_t)(s.p - text);
  }
  return best;
}

/* Line and column (1-based; the column counts characters) of |pos|. */
static void line_column(const char *text, size_t pos, scn_error *e) {
  e->line = 1;
  e->column = 1;
  for (size_t i = 0; i < pos; i++) {
    if (text[i] == '\n') {
      e->line++;
      e->column = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      e->column++;
    }
  }
  e->position = pos;
}

/* Jansson reports a failed allocation only in its text. */
static bool jansson_oom(const json_error_t *e) {
  return strstr(e->text, "out of memory") != NULL;
}

wchg_status scn_parse(const char *text, size_t len, scenario **out, scn_error *err) {
  rd r = {.err = err};
  json_error_t je;

  if (err)
    memset(err, 0, sizeof *err);
  if (!out || (!text && len))
    return err ? err->code = WCHG_E_ARG : WCHG_E_ARG;
  *out = NULL;
  if (len > SCN_MAX_INPUT) {
    if (err) {
      err->code = WCHG_E_LIMIT;
      snprintf(err->message, sizeof err->message, "%zu bytes of JSON (at most %u)", len,
               SCN_MAX_INPUT);
    }
    return WCHG_E_LIMIT;
  }
  scenario *s = calloc(1, sizeof *s);
  struct scn_priv *priv = calloc(1, sizeof *priv);
  if (!s || !priv) {
    free(s);
    free(priv);
    if (err) {
      err->code = WCHG_E_NOMEM;
      snprintf(err->message, sizeof err->message, "out of memory");
    }
    return WCHG_E_NOMEM;
  }
  s->priv = priv;
  r.s = s;
  priv->root = json_loadb(text ? text : "", len, JSON_REJECT_DUPLICATES, &je);
  if (!priv->root) {
    r.code = jansson_oom(&je) ? WCHG_E_NOMEM : WCHG_E_JSON;
    if (err) {
      err->line = je.line;
      err->column = je.column;
      err->position = (size_t)je.position;
      snprintf(err->message, sizeof err->message, "%s", je.text);
    }
  } else {
    if (!rd_document(&r, priv->root) && err && r.code != WCHG_E_NOMEM)
      line_column(text, locate(text, len, err->path), err);
  }
  if (r.code != WCHG_OK) {
    if (err)
      err->code = r.code;
    scn_free(s);
    return r.code;
  }
  *out = s;
  return WCHG_OK;
}

void scn_free(scenario *s) {
  if (!s)
    return;
  if (s->priv) {
    struct scn_block *b = s->priv->blocks;
    while (b) {
      struct scn_block *next = b->next;
      free(b);
      b = next;
    }
    json_decref(s->priv->root);
    free(s->priv);
  }
  free(s);
}

/* ------------------------------------------------------------------ */
/* Runner                                                              */
/* ------------------------------------------------------------------ */

/* A growable byte buffer of the runner. */
typedef struct bytes {
  uint8_t *p;
  size_t len, cap;
} bytes;

typedef struct runner {
  const scenario *s;
  wchg_ctf_reg **regs;          /* one per user */
  wchg_ctf_session **sessions;  /* one per session name */
  wchg_ctf_pending *pending;    /* EVENTs without a session, with "aca" */
  wchg_ctf_record *rec;
  uint8_t *buf;                 /* the encoded ACR */
  size_t cap;
  scn_exchange ex[SCN_MAX_ACA]; /* a step's "aca" entries as they ran */
  bytes sent[SCN_MAX_ACA], got[SCN_MAX_ACA]; /* their copies */
  uint32_t next_unique;
  size_t records;
  char why[640];
} runner;

static bool str_eq(wchg_str a, wchg_str b) {
  return (a.ptr == NULL) == (b.ptr == NULL) && a.len == b.len &&
         (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static bool check_want(runner *rn, const char *what, scn_want want, wchg_str exp, wchg_str got) {
  if (want == SCN_VALUE && !str_eq(exp, got)) {
    snprintf(rn->why, sizeof rn->why, "%s: expected \"%.*s\", got %s%.*s%s", what,
             (int)(exp.len > 80 ? 80 : exp.len), exp.ptr, got.ptr ? "\"" : "none",
             (int)(got.len > 80 ? 80 : got.len), got.ptr ? got.ptr : "", got.ptr ? "\"" : "");
    return false;
  }
  if (want == SCN_NONE && got.ptr) {
    snprintf(rn->why, sizeof rn->why, "%s: expected none, got \"%.*s\"", what,
             (int)(got.len > 80 ? 80 : got.len), got.ptr);
    return false;
  }
  return true;
}

/* The warnings the step expects (count, the first one's path). */
static bool check_warnings(runner *rn, const scn_expect *ex, const wchg_warnings *w) {
  wchg_str first = {NULL, 0};
  if (ex->has_warnings && w->count != ex->warnings) {
    snprintf(rn->why, sizeof rn->why, "expected %" PRIu32 " warnings, got %zu%s%s", ex->warnings,
             w->count, w->count ? ", the first: " : "", w->count ? w->items[0].path : "");
    return false;
  }
  if (w->count && w->cap)
    first = (wchg_str){w->items[0].path, strlen(w->items[0].path)};
  return check_want(rn, "the first warning", ex->warning.ptr ? SCN_VALUE : SCN_ANY, ex->warning,
                    first);
}

/* The SDP of |acr| the step expects: components, descriptions. */
static bool check_sdp(runner *rn, const scn_expect *ex, const wchg_acr *acr) {
  const wchg_media_components_list_list *l = &acr->ims.list_of_sdp_media_components;
  size_t media = 0, lines = 0;
  for (size_t i = 0; i < l->count; i++)
    for (size_t k = 0; k < l->items[i].sdp_media_components.count; k++, media++)
      lines += l->items[i].sdp_media_components.items[k].sdp_media_descriptions.count;
  if ((ex->has_sdp_media && media != ex->sdp_media) ||
      (ex->has_sdp_descriptions && lines != ex->sdp_descriptions)) {
    snprintf(rn->why, sizeof rn->why,
             "expected %" PRIu32 " SDP-Media-Components with %" PRIu32
             " SDP-Media-Descriptions, got %zu with %zu",
             ex->has_sdp_media ? ex->sdp_media : (uint32_t)media,
             ex->has_sdp_descriptions ? ex->sdp_descriptions : (uint32_t)lines, media, lines);
    return false;
  }
  return true;
}

/* Does the outcome (status |st|, record |acr|, NULL for none, warnings
 * |w|) meet the step's expectation? If not, rn->why says why. */
static bool check(runner *rn, const scn_step *step, wchg_status st, const wchg_diag *d,
                  const wchg_acr *acr, const wchg_warnings *w) {
  const scn_expect *ex = &step->expect;
  wchg_status want = ex->has_error ? ex->error : WCHG_OK;
  if (st != want) {
    const char *name = scn_status_name(st);
    if (st == WCHG_OK)
      snprintf(rn->why, sizeof rn->why, "expected %s, the step succeeded",
               scn_status_name(want));
    else
      snprintf(rn->why, sizeof rn->why, "%s%s%s (%s%s%s)", want != WCHG_OK ? "expected " : "",
               want != WCHG_OK ? scn_status_name(want) : "", want != WCHG_OK ? ", got " : "",
               name ? name : "?", d->path[0] ? ": " : "", d->path[0] ? d->path : "");
    if (st != WCHG_OK)
      snprintf(rn->why + strlen(rn->why), sizeof rn->why - strlen(rn->why), ": %s",
               d->message[0] ? d->message : wchg_strerror(st));
    return false;
  }
  if (st != WCHG_OK)
    return true;
  if (!check_warnings(rn, ex, w))
    return false;
  int32_t type = acr ? acr->accounting_record_type : WCHG_ACR_NONE;
  if (ex->has_record && ex->record != type) {
    snprintf(rn->why, sizeof rn->why, "expected record %s, got %s",
             scn_record_name(ex->record), scn_record_name(type));
    return false;
  }
  if (!acr) {
    if (ex->has_number || ex->cause || ex->waf || ex->wwsf || ex->has_emergency ||
        ex->has_sdp_media || ex->has_sdp_descriptions) {
      snprintf(rn->why, sizeof rn->why, "expected a record, got none");
      return false;
    }
    return true;
  }
  if (ex->has_number && ex->number != acr->accounting_record_number) {
    snprintf(rn->why, sizeof rn->why, "expected Accounting-Record-Number %" PRIu32 ", got %" PRIu32,
             ex->number, acr->accounting_record_number);
    return false;
  }
  if ((ex->cause == SCN_VALUE &&
       (!acr->cause_code.present || acr->cause_code.value != ex->cause_code)) ||
      (ex->cause == SCN_NONE && acr->cause_code.present)) {
    char exp[16] = "none", got[24] = "none";
    if (ex->cause == SCN_VALUE)
      snprintf(exp, sizeof exp, "%" PRId32, ex->cause_code);
    if (acr->cause_code.present)
      snprintf(got, sizeof got, "%" PRId64, acr->cause_code.value);
    snprintf(rn->why, sizeof rn->why, "expected Cause-Code %s, got %s", exp, got);
    return false;
  }
  if (!check_want(rn, "WebRTC-Authentication-Function-Name", ex->waf, ex->waf_value,
                  acr->ims.webrtc_authentication_function_name) ||
      !check_want(rn, "WebRTC-Web-Server-Function-Name", ex->wwsf, ex->wwsf_value,
                  acr->ims.webrtc_web_server_function_name))
    return false;
  if (ex->has_emergency && ex->emergency != acr->ims.ims_emergency_indicator) {
    snprintf(rn->why, sizeof rn->why, "expected IMS-Emergency-Indicator %s",
             ex->emergency ? "set" : "absent");
    return false;
  }
  return check_sdp(rn, ex, acr);
}

/* Encode the ACR into rn->buf and read it back; false with rn->why. */
static bool encode(runner *rn, const wchg_acr *acr, size_t *len, wchg_status *st,
                   wchg_diag *d) {
  *st = wchg_acr_encode(acr, NULL, 0, len, d);
  if (*st == WCHG_E_BUFFER && *len > rn->cap) {
    uint8_t *more = realloc(rn->buf, *len);
    if (!more) {
      *st = WCHG_E_NOMEM;
      return false;
    }
    rn->buf = more;
    rn->cap = *len;
  }
  if (*st == WCHG_E_BUFFER || *st == WCHG_OK)
    *st = wchg_acr_encode(acr, rn->buf, rn->cap, len, d);
  if (*st != WCHG_OK) {
    snprintf(rn->why, sizeof rn->why, "the ACR does not encode: %s%s%s (%s)", d->path,
             d->path[0] ? ": " : "", d->message, wchg_strerror(*st));
    return false;
  }
  wchg_dmsg m;
  wchg_diag pd = {0};
  if (wchg_dmsg_parse(rn->buf, *len, 0, &m, &pd) != WCHG_OK) {
    snprintf(rn->why, sizeof rn->why,
             "the encoded ACR does not parse back: %s: %s at octet %zu (Result-Code %" PRIu32 ")",
             pd.path, pd.message, pd.offset, pd.result_code);
    return false;
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* The answer path: a step's "aca" entries                             */
/* ------------------------------------------------------------------ */

static bool bytes_room(bytes *b, size_t n) {
  if (n > b->cap) {
    uint8_t *more = realloc(b->p, n);
    if (!more)
      return false;
    b->p = more;
    b->cap = n;
  }
  return true;
}

static bool bytes_set(bytes *b, const uint8_t *p, size_t n) {
  if (!bytes_room(b, n))
    return false;
  if (n)
    memcpy(b->p, p, n);
  b->len = n;
  return true;
}

/* The CDF's answer to the ACR |sent|, as our CDF writes it (aca.h). */
static wchg_status write_aca(const scenario *s, const scn_aca *a, const bytes *sent, bytes *out) {
  wchg_aca aca;
  size_t len = 0;
  wchg_status rc = wchg_aca_from_acr(sent->p, sent->len, NULL, &aca);
  if (rc != WCHG_OK)
    return rc;
  aca.result_code = a->result_code;
  aca.error_bit = a->result_code / 1000 == 3; /* protocol errors (RFC 6733 §7.2) */
  aca.acct_interim_interval = a->acct_interim_interval;
  aca.origin_host = a->origin_host.ptr          ? a->origin_host
                    : s->config.destination_host.ptr ? s->config.destination_host
                                                     : s->config.destination_realm;
  aca.origin_realm = s->config.destination_realm;
  rc = wchg_aca_encode(&aca, out->p, out->cap, &len, NULL);
  if (rc == WCHG_E_BUFFER) {
    if (!bytes_room(out, len))
      return WCHG_E_NOMEM;
    rc = wchg_aca_encode(&aca, out->p, out->cap, &len, NULL);
  }
  out->len = len;
  return rc;
}

/* Entry |i| of the step's "aca": an answer, a repeat or a timeout given
 * to the owner of the ACR (|ses|, or the runner's tracker). */
static wchg_status exchange(runner *rn, const scn_step *step, size_t i, wchg_ctf_session *ses,
                            const wchg_acr *acr) {
  const scn_aca *a = &step->aca[i];
  scn_exchange *x = &rn->ex[i];
  bytes *got = &rn->got[i];
  memset(x, 0, sizeof *x);
  x->aca = a;
  x->sent = rn->sent[i].p;
  x->sent_len = rn->sent[i].len;
  if (a->kind == SCN_ACA_LOST) {
    x->status = ses ? wchg_ctf_session_timeout(ses, acr->accounting_record_number, &x->answer,
                                               &x->diag)
                    : wchg_ctf_pending_timeout(rn->pending, acr->session_id, &x->answer,
                                               &x->diag);
    return WCHG_OK;
  }
  size_t last = i; /* the ACA a repeat repeats: the last one given */
  while (a->kind == SCN_ACA_DUPLICATE && last > 0 && step->aca[--last].kind == SCN_ACA_LOST)
    ;
  wchg_status rc = a->kind == SCN_ACA_DUPLICATE
                       ? (bytes_set(got, rn->got[last].p, rn->got[last].len) ? WCHG_OK
                                                                             : WCHG_E_NOMEM)
                       : write_aca(rn->s, a, &rn->sent[i], got);
  if (rc != WCHG_OK)
    return rc;
  x->msg = got->p;
  x->msg_len = got->len;
  x->status = ses ? wchg_ctf_session_answer(ses, got->p, got->len, &x->answer, &x->diag)
                  : wchg_ctf_pending_answer(rn->pending, got->p, got->len, &x->answer,
                                            &x->diag);
  return WCHG_OK;
}

/* Does entry |i| meet its "expect" (without one: any verdict)? */
static bool exchange_ok(runner *rn, size_t i) {
  const scn_exchange *x = &rn->ex[i];
  const scn_aca *a = x->aca;
  const char *got = x->status == WCHG_OK ? wchg_ctf_verdict_name(x->answer.verdict)
                                         : scn_status_name(x->status);
  bool ok = a->has_expect ? (a->expect_error ? x->status == a->error
                                             : x->status == WCHG_OK &&
                                                   x->answer.verdict == a->verdict)
                          : x->status == WCHG_OK;
  if (!ok)
    snprintf(rn->why, sizeof rn->why, "aca[%zu]: expected %s, got %s%s%s%s%s", i,
             !a->has_expect ? "an answer" : a->expect_error ? scn_status_name(a->error)
                                                            : wchg_ctf_verdict_name(a->verdict),
             got ? got : "?", x->status != WCHG_OK ? " (" : "", x->diag.path,
             x->status != WCHG_OK ? ": " : "", x->status != WCHG_OK ? x->diag.message : "");
  if (!ok && x->status != WCHG_OK)
    snprintf(rn->why + strlen(rn->why), sizeof rn->why - strlen(rn->why), ")");
  return ok;
}

/* Send the step's ACR through the answer path (its bytes must be those
 * the runner encoded) and run every "aca" entry: false with rn->why on a
 * mismatch; WCHG_E_NOMEM in *nomem. */
static bool answers(runner *rn, const scn_step *step, wchg_ctf_session *ses,
                    const wchg_acr *acr, size_t len, size_t *count, bool *nomem) {
  const uint8_t *msg = NULL;
  size_t n = 0;
  wchg_diag d = {0};
  wchg_status st = ses ? wchg_ctf_session_send(ses, acr, &msg, &n, &d)
                       : wchg_ctf_pending_send(rn->pending, acr, &msg, &n, &d);
  *count = 0;
  if (st != WCHG_OK || n != len || memcmp(msg, rn->buf, len) != 0) {
    snprintf(rn->why, sizeof rn->why, "aca: the ACR was not sent: %s%s%s", d.path,
             d.path[0] ? ": " : "", st != WCHG_OK ? d.message : "other bytes than encoded");
    return false;
  }
  for (size_t i = 0; i < step->aca_count; i++) {
    /* the first transmission is the ACR, each later one what the verdict
     * before it gave back to resend */
    const scn_exchange *prev = i ? &rn->ex[i - 1] : NULL;
    const uint8_t *out = prev && prev->status == WCHG_OK && prev->answer.resend
                             ? prev->answer.resend
                             : prev ? prev->sent : msg;
    size_t out_len = prev && prev->status == WCHG_OK && prev->answer.resend
                         ? prev->answer.resend_len
                         : prev ? prev->sent_len : n;
    wchg_status rc = bytes_set(&rn->sent[i], out, out_len) ? exchange(rn, step, i, ses, acr)
                                                            : WCHG_E_NOMEM;
    *nomem = rc == WCHG_E_NOMEM;
    if (rc != WCHG_OK) {
      snprintf(rn->why, sizeof rn->why, "aca[%zu]: the ACA does not encode (%s)", i,
               wchg_strerror(rc));
      return false;
    }
    *count = i + 1;
    if (!exchange_ok(rn, i))
      return false;
  }
  return true;
}

/* Run one step: the CTF call, the encoding, the check, the callback. */
static int run_step(runner *rn, size_t index, scn_callback cb, void *ud, scn_stats *stats) {
  const scenario *s = rn->s;
  const scn_step *step = &s->steps[index];
  wchg_ctf_reg *reg = step->user >= 0 ? rn->regs[step->user] : NULL;
  wchg_ctf_session *ses = step->session >= 0 ? rn->sessions[step->session] : NULL;
  wchg_diag d = {0};
  wchg_status st;
  uint64_t unique = step->has_unique ? step->unique
                                     : ((uint64_t)s->boot_count << 32) | rn->next_unique;

  if (!step->has_unique && (step->action == SCN_REGISTER || step->action == SCN_INVITE ||
                            step->action == SCN_STANDALONE))
    rn->next_unique++;
  switch (step->action) {
  case SCN_REGISTER:
    st = wchg_ctf_register(reg, &step->reg, unique, rn->rec, &d);
    break;
  case SCN_INVITE:
    st = wchg_ctf_session_begin(ses, reg, step->role_of_node, unique, &step->ev, rn->rec, &d);
    break;
  case SCN_REQUEST:
  case SCN_RESPONSE:
    st = wchg_ctf_session_event(ses, &step->ev, rn->rec, &d);
    break;
  case SCN_TICK:
    st = wchg_ctf_session_tick(ses, step->at_ms, rn->rec, &d);
    break;
  default:
    st = wchg_ctf_standalone(&s->config, reg, step->role_of_node, unique, &step->ev,
                             &step->response, rn->rec, &d);
    break;
  }
  if (st == WCHG_E_NOMEM)
    return WCHG_E_NOMEM;

  scn_outcome o = {.index = index, .step = step, .session = ses, .status = st, .diag = &d,
                   .warnings = wchg_ctf_record_warnings(rn->rec), .ok = true};
  wchg_acr *acr = wchg_ctf_record_acr(rn->rec);
  rn->why[0] = '\0';
  if (st == WCHG_OK && acr && acr->accounting_record_type != WCHG_ACR_NONE) {
    o.acr = acr;
    o.record_seq = ++rn->records;
    acr->hop_by_hop = (uint32_t)o.record_seq;
    acr->end_to_end = (uint32_t)o.record_seq;
    if (encode(rn, acr, &o.msg_len, &o.status, &d)) {
      o.msg = rn->buf;
    } else {
      if (o.status == WCHG_E_NOMEM)
        return WCHG_E_NOMEM;
      o.ok = false;
    }
  }
  if (o.ok)
    o.ok = check(rn, step, st, &d, o.acr, o.warnings);
  if (o.ok && step->aca_count) {
    bool nomem = false;
    o.ok = o.acr ? answers(rn, step, ses, o.acr, o.msg_len, &o.exchange_count, &nomem)
                 : (snprintf(rn->why, sizeof rn->why, "aca: the step gave no record"), false);
    if (nomem)
      return WCHG_E_NOMEM;
    o.exchanges = rn->ex;
  }
  o.mismatch = o.ok ? NULL : rn->why;
  stats->steps++;
  stats->records += o.acr != NULL;
  stats->errors += st != WCHG_OK;
  stats->mismatches += !o.ok;
  return cb ? cb(&o, ud) : 0;
}

int scn_run(const scenario *s, scn_callback cb, void *user_data, scn_stats *stats) {
  scn_stats dummy;
  runner rn = {.s = s, .next_unique = 1};
  int rc = 0;

  if (!stats)
    stats = &dummy;
  memset(stats, 0, sizeof *stats);
  if (!s)
    return WCHG_E_ARG;
  rn.regs = calloc(s->user_count + 1, sizeof *rn.regs);
  rn.sessions = calloc(s->session_count + 1, sizeof *rn.sessions);
  rn.rec = wchg_ctf_record_new(s->config.mem);
  rn.pending = wchg_ctf_pending_new(s->config.mem, SCN_MAX_STEPS);
  rc = rn.regs && rn.sessions && rn.rec && rn.pending ? 0 : WCHG_E_NOMEM;
  for (size_t i = 0; rc == 0 && i < s->user_count; i++)
    if (!(rn.regs[i] = wchg_ctf_reg_new(&s->config)))
      rc = WCHG_E_NOMEM;
  for (size_t i = 0; rc == 0 && i < s->session_count; i++)
    if (!(rn.sessions[i] = wchg_ctf_session_new(&s->config)))
      rc = WCHG_E_NOMEM;
  for (size_t i = 0; rc == 0 && i < s->step_count; i++)
    rc = run_step(&rn, i, cb, user_data, stats);
  for (size_t i = 0; rn.sessions && i < s->session_count; i++)
    wchg_ctf_session_free(rn.sessions[i]);
  for (size_t i = 0; rn.regs && i < s->user_count; i++)
    wchg_ctf_reg_free(rn.regs[i]);
  wchg_ctf_record_free(rn.rec);
  wchg_ctf_pending_free(rn.pending);
  for (size_t i = 0; i < SCN_MAX_ACA; i++) {
    free(rn.sent[i].p);
    free(rn.got[i].p);
  }
  free(rn.sessions);
  free(rn.regs);
  free(rn.buf);
  return rc;
}
