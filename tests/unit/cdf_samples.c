/* cdf_samples.c: the ACR models of cdf_samples.h.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdio.h>
#include <string.h>

#include "cdf_samples.h"

const char *sid_of(unsigned session, char *buf, size_t cap) {
  snprintf(buf, cap, HOST ";0;%u", session);
  return buf;
}

wchg_acr *fx_make(struct fx *f, unsigned session, int type, uint32_t number, int64_t t,
                  bool sdp, bool wic) {
  wchg_acr *a = &f->a;
  wchg_ims_info *ims = &a->ims;
  memset(f, 0, sizeof *f);
  wchg_acr_init(a);
  a->session_id = wchg_str_from(sid_of(session, f->sid, sizeof f->sid));
  a->origin_host = WCHG_STR(HOST);
  a->origin_realm = WCHG_STR("visited.example");
  a->destination_realm = WCHG_STR("home.example");
  a->accounting_record_type = type;
  a->accounting_record_number = number;
  a->event_timestamp = WCHG_TIME_MS(t);
  snprintf(f->call_id, sizeof f->call_id, "call-%u@pc33.example", session);
  snprintf(f->icid, sizeof f->icid, "icid-%u", session);
  ims->session_id = wchg_str_from(f->call_id);
  ims->ims_charging_identifier = (wchg_octets){(const uint8_t *)f->icid, strlen(f->icid)};
  ims->role_of_node = WCHG_INT(WCHG_ROLE_ORIGINATING);
  ims->private_user_id = WCHG_STR("alice@home.example");
  ims->service_context_id = WCHG_STR(WCHG_SERVICE_CONTEXT_IMS);
  f->calling[0] = (wchg_involved_party){WCHG_PARTY_SIP_URI, WCHG_STR("sip:alice@home.example")};
  f->calling[1] = (wchg_involved_party){WCHG_PARTY_TEL_URI, WCHG_STR("tel:+15551230001")};
  ims->list_of_calling_party_address = (wchg_involved_party_list){f->calling, 2};
  ims->called_party_address =
      (wchg_involved_party){WCHG_PARTY_SIP_URI, WCHG_STR("sip:bob@home-b.example")};
  f->sub[0] = (wchg_subscription_id){WCHG_INT(WCHG_END_USER_SIP_URI),
                                     WCHG_STR("sip:alice@home.example")};
  ims->list_of_subscription_id = (wchg_subscription_id_list){f->sub, 1};
  ims->served_party_ip_address.choice = WCHG_IP_BIN_V4;
  memcpy(ims->served_party_ip_address.bin, "\xc6\x33\x64\x01", 4);
  ims->inter_operator_identifiers.present = true;
  ims->inter_operator_identifiers.originating_ioi = WCHG_STR("visited.example");
  if (wic) {
    ims->webrtc_authentication_function_name = WCHG_STR(WAF);
    ims->webrtc_web_server_function_name = WCHG_STR(WWSF);
  }
  switch (type) {
  case WCHG_ACR_EVENT:
    ims->sip_method = WCHG_STR("MESSAGE");
    a->cause_code = WCHG_INT(WCHG_CAUSE_SUCCESSFUL_TRANSACTION);
    a->sip_request_timestamp = WCHG_TIME_MS(t - 77);
    a->sip_response_timestamp = WCHG_TIME_MS(t);
    break;
  case WCHG_ACR_START:
    ims->sip_method = WCHG_STR("INVITE");
    a->sip_request_timestamp = WCHG_TIME_MS(t - 4877);
    a->sip_response_timestamp = WCHG_TIME_MS(t);
    break;
  case WCHG_ACR_INTERIM:
    ims->sip_method = WCHG_STR("UPDATE");
    a->sip_request_timestamp = WCHG_TIME_MS(t - 100);
    a->sip_response_timestamp = WCHG_TIME_MS(t);
    break;
  default:
    ims->sip_method = WCHG_STR("BYE");
    a->sip_request_timestamp = WCHG_TIME_MS(t);
    a->cause_code = WCHG_INT(WCHG_CAUSE_NORMAL_END);
    f->reason[0] = WCHG_STR("Q.850;cause=16");
    ims->list_of_reason_header = (wchg_str_list){f->reason, 1};
    break;
  }
  if (sdp) {
    f->sdp_session[0] = WCHG_STR("v=0");
    f->sdp_session[1] = WCHG_STR("o=bob 2808844564 2808844564 IN IP4 203.0.113.7");
    f->audio_desc[0] = WCHG_STR("c=IN IP4 203.0.113.7");
    f->audio_desc[1] = WCHG_STR("a=rtpmap:111 opus/48000/2");
    f->video_desc[0] = WCHG_STR("a=rtpmap:96 VP8/90000");
    f->comps[0].sdp_media_name = WCHG_STR("m=audio 49174 UDP/TLS/RTP/SAVPF 111");
    f->comps[0].sdp_media_descriptions = (wchg_str_list){f->audio_desc, 2};
    f->comps[1].sdp_media_name = WCHG_STR("m=video 49176 UDP/TLS/RTP/SAVPF 96");
    f->comps[1].sdp_media_descriptions = (wchg_str_list){f->video_desc, 1};
    f->media.sdp_session_description = (wchg_str_list){f->sdp_session, 2};
    f->media.sdp_media_components = (wchg_sdp_media_component_list){f->comps, 2};
    f->media.media_initiator_flag = true;
    f->media.sdp_type = WCHG_INT(WCHG_SDP_ANSWER);
    ims->list_of_sdp_media_components = (wchg_media_components_list_list){&f->media, 1};
  }
  return a;
}
