/*
 * dict.c: the Diameter dictionary of Rf and Ro IMS charging (dict.h).
 *
 * One table, written once as the X-macro list DICT of dict_table.h, one
 * row per AVP in (vendor, code) order:
 *
 *   X(code, vendor, M rule, ID, "Name", type, extras)
 *
 * The list is expanded four times: into the enum constants C_<ID> (code),
 * V_<ID> (vendor) and I_<ID> (position) of dict_table.h, so that groups
 * and commands name their children by AVP and never repeat a number (and
 * encoders take entries by position); and into the table itself,
 * wchg_dict_table. V is MUST exactly when the vendor is not 0 and P is
 * always MUSTNOT (RFC 6733 §4.1), so only the M rule is a column.
 *
 * Sources: RFC 6733, RFC 4006, RFC 7683; TS 32.299 Table 7.2.0.1 for
 * 3GPP codes, types and flag rules (V15.7.0 as transcribed by
 * freeDiameter) and TS 32.299 §6 / §7 ABNF for grouping and
 * multiplicity; TS 29.229 Table 6.3.1 for the Cx AVPs; TS 29.061 and
 * TS 29.214 for the few AVPs they define. Where sources conflict, the
 * project's charging-facts reference (Appendix A) decides; each such
 * choice has a one-line comment at its row.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stddef.h>
#include <string.h>

#include <webrtc_chg/dict.h>

#include "internal.h"

#include "dict_table.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Extras column: what follows the flag rules in a row. */
#define PLAIN .extensible = false
#define ENUM(a) .enums = (a), .n_enums = NELEM(a)
#define KIDS(a) .children = (a), .n_children = NELEM(a)
#define KIDS_EXT(a) KIDS(a), .extensible = true
#define EXT .extensible = true /* Grouped, "*[ AVP ]", children not described */

/* The table is wchg_dict_table (internal.h), defined below; the rules
 * point into it. */

/* ABNF occurrence: < x >, { x }, [ x ], *[ x ]. */
#define FIXED(id) {C_##id, V_##id, 1, 1, true, &wchg_dict_table[I_##id]}
#define REQ(id) {C_##id, V_##id, 1, 1, false, &wchg_dict_table[I_##id]}
#define OPT(id) {C_##id, V_##id, 0, 1, false, &wchg_dict_table[I_##id]}
#define ANY(id) {C_##id, V_##id, 0, 0, false, &wchg_dict_table[I_##id]}

/* ------------------------------------------------------------------ */
/* Enumerated values                                                   */
/* ------------------------------------------------------------------ */

/* Names: the spec's identifier where it has one (ORIGINATING_ROLE,
 * AoC_FULL, PRIORITY-0, S-CSCF); where it only describes the value
 * ("0 SDP Offer"), that description in upper case with underscores. */

/* RFC 6733 §6.13 */
static const wchg_dict_enum e_redirect_host_usage[] = {
    {0, "DONT_CACHE"},      {1, "ALL_SESSION"},
    {2, "ALL_REALM"},       {3, "REALM_AND_APPLICATION"},
    {4, "ALL_APPLICATION"}, {5, "ALL_HOST"},
    {6, "ALL_USER"}};
/* RFC 6733 §8.15 */
static const wchg_dict_enum e_termination_cause[] = {
    {1, "DIAMETER_LOGOUT"},         {2, "DIAMETER_SERVICE_NOT_PROVIDED"},
    {3, "DIAMETER_BAD_ANSWER"},     {4, "DIAMETER_ADMINISTRATIVE"},
    {5, "DIAMETER_LINK_BROKEN"},    {6, "DIAMETER_AUTH_EXPIRED"},
    {7, "DIAMETER_USER_MOVED"},     {8, "DIAMETER_SESSION_TIMEOUT"}};
/* RFC 6733 §9.8.1 */
static const wchg_dict_enum e_accounting_record_type[] = {
    {1, "EVENT_RECORD"}, {2, "START_RECORD"},
    {3, "INTERIM_RECORD"}, {4, "STOP_RECORD"}};

/* RFC 4006 §8.3 */
static const wchg_dict_enum e_cc_request_type[] = {
    {1, "INITIAL_REQUEST"}, {2, "UPDATE_REQUEST"},
    {3, "TERMINATION_REQUEST"}, {4, "EVENT_REQUEST"}};
/* RFC 4006 §8.4 */
static const wchg_dict_enum e_cc_session_failover[] = {
    {0, "FAILOVER_NOT_SUPPORTED"}, {1, "FAILOVER_SUPPORTED"}};
/* RFC 4006 §8.6 */
static const wchg_dict_enum e_check_balance_result[] = {
    {0, "ENOUGH_CREDIT"}, {1, "NO_CREDIT"}};
/* RFC 4006 §8.14 */
static const wchg_dict_enum e_credit_control_failure_handling[] = {
    {0, "TERMINATE"}, {1, "CONTINUE"}, {2, "RETRY_AND_TERMINATE"}};
/* RFC 4006 §8.15 */
static const wchg_dict_enum e_direct_debiting_failure_handling[] = {
    {0, "TERMINATE_OR_BUFFER"}, {1, "CONTINUE"}};
/* RFC 4006 §8.38 */
static const wchg_dict_enum e_redirect_address_type[] = {
    {0, "IPV4_ADDRESS"}, {1, "IPV6_ADDRESS"}, {2, "URL"}, {3, "SIP_URI"}};
/* RFC 4006 §8.41 */
static const wchg_dict_enum e_requested_action[] = {
    {0, "DIRECT_DEBITING"}, {1, "REFUND_ACCOUNT"},
    {2, "CHECK_BALANCE"},   {3, "PRICE_ENQUIRY"}};
/* RFC 4006 §8.35 */
static const wchg_dict_enum e_final_unit_action[] = {
    {0, "TERMINATE"}, {1, "REDIRECT"}, {2, "RESTRICT_ACCESS"}};
/* RFC 4006 §8.47 */
static const wchg_dict_enum e_subscription_id_type[] = {
    {0, "END_USER_E164"},    {1, "END_USER_IMSI"}, {2, "END_USER_SIP_URI"},
    {3, "END_USER_NAI"},     {4, "END_USER_PRIVATE"}};
/* RFC 4006 §8.27 */
static const wchg_dict_enum e_tariff_change_usage[] = {
    {0, "UNIT_BEFORE_TARIFF_CHANGE"}, {1, "UNIT_AFTER_TARIFF_CHANGE"},
    {2, "UNIT_INDETERMINATE"}};
/* RFC 4006 §8.32 */
static const wchg_dict_enum e_cc_unit_type[] = {
    {0, "TIME"},         {1, "MONEY"},          {2, "TOTAL-OCTETS"},
    {3, "INPUT-OCTETS"}, {4, "OUTPUT-OCTETS"},  {5, "SERVICE-SPECIFIC-UNITS"}};
/* RFC 4006 §8.40 */
static const wchg_dict_enum e_multiple_services_indicator[] = {
    {0, "MULTIPLE_SERVICES_NOT_SUPPORTED"}, {1, "MULTIPLE_SERVICES_SUPPORTED"}};
/* RFC 4006 §8.50 */
static const wchg_dict_enum e_user_equipment_info_type[] = {
    {0, "IMEISV"}, {1, "MAC"}, {2, "EUI64"}, {3, "MODIFIED_EUI64"}};
/* RFC 7683 §7.6 */
static const wchg_dict_enum e_oc_report_type[] = {
    {0, "HOST_REPORT"}, {1, "REALM_REPORT"}};

/* TS 29.229 §6.3.56 */
static const wchg_dict_enum e_session_priority[] = {
    {0, "PRIORITY-0"}, {1, "PRIORITY-1"}, {2, "PRIORITY-2"},
    {3, "PRIORITY-3"}, {4, "PRIORITY-4"}};
/* TS 32.299 Role-Of-Node; Appendix A #1: 2 = FORWARDING_ROLE (WS-dict's
 * PROXY_ROLE/B2BUA_ROLE are Rel-6 values) */
static const wchg_dict_enum e_role_of_node[] = {
    {0, "ORIGINATING_ROLE"}, {1, "TERMINATING_ROLE"}, {2, "FORWARDING_ROLE"}};
/* TS 32.299 Node-Functionality; Appendix A #2: 0..21 (WS-dict stops at 17) */
static const wchg_dict_enum e_node_functionality[] = {
    {0, "S-CSCF"}, {1, "P-CSCF"},  {2, "I-CSCF"},  {3, "MRFC"},
    {4, "MGCF"},   {5, "BGCF"},    {6, "AS"},      {7, "IBCF"},
    {8, "S-GW"},   {9, "P-GW"},    {10, "HSGW"},   {11, "E-CSCF"},
    {12, "MME"},   {13, "TRF"},    {14, "TF"},     {15, "ATCF"},
    {16, "Proxy Function"},        {17, "ePDG"},   {18, "TDF"},
    {19, "TWAG"},  {20, "SCEF"},   {21, "IWK-SCEF"}};
/* TS 32.299 Originator */
static const wchg_dict_enum e_originator[] = {
    {0, "CALLING_PARTY"}, {1, "CALLED_PARTY"}};
/* TS 32.299 Trigger-Type (values of Rel-15..17) */
static const wchg_dict_enum e_trigger_type[] = {
    {1, "CHANGE_IN_SGSN_IP_ADDRESS"},
    {2, "CHANGE_IN_QOS"},
    {3, "CHANGE_IN_LOCATION"},
    {4, "CHANGE_IN_RAT"},
    {5, "CHANGE_IN_UE_TIMEZONE"},
    {10, "CHANGEINQOS_TRAFFIC_CLASS"},
    {11, "CHANGEINQOS_RELIABILITY_CLASS"},
    {12, "CHANGEINQOS_DELAY_CLASS"},
    {13, "CHANGEINQOS_PEAK_THROUGHPUT"},
    {14, "CHANGEINQOS_PRECEDENCE_CLASS"},
    {15, "CHANGEINQOS_MEAN_THROUGHPUT"},
    {16, "CHANGEINQOS_MAXIMUM_BIT_RATE_FOR_UPLINK"},
    {17, "CHANGEINQOS_MAXIMUM_BIT_RATE_FOR_DOWNLINK"},
    {18, "CHANGEINQOS_RESIDUAL_BER"},
    {19, "CHANGEINQOS_SDU_ERROR_RATIO"},
    {20, "CHANGEINQOS_TRANSFER_DELAY"},
    {21, "CHANGEINQOS_TRAFFIC_HANDLING_PRIORITY"},
    {22, "CHANGEINQOS_GUARANTEED_BIT_RATE_FOR_UPLINK"},
    {23, "CHANGEINQOS_GUARANTEED_BIT_RATE_FOR_DOWNLINK"},
    {24, "CHANGEINQOS_APN_AGGREGATE_MAXIMUM_BIT_RATE"},
    {30, "CHANGEINLOCATION_MCC"},
    {31, "CHANGEINLOCATION_MNC"},
    {32, "CHANGEINLOCATION_RAC"},
    {33, "CHANGEINLOCATION_LAC"},
    {34, "CHANGEINLOCATION_CellId"},
    {35, "CHANGEINLOCATION_TAC"},
    {36, "CHANGEINLOCATION_ECGI"},
    {40, "CHANGE_IN_MEDIA_COMPOSITION"},
    {50, "CHANGE_IN_PARTICIPANTS_NMB"},
    {51, "CHANGE_IN_THRSHLD_OF_PARTICIPANTS_NMB"},
    {52, "CHANGE_IN_USER_PARTICIPATING_TYPE"},
    {60, "CHANGE_IN_SERVICE_CONDITION"},
    {61, "CHANGE_IN_SERVING_NODE"},
    {62, "CHANGE_IN_ACCESS_FOR_A_SERVICE_DATA_FLOW"},
    {70, "CHANGE_IN_USER_CSG_INFORMATION"},
    {71, "CHANGE_IN_HYBRID_SUBSCRIBED_USER_CSG_INFORMATION"},
    {72, "CHANGE_IN_HYBRID_UNSUBSCRIBED_USER_CSG_INFORMATION"},
    {73, "CHANGE_OF_UE_PRESENCE_IN_PRESENCE_REPORTING_AREA"},
    {75, "CHANGE_IN_APN_RATE_CONTROL"},
    {76, "CHANGE_IN_3GPP_PS_DATA_OFF"}};
/* TS 32.299 Reporting-Reason */
static const wchg_dict_enum e_reporting_reason[] = {
    {0, "THRESHOLD"},
    {1, "QHT"},
    {2, "FINAL"},
    {3, "QUOTA_EXHAUSTED"},
    {4, "VALIDITY_TIME"},
    {5, "OTHER_QUOTA_TYPE"},
    {6, "RATING_CONDITION_CHANGE"},
    {7, "FORCED_REAUTHORISATION"},
    {8, "POOL_EXHAUSTED"},
    {9, "UNUSED_QUOTA_TIMER"}};
/* TS 32.299 Media-Initiator-Flag */
static const wchg_dict_enum e_media_initiator_flag[] = {
    {0, "CALLED_PARTY"}, {1, "CALLING_PARTY"}, {2, "UNKNOWN"}};
/* TS 32.299 Envelope-Reporting */
static const wchg_dict_enum e_envelope_reporting[] = {
    {0, "DO_NOT_REPORT_ENVELOPES"},
    {1, "REPORT_ENVELOPES"},
    {2, "REPORT_ENVELOPES_WITH_VOLUME"},
    {3, "REPORT_ENVELOPES_WITH_EVENTS"},
    {4, "REPORT_ENVELOPES_WITH_VOLUME_AND_EVENTS"}};
/* TS 32.299 Low-Balance-Indication */
static const wchg_dict_enum e_low_balance_indication[] = {
    {0, "NOT-APPLICABLE"}, {1, "YES"}};
/* TS 32.299 SDP-Type */
static const wchg_dict_enum e_sdp_type[] = {
    {0, "SDP_OFFER"}, {1, "SDP_ANSWER"}};
/* TS 32.299 AoC-Request-Type */
static const wchg_dict_enum e_aoc_request_type[] = {
    {0, "AoC_NOT_REQUESTED"}, {1, "AoC_FULL"},
    {2, "AoC_COST_ONLY"},     {3, "AoC_TARIFF_ONLY"}};
/* TS 32.299 Online-Charging-Flag */
static const wchg_dict_enum e_online_charging_flag[] = {
    {0, "ECF_ADDRESS_NOT_PROVIDED"}, {1, "ECF_ADDRESS_PROVIDED"}};
/* TS 32.299 IMS-Emergency-Indicator */
static const wchg_dict_enum e_ims_emergency_indicator[] = {
    {0, "NON_EMERGENCY"}, {1, "EMERGENCY"}};
/* TS 32.299 IP-Realm-Default-Indication */
static const wchg_dict_enum e_ip_realm_default_indication[] = {
    {0, "DEFAULT_IP_REALM_NOT_USED"}, {1, "DEFAULT_IP_REALM_USED"}};
/* TS 32.299 Local-GW-Inserted-Indication */
static const wchg_dict_enum e_local_gw_inserted_indication[] = {
    {0, "LOCAL_GW_NOT_INSERTED"}, {1, "LOCAL_GW_INSERTED"}};
/* TS 32.299 Transcoder-Inserted-Indication */
static const wchg_dict_enum e_transcoder_inserted_indication[] = {
    {0, "TRANSCODER_NOT_INSERTED"}, {1, "TRANSCODER_INSERTED"}};
/* TS 32.299 Status-AS-Code */
static const wchg_dict_enum e_status_as_code[] = {
    {0, "4XX"}, {1, "5XX"}, {2, "TIMEOUT"}};
/* TS 32.299 NNI-Type */
static const wchg_dict_enum e_nni_type[] = {
    {0, "NON_ROAMING"}, {1, "ROAMING_WITHOUT_LOOPBACK"},
    {2, "ROAMING_WITH_LOOPBACK"}};
/* TS 32.299 Relationship-Mode */
static const wchg_dict_enum e_relationship_mode[] = {
    {0, "TRUSTED"}, {1, "NON_TRUSTED"}};
/* TS 32.299 Session-Direction */
static const wchg_dict_enum e_session_direction[] = {
    {0, "INBOUND"}, {1, "OUTBOUND"}};
/* TS 32.299 Access-Transfer-Type */
static const wchg_dict_enum e_access_transfer_type[] = {
    {0, "PS_TO_CS_TRANSFER"}, {1, "CS_TO_PS_TRANSFER"},
    {2, "PS_TO_PS_TRANSFER"}, {3, "CS_TO_CS_TRANSFER"}};
/* TS 32.299 TAD-Identifier */
static const wchg_dict_enum e_tad_identifier[] = {{0, "CS"}, {1, "PS"}};
/* TS 32.299 Inter-UE-Transfer */
static const wchg_dict_enum e_inter_ue_transfer[] = {
    {0, "INTRA_UE_TRANSFER"}, {1, "INTER_UE_TRANSFER"}};

/* ------------------------------------------------------------------ */
/* Grouped AVPs: children in ABNF order                                */
/* ------------------------------------------------------------------ */

/* RFC 6733 §6.11 */
static const wchg_dict_rule g_vendor_specific_application_id[] = {
    REQ(VENDOR_ID), OPT(AUTH_APPLICATION_ID), OPT(ACCT_APPLICATION_ID)};
/* RFC 6733 §6.7.2 */
static const wchg_dict_rule g_proxy_info[] = {
    REQ(PROXY_HOST), REQ(PROXY_STATE)};
/* RFC 6733 §7.6 */
static const wchg_dict_rule g_experimental_result[] = {
    REQ(VENDOR_ID), REQ(EXPERIMENTAL_RESULT_CODE)};

/* RFC 4006 §8.22 */
static const wchg_dict_rule g_cc_money[] = {
    REQ(UNIT_VALUE), OPT(CURRENCY_CODE)};
/* RFC 4006 §8.8 */
static const wchg_dict_rule g_unit_value[] = {
    REQ(VALUE_DIGITS), OPT(EXPONENT)};
/* RFC 4006 §8.7 */
static const wchg_dict_rule g_cost_information[] = {
    REQ(UNIT_VALUE), REQ(CURRENCY_CODE), OPT(COST_UNIT)};
/* RFC 4006 §8.34 */
static const wchg_dict_rule g_final_unit_indication[] = {
    REQ(FINAL_UNIT_ACTION), ANY(RESTRICTION_FILTER_RULE), ANY(FILTER_ID),
    OPT(REDIRECT_SERVER)};
/* RFC 4006 §8.37 */
static const wchg_dict_rule g_redirect_server[] = {
    REQ(REDIRECT_ADDRESS_TYPE), REQ(REDIRECT_SERVER_ADDRESS)};
/* RFC 4006 §8.17 */
static const wchg_dict_rule g_granted_service_unit[] = {
    OPT(TARIFF_TIME_CHANGE), OPT(CC_TIME),         OPT(CC_MONEY),
    OPT(CC_TOTAL_OCTETS),    OPT(CC_INPUT_OCTETS), OPT(CC_OUTPUT_OCTETS),
    OPT(CC_SERVICE_SPECIFIC_UNITS)};
/* RFC 4006 §8.18 */
static const wchg_dict_rule g_requested_service_unit[] = {
    OPT(CC_TIME),         OPT(CC_MONEY),         OPT(CC_TOTAL_OCTETS),
    OPT(CC_INPUT_OCTETS), OPT(CC_OUTPUT_OCTETS), OPT(CC_SERVICE_SPECIFIC_UNITS)};
/* RFC 4006 §8.19 with the TS 32.299 §7.1 additions (Reporting-Reason,
 * *Event-Charging-TimeStamp) */
static const wchg_dict_rule g_used_service_unit[] = {
    OPT(REPORTING_REASON), OPT(TARIFF_CHANGE_USAGE), OPT(CC_TIME),
    OPT(CC_MONEY),         OPT(CC_TOTAL_OCTETS),     OPT(CC_INPUT_OCTETS),
    OPT(CC_OUTPUT_OCTETS), OPT(CC_SERVICE_SPECIFIC_UNITS),
    ANY(EVENT_CHARGING_TIMESTAMP)};
/* RFC 4006 §8.30 */
static const wchg_dict_rule g_g_s_u_pool_reference[] = {
    REQ(G_S_U_POOL_IDENTIFIER), REQ(CC_UNIT_TYPE), REQ(UNIT_VALUE)};
/* RFC 4006 §8.46 */
static const wchg_dict_rule g_subscription_id[] = {
    REQ(SUBSCRIPTION_ID_TYPE), REQ(SUBSCRIPTION_ID_DATA)};
/* RFC 4006 §8.49 */
static const wchg_dict_rule g_user_equipment_info[] = {
    REQ(USER_EQUIPMENT_INFO_TYPE), REQ(USER_EQUIPMENT_INFO_VALUE)};
/* TS 32.299 §7.1.9 (the 3GPP form of RFC 4006 §8.16; *[ AVP ] from the
 * RFC). 32.299 drops the RFC's Tariff-Change-Usage here: it goes in the
 * Used-Service-Unit; the extension point still admits it. */
static const wchg_dict_rule g_multiple_services_credit_control[] = {
    OPT(GRANTED_SERVICE_UNIT),
    OPT(REQUESTED_SERVICE_UNIT),
    ANY(USED_SERVICE_UNIT),
    ANY(SERVICE_IDENTIFIER),
    OPT(RATING_GROUP),
    ANY(G_S_U_POOL_REFERENCE),
    OPT(VALIDITY_TIME),
    OPT(RESULT_CODE),
    OPT(FINAL_UNIT_INDICATION),
    OPT(TIME_QUOTA_THRESHOLD),
    OPT(VOLUME_QUOTA_THRESHOLD),
    OPT(UNIT_QUOTA_THRESHOLD),
    OPT(QUOTA_HOLDING_TIME),
    OPT(QUOTA_CONSUMPTION_TIME),
    ANY(REPORTING_REASON),
    OPT(TRIGGER),
    OPT(PS_FURNISH_CHARGING_INFORMATION),
    OPT(REFUND_INFORMATION),
    ANY(AF_CORRELATION_INFORMATION),
    ANY(ENVELOPE),
    OPT(ENVELOPE_REPORTING),
    OPT(TIME_QUOTA_MECHANISM),
    ANY(SERVICE_SPECIFIC_INFO),
    OPT(QOS_INFORMATION),
    ANY(ANNOUNCEMENT_INFORMATION),
    OPT(TGPP_RAT_TYPE),
    OPT(RELATED_TRIGGER)};

/* RFC 7683 §7.1 */
static const wchg_dict_rule g_oc_supported_features[] = {
    OPT(OC_FEATURE_VECTOR)};
/* RFC 7683 §7.3 */
static const wchg_dict_rule g_oc_olr[] = {
    FIXED(OC_SEQUENCE_NUMBER), FIXED(OC_REPORT_TYPE),
    OPT(OC_REDUCTION_PERCENTAGE), OPT(OC_VALIDITY_DURATION)};

/* TS 29.229 §6.3.4 */
static const wchg_dict_rule g_server_capabilities[] = {
    ANY(MANDATORY_CAPABILITY), ANY(OPTIONAL_CAPABILITY), ANY(SERVER_NAME)};
/* TS 29.229 (Rel-12+): Allowed-WAF-WWSF-Identities */
static const wchg_dict_rule g_allowed_waf_wwsf_identities[] = {
    ANY(WEBRTC_AUTHENTICATION_FUNCTION_NAME),
    ANY(WEBRTC_WEB_SERVER_FUNCTION_NAME)};

/* TS 32.299 §7.2 Service-Information. The per-service containers
 * other than PS- and IMS-Information are not described further (EXT). */
static const wchg_dict_rule g_service_information[] = {
    ANY(SUBSCRIPTION_ID),   OPT(AOC_INFORMATION),
    OPT(PS_INFORMATION),    OPT(IMS_INFORMATION),
    OPT(MMS_INFORMATION),   OPT(LCS_INFORMATION),
    OPT(POC_INFORMATION),   OPT(MBMS_INFORMATION),
    OPT(SMS_INFORMATION),   OPT(VCS_INFORMATION),
    OPT(MMTEL_INFORMATION), OPT(PROSE_INFORMATION),
    OPT(SERVICE_GENERIC_INFORMATION), OPT(IM_INFORMATION),
    OPT(DCD_INFORMATION),   OPT(M2M_INFORMATION),
    OPT(CPDT_INFORMATION)};

/* TS 32.299 §7.2.158 PS-Information: only the children a P-CSCF uses
 * (facts §2.1) and those we describe, in ABNF order; the other ~60 are
 * admitted by marking the group extensible. */
static const wchg_dict_rule g_ps_information[] = {
    OPT(TGPP_CHARGING_ID),        ANY(GGSN_ADDRESS),
    OPT(TGPP_MS_TIMEZONE),        OPT(TGPP_USER_LOCATION_INFO),
    OPT(TGPP_RAT_TYPE),           OPT(USER_EQUIPMENT_INFO)};

/* TS 32.299 §7.2.77 IMS-Information: all 53 children in ABNF order.
 * Appendix A #19: multiplicities of MOB-32299 (*Transit-IOI-List,
 * Called-Identity-Change present), not FD-32299's. The 32.299 ABNF has
 * no *[ AVP ]; we mark the group extensible because our design carries
 * WebRTC-Authentication-Function-Name (657) and WebRTC-Web-Server-
 * Function-Name (658) here with M clear (DESIGN.md, "What 3GPP left
 * open"). */
static const wchg_dict_rule g_ims_information[] = {
    OPT(EVENT_TYPE),                           /*  1 */
    OPT(ROLE_OF_NODE),                         /*  2 */
    REQ(NODE_FUNCTIONALITY),                   /*  3 */
    OPT(USER_SESSION_ID),                      /*  4 */
    OPT(OUTGOING_SESSION_ID),                  /*  5 */
    OPT(SESSION_PRIORITY),                     /*  6 */
    ANY(CALLING_PARTY_ADDRESS),                /*  7 */
    OPT(CALLED_PARTY_ADDRESS),                 /*  8 */
    ANY(CALLED_ASSERTED_IDENTITY),             /*  9 */
    OPT(CALLED_IDENTITY_CHANGE),               /* 10 */
    OPT(NUMBER_PORTABILITY_ROUTING_INFORMATION), /* 11 */
    OPT(CARRIER_SELECT_ROUTING_INFORMATION),   /* 12 */
    OPT(ALTERNATE_CHARGED_PARTY_ADDRESS),      /* 13 */
    ANY(REQUESTED_PARTY_ADDRESS),              /* 14 */
    ANY(ASSOCIATED_URI),                       /* 15 */
    OPT(TIME_STAMPS),                          /* 16 */
    ANY(APPLICATION_SERVER_INFORMATION),       /* 17 */
    ANY(INTER_OPERATOR_IDENTIFIER),            /* 18 */
    ANY(TRANSIT_IOI_LIST),                     /* 19 */
    OPT(IMS_CHARGING_IDENTIFIER),              /* 20 */
    ANY(SDP_SESSION_DESCRIPTION),              /* 21 */
    ANY(SDP_MEDIA_COMPONENT),                  /* 22 */
    OPT(SERVED_PARTY_IP_ADDRESS),              /* 23 */
    OPT(SERVER_CAPABILITIES),                  /* 24 */
    OPT(TRUNK_GROUP_ID),                       /* 25 */
    OPT(BEARER_SERVICE),                       /* 26 */
    OPT(SERVICE_ID),                           /* 27 */
    ANY(SERVICE_SPECIFIC_INFO),                /* 28 */
    ANY(MESSAGE_BODY),                         /* 29 */
    OPT(CAUSE_CODE),                           /* 30 */
    ANY(REASON_HEADER),                        /* 31 */
    ANY(ACCESS_NETWORK_INFORMATION),           /* 32 */
    OPT(CELLULAR_NETWORK_INFORMATION),         /* 33 */
    ANY(EARLY_MEDIA_DESCRIPTION),              /* 34 */
    OPT(IMS_COMMUNICATION_SERVICE_IDENTIFIER), /* 35 */
    OPT(IMS_APPLICATION_REFERENCE_IDENTIFIER), /* 36 */
    OPT(ONLINE_CHARGING_FLAG),                 /* 37 */
    OPT(REAL_TIME_TARIFF_INFORMATION),         /* 38 */
    OPT(ACCOUNT_EXPIRATION),                   /* 39 */
    OPT(INITIAL_IMS_CHARGING_IDENTIFIER),      /* 40 */
    ANY(NNI_INFORMATION),                      /* 41 */
    OPT(FROM_ADDRESS),                         /* 42 */
    OPT(IMS_EMERGENCY_INDICATOR),              /* 43 */
    OPT(IMS_VISITED_NETWORK_IDENTIFIER),       /* 44 */
    ANY(ACCESS_NETWORK_INFO_CHANGE),           /* 45 */
    ANY(ACCESS_TRANSFER_INFORMATION),          /* 46 */
    OPT(RELATED_IMS_CHARGING_IDENTIFIER),      /* 47 */
    OPT(RELATED_IMS_CHARGING_IDENTIFIER_NODE), /* 48 */
    OPT(ROUTE_HEADER_RECEIVED),                /* 49 */
    OPT(ROUTE_HEADER_TRANSMITTED),             /* 50 */
    OPT(INSTANCE_ID),                          /* 51 */
    OPT(TAD_IDENTIFIER),                       /* 52 */
    OPT(FE_IDENTIFIER_LIST),                   /* 53 */
    /* our WebRTC extension (webrtc_ext.h): TS 29.229 AVPs, M clear */
    OPT(WEBRTC_AUTHENTICATION_FUNCTION_NAME),  /* +1 */
    OPT(WEBRTC_WEB_SERVER_FUNCTION_NAME)};     /* +2 */

/* TS 32.299 Event-Type; Appendix A #6: SIP-Method, Event, Expires (not
 * WS-dict's Content-* children) */
static const wchg_dict_rule g_event_type[] = {
    OPT(SIP_METHOD), OPT(EVENT), OPT(EXPIRES)};
/* TS 32.299 Time-Stamps; Appendix A #7: with the fractions */
static const wchg_dict_rule g_time_stamps[] = {
    OPT(SIP_REQUEST_TIMESTAMP), OPT(SIP_RESPONSE_TIMESTAMP),
    OPT(SIP_REQUEST_TIMESTAMP_FRACTION), OPT(SIP_RESPONSE_TIMESTAMP_FRACTION)};
/* TS 32.299 Called-Identity-Change */
static const wchg_dict_rule g_called_identity_change[] = {
    OPT(CALLED_IDENTITY), OPT(CHANGE_TIME)};
/* TS 32.299 Application-Server-Information */
static const wchg_dict_rule g_application_server_information[] = {
    OPT(APPLICATION_SERVER), ANY(APPLICATION_PROVIDED_CALLED_PARTY_ADDRESS),
    OPT(STATUS_AS_CODE)};
/* TS 32.299 Inter-Operator-Identifier */
static const wchg_dict_rule g_inter_operator_identifier[] = {
    OPT(ORIGINATING_IOI), OPT(TERMINATING_IOI)};
/* TS 32.299 SDP-Media-Component; Appendix A #7: the full 32.299 list */
static const wchg_dict_rule g_sdp_media_component[] = {
    OPT(SDP_MEDIA_NAME),
    ANY(SDP_MEDIA_DESCRIPTION),
    OPT(LOCAL_GW_INSERTED_INDICATION),
    OPT(IP_REALM_DEFAULT_INDICATION),
    OPT(TRANSCODER_INSERTED_INDICATION),
    OPT(MEDIA_INITIATOR_FLAG),
    OPT(MEDIA_INITIATOR_PARTY),
    OPT(TGPP_CHARGING_ID),
    OPT(ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE),
    OPT(SDP_TYPE)};
/* TS 32.299 Trunk-Group-ID */
static const wchg_dict_rule g_trunk_group_id[] = {
    OPT(INCOMING_TRUNK_GROUP_ID), OPT(OUTGOING_TRUNK_GROUP_ID)};
/* TS 32.299 Service-Specific-Info */
static const wchg_dict_rule g_service_specific_info[] = {
    OPT(SERVICE_SPECIFIC_DATA), OPT(SERVICE_SPECIFIC_TYPE)};
/* TS 32.299 Message-Body */
static const wchg_dict_rule g_message_body[] = {
    REQ(CONTENT_TYPE), REQ(CONTENT_LENGTH), OPT(CONTENT_DISPOSITION),
    OPT(ORIGINATOR)};
/* TS 32.299 Early-Media-Description */
static const wchg_dict_rule g_early_media_description[] = {
    OPT(SDP_TIMESTAMPS), ANY(SDP_MEDIA_COMPONENT), ANY(SDP_SESSION_DESCRIPTION)};
/* TS 32.299 SDP-TimeStamps */
static const wchg_dict_rule g_sdp_timestamps[] = {
    OPT(SDP_OFFER_TIMESTAMP), OPT(SDP_ANSWER_TIMESTAMP)};
/* TS 32.299 Real-Time-Tariff-Information */
static const wchg_dict_rule g_real_time_tariff_information[] = {
    OPT(TARIFF_INFORMATION), OPT(TARIFF_XML)};
/* TS 32.299 NNI-Information */
static const wchg_dict_rule g_nni_information[] = {
    OPT(SESSION_DIRECTION), OPT(NNI_TYPE), OPT(RELATIONSHIP_MODE),
    OPT(NEIGHBOUR_NODE_ADDRESS)};
/* TS 32.299 Access-Network-Info-Change */
static const wchg_dict_rule g_access_network_info_change[] = {
    ANY(ACCESS_NETWORK_INFORMATION), OPT(CELLULAR_NETWORK_INFORMATION),
    OPT(CHANGE_TIME)};
/* TS 32.299 Access-Transfer-Information */
static const wchg_dict_rule g_access_transfer_information[] = {
    OPT(ACCESS_TRANSFER_TYPE),
    ANY(ACCESS_NETWORK_INFORMATION),
    OPT(CELLULAR_NETWORK_INFORMATION),
    OPT(INTER_UE_TRANSFER),
    OPT(USER_EQUIPMENT_INFO),
    OPT(INSTANCE_ID),
    OPT(RELATED_IMS_CHARGING_IDENTIFIER),
    OPT(RELATED_IMS_CHARGING_IDENTIFIER_NODE),
    OPT(CHANGE_TIME)};
/* TS 32.299 Trigger */
static const wchg_dict_rule g_trigger[] = {ANY(TRIGGER_TYPE)};
/* TS 32.299 Remaining-Balance */
static const wchg_dict_rule g_remaining_balance[] = {
    REQ(UNIT_VALUE), REQ(CURRENCY_CODE)};

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define ROW(c, v, m, id, nm, t, x)                                           \
  {.code = (c),                                                              \
   .vendor = (v),                                                            \
   .name = (nm),                                                             \
   .type = WCHG_AVP_##t,                                                     \
   .m_rule = WCHG_RULE_##m,                                                  \
   .v_rule = (v) != 0 ? WCHG_RULE_MUST : WCHG_RULE_MUSTNOT,                  \
   .p_rule = WCHG_RULE_MUSTNOT,                                              \
   x},

const wchg_dict_avp wchg_dict_table[N_INDEX] = {DICT(ROW)};

#define N_AVPS NELEM(wchg_dict_table)

/* ------------------------------------------------------------------ */
/* Commands                                                            */
/* ------------------------------------------------------------------ */

/* TS 32.299 §6.2.2 ACR (RFC 6733 §9.7.1) */
static const wchg_dict_rule acr_avps[] = {
    FIXED(SESSION_ID),
    REQ(ORIGIN_HOST),
    REQ(ORIGIN_REALM),
    REQ(DESTINATION_REALM),
    REQ(ACCOUNTING_RECORD_TYPE),
    REQ(ACCOUNTING_RECORD_NUMBER),
    OPT(ACCT_APPLICATION_ID),
    OPT(USER_NAME),
    OPT(DESTINATION_HOST),
    OPT(ACCT_INTERIM_INTERVAL),
    OPT(ORIGIN_STATE_ID),
    OPT(EVENT_TIMESTAMP),
    ANY(PROXY_INFO),
    ANY(ROUTE_RECORD),
    OPT(SERVICE_CONTEXT_ID),
    OPT(SERVICE_INFORMATION)};

/* TS 32.299 §6.2.3 ACA (RFC 6733 §9.7.2) */
static const wchg_dict_rule aca_avps[] = {
    FIXED(SESSION_ID),
    REQ(RESULT_CODE),
    OPT(EXPERIMENTAL_RESULT),
    REQ(ORIGIN_HOST),
    REQ(ORIGIN_REALM),
    REQ(ACCOUNTING_RECORD_TYPE),
    REQ(ACCOUNTING_RECORD_NUMBER),
    OPT(ACCT_APPLICATION_ID),
    OPT(USER_NAME),
    OPT(ERROR_MESSAGE),
    OPT(ERROR_REPORTING_HOST),
    OPT(ACCT_INTERIM_INTERVAL),
    OPT(FAILED_AVP),
    OPT(ORIGIN_STATE_ID),
    OPT(EVENT_TIMESTAMP),
    ANY(PROXY_INFO)};

/* TS 32.299 §6.4.2 CCR (RFC 4006 §3.1) */
static const wchg_dict_rule ccr_avps[] = {
    FIXED(SESSION_ID),
    REQ(ORIGIN_HOST),
    REQ(ORIGIN_REALM),
    REQ(DESTINATION_REALM),
    REQ(AUTH_APPLICATION_ID),
    REQ(SERVICE_CONTEXT_ID),
    REQ(CC_REQUEST_TYPE),
    REQ(CC_REQUEST_NUMBER),
    OPT(DESTINATION_HOST),
    OPT(USER_NAME),
    OPT(ORIGIN_STATE_ID),
    OPT(EVENT_TIMESTAMP),
    ANY(SUBSCRIPTION_ID),
    OPT(TERMINATION_CAUSE),
    OPT(REQUESTED_ACTION),
    OPT(AOC_REQUEST_TYPE),
    OPT(MULTIPLE_SERVICES_INDICATOR),
    ANY(MULTIPLE_SERVICES_CREDIT_CONTROL),
    OPT(CC_CORRELATION_ID),
    OPT(USER_EQUIPMENT_INFO),
    OPT(OC_SUPPORTED_FEATURES),
    ANY(PROXY_INFO),
    ANY(ROUTE_RECORD),
    OPT(SERVICE_INFORMATION)};

/* TS 32.299 §6.4.3 CCA (RFC 4006 §3.2) */
static const wchg_dict_rule cca_avps[] = {
    FIXED(SESSION_ID),
    REQ(RESULT_CODE),
    OPT(EXPERIMENTAL_RESULT),
    REQ(ORIGIN_HOST),
    REQ(ORIGIN_REALM),
    REQ(AUTH_APPLICATION_ID),
    REQ(CC_REQUEST_TYPE),
    REQ(CC_REQUEST_NUMBER),
    OPT(CC_SESSION_FAILOVER),
    ANY(MULTIPLE_SERVICES_CREDIT_CONTROL),
    OPT(COST_INFORMATION),
    OPT(LOW_BALANCE_INDICATION),
    OPT(REMAINING_BALANCE),
    OPT(CREDIT_CONTROL_FAILURE_HANDLING),
    OPT(DIRECT_DEBITING_FAILURE_HANDLING),
    OPT(OC_SUPPORTED_FEATURES),
    OPT(OC_OLR),
    ANY(REDIRECT_HOST),
    OPT(REDIRECT_HOST_USAGE),
    OPT(REDIRECT_MAX_CACHE_TIME),
    OPT(FAILED_AVP),
    OPT(SERVICE_INFORMATION),
    ANY(PROXY_INFO),
    ANY(ROUTE_RECORD)};

#define CMD(c, app, req, nm, rules)                                          \
  {.code = (c),                                                              \
   .app_id = (app),                                                          \
   .request = (req),                                                         \
   .name = (nm),                                                             \
   .avps = (rules),                                                          \
   .n_avps = NELEM(rules),                                                   \
   .extensible = true}

static const wchg_dict_command commands[] = {
    CMD(271, 3, true, "Accounting-Request", acr_avps),
    CMD(271, 3, false, "Accounting-Answer", aca_avps),
    CMD(272, 4, true, "Credit-Control-Request", ccr_avps),
    CMD(272, 4, false, "Credit-Control-Answer", cca_avps),
};

/* ------------------------------------------------------------------ */
/* Lookups                                                             */
/* ------------------------------------------------------------------ */

/* True when |a| sorts before (vendor, code). */
static bool before(const wchg_dict_avp *a, uint32_t vendor, uint32_t code) {
  return a->vendor < vendor || (a->vendor == vendor && a->code < code);
}

const wchg_dict_avp *wchg_dict_find(uint32_t code, uint32_t vendor) {
  size_t lo = 0, hi = N_AVPS;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (before(&wchg_dict_table[mid], vendor, code))
      lo = mid + 1;
    else
      hi = mid;
  }
  const wchg_dict_avp *d = &wchg_dict_table[lo];
  if (lo < N_AVPS && d->vendor == vendor && d->code == code)
    return d;
  return NULL;
}

const wchg_dict_avp *wchg_dict_find_name(const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; i < N_AVPS; i++)
    if (strcmp(wchg_dict_table[i].name, name) == 0)
      return &wchg_dict_table[i];
  return NULL;
}

const char *wchg_dict_enum_name(const wchg_dict_avp *avp, int32_t value) {
  if (!avp)
    return NULL;
  for (size_t i = 0; i < avp->n_enums; i++)
    if (avp->enums[i].value == value)
      return avp->enums[i].name;
  return NULL;
}

const wchg_dict_command *wchg_dict_find_command(uint32_t code, uint32_t app_id,
                                           bool request) {
  for (size_t i = 0; i < NELEM(commands); i++)
    if (commands[i].code == code && commands[i].app_id == app_id &&
        commands[i].request == request)
      return &commands[i];
  return NULL;
}

const wchg_dict_avp *wchg_dict_avps(size_t *count) {
  if (count)
    *count = N_AVPS;
  return wchg_dict_table;
}

/* ------------------------------------------------------------------ */
/* Facts the reader needs per entry (internal.h, wchg_dict_meta)       */
/* ------------------------------------------------------------------ */

/* Derived from the table above, never written by hand: lib/dict_meta.inc
 * is generated from wchg_dict_meta_derive() by `make dict-meta`, and a unit
 * test checks that it still equals what the table derives. A const table,
 * so the library keeps no mutable state. */

#define N_COMMANDS NELEM(commands)

/* One slot per entry, as wide as an entry (wchg_dict_meta_of) */
union meta_slot {
  struct wchg_dict_meta m;
  wchg_dict_avp stride;
};
_Static_assert(sizeof(union meta_slot) == sizeof(wchg_dict_avp), "facts as wide as entries");

static void rules_meta(struct wchg_dict_meta *m, const wchg_dict_rule *r, size_t n) {
  m->nfixed = 0;
  while (m->nfixed < n && r[m->nfixed].fixed)
    m->nfixed++;
  m->req[0] = m->req[1] = m->once[0] = m->once[1] = 0;
  m->simple = n <= 128;
  m->flat = n <= 96;
  for (size_t i = 0; i < n; i++) {
    if (r[i].min > 1)
      m->simple = false;
    if (r[i].max > 1)
      m->flat = false;
    if (r[i].min && i < 128)
      m->req[i >> 6] |= (uint64_t)1 << (i & 63);
    if (r[i].max == 1 && i < 128)
      m->once[i >> 6] |= (uint64_t)1 << (i & 63);
  }
  m->flat = m->flat && m->simple;
}

static void value_meta(struct wchg_dict_meta *m, const wchg_dict_avp *a) {
  switch (a->type) {
  case WCHG_AVP_INTEGER32: case WCHG_AVP_UNSIGNED32: case WCHG_AVP_FLOAT32:
  case WCHG_AVP_TIME:
    m->kind = WCHG_DK_FIXED4;
    break;
  case WCHG_AVP_INTEGER64: case WCHG_AVP_UNSIGNED64: case WCHG_AVP_FLOAT64:
    m->kind = WCHG_DK_FIXED8;
    break;
  case WCHG_AVP_ENUMERATED:
    m->kind = !a->n_enums ? WCHG_DK_FIXED4 : m->dense ? WCHG_DK_ENUM_DENSE : WCHG_DK_ENUM;
    break;
  case WCHG_AVP_ADDRESS:
    m->kind = WCHG_DK_ADDRESS;
    break;
  case WCHG_AVP_UTF8STRING:
    m->kind = WCHG_DK_UTF8;
    break;
  case WCHG_AVP_GROUPED:
    m->kind = WCHG_DK_GROUP;
    break;
  default:
    m->kind = WCHG_DK_ANY;
    break;
  }
  /* V as the vendor says; M as the rule says unless MAY; P and the five
   * reserved bits clear */
  m->fmask = (uint8_t)(a->m_rule == WCHG_RULE_MAY ? 0xBF : 0xFF);
  m->fval = (uint8_t)((a->vendor ? WCHG_AVP_FLAG_V : 0) |
                      (a->m_rule == WCHG_RULE_MUST ? WCHG_AVP_FLAG_M : 0));
}

static void enum_meta(struct wchg_dict_meta *m, const wchg_dict_avp *a) {
  m->dense = false;
  m->lo = m->hi = 0;
  if (!a->n_enums)
    return;
  int64_t lo = a->enums[0].value, hi = lo;
  for (size_t i = 1; i < a->n_enums; i++) {
    if (a->enums[i].value < lo)
      lo = a->enums[i].value;
    if (a->enums[i].value > hi)
      hi = a->enums[i].value;
  }
  if (hi - lo + 1 != (int64_t)a->n_enums)
    return;
  /* n values in a range of n: dense iff no value repeats */
  for (size_t i = 0; i < a->n_enums; i++)
    for (size_t j = i + 1; j < a->n_enums; j++)
      if (a->enums[i].value == a->enums[j].value)
        return;
  m->lo = (int32_t)lo;
  m->hi = (int32_t)hi;
  m->dense = true;
}

size_t wchg_dict_meta_count(void) { return N_AVPS + N_COMMANDS; }

void wchg_dict_meta_derive(struct wchg_dict_meta *out) {
  for (size_t i = 0; i < N_AVPS; i++) {
    memset(&out[i], 0, sizeof out[i]);
    rules_meta(&out[i], wchg_dict_table[i].children, wchg_dict_table[i].n_children);
    enum_meta(&out[i], &wchg_dict_table[i]);
    value_meta(&out[i], &wchg_dict_table[i]);
  }
  for (size_t i = 0; i < N_COMMANDS; i++) {
    memset(&out[N_AVPS + i], 0, sizeof out[N_AVPS + i]);
    rules_meta(&out[N_AVPS + i], commands[i].avps, commands[i].n_avps);
  }
}

static const union meta_slot slots[N_AVPS + N_COMMANDS] = {
#ifndef WCHG_DICT_META_BOOTSTRAP
#include "dict_meta.inc"
#endif
};

const struct wchg_dict_meta *wchg_dict_meta_table(const wchg_dict_avp **base) {
  *base = wchg_dict_table;
  return &slots[0].m;
}

const struct wchg_dict_meta *wchg_dict_command_meta(const struct wchg_dict_meta *table,
                                                    const wchg_dict_command *cmd) {
  (void)table; /* the one table */
  return &slots[N_AVPS + (size_t)(cmd - commands)].m;
}
