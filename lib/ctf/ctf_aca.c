/*
 * ctf_aca.c: the answer path of the charging trigger function
 * (ctf_aca.h): sending an ACR (kept until its ACA comes, ctf_answers.c),
 * the reading of the ACA (header and top-level lengths checked, the few
 * AVPs the answer needs read, everything else kept as it came), the
 * matching of the ACA to its ACR, and the verdict of its Result-Code
 * (RFC 6733 §7.1).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/result_code.h>

#include <webrtc_chg/ctf_aca.h>
#include <webrtc_chg/diameter.h>

#include "ctf/ctf_internal.h"
#include "diameter/dict_table.h"

struct wchg_ctf_pending {
  wchg_mem mem;
  struct ctf_answers answers;
};

/* ---- verdicts ----------------------------------------------------------- */

wchg_ctf_verdict wchg_ctf_result_verdict(uint32_t code) {
  switch (code / 1000) {
  case 2:
    return WCHG_CTF_DONE;
  case 3: /* §7.1.3: only these say another peer may do better */
    return code == WCHG_RC_UNABLE_TO_DELIVER || code == WCHG_RC_TOO_BUSY ||
                   code == WCHG_RC_REDIRECT_INDICATION
               ? WCHG_CTF_FAILOVER
               : WCHG_CTF_FAILED;
  case 4: /* §7.1.4; OUT_OF_SPACE: this CDF cannot store it, another may */
    return code == WCHG_RC_OUT_OF_SPACE ? WCHG_CTF_FAILOVER : WCHG_CTF_RESEND;
  default:
    return WCHG_CTF_FAILED;
  }
}

const char *wchg_ctf_verdict_name(int verdict) {
  static const char *const names[] = {"DONE", "RESEND", "FAILOVER", "FAILED"};
  return verdict >= 0 && verdict <= WCHG_CTF_FAILED ? names[verdict] : "?";
}

/* ---- reading the ACA ---------------------------------------------------- */

/* The fields the answer path reads, and where each was found (0: absent;
 * no AVP starts at 0). */
enum { F_SID, F_HOST, F_RESULT, F_EXP, F_MSG, F_TYPE, F_NUMBER, F_INTERVAL, F_VENDOR, F_EXPCODE,
       F_COUNT };

static const struct field {
  uint32_t code;
  bool group;  /* Experimental-Result's children */
  bool u32;    /* four octets */
  const char *name;
} fields[F_COUNT] = {
    [F_SID] = {C_SESSION_ID, false, false, "Session-Id"},
    [F_HOST] = {C_ORIGIN_HOST, false, false, "Origin-Host"},
    [F_RESULT] = {C_RESULT_CODE, false, true, "Result-Code"},
    [F_EXP] = {C_EXPERIMENTAL_RESULT, false, false, "Experimental-Result"},
    [F_MSG] = {C_ERROR_MESSAGE, false, false, "Error-Message"},
    [F_TYPE] = {C_ACCOUNTING_RECORD_TYPE, false, true, "Accounting-Record-Type"},
    [F_NUMBER] = {C_ACCOUNTING_RECORD_NUMBER, false, true, "Accounting-Record-Number"},
    [F_INTERVAL] = {C_ACCT_INTERIM_INTERVAL, false, true, "Acct-Interim-Interval"},
    [F_VENDOR] = {C_VENDOR_ID, true, true, "Vendor-Id"},
    [F_EXPCODE] = {C_EXPERIMENTAL_RESULT_CODE, true, true, "Experimental-Result-Code"},
};

struct aca {
  const uint8_t *m;
  size_t at[F_COUNT];
  uint32_t value[F_COUNT]; /* of the four-octet ones */
  wchg_str text[F_COUNT];  /* of the others */
};

/* Fill |diag|: |code| and |result_code| at "ACA[/parent]/field", |offset|. */
static wchg_status fail(wchg_diag *diag, wchg_status code, uint32_t result_code, size_t offset,
                        const char *parent, const char *field, const char *fmt, ...)
    WCHG_PRINTF(7, 8);
static wchg_status fail(wchg_diag *diag, wchg_status code, uint32_t result_code, size_t offset,
                        const char *parent, const char *field, const char *fmt, ...) {
  struct wpath p;
  char msg[160];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  wpath_init(&p, "ACA");
  if (parent)
    wpath_push(&p, parent);
  if (field)
    wpath_push(&p, field);
  wchgi_diag_set(diag, code, result_code, offset, &p, "%s", msg);
  return code;
}

/* The AVP's name for a path: the dictionary's, else "AVP <code>". */
static const char *avp_name(uint32_t code, uint32_t vendor, char buf[32]) {
  const wchg_dict_avp *d = wchg_dict_find(code, vendor);
  if (d)
    return d->name;
  snprintf(buf, 32, "AVP %u", (unsigned)code);
  return buf;
}

/* One AVP of interest at |pos| with data |d| (|n| octets). */
static wchg_status take(struct aca *r, int f, size_t pos, const uint8_t *d, size_t n,
                        const char *parent, wchg_diag *diag) {
  if (r->at[f])
    return fail(diag, WCHG_E_DUPLICATE, WCHG_RC_AVP_OCCURS_TOO_MANY_TIMES, pos, parent,
                fields[f].name, "%s occurs twice (first at octet %zu)", fields[f].name, r->at[f]);
  if (fields[f].u32 && n != 4)
    return fail(diag, WCHG_E_LENGTH, WCHG_RC_INVALID_AVP_LENGTH, pos, parent, fields[f].name,
                "%zu octets of data, an Unsigned32 has 4", n);
  r->at[f] = pos;
  if (fields[f].u32)
    r->value[f] = ctf_be32(d);
  else
    r->text[f] = (wchg_str){(const char *)d, n};
  return WCHG_OK;
}

/* The AVPs from |pos| to |end|: every header and length checked against
 * the end, those of |fields| (top level or Experimental-Result's
 * children, |group|) taken. */
static wchg_status walk(struct aca *r, size_t pos, size_t end, bool group, wchg_diag *diag) {
  const char *parent = group ? "Experimental-Result" : NULL;
  char nb[32];
  while (pos < end) {
    const uint8_t *p = r->m + pos;
    size_t left = end - pos, hl = left > 4 && (p[4] & WCHG_AVP_FLAG_V) ? 12 : 8;
    if (left < hl)
      return fail(diag, WCHG_E_TRUNCATED, WCHG_RC_INVALID_AVP_LENGTH, pos, parent, "AVP",
                  "an AVP header of %zu octets is cut by the end", hl);
    uint32_t code = ctf_be32(p), vendor = hl == 12 ? ctf_be32(p + 8) : 0;
    size_t alen = ctf_be24(p + 5);
    if (alen < hl || alen > left)
      return fail(diag, WCHG_E_LENGTH, WCHG_RC_INVALID_AVP_LENGTH, pos, parent,
                  avp_name(code, vendor, nb),
                  alen < hl ? "AVP length %zu is shorter than its header"
                            : "AVP length %zu runs past the end",
                  alen);
    for (int f = 0; f < F_COUNT && vendor == 0; f++)
      if (fields[f].code == code && fields[f].group == group) {
        wchg_status rc = take(r, f, pos, p + hl, alen - hl, parent, diag);
        if (rc == WCHG_OK && f == F_EXP)
          rc = walk(r, pos + hl, pos + alen, true, diag);
        if (rc != WCHG_OK)
          return rc;
      }
    size_t padded = (alen + 3) & ~(size_t)3;
    pos += padded < left ? padded : left; /* the last may lack its padding */
  }
  return WCHG_OK;
}

static wchg_status read_header(const uint8_t *m, size_t len, wchg_diag *diag) {
  if (len < 20)
    return fail(diag, WCHG_E_TRUNCATED, WCHG_RC_INVALID_MESSAGE_LENGTH, len, NULL, NULL,
                "%zu octets: a Diameter header has 20", len);
  size_t mlen = ctf_be24(m + 1);
  if (m[0] != 1)
    return fail(diag, WCHG_E_DIAMETER, WCHG_RC_UNSUPPORTED_VERSION, 0, NULL, "Version",
                "version %zu, not 1", (size_t)m[0]);
  if (mlen < 20)
    return fail(diag, WCHG_E_LENGTH, WCHG_RC_INVALID_MESSAGE_LENGTH, 1, NULL, "Message-Length",
                "Message-Length %zu is shorter than the header", mlen);
  if (mlen > len)
    return fail(diag, WCHG_E_TRUNCATED, WCHG_RC_INVALID_MESSAGE_LENGTH, 1, NULL, "Message-Length",
                "Message-Length %zu runs past the octets given", mlen);
  if (mlen < len)
    return fail(diag, WCHG_E_TRAILING, 0, mlen, NULL, NULL,
                "%zu octets follow the message", len - mlen);
  if (m[4] & WCHG_CMD_FLAG_R)
    return fail(diag, WCHG_E_DIAMETER, WCHG_RC_INVALID_HDR_BITS, 4, NULL, "Command-Flags",
                "the R flag is set: a request, not an answer (flags 0x%02zx)",
                (size_t)m[4]);
  if (ctf_be24(m + 5) != WCHG_CMD_ACCOUNTING)
    return fail(diag, WCHG_E_DIAMETER, WCHG_RC_COMMAND_UNSUPPORTED, 5, NULL, "Command-Code",
                "command %zu, not 271 (Accounting)", (size_t)ctf_be24(m + 5));
  if (ctf_be32(m + 8) != WCHG_APP_BASE_ACCOUNTING)
    return fail(diag, WCHG_E_DIAMETER, WCHG_RC_APPLICATION_UNSUPPORTED, 8, NULL, "Application-Id",
                "application %zu, not 3 (base accounting)", (size_t)ctf_be32(m + 8));
  return WCHG_OK;
}

/* Read |m| into |r| and |out| (zeroed first). */
static wchg_status read_aca(const uint8_t *m, size_t len, struct aca *r, wchg_ctf_answer *out,
                            wchg_diag *diag) {
  wchg_status rc;
  memset(r, 0, sizeof *r);
  memset(out, 0, sizeof *out);
  r->m = m;
  if ((rc = read_header(m, len, diag)) != WCHG_OK ||
      (rc = walk(r, 20, len, false, diag)) != WCHG_OK)
    return rc;
  if (!r->at[F_RESULT] && !r->at[F_EXP])
    return fail(diag, WCHG_E_MISSING, WCHG_RC_MISSING_AVP, WCHG_NO_OFFSET, NULL, "Result-Code",
                "neither Result-Code nor Experimental-Result: the answer says nothing");
  if (r->at[F_EXP] && !r->at[F_EXPCODE])
    return fail(diag, WCHG_E_MISSING, WCHG_RC_MISSING_AVP, r->at[F_EXP], "Experimental-Result",
                "Experimental-Result-Code", "the Experimental-Result has no code");
  out->error_bit = (m[4] & WCHG_CMD_FLAG_E) != 0;
  out->hop_by_hop = ctf_be32(m + 12);
  out->end_to_end = ctf_be32(m + 16);
  out->session_id = r->text[F_SID];
  out->origin_host = r->text[F_HOST];
  out->error_message = r->text[F_MSG];
  out->result_code = r->value[F_RESULT];
  out->experimental_result_code = r->value[F_EXPCODE];
  out->vendor_id = r->value[F_VENDOR];
  out->accounting_record_type = (int32_t)r->value[F_TYPE];
  out->accounting_record_number = r->value[F_NUMBER];
  if (r->at[F_INTERVAL])
    out->acct_interim_interval = WCHG_INT(r->value[F_INTERVAL]);
  out->verdict = wchg_ctf_result_verdict(r->at[F_EXPCODE] ? r->value[F_EXPCODE]
                                                           : r->value[F_RESULT]);
  return WCHG_OK;
}

wchg_status wchg_ctf_aca_read(const uint8_t *aca, size_t len, wchg_ctf_answer *out,
                              wchg_diag *diag) {
  struct aca r;
  wchgi_diag_clear(diag);
  if (!out || (!aca && len))
    return WCHG_E_ARG;
  return read_aca(aca, len, &r, out, diag);
}

/* ---- sending ------------------------------------------------------------- */

/* The start of a send: arguments and the record type. */
static wchg_status send_check(const void *owner, const wchg_acr *acr, const uint8_t **msg,
                              size_t *len, wchg_diag *diag) {
  wchgi_diag_clear(diag);
  if (msg)
    *msg = NULL;
  if (len)
    *len = 0;
  if (!owner || !acr || !msg || !len)
    return WCHG_E_ARG;
  if (acr->accounting_record_type < WCHG_ACR_EVENT || acr->accounting_record_type > WCHG_ACR_STOP)
    return ctf_fail(diag, WCHG_E_ARG, "ACR", "Accounting-Record-Type",
                    "not an ACR to send (type NONE or not 1..4)");
  return WCHG_OK;
}

/* ---- matching an answer -------------------------------------------------- */

static const char *type_name(int32_t type) {
  static const char *const names[] = {"NONE", "EVENT", "START", "INTERIM", "STOP"};
  return type >= 0 && type <= WCHG_ACR_STOP ? names[type] : "of an unknown type";
}

/* The slot the ACA |r| (read into |ans|) answers, or the error that names
 * the field that matched nothing (ctf_aca.h, "Matching"). */
static wchg_status match(struct ctf_answers *a, const struct aca *r, const wchg_ctf_answer *ans,
                         struct ctf_slot **out, wchg_diag *diag) {
  bool sid = r->at[F_SID], type = r->at[F_TYPE], num = r->at[F_NUMBER];
  size_t by_sid = 0, by_record = 0, all = 0;
  for (size_t i = 0; i < a->cap; i++) {
    struct ctf_slot *s = &a->slots[i];
    if (!s->used ||
        (sid ? !ctf_str_eq(ctf_slot_sid(s), ans->session_id)
             : !(s->end_to_end && s->end_to_end == ans->end_to_end)))
      continue;
    by_sid++;
    if ((type && s->type != ans->accounting_record_type) ||
        (num && s->number != ans->accounting_record_number))
      continue;
    by_record++;
    if (s->end_to_end && s->end_to_end != ans->end_to_end)
      continue;
    all++;
    *out = s;
  }
  if (all == 1)
    return WCHG_OK;
  if (all > 1)
    return fail(diag, WCHG_E_MISSING, WCHG_RC_MISSING_AVP, WCHG_NO_OFFSET, NULL,
                "Accounting-Record-Number",
                "an answer without record type and number fits %zu outstanding ACRs "
                "(set end_to_end to tell them apart)",
                all);
  if (sid && type && num &&
      ctf_answers_answered(a, ans->session_id, ans->accounting_record_type,
                           ans->accounting_record_number))
    return fail(diag, WCHG_E_DUPLICATE, 0, r->at[F_NUMBER], NULL, "Accounting-Record-Number",
                "a second answer: the %s ACR number %u was answered already",
                type_name(ans->accounting_record_type),
                (unsigned)ans->accounting_record_number);
  if (!by_sid && sid)
    return fail(diag, WCHG_E_STATE, 0, r->at[F_SID], NULL, "Session-Id",
                "no ACR of Session-Id \"%.*s\" is outstanding",
                (int)(ans->session_id.len > 80 ? 80 : ans->session_id.len),
                ans->session_id.ptr);
  if (!by_sid)
    return fail(diag, WCHG_E_STATE, 0, 16, NULL, "End-to-End-Identifier",
                "an answer without Session-Id whose End-to-End Identifier 0x%08x is that "
                "of no outstanding ACR",
                (unsigned)ans->end_to_end);
  if (!by_record)
    return fail(diag, WCHG_E_STATE, 0, r->at[num ? F_NUMBER : F_TYPE], NULL,
                num ? "Accounting-Record-Number" : "Accounting-Record-Type",
                "no %s ACR number %u of this Session-Id is outstanding",
                type_name(ans->accounting_record_type),
                (unsigned)ans->accounting_record_number);
  return fail(diag, WCHG_E_STATE, 0, 16, NULL, "End-to-End-Identifier",
              "End-to-End Identifier 0x%08x: not that of the ACR it names",
              (unsigned)ans->end_to_end);
}

static wchg_status answer(struct ctf_answers *a, const uint8_t *aca, size_t len,
                          wchg_ctf_answer *out, wchg_diag *diag) {
  struct aca r;
  struct ctf_slot *s = NULL;
  wchg_status rc;
  wchgi_diag_clear(diag);
  if (!out || (!aca && len))
    return WCHG_E_ARG;
  if ((rc = read_aca(aca, len, &r, out, diag)) != WCHG_OK ||
      (rc = match(a, &r, out, &s, diag)) != WCHG_OK)
    return rc;
  ctf_answers_conclude(a, s, out);
  return WCHG_OK;
}

/* ---- sessions ------------------------------------------------------------ */

wchg_status wchg_ctf_session_send(wchg_ctf_session *s, const wchg_acr *acr,
                                  const uint8_t **msg, size_t *len, wchg_diag *diag) {
  const wchg_mem *mem;
  wchg_str sid;
  wchg_status rc = send_check(s, acr, msg, len, diag);
  if (rc != WCHG_OK)
    return rc;
  struct ctf_answers *a = ctf_session_answers(s, &mem, &sid);
  if (!sid.ptr || !ctf_str_eq(sid, acr->session_id))
    return ctf_fail(diag, WCHG_E_ARG, "ACR", "Session-Id", "not a record of this session");
  if (ctf_answers_make(a, mem, WCHG_CTF_SESSION_OUTSTANDING) != WCHG_OK)
    return WCHG_E_NOMEM;
  return ctf_answers_send(a, mem, acr, false, msg, len, diag);
}

wchg_status wchg_ctf_session_answer(wchg_ctf_session *s, const uint8_t *aca, size_t len,
                                    wchg_ctf_answer *out, wchg_diag *diag) {
  const wchg_mem *mem;
  wchg_str sid;
  if (!s) {
    wchgi_diag_clear(diag);
    return WCHG_E_ARG;
  }
  struct ctf_answers *a = ctf_session_answers(s, &mem, &sid);
  wchg_status rc = answer(a, aca, len, out, diag);
  if (rc == WCHG_OK && out->acct_interim_interval.present) {
    a->has_interval = true; /* RFC 6733 §9.8.2: the server's from now on */
    a->interval = out->acct_interim_interval;
  }
  return rc;
}

wchg_status wchg_ctf_session_timeout(wchg_ctf_session *s, uint32_t accounting_record_number,
                                     wchg_ctf_answer *out, wchg_diag *diag) {
  const wchg_mem *mem;
  wchg_str sid;
  wchgi_diag_clear(diag);
  if (!s || !out)
    return WCHG_E_ARG;
  struct ctf_answers *a = ctf_session_answers(s, &mem, &sid);
  struct ctf_slot *slot = ctf_answers_numbered(a, accounting_record_number);
  if (!slot)
    return ctf_fail(diag, WCHG_E_STATE, "timeout", "Accounting-Record-Number",
                    "no ACR of this number is outstanding");
  return ctf_answers_expire(a, slot, out);
}

wchg_status wchg_ctf_session_drop(wchg_ctf_session *s, uint32_t accounting_record_number) {
  const wchg_mem *mem;
  wchg_str sid;
  if (!s)
    return WCHG_E_ARG;
  struct ctf_answers *a = ctf_session_answers(s, &mem, &sid);
  struct ctf_slot *slot = ctf_answers_numbered(a, accounting_record_number);
  if (!slot)
    return WCHG_E_STATE;
  ctf_answers_forget(a, slot);
  return WCHG_OK;
}

size_t wchg_ctf_session_outstanding(const wchg_ctf_session *s) {
  const wchg_mem *mem;
  wchg_str sid;
  return s ? ctf_session_answers((wchg_ctf_session *)s, &mem, &sid)->count : 0;
}

/* ---- EVENT records without a session ------------------------------------- */

CTF_OBJECT(struct wchg_ctf_pending);

wchg_ctf_pending *wchg_ctf_pending_new(const wchg_mem *mem, size_t capacity) {
  wchg_ctf_pending *p;
  if (!capacity || capacity > SIZE_MAX / sizeof(struct ctf_slot))
    return NULL;
  p = ctf_object_new(mem, sizeof *p);
  if (p && ctf_answers_make(&p->answers, &p->mem, capacity) != WCHG_OK) {
    wchg_ctf_pending_free(p);
    return NULL;
  }
  return p;
}

void wchg_ctf_pending_free(wchg_ctf_pending *p) {
  if (!p)
    return;
  ctf_answers_free(&p->answers, &p->mem);
  ctf_object_free(p, NULL, 0);
}

wchg_status wchg_ctf_pending_send(wchg_ctf_pending *p, const wchg_acr *acr,
                                  const uint8_t **msg, size_t *len, wchg_diag *diag) {
  wchg_status rc = send_check(p, acr, msg, len, diag);
  if (rc != WCHG_OK)
    return rc;
  if (acr->accounting_record_type != WCHG_ACR_EVENT)
    return ctf_fail(diag, WCHG_E_ARG, "ACR", "Accounting-Record-Type",
                    "not an EVENT: a session's records go to wchg_ctf_session_send()");
  if (!acr->session_id.len)
    return ctf_fail(diag, WCHG_E_ARG, "ACR", "Session-Id", "no Session-Id to key it by");
  return ctf_answers_send(&p->answers, &p->mem, acr, true, msg, len, diag);
}

wchg_status wchg_ctf_pending_answer(wchg_ctf_pending *p, const uint8_t *aca, size_t len,
                                    wchg_ctf_answer *out, wchg_diag *diag) {
  if (!p) {
    wchgi_diag_clear(diag);
    return WCHG_E_ARG;
  }
  return answer(&p->answers, aca, len, out, diag);
}

wchg_status wchg_ctf_pending_timeout(wchg_ctf_pending *p, wchg_str session_id,
                                     wchg_ctf_answer *out, wchg_diag *diag) {
  wchgi_diag_clear(diag);
  if (!p || !out)
    return WCHG_E_ARG;
  struct ctf_slot *s = ctf_answers_find(&p->answers, true, session_id, 0, 0);
  if (!s)
    return ctf_fail(diag, WCHG_E_STATE, "timeout", "Session-Id",
                    "no ACR of this Session-Id is outstanding");
  return ctf_answers_expire(&p->answers, s, out);
}

wchg_status wchg_ctf_pending_drop(wchg_ctf_pending *p, wchg_str session_id) {
  if (!p)
    return WCHG_E_ARG;
  struct ctf_slot *s = ctf_answers_find(&p->answers, true, session_id, 0, 0);
  if (!s)
    return WCHG_E_STATE;
  ctf_answers_forget(&p->answers, s);
  return WCHG_OK;
}

size_t wchg_ctf_pending_outstanding(const wchg_ctf_pending *p) {
  return p ? p->answers.count : 0;
}
