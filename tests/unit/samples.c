/* samples.c: sample records (see samples.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <string.h>

#include "samples.h"

#define S(x) WCHG_STR(x)
#define O(x) ((wchg_octets){(const uint8_t *)(x), sizeof(x) - 1})
#define N(a) (sizeof(a) / sizeof((a)[0]))

static wchg_timestamp ts(int y, int mo, int d, int h, int mi, int s, int off) {
  wchg_timestamp t;
  wchg_timestamp_set(&t, y, mo, d, h, mi, s, off);
  return t;
}

static const wchg_involved_party calling[] = {
    {WCHG_PARTY_SIP_URI, S("sip:alice@ims.example.com")},
    {WCHG_PARTY_TEL_URI, S("tel:+15551234567")},
};
static const wchg_involved_party assoc[] = {
    {WCHG_PARTY_SIP_URI, S("sip:alice@ims.example.com")},
    {WCHG_PARTY_URN, S("urn:uuid:00000000-0000-1000-8000-000000000001")},
    {WCHG_PARTY_ISDN_E164, S("15551234567")},
    {WCHG_PARTY_EXTERNAL_ID, S("alice@web.example.net")},
};
static const wchg_involved_party called_asserted[] = {
    {WCHG_PARTY_SIP_URI, S("sip:bob@ims.example.org")},
};
static const wchg_involved_party requested[] = {
    {WCHG_PARTY_TEL_URI, S("tel:+15559876543")},
};
static const wchg_str audio_desc[] = {S("a=rtpmap:111 opus/48000/2"), S("a=sendrecv")};
static const wchg_str video_desc[] = {S("a=rtpmap:96 VP8/90000"), S("a=sendrecv")};
static const wchg_str session_desc[] = {S("v=0"), S("o=- 4611731400430051336 2 IN IP4 192.0.2.10"),
                                        S("s=-"), S("c=IN IP4 192.0.2.10")};
static const wchg_sdp_media_component av[] = {
    {.sdp_media_name = S("m=audio 49170 UDP/TLS/RTP/SAVPF 111"),
     .sdp_media_descriptions = {audio_desc, N(audio_desc)},
     .gprs_charging_id = {true, 3735928559LL},
     .local_gw_inserted_indication = {true, 0},
     .ip_realm_default_indication = {true, 1},
     .transcoder_inserted_indication = {true, 0}},
    {.sdp_media_name = S("m=video 49172 UDP/TLS/RTP/SAVPF 96"),
     .sdp_media_descriptions = {video_desc, N(video_desc)},
     .access_network_charging_identifier = S("anci-7f3a")},
};
static const wchg_sdp_media_component audio_only[] = {
    {.sdp_media_name = S("m=audio 49170 UDP/TLS/RTP/SAVPF 111"),
     .sdp_media_descriptions = {audio_desc, N(audio_desc)}},
};
static wchg_media_components_list media[2];
static wchg_early_media_components_list early[1];
static const wchg_message_body bodies[] = {
    {.content_type = S("application/vnd.3gpp.sms"), .content_disposition = S("render"),
     .content_length = {true, 160}, .originator = {WCHG_PARTY_SIP_URI, S("sip:alice@ims.example.com")}},
    {.content_type = S("text/plain"), .content_length = {true, 0}},
};
static const wchg_subscription_id subs[] = {
    {{true, WCHG_END_USER_SIP_URI}, S("sip:alice@ims.example.com")},
    {{true, WCHG_END_USER_E164}, S("15551234567")},
};
static const wchg_str transit[] = {S("transit1.example.net"), S("unknown")};
static const wchg_str reasons[] = {S("SIP;cause=200;text=\"Call completed elsewhere\""),
                                   S("Q.850;cause=16")};
static const wchg_str fe_ids[] = {S("pcscf1.ims.example.com;fe-addr=192.0.2.1"),
                                  S("scscf1.ims.example.com")};
static wchg_access_network_info_change anic[1];
static wchg_called_identity_change cic[1];
static wchg_access_transfer_information ati[1];
static const uint8_t foreign_oid[] = {0x2B, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x01}; /* 1.3.6.1.4.1.311.1 */
static const uint8_t foreign_info[] = {0x04, 0x03, 'v', 'e', 'n'};
static const wchg_management_extension foreign[] = {
    {{foreign_oid, sizeof foreign_oid}, {true, 1}, {foreign_info, sizeof foreign_info}},
};

static wchg_ip_address ipv4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
  wchg_ip_address ip = {.choice = WCHG_IP_BIN_V4};
  ip.bin[0] = a; ip.bin[1] = b; ip.bin[2] = c; ip.bin[3] = d;
  return ip;
}

static wchg_ip_address ipv6_db8(uint8_t last) {
  wchg_ip_address ip = {.choice = WCHG_IP_BIN_V6};
  ip.bin[0] = 0x20; ip.bin[1] = 0x01; ip.bin[2] = 0x0d; ip.bin[3] = 0xb8;
  ip.bin[15] = last;
  return ip;
}

static void fill_media(void) {
  media[0] = (wchg_media_components_list){
      .sip_request_timestamp = ts(2026, 11, 24, 10, 0, 0, 60),
      .sip_response_timestamp = ts(2026, 11, 24, 10, 0, 4, 60),
      .sdp_media_components = {av, N(av)},
      .media_initiator_flag = true,
      .sdp_session_description = {session_desc, N(session_desc)},
      .media_initiator_party = {WCHG_PARTY_SIP_URI, S("sip:alice@ims.example.com")},
      .sip_request_timestamp_fraction = {true, 125},
      .sip_response_timestamp_fraction = {true, 980},
      .sdp_type = {true, WCHG_SDP_ANSWER}};
  media[1] = (wchg_media_components_list){
      .sip_request_timestamp = ts(2026, 11, 24, 10, 5, 0, 60),
      .sip_response_timestamp = ts(2026, 11, 24, 10, 5, 1, 60),
      .sdp_media_components = {audio_only, N(audio_only)},
      .sip_request_timestamp_fraction = {true, 0},
      .sdp_type = {true, WCHG_SDP_OFFER}};
}

void sample_minimal(wchg_cdr *cdr) { wchg_cdr_init(cdr); }

/* The fields an eP-CSCF session record of a WebRTC client carries. */
static void fill_session(wchg_cdr *c, const char *waf, const char *wwsf) {
  wchg_ims_info *m = &c->ims;
  fill_media();
  wchg_cdr_init(c);
  c->node_address = (wchg_node_address){.choice = WCHG_NODE_IP_ADDRESS,
                                        .ip_address = ipv4(192, 0, 2, 1)};
  c->record_opening_time = ts(2026, 11, 24, 10, 0, 4, 60);
  c->record_closure_time = ts(2026, 11, 24, 10, 12, 30, 60);
  c->local_record_sequence_number = WCHG_INT(4711);
  c->record_sequence_number = WCHG_INT(1);
  c->cause_for_record_closing = WCHG_INT(WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY);
  m->sip_method = S("INVITE");
  m->role_of_node = WCHG_INT(WCHG_ROLE_ORIGINATING);
  m->session_id = S("f81d4fae-7dec-11d0-a765-00a0c91e6bf6@wic.example.com");
  m->list_of_calling_party_address = (wchg_involved_party_list){calling, N(calling)};
  m->called_party_address = (wchg_involved_party){WCHG_PARTY_SIP_URI, S("sip:bob@ims.example.org")};
  m->private_user_id = S("alice@ims.example.com");
  m->service_request_time_stamp = ts(2026, 11, 24, 10, 0, 0, 60);
  m->service_delivery_start_time_stamp = ts(2026, 11, 24, 10, 0, 4, 60);
  m->service_delivery_end_time_stamp = ts(2026, 11, 24, 10, 12, 30, 60);
  m->inter_operator_identifiers = (wchg_inter_operator_identifiers){
      true, S("ims.example.com"), S("ims.example.org")};
  m->ims_charging_identifier = O("icid-pcscf1-1732442400-0001");
  m->list_of_sdp_media_components = (wchg_media_components_list_list){media, N(media)};
  m->service_context_id = S("32260@3gpp.org");
  m->list_of_subscription_id = (wchg_subscription_id_list){subs, 1};
  m->service_request_time_stamp_fraction = WCHG_INT(125);
  m->service_delivery_start_time_stamp_fraction = WCHG_INT(980);
  m->service_delivery_end_time_stamp_fraction = WCHG_INT(7);
  m->list_of_called_asserted_identity = (wchg_involved_party_list){called_asserted, 1};
  m->served_party_ip_address = ipv4(198, 51, 100, 23);
  m->access_network_information = O("IEEE-802.11; i-wlan-node-id=ffffff000000");
  m->instance_id = O("<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>");
  m->route_header_received = O("<sip:pcscf1.ims.example.com;lr>");
  m->webrtc_authentication_function_name = wchg_str_from(waf);
  m->webrtc_web_server_function_name = wchg_str_from(wwsf);
}

void sample_h3(wchg_cdr *c) {
  fill_session(c, "waf.example.net", "wwsf.example.com");
}

void sample_h4(wchg_cdr *c) {
  static const wchg_involved_party pool_caller[] = {
      {WCHG_PARTY_SIP_URI, S("sip:pool-0042@thirdparty.example.com")}};
  static const wchg_message_body sms[] = {
      {.content_type = S("text/plain"), .content_length = {true, 11}}};
  wchg_ims_info *m = &c->ims;
  wchg_cdr_init(c);
  c->node_address = (wchg_node_address){.choice = WCHG_NODE_DOMAIN_NAME,
                                        .domain_name = S("pcscf1.ims.example.com")};
  c->record_opening_time = ts(2026, 11, 24, 11, 30, 0, 0);
  c->record_closure_time = ts(2026, 11, 24, 11, 30, 0, 0);
  c->local_record_sequence_number = WCHG_INT(4712);
  c->cause_for_record_closing = WCHG_INT(WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY);
  m->sip_method = S("MESSAGE");
  m->role_of_node = WCHG_INT(WCHG_ROLE_ORIGINATING);
  m->session_id = S("a84b4c76e66710@wic.thirdparty.example.com");
  m->list_of_calling_party_address = (wchg_involved_party_list){pool_caller, 1};
  m->called_party_address = (wchg_involved_party){WCHG_PARTY_TEL_URI, S("tel:+15559876543")};
  m->private_user_id = S("pool-0042@thirdparty.example.com");
  m->service_request_time_stamp = ts(2026, 11, 24, 11, 30, 0, 0);
  m->service_request_time_stamp_fraction = WCHG_INT(250);
  m->ims_charging_identifier = O("icid-pcscf1-1732447800-0042");
  m->list_of_message_bodies = (wchg_message_body_list){sms, 1};
  m->service_context_id = S("32260@3gpp.org");
  m->served_party_ip_address = ipv6_db8(0x42);
  m->webrtc_authentication_function_name = S("oauth.thirdparty.example.com");
  m->webrtc_web_server_function_name = S("www.thirdparty.example.com");
}

void sample_full(wchg_cdr *c) {
  static const uint8_t tz[] = {0x40, 0x00};
  wchg_ims_info *m = &c->ims;
  fill_session(c, "waf.example.net", "wwsf.example.com");
  early[0] = (wchg_early_media_components_list){
      .sdp_offer_timestamp = ts(2026, 11, 24, 9, 59, 58, 60),
      .sdp_answer_timestamp = ts(2026, 11, 24, 9, 59, 59, 60),
      .sdp_media_components = {audio_only, N(audio_only)},
      .media_initiator_flag = true,
      .sdp_session_description = {session_desc, 2},
      .sdp_type = {true, WCHG_SDP_OFFER}};
  anic[0] = (wchg_access_network_info_change){
      .access_network_information = O("3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=0010100010019B01"),
      .additional_access_network_information = O("IEEE-802.11"),
      .access_change_time = ts(2026, 11, 24, 10, 3, 0, 60),
      .cellular_network_information = O("\x01\x02\x03")};
  cic[0] = (wchg_called_identity_change){
      .called_identity = {WCHG_PARTY_SIP_URI, S("sip:carol@ims.example.org")},
      .change_time = ts(2026, 11, 24, 10, 0, 2, 60)};
  ati[0] = (wchg_access_transfer_information){
      .access_transfer_type = {true, 2},
      .access_network_information = O("3GPP-E-UTRAN-FDD"),
      .additional_access_network_information = O("IEEE-802.11"),
      .inter_ue_transfer = true,
      .related_icid = O("icid-related-1"),
      .related_icid_generation_node = {.choice = WCHG_NODE_IP_ADDRESS,
                                       .ip_address = ipv6_db8(1)},
      .access_transfer_time = ts(2026, 11, 24, 10, 4, 0, -300),
      .subscriber_equipment_number = {true, {true, 0}, O("\x35\x12\x34\x56\x78\x90\x12\x30")},
      .instance_id = O("<urn:gsma:imei:35123456-789012-3>"),
      .cellular_network_information = O("\x09")};
  c->retransmission = true;
  c->incomplete_cdr_indication = (wchg_incomplete_cdr_indication){
      true, {true, 0}, {true, WCHG_ACR_INTERIM_LOST_UNKNOWN}, {true, 1}};
  c->service_reason_return_code = S("200 OK");
  c->record_extensions = (wchg_management_extension_list){foreign, N(foreign)};
  m->ggsn_address = (wchg_node_address){.choice = WCHG_NODE_IP_ADDRESS,
                                        .ip_address = {.choice = WCHG_IP_TEXT_V4,
                                                       .text = S("203.0.113.9")}};
  m->list_of_message_bodies = (wchg_message_body_list){bodies, N(bodies)};
  m->expires_information = WCHG_INT(3600);
  m->list_of_associated_uri = (wchg_involved_party_list){assoc, N(assoc)};
  m->event = S("reg");
  m->list_of_subscription_id = (wchg_subscription_id_list){subs, N(subs)};
  m->list_of_early_sdp_media_components = (wchg_early_media_components_list_list){early, 1};
  m->ims_communication_service_identifier = O("urn:urn-7:3gpp-service.ims.icsi.mmtel");
  m->session_priority = WCHG_INT(2);
  m->list_of_requested_party_address = (wchg_involved_party_list){requested, 1};
  m->nni_information = (wchg_nni_information){
      true, {true, 1}, {true, 2}, {true, 0},
      {.choice = WCHG_IP_BIN_V6_PREFIX, .bin = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
       .pdp_address_prefix_length = {true, 48}}};
  m->user_location_information = O("\x82\x00\xf1\x10\x00\x01\x00\xf1\x10\x00\x00\x00\x01");
  m->ms_time_zone = (wchg_octets){tz, 2};
  m->from_address = O("\"Alice\" <sip:alice@ims.example.com>;tag=1928301774");
  m->transit_ioi_lists = (wchg_str_list){transit, N(transit)};
  m->ims_visited_network_identifier = O("visited.example.net");
  m->list_of_reason_header = (wchg_str_list){reasons, N(reasons)};
  m->additional_access_network_information = O("3GPP-E-UTRAN-FDD");
  m->subscriber_equipment_number = (wchg_subscriber_equipment_number){
      true, {true, 3}, O("\x02\x00\x5e\x10\x00\x00\x00\x01")};
  m->route_header_transmitted = O("<sip:scscf1.ims.example.com;lr>");
  m->list_of_access_network_info_change = (wchg_access_network_info_change_list){anic, 1};
  m->list_of_called_identity_changes = (wchg_called_identity_change_list){cic, 1};
  m->cellular_network_information = O("\x01\x02");
  m->initial_ims_charging_identifier = O("icid-initial-1");
  m->list_of_access_transfer_information = (wchg_access_transfer_information_list){ati, 1};
  m->related_icid = O("icid-related-1");
  m->related_icid_generation_node = (wchg_node_address){
      .choice = WCHG_NODE_IP_ADDRESS,
      .ip_address = {.choice = WCHG_IP_TEXT_V6, .text = S("2001:db8:1:2:3:4:5:7")}};
  m->fe_identifier_list = (wchg_str_list){fe_ids, N(fe_ids)};
}
