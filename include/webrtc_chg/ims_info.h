/*
 * webrtc_chg — ims_info.h: the neutral model of IMS charging information.
 *
 * One model sits between what SIP tells and the wire views: the CDR
 * (TS 32.298 PCSCFRecord) embeds it, and the Diameter views (Rf ACR,
 * Ro CCR) map it onto IMS-Information AVPs. Field names are the 3GPP
 * names in snake case; each comment gives the PCSCFRecord tag and, where
 * one exists, the TS 32.299 AVP.
 *
 * Ownership: every pointer in these structs is a view. A record you build
 * yourself points wherever you like; a record returned by a decoder owns
 * its memory and is released with its _free function.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_IMS_INFO_H
#define WEBRTC_CHG_IMS_INFO_H

#include <webrtc_chg/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* TimeStamp (TS 32.298): 9 octets, YYMMDDhhmmss BCD local time, then
 * '+' or '-' and hhmm BCD of the UTC offset. Kept as the raw octets so a
 * decoded record re-encodes byte for byte; see wchg_timestamp_set(). */
typedef struct wchg_timestamp {
  bool present;
  uint8_t octets[9];
} wchg_timestamp;

/* InvolvedParty ::= CHOICE. The choice numbers are the BER tag + 1. */
typedef enum wchg_involved_party_choice {
  /** no party: the field is absent */
  WCHG_PARTY_ABSENT = 0,
  WCHG_PARTY_SIP_URI = 1,     /* sIP-URI [0] GraphicString */
  WCHG_PARTY_TEL_URI = 2,     /* tEL-URI [1] GraphicString */
  WCHG_PARTY_URN = 3,         /* uRN [2] GraphicString */
  WCHG_PARTY_ISDN_E164 = 4,   /* iSDN-E164 [3] GraphicString */
  WCHG_PARTY_EXTERNAL_ID = 5, /* externalId [4] UTF8String */
} wchg_involved_party_choice;

/** One InvolvedParty: the alternative and its text. */
typedef struct wchg_involved_party {
  wchg_involved_party_choice choice;
  wchg_str value;
} wchg_involved_party;

typedef struct wchg_involved_party_list { /* ListOfInvolvedParties */
  const wchg_involved_party *items;
  size_t count;
} wchg_involved_party_list;

/* IPAddress ::= CHOICE, its nested untagged CHOICEs flattened: the five
 * leaf alternatives have distinct tags, so BER is unchanged. */
typedef enum wchg_ip_address_choice {
  /** no address: the field is absent */
  WCHG_IP_ABSENT = 0,
  WCHG_IP_BIN_V4 = 1,        /* iPBinaryAddress/iPBinV4Address [0] (4 octets) */
  WCHG_IP_BIN_V6 = 2,        /* iPBinaryAddress/iPBinV6Address/iPBinV6Address [1] */
  WCHG_IP_BIN_V6_PREFIX = 3, /* .../iPBinV6AddressWithPrefix [4] */
  WCHG_IP_TEXT_V4 = 4,       /* iPTextRepresentedAddress/iPTextV4Address [2] */
  WCHG_IP_TEXT_V6 = 5,       /* iPTextRepresentedAddress/iPTextV6Address [3] */
} wchg_ip_address_choice;

/** One IPAddress: the alternative and its value (bin for the binary
 * ones, text for the text ones). */
typedef struct wchg_ip_address {
  wchg_ip_address_choice choice;
  uint8_t bin[16];                        /* BIN_*: 4 or 16 octets used */
  wchg_opt_int pdp_address_prefix_length; /* BIN_V6_PREFIX: 1..64, DEFAULT 64 */
  wchg_str text;                          /* TEXT_*: IA5String */
} wchg_ip_address;

/* NodeAddress ::= CHOICE { iPAddress [0] IPAddress, domainName [1] GraphicString } */
typedef enum wchg_node_address_choice {
  /** no node address: the field is absent */
  WCHG_NODE_ABSENT = 0,
  /** iPAddress [0]: in ip_address */
  WCHG_NODE_IP_ADDRESS = 1,
  /** domainName [1]: in domain_name */
  WCHG_NODE_DOMAIN_NAME = 2,
} wchg_node_address_choice;

/** One NodeAddress: an IP address or a domain name, as choice says. */
typedef struct wchg_node_address {
  wchg_node_address_choice choice;
  wchg_ip_address ip_address;
  wchg_str domain_name;
} wchg_node_address;

/* InterOperatorIdentifiers (PCSCFRecord [14]; AVP Inter-Operator-Identifier 838) */
typedef struct wchg_inter_operator_identifiers {
  bool present;
  wchg_str originating_ioi; /* [0] GraphicString, Originating-IOI 839 */
  wchg_str terminating_ioi; /* [1] GraphicString, Terminating-IOI 840 */
} wchg_inter_operator_identifiers;

/* SDP-Media-Component (AVP 843). accessCorrelationID is an untagged CHOICE:
 * set at most one of gprs_charging_id and access_network_charging_identifier. */
typedef struct wchg_sdp_media_component {
  wchg_str sdp_media_name;                       /* [0] SDP-Media-Name 844 */
  wchg_str_list sdp_media_descriptions;          /* [1] SDP-Media-Description 845 */
  wchg_opt_int gprs_charging_id;                 /* [2] INTEGER (0..4294967295) */
  wchg_str access_network_charging_identifier;   /* [4] GraphicString */
  wchg_opt_int local_gw_inserted_indication;     /* [5] BOOLEAN */
  wchg_opt_int ip_realm_default_indication;      /* [6] BOOLEAN */
  wchg_opt_int transcoder_inserted_indication;   /* [7] BOOLEAN */
} wchg_sdp_media_component;

/** A list of SDP media components: count entries at items. */
typedef struct wchg_sdp_media_component_list {
  const wchg_sdp_media_component *items;
  size_t count;
} wchg_sdp_media_component_list;

/* SDP-Type ::= ENUMERATED */
enum {
  /** the SDP is an offer */
  WCHG_SDP_OFFER = 0,
  /** the SDP is an answer */
  WCHG_SDP_ANSWER = 1,
};

/* Media-Components-List: the media state of one SIP request/response pair */
typedef struct wchg_media_components_list {
  wchg_timestamp sip_request_timestamp;                /* [0] */
  wchg_timestamp sip_response_timestamp;               /* [1] */
  wchg_sdp_media_component_list sdp_media_components;  /* [2] */
  bool media_initiator_flag;                           /* [3] NULL */
  wchg_str_list sdp_session_description;               /* [4] */
  wchg_involved_party media_initiator_party;           /* [5] */
  wchg_opt_int sip_request_timestamp_fraction;         /* [6] Milliseconds */
  wchg_opt_int sip_response_timestamp_fraction;        /* [7] Milliseconds */
  wchg_opt_int sdp_type;                               /* [8] SDP-Type */
} wchg_media_components_list;

/** list-Of-SDP-Media-Components: count entries at items. */
typedef struct wchg_media_components_list_list {
  const wchg_media_components_list *items;
  size_t count;
} wchg_media_components_list_list;

/* Early-Media-Components-List (AVP Early-Media-Description 1272) */
typedef struct wchg_early_media_components_list {
  wchg_timestamp sdp_offer_timestamp;                  /* [0] */
  wchg_timestamp sdp_answer_timestamp;                 /* [1] */
  wchg_sdp_media_component_list sdp_media_components;  /* [2] */
  bool media_initiator_flag;                           /* [3] NULL */
  wchg_str_list sdp_session_description;               /* [4] */
  wchg_opt_int sdp_type;                               /* [5] SDP-Type */
} wchg_early_media_components_list;

/** list-of-Early-SDP-Media-Components: count entries at items. */
typedef struct wchg_early_media_components_list_list {
  const wchg_early_media_components_list *items;
  size_t count;
} wchg_early_media_components_list_list;

/* MessageBody (AVP Message-Body 889). content_type and content_length are
 * mandatory. The CDR originator is a party; the AVP Originator is 0/1. */
typedef struct wchg_message_body {
  wchg_str content_type;              /* [0] GraphicString, mandatory */
  wchg_str content_disposition;       /* [1] GraphicString */
  wchg_opt_int content_length;        /* [2] INTEGER, mandatory */
  wchg_involved_party originator;     /* [3] InvolvedParty */
} wchg_message_body;

/** list-Of-Message-Bodies: count entries at items. */
typedef struct wchg_message_body_list {
  const wchg_message_body *items;
  size_t count;
} wchg_message_body_list;

/* SubscriptionID ::= SET (AVP Subscription-Id 443); both mandatory. */
enum {
  /** END_USER_E164: an international E.164 number (MSISDN) */
  WCHG_END_USER_E164 = 0,
  /** END_USER_IMSI: an IMSI */
  WCHG_END_USER_IMSI = 1,
  /** END_USER_SIP_URI: a SIP URI (RFC 3261) */
  WCHG_END_USER_SIP_URI = 2,
  /** END_USER_NAI: a network access identifier (RFC 7542) */
  WCHG_END_USER_NAI = 3,
  /** END_USER_PRIVATE: an identifier private to the operator */
  WCHG_END_USER_PRIVATE = 4,
};

/** One SubscriptionID: its type (WCHG_END_USER_*) and its data. */
typedef struct wchg_subscription_id {
  wchg_opt_int subscription_id_type;  /* [0] SubscriptionIDType */
  wchg_str subscription_id_data;      /* [1] UTF8String */
} wchg_subscription_id;

/** list-of-subscription-ID: count entries at items. */
typedef struct wchg_subscription_id_list {
  const wchg_subscription_id *items;
  size_t count;
} wchg_subscription_id_list;

/* NNI-Information (AVP 2703); the PCSCFRecord holds one. */
typedef struct wchg_nni_information {
  bool present;
  wchg_opt_int session_direction;     /* [0] inbound(0), outbound(1) */
  wchg_opt_int nni_type;              /* [1] non-roaming(0), roaming-without-loopback(1), roaming-with-loopback(2) */
  wchg_opt_int relationship_mode;     /* [2] trusted(0), non-trusted(1) */
  wchg_ip_address neighbour_node_address; /* [3] IPAddress */
} wchg_nni_information;

/* SubscriberEquipmentNumber ::= SET (AVP User-Equipment-Info 458); both
 * mandatory. Types: iMEISV(0), mAC(1), eUI64(2), modifiedEUI64(3). */
typedef struct wchg_subscriber_equipment_number {
  bool present;
  wchg_opt_int subscriber_equipment_number_type; /* [0] */
  wchg_octets subscriber_equipment_number_data;  /* [1] */
} wchg_subscriber_equipment_number;

/* AccessNetworkInfoChange (AVP Access-Network-Info-Change 4401) */
typedef struct wchg_access_network_info_change {
  wchg_octets access_network_information;            /* [0] */
  wchg_octets additional_access_network_information; /* [1] */
  wchg_timestamp access_change_time;                 /* [2] */
  wchg_octets cellular_network_information;          /* [3] */
} wchg_access_network_info_change;

/** list-Of-AccessNetworkInfoChange: count entries at items. */
typedef struct wchg_access_network_info_change_list {
  const wchg_access_network_info_change *items;
  size_t count;
} wchg_access_network_info_change_list;

/* CalledIdentityChange (AVP Called-Identity-Change 3917) */
typedef struct wchg_called_identity_change {
  wchg_involved_party called_identity; /* [0] */
  wchg_timestamp change_time;          /* [1] */
} wchg_called_identity_change;

/** list-Of-Called-Identity-Changes: count entries at items. */
typedef struct wchg_called_identity_change_list {
  const wchg_called_identity_change *items;
  size_t count;
} wchg_called_identity_change_list;

/* AccessTransferInformation (AVP 2709; ATCF) */
typedef struct wchg_access_transfer_information {
  wchg_opt_int access_transfer_type;                 /* [0] pSToCS(0) cSToPS(1) pSToPS(2) cSToCS(3) */
  wchg_octets access_network_information;            /* [1] */
  wchg_octets additional_access_network_information; /* [2] */
  bool inter_ue_transfer;                            /* [3] NULL */
  wchg_octets related_icid;                          /* [4] */
  wchg_node_address related_icid_generation_node;    /* [5] */
  wchg_timestamp access_transfer_time;               /* [6] */
  wchg_subscriber_equipment_number subscriber_equipment_number; /* [7] */
  wchg_octets instance_id;                           /* [8] */
  wchg_octets cellular_network_information;          /* [9] */
} wchg_access_transfer_information;

/** list-Of-Access-Transfer-Information: count entries at items. */
typedef struct wchg_access_transfer_information_list {
  const wchg_access_transfer_information *items;
  size_t count;
} wchg_access_transfer_information_list;

/* Role-of-Node / Role-Of-Node (829). The CDR holds only 0 and 1. */
enum {
  /** originating: the node serves the calling party */
  WCHG_ROLE_ORIGINATING = 0,
  /** terminating: the node serves the called party */
  WCHG_ROLE_TERMINATING = 1,
};

/*
 * wchg_ims_info - the IMS charging information of one record or message.
 * Record-only fields (record type, opening/closure time, sequence
 * numbers, closing cause, extensions) live in wchg_cdr, not here.
 */
typedef struct wchg_ims_info {
  wchg_str sip_method;                          /* [2] Event-Type/SIP-Method */
  wchg_opt_int role_of_node;                    /* [3] Role-Of-Node */
  wchg_str session_id;                          /* [5] User-Session-Id */
  wchg_involved_party_list list_of_calling_party_address; /* [6] Calling-Party-Address */
  wchg_involved_party called_party_address;     /* [7] Called-Party-Address */
  wchg_str private_user_id;                     /* [8] User-Name (IMPI) */
  wchg_timestamp service_request_time_stamp;    /* [9] SIP-Request-Timestamp */
  wchg_timestamp service_delivery_start_time_stamp; /* [10] */
  wchg_timestamp service_delivery_end_time_stamp;   /* [11] */
  wchg_inter_operator_identifiers inter_operator_identifiers; /* [14] */
  wchg_octets ims_charging_identifier;          /* [19] IMS-Charging-Identifier */
  wchg_media_components_list_list list_of_sdp_media_components; /* [21] */
  wchg_node_address ggsn_address;               /* [22] PS-Information/GGSN-Address */
  wchg_message_body_list list_of_message_bodies; /* [24] Message-Body */
  wchg_opt_int expires_information;             /* [26] Event-Type/Expires */
  wchg_involved_party_list list_of_associated_uri; /* [27] Associated-URI */
  wchg_str event;                               /* [28] UTF8String, Event-Type/Event */
  wchg_octets access_network_information;       /* [29] Access-Network-Information (1st) */
  wchg_str service_context_id;                  /* [30] UTF8String, Service-Context-Id */
  wchg_subscription_id_list list_of_subscription_id; /* [31] Subscription-Id */
  wchg_early_media_components_list_list list_of_early_sdp_media_components; /* [32] */
  wchg_octets ims_communication_service_identifier; /* [33] ICSI */
  wchg_opt_int session_priority;                /* [36] PRIORITY-0..4 */
  wchg_opt_int service_request_time_stamp_fraction;        /* [37] ms */
  wchg_opt_int service_delivery_start_time_stamp_fraction; /* [38] ms */
  wchg_opt_int service_delivery_end_time_stamp_fraction;   /* [39] ms */
  wchg_involved_party_list list_of_requested_party_address; /* [41] */
  wchg_involved_party_list list_of_called_asserted_identity; /* [42] */
  wchg_nni_information nni_information;         /* [46] */
  wchg_octets user_location_information;        /* [47] 3GPP-User-Location-Info */
  wchg_octets ms_time_zone;                     /* [48] SIZE(2), 3GPP-MS-TimeZone */
  wchg_ip_address served_party_ip_address;      /* [50] Served-Party-IP-Address */
  wchg_octets from_address;                     /* [51] From-Address */
  bool ims_emergency_indicator;                 /* [52] NULL: IMS-Emergency-Indicator = 1 */
  wchg_str_list transit_ioi_lists;              /* [53] Transit-IOI-List */
  wchg_octets ims_visited_network_identifier;   /* [54] */
  wchg_str_list list_of_reason_header;          /* [55] Reason-Header */
  wchg_octets additional_access_network_information; /* [56] 2nd Access-Network-Information */
  wchg_octets instance_id;                      /* [57] Instance-Id */
  wchg_subscriber_equipment_number subscriber_equipment_number; /* [58] */
  wchg_octets route_header_received;            /* [59] */
  wchg_octets route_header_transmitted;         /* [60] */
  wchg_access_network_info_change_list list_of_access_network_info_change; /* [62] */
  wchg_called_identity_change_list list_of_called_identity_changes; /* [63] */
  wchg_octets cellular_network_information;     /* [64] */
  wchg_octets initial_ims_charging_identifier;  /* [105] ATCF only */
  wchg_access_transfer_information_list list_of_access_transfer_information; /* [106] ATCF only */
  wchg_octets related_icid;                     /* [107] */
  wchg_node_address related_icid_generation_node; /* [108] */
  wchg_str_list fe_identifier_list;             /* [109] FE-Identifier-List */

  /* The WebRTC identities (TS 29.229 AVP names; see webrtc_ext.h for how
   * each wire view carries them). */
  wchg_str webrtc_authentication_function_name; /* WAF identity (authorization-entity) */
  wchg_str webrtc_web_server_function_name;     /* WWSF identity */
} wchg_ims_info;

#ifdef __cplusplus
}
#endif
#endif
