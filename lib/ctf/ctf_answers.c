/*
 * ctf_answers.c: the ACRs a session or a wchg_ctf_pending sent and has
 * not yet seen answered (ctf_aca.h): a slot with a copy of each ACR's
 * bytes, found by its key, the ring of the keys answered last, and the
 * Acct-Interim-Interval an ACA set (RFC 6733 §9.8.2).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/ctf_aca.h>
#include <webrtc_chg/diameter.h>

#include "ctf/ctf_internal.h"

wchg_str ctf_slot_sid(const struct ctf_slot *s) {
  return (wchg_str){(const char *)s->buf + s->sid_off, s->sid_len};
}

/* FNV-1a of an ACR's key (Session-Id, record type and number); never 0,
 * which marks an empty entry of the ring. */
static uint64_t fingerprint(wchg_str sid, int32_t type, uint32_t number) {
  uint64_t h = 0xcbf29ce484222325u;
  uint8_t k[8];
  for (int i = 0; i < 4; i++) {
    k[i] = (uint8_t)((uint32_t)type >> (24 - 8 * i));
    k[4 + i] = (uint8_t)(number >> (24 - 8 * i));
  }
  for (size_t i = 0; i < sid.len; i++)
    h = (h ^ (uint8_t)sid.ptr[i]) * 0x100000001b3u;
  for (size_t i = 0; i < sizeof k; i++)
    h = (h ^ k[i]) * 0x100000001b3u;
  return h ? h : 1;
}

bool ctf_answers_answered(const struct ctf_answers *a, wchg_str sid, int32_t type,
                          uint32_t number) {
  uint64_t fp = fingerprint(sid, type, number);
  for (size_t i = 0; i < CTF_ANSWERED; i++)
    if (a->answered[i] == fp)
      return true;
  return false;
}

/* ---- the set ------------------------------------------------------------- */

wchg_status ctf_answers_make(struct ctf_answers *a, const wchg_mem *mem, size_t cap) {
  if (a->slots)
    return WCHG_OK;
  a->slots = wchgi_malloc(mem, cap * sizeof *a->slots);
  if (!a->slots)
    return WCHG_E_NOMEM;
  memset(a->slots, 0, cap * sizeof *a->slots);
  a->cap = cap;
  return WCHG_OK;
}

void ctf_answers_reset(struct ctf_answers *a) {
  for (size_t i = 0; i < a->cap; i++)
    a->slots[i].used = false;
  a->count = 0;
  memset(a->answered, 0, sizeof a->answered);
  a->answered_next = 0;
  a->has_interval = false;
}

void ctf_answers_free(struct ctf_answers *a, const wchg_mem *mem) {
  for (size_t i = 0; i < a->cap; i++)
    wchgi_free(mem, a->slots[i].buf);
  wchgi_free(mem, a->slots);
  memset(a, 0, sizeof *a);
}

const wchg_opt_int *ctf_answers_interval(const struct ctf_answers *a, const wchg_opt_int *dflt) {
  return a->has_interval ? &a->interval : dflt;
}

/* ---- finding and forgetting ---------------------------------------------- */

struct ctf_slot *ctf_answers_find(struct ctf_answers *a, bool by_sid, wchg_str sid,
                                  int32_t type, uint32_t number) {
  for (size_t i = 0; i < a->cap; i++) {
    struct ctf_slot *s = &a->slots[i];
    if (s->used && (by_sid ? ctf_str_eq(ctf_slot_sid(s), sid)
                           : s->type == type && s->number == number))
      return s;
  }
  return NULL;
}

struct ctf_slot *ctf_answers_numbered(struct ctf_answers *a, uint32_t number) {
  for (size_t i = 0; i < a->cap; i++)
    if (a->slots[i].used && a->slots[i].number == number)
      return &a->slots[i];
  return NULL;
}

void ctf_answers_forget(struct ctf_answers *a, struct ctf_slot *s) {
  s->used = false;
  a->count--;
}

/* ---- sending ------------------------------------------------------------- */

/* Encode |acr| into |s|'s buffer, growing it when it is too small. */
static wchg_status encode_into(struct ctf_slot *s, const wchg_mem *mem, const wchg_acr *acr,
                               wchg_diag *diag) {
  size_t n = 0;
  wchg_status rc = wchg_acr_encode(acr, s->buf, s->cap, &n, diag);
  if (rc == WCHG_E_BUFFER) {
    uint8_t *b = wchgi_malloc(mem, n);
    if (!b)
      return WCHG_E_NOMEM;
    wchgi_free(mem, s->buf);
    s->buf = b;
    s->cap = n;
    wchgi_diag_clear(diag);
    rc = wchg_acr_encode(acr, s->buf, s->cap, &n, diag);
  }
  if (rc != WCHG_OK)
    return rc;
  /* the encoder writes Session-Id first, without Vendor-Id */
  s->len = n;
  s->sid_off = 28;
  s->sid_len = ctf_be24(s->buf + 25) - 8;
  return WCHG_OK;
}

wchg_status ctf_answers_send(struct ctf_answers *a, const wchg_mem *mem, const wchg_acr *acr,
                             bool by_sid, const uint8_t **msg, size_t *len, wchg_diag *diag) {
  struct ctf_slot *s = NULL;
  wchg_status rc;
  if (ctf_answers_find(a, by_sid, acr->session_id, acr->accounting_record_type,
                       acr->accounting_record_number))
    return ctf_fail(diag, WCHG_E_DUPLICATE, "ACR",
                    by_sid ? "Session-Id" : "Accounting-Record-Number",
                    "an ACR with this key is outstanding already");
  for (size_t i = 0; i < a->cap && !s; i++)
    if (!a->slots[i].used)
      s = &a->slots[i];
  if (!s)
    return ctf_fail(diag, WCHG_E_LIMIT, "ACR", NULL,
                    "every slot holds an outstanding ACR: answer, time out or drop one first");
  if ((rc = encode_into(s, mem, acr, diag)) != WCHG_OK)
    return rc;
  s->used = true;
  s->type = acr->accounting_record_type;
  s->number = acr->accounting_record_number;
  s->end_to_end = acr->end_to_end;
  s->resends = 0;
  a->count++;
  *msg = s->buf;
  *len = s->len;
  return WCHG_OK;
}

/* ---- concluding ---------------------------------------------------------- */

void ctf_answers_conclude(struct ctf_answers *a, struct ctf_slot *s, wchg_ctf_answer *out) {
  out->accounting_record_type = s->type;
  out->accounting_record_number = s->number;
  if (out->verdict == WCHG_CTF_DONE || out->verdict == WCHG_CTF_FAILED) {
    a->answered[a->answered_next++ % CTF_ANSWERED] =
        fingerprint(ctf_slot_sid(s), s->type, s->number);
    ctf_answers_forget(a, s);
    return;
  }
  s->buf[4] |= WCHG_CMD_FLAG_T;
  out->resends = ++s->resends;
  out->resend = s->buf;
  out->resend_len = s->len;
}

wchg_status ctf_answers_expire(struct ctf_answers *a, struct ctf_slot *s, wchg_ctf_answer *out) {
  memset(out, 0, sizeof *out);
  out->verdict = WCHG_CTF_FAILOVER;
  ctf_answers_conclude(a, s, out);
  return WCHG_OK;
}
