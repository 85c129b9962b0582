/*
 * json_common.c: what the JSON writer (json_enc.c) and reader
 * (json_dec.c) share (json_internal.h): the error of a context, and the
 * test that an {"otherRecord": ...} holds one IMSRecord of another type.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdarg.h>

#include "cdr/json_internal.h"

wchg_status wchgi_json_fail(struct wchgi_jctx *c, wchg_status code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  wchgi_diag_vset(c->diag, code, 0, WCHG_NO_OFFSET, &c->path, fmt, ap);
  va_end(ap);
  return code;
}

wchg_status wchgi_json_nomem(struct wchgi_jctx *c) {
  return wchgi_json_fail(c, WCHG_E_NOMEM, "out of memory");
}

/* Is |p| (|n|) exactly one IMSRecord that is not a pCSCFRecord? */
wchg_status wchgi_json_other_check(struct wchgi_jctx *c, const uint8_t *p, size_t n,
                                   wchg_record_info *info) {
  wchg_diag d;
  if (wchg_cdr_peek(p, n, info, &d) != WCHG_OK)
    return wchgi_json_fail(c, WCHG_E_JSON_TYPE,
                           "expected the BER of one IMSRecord: %s (octet %zu)", d.message,
                           d.offset);
  if (info->length != n)
    return wchgi_json_fail(c, WCHG_E_TRAILING, "%zu octets follow the record",
                           n - info->length);
  if (info->tag == WCHG_PCSCF_RECORD_TAG)
    return wchgi_json_fail(c, WCHG_E_RANGE,
                           "a pCSCFRecord is written as {\"" ROOT "\": {...}}");
  return WCHG_OK;
}
