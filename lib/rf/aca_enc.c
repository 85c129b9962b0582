/*
 * aca_enc.c: the Accounting-Answer (aca.h): what it echoes from its ACR,
 * found by a bounded walk of the request's top-level AVPs, and its
 * encoding in the ABNF order of TS 32.299 §6.2.3.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/aca.h>
#include <webrtc_chg/diameter.h>

#include "base/internal.h"

enum {
  AVP_USER_NAME = 1,
  AVP_ACCT_INTERIM_INTERVAL = 85,
  AVP_EVENT_TIMESTAMP = 55,
  AVP_ACCT_APPLICATION_ID = 259,
  AVP_SESSION_ID = 263,
  AVP_ORIGIN_HOST = 264,
  AVP_RESULT_CODE = 268,
  AVP_ORIGIN_STATE_ID = 278,
  AVP_FAILED_AVP = 279,
  AVP_ERROR_MESSAGE = 281,
  AVP_PROXY_INFO = 284,
  AVP_ORIGIN_REALM = 296,
  AVP_ERROR_REPORTING_HOST = 294,
  AVP_ACCOUNTING_RECORD_TYPE = 480,
  AVP_ACCOUNTING_RECORD_NUMBER = 485,
};

static uint32_t get32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The AVP at |p| (|left| octets before the end): its header length and
 * total length (without padding), or false when either does not fit. */
static bool avp_at(const uint8_t *p, size_t left, size_t *hl, size_t *alen) {
  if (left < 8)
    return false;
  *hl = p[4] & WCHG_AVP_FLAG_V ? 12 : 8;
  *alen = get32(p + 4) & 0xFFFFFF;
  return *alen >= *hl && *alen <= left;
}

/* Flags an AVP may be copied with: reserved bits clear, V set exactly
 * with a non-zero Vendor-Id (an AVP broken there stays out of Failed-AVP). */
static bool copyable(const uint8_t *avp) {
  return !(avp[4] & 0x1F) && (!(avp[4] & WCHG_AVP_FLAG_V) || get32(avp + 8) != 0);
}

/* Every AVP in |b| (|n| octets) whole and with flags the writer can copy
 * (reserved bits clear, V exactly for a vendor). */
static bool whole_avps(const uint8_t *b, size_t n, uint32_t only_code) {
  while (n) {
    size_t hl, alen;
    if (!avp_at(b, n, &hl, &alen) || !copyable(b) || (only_code && get32(b) != only_code))
      return false;
    /* a Proxy-Info's children must be whole too: it is copied as a group */
    if (only_code && !whole_avps(b + hl, alen - hl, 0))
      return false;
    size_t padded = (alen + 3) & ~(size_t)3;
    if (padded > n)
      return alen == n; /* the last one may come without its padding */
    b += padded;
    n -= padded;
  }
  return true;
}

/* One top-level AVP of the ACR (base protocol |code|, |dlen| octets of
 * |data|) that the answer echoes; the reader checked the sizes, a walk
 * of an unchecked request takes only those that fit. */
static void echo(wchg_aca *out, uint32_t code, const uint8_t *data, size_t dlen) {
  switch (code) {
  case AVP_SESSION_ID:
    out->session_id = (wchg_str){(const char *)data, dlen};
    break;
  case AVP_USER_NAME:
    out->user_name = (wchg_str){(const char *)data, dlen};
    break;
  case AVP_ACCOUNTING_RECORD_TYPE:
    if (dlen == 4)
      out->accounting_record_type = (int32_t)get32(data);
    break;
  case AVP_ACCOUNTING_RECORD_NUMBER:
    if (dlen == 4)
      out->accounting_record_number = get32(data);
    break;
  case AVP_ACCT_APPLICATION_ID:
    if (dlen == 4)
      out->acct_application_id = WCHG_INT(get32(data));
    break;
  default:
    break;
  }
}

/* The Proxy-Info AVPs echoed: one consecutive run of whole ones. */
struct run {
  const uint8_t *start, *end;
};

/* The Proxy-Info at |p| (|alen| octets, |padded| with its padding,
 * |left| to the end of the message) into the run, when whole and next
 * to it. */
static void proxy_info(struct run *r, const uint8_t *p, size_t alen, size_t padded, size_t left) {
  if (!whole_avps(p, alen, AVP_PROXY_INFO))
    return;
  if (!r->start || r->end == p)
    r->end = p + (padded <= left ? padded : alen);
  if (!r->start)
    r->start = p;
}

/* The top-level AVPs from |p| to |end|: what the answer echoes into
 * |out|, the Proxy-Info run into |proxy|; the walk stops at the first
 * AVP that does not fit. */
static void echo_avps(wchg_aca *out, const uint8_t *p, const uint8_t *end, struct run *proxy) {
  while (p < end) {
    size_t hl, alen, left = (size_t)(end - p);
    if (!avp_at(p, left, &hl, &alen))
      break;
    uint32_t code = get32(p), vendor = hl == 12 ? get32(p + 8) : 0;
    size_t padded = (alen + 3) & ~(size_t)3;
    if (vendor == 0 && code == AVP_PROXY_INFO)
      proxy_info(proxy, p, alen, padded, left);
    else if (vendor == 0)
      echo(out, code, p + hl, alen - hl);
    if (padded > left)
      break;
    p += padded;
  }
}

/* Failed-AVP: the AVP of the ACR (|len| octets) at |offset|, the
 * problem's, when a whole one the writer can copy starts there. */
static wchg_octets failed_avp(const uint8_t *acr, size_t len, size_t offset) {
  size_t hl, alen;
  if (offset == WCHG_NO_OFFSET || offset < 20 || offset >= len ||
      !avp_at(acr + offset, len - offset, &hl, &alen) || !copyable(acr + offset))
    return (wchg_octets){NULL, 0};
  return (wchg_octets){acr + offset, alen};
}

wchg_status wchg_aca_from_acr(const uint8_t *acr, size_t len, const wchg_diag *problem,
                              wchg_aca *out) {
  if (!out || (!acr && len))
    return WCHG_E_ARG;
  memset(out, 0, sizeof *out);
  if (len < 20)
    return WCHG_E_TRUNCATED;
  bool failed = problem && problem->code != WCHG_OK;
  out->hop_by_hop = get32(acr + 12);
  out->end_to_end = get32(acr + 16);
  out->result_code = WCHG_RC_SUCCESS;
  if (failed) {
    out->result_code = problem->result_code ? problem->result_code : WCHG_RC_UNABLE_TO_COMPLY;
    out->error_bit = wchg_result_code_protocol_error(out->result_code);
    out->error_message = wchg_str_from(problem->message[0] ? problem->message : NULL);
  }
  /* the message length as given, never past the bytes we have */
  size_t mlen = get32(acr) & 0xFFFFFF;
  struct run proxy = {NULL, NULL};
  echo_avps(out, acr + 20, acr + (mlen >= 20 && mlen < len ? mlen : len), &proxy);
  /* echoed only when the reader checked it: no problem, or one after it */
  bool checked = !failed || (problem->offset != WCHG_NO_OFFSET && proxy.end &&
                             problem->offset >= (size_t)(proxy.end - acr));
  if (proxy.start && checked)
    out->proxy_info = (wchg_octets){proxy.start, (size_t)(proxy.end - proxy.start)};
  if (failed)
    out->failed_avp = failed_avp(acr, len, problem->offset);
  return WCHG_OK;
}

/* ---- encoding ------------------------------------------------------------ */

static wchg_status bad(wchg_diag *diag, wchg_status rc, const char *field, const char *what) {
  struct wpath p;
  wpath_init(&p, "ACA");
  wpath_push(&p, field);
  wchgi_diag_set(diag, rc, 0, WCHG_NO_OFFSET, &p, "%s", what);
  return rc;
}

static bool u32_ok(const wchg_opt_int *v) {
  return !v->present || (v->value >= 0 && v->value <= UINT32_MAX);
}

/* Copy the AVPs of |b| (checked by whole_avps) into the message. */
static void raw_avps(wchg_dwriter *w, const uint8_t *b, size_t n) {
  while (n) {
    size_t hl, alen;
    /* whole_avps checked every one of them: never false */
    if (!avp_at(b, n, &hl, &alen)) /* LCOV_EXCL_BR_LINE */
      break;
    wchg_dw_raw(w, get32(b), hl == 12 ? get32(b + 8) : 0, b[4], b + hl, alen - hl);
    size_t padded = (alen + 3) & ~(size_t)3;
    if (padded > n)
      break;
    b += padded;
    n -= padded;
  }
}

/* What the writer cannot check of |a|: the required AVPs, the ranges,
 * the AVPs copied as they are. */
static wchg_status check_aca(const wchg_aca *a, wchg_diag *diag) {
  if (!a->session_id.ptr || !a->session_id.len)
    return bad(diag, WCHG_E_MISSING, "Session-Id", "the Session-Id is required");
  if (!a->origin_host.ptr || !a->origin_host.len)
    return bad(diag, WCHG_E_MISSING, "Origin-Host", "the Origin-Host is required");
  if (!a->origin_realm.ptr || !a->origin_realm.len)
    return bad(diag, WCHG_E_MISSING, "Origin-Realm", "the Origin-Realm is required");
  if (a->accounting_record_type < WCHG_ACR_EVENT || a->accounting_record_type > WCHG_ACR_STOP)
    return bad(diag, WCHG_E_RANGE, "Accounting-Record-Type",
               "the record type must be 1 (EVENT) .. 4 (STOP)");
  if (!u32_ok(&a->acct_application_id) || !u32_ok(&a->acct_interim_interval) ||
      !u32_ok(&a->origin_state_id))
    return bad(diag, WCHG_E_RANGE, "Acct-Interim-Interval",
               "Acct-Application-Id, Acct-Interim-Interval and Origin-State-Id are Unsigned32");
  if (a->failed_avp.len && !whole_avps(a->failed_avp.ptr, a->failed_avp.len, 0))
    return bad(diag, WCHG_E_ENCODING, "Failed-AVP", "failed_avp is not one whole AVP");
  if (a->proxy_info.len && !whole_avps(a->proxy_info.ptr, a->proxy_info.len, AVP_PROXY_INFO))
    return bad(diag, WCHG_E_ENCODING, "Proxy-Info", "proxy_info is not a run of Proxy-Info AVPs");
  return WCHG_OK;
}

/* The AVPs of the ACA (TS 32.299 §6.2.3) in ABNF order. */
static void aca_avps(wchg_dwriter *w, const wchg_aca *a) {
  wchg_dw_utf8(w, AVP_SESSION_ID, 0, a->session_id.ptr, a->session_id.len);
  wchg_dw_u32(w, AVP_RESULT_CODE, 0, a->result_code);
  wchg_dw_octets(w, AVP_ORIGIN_HOST, 0, a->origin_host.ptr, a->origin_host.len);
  wchg_dw_octets(w, AVP_ORIGIN_REALM, 0, a->origin_realm.ptr, a->origin_realm.len);
  wchg_dw_i32(w, AVP_ACCOUNTING_RECORD_TYPE, 0, a->accounting_record_type);
  wchg_dw_u32(w, AVP_ACCOUNTING_RECORD_NUMBER, 0, a->accounting_record_number);
  if (a->acct_application_id.present)
    wchg_dw_u32(w, AVP_ACCT_APPLICATION_ID, 0, (uint32_t)a->acct_application_id.value);
  if (a->user_name.ptr)
    wchg_dw_utf8(w, AVP_USER_NAME, 0, a->user_name.ptr, a->user_name.len);
  if (a->error_message.ptr)
    wchg_dw_utf8(w, AVP_ERROR_MESSAGE, 0, a->error_message.ptr, a->error_message.len);
  if (a->error_reporting_host.ptr)
    wchg_dw_octets(w, AVP_ERROR_REPORTING_HOST, 0, a->error_reporting_host.ptr,
                   a->error_reporting_host.len);
  if (a->acct_interim_interval.present)
    wchg_dw_u32(w, AVP_ACCT_INTERIM_INTERVAL, 0, (uint32_t)a->acct_interim_interval.value);
  if (a->failed_avp.len) {
    wchg_dw_group_begin(w, AVP_FAILED_AVP, 0);
    raw_avps(w, a->failed_avp.ptr, a->failed_avp.len);
    wchg_dw_group_end(w);
  }
  if (a->origin_state_id.present)
    wchg_dw_u32(w, AVP_ORIGIN_STATE_ID, 0, (uint32_t)a->origin_state_id.value);
  if (a->event_timestamp.present) {
    int64_t ms = a->event_timestamp.unix_ms;
    wchg_dw_time(w, AVP_EVENT_TIMESTAMP, 0, ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
  }
  raw_avps(w, a->proxy_info.ptr, a->proxy_info.len);
}

wchg_status wchg_aca_encode(const wchg_aca *a, uint8_t *buf, size_t cap, size_t *len,
                            wchg_diag *diag) {
  wchg_status rc;
  wchgi_diag_clear(diag);
  if (!a || !len)
    return WCHG_E_ARG;
  *len = 0;
  if ((rc = check_aca(a, diag)))
    return rc;
  wchg_dwriter w;
  wchg_dw_init(&w, buf, buf ? cap : 0, diag);
  wchg_dw_header(&w, WCHG_CMD_FLAG_P | (a->error_bit ? WCHG_CMD_FLAG_E : 0),
                 WCHG_CMD_ACCOUNTING, WCHG_APP_BASE_ACCOUNTING, a->hop_by_hop, a->end_to_end);
  aca_avps(&w, a);
  rc = wchg_dw_finish(&w, len);
  if (rc != WCHG_OK && rc != WCHG_E_BUFFER)
    *len = 0;
  return rc;
}
