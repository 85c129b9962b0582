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

/* Append "|dir|/|name|" to |*names| (|*n| of |*cap|); -1 when out of
 * memory. */
static int add_name(char ***names, size_t *n, size_t *cap, const char *dir, const char *name) {
  if (*n == *cap) {
    size_t more_cap = *cap ? 2 * *cap : 64;
    char **more = realloc(*names, more_cap * sizeof **names);
    if (!more)
      return -1;
    *names = more;
    *cap = more_cap;
  }
  size_t len = strlen(dir) + strlen(name) + 2;
  if (!((*names)[*n] = malloc(len)))
    return -1;
  snprintf((*names)[*n], len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
  (*n)++;
  return 0;
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
    if (add_name(&names, &n, &cap, dir, e->d_name) != 0)
      goto fail;
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

/* What the command line asks for. */
struct opts {
  const char *aca_dir;  /* --aca: NULL when not given */
  const char *out_path; /* OUT.cdrfile */
  uint8_t ip[4];        /* --node-ip */
  bool have_ip;
  uint32_t seq;         /* --seq */
  char **files;         /* the ACR files */
  size_t nfiles;
  bool owned;           /* files (listed from a directory) are ours */
};

/* The state and counts of a run. */
struct run {
  wchg_cdf *cdf;
  wchg_acr_reader *reader;
  int status;           /* the exit status so far */
  size_t refused, duplicates, other;
  int64_t clock_ms;     /* the local clock, within the CDF's years */
  int64_t last_now;     /* the latest |now| given to the CDF */
  uint8_t aca[65536];
};

/* The value |v| of option |opt| (--aca, --node-ip, --seq): 0, or 2 after
 * a message. */
static int option_value(struct opts *o, const char *opt, const char *v) {
  if (opt[2] == 'a') {
    o->aca_dir = v;
  } else if (opt[2] == 'n') {
    if (parse_ipv4(v, o->ip) != 0) {
      fprintf(stderr, "acr2cdr: --node-ip %s: not an IPv4 address A.B.C.D\n", v);
      return 2;
    }
    o->have_ip = true;
  } else {
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (!*v || *end || errno || n > UINT32_MAX || v[0] == '-') {
      fprintf(stderr, "acr2cdr: --seq %s: not a number 0..4294967295\n", v);
      return 2;
    }
    o->seq = (uint32_t)n;
  }
  return 0;
}

/* The options before the operands (*|first|: the first operand). Returns
 * -1 to go on, else the exit status (--help, a usage error). */
static int parse_options(int argc, char **argv, struct opts *o, int *first) {
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    const char *opt = argv[i];
    if (strcmp(opt, "--help") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(opt, "--") == 0) {
      i++;
      break;
    } else if (strcmp(opt, "--aca") == 0 || strcmp(opt, "--node-ip") == 0 ||
               strcmp(opt, "--seq") == 0) {
      if (i + 1 >= argc) {
        fprintf(stderr, "acr2cdr: %s needs a value\n", opt);
        usage(stderr);
        return 2;
      }
      if (option_value(o, opt, argv[++i]) != 0)
        return 2;
    } else {
      fprintf(stderr, "acr2cdr: unknown option %s\n", opt);
      usage(stderr);
      return 2;
    }
  }
  *first = i;
  return -1;
}

/* The ACR files: the *.diam files of the one directory given, or the
 * files given. Returns 0, or 2 after a message. */
static int inputs(struct opts *o, char **args, int n) {
  struct stat st;
  if (n == 1 && stat(args[0], &st) == 0 && S_ISDIR(st.st_mode)) {
    if (!(o->files = list_dir(args[0], &o->nfiles))) {
      fprintf(stderr, "acr2cdr: %s: %s\n", args[0], strerror(errno));
      return 2;
    }
    o->owned = true;
    if (o->nfiles == 0) {
      fprintf(stderr, "acr2cdr: %s: no *.diam file\n", args[0]);
      free(o->files);
      return 2;
    }
  } else {
    o->files = args;
    o->nfiles = (size_t)n;
  }
  return 0;
}

/* The CDF of the run (cdf.h), with its node address from --node-ip. */
static wchg_cdf *new_cdf(const struct opts *o) {
  wchg_cdf_config cfg = {0};
  if (o->have_ip) {
    cfg.node_address.choice = WCHG_NODE_IP_ADDRESS;
    cfg.node_address.ip_address.choice = WCHG_IP_BIN_V4;
    memcpy(cfg.node_address.ip_address.bin, o->ip, 4);
  }
  cfg.session_timeout_ms = 1; /* only wchg_cdf_expire, at the end, uses it */
  cfg.duplicate_memory = 4096;
  cfg.first_local_record_sequence_number = 1;
  cfg.origin_host = WCHG_STR("acr2cdr.cdf.example.net");
  cfg.origin_realm = WCHG_STR("cdf.example.net");
  return wchg_cdf_new(&cfg);
}

/* The CDF's |now| for an ACR: its own event time (Event-Timestamp, else
 * SIP-Response-, else SIP-Request-Timestamp), else the latest |now| so
 * far, else the local clock. *|acr|: the ACR as read, NULL when it
 * cannot be read. */
static int64_t acr_now(struct run *r, const uint8_t *data, size_t len, const wchg_acr **acr) {
  wchg_diag d = {0};
  int64_t now = r->last_now ? r->last_now : r->clock_ms;
  *acr = NULL;
  if (wchg_acr_decode_ex(r->reader, data, len, WCHG_POLICY_RECEIVE, acr, &d, NULL) != WCHG_OK) {
    *acr = NULL;
    return now;
  }
  const wchg_time_ms *t[3] = {&(*acr)->event_timestamp, &(*acr)->sip_response_timestamp,
                              &(*acr)->sip_request_timestamp};
  for (int k = 0; k < 3; k++)
    if (t[k]->present) {
      if (t[k]->unix_ms >= MIN_MS && t[k]->unix_ms <= MAX_MS)
        now = t[k]->unix_ms;
      break;
    }
  return now;
}

/* Mark the run as failed with |status| (1) unless it failed already. */
static void failed(struct run *r) {
  r->status = r->status ? r->status : 1;
}

/* The ACA of |base| to ACA_DIR/<name>.aca.diam. */
static void write_aca(struct run *r, const struct opts *o, const char *base, size_t aca_len) {
  char name[4096];
  int n = snprintf(name, sizeof name, "%s/%.*s.aca.diam", o->aca_dir,
                   (int)(ends_with(base, ".diam") ? strlen(base) - 5 : strlen(base)), base);
  if (n < 0 || (size_t)n >= sizeof name || write_file(name, r->aca, aca_len) != 0) {
    fprintf(stderr, "acr2cdr: %s: %s\n", name,
            n < 0 || (size_t)n >= sizeof name ? strerror(ENAMETOOLONG) : strerror(errno));
    r->status = 2;
  }
}

/* The line of an ACR the CDF answered. */
static void print_line(const char *base, const wchg_acr *acr, const wchg_cdf_result *res) {
  if (acr)
    printf("%s: %s %" PRIu32 ": Result-Code %" PRIu32 ", %u CDR%s closed%s\n", base,
           type_name(acr->accounting_record_type), acr->accounting_record_number,
           res->result_code, res->cdrs, res->cdrs == 1 ? "" : "s",
           res->duplicate ? " (duplicate)" : "");
  else
    printf("%s: not a readable ACR: Result-Code %" PRIu32 "\n", base, res->result_code);
}

/* Report what the CDF made of |path| (read as |acr|, NULL when it could
 * not be): its line, a refusal, the ACA to write. Returns false when
 * the run stops (r->status 2). */
static bool report(struct run *r, const char *path, const char *base, const wchg_acr *acr,
                   wchg_status s, const wchg_cdf_result *res, const wchg_diag *d) {
  if (s == WCHG_E_TRUNCATED || s == WCHG_E_BUFFER || s == WCHG_E_ARG) {
    fprintf(stderr, "acr2cdr: %s: %s (no ACA)\n", path,
            d->message[0] ? d->message : wchg_strerror(s));
    if (s != WCHG_E_TRUNCATED) {
      r->status = 2;
      return false;
    }
    r->refused++;
    failed(r);
    return false;
  }
  if (res->result_code == 0) { /* the ACA encoder's error */
    fprintf(stderr, "acr2cdr: %s: the ACA: %s\n", path, wchg_strerror(s));
    r->status = 2;
    return false;
  }
  print_line(base, acr, res);
  if (res->duplicate)
    r->duplicates++;
  if (res->result_code != WCHG_RC_SUCCESS) {
    fprintf(stderr, "acr2cdr: %s: refused, Result-Code %" PRIu32 ": %s%s%s\n", path,
            res->result_code, d->path, d->path[0] ? ": " : "",
            d->message[0] ? d->message : wchg_strerror(s));
    r->refused++;
    failed(r);
  }
  return true;
}

/* What the CDF accepted in the ACR |path| but reported: one line each. */
static void print_warnings(const char *path, const wchg_warnings *w) {
  for (size_t k = 0; k < w->count && k < w->cap; k++)
    fprintf(stderr, "acr2cdr: %s: warning: offset %zu: %s: %s (Result-Code %" PRIu32 ")\n",
            path, w->items[k].offset, w->items[k].path, w->items[k].message,
            w->items[k].result_code);
}

/* Feed the ACR file |path| to the CDF, report it, write its ACA. */
static void feed(struct run *r, const struct opts *o, const char *path) {
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  const wchg_acr *acr;
  uint8_t *data;
  size_t len, aca_len = 0;
  if (read_all(path, &data, &len) != 0) {
    fprintf(stderr, "acr2cdr: %s: %s\n", path, strerror(errno));
    r->status = 2;
    return;
  }
  int64_t now = acr_now(r, data, len, &acr);
  if (now > r->last_now)
    r->last_now = now;
  wchg_cdf_result res = {0};
  wchg_diag items[32], d = {0};
  wchg_warnings warn = {items, sizeof items / sizeof items[0], 0};
  wchg_status s = wchg_cdf_feed_bytes_ex(r->cdf, data, len, now, r->aca, sizeof r->aca,
                                         &aca_len, &res, &d, &warn);
  free(data);
  print_warnings(path, &warn);
  if (s == WCHG_E_OTHER_NODE) { /* no ACA: the host's choice (cdf.h) */
    acr = wchg_cdf_last_acr(r->cdf);
    printf("%s: %s %" PRIu32 ": another node's ACR (Node-Functionality %" PRId32
           "): not folded, no ACA\n",
           base, type_name(acr->accounting_record_type), acr->accounting_record_number,
           acr->node_functionality);
    r->other++;
    failed(r);
    return;
  }
  if (report(r, path, base, acr, s, &res, &d) && o->aca_dir)
    write_aca(r, o, base, aca_len);
}

/* A run ends every session: the CDF's clock past the last ACR. */
static unsigned close_sessions(struct run *r) {
  unsigned at_end = 0;
  if (r->status == 2 || !r->last_now)
    return 0;
  wchg_status s = wchg_cdf_expire(r->cdf, r->last_now + 1 <= MAX_MS ? r->last_now + 1 : MAX_MS,
                                  &at_end);
  if (s != WCHG_OK) {
    fprintf(stderr, "acr2cdr: closing the open sessions: %s\n", wchg_strerror(s));
    r->status = 2;
  }
  return at_end;
}

/* The header of the CDR file: release 17, version 9, the run's opening
 * time, --seq, --node-ip (IPv4-mapped). */
static void file_header(const struct opts *o, wchg_cdrfile_time opening,
                        wchg_cdrfile_header *h) {
  memset(h, 0, sizeof *h);
  h->high_release = h->low_release = 17;
  h->high_version = h->low_version = 9;
  h->opening_time = h->last_cdr_time = opening;
  h->file_sequence_number = o->seq;
  h->closure_reason = WCHG_CDRFILE_CLOSE_NORMAL;
  if (o->have_ip) {
    h->node_address[10] = h->node_address[11] = 0xff;
    memcpy(h->node_address + 12, o->ip, 4);
  }
}

/* Every CDR of the CDF into the CDR file |buf| (|cap| bytes), and the
 * file to OUT.cdrfile. Returns 0, or 2 after a message. */
static int write_cdrs(struct run *r, const struct opts *o, const wchg_cdrfile_header *h,
                      uint8_t *buf, size_t cap, size_t *cdrs, size_t *file_len) {
  wchg_diag d = {0};
  wchg_cdrfile_writer w;
  const uint8_t *der;
  size_t der_len;
  wchg_cdrfile_begin(&w, buf, cap, h, &d);
  while (wchg_cdf_peek(r->cdf, &der, &der_len) == WCHG_OK) {
    wchg_cdrfile_cdr c = {17, 9, WCHG_CDRFILE_BER, WCHG_CDRFILE_TS_IMS, {der, der_len}, 0};
    wchg_cdrfile_add(&w, &c);
    wchg_cdf_pop(r->cdf);
    (*cdrs)++;
  }
  wchg_cdrfile_time last = local_stamp();
  wchg_status s = wchg_cdrfile_finish(&w, &last, WCHG_CDRFILE_CLOSE_NORMAL, file_len);
  if (s != WCHG_OK) {
    fprintf(stderr, "acr2cdr: %s: writing the CDR file: %s%s%s\n", o->out_path, d.path,
            d.path[0] ? ": " : "", wchg_strerror(s));
    return 2;
  }
  if (write_file(o->out_path, buf, *file_len) != 0) {
    fprintf(stderr, "acr2cdr: %s: %s\n", o->out_path, strerror(errno));
    return 2;
  }
  return 0;
}

/* The CDR file of the run (opened at |opening|). */
static void write_cdrfile(struct run *r, const struct opts *o, wchg_cdrfile_time opening,
                          size_t *cdrs, size_t *file_len) {
  wchg_cdf_stats stats;
  wchg_cdrfile_header h;
  if (r->status == 2)
    return;
  wchg_cdf_stats_get(r->cdf, &stats);
  size_t cap = 256 + stats.queued_bytes + 8 * stats.queued_cdrs;
  uint8_t *buf = malloc(cap);
  file_header(o, opening, &h);
  if (!buf) {
    fprintf(stderr, "acr2cdr: out of memory\n");
    r->status = 2;
    return;
  }
  if (write_cdrs(r, o, &h, buf, cap, cdrs, file_len) != 0)
    r->status = 2;
  free(buf);
}

/* The end of a run: its summary, and everything it held released. */
static int finish(struct run *r, struct opts *o, size_t cdrs, unsigned at_end, size_t file_len) {
  if (r->status != 2)
    printf("%zu ACRs (%zu refused, %zu duplicates, %zu of other nodes), %zu CDRs (%u closed at "
           "the end) in %s (%zu bytes)\n",
           o->nfiles, r->refused, r->duplicates, r->other, cdrs, at_end, o->out_path, file_len);
  if (fflush(stdout) != 0) {
    fprintf(stderr, "acr2cdr: writing the output: %s\n", strerror(errno));
    r->status = 2;
  }
  wchg_acr_reader_free(r->reader);
  wchg_cdf_free(r->cdf);
  if (o->owned) {
    for (size_t i = 0; i < o->nfiles; i++)
      free(o->files[i]);
    free(o->files);
  }
  return r->status;
}

/* The run's clock, CDF and ACR reader. Returns 0, or 2 after a message. */
static int start(struct run *r, const struct opts *o) {
  r->clock_ms = (int64_t)time(NULL) * 1000;
  if (r->clock_ms < MIN_MS || r->clock_ms > MAX_MS)
    r->clock_ms = MIN_MS;
  r->cdf = new_cdf(o);
  r->reader = wchg_acr_reader_new(NULL);
  if (!r->cdf || !r->reader) {
    fprintf(stderr, "acr2cdr: out of memory\n");
    return 2;
  }
  return 0;
}

int main(int argc, char **argv) {
  static struct run r;
  struct opts o = {0};
  int first, rc = parse_options(argc, argv, &o, &first);
  size_t cdrs = 0, file_len = 0;

  if (rc >= 0)
    return rc;
  if (argc - first < 2) {
    usage(stderr);
    return 2;
  }
  o.out_path = argv[first++];
  if (inputs(&o, argv + first, argc - first) != 0)
    return 2;
  if (o.aca_dir && make_dirs(o.aca_dir) != 0) {
    fprintf(stderr, "acr2cdr: %s: %s\n", o.aca_dir, strerror(errno));
    return 2;
  }
  wchg_cdrfile_time opening = local_stamp();
  if (start(&r, &o) != 0)
    return 2;
  for (size_t i = 0; i < o.nfiles && r.status != 2; i++)
    feed(&r, &o, o.files[i]);
  unsigned at_end = close_sessions(&r);
  write_cdrfile(&r, &o, opening, &cdrs, &file_len);
  return finish(&r, &o, cdrs, at_end, file_len);
}
