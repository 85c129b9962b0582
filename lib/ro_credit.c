/*
 * ro_credit.c: the per-session credit state of an Ro client (RFC 4006 §7
 * client state machine, TS 32.299 §5.2 / §6.3 for IMS), ro.h. No clock:
 * every event comes with the caller's now_ms.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/ro.h>

#define RC_CREDIT_CONTROL_NOT_APPLICABLE 4011u /* RFC 4006 §9.1 */

static void act_init(wchg_credit_action *act, int service) {
  memset(act, 0, sizeof *act);
  act->service = service;
  act->next_tick_ms = -1;
}

static void send_ccr(wchg_credit *c, wchg_credit_action *act, int32_t type, int state) {
  act->send = type;
  act->cc_request_number = c->next_number++;
  c->pending_type = type;
  c->pending_number = act->cc_request_number;
  c->state = state;
}

/* A SESSION that is not answered yet uses nothing and runs no quota. */
static bool ringing(const wchg_credit *c) {
  return c->kind == WCHG_CREDIT_SESSION && !c->answered;
}

/* Report the usage up to |until_ms|: whole seconds, the rest carried
 * over; the final report rounds up. */
static void report(wchg_credit *c, wchg_credit_action *act, int64_t until_ms, bool final) {
  int64_t used = until_ms > c->usage_from_ms && !ringing(c) ? until_ms - c->usage_from_ms : 0;
  int64_t s = final ? (used + 999) / 1000 : used / 1000;
  if (s > UINT32_MAX)
    s = UINT32_MAX;
  act->used_seconds = WCHG_INT(s);
  c->usage_from_ms = final ? until_ms : c->usage_from_ms + s * 1000;
}

static void update(wchg_credit *c, wchg_credit_action *act, int64_t now_ms, int32_t reason,
                   bool in_usu, int service) {
  report(c, act, now_ms, false);
  act->reporting_reason = WCHG_INT(reason);
  act->reason_in_usu = in_usu;
  act->service = service;
  send_ccr(c, act, WCHG_CC_UPDATE, WCHG_CREDIT_PENDING_U);
}

/* The CCR-T, reporting the time up to |until_ms| (an EVENT: |units|). */
static void terminate_units(wchg_credit *c, wchg_credit_action *act, int64_t until_ms,
                            int32_t cause, int service, uint64_t units) {
  if (c->kind == WCHG_CREDIT_EVENT)
    act->used_units = WCHG_INT((int64_t)(units > INT64_MAX ? INT64_MAX : units));
  else
    report(c, act, until_ms, true);
  act->reporting_reason = WCHG_INT(WCHG_RR_FINAL);
  act->reason_in_usu = false;
  act->service = service;
  c->termination_cause = cause;
  send_ccr(c, act, WCHG_CC_TERMINATION, WCHG_CREDIT_PENDING_T);
}

/* The CCR-T; an EVENT reports its request not delivered. */
static void terminate(wchg_credit *c, wchg_credit_action *act, int64_t until_ms, int32_t cause,
                      int service) {
  terminate_units(c, act, until_ms, cause, service, 0);
}

static int64_t earliest(int64_t a, int64_t b) { return a < 0 ? b : b < 0 ? a : a < b ? a : b; }

static void allow(const wchg_credit *c, wchg_credit_action *act) {
  int64_t t = c->validity_end_ms;
  act->service = WCHG_SERVICE_ALLOW;
  if (!c->unlimited && c->grant_end_ms >= 0) {
    t = earliest(t, c->grant_end_ms);
    if (!c->final_unit && !c->threshold_reported)
      t = earliest(t, c->threshold_ms);
  }
  act->next_tick_ms = t;
}

/* The MSCC of this rating group (or the first). */
static const wchg_cca_mscc *our_mscc(const wchg_credit *c, const wchg_cca *cca) {
  for (size_t i = 0; i < cca->n_mscc; i++)
    if (c->rating_group.present && cca->mscc[i].rating_group.present &&
        cca->mscc[i].rating_group.value == c->rating_group.value)
      return &cca->mscc[i];
  return cca->n_mscc ? &cca->mscc[0] : NULL;
}

/* Start the granted time at |from_ms| (nothing when unlimited). */
static void arm(wchg_credit *c, int64_t from_ms) {
  c->grant_end_ms = c->unlimited ? -1 : from_ms + c->grant_ms;
  c->threshold_ms = c->unlimited || c->threshold_before_ms < 0
                        ? -1
                        : c->grant_end_ms - c->threshold_before_ms;
}

/* Take the grant of |m| (NULL: none), counted from |from_ms| (a ringing
 * SESSION: from its answer). */
static void grant(wchg_credit *c, const wchg_cca_mscc *m, int64_t from_ms, int64_t now_ms) {
  c->unlimited = !m || !m->granted_service_unit.cc_time.present;
  c->grant_ms = c->unlimited ? -1 : m->granted_service_unit.cc_time.value * 1000;
  c->threshold_before_ms = !c->unlimited && m->time_quota_threshold.present
                               ? m->time_quota_threshold.value * 1000
                               : -1;
  c->grant_end_ms = c->threshold_ms = -1;
  if (!ringing(c))
    arm(c, from_ms);
  c->validity_end_ms = m && m->validity_time.present ? now_ms + m->validity_time.value * 1000 : -1;
  c->final_unit = m && m->final_unit_indication.present;
  c->final_unit_action = c->final_unit ? m->final_unit_indication.final_unit_action : 0;
  c->redirect_address = c->final_unit ? m->final_unit_indication.redirect_server_address
                                      : (wchg_str){NULL, 0};
  c->threshold_reported = false;
}

void wchg_credit_init(wchg_credit *c, wchg_opt_int rating_group,
                      wchg_opt_int service_identifier, uint32_t requested_seconds) {
  if (!c)
    return;
  memset(c, 0, sizeof *c);
  c->rating_group = rating_group;
  c->service_identifier = service_identifier;
  c->requested_seconds = requested_seconds;
  c->grant_ms = c->threshold_before_ms = -1;
  c->grant_end_ms = c->threshold_ms = c->validity_end_ms = -1;
}

void wchg_credit_init_session(wchg_credit *c, wchg_opt_int rating_group,
                              wchg_opt_int service_identifier, uint32_t requested_seconds) {
  wchg_credit_init(c, rating_group, service_identifier, requested_seconds);
  if (c)
    c->kind = WCHG_CREDIT_SESSION;
}

void wchg_credit_init_event(wchg_credit *c, wchg_opt_int rating_group,
                            wchg_opt_int service_identifier, uint64_t units) {
  wchg_credit_init(c, rating_group, service_identifier, 0);
  if (c) {
    c->kind = WCHG_CREDIT_EVENT;
    c->requested_units = units;
  }
}

wchg_status wchg_credit_begin(wchg_credit *c, int64_t now_ms, wchg_credit_action *act) {
  if (!c || !act)
    return WCHG_E_ARG;
  act_init(act, WCHG_SERVICE_WAIT);
  if (c->state != WCHG_CREDIT_IDLE)
    return WCHG_E_STATE;
  c->usage_from_ms = now_ms;
  send_ccr(c, act, WCHG_CC_INITIAL, WCHG_CREDIT_PENDING_I);
  return WCHG_OK;
}

wchg_status wchg_credit_on_cca(wchg_credit *c, const wchg_cca *cca, int64_t now_ms,
                               wchg_credit_action *act) {
  if (!c || !cca || !act)
    return WCHG_E_ARG;
  act_init(act, WCHG_SERVICE_WAIT);
  if (c->state != WCHG_CREDIT_PENDING_I && c->state != WCHG_CREDIT_PENDING_U &&
      c->state != WCHG_CREDIT_PENDING_T)
    return WCHG_E_STATE;
  if (cca->cc_request_type != c->pending_type || cca->cc_request_number != c->pending_number)
    return WCHG_E_STATE;
  int was = c->state;
  if (was == WCHG_CREDIT_PENDING_T || !wchg_result_code_success(cca->result_code)) {
    /* the answer to the CCR-T, or a failed CCA: the server's session is
     * over (RFC 4006 §7); 4011 lets the service go on uncharged */
    c->state = WCHG_CREDIT_CLOSED;
    act->service = was == WCHG_CREDIT_PENDING_T || c->end_requested ? WCHG_SERVICE_DONE
                   : cca->result_code == RC_CREDIT_CONTROL_NOT_APPLICABLE ? WCHG_SERVICE_ALLOW
                                                                           : WCHG_SERVICE_TERMINATE;
    return WCHG_OK;
  }
  const wchg_cca_mscc *m = our_mscc(c, cca);
  if (c->end_requested) { /* CANCEL before the CCA-I, BYE during a CCR-U */
    if (was == WCHG_CREDIT_PENDING_I)
      c->usage_from_ms = c->end_ms; /* no service was given */
    terminate(c, act, c->end_ms, c->termination_cause, WCHG_SERVICE_DONE);
    return WCHG_OK;
  }
  if (m && m->result_code.present && !wchg_result_code_success((uint32_t)m->result_code.value)) {
    /* the service is refused, the session is not (RFC 4006 §5.1.2) */
    terminate(c, act, now_ms, WCHG_TC_SERVICE_NOT_PROVIDED, WCHG_SERVICE_TERMINATE);
    return WCHG_OK;
  }
  if (c->kind == WCHG_CREDIT_EVENT && m && m->granted_service_unit.has_cc_service_specific_units &&
      m->granted_service_unit.cc_service_specific_units < c->requested_units) {
    /* fewer units than the request needs: refused, reservation released */
    terminate(c, act, now_ms, WCHG_TC_SERVICE_NOT_PROVIDED, WCHG_SERVICE_TERMINATE);
    return WCHG_OK;
  }
  if (was == WCHG_CREDIT_PENDING_I && !ringing(c))
    c->usage_from_ms = now_ms; /* the service starts with the grant */
  grant(c, m, c->usage_from_ms, now_ms);
  c->state = WCHG_CREDIT_OPEN;
  allow(c, act);
  return WCHG_OK;
}

static int fua_service(int32_t fua) {
  return fua == WCHG_FUA_REDIRECT          ? WCHG_SERVICE_REDIRECT
         : fua == WCHG_FUA_RESTRICT_ACCESS ? WCHG_SERVICE_RESTRICT
                                           : WCHG_SERVICE_TERMINATE;
}

wchg_status wchg_credit_tick(wchg_credit *c, int64_t now_ms, wchg_credit_action *act) {
  if (!c || !act)
    return WCHG_E_ARG;
  act_init(act, c->state == WCHG_CREDIT_CLOSED      ? WCHG_SERVICE_DONE
                : c->state == WCHG_CREDIT_PENDING_U ? WCHG_SERVICE_ALLOW
                                                    : WCHG_SERVICE_WAIT);
  if (c->state != WCHG_CREDIT_OPEN)
    return WCHG_OK;
  if (c->kind == WCHG_CREDIT_EVENT) { /* a reservation only lapses */
    if (c->validity_end_ms >= 0 && now_ms >= c->validity_end_ms)
      terminate(c, act, now_ms, WCHG_TC_SERVICE_NOT_PROVIDED, WCHG_SERVICE_TERMINATE);
    else
      allow(c, act);
    return WCHG_OK;
  }
  if (!c->unlimited && c->grant_end_ms >= 0 && now_ms >= c->grant_end_ms) {
    if (c->final_unit) { /* RFC 4006 §5.6: apply the Final-Unit-Action */
      terminate(c, act, now_ms, WCHG_TC_ADMINISTRATIVE, fua_service(c->final_unit_action));
      if (act->service == WCHG_SERVICE_REDIRECT)
        act->redirect_address = c->redirect_address;
    } else {
      update(c, act, now_ms, WCHG_RR_QUOTA_EXHAUSTED, true, WCHG_SERVICE_WAIT);
    }
  } else if (c->validity_end_ms >= 0 && now_ms >= c->validity_end_ms) {
    update(c, act, now_ms, WCHG_RR_VALIDITY_TIME, false, WCHG_SERVICE_ALLOW);
  } else if (!c->final_unit && !c->threshold_reported && c->threshold_ms >= 0 &&
             now_ms >= c->threshold_ms) {
    c->threshold_reported = true;
    update(c, act, now_ms, WCHG_RR_THRESHOLD, true, WCHG_SERVICE_ALLOW);
  } else {
    allow(c, act);
  }
  return WCHG_OK;
}

wchg_status wchg_credit_media_change(wchg_credit *c, int64_t now_ms, wchg_credit_action *act) {
  if (!c || !act)
    return WCHG_E_ARG;
  act_init(act, WCHG_SERVICE_ALLOW);
  if (c->state != WCHG_CREDIT_OPEN || c->kind == WCHG_CREDIT_EVENT)
    return WCHG_E_STATE;
  update(c, act, now_ms, WCHG_RR_RATING_CONDITION_CHANGE, false, WCHG_SERVICE_ALLOW);
  return WCHG_OK;
}

wchg_status wchg_credit_answered(wchg_credit *c, int64_t now_ms, wchg_credit_action *act) {
  if (!c || !act)
    return WCHG_E_ARG;
  act_init(act, c->state == WCHG_CREDIT_PENDING_I ? WCHG_SERVICE_WAIT : WCHG_SERVICE_ALLOW);
  if (c->kind != WCHG_CREDIT_SESSION || c->state == WCHG_CREDIT_IDLE ||
      c->state == WCHG_CREDIT_PENDING_T || c->state == WCHG_CREDIT_CLOSED || c->end_requested)
    return WCHG_E_STATE;
  if (c->answered) {
    if (c->state == WCHG_CREDIT_OPEN)
      allow(c, act);
    return WCHG_OK;
  }
  c->answered = true;
  c->usage_from_ms = now_ms;
  if (c->state == WCHG_CREDIT_OPEN) { /* the grant's time starts now */
    arm(c, now_ms);
    allow(c, act);
  } /* PENDING_I: the service waits, time counts from the CCA-I;
       PENDING_U: the CCA-U's grant counts from now */
  return WCHG_OK;
}

wchg_status wchg_credit_event_done(wchg_credit *c, int64_t now_ms, bool delivered,
                                   wchg_credit_action *act) {
  if (!c || !act)
    return WCHG_E_ARG;
  act_init(act, WCHG_SERVICE_DONE);
  if (c->kind != WCHG_CREDIT_EVENT || c->state != WCHG_CREDIT_OPEN)
    return WCHG_E_STATE;
  terminate_units(c, act, now_ms, delivered ? WCHG_TC_LOGOUT : WCHG_TC_SERVICE_NOT_PROVIDED,
                  WCHG_SERVICE_DONE, delivered ? c->requested_units : 0);
  return WCHG_OK;
}

wchg_status wchg_credit_end(wchg_credit *c, int64_t now_ms, int32_t termination_cause,
                            wchg_credit_action *act) {
  if (!c || !act)
    return WCHG_E_ARG;
  act_init(act, WCHG_SERVICE_DONE);
  switch (c->state) {
  case WCHG_CREDIT_IDLE:
    c->state = WCHG_CREDIT_CLOSED;
    break;
  case WCHG_CREDIT_PENDING_I:
  case WCHG_CREDIT_PENDING_U: /* the CCR-T waits for the answer */
    if (!c->end_requested) {
      c->end_requested = true;
      c->end_ms = now_ms;
      c->termination_cause = termination_cause;
    }
    act->service = WCHG_SERVICE_WAIT;
    break;
  case WCHG_CREDIT_OPEN:
    terminate(c, act, now_ms, termination_cause, WCHG_SERVICE_DONE);
    break;
  default: /* PENDING_T, CLOSED: the one CCR-T is sent already */
    break;
  }
  return WCHG_OK;
}

void wchg_credit_fill_ccr(const wchg_credit *c, const wchg_credit_action *act, wchg_ccr *ccr,
                          wchg_mscc *mscc, wchg_service_unit *usu) {
  if (!c || !act || !ccr || !mscc || !usu)
    return;
  memset(mscc, 0, sizeof *mscc);
  memset(usu, 0, sizeof *usu);
  ccr->cc_request_type = act->send;
  ccr->cc_request_number = act->cc_request_number;
  ccr->termination_cause = act->send == WCHG_CC_TERMINATION ? WCHG_INT(c->termination_cause)
                                                            : (wchg_opt_int){false, 0};
  mscc->rating_group = c->rating_group;
  mscc->service_identifier = c->service_identifier;
  if ((act->send == WCHG_CC_INITIAL || act->send == WCHG_CC_UPDATE) &&
      c->kind == WCHG_CREDIT_EVENT)
    mscc->requested_service_unit = (wchg_service_unit){
        .present = true, .has_cc_service_specific_units = true,
        .cc_service_specific_units = c->requested_units};
  else if (act->send == WCHG_CC_INITIAL || act->send == WCHG_CC_UPDATE)
    mscc->requested_service_unit = (wchg_service_unit){.present = true,
                                                       .cc_time = WCHG_INT(c->requested_seconds)};
  if (act->used_seconds.present || act->used_units.present) {
    usu->present = true;
    usu->cc_time = act->used_seconds;
    usu->has_cc_service_specific_units = act->used_units.present;
    usu->cc_service_specific_units = (uint64_t)act->used_units.value;
    if (act->reason_in_usu)
      usu->reporting_reason = act->reporting_reason;
    mscc->used_service_units = usu;
    mscc->n_used_service_units = 1;
  }
  if (!act->reason_in_usu)
    mscc->reporting_reason = act->reporting_reason;
  ccr->mscc = mscc;
  ccr->n_mscc = 1;
}
