/* bench_diameter: the 44-AVP ACR of tests/unit/diam_samples.c (START of an
 * H.3 WebRTC call, full IMS-Information tree), all measured in this run:
 *
 *   encode: build + encode with our writer, in two variants:
 *     - diam_encode: through dictionary entries resolved once before the
 *       timing (sample_acr_d with a sample_avps filled by
 *       sample_avps_resolve), as freeDiameter's models are below: the
 *       fair comparison, the one issue 3's targets are about;
 *     - diam_encode_bycode: by (code, vendor) (sample_acr), the writer
 *       finding each entry itself; printed as info, with no target, since
 *       its lookups are timed and freeDiameter's are not;
 *     each against
 *     - freeDiameter 1.2.1 (libfdproto/libfdcore, bench only): fd_msg_new,
 *       fd_msg_avp_new/setvalue/add for every AVP, fd_msg_bufferize, free;
 *     - a flat writer in this file that memcpy's precomputed AVP headers
 *       and the values into the buffer: the same bytes with no lookups and
 *       no checks, the lower bound.
 *   parse+validate: wchg_dmsg_parse (every rule, occurrences included),
 *     against freeDiameter fd_msg_parse_buffer + fd_msg_parse_dict
 *     (+ fd_msg_parse_rules), each op including the malloc'd copy
 *     freeDiameter takes ownership of and fd_msg_free. Our parse checks
 *     the occurrence rules, which parse_dict does not; the info line
 *     diam_parse_noabnf (WCHG_DPARSE_NO_ABNF) is the like-for-like one;
 *     diam_parse_receive the receive policy (WCHG_DPARSE_RECEIVE) on the
 *     same clean message.
 *
 * freeDiameter runs with two dictionaries (set up by fd_ref.h, which
 * bench_ro shares):
 *   - "stockdict": as deployed, the core's base protocol dictionary plus
 *     the dict_nasreq, dict_dcca and dict_dcca_3gpp extensions (package
 *     freediameter-extensions; skipped when not installed), with the AVPs
 *     of the sample they lack (657/658) declared from our table;
 *   - "ourdict": every AVP, enumerated value, Grouped rule and command of
 *     wchg_dict_avps() declared with fd_dict_new (a much smaller
 *     dictionary, so freeDiameter's linear AVP lookups are cheaper).
 * Model lookups for building are done once, outside the timing, as a real
 * application caches them; values are handed over pre-encoded (Time and
 * Address as octets), so freeDiameter does less work than our writer.
 *
 * Prints: bench NAME ns_per_op=X ref=REF ref_ns_per_op=Y speedup=Y/X
 * plus allocs_per_op of our encoders and parser (target 0). Targets from
 * issue 3 are printed as met/MISSED; a miss does not fail the run. Exit 1
 * only when the messages disagree (our bytes vs the flat writer's) or the
 * set-up fails.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <webrtc_chg/diameter.h>

#include "diam_samples.h"

#include "bench_util.h"
#include "fd_ref.h"

static volatile size_t sink;

static void put32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

/* The sample as a tree (fd_ref.h): what freeDiameter and the flat writer
 * build. */
static struct fd_tree acr;

/* ------------------------------------------------------------------ */
/* The flat writer: precomputed headers, values copied in               */
/* ------------------------------------------------------------------ */

static uint8_t flat_msg_hdr[20];

static size_t flat_encode(uint8_t *buf, uint32_t hbh, uint32_t e2e) {
  uint8_t *p = buf;
  memcpy(p, flat_msg_hdr, 20);
  put32(p + 12, hbh);
  put32(p + 16, e2e);
  p += 20;
  for (size_t i = 0; i < acr.n; i++) {
    const struct fd_node *nd = &acr.nodes[i];
    memcpy(p, nd->hdr, nd->hl);
    p += nd->hl;
    switch (nd->avp.dict->type) {
    case WCHG_AVP_GROUPED:
      continue;
    case WCHG_AVP_INTEGER32: case WCHG_AVP_UNSIGNED32: case WCHG_AVP_ENUMERATED:
    case WCHG_AVP_FLOAT32:
      put32(p, (uint32_t)nd->num);
      p += 4;
      continue;
    case WCHG_AVP_INTEGER64: case WCHG_AVP_UNSIGNED64: case WCHG_AVP_FLOAT64:
      put32(p, (uint32_t)(nd->num >> 32));
      put32(p + 4, (uint32_t)nd->num);
      p += 8;
      continue;
    default:
      memcpy(p, nd->avp.data, nd->avp.len);
      p += nd->avp.len;
      memset(p, 0, 4); /* the buffer has room: the padding, then skip it */
      p += (4 - (nd->avp.len & 3)) & 3;
    }
  }
  return (size_t)(p - buf);
}

/* ------------------------------------------------------------------ */

int main(int argc, char **argv) {
  long iters = argc > 1 ? atol(argv[1]) : 20000;
  uint8_t buf[4096], out[4096];
  size_t len = 0, n = 0;
  wchg_dmsg m;
  wchg_diag d;

  sample_avps avps; /* the entries, resolved once as an application would */
  if (sample_avps_resolve(&avps) != 0) {
    fprintf(stderr, "bench: the dictionary lacks an AVP of the sample\n");
    return 1;
  }
  if (sample_acr(buf, sizeof buf, &len) != WCHG_OK ||
      wchg_dmsg_parse(buf, len, 0, &m, &d) != WCHG_OK) {
    fprintf(stderr, "bench: the sample ACR does not build or parse\n");
    return 1;
  }
  if (sample_acr_d(&avps, out, sizeof out, &n) != WCHG_OK || n != len || memcmp(out, buf, len)) {
    fprintf(stderr, "bench: the ACR built through entries differs from the one by code\n");
    return 1;
  }
  if (fd_tree_collect(&acr, &m) != 0 || acr.n != SAMPLE_ACR_AVPS) {
    fprintf(stderr, "bench: the sample has %zu AVPs, not %d\n", acr.n, SAMPLE_ACR_AVPS);
    return 1;
  }
  memcpy(flat_msg_hdr, buf, 20);
  printf("message: ACR START, %zu AVPs, %zu bytes\n", acr.n, len);
  if (flat_encode(out, 0x11223344, 0x55667788) != len || memcmp(out, buf, len)) {
    fprintf(stderr, "bench: the flat writer's bytes differ from ours\n");
    return 1;
  }

  /* freeDiameter: with its own dictionaries when installed, and with ours */
  static struct fd_refs refs;
  if (fd_refs_setup(&refs, &acr, "Accounting-Request", NULL) != 0)
    return 1;
  for (size_t r = 0; r < refs.n; r++)
    if (fd_compare(refs.list[r], buf, len, "ACR", "sample") < 0)
      return 1;

  /* ours (through entries, by code) and the flat writer */
  double ours_enc, ours_enc_code, flat_enc, ours_parse, ours_parse_noabnf, ours_parse_receive;
  MEASURE(ours_enc, iters, {
    sample_acr_d(&avps, out, sizeof out, &n);
    sink += n;
  });
  MEASURE(ours_enc_code, iters, {
    sample_acr(out, sizeof out, &n);
    sink += n;
  });
  MEASURE(flat_enc, iters, { sink += flat_encode(out, 0x11223344, (uint32_t)i_); });
  MEASURE(ours_parse, iters, { sink += wchg_dmsg_parse(buf, len, 0, &m, &d) == WCHG_OK; });
  MEASURE(ours_parse_noabnf, iters, {
    sink += wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF, &m, &d) == WCHG_OK;
  });
  wchg_warnings warn = {NULL, 0, 0};
  MEASURE(ours_parse_receive, iters, {
    sink += wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, &d, &warn) == WCHG_OK;
  });
  if (warn.count)
    fprintf(stderr, "bench: the sample ACR gave %zu warnings\n", warn.count), exit(1);
  allocs = 0;
  for (long i = 0; i < 1000; i++)
    sample_acr_d(&avps, out, sizeof out, &n);
  double enc_allocs = allocs / 1000.0;
  allocs = 0;
  for (long i = 0; i < 1000; i++)
    sample_acr(out, sizeof out, &n);
  double enc_code_allocs = allocs / 1000.0;
  allocs = 0;
  for (long i = 0; i < 1000; i++)
    wchg_dmsg_parse(buf, len, 0, &m, &d);
  double parse_allocs = allocs / 1000.0;

  /* freeDiameter: build+bufferize, parse_buffer+parse_dict(+parse_rules) */
  char ref[128];
  for (size_t r = 0; r < refs.n; r++) {
    const struct fdref *fd = refs.list[r];
    double fd_enc = fd_time_encode(fd, iters / 20 + 1, NULL), fd_dict_ns, fd_rules_ns;
    snprintf(ref, sizeof ref, "%s-build+bufferize", fd->label);
    line("diam_encode", ours_enc, ref, fd_enc, ">= 25x", fd_enc / ours_enc >= 25);
    info("diam_encode_bycode", ours_enc_code, ref, fd_enc,
         "each AVP's entry is looked up inside the timing, freeDiameter's models outside");
    if (fd_parse(fd, buf, len, false, NULL) == 0) {
      fd_dict_ns = fd_time_parse(fd, buf, len, false, iters / 20 + 1);
      snprintf(ref, sizeof ref, "%s-parse_buffer+parse_dict", fd->label);
      line("diam_parse", ours_parse, ref, fd_dict_ns, ">= 30x", fd_dict_ns / ours_parse >= 30);
      /* like for like: neither side checks occurrence rules */
      info("diam_parse_noabnf", ours_parse_noabnf, ref, fd_dict_ns,
           "WCHG_DPARSE_NO_ABNF: flags, lengths, types, no occurrence rules");
      info("diam_parse_receive", ours_parse_receive, ref, fd_dict_ns,
           "WCHG_DPARSE_RECEIVE on a clean message: the same fast path as strict");
    }
    if (fd_parse(fd, buf, len, true, NULL) == 0) {
      fd_rules_ns = fd_time_parse(fd, buf, len, true, iters / 20 + 1);
      snprintf(ref, sizeof ref, "%s-parse_buffer+parse_dict+parse_rules", fd->label);
      line("diam_parse", ours_parse, ref, fd_rules_ns, ">= 30x", fd_rules_ns / ours_parse >= 30);
    }
  }
  line("diam_encode", ours_enc, "flat-memcpy-writer", flat_enc, "<= 1.5x the flat writer",
       ours_enc <= 1.5 * flat_enc);
  info("diam_encode_bycode", ours_enc_code, "flat-memcpy-writer", flat_enc,
       "lookups by (code, vendor) inside the timing");
  printf("bench diam_encode allocs_per_op=%.2f (target 0: %s)\n", enc_allocs,
         enc_allocs == 0 ? "met" : "MISSED");
  printf("bench diam_encode_bycode allocs_per_op=%.2f (target 0: %s)\n", enc_code_allocs,
         enc_code_allocs == 0 ? "met" : "MISSED");
  printf("bench diam_parse allocs_per_op=%.2f (target 0: %s)\n", parse_allocs,
         parse_allocs == 0 ? "met" : "MISSED");
  return 0;
}
