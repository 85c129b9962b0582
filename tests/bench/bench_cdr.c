/* bench_cdr: encode and decode of a ~1 KB eP-CSCF CDR (the H.3 sample:
 * an audio+video WebRTC session with the common fields), ours against
 * stock asn1c 0.9.28 (generated code built as asn1c ships it, without the
 * ASN_DEBUG fix), both measured in this run on the same bytes, and our
 * encoder against the hand-written writer of the same bytes (hand_cdr.h),
 * the limit an encoder driven by tables can approach.
 *
 * Each figure is the median of BENCH_REPS repetitions, with min and max;
 * in a repetition ours and its reference run in turns (TIME_PAIR), so that
 * a busy machine slows both alike. A target is judged on the median, and
 * the line says in how many repetitions it held.
 *
 * Prints: bench NAME ns_per_op=X ref=REF ref_ns_per_op=Y speedup=Y/X
 * plus the allocations our encoder makes per operation (target 0).
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <IMSRecord.h>
#include <webrtc_chg/webrtc_chg.h>

#include "samples.h"

#include "bench_util.h"
#include "hand_cdr.h"

static volatile size_t sink;

/* ours[] and ref_ns[] of each repetition: the medians, the speedups'
 * median, min and max, and the target (speedup >= target) judged on the
 * median. */
static void line(const char *name, const double *ours, const char *ref, const double *ref_ns,
                 double target) {
  double sp[BENCH_REPS];
  int held = 0;
  for (int r = 0; r < BENCH_REPS; r++) {
    sp[r] = ref_ns[r] / ours[r];
    held += sp[r] >= target;
  }
  struct bench_stat o = bench_stat_of(ours, BENCH_REPS), f = bench_stat_of(ref_ns, BENCH_REPS),
                    s = bench_stat_of(sp, BENCH_REPS);
  printf("bench %s ns_per_op=%.1f ref=%s ref_ns_per_op=%.1f speedup=%.2f "
         "(median of %d; ns_per_op %.1f..%.1f, ref %.1f..%.1f, speedup %.2f..%.2f) "
         "(target >= %gx: %s, held in %d of %d)\n",
         name, o.med, ref, f.med, s.med, BENCH_REPS, o.min, o.max, f.min, f.max, s.min, s.max,
         target, s.med >= target ? "met" : "MISSED", held, BENCH_REPS);
}

static int write_cb(const void *buf, size_t size, void *key) {
  (void)buf; (void)key;
  sink += size;
  return 0;
}

/* The hand writer writes our encoder's bytes, or the bench is void. */
static int check_hand(const wchg_cdr *cdr, const uint8_t *der, size_t len) {
  static uint8_t hand[HAND_CDR_ROOM];
  uint8_t *p = hand_cdr_encode(cdr, hand + sizeof hand);
  if ((size_t)(hand + sizeof hand - p) != len || memcmp(p, der, len)) {
    fprintf(stderr, "bench: the hand writer's bytes differ from wchg_cdr_encode's\n");
    return -1;
  }
  return 0;
}

int main(int argc, char **argv) {
  long iters = argc > 1 ? atol(argv[1]) : 20000;
  wchg_cdr cdr;
  static uint8_t buf[8192], out[8192], hand[HAND_CDR_ROOM];
  size_t len = 0, n = 0;
  double ours_enc[BENCH_REPS], ours_enc_h[BENCH_REPS], ours_dec[BENCH_REPS],
      ref_enc[BENCH_REPS], ref_dec[BENCH_REPS], hand_enc[BENCH_REPS];
  int failed = 0;

  sample_h3(&cdr);
  if (wchg_cdr_encode(&cdr, buf, sizeof buf, &len, NULL) != WCHG_OK)
    return 1;
  printf("record: H.3 eP-CSCF session CDR, %zu bytes DER\n", len);
  if (check_hand(&cdr, buf, len))
    return 1;

  /* the same value as asn1c sees it */
  IMSRecord_t *rec = NULL;
  asn_codec_ctx_t ctx = {.max_stack_size = 64 * 1024};
  asn_dec_rval_t dr = ber_decode(&ctx, &asn_DEF_IMSRecord, (void **)&rec, buf, len);
  if (dr.code != RC_OK || dr.consumed != len) {
    fprintf(stderr, "bench: asn1c cannot decode our record\n");
    return 1;
  }
  asn_enc_rval_t er = der_encode_to_buffer(&asn_DEF_IMSRecord, rec, out, sizeof out);
  if (er.encoded != (ssize_t)len || memcmp(out, buf, len)) {
    fprintf(stderr, "bench: asn1c encodes different bytes\n");
    return 1;
  }

#define OURS_ENC                                                               \
  do {                                                                         \
    wchg_cdr_encode(&cdr, out, sizeof out, &n, NULL);                          \
    sink += n;                                                                 \
  } while (0)
#define HAND_ENC (sink += (size_t)*hand_cdr_encode(&cdr, hand + sizeof hand))
#define ASN_ENC (sink += (size_t)der_encode(&asn_DEF_IMSRecord, rec, write_cb, NULL).encoded)
  /* a decode includes freeing the result */
#define OURS_DEC                                                               \
  do {                                                                         \
    wchg_cdr *c_ = NULL;                                                       \
    wchg_cdr_decode(buf, len, NULL, &c_, NULL, NULL);                          \
    wchg_cdr_free(c_);                                                         \
  } while (0)
#define ASN_DEC                                                                \
  do {                                                                         \
    IMSRecord_t *d_ = NULL;                                                    \
    ber_decode(&ctx, &asn_DEF_IMSRecord, (void **)&d_, buf, len);              \
    ASN_STRUCT_FREE(asn_DEF_IMSRecord, d_);                                    \
  } while (0)
  /* 20 turns a repetition; asn1c a tenth as many runs as ours */
  long turn = iters / 20 + 1, ref_turn = iters / 200 + 1;
  for (int r = 0; r < BENCH_REPS; r++) {
    TIME_PAIR(ours_enc[r], ref_enc[r], 20, turn, OURS_ENC, ref_turn, ASN_ENC);
    TIME_PAIR(ours_enc_h[r], hand_enc[r], 20, turn, OURS_ENC, turn, HAND_ENC);
    TIME_PAIR(ours_dec[r], ref_dec[r], 20, turn, OURS_DEC, ref_turn, ASN_DEC);
  }

  allocs = 0;
  for (long i = 0; i < 1000; i++)
    OURS_ENC;
  double enc_allocs = allocs / 1000.0;
  allocs = 0;
  for (long i = 0; i < 1000; i++)
    OURS_DEC;
  double dec_allocs = allocs / 1000.0;
  allocs = 0;
  for (long i = 0; i < 100; i++)
    ASN_DEC;
  double ref_dec_allocs = allocs / 100.0;

  line("cdr_encode", ours_enc, "asn1c-0.9.28-stock-der_encode", ref_enc, 40);
  /* ours at most 2x the hand writer: its time over ours at least 0.5 */
  line("cdr_encode_vs_hand", ours_enc_h, "hand-written-back-to-front", hand_enc, 0.5);
  line("cdr_decode", ours_dec, "asn1c-0.9.28-stock-ber_decode", ref_dec, 8);
  printf("bench cdr_encode allocs_per_op=%.2f (target 0: %s)\n", enc_allocs,
         enc_allocs == 0 ? "met" : "MISSED");
  printf("bench cdr_decode allocs_per_op=%.2f ref_allocs_per_op=%.2f\n", dec_allocs,
         ref_dec_allocs);
  failed = enc_allocs != 0;
  ASN_STRUCT_FREE(asn_DEF_IMSRecord, rec);
  return failed;
}
