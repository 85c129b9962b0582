/*
 * diam_interop: the helper of tests/interop/tshark_check.sh.
 *
 *   diam_interop write DIR   write the sample messages as DIR/NAME.diam:
 *                            sample_acr and sample_ccr (tests/unit/
 *                            diam_samples.c), an ACA and a CCA answering
 *                            them, and an ACR STOP with the AVPs where
 *                            tshark's dictionary differs from TS 32.299
 *                            (docs/wireshark-dictionary.md)
 *   diam_interop list FILE   read the one Diameter message in FILE with our
 *                            reader (WCHG_DPARSE_NO_ABNF) and print, tab
 *                            separated, the codes, flags and lengths of its
 *                            AVPs in tree order (each list joined by '|'),
 *                            the way `tshark -T fields -E occurrence=a
 *                            -E aggregator='|' -e diameter.avp.code
 *                            -e diameter.avp.flags -e diameter.avp.len`
 *                            prints them
 *
 * Exit status 0, or 1 with a message on standard error.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/diameter.h>

#include "diam_samples.h"

#define V3 10415u

/* The ACA answering sample_acr (same ids, Result-Code 2001). */
static wchg_status sample_aca(uint8_t *buf, size_t cap, size_t *len) {
  static const char sid[] = "pcscf1.ims.example.com;1795510800;1;h3-call";
  wchg_dwriter w;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_P, WCHG_CMD_ACCOUNTING, WCHG_APP_BASE_ACCOUNTING,
                 0x11223344, 0x55667788);
  wchg_dw_utf8(&w, 263, 0, sid, sizeof sid - 1);         /* Session-Id */
  wchg_dw_u32(&w, 268, 0, 2001);                         /* Result-Code */
  wchg_dw_octets(&w, 264, 0, "cdf1.ims.example.com", 20); /* Origin-Host */
  wchg_dw_octets(&w, 296, 0, "ims.example.com", 15);     /* Origin-Realm */
  wchg_dw_i32(&w, 480, 0, 2);                            /* START_RECORD */
  wchg_dw_u32(&w, 485, 0, 0);                            /* Accounting-Record-Number */
  wchg_dw_u32(&w, 259, 0, 3);                            /* Acct-Application-Id */
  wchg_dw_u32(&w, 85, 0, 300);                           /* Acct-Interim-Interval */
  return wchg_dw_finish(&w, len);
}

/* The CCA answering sample_ccr: 60 s granted for rating group 100. */
static wchg_status sample_cca(uint8_t *buf, size_t cap, size_t *len) {
  static const char sid[] = "imsgwf1.ims.example.com;1795510800;7;h3-call";
  wchg_dwriter w;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL, WCHG_APP_CREDIT_CONTROL,
                 0x01020304, 0x05060708);
  wchg_dw_utf8(&w, 263, 0, sid, sizeof sid - 1);         /* Session-Id */
  wchg_dw_u32(&w, 268, 0, 2001);                         /* Result-Code */
  wchg_dw_octets(&w, 264, 0, "ocs1.ims.example.com", 20); /* Origin-Host */
  wchg_dw_octets(&w, 296, 0, "ims.example.com", 15);     /* Origin-Realm */
  wchg_dw_u32(&w, 258, 0, 4);                            /* Auth-Application-Id */
  wchg_dw_i32(&w, 416, 0, 1);                            /* INITIAL_REQUEST */
  wchg_dw_u32(&w, 415, 0, 0);                            /* CC-Request-Number */
  wchg_dw_group_begin(&w, 456, 0);                       /* Multiple-Services-Credit-Control */
  wchg_dw_group_begin(&w, 431, 0);                       /* Granted-Service-Unit */
  wchg_dw_u32(&w, 420, 0, 60);                           /* CC-Time */
  wchg_dw_group_end(&w);
  wchg_dw_u32(&w, 432, 0, 100);                          /* Rating-Group */
  wchg_dw_u32(&w, 448, 0, 3600);                         /* Validity-Time */
  wchg_dw_u32(&w, 268, 0, 2001);                         /* Result-Code */
  wchg_dw_group_end(&w);
  return wchg_dw_finish(&w, len);
}

/* The ACR STOP of the same session, with the IMS-Information AVPs on
 * which tshark 4.0's dictionary and TS 32.299 disagree: Role-Of-Node 2
 * (FORWARDING_ROLE; PROXY_ROLE to tshark), Transit-IOI-List and
 * IMS-Emergency-Indicator (unknown to tshark), From-Address (UTF8String;
 * an IPAddress to tshark), Cause-Code -302 (negative 3xx; tshark lists
 * positive 3xx). */
static wchg_status sample_acr_stop(uint8_t *buf, size_t cap, size_t *len) {
  static const char sid[] = "pcscf1.ims.example.com;1795510800;1;h3-call";
  wchg_dwriter w;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, WCHG_CMD_ACCOUNTING,
                 WCHG_APP_BASE_ACCOUNTING, 0x11223345, 0x55667789);
  wchg_dw_utf8(&w, 263, 0, sid, sizeof sid - 1);         /* Session-Id */
  wchg_dw_octets(&w, 264, 0, "pcscf1.ims.example.com", 22); /* Origin-Host */
  wchg_dw_octets(&w, 296, 0, "ims.example.com", 15);     /* Origin-Realm */
  wchg_dw_octets(&w, 283, 0, "ims.example.com", 15);     /* Destination-Realm */
  wchg_dw_i32(&w, 480, 0, 4);                            /* STOP_RECORD */
  wchg_dw_u32(&w, 485, 0, 1);                            /* Accounting-Record-Number */
  wchg_dw_u32(&w, 259, 0, 3);                            /* Acct-Application-Id */
  wchg_dw_time(&w, 55, 0, 1795510920);                   /* Event-Timestamp */
  wchg_dw_group_begin(&w, 873, V3);                      /* Service-Information */
  wchg_dw_group_begin(&w, 876, V3);                      /* IMS-Information */
  wchg_dw_i32(&w, 829, V3, 2);                           /* Role-Of-Node: FORWARDING_ROLE */
  wchg_dw_i32(&w, 862, V3, 1);                           /* Node-Functionality: P-CSCF */
  wchg_dw_utf8(&w, 2701, V3, "ims.transit.example.net", 23); /* Transit-IOI-List */
  wchg_dw_utf8(&w, 2701, V3, "unknown", 7);
  wchg_dw_i32(&w, 861, V3, -302);                        /* Cause-Code: 302 Moved Temporarily */
  wchg_dw_utf8(&w, 2708, V3, "sip:alice@ims.example.com", 25); /* From-Address */
  wchg_dw_i32(&w, 2322, V3, 0);                          /* IMS-Emergency-Indicator: none */
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  return wchg_dw_finish(&w, len);
}

static const struct {
  const char *name;
  wchg_status (*build)(uint8_t *, size_t, size_t *);
} samples[] = {
    {"sample_acr", sample_acr},
    {"sample_ccr", sample_ccr},
    {"sample_aca", sample_aca},
    {"sample_cca", sample_cca},
    {"sample_acr_stop", sample_acr_stop},
};

static int write_all(const char *dir) {
  uint8_t buf[8192];
  char path[4096];
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
    size_t len = 0;
    wchg_status st = samples[i].build(buf, sizeof buf, &len);
    if (st != WCHG_OK) {
      fprintf(stderr, "diam_interop: %s: %s\n", samples[i].name, wchg_strerror(st));
      return 1;
    }
    snprintf(path, sizeof path, "%s/%s.diam", dir, samples[i].name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
      fprintf(stderr, "diam_interop: %s: %s\n", path, strerror(errno));
      return 1;
    }
  }
  return 0;
}

/* Append the AVPs of one level (and, depth first, their children). */
static void collect(const wchg_dmsg *m, const wchg_avp *group, FILE *codes, FILE *flags,
                    FILE *lens) {
  wchg_avp_iter it;
  wchg_avp a;
  wchg_avp_iter_group(&it, m, group);
  while (wchg_avp_next(&it, &a)) {
    size_t hl = a.flags & WCHG_AVP_FLAG_V ? 12 : 8;
    fprintf(codes, "%s%" PRIu32, ftell(codes) ? "|" : "", a.code);
    fprintf(flags, "%s0x%02x", ftell(flags) ? "|" : "", a.flags);
    fprintf(lens, "%s%zu", ftell(lens) ? "|" : "", hl + a.len);
    if (a.dict && a.dict->type == WCHG_AVP_GROUPED)
      collect(m, &a, codes, flags, lens);
  }
}

static int list(const char *path) {
  static uint8_t buf[1 << 24];
  FILE *f = fopen(path, "rb");
  size_t n;
  if (!f) {
    fprintf(stderr, "diam_interop: %s: %s\n", path, strerror(errno));
    return 1;
  }
  n = fread(buf, 1, sizeof buf, f);
  fclose(f);

  wchg_dmsg m;
  wchg_diag d;
  if (wchg_dmsg_parse(buf, n, WCHG_DPARSE_NO_ABNF, &m, &d) != WCHG_OK) {
    fprintf(stderr, "diam_interop: %s: offset %zu: %s: %s (Result-Code %" PRIu32 ")\n", path,
            d.offset, d.path[0] ? d.path : "header", d.message, d.result_code);
    return 1;
  }
  char *cs = NULL, *fs = NULL, *ls = NULL;
  size_t cn, fn, ln;
  FILE *codes = open_memstream(&cs, &cn), *flags = open_memstream(&fs, &fn),
       *lens = open_memstream(&ls, &ln);
  if (!codes || !flags || !lens)
    return 1;
  collect(&m, NULL, codes, flags, lens);
  fclose(codes);
  fclose(flags);
  fclose(lens);
  printf("%s\t%s\t%s\n", cs, fs, ls);
  free(cs);
  free(fs);
  free(ls);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "write") == 0)
    return write_all(argv[2]);
  if (argc == 3 && strcmp(argv[1], "list") == 0)
    return list(argv[2]);
  fprintf(stderr, "usage: diam_interop write DIR | diam_interop list FILE\n");
  return 2;
}
