/*
 * cdr2json: print BER-encoded eP-CSCF CDRs as JSON.
 *
 *   cdr2json [--pretty] FILE...
 *
 * Each FILE ("-" for standard input) holds one or more concatenated BER
 * IMSRecord encodings (pCSCFRecord). Every record is printed as one JSON
 * object: one per line, or indented with --pretty. On bad input the
 * message says where:
 *
 *   cdr2json: FILE: record N at byte OFFSET: PATH: MESSAGE (ERROR)
 *
 * and the exit status is 1 (the other files are still converted).
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

#include "read_all.h"

/* Print "FILE: record N at byte OFFSET: PATH: MESSAGE (ERROR)". */
static void report(const char *file, size_t record, size_t start,
                   wchg_status st, const wchg_diag *d) {
  size_t at = start;
  if (d->code != WCHG_OK && d->offset != WCHG_NO_OFFSET)
    at += d->offset;
  fprintf(stderr, "cdr2json: %s: record %zu at byte %zu: %s: %s (%s)\n", file,
          record, at, d->path[0] ? d->path : "pCSCFRecord",
          d->message[0] ? d->message : wchg_strerror(st), wchg_strerror(st));
}

/* Convert the records of one file (or of one CDR of a CDR file: |base|
 * its offset in the file, |record| its number - 1, only its first record
 * taken); 0 on success. */
static int convert_at(const char *file, const uint8_t *data, size_t len,
                      size_t flags, size_t base, size_t record, bool one) {
  size_t off = 0;

  while (off < len && !(one && off > 0)) {
    wchg_cdr *cdr = NULL;
    wchg_diag d = {0};
    size_t used = 0;
    json_t *json = NULL;

    record++;
    wchg_status st =
        wchg_cdr_decode(data + off, len - off, NULL, &cdr, &used, &d);
    if (st != WCHG_OK) {
      report(file, record, base + off, st, &d);
      return -1;
    }
    st = wchg_cdr_to_json(cdr, &json, &d);
    if (st != WCHG_OK) {
      /* a valid BER record JSON cannot carry, e.g. text not in UTF-8 */
      d.offset = WCHG_NO_OFFSET;
      report(file, record, base + off, st, &d);
      wchg_cdr_free(cdr);
      return -1;
    }
    if (json_dumpf(json, stdout, flags) != 0 || fputc('\n', stdout) == EOF) {
      fprintf(stderr, "cdr2json: writing the output: %s\n", strerror(errno));
      json_decref(json);
      wchg_cdr_free(cdr);
      exit(1);
    }
    json_decref(json);
    wchg_cdr_free(cdr);
    off += used;
  }
  if (one && off != len) {
    wchg_diag d = {0};
    report(file, record, base + off, WCHG_E_TRAILING, &d);
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
  fprintf(out, "usage: cdr2json [--pretty] FILE...\n"
               "Print each BER-encoded PCSCFRecord CDR of each FILE "
               "(\"-\": standard input, or of a TS 32.297 CDR file)\nas a JSON object, one per line "
               "(--pretty: indented).\n");
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
