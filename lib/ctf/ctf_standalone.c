/*
 * ctf_standalone.c: the standalone requests of the charging trigger
 * function (ctf.h; TS 32.260 §5.2.1): one EVENT per MESSAGE, SUBSCRIBE,
 * NOTIFY, PUBLISH, REFER, ... and its final response.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "ctf/ctf_internal.h"

/* wchg_cause_code() of a method given as a view. */
static int32_t cause(wchg_str method, int status, bool expires_zero) {
  char m[24] = "";
  if (method.len < sizeof m)
    memcpy(m, method.ptr, method.len);
  return wchg_cause_code(m, status, expires_zero);
}

/* ---- standalone requests ----------------------------------------------- */

/* Requests that belong to a dialog charging tracks, or to registration. */
static bool not_standalone(wchg_str m) {
  return ctf_is(m, "INVITE") || ctf_is(m, "ACK") || ctf_is(m, "BYE") || ctf_is(m, "CANCEL") ||
         ctf_is(m, "UPDATE") || ctf_is(m, "PRACK") || ctf_is(m, "REGISTER");
}

static wchg_status standalone_check(const wchg_ctf_config *cfg, int role,
                                    const wchg_sip_event *req, const wchg_sip_event *resp) {
  if (!req->method.ptr || !req->method.len || req->status_code != 0 ||
      not_standalone(req->method))
    return WCHG_E_ARG;
  if (resp->method.ptr && !ctf_str_eq(resp->method, req->method))
    return WCHG_E_ARG;
  if (resp->status_code >= 100 && resp->status_code < 200)
    return WCHG_E_ARG; /* not final */
  if (resp->status_code < 100 || resp->status_code > 699 || (role != 0 && role != 1))
    return WCHG_E_RANGE;
  if (!cfg->origin_host.len)
    return WCHG_E_ARG;
  return WCHG_OK;
}

/* The P-Access-Network-Info of the message from the UE: the request of an
 * originating user, the response of a terminating one; else the other. */
static wchg_str ue_ani(int role, const wchg_sip_event *req, const wchg_sip_event *resp) {
  const wchg_sip_event *first = role == WCHG_ROLE_ORIGINATING ? req : resp;
  const wchg_sip_event *second = first == req ? resp : req;
  return first->access_network_info.ptr ? first->access_network_info
                                        : second->access_network_info;
}

wchg_status wchg_ctf_standalone(const wchg_ctf_config *cfg, const wchg_ctf_reg *reg,
                                int role_of_node, uint64_t unique,
                                const wchg_sip_event *request, const wchg_sip_event *response,
                                wchg_ctf_record *out, wchg_diag *diag) {
  struct ctf_facts f;
  struct ctf_user user;
  struct ctf_pcv pcv[2];
  wchg_ip_address ip;
  wchg_str ani;
  char name[24];
  bool emergency = false, expires_zero;
  wchg_status rc;

  wchgi_diag_clear(diag);
  if (!out)
    return WCHG_E_ARG;
  ctf_record_none(out);
  if (!cfg || !request || !response)
    return WCHG_E_ARG;
  rc = standalone_check(cfg, role_of_node, request, response);
  if (rc == WCHG_OK)
    rc = ctf_record_begin(out, ctf_session_id_bound(cfg) + request->charging_vector.len +
                                   response->charging_vector.len);
  if (rc != WCHG_OK)
    return rc;
  rc = ctf_check_user(reg, request, &emergency, diag);
  if (rc == WCHG_OK)
    rc = ctf_check_list(request->asserted_identity_count, ctf_root(request->method, name),
                        "asserted_identity", diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_pcv(out, 0, request->charging_vector, &pcv[0], diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_pcv(out, 1, response->charging_vector, &pcv[1], diag);
  ani = ue_ani(role_of_node, request, response);
  if (!ani.ptr)
    ani = ctf_reg_ani(reg);
  memset(&f, 0, sizeof f);
  if (rc == WCHG_OK)
    rc = ctf_parse_ani(out, ani, f.ani, diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_ip(request->served_party_ip.ptr ? request->served_party_ip
                                                    : ctf_reg_served_ip(reg),
                      &ip, ctf_root(request->method, name), diag);
  if (rc != WCHG_OK)
    return rc;

  ctf_event_facts(out, &f, cfg, unique, request, response, pcv);
  ctf_reg_user(reg, &user);
  f.role_of_node = role_of_node;
  f.user = &user;
  f.sip_method = request->method;
  f.event = request->event;
  f.expires = response->expires.present ? response->expires : request->expires;
  f.called = role_of_node == WCHG_ROLE_TERMINATING && request->called_party_id.ptr
                 ? request->called_party_id
                 : request->request_uri;
  f.served_ip = &ip;
  f.icsi = request->icsi;
  /* SUBSCRIBE with Expires 0 ends its dialog (TS 32.299 §7.2.35) */
  expires_zero = f.expires.present && f.expires.value == 0;
  f.cause_code = WCHG_INT(cause(request->method, response->status_code, expires_zero));
  /* Message-Body: a body other than SDP (TS 32.299 §7.2.101) */
  f.body_type = request->content_type;
  f.body_length = request->content_length;
  f.emergency = emergency;
  ctf_fill(out, &f);
  return WCHG_OK;
}
