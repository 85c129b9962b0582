/*
 * webrtc_chg — acr.h: the Rf Accounting-Request (ACR, TS 32.299 §6.2.2)
 * as a model, and its Diameter view.
 *
 * A wchg_acr is the Diameter envelope of one ACR plus the neutral IMS
 * charging model (wchg_ims_info, shared with the CDR) plus the few
 * IMS-Information items that have no CDR field of their own (Cause-Code,
 * Node-Functionality, the Time-Stamps of this one SIP transaction).
 * wchg_acr_encode() writes it as a complete ACR message (command 271,
 * R and P set, application 3) into the caller's buffer.
 *
 * Which model field becomes which AVP (paths from the message root):
 *
 *   session_id ...................... Session-Id (263), first
 *   origin_host, origin_realm ....... Origin-Host (264), Origin-Realm (296)
 *   destination_realm / _host ....... Destination-Realm (283) / -Host (293)
 *   accounting_record_type / _number  Accounting-Record-Type (480) / -Number (485)
 *   (always) ........................ Acct-Application-Id (259) = 3
 *   ims.private_user_id ............. User-Name (1)
 *   acct_interim_interval ........... Acct-Interim-Interval (85)
 *   origin_state_id ................. Origin-State-Id (278)
 *   event_timestamp ................. Event-Timestamp (55), whole seconds
 *                                     (rounded down, also before 1970)
 *   ims.service_context_id .......... Service-Context-Id (461)
 *   Service-Information (873):
 *     ims.list_of_subscription_id ... Subscription-Id (443) {450, 444}
 *     IMS-Information (876), in its ABNF order:
 *       ims.sip_method, .event, .expires_information
 *                                     Event-Type (823) {824, 825, 888}
 *       ims.role_of_node ............ Role-Of-Node (829)
 *       node_functionality .......... Node-Functionality (862), required
 *       ims.session_id .............. User-Session-Id (830)
 *       ims.session_priority ........ Session-Priority (650)
 *       ims.list_of_calling_party_address  Calling-Party-Address (831), one each
 *       ims.called_party_address .... Called-Party-Address (832)
 *       ims.list_of_called_asserted_identity  Called-Asserted-Identity (1250)
 *       ims.list_of_requested_party_address   Requested-Party-Address (1251)
 *       ims.list_of_associated_uri .. Associated-URI (856)
 *       sip_request_timestamp, sip_response_timestamp
 *                                     Time-Stamps (833) {834, 835, 2301, 2302}:
 *                                     seconds (rounded down) and the
 *                                     milliseconds past them, 0..999, for each
 *                                     stamp present
 *       ims.inter_operator_identifiers  Inter-Operator-Identifier (838) {839, 840}
 *       ims.transit_ioi_lists ....... Transit-IOI-List (2701), one each
 *       ims.ims_charging_identifier . IMS-Charging-Identifier (841)
 *       ims.list_of_sdp_media_components: at most ONE entry in an ACR
 *         .sdp_session_description .. SDP-Session-Description (842), one per line
 *         .sdp_media_components[i] .. SDP-Media-Component (843) {SDP-Media-Name 844,
 *                                     SDP-Media-Description 845 per line, the three
 *                                     *-Indication AVPs, Media-Initiator-Flag 882,
 *                                     Media-Initiator-Party 1288, 3GPP-Charging-Id
 *                                     (2), Access-Network-Charging-Identifier-Value
 *                                     503, SDP-Type 2036}; the entry's
 *                                     media_initiator_flag (true: 1 calling party,
 *                                     false: 0 called party; always sent),
 *                                     media_initiator_party (its text) and sdp_type
 *                                     go into every component; its time stamps are
 *                                     not sent (Time-Stamps above carry them)
 *       ims.served_party_ip_address . Served-Party-IP-Address (848), Address:
 *                                     binary v4/v6, or text parsed as an address
 *       ims.list_of_message_bodies .. Message-Body (889) {826, 827, 828}; the CDR's
 *                                     originator party has no AVP form and is not sent
 *       cause_code .................. Cause-Code (861)
 *       ims.list_of_reason_header ... Reason-Header (3401), one each
 *       ims.access_network_information, .additional_access_network_information
 *                                     Access-Network-Information (1263), in that order
 *       ims.cellular_network_information  Cellular-Network-Information (3924)
 *       ims.ims_communication_service_identifier  IMS-Communication-Service-Identifier (1281)
 *       ims.nni_information ......... NNI-Information (2703)
 *       ims.from_address ............ From-Address (2708)
 *       ims.ims_emergency_indicator . IMS-Emergency-Indicator (2322) = 1 when true
 *       ims.ims_visited_network_identifier  IMS-Visited-Network-Identifier (2713)
 *       ims.related_icid, .related_icid_generation_node (IP address only:
 *                                     a domain name has no Address form, not sent)
 *                                     Related-IMS-Charging-Identifier (2711), -Node (2712)
 *       ims.route_header_received / _transmitted  Route-Header-Received (3403) / -Transmitted (3404)
 *       ims.instance_id ............. Instance-Id (3402)
 *       ims.fe_identifier_list ...... FE-Identifier-List (4413), the entries joined by ','
 *                                     (at most WCHG_ACR_FE_IDENTIFIER_LIST_MAX octets)
 *       ims.webrtc_authentication_function_name  WebRTC-Authentication-Function-Name (657)
 *       ims.webrtc_web_server_function_name      WebRTC-Web-Server-Function-Name (658)
 *                                     both vendor 10415, V set, M clear (webrtc_ext.h)
 *
 * Model fields not listed (the CDR-only ones: record times, early media,
 * access transfer, PS-Information items, ...) are not sent by this view.
 *
 * The header: R and P set, T when |retransmitted|. Served-Party-IP-Address
 * and the other Address AVPs take family 1 or 2 and the 4 or 16 octets of
 * the binary choices (a v6 prefix length has no Address form) or of the
 * text parsed. A model octet string that becomes a UTF8String AVP (ICID,
 * ICSI, From-Address, Route-Header-*, Instance-Id, ...) must be UTF-8.
 *
 * Ownership: a wchg_acr holds views only; nothing is copied or allocated.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_ACR_H
#define WEBRTC_CHG_ACR_H

#include <webrtc_chg/common.h>
#include <webrtc_chg/ims_info.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Accounting-Record-Type (480); WCHG_ACR_NONE marks "no record". */
enum {
  /** no record: what a CTF call that produced none leaves in its record */
  WCHG_ACR_NONE = 0,
  /** EVENT_RECORD: one event (a registration, a standalone request, a
   * failed setup) */
  WCHG_ACR_EVENT = 1,
  /** START_RECORD: a session starts (the 2xx to its INVITE) */
  WCHG_ACR_START = 2,
  /** INTERIM_RECORD: an open session's media changed, or its interval
   * passed */
  WCHG_ACR_INTERIM = 3,
  /** STOP_RECORD: the session ended (its BYE) */
  WCHG_ACR_STOP = 4,
};

/** Node-Functionality (862), the values the library's roles use. An
 * eP-CSCF reports P-CSCF: 32.299 has no eP-CSCF value. */
enum {
  /** S-CSCF: the IMS-GWF's CCRs are sent on its behalf (ro.h) */
  WCHG_NODE_S_CSCF = 0,
  /** P-CSCF, an eP-CSCF's too: what the CTF sends and the CDF folds */
  WCHG_NODE_P_CSCF = 1,
  /** MRFC, an Ro client (ro.h) */
  WCHG_NODE_MRFC = 3,
  /** AS (application server), an Ro client (ro.h) */
  WCHG_NODE_AS = 6,
};

/** The IMS Service-Context-Id (TS 32.299 §7.1.12, TS 32.260). */
#define WCHG_SERVICE_CONTEXT_IMS "32260@3gpp.org"

/** A point in time with milliseconds, as the caller's clock gave it. */
typedef struct wchg_time_ms {
  bool present;
  int64_t unix_ms; /* milliseconds since 1970-01-01T00:00:00Z */
} wchg_time_ms;

/** Build a present wchg_time_ms. */
#define WCHG_TIME_MS(ms) ((wchg_time_ms){true, (int64_t)(ms)})

/** One Rf ACR as a model: the Diameter envelope, the IMS-Information
 * items that have no CDR field, and the neutral wchg_ims_info (the table
 * at the top says which field becomes which AVP). Start from
 * wchg_acr_init(). */
typedef struct wchg_acr {
  /* the message header: identifiers from the caller */
  uint32_t hop_by_hop;
  uint32_t end_to_end;
  bool retransmitted;                  /* the T flag (RFC 6733 §3) */

  /* base accounting AVPs (RFC 6733 §9.7.1, TS 32.299 §6.2.2) */
  wchg_str session_id;                 /* Session-Id, required */
  wchg_str origin_host;                /* required */
  wchg_str origin_realm;               /* required */
  wchg_str destination_realm;          /* required */
  wchg_str destination_host;           /* optional */
  int32_t accounting_record_type;      /* WCHG_ACR_EVENT .. WCHG_ACR_STOP */
  uint32_t accounting_record_number;
  wchg_opt_int acct_interim_interval;  /* seconds, 0..2^32-1 */
  wchg_opt_int origin_state_id;        /* 0..2^32-1 */
  wchg_time_ms event_timestamp;        /* sent in whole seconds */

  /* IMS-Information items with no CDR field */
  int32_t node_functionality;          /* required; 0..21 */
  wchg_opt_int cause_code;             /* Integer32, see wchg_cause_code() */
  wchg_time_ms sip_request_timestamp;  /* Time-Stamps: request */
  wchg_time_ms sip_response_timestamp; /* Time-Stamps: response */

  /* everything else, named as in the CDR: see the table above */
  wchg_ims_info ims;
} wchg_acr;

/** The longest FE-Identifier-List (4413) text, entries and commas, in octets. */
#define WCHG_ACR_FE_IDENTIFIER_LIST_MAX 2048

/** wchg_acr_init - zero |acr| and set node_functionality to P-CSCF. */
WCHG_API void wchg_acr_init(wchg_acr *acr);

/**
 * wchg_acr_encode - write |acr| as one complete ACR message into |buf|
 * (|cap| bytes; buf may be NULL with cap 0 to measure) and set *|len| to
 * its size. Allocates nothing. Checks before writing anything:
 *   WCHG_E_ARG      |acr| or |len| NULL;
 *   WCHG_E_MISSING  Session-Id, Origin-Host, Origin-Realm or
 *                   Destination-Realm empty (path "ACR/Session-Id", ...);
 *                   a Subscription-Id without its type or data, a
 *                   Message-Body without Content-Type or Content-Length;
 *                   a list entry without text, a list with a count but
 *                   no items;
 *   WCHG_E_RANGE    accounting_record_type not 1..4, node_functionality
 *                   not 0..21, role_of_node not 0..2, any other
 *                   Enumerated value the dictionary does not name (e.g.
 *                   Session-Priority 5, SDP-Type 2), a value outside its
 *                   AVP's type (e.g. Cause-Code beyond Integer32, a
 *                   negative Origin-State-Id), a time before 1968-01-20
 *                   or after 2104-02-26, an IP address that is none
 *                   (an unknown choice, text that does not parse);
 *   WCHG_E_LIMIT    more than one entry in ims.list_of_sdp_media_components,
 *                   a joined FE-Identifier-List over
 *                   WCHG_ACR_FE_IDENTIFIER_LIST_MAX octets;
 *   WCHG_E_UTF8     a text field that is not valid UTF-8 (path names the
 *                   AVP, e.g. "ACR/Service-Information/IMS-Information/
 *                   Calling-Party-Address[1]", list indexes from 0);
 *   WCHG_E_EMERGENCY ims_emergency_indicator on an ACR with a WebRTC
 *                   identity (WAF or WWSF): IMS emergency sessions of
 *                   WebRTC clients are not charged (TS 23.228 Annex U);
 *   WCHG_E_BUFFER   |cap| too small: *|len| is the size needed and
 *                   |buf| holds nothing usable.
 * On the other errors *|len| is 0 and |buf| is untouched. |diag| (may be
 * NULL) receives the code, the AVP path (offset WCHG_NO_OFFSET) and a
 * sentence.
 */
WCHG_API wchg_status wchg_acr_encode(const wchg_acr *acr, uint8_t *buf, size_t cap,
                                     size_t *len, wchg_diag *diag);

/* ------------------------------------------------------------------ */
/* The reverse view: an ACR message into the model (the CDF's side)    */
/* ------------------------------------------------------------------ */

/*
 * Capacities of a wchg_acr_reader: the longest list each decoded model
 * holds. They comfortably exceed what a P-CSCF sends; an ACR with more
 * is refused with WCHG_E_LIMIT, never cut short.
 */
#define WCHG_ACR_MAX_PARTIES 16                /* each of Calling-Party-Address,
                                                  Called-Asserted-Identity,
                                                  Requested-Party-Address,
                                                  Associated-URI */
#define WCHG_ACR_MAX_SUBSCRIPTION_IDS 16       /* Subscription-Id */
#define WCHG_ACR_MAX_TRANSIT_IOIS 16           /* Transit-IOI-List */
#define WCHG_ACR_MAX_SDP_SESSION_DESCRIPTIONS 64 /* SDP-Session-Description */
#define WCHG_ACR_MAX_SDP_MEDIA_COMPONENTS 64   /* SDP-Media-Component */
#define WCHG_ACR_MAX_SDP_MEDIA_DESCRIPTIONS 1024 /* SDP-Media-Description, of all
                                                  components together: a
                                                  browser's offer with every
                                                  line has ~250 (one video
                                                  section ~200) */
#define WCHG_ACR_MAX_MESSAGE_BODIES 16         /* Message-Body */
#define WCHG_ACR_MAX_REASON_HEADERS 16         /* Reason-Header */
#define WCHG_ACR_MAX_FE_IDENTIFIERS 32         /* FE-Identifier-List entries */
#define WCHG_ACR_MAX_ACCESS_NETWORK_INFORMATION 2 /* Access-Network-Information */

/** The decoder: the decoded model and the arrays its lists point into.
 * One per thread (or per CDF worker); reused for every ACR. */
typedef struct wchg_acr_reader wchg_acr_reader;

/**
 * wchg_acr_reader_new - a reader, allocated (one block of about 25 KiB)
 * through |mem| (NULL: malloc/free). Returns NULL when that fails.
 * Release it with wchg_acr_reader_free().
 */
WCHG_API wchg_acr_reader *wchg_acr_reader_new(const wchg_mem *mem);

/** wchg_acr_reader_free - release |r| (NULL is fine) and with it every
 * model it decoded. */
WCHG_API void wchg_acr_reader_free(wchg_acr_reader *r);

/**
 * wchg_acr_decode - read the |len| bytes at |buf| as one ACR and set
 * *|out| to its model. The message is first checked strictly by
 * wchg_dmsg_parse() (every rule, the ABNF included); then one pass over
 * its AVPs maps every AVP of the table at the top of this header back
 * into the model: the header's identifiers and T flag, and
 *   - the time AVPs as unix_ms: Event-Timestamp seconds * 1000; each
 *     Time-Stamps time * 1000 plus its *-Fraction (0 when absent; a
 *     fraction without its time is ignored);
 *   - Calling-Party-Address, Called-Party-Address, Called-Asserted-
 *     Identity, Requested-Party-Address, Associated-URI and Media-
 *     Initiator-Party as wchg_involved_party, the choice by the URI
 *     scheme (case-insensitive, as the CTF chooses it): "tel:" TEL_URI,
 *     "urn:" URN, anything else ("sip:", "sips:", a bare "unknown")
 *     SIP_URI, the InvolvedParty alternative that holds any text;
 *   - SDP-Session-Description and the SDP-Media-Components as the one
 *     entry of ims.list_of_sdp_media_components (present when either
 *     is), whose media_initiator_flag (Media-Initiator-Flag 1: true),
 *     media_initiator_party and sdp_type come from the components (the
 *     first that has each; the others must agree or have none);
 *   - Served-Party-IP-Address, Neighbour-Node-Address as WCHG_IP_BIN_V4
 *     or WCHG_IP_BIN_V6; Related-IMS-Charging-Identifier-Node as
 *     related_icid_generation_node WCHG_NODE_IP_ADDRESS with one of them;
 *   - Access-Network-Information: the 1st into ims.access_network_
 *     information, the 2nd into additional_access_network_information;
 *   - IMS-Emergency-Indicator: 1 (EMERGENCY) sets ims_emergency_indicator,
 *     0 leaves it false;
 *   - FE-Identifier-List split at every ',' into ims.fe_identifier_list
 *     (so that the encoder's join gives the same text back);
 *   - node_functionality, cause_code, the Subscription-Ids, Message-Body
 *     (Originator, an enum with no model field, is skipped) and the rest
 *     one to one.
 * Skipped (no model field, or none in this view): Acct-Application-Id
 * (checked: must be 3), Proxy-Info, Route-Record, every Service-
 * Information child other than Subscription-Id and IMS-Information (PS-
 * Information, ...), the IMS-Information children the table does not list
 * (Outgoing-Session-Id, Called-Identity-Change, Application-Server-
 * Information, Early-Media-Description, Initial-IMS-Charging-Identifier,
 * Access-Network-Info-Change, Access-Transfer-Information, TAD-Identifier,
 * ...), and every AVP the dictionary does not know (the reader refuses
 * those with the M bit set). The fields of the model that the table does
 * not list stay zero (absent).
 *
 * For every ACR that wchg_acr_encode() writes, the model decoded from it
 * encodes to the same bytes. Any model decoded successfully encodes
 * (so the rules below refuse what the encoder would), and a foreign ACR
 * may change on the way (skipped AVPs go, AVPs come in the encoder's
 * order, an IMS-Emergency-Indicator 0 or an empty Time-Stamps is left
 * out), but only once: encode(decode(encode(decode(x)))) equals
 * encode(decode(x)).
 *
 * Ownership: the model and its views live in |r| and point into |buf|:
 * valid while |buf| is, until the next wchg_acr_decode() with |r| or
 * wchg_acr_reader_free(). Nothing is allocated: readers on distinct
 * threads decode at once.
 *
 * Returns WCHG_OK, or one of the following with *|out| NULL and |diag|
 * (may be NULL) filled: the code, the AVP path from the message root
 * (e.g. "Service-Information/IMS-Information/Calling-Party-Address[16]",
 * list indexes from 0), the byte offset of the AVP at fault in |buf| (so
 * that wchg_aca_from_acr() returns it as the Failed-AVP), a sentence, and
 * result_code: the Result-Code the CDF answers with.
 *   WCHG_E_ARG       |r| or |out| NULL, or |buf| NULL with a |len|
 *                    (result_code 0);
 *   WCHG_E_DIAMETER  the message breaks RFC 6733 or the ABNF:
 *                    wchg_dmsg_parse()'s diagnosis as it is (5004, 5005,
 *                    5008, 5009, 5014, 5015, 3008, 3009, ...); or it
 *                    parses but is not an Accounting-Request: command
 *                    code not 271 or the R flag clear (an ACA, a CCR,
 *                    ...): 3001 COMMAND_UNSUPPORTED, offset 4; command
 *                    271 with an Application-Id other than 3: 3007
 *                    APPLICATION_UNSUPPORTED, offset 8;
 *   WCHG_E_MISSING   no Service-Information/IMS-Information, so no
 *                    Node-Functionality (5005 MISSING_AVP; the offset of
 *                    the parent, as the reader gives it);
 *   WCHG_E_RANGE     a value the model or the encoder cannot take, 5004
 *                    INVALID_AVP_VALUE: an empty Session-Id, Origin-Host,
 *                    Origin-Realm or Destination-Realm; Acct-Application-
 *                    Id not 3; Media-Initiator-Flag 2 (UNKNOWN); SDP-Media-
 *                    Components that disagree on Media-Initiator-Flag,
 *                    -Party or SDP-Type. (Out-of-range enumerations, e.g.
 *                    an Accounting-Record-Type outside 1..4, are the
 *                    reader's 5004 already: WCHG_E_DIAMETER.)
 *   WCHG_E_LIMIT     a list longer than its WCHG_ACR_MAX_* capacity, a
 *                    second Inter-Operator-Identifier or NNI-Information
 *                    (the model holds one), a third Access-Network-
 *                    Information, an FE-Identifier-List over
 *                    WCHG_ACR_FE_IDENTIFIER_LIST_MAX octets: 5012
 *                    UNABLE_TO_COMPLY, offset of the AVP that does not fit;
 *   WCHG_E_EMERGENCY IMS-Emergency-Indicator 1 in an ACR with a WebRTC
 *                    identity (657 or 658): not charged (TS 23.228
 *                    Annex U), 5004 at the IMS-Emergency-Indicator.
 */
WCHG_API wchg_status wchg_acr_decode(wchg_acr_reader *r, const uint8_t *buf, size_t len,
                                     const wchg_acr **out, wchg_diag *diag);

/**
 * wchg_acr_decode_ex - wchg_acr_decode() with a policy (common.h).
 * WCHG_POLICY_STRICT is wchg_acr_decode(); |warn| is left as it is.
 * WCHG_POLICY_RECEIVE, what the CDF uses for what peers send: the
 * message is read by wchg_dmsg_parse_ex() with WCHG_DPARSE_RECEIVE, so
 * that what it accepts with a warning (an M, V or P bit against the
 * rule, a value outside the dictionary's list, an AVP repeated or out
 * of place, ...; diameter.h) is decoded, each deviation added to |warn|
 * (may be NULL; the caller owns it, see wchg_warnings) with the code,
 * Result-Code, path and offset strict would have refused the ACR with.
 * What the model cannot take of such an ACR is left out, named by the
 * reader's warning: of an AVP given more often than its ABNF allows the
 * first counts (the one the ACA echoes); an Address of another family
 * than IPv4 and IPv6 is absent; a SIP-Request- or SIP-Response-
 * Timestamp-Fraction over 999 (in both policies the reader's 5004) is
 * absent, its stamp keeps the whole seconds. Everything else is kept as
 * received: a value the dictionary does not name (the model holds the
 * number), text that is not UTF-8 (the model holds the octets). Such a
 * model (one that came with warnings) may hold what wchg_acr_encode()
 * refuses; with no warning it encodes, as after wchg_acr_decode().
 * Errors are those of wchg_acr_decode(); an unknown |policy| is
 * WCHG_E_ARG. On an error the warnings found before it stay in |warn|.
 */
WCHG_API wchg_status wchg_acr_decode_ex(wchg_acr_reader *r, const uint8_t *buf, size_t len,
                                        wchg_policy policy, const wchg_acr **out,
                                        wchg_diag *diag, wchg_warnings *warn);

/**
 * wchg_cause_code - the Cause-Code (861) of the final response |status|
 * (100..699) to a request |method| (NUL-terminated, e.g. "INVITE"), per
 * TS 32.299 §7.2.35:
 *   a 2xx that ends a dialog (|expires_zero|): REGISTER (de-registration)
 *         → -3, SUBSCRIBE → -2;
 *   otherwise 200 → -1 (successful transaction), other 2xx and every 3xx
 *         → minus the status (e.g. 202 → -202, 302 → -302);
 *   4xx, 5xx, 6xx → the status itself (e.g. 486).
 * The session ends are not responses and have their own values:
 * WCHG_CAUSE_NORMAL_END (0, a BYE after the ACK),
 * WCHG_CAUSE_UNSUCCESSFUL_SETUP (2, e.g. a BYE before any ACK),
 * WCHG_CAUSE_UNSPECIFIED (1), WCHG_CAUSE_INTERNAL_ERROR (3).
 * Returns WCHG_CAUSE_UNSPECIFIED for a status outside 200..699.
 */
WCHG_API int32_t wchg_cause_code(const char *method, int status, bool expires_zero);

/** Cause-Code (861) values that are not a SIP status (TS 32.299
 * §7.2.35): the ends of sessions and dialogs, and the errors. */
enum {
  /** a session ended normally: a BYE after the ACK */
  WCHG_CAUSE_NORMAL_END = 0,
  /** a 200 OK ended the transaction */
  WCHG_CAUSE_SUCCESSFUL_TRANSACTION = -1,
  /** a 2xx ended a SUBSCRIBE dialog (Expires 0) */
  WCHG_CAUSE_END_OF_SUBSCRIBE_DIALOG = -2,
  /** a 2xx ended a registration (a de-registration) */
  WCHG_CAUSE_END_OF_REGISTER_DIALOG = -3,
  /** unspecified error; wchg_cause_code() of a status outside 200..699 */
  WCHG_CAUSE_UNSPECIFIED = 1,
  /** unsuccessful session setup, e.g. a BYE before any ACK */
  WCHG_CAUSE_UNSUCCESSFUL_SETUP = 2,
  /** internal error */
  WCHG_CAUSE_INTERNAL_ERROR = 3,
};

#ifdef __cplusplus
}
#endif
#endif
