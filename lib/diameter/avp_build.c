/*
 * avp_build.c: the two-pass AVP encoder (avp_build.h): one AVP of each
 * type from a model value and its dictionary entry, checked in the first
 * pass and written in the second, the start of every request and the
 * message around a walk.
 *
 * Flags come from the dictionary entries (RFC 6733 §4.1), so each AVP
 * carries the M, V and P bits its row gives.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "diameter/avp_build.h"

/* ---- problems: the path is built here only ------------------------------ */

/* "ACR/<open groups>/<d's name>[index]": |d| NULL names the open group. */
WCHG_COLD void aenc_fail(struct aenc *e, wchg_status code, const wchg_dict_avp *d, size_t index,
                    const char *fmt, ...) {
  char msg[sizeof e->diag->message];
  struct wpath p;
  va_list ap;
  if (e->error)
    return;
  e->error = code;
  if (!e->diag)
    return;
  wpath_init(&p, e->root);
  for (int i = 0; i < e->depth; i++) {
    wpath_push(&p, e->open[i].d->name);
    if (e->open[i].index != AENC_NO_INDEX)
      wpath_index(&p, e->open[i].index);
  }
  if (d) {
    wpath_push(&p, d->name);
    if (index != AENC_NO_INDEX)
      wpath_index(&p, index);
  }
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  wchgi_diag_clear(e->diag);
  wchgi_diag_set(e->diag, code, 0, WCHG_NO_OFFSET, &p, "%s", msg);
}

/* ---- one AVP of each kind: checked, or written ---------------------------- */

void aenc_unsigned(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (e->writing)
    wchg_dw_u32_d(&e->w, d, (uint32_t)v.value);
  else if (v.value < 0 || v.value > UINT32_MAX)
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "%" PRId64 " is outside Unsigned32 (0..4294967295)",
         v.value);
}

void aenc_integer(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (e->writing)
    wchg_dw_i32_d(&e->w, d, (int32_t)v.value);
  else if (v.value < INT32_MIN || v.value > INT32_MAX)
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "%" PRId64 " is outside Integer32", v.value);
}

/* Enumerated: only the values the dictionary names (the reader rejects
 * the others with 5004). */
void aenc_enum(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (e->writing) {
    wchg_dw_i32_d(&e->w, d, (int32_t)v.value);
    return;
  }
  if (v.value >= INT32_MIN && v.value <= INT32_MAX &&
      wchg_dict_enum_name(d, (int32_t)v.value))
    return;
  int32_t lo = d->enums[0].value, hi = lo;
  for (size_t i = 1; i < d->n_enums; i++) {
    lo = d->enums[i].value < lo ? d->enums[i].value : lo;
    hi = d->enums[i].value > hi ? d->enums[i].value : hi;
  }
  aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "%" PRId64 " is not a value of %s (%" PRId32 "..%" PRId32 ")",
       v.value, d->name, lo, hi);
}

/* Time: whole Unix seconds, NTP on the wire (RFC 5905 eras). */
void aenc_time(struct aenc *e, const wchg_dict_avp *d, int64_t unix_seconds) {
  uint32_t ntp;
  if (e->writing)
    wchg_dw_time_d(&e->w, d, unix_seconds);
  else if (wchg_ntp_from_unix(unix_seconds, &ntp) != WCHG_OK)
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX,
         "Unix time %" PRId64 " is outside 1968-01-20..2104-02-26, the range of Time",
         unix_seconds);
}

/* ---- lists ------------------------------------------------------------------ */

/* One AVP per text. */
void aenc_str_list(struct aenc *e, const wchg_dict_avp *d, const wchg_str_list *l) {
  if (!aenc_items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++)
    aenc_text(e, d, l->items[i].ptr, l->items[i].len, i);
}

/* ---- the message ------------------------------------------------------------- */

/* The start of every request: < Session-Id > { Origin-Host } { Origin-Realm }
 * { Destination-Realm }, all required. */
void aenc_session_top(struct aenc *e, wchg_str session_id, wchg_str origin_host,
                      wchg_str origin_realm, wchg_str destination_realm) {
  aenc_need(e, E(SESSION_ID), session_id.ptr && session_id.len);
  aenc_need(e, E(ORIGIN_HOST), origin_host.ptr && origin_host.len);
  aenc_need(e, E(ORIGIN_REALM), origin_realm.ptr && origin_realm.len);
  aenc_need(e, E(DESTINATION_REALM), destination_realm.ptr && destination_realm.len);
  aenc_str(e, E(SESSION_ID), session_id);
  aenc_octets(e, E(ORIGIN_HOST), origin_host.ptr, origin_host.len);
  aenc_octets(e, E(ORIGIN_REALM), origin_realm.ptr, origin_realm.len);
  aenc_octets(e, E(DESTINATION_REALM), destination_realm.ptr, destination_realm.len);
}

wchg_status aenc_request(const struct aenc_request *r, const void *model, bool retransmitted,
                         uint32_t hbh, uint32_t e2e, uint8_t *buf, size_t cap, size_t *len,
                         wchg_diag *diag) {
  struct aenc e;
  uint8_t flags = WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P | (retransmitted ? WCHG_CMD_FLAG_T : 0);
  wchgi_diag_clear(diag);
  if (len)
    *len = 0;
  if (!model || !len) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s is NULL", model ? "len" : r->what);
    return WCHG_E_ARG;
  }
  e.writing = false;
  e.error = WCHG_OK;
  e.diag = diag;
  e.root = r->root;
  e.depth = 0;
  r->walk(&e, model);
  if (e.error)
    return e.error;

  e.writing = true;
  wchg_dw_init(&e.w, buf, cap, diag);
  wchg_dw_header(&e.w, flags, r->code, r->app, hbh, e2e);
  r->walk(&e, model);
  wchg_status rc = wchg_dw_finish(&e.w, len);
  if (rc != WCHG_OK && rc != WCHG_E_BUFFER)
    *len = 0; /* cannot happen once checked: no length is claimed */
  return rc;
}
