/*
 * acr2cdr: run Diameter ACR message files through the CDF (cdf.h) and
 * write the CDRs it closes into one TS 32.297 CDR file (cdrfile.h).
 *
 *   acr2cdr [--aca DIR] [--node-ip A.B.C.D] [--seq N] OUT.cdrfile (DIR | FILE...)
 *
 * The input is a directory (its *.diam files in name order, except
 * *.aca.diam) or a list of files, each one ACR message. Each is fed to
 * one wchg_cdf with wchg_cdf_feed_bytes. The CDF has no clock: the |now|
 * of each ACR is its own event time (Event-Timestamp, else SIP-Response-,
 * else SIP-Request-Timestamp), else the latest |now| so far, else the
 * local clock. With --aca DIR the ACA of each ACR is written to
 * DIR/<name>.aca.diam (<name>: the file name without ".diam").
 *
 * A run ends every session: after the last ACR, wchg_cdf_expire at the
 * latest |now| + 1 ms (session timeout 1 ms) closes each session still
 * open (no STOP seen) with aCRStopLost, causeForRecordClosing timeLimit.
 * Every CDR is then written to OUT.cdrfile: CDR headers release 17,
 * version 9, BER, TS number 9; file header opening time the start of the
 * run and last CDR time its end (local clock and UTC offset), closure
 * reason normal, file sequence number --seq (0), node address --node-ip
 * (IPv4-mapped; absent: ::). --node-ip is also the CDRs' nodeAddress
 * (absent: the domain name of the session's Origin-Host). The CDRs'
 * time stamps are written in UTC.
 *
 * The CDF reads the ACRs in the receive policy (cdf.h): an ACR that
 * deviates from the rules but can be read is folded, each deviation a
 * warning on stderr:
 *
 *   acr2cdr: FILE: warning: offset N: PATH: MESSAGE (Result-Code RC)
 *
 * An ACR of another node (Node-Functionality not P-CSCF) is not folded
 * and gets no ACA (the host's choice, cdf.h): its line says so.
 *
 * One line per ACR on stdout (name, record type and number, Result-Code,
 * CDRs it closed) and a summary. Exit status: 0, 1 when an ACR was
 * refused (Result-Code other than 2001) or was another node's (its
 * record is not in OUT.cdrfile), 2 on a usage or I/O error.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include <webrtc_chg/webrtc_chg.h>

#include "file_out.h"
#include "read_all.h"

#define MIN_MS INT64_C(946684800000)  /* 2000-01-01T00:00:00Z */
#define MAX_MS INT64_C(4102444799999) /* 2099-12-31T23:59:59.999Z */

static void usage(FILE *out) {
  fprintf(out,
          "usage: acr2cdr [--aca DIR] [--node-ip A.B.C.D] [--seq N] OUT.cdrfile "
          "(DIR | FILE...)\n"
          "Feed each Diameter ACR (DIR: its *.diam files in name order) to a CDF,\n"
          "write every CDR into the TS 32.297 file OUT.cdrfile (sessions still open\n"
          "at the end are closed) and, with --aca, each ACA to DIR/<name>.aca.diam.\n");
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The *.diam files of |dir| (not *.aca.diam), sorted; NULL on error. */
static char **list_dir(const char *dir, size_t *count) {
  DIR *d = opendir(dir);
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;

  if (!d)
    return NULL;
  while ((errno = 0, e = readdir(d)) != NULL) {
    if (!ends_with(e->d_name, ".diam") || ends_with(e->d_name, ".aca.diam"))
      continue;
    if (n == cap) {
      char **more = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof *names);
      if (!more)
        goto fail;
      names = more;
    }
    size_t len = strlen(dir) + strlen(e->d_name) + 2;
    if (!(names[n] = malloc(len)))
      goto fail;
    snprintf(names[n], len, "%s%s%s", dir,
             dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
    n++;
  }
  if (errno != 0)
    goto fail;
  closedir(d);
  if (n)
    qsort(names, n, sizeof *names, cmp_names);
  *count = n;
  return names ? names : calloc(1, sizeof *names);
fail:
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  closedir(d);
  if (errno == 0)
    errno = ENOMEM;
  return NULL;
}

/* The local time now as a CDR file header time stamp. */
static wchg_cdrfile_time local_stamp(void) {
  wchg_cdrfile_time t = {1, 1, 0, 0, 0};
  time_t now = time(NULL);
  struct tm l, g;
  if (!localtime_r(&now, &l) || !gmtime_r(&now, &g))
    return t;
  int days = l.tm_year != g.tm_year ? (l.tm_year > g.tm_year ? 1 : -1)
                                    : l.tm_yday - g.tm_yday;
  int off = days * 1440 + (l.tm_hour - g.tm_hour) * 60 + (l.tm_min - g.tm_min);
  t.month = (uint8_t)(l.tm_mon + 1);
  t.day = (uint8_t)l.tm_mday;
  t.hour = (uint8_t)l.tm_hour;
  t.minute = (uint8_t)l.tm_min;
  t.utc_offset = (int16_t)(off < -1439 || off > 1439 ? 0 : off);
  return t;
}

static const char *type_name(int32_t type) {
  switch (type) {
  case WCHG_ACR_EVENT: return "EVENT";
  case WCHG_ACR_START: return "START";
  case WCHG_ACR_INTERIM: return "INTERIM";
  case WCHG_ACR_STOP: return "STOP";
  default: return "?";
  }
}

static int parse_ipv4(const char *s, uint8_t out[4]) {
  unsigned a[4];
  char end;
  if (sscanf(s, "%u.%u.%u.%u%c", &a[0], &a[1], &a[2], &a[3], &end) != 4)
    return -1;
  for (int i = 0; i < 4; i++) {
    if (a[i] > 255)
      return -1;
    out[i] = (uint8_t)a[i];
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *aca_dir = NULL, *out_path;
  uint8_t ip[4];
  bool have_ip = false;
  uint32_t seq = 0;
  int first = 1;

  for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
    const char *opt = argv[first];
    if (strcmp(opt, "--help") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(opt, "--") == 0) {
      first++;
      break;
    } else if (strcmp(opt, "--aca") == 0 || strcmp(opt, "--node-ip") == 0 ||
               strcmp(opt, "--seq") == 0) {
      if (first + 1 >= argc) {
        fprintf(stderr, "acr2cdr: %s needs a value\n", opt);
        usage(stderr);
        return 2;
      }
      const char *v = argv[++first];
      if (opt[2] == 'a') {
        aca_dir = v;
      } else if (opt[2] == 'n') {
        if (parse_ipv4(v, ip) != 0) {
          fprintf(stderr, "acr2cdr: --node-ip %s: not an IPv4 address A.B.C.D\n", v);
          return 2;
        }
        have_ip = true;
      } else {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(v, &end, 10);
        if (!*v || *end || errno || n > UINT32_MAX || v[0] == '-') {
          fprintf(stderr, "acr2cdr: --seq %s: not a number 0..4294967295\n", v);
          return 2;
        }
        seq = (uint32_t)n;
      }
    } else {
      fprintf(stderr, "acr2cdr: unknown option %s\n", opt);
      usage(stderr);
      return 2;
    }
  }
  if (argc - first < 2) {
    usage(stderr);
    return 2;
  }
  out_path = argv[first++];

  /* the inputs */
  char **files;
  size_t nfiles;
  bool owned = false;
  struct stat st;
  if (argc - first == 1 && stat(argv[first], &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!(files = list_dir(argv[first], &nfiles))) {
      fprintf(stderr, "acr2cdr: %s: %s\n", argv[first], strerror(errno));
      return 2;
    }
    owned = true;
    if (nfiles == 0) {
      fprintf(stderr, "acr2cdr: %s: no *.diam file\n", argv[first]);
      free(files);
      return 2;
    }
  } else {
    files = argv + first;
    nfiles = (size_t)(argc - first);
  }
  if (aca_dir && make_dirs(aca_dir) != 0) {
    fprintf(stderr, "acr2cdr: %s: %s\n", aca_dir, strerror(errno));
    return 2;
  }

  wchg_cdrfile_time opening = local_stamp();
  int64_t clock_ms = (int64_t)time(NULL) * 1000;
  if (clock_ms < MIN_MS || clock_ms > MAX_MS)
    clock_ms = MIN_MS;

  wchg_cdf_config cfg = {0};
  if (have_ip) {
    cfg.node_address.choice = WCHG_NODE_IP_ADDRESS;
    cfg.node_address.ip_address.choice = WCHG_IP_BIN_V4;
    memcpy(cfg.node_address.ip_address.bin, ip, 4);
  }
  cfg.session_timeout_ms = 1; /* only wchg_cdf_expire, at the end, uses it */
  cfg.duplicate_memory = 4096;
  cfg.first_local_record_sequence_number = 1;
  cfg.origin_host = WCHG_STR("acr2cdr.cdf.example.net");
  cfg.origin_realm = WCHG_STR("cdf.example.net");
  wchg_cdf *cdf = wchg_cdf_new(&cfg);
  wchg_acr_reader *reader = wchg_acr_reader_new(NULL);
  if (!cdf || !reader) {
    fprintf(stderr, "acr2cdr: out of memory\n");
    return 2;
  }

  static uint8_t aca[65536];
  int status = 0;
  size_t refused = 0, duplicates = 0, other = 0;
  int64_t last_now = 0;
  for (size_t i = 0; i < nfiles && status != 2; i++) {
    const char *path = files[i];
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    uint8_t *data;
    size_t len;
    if (read_all(path, &data, &len) != 0) {
      fprintf(stderr, "acr2cdr: %s: %s\n", path, strerror(errno));
      status = 2;
      break;
    }

    /* the ACR's own time, for the CDF's |now| */
    const wchg_acr *acr = NULL;
    wchg_diag d = {0};
    int64_t now = last_now ? last_now : clock_ms;
    if (wchg_acr_decode_ex(reader, data, len, WCHG_POLICY_RECEIVE, &acr, &d, NULL) == WCHG_OK) {
      const wchg_time_ms *t[3] = {&acr->event_timestamp, &acr->sip_response_timestamp,
                                  &acr->sip_request_timestamp};
      for (int k = 0; k < 3; k++)
        if (t[k]->present) {
          if (t[k]->unix_ms >= MIN_MS && t[k]->unix_ms <= MAX_MS)
            now = t[k]->unix_ms;
          break;
        }
    } else {
      acr = NULL;
    }
    if (now > last_now)
      last_now = now;

    wchg_cdf_result res = {0};
    size_t aca_len = 0;
    wchg_diag items[32];
    wchg_warnings warn = {items, sizeof items / sizeof items[0], 0};
    memset(&d, 0, sizeof d);
    wchg_status s = wchg_cdf_feed_bytes_ex(cdf, data, len, now, aca, sizeof aca, &aca_len,
                                           &res, &d, &warn);
    free(data);
    for (size_t k = 0; k < warn.count && k < warn.cap; k++)
      fprintf(stderr, "acr2cdr: %s: warning: offset %zu: %s: %s (Result-Code %" PRIu32 ")\n",
              path, items[k].offset, items[k].path, items[k].message, items[k].result_code);
    if (s == WCHG_E_OTHER_NODE) { /* no ACA: the host's choice (cdf.h) */
      acr = wchg_cdf_last_acr(cdf);
      printf("%s: %s %" PRIu32 ": another node's ACR (Node-Functionality %" PRId32
             "): not folded, no ACA\n",
             base, type_name(acr->accounting_record_type), acr->accounting_record_number,
             acr->node_functionality);
      other++;
      status = status ? status : 1;
      continue;
    }
    if (s == WCHG_E_TRUNCATED || s == WCHG_E_BUFFER || s == WCHG_E_ARG) {
      fprintf(stderr, "acr2cdr: %s: %s (no ACA)\n", path,
              d.message[0] ? d.message : wchg_strerror(s));
      if (s == WCHG_E_TRUNCATED) {
        refused++;
        status = status ? status : 1;
        continue;
      }
      status = 2;
      break;
    }
    if (res.result_code == 0) { /* the ACA encoder's error */
      fprintf(stderr, "acr2cdr: %s: the ACA: %s\n", path, wchg_strerror(s));
      status = 2;
      break;
    }
    if (acr)
      printf("%s: %s %" PRIu32 ": Result-Code %" PRIu32 ", %u CDR%s closed%s\n", base,
             type_name(acr->accounting_record_type), acr->accounting_record_number,
             res.result_code, res.cdrs, res.cdrs == 1 ? "" : "s",
             res.duplicate ? " (duplicate)" : "");
    else
      printf("%s: not a readable ACR: Result-Code %" PRIu32 "\n", base, res.result_code);
    if (res.duplicate)
      duplicates++;
    if (res.result_code != WCHG_RC_SUCCESS) {
      fprintf(stderr, "acr2cdr: %s: refused, Result-Code %" PRIu32 ": %s%s%s\n", path,
              res.result_code, d.path, d.path[0] ? ": " : "",
              d.message[0] ? d.message : wchg_strerror(s));
      refused++;
      status = status ? status : 1;
    }
    if (aca_dir) {
      char name[4096];
      int n = snprintf(name, sizeof name, "%s/%.*s.aca.diam", aca_dir,
                       (int)(ends_with(base, ".diam") ? strlen(base) - 5 : strlen(base)),
                       base);
      if (n < 0 || (size_t)n >= sizeof name || write_file(name, aca, aca_len) != 0) {
        fprintf(stderr, "acr2cdr: %s: %s\n", name, n < 0 || (size_t)n >= sizeof name
                ? strerror(ENAMETOOLONG) : strerror(errno));
        status = 2;
      }
    }
  }

  /* a run ends every session */
  unsigned at_end = 0;
  if (status != 2 && last_now) {
    wchg_status s = wchg_cdf_expire(cdf, last_now + 1 <= MAX_MS ? last_now + 1 : MAX_MS,
                                    &at_end);
    if (s != WCHG_OK) {
      fprintf(stderr, "acr2cdr: closing the open sessions: %s\n", wchg_strerror(s));
      status = 2;
    }
  }

  /* the CDR file */
  size_t cdrs = 0, file_len = 0;
  if (status != 2) {
    wchg_cdf_stats stats;
    wchg_cdf_stats_get(cdf, &stats);
    size_t cap = 256 + stats.queued_bytes + 8 * stats.queued_cdrs;
    uint8_t *buf = malloc(cap);
    wchg_cdrfile_header h = {0};
    wchg_diag d = {0};
    wchg_cdrfile_writer w;
    h.high_release = h.low_release = 17;
    h.high_version = h.low_version = 9;
    h.opening_time = h.last_cdr_time = opening;
    h.file_sequence_number = seq;
    h.closure_reason = WCHG_CDRFILE_CLOSE_NORMAL;
    if (have_ip) {
      h.node_address[10] = h.node_address[11] = 0xff;
      memcpy(h.node_address + 12, ip, 4);
    }
    if (!buf) {
      fprintf(stderr, "acr2cdr: out of memory\n");
      status = 2;
    } else {
      wchg_cdrfile_begin(&w, buf, cap, &h, &d);
      const uint8_t *der;
      size_t der_len;
      while (wchg_cdf_peek(cdf, &der, &der_len) == WCHG_OK) {
        wchg_cdrfile_cdr c = {17, 9, WCHG_CDRFILE_BER, WCHG_CDRFILE_TS_IMS,
                              {der, der_len}, 0};
        wchg_cdrfile_add(&w, &c);
        wchg_cdf_pop(cdf);
        cdrs++;
      }
      wchg_cdrfile_time last = local_stamp();
      wchg_status s = wchg_cdrfile_finish(&w, &last, WCHG_CDRFILE_CLOSE_NORMAL, &file_len);
      if (s != WCHG_OK) {
        fprintf(stderr, "acr2cdr: %s: writing the CDR file: %s%s%s\n", out_path,
                d.path, d.path[0] ? ": " : "", wchg_strerror(s));
        status = 2;
      } else if (write_file(out_path, buf, file_len) != 0) {
        fprintf(stderr, "acr2cdr: %s: %s\n", out_path, strerror(errno));
        status = 2;
      }
      free(buf);
    }
  }
  if (status != 2)
    printf("%zu ACRs (%zu refused, %zu duplicates, %zu of other nodes), %zu CDRs (%u closed at "
           "the end) in %s (%zu bytes)\n",
           nfiles, refused, duplicates, other, cdrs, at_end, out_path, file_len);
  if (fflush(stdout) != 0) {
    fprintf(stderr, "acr2cdr: writing the output: %s\n", strerror(errno));
    status = 2;
  }

  wchg_acr_reader_free(reader);
  wchg_cdf_free(cdf);
  if (owned) {
    for (size_t i = 0; i < nfiles; i++)
      free(files[i]);
    free(files);
  }
  return status;
}
