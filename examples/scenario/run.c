/*
 * run.c: the scenario runner (scenario.h): each step given to the CTF,
 * its ACR encoded and parsed back, its expectation checked (check.c), its
 * answers run (answer.c), and the outcome handed to the caller.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

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

/* The Session-Id value of the step: its "unique", else the next of the
 * runner's (a register, invite or standalone step takes one). */
static uint64_t step_unique(runner *rn, const scn_step *step) {
  uint64_t unique = step->has_unique
                        ? step->unique
                        : ((uint64_t)rn->s->boot_count << 32) | rn->next_unique;
  if (!step->has_unique && (step->action == SCN_REGISTER || step->action == SCN_INVITE ||
                            step->action == SCN_STANDALONE))
    rn->next_unique++;
  return unique;
}

/* The CTF's call for the step's action, into rn->rec. */
static wchg_status ctf_call(runner *rn, const scn_step *step, wchg_ctf_reg *reg,
                            wchg_ctf_session *ses, wchg_diag *d) {
  const scenario *s = rn->s;
  uint64_t unique = step_unique(rn, step);
  switch (step->action) {
  case SCN_REGISTER:
    return wchg_ctf_register(reg, &step->reg, unique, rn->rec, d);
  case SCN_INVITE:
    return wchg_ctf_session_begin(ses, reg, step->role_of_node, unique, &step->ev, rn->rec, d);
  case SCN_REQUEST:
  case SCN_RESPONSE:
    return wchg_ctf_session_event(ses, &step->ev, rn->rec, d);
  case SCN_TICK:
    return wchg_ctf_session_tick(ses, step->at_ms, rn->rec, d);
  default:
    return wchg_ctf_standalone(&s->config, reg, step->role_of_node, unique, &step->ev,
                               &step->response, rn->rec, d);
  }
}

/* The record the call gave, if any: numbered, encoded, parsed back into
 * |o|. Returns WCHG_E_NOMEM, else WCHG_OK (o->ok false on a mismatch). */
static wchg_status record(runner *rn, scn_outcome *o, wchg_diag *d) {
  wchg_acr *acr = wchg_ctf_record_acr(rn->rec);
  if (o->status != WCHG_OK || !acr || acr->accounting_record_type == WCHG_ACR_NONE)
    return WCHG_OK;
  o->acr = acr;
  o->record_seq = ++rn->records;
  acr->hop_by_hop = (uint32_t)o->record_seq;
  acr->end_to_end = (uint32_t)o->record_seq;
  if (encode(rn, acr, &o->msg_len, &o->status, d)) {
    o->msg = rn->buf;
    return WCHG_OK;
  }
  if (o->status == WCHG_E_NOMEM)
    return WCHG_E_NOMEM;
  o->ok = false;
  return WCHG_OK;
}

/* Run one step: the CTF call, the encoding, the check, the callback. */
static int run_step(runner *rn, size_t index, scn_callback cb, void *ud, scn_stats *stats) {
  const scn_step *step = &rn->s->steps[index];
  wchg_ctf_reg *reg = step->user >= 0 ? rn->regs[step->user] : NULL;
  wchg_ctf_session *ses = step->session >= 0 ? rn->sessions[step->session] : NULL;
  wchg_diag d = {0};
  wchg_status st = ctf_call(rn, step, reg, ses, &d);
  if (st == WCHG_E_NOMEM)
    return WCHG_E_NOMEM;

  scn_outcome o = {.index = index, .step = step, .session = ses, .status = st, .diag = &d,
                   .warnings = wchg_ctf_record_warnings(rn->rec), .ok = true};
  rn->why[0] = '\0';
  if (record(rn, &o, &d) == WCHG_E_NOMEM)
    return WCHG_E_NOMEM;
  if (o.ok)
    o.ok = scn_check(rn, step, st, &d, o.acr, o.warnings);
  if (o.ok && step->aca_count) {
    bool nomem = false;
    o.ok = o.acr ? scn_answers(rn, step, ses, o.acr, o.msg_len, &o.exchange_count, &nomem)
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

/* The CTF objects of the run: one registration context per user, one
 * session per session name. Returns 0 or WCHG_E_NOMEM. */
static int runner_open(runner *rn) {
  const scenario *s = rn->s;
  rn->regs = calloc(s->user_count + 1, sizeof *rn->regs);
  rn->sessions = calloc(s->session_count + 1, sizeof *rn->sessions);
  rn->rec = wchg_ctf_record_new(s->config.mem);
  rn->pending = wchg_ctf_pending_new(s->config.mem, SCN_MAX_STEPS);
  if (!rn->regs || !rn->sessions || !rn->rec || !rn->pending)
    return WCHG_E_NOMEM;
  for (size_t i = 0; i < s->user_count; i++)
    if (!(rn->regs[i] = wchg_ctf_reg_new(&s->config)))
      return WCHG_E_NOMEM;
  for (size_t i = 0; i < s->session_count; i++)
    if (!(rn->sessions[i] = wchg_ctf_session_new(&s->config)))
      return WCHG_E_NOMEM;
  return 0;
}

static void runner_close(runner *rn) {
  const scenario *s = rn->s;
  for (size_t i = 0; rn->sessions && i < s->session_count; i++)
    wchg_ctf_session_free(rn->sessions[i]);
  for (size_t i = 0; rn->regs && i < s->user_count; i++)
    wchg_ctf_reg_free(rn->regs[i]);
  wchg_ctf_record_free(rn->rec);
  wchg_ctf_pending_free(rn->pending);
  for (size_t i = 0; i < SCN_MAX_ACA; i++) {
    free(rn->sent[i].p);
    free(rn->got[i].p);
  }
  free(rn->sessions);
  free(rn->regs);
  free(rn->buf);
}

int scn_run(const scenario *s, scn_callback cb, void *user_data, scn_stats *stats) {
  scn_stats dummy;
  runner rn = {.s = s, .next_unique = 1};
  int rc;

  if (!stats)
    stats = &dummy;
  memset(stats, 0, sizeof *stats);
  if (!s)
    return WCHG_E_ARG;
  rc = runner_open(&rn);
  for (size_t i = 0; rc == 0 && i < s->step_count; i++)
    rc = run_step(&rn, i, cb, user_data, stats);
  runner_close(&rn);
  return rc;
}
