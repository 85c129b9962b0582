/*
 * avpdump: print Diameter messages as JSON, with AVP names, flags and
 * decoded values from the charging dictionary.
 *
 *   avpdump [--check | --strict] [--compact] FILE...
 *
 * Each FILE ("-" for standard input) holds exactly one Diameter message.
 * Each message is printed as one JSON object (indented; --compact: one
 * line): the file, the header (version, command flags as letters and hex,
 * command code and name, application id, hop-by-hop and end-to-end
 * identifiers) and the AVP tree. Each AVP has its name ("AVP(code,vendor)"
 * when the dictionary does not know it), code, vendor, flags ("VM-" and
 * hex), type, and its value decoded by type: numbers, enumerated values
 * with their names, UTF8String as text, OctetString as hex (also as
 * "text" when it is printable ASCII), DiameterIdentity and DiameterURI as
 * text, Address as text, Time as RFC 3339 UTC plus the raw NTP seconds,
 * Grouped AVPs as a nested "avps" array. An Unsigned64 above 2^63-1 is
 * given as a decimal string (JSON integers here are 64-bit signed).
 *
 * The message is read as a receiver reads it (the receive policy,
 * wchg_dmsg_parse_ex): what breaks a rule but can be read (an M, V or P
 * bit against the dictionary's rule, a value outside its list, an AVP
 * repeated or out of place, ...) is printed, each deviation a warning on
 * standard error:
 *
 *   avpdump: FILE: warning: offset N: PATH: MESSAGE (Result-Code RC)
 *
 * Without an option the occurrence rules are not checked
 * (WCHG_DPARSE_NO_ABNF); --check applies every rule of the dictionary;
 * --strict applies every rule and fails on the first deviation, as the
 * library's own messages must pass. A message that fails (bytes that
 * cannot be read, an unknown AVP with the M bit, a missing AVP, ...; with
 * --strict any deviation) is not printed and the error goes to standard
 * error:
 *
 *   avpdump: FILE: offset N: PATH: MESSAGE (Result-Code RC)
 *
 * The exit status is 1 when any file failed (the others are still
 * printed; warnings alone do not fail), 2 on a usage error.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/diameter.h>

#include "read_all.h"

static const char *type_name(wchg_avp_type t) {
  switch (t) {
  case WCHG_AVP_OCTETSTRING: return "OctetString";
  case WCHG_AVP_INTEGER32: return "Integer32";
  case WCHG_AVP_INTEGER64: return "Integer64";
  case WCHG_AVP_UNSIGNED32: return "Unsigned32";
  case WCHG_AVP_UNSIGNED64: return "Unsigned64";
  case WCHG_AVP_FLOAT32: return "Float32";
  case WCHG_AVP_FLOAT64: return "Float64";
  case WCHG_AVP_GROUPED: return "Grouped";
  case WCHG_AVP_ADDRESS: return "Address";
  case WCHG_AVP_TIME: return "Time";
  case WCHG_AVP_UTF8STRING: return "UTF8String";
  case WCHG_AVP_DIAMETERIDENTITY: return "DiameterIdentity";
  case WCHG_AVP_DIAMETERURI: return "DiameterURI";
  case WCHG_AVP_ENUMERATED: return "Enumerated";
  }
  return "?";
}

/* "0x" and two lower-case hex digits per octet. */
static json_t *hex(const uint8_t *p, size_t n) {
  static const char digits[] = "0123456789abcdef";
  char *s = malloc(2 * n + 1);
  json_t *j;
  if (!s)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    s[2 * i] = digits[p[i] >> 4];
    s[2 * i + 1] = digits[p[i] & 15];
  }
  s[2 * n] = '\0';
  j = json_stringn(s, 2 * n);
  free(s);
  return j;
}

static bool printable(const uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] < 0x20 || p[i] > 0x7e)
      return false;
  return n > 0;
}

/* Set |key| of |o| to |v|; a NULL |v| (out of memory) leaves it out. */
static void put(json_t *o, const char *key, json_t *v) {
  if (v)
    json_object_set_new(o, key, v);
}

/* Integer32, Enumerated (with its name, null when the dictionary has
 * none), Integer64: "value". */
static void put_signed(json_t *o, const wchg_avp *a) {
  int32_t i32;
  int64_t i64;
  if (a->dict->type == WCHG_AVP_INTEGER64) {
    if (wchg_avp_i64(a, &i64) == WCHG_OK)
      put(o, "value", json_integer(i64));
    return;
  }
  if (wchg_avp_i32(a, &i32) != WCHG_OK)
    return;
  put(o, "value", json_integer(i32));
  if (a->dict->type == WCHG_AVP_ENUMERATED) {
    const char *name = wchg_dict_enum_name(a->dict, i32);
    put(o, "enum", name ? json_string(name) : json_null());
  }
}

/* Unsigned32, Unsigned64 ("value"; as text above INT64_MAX), Float32,
 * Float64. */
static void put_number(json_t *o, const wchg_avp *a) {
  uint32_t u32;
  uint64_t u64;
  float f32;
  double f64;
  if (a->dict->type == WCHG_AVP_UNSIGNED32 && wchg_avp_u32(a, &u32) == WCHG_OK) {
    put(o, "value", json_integer(u32));
  } else if (a->dict->type == WCHG_AVP_UNSIGNED64 && wchg_avp_u64(a, &u64) == WCHG_OK) {
    if (u64 <= INT64_MAX) {
      put(o, "value", json_integer((json_int_t)u64));
    } else {
      char s[24];
      snprintf(s, sizeof s, "%" PRIu64, u64);
      put(o, "value", json_string(s));
    }
  } else if (a->dict->type == WCHG_AVP_FLOAT32 && wchg_avp_f32(a, &f32) == WCHG_OK) {
    put(o, "value", json_real(f32));
  } else if (a->dict->type == WCHG_AVP_FLOAT64 && wchg_avp_f64(a, &f64) == WCHG_OK) {
    put(o, "value", json_real(f64));
  }
}

/* Time: "value" as RFC 3339 UTC text, "ntp" the seconds as sent. */
static void put_time(json_t *o, const wchg_avp *a) {
  int64_t i64;
  uint32_t u32;
  if (wchg_avp_time(a, &i64) == WCHG_OK && wchg_avp_u32(a, &u32) == WCHG_OK) {
    time_t t = (time_t)i64;
    struct tm tm;
    char s[40];
    if (gmtime_r(&t, &tm) && strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm))
      put(o, "value", json_string(s));
    put(o, "ntp", json_integer(u32));
  }
}

/* Address: "family" and "value" as text, else "hex". */
static void put_address(json_t *o, const wchg_avp *a) {
  int family;
  uint8_t addr[16];
  char s[INET6_ADDRSTRLEN];
  if (wchg_avp_address(a, &family, addr) == WCHG_OK &&
      inet_ntop(family == 1 ? AF_INET : AF_INET6, addr, s, sizeof s)) {
    put(o, "family", json_integer(family));
    put(o, "value", json_string(s));
  } else {
    put(o, "hex", hex(a->data, a->len));
  }
}

/* UTF8String, DiamIdent, DiamURI: "value" as text, else "hex". */
static void put_text(json_t *o, const wchg_avp *a) {
  if (a->dict->type == WCHG_AVP_UTF8STRING) { /* not UTF-8 (a warning in receive): hex */
    json_t *v = json_stringn((const char *)a->data, a->len);
    if (v)
      put(o, "value", v);
    else
      put(o, "hex", hex(a->data, a->len));
  } else if (printable(a->data, a->len) || a->len == 0) {
    put(o, "value", json_stringn((const char *)a->data, a->len));
  } else {
    put(o, "hex", hex(a->data, a->len));
  }
}

/* The value members of a non-grouped AVP with a dictionary entry. */
static void put_value(json_t *o, const wchg_avp *a) {
  switch (a->dict->type) {
  case WCHG_AVP_INTEGER32:
  case WCHG_AVP_ENUMERATED:
  case WCHG_AVP_INTEGER64: put_signed(o, a); return;
  case WCHG_AVP_UNSIGNED32:
  case WCHG_AVP_UNSIGNED64:
  case WCHG_AVP_FLOAT32:
  case WCHG_AVP_FLOAT64: put_number(o, a); return;
  case WCHG_AVP_TIME: put_time(o, a); return;
  case WCHG_AVP_ADDRESS: put_address(o, a); return;
  case WCHG_AVP_UTF8STRING:
  case WCHG_AVP_DIAMETERIDENTITY:
  case WCHG_AVP_DIAMETERURI: put_text(o, a); return;
  case WCHG_AVP_OCTETSTRING:
  case WCHG_AVP_GROUPED:
    break;
  }
  put(o, "hex", hex(a->data, a->len));
  if (printable(a->data, a->len))
    put(o, "text", json_stringn((const char *)a->data, a->len));
}

static json_t *avp_list(const wchg_dmsg *m, const wchg_avp *group);

static json_t *avp_json(const wchg_dmsg *m, const wchg_avp *a) {
  json_t *o = json_object();
  char name[32], flags[4], fhex[8];

  if (!o)
    return NULL;
  if (!a->dict)
    snprintf(name, sizeof name, "AVP(%" PRIu32 ",%" PRIu32 ")", a->code, a->vendor);
  snprintf(flags, sizeof flags, "%c%c%c", a->flags & WCHG_AVP_FLAG_V ? 'V' : '-',
           a->flags & WCHG_AVP_FLAG_M ? 'M' : '-', a->flags & WCHG_AVP_FLAG_P ? 'P' : '-');
  snprintf(fhex, sizeof fhex, "0x%02x", a->flags);
  put(o, "name", json_string(a->dict ? a->dict->name : name));
  put(o, "code", json_integer(a->code));
  put(o, "vendor", json_integer(a->vendor));
  put(o, "flags", json_string(flags));
  put(o, "flags_hex", json_string(fhex));
  put(o, "offset", json_integer((json_int_t)a->offset));
  put(o, "length", json_integer((json_int_t)a->len));
  if (!a->dict) {
    put(o, "type", json_null());
    put(o, "hex", hex(a->data, a->len));
  } else if (a->dict->type == WCHG_AVP_GROUPED) {
    put(o, "type", json_string(type_name(a->dict->type)));
    put(o, "avps", avp_list(m, a));
  } else {
    put(o, "type", json_string(type_name(a->dict->type)));
    put_value(o, a);
  }
  return o;
}

/* The AVPs at the top level (group NULL) or in |group|, as an array. */
static json_t *avp_list(const wchg_dmsg *m, const wchg_avp *group) {
  json_t *arr = json_array();
  wchg_avp_iter it;
  wchg_avp a;

  if (!arr)
    return NULL;
  wchg_avp_iter_group(&it, m, group);
  while (wchg_avp_next(&it, &a)) {
    json_t *o = avp_json(m, &a);
    if (o)
      json_array_append_new(arr, o);
  }
  return arr;
}

static json_t *message_json(const char *file, const wchg_dmsg *m) {
  json_t *o = json_object(), *h = json_object();
  char flags[5], fhex[8];

  if (!o || !h) {
    json_decref(o);
    json_decref(h);
    return NULL;
  }
  snprintf(flags, sizeof flags, "%c%c%c%c", m->flags & WCHG_CMD_FLAG_R ? 'R' : '-',
           m->flags & WCHG_CMD_FLAG_P ? 'P' : '-', m->flags & WCHG_CMD_FLAG_E ? 'E' : '-',
           m->flags & WCHG_CMD_FLAG_T ? 'T' : '-');
  snprintf(fhex, sizeof fhex, "0x%02x", m->flags);
  const wchg_dict_command *cmd =
      wchg_dict_find_command(m->code, m->app_id, (m->flags & WCHG_CMD_FLAG_R) != 0);
  put(h, "version", json_integer(m->version));
  put(h, "length", json_integer(m->length));
  put(h, "flags", json_string(flags));
  put(h, "flags_hex", json_string(fhex));
  put(h, "command_code", json_integer(m->code));
  put(h, "command", cmd ? json_string(cmd->name) : json_null());
  put(h, "application_id", json_integer(m->app_id));
  put(h, "hop_by_hop", json_integer(m->hop_by_hop));
  put(h, "end_to_end", json_integer(m->end_to_end));
  put(o, "file", json_string(file));
  json_object_set_new(o, "header", h);
  put(o, "avps", avp_list(m, NULL));
  return o;
}

/* Each warning: "avpdump: FILE: warning: offset N: PATH: ... (Result-Code R)". */
static void print_warnings(const char *file, const wchg_warnings *w) {
  for (size_t i = 0; i < w->count && i < w->cap; i++) {
    const wchg_diag *d = &w->items[i];
    fprintf(stderr, "avpdump: %s: warning: offset %zu: %s: %s (Result-Code %" PRIu32 ")\n",
            file, d->offset, d->path, d->message, d->result_code);
  }
  if (w->count > w->cap)
    fprintf(stderr, "avpdump: %s: warning: %zu more\n", file, w->count - w->cap);
}

/* Parse and print one message; 0 on success. */
static int dump(const char *file, const uint8_t *data, size_t len, unsigned options,
                size_t flags) {
  wchg_dmsg m;
  wchg_diag d = {0}, items[64];
  wchg_warnings w = {items, sizeof items / sizeof items[0], 0};
  wchg_status st = wchg_dmsg_parse_ex(data, len, options, &m, &d, &w);

  print_warnings(file, &w);
  if (st != WCHG_OK) {
    if (d.offset == WCHG_NO_OFFSET)
      fprintf(stderr, "avpdump: %s: offset -: ", file);
    else
      fprintf(stderr, "avpdump: %s: offset %zu: ", file, d.offset);
    fprintf(stderr, "%s: %s (Result-Code %" PRIu32 ")\n", d.path[0] ? d.path : "header",
            d.message[0] ? d.message : wchg_strerror(st), d.result_code);
    return -1;
  }
  json_t *j = message_json(file, &m);
  if (!j || json_dumpf(j, stdout, flags) != 0 || fputc('\n', stdout) == EOF) {
    fprintf(stderr, "avpdump: %s: writing the output: %s\n", file,
            j ? strerror(errno) : "out of memory");
    json_decref(j);
    return -1;
  }
  json_decref(j);
  return 0;
}

static void usage(FILE *out) {
  fprintf(out, "usage: avpdump [--check | --strict] [--compact] FILE...\n"
               "Print the Diameter message in each FILE (\"-\": standard input) "
               "as JSON,\nread as a receiver reads it: deviations from the "
               "rules that can be read\nare warnings on standard error.\n"
               "--check: apply every rule of the dictionary (occurrences too).\n"
               "--strict: apply every rule and fail on the first deviation, "
               "with the\n          Result-Code a peer would answer with.\n"
               "--compact: one line per message.\n");
}

struct dump_opts {
  unsigned options; /* of wchg_dmsg_parse_ex */
  size_t flags;
};

static int dump_file(const char *path, const uint8_t *data, size_t len, void *ctx) {
  const struct dump_opts *o = ctx;
  return dump(path, data, len, o->options, o->flags);
}

int main(int argc, char **argv) {
  size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
  unsigned options = WCHG_DPARSE_RECEIVE | WCHG_DPARSE_NO_ABNF;
  int first = 1;

  for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
    if (strcmp(argv[first], "--check") == 0) {
      options = WCHG_DPARSE_RECEIVE;
    } else if (strcmp(argv[first], "--strict") == 0) {
      options = 0;
    } else if (strcmp(argv[first], "--compact") == 0) {
      flags = JSON_COMPACT | JSON_PRESERVE_ORDER;
    } else if (strcmp(argv[first], "--help") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(argv[first], "--") == 0) {
      first++;
      break;
    } else {
      fprintf(stderr, "avpdump: unknown option %s\n", argv[first]);
      usage(stderr);
      return 2;
    }
  }
  if (first >= argc) {
    usage(stderr);
    return 2;
  }
  struct dump_opts o = {options, flags};
  return each_file("avpdump", argv + first, argc - first, dump_file, &o);
}
