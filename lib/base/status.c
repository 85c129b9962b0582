/* status.c: version, status names, diagnostics and field paths. */
#include <stdio.h>
#include <string.h>

#include "base/internal.h"

const char *wchg_version(void) { return WCHG_VERSION_STRING; }

/* Every status: its enum name and its sentence (common.h). */
#define STATUS_LIST(X) \
  X(WCHG_OK, "success") \
  X(WCHG_E_ARG, "invalid argument") \
  X(WCHG_E_NOMEM, "out of memory") \
  X(WCHG_E_BUFFER, "buffer too small") \
  X(WCHG_E_TRUNCATED, "input truncated") \
  X(WCHG_E_LENGTH, "invalid length") \
  X(WCHG_E_TAG, "unexpected tag") \
  X(WCHG_E_DUPLICATE, "duplicate field") \
  X(WCHG_E_MISSING, "mandatory field missing") \
  X(WCHG_E_DEPTH, "nesting too deep") \
  X(WCHG_E_LIMIT, "count limit exceeded") \
  X(WCHG_E_ENCODING, "invalid value encoding") \
  X(WCHG_E_RANGE, "value out of range") \
  X(WCHG_E_CONSTRAINT, "size constraint violated") \
  X(WCHG_E_UTF8, "invalid text") \
  X(WCHG_E_TIMESTAMP, "invalid TimeStamp") \
  X(WCHG_E_TRAILING, "trailing data") \
  X(WCHG_E_CHOICE, "invalid CHOICE") \
  X(WCHG_E_JSON, "JSON syntax error") \
  X(WCHG_E_JSON_TYPE, "wrong JSON type") \
  X(WCHG_E_JSON_KEY, "unknown JSON member") \
  X(WCHG_E_INVALID, "validation failed") \
  X(WCHG_E_EMERGENCY, "WebRTC emergency session not chargeable") \
  X(WCHG_E_DIAMETER, "invalid Diameter message") \
  X(WCHG_E_STATE, "call out of order") \
  X(WCHG_E_OTHER_NODE, "ACR of another node function") \
  X(WCHG_E_OTHER_RECORD, "CDR of another record type")

const char *wchg_strerror(int code) {
  switch (code) {
#define TEXT_OF(c, text) case c: return text;
    STATUS_LIST(TEXT_OF)
#undef TEXT_OF
  default: return "unknown error";
  }
}

const char *wchg_status_name(int code) {
  switch (code) {
#define NAME_OF(c, text) case c: return #c;
    STATUS_LIST(NAME_OF)
#undef NAME_OF
  default: return NULL;
  }
}

void wpath_init(struct wpath *p, const char *root) {
  p->len = 0;
  p->buf[0] = '\0';
  if (root)
    wpath_push(p, root);
}

static void wpath_append(struct wpath *p, const char *s) {
  size_t n = strlen(s), room = sizeof p->buf - 1 - p->len;
  if (n > room)
    n = room; /* cut, never overflow */
  memcpy(p->buf + p->len, s, n);
  p->len += n;
  p->buf[p->len] = '\0';
}

size_t wpath_push(struct wpath *p, const char *name) {
  size_t old = p->len;
  if (p->len)
    wpath_append(p, "/");
  wpath_append(p, name);
  return old;
}

size_t wpath_index(struct wpath *p, size_t i) {
  char tmp[32];
  size_t old = p->len;
  snprintf(tmp, sizeof tmp, "[%zu]", i);
  wpath_append(p, tmp);
  return old;
}

void wpath_pop(struct wpath *p, size_t len) {
  p->len = len;
  p->buf[len] = '\0';
}

void wchgi_diag_clear(wchg_diag *d) {
  if (!d)
    return;
  d->code = WCHG_OK;
  d->offset = WCHG_NO_OFFSET;
  d->result_code = 0;
  d->path[0] = '\0';
  d->message[0] = '\0';
}

void wchgi_diag_vset(wchg_diag *d, wchg_status code, uint32_t result_code, size_t offset,
                     const struct wpath *path, const char *fmt, va_list ap) {
  if (!d || d->code != WCHG_OK)
    return;
  d->code = code;
  d->offset = offset;
  d->result_code = result_code;
  snprintf(d->path, sizeof d->path, "%s", path ? path->buf : "");
  vsnprintf(d->message, sizeof d->message, fmt, ap);
}

void wchgi_diag_set(wchg_diag *d, wchg_status code, uint32_t result_code, size_t offset,
                   const struct wpath *path, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  wchgi_diag_vset(d, code, result_code, offset, path, fmt, ap);
  va_end(ap);
}

void wchgi_diag_recode(wchg_diag *d, wchg_status code, uint32_t result_code) {
  if (!d)
    return;
  d->code = code;
  d->result_code = result_code;
}

void wchgi_warn(wchg_warnings *w, wchg_status code, uint32_t result_code, size_t offset,
               const char *path, const char *fmt, ...) {
  va_list ap;
  if (!w)
    return;
  if (w->count++ >= w->cap || !w->items)
    return;
  wchg_diag *d = &w->items[w->count - 1];
  d->code = code;
  d->offset = offset;
  d->result_code = result_code;
  snprintf(d->path, sizeof d->path, "%s", path ? path : "");
  va_start(ap, fmt);
  vsnprintf(d->message, sizeof d->message, fmt, ap);
  va_end(ap);
}
