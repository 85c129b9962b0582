/* bench_cdr: encode and decode of a ~1 KB eP-CSCF CDR (the H.3 sample:
 * an audio+video WebRTC session with the common fields), ours against
 * stock asn1c 0.9.28 (generated code built as asn1c ships it, without the
 * ASN_DEBUG fix), both measured in this run on the same bytes.
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

static volatile size_t sink;

static void line(const char *name, double ns, const char *ref, double ref_ns, double target) {
  double speedup = ref_ns / ns;
  printf("bench %s ns_per_op=%.1f ref=%s ref_ns_per_op=%.1f speedup=%.1f (target >= %.0fx: %s)\n",
         name, ns, ref, ref_ns, speedup, target, speedup >= target ? "met" : "MISSED");
}

static int write_cb(const void *buf, size_t size, void *key) {
  (void)buf; (void)key;
  sink += size;
  return 0;
}

int main(int argc, char **argv) {
  long iters = argc > 1 ? atol(argv[1]) : 20000;
  wchg_cdr cdr;
  uint8_t buf[8192], out[8192];
  size_t len = 0, n = 0;
  double ours_enc, ours_dec, ref_enc, ref_dec;
  int failed = 0;

  sample_h3(&cdr);
  if (wchg_cdr_encode(&cdr, buf, sizeof buf, &len, NULL) != WCHG_OK)
    return 1;
  printf("record: H.3 eP-CSCF session CDR, %zu bytes DER\n", len);

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

  /* encode */
  MEASURE(ours_enc, iters, {
    wchg_cdr_encode(&cdr, out, sizeof out, &n, NULL);
    sink += n;
  });
  MEASURE(ref_enc, iters / 10 + 1, {
    asn_enc_rval_t r = der_encode(&asn_DEF_IMSRecord, rec, write_cb, NULL);
    sink += (size_t)r.encoded;
  });
  allocs = 0;
  for (long i = 0; i < 1000; i++)
    wchg_cdr_encode(&cdr, out, sizeof out, &n, NULL);
  double enc_allocs = allocs / 1000.0;

  /* decode (each op includes freeing the result) */
  MEASURE(ours_dec, iters, {
    wchg_cdr *c = NULL;
    wchg_cdr_decode(buf, len, NULL, &c, NULL, NULL);
    wchg_cdr_free(c);
  });
  MEASURE(ref_dec, iters / 10 + 1, {
    IMSRecord_t *r = NULL;
    ber_decode(&ctx, &asn_DEF_IMSRecord, (void **)&r, buf, len);
    ASN_STRUCT_FREE(asn_DEF_IMSRecord, r);
  });
  allocs = 0;
  for (long i = 0; i < 1000; i++) {
    wchg_cdr *c = NULL;
    wchg_cdr_decode(buf, len, NULL, &c, NULL, NULL);
    wchg_cdr_free(c);
  }
  double dec_allocs = allocs / 1000.0;
  allocs = 0;
  for (long i = 0; i < 100; i++) {
    IMSRecord_t *r = NULL;
    ber_decode(&ctx, &asn_DEF_IMSRecord, (void **)&r, buf, len);
    ASN_STRUCT_FREE(asn_DEF_IMSRecord, r);
  }
  double ref_dec_allocs = allocs / 100.0;

  line("cdr_encode", ours_enc, "asn1c-0.9.28-stock-der_encode", ref_enc, 30);
  line("cdr_decode", ours_dec, "asn1c-0.9.28-stock-ber_decode", ref_dec, 3);
  printf("bench cdr_encode allocs_per_op=%.2f (target 0: %s)\n", enc_allocs,
         enc_allocs == 0 ? "met" : "MISSED");
  printf("bench cdr_decode allocs_per_op=%.2f ref_allocs_per_op=%.2f\n", dec_allocs,
         ref_dec_allocs);
  failed = enc_allocs != 0;
  ASN_STRUCT_FREE(asn_DEF_IMSRecord, rec);
  return failed;
}
