/*
 * json2cdr: turn JSON CDRs (as printed by cdr2json) into a DER file.
 *
 *   json2cdr IN.json OUT.der
 *
 * IN.json ("-" for standard input) holds one JSON object, or several (one
 * per line, as cdr2json prints them, or any layout). OUT.der ("-" for
 * standard output) receives the DER IMSRecord of each, concatenated; an
 * {"otherRecord": {..., "ber": "..."}} object (an IMSRecord of another
 * type that cdr2json passed through) gives back its BER as it was. On
 * bad input nothing is written, the message names the JSON path:
 *
 *   json2cdr: IN.json: object N (line L): PATH: MESSAGE (ERROR)
 *
 * and the exit status is 1.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/cdr_json.h> /* and <jansson.h> */

static const char *in_name;

#include "read_all.h"

/* The output: DER records appended one after the other. */
struct out {
  uint8_t *buf;
  size_t len, cap;
};

static int out_reserve(struct out *o, size_t n) {
  if (o->cap - o->len >= n)
    return 0;
  size_t cap = o->cap ? o->cap : 4096;
  while (cap - o->len < n)
    cap *= 2;
  uint8_t *more = realloc(o->buf, cap);
  if (!more)
    return -1;
  o->buf = more;
  o->cap = cap;
  return 0;
}

static size_t line_of(const char *text, size_t off) {
  size_t line = 1;
  for (size_t i = 0; i < off; i++)
    line += text[i] == '\n';
  return line;
}

static void report(size_t object, size_t line, wchg_status st,
                   const wchg_diag *d) {
  fprintf(stderr, "json2cdr: %s: object %zu (line %zu): %s: %s (%s)\n",
          in_name, object, line, d->path[0] ? d->path : "(top)",
          d->message[0] ? d->message : wchg_strerror(st), wchg_strerror(st));
}

/* Append the BER of an {"otherRecord": ...} object to |o|; 0 on success. */
static int convert_other(json_t *json, size_t object, size_t line, struct out *o) {
  wchg_diag d = {0};
  size_t need = 0;
  wchg_status st = wchg_other_record_from_json(json, NULL, 0, &need, &d);
  if (st == WCHG_E_BUFFER) {
    if (out_reserve(o, need) != 0) {
      fprintf(stderr, "json2cdr: out of memory\n");
      return -1;
    }
    st = wchg_other_record_from_json(json, o->buf + o->len, need, &need, &d);
  }
  if (st != WCHG_OK) {
    report(object, line, st, &d);
    return -1;
  }
  o->len += need;
  return 0;
}

/* Encode one JSON object and append its DER to |o|; 0 on success. */
static int convert(json_t *json, size_t object, size_t line, struct out *o) {
  wchg_cdr *cdr = NULL;
  wchg_diag d = {0};
  size_t need = 0;

  if (json_object_get(json, "otherRecord"))
    return convert_other(json, object, line, o);
  wchg_status st = wchg_cdr_from_json(json, NULL, &cdr, &d);
  if (st != WCHG_OK) {
    report(object, line, st, &d);
    return -1;
  }
  /* Ask the size, then encode into exactly that much room. */
  st = wchg_cdr_encode(cdr, NULL, 0, &need, &d);
  if (st == WCHG_E_BUFFER) {
    if (out_reserve(o, need) != 0) {
      fprintf(stderr, "json2cdr: out of memory\n");
      wchg_cdr_free(cdr);
      return -1;
    }
    st = wchg_cdr_encode(cdr, o->buf + o->len, need, &need, &d);
  }
  if (st != WCHG_OK) {
    report(object, line, st, &d);
    wchg_cdr_free(cdr);
    return -1;
  }
  o->len += need;
  wchg_cdr_free(cdr);
  return 0;
}

static int write_all(const char *path, const struct out *o) {
  FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
  if (!f)
    return -1;
  int bad = o->len && fwrite(o->buf, 1, o->len, f) != o->len;
  bad |= f == stdout ? fflush(f) != 0 : fclose(f) != 0;
  if (bad && f != stdout)
    remove(path);
  return bad ? -1 : 0;
}

/* Convert the JSON object of |text| at |*off| (|len| bytes in all),
 * number |object|, and move |*off| past it. Returns 0, or 1 after a
 * message. */
static int convert_at(const char *text, size_t len, size_t *off, size_t object,
                      struct out *o) {
  json_error_t err;
  json_t *json = json_loadb(text + *off, len - *off,
                            JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &err);
  int status = 0;
  if (!json) {
    /* Jansson's line is relative to where this object started */
    fprintf(stderr, "json2cdr: %s: object %zu: line %zu column %d: %s (%s)\n", in_name, object,
            line_of(text, *off) + (size_t)err.line - 1, err.column, err.text,
            wchg_strerror(WCHG_E_JSON));
    return 1;
  }
  size_t line = line_of(text, *off);
  *off += (size_t)err.position; /* bytes this value used */
  if (!json_is_object(json)) {
    fprintf(stderr, "json2cdr: %s: object %zu (line %zu): a CDR is a JSON "
                    "object {\"pCSCFRecord\": {...}}\n", in_name, object,
            line);
    status = 1;
  } else if (convert(json, object, line, o) != 0) {
    status = 1;
  }
  json_decref(json);
  return status;
}

/* Convert every JSON object of |text| into |o|. Returns 0, or 1 after a
 * message. */
static int convert_all(const char *text, size_t len, struct out *o) {
  size_t off = 0, object = 0;
  for (;;) {
    while (off < len && text[off] && strchr(" \t\r\n", text[off]))
      off++;
    if (off == len)
      break;
    object++;
    if (convert_at(text, len, &off, object, o) != 0)
      return 1;
  }
  if (object == 0) {
    fprintf(stderr, "json2cdr: %s: no JSON object\n", in_name);
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  uint8_t *raw = NULL;
  size_t len;
  struct out o = {NULL, 0, 0};
  int status;

  if (argc == 2 && strcmp(argv[1], "--help") == 0) {
    printf("usage: json2cdr IN.json OUT.der\n"
           "Encode each JSON CDR object of IN.json (\"-\": standard input) "
           "as DER into OUT.der.\n");
    return 0;
  }
  if (argc != 3) {
    fprintf(stderr, "usage: json2cdr IN.json OUT.der\n");
    return 2;
  }
  in_name = argv[1];
  if (read_all(in_name, &raw, &len) != 0) {
    fprintf(stderr, "json2cdr: %s: %s\n", in_name, strerror(errno));
    return 1;
  }
  status = convert_all((const char *)raw, len, &o);
  if (status == 0 && write_all(argv[2], &o) != 0) {
    fprintf(stderr, "json2cdr: %s: %s\n", argv[2], strerror(errno));
    status = 1;
  }
  free(o.buf);
  free(raw);
  return status;
}
