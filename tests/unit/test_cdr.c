/* test_cdr.c: the DER writer and BER reader on valid records — golden
 * bytes per field kind, every field through a round trip, buffer sizing,
 * encoder errors, BER forms that are not DER.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdr/schema.h" /* wchgi_cdr_decode_tables */
#include "samples.h"
#include "testutil.h"

#define S(x) WCHG_STR(x)

static void expect_hex(const wchg_cdr *cdr, const char *hex, const char *name) {
  uint8_t want[4096];
  size_t wn = test_unhex(hex, want, sizeof want), n;
  uint8_t *got = test_encode(cdr, &n);
  if (n != wn || memcmp(got, want, n)) {
    char buf[2 * 4096 + 1] = "";
    for (size_t i = 0; i < n && i < 4096; i++)
      sprintf(buf + 2 * i, "%02x", got[i]);
    ck_abort_msg("%s: got %s", name, buf);
  }
  test_out_write(name, got, n);
  free(got);
}

/* Decode |buf| and expect success with every byte used, in each policy
 * the same record as the table-driven reader's. */
static wchg_cdr *decode_ok(const uint8_t *buf, size_t n) {
  wchg_cdr *c = NULL, *t = NULL;
  wchg_diag d;
  size_t used = 0;
  char where[128];
  int rc = wchg_cdr_decode(buf, n, NULL, &c, &used, &d);
  ck_assert_msg(rc == WCHG_OK, "decode: %s at %s offset %zu: %s", wchg_strerror(rc),
                d.path, d.offset, d.message);
  ck_assert_uint_eq(used, n);
  for (int strict = 0; strict < 2; strict++) {
    wchg_policy policy = strict ? WCHG_POLICY_STRICT : WCHG_POLICY_RECEIVE;
    wchg_cdr *s = NULL;
    ck_assert_int_eq(wchgi_cdr_decode_tables(buf, n, policy, NULL, &t, &used, NULL, NULL),
                     wchg_cdr_decode_ex(buf, n, policy, NULL, &s, NULL, NULL, NULL));
    ck_assert_msg(!t || test_cdr_equal(t, s, where, sizeof where), "%s differs", where);
    wchg_cdr_free(s);
    wchg_cdr_free(t);
  }
  return c;
}

/* encode -> decode -> equal model -> encode again gives the same bytes */
static void round_trip(const wchg_cdr *cdr, const char *name) {
  size_t n, n2;
  char where[128];
  uint8_t *buf = test_encode(cdr, &n);
  wchg_cdr *back = decode_ok(buf, n);
  ck_assert_msg(test_cdr_equal(cdr, back, where, sizeof where), "%s: %s differs", name, where);
  uint8_t *buf2 = test_encode(back, &n2);
  ck_assert_uint_eq(n, n2);
  ck_assert_mem_eq(buf, buf2, n);
  test_out_write(name, buf, n);
  wchg_cdr_free(back);
  free(buf);
  free(buf2);
}

START_TEST(minimal_record) {
  wchg_cdr c;
  sample_minimal(&c);
  expect_hex(&c, "bf40 03 800140", "golden-minimal");
}
END_TEST

START_TEST(golden_primitives) {
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.retransmission = true;
  c.ims.sip_method = S("INVITE");
  c.ims.role_of_node = WCHG_INT(WCHG_ROLE_TERMINATING);
  c.ims.ims_charging_identifier = (wchg_octets){(const uint8_t *)"x", 1};
  c.ims.expires_information = WCHG_INT(3600);
  c.ims.event = S("reg");
  expect_hex(&c,
             "bf40 1c 800140 8100 8206494e56495445 830101 930178 9a020e10 9c03726567",
             "golden-primitives");
}
END_TEST

/* INTEGER contents are the shortest two's complement (X.690 8.3.2). */
START_TEST(golden_integers) {
  static const struct { int64_t v; const char *hex; } cases[] = {
      {0, "bf40 06 800140 900100"},
      {127, "bf40 06 800140 90017f"},
      {128, "bf40 07 800140 90020080"},
      {256, "bf40 07 800140 90020100"},
      {-1, "bf40 06 800140 9001ff"},
      {-128, "bf40 06 800140 900180"},
      {-129, "bf40 07 800140 9002ff7f"},
      {INT64_MAX, "bf40 0d 800140 90087fffffffffffffff"},
      {INT64_MIN, "bf40 0d 800140 90088000000000000000"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    wchg_cdr c;
    char name[32];
    wchg_cdr_init(&c);
    c.record_sequence_number = WCHG_INT(cases[i].v);
    snprintf(name, sizeof name, "golden-int-%zu", i);
    expect_hex(&c, cases[i].hex, name);
    round_trip(&c, name);
  }
}
END_TEST

START_TEST(golden_choices) {
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.node_address.choice = WCHG_NODE_IP_ADDRESS;
  c.node_address.ip_address.choice = WCHG_IP_BIN_V4;
  memcpy(c.node_address.ip_address.bin, "\xc0\xa8\x00\x01", 4);
  c.ims.called_party_address = (wchg_involved_party){WCHG_PARTY_TEL_URI, S("tel:+1")};
  expect_hex(&c, "bf40 17 800140 a408a0068004c0a80001 a70881067465 6c3a2b31", "golden-choice-1");

  wchg_cdr_init(&c);
  c.node_address = (wchg_node_address){.choice = WCHG_NODE_DOMAIN_NAME, .domain_name = S("p")};
  c.ims.served_party_ip_address.choice = WCHG_IP_TEXT_V4;
  c.ims.served_party_ip_address.text = S("192.0.2.1");
  expect_hex(&c, "bf40 16 800140 a403810170 bf320b8209 3139322e302e322e31", "golden-choice-2");
}
END_TEST

START_TEST(golden_ipv6_prefix_default) {
  wchg_cdr c;
  wchg_ip_address *ip = &c.ims.served_party_ip_address;
  wchg_cdr_init(&c);
  ip->choice = WCHG_IP_BIN_V6_PREFIX;
  memcpy(ip->bin, "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
  ip->pdp_address_prefix_length = WCHG_INT(48);
  expect_hex(&c, "bf40 1d 800140 bf3217 a415 0410 20010db8000000000000000000000001 020130",
             "golden-v6-prefix");
  /* DEFAULT 64 is left out (X.690 11.5) */
  ip->pdp_address_prefix_length = WCHG_INT(64);
  expect_hex(&c, "bf40 1a 800140 bf3214 a412 0410 20010db8000000000000000000000001",
             "golden-v6-prefix-default");
  ip->choice = WCHG_IP_BIN_V6;
  expect_hex(&c, "bf40 18 800140 bf3212 8110 20010db8000000000000000000000001",
             "golden-v6");
}
END_TEST

START_TEST(golden_structs_and_lists) {
  static const wchg_str fe[] = {S("f")};
  static const wchg_subscription_id sub[] = {{{true, WCHG_END_USER_SIP_URI}, S("s:x")}};
  static const wchg_media_components_list empty_media[1];
  static const wchg_access_transfer_information empty_ati[1];
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.ims.inter_operator_identifiers = (wchg_inter_operator_identifiers){true, S("a"), S("b")};
  c.local_record_sequence_number = WCHG_INT(4294967295LL);
  c.incomplete_cdr_indication =
      (wchg_incomplete_cdr_indication){true, {true, 0}, {true, 2}, {true, 1}};
  c.ims.list_of_sdp_media_components = (wchg_media_components_list_list){empty_media, 1};
  c.ims.list_of_subscription_id = (wchg_subscription_id_list){sub, 1};
  c.ims.session_priority = WCHG_INT(4);
  c.ims.ims_emergency_indicator = true;
  c.ims.initial_ims_charging_identifier = (wchg_octets){(const uint8_t *)"i", 1};
  c.ims.list_of_access_transfer_information =
      (wchg_access_transfer_information_list){empty_ati, 1};
  c.ims.fe_identifier_list = (wchg_str_list){fe, 1};
  c.ims.transit_ioi_lists = (wchg_str_list){fe, 0}; /* present, empty */
  expect_hex(&c,
             "bf40 47 800140 ae06800161810162 8f0500ffffffff b20980010081010282 01ff"
             " b5023000 bf1f0a3108800102810373 3a78 9f240104 9f3400 bf3500"
             " 9f690169 bf6a023000 bf6d03190166",
             "golden-structs");
  round_trip(&c, "rt-structs");
}
END_TEST

/* Our extension: one ManagementExtension, significance left out. */
START_TEST(golden_webrtc_extension) {
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.ims.webrtc_authentication_function_name = S("w");
  expect_hex(&c,
             "bf40 23 800140 b91e 301c 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144"
             " a205 3003 800177",
             "golden-webrtc-waf");
  c.ims.webrtc_web_server_function_name = S("s");
  expect_hex(&c,
             "bf40 26 800140 b921 301f 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144"
             " a208 3006 800177 810173",
             "golden-webrtc-both");
  wchg_cdr_init(&c);
  c.ims.webrtc_web_server_function_name = S("s");
  expect_hex(&c,
             "bf40 23 800140 b91e 301c 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144"
             " a205 3003 810173",
             "golden-webrtc-wwsf");
  round_trip(&c, "rt-webrtc-wwsf");
}
END_TEST

/* SET OF: elements in ascending order of their encodings (X.690 11.6). */
START_TEST(set_of_sorted) {
  static const uint8_t oid_a[] = {0x2a, 0x03}, oid_b[] = {0x2a, 0x04};
  static const uint8_t info[] = {0x05, 0x00};
  wchg_management_extension x[2] = {
      {{oid_b, 2}, {false, 0}, {info, 2}},
      {{oid_a, 2}, {true, 1}, {info, 2}},
  };
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.record_extensions = (wchg_management_extension_list){x, 2};
  /* 30 08 06 02 2a 04 a2 02 05 00 sorts before 30 0b 06 02 2a 03 81 01 ff ... */
  expect_hex(&c, "bf40 1c 800140 b917 3008 06022a04 a2020500 300b 06022a03 8101ff a2020500",
             "golden-setof");
  c.ims.webrtc_authentication_function_name = S("w");
  size_t n;
  uint8_t *buf = test_encode(&c, &n);
  /* ours (30 1c ...) sorts after both: the record ends with it */
  ck_assert_mem_eq(buf + n - 30, "\x30\x1c\x06\x13\x69", 5);
  test_out_write("setof-with-ours", buf, n);
  free(buf);
  /* significance FALSE is the DEFAULT: left out */
  x[1].significance = (wchg_opt_int){true, 0};
  expect_hex(&c,
             "bf40 37 800140 b932 3008 06022a03 a2020500 3008 06022a04 a2020500"
             " 301c 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144 a205 3003 800177",
             "golden-setof-default");
}
END_TEST

START_TEST(long_lengths_and_tags) {
  static char big[300];
  wchg_cdr c;
  memset(big, 'a', sizeof big);
  wchg_cdr_init(&c);
  c.ims.sip_method = (wchg_str){big, 200};
  size_t n;
  uint8_t *buf = test_encode(&c, &n);
  ck_assert_uint_eq(n, 4 + 3 + 3 + 200);
  ck_assert_mem_eq(buf, "\xbf\x40\x81\xce\x80\x01\x40\x82\x81\xc8", 10);
  free(buf);
  c.ims.sip_method = (wchg_str){big, 300};
  buf = test_encode(&c, &n);
  ck_assert_uint_eq(n, 3 + 2 + 3 + 4 + 300);
  ck_assert_mem_eq(buf, "\xbf\x40\x82\x01\x33\x80\x01\x40\x82\x82\x01\x2c", 12);
  round_trip(&c, "rt-long-length");
  free(buf);
}
END_TEST

START_TEST(buffer_sizing) {
  wchg_cdr c;
  wchg_diag d;
  size_t need = 0, len = 0;
  uint8_t buf[4096];
  sample_h3(&c);
  ck_assert_int_eq(wchg_cdr_encode(&c, NULL, 0, &need, &d), WCHG_E_BUFFER);
  ck_assert_int_eq(d.code, WCHG_E_BUFFER);
  ck_assert_uint_gt(need, 900);
  ck_assert_int_eq(wchg_cdr_encode(&c, buf, need - 1, &len, &d), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, need);
  memset(buf, 0xAA, sizeof buf);
  ck_assert_int_eq(wchg_cdr_encode(&c, buf, need, &len, &d), WCHG_OK);
  ck_assert_uint_eq(len, need);
  ck_assert_int_eq(d.code, WCHG_OK);
  uint8_t *ref = test_encode(&c, &len);
  ck_assert_mem_eq(buf, ref, len);
  /* a larger buffer gives the same bytes at its start */
  memset(buf, 0x55, sizeof buf);
  ck_assert_int_eq(wchg_cdr_encode(&c, buf, sizeof buf, &len, NULL), WCHG_OK);
  ck_assert_mem_eq(buf, ref, len);
  free(ref);
  ck_assert_int_eq(wchg_cdr_encode(NULL, buf, sizeof buf, &len, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_encode(&c, buf, sizeof buf, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_encode(&c, NULL, 10, &len, &d), WCHG_E_ARG);
}
END_TEST

/* At every capacity below the size: WCHG_E_BUFFER and the size; at and
 * above it the same bytes (the types' own functions stop at each boundary
 * and the tables measure). */
START_TEST(buffer_every_capacity) {
  void (*mk[])(wchg_cdr *) = {sample_full, sample_h3, sample_minimal};
  for (size_t k = 0; k < sizeof mk / sizeof mk[0]; k++) {
    wchg_cdr c;
    size_t need, len;
    mk[k](&c);
    uint8_t *ref = test_encode(&c, &need), *buf = malloc(need + 32);
    for (size_t cap = 0; cap <= need + 32; cap++) {
      memset(buf, 0xAA, need + 32);
      len = 0;
      wchg_status rc = wchg_cdr_encode(&c, cap ? buf : NULL, cap, &len, NULL);
      ck_assert_int_eq(rc, cap < need ? WCHG_E_BUFFER : WCHG_OK);
      ck_assert_uint_eq(len, need);
      if (rc == WCHG_OK)
        ck_assert_mem_eq(buf, ref, need);
    }
    free(buf);
    free(ref);
  }
}
END_TEST

static void expect_encode_error(const wchg_cdr *c, int code, const char *path) {
  uint8_t buf[4096];
  size_t len = 0;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_encode(c, buf, sizeof buf, &len, &d), code);
  ck_assert_int_eq(d.code, code);
  ck_assert_str_eq(d.path, path);
  ck_assert_uint_gt(strlen(d.message), 5);
}

START_TEST(encoder_errors) {
  static wchg_message_body body[1];
  static wchg_sdp_media_component comp[1];
  static wchg_media_components_list media[1];
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.record_type.present = false;
  expect_encode_error(&c, WCHG_E_MISSING, "pCSCFRecord/recordType");

  wchg_cdr_init(&c);
  body[0] = (wchg_message_body){.content_length = {true, 1}};
  c.ims.list_of_message_bodies = (wchg_message_body_list){body, 1};
  expect_encode_error(&c, WCHG_E_MISSING, "pCSCFRecord/list-Of-Message-Bodies[0]/content-Type");

  wchg_cdr_init(&c);
  c.ims.called_party_address.choice = 9;
  expect_encode_error(&c, WCHG_E_CHOICE, "pCSCFRecord/called-Party-Address");

  wchg_cdr_init(&c);
  comp[0].gprs_charging_id = WCHG_INT(1);
  comp[0].access_network_charging_identifier = S("x");
  media[0].sdp_media_components = (wchg_sdp_media_component_list){comp, 1};
  c.ims.list_of_sdp_media_components = (wchg_media_components_list_list){media, 1};
  expect_encode_error(&c, WCHG_E_CHOICE,
                      "pCSCFRecord/list-Of-SDP-Media-Components[0]/sDP-Media-Components[0]/"
                      "accessCorrelationID");

  wchg_cdr_init(&c);
  c.ims.transit_ioi_lists = (wchg_str_list){NULL, 3};
  expect_encode_error(&c, WCHG_E_ARG, "pCSCFRecord/transit-IOI-Lists");

  wchg_cdr_init(&c);
  c.incomplete_cdr_indication = (wchg_incomplete_cdr_indication){
      .present = true, .acr_start_lost = {true, 0}, .acr_interim_lost = {true, 0}};
  expect_encode_error(&c, WCHG_E_MISSING, "pCSCFRecord/incomplete-CDR-Indication/aCRStopLost");
}
END_TEST

/* Every field of the model survives encode -> decode, and the samples
 * re-encode to the same bytes. */
START_TEST(every_field_round_trip) {
  wchg_cdr c;
  sample_full(&c);
  round_trip(&c, "rt-full");
  sample_h3(&c);
  round_trip(&c, "rt-h3");
  sample_h4(&c);
  round_trip(&c, "rt-h4");
  sample_full(&c); /* the emergency indicator, on a record without identities */
  c.ims.webrtc_authentication_function_name = (wchg_str){0};
  c.ims.webrtc_web_server_function_name = (wchg_str){0};
  c.ims.ims_emergency_indicator = true;
  round_trip(&c, "rt-full-emergency");
}
END_TEST

/* Decoding gives the values, not just the same bytes. */
START_TEST(decoded_values) {
  wchg_cdr c;
  size_t n;
  sample_h3(&c);
  uint8_t *buf = test_encode(&c, &n);
  wchg_cdr *d = decode_ok(buf, n);
  ck_assert_int_eq(d->record_type.value, 64);
  ck_assert_str_eq(d->ims.sip_method.ptr, "INVITE"); /* NUL-terminated copies */
  ck_assert_str_eq(d->ims.webrtc_authentication_function_name.ptr, "waf.example.net");
  ck_assert_str_eq(d->ims.webrtc_web_server_function_name.ptr, "wwsf.example.com");
  ck_assert_ptr_null(d->record_extensions.items); /* ours is not listed */
  ck_assert_int_eq(d->node_address.ip_address.choice, WCHG_IP_BIN_V4);
  ck_assert_uint_eq(d->ims.list_of_sdp_media_components.count, 2);
  ck_assert_uint_eq(d->ims.list_of_sdp_media_components.items[0].sdp_media_components.count, 2);
  ck_assert_int_eq(d->ims.list_of_sdp_media_components.items[0]
                       .sdp_media_components.items[0].gprs_charging_id.value,
                   3735928559LL);
  ck_assert_ptr_nonnull(d->owner_);
  wchg_cdr_free(d);
  free(buf);
  wchg_cdr_free(&c); /* a record built by hand: ignored */
  wchg_cdr_free(NULL);
}
END_TEST

/* The independently built vectors (tests/vectors, made by a Python
 * script from the spec, not by this library) decode and re-encode to the
 * same bytes; 05 holds the others back to back. */
START_TEST(vectors_round_trip) {
  static const char *files[] = {"tests/vectors/01-minimal.der", "tests/vectors/02-webrtc.der",
                                "tests/vectors/03-full.der", "tests/vectors/04-text-addresses.der",
                                "tests/vectors/05-concatenated.der"};
  for (size_t f = 0; f < 5; f++) {
    size_t len, off = 0, records = 0;
    uint8_t *in = test_read_file(files[f], &len);
    while (off < len) {
      wchg_cdr *c = NULL;
      size_t used, n;
      wchg_diag d;
      int rc = wchg_cdr_decode(in + off, len - off, NULL, &c, &used, &d);
      ck_assert_msg(rc == WCHG_OK, "%s: %s at %s", files[f], d.message, d.path);
      uint8_t *out = test_encode(c, &n);
      ck_assert_uint_eq(n, used);
      ck_assert_mem_eq(out, in + off, n);
      free(out);
      wchg_cdr_free(c);
      off += used;
      records++;
    }
    ck_assert_uint_eq(records, f == 4 ? 4 : 1);
    free(in);
  }
}
END_TEST

/* BER that is not DER: indefinite lengths, long-form lengths, a SET out
 * of tag order, constructed strings, BOOLEAN 01, an explicit DEFAULT.
 * Each decodes to the value of its DER twin. */
START_TEST(ber_forms) {
  static const struct { const char *ber, *der; } cases[] = {
      /* indefinite record */
      {"bf40 80 800140 8203494e56 0000", "bf40 08 800140 8203494e56"},
      /* long-form lengths, non-minimal */
      {"bf40 820009 800140 82 8103 494e56", "bf40 08 800140 8203494e56"},
      /* SET members out of order */
      {"bf40 08 8203494e56 800140", "bf40 08 800140 8203494e56"},
      /* constructed GraphicString, nested, indefinite inside */
      {"bf40 80 800140 a2 80 0401 49 2480 0401 4e 0000 0401 56 0000 0000",
       "bf40 08 800140 8203494e56"},
      /* BOOLEAN 01 means TRUE; DER writes ff */
      {"bf40 0e 800140 b209 800101 810101 820100", "bf40 0e 800140 b209 8001ff 810101 820100"},
      /* explicit DEFAULT prefix length 64 is dropped in DER */
      {"bf40 1d 800140 bf3217 a415 0410 20010db8000000000000000000000001 020140",
       "bf40 1a 800140 bf3214 a412 0410 20010db8000000000000000000000001"},
      /* explicit CHOICE tag with indefinite length */
      {"bf40 80 800140 a4 80 a0 80 8004c0a80001 0000 0000 0000",
       "bf40 0d 800140 a408a0068004c0a80001"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint8_t ber[256], der[256];
    size_t bn = test_unhex(cases[i].ber, ber, sizeof ber);
    size_t dn = test_unhex(cases[i].der, der, sizeof der), n;
    wchg_cdr *c = decode_ok(ber, bn);
    uint8_t *out = test_encode(c, &n);
    ck_assert_msg(n == dn && !memcmp(out, der, n), "case %zu", i);
    free(out);
    wchg_cdr_free(c);
  }
}
END_TEST

/* Only pCSCFRecord is ours: another IMS record has its own status, with
 * its tag and its length (issue 18; it was WCHG_E_TAG). */
START_TEST(other_record_types) {
  uint8_t buf[16];
  size_t n = test_unhex("bf3f 03 80013f 00", buf, sizeof buf), used = 0;
  wchg_cdr *c = (wchg_cdr *)1;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_decode(buf, n, NULL, &c, &used, &d), WCHG_E_OTHER_RECORD);
  ck_assert_ptr_null(c);
  ck_assert_uint_eq(used, 6);
  ck_assert_int_eq(d.code, WCHG_E_OTHER_RECORD);
  ck_assert_uint_eq(d.offset, 0);
  ck_assert_str_eq(d.path, "sCSCFRecord");
  ck_assert_ptr_nonnull(strstr(d.message, "[63]"));
}
END_TEST

/* An extension with our OID but no identity stays in the list, so the
 * record re-encodes byte for byte. */
START_TEST(empty_webrtc_extension_kept) {
  uint8_t buf[64];
  size_t n = test_unhex("bf40 20 800140 b91b 3019 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144"
                        " a202 3000", buf, sizeof buf);
  wchg_cdr *c = decode_ok(buf, n);
  ck_assert_uint_eq(c->record_extensions.count, 1);
  ck_assert_ptr_null(c->ims.webrtc_authentication_function_name.ptr);
  size_t m;
  uint8_t *out = test_encode(c, &m);
  ck_assert_uint_eq(m, n);
  ck_assert_mem_eq(out, buf, n);
  free(out);
  wchg_cdr_free(c);
}
END_TEST

Suite *cdr_suite(void) {
  Suite *s = suite_create("cdr");
  TCase *t = tcase_create("der-ber");
  tcase_add_test(t, minimal_record);
  tcase_add_test(t, golden_primitives);
  tcase_add_test(t, golden_integers);
  tcase_add_test(t, golden_choices);
  tcase_add_test(t, golden_ipv6_prefix_default);
  tcase_add_test(t, golden_structs_and_lists);
  tcase_add_test(t, golden_webrtc_extension);
  tcase_add_test(t, set_of_sorted);
  tcase_add_test(t, long_lengths_and_tags);
  tcase_add_test(t, buffer_sizing);
  tcase_add_test(t, buffer_every_capacity);
  tcase_add_test(t, encoder_errors);
  tcase_add_test(t, every_field_round_trip);
  tcase_add_test(t, decoded_values);
  tcase_add_test(t, vectors_round_trip);
  tcase_add_test(t, ber_forms);
  tcase_add_test(t, other_record_types);
  tcase_add_test(t, empty_webrtc_extension_kept);
  suite_add_tcase(s, t);
  return s;
}
