/*
 * cdr2json: print BER-encoded eP-CSCF CDRs as JSON.
 *
 *   cdr2json [--pretty] [--strict] FILE...
 *
 * Each FILE ("-" for standard input) holds one or more concatenated BER
 * IMSRecord encodings. Every record is printed as one JSON object: one per
 * line, or indented with --pretty. A pCSCFRecord is decoded in the receive
 * policy: a value that breaks its rule is kept (JSON shows it, see
 * cdr_json.h) and named on standard error,
 *
 *   cdr2json: FILE: record N at byte OFFSET: PATH: MESSAGE (warning: ERROR)
 *
 * and the exit status stays 0 (--strict refuses such a record instead).
 * An IMSRecord of another type (sCSCFRecord, aSRecord, ...) is printed as
 * {"otherRecord": {"tag": 63, "name": "sCSCFRecord", "ber": "..."}}, which
 * json2cdr writes back as the same bytes. On bytes that cannot be read the
 * message says where:
 *
 *   cdr2json: FILE: record N at byte OFFSET: PATH: MESSAGE (ERROR)
 *
 * and the exit status is 1, after every record before it was printed (the
 * other files are still converted).
 *
 * A FILE that parses as a TS 32.297 CDR file (wchg_cdrfile_parse) is
 * printed CDR by CDR the same way (record N is its Nth CDR, OFFSET the
 * byte of the file where the record's problem is).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/cdr_json.h> /* and <jansson.h> */

#include "read_all.h"

/* The policy: receive, or strict with --strict. */
static wchg_policy policy = WCHG_POLICY_RECEIVE;

/* Print "FILE: record N at byte OFFSET: PATH: MESSAGE (ERROR)", with
 * "warning: " before ERROR for a warning. */
static void report(const char *file, size_t record, size_t start,
                   wchg_status st, const wchg_diag *d, bool warning) {
  size_t at = start;
  if (d->code != WCHG_OK && d->offset != WCHG_NO_OFFSET)
    at += d->offset;
  fprintf(stderr, "cdr2json: %s: record %zu at byte %zu: %s: %s (%s%s)\n", file,
          record, at, d->path[0] ? d->path : "pCSCFRecord",
          d->message[0] ? d->message : wchg_strerror(st), warning ? "warning: " : "",
          wchg_strerror(st));
}

/* Print |json| as one line (or indented), and release it. */
static void print_json(json_t *json, size_t flags) {
  if (json_dumpf(json, stdout, flags) != 0 || fputc('\n', stdout) == EOF) {
    fprintf(stderr, "cdr2json: writing the output: %s\n", strerror(errno));
    exit(1);
  }
  json_decref(json);
}

/* Decode the record at |data| and print it: a pCSCFRecord, or another
 * IMSRecord as it is. *|used| is its length; 0 on success. */
static int convert_one(const char *file, const uint8_t *data, size_t len, size_t flags,
                       size_t at, size_t record, size_t *used) {
  wchg_cdr *cdr = NULL;
  wchg_diag d = {0}, items[16];
  wchg_warnings warn = {items, 16, 0};
  json_t *json = NULL;
  wchg_status st = wchg_cdr_decode_ex(data, len, policy, NULL, &cdr, used, &d, &warn);
  if (st == WCHG_E_OTHER_RECORD)
    st = wchg_other_record_to_json(data, *used, &json, &d);
  else if (st == WCHG_OK) {
    for (size_t i = 0; i < warn.count && i < warn.cap; i++)
      report(file, record, at, items[i].code, &items[i], true);
    if (warn.count > warn.cap)
      fprintf(stderr, "cdr2json: %s: record %zu at byte %zu: %zu more warnings\n", file,
              record, at, warn.count - warn.cap);
    st = wchg_cdr_to_json(cdr, &json, &d);
    if (st != WCHG_OK)
      d.offset = WCHG_NO_OFFSET;
    wchg_cdr_free(cdr);
  }
  if (st != WCHG_OK) {
    report(file, record, at, st, &d, false);
    return -1;
  }
  print_json(json, flags);
  return 0;
}

/* Convert the records of one file (or of one CDR of a CDR file: |base|
 * its offset in the file, |record| its number - 1, only its first record
 * taken); 0 on success. */
static int convert_at(const char *file, const uint8_t *data, size_t len,
                      size_t flags, size_t base, size_t record, bool one) {
  size_t off = 0;

  while (off < len && !(one && off > 0)) {
    size_t used = 0;
    if (convert_one(file, data + off, len - off, flags, base + off, ++record, &used) != 0)
      return -1;
    off += used;
  }
  if (one && off != len) {
    wchg_diag d = {0};
    report(file, record, base + off, WCHG_E_TRAILING, &d, false);
    return -1;
  }
  return 0;
}

/* Convert every record of one file, or every CDR of a TS 32.297 CDR
 * file; 0 on success. */
static int convert(const char *file, const uint8_t *data, size_t len,
                   size_t flags) {
  wchg_cdrfile f;
  wchg_diag d = {0};
  wchg_status st = wchg_cdrfile_parse(data, len, &f, &d);
  if (st != WCHG_OK) {
    /* a BER record starts with the tag BF 40; a CDR file with its own
     * length, which then says which it is: report the file's problem */
    bool file_like = len >= 4 && data[0] != 0xBF &&
                     ((size_t)data[0] << 24 | (size_t)data[1] << 16 |
                      (size_t)data[2] << 8 | data[3]) == len;
    if (!file_like)
      return convert_at(file, data, len, flags, 0, 0, false);
    fprintf(stderr, "cdr2json: %s: CDR file, byte %zu: %s: %s (%s)\n", file,
            d.offset == WCHG_NO_OFFSET ? 0 : d.offset, d.path, d.message,
            wchg_strerror(st));
    return -1;
  }

  wchg_cdrfile_iter it;
  wchg_cdrfile_cdr c;
  size_t n = 0;
  wchg_cdrfile_iter_init(&it, &f);
  while (wchg_cdrfile_next(&it, &c)) {
    size_t at = (size_t)(c.data.ptr - data);
    if (convert_at(file, c.data.ptr, c.data.len, flags, at, n++, true) != 0)
      return -1;
  }
  return 0;
}

static void usage(FILE *out) {
  fprintf(out, "usage: cdr2json [--pretty] [--strict] FILE...\n"
               "Print each BER-encoded IMSRecord CDR of each FILE "
               "(\"-\": standard input, or of a TS 32.297 CDR file)\nas a JSON object, one per line "
               "(--pretty: indented). A value that breaks its rule is\nkept and named on "
               "standard error (--strict: refused); a record of another type\nthan "
               "pCSCFRecord is printed as {\"otherRecord\": {...}} with its BER.\n");
}

static int convert_file(const char *path, const uint8_t *data, size_t len, void *ctx) {
  return convert(path, data, len, *(const size_t *)ctx);
}

int main(int argc, char **argv) {
  size_t flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
  int first = 1;

  for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
    if (strcmp(argv[first], "--pretty") == 0) {
      flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
    } else if (strcmp(argv[first], "--strict") == 0) {
      policy = WCHG_POLICY_STRICT;
    } else if (strcmp(argv[first], "--help") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(argv[first], "--") == 0) {
      first++;
      break;
    } else {
      fprintf(stderr, "cdr2json: unknown option %s\n", argv[first]);
      usage(stderr);
      return 2;
    }
  }
  if (first >= argc) {
    usage(stderr);
    return 2;
  }
  return each_file("cdr2json", argv + first, argc - first, convert_file, &flags);
}
