/*
 * ctf.c: the parts of the charging trigger function (ctf.h) that the
 * registration, session and standalone paths share — memory and stores,
 * the Session-Id (RFC 6733 §8.8), emergency URNs (RFC 5031), reading an
 * event's header values — and the standalone requests (TS 32.260 §5.2.1:
 * one EVENT per MESSAGE, SUBSCRIBE, NOTIFY, PUBLISH, REFER, ...).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdlib.h>
#include <string.h>

#include "ctf/ctf_internal.h"
#include "base/text_conv.h"

/* ---- memory and stores ------------------------------------------------- */

struct ctf_ref ctf_put(struct wchgi_buf *b, wchg_str s) {
  struct ctf_ref r = {b->len, s.len, s.ptr != NULL};
  if (s.len)
    memcpy(b->p + b->len, s.ptr, s.len);
  b->len += s.len;
  return r;
}

wchg_str ctf_get(const struct wchgi_buf *b, struct ctf_ref r) {
  wchg_str s = {NULL, 0};
  if (r.set) {
    s.ptr = b->p ? (const char *)b->p + r.off : "";
    s.len = r.len;
  }
  return s;
}

/* ---- text helpers ------------------------------------------------------ */

bool ctf_str_eq(wchg_str a, wchg_str b) {
  return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

wchg_status ctf_fail(wchg_diag *diag, wchg_status code, const char *root, const char *field,
                     const char *msg) {
  struct wpath path;
  wpath_init(&path, root);
  if (field)
    wpath_push(&path, field);
  wchgi_diag_set(diag, code, 0, WCHG_NO_OFFSET, &path, "%s", msg);
  return code;
}

int32_t ctf_cause(wchg_str method, int status, bool expires_zero) {
  char m[24] = "";
  if (method.len < sizeof m)
    memcpy(m, method.ptr, method.len);
  return wchg_cause_code(m, status, expires_zero);
}

const char *ctf_root(wchg_str method, char buf[24]) {
  if (!method.len || method.len >= 24)
    return "request";
  memcpy(buf, method.ptr, method.len);
  buf[method.len] = '\0';
  return buf;
}

wchg_status ctf_check_list(size_t n, const char *root, const char *field, wchg_diag *diag) {
  if (n <= CTF_MAX_LIST)
    return WCHG_OK;
  return ctf_fail(diag, WCHG_E_LIMIT, root, field,
                  "more entries than WCHG_CTF_MAX_LIST (16)");
}

/* ---- Session-Id (RFC 6733 §8.8) ---------------------------------------- */

size_t ctf_session_id_bound(const wchg_ctf_config *cfg) {
  size_t n = cfg->origin_host.len + 2 * (1 + 10) + 1;
  if (cfg->session_id_optional.ptr)
    n += 1 + cfg->session_id_optional.len;
  return n;
}

static size_t put_u32(char *out, uint32_t v) {
  char tmp[10];
  size_t n = 0, k;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (k = 0; k < n; k++)
    out[k] = tmp[n - 1 - k];
  return n;
}

wchg_status wchg_ctf_session_id(const wchg_ctf_config *cfg, uint64_t unique, char *buf,
                                size_t cap, size_t *len) {
  char tmp[2 * (1 + 10)];
  size_t n;
  if (!cfg || !len || (!buf && cap) || !cfg->origin_host.ptr || !cfg->origin_host.len)
    return WCHG_E_ARG;
  n = 0;
  tmp[n++] = ';';
  n += put_u32(tmp + n, (uint32_t)(unique >> 32));
  tmp[n++] = ';';
  n += put_u32(tmp + n, (uint32_t)unique);
  *len = cfg->origin_host.len + n;
  if (cfg->session_id_optional.ptr)
    *len += 1 + cfg->session_id_optional.len;
  if (!buf || cap <= *len)
    return WCHG_E_BUFFER;
  memcpy(buf, cfg->origin_host.ptr, cfg->origin_host.len);
  memcpy(buf + cfg->origin_host.len, tmp, n);
  n += cfg->origin_host.len;
  if (cfg->session_id_optional.ptr) {
    buf[n++] = ';';
    memcpy(buf + n, cfg->session_id_optional.ptr, cfg->session_id_optional.len);
    n += cfg->session_id_optional.len;
  }
  buf[n] = '\0';
  return WCHG_OK;
}

/* ---- emergency (RFC 5031 §3, §4.2) ------------------------------------- */

static bool label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-';
}

static bool prefix_nocase(wchg_str s, const char *lit) {
  size_t n = strlen(lit);
  if (s.len < n)
    return false;
  for (size_t k = 0; k < n; k++) {
    char c = s.ptr[k];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != lit[k])
      return false;
  }
  return true;
}

bool wchg_is_emergency_urn(wchg_str uri) {
  /* service = top-level *("." sub-service), labels of let-dig-hyp */
  static const char sos[] = "urn:service:sos";
  size_t i = sizeof sos - 1;
  if (!uri.ptr || !prefix_nocase(uri, sos))
    return false;
  while (i < uri.len) {
    size_t start;
    if (uri.ptr[i] != '.')
      return false;
    start = ++i;
    while (i < uri.len && label_char(uri.ptr[i]))
      i++;
    if (i == start)
      return false;
  }
  return true;
}

wchg_status ctf_check_user(const wchg_ctf_reg *reg, const wchg_sip_event *req,
                           bool *emergency, wchg_diag *diag) {
  wchg_ctf_reg_info info;
  char name[24];
  const char *root = ctf_root(req->method, name);
  bool wic = false;
  if (reg) {
    wchg_ctf_reg_get(reg, &info);
    if (!info.registered)
      return ctf_fail(diag, WCHG_E_STATE, root, NULL, "the user is not registered");
    wic = info.flavour != WCHG_REG_IMS;
  }
  *emergency = req->emergency || wchg_is_emergency_urn(req->request_uri);
  if (*emergency && wic) /* TS 23.228 Annex U: no emergency for WebRTC access */
    return ctf_fail(diag, WCHG_E_EMERGENCY, root, "Request-URI",
                    "IMS emergency sessions are not supported for WebRTC access "
                    "(TS 23.228 Annex U)");
  return WCHG_OK;
}

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
  wchg_status rc;
  b->session_count = b->media_count = 0;
  if (!body.ptr)
    return WCHG_OK;
  if ((rc = sdp_room(r, which, cfg, body)) != WCHG_OK)
    return rc;
  return wchg_sdp_parse_body(body.ptr, body.len, &cfg->sdp_limits, cfg->sdp_policy, b,
                             report ? &r->warn : NULL, diag);
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

void ctf_event_facts(wchg_ctf_record *r, struct ctf_facts *f, const wchg_ctf_config *cfg,
                     uint64_t unique, const wchg_sip_event *req, const wchg_sip_event *resp,
                     const struct ctf_pcv pcv[2]) {
  char *sid = (char *)r->text.p + r->text.len; /* room: ctf_record_begin */
  size_t n = 0;
  wchg_ctf_session_id(cfg, unique, sid, r->text.cap - r->text.len, &n);
  r->text.len += n + 1;
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
  f->from = req->from;
  f->route_received = req->route_received;
  f->route_transmitted = req->route_transmitted;
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
  f.cause_code = WCHG_INT(ctf_cause(request->method, response->status_code, expires_zero));
  /* Message-Body: a body other than SDP (TS 32.299 §7.2.101) */
  f.body_type = request->content_type;
  f.body_length = request->content_length;
  f.emergency = emergency;
  ctf_fill(out, &f);
  return WCHG_OK;
}
