/* diam_samples.h: sample Diameter messages built with the writer, shared by
 * the unit tests, the tshark interop test, the fuzz seeds and the bench.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#ifndef WCHG_DIAM_SAMPLES_H
#define WCHG_DIAM_SAMPLES_H

#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/diameter.h>

/* The 44-AVP ACR (START) of an H.3 WebRTC call from the eP-CSCF, with a
 * full IMS-Information tree and the WAF/WWSF AVPs. Returns what
 * wchg_dw_finish returns; *len the size (needed size on WCHG_E_BUFFER). */
wchg_status sample_acr(uint8_t *buf, size_t cap, size_t *len);
/* A CCR-Initial of the same session from the IMS-GWF, with one MSCC. */
wchg_status sample_ccr(uint8_t *buf, size_t cap, size_t *len);
/* Number of AVPs (groups and their children) in sample_acr. */
#define SAMPLE_ACR_AVPS 44

/* The same two messages (byte for byte) built as a CTF would: with the
 * dictionary entries (wchg_dict_find) resolved once and passed in, and the
 * wchg_dw_*_d functions. */
#define SAMPLE_AVPS(X)                                                       \
  X(session_id, 263, 0)                                                      \
  X(origin_host, 264, 0)                                                     \
  X(origin_realm, 296, 0)                                                    \
  X(destination_realm, 283, 0)                                               \
  X(accounting_record_type, 480, 0)                                          \
  X(accounting_record_number, 485, 0)                                        \
  X(acct_application_id, 259, 0)                                             \
  X(auth_application_id, 258, 0)                                             \
  X(user_name, 1, 0)                                                         \
  X(origin_state_id, 278, 0)                                                 \
  X(event_timestamp, 55, 0)                                                  \
  X(service_context_id, 461, 0)                                              \
  X(cc_request_type, 416, 0)                                                 \
  X(cc_request_number, 415, 0)                                               \
  X(subscription_id, 443, 0)                                                 \
  X(subscription_id_type, 450, 0)                                            \
  X(subscription_id_data, 444, 0)                                            \
  X(multiple_services_indicator, 455, 0)                                     \
  X(mscc, 456, 0)                                                            \
  X(requested_service_unit, 437, 0)                                          \
  X(cc_time, 420, 0)                                                         \
  X(service_identifier, 439, 0)                                              \
  X(rating_group, 432, 0)                                                    \
  X(service_information, 873, 10415)                                         \
  X(ims_information, 876, 10415)                                             \
  X(event_type, 823, 10415)                                                  \
  X(sip_method, 824, 10415)                                                  \
  X(role_of_node, 829, 10415)                                                \
  X(node_functionality, 862, 10415)                                          \
  X(user_session_id, 830, 10415)                                             \
  X(calling_party_address, 831, 10415)                                       \
  X(called_party_address, 832, 10415)                                        \
  X(time_stamps, 833, 10415)                                                 \
  X(sip_request_timestamp, 834, 10415)                                       \
  X(sip_response_timestamp, 835, 10415)                                      \
  X(sip_request_timestamp_fraction, 2301, 10415)                             \
  X(sip_response_timestamp_fraction, 2302, 10415)                            \
  X(inter_operator_identifier, 838, 10415)                                   \
  X(originating_ioi, 839, 10415)                                             \
  X(terminating_ioi, 840, 10415)                                             \
  X(ims_charging_identifier, 841, 10415)                                     \
  X(sdp_session_description, 842, 10415)                                     \
  X(sdp_media_component, 843, 10415)                                         \
  X(sdp_media_name, 844, 10415)                                              \
  X(sdp_media_description, 845, 10415)                                       \
  X(media_initiator_flag, 882, 10415)                                        \
  X(sdp_type, 2036, 10415)                                                   \
  X(served_party_ip_address, 848, 10415)                                     \
  X(access_network_information, 1263, 10415)                                 \
  X(waf, 657, 10415)                                                         \
  X(wwsf, 658, 10415)

typedef struct sample_avps {
#define SAMPLE_AVP_FIELD(name, code, vendor) const wchg_dict_avp *name;
  SAMPLE_AVPS(SAMPLE_AVP_FIELD)
#undef SAMPLE_AVP_FIELD
} sample_avps;

/* Resolve every entry of *|a|: 0, or -1 when the dictionary lacks one. */
int sample_avps_resolve(sample_avps *a);
wchg_status sample_acr_d(const sample_avps *a, uint8_t *buf, size_t cap, size_t *len);
wchg_status sample_ccr_d(const sample_avps *a, uint8_t *buf, size_t cap, size_t *len);

#endif
