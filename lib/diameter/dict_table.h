/*
 * dict_table.h (private): the rows of the Diameter dictionary, as the
 * X-macro list DICT, one row per AVP in (vendor, code) order:
 *
 *   X(code, vendor, M rule, ID, "Name", type, extras)
 *
 * and the constants every expansion needs: C_<ID> (code), V_<ID>
 * (vendor) and I_<ID>, the AVP's position in the table. dict.c expands
 * the list into the table (wchgi_dict_table, internal.h) and its ABNF
 * rules; the encoder (avp_build.h) takes its entries as &wchgi_dict_table[I_<ID>],
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

#include <stdbool.h>
#include <stddef.h>

#include "base/internal.h"

#define IETF 0u        /* RFC AVPs: no Vendor-ID */
#define TGPP2 5535u    /* 3GPP2 */
#define TGPP 10415u    /* 3GPP */
#define ETSI 13019u    /* ETSI */
#define ONEM2M 45687u  /* oneM2M (TS-0004) */

/* clang-format off */
#define DICT(X) \
/* ---- RFC 6733 base protocol and accounting (M must, V must not) ------ */ \
X(   1, IETF, MUST,    USER_NAME,                "User-Name",                UTF8STRING,       PLAIN) \
/* RFC 7155 (NASREQ); carried in Final-Unit-Indication (RFC 4006 §8.34) */ \
X(  11, IETF, MUST,    FILTER_ID,                "Filter-Id",                UTF8STRING,       PLAIN) \
X(  25, IETF, MUST,    CLASS,                    "Class",                    OCTETSTRING,      PLAIN) \
X(  27, IETF, MUST,    SESSION_TIMEOUT,          "Session-Timeout",          UNSIGNED32,       PLAIN) \
/* RFC 7155 §4.2.2 (NASREQ); a PS-Information child (TS 32.299 §7.2.158) */ \
X(  30, IETF, MUST,    CALLED_STATION_ID,        "Called-Station-Id",        UTF8STRING,       PLAIN) \
X(  33, IETF, MUST,    PROXY_STATE,              "Proxy-State",              OCTETSTRING,      PLAIN) \
X(  44, IETF, MUST,    ACCT_SESSION_ID,          "Acct-Session-Id",          OCTETSTRING,      PLAIN) \
X(  50, IETF, MUST,    ACCT_MULTI_SESSION_ID,    "Acct-Multi-Session-Id",    UTF8STRING,       PLAIN) \
X(  55, IETF, MUST,    EVENT_TIMESTAMP,          "Event-Timestamp",          TIME,             PLAIN) \
X(  85, IETF, MUST,    ACCT_INTERIM_INTERVAL,    "Acct-Interim-Interval",    UNSIGNED32,       PLAIN) \
X( 257, IETF, MUST,    HOST_IP_ADDRESS,          "Host-IP-Address",          ADDRESS,          PLAIN) \
X( 258, IETF, MUST,    AUTH_APPLICATION_ID,      "Auth-Application-Id",      UNSIGNED32,       PLAIN) \
X( 259, IETF, MUST,    ACCT_APPLICATION_ID,      "Acct-Application-Id",      UNSIGNED32,       PLAIN) \
X( 260, IETF, MUST,    VENDOR_SPECIFIC_APPLICATION_ID, "Vendor-Specific-Application-Id", GROUPED, KIDS(g_vendor_specific_application_id)) \
X( 261, IETF, MUST,    REDIRECT_HOST_USAGE,      "Redirect-Host-Usage",      ENUMERATED,       ENUM(e_redirect_host_usage)) \
X( 262, IETF, MUST,    REDIRECT_MAX_CACHE_TIME,  "Redirect-Max-Cache-Time",  UNSIGNED32,       PLAIN) \
X( 263, IETF, MUST,    SESSION_ID,               "Session-Id",               UTF8STRING,       PLAIN) \
X( 264, IETF, MUST,    ORIGIN_HOST,              "Origin-Host",              DIAMETERIDENTITY, PLAIN) \
X( 265, IETF, MUST,    SUPPORTED_VENDOR_ID,      "Supported-Vendor-Id",      UNSIGNED32,       PLAIN) \
X( 266, IETF, MUST,    VENDOR_ID,                "Vendor-Id",                UNSIGNED32,       PLAIN) \
X( 267, IETF, MUSTNOT, FIRMWARE_REVISION,        "Firmware-Revision",        UNSIGNED32,       PLAIN) \
X( 268, IETF, MUST,    RESULT_CODE,              "Result-Code",              UNSIGNED32,       PLAIN) \
X( 269, IETF, MUSTNOT, PRODUCT_NAME,             "Product-Name",             UTF8STRING,       PLAIN) \
X( 270, IETF, MUST,    SESSION_BINDING,          "Session-Binding",          UNSIGNED32,       PLAIN) \
X( 271, IETF, MUST,    SESSION_SERVER_FAILOVER,  "Session-Server-Failover",  ENUMERATED,       ENUM(e_session_server_failover)) \
X( 272, IETF, MUST,    MULTI_ROUND_TIME_OUT,     "Multi-Round-Time-Out",     UNSIGNED32,       PLAIN) \
X( 273, IETF, MUST,    DISCONNECT_CAUSE,         "Disconnect-Cause",         ENUMERATED,       ENUM(e_disconnect_cause)) \
X( 274, IETF, MUST,    AUTH_REQUEST_TYPE,        "Auth-Request-Type",        ENUMERATED,       ENUM(e_auth_request_type)) \
X( 276, IETF, MUST,    AUTH_GRACE_PERIOD,        "Auth-Grace-Period",        UNSIGNED32,       PLAIN) \
X( 277, IETF, MUST,    AUTH_SESSION_STATE,       "Auth-Session-State",       ENUMERATED,       ENUM(e_auth_session_state)) \
X( 278, IETF, MUST,    ORIGIN_STATE_ID,          "Origin-State-Id",          UNSIGNED32,       PLAIN) \
/* Failed-AVP ::= 1* {AVP}: any AVP, described by the offending ones */ \
X( 279, IETF, MUST,    FAILED_AVP,               "Failed-AVP",               GROUPED,          EXT) \
X( 280, IETF, MUST,    PROXY_HOST,               "Proxy-Host",               DIAMETERIDENTITY, PLAIN) \
X( 281, IETF, MUSTNOT, ERROR_MESSAGE,            "Error-Message",            UTF8STRING,       PLAIN) \
X( 282, IETF, MUST,    ROUTE_RECORD,             "Route-Record",             DIAMETERIDENTITY, PLAIN) \
X( 283, IETF, MUST,    DESTINATION_REALM,        "Destination-Realm",        DIAMETERIDENTITY, PLAIN) \
X( 284, IETF, MUST,    PROXY_INFO,               "Proxy-Info",               GROUPED,          KIDS_EXT(g_proxy_info)) \
X( 285, IETF, MUST,    RE_AUTH_REQUEST_TYPE,     "Re-Auth-Request-Type",     ENUMERATED,       ENUM(e_re_auth_request_type)) \
X( 287, IETF, MUST,    ACCOUNTING_SUB_SESSION_ID, "Accounting-Sub-Session-Id", UNSIGNED64,     PLAIN) \
X( 291, IETF, MUST,    AUTHORIZATION_LIFETIME,   "Authorization-Lifetime",   UNSIGNED32,       PLAIN) \
X( 292, IETF, MUST,    REDIRECT_HOST,            "Redirect-Host",            DIAMETERURI,      PLAIN) \
X( 293, IETF, MUST,    DESTINATION_HOST,         "Destination-Host",         DIAMETERIDENTITY, PLAIN) \
X( 294, IETF, MUSTNOT, ERROR_REPORTING_HOST,     "Error-Reporting-Host",     DIAMETERIDENTITY, PLAIN) \
X( 295, IETF, MUST,    TERMINATION_CAUSE,        "Termination-Cause",        ENUMERATED,       ENUM(e_termination_cause)) \
X( 296, IETF, MUST,    ORIGIN_REALM,             "Origin-Realm",             DIAMETERIDENTITY, PLAIN) \
X( 297, IETF, MUST,    EXPERIMENTAL_RESULT,      "Experimental-Result",      GROUPED,          KIDS(g_experimental_result)) \
X( 298, IETF, MUST,    EXPERIMENTAL_RESULT_CODE, "Experimental-Result-Code", UNSIGNED32,       PLAIN) \
X( 299, IETF, MUST,    INBAND_SECURITY_ID,       "Inband-Security-Id",       UNSIGNED32,       PLAIN) \
/* RFC 7155 §4.4 (NASREQ) volume counters; in TS 32.299 PS containers */ \
X( 363, IETF, MUST,    ACCOUNTING_INPUT_OCTETS,  "Accounting-Input-Octets",  UNSIGNED64,       PLAIN) \
X( 364, IETF, MUST,    ACCOUNTING_OUTPUT_OCTETS, "Accounting-Output-Octets", UNSIGNED64,       PLAIN) \
/* ---- RFC 4006 credit control, §8 (M must, V must not) ---------------- */ \
X( 411, IETF, MUST,    CC_CORRELATION_ID,        "CC-Correlation-Id",        OCTETSTRING,      PLAIN) \
X( 412, IETF, MUST,    CC_INPUT_OCTETS,          "CC-Input-Octets",          UNSIGNED64,       PLAIN) \
X( 413, IETF, MUST,    CC_MONEY,                 "CC-Money",                 GROUPED,          KIDS(g_cc_money)) \
X( 414, IETF, MUST,    CC_OUTPUT_OCTETS,         "CC-Output-Octets",         UNSIGNED64,       PLAIN) \
X( 415, IETF, MUST,    CC_REQUEST_NUMBER,        "CC-Request-Number",        UNSIGNED32,       PLAIN) \
X( 416, IETF, MUST,    CC_REQUEST_TYPE,          "CC-Request-Type",          ENUMERATED,       ENUM(e_cc_request_type)) \
X( 417, IETF, MUST,    CC_SERVICE_SPECIFIC_UNITS, "CC-Service-Specific-Units", UNSIGNED64,     PLAIN) \
X( 418, IETF, MUST,    CC_SESSION_FAILOVER,      "CC-Session-Failover",      ENUMERATED,       ENUM(e_cc_session_failover)) \
X( 419, IETF, MUST,    CC_SUB_SESSION_ID,        "CC-Sub-Session-Id",        UNSIGNED64,       PLAIN) \
X( 420, IETF, MUST,    CC_TIME,                  "CC-Time",                  UNSIGNED32,       PLAIN) \
X( 421, IETF, MUST,    CC_TOTAL_OCTETS,          "CC-Total-Octets",          UNSIGNED64,       PLAIN) \
X( 422, IETF, MUST,    CHECK_BALANCE_RESULT,     "Check-Balance-Result",     ENUMERATED,       ENUM(e_check_balance_result)) \
X( 423, IETF, MUST,    COST_INFORMATION,         "Cost-Information",         GROUPED,          KIDS(g_cost_information)) \
X( 424, IETF, MUST,    COST_UNIT,                "Cost-Unit",                UTF8STRING,       PLAIN) \
X( 425, IETF, MUST,    CURRENCY_CODE,            "Currency-Code",            UNSIGNED32,       PLAIN) \
X( 426, IETF, MUST,    CREDIT_CONTROL,           "Credit-Control",           ENUMERATED,       ENUM(e_credit_control)) \
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
/* Service-Parameter-* family: M may (RFC 4006 §12, as WS-dict; freeDiameter says must) */ \
X( 440, IETF, MAY,     SERVICE_PARAMETER_INFO,   "Service-Parameter-Info",   GROUPED,          KIDS(g_service_parameter_info)) \
X( 441, IETF, MAY,     SERVICE_PARAMETER_TYPE,   "Service-Parameter-Type",   UNSIGNED32,       PLAIN) \
X( 442, IETF, MAY,     SERVICE_PARAMETER_VALUE,  "Service-Parameter-Value",  OCTETSTRING,      PLAIN) \
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
/* User-Equipment-Info family: M may (RFC 4006 §12) */ \
X( 458, IETF, MAY,     USER_EQUIPMENT_INFO,      "User-Equipment-Info",      GROUPED,          KIDS(g_user_equipment_info)) \
X( 459, IETF, MAY,     USER_EQUIPMENT_INFO_TYPE, "User-Equipment-Info-Type", ENUMERATED,       ENUM(e_user_equipment_info_type)) \
X( 460, IETF, MAY,     USER_EQUIPMENT_INFO_VALUE, "User-Equipment-Info-Value", OCTETSTRING,    PLAIN) \
X( 461, IETF, MUST,    SERVICE_CONTEXT_ID,       "Service-Context-Id",       UTF8STRING,       PLAIN) \
/* RFC 6733 §9.8 accounting AVPs */ \
X( 480, IETF, MUST,    ACCOUNTING_RECORD_TYPE,   "Accounting-Record-Type",   ENUMERATED,       ENUM(e_accounting_record_type)) \
X( 483, IETF, MUST,    ACCOUNTING_REALTIME_REQUIRED, "Accounting-Realtime-Required", ENUMERATED, ENUM(e_accounting_realtime_required)) \
X( 485, IETF, MUST,    ACCOUNTING_RECORD_NUMBER, "Accounting-Record-Number", UNSIGNED32,       PLAIN) \
/* ---- RFC 7683 §7 overload control (M may) ------------------------------- */ \
X( 621, IETF, MAY,     OC_SUPPORTED_FEATURES,    "OC-Supported-Features",    GROUPED,          KIDS_EXT(g_oc_supported_features)) \
X( 622, IETF, MAY,     OC_FEATURE_VECTOR,        "OC-Feature-Vector",        UNSIGNED64,       PLAIN) \
X( 623, IETF, MAY,     OC_OLR,                   "OC-OLR",                   GROUPED,          KIDS_EXT(g_oc_olr)) \
X( 624, IETF, MAY,     OC_SEQUENCE_NUMBER,       "OC-Sequence-Number",       UNSIGNED64,       PLAIN) \
X( 625, IETF, MAY,     OC_VALIDITY_DURATION,     "OC-Validity-Duration",     UNSIGNED32,       PLAIN) \
X( 626, IETF, MAY,     OC_REPORT_TYPE,           "OC-Report-Type",           ENUMERATED,       ENUM(e_oc_report_type)) \
X( 627, IETF, MAY,     OC_REDUCTION_PERCENTAGE,  "OC-Reduction-Percentage",  UNSIGNED32,       PLAIN) \
/* ---- 3GPP2, vendor 5535 ------------------------------------------------- */ \
/* X.S0057 (FD rules: M must); a PS-Information child (TS 32.299 §7.2.158) */ \
X(9010, TGPP2, MUST,   TGPP2_BSID,               "3GPP2-BSID",               UTF8STRING,       PLAIN) \
/* ---- 3GPP, vendor 10415 (V must; M must unless marked) ------------------ */ \
/* TS 29.061 Table 9a as FD-29061 V15.5.0 gives it (29.061 is not consistent about M; FD follows captures) */ \
X(   1, TGPP, MUST,    TGPP_IMSI,                "3GPP-IMSI",                UTF8STRING,       PLAIN) \
/* 3GPP-Charging-Id is Unsigned32 (4 octets), not OctetString */ \
X(   2, TGPP, MUST,    TGPP_CHARGING_ID,         "3GPP-Charging-Id",         UNSIGNED32,       PLAIN) \
X(   3, TGPP, MUST,    TGPP_PDP_TYPE,            "3GPP-PDP-Type",            ENUMERATED,       ENUM(e_tgpp_pdp_type)) \
/* 4, 6, 7: OctetString (the raw address, as in RADIUS) per 29.061; WS-dict says IPAddress */ \
X(   4, TGPP, MUSTNOT, TGPP_CG_ADDRESS,          "3GPP-CG-Address",          OCTETSTRING,      PLAIN) \
X(   5, TGPP, MUST,    TGPP_GPRS_NEGOTIATED_QOS_PROFILE, "3GPP-GPRS-Negotiated-QoS-Profile", UTF8STRING, PLAIN) \
X(   6, TGPP, MUSTNOT, TGPP_SGSN_ADDRESS,        "3GPP-SGSN-Address",        OCTETSTRING,      PLAIN) \
X(   7, TGPP, MUSTNOT, TGPP_GGSN_ADDRESS,        "3GPP-GGSN-Address",        OCTETSTRING,      PLAIN) \
X(   8, TGPP, MUST,    TGPP_IMSI_MCC_MNC,        "3GPP-IMSI-MCC-MNC",        UTF8STRING,       PLAIN) \
X(   9, TGPP, MUST,    TGPP_GGSN_MCC_MNC,        "3GPP-GGSN-MCC-MNC",        UTF8STRING,       PLAIN) \
/* 10, 11: OctetString per 29.061; WS-dict says UTF8String */ \
X(  10, TGPP, MUST,    TGPP_NSAPI,               "3GPP-NSAPI",               OCTETSTRING,      PLAIN) \
X(  11, TGPP, MUSTNOT, TGPP_SESSION_STOP_INDICATOR, "3GPP-Session-Stop-Indicator", OCTETSTRING, PLAIN) \
X(  12, TGPP, MUST,    TGPP_SELECTION_MODE,      "3GPP-Selection-Mode",      UTF8STRING,       PLAIN) \
X(  13, TGPP, MUST,    TGPP_CHARGING_CHARACTERISTICS, "3GPP-Charging-Characteristics", UTF8STRING, PLAIN) \
X(  14, TGPP, MUST,    TGPP_CG_IPV6_ADDRESS,     "3GPP-CG-Ipv6-Address",     OCTETSTRING,      PLAIN) \
X(  15, TGPP, MUST,    TGPP_SGSN_IPV6_ADDRESS,   "3GPP-SGSN-Ipv6-Address",   OCTETSTRING,      PLAIN) \
X(  16, TGPP, MUST,    TGPP_GGSN_IPV6_ADDRESS,   "3GPP-GGSN-Ipv6-Address",   OCTETSTRING,      PLAIN) \
X(  17, TGPP, MUST,    TGPP_IPV6_DNS_SERVERS,    "3GPP-Ipv6-DNS-Servers",    OCTETSTRING,      PLAIN) \
X(  18, TGPP, MUST,    TGPP_SGSN_MCC_MNC,        "3GPP-SGSN-MCC-MNC",        UTF8STRING,       PLAIN) \
X(  20, TGPP, MUST,    TGPP_IMEISV,              "3GPP-IMEISV",              OCTETSTRING,      PLAIN) \
X(  21, TGPP, MUST,    TGPP_RAT_TYPE,            "3GPP-RAT-Type",            OCTETSTRING,      PLAIN) \
X(  22, TGPP, MUST,    TGPP_USER_LOCATION_INFO,  "3GPP-User-Location-Info",  OCTETSTRING,      PLAIN) \
X(  23, TGPP, MUST,    TGPP_MS_TIMEZONE,         "3GPP-MS-TimeZone",         OCTETSTRING,      PLAIN) \
X(  24, TGPP, MUSTNOT, TGPP_CAMEL_CHARGING_INFO, "3GPP-CAMEL-Charging-Info", OCTETSTRING,      PLAIN) \
X(  25, TGPP, MUSTNOT, TGPP_PACKET_FILTER,       "3GPP-Packet-Filter",       OCTETSTRING,      PLAIN) \
X(  26, TGPP, MUSTNOT, TGPP_NEGOTIATED_DSCP,     "3GPP-Negotiated-DSCP",     OCTETSTRING,      PLAIN) \
X(  27, TGPP, MUSTNOT, TGPP_ALLOCATE_IP_TYPE,    "3GPP-Allocate-IP-Type",    OCTETSTRING,      PLAIN) \
X(  29, TGPP, MUSTNOT, TWAN_IDENTIFIER,          "TWAN-Identifier",          OCTETSTRING,      PLAIN) \
X(  30, TGPP, MUSTNOT, TGPP_USER_LOCATION_INFO_TIME, "3GPP-User-Location-Info-Time", OCTETSTRING, PLAIN) \
X(  31, TGPP, MUSTNOT, TGPP_SECONDARY_RAT_USAGE, "3GPP-Secondary-RAT-Usage", OCTETSTRING,      PLAIN) \
/* TS 29.214 Table 5.3.0.1 (FD-29214 V15.7.0) */ \
X( 503, TGPP, MUST,    ACCESS_NETWORK_CHARGING_IDENTIFIER_VALUE, "Access-Network-Charging-Identifier-Value", OCTETSTRING, PLAIN) \
X( 505, TGPP, MUST,    AF_CHARGING_IDENTIFIER,   "AF-Charging-Identifier",   OCTETSTRING,      PLAIN) \
X( 509, TGPP, MUST,    FLOW_NUMBER,              "Flow-Number",              UNSIGNED32,       PLAIN) \
X( 510, TGPP, MUST,    FLOWS,                    "Flows",                    GROUPED,          KIDS_EXT(g_flows)) \
X( 515, TGPP, MUST,    MAX_REQUESTED_BANDWIDTH_DL, "Max-Requested-Bandwidth-DL", UNSIGNED32, PLAIN) \
X( 516, TGPP, MUST,    MAX_REQUESTED_BANDWIDTH_UL, "Max-Requested-Bandwidth-UL", UNSIGNED32, PLAIN) \
X( 518, TGPP, MUST,    MEDIA_COMPONENT_NUMBER,   "Media-Component-Number",   UNSIGNED32,       PLAIN) \
X( 531, TGPP, MUSTNOT, SPONSOR_IDENTITY,         "Sponsor-Identity",         UTF8STRING,       PLAIN) \
X( 532, TGPP, MUSTNOT, APPLICATION_SERVICE_PROVIDER_IDENTITY, "Application-Service-Provider-Identity", UTF8STRING, PLAIN) \
X( 549, TGPP, MUSTNOT, MEDIA_COMPONENT_STATUS,   "Media-Component-Status",   UNSIGNED32,       PLAIN) \
X( 552, TGPP, MUSTNOT, CONTENT_VERSION,          "Content-Version",          UNSIGNED64,       PLAIN) \
X( 554, TGPP, MUSTNOT, EXTENDED_MAX_REQUESTED_BW_DL, "Extended-Max-Requested-BW-DL", UNSIGNED32, PLAIN) \
X( 555, TGPP, MUSTNOT, EXTENDED_MAX_REQUESTED_BW_UL, "Extended-Max-Requested-BW-UL", UNSIGNED32, PLAIN) \
/* TS 29.214 Rel-16 (not in FD-29214 V15.7.0): M rule not in our sources, M may */ \
X( 565, TGPP, MAY,     CALLEE_INFORMATION,       "Callee-Information",       GROUPED,          KIDS_EXT(g_callee_information)) \
/* TS 29.229 Table 6.3.1 (Cx) */ \
X( 602, TGPP, MUST,    SERVER_NAME,              "Server-Name",              UTF8STRING,       PLAIN) \
X( 603, TGPP, MUST,    SERVER_CAPABILITIES,      "Server-Capabilities",      GROUPED,          KIDS_EXT(g_server_capabilities)) \
X( 604, TGPP, MUST,    MANDATORY_CAPABILITY,     "Mandatory-Capability",     UNSIGNED32,       PLAIN) \
X( 605, TGPP, MUST,    OPTIONAL_CAPABILITY,      "Optional-Capability",      UNSIGNED32,       PLAIN) \
/* Supported-Features: M may; Feature-List-ID and Feature-List: M must not */ \
X( 628, TGPP, MAY,     SUPPORTED_FEATURES,       "Supported-Features",       GROUPED,          KIDS_EXT(g_supported_features)) \
X( 629, TGPP, MUSTNOT, FEATURE_LIST_ID,          "Feature-List-ID",          UNSIGNED32,       PLAIN) \
X( 630, TGPP, MUSTNOT, FEATURE_LIST,             "Feature-List",             UNSIGNED32,       PLAIN) \
X( 650, TGPP, MUSTNOT, SESSION_PRIORITY,         "Session-Priority",         ENUMERATED,       ENUM(e_session_priority)) \
/* TS 29.229 V15.2.0 (V must, M must not) over WS-dict (M must) */ \
X( 656, TGPP, MUSTNOT, ALLOWED_WAF_WWSF_IDENTITIES, "Allowed-WAF-WWSF-Identities", GROUPED,   KIDS_EXT(g_allowed_waf_wwsf_identities)) \
X( 657, TGPP, MUSTNOT, WEBRTC_AUTHENTICATION_FUNCTION_NAME, "WebRTC-Authentication-Function-Name", UTF8STRING, PLAIN) \
X( 658, TGPP, MUSTNOT, WEBRTC_WEB_SERVER_FUNCTION_NAME, "WebRTC-Web-Server-Function-Name", UTF8STRING, PLAIN) \
/* TS 32.299 Table 7.2.0.1 from here on (FD-32299 V15.7.0), except runs of rows under a */ \
/* comment naming another spec; "TS 32.299" marks where Table 7.2.0.1 resumes. */ \
/* M and V set (WS-dict's "M may"/V mustnot not followed) */ \
X( 823, TGPP, MUST,    EVENT_TYPE,               "Event-Type",               GROUPED,          KIDS(g_event_type)) \
/* "SIP-Method", not WS-dict's "3GPP-SIP-Method" (vendor 0 code 393 is another AVP) */ \
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
X( 846, TGPP, MUST,    CG_ADDRESS,               "CG-Address",               ADDRESS,          PLAIN) \
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
/* Integer32 (negative 2xx/3xx), not WS-dict's Enumerated */ \
X( 861, TGPP, MUST,    CAUSE_CODE,               "Cause-Code",               INTEGER32,        PLAIN) \
X( 862, TGPP, MUST,    NODE_FUNCTIONALITY,       "Node-Functionality",       ENUMERATED,       ENUM(e_node_functionality)) \
X( 863, TGPP, MUST,    SERVICE_SPECIFIC_DATA,    "Service-Specific-Data",    UTF8STRING,       PLAIN) \
X( 864, TGPP, MUST,    ORIGINATOR,               "Originator",               ENUMERATED,       ENUM(e_originator)) \
X( 865, TGPP, MUST,    PS_FURNISH_CHARGING_INFORMATION, "PS-Furnish-Charging-Information", GROUPED, KIDS_EXT(g_ps_furnish_charging_information)) \
X( 866, TGPP, MUST,    PS_FREE_FORMAT_DATA,      "PS-Free-Format-Data",      OCTETSTRING,      PLAIN) \
X( 867, TGPP, MUST,    PS_APPEND_FREE_FORMAT_DATA, "PS-Append-Free-Format-Data", ENUMERATED, ENUM(e_ps_append_free_format_data)) \
X( 868, TGPP, MUST,    TIME_QUOTA_THRESHOLD,     "Time-Quota-Threshold",     UNSIGNED32,       PLAIN) \
X( 869, TGPP, MUST,    VOLUME_QUOTA_THRESHOLD,   "Volume-Quota-Threshold",   UNSIGNED32,       PLAIN) \
X( 870, TGPP, MUST,    TRIGGER_TYPE,             "Trigger-Type",             ENUMERATED,       ENUM(e_trigger_type)) \
X( 871, TGPP, MUST,    QUOTA_HOLDING_TIME,       "Quota-Holding-Time",       UNSIGNED32,       PLAIN) \
/* "Reporting-Reason" with value 9 (WS-dict: "3GPP-Reporting-Reason", 0..8) */ \
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
/* Unsigned32 per Table 7.2.0.1; WS-dict says Integer32 */ \
X( 885, TGPP, MUST,    NUMBER_OF_PARTICIPANTS,   "Number-Of-Participants",   UNSIGNED32,       PLAIN) \
X( 888, TGPP, MUST,    EXPIRES,                  "Expires",                  UNSIGNED32,       PLAIN) \
X( 889, TGPP, MUST,    MESSAGE_BODY,             "Message-Body",             GROUPED,          KIDS(g_message_body)) \
/* TS 29.212 Tables 5.3.0.1 and 5b.3.0.1 (FD-29212 V15.9.0) */ \
X(1004, TGPP, MUST,    CHARGING_RULE_BASE_NAME,  "Charging-Rule-Base-Name",  UTF8STRING,       PLAIN) \
X(1016, TGPP, MUST,    QOS_INFORMATION,          "QoS-Information",          GROUPED,          KIDS_EXT(g_qos_information)) \
X(1020, TGPP, MUST,    BEARER_IDENTIFIER,        "Bearer-Identifier",        OCTETSTRING,      PLAIN) \
X(1025, TGPP, MUST,    GUARANTEED_BITRATE_DL,    "Guaranteed-Bitrate-DL",    UNSIGNED32,       PLAIN) \
X(1026, TGPP, MUST,    GUARANTEED_BITRATE_UL,    "Guaranteed-Bitrate-UL",    UNSIGNED32,       PLAIN) \
X(1027, TGPP, MUST,    IP_CAN_TYPE,              "IP-CAN-Type",              ENUMERATED,       ENUM(e_ip_can_type)) \
X(1028, TGPP, MUST,    QOS_CLASS_IDENTIFIER,     "QoS-Class-Identifier",     ENUMERATED,       ENUM(e_qos_class_identifier)) \
X(1034, TGPP, MUSTNOT, ALLOCATION_RETENTION_PRIORITY, "Allocation-Retention-Priority", GROUPED, KIDS(g_allocation_retention_priority)) \
X(1040, TGPP, MUSTNOT, APN_AGGREGATE_MAX_BITRATE_DL, "APN-Aggregate-Max-Bitrate-DL", UNSIGNED32, PLAIN) \
X(1041, TGPP, MUSTNOT, APN_AGGREGATE_MAX_BITRATE_UL, "APN-Aggregate-Max-Bitrate-UL", UNSIGNED32, PLAIN) \
X(1046, TGPP, MUSTNOT, PRIORITY_LEVEL,           "Priority-Level",           UNSIGNED32,       PLAIN) \
X(1047, TGPP, MUSTNOT, PRE_EMPTION_CAPABILITY,   "Pre-emption-Capability",   ENUMERATED,       ENUM(e_pre_emption_capability)) \
X(1048, TGPP, MUSTNOT, PRE_EMPTION_VULNERABILITY, "Pre-emption-Vulnerability", ENUMERATED, ENUM(e_pre_emption_vulnerability)) \
X(1091, TGPP, MUSTNOT, TDF_IP_ADDRESS,           "TDF-IP-Address",           ADDRESS,          PLAIN) \
X(1095, TGPP, MUST,    ADC_RULE_BASE_NAME,       "ADC-Rule-Base-Name",       UTF8STRING,       PLAIN) \
/* TS 32.299 */ \
X(1226, TGPP, MUST,    UNIT_QUOTA_THRESHOLD,     "Unit-Quota-Threshold",     UNSIGNED32,       PLAIN) \
X(1227, TGPP, MUST,    PDP_ADDRESS,              "PDP-Address",              ADDRESS,          PLAIN) \
X(1228, TGPP, MUST,    SGSN_ADDRESS,             "SGSN-Address",             ADDRESS,          PLAIN) \
X(1247, TGPP, MUST,    PDP_CONTEXT_TYPE,         "PDP-Context-Type",         ENUMERATED,       ENUM(e_pdp_context_type)) \
X(1249, TGPP, MUST,    SERVICE_SPECIFIC_INFO,    "Service-Specific-Info",    GROUPED,          KIDS(g_service_specific_info)) \
X(1250, TGPP, MUST,    CALLED_ASSERTED_IDENTITY, "Called-Asserted-Identity", UTF8STRING,       PLAIN) \
X(1251, TGPP, MUST,    REQUESTED_PARTY_ADDRESS,  "Requested-Party-Address",  UTF8STRING,       PLAIN) \
/* OMA DDS Charging Data §8.5.10, 3GPP vendor id */ \
X(1256, TGPP, MUST,    SERVICE_GENERIC_INFORMATION, "Service-Generic-Information", GROUPED,   EXT) \
/* TS 32.299 */ \
X(1257, TGPP, MUST,    SERVICE_SPECIFIC_TYPE,    "Service-Specific-Type",    UNSIGNED32,       PLAIN) \
X(1258, TGPP, MUST,    EVENT_CHARGING_TIMESTAMP, "Event-Charging-TimeStamp", TIME,             PLAIN) \
/* OctetString (32.299 V15.7+), not WS-dict's UTF8String */ \
X(1263, TGPP, MUST,    ACCESS_NETWORK_INFORMATION, "Access-Network-Information", OCTETSTRING, PLAIN) \
X(1264, TGPP, MUST,    TRIGGER,                  "Trigger",                  GROUPED,          KIDS(g_trigger)) \
X(1265, TGPP, MUST,    BASE_TIME_INTERVAL,       "Base-Time-Interval",       UNSIGNED32,       PLAIN) \
X(1266, TGPP, MUST,    ENVELOPE,                 "Envelope",                 GROUPED,          KIDS_EXT(g_envelope)) \
X(1267, TGPP, MUST,    ENVELOPE_END_TIME,        "Envelope-End-Time",        TIME,             PLAIN) \
X(1268, TGPP, MUST,    ENVELOPE_REPORTING,       "Envelope-Reporting",       ENUMERATED,       ENUM(e_envelope_reporting)) \
X(1269, TGPP, MUST,    ENVELOPE_START_TIME,      "Envelope-Start-Time",      TIME,             PLAIN) \
X(1270, TGPP, MUST,    TIME_QUOTA_MECHANISM,     "Time-Quota-Mechanism",     GROUPED,          KIDS_EXT(g_time_quota_mechanism)) \
X(1271, TGPP, MUST,    TIME_QUOTA_TYPE,          "Time-Quota-Type",          ENUMERATED,       ENUM(e_time_quota_type)) \
X(1272, TGPP, MUST,    EARLY_MEDIA_DESCRIPTION,  "Early-Media-Description",  GROUPED,          KIDS(g_early_media_description)) \
X(1273, TGPP, MUST,    SDP_TIMESTAMPS,           "SDP-TimeStamps",           GROUPED,          KIDS(g_sdp_timestamps)) \
X(1274, TGPP, MUST,    SDP_OFFER_TIMESTAMP,      "SDP-Offer-Timestamp",      TIME,             PLAIN) \
X(1275, TGPP, MUST,    SDP_ANSWER_TIMESTAMP,     "SDP-Answer-Timestamp",     TIME,             PLAIN) \
X(1276, TGPP, MUST,    AF_CORRELATION_INFORMATION, "AF-Correlation-Information", GROUPED,     KIDS_EXT(g_af_correlation_information)) \
X(1278, TGPP, MUST,    OFFLINE_CHARGING,         "Offline-Charging",         GROUPED,          KIDS_EXT(g_offline_charging)) \
X(1280, TGPP, MUST,    ALTERNATE_CHARGED_PARTY_ADDRESS, "Alternate-Charged-Party-Address", UTF8STRING, PLAIN) \
X(1281, TGPP, MUST,    IMS_COMMUNICATION_SERVICE_IDENTIFIER, "IMS-Communication-Service-Identifier", UTF8STRING, PLAIN) \
X(1288, TGPP, MUST,    MEDIA_INITIATOR_PARTY,    "Media-Initiator-Party",    UTF8STRING,       PLAIN) \
/* Table 7.2.0.1 gives the Rel-15 additions 1300..1322 M must not */ \
/* "-Timestamp" as in the ABNF and WS-dict; Table 7.2.0.1 spells 1301/1303 "RAN-End-Time", "RAN-Start-Time" */ \
X(1301, TGPP, MUSTNOT, RAN_END_TIMESTAMP,        "RAN-End-Timestamp",        TIME,             PLAIN) \
X(1302, TGPP, MUSTNOT, RAN_SECONDARY_RAT_USAGE_REPORT, "RAN-Secondary-RAT-Usage-Report", GROUPED, KIDS(g_ran_secondary_rat_usage_report)) \
X(1303, TGPP, MUSTNOT, RAN_START_TIMESTAMP,      "RAN-Start-Timestamp",      TIME,             PLAIN) \
X(1304, TGPP, MUSTNOT, SECONDARY_RAT_TYPE,       "Secondary-RAT-Type",       OCTETSTRING,      PLAIN) \
X(1305, TGPP, MUSTNOT, CIVIC_ADDRESS_INFORMATION, "Civic-Address-Information", UTF8STRING, PLAIN) \
X(1306, TGPP, MUSTNOT, WLAN_OPERATOR_ID,         "WLAN-Operator-Id",         GROUPED,          KIDS(g_wlan_operator_id)) \
X(1307, TGPP, MUSTNOT, WLAN_OPERATOR_NAME,       "WLAN-Operator-Name",       UTF8STRING,       PLAIN) \
X(1308, TGPP, MUSTNOT, WLAN_PLMN_ID,             "WLAN-PLMN-Id",             UTF8STRING,       PLAIN) \
/* TS 32.299 Rel-16 (not in FD-32299 V15.7.0): M rule not in our sources, M may */ \
X(1323, TGPP, MAY,     VOLTE_INFORMATION,        "VoLTE-Information",        GROUPED,          KIDS(g_volte_information)) \
X(1324, TGPP, MAY,     PSCELL_INFO,              "PSCell-Info",              GROUPED,          KIDS(g_pscell_info)) \
X(1325, TGPP, MAY,     NR_CGI,                   "NR-CGI",                   UTF8STRING,       PLAIN) \
/* TS 29.272 Table 7.3.1/1 (FD-29272 V15.10.0) */ \
X(1401, TGPP, MUST,    TERMINAL_INFORMATION,     "Terminal-Information",     GROUPED,          KIDS_EXT(g_terminal_information)) \
X(1402, TGPP, MUST,    IMEI,                     "IMEI",                     UTF8STRING,       PLAIN) \
X(1403, TGPP, MUST,    SOFTWARE_VERSION,         "Software-Version",         UTF8STRING,       PLAIN) \
X(1437, TGPP, MUST,    CSG_ID,                   "CSG-Id",                   UNSIGNED32,       PLAIN) \
X(1471, TGPP, MUST,    TGPP2_MEID,               "3GPP2-MEID",               OCTETSTRING,      PLAIN) \
/* TS 29.273 Table 5.2.3.1/1 (FD-29273 V15.4.0) */ \
X(1524, TGPP, MUSTNOT, SSID,                     "SSID",                     UTF8STRING,       PLAIN) \
/* TS 29.272 Table 7.3.1/1 (FD-29272 V15.10.0) */ \
X(1645, TGPP, MUSTNOT, MME_NUMBER_FOR_MT_SMS,    "MME-Number-for-MT-SMS",    OCTETSTRING,      PLAIN) \
/* TS 32.299 */ \
X(2000, TGPP, MUST,    SMS_INFORMATION,          "SMS-Information",          GROUPED,          EXT) \
X(2020, TGPP, MUST,    LOW_BALANCE_INDICATION,   "Low-Balance-Indication",   ENUMERATED,       ENUM(e_low_balance_indication)) \
X(2021, TGPP, MUST,    REMAINING_BALANCE,        "Remaining-Balance",        GROUPED,          KIDS(g_remaining_balance)) \
X(2022, TGPP, MUST,    REFUND_INFORMATION,       "Refund-Information",       OCTETSTRING,      PLAIN) \
X(2023, TGPP, MUST,    CARRIER_SELECT_ROUTING_INFORMATION, "Carrier-Select-Routing-Information", UTF8STRING, PLAIN) \
X(2024, TGPP, MUST,    NUMBER_PORTABILITY_ROUTING_INFORMATION, "Number-Portability-Routing-Information", UTF8STRING, PLAIN) \
X(2030, TGPP, MUST,    MMTEL_INFORMATION,        "MMTel-Information",        GROUPED,          KIDS_EXT(g_mmtel_information)) \
/* 2031, 2032: Unsigned32 per Table 7.2.0.1; WS-dict has an older Enumerated "MMTel-Service-Type" */ \
X(2031, TGPP, MUST,    MMTEL_SSERVICE_TYPE,      "MMTel-SService-Type",      UNSIGNED32,       PLAIN) \
X(2032, TGPP, MUST,    SERVICE_MODE,             "Service-Mode",             UNSIGNED32,       PLAIN) \
X(2033, TGPP, MUST,    SUBSCRIBER_ROLE,          "Subscriber-Role",          ENUMERATED,       ENUM(e_subscriber_role)) \
X(2034, TGPP, MUST,    NUMBER_OF_DIVERSIONS,     "Number-Of-Diversions",     UNSIGNED32,       PLAIN) \
X(2035, TGPP, MUST,    ASSOCIATED_PARTY_ADDRESS, "Associated-Party-Address", UTF8STRING,       PLAIN) \
X(2036, TGPP, MUST,    SDP_TYPE,                 "SDP-Type",                 ENUMERATED,       ENUM(e_sdp_type)) \
/* 2037, 2039: Integer32 per Table 7.2.0.1; WS-dict says Enumerated (same encoding) */ \
X(2037, TGPP, MUST,    CHANGE_CONDITION,         "Change-Condition",         INTEGER32,        PLAIN) \
X(2038, TGPP, MUST,    CHANGE_TIME,              "Change-Time",              TIME,             PLAIN) \
X(2039, TGPP, MUST,    DIAGNOSTICS,              "Diagnostics",              INTEGER32,        PLAIN) \
X(2040, TGPP, MUST,    SERVICE_DATA_CONTAINER,   "Service-Data-Container",   GROUPED,          KIDS(g_service_data_container)) \
X(2041, TGPP, MUST,    START_TIME,               "Start-Time",               TIME,             PLAIN) \
X(2042, TGPP, MUST,    STOP_TIME,                "Stop-Time",                TIME,             PLAIN) \
X(2043, TGPP, MUST,    TIME_FIRST_USAGE,         "Time-First-Usage",         TIME,             PLAIN) \
X(2044, TGPP, MUST,    TIME_LAST_USAGE,          "Time-Last-Usage",          TIME,             PLAIN) \
X(2045, TGPP, MUST,    TIME_USAGE,               "Time-Usage",               UNSIGNED32,       PLAIN) \
X(2046, TGPP, MUST,    TRAFFIC_DATA_VOLUMES,     "Traffic-Data-Volumes",     GROUPED,          KIDS(g_traffic_data_volumes)) \
X(2047, TGPP, MUST,    SERVING_NODE_TYPE,        "Serving-Node-Type",        ENUMERATED,       ENUM(e_serving_node_type)) \
X(2048, TGPP, MUST,    SUPPLEMENTARY_SERVICE,    "Supplementary-Service",    GROUPED,          KIDS(g_supplementary_service)) \
X(2049, TGPP, MUST,    PARTICIPANT_ACTION_TYPE,  "Participant-Action-Type",  ENUMERATED,       ENUM(e_participant_action_type)) \
X(2050, TGPP, MUST,    PDN_CONNECTION_CHARGING_ID, "PDN-Connection-Charging-ID", UNSIGNED32, PLAIN) \
X(2051, TGPP, MUST,    DYNAMIC_ADDRESS_FLAG,     "Dynamic-Address-Flag",     ENUMERATED,       ENUM(e_dynamic_address_flag)) \
X(2052, TGPP, MUST,    ACCUMULATED_COST,         "Accumulated-Cost",         GROUPED,          KIDS(g_unit_value)) \
X(2053, TGPP, MUST,    AOC_COST_INFORMATION,     "AoC-Cost-Information",     GROUPED,          KIDS(g_aoc_cost_information)) \
X(2054, TGPP, MUST,    AOC_INFORMATION,          "AoC-Information",          GROUPED,          KIDS_EXT(g_aoc_information)) \
X(2055, TGPP, MUST,    AOC_REQUEST_TYPE,         "AoC-Request-Type",         ENUMERATED,       ENUM(e_aoc_request_type)) \
X(2056, TGPP, MUST,    CURRENT_TARIFF,           "Current-Tariff",           GROUPED,          KIDS(g_tariff)) \
X(2057, TGPP, MUST,    NEXT_TARIFF,              "Next-Tariff",              GROUPED,          KIDS(g_tariff)) \
X(2058, TGPP, MUST,    RATE_ELEMENT,             "Rate-Element",             GROUPED,          KIDS(g_rate_element)) \
X(2059, TGPP, MUST,    SCALE_FACTOR,             "Scale-Factor",             GROUPED,          KIDS(g_unit_value)) \
X(2060, TGPP, MUST,    TARIFF_INFORMATION,       "Tariff-Information",       GROUPED,          KIDS_EXT(g_tariff_information)) \
X(2061, TGPP, MUST,    UNIT_COST,                "Unit-Cost",                GROUPED,          KIDS(g_unit_value)) \
X(2062, TGPP, MUST,    INCREMENTAL_COST,         "Incremental-Cost",         GROUPED,          KIDS(g_unit_value)) \
X(2063, TGPP, MUST,    LOCAL_SEQUENCE_NUMBER,    "Local-Sequence-Number",    UNSIGNED32,       PLAIN) \
X(2064, TGPP, MUST,    NODE_ID,                  "Node-Id",                  UTF8STRING,       PLAIN) \
X(2065, TGPP, MUST,    SGW_CHANGE,               "SGW-Change",               ENUMERATED,       ENUM(e_sgw_change)) \
X(2066, TGPP, MUST,    CHARGING_CHARACTERISTICS_SELECTION_MODE, "Charging-Characteristics-Selection-Mode", ENUMERATED, ENUM(e_charging_characteristics_selection_mode)) \
X(2067, TGPP, MUST,    SGW_ADDRESS,              "SGW-Address",              ADDRESS,          PLAIN) \
X(2068, TGPP, MUST,    DYNAMIC_ADDRESS_FLAG_EXTENSION, "Dynamic-Address-Flag-Extension", ENUMERATED, ENUM(e_dynamic_address_flag)) \
/* OMA DDS Charging Data §8.5.6 / §8.5.5, 3GPP vendor id */ \
X(2110, TGPP, MUST,    IM_INFORMATION,           "IM-Information",           GROUPED,          EXT) \
X(2115, TGPP, MUST,    DCD_INFORMATION,          "DCD-Information",          GROUPED,          EXT) \
/* TS 32.299 */ \
X(2118, TGPP, MUST,    CHARGE_REASON_CODE,       "Charge-Reason-Code",       ENUMERATED,       ENUM(e_charge_reason_code)) \
X(2301, TGPP, MUST,    SIP_REQUEST_TIMESTAMP_FRACTION, "SIP-Request-Timestamp-Fraction", UNSIGNED32, PLAIN) \
X(2302, TGPP, MUST,    SIP_RESPONSE_TIMESTAMP_FRACTION, "SIP-Response-Timestamp-Fraction", UNSIGNED32, PLAIN) \
X(2303, TGPP, MUST,    ONLINE_CHARGING_FLAG,     "Online-Charging-Flag",     ENUMERATED,       ENUM(e_online_charging_flag)) \
X(2304, TGPP, MUST,    CUG_INFORMATION,          "CUG-Information",          OCTETSTRING,      PLAIN) \
X(2305, TGPP, MUST,    REAL_TIME_TARIFF_INFORMATION, "Real-Time-Tariff-Information", GROUPED, KIDS(g_real_time_tariff_information)) \
X(2306, TGPP, MUST,    TARIFF_XML,               "Tariff-XML",               UTF8STRING,       PLAIN) \
X(2308, TGPP, MUST,    IMSI_UNAUTHENTICATED_FLAG, "IMSI-Unauthenticated-Flag", ENUMERATED, ENUM(e_imsi_unauthenticated_flag)) \
X(2309, TGPP, MUST,    ACCOUNT_EXPIRATION,       "Account-Expiration",       TIME,             PLAIN) \
X(2310, TGPP, MUST,    AOC_FORMAT,               "AoC-Format",               ENUMERATED,       ENUM(e_aoc_format)) \
X(2311, TGPP, MUST,    AOC_SERVICE,              "AoC-Service",              GROUPED,          KIDS(g_aoc_service)) \
X(2312, TGPP, MUST,    AOC_SERVICE_OBLIGATORY_TYPE, "AoC-Service-Obligatory-Type", ENUMERATED, ENUM(e_aoc_service_obligatory_type)) \
X(2313, TGPP, MUST,    AOC_SERVICE_TYPE,         "AoC-Service-Type",         ENUMERATED,       ENUM(e_aoc_service_type)) \
X(2314, TGPP, MUST,    AOC_SUBSCRIPTION_INFORMATION, "AoC-Subscription-Information", GROUPED, KIDS(g_aoc_subscription_information)) \
X(2315, TGPP, MUST,    PREFERRED_AOC_CURRENCY,   "Preferred-AoC-Currency",   UNSIGNED32,       PLAIN) \
X(2317, TGPP, MUST,    CSG_ACCESS_MODE,          "CSG-Access-Mode",          ENUMERATED,       ENUM(e_csg_access_mode)) \
X(2318, TGPP, MUST,    CSG_MEMBERSHIP_INDICATION, "CSG-Membership-Indication", ENUMERATED, ENUM(e_csg_membership_indication)) \
X(2319, TGPP, MUST,    USER_CSG_INFORMATION,     "User-CSG-Information",     GROUPED,          KIDS(g_user_csg_information)) \
X(2320, TGPP, MUST,    OUTGOING_SESSION_ID,      "Outgoing-Session-Id",      UTF8STRING,       PLAIN) \
X(2321, TGPP, MUST,    INITIAL_IMS_CHARGING_IDENTIFIER, "Initial-IMS-Charging-Identifier", UTF8STRING, PLAIN) \
X(2322, TGPP, MUST,    IMS_EMERGENCY_INDICATOR,  "IMS-Emergency-Indicator",  ENUMERATED,       ENUM(e_ims_emergency_indicator)) \
/* TS 29.173 Table 6.4.1/1 (FD-29173 V15.0.0) */ \
X(2402, TGPP, MUST,    MME_NAME,                 "MME-Name",                 DIAMETERIDENTITY, PLAIN) \
X(2408, TGPP, MUSTNOT, MME_REALM,                "MME-Realm",                DIAMETERIDENTITY, PLAIN) \
/* TS 32.299 */ \
X(2601, TGPP, MUST,    IMS_APPLICATION_REFERENCE_IDENTIFIER, "IMS-Application-Reference-Identifier", UTF8STRING, PLAIN) \
X(2602, TGPP, MUST,    LOW_PRIORITY_INDICATOR,   "Low-Priority-Indicator",   ENUMERATED,       ENUM(e_low_priority_indicator)) \
/* the 2603..2605 names end in "-Indication" (WS-dict: "-Indicator") */ \
X(2603, TGPP, MUST,    IP_REALM_DEFAULT_INDICATION, "IP-Realm-Default-Indication", ENUMERATED, ENUM(e_ip_realm_default_indication)) \
X(2604, TGPP, MUST,    LOCAL_GW_INSERTED_INDICATION, "Local-GW-Inserted-Indication", ENUMERATED, ENUM(e_local_gw_inserted_indication)) \
X(2605, TGPP, MUST,    TRANSCODER_INSERTED_INDICATION, "Transcoder-Inserted-Indication", ENUMERATED, ENUM(e_transcoder_inserted_indication)) \
X(2606, TGPP, MUST,    PDP_ADDRESS_PREFIX_LENGTH, "PDP-Address-Prefix-Length", UNSIGNED32, PLAIN) \
X(2701, TGPP, MUST,    TRANSIT_IOI_LIST,         "Transit-IOI-List",         UTF8STRING,       PLAIN) \
X(2702, TGPP, MUST,    STATUS_AS_CODE,           "Status-AS-Code",           ENUMERATED,       ENUM(e_status_as_code)) \
X(2703, TGPP, MUST,    NNI_INFORMATION,          "NNI-Information",          GROUPED,          KIDS(g_nni_information)) \
X(2704, TGPP, MUST,    NNI_TYPE,                 "NNI-Type",                 ENUMERATED,       ENUM(e_nni_type)) \
X(2705, TGPP, MUST,    NEIGHBOUR_NODE_ADDRESS,   "Neighbour-Node-Address",   ADDRESS,          PLAIN) \
X(2706, TGPP, MUST,    RELATIONSHIP_MODE,        "Relationship-Mode",        ENUMERATED,       ENUM(e_relationship_mode)) \
X(2707, TGPP, MUST,    SESSION_DIRECTION,        "Session-Direction",        ENUMERATED,       ENUM(e_session_direction)) \
/* UTF8String, not WS-dict's IPAddress */ \
X(2708, TGPP, MUST,    FROM_ADDRESS,             "From-Address",             UTF8STRING,       PLAIN) \
X(2709, TGPP, MUST,    ACCESS_TRANSFER_INFORMATION, "Access-Transfer-Information", GROUPED,   KIDS(g_access_transfer_information)) \
X(2710, TGPP, MUST,    ACCESS_TRANSFER_TYPE,     "Access-Transfer-Type",     ENUMERATED,       ENUM(e_access_transfer_type)) \
X(2711, TGPP, MUST,    RELATED_IMS_CHARGING_IDENTIFIER, "Related-IMS-Charging-Identifier", UTF8STRING, PLAIN) \
X(2712, TGPP, MUST,    RELATED_IMS_CHARGING_IDENTIFIER_NODE, "Related-IMS-Charging-Identifier-Node", ADDRESS, PLAIN) \
X(2713, TGPP, MUST,    IMS_VISITED_NETWORK_IDENTIFIER, "IMS-Visited-Network-Identifier", UTF8STRING, PLAIN) \
X(2714, TGPP, MUST,    TWAN_USER_LOCATION_INFO,  "TWAN-User-Location-Info",  GROUPED,          KIDS(g_twan_user_location_info)) \
X(2716, TGPP, MUST,    BSSID,                    "BSSID",                    UTF8STRING,       PLAIN) \
X(2717, TGPP, MUST,    TAD_IDENTIFIER,           "TAD-Identifier",           ENUMERATED,       ENUM(e_tad_identifier)) \
/* TS 29.212 Table 5.3.0.1 (FD-29212 V15.9.0) */ \
X(2805, TGPP, MUSTNOT, UE_LOCAL_IP_ADDRESS,      "UE-Local-IP-Address",      ADDRESS,          PLAIN) \
X(2806, TGPP, MUSTNOT, UDP_SOURCE_PORT,          "UDP-Source-Port",          UNSIGNED32,       PLAIN) \
X(2812, TGPP, MUSTNOT, USER_LOCATION_INFO_TIME,  "User-Location-Info-Time",  TIME,             PLAIN) \
X(2818, TGPP, MUSTNOT, CONDITIONAL_APN_AGGREGATE_MAX_BITRATE, "Conditional-APN-Aggregate-Max-Bitrate", GROUPED, KIDS_EXT(g_conditional_apn_aggregate_max_bitrate)) \
X(2819, TGPP, MUSTNOT, RAN_NAS_RELEASE_CAUSE,    "RAN-NAS-Release-Cause",    OCTETSTRING,      PLAIN) \
X(2820, TGPP, MUSTNOT, PRESENCE_REPORTING_AREA_ELEMENTS_LIST, "Presence-Reporting-Area-Elements-List", OCTETSTRING, PLAIN) \
X(2821, TGPP, MUSTNOT, PRESENCE_REPORTING_AREA_IDENTIFIER, "Presence-Reporting-Area-Identifier", OCTETSTRING, PLAIN) \
X(2822, TGPP, MUSTNOT, PRESENCE_REPORTING_AREA_INFORMATION, "Presence-Reporting-Area-Information", GROUPED, KIDS_EXT(g_presence_reporting_area_information)) \
X(2823, TGPP, MUSTNOT, PRESENCE_REPORTING_AREA_STATUS, "Presence-Reporting-Area-Status", UNSIGNED32, PLAIN) \
X(2825, TGPP, MUSTNOT, FIXED_USER_LOCATION_INFO, "Fixed-User-Location-Info", GROUPED,          KIDS_EXT(g_fixed_user_location_info)) \
X(2830, TGPP, MUSTNOT, NBIFOM_MODE,              "NBIFOM-Mode",              ENUMERATED,       ENUM(e_nbifom_mode)) \
X(2831, TGPP, MUSTNOT, NBIFOM_SUPPORT,           "NBIFOM-Support",           ENUMERATED,       ENUM(e_nbifom_support)) \
X(2833, TGPP, MUSTNOT, ACCESS_AVAILABILITY_CHANGE_REASON, "Access-Availability-Change-Reason", UNSIGNED32, PLAIN) \
X(2836, TGPP, MUSTNOT, TRAFFIC_STEERING_POLICY_IDENTIFIER_DL, "Traffic-Steering-Policy-Identifier-DL", OCTETSTRING, PLAIN) \
X(2837, TGPP, MUSTNOT, TRAFFIC_STEERING_POLICY_IDENTIFIER_UL, "Traffic-Steering-Policy-Identifier-UL", OCTETSTRING, PLAIN) \
X(2843, TGPP, MUSTNOT, TCP_SOURCE_PORT,          "TCP-Source-Port",          UNSIGNED32,       PLAIN) \
X(2848, TGPP, MUSTNOT, EXTENDED_APN_AMBR_DL,     "Extended-APN-AMBR-DL",     UNSIGNED32,       PLAIN) \
X(2849, TGPP, MUSTNOT, EXTENDED_APN_AMBR_UL,     "Extended-APN-AMBR-UL",     UNSIGNED32,       PLAIN) \
X(2850, TGPP, MUSTNOT, EXTENDED_GBR_DL,          "Extended-GBR-DL",          UNSIGNED32,       PLAIN) \
X(2851, TGPP, MUSTNOT, EXTENDED_GBR_UL,          "Extended-GBR-UL",          UNSIGNED32,       PLAIN) \
X(2855, TGPP, MUSTNOT, PRESENCE_REPORTING_AREA_NODE, "Presence-Reporting-Area-Node", UNSIGNED32, PLAIN) \
/* TS 32.299 */ \
X(3401, TGPP, MUST,    REASON_HEADER,            "Reason-Header",            UTF8STRING,       PLAIN) \
X(3402, TGPP, MUST,    INSTANCE_ID,              "Instance-Id",              UTF8STRING,       PLAIN) \
X(3403, TGPP, MUST,    ROUTE_HEADER_RECEIVED,    "Route-Header-Received",    UTF8STRING,       PLAIN) \
X(3404, TGPP, MUST,    ROUTE_HEADER_TRANSMITTED, "Route-Header-Transmitted", UTF8STRING,       PLAIN) \
X(3410, TGPP, MUST,    VCS_INFORMATION,          "VCS-Information",          GROUPED,          EXT) \
X(3421, TGPP, MUST,    CN_OPERATOR_SELECTION_ENTITY, "CN-Operator-Selection-Entity", ENUMERATED, ENUM(e_cn_operator_selection_entity)) \
/* Name as in the PS-Information ABNF; Table 7.2.0.1 spells it "EPDG-Address" */ \
X(3425, TGPP, MUST,    EPDG_ADDRESS,             "ePDG-Address",             ADDRESS,          PLAIN) \
X(3447, TGPP, MUST,    PROSE_INFORMATION,        "ProSe-Information",        GROUPED,          EXT) \
X(3901, TGPP, MUST,    ENHANCED_DIAGNOSTICS,     "Enhanced-Diagnostics",     GROUPED,          KIDS(g_enhanced_diagnostics)) \
X(3902, TGPP, MUST,    INTER_UE_TRANSFER,        "Inter-UE-Transfer",        ENUMERATED,       ENUM(e_inter_ue_transfer)) \
X(3903, TGPP, MUST,    TWAG_ADDRESS,             "TWAG-Address",             ADDRESS,          PLAIN) \
X(3904, TGPP, MUST,    ANNOUNCEMENT_INFORMATION, "Announcement-Information", GROUPED,          KIDS_EXT(g_announcement_information)) \
X(3905, TGPP, MUST,    ANNOUNCEMENT_IDENTIFIER,  "Announcement-Identifier",  UNSIGNED32,       PLAIN) \
X(3906, TGPP, MUST,    ANNOUNCEMENT_ORDER,       "Announcement-Order",       UNSIGNED32,       PLAIN) \
X(3907, TGPP, MUST,    VARIABLE_PART,            "Variable-Part",            GROUPED,          KIDS(g_variable_part)) \
X(3908, TGPP, MUST,    VARIABLE_PART_ORDER,      "Variable-Part-Order",      UNSIGNED32,       PLAIN) \
X(3909, TGPP, MUST,    VARIABLE_PART_TYPE,       "Variable-Part-Type",       UNSIGNED32,       PLAIN) \
X(3910, TGPP, MUST,    VARIABLE_PART_VALUE,      "Variable-Part-Value",      UTF8STRING,       PLAIN) \
X(3911, TGPP, MUST,    TIME_INDICATOR,           "Time-Indicator",           UNSIGNED32,       PLAIN) \
X(3912, TGPP, MUST,    QUOTA_INDICATOR,          "Quota-Indicator",          ENUMERATED,       ENUM(e_quota_indicator)) \
X(3913, TGPP, MUST,    PLAY_ALTERNATIVE,         "Play-Alternative",         ENUMERATED,       ENUM(e_play_alternative)) \
X(3914, TGPP, MUST,    LANGUAGE,                 "Language",                 UTF8STRING,       PLAIN) \
X(3915, TGPP, MUST,    PRIVACY_INDICATOR,        "Privacy-Indicator",        ENUMERATED,       ENUM(e_privacy_indicator)) \
X(3916, TGPP, MUST,    CALLED_IDENTITY,          "Called-Identity",          UTF8STRING,       PLAIN) \
X(3917, TGPP, MUST,    CALLED_IDENTITY_CHANGE,   "Called-Identity-Change",   GROUPED,          KIDS(g_called_identity_change)) \
X(3918, TGPP, MUST,    UWAN_USER_LOCATION_INFO,  "UWAN-User-Location-Info",  GROUPED,          KIDS(g_uwan_user_location_info)) \
/* WS-dict's name has a trailing space; ours does not */ \
X(3924, TGPP, MUST,    CELLULAR_NETWORK_INFORMATION, "Cellular-Network-Information", OCTETSTRING, PLAIN) \
X(3925, TGPP, MUST,    RELATED_CHANGE_CONDITION_INFORMATION, "Related-Change-Condition-Information", GROUPED, KIDS(g_related_change_condition_information)) \
X(3926, TGPP, MUST,    RELATED_TRIGGER,          "Related-Trigger",          GROUPED,          KIDS_EXT(g_trigger)) \
X(3927, TGPP, MUST,    CPDT_INFORMATION,         "CPDT-Information",         GROUPED,          EXT) \
X(3930, TGPP, MUST,    CP_CIOT_EPS_OPTIMISATION_INDICATOR, "CP-CIoT-EPS-Optimisation-Indicator", ENUMERATED, ENUM(e_cp_ciot_eps_optimisation_indicator)) \
X(3931, TGPP, MUST,    SGI_PTP_TUNNELLING_METHOD, "SGi-PtP-Tunnelling-Method", ENUMERATED, ENUM(e_sgi_ptp_tunnelling_method)) \
X(3932, TGPP, MUST,    UNI_PDU_CP_ONLY_FLAG,     "UNI-PDU-CP-Only-Flag",     ENUMERATED,       ENUM(e_uni_pdu_cp_only_flag)) \
X(3933, TGPP, MUST,    APN_RATE_CONTROL,         "APN-Rate-Control",         GROUPED,          KIDS(g_apn_rate_control)) \
X(3934, TGPP, MUST,    APN_RATE_CONTROL_DOWNLINK, "APN-Rate-Control-Downlink", GROUPED, KIDS(g_apn_rate_control_downlink)) \
X(3935, TGPP, MUST,    APN_RATE_CONTROL_UPLINK,  "APN-Rate-Control-Uplink",  GROUPED,          KIDS(g_apn_rate_control_uplink)) \
X(3936, TGPP, MUST,    ADDITIONAL_EXCEPTION_REPORTS, "Additional-Exception-Reports", ENUMERATED, ENUM(e_additional_exception_reports)) \
X(3937, TGPP, MUST,    RATE_CONTROL_MAX_MESSAGE_SIZE, "Rate-Control-Max-Message-Size", UNSIGNED32, PLAIN) \
X(3938, TGPP, MUST,    RATE_CONTROL_MAX_RATE,    "Rate-Control-Max-Rate",    UNSIGNED32,       PLAIN) \
X(3939, TGPP, MUST,    RATE_CONTROL_TIME_UNIT,   "Rate-Control-Time-Unit",   UNSIGNED32,       PLAIN) \
X(3940, TGPP, MUST,    SCS_AS_ADDRESS,           "SCS-AS-Address",           GROUPED,          KIDS(g_scs_as_address)) \
X(3941, TGPP, MUST,    SCS_ADDRESS,              "SCS-Address",              ADDRESS,          PLAIN) \
X(3942, TGPP, MUST,    SCS_REALM,                "SCS-Realm",                DIAMETERIDENTITY, PLAIN) \
/* TS 29.128 Table 6.4.1-1 (FD-29128 V15.6.0) */ \
X(4310, TGPP, MUST,    SERVING_PLMN_RATE_CONTROL, "Serving-PLMN-Rate-Control", GROUPED, KIDS_EXT(g_serving_plmn_rate_control)) \
X(4311, TGPP, MUST,    UPLINK_RATE_LIMIT,        "Uplink-Rate-Limit",        UNSIGNED32,       PLAIN) \
X(4312, TGPP, MUST,    DOWNLINK_RATE_LIMIT,      "Downlink-Rate-Limit",      UNSIGNED32,       PLAIN) \
X(4318, TGPP, MUST,    RRC_CAUSE_COUNTER,        "RRC-Cause-Counter",        GROUPED,          KIDS_EXT(g_rrc_cause_counter)) \
X(4319, TGPP, MUST,    COUNTER_VALUE,            "Counter-Value",            UNSIGNED32,       PLAIN) \
X(4320, TGPP, MUST,    RRC_COUNTER_TIMESTAMP,    "RRC-Counter-Timestamp",    TIME,             PLAIN) \
/* TS 32.299 */ \
X(4400, TGPP, MUST,    CHARGING_PER_IP_CAN_SESSION_INDICATOR, "Charging-Per-IP-CAN-Session-Indicator", ENUMERATED, ENUM(e_charging_per_ip_can_session_indicator)) \
X(4401, TGPP, MUST,    ACCESS_NETWORK_INFO_CHANGE, "Access-Network-Info-Change", GROUPED,     KIDS(g_access_network_info_change)) \
/* 32.299's code; 29.212's AVP of the same name is code 2847 (not in this table) */ \
X(4406, TGPP, MUST,    TGPP_PS_DATA_OFF_STATUS,  "3GPP-PS-Data-Off-Status",  ENUMERATED,       ENUM(e_tgpp_ps_data_off_status)) \
X(4407, TGPP, MUST,    UNUSED_QUOTA_TIMER,       "Unused-Quota-Timer",       UNSIGNED32,       PLAIN) \
X(4413, TGPP, MUST,    FE_IDENTIFIER_LIST,       "FE-Identifier-List",       UTF8STRING,       PLAIN) \
/* ---- ETSI, vendor 13019 -------------------------------------------------- */ \
/* ES 283 034 (e4); M rule not in our sources: M may, as WS-dict */ \
X( 302, ETSI, MAY,     LOGICAL_ACCESS_ID,        "Logical-Access-ID",        OCTETSTRING,      PLAIN) \
X( 313, ETSI, MAY,     PHYSICAL_ACCESS_ID,       "Physical-Access-ID",       UTF8STRING,       PLAIN) \
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

/* SIP-Request- and SIP-Response-Timestamp-Fraction (TS 32.299 §7.2.154,
 * 7.2.160): milliseconds, 0..999, what the CDR's Milliseconds hold. The
 * dictionary has no value ranges; these two are the reader's own. The
 * entries sit side by side in the table (codes 2301, 2302). */
_Static_assert(I_SIP_RESPONSE_TIMESTAMP_FRACTION == I_SIP_REQUEST_TIMESTAMP_FRACTION + 1,
               "the two fractions are neighbours in the table");
#define FRACTION_MAX 999u
static inline bool is_fraction(const wchg_dict_avp *d) {
  return (size_t)(d - &wchgi_dict_table[I_SIP_REQUEST_TIMESTAMP_FRACTION]) < 2;
}

#endif
