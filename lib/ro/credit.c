/*
 * credit.c: the credit state of an Ro client (RFC 4006 §7 client state
 * machine, TS 32.299 §5.2 / §6.3 for IMS), ro.h: one credit-control
 * session and its rating groups (RFC 4006 §5.1.2). No clock: every event
 * comes with the caller's now_ms.
 *
 * Data flow: an event marks groups (a report due, a request, closed);
 * proceed() then sends what is marked, in one CCR, when no CCR is
 * unanswered, and says what the service does.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/ro.h>

#define NO_REASON (-1)

static void act_init(wchg_credit_action *act, int service) {
  memset(act, 0, sizeof *act);
  act->service = service;
  act->next_tick_ms = -1;
}

static int64_t earliest(int64_t a, int64_t b) { return a < 0 ? b : b < 0 ? a : a < b ? a : b; }

static bool live(const wchg_credit_group *g) { return g->state != WCHG_GROUP_CLOSED; }

static bool any_live(const wchg_credit *c) {
  for (size_t i = 0; i < c->n_groups; i++)
    if (live(&c->groups[i]))
      return true;
  return false;
}

/* A SESSION that is not answered yet uses nothing and runs no quota. */
static bool ringing(const wchg_credit *c) {
  return c->kind == WCHG_CREDIT_SESSION && !c->answered;
}

/* The usage of |g| not reported yet, up to |until_ms|. */
static int64_t unreported_ms(const wchg_credit *c, const wchg_credit_group *g, int64_t until_ms) {
  return until_ms > g->usage_from_ms && !ringing(c) ? until_ms - g->usage_from_ms : 0;
}

/* Report the usage of |g| up to |until_ms| in |r|: whole seconds, the
 * rest carried over; the final report rounds up. */
static void report_time(const wchg_credit *c, wchg_credit_group *g, wchg_credit_report *r,
                        int64_t until_ms, bool final) {
  int64_t used = unreported_ms(c, g, until_ms);
  int64_t s = final ? (used + 999) / 1000 : used / 1000;
  if (s > UINT32_MAX)
    s = UINT32_MAX;
  r->used_seconds = WCHG_INT(s);
  g->usage_from_ms = final ? until_ms : g->usage_from_ms + s * 1000;
}

static wchg_credit_report *add_report(wchg_credit_action *act, size_t group, int32_t reason) {
  wchg_credit_report *r = &act->mscc[act->n_mscc++];
  memset(r, 0, sizeof *r);
  r->group = group;
  if (reason != NO_REASON) {
    r->reporting_reason = WCHG_INT(reason);
    r->reason_in_usu = reason == WCHG_RR_THRESHOLD || reason == WCHG_RR_QUOTA_EXHAUSTED;
  }
  return r;
}

static void send_ccr(wchg_credit *c, wchg_credit_action *act, int32_t type, int state) {
  act->send = type;
  act->cc_request_number = c->next_number++;
  c->pending_type = type;
  c->pending_number = act->cc_request_number;
  c->state = state;
}

/* |g| goes in the next CCR-U: to ask for quota, or with a report. */
static bool marked(const wchg_credit_group *g) {
  return g->state == WCHG_GROUP_REQUEST || g->due_reason != NO_REASON;
}

/* Close every group; those still open get |service|. */
static void close_all(wchg_credit *c, int service) {
  for (size_t i = 0; i < c->n_groups; i++) {
    if (live(&c->groups[i]))
      c->groups[i].service = service;
    c->groups[i].state = WCHG_GROUP_CLOSED;
    c->groups[i].due_reason = NO_REASON;
  }
}

/* A report of |g| with |reason| goes in the next CCR (the first reason
 * stands until it is sent). */
static void due(wchg_credit_group *g, int32_t reason, int64_t at_ms) {
  if (g->due_reason == NO_REASON) {
    g->due_reason = reason;
    g->due_ms = at_ms;
  }
}

/* Close |g| at |at_ms| with |service| for its media. A granted group
 * reports its usage as FINAL in the next CCR: always when |always| (the
 * host ended it, or its final units are used: the server's reservation
 * goes), else only when there is usage to report (a refused group). */
static void close_group(const wchg_credit *c, wchg_credit_group *g, int64_t at_ms, int service,
                        bool always) {
  bool report = g->granted && (always || c->kind == WCHG_CREDIT_EVENT ||
                               unreported_ms(c, g, at_ms) > 0);
  g->state = WCHG_GROUP_CLOSED;
  g->service = service;
  g->due_reason = NO_REASON;
  if (report)
    due(g, WCHG_RR_FINAL, at_ms);
}

/* The CCR-U: a request for each new group, the due reports (with a new
 * request unless FINAL). */
static void send_update(wchg_credit *c, wchg_credit_action *act) {
  for (size_t i = 0; i < c->n_groups; i++) {
    wchg_credit_group *g = &c->groups[i];
    if (!marked(g))
      continue;
    if (g->state == WCHG_GROUP_REQUEST) {
      add_report(act, i, NO_REASON)->request = true;
      g->state = WCHG_GROUP_PENDING;
    } else {
      bool final = g->due_reason == WCHG_RR_FINAL;
      wchg_credit_report *r = add_report(act, i, g->due_reason);
      report_time(c, g, r, g->due_ms, final);
      r->request = !final;
      if (!final)
        g->state = WCHG_GROUP_PENDING;
      g->due_reason = NO_REASON;
    }
  }
  send_ccr(c, act, WCHG_CC_UPDATE, WCHG_CREDIT_PENDING_U);
}

/* The CCR-T: a FINAL report for each granted group not reported to its
 * end (usage up to |until_ms|, or the group's own end); an EVENT reports
 * its units when |delivered|, else 0. */
static void send_termination(wchg_credit *c, wchg_credit_action *act, int64_t until_ms,
                             int32_t cause, int service, bool delivered) {
  for (size_t i = 0; i < c->n_groups; i++) {
    wchg_credit_group *g = &c->groups[i];
    if (!g->granted || (!live(g) && g->due_reason == NO_REASON))
      continue;
    wchg_credit_report *r = add_report(act, i, WCHG_RR_FINAL);
    if (c->kind == WCHG_CREDIT_EVENT) {
      uint64_t u = delivered ? g->requested_units : 0;
      r->used_units = WCHG_INT((int64_t)(u > INT64_MAX ? INT64_MAX : u));
    } else {
      report_time(c, g, r, !live(g) ? g->due_ms : g->end_ms >= 0 ? g->end_ms : until_ms, true);
    }
  }
  close_all(c, service);
  c->termination_cause = cause;
  act->service = service;
  send_ccr(c, act, WCHG_CC_TERMINATION, WCHG_CREDIT_PENDING_T);
}

/* The session goes on while a group does; ALLOW while one is allowed. */
static int session_service(const wchg_credit *c) {
  if (c->state == WCHG_CREDIT_CLOSED)
    return WCHG_SERVICE_DONE;
  if (c->state != WCHG_CREDIT_OPEN && c->state != WCHG_CREDIT_PENDING_U)
    return WCHG_SERVICE_WAIT;
  for (size_t i = 0; i < c->n_groups; i++)
    if (live(&c->groups[i]) && c->groups[i].service == WCHG_SERVICE_ALLOW)
      return WCHG_SERVICE_ALLOW;
  return WCHG_SERVICE_WAIT;
}

/* |service| of start(): the session's own (session_service()). */
#define SESSION_SERVICE (-1)

/* The start of an event of the session |c|: false without |c| or |act|;
 * else |act| is reset to nothing to do, with |service|. */
static bool start(const wchg_credit *c, wchg_credit_action *act, int service) {
  if (!c || !act)
    return false;
  act_init(act, service == SESSION_SERVICE ? session_service(c) : service);
  return true;
}

/* The next time a granted group needs a tick (-1: none). */
static int64_t next_tick(const wchg_credit *c) {
  int64_t t = -1;
  for (size_t i = 0; i < c->n_groups; i++) {
    const wchg_credit_group *g = &c->groups[i];
    if (g->state != WCHG_GROUP_OPEN || g->due_reason != NO_REASON)
      continue;
    t = earliest(t, g->validity_end_ms);
    if (!g->unlimited && g->grant_end_ms >= 0) {
      t = earliest(t, g->grant_end_ms);
      if (!g->final_unit && !g->threshold_reported)
        t = earliest(t, g->threshold_ms);
    }
  }
  return t;
}

/* After an event: with no group left the session ends (|cause|, the
 * service |over|); else, when nothing is pending, the marked groups go in
 * a CCR-U. */
static void proceed(wchg_credit *c, wchg_credit_action *act, int64_t now_ms, int32_t cause,
                    int over) {
  if (c->state == WCHG_CREDIT_OPEN && !any_live(c)) {
    send_termination(c, act, now_ms, cause, over, false);
    return;
  }
  bool any_marked = false;
  for (size_t i = 0; i < c->n_groups; i++)
    any_marked |= marked(&c->groups[i]);
  if (c->state == WCHG_CREDIT_OPEN && any_marked)
    send_update(c, act);
  act->service = session_service(c);
  act->next_tick_ms = c->state == WCHG_CREDIT_PENDING_I ? -1 : next_tick(c);
}

/* The MSCC for |g|: by Rating-Group, else by Service-Identifier (an MSCC
 * without Rating-Group), else the first when there is one group. */
static const wchg_cca_mscc *mscc_for(const wchg_credit *c, const wchg_credit_group *g,
                                     const wchg_cca *cca) {
  for (size_t i = 0; i < cca->n_mscc; i++)
    if (g->rating_group.present && cca->mscc[i].rating_group.present &&
        cca->mscc[i].rating_group.value == g->rating_group.value)
      return &cca->mscc[i];
  for (size_t i = 0; g->service_identifier.present && i < cca->n_mscc; i++)
    for (size_t k = 0; !cca->mscc[i].rating_group.present &&
                       k < cca->mscc[i].n_service_identifiers;
         k++)
      if (cca->mscc[i].service_identifiers[k] == (uint32_t)g->service_identifier.value)
        return &cca->mscc[i];
  return c->n_groups == 1 && cca->n_mscc ? &cca->mscc[0] : NULL;
}

/* Start the granted time of |g| at |from_ms| (nothing when unlimited). */
static void arm(wchg_credit_group *g, int64_t from_ms) {
  g->grant_end_ms = g->unlimited ? -1 : from_ms + g->grant_ms;
  g->threshold_ms =
      g->unlimited || g->threshold_before_ms < 0 ? -1 : g->grant_end_ms - g->threshold_before_ms;
}

/* Take the grant of |m| (NULL: none) for |g|, counted from its usage not
 * yet reported: the time between a report and its answer is used from
 * the new grant (a ringing SESSION: from its answer). */
static void grant(wchg_credit *c, wchg_credit_group *g, const wchg_cca_mscc *m, int64_t now_ms) {
  if (!g->granted && !ringing(c))
    g->usage_from_ms = now_ms; /* the service starts with the grant */
  g->granted = true;
  g->state = WCHG_GROUP_OPEN;
  g->service = WCHG_SERVICE_ALLOW;
  g->unlimited = !m || !m->granted_service_unit.cc_time.present;
  g->grant_ms = g->unlimited ? -1 : m->granted_service_unit.cc_time.value * 1000;
  g->threshold_before_ms = !g->unlimited && m->time_quota_threshold.present
                               ? m->time_quota_threshold.value * 1000
                               : -1;
  g->grant_end_ms = g->threshold_ms = -1;
  if (!ringing(c))
    arm(g, g->usage_from_ms);
  g->validity_end_ms = m && m->validity_time.present ? now_ms + m->validity_time.value * 1000 : -1;
  g->final_unit = m && m->final_unit_indication.present;
  g->final_unit_action = g->final_unit ? m->final_unit_indication.final_unit_action : 0;
  g->redirect_address = g->final_unit ? m->final_unit_indication.redirect_server_address
                                      : (wchg_str){NULL, 0};
  g->threshold_reported = false;
}

static void group_init(wchg_credit_group *g, wchg_opt_int rating_group,
                       wchg_opt_int service_identifier, uint32_t requested_seconds) {
  memset(g, 0, sizeof *g);
  g->state = WCHG_GROUP_REQUEST;
  g->service = WCHG_SERVICE_WAIT;
  g->rating_group = rating_group;
  g->service_identifier = service_identifier;
  g->requested_seconds = requested_seconds;
  g->due_reason = NO_REASON;
  g->end_ms = -1;
  g->grant_ms = g->threshold_before_ms = -1;
  g->grant_end_ms = g->threshold_ms = g->validity_end_ms = -1;
}

void wchg_credit_init(wchg_credit *c, wchg_opt_int rating_group,
                      wchg_opt_int service_identifier, uint32_t requested_seconds) {
  if (!c)
    return;
  memset(c, 0, sizeof *c);
  c->n_groups = 1;
  group_init(&c->groups[0], rating_group, service_identifier, requested_seconds);
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
    c->groups[0].requested_units = units;
  }
}

static bool same_opt(wchg_opt_int a, wchg_opt_int b) {
  return a.present == b.present && (!a.present || a.value == b.value);
}

wchg_status wchg_credit_add_group(wchg_credit *c, wchg_opt_int rating_group,
                                  wchg_opt_int service_identifier, uint32_t requested_seconds,
                                  int64_t now_ms, size_t *index, wchg_credit_action *act) {
  if (!start(c, act, SESSION_SERVICE))
    return WCHG_E_ARG;
  act->next_tick_ms = next_tick(c);
  if (c->kind == WCHG_CREDIT_EVENT || c->end_requested || c->state == WCHG_CREDIT_PENDING_T ||
      c->state == WCHG_CREDIT_CLOSED)
    return WCHG_E_STATE;
  for (size_t i = 0; i < c->n_groups; i++)
    if (live(&c->groups[i]) && same_opt(c->groups[i].rating_group, rating_group) &&
        same_opt(c->groups[i].service_identifier, service_identifier))
      return WCHG_E_ARG;
  /* a slot of its own, or of a group closed and fully reported (video
   * turned off and on again many times in a long call) */
  size_t k = 0;
  while (k < c->n_groups && (live(&c->groups[k]) || c->groups[k].due_reason != NO_REASON))
    k++;
  if (k == WCHG_CREDIT_MAX_GROUPS)
    return WCHG_E_LIMIT;
  group_init(&c->groups[k], rating_group, service_identifier, requested_seconds);
  if (index)
    *index = k;
  if (k == c->n_groups)
    c->n_groups++;
  if (c->state != WCHG_CREDIT_IDLE)
    proceed(c, act, now_ms, WCHG_TC_LOGOUT, WCHG_SERVICE_DONE);
  return WCHG_OK;
}

wchg_status wchg_credit_begin(wchg_credit *c, int64_t now_ms, wchg_credit_action *act) {
  if (!start(c, act, WCHG_SERVICE_WAIT))
    return WCHG_E_ARG;
  if (c->state != WCHG_CREDIT_IDLE)
    return WCHG_E_STATE;
  for (size_t i = 0; i < c->n_groups; i++) {
    wchg_credit_group *g = &c->groups[i];
    /* while IDLE every group is REQUEST (added ones too; none can end) */
    if (g->state != WCHG_GROUP_REQUEST) /* LCOV_EXCL_START: see above */
      continue;
    /* LCOV_EXCL_STOP */
    add_report(act, i, NO_REASON)->request = true;
    g->state = WCHG_GROUP_PENDING;
    g->usage_from_ms = now_ms;
  }
  send_ccr(c, act, WCHG_CC_INITIAL, WCHG_CREDIT_PENDING_I);
  return WCHG_OK;
}

/* The CCA of |g|'s request: refused, or granted (and closed after if the
 * host ended it meanwhile). Returns whether the server refused it. */
static bool take_answer(wchg_credit *c, wchg_credit_group *g, const wchg_cca *cca,
                        int64_t now_ms) {
  const wchg_cca_mscc *m = mscc_for(c, g, cca);
  if (m && m->result_code.present && !wchg_result_code_success((uint32_t)m->result_code.value)) {
    /* this service is refused, the session is not (RFC 4006 §5.1.2) */
    close_group(c, g, now_ms, WCHG_SERVICE_TERMINATE, false);
    return true;
  }
  if (c->kind == WCHG_CREDIT_EVENT && m && m->granted_service_unit.has_cc_service_specific_units &&
      m->granted_service_unit.cc_service_specific_units < g->requested_units) {
    /* fewer units than the request needs: refused, reservation released */
    g->granted = true;
    close_group(c, g, now_ms, WCHG_SERVICE_TERMINATE, true);
    return true;
  }
  grant(c, g, m, now_ms);
  if (g->end_ms >= 0) /* wchg_credit_group_end() while it was pending */
    close_group(c, g, g->end_ms, WCHG_SERVICE_DONE, true);
  return false;
}

wchg_status wchg_credit_on_cca(wchg_credit *c, const wchg_cca *cca, int64_t now_ms,
                               wchg_credit_action *act) {
  if (!cca || !start(c, act, WCHG_SERVICE_WAIT))
    return WCHG_E_ARG;
  if (c->state != WCHG_CREDIT_PENDING_I && c->state != WCHG_CREDIT_PENDING_U &&
      c->state != WCHG_CREDIT_PENDING_T)
    return WCHG_E_STATE;
  if (cca->cc_request_type != c->pending_type || cca->cc_request_number != c->pending_number)
    return WCHG_E_STATE;
  int was = c->state;
  if (was == WCHG_CREDIT_PENDING_T || !wchg_result_code_success(cca->result_code)) {
    /* the answer to the CCR-T, or a failed CCA: the server's session is
     * over (RFC 4006 §7); 4011 lets the service go on uncharged */
    act->service = was == WCHG_CREDIT_PENDING_T || c->end_requested ? WCHG_SERVICE_DONE
                   : cca->result_code == WCHG_RC_CREDIT_CONTROL_NOT_APPLICABLE ? WCHG_SERVICE_ALLOW
                                                                           : WCHG_SERVICE_TERMINATE;
    close_all(c, act->service);
    c->state = WCHG_CREDIT_CLOSED;
    return WCHG_OK;
  }
  bool refused = false;
  for (size_t i = 0; i < c->n_groups; i++)
    if (c->groups[i].state == WCHG_GROUP_PENDING)
      refused |= take_answer(c, &c->groups[i], cca, now_ms);
  if (c->end_requested) { /* CANCEL before the CCA-I, BYE during a CCR-U */
    send_termination(c, act, c->end_ms, c->termination_cause, WCHG_SERVICE_DONE, false);
    return WCHG_OK;
  }
  c->state = WCHG_CREDIT_OPEN;
  proceed(c, act, now_ms, refused ? WCHG_TC_SERVICE_NOT_PROVIDED : WCHG_TC_LOGOUT,
          refused ? WCHG_SERVICE_TERMINATE : WCHG_SERVICE_DONE);
  return WCHG_OK;
}

static int fua_service(int32_t fua) {
  return fua == WCHG_FUA_REDIRECT          ? WCHG_SERVICE_REDIRECT
         : fua == WCHG_FUA_RESTRICT_ACCESS ? WCHG_SERVICE_RESTRICT
                                           : WCHG_SERVICE_TERMINATE;
}

wchg_status wchg_credit_tick(wchg_credit *c, int64_t now_ms, wchg_credit_action *act) {
  if (!start(c, act, SESSION_SERVICE))
    return WCHG_E_ARG;
  if (c->state != WCHG_CREDIT_OPEN && c->state != WCHG_CREDIT_PENDING_U)
    return WCHG_OK;
  int32_t cause = WCHG_TC_SERVICE_NOT_PROVIDED;
  int over = WCHG_SERVICE_TERMINATE;
  for (size_t i = 0; i < c->n_groups; i++) {
    wchg_credit_group *g = &c->groups[i];
    if (g->state != WCHG_GROUP_OPEN || g->due_reason != NO_REASON)
      continue;
    if (c->kind == WCHG_CREDIT_EVENT) { /* a reservation only lapses */
      if (g->validity_end_ms >= 0 && now_ms >= g->validity_end_ms)
        close_group(c, g, now_ms, WCHG_SERVICE_TERMINATE, true);
    } else if (!g->unlimited && g->grant_end_ms >= 0 && now_ms >= g->grant_end_ms) {
      if (g->final_unit) { /* RFC 4006 §5.6: apply the Final-Unit-Action */
        int s = fua_service(g->final_unit_action);
        close_group(c, g, now_ms, s, true);
        cause = WCHG_TC_ADMINISTRATIVE;
        over = s;
        if (s == WCHG_SERVICE_REDIRECT)
          act->redirect_address = g->redirect_address;
      } else { /* hold the group until new quota comes */
        due(g, WCHG_RR_QUOTA_EXHAUSTED, now_ms);
        g->service = WCHG_SERVICE_WAIT;
      }
    } else if (g->validity_end_ms >= 0 && now_ms >= g->validity_end_ms) {
      due(g, WCHG_RR_VALIDITY_TIME, now_ms);
    } else if (!g->final_unit && !g->threshold_reported && g->threshold_ms >= 0 &&
               now_ms >= g->threshold_ms) {
      g->threshold_reported = true;
      due(g, WCHG_RR_THRESHOLD, now_ms);
    }
  }
  proceed(c, act, now_ms, cause, over);
  return WCHG_OK;
}

wchg_status wchg_credit_media_change(wchg_credit *c, int64_t now_ms, wchg_credit_action *act) {
  if (!start(c, act, SESSION_SERVICE))
    return WCHG_E_ARG;
  if ((c->state != WCHG_CREDIT_OPEN && c->state != WCHG_CREDIT_PENDING_U) ||
      c->kind == WCHG_CREDIT_EVENT || c->end_requested)
    return WCHG_E_STATE;
  for (size_t i = 0; i < c->n_groups; i++)
    if (live(&c->groups[i]) && c->groups[i].granted)
      due(&c->groups[i], WCHG_RR_RATING_CONDITION_CHANGE, now_ms);
  proceed(c, act, now_ms, WCHG_TC_LOGOUT, WCHG_SERVICE_DONE);
  return WCHG_OK;
}

wchg_status wchg_credit_answered(wchg_credit *c, int64_t now_ms, wchg_credit_action *act) {
  if (!start(c, act, SESSION_SERVICE))
    return WCHG_E_ARG;
  if (c->kind != WCHG_CREDIT_SESSION || c->state == WCHG_CREDIT_IDLE ||
      c->state == WCHG_CREDIT_PENDING_T || c->state == WCHG_CREDIT_CLOSED || c->end_requested)
    return WCHG_E_STATE;
  if (!c->answered) {
    c->answered = true;
    for (size_t i = 0; i < c->n_groups; i++) {
      wchg_credit_group *g = &c->groups[i];
      g->usage_from_ms = now_ms; /* PENDING: the answer's grant counts from here */
      if (g->state == WCHG_GROUP_OPEN)
        arm(g, now_ms); /* the grant's time starts now */
    }
  }
  act->next_tick_ms = c->state == WCHG_CREDIT_PENDING_I ? -1 : next_tick(c);
  return WCHG_OK;
}

wchg_status wchg_credit_event_done(wchg_credit *c, int64_t now_ms, bool delivered,
                                   wchg_credit_action *act) {
  if (!start(c, act, WCHG_SERVICE_DONE))
    return WCHG_E_ARG;
  if (c->kind != WCHG_CREDIT_EVENT || c->state != WCHG_CREDIT_OPEN)
    return WCHG_E_STATE;
  send_termination(c, act, now_ms, delivered ? WCHG_TC_LOGOUT : WCHG_TC_SERVICE_NOT_PROVIDED,
                   WCHG_SERVICE_DONE, delivered);
  return WCHG_OK;
}

wchg_status wchg_credit_group_end(wchg_credit *c, size_t index, int64_t now_ms,
                                  wchg_credit_action *act) {
  if ((c && index >= c->n_groups) || !start(c, act, SESSION_SERVICE))
    return WCHG_E_ARG;
  act->next_tick_ms = next_tick(c);
  if (c->kind == WCHG_CREDIT_EVENT || c->state == WCHG_CREDIT_IDLE)
    return WCHG_E_STATE;
  wchg_credit_group *g = &c->groups[index];
  if (!live(g) || c->end_requested || c->state == WCHG_CREDIT_PENDING_T)
    return WCHG_OK; /* over already, or ending with the session */
  if (g->state == WCHG_GROUP_PENDING) { /* closed when its answer comes */
    if (g->end_ms < 0)
      g->end_ms = now_ms;
    return WCHG_OK;
  }
  close_group(c, g, now_ms, WCHG_SERVICE_DONE, true); /* REQUEST: never asked, no report */
  proceed(c, act, now_ms, WCHG_TC_LOGOUT, WCHG_SERVICE_DONE);
  return WCHG_OK;
}

wchg_status wchg_credit_end(wchg_credit *c, int64_t now_ms, int32_t termination_cause,
                            wchg_credit_action *act) {
  if (!start(c, act, WCHG_SERVICE_DONE))
    return WCHG_E_ARG;
  switch (c->state) {
  case WCHG_CREDIT_IDLE:
    close_all(c, WCHG_SERVICE_DONE);
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
    send_termination(c, act, now_ms, termination_cause, WCHG_SERVICE_DONE, false);
    break;
  default: /* PENDING_T, CLOSED: the one CCR-T is sent already */
    break;
  }
  return WCHG_OK;
}

wchg_status wchg_credit_fill_ccr(const wchg_credit *c, const wchg_credit_action *act,
                                 wchg_ccr *ccr, wchg_mscc *mscc, wchg_service_unit *usu,
                                 size_t cap) {
  if (!c || !act || !ccr || !mscc || !usu)
    return WCHG_E_ARG;
  if (cap < act->n_mscc)
    return WCHG_E_BUFFER;
  for (size_t i = 0; i < act->n_mscc; i++) {
    const wchg_credit_report *r = &act->mscc[i];
    const wchg_credit_group *g = &c->groups[r->group < c->n_groups ? r->group : 0];
    wchg_mscc *m = &mscc[i];
    wchg_service_unit *u = &usu[i];
    memset(m, 0, sizeof *m);
    memset(u, 0, sizeof *u);
    m->rating_group = g->rating_group;
    m->service_identifier = g->service_identifier;
    if (r->request && c->kind == WCHG_CREDIT_EVENT)
      m->requested_service_unit = (wchg_service_unit){
          .present = true, .has_cc_service_specific_units = true,
          .cc_service_specific_units = g->requested_units};
    else if (r->request)
      m->requested_service_unit =
          (wchg_service_unit){.present = true, .cc_time = WCHG_INT(g->requested_seconds)};
    if (r->used_seconds.present || r->used_units.present) {
      u->present = true;
      u->cc_time = r->used_seconds;
      u->has_cc_service_specific_units = r->used_units.present;
      u->cc_service_specific_units = (uint64_t)r->used_units.value;
      if (r->reason_in_usu)
        u->reporting_reason = r->reporting_reason;
      m->used_service_units = u;
      m->n_used_service_units = 1;
    }
    if (!r->reason_in_usu)
      m->reporting_reason = r->reporting_reason;
  }
  ccr->cc_request_type = act->send;
  ccr->cc_request_number = act->cc_request_number;
  ccr->termination_cause = act->send == WCHG_CC_TERMINATION ? WCHG_INT(c->termination_cause)
                                                            : (wchg_opt_int){false, 0};
  ccr->mscc = act->n_mscc ? mscc : NULL;
  ccr->n_mscc = act->n_mscc;
  return WCHG_OK;
}
