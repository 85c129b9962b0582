/*
 * answer.c: the answer path of the scenario runner (internal.h): a step's
 * ACR sent through the CTF's answer functions (ctf_aca.h), each "aca"
 * entry an ACA as the CDF writes it (aca.h), a repeat or a timeout, and
 * the resends the verdicts ask for.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

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

/* The ACA of entry |i| into rn->got[i]: the last one given once more
 * for a repeat, else written for the ACR it answers. */
static wchg_status aca_bytes(runner *rn, const scn_step *step, size_t i) {
  const scn_aca *a = &step->aca[i];
  size_t last = i; /* the ACA a repeat repeats: the last one given */
  if (a->kind != SCN_ACA_DUPLICATE)
    return write_aca(rn->s, a, &rn->sent[i], &rn->got[i]);
  while (last > 0 && step->aca[--last].kind == SCN_ACA_LOST)
    ;
  return bytes_set(&rn->got[i], rn->got[last].p, rn->got[last].len) ? WCHG_OK : WCHG_E_NOMEM;
}

/* Entry |i| of the step's "aca": an answer, a repeat or a timeout given
 * to the owner of the ACR (|ses|, or the runner's tracker). */
static wchg_status exchange(runner *rn, const scn_step *step, size_t i, wchg_ctf_session *ses,
                            const wchg_acr *acr) {
  scn_exchange *x = &rn->ex[i];
  bytes *got = &rn->got[i];
  memset(x, 0, sizeof *x);
  x->aca = &step->aca[i];
  x->sent = rn->sent[i].p;
  x->sent_len = rn->sent[i].len;
  if (x->aca->kind == SCN_ACA_LOST) {
    x->status = ses ? wchg_ctf_session_timeout(ses, acr->accounting_record_number, &x->answer,
                                               &x->diag)
                    : wchg_ctf_pending_timeout(rn->pending, acr->session_id, &x->answer,
                                               &x->diag);
    return WCHG_OK;
  }
  wchg_status rc = aca_bytes(rn, step, i);
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
                                         : wchg_status_name(x->status);
  bool ok = a->has_expect ? (a->expect_error ? x->status == a->error
                                             : x->status == WCHG_OK &&
                                                   x->answer.verdict == a->verdict)
                          : x->status == WCHG_OK;
  if (!ok)
    snprintf(rn->why, sizeof rn->why, "aca[%zu]: expected %s, got %s%s%s%s%s", i,
             !a->has_expect ? "an answer" : a->expect_error ? wchg_status_name(a->error)
                                                            : wchg_ctf_verdict_name(a->verdict),
             got ? got : "?", x->status != WCHG_OK ? " (" : "", x->diag.path,
             x->status != WCHG_OK ? ": " : "", x->status != WCHG_OK ? x->diag.message : "");
  if (!ok && x->status != WCHG_OK)
    snprintf(rn->why + strlen(rn->why), sizeof rn->why - strlen(rn->why), ")");
  return ok;
}

/* What transmission |i| of the step sends: the ACR |msg| first, then
 * what the verdict before it gave back to resend, else the bytes before
 * once more. */
static void transmission(const runner *rn, size_t i, const uint8_t *msg, size_t n,
                         const uint8_t **out, size_t *out_len) {
  const scn_exchange *prev = i ? &rn->ex[i - 1] : NULL;
  bool resend = prev && prev->status == WCHG_OK && prev->answer.resend;
  *out = resend ? prev->answer.resend : prev ? prev->sent : msg;
  *out_len = resend ? prev->answer.resend_len : prev ? prev->sent_len : n;
}

bool scn_answers(runner *rn, const scn_step *step, wchg_ctf_session *ses, const wchg_acr *acr,
                 size_t len, size_t *count, bool *nomem) {
  const uint8_t *msg = NULL, *out;
  size_t n = 0, out_len;
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
    transmission(rn, i, msg, n, &out, &out_len);
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
