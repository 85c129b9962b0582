/* test_ber_receive.c: the BER reader's receive policy (issue 18, "decode
 * keeps, validation judges") on records built by hand: every kind of value
 * that is readable but breaks its rule is refused by the strict policy and
 * kept by the receive policy, with a warning at the same path and offset;
 * wchg_cdr_validate() names it; JSON shows it and reads it back; DER
 * writes back the same bytes. Then the other IMSRecord types: their own
 * status, their length, their JSON line.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/cdr_json.h>
#include <webrtc_chg/validate.h>

#include "samples.h"
#include "testutil.h"

#define R "pCSCFRecord"
#define BAD_TS "2601aa1000002b0100" /* day octet 0xaa: not BCD */

struct want {
  wchg_status code;
  const char *path;  /* the decoder's path (BER nesting) */
  size_t offset;     /* of the value's tag, in the whole record */
  const char *vpath; /* wchg_cdr_validate's (JSON view); NULL: the same */
};

struct kept {
  const char *hex;      /* the SET's contents: the record is "bf40 LL" + this */
  struct want w[4];     /* the warnings, in order (code 0 ends) */
  const char *json;     /* a piece of the JSON text, or NULL */
};

/* "bf40 LL" + the contents of |hex| (short length form: < 128 octets). */
static size_t record_of(const char *hex, uint8_t *buf, size_t cap) {
  size_t n = test_unhex(hex, buf + 3, cap - 3);
  ck_assert_uint_lt(n, 128);
  buf[0] = 0xbf;
  buf[1] = 0x40;
  buf[2] = (uint8_t)n;
  return n + 3;
}

static size_t nwant(const struct kept *k) {
  size_t n = 0;
  while (n < 4 && k->w[n].code)
    n++;
  return n;
}

static uint8_t *encode_of(const wchg_cdr *c, size_t *len) {
  size_t need = 0;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_encode(c, NULL, 0, &need, &d), WCHG_E_BUFFER);
  uint8_t *buf = malloc(need);
  ck_assert_int_eq(wchg_cdr_encode(c, buf, need, len, &d), WCHG_OK);
  return buf;
}

static void same_bytes(const wchg_cdr *c, const uint8_t *in, size_t n, const char *what,
                       const char *hex) {
  size_t len = 0;
  uint8_t *out = encode_of(c, &len);
  ck_assert_msg(len == n && memcmp(out, in, n) == 0, "%s: %s: DER differs", hex, what);
  free(out);
}

static void expect_warnings(const struct kept *k, const wchg_warnings *w) {
  size_t n = nwant(k);
  ck_assert_msg(w->count == n, "%s: %zu warnings, want %zu (first: %s at %s)", k->hex,
                w->count, n, w->count ? w->items[0].message : "", w->count ? w->items[0].path : "");
  for (size_t i = 0; i < n; i++) {
    const wchg_diag *d = &w->items[i];
    ck_assert_msg(d->code == k->w[i].code, "%s: warning %zu is %s (%s), want %s", k->hex, i,
                  wchg_strerror(d->code), d->message, wchg_strerror(k->w[i].code));
    ck_assert_msg(strcmp(d->path, k->w[i].path) == 0, "%s: warning %zu at %s, want %s",
                  k->hex, i, d->path, k->w[i].path);
    ck_assert_msg(d->offset == k->w[i].offset, "%s: warning %zu at offset %zu, want %zu",
                  k->hex, i, d->offset, k->w[i].offset);
    ck_assert_uint_gt(strlen(d->message), 10);
  }
}

static void expect_validation(const struct kept *k, const wchg_cdr *c) {
  wchg_diag diags[16];
  size_t count = 0;
  ck_assert_int_ne(wchg_cdr_validate(c, 0, diags, 16, &count), WCHG_OK);
  for (size_t i = 0; i < nwant(k); i++) {
    const char *vp = k->w[i].vpath ? k->w[i].vpath : k->w[i].path;
    size_t j = 0;
    while (j < count && j < 16 && !(diags[j].code == k->w[i].code && strcmp(diags[j].path, vp) == 0))
      j++;
    ck_assert_msg(j < count && j < 16, "%s: validation does not name %s (%s); first: %s at %s",
                  k->hex, vp, wchg_strerror(k->w[i].code), diags[0].message, diags[0].path);
  }
}

/* The JSON text shows |k->json| and reads back into the same DER. */
static void expect_json(const struct kept *k, const wchg_cdr *c, const uint8_t *in, size_t n) {
  char text[2048];
  size_t len = 0;
  wchg_diag d;
  wchg_cdr *back = NULL;
  ck_assert_int_eq(wchg_cdr_to_json_text(c, 0, text, sizeof text - 1, &len, &d), WCHG_OK);
  text[len] = '\0';
  if (k->json)
    ck_assert_msg(strstr(text, k->json), "%s: JSON %s lacks %s", k->hex, text, k->json);
  ck_assert_msg(wchg_cdr_from_json_text(text, len, NULL, &back, &d) == WCHG_OK,
                "%s: JSON does not read back: %s at %s", text, d.message, d.path);
  same_bytes(back, in, n, "BER -> JSON -> DER", k->hex);
  wchg_cdr_free(back);
}

static void check_kept(const struct kept *k) {
  uint8_t in[160];
  size_t n = record_of(k->hex, in, sizeof in), used = 0;
  wchg_cdr *c = (wchg_cdr *)1;
  wchg_diag d, items[8];
  wchg_warnings w = {items, 8, 0};

  /* strict: the first problem stops it, where receive warns first */
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, WCHG_POLICY_STRICT, NULL, &c, NULL, &d, &w),
                   k->w[0].code);
  ck_assert_ptr_null(c);
  ck_assert_str_eq(d.path, k->w[0].path);
  ck_assert_uint_eq(d.offset, k->w[0].offset);
  ck_assert_uint_eq(w.count, 0);

  /* receive: kept, each problem a warning */
  ck_assert_msg(wchg_cdr_decode_ex(in, n, WCHG_POLICY_RECEIVE, NULL, &c, &used, &d, &w) ==
                WCHG_OK, "%s: %s at %s", k->hex, d.message, d.path);
  ck_assert_uint_eq(used, n);
  expect_warnings(k, &w);
  same_bytes(c, in, n, "BER -> DER", k->hex);
  expect_validation(k, c);
  expect_json(k, c, in, n);
  wchg_cdr_free(c);

  /* wchg_cdr_decode is the receive policy */
  ck_assert_int_eq(wchg_cdr_decode(in, n, NULL, &c, NULL, &d), WCHG_OK);
  same_bytes(c, in, n, "wchg_cdr_decode -> DER", k->hex);
  wchg_cdr_free(c);
}

static void check_all(const struct kept *cases, size_t n) {
  for (size_t i = 0; i < n; i++)
    check_kept(&cases[i]);
}
#define CHECK_ALL(cases) check_all(cases, sizeof cases / sizeof cases[0])

/* ---- TimeStamps at every depth -------------------------------------------- */

START_TEST(timestamps) {
  static const struct kept cases[] = {
      {"800140 8c09 " BAD_TS, {{WCHG_E_TIMESTAMP, R "/recordOpeningTime", 6, NULL}},
       "\"recordOpeningTime\":{\"octets\":\"" BAD_TS "\",\"invalid\":\"not a valid "
       "TimeStamp: day octet 0xaa is not two BCD digits\"}"},
      /* four top-level times, two bad (month 13, sign 0x20): two warnings */
      {"800140 8909 2601151000002b0100 8a09 2613151000002b0100 8b09 2601151000002b0100"
       " 8d09 260115100000200100",
       {{WCHG_E_TIMESTAMP, R "/serviceDeliveryStartTimeStamp", 17, NULL},
        {WCHG_E_TIMESTAMP, R "/recordClosureTime", 39, NULL}},
       "\"serviceDeliveryStartTimeStamp\":{\"octets\":\"2613151000002b0100\",\"invalid\":"
       "\"not a valid TimeStamp: month 13 is not 01..12\"}"},
      /* not 9 octets: the model cannot hold it, the record keeps it */
      {"800140 8c08 2611241000002b01", {{WCHG_E_CONSTRAINT, R "/recordOpeningTime", 6, NULL}},
       "\"recordOpeningTime\":{\"octets\":\"2611241000002b01\",\"invalid\":\"a TimeStamp "
       "has 9 octets, not 8\"}"},
      {"800140 8c0a 2611241000002b010000",
       {{WCHG_E_CONSTRAINT, R "/recordOpeningTime", 6, NULL}}, NULL},
      {"800140 b50d 300b 8009 " BAD_TS,
       {{WCHG_E_TIMESTAMP, R "/list-Of-SDP-Media-Components[0]/sIP-Request-Timestamp", 10,
         NULL}}, NULL},
      {"800140 bf200d 300b 8109 " BAD_TS,
       {{WCHG_E_TIMESTAMP, R "/list-Of-Early-SDP-Media-Components[0]/sDP-Answer-Timestamp",
         11, NULL}}, NULL},
      {"800140 bf3e0d 300b 8209 " BAD_TS,
       {{WCHG_E_TIMESTAMP, R "/list-Of-AccessNetworkInfoChange[0]/accessChangeTime", 11,
         NULL}}, NULL},
      {"800140 bf3f0d 300b 8109 " BAD_TS,
       {{WCHG_E_TIMESTAMP, R "/listOfCalledIdentityChanges[0]/changeTime", 11, NULL}}, NULL},
      {"800140 bf6a0d 300b 8609 " BAD_TS,
       {{WCHG_E_TIMESTAMP, R "/list-Of-AccessTransferInformation[0]/accessTransferTime", 11,
         NULL}}, NULL},
      /* a nested TimeStamp of 8 octets */
      {"800140 b50c 300a 8108 2601151000002b01",
       {{WCHG_E_CONSTRAINT, R "/list-Of-SDP-Media-Components[0]/sIP-Response-Timestamp", 10,
         NULL}}, "\"sIP-Response-Timestamp\":{\"octets\":\"2601151000002b01\""},
  };
  CHECK_ALL(cases);
}
END_TEST

/* ---- text outside its alphabet or size ------------------------------------- */

START_TEST(text) {
  static const struct kept cases[] = {
      /* UTF8String that is not UTF-8 */
      {"800140 9c02c328", {{WCHG_E_UTF8, R "/event", 6, NULL}},
       "\"event\":{\"octets\":\"c328\",\"invalid\":\"not valid UTF-8: byte 0 is 0xc3\"}"},
      /* GraphicString with a control character: JSON carries it */
      {"800140 8206 494e56015445", {{WCHG_E_UTF8, R "/sIP-Method", 6, NULL}},
       "\"sIP-Method\":\"INV\\u0001TE\""},
      /* IA5String with an 8-bit octet */
      {"800140 a40b a009 8207 312e322e332ee9",
       {{WCHG_E_UTF8, R "/nodeAddress/iPAddress/iPTextV4Address", 10,
         R "/nodeAddress/iPAddress/iPTextRepresentedAddress/iPTextV4Address"}},
       "\"iPTextV4Address\":{\"octets\":\"312e322e332ee9\""},
      /* IA5String longer than its SIZE (7..15) */
      {"800140 a414 a012 8210 3235352e3235352e3235352e32353530",
       {{WCHG_E_CONSTRAINT, R "/nodeAddress/iPAddress/iPTextV4Address", 10,
         R "/nodeAddress/iPAddress/iPTextRepresentedAddress/iPTextV4Address"}},
       "\"iPTextV4Address\":\"255.255.255.2550\""},
      /* an element of a SEQUENCE OF GraphicString, three levels down */
      {"800140 b50c 300a a208 3006 a104 1902c328",
       {{WCHG_E_UTF8,
         R "/list-Of-SDP-Media-Components[0]/sDP-Media-Components[0]/sDP-Media-Descriptions[0]",
         16, NULL}}, NULL},
      /* an InvolvedParty alternative, a MessageBody member */
      {"800140 a706 8004 73697007", {{WCHG_E_UTF8, R "/called-Party-Address/sIP-URI", 8, NULL}},
       "\"sIP-URI\":\"sip\\u0007\""},
      {"800140 b80b 3009 8004 610a6263 820105",
       {{WCHG_E_UTF8, R "/list-Of-Message-Bodies[0]/content-Type", 10, NULL}}, NULL},
      /* a SET member beside an unnamed ENUMERATED */
      {"800140 bf1f0a 3108 800109 810361ff62",
       {{WCHG_E_RANGE, R "/list-of-subscription-ID[0]/subscriptionIDType", 11, NULL},
        {WCHG_E_UTF8, R "/list-of-subscription-ID[0]/subscriptionIDData", 14, NULL}},
       "\"subscriptionIDType\":9,\"subscriptionIDData\":{\"octets\":\"61ff62\""},
      /* our WebRTC identity, inside the extension's open type */
      {"800140 b91f 301d 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144 a206 3004 8002c328",
       {{WCHG_E_UTF8, R "/recordExtensions[0]/information/webRTCAuthenticationFunctionName",
         35, R "/webRTCAuthenticationFunctionName"}},
       "\"webRTCAuthenticationFunctionName\":{\"octets\":\"c328\""},
  };
  CHECK_ALL(cases);
}
END_TEST

/* ---- INTEGER and ENUMERATED ------------------------------------------------- */

START_TEST(integers) {
  static const struct kept cases[] = {
      {"800140 9f250203e8", {{WCHG_E_RANGE, R "/serviceRequestTimeStampFraction", 6, NULL}},
       "\"serviceRequestTimeStampFraction\":1000"},
      {"800140 8f050100000000", {{WCHG_E_RANGE, R "/localRecordSequenceNumber", 6, NULL}},
       "\"localRecordSequenceNumber\":4294967296"},
      /* wider than 64 bits, not minimal (both signs), empty: kept as received */
      {"800140 9009 010000000000000000",
       {{WCHG_E_ENCODING, R "/recordSequenceNumber", 6, NULL}},
       "\"recordSequenceNumber\":{\"octets\":\"010000000000000000\",\"invalid\":\"the "
       "INTEGER is wider than 64 bits (9 octets)\"}"},
      {"800140 90020001", {{WCHG_E_ENCODING, R "/recordSequenceNumber", 6, NULL}},
       "\"recordSequenceNumber\":{\"octets\":\"0001\",\"invalid\":\"the INTEGER is not in "
       "its shortest form\"}"},
      {"800140 9002ff80", {{WCHG_E_ENCODING, R "/recordSequenceNumber", 6, NULL}}, NULL},
      {"800140 9000", {{WCHG_E_ENCODING, R "/recordSequenceNumber", 6, NULL}},
       "\"recordSequenceNumber\":{\"octets\":\"\""},
      /* ENUMERATED values without a name, and one too wide */
      {"800140 830107 910102",
       {{WCHG_E_RANGE, R "/role-of-Node", 6, NULL},
        {WCHG_E_RANGE, R "/causeForRecordClosing", 9, NULL}},
       "\"role-of-Node\":7"},
      {"800140 8309 ff0000000000000000", {{WCHG_E_ENCODING, R "/role-of-Node", 6, NULL}},
       "\"role-of-Node\":{\"octets\":\"ff0000000000000000\""},
      /* a gPRS-Charging-Id below 0 in the flattened accessCorrelationID */
      {"800140 b50b 3009 a207 3005 8203ff0000",
       {{WCHG_E_RANGE,
         R "/list-Of-SDP-Media-Components[0]/sDP-Media-Components[0]/gPRS-Charging-Id", 14,
         R "/list-Of-SDP-Media-Components[0]/sDP-Media-Components[0]/accessCorrelationID/"
           "gPRS-Charging-Id"}}, NULL},
  };
  CHECK_ALL(cases);
}
END_TEST

/* ---- BOOLEAN, NULL, addresses, OID, sizes ----------------------------------- */

START_TEST(other_kinds) {
  static const struct kept cases[] = {
      /* BOOLEAN of 2 and of 0 octets around an unnamed ENUMERATED */
      {"800140 b209 80020000 810105 8200",
       {{WCHG_E_ENCODING, R "/incomplete-CDR-Indication/aCRStartLost", 8, NULL},
        {WCHG_E_RANGE, R "/incomplete-CDR-Indication/aCRInterimLost", 12, NULL},
        {WCHG_E_ENCODING, R "/incomplete-CDR-Indication/aCRStopLost", 15, NULL}},
       "\"aCRStartLost\":{\"octets\":\"0000\",\"invalid\":\"a BOOLEAN is one octet, not 2\"}"},
      /* a BOOLEAN DEFAULT FALSE kept empty: written although its stand-in is FALSE */
      {"800140 b90c 300a 06022a03 8100 a2020500",
       {{WCHG_E_ENCODING, R "/recordExtensions[0]/significance", 14, NULL}},
       "\"significance\":{\"octets\":\"\",\"invalid\":\"a BOOLEAN is one octet, not 0\"}"},
      {"800140 810101", {{WCHG_E_ENCODING, R "/retransmission", 6, NULL}},
       "\"retransmission\":{\"octets\":\"01\",\"invalid\":\"a NULL has no contents octets (1 "
       "here)\"}"},
      /* an IPv4 address of 5 octets */
      {"800140 a409 a007 8005 c0a8000101",
       {{WCHG_E_CONSTRAINT, R "/nodeAddress/iPAddress/iPBinV4Address", 10,
         R "/nodeAddress/iPAddress/iPBinaryAddress/iPBinV4Address"}},
       "\"iPBinV4Address\":{\"octets\":\"c0a8000101\",\"invalid\":\"the address must have 4 "
       "octets, not 5\"}"},
      /* an IPv6 address of 17 octets and a prefix length of 64 not minimal
       * (64 is the DEFAULT: written all the same) */
      {"800140 bf3219 a417 0411 000102030405060708090a0b0c0d0e0f10 02020040",
       {{WCHG_E_CONSTRAINT, R "/servedPartyIPAddress/iPBinV6AddressWithPrefix/iPBinV6Address",
         11, R "/servedPartyIPAddress/iPBinaryAddress/iPBinV6Address/iPBinV6AddressWithPrefix/"
               "iPBinV6Address"},
        {WCHG_E_ENCODING,
         R "/servedPartyIPAddress/iPBinV6AddressWithPrefix/pDPAddressPrefixLength", 30,
         R "/servedPartyIPAddress/iPBinaryAddress/iPBinV6Address/iPBinV6AddressWithPrefix/"
           "pDPAddressPrefixLength"}},
       "\"pDPAddressPrefixLength\":{\"octets\":\"0040\""},
      /* a prefix length outside 1..64 */
      {"800140 bf3217 a415 0410 000102030405060708090a0b0c0d0e0f 020100",
       {{WCHG_E_RANGE, R "/servedPartyIPAddress/iPBinV6AddressWithPrefix/pDPAddressPrefixLength",
         29, R "/servedPartyIPAddress/iPBinaryAddress/iPBinV6Address/iPBinV6AddressWithPrefix/"
               "pDPAddressPrefixLength"}},
       "\"pDPAddressPrefixLength\":0"},
      /* OBJECT IDENTIFIER: last arc cut, an arc not minimal */
      {"800140 b90a 3008 06022a83 a2020500",
       {{WCHG_E_ENCODING, R "/recordExtensions[0]/identifier", 10, NULL}},
       "\"identifier\":{\"octets\":\"2a83\""},
      {"800140 b90b 3009 06032a8001 a2020500",
       {{WCHG_E_ENCODING, R "/recordExtensions[0]/identifier", 10, NULL}}, NULL},
      /* an OCTET STRING of the wrong SIZE: JSON carries it as it is */
      {"800140 9f3003010203", {{WCHG_E_CONSTRAINT, R "/mSTimeZone", 6, NULL}},
       "\"mSTimeZone\":\"010203\""},
  };
  CHECK_ALL(cases);
}
END_TEST

/* ---- the model's stand-ins, and where the kept octets live ----------------- */

static wchg_cdr *receive(const char *hex, uint8_t *in, size_t *n) {
  wchg_cdr *c = NULL;
  wchg_diag d;
  *n = record_of(hex, in, 160);
  ck_assert_int_eq(wchg_cdr_decode(in, *n, NULL, &c, NULL, &d), WCHG_OK);
  return c;
}

START_TEST(stand_ins) {
  static const uint8_t zeros[16] = {0};
  uint8_t in[160];
  size_t n;
  wchg_cdr *c = receive("800140 810101 a409 a007 8005 c0a8000101 8c08 2611241000002b01 "
                        "90020001", in, &n);
  ck_assert(c->record_sequence_number.present);
  ck_assert_int_eq(c->record_sequence_number.value, 1); /* read: it fits */
  ck_assert(c->record_opening_time.present);
  ck_assert(memcmp(c->record_opening_time.octets, zeros, 9) == 0);
  ck_assert(c->retransmission);
  ck_assert_int_eq(c->node_address.ip_address.choice, WCHG_IP_BIN_V4);
  ck_assert(memcmp(c->node_address.ip_address.bin, zeros, 4) == 0);
  /* a copy of the record's struct writes the same octets (keys are
   * offsets inside the wchg_cdr) */
  wchg_cdr copy = *c;
  same_bytes(&copy, in, n, "a copy of the struct", "stand_ins");
  /* a record built by a producer has no such value: the model is written */
  copy.owner_ = NULL;
  size_t len;
  uint8_t *out = encode_of(&copy, &len);
  ck_assert_uint_eq(len, n - 2); /* 81 00, 80 04 zeros, 8c 09 zeros, 90 01 01 */
  free(out);
  wchg_cdr_free(c);
  /* a value changed after decoding is the new value: the model is written */
  c = receive("800140 90020001 a409 a007 8005 c0a8000101", in, &n);
  c->record_sequence_number.value = 2;
  c->node_address.ip_address.bin[0] = 10;
  uint8_t want[32];
  size_t wn = test_unhex("bf40 10 800140 a408 a006 80040a000000 900102", want, sizeof want);
  same_bytes(c, want, wn, "changed values", "stand_ins");
  size_t count = 0;
  ck_assert_int_eq(wchg_cdr_validate(c, 0, NULL, 0, &count), WCHG_OK);
  wchg_cdr_free(c);
  c = receive("800140 9009 ff7fffffffffffffff", in, &n);
  ck_assert_int_eq(c->record_sequence_number.value, 0); /* wider than int64 */
  wchg_cdr_free(c);
  c = receive("800140 9009 ffff7fffffffffffff", in, &n);
  ck_assert_int_eq(c->record_sequence_number.value, -(INT64_C(1) << 55) - 1); /* not minimal */
  wchg_cdr_free(c);
}
END_TEST

/* BER forms DER writes its own way are no warning: a BOOLEAN TRUE other
 * than FF, a DEFAULT value present. */
START_TEST(ber_forms_no_warning) {
  uint8_t in[160];
  size_t n = record_of("800140 b209 800101 810100 820100 bf3217 a415 0410 "
                       "000102030405060708090a0b0c0d0e0f 020140", in, sizeof in), len;
  wchg_cdr *c = NULL;
  wchg_diag d, items[2];
  wchg_warnings w = {items, 2, 0};
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, WCHG_POLICY_STRICT, NULL, &c, NULL, &d, &w),
                   WCHG_OK);
  wchg_cdr_free(c);
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, WCHG_POLICY_RECEIVE, NULL, &c, NULL, &d, &w),
                   WCHG_OK);
  ck_assert_uint_eq(w.count, 0);
  ck_assert_int_eq(c->incomplete_cdr_indication.acr_start_lost.value, 1);
  uint8_t *out = encode_of(c, &len);
  ck_assert_uint_eq(len, n - 3);   /* the prefix length 64 left out */
  ck_assert_int_eq(out[10], 0xff); /* TRUE as DER writes it */
  wchg_cdr_free(c);
  free(out);
}
END_TEST

/* Warnings: counted always, kept up to cap; NULL asks for none. */
START_TEST(warnings_cap) {
  uint8_t in[160];
  size_t n = record_of("800140 810101 830107 9f250203e8", in, sizeof in);
  wchg_cdr *c = NULL;
  wchg_diag d, items[1];
  wchg_warnings w = {items, 1, 0}, counting = {NULL, 0, 5};
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, WCHG_POLICY_RECEIVE, NULL, &c, NULL, &d, &w),
                   WCHG_OK);
  ck_assert_uint_eq(w.count, 3);
  ck_assert_str_eq(items[0].path, R "/retransmission");
  wchg_cdr_free(c);
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, WCHG_POLICY_RECEIVE, NULL, &c, NULL, &d,
                                      &counting), WCHG_OK);
  ck_assert_uint_eq(counting.count, 8); /* added to what was there */
  wchg_cdr_free(c);
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, WCHG_POLICY_RECEIVE, NULL, &c, NULL, &d, NULL),
                   WCHG_OK);
  same_bytes(c, in, n, "without warnings", "warnings_cap");
  wchg_cdr_free(c);
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, (wchg_policy)7, NULL, &c, NULL, &d, NULL),
                   WCHG_E_ARG);
  ck_assert_ptr_null(c);
}
END_TEST

/* What we produce is valid: both policies take it, with no warning. */
START_TEST(strict_success_is_clean) {
  void (*const samples[])(wchg_cdr *) = {sample_full, sample_h3, sample_h4, sample_minimal};
  for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
    wchg_cdr ref, *c = NULL;
    wchg_diag d, items[4];
    wchg_warnings w = {items, 4, 0};
    size_t n;
    samples[i](&ref);
    uint8_t *der = test_encode(&ref, &n);
    ck_assert_int_eq(wchg_cdr_decode_ex(der, n, WCHG_POLICY_STRICT, NULL, &c, NULL, &d, &w),
                     WCHG_OK);
    wchg_cdr_free(c);
    ck_assert_int_eq(wchg_cdr_decode_ex(der, n, WCHG_POLICY_RECEIVE, NULL, &c, NULL, &d, &w),
                     WCHG_OK);
    ck_assert_uint_eq(w.count, 0);
    wchg_cdr_free(c);
    free(der);
  }
}
END_TEST

/* ---- JSON: the invalid form read back, and refused when malformed ---------- */

static void import_err(const char *body, wchg_status code, const char *path) {
  char text[512];
  wchg_cdr *c = (wchg_cdr *)1;
  wchg_diag d;
  snprintf(text, sizeof text, "{\"pCSCFRecord\":{\"recordType\":64,%s}}", body);
  ck_assert_msg(wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d) == code,
                "%s: %s at %s", body, d.message, d.path);
  ck_assert_ptr_null(c);
  ck_assert_str_eq(d.path, path);
}

START_TEST(json_invalid_form) {
  static const char text[] =
      "{\"pCSCFRecord\":{\"recordType\":{\"octets\":\"0040\"},"
      "\"retransmission\":{\"octets\":\"\",\"invalid\":\"x\"},"
      "\"sIP-Method\":{\"octets\":\"494e56\"},"
      "\"recordOpeningTime\":{\"octets\":\"2601151000002b0100\"}}}";
  static const char der[] = "bf40 16 80020040 8100 8203494e56 8c09 2601151000002b0100";
  uint8_t want[64];
  size_t n = test_unhex(der, want, sizeof want);
  wchg_cdr *c = NULL;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d), WCHG_OK);
  ck_assert_int_eq(c->record_type.value, 64);
  ck_assert_str_eq(c->ims.sip_method.ptr, "INV"); /* a C string too */
  same_bytes(c, want, n, "JSON invalid form", text);
  wchg_cdr_free(c);
  import_err("\"event\":{\"octets\":\"00\",\"why\":\"x\"}", WCHG_E_JSON_KEY, R "/event");
  import_err("\"event\":{\"invalid\":\"x\"}", WCHG_E_MISSING, R "/event");
  import_err("\"event\":{\"octets\":\"0g\"}", WCHG_E_JSON_TYPE, R "/event/octets");
  import_err("\"event\":{\"octets\":\"00\",\"invalid\":1}", WCHG_E_JSON_TYPE, R "/event");
  /* an OCTET STRING has no invalid form: its hex carries any octets */
  import_err("\"mSTimeZone\":{\"octets\":\"00\"}", WCHG_E_JSON_TYPE, R "/mSTimeZone");
}
END_TEST

/* ---- other IMSRecord types -------------------------------------------------- */

struct other {
  const char *hex;
  size_t length;
  uint32_t tag;
  const char *name; /* NULL: a tag TS 32.298 does not name */
};

START_TEST(other_records) {
  static const struct other cases[] = {
      {"bf3f 03 80013f", 6, 63, "sCSCFRecord"},
      {"bf45 80 800145 0000", 8, 69, "aSRecord"},                 /* indefinite */
      {"bf41 80 a180 800100 0000 0000", 12, 65, "iCSCFRecord"},   /* nested */
      {"bf5b 03 80015b", 6, 91, "aTCFRecord"},
      {"bf64 03 800164", 6, 100, NULL},
      {"85 01 00", 3, 5, NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const struct other *o = &cases[i];
    uint8_t in[64];
    size_t n = test_unhex(o->hex, in, sizeof in), used = 0;
    in[n++] = 0xbf; /* a record follows */
    for (int policy = 0; policy < 2; policy++) {
      wchg_cdr *c = (wchg_cdr *)1;
      wchg_diag d;
      ck_assert_int_eq(wchg_cdr_decode_ex(in, n, (wchg_policy)policy, NULL, &c, &used, &d,
                                          NULL), WCHG_E_OTHER_RECORD);
      ck_assert_ptr_null(c);
      ck_assert_uint_eq(used, o->length);
      ck_assert_int_eq(d.code, WCHG_E_OTHER_RECORD);
      ck_assert_uint_eq(d.offset, 0);
      ck_assert_str_eq(d.path, o->name ? o->name : "IMSRecord");
      char tag[16];
      snprintf(tag, sizeof tag, "[%u]", (unsigned)o->tag);
      ck_assert_ptr_nonnull(strstr(d.message, tag));
    }
    wchg_record_info info;
    ck_assert_int_eq(wchg_cdr_peek(in, n, &info, NULL), WCHG_OK);
    ck_assert_uint_eq(info.tag, o->tag);
    ck_assert_uint_eq(info.length, o->length);
    if (o->name)
      ck_assert_str_eq(info.name, o->name);
    else
      ck_assert_ptr_null(info.name);
  }
}
END_TEST

/* An other record must still be readable as a TLV. */
START_TEST(other_records_malformed) {
  static const struct {
    const char *hex;
    wchg_status code;
    size_t offset;
  } cases[] = {
      {"bf3f 05 80013f", WCHG_E_TRUNCATED, 0},
      {"bf45 80 800145", WCHG_E_TRUNCATED, 6},
      {"bf45 80 800145 00", WCHG_E_TRUNCATED, 6},
      {"bf45 80 8280 0000 0000", WCHG_E_LENGTH, 3}, /* primitive with indefinite length */
      {"3003 800140", WCHG_E_TAG, 0},           /* not context-specific */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint8_t in[64];
    size_t n = test_unhex(cases[i].hex, in, sizeof in);
    wchg_cdr *c = NULL;
    wchg_diag d;
    wchg_record_info info;
    ck_assert_int_eq(wchg_cdr_decode(in, n, NULL, &c, NULL, &d), cases[i].code);
    ck_assert_uint_eq(d.offset, cases[i].offset);
    ck_assert_int_eq(wchg_cdr_peek(in, n, &info, &d), cases[i].code);
    ck_assert_uint_eq(d.offset, cases[i].offset);
  }
  /* indefinite lengths nested past the depth limit */
  uint8_t deep[8 + 2 * (WCHG_BER_MAX_DEPTH + 4)];
  size_t n = 0;
  for (int i = 0; i < WCHG_BER_MAX_DEPTH + 4; i++) {
    deep[n++] = i ? 0xa1 : 0xbf;
    if (!i)
      deep[n++] = 0x3f;
    deep[n++] = 0x80;
  }
  wchg_cdr *c = NULL;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_decode(deep, n, NULL, &c, NULL, &d), WCHG_E_DEPTH);
  wchg_record_info info;
  ck_assert_int_eq(wchg_cdr_peek(NULL, 1, &info, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_peek(deep, n, NULL, &d), WCHG_E_ARG);
}
END_TEST

/* A stream of pCSCFRecord, sCSCFRecord, aSRecord, pCSCFRecord: walked
 * record by record, none lost. */
START_TEST(mixed_stream) {
  uint8_t in[128];
  size_t n = test_unhex("bf40 03 800140 bf3f 03 80013f bf45 80 800145 0000 bf40 03 800140",
                        in, sizeof in), off = 0, ours = 0, others = 0;
  while (off < n) {
    wchg_cdr *c = NULL;
    wchg_diag d;
    size_t used = 0;
    wchg_status rc = wchg_cdr_decode(in + off, n - off, NULL, &c, &used, &d);
    ck_assert(rc == WCHG_OK || rc == WCHG_E_OTHER_RECORD);
    ours += rc == WCHG_OK;
    others += rc == WCHG_E_OTHER_RECORD;
    wchg_cdr_free(c);
    off += used;
  }
  ck_assert_uint_eq(off, n);
  ck_assert_uint_eq(ours, 2);
  ck_assert_uint_eq(others, 2);
}
END_TEST

START_TEST(other_record_json) {
  uint8_t in[32], out[32];
  size_t n = test_unhex("bf45 80 800145 0000", in, sizeof in), len = 0;
  json_t *j = NULL;
  wchg_diag d;
  ck_assert_int_eq(wchg_other_record_to_json(in, n, &j, &d), WCHG_OK);
  char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
  ck_assert_str_eq(text, "{\"otherRecord\":{\"tag\":69,\"name\":\"aSRecord\","
                         "\"ber\":\"bf45808001450000\"}}");
  free(text);
  ck_assert_int_eq(wchg_other_record_from_json(j, NULL, 0, &len, &d), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, n);
  ck_assert_int_eq(wchg_other_record_from_json(j, out, sizeof out, &len, &d), WCHG_OK);
  ck_assert_uint_eq(len, n);
  ck_assert(memcmp(in, out, n) == 0);
  json_decref(j);
  /* a tag TS 32.298 does not name: no "name" */
  n = test_unhex("bf64 03 800164", in, sizeof in);
  ck_assert_int_eq(wchg_other_record_to_json(in, n, &j, &d), WCHG_OK);
  ck_assert_ptr_null(json_object_get(json_object_get(j, "otherRecord"), "name"));
  json_decref(j);
  /* refused: ours, trailing octets, not one record */
  n = test_unhex("bf40 03 800140", in, sizeof in);
  ck_assert_int_eq(wchg_other_record_to_json(in, n, &j, &d), WCHG_E_RANGE);
  ck_assert_ptr_null(j);
  n = test_unhex("bf3f 03 80013f 00", in, sizeof in);
  ck_assert_int_eq(wchg_other_record_to_json(in, n, &j, &d), WCHG_E_TRAILING);
  ck_assert_int_eq(wchg_other_record_to_json(in, 4, &j, &d), WCHG_E_JSON_TYPE);
  static const struct {
    const char *text;
    wchg_status code;
    const char *path;
  } bad[] = {
      {"{\"otherRecord\":{\"tag\":63,\"ber\":\"bf3f0380013f\"}}", WCHG_OK, ""},
      {"{\"otherRecord\":{\"tag\":64,\"ber\":\"bf4003800140\"}}", WCHG_E_RANGE, "otherRecord/ber"},
      {"{\"otherRecord\":{\"tag\":62,\"ber\":\"bf3f0380013f\"}}", WCHG_E_RANGE, "otherRecord/ber"},
      {"{\"otherRecord\":{\"tag\":63,\"ber\":\"bf3f0380013f00\"}}", WCHG_E_TRAILING,
       "otherRecord/ber"},
      {"{\"otherRecord\":{\"tag\":63,\"ber\":\"bf3f0580013f\"}}", WCHG_E_JSON_TYPE,
       "otherRecord/ber"},
      {"{\"otherRecord\":{\"tag\":63}}", WCHG_E_MISSING, "otherRecord"},
      {"{\"otherRecord\":{\"tag\":\"63\",\"ber\":\"\"}}", WCHG_E_JSON_TYPE, "otherRecord"},
      {"{\"otherRecord\":{\"tag\":63,\"ber\":\"\",\"x\":1}}", WCHG_E_JSON_KEY, "otherRecord"},
      {"{\"otherRecord\":{\"tag\":63,\"name\":1,\"ber\":\"\"}}", WCHG_E_JSON_TYPE, "otherRecord"},
      {"{\"pCSCFRecord\":{}}", WCHG_E_JSON_TYPE, ""},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    json_t *v = json_loads(bad[i].text, 0, NULL);
    ck_assert_ptr_nonnull(v);
    ck_assert_msg(wchg_other_record_from_json(v, out, sizeof out, &len, &d) == bad[i].code,
                  "%s: %s", bad[i].text, d.message);
    ck_assert_str_eq(d.path, bad[i].path);
    json_decref(v);
  }
}
END_TEST

/* Out of memory at every allocation of a receive decode that keeps
 * values as received (their table is allocated too): NOMEM or the same
 * record, nothing leaked. */
START_TEST(oom_kept_values) {
  uint8_t in[160];
  size_t n = record_of("800140 810101 8c08 2611241000002b01 90020001 9c02c328", in, sizeof in);
  for (size_t fail_at = 1;; fail_at++) {
    struct failmem fm;
    wchg_cdr *c = NULL;
    wchg_diag d, items[4];
    wchg_warnings w = {items, 4, 0};
    failmem_init(&fm, fail_at, 0);
    int rc = wchg_cdr_decode_ex(in, n, WCHG_POLICY_RECEIVE, &fm.mem, &c, NULL, &d, &w);
    if (rc == WCHG_OK) {
      same_bytes(c, in, n, "after out-of-memory", "oom");
      wchg_cdr_free(c);
      ck_assert_uint_eq(fm.live, 0);
      ck_assert_uint_gt(fail_at, 2);
      break;
    }
    ck_assert_int_eq(rc, WCHG_E_NOMEM);
    ck_assert_ptr_null(c);
    ck_assert_uint_eq(fm.live, 0);
    ck_assert_uint_lt(fail_at, 1000);
  }
}
END_TEST

/* Our extension is read into ims.webrtc_* and its list slot is cleared
 * for the next extension (issue 17: every member of a slot written where
 * it is taken). The octets kept as received for a value of ours (here a
 * significance of 2 octets) go with it: the foreign extension that takes
 * the slot next, with a significance of its own whose model value equals
 * that stand-in (TRUE), keeps its own octets. Both records below hold the
 * same model, so they write the same DER. */
START_TEST(dropped_extension_slot) {
  /* ours with significance "0101" (kept as received), then a foreign one */
  static const char with[] =
      "800140 b931 3022 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144 81020101"
      " a207 3005 8003 776166 300b 06022a03 8101ff a2020500";
  /* the same without ours' significance */
  static const char without[] =
      "800140 b92d 301e 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144"
      " a207 3005 8003 776166 300b 06022a03 8101ff a2020500";
  static const uint8_t foreign[] = {0x30, 0x0b, 0x06, 0x02, 0x2a, 0x03, 0x81,
                                    0x01, 0xff, 0xa2, 0x02, 0x05, 0x00};
  uint8_t in[160], in2[160];
  size_t n = record_of(with, in, sizeof in), n2 = record_of(without, in2, sizeof in2);
  size_t len = 0, len2 = 0, count = 0, used = 0;
  wchg_cdr *c = NULL, *c2 = NULL;
  wchg_diag d, items[4], v[16];
  wchg_warnings w = {items, 4, 0};
  ck_assert_int_eq(wchg_cdr_decode_ex(in, n, WCHG_POLICY_RECEIVE, NULL, &c, &used, &d, &w),
                   WCHG_OK);
  ck_assert_uint_eq(used, n);
  ck_assert_uint_eq(w.count, 1);
  ck_assert_str_eq(items[0].path, R "/recordExtensions[0]/significance");
  ck_assert_uint_eq(items[0].offset, 31);
  ck_assert_uint_eq(c->ims.webrtc_authentication_function_name.len, 3);
  ck_assert_uint_eq(c->record_extensions.count, 1);
  ck_assert(c->record_extensions.items[0].significance.present);
  ck_assert_int_eq(c->record_extensions.items[0].significance.value, 1);
  ck_assert_int_eq(wchg_cdr_decode(in2, n2, NULL, &c2, NULL, &d), WCHG_OK);
  uint8_t *out = encode_of(c, &len), *out2 = encode_of(c2, &len2);
  ck_assert_msg(len == len2 && memcmp(out, out2, len) == 0,
                "the same model writes other DER: the dropped slot's octets stayed");
  int found = 0;
  for (size_t i = 0; i + sizeof foreign <= len; i++)
    found |= memcmp(out + i, foreign, sizeof foreign) == 0;
  ck_assert_msg(found, "the foreign extension is not written as received");
  /* nothing of the record is kept as received any more */
  wchg_cdr_validate(c, 0, v, 16, &count);
  for (size_t i = 0; i < count && i < 16; i++)
    ck_assert_msg(!strstr(v[i].path, "recordExtensions"), "validation names %s: %s",
                  v[i].path, v[i].message);
  free(out);
  free(out2);
  wchg_cdr_free(c);
  wchg_cdr_free(c2);
}
END_TEST

Suite *ber_receive_suite(void) {
  Suite *s = suite_create("ber_receive");
  TCase *t = tcase_create("kept");
  tcase_add_test(t, timestamps);
  tcase_add_test(t, text);
  tcase_add_test(t, integers);
  tcase_add_test(t, other_kinds);
  tcase_add_test(t, stand_ins);
  tcase_add_test(t, ber_forms_no_warning);
  tcase_add_test(t, warnings_cap);
  tcase_add_test(t, strict_success_is_clean);
  tcase_add_test(t, json_invalid_form);
  tcase_add_test(t, oom_kept_values);
  tcase_add_test(t, dropped_extension_slot);
  suite_add_tcase(s, t);
  t = tcase_create("other_records");
  tcase_add_test(t, other_records);
  tcase_add_test(t, other_records_malformed);
  tcase_add_test(t, mixed_stream);
  tcase_add_test(t, other_record_json);
  suite_add_tcase(s, t);
  return s;
}
