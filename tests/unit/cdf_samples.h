/* cdf_samples.h: hand-built ACR models of an H.3 WebRTC call, shared by
 * the CDF tests (test_cdf.c) and its benchmark (bench_cdf.c).
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#ifndef WCHG_CDF_SAMPLES_H
#define WCHG_CDF_SAMPLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <webrtc_chg/webrtc_chg.h>

#define HOST "epcscf1.visited.example"
#define WAF "waf.webrtc.example"
#define WWSF "wwsf.webrtc.example"

/* One hand-built ACR and the storage its views point into. */
struct fx {
  wchg_acr a;
  char sid[64], call_id[64], icid[32];
  wchg_involved_party calling[2];
  wchg_subscription_id sub[1];
  wchg_str sdp_session[2], audio_desc[2], video_desc[1], reason[1];
  wchg_sdp_media_component comps[2];
  wchg_media_components_list media;
};

/* The Session-Id of session |session| ("HOST;0;<session>") in |buf|. */
const char *sid_of(unsigned session, char *buf, size_t cap);

/* ACR |number| of type |type| of session |session| at time |t| (ms), in
 * |f|: an originating call of alice@home.example to bob@home-b.example
 * (Call-ID and ICID per session); |sdp|: it carries one media entry
 * (session lines, audio and video); |wic|: the WebRTC identities. */
wchg_acr *fx_make(struct fx *f, unsigned session, int type, uint32_t number, int64_t t,
                  bool sdp, bool wic);

#endif
