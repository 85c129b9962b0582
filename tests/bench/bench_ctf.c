/* bench_ctf: the eP-CSCF charging trigger function (ctf.h), event ->
 * encoded ACR. A reused session and record (H.3 WebRTC user): the 200 OK
 * to the initial INVITE, with a two-media SDP answer (audio + video), gives
 * the START, which wchg_acr_encode() writes into a buffer.
 *
 * The target line times the 200 OK event + encode only: 64 reused
 * sessions are reset and begun (INVITE with the two-media offer) outside
 * the timing, then each is given the 200 OK inside it; a repetition is
 * the mean of many such rounds, the line the median of REPS repetitions
 * with their min and max. The whole cycle (reset + begin + 200 + encode)
 * and the begin alone are printed as info. Allocations are counted over
 * the whole cycle (target 0 once the stores are warm).
 *
 * Bytes per call: a new session (its own config with a counting
 * allocator) begun and given the 200 OK; everything its allocator then
 * holds is counted (the object and its stores, the sizes asked for; the
 * C library's per-block overhead is not). What a START handed to
 * wchg_ctf_session_send() adds while it awaits its ACA is printed as info.
 *
 * Then a browser-sized body (tests/unit/sdp_samples.h: a Chromium-shaped
 * answer of 245 lines, 7.6 KB) under each SDP line policy of ctf.h: the
 * START's size and SDP AVPs, and what a CDF (cdf.h) fed 200 such STARTs
 * holds per open session (wchg_cdf_stats session_bytes / open_sessions).
 *
 * Prints: bench NAME ns_per_op=X ... (target ...: met|MISSED)
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <webrtc_chg/webrtc_chg.h>

#include "bench_util.h"
#include "sdp_samples.h"

#define SDP_OFFER                                                              \
  "v=0\r\no=alice 2890844526 2890844526 IN IP4 198.51.100.1\r\ns=-\r\n"         \
  "c=IN IP4 198.51.100.1\r\nt=0 0\r\n"                                        \
  "m=audio 49170 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "a=sendrecv\r\n"                                                            \
  "m=video 51372 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=sendrecv\r\n"
#define SDP_ANSWER                                                             \
  "v=0\r\no=bob 2808844564 2808844564 IN IP4 203.0.113.7\r\ns=-\r\n"            \
  "c=IN IP4 203.0.113.7\r\nt=0 0\r\n"                                         \
  "m=audio 49174 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"      \
  "a=sendrecv\r\n"                                                            \
  "m=video 49176 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=sendrecv\r\n"

static const wchg_ctf_config CFG = {
    .origin_host = WCHG_STR("epcscf1.visited.example"),
    .origin_realm = WCHG_STR("visited.example"),
    .destination_realm = WCHG_STR("home.example"),
    .origin_state_id = {true, 7},
    .acct_interim_interval = {true, 300},
    .ims_visited_network_identifier = WCHG_STR("visited.example"),
};
static const wchg_str PAI_ALICE[] = {WCHG_STR("sip:alice@home.example"),
                                     WCHG_STR("tel:+15551230001")};
static const wchg_str PAI_BOB[] = {WCHG_STR("sip:bob@home-b.example")};

static volatile size_t sink;

/* The counting allocator of the bytes-per-call line: each block carries
 * its size in front, |held| is what is allocated and not yet freed. */
static size_t held;
static void *count_malloc(size_t n, void *user) {
  size_t *p = malloc(sizeof(size_t) + n);
  (void)user;
  if (!p)
    return NULL;
  *p = n;
  held += n;
  return p + 1;
}
static void count_free(void *q, void *user) {
  size_t *p = (size_t *)q - 1;
  (void)user;
  held -= *p;
  free(p);
}
static const wchg_mem COUNTING = {count_malloc, count_free, NULL};

/* Repetitions of the target line (median, min, max). */
enum { REPS = 7 };

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The SDP AVPs of |a|: SDP-Session-Description, SDP-Media-Name and
 * SDP-Media-Description. */
static size_t sdp_avps(const wchg_acr *a) {
  size_t n = 0;
  for (size_t i = 0; i < a->ims.list_of_sdp_media_components.count; i++) {
    const wchg_media_components_list *l = &a->ims.list_of_sdp_media_components.items[i];
    n += l->sdp_session_description.count;
    for (size_t k = 0; k < l->sdp_media_components.count; k++)
      n += 1 + l->sdp_media_components.items[k].sdp_media_descriptions.count;
  }
  return n;
}

/* A browser's INVITE (|inv0| with the generated offer) and the generated
 * answer in the 200, for NS sessions under each line policy: the START's
 * size and the CDF's bytes per open session. Non-zero when a call fails. */
static int browser_line_policies(wchg_ctf_reg *reg, const wchg_sip_event *inv0) {
  enum { NS = 200 };
  static const struct {
    wchg_ctf_sdp_lines policy;
    const char *name;
  } policies[] = {{WCHG_CTF_SDP_ALL, "all"},
                  {WCHG_CTF_SDP_CHARGING, "charging"},
                  {WCHG_CTF_SDP_NONE, "none"}};
  static char offer[16384], answer[16384];
  static uint8_t acr[65536], aca[1024];
  sdp_browser_opts oa = {.answer = true};
  sdp_shape shape;
  wchg_sip_event inv = *inv0, ok;
  if (!sdp_browser(offer, sizeof offer, NULL, NULL) ||
      !sdp_browser(answer, sizeof answer, &oa, &shape))
    return 1;
  inv.sdp = (wchg_str){offer, strlen(offer)};
  ok = inv;
  ok.time_ms += 4000;
  ok.status_code = 200;
  ok.asserted_identity = PAI_BOB;
  ok.asserted_identity_count = 1;
  ok.access_network_info = (wchg_str){NULL, 0};
  ok.sdp = (wchg_str){answer, shape.bytes};
  printf("browser answer: %zu lines, %zu bytes, %zu in its video section\n", shape.lines,
         shape.bytes, shape.media_lines[SDP_VIDEO]);
  for (size_t p = 0; p < sizeof policies / sizeof policies[0]; p++) {
    wchg_ctf_config cfg = CFG;
    wchg_cdf_config cc;
    wchg_cdf_stats st;
    wchg_cdf_result res = {0};
    wchg_diag d = {0};
    wchg_ctf_session *s;
    wchg_ctf_record *r = wchg_ctf_record_new(NULL);
    wchg_cdf *cdf;
    size_t len = 0, alen, avps = 0;
    cfg.sdp_lines = policies[p].policy;
    memset(&cc, 0, sizeof cc);
    cc.origin_host = WCHG_STR("cdf.home.example");
    cc.origin_realm = WCHG_STR("home.example");
    s = wchg_ctf_session_new(&cfg);
    cdf = wchg_cdf_new(&cc);
    if (!r || !s || !cdf)
      return 1;
    for (int k = 0; k < NS && (k == 0 || res.result_code == 2001); k++) {
      wchg_ctf_session_reset(s);
      if (wchg_ctf_session_begin(s, reg, WCHG_ROLE_ORIGINATING, 1000 + (uint64_t)k, &inv, r,
                                 NULL) != WCHG_OK ||
          wchg_ctf_session_event(s, &ok, r, NULL) != WCHG_OK ||
          wchg_acr_encode(wchg_ctf_record_acr(r), acr, sizeof acr, &len, NULL) != WCHG_OK)
        return 1;
      avps = sdp_avps(wchg_ctf_record_acr(r));
      wchg_cdf_feed_bytes(cdf, acr, len, ok.time_ms, aca, sizeof aca, &alen, &res, &d);
    }
    wchg_cdf_stats_get(cdf, &st);
    printf("bench ctf_browser_start sdp_lines=%s acr_bytes=%zu sdp_avps=%zu ", policies[p].name,
           len, avps);
    if (res.result_code == 2001 && st.open_sessions)
      printf("cdf_bytes_per_session=%zu (info: %zu sessions open)\n",
             st.session_bytes / st.open_sessions, st.open_sessions);
    else
      printf("cdf=refused (info: Result-Code %u at %s: %s)\n", (unsigned)res.result_code,
             d.path, d.message);
    wchg_cdf_free(cdf);
    wchg_ctf_session_free(s);
    wchg_ctf_record_free(r);
  }
  return 0;
}

/* The thread's CPU time: what other loads of a shared machine change
 * least (they still share its caches). */
static double cpu_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* The 200 -> START + encode alone, REPS times into |ns| (wall) and |cpu|
 * (thread CPU time), each sorted: NS reused sessions begun outside the
 * timing, then the 200 OK given to each inside it; a repetition is the
 * mean over ROUNDS such rounds. */
static int start_encode_reps(const wchg_ctf_reg *reg, const wchg_sip_event *inv,
                             const wchg_sip_event *ok, wchg_ctf_record *r, double ns[REPS],
                             double cpu[REPS]) {
  enum { NS = 64, ROUNDS = 400 };
  static wchg_ctf_session *pool[NS];
  static uint8_t buf[4096];
  size_t len = 0;
  for (int k = 0; k < NS; k++)
    if (!(pool[k] = wchg_ctf_session_new(&CFG)))
      return 1;
  for (int rep = 0; rep < REPS; rep++) {
    double t = 0, c = 0;
    for (int round = 0; round < ROUNDS; round++) {
      double t0, c0;
      for (int k = 0; k < NS; k++) {
        wchg_ctf_session_reset(pool[k]);
        wchg_ctf_session_begin(pool[k], reg, WCHG_ROLE_ORIGINATING, 42, inv, r, NULL);
      }
      c0 = cpu_ns();
      t0 = now_ns();
      for (int k = 0; k < NS; k++) {
        wchg_ctf_session_event(pool[k], ok, r, NULL);
        wchg_acr_encode(wchg_ctf_record_acr(r), buf, sizeof buf, &len, NULL);
        sink += len;
      }
      t += now_ns() - t0;
      c += cpu_ns() - c0;
    }
    ns[rep] = t / ((double)ROUNDS * NS);
    cpu[rep] = c / ((double)ROUNDS * NS);
  }
  for (int k = 0; k < NS; k++)
    wchg_ctf_session_free(pool[k]);
  qsort(ns, REPS, sizeof *ns, cmp_double);
  qsort(cpu, REPS, sizeof *cpu, cmp_double);
  return 0;
}

/* What one call holds after the 200 OK (bytes[0]: a new session of a
 * config with the counting allocator, begun and given the 200), and what
 * sending its START adds while it awaits the ACA (bytes[1]). */
static int call_bytes(const wchg_ctf_reg *reg, const wchg_sip_event *inv,
                      const wchg_sip_event *ok, wchg_ctf_record *r, size_t bytes[2]) {
  static wchg_ctf_config cfg;
  const uint8_t *msg;
  size_t len, before = held;
  wchg_ctf_session *s;
  cfg = CFG;
  cfg.mem = &COUNTING;
  if (!(s = wchg_ctf_session_new(&cfg)) ||
      wchg_ctf_session_begin(s, reg, WCHG_ROLE_ORIGINATING, 42, inv, r, NULL) != WCHG_OK ||
      wchg_ctf_session_event(s, ok, r, NULL) != WCHG_OK)
    return 1;
  bytes[0] = held - before;
  if (wchg_ctf_session_send(s, wchg_ctf_record_acr(r), &msg, &len, NULL) != WCHG_OK)
    return 1;
  bytes[1] = held - before - bytes[0];
  wchg_ctf_session_free(s);
  return held != before;
}

int main(int argc, char **argv) {
  long iters = argc > 1 ? atol(argv[1]) : 200000;
  wchg_ctf_reg *reg = wchg_ctf_reg_new(&CFG);
  wchg_ctf_session *s = wchg_ctf_session_new(&CFG);
  wchg_ctf_record *r = wchg_ctf_record_new(NULL);
  wchg_register_event re;
  wchg_sip_event inv, ok;
  uint8_t buf[4096];
  size_t len = 0;
  double cycle, begin_only, reps[REPS], cpu[REPS];
  size_t bytes[2];
  int failed = 0;

  if (!reg || !s || !r)
    return 1;
  memset(&re, 0, sizeof re);
  re.request.time_ms = 1700000000000;
  re.request.method = WCHG_STR("REGISTER");
  re.response = re.request;
  re.response.status_code = 200;
  re.response.expires = WCHG_INT(600);
  re.flavour = WCHG_REG_WEBRTC_H3;
  re.impu = PAI_ALICE[0];
  re.authorization = WCHG_STR("Digest username=\"alice@home.example\", realm=\"home.example\", "
                              "integrity-protected=\"auth-done\", "
                              "authorization-entity=\"waf.webrtc.example\"");
  re.wwsf = WCHG_STR("wwsf.webrtc.example");
  re.instance_id = WCHG_STR("<urn:uuid:00000000-0000-1000-8000-000A95A0E128>");
  re.request.served_party_ip = WCHG_STR("198.51.100.1");
  if (wchg_ctf_register(reg, &re, 1, r, NULL) != WCHG_OK)
    return 1;

  memset(&inv, 0, sizeof inv);
  inv.time_ms = 1700000001000;
  inv.method = WCHG_STR("INVITE");
  inv.call_id = WCHG_STR("a84b4c76e66710@pc33.example");
  inv.request_uri = PAI_BOB[0];
  inv.from = WCHG_STR("<sip:alice@home.example>;tag=1928301774");
  inv.asserted_identity = PAI_ALICE;
  inv.asserted_identity_count = 2;
  inv.charging_vector = WCHG_STR("icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\"; "
                                 "icid-generated-at=192.0.2.1; orig-ioi=visited.example");
  inv.access_network_info = WCHG_STR("IEEE-802.11; i-wlan-node-id=ffffff");
  inv.sdp = WCHG_STR(SDP_OFFER);
  ok = inv;
  ok.time_ms = 1700000005000;
  ok.status_code = 200;
  ok.asserted_identity = PAI_BOB;
  ok.asserted_identity_count = 1;
  ok.charging_vector = WCHG_STR("icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\"; "
                                "orig-ioi=visited.example; term-ioi=home-b.example");
  ok.access_network_info = (wchg_str){NULL, 0};
  ok.sdp = WCHG_STR(SDP_ANSWER);

#define BEGIN()                                                                \
  do {                                                                         \
    wchg_ctf_session_reset(s);                                                 \
    wchg_ctf_session_begin(s, reg, WCHG_ROLE_ORIGINATING, 42, &inv, r, NULL);  \
  } while (0)
#define CYCLE()                                                                \
  do {                                                                         \
    BEGIN();                                                                   \
    wchg_ctf_session_event(s, &ok, r, NULL);                                   \
    wchg_acr_encode(wchg_ctf_record_acr(r), buf, sizeof buf, &len, NULL);      \
    sink += len;                                                               \
  } while (0)

  CYCLE(); /* warm the stores */
  if (wchg_ctf_record_acr(r)->accounting_record_type != WCHG_ACR_START ||
      wchg_ctf_record_acr(r)->ims.list_of_sdp_media_components.items[0]
              .sdp_media_components.count != 2) {
    fprintf(stderr, "bench_ctf: no START with two media components\n");
    return 1;
  }
  printf("record: START, 2 SDP media components, %zu bytes\n", len);

  MEASURE(cycle, iters, CYCLE());
  MEASURE(begin_only, iters, BEGIN());
  if (start_encode_reps(reg, &inv, &ok, r, reps, cpu) || call_bytes(reg, &inv, &ok, r, bytes))
    return 1;
  /* where the time goes: the parts the 200 -> START path calls, on a
   * START of |s| (the sessions above are gone, and the views with them) */
  CYCLE();
  {
    static wchg_str lines[64];
    static wchg_sdp_component media[8];
    static wchg_sdp_body sdp = {lines, 64, media, 8, 0, 0};
    static wchg_sip_charging_vector pcv;
    double t_enc, t_sdp, t_pcv;
    MEASURE(t_enc, iters, {
      wchg_acr_encode(wchg_ctf_record_acr(r), buf, sizeof buf, &len, NULL);
      sink += len;
    });
    MEASURE(t_sdp, iters, {
      wchg_sdp_parse_body(ok.sdp.ptr, ok.sdp.len, NULL, WCHG_POLICY_RECEIVE, &sdp, NULL, NULL);
      sink += sdp.media_count;
    });
    MEASURE(t_pcv, iters, {
      wchg_sip_parse_charging_vector(ok.charging_vector.ptr, ok.charging_vector.len, &pcv, NULL);
      sink += pcv.param_count;
    });
    printf("bench ctf_part_acr_encode ns_per_op=%.1f (info)\n", t_enc);
    printf("bench ctf_part_sdp_parse ns_per_op=%.1f (info: the 2-media answer)\n", t_sdp);
    printf("bench ctf_part_pcv_parse ns_per_op=%.1f (info)\n", t_pcv);
  }
  allocs = 0;
  for (long i = 0; i < 1000; i++)
    CYCLE();
  double per_op = allocs / 1000.0;
  double start_ns = reps[REPS / 2];

  printf("bench ctf_begin_invite ns_per_op=%.1f (info: reset + begin, not in the target)\n",
         begin_only);
  printf("bench ctf_200_start_encode ns_per_op=%.1f min=%.1f max=%.1f reps=%d "
         "(target < 1000 ns, the median: %s)\n", start_ns, reps[0], reps[REPS - 1], REPS,
         start_ns < 1000 ? "met" : "MISSED");
  printf("bench ctf_200_start_encode_cpu ns_per_op=%.1f min=%.1f max=%.1f reps=%d (info: "
         "thread CPU time of the same runs, less moved by other loads)\n", cpu[REPS / 2], cpu[0],
         cpu[REPS - 1], REPS);
  printf("bench ctf_call_bytes bytes_per_call=%zu (target <= 1024 after the 200 OK: %s; "
         "info: +%zu while the START awaits its ACA in wchg_ctf_session_send)\n", bytes[0],
         bytes[0] <= 1024 ? "met" : "MISSED", bytes[1]);
  printf("bench ctf_cycle ns_per_op=%.1f (info: reset + begin + 200 + encode; minus the "
         "begin: %.1f)\n", cycle, cycle - begin_only);
  printf("bench ctf_cycle allocs_per_op=%.2f (target 0: %s)\n", per_op,
         per_op == 0 ? "met" : "MISSED");
  failed = per_op != 0;
  failed |= browser_line_policies(reg, &inv);
  wchg_ctf_session_free(s);
  wchg_ctf_reg_free(reg);
  wchg_ctf_record_free(r);
  return failed;
}
