/* test_rf.c: rf_suite — the Rf ACR encoder (acr.h): a model with every
 * field the acr.h table lists, checked AVP by AVP (order, flags, values)
 * after a strict parse; the hand-built sample ACR of diam_samples.c as a
 * byte-exact golden; a minimal ACR of each record type; every error with
 * its code and path and nothing written; buffer sizing at every length;
 * time, Integer32 and Unsigned32 edges.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diam_samples.h"
#include "rf_samples.h"
#include "testutil.h"

#define V3 10415u
#define VM 0xC0 /* V and M */
#define M_ 0x40
#define V_ 0x80
#define IMS "ACR/Service-Information/IMS-Information"

/* ---- helpers ---------------------------------------------------------------- */

/* Encode |a| into a malloc'ed buffer of exactly the measured size. */
static uint8_t *encode(const wchg_acr *a, size_t *len) {
  wchg_diag d;
  size_t need = 0;
  ck_assert_int_eq(wchg_acr_encode(a, NULL, 0, &need, &d), WCHG_E_BUFFER);
  ck_assert_int_eq(d.code, WCHG_E_BUFFER);
  uint8_t *buf = malloc(need);
  ck_assert_ptr_nonnull(buf);
  int rc = wchg_acr_encode(a, buf, need, len, &d);
  ck_assert_msg(rc == WCHG_OK, "encode: %s at %s: %s", wchg_strerror(rc), d.path, d.message);
  ck_assert_uint_eq(*len, need);
  return buf;
}

/* A strict parse (ABNF included) must accept it. */
static void parse(const uint8_t *buf, size_t len, wchg_dmsg *m) {
  wchg_diag d;
  int rc = wchg_dmsg_parse(buf, len, 0, m, &d);
  ck_assert_msg(rc == WCHG_OK, "parse: %s at %s (offset %zu, %u): %s", wchg_strerror(rc),
                d.path, d.offset, (unsigned)d.result_code, d.message);
  ck_assert_uint_eq(m->code, WCHG_CMD_ACCOUNTING);
  ck_assert_uint_eq(m->app_id, WCHG_APP_BASE_ACCOUNTING);
}

/* The AVP (|code|, 3GPP) under |group| (NULL: top level). */
static wchg_avp find3(const wchg_dmsg *m, const wchg_avp *group, uint32_t code) {
  wchg_avp a;
  ck_assert_msg(wchg_avp_find(m, group, code, V3, &a), "AVP %u/10415 missing", (unsigned)code);
  return a;
}

/* Service-Information/IMS-Information of a parsed ACR. */
static wchg_avp ims_of(const wchg_dmsg *m) {
  wchg_avp si = find3(m, NULL, 873);
  return find3(m, &si, 876);
}

static uint32_t u32_of(const wchg_avp *a) {
  uint32_t v;
  ck_assert_int_eq(wchg_avp_u32(a, &v), WCHG_OK);
  return v;
}

static int64_t time_of(const wchg_avp *a) {
  int64_t t;
  ck_assert_int_eq(wchg_avp_time(a, &t), WCHG_OK);
  return t;
}

/* How many of the |n| octets at |p| still hold |fill| (one assert for
 * all: Check's asserts are not free). */
static size_t untouched(const uint8_t *p, size_t n, uint8_t fill) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += p[i] == fill;
  return k;
}

/* ---- the full model (rf_full_acr, rf_samples.c) ---------------------------- */

/* What the parsed full ACR must hold, depth first: depth, code, flags
 * (exactly: V means vendor 10415), and the value. */
struct want {
  int depth;
  uint32_t code;
  uint8_t flags;
  char kind; /* g Grouped, s text, x hex of the data, u Unsigned32/Enumerated,
                i Integer32, t Time (Unix seconds) */
  const char *s;
  int64_t v;
};
#define G(dp, c, f) {dp, c, f, 'g', NULL, 0}
#define S(dp, c, f, s) {dp, c, f, 's', s, 0}
#define X(dp, c, f, hex) {dp, c, f, 'x', hex, 0}
#define U(dp, c, f, v) {dp, c, f, 'u', NULL, v}
#define I(dp, c, f, v) {dp, c, f, 'i', NULL, v}
#define T(dp, c, f, v) {dp, c, f, 't', NULL, v}

static const struct want full_want[] = {
    S(0, 263, M_, "pcscf1.ims.example.com;1795510800;2;full"),
    S(0, 264, M_, "pcscf1.ims.example.com"),
    S(0, 296, M_, "ims.example.com"),
    S(0, 283, M_, "ims.example.net"),
    U(0, 480, M_, 3),
    U(0, 485, M_, 2),
    U(0, 259, M_, 3),
    S(0, 1, M_, "alice@ims.example.com"),
    S(0, 293, M_, "cdf1.ims.example.net"),
    U(0, 85, M_, 300),
    U(0, 278, M_, 7),
    T(0, 55, M_, 1795510900), /* whole seconds: the 500 ms go */
    S(0, 461, M_, "32260@3gpp.org"),
    G(0, 873, VM),
    G(1, 443, M_),
    U(2, 450, M_, 2),
    S(2, 444, M_, "sip:alice@ims.example.com"),
    G(1, 443, M_),
    U(2, 450, M_, 0),
    S(2, 444, M_, "15551234567"),
    G(1, 876, VM),
    G(2, 823, VM),
    S(3, 824, VM, "INVITE"),
    S(3, 825, VM, "presence"),
    U(3, 888, VM, 3600),
    U(2, 829, VM, 2),
    U(2, 862, VM, 1),
    S(2, 830, VM, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@wic.example.com"),
    U(2, 650, V_, 3), /* Session-Priority: TS 29.229, M must not */
    S(2, 831, VM, "sip:alice@ims.example.com"),
    S(2, 831, VM, "tel:+15551234567"),
    S(2, 832, VM, "sip:bob@ims.example.org"),
    S(2, 1250, VM, "sip:bob@ims.example.org"),
    S(2, 1251, VM, "tel:+15557654321"),
    S(2, 856, VM, "sip:alice.alias@ims.example.com"),
    G(2, 833, VM),
    T(3, 834, VM, 1795510800),
    T(3, 835, VM, 1795510804),
    U(3, 2301, VM, 125),
    U(3, 2302, VM, 980),
    G(2, 838, VM),
    S(3, 839, VM, "ims.example.com"),
    S(3, 840, VM, "ims.example.org"),
    S(2, 2701, VM, "transit-a.example.net"),
    S(2, 2701, VM, "unknown"),
    S(2, 841, VM, "icid-full-0001"),
    S(2, 842, VM, "v=0"),
    S(2, 842, VM, "c=IN IP6 2001:db8::10"),
    G(2, 843, VM),
    S(3, 844, VM, "m=audio 49170 UDP/TLS/RTP/SAVPF 111"),
    S(3, 845, VM, "a=rtpmap:111 opus/48000/2"),
    S(3, 845, VM, "a=sendrecv"),
    U(3, 2604, VM, 1), /* Local-GW-Inserted-Indication */
    U(3, 2603, VM, 0), /* IP-Realm-Default-Indication */
    U(3, 2605, VM, 1), /* Transcoder-Inserted-Indication */
    U(3, 882, VM, 1),  /* Media-Initiator-Flag: calling party */
    S(3, 1288, VM, "sip:alice@ims.example.com"),
    U(3, 2, VM, 0xDEADBEEF), /* 3GPP-Charging-Id */
    U(3, 2036, VM, 0),
    G(2, 843, VM),
    S(3, 844, VM, "m=video 49172 UDP/TLS/RTP/SAVPF 96"),
    S(3, 845, VM, "a=rtpmap:96 VP8/90000"),
    U(3, 882, VM, 1),
    S(3, 1288, VM, "sip:alice@ims.example.com"),
    S(3, 503, VM, "anci-77"),
    U(3, 2036, VM, 0),
    X(2, 848, VM, "0002 20010db8000000000000000000000023"),
    G(2, 889, VM),
    S(3, 826, VM, "application/vnd.3gpp.sms"),
    U(3, 827, VM, 120),
    S(3, 828, VM, "render"),
    I(2, 861, VM, -302),
    S(2, 3401, VM, "Q.850;cause=16;text=\"Normal call clearing\""),
    S(2, 1263, VM, "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01"),
    S(2, 1263, VM, "IEEE-802.11;i-wlan-node-id=ffffffffffff"),
    X(2, 3924, VM, "010203"),
    S(2, 1281, VM, "urn:urn-7:3gpp-service.ims.icsi.mmtel"),
    G(2, 2703, VM),
    U(3, 2707, VM, 1),
    U(3, 2704, VM, 2),
    U(3, 2706, VM, 0),
    X(3, 2705, VM, "0001 c0000263"),
    S(2, 2708, VM, "sip:alice@ims.example.com"),
    S(2, 2713, VM, "visited.example.net"),
    S(2, 2711, VM, "icid-related-0001"),
    X(2, 2712, VM, "0002 20010db8000000000000000000000001"),
    S(2, 3403, VM, "<sip:pcscf1.ims.example.com;lr>"),
    S(2, 3404, VM, "<sip:scscf1.ims.example.com;lr>"),
    S(2, 3402, VM, "<urn:gsma:imei:35209900-176148-1>"),
    S(2, 4413, VM, "fe1@pcscf1.ims.example.com,fe2@scscf1.ims.example.com"),
    S(2, 657, V_, "waf.example.net"), /* M clear: webrtc_ext.h */
    S(2, 658, V_, "wwsf.example.com"),
};

static void check_value(const wchg_avp *a, const struct want *w) {
  uint8_t hex[64];
  int32_t i;
  switch (w->kind) {
  case 's':
    ck_assert_uint_eq(a->len, strlen(w->s));
    ck_assert_mem_eq(a->data, w->s, a->len);
    break;
  case 'x': {
    size_t n = test_unhex(w->s, hex, sizeof hex);
    ck_assert_uint_eq(a->len, n);
    ck_assert_mem_eq(a->data, hex, n);
    break;
  }
  case 'u':
    ck_assert_int_eq(u32_of(a), w->v);
    break;
  case 'i':
    ck_assert_int_eq(wchg_avp_i32(a, &i), WCHG_OK);
    ck_assert_int_eq(i, w->v);
    break;
  case 't':
    ck_assert_int_eq(time_of(a), w->v);
    break;
  default:
    break;
  }
}

/* Walk the AVPs under |group| (NULL: the message) against want[*k..]. */
static void walk(const wchg_dmsg *m, const wchg_avp *group, int depth,
                 const struct want *want, size_t n, size_t *k) {
  wchg_avp_iter it;
  wchg_avp a;
  wchg_avp_iter_group(&it, m, group);
  while (wchg_avp_next(&it, &a)) {
    ck_assert_msg(*k < n, "an AVP %u more than expected", (unsigned)a.code);
    const struct want *w = &want[*k];
    ck_assert_msg(w->depth == depth && w->code == a.code,
                  "AVP #%zu: %u at depth %d, expected %u at depth %d", *k, (unsigned)a.code,
                  depth, (unsigned)w->code, w->depth);
    ck_assert_msg(a.flags == w->flags, "AVP %u: flags 0x%02x, expected 0x%02x",
                  (unsigned)a.code, a.flags, w->flags);
    ck_assert_uint_eq(a.vendor, (w->flags & V_) ? V3 : 0);
    ck_assert_ptr_nonnull(a.dict);
    check_value(&a, w);
    (*k)++;
    if (w->kind == 'g')
      walk(m, &a, depth + 1, want, n, k);
  }
}

START_TEST(full_acr_parses_avp_by_avp) {
  wchg_acr a;
  wchg_dmsg m;
  size_t len, k = 0, n = sizeof full_want / sizeof full_want[0];
  rf_full_acr(&a);
  uint8_t *buf = encode(&a, &len);
  parse(buf, len, &m);
  ck_assert_uint_eq(m.flags, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P | WCHG_CMD_FLAG_T);
  ck_assert_uint_eq(m.hop_by_hop, 0xA1B2C3D4u);
  ck_assert_uint_eq(m.end_to_end, 0x01020304u);
  ck_assert_uint_eq(m.length, len);
  walk(&m, NULL, 0, full_want, n, &k);
  ck_assert_uint_eq(k, n);

  /* the WebRTC identities by lookup too: vendor 10415, V set, M clear */
  wchg_avp ims = ims_of(&m), waf = find3(&m, &ims, 657), wwsf = find3(&m, &ims, 658);
  ck_assert_uint_eq(waf.flags, WCHG_AVP_FLAG_V);
  ck_assert_uint_eq(wwsf.flags, WCHG_AVP_FLAG_V);
  ck_assert_uint_eq(find3(&m, &ims, 862).flags, WCHG_AVP_FLAG_V | WCHG_AVP_FLAG_M);
  test_out_write_diam("rf_full", buf, len);
  free(buf);
}
END_TEST

/* ---- the golden: the hand-built sample ACR --------------------------------- */

START_TEST(golden_equals_hand_built_sample) {
  uint8_t want[2048], want_d[2048];
  size_t want_len, want_d_len, len;
  sample_avps avps;
  wchg_acr a;
  wchg_dmsg m;
  ck_assert_int_eq(sample_acr(want, sizeof want, &want_len), WCHG_OK);
  ck_assert_int_eq(sample_avps_resolve(&avps), 0);
  ck_assert_int_eq(sample_acr_d(&avps, want_d, sizeof want_d, &want_d_len), WCHG_OK);
  rf_sample_as_model(&a);
  uint8_t *buf = encode(&a, &len);
  ck_assert_uint_eq(len, want_len);
  ck_assert_mem_eq(buf, want, len);
  ck_assert_uint_eq(len, want_d_len);
  ck_assert_mem_eq(buf, want_d, len);
  parse(buf, len, &m);
  ck_assert_uint_eq(m.flags, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P); /* no T */
  test_out_write_diam("rf_sample", buf, len);

  /* the same with the address as text: the same bytes */
  a.ims.served_party_ip_address =
      (wchg_ip_address){.choice = WCHG_IP_TEXT_V4, .text = WCHG_STR("198.51.100.23")};
  uint8_t *text = encode(&a, &len);
  ck_assert_uint_eq(len, want_len);
  ck_assert_mem_eq(text, want, len);
  free(text);
  free(buf);
}
END_TEST

/* ---- minimal ACRs ------------------------------------------------------------ */

START_TEST(minimal_of_each_record_type) {
  static const char *const names[] = {NULL, "rf_event_min", "rf_start_min", "rf_interim_min",
                                      "rf_stop_min"};
  static const struct want want_min[] = {
      S(0, 263, M_, "pcscf1.ims.example.com;1;2"),
      S(0, 264, M_, "pcscf1.ims.example.com"),
      S(0, 296, M_, "ims.example.com"),
      S(0, 283, M_, "ims.example.com"),
      U(0, 480, M_, 0), /* per type: checked below */
      U(0, 485, M_, 0),
      U(0, 259, M_, 3),
      G(0, 873, VM),
      G(1, 876, VM),
      U(2, 862, VM, WCHG_NODE_P_CSCF), /* required, P-CSCF by wchg_acr_init */
  };
  for (int32_t type = WCHG_ACR_EVENT; type <= WCHG_ACR_STOP; type++) {
    struct want w[sizeof want_min / sizeof want_min[0]];
    size_t len, k = 0, n = sizeof w / sizeof w[0];
    wchg_acr a;
    wchg_dmsg m;
    memcpy(w, want_min, sizeof w);
    rf_minimal_acr(&a, type);
    w[4].v = type;
    w[5].v = a.accounting_record_number;
    uint8_t *buf = encode(&a, &len);
    parse(buf, len, &m);
    walk(&m, NULL, 0, w, n, &k);
    ck_assert_uint_eq(k, n);
    test_out_write_diam(names[type], buf, len);
    free(buf);
  }
}
END_TEST

/* ---- errors: code, path, and nothing written --------------------------------- */

static const wchg_involved_party bad_calling[] = {
    {WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@ims.example.com")},
    {WCHG_PARTY_SIP_URI, WCHG_STR("sip:\xC3\x28@ims.example.com")}};
static const wchg_involved_party empty_party[] = {{WCHG_PARTY_SIP_URI, {NULL, 0}}};
static const wchg_str bad_lines[] = {WCHG_STR("a=sendrecv"), WCHG_STR("a=\xED\xA0\x80")};
static const wchg_str bad_text[] = {WCHG_STR("\xFF")};
static const wchg_str bad_fe[] = {WCHG_STR("fe1"), WCHG_STR("fe\xC0\xAF")};
static const wchg_str null_fe[] = {WCHG_STR("fe1"), {NULL, 0}};
static const wchg_subscription_id sub_no_type[] = {{{false, 0}, WCHG_STR("sip:a@b")}};
static const wchg_subscription_id sub_no_data[] = {{WCHG_INT(2), {NULL, 0}}};
static const wchg_subscription_id sub_bad_type[] = {
    {WCHG_INT(2), WCHG_STR("sip:a@b")}, {WCHG_INT(5), WCHG_STR("sip:a@b")}};
static const wchg_message_body body_no_type[] = {{.content_length = WCHG_INT(1)}};
static const wchg_message_body body_no_length[] = {{.content_type = WCHG_STR("text/plain")}};
static const wchg_message_body body_bad_length[] = {
    {.content_type = WCHG_STR("text/plain"), .content_length = WCHG_INT(-1)}};
static const wchg_media_components_list two_media[] = {
    {.media_initiator_flag = true}, {.media_initiator_flag = false}};
static const wchg_sdp_media_component comp_bad_id[] = {
    {.gprs_charging_id = WCHG_INT(4294967296LL)}};
static const wchg_sdp_media_component comp_bad_line[] = {
    {.sdp_media_descriptions = {bad_lines, 2}}};
static const wchg_media_components_list media_bad_id[] = {
    {.sdp_media_components = {comp_bad_id, 1}}};
static const wchg_media_components_list media_bad_line[] = {
    {.sdp_media_components = {comp_bad_line, 1}}};
static const wchg_media_components_list media_bad_type[] = {
    {.sdp_media_components = {rf_full_components, 2}, .sdp_type = WCHG_INT(2)}};
static const wchg_media_components_list media_bad_session[] = {
    {.sdp_session_description = {bad_text, 1}}};

/* 1968-01-20T03:14:08Z and 2104-02-26T09:42:23Z in ms: the Time range */
#define FIRST_MS (-61505152LL * 1000)
#define LAST_MS (4233462143LL * 1000 + 999)

/* A change of the full ACR: MUT(name, statement) */
#define MUT(name, ...)                                                       \
  static void name(wchg_acr *a) {                                            \
    wchg_ims_info *ims = &a->ims;                                            \
    (void)ims;                                                               \
    __VA_ARGS__;                                                             \
  }

MUT(no_session_id, a->session_id = (wchg_str){NULL, 0})
MUT(empty_session_id, a->session_id = WCHG_STR(""))
MUT(bad_session_id, a->session_id = WCHG_STR("pcscf1;\x80"))
MUT(no_origin_host, a->origin_host = (wchg_str){NULL, 0})
MUT(no_origin_realm, a->origin_realm = WCHG_STR(""))
MUT(no_destination_realm, a->destination_realm = (wchg_str){NULL, 0})
MUT(type_0, a->accounting_record_type = WCHG_ACR_NONE)
MUT(type_5, a->accounting_record_type = 5)
MUT(node_22, a->node_functionality = 22)
MUT(node_minus_1, a->node_functionality = -1)
MUT(role_3, ims->role_of_node = WCHG_INT(3))
MUT(cause_above, a->cause_code = WCHG_INT(2147483648LL))
MUT(cause_below, a->cause_code = WCHG_INT(-2147483649LL))
MUT(state_negative, a->origin_state_id = WCHG_INT(-1))
MUT(interval_above, a->acct_interim_interval = WCHG_INT(4294967296LL))
MUT(event_too_early, a->event_timestamp = WCHG_TIME_MS(FIRST_MS - 1))
MUT(request_too_late, a->sip_request_timestamp = WCHG_TIME_MS(LAST_MS + 1))
MUT(response_1900, a->sip_response_timestamp = WCHG_TIME_MS(-2208988800000LL))
MUT(served_text_bad, ims->served_party_ip_address.text = WCHG_STR("2001:db8::23::1"))
MUT(served_v4_bad, ims->served_party_ip_address = (wchg_ip_address){
    .choice = WCHG_IP_TEXT_V4, .text = WCHG_STR("198.51.100.256")})
MUT(served_choice_9, ims->served_party_ip_address.choice = (wchg_ip_address_choice)9)
MUT(neighbour_no_text, ims->nni_information.neighbour_node_address =
    (wchg_ip_address){.choice = WCHG_IP_TEXT_V4})
MUT(related_node_none, ims->related_icid_generation_node.ip_address.choice = WCHG_IP_ABSENT)
MUT(related_node_choice, ims->related_icid_generation_node.choice = (wchg_node_address_choice)3)
MUT(priority_5, ims->session_priority = WCHG_INT(5))
MUT(expires_negative, ims->expires_information = WCHG_INT(-1))
MUT(charging_id_above, ims->list_of_sdp_media_components =
    (wchg_media_components_list_list){media_bad_id, 1})
MUT(sdp_type_2, ims->list_of_sdp_media_components =
    (wchg_media_components_list_list){media_bad_type, 1})
MUT(nni_type_3, ims->nni_information.nni_type = WCHG_INT(3))
MUT(subscription_type_5, ims->list_of_subscription_id =
    (wchg_subscription_id_list){sub_bad_type, 2})
MUT(body_length_negative, ims->list_of_message_bodies =
    (wchg_message_body_list){body_bad_length, 1})
MUT(two_sdp_entries, ims->list_of_sdp_media_components =
    (wchg_media_components_list_list){two_media, 2})
MUT(calling_utf8, ims->list_of_calling_party_address = (wchg_involved_party_list){bad_calling, 2})
MUT(called_utf8, ims->called_party_address.value = WCHG_STR("sip:\xF5@x"))
MUT(user_name_utf8, ims->private_user_id = WCHG_STR("\xC0\x80"))
MUT(icid_utf8, ims->ims_charging_identifier = OCT("icid\xFE"))
MUT(media_line_utf8, ims->list_of_sdp_media_components =
    (wchg_media_components_list_list){media_bad_line, 1})
MUT(session_line_utf8, ims->list_of_sdp_media_components =
    (wchg_media_components_list_list){media_bad_session, 1})
MUT(transit_utf8, ims->transit_ioi_lists = (wchg_str_list){bad_text, 1})
MUT(reason_utf8, ims->list_of_reason_header = (wchg_str_list){bad_text, 1})
MUT(icsi_utf8, ims->ims_communication_service_identifier = OCT("urn:\xFF"))
MUT(from_utf8, ims->from_address = OCT("sip:\xE2\x82"))
MUT(visited_utf8, ims->ims_visited_network_identifier = OCT("\x80"))
MUT(related_utf8, ims->related_icid = OCT("\xF8\x88\x80\x80\x80"))
MUT(route_received_utf8, ims->route_header_received = OCT("<\xC1\xBF>"))
MUT(route_transmitted_utf8, ims->route_header_transmitted = OCT("\xED\xBF\xBF"))
MUT(instance_utf8, ims->instance_id = OCT("<urn:\xF4\x90\x80\x80>"))
MUT(fe_utf8, ims->fe_identifier_list = (wchg_str_list){bad_fe, 2})
MUT(waf_utf8, ims->webrtc_authentication_function_name = WCHG_STR("waf\xC3"))
MUT(wwsf_utf8, ims->webrtc_web_server_function_name = WCHG_STR("\xA0wwsf"))
MUT(service_context_utf8, ims->service_context_id = WCHG_STR("\xFE\xFF"))
MUT(subscription_no_type, ims->list_of_subscription_id =
    (wchg_subscription_id_list){sub_no_type, 1})
MUT(subscription_no_data, ims->list_of_subscription_id =
    (wchg_subscription_id_list){sub_no_data, 1})
MUT(body_no_content_type, ims->list_of_message_bodies = (wchg_message_body_list){body_no_type, 1})
MUT(body_no_content_length, ims->list_of_message_bodies =
    (wchg_message_body_list){body_no_length, 1})
MUT(party_without_text, ims->list_of_associated_uri = (wchg_involved_party_list){empty_party, 1})
MUT(fe_entry_null, ims->fe_identifier_list = (wchg_str_list){null_fe, 2})
MUT(reason_items_null, ims->list_of_reason_header = (wchg_str_list){NULL, 2})
MUT(components_items_null, ims->list_of_sdp_media_components =
    (wchg_media_components_list_list){NULL, 1})
MUT(emergency_webrtc, ims->ims_emergency_indicator = true)

static void fe_too_long(wchg_acr *a) {
  static wchg_str many[700]; /* 700 * 3 + 699 commas > 2048 */
  for (size_t i = 0; i < 700; i++)
    many[i] = WCHG_STR("fe1");
  a->ims.fe_identifier_list = (wchg_str_list){many, 700};
}

/* Two problems: the first in walk order is told, the writer's refusal
 * of the later text says nothing over it. */
static void role_then_reason(wchg_acr *a) {
  role_3(a);
  reason_utf8(a);
}

static const struct {
  void (*mutate)(wchg_acr *);
  wchg_status code;
  const char *path;
} errors[] = {
    {no_session_id, WCHG_E_MISSING, "ACR/Session-Id"},
    {empty_session_id, WCHG_E_MISSING, "ACR/Session-Id"},
    {bad_session_id, WCHG_E_UTF8, "ACR/Session-Id"},
    {no_origin_host, WCHG_E_MISSING, "ACR/Origin-Host"},
    {no_origin_realm, WCHG_E_MISSING, "ACR/Origin-Realm"},
    {no_destination_realm, WCHG_E_MISSING, "ACR/Destination-Realm"},
    {type_0, WCHG_E_RANGE, "ACR/Accounting-Record-Type"},
    {type_5, WCHG_E_RANGE, "ACR/Accounting-Record-Type"},
    {node_22, WCHG_E_RANGE, IMS "/Node-Functionality"},
    {node_minus_1, WCHG_E_RANGE, IMS "/Node-Functionality"},
    {role_3, WCHG_E_RANGE, IMS "/Role-Of-Node"},
    {role_then_reason, WCHG_E_RANGE, IMS "/Role-Of-Node"},
    {cause_above, WCHG_E_RANGE, IMS "/Cause-Code"},
    {cause_below, WCHG_E_RANGE, IMS "/Cause-Code"},
    {state_negative, WCHG_E_RANGE, "ACR/Origin-State-Id"},
    {interval_above, WCHG_E_RANGE, "ACR/Acct-Interim-Interval"},
    {event_too_early, WCHG_E_RANGE, "ACR/Event-Timestamp"},
    {request_too_late, WCHG_E_RANGE, IMS "/Time-Stamps/SIP-Request-Timestamp"},
    {response_1900, WCHG_E_RANGE, IMS "/Time-Stamps/SIP-Response-Timestamp"},
    {served_text_bad, WCHG_E_RANGE, IMS "/Served-Party-IP-Address"},
    {served_v4_bad, WCHG_E_RANGE, IMS "/Served-Party-IP-Address"},
    {served_choice_9, WCHG_E_RANGE, IMS "/Served-Party-IP-Address"},
    {neighbour_no_text, WCHG_E_RANGE, IMS "/NNI-Information/Neighbour-Node-Address"},
    {related_node_none, WCHG_E_RANGE, IMS "/Related-IMS-Charging-Identifier-Node"},
    {related_node_choice, WCHG_E_RANGE, IMS "/Related-IMS-Charging-Identifier-Node"},
    {priority_5, WCHG_E_RANGE, IMS "/Session-Priority"},
    {expires_negative, WCHG_E_RANGE, IMS "/Event-Type/Expires"},
    {charging_id_above, WCHG_E_RANGE, IMS "/SDP-Media-Component[0]/3GPP-Charging-Id"},
    {sdp_type_2, WCHG_E_RANGE, IMS "/SDP-Media-Component[0]/SDP-Type"},
    {nni_type_3, WCHG_E_RANGE, IMS "/NNI-Information/NNI-Type"},
    {subscription_type_5, WCHG_E_RANGE,
     "ACR/Service-Information/Subscription-Id[1]/Subscription-Id-Type"},
    {body_length_negative, WCHG_E_RANGE, IMS "/Message-Body[0]/Content-Length"},
    {two_sdp_entries, WCHG_E_LIMIT, IMS "/SDP-Media-Component"},
    {fe_too_long, WCHG_E_LIMIT, IMS "/FE-Identifier-List"},
    {calling_utf8, WCHG_E_UTF8, IMS "/Calling-Party-Address[1]"},
    {called_utf8, WCHG_E_UTF8, IMS "/Called-Party-Address"},
    {user_name_utf8, WCHG_E_UTF8, "ACR/User-Name"},
    {icid_utf8, WCHG_E_UTF8, IMS "/IMS-Charging-Identifier"},
    {media_line_utf8, WCHG_E_UTF8, IMS "/SDP-Media-Component[0]/SDP-Media-Description[1]"},
    {session_line_utf8, WCHG_E_UTF8, IMS "/SDP-Session-Description[0]"},
    {transit_utf8, WCHG_E_UTF8, IMS "/Transit-IOI-List[0]"},
    {reason_utf8, WCHG_E_UTF8, IMS "/Reason-Header[0]"},
    {icsi_utf8, WCHG_E_UTF8, IMS "/IMS-Communication-Service-Identifier"},
    {from_utf8, WCHG_E_UTF8, IMS "/From-Address"},
    {visited_utf8, WCHG_E_UTF8, IMS "/IMS-Visited-Network-Identifier"},
    {related_utf8, WCHG_E_UTF8, IMS "/Related-IMS-Charging-Identifier"},
    {route_received_utf8, WCHG_E_UTF8, IMS "/Route-Header-Received"},
    {route_transmitted_utf8, WCHG_E_UTF8, IMS "/Route-Header-Transmitted"},
    {instance_utf8, WCHG_E_UTF8, IMS "/Instance-Id"},
    {fe_utf8, WCHG_E_UTF8, IMS "/FE-Identifier-List[1]"},
    {waf_utf8, WCHG_E_UTF8, IMS "/WebRTC-Authentication-Function-Name"},
    {wwsf_utf8, WCHG_E_UTF8, IMS "/WebRTC-Web-Server-Function-Name"},
    {service_context_utf8, WCHG_E_UTF8, "ACR/Service-Context-Id"},
    {subscription_no_type, WCHG_E_MISSING,
     "ACR/Service-Information/Subscription-Id[0]/Subscription-Id-Type"},
    {subscription_no_data, WCHG_E_MISSING,
     "ACR/Service-Information/Subscription-Id[0]/Subscription-Id-Data"},
    {body_no_content_type, WCHG_E_MISSING, IMS "/Message-Body[0]/Content-Type"},
    {body_no_content_length, WCHG_E_MISSING, IMS "/Message-Body[0]/Content-Length"},
    {party_without_text, WCHG_E_MISSING, IMS "/Associated-URI[0]"},
    {fe_entry_null, WCHG_E_MISSING, IMS "/FE-Identifier-List[1]"},
    {reason_items_null, WCHG_E_MISSING, IMS "/Reason-Header"},
    {components_items_null, WCHG_E_MISSING, IMS "/SDP-Media-Component"},
    {emergency_webrtc, WCHG_E_EMERGENCY, IMS "/IMS-Emergency-Indicator"},
};

START_TEST(every_error_with_its_path) {
  uint8_t buf[4096];
  wchg_acr a;
  wchg_diag d;
  size_t len;
  rf_full_acr(&a);
  errors[_i].mutate(&a);
  memset(buf, 0xA5, sizeof buf);
  len = 12345;
  int rc = wchg_acr_encode(&a, buf, sizeof buf, &len, &d);
  ck_assert_msg(rc == errors[_i].code, "case %d (%s): %s, expected %s", _i, errors[_i].path,
                wchg_strerror(rc), wchg_strerror(errors[_i].code));
  ck_assert_int_eq(d.code, errors[_i].code);
  ck_assert_str_eq(d.path, errors[_i].path);
  ck_assert_uint_eq(d.offset, WCHG_NO_OFFSET);
  ck_assert_uint_gt(strlen(d.message), 10);
  ck_assert_uint_eq(len, 0); /* no length claimed */
  /* checked before anything is written */
  ck_assert_uint_eq(untouched(buf, sizeof buf, 0xA5), sizeof buf);
  /* without a diag: the same code */
  ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), errors[_i].code);
}
END_TEST

START_TEST(null_arguments) {
  wchg_acr a;
  wchg_diag d;
  size_t len = 99;
  uint8_t buf[16];
  ck_assert_int_eq(wchg_acr_encode(NULL, buf, sizeof buf, &len, &d), WCHG_E_ARG);
  ck_assert_int_eq(d.code, WCHG_E_ARG);
  ck_assert_uint_eq(len, 0);
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(d.code, WCHG_E_ARG);
  wchg_acr_init(NULL); /* harmless */
}
END_TEST

START_TEST(init_sets_p_cscf) {
  wchg_acr a;
  memset(&a, 0x5A, sizeof a);
  wchg_acr_init(&a);
  ck_assert_int_eq(a.node_functionality, WCHG_NODE_P_CSCF);
  ck_assert_int_eq(a.accounting_record_type, WCHG_ACR_NONE);
  ck_assert_ptr_null(a.session_id.ptr);
  ck_assert(!a.event_timestamp.present);
  ck_assert(!a.ims.ims_emergency_indicator);
  ck_assert_uint_eq(a.ims.list_of_calling_party_address.count, 0);
}
END_TEST

/* ---- buffer sizing ------------------------------------------------------------- */

START_TEST(buffer_too_small_at_every_length) {
  wchg_acr a;
  wchg_diag d;
  size_t need, len;
  rf_full_acr(&a);
  uint8_t *ref = encode(&a, &need);
  uint8_t *buf = malloc(need + 16);
  ck_assert_ptr_nonnull(buf);
  for (size_t cap = 0; cap < need; cap++) {
    len = 0;
    memset(buf, 0xEE, need + 16);
    ck_assert_int_eq(wchg_acr_encode(&a, buf, cap, &len, &d), WCHG_E_BUFFER);
    ck_assert_int_eq(d.code, WCHG_E_BUFFER);
    ck_assert_uint_eq(len, need);
    /* nothing past cap */
    ck_assert_uint_eq(untouched(buf + cap, need + 16 - cap, 0xEE), need + 16 - cap);
  }
  /* measuring: NULL with cap 0, and NULL with any cap */
  ck_assert_int_eq(wchg_acr_encode(&a, NULL, 0, &len, NULL), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, need);
  ck_assert_int_eq(wchg_acr_encode(&a, NULL, 4096, &len, NULL), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, need);
  /* exactly enough, and more */
  ck_assert_int_eq(wchg_acr_encode(&a, buf, need, &len, &d), WCHG_OK);
  ck_assert_uint_eq(len, need);
  ck_assert_mem_eq(buf, ref, need);
  ck_assert_int_eq(wchg_acr_encode(&a, buf, need + 16, &len, &d), WCHG_OK);
  ck_assert_uint_eq(len, need);
  ck_assert_mem_eq(buf, ref, need);
  ck_assert_int_eq(d.code, WCHG_OK);
  free(buf);
  free(ref);
}
END_TEST

/* ---- values at their edges ------------------------------------------------------ */

/* The 4 data octets of |a| as they are on the wire. */
static uint32_t raw32(const wchg_avp *a) {
  ck_assert_uint_eq(a->len, 4);
  return (uint32_t)a->data[0] << 24 | (uint32_t)a->data[1] << 16 | (uint32_t)a->data[2] << 8 |
         a->data[3];
}

START_TEST(times_fractions_eras) {
  static const struct {
    int64_t req_ms, rsp_ms, event_ms;
    int64_t req_s, rsp_s, event_s;
    uint32_t req_frac, rsp_frac;
    uint32_t req_ntp;
  } cases[] = {
      /* fractions up to 999 */
      {1795510800999LL, 1795510801000LL, 1795510800001LL, 1795510800, 1795510801, 1795510800,
       999, 0, 0xEEAFD090u},
      /* before 1970: seconds round down, fractions stay 0..999 */
      {-1, -1000, -1001, -1, -1, -2, 999, 0, 2208988799u},
      /* the NTP era rule: 2036-02-07T06:28:16Z is 0 in era 1 */
      {2085978496000LL, 2085978495999LL, 2085978496000LL, 2085978496LL, 2085978495LL,
       2085978496LL, 0, 999, 0},
      /* the first and the last second of the range */
      {FIRST_MS, LAST_MS, FIRST_MS, -61505152LL, 4233462143LL, -61505152LL, 0, 999,
       0x80000000u},
  };
  char name[32];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    wchg_acr a;
    wchg_dmsg m;
    size_t len;
    rf_minimal_acr(&a, WCHG_ACR_EVENT);
    a.sip_request_timestamp = WCHG_TIME_MS(cases[i].req_ms);
    a.sip_response_timestamp = WCHG_TIME_MS(cases[i].rsp_ms);
    a.event_timestamp = WCHG_TIME_MS(cases[i].event_ms);
    uint8_t *buf = encode(&a, &len);
    parse(buf, len, &m);
    wchg_avp ev, ims = ims_of(&m), ts = find3(&m, &ims, 833);
    ck_assert(wchg_avp_find(&m, NULL, 55, 0, &ev));
    ck_assert_int_eq(time_of(&ev), cases[i].event_s);
    wchg_avp req = find3(&m, &ts, 834), rsp = find3(&m, &ts, 835);
    ck_assert_int_eq(time_of(&req), cases[i].req_s);
    ck_assert_int_eq(time_of(&rsp), cases[i].rsp_s);
    ck_assert_uint_eq(raw32(&req), cases[i].req_ntp);
    wchg_avp req_frac = find3(&m, &ts, 2301), rsp_frac = find3(&m, &ts, 2302);
    ck_assert_uint_eq(u32_of(&req_frac), cases[i].req_frac);
    ck_assert_uint_eq(u32_of(&rsp_frac), cases[i].rsp_frac);
    snprintf(name, sizeof name, "rf_times_%zu", i);
    test_out_write_diam(name, buf, len);
    free(buf);
  }
}
END_TEST

START_TEST(only_one_time_stamp) {
  wchg_acr a;
  wchg_dmsg m;
  wchg_avp x;
  size_t len;
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.sip_response_timestamp = WCHG_TIME_MS(1795510804980LL);
  uint8_t *buf = encode(&a, &len);
  parse(buf, len, &m);
  wchg_avp ims = ims_of(&m), ts = find3(&m, &ims, 833);
  ck_assert(!wchg_avp_find(&m, &ts, 834, V3, &x));
  ck_assert(!wchg_avp_find(&m, &ts, 2301, V3, &x));
  x = find3(&m, &ts, 2302);
  ck_assert_uint_eq(u32_of(&x), 980);
  free(buf);
}
END_TEST

START_TEST(integer32_and_unsigned32_edges) {
  static const struct {
    int64_t cause;
    uint32_t raw;
  } causes[] = {{-302, 0xFFFFFED2u}, {INT32_MIN, 0x80000000u}, {INT32_MAX, 0x7FFFFFFFu},
                {-3, 0xFFFFFFFDu}, {486, 486}, {0, 0}};
  for (size_t i = 0; i < sizeof causes / sizeof causes[0]; i++) {
    wchg_acr a;
    wchg_dmsg m;
    size_t len;
    int32_t v;
    rf_minimal_acr(&a, WCHG_ACR_STOP);
    a.cause_code = WCHG_INT(causes[i].cause);
    a.origin_state_id = WCHG_INT(i % 2 ? 0 : UINT32_MAX);
    a.acct_interim_interval = WCHG_INT(i % 2 ? UINT32_MAX : 0);
    uint8_t *buf = encode(&a, &len);
    parse(buf, len, &m);
    wchg_avp ims = ims_of(&m), cc = find3(&m, &ims, 861), st, ai;
    ck_assert_uint_eq(raw32(&cc), causes[i].raw);
    ck_assert_int_eq(wchg_avp_i32(&cc, &v), WCHG_OK);
    ck_assert_int_eq(v, causes[i].cause);
    ck_assert(wchg_avp_find(&m, NULL, 278, 0, &st));
    ck_assert(wchg_avp_find(&m, NULL, 85, 0, &ai));
    ck_assert_uint_eq(u32_of(&st), i % 2 ? 0 : UINT32_MAX);
    ck_assert_uint_eq(u32_of(&ai), i % 2 ? UINT32_MAX : 0);
    if (i == 0)
      test_out_write_diam("rf_cause", buf, len);
    free(buf);
  }
  /* wchg_cause_code's values go out as they are */
  ck_assert_int_eq(wchg_cause_code("REGISTER", 200, true), -3);
}
END_TEST

/* IMS-Emergency-Indicator = 1 for a plain IMS user (no WebRTC identity);
 * refused for a WebRTC client (every_error_with_its_path). */
START_TEST(emergency_rule) {
  wchg_acr a;
  wchg_dmsg m;
  size_t len;
  rf_minimal_acr(&a, WCHG_ACR_START);
  a.ims.ims_emergency_indicator = true;
  uint8_t *buf = encode(&a, &len);
  parse(buf, len, &m);
  wchg_avp ims = ims_of(&m), em = find3(&m, &ims, 2322);
  ck_assert_uint_eq(em.flags, WCHG_AVP_FLAG_V | WCHG_AVP_FLAG_M);
  ck_assert_uint_eq(u32_of(&em), 1);
  test_out_write_diam("rf_emergency_ims", buf, len);
  free(buf);

  a.ims.webrtc_web_server_function_name = WCHG_STR("wwsf.example.com");
  ck_assert_int_eq(wchg_acr_encode(&a, NULL, 0, &len, NULL), WCHG_E_EMERGENCY);
}
END_TEST

/* Address forms: text and binary, v4 and v6; a domain-name node and the
 * CDR-only originator are not sent. */
START_TEST(addresses_and_unsent_fields) {
  static const wchg_message_body with_originator[] = {
      {.content_type = WCHG_STR("text/plain"),
       .content_length = WCHG_INT(0),
       .originator = {WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@ims.example.com")}}};
  wchg_acr a;
  wchg_dmsg m;
  wchg_avp x;
  size_t len;
  uint8_t want[18];
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.ims.served_party_ip_address =
      (wchg_ip_address){.choice = WCHG_IP_BIN_V6, .bin = {0x20, 0x01, 0x0d, 0xb8, [15] = 0x23}};
  a.ims.nni_information =
      (wchg_nni_information){.present = true,
                             .neighbour_node_address = {.choice = WCHG_IP_TEXT_V6,
                                                        .text = WCHG_STR("2001:DB8::5")}};
  a.ims.related_icid_generation_node.choice = WCHG_NODE_DOMAIN_NAME;
  a.ims.related_icid_generation_node.domain_name = WCHG_STR("scscf1.ims.example.com");
  a.ims.list_of_message_bodies = (wchg_message_body_list){with_originator, 1};
  uint8_t *buf = encode(&a, &len);
  parse(buf, len, &m);
  wchg_avp ims = ims_of(&m), spa = find3(&m, &ims, 848), nni = find3(&m, &ims, 2703);
  test_unhex("0002 20010db8000000000000000000000023", want, sizeof want);
  ck_assert_uint_eq(spa.len, 18);
  ck_assert_mem_eq(spa.data, want, 18);
  x = find3(&m, &nni, 2705);
  test_unhex("0002 20010db8000000000000000000000005", want, sizeof want);
  ck_assert_uint_eq(x.len, 18);
  ck_assert_mem_eq(x.data, want, 18);
  ck_assert(!wchg_avp_find(&m, &ims, 2712, V3, &x)); /* a domain name: no Address */
  wchg_avp body = find3(&m, &ims, 889);
  ck_assert(!wchg_avp_find(&m, &body, 864, V3, &x)); /* Originator */
  x = find3(&m, &body, 827);
  ck_assert_uint_eq(u32_of(&x), 0);
  test_out_write_diam("rf_v6", buf, len);
  free(buf);
}
END_TEST

/* A list entry with no flag and no SDP-Type: Media-Initiator-Flag 0
 * (called party) in each component, no SDP-Type, no Media-Initiator-Party. */
START_TEST(media_initiator_called_party) {
  static const wchg_sdp_media_component one[] = {
      {.sdp_media_name = WCHG_STR("m=audio 9 RTP/AVP 0")}};
  static const wchg_media_components_list entry[] = {{.sdp_media_components = {one, 1}}};
  wchg_acr a;
  wchg_dmsg m;
  wchg_avp x;
  size_t len;
  rf_minimal_acr(&a, WCHG_ACR_START);
  a.ims.list_of_sdp_media_components = (wchg_media_components_list_list){entry, 1};
  uint8_t *buf = encode(&a, &len);
  parse(buf, len, &m);
  wchg_avp ims = ims_of(&m), c = find3(&m, &ims, 843);
  x = find3(&m, &c, 882);
  ck_assert_uint_eq(u32_of(&x), 0);
  ck_assert(!wchg_avp_find(&m, &c, 2036, V3, &x));
  ck_assert(!wchg_avp_find(&m, &c, 1288, V3, &x));
  ck_assert(!wchg_avp_find(&m, &ims, 842, V3, &x));
  free(buf);
}
END_TEST

Suite *rf_suite(void) {
  Suite *s = suite_create("rf");
  TCase *t = tcase_create("acr");
  tcase_add_test(t, full_acr_parses_avp_by_avp);
  tcase_add_test(t, golden_equals_hand_built_sample);
  tcase_add_test(t, minimal_of_each_record_type);
  tcase_add_loop_test(t, every_error_with_its_path, 0, (int)(sizeof errors / sizeof errors[0]));
  tcase_add_test(t, null_arguments);
  tcase_add_test(t, init_sets_p_cscf);
  tcase_add_test(t, buffer_too_small_at_every_length);
  tcase_add_test(t, times_fractions_eras);
  tcase_add_test(t, only_one_time_stamp);
  tcase_add_test(t, integer32_and_unsigned32_edges);
  tcase_add_test(t, emergency_rule);
  tcase_add_test(t, addresses_and_unsent_fields);
  tcase_add_test(t, media_initiator_called_party);
  suite_add_tcase(s, t);
  return s;
}
