/* bench_cdf: the CDF (cdf.h) folding prepared ACR models — for each of
 * 20000 sessions a START with SDP, an INTERIM with new SDP, an INTERIM
 * without, and a STOP (an H.3 WebRTC call, ~40 fields), fed in waves so
 * that 2000 sessions are open at once; the models are handed over as the
 * ACR reader does (one model per record type, reused, its Session-Id,
 * User-Session-Id, ICID and times set per ACR); every CDR is DER-encoded
 * into the queue and popped — and the memory an open session costs.
 *
 * Prints:
 *   bench cdf_fold ns_per_op=X acrs_per_s=Y (target >= 1000000/s: met|MISSED)
 *   bench cdf_fold allocs_per_op=Z
 *   bench cdf_session_bytes bytes_per_session=B store=S overhead=O
 *         (target overhead <= 512: met|MISSED)
 * where the store is the session's strings in the CDF's compact form and
 * the overhead everything else (the fixed part, the table slot). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <webrtc_chg/webrtc_chg.h>

static size_t allocs;
void *__real_malloc(size_t);
void *__wrap_malloc(size_t n) {
  allocs++;
  return __real_malloc(n);
}

#define T0 1700000000000LL
#define NSESS 20000
#define WAVE 2000

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* One prepared ACR and its storage. */
struct fx {
  wchg_acr a;
  char sid[48], call_id[48], icid[24]; /* the template's own */
  wchg_involved_party calling[2];
  wchg_subscription_id sub[1];
  wchg_str sdp_session[2], audio_desc[2], video_desc[1], reason[1];
  wchg_sdp_media_component comps[2];
  wchg_media_components_list media;
};

static void make(struct fx *f, unsigned s, int type, uint32_t n, int64_t t, bool sdp) {
  wchg_acr *a = &f->a;
  wchg_ims_info *ims = &a->ims;
  memset(f, 0, sizeof *f);
  wchg_acr_init(a);
  snprintf(f->sid, sizeof f->sid, "epcscf1.visited.example;1;%u", s);
  snprintf(f->call_id, sizeof f->call_id, "a84b4c76e6%u@pc33.example", s);
  snprintf(f->icid, sizeof f->icid, "AyretyU0dm%u", s);
  a->session_id = wchg_str_from(f->sid);
  a->origin_host = WCHG_STR("epcscf1.visited.example");
  a->origin_realm = WCHG_STR("visited.example");
  a->destination_realm = WCHG_STR("home.example");
  a->accounting_record_type = type;
  a->accounting_record_number = n;
  a->event_timestamp = WCHG_TIME_MS(t);
  a->sip_request_timestamp = WCHG_TIME_MS(t - 120);
  a->sip_response_timestamp = WCHG_TIME_MS(t);
  ims->sip_method = type == WCHG_ACR_START ? WCHG_STR("INVITE")
                    : type == WCHG_ACR_STOP ? WCHG_STR("BYE") : WCHG_STR("UPDATE");
  ims->role_of_node = WCHG_INT(0);
  ims->session_id = wchg_str_from(f->call_id);
  ims->ims_charging_identifier = (wchg_octets){(const uint8_t *)f->icid, strlen(f->icid)};
  ims->private_user_id = WCHG_STR("alice@home.example");
  ims->service_context_id = WCHG_STR(WCHG_SERVICE_CONTEXT_IMS);
  f->calling[0] = (wchg_involved_party){WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@home.example")};
  f->calling[1] = (wchg_involved_party){WCHG_PARTY_TEL_URI, WCHG_STR("tel:+15551230001")};
  ims->list_of_calling_party_address = (wchg_involved_party_list){f->calling, 2};
  ims->called_party_address =
      (wchg_involved_party){WCHG_PARTY_SIP_URI, WCHG_STR("sip:bob@home-b.example")};
  f->sub[0] = (wchg_subscription_id){WCHG_INT(2), WCHG_STR("sip:alice@home.example")};
  ims->list_of_subscription_id = (wchg_subscription_id_list){f->sub, 1};
  ims->served_party_ip_address.choice = WCHG_IP_BIN_V4;
  memcpy(ims->served_party_ip_address.bin, "\xc6\x33\x64\x01", 4);
  ims->inter_operator_identifiers.present = true;
  ims->inter_operator_identifiers.originating_ioi = WCHG_STR("visited.example");
  ims->inter_operator_identifiers.terminating_ioi = WCHG_STR("home-b.example");
  ims->access_network_information = (wchg_octets){(const uint8_t *)"IEEE-802.11", 11};
  ims->webrtc_authentication_function_name = WCHG_STR("waf.webrtc.example");
  ims->webrtc_web_server_function_name = WCHG_STR("wwsf.webrtc.example");
  if (type == WCHG_ACR_STOP) {
    a->cause_code = WCHG_INT(0);
    f->reason[0] = WCHG_STR("Q.850;cause=16;text=\"Terminated\"");
    ims->list_of_reason_header = (wchg_str_list){f->reason, 1};
  }
  if (sdp) {
    f->sdp_session[0] = WCHG_STR("v=0");
    f->sdp_session[1] = WCHG_STR("o=bob 2808844564 2808844564 IN IP4 203.0.113.7");
    f->audio_desc[0] = WCHG_STR("c=IN IP4 203.0.113.7");
    f->audio_desc[1] = WCHG_STR("a=rtpmap:111 opus/48000/2");
    f->video_desc[0] = WCHG_STR("a=rtpmap:96 VP8/90000");
    f->comps[0].sdp_media_name = WCHG_STR("m=audio 49174 UDP/TLS/RTP/SAVPF 111");
    f->comps[0].sdp_media_descriptions = (wchg_str_list){f->audio_desc, 2};
    f->comps[1].sdp_media_name = n ? WCHG_STR("m=video 0 UDP/TLS/RTP/SAVPF 96")
                                   : WCHG_STR("m=video 49176 UDP/TLS/RTP/SAVPF 96");
    f->comps[1].sdp_media_descriptions = (wchg_str_list){f->video_desc, 1};
    f->media.sdp_session_description = (wchg_str_list){f->sdp_session, 2};
    f->media.sdp_media_components = (wchg_sdp_media_component_list){f->comps, 2};
    f->media.media_initiator_flag = true;
    f->media.sdp_type = WCHG_INT(1);
    ims->list_of_sdp_media_components = (wchg_media_components_list_list){&f->media, 1};
  }
}

static wchg_cdf_config config(void) {
  wchg_cdf_config c;
  memset(&c, 0, sizeof c);
  c.utc_offset_minutes = 60;
  c.max_record_duration_ms = 3600000;
  c.session_timeout_ms = 7200000;
  c.duplicate_memory = NSESS;
  return c;
}

static volatile size_t sink;

/* Per session: its identifiers (what a decoder's model would view). */
struct ids {
  char sid[48], call_id[48], icid[24];
};

/* Feed every ACR (4 per session, in waves), as a decoder hands them over:
 * one model per record type, its identifiers and times set per ACR;
 * returns the CDRs taken from the queue. */
static size_t run(wchg_cdf *c, struct fx *tpl, const struct ids *ids) {
  static const int64_t dt[4] = {0, 60000, 90000, 120000};
  size_t cdrs = 0;
  for (unsigned w = 0; w < NSESS; w += WAVE)
    for (unsigned k = 0; k < 4; k++)
      for (unsigned s = w; s < w + WAVE; s++) {
        wchg_acr *a = &tpl[k].a;
        int64_t t = T0 + s * 10 + dt[k];
        wchg_cdf_result r;
        a->session_id = wchg_str_from(ids[s].sid);
        a->ims.session_id = wchg_str_from(ids[s].call_id);
        a->ims.ims_charging_identifier =
            (wchg_octets){(const uint8_t *)ids[s].icid, strlen(ids[s].icid)};
        a->event_timestamp.unix_ms = t;
        a->sip_request_timestamp.unix_ms = t - 120;
        a->sip_response_timestamp.unix_ms = t;
        if (wchg_cdf_feed(c, a, t, &r, NULL) != WCHG_OK)
          abort();
        while (wchg_cdf_pending(c)) {
          const uint8_t *der;
          size_t len;
          wchg_cdf_peek(c, &der, &len);
          sink += len;
          wchg_cdf_pop(c);
          cdrs++;
        }
      }
  return cdrs;
}

int main(void) {
  struct fx tpl[4];
  struct ids *ids = malloc(sizeof *ids * NSESS);
  wchg_cdf_config cfg = config();
  double best = 1e30;
  size_t n_allocs = 0;
  int failed = 0;

  if (!ids)
    return 1;
  make(&tpl[0], 0, WCHG_ACR_START, 0, T0, true);
  make(&tpl[1], 0, WCHG_ACR_INTERIM, 1, T0 + 60000, true);
  make(&tpl[2], 0, WCHG_ACR_INTERIM, 2, T0 + 90000, false);
  make(&tpl[3], 0, WCHG_ACR_STOP, 3, T0 + 120000, false);
  for (unsigned s = 0; s < NSESS; s++) {
    snprintf(ids[s].sid, sizeof ids[s].sid, "epcscf1.visited.example;1;%u", s);
    snprintf(ids[s].call_id, sizeof ids[s].call_id, "a84b4c76e6%u@pc33.example", s);
    snprintf(ids[s].icid, sizeof ids[s].icid, "AyretyU0dm%u", s);
  }
  for (int round = 0; round < 5; round++) {
    wchg_cdf *c = wchg_cdf_new(&cfg);
    if (!c)
      return 1;
    run(c, tpl, ids); /* warm: scratch buffers and queue blocks */
    wchg_cdf_free(c);
    c = wchg_cdf_new(&cfg);
    size_t a0 = allocs;
    double t0 = now_ns();
    size_t cdrs = run(c, tpl, ids);
    double dt = (now_ns() - t0) / (NSESS * 4.0);
    n_allocs = allocs - a0;
    if (cdrs != NSESS)
      return 1;
    if (dt < best)
      best = dt;
    wchg_cdf_free(c);
  }
  double per_s = 1e9 / best;
  printf("bench cdf_fold ns_per_op=%.1f acrs_per_s=%.0f (target >= 1000000/s: %s)\n", best,
         per_s, per_s >= 1e6 ? "met" : "MISSED");
  printf("bench cdf_fold allocs_per_op=%.2f\n", n_allocs / (NSESS * 4.0));
  failed |= per_s < 1e6;

  /* memory of open sessions: NSESS STARTs, nothing closed */
  {
    wchg_cdf *c = wchg_cdf_new(&cfg);
    wchg_cdf_stats st;
    size_t store;
    for (unsigned s = 0; s < NSESS; s++) {
      wchg_acr *a = &tpl[0].a;
      a->session_id = wchg_str_from(ids[s].sid);
      a->ims.session_id = wchg_str_from(ids[s].call_id);
      a->ims.ims_charging_identifier =
          (wchg_octets){(const uint8_t *)ids[s].icid, strlen(ids[s].icid)};
      if (wchg_cdf_feed(c, a, T0, NULL, NULL) != WCHG_OK)
        return 1;
    }
    wchg_cdf_stats_get(c, &st);
    store = st.session_store_bytes / NSESS;
    double per = (double)st.session_bytes / NSESS, overhead = per - (double)store;
    printf("bench cdf_session_bytes bytes_per_session=%.0f store=%zu fixed=%zu "
           "overhead=%.0f (target overhead <= 512: %s)\n",
           per, store, st.session_fixed_bytes, overhead, overhead <= 512 ? "met" : "MISSED");
    failed |= overhead > 512;
    wchg_cdf_free(c);
  }
  free(ids);
  return failed;
}
