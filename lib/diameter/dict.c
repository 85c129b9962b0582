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
 * wchgi_dict_table. V is MUST exactly when the vendor is not 0 and P is
 * always MUSTNOT (RFC 6733 §4.1), so only the M rule is a column.
 *
 * Sources: RFC 6733, RFC 4006, RFC 7155, RFC 7683; TS 32.299 Table
 * 7.2.0.1 for 3GPP codes, types and flag rules (V15.7.0 as transcribed
 * by freeDiameter) and TS 32.299 §6 / §7 ABNF for grouping and
 * multiplicity (Rel-17 text as quoted by mobius corsac-diameter); the
 * tables of TS 29.061, 29.128, 29.173, 29.212, 29.214, 29.229, 29.272
 * and 29.273 (same freeDiameter file) for the AVPs those specs define
 * and TS 32.299 imports. Where sources conflict, the spec's own table
 * or the RFC wins over Wireshark's dictionary; each choice made between
 * sources has a one-line comment at its row. An AVP whose M rule
 * none of these gives (a later release, another vendor) is M may:
 * accepted either way.
 *
 * Extent: every AVP of RFC 6733 §4.5, RFC 4006 §8 and the whole
 * Service-Information tree an IMS node's ACR or CCR may carry (TS 32.299
 * §7.2: Subscription-Id, AoC-, PS-, IMS- and MMTel-Information with
 * their subtrees) plus the MSCC subtree. The per-service containers no
 * IMS node sends (MMS, LCS, PoC, MBMS, SMS, VCS, ProSe, Service-Generic,
 * IM, DCD, M2M, CPDT) are extensible groups whose children are not
 * described (EXT): their AVPs pass when M is clear.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <webrtc_chg/dict.h>

#include "base/internal.h"

#include "diameter/dict_table.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Extras column: what follows the flag rules in a row. */
#define PLAIN .extensible = false
#define ENUM(a) .enums = (a), .n_enums = NELEM(a)
#define KIDS(a) .children = (a), .n_children = NELEM(a)
#define KIDS_EXT(a) KIDS(a), .extensible = true
#define EXT .extensible = true /* Grouped, "*[ AVP ]", children not described */

/* The table is wchgi_dict_table (internal.h), defined below; the rules
 * point into it. */

/* ABNF occurrence: < x >, { x }, [ x ], *[ x ]. */
#define FIXED(id) {C_##id, V_##id, 1, 1, true, &wchgi_dict_table[I_##id]}
#define REQ(id) {C_##id, V_##id, 1, 1, false, &wchgi_dict_table[I_##id]}
#define OPT(id) {C_##id, V_##id, 0, 1, false, &wchgi_dict_table[I_##id]}
#define ANY(id) {C_##id, V_##id, 0, 0, false, &wchgi_dict_table[I_##id]}

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
/* TS 32.299 Role-Of-Node: 2 = FORWARDING_ROLE (WS-dict's
 * PROXY_ROLE/B2BUA_ROLE are Rel-6 values) */
static const wchg_dict_enum e_role_of_node[] = {
    {0, "ORIGINATING_ROLE"}, {1, "TERMINATING_ROLE"}, {2, "FORWARDING_ROLE"}};
/* TS 32.299 Node-Functionality: 0..21 (WS-dict stops at 17) */
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

/* RFC 6733 §8.18 */
static const wchg_dict_enum e_session_server_failover[] = {
    {0, "REFUSE_SERVICE"}, {1, "TRY_AGAIN"},
    {2, "ALLOW_SERVICE"},  {3, "TRY_AGAIN_ALLOW_SERVICE"}};
/* RFC 6733 §5.4.3 */
static const wchg_dict_enum e_disconnect_cause[] = {
    {0, "REBOOTING"}, {1, "BUSY"}, {2, "DO_NOT_WANT_TO_TALK_TO_YOU"}};
/* RFC 6733 §8.7 */
static const wchg_dict_enum e_auth_request_type[] = {
    {1, "AUTHENTICATE_ONLY"}, {2, "AUTHORIZE_ONLY"}, {3, "AUTHORIZE_AUTHENTICATE"}};
/* RFC 6733 §8.11 */
static const wchg_dict_enum e_auth_session_state[] = {
    {0, "STATE_MAINTAINED"}, {1, "NO_STATE_MAINTAINED"}};
/* RFC 6733 §8.12 */
static const wchg_dict_enum e_re_auth_request_type[] = {
    {0, "AUTHORIZE_ONLY"}, {1, "AUTHORIZE_AUTHENTICATE"}};
/* RFC 6733 §9.8.7 */
static const wchg_dict_enum e_accounting_realtime_required[] = {
    {1, "DELIVER_AND_GRANT"}, {2, "GRANT_AND_STORE"}, {3, "GRANT_AND_LOSE"}};
/* RFC 4006 §8.13 */
static const wchg_dict_enum e_credit_control[] = {
    {0, "CREDIT_AUTHORIZATION"}, {1, "RE_AUTHORIZATION"}};

/* TS 29.061 §16.4.7.2 3GPP-PDP-Type (4..6: Rel-13 Non-IP, Rel-15 5GS) */
static const wchg_dict_enum e_tgpp_pdp_type[] = {
    {0, "IPv4"},   {1, "PPP"},          {2, "IPv6"},    {3, "IPv4v6"},
    {4, "Non-IP"}, {5, "Unstructured"}, {6, "Ethernet"}};
/* TS 29.212 §5.3.27 */
static const wchg_dict_enum e_ip_can_type[] = {
    {0, "3GPP-GPRS"}, {1, "DOCSIS"},       {2, "xDSL"}, {3, "WiMAX"},
    {4, "3GPP2"},     {5, "3GPP-EPS"},     {6, "Non-3GPP-EPS"},
    {7, "FBA"},       {8, "3GPP-5GS"},     {9, "Non-3GPP-5GS"}};
/* TS 29.212 §5.3.17 (TS 23.203 Table 6.1.7): the standardized QCIs of
 * Rel-16, then 128..254, which the operator assigns: all valid values */
#define QCI(n) {n, "QCI_" #n}
#define QCI8(n) QCI(n), QCI(n + 1), QCI(n + 2), QCI(n + 3), QCI(n + 4), QCI(n + 5), QCI(n + 6), QCI(n + 7)
static const wchg_dict_enum e_qos_class_identifier[] = {
    QCI(1),  QCI(2),  QCI(3),  QCI(4),  QCI(5),  QCI(6),  QCI(7),  QCI(8),
    QCI(9),  QCI(65), QCI(66), QCI(67), QCI(69), QCI(70), QCI(71), QCI(72),
    QCI(73), QCI(74), QCI(75), QCI(76), QCI(79), QCI(80), QCI(82), QCI(83),
    QCI(84), QCI(85),
    QCI8(128), QCI8(136), QCI8(144), QCI8(152), QCI8(160), QCI8(168),
    QCI8(176), QCI8(184), QCI8(192), QCI8(200), QCI8(208), QCI8(216),
    QCI8(224), QCI8(232), QCI8(240), QCI(248), QCI(249), QCI(250),
    QCI(251), QCI(252), QCI(253), QCI(254)};
#undef QCI8
#undef QCI
/* TS 29.212 §5.3.46, §5.3.47 */
static const wchg_dict_enum e_pre_emption_capability[] = {
    {0, "PRE-EMPTION_CAPABILITY_ENABLED"}, {1, "PRE-EMPTION_CAPABILITY_DISABLED"}};
static const wchg_dict_enum e_pre_emption_vulnerability[] = {
    {0, "PRE-EMPTION_VULNERABILITY_ENABLED"}, {1, "PRE-EMPTION_VULNERABILITY_DISABLED"}};
/* TS 29.212 §5.3.117, §5.3.116 */
static const wchg_dict_enum e_nbifom_mode[] = {
    {0, "UE_INITIATED"}, {1, "NETWORK_INITIATED"}};
static const wchg_dict_enum e_nbifom_support[] = {
    {0, "NBIFOM_NOT_SUPPORTED"}, {1, "NBIFOM_SUPPORTED"}};

/* TS 32.299 PS-Append-Free-Format-Data */
static const wchg_dict_enum e_ps_append_free_format_data[] = {
    {0, "APPEND"}, {1, "OVERWRITE"}};
/* TS 32.299 PDP-Context-Type */
static const wchg_dict_enum e_pdp_context_type[] = {
    {0, "PRIMARY"}, {1, "SECONDARY"}};
/* TS 32.299 Time-Quota-Type */
static const wchg_dict_enum e_time_quota_type[] = {
    {0, "DISCRETE_TIME_PERIOD"}, {1, "CONTINUOUS_TIME_PERIOD"}};
/* TS 32.299 Subscriber-Role */
static const wchg_dict_enum e_subscriber_role[] = {
    {0, "ORIGINATING"}, {1, "TERMINATING"}};
/* TS 32.299 Serving-Node-Type (6: Rel-12, S2a) */
static const wchg_dict_enum e_serving_node_type[] = {
    {0, "SGSN"}, {1, "PMIPSGW"}, {2, "GTPSGW"}, {3, "ePDG"},
    {4, "hSGW"}, {5, "MME"},     {6, "TWAN"}};
/* TS 32.299 Participant-Action-Type */
static const wchg_dict_enum e_participant_action_type[] = {
    {0, "CREATE_CONF"}, {1, "JOIN_CONF"}, {2, "INVITE_INTO_CONF"}, {3, "QUIT_CONF"}};
/* TS 32.299 Dynamic-Address-Flag and Dynamic-Address-Flag-Extension */
static const wchg_dict_enum e_dynamic_address_flag[] = {
    {0, "Static"}, {1, "Dynamic"}};
/* TS 32.299 SGW-Change */
static const wchg_dict_enum e_sgw_change[] = {
    {0, "ACR_Start_NOT_due_to_SGW_Change"}, {1, "ACR_Start_due_to_SGW_Change"}};
/* TS 32.299 Charging-Characteristics-Selection-Mode */
static const wchg_dict_enum e_charging_characteristics_selection_mode[] = {
    {0, "Serving-Node-Supplied"}, {1, "Subscription-specific"},
    {2, "APN-specific"},          {3, "Home-Default"},
    {4, "Roaming-Default"},       {5, "Visiting-Default"}};
/* TS 32.299 Charge-Reason-Code */
static const wchg_dict_enum e_charge_reason_code[] = {
    {0, "UNKNOWN"},     {1, "USAGE"},         {2, "COMMUNICATION-ATTEMPT-CHARGE"},
    {3, "SETUP-CHARGE"}, {4, "ADD-ON-CHARGE"}};
/* TS 32.299 IMSI-Unauthenticated-Flag */
static const wchg_dict_enum e_imsi_unauthenticated_flag[] = {
    {0, "Authenticated"}, {1, "Unauthenticated"}};
/* TS 32.299 AoC-Format, AoC-Service-Obligatory-Type, AoC-Service-Type */
static const wchg_dict_enum e_aoc_format[] = {
    {0, "MONETARY"}, {1, "NON_MONETARY"}, {2, "CAI"}};
static const wchg_dict_enum e_aoc_service_obligatory_type[] = {
    {0, "NON_BINDING"}, {1, "BINDING"}};
static const wchg_dict_enum e_aoc_service_type[] = {
    {0, "NONE"}, {1, "AOC-S"}, {2, "AOC-D"}, {3, "AOC-E"}};
/* TS 32.299 CSG-Access-Mode, CSG-Membership-Indication */
static const wchg_dict_enum e_csg_access_mode[] = {
    {0, "CLOSED_MODE"}, {1, "HYBRID_MODE"}};
static const wchg_dict_enum e_csg_membership_indication[] = {
    {0, "NOT_CSG_MEMBER"}, {1, "CSG_MEMBER"}};
/* TS 32.299 Low-Priority-Indicator */
static const wchg_dict_enum e_low_priority_indicator[] = {{0, "NO"}, {1, "YES"}};
/* TS 32.299 CN-Operator-Selection-Entity */
static const wchg_dict_enum e_cn_operator_selection_entity[] = {
    {0, "SERVING_NETWORK_SELECTED_BY_THE_UE"},
    {1, "SERVING_NETWORK_SELECTED_BY_THE_NETWORK"}};
/* TS 32.299 Quota-Indicator, Play-Alternative, Privacy-Indicator */
static const wchg_dict_enum e_quota_indicator[] = {
    {0, "QUOTA_IS_NOT_USED_DURING_PLAYBACK"}, {1, "QUOTA_IS_USED_DURING_PLAYBACK"}};
static const wchg_dict_enum e_play_alternative[] = {
    {0, "SERVED_PARTY"}, {1, "REMOTE_PARTY"}};
static const wchg_dict_enum e_privacy_indicator[] = {
    {0, "NOT_PRIVATE"}, {1, "PRIVATE"}};
/* TS 32.299 CP-CIoT-EPS-Optimisation-Indicator */
static const wchg_dict_enum e_cp_ciot_eps_optimisation_indicator[] = {
    {0, "NOT_APPLY"}, {1, "APPLY"}};
/* TS 32.299 SGi-PtP-Tunnelling-Method */
static const wchg_dict_enum e_sgi_ptp_tunnelling_method[] = {
    {0, "UDP_IP_based"}, {1, "Others"}};
/* TS 32.299 UNI-PDU-CP-Only-Flag */
static const wchg_dict_enum e_uni_pdu_cp_only_flag[] = {
    {0, "UNI_PDU_both_UP_CP"}, {1, "UNI_PDU_CP_Only"}};
/* TS 32.299 Additional-Exception-Reports */
static const wchg_dict_enum e_additional_exception_reports[] = {
    {0, "NOT_ALLOWED"}, {1, "ALLOWED"}};
/* TS 32.299 Charging-Per-IP-CAN-Session-Indicator */
static const wchg_dict_enum e_charging_per_ip_can_session_indicator[] = {
    {0, "INACTIVE"}, {1, "ACTIVE"}};
/* TS 32.299 3GPP-PS-Data-Off-Status */
static const wchg_dict_enum e_tgpp_ps_data_off_status[] = {
    {0, "ACTIVE"}, {1, "INACTIVE"}};

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

/* TS 32.299 §7.2 Service-Information. AoC-, PS-, IMS- and MMTel-
 * Information are described to their leaves; the containers of services
 * an IMS node does not charge (MMS, LCS, PoC, MBMS, SMS, VCS, ProSe,
 * Service-Generic, IM, DCD, M2M, CPDT) are not (EXT). */
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

/* TS 32.299 §7.2.158 PS-Information: all 74 children in ABNF order
 * (Rel-17, MOB-32299). The ABNF has no *[ AVP ]; the group stays
 * extensible as it was, which also admits members of earlier releases
 * (e.g. 3GPP-GPRS-Negotiated-QoS-Profile, 3GPP-IMSI). 74 rules: over the
 * 64 of one word of the reader's masks, within its 96 (MAX_RULES). */
static const wchg_dict_rule g_ps_information[] = {
    ANY(SUPPORTED_FEATURES),                   /*  1 */
    OPT(TGPP_CHARGING_ID),                     /*  2 */
    OPT(PDN_CONNECTION_CHARGING_ID),           /*  3 */
    OPT(NODE_ID),                              /*  4 */
    OPT(TGPP_PDP_TYPE),                        /*  5 */
    ANY(PDP_ADDRESS),                          /*  6 */
    OPT(PDP_ADDRESS_PREFIX_LENGTH),            /*  7 */
    OPT(DYNAMIC_ADDRESS_FLAG),                 /*  8 */
    OPT(DYNAMIC_ADDRESS_FLAG_EXTENSION),       /*  9 */
    OPT(QOS_INFORMATION),                      /* 10 */
    ANY(SGSN_ADDRESS),                         /* 11 */
    ANY(GGSN_ADDRESS),                         /* 12 */
    ANY(TDF_IP_ADDRESS),                       /* 13 */
    ANY(SGW_ADDRESS),                          /* 14 */
    ANY(EPDG_ADDRESS),                         /* 15 */
    ANY(TWAG_ADDRESS),                         /* 16 */
    OPT(CG_ADDRESS),                           /* 17 */
    OPT(SERVING_NODE_TYPE),                    /* 18 */
    OPT(SGW_CHANGE),                           /* 19 */
    OPT(TGPP_IMSI_MCC_MNC),                    /* 20 */
    OPT(IMSI_UNAUTHENTICATED_FLAG),            /* 21 */
    OPT(TGPP_GGSN_MCC_MNC),                    /* 22 */
    OPT(TGPP_NSAPI),                           /* 23 */
    OPT(CALLED_STATION_ID),                    /* 24 */
    OPT(TGPP_SESSION_STOP_INDICATOR),          /* 25 */
    OPT(TGPP_SELECTION_MODE),                  /* 26 */
    OPT(TGPP_CHARGING_CHARACTERISTICS),        /* 27 */
    OPT(CHARGING_CHARACTERISTICS_SELECTION_MODE), /* 28 */
    OPT(TGPP_SGSN_MCC_MNC),                    /* 29 */
    OPT(TGPP_MS_TIMEZONE),                     /* 30 */
    OPT(CHARGING_RULE_BASE_NAME),              /* 31 */
    OPT(ADC_RULE_BASE_NAME),                   /* 32 */
    OPT(TGPP_USER_LOCATION_INFO),              /* 33 */
    OPT(USER_LOCATION_INFO_TIME),              /* 34 */
    OPT(USER_CSG_INFORMATION),                 /* 35 */
    ANY(PRESENCE_REPORTING_AREA_INFORMATION),  /* 36 */
    OPT(TGPP2_BSID),                           /* 37 */
    OPT(TWAN_USER_LOCATION_INFO),              /* 38 */
    OPT(UWAN_USER_LOCATION_INFO),              /* 39 */
    OPT(TGPP_RAT_TYPE),                        /* 40 */
    OPT(PS_FURNISH_CHARGING_INFORMATION),      /* 41 */
    OPT(PDP_CONTEXT_TYPE),                     /* 42 */
    OPT(OFFLINE_CHARGING),                     /* 43 */
    ANY(TRAFFIC_DATA_VOLUMES),                 /* 44 */
    ANY(SERVICE_DATA_CONTAINER),               /* 45 */
    OPT(USER_EQUIPMENT_INFO),                  /* 46 */
    OPT(TERMINAL_INFORMATION),                 /* 47 */
    OPT(START_TIME),                           /* 48 */
    OPT(STOP_TIME),                            /* 49 */
    OPT(CHANGE_CONDITION),                     /* 50 */
    OPT(DIAGNOSTICS),                          /* 51 */
    OPT(LOW_PRIORITY_INDICATOR),               /* 52 */
    OPT(NBIFOM_MODE),                          /* 53 */
    OPT(NBIFOM_SUPPORT),                       /* 54 */
    OPT(MME_NUMBER_FOR_MT_SMS),                /* 55 */
    OPT(MME_NAME),                             /* 56 */
    OPT(MME_REALM),                            /* 57 */
    OPT(LOGICAL_ACCESS_ID),                    /* 58 */
    OPT(PHYSICAL_ACCESS_ID),                   /* 59 */
    OPT(FIXED_USER_LOCATION_INFO),             /* 60 */
    OPT(CN_OPERATOR_SELECTION_ENTITY),         /* 61 */
    OPT(ENHANCED_DIAGNOSTICS),                 /* 62 */
    OPT(SGI_PTP_TUNNELLING_METHOD),            /* 63 */
    OPT(CP_CIOT_EPS_OPTIMISATION_INDICATOR),   /* 64 */
    OPT(UNI_PDU_CP_ONLY_FLAG),                 /* 65 */
    OPT(SERVING_PLMN_RATE_CONTROL),            /* 66 */
    OPT(APN_RATE_CONTROL),                     /* 67 */
    OPT(CHARGING_PER_IP_CAN_SESSION_INDICATOR), /* 68 */
    OPT(RRC_CAUSE_COUNTER),                    /* 69 */
    OPT(TGPP_PS_DATA_OFF_STATUS),              /* 70 */
    OPT(SCS_AS_ADDRESS),                       /* 71 */
    OPT(UNUSED_QUOTA_TIMER),                   /* 72 */
    ANY(RAN_SECONDARY_RAT_USAGE_REPORT),       /* 73 */
    OPT(PSCELL_INFO)};                         /* 74 */

/* TS 32.299 §7.2.77 IMS-Information: all 53 children in ABNF order.
 * Multiplicities of the Rel-17 ABNF (MOB-32299: *Transit-IOI-List,
 * Called-Identity-Change present), not FD-32299's. The 32.299 ABNF has
 * no *[ AVP ]; the group is extensible because it carries the TS 29.229
 * WebRTC-Authentication-Function-Name (657) and WebRTC-Web-Server-
 * Function-Name (658) with M clear: 3GPP gives them no place in
 * IMS-Information. */
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

/* TS 32.299 Event-Type: SIP-Method, Event, Expires (not
 * WS-dict's Content-* children) */
static const wchg_dict_rule g_event_type[] = {
    OPT(SIP_METHOD), OPT(EVENT), OPT(EXPIRES)};
/* TS 32.299 Time-Stamps: with the fractions */
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
/* TS 32.299 SDP-Media-Component: the full 32.299 list */
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

/* RFC 4006 §8.43 */
static const wchg_dict_rule g_service_parameter_info[] = {
    REQ(SERVICE_PARAMETER_TYPE), REQ(SERVICE_PARAMETER_VALUE)};

/* ---- Groups below Service-Information and the MSCC (TS 32.299 §7.2
 * and the specs it imports). Extensible exactly where the ABNF ends in
 * *[ AVP ], except the groups that were EXT before this table described
 * them (PS-Furnish-Charging-Information, QoS-Information, Envelope,
 * Time-Quota-Mechanism, AF-Correlation-Information, MMTel-Information,
 * AoC-Information, Tariff-Information, Announcement-Information,
 * Related-Trigger): they stay extensible, so that no group refuses an
 * AVP it accepted before (members of other releases, e.g. MMTel-
 * Information's Subscriber-Role). */

/* TS 32.299 PS-Furnish-Charging-Information */
static const wchg_dict_rule g_ps_furnish_charging_information[] = {
    REQ(TGPP_CHARGING_ID), REQ(PS_FREE_FORMAT_DATA), OPT(PS_APPEND_FREE_FORMAT_DATA)};
/* TS 29.212 §5.3.16 QoS-Information */
static const wchg_dict_rule g_qos_information[] = {
    OPT(QOS_CLASS_IDENTIFIER),
    OPT(MAX_REQUESTED_BANDWIDTH_UL),
    OPT(MAX_REQUESTED_BANDWIDTH_DL),
    OPT(EXTENDED_MAX_REQUESTED_BW_UL),
    OPT(EXTENDED_MAX_REQUESTED_BW_DL),
    OPT(GUARANTEED_BITRATE_UL),
    OPT(GUARANTEED_BITRATE_DL),
    OPT(EXTENDED_GBR_UL),
    OPT(EXTENDED_GBR_DL),
    OPT(BEARER_IDENTIFIER),
    OPT(ALLOCATION_RETENTION_PRIORITY),
    OPT(APN_AGGREGATE_MAX_BITRATE_UL),
    OPT(APN_AGGREGATE_MAX_BITRATE_DL),
    OPT(EXTENDED_APN_AMBR_UL),
    OPT(EXTENDED_APN_AMBR_DL),
    ANY(CONDITIONAL_APN_AGGREGATE_MAX_BITRATE)};
/* TS 29.212 §5.3.32 */
static const wchg_dict_rule g_allocation_retention_priority[] = {
    REQ(PRIORITY_LEVEL), OPT(PRE_EMPTION_CAPABILITY), OPT(PRE_EMPTION_VULNERABILITY)};
/* TS 29.212 §5.3.105. Its *[ RAT-Type ] (1032, M must not) is left
 * undescribed: an unknown AVP without M passes, and its value list
 * grows with every release. */
static const wchg_dict_rule g_conditional_apn_aggregate_max_bitrate[] = {
    OPT(APN_AGGREGATE_MAX_BITRATE_UL), OPT(APN_AGGREGATE_MAX_BITRATE_DL),
    OPT(EXTENDED_APN_AMBR_UL),         OPT(EXTENDED_APN_AMBR_DL),
    ANY(IP_CAN_TYPE)};
/* TS 29.212 §5.3.109 */
static const wchg_dict_rule g_presence_reporting_area_information[] = {
    OPT(PRESENCE_REPORTING_AREA_IDENTIFIER), OPT(PRESENCE_REPORTING_AREA_STATUS),
    OPT(PRESENCE_REPORTING_AREA_ELEMENTS_LIST), OPT(PRESENCE_REPORTING_AREA_NODE)};
/* TS 29.212 §5.3.112 */
static const wchg_dict_rule g_fixed_user_location_info[] = {
    OPT(SSID), OPT(BSSID), OPT(LOGICAL_ACCESS_ID), OPT(PHYSICAL_ACCESS_ID)};
/* TS 29.214 §5.3.10 */
static const wchg_dict_rule g_flows[] = {
    REQ(MEDIA_COMPONENT_NUMBER), ANY(FLOW_NUMBER), ANY(CONTENT_VERSION),
    OPT(FINAL_UNIT_ACTION),      OPT(MEDIA_COMPONENT_STATUS)};
/* TS 29.214 §5.3.62 */
static const wchg_dict_rule g_callee_information[] = {
    OPT(CALLED_PARTY_ADDRESS), ANY(REQUESTED_PARTY_ADDRESS), ANY(CALLED_ASSERTED_IDENTITY)};
/* TS 29.229 §6.3.29 */
static const wchg_dict_rule g_supported_features[] = {
    REQ(VENDOR_ID), REQ(FEATURE_LIST_ID), REQ(FEATURE_LIST)};
/* TS 29.272 §7.3.3 */
static const wchg_dict_rule g_terminal_information[] = {
    OPT(IMEI), OPT(TGPP2_MEID), OPT(SOFTWARE_VERSION)};
/* TS 29.128 §6.4.21, §6.4.27 */
static const wchg_dict_rule g_serving_plmn_rate_control[] = {
    OPT(UPLINK_RATE_LIMIT), OPT(DOWNLINK_RATE_LIMIT)};
static const wchg_dict_rule g_rrc_cause_counter[] = {
    OPT(COUNTER_VALUE), OPT(RRC_COUNTER_TIMESTAMP)};

/* TS 32.299 Offline-Charging */
static const wchg_dict_rule g_offline_charging[] = {
    OPT(QUOTA_CONSUMPTION_TIME), OPT(TIME_QUOTA_MECHANISM), OPT(ENVELOPE_REPORTING),
    ANY(MULTIPLE_SERVICES_CREDIT_CONTROL)};
/* TS 32.299 Envelope */
static const wchg_dict_rule g_envelope[] = {
    REQ(ENVELOPE_START_TIME), OPT(ENVELOPE_END_TIME), OPT(CC_TOTAL_OCTETS),
    OPT(CC_INPUT_OCTETS),     OPT(CC_OUTPUT_OCTETS),  OPT(CC_SERVICE_SPECIFIC_UNITS)};
/* TS 32.299 Time-Quota-Mechanism */
static const wchg_dict_rule g_time_quota_mechanism[] = {
    REQ(TIME_QUOTA_TYPE), REQ(BASE_TIME_INTERVAL)};
/* TS 32.299 AF-Correlation-Information */
static const wchg_dict_rule g_af_correlation_information[] = {
    REQ(AF_CHARGING_IDENTIFIER), ANY(FLOWS)};
/* TS 32.299 Announcement-Information */
static const wchg_dict_rule g_announcement_information[] = {
    REQ(ANNOUNCEMENT_IDENTIFIER), ANY(VARIABLE_PART),    OPT(TIME_INDICATOR),
    OPT(QUOTA_INDICATOR),         OPT(ANNOUNCEMENT_ORDER), OPT(PLAY_ALTERNATIVE),
    OPT(PRIVACY_INDICATOR),       OPT(LANGUAGE)};
/* TS 32.299 Variable-Part */
static const wchg_dict_rule g_variable_part[] = {
    OPT(VARIABLE_PART_ORDER), REQ(VARIABLE_PART_TYPE), REQ(VARIABLE_PART_VALUE)};
/* TS 32.299 Service-Data-Container */
static const wchg_dict_rule g_service_data_container[] = {
    OPT(AF_CORRELATION_INFORMATION),
    OPT(CHARGING_RULE_BASE_NAME),
    OPT(ACCOUNTING_INPUT_OCTETS),
    OPT(ACCOUNTING_OUTPUT_OCTETS),
    OPT(LOCAL_SEQUENCE_NUMBER),
    OPT(QOS_INFORMATION),
    OPT(RATING_GROUP),
    OPT(CHANGE_TIME),
    OPT(SERVICE_IDENTIFIER),
    OPT(SERVICE_SPECIFIC_INFO),
    OPT(ADC_RULE_BASE_NAME),
    OPT(SGSN_ADDRESS),
    OPT(TIME_FIRST_USAGE),
    OPT(TIME_LAST_USAGE),
    OPT(TIME_USAGE),
    ANY(CHANGE_CONDITION),
    OPT(TGPP_USER_LOCATION_INFO),
    OPT(TGPP2_BSID),
    OPT(UWAN_USER_LOCATION_INFO),
    OPT(TWAN_USER_LOCATION_INFO),
    OPT(SPONSOR_IDENTITY),
    OPT(APPLICATION_SERVICE_PROVIDER_IDENTITY),
    ANY(PRESENCE_REPORTING_AREA_INFORMATION),
    OPT(PRESENCE_REPORTING_AREA_STATUS),
    OPT(USER_CSG_INFORMATION),
    OPT(TGPP_RAT_TYPE),
    OPT(RELATED_CHANGE_CONDITION_INFORMATION),
    OPT(SERVING_PLMN_RATE_CONTROL),
    OPT(APN_RATE_CONTROL),
    OPT(TGPP_PS_DATA_OFF_STATUS),
    OPT(TRAFFIC_STEERING_POLICY_IDENTIFIER_DL),
    OPT(TRAFFIC_STEERING_POLICY_IDENTIFIER_UL),
    OPT(VOLTE_INFORMATION)};
/* TS 32.299 Traffic-Data-Volumes */
static const wchg_dict_rule g_traffic_data_volumes[] = {
    OPT(QOS_INFORMATION),
    OPT(ACCOUNTING_INPUT_OCTETS),
    OPT(ACCOUNTING_OUTPUT_OCTETS),
    OPT(CHANGE_CONDITION),
    OPT(CHANGE_TIME),
    OPT(TGPP_USER_LOCATION_INFO),
    OPT(UWAN_USER_LOCATION_INFO),
    OPT(TGPP_CHARGING_ID),
    OPT(PRESENCE_REPORTING_AREA_STATUS),
    ANY(PRESENCE_REPORTING_AREA_INFORMATION),
    OPT(USER_CSG_INFORMATION),
    OPT(TGPP_RAT_TYPE),
    OPT(ACCESS_AVAILABILITY_CHANGE_REASON),
    OPT(RELATED_CHANGE_CONDITION_INFORMATION),
    OPT(DIAGNOSTICS),
    OPT(ENHANCED_DIAGNOSTICS),
    OPT(CP_CIOT_EPS_OPTIMISATION_INDICATOR),
    OPT(SERVING_PLMN_RATE_CONTROL),
    OPT(APN_RATE_CONTROL)};
/* TS 32.299 Related-Change-Condition-Information */
static const wchg_dict_rule g_related_change_condition_information[] = {
    OPT(SGSN_ADDRESS),            ANY(CHANGE_CONDITION),
    OPT(TGPP_USER_LOCATION_INFO), OPT(TGPP2_BSID),
    OPT(UWAN_USER_LOCATION_INFO), OPT(PRESENCE_REPORTING_AREA_STATUS),
    OPT(USER_CSG_INFORMATION),    OPT(TGPP_RAT_TYPE)};
/* TS 32.299 User-CSG-Information */
static const wchg_dict_rule g_user_csg_information[] = {
    REQ(CSG_ID), REQ(CSG_ACCESS_MODE), OPT(CSG_MEMBERSHIP_INDICATION)};
/* TS 32.299 TWAN-User-Location-Info */
static const wchg_dict_rule g_twan_user_location_info[] = {
    REQ(SSID), OPT(BSSID), OPT(CIVIC_ADDRESS_INFORMATION), OPT(WLAN_OPERATOR_ID),
    OPT(LOGICAL_ACCESS_ID)};
/* TS 32.299 UWAN-User-Location-Info */
static const wchg_dict_rule g_uwan_user_location_info[] = {
    REQ(UE_LOCAL_IP_ADDRESS), OPT(UDP_SOURCE_PORT), OPT(SSID),
    OPT(BSSID),               OPT(TCP_SOURCE_PORT), OPT(CIVIC_ADDRESS_INFORMATION),
    OPT(WLAN_OPERATOR_ID),    OPT(LOGICAL_ACCESS_ID)};
/* TS 32.299 WLAN-Operator-Id */
static const wchg_dict_rule g_wlan_operator_id[] = {
    OPT(WLAN_PLMN_ID), OPT(WLAN_OPERATOR_NAME)};
/* TS 32.299 Enhanced-Diagnostics */
static const wchg_dict_rule g_enhanced_diagnostics[] = {ANY(RAN_NAS_RELEASE_CAUSE)};
/* TS 32.299 APN-Rate-Control and its two directions */
static const wchg_dict_rule g_apn_rate_control[] = {
    OPT(APN_RATE_CONTROL_UPLINK), OPT(APN_RATE_CONTROL_DOWNLINK)};
static const wchg_dict_rule g_apn_rate_control_uplink[] = {
    OPT(ADDITIONAL_EXCEPTION_REPORTS), OPT(RATE_CONTROL_TIME_UNIT),
    OPT(RATE_CONTROL_MAX_RATE)};
static const wchg_dict_rule g_apn_rate_control_downlink[] = {
    OPT(RATE_CONTROL_TIME_UNIT), OPT(RATE_CONTROL_MAX_RATE),
    OPT(RATE_CONTROL_MAX_MESSAGE_SIZE)};
/* TS 32.299 SCS-AS-Address */
static const wchg_dict_rule g_scs_as_address[] = {OPT(SCS_REALM), OPT(SCS_ADDRESS)};
/* TS 32.299 RAN-Secondary-RAT-Usage-Report */
static const wchg_dict_rule g_ran_secondary_rat_usage_report[] = {
    OPT(SECONDARY_RAT_TYPE),      OPT(RAN_START_TIMESTAMP),
    OPT(RAN_END_TIMESTAMP),       OPT(ACCOUNTING_INPUT_OCTETS),
    OPT(ACCOUNTING_OUTPUT_OCTETS), OPT(TGPP_CHARGING_ID)};
/* TS 32.299 (Rel-16) PSCell-Info, VoLTE-Information */
static const wchg_dict_rule g_pscell_info[] = {OPT(NR_CGI)};
static const wchg_dict_rule g_volte_information[] = {
    OPT(CALLING_PARTY_ADDRESS), OPT(CALLEE_INFORMATION)};

/* TS 32.299 MMTel-Information, Supplementary-Service */
static const wchg_dict_rule g_mmtel_information[] = {ANY(SUPPLEMENTARY_SERVICE)};
static const wchg_dict_rule g_supplementary_service[] = {
    OPT(MMTEL_SSERVICE_TYPE),    OPT(SERVICE_MODE),
    OPT(NUMBER_OF_DIVERSIONS),   OPT(ASSOCIATED_PARTY_ADDRESS),
    OPT(SERVICE_ID),             OPT(CHANGE_TIME),
    OPT(NUMBER_OF_PARTICIPANTS), OPT(PARTICIPANT_ACTION_TYPE),
    OPT(CUG_INFORMATION),        OPT(AOC_INFORMATION)};
/* TS 32.299 AoC-Information and its subtree. Accumulated-Cost,
 * Incremental-Cost, Unit-Cost and Scale-Factor have the children of
 * Unit-Value ({Value-Digits} [Exponent]): they use g_unit_value. */
static const wchg_dict_rule g_aoc_information[] = {
    OPT(AOC_COST_INFORMATION), OPT(TARIFF_INFORMATION), OPT(AOC_SUBSCRIPTION_INFORMATION)};
static const wchg_dict_rule g_aoc_cost_information[] = {
    OPT(ACCUMULATED_COST), ANY(INCREMENTAL_COST), OPT(CURRENCY_CODE)};
static const wchg_dict_rule g_tariff_information[] = {
    REQ(CURRENT_TARIFF), OPT(TARIFF_TIME_CHANGE), OPT(NEXT_TARIFF)};
/* Current-Tariff and Next-Tariff */
static const wchg_dict_rule g_tariff[] = {
    OPT(CURRENCY_CODE), OPT(SCALE_FACTOR), ANY(RATE_ELEMENT)};
static const wchg_dict_rule g_rate_element[] = {
    REQ(CC_UNIT_TYPE), OPT(CHARGE_REASON_CODE), OPT(UNIT_VALUE), OPT(UNIT_COST),
    OPT(UNIT_QUOTA_THRESHOLD)};
static const wchg_dict_rule g_aoc_subscription_information[] = {
    ANY(AOC_SERVICE), OPT(AOC_FORMAT), OPT(PREFERRED_AOC_CURRENCY)};
static const wchg_dict_rule g_aoc_service[] = {
    OPT(AOC_SERVICE_OBLIGATORY_TYPE), OPT(AOC_SERVICE_TYPE)};

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

const wchg_dict_avp wchgi_dict_table[N_INDEX] = {DICT(ROW)};

#define N_AVPS NELEM(wchgi_dict_table)

/* ------------------------------------------------------------------ */
/* Commands                                                            */
/* ------------------------------------------------------------------ */

/* TS 32.299 §6.2.2 ACR, with the RFC 6733 §9.7.1 AVPs 32.299 leaves
 * out (Vendor-Specific-Application-Id .. Accounting-Realtime-Required):
 * a peer of the base protocol may send them */
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
    OPT(SERVICE_INFORMATION),
    OPT(VENDOR_SPECIFIC_APPLICATION_ID),
    OPT(ACCOUNTING_SUB_SESSION_ID),
    OPT(ACCT_SESSION_ID),
    OPT(ACCT_MULTI_SESSION_ID),
    OPT(ACCOUNTING_REALTIME_REQUIRED)};

/* TS 32.299 §6.2.3 ACA, with the RFC 6733 §9.7.2 AVPs it leaves out */
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
    ANY(PROXY_INFO),
    OPT(VENDOR_SPECIFIC_APPLICATION_ID),
    OPT(ACCOUNTING_SUB_SESSION_ID),
    OPT(ACCT_SESSION_ID),
    OPT(ACCT_MULTI_SESSION_ID),
    OPT(ACCOUNTING_REALTIME_REQUIRED)};

/* TS 32.299 §6.4.2 CCR with the RFC 4006 §3.1 AVPs 32.299 leaves out
 * (CC-Sub-Session-Id .. *Service-Parameter-Info, at the end): a credit-
 * control client of RFC 4006 sends them at the top level. */
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
    OPT(SERVICE_INFORMATION),
    OPT(CC_SUB_SESSION_ID),
    OPT(ACCT_MULTI_SESSION_ID),
    OPT(SERVICE_IDENTIFIER),
    OPT(REQUESTED_SERVICE_UNIT),
    ANY(USED_SERVICE_UNIT),
    ANY(SERVICE_PARAMETER_INFO)};

/* TS 32.299 §6.4.3 CCA with the RFC 4006 §3.2 AVPs 32.299 leaves out
 * (User-Name .. Validity-Time, at the end); *[ Failed-AVP ] as RFC 4006
 * has it (32.299: [ Failed-AVP ]). */
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
    ANY(FAILED_AVP),
    OPT(SERVICE_INFORMATION),
    ANY(PROXY_INFO),
    ANY(ROUTE_RECORD),
    OPT(USER_NAME),
    OPT(CC_SUB_SESSION_ID),
    OPT(ACCT_MULTI_SESSION_ID),
    OPT(ORIGIN_STATE_ID),
    OPT(EVENT_TIMESTAMP),
    OPT(GRANTED_SERVICE_UNIT),
    OPT(FINAL_UNIT_INDICATION),
    OPT(CHECK_BALANCE_RESULT),
    OPT(VALIDITY_TIME)};

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
    if (before(&wchgi_dict_table[mid], vendor, code))
      lo = mid + 1;
    else
      hi = mid;
  }
  const wchg_dict_avp *d = &wchgi_dict_table[lo];
  if (lo < N_AVPS && d->vendor == vendor && d->code == code)
    return d;
  return NULL;
}

const wchg_dict_avp *wchg_dict_find_name(const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; i < N_AVPS; i++)
    if (strcmp(wchgi_dict_table[i].name, name) == 0)
      return &wchgi_dict_table[i];
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
  return wchgi_dict_table;
}

/* ------------------------------------------------------------------ */
/* What the reader needs per entry (internal.h, wchgi_dict_meta)       */
/* ------------------------------------------------------------------ */

/* Derived from the table above, never written by hand: lib/dict_meta.inc
 * is generated from wchgi_dict_meta_derive() by `make dict-meta`, and a unit
 * test checks that it still equals what the table derives. A const table,
 * so the library keeps no mutable state. */

#define N_COMMANDS NELEM(commands)

/* One slot per entry, as wide as an entry (wchg_dict_meta_of) */
union meta_slot {
  struct wchgi_dict_meta m;
  wchg_dict_avp stride;
};
_Static_assert(sizeof(union meta_slot) == sizeof(wchg_dict_avp), "meta as wide as entries");

void wchgi_dict_rules_meta(struct wchgi_dict_meta *m, const wchg_dict_rule *r, size_t n) {
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

static void value_meta(struct wchgi_dict_meta *m, const wchg_dict_avp *a) {
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

static void enum_meta(struct wchgi_dict_meta *m, const wchg_dict_avp *a) {
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

/* ---- the rules' perfect hashes (internal.h, wchgi_rule_slot) ----------- */

/* The multipliers tried, in this order: splitmix64 of 0, 1, ..., odd. */
static uint64_t slots_mul(uint64_t seed) {
  uint64_t x = seed + 0x9E3779B97F4A7C15u;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
  return (x ^ (x >> 31)) | 1;
}

/* Whether |mul| puts no two of the rules r[0..n) in one of 2^|bits|
 * slots. */
static bool slots_apart(const wchg_dict_rule *r, size_t n, uint64_t mul, unsigned bits) {
  bool taken[1u << 11] = {false}; /* at most 255 rules: 2^11 slots */
  for (size_t i = 0; i < n; i++) {
    size_t h = wchgi_rule_hash(r[i].code, r[i].vendor, mul, 64 - bits);
    if (taken[h])
      return false;
    taken[h] = true;
  }
  return true;
}

static bool rules_repeat(const wchg_dict_rule *r, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (r[i].code == r[j].code && r[i].vendor == r[j].vendor)
        return true;
  return false;
}

/* The slot of rule |ri| of |r|: the facts of its entry (|metas|, derived
 * already). */
static struct wchgi_rule_slot rule_slot(const wchg_dict_rule *r, size_t ri,
                                        const struct wchgi_dict_meta *metas) {
  const wchg_dict_avp *a = r[ri].avp;
  const struct wchgi_dict_meta *m = &metas[a - wchgi_dict_table];
  struct wchgi_rule_slot s = {.key = (uint64_t)r[ri].vendor << 32 | r[ri].code,
                              .entry = (uint16_t)(a - wchgi_dict_table),
                              .ri = (uint8_t)ri,
                              .kind = WCHG_RK_ENTRY,
                              .fmask = m->fmask,
                              .fval = m->fval};
  switch (m->kind) {
  case WCHG_DK_ANY: case WCHG_DK_FIXED8: case WCHG_DK_FIXED4:
    s.kind = WCHG_RK_SIZE;
    s.size = m->kind == WCHG_DK_ANY ? 0 : m->kind == WCHG_DK_FIXED8 ? 8 : 4;
    if (is_fraction(a)) {
      s.kind = WCHG_RK_RANGE;
      s.hi = FRACTION_MAX;
    }
    break;
  case WCHG_DK_ENUM_DENSE:
    s.kind = WCHG_RK_RANGE;
    s.lo = m->lo;
    s.hi = m->hi;
    break;
  case WCHG_DK_UTF8:
    s.kind = WCHG_RK_UTF8;
    break;
  case WCHG_DK_GROUP:
    s.kind = WCHG_RK_GROUP;
    break;
  default:
    break;
  }
  return s;
}

/* The perfect hash of the rules r[0..n) into slots[*used..]: the fewest
 * slots (at least n) that one of the first 2^14 multipliers separates
 * them into, up to 8 times the fewest; none for a level without rules,
 * with more than 255, with an AVP named twice, or when the slots are
 * full (then *used is SIZE_MAX). */
static void rules_slots(struct wchgi_dict_meta *m, const wchg_dict_rule *r, size_t n,
                        const struct wchgi_dict_meta *metas, struct wchgi_rule_slot *slots,
                        size_t *used) {
  unsigned b0 = 1;
  m->hmul = 0;
  m->hoff = 0;
  m->hshift = 0;
  if (!n || n > 255 || *used == SIZE_MAX || rules_repeat(r, n))
    return;
  while (((size_t)1 << b0) < n)
    b0++;
  for (unsigned bits = b0; bits <= b0 + 3; bits++)
    for (uint64_t seed = 0; seed < 1u << 14; seed++) {
      uint64_t mul = slots_mul(seed);
      size_t size = (size_t)1 << bits;
      if (!slots_apart(r, n, mul, bits))
        continue;
      if (*used + size > WCHGI_DICT_SLOTS_MAX) {
        *used = SIZE_MAX;
        return;
      }
      for (size_t k = 0; k < size; k++)
        slots[*used + k] = (struct wchgi_rule_slot){.key = rule_slot(r, 0, metas).key};
      for (size_t i = 0; i < n; i++)
        slots[*used + wchgi_rule_hash(r[i].code, r[i].vendor, mul, 64 - bits)] =
            rule_slot(r, i, metas);
      m->hmul = mul;
      m->hoff = (uint16_t)*used;
      m->hshift = (uint8_t)(64 - bits);
      *used += size;
      return;
    }
}

size_t wchgi_dict_meta_count(void) { return N_AVPS + N_COMMANDS; }

void wchgi_dict_avp_meta(struct wchgi_dict_meta *m, const wchg_dict_avp *a) {
  memset(m, 0, sizeof *m);
  wchgi_dict_rules_meta(m, a->children, a->n_children);
  enum_meta(m, a);
  value_meta(m, a);
}

size_t wchgi_dict_meta_derive(struct wchgi_dict_meta *out, struct wchgi_rule_slot *slots) {
  size_t used = 0;
  for (size_t i = 0; i < N_AVPS; i++)
    wchgi_dict_avp_meta(&out[i], &wchgi_dict_table[i]);
  for (size_t i = 0; i < N_AVPS; i++)
    rules_slots(&out[i], wchgi_dict_table[i].children, wchgi_dict_table[i].n_children, out,
                slots, &used);
  for (size_t i = 0; i < N_COMMANDS; i++) {
    memset(&out[N_AVPS + i], 0, sizeof out[N_AVPS + i]);
    wchgi_dict_rules_meta(&out[N_AVPS + i], commands[i].avps, commands[i].n_avps);
    rules_slots(&out[N_AVPS + i], commands[i].avps, commands[i].n_avps, out, slots, &used);
  }
  return used == SIZE_MAX ? 0 : used;
}

/* slots[] (the facts of every entry and command) and
 * wchgi_dict_rule_slots[], generated */
#ifndef WCHG_DICT_META_BOOTSTRAP
#include "diameter/dict_meta.inc"
#else
static const union meta_slot slots[N_AVPS + N_COMMANDS];
const struct wchgi_rule_slot wchgi_dict_rule_slots[1];
#endif

const struct wchgi_dict_meta *wchgi_dict_meta_table(const wchg_dict_avp **base) {
  *base = wchgi_dict_table;
  return &slots[0].m;
}

const struct wchgi_dict_meta *wchgi_dict_command_meta(const struct wchgi_dict_meta *table,
                                                    const wchg_dict_command *cmd) {
  (void)table; /* the one table */
  return &slots[N_AVPS + (size_t)(cmd - commands)].m;
}
