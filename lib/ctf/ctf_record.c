/*
 * ctf_record.c: the record of the charging trigger function (ctf.h) and
 * ctf_fill(), the one place where the facts of an event become the ACR
 * model (TS 32.299 §6.2.2; field choices per TS 32.260 §5.2.1).
 * Everything is a view: the ACR points into the config, the stores of the
 * registration or session, the event's strings and the record's own
 * scratch.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "ctf/ctf_internal.h"

CTF_OBJECT(struct wchg_ctf_record);

wchg_ctf_record *wchg_ctf_record_new(const wchg_mem *mem) {
  wchg_ctf_record *r = ctf_object_new(mem, sizeof *r);
  if (!r)
    return NULL;
  r->warn = (wchg_warnings){r->warn_items, WCHG_CTF_MAX_WARNINGS, 0};
  wchg_acr_init(&r->acr);
  /* room for a Session-Id and a few unquoted values: no growth later in
   * the usual case */
  if (wchgi_buf_reserve(&r->text, &r->mem, r->text.len + 512, NULL) != WCHG_OK) {
    wchg_ctf_record_free(r);
    return NULL;
  }
  return r;
}

void wchg_ctf_record_free(wchg_ctf_record *r) {
  if (!r)
    return;
  void *blocks[] = {r->text.p,        r->sdp[0].lines, r->sdp[0].media, r->sdp[1].lines,
                    r->sdp[1].media, r->kept,         r->comps};
  ctf_object_free(r, blocks, WCHG_ARRAY_LEN(blocks));
}

wchg_acr *wchg_ctf_record_acr(wchg_ctf_record *r) { return r ? &r->acr : NULL; }

const wchg_warnings *wchg_ctf_record_warnings(const wchg_ctf_record *r) {
  return r ? &r->warn : NULL;
}

wchg_status ctf_record_begin(wchg_ctf_record *r, size_t text) {
  r->acr.accounting_record_type = WCHG_ACR_NONE;
  r->text.len = 0;
  return wchgi_buf_reserve(&r->text, &r->mem, r->text.len + text, NULL);
}

/* ---- pieces ------------------------------------------------------------ */

static wchg_octets oct(wchg_str s) { return (wchg_octets){(const uint8_t *)s.ptr, s.len}; }

static wchg_involved_party_list parties(wchg_involved_party *dst, const wchg_str *src,
                                        size_t n) {
  for (size_t k = 0; k < n; k++)
    dst[k] = wchgi_party_of_uri(src[k]);
  return (wchg_involved_party_list){dst, n};
}

/* Subscription-Id of the served IMPU (TS 32.299 §7.1.18): a tel URI as
 * END_USER_E164 with its digits (RFC 3966 visual separators dropped),
 * anything else as END_USER_SIP_URI. */
static void subscription_id(wchg_ctf_record *r, wchg_str impu) {
  wchg_subscription_id *s = &r->subscription_id;
  s->subscription_id_type = WCHG_INT(WCHG_END_USER_SIP_URI);
  s->subscription_id_data = impu;
  if (wchgi_has_prefix_ci(impu, "tel:")) {
    size_t n = 0;
    for (size_t k = 4; k < impu.len && impu.ptr[k] != ';'; k++) {
      char c = impu.ptr[k];
      if (c >= '0' && c <= '9') {
        if (n == sizeof r->e164)
          return; /* not a number: kept as the URI */
        r->e164[n++] = c;
      }
    }
    if (n) {
      s->subscription_id_type = WCHG_INT(WCHG_END_USER_E164);
      s->subscription_id_data = (wchg_str){r->e164, n};
    }
  }
  r->acr.ims.list_of_subscription_id = (wchg_subscription_id_list){s, 1};
}

/* Transit-IOI-List (TS 32.299 §7.2.233a): chronological, the request's
 * entries first; "unknown" stands for a request that had none. */
static void transit(wchg_ctf_record *r, const struct ctf_facts *f) {
  size_t n = 0;
  if (!f->transit_req_count && !f->transit_resp_count)
    return;
  if (!f->transit_req_count)
    r->transit[n++] = (wchg_str){"unknown", 7};
  for (size_t k = 0; k < f->transit_req_count && n < CTF_MAX_TRANSIT; k++)
    r->transit[n++] = f->transit_req[k];
  for (size_t k = 0; k < f->transit_resp_count && n <= CTF_MAX_TRANSIT; k++)
    r->transit[n++] = f->transit_resp[k];
  r->acr.ims.transit_ioi_lists = (wchg_str_list){r->transit, n};
}

/* Is |line| one the CHARGING line policy keeps (ctf.h)? c=, b=,
 * a=rtpmap: and the four direction attributes (RFC 3264 §5.1). */
static bool charging_line(wchg_str line) {
  static const char dirs[4][8] = {"sendrecv", "sendonly", "recvonly", "inactive"};
  const char *p = line.ptr;
  if (line.len >= 2 && (p[0] == 'c' || p[0] == 'b') && p[1] == '=')
    return true;
  if (line.len < 9 || p[0] != 'a' || p[1] != '=')
    return false;
  if (line.len == 10)
    for (size_t k = 0; k < 4; k++)
      if (!memcmp(p + 2, dirs[k], 8))
        return true;
  return !memcmp(p + 2, "rtpmap:", 7);
}

/* The lines of |n| at |lines| that the line policy keeps: a view of
 * them, or a copy into r->kept from *used on (room: ctf_parse_sdp). */
static wchg_str_list kept_lines(wchg_ctf_record *r, wchg_ctf_sdp_lines policy,
                                const wchg_str *lines, size_t n, size_t *used) {
  wchg_str_list l = {NULL, 0};
  if (policy == WCHG_CTF_SDP_ALL)
    return (wchg_str_list){lines, n};
  if (policy == WCHG_CTF_SDP_NONE || !n)
    return l;
  l.items = r->kept + *used;
  for (size_t k = 0; k < n; k++)
    if (charging_line(lines[k]))
      r->kept[*used + l.count++] = lines[k];
  *used += l.count;
  return l;
}

/* SDP-Session-Description and one SDP-Media-Component per m= line
 * (TS 32.299 §7.2.136, §7.2.137): one Media-Components-List entry, with
 * the lines that cfg->sdp_lines keeps. */
static void sdp(wchg_ctf_record *r, const struct ctf_facts *f) {
  const wchg_sdp_body *s = f->sdp;
  wchg_ctf_sdp_lines policy = f->cfg->sdp_lines;
  wchg_media_components_list *l = &r->mcl;
  size_t used = 0;
  memset(l, 0, sizeof *l);
  l->sdp_session_description = kept_lines(r, policy, s->lines, s->session_count, &used);
  for (size_t k = 0; k < s->media_count; k++) {
    wchg_sdp_media_component *c = &r->comps[k];
    memset(c, 0, sizeof *c);
    c->sdp_media_name = s->media[k].media_name;
    c->sdp_media_descriptions =
        kept_lines(r, policy, s->media[k].lines, s->media[k].line_count, &used);
  }
  l->sdp_media_components = (wchg_sdp_media_component_list){r->comps, s->media_count};
  l->media_initiator_flag = f->media_initiator;
  l->sdp_type = WCHG_INT(f->sdp_type);
  r->acr.ims.list_of_sdp_media_components = (wchg_media_components_list_list){l, 1};
}

/* ---- the ACR ----------------------------------------------------------- */

/* The accounting AVPs of the ACR (RFC 6733 §9.7.1, TS 32.299 §6.1.3). */
static void accounting(wchg_acr *a, const struct ctf_facts *f) {
  const wchg_ctf_config *c = f->cfg;
  wchg_acr_init(a); /* Node-Functionality P-CSCF: an eP-CSCF has no value */
  a->session_id = f->session_id;
  a->origin_host = c->origin_host;
  a->origin_realm = c->origin_realm;
  a->destination_realm = c->destination_realm;
  a->destination_host = c->destination_host;
  a->accounting_record_type = f->record_type;
  a->accounting_record_number = f->record_number;
  if (f->interim_interval)
    a->acct_interim_interval = f->interval ? *f->interval : c->acct_interim_interval;
  a->origin_state_id = c->origin_state_id;
  a->event_timestamp = WCHG_TIME_MS(f->event_ms);
  a->cause_code = f->cause_code;
  a->sip_request_timestamp = f->request_ts;
  a->sip_response_timestamp = f->response_ts;
}

static const wchg_str unknown = {"unknown", 7};

/* The parties of the session or event: calling, called, the called
 * party's asserted identities and the associated URIs. */
static void involved_parties(wchg_ctf_record *r, const struct ctf_facts *f) {
  wchg_ims_info *ims = &r->acr.ims;
  /* Calling-Party-Address: "unknown" without P-Asserted-Identity (§7.2.26) */
  if (f->calling_count)
    ims->list_of_calling_party_address = parties(r->calling, f->calling, f->calling_count);
  else
    ims->list_of_calling_party_address = parties(r->calling, &unknown, 1);
  if (f->called.ptr)
    ims->called_party_address = wchgi_party_of_uri(f->called);
  ims->list_of_called_asserted_identity =
      parties(r->called_asserted, f->called_asserted, f->called_asserted_count);
  ims->list_of_associated_uri = parties(r->associated, f->associated, f->associated_count);
}

/* Inter-Operator-Identifier, Transit-IOI-List and IMS-Charging-Identifier
 * (TS 32.299 §7.2.77, §7.2.233a, §7.2.74). */
static void operators(wchg_ctf_record *r, const struct ctf_facts *f) {
  wchg_ims_info *ims = &r->acr.ims;
  if (f->orig_ioi.ptr || f->term_ioi.ptr) {
    ims->inter_operator_identifiers.present = true;
    ims->inter_operator_identifiers.originating_ioi = f->orig_ioi;
    ims->inter_operator_identifiers.terminating_ioi = f->term_ioi;
  }
  transit(r, f);
  ims->ims_charging_identifier = oct(f->icid);
}

/* Message-Body: not for SDP, which has its own AVPs (§7.2.101) */
static void message_body(wchg_ctf_record *r, const struct ctf_facts *f) {
  if (f->body_type.ptr && f->body_length.present &&
      !wchgi_has_prefix_ci(f->body_type, "application/sdp")) {
    memset(&r->body, 0, sizeof r->body);
    r->body.content_type = f->body_type;
    r->body.content_length = f->body_length;
    r->acr.ims.list_of_message_bodies = (wchg_message_body_list){&r->body, 1};
  }
}

void ctf_fill(wchg_ctf_record *r, const struct ctf_facts *f) {
  const wchg_ctf_config *c = f->cfg;
  const struct ctf_user *u = f->user;
  wchg_ims_info *ims = &r->acr.ims;

  accounting(&r->acr, f);
  ims->service_context_id =
      c->service_context_id.ptr ? c->service_context_id : WCHG_STR(WCHG_SERVICE_CONTEXT_IMS);
  ims->private_user_id = u->impi;
  if (u->impu.ptr)
    subscription_id(r, u->impu);
  ims->sip_method = f->sip_method;
  ims->event = f->event;
  ims->expires_information = f->expires;
  ims->role_of_node = WCHG_INT(f->role_of_node);
  ims->session_id = f->user_session_id;
  involved_parties(r, f);
  operators(r, f);
  if (f->sdp)
    sdp(r, f);
  if (f->served_ip)
    ims->served_party_ip_address = *f->served_ip;
  message_body(r, f);
  ims->list_of_reason_header = (wchg_str_list){f->reason, f->reason_count};
  ims->access_network_information = oct(f->ani[0]);
  ims->additional_access_network_information = oct(f->ani[1]);
  ims->ims_communication_service_identifier = oct(f->icsi);
  ims->from_address = oct(f->from);
  ims->ims_emergency_indicator = f->emergency;
  ims->ims_visited_network_identifier = oct(c->ims_visited_network_identifier);
  ims->route_header_received = oct(f->route_received);
  ims->route_header_transmitted = oct(f->route_transmitted);
  ims->instance_id = oct(u->instance_id);
  if (u->wic) { /* the WebRTC identities, a WIC's only (TS 29.229 AVPs, webrtc_ext.h) */
    ims->webrtc_authentication_function_name = u->waf;
    ims->webrtc_web_server_function_name = u->wwsf;
  }
}
