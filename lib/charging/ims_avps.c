/*
 * ims_avps.c: the AVP encoder (one walk: check and write) shared by the
 * ACR (rf.c) and the CCR (ro_ccr.c), and Service-Information/IMS-
 * Information, the part of both requests that carries the neutral model
 * (ims_avps.h).
 *
 * Flags come from the dictionary entries, so 657/658 go with M clear and
 * Session-Priority with M clear (TS 29.229).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/webrtc_ext.h"
#include "charging/ims_avps.h"
#include "base/text_conv.h"


/* FE-Identifier-List is one AVP whose text is the entries joined by ',':
 * they are joined on the stack, up to this many octets. */
#define FE_LIST_MAX WCHG_ACR_FE_IDENTIFIER_LIST_MAX

/* ---- problems: the path is built here only ------------------------------ */

/* "ACR/<open groups>/<d's name>[index]": |d| NULL names the open group. */
WCHG_COLD void aenc_fail(struct aenc *e, wchg_status code, const wchg_dict_avp *d, size_t index,
                    const char *fmt, ...) {
  char msg[sizeof e->diag->message];
  struct wpath p;
  va_list ap;
  if (e->error)
    return;
  e->error = code;
  e->w.diag = NULL; /* the walk goes on: the writer's later errors are not told */
  if (!e->diag)
    return;
  wpath_init(&p, e->root);
  for (int i = 0; i < e->depth; i++) {
    wpath_push(&p, e->open[i].d->name);
    if (e->open[i].index != AENC_NO_INDEX)
      wpath_index(&p, e->open[i].index);
  }
  if (d) {
    wpath_push(&p, d->name);
    if (index != AENC_NO_INDEX)
      wpath_index(&p, index);
  }
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  wchgi_diag_clear(e->diag);
  wchgi_diag_set(e->diag, code, 0, WCHG_NO_OFFSET, &p, "%s", msg);
}

/* ---- one AVP of each kind: checked, or written ---------------------------- */

void aenc_group_begin(struct aenc *e, const wchg_dict_avp *d, size_t index) {
  if (e->depth < AENC_MAX_OPEN) {
    e->open[e->depth].d = d;
    e->open[e->depth].index = index;
  }
  e->depth++;
  wchg_dw_group_begin_d(&e->w, d);
}

void aenc_group_end(struct aenc *e) {
  e->depth--;
  wchg_dw_group_end(&e->w);
}

/* The text check of UTF8String: the problem at |d|[|index|], if any. */
static bool text_ok(struct aenc *e, const wchg_dict_avp *d, const char *s, size_t n,
                    size_t index) {
  size_t bad;
  if (wchgi_utf8_valid(s, n, &bad))
    return true;
  aenc_fail(e, WCHG_E_UTF8, d, index, "the text is not valid UTF-8 (octet %zu)", bad);
  return false;
}

/* UTF8String; |s| NULL: absent. The writer checks the text as it copies
 * it (OK: valid UTF-8); the octet at fault is looked for only when it
 * refused it (or had refused an earlier AVP). */
WCHG_INLINE void put_text(struct aenc *e, const wchg_dict_avp *d, const char *s, size_t n,
                     size_t index) {
  if (s && wchg_dw_utf8_d(&e->w, d, s, n) != WCHG_OK)
    text_ok(e, d, s, n, index);
}

void aenc_str(struct aenc *e, const wchg_dict_avp *d, wchg_str s) {
  put_text(e, d, s.ptr, s.len, AENC_NO_INDEX);
}

/* Model octets that the AVP carries as UTF8String (TS 32.299 types them
 * so; the CDR keeps OCTET STRING). */
static void put_octets_text(struct aenc *e, const wchg_dict_avp *d, wchg_octets o) {
  put_text(e, d, (const char *)o.ptr, o.len, AENC_NO_INDEX);
}

/* OctetString and DiameterIdentity: any octets. */
void aenc_octets(struct aenc *e, const wchg_dict_avp *d, const void *p, size_t n) {
  if (p)
    wchg_dw_octets_d(&e->w, d, p, n);
}

void aenc_unsigned(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (v.value < 0 || v.value > UINT32_MAX)
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "%" PRId64 " is outside Unsigned32 (0..4294967295)",
         v.value);
  else
    wchg_dw_u32_d(&e->w, d, (uint32_t)v.value);
}

void aenc_integer(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (v.value < INT32_MIN || v.value > INT32_MAX)
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "%" PRId64 " is outside Integer32", v.value);
  else
    wchg_dw_i32_d(&e->w, d, (int32_t)v.value);
}

/* Enumerated: only the values the dictionary names (the reader rejects
 * the others with 5004). */
void aenc_enum(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (v.value >= INT32_MIN && v.value <= INT32_MAX &&
      wchg_dict_enum_name(d, (int32_t)v.value)) {
    wchg_dw_i32_d(&e->w, d, (int32_t)v.value);
    return;
  }
  int32_t lo = d->enums[0].value, hi = lo;
  for (size_t i = 1; i < d->n_enums; i++) {
    lo = d->enums[i].value < lo ? d->enums[i].value : lo;
    hi = d->enums[i].value > hi ? d->enums[i].value : hi;
  }
  aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "%" PRId64 " is not a value of %s (%" PRId32 "..%" PRId32 ")",
       v.value, d->name, lo, hi);
}

/* Milliseconds as whole seconds and the milliseconds past them (0..999),
 * rounding down also before 1970. */
static int64_t seconds_of(int64_t ms) { return ms / 1000 - (ms % 1000 < 0); }
static int64_t fraction_of(int64_t ms) { return ms - seconds_of(ms) * 1000; }

/* Time: whole Unix seconds, NTP on the wire (RFC 5905 eras). */
static void put_time(struct aenc *e, const wchg_dict_avp *d, int64_t unix_seconds) {
  uint32_t ntp;
  if (wchg_ntp_from_unix(unix_seconds, &ntp) != WCHG_OK)
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX,
         "Unix time %" PRId64 " is outside 1968-01-20..2104-02-26, the range of Time",
         unix_seconds);
  else
    wchg_dw_time_d(&e->w, d, unix_seconds);
}

void aenc_time_ms(struct aenc *e, const wchg_dict_avp *d, wchg_time_ms t) {
  if (t.present)
    put_time(e, d, seconds_of(t.unix_ms));
}

void aenc_u64(struct aenc *e, const wchg_dict_avp *d, bool present, uint64_t v) {
  if (present)
    wchg_dw_u64_d(&e->w, d, v);
}

/* The Address form of |a|: family 1 or 2 (IANA) and its octets in |out|;
 * false when |a| is none. A prefix length has no Address form. */
static bool address_of(const wchg_ip_address *a, int *family, uint8_t out[16]) {
  switch (a->choice) {
  case WCHG_IP_BIN_V4:
    *family = 1;
    memcpy(out, a->bin, 4);
    return true;
  case WCHG_IP_BIN_V6:
  case WCHG_IP_BIN_V6_PREFIX:
    *family = 2;
    memcpy(out, a->bin, 16);
    return true;
  case WCHG_IP_TEXT_V4:
    *family = 1;
    return a->text.ptr && wchgi_ip_from_text(a->text.ptr, a->text.len, out, 4);
  case WCHG_IP_TEXT_V6:
    *family = 2;
    return a->text.ptr && wchgi_ip_from_text(a->text.ptr, a->text.len, out, 16);
  default:
    return false;
  }
}

/* Address; WCHG_IP_ABSENT: absent. */
static void put_address(struct aenc *e, const wchg_dict_avp *d, const wchg_ip_address *a) {
  uint8_t addr[16];
  int family = 0;
  if (a->choice == WCHG_IP_ABSENT)
    return;
  if (address_of(a, &family, addr)) {
    wchg_dw_address_d(&e->w, d, family, addr);
  } else if (a->choice == WCHG_IP_TEXT_V4 || a->choice == WCHG_IP_TEXT_V6) {
    int n = a->text.ptr ? (int)(a->text.len < 64 ? a->text.len : 64) : 0;
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "\"%.*s\" is not an IPv%c address", n,
         a->text.ptr ? a->text.ptr : "", a->choice == WCHG_IP_TEXT_V4 ? '4' : '6');
  } else {
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "choice %d is not an IPAddress alternative (1..5)",
         (int)a->choice);
  }
}

/* A required AVP: WCHG_E_MISSING unless |present|. */
void aenc_need(struct aenc *e, const wchg_dict_avp *d, bool present) {
  if (!present)
    aenc_fail(e, WCHG_E_MISSING, d, AENC_NO_INDEX, "%s is required", d->name);
}

/* ---- lists ------------------------------------------------------------------ */

/* A model list with entries but no items is refused (as validate.c does). */
bool aenc_items_ok(struct aenc *e, const wchg_dict_avp *d, const void *items, size_t count) {
  if (items || !count)
    return true;
  aenc_fail(e, WCHG_E_MISSING, d, AENC_NO_INDEX, "the list has count %zu but no items", count);
  return false;
}

/* One AVP per text. */
static void put_str_list(struct aenc *e, const wchg_dict_avp *d, const wchg_str_list *l) {
  if (!aenc_items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++)
    put_text(e, d, l->items[i].ptr, l->items[i].len, i);
}

/* One AVP per party: its URI text (the choice is the CDR's business). */
static void put_party_list(struct aenc *e, const wchg_dict_avp *d,
                           const wchg_involved_party_list *l) {
  if (!aenc_items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    wchg_str v = l->items[i].value;
    if (!v.ptr)
      aenc_fail(e, WCHG_E_MISSING, d, i, "the party has no text");
    put_text(e, d, v.ptr, v.len, i);
  }
}

/* FE-Identifier-List (TS 32.299): one AVP, the entries joined
 * by ','. Each entry and the joined size are checked first, then they
 * are joined on the stack. */
static void put_joined(struct aenc *e, const wchg_dict_avp *d, const wchg_str_list *l) {
  char text[FE_LIST_MAX];
  size_t n = 0;
  if (!l->count || !aenc_items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    const wchg_str *s = &l->items[i];
    if (!s->ptr)
      aenc_fail(e, WCHG_E_MISSING, d, i, "the entry has no text");
    else
      text_ok(e, d, s->ptr, s->len, i);
    n += (i > 0) + s->len;
  }
  if (n > FE_LIST_MAX)
    aenc_fail(e, WCHG_E_LIMIT, d, AENC_NO_INDEX, "the joined list has %zu octets, more than %d", n,
         FE_LIST_MAX);
  if (e->error)
    return;
  n = 0;
  for (size_t i = 0; i < l->count; i++) {
    if (i > 0)
      text[n++] = ',';
    if (l->items[i].len)
      memcpy(text + n, l->items[i].ptr, l->items[i].len);
    n += l->items[i].len;
  }
  wchg_dw_utf8_d(&e->w, d, text, n);
}

/* ---- Service-Information -------------------------------------------------- */

/* Subscription-Id (RFC 4006 §8.46): both children required. */
void aenc_subscription_ids(struct aenc *e, const wchg_subscription_id_list *l) {
  if (!aenc_items_ok(e, E(SUBSCRIPTION_ID), l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    const wchg_subscription_id *s = &l->items[i];
    aenc_group_begin(e, E(SUBSCRIPTION_ID), i);
    aenc_need(e, E(SUBSCRIPTION_ID_TYPE), s->subscription_id_type.present);
    aenc_need(e, E(SUBSCRIPTION_ID_DATA), s->subscription_id_data.ptr != NULL);
    aenc_enum(e, E(SUBSCRIPTION_ID_TYPE), s->subscription_id_type);
    aenc_str(e, E(SUBSCRIPTION_ID_DATA), s->subscription_id_data);
    aenc_group_end(e);
  }
}

static void event_type(struct aenc *e, const wchg_ims_info *ims) {
  if (!ims->sip_method.ptr && !ims->event.ptr && !ims->expires_information.present)
    return;
  aenc_group_begin(e, E(EVENT_TYPE), AENC_NO_INDEX);
  aenc_str(e, E(SIP_METHOD), ims->sip_method);
  aenc_str(e, E(EVENT), ims->event);
  aenc_unsigned(e, E(EXPIRES), ims->expires_information);
  aenc_group_end(e);
}

/* Time-Stamps: seconds, then the milliseconds (the dictionary's order). */
static void time_stamps(struct aenc *e, const struct aenc_ims_extra *x) {
  wchg_time_ms req = x->sip_request_timestamp, rsp = x->sip_response_timestamp;
  if (!req.present && !rsp.present)
    return;
  aenc_group_begin(e, E(TIME_STAMPS), AENC_NO_INDEX);
  if (req.present)
    put_time(e, E(SIP_REQUEST_TIMESTAMP), seconds_of(req.unix_ms));
  if (rsp.present)
    put_time(e, E(SIP_RESPONSE_TIMESTAMP), seconds_of(rsp.unix_ms));
  if (req.present)
    aenc_unsigned(e, E(SIP_REQUEST_TIMESTAMP_FRACTION), WCHG_INT(fraction_of(req.unix_ms)));
  if (rsp.present)
    aenc_unsigned(e, E(SIP_RESPONSE_TIMESTAMP_FRACTION), WCHG_INT(fraction_of(rsp.unix_ms)));
  aenc_group_end(e);
}

static void inter_operator_identifier(struct aenc *e, const wchg_inter_operator_identifiers *ioi) {
  if (!ioi->present)
    return;
  aenc_group_begin(e, E(INTER_OPERATOR_IDENTIFIER), AENC_NO_INDEX);
  aenc_str(e, E(ORIGINATING_IOI), ioi->originating_ioi);
  aenc_str(e, E(TERMINATING_IOI), ioi->terminating_ioi);
  aenc_group_end(e);
}

/* One SDP-Media-Component; the list entry |m| adds what the AVP carries
 * per component (Media-Initiator-*, SDP-Type). */
static void media_component(struct aenc *e, const wchg_media_components_list *m,
                            const wchg_sdp_media_component *c, size_t index) {
  aenc_group_begin(e, E(SDP_MEDIA_COMPONENT), index);
  aenc_str(e, E(SDP_MEDIA_NAME), c->sdp_media_name);
  put_str_list(e, E(SDP_MEDIA_DESCRIPTION), &c->sdp_media_descriptions);
  aenc_enum(e, E(LOCAL_GW_INSERTED_INDICATION), c->local_gw_inserted_indication);
  aenc_enum(e, E(IP_REALM_DEFAULT_INDICATION), c->ip_realm_default_indication);
  aenc_enum(e, E(TRANSCODER_INSERTED_INDICATION), c->transcoder_inserted_indication);
  /* 1 calling party, 0 called party (the default) */
  aenc_enum(e, E(MEDIA_INITIATOR_FLAG), WCHG_INT(m->media_initiator_flag ? 1 : 0));
  aenc_str(e, E(MEDIA_INITIATOR_PARTY), m->media_initiator_party.value);
  aenc_unsigned(e, E(TGPP_CHARGING_ID), c->gprs_charging_id);
  aenc_octets(e, E(ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE),
             c->access_network_charging_identifier.ptr,
             c->access_network_charging_identifier.len);
  aenc_enum(e, E(SDP_TYPE), m->sdp_type);
  aenc_group_end(e);
}

/* The media of this one SIP transaction: at most one list entry. */
static void sdp(struct aenc *e, const wchg_media_components_list_list *l) {
  if (l->count > 1) {
    aenc_fail(e, WCHG_E_LIMIT, E(SDP_MEDIA_COMPONENT), AENC_NO_INDEX,
         "list_of_sdp_media_components has %zu entries; the %s carries one",
              l->count, e->root);
    return;
  }
  if (!l->count || !aenc_items_ok(e, E(SDP_MEDIA_COMPONENT), l->items, l->count))
    return;
  const wchg_media_components_list *m = &l->items[0];
  put_str_list(e, E(SDP_SESSION_DESCRIPTION), &m->sdp_session_description);
  if (!aenc_items_ok(e, E(SDP_MEDIA_COMPONENT), m->sdp_media_components.items,
                m->sdp_media_components.count))
    return;
  for (size_t i = 0; i < m->sdp_media_components.count; i++)
    media_component(e, m, &m->sdp_media_components.items[i], i);
}

/* Message-Body (TS 32.299): Content-Type and Content-Length
 * required; the CDR's originator party has no AVP form. */
static void message_bodies(struct aenc *e, const wchg_message_body_list *l) {
  if (!aenc_items_ok(e, E(MESSAGE_BODY), l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    const wchg_message_body *b = &l->items[i];
    aenc_group_begin(e, E(MESSAGE_BODY), i);
    aenc_need(e, E(CONTENT_TYPE), b->content_type.ptr != NULL);
    aenc_need(e, E(CONTENT_LENGTH), b->content_length.present);
    aenc_str(e, E(CONTENT_TYPE), b->content_type);
    aenc_unsigned(e, E(CONTENT_LENGTH), b->content_length);
    aenc_str(e, E(CONTENT_DISPOSITION), b->content_disposition);
    aenc_group_end(e);
  }
}

static void access_network(struct aenc *e, const wchg_ims_info *ims) {
  const wchg_octets *first = &ims->access_network_information;
  const wchg_octets *second = &ims->additional_access_network_information;
  aenc_octets(e, E(ACCESS_NETWORK_INFORMATION), first->ptr, first->len);
  aenc_octets(e, E(ACCESS_NETWORK_INFORMATION), second->ptr, second->len);
  aenc_octets(e, E(CELLULAR_NETWORK_INFORMATION), ims->cellular_network_information.ptr,
             ims->cellular_network_information.len);
}

static void nni_information(struct aenc *e, const wchg_nni_information *n) {
  if (!n->present)
    return;
  aenc_group_begin(e, E(NNI_INFORMATION), AENC_NO_INDEX);
  aenc_enum(e, E(SESSION_DIRECTION), n->session_direction);
  aenc_enum(e, E(NNI_TYPE), n->nni_type);
  aenc_enum(e, E(RELATIONSHIP_MODE), n->relationship_mode);
  put_address(e, E(NEIGHBOUR_NODE_ADDRESS), &n->neighbour_node_address);
  aenc_group_end(e);
}

/* Related-IMS-Charging-Identifier-Node is an Address: a domain name has
 * no form there and is not sent. */
static void related_icid_node(struct aenc *e, const wchg_node_address *n) {
  const wchg_dict_avp *d = E(RELATED_IMS_CHARGING_IDENTIFIER_NODE);
  if (n->choice == WCHG_NODE_IP_ADDRESS && n->ip_address.choice == WCHG_IP_ABSENT)
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "the node's IP address is absent");
  else if (n->choice == WCHG_NODE_IP_ADDRESS)
    put_address(e, d, &n->ip_address);
  else if (n->choice != WCHG_NODE_ABSENT && n->choice != WCHG_NODE_DOMAIN_NAME)
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "choice %d is not a NodeAddress", (int)n->choice);
}

/* IMS emergency sessions of a WebRTC client are not charged (DESIGN.md,
 * TS 23.228 Annex U): the identities mark the client. */
static void emergency(struct aenc *e, const wchg_ims_info *ims) {
  if (!ims->ims_emergency_indicator)
    return;
  if (wchgi_has_webrtc_identity(ims))
    aenc_fail(e, WCHG_E_EMERGENCY, E(IMS_EMERGENCY_INDICATOR), AENC_NO_INDEX,
         "an IMS emergency session of a WebRTC client is not charged");
  aenc_enum(e, E(IMS_EMERGENCY_INDICATOR), WCHG_INT(1));
}

/* IMS-Information (TS 32.299 §7.2.77), in its ABNF order (facts §2.2). */
static void ims_information(struct aenc *e, const wchg_ims_info *ims,
                            const struct aenc_ims_extra *x) {
  aenc_group_begin(e, E(IMS_INFORMATION), AENC_NO_INDEX);
  event_type(e, ims);
  aenc_enum(e, E(ROLE_OF_NODE), ims->role_of_node);
  aenc_enum(e, E(NODE_FUNCTIONALITY), WCHG_INT(x->node_functionality));
  aenc_str(e, E(USER_SESSION_ID), ims->session_id);
  aenc_enum(e, E(SESSION_PRIORITY), ims->session_priority);
  put_party_list(e, E(CALLING_PARTY_ADDRESS), &ims->list_of_calling_party_address);
  aenc_str(e, E(CALLED_PARTY_ADDRESS), ims->called_party_address.value);
  put_party_list(e, E(CALLED_ASSERTED_IDENTITY), &ims->list_of_called_asserted_identity);
  put_party_list(e, E(REQUESTED_PARTY_ADDRESS), &ims->list_of_requested_party_address);
  put_party_list(e, E(ASSOCIATED_URI), &ims->list_of_associated_uri);
  time_stamps(e, x);
  inter_operator_identifier(e, &ims->inter_operator_identifiers);
  put_str_list(e, E(TRANSIT_IOI_LIST), &ims->transit_ioi_lists);
  put_octets_text(e, E(IMS_CHARGING_IDENTIFIER), ims->ims_charging_identifier);
  sdp(e, &ims->list_of_sdp_media_components);
  put_address(e, E(SERVED_PARTY_IP_ADDRESS), &ims->served_party_ip_address);
  message_bodies(e, &ims->list_of_message_bodies);
  aenc_integer(e, E(CAUSE_CODE), x->cause_code);
  put_str_list(e, E(REASON_HEADER), &ims->list_of_reason_header);
  access_network(e, ims);
  put_octets_text(e, E(IMS_COMMUNICATION_SERVICE_IDENTIFIER),
                  ims->ims_communication_service_identifier);
  nni_information(e, &ims->nni_information);
  put_octets_text(e, E(FROM_ADDRESS), ims->from_address);
  emergency(e, ims);
  put_octets_text(e, E(IMS_VISITED_NETWORK_IDENTIFIER), ims->ims_visited_network_identifier);
  put_octets_text(e, E(RELATED_IMS_CHARGING_IDENTIFIER), ims->related_icid);
  related_icid_node(e, &ims->related_icid_generation_node);
  put_octets_text(e, E(ROUTE_HEADER_RECEIVED), ims->route_header_received);
  put_octets_text(e, E(ROUTE_HEADER_TRANSMITTED), ims->route_header_transmitted);
  put_octets_text(e, E(INSTANCE_ID), ims->instance_id);
  put_joined(e, E(FE_IDENTIFIER_LIST), &ims->fe_identifier_list);
  /* our WebRTC extension (webrtc_ext.h) */
  aenc_str(e, E(WEBRTC_AUTHENTICATION_FUNCTION_NAME), ims->webrtc_authentication_function_name);
  aenc_str(e, E(WEBRTC_WEB_SERVER_FUNCTION_NAME), ims->webrtc_web_server_function_name);
  aenc_group_end(e);
}

/* The start of every request: < Session-Id > { Origin-Host } { Origin-Realm }
 * { Destination-Realm }, all required. */
void aenc_session_top(struct aenc *e, wchg_str session_id, wchg_str origin_host,
                      wchg_str origin_realm, wchg_str destination_realm) {
  aenc_need(e, E(SESSION_ID), session_id.ptr && session_id.len);
  aenc_need(e, E(ORIGIN_HOST), origin_host.ptr && origin_host.len);
  aenc_need(e, E(ORIGIN_REALM), origin_realm.ptr && origin_realm.len);
  aenc_need(e, E(DESTINATION_REALM), destination_realm.ptr && destination_realm.len);
  aenc_str(e, E(SESSION_ID), session_id);
  aenc_octets(e, E(ORIGIN_HOST), origin_host.ptr, origin_host.len);
  aenc_octets(e, E(ORIGIN_REALM), origin_realm.ptr, origin_realm.len);
  aenc_octets(e, E(DESTINATION_REALM), destination_realm.ptr, destination_realm.len);
}

/* ---- Service-Information and the message ------------------------------------ */

void aenc_service_information(struct aenc *e, const wchg_ims_info *ims,
                              const struct aenc_ims_extra *x, bool with_subscription_ids) {
  aenc_group_begin(e, E(SERVICE_INFORMATION), AENC_NO_INDEX);
  if (with_subscription_ids)
    aenc_subscription_ids(e, &ims->list_of_subscription_id);
  ims_information(e, ims, x);
  aenc_group_end(e);
}

/* The message the encoder writes first into a scratch on the stack: the
 * caller's |buf| is untouched on an error (acr.h), and one walk both
 * checks and writes. A larger message is written into |buf| by a second
 * walk once the first found the model good. */
#define AENC_SCRATCH 4096

/* What one walk needs besides the model: the message header. */
struct aenc_head {
  uint8_t flags;
  uint32_t code, app, hbh, e2e;
};

/* One walk of |model| into |buf| (|cap|): checked and written; the first
 * problem (*len 0), or the writer's result. */
static wchg_status walk_into(struct aenc *e, aenc_walk_fn walk, const void *model,
                             const struct aenc_head *h, uint8_t *buf, size_t cap,
                             size_t *len) {
  e->error = WCHG_OK;
  e->depth = 0;
  wchg_dw_init(&e->w, buf, cap, e->diag);
  wchg_dw_header(&e->w, h->flags, h->code, h->app, h->hbh, h->e2e);
  walk(e, model);
  if (e->error) {
    *len = 0;
    return e->error;
  }
  wchg_status rc = wchg_dw_finish(&e->w, len);
  if (rc != WCHG_OK && rc != WCHG_E_BUFFER)
    *len = 0; /* cannot happen once checked: no length is claimed */
  return rc;
}

wchg_status aenc_message(const char *root, const char *what, aenc_walk_fn walk,
                         const void *model, uint8_t flags, uint32_t code, uint32_t app,
                         uint32_t hbh, uint32_t e2e, uint8_t *buf, size_t cap, size_t *len,
                         wchg_diag *diag) {
  const struct aenc_head h = {flags, code, app, hbh, e2e};
  uint8_t tmp[AENC_SCRATCH];
  struct aenc e;
  size_t n = 0;
  wchg_status rc;
  wchgi_diag_clear(diag);
  if (len)
    *len = 0;
  if (!model || !len) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s is NULL", model ? "len" : what);
    return WCHG_E_ARG;
  }
  e.diag = diag;
  e.root = root;
  rc = walk_into(&e, walk, model, &h, tmp, sizeof tmp, &n);
  if (e.error)
    return rc;
  if (rc == WCHG_OK && buf && n <= cap) {
    memcpy(buf, tmp, n);
    *len = n;
    return WCHG_OK;
  }
  wchgi_diag_clear(diag); /* the scratch's WCHG_E_BUFFER; NULL |buf|: a size asked */
  return walk_into(&e, walk, model, &h, buf, cap, len);
}
