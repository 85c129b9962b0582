/* test_ctf.c: the eP-CSCF charging trigger function (ctf.h) — every row of
 * its state table, the Cause-Code rules of TS 32.299 §7.2.35, random event
 * sequences against the sequencing invariants, registration (H.3, H.4,
 * plain IMS, re-/de-registration, failures, the Bearer token never kept),
 * emergency, standalone requests, bad header values, out-of-memory at
 * every allocation. Every record produced is encoded (wchg_acr_encode) and
 * read back (wchg_dmsg_parse); the interesting ones go to $WCHG_TEST_OUT
 * for tshark.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "testutil.h"

static wchg_diag D;

/* ---- fixtures ---------------------------------------------------------- */

#define T0 1700000000000LL /* 2023-11-14T22:13:20Z */

static wchg_ctf_config CFG = {
    .origin_host = WCHG_STR("epcscf1.visited.example"),
    .origin_realm = WCHG_STR("visited.example"),
    .destination_realm = WCHG_STR("home.example"),
    .destination_host = WCHG_STR("cdf1.home.example"),
    .origin_state_id = {true, 7},
    .acct_interim_interval = {true, 300},
    .ims_visited_network_identifier = WCHG_STR("visited.example"),
    /* every SDP line, strict: what these tables were written for; the
     * defaults (the charging lines, receive) have tests of their own */
    .sdp_lines = WCHG_CTF_SDP_ALL,
    .sdp_policy = WCHG_POLICY_STRICT,
};

#define IMPI "alice@home.example"
#define IMPU "sip:alice@home.example"
#define WAF "waf.webrtc.example"
#define WWSF "wwsf.webrtc.example"
#define AUTH_H3                                                                \
  "Digest username=\"" IMPI "\", realm=\"home.example\", uri=\"sip:home.example\", " \
  "nonce=\"\", response=\"\", integrity-protected=\"auth-done\", "            \
  "authorization-entity=\"" WAF "\""
#define TOKEN "mF_9.B5f-4.1JqM"
#define INSTANCE "<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"
#define PANI "IEEE-802.11; i-wlan-node-id=ffffff, 3GPP-E-UTRAN-FDD; network-provided; utran-cell-id-3gpp=2344206BC0001B1"
#define PANI_1 "IEEE-802.11; i-wlan-node-id=ffffff"
#define PANI_2 "3GPP-E-UTRAN-FDD; network-provided; utran-cell-id-3gpp=2344206BC0001B1"
#define PCV_REQ "icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\"; icid-generated-at=192.0.2.1; orig-ioi=visited.example; transit-ioi=\"t1.1, t2.2\""
#define ICID "AyretyU0dm+6O2IrT5tAFrbHLso="
#define PCV_RESP "icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\"; orig-ioi=visited.example; term-ioi=home-b.example"
#define CALL_ID "a84b4c76e66710@pc33.example"
#define BOB "sip:bob@home-b.example"

#define SDP_OFFER                                                              \
  "v=0\r\no=alice 2890844526 2890844526 IN IP4 198.51.100.1\r\ns=-\r\n"         \
  "c=IN IP4 198.51.100.1\r\nt=0 0\r\n"                                        \
  "m=audio 49170 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "m=video 51372 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n"
#define SDP_ANSWER                                                             \
  "v=0\r\no=bob 2808844564 2808844564 IN IP4 203.0.113.7\r\ns=-\r\n"            \
  "c=IN IP4 203.0.113.7\r\nt=0 0\r\n"                                         \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "m=video 49176 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n"
/* the same media, o= version bumped: no change */
#define SDP_ANSWER_BUMP                                                        \
  "v=0\r\no=bob 2808844564 2808844565 IN IP4 203.0.113.7\r\ns=-\r\n"            \
  "c=IN IP4 203.0.113.7\r\nt=0 0\r\n"                                         \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "m=video 49176 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n"
/* video dropped (port 0) */
#define SDP_NO_VIDEO                                                           \
  "v=0\r\no=bob 2808844564 2808844566 IN IP4 203.0.113.7\r\ns=-\r\n"            \
  "c=IN IP4 203.0.113.7\r\nt=0 0\r\n"                                         \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "m=video 0 UDP/TLS/RTP/SAVPF 96\r\n"
/* video on hold (a=inactive), same m= lines */
#define SDP_VIDEO_INACTIVE                                                     \
  "v=0\r\no=bob 2808844564 2808844567 IN IP4 203.0.113.7\r\ns=-\r\n"            \
  "c=IN IP4 203.0.113.7\r\nt=0 0\r\n"                                         \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "m=video 49176 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=inactive\r\n"

static const wchg_str PAI_ALICE[] = {WCHG_STR(IMPU), WCHG_STR("tel:+15551230001")};
static const wchg_str PAI_BOB[] = {WCHG_STR(BOB)};
static const wchg_str REASON[] = {WCHG_STR("Q.850;cause=16;text=\"Terminated\"")};
static const wchg_str ASSOC[] = {WCHG_STR(IMPU), WCHG_STR("tel:+15551230001")};

static wchg_sip_event request(const char *method, int64_t t) {
  wchg_sip_event e;
  memset(&e, 0, sizeof e);
  e.time_ms = t;
  e.method = wchg_str_from(method);
  e.call_id = WCHG_STR(CALL_ID);
  e.from = WCHG_STR("<" IMPU ">;tag=1928301774");
  return e;
}

static wchg_sip_event response(const char *method, int status, int64_t t) {
  wchg_sip_event e = request(method, t);
  e.status_code = status;
  return e;
}

static wchg_sip_event invite(int64_t t) {
  wchg_sip_event e = request("INVITE", t);
  e.request_uri = WCHG_STR(BOB);
  e.asserted_identity = PAI_ALICE;
  e.asserted_identity_count = 2;
  e.charging_vector = WCHG_STR(PCV_REQ);
  e.access_network_info = WCHG_STR(PANI);
  e.served_party_ip = WCHG_STR("198.51.100.1");
  e.route_received = WCHG_STR("<sip:epcscf1.visited.example;lr>");
  e.route_transmitted = WCHG_STR("<sip:scscf.home.example;lr>");
  e.sdp = WCHG_STR(SDP_OFFER);
  e.icsi = WCHG_STR("urn:urn-7:3gpp-service.ims.icsi.mmtel");
  return e;
}

static wchg_sip_event ok_invite(int64_t t, const char *sdp) {
  wchg_sip_event e = response("INVITE", 200, t);
  e.asserted_identity = PAI_BOB;
  e.asserted_identity_count = 1;
  e.charging_vector = WCHG_STR(PCV_RESP);
  e.sdp = wchg_str_from(sdp);
  return e;
}

static wchg_register_event reg_event(wchg_reg_flavour flavour, int status, int64_t t) {
  wchg_register_event r;
  memset(&r, 0, sizeof r);
  r.request = request("REGISTER", t);
  r.request.request_uri = WCHG_STR("sip:home.example");
  r.request.charging_vector = WCHG_STR(PCV_REQ);
  r.request.access_network_info = WCHG_STR(PANI);
  r.request.served_party_ip = WCHG_STR("2001:db8::1");
  r.request.expires = WCHG_INT(600000);
  r.response = response("REGISTER", status, t + 40);
  r.response.charging_vector = WCHG_STR(PCV_RESP);
  r.response.expires = WCHG_INT(600);
  r.flavour = flavour;
  r.impu = WCHG_STR(IMPU);
  r.authorization = WCHG_STR(AUTH_H3);
  if (flavour != WCHG_REG_IMS)
    r.wwsf = WCHG_STR(WWSF);
  r.instance_id = WCHG_STR(INSTANCE);
  r.associated_uri = ASSOC;
  r.associated_uri_count = 2;
  return r;
}

/* ---- checks ------------------------------------------------------------ */

static void expect_str(wchg_str v, const char *want) {
  if (!want) {
    ck_assert_msg(v.ptr == NULL, "expected absent, got '%.*s'", (int)v.len, v.ptr);
    return;
  }
  ck_assert_msg(v.ptr != NULL, "absent, expected '%s'", want);
  ck_assert_msg(v.len == strlen(want) && !memcmp(v.ptr, want, v.len),
                "got '%.*s', expected '%s'", (int)v.len, v.ptr, want);
}

static void expect_oct(wchg_octets v, const char *want) {
  expect_str((wchg_str){(const char *)v.ptr, v.len}, want);
}

static void expect_time(wchg_time_ms t, int64_t want) {
  if (want < 0) {
    ck_assert_msg(!t.present, "time stamp present");
    return;
  }
  ck_assert_msg(t.present, "time stamp absent");
  ck_assert_int_eq(t.unix_ms, want);
}

static void expect_cause(const wchg_acr *a, bool present, int32_t want) {
  ck_assert_int_eq(a->cause_code.present, present);
  if (present)
    ck_assert_int_eq(a->cause_code.value, want);
}

/* Encode |acr|, read it back, and keep it as ctf_<name> when named. */
static void encode_check(const wchg_acr *a, const char *name) {
  static uint8_t buf[16384];
  size_t len = 0;
  wchg_dmsg msg;
  wchg_diag d;
  wchg_status rc = wchg_acr_encode(a, buf, sizeof buf, &len, &d);
  ck_assert_msg(rc == WCHG_OK, "encode %s: %d %s %s", name ? name : "", rc, d.path, d.message);
  rc = wchg_dmsg_parse(buf, len, 0, &msg, &d);
  ck_assert_msg(rc == WCHG_OK, "parse %s: %d %u %s %s", name ? name : "", rc, d.result_code,
                d.path, d.message);
  if (name) {
    char full[96];
    snprintf(full, sizeof full, "ctf_%s", name);
    test_out_write_diam(full, buf, len);
  }
}

/* The record's type and number, and the record read back. */
static const wchg_acr *expect_record(wchg_ctf_record *r, int32_t type, uint32_t number,
                                     const char *name) {
  const wchg_acr *a = wchg_ctf_record_acr(r);
  ck_assert_int_eq(a->accounting_record_type, type);
  if (type == WCHG_ACR_NONE)
    return a;
  ck_assert_uint_eq(a->accounting_record_number, number);
  ck_assert_int_eq(a->node_functionality, WCHG_NODE_P_CSCF);
  expect_str(a->origin_host, "epcscf1.visited.example");
  expect_str(a->origin_realm, "visited.example");
  expect_str(a->destination_realm, "home.example");
  expect_str(a->destination_host, "cdf1.home.example");
  ck_assert(a->origin_state_id.present && a->origin_state_id.value == 7);
  expect_str(a->ims.service_context_id, WCHG_SERVICE_CONTEXT_IMS);
  expect_oct(a->ims.ims_visited_network_identifier, "visited.example");
  encode_check(a, name);
  return a;
}

static void expect_wic(const wchg_acr *a, bool wic) {
  expect_str(a->ims.webrtc_authentication_function_name, wic ? WAF : NULL);
  expect_str(a->ims.webrtc_web_server_function_name, wic ? WWSF : NULL);
}

static void expect_user(const wchg_acr *a) {
  expect_str(a->ims.private_user_id, IMPI);
  ck_assert_uint_eq(a->ims.list_of_subscription_id.count, 1);
  ck_assert_int_eq(a->ims.list_of_subscription_id.items[0].subscription_id_type.value,
                   WCHG_END_USER_SIP_URI);
  expect_str(a->ims.list_of_subscription_id.items[0].subscription_id_data, IMPU);
  expect_oct(a->ims.instance_id, INSTANCE);
}

static void expect_sdp(const wchg_acr *a, const char *o_line, const char *m1, int type,
                       bool initiator) {
  const wchg_media_components_list *l;
  if (!o_line) {
    ck_assert_uint_eq(a->ims.list_of_sdp_media_components.count, 0);
    return;
  }
  ck_assert_uint_eq(a->ims.list_of_sdp_media_components.count, 1);
  l = &a->ims.list_of_sdp_media_components.items[0];
  ck_assert_uint_eq(l->sdp_session_description.count, 5);
  expect_str(l->sdp_session_description.items[1], o_line);
  ck_assert_uint_eq(l->sdp_media_components.count, 2);
  expect_str(l->sdp_media_components.items[1].sdp_media_name, m1);
  ck_assert_uint_ge(l->sdp_media_components.items[0].sdp_media_descriptions.count, 1);
  expect_str(l->sdp_media_components.items[0].sdp_media_descriptions.items[0],
             "a=rtpmap:111 opus/48000/2");
  ck_assert(l->sdp_type.present);
  ck_assert_int_eq(l->sdp_type.value, type);
  ck_assert_int_eq(l->media_initiator_flag, initiator);
}

/* ---- objects ----------------------------------------------------------- */

static wchg_ctf_reg *REG;
static wchg_ctf_session *S;
static wchg_ctf_record *R;

static void setup(void) {
  REG = wchg_ctf_reg_new(&CFG);
  S = wchg_ctf_session_new(&CFG);
  R = wchg_ctf_record_new(NULL);
  ck_assert(REG && S && R);
  memset(&D, 0, sizeof D);
}

static void teardown(void) {
  wchg_ctf_reg_free(REG);
  wchg_ctf_session_free(S);
  wchg_ctf_record_free(R);
}

static void register_user(wchg_reg_flavour flavour) {
  wchg_register_event ev = reg_event(flavour, 200, T0 - 60000);
  ck_assert_int_eq(wchg_ctf_register(REG, &ev, 1, R, &D), WCHG_OK);
}

static wchg_status ev(const wchg_sip_event *e) { return wchg_ctf_session_event(S, e, R, &D); }

/* An originating H.3 session up to its START. */
static void start_session(void) {
  wchg_sip_event inv = invite(T0), ok = ok_invite(T0 + 5000, SDP_ANSWER);
  register_user(WCHG_REG_WEBRTC_H3);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 42, &inv, R, &D),
                   WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_record(R, WCHG_ACR_START, 0, NULL);
}

/* wchg_ctf_session_info: the IMS-Information an online charging client
 * sends (ro.h), from the INVITE on, with the registration's WebRTC
 * identities; the offer before the answer, the agreed media after. */
START_TEST(session_info_for_ro) {
  wchg_sip_event inv = invite(T0), ok = ok_invite(T0 + 5000, SDP_ANSWER);
  const wchg_acr *a = wchg_ctf_record_acr(R);
  wchg_ccr ccr;
  uint8_t buf[8192];
  size_t len;
  wchg_dmsg m;
  wchg_avp g;
  ck_assert_int_eq(wchg_ctf_session_info(S, T0, R, &D), WCHG_E_STATE); /* IDLE */
  ck_assert_int_eq(wchg_ctf_session_info(NULL, T0, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_session_info(S, T0, NULL, &D), WCHG_E_ARG);
  register_user(WCHG_REG_WEBRTC_H3);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 42, &inv, R, &D),
                   WCHG_OK);
  ck_assert_int_eq(wchg_ctf_session_info(S, T0 + 10, R, &D), WCHG_OK);
  ck_assert_int_eq(a->accounting_record_type, WCHG_ACR_NONE);
  expect_user(a);
  expect_wic(a, true);
  expect_str(a->ims.sip_method, "INVITE");
  expect_time(a->sip_request_timestamp, T0);
  expect_sdp(a, "o=alice 2890844526 2890844526 IN IP4 198.51.100.1",
             "m=video 51372 UDP/TLS/RTP/SAVPF 96", WCHG_SDP_OFFER, true);
  ck_assert_uint_eq(wchg_ctf_session_record_number(S), 0);
  /* as a CCR-I of the IMS-GWF: encodes, with 657/658 */
  wchg_ccr_init(&ccr, WCHG_NODE_S_CSCF);
  ccr.session_id = WCHG_STR("scscf1.home.example;1;42;ro");
  ccr.origin_host = WCHG_STR("scscf1.home.example");
  ccr.origin_realm = WCHG_STR("home.example");
  ccr.destination_realm = WCHG_STR("ocs.home.example");
  ccr.cc_request_type = WCHG_CC_INITIAL;
  ccr.ims = a->ims;
  ck_assert_int_eq(wchg_ccr_encode(&ccr, buf, sizeof buf, &len, &D), WCHG_OK);
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, 0, &m, &D), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 873, 10415, &g));
  ck_assert(wchg_avp_find(&m, &g, 876, 10415, &g));
  ck_assert(wchg_avp_find(&m, &g, 657, 10415, &g));
  test_out_write_diam("ctf_info_ccr_i", buf, len);
  /* after the 2xx: the agreed media, the record numbers untouched */
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_session_info(S, T0 + 6000, R, &D), WCHG_OK);
  ck_assert_int_eq(a->accounting_record_type, WCHG_ACR_NONE);
  expect_sdp(a, "o=bob 2808844564 2808844564 IN IP4 203.0.113.7",
             "m=video 49176 UDP/TLS/RTP/SAVPF 96", WCHG_SDP_ANSWER, true);
  ck_assert_uint_eq(wchg_ctf_session_record_number(S), 0);
}
END_TEST

/* ---- Session-Id, emergency URNs --------------------------------------- */

START_TEST(session_id_format) {
  char buf[128];
  size_t len = 0;
  wchg_ctf_config c = CFG;
  ck_assert_int_eq(wchg_ctf_session_id(&c, ((uint64_t)3 << 32) | 4000000000u, buf, sizeof buf,
                                       &len),
                   WCHG_OK);
  ck_assert_str_eq(buf, "epcscf1.visited.example;3;4000000000");
  ck_assert_uint_eq(len, strlen(buf));
  c.session_id_optional = WCHG_STR("leg1");
  ck_assert_int_eq(wchg_ctf_session_id(&c, UINT64_MAX, buf, sizeof buf, &len), WCHG_OK);
  ck_assert_str_eq(buf, "epcscf1.visited.example;4294967295;4294967295;leg1");
  /* the NUL needs room too */
  ck_assert_int_eq(wchg_ctf_session_id(&c, 0, buf, strlen("epcscf1.visited.example;0;0;leg1"),
                                       &len),
                   WCHG_E_BUFFER);
  ck_assert_uint_eq(len, strlen("epcscf1.visited.example;0;0;leg1"));
  ck_assert_int_eq(wchg_ctf_session_id(&c, 0, buf, len + 1, &len), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_session_id(&c, 0, NULL, 0, &len), WCHG_E_BUFFER);
  ck_assert_int_eq(wchg_ctf_session_id(NULL, 0, buf, sizeof buf, &len), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_session_id(&c, 0, buf, sizeof buf, NULL), WCHG_E_ARG);
  c.origin_host = WCHG_STR("");
  ck_assert_int_eq(wchg_ctf_session_id(&c, 0, buf, sizeof buf, &len), WCHG_E_ARG);
}
END_TEST

START_TEST(emergency_urns) {
  static const struct {
    const char *uri;
    bool sos;
  } cases[] = {
      {"urn:service:sos", true},         {"urn:service:sos.police", true},
      {"URN:Service:SOS.Ambulance", true}, {"urn:service:sos.a.b-c", true},
      {"urn:service:sos.", false},       {"urn:service:sos..x", false},
      {"urn:service:sosx", false},       {"urn:service:so", false},
      {"urn:service:counseling", false}, {"sip:sos@home.example", false},
      {"tel:112", false},                {"urn:service:sos.pol ice", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
    ck_assert_msg(wchg_is_emergency_urn(wchg_str_from(cases[k].uri)) == cases[k].sos, "%s",
                  cases[k].uri);
  ck_assert(!wchg_is_emergency_urn((wchg_str){NULL, 0}));
}
END_TEST

/* ---- Cause-Code: TS 32.299 §7.2.35 ---------------------------------------- */

START_TEST(cause_code_table) {
  static const struct {
    const char *method;
    int status;
    bool expires_zero;
    int32_t cause;
  } golden[] = {
      {"REGISTER", 200, false, -1}, {"MESSAGE", 200, false, -1},  {"NOTIFY", 200, false, -1},
      {"SUBSCRIBE", 200, false, -1}, {"PUBLISH", 200, false, -1}, {"REGISTER", 200, true, -3},
      {"SUBSCRIBE", 200, true, -2}, {"SUBSCRIBE", 202, true, -2}, {"REFER", 202, false, -202},
      {"INVITE", 302, false, -302}, {"INVITE", 486, false, 486},  {"INVITE", 503, false, 503},
      {"INVITE", 603, false, 603},  {"MESSAGE", 200, true, -1},   {"INVITE", 180, false, 1},
  };
  for (size_t k = 0; k < sizeof golden / sizeof golden[0]; k++)
    ck_assert_msg(wchg_cause_code(golden[k].method, golden[k].status, golden[k].expires_zero) ==
                      golden[k].cause,
                  "%s %d", golden[k].method, golden[k].status);
  ck_assert_int_eq(WCHG_CAUSE_NORMAL_END, 0);
  ck_assert_int_eq(WCHG_CAUSE_UNSUCCESSFUL_SETUP, 2);
}
END_TEST

static int32_t standalone_cause(const char *method, int status, bool expires_zero) {
  wchg_sip_event rq = request(method, T0), rs = response(method, status, T0 + 30);
  rq.request_uri = WCHG_STR(BOB);
  if (expires_zero)
    rs.expires = WCHG_INT(0);
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, WCHG_ROLE_ORIGINATING, 9, &rq, &rs, R, &D),
                   WCHG_OK);
  return expect_record(R, WCHG_ACR_EVENT, 0, NULL)->cause_code.value;
}

static int32_t setup_failure_cause(int status) {
  wchg_sip_event inv = invite(T0), fail = response("INVITE", status, T0 + 100);
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&fail), WCHG_OK);
  return expect_record(R, WCHG_ACR_EVENT, 0, NULL)->cause_code.value;
}

START_TEST(cause_code_records) {
  wchg_register_event re;
  wchg_sip_event inv = invite(T0), ok = ok_invite(T0 + 1, SDP_ANSWER), ack = request("ACK", T0 + 2),
                 bye = request("BYE", T0 + 3), cancel = request("CANCEL", T0 + 1);
  register_user(WCHG_REG_WEBRTC_H3);
  ck_assert_int_eq(wchg_ctf_record_acr(R)->cause_code.value, -1); /* REGISTER 200 */
  ck_assert_int_eq(standalone_cause("MESSAGE", 200, false), -1);
  ck_assert_int_eq(standalone_cause("NOTIFY", 200, false), -1);
  ck_assert_int_eq(standalone_cause("SUBSCRIBE", 200, false), -1);
  ck_assert_int_eq(standalone_cause("PUBLISH", 200, false), -1);
  ck_assert_int_eq(standalone_cause("SUBSCRIBE", 200, true), -2);
  ck_assert_int_eq(standalone_cause("REFER", 202, false), -202);
  ck_assert_int_eq(standalone_cause("MESSAGE", 503, false), 503);
  ck_assert_int_eq(setup_failure_cause(302), -302);
  ck_assert_int_eq(setup_failure_cause(486), 486);
  ck_assert_int_eq(setup_failure_cause(503), 503);
  ck_assert_int_eq(setup_failure_cause(603), 603);
  /* BYE after the ACK: 0; without: 2 */
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  ck_assert_int_eq(ev(&ack), WCHG_OK);
  ck_assert_int_eq(ev(&bye), WCHG_OK);
  ck_assert_int_eq(expect_record(R, WCHG_ACR_STOP, 1, NULL)->cause_code.value, 0);
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  ck_assert_int_eq(ev(&bye), WCHG_OK);
  ck_assert_int_eq(expect_record(R, WCHG_ACR_STOP, 1, NULL)->cause_code.value, 2);
  /* CANCEL: 487 */
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&cancel), WCHG_OK);
  ck_assert_int_eq(expect_record(R, WCHG_ACR_EVENT, 0, NULL)->cause_code.value, 487);
  /* de-registration: -3 */
  re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0 + 10);
  re.response.expires = WCHG_INT(0);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 2, R, &D), WCHG_OK);
  ck_assert_int_eq(expect_record(R, WCHG_ACR_EVENT, 0, NULL)->cause_code.value, -3);
}
END_TEST

/* ---- the state table, row by row --------------------------------------- */

START_TEST(row_begin_idle_to_setup) {
  wchg_sip_event inv = invite(T0);
  register_user(WCHG_REG_WEBRTC_H3);
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_IDLE);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 42, &inv, R, &D), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_SETUP);
  ck_assert_uint_eq(wchg_ctf_session_record_number(S), 0);
  /* SETUP: begin again is out of order */
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 42, &inv, R, &D), WCHG_E_STATE);
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_SETUP);
}
END_TEST

START_TEST(row_1xx_then_2xx_start) {
  wchg_sip_event inv = invite(T0), ringing = response("INVITE", 180, T0 + 900),
                 ok = ok_invite(T0 + 5250, SDP_ANSWER);
  const wchg_acr *a;
  register_user(WCHG_REG_WEBRTC_H3);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, ((uint64_t)1 << 32) | 42, &inv, R, &D),
                   WCHG_OK);
  ringing.sdp = WCHG_STR(SDP_ANSWER_BUMP);
  ck_assert_int_eq(ev(&ringing), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_SETUP);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = expect_record(R, WCHG_ACR_START, 0, "start_h3");
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_ACTIVE);
  expect_str(a->session_id, "epcscf1.visited.example;1;42");
  expect_time(a->event_timestamp, T0 + 5250);
  expect_time(a->sip_request_timestamp, T0);
  expect_time(a->sip_response_timestamp, T0 + 5250);
  expect_cause(a, false, 0);
  ck_assert(a->acct_interim_interval.present && a->acct_interim_interval.value == 300);
  expect_str(a->ims.sip_method, "INVITE");
  ck_assert_int_eq(a->ims.role_of_node.value, WCHG_ROLE_ORIGINATING);
  expect_str(a->ims.session_id, CALL_ID);
  ck_assert_uint_eq(a->ims.list_of_calling_party_address.count, 2);
  expect_str(a->ims.list_of_calling_party_address.items[0].value, IMPU);
  ck_assert_int_eq(a->ims.list_of_calling_party_address.items[1].choice, WCHG_PARTY_TEL_URI);
  expect_str(a->ims.called_party_address.value, BOB);
  ck_assert_uint_eq(a->ims.list_of_called_asserted_identity.count, 1);
  expect_str(a->ims.list_of_called_asserted_identity.items[0].value, BOB);
  expect_oct(a->ims.ims_charging_identifier, ICID);
  ck_assert(a->ims.inter_operator_identifiers.present);
  expect_str(a->ims.inter_operator_identifiers.originating_ioi, "visited.example");
  expect_str(a->ims.inter_operator_identifiers.terminating_ioi, "home-b.example");
  ck_assert_uint_eq(a->ims.transit_ioi_lists.count, 2);
  expect_str(a->ims.transit_ioi_lists.items[1], "t2.2");
  expect_oct(a->ims.access_network_information, PANI_1);
  expect_oct(a->ims.additional_access_network_information, PANI_2);
  ck_assert_int_eq(a->ims.served_party_ip_address.choice, WCHG_IP_BIN_V4);
  ck_assert_int_eq(a->ims.served_party_ip_address.bin[0], 198);
  expect_oct(a->ims.from_address, "<" IMPU ">;tag=1928301774");
  expect_oct(a->ims.route_header_received, "<sip:epcscf1.visited.example;lr>");
  expect_oct(a->ims.route_header_transmitted, "<sip:scscf.home.example;lr>");
  expect_oct(a->ims.ims_communication_service_identifier,
             "urn:urn-7:3gpp-service.ims.icsi.mmtel");
  ck_assert(!a->ims.ims_emergency_indicator);
  ck_assert_uint_eq(a->ims.list_of_message_bodies.count, 0);
  expect_user(a);
  expect_wic(a, true);
  /* the 2xx's answer, not the 18x's */
  expect_sdp(a, "o=bob 2808844564 2808844564 IN IP4 203.0.113.7",
             "m=video 49176 UDP/TLS/RTP/SAVPF 96", WCHG_SDP_ANSWER, true);
}
END_TEST

START_TEST(row_start_from_early_answer_or_offer) {
  wchg_sip_event inv = invite(T0), ringing = response("INVITE", 183, T0 + 900),
                 ok = ok_invite(T0 + 5000, NULL);
  register_user(WCHG_REG_WEBRTC_H4);
  ringing.sdp = WCHG_STR(SDP_ANSWER);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 42, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ringing), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_sdp(expect_record(R, WCHG_ACR_START, 0, NULL),
             "o=bob 2808844564 2808844564 IN IP4 203.0.113.7",
             "m=video 49176 UDP/TLS/RTP/SAVPF 96", WCHG_SDP_ANSWER, true);
  /* no answer ever seen: the offer */
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 43, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_sdp(expect_record(R, WCHG_ACR_START, 0, NULL),
             "o=alice 2890844526 2890844526 IN IP4 198.51.100.1",
             "m=video 51372 UDP/TLS/RTP/SAVPF 96", WCHG_SDP_OFFER, true);
  /* the ticks re-read the kept SDP */
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 5000 + 300000, R, &D), WCHG_OK);
  expect_sdp(expect_record(R, WCHG_ACR_INTERIM, 1, NULL),
             "o=alice 2890844526 2890844526 IN IP4 198.51.100.1",
             "m=video 51372 UDP/TLS/RTP/SAVPF 96", WCHG_SDP_OFFER, true);
  /* no SDP at all: none in the START */
  wchg_ctf_session_reset(S);
  inv.sdp = (wchg_str){NULL, 0};
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 44, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_sdp(expect_record(R, WCHG_ACR_START, 0, NULL), NULL, NULL, 0, false);
}
END_TEST

START_TEST(row_failure_event) {
  static const int statuses[] = {302, 404, 486, 488, 500, 503, 603};
  register_user(WCHG_REG_WEBRTC_H3);
  for (size_t k = 0; k < sizeof statuses / sizeof statuses[0]; k++) {
    wchg_sip_event inv = invite(T0), fail = response("INVITE", statuses[k], T0 + 700),
                   ack = request("ACK", T0 + 710), late = response("INVITE", 200, T0 + 720);
    const wchg_acr *a;
    char name[32];
    fail.charging_vector = WCHG_STR(PCV_RESP);
    fail.reason = REASON;
    fail.reason_count = 1;
    wchg_ctf_session_reset(S);
    ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 42, &inv, R, &D), WCHG_OK);
    ck_assert_int_eq(ev(&fail), WCHG_OK);
    snprintf(name, sizeof name, "event_setup_%d", statuses[k]);
    a = expect_record(R, WCHG_ACR_EVENT, 0, k == 2 ? name : NULL);
    ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_CLOSED);
    expect_cause(a, true, wchg_cause_code("INVITE", statuses[k], false));
    expect_time(a->event_timestamp, T0 + 700);
    expect_time(a->sip_request_timestamp, T0);
    expect_time(a->sip_response_timestamp, T0 + 700);
    expect_str(a->ims.sip_method, "INVITE");
    expect_str(a->ims.inter_operator_identifiers.terminating_ioi, "home-b.example");
    expect_sdp(a, NULL, NULL, 0, false);
    ck_assert(!a->acct_interim_interval.present);
    expect_user(a);
    expect_wic(a, true);
    /* CLOSED: the ACK of the failure and late responses give nothing */
    ck_assert_int_eq(ev(&ack), WCHG_OK);
    expect_record(R, WCHG_ACR_NONE, 0, NULL);
    ck_assert_int_eq(ev(&late), WCHG_OK);
    expect_record(R, WCHG_ACR_NONE, 0, NULL);
    ck_assert_uint_eq(wchg_ctf_session_record_number(S), 0);
  }
}
END_TEST

START_TEST(row_cancel_event) {
  wchg_sip_event inv = invite(T0), ringing = response("INVITE", 180, T0 + 100),
                 cancel = request("CANCEL", T0 + 4000), terminated = response("INVITE", 487, T0 + 4010),
                 ok = response("CANCEL", 200, T0 + 4005);
  const wchg_acr *a;
  register_user(WCHG_REG_WEBRTC_H3);
  cancel.reason = REASON;
  cancel.reason_count = 1;
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 42, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ringing), WCHG_OK);
  ck_assert_int_eq(ev(&cancel), WCHG_OK);
  a = expect_record(R, WCHG_ACR_EVENT, 0, "event_cancel");
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_CLOSED);
  expect_cause(a, true, 487);
  expect_time(a->event_timestamp, T0 + 4000);
  expect_time(a->sip_request_timestamp, T0 + 4000);
  expect_time(a->sip_response_timestamp, -1);
  expect_str(a->ims.sip_method, "CANCEL");
  ck_assert_uint_eq(a->ims.list_of_reason_header.count, 1);
  expect_str(a->ims.list_of_reason_header.items[0], "Q.850;cause=16;text=\"Terminated\"");
  expect_oct(a->ims.ims_charging_identifier, ICID);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  ck_assert_int_eq(ev(&terminated), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
}
END_TEST

START_TEST(row_active_media_and_ticks) {
  wchg_sip_event ack = request("ACK", T0 + 5100), reinv = request("INVITE", T0 + 60000),
                 ok = response("INVITE", 200, T0 + 60200), upd = request("UPDATE", T0 + 90000),
                 upd_ok = response("UPDATE", 200, T0 + 90100), bye = request("BYE", T0 + 700000),
                 bye_ok = response("BYE", 200, T0 + 700050);
  const wchg_acr *a;
  start_session();
  ck_assert_int_eq(ev(&ack), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  /* re-INVITE: offer pending, nothing yet */
  reinv.sdp = WCHG_STR(SDP_OFFER);
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  /* its 2xx with the o= version bumped only: no change */
  ok.sdp = WCHG_STR(SDP_ANSWER_BUMP);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  /* UPDATE dropping the video: INTERIM 1 */
  upd.sdp = WCHG_STR(SDP_OFFER);
  ck_assert_int_eq(ev(&upd), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  upd_ok.sdp = WCHG_STR(SDP_NO_VIDEO);
  upd_ok.served_party_ip = WCHG_STR("2001:db8::7");
  ck_assert_int_eq(ev(&upd_ok), WCHG_OK);
  a = expect_record(R, WCHG_ACR_INTERIM, 1, "interim_media");
  expect_str(a->ims.sip_method, "UPDATE");
  expect_time(a->event_timestamp, T0 + 90100);
  expect_time(a->sip_request_timestamp, T0 + 90000);
  expect_time(a->sip_response_timestamp, T0 + 90100);
  expect_cause(a, false, 0);
  ck_assert(a->acct_interim_interval.present);
  ck_assert_int_eq(a->ims.served_party_ip_address.choice, WCHG_IP_BIN_V6);
  ck_assert_uint_eq(a->ims.list_of_called_asserted_identity.count, 0);
  expect_sdp(a, "o=bob 2808844564 2808844566 IN IP4 203.0.113.7", "m=video 0 UDP/TLS/RTP/SAVPF 96",
             WCHG_SDP_ANSWER, true);
  expect_str(a->ims.inter_operator_identifiers.terminating_ioi, "home-b.example");
  expect_wic(a, true);
  expect_user(a);
  /* tick: not yet (the last record was at T0 + 90100) */
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 90100 + 299999, R, &D), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 90100 + 300000, R, &D), WCHG_OK);
  a = expect_record(R, WCHG_ACR_INTERIM, 2, "interim_tick");
  expect_time(a->event_timestamp, T0 + 390100);
  expect_time(a->sip_request_timestamp, -1);
  expect_time(a->sip_response_timestamp, -1);
  expect_str(a->ims.sip_method, NULL);
  expect_sdp(a, "o=bob 2808844564 2808844566 IN IP4 203.0.113.7", "m=video 0 UDP/TLS/RTP/SAVPF 96",
             WCHG_SDP_ANSWER, true);
  /* a re-INVITE putting the video on hold: INTERIM 3 */
  reinv.time_ms = T0 + 400000;
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  ok.sdp = WCHG_STR(SDP_VIDEO_INACTIVE);
  ok.time_ms = T0 + 400100;
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = expect_record(R, WCHG_ACR_INTERIM, 3, NULL);
  expect_str(a->ims.sip_method, "INVITE");
  /* a second 2xx to it (retransmission): nothing */
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  /* a rejected re-INVITE: nothing, and its offer is dropped */
  reinv.sdp = WCHG_STR(SDP_ANSWER);
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  ok.status_code = 488;
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  ok.status_code = 200;
  ok.sdp = WCHG_STR(SDP_ANSWER);
  ck_assert_int_eq(ev(&ok), WCHG_OK); /* nothing pending: a retransmission */
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  /* BYE: STOP 4, stamped with the BYE */
  bye.reason = REASON;
  bye.reason_count = 1;
  bye.access_network_info = WCHG_STR("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=2344206BC0001B2");
  ck_assert_int_eq(ev(&bye), WCHG_OK);
  a = expect_record(R, WCHG_ACR_STOP, 4, "stop_h3");
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_CLOSED);
  ck_assert_uint_eq(wchg_ctf_session_record_number(S), 4);
  expect_cause(a, true, 0);
  expect_time(a->event_timestamp, T0 + 700000);
  expect_time(a->sip_request_timestamp, T0 + 700000);
  expect_time(a->sip_response_timestamp, -1);
  expect_str(a->ims.sip_method, "BYE");
  expect_sdp(a, NULL, NULL, 0, false);
  ck_assert(!a->acct_interim_interval.present);
  expect_str(a->ims.list_of_reason_header.items[0], "Q.850;cause=16;text=\"Terminated\"");
  expect_oct(a->ims.access_network_information,
             "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=2344206BC0001B2");
  expect_oct(a->ims.additional_access_network_information, NULL);
  expect_oct(a->ims.ims_charging_identifier, ICID);
  expect_str(a->ims.session_id, CALL_ID);
  expect_wic(a, true);
  expect_user(a);
  /* CLOSED: the 200 to the BYE gives nothing; another BYE is out of order */
  ck_assert_int_eq(ev(&bye_ok), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  ck_assert_int_eq(ev(&bye), WCHG_E_STATE);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 9000000, R, &D), WCHG_OK);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
}
END_TEST

START_TEST(row_media_initiator_of_the_called_side) {
  /* a re-INVITE from the called party (its own From tag) */
  wchg_sip_event reinv = request("INVITE", T0 + 60000), ok = response("INVITE", 200, T0 + 60100);
  start_session();
  reinv.from = WCHG_STR("<" BOB ">;tag=a6c85cf");
  reinv.sdp = WCHG_STR(SDP_ANSWER);
  ok.sdp = WCHG_STR(SDP_NO_VIDEO);
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_sdp(expect_record(R, WCHG_ACR_INTERIM, 1, NULL),
             "o=bob 2808844564 2808844566 IN IP4 203.0.113.7", "m=video 0 UDP/TLS/RTP/SAVPF 96",
             WCHG_SDP_ANSWER, false);
}
END_TEST

START_TEST(row_bye_without_ack) {
  wchg_sip_event bye = request("BYE", T0 + 9000);
  start_session();
  ck_assert_int_eq(ev(&bye), WCHG_OK);
  expect_cause(expect_record(R, WCHG_ACR_STOP, 1, NULL), true, WCHG_CAUSE_UNSUCCESSFUL_SETUP);
}
END_TEST

START_TEST(row_terminating) {
  wchg_sip_event inv = invite(T0), ok = ok_invite(T0 + 3000, SDP_OFFER);
  const wchg_acr *a;
  register_user(WCHG_REG_WEBRTC_H3);
  /* the served user is called: the offer comes from the calling party */
  inv.request_uri = WCHG_STR("sip:alice@198.51.100.1:5060;transport=tls");
  inv.called_party_id = WCHG_STR(IMPU);
  inv.asserted_identity = PAI_BOB;
  inv.asserted_identity_count = 1;
  inv.sdp = WCHG_STR(SDP_ANSWER);
  inv.access_network_info = (wchg_str){NULL, 0};
  ok.access_network_info = WCHG_STR(PANI_2);
  ok.asserted_identity = PAI_ALICE;
  ok.asserted_identity_count = 2;
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_TERMINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = expect_record(R, WCHG_ACR_START, 0, "start_terminating");
  ck_assert_int_eq(a->ims.role_of_node.value, WCHG_ROLE_TERMINATING);
  expect_str(a->ims.called_party_address.value, IMPU);
  expect_str(a->ims.list_of_calling_party_address.items[0].value, BOB);
  ck_assert_uint_eq(a->ims.list_of_called_asserted_identity.count, 2);
  expect_oct(a->ims.access_network_information, PANI_2);
  /* Media-Initiator-Flag 1: the calling party made the offer (§7.2.97) */
  expect_sdp(a, "o=alice 2890844526 2890844526 IN IP4 198.51.100.1",
             "m=video 51372 UDP/TLS/RTP/SAVPF 96", WCHG_SDP_ANSWER, true);
  expect_user(a);
}
END_TEST

START_TEST(row_out_of_order) {
  static const char *const requests[] = {"INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "UPDATE"};
  wchg_sip_event inv = invite(T0), ok = ok_invite(T0 + 1, SDP_ANSWER);
  register_user(WCHG_REG_WEBRTC_H3);
  /* IDLE: every request and response */
  for (size_t k = 0; k < 6; k++) {
    wchg_sip_event e = request(requests[k], T0);
    ck_assert_int_eq(ev(&e), WCHG_E_STATE);
    ck_assert_int_eq(D.code, WCHG_E_STATE);
    ck_assert_str_eq(D.path, requests[k]);
    expect_record(R, WCHG_ACR_NONE, 0, NULL);
  }
  ck_assert_int_eq(ev(&ok), WCHG_E_STATE);
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_IDLE);
  /* SETUP: ACK, BYE, a second INVITE, REGISTER */
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_OK);
  for (size_t k = 0; k < 3; k++) {
    wchg_sip_event e = request(requests[k], T0);
    ck_assert_int_eq(ev(&e), WCHG_E_STATE);
    ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_SETUP);
  }
  /* ACTIVE: CANCEL, REGISTER */
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  for (size_t k = 3; k < 5; k++) {
    wchg_sip_event e = request(requests[k], T0);
    ck_assert_int_eq(ev(&e), WCHG_E_STATE);
    ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_ACTIVE);
    ck_assert_uint_eq(wchg_ctf_session_record_number(S), 0);
  }
  /* other in-dialog requests charging ignores */
  {
    wchg_sip_event info = request("INFO", T0 + 9), prack = request("PRACK", T0 + 9);
    ck_assert_int_eq(ev(&info), WCHG_OK);
    ck_assert_int_eq(ev(&prack), WCHG_OK);
    expect_record(R, WCHG_ACR_NONE, 0, NULL);
  }
  /* arguments */
  {
    wchg_sip_event bad = response("INVITE", 700, T0);
    ck_assert_int_eq(ev(&bad), WCHG_E_RANGE);
    bad.status_code = 99;
    ck_assert_int_eq(ev(&bad), WCHG_E_RANGE);
    bad.method = (wchg_str){NULL, 0};
    ck_assert_int_eq(ev(&bad), WCHG_E_ARG);
    ck_assert_int_eq(wchg_ctf_session_event(NULL, &ok, R, &D), WCHG_E_ARG);
    ck_assert_int_eq(wchg_ctf_session_event(S, NULL, R, &D), WCHG_E_ARG);
    ck_assert_int_eq(wchg_ctf_session_event(S, &ok, NULL, &D), WCHG_E_ARG);
    ck_assert_int_eq(wchg_ctf_session_tick(NULL, 0, R, &D), WCHG_E_ARG);
    ck_assert_int_eq(wchg_ctf_session_tick(S, 0, NULL, &D), WCHG_E_ARG);
    ck_assert_int_eq(wchg_ctf_session_state(NULL), WCHG_CTF_IDLE);
    ck_assert_uint_eq(wchg_ctf_session_record_number(NULL), 0);
    ck_assert_ptr_null(wchg_ctf_record_acr(NULL));
  }
}
END_TEST

START_TEST(begin_errors) {
  wchg_sip_event inv = invite(T0);
  wchg_ctf_reg *fresh = wchg_ctf_reg_new(&CFG);
  register_user(WCHG_REG_WEBRTC_H3);
  ck_assert_int_eq(wchg_ctf_session_begin(S, fresh, 0, 1, &inv, R, &D), WCHG_E_STATE);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 2, 1, &inv, R, &D), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, -1, 1, &inv, R, &D), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_ctf_session_begin(NULL, REG, 0, 1, &inv, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, NULL, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, NULL, &D), WCHG_E_ARG);
  inv.method = WCHG_STR("MESSAGE");
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_E_ARG);
  inv = invite(T0);
  inv.status_code = 200;
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_E_ARG);
  inv = invite(T0);
  inv.served_party_ip = WCHG_STR("198.51.100");
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_E_ENCODING);
  ck_assert_str_eq(D.path, "INVITE/served_party_ip");
  inv = invite(T0);
  inv.asserted_identity_count = WCHG_CTF_MAX_LIST + 1;
  {
    wchg_str many[WCHG_CTF_MAX_LIST + 1];
    for (size_t k = 0; k <= WCHG_CTF_MAX_LIST; k++)
      many[k] = WCHG_STR(IMPU);
    inv.asserted_identity = many;
    ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_E_LIMIT);
    ck_assert_str_eq(D.path, "INVITE/asserted_identity");
  }
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_IDLE);
  /* no registration context: plain IMS, no identities */
  inv = invite(T0);
  ck_assert_int_eq(wchg_ctf_session_begin(S, NULL, 0, 1, &inv, R, &D), WCHG_OK);
  inv = ok_invite(T0 + 1, SDP_ANSWER);
  ck_assert_int_eq(ev(&inv), WCHG_OK);
  {
    const wchg_acr *a = expect_record(R, WCHG_ACR_START, 0, NULL);
    expect_wic(a, false);
    expect_str(a->ims.private_user_id, NULL);
    ck_assert_uint_eq(a->ims.list_of_subscription_id.count, 0);
  }
  wchg_ctf_reg_free(fresh);
}
END_TEST

/* ---- sequencing invariants over random event sequences --------------- */

static bool ctf_is_tick(const wchg_sip_event *e) {
  return e->method.len == 4 && !memcmp(e->method.ptr, "TICK", 4);
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % n);
}

START_TEST(random_sequences) {
  static const char *const sdps[] = {SDP_ANSWER, SDP_ANSWER_BUMP, SDP_NO_VIDEO,
                                     SDP_VIDEO_INACTIVE, NULL};
  size_t starts_total = 0, stops_total = 0, events_total = 0, interims_total = 0;
  register_user(WCHG_REG_WEBRTC_H4);
  for (int seq = 0; seq < 10000; seq++) {
    wchg_sip_event inv = invite(T0);
    int64_t t = T0;
    int starts = 0, events = 0;
    bool closed = false, stopped = false;
    uint32_t next = 0;
    wchg_ctf_session_reset(S);
    if (rnd(2))
      inv.sdp = (wchg_str){NULL, 0};
    ck_assert_int_eq(wchg_ctf_session_begin(S, REG, (int)rnd(2), (uint64_t)seq, &inv, R, &D),
                     WCHG_OK);
    for (int step = 0, n = 1 + (int)rnd(14); step < n; step++) {
      wchg_sip_event e;
      wchg_ctf_state before = wchg_ctf_session_state(S);
      uint32_t number_before = wchg_ctf_session_record_number(S);
      wchg_status rc;
      const wchg_acr *a;
      t += 1 + rnd(200000);
      switch (rnd(13)) {
      case 0: e = response("INVITE", 180 + (int)rnd(4), t); break;
      case 1: e = ok_invite(t, NULL); break;
      case 2: e = response("INVITE", 300 + (int)rnd(400), t); break;
      case 3: e = request("ACK", t); break;
      case 4: e = request("INVITE", t); break;
      case 5: e = request("UPDATE", t); break;
      case 6: e = response("UPDATE", 200, t); break;
      case 7: e = request("BYE", t); break;
      case 8: e = request("CANCEL", t); break;
      case 9: e = response("BYE", 200, t); break;
      case 10: e = request("PRACK", t); break;
      case 11: e = response("INVITE", 200, t); break;
      default: e = request("TICK", t); break;
      }
      e.sdp = wchg_str_from(sdps[rnd(5)]);
      if (ctf_is_tick(&e))
        rc = wchg_ctf_session_tick(S, t, R, &D);
      else
        rc = ev(&e);
      a = wchg_ctf_record_acr(R);
      if (rc != WCHG_OK) {
        ck_assert_int_eq(rc, WCHG_E_STATE);
        ck_assert_int_eq(wchg_ctf_session_state(S), before);
        ck_assert_uint_eq(wchg_ctf_session_record_number(S), number_before);
        ck_assert_int_eq(a->accounting_record_type, WCHG_ACR_NONE);
        continue;
      }
      if (a->accounting_record_type == WCHG_ACR_NONE)
        continue;
      ck_assert_msg(!closed, "a record after the STOP or EVENT (seq %d)", seq);
      ck_assert_uint_eq(a->accounting_record_number, next);
      ck_assert_uint_eq(wchg_ctf_session_record_number(S), next);
      next++;
      switch (a->accounting_record_type) {
      case WCHG_ACR_START:
        ck_assert_int_eq(++starts, 1);
        starts_total++;
        break;
      case WCHG_ACR_INTERIM:
        ck_assert_int_eq(starts, 1);
        interims_total++;
        break;
      case WCHG_ACR_STOP:
        ck_assert_int_eq(starts, 1);
        closed = stopped = true;
        stops_total++;
        break;
      case WCHG_ACR_EVENT:
        ck_assert_int_eq(starts, 0);
        events++;
        closed = true;
        events_total++;
        break;
      default:
        ck_abort_msg("record type %d", a->accounting_record_type);
      }
      if (seq % 50 == 0)
        encode_check(a, NULL);
    }
    /* every failed setup gave exactly one EVENT; a closed session is CLOSED */
    if (wchg_ctf_session_state(S) == WCHG_CTF_CLOSED)
      ck_assert_int_eq(starts ? (int)stopped : events, 1);
    else
      ck_assert_int_eq(events, 0);
  }
  /* the alphabet reaches every record type */
  ck_assert(starts_total && stops_total && events_total && interims_total);
}
END_TEST

/* ---- registration ------------------------------------------------------ */

START_TEST(register_h3) {
  wchg_register_event re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  wchg_ctf_reg_info info;
  const wchg_acr *a;
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  ck_assert(!info.registered);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, ((uint64_t)9 << 32) | 1, R, &D), WCHG_OK);
  a = expect_record(R, WCHG_ACR_EVENT, 0, "register_h3");
  expect_str(a->session_id, "epcscf1.visited.example;9;1");
  expect_cause(a, true, -1);
  expect_time(a->event_timestamp, T0 + 40);
  expect_time(a->sip_request_timestamp, T0);
  expect_time(a->sip_response_timestamp, T0 + 40);
  expect_str(a->ims.sip_method, "REGISTER");
  ck_assert(a->ims.expires_information.present && a->ims.expires_information.value == 600);
  expect_str(a->ims.called_party_address.value, IMPU);
  ck_assert_uint_eq(a->ims.list_of_associated_uri.count, 2);
  expect_str(a->ims.list_of_associated_uri.items[1].value, "tel:+15551230001");
  expect_str(a->ims.list_of_calling_party_address.items[0].value, "unknown");
  expect_oct(a->ims.ims_charging_identifier, ICID);
  expect_str(a->ims.inter_operator_identifiers.originating_ioi, "visited.example");
  expect_str(a->ims.inter_operator_identifiers.terminating_ioi, "home-b.example");
  expect_oct(a->ims.access_network_information, PANI_1);
  ck_assert_int_eq(a->ims.served_party_ip_address.choice, WCHG_IP_BIN_V6);
  ck_assert(!a->acct_interim_interval.present);
  expect_sdp(a, NULL, NULL, 0, false);
  expect_user(a);
  expect_wic(a, true);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  ck_assert(info.registered);
  ck_assert_int_eq(info.flavour, WCHG_REG_WEBRTC_H3);
  expect_str(info.impi, IMPI);
  expect_str(info.impu, IMPU);
  expect_str(info.waf, WAF);
  expect_str(info.wwsf, WWSF);
  expect_str(info.instance_id, INSTANCE);
  expect_str(info.served_party_ip, "2001:db8::1");
  expect_str(info.access_network_info, PANI);
  ck_assert_uint_eq(info.associated_uri_count, 2);
  ck_assert_int_eq(info.expires_at_ms, T0 + 40 + 600000);

  /* later records of the user carry the identities: a standalone MESSAGE */
  {
    wchg_sip_event rq = request("MESSAGE", T0 + 1000), rs = response("MESSAGE", 200, T0 + 1050);
    rq.request_uri = WCHG_STR(BOB);
    ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 3, &rq, &rs, R, &D), WCHG_OK);
    a = expect_record(R, WCHG_ACR_EVENT, 0, NULL);
    expect_user(a);
    expect_wic(a, true);
    /* no P-ANI in the MESSAGE: the registration's */
    expect_oct(a->ims.access_network_information, PANI_1);
    ck_assert_int_eq(a->ims.served_party_ip_address.choice, WCHG_IP_BIN_V6);
  }
}
END_TEST

/* An allocator that remembers its blocks, to look for bytes in them. */
struct trackmem {
  wchg_mem mem;
  void *block[64];
  size_t size[64];
};
static void *tm_malloc(size_t n, void *ud) {
  struct trackmem *t = ud;
  void *p = calloc(1, n); /* zeroed: the scan reads unused room too */
  for (size_t k = 0; p && k < 64; k++)
    if (!t->block[k]) {
      t->block[k] = p;
      t->size[k] = n;
      return p;
    }
  ck_abort_msg("trackmem full");
  return NULL;
}
static void tm_free(void *p, void *ud) {
  struct trackmem *t = ud;
  for (size_t k = 0; p && k < 64; k++)
    if (t->block[k] == p)
      t->block[k] = NULL;
  free(p);
}
static bool has_bytes(const void *hay, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t k = 0; k + m <= n; k++)
    if (!memcmp((const char *)hay + k, needle, m))
      return true;
  return false;
}

START_TEST(register_h4_bearer_never_kept) {
  struct trackmem tm = {{tm_malloc, tm_free, NULL}, {0}, {0}};
  wchg_ctf_config cfg = CFG;
  wchg_ctf_reg *reg;
  wchg_ctf_session *s;
  wchg_ctf_record *r;
  wchg_register_event re = reg_event(WCHG_REG_WEBRTC_H4, 200, T0);
  wchg_sip_event inv = invite(T0 + 100), ok = ok_invite(T0 + 200, SDP_ANSWER);
  uint8_t buf[8192];
  size_t len;
  const wchg_acr *a;
  tm.mem.user_data = &tm;
  cfg.mem = &tm.mem;
  reg = wchg_ctf_reg_new(&cfg);
  s = wchg_ctf_session_new(&cfg);
  r = wchg_ctf_record_new(&tm.mem);
  /* the WIC's Bearer form: the WAF identity from token validation */
  re.authorization = WCHG_STR("Bearer " TOKEN);
  re.waf = WCHG_STR(WAF);
  re.impu = WCHG_STR("tel:+1-555-123-0002;phone-context=pool.example");
  ck_assert_int_eq(wchg_ctf_register(reg, &re, 1, r, &D), WCHG_OK);
  a = expect_record(r, WCHG_ACR_EVENT, 0, "register_h4_bearer");
  expect_wic(a, true);
  expect_str(a->ims.private_user_id, NULL);
  ck_assert_int_eq(a->ims.list_of_subscription_id.items[0].subscription_id_type.value,
                   WCHG_END_USER_E164);
  expect_str(a->ims.list_of_subscription_id.items[0].subscription_id_data, "15551230002");
  ck_assert_int_eq(wchg_acr_encode(a, buf, sizeof buf, &len, NULL), WCHG_OK);
  ck_assert(!has_bytes(buf, len, TOKEN));
  ck_assert_int_eq(wchg_ctf_session_begin(s, reg, 0, 2, &inv, r, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_session_event(s, &ok, r, &D), WCHG_OK);
  a = expect_record(r, WCHG_ACR_START, 0, "start_h4");
  expect_wic(a, true);
  ck_assert_int_eq(wchg_acr_encode(a, buf, sizeof buf, &len, NULL), WCHG_OK);
  ck_assert(!has_bytes(buf, len, TOKEN));
  /* no block of the context, the session or the record holds the token */
  for (size_t k = 0; k < 64; k++)
    if (tm.block[k])
      ck_assert_msg(!has_bytes(tm.block[k], tm.size[k], TOKEN), "token in block %zu", k);
  /* the test can fail: the token is where the caller put it */
  ck_assert(has_bytes(re.authorization.ptr, re.authorization.len, TOKEN));
  wchg_ctf_session_free(s);
  wchg_ctf_reg_free(reg);
  wchg_ctf_record_free(r);
  for (size_t k = 0; k < 64; k++)
    ck_assert_ptr_null(tm.block[k]);
}
END_TEST

START_TEST(register_plain_ims) {
  wchg_register_event re = reg_event(WCHG_REG_IMS, 200, T0);
  wchg_sip_event inv = invite(T0 + 100), ok = ok_invite(T0 + 200, SDP_ANSWER);
  wchg_ctf_reg_info info;
  re.waf = WCHG_STR("ignored.example"); /* a plain client has none */
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_OK);
  expect_wic(expect_record(R, WCHG_ACR_EVENT, 0, NULL), false);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  expect_str(info.waf, NULL);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 2, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  expect_wic(expect_record(R, WCHG_ACR_START, 0, NULL), false);
  expect_user(wchg_ctf_record_acr(R));
}
END_TEST

START_TEST(register_re_and_de) {
  wchg_register_event re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  wchg_ctf_reg_info info;
  wchg_sip_event inv = invite(T0 + 100);
  const wchg_acr *a;
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_OK);
  /* re-registration: a new instance and expiry */
  re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0 + 500000);
  re.instance_id = WCHG_STR("<urn:uuid:11111111-0000-1000-8000-000A95A0E128>");
  re.response.expires = WCHG_INT(1200);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 2, R, &D), WCHG_OK);
  a = expect_record(R, WCHG_ACR_EVENT, 0, "reregister");
  expect_cause(a, true, -1);
  ck_assert_int_eq(a->ims.expires_information.value, 1200);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  expect_str(info.instance_id, "<urn:uuid:11111111-0000-1000-8000-000A95A0E128>");
  ck_assert_int_eq(info.expires_at_ms, T0 + 500040 + 1200000);
  /* an update may be given views of the context itself */
  re.impu = info.impu;
  re.instance_id = info.instance_id;
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 3, R, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  expect_str(info.impu, IMPU);
  expect_str(info.instance_id, "<urn:uuid:11111111-0000-1000-8000-000A95A0E128>");
  /* de-registration: -3, the context is emptied */
  re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0 + 900000);
  re.response.expires = WCHG_INT(0);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 4, R, &D), WCHG_OK);
  a = expect_record(R, WCHG_ACR_EVENT, 0, "deregister");
  expect_cause(a, true, -3);
  ck_assert_int_eq(a->ims.expires_information.value, 0);
  expect_wic(a, true);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  ck_assert(!info.registered);
  expect_str(info.impu, NULL);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_E_STATE);
  /* and registered again with the kept memory */
  re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0 + 950000);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 5, R, &D), WCHG_OK);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  ck_assert(info.registered);
}
END_TEST

START_TEST(register_failures) {
  wchg_register_event re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  wchg_ctf_reg_info before, after;
  const wchg_acr *a;
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_OK);
  wchg_ctf_reg_get(REG, &before);
  /* 401 / 407: a challenge, no record, nothing changes */
  for (int st = 401; st <= 407; st += 6) {
    re = reg_event(WCHG_REG_WEBRTC_H3, st, T0 + 10);
    re.impu = WCHG_STR("sip:other@home.example");
    ck_assert_int_eq(wchg_ctf_register(REG, &re, 2, R, &D), WCHG_OK);
    expect_record(R, WCHG_ACR_NONE, 0, NULL);
  }
  /* 403: EVENT with 403, the context unchanged */
  re = reg_event(WCHG_REG_WEBRTC_H3, 403, T0 + 20);
  re.impu = WCHG_STR("sip:other@home.example");
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 3, R, &D), WCHG_OK);
  a = expect_record(R, WCHG_ACR_EVENT, 0, "register_403");
  expect_cause(a, true, 403);
  expect_str(a->ims.called_party_address.value, "sip:other@home.example");
  re.response.status_code = 302; /* a redirect: -302, unchanged */
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 3, R, &D), WCHG_OK);
  expect_cause(expect_record(R, WCHG_ACR_EVENT, 0, NULL), true, -302);
  wchg_ctf_reg_get(REG, &after);
  expect_str(after.impu, IMPU);
  ck_assert_int_eq(after.expires_at_ms, before.expires_at_ms);
  ck_assert(after.registered);
}
END_TEST

START_TEST(register_identity_errors) {
  wchg_register_event re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  wchg_ctf_reg_info info;
  /* no WAF identity */
  re.authorization = WCHG_STR("Digest username=\"" IMPI "\", realm=\"home.example\"");
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_E_MISSING);
  ck_assert_str_eq(D.path, "REGISTER/Authorization/authorization-entity");
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
  re.authorization = (wchg_str){NULL, 0};
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_E_MISSING);
  /* ... given beside the header instead: fine */
  re.waf = WCHG_STR(WAF);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_OK);
  expect_wic(expect_record(R, WCHG_ACR_EVENT, 0, NULL), true);
  /* no WWSF identity (H.4) */
  re = reg_event(WCHG_REG_WEBRTC_H4, 200, T0);
  re.wwsf = (wchg_str){NULL, 0};
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_E_MISSING);
  ck_assert_str_eq(D.path, "REGISTER/wwsf");
  /* disagreeing WAF identities */
  re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  re.waf = WCHG_STR("waf.elsewhere.example");
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_E_INVALID);
  ck_assert_str_eq(D.path, "REGISTER/Authorization/authorization-entity");
  /* an escaped authorization-entity is compared unquoted */
  re.authorization = WCHG_STR("Digest username=\"al\\ice@home.example\", "
                              "authorization-entity=\"waf.webrtc\\.example\"");
  re.waf = WCHG_STR(WAF);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_OK);
  expect_str(wchg_ctf_record_acr(R)->ims.private_user_id, IMPI);
  expect_wic(expect_record(R, WCHG_ACR_EVENT, 0, NULL), true);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  expect_str(info.waf, WAF);
  expect_str(info.impi, IMPI);
  /* no IMPU; ranges; arguments */
  re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  re.impu = (wchg_str){NULL, 0};
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_E_MISSING);
  ck_assert_str_eq(D.path, "REGISTER/impu");
  re = reg_event(WCHG_REG_WEBRTC_H3, 199, T0);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_E_RANGE);
  re = reg_event((wchg_reg_flavour)3, 200, T0);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, R, &D), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_ctf_register(NULL, &re, 1, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_register(REG, NULL, 1, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_register(REG, &re, 1, NULL, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_reg_get(NULL, &info), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, NULL), WCHG_E_ARG);
  ck_assert_ptr_null(wchg_ctf_reg_new(NULL));
  ck_assert_ptr_null(wchg_ctf_session_new(NULL));
  wchg_ctf_reg_free(NULL);
  wchg_ctf_session_free(NULL);
  wchg_ctf_session_reset(NULL);
  wchg_ctf_record_free(NULL);
}
END_TEST

/* ---- emergency --------------------------------------------------------- */

START_TEST(emergency_wic_refused) {
  static const char *const urns[] = {"urn:service:sos", "urn:service:sos.police",
                                     "URN:SERVICE:Sos.Fire"};
  for (int flavour = WCHG_REG_WEBRTC_H3; flavour <= WCHG_REG_WEBRTC_H4; flavour++) {
    register_user((wchg_reg_flavour)flavour);
    for (size_t k = 0; k <= 3; k++) {
      wchg_sip_event inv = invite(T0), msg = request("MESSAGE", T0),
                     ok = response("MESSAGE", 200, T0 + 1);
      if (k < 3)
        inv.request_uri = wchg_str_from(urns[k]);
      else
        inv.emergency = true; /* the host's own classification */
      msg.request_uri = inv.request_uri;
      msg.emergency = inv.emergency;
      ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_E_EMERGENCY);
      ck_assert_int_eq(D.code, WCHG_E_EMERGENCY);
      ck_assert_str_eq(D.path, "INVITE/Request-URI");
      expect_record(R, WCHG_ACR_NONE, 0, NULL);
      ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_IDLE);
      ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, &msg, &ok, R, &D),
                       WCHG_E_EMERGENCY);
      expect_record(R, WCHG_ACR_NONE, 0, NULL);
    }
  }
}
END_TEST

START_TEST(emergency_plain_ims_charged) {
  wchg_sip_event inv = invite(T0), ok = ok_invite(T0 + 10, SDP_ANSWER), bye = request("BYE", T0 + 20);
  const wchg_acr *a;
  register_user(WCHG_REG_IMS);
  inv.request_uri = WCHG_STR("urn:service:sos.ambulance");
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = expect_record(R, WCHG_ACR_START, 0, "start_emergency_ims");
  ck_assert(a->ims.ims_emergency_indicator);
  expect_wic(a, false);
  ck_assert_int_eq(ev(&bye), WCHG_OK);
  ck_assert(expect_record(R, WCHG_ACR_STOP, 1, NULL)->ims.ims_emergency_indicator);
  /* no registration context at all: plain IMS too */
  wchg_ctf_session_reset(S);
  inv.request_uri = WCHG_STR(BOB);
  inv.emergency = true;
  ck_assert_int_eq(wchg_ctf_session_begin(S, NULL, 0, 1, &inv, R, &D), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  ck_assert(expect_record(R, WCHG_ACR_START, 0, NULL)->ims.ims_emergency_indicator);
}
END_TEST

/* ---- standalone -------------------------------------------------------- */

static const wchg_acr *standalone(const wchg_sip_event *rq, const wchg_sip_event *rs, int role,
                                  const char *name) {
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, role, 77, rq, rs, R, &D), WCHG_OK);
  return expect_record(R, WCHG_ACR_EVENT, 0, name);
}

START_TEST(standalone_message) {
  wchg_sip_event rq = request("MESSAGE", T0), rs = response("MESSAGE", 202, T0 + 15);
  const wchg_acr *a;
  register_user(WCHG_REG_WEBRTC_H4);
  rq.request_uri = WCHG_STR(BOB);
  rq.asserted_identity = PAI_ALICE;
  rq.asserted_identity_count = 1;
  rq.content_type = WCHG_STR("text/plain;charset=UTF-8");
  rq.content_length = WCHG_INT(11);
  rq.charging_vector = WCHG_STR(PCV_REQ);
  rq.route_received = WCHG_STR("<sip:epcscf1.visited.example;lr>");
  rs.charging_vector = WCHG_STR(PCV_RESP);
  a = standalone(&rq, &rs, WCHG_ROLE_ORIGINATING, "event_message");
  expect_str(a->session_id, "epcscf1.visited.example;0;77");
  expect_cause(a, true, -202);
  expect_time(a->event_timestamp, T0 + 15);
  expect_time(a->sip_request_timestamp, T0);
  expect_time(a->sip_response_timestamp, T0 + 15);
  expect_str(a->ims.sip_method, "MESSAGE");
  ck_assert(!a->ims.expires_information.present);
  ck_assert_uint_eq(a->ims.list_of_message_bodies.count, 1);
  expect_str(a->ims.list_of_message_bodies.items[0].content_type, "text/plain;charset=UTF-8");
  ck_assert_int_eq(a->ims.list_of_message_bodies.items[0].content_length.value, 11);
  expect_str(a->ims.called_party_address.value, BOB);
  expect_str(a->ims.list_of_calling_party_address.items[0].value, IMPU);
  expect_oct(a->ims.route_header_received, "<sip:epcscf1.visited.example;lr>");
  expect_str(a->ims.inter_operator_identifiers.terminating_ioi, "home-b.example");
  ck_assert(!a->acct_interim_interval.present);
  expect_user(a);
  expect_wic(a, true);
  /* an SDP body is no Message-Body */
  rq.content_type = WCHG_STR("application/sdp");
  ck_assert_uint_eq(standalone(&rq, &rs, 0, NULL)->ims.list_of_message_bodies.count, 0);
  /* terminating: P-Called-Party-ID */
  rq.called_party_id = WCHG_STR(IMPU);
  expect_str(standalone(&rq, &rs, WCHG_ROLE_TERMINATING, NULL)->ims.called_party_address.value,
             IMPU);
}
END_TEST

START_TEST(standalone_subscribe_notify_publish_options_refer) {
  wchg_sip_event rq, rs;
  const wchg_acr *a;
  register_user(WCHG_REG_WEBRTC_H3);
  rq = request("SUBSCRIBE", T0);
  rs = response("SUBSCRIBE", 200, T0 + 5);
  rq.request_uri = WCHG_STR(IMPU);
  rq.event = WCHG_STR("reg");
  rq.expires = WCHG_INT(600000);
  rs.expires = WCHG_INT(600000);
  a = standalone(&rq, &rs, 0, "event_subscribe");
  expect_str(a->ims.event, "reg");
  ck_assert_int_eq(a->ims.expires_information.value, 600000);
  expect_cause(a, true, -1);
  rq.expires = rs.expires = WCHG_INT(0);
  a = standalone(&rq, &rs, 0, "event_unsubscribe");
  expect_cause(a, true, -2);
  ck_assert_int_eq(a->ims.expires_information.value, 0);
  rq = request("NOTIFY", T0);
  rs = response("NOTIFY", 200, T0 + 5);
  rq.event = WCHG_STR("reg");
  rq.content_type = WCHG_STR("application/reginfo+xml");
  rq.content_length = WCHG_INT(512);
  a = standalone(&rq, &rs, WCHG_ROLE_TERMINATING, "event_notify");
  expect_str(a->ims.event, "reg");
  expect_str(a->ims.list_of_message_bodies.items[0].content_type, "application/reginfo+xml");
  expect_cause(a, true, -1);
  rq = request("PUBLISH", T0);
  rs = response("PUBLISH", 200, T0 + 5);
  rq.event = WCHG_STR("presence");
  rq.expires = WCHG_INT(3600);
  a = standalone(&rq, &rs, 0, NULL);
  expect_str(a->ims.sip_method, "PUBLISH");
  expect_str(a->ims.event, "presence");
  ck_assert_int_eq(a->ims.expires_information.value, 3600);
  rq = request("OPTIONS", T0);
  rs = response("OPTIONS", 200, T0 + 5);
  expect_cause(standalone(&rq, &rs, 0, NULL), true, -1);
  rq = request("REFER", T0);
  rs = response("REFER", 202, T0 + 5);
  a = standalone(&rq, &rs, 0, "event_refer");
  expect_cause(a, true, -202);
  expect_str(a->ims.sip_method, "REFER");
  rs.status_code = 603;
  expect_cause(standalone(&rq, &rs, 0, NULL), true, 603);
}
END_TEST

START_TEST(standalone_errors) {
  static const char *const not_standalone[] = {"INVITE", "ACK", "BYE", "CANCEL",
                                               "UPDATE", "PRACK", "REGISTER"};
  wchg_sip_event rq = request("MESSAGE", T0), rs = response("MESSAGE", 200, T0 + 1);
  wchg_ctf_config c = CFG;
  wchg_ctf_reg *fresh = wchg_ctf_reg_new(&CFG);
  register_user(WCHG_REG_WEBRTC_H3);
  for (size_t k = 0; k < 7; k++) {
    wchg_sip_event q = request(not_standalone[k], T0), p = response(not_standalone[k], 200, T0);
    ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, &q, &p, R, &D), WCHG_E_ARG);
    expect_record(R, WCHG_ACR_NONE, 0, NULL);
  }
  rs.status_code = 180; /* not final */
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, &rq, &rs, R, &D), WCHG_E_ARG);
  rs.status_code = 700;
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, &rq, &rs, R, &D), WCHG_E_RANGE);
  rs.status_code = 200;
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 2, 1, &rq, &rs, R, &D), WCHG_E_RANGE);
  rs.method = WCHG_STR("NOTIFY"); /* not its response */
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, &rq, &rs, R, &D), WCHG_E_ARG);
  rs.method = WCHG_STR("MESSAGE");
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, &rs, &rs, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_standalone(NULL, REG, 0, 1, &rq, &rs, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, NULL, &rs, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, &rq, NULL, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, REG, 0, 1, &rq, &rs, NULL, &D), WCHG_E_ARG);
  c.origin_host = (wchg_str){NULL, 0};
  ck_assert_int_eq(wchg_ctf_standalone(&c, REG, 0, 1, &rq, &rs, R, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, fresh, 0, 1, &rq, &rs, R, &D), WCHG_E_STATE);
  /* plain IMS without a context */
  ck_assert_int_eq(wchg_ctf_standalone(&CFG, NULL, 0, 1, &rq, &rs, R, &D), WCHG_OK);
  expect_wic(expect_record(R, WCHG_ACR_EVENT, 0, NULL), false);
  wchg_ctf_reg_free(fresh);
}
END_TEST

/* ---- bad header values ------------------------------------------------- */

/* The code and path the parser itself reports for |value|. */
typedef wchg_status (*parse_fn)(const char *, size_t, wchg_diag *);
static wchg_status p_auth(const char *v, size_t n, wchg_diag *d) {
  static wchg_sip_authorization a;
  return wchg_sip_parse_authorization(v, n, &a, d);
}
static wchg_status p_pcv(const char *v, size_t n, wchg_diag *d) {
  static wchg_sip_charging_vector c;
  return wchg_sip_parse_charging_vector(v, n, &c, d);
}
static wchg_status p_ani(const char *v, size_t n, wchg_diag *d) {
  static wchg_sip_access_network_info a;
  return wchg_sip_parse_access_network_info(v, n, &a, d);
}
static wchg_status p_sdp(const char *v, size_t n, wchg_diag *d) {
  static wchg_sdp s;
  return wchg_sdp_parse(v, n, &s, d);
}

static void expect_parser_error(wchg_status got, parse_fn fn, const char *value) {
  wchg_diag want;
  wchg_status code = fn(value, strlen(value), &want);
  ck_assert_int_lt(code, 0);
  ck_assert_int_eq(got, code);
  ck_assert_int_eq(D.code, code);
  ck_assert_str_eq(D.path, want.path);
  ck_assert(D.path[0] != '\0');
  ck_assert_uint_eq(D.offset, want.offset);
  expect_record(R, WCHG_ACR_NONE, 0, NULL);
}

START_TEST(bad_header_values) {
  static const char *const bad_auth = "Digest username=\"alice, realm=x";
  static const char *const bad_pcv = "orig-ioi=visited.example";
  static const char *const bad_ani = "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=1; utran-cell-id-3gpp=2";
  static const char *const bad_sdp = "v=1\r\no=- 1 1 IN IP4 192.0.2.1\r\n";
  wchg_register_event re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  wchg_ctf_reg_info info;
  wchg_sip_event inv, e, rq = request("MESSAGE", T0), rs = response("MESSAGE", 200, T0 + 1);
  re.authorization = wchg_str_from(bad_auth);
  expect_parser_error(wchg_ctf_register(REG, &re, 1, R, &D), p_auth, bad_auth);
  re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  re.request.charging_vector = wchg_str_from(bad_pcv);
  expect_parser_error(wchg_ctf_register(REG, &re, 1, R, &D), p_pcv, bad_pcv);
  re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
  re.request.access_network_info = wchg_str_from(bad_ani);
  expect_parser_error(wchg_ctf_register(REG, &re, 1, R, &D), p_ani, bad_ani);
  ck_assert_int_eq(wchg_ctf_reg_get(REG, &info), WCHG_OK);
  ck_assert(!info.registered);
  register_user(WCHG_REG_WEBRTC_H3);
  /* begin: the session stays IDLE */
  inv = invite(T0);
  inv.sdp = wchg_str_from(bad_sdp);
  expect_parser_error(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), p_sdp, bad_sdp);
  inv = invite(T0);
  inv.charging_vector = wchg_str_from(bad_pcv);
  expect_parser_error(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), p_pcv, bad_pcv);
  inv = invite(T0);
  inv.access_network_info = wchg_str_from(bad_ani);
  expect_parser_error(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), p_ani, bad_ani);
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_IDLE);
  /* events: nothing changes */
  inv = invite(T0);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, 0, 1, &inv, R, &D), WCHG_OK);
  e = ok_invite(T0 + 1, bad_sdp);
  expect_parser_error(ev(&e), p_sdp, bad_sdp);
  e = ok_invite(T0 + 1, SDP_ANSWER);
  e.charging_vector = wchg_str_from(bad_pcv);
  expect_parser_error(ev(&e), p_pcv, bad_pcv);
  e = ok_invite(T0 + 1, SDP_ANSWER);
  e.access_network_info = wchg_str_from(bad_ani);
  expect_parser_error(ev(&e), p_ani, bad_ani);
  e = ok_invite(T0 + 1, SDP_ANSWER);
  e.served_party_ip = WCHG_STR("not-an-address");
  ck_assert_int_eq(ev(&e), WCHG_E_ENCODING);
  ck_assert_str_eq(D.path, "INVITE/served_party_ip");
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_SETUP);
  e = ok_invite(T0 + 1, SDP_ANSWER);
  ck_assert_int_eq(ev(&e), WCHG_OK);
  expect_record(R, WCHG_ACR_START, 0, NULL);
  /* standalone */
  rq.charging_vector = wchg_str_from(bad_pcv);
  expect_parser_error(wchg_ctf_standalone(&CFG, REG, 0, 1, &rq, &rs, R, &D), p_pcv, bad_pcv);
}
END_TEST

/* ---- out of memory ----------------------------------------------------- */

/* Big enough to make every store grow past its first capacity. */
static char BIG_SDP[4096];
static void make_big_sdp(void) {
  size_t n = (size_t)snprintf(BIG_SDP, sizeof BIG_SDP, "%s", SDP_ANSWER);
  for (int k = 0; k < 50; k++) /* below WCHG_SDP_MAX_MEDIA_LINES */
    n += (size_t)snprintf(BIG_SDP + n, sizeof BIG_SDP - n, "a=fmtp:96 x-google-start=%zu\r\n", n);
}

/* A scenario that makes every store grow; each call that fails for memory
 * must change nothing (checked by retrying it with memory to spare and
 * comparing the record types with a run without failures). */
static size_t oom_run(struct failmem *fm, int32_t *types, size_t cap) {
  wchg_ctf_config cfg = CFG;
  wchg_ctf_reg *reg;
  wchg_ctf_session *s;
  wchg_ctf_record *r;
  size_t n = 0;
  cfg.mem = &fm->mem;
  cfg.session_id_optional = WCHG_STR("a-rather-long-optional-part-of-the-session-id-"
                                     "to-use-the-room-of-the-record-text-store-"
                                     "0123456789012345678901234567890123456789012345678901234567890123456789"
                                     "0123456789012345678901234567890123456789012345678901234567890123456789"
                                     "0123456789012345678901234567890123456789012345678901234567890123456789"
                                     "0123456789012345678901234567890123456789012345678901234567890123456789");
  reg = wchg_ctf_reg_new(&cfg);
  s = wchg_ctf_session_new(&cfg);
  r = wchg_ctf_record_new(&fm->mem);
  if (!reg || !s || !r) {
    wchg_ctf_reg_free(reg);
    wchg_ctf_session_free(s);
    wchg_ctf_record_free(r);
    return 0;
  }
  {
    wchg_register_event re = reg_event(WCHG_REG_WEBRTC_H3, 200, T0);
    wchg_sip_event inv = invite(T0), ring = response("INVITE", 183, T0 + 1),
                   ok = ok_invite(T0 + 2, BIG_SDP), reinv = request("INVITE", T0 + 3),
                   reok = response("INVITE", 200, T0 + 4), bye = request("BYE", T0 + 5),
                   rq = request("MESSAGE", T0 + 6), rs = response("MESSAGE", 200, T0 + 7);
    char big_ani[1200];
    memset(big_ani, 'x', sizeof big_ani);
    memcpy(big_ani, "IEEE-802.11; i-wlan-node-id=", 28);
    re.request.access_network_info = (wchg_str){big_ani, sizeof big_ani};
    ring.sdp = WCHG_STR(SDP_ANSWER);
    ring.access_network_info = (wchg_str){big_ani, sizeof big_ani};
    reinv.sdp = WCHG_STR(SDP_OFFER);
    reok.sdp = WCHG_STR(SDP_NO_VIDEO);
#define STEP(call)                                                             \
  do {                                                                         \
    wchg_status rc_ = (call);                                                  \
    if (rc_ == WCHG_E_NOMEM) {                                                 \
      size_t at_ = fm->fail_at;                                                \
      int forever_ = fm->forever;                                              \
      ck_assert_int_eq(wchg_ctf_record_acr(r)->accounting_record_type, WCHG_ACR_NONE); \
      fm->fail_at = 0;                                                         \
      rc_ = (call);                                                            \
      fm->fail_at = at_;                                                       \
      fm->forever = forever_;                                                  \
    }                                                                          \
    ck_assert_int_eq(rc_, WCHG_OK);                                            \
    if (n < cap)                                                               \
      types[n++] = wchg_ctf_record_acr(r)->accounting_record_type;             \
  } while (0)
    STEP(wchg_ctf_register(reg, &re, 1, r, NULL));
    STEP(wchg_ctf_session_begin(s, reg, 0, 2, &inv, r, NULL));
    STEP(wchg_ctf_session_event(s, &ring, r, NULL));
    STEP(wchg_ctf_session_event(s, &ok, r, NULL));
    STEP(wchg_ctf_session_event(s, &reinv, r, NULL));
    STEP(wchg_ctf_session_event(s, &reok, r, NULL));
    STEP(wchg_ctf_session_tick(s, T0 + 400000, r, NULL));
    STEP(wchg_ctf_session_event(s, &bye, r, NULL));
    STEP(wchg_ctf_standalone(&cfg, reg, 0, 3, &rq, &rs, r, NULL));
    re.response.expires = WCHG_INT(0);
    STEP(wchg_ctf_register(reg, &re, 4, r, NULL));
#undef STEP
  }
  wchg_ctf_reg_free(reg);
  wchg_ctf_session_free(s);
  wchg_ctf_record_free(r);
  return n;
}

START_TEST(oom_every_allocation) {
  int32_t want[16];
  struct failmem fm;
  size_t n_want;
  make_big_sdp();
  failmem_init(&fm, 0, 0);
  n_want = oom_run(&fm, want, 16);
  ck_assert_uint_eq(n_want, 10);
  ck_assert_int_eq(want[3], WCHG_ACR_START);
  ck_assert_int_eq(want[5], WCHG_ACR_INTERIM);
  ck_assert_int_eq(want[7], WCHG_ACR_STOP);
  ck_assert_uint_eq(fm.live, 0);
  ck_assert_uint_gt(fm.calls, 8); /* the stores did grow */
  ck_assert_uint_gt(failmem_each(oom_run, want, n_want), 16);
}
END_TEST

START_TEST(oom_constructors) {
  struct failmem fm;
  wchg_ctf_config cfg = CFG;
  failmem_init(&fm, 1, 0);
  cfg.mem = &fm.mem;
  ck_assert_ptr_null(wchg_ctf_reg_new(&cfg));
  failmem_init(&fm, 1, 0);
  ck_assert_ptr_null(wchg_ctf_session_new(&cfg));
  for (size_t at = 1; at <= 2; at++) {
    failmem_init(&fm, at, 0);
    ck_assert_ptr_null(wchg_ctf_record_new(&fm.mem));
    ck_assert_uint_eq(fm.live, 0);
  }
}
END_TEST

/* ---- suite ------------------------------------------------------------- */

Suite *ctf_suite(void) {
  Suite *s = suite_create("ctf");
  TCase *tc = tcase_create("basics");
  tcase_add_test(tc, session_id_format);
  tcase_add_test(tc, emergency_urns);
  tcase_add_test(tc, cause_code_table);
  suite_add_tcase(s, tc);

  tc = tcase_create("table");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, cause_code_records);
  tcase_add_test(tc, row_begin_idle_to_setup);
  tcase_add_test(tc, row_1xx_then_2xx_start);
  tcase_add_test(tc, row_start_from_early_answer_or_offer);
  tcase_add_test(tc, row_failure_event);
  tcase_add_test(tc, row_cancel_event);
  tcase_add_test(tc, row_active_media_and_ticks);
  tcase_add_test(tc, row_media_initiator_of_the_called_side);
  tcase_add_test(tc, row_bye_without_ack);
  tcase_add_test(tc, row_terminating);
  tcase_add_test(tc, session_info_for_ro);
  tcase_add_test(tc, row_out_of_order);
  tcase_add_test(tc, begin_errors);
  tcase_add_test(tc, random_sequences);
  suite_add_tcase(s, tc);

  tc = tcase_create("registration");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, register_h3);
  tcase_add_test(tc, register_h4_bearer_never_kept);
  tcase_add_test(tc, register_plain_ims);
  tcase_add_test(tc, register_re_and_de);
  tcase_add_test(tc, register_failures);
  tcase_add_test(tc, register_identity_errors);
  tcase_add_test(tc, emergency_wic_refused);
  tcase_add_test(tc, emergency_plain_ims_charged);
  suite_add_tcase(s, tc);

  tc = tcase_create("standalone");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, standalone_message);
  tcase_add_test(tc, standalone_subscribe_notify_publish_options_refer);
  tcase_add_test(tc, standalone_errors);
  tcase_add_test(tc, bad_header_values);
  suite_add_tcase(s, tc);

  tc = tcase_create("oom");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, oom_every_allocation);
  tcase_add_test(tc, oom_constructors);
  suite_add_tcase(s, tc);
  return s;
}
