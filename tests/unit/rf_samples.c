/* rf_samples.c: see rf_samples.h.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include "rf_samples.h"

static const wchg_involved_party calling[] = {
    {WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@ims.example.com")},
    {WCHG_PARTY_TEL_URI, WCHG_STR("tel:+15551234567")}};
static const wchg_involved_party asserted[] = {
    {WCHG_PARTY_SIP_URI, WCHG_STR("sip:bob@ims.example.org")}};
static const wchg_involved_party requested[] = {
    {WCHG_PARTY_TEL_URI, WCHG_STR("tel:+15557654321")}};
static const wchg_involved_party associated[] = {
    {WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice.alias@ims.example.com")}};
static const wchg_str transit[] = {WCHG_STR("transit-a.example.net"), WCHG_STR("unknown")};
static const wchg_str session_lines[] = {WCHG_STR("v=0"), WCHG_STR("c=IN IP6 2001:db8::10")};
static const wchg_str audio_lines[] = {WCHG_STR("a=rtpmap:111 opus/48000/2"),
                                       WCHG_STR("a=sendrecv")};
static const wchg_str video_lines[] = {WCHG_STR("a=rtpmap:96 VP8/90000")};
const wchg_sdp_media_component rf_full_components[2] = {
    {.sdp_media_name = WCHG_STR("m=audio 49170 UDP/TLS/RTP/SAVPF 111"),
     .sdp_media_descriptions = {audio_lines, 2},
     .gprs_charging_id = WCHG_INT(0xDEADBEEF),
     .local_gw_inserted_indication = WCHG_INT(1),
     .ip_realm_default_indication = WCHG_INT(0),
     .transcoder_inserted_indication = WCHG_INT(1)},
    {.sdp_media_name = WCHG_STR("m=video 49172 UDP/TLS/RTP/SAVPF 96"),
     .sdp_media_descriptions = {video_lines, 1},
     .access_network_charging_identifier = WCHG_STR("anci-77")}};
static const wchg_media_components_list media[] = {
    {.sdp_media_components = {rf_full_components, 2},
     .media_initiator_flag = true,
     .sdp_session_description = {session_lines, 2},
     .media_initiator_party = {WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@ims.example.com")},
     .sdp_type = WCHG_INT(WCHG_SDP_OFFER)}};
static const wchg_message_body bodies[] = {
    {.content_type = WCHG_STR("application/vnd.3gpp.sms"),
     .content_disposition = WCHG_STR("render"),
     .content_length = WCHG_INT(120)}};
static const wchg_subscription_id subscriptions[] = {
    {WCHG_INT(WCHG_END_USER_SIP_URI), WCHG_STR("sip:alice@ims.example.com")},
    {WCHG_INT(WCHG_END_USER_E164), WCHG_STR("15551234567")}};
static const wchg_str reasons[] = {WCHG_STR("Q.850;cause=16;text=\"Normal call clearing\"")};
static const wchg_str fe_ids[] = {WCHG_STR("fe1@pcscf1.ims.example.com"),
                                  WCHG_STR("fe2@scscf1.ims.example.com")};

/* Every field the acr.h table lists (IMS-Emergency-Indicator aside: with
 * the WebRTC identities it is refused; see test_rf.c emergency_rule). */
void rf_full_acr(wchg_acr *a) {
  wchg_ims_info *ims = &a->ims;
  wchg_acr_init(a);
  a->hop_by_hop = 0xA1B2C3D4;
  a->end_to_end = 0x01020304;
  a->retransmitted = true;
  a->session_id = WCHG_STR("pcscf1.ims.example.com;1795510800;2;full");
  a->origin_host = WCHG_STR("pcscf1.ims.example.com");
  a->origin_realm = WCHG_STR("ims.example.com");
  a->destination_realm = WCHG_STR("ims.example.net");
  a->destination_host = WCHG_STR("cdf1.ims.example.net");
  a->accounting_record_type = WCHG_ACR_INTERIM;
  a->accounting_record_number = 2;
  a->acct_interim_interval = WCHG_INT(300);
  a->origin_state_id = WCHG_INT(7);
  a->event_timestamp = WCHG_TIME_MS(1795510900500LL);
  a->cause_code = WCHG_INT(wchg_cause_code("INVITE", 302, false)); /* -302 */
  a->sip_request_timestamp = WCHG_TIME_MS(1795510800125LL);
  a->sip_response_timestamp = WCHG_TIME_MS(1795510804980LL);

  ims->private_user_id = WCHG_STR("alice@ims.example.com");
  ims->service_context_id = WCHG_STR(WCHG_SERVICE_CONTEXT_IMS);
  ims->list_of_subscription_id = (wchg_subscription_id_list){subscriptions, 2};
  ims->sip_method = WCHG_STR("INVITE");
  ims->event = WCHG_STR("presence");
  ims->expires_information = WCHG_INT(3600);
  ims->role_of_node = WCHG_INT(2); /* FORWARDING_ROLE: no CDR form, an AVP one */
  ims->session_id = WCHG_STR("f81d4fae-7dec-11d0-a765-00a0c91e6bf6@wic.example.com");
  ims->session_priority = WCHG_INT(3);
  ims->list_of_calling_party_address = (wchg_involved_party_list){calling, 2};
  ims->called_party_address = (wchg_involved_party){WCHG_PARTY_SIP_URI,
                                                    WCHG_STR("sip:bob@ims.example.org")};
  ims->list_of_called_asserted_identity = (wchg_involved_party_list){asserted, 1};
  ims->list_of_requested_party_address = (wchg_involved_party_list){requested, 1};
  ims->list_of_associated_uri = (wchg_involved_party_list){associated, 1};
  ims->inter_operator_identifiers =
      (wchg_inter_operator_identifiers){true, WCHG_STR("ims.example.com"),
                                        WCHG_STR("ims.example.org")};
  ims->transit_ioi_lists = (wchg_str_list){transit, 2};
  ims->ims_charging_identifier = OCT("icid-full-0001");
  ims->list_of_sdp_media_components = (wchg_media_components_list_list){media, 1};
  ims->served_party_ip_address.choice = WCHG_IP_TEXT_V6;
  ims->served_party_ip_address.text = WCHG_STR("2001:db8::23");
  ims->list_of_message_bodies = (wchg_message_body_list){bodies, 1};
  ims->list_of_reason_header = (wchg_str_list){reasons, 1};
  ims->access_network_information = OCT("3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01");
  ims->additional_access_network_information = OCT("IEEE-802.11;i-wlan-node-id=ffffffffffff");
  ims->cellular_network_information = OCT("\x01\x02\x03");
  ims->ims_communication_service_identifier = OCT("urn:urn-7:3gpp-service.ims.icsi.mmtel");
  ims->nni_information.present = true;
  ims->nni_information.session_direction = WCHG_INT(1);
  ims->nni_information.nni_type = WCHG_INT(2);
  ims->nni_information.relationship_mode = WCHG_INT(0);
  ims->nni_information.neighbour_node_address =
      (wchg_ip_address){.choice = WCHG_IP_BIN_V4, .bin = {192, 0, 2, 99}};
  ims->from_address = OCT("sip:alice@ims.example.com");
  ims->ims_visited_network_identifier = OCT("visited.example.net");
  ims->related_icid = OCT("icid-related-0001");
  ims->related_icid_generation_node.choice = WCHG_NODE_IP_ADDRESS;
  ims->related_icid_generation_node.ip_address =
      (wchg_ip_address){.choice = WCHG_IP_BIN_V6_PREFIX,
                        .bin = {0x20, 0x01, 0x0d, 0xb8, [15] = 1},
                        .pdp_address_prefix_length = WCHG_INT(64)};
  ims->route_header_received = OCT("<sip:pcscf1.ims.example.com;lr>");
  ims->route_header_transmitted = OCT("<sip:scscf1.ims.example.com;lr>");
  ims->instance_id = OCT("<urn:gsma:imei:35209900-176148-1>");
  ims->fe_identifier_list = (wchg_str_list){fe_ids, 2};
  ims->webrtc_authentication_function_name = WCHG_STR("waf.example.net");
  ims->webrtc_web_server_function_name = WCHG_STR("wwsf.example.com");
}

static const wchg_involved_party sample_calling[] = {
    {WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@ims.example.com")},
    {WCHG_PARTY_TEL_URI, WCHG_STR("tel:+15551234567")}};
static const wchg_str sample_session_lines[] = {WCHG_STR("c=IN IP4 192.0.2.10")};
static const wchg_str sample_media_lines[] = {WCHG_STR("a=rtpmap:111 opus/48000/2"),
                                              WCHG_STR("a=sendrecv")};
static const wchg_sdp_media_component sample_components[] = {
    {.sdp_media_name = WCHG_STR("m=audio 49170 UDP/TLS/RTP/SAVPF 111"),
     .sdp_media_descriptions = {sample_media_lines, 2}}};
static const wchg_media_components_list sample_media[] = {
    {.sdp_media_components = {sample_components, 1},
     .media_initiator_flag = true,
     .sdp_session_description = {sample_session_lines, 1},
     .sdp_type = WCHG_INT(WCHG_SDP_ANSWER)}};
static const wchg_subscription_id sample_subscriptions[] = {
    {WCHG_INT(WCHG_END_USER_SIP_URI), WCHG_STR("sip:alice@ims.example.com")}};

/* The content of sample_acr (diam_samples.c) as a model: every AVP of it
 * has a model field, so the bytes must be the same. */
void rf_sample_as_model(wchg_acr *a) {
  wchg_ims_info *ims = &a->ims;
  wchg_acr_init(a);
  a->hop_by_hop = 0x11223344;
  a->end_to_end = 0x55667788;
  a->session_id = WCHG_STR("pcscf1.ims.example.com;1795510800;1;h3-call");
  a->origin_host = WCHG_STR("pcscf1.ims.example.com");
  a->origin_realm = WCHG_STR("ims.example.com");
  a->destination_realm = WCHG_STR("ims.example.com");
  a->accounting_record_type = WCHG_ACR_START;
  a->accounting_record_number = 0;
  a->origin_state_id = WCHG_INT(1);
  a->event_timestamp = WCHG_TIME_MS(1795510804000LL);
  a->node_functionality = WCHG_NODE_P_CSCF;
  a->sip_request_timestamp = WCHG_TIME_MS(1795510800125LL);
  a->sip_response_timestamp = WCHG_TIME_MS(1795510804980LL);
  ims->private_user_id = WCHG_STR("alice@ims.example.com");
  ims->service_context_id = WCHG_STR(WCHG_SERVICE_CONTEXT_IMS);
  ims->list_of_subscription_id = (wchg_subscription_id_list){sample_subscriptions, 1};
  ims->sip_method = WCHG_STR("INVITE");
  ims->role_of_node = WCHG_INT(WCHG_ROLE_ORIGINATING);
  ims->session_id = WCHG_STR("f81d4fae-7dec-11d0-a765-00a0c91e6bf6@wic.example.com");
  ims->list_of_calling_party_address = (wchg_involved_party_list){sample_calling, 2};
  ims->called_party_address = (wchg_involved_party){WCHG_PARTY_SIP_URI,
                                                    WCHG_STR("sip:bob@ims.example.org")};
  ims->inter_operator_identifiers =
      (wchg_inter_operator_identifiers){true, WCHG_STR("ims.example.com"),
                                        WCHG_STR("ims.example.org")};
  ims->ims_charging_identifier = OCT("icid-pcscf1-1732442400-0001");
  ims->list_of_sdp_media_components = (wchg_media_components_list_list){sample_media, 1};
  ims->served_party_ip_address =
      (wchg_ip_address){.choice = WCHG_IP_BIN_V4, .bin = {198, 51, 100, 23}};
  ims->access_network_information = OCT("IEEE-802.11");
  ims->webrtc_authentication_function_name = WCHG_STR("waf.example.net");
  ims->webrtc_web_server_function_name = WCHG_STR("wwsf.example.com");
}

void rf_minimal_acr(wchg_acr *a, int32_t type) {
  wchg_acr_init(a);
  a->session_id = WCHG_STR("pcscf1.ims.example.com;1;2");
  a->origin_host = WCHG_STR("pcscf1.ims.example.com");
  a->origin_realm = WCHG_STR("ims.example.com");
  a->destination_realm = WCHG_STR("ims.example.com");
  a->accounting_record_type = type;
  a->accounting_record_number = type == WCHG_ACR_STOP ? 4 : type == WCHG_ACR_INTERIM ? 1 : 0;
}

/* The H.3 call's registration context: identities, WAF/WWSF (as the CTF
 * fills them), through the sample ACR's model. */
void ro_ccr_base(wchg_ccr *c, int32_t type, uint32_t number) {
  wchg_acr a;
  rf_sample_as_model(&a);
  wchg_ccr_init(c, WCHG_NODE_S_CSCF);
  c->hop_by_hop = 0x01020304;
  c->end_to_end = 0x05060708;
  c->session_id = WCHG_STR("imsgwf1.ims.example.com;1795510800;7;h3-call");
  c->origin_host = WCHG_STR("pcscf1.ims.example.com");
  c->origin_realm = WCHG_STR("ims.example.com");
  c->destination_realm = WCHG_STR("ims.example.com");
  c->cc_request_type = type;
  c->cc_request_number = number;
  c->event_timestamp = WCHG_TIME_MS(1795510800000LL);
  c->multiple_services_indicator = WCHG_INT(1);
  c->sip_request_timestamp = a.sip_request_timestamp;
  c->sip_response_timestamp = a.sip_response_timestamp;
  c->ims = a.ims;
}
