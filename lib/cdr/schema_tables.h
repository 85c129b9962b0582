/*
 * schema_tables.h (private): the tables of TS 32.298 PCSCFRecord (V17.9.0)
 * and of our WebRTC extension, as constant data. Tags, types and
 * identifiers follow the modules in asn1/. schema.c includes it and names
 * three of its types for every reader (schema.h); the DER writer
 * (cdr_enc.c) and the BER reader (cdr_dec.c) include it too, so that the
 * compiler folds each member's kind, offset and tag into the code that
 * writes or reads it.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_SCHEMA_TABLES_H
#define WCHG_SCHEMA_TABLES_H

#include <stddef.h>

#include "cdr/schema.h"

/* A context-tagged member [tg] of C struct T stored in member m. */
#define CTX(T, m, nm, tg, k) \
  .name = (nm), .tag = (tg), .cls = TC_CONTEXT, .kind = (k), .off = offsetof(T, m)
#define UNIV(T, m, nm, tg, k) \
  .name = (nm), .tag = (tg), .cls = TC_UNIVERSAL, .kind = (k), .off = offsetof(T, m)
#define RANGE(a, b) .lo = (a), .hi = (b)
#define NFIELDS(a) ((uint16_t)(sizeof(a) / sizeof((a)[0])))

/* ---- enumerations ---------------------------------------------------- */

static const struct wenum role_of_node_names[] = {
    {0, "originating"}, {1, "terminating"}, {0, NULL}};
static const struct wenum cause_for_record_closing_names[] = {
    {0, "serviceDeliveryEndSuccessfully"}, {1, "unSuccessfulServiceDelivery"},
    {3, "timeLimit"}, {4, "serviceChange"}, {5, "managementIntervention"},
    {0, NULL}};
static const struct wenum acr_interim_lost_names[] = {
    {0, "no"}, {1, "yes"}, {2, "unknown"}, {0, NULL}};
static const struct wenum sdp_type_names[] = {
    {0, "sDP-offer"}, {1, "sDP-answer"}, {0, NULL}};
static const struct wenum subscription_id_type_names[] = {
    {0, "eND-USER-E164"}, {1, "eND-USER-IMSI"}, {2, "eND-USER-SIP-URI"},
    {3, "eND-USER-NAI"}, {4, "eND-USER-PRIVATE"}, {0, NULL}};
static const struct wenum session_priority_names[] = {
    {0, "pRIORITY-0"}, {1, "pRIORITY-1"}, {2, "pRIORITY-2"},
    {3, "pRIORITY-3"}, {4, "pRIORITY-4"}, {0, NULL}};
static const struct wenum session_direction_names[] = {
    {0, "inbound"}, {1, "outbound"}, {0, NULL}};
static const struct wenum nni_type_names[] = {
    {0, "non-roaming"}, {1, "roaming-without-loopback"},
    {2, "roaming-with-loopback"}, {0, NULL}};
static const struct wenum relationship_mode_names[] = {
    {0, "trusted"}, {1, "non-trusted"}, {0, NULL}};
static const struct wenum subscriber_equipment_type_names[] = {
    {0, "iMEISV"}, {1, "mAC"}, {2, "eUI64"}, {3, "modifiedEUI64"}, {0, NULL}};
static const struct wenum access_transfer_type_names[] = {
    {0, "pSToCS"}, {1, "cSToPS"}, {2, "pSToPS"}, {3, "cSToCS"}, {0, NULL}};

/* ---- list elements ---------------------------------------------------- */

static const struct wf elem_graphic = {
    .tag = UT_GRAPHIC, .cls = TC_UNIVERSAL, .kind = WK_TEXT, .alphabet = UT_GRAPHIC};

/* ---- IPAddress (flattened), NodeAddress, InvolvedParty ----------------- */

static const struct wf ip_v6_prefix_fields[] = {
    {UNIV(wchg_ip_address, bin, "iPBinV6Address", UT_OCTETS, WK_IPBIN),
     .flags = WF_MANDATORY, .hi = 16},
    {UNIV(wchg_ip_address, pdp_address_prefix_length, "pDPAddressPrefixLength",
          UT_INTEGER, WK_INT),
     .flags = WF_DEFAULT, .dflt = 64, RANGE(1, 64)},
};
static const struct wt ip_v6_prefix_type = {
    .name = "IPBinV6AddressWithPrefixLength", .kind = WK_STRUCT,
    .present_off = -1, .nfields = NFIELDS(ip_v6_prefix_fields),
    .fields = ip_v6_prefix_fields};

static const struct wf ip_address_alts[] = {
    {CTX(wchg_ip_address, bin, "iPBinV4Address", 0, WK_IPBIN), .hi = 4,
     .wrap = "iPBinaryAddress"},
    {CTX(wchg_ip_address, bin, "iPBinV6Address", 1, WK_IPBIN), .hi = 16,
     .wrap = "iPBinaryAddress", .wrap2 = "iPBinV6Address"},
    {.name = "iPBinV6AddressWithPrefix", .tag = 4, .cls = TC_CONTEXT,
     .kind = WK_STRUCT, .off = 0, .type = &ip_v6_prefix_type,
     .wrap = "iPBinaryAddress", .wrap2 = "iPBinV6Address"},
    {CTX(wchg_ip_address, text, "iPTextV4Address", 2, WK_TEXT),
     .alphabet = UT_IA5, RANGE(7, 15), .wrap = "iPTextRepresentedAddress"},
    {CTX(wchg_ip_address, text, "iPTextV6Address", 3, WK_TEXT),
     .alphabet = UT_IA5, RANGE(15, 45), .wrap = "iPTextRepresentedAddress"},
};
static const struct wt ip_address_type = {
    .name = "IPAddress", .kind = WK_CHOICE, .present_off = -1,
    .choice_off = offsetof(wchg_ip_address, choice),
    .nfields = NFIELDS(ip_address_alts), .fields = ip_address_alts};

static const struct wf node_address_alts[] = {
    {CTX(wchg_node_address, ip_address, "iPAddress", 0, WK_CHOICE),
     .type = &ip_address_type},
    {CTX(wchg_node_address, domain_name, "domainName", 1, WK_TEXT),
     .alphabet = UT_GRAPHIC},
};
static const struct wt node_address_type = {
    .name = "NodeAddress", .kind = WK_CHOICE, .present_off = -1,
    .choice_off = offsetof(wchg_node_address, choice),
    .nfields = NFIELDS(node_address_alts), .fields = node_address_alts};

static const struct wf involved_party_alts[] = {
    {CTX(wchg_involved_party, value, "sIP-URI", 0, WK_TEXT), .alphabet = UT_GRAPHIC},
    {CTX(wchg_involved_party, value, "tEL-URI", 1, WK_TEXT), .alphabet = UT_GRAPHIC},
    {CTX(wchg_involved_party, value, "uRN", 2, WK_TEXT), .alphabet = UT_GRAPHIC},
    {CTX(wchg_involved_party, value, "iSDN-E164", 3, WK_TEXT), .alphabet = UT_GRAPHIC},
    {CTX(wchg_involved_party, value, "externalId", 4, WK_TEXT), .alphabet = UT_UTF8},
};
static const struct wt involved_party_type = {
    .name = "InvolvedParty", .kind = WK_CHOICE, .present_off = -1,
    .choice_off = offsetof(wchg_involved_party, choice),
    .nfields = NFIELDS(involved_party_alts), .fields = involved_party_alts};

static const struct wf elem_involved_party = {
    .kind = WK_CHOICE, .type = &involved_party_type};

/* ---- small structures -------------------------------------------------- */

static const struct wf ioi_fields[] = {
    {CTX(wchg_inter_operator_identifiers, originating_ioi, "originatingIOI", 0, WK_TEXT),
     .alphabet = UT_GRAPHIC},
    {CTX(wchg_inter_operator_identifiers, terminating_ioi, "terminatingIOI", 1, WK_TEXT),
     .alphabet = UT_GRAPHIC},
};
static const struct wt ioi_type = {
    .name = "InterOperatorIdentifiers", .kind = WK_STRUCT,
    .present_off = offsetof(wchg_inter_operator_identifiers, present),
    .nfields = NFIELDS(ioi_fields), .fields = ioi_fields};

static const struct wf incomplete_fields[] = {
    {CTX(wchg_incomplete_cdr_indication, acr_start_lost, "aCRStartLost", 0, WK_BOOL),
     .flags = WF_MANDATORY},
    {CTX(wchg_incomplete_cdr_indication, acr_interim_lost, "aCRInterimLost", 1, WK_ENUM),
     .flags = WF_MANDATORY, .names = acr_interim_lost_names},
    {CTX(wchg_incomplete_cdr_indication, acr_stop_lost, "aCRStopLost", 2, WK_BOOL),
     .flags = WF_MANDATORY},
};
static const struct wt incomplete_type = {
    .name = "Incomplete-CDR-Indication", .kind = WK_STRUCT, .is_set = 1,
    .present_off = offsetof(wchg_incomplete_cdr_indication, present),
    .nfields = NFIELDS(incomplete_fields), .fields = incomplete_fields};

static const struct wf sdp_media_component_fields[] = {
    {CTX(wchg_sdp_media_component, sdp_media_name, "sDP-Media-Name", 0, WK_TEXT),
     .alphabet = UT_GRAPHIC},
    {CTX(wchg_sdp_media_component, sdp_media_descriptions, "sDP-Media-Descriptions", 1,
         WK_LIST), .elem = &elem_graphic, .esize = sizeof(wchg_str)},
    {CTX(wchg_sdp_media_component, gprs_charging_id, "gPRS-Charging-Id", 2, WK_INT),
     .flags = WF_GROUP, RANGE(0, 4294967295LL), .wrap = "accessCorrelationID"},
    {CTX(wchg_sdp_media_component, access_network_charging_identifier,
         "accessNetworkChargingIdentifier", 4, WK_TEXT),
     .flags = WF_GROUP, .alphabet = UT_GRAPHIC, .wrap = "accessCorrelationID"},
    {CTX(wchg_sdp_media_component, local_gw_inserted_indication,
         "localGWInsertedIndication", 5, WK_BOOL)},
    {CTX(wchg_sdp_media_component, ip_realm_default_indication,
         "iPRealmDefaultIndication", 6, WK_BOOL)},
    {CTX(wchg_sdp_media_component, transcoder_inserted_indication,
         "transcoderInsertedIndication", 7, WK_BOOL)},
};
static const struct wt sdp_media_component_type = {
    .name = "SDP-Media-Component", .kind = WK_STRUCT, .present_off = -1,
    .nfields = NFIELDS(sdp_media_component_fields),
    .fields = sdp_media_component_fields};
static const struct wf elem_sdp_media_component = {
    .tag = UT_SEQUENCE, .cls = TC_UNIVERSAL, .kind = WK_STRUCT,
    .type = &sdp_media_component_type};

static const struct wf media_components_list_fields[] = {
    {CTX(wchg_media_components_list, sip_request_timestamp, "sIP-Request-Timestamp", 0,
         WK_TIMESTAMP)},
    {CTX(wchg_media_components_list, sip_response_timestamp, "sIP-Response-Timestamp", 1,
         WK_TIMESTAMP)},
    {CTX(wchg_media_components_list, sdp_media_components, "sDP-Media-Components", 2,
         WK_LIST), .elem = &elem_sdp_media_component,
     .esize = sizeof(wchg_sdp_media_component)},
    {CTX(wchg_media_components_list, media_initiator_flag, "mediaInitiatorFlag", 3,
         WK_NULL)},
    {CTX(wchg_media_components_list, sdp_session_description, "sDP-Session-Description",
         4, WK_LIST), .elem = &elem_graphic, .esize = sizeof(wchg_str)},
    {CTX(wchg_media_components_list, media_initiator_party, "mediaInitiatorParty", 5,
         WK_CHOICE), .type = &involved_party_type},
    {CTX(wchg_media_components_list, sip_request_timestamp_fraction,
         "sIP-Request-Timestamp-Fraction", 6, WK_INT), .flags = 0, RANGE(0, 999)},
    {CTX(wchg_media_components_list, sip_response_timestamp_fraction,
         "sIP-Response-Timestamp-Fraction", 7, WK_INT), RANGE(0, 999)},
    {CTX(wchg_media_components_list, sdp_type, "sDP-Type", 8, WK_ENUM),
     .names = sdp_type_names},
};
static const struct wt media_components_list_type = {
    .name = "Media-Components-List", .kind = WK_STRUCT, .present_off = -1,
    .nfields = NFIELDS(media_components_list_fields),
    .fields = media_components_list_fields};
static const struct wf elem_media_components_list = {
    .tag = UT_SEQUENCE, .cls = TC_UNIVERSAL, .kind = WK_STRUCT,
    .type = &media_components_list_type};

static const struct wf early_media_fields[] = {
    {CTX(wchg_early_media_components_list, sdp_offer_timestamp, "sDP-Offer-Timestamp", 0,
         WK_TIMESTAMP)},
    {CTX(wchg_early_media_components_list, sdp_answer_timestamp, "sDP-Answer-Timestamp",
         1, WK_TIMESTAMP)},
    {CTX(wchg_early_media_components_list, sdp_media_components, "sDP-Media-Components",
         2, WK_LIST), .elem = &elem_sdp_media_component,
     .esize = sizeof(wchg_sdp_media_component)},
    {CTX(wchg_early_media_components_list, media_initiator_flag, "mediaInitiatorFlag", 3,
         WK_NULL)},
    {CTX(wchg_early_media_components_list, sdp_session_description,
         "sDP-Session-Description", 4, WK_LIST), .elem = &elem_graphic,
     .esize = sizeof(wchg_str)},
    {CTX(wchg_early_media_components_list, sdp_type, "sDP-Type", 5, WK_ENUM),
     .names = sdp_type_names},
};
static const struct wt early_media_type = {
    .name = "Early-Media-Components-List", .kind = WK_STRUCT, .present_off = -1,
    .nfields = NFIELDS(early_media_fields), .fields = early_media_fields};
static const struct wf elem_early_media = {
    .tag = UT_SEQUENCE, .cls = TC_UNIVERSAL, .kind = WK_STRUCT,
    .type = &early_media_type};

static const struct wf message_body_fields[] = {
    {CTX(wchg_message_body, content_type, "content-Type", 0, WK_TEXT),
     .flags = WF_MANDATORY, .alphabet = UT_GRAPHIC},
    {CTX(wchg_message_body, content_disposition, "content-Disposition", 1, WK_TEXT),
     .alphabet = UT_GRAPHIC},
    {CTX(wchg_message_body, content_length, "content-Length", 2, WK_INT),
     .flags = WF_MANDATORY},
    {CTX(wchg_message_body, originator, "originator", 3, WK_CHOICE),
     .type = &involved_party_type},
};
static const struct wt message_body_type = {
    .name = "MessageBody", .kind = WK_STRUCT, .present_off = -1,
    .nfields = NFIELDS(message_body_fields), .fields = message_body_fields};
static const struct wf elem_message_body = {
    .tag = UT_SEQUENCE, .cls = TC_UNIVERSAL, .kind = WK_STRUCT,
    .type = &message_body_type};

static const struct wf subscription_id_fields[] = {
    {CTX(wchg_subscription_id, subscription_id_type, "subscriptionIDType", 0, WK_ENUM),
     .flags = WF_MANDATORY, .names = subscription_id_type_names},
    {CTX(wchg_subscription_id, subscription_id_data, "subscriptionIDData", 1, WK_TEXT),
     .flags = WF_MANDATORY, .alphabet = UT_UTF8},
};
static const struct wt subscription_id_type = {
    .name = "SubscriptionID", .kind = WK_STRUCT, .is_set = 1, .present_off = -1,
    .nfields = NFIELDS(subscription_id_fields), .fields = subscription_id_fields};
static const struct wf elem_subscription_id = {
    .tag = UT_SET, .cls = TC_UNIVERSAL, .kind = WK_STRUCT,
    .type = &subscription_id_type};

static const struct wf nni_fields[] = {
    {CTX(wchg_nni_information, session_direction, "sessionDirection", 0, WK_ENUM),
     .names = session_direction_names},
    {CTX(wchg_nni_information, nni_type, "nNIType", 1, WK_ENUM), .names = nni_type_names},
    {CTX(wchg_nni_information, relationship_mode, "relationshipMode", 2, WK_ENUM),
     .names = relationship_mode_names},
    {CTX(wchg_nni_information, neighbour_node_address, "neighbourNodeAddress", 3,
         WK_CHOICE), .type = &ip_address_type},
};
static const struct wt nni_type = {
    .name = "NNI-Information", .kind = WK_STRUCT,
    .present_off = offsetof(wchg_nni_information, present),
    .nfields = NFIELDS(nni_fields), .fields = nni_fields};

static const struct wf sen_fields[] = {
    {CTX(wchg_subscriber_equipment_number, subscriber_equipment_number_type,
         "subscriberEquipmentNumberType", 0, WK_ENUM),
     .flags = WF_MANDATORY, .names = subscriber_equipment_type_names},
    {CTX(wchg_subscriber_equipment_number, subscriber_equipment_number_data,
         "subscriberEquipmentNumberData", 1, WK_OCTETS), .flags = WF_MANDATORY},
};
static const struct wt sen_type = {
    .name = "SubscriberEquipmentNumber", .kind = WK_STRUCT, .is_set = 1,
    .present_off = offsetof(wchg_subscriber_equipment_number, present),
    .nfields = NFIELDS(sen_fields), .fields = sen_fields};

static const struct wf anic_fields[] = {
    {CTX(wchg_access_network_info_change, access_network_information,
         "accessNetworkInformation", 0, WK_OCTETS)},
    {CTX(wchg_access_network_info_change, additional_access_network_information,
         "additionalAccessNetworkInformation", 1, WK_OCTETS)},
    {CTX(wchg_access_network_info_change, access_change_time, "accessChangeTime", 2,
         WK_TIMESTAMP)},
    {CTX(wchg_access_network_info_change, cellular_network_information,
         "cellularNetworkInformation", 3, WK_OCTETS)},
};
static const struct wt anic_type = {
    .name = "AccessNetworkInfoChange", .kind = WK_STRUCT, .present_off = -1,
    .nfields = NFIELDS(anic_fields), .fields = anic_fields};
static const struct wf elem_anic = {
    .tag = UT_SEQUENCE, .cls = TC_UNIVERSAL, .kind = WK_STRUCT, .type = &anic_type};

static const struct wf cic_fields[] = {
    {CTX(wchg_called_identity_change, called_identity, "calledIdentity", 0, WK_CHOICE),
     .type = &involved_party_type},
    {CTX(wchg_called_identity_change, change_time, "changeTime", 1, WK_TIMESTAMP)},
};
static const struct wt cic_type = {
    .name = "CalledIdentityChange", .kind = WK_STRUCT, .present_off = -1,
    .nfields = NFIELDS(cic_fields), .fields = cic_fields};
static const struct wf elem_cic = {
    .tag = UT_SEQUENCE, .cls = TC_UNIVERSAL, .kind = WK_STRUCT, .type = &cic_type};

static const struct wf ati_fields[] = {
    {CTX(wchg_access_transfer_information, access_transfer_type, "accessTransferType", 0,
         WK_ENUM), .names = access_transfer_type_names},
    {CTX(wchg_access_transfer_information, access_network_information,
         "accessNetworkInformation", 1, WK_OCTETS)},
    {CTX(wchg_access_transfer_information, additional_access_network_information,
         "additionalAccessNetworkInformation", 2, WK_OCTETS)},
    {CTX(wchg_access_transfer_information, inter_ue_transfer, "inter-UE-Transfer", 3,
         WK_NULL)},
    {CTX(wchg_access_transfer_information, related_icid, "relatedICID", 4, WK_OCTETS)},
    {CTX(wchg_access_transfer_information, related_icid_generation_node,
         "relatedICIDGenerationNode", 5, WK_CHOICE), .type = &node_address_type},
    {CTX(wchg_access_transfer_information, access_transfer_time, "accessTransferTime", 6,
         WK_TIMESTAMP)},
    {CTX(wchg_access_transfer_information, subscriber_equipment_number,
         "subscriberEquipmentNumber", 7, WK_STRUCT), .type = &sen_type},
    {CTX(wchg_access_transfer_information, instance_id, "instanceId", 8, WK_OCTETS)},
    {CTX(wchg_access_transfer_information, cellular_network_information,
         "cellularNetworkInformation", 9, WK_OCTETS)},
};
static const struct wt ati_type = {
    .name = "AccessTransferInformation", .kind = WK_STRUCT, .present_off = -1,
    .nfields = NFIELDS(ati_fields), .fields = ati_fields};
static const struct wf elem_ati = {
    .tag = UT_SEQUENCE, .cls = TC_UNIVERSAL, .kind = WK_STRUCT, .type = &ati_type};

/* ---- ManagementExtension (X.721) and our WebRTCChargingInfo ------------ */

static const struct wf management_extension_fields[] = {
    {UNIV(wchg_management_extension, identifier, "identifier", UT_OID, WK_OID),
     .flags = WF_MANDATORY},
    {CTX(wchg_management_extension, significance, "significance", 1, WK_BOOL),
     .flags = WF_DEFAULT, .dflt = 0},
    {CTX(wchg_management_extension, information, "information", 2, WK_ANY),
     .flags = WF_MANDATORY},
};
#define MANAGEMENT_EXTENSION_TYPE                                              \
  {.name = "ManagementExtension", .kind = WK_STRUCT, .present_off = -1,         \
   .nfields = NFIELDS(management_extension_fields),                             \
   .fields = management_extension_fields}
static const struct wt management_extension_type = MANAGEMENT_EXTENSION_TYPE;
static const struct wf elem_management_extension = {
    .tag = UT_SEQUENCE, .cls = TC_UNIVERSAL, .kind = WK_STRUCT,
    .type = &management_extension_type};

static const struct wf webrtc_info_fields[] = {
    {CTX(wchg_cdr, ims.webrtc_authentication_function_name,
         "webRTCAuthenticationFunctionName", 0, WK_TEXT), .alphabet = UT_UTF8},
    {CTX(wchg_cdr, ims.webrtc_web_server_function_name,
         "webRTCWebServerFunctionName", 1, WK_TEXT), .alphabet = UT_UTF8},
};
#define WEBRTC_INFO_TYPE                                                       \
  {.name = "WebRTCChargingInfo", .kind = WK_STRUCT, .present_off = -1,          \
   .nfields = NFIELDS(webrtc_info_fields), .fields = webrtc_info_fields}
static const struct wt webrtc_info_type = WEBRTC_INFO_TYPE;

/* ---- PCSCFRecord ------------------------------------------------------- */

#define RF(m, nm, tg, k) CTX(wchg_cdr, m, nm, tg, k)
#define IF(m, nm, tg, k) CTX(wchg_cdr, ims.m, nm, tg, k)
#define GRAPHIC_LIST .elem = &elem_graphic, .esize = sizeof(wchg_str)
#define PARTY_LIST .elem = &elem_involved_party, .esize = sizeof(wchg_involved_party)

static const struct wf pcscf_fields[] = {
    {RF(record_type, "recordType", 0, WK_INT), .flags = WF_MANDATORY},
    {RF(retransmission, "retransmission", 1, WK_NULL)},
    {IF(sip_method, "sIP-Method", 2, WK_TEXT), .alphabet = UT_GRAPHIC},
    {IF(role_of_node, "role-of-Node", 3, WK_ENUM), .names = role_of_node_names},
    {RF(node_address, "nodeAddress", 4, WK_CHOICE), .type = &node_address_type},
    {IF(session_id, "session-Id", 5, WK_TEXT), .alphabet = UT_GRAPHIC},
    {IF(list_of_calling_party_address, "list-Of-Calling-Party-Address", 6, WK_LIST),
     PARTY_LIST},
    {IF(called_party_address, "called-Party-Address", 7, WK_CHOICE),
     .type = &involved_party_type},
    {IF(private_user_id, "privateUserID", 8, WK_TEXT), .alphabet = UT_GRAPHIC},
    {IF(service_request_time_stamp, "serviceRequestTimeStamp", 9, WK_TIMESTAMP)},
    {IF(service_delivery_start_time_stamp, "serviceDeliveryStartTimeStamp", 10,
         WK_TIMESTAMP)},
    {IF(service_delivery_end_time_stamp, "serviceDeliveryEndTimeStamp", 11,
         WK_TIMESTAMP)},
    {RF(record_opening_time, "recordOpeningTime", 12, WK_TIMESTAMP)},
    {RF(record_closure_time, "recordClosureTime", 13, WK_TIMESTAMP)},
    {IF(inter_operator_identifiers, "interOperatorIdentifiers", 14, WK_STRUCT),
     .type = &ioi_type},
    {RF(local_record_sequence_number, "localRecordSequenceNumber", 15, WK_INT),
     RANGE(0, 4294967295LL)},
    {RF(record_sequence_number, "recordSequenceNumber", 16, WK_INT)},
    {RF(cause_for_record_closing, "causeForRecordClosing", 17, WK_ENUM),
     .names = cause_for_record_closing_names},
    {RF(incomplete_cdr_indication, "incomplete-CDR-Indication", 18, WK_STRUCT),
     .type = &incomplete_type},
    {IF(ims_charging_identifier, "iMS-Charging-Identifier", 19, WK_OCTETS)},
    {IF(list_of_sdp_media_components, "list-Of-SDP-Media-Components", 21, WK_LIST),
     .elem = &elem_media_components_list, .esize = sizeof(wchg_media_components_list)},
    {IF(ggsn_address, "gGSNaddress", 22, WK_CHOICE), .type = &node_address_type},
    {RF(service_reason_return_code, "serviceReasonReturnCode", 23, WK_TEXT),
     .alphabet = UT_UTF8},
    {IF(list_of_message_bodies, "list-Of-Message-Bodies", 24, WK_LIST),
     .elem = &elem_message_body, .esize = sizeof(wchg_message_body)},
    {RF(record_extensions, "recordExtensions", 25, WK_LIST),
     .flags = WF_SETOF | WF_EXTENSIONS, .elem = &elem_management_extension,
     .esize = sizeof(wchg_management_extension)},
    {IF(expires_information, "expiresInformation", 26, WK_INT)},
    {IF(list_of_associated_uri, "list-Of-Associated-URI", 27, WK_LIST), PARTY_LIST},
    {IF(event, "event", 28, WK_TEXT), .alphabet = UT_UTF8},
    {IF(access_network_information, "accessNetworkInformation", 29, WK_OCTETS)},
    {IF(service_context_id, "serviceContextID", 30, WK_TEXT), .alphabet = UT_UTF8},
    {IF(list_of_subscription_id, "list-of-subscription-ID", 31, WK_LIST),
     .elem = &elem_subscription_id, .esize = sizeof(wchg_subscription_id)},
    {IF(list_of_early_sdp_media_components, "list-Of-Early-SDP-Media-Components", 32,
         WK_LIST), .elem = &elem_early_media,
     .esize = sizeof(wchg_early_media_components_list)},
    {IF(ims_communication_service_identifier, "iMSCommunicationServiceIdentifier",
         33, WK_OCTETS)},
    {IF(session_priority, "sessionPriority", 36, WK_ENUM),
     .names = session_priority_names},
    {IF(service_request_time_stamp_fraction, "serviceRequestTimeStampFraction", 37,
         WK_INT), RANGE(0, 999)},
    {IF(service_delivery_start_time_stamp_fraction,
         "serviceDeliveryStartTimeStampFraction", 38, WK_INT), RANGE(0, 999)},
    {IF(service_delivery_end_time_stamp_fraction,
         "serviceDeliveryEndTimeStampFraction", 39, WK_INT), RANGE(0, 999)},
    {IF(list_of_requested_party_address, "list-of-Requested-Party-Address", 41,
         WK_LIST), PARTY_LIST},
    {IF(list_of_called_asserted_identity, "list-Of-Called-Asserted-Identity", 42,
         WK_LIST), PARTY_LIST},
    {IF(nni_information, "nNI-Information", 46, WK_STRUCT), .type = &nni_type},
    {IF(user_location_information, "userLocationInformation", 47, WK_OCTETS)},
    {IF(ms_time_zone, "mSTimeZone", 48, WK_OCTETS), RANGE(2, 2)},
    {IF(served_party_ip_address, "servedPartyIPAddress", 50, WK_CHOICE),
     .type = &ip_address_type},
    {IF(from_address, "fromAddress", 51, WK_OCTETS)},
    {IF(ims_emergency_indicator, "iMSEmergencyIndicator", 52, WK_NULL)},
    {IF(transit_ioi_lists, "transit-IOI-Lists", 53, WK_LIST), GRAPHIC_LIST},
    {IF(ims_visited_network_identifier, "iMSVisitedNetworkIdentifier", 54,
         WK_OCTETS)},
    {IF(list_of_reason_header, "listOfReasonHeader", 55, WK_LIST), GRAPHIC_LIST},
    {IF(additional_access_network_information, "additionalAccessNetworkInformation",
         56, WK_OCTETS)},
    {IF(instance_id, "instanceId", 57, WK_OCTETS)},
    {IF(subscriber_equipment_number, "subscriberEquipmentNumber", 58, WK_STRUCT),
     .type = &sen_type},
    {IF(route_header_received, "routeHeaderReceived", 59, WK_OCTETS)},
    {IF(route_header_transmitted, "routeHeaderTransmitted", 60, WK_OCTETS)},
    {IF(list_of_access_network_info_change, "list-Of-AccessNetworkInfoChange", 62,
         WK_LIST), .elem = &elem_anic, .esize = sizeof(wchg_access_network_info_change)},
    {IF(list_of_called_identity_changes, "listOfCalledIdentityChanges", 63, WK_LIST),
     .elem = &elem_cic, .esize = sizeof(wchg_called_identity_change)},
    {IF(cellular_network_information, "cellularNetworkInformation", 64, WK_OCTETS)},
    {IF(initial_ims_charging_identifier, "initialIMS-Charging-Identifier", 105,
         WK_OCTETS)},
    {IF(list_of_access_transfer_information, "list-Of-AccessTransferInformation", 106,
         WK_LIST), .elem = &elem_ati, .esize = sizeof(wchg_access_transfer_information)},
    {IF(related_icid, "relatedICID", 107, WK_OCTETS)},
    {IF(related_icid_generation_node, "relatedICIDGenerationNode", 108, WK_CHOICE),
     .type = &node_address_type},
    {IF(fe_identifier_list, "fEIdentifierList", 109, WK_LIST), GRAPHIC_LIST},
};

#define PCSCF_RECORD_TYPE                                                      \
  {.name = "PCSCFRecord", .kind = WK_STRUCT, .is_set = 1, .present_off = -1,    \
   .nfields = NFIELDS(pcscf_fields), .fields = pcscf_fields}
static const struct wt pcscf_record_type = PCSCF_RECORD_TYPE;

#undef RF
#undef IF
#undef GRAPHIC_LIST
#undef PARTY_LIST
#undef CTX
#undef UNIV
#undef RANGE

/* ---- the functions of each type (cdr_enc.c, cdr_dec.c) ------------------ */

/* X(type) for every type of the tables. A type missing here has no
 * function of its own: the table-driven writer and reader do the records
 * that hold it. */
#define WT_TYPES(X)                                                            \
  X(ip_v6_prefix_type) X(ip_address_type) X(node_address_type)                 \
  X(involved_party_type) X(ioi_type) X(incomplete_type)                        \
  X(sdp_media_component_type) X(media_components_list_type) X(early_media_type) \
  X(message_body_type) X(subscription_id_type) X(nni_type) X(sen_type)         \
  X(anic_type) X(cic_type) X(ati_type) X(management_extension_type)            \
  X(webrtc_info_type) X(pcscf_record_type)

/* X(i) for i = 0..7, 0..63: the alternatives or members of a type written
 * out one by one, so that with the table a constant each becomes code of
 * its own kind and tag. A type with more is left to the tables. */
#define WT_MAX_ALTS 8
#define WT_MAX_MEMBERS 64
#define WT_EACH8(X, i) X(i) X(i + 1) X(i + 2) X(i + 3) X(i + 4) X(i + 5) X(i + 6) X(i + 7)
#define WT_EACH64(X)                                                           \
  WT_EACH8(X, 0) WT_EACH8(X, 8) WT_EACH8(X, 16) WT_EACH8(X, 24)                \
  WT_EACH8(X, 32) WT_EACH8(X, 40) WT_EACH8(X, 48) WT_EACH8(X, 56)

#endif
