/* test_ctf_sdp.c: what browsers send, through the eP-CSCF charging
 * trigger function (ctf.h) with its SDP defaults: a call with an offer of
 * today's Chromium shape (sdp_samples.h: 245 lines, 197 in the video
 * section, a data channel) and one whose body ends in CRLF CRLF both give
 * START and STOP; the three SDP line policies and what each puts into
 * the ACR; the 2xx after a re-INVITE refused for its SDP; the SDP limits
 * and the warnings (code, path, offset) of the receive policy, and the
 * errors of the strict one. Every record is encoded and read back.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "sdp_samples.h"
#include "testutil.h"

#define T0 1700000000000LL
#define ALICE "sip:alice@home.example"
#define BOB "sip:bob@home-b.example"

/* The defaults: the charging lines, the receive policy, the limits. */
static wchg_ctf_config CFG;
static wchg_ctf_reg *REG;
static wchg_ctf_session *S;
static wchg_ctf_record *R;
static wchg_diag D;
static char OFFER[16384], ANSWER[16384];
static sdp_shape OFFER_SHAPE, ANSWER_SHAPE;

static const wchg_str PAI_ALICE[] = {WCHG_STR(ALICE)};
static const wchg_str PAI_BOB[] = {WCHG_STR(BOB)};

/* small bodies: an audio+video answer, and the same with the video off */
#define SMALL_ANSWER                                                           \
  "v=0\r\no=bob 1 1 IN IP4 203.0.113.7\r\ns=-\r\nc=IN IP4 203.0.113.7\r\nt=0 0\r\n" \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "m=video 49176 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n"
#define SMALL_NO_VIDEO                                                         \
  "v=0\r\no=bob 1 2 IN IP4 203.0.113.7\r\ns=-\r\nc=IN IP4 203.0.113.7\r\nt=0 0\r\n" \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "m=video 0 UDP/TLS/RTP/SAVPF 96\r\n"

static void reset_config(void) {
  memset(&CFG, 0, sizeof CFG);
  CFG.origin_host = WCHG_STR("epcscf1.visited.example");
  CFG.origin_realm = WCHG_STR("visited.example");
  CFG.destination_realm = WCHG_STR("home.example");
  CFG.acct_interim_interval = WCHG_INT(300);
}

static void setup(void) {
  sdp_browser_opts answer = {.answer = true};
  reset_config();
  REG = wchg_ctf_reg_new(&CFG);
  S = wchg_ctf_session_new(&CFG);
  R = wchg_ctf_record_new(NULL);
  ck_assert(REG && S && R);
  ck_assert_uint_gt(sdp_browser(OFFER, sizeof OFFER, NULL, &OFFER_SHAPE), 0);
  ck_assert_uint_gt(sdp_browser(ANSWER, sizeof ANSWER, &answer, &ANSWER_SHAPE), 0);
  memset(&D, 0, sizeof D);
}

static void teardown(void) {
  wchg_ctf_reg_free(REG);
  wchg_ctf_session_free(S);
  wchg_ctf_record_free(R);
}

static wchg_sip_event request(const char *method, int64_t t) {
  wchg_sip_event e;
  memset(&e, 0, sizeof e);
  e.time_ms = t;
  e.method = wchg_str_from(method);
  e.call_id = WCHG_STR("a84b4c76e66710@wic.example");
  e.from = WCHG_STR("<" ALICE ">;tag=1928301774");
  return e;
}

static wchg_sip_event response(const char *method, int status, int64_t t, const char *sdp) {
  wchg_sip_event e = request(method, t);
  e.status_code = status;
  if (sdp)
    e.sdp = wchg_str_from(sdp);
  return e;
}

static wchg_sip_event invite(int64_t t, const char *sdp) {
  wchg_sip_event e = request("INVITE", t);
  e.request_uri = WCHG_STR(BOB);
  e.asserted_identity = PAI_ALICE;
  e.asserted_identity_count = 1;
  e.charging_vector = WCHG_STR("icid-value=AyretyU0dm; orig-ioi=visited.example");
  e.served_party_ip = WCHG_STR("198.51.100.1");
  if (sdp)
    e.sdp = wchg_str_from(sdp);
  return e;
}

static void register_alice(void) {
  wchg_register_event r;
  memset(&r, 0, sizeof r);
  r.request = request("REGISTER", T0 - 60000);
  r.response = response("REGISTER", 200, T0 - 59960, NULL);
  r.response.expires = WCHG_INT(600);
  r.flavour = WCHG_REG_WEBRTC_H3;
  r.impu = WCHG_STR(ALICE);
  r.authorization = WCHG_STR("Digest username=\"alice@home.example\", realm=\"home.example\", "
                             "integrity-protected=\"auth-done\", "
                             "authorization-entity=\"waf.webrtc.example\"");
  r.wwsf = WCHG_STR("wwsf.webrtc.example");
  ck_assert_int_eq(wchg_ctf_register(REG, &r, 1, R, &D), WCHG_OK);
}

static wchg_status ev(const wchg_sip_event *e) { return wchg_ctf_session_event(S, e, R, &D); }

static const wchg_warnings *warnings(void) { return wchg_ctf_record_warnings(R); }

/* The record's type and number; encoded (size into *len) and read back,
 * kept as ctf_sdp_<name> when named. */
static const wchg_acr *record(int32_t type, uint32_t number, const char *name, size_t *len) {
  static uint8_t buf[65536];
  const wchg_acr *a = wchg_ctf_record_acr(R);
  size_t n = 0;
  wchg_dmsg msg;
  wchg_diag d;
  ck_assert_int_eq(a->accounting_record_type, type);
  if (type == WCHG_ACR_NONE)
    return a;
  ck_assert_uint_eq(a->accounting_record_number, number);
  ck_assert_msg(wchg_acr_encode(a, buf, sizeof buf, &n, &d) == WCHG_OK, "%s %s", d.path,
                d.message);
  ck_assert_msg(wchg_dmsg_parse(buf, n, 0, &msg, &d) == WCHG_OK, "%s %s", d.path, d.message);
  if (name) {
    char full[64];
    snprintf(full, sizeof full, "ctf_sdp_%s", name);
    test_out_write_diam(full, buf, n);
  }
  if (len)
    *len = n;
  return a;
}

static const wchg_media_components_list *media_list(const wchg_acr *a) {
  ck_assert_uint_eq(a->ims.list_of_sdp_media_components.count, 1);
  return &a->ims.list_of_sdp_media_components.items[0];
}

static bool starts(wchg_str s, const char *p) {
  return s.len >= strlen(p) && !memcmp(s.ptr, p, strlen(p));
}
static bool is(wchg_str s, const char *p) { return s.len == strlen(p) && starts(s, p); }

/* A line the CHARGING policy keeps (ctf.h): c=, b=, a=rtpmap:, direction. */
static bool charging_kind(wchg_str l) {
  return starts(l, "c=") || starts(l, "b=") || starts(l, "a=rtpmap:") || is(l, "a=sendrecv") ||
         is(l, "a=sendonly") || is(l, "a=recvonly") || is(l, "a=inactive");
}

/* |got| is the lines of |body| between |from| and |to| (offsets) that
 * |policy| keeps, in order (the CTF's views point into its own copy once
 * a body is kept). */
static void expect_lines(wchg_str_list got, wchg_ctf_sdp_lines policy, const char *body,
                         size_t from, size_t to) {
  size_t n = 0;
  const char *p = body + from, *end = body + to;
  while (p < end) {
    const char *e = strstr(p, "\r\n");
    wchg_str line = {p, (size_t)(e - p)};
    if (line.len && (policy == WCHG_CTF_SDP_ALL ||
                     (policy == WCHG_CTF_SDP_CHARGING && charging_kind(line)))) {
      ck_assert_uint_lt(n, got.count);
      ck_assert_uint_eq(got.items[n].len, line.len);
      ck_assert(!memcmp(got.items[n].ptr, line.ptr, line.len));
      n++;
    }
    p = e + 2;
  }
  ck_assert_uint_eq(got.count, n);
}

/* The SDP of |a| is |body| (its three sections) under |policy|; the counts
 * of the generator's |shape| too. */
static void expect_browser_sdp(const wchg_acr *a, const char *body, const sdp_shape *shape,
                               wchg_ctf_sdp_lines policy, int sdp_type) {
  const wchg_media_components_list *l = media_list(a);
  static const char *const m[SDP_SECTIONS] = {"m=audio", "m=video", "m=application"};
  size_t at[SDP_SECTIONS + 1];
  for (int k = 0; k < SDP_SECTIONS; k++)
    at[k] = (size_t)(strstr(body, m[k]) - body);
  at[SDP_SECTIONS] = shape->bytes;
  ck_assert(l->sdp_type.present);
  ck_assert_int_eq(l->sdp_type.value, sdp_type);
  expect_lines(l->sdp_session_description, policy, body, 0, at[0]);
  ck_assert_uint_eq(l->sdp_session_description.count,
                    policy == WCHG_CTF_SDP_ALL        ? shape->session_lines
                    : policy == WCHG_CTF_SDP_CHARGING ? shape->charging_session
                                                      : 0);
  ck_assert_uint_eq(l->sdp_media_components.count, SDP_SECTIONS);
  for (int k = 0; k < SDP_SECTIONS; k++) {
    const wchg_sdp_media_component *c = &l->sdp_media_components.items[k];
    const char *name_end = strstr(body + at[k], "\r\n");
    ck_assert_uint_eq(c->sdp_media_name.len, (size_t)(name_end - (body + at[k])));
    ck_assert(!memcmp(c->sdp_media_name.ptr, body + at[k], c->sdp_media_name.len));
    expect_lines(c->sdp_media_descriptions, policy, body, (size_t)(name_end + 2 - body),
                 at[k + 1]);
    ck_assert_uint_eq(c->sdp_media_descriptions.count,
                      policy == WCHG_CTF_SDP_ALL        ? shape->media_lines[k]
                      : policy == WCHG_CTF_SDP_CHARGING ? shape->charging_media[k]
                                                        : 0);
  }
}

/* A browser calls: INVITE with |offer|, 180, 200 with |answer|, ACK, BYE.
 * Returns the START's encoded size. */
static size_t browser_call(const char *offer, const char *answer, const char *name) {
  wchg_sip_event inv = invite(T0, offer), ring = response("INVITE", 180, T0 + 900, NULL),
                 ok = response("INVITE", 200, T0 + 5000, answer), ack = request("ACK", T0 + 5100),
                 bye = request("BYE", T0 + 65000);
  char stop_name[64];
  size_t len = 0;
  ok.asserted_identity = PAI_BOB;
  ok.asserted_identity_count = 1;
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 0);
  ck_assert_int_eq(ev(&ring), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 0);
  record(WCHG_ACR_START, 0, name, &len);
  ck_assert_int_eq(ev(&ack), WCHG_OK);
  record(WCHG_ACR_NONE, 0, NULL, NULL);
  ck_assert_int_eq(ev(&bye), WCHG_OK);
  snprintf(stop_name, sizeof stop_name, "%s_stop", name);
  record(WCHG_ACR_STOP, 1, stop_name, NULL);
  ck_assert_uint_eq(warnings()->count, 0);
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_CLOSED);
  return len;
}

/* ---- today's browser offer --------------------------------------------- */

START_TEST(browser_offer_start_stop) {
  ck_assert_uint_ge(OFFER_SHAPE.lines, 240);
  ck_assert_uint_ge(OFFER_SHAPE.media_lines[SDP_VIDEO], 190);
  ck_assert(strstr(OFFER, "m=application 9 UDP/DTLS/SCTP webrtc-datachannel") != NULL);
  register_alice();
  for (int policy = 0; policy < 2; policy++) {
    wchg_sip_event inv = invite(T0, OFFER);
    CFG.sdp_policy = (wchg_policy)policy;
    wchg_ctf_session_reset(S);
    /* the offer alone, as the START of an answer without SDP takes it */
    ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                     WCHG_OK);
    ck_assert_int_eq(wchg_ctf_session_info(S, T0 + 1, R, &D), WCHG_OK);
    expect_browser_sdp(wchg_ctf_record_acr(R), OFFER, &OFFER_SHAPE, WCHG_CTF_SDP_CHARGING,
                       WCHG_SDP_OFFER);
    wchg_ctf_session_reset(S);
    browser_call(OFFER, ANSWER, policy ? "browser_strict" : "browser");
  }
}
END_TEST

START_TEST(browser_answer_in_start_and_ticks) {
  wchg_sip_event inv = invite(T0, OFFER), ok = response("INVITE", 200, T0 + 5000, ANSWER);
  const wchg_acr *a;
  register_alice();
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = record(WCHG_ACR_START, 0, NULL, NULL);
  expect_browser_sdp(a, ok.sdp.ptr, &ANSWER_SHAPE, WCHG_CTF_SDP_CHARGING, WCHG_SDP_ANSWER);
  /* a tick reads the kept answer again: the same lines */
  ck_assert_int_eq(wchg_ctf_session_tick(S, T0 + 5000 + 300000, R, &D), WCHG_OK);
  a = record(WCHG_ACR_INTERIM, 1, NULL, NULL);
  {
    const wchg_media_components_list *l = media_list(a);
    ck_assert_uint_eq(l->sdp_media_components.count, SDP_SECTIONS);
    for (int k = 0; k < SDP_SECTIONS; k++)
      ck_assert_uint_eq(l->sdp_media_components.items[k].sdp_media_descriptions.count,
                        ANSWER_SHAPE.charging_media[k]);
  }
}
END_TEST

/* SIP.js ends its body with CRLF CRLF, counted in Content-Length. */
START_TEST(crlf_crlf_start_stop) {
  static const char sipjs[] = "v=0\r\no=- 5730462387640185 2 IN IP4 127.0.0.1\r\ns=-\r\n"
                              "t=0 0\r\na=msid-semantic: WMS\r\n"
                              "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\n"
                              "a=rtpmap:111 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\n"
                              "a=sendrecv\r\n\r\n";
  sdp_browser_opts o = {.trailing_empty = true}, oa = {.answer = true, .trailing_empty = true};
  static char offer[16384], answer[16384];
  const wchg_acr *a;
  ck_assert_uint_gt(sdp_browser(offer, sizeof offer, &o, NULL), 0);
  ck_assert_uint_gt(sdp_browser(answer, sizeof answer, &oa, NULL), 0);
  register_alice();
  for (int policy = 0; policy < 2; policy++) {
    CFG.sdp_policy = (wchg_policy)policy;
    wchg_ctf_session_reset(S);
    browser_call(offer, answer, policy ? "crlfcrlf_strict" : "crlfcrlf");
    /* the SIP.js offer, START from the offer (a 200 without SDP) */
    wchg_ctf_session_reset(S);
    browser_call(sipjs, NULL, policy ? "sipjs_strict" : "sipjs");
  }
  wchg_ctf_session_reset(S);
  {
    wchg_sip_event inv = invite(T0, sipjs), ok = response("INVITE", 200, T0 + 1, NULL);
    ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                     WCHG_OK);
    ck_assert_int_eq(ev(&ok), WCHG_OK);
    a = record(WCHG_ACR_START, 0, NULL, NULL);
    ck_assert_uint_eq(media_list(a)->sdp_media_components.items[0].sdp_media_descriptions.count,
                      4);
  }
}
END_TEST

/* ---- the line policies -------------------------------------------------- */

/* Our own CDF folds the START |a| of any line policy (2001, the session
 * open): a browser's every-line ACR fits the ACR reader's capacities. */
static void cdf_folds(const wchg_acr *a) {
  static uint8_t buf[65536], aca[4096];
  size_t n = 0, aca_len = 0;
  wchg_cdf_config cc = {.origin_host = WCHG_STR("cdf.example"),
                        .origin_realm = WCHG_STR("example")};
  wchg_cdf *cdf = wchg_cdf_new(&cc);
  wchg_cdf_result res;
  wchg_cdf_stats st;
  ck_assert_ptr_nonnull(cdf);
  ck_assert_int_eq(wchg_acr_encode(a, buf, sizeof buf, &n, &D), WCHG_OK);
  ck_assert_msg(wchg_cdf_feed_bytes(cdf, buf, n, T0 + 6000, aca, sizeof aca, &aca_len, &res,
                                    &D) == WCHG_OK,
                "%s: %s", D.path, D.message);
  ck_assert_uint_eq(res.result_code, 2001);
  ck_assert_int_eq(wchg_cdf_stats_get(cdf, &st), WCHG_OK);
  ck_assert_uint_eq(st.open_sessions, 1);
  ck_assert_uint_eq(st.folded, 1);
  wchg_cdf_free(cdf);
}

START_TEST(line_policies) {
  static const wchg_ctf_sdp_lines policies[] = {WCHG_CTF_SDP_ALL, WCHG_CTF_SDP_CHARGING,
                                                WCHG_CTF_SDP_NONE};
  size_t size[3];
  register_alice();
  ck_assert_int_eq(WCHG_CTF_SDP_CHARGING, 0); /* the default of a zeroed config */
  for (int k = 0; k < 3; k++) {
    wchg_sip_event inv = invite(T0, OFFER), ok = response("INVITE", 200, T0 + 5000, ANSWER);
    static const char *const names[] = {"lines_all", "lines_charging", "lines_none"};
    const wchg_acr *a;
    CFG.sdp_lines = policies[k];
    wchg_ctf_session_reset(S);
    ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                     WCHG_OK);
    ck_assert_int_eq(ev(&ok), WCHG_OK);
    a = record(WCHG_ACR_START, 0, names[k], &size[k]);
    expect_browser_sdp(a, ok.sdp.ptr, &ANSWER_SHAPE, policies[k], WCHG_SDP_ANSWER);
    ck_assert_int_eq(media_list(a)->media_initiator_flag, true);
    cdf_folds(a);
  }
  /* each AVP costs its header: every line > the charging lines > none */
  ck_assert_uint_gt(size[0], size[1] + 100 * 12);
  ck_assert_uint_gt(size[1], size[2] + 40 * 12);
}
END_TEST

/* A policy keeps what it keeps at the session level too, and a media
 * level direction or bandwidth; an unknown policy value is CHARGING. */
START_TEST(line_policy_session_level) {
  static const char offer[] = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\n"
                              "b=AS:256\r\nt=0 0\r\na=sendonly\r\na=tool:x\r\n"
                              "m=audio 5004 RTP/AVP 0 101\r\nb=TIAS:64000\r\n"
                              "a=rtpmap:0 PCMU/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n"
                              "a=inactive\r\na=inactivex\r\n";
  register_alice();
  for (int k = 0; k < 2; k++) {
    wchg_sip_event inv = invite(T0, offer), ok = response("INVITE", 200, T0 + 1, NULL);
    const wchg_media_components_list *l;
    CFG.sdp_lines = k ? (wchg_ctf_sdp_lines)7 : WCHG_CTF_SDP_CHARGING;
    wchg_ctf_session_reset(S);
    ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                     WCHG_OK);
    ck_assert_int_eq(ev(&ok), WCHG_OK);
    l = media_list(record(WCHG_ACR_START, 0, NULL, NULL));
    ck_assert_uint_eq(l->sdp_session_description.count, 3);
    ck_assert(is(l->sdp_session_description.items[0], "c=IN IP4 192.0.2.1"));
    ck_assert(is(l->sdp_session_description.items[1], "b=AS:256"));
    ck_assert(is(l->sdp_session_description.items[2], "a=sendonly"));
    ck_assert_uint_eq(l->sdp_media_components.items[0].sdp_media_descriptions.count, 3);
    ck_assert(is(l->sdp_media_components.items[0].sdp_media_descriptions.items[0],
                 "b=TIAS:64000"));
    ck_assert(is(l->sdp_media_components.items[0].sdp_media_descriptions.items[2],
                 "a=inactive"));
  }
}
END_TEST

/* ---- a refused re-INVITE and the 2xx that answers it ------------------- */

/* An active call with the small answer agreed; the limit below the size
 * of a browser body. */
static void small_call(wchg_policy policy) {
  wchg_sip_event inv = invite(T0, NULL), ok = response("INVITE", 200, T0 + 5000, SMALL_ANSWER);
  CFG.sdp_policy = policy;
  CFG.sdp_limits.max_bytes = 4096;
  register_alice();
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  record(WCHG_ACR_START, 0, NULL, NULL);
}

static void expect_warning(size_t i, wchg_status code, const char *path, size_t off) {
  const wchg_warnings *w = warnings();
  ck_assert_uint_gt(w->count, i);
  ck_assert_uint_eq(w->cap, WCHG_CTF_MAX_WARNINGS);
  ck_assert_int_eq(w->items[i].code, code);
  ck_assert_str_eq(w->items[i].path, path);
  ck_assert_uint_eq(w->items[i].offset, off);
  ck_assert(w->items[i].message[0] != '\0');
}

/* The re-INVITE's offer is over the limit: the 2xx's answer (video off)
 * still gives the INTERIM. Receive: the re-INVITE warns. */
START_TEST(refused_reinvite_receive) {
  wchg_sip_event reinv = request("INVITE", T0 + 60000),
                 ok = response("INVITE", 200, T0 + 60100, SMALL_NO_VIDEO);
  const wchg_acr *a;
  small_call(WCHG_POLICY_RECEIVE);
  reinv.sdp = wchg_str_from(OFFER);
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  record(WCHG_ACR_NONE, 0, NULL, NULL);
  ck_assert_uint_eq(warnings()->count, 1);
  expect_warning(0, WCHG_E_LIMIT, "SDP", 4096);
  ck_assert_ptr_nonnull(strstr(warnings()->items[0].message, "left out"));
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 0);
  a = record(WCHG_ACR_INTERIM, 1, "refused_reinvite_interim", NULL);
  ck_assert(is(media_list(a)->sdp_media_components.items[1].sdp_media_name,
               "m=video 0 UDP/TLS/RTP/SAVPF 96"));
  ck_assert_int_eq(media_list(a)->sdp_type.value, WCHG_SDP_ANSWER);
  ck_assert(is(a->ims.sip_method, "INVITE"));
}
END_TEST

/* The same in strict: the re-INVITE fails, its 2xx gives the INTERIM
 * (before: WCHG_OK and no record, the change lost). */
START_TEST(refused_reinvite_strict) {
  wchg_sip_event reinv = request("INVITE", T0 + 60000),
                 ok = response("INVITE", 200, T0 + 60100, SMALL_NO_VIDEO);
  small_call(WCHG_POLICY_STRICT);
  reinv.sdp = wchg_str_from(OFFER);
  ck_assert_int_eq(ev(&reinv), WCHG_E_LIMIT);
  ck_assert_str_eq(D.path, "SDP");
  ck_assert_uint_eq(D.offset, 4096);
  record(WCHG_ACR_NONE, 0, NULL, NULL);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  record(WCHG_ACR_INTERIM, 1, NULL, NULL);
  /* a retransmission of the 2xx: nothing pending any more */
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  record(WCHG_ACR_NONE, 0, NULL, NULL);
}
END_TEST

/* A 2xx whose answer is longer than the agreed SDP kept so far, with the
 * same m= lines: the kept text grows (and moves) while the change is told
 * (fuzz_scenario found the agreed SDP read from the old place: valgrind
 * and ASan see it). */
START_TEST(reinvite_answer_grows_the_agreed_text) {
  static char three[1024], answer[16384];
  sdp_browser_opts o = {.answer = true, .version = 4, .video_dir = "a=inactive"};
  wchg_sip_event reinv = request("INVITE", T0 + 60000),
                 ok = response("INVITE", 200, T0 + 60100, NULL);
  size_t n = (size_t)snprintf(three, sizeof three, "v=0\r\no=- 1 3 IN IP4 192.0.2.7\r\n");
  const wchg_acr *a;
  /* the browser answer's three m= lines, nothing else */
  for (const char *m = strstr(ANSWER, "\r\nm="); m; m = strstr(m + 2, "\r\nm=")) {
    size_t len = (size_t)(strstr(m + 2, "\r\n") - m);
    memcpy(three + n, m + 2, len);
    n += len;
  }
  three[n] = '\0';
  ok.sdp = (wchg_str){three, n};
  ck_assert_uint_gt(sdp_browser(answer, sizeof answer, &o, NULL), 0);
  small_call(WCHG_POLICY_RECEIVE);
  CFG.sdp_limits.max_bytes = 0;
  reinv.sdp = wchg_str_from(OFFER);
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = record(WCHG_ACR_INTERIM, 1, NULL, NULL);
  ck_assert_uint_eq(media_list(a)->sdp_media_components.count, 3);
  /* the video off: the same m= lines, another direction */
  reinv.time_ms += 60000;
  ok.time_ms += 60000;
  ok.sdp = wchg_str_from(answer);
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = record(WCHG_ACR_INTERIM, 2, NULL, NULL);
  expect_browser_sdp(a, answer, &ANSWER_SHAPE, WCHG_CTF_SDP_CHARGING, WCHG_SDP_ANSWER);
  /* the same answer again: no change */
  reinv.time_ms += 60000;
  ok.time_ms += 60000;
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  record(WCHG_ACR_NONE, 0, NULL, NULL);
}
END_TEST

/* The answer in the 2xx cannot be read: receive warns (OK, no record,
 * never silent); strict fails and keeps waiting, so that a readable 2xx
 * still gives the INTERIM. */
START_TEST(unreadable_answer) {
  wchg_sip_event reinv = request("INVITE", T0 + 60000),
                 bad = response("INVITE", 200, T0 + 60100, NULL),
                 ok = response("INVITE", 200, T0 + 60200, SMALL_NO_VIDEO);
  for (int policy = 0; policy < 2; policy++) {
    teardown();
    setup();
    small_call((wchg_policy)policy);
    reinv.sdp = WCHG_STR(SMALL_ANSWER);
    bad.sdp = wchg_str_from(OFFER);
    ck_assert_int_eq(ev(&reinv), WCHG_OK);
    if (policy == WCHG_POLICY_RECEIVE) {
      ck_assert_int_eq(ev(&bad), WCHG_OK);
      record(WCHG_ACR_NONE, 0, NULL, NULL);
      ck_assert_uint_eq(warnings()->count, 1);
      expect_warning(0, WCHG_E_LIMIT, "SDP", 4096);
      continue;
    }
    ck_assert_int_eq(ev(&bad), WCHG_E_LIMIT);
    ck_assert_str_eq(D.path, "SDP");
    record(WCHG_ACR_NONE, 0, NULL, NULL);
    ck_assert_int_eq(ev(&ok), WCHG_OK);
    record(WCHG_ACR_INTERIM, 1, NULL, NULL);
  }
}
END_TEST

/* A line of the re-offer and of the answer that breaks a rule: receive
 * reports it where it is and the change is charged. */
START_TEST(bad_lines_reported) {
  static char offer[16384];
  static const char answer[] = "v=0\r\no=bob 1 3 IN IP4 203.0.113.7\r\ns=-\r\n"
                               "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\n"
                               "a=rtpmap:111 opus/48000/2\r\na=sendrecv\r\na=recvonly\r\n"
                               "m=video 0 UDP/TLS/RTP/SAVPF 96\r\na=caf\xC3\r\n";
  wchg_sip_event reinv = request("INVITE", T0 + 60000),
                 ok = response("INVITE", 200, T0 + 60100, answer);
  const wchg_acr *a;
  char *bad;
  small_call(WCHG_POLICY_RECEIVE);
  CFG.sdp_limits.max_bytes = 0; /* the default */
  memcpy(offer, OFFER, OFFER_SHAPE.bytes + 1);
  bad = strstr(offer, "a=rtcp-fb:98 nack pli");
  bad[0] = 'A'; /* not a lower-case type letter: kept as received */
  reinv.sdp = (wchg_str){offer, OFFER_SHAPE.bytes};
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 1);
  {
    /* its index in the video section */
    size_t j = 0;
    char path[96];
    for (const char *p = strstr(offer, "m=video"); (p = strstr(p, "\r\n") + 2) < bad;)
      j++;
    snprintf(path, sizeof path, "SDP/SDP-Media-Component[1]/SDP-Media-Description[%zu]", j);
    expect_warning(0, WCHG_E_ENCODING, path, (size_t)(bad - offer));
    ck_assert_ptr_nonnull(strstr(warnings()->items[0].message, "line "));
  }
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 2);
  expect_warning(0, WCHG_E_DUPLICATE, "SDP/SDP-Media-Component[0]/SDP-Media-Description[2]",
                 (size_t)(strstr(answer, "a=recvonly") - answer));
  expect_warning(1, WCHG_E_UTF8, "SDP/SDP-Media-Component[1]/SDP-Media-Description[0]",
                 (size_t)(strstr(answer, "\xC3") - answer));
  a = record(WCHG_ACR_INTERIM, 1, NULL, NULL);
  /* the second direction kept as received, the line not UTF-8 left out */
  ck_assert_uint_eq(media_list(a)->sdp_media_components.items[0].sdp_media_descriptions.count,
                    3);
  ck_assert_uint_eq(media_list(a)->sdp_media_components.items[1].sdp_media_descriptions.count,
                    0);
  /* the next call starts with no warnings */
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 0);
}
END_TEST

/* A record that read small bodies only reads a browser's offer into the
 * storage it has, runs out, and reads it again into more: the warning of
 * a line before that point is given once. */
START_TEST(warning_before_the_storage_grows) {
  static char offer[16384];
  wchg_sip_event reinv = request("INVITE", T0 + 60000);
  char *bad;
  small_call(WCHG_POLICY_RECEIVE);
  CFG.sdp_limits.max_bytes = 0; /* the default */
  memcpy(offer, OFFER, OFFER_SHAPE.bytes + 1);
  bad = strstr(offer, "\r\ns=") + 2;
  bad[0] = 'S'; /* the third line: not a lower-case type letter */
  reinv.sdp = (wchg_str){offer, OFFER_SHAPE.bytes};
  ck_assert_int_eq(ev(&reinv), WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 1);
  expect_warning(0, WCHG_E_ENCODING, "SDP/SDP-Session-Description[2]", (size_t)(bad - offer));
}
END_TEST

/* ---- the limits ---------------------------------------------------------- */

START_TEST(offer_over_the_limits) {
  wchg_sip_event inv = invite(T0, OFFER), ok = response("INVITE", 200, T0 + 5000, SMALL_ANSWER);
  const wchg_acr *a;
  register_alice();
  /* bytes, receive: the offer is left out, the answer makes the START */
  CFG.sdp_limits.max_bytes = OFFER_SHAPE.bytes - 1;
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ck_assert_int_eq(D.code, WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 1);
  expect_warning(0, WCHG_E_LIMIT, "SDP", OFFER_SHAPE.bytes - 1);
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = record(WCHG_ACR_START, 0, NULL, NULL);
  ck_assert_int_eq(media_list(a)->sdp_type.value, WCHG_SDP_ANSWER);
  ck_assert_int_eq(media_list(a)->media_initiator_flag, true);
  ck_assert_uint_eq(media_list(a)->sdp_media_components.count, 2);
  /* a 200 without SDP: the offer was not read, so the START has none */
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ok.sdp = (wchg_str){NULL, 0};
  ck_assert_int_eq(ev(&ok), WCHG_OK);
  a = record(WCHG_ACR_START, 0, NULL, NULL);
  ck_assert_uint_eq(a->ims.list_of_sdp_media_components.count, 0);
  /* bytes, exactly the body: read */
  CFG.sdp_limits.max_bytes = OFFER_SHAPE.bytes;
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 0);
  /* media components: the third m= line */
  CFG.sdp_limits.max_media = 2;
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 1);
  expect_warning(0, WCHG_E_LIMIT, "SDP/SDP-Media-Component[2]/SDP-Media-Name",
                 (size_t)(strstr(OFFER, "m=application") - OFFER));
  /* strict: refused, the session IDLE */
  CFG.sdp_policy = WCHG_POLICY_STRICT;
  wchg_ctf_session_reset(S);
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_E_LIMIT);
  ck_assert_str_eq(D.path, "SDP/SDP-Media-Component[2]/SDP-Media-Name");
  ck_assert_uint_eq(D.offset, (size_t)(strstr(OFFER, "m=application") - OFFER));
  ck_assert_int_eq(wchg_ctf_session_state(S), WCHG_CTF_IDLE);
  ck_assert_uint_eq(warnings()->count, 0);
  /* an empty body: receive warns (WCHG_E_MISSING), strict refuses */
  inv.sdp = (wchg_str){"", 0};
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_E_MISSING);
  CFG.sdp_policy = WCHG_POLICY_RECEIVE;
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  expect_warning(0, WCHG_E_MISSING, "SDP/SDP-Session-Description[0]", 0);
}
END_TEST

/* More warnings than a record keeps: all counted, the first kept. */
START_TEST(many_warnings) {
  static char body[4096];
  wchg_sip_event inv = invite(T0, NULL);
  size_t n = (size_t)snprintf(body, sizeof body, "v=0\r\nm=audio 9 RTP/AVP 0\r\n");
  for (int k = 0; k < 20; k++)
    n += (size_t)snprintf(body + n, sizeof body - n, "a=sendrecv\r\n");
  register_alice();
  inv.sdp = (wchg_str){body, n};
  ck_assert_int_eq(wchg_ctf_session_begin(S, REG, WCHG_ROLE_ORIGINATING, 7, &inv, R, &D),
                   WCHG_OK);
  ck_assert_uint_eq(warnings()->count, 19);
  expect_warning(0, WCHG_E_DUPLICATE, "SDP/SDP-Media-Component[0]/SDP-Media-Description[1]",
                 (size_t)(strstr(body, "a=sendrecv") - body) + 12);
  expect_warning(WCHG_CTF_MAX_WARNINGS - 1, WCHG_E_DUPLICATE,
                 "SDP/SDP-Media-Component[0]/SDP-Media-Description[8]",
                 (size_t)(strstr(body, "a=sendrecv") - body) + 12 * 8);
  ck_assert_ptr_null(wchg_ctf_record_warnings(NULL));
}
END_TEST

/* ---- out of memory -------------------------------------------------------- */

/* A browser call with the defaults, every allocation made to fail in
 * turn: each call that fails for memory returns WCHG_E_NOMEM with no
 * record and, retried, gives what a run without failures gives. */
static size_t oom_run(struct failmem *fm, int32_t *types, size_t cap) {
  wchg_ctf_config cfg = CFG;
  wchg_ctf_reg *reg;
  wchg_ctf_session *s;
  wchg_ctf_record *r;
  size_t n = 0;
  cfg.mem = &fm->mem;
  cfg.sdp_limits.max_bytes = 8192;
  reg = wchg_ctf_reg_new(&cfg);
  s = wchg_ctf_session_new(&cfg);
  r = wchg_ctf_record_new(&fm->mem);
  if (reg && s && r) {
    wchg_register_event re;
    wchg_sip_event inv = invite(T0, OFFER), ok = response("INVITE", 200, T0 + 1, ANSWER),
                   reinv = request("INVITE", T0 + 2),
                   reok = response("INVITE", 200, T0 + 3, SMALL_NO_VIDEO),
                   bye = request("BYE", T0 + 400000);
    static char big[9000];
    memset(&re, 0, sizeof re);
    re.request = request("REGISTER", T0 - 1000);
    re.response = response("REGISTER", 200, T0 - 900, NULL);
    re.response.expires = WCHG_INT(600);
    re.impu = WCHG_STR(ALICE);
    memset(big, 'x', sizeof big);
    memcpy(big, "v=0\r\na=", 7);
    reinv.sdp = (wchg_str){big, sizeof big}; /* over the limit: a warning */
#define STEP(call)                                                             \
  do {                                                                         \
    wchg_status rc_ = (call);                                                  \
    if (rc_ == WCHG_E_NOMEM) {                                                 \
      size_t at_ = fm->fail_at;                                                \
      ck_assert_int_eq(wchg_ctf_record_acr(r)->accounting_record_type, WCHG_ACR_NONE); \
      fm->fail_at = 0;                                                         \
      rc_ = (call);                                                            \
      fm->fail_at = at_;                                                       \
    }                                                                          \
    ck_assert_int_eq(rc_, WCHG_OK);                                            \
    if (n < cap)                                                               \
      types[n++] = wchg_ctf_record_acr(r)->accounting_record_type * 16 +      \
                   (int32_t)wchg_ctf_record_warnings(r)->count;                \
  } while (0)
    STEP(wchg_ctf_register(reg, &re, 1, r, NULL));
    STEP(wchg_ctf_session_begin(s, reg, 0, 2, &inv, r, NULL));
    STEP(wchg_ctf_session_info(s, T0, r, NULL));
    STEP(wchg_ctf_session_event(s, &ok, r, NULL));
    STEP(wchg_ctf_session_event(s, &reinv, r, NULL));
    STEP(wchg_ctf_session_event(s, &reok, r, NULL));
    STEP(wchg_ctf_session_tick(s, T0 + 300003, r, NULL));
    STEP(wchg_ctf_session_event(s, &bye, r, NULL));
#undef STEP
  }
  wchg_ctf_reg_free(reg);
  wchg_ctf_session_free(s);
  wchg_ctf_record_free(r);
  return n;
}

START_TEST(oom_browser_call) {
  int32_t want[8];
  struct failmem fm;
  size_t n_want;
  failmem_init(&fm, 0, 0);
  n_want = oom_run(&fm, want, 8);
  ck_assert_uint_eq(n_want, 8);
  ck_assert_int_eq(want[3], WCHG_ACR_START * 16);
  ck_assert_int_eq(want[4], WCHG_ACR_NONE * 16 + 1);
  ck_assert_int_eq(want[5], WCHG_ACR_INTERIM * 16);
  ck_assert_int_eq(want[7], WCHG_ACR_STOP * 16);
  ck_assert_uint_eq(fm.live, 0);
  ck_assert_uint_gt(failmem_each(oom_run, want, n_want), 8);
}
END_TEST

Suite *ctf_sdp_suite(void) {
  Suite *s = suite_create("ctf_sdp");
  TCase *tc = tcase_create("browsers");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, browser_offer_start_stop);
  tcase_add_test(tc, browser_answer_in_start_and_ticks);
  tcase_add_test(tc, crlf_crlf_start_stop);
  tcase_add_test(tc, line_policies);
  tcase_add_test(tc, line_policy_session_level);
  suite_add_tcase(s, tc);

  tc = tcase_create("problems");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, refused_reinvite_receive);
  tcase_add_test(tc, refused_reinvite_strict);
  tcase_add_test(tc, reinvite_answer_grows_the_agreed_text);
  tcase_add_test(tc, unreadable_answer);
  tcase_add_test(tc, bad_lines_reported);
  tcase_add_test(tc, warning_before_the_storage_grows);
  tcase_add_test(tc, offer_over_the_limits);
  tcase_add_test(tc, many_warnings);
  suite_add_tcase(s, tc);

  tc = tcase_create("oom");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, oom_browser_call);
  suite_add_tcase(s, tc);
  return s;
}
