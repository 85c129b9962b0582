/*
 * ctf_reg.c: registration contexts of the charging trigger function
 * (ctf.h). A successful REGISTER keeps the user's identities — for a
 * WebRTC client also the WAF identity (the authorization-entity of Trusted
 * Node Authentication, TS 24.229 §7.2A.4 / §5.4.1.2.2F) and the WWSF
 * identity — so that every later record of the user carries them; each
 * REGISTER transaction gives one EVENT (TS 32.260 §5.2.1).
 *
 * The identities live in one store; an update is built in a spare store
 * and the two are swapped, so a failure leaves the context as it was and
 * an update may even be given views of the context itself.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "ctf/ctf_internal.h"

#define ROOT "REGISTER"

struct wchg_ctf_reg {
  wchg_mem mem;
  const wchg_ctf_config *cfg;
  struct wchgi_buf live, spare;
  bool registered;
  wchg_reg_flavour flavour;
  struct ctf_user_refs user;
  struct ctf_ref served_ip, ani;
  struct ctf_ref associated[CTF_MAX_LIST];
  size_t associated_count;
  int64_t expires_at_ms;
};

CTF_CONFIGURED(struct wchg_ctf_reg);

wchg_ctf_reg *wchg_ctf_reg_new(const wchg_ctf_config *cfg) {
  return ctf_object_of_config(cfg, sizeof(wchg_ctf_reg));
}

void wchg_ctf_reg_free(wchg_ctf_reg *reg) {
  if (!reg)
    return;
  void *blocks[] = {reg->live.p, reg->spare.p};
  ctf_object_free(reg, blocks, WCHG_ARRAY_LEN(blocks));
}

wchg_status wchg_ctf_reg_get(const wchg_ctf_reg *reg, wchg_ctf_reg_info *out) {
  struct ctf_user u;
  if (!reg || !out)
    return WCHG_E_ARG;
  ctf_user_get(&reg->live, &reg->user, &u);
  memset(out, 0, sizeof *out);
  out->registered = reg->registered;
  out->flavour = reg->flavour;
  out->impi = u.impi;
  out->impu = u.impu;
  out->waf = u.waf;
  out->wwsf = u.wwsf;
  out->instance_id = u.instance_id;
  out->served_party_ip = ctf_reg_served_ip(reg);
  out->access_network_info = ctf_reg_ani(reg);
  out->associated_uri_count = reg->associated_count;
  out->expires_at_ms = reg->expires_at_ms;
  return WCHG_OK;
}

void ctf_reg_user(const wchg_ctf_reg *reg, struct ctf_user *out) {
  memset(out, 0, sizeof *out);
  if (reg && reg->registered)
    ctf_user_get(&reg->live, &reg->user, out);
}

wchg_str ctf_reg_served_ip(const wchg_ctf_reg *reg) {
  return reg ? ctf_get(&reg->live, reg->served_ip) : (wchg_str){NULL, 0};
}

wchg_str ctf_reg_ani(const wchg_ctf_reg *reg) {
  return reg ? ctf_get(&reg->live, reg->ani) : (wchg_str){NULL, 0};
}

wchg_status ctf_check_user(const wchg_ctf_reg *reg, const wchg_sip_event *req,
                           bool *emergency, wchg_diag *diag) {
  char name[24];
  const char *root = ctf_root(req->method, name);
  bool wic = false;
  if (reg) {
    if (!reg->registered)
      return ctf_fail(diag, WCHG_E_STATE, root, NULL, "the user is not registered");
    wic = reg->flavour != WCHG_REG_IMS;
  }
  *emergency = req->emergency || wchg_is_emergency_urn(req->request_uri);
  if (*emergency && wic) /* TS 23.228 Annex U: no emergency for WebRTC access */
    return ctf_fail(diag, WCHG_E_EMERGENCY, root, "Request-URI",
                    "IMS emergency sessions are not supported for WebRTC access "
                    "(TS 23.228 Annex U)");
  return WCHG_OK;
}

/* ---- REGISTER ---------------------------------------------------------- */

/* The served user of the REGISTER: IMPI from the Digest username; for a
 * WIC the WAF identity from authorization-entity or |waf| (which must
 * agree) and the WWSF identity. A Bearer token is never looked at. */
static wchg_status reg_user(wchg_ctf_record *r, const wchg_register_event *ev,
                            struct ctf_user *u, wchg_diag *diag) {
  wchg_str entity = {NULL, 0};
  wchg_status rc;
  memset(u, 0, sizeof *u);
  if (ev->authorization.ptr) {
    rc = wchg_sip_parse_authorization(ev->authorization.ptr, ev->authorization.len, &r->auth,
                                      diag);
    if (rc != WCHG_OK)
      return rc;
    if (r->auth.scheme == WCHG_SIP_AUTH_DIGEST) {
      u->impi = ctf_value_text(r, r->auth.username);
      entity = ctf_value_text(r, r->auth.authorization_entity);
    }
  }
  u->impu = ev->impu;
  u->instance_id = ev->instance_id;
  if (ev->flavour == WCHG_REG_IMS)
    return WCHG_OK;
  u->wic = true;
  u->waf = entity.len ? entity : ev->waf;
  if (entity.len && ev->waf.len && !ctf_str_eq(entity, ev->waf))
    return ctf_fail(diag, WCHG_E_INVALID, ROOT, "Authorization/authorization-entity",
                    "the WAF identity and the authorization-entity disagree");
  if (!u->waf.len)
    return ctf_fail(diag, WCHG_E_MISSING, ROOT, "Authorization/authorization-entity",
                    "a WebRTC registration without the WAF identity");
  u->wwsf = ev->wwsf;
  if (!u->wwsf.len)
    return ctf_fail(diag, WCHG_E_MISSING, ROOT, "wwsf",
                    "a WebRTC registration without the WWSF identity");
  return WCHG_OK;
}

/* Keep the identities of a successful (re-)registration. */
static wchg_status reg_keep(wchg_ctf_reg *reg, const wchg_register_event *ev,
                            const struct ctf_user *u, int64_t expires_at) {
  struct wchgi_buf *b = &reg->spare, tmp;
  size_t need =
      ctf_user_len(u) + ev->request.served_party_ip.len + ev->request.access_network_info.len;
  for (size_t k = 0; k < ev->associated_uri_count; k++)
    need += ev->associated_uri[k].len;
  b->len = 0;
  if (wchgi_buf_reserve(b, &reg->mem, b->len + need, NULL) != WCHG_OK)
    return WCHG_E_NOMEM;
  ctf_user_put(b, &reg->user, u);
  reg->served_ip = ctf_put(b, ev->request.served_party_ip);
  reg->ani = ctf_put(b, ev->request.access_network_info);
  for (size_t k = 0; k < ev->associated_uri_count; k++)
    reg->associated[k] = ctf_put(b, ev->associated_uri[k]);
  reg->associated_count = ev->associated_uri_count;
  reg->flavour = ev->flavour;
  reg->registered = true;
  reg->expires_at_ms = expires_at;
  tmp = reg->live;
  reg->live = reg->spare;
  reg->spare = tmp;
  return WCHG_OK;
}

static void reg_empty(wchg_ctf_reg *reg) {
  struct wchgi_buf live = reg->live, spare = reg->spare;
  wchg_mem m = reg->mem;
  const wchg_ctf_config *cfg = reg->cfg;
  memset(reg, 0, sizeof *reg);
  reg->mem = m;
  reg->cfg = cfg;
  reg->live = live;
  reg->spare = spare;
  reg->live.len = 0;
}

static wchg_status reg_check(const wchg_ctf_reg *reg, const wchg_register_event *ev,
                             wchg_diag *diag) {
  int st = ev->response.status_code;
  (void)reg;
  if (st < 200 || st > 699)
    return ctf_fail(diag, WCHG_E_RANGE, ROOT, "response/status_code",
                    "not a final response status");
  if (ev->flavour != WCHG_REG_IMS && ev->flavour != WCHG_REG_WEBRTC_H3 &&
      ev->flavour != WCHG_REG_WEBRTC_H4)
    return ctf_fail(diag, WCHG_E_RANGE, ROOT, "flavour", "an unknown registration flavour");
  return WCHG_OK;
}

/* The values of the REGISTER into |out|'s scratch: the served user *u
 * and what its EVENT reads, *v. */
static wchg_status reg_read(wchg_ctf_record *out, const wchg_ctf_config *cfg,
                            const wchg_register_event *ev, struct ctf_user *u,
                            struct ctf_event_values *v, wchg_diag *diag) {
  wchg_status rc = ctf_record_begin(out, ctf_session_id_bound(cfg) + ev->authorization.len +
                                             ev->request.charging_vector.len +
                                             ev->response.charging_vector.len);
  if (rc != WCHG_OK)
    return rc;
  if (!ev->impu.len)
    return ctf_fail(diag, WCHG_E_MISSING, ROOT, "impu", "no public user identity");
  rc = reg_user(out, ev, u, diag);
  if (rc == WCHG_OK)
    rc = ctf_check_list(ev->associated_uri_count, ROOT, "associated_uri", diag);
  if (rc == WCHG_OK)
    rc = ctf_event_read(out, &ev->request, &ev->response, ev->request.access_network_info,
                        ev->request.served_party_ip, ROOT, v, diag);
  return rc;
}

/* The context after the final response: a 2xx keeps the identities until
 * the expiry it granted; 0 ends the registration (RFC 3261 §10.2.2). */
static wchg_status reg_update(wchg_ctf_reg *reg, const wchg_register_event *ev,
                              const struct ctf_user *u, wchg_opt_int expires) {
  if (ev->response.status_code >= 300)
    return WCHG_OK;
  if (expires.present && expires.value == 0) {
    reg_empty(reg);
    return WCHG_OK;
  }
  return reg_keep(reg, ev, u, expires.present ? ev->response.time_ms + expires.value * 1000 : 0);
}

/* The EVENT of the REGISTER transaction into |out|. */
static void reg_event(wchg_ctf_record *out, const wchg_ctf_config *cfg, uint64_t unique,
                      const wchg_register_event *ev, const struct ctf_user *u,
                      const struct ctf_event_values *v, wchg_opt_int expires) {
  struct ctf_facts f;
  ctf_event_facts(out, &f, cfg, unique, &ev->request, &ev->response, v);
  f.role_of_node = WCHG_ROLE_ORIGINATING;
  f.user = u;
  f.sip_method = WCHG_STR("REGISTER");
  f.expires = expires;
  f.called = ev->impu; /* for REGISTER: the IMPU registered (§7.2.25) */
  f.associated = ev->associated_uri;
  f.associated_count = ev->associated_uri_count;
  f.cause_code = WCHG_INT(wchg_cause_code("REGISTER", ev->response.status_code,
                                          expires.present && !expires.value));
  ctf_fill(out, &f);
}

wchg_status wchg_ctf_register(wchg_ctf_reg *reg, const wchg_register_event *ev,
                              uint64_t unique, wchg_ctf_record *out, wchg_diag *diag) {
  struct ctf_user u;
  struct ctf_event_values v;
  wchg_opt_int expires;
  wchg_status rc;

  wchgi_diag_clear(diag);
  if (!out)
    return WCHG_E_ARG;
  ctf_record_none(out);
  if (!reg || !ev || !reg->cfg)
    return WCHG_E_ARG;
  rc = reg_check(reg, ev, diag);
  if (rc != WCHG_OK)
    return rc;
  if (ev->response.status_code == 401 || ev->response.status_code == 407)
    return WCHG_OK; /* a challenge: part of authentication */
  rc = reg_read(out, reg->cfg, ev, &u, &v, diag);
  if (rc != WCHG_OK)
    return rc;
  expires = ev->response.expires.present ? ev->response.expires : ev->request.expires;
  if (reg_update(reg, ev, &u, expires) != WCHG_OK)
    return WCHG_E_NOMEM;
  reg_event(out, reg->cfg, unique, ev, &u, &v, expires);
  return WCHG_OK;
}
