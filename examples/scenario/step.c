/*
 * step.c: one entry of a scenario's "steps" (internal.h): its one action
 * member, its "expect" member (what the CTF's answer must be) and its
 * "aca" member (what each transmission of its ACR gets back).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* The step's member names that are actions, and what each reads. */
static const struct {
  const char *verb;
  scn_action kind;
  const char *method; /* of SCN_REQUEST and SCN_STANDALONE; NULL: "method"
                         member */
} actions[] = {
    {"register", SCN_REGISTER, NULL},  {"invite", SCN_INVITE, NULL},
    {"reinvite", SCN_REQUEST, "INVITE"}, {"update", SCN_REQUEST, "UPDATE"},
    {"prack", SCN_REQUEST, "PRACK"},   {"ack", SCN_REQUEST, "ACK"},
    {"bye", SCN_REQUEST, "BYE"},       {"cancel", SCN_REQUEST, "CANCEL"},
    {"request", SCN_REQUEST, NULL},    {"response", SCN_RESPONSE, NULL},
    {"tick", SCN_TICK, NULL},          {"message", SCN_STANDALONE, "MESSAGE"},
    {"standalone", SCN_STANDALONE, NULL},
};
#define N_ACTIONS (sizeof actions / sizeof actions[0])

/* ------------------------------------------------------------------ */
/* Expectations                                                        */
/* ------------------------------------------------------------------ */

static bool rd_want(rd *r, const json_t *obj, const char *path, const char *key, scn_want *want,
                    wchg_str *value) {
  const json_t *v = json_object_get(obj, key);
  char p[160];
  if (!v)
    return true;
  if (json_is_null(v)) {
    *want = SCN_NONE;
    return true;
  }
  *want = SCN_VALUE;
  return rd_str_value(r, v, rd_sub(p, sizeof p, path, key), value);
}

/* "error": a wchg_status name. */
static bool rd_expect_error(rd *r, const json_t *o, const char *p, scn_expect *ex) {
  wchg_str s = {0};
  if (!rd_str(r, o, p, "error", false, &s))
    return false;
  if (!s.ptr)
    return true;
  if (!scn_status_code(s.ptr, &ex->error))
    return rd_fail(r, WCHG_E_RANGE, p, "error", "\"%.40s\" is not a wchg_status name "
                                                "(e.g. \"WCHG_E_EMERGENCY\")", s.ptr);
  ex->has_error = true;
  return true;
}

/* "record": NONE, EVENT, START, INTERIM or STOP. */
static bool rd_expect_record(rd *r, const json_t *o, const char *p, scn_expect *ex) {
  wchg_str s = {0};
  int32_t t;
  if (!rd_str(r, o, p, "record", false, &s))
    return false;
  if (!s.ptr)
    return true;
  for (t = WCHG_ACR_NONE; t <= WCHG_ACR_STOP; t++)
    if (strcmp(scn_record_name(t), s.ptr) == 0)
      break;
  if (t > WCHG_ACR_STOP)
    return rd_fail(r, WCHG_E_RANGE, p, "record",
                   "\"%.40s\" is not NONE, EVENT, START, INTERIM or STOP", s.ptr);
  ex->has_record = true;
  ex->record = t;
  return true;
}

/* "cause_code": a Cause-Code, or null (must be absent). */
static bool rd_expect_cause(rd *r, const json_t *o, const char *p, scn_expect *ex) {
  const json_t *cc = json_object_get(o, "cause_code");
  int64_t n = 0;
  bool has = false;
  if (cc && json_is_null(cc)) {
    ex->cause = SCN_NONE;
    return true;
  }
  if (!rd_int(r, o, p, "cause_code", INT32_MIN, INT32_MAX, &has, &n))
    return false;
  if (has) {
    ex->cause = SCN_VALUE;
    ex->cause_code = (int32_t)n;
  }
  return true;
}

static bool rd_expect(rd *r, const json_t *step, const char *path, scn_expect *ex) {
  static const char *const members[] = {"error",    "record",  "number",    "cause_code",
                                        "waf",      "wwsf",    "emergency", "warnings",
                                        "warning",  "sdp_media", "sdp_descriptions", NULL};
  char p[160];
  const json_t *o = json_object_get(step, "expect");
  if (!o)
    return true;
  rd_sub(p, sizeof p, path, "expect");
  if (!rd_object(r, o, p, members, NULL))
    return false;
  ex->present = true;
  if (!rd_expect_error(r, o, p, ex) || !rd_expect_record(r, o, p, ex) ||
      !rd_u32(r, o, p, "number", &ex->has_number, &ex->number) ||
      !rd_expect_cause(r, o, p, ex) || !rd_want(r, o, p, "waf", &ex->waf, &ex->waf_value) ||
      !rd_want(r, o, p, "wwsf", &ex->wwsf, &ex->wwsf_value) ||
      !rd_bool(r, o, p, "emergency", &ex->has_emergency, &ex->emergency) ||
      !rd_u32(r, o, p, "warnings", &ex->has_warnings, &ex->warnings) ||
      !rd_str(r, o, p, "warning", false, &ex->warning) ||
      !rd_u32(r, o, p, "sdp_media", &ex->has_sdp_media, &ex->sdp_media) ||
      !rd_u32(r, o, p, "sdp_descriptions", &ex->has_sdp_descriptions, &ex->sdp_descriptions))
    return false;
  if (ex->has_error && ex->error != WCHG_OK &&
      (ex->has_record || ex->has_number || ex->cause || ex->waf || ex->wwsf ||
       ex->has_emergency || ex->has_warnings || ex->warning.ptr || ex->has_sdp_media ||
       ex->has_sdp_descriptions))
    return rd_fail(r, WCHG_E_RANGE, p, "error",
                   "a step that fails gives no record: \"error\" goes alone");
  return true;
}

/* ------------------------------------------------------------------ */
/* Answers                                                             */
/* ------------------------------------------------------------------ */

/* One "aca" entry's "expect": a verdict name or a wchg_status name. */
static bool rd_aca_expect(rd *r, const json_t *o, const char *path, scn_aca *a) {
  wchg_str s = {0};
  if (!rd_str(r, o, path, "expect", false, &s))
    return false;
  if (!s.ptr)
    return true;
  a->has_expect = true;
  for (int v = WCHG_CTF_DONE; v <= WCHG_CTF_FAILED; v++)
    if (strcmp(s.ptr, wchg_ctf_verdict_name(v)) == 0) {
      a->verdict = (wchg_ctf_verdict)v;
      return true;
    }
  if (scn_status_code(s.ptr, &a->error) && a->error != WCHG_OK) {
    a->expect_error = true;
    return true;
  }
  return rd_fail(r, WCHG_E_RANGE, path, "expect",
                 "\"%.40s\" is not DONE, RESEND, FAILOVER, FAILED or a wchg_status name", s.ptr);
}

/* Entry |q| of "aca" into |a|; *|answered|: an ACA came before it (and
 * after it, unless it is lost). */
static bool rd_aca_entry(rd *r, const json_t *o, const char *q, scn_aca *a, bool *answered) {
  static const char *const members[] = {"result_code", "acct_interim_interval", "origin_host",
                                        "lost", "duplicate", "expect", NULL};
  bool lost = false, dup = false, has_rc = false;
  int64_t rc = 2001;
  if (!rd_object(r, o, q, members, NULL) || !rd_bool(r, o, q, "lost", NULL, &lost) ||
      !rd_bool(r, o, q, "duplicate", NULL, &dup) ||
      !rd_int(r, o, q, "result_code", 0, UINT32_MAX, &has_rc, &rc) ||
      !rd_opt_int(r, o, q, "acct_interim_interval", 0, UINT32_MAX,
                  &a->acct_interim_interval) ||
      !rd_str(r, o, q, "origin_host", false, &a->origin_host) || !rd_aca_expect(r, o, q, a))
    return false;
  if ((lost || dup) && (has_rc || a->acct_interim_interval.present || a->origin_host.ptr))
    return rd_fail(r, WCHG_E_RANGE, q, lost ? "lost" : "duplicate",
                   "a lost or repeated answer has no fields of its own");
  if (lost && dup)
    return rd_fail(r, WCHG_E_RANGE, q, "duplicate", "an answer is lost or repeated, not both");
  if (dup && !*answered)
    return rd_fail(r, WCHG_E_RANGE, q, "duplicate", "no ACA before it to repeat");
  a->kind = lost ? SCN_ACA_LOST : dup ? SCN_ACA_DUPLICATE : SCN_ACA_ANSWER;
  a->result_code = (uint32_t)rc;
  *answered = *answered || !lost;
  return true;
}

/* "aca": what each transmission of the step's ACR gets back. */
static bool rd_aca(rd *r, const json_t *step, const char *path, scn_step *st) {
  char p[64], q[80];
  const json_t *v = json_object_get(step, "aca");
  bool answered = false;
  if (!v)
    return true;
  rd_sub(p, sizeof p, path, "aca");
  if (st->action == SCN_INVITE || (st->expect.has_error && st->expect.error != WCHG_OK))
    return rd_fail(r, WCHG_E_RANGE, p, NULL, "the step gives no record to answer");
  if (!json_is_array(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, p, NULL, "expected an array, not %s", rd_type_name(v));
  size_t n = json_array_size(v);
  if (n == 0 || n > SCN_MAX_ACA)
    return rd_fail(r, WCHG_E_LIMIT, p, NULL, "%zu answers (1 to %d allowed)", n, SCN_MAX_ACA);
  scn_aca *list = rd_alloc(r, n * sizeof *list);
  if (!list)
    return false;
  for (size_t i = 0; i < n; i++) {
    snprintf(q, sizeof q, "%s[%zu]", p, i);
    if (!rd_aca_entry(r, json_array_get(v, i), q, &list[i], &answered))
      return false;
  }
  st->aca = list;
  st->aca_count = n;
  return true;
}

/* ------------------------------------------------------------------ */
/* The step                                                            */
/* ------------------------------------------------------------------ */

/* "<user>-<what>", the label of a register or standalone step without
 * one of its own. */
static bool default_label(rd *r, scn_step *st, const char *user, const char *what) {
  size_t n = strlen(user) + strlen(what) + 2;
  char *label = rd_alloc(r, n);
  if (!label)
    return false;
  snprintf(label, n, "%s-%s", user, what);
  st->label = label;
  return true;
}

/* A step without a label of its own: register "<user>-reg", standalone
 * "<user>-<verb>", or the verb without a user. */
static bool rd_label(rd *r, scn_step *st) {
  if (st->label)
    return true;
  if (st->action == SCN_REGISTER)
    return default_label(r, st, r->s->users[st->user].name, "reg");
  if (st->action == SCN_STANDALONE)
    return st->user >= 0 ? default_label(r, st, r->s->users[st->user].name, st->verb)
                         : (st->label = st->verb) != NULL;
  return true;
}

/* The one action member of step |j| (at |path|): its index in actions[]. */
static bool rd_which(rd *r, const json_t *j, const char *path, size_t *which) {
  const char *key;
  json_t *v;
  *which = N_ACTIONS;
  json_object_foreach((json_t *)j, key, v) {
    if (strcmp(key, "at") == 0 || strcmp(key, "expect") == 0 || strcmp(key, "note") == 0 ||
        strcmp(key, "aca") == 0)
      continue;
    size_t i;
    for (i = 0; i < N_ACTIONS; i++)
      if (strcmp(key, actions[i].verb) == 0)
        break;
    if (i == N_ACTIONS)
      return rd_fail(r, WCHG_E_JSON_KEY, path, key, "unknown member \"%.40s\"", key);
    if (*which != N_ACTIONS)
      return rd_fail(r, WCHG_E_DUPLICATE, path, key, "a second action (after \"%s\")",
                     actions[*which].verb);
    *which = i;
  }
  if (*which == N_ACTIONS)
    return rd_fail(r, WCHG_E_MISSING, path, NULL,
                   "no action (register, invite, reinvite, update, prack, ack, bye, cancel, "
                   "request, response, tick, message or standalone)");
  return true;
}

/* The action member |a| (at |p|) of kind actions[|which|]. */
static bool rd_action(rd *r, const json_t *a, const char *p, size_t which, scn_step *st) {
  const char *method = actions[which].method;
  st->action = actions[which].kind;
  switch (st->action) {
  case SCN_REGISTER: return rd_register(r, a, p, st);
  case SCN_INVITE: return rd_invite(r, a, p, st);
  case SCN_REQUEST: return rd_request(r, a, p, method, st);
  case SCN_RESPONSE: return rd_response(r, a, p, st);
  case SCN_TICK: return rd_tick(r, a, p, st);
  default: return rd_standalone(r, a, p, method, st);
  }
}

bool rd_step(rd *r, const json_t *j, size_t index, scn_step *st) {
  char path[32], p[64];
  size_t which;
  wchg_str note = {0};

  snprintf(path, sizeof path, "steps[%zu]", index);
  if (!json_is_object(j))
    return rd_fail(r, WCHG_E_JSON_TYPE, path, NULL, "expected an object, not %s",
                   rd_type_name(j));
  if (!rd_which(r, j, path, &which) || !rd_time(r, j, path, "at", true, &st->at_ms) ||
      !rd_str(r, j, path, "note", false, &note))
    return false;
  st->verb = actions[which].verb;
  st->session = -1;
  st->user = -1;
  st->ev.time_ms = st->at_ms;
  rd_sub(p, sizeof p, path, st->verb);
  return rd_action(r, json_object_get(j, st->verb), p, which, st) && rd_label(r, st) &&
         rd_expect(r, j, path, &st->expect) && rd_aca(r, j, path, st);
}
