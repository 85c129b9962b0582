/*
 * test_validate.c: Check suite for wchg_cdr_validate() (lib/validate.c).
 *
 * Every test builds its record here (a valid H.3 WebRTC record, then one
 * change), validates it and asserts the return code, the number of
 * problems, and each problem's code and path.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <check.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

/* ---- fixture: a valid H.3 record ---------------------------------------
 * H.3: an IMS subscriber registered with web credentials through a third
 * party web site; individual IMPU/IMPI; WAF and WWSF identities recorded. */

struct fx {
  wchg_cdr cdr;
  wchg_involved_party calling[1];
  wchg_involved_party associated[2];
  wchg_str descs[2];
  wchg_sdp_media_component smc[2];
  wchg_media_components_list mcl[2];
  wchg_message_body bodies[1];
  wchg_subscription_id subs[1];
  wchg_management_extension ext[1];
  wchg_access_transfer_information ati[1];
  wchg_str reasons[1];
};

static const uint8_t ICID[] = "icid-7f3a9c01@pcscf.ims.example";
static const uint8_t TZ[2] = {0x40, 0x00};
static const uint8_t OTHER_OID[] = {0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37};
static const uint8_t OTHER_INFO[] = {0x04, 0x01, 0x00};
static const uint8_t OUR_OID[] = WCHG_WEBRTC_EXT_OID_BER;

static wchg_timestamp ts(int s) {
  wchg_timestamp t;
  memset(&t, 0, sizeof t);
  ck_assert_int_eq(wchg_timestamp_set(&t, 2024, 1, 15, 13, 45, s, 60), WCHG_OK);
  return t;
}

static void fx_media(struct fx *x) {
  x->descs[0] = WCHG_STR("a=rtpmap:111 opus/48000/2");
  x->descs[1] = WCHG_STR("a=sendrecv");
  for (int i = 0; i < 2; i++) {
    x->smc[i].sdp_media_name = WCHG_STR("m=audio 49170 UDP/TLS/RTP/SAVPF 111");
    x->smc[i].sdp_media_descriptions = (wchg_str_list){x->descs, 2};
    x->smc[i].local_gw_inserted_indication = WCHG_INT(0);
  }
  x->smc[0].gprs_charging_id = WCHG_INT(4294967295LL);
  x->smc[1].access_network_charging_identifier = WCHG_STR("anci-1");
  for (int i = 0; i < 2; i++) {
    x->mcl[i].sip_request_timestamp = ts(30 + i);
    x->mcl[i].sip_response_timestamp = ts(31 + i);
    x->mcl[i].sdp_media_components = (wchg_sdp_media_component_list){x->smc, 2};
    x->mcl[i].sip_request_timestamp_fraction = WCHG_INT(999);
    x->mcl[i].sip_response_timestamp_fraction = WCHG_INT(0);
    x->mcl[i].sdp_type = WCHG_INT(i);
    x->mcl[i].media_initiator_party =
        (wchg_involved_party){WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@ims.example")};
  }
  x->cdr.ims.list_of_sdp_media_components = (wchg_media_components_list_list){x->mcl, 2};
}

static void fx_parties(struct fx *x) {
  wchg_ims_info *m = &x->cdr.ims;
  x->calling[0] = (wchg_involved_party){WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@ims.example")};
  x->associated[0] = x->calling[0];
  x->associated[1] = (wchg_involved_party){WCHG_PARTY_TEL_URI, WCHG_STR("tel:+4930123456")};
  m->list_of_calling_party_address = (wchg_involved_party_list){x->calling, 1};
  m->list_of_associated_uri = (wchg_involved_party_list){x->associated, 2};
  m->called_party_address =
      (wchg_involved_party){WCHG_PARTY_TEL_URI, WCHG_STR("tel:+4930987654")};
  m->private_user_id = WCHG_STR("alice@ims.example");
}

static void fx_lists(struct fx *x) {
  wchg_ims_info *m = &x->cdr.ims;
  x->bodies[0].content_type = WCHG_STR("application/sdp");
  x->bodies[0].content_length = WCHG_INT(312);
  m->list_of_message_bodies = (wchg_message_body_list){x->bodies, 1};
  x->subs[0].subscription_id_type = WCHG_INT(WCHG_END_USER_SIP_URI);
  x->subs[0].subscription_id_data = WCHG_STR("sip:alice@ims.example");
  m->list_of_subscription_id = (wchg_subscription_id_list){x->subs, 1};
  x->ext[0].identifier = (wchg_octets){OTHER_OID, sizeof OTHER_OID};
  x->ext[0].information = (wchg_octets){OTHER_INFO, sizeof OTHER_INFO};
  x->cdr.record_extensions = (wchg_management_extension_list){x->ext, 1};
  x->reasons[0] = WCHG_STR("SIP;cause=200;text=\"OK\"");
  m->list_of_reason_header = (wchg_str_list){x->reasons, 1};
}

static void fx_build(struct fx *x) {
  wchg_cdr *c = &x->cdr;
  wchg_ims_info *m = &c->ims;
  memset(x, 0, sizeof *x);
  c->record_type = WCHG_INT(WCHG_RECORD_TYPE_PCSCF);
  c->node_address.choice = WCHG_NODE_IP_ADDRESS;
  c->node_address.ip_address.choice = WCHG_IP_BIN_V4;
  memcpy(c->node_address.ip_address.bin, "\xC0\xA8\x00\x01", 4);
  c->record_opening_time = ts(30);
  c->record_closure_time = ts(59);
  c->local_record_sequence_number = WCHG_INT(4294967295LL);
  c->record_sequence_number = WCHG_INT(1);
  c->cause_for_record_closing = WCHG_INT(WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY);
  m->sip_method = WCHG_STR("INVITE");
  m->role_of_node = WCHG_INT(WCHG_ROLE_ORIGINATING);
  m->session_id = WCHG_STR("a84b4c76e66710@wic.example");
  m->ims_charging_identifier = (wchg_octets){ICID, sizeof ICID - 1};
  m->service_request_time_stamp = ts(30);
  m->service_request_time_stamp_fraction = WCHG_INT(0);
  m->inter_operator_identifiers.present = true;
  m->inter_operator_identifiers.originating_ioi = WCHG_STR("ims.example");
  m->service_context_id = WCHG_STR("32260@3gpp.org");
  m->ms_time_zone = (wchg_octets){TZ, 2};
  m->served_party_ip_address.choice = WCHG_IP_TEXT_V4;
  m->served_party_ip_address.text = WCHG_STR("192.0.2.10");
  m->session_priority = WCHG_INT(0);
  m->webrtc_authentication_function_name = WCHG_STR("waf.operator.example");
  m->webrtc_web_server_function_name = WCHG_STR("wwsf.thirdparty.example");
  fx_parties(x);
  fx_media(x);
  fx_lists(x);
}

/* A bare record: recordType only. */
static void fx_minimal(struct fx *x) {
  memset(x, 0, sizeof *x);
  x->cdr.record_type = WCHG_INT(WCHG_RECORD_TYPE_PCSCF);
}

/* ---- helpers ----------------------------------------------------------- */

#define CAP 32
static wchg_diag g_diags[CAP];
static size_t g_count;

/* Validate, assert the return code and the number of problems. */
static void run(const struct fx *x, unsigned flags, wchg_status rc, size_t n) {
  memset(g_diags, 0x5A, sizeof g_diags);
  g_count = 12345;
  ck_assert_int_eq(wchg_cdr_validate(&x->cdr, flags, g_diags, CAP, &g_count), rc);
  ck_assert_uint_eq(g_count, n);
  for (size_t i = 0; i < CAP; i++) {
    if (i < n) {
      ck_assert_uint_eq(g_diags[i].offset, WCHG_NO_OFFSET);
      ck_assert_uint_gt(strlen(g_diags[i].message), 0);
    } else {
      ck_assert_int_eq(g_diags[i].code, WCHG_OK);
    }
  }
}

/* Assert problem |i| has |code| and |path|. */
static void at(size_t i, wchg_status code, const char *path) {
  ck_assert_uint_lt(i, g_count);
  ck_assert_str_eq(g_diags[i].path, path);
  ck_assert_int_eq(g_diags[i].code, code);
}

/* Assert problem |i| says |text|. */
static void says(size_t i, const char *text) {
  ck_assert_msg(strstr(g_diags[i].message, text) != NULL,
                "message \"%s\" lacks \"%s\"", g_diags[i].message, text);
}

/* One problem expected: code, path. */
static void only(const struct fx *x, unsigned flags, wchg_status code,
                 const char *path) {
  run(x, flags, WCHG_E_INVALID, 1);
  at(0, code, path);
}

#define MCL1 "pCSCFRecord/list-Of-SDP-Media-Components[1]"
#define SMC0 "pCSCFRecord/list-Of-SDP-Media-Components[0]/sDP-Media-Components[0]"

/* ---- the valid record and the arguments --------------------------------- */

START_TEST(valid_h3_record) {
  struct fx x;
  fx_build(&x);
  run(&x, 0, WCHG_OK, 0);
  run(&x, WCHG_VALIDATE_WEBRTC, WCHG_OK, 0);
}
END_TEST

START_TEST(valid_minimal_without_profile) {
  struct fx x;
  fx_minimal(&x);
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

START_TEST(null_arguments) {
  struct fx x;
  size_t n = 99;
  fx_build(&x);
  ck_assert_int_eq(wchg_cdr_validate(NULL, 0, g_diags, CAP, &n), WCHG_E_ARG);
  ck_assert_uint_eq(n, 0);
  ck_assert_int_eq(wchg_cdr_validate(&x.cdr, 0, NULL, 0, NULL), WCHG_OK);
  x.cdr.record_type.value = 1;
  ck_assert_int_eq(wchg_cdr_validate(&x.cdr, 0, NULL, 0, &n), WCHG_E_INVALID);
  ck_assert_uint_eq(n, 1);
}
END_TEST

/* ---- recordType --------------------------------------------------------- */

START_TEST(record_type_not_64) {
  struct fx x;
  fx_build(&x);
  x.cdr.record_type.value = 63;
  only(&x, 0, WCHG_E_RANGE, "pCSCFRecord/recordType");
  says(0, "63");
}
END_TEST

START_TEST(record_type_absent) {
  struct fx x;
  fx_build(&x);
  x.cdr.record_type.present = false;
  only(&x, 0, WCHG_E_MISSING, "pCSCFRecord/recordType");
}
END_TEST

/* ---- INTEGER ranges ----------------------------------------------------- */

START_TEST(milliseconds_range) {
  struct fx x;
  fx_build(&x);
  x.mcl[1].sip_request_timestamp_fraction.value = 1000;
  only(&x, 0, WCHG_E_RANGE, MCL1 "/sIP-Request-Timestamp-Fraction");
  says(0, "1000");
  says(0, "0..999");
  fx_build(&x);
  x.cdr.ims.service_delivery_end_time_stamp_fraction = WCHG_INT(-1);
  only(&x, 0, WCHG_E_RANGE, "pCSCFRecord/serviceDeliveryEndTimeStampFraction");
}
END_TEST

START_TEST(local_sequence_number_range) {
  struct fx x;
  fx_build(&x);
  x.cdr.local_record_sequence_number.value = 4294967296LL;
  only(&x, 0, WCHG_E_RANGE, "pCSCFRecord/localRecordSequenceNumber");
  x.cdr.local_record_sequence_number.value = -1;
  only(&x, 0, WCHG_E_RANGE, "pCSCFRecord/localRecordSequenceNumber");
  x.cdr.local_record_sequence_number.value = 0;
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

START_TEST(gprs_charging_id_range) {
  struct fx x;
  fx_build(&x);
  x.smc[0].gprs_charging_id.value = 4294967296LL;
  /* smc[] is shared by both Media-Components-Lists: two problems */
  run(&x, 0, WCHG_E_INVALID, 2);
  at(0, WCHG_E_RANGE, SMC0 "/accessCorrelationID/gPRS-Charging-Id");
  at(1, WCHG_E_RANGE,
     MCL1 "/sDP-Media-Components[0]/accessCorrelationID/gPRS-Charging-Id");
}
END_TEST

START_TEST(pdp_prefix_length_range) {
  static const char *path = "pCSCFRecord/servedPartyIPAddress/iPBinaryAddress/"
                            "iPBinV6Address/iPBinV6AddressWithPrefix/"
                            "pDPAddressPrefixLength";
  struct fx x;
  fx_build(&x);
  x.cdr.ims.served_party_ip_address.choice = WCHG_IP_BIN_V6_PREFIX;
  x.cdr.ims.served_party_ip_address.text = (wchg_str){NULL, 0};
  x.cdr.ims.served_party_ip_address.pdp_address_prefix_length = WCHG_INT(64);
  run(&x, 0, WCHG_OK, 0);
  x.cdr.ims.served_party_ip_address.pdp_address_prefix_length.value = 0;
  only(&x, 0, WCHG_E_RANGE, path);
  x.cdr.ims.served_party_ip_address.pdp_address_prefix_length.value = 65;
  only(&x, 0, WCHG_E_RANGE, path);
  says(0, "1..64");
}
END_TEST

/* ---- ENUMERATED and BOOLEAN -------------------------------------------- */

START_TEST(enum_unnamed_value) {
  struct fx x;
  fx_build(&x);
  x.cdr.cause_for_record_closing.value = 2; /* there is no value 2 */
  only(&x, 0, WCHG_E_RANGE, "pCSCFRecord/causeForRecordClosing");
  says(0, "timeLimit(3)");
  fx_build(&x);
  x.mcl[1].sdp_type.value = 2;
  only(&x, 0, WCHG_E_RANGE, MCL1 "/sDP-Type");
}
END_TEST

START_TEST(role_of_node_only_0_or_1) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.role_of_node.value = 1;
  run(&x, 0, WCHG_OK, 0);
  x.cdr.ims.role_of_node.value = 2; /* the AVP knows more; the CDR does not */
  only(&x, 0, WCHG_E_RANGE, "pCSCFRecord/role-of-Node");
}
END_TEST

START_TEST(bool_not_0_or_1) {
  struct fx x;
  fx_build(&x);
  x.cdr.incomplete_cdr_indication.present = true;
  x.cdr.incomplete_cdr_indication.acr_start_lost = WCHG_INT(2);
  x.cdr.incomplete_cdr_indication.acr_interim_lost = WCHG_INT(WCHG_ACR_INTERIM_LOST_UNKNOWN);
  x.cdr.incomplete_cdr_indication.acr_stop_lost = WCHG_INT(1);
  only(&x, 0, WCHG_E_RANGE, "pCSCFRecord/incomplete-CDR-Indication/aCRStartLost");
  x.cdr.incomplete_cdr_indication.acr_start_lost.value = -1;
  only(&x, 0, WCHG_E_RANGE, "pCSCFRecord/incomplete-CDR-Indication/aCRStartLost");
  x.cdr.incomplete_cdr_indication.acr_start_lost.value = 0;
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

/* ---- SIZE constraints --------------------------------------------------- */

START_TEST(ms_time_zone_size) {
  static const uint8_t tz3[3] = {0x40, 0x00, 0x00};
  struct fx x;
  fx_build(&x);
  x.cdr.ims.ms_time_zone = (wchg_octets){tz3, 3};
  only(&x, 0, WCHG_E_CONSTRAINT, "pCSCFRecord/mSTimeZone");
  says(0, "3 octets");
  x.cdr.ims.ms_time_zone = (wchg_octets){tz3, 1};
  only(&x, 0, WCHG_E_CONSTRAINT, "pCSCFRecord/mSTimeZone");
}
END_TEST

START_TEST(ip_text_sizes) {
  struct fx x;
  wchg_ip_address *a = &x.cdr.ims.served_party_ip_address;
  fx_build(&x);
  a->text = WCHG_STR("1.2.3");
  only(&x, 0, WCHG_E_CONSTRAINT,
       "pCSCFRecord/servedPartyIPAddress/iPTextRepresentedAddress/iPTextV4Address");
  says(0, "7..15");
  a->text = WCHG_STR("255.255.255.255");
  run(&x, 0, WCHG_OK, 0);
  a->choice = WCHG_IP_TEXT_V6;
  a->text = WCHG_STR("2001:db8::1"); /* 11 < 15 */
  only(&x, 0, WCHG_E_CONSTRAINT,
       "pCSCFRecord/servedPartyIPAddress/iPTextRepresentedAddress/iPTextV6Address");
  a->text = WCHG_STR("2001:db8:0:0:0:0:0:1");
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

/* ---- text alphabets ----------------------------------------------------- */

START_TEST(utf8_string_invalid) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.service_context_id = WCHG_STR("322\xff" "60@3gpp.org");
  only(&x, 0, WCHG_E_UTF8, "pCSCFRecord/serviceContextID");
  says(0, "offset 3");
  says(0, "0xff");
  x.cdr.ims.service_context_id = WCHG_STR("caf\xc3\xa9\x01"); /* controls OK */
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

START_TEST(graphic_string_controls) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.session_id = WCHG_STR("abc\ndef");
  only(&x, 0, WCHG_E_UTF8, "pCSCFRecord/session-Id");
  says(0, "offset 3");
  x.cdr.ims.session_id = WCHG_STR("ab\x7f");
  only(&x, 0, WCHG_E_UTF8, "pCSCFRecord/session-Id");
  says(0, "offset 2");
  x.cdr.ims.session_id = WCHG_STR("ab\xc3(");
  only(&x, 0, WCHG_E_UTF8, "pCSCFRecord/session-Id");
  says(0, "offset 2");
  x.cdr.ims.session_id = WCHG_STR("caf\xc3\xa9@wic.example");
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

START_TEST(graphic_list_element) {
  struct fx x;
  fx_build(&x);
  x.reasons[0] = WCHG_STR("SIP;cause=200\r\n");
  only(&x, 0, WCHG_E_UTF8, "pCSCFRecord/listOfReasonHeader[0]");
  says(0, "offset 13");
}
END_TEST

START_TEST(ia5_string_7bit) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.served_party_ip_address.text = WCHG_STR("192.0.2.\xc3\xa9");
  only(&x, 0, WCHG_E_UTF8,
       "pCSCFRecord/servedPartyIPAddress/iPTextRepresentedAddress/iPTextV4Address");
  says(0, "offset 8");
}
END_TEST

/* ---- TimeStamp ---------------------------------------------------------- */

START_TEST(timestamp_invalid) {
  struct fx x;
  fx_build(&x);
  x.cdr.record_opening_time.octets[1] = 0x13;
  only(&x, 0, WCHG_E_TIMESTAMP, "pCSCFRecord/recordOpeningTime");
  says(0, "month 13");
  fx_build(&x);
  x.mcl[1].sip_response_timestamp.octets[6] = '*';
  only(&x, 0, WCHG_E_TIMESTAMP, MCL1 "/sIP-Response-Timestamp");
  says(0, "sign");
}
END_TEST

/* ---- CHOICE ------------------------------------------------------------- */

START_TEST(choice_out_of_range) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.called_party_address.choice = (wchg_involved_party_choice)6;
  only(&x, 0, WCHG_E_CHOICE, "pCSCFRecord/called-Party-Address");
  x.cdr.ims.called_party_address.choice = (wchg_involved_party_choice)-1;
  only(&x, 0, WCHG_E_CHOICE, "pCSCFRecord/called-Party-Address");
  fx_build(&x);
  x.cdr.node_address.ip_address.choice = (wchg_ip_address_choice)9;
  only(&x, 0, WCHG_E_CHOICE, "pCSCFRecord/nodeAddress/iPAddress");
}
END_TEST

START_TEST(choice_alternative_without_value) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.called_party_address.value = (wchg_str){NULL, 0};
  only(&x, 0, WCHG_E_MISSING, "pCSCFRecord/called-Party-Address/tEL-URI");
}
END_TEST

START_TEST(access_correlation_id_two_members) {
  struct fx x;
  fx_build(&x);
  x.mcl[0].sdp_media_components.count = 1; /* smc[0] only in mcl[0] */
  x.mcl[1].sdp_media_components = (wchg_sdp_media_component_list){x.smc + 1, 1};
  x.smc[0].access_network_charging_identifier = WCHG_STR("anci-0");
  only(&x, 0, WCHG_E_CHOICE, SMC0 "/accessCorrelationID");
}
END_TEST

START_TEST(list_element_choice_absent) {
  struct fx x;
  fx_build(&x);
  x.associated[1].choice = WCHG_PARTY_ABSENT;
  only(&x, 0, WCHG_E_MISSING, "pCSCFRecord/list-Of-Associated-URI[1]");
}
END_TEST

/* ---- mandatory members --------------------------------------------------- */

START_TEST(message_body_mandatory) {
  struct fx x;
  fx_build(&x);
  x.bodies[0].content_type = (wchg_str){NULL, 0};
  x.bodies[0].content_length.present = false;
  run(&x, 0, WCHG_E_INVALID, 2);
  at(0, WCHG_E_MISSING, "pCSCFRecord/list-Of-Message-Bodies[0]/content-Type");
  at(1, WCHG_E_MISSING, "pCSCFRecord/list-Of-Message-Bodies[0]/content-Length");
}
END_TEST

START_TEST(subscription_id_mandatory) {
  struct fx x;
  fx_build(&x);
  x.subs[0].subscription_id_type.present = false;
  x.subs[0].subscription_id_data = (wchg_str){NULL, 0};
  run(&x, 0, WCHG_E_INVALID, 2);
  at(0, WCHG_E_MISSING, "pCSCFRecord/list-of-subscription-ID[0]/subscriptionIDType");
  at(1, WCHG_E_MISSING, "pCSCFRecord/list-of-subscription-ID[0]/subscriptionIDData");
}
END_TEST

START_TEST(subscriber_equipment_number_mandatory) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.subscriber_equipment_number.present = true;
  run(&x, 0, WCHG_E_INVALID, 2);
  at(0, WCHG_E_MISSING,
     "pCSCFRecord/subscriberEquipmentNumber/subscriberEquipmentNumberType");
  at(1, WCHG_E_MISSING,
     "pCSCFRecord/subscriberEquipmentNumber/subscriberEquipmentNumberData");
  /* absent (present false) with junk inside: not looked at */
  x.cdr.ims.subscriber_equipment_number.present = false;
  x.cdr.ims.subscriber_equipment_number.subscriber_equipment_number_type = WCHG_INT(9);
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

START_TEST(incomplete_cdr_indication_mandatory) {
  struct fx x;
  fx_build(&x);
  x.cdr.incomplete_cdr_indication.present = true;
  run(&x, 0, WCHG_E_INVALID, 3);
  at(0, WCHG_E_MISSING, "pCSCFRecord/incomplete-CDR-Indication/aCRStartLost");
  at(1, WCHG_E_MISSING, "pCSCFRecord/incomplete-CDR-Indication/aCRInterimLost");
  at(2, WCHG_E_MISSING, "pCSCFRecord/incomplete-CDR-Indication/aCRStopLost");
}
END_TEST

START_TEST(management_extension_mandatory) {
  struct fx x;
  fx_build(&x);
  x.ext[0].identifier = (wchg_octets){NULL, 0};
  x.ext[0].information = (wchg_octets){NULL, 0};
  run(&x, 0, WCHG_E_INVALID, 2);
  at(0, WCHG_E_MISSING, "pCSCFRecord/recordExtensions[0]/identifier");
  at(1, WCHG_E_MISSING, "pCSCFRecord/recordExtensions[0]/information");
}
END_TEST

/* ---- lists --------------------------------------------------------------- */

START_TEST(list_items_null_with_count) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.list_of_calling_party_address = (wchg_involved_party_list){NULL, 2};
  only(&x, 0, WCHG_E_MISSING, "pCSCFRecord/list-Of-Calling-Party-Address");
  x.cdr.ims.list_of_calling_party_address = (wchg_involved_party_list){NULL, 0};
  run(&x, 0, WCHG_OK, 0);
  x.mcl[1].sdp_media_components.items = NULL;
  only(&x, 0, WCHG_E_MISSING, MCL1 "/sDP-Media-Components");
}
END_TEST

START_TEST(nested_list_deep_path) {
  struct fx x;
  fx_build(&x);
  x.ati[0].access_transfer_type = WCHG_INT(4);
  x.ati[0].related_icid_generation_node.choice = WCHG_NODE_IP_ADDRESS;
  x.ati[0].related_icid_generation_node.ip_address.choice = WCHG_IP_TEXT_V6;
  x.ati[0].related_icid_generation_node.ip_address.text = WCHG_STR("::1");
  x.ati[0].subscriber_equipment_number.present = true;
  x.ati[0].subscriber_equipment_number.subscriber_equipment_number_type = WCHG_INT(3);
  x.cdr.ims.list_of_access_transfer_information =
      (wchg_access_transfer_information_list){x.ati, 1};
  run(&x, 0, WCHG_E_INVALID, 3);
  at(0, WCHG_E_RANGE, "pCSCFRecord/list-Of-AccessTransferInformation[0]/accessTransferType");
  at(1, WCHG_E_CONSTRAINT, "pCSCFRecord/list-Of-AccessTransferInformation[0]/"
     "relatedICIDGenerationNode/iPAddress/iPTextRepresentedAddress/iPTextV6Address");
  at(2, WCHG_E_MISSING, "pCSCFRecord/list-Of-AccessTransferInformation[0]/"
     "subscriberEquipmentNumber/subscriberEquipmentNumberData");
}
END_TEST

/* ---- recordExtensions ---------------------------------------------------- */

START_TEST(extension_with_our_oid) {
  struct fx x;
  fx_build(&x);
  x.ext[0].identifier = (wchg_octets){OUR_OID, sizeof OUR_OID};
  only(&x, 0, WCHG_E_DUPLICATE, "pCSCFRecord/recordExtensions[0]");
  says(0, WCHG_WEBRTC_EXT_OID_TEXT);
  /* a prefix of ours (2.25) is someone else's (issue 18: this cut the
   * last octet, an OID that validation now names as malformed) */
  x.ext[0].identifier.len = 1;
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

/* ---- the WebRTC profile ------------------------------------------------- */

static void expect_profile_missing(size_t first) {
  at(first + 0, WCHG_E_MISSING, "pCSCFRecord/role-of-Node");
  at(first + 1, WCHG_E_MISSING, "pCSCFRecord/nodeAddress");
  at(first + 2, WCHG_E_MISSING, "pCSCFRecord/session-Id");
  at(first + 3, WCHG_E_MISSING, "pCSCFRecord/iMS-Charging-Identifier");
  at(first + 4, WCHG_E_MISSING, "pCSCFRecord/recordOpeningTime");
}

START_TEST(webrtc_flag_requires_fields) {
  struct fx x;
  fx_minimal(&x);
  run(&x, WCHG_VALIDATE_WEBRTC, WCHG_E_INVALID, 6);
  expect_profile_missing(0);
  at(5, WCHG_E_MISSING, "pCSCFRecord/webRTCAuthenticationFunctionName");
}
END_TEST

START_TEST(webrtc_identity_triggers_profile) {
  struct fx x;
  fx_minimal(&x);
  x.cdr.ims.webrtc_web_server_function_name = WCHG_STR("wwsf.example");
  run(&x, 0, WCHG_E_INVALID, 6);
  expect_profile_missing(0);
  at(5, WCHG_E_MISSING, "pCSCFRecord/webRTCAuthenticationFunctionName");
  fx_build(&x);
  x.cdr.ims.webrtc_web_server_function_name = (wchg_str){NULL, 0};
  run(&x, 0, WCHG_OK, 0); /* the WWSF identity is optional (H.3) */
  x.cdr.ims.session_id = (wchg_str){NULL, 0};
  only(&x, 0, WCHG_E_MISSING, "pCSCFRecord/session-Id");
}
END_TEST

START_TEST(webrtc_identity_utf8) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.webrtc_web_server_function_name = WCHG_STR("wwsf\xed\xa0\x80");
  only(&x, 0, WCHG_E_UTF8, "pCSCFRecord/webRTCWebServerFunctionName");
  says(0, "offset 4");
}
END_TEST

START_TEST(webrtc_identity_empty) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.webrtc_authentication_function_name = WCHG_STR("");
  only(&x, 0, WCHG_E_CONSTRAINT, "pCSCFRecord/webRTCAuthenticationFunctionName");
}
END_TEST

/* ---- emergency ------------------------------------------------------------ */

START_TEST(emergency_with_waf) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.ims_emergency_indicator = true;
  run(&x, 0, WCHG_E_EMERGENCY, 1);
  at(0, WCHG_E_EMERGENCY, "pCSCFRecord/iMSEmergencyIndicator");
  says(0, "IMS emergency sessions of WebRTC clients are not charged");
}
END_TEST

START_TEST(emergency_with_flag_only) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.webrtc_authentication_function_name = (wchg_str){NULL, 0};
  x.cdr.ims.webrtc_web_server_function_name = (wchg_str){NULL, 0};
  x.cdr.ims.ims_emergency_indicator = true;
  run(&x, WCHG_VALIDATE_WEBRTC, WCHG_E_EMERGENCY, 2);
  at(0, WCHG_E_MISSING, "pCSCFRecord/webRTCAuthenticationFunctionName");
  at(1, WCHG_E_EMERGENCY, "pCSCFRecord/iMSEmergencyIndicator");
}
END_TEST

START_TEST(emergency_without_webrtc_accepted) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.webrtc_authentication_function_name = (wchg_str){NULL, 0};
  x.cdr.ims.webrtc_web_server_function_name = (wchg_str){NULL, 0};
  x.cdr.ims.ims_emergency_indicator = true;
  run(&x, 0, WCHG_OK, 0);
}
END_TEST

START_TEST(emergency_wins_over_other_problems) {
  struct fx x;
  fx_build(&x);
  x.cdr.ims.ims_emergency_indicator = true;
  x.cdr.ims.session_priority.value = 5;
  run(&x, 0, WCHG_E_EMERGENCY, 2);
  at(0, WCHG_E_RANGE, "pCSCFRecord/sessionPriority");
  at(1, WCHG_E_EMERGENCY, "pCSCFRecord/iMSEmergencyIndicator");
}
END_TEST

/* ---- many problems, small cap ------------------------------------------- */

static void break_five(struct fx *x) {
  fx_build(x);
  x->cdr.record_type.value = 65;                             /* 0 */
  x->cdr.ims.role_of_node.value = 7;                         /* 1 */
  x->mcl[1].sip_request_timestamp_fraction.value = 1000;     /* 2 */
  x->cdr.ims.ms_time_zone.len = 1;                           /* 3 */
  x->cdr.ims.webrtc_authentication_function_name = (wchg_str){NULL, 0}; /* 4 */
}

START_TEST(all_problems_reported) {
  struct fx x;
  break_five(&x);
  run(&x, 0, WCHG_E_INVALID, 5);
  at(0, WCHG_E_RANGE, "pCSCFRecord/recordType");
  at(1, WCHG_E_RANGE, "pCSCFRecord/role-of-Node");
  at(2, WCHG_E_RANGE, MCL1 "/sIP-Request-Timestamp-Fraction");
  at(3, WCHG_E_CONSTRAINT, "pCSCFRecord/mSTimeZone");
  at(4, WCHG_E_MISSING, "pCSCFRecord/webRTCAuthenticationFunctionName");
}
END_TEST

START_TEST(cap_smaller_than_count) {
  struct fx x;
  wchg_diag d[3];
  size_t n = 0;
  break_five(&x);
  memset(d, 0x5A, sizeof d);
  d[2].code = (wchg_status)777; /* beyond cap: must stay untouched */
  ck_assert_int_eq(wchg_cdr_validate(&x.cdr, 0, d, 2, &n), WCHG_E_INVALID);
  ck_assert_uint_eq(n, 5);
  ck_assert_int_eq(d[0].code, WCHG_E_RANGE);
  ck_assert_str_eq(d[0].path, "pCSCFRecord/recordType");
  ck_assert_int_eq(d[1].code, WCHG_E_RANGE);
  ck_assert_str_eq(d[1].path, "pCSCFRecord/role-of-Node");
  ck_assert_int_eq(d[2].code, 777);
  ck_assert_int_eq(wchg_cdr_validate(&x.cdr, 0, d, 0, &n), WCHG_E_INVALID);
  ck_assert_uint_eq(n, 5);
}
END_TEST

START_TEST(deepest_path) {
  struct fx x;
  fx_build(&x);
  x.ati[0].related_icid_generation_node.choice = WCHG_NODE_IP_ADDRESS;
  x.ati[0].related_icid_generation_node.ip_address.choice = WCHG_IP_BIN_V6_PREFIX;
  x.ati[0].related_icid_generation_node.ip_address.pdp_address_prefix_length =
      WCHG_INT(99);
  x.cdr.ims.list_of_access_transfer_information =
      (wchg_access_transfer_information_list){x.ati, 1};
  only(&x, 0, WCHG_E_RANGE,
       "pCSCFRecord/list-Of-AccessTransferInformation[0]/relatedICIDGenerationNode/"
       "iPAddress/iPBinaryAddress/iPBinV6Address/iPBinV6AddressWithPrefix/"
       "pDPAddressPrefixLength");
}
END_TEST

Suite *validate_suite(void) {
  Suite *s = suite_create("validate");
  TCase *t = tcase_create("rules");
  tcase_add_test(t, valid_h3_record);
  tcase_add_test(t, valid_minimal_without_profile);
  tcase_add_test(t, null_arguments);
  tcase_add_test(t, record_type_not_64);
  tcase_add_test(t, record_type_absent);
  tcase_add_test(t, milliseconds_range);
  tcase_add_test(t, local_sequence_number_range);
  tcase_add_test(t, gprs_charging_id_range);
  tcase_add_test(t, pdp_prefix_length_range);
  tcase_add_test(t, enum_unnamed_value);
  tcase_add_test(t, role_of_node_only_0_or_1);
  tcase_add_test(t, bool_not_0_or_1);
  tcase_add_test(t, ms_time_zone_size);
  tcase_add_test(t, ip_text_sizes);
  tcase_add_test(t, utf8_string_invalid);
  tcase_add_test(t, graphic_string_controls);
  tcase_add_test(t, graphic_list_element);
  tcase_add_test(t, ia5_string_7bit);
  tcase_add_test(t, timestamp_invalid);
  tcase_add_test(t, choice_out_of_range);
  tcase_add_test(t, choice_alternative_without_value);
  tcase_add_test(t, access_correlation_id_two_members);
  tcase_add_test(t, list_element_choice_absent);
  tcase_add_test(t, message_body_mandatory);
  tcase_add_test(t, subscription_id_mandatory);
  tcase_add_test(t, subscriber_equipment_number_mandatory);
  tcase_add_test(t, incomplete_cdr_indication_mandatory);
  tcase_add_test(t, management_extension_mandatory);
  tcase_add_test(t, list_items_null_with_count);
  tcase_add_test(t, nested_list_deep_path);
  tcase_add_test(t, extension_with_our_oid);
  tcase_add_test(t, webrtc_flag_requires_fields);
  tcase_add_test(t, webrtc_identity_triggers_profile);
  tcase_add_test(t, webrtc_identity_utf8);
  tcase_add_test(t, webrtc_identity_empty);
  tcase_add_test(t, emergency_with_waf);
  tcase_add_test(t, emergency_with_flag_only);
  tcase_add_test(t, emergency_without_webrtc_accepted);
  tcase_add_test(t, emergency_wins_over_other_problems);
  tcase_add_test(t, all_problems_reported);
  tcase_add_test(t, cap_smaller_than_count);
  tcase_add_test(t, deepest_path);
  suite_add_tcase(s, t);
  return s;
}
