/*
 * webrtc_chg — ro.h: Ro online charging (TS 32.299 §6.4, RFC 4006) for
 * the sessions and standalone requests of WebRTC (WIC) users: the
 * Credit-Control-Request as a model and its encoder, the Credit-Control-
 * Answer read into a fixed-size struct, and the per-session credit state.
 *
 * In 3GPP the Ro clients are the IMS-GWF (for the S-CSCF), the AS and the
 * MRFC (TS 32.260 §4.3), not the P-CSCF: a wchg_ccr carries the
 * Node-Functionality of one of those (S-CSCF 0, MRFC 3, AS 6). The
 * registration context is the one Rf uses (ctf.h): the same wchg_ims_info
 * with the WAF/WWSF identities (657/658, M clear, webrtc_ext.h).
 *
 * CCR model field -> AVP (the CCR ABNF order, TS 32.299 §6.4.2):
 *   session_id .............. Session-Id (263), first
 *   origin_host, _realm ..... Origin-Host (264), Origin-Realm (296)
 *   destination_realm ....... Destination-Realm (283)
 *   (always) ................ Auth-Application-Id (258) = 4
 *   ims.service_context_id .. Service-Context-Id (461); empty: "32260@3gpp.org"
 *   cc_request_type/_number . CC-Request-Type (416) / -Number (415)
 *   destination_host ........ Destination-Host (293)
 *   ims.private_user_id ..... User-Name (1)
 *   origin_state_id ......... Origin-State-Id (278)
 *   event_timestamp ......... Event-Timestamp (55), whole seconds
 *   ims.list_of_subscription_id  Subscription-Id (443), at the top level
 *   termination_cause ....... Termination-Cause (295), TERMINATION only
 *   requested_action ........ Requested-Action (436), EVENT only
 *   multiple_services_indicator  Multiple-Services-Indicator (455)
 *   mscc[i] ................. Multiple-Services-Credit-Control (456):
 *       requested_service_unit  Requested-Service-Unit (437) when .present
 *       used_service_units[j]   Used-Service-Unit (446) {Reporting-Reason,
 *                               CC-Time, CC-Total/Input/Output-Octets}
 *       service_identifier .... Service-Identifier (439)
 *       rating_group .......... Rating-Group (432)
 *       reporting_reason ...... Reporting-Reason (872)
 *       trigger, trigger_types  Trigger (1264) {*Trigger-Type 870}
 *   Service-Information (873) / IMS-Information (876): as in acr.h, with
 *       node_functionality, cause_code and the Time-Stamps from here; the
 *       Subscription-Ids are at the top level instead.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_RO_H
#define WEBRTC_CHG_RO_H

#include <webrtc_chg/acr.h>
#include <webrtc_chg/common.h>
#include <webrtc_chg/ims_info.h>
#include <webrtc_chg/result_code.h>

#ifdef __cplusplus
extern "C" {
#endif

/** CC-Request-Type (416). */
enum {
  /** INITIAL_REQUEST: the CCR-I that opens the credit-control session */
  WCHG_CC_INITIAL = 1,
  /** UPDATE_REQUEST: a CCR-U, reporting usage or asking for more */
  WCHG_CC_UPDATE = 2,
  /** TERMINATION_REQUEST: the CCR-T that ends the session */
  WCHG_CC_TERMINATION = 3,
  /** EVENT_REQUEST: one CCR for an event, with no session */
  WCHG_CC_EVENT = 4,
};

/** Requested-Action (436), RFC 4006 §8.41. */
enum {
  /** DIRECT_DEBITING: debit the account at once (immediate event
   * charging) */
  WCHG_RA_DIRECT_DEBITING = 0,
  /** REFUND_ACCOUNT: credit the account */
  WCHG_RA_REFUND_ACCOUNT = 1,
  /** CHECK_BALANCE: whether the account could cover the units */
  WCHG_RA_CHECK_BALANCE = 2,
  /** PRICE_ENQUIRY: what the units would cost */
  WCHG_RA_PRICE_ENQUIRY = 3,
};

/** Reporting-Reason (872), TS 32.299 §7.2.175. */
enum {
  /** THRESHOLD: the quota threshold was reached */
  WCHG_RR_THRESHOLD = 0,
  /** QHT: the quota holding time passed with no use */
  WCHG_RR_QHT = 1,
  /** FINAL: the last report of the group (the service or the media ended) */
  WCHG_RR_FINAL = 2,
  /** QUOTA_EXHAUSTED: the granted quota is used up */
  WCHG_RR_QUOTA_EXHAUSTED = 3,
  /** VALIDITY_TIME: the grant's Validity-Time passed */
  WCHG_RR_VALIDITY_TIME = 4,
  /** OTHER_QUOTA_TYPE: another quota type of the same grant ran out */
  WCHG_RR_OTHER_QUOTA_TYPE = 5,
  /** RATING_CONDITION_CHANGE: what rates the usage changed (e.g. the
   * media, wchg_credit_media_change()) */
  WCHG_RR_RATING_CONDITION_CHANGE = 6,
  /** FORCED_REAUTHORISATION: the server asked for a new authorisation */
  WCHG_RR_FORCED_REAUTHORISATION = 7,
  /** POOL_EXHAUSTED: the credit pool shared with other groups ran out */
  WCHG_RR_POOL_EXHAUSTED = 8,
  /** UNUSED_QUOTA_TIMER: the unused-quota timer expired */
  WCHG_RR_UNUSED_QUOTA_TIMER = 9,
};

/** Final-Unit-Action (449), RFC 4006 §8.35. */
enum {
  /** TERMINATE: end the service when the final units are used */
  WCHG_FUA_TERMINATE = 0,
  /** REDIRECT: send the user to the Redirect-Server (e.g. a top-up page) */
  WCHG_FUA_REDIRECT = 1,
  /** RESTRICT_ACCESS: let through only what the restriction filters
   * allow */
  WCHG_FUA_RESTRICT_ACCESS = 2,
};

/** Termination-Cause (295), RFC 6733 §8.15. */
enum {
  /** DIAMETER_LOGOUT: the user ended the session (BYE) */
  WCHG_TC_LOGOUT = 1,
  /** DIAMETER_SERVICE_NOT_PROVIDED: the service was never given */
  WCHG_TC_SERVICE_NOT_PROVIDED = 2,
  /** DIAMETER_BAD_ANSWER: an answer the client could not use */
  WCHG_TC_BAD_ANSWER = 3,
  /** DIAMETER_ADMINISTRATIVE: ended for administrative reasons */
  WCHG_TC_ADMINISTRATIVE = 4,
  /** DIAMETER_LINK_BROKEN: the link to the user was lost */
  WCHG_TC_LINK_BROKEN = 5,
  /** DIAMETER_AUTH_EXPIRED: the authorised session time expired */
  WCHG_TC_AUTH_EXPIRED = 6,
  /** DIAMETER_USER_MOVED: the user moved to another node */
  WCHG_TC_USER_MOVED = 7,
  /** DIAMETER_SESSION_TIMEOUT: the session timed out */
  WCHG_TC_SESSION_TIMEOUT = 8,
};

/** A Requested-, Used- or Granted-Service-Unit (RFC 4006 §8.17-8.19).
 * The octet and service-specific units are Unsigned64: each has its own
 * presence flag. */
typedef struct wchg_service_unit {
  bool present;                  /* the group is sent / was received */
  wchg_opt_int cc_time;          /* CC-Time (420), seconds, Unsigned32 */
  bool has_cc_total_octets, has_cc_input_octets, has_cc_output_octets;
  uint64_t cc_total_octets;      /* CC-Total-Octets (421) */
  uint64_t cc_input_octets;      /* CC-Input-Octets (412) */
  uint64_t cc_output_octets;     /* CC-Output-Octets (414) */
  bool has_cc_service_specific_units;
  uint64_t cc_service_specific_units; /* CC-Service-Specific-Units (417):
                                    events, e.g. 1 per MESSAGE (ECUR) */
  wchg_opt_int reporting_reason; /* Used-Service-Unit only: THRESHOLD,
                                    QUOTA_EXHAUSTED, OTHER_QUOTA_TYPE,
                                    POOL_EXHAUSTED (TS 32.299 §7.2.175) */
} wchg_service_unit;

/** One Multiple-Services-Credit-Control of a CCR (TS 32.299 §7.1.9). */
typedef struct wchg_mscc {
  wchg_service_unit requested_service_unit; /* sent when .present (may be empty) */
  const wchg_service_unit *used_service_units;
  size_t n_used_service_units;
  wchg_opt_int service_identifier;          /* Unsigned32 */
  wchg_opt_int rating_group;                /* Unsigned32 */
  wchg_opt_int reporting_reason;            /* the reasons for all quota types:
                                               QHT, FINAL, VALIDITY_TIME, ... */
  bool trigger;                             /* send Trigger (1264) */
  const int32_t *trigger_types;             /* its Trigger-Type (870) values */
  size_t n_trigger_types;
} wchg_mscc;

/** One Ro CCR as a model (the table at the top says which field
 * becomes which AVP): start from wchg_ccr_init(), write with
 * wchg_ccr_encode(). */
typedef struct wchg_ccr {
  /* the message header: identifiers from the caller */
  uint32_t hop_by_hop;
  uint32_t end_to_end;
  bool retransmitted;                    /* the T flag */

  wchg_str session_id;                   /* required */
  wchg_str origin_host;                  /* required */
  wchg_str origin_realm;                 /* required */
  wchg_str destination_realm;            /* required */
  wchg_str destination_host;             /* optional */
  int32_t cc_request_type;               /* WCHG_CC_INITIAL .. WCHG_CC_EVENT */
  uint32_t cc_request_number;            /* 0 for the first, then +1 */
  wchg_opt_int origin_state_id;
  wchg_time_ms event_timestamp;
  wchg_opt_int termination_cause;        /* TERMINATION only */
  wchg_opt_int requested_action;         /* EVENT only */
  wchg_opt_int multiple_services_indicator; /* 0 NOT_SUPPORTED, 1 SUPPORTED */
  const wchg_mscc *mscc;
  size_t n_mscc;

  /* IMS-Information items with no model field (as in wchg_acr) */
  int32_t node_functionality;            /* WCHG_NODE_S_CSCF, _MRFC or _AS */
  wchg_opt_int cause_code;               /* TERMINATION and EVENT */
  wchg_time_ms sip_request_timestamp;
  wchg_time_ms sip_response_timestamp;

  wchg_ims_info ims;                     /* the neutral model, as in Rf */
} wchg_ccr;

/** wchg_ccr_init - zero |ccr| and set its Node-Functionality to
 * |node_functionality| (WCHG_NODE_S_CSCF for the IMS-GWF, WCHG_NODE_AS,
 * WCHG_NODE_MRFC). */
WCHG_API void wchg_ccr_init(wchg_ccr *ccr, int32_t node_functionality);

/**
 * wchg_ccr_encode - write |ccr| as one complete CCR message (command 272,
 * R and P set, T when retransmitted, application 4) into |buf| (|cap|
 * bytes; NULL with cap 0 measures) and set *|len| to its size. Allocates
 * nothing. Checks before writing anything, with the acr.h rules for
 * Service-Information/IMS-Information (path "CCR/Service-Information/
 * IMS-Information/..."), and:
 *   WCHG_E_ARG      |ccr| or |len| NULL;
 *   WCHG_E_MISSING  Session-Id, Origin-Host, Origin-Realm, Destination-
 *                   Realm empty; an MSCC list with a count but no items;
 *   WCHG_E_RANGE    cc_request_type not 1..4; node_functionality not an
 *                   Ro client (S-CSCF 0, MRFC 3, AS 6: the P-CSCF is not
 *                   one in 3GPP); Termination-Cause outside TERMINATION,
 *                   Requested-Action outside EVENT; an Enumerated value
 *                   the dictionary does not name; a value beyond its type;
 *   WCHG_E_UTF8, WCHG_E_EMERGENCY, WCHG_E_LIMIT as in wchg_acr_encode();
 *   WCHG_E_BUFFER   |cap| too small: *|len| is the size needed.
 * On the other errors *|len| is 0. |diag| (may be NULL) gets the code,
 * the path (e.g. "CCR/Multiple-Services-Credit-Control[0]/Used-Service-
 * Unit[1]/Reporting-Reason") and a sentence.
 */
WCHG_API wchg_status wchg_ccr_encode(const wchg_ccr *ccr, uint8_t *buf, size_t cap,
                                     size_t *len, wchg_diag *diag);

/* ------------------------------------------------------------------ */
/* Credit-Control-Answer                                               */
/* ------------------------------------------------------------------ */

/* Capacities of a wchg_cca. A CCA with more is refused (WCHG_E_LIMIT),
 * never cut short. */
#define WCHG_CCA_MAX_MSCC 8                /* Multiple-Services-Credit-Control */
#define WCHG_CCA_MAX_SERVICE_IDENTIFIERS 4 /* Service-Identifier, per MSCC */

/** One Multiple-Services-Credit-Control of a CCA. */
typedef struct wchg_cca_mscc {
  wchg_opt_int result_code;              /* optional here (RFC 4006 §8.16) */
  wchg_service_unit granted_service_unit;
  size_t n_service_identifiers;
  uint32_t service_identifiers[WCHG_CCA_MAX_SERVICE_IDENTIFIERS];
  wchg_opt_int rating_group;
  wchg_opt_int validity_time;            /* seconds */
  wchg_opt_int time_quota_threshold;     /* seconds */
  wchg_opt_int volume_quota_threshold;   /* octets */
  wchg_opt_int quota_holding_time;       /* seconds */
  struct {
    bool present;
    int32_t final_unit_action;           /* WCHG_FUA_* */
    bool has_redirect_server;
    int32_t redirect_address_type;       /* 0 IPv4, 1 IPv6, 2 URL, 3 SIP URI */
    wchg_str redirect_server_address;    /* a view into the message */
  } final_unit_indication;
} wchg_cca_mscc;

/** Cost-Information (423): Unit-Value {Value-Digits, Exponent}, Currency-
 * Code, Cost-Unit. The cost is value_digits * 10^exponent. */
typedef struct wchg_cost_information {
  bool present;
  int64_t value_digits;
  int32_t exponent;                      /* 0 when absent */
  uint32_t currency_code;                /* ISO 4217 */
  wchg_str cost_unit;                    /* empty when absent */
} wchg_cost_information;

/** One CCA as wchg_cca_parse() reads it: the header's identifiers,
 * the top-level AVPs a client acts on and the MSCCs; the strings are
 * views into the message. */
typedef struct wchg_cca {
  uint32_t hop_by_hop, end_to_end;
  wchg_str session_id, origin_host, origin_realm;
  uint32_t result_code;                  /* the top-level Result-Code */
  int32_t cc_request_type;               /* echo of the CCR */
  uint32_t cc_request_number;            /* echo of the CCR */
  wchg_opt_int cc_session_failover;
  wchg_opt_int credit_control_failure_handling;
  wchg_opt_int direct_debiting_failure_handling;
  wchg_cost_information cost_information;
  size_t n_mscc;
  wchg_cca_mscc mscc[WCHG_CCA_MAX_MSCC];
} wchg_cca;

/**
 * wchg_cca_parse - read the |len| bytes at |buf| as one CCA into *|out|,
 * in the receive policy: wchg_cca_parse_ex(buf, len, WCHG_POLICY_RECEIVE,
 * out, diag, NULL). An OCS's answer whose AVP flags, values or ABNF
 * deviate from the rules (diameter.h, wchg_dmsg_parse_ex) but that can
 * be read is mapped, not refused: refusing it would leave the session
 * without its credit.
 */
WCHG_API wchg_status wchg_cca_parse(const uint8_t *buf, size_t len, wchg_cca *out,
                                    wchg_diag *diag);

/**
 * wchg_cca_parse_ex - read the |len| bytes at |buf| as one CCA into
 * *|out| in the |policy| given (common.h). The message is checked first
 * by wchg_dmsg_parse_ex() (RFC 6733 and the CCA ABNF, the MSCC groups
 * included): WCHG_POLICY_STRICT refuses every deviation from the rules;
 * WCHG_POLICY_RECEIVE accepts what can be read and adds each deviation
 * to |warn| (may be NULL; the caller owns it, see wchg_warnings) with the
 * Result-Code, AVP path and offset strict would have refused it with.
 * Then it is mapped. Zero-copy: the strings of *|out| point into |buf|;
 * nothing is allocated. A value the dictionary does not name is kept as
 * its number; of an AVP given more often than allowed the last counts
 * (of a Grouped one, e.g. Granted-Service-Unit, Final-Unit-Indication or
 * Cost-Information, the last whole: nothing of an earlier one stays).
 * Returns WCHG_OK, or, with *|out| zeroed and |diag| (may be NULL) filled:
 *   WCHG_E_ARG       a NULL argument, an unknown |policy|;
 *   WCHG_E_DIAMETER  the reader's diagnosis; or not a CCA (command not
 *                    272, the R flag set, application not 4);
 *   WCHG_E_LIMIT     more MSCCs or Service-Identifiers than the capacity.
 */
WCHG_API wchg_status wchg_cca_parse_ex(const uint8_t *buf, size_t len, wchg_policy policy,
                                       wchg_cca *out, wchg_diag *diag, wchg_warnings *warn);

/* wchg_result_code_success(): result_code.h */

/* ------------------------------------------------------------------ */
/* The per-session credit state (RFC 4006 §7 client)                   */
/* ------------------------------------------------------------------ */

/*
 * No clock, no I/O: the host passes the time (now_ms) of every event and
 * acts on the wchg_credit_action it gets back: send the CCR it names
 * (wchg_credit_fill_ccr() fills the request type, number and MSCCs), and
 * apply the service decision.
 *
 * One credit-control session (one Session-Id, one CC-Request-Number
 * sequence) controls up to WCHG_CREDIT_MAX_GROUPS rating groups (RFC 4006
 * §5.1.2, Multiple-Services-Credit-Control): the init functions make the
 * first, wchg_credit_add_group() the others (e.g. the video of a call
 * charged apart from its audio). Each group has its own grant, threshold,
 * validity and service decision (groups[i].service); a CCR carries one
 * MSCC for each group that has something to report or to ask, and an
 * MSCC Result-Code error ends that group only.
 *
 * Three kinds, chosen at init:
 *  - wchg_credit_init: time, counted from the CCA-I that granted it (a
 *    service that starts with the grant, e.g. at an AS or MRFC);
 *  - wchg_credit_init_session: an IMS session (TS 32.260 §5.2.2): CCR-I
 *    on the INVITE, time counted from the answer (wchg_credit_answered(),
 *    the 2xx); a session that ends unanswered (failure, CANCEL) reports
 *    0 seconds, and no quota runs out while it rings;
 *  - wchg_credit_init_event: Event Charging with Unit Reservation (ECUR,
 *    TS 32.299 §6.3.3, RFC 4006 §6.3): CCR-I reserves the event's units
 *    (CC-Service-Specific-Units) before the request is delivered, CCR-T
 *    (wchg_credit_event_done()) reports the units used; one group only.
 *    Immediate event charging (IEC) needs no state: one CCR-EVENT with
 *    Requested-Action DIRECT_DEBITING (wchg_ccr).
 * Time usage is kept in milliseconds per group and reported as whole
 * CC-Time seconds (the part below a second carries over; a group's final
 * report rounds up). The time between a report and its answer counts
 * against the new grant: a group told to WAIT for quota (QUOTA_EXHAUSTED)
 * that goes on uses it.
 *
 * Defined outcomes:
 *  - one CCR at a time (RFC 4006 §7): what triggers while a CCR is
 *    unanswered (a threshold, a media change, a new or ended group) is
 *    queued and sent in the next CCR-U right after the answer;
 *  - a CANCEL/BYE (wchg_credit_end) while the CCR-I is unanswered sends
 *    nothing yet (Kamailio #2143): the CCR-T goes when the CCA-I arrives;
 *  - a BYE while a CCR-U is unanswered: the CCR-T goes when the CCA-U
 *    arrives, reporting the usage up to the BYE;
 *  - a CCA with a top-level error Result-Code (not 2xxx): the service is
 *    terminated and no CCR-T follows: the server has ended the credit-
 *    control session (RFC 4006 §7, "Failed CCA received"); 4011
 *    CREDIT_CONTROL_NOT_APPLICABLE allows the service without credit
 *    control and ends the session the same way;
 *  - an error Result-Code in a group's MSCC (top 2001): that group is
 *    refused (its service TERMINATE); usage it had not reported yet goes
 *    in the next CCR with Reporting-Reason FINAL. When no group is left
 *    the session's service ends too, with one CCR-T;
 *  - a final grant (Final-Unit-Indication) used up: the group's service
 *    is the Final-Unit-Action (RFC 4006 §5.6) and its FINAL report goes
 *    in a CCR-U, or in the CCR-T when it was the last group;
 *  - ECUR: a grant of fewer units than asked, or a reservation whose
 *    Validity-Time passes before the request is delivered, refuses the
 *    request (TERMINATE) and releases the reservation (CCR-T, 0 units);
 *  - otherwise a session whose CCR-I was sent ends with exactly one
 *    CCR-T; wchg_credit_end() after it is a no-op.
 */
#define WCHG_CREDIT_MAX_GROUPS 8 /* = WCHG_CCA_MAX_MSCC */

/** Where a credit-control session is (wchg_credit.state). */
enum wchg_credit_state {
  WCHG_CREDIT_IDLE = 0,        /* nothing sent */
  WCHG_CREDIT_PENDING_I,       /* CCR-I sent */
  WCHG_CREDIT_OPEN,            /* granted, no CCR unanswered */
  WCHG_CREDIT_PENDING_U,       /* CCR-U sent */
  WCHG_CREDIT_PENDING_T,       /* CCR-T sent */
  WCHG_CREDIT_CLOSED,          /* over */
};

/** What the host does with the service (the session's, or one group's). */
enum wchg_credit_service {
  WCHG_SERVICE_WAIT = 0,       /* hold: an answer is awaited */
  WCHG_SERVICE_ALLOW,          /* go on; call wchg_credit_tick() at next_tick_ms */
  WCHG_SERVICE_TERMINATE,      /* release the session (BYE), or drop the group's media */
  WCHG_SERVICE_REDIRECT,       /* the Final-Unit-Action REDIRECT: to redirect_address */
  WCHG_SERVICE_RESTRICT,       /* the Final-Unit-Action RESTRICT_ACCESS */
  WCHG_SERVICE_DONE,           /* nothing more to charge */
};

/** The state of one rating group in a credit-control session. */
enum wchg_credit_group_state {
  WCHG_GROUP_REQUEST = 0,      /* to be asked for in the next CCR (I or U) */
  WCHG_GROUP_PENDING,          /* its MSCC is in the unanswered CCR */
  WCHG_GROUP_OPEN,             /* granted (or held for quota: service WAIT) */
  WCHG_GROUP_CLOSED,           /* over (a FINAL report may still be due) */
};

/** One MSCC of the CCR an action asks to send. */
typedef struct wchg_credit_report {
  size_t group;                /* its index in wchg_credit.groups */
  bool request;                /* send a Requested-Service-Unit (ask for quota) */
  wchg_opt_int reporting_reason; /* THRESHOLD, QUOTA_EXHAUSTED (in the USU), others
                                  (in the MSCC); absent for a first request */
  bool reason_in_usu;
  wchg_opt_int used_seconds;   /* the USU's CC-Time */
  wchg_opt_int used_units;     /* ECUR: its CC-Service-Specific-Units (TERMINATION) */
} wchg_credit_report;

/** What the host does after a wchg_credit_* call: send the CCR named
 * by send (wchg_credit_fill_ccr() fills it from here), apply the service
 * decision, and call wchg_credit_tick() at next_tick_ms. */
typedef struct wchg_credit_action {
  int32_t send;                /* 0, or the CC-Request-Type of the CCR to send now */
  uint32_t cc_request_number;  /* of that CCR */
  size_t n_mscc;               /* its MSCCs (a CCR-T may have none) */
  wchg_credit_report mscc[WCHG_CREDIT_MAX_GROUPS];
  int service;                 /* the session's enum wchg_credit_service; with
                                  several groups, see also groups[i].service */
  int64_t next_tick_ms;        /* when to call wchg_credit_tick(); -1: never */
  wchg_str redirect_address;   /* REDIRECT (of the session or a group): the
                                  Redirect-Server-Address, a view into the CCA */
} wchg_credit_action;

/** The kind of a wchg_credit (set by its init function). */
enum wchg_credit_kind {
  WCHG_CREDIT_TIME = 0,        /* time from the grant (wchg_credit_init) */
  WCHG_CREDIT_SESSION,         /* time from the answer (wchg_credit_init_session) */
  WCHG_CREDIT_EVENT,           /* ECUR units (wchg_credit_init_event) */
};

/** One rating group (read-only for the host: service is its decision). */
typedef struct wchg_credit_group {
  int state;                   /* enum wchg_credit_group_state */
  int service;                 /* enum wchg_credit_service, for this group's media */
  wchg_opt_int rating_group, service_identifier;
  uint32_t requested_seconds;  /* Requested-Service-Unit CC-Time */
  uint64_t requested_units;    /* EVENT: the units reserved */
  bool granted;                /* a grant was taken: it reports a FINAL usage */
  int32_t due_reason;          /* -1, or the Reporting-Reason for the next CCR */
  int64_t due_ms;              /* ... reporting the usage up to here */
  int64_t end_ms;              /* wchg_credit_group_end() while PENDING (-1: no) */
  bool unlimited;              /* no granted time: no quota supervision */
  int64_t usage_from_ms;       /* usage not yet reported starts here */
  int64_t grant_ms;            /* the granted time (-1: none) ... */
  int64_t threshold_before_ms; /* ... and its threshold before the end (-1: none) */
  int64_t grant_end_ms;        /* the granted time runs out (-1: not running) */
  int64_t threshold_ms;        /* report then (-1: none) */
  int64_t validity_end_ms;     /* report then (-1: none) */
  bool final_unit;             /* the grant is the last (Final-Unit-Indication) */
  int32_t final_unit_action;
  wchg_str redirect_address;   /* a view into the CCA: copy it if kept longer */
  bool threshold_reported;
} wchg_credit_group;

/** The credit state of one credit-control session (see above): a
 * plain struct the host owns, set up by an init function and changed
 * only by the wchg_credit_* calls. */
typedef struct wchg_credit {
  int state;                   /* enum wchg_credit_state */
  int kind;                    /* enum wchg_credit_kind */
  bool answered;               /* SESSION: wchg_credit_answered() was called */
  uint32_t next_number;        /* CC-Request-Number of the next CCR */
  int32_t pending_type;        /* the unanswered CCR */
  uint32_t pending_number;
  bool end_requested;          /* wchg_credit_end() while a CCR was pending */
  int64_t end_ms;
  int32_t termination_cause;
  size_t n_groups;
  wchg_credit_group groups[WCHG_CREDIT_MAX_GROUPS];
} wchg_credit;

/** wchg_credit_init - an IDLE state with one group: |rating_group| and
 * |service_identifier| (either may be absent), asking |requested_seconds|
 * per CCR. */
WCHG_API void wchg_credit_init(wchg_credit *c, wchg_opt_int rating_group,
                               wchg_opt_int service_identifier, uint32_t requested_seconds);

/** wchg_credit_init_session - as wchg_credit_init, for an IMS session
 * charged from its answer (wchg_credit_answered()). */
WCHG_API void wchg_credit_init_session(wchg_credit *c, wchg_opt_int rating_group,
                                       wchg_opt_int service_identifier,
                                       uint32_t requested_seconds);

/** wchg_credit_init_event - an IDLE ECUR state reserving |units|
 * CC-Service-Specific-Units (e.g. 1 for a MESSAGE) for one request. */
WCHG_API void wchg_credit_init_event(wchg_credit *c, wchg_opt_int rating_group,
                                     wchg_opt_int service_identifier, uint64_t units);

/**
 * wchg_credit_add_group - one more rating group, asking |requested_seconds|
 * per CCR; *|index| (may be NULL) gets its index in c->groups: a new one,
 * or that of a group closed and fully reported (its slot is reused). Before the
 * CCR-I it is asked for there. Later (e.g. a re-INVITE adds video) it is
 * asked for in a CCR-U: now when nothing is pending (*|act| says so), else
 * right after the pending answer; its service is WAIT until granted.
 * Returns WCHG_OK, or:
 *   WCHG_E_ARG    a NULL |c| or |act|; the rating group and service
 *                 identifier of a group not closed;
 *   WCHG_E_STATE  an EVENT, or the session is ending or over;
 *   WCHG_E_LIMIT  WCHG_CREDIT_MAX_GROUPS groups open or with a report due.
 */
WCHG_API wchg_status wchg_credit_add_group(wchg_credit *c, wchg_opt_int rating_group,
                                           wchg_opt_int service_identifier,
                                           uint32_t requested_seconds, int64_t now_ms,
                                           size_t *index, wchg_credit_action *act);

/** wchg_credit_begin - the INVITE (or the request to reserve for): CCR-I
 * (number 0, one MSCC per group) to send, WAIT. WCHG_E_STATE unless IDLE. */
WCHG_API wchg_status wchg_credit_begin(wchg_credit *c, int64_t now_ms, wchg_credit_action *act);

/** wchg_credit_on_cca - the answer |cca| to the pending CCR, at |now_ms|:
 * each group of that CCR takes its MSCC (by Rating-Group, else by
 * Service-Identifier; a single group takes the first MSCC; a group with
 * no MSCC is not supervised). May ask for the next CCR at once (queued
 * reports). WCHG_E_STATE when nothing is pending or the CC-Request-Type/
 * -Number do not echo the pending CCR (the answer is ignored). */
WCHG_API wchg_status wchg_credit_on_cca(wchg_credit *c, const wchg_cca *cca, int64_t now_ms,
                                        wchg_credit_action *act);

/** wchg_credit_tick - the time is |now_ms|: for each granted group,
 * quota threshold, exhaustion or validity expiry give a report (a CCR-U,
 * now or after the pending answer); a final grant used up gives the
 * Final-Unit-Action; an EVENT's lapsed reservation gives TERMINATE and
 * the CCR-T. Otherwise nothing to send. */
WCHG_API wchg_status wchg_credit_tick(wchg_credit *c, int64_t now_ms, wchg_credit_action *act);

/** wchg_credit_answered - SESSION: the 2xx to the INVITE at |now_ms|:
 * time counts from here (the quota too), or from the CCA-I when it has
 * not come yet (WAIT: the service waits for it). ALLOW or WAIT in *|act|,
 * nothing to send. WCHG_E_STATE for another kind, or before the CCR-I, or after
 * the end. A second call changes nothing. */
WCHG_API wchg_status wchg_credit_answered(wchg_credit *c, int64_t now_ms,
                                          wchg_credit_action *act);

/** wchg_credit_event_done - EVENT: the reserved request was delivered
 * (|delivered|: its units are used) or not (0 units): CCR-T to send,
 * Termination-Cause LOGOUT or SERVICE_NOT_PROVIDED, DONE. WCHG_E_STATE
 * for another kind or unless OPEN (an unanswered CCR-I: wchg_credit_end). */
WCHG_API wchg_status wchg_credit_event_done(wchg_credit *c, int64_t now_ms, bool delivered,
                                            wchg_credit_action *act);

/** wchg_credit_media_change - a re-INVITE changed the media: every
 * granted group reports RATING_CONDITION_CHANGE in a CCR-U (now, or after
 * the pending answer). WCHG_E_STATE for an EVENT, or unless the session
 * is granted (OPEN, PENDING_U). */
WCHG_API wchg_status wchg_credit_media_change(wchg_credit *c, int64_t now_ms,
                                              wchg_credit_action *act);

/** wchg_credit_group_end - the media of group |index| is gone (a
 * re-INVITE removed it): its FINAL report goes in a CCR-U (now, or after
 * the pending answer) and its service is DONE. Ending the last group not
 * closed ends the session: the CCR-T (Termination-Cause LOGOUT). A closed
 * group: nothing. WCHG_E_ARG for a NULL argument or an index beyond
 * n_groups; WCHG_E_STATE for an EVENT or before the CCR-I. */
WCHG_API wchg_status wchg_credit_group_end(wchg_credit *c, size_t index, int64_t now_ms,
                                           wchg_credit_action *act);

/** wchg_credit_end - BYE, CANCEL or a failure (|termination_cause|, e.g.
 * WCHG_TC_LOGOUT): CCR-T now (OPEN), after the pending answer (PENDING_I,
 * PENDING_U), or nothing (IDLE, PENDING_T, CLOSED: DONE). The CCR-T has a
 * FINAL report for each granted group. An EVENT ended this way reports 0
 * units (the request was not delivered). */
WCHG_API wchg_status wchg_credit_end(wchg_credit *c, int64_t now_ms, int32_t termination_cause,
                                     wchg_credit_action *act);

/** wchg_credit_fill_ccr - set the request type, number, Termination-
 * Cause and the MSCCs of |ccr| from |act| (act->send not 0): per report,
 * the group's Rating-Group and Service-Identifier, the Requested-Service-
 * Unit (CC-Time, or the EVENT's units) when it asks, the Used-Service-
 * Unit and the Reporting-Reason. |mscc| and |usu| are the caller's arrays
 * of |cap| items each that |ccr| will point to. WCHG_E_ARG for a NULL
 * argument; WCHG_E_BUFFER when |cap| < act->n_mscc (|ccr| unchanged);
 * WCHG_CREDIT_MAX_GROUPS always suffices. */
WCHG_API wchg_status wchg_credit_fill_ccr(const wchg_credit *c, const wchg_credit_action *act,
                                          wchg_ccr *ccr, wchg_mscc *mscc, wchg_service_unit *usu,
                                          size_t cap);

#ifdef __cplusplus
}
#endif
#endif
