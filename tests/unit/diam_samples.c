/* diam_samples.c: see diam_samples.h. Each message is written twice:
 * by (code, vendor) and through resolved dictionary entries (the _d
 * functions); both must give the golden bytes of tests/vectors/.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <string.h>

#include "diam_samples.h"

#define V3 10415u
#define STR(w, code, vendor, s) wchg_dw_utf8(w, code, vendor, s, sizeof(s) - 1)
#define ID(w, code, s) wchg_dw_octets(w, code, 0, s, sizeof(s) - 1)

static const uint8_t ue_v4[4] = {198, 51, 100, 23};

static void session_top(wchg_dwriter *w, const char *sid, size_t sid_len) {
  wchg_dw_utf8(w, 263, 0, sid, sid_len);                 /* Session-Id */
  ID(w, 264, "pcscf1.ims.example.com");                  /* Origin-Host */
  ID(w, 296, "ims.example.com");                         /* Origin-Realm */
  ID(w, 283, "ims.example.com");                         /* Destination-Realm */
}

static void ims_information(wchg_dwriter *w, int32_t node_functionality) {
  wchg_dw_group_begin(w, 876, V3);                        /* IMS-Information */
  wchg_dw_group_begin(w, 823, V3);                        /* Event-Type */
  STR(w, 824, V3, "INVITE");                              /* SIP-Method */
  wchg_dw_group_end(w);
  wchg_dw_i32(w, 829, V3, 0);                             /* Role-Of-Node */
  wchg_dw_i32(w, 862, V3, node_functionality);            /* Node-Functionality */
  STR(w, 830, V3, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@wic.example.com");
  STR(w, 831, V3, "sip:alice@ims.example.com");           /* Calling-Party-Address */
  STR(w, 831, V3, "tel:+15551234567");
  STR(w, 832, V3, "sip:bob@ims.example.org");             /* Called-Party-Address */
  wchg_dw_group_begin(w, 833, V3);                        /* Time-Stamps */
  wchg_dw_time(w, 834, V3, 1795510800);                   /* 2026-11-24 09:00:00 UTC */
  wchg_dw_time(w, 835, V3, 1795510804);
  wchg_dw_u32(w, 2301, V3, 125);
  wchg_dw_u32(w, 2302, V3, 980);
  wchg_dw_group_end(w);
  wchg_dw_group_begin(w, 838, V3);                        /* Inter-Operator-Identifier */
  STR(w, 839, V3, "ims.example.com");
  STR(w, 840, V3, "ims.example.org");
  wchg_dw_group_end(w);
  STR(w, 841, V3, "icid-pcscf1-1732442400-0001");         /* IMS-Charging-Identifier */
  STR(w, 842, V3, "c=IN IP4 192.0.2.10");                 /* SDP-Session-Description */
  wchg_dw_group_begin(w, 843, V3);                        /* SDP-Media-Component */
  STR(w, 844, V3, "m=audio 49170 UDP/TLS/RTP/SAVPF 111");
  STR(w, 845, V3, "a=rtpmap:111 opus/48000/2");
  STR(w, 845, V3, "a=sendrecv");
  wchg_dw_i32(w, 882, V3, 1);                             /* Media-Initiator-Flag: calling */
  wchg_dw_i32(w, 2036, V3, 1);                            /* SDP-Type: answer */
  wchg_dw_group_end(w);
  wchg_dw_address(w, 848, V3, 1, ue_v4);                  /* Served-Party-IP-Address */
  wchg_dw_octets(w, 1263, V3, "IEEE-802.11", 11);         /* Access-Network-Information */
  STR(w, 657, V3, "waf.example.net");                     /* WebRTC: WAF, M clear */
  STR(w, 658, V3, "wwsf.example.com");                    /* WebRTC: WWSF, M clear */
  wchg_dw_group_end(w);
}

wchg_status sample_acr(uint8_t *buf, size_t cap, size_t *len) {
  static const char sid[] = "pcscf1.ims.example.com;1795510800;1;h3-call";
  wchg_dwriter w;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, WCHG_CMD_ACCOUNTING,
                 WCHG_APP_BASE_ACCOUNTING, 0x11223344, 0x55667788);
  session_top(&w, sid, sizeof sid - 1);
  wchg_dw_i32(&w, 480, 0, 2);                             /* START_RECORD */
  wchg_dw_u32(&w, 485, 0, 0);                             /* Accounting-Record-Number */
  wchg_dw_u32(&w, 259, 0, 3);                             /* Acct-Application-Id */
  STR(&w, 1, 0, "alice@ims.example.com");                 /* User-Name (IMPI) */
  wchg_dw_u32(&w, 278, 0, 1);                             /* Origin-State-Id */
  wchg_dw_time(&w, 55, 0, 1795510804);                    /* Event-Timestamp */
  STR(&w, 461, 0, "32260@3gpp.org");                      /* Service-Context-Id */
  wchg_dw_group_begin(&w, 873, V3);                       /* Service-Information */
  wchg_dw_group_begin(&w, 443, 0);                        /* Subscription-Id */
  wchg_dw_i32(&w, 450, 0, 2);                             /* END_USER_SIP_URI */
  STR(&w, 444, 0, "sip:alice@ims.example.com");
  wchg_dw_group_end(&w);
  ims_information(&w, 1);                                 /* P-CSCF */
  wchg_dw_group_end(&w);
  return wchg_dw_finish(&w, len);
}

wchg_status sample_ccr(uint8_t *buf, size_t cap, size_t *len) {
  static const char sid[] = "imsgwf1.ims.example.com;1795510800;7;h3-call";
  wchg_dwriter w;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL,
                 WCHG_APP_CREDIT_CONTROL, 0x01020304, 0x05060708);
  session_top(&w, sid, sizeof sid - 1);
  wchg_dw_u32(&w, 258, 0, 4);                             /* Auth-Application-Id */
  STR(&w, 461, 0, "32260@3gpp.org");                      /* Service-Context-Id */
  wchg_dw_i32(&w, 416, 0, 1);                             /* INITIAL_REQUEST */
  wchg_dw_u32(&w, 415, 0, 0);                             /* CC-Request-Number */
  STR(&w, 1, 0, "alice@ims.example.com");
  wchg_dw_time(&w, 55, 0, 1795510800);
  wchg_dw_group_begin(&w, 443, 0);                        /* Subscription-Id */
  wchg_dw_i32(&w, 450, 0, 2);
  STR(&w, 444, 0, "sip:alice@ims.example.com");
  wchg_dw_group_end(&w);
  wchg_dw_i32(&w, 455, 0, 1);                             /* Multiple-Services-Indicator */
  wchg_dw_group_begin(&w, 456, 0);                        /* Multiple-Services-Credit-Control */
  wchg_dw_group_begin(&w, 437, 0);                        /* Requested-Service-Unit */
  wchg_dw_u32(&w, 420, 0, 60);                            /* CC-Time */
  wchg_dw_group_end(&w);
  wchg_dw_u32(&w, 439, 0, 1);                             /* Service-Identifier */
  wchg_dw_u32(&w, 432, 0, 100);                           /* Rating-Group */
  wchg_dw_group_end(&w);
  wchg_dw_group_begin(&w, 873, V3);                       /* Service-Information */
  ims_information(&w, 0);                                 /* S-CSCF (via the IMS-GWF) */
  wchg_dw_group_end(&w);
  return wchg_dw_finish(&w, len);
}

/* ---- the same messages through resolved entries ------------------------ */

int sample_avps_resolve(sample_avps *a) {
  int rc = 0;
#define SAMPLE_AVP_RESOLVE(name, code, vendor)                               \
  if (!(a->name = wchg_dict_find(code, vendor)))                             \
    rc = -1;
  SAMPLE_AVPS(SAMPLE_AVP_RESOLVE)
#undef SAMPLE_AVP_RESOLVE
  return rc;
}

#define STR_D(w, d, s) wchg_dw_utf8_d(w, d, s, sizeof(s) - 1)
#define ID_D(w, d, s) wchg_dw_octets_d(w, d, s, sizeof(s) - 1)

static void session_top_d(wchg_dwriter *w, const sample_avps *a, const char *sid,
                          size_t sid_len) {
  wchg_dw_utf8_d(w, a->session_id, sid, sid_len);
  ID_D(w, a->origin_host, "pcscf1.ims.example.com");
  ID_D(w, a->origin_realm, "ims.example.com");
  ID_D(w, a->destination_realm, "ims.example.com");
}

static void ims_information_d(wchg_dwriter *w, const sample_avps *a,
                              int32_t node_functionality) {
  wchg_dw_group_begin_d(w, a->ims_information);
  wchg_dw_group_begin_d(w, a->event_type);
  STR_D(w, a->sip_method, "INVITE");
  wchg_dw_group_end(w);
  wchg_dw_i32_d(w, a->role_of_node, 0);
  wchg_dw_i32_d(w, a->node_functionality, node_functionality);
  STR_D(w, a->user_session_id, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@wic.example.com");
  STR_D(w, a->calling_party_address, "sip:alice@ims.example.com");
  STR_D(w, a->calling_party_address, "tel:+15551234567");
  STR_D(w, a->called_party_address, "sip:bob@ims.example.org");
  wchg_dw_group_begin_d(w, a->time_stamps);
  wchg_dw_time_d(w, a->sip_request_timestamp, 1795510800);
  wchg_dw_time_d(w, a->sip_response_timestamp, 1795510804);
  wchg_dw_u32_d(w, a->sip_request_timestamp_fraction, 125);
  wchg_dw_u32_d(w, a->sip_response_timestamp_fraction, 980);
  wchg_dw_group_end(w);
  wchg_dw_group_begin_d(w, a->inter_operator_identifier);
  STR_D(w, a->originating_ioi, "ims.example.com");
  STR_D(w, a->terminating_ioi, "ims.example.org");
  wchg_dw_group_end(w);
  STR_D(w, a->ims_charging_identifier, "icid-pcscf1-1732442400-0001");
  STR_D(w, a->sdp_session_description, "c=IN IP4 192.0.2.10");
  wchg_dw_group_begin_d(w, a->sdp_media_component);
  STR_D(w, a->sdp_media_name, "m=audio 49170 UDP/TLS/RTP/SAVPF 111");
  STR_D(w, a->sdp_media_description, "a=rtpmap:111 opus/48000/2");
  STR_D(w, a->sdp_media_description, "a=sendrecv");
  wchg_dw_i32_d(w, a->media_initiator_flag, 1);
  wchg_dw_i32_d(w, a->sdp_type, 1);
  wchg_dw_group_end(w);
  wchg_dw_address_d(w, a->served_party_ip_address, 1, ue_v4);
  wchg_dw_octets_d(w, a->access_network_information, "IEEE-802.11", 11);
  STR_D(w, a->waf, "waf.example.net");
  STR_D(w, a->wwsf, "wwsf.example.com");
  wchg_dw_group_end(w);
}

wchg_status sample_acr_d(const sample_avps *a, uint8_t *buf, size_t cap, size_t *len) {
  static const char sid[] = "pcscf1.ims.example.com;1795510800;1;h3-call";
  wchg_dwriter w;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, WCHG_CMD_ACCOUNTING,
                 WCHG_APP_BASE_ACCOUNTING, 0x11223344, 0x55667788);
  session_top_d(&w, a, sid, sizeof sid - 1);
  wchg_dw_i32_d(&w, a->accounting_record_type, 2);
  wchg_dw_u32_d(&w, a->accounting_record_number, 0);
  wchg_dw_u32_d(&w, a->acct_application_id, 3);
  STR_D(&w, a->user_name, "alice@ims.example.com");
  wchg_dw_u32_d(&w, a->origin_state_id, 1);
  wchg_dw_time_d(&w, a->event_timestamp, 1795510804);
  STR_D(&w, a->service_context_id, "32260@3gpp.org");
  wchg_dw_group_begin_d(&w, a->service_information);
  wchg_dw_group_begin_d(&w, a->subscription_id);
  wchg_dw_i32_d(&w, a->subscription_id_type, 2);
  STR_D(&w, a->subscription_id_data, "sip:alice@ims.example.com");
  wchg_dw_group_end(&w);
  ims_information_d(&w, a, 1);
  wchg_dw_group_end(&w);
  return wchg_dw_finish(&w, len);
}

wchg_status sample_ccr_d(const sample_avps *a, uint8_t *buf, size_t cap, size_t *len) {
  static const char sid[] = "imsgwf1.ims.example.com;1795510800;7;h3-call";
  wchg_dwriter w;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL,
                 WCHG_APP_CREDIT_CONTROL, 0x01020304, 0x05060708);
  session_top_d(&w, a, sid, sizeof sid - 1);
  wchg_dw_u32_d(&w, a->auth_application_id, 4);
  STR_D(&w, a->service_context_id, "32260@3gpp.org");
  wchg_dw_i32_d(&w, a->cc_request_type, 1);
  wchg_dw_u32_d(&w, a->cc_request_number, 0);
  STR_D(&w, a->user_name, "alice@ims.example.com");
  wchg_dw_time_d(&w, a->event_timestamp, 1795510800);
  wchg_dw_group_begin_d(&w, a->subscription_id);
  wchg_dw_i32_d(&w, a->subscription_id_type, 2);
  STR_D(&w, a->subscription_id_data, "sip:alice@ims.example.com");
  wchg_dw_group_end(&w);
  wchg_dw_i32_d(&w, a->multiple_services_indicator, 1);
  wchg_dw_group_begin_d(&w, a->mscc);
  wchg_dw_group_begin_d(&w, a->requested_service_unit);
  wchg_dw_u32_d(&w, a->cc_time, 60);
  wchg_dw_group_end(&w);
  wchg_dw_u32_d(&w, a->service_identifier, 1);
  wchg_dw_u32_d(&w, a->rating_group, 100);
  wchg_dw_group_end(&w);
  wchg_dw_group_begin_d(&w, a->service_information);
  ims_information_d(&w, a, 0);
  wchg_dw_group_end(&w);
  return wchg_dw_finish(&w, len);
}
