/*
 * dict_table.h (private): the rows of the Diameter dictionary, as the
 * X-macro list DICT, one row per AVP in (vendor, code) order:
 *
 *   X(code, vendor, M rule, ID, "Name", type, extras)
 *
 * and the constants every expansion needs: C_<ID> (code), V_<ID>
 * (vendor) and I_<ID>, the AVP's position in the table. dict.c expands
 * the list into the table (wchg_dict_table, internal.h) and its ABNF
 * rules; an encoder (rf.c) takes its entries as &wchg_dict_table[I_<ID>],
 * fixed at compile time, with no search and no state. The extras column
 * (PLAIN, ENUM(), KIDS(), KIDS_EXT(), EXT) names the enumerations and
 * child rules of dict.c; only dict.c expands it.
 *
 * Sources and conflicts: see the top of dict.c.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_DICT_TABLE_H
#define WCHG_DICT_TABLE_H

#define IETF 0u        /* RFC AVPs: no Vendor-ID */
#define TGPP 10415u    /* 3GPP */
#define ONEM2M 45687u  /* oneM2M (TS-0004) */

/* clang-format off */
#define DICT(X) \
/* ---- RFC 6733 base protocol and accounting (M must, V must not) ------ */ \
X(   1, IETF, MUST,    USER_NAME,                "User-Name",                UTF8STRING,       PLAIN) \
/* RFC 7155 (NASREQ); carried in Final-Unit-Indication (RFC 4006 §8.34) */ \
X(  11, IETF, MUST,    FILTER_ID,                "Filter-Id",                UTF8STRING,       PLAIN) \
X(  25, IETF, MUST,    CLASS,                    "Class",                    OCTETSTRING,      PLAIN) \
X(  33, IETF, MUST,    PROXY_STATE,              "Proxy-State",              OCTETSTRING,      PLAIN) \
X(  44, IETF, MUST,    ACCT_SESSION_ID,          "Acct-Session-Id",          OCTETSTRING,      PLAIN) \
X(  50, IETF, MUST,    ACCT_MULTI_SESSION_ID,    "Acct-Multi-Session-Id",    UTF8STRING,       PLAIN) \
X(  55, IETF, MUST,    EVENT_TIMESTAMP,          "Event-Timestamp",          TIME,             PLAIN) \
X(  85, IETF, MUST,    ACCT_INTERIM_INTERVAL,    "Acct-Interim-Interval",    UNSIGNED32,       PLAIN) \
X( 258, IETF, MUST,    AUTH_APPLICATION_ID,      "Auth-Application-Id",      UNSIGNED32,       PLAIN) \
X( 259, IETF, MUST,    ACCT_APPLICATION_ID,      "Acct-Application-Id",      UNSIGNED32,       PLAIN) \
X( 260, IETF, MUST,    VENDOR_SPECIFIC_APPLICATION_ID, "Vendor-Specific-Application-Id", GROUPED, KIDS(g_vendor_specific_application_id)) \
X( 261, IETF, MUST,    REDIRECT_HOST_USAGE,      "Redirect-Host-Usage",      ENUMERATED,       ENUM(e_redirect_host_usage)) \
X( 262, IETF, MUST,    REDIRECT_MAX_CACHE_TIME,  "Redirect-Max-Cache-Time",  UNSIGNED32,       PLAIN) \
X( 263, IETF, MUST,    SESSION_ID,               "Session-Id",               UTF8STRING,       PLAIN) \
X( 264, IETF, MUST,    ORIGIN_HOST,              "Origin-Host",              DIAMETERIDENTITY, PLAIN) \
X( 266, IETF, MUST,    VENDOR_ID,                "Vendor-Id",                UNSIGNED32,       PLAIN) \
X( 268, IETF, MUST,    RESULT_CODE,              "Result-Code",              UNSIGNED32,       PLAIN) \
X( 278, IETF, MUST,    ORIGIN_STATE_ID,          "Origin-State-Id",          UNSIGNED32,       PLAIN) \
/* Failed-AVP ::= 1* {AVP}: any AVP, described by the offending ones */ \
X( 279, IETF, MUST,    FAILED_AVP,               "Failed-AVP",               GROUPED,          EXT) \
X( 280, IETF, MUST,    PROXY_HOST,               "Proxy-Host",               DIAMETERIDENTITY, PLAIN) \
X( 281, IETF, MUSTNOT, ERROR_MESSAGE,            "Error-Message",            UTF8STRING,       PLAIN) \
X( 282, IETF, MUST,    ROUTE_RECORD,             "Route-Record",             DIAMETERIDENTITY, PLAIN) \
X( 283, IETF, MUST,    DESTINATION_REALM,        "Destination-Realm",        DIAMETERIDENTITY, PLAIN) \
X( 284, IETF, MUST,    PROXY_INFO,               "Proxy-Info",               GROUPED,          KIDS_EXT(g_proxy_info)) \
X( 287, IETF, MUST,    ACCOUNTING_SUB_SESSION_ID, "Accounting-Sub-Session-Id", UNSIGNED64,     PLAIN) \
X( 292, IETF, MUST,    REDIRECT_HOST,            "Redirect-Host",            DIAMETERURI,      PLAIN) \
X( 293, IETF, MUST,    DESTINATION_HOST,         "Destination-Host",         DIAMETERIDENTITY, PLAIN) \
X( 294, IETF, MUSTNOT, ERROR_REPORTING_HOST,     "Error-Reporting-Host",     DIAMETERIDENTITY, PLAIN) \
X( 295, IETF, MUST,    TERMINATION_CAUSE,        "Termination-Cause",        ENUMERATED,       ENUM(e_termination_cause)) \
X( 296, IETF, MUST,    ORIGIN_REALM,             "Origin-Realm",             DIAMETERIDENTITY, PLAIN) \
X( 297, IETF, MUST,    EXPERIMENTAL_RESULT,      "Experimental-Result",      GROUPED,          KIDS(g_experimental_result)) \
X( 298, IETF, MUST,    EXPERIMENTAL_RESULT_CODE, "Experimental-Result-Code", UNSIGNED32,       PLAIN) \
/* ---- RFC 4006 credit control, §8 (M must, V must not) ---------------- */ \
X( 411, IETF, MUST,    CC_CORRELATION_ID,        "CC-Correlation-Id",        OCTETSTRING,      PLAIN) \
X( 412, IETF, MUST,    CC_INPUT_OCTETS,          "CC-Input-Octets",          UNSIGNED64,       PLAIN) \
X( 413, IETF, MUST,    CC_MONEY,                 "CC-Money",                 GROUPED,          KIDS(g_cc_money)) \
X( 414, IETF, MUST,    CC_OUTPUT_OCTETS,         "CC-Output-Octets",         UNSIGNED64,       PLAIN) \
X( 415, IETF, MUST,    CC_REQUEST_NUMBER,        "CC-Request-Number",        UNSIGNED32,       PLAIN) \
X( 416, IETF, MUST,    CC_REQUEST_TYPE,          "CC-Request-Type",          ENUMERATED,       ENUM(e_cc_request_type)) \
X( 417, IETF, MUST,    CC_SERVICE_SPECIFIC_UNITS, "CC-Service-Specific-Units", UNSIGNED64,     PLAIN) \
X( 418, IETF, MUST,    CC_SESSION_FAILOVER,      "CC-Session-Failover",      ENUMERATED,       ENUM(e_cc_session_failover)) \
X( 420, IETF, MUST,    CC_TIME,                  "CC-Time",                  UNSIGNED32,       PLAIN) \
X( 421, IETF, MUST,    CC_TOTAL_OCTETS,          "CC-Total-Octets",          UNSIGNED64,       PLAIN) \
X( 422, IETF, MUST,    CHECK_BALANCE_RESULT,     "Check-Balance-Result",     ENUMERATED,       ENUM(e_check_balance_result)) \
X( 423, IETF, MUST,    COST_INFORMATION,         "Cost-Information",         GROUPED,          KIDS(g_cost_information)) \
X( 424, IETF, MUST,    COST_UNIT,                "Cost-Unit",                UTF8STRING,       PLAIN) \
X( 425, IETF, MUST,    CURRENCY_CODE,            "Currency-Code",            UNSIGNED32,       PLAIN) \
X( 427, IETF, MUST,    CREDIT_CONTROL_FAILURE_HANDLING, "Credit-Control-Failure-Handling", ENUMERATED, ENUM(e_credit_control_failure_handling)) \
X( 428, IETF, MUST,    DIRECT_DEBITING_FAILURE_HANDLING, "Direct-Debiting-Failure-Handling", ENUMERATED, ENUM(e_direct_debiting_failure_handling)) \
X( 429, IETF, MUST,    EXPONENT,                 "Exponent",                 INTEGER32,        PLAIN) \
X( 430, IETF, MUST,    FINAL_UNIT_INDICATION,    "Final-Unit-Indication",    GROUPED,          KIDS(g_final_unit_indication)) \
X( 431, IETF, MUST,    GRANTED_SERVICE_UNIT,     "Granted-Service-Unit",     GROUPED,          KIDS_EXT(g_granted_service_unit)) \
X( 432, IETF, MUST,    RATING_GROUP,             "Rating-Group",             UNSIGNED32,       PLAIN) \
X( 433, IETF, MUST,    REDIRECT_ADDRESS_TYPE,    "Redirect-Address-Type",    ENUMERATED,       ENUM(e_redirect_address_type)) \
X( 434, IETF, MUST,    REDIRECT_SERVER,          "Redirect-Server",          GROUPED,          KIDS(g_redirect_server)) \
X( 435, IETF, MUST,    REDIRECT_SERVER_ADDRESS,  "Redirect-Server-Address",  UTF8STRING,       PLAIN) \
X( 436, IETF, MUST,    REQUESTED_ACTION,         "Requested-Action",         ENUMERATED,       ENUM(e_requested_action)) \
X( 437, IETF, MUST,    REQUESTED_SERVICE_UNIT,   "Requested-Service-Unit",   GROUPED,          KIDS_EXT(g_requested_service_unit)) \
/* IPFilterRule (RFC 6733 §4.3.1) is an OctetString on the wire; dict.h has no type of its own for it */ \
X( 438, IETF, MUST,    RESTRICTION_FILTER_RULE,  "Restriction-Filter-Rule",  OCTETSTRING,      PLAIN) \
X( 439, IETF, MUST,    SERVICE_IDENTIFIER,       "Service-Identifier",       UNSIGNED32,       PLAIN) \
X( 443, IETF, MUST,    SUBSCRIPTION_ID,          "Subscription-Id",          GROUPED,          KIDS(g_subscription_id)) \
X( 444, IETF, MUST,    SUBSCRIPTION_ID_DATA,     "Subscription-Id-Data",     UTF8STRING,       PLAIN) \
X( 445, IETF, MUST,    UNIT_VALUE,               "Unit-Value",               GROUPED,          KIDS(g_unit_value)) \
X( 446, IETF, MUST,    USED_SERVICE_UNIT,        "Used-Service-Unit",        GROUPED,          KIDS_EXT(g_used_service_unit)) \
X( 447, IETF, MUST,    VALUE_DIGITS,             "Value-Digits",             INTEGER64,        PLAIN) \
X( 448, IETF, MUST,    VALIDITY_TIME,            "Validity-Time",            UNSIGNED32,       PLAIN) \
X( 449, IETF, MUST,    FINAL_UNIT_ACTION,        "Final-Unit-Action",        ENUMERATED,       ENUM(e_final_unit_action)) \
X( 450, IETF, MUST,    SUBSCRIPTION_ID_TYPE,     "Subscription-Id-Type",     ENUMERATED,       ENUM(e_subscription_id_type)) \
X( 451, IETF, MUST,    TARIFF_TIME_CHANGE,       "Tariff-Time-Change",       TIME,             PLAIN) \
X( 452, IETF, MUST,    TARIFF_CHANGE_USAGE,      "Tariff-Change-Usage",      ENUMERATED,       ENUM(e_tariff_change_usage)) \
X( 453, IETF, MUST,    G_S_U_POOL_IDENTIFIER,    "G-S-U-Pool-Identifier",    UNSIGNED32,       PLAIN) \
X( 454, IETF, MUST,    CC_UNIT_TYPE,             "CC-Unit-Type",             ENUMERATED,       ENUM(e_cc_unit_type)) \
X( 455, IETF, MUST,    MULTIPLE_SERVICES_INDICATOR, "Multiple-Services-Indicator", ENUMERATED, ENUM(e_multiple_services_indicator)) \
X( 456, IETF, MUST,    MULTIPLE_SERVICES_CREDIT_CONTROL, "Multiple-Services-Credit-Control", GROUPED, KIDS_EXT(g_multiple_services_credit_control)) \
X( 457, IETF, MUST,    G_S_U_POOL_REFERENCE,     "G-S-U-Pool-Reference",     GROUPED,          KIDS(g_g_s_u_pool_reference)) \
/* User-Equipment-Info family: M may (RFC 4006 §12; facts §1 exceptions) */ \
X( 458, IETF, MAY,     USER_EQUIPMENT_INFO,      "User-Equipment-Info",      GROUPED,          KIDS(g_user_equipment_info)) \
X( 459, IETF, MAY,     USER_EQUIPMENT_INFO_TYPE, "User-Equipment-Info-Type", ENUMERATED,       ENUM(e_user_equipment_info_type)) \
X( 460, IETF, MAY,     USER_EQUIPMENT_INFO_VALUE, "User-Equipment-Info-Value", OCTETSTRING,    PLAIN) \
X( 461, IETF, MUST,    SERVICE_CONTEXT_ID,       "Service-Context-Id",       UTF8STRING,       PLAIN) \
/* RFC 6733 §9.8 accounting AVPs */ \
X( 480, IETF, MUST,    ACCOUNTING_RECORD_TYPE,   "Accounting-Record-Type",   ENUMERATED,       ENUM(e_accounting_record_type)) \
X( 485, IETF, MUST,    ACCOUNTING_RECORD_NUMBER, "Accounting-Record-Number", UNSIGNED32,       PLAIN) \
/* ---- RFC 7683 §7 overload control (M may) ------------------------------- */ \
X( 621, IETF, MAY,     OC_SUPPORTED_FEATURES,    "OC-Supported-Features",    GROUPED,          KIDS_EXT(g_oc_supported_features)) \
X( 622, IETF, MAY,     OC_FEATURE_VECTOR,        "OC-Feature-Vector",        UNSIGNED64,       PLAIN) \
X( 623, IETF, MAY,     OC_OLR,                   "OC-OLR",                   GROUPED,          KIDS_EXT(g_oc_olr)) \
X( 624, IETF, MAY,     OC_SEQUENCE_NUMBER,       "OC-Sequence-Number",       UNSIGNED64,       PLAIN) \
X( 625, IETF, MAY,     OC_VALIDITY_DURATION,     "OC-Validity-Duration",     UNSIGNED32,       PLAIN) \
X( 626, IETF, MAY,     OC_REPORT_TYPE,           "OC-Report-Type",           ENUMERATED,       ENUM(e_oc_report_type)) \
X( 627, IETF, MAY,     OC_REDUCTION_PERCENTAGE,  "OC-Reduction-Percentage",  UNSIGNED32,       PLAIN) \
/* ---- 3GPP, vendor 10415 (V must; M must unless marked) ------------------ */ \
/* TS 29.061 §16.4.7; Appendix A #14: 3GPP-Charging-Id is Unsigned32 (4 octets), not OctetString */ \
X(   2, TGPP, MUST,    TGPP_CHARGING_ID,         "3GPP-Charging-Id",         UNSIGNED32,       PLAIN) \
X(  21, TGPP, MUST,    TGPP_RAT_TYPE,            "3GPP-RAT-Type",            OCTETSTRING,      PLAIN) \
X(  22, TGPP, MUST,    TGPP_USER_LOCATION_INFO,  "3GPP-User-Location-Info",  OCTETSTRING,      PLAIN) \
X(  23, TGPP, MUST,    TGPP_MS_TIMEZONE,         "3GPP-MS-TimeZone",         OCTETSTRING,      PLAIN) \
/* TS 29.214 §5.3.4 */ \
X( 503, TGPP, MUST,    ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE, "Access-Network-Charging-Identifier-Value", OCTETSTRING, PLAIN) \
/* TS 29.229 Table 6.3.1 (Cx) */ \
X( 602, TGPP, MUST,    SERVER_NAME,              "Server-Name",              UTF8STRING,       PLAIN) \
X( 603, TGPP, MUST,    SERVER_CAPABILITIES,      "Server-Capabilities",      GROUPED,          KIDS_EXT(g_server_capabilities)) \
X( 604, TGPP, MUST,    MANDATORY_CAPABILITY,     "Mandatory-Capability",     UNSIGNED32,       PLAIN) \
X( 605, TGPP, MUST,    OPTIONAL_CAPABILITY,      "Optional-Capability",      UNSIGNED32,       PLAIN) \
X( 650, TGPP, MUSTNOT, SESSION_PRIORITY,         "Session-Priority",         ENUMERATED,       ENUM(e_session_priority)) \
/* Appendix A #13: 29.229 V15.2.0 (V must, M must not) over WS-dict (M must) */ \
X( 656, TGPP, MUSTNOT, ALLOWED_WAF_WWSF_IDENTITIES, "Allowed-WAF-WWSF-Identities", GROUPED,   KIDS_EXT(g_allowed_waf_wwsf_identities)) \
X( 657, TGPP, MUSTNOT, WEBRTC_AUTHENTICATION_FUNCTION_NAME, "WebRTC-Authentication-Function-Name", UTF8STRING, PLAIN) \
X( 658, TGPP, MUSTNOT, WEBRTC_WEB_SERVER_FUNCTION_NAME, "WebRTC-Web-Server-Function-Name", UTF8STRING, PLAIN) \
/* TS 32.299 Table 7.2.0.1 from here on. Appendix A #4/#5: M and V set (WS-dict's "M may"/V mustnot not followed) */ \
X( 823, TGPP, MUST,    EVENT_TYPE,               "Event-Type",               GROUPED,          KIDS(g_event_type)) \
/* Appendix A #12: "SIP-Method", not WS-dict's "3GPP-SIP-Method" (vendor 0 code 393 is another AVP) */ \
X( 824, TGPP, MUST,    SIP_METHOD,               "SIP-Method",               UTF8STRING,       PLAIN) \
X( 825, TGPP, MUST,    EVENT,                    "Event",                    UTF8STRING,       PLAIN) \
X( 826, TGPP, MUST,    CONTENT_TYPE,             "Content-Type",             UTF8STRING,       PLAIN) \
X( 827, TGPP, MUST,    CONTENT_LENGTH,           "Content-Length",           UNSIGNED32,       PLAIN) \
X( 828, TGPP, MUST,    CONTENT_DISPOSITION,      "Content-Disposition",      UTF8STRING,       PLAIN) \
X( 829, TGPP, MUST,    ROLE_OF_NODE,             "Role-Of-Node",             ENUMERATED,       ENUM(e_role_of_node)) \
X( 830, TGPP, MUST,    USER_SESSION_ID,          "User-Session-Id",          UTF8STRING,       PLAIN) \
X( 831, TGPP, MUST,    CALLING_PARTY_ADDRESS,    "Calling-Party-Address",    UTF8STRING,       PLAIN) \
X( 832, TGPP, MUST,    CALLED_PARTY_ADDRESS,     "Called-Party-Address",     UTF8STRING,       PLAIN) \
X( 833, TGPP, MUST,    TIME_STAMPS,              "Time-Stamps",              GROUPED,          KIDS(g_time_stamps)) \
X( 834, TGPP, MUST,    SIP_REQUEST_TIMESTAMP,    "SIP-Request-Timestamp",    TIME,             PLAIN) \
X( 835, TGPP, MUST,    SIP_RESPONSE_TIMESTAMP,   "SIP-Response-Timestamp",   TIME,             PLAIN) \
X( 836, TGPP, MUST,    APPLICATION_SERVER,       "Application-Server",       UTF8STRING,       PLAIN) \
X( 837, TGPP, MUST,    APPLICATION_PROVIDED_CALLED_PARTY_ADDRESS, "Application-Provided-Called-Party-Address", UTF8STRING, PLAIN) \
X( 838, TGPP, MUST,    INTER_OPERATOR_IDENTIFIER, "Inter-Operator-Identifier", GROUPED,        KIDS(g_inter_operator_identifier)) \
X( 839, TGPP, MUST,    ORIGINATING_IOI,          "Originating-IOI",          UTF8STRING,       PLAIN) \
X( 840, TGPP, MUST,    TERMINATING_IOI,          "Terminating-IOI",          UTF8STRING,       PLAIN) \
X( 841, TGPP, MUST,    IMS_CHARGING_IDENTIFIER,  "IMS-Charging-Identifier",  UTF8STRING,       PLAIN) \
X( 842, TGPP, MUST,    SDP_SESSION_DESCRIPTION,  "SDP-Session-Description",  UTF8STRING,       PLAIN) \
X( 843, TGPP, MUST,    SDP_MEDIA_COMPONENT,      "SDP-Media-Component",      GROUPED,          KIDS(g_sdp_media_component)) \
X( 844, TGPP, MUST,    SDP_MEDIA_NAME,           "SDP-Media-Name",           UTF8STRING,       PLAIN) \
X( 845, TGPP, MUST,    SDP_MEDIA_DESCRIPTION,    "SDP-Media-Description",    UTF8STRING,       PLAIN) \
X( 847, TGPP, MUST,    GGSN_ADDRESS,             "GGSN-Address",             ADDRESS,          PLAIN) \
X( 848, TGPP, MUST,    SERVED_PARTY_IP_ADDRESS,  "Served-Party-IP-Address",  ADDRESS,          PLAIN) \
X( 850, TGPP, MUST,    APPLICATION_SERVER_INFORMATION, "Application-Server-Information", GROUPED, KIDS(g_application_server_information)) \
/* Name as in the 32.299 IMS-Information ABNF (MOB-32299); Table 7.2.0.1 spells it "Trunk-Group-Id" */ \
X( 851, TGPP, MUST,    TRUNK_GROUP_ID,           "Trunk-Group-ID",           GROUPED,          KIDS(g_trunk_group_id)) \
X( 852, TGPP, MUST,    INCOMING_TRUNK_GROUP_ID,  "Incoming-Trunk-Group-ID",  UTF8STRING,       PLAIN) \
X( 853, TGPP, MUST,    OUTGOING_TRUNK_GROUP_ID,  "Outgoing-Trunk-Group-ID",  UTF8STRING,       PLAIN) \
X( 854, TGPP, MUST,    BEARER_SERVICE,           "Bearer-Service",           OCTETSTRING,      PLAIN) \
X( 855, TGPP, MUST,    SERVICE_ID,               "Service-Id",               UTF8STRING,       PLAIN) \
X( 856, TGPP, MUST,    ASSOCIATED_URI,           "Associated-URI",           UTF8STRING,       PLAIN) \
/* Appendix A #3/#10: Integer32 (negative 2xx/3xx), not WS-dict's Enumerated */ \
X( 861, TGPP, MUST,    CAUSE_CODE,               "Cause-Code",               INTEGER32,        PLAIN) \
X( 862, TGPP, MUST,    NODE_FUNCTIONALITY,       "Node-Functionality",       ENUMERATED,       ENUM(e_node_functionality)) \
X( 863, TGPP, MUST,    SERVICE_SPECIFIC_DATA,    "Service-Specific-Data",    UTF8STRING,       PLAIN) \
X( 864, TGPP, MUST,    ORIGINATOR,               "Originator",               ENUMERATED,       ENUM(e_originator)) \
X( 865, TGPP, MUST,    PS_FURNISH_CHARGING_INFORMATION, "PS-Furnish-Charging-Information", GROUPED, EXT) \
X( 868, TGPP, MUST,    TIME_QUOTA_THRESHOLD,     "Time-Quota-Threshold",     UNSIGNED32,       PLAIN) \
X( 869, TGPP, MUST,    VOLUME_QUOTA_THRESHOLD,   "Volume-Quota-Threshold",   UNSIGNED32,       PLAIN) \
X( 870, TGPP, MUST,    TRIGGER_TYPE,             "Trigger-Type",             ENUMERATED,       ENUM(e_trigger_type)) \
X( 871, TGPP, MUST,    QUOTA_HOLDING_TIME,       "Quota-Holding-Time",       UNSIGNED32,       PLAIN) \
/* Appendix A #11/#12: "Reporting-Reason" with value 9 (WS-dict: "3GPP-Reporting-Reason", 0..8) */ \
X( 872, TGPP, MUST,    REPORTING_REASON,         "Reporting-Reason",         ENUMERATED,       ENUM(e_reporting_reason)) \
X( 873, TGPP, MUST,    SERVICE_INFORMATION,      "Service-Information",      GROUPED,          KIDS(g_service_information)) \
X( 874, TGPP, MUST,    PS_INFORMATION,           "PS-Information",           GROUPED,          KIDS_EXT(g_ps_information)) \
X( 876, TGPP, MUST,    IMS_INFORMATION,          "IMS-Information",          GROUPED,          KIDS_EXT(g_ims_information)) \
X( 877, TGPP, MUST,    MMS_INFORMATION,          "MMS-Information",          GROUPED,          EXT) \
X( 878, TGPP, MUST,    LCS_INFORMATION,          "LCS-Information",          GROUPED,          EXT) \
X( 879, TGPP, MUST,    POC_INFORMATION,          "PoC-Information",          GROUPED,          EXT) \
X( 880, TGPP, MUST,    MBMS_INFORMATION,         "MBMS-Information",         GROUPED,          EXT) \
X( 881, TGPP, MUST,    QUOTA_CONSUMPTION_TIME,   "Quota-Consumption-Time",   UNSIGNED32,       PLAIN) \
X( 882, TGPP, MUST,    MEDIA_INITIATOR_FLAG,     "Media-Initiator-Flag",     ENUMERATED,       ENUM(e_media_initiator_flag)) \
X( 888, TGPP, MUST,    EXPIRES,                  "Expires",                  UNSIGNED32,       PLAIN) \
X( 889, TGPP, MUST,    MESSAGE_BODY,             "Message-Body",             GROUPED,          KIDS(g_message_body)) \
/* TS 29.212 §5.3.16 */ \
X(1016, TGPP, MUST,    QOS_INFORMATION,          "QoS-Information",          GROUPED,          EXT) \
X(1226, TGPP, MUST,    UNIT_QUOTA_THRESHOLD,     "Unit-Quota-Threshold",     UNSIGNED32,       PLAIN) \
X(1249, TGPP, MUST,    SERVICE_SPECIFIC_INFO,    "Service-Specific-Info",    GROUPED,          KIDS(g_service_specific_info)) \
X(1250, TGPP, MUST,    CALLED_ASSERTED_IDENTITY, "Called-Asserted-Identity", UTF8STRING,       PLAIN) \
X(1251, TGPP, MUST,    REQUESTED_PARTY_ADDRESS,  "Requested-Party-Address",  UTF8STRING,       PLAIN) \
/* OMA DDS Charging Data §8.5.10, 3GPP vendor id */ \
X(1256, TGPP, MUST,    SERVICE_GENERIC_INFORMATION, "Service-Generic-Information", GROUPED,   EXT) \
X(1257, TGPP, MUST,    SERVICE_SPECIFIC_TYPE,    "Service-Specific-Type",    UNSIGNED32,       PLAIN) \
X(1258, TGPP, MUST,    EVENT_CHARGING_TIMESTAMP, "Event-Charging-TimeStamp", TIME,             PLAIN) \
/* Appendix A #9: OctetString (32.299 V15.7+), not WS-dict's UTF8String */ \
X(1263, TGPP, MUST,    ACCESS_NETWORK_INFORMATION, "Access-Network-Information", OCTETSTRING, PLAIN) \
X(1264, TGPP, MUST,    TRIGGER,                  "Trigger",                  GROUPED,          KIDS(g_trigger)) \
X(1266, TGPP, MUST,    ENVELOPE,                 "Envelope",                 GROUPED,          EXT) \
X(1268, TGPP, MUST,    ENVELOPE_REPORTING,       "Envelope-Reporting",       ENUMERATED,       ENUM(e_envelope_reporting)) \
X(1270, TGPP, MUST,    TIME_QUOTA_MECHANISM,     "Time-Quota-Mechanism",     GROUPED,          EXT) \
X(1272, TGPP, MUST,    EARLY_MEDIA_DESCRIPTION,  "Early-Media-Description",  GROUPED,          KIDS(g_early_media_description)) \
X(1273, TGPP, MUST,    SDP_TIMESTAMPS,           "SDP-TimeStamps",           GROUPED,          KIDS(g_sdp_timestamps)) \
X(1274, TGPP, MUST,    SDP_OFFER_TIMESTAMP,      "SDP-Offer-Timestamp",      TIME,             PLAIN) \
X(1275, TGPP, MUST,    SDP_ANSWER_TIMESTAMP,     "SDP-Answer-Timestamp",     TIME,             PLAIN) \
X(1276, TGPP, MUST,    AF_CORRELATION_INFORMATION, "AF-Correlation-Information", GROUPED,     EXT) \
X(1280, TGPP, MUST,    ALTERNATE_CHARGED_PARTY_ADDRESS, "Alternate-Charged-Party-Address", UTF8STRING, PLAIN) \
X(1281, TGPP, MUST,    IMS_COMMUNICATION_SERVICE_IDENTIFIER, "IMS-Communication-Service-Identifier", UTF8STRING, PLAIN) \
X(1288, TGPP, MUST,    MEDIA_INITIATOR_PARTY,    "Media-Initiator-Party",    UTF8STRING,       PLAIN) \
X(2000, TGPP, MUST,    SMS_INFORMATION,          "SMS-Information",          GROUPED,          EXT) \
X(2020, TGPP, MUST,    LOW_BALANCE_INDICATION,   "Low-Balance-Indication",   ENUMERATED,       ENUM(e_low_balance_indication)) \
X(2021, TGPP, MUST,    REMAINING_BALANCE,        "Remaining-Balance",        GROUPED,          KIDS(g_remaining_balance)) \
X(2022, TGPP, MUST,    REFUND_INFORMATION,       "Refund-Information",       OCTETSTRING,      PLAIN) \
X(2023, TGPP, MUST,    CARRIER_SELECT_ROUTING_INFORMATION, "Carrier-Select-Routing-Information", UTF8STRING, PLAIN) \
X(2024, TGPP, MUST,    NUMBER_PORTABILITY_ROUTING_INFORMATION, "Number-Portability-Routing-Information", UTF8STRING, PLAIN) \
X(2030, TGPP, MUST,    MMTEL_INFORMATION,        "MMTel-Information",        GROUPED,          EXT) \
X(2036, TGPP, MUST,    SDP_TYPE,                 "SDP-Type",                 ENUMERATED,       ENUM(e_sdp_type)) \
X(2038, TGPP, MUST,    CHANGE_TIME,              "Change-Time",              TIME,             PLAIN) \
X(2054, TGPP, MUST,    AOC_INFORMATION,          "AoC-Information",          GROUPED,          EXT) \
X(2055, TGPP, MUST,    AOC_REQUEST_TYPE,         "AoC-Request-Type",         ENUMERATED,       ENUM(e_aoc_request_type)) \
X(2060, TGPP, MUST,    TARIFF_INFORMATION,       "Tariff-Information",       GROUPED,          EXT) \
/* OMA DDS Charging Data §8.5.6 / §8.5.5, 3GPP vendor id */ \
X(2110, TGPP, MUST,    IM_INFORMATION,           "IM-Information",           GROUPED,          EXT) \
X(2115, TGPP, MUST,    DCD_INFORMATION,          "DCD-Information",          GROUPED,          EXT) \
X(2301, TGPP, MUST,    SIP_REQUEST_TIMESTAMP_FRACTION, "SIP-Request-Timestamp-Fraction", UNSIGNED32, PLAIN) \
X(2302, TGPP, MUST,    SIP_RESPONSE_TIMESTAMP_FRACTION, "SIP-Response-Timestamp-Fraction", UNSIGNED32, PLAIN) \
X(2303, TGPP, MUST,    ONLINE_CHARGING_FLAG,     "Online-Charging-Flag",     ENUMERATED,       ENUM(e_online_charging_flag)) \
X(2305, TGPP, MUST,    REAL_TIME_TARIFF_INFORMATION, "Real-Time-Tariff-Information", GROUPED, KIDS(g_real_time_tariff_information)) \
X(2306, TGPP, MUST,    TARIFF_XML,               "Tariff-XML",               UTF8STRING,       PLAIN) \
X(2309, TGPP, MUST,    ACCOUNT_EXPIRATION,       "Account-Expiration",       TIME,             PLAIN) \
X(2320, TGPP, MUST,    OUTGOING_SESSION_ID,      "Outgoing-Session-Id",      UTF8STRING,       PLAIN) \
X(2321, TGPP, MUST,    INITIAL_IMS_CHARGING_IDENTIFIER, "Initial-IMS-Charging-Identifier", UTF8STRING, PLAIN) \
X(2322, TGPP, MUST,    IMS_EMERGENCY_INDICATOR,  "IMS-Emergency-Indicator",  ENUMERATED,       ENUM(e_ims_emergency_indicator)) \
X(2601, TGPP, MUST,    IMS_APPLICATION_REFERENCE_IDENTIFIER, "IMS-Application-Reference-Identifier", UTF8STRING, PLAIN) \
/* Appendix A #12: the 2603..2605 names end in "-Indication" (WS-dict: "-Indicator") */ \
X(2603, TGPP, MUST,    IP_REALM_DEFAULT_INDICATION, "IP-Realm-Default-Indication", ENUMERATED, ENUM(e_ip_realm_default_indication)) \
X(2604, TGPP, MUST,    LOCAL_GW_INSERTED_INDICATION, "Local-GW-Inserted-Indication", ENUMERATED, ENUM(e_local_gw_inserted_indication)) \
X(2605, TGPP, MUST,    TRANSCODER_INSERTED_INDICATION, "Transcoder-Inserted-Indication", ENUMERATED, ENUM(e_transcoder_inserted_indication)) \
X(2701, TGPP, MUST,    TRANSIT_IOI_LIST,         "Transit-IOI-List",         UTF8STRING,       PLAIN) \
X(2702, TGPP, MUST,    STATUS_AS_CODE,           "Status-AS-Code",           ENUMERATED,       ENUM(e_status_as_code)) \
X(2703, TGPP, MUST,    NNI_INFORMATION,          "NNI-Information",          GROUPED,          KIDS(g_nni_information)) \
X(2704, TGPP, MUST,    NNI_TYPE,                 "NNI-Type",                 ENUMERATED,       ENUM(e_nni_type)) \
X(2705, TGPP, MUST,    NEIGHBOUR_NODE_ADDRESS,   "Neighbour-Node-Address",   ADDRESS,          PLAIN) \
X(2706, TGPP, MUST,    RELATIONSHIP_MODE,        "Relationship-Mode",        ENUMERATED,       ENUM(e_relationship_mode)) \
X(2707, TGPP, MUST,    SESSION_DIRECTION,        "Session-Direction",        ENUMERATED,       ENUM(e_session_direction)) \
/* Appendix A #8: UTF8String, not WS-dict's IPAddress */ \
X(2708, TGPP, MUST,    FROM_ADDRESS,             "From-Address",             UTF8STRING,       PLAIN) \
X(2709, TGPP, MUST,    ACCESS_TRANSFER_INFORMATION, "Access-Transfer-Information", GROUPED,   KIDS(g_access_transfer_information)) \
X(2710, TGPP, MUST,    ACCESS_TRANSFER_TYPE,     "Access-Transfer-Type",     ENUMERATED,       ENUM(e_access_transfer_type)) \
X(2711, TGPP, MUST,    RELATED_IMS_CHARGING_IDENTIFIER, "Related-IMS-Charging-Identifier", UTF8STRING, PLAIN) \
X(2712, TGPP, MUST,    RELATED_IMS_CHARGING_IDENTIFIER_NODE, "Related-IMS-Charging-Identifier-Node", ADDRESS, PLAIN) \
X(2713, TGPP, MUST,    IMS_VISITED_NETWORK_IDENTIFIER, "IMS-Visited-Network-Identifier", UTF8STRING, PLAIN) \
X(2717, TGPP, MUST,    TAD_IDENTIFIER,           "TAD-Identifier",           ENUMERATED,       ENUM(e_tad_identifier)) \
X(3401, TGPP, MUST,    REASON_HEADER,            "Reason-Header",            UTF8STRING,       PLAIN) \
X(3402, TGPP, MUST,    INSTANCE_ID,              "Instance-Id",              UTF8STRING,       PLAIN) \
X(3403, TGPP, MUST,    ROUTE_HEADER_RECEIVED,    "Route-Header-Received",    UTF8STRING,       PLAIN) \
X(3404, TGPP, MUST,    ROUTE_HEADER_TRANSMITTED, "Route-Header-Transmitted", UTF8STRING,       PLAIN) \
X(3410, TGPP, MUST,    VCS_INFORMATION,          "VCS-Information",          GROUPED,          EXT) \
X(3447, TGPP, MUST,    PROSE_INFORMATION,        "ProSe-Information",        GROUPED,          EXT) \
X(3902, TGPP, MUST,    INTER_UE_TRANSFER,        "Inter-UE-Transfer",        ENUMERATED,       ENUM(e_inter_ue_transfer)) \
X(3904, TGPP, MUST,    ANNOUNCEMENT_INFORMATION, "Announcement-Information", GROUPED,          EXT) \
X(3916, TGPP, MUST,    CALLED_IDENTITY,          "Called-Identity",          UTF8STRING,       PLAIN) \
X(3917, TGPP, MUST,    CALLED_IDENTITY_CHANGE,   "Called-Identity-Change",   GROUPED,          KIDS(g_called_identity_change)) \
/* Appendix A #12: WS-dict's name has a trailing space; ours does not */ \
X(3924, TGPP, MUST,    CELLULAR_NETWORK_INFORMATION, "Cellular-Network-Information", OCTETSTRING, PLAIN) \
X(3926, TGPP, MUST,    RELATED_TRIGGER,          "Related-Trigger",          GROUPED,          EXT) \
X(3927, TGPP, MUST,    CPDT_INFORMATION,         "CPDT-Information",         GROUPED,          EXT) \
X(4401, TGPP, MUST,    ACCESS_NETWORK_INFO_CHANGE, "Access-Network-Info-Change", GROUPED,     KIDS(g_access_network_info_change)) \
X(4413, TGPP, MUST,    FE_IDENTIFIER_LIST,       "FE-Identifier-List",       UTF8STRING,       PLAIN) \
/* ---- oneM2M, vendor 45687 ------------------------------------------------ */ \
/* oneM2M TS-0004 (a Service-Information child); its M rule is not in our sources: M may */ \
X(1011, ONEM2M, MAY,   M2M_INFORMATION,          "M2M-Information",          GROUPED,          EXT)
/* clang-format on */

/* Code and vendor of every AVP by identifier: C_SESSION_ID, V_SESSION_ID. */
#define CODE_OF(c, v, m, id, nm, t, x) C_##id = (c),
#define VENDOR_OF(c, v, m, id, nm, t, x) V_##id = (v),
enum dict_code { DICT(CODE_OF) };
enum dict_vendor { DICT(VENDOR_OF) };
/* Position of every AVP in the table: I_SESSION_ID. */
#define INDEX_OF(c, v, m, id, nm, t, x) I_##id,
enum dict_index { DICT(INDEX_OF) N_INDEX };

#endif
