/* status.c: version, status names, diagnostics and field paths. */
#include <stdio.h>
#include <string.h>

#include "base/internal.h"

const char *wchg_version(void) { return WCHG_VERSION_STRING; }

const char *wchg_strerror(int code) {
  switch (code) {
  case WCHG_OK: return "success";
  case WCHG_E_ARG: return "invalid argument";
  case WCHG_E_NOMEM: return "out of memory";
  case WCHG_E_BUFFER: return "buffer too small";
  case WCHG_E_TRUNCATED: return "input truncated";
  case WCHG_E_LENGTH: return "invalid length";
  case WCHG_E_TAG: return "unexpected tag";
  case WCHG_E_DUPLICATE: return "duplicate field";
  case WCHG_E_MISSING: return "mandatory field missing";
  case WCHG_E_DEPTH: return "nesting too deep";
  case WCHG_E_LIMIT: return "count limit exceeded";
  case WCHG_E_ENCODING: return "invalid value encoding";
  case WCHG_E_RANGE: return "value out of range";
  case WCHG_E_CONSTRAINT: return "size constraint violated";
  case WCHG_E_UTF8: return "invalid text";
  case WCHG_E_TIMESTAMP: return "invalid TimeStamp";
  case WCHG_E_TRAILING: return "trailing data";
  case WCHG_E_CHOICE: return "invalid CHOICE";
  case WCHG_E_JSON: return "JSON syntax error";
  case WCHG_E_JSON_TYPE: return "wrong JSON type";
  case WCHG_E_JSON_KEY: return "unknown JSON member";
  case WCHG_E_INVALID: return "validation failed";
  case WCHG_E_EMERGENCY: return "WebRTC emergency session not chargeable";
  case WCHG_E_DIAMETER: return "invalid Diameter message";
  case WCHG_E_STATE: return "call out of order";
  case WCHG_E_OTHER_NODE: return "ACR of another node function";
  case WCHG_E_OTHER_RECORD: return "CDR of another record type";
  default: return "unknown error";
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

void wchg_diag_clear(wchg_diag *d) {
  if (!d)
    return;
  d->code = WCHG_OK;
  d->offset = WCHG_NO_OFFSET;
  d->result_code = 0;
  d->path[0] = '\0';
  d->message[0] = '\0';
}

void wchg_diag_set(wchg_diag *d, wchg_status code, size_t offset,
                   const struct wpath *path, const char *fmt, ...) {
  va_list ap;
  if (!d || d->code != WCHG_OK)
    return;
  d->code = code;
  d->offset = offset;
  snprintf(d->path, sizeof d->path, "%s", path ? path->buf : "");
  va_start(ap, fmt);
  vsnprintf(d->message, sizeof d->message, fmt, ap);
  va_end(ap);
}

void wchg_warn(wchg_warnings *w, wchg_status code, uint32_t result_code, size_t offset,
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
