/*
 * event.c: the scenario reader's SIP events (the members of a
 * wchg_sip_event, named as its C fields) and the actions of a step that
 * carry them: register, invite, in-dialog requests, responses, ticks,
 * message and standalone (internal.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* Users, sessions, roles                                              */
/* ------------------------------------------------------------------ */

/* "user": the index of a user of "users"; absent: -1. */
static bool rd_user(rd *r, const json_t *obj, const char *path, bool required, int *out) {
  const char *name = NULL;
  *out = -1;
  if (!rd_name(r, obj, path, "user", required, &name))
    return false;
  if (!name)
    return true;
  for (size_t i = 0; i < r->s->user_count; i++)
    if (strcmp(r->s->users[i].name, name) == 0) {
      *out = (int)i;
      return true;
    }
  return rd_fail(r, WCHG_E_MISSING, path, "user", "no user \"%s\" in \"users\"", name);
}

/* "session": an existing session, or (|open|) a new one. */
static bool rd_session(rd *r, const json_t *obj, const char *path, bool open, int *out,
                       const char **label) {
  const char *name = NULL;
  scenario *s = r->s;
  if (!rd_name(r, obj, path, "session", true, &name))
    return false;
  *label = name;
  for (size_t i = 0; i < s->session_count; i++)
    if (strcmp(s->sessions[i], name) == 0) {
      *out = (int)i;
      return true;
    }
  if (!open)
    return rd_fail(r, WCHG_E_MISSING, path, "session",
                   "session \"%s\" is not opened by an earlier \"invite\"", name);
  if (s->session_count == SCN_MAX_SESSIONS)
    return rd_fail(r, WCHG_E_LIMIT, path, "session", "more than %d sessions", SCN_MAX_SESSIONS);
  *out = (int)s->session_count;
  s->sessions[s->session_count++] = name;
  return true;
}

static bool rd_role(rd *r, const json_t *obj, const char *path, int *out) {
  wchg_str s = {0};
  *out = WCHG_ROLE_ORIGINATING;
  if (!rd_str(r, obj, path, "role", false, &s))
    return false;
  if (!s.ptr || strcmp(s.ptr, "originating") == 0)
    return true;
  if (strcmp(s.ptr, "terminating") == 0) {
    *out = WCHG_ROLE_TERMINATING;
    return true;
  }
  return rd_fail(r, WCHG_E_RANGE, path, "role",
                 "\"%.40s\" is not \"originating\" or \"terminating\"", s.ptr);
}

static bool rd_unique(rd *r, const json_t *obj, const char *path, scn_step *st) {
  const json_t *v = json_object_get(obj, "unique");
  if (!v)
    return true;
  if (!json_is_integer(v) || json_integer_value(v) < 0)
    return rd_fail(r, json_is_integer(v) ? WCHG_E_RANGE : WCHG_E_JSON_TYPE, path, "unique",
                   "expected a non-negative integer");
  st->has_unique = true;
  st->unique = (uint64_t)json_integer_value(v);
  return true;
}

/* ------------------------------------------------------------------ */
/* SIP events                                                          */
/* ------------------------------------------------------------------ */

/* The members of a wchg_sip_event, named as its C fields. */
static const char *const ev_members[] = {
    "method", "status_code", "call_id", "request_uri", "called_party_id", "from",
    "asserted_identity", "charging_vector", "access_network_info", "served_party_ip",
    "route_received", "route_transmitted", "sdp", "content_type", "content_length", "event",
    "expires", "reason", "icsi", "emergency", NULL};

#define STATUS_ANY 0      /* status_code optional */
#define STATUS_NONE 1     /* a request: no status_code */
#define STATUS_FINAL 2    /* a final response: 200..699, required */
#define STATUS_RESPONSE 3 /* any response: 100..699, required */

/* The lines of an "sdp" array |v| at |p|: each a string without CR or
 * LF; their length when joined with CRLF into *|total|. */
static bool sdp_lines(rd *r, const json_t *v, const char *p, size_t *total) {
  char q[184];
  size_t n = json_array_size(v);
  if (n == 0)
    return rd_fail(r, WCHG_E_LIMIT, p, NULL, "no lines (1 or more allowed)");
  *total = 0;
  for (size_t i = 0; i < n; i++) {
    const json_t *item = json_array_get(v, i);
    wchg_str line;
    snprintf(q, sizeof q, "%s[%zu]", p, i);
    if (!json_is_string(item))
      return rd_fail(r, WCHG_E_JSON_TYPE, q, NULL, "expected a string, not %s",
                     rd_type_name(item));
    line = (wchg_str){json_string_value(item), json_string_length(item)};
    if (memchr(line.ptr, '\r', line.len) || memchr(line.ptr, '\n', line.len))
      return rd_fail(r, WCHG_E_RANGE, q, NULL, "a line holds CR or LF (the lines are joined "
                                               "with CRLF)");
    *total += line.len + 2;
  }
  return true;
}

/* "sdp": a string as it is, or an array of lines joined with CRLF (each
 * line followed by one, so never longer than its JSON text): bounded by
 * the input alone. */
static bool rd_sdp(rd *r, const json_t *obj, const char *path, wchg_str *out) {
  char p[160];
  size_t total = 0;
  const json_t *v = json_object_get(obj, "sdp");
  if (!v)
    return true;
  rd_sub(p, sizeof p, path, "sdp");
  if (json_is_string(v)) {
    *out = (wchg_str){json_string_value(v), json_string_length(v)};
    return true;
  }
  if (!json_is_array(v))
    return rd_fail(r, WCHG_E_JSON_TYPE, p, NULL,
                   "expected a string or an array of lines, not %s", rd_type_name(v));
  if (!sdp_lines(r, v, p, &total))
    return false;
  char *buf = rd_alloc(r, total + 1), *w = buf;
  if (!buf)
    return false;
  for (size_t i = 0; i < json_array_size(v); i++) {
    const json_t *line = json_array_get(v, i);
    size_t len = json_string_length(line);
    memcpy(w, json_string_value(line), len);
    memcpy(w + len, "\r\n", 2);
    w += len + 2;
  }
  *out = (wchg_str){buf, total};
  return true;
}

/* "method" (|method| unless the member is given; |method| NULL makes the
 * member required) and "status_code" (|status|: STATUS_*). */
static bool rd_method_status(rd *r, const json_t *obj, const char *path, const char *method,
                             int status, wchg_sip_event *ev) {
  int64_t n = 0;
  bool has = false;
  if (!rd_str(r, obj, path, "method", method == NULL, &ev->method))
    return false;
  if (!ev->method.ptr)
    ev->method = (wchg_str){method, strlen(method)};
  else if (ev->method.len == 0)
    return rd_fail(r, WCHG_E_RANGE, path, "method", "empty method");
  if (!rd_int(r, obj, path, "status_code", status == STATUS_FINAL ? 200 : 100, 699, &has, &n))
    return false;
  if (has && status == STATUS_NONE)
    return rd_fail(r, WCHG_E_RANGE, path, "status_code", "a request has no status_code");
  if (!has && status >= STATUS_FINAL)
    return rd_fail(r, WCHG_E_MISSING, path, "status_code", "member \"status_code\" is required");
  ev->status_code = (int)n;
  return true;
}

/* The event members of |obj| into |ev| (method: |method| unless the
 * member is given; |method| NULL makes the member required). */
static bool rd_event(rd *r, const json_t *obj, const char *path, const char *method,
                     int status, wchg_sip_event *ev) {
  return rd_method_status(r, obj, path, method, status, ev) &&
         rd_str(r, obj, path, "call_id", false, &ev->call_id) &&
         rd_str(r, obj, path, "request_uri", false, &ev->request_uri) &&
         rd_str(r, obj, path, "called_party_id", false, &ev->called_party_id) &&
         rd_str(r, obj, path, "from", false, &ev->from) &&
         rd_str_list(r, obj, path, "asserted_identity", &ev->asserted_identity,
                     &ev->asserted_identity_count) &&
         rd_str(r, obj, path, "charging_vector", false, &ev->charging_vector) &&
         rd_str(r, obj, path, "access_network_info", false, &ev->access_network_info) &&
         rd_str(r, obj, path, "served_party_ip", false, &ev->served_party_ip) &&
         rd_str(r, obj, path, "route_received", false, &ev->route_received) &&
         rd_str(r, obj, path, "route_transmitted", false, &ev->route_transmitted) &&
         rd_sdp(r, obj, path, &ev->sdp) &&
         rd_str(r, obj, path, "content_type", false, &ev->content_type) &&
         rd_opt_int(r, obj, path, "content_length", 0, INT32_MAX, &ev->content_length) &&
         rd_str(r, obj, path, "event", false, &ev->event) &&
         rd_opt_int(r, obj, path, "expires", 0, UINT32_MAX, &ev->expires) &&
         rd_str_list(r, obj, path, "reason", &ev->reason, &ev->reason_count) &&
         rd_str(r, obj, path, "icsi", false, &ev->icsi) &&
         rd_bool(r, obj, path, "emergency", NULL, &ev->emergency);
}

/* A nested request or response object (register, message, standalone):
 * the event members and its own optional "at" (default |at|). */
static bool rd_nested_event(rd *r, const json_t *obj, const char *path, const char *key,
                            const char *method, int status, int64_t at, wchg_sip_event *ev) {
  static const char *const also[] = {"at", NULL};
  char p[160];
  const json_t *v = json_object_get(obj, key);
  if (!v)
    return rd_fail(r, WCHG_E_MISSING, path, key, "member \"%s\" is required", key);
  rd_sub(p, sizeof p, path, key);
  ev->time_ms = at;
  return rd_object(r, v, p, ev_members, also) && rd_time(r, v, p, "at", false, &ev->time_ms) &&
         rd_event(r, v, p, method, status, ev);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */
/* ------------------------------------------------------------------ */

/* "flavour": "h3", "h4" or "ims". */
static bool rd_flavour(rd *r, const json_t *a, const char *p, wchg_reg_flavour *out) {
  wchg_str flavour = {0};
  if (!rd_str(r, a, p, "flavour", true, &flavour))
    return false;
  if (strcmp(flavour.ptr, "h3") == 0)
    *out = WCHG_REG_WEBRTC_H3;
  else if (strcmp(flavour.ptr, "h4") == 0)
    *out = WCHG_REG_WEBRTC_H4;
  else if (strcmp(flavour.ptr, "ims") == 0)
    *out = WCHG_REG_IMS;
  else
    return rd_fail(r, WCHG_E_RANGE, p, "flavour", "\"%.40s\" is not \"h3\", \"h4\" or \"ims\"",
                   flavour.ptr);
  return true;
}

bool rd_register(rd *r, const json_t *a, const char *p, scn_step *st) {
  static const char *const members[] = {
      "user", "label", "flavour", "impu", "authorization", "waf", "wwsf", "instance_id",
      "associated_uri", "unique", "request", "response", NULL};
  wchg_register_event *reg = &st->reg;
  return rd_object(r, a, p, members, NULL) && rd_user(r, a, p, true, &st->user) &&
         rd_name(r, a, p, "label", false, &st->label) && rd_flavour(r, a, p, &reg->flavour) &&
         rd_str(r, a, p, "impu", false, &reg->impu) &&
         rd_str(r, a, p, "authorization", false, &reg->authorization) &&
         rd_str(r, a, p, "waf", false, &reg->waf) && rd_str(r, a, p, "wwsf", false, &reg->wwsf) &&
         rd_str(r, a, p, "instance_id", false, &reg->instance_id) &&
         rd_str_list(r, a, p, "associated_uri", &reg->associated_uri,
                     &reg->associated_uri_count) &&
         rd_unique(r, a, p, st) &&
         rd_nested_event(r, a, p, "request", "REGISTER", STATUS_NONE, st->at_ms,
                         &reg->request) &&
         rd_nested_event(r, a, p, "response", "REGISTER", STATUS_FINAL, st->at_ms,
                         &reg->response);
}

/* message / standalone: a request and its final response. */
bool rd_standalone(rd *r, const json_t *a, const char *p, const char *method,
                   scn_step *st) {
  static const char *const members[] = {"user", "label", "role", "unique", "request",
                                        "response", NULL};
  if (!rd_object(r, a, p, members, NULL) || !rd_user(r, a, p, false, &st->user) ||
      !rd_name(r, a, p, "label", false, &st->label) || !rd_role(r, a, p, &st->role_of_node) ||
      !rd_unique(r, a, p, st) ||
      !rd_nested_event(r, a, p, "request", method, STATUS_NONE, st->at_ms, &st->ev))
    return false;
  return rd_nested_event(r, a, p, "response", st->ev.method.ptr, STATUS_FINAL, st->at_ms,
                         &st->response);
}

bool rd_invite(rd *r, const json_t *a, const char *p, scn_step *st) {
  static const char *const also[] = {"session", "user", "role", "unique", NULL};
  return rd_object(r, a, p, ev_members, also) &&
         rd_session(r, a, p, true, &st->session, &st->label) &&
         rd_user(r, a, p, false, &st->user) && rd_role(r, a, p, &st->role_of_node) &&
         rd_unique(r, a, p, st) && rd_event(r, a, p, "INVITE", STATUS_NONE, &st->ev);
}

/* In-dialog requests: the verb sets the method, except "request". */
bool rd_request(rd *r, const json_t *a, const char *p, const char *method,
                scn_step *st) {
  static const char *const also[] = {"session", NULL};
  if (!rd_object(r, a, p, ev_members, also))
    return false;
  if (method && json_object_get(a, "method"))
    return rd_fail(r, WCHG_E_JSON_KEY, p, "method", "the step's name gives the method (%s)",
                   method);
  return rd_session(r, a, p, false, &st->session, &st->label) &&
         rd_event(r, a, p, method, STATUS_NONE, &st->ev);
}

bool rd_response(rd *r, const json_t *a, const char *p, scn_step *st) {
  static const char *const also[] = {"session", NULL};
  return rd_object(r, a, p, ev_members, also) &&
         rd_session(r, a, p, false, &st->session, &st->label) &&
         rd_event(r, a, p, "INVITE", STATUS_RESPONSE, &st->ev);
}

bool rd_tick(rd *r, const json_t *a, const char *p, scn_step *st) {
  static const char *const members[] = {"session", NULL};
  return rd_object(r, a, p, members, NULL) &&
         rd_session(r, a, p, false, &st->session, &st->label);
}
