/*
 * cca_dec.c: a Credit-Control-Answer (TS 32.299 §6.4.3, RFC 4006 §3.2)
 * into a wchg_cca, ro.h. The reader checks the message (the CCA ABNF and
 * the MSCC groups) in the receive policy unless told strict; one pass
 * over its AVPs then maps them, zero-copy, into the caller's fixed-size
 * struct. Every value is read through the size-checking getters, so
 * what the receive policy lets through (values outside the lists, AVPs
 * repeated or out of place) maps like any other: a repeated single
 * AVP's last value stays.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/diameter.h>
#include <webrtc_chg/ro.h>

#include "base/internal.h"

#define V3 10415u

struct rd {
  const wchg_dmsg *m;
  wchg_diag *diag;
  wchg_status error;
};

static void rd_fail(struct rd *r, wchg_status code, const wchg_avp *a, const char *what) {
  struct wpath p;
  if (r->error)
    return;
  r->error = code;
  wpath_init(&p, "CCA");
  if (a->dict)
    wpath_push(&p, a->dict->name);
  wchgi_diag_set(r->diag, code,
                 code == WCHG_E_LIMIT ? WCHG_RC_UNABLE_TO_COMPLY : WCHG_RC_INVALID_AVP_VALUE,
                 a->offset, &p, "%s", what);
}

/*
 * The values, through the size-checking getters. The reader refuses, in
 * both policies, an AVP of the dictionary whose size does not fit its
 * type (5014), and only AVPs of the dictionary are read here (the code
 * and the vendor are checked first): the getters cannot fail. Should one,
 * the CCA is refused rather than read as 0.
 */
static void got(struct rd *r, const wchg_avp *a, wchg_status st, const char *what) {
  if (st != WCHG_OK) /* LCOV_EXCL_START: see above */
    rd_fail(r, WCHG_E_DIAMETER, a, what);
  /* LCOV_EXCL_STOP */
}

/* The typed value of |a| by its getter, read as 0 with the CCA refused
 * should the getter fail. */
#define TYPED(name, type, getter, what)                                        \
  static type name(struct rd *r, const wchg_avp *a) {                          \
    type v = 0;                                                                \
    got(r, a, getter(a, &v), what);                                            \
    return v;                                                                  \
  }
TYPED(u32, uint32_t, wchg_avp_u32, "the value is not 4 octets")
TYPED(i32, int32_t, wchg_avp_i32, "the value is not 4 octets")
TYPED(u64, uint64_t, wchg_avp_u64, "the value is not 8 octets")
TYPED(i64, int64_t, wchg_avp_i64, "the value is not 8 octets")

static wchg_str str(const wchg_avp *a) { return (wchg_str){(const char *)a->data, a->len}; }

/* Granted-Service-Unit: the time, octet and service-specific units
 * (money is not an IMS unit and is skipped). */
static void service_unit(struct rd *r, const wchg_avp *g, wchg_service_unit *u) {
  wchg_avp_iter it;
  wchg_avp a;
  *u = (wchg_service_unit){.present = true}; /* a repeated one: the last, whole */
  wchg_avp_iter_group(&it, r->m, g);
  while (wchg_avp_next(&it, &a)) {
    if (a.vendor)
      continue;
    switch (a.code) {
    case 420: u->cc_time = WCHG_INT(u32(r, &a)); break;
    case 421: u->has_cc_total_octets = true; u->cc_total_octets = u64(r, &a); break;
    case 412: u->has_cc_input_octets = true; u->cc_input_octets = u64(r, &a); break;
    case 414: u->has_cc_output_octets = true; u->cc_output_octets = u64(r, &a); break;
    case 417:
      u->has_cc_service_specific_units = true;
      u->cc_service_specific_units = u64(r, &a);
      break;
    default: break;
    }
  }
}

static void final_unit_indication(struct rd *r, const wchg_avp *g, wchg_cca_mscc *m) {
  wchg_avp_iter it, it2;
  wchg_avp a, b;
  /* a repeated one: the last, whole (nothing of an earlier one stays) */
  memset(&m->final_unit_indication, 0, sizeof m->final_unit_indication);
  m->final_unit_indication.present = true;
  wchg_avp_iter_group(&it, r->m, g);
  while (wchg_avp_next(&it, &a)) {
    if (a.vendor == 0 && a.code == 449)
      m->final_unit_indication.final_unit_action = i32(r, &a);
    if (a.vendor != 0 || a.code != 434)
      continue;
    m->final_unit_indication.has_redirect_server = true;
    m->final_unit_indication.redirect_address_type = 0;
    m->final_unit_indication.redirect_server_address = (wchg_str){NULL, 0};
    wchg_avp_iter_group(&it2, r->m, &a);
    while (wchg_avp_next(&it2, &b)) {
      if (b.vendor == 0 && b.code == 433)
        m->final_unit_indication.redirect_address_type = i32(r, &b);
      else if (b.vendor == 0 && b.code == 435)
        m->final_unit_indication.redirect_server_address = str(&b);
    }
  }
}

static void mscc_child(struct rd *r, const wchg_avp *a, wchg_cca_mscc *m) {
  if (a->vendor == V3) {
    switch (a->code) {
    case 868: m->time_quota_threshold = WCHG_INT(u32(r, a)); break;
    case 869: m->volume_quota_threshold = WCHG_INT(u32(r, a)); break;
    case 871: m->quota_holding_time = WCHG_INT(u32(r, a)); break;
    default: break;
    }
    return;
  }
  if (a->vendor)
    return;
  switch (a->code) {
  case 268: m->result_code = WCHG_INT(u32(r, a)); break;
  case 431: service_unit(r, a, &m->granted_service_unit); break;
  case 432: m->rating_group = WCHG_INT(u32(r, a)); break;
  case 448: m->validity_time = WCHG_INT(u32(r, a)); break;
  case 430: final_unit_indication(r, a, m); break;
  case 439:
    if (m->n_service_identifiers == WCHG_CCA_MAX_SERVICE_IDENTIFIERS)
      rd_fail(r, WCHG_E_LIMIT, a, "more Service-Identifiers than WCHG_CCA_MAX_SERVICE_IDENTIFIERS");
    else
      m->service_identifiers[m->n_service_identifiers++] = u32(r, a);
    break;
  default: break;
  }
}

static void mscc(struct rd *r, const wchg_avp *g, wchg_cca *out) {
  wchg_avp_iter it;
  wchg_avp a;
  if (out->n_mscc == WCHG_CCA_MAX_MSCC) {
    rd_fail(r, WCHG_E_LIMIT, g, "more Multiple-Services-Credit-Control than WCHG_CCA_MAX_MSCC");
    return;
  }
  wchg_cca_mscc *m = &out->mscc[out->n_mscc++];
  wchg_avp_iter_group(&it, r->m, g);
  while (wchg_avp_next(&it, &a))
    mscc_child(r, &a, m);
}

static void cost_information(struct rd *r, const wchg_avp *g, wchg_cost_information *c) {
  wchg_avp_iter it, it2;
  wchg_avp a, b;
  *c = (wchg_cost_information){.present = true}; /* a repeated one: the last, whole */
  wchg_avp_iter_group(&it, r->m, g);
  while (wchg_avp_next(&it, &a)) {
    if (a.vendor) /* another vendor's AVP of the same code */
      continue;
    if (a.code == 425)
      c->currency_code = u32(r, &a);
    else if (a.code == 424)
      c->cost_unit = str(&a);
    if (a.code != 445)
      continue;
    c->value_digits = 0;
    c->exponent = 0;
    wchg_avp_iter_group(&it2, r->m, &a);
    while (wchg_avp_next(&it2, &b)) {
      if (b.vendor)
        continue;
      if (b.code == 447)
        c->value_digits = i64(r, &b);
      else if (b.code == 429)
        c->exponent = i32(r, &b);
    }
  }
}

static void top(struct rd *r, const wchg_avp *a, wchg_cca *out) {
  if (a->vendor)
    return;
  switch (a->code) {
  case 263: out->session_id = str(a); break;
  case 264: out->origin_host = str(a); break;
  case 296: out->origin_realm = str(a); break;
  case 268: out->result_code = u32(r, a); break;
  case 416: out->cc_request_type = i32(r, a); break;
  case 415: out->cc_request_number = u32(r, a); break;
  case 418: out->cc_session_failover = WCHG_INT(i32(r, a)); break;
  case 427: out->credit_control_failure_handling = WCHG_INT(i32(r, a)); break;
  case 428: out->direct_debiting_failure_handling = WCHG_INT(i32(r, a)); break;
  case 423: cost_information(r, a, &out->cost_information); break;
  case 456: mscc(r, a, out); break;
  default: break;
  }
}

wchg_status wchg_cca_parse_ex(const uint8_t *buf, size_t len, wchg_policy policy, wchg_cca *out,
                              wchg_diag *diag, wchg_warnings *warn) {
  wchg_dmsg m;
  wchg_avp_iter it;
  wchg_avp a;
  struct rd r = {&m, diag, WCHG_OK};
  wchgi_diag_clear(diag);
  if (!out || (!buf && len) || (policy != WCHG_POLICY_RECEIVE && policy != WCHG_POLICY_STRICT)) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s",
                  !out ? "out is NULL" : buf || !len ? "unknown policy" : "buf is NULL");
    return WCHG_E_ARG;
  }
  memset(out, 0, sizeof *out);
  wchg_status rc = wchg_dmsg_parse_ex(
      buf, len, policy == WCHG_POLICY_RECEIVE ? WCHG_DPARSE_RECEIVE : 0, &m, diag, warn);
  if (rc != WCHG_OK)
    return rc;
  if (m.code != WCHG_CMD_CREDIT_CONTROL || (m.flags & WCHG_CMD_FLAG_R) ||
      m.app_id != WCHG_APP_CREDIT_CONTROL) {
    wchgi_diag_set(diag, WCHG_E_DIAMETER, WCHG_RC_COMMAND_UNSUPPORTED, 4, NULL,
                  "command %u (%s) application %u is not a Credit-Control-Answer", m.code,
                  (m.flags & WCHG_CMD_FLAG_R) ? "request" : "answer", m.app_id);
    return WCHG_E_DIAMETER;
  }
  out->hop_by_hop = m.hop_by_hop;
  out->end_to_end = m.end_to_end;
  wchg_avp_iter_msg(&it, &m);
  while (!r.error && wchg_avp_next(&it, &a))
    top(&r, &a, out);
  if (r.error)
    memset(out, 0, sizeof *out);
  return r.error;
}

wchg_status wchg_cca_parse(const uint8_t *buf, size_t len, wchg_cca *out, wchg_diag *diag) {
  return wchg_cca_parse_ex(buf, len, WCHG_POLICY_RECEIVE, out, diag, NULL);
}
