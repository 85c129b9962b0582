/* bench_cdf: the CDF (cdf.h) folding the ACRs of 20000 H.3 WebRTC calls
 * (tests/unit/cdf_samples.c: a START with SDP, an INTERIM with new SDP
 * (video dropped), an INTERIM without, a STOP; ~40 fields each), fed in
 * waves so that 2000 sessions are open at once; every CDR is DER-encoded
 * into the queue and popped — and the memory an open session costs.
 *
 * Two ways in:
 *   bytes   what a CDF does: every ACR is its own Diameter message (80000
 *           distinct messages, 60 MB, far beyond the caches), given to
 *           wchg_cdf_feed_bytes, which decodes it, folds it and writes its
 *           ACA. The same messages are also only decoded, so the fold's
 *           own share is the difference.
 *   models  the models handed over as a decoder does (one per record
 *           type, reused, its identifiers and times set per ACR): the
 *           fold with its input in the cache (an info line).
 *
 * Prints:
 *   bench cdf_feed_bytes ns_per_op=X acrs_per_s=Y (decode + fold + ACA)
 *   bench cdf_acr_decode ns_per_op=X
 *   bench cdf_fold ns_per_op=X acrs_per_s=Y (target >= 1000000/s: met|MISSED)
 *   bench cdf_fold_models ns_per_op=X acrs_per_s=Y (info)
 *   bench cdf_fold allocs_per_op=Z
 *   bench cdf_session_bytes bytes_per_session=B store=S fixed=F overhead=O
 *         (target overhead <= 512: met|MISSED)
 * The target applies to folding (cdf_fold, the "ACRs folded"),
 * measured on distinct messages; the end-to-end rate is printed beside it.
 * A missed target is printed, not fatal (as in bench_diameter): exit 1
 * only when the set-up or a feed fails.
 * The store is the session's strings in the CDF's compact form, the
 * overhead everything else (the fixed part, the table slot).
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "bench_util.h"
#include "cdf_samples.h"

#define T0 1700000000000LL
#define NSESS 20000
#define WAVE 2000
#define NACR (NSESS * 4)

static const int64_t dt[4] = {0, 60000, 90000, 120000};

/* The four ACRs of session |s| into |f|. */
static void call_acrs(struct fx f[4], unsigned s) {
  int64_t t = T0 + s * 10;
  fx_make(&f[0], s, WCHG_ACR_START, 0, t + dt[0], true, true);
  fx_make(&f[1], s, WCHG_ACR_INTERIM, 1, t + dt[1], true, true);
  f[1].comps[1].sdp_media_name = WCHG_STR("m=video 0 UDP/TLS/RTP/SAVPF 96");
  fx_make(&f[2], s, WCHG_ACR_INTERIM, 2, t + dt[2], false, true);
  fx_make(&f[3], s, WCHG_ACR_STOP, 3, t + dt[3], false, true);
}

static wchg_cdf_config config(void) {
  wchg_cdf_config c;
  memset(&c, 0, sizeof c);
  c.utc_offset_minutes = 60;
  c.max_record_duration_ms = 3600000;
  c.session_timeout_ms = 7200000;
  c.duplicate_memory = NSESS;
  c.origin_host = WCHG_STR("cdf1.home.example");
  c.origin_realm = WCHG_STR("home.example");
  return c;
}

static volatile size_t sink;

static size_t drain(wchg_cdf *c) {
  size_t n = 0;
  while (wchg_cdf_pending(c)) {
    const uint8_t *der;
    size_t len;
    wchg_cdf_peek(c, &der, &len);
    sink += len;
    wchg_cdf_pop(c);
    n++;
  }
  return n;
}

/* The order ACRs arrive in: by wave, then record, then session. */
#define FOR_EACH_ACR(s, k)                                                    \
  for (unsigned w_ = 0; w_ < NSESS; w_ += WAVE)                               \
    for (unsigned k = 0; k < 4; k++)                                          \
      for (unsigned s = w_; s < w_ + WAVE; s++)

/* Every ACR message in: decode, fold, ACA; returns the CDRs popped. */
static size_t run_bytes(wchg_cdf *c, const uint8_t *msgs, const size_t *off) {
  uint8_t aca[512];
  size_t cdrs = 0, aca_len;
  FOR_EACH_ACR(s, k) {
    size_t i = s * 4 + k;
    if (wchg_cdf_feed_bytes(c, msgs + off[i], off[i + 1] - off[i], T0 + s * 10 + dt[k], aca,
                            sizeof aca, &aca_len, NULL, NULL) != WCHG_OK)
      abort();
    sink += aca_len;
    cdrs += drain(c);
  }
  return cdrs;
}

/* The same messages, only decoded. */
static void run_decode(wchg_acr_reader *r, const uint8_t *msgs, const size_t *off) {
  FOR_EACH_ACR(s, k) {
    size_t i = s * 4 + k;
    const wchg_acr *a;
    if (wchg_acr_decode(r, msgs + off[i], off[i + 1] - off[i], &a, NULL) != WCHG_OK)
      abort();
    sink += a->accounting_record_number;
  }
}

/* Per session: its identifiers (what a decoder's model would view). */
struct ids {
  char sid[64], call_id[64], icid[32];
};

/* The models in: one per record type, identifiers and times set per ACR. */
static size_t run_models(wchg_cdf *c, struct fx *tpl, const struct ids *ids) {
  size_t cdrs = 0;
  FOR_EACH_ACR(s, k) {
    wchg_acr *a = &tpl[k].a;
    int64_t t = T0 + s * 10 + dt[k];
    a->session_id = wchg_str_from(ids[s].sid);
    a->ims.session_id = wchg_str_from(ids[s].call_id);
    a->ims.ims_charging_identifier =
        (wchg_octets){(const uint8_t *)ids[s].icid, strlen(ids[s].icid)};
    int64_t shift = t - a->event_timestamp.unix_ms; /* keep the template's offsets */
    a->event_timestamp.unix_ms += shift;
    a->sip_request_timestamp.unix_ms += shift;
    a->sip_response_timestamp.unix_ms += shift;
    if (wchg_cdf_feed(c, a, t, NULL, NULL) != WCHG_OK)
      abort();
    cdrs += drain(c);
  }
  return cdrs;
}

/* Best of 5 of |run| on a fresh CDF (after one warming run): ns per ACR;
 * *|n_allocs| the allocations of the last timed run. */
#define BEST_OF_5(result, n_allocs, call)                                     \
  do {                                                                        \
    double best_ = 1e30;                                                      \
    for (int round_ = 0; round_ < 5; round_++) {                              \
      wchg_cdf *c = wchg_cdf_new(&cfg);                                       \
      if (!c || (call) != NSESS)                                              \
        return 1;                                                             \
      wchg_cdf_free(c);                                                       \
      c = wchg_cdf_new(&cfg);                                                 \
      if (!c)                                                                 \
        return 1;                                                             \
      allocs = 0;                                                             \
      double t0_ = now_ns();                                                  \
      size_t cdrs_ = (call);                                                  \
      double dt_ = (now_ns() - t0_) / NACR;                                   \
      (n_allocs) = allocs;                                                    \
      wchg_cdf_free(c);                                                       \
      if (cdrs_ != NSESS)                                                     \
        return 1;                                                             \
      if (dt_ < best_)                                                        \
        best_ = dt_;                                                          \
    }                                                                         \
    (result) = best_;                                                         \
  } while (0)

int main(void) {
  static struct fx f[4];
  struct fx tpl[4];
  struct ids *ids = malloc(sizeof *ids * NSESS);
  size_t *off = malloc(sizeof *off * (NACR + 1)), cap = (size_t)NACR * 1024;
  uint8_t *msgs = malloc(cap);
  wchg_cdf_config cfg = config();
  wchg_acr_reader *rd = wchg_acr_reader_new(NULL);
  double t_bytes, t_decode = 1e30, t_models;
  size_t n_allocs = 0, n_allocs_models = 0;

  if (!ids || !off || !msgs || !rd)
    return 1;
  /* every message, session by session */
  off[0] = 0;
  for (unsigned s = 0; s < NSESS; s++) {
    call_acrs(f, s);
    for (unsigned k = 0; k < 4; k++) {
      size_t i = s * 4 + k, len;
      if (wchg_acr_encode(&f[k].a, msgs + off[i], cap - off[i], &len, NULL) != WCHG_OK)
        return 1;
      off[i + 1] = off[i] + len;
    }
    snprintf(ids[s].sid, sizeof ids[s].sid, "%s", f[0].sid);
    snprintf(ids[s].call_id, sizeof ids[s].call_id, "%s", f[0].call_id);
    snprintf(ids[s].icid, sizeof ids[s].icid, "%s", f[0].icid);
  }
  call_acrs(tpl, 0);

  BEST_OF_5(t_bytes, n_allocs, run_bytes(c, msgs, off));
  for (int round = 0; round < 6; round++) {
    double t0 = now_ns();
    run_decode(rd, msgs, off);
    double d = (now_ns() - t0) / NACR;
    if (round && d < t_decode)
      t_decode = d;
  }
  BEST_OF_5(t_models, n_allocs_models, run_models(c, tpl, ids));

  double fold = t_bytes - t_decode, per_s = 1e9 / fold;
  printf("bench cdf_feed_bytes ns_per_op=%.1f acrs_per_s=%.0f (decode + fold + ACA, %.0f "
         "bytes per ACR)\n",
         t_bytes, 1e9 / t_bytes, (double)off[NACR] / NACR);
  printf("bench cdf_acr_decode ns_per_op=%.1f\n", t_decode);
  printf("bench cdf_fold ns_per_op=%.1f acrs_per_s=%.0f (target >= 1000000/s: %s)\n", fold,
         per_s, per_s >= 1e6 ? "met" : "MISSED");
  printf("bench cdf_fold_models ns_per_op=%.1f acrs_per_s=%.0f (info: reused models)\n",
         t_models, 1e9 / t_models);
  printf("bench cdf_fold allocs_per_op=%.2f (models: %.2f)\n", (double)n_allocs / NACR,
         (double)n_allocs_models / NACR);

  /* memory of open sessions: NSESS STARTs, nothing closed */
  {
    wchg_cdf *c = wchg_cdf_new(&cfg);
    wchg_cdf_stats st;
    size_t store;
    if (!c)
      return 1;
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
    wchg_cdf_free(c);
  }
  wchg_acr_reader_free(rd);
  free(msgs);
  free(off);
  free(ids);
  return 0;
}
