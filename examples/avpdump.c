/*
 * avpdump: print Diameter messages as JSON, with AVP names, flags and
 * decoded values from the charging dictionary.
 *
 *   avpdump [--check] [--compact] FILE...
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
 * Without --check the message is read with WCHG_DPARSE_NO_ABNF: lengths,
 * flags and values are checked, occurrence rules are not. --check applies
 * every rule. Either way a message that fails is not printed and the error
 * goes to standard error:
 *
 *   avpdump: FILE: offset N: PATH: MESSAGE (Result-Code RC)
 *
 * The exit status is 1 when any file failed (the others are still
 * printed), 2 on a usage error.
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

/* The value members of a non-grouped AVP with a dictionary entry. */
static void put_value(json_t *o, const wchg_avp *a) {
  const wchg_dict_avp *d = a->dict;
  uint32_t u32;
  int32_t i32;
  uint64_t u64;
  int64_t i64;
  float f32;
  double f64;

  switch (d->type) {
  case WCHG_AVP_INTEGER32:
    if (wchg_avp_i32(a, &i32) == WCHG_OK)
      put(o, "value", json_integer(i32));
    return;
  case WCHG_AVP_ENUMERATED:
    if (wchg_avp_i32(a, &i32) == WCHG_OK) {
      const char *name = wchg_dict_enum_name(d, i32);
      put(o, "value", json_integer(i32));
      put(o, "enum", name ? json_string(name) : json_null());
    }
    return;
  case WCHG_AVP_INTEGER64:
    if (wchg_avp_i64(a, &i64) == WCHG_OK)
      put(o, "value", json_integer(i64));
    return;
  case WCHG_AVP_UNSIGNED32:
    if (wchg_avp_u32(a, &u32) == WCHG_OK)
      put(o, "value", json_integer(u32));
    return;
  case WCHG_AVP_UNSIGNED64:
    if (wchg_avp_u64(a, &u64) == WCHG_OK) {
      if (u64 <= INT64_MAX) {
        put(o, "value", json_integer((json_int_t)u64));
      } else {
        char s[24];
        snprintf(s, sizeof s, "%" PRIu64, u64);
        put(o, "value", json_string(s));
      }
    }
    return;
  case WCHG_AVP_FLOAT32:
    if (wchg_avp_f32(a, &f32) == WCHG_OK)
      put(o, "value", json_real(f32));
    return;
  case WCHG_AVP_FLOAT64:
    if (wchg_avp_f64(a, &f64) == WCHG_OK)
      put(o, "value", json_real(f64));
    return;
  case WCHG_AVP_TIME:
    if (wchg_avp_time(a, &i64) == WCHG_OK && wchg_avp_u32(a, &u32) == WCHG_OK) {
      time_t t = (time_t)i64;
      struct tm tm;
      char s[40];
      if (gmtime_r(&t, &tm) && strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm))
        put(o, "value", json_string(s));
      put(o, "ntp", json_integer(u32));
    }
    return;
  case WCHG_AVP_ADDRESS: {
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
    return;
  }
  case WCHG_AVP_UTF8STRING: /* the reader checked the UTF-8 */
    put(o, "value", json_stringn((const char *)a->data, a->len));
    return;
  case WCHG_AVP_DIAMETERIDENTITY:
  case WCHG_AVP_DIAMETERURI:
    if (printable(a->data, a->len) || a->len == 0)
      put(o, "value", json_stringn((const char *)a->data, a->len));
    else
      put(o, "hex", hex(a->data, a->len));
    return;
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

/* Parse and print one message; 0 on success. */
static int dump(const char *file, const uint8_t *data, size_t len, bool check,
                size_t flags) {
  wchg_dmsg m;
  wchg_diag d = {0};
  wchg_status st = wchg_dmsg_parse(data, len, check ? 0 : WCHG_DPARSE_NO_ABNF, &m, &d);

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
  fprintf(out, "usage: avpdump [--check] [--compact] FILE...\n"
               "Print the Diameter message in each FILE (\"-\": standard input) "
               "as JSON.\n"
               "--check: apply every rule of the dictionary (occurrences too) "
               "and fail\n         with the Result-Code a peer would answer with.\n"
               "--compact: one line per message.\n");
}

struct dump_opts {
  bool check;
  size_t flags;
};

static int dump_file(const char *path, const uint8_t *data, size_t len, void *ctx) {
  const struct dump_opts *o = ctx;
  return dump(path, data, len, o->check, o->flags);
}

int main(int argc, char **argv) {
  size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER;
  bool check = false;
  int first = 1;

  for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
    if (strcmp(argv[first], "--check") == 0) {
      check = true;
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
  struct dump_opts o = {check, flags};
  return each_file("avpdump", argv + first, argc - first, dump_file, &o);
}
