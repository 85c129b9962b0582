/*
 * rf.c: the Rf view of the model: a wchg_acr as one Accounting-Request
 * (TS 32.299 §6.2.2, RFC 6733 §9.7.1), acr.h.
 *
 * One walk of the model, in the ABNF order of the ACR and of each Grouped
 * AVP, serves two passes. The check pass validates every field and writes
 * nothing: the first problem wins, and its AVP path is built only then,
 * from the names of the open groups. The write pass makes the same calls
 * on the Diameter writer (diameter.h) with each AVP's dictionary entry,
 * &wchg_dict_table[I_<ID>] (dict_table.h): fixed at compile time, no
 * search, no state. Flags come from the entries, so 657/658 go with M
 * clear and Session-Priority with M clear (TS 29.229).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/acr.h>
#include <webrtc_chg/diameter.h>

#include "dict_table.h"
#include "internal.h"
#include "text_conv.h"

#if defined(__GNUC__)
#define COLD __attribute__((cold, noinline))
#else
#define COLD
#endif

#define ROOT "ACR"
#define NO_INDEX ((size_t)-1)
/* Service-Information / IMS-Information / a group inside it */
#define MAX_OPEN 4
/* FE-Identifier-List is one AVP whose text is the entries joined by ',':
 * they are joined on the stack, up to this many octets. */
#define FE_LIST_MAX 2048

/* The dictionary entry of an AVP by its identifier in dict_table.h. */
#define E(id) (&wchg_dict_table[I_##id])

struct enc {
  wchg_dwriter w;
  bool writing;        /* false: the check pass */
  wchg_status error;   /* check pass: the first problem */
  wchg_diag *diag;
  int depth;           /* open groups, for the path */
  struct {
    const wchg_dict_avp *d;
    size_t index;
  } open[MAX_OPEN];
};

/* ---- problems: the path is built here only ------------------------------ */

static void fail(struct enc *e, wchg_status code, const wchg_dict_avp *d, size_t index,
                 const char *fmt, ...) WCHG_PRINTF(5, 6);

/* "ACR/<open groups>/<d's name>[index]": |d| NULL names the open group. */
static COLD void fail(struct enc *e, wchg_status code, const wchg_dict_avp *d, size_t index,
                      const char *fmt, ...) {
  char msg[sizeof e->diag->message];
  struct wpath p;
  va_list ap;
  if (e->error)
    return;
  e->error = code;
  if (!e->diag)
    return;
  wpath_init(&p, ROOT);
  for (int i = 0; i < e->depth; i++) {
    wpath_push(&p, e->open[i].d->name);
    if (e->open[i].index != NO_INDEX)
      wpath_index(&p, e->open[i].index);
  }
  if (d) {
    wpath_push(&p, d->name);
    if (index != NO_INDEX)
      wpath_index(&p, index);
  }
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  wchg_diag_clear(e->diag);
  wchg_diag_set(e->diag, code, WCHG_NO_OFFSET, &p, "%s", msg);
}

/* ---- one AVP of each kind: checked, or written ---------------------------- */

static void group_begin(struct enc *e, const wchg_dict_avp *d, size_t index) {
  if (e->depth < MAX_OPEN) {
    e->open[e->depth].d = d;
    e->open[e->depth].index = index;
  }
  e->depth++;
  if (e->writing)
    wchg_dw_group_begin_d(&e->w, d);
}

static void group_end(struct enc *e) {
  e->depth--;
  if (e->writing)
    wchg_dw_group_end(&e->w);
}

/* UTF8String; |s| NULL: absent. */
static void put_text(struct enc *e, const wchg_dict_avp *d, const char *s, size_t n,
                     size_t index) {
  size_t bad;
  if (!s)
    return;
  if (e->writing)
    wchg_dw_utf8_d(&e->w, d, s, n);
  else if (!wchg_utf8_valid(s, n, &bad))
    fail(e, WCHG_E_UTF8, d, index, "the text is not valid UTF-8 (octet %zu)", bad);
}

static void put_str(struct enc *e, const wchg_dict_avp *d, wchg_str s) {
  put_text(e, d, s.ptr, s.len, NO_INDEX);
}

/* Model octets that the AVP carries as UTF8String (TS 32.299 types them
 * so; the CDR keeps OCTET STRING). */
static void put_octets_text(struct enc *e, const wchg_dict_avp *d, wchg_octets o) {
  put_text(e, d, (const char *)o.ptr, o.len, NO_INDEX);
}

/* OctetString and DiameterIdentity: any octets. */
static void put_octets(struct enc *e, const wchg_dict_avp *d, const void *p, size_t n) {
  if (p && e->writing)
    wchg_dw_octets_d(&e->w, d, p, n);
}

static void put_unsigned(struct enc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (e->writing)
    wchg_dw_u32_d(&e->w, d, (uint32_t)v.value);
  else if (v.value < 0 || v.value > UINT32_MAX)
    fail(e, WCHG_E_RANGE, d, NO_INDEX, "%" PRId64 " is outside Unsigned32 (0..4294967295)",
         v.value);
}

static void put_integer(struct enc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (e->writing)
    wchg_dw_i32_d(&e->w, d, (int32_t)v.value);
  else if (v.value < INT32_MIN || v.value > INT32_MAX)
    fail(e, WCHG_E_RANGE, d, NO_INDEX, "%" PRId64 " is outside Integer32", v.value);
}

/* Enumerated: only the values the dictionary names (the reader rejects
 * the others with 5004). */
static void put_enum(struct enc *e, const wchg_dict_avp *d, wchg_opt_int v) {
  if (!v.present)
    return;
  if (e->writing) {
    wchg_dw_i32_d(&e->w, d, (int32_t)v.value);
    return;
  }
  if (v.value >= INT32_MIN && v.value <= INT32_MAX &&
      wchg_dict_enum_name(d, (int32_t)v.value))
    return;
  int32_t lo = d->enums[0].value, hi = lo;
  for (size_t i = 1; i < d->n_enums; i++) {
    lo = d->enums[i].value < lo ? d->enums[i].value : lo;
    hi = d->enums[i].value > hi ? d->enums[i].value : hi;
  }
  fail(e, WCHG_E_RANGE, d, NO_INDEX, "%" PRId64 " is not a value of %s (%" PRId32 "..%" PRId32 ")",
       v.value, d->name, lo, hi);
}

/* Time: whole Unix seconds, NTP on the wire (RFC 5905 eras). */
static void put_time(struct enc *e, const wchg_dict_avp *d, int64_t unix_seconds) {
  uint32_t ntp;
  if (e->writing)
    wchg_dw_time_d(&e->w, d, unix_seconds);
  else if (wchg_ntp_from_unix(unix_seconds, &ntp) != WCHG_OK)
    fail(e, WCHG_E_RANGE, d, NO_INDEX,
         "Unix time %" PRId64 " is outside 1968-01-20..2104-02-26, the range of Time",
         unix_seconds);
}

/* Milliseconds as whole seconds and the milliseconds past them (0..999),
 * rounding down also before 1970. */
static int64_t seconds_of(int64_t ms) { return ms / 1000 - (ms % 1000 < 0); }
static int64_t fraction_of(int64_t ms) { return ms - seconds_of(ms) * 1000; }

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
    return a->text.ptr && wchg_ip_from_text(a->text.ptr, a->text.len, out, 4);
  case WCHG_IP_TEXT_V6:
    *family = 2;
    return a->text.ptr && wchg_ip_from_text(a->text.ptr, a->text.len, out, 16);
  default:
    return false;
  }
}

/* Address; WCHG_IP_ABSENT: absent. */
static void put_address(struct enc *e, const wchg_dict_avp *d, const wchg_ip_address *a) {
  uint8_t addr[16];
  int family = 0;
  if (a->choice == WCHG_IP_ABSENT)
    return;
  if (address_of(a, &family, addr)) {
    if (e->writing)
      wchg_dw_address_d(&e->w, d, family, addr);
  } else if (a->choice == WCHG_IP_TEXT_V4 || a->choice == WCHG_IP_TEXT_V6) {
    int n = a->text.ptr ? (int)(a->text.len < 64 ? a->text.len : 64) : 0;
    fail(e, WCHG_E_RANGE, d, NO_INDEX, "\"%.*s\" is not an IPv%c address", n,
         a->text.ptr ? a->text.ptr : "", a->choice == WCHG_IP_TEXT_V4 ? '4' : '6');
  } else {
    fail(e, WCHG_E_RANGE, d, NO_INDEX, "choice %d is not an IPAddress alternative (1..5)",
         (int)a->choice);
  }
}

/* A required AVP: WCHG_E_MISSING unless |present|. */
static void need(struct enc *e, const wchg_dict_avp *d, bool present) {
  if (!present)
    fail(e, WCHG_E_MISSING, d, NO_INDEX, "%s is required", d->name);
}

/* ---- lists ------------------------------------------------------------------ */

/* A model list with entries but no items is refused (as validate.c does). */
static bool items_ok(struct enc *e, const wchg_dict_avp *d, const void *items, size_t count) {
  if (items || !count)
    return true;
  fail(e, WCHG_E_MISSING, d, NO_INDEX, "the list has count %zu but no items", count);
  return false;
}

/* One AVP per text. */
static void put_str_list(struct enc *e, const wchg_dict_avp *d, const wchg_str_list *l) {
  if (!items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++)
    put_text(e, d, l->items[i].ptr, l->items[i].len, i);
}

/* One AVP per party: its URI text (the choice is the CDR's business). */
static void put_party_list(struct enc *e, const wchg_dict_avp *d,
                           const wchg_involved_party_list *l) {
  if (!items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    wchg_str v = l->items[i].value;
    if (!v.ptr)
      fail(e, WCHG_E_MISSING, d, i, "the party has no text");
    put_text(e, d, v.ptr, v.len, i);
  }
}

/* FE-Identifier-List (TS 32.299): one AVP, the entries joined
 * by ','. The check pass checks each entry and the joined size, so that
 * the write pass joins them on the stack. */
static void put_joined(struct enc *e, const wchg_dict_avp *d, const wchg_str_list *l) {
  char text[FE_LIST_MAX];
  size_t n = 0;
  if (!l->count || !items_ok(e, d, l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    const wchg_str *s = &l->items[i];
    if (!e->writing) {
      if (!s->ptr)
        fail(e, WCHG_E_MISSING, d, i, "the entry has no text");
      put_text(e, d, s->ptr, s->len, i);
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
    wchg_dw_utf8_d(&e->w, d, text, n);
  else if (n > FE_LIST_MAX)
    fail(e, WCHG_E_LIMIT, d, NO_INDEX, "the joined list has %zu octets, more than %d", n,
         FE_LIST_MAX);
}

/* ---- Service-Information -------------------------------------------------- */

/* Subscription-Id (RFC 4006 §8.46): both children required. */
static void subscription_ids(struct enc *e, const wchg_subscription_id_list *l) {
  if (!items_ok(e, E(SUBSCRIPTION_ID), l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    const wchg_subscription_id *s = &l->items[i];
    group_begin(e, E(SUBSCRIPTION_ID), i);
    need(e, E(SUBSCRIPTION_ID_TYPE), s->subscription_id_type.present);
    need(e, E(SUBSCRIPTION_ID_DATA), s->subscription_id_data.ptr != NULL);
    put_enum(e, E(SUBSCRIPTION_ID_TYPE), s->subscription_id_type);
    put_str(e, E(SUBSCRIPTION_ID_DATA), s->subscription_id_data);
    group_end(e);
  }
}

static void event_type(struct enc *e, const wchg_ims_info *ims) {
  if (!ims->sip_method.ptr && !ims->event.ptr && !ims->expires_information.present)
    return;
  group_begin(e, E(EVENT_TYPE), NO_INDEX);
  put_str(e, E(SIP_METHOD), ims->sip_method);
  put_str(e, E(EVENT), ims->event);
  put_unsigned(e, E(EXPIRES), ims->expires_information);
  group_end(e);
}

/* Time-Stamps: seconds, then the milliseconds (the dictionary's order). */
static void time_stamps(struct enc *e, const wchg_acr *a) {
  wchg_time_ms req = a->sip_request_timestamp, rsp = a->sip_response_timestamp;
  if (!req.present && !rsp.present)
    return;
  group_begin(e, E(TIME_STAMPS), NO_INDEX);
  if (req.present)
    put_time(e, E(SIP_REQUEST_TIMESTAMP), seconds_of(req.unix_ms));
  if (rsp.present)
    put_time(e, E(SIP_RESPONSE_TIMESTAMP), seconds_of(rsp.unix_ms));
  if (req.present)
    put_unsigned(e, E(SIP_REQUEST_TIMESTAMP_FRACTION), WCHG_INT(fraction_of(req.unix_ms)));
  if (rsp.present)
    put_unsigned(e, E(SIP_RESPONSE_TIMESTAMP_FRACTION), WCHG_INT(fraction_of(rsp.unix_ms)));
  group_end(e);
}

static void inter_operator_identifier(struct enc *e, const wchg_inter_operator_identifiers *ioi) {
  if (!ioi->present)
    return;
  group_begin(e, E(INTER_OPERATOR_IDENTIFIER), NO_INDEX);
  put_str(e, E(ORIGINATING_IOI), ioi->originating_ioi);
  put_str(e, E(TERMINATING_IOI), ioi->terminating_ioi);
  group_end(e);
}

/* One SDP-Media-Component; the list entry |m| adds what the AVP carries
 * per component (Media-Initiator-*, SDP-Type). */
static void media_component(struct enc *e, const wchg_media_components_list *m,
                            const wchg_sdp_media_component *c, size_t index) {
  group_begin(e, E(SDP_MEDIA_COMPONENT), index);
  put_str(e, E(SDP_MEDIA_NAME), c->sdp_media_name);
  put_str_list(e, E(SDP_MEDIA_DESCRIPTION), &c->sdp_media_descriptions);
  put_enum(e, E(LOCAL_GW_INSERTED_INDICATION), c->local_gw_inserted_indication);
  put_enum(e, E(IP_REALM_DEFAULT_INDICATION), c->ip_realm_default_indication);
  put_enum(e, E(TRANSCODER_INSERTED_INDICATION), c->transcoder_inserted_indication);
  /* 1 calling party, 0 called party (the default) */
  put_enum(e, E(MEDIA_INITIATOR_FLAG), WCHG_INT(m->media_initiator_flag ? 1 : 0));
  put_str(e, E(MEDIA_INITIATOR_PARTY), m->media_initiator_party.value);
  put_unsigned(e, E(TGPP_CHARGING_ID), c->gprs_charging_id);
  put_octets(e, E(ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE),
             c->access_network_charging_identifier.ptr,
             c->access_network_charging_identifier.len);
  put_enum(e, E(SDP_TYPE), m->sdp_type);
  group_end(e);
}

/* The media of this one SIP transaction: at most one list entry. */
static void sdp(struct enc *e, const wchg_media_components_list_list *l) {
  if (l->count > 1) {
    fail(e, WCHG_E_LIMIT, E(SDP_MEDIA_COMPONENT), NO_INDEX,
         "list_of_sdp_media_components has %zu entries; an ACR carries one", l->count);
    return;
  }
  if (!l->count || !items_ok(e, E(SDP_MEDIA_COMPONENT), l->items, l->count))
    return;
  const wchg_media_components_list *m = &l->items[0];
  put_str_list(e, E(SDP_SESSION_DESCRIPTION), &m->sdp_session_description);
  if (!items_ok(e, E(SDP_MEDIA_COMPONENT), m->sdp_media_components.items,
                m->sdp_media_components.count))
    return;
  for (size_t i = 0; i < m->sdp_media_components.count; i++)
    media_component(e, m, &m->sdp_media_components.items[i], i);
}

/* Message-Body (TS 32.299): Content-Type and Content-Length
 * required; the CDR's originator party has no AVP form. */
static void message_bodies(struct enc *e, const wchg_message_body_list *l) {
  if (!items_ok(e, E(MESSAGE_BODY), l->items, l->count))
    return;
  for (size_t i = 0; i < l->count; i++) {
    const wchg_message_body *b = &l->items[i];
    group_begin(e, E(MESSAGE_BODY), i);
    need(e, E(CONTENT_TYPE), b->content_type.ptr != NULL);
    need(e, E(CONTENT_LENGTH), b->content_length.present);
    put_str(e, E(CONTENT_TYPE), b->content_type);
    put_unsigned(e, E(CONTENT_LENGTH), b->content_length);
    put_str(e, E(CONTENT_DISPOSITION), b->content_disposition);
    group_end(e);
  }
}

static void access_network(struct enc *e, const wchg_ims_info *ims) {
  const wchg_octets *first = &ims->access_network_information;
  const wchg_octets *second = &ims->additional_access_network_information;
  put_octets(e, E(ACCESS_NETWORK_INFORMATION), first->ptr, first->len);
  put_octets(e, E(ACCESS_NETWORK_INFORMATION), second->ptr, second->len);
  put_octets(e, E(CELLULAR_NETWORK_INFORMATION), ims->cellular_network_information.ptr,
             ims->cellular_network_information.len);
}

static void nni_information(struct enc *e, const wchg_nni_information *n) {
  if (!n->present)
    return;
  group_begin(e, E(NNI_INFORMATION), NO_INDEX);
  put_enum(e, E(SESSION_DIRECTION), n->session_direction);
  put_enum(e, E(NNI_TYPE), n->nni_type);
  put_enum(e, E(RELATIONSHIP_MODE), n->relationship_mode);
  put_address(e, E(NEIGHBOUR_NODE_ADDRESS), &n->neighbour_node_address);
  group_end(e);
}

/* Related-IMS-Charging-Identifier-Node is an Address: a domain name has
 * no form there and is not sent. */
static void related_icid_node(struct enc *e, const wchg_node_address *n) {
  const wchg_dict_avp *d = E(RELATED_IMS_CHARGING_IDENTIFIER_NODE);
  if (n->choice == WCHG_NODE_IP_ADDRESS && n->ip_address.choice == WCHG_IP_ABSENT)
    fail(e, WCHG_E_RANGE, d, NO_INDEX, "the node's IP address is absent");
  else if (n->choice == WCHG_NODE_IP_ADDRESS)
    put_address(e, d, &n->ip_address);
  else if (n->choice != WCHG_NODE_ABSENT && n->choice != WCHG_NODE_DOMAIN_NAME)
    fail(e, WCHG_E_RANGE, d, NO_INDEX, "choice %d is not a NodeAddress", (int)n->choice);
}

/* IMS emergency sessions of a WebRTC client are not charged (DESIGN.md,
 * TS 23.228 Annex U): the identities mark the client. */
static void emergency(struct enc *e, const wchg_ims_info *ims) {
  if (!ims->ims_emergency_indicator)
    return;
  if (ims->webrtc_authentication_function_name.ptr || ims->webrtc_web_server_function_name.ptr)
    fail(e, WCHG_E_EMERGENCY, E(IMS_EMERGENCY_INDICATOR), NO_INDEX,
         "an IMS emergency session of a WebRTC client is not charged");
  put_enum(e, E(IMS_EMERGENCY_INDICATOR), WCHG_INT(1));
}

/* IMS-Information (TS 32.299 §7.2.77), in its ABNF order (facts §2.2). */
static void ims_information(struct enc *e, const wchg_acr *a) {
  const wchg_ims_info *ims = &a->ims;
  group_begin(e, E(IMS_INFORMATION), NO_INDEX);
  event_type(e, ims);
  put_enum(e, E(ROLE_OF_NODE), ims->role_of_node);
  put_enum(e, E(NODE_FUNCTIONALITY), WCHG_INT(a->node_functionality));
  put_str(e, E(USER_SESSION_ID), ims->session_id);
  put_enum(e, E(SESSION_PRIORITY), ims->session_priority);
  put_party_list(e, E(CALLING_PARTY_ADDRESS), &ims->list_of_calling_party_address);
  put_str(e, E(CALLED_PARTY_ADDRESS), ims->called_party_address.value);
  put_party_list(e, E(CALLED_ASSERTED_IDENTITY), &ims->list_of_called_asserted_identity);
  put_party_list(e, E(REQUESTED_PARTY_ADDRESS), &ims->list_of_requested_party_address);
  put_party_list(e, E(ASSOCIATED_URI), &ims->list_of_associated_uri);
  time_stamps(e, a);
  inter_operator_identifier(e, &ims->inter_operator_identifiers);
  put_str_list(e, E(TRANSIT_IOI_LIST), &ims->transit_ioi_lists);
  put_octets_text(e, E(IMS_CHARGING_IDENTIFIER), ims->ims_charging_identifier);
  sdp(e, &ims->list_of_sdp_media_components);
  put_address(e, E(SERVED_PARTY_IP_ADDRESS), &ims->served_party_ip_address);
  message_bodies(e, &ims->list_of_message_bodies);
  put_integer(e, E(CAUSE_CODE), a->cause_code);
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
  put_str(e, E(WEBRTC_AUTHENTICATION_FUNCTION_NAME), ims->webrtc_authentication_function_name);
  put_str(e, E(WEBRTC_WEB_SERVER_FUNCTION_NAME), ims->webrtc_web_server_function_name);
  group_end(e);
}

/* ---- the message ------------------------------------------------------------- */

/* The AVPs of the ACR (TS 32.299 §6.2.2) in ABNF order. */
static void acr_avps(struct enc *e, const wchg_acr *a) {
  need(e, E(SESSION_ID), a->session_id.ptr && a->session_id.len);
  need(e, E(ORIGIN_HOST), a->origin_host.ptr && a->origin_host.len);
  need(e, E(ORIGIN_REALM), a->origin_realm.ptr && a->origin_realm.len);
  need(e, E(DESTINATION_REALM), a->destination_realm.ptr && a->destination_realm.len);
  put_str(e, E(SESSION_ID), a->session_id);
  put_octets(e, E(ORIGIN_HOST), a->origin_host.ptr, a->origin_host.len);
  put_octets(e, E(ORIGIN_REALM), a->origin_realm.ptr, a->origin_realm.len);
  put_octets(e, E(DESTINATION_REALM), a->destination_realm.ptr, a->destination_realm.len);
  put_enum(e, E(ACCOUNTING_RECORD_TYPE), WCHG_INT(a->accounting_record_type));
  put_unsigned(e, E(ACCOUNTING_RECORD_NUMBER), WCHG_INT(a->accounting_record_number));
  put_unsigned(e, E(ACCT_APPLICATION_ID), WCHG_INT(WCHG_APP_BASE_ACCOUNTING));
  put_str(e, E(USER_NAME), a->ims.private_user_id);
  put_octets(e, E(DESTINATION_HOST), a->destination_host.ptr, a->destination_host.len);
  put_unsigned(e, E(ACCT_INTERIM_INTERVAL), a->acct_interim_interval);
  put_unsigned(e, E(ORIGIN_STATE_ID), a->origin_state_id);
  if (a->event_timestamp.present)
    put_time(e, E(EVENT_TIMESTAMP), seconds_of(a->event_timestamp.unix_ms));
  put_str(e, E(SERVICE_CONTEXT_ID), a->ims.service_context_id);
  group_begin(e, E(SERVICE_INFORMATION), NO_INDEX);
  subscription_ids(e, &a->ims.list_of_subscription_id);
  ims_information(e, a);
  group_end(e);
}

void wchg_acr_init(wchg_acr *acr) {
  if (!acr)
    return;
  memset(acr, 0, sizeof *acr);
  acr->node_functionality = WCHG_NODE_P_CSCF;
}

wchg_status wchg_acr_encode(const wchg_acr *acr, uint8_t *buf, size_t cap, size_t *len,
                            wchg_diag *diag) {
  struct enc e;
  wchg_diag_clear(diag);
  if (len)
    *len = 0;
  if (!acr || !len) {
    wchg_diag_set(diag, WCHG_E_ARG, WCHG_NO_OFFSET, NULL, "%s is NULL", acr ? "len" : "acr");
    return WCHG_E_ARG;
  }
  e.writing = false;
  e.error = WCHG_OK;
  e.diag = diag;
  e.depth = 0;
  acr_avps(&e, acr);
  if (e.error)
    return e.error;

  e.writing = true;
  wchg_dw_init(&e.w, buf, cap, diag);
  wchg_dw_header(&e.w,
                 WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P | (acr->retransmitted ? WCHG_CMD_FLAG_T : 0),
                 WCHG_CMD_ACCOUNTING, WCHG_APP_BASE_ACCOUNTING, acr->hop_by_hop, acr->end_to_end);
  acr_avps(&e, acr);
  wchg_status rc = wchg_dw_finish(&e.w, len);
  if (rc != WCHG_OK && rc != WCHG_E_BUFFER)
    *len = 0; /* cannot happen once checked: no length is claimed */
  return rc;
}
