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

/* The values of the transaction into |out|'s scratch (the user checked
 * first: *emergency), what its EVENT reads into *v. The P-Access-Network-
 * Info and the served address fall back to the registration's. */
static wchg_status standalone_read(wchg_ctf_record *out, const wchg_ctf_config *cfg,
                                   const wchg_ctf_reg *reg, int role, const wchg_sip_event *req,
                                   const wchg_sip_event *resp, bool *emergency,
                                   struct ctf_event_values *v, wchg_diag *diag) {
  wchg_str ani = ue_ani(role, req, resp);
  char name[24];
  wchg_status rc = ctf_record_begin(out, ctf_session_id_bound(cfg) + req->charging_vector.len +
                                             resp->charging_vector.len);
  if (rc != WCHG_OK)
    return rc;
  rc = ctf_check_user(reg, req, emergency, diag);
  if (rc == WCHG_OK)
    rc = ctf_event_read(out, req, resp, ani.ptr ? ani : ctf_reg_ani(reg),
                        req->served_party_ip.ptr ? req->served_party_ip : ctf_reg_served_ip(reg),
                        ctf_root(req->method, name), v, diag);
  return rc;
}

/* The EVENT of the transaction into |out|. */
static void standalone_event(wchg_ctf_record *out, const wchg_ctf_config *cfg,
                             const wchg_ctf_reg *reg, int role, uint64_t unique,
                             const wchg_sip_event *req, const wchg_sip_event *resp,
                             bool emergency, const struct ctf_event_values *v) {
  struct ctf_facts f;
  struct ctf_user user;
  bool expires_zero;
  ctf_event_facts(out, &f, cfg, unique, req, resp, v);
  ctf_reg_user(reg, &user);
  f.role_of_node = role;
  f.user = &user;
  f.sip_method = req->method;
  f.event = req->event;
  f.expires = resp->expires.present ? resp->expires : req->expires;
  f.called = role == WCHG_ROLE_TERMINATING && req->called_party_id.ptr ? req->called_party_id
                                                                        : req->request_uri;
  f.icsi = req->icsi;
  /* SUBSCRIBE with Expires 0 ends its dialog (TS 32.299 §7.2.35) */
  expires_zero = f.expires.present && f.expires.value == 0;
  f.cause_code = WCHG_INT(cause(req->method, resp->status_code, expires_zero));
  /* Message-Body: a body other than SDP (TS 32.299 §7.2.101) */
  f.body_type = req->content_type;
  f.body_length = req->content_length;
  f.emergency = emergency;
  ctf_fill(out, &f);
}

wchg_status wchg_ctf_standalone(const wchg_ctf_config *cfg, const wchg_ctf_reg *reg,
                                int role_of_node, uint64_t unique,
                                const wchg_sip_event *request, const wchg_sip_event *response,
                                wchg_ctf_record *out, wchg_diag *diag) {
  struct ctf_event_values v;
  bool emergency = false;
  wchg_status rc;

  wchgi_diag_clear(diag);
  if (!out)
    return WCHG_E_ARG;
  ctf_record_none(out);
  if (!cfg || !request || !response)
    return WCHG_E_ARG;
  rc = standalone_check(cfg, role_of_node, request, response);
  if (rc == WCHG_OK)
    rc = standalone_read(out, cfg, reg, role_of_node, request, response, &emergency, &v, diag);
  if (rc != WCHG_OK)
    return rc;
  standalone_event(out, cfg, reg, role_of_node, unique, request, response, emergency, &v);
  return WCHG_OK;
}
