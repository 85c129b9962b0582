/* test_json.c: the CDR as JSON (lib/cdr_json.c) and its text helpers
 * (lib/oidtext.c, lib/iptext.c) — golden text per field kind, CHOICE
 * nesting, import of each, every error class with its path, buffer
 * sizing, out-of-memory at every allocation, and BER -> JSON -> DER.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/cdr_json.h>

#include "samples.h"
#include "testutil.h"
#include "base/text_conv.h"

#define S(x) WCHG_STR(x)
#define O(x) ((wchg_octets){(const uint8_t *)(x), sizeof(x) - 1})
#define REC(body) "{\"pCSCFRecord\":{\"recordType\":64" body "}}"

/* ---- helpers -------------------------------------------------------------- */

static wchg_timestamp ts_raw(const char *octets9) {
  wchg_timestamp t = {.present = true};
  memcpy(t.octets, octets9, 9);
  return t;
}

/* Compact JSON text of |cdr| (malloc'ed, NUL-terminated). */
static char *json_of(const wchg_cdr *cdr) {
  wchg_diag d;
  size_t need = 0, len = 0;
  int rc = wchg_cdr_to_json_text(cdr, 0, NULL, 0, &need, &d);
  ck_assert_msg(rc == WCHG_E_BUFFER, "sizing: %s at %s: %s", wchg_strerror(rc),
                d.path, d.message);
  char *buf = malloc(need + 1);
  ck_assert_ptr_nonnull(buf);
  ck_assert_int_eq(wchg_cdr_to_json_text(cdr, 0, buf, need, &len, &d), WCHG_OK);
  ck_assert_uint_eq(len, need);
  buf[len] = '\0';
  return buf;
}

static wchg_cdr *import_ok(const char *text) {
  wchg_cdr *c = NULL;
  wchg_diag d;
  int rc = wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d);
  ck_assert_msg(rc == WCHG_OK, "import: %s at %s: %s", wchg_strerror(rc), d.path,
                d.message);
  ck_assert_ptr_nonnull(c);
  return c;
}

/* Export |cdr|, compare with |want|, import it back and export again. */
static void expect_json(const wchg_cdr *cdr, const char *want) {
  char *got = json_of(cdr), *again;
  char where[128] = "";
  ck_assert_str_eq(got, want);
  wchg_cdr *back = import_ok(got);
  ck_assert_msg(test_cdr_equal(cdr, back, where, sizeof where), "differs at %s", where);
  again = json_of(back);
  ck_assert_str_eq(again, want);
  wchg_cdr_free(back);
  free(again);
  free(got);
}

static void expect_import_err(const char *text, wchg_status code, const char *path,
                              const char *msg_part) {
  wchg_cdr *c = (wchg_cdr *)1;
  wchg_diag d;
  int rc = wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d);
  ck_assert_msg(rc == (int)code, "%s: got %s (%s: %s)", text, wchg_strerror(rc),
                d.path, d.message);
  ck_assert_ptr_null(c);
  ck_assert_int_eq(d.code, code);
  ck_assert_str_eq(d.path, path);
  ck_assert_msg(strstr(d.message, msg_part), "message \"%s\" lacks \"%s\"", d.message,
                msg_part);
}

static void expect_export_err(const wchg_cdr *cdr, wchg_status code, const char *path) {
  json_t *j = (json_t *)1;
  wchg_diag d;
  int rc = wchg_cdr_to_json(cdr, &j, &d);
  ck_assert_msg(rc == (int)code, "got %s (%s: %s)", wchg_strerror(rc), d.path,
                d.message);
  ck_assert_ptr_null(j);
  ck_assert_int_eq(d.code, code);
  ck_assert_str_eq(d.path, path);
}

/* ---- export, golden text per kind ------------------------------------------ */

START_TEST(minimal_record) {
  wchg_cdr c;
  wchg_cdr_init(&c);
  expect_json(&c, "{\"pCSCFRecord\":{\"recordType\":64}}");
}
END_TEST

START_TEST(golden_kinds) {
  static const uint8_t oid[] = {0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x01};
  static const uint8_t info[] = {0x04, 0x03, 'v', 'e', 'n'}, null[] = {0x05, 0x00};
  static const wchg_management_extension ext[] = {
      {{oid, sizeof oid}, {true, 1}, {info, sizeof info}},
      {{oid, 3}, {false, 0}, {null, 2}},
  };
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.retransmission = true;
  c.ims.sip_method = S("INVITE");
  c.ims.role_of_node = WCHG_INT(1);
  c.record_opening_time = ts_raw("\x24\x01\x15\x13\x45\x30+\x01\x00");
  c.local_record_sequence_number = WCHG_INT(4294967295LL);
  c.record_sequence_number = WCHG_INT(-7);
  c.cause_for_record_closing = WCHG_INT(2); /* no name: a number */
  c.incomplete_cdr_indication = (wchg_incomplete_cdr_indication){
      true, {true, 0}, {true, 2}, {true, 1}};
  c.ims.ims_charging_identifier = O("\x00\xab\xff");
  c.service_reason_return_code = S("caf\xc3\xa9 \"q\"");
  c.record_extensions = (wchg_management_extension_list){ext, 2};
  c.ims.session_priority = WCHG_INT(4);
  c.ims.ms_time_zone = O("\x40\x00");
  c.ims.ims_emergency_indicator = false; /* NULL absent */
  c.ims.inter_operator_identifiers = (wchg_inter_operator_identifiers){
      true, S("a.example"), {NULL, 0}};
  expect_json(&c, REC(",\"retransmission\":null,\"sIP-Method\":\"INVITE\","
                      "\"role-of-Node\":\"terminating\","
                      "\"recordOpeningTime\":\"2024-01-15T13:45:30+01:00\","
                      "\"interOperatorIdentifiers\":{\"originatingIOI\":\"a.example\"},"
                      "\"localRecordSequenceNumber\":4294967295,"
                      "\"recordSequenceNumber\":-7,\"causeForRecordClosing\":2,"
                      "\"incomplete-CDR-Indication\":{\"aCRStartLost\":false,"
                      "\"aCRInterimLost\":\"unknown\",\"aCRStopLost\":true},"
                      "\"iMS-Charging-Identifier\":\"00abff\","
                      "\"serviceReasonReturnCode\":\"caf\xc3\xa9 \\\"q\\\"\","
                      "\"recordExtensions\":[{\"identifier\":\"1.3.6.1.4.1.311.1\","
                      "\"significance\":true,\"information\":\"040376656e\"},"
                      "{\"identifier\":\"1.3.6.1\",\"information\":\"0500\"}],"
                      "\"sessionPriority\":\"pRIORITY-4\",\"mSTimeZone\":\"4000\""));
}
END_TEST

START_TEST(golden_lists_and_parties) {
  static const wchg_involved_party parties[] = {
      {WCHG_PARTY_SIP_URI, S("sip:a@x")}, {WCHG_PARTY_TEL_URI, S("tel:+1")},
      {WCHG_PARTY_URN, S("urn:x")}, {WCHG_PARTY_ISDN_E164, S("155")},
      {WCHG_PARTY_EXTERNAL_ID, S("a@web")}};
  static const wchg_str none[1];
  static const wchg_subscription_id subs[] = {{{true, 2}, S("sip:a@x")},
                                              {{true, 9}, S("x")}};
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.ims.list_of_calling_party_address = (wchg_involved_party_list){parties, 5};
  c.ims.list_of_subscription_id = (wchg_subscription_id_list){subs, 2};
  c.ims.transit_ioi_lists = (wchg_str_list){none, 0}; /* present, empty */
  c.ims.list_of_reason_header = (wchg_str_list){NULL, 0};
  expect_json(&c, REC(",\"list-Of-Calling-Party-Address\":[{\"sIP-URI\":\"sip:a@x\"},"
                      "{\"tEL-URI\":\"tel:+1\"},{\"uRN\":\"urn:x\"},"
                      "{\"iSDN-E164\":\"155\"},{\"externalId\":\"a@web\"}],"
                      "\"list-of-subscription-ID\":[{\"subscriptionIDType\":"
                      "\"eND-USER-SIP-URI\",\"subscriptionIDData\":\"sip:a@x\"},"
                      "{\"subscriptionIDType\":9,\"subscriptionIDData\":\"x\"}],"
                      "\"transit-IOI-Lists\":[]"));
}
END_TEST

static void set_ip(wchg_ip_address *ip, wchg_ip_address_choice ch, const char *bin,
                   size_t n) {
  memset(ip, 0, sizeof *ip);
  ip->choice = ch;
  memcpy(ip->bin, bin, n);
}

#define V6_DB8_1 "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01"

START_TEST(golden_ip_choices) {
  wchg_cdr c;
  wchg_cdr_init(&c);
  set_ip(&c.ims.served_party_ip_address, WCHG_IP_BIN_V4, "\xc0\x00\x02\x01", 4);
  expect_json(&c, REC(",\"servedPartyIPAddress\":{\"iPBinaryAddress\":"
                      "{\"iPBinV4Address\":\"192.0.2.1\"}}"));
  set_ip(&c.ims.served_party_ip_address, WCHG_IP_BIN_V6, V6_DB8_1, 16);
  expect_json(&c, REC(",\"servedPartyIPAddress\":{\"iPBinaryAddress\":"
                      "{\"iPBinV6Address\":{\"iPBinV6Address\":\"2001:db8::1\"}}}"));
  set_ip(&c.ims.served_party_ip_address, WCHG_IP_BIN_V6_PREFIX, V6_DB8_1, 16);
  expect_json(&c, REC(",\"servedPartyIPAddress\":{\"iPBinaryAddress\":"
                      "{\"iPBinV6Address\":{\"iPBinV6AddressWithPrefix\":"
                      "{\"iPBinV6Address\":\"2001:db8::1\"}}}}"));
  c.ims.served_party_ip_address.pdp_address_prefix_length = WCHG_INT(48);
  expect_json(&c, REC(",\"servedPartyIPAddress\":{\"iPBinaryAddress\":"
                      "{\"iPBinV6Address\":{\"iPBinV6AddressWithPrefix\":"
                      "{\"iPBinV6Address\":\"2001:db8::1\","
                      "\"pDPAddressPrefixLength\":48}}}}"));
  set_ip(&c.ims.served_party_ip_address, WCHG_IP_TEXT_V4, "", 0);
  c.ims.served_party_ip_address.text = S("192.0.2.1");
  expect_json(&c, REC(",\"servedPartyIPAddress\":{\"iPTextRepresentedAddress\":"
                      "{\"iPTextV4Address\":\"192.0.2.1\"}}"));
  set_ip(&c.ims.served_party_ip_address, WCHG_IP_TEXT_V6, "", 0);
  c.ims.served_party_ip_address.text = S("2001:db8::1");
  expect_json(&c, REC(",\"servedPartyIPAddress\":{\"iPTextRepresentedAddress\":"
                      "{\"iPTextV6Address\":\"2001:db8::1\"}}"));
}
END_TEST

START_TEST(golden_node_address) {
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.node_address.choice = WCHG_NODE_IP_ADDRESS;
  set_ip(&c.node_address.ip_address, WCHG_IP_BIN_V4, "\x0a\x00\x00\x01", 4);
  c.ims.ggsn_address.choice = WCHG_NODE_DOMAIN_NAME;
  c.ims.ggsn_address.domain_name = S("ggsn.example");
  expect_json(&c, REC(",\"nodeAddress\":{\"iPAddress\":{\"iPBinaryAddress\":"
                      "{\"iPBinV4Address\":\"10.0.0.1\"}}},"
                      "\"gGSNaddress\":{\"domainName\":\"ggsn.example\"}"));
}
END_TEST

START_TEST(golden_access_correlation_id) {
  wchg_sdp_media_component smc[3] = {
      {.gprs_charging_id = WCHG_INT(5)},
      {.access_network_charging_identifier = S("anci"),
       .local_gw_inserted_indication = WCHG_INT(1)},
      {.sdp_media_name = S("m=audio")}};
  wchg_media_components_list mcl = {.sdp_media_components = {smc, 3},
                                    .media_initiator_flag = true,
                                    .sdp_type = WCHG_INT(1)};
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.ims.list_of_sdp_media_components = (wchg_media_components_list_list){&mcl, 1};
  expect_json(&c, REC(",\"list-Of-SDP-Media-Components\":[{\"sDP-Media-Components\":["
                      "{\"accessCorrelationID\":{\"gPRS-Charging-Id\":5}},"
                      "{\"accessCorrelationID\":{\"accessNetworkChargingIdentifier\":"
                      "\"anci\"},\"localGWInsertedIndication\":true},"
                      "{\"sDP-Media-Name\":\"m=audio\"}],"
                      "\"mediaInitiatorFlag\":null,\"sDP-Type\":\"sDP-answer\"}]"));
  smc[2].gprs_charging_id = WCHG_INT(1);
  smc[2].access_network_charging_identifier = S("x");
  expect_export_err(&c, WCHG_E_CHOICE,
                    "pCSCFRecord/list-Of-SDP-Media-Components[0]/sDP-Media-Components[2]"
                    "/accessCorrelationID");
}
END_TEST

START_TEST(golden_utc_offsets) {
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.record_opening_time = ts_raw("\x99\x12\x31\x23\x59\x59-\x00\x00");
  c.record_closure_time = ts_raw("\x00\x01\x01\x00\x00\x00+\x00\x00");
  /* BCD digits but no time (month 00, day 99): the octets, and why (issue
   * 18: this was the text "2026-00-99T99:99:99-99:99", which claimed a time) */
  c.ims.service_request_time_stamp = ts_raw("\x26\x00\x99\x99\x99\x99-\x99\x99");
  expect_json(&c, REC(",\"serviceRequestTimeStamp\":{\"octets\":\"2600999999992d9999\","
                      "\"invalid\":\"not a valid TimeStamp: month 00 is not 01..12\"},"
                      "\"recordOpeningTime\":\"2099-12-31T23:59:59-00:00\","
                      "\"recordClosureTime\":\"2000-01-01T00:00:00+00:00\""));
}
END_TEST

START_TEST(golden_webrtc_identities) {
  static const uint8_t oid[] = {0x2B, 0x06, 0x01};
  static const uint8_t info[] = {0x05, 0x00};
  static const wchg_management_extension ext[] = {
      {{oid, sizeof oid}, {true, 0}, {info, sizeof info}}};
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.record_extensions = (wchg_management_extension_list){ext, 1};
  c.ims.fe_identifier_list = (wchg_str_list){&c.service_reason_return_code, 0};
  c.ims.webrtc_authentication_function_name = S("waf.example.net");
  c.ims.webrtc_web_server_function_name = S("wwsf.example.com");
  expect_json(&c, REC(",\"recordExtensions\":[{\"identifier\":\"1.3.6.1\","
                      "\"significance\":false,\"information\":\"0500\"}],"
                      "\"fEIdentifierList\":[],"
                      "\"webRTCAuthenticationFunctionName\":\"waf.example.net\","
                      "\"webRTCWebServerFunctionName\":\"wwsf.example.com\""));
  c.record_extensions = (wchg_management_extension_list){NULL, 0};
  c.ims.fe_identifier_list = (wchg_str_list){NULL, 0};
  c.ims.webrtc_authentication_function_name = (wchg_str){NULL, 0};
  expect_json(&c, REC(",\"webRTCWebServerFunctionName\":\"wwsf.example.com\""));
}
END_TEST

START_TEST(golden_nested_structs) {
  wchg_access_transfer_information ati = {
      .access_transfer_type = WCHG_INT(3),
      .inter_ue_transfer = true,
      .related_icid_generation_node = {.choice = WCHG_NODE_DOMAIN_NAME,
                                       .domain_name = S("n")},
      .subscriber_equipment_number = {true, WCHG_INT(1), O("\x01\x02")}};
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.ims.list_of_access_transfer_information =
      (wchg_access_transfer_information_list){&ati, 1};
  c.ims.nni_information = (wchg_nni_information){.present = true,
                                                 .nni_type = WCHG_INT(2)};
  expect_json(&c, REC(",\"nNI-Information\":{\"nNIType\":\"roaming-with-loopback\"},"
                      "\"list-Of-AccessTransferInformation\":[{\"accessTransferType\":"
                      "\"cSToCS\",\"inter-UE-Transfer\":null,"
                      "\"relatedICIDGenerationNode\":{\"domainName\":\"n\"},"
                      "\"subscriberEquipmentNumber\":{\"subscriberEquipmentNumberType\":"
                      "\"mAC\",\"subscriberEquipmentNumberData\":\"0102\"}}]"));
}
END_TEST

START_TEST(text_with_nul_round_trips) {
  static const char v[] = {'a', 0, 'b'};
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.ims.event = (wchg_str){v, 3};
  expect_json(&c, REC(",\"event\":\"a\\u0000b\""));
}
END_TEST

START_TEST(pretty_flags) {
  wchg_cdr c;
  char buf[256];
  size_t len;
  wchg_cdr_init(&c);
  ck_assert_int_eq(wchg_cdr_to_json_text(&c, JSON_INDENT(1), buf, sizeof buf, &len,
                                         NULL), WCHG_OK);
  ck_assert_uint_eq(len, strlen("{\n \"pCSCFRecord\": {\n  \"recordType\": 64\n }\n}"));
  ck_assert(memcmp(buf, "{\n \"pCSCFRecord\": {\n  \"recordType\": 64\n }\n}", len) == 0);
}
END_TEST

/* ---- values JSON cannot carry as such: {"octets", "invalid"} ------------- */

/* Issue 18 changed these from export errors (WCHG_E_UTF8, WCHG_E_TIMESTAMP,
 * WCHG_E_ENCODING) to the invalid form, which reads back. */
START_TEST(export_invalid_values) {
  static const uint8_t info[] = {0x05, 0x00};
  static const wchg_management_extension bad_oid[] = {
      {{(const uint8_t *)"\x2b\x86", 2}, {false, 0}, {info, sizeof info}}};
  wchg_cdr c;
  wchg_cdr_init(&c);
  c.ims.event = S("ok \xc3\x28");
  expect_json(&c, REC(",\"event\":{\"octets\":\"6f6b20c328\",\"invalid\":"
                      "\"not valid UTF-8: byte 3 is 0xc3\"}"));
  wchg_cdr_init(&c);
  c.record_closure_time = ts_raw("\x24\x1a\x15\x13\x45\x30+\x01\x00");
  expect_json(&c, REC(",\"recordClosureTime\":{\"octets\":\"241a151345302b0100\","
                      "\"invalid\":\"not a valid TimeStamp: month octet 0x1a is not "
                      "two BCD digits\"}"));
  c.record_closure_time = ts_raw("\x24\x01\x15\x13\x45\x30 \x01\x00");
  expect_json(&c, REC(",\"recordClosureTime\":{\"octets\":\"240115134530200100\","
                      "\"invalid\":\"not a valid TimeStamp: UTC offset sign 0x20 is "
                      "neither '+' nor '-'\"}"));
  wchg_cdr_init(&c);
  c.record_extensions = (wchg_management_extension_list){bad_oid, 1};
  expect_json(&c, REC(",\"recordExtensions\":[{\"identifier\":{\"octets\":\"2b86\","
                      "\"invalid\":\"last subidentifier is truncated (bit 8 set)\"},"
                      "\"information\":\"0500\"}]"));
}
END_TEST

/* ---- export errors --------------------------------------------------------- */

START_TEST(export_errors) {
  static const wchg_involved_party bad_party[] = {{WCHG_PARTY_SIP_URI, S("ok")},
                                                  {0, S("x")}};
  wchg_cdr c;
  wchg_diag d;
  size_t len;
  wchg_cdr_init(&c);
  c.ims.list_of_associated_uri = (wchg_involved_party_list){bad_party, 2};
  expect_export_err(&c, WCHG_E_CHOICE, "pCSCFRecord/list-Of-Associated-URI[1]");
  wchg_cdr_init(&c);
  c.node_address.choice = 3;
  expect_export_err(&c, WCHG_E_CHOICE, "pCSCFRecord/nodeAddress");
  wchg_cdr_init(&c);
  c.node_address.choice = WCHG_NODE_IP_ADDRESS; /* its IPAddress has choice 0 */
  expect_export_err(&c, WCHG_E_CHOICE, "pCSCFRecord/nodeAddress/iPAddress");
  ck_assert_int_eq(wchg_cdr_to_json(NULL, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_to_json_text(&c, 0, NULL, 5, &len, &d), WCHG_E_ARG);
}
END_TEST

START_TEST(text_buffer_sizing) {
  wchg_cdr c;
  char buf[64];
  size_t len = 0, need;
  wchg_diag d;
  const char *want = "{\"pCSCFRecord\":{\"recordType\":64}}";
  wchg_cdr_init(&c);
  ck_assert_int_eq(wchg_cdr_to_json_text(&c, 0, NULL, 0, &need, &d), WCHG_E_BUFFER);
  ck_assert_uint_eq(need, strlen(want));
  ck_assert_int_eq(d.code, WCHG_E_BUFFER);
  ck_assert_int_eq(wchg_cdr_to_json_text(&c, 0, buf, need - 1, &len, &d), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, need);
  ck_assert_int_eq(wchg_cdr_to_json_text(&c, 0, buf, need, &len, &d), WCHG_OK);
  ck_assert_uint_eq(len, need);
  ck_assert(memcmp(buf, want, len) == 0);
  ck_assert_int_eq(d.code, WCHG_OK);
}
END_TEST

/* ---- import ----------------------------------------------------------------- */

START_TEST(import_values) {
  wchg_cdr *c = import_ok(
      REC(",\"role-of-Node\":0,\"causeForRecordClosing\":\"timeLimit\","
          "\"iMS-Charging-Identifier\":\"ABcd\",\"transit-IOI-Lists\":[],"
          "\"servedPartyIPAddress\":{\"iPBinaryAddress\":{\"iPBinV6Address\":"
          "{\"iPBinV6Address\":\"::FFFF:192.0.2.1\"}}},"
          "\"recordOpeningTime\":\"2024-01-15T13:45:30-00:00\","
          "\"recordExtensions\":[{\"identifier\":\"2.25.1\",\"information\":"
          "\"3080a0800500000004000000\"}],"
          "\"webRTCAuthenticationFunctionName\":\"waf\""));
  static const uint8_t mapped[16] = {[10] = 0xff, [11] = 0xff, [12] = 192, [14] = 2,
                                     [15] = 1};
  ck_assert(c->ims.role_of_node.present && c->ims.role_of_node.value == 0);
  ck_assert_int_eq(c->cause_for_record_closing.value, WCHG_CAUSE_TIME_LIMIT);
  ck_assert_uint_eq(c->ims.ims_charging_identifier.len, 2);
  ck_assert_int_eq(c->ims.ims_charging_identifier.ptr[0], 0xab);
  ck_assert_ptr_nonnull(c->ims.transit_ioi_lists.items);
  ck_assert_uint_eq(c->ims.transit_ioi_lists.count, 0);
  ck_assert_int_eq(c->ims.served_party_ip_address.choice, WCHG_IP_BIN_V6);
  ck_assert(memcmp(c->ims.served_party_ip_address.bin, mapped, 16) == 0);
  ck_assert(memcmp(c->record_opening_time.octets, "\x24\x01\x15\x13\x45\x30-\x00\x00",
                   9) == 0);
  ck_assert_uint_eq(c->record_extensions.count, 1);
  ck_assert_uint_eq(c->record_extensions.items[0].identifier.len, 2);
  ck_assert_int_eq(c->record_extensions.items[0].identifier.ptr[0], 0x69);
  ck_assert_int_eq(c->record_extensions.items[0].identifier.ptr[1], 0x01);
  ck_assert_uint_eq(c->record_extensions.items[0].information.len, 12);
  ck_assert_str_eq(c->ims.webrtc_authentication_function_name.ptr, "waf");
  ck_assert_ptr_null(c->ims.webrtc_web_server_function_name.ptr);
  wchg_cdr_free(c);
}
END_TEST

START_TEST(import_from_json_value) {
  json_t *j = json_pack("{s:{s:i,s:s}}", "pCSCFRecord", "recordType", 64, "event", "reg");
  wchg_cdr *c = NULL;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_from_json(j, NULL, &c, &d), WCHG_OK);
  ck_assert_str_eq(c->ims.event.ptr, "reg");
  wchg_cdr_free(c);
  json_decref(j);
  /* a string Jansson did not check */
  j = json_pack("{s:{s:i,s:o}}", "pCSCFRecord", "recordType", 64, "event",
                json_stringn_nocheck("\xff", 1));
  ck_assert_int_eq(wchg_cdr_from_json(j, NULL, &c, &d), WCHG_E_UTF8);
  ck_assert_str_eq(d.path, "pCSCFRecord/event");
  json_decref(j);
  ck_assert_int_eq(wchg_cdr_from_json(NULL, NULL, &c, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_from_json_text(NULL, 3, NULL, &c, &d), WCHG_E_ARG);
}
END_TEST

/* ---- import errors, each with its path ------------------------------------- */

START_TEST(import_error_keys_and_types) {
  expect_import_err(REC(",\"bogus\":1"), WCHG_E_JSON_KEY, "pCSCFRecord/bogus",
                    "unknown member");
  expect_import_err("{\"pCSCFRecord\":{\"recordType\":64},\"x\":0}", WCHG_E_JSON_KEY,
                    "x", "only");
  expect_import_err(REC(",\"list-Of-SDP-Media-Components\":[{},{\"sDP-Media-Components\":"
                        "[{\"gPRS-Charging-Id\":1}]}]"),
                    WCHG_E_JSON_KEY,
                    "pCSCFRecord/list-Of-SDP-Media-Components[1]/sDP-Media-Components[0]"
                    "/gPRS-Charging-Id", "unknown member");
  expect_import_err(REC(",\"list-Of-SDP-Media-Components\":[{\"sDP-Media-Components\":"
                        "[{\"accessCorrelationID\":{\"x\":1}}]}]"),
                    WCHG_E_JSON_KEY,
                    "pCSCFRecord/list-Of-SDP-Media-Components[0]/sDP-Media-Components[0]"
                    "/accessCorrelationID/x", "not an alternative");
  expect_import_err(REC(",\"sIP-Method\":5"), WCHG_E_JSON_TYPE, "pCSCFRecord/sIP-Method",
                    "expected a string, found an integer");
  expect_import_err("{\"pCSCFRecord\":{\"recordType\":64.0}}", WCHG_E_JSON_TYPE,
                    "pCSCFRecord/recordType", "found a real number");
  expect_import_err(REC(",\"retransmission\":true"), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/retransmission", "expected null");
  expect_import_err(REC(",\"transit-IOI-Lists\":{}"), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/transit-IOI-Lists", "expected an array");
  expect_import_err(REC(",\"transit-IOI-Lists\":[\"a\",null]"), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/transit-IOI-Lists[1]", "found null");
  expect_import_err(REC(",\"nNI-Information\":[]"), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/nNI-Information", "expected an object");
  expect_import_err(REC(",\"incomplete-CDR-Indication\":{\"aCRStartLost\":1}"),
                    WCHG_E_JSON_TYPE, "pCSCFRecord/incomplete-CDR-Indication/aCRStartLost",
                    "true or false");
  expect_import_err("[]", WCHG_E_JSON_TYPE, "", "expected an object");
}
END_TEST

/* A record whose extension holds |k| indefinite-length SEQUENCEs nested. */
static void any_nested(char *text, size_t cap, int k) {
  char hex[512] = "";
  for (int i = 0; i < k; i++)
    strcat(hex, "3080");
  for (int i = 0; i < k; i++)
    strcat(hex, "0000");
  snprintf(text, cap, REC(",\"recordExtensions\":[{\"identifier\":\"1.2\","
                          "\"information\":\"%s\"}]"), hex);
}

START_TEST(import_error_values) {
  expect_import_err(REC(",\"iMS-Charging-Identifier\":\"abc\""), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/iMS-Charging-Identifier", "pairs");
  expect_import_err(REC(",\"iMS-Charging-Identifier\":\"0g\""), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/iMS-Charging-Identifier", "'g' at character 1");
  expect_import_err(REC(",\"list-Of-SDP-Media-Components\":[{\"sIP-Request-Timestamp\":"
                        "\"2024-01-15 13:45:30+01:00\"}]"),
                    WCHG_E_JSON_TYPE,
                    "pCSCFRecord/list-Of-SDP-Media-Components[0]/sIP-Request-Timestamp",
                    "expected a time");
  static const char *bad_times[] = {
      "1999-01-15T13:45:30+01:00", "2024-01-15T13:45:30Z", "2024-01-15T13:45:30+0100",
      "2024-1-15T13:45:30+01:00", "2024-01-15T13:45:30.5+01:00", "2024-01-15t13:45:30+01:00",
      "2024-01-15T13:45:30*01:00", "2024-01-15T13:4a:30+01:00"};
  for (size_t i = 0; i < sizeof bad_times / sizeof bad_times[0]; i++) {
    char text[128];
    snprintf(text, sizeof text, REC(",\"recordClosureTime\":\"%s\""), bad_times[i]);
    expect_import_err(text, WCHG_E_JSON_TYPE, "pCSCFRecord/recordClosureTime",
                      "expected a time");
  }
  expect_import_err(REC(",\"nodeAddress\":{\"iPAddress\":{\"iPBinaryAddress\":"
                        "{\"iPBinV4Address\":\"192.0.2.256\"}}}"),
                    WCHG_E_JSON_TYPE,
                    "pCSCFRecord/nodeAddress/iPAddress/iPBinaryAddress/iPBinV4Address",
                    "expected an IPv4 address");
  expect_import_err(REC(",\"servedPartyIPAddress\":{\"iPBinaryAddress\":"
                        "{\"iPBinV6Address\":{\"iPBinV6Address\":\"2001:db8::1::2\"}}}"),
                    WCHG_E_JSON_TYPE,
                    "pCSCFRecord/servedPartyIPAddress/iPBinaryAddress/iPBinV6Address/"
                    "iPBinV6Address", "expected an IPv6 address");
  expect_import_err(REC(",\"recordExtensions\":[{\"identifier\":\"1.40\","
                        "\"information\":\"0500\"}]"),
                    WCHG_E_JSON_TYPE, "pCSCFRecord/recordExtensions[0]/identifier",
                    "bad OBJECT IDENTIFIER");
  /* the open type: one BER value, as the decoder reads it */
  static const struct { const char *hex, *why; } bad_any[] = {
      {"", "expected here"}, {"0500ff", "follow"}, {"0401", "past the end"},
      {"0580", "primitive"}, {"3080", "missing"}, {"30800000", ""}, /* ok */
      {"0000", "end-of-contents"}, {"1f1e00", "below 31"}, {"1f800100", "not minimal"},
      {"04ff", "reserved"}, {"0482", "cut short"}};
  for (size_t i = 0; i < sizeof bad_any / sizeof bad_any[0]; i++) {
    char text[256];
    snprintf(text, sizeof text, REC(",\"recordExtensions\":[{\"identifier\":\"1.2\","
                                    "\"information\":\"%s\"}]"), bad_any[i].hex);
    if (!*bad_any[i].why) {
      wchg_cdr_free(import_ok(text));
      continue;
    }
    expect_import_err(text, WCHG_E_JSON_TYPE, "pCSCFRecord/recordExtensions[0]/information",
                      bad_any[i].why);
  }
  /* indefinite lengths nest as deep as the decoder allows in a record */
  char text[768];
  any_nested(text, sizeof text, WCHG_BER_MAX_DEPTH - 3);
  wchg_cdr *c = import_ok(text), *dec = NULL;
  size_t n;
  uint8_t *der = test_encode(c, &n);
  ck_assert_int_eq(wchg_cdr_decode(der, n, NULL, &dec, NULL, NULL), WCHG_OK);
  wchg_cdr_free(dec);
  wchg_cdr_free(c);
  free(der);
  any_nested(text, sizeof text, WCHG_BER_MAX_DEPTH - 2);
  expect_import_err(text, WCHG_E_JSON_TYPE, "pCSCFRecord/recordExtensions[0]/information",
                    "nesting deeper");
  expect_import_err(REC(",\"recordExtensions\":[{\"identifier\":\"1.2\",\"information\":"
                        "\"0500\"},{\"identifier\":\"" WCHG_WEBRTC_EXT_OID_TEXT "\","
                        "\"information\":\"3000\"}]"),
                    WCHG_E_RANGE, "pCSCFRecord/recordExtensions[1]/identifier",
                    "webRTCAuthenticationFunctionName");
  expect_import_err(REC(",\"role-of-Node\":\"sideways\""), WCHG_E_RANGE,
                    "pCSCFRecord/role-of-Node", "not an identifier");
  expect_import_err(REC(",\"role-of-Node\":true"), WCHG_E_JSON_TYPE,
                    "pCSCFRecord/role-of-Node", "identifier string or an integer");
}
END_TEST

START_TEST(import_error_structure) {
  expect_import_err("{\"pCSCFRecord\":{}}", WCHG_E_MISSING, "pCSCFRecord/recordType",
                    "mandatory");
  expect_import_err("{\"record\":{}}", WCHG_E_MISSING, "", "pCSCFRecord");
  expect_import_err(REC(",\"list-Of-Message-Bodies\":[{\"content-Type\":\"t\","
                        "\"content-Length\":1},{\"content-Length\":2}]"),
                    WCHG_E_MISSING, "pCSCFRecord/list-Of-Message-Bodies[1]/content-Type",
                    "MessageBody");
  expect_import_err(REC(",\"incomplete-CDR-Indication\":{\"aCRStartLost\":true,"
                        "\"aCRInterimLost\":\"no\"}"),
                    WCHG_E_MISSING, "pCSCFRecord/incomplete-CDR-Indication/aCRStopLost",
                    "mandatory");
  expect_import_err(REC(",\"servedPartyIPAddress\":{\"iPBinaryAddress\":"
                        "{\"iPBinV6Address\":{\"iPBinV6AddressWithPrefix\":"
                        "{\"pDPAddressPrefixLength\":3}}}}"),
                    WCHG_E_MISSING,
                    "pCSCFRecord/servedPartyIPAddress/iPBinaryAddress/iPBinV6Address/"
                    "iPBinV6AddressWithPrefix/iPBinV6Address", "mandatory");
  expect_import_err(REC(",\"called-Party-Address\":{\"sIP-URI\":\"a\",\"tEL-URI\":\"b\"}"),
                    WCHG_E_CHOICE, "pCSCFRecord/called-Party-Address", "exactly one");
  expect_import_err(REC(",\"called-Party-Address\":{}"), WCHG_E_CHOICE,
                    "pCSCFRecord/called-Party-Address", "found 0 members");
  expect_import_err(REC(",\"servedPartyIPAddress\":{\"iPBinaryAddress\":"
                        "{\"iPBinV4Address\":\"1.2.3.4\",\"iPBinV6Address\":{}}}"),
                    WCHG_E_CHOICE, "pCSCFRecord/servedPartyIPAddress/iPBinaryAddress",
                    "exactly one");
  expect_import_err(REC(",\"list-Of-SDP-Media-Components\":[{\"sDP-Media-Components\":"
                        "[{\"accessCorrelationID\":{\"gPRS-Charging-Id\":1,"
                        "\"accessNetworkChargingIdentifier\":\"x\"}}]}]"),
                    WCHG_E_CHOICE,
                    "pCSCFRecord/list-Of-SDP-Media-Components[0]/sDP-Media-Components[0]"
                    "/accessCorrelationID", "exactly one");
  expect_import_err(REC(",\"called-Party-Address\":{\"sip\":\"a\"}"), WCHG_E_JSON_KEY,
                    "pCSCFRecord/called-Party-Address/sip", "not an alternative");
  expect_import_err(REC(",\"servedPartyIPAddress\":{\"iPBinaryAddress\":"
                        "{\"iPBinV6Address\":\"2001:db8::1\"}}"),
                    WCHG_E_JSON_TYPE,
                    "pCSCFRecord/servedPartyIPAddress/iPBinaryAddress/iPBinV6Address",
                    "expected an object with one member");
}
END_TEST

START_TEST(import_error_syntax) {
  wchg_cdr *c = NULL;
  wchg_diag d;
  const char *text = "{\"pCSCFRecord\":\n  {\"recordType\": 64,}}";
  ck_assert_int_eq(wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d), WCHG_E_JSON);
  ck_assert_ptr_null(c);
  ck_assert_int_eq(d.code, WCHG_E_JSON);
  ck_assert_str_eq(d.path, "");
  ck_assert_uint_eq(d.offset, 37);
  ck_assert_msg(strncmp(d.message, "line 2 column 21: ", 18) == 0, "%s", d.message);
  text = "{\"pCSCFRecord\":{\"recordType\":64,\"recordType\":64}}";
  ck_assert_int_eq(wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d), WCHG_E_JSON);
  ck_assert_msg(strstr(d.message, "duplicate"), "%s", d.message);
  text = "{\"pCSCFRecord\":{\"recordType\":99999999999999999999}}";
  ck_assert_int_eq(wchg_cdr_from_json_text(text, strlen(text), NULL, &c, &d), WCHG_E_JSON);
  ck_assert_msg(strstr(d.message, "too big integer"), "%s", d.message);
  ck_assert_int_eq(wchg_cdr_from_json_text("", 0, NULL, &c, &d), WCHG_E_JSON);
}
END_TEST

START_TEST(import_error_limit) {
  size_t n = WCHG_BER_MAX_LIST + 1;
  char *text = malloc(64 + 4 * n);
  size_t pos;
  ck_assert_ptr_nonnull(text);
  pos = (size_t)sprintf(text, REC(",\"transit-IOI-Lists\":["));
  pos -= 2; /* before the closing braces */
  for (size_t i = 0; i < n; i++)
    pos += (size_t)sprintf(text + pos, "%s\"\"", i ? "," : "");
  strcpy(text + pos, "]}}");
  expect_import_err(text, WCHG_E_LIMIT, "pCSCFRecord/transit-IOI-Lists", "at most");
  free(text);
}
END_TEST

/* ---- OBJECT IDENTIFIER and IP text helpers --------------------------------- */

static void oid_pair(const char *text, const char *hex) {
  uint8_t ber[256], back[256];
  size_t n = test_unhex(hex, ber, sizeof ber), len = 0;
  char out[1024], msg[128];
  ck_assert_int_eq(wchgi_oid_to_text(ber, n, out, sizeof out, &len, msg, sizeof msg),
                   WCHG_OK);
  ck_assert_uint_eq(len, strlen(text));
  ck_assert_msg(memcmp(out, text, len) == 0, "%.*s != %s", (int)len, out, text);
  ck_assert_int_eq(wchgi_oid_from_text(text, strlen(text), back, sizeof back, &len, msg,
                                      sizeof msg), WCHG_OK);
  ck_assert_uint_eq(len, n);
  ck_assert(memcmp(back, ber, n) == 0);
}

START_TEST(oid_text) {
  static const uint8_t ours[] = WCHG_WEBRTC_EXT_OID_BER;
  char hex[3 * sizeof ours + 1];
  for (size_t i = 0; i < sizeof ours; i++)
    sprintf(hex + 2 * i, "%02x", ours[i]);
  oid_pair(WCHG_WEBRTC_EXT_OID_TEXT, hex);
  oid_pair("1.3.6.1.4.1.311.1", "2b 06 01 04 01 82 37 01");
  oid_pair("0.0", "00");
  oid_pair("0.39", "27");
  oid_pair("1.0", "28");
  oid_pair("1.39", "4f");
  oid_pair("2.0", "50");
  oid_pair("2.47", "7f");
  oid_pair("2.48", "81 00");
  oid_pair("2.999.3", "88 37 03");
  oid_pair("1.2.18446744073709551615", "2a 81 ff ff ff ff ff ff ff ff 7f");
  oid_pair("2.18446744073709551535", "81 ff ff ff ff ff ff ff ff 7f");
}
END_TEST

START_TEST(oid_text_errors) {
  uint8_t out[512];
  char text[2048], msg[128];
  size_t len;
  static const char *bad[] = {"", "1", "1.", "3.1", "0.40", "1.40", "01.2", "1.02",
                              "1..2", "1.2.", ".1.2", "1.2a", "1.-2", " 1.2", "1.2.3 "};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    ck_assert_msg(wchgi_oid_from_text(bad[i], strlen(bad[i]), out, sizeof out, &len, msg,
                                     sizeof msg) == WCHG_E_ENCODING, "%s", bad[i]);
  ck_assert_int_eq(wchgi_oid_from_text("1.2", 3, out, 3, &len, msg, sizeof msg),
                   WCHG_E_BUFFER);
  /* an arc of 300 nines needs more than WCHG_OID_MAX_SUBID septets */
  strcpy(text, "1.2.");
  memset(text + 4, '9', 300);
  ck_assert_int_eq(wchgi_oid_from_text(text, 304, out, sizeof out, &len, msg, sizeof msg),
                   WCHG_E_LIMIT);
  static const uint8_t trunc[] = {0x2b, 0x86}, nonmin[] = {0x2b, 0x80, 0x01};
  ck_assert_int_eq(wchgi_oid_to_text(trunc, 2, text, sizeof text, &len, msg, sizeof msg),
                   WCHG_E_ENCODING);
  ck_assert_int_eq(wchgi_oid_to_text(nonmin, 3, text, sizeof text, &len, msg, sizeof msg),
                   WCHG_E_ENCODING);
  ck_assert_int_eq(wchgi_oid_to_text(nonmin, 0, text, sizeof text, &len, msg, sizeof msg),
                   WCHG_E_ENCODING);
  ck_assert_int_eq(wchgi_oid_to_text(trunc, 1, text, 4, &len, msg, sizeof msg),
                   WCHG_E_BUFFER);
  memset(out, 0xff, WCHG_OID_MAX_SUBID + 1);
  out[WCHG_OID_MAX_SUBID + 1] = 0x7f;
  ck_assert_int_eq(wchgi_oid_to_text(out, WCHG_OID_MAX_SUBID + 2, text, sizeof text, &len,
                                    msg, sizeof msg), WCHG_E_LIMIT);
}
END_TEST

START_TEST(oid_text_largest_arc) {
  /* WCHG_OID_MAX_SUBID septets: text -> BER -> text is the identity */
  uint8_t ber[512];
  char text[1024], back[1024], msg[128];
  size_t len, blen, n = 4;
  strcpy(text, "1.2.");
  for (int i = 0; i < 269; i++)
    text[n++] = (char)('1' + i % 9);
  ck_assert_int_eq(wchgi_oid_from_text(text, n, ber, sizeof ber, &len, msg, sizeof msg),
                   WCHG_OK);
  ck_assert_uint_le(len, WCHG_OID_MAX_SUBID + 1);
  ck_assert_int_eq(wchgi_oid_to_text(ber, len, back, sizeof back, &blen, msg, sizeof msg),
                   WCHG_OK);
  ck_assert_uint_eq(blen, n);
  ck_assert(memcmp(back, text, n) == 0);
}
END_TEST

static void ip6(const char *hex, const char *text) {
  uint8_t a[16], b[16];
  char out[WCHG_IP_TEXT_MAX];
  ck_assert_uint_eq(test_unhex(hex, a, sizeof a), 16);
  ck_assert_uint_eq(wchgi_ip_to_text(a, 16, out), strlen(text));
  ck_assert_str_eq(out, text);
  ck_assert(wchgi_ip_from_text(text, strlen(text), b, 16));
  ck_assert(memcmp(a, b, 16) == 0);
}

START_TEST(ip_text) {
  uint8_t a[16];
  char out[WCHG_IP_TEXT_MAX];
  ip6("20010db8000000000000000000000001", "2001:db8::1");
  ip6("00000000000000000000000000000000", "::");
  ip6("00000000000000000000000000000001", "::1");
  ip6("00010000000000000000000000000000", "1::");
  ip6("20010db8000000000001000000000001", "2001:db8::1:0:0:1");
  ip6("20010000000000010000000000000001", "2001:0:0:1::1");
  ip6("20010db8000000010001000100010001", "2001:db8:0:1:1:1:1:1");
  ip6("20010db8abcdef0012345678ffff0000", "2001:db8:abcd:ef00:1234:5678:ffff:0");
  ip6("fe800000000000000000000000000000", "fe80::");
  ip6("00000000000000000000ffffc0000201", "::ffff:c000:201");
  ip6("00010002000300040005000600070008", "1:2:3:4:5:6:7:8");
  ck_assert_uint_eq(wchgi_ip_to_text((const uint8_t *)"\xff\x00\x0a\x01", 4, out), 10);
  ck_assert_str_eq(out, "255.0.10.1");
  static const char *good6[] = {"::ffff:192.0.2.1", "2001:DB8::1", "0:0:0:0:0:0:0:0",
                                "1::2:3:4:5:6:7", "2001:db8:0:0:0:0:2:1", "::1.2.3.4",
                                "1:2:3:4:5:6:1.2.3.4"};
  for (size_t i = 0; i < sizeof good6 / sizeof good6[0]; i++)
    ck_assert_msg(wchgi_ip_from_text(good6[i], strlen(good6[i]), a, 16), "%s", good6[i]);
  static const char *bad6[] = {"", ":", ":::", "1:::2", "1::2::3", ":1:2:3:4:5:6:7",
                               "1:2:3:4:5:6:7:", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
                               "12345::", "g::", "::1.2.3", "::1.2.3.04", "1.2.3.4",
                               "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:5", " ::1"};
  for (size_t i = 0; i < sizeof bad6 / sizeof bad6[0]; i++)
    ck_assert_msg(!wchgi_ip_from_text(bad6[i], strlen(bad6[i]), a, 16), "%s", bad6[i]);
  static const char *bad4[] = {"", "1.2.3", "1.2.3.4.", "1.2.3.256", "01.2.3.4",
                               "1.2.3.4 ", "1..3.4", "a.b.c.d", "1234.1.1.1"};
  for (size_t i = 0; i < sizeof bad4 / sizeof bad4[0]; i++)
    ck_assert_msg(!wchgi_ip_from_text(bad4[i], strlen(bad4[i]), a, 4), "%s", bad4[i]);
  ck_assert(wchgi_ip_from_text("0.0.0.0", 7, a, 4));
  ck_assert(!wchgi_ip_from_text("::", 2, a, 5));
  ck_assert_uint_eq(wchgi_ip_to_text(a, 5, out), 0);
}
END_TEST

/* ---- samples: BER -> JSON -> DER, and out of memory ------------------------- */

/* The DER record at der[0..n): decode, JSON text, import, encode gives the
 * same bytes (and the same JSON text again); returns the bytes used. */
static size_t der_json_der(const uint8_t *der, size_t n, const char *name) {
  wchg_cdr *dec = NULL, *back = NULL;
  wchg_diag d;
  size_t n2, used;
  char where[128] = "";
  int rc = wchg_cdr_decode(der, n, NULL, &dec, &used, &d);
  ck_assert_msg(rc == WCHG_OK, "%s: decode: %s at %s", name, d.message, d.path);
  char *text = json_of(dec);
  rc = wchg_cdr_from_json_text(text, strlen(text), NULL, &back, &d);
  ck_assert_msg(rc == WCHG_OK, "%s: %s at %s: %s", name, wchg_strerror(rc), d.path,
                d.message);
  ck_assert_msg(test_cdr_equal(dec, back, where, sizeof where), "%s differs at %s",
                name, where);
  uint8_t *der2 = test_encode(back, &n2);
  ck_assert_uint_eq(n2, used);
  ck_assert_msg(memcmp(der, der2, used) == 0, "%s: DER differs", name);
  char *text2 = json_of(back);
  ck_assert_str_eq(text2, text);
  free(text2);
  free(der2);
  free(text);
  wchg_cdr_free(back);
  wchg_cdr_free(dec);
  return used;
}

static void sample_json_der(void (*fill)(wchg_cdr *), const char *name) {
  wchg_cdr sample;
  size_t n;
  fill(&sample);
  uint8_t *der = test_encode(&sample, &n);
  ck_assert_uint_eq(der_json_der(der, n, name), n);
  free(der);
}

START_TEST(samples_ber_json_der) {
  sample_json_der(sample_minimal, "minimal");
  sample_json_der(sample_h3, "h3");
  sample_json_der(sample_h4, "h4");
  sample_json_der(sample_full, "full");
}
END_TEST

/* The independently built vectors (tests/vectors), 05 holding the others
 * back to back. */
START_TEST(vectors_ber_json_der) {
  static const char *files[] = {"tests/vectors/01-minimal.der", "tests/vectors/02-webrtc.der",
                                "tests/vectors/03-full.der", "tests/vectors/04-text-addresses.der",
                                "tests/vectors/05-concatenated.der"};
  for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
    size_t len, off = 0;
    uint8_t *in = test_read_file(files[f], &len);
    while (off < len)
      off += der_json_der(in + off, len - off, files[f]);
    free(in);
  }
}
END_TEST

START_TEST(sample_full_names_every_member) {
  wchg_cdr c;
  sample_full(&c);
  char *text = json_of(&c);
  static const char *keys[] = {"\"webRTCAuthenticationFunctionName\":\"waf.example.net\"",
                               "\"iPBinV6AddressWithPrefix\"", "\"accessCorrelationID\"",
                               "\"recordExtensions\":[{\"identifier\":\"1.3.6.1.4.1.311.1\"",
                               "\"gGSNaddress\":{\"iPAddress\":{\"iPTextRepresentedAddress\""};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    ck_assert_msg(strstr(text, keys[i]), "no %s in %s", keys[i], text);
  free(text);
}
END_TEST

/* Jansson's allocator, failing the fail_at-th call (and, forever, every
 * later one); live counts the blocks not yet freed. */
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
  ck_assert_uint_eq(jm.live, 0);
  json_set_alloc_funcs(malloc, free);
}

/* Export under Jansson allocation failures: WCHG_E_NOMEM or success. */
static void oom_export(const wchg_cdr *cdr, int forever) {
  for (size_t k = 1;; k++) {
    wchg_diag d;
    char buf[16384];
    size_t len;
    jm_start(k, forever);
    int rc = wchg_cdr_to_json_text(cdr, 0, buf, sizeof buf, &len, &d);
    size_t calls = jm.calls;
    jm_stop();
    ck_assert_msg(rc == WCHG_OK || rc == WCHG_E_NOMEM, "k=%zu: %s", k, wchg_strerror(rc));
    if (rc == WCHG_E_NOMEM)
      ck_assert_int_eq(d.code, WCHG_E_NOMEM);
    if (rc == WCHG_OK) {
      ck_assert_uint_lt(calls, k); /* nothing was injected */
      break;
    }
  }
}

/* Import under failures of our allocator (fm) or of Jansson's (jansson):
 * WCHG_E_NOMEM or success, nothing leaked. */
static void oom_import(const char *text, int forever, int jansson) {
  for (size_t k = 1;; k++) {
    struct failmem fm;
    wchg_cdr *c = NULL;
    wchg_diag d;
    failmem_init(&fm, jansson ? 0 : k, forever);
    jm_start(jansson ? k : 0, forever);
    int rc = wchg_cdr_from_json_text(text, strlen(text), &fm.mem, &c, &d);
    size_t calls = jansson ? jm.calls : fm.calls;
    wchg_cdr_free(c);
    jm_stop();
    ck_assert_uint_eq(fm.live, 0);
    ck_assert_msg(rc == WCHG_OK || rc == WCHG_E_NOMEM,
                  "k=%zu: %s at %s: %s", k, wchg_strerror(rc), d.path, d.message);
    if (rc != WCHG_OK)
      ck_assert_ptr_null(c);
    if (rc == WCHG_OK && calls < k)
      break;
  }
}

START_TEST(oom_export_sample) {
  wchg_cdr c;
  sample_full(&c);
  oom_export(&c, 0);
  oom_export(&c, 1);
}
END_TEST

/* wchg_cdr_from_json() under failures of our allocator: its arena starts
 * small, so every chunk allocation is tried. */
static void oom_import_value(const char *text, int forever) {
  json_t *j = json_loads(text, JSON_ALLOW_NUL, NULL);
  ck_assert_ptr_nonnull(j);
  for (size_t k = 1;; k++) {
    struct failmem fm;
    wchg_cdr *c = NULL;
    wchg_diag d;
    failmem_init(&fm, k, forever);
    int rc = wchg_cdr_from_json(j, &fm.mem, &c, &d);
    size_t calls = fm.calls;
    ck_assert_msg(rc == WCHG_OK || rc == WCHG_E_NOMEM, "k=%zu: %s", k, wchg_strerror(rc));
    if (rc == WCHG_E_NOMEM) {
      ck_assert_ptr_null(c);
      ck_assert_int_eq(d.code, WCHG_E_NOMEM);
    }
    wchg_cdr_free(c);
    ck_assert_uint_eq(fm.live, 0);
    if (rc == WCHG_OK) {
      ck_assert_uint_lt(calls, k);
      ck_assert_uint_gt(k, 2); /* more than one chunk was needed */
      break;
    }
  }
  json_decref(j);
}

START_TEST(oom_import_sample) {
  wchg_cdr c;
  sample_full(&c);
  char *text = json_of(&c);
  oom_import(text, 0, 0);
  oom_import(text, 1, 0);
  /* Jansson failing once only is not tried: its 2.14 lexer ignores a
   * failed growth of its token buffer and then writes past it. */
  oom_import(text, 1, 1);
  oom_import_value(text, 0);
  oom_import_value(text, 1);
  free(text);
}
END_TEST

START_TEST(oom_to_json_value) {
  wchg_cdr c;
  sample_h3(&c);
  for (size_t k = 1;; k++) {
    json_t *j = NULL;
    jm_start(k, 0);
    int rc = wchg_cdr_to_json(&c, &j, NULL);
    size_t calls = jm.calls;
    json_decref(j);
    jm_stop();
    ck_assert(rc == WCHG_OK || rc == WCHG_E_NOMEM);
    if (rc == WCHG_OK) {
      ck_assert_uint_lt(calls, k);
      break;
    }
    ck_assert_ptr_null(j);
  }
}
END_TEST

Suite *json_suite(void) {
  Suite *s = suite_create("json");
  TCase *t = tcase_create("export");
  tcase_add_test(t, minimal_record);
  tcase_add_test(t, golden_kinds);
  tcase_add_test(t, golden_lists_and_parties);
  tcase_add_test(t, golden_ip_choices);
  tcase_add_test(t, golden_node_address);
  tcase_add_test(t, golden_access_correlation_id);
  tcase_add_test(t, golden_utc_offsets);
  tcase_add_test(t, golden_webrtc_identities);
  tcase_add_test(t, golden_nested_structs);
  tcase_add_test(t, text_with_nul_round_trips);
  tcase_add_test(t, pretty_flags);
  tcase_add_test(t, export_invalid_values);
  tcase_add_test(t, export_errors);
  tcase_add_test(t, text_buffer_sizing);
  suite_add_tcase(s, t);
  t = tcase_create("import");
  tcase_add_test(t, import_values);
  tcase_add_test(t, import_from_json_value);
  tcase_add_test(t, import_error_keys_and_types);
  tcase_add_test(t, import_error_values);
  tcase_add_test(t, import_error_structure);
  tcase_add_test(t, import_error_syntax);
  tcase_add_test(t, import_error_limit);
  suite_add_tcase(s, t);
  t = tcase_create("text");
  tcase_add_test(t, oid_text);
  tcase_add_test(t, oid_text_errors);
  tcase_add_test(t, oid_text_largest_arc);
  tcase_add_test(t, ip_text);
  suite_add_tcase(s, t);
  t = tcase_create("samples");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, samples_ber_json_der);
  tcase_add_test(t, vectors_ber_json_der);
  tcase_add_test(t, sample_full_names_every_member);
  tcase_add_test(t, oom_export_sample);
  tcase_add_test(t, oom_import_sample);
  tcase_add_test(t, oom_to_json_value);
  suite_add_tcase(s, t);
  return s;
}
