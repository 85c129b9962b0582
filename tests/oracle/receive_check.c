/*
 * receive_check: our BER reader's receive policy on records that another
 * encoder wrote (tests/oracle/erl_bad.escript, Erlang/OTP asn1).
 *
 * Usage: receive_check [--cdrfile OUT MIXED] BAD.der...
 *
 * For each BAD.der (one pCSCFRecord with bad values) and BAD.paths beside
 * it (the field paths that hold them, one a line):
 *  - the strict policy refuses the record; the receive policy keeps it
 *    with at least one warning, and wchg_cdr_decode too;
 *  - DER of the kept record, and DER of its JSON read back, are the
 *    input bytes (BER -> JSON -> DER byte-identical);
 *  - wchg_cdr_validate names exactly those paths (every one of them, and
 *    no other: the rest of the record is valid).
 * With --cdrfile, the records of MIXED (pCSCFRecord, sCSCFRecord,
 * aSRecord, ... one after the other) are also written as the CDRs of a
 * TS 32.297 CDR file OUT, for cdr2json to read.
 *
 * Prints one line per failure, then
 *     receive-check: N records kept, M identical, P paths named
 * and exits 1 on any failure.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/cdr_json.h>

#define MAX_PATHS 16
#define MAX_DIAGS 64

static int failures;

static void fail(const char *file, const char *fmt, const char *a, const char *b) {
  printf("%s: ", file);
  printf(fmt, a, b);
  printf("\n");
  failures++;
}

static uint8_t *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf = NULL;
  long n;
  if (!f)
    return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) == (size_t)n) {
    buf[n] = 0;
    *len = (size_t)n;
  } else {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  return buf;
}

/* The DER of |c| equals |in|? */
static int same_der(const wchg_cdr *c, const uint8_t *in, size_t n) {
  size_t need = 0, len = 0;
  if (wchg_cdr_encode(c, NULL, 0, &need, NULL) != WCHG_E_BUFFER || need != n)
    return 0;
  uint8_t *out = malloc(need);
  int same = out && wchg_cdr_encode(c, out, need, &len, NULL) == WCHG_OK && len == n &&
             memcmp(out, in, n) == 0;
  free(out);
  return same;
}

/* BER -> JSON text -> record -> DER is |in|? */
static int json_round_trip(const wchg_cdr *c, const uint8_t *in, size_t n) {
  char *text = NULL;
  size_t need = 0, len = 0;
  wchg_cdr *back = NULL;
  int same = 0;
  if (wchg_cdr_to_json_text(c, 0, NULL, 0, &need, NULL) == WCHG_E_BUFFER &&
      (text = malloc(need)) &&
      wchg_cdr_to_json_text(c, 0, text, need, &len, NULL) == WCHG_OK &&
      wchg_cdr_from_json_text(text, len, NULL, &back, NULL) == WCHG_OK)
    same = same_der(back, in, n);
  wchg_cdr_free(back);
  free(text);
  return same;
}

/* The paths of BAD.paths, one a line. */
static size_t read_paths(const char *der, char paths[MAX_PATHS][192]) {
  char name[1024];
  size_t len = 0, n = 0;
  snprintf(name, sizeof name, "%.*s.paths", (int)(strlen(der) - 4), der);
  char *text = (char *)read_file(name, &len);
  for (char *line = text ? strtok(text, "\n") : NULL; line && n < MAX_PATHS;
       line = strtok(NULL, "\n"))
    snprintf(paths[n++], sizeof paths[0], "%s", line);
  free(text);
  return n;
}

/* wchg_cdr_validate names exactly |paths|: the number of them named. */
static size_t check_paths(const char *file, const wchg_cdr *c, char paths[][192], size_t n) {
  wchg_diag diags[MAX_DIAGS];
  size_t count = 0, named = 0;
  wchg_cdr_validate(c, 0, diags, MAX_DIAGS, &count);
  for (size_t i = 0; i < n; i++) {
    size_t j = 0;
    while (j < count && j < MAX_DIAGS && strcmp(diags[j].path, paths[i]) != 0)
      j++;
    if (j < count && j < MAX_DIAGS)
      named++;
    else
      fail(file, "validation does not name %s%s", paths[i], "");
  }
  for (size_t j = 0; j < count && j < MAX_DIAGS; j++) {
    size_t i = 0;
    while (i < n && strcmp(diags[j].path, paths[i]) != 0)
      i++;
    if (i == n)
      fail(file, "validation names %s, which holds no bad value: %s", diags[j].path,
           diags[j].message);
  }
  return named;
}

static void check_bad(const char *file, size_t *kept, size_t *identical, size_t *named) {
  char paths[MAX_PATHS][192];
  size_t n = 0, used = 0, np = read_paths(file, paths);
  uint8_t *in = read_file(file, &n);
  wchg_cdr *c = NULL;
  wchg_diag d, items[MAX_DIAGS];
  wchg_warnings w = {items, MAX_DIAGS, 0};
  if (!in || np == 0) {
    fail(file, "cannot read it or its .paths%s%s", "", "");
    free(in);
    return;
  }
  if (wchg_cdr_decode_ex(in, n, WCHG_POLICY_STRICT, NULL, &c, NULL, &d, NULL) == WCHG_OK) {
    fail(file, "the strict policy accepts it%s%s", "", "");
    wchg_cdr_free(c);
  }
  if (wchg_cdr_decode_ex(in, n, WCHG_POLICY_RECEIVE, NULL, &c, &used, &d, &w) != WCHG_OK) {
    fail(file, "the receive policy refuses it: %s: %s", d.path, d.message);
    free(in);
    return;
  }
  (*kept)++;
  if (used != n || w.count == 0)
    fail(file, "kept with no warning, or not all of it%s%s", "", "");
  if (same_der(c, in, n) && json_round_trip(c, in, n))
    (*identical)++;
  else
    fail(file, "DER, or DER of its JSON, differs from the input%s%s", "", "");
  *named += check_paths(file, c, paths, np);
  wchg_cdr_free(c);
  if (wchg_cdr_decode(in, n, NULL, &c, NULL, &d) != WCHG_OK)
    fail(file, "wchg_cdr_decode refuses it: %s: %s", d.path, d.message);
  wchg_cdr_free(c);
  free(in);
}

/* The records of |mixed| as the CDRs of a CDR file |out|. */
static void write_cdrfile(const char *out, const char *mixed) {
  static const wchg_cdrfile_time t = {1, 15, 13, 45, 60};
  size_t n = 0, len = 0, count = 0;
  uint8_t *in = read_file(mixed, &n);
  wchg_cdrfile_header h;
  wchg_cdrfile_writer wr;
  memset(&h, 0, sizeof h);
  h.opening_time = h.last_cdr_time = t;
  h.high_release = h.low_release = 17;
  h.node_address[10] = h.node_address[11] = 0xFF; /* ::ffff:192.0.2.10 */
  h.node_address[12] = 192;
  h.node_address[14] = 2;
  h.node_address[15] = 10;
  for (int pass = 0; pass < 2 && in; pass++) {
    uint8_t *buf = pass ? malloc(len) : NULL;
    wchg_cdrfile_begin(&wr, buf, pass ? len : 0, &h, NULL);
    count = 0;
    for (size_t off = 0; off < n;) {
      wchg_record_info info;
      wchg_diag d;
      if (wchg_cdr_peek(in + off, n - off, &info, &d) != WCHG_OK) {
        fail(mixed, "not a stream of IMSRecords: %s%s", d.message, "");
        break;
      }
      wchg_cdrfile_cdr cdr = {17, 9, WCHG_CDRFILE_BER, WCHG_CDRFILE_TS_IMS,
                              {in + off, info.length}, 0};
      wchg_cdrfile_add(&wr, &cdr);
      off += info.length;
      count++;
    }
    wchg_status st = wchg_cdrfile_finish(&wr, &t, WCHG_CDRFILE_CLOSE_NORMAL, &len);
    if (pass) {
      FILE *f = st == WCHG_OK ? fopen(out, "wb") : NULL;
      if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0)
        fail(out, "cannot write the CDR file (%s)%s", wchg_strerror(st), "");
    }
    free(buf);
  }
  if (!in)
    fail(mixed, "cannot read it%s%s", "", "");
  else
    printf("receive-check: %s: %zu records into %s\n", mixed, count, out);
  free(in);
}

int main(int argc, char **argv) {
  size_t kept = 0, identical = 0, named = 0;
  int first = 1;
  if (argc >= 4 && strcmp(argv[1], "--cdrfile") == 0) {
    write_cdrfile(argv[2], argv[3]);
    first = 4;
  }
  if (first >= argc) {
    fprintf(stderr, "usage: receive_check [--cdrfile OUT MIXED] BAD.der...\n");
    return 2;
  }
  for (int i = first; i < argc; i++)
    check_bad(argv[i], &kept, &identical, &named);
  printf("receive-check: %zu records kept, %zu identical, %zu paths named\n", kept,
         identical, named);
  return failures || kept != (size_t)(argc - first) ? 1 : 0;
}
