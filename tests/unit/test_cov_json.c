/* test_cov_json.c: cov_json_suite — the JSON view of a CDR (cdr_json.h)
 * where test_json.c does not go: every JSON type against every kind of
 * member (the sentence names both), values kept as received for each kind
 * that has them and the errors of that form, the element limit of a
 * record, the otherRecord form's errors one by one, the argument checks,
 * and running out of memory at every allocation (ours and Jansson's)
 * for a record with long octets, a long OBJECT IDENTIFIER, long lists and
 * values kept as received.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/cdr_json.h>

#include "samples.h"
#include "testutil.h"

#define REC(body) "{\"pCSCFRecord\":{\"recordType\":64" body "}}"

static void expect_import_err(const char *text, wchg_status code, const char *path,
                              const char *message) {
  wchg_cdr *c = (wchg_cdr *)1;
  wchg_diag d;
  wchg_status rc = wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d);
  ck_assert_msg(rc == code, "%s: %s (%s: %s)", text, wchg_strerror(rc), d.path, d.message);
  ck_assert_ptr_null(c);
  ck_assert_int_eq(d.code, code);
  ck_assert_msg(strcmp(d.path, path) == 0, "%s: path %s", text, d.path);
  ck_assert_msg(strcmp(d.message, message) == 0, "%s: message \"%s\", want \"%s\"", text,
                d.message, message);
}

/* ---- every JSON type against every kind ---------------------------------- */

static const struct {
  const char *json, *name;
} jtypes[] = {{"{}", "an object"},      {"[]", "an array"},  {"\"s\"", "a string"},
              {"1", "an integer"},      {"1.5", "a real number"}, {"true", "a boolean"},
              {"false", "a boolean"},   {"null", "null"}};

static const struct {
  const char *fmt; /* the record with %s where the value goes */
  const char *path, *want;
  const char *takes; /* the JSON types (first letters) it takes or reads otherwise */
} kinds[] = {
    {REC(",\"recordSequenceNumber\":%s"), "pCSCFRecord/recordSequenceNumber", "an integer",
     "{1"},
    {REC(",\"role-of-Node\":%s"), "pCSCFRecord/role-of-Node",
     "an identifier string or an integer", "{\"1"},
    {REC(",\"incomplete-CDR-Indication\":{\"aCRStartLost\":%s}"),
     "pCSCFRecord/incomplete-CDR-Indication/aCRStartLost", "true or false", "{tf"},
    {REC(",\"retransmission\":%s"), "pCSCFRecord/retransmission", "null", "{n"},
    {REC(",\"sIP-Method\":%s"), "pCSCFRecord/sIP-Method", "a string", "{\""},
    {REC(",\"iMS-Charging-Identifier\":%s"), "pCSCFRecord/iMS-Charging-Identifier",
     "a string of hex digits", "\""},
    {REC(",\"recordClosureTime\":%s"), "pCSCFRecord/recordClosureTime", "a time string", "{\""},
    {REC(",\"recordExtensions\":[{\"identifier\":%s,\"information\":\"0500\"}]"),
     "pCSCFRecord/recordExtensions[0]/identifier", "a dotted OBJECT IDENTIFIER", "{\""},
    {REC(",\"recordExtensions\":[{\"identifier\":\"1.2\",\"information\":%s}]"),
     "pCSCFRecord/recordExtensions[0]/information", "a string of hex digits", "\""},
    {REC(",\"transit-IOI-Lists\":%s"), "pCSCFRecord/transit-IOI-Lists", "an array", "["},
    {REC(",\"interOperatorIdentifiers\":%s"), "pCSCFRecord/interOperatorIdentifiers",
     "an object", "{"},
    {REC(",\"called-Party-Address\":%s"), "pCSCFRecord/called-Party-Address",
     "an object with one member", "{"},
    {REC(",\"nodeAddress\":{\"iPAddress\":{\"iPBinaryAddress\":{\"iPBinV4Address\":%s}}}"),
     "pCSCFRecord/nodeAddress/iPAddress/iPBinaryAddress/iPBinV4Address", "an IPv4 address",
     "{\""},
};

START_TEST(every_type_every_kind) {
  for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
    for (size_t t = 0; t < sizeof jtypes / sizeof jtypes[0]; t++) {
      char text[512], msg[128];
      if (strchr(kinds[k].takes, jtypes[t].json[0]))
        continue;
      snprintf(text, sizeof text, kinds[k].fmt, jtypes[t].json);
      snprintf(msg, sizeof msg, "expected %s, found %s", kinds[k].want, jtypes[t].name);
      expect_import_err(text, WCHG_E_JSON_TYPE, kinds[k].path, msg);
    }
  /* the top, as a json_t (the text reader takes objects and arrays only) */
  wchg_cdr *c = (wchg_cdr *)1;
  wchg_diag d;
  json_t *seven = json_integer(7);
  ck_assert_int_eq(wchg_cdr_from_json(seven, NULL, &c, &d), WCHG_E_JSON_TYPE);
  ck_assert_ptr_null(c);
  ck_assert_str_eq(d.message, "expected an object {\"pCSCFRecord\": {...}}, found an integer");
  json_decref(seven);
}
END_TEST

/* ---- values kept as received -------------------------------------------- */

/* Each kind that may come as {"octets", "invalid"}: imported, exported
 * the same way (the text stays), imported again. */
START_TEST(kept_as_received_each_kind) {
  static const struct {
    const char *fmt, *hex;
  } k[] = {
      {REC(",\"recordSequenceNumber\":%s"), "0001"},
      {REC(",\"role-of-Node\":%s"), "000001"},
      {REC(",\"incomplete-CDR-Indication\":{\"aCRStartLost\":%s,\"aCRInterimLost\":\"no\","
           "\"aCRStopLost\":true}"), "0101"},
      {REC(",\"retransmission\":%s"), "00"},
      {REC(",\"sIP-Method\":%s"), "c328"},
      {REC(",\"recordClosureTime\":%s"), "241a151345302b0100"},
      {REC(",\"recordExtensions\":[{\"identifier\":%s,\"information\":\"0500\"}]"), "2b86"},
      {REC(",\"nodeAddress\":{\"iPAddress\":{\"iPBinaryAddress\":{\"iPBinV4Address\":%s}}}"),
       "c00002"},
  };
  for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
    char value[128], text[512], *out, *again;
    wchg_cdr *c = NULL, *c2 = NULL;
    wchg_diag d;
    size_t need = 0, len;
    snprintf(value, sizeof value, "{\"octets\":\"%s\",\"invalid\":\"why\"}", k[i].hex);
    snprintf(text, sizeof text, k[i].fmt, value);
    ck_assert_msg(wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d) == WCHG_OK,
                  "%s: %s at %s", text, d.message, d.path);
    ck_assert_int_eq(wchg_cdr_to_json_text(c, 0, NULL, 0, &need, &d), WCHG_E_BUFFER);
    out = malloc(need + 1);
    ck_assert_int_eq(wchg_cdr_to_json_text(c, 0, out, need, &len, &d), WCHG_OK);
    out[len] = '\0';
    snprintf(value, sizeof value, "{\"octets\":\"%s\",\"invalid\":\"", k[i].hex);
    ck_assert_msg(strstr(out, value), "%s: %s", text, out);
    ck_assert_int_eq(wchg_cdr_from_json_text(out, len, NULL, &c2, &d), WCHG_OK);
    again = malloc(need + 1);
    ck_assert_int_eq(wchg_cdr_to_json_text(c2, 0, again, need, &len, &d), WCHG_OK);
    ck_assert_uint_eq(len, need);
    ck_assert(memcmp(out, again, len) == 0);
    free(again);
    free(out);
    wchg_cdr_free(c2);
    wchg_cdr_free(c);
  }
  /* octets that are a good value after all: taken as the value */
  wchg_cdr *c = NULL;
  const char *t = REC(",\"recordSequenceNumber\":{\"octets\":\"05\"}");
  ck_assert_int_eq(wchg_cdr_from_json_text(t, strlen(t), NULL, &c, NULL), WCHG_OK);
  ck_assert(c->record_sequence_number.present && c->record_sequence_number.value == 5);
  wchg_cdr_free(c);
}
END_TEST

START_TEST(kept_as_received_errors) {
  expect_import_err(REC(",\"sIP-Method\":{\"octets\":\"61\",\"invalid\":1}"), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/sIP-Method",
                    "expected a string for \"invalid\", found an integer");
  expect_import_err(REC(",\"sIP-Method\":{\"octets\":\"61\",\"why\":\"\"}"), WCHG_E_JSON_KEY,
                    "pCSCFRecord/sIP-Method",
                    "a value kept as received has the members \"octets\" and \"invalid\" "
                    "only");
  expect_import_err(REC(",\"sIP-Method\":{\"invalid\":\"x\"}"), WCHG_E_MISSING,
                    "pCSCFRecord/sIP-Method", "a value kept as received needs \"octets\"");
  expect_import_err(REC(",\"sIP-Method\":{\"octets\":\"6\"}"), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/sIP-Method/octets",
                    "expected hex digits in pairs, found 1 characters");
  expect_import_err(REC(",\"sIP-Method\":{\"octets\":7}"), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/sIP-Method/octets",
                    "expected a string of hex digits, found an integer");
}
END_TEST

/* ---- limits and arguments ----------------------------------------------- */

/* 4096 media entries of 16 session lines each: the 65537th element is the
 * first line of entry 3840. */
START_TEST(elements_of_a_record) {
  size_t cap = 64 + 4096 * (40 + 16 * 4);
  char *text = malloc(cap), *p = text;
  ck_assert_ptr_nonnull(text);
  p += sprintf(p, "{\"pCSCFRecord\":{\"recordType\":64,\"list-Of-SDP-Media-Components\":[");
  for (int i = 0; i < 4096; i++) {
    p += sprintf(p, "%s{\"sDP-Session-Description\":[", i ? "," : "");
    for (int k = 0; k < 16; k++)
      p += sprintf(p, "%s\"\"", k ? "," : "");
    p += sprintf(p, "]}");
  }
  strcpy(p, "]}}");
  expect_import_err(text, WCHG_E_LIMIT,
                    "pCSCFRecord/list-Of-SDP-Media-Components[3840]/sDP-Session-Description",
                    "16 elements: a list holds at most 4096 and a record 65536");
  free(text);
}
END_TEST

START_TEST(arguments) {
  wchg_cdr c, *out = NULL;
  wchg_diag d;
  json_t *j = NULL;
  size_t len;
  wchg_cdr_init(&c);
  ck_assert_int_eq(wchg_cdr_to_json(&c, NULL, &d), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "cdr and out must not be NULL");
  ck_assert_int_eq(wchg_cdr_to_json_text(&c, 0, NULL, 0, NULL, &d), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "len must not be NULL, nor buf when cap > 0");
  ck_assert_int_eq(wchg_other_record_to_json((const uint8_t *)"x", 1, NULL, &d), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "out must not be NULL, nor data when len > 0");
  ck_assert_int_eq(wchg_other_record_to_json(NULL, 3, &j, &d), WCHG_E_ARG);
  ck_assert_ptr_null(j);
  ck_assert_int_eq(wchg_cdr_from_json_text("{}", 2, NULL, NULL, &d), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "out must not be NULL, nor text when len > 0");
  ck_assert_int_eq(wchg_cdr_from_json_text(NULL, 2, NULL, &out, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_from_json_text(NULL, 0, NULL, &out, &d), WCHG_E_JSON);
  ck_assert_ptr_null(out);
  ck_assert_int_eq(wchg_cdr_from_json(NULL, NULL, &out, &d), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "json and out must not be NULL");
  j = json_object();
  ck_assert_int_eq(wchg_cdr_from_json(j, NULL, NULL, &d), WCHG_E_ARG);
  uint8_t buf[8];
  ck_assert_int_eq(wchg_other_record_from_json(NULL, buf, sizeof buf, &len, &d), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "json and len must not be NULL, nor buf when cap > 0");
  ck_assert_int_eq(wchg_other_record_from_json(j, buf, sizeof buf, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_other_record_from_json(j, NULL, 4, &len, &d), WCHG_E_ARG);
  json_decref(j);
}
END_TEST

/* The otherRecord form, each way of getting it wrong. */
START_TEST(other_record_forms) {
  static const struct {
    const char *text;
    wchg_status code;
    const char *path, *message;
  } bad[] = {
      {"[]", WCHG_E_JSON_TYPE, "", "expected {\"otherRecord\": {...}}"},
      {"{\"otherRecord\":{},\"x\":1}", WCHG_E_JSON_TYPE, "", "expected {\"otherRecord\": {...}}"},
      {"{\"otherRecord\":[]}", WCHG_E_JSON_TYPE, "otherRecord",
       "expected an object, found an array"},
      {"{\"otherRecord\":{\"ber\":\"00\"}}", WCHG_E_MISSING, "otherRecord",
       "\"tag\" and \"ber\" are mandatory"},
      {"{\"otherRecord\":{\"tag\":63,\"name\":\"x\",\"ber\":\"bf3f0380013f\"}}", WCHG_OK, "", ""},
      {"{\"otherRecord\":{\"tag\":63,\"ber\":\"bf3f0380013\"}}", WCHG_E_JSON_TYPE, "otherRecord/ber",
       "expected hex digits in pairs, found 11 characters"},
      {"{\"otherRecord\":{\"tag\":63,\"ber\":\"bf3f0380013g\"}}", WCHG_E_JSON_TYPE, "otherRecord/ber",
       "expected hex digits, found 'g' at character 11"},
      {"{\"otherRecord\":{\"tag\":63,\"ber\":\"bf3f0380013f00112233\"}}", WCHG_E_BUFFER,
       "otherRecord/ber", "the record needs 10 bytes, the buffer has 8"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    uint8_t buf[8];
    size_t len = 0;
    wchg_diag d;
    json_t *v = json_loads(bad[i].text, 0, NULL);
    ck_assert_ptr_nonnull(v);
    wchg_status rc = wchg_other_record_from_json(v, buf, sizeof buf, &len, &d);
    ck_assert_msg(rc == bad[i].code, "%s: %d %s", bad[i].text, rc, d.message);
    ck_assert_str_eq(d.path, bad[i].path);
    ck_assert_str_eq(d.message, bad[i].message);
    if (rc == WCHG_OK)
      ck_assert(len == 6 && memcmp(buf, "\xbf\x3f\x03\x80\x01\x3f", 6) == 0);
    json_decref(v);
  }
}
END_TEST

/* ---- out of memory --------------------------------------------------------- */

static struct {
  size_t calls, fail_at, live;
  int forever;
} jm;

static void *jm_malloc(size_t n) {
  jm.calls++;
  if (jm.fail_at && (jm.calls == jm.fail_at || (jm.forever && jm.calls > jm.fail_at)))
    return NULL;
  void *p = malloc(n);
  if (p)
    jm.live++;
  return p;
}

static void jm_free(void *p) {
  if (p) {
    jm.live--;
    free(p);
  }
}

static void jm_start(size_t fail_at, int forever) {
  memset(&jm, 0, sizeof jm);
  jm.fail_at = fail_at;
  jm.forever = forever;
  json_set_alloc_funcs(jm_malloc, jm_free);
}

static void jm_stop(void) {
  json_set_alloc_funcs(malloc, free);
  ck_assert_uint_eq(jm.live, 0);
}

static uint8_t big_octets[300];
static uint8_t long_oid[100];
static wchg_str many[20];
static wchg_management_extension ext[2];

/* sample_full with 300 octets of charging identifier, a 100-octet OID,
 * 20 Transit-IOIs (one of them without text) and an invalid text. */
static void rich(wchg_cdr *c) {
  sample_full(c);
  for (size_t i = 0; i < sizeof big_octets; i++)
    big_octets[i] = (uint8_t)i;
  c->ims.ims_charging_identifier = (wchg_octets){big_octets, sizeof big_octets};
  long_oid[0] = 0x2b;
  for (size_t i = 1; i < sizeof long_oid; i++)
    long_oid[i] = i % 3 ? 0x81 : 0x05; /* arcs of two and one octets */
  long_oid[sizeof long_oid - 1] = 0x07;
  ext[0] = (wchg_management_extension){{long_oid, sizeof long_oid}, {false, 0},
                                       {(const uint8_t *)"\x05\x00", 2}};
  ext[1] = (wchg_management_extension){{(const uint8_t *)"\x2b\x86", 2}, {true, 1},
                                       {(const uint8_t *)"\x05\x00", 2}};
  c->record_extensions = (wchg_management_extension_list){ext, 2};
  for (size_t i = 0; i < 20; i++)
    many[i] = i == 7 ? (wchg_str){NULL, 0} : WCHG_STR("ioi.example.net");
  c->ims.transit_ioi_lists = (wchg_str_list){many, 20};
  c->service_reason_return_code = WCHG_STR("bad \xff text");
}

START_TEST(rich_record_round_trip) {
  wchg_cdr c, *back = NULL;
  wchg_diag d;
  size_t need = 0, len;
  rich(&c);
  ck_assert_int_eq(wchg_cdr_to_json_text(&c, 0, NULL, 0, &need, &d), WCHG_E_BUFFER);
  char *text = malloc(need + 1);
  ck_assert_int_eq(wchg_cdr_to_json_text(&c, 0, text, need, &len, &d), WCHG_OK);
  text[len] = '\0';
  ck_assert_ptr_nonnull(strstr(text, "\"iMS-Charging-Identifier\":\"000102030405"));
  ck_assert_ptr_nonnull(strstr(text, "\"transit-IOI-Lists\":[\"ioi.example.net\","));
  ck_assert_ptr_nonnull(strstr(text, ",\"\",\"ioi.example.net\""));
  ck_assert_ptr_nonnull(strstr(text, "\"identifier\":\"1.3.16517.16517."));
  ck_assert_ptr_nonnull(strstr(text, "\"serviceReasonReturnCode\":{\"octets\":\"62616420ff2074657874\""));
  ck_assert_int_eq(wchg_cdr_from_json_text(text, len, NULL, &back, &d), WCHG_OK);
  ck_assert_uint_eq(back->ims.transit_ioi_lists.count, 20);
  ck_assert_uint_eq(back->ims.transit_ioi_lists.items[7].len, 0);
  ck_assert_uint_eq(back->ims.ims_charging_identifier.len, sizeof big_octets);
  ck_assert_mem_eq(back->record_extensions.items[0].identifier.ptr, long_oid, sizeof long_oid);
  wchg_cdr_free(back);
  free(text);
}
END_TEST

START_TEST(rich_record_export_oom) {
  wchg_cdr c;
  rich(&c);
  for (int forever = 0; forever < 2; forever++)
    for (size_t k = 1;; k++) {
      json_t *j = NULL;
      wchg_diag d;
      jm_start(k, forever);
      wchg_status rc = wchg_cdr_to_json(&c, &j, &d);
      size_t calls = jm.calls;
      json_decref(j);
      jm_stop();
      ck_assert_msg(rc == WCHG_OK || rc == WCHG_E_NOMEM, "k=%zu: %s", k, wchg_strerror(rc));
      if (rc == WCHG_E_NOMEM) {
        ck_assert_int_eq(d.code, WCHG_E_NOMEM);
        ck_assert_ptr_null(j);
        continue;
      }
      ck_assert_uint_lt(calls, k);
      break;
    }
  /* otherRecord */
  uint8_t in[400];
  size_t n = test_unhex("bf3f 82 0100", in, sizeof in);
  in[n++] = 0x80;
  in[n++] = 0x81;
  in[n++] = 0xfd;
  memset(in + n, 0x41, 253);
  n += 253;
  for (size_t k = 1;; k++) {
    json_t *j = NULL;
    wchg_diag d;
    jm_start(k, 0);
    wchg_status rc = wchg_other_record_to_json(in, n, &j, &d);
    size_t calls = jm.calls;
    json_decref(j);
    jm_stop();
    ck_assert_msg(rc == WCHG_OK || rc == WCHG_E_NOMEM, "k=%zu: %s %s", k, wchg_strerror(rc),
                  d.message);
    if (rc == WCHG_OK) {
      ck_assert_uint_lt(calls, k);
      break;
    }
    ck_assert_ptr_null(j);
  }
}
END_TEST

/* Import from a json_t (arena hint 1 KiB: the long values need chunks of
 * their own) failing each of our allocations in turn. */
START_TEST(rich_record_import_oom) {
  wchg_cdr c;
  wchg_diag d;
  json_t *j = NULL;
  rich(&c);
  ck_assert_int_eq(wchg_cdr_to_json(&c, &j, &d), WCHG_OK);
  /* a value kept as received of a kind the model keeps apart */
  json_object_set_new(json_object_get(j, "pCSCFRecord"), "recordSequenceNumber",
                      json_pack("{s:s,s:s}", "octets", "0001", "invalid", "x"));
  for (int forever = 0; forever < 2; forever++)
    for (size_t k = 1;; k++) {
      struct failmem fm;
      wchg_cdr *out = NULL;
      failmem_init(&fm, k, forever);
      wchg_status rc = wchg_cdr_from_json(j, &fm.mem, &out, &d);
      size_t calls = fm.calls;
      ck_assert_msg(rc == WCHG_OK || rc == WCHG_E_NOMEM, "k=%zu: %s", k, wchg_strerror(rc));
      wchg_cdr_free(out);
      ck_assert_uint_eq(fm.live, 0);
      if (rc == WCHG_E_NOMEM) {
        ck_assert_ptr_null(out);
        ck_assert_int_eq(d.code, WCHG_E_NOMEM);
        continue;
      }
      ck_assert_uint_lt(calls, k);
      ck_assert_uint_gt(k, 2);
      break;
    }
  json_decref(j);
}
END_TEST

/* A list with a count and no items cannot be written; an edited value
 * wins over the octets it was kept with. */
START_TEST(export_model_problems) {
  wchg_cdr c, *in = NULL;
  json_t *j = (json_t *)1;
  wchg_diag d;
  wchg_cdr_init(&c);
  c.ims.transit_ioi_lists = (wchg_str_list){NULL, 2};
  ck_assert_int_eq(wchg_cdr_to_json(&c, &j, &d), WCHG_E_ARG);
  ck_assert_ptr_null(j);
  ck_assert_str_eq(d.path, "pCSCFRecord/transit-IOI-Lists");
  ck_assert_str_eq(d.message, "list has a count (2) but no items");
  const char *t = REC(",\"recordClosureTime\":{\"octets\":\"241a151345302b0100\"},"
                      "\"recordSequenceNumber\":{\"octets\":\"0001\"}");
  ck_assert_int_eq(wchg_cdr_from_json_text(t, strlen(t), NULL, &in, &d), WCHG_OK);
  char buf[512];
  size_t len;
  ck_assert_int_eq(wchg_cdr_to_json_text(in, 0, buf, sizeof buf, &len, &d), WCHG_OK);
  buf[len] = '\0';
  ck_assert_ptr_nonnull(strstr(buf, "\"recordSequenceNumber\":{\"octets\":\"0001\",\"invalid\":"
                                   "\"the INTEGER is not in its shortest form\"}"));
  ck_assert_ptr_nonnull(strstr(buf, "\"recordClosureTime\":{\"octets\":\"241a151345302b0100\""));
  in->record_sequence_number.value = 7;
  ck_assert_int_eq(wchg_timestamp_set(&in->record_closure_time, 2024, 1, 15, 13, 45, 30, 60),
                   WCHG_OK);
  ck_assert_int_eq(wchg_cdr_to_json_text(in, 0, buf, sizeof buf, &len, &d), WCHG_OK);
  buf[len] = '\0';
  ck_assert_str_eq(buf, REC(",\"recordClosureTime\":\"2024-01-15T13:45:30+01:00\","
                            "\"recordSequenceNumber\":7"));
  wchg_cdr_free(in);
  /* no octets: not one record */
  ck_assert_int_eq(wchg_other_record_to_json(NULL, 0, &j, &d), WCHG_E_JSON_TYPE);
  ck_assert_ptr_null(j);
}
END_TEST

/* Values too long for the arena's chunk at hand: each allocation that
 * takes a new chunk fails in turn (octets, an OBJECT IDENTIFIER, a value
 * kept as received, the table of 4001 of them). */
START_TEST(long_values_import_oom) {
  size_t cap = 600000, pos = 0;
  char *text = malloc(cap);
  ck_assert_ptr_nonnull(text);
  /* first a value kept as received larger than any chunk so far: its
   * octets take a chunk of their own, and so does their copy */
  pos += (size_t)snprintf(text + pos, cap - pos, "{\"pCSCFRecord\":{\"recordSequenceNumber\":"
                                                  "{\"octets\":\"00");
  for (int i = 0; i < 100000; i++)
    pos += (size_t)snprintf(text + pos, cap - pos, "01");
  pos += (size_t)snprintf(text + pos, cap - pos, "\"},\"recordType\":64,"
                                                  "\"iMS-Charging-Identifier\":\"");
  for (int i = 0; i < 20000; i++)
    pos += (size_t)snprintf(text + pos, cap - pos, "%02x", i & 0xff);
  pos += (size_t)snprintf(text + pos, cap - pos, "\",\"recordExtensions\":[{\"identifier\":\"1.2");
  for (int i = 0; i < 3000; i++)
    pos += (size_t)snprintf(text + pos, cap - pos, ".%d", 100000 + i);
  pos += (size_t)snprintf(text + pos, cap - pos, "\",\"information\":\"0500\"}],"
                                                  "\"list-Of-SDP-Media-Components\":[");
  for (int i = 0; i < 4000; i++)
    pos += (size_t)snprintf(text + pos, cap - pos,
                            "%s{\"sIP-Request-Timestamp-Fraction\":{\"octets\":\"0001\"}}",
                            i ? "," : "");
  pos += (size_t)snprintf(text + pos, cap - pos, "]}}");
  ck_assert_uint_lt(pos, cap - 1);
  json_t *j = json_loadb(text, pos, 0, NULL);
  ck_assert_ptr_nonnull(j);
  free(text);
  size_t failed = 0;
  for (int forever = 0; forever < 2; forever++)
    for (size_t k = 1;; k++) {
      struct failmem fm;
      wchg_cdr *out = NULL;
      wchg_diag d;
      failmem_init(&fm, k, forever);
      wchg_status rc = wchg_cdr_from_json(j, &fm.mem, &out, &d);
      size_t calls = fm.calls;
      ck_assert_msg(rc == WCHG_OK || rc == WCHG_E_NOMEM, "k=%zu: %s %s", k, wchg_strerror(rc),
                    d.message);
      if (rc == WCHG_OK) {
        ck_assert_uint_eq(out->ims.ims_charging_identifier.len, 20000);
        ck_assert_uint_eq(out->ims.list_of_sdp_media_components.count, 4000);
      }
      wchg_cdr_free(out);
      ck_assert_uint_eq(fm.live, 0);
      if (rc == WCHG_E_NOMEM) {
        failed++;
        ck_assert_int_eq(d.code, WCHG_E_NOMEM);
        continue;
      }
      ck_assert_uint_lt(calls, k);
      break;
    }
  ck_assert_uint_gt(failed, 6);
  json_decref(j);
}
END_TEST

/* Syntax errors, none of them for want of memory: WCHG_E_JSON at the
 * position Jansson gives. */
START_TEST(syntax_errors) {
  static const struct {
    const char *text;
    size_t offset;
    const char *message;
  } c[] = {
      {"", 0, "line 1 column 0: '[' or '{' expected near end of file"},
      {"x", 1, "line 1 column 1: '[' or '{' expected near 'x'"},
      {"{\"a\"", 4, "line 1 column 4: ':' expected near end of file"},
      {"\"abc", 4, "line 1 column 4: premature end of input near '\"abc'"},
      {"{\"a\":\"x\\u00\"}", 12, "line 1 column 12: invalid escape near '\"x\\u00\"'"},
  };
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    wchg_cdr *out = (wchg_cdr *)1;
    wchg_diag d;
    ck_assert_int_eq(wchg_cdr_from_json_text(c[i].text, strlen(c[i].text), NULL, &out, &d),
                     WCHG_E_JSON);
    ck_assert_ptr_null(out);
    ck_assert_msg(d.offset == c[i].offset && !strcmp(d.message, c[i].message),
                  "%s: %zu %s", c[i].text, d.offset, d.message);
  }
}
END_TEST

Suite *cov_json_suite(void) {
  Suite *s = suite_create("cov_json");
  TCase *t = tcase_create("json");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, every_type_every_kind);
  tcase_add_test(t, kept_as_received_each_kind);
  tcase_add_test(t, kept_as_received_errors);
  tcase_add_test(t, elements_of_a_record);
  tcase_add_test(t, arguments);
  tcase_add_test(t, other_record_forms);
  tcase_add_test(t, rich_record_round_trip);
  tcase_add_test(t, rich_record_export_oom);
  tcase_add_test(t, rich_record_import_oom);
  tcase_add_test(t, export_model_problems);
  tcase_add_test(t, long_values_import_oom);
  tcase_add_test(t, syntax_errors);
  suite_add_tcase(s, t);
  return s;
}
