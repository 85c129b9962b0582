/*
 * ims_avps.c: Service-Information/IMS-Information, the part of the ACR
 * (rf/acr_enc.c) and of the CCR (ro/ccr_enc.c) that carries the neutral
 * model (ims_avps.h), written with the two-pass AVP encoder of
 * diameter/avp_build.h.
 *
 * Flags come from the dictionary entries, so 657/658 go with M clear and
 * Session-Priority with M clear (TS 29.229).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/webrtc_ext.h"
#include "charging/ims_avps.h"
#include "base/text_conv.h"


/* FE-Identifier-List is one AVP whose text is the entries joined by ',':
 * they are joined on the stack, up to this many octets. */
#define FE_LIST_MAX WCHG_ACR_FE_IDENTIFIER_LIST_MAX

/* Milliseconds as whole seconds and the milliseconds past them (0..999),
 * rounding down also before 1970. */
static int64_t seconds_of(int64_t ms) { return ms / 1000 - (ms % 1000 < 0); }
static int64_t fraction_of(int64_t ms) { return ms - seconds_of(ms) * 1000; }

void aenc_time_ms(struct aenc *e, const wchg_dict_avp *d, wchg_time_ms t) {
  if (t.present)
    aenc_time(e, d, seconds_of(t.unix_ms));
}

/* Model octets that the AVP carries as UTF8String (TS 32.299 types them
 * so; the CDR keeps OCTET STRING). */
static void put_octets_text(struct aenc *e, const wchg_dict_avp *d, wchg_octets o) {
  aenc_text(e, d, (const char *)o.ptr, o.len, AENC_NO_INDEX);
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
    aenc_address(e, d, family, addr);
  } else if (a->choice == WCHG_IP_TEXT_V4 || a->choice == WCHG_IP_TEXT_V6) {
    int n = a->text.ptr ? (int)(a->text.len < 64 ? a->text.len : 64) : 0;
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "\"%.*s\" is not an IPv%c address", n,
         a->text.ptr ? a->text.ptr : "", a->choice == WCHG_IP_TEXT_V4 ? '4' : '6');
  } else {
    aenc_fail(e, WCHG_E_RANGE, d, AENC_NO_INDEX, "choice %d is not an IPAddress alternative (1..5)",
         (int)a->choice);
  }
}

/* ---- lists ------------------------------------------------------------------ */

/* One AVP per party: its URI text (the choice is the CDR's business). */
static void put_party_list(struct aenc *e, const wchg_dict_avp *d,
                           const wchg_involved_party_list *l) {
  if (!aenc_items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    wchg_str v = l->items[i].value;
    if (!v.ptr)
      aenc_fail(e, WCHG_E_MISSING, d, i, "the party has no text");
    aenc_text(e, d, v.ptr, v.len, i);
  }
}

/* FE-Identifier-List (TS 32.299): one AVP, the entries joined
 * by ','. The check pass checks each entry and the joined size, so that
 * the write pass joins them on the stack. */
static void put_joined(struct aenc *e, const wchg_dict_avp *d, const wchg_str_list *l) {
  char text[FE_LIST_MAX];
  size_t n = 0;
  if (!l->count || !aenc_items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    const wchg_str *s = &l->items[i];
    if (!e->writing) {
      if (!s->ptr)
        aenc_fail(e, WCHG_E_MISSING, d, i, "the entry has no text");
      aenc_text(e, d, s->ptr, s->len, i);
      n += (i > 0) + s->len;
      continue;
    }
    if (i > 0)
      text[n++] = ',';
    if (s->len)
      memcpy(text + n, s->ptr, s->len);
    n += s->len;
  }
  if (e->writing)
    aenc_text(e, d, text, n, AENC_NO_INDEX);
  else if (n > FE_LIST_MAX)
    aenc_fail(e, WCHG_E_LIMIT, d, AENC_NO_INDEX, "the joined list has %zu octets, more than %d", n,
         FE_LIST_MAX);
}

/* ---- Service-Information -------------------------------------------------- */

/* Subscription-Id (RFC 4006 §8.46): both children required. */
static void subscription_id(struct aenc *e, const void *item) {
  const wchg_subscription_id *s = item;
  aenc_need(e, E(SUBSCRIPTION_ID_TYPE), s->subscription_id_type.present);
  aenc_need(e, E(SUBSCRIPTION_ID_DATA), s->subscription_id_data.ptr != NULL);
  aenc_enum(e, E(SUBSCRIPTION_ID_TYPE), s->subscription_id_type);
  aenc_str(e, E(SUBSCRIPTION_ID_DATA), s->subscription_id_data);
}

void aenc_subscription_ids(struct aenc *e, const wchg_subscription_id_list *l) {
  aenc_groups(e, E(SUBSCRIPTION_ID), l->items, l->count, sizeof *l->items, subscription_id);
}

static void event_type(struct aenc *e, const wchg_ims_info *ims) {
  if (!aenc_group_if(e, ims->sip_method.ptr || ims->event.ptr || ims->expires_information.present,
                     E(EVENT_TYPE)))
    return;
  aenc_str(e, E(SIP_METHOD), ims->sip_method);
  aenc_str(e, E(EVENT), ims->event);
  aenc_unsigned(e, E(EXPIRES), ims->expires_information);
  aenc_group_end(e);
}

/* Time-Stamps: seconds, then the milliseconds (the dictionary's order). */
static void time_stamps(struct aenc *e, const struct aenc_ims_extra *x) {
  wchg_time_ms req = x->sip_request_timestamp, rsp = x->sip_response_timestamp;
  if (!aenc_group_if(e, req.present || rsp.present, E(TIME_STAMPS)))
    return;
  if (req.present)
    aenc_time(e, E(SIP_REQUEST_TIMESTAMP), seconds_of(req.unix_ms));
  if (rsp.present)
    aenc_time(e, E(SIP_RESPONSE_TIMESTAMP), seconds_of(rsp.unix_ms));
  if (req.present)
    aenc_unsigned(e, E(SIP_REQUEST_TIMESTAMP_FRACTION), WCHG_INT(fraction_of(req.unix_ms)));
  if (rsp.present)
    aenc_unsigned(e, E(SIP_RESPONSE_TIMESTAMP_FRACTION), WCHG_INT(fraction_of(rsp.unix_ms)));
  aenc_group_end(e);
}

static void inter_operator_identifier(struct aenc *e, const wchg_inter_operator_identifiers *ioi) {
  if (!aenc_group_if(e, ioi->present, E(INTER_OPERATOR_IDENTIFIER)))
    return;
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
  aenc_str_list(e, E(SDP_MEDIA_DESCRIPTION), &c->sdp_media_descriptions);
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
  aenc_str_list(e, E(SDP_SESSION_DESCRIPTION), &m->sdp_session_description);
  if (!aenc_items_ok(e, E(SDP_MEDIA_COMPONENT), m->sdp_media_components.items,
                m->sdp_media_components.count))
    return;
  for (size_t i = 0; i < m->sdp_media_components.count; i++)
    media_component(e, m, &m->sdp_media_components.items[i], i);
}

/* Message-Body (TS 32.299): Content-Type and Content-Length
 * required; the CDR's originator party has no AVP form. */
static void message_body(struct aenc *e, const void *item) {
  const wchg_message_body *b = item;
  aenc_need(e, E(CONTENT_TYPE), b->content_type.ptr != NULL);
  aenc_need(e, E(CONTENT_LENGTH), b->content_length.present);
  aenc_str(e, E(CONTENT_TYPE), b->content_type);
  aenc_unsigned(e, E(CONTENT_LENGTH), b->content_length);
  aenc_str(e, E(CONTENT_DISPOSITION), b->content_disposition);
}

static void message_bodies(struct aenc *e, const wchg_message_body_list *l) {
  aenc_groups(e, E(MESSAGE_BODY), l->items, l->count, sizeof *l->items, message_body);
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
  if (!aenc_group_if(e, n->present, E(NNI_INFORMATION)))
    return;
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

/* IMS emergency sessions of a WebRTC client are not charged (TS 23.228
 * Annex U): the identities mark the client. */
static void emergency(struct aenc *e, const wchg_ims_info *ims) {
  if (!ims->ims_emergency_indicator)
    return;
  if (wchgi_has_webrtc_identity(ims))
    aenc_fail(e, WCHG_E_EMERGENCY, E(IMS_EMERGENCY_INDICATOR), AENC_NO_INDEX,
         "an IMS emergency session of a WebRTC client is not charged");
  aenc_enum(e, E(IMS_EMERGENCY_INDICATOR), WCHG_INT(1));
}

/* IMS-Information (TS 32.299 §7.2.77), in its ABNF order. */
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
  aenc_str_list(e, E(TRANSIT_IOI_LIST), &ims->transit_ioi_lists);
  put_octets_text(e, E(IMS_CHARGING_IDENTIFIER), ims->ims_charging_identifier);
  sdp(e, &ims->list_of_sdp_media_components);
  put_address(e, E(SERVED_PARTY_IP_ADDRESS), &ims->served_party_ip_address);
  message_bodies(e, &ims->list_of_message_bodies);
  aenc_integer(e, E(CAUSE_CODE), x->cause_code);
  aenc_str_list(e, E(REASON_HEADER), &ims->list_of_reason_header);
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

/* ---- Service-Information ------------------------------------------------------- */

void aenc_service_information(struct aenc *e, const wchg_ims_info *ims,
                              const struct aenc_ims_extra *x, bool with_subscription_ids) {
  aenc_group_begin(e, E(SERVICE_INFORMATION), AENC_NO_INDEX);
  if (with_subscription_ids)
    aenc_subscription_ids(e, &ims->list_of_subscription_id);
  ims_information(e, ims, x);
  aenc_group_end(e);
}
