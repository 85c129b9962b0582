/*
 * ctf_event.c: an event's header values read into the record's scratch
 * (P-Charging-Vector, P-Access-Network-Info, the served address, the SDP
 * body; escaped values unquoted into the record's text), and the part of
 * an EVENT that one request and its final response give (TS 32.260
 * §5.2.1), which registration and standalone requests share.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "ctf/ctf_internal.h"
#include "base/text_conv.h"

/* ---- an event's header values ------------------------------------------ */

wchg_str ctf_value_text(wchg_ctf_record *r, wchg_sip_value v) {
  size_t n = 0;
  char *dst;
  if (!v.escaped)
    return v.raw;
  dst = (char *)r->text.p + r->text.len; /* room: ctf_record_begin */
  if (wchg_sip_unquote(v.raw, dst, r->text.cap - r->text.len, &n) != WCHG_OK)
    return v.raw; /* LCOV_EXCL_LINE never for a parser's view */
  r->text.len += n;
  return (wchg_str){dst, n};
}

wchg_status ctf_parse_pcv(wchg_ctf_record *r, int slot, wchg_str value, struct ctf_pcv *out,
                          wchg_diag *diag) {
  wchg_sip_charging_vector *v = &r->pcv[slot];
  wchg_status rc;
  memset(out, 0, sizeof *out);
  if (!value.ptr)
    return WCHG_OK;
  rc = wchg_sip_parse_charging_vector(value.ptr, value.len, v, diag);
  if (rc != WCHG_OK)
    return rc;
  out->icid = ctf_value_text(r, v->icid_value);
  out->orig_ioi = ctf_value_text(r, v->orig_ioi);
  out->term_ioi = ctf_value_text(r, v->term_ioi);
  out->transit = v->transit_ioi_list;
  out->transit_count = v->transit_ioi_count;
  return WCHG_OK;
}

wchg_status ctf_parse_ani(wchg_ctf_record *r, wchg_str value, wchg_str out[2],
                          wchg_diag *diag) {
  wchg_status rc;
  out[0] = out[1] = (wchg_str){NULL, 0};
  if (!value.ptr)
    return WCHG_OK;
  rc = wchg_sip_parse_access_network_info(value.ptr, value.len, &r->ani, diag);
  if (rc != WCHG_OK)
    return rc;
  /* first access-net-spec: Access-Network-Information, second:
   * Additional-Access-Network-Information (TS 32.298 [29], [56]) */
  for (size_t k = 0; k < 2 && k < r->ani.count; k++)
    out[k] = r->ani.specs[k].text;
  return WCHG_OK;
}

wchg_status ctf_parse_ip(wchg_str text, wchg_ip_address *out, const char *root,
                         wchg_diag *diag) {
  memset(out, 0, sizeof *out);
  if (!text.ptr)
    return WCHG_OK;
  if (wchgi_ip_from_text(text.ptr, text.len, out->bin, 4)) {
    out->choice = WCHG_IP_BIN_V4;
    return WCHG_OK;
  }
  if (wchgi_ip_from_text(text.ptr, text.len, out->bin, 16)) {
    out->choice = WCHG_IP_BIN_V6;
    return WCHG_OK;
  }
  return ctf_fail(diag, WCHG_E_ENCODING, root, "served_party_ip",
                  "not an IPv4 or IPv6 address");
}

/* |*p| (|*cap| entries of |size| bytes) holds at least |need|: a new
 * block when it does not, the content not kept (scratch). */
static wchg_status scratch(const wchg_mem *mem, void **p, size_t *cap, size_t need,
                           size_t size) {
  void *q;
  if (need <= *cap)
    return WCHG_OK;
  if (need > SIZE_MAX / size || !(q = wchgi_malloc(mem, need * size)))
    return WCHG_E_NOMEM;
  wchgi_free(mem, *p);
  *p = q;
  *cap = need;
  return WCHG_OK;
}

/* Storage for |body| in r->sdp[which], and the ACR's lists for it. A body
 * over the byte limit gets none: the parser refuses it first. */
static wchg_status sdp_room(wchg_ctf_record *r, int which, const wchg_ctf_config *cfg,
                            wchg_str body) {
  wchg_sdp_body *b = &r->sdp[which];
  size_t lines, media, max = cfg->sdp_limits.max_bytes;
  if (body.len > (max ? max : WCHG_SDP_DEFAULT_MAX_BYTES))
    return WCHG_OK;
  wchg_sdp_body_size(body.ptr, body.len, &lines, &media);
  if (scratch(&r->mem, (void **)&b->lines, &b->line_cap, lines, sizeof *b->lines) ||
      scratch(&r->mem, (void **)&b->media, &b->media_cap, media, sizeof *b->media) ||
      scratch(&r->mem, (void **)&r->kept, &r->kept_cap, lines, sizeof *r->kept) ||
      scratch(&r->mem, (void **)&r->comps, &r->comps_cap, media, sizeof *r->comps))
    return WCHG_E_NOMEM;
  return WCHG_OK;
}

wchg_status ctf_parse_sdp(wchg_ctf_record *r, int which, const wchg_ctf_config *cfg,
                          wchg_str body, bool report, wchg_diag *diag) {
  wchg_sdp_body *b = &r->sdp[which];
  wchg_warnings *warn = report ? &r->warn : NULL;
  size_t warned = r->warn.count;
  wchg_status rc;
  b->session_count = b->media_count = 0;
  if (!body.ptr)
    return WCHG_OK;
  /* into the storage earlier bodies left (the ACR's lists as large):
   * the lines are counted only when it is too small, and the body read
   * again, its warnings once */
  if (b->line_cap && r->kept_cap >= b->line_cap && r->comps_cap >= b->media_cap) {
    rc = wchg_sdp_parse_body(body.ptr, body.len, &cfg->sdp_limits, cfg->sdp_policy, b, warn,
                             diag);
    if (rc != WCHG_E_BUFFER) /* the parser's only one: the storage is full */
      return rc;
    r->warn.count = warned;
  }
  if ((rc = sdp_room(r, which, cfg, body)) != WCHG_OK)
    return rc;
  return wchg_sdp_parse_body(body.ptr, body.len, &cfg->sdp_limits, cfg->sdp_policy, b, warn,
                             diag);
}

wchg_status ctf_event_sdp(wchg_ctf_record *r, const wchg_ctf_config *cfg, wchg_str body,
                          bool *have, wchg_diag *diag) {
  bool strict = cfg->sdp_policy == WCHG_POLICY_STRICT;
  wchg_diag d;
  wchg_status rc = ctf_parse_sdp(r, 0, cfg, body, true, strict ? diag : &d);
  *have = rc == WCHG_OK && body.ptr;
  if (rc == WCHG_OK || rc == WCHG_E_NOMEM || strict)
    return rc;
  r->sdp[0].session_count = r->sdp[0].media_count = 0;
  wchgi_warn(&r->warn, d.code, 0, d.offset, d.path, "%s; the body is left out", d.message);
  return WCHG_OK;
}

/* ---- the EVENT of one transaction ---------------------------------------- */

wchg_status ctf_event_read(wchg_ctf_record *r, const wchg_sip_event *req,
                           const wchg_sip_event *resp, wchg_str ani, wchg_str ip,
                           const char *root, struct ctf_event_values *out, wchg_diag *diag) {
  wchg_status rc = ctf_check_list(req->asserted_identity_count, root, "asserted_identity", diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_pcv(r, 0, req->charging_vector, &out->pcv[0], diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_pcv(r, 1, resp->charging_vector, &out->pcv[1], diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_ani(r, ani, out->ani, diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_ip(ip, &out->ip, root, diag);
  return rc;
}

void ctf_event_facts(wchg_ctf_record *r, struct ctf_facts *f, const wchg_ctf_config *cfg,
                     uint64_t unique, const wchg_sip_event *req, const wchg_sip_event *resp,
                     const struct ctf_event_values *v) {
  const struct ctf_pcv *pcv = v->pcv;
  char *sid = (char *)r->text.p + r->text.len; /* room: ctf_record_begin */
  size_t n = 0;
  wchg_ctf_session_id(cfg, unique, sid, r->text.cap - r->text.len, &n);
  r->text.len += n + 1;
  memset(f, 0, sizeof *f);
  f->cfg = cfg;
  f->record_type = WCHG_ACR_EVENT;
  f->session_id = (wchg_str){sid, n};
  f->event_ms = resp->time_ms;
  f->request_ts = WCHG_TIME_MS(req->time_ms);
  f->response_ts = WCHG_TIME_MS(resp->time_ms);
  f->user_session_id = req->call_id;
  f->calling = req->asserted_identity;
  f->calling_count = req->asserted_identity_count;
  /* ICID and orig-ioi from the request's vector, term-ioi from the
   * response's (RFC 7315 §5.6) */
  f->icid = pcv[0].icid.ptr ? pcv[0].icid : pcv[1].icid;
  f->orig_ioi = pcv[0].orig_ioi;
  f->term_ioi = pcv[1].term_ioi;
  f->transit_req = pcv[0].transit;
  f->transit_req_count = pcv[0].transit_count;
  f->transit_resp = pcv[1].transit;
  f->transit_resp_count = pcv[1].transit_count;
  f->served_ip = &v->ip;
  f->ani[0] = v->ani[0];
  f->ani[1] = v->ani[1];
  f->from = req->from;
  f->route_received = req->route_received;
  f->route_transmitted = req->route_transmitted;
}
