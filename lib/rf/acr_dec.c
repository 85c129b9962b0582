/*
 * acr_dec.c: the reverse of wchg_acr_encode (acr_enc.c, ims_avps.c): one ACR (TS 32.299
 * §6.2.2) into the wchg_acr model, for the CDF (acr.h).
 *
 * wchg_dmsg_parse() checks the whole message first (lengths, flags,
 * types, the ABNF); what remains is one walk over the AVPs with a switch
 * on (vendor, code) per level, which therefore trusts every header and
 * fixed-size value it reads. The model and the arrays its lists point
 * into live in the reader, allocated once: a decode allocates nothing.
 * Paths are built only for an error, from the names of the open groups.
 *
 * In the receive policy the reader lets through what it reported as a
 * warning; what the model cannot take of it is left out here: an AVP
 * given more often than its ABNF allows counts once (the first), an
 * Address of another family and a fraction over 999 are absent. The
 * reader's warning names each.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/acr.h>
#include <webrtc_chg/diameter.h>
#include <webrtc_chg/result_code.h>

#include "base/mem.h"
#include "base/webrtc_ext.h"
#include "diameter/dict_table.h"
#include "base/internal.h"


/* Result-Codes (RFC 6733 §7.1) */

#define NO_INDEX ((size_t)-1)
/* Service-Information / IMS-Information / a group inside it */
#define MAX_OPEN 3

/* The dictionary entry of an AVP by its identifier in dict_table.h. */
#define E(id) (&wchgi_dict_table[I_##id])
/* (vendor, code) as one switch key; CASE(ID) names an AVP of dict_table.h. */
#define KEY(vendor, code) ((uint64_t)(vendor) << 32 | (uint32_t)(code))
#define CASE(id) case KEY(V_##id, C_##id)

struct wchg_acr_reader {
  wchg_mem mem;
  wchg_acr acr;
  wchg_involved_party calling[WCHG_ACR_MAX_PARTIES];
  wchg_involved_party asserted[WCHG_ACR_MAX_PARTIES];
  wchg_involved_party requested[WCHG_ACR_MAX_PARTIES];
  wchg_involved_party associated[WCHG_ACR_MAX_PARTIES];
  wchg_subscription_id subscriptions[WCHG_ACR_MAX_SUBSCRIPTION_IDS];
  wchg_str transit[WCHG_ACR_MAX_TRANSIT_IOIS];
  wchg_media_components_list media; /* the one entry of an ACR */
  wchg_str session_lines[WCHG_ACR_MAX_SDP_SESSION_DESCRIPTIONS];
  wchg_sdp_media_component components[WCHG_ACR_MAX_SDP_MEDIA_COMPONENTS];
  wchg_str media_lines[WCHG_ACR_MAX_SDP_MEDIA_DESCRIPTIONS]; /* every component's, in
                                                              order: each takes the next run */
  wchg_message_body bodies[WCHG_ACR_MAX_MESSAGE_BODIES];
  wchg_str reasons[WCHG_ACR_MAX_REASON_HEADERS];
  wchg_str fe_ids[WCHG_ACR_MAX_FE_IDENTIFIERS];
};

/* One AVP of the parsed message: a view. */
struct avp {
  uint32_t code, vendor;
  const uint8_t *hdr, *data;
  size_t len;
};

/* A Grouped AVP open on the way down: its name and index in a list. */
struct open_group {
  const char *name;
  size_t index;
};

struct dec {
  wchg_acr_reader *r;
  const uint8_t *msg;
  wchg_diag *diag;
  bool tolerant; /* the reader warned: AVPs may repeat beyond their ABNF */
  int depth; /* open groups, for the path */
  struct open_group open[MAX_OPEN];
  /* what IMS-Information tells only at its end */
  const uint8_t *emergency_at; /* IMS-Emergency-Indicator 1 */
  bool flag_seen, party_seen;  /* of the media entry, from its components */
  size_t media_lines_used;     /* of r->media_lines, by the components so far */
  size_t n_access_network;
};

/* ---- the parsed message: views trusted after wchg_dmsg_parse ------------ */

static inline uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The AVPs of one level. |rules| is set only when the reader warned (the
 * receive policy): then an AVP its ABNF allows once that comes again is
 * skipped, so that the first one counts, as in wchg_avp_find() and the
 * ACA's echo; |seen| holds the rules met (the first 64). */
struct iter {
  const uint8_t *p, *end;
  const wchg_dict_rule *rules;
  size_t nrules;
  uint64_t seen;
};

static void iter_init(struct iter *it, const uint8_t *p, const uint8_t *end, const struct dec *d,
                      const wchg_dict_rule *rules, size_t nrules) {
  it->p = p;
  it->end = end;
  it->rules = d->tolerant ? rules : NULL;
  it->nrules = nrules < 64 ? nrules : 64;
  it->seen = 0;
}

/* The children of the group |g|, whose entry is |e|. */
static inline void iter_group(struct iter *it, const struct avp *g, const struct dec *d,
                              const wchg_dict_avp *e) {
  iter_init(it, g->data, g->data + g->len, d, e->children, e->n_children);
}

/* Is |a| an AVP of a rule with max 1 met before on this level? */
static bool again(struct iter *it, const struct avp *a) {
  for (size_t i = 0; i < it->nrules; i++) {
    if (it->rules[i].code != a->code || it->rules[i].vendor != a->vendor)
      continue;
    bool was = it->rules[i].max == 1 && (it->seen >> i & 1);
    it->seen |= (uint64_t)1 << i;
    return was;
  }
  return false;
}

/* The next AVP: the reader checked that the AVPs tile each level. */
static inline bool next(struct iter *it, struct avp *a) {
  do {
    if (it->p >= it->end)
      return false;
    const uint8_t *p = it->p;
    uint32_t alen = be32(p + 4) & 0xFFFFFF;
    size_t hl = p[4] & WCHG_AVP_FLAG_V ? 12 : 8;
    a->code = be32(p);
    a->vendor = hl == 12 ? be32(p + 8) : 0;
    a->hdr = p;
    a->data = p + hl;
    a->len = alen - hl;
    it->p = p + (((size_t)alen + 3) & ~(size_t)3);
  } while (it->rules && again(it, a));
  return true;
}

/* Values of the types the dictionary fixed (4 octets, Address 6 or 18). */
static inline wchg_str text(const struct avp *a) { return (wchg_str){(const char *)a->data, a->len}; }
static inline wchg_octets octets(const struct avp *a) { return (wchg_octets){a->data, a->len}; }
static inline uint32_t u32(const struct avp *a) { return be32(a->data); }
static inline int32_t i32(const struct avp *a) { return (int32_t)be32(a->data); }
static inline wchg_opt_int opt_u32(const struct avp *a) { return WCHG_INT(u32(a)); }
static inline wchg_opt_int opt_i32(const struct avp *a) { return WCHG_INT(i32(a)); }
static inline int64_t time_ms(const struct avp *a) { return wchg_unix_from_ntp(u32(a)) * 1000; }
static inline wchg_time_ms stamp(const struct avp *a) { return WCHG_TIME_MS(time_ms(a)); }

/* An Address: IPv4 or IPv6; another family (the receive policy lets it
 * through with a warning) has no IPAddress form and stays absent. */
static wchg_ip_address address(const struct avp *a) {
  wchg_ip_address ip;
  memset(&ip, 0, sizeof ip);
  bool v4 = a->len == 6 && a->data[0] == 0 && a->data[1] == 1;
  if (!v4 && !(a->len == 18 && a->data[0] == 0 && a->data[1] == 2))
    return ip;
  ip.choice = v4 ? WCHG_IP_BIN_V4 : WCHG_IP_BIN_V6;
  memcpy(ip.bin, a->data + 2, v4 ? 4 : 16);
  return ip;
}

/* InvolvedParty by the URI scheme: the CTF's rule (wchgi_party_of_uri),
 * so that CDRs of either side agree. */
static wchg_involved_party party(const struct avp *a) { return wchgi_party_of_uri(text(a)); }

/* ---- problems: the path is built here only ------------------------------ */

static wchg_status fail(struct dec *d, wchg_status code, uint32_t result, const uint8_t *at,
                        const wchg_dict_avp *e, size_t index, const char *fmt, ...)
    WCHG_PRINTF(7, 8);

/* "<open groups>/<e's name>[index]" at the offset of |at|. */
static WCHG_COLD wchg_status fail(struct dec *d, wchg_status code, uint32_t result, const uint8_t *at,
                             const wchg_dict_avp *e, size_t index, const char *fmt, ...) {
  char msg[sizeof d->diag->message];
  struct wpath p;
  va_list ap;
  int n = d->depth < MAX_OPEN ? d->depth : MAX_OPEN;
  const struct open_group leaf = {e ? e->name : NULL, index};
  if (!d->diag)
    return code;
  wpath_init(&p, NULL);
  for (int i = 0; i <= n; i++) {
    const struct open_group *g = i < n ? &d->open[i] : &leaf;
    if (g->name)
      wpath_push(&p, g->name);
    if (g->name && g->index != NO_INDEX)
      wpath_index(&p, g->index);
  }
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  wchgi_diag_set(d->diag, code, result, (size_t)(at - d->msg), &p, "%s", msg);
  return code;
}

/* The |count|-th AVP |a| of a list that holds |cap|. */
static WCHG_COLD wchg_status too_many(struct dec *d, const struct avp *a, const wchg_dict_avp *e,
                                 size_t count, size_t cap) {
  return fail(d, WCHG_E_LIMIT, WCHG_RC_UNABLE_TO_COMPLY, a->hdr, e, count,
              "more than %zu %s AVPs: the model holds %zu", cap, e->name, cap);
}

static WCHG_COLD wchg_status bad_value(struct dec *d, const struct avp *a, const wchg_dict_avp *e,
                                  const char *why) {
  return fail(d, WCHG_E_RANGE, WCHG_RC_INVALID_AVP_VALUE, a->hdr, e, NO_INDEX, "%s", why);
}

/* The model opens three levels at most (Service-Information/IMS-
 * Information/SDP-Media-Component): the bound is never reached here. */
static void open_group(struct dec *d, const wchg_dict_avp *e, size_t index) {
  if (d->depth < MAX_OPEN) { /* LCOV_EXCL_BR_LINE: see above */
    d->open[d->depth].name = e->name;
    d->open[d->depth].index = index;
  }
  d->depth++;
}

/* ---- lists ---------------------------------------------------------------- */

static wchg_status add_str(struct dec *d, wchg_str_list *l, wchg_str *items, size_t cap,
                           const struct avp *a, const wchg_dict_avp *e) {
  if (l->count == cap)
    return too_many(d, a, e, l->count, cap);
  items[l->count++] = text(a);
  l->items = items;
  return WCHG_OK;
}

static wchg_status add_party(struct dec *d, wchg_involved_party_list *l,
                             wchg_involved_party *items, const struct avp *a,
                             const wchg_dict_avp *e) {
  if (l->count == WCHG_ACR_MAX_PARTIES)
    return too_many(d, a, e, l->count, WCHG_ACR_MAX_PARTIES);
  items[l->count++] = party(a);
  l->items = items;
  return WCHG_OK;
}

/* FE-Identifier-List: the encoder joins the entries with ','. */
static wchg_status fe_identifier_list(struct dec *d, const struct avp *a) {
  wchg_str_list *l = &d->r->acr.ims.fe_identifier_list;
  const wchg_dict_avp *e = E(FE_IDENTIFIER_LIST);
  const char *s = (const char *)a->data, *end = s + a->len;
  if (a->len > WCHG_ACR_FE_IDENTIFIER_LIST_MAX)
    return fail(d, WCHG_E_LIMIT, WCHG_RC_UNABLE_TO_COMPLY, a->hdr, e, NO_INDEX,
                "%zu octets: more than %d", a->len, WCHG_ACR_FE_IDENTIFIER_LIST_MAX);
  l->items = d->r->fe_ids;
  for (;;) {
    const char *comma = memchr(s, ',', (size_t)(end - s));
    const char *stop = comma ? comma : end;
    if (l->count == WCHG_ACR_MAX_FE_IDENTIFIERS)
      return too_many(d, a, e, l->count, WCHG_ACR_MAX_FE_IDENTIFIERS);
    d->r->fe_ids[l->count++] = (wchg_str){s, (size_t)(stop - s)};
    if (!comma)
      return WCHG_OK;
    s = comma + 1;
  }
}

/* ---- children the model takes as they come ---------------------------------- */

/* SET(ID, read, field): one case of a switch over a group's children in
 * a function of |to| (the struct the group fills) and |a| (the child):
 * the AVP ID of dict_table.h goes into to->field as read(a) gives it. A
 * run of them is the table of those children. */
#define SET(id, read, field) \
  CASE(id):                  \
    to->field = read(a);     \
    break;

/* A child of a group into the struct |p| when it is one the model takes
 * as it comes: true, or false for any other. */
typedef bool (*child_fn)(void *p, const struct avp *a);

/* CHILDREN(name, type, SET...): the child_fn |name| of a group that
 * fills a |type|, its table the SET entries given. */
#define CHILDREN(name, type, ...)                  \
  static bool name(void *p, const struct avp *a) { \
    type *to = p;                                  \
    switch (KEY(a->vendor, a->code)) {             \
      __VA_ARGS__                                  \
    default:                                       \
      return false;                                \
    }                                              \
    return true;                                   \
  }

/* The children of |g| (entry |e|) into |p|, each by |child|. */
WCHG_INLINE void each_child(struct dec *d, const struct avp *g, const wchg_dict_avp *e, void *p,
                            child_fn child) {
  struct iter it;
  struct avp a;
  iter_group(&it, g, d, e);
  while (next(&it, &a))
    child(p, &a);
}

/* Event-Type (TS 32.299). */
CHILDREN(event_type_child, wchg_ims_info,
         SET(SIP_METHOD, text, sip_method)
         SET(EVENT, text, event)
         SET(EXPIRES, opt_u32, expires_information))

/* Inter-Operator-Identifier (TS 32.299). */
CHILDREN(ioi_child, wchg_inter_operator_identifiers,
         SET(ORIGINATING_IOI, text, originating_ioi)
         SET(TERMINATING_IOI, text, terminating_ioi))

/* NNI-Information (TS 32.299). */
CHILDREN(nni_child, wchg_nni_information,
         SET(SESSION_DIRECTION, opt_i32, session_direction)
         SET(NNI_TYPE, opt_i32, nni_type)
         SET(RELATIONSHIP_MODE, opt_i32, relationship_mode)
         SET(NEIGHBOUR_NODE_ADDRESS, address, neighbour_node_address))

/* Message-Body (TS 32.299); Originator (0/1) has no place: the
 * model's originator is a party. */
CHILDREN(message_body_child, wchg_message_body,
         SET(CONTENT_TYPE, text, content_type)
         SET(CONTENT_LENGTH, opt_u32, content_length)
         SET(CONTENT_DISPOSITION, text, content_disposition))

/* SDP-Media-Component (TS 32.299): the children that are the
 * component's alone (media_shared_child: the others). */
CHILDREN(media_component_child, wchg_sdp_media_component,
         SET(SDP_MEDIA_NAME, text, sdp_media_name)
         SET(LOCAL_GW_INSERTED_INDICATION, opt_i32, local_gw_inserted_indication)
         SET(IP_REALM_DEFAULT_INDICATION, opt_i32, ip_realm_default_indication)
         SET(TRANSCODER_INSERTED_INDICATION, opt_i32, transcoder_inserted_indication)
         SET(TGPP_CHARGING_ID, opt_u32, gprs_charging_id)
         SET(ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE, text, access_network_charging_identifier))

/* Subscription-Id (RFC 4006 §8.46). */
CHILDREN(subscription_id_child, wchg_subscription_id,
         SET(SUBSCRIPTION_ID_TYPE, opt_i32, subscription_id_type)
         SET(SUBSCRIPTION_ID_DATA, text, subscription_id_data))

/* ---- groups of IMS-Information -------------------------------------------- */

/* Time-Stamps: seconds and the milliseconds past them. */
static wchg_status time_stamps(struct dec *d, const struct avp *g) {
  wchg_acr *acr = &d->r->acr;
  struct iter it;
  struct avp a;
  uint32_t frac[2] = {0, 0};
  iter_group(&it, g, d, E(TIME_STAMPS));
  while (next(&it, &a)) {
    switch (KEY(a.vendor, a.code)) {
    CASE(SIP_REQUEST_TIMESTAMP):
      acr->sip_request_timestamp = stamp(&a);
      break;
    CASE(SIP_RESPONSE_TIMESTAMP):
      acr->sip_response_timestamp = stamp(&a);
      break;
    CASE(SIP_REQUEST_TIMESTAMP_FRACTION):
    CASE(SIP_RESPONSE_TIMESTAMP_FRACTION): {
      /* over 999: the reader's 5004 (strict) or warning (receive); the
       * stamp keeps its seconds and no fraction */
      bool rsp = a.code == C_SIP_RESPONSE_TIMESTAMP_FRACTION;
      frac[rsp] = u32(&a) <= 999 ? u32(&a) : 0;
      break;
    }
    default:
      break;
    }
  }
  /* a fraction without its time has nowhere to go */
  if (acr->sip_request_timestamp.present)
    acr->sip_request_timestamp.unix_ms += frac[0];
  if (acr->sip_response_timestamp.present)
    acr->sip_response_timestamp.unix_ms += frac[1];
  return WCHG_OK;
}

static wchg_status inter_operator_identifier(struct dec *d, const struct avp *g) {
  wchg_inter_operator_identifiers *ioi = &d->r->acr.ims.inter_operator_identifiers;
  if (ioi->present)
    return too_many(d, g, E(INTER_OPERATOR_IDENTIFIER), 1, 1);
  ioi->present = true;
  each_child(d, g, E(INTER_OPERATOR_IDENTIFIER), ioi, ioi_child);
  return WCHG_OK;
}

static wchg_status nni_information(struct dec *d, const struct avp *g) {
  wchg_nni_information *n = &d->r->acr.ims.nni_information;
  if (n->present)
    return too_many(d, g, E(NNI_INFORMATION), 1, 1);
  n->present = true;
  each_child(d, g, E(NNI_INFORMATION), n, nni_child);
  return WCHG_OK;
}

static wchg_status event_type(struct dec *d, const struct avp *g) {
  each_child(d, g, E(EVENT_TYPE), &d->r->acr.ims, event_type_child);
  return WCHG_OK;
}

/* The media entry of the ACR, set up by the first SDP AVP. */
static wchg_media_components_list *media_entry(struct dec *d) {
  wchg_acr_reader *r = d->r;
  if (!r->acr.ims.list_of_sdp_media_components.count) {
    memset(&r->media, 0, sizeof r->media);
    r->acr.ims.list_of_sdp_media_components = (wchg_media_components_list_list){&r->media, 1};
  }
  return &r->media;
}

/* What the encoder writes into every component belongs to the entry:
 * the first component that has it sets it, the others must agree. */
static wchg_status media_initiator_flag(struct dec *d, const struct avp *a) {
  wchg_media_components_list *m = &d->r->media;
  int32_t v = i32(a);
  if (v != 0 && v != 1)
    return bad_value(d, a, E(MEDIA_INITIATOR_FLAG),
                     "UNKNOWN (2): the model holds the calling (1) or the called party (0)");
  if (d->flag_seen && m->media_initiator_flag != (v == 1))
    return bad_value(d, a, E(MEDIA_INITIATOR_FLAG),
                     "the components disagree: the model holds one for all");
  d->flag_seen = true;
  m->media_initiator_flag = v == 1;
  return WCHG_OK;
}

static wchg_status media_initiator_party(struct dec *d, const struct avp *a) {
  wchg_str *have = &d->r->media.media_initiator_party.value;
  if (d->party_seen && (have->len != a->len || memcmp(have->ptr, a->data, a->len)))
    return bad_value(d, a, E(MEDIA_INITIATOR_PARTY),
                     "the components disagree: the model holds one for all");
  d->party_seen = true;
  d->r->media.media_initiator_party = party(a);
  return WCHG_OK;
}

static wchg_status sdp_type(struct dec *d, const struct avp *a) {
  wchg_opt_int *t = &d->r->media.sdp_type;
  if (t->present && t->value != i32(a))
    return bad_value(d, a, E(SDP_TYPE), "the components disagree: the model holds one for all");
  *t = WCHG_INT(i32(a));
  return WCHG_OK;
}

/* SDP-Media-Description: the next line of the run of media_lines this
 * component takes (the model holds so many for all components). */
static wchg_status media_description(struct dec *d, wchg_sdp_media_component *c, size_t first,
                                     const struct avp *a) {
  if (d->media_lines_used == WCHG_ACR_MAX_SDP_MEDIA_DESCRIPTIONS)
    return fail(d, WCHG_E_LIMIT, WCHG_RC_UNABLE_TO_COMPLY, a->hdr, E(SDP_MEDIA_DESCRIPTION),
                c->sdp_media_descriptions.count,
                "more than %d SDP-Media-Description AVPs in the ACR: the model holds "
                "%d of all components together",
                WCHG_ACR_MAX_SDP_MEDIA_DESCRIPTIONS, WCHG_ACR_MAX_SDP_MEDIA_DESCRIPTIONS);
  wchg_status rc = add_str(d, &c->sdp_media_descriptions, d->r->media_lines + first, SIZE_MAX, a,
                           E(SDP_MEDIA_DESCRIPTION));
  d->media_lines_used++;
  return rc;
}

/* A child of the component |c| that is not its alone: its media lines
 * (from |first| of the reader's), and what the encoder writes into every
 * component of the entry. */
static wchg_status media_shared_child(struct dec *d, wchg_sdp_media_component *c, size_t first,
                                      const struct avp *a) {
  switch (KEY(a->vendor, a->code)) {
  CASE(SDP_MEDIA_DESCRIPTION):
    return media_description(d, c, first, a);
  CASE(MEDIA_INITIATOR_FLAG):
    return media_initiator_flag(d, a);
  CASE(MEDIA_INITIATOR_PARTY):
    return media_initiator_party(d, a);
  CASE(SDP_TYPE):
    return sdp_type(d, a);
  default:
    return WCHG_OK;
  }
}

static wchg_status media_component(struct dec *d, const struct avp *g) {
  wchg_media_components_list *m = media_entry(d);
  size_t n = m->sdp_media_components.count;
  struct iter it;
  struct avp a;
  wchg_status rc = WCHG_OK;
  if (n == WCHG_ACR_MAX_SDP_MEDIA_COMPONENTS)
    return too_many(d, g, E(SDP_MEDIA_COMPONENT), n, WCHG_ACR_MAX_SDP_MEDIA_COMPONENTS);
  wchg_sdp_media_component *c = &d->r->components[n];
  size_t first = d->media_lines_used; /* this component's run of media_lines */
  memset(c, 0, sizeof *c);
  m->sdp_media_components = (wchg_sdp_media_component_list){d->r->components, n + 1};
  open_group(d, E(SDP_MEDIA_COMPONENT), n);
  iter_group(&it, g, d, E(SDP_MEDIA_COMPONENT));
  while (!rc && next(&it, &a))
    if (!media_component_child(c, &a))
      rc = media_shared_child(d, c, first, &a);
  d->depth--;
  return rc;
}

static wchg_status message_body(struct dec *d, const struct avp *g) {
  wchg_message_body_list *l = &d->r->acr.ims.list_of_message_bodies;
  if (l->count == WCHG_ACR_MAX_MESSAGE_BODIES)
    return too_many(d, g, E(MESSAGE_BODY), l->count, WCHG_ACR_MAX_MESSAGE_BODIES);
  wchg_message_body *b = &d->r->bodies[l->count++];
  memset(b, 0, sizeof *b);
  l->items = d->r->bodies;
  each_child(d, g, E(MESSAGE_BODY), b, message_body_child);
  return WCHG_OK;
}

/* Access-Network-Information: the 1st and the 2nd. */
static wchg_status access_network(struct dec *d, const struct avp *a) {
  wchg_ims_info *ims = &d->r->acr.ims;
  switch (d->n_access_network++) {
  case 0:
    ims->access_network_information = octets(a);
    return WCHG_OK;
  case 1:
    ims->additional_access_network_information = octets(a);
    return WCHG_OK;
  default:
    return too_many(d, a, E(ACCESS_NETWORK_INFORMATION), 2,
                    WCHG_ACR_MAX_ACCESS_NETWORK_INFORMATION);
  }
}

/* IMS-Emergency-Indicator 1: checked against the identities at the end
 * of IMS-Information. */
static wchg_status emergency(struct dec *d, const struct avp *a) {
  d->r->acr.ims.ims_emergency_indicator = i32(a) == 1;
  d->emergency_at = i32(a) == 1 ? a->hdr : NULL;
  return WCHG_OK;
}

/* Related-IMS-Charging-Identifier-Node: an Address, the model's IP form. */
static wchg_status related_icid_node(struct dec *d, const struct avp *a) {
  wchg_node_address *n = &d->r->acr.ims.related_icid_generation_node;
  n->choice = WCHG_NODE_IP_ADDRESS;
  n->ip_address = address(a);
  return WCHG_OK;
}

/* One item of a list of IMS-Information: the parties, the transit IOIs,
 * the SDP session lines, the Reason headers. */
static wchg_status ims_list_item(struct dec *d, const struct avp *a) {
  wchg_acr_reader *r = d->r;
  wchg_ims_info *ims = &r->acr.ims;
  switch (KEY(a->vendor, a->code)) {
  CASE(CALLING_PARTY_ADDRESS):
    return add_party(d, &ims->list_of_calling_party_address, r->calling, a,
                     E(CALLING_PARTY_ADDRESS));
  CASE(CALLED_ASSERTED_IDENTITY):
    return add_party(d, &ims->list_of_called_asserted_identity, r->asserted, a,
                     E(CALLED_ASSERTED_IDENTITY));
  CASE(REQUESTED_PARTY_ADDRESS):
    return add_party(d, &ims->list_of_requested_party_address, r->requested, a,
                     E(REQUESTED_PARTY_ADDRESS));
  CASE(ASSOCIATED_URI):
    return add_party(d, &ims->list_of_associated_uri, r->associated, a, E(ASSOCIATED_URI));
  CASE(TRANSIT_IOI_LIST):
    return add_str(d, &ims->transit_ioi_lists, r->transit, WCHG_ACR_MAX_TRANSIT_IOIS, a,
                   E(TRANSIT_IOI_LIST));
  CASE(SDP_SESSION_DESCRIPTION):
    return add_str(d, &media_entry(d)->sdp_session_description, r->session_lines,
                   WCHG_ACR_MAX_SDP_SESSION_DESCRIPTIONS, a, E(SDP_SESSION_DESCRIPTION));
  default: /* Reason-Header: ims_child calls it for these AVPs only */
    return add_str(d, &ims->list_of_reason_header, r->reasons, WCHG_ACR_MAX_REASON_HEADERS, a,
                   E(REASON_HEADER));
  }
}

/* One child of IMS-Information, in the order of its ABNF (TS 32.299):
 * the values the model takes as they come (SET), then the lists, the
 * groups and the checked values by their functions. */
static wchg_status ims_child(struct dec *d, const struct avp *a) {
  wchg_acr *to = &d->r->acr;
  switch (KEY(a->vendor, a->code)) {
  CASE(EVENT_TYPE):
    return event_type(d, a);
  SET(ROLE_OF_NODE, opt_i32, ims.role_of_node)
  SET(NODE_FUNCTIONALITY, i32, node_functionality)
  SET(USER_SESSION_ID, text, ims.session_id)
  SET(SESSION_PRIORITY, opt_i32, ims.session_priority)
  SET(CALLED_PARTY_ADDRESS, party, ims.called_party_address)
  CASE(CALLING_PARTY_ADDRESS):
  CASE(CALLED_ASSERTED_IDENTITY):
  CASE(REQUESTED_PARTY_ADDRESS):
  CASE(ASSOCIATED_URI):
  CASE(TRANSIT_IOI_LIST):
  CASE(SDP_SESSION_DESCRIPTION):
  CASE(REASON_HEADER):
    return ims_list_item(d, a);
  CASE(TIME_STAMPS):
    return time_stamps(d, a);
  CASE(INTER_OPERATOR_IDENTIFIER):
    return inter_operator_identifier(d, a);
  SET(IMS_CHARGING_IDENTIFIER, octets, ims.ims_charging_identifier)
  CASE(SDP_MEDIA_COMPONENT):
    return media_component(d, a);
  SET(SERVED_PARTY_IP_ADDRESS, address, ims.served_party_ip_address)
  CASE(MESSAGE_BODY):
    return message_body(d, a);
  SET(CAUSE_CODE, opt_i32, cause_code)
  CASE(ACCESS_NETWORK_INFORMATION):
    return access_network(d, a);
  SET(CELLULAR_NETWORK_INFORMATION, octets, ims.cellular_network_information)
  SET(IMS_COMMUNICATION_SERVICE_IDENTIFIER, octets, ims.ims_communication_service_identifier)
  CASE(NNI_INFORMATION):
    return nni_information(d, a);
  SET(FROM_ADDRESS, octets, ims.from_address)
  CASE(IMS_EMERGENCY_INDICATOR):
    return emergency(d, a);
  SET(IMS_VISITED_NETWORK_IDENTIFIER, octets, ims.ims_visited_network_identifier)
  SET(RELATED_IMS_CHARGING_IDENTIFIER, octets, ims.related_icid)
  CASE(RELATED_IMS_CHARGING_IDENTIFIER_NODE):
    return related_icid_node(d, a);
  SET(ROUTE_HEADER_RECEIVED, octets, ims.route_header_received)
  SET(ROUTE_HEADER_TRANSMITTED, octets, ims.route_header_transmitted)
  SET(INSTANCE_ID, octets, ims.instance_id)
  CASE(FE_IDENTIFIER_LIST):
    return fe_identifier_list(d, a);
  SET(WEBRTC_AUTHENTICATION_FUNCTION_NAME, text, ims.webrtc_authentication_function_name)
  SET(WEBRTC_WEB_SERVER_FUNCTION_NAME, text, ims.webrtc_web_server_function_name)
  default:
    break;
  }
  return WCHG_OK;
}

static wchg_status ims_information(struct dec *d, const struct avp *g) {
  struct iter it;
  struct avp a;
  wchg_status rc = WCHG_OK;
  open_group(d, E(IMS_INFORMATION), NO_INDEX);
  iter_group(&it, g, d, E(IMS_INFORMATION));
  while (!rc && next(&it, &a))
    rc = ims_child(d, &a);
  if (!rc && d->emergency_at && wchgi_has_webrtc_identity(&d->r->acr.ims))
    rc = fail(d, WCHG_E_EMERGENCY, WCHG_RC_INVALID_AVP_VALUE, d->emergency_at,
              E(IMS_EMERGENCY_INDICATOR), NO_INDEX,
              "an IMS emergency session of a WebRTC client is not charged");
  d->depth--;
  return rc;
}

/* One Subscription-Id into the model's list. */
static wchg_status subscription_id(struct dec *d, const struct avp *g) {
  wchg_subscription_id_list *l = &d->r->acr.ims.list_of_subscription_id;
  if (l->count == WCHG_ACR_MAX_SUBSCRIPTION_IDS)
    return too_many(d, g, E(SUBSCRIPTION_ID), l->count, WCHG_ACR_MAX_SUBSCRIPTION_IDS);
  wchg_subscription_id *id = &d->r->subscriptions[l->count++];
  memset(id, 0, sizeof *id);
  l->items = d->r->subscriptions;
  each_child(d, g, E(SUBSCRIPTION_ID), id, subscription_id_child);
  return WCHG_OK;
}

/* Service-Information: Subscription-Id and IMS-Information (required). */
static wchg_status service_information(struct dec *d, const struct avp *g) {
  struct iter it;
  struct avp a;
  wchg_status rc = WCHG_OK;
  bool have_ims = false;
  open_group(d, E(SERVICE_INFORMATION), NO_INDEX);
  iter_group(&it, g, d, E(SERVICE_INFORMATION));
  while (!rc && next(&it, &a)) {
    switch (KEY(a.vendor, a.code)) {
    CASE(SUBSCRIPTION_ID):
      rc = subscription_id(d, &a);
      break;
    CASE(IMS_INFORMATION):
      have_ims = true;
      rc = ims_information(d, &a);
      break;
    default:
      break;
    }
  }
  if (!rc && !have_ims)
    rc = fail(d, WCHG_E_MISSING, WCHG_RC_MISSING_AVP, g->hdr, E(IMS_INFORMATION), NO_INDEX,
              "IMS-Information is missing: an ACR of IMS has Node-Functionality");
  d->depth--;
  return rc;
}

/* ---- the message ------------------------------------------------------------- */

/* A DiameterIdentity or Session-Id the encoder requires non-empty. */
static wchg_status required_text(struct dec *d, wchg_str *dst, const struct avp *a,
                                 const wchg_dict_avp *e) {
  if (!a->len)
    return bad_value(d, a, e, "empty");
  *dst = text(a);
  return WCHG_OK;
}

static wchg_status acr_avp(struct dec *d, const struct avp *a, bool *have_si) {
  wchg_acr *to = &d->r->acr;
  switch (KEY(a->vendor, a->code)) {
  CASE(SESSION_ID):
    return required_text(d, &to->session_id, a, E(SESSION_ID));
  CASE(ORIGIN_HOST):
    return required_text(d, &to->origin_host, a, E(ORIGIN_HOST));
  CASE(ORIGIN_REALM):
    return required_text(d, &to->origin_realm, a, E(ORIGIN_REALM));
  CASE(DESTINATION_REALM):
    return required_text(d, &to->destination_realm, a, E(DESTINATION_REALM));
  SET(DESTINATION_HOST, text, destination_host)
  SET(ACCOUNTING_RECORD_TYPE, i32, accounting_record_type)
  SET(ACCOUNTING_RECORD_NUMBER, u32, accounting_record_number)
  CASE(ACCT_APPLICATION_ID): /* RFC 6733 §9.8: equals the header's */
    return u32(a) == WCHG_APP_BASE_ACCOUNTING
               ? WCHG_OK
               : bad_value(d, a, E(ACCT_APPLICATION_ID), "not 3 (base accounting)");
  SET(USER_NAME, text, ims.private_user_id)
  SET(ACCT_INTERIM_INTERVAL, opt_u32, acct_interim_interval)
  SET(ORIGIN_STATE_ID, opt_u32, origin_state_id)
  SET(EVENT_TIMESTAMP, stamp, event_timestamp)
  SET(SERVICE_CONTEXT_ID, text, ims.service_context_id)
  CASE(SERVICE_INFORMATION):
    *have_si = true;
    return service_information(d, a);
  default: /* Proxy-Info, Route-Record, unknown AVPs */
    break;
  }
  return WCHG_OK;
}

/* After a good parse: an Accounting-Request of base accounting? */
static wchg_status is_acr(struct dec *d, const wchg_dmsg *m) {
  if (m->code != WCHG_CMD_ACCOUNTING || !(m->flags & WCHG_CMD_FLAG_R))
    return fail(d, WCHG_E_DIAMETER, WCHG_RC_COMMAND_UNSUPPORTED, d->msg + 4, NULL, NO_INDEX,
                "command %u with the R flag %s is not an Accounting-Request",
                (unsigned)m->code, m->flags & WCHG_CMD_FLAG_R ? "set" : "clear");
  if (m->app_id != WCHG_APP_BASE_ACCOUNTING)
    return fail(d, WCHG_E_DIAMETER, WCHG_RC_APPLICATION_UNSUPPORTED, d->msg + 8, NULL, NO_INDEX,
                "Application-Id %u is not 3 (base accounting)", (unsigned)m->app_id);
  return WCHG_OK;
}

wchg_acr_reader *wchg_acr_reader_new(const wchg_mem *mem) {
  wchg_mem m;
  wchg_acr_reader *r = wchgi_mem_new_object(mem, sizeof *r, &m);
  if (r)
    r->mem = m;
  return r;
}

void wchg_acr_reader_free(wchg_acr_reader *r) {
  if (!r)
    return;
  wchg_mem m = r->mem;
  wchgi_free(&m, r);
}

wchg_status wchg_acr_decode_ex(wchg_acr_reader *r, const uint8_t *buf, size_t len,
                               wchg_policy policy, const wchg_acr **out, wchg_diag *diag,
                               wchg_warnings *warn) {
  struct dec d;
  wchg_dmsg m;
  struct iter it;
  struct avp a;
  bool have_si = false;
  wchg_warnings count = {NULL, 0, 0}, *w = warn ? warn : &count;
  size_t before = w->count;
  wchg_status rc;
  if (out)
    *out = NULL;
  wchgi_diag_clear(diag);
  if (!r || !out || (!buf && len) ||
      (policy != WCHG_POLICY_RECEIVE && policy != WCHG_POLICY_STRICT)) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s",
                  !r ? "r is NULL" : !out ? "out is NULL" : buf || !len ? "unknown policy"
                                                                       : "buf is NULL");
    return WCHG_E_ARG;
  }
  if ((rc = wchg_dmsg_parse_ex(buf, len, policy == WCHG_POLICY_RECEIVE ? WCHG_DPARSE_RECEIVE : 0,
                               &m, diag, w)))
    return rc;
  memset(&d, 0, sizeof d);
  d.r = r;
  d.msg = buf;
  d.diag = diag;
  d.tolerant = w->count != before;
  if ((rc = is_acr(&d, &m)))
    return rc;

  wchg_acr *acr = &r->acr;
  memset(acr, 0, sizeof *acr);
  acr->hop_by_hop = m.hop_by_hop;
  acr->end_to_end = m.end_to_end;
  acr->retransmitted = m.flags & WCHG_CMD_FLAG_T;
  iter_init(&it, buf + 20, buf + len, &d, m.command->avps, m.command->n_avps);
  while (!rc && next(&it, &a))
    rc = acr_avp(&d, &a, &have_si);
  if (!rc && !have_si)
    rc = fail(&d, WCHG_E_MISSING, WCHG_RC_MISSING_AVP, buf, E(SERVICE_INFORMATION), NO_INDEX,
              "Service-Information is missing: an ACR of IMS has IMS-Information");
  if (!rc)
    *out = acr;
  return rc;
}

wchg_status wchg_acr_decode(wchg_acr_reader *r, const uint8_t *buf, size_t len,
                            const wchg_acr **out, wchg_diag *diag) {
  return wchg_acr_decode_ex(r, buf, len, WCHG_POLICY_STRICT, out, diag, NULL);
}
