/* test_rf_dec.c: rf_dec_suite — the ACR decoder (acr.h, wchg_acr_decode):
 * the full model of test_rf.c, the hand-built sample ACR and a minimal ACR
 * of each type decode field by field and encode back to the same bytes;
 * lists up to their capacity and one past it; foreign AVPs skipped; every
 * documented error with its code, Result-Code, path and offset; reader
 * errors passed through for every prefix; no allocation in a decode.
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
#define IMS "Service-Information/IMS-Information"
#define MAXMSG 65536

/* ---- helpers ---------------------------------------------------------------- */

static uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Encode |a| into |buf| (MAXMSG), asserting success. */
static size_t encode_into(const wchg_acr *a, uint8_t *buf) {
  wchg_diag d;
  size_t len = 0;
  int rc = wchg_acr_encode(a, buf, MAXMSG, &len, &d);
  ck_assert_msg(rc == WCHG_OK, "encode: %s at %s: %s", wchg_strerror(rc), d.path, d.message);
  return len;
}

static const wchg_acr *decode_ok(wchg_acr_reader *r, const uint8_t *buf, size_t len) {
  const wchg_acr *out = NULL;
  wchg_diag d;
  int rc = wchg_acr_decode(r, buf, len, &out, &d);
  ck_assert_msg(rc == WCHG_OK, "decode: %s (%u) at %s, offset %zu: %s", wchg_strerror(rc),
                (unsigned)d.result_code, d.path, d.offset, d.message);
  ck_assert_int_eq(d.code, WCHG_OK);
  ck_assert_ptr_nonnull(out);
  return out;
}

/* decode(buf), then encode: the same bytes; returns the model. */
static const wchg_acr *round_trip(wchg_acr_reader *r, const uint8_t *buf, size_t len) {
  static uint8_t again[MAXMSG];
  const wchg_acr *m = decode_ok(r, buf, len);
  size_t n = encode_into(m, again);
  ck_assert_uint_eq(n, len);
  ck_assert_mem_eq(again, buf, len);
  return m;
}

/* A decode that fails with |code| and |result|; returns the diag. */
static wchg_diag decode_err(wchg_acr_reader *r, const uint8_t *buf, size_t len, int code,
                            uint32_t result) {
  const wchg_acr *out = (const wchg_acr *)1;
  wchg_diag d;
  int rc = wchg_acr_decode(r, buf, len, &out, &d);
  ck_assert_msg(rc == code, "decode: %s, not %s (%s: %s)", wchg_strerror(rc),
                wchg_strerror(code), d.path, d.message);
  ck_assert_int_eq(d.code, code);
  ck_assert_uint_eq(d.result_code, result);
  ck_assert_ptr_null(out);
  ck_assert(d.message[0] != 0);
  return d;
}

#define STR_EQ(a, b)                                                                     \
  do {                                                                                   \
    wchg_str x_ = (a), y_ = (b);                                                         \
    ck_assert_msg((x_.ptr == NULL) == (y_.ptr == NULL), "%s: presence differs", #a);      \
    ck_assert_msg(x_.len == y_.len && (!x_.len || !memcmp(x_.ptr, y_.ptr, x_.len)),       \
                  "%s: \"%.*s\" != \"%.*s\"", #a, (int)x_.len, x_.ptr ? x_.ptr : "",      \
                  (int)y_.len, y_.ptr ? y_.ptr : "");                                    \
  } while (0)
#define OCT_EQ(a, b)                                                                     \
  STR_EQ(((wchg_str){(const char *)(a).ptr, (a).len}),                                   \
         ((wchg_str){(const char *)(b).ptr, (b).len}))
#define OPT_EQ(a, b)                                                                     \
  do {                                                                                   \
    ck_assert_msg((a).present == (b).present, "%s: presence differs", #a);               \
    if ((a).present)                                                                     \
      ck_assert_msg((a).value == (b).value, "%s: %lld != %lld", #a, (long long)(a).value, \
                    (long long)(b).value);                                               \
  } while (0)

static void party_eq(const wchg_involved_party *a, const wchg_involved_party *b) {
  ck_assert_int_eq(a->choice, b->choice);
  STR_EQ(a->value, b->value);
}

static void parties_eq(const wchg_involved_party_list *a, const wchg_involved_party_list *b) {
  ck_assert_uint_eq(a->count, b->count);
  for (size_t i = 0; i < a->count; i++)
    party_eq(&a->items[i], &b->items[i]);
}

static void strs_eq(const wchg_str_list *a, const wchg_str_list *b) {
  ck_assert_uint_eq(a->count, b->count);
  for (size_t i = 0; i < a->count; i++)
    STR_EQ(a->items[i], b->items[i]);
}

static void media_eq(const wchg_media_components_list_list *a,
                     const wchg_media_components_list_list *b) {
  ck_assert_uint_eq(a->count, b->count);
  if (!a->count)
    return;
  const wchg_media_components_list *x = a->items, *y = b->items;
  ck_assert_int_eq(x->media_initiator_flag, y->media_initiator_flag);
  party_eq(&x->media_initiator_party, &y->media_initiator_party);
  OPT_EQ(x->sdp_type, y->sdp_type);
  strs_eq(&x->sdp_session_description, &y->sdp_session_description);
  ck_assert(!x->sip_request_timestamp.present && !x->sip_response_timestamp.present);
  ck_assert_uint_eq(x->sdp_media_components.count, y->sdp_media_components.count);
  for (size_t i = 0; i < x->sdp_media_components.count; i++) {
    const wchg_sdp_media_component *c = &x->sdp_media_components.items[i];
    const wchg_sdp_media_component *e = &y->sdp_media_components.items[i];
    STR_EQ(c->sdp_media_name, e->sdp_media_name);
    strs_eq(&c->sdp_media_descriptions, &e->sdp_media_descriptions);
    OPT_EQ(c->gprs_charging_id, e->gprs_charging_id);
    STR_EQ(c->access_network_charging_identifier, e->access_network_charging_identifier);
    OPT_EQ(c->local_gw_inserted_indication, e->local_gw_inserted_indication);
    OPT_EQ(c->ip_realm_default_indication, e->ip_realm_default_indication);
    OPT_EQ(c->transcoder_inserted_indication, e->transcoder_inserted_indication);
  }
}

static void ip_eq(const wchg_ip_address *a, const wchg_ip_address *b) {
  ck_assert_int_eq(a->choice, b->choice);
  if (a->choice == WCHG_IP_BIN_V4 || a->choice == WCHG_IP_BIN_V6)
    ck_assert_mem_eq(a->bin, b->bin, a->choice == WCHG_IP_BIN_V4 ? 4 : 16);
  ck_assert(!a->pdp_address_prefix_length.present);
  ck_assert_ptr_null(a->text.ptr);
}

/* Every field of the acr.h table, |got| against |want|, except the
 * addresses and the times (the callers check those: their form changes). */
static void model_eq(const wchg_acr *got, const wchg_acr *want) {
  const wchg_ims_info *g = &got->ims, *w = &want->ims;
  ck_assert_uint_eq(got->hop_by_hop, want->hop_by_hop);
  ck_assert_uint_eq(got->end_to_end, want->end_to_end);
  ck_assert_int_eq(got->retransmitted, want->retransmitted);
  STR_EQ(got->session_id, want->session_id);
  STR_EQ(got->origin_host, want->origin_host);
  STR_EQ(got->origin_realm, want->origin_realm);
  STR_EQ(got->destination_realm, want->destination_realm);
  STR_EQ(got->destination_host, want->destination_host);
  ck_assert_int_eq(got->accounting_record_type, want->accounting_record_type);
  ck_assert_uint_eq(got->accounting_record_number, want->accounting_record_number);
  OPT_EQ(got->acct_interim_interval, want->acct_interim_interval);
  OPT_EQ(got->origin_state_id, want->origin_state_id);
  ck_assert_int_eq(got->node_functionality, want->node_functionality);
  OPT_EQ(got->cause_code, want->cause_code);
  STR_EQ(g->private_user_id, w->private_user_id);
  STR_EQ(g->service_context_id, w->service_context_id);
  ck_assert_uint_eq(g->list_of_subscription_id.count, w->list_of_subscription_id.count);
  for (size_t i = 0; i < g->list_of_subscription_id.count; i++) {
    OPT_EQ(g->list_of_subscription_id.items[i].subscription_id_type,
           w->list_of_subscription_id.items[i].subscription_id_type);
    STR_EQ(g->list_of_subscription_id.items[i].subscription_id_data,
           w->list_of_subscription_id.items[i].subscription_id_data);
  }
  STR_EQ(g->sip_method, w->sip_method);
  STR_EQ(g->event, w->event);
  OPT_EQ(g->expires_information, w->expires_information);
  OPT_EQ(g->role_of_node, w->role_of_node);
  STR_EQ(g->session_id, w->session_id);
  OPT_EQ(g->session_priority, w->session_priority);
  parties_eq(&g->list_of_calling_party_address, &w->list_of_calling_party_address);
  party_eq(&g->called_party_address, &w->called_party_address);
  parties_eq(&g->list_of_called_asserted_identity, &w->list_of_called_asserted_identity);
  parties_eq(&g->list_of_requested_party_address, &w->list_of_requested_party_address);
  parties_eq(&g->list_of_associated_uri, &w->list_of_associated_uri);
  ck_assert_int_eq(g->inter_operator_identifiers.present, w->inter_operator_identifiers.present);
  STR_EQ(g->inter_operator_identifiers.originating_ioi, w->inter_operator_identifiers.originating_ioi);
  STR_EQ(g->inter_operator_identifiers.terminating_ioi, w->inter_operator_identifiers.terminating_ioi);
  strs_eq(&g->transit_ioi_lists, &w->transit_ioi_lists);
  OCT_EQ(g->ims_charging_identifier, w->ims_charging_identifier);
  media_eq(&g->list_of_sdp_media_components, &w->list_of_sdp_media_components);
  ck_assert_uint_eq(g->list_of_message_bodies.count, w->list_of_message_bodies.count);
  for (size_t i = 0; i < g->list_of_message_bodies.count; i++) {
    const wchg_message_body *x = &g->list_of_message_bodies.items[i];
    const wchg_message_body *y = &w->list_of_message_bodies.items[i];
    STR_EQ(x->content_type, y->content_type);
    STR_EQ(x->content_disposition, y->content_disposition);
    OPT_EQ(x->content_length, y->content_length);
    ck_assert_int_eq(x->originator.choice, WCHG_PARTY_ABSENT);
  }
  strs_eq(&g->list_of_reason_header, &w->list_of_reason_header);
  OCT_EQ(g->access_network_information, w->access_network_information);
  OCT_EQ(g->additional_access_network_information, w->additional_access_network_information);
  OCT_EQ(g->cellular_network_information, w->cellular_network_information);
  OCT_EQ(g->ims_communication_service_identifier, w->ims_communication_service_identifier);
  ck_assert_int_eq(g->nni_information.present, w->nni_information.present);
  OPT_EQ(g->nni_information.session_direction, w->nni_information.session_direction);
  OPT_EQ(g->nni_information.nni_type, w->nni_information.nni_type);
  OPT_EQ(g->nni_information.relationship_mode, w->nni_information.relationship_mode);
  OCT_EQ(g->from_address, w->from_address);
  ck_assert_int_eq(g->ims_emergency_indicator, w->ims_emergency_indicator);
  OCT_EQ(g->ims_visited_network_identifier, w->ims_visited_network_identifier);
  OCT_EQ(g->related_icid, w->related_icid);
  ck_assert_int_eq(g->related_icid_generation_node.choice, w->related_icid_generation_node.choice);
  OCT_EQ(g->route_header_received, w->route_header_received);
  OCT_EQ(g->route_header_transmitted, w->route_header_transmitted);
  OCT_EQ(g->instance_id, w->instance_id);
  strs_eq(&g->fe_identifier_list, &w->fe_identifier_list);
  STR_EQ(g->webrtc_authentication_function_name, w->webrtc_authentication_function_name);
  STR_EQ(g->webrtc_web_server_function_name, w->webrtc_web_server_function_name);
}

/* ---- round trips --------------------------------------------------------------- */

START_TEST(full_model_round_trip) {
  static uint8_t buf[MAXMSG];
  wchg_acr want;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  ck_assert_ptr_nonnull(r);
  rf_full_acr(&want);
  size_t len = encode_into(&want, buf);
  const wchg_acr *got = round_trip(r, buf, len);
  test_out_write_diam("rf_dec_full", buf, len);
  model_eq(got, &want);
  /* what changes form: whole seconds on the wire; addresses binary */
  ck_assert_int_eq(got->event_timestamp.unix_ms, 1795510900000LL);
  ck_assert_int_eq(got->sip_request_timestamp.unix_ms, want.sip_request_timestamp.unix_ms);
  ck_assert_int_eq(got->sip_response_timestamp.unix_ms, want.sip_response_timestamp.unix_ms);
  wchg_ip_address v6 = {.choice = WCHG_IP_BIN_V6,
                        .bin = {0x20, 0x01, 0x0d, 0xb8, [15] = 0x23}};
  ip_eq(&got->ims.served_party_ip_address, &v6);
  ip_eq(&got->ims.nni_information.neighbour_node_address,
        &want.ims.nni_information.neighbour_node_address);
  v6.bin[15] = 1;
  ip_eq(&got->ims.related_icid_generation_node.ip_address, &v6);
  /* views into the message and into the reader */
  ck_assert(got->session_id.ptr > (const char *)buf &&
            got->session_id.ptr < (const char *)buf + len);
  ck_assert(got->ims.webrtc_web_server_function_name.ptr < (const char *)buf + len);
  wchg_acr_reader_free(r);
}
END_TEST

START_TEST(sample_acr_round_trip) {
  uint8_t buf[2048];
  size_t len;
  wchg_acr want;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  ck_assert_int_eq(sample_acr(buf, sizeof buf, &len), WCHG_OK);
  const wchg_acr *got = round_trip(r, buf, len);
  rf_sample_as_model(&want);
  model_eq(got, &want);
  ck_assert_int_eq(got->event_timestamp.unix_ms, want.event_timestamp.unix_ms);
  ck_assert_int_eq(got->sip_request_timestamp.unix_ms, 1795510800125LL);
  ck_assert_int_eq(got->sip_response_timestamp.unix_ms, 1795510804980LL);
  ip_eq(&got->ims.served_party_ip_address, &want.ims.served_party_ip_address);

  /* the golden file of the same message */
  size_t flen;
  uint8_t *file = test_read_file("tests/vectors/sample-acr.diam", &flen);
  ck_assert_uint_eq(flen, len);
  round_trip(r, file, flen);
  free(file);
  wchg_acr_reader_free(r);
}
END_TEST

START_TEST(minimal_of_each_type) {
  uint8_t buf[512];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  for (int32_t type = WCHG_ACR_EVENT; type <= WCHG_ACR_STOP; type++) {
    wchg_acr want;
    size_t len;
    rf_minimal_acr(&want, type);
    ck_assert_int_eq(wchg_acr_encode(&want, buf, sizeof buf, &len, NULL), WCHG_OK);
    const wchg_acr *got = round_trip(r, buf, len);
    model_eq(got, &want);
    ck_assert(!got->event_timestamp.present && !got->sip_request_timestamp.present &&
              !got->sip_response_timestamp.present);
    ck_assert_int_eq(got->ims.served_party_ip_address.choice, WCHG_IP_ABSENT);
    ck_assert_int_eq(got->ims.nni_information.neighbour_node_address.choice, WCHG_IP_ABSENT);
    ck_assert_ptr_null(got->ims.list_of_calling_party_address.items);
  }
  wchg_acr_reader_free(r);
}
END_TEST

/* A reader reused: nothing of the full ACR stays in the minimal one. */
START_TEST(reuse_leaves_nothing_behind) {
  static uint8_t full[MAXMSG];
  uint8_t min[512];
  wchg_acr a, want;
  size_t flen, mlen;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  rf_full_acr(&a);
  flen = encode_into(&a, full);
  rf_minimal_acr(&want, WCHG_ACR_STOP);
  ck_assert_int_eq(wchg_acr_encode(&want, min, sizeof min, &mlen, NULL), WCHG_OK);
  decode_ok(r, full, flen);
  model_eq(round_trip(r, min, mlen), &want);
  /* and after an error too */
  decode_err(r, full, flen - 4, WCHG_E_DIAMETER, 5015);
  model_eq(round_trip(r, min, mlen), &want);
  model_eq(round_trip(r, full, flen), &a);
  wchg_acr_reader_free(r);
}
END_TEST

/* Times: milliseconds split and joined, before 1970 and at both ends of
 * the Time range (1968-01-20 03:14:08 .. 2104-02-26 09:42:23). */
START_TEST(times_round_trip) {
  static const int64_t ms[] = {0, 1, 999, 1000, -1, -999, -1000, -1001, 1795510800125LL,
                               -61505152000LL, -61505151001LL, 4233462143999LL};
  uint8_t buf[512];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++) {
    wchg_acr a;
    size_t len;
    rf_minimal_acr(&a, WCHG_ACR_EVENT);
    a.sip_request_timestamp = WCHG_TIME_MS(ms[i]);
    int64_t rsp = ms[i] > 0 ? ms[i] - 5 : ms[i] + 5; /* inside the range */
    a.sip_response_timestamp = WCHG_TIME_MS(rsp);
    a.event_timestamp = WCHG_TIME_MS(ms[i] - (ms[i] % 1000 + 1000) % 1000); /* whole seconds */
    ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), WCHG_OK);
    const wchg_acr *got = round_trip(r, buf, len);
    ck_assert_int_eq(got->sip_request_timestamp.unix_ms, ms[i]);
    ck_assert_int_eq(got->sip_response_timestamp.unix_ms, rsp);
    ck_assert_int_eq(got->event_timestamp.unix_ms, a.event_timestamp.unix_ms);
  }
  wchg_acr_reader_free(r);
}
END_TEST

/* Edge values of every integer field survive. */
START_TEST(integer_edges_round_trip) {
  uint8_t buf[512];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  for (int k = 0; k < 2; k++) {
    wchg_acr a;
    size_t len;
    rf_minimal_acr(&a, WCHG_ACR_INTERIM);
    a.hop_by_hop = k ? 0xFFFFFFFFu : 0;
    a.end_to_end = k ? 0xFFFFFFFFu : 0;
    a.accounting_record_number = k ? 0xFFFFFFFFu : 0;
    a.acct_interim_interval = WCHG_INT(k ? 0xFFFFFFFFLL : 0);
    a.origin_state_id = WCHG_INT(k ? 0xFFFFFFFFLL : 0);
    a.cause_code = WCHG_INT(k ? INT32_MAX : INT32_MIN);
    a.node_functionality = k ? 21 : 0;
    a.ims.expires_information = WCHG_INT(k ? 0xFFFFFFFFLL : 0);
    ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), WCHG_OK);
    model_eq(round_trip(r, buf, len), &a);
  }
  wchg_acr_reader_free(r);
}
END_TEST

/* The InvolvedParty alternative by the URI scheme. */
START_TEST(party_choice_by_scheme) {
  static const struct {
    const char *text;
    wchg_involved_party_choice choice;
  } cases[] = {
      {"sip:a@b", WCHG_PARTY_SIP_URI}, {"SIPS:a@b", WCHG_PARTY_SIP_URI},
      {"tel:+1555", WCHG_PARTY_TEL_URI}, {"TeL:+1555", WCHG_PARTY_TEL_URI},
      {"urn:service:sos", WCHG_PARTY_URN}, {"URN:x", WCHG_PARTY_URN},
      {"unknown", WCHG_PARTY_SIP_URI}, {"", WCHG_PARTY_SIP_URI},
      {"tel", WCHG_PARTY_SIP_URI}, {"telx:1", WCHG_PARTY_SIP_URI},
  };
  enum { N = sizeof cases / sizeof cases[0] };
  wchg_involved_party parties[N];
  uint8_t buf[2048];
  size_t len;
  wchg_acr a;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  for (size_t i = 0; i < N; i++)
    parties[i] = (wchg_involved_party){cases[i].choice, wchg_str_from(cases[i].text)};
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.ims.list_of_calling_party_address = (wchg_involved_party_list){parties, N};
  a.ims.list_of_associated_uri = (wchg_involved_party_list){parties, N};
  a.ims.called_party_address = parties[4];
  ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), WCHG_OK);
  model_eq(round_trip(r, buf, len), &a);
  wchg_acr_reader_free(r);
}
END_TEST

/* FE-Identifier-List: split at ',' so that the join gives it back. */
START_TEST(fe_identifier_list_split) {
  static const wchg_str one[] = {WCHG_STR("a,b")};
  static const wchg_str two[] = {WCHG_STR("a"), WCHG_STR("b")};
  static const wchg_str empties[] = {WCHG_STR(""), WCHG_STR(""), WCHG_STR("x")};
  static const wchg_str empty[] = {WCHG_STR("")};
  uint8_t buf[512];
  size_t len;
  wchg_acr a;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.ims.fe_identifier_list = (wchg_str_list){one, 1};
  ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), WCHG_OK);
  const wchg_acr *got = round_trip(r, buf, len);
  wchg_str_list want = {two, 2};
  strs_eq(&got->ims.fe_identifier_list, &want);
  a.ims.fe_identifier_list = (wchg_str_list){empties, 3};
  ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), WCHG_OK);
  model_eq(round_trip(r, buf, len), &a);
  a.ims.fe_identifier_list = (wchg_str_list){empty, 1};
  ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), WCHG_OK);
  model_eq(round_trip(r, buf, len), &a);
  wchg_acr_reader_free(r);
}
END_TEST

/* IMS-Emergency-Indicator without a WebRTC identity: charged, decoded. */
START_TEST(emergency_without_webrtc) {
  uint8_t buf[512];
  size_t len;
  wchg_acr a;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  rf_minimal_acr(&a, WCHG_ACR_START);
  a.ims.ims_emergency_indicator = true;
  ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), WCHG_OK);
  ck_assert(round_trip(r, buf, len)->ims.ims_emergency_indicator);
  wchg_acr_reader_free(r);
}
END_TEST

/* ---- lists: up to the capacity, and one past it ------------------------------- */

static wchg_str many_str[WCHG_ACR_MAX_SDP_MEDIA_DESCRIPTIONS + 1]; /* the longest list */
static wchg_involved_party many_party[WCHG_ACR_MAX_PARTIES + 1];
static wchg_subscription_id many_sub[WCHG_ACR_MAX_SUBSCRIPTION_IDS + 1];
static wchg_message_body many_body[WCHG_ACR_MAX_MESSAGE_BODIES + 1];
static wchg_sdp_media_component many_comp[WCHG_ACR_MAX_SDP_MEDIA_COMPONENTS + 1];
static wchg_media_components_list the_media[1];

static void fill_many(void) {
  for (size_t i = 0; i < sizeof many_str / sizeof many_str[0]; i++)
    many_str[i] = WCHG_STR("x");
  for (size_t i = 0; i < sizeof many_party / sizeof many_party[0]; i++)
    many_party[i] = (wchg_involved_party){WCHG_PARTY_SIP_URI, WCHG_STR("sip:p@example.com")};
  for (size_t i = 0; i < sizeof many_sub / sizeof many_sub[0]; i++)
    many_sub[i] = (wchg_subscription_id){WCHG_INT(2), WCHG_STR("sip:p@example.com")};
  for (size_t i = 0; i < sizeof many_body / sizeof many_body[0]; i++)
    many_body[i] = (wchg_message_body){.content_type = WCHG_STR("text/plain"),
                                       .content_length = WCHG_INT(1)};
  for (size_t i = 0; i < sizeof many_comp / sizeof many_comp[0]; i++)
    many_comp[i] = (wchg_sdp_media_component){.sdp_media_name = WCHG_STR("m=audio 9 RTP/AVP 0")};
  memset(the_media, 0, sizeof the_media);
}

static void media_with(wchg_acr *a) {
  a->ims.list_of_sdp_media_components = (wchg_media_components_list_list){the_media, 1};
}
/* set_<name>(a, n): the model list |field| of |n| entries of |items| */
#define SETTER(name, field, type, items) \
  static void set_##name(wchg_acr *a, size_t n) { a->ims.field = (type){items, n}; }
SETTER(calling, list_of_calling_party_address, wchg_involved_party_list, many_party)
SETTER(asserted, list_of_called_asserted_identity, wchg_involved_party_list, many_party)
SETTER(requested, list_of_requested_party_address, wchg_involved_party_list, many_party)
SETTER(associated, list_of_associated_uri, wchg_involved_party_list, many_party)
SETTER(subs, list_of_subscription_id, wchg_subscription_id_list, many_sub)
SETTER(transit, transit_ioi_lists, wchg_str_list, many_str)
SETTER(reasons, list_of_reason_header, wchg_str_list, many_str)
SETTER(bodies, list_of_message_bodies, wchg_message_body_list, many_body)
SETTER(fe, fe_identifier_list, wchg_str_list, many_str)
static void set_session_lines(wchg_acr *a, size_t n) {
  the_media[0].sdp_session_description = (wchg_str_list){many_str, n};
  media_with(a);
}
static void set_components(wchg_acr *a, size_t n) {
  the_media[0].sdp_media_components = (wchg_sdp_media_component_list){many_comp, n};
  media_with(a);
}
/* The SDP-Media-Descriptions of all components share one capacity: half
 * in each of two components. */
static void set_media_lines(wchg_acr *a, size_t n) {
  many_comp[0].sdp_media_descriptions = (wchg_str_list){many_str, n / 2};
  many_comp[1].sdp_media_descriptions = (wchg_str_list){many_str, n - n / 2};
  set_components(a, 2);
}

static const struct {
  void (*set)(wchg_acr *a, size_t n);
  size_t cap;
  uint32_t code; /* of the AVP that does not fit */
  const char *path;
} lists[] = {
    {set_calling, WCHG_ACR_MAX_PARTIES, 831, IMS "/Calling-Party-Address[16]"},
    {set_asserted, WCHG_ACR_MAX_PARTIES, 1250, IMS "/Called-Asserted-Identity[16]"},
    {set_requested, WCHG_ACR_MAX_PARTIES, 1251, IMS "/Requested-Party-Address[16]"},
    {set_associated, WCHG_ACR_MAX_PARTIES, 856, IMS "/Associated-URI[16]"},
    {set_subs, WCHG_ACR_MAX_SUBSCRIPTION_IDS, 443, "Service-Information/Subscription-Id[16]"},
    {set_transit, WCHG_ACR_MAX_TRANSIT_IOIS, 2701, IMS "/Transit-IOI-List[16]"},
    {set_reasons, WCHG_ACR_MAX_REASON_HEADERS, 3401, IMS "/Reason-Header[16]"},
    {set_bodies, WCHG_ACR_MAX_MESSAGE_BODIES, 889, IMS "/Message-Body[16]"},
    {set_fe, WCHG_ACR_MAX_FE_IDENTIFIERS, 4413, IMS "/FE-Identifier-List[32]"},
    {set_session_lines, WCHG_ACR_MAX_SDP_SESSION_DESCRIPTIONS, 842,
     IMS "/SDP-Session-Description[64]"},
    {set_components, WCHG_ACR_MAX_SDP_MEDIA_COMPONENTS, 843, IMS "/SDP-Media-Component[64]"},
    {set_media_lines, WCHG_ACR_MAX_SDP_MEDIA_DESCRIPTIONS, 845,
     IMS "/SDP-Media-Component[1]/SDP-Media-Description[512]"},
};

START_TEST(list_capacity) {
  static uint8_t buf[MAXMSG];
  wchg_acr a;
  size_t len;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  fill_many();
  /* at the capacity: decoded whole */
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  lists[_i].set(&a, lists[_i].cap);
  len = encode_into(&a, buf);
  model_eq(round_trip(r, buf, len), &a);
  /* one more: refused, at the AVP that does not fit */
  lists[_i].set(&a, lists[_i].cap + 1);
  len = encode_into(&a, buf);
  wchg_diag d = decode_err(r, buf, len, WCHG_E_LIMIT, 5012);
  ck_assert_str_eq(d.path, lists[_i].path);
  ck_assert_uint_lt(d.offset, len);
  ck_assert_uint_eq(be32(buf + d.offset), lists[_i].code);
  /* the answer names it as the Failed-AVP */
  wchg_aca aca;
  ck_assert_int_eq(wchg_aca_from_acr(buf, len, &d, &aca), WCHG_OK);
  ck_assert_uint_eq(aca.result_code, 5012);
  ck_assert_ptr_eq(aca.failed_avp.ptr, buf + d.offset);
  wchg_acr_reader_free(r);
}
END_TEST

/* ---- hand-built ACRs: what our encoder never writes ------------------------------ */

#define STR(w, code, vendor, s) wchg_dw_utf8(w, code, vendor, s, sizeof(s) - 1)

enum { NO_SI = 1, NO_IMS = 2, EMPTY_ORIGIN = 4 };

/* The minimal ACR (EVENT) with |top|, |si| and |ims| writing more AVPs at
 * the end of the message, of Service-Information and of IMS-Information. */
static size_t build(uint8_t *buf, size_t cap, unsigned opts, void (*top)(wchg_dwriter *),
                    void (*si)(wchg_dwriter *), void (*ims)(wchg_dwriter *)) {
  wchg_dwriter w;
  size_t len = 0;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, 271, 3, 7, 8);
  STR(&w, 263, 0, "pcscf1.ims.example.com;1;2");
  wchg_dw_octets(&w, 264, 0, "pcscf1.ims.example.com", opts & EMPTY_ORIGIN ? 0 : 22);
  wchg_dw_octets(&w, 296, 0, "ims.example.com", 15);
  wchg_dw_octets(&w, 283, 0, "ims.example.com", 15);
  wchg_dw_i32(&w, 480, 0, 1);
  wchg_dw_u32(&w, 485, 0, 0);
  if (!(opts & NO_SI)) {
    wchg_dw_group_begin(&w, 873, V3);
    if (!(opts & NO_IMS)) {
      wchg_dw_group_begin(&w, 876, V3);
      wchg_dw_i32(&w, 862, V3, 1);
      if (ims)
        ims(&w);
      wchg_dw_group_end(&w);
    }
    if (si)
      si(&w);
    wchg_dw_group_end(&w);
  }
  if (top)
    top(&w);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  return len;
}

static void w_app4(wchg_dwriter *w) { wchg_dw_u32(w, 259, 0, 4); }
static void w_third_ani(wchg_dwriter *w) {
  for (int i = 0; i < 3; i++)
    wchg_dw_octets(w, 1263, V3, "ani", 3);
}
static void w_two_ioi(wchg_dwriter *w) {
  for (int i = 0; i < 2; i++) {
    wchg_dw_group_begin(w, 838, V3);
    STR(w, 839, V3, "a.example");
    wchg_dw_group_end(w);
  }
}
static void w_two_nni(wchg_dwriter *w) {
  for (int i = 0; i < 2; i++) {
    wchg_dw_group_begin(w, 2703, V3);
    wchg_dw_i32(w, 2707, V3, 0);
    wchg_dw_group_end(w);
  }
}
static void w_long_fe(wchg_dwriter *w) {
  static char text[WCHG_ACR_FE_IDENTIFIER_LIST_MAX + 1];
  memset(text, 'f', sizeof text);
  wchg_dw_utf8(w, 4413, V3, text, sizeof text);
}
/* a peer's SIP-Request-Timestamp-Fraction of 123456 (microseconds?) */
static void w_fraction_123456(wchg_dwriter *w) {
  wchg_dw_group_begin(w, 833, V3);
  wchg_dw_time(w, 834, V3, 1795510800);
  wchg_dw_time(w, 835, V3, 1795510801);
  wchg_dw_u32(w, 2301, V3, 123456);
  wchg_dw_u32(w, 2302, V3, 999);
  wchg_dw_group_end(w);
}
static void component(wchg_dwriter *w, int flag, const char *party, int type) {
  wchg_dw_group_begin(w, 843, V3);
  if (flag >= 0)
    wchg_dw_i32(w, 882, V3, flag);
  if (party)
    wchg_dw_utf8(w, 1288, V3, party, strlen(party));
  if (type >= 0)
    wchg_dw_i32(w, 2036, V3, type);
  wchg_dw_group_end(w);
}
static void w_flag_unknown(wchg_dwriter *w) { component(w, 2, NULL, -1); }
static void w_flags_disagree(wchg_dwriter *w) {
  component(w, 1, NULL, -1);
  component(w, -1, NULL, -1);
  component(w, 0, NULL, -1);
}
static void w_parties_disagree(wchg_dwriter *w) {
  component(w, -1, "sip:a@x", -1);
  component(w, -1, "sip:b@x", -1);
}
static void w_types_disagree(wchg_dwriter *w) {
  component(w, -1, NULL, 0);
  component(w, -1, NULL, 1);
}
static void w_emergency_webrtc(wchg_dwriter *w) {
  wchg_dw_i32(w, 2322, V3, 1);
  STR(w, 658, V3, "wwsf.example.com");
}
static void w_waf_then_emergency(wchg_dwriter *w) { /* foreign order */
  STR(w, 657, V3, "waf.example.net");
  wchg_dw_i32(w, 2322, V3, 1);
}

static const struct {
  const char *name;
  unsigned opts;
  void (*top)(wchg_dwriter *), (*ims)(wchg_dwriter *);
  int code;
  uint32_t result;
  const char *path;
  uint32_t at; /* the code of the AVP at the offset; 0: offset 0 */
} errors[] = {
    {"no Service-Information", NO_SI, NULL, NULL, WCHG_E_MISSING, 5005,
     "Service-Information", 0},
    {"no IMS-Information", NO_IMS, NULL, NULL, WCHG_E_MISSING, 5005, IMS, 873},
    {"empty Origin-Host", EMPTY_ORIGIN, NULL, NULL, WCHG_E_RANGE, 5004, "Origin-Host", 264},
    {"Acct-Application-Id 4", 0, w_app4, NULL, WCHG_E_RANGE, 5004, "Acct-Application-Id", 259},
    {"3rd Access-Network-Information", 0, NULL, w_third_ani, WCHG_E_LIMIT, 5012,
     IMS "/Access-Network-Information[2]", 1263},
    {"2nd Inter-Operator-Identifier", 0, NULL, w_two_ioi, WCHG_E_LIMIT, 5012,
     IMS "/Inter-Operator-Identifier[1]", 838},
    {"2nd NNI-Information", 0, NULL, w_two_nni, WCHG_E_LIMIT, 5012,
     IMS "/NNI-Information[1]", 2703},
    {"FE-Identifier-List too long", 0, NULL, w_long_fe, WCHG_E_LIMIT, 5012,
     IMS "/FE-Identifier-List", 4413},
    {"Media-Initiator-Flag 2", 0, NULL, w_flag_unknown, WCHG_E_RANGE, 5004,
     IMS "/SDP-Media-Component[0]/Media-Initiator-Flag", 882},
    {"flags disagree", 0, NULL, w_flags_disagree, WCHG_E_RANGE, 5004,
     IMS "/SDP-Media-Component[2]/Media-Initiator-Flag", 882},
    {"parties disagree", 0, NULL, w_parties_disagree, WCHG_E_RANGE, 5004,
     IMS "/SDP-Media-Component[1]/Media-Initiator-Party", 1288},
    {"SDP-Types disagree", 0, NULL, w_types_disagree, WCHG_E_RANGE, 5004,
     IMS "/SDP-Media-Component[1]/SDP-Type", 2036},
    {"emergency of a WebRTC client", 0, NULL, w_emergency_webrtc, WCHG_E_EMERGENCY, 5004,
     IMS "/IMS-Emergency-Indicator", 2322},
    {"WAF, then emergency", 0, NULL, w_waf_then_emergency, WCHG_E_EMERGENCY, 5004,
     IMS "/IMS-Emergency-Indicator", 2322},
};

START_TEST(every_error_with_its_path) {
  static uint8_t buf[8192];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  size_t len = build(buf, sizeof buf, errors[_i].opts, errors[_i].top, NULL, errors[_i].ims);
  wchg_dmsg m;
  /* hand-built inputs the model refuses: not written for tshark, which
   * checks the messages we produce */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, NULL), WCHG_OK); /* the reader's fine */
  wchg_diag d = decode_err(r, buf, len, errors[_i].code, errors[_i].result);
  ck_assert_msg(!strcmp(d.path, errors[_i].path), "%s: path %s", errors[_i].name, d.path);
  if (errors[_i].at)
    ck_assert_uint_eq(be32(buf + d.offset), errors[_i].at);
  else
    ck_assert_uint_eq(d.offset, 0);
  wchg_acr_reader_free(r);
}
END_TEST

/* A fraction over 999: one rule for the reader and the decoder. Strict
 * (wchg_acr_decode): the reader's 5004 at the fraction. Receive: the
 * reader's warning, the same; the ACR decodes, that fraction absent (its
 * stamp whole seconds), the other one kept. */
START_TEST(fraction_over_999) {
  static uint8_t buf[4096];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  size_t len = build(buf, sizeof buf, 0, NULL, NULL, w_fraction_123456);
  wchg_diag d = decode_err(r, buf, len, WCHG_E_DIAMETER, 5004);
  ck_assert_str_eq(d.path, IMS "/Time-Stamps/SIP-Request-Timestamp-Fraction");
  ck_assert_uint_eq(be32(buf + d.offset), 2301);
  wchg_diag wi[4];
  wchg_warnings w = {wi, 4, 0};
  const wchg_acr *a = NULL;
  ck_assert_int_eq(wchg_acr_decode_ex(r, buf, len, WCHG_POLICY_RECEIVE, &a, &d, &w), WCHG_OK);
  ck_assert_uint_eq(w.count, 1);
  ck_assert_int_eq(wi[0].code, WCHG_E_DIAMETER);
  ck_assert_uint_eq(wi[0].result_code, 5004);
  ck_assert_str_eq(wi[0].path, IMS "/Time-Stamps/SIP-Request-Timestamp-Fraction");
  ck_assert_uint_eq(be32(buf + wi[0].offset), 2301);
  ck_assert_ptr_nonnull(strstr(wi[0].message, "123456"));
  ck_assert(a->sip_request_timestamp.present);
  ck_assert_int_eq(a->sip_request_timestamp.unix_ms, 1795510800000LL);
  ck_assert_int_eq(a->sip_response_timestamp.unix_ms, 1795510801999LL);
  /* the strict policy through _ex: the same refusal, no warning */
  w.count = 0;
  ck_assert_int_eq(wchg_acr_decode_ex(r, buf, len, WCHG_POLICY_STRICT, &a, &d, &w),
                   WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5004);
  ck_assert_uint_eq(w.count, 0);
  ck_assert_ptr_null(a);
  wchg_acr_reader_free(r);
}
END_TEST

/* What the model takes from foreign ACRs that differ from ours: first
 * flag wins for components without one; fraction without time ignored. */
static void w_flag_on_first(wchg_dwriter *w) {
  component(w, 1, "tel:+1555", 1);
  component(w, -1, NULL, -1);
}
static void w_fraction_only(wchg_dwriter *w) {
  wchg_dw_group_begin(w, 833, V3);
  wchg_dw_time(w, 835, V3, 1795510800);
  wchg_dw_u32(w, 2301, V3, 500);
  wchg_dw_group_end(w);
  wchg_dw_i32(w, 2322, V3, 0); /* NON_EMERGENCY */
}

START_TEST(foreign_forms_settle_after_one_round) {
  static uint8_t buf[4096], once[4096], twice[4096];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  size_t len = build(buf, sizeof buf, 0, NULL, NULL, w_flag_on_first);
  const wchg_acr *a = decode_ok(r, buf, len);
  const wchg_media_components_list *e = a->ims.list_of_sdp_media_components.items;
  ck_assert_uint_eq(a->ims.list_of_sdp_media_components.count, 1);
  ck_assert(e->media_initiator_flag);
  ck_assert_int_eq(e->media_initiator_party.choice, WCHG_PARTY_TEL_URI);
  ck_assert(e->sdp_type.present && e->sdp_type.value == 1);
  ck_assert_uint_eq(e->sdp_media_components.count, 2);
  size_t n1 = encode_into(a, once);
  ck_assert_uint_gt(n1, len); /* the second component gets them too */
  round_trip(r, once, n1);

  len = build(buf, sizeof buf, 0, NULL, NULL, w_fraction_only);
  a = decode_ok(r, buf, len);
  ck_assert(!a->sip_request_timestamp.present);
  ck_assert_int_eq(a->sip_response_timestamp.unix_ms, 1795510800000LL);
  ck_assert(!a->ims.ims_emergency_indicator);
  n1 = encode_into(a, once);
  size_t n2 = encode_into(round_trip(r, once, n1), twice);
  ck_assert_uint_eq(n1, n2);
  wchg_acr_reader_free(r);
}
END_TEST

/* ---- foreign AVPs: skipped ---------------------------------------------------- */

static void w_foreign(wchg_dwriter *w) {
  wchg_dw_raw(w, 99999, 0, 0, "zz", 2);                      /* unknown, IETF */
  wchg_dw_raw(w, 77777, 12345, WCHG_AVP_FLAG_V, "yyyy", 4);  /* unknown vendor */
  wchg_dw_raw(w, 3000, V3, WCHG_AVP_FLAG_V, "x", 1);         /* unknown 3GPP */
}
static void w_foreign_ims(wchg_dwriter *w) {
  w_foreign(w);
  STR(w, 2321, V3, "initial-icid");                          /* known, no model field */
  wchg_dw_group_begin(w, 843, V3);                           /* inside a component */
  STR(w, 844, V3, "m=audio 9 RTP/AVP 0");
  wchg_dw_i32(w, 882, V3, 0);
  w_foreign(w);
  wchg_dw_group_end(w);
}
static void w_proxy_info(wchg_dwriter *w) {
  w_foreign(w);
  wchg_dw_group_begin(w, 284, 0);
  wchg_dw_octets(w, 280, 0, "relay.example", 13);
  wchg_dw_octets(w, 33, 0, "state", 5);
  wchg_dw_group_end(w);
  wchg_dw_octets(w, 282, 0, "relay.example", 13);
}

START_TEST(foreign_avps_skipped) {
  static uint8_t buf[4096], out[4096];
  static const wchg_sdp_media_component comp[] = {
      {.sdp_media_name = WCHG_STR("m=audio 9 RTP/AVP 0")}};
  static const wchg_media_components_list media[] = {{.sdp_media_components = {comp, 1}}};
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  size_t len = build(buf, sizeof buf, 0, w_proxy_info, w_foreign, w_foreign_ims);
  const wchg_acr *a = decode_ok(r, buf, len);
  /* the same as the model without them */
  wchg_acr want;
  rf_minimal_acr(&want, WCHG_ACR_EVENT);
  want.hop_by_hop = 7;
  want.end_to_end = 8;
  want.ims.list_of_sdp_media_components = (wchg_media_components_list_list){media, 1};
  model_eq(a, &want);
  ck_assert_uint_eq(encode_into(a, out), encode_into(&want, buf));
  ck_assert_mem_eq(out, buf, encode_into(&want, buf));
  wchg_acr_reader_free(r);
}
END_TEST

/* ---- the receive policy ------------------------------------------------------------- */

/* What the reader lets through in the receive policy, decoded: flags as
 * received (657/658 with M set, Origin-Host with M clear), the warnings
 * with their paths; strict refuses the same bytes with the first. */
static void w_webrtc_m(wchg_dwriter *w) {
  wchg_dw_raw(w, 657, V3, 0xC0, "waf.example.net", 15);
  wchg_dw_raw(w, 658, V3, 0xC0, "wwsf.example.com", 16);
}

START_TEST(receive_flags_as_received) {
  static uint8_t buf[4096];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  wchg_diag d, items[4];
  wchg_warnings w = {items, 4, 0};
  const wchg_acr *a = NULL;
  size_t len = build(buf, sizeof buf, 0, NULL, NULL, w_webrtc_m);
  buf[20 + 36 + 4] = 0x00; /* Origin-Host (after a 34-octet Session-Id) */
  ck_assert_uint_eq(be32(buf + 56), 264);
  d = decode_err(r, buf, len, WCHG_E_DIAMETER, 3009);
  ck_assert_str_eq(d.path, "Origin-Host");
  ck_assert_int_eq(wchg_acr_decode_ex(r, buf, len, WCHG_POLICY_RECEIVE, &a, &d, &w), WCHG_OK);
  ck_assert_uint_eq(w.count, 3);
  ck_assert_str_eq(items[0].path, "Origin-Host");
  ck_assert_str_eq(items[1].path, IMS "/WebRTC-Authentication-Function-Name");
  ck_assert_str_eq(items[2].path, IMS "/WebRTC-Web-Server-Function-Name");
  for (int i = 0; i < 3; i++)
    ck_assert_uint_eq(items[i].result_code, 3009);
  ck_assert_uint_eq(be32(buf + items[2].offset), 658);
  ck_assert_int_eq(a->ims.webrtc_authentication_function_name.len, 15);
  ck_assert_mem_eq(a->ims.webrtc_web_server_function_name.ptr, "wwsf.example.com", 16);
  ck_assert_mem_eq(a->origin_host.ptr, "pcscf1.ims.example.com", 22);
  /* with no deviation left the model encodes as after a strict decode */
  static uint8_t out[4096];
  size_t n = encode_into(a, out);
  ck_assert_int_eq(wchg_acr_decode(r, out, n, &a, &d), WCHG_OK);
  /* an unknown policy */
  ck_assert_int_eq(wchg_acr_decode_ex(r, buf, len, (wchg_policy)9, &a, &d, &w), WCHG_E_ARG);
  ck_assert_ptr_null(a);
  wchg_acr_reader_free(r);
}
END_TEST

/* What the model cannot take is left out, the rest kept as received:
 * a second Node-Functionality and a second Origin-Host (the first
 * counts, as the ACA echoes it), an Address of family 8 (absent), a
 * Role-Of-Node of no name (kept), a SIP-Method that is not UTF-8 (its
 * octets kept). Each has the reader's warning. */
static void w_kept_and_dropped(wchg_dwriter *w) {
  wchg_dw_raw(w, 862, V3, 0xC0, "\0\0\0\6", 4);               /* 2nd Node-Functionality */
  wchg_dw_raw(w, 829, V3, 0xC0, "\0\0\0\x11", 4);             /* Role-Of-Node 17 */
  wchg_dw_raw(w, 848, V3, 0xC0, "\0\x08\x12\x34\x56\x78", 6); /* family 8 */
  wchg_dw_group_begin(w, 823, V3);
  wchg_dw_raw(w, 824, V3, 0xC0, "INV\xc0TE", 6);              /* not UTF-8 */
  wchg_dw_group_end(w);
}
static void w_second_origin_host(wchg_dwriter *w) {
  wchg_dw_octets(w, 264, 0, "other.example", 13);
}

START_TEST(receive_kept_and_dropped) {
  static uint8_t buf[4096];
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  wchg_diag d, items[8];
  wchg_warnings w = {items, 8, 0};
  const wchg_acr *a = NULL;
  size_t len = build(buf, sizeof buf, 0, w_second_origin_host, NULL, w_kept_and_dropped);
  d = decode_err(r, buf, len, WCHG_E_DIAMETER, 5009);
  ck_assert_int_eq(wchg_acr_decode_ex(r, buf, len, WCHG_POLICY_RECEIVE, &a, &d, &w), WCHG_OK);
  ck_assert_uint_eq(w.count, 5);
  static const struct {
    uint32_t result;
    const char *path;
  } want[] = {{5009, IMS "/Node-Functionality"},
              {5004, IMS "/Role-Of-Node"},
              {5004, IMS "/Served-Party-IP-Address"},
              {5004, IMS "/Event-Type/SIP-Method"},
              {5009, "Origin-Host"}};
  for (size_t i = 0; i < 5; i++) {
    ck_assert_uint_eq(items[i].result_code, want[i].result);
    ck_assert_str_eq(items[i].path, want[i].path);
  }
  ck_assert_int_eq(a->node_functionality, WCHG_NODE_P_CSCF);
  ck_assert_mem_eq(a->origin_host.ptr, "pcscf1.ims.example.com", 22);
  ck_assert(a->ims.role_of_node.present && a->ims.role_of_node.value == 17);
  ck_assert_int_eq(a->ims.served_party_ip_address.choice, WCHG_IP_ABSENT);
  ck_assert_uint_eq(a->ims.sip_method.len, 6);
  ck_assert_mem_eq(a->ims.sip_method.ptr, "INV\xc0TE", 6);
  wchg_acr_reader_free(r);
}
END_TEST

/* ---- not an ACR ----------------------------------------------------------------- */

START_TEST(not_an_acr) {
  static uint8_t buf[4096];
  size_t len;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  /* a CCR */
  ck_assert_int_eq(sample_ccr(buf, sizeof buf, &len), WCHG_OK);
  wchg_diag d = decode_err(r, buf, len, WCHG_E_DIAMETER, 3001);
  ck_assert_uint_eq(d.offset, 4);
  /* an ACA */
  wchg_aca aca = {.session_id = WCHG_STR("s;1;2"), .result_code = 2001,
                  .origin_host = WCHG_STR("cdf.example"), .origin_realm = WCHG_STR("example"),
                  .accounting_record_type = 1};
  ck_assert_int_eq(wchg_aca_encode(&aca, buf, sizeof buf, &len, NULL), WCHG_OK);
  d = decode_err(r, buf, len, WCHG_E_DIAMETER, 3001);
  ck_assert_uint_eq(d.offset, 4);
  /* command 271 of application 4 */
  ck_assert_int_eq(sample_acr(buf, sizeof buf, &len), WCHG_OK);
  buf[11] = 4;
  d = decode_err(r, buf, len, WCHG_E_DIAMETER, 3007);
  ck_assert_uint_eq(d.offset, 8);
  wchg_acr_reader_free(r);
}
END_TEST

/* ---- the reader's errors pass through ---------------------------------------------- */

static void same_diag(const wchg_diag *a, const wchg_diag *b) {
  ck_assert_int_eq(a->code, b->code);
  ck_assert_uint_eq(a->result_code, b->result_code);
  ck_assert_uint_eq(a->offset, b->offset);
  ck_assert_str_eq(a->path, b->path);
  ck_assert_str_eq(a->message, b->message);
}

START_TEST(every_prefix) {
  static uint8_t full[MAXMSG], cut[MAXMSG];
  wchg_acr a;
  rf_full_acr(&a);
  size_t len = encode_into(&a, full);
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  size_t parsed = 0;
  for (size_t n = 0; n < len; n++) {
    const wchg_acr *out;
    wchg_diag want, got;
    wchg_dmsg m;
    /* as cut */
    int prc = wchg_dmsg_parse(full, n, 0, &m, &want);
    ck_assert_int_eq(prc, WCHG_E_DIAMETER);
    ck_assert_int_eq(wchg_acr_decode(r, full, n, &out, &got), WCHG_E_DIAMETER);
    same_diag(&got, &want);
    /* with the message length saying so, on a word boundary */
    size_t k = n & ~(size_t)3;
    if (k < 20)
      continue;
    memcpy(cut, full, k);
    cut[1] = (uint8_t)(k >> 16);
    cut[2] = (uint8_t)(k >> 8);
    cut[3] = (uint8_t)k;
    prc = wchg_dmsg_parse(cut, k, 0, &m, &want);
    int rc = wchg_acr_decode(r, cut, k, &out, &got);
    if (prc) {
      ck_assert_int_eq(rc, prc);
      same_diag(&got, &want);
    } else { /* cut between top-level AVPs: no Service-Information */
      ck_assert_int_eq(rc, WCHG_E_MISSING);
      ck_assert_uint_eq(got.result_code, 5005);
      parsed++;
    }
  }
  ck_assert_uint_gt(parsed, 5);
  wchg_acr_reader_free(r);
}
END_TEST

/* ---- arguments, memory ------------------------------------------------------------ */

START_TEST(null_arguments) {
  uint8_t buf[2048];
  size_t len;
  const wchg_acr *out = (const wchg_acr *)1;
  wchg_diag d;
  wchg_acr_reader *r = wchg_acr_reader_new(NULL);
  ck_assert_int_eq(sample_acr(buf, sizeof buf, &len), WCHG_OK);
  ck_assert_int_eq(wchg_acr_decode(NULL, buf, len, &out, &d), WCHG_E_ARG);
  ck_assert_ptr_null(out);
  ck_assert_int_eq(d.code, WCHG_E_ARG);
  ck_assert_uint_eq(d.result_code, 0);
  ck_assert_int_eq(wchg_acr_decode(r, buf, len, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_acr_decode(r, NULL, len, &out, NULL), WCHG_E_ARG);
  /* NULL with no length: an empty message */
  ck_assert_int_eq(wchg_acr_decode(r, NULL, 0, &out, &d), WCHG_E_DIAMETER);
  ck_assert_uint_eq(d.result_code, 5015);
  ck_assert_int_eq(wchg_acr_decode(r, buf, len, &out, NULL), WCHG_OK);
  wchg_acr_reader_free(r);
  wchg_acr_reader_free(NULL);
}
END_TEST

START_TEST(no_allocation_per_decode) {
  static uint8_t full[MAXMSG];
  uint8_t sample[2048];
  size_t flen, slen;
  struct failmem fm;
  wchg_acr a;
  const wchg_acr *out;
  failmem_init(&fm, 0, 0);
  wchg_acr_reader *r = wchg_acr_reader_new(&fm.mem);
  ck_assert_ptr_nonnull(r);
  ck_assert_uint_eq(fm.calls, 1);
  rf_full_acr(&a);
  flen = encode_into(&a, full);
  ck_assert_int_eq(sample_acr(sample, sizeof sample, &slen), WCHG_OK);
  for (int i = 0; i < 100; i++) {
    ck_assert_int_eq(wchg_acr_decode(r, full, flen, &out, NULL), WCHG_OK);
    ck_assert_int_eq(wchg_acr_decode(r, sample, slen, &out, NULL), WCHG_OK);
    wchg_diag d;
    ck_assert_int_eq(wchg_acr_decode(r, full, flen - 8, &out, &d), WCHG_E_DIAMETER);
  }
  ck_assert_uint_eq(fm.calls, 1);
  ck_assert_uint_eq(fm.live, 1);
  wchg_acr_reader_free(r);
  ck_assert_uint_eq(fm.live, 0);
}
END_TEST

START_TEST(reader_new_out_of_memory) {
  struct failmem fm;
  failmem_init(&fm, 1, 1);
  ck_assert_ptr_null(wchg_acr_reader_new(&fm.mem));
  ck_assert_uint_eq(fm.calls, 1);
  ck_assert_uint_eq(fm.live, 0);
}
END_TEST

Suite *rf_dec_suite(void) {
  Suite *s = suite_create("rf_dec");
  TCase *t = tcase_create("core");
  tcase_add_test(t, full_model_round_trip);
  tcase_add_test(t, sample_acr_round_trip);
  tcase_add_test(t, minimal_of_each_type);
  tcase_add_test(t, reuse_leaves_nothing_behind);
  tcase_add_test(t, times_round_trip);
  tcase_add_test(t, integer_edges_round_trip);
  tcase_add_test(t, party_choice_by_scheme);
  tcase_add_test(t, fe_identifier_list_split);
  tcase_add_test(t, emergency_without_webrtc);
  tcase_add_loop_test(t, list_capacity, 0, (int)(sizeof lists / sizeof lists[0]));
  tcase_add_loop_test(t, every_error_with_its_path, 0, (int)(sizeof errors / sizeof errors[0]));
  tcase_add_test(t, fraction_over_999);
  tcase_add_test(t, receive_flags_as_received);
  tcase_add_test(t, receive_kept_and_dropped);
  tcase_add_test(t, foreign_forms_settle_after_one_round);
  tcase_add_test(t, foreign_avps_skipped);
  tcase_add_test(t, not_an_acr);
  tcase_add_test(t, every_prefix);
  tcase_add_test(t, null_arguments);
  tcase_add_test(t, no_allocation_per_decode);
  tcase_add_test(t, reader_new_out_of_memory);
  suite_add_tcase(s, t);
  return s;
}
