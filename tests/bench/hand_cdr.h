/* hand_cdr.h: the limit reference of bench_cdr: the DER of the H.3 sample
 * PCSCFRecord (samples.h) written by hand, back to front, straight line:
 * the members the sample has, in their order, with constant tags; the
 * values and lengths come from the record. No schema, no presence test,
 * no bound check (the caller gives room: HAND_CDR_ROOM). bench_cdr checks
 * at start that it writes the bytes of wchg_cdr_encode().
 *
 * Header-only, since every .c file in tests/bench is a benchmark of its
 * own.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#ifndef WCHG_HAND_CDR_H
#define WCHG_HAND_CDR_H

#include <string.h>
#include <webrtc_chg/webrtc_chg.h>

#define HAND_CDR_ROOM 2048

/* Length octets of |n| in front of p (X.690 10.1: definite, shortest). */
static inline uint8_t *hw_len(uint8_t *p, size_t n) {
  if (n < 0x80) {
    *--p = (uint8_t)n;
  } else if (n < 0x100) {
    *--p = (uint8_t)n;
    *--p = 0x81;
  } else {
    *--p = (uint8_t)n;
    *--p = (uint8_t)(n >> 8);
    *--p = 0x82;
  }
  return p;
}

/* Contents octets of an INTEGER: the fewest (X.690 8.3.2). */
static inline uint8_t *hw_int(uint8_t *p, int64_t v) {
  do {
    *--p = (uint8_t)v;
    v >>= 8;
  } while (!((v == 0 && !(*p & 0x80)) || (v == -1 && (*p & 0x80))));
  return p;
}

/* A primitive TLV with a one-octet identifier. */
#define HW_PRIM(id, src, n)                                                    \
  do {                                                                         \
    size_t n_ = (n);                                                           \
    p -= n_;                                                                   \
    memcpy(p, (src), n_);                                                      \
    p = hw_len(p, n_);                                                         \
    *--p = (id);                                                               \
  } while (0)
/* ... with a two-octet identifier (context tag 31..127, primitive). */
#define HW_PRIM2(tag, src, n)                                                  \
  do {                                                                         \
    HW_PRIM(tag, src, n);                                                      \
    *--p = 0x9F;                                                               \
  } while (0)
#define HW_STR(id, s) HW_PRIM(id, (s).ptr, (s).len)
#define HW_STR2(tag, s) HW_PRIM2(tag, (s).ptr, (s).len)
#define HW_TS(id, t) HW_PRIM(id, (t).octets, 9)
#define HW_INT(id, v)                                                          \
  do {                                                                         \
    uint8_t *m_ = p;                                                           \
    p = hw_int(p, (v).value);                                                  \
    uint8_t n_ = (uint8_t)(m_ - p);                                            \
    *--p = n_;                                                                 \
    *--p = (id);                                                               \
  } while (0)
#define HW_INT2(tag, v)                                                        \
  do {                                                                         \
    HW_INT(tag, v);                                                            \
    *--p = 0x9F;                                                               \
  } while (0)
#define HW_BOOL(id, v)                                                         \
  do {                                                                         \
    *--p = (v).value ? 0xFF : 0x00;                                            \
    *--p = 1;                                                                  \
    *--p = (id);                                                               \
  } while (0)
/* Close a constructed TLV whose contents start at |m|. */
#define HW_CONS(id, m) (p = hw_len(p, (size_t)((m) - p)), *--p = (id))
#define HW_CONS2(tag, m) (HW_CONS(tag, m), *--p = 0xBF)

/* A constructed TLV |id| holding [0] a and [1] b. */
static inline uint8_t *hw_pair(uint8_t *p, uint8_t id, wchg_str a, wchg_str b) {
  uint8_t *m = p;
  HW_STR(0x81, b);
  HW_STR(0x80, a);
  HW_CONS(id, m);
  return p;
}

/* An SDP-Media-Component begun at m: its sDP-Media-Descriptions [1] (two
 * strings) and sDP-Media-Name [0] in front of p, then its SEQUENCE. */
static inline uint8_t *hw_sdp_close(uint8_t *p, const wchg_sdp_media_component *c, uint8_t *m) {
  uint8_t *d = p;
  HW_STR(0x19, c->sdp_media_descriptions.items[1]);
  HW_STR(0x19, c->sdp_media_descriptions.items[0]);
  HW_CONS(0xA1, d);
  HW_STR(0x80, c->sdp_media_name);
  HW_CONS(0x30, m);
  return p;
}

/* list-Of-SDP-Media-Components [21]: the two Media-Components-List. */
static inline uint8_t *hw_media(uint8_t *p, const wchg_media_components_list *l) {
  const wchg_sdp_media_component *a, *v;
  uint8_t *m = p, *e, *c, *s;
  /* the second: one audio component, no session description */
  e = p;
  HW_INT(0x88, l[1].sdp_type);
  HW_INT(0x86, l[1].sip_request_timestamp_fraction);
  c = p;
  p = hw_sdp_close(p, &l[1].sdp_media_components.items[0], p); /* name, descriptions */
  HW_CONS(0xA2, c);
  HW_TS(0x81, l[1].sip_response_timestamp);
  HW_TS(0x80, l[1].sip_request_timestamp);
  HW_CONS(0x30, e);
  /* the first: audio and video, the whole session description */
  e = p;
  HW_INT(0x88, l[0].sdp_type);
  HW_INT(0x87, l[0].sip_response_timestamp_fraction);
  HW_INT(0x86, l[0].sip_request_timestamp_fraction);
  c = p;
  HW_STR(0x80, l[0].media_initiator_party.value);
  HW_CONS(0xA5, c);
  c = p;
  HW_STR(0x19, l[0].sdp_session_description.items[3]);
  HW_STR(0x19, l[0].sdp_session_description.items[2]);
  HW_STR(0x19, l[0].sdp_session_description.items[1]);
  HW_STR(0x19, l[0].sdp_session_description.items[0]);
  HW_CONS(0xA4, c);
  *--p = 0;
  *--p = 0x83; /* mediaInitiatorFlag NULL */
  c = p;
  v = &l[0].sdp_media_components.items[1]; /* video: accessNetworkChargingIdentifier */
  s = p;
  HW_STR(0x84, v->access_network_charging_identifier);
  p = hw_sdp_close(p, v, s);
  a = &l[0].sdp_media_components.items[0]; /* audio: gPRS-Charging-Id, three flags */
  s = p;
  HW_BOOL(0x87, a->transcoder_inserted_indication);
  HW_BOOL(0x86, a->ip_realm_default_indication);
  HW_BOOL(0x85, a->local_gw_inserted_indication);
  HW_INT(0x82, a->gprs_charging_id);
  p = hw_sdp_close(p, a, s);
  HW_CONS(0xA2, c);
  HW_TS(0x81, l[0].sip_response_timestamp);
  HW_TS(0x80, l[0].sip_request_timestamp);
  HW_CONS(0x30, e);
  HW_CONS(0xB5, m);
  return p;
}

/* recordExtensions [25]: our WebRTC extension only. */
static inline uint8_t *hw_extensions(uint8_t *p, const wchg_ims_info *m) {
  static const uint8_t oid[] = WCHG_WEBRTC_EXT_OID_BER;
  uint8_t *x = p, *s, *i;
  s = p;
  i = p;
  p = hw_pair(p, 0x30, m->webrtc_authentication_function_name,
              m->webrtc_web_server_function_name);
  HW_CONS(0xA2, i);
  HW_PRIM(0x06, oid, sizeof oid);
  HW_CONS(0x30, s);
  HW_CONS(0xB9, x);
  return p;
}

/* The H.3 record's DER, ending at end; returns its first octet. */
static inline uint8_t *hand_cdr_encode(const wchg_cdr *c, uint8_t *end) {
  const wchg_ims_info *m = &c->ims;
  uint8_t *p = end, *k, *l;
  HW_STR2(59, m->route_header_received);
  HW_STR2(57, m->instance_id);
  k = p;
  HW_PRIM(0x80, m->served_party_ip_address.bin, 4);
  HW_CONS2(50, k);
  k = p;
  HW_STR(0x80, m->list_of_called_asserted_identity.items[0].value);
  HW_CONS2(42, k);
  HW_INT2(39, m->service_delivery_end_time_stamp_fraction);
  HW_INT2(38, m->service_delivery_start_time_stamp_fraction);
  HW_INT2(37, m->service_request_time_stamp_fraction);
  k = p;
  l = p;
  HW_STR(0x81, m->list_of_subscription_id.items[0].subscription_id_data);
  HW_INT(0x80, m->list_of_subscription_id.items[0].subscription_id_type);
  HW_CONS(0x31, l);
  HW_CONS2(31, k);
  HW_STR(0x9E, m->service_context_id);
  HW_STR(0x9D, m->access_network_information);
  p = hw_extensions(p, m);
  p = hw_media(p, m->list_of_sdp_media_components.items);
  HW_STR(0x93, m->ims_charging_identifier);
  HW_INT(0x91, c->cause_for_record_closing);
  HW_INT(0x90, c->record_sequence_number);
  HW_INT(0x8F, c->local_record_sequence_number);
  p = hw_pair(p, 0xAE, m->inter_operator_identifiers.originating_ioi,
              m->inter_operator_identifiers.terminating_ioi);
  HW_TS(0x8D, c->record_closure_time);
  HW_TS(0x8C, c->record_opening_time);
  HW_TS(0x8B, m->service_delivery_end_time_stamp);
  HW_TS(0x8A, m->service_delivery_start_time_stamp);
  HW_TS(0x89, m->service_request_time_stamp);
  HW_STR(0x88, m->private_user_id);
  k = p;
  HW_STR(0x80, m->called_party_address.value);
  HW_CONS(0xA7, k);
  p = hw_pair(p, 0xA6, m->list_of_calling_party_address.items[0].value,
              m->list_of_calling_party_address.items[1].value);
  HW_STR(0x85, m->session_id);
  k = p;
  l = p;
  HW_PRIM(0x80, c->node_address.ip_address.bin, 4);
  HW_CONS(0xA0, l);
  HW_CONS(0xA4, k);
  HW_INT(0x83, m->role_of_node);
  HW_STR(0x82, m->sip_method);
  HW_INT(0x80, c->record_type);
  HW_CONS(0x40, end);
  *--p = 0xBF; /* pCSCFRecord [64] */
  return p;
}

#endif
