/*
 * webrtc_chg — ctf.h: the charging trigger function (CTF) of an eP-CSCF
 * for Rf offline charging (TS 32.260 §5.2.1, TS 32.299 §6.2): SIP events
 * in, ACR models out.
 *
 * The host's SIP stack reports what happened as wchg_sip_event values
 * (header values as text, times as Unix milliseconds from the host's
 * clock: the library has none). The CTF keeps the state charging needs
 * and answers each event with at most one ACR, as a wchg_acr model in a
 * wchg_ctf_record; wchg_acr_encode() (acr.h) turns it into bytes.
 *
 * Three kinds of objects, each created and freed by the caller:
 *   - wchg_ctf_reg: one user's registration context. A successful
 *     REGISTER fills it with the identities (IMPI, IMPU, associated URIs,
 *     instance id, contact address) and, for a WebRTC client (WIC), the
 *     WAF identity (the authorization-entity of the Authorization header
 *     the eP-CSCF sends to the S-CSCF) and the WWSF identity. Every later
 *     record of that user carries them.
 *   - wchg_ctf_session: one INVITE dialog: START on the 2xx, INTERIM on a
 *     media change and on interim ticks, STOP on the BYE; a failed INVITE
 *     or a CANCEL gives one EVENT. Accounting-Record-Number runs 0 (START
 *     or EVENT), 1, 2, ... (INTERIMs), last + 1 (STOP). A session can
 *     never produce a second START, a STOP without its START, or any
 *     record after its STOP or EVENT.
 *   - wchg_ctf_record: where an event's ACR is built (the model and the
 *     scratch it points into). One per thread, reused for every event.
 * Registrations and standalone requests (MESSAGE, SUBSCRIBE, NOTIFY,
 * PUBLISH, OPTIONS, REFER) give EVENT records.
 *
 * What each event gives (state of the session before → record, state after):
 *
 *   IDLE    wchg_ctf_session_begin(INVITE) → none, SETUP
 *   SETUP   1xx (SDP kept as the early answer) → none
 *   SETUP   UPDATE (early dialog, RFC 3311) → none; the SDP of its 2xx is
 *           kept as the early answer
 *   SETUP   2xx to the INVITE → START, ACTIVE
 *   SETUP   3xx..6xx to the INVITE → EVENT with its Cause-Code, CLOSED
 *   SETUP   CANCEL → EVENT, Cause-Code 487, CLOSED
 *   ACTIVE  ACK → none (the dialog is confirmed)
 *   ACTIVE  re-INVITE or UPDATE with SDP → none (offer pending)
 *   ACTIVE  2xx to it, the media changed → INTERIM; unchanged → none
 *   ACTIVE  3xx..6xx to it → none (the offer is dropped)
 *   ACTIVE  tick with now >= last record + Acct-Interim-Interval → INTERIM
 *   ACTIVE  BYE → STOP stamped with the BYE's time; Cause-Code 0 after
 *           the ACK, 2 (unsuccessful session setup) without one; CLOSED
 *   ACTIVE  a 2xx to the INVITE again (retransmission, forking) → none
 *   SETUP, ACTIVE  other in-dialog requests (PRACK, INFO, REFER, ...) and
 *           responses to them → none
 *   CLOSED  responses (200 to the BYE, 487 to the INVITE) and the ACK of a
 *           failure response (RFC 3261 §17.1.1.3) → none
 *   any     another request out of order → WCHG_E_STATE, state unchanged
 *
 * SDP (START and INTERIM only): one Media-Components-List with the agreed
 * SDP — the answer of the 2xx, else the early answer, else the offer when
 * no answer was seen — and its SDP-Type. Media-Initiator-Flag follows
 * TS 32.299 §7.2.97: true (1) when the calling party (the side that sent
 * the initial INVITE) made the offer, also in a terminating session; a
 * re-INVITE or UPDATE is the calling side's when its From tag is the
 * INVITE's (RFC 3261 §12.2.1.1) or it has no From. A media change is a
 * change of the (m= line, direction) list: an o= version bump is none.
 * Which lines go into the ACR: wchg_ctf_config.sdp_lines.
 *
 * SDP problems (wchg_ctf_config.sdp_policy). An SDP body never costs the
 * call its records: decoding keeps, the warnings judge.
 *   - WCHG_POLICY_RECEIVE (the default): every body is read with
 *     wchg_sdp_parse_body() in receive policy within sdp_limits. A line
 *     it cannot use is reported and kept or left out as sip.h says; a
 *     body it cannot read at all (empty, over sdp_limits) is reported and
 *     treated as absent: the records come from the other bodies (a START
 *     without a readable answer takes the early answer or the offer). The
 *     call succeeds; each problem is a warning of the record
 *     (wchg_ctf_record_warnings()) with its SDP path and offset.
 *   - WCHG_POLICY_STRICT: a body with any problem fails the call with the
 *     parser's code, path and offset, and the session is as it was, with
 *     one exception: a re-INVITE or UPDATE refused for its SDP is still
 *     awaited, so that the 2xx answering it gives the INTERIM from its
 *     answer (or its own error) rather than a silent nothing.
 * In both, a 2xx whose answer cannot be read after a pending re-INVITE
 * or UPDATE never returns WCHG_OK without a word: receive warns, strict
 * fails.
 *
 * Access-Network-Information: the first two access-net-specs of the
 * latest P-Access-Network-Info the session saw (the INVITE's, else the
 * registration's, replaced by any later message that has one).
 * Served-Party-IP-Address: the event's served_party_ip, else the
 * INVITE's, else the registration's.
 *
 * Emergency (TS 23.228 Annex U: no IMS emergency sessions for WebRTC
 * access): a request to an emergency URN ("urn:service:sos" and its
 * sub-services, RFC 5031) or flagged |emergency| by the host, from a user
 * registered as a WIC (flavour H.3 or H.4), produces nothing and returns
 * WCHG_E_EMERGENCY. For a plain IMS registration it is charged as usual
 * with IMS-Emergency-Indicator set.
 *
 * Lifetimes: a config must outlive the objects made with it. The ACR in a
 * record holds views into the config, the registration context, the
 * session and the event's strings: encode it before any of them changes
 * (in practice: right after the call that produced it).
 *
 * Thread safety: objects are independent; use one object from one thread
 * at a time. Registration contexts may be read (by session_begin and
 * standalone) from several threads at once while nobody registers.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_CTF_H
#define WEBRTC_CHG_CTF_H

#include <webrtc_chg/acr.h>
#include <webrtc_chg/common.h>
#include <webrtc_chg/sip.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Entries of one event's P-Asserted-Identity and P-Associated-URI lists
 * that the CTF keeps; more are WCHG_E_LIMIT (path e.g.
 * "INVITE/asserted_identity"). */
#define WCHG_CTF_MAX_LIST 16

/**
 * Which lines of an SDP body become SDP-Session-Description (session
 * level) and SDP-Media-Description (media level) AVPs; every m= line is
 * an SDP-Media-Name whatever the choice. TS 32.299 §7.2.137 has
 * SDP-Media-Description describe the media of its SDP-Media-Name, and
 * TS 32.298 records in the SDP description fields only the attribute
 * lines relevant for charging. A browser offer has about 200 lines in
 * its video section (per codec an rtpmap, an fmtp, five rtcp-fb lines
 * and an RTX pair): all of them cost about 10 KB per ACR and as much in
 * the CDF's state of the session, and more than some CDFs accept.
 */
typedef enum wchg_ctf_sdp_lines {
  /** The default: the lines that say what is charged, at both levels:
   * c= (where the media go), b= (bandwidth), a=rtpmap: (the codecs) and
   * the direction attributes a=sendrecv, a=sendonly, a=recvonly,
   * a=inactive (whether media flow; RFC 3264 §5.1). Not a=fmtp (codec
   * parameters: in a browser offer mostly RTX and RED payload mappings),
   * not the transport, ICE, DTLS, RTCP feedback, header extension, SSRC
   * or SCTP lines, not v=, o=, s=, t=. A browser offer keeps about 50 of
   * its 240 lines. */
  WCHG_CTF_SDP_CHARGING = 0,
  /** Every line as received, in order. */
  WCHG_CTF_SDP_ALL = 1,
  /** None: the SDP-Media-Names, SDP-Type and Media-Initiator-Flag only. */
  WCHG_CTF_SDP_NONE = 2,
} wchg_ctf_sdp_lines;

/** What the CTF puts into every ACR. */
typedef struct wchg_ctf_config {
  wchg_str origin_host;         /* Origin-Host; also the DiameterIdentity
                                   that starts every Session-Id; required */
  wchg_str origin_realm;        /* required */
  wchg_str destination_realm;   /* required */
  wchg_str destination_host;    /* optional */
  wchg_opt_int origin_state_id; /* optional */
  wchg_opt_int acct_interim_interval; /* seconds; sent in START and
                                   INTERIM; absent or 0: no ticks */
  wchg_str service_context_id;  /* absent: WCHG_SERVICE_CONTEXT_IMS */
  wchg_str ims_visited_network_identifier; /* optional */
  wchg_str session_id_optional; /* optional last part of each Session-Id */
  wchg_ctf_sdp_lines sdp_lines; /* the SDP lines in the ACRs; 0: CHARGING */
  wchg_policy sdp_policy;       /* reading SDP bodies (see "SDP problems"
                                   above); 0: RECEIVE */
  wchg_sdp_limits sdp_limits;   /* the SDP bodies read (sip.h); zeroed:
                                   64 KiB and 64 media components */
  const wchg_mem *mem;          /* allocator of the objects; NULL: malloc */
} wchg_ctf_config;

/**
 * wchg_ctf_session_id - the Session-Id (RFC 6733 §8.8)
 * "<origin_host>;<high 32 bits>;<low 32 bits>[;<optional>]" of |unique|,
 * a value the caller makes unique per Rf session (e.g. a boot counter in
 * the high half and a sequence number in the low half), into |buf| (cap
 * bytes, NUL-terminated); *|len| the length without the NUL. WCHG_E_ARG
 * for a NULL argument or an empty origin_host, WCHG_E_BUFFER with *|len|
 * the length needed.
 */
WCHG_API wchg_status wchg_ctf_session_id(const wchg_ctf_config *cfg, uint64_t unique,
                                         char *buf, size_t cap, size_t *len);

/** One SIP request or response as the eP-CSCF handled it. Absent strings
 * (ptr NULL) and zero counts are simply not reported. */
typedef struct wchg_sip_event {
  int64_t time_ms;                /* when it was handled: Unix ms */
  wchg_str method;                /* the request's method; for a response
                                     the method of its CSeq */
  int status_code;                /* 0 for a request, else 100..699 */
  wchg_str call_id;               /* Call-ID: User-Session-Id */
  wchg_str request_uri;           /* requests: Called-Party-Address of an
                                     originating request */
  wchg_str called_party_id;       /* P-Called-Party-ID: Called-Party-Address
                                     of a terminating request */
  wchg_str from;                  /* the From header: From-Address */
  const wchg_str *asserted_identity; /* P-Asserted-Identity URIs: Calling-
                                     Party-Address of a request, Called-
                                     Asserted-Identity of a 2xx */
  size_t asserted_identity_count;
  wchg_str charging_vector;       /* P-Charging-Vector value (sip.h) */
  wchg_str access_network_info;   /* P-Access-Network-Info value (sip.h) */
  wchg_str served_party_ip;       /* the UE's IP address, text; absent:
                                     the registration's contact address */
  wchg_str route_received;        /* topmost Route of a received request */
  wchg_str route_transmitted;     /* Route of the request sent on */
  wchg_str sdp;                   /* an application/sdp body */
  wchg_str content_type;          /* another body's Content-Type ... */
  wchg_opt_int content_length;    /* ... and Content-Length: Message-Body */
  wchg_str event;                 /* Event header (SUBSCRIBE, NOTIFY, PUBLISH) */
  wchg_opt_int expires;           /* Expires (REGISTER: the expiry granted
                                     by the 2xx; 0 ends the registration) */
  const wchg_str *reason;         /* Reason headers (BYE, CANCEL) */
  size_t reason_count;
  wchg_str icsi;                  /* IMS communication service identifier */
  bool emergency;                 /* the host classified it as emergency */
} wchg_sip_event;

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

/** Where an event's ACR is built: the model and the scratch it points
 * into (see the top). One per thread, reused for every event. */
typedef struct wchg_ctf_record wchg_ctf_record;

/** wchg_ctf_record_new - an empty record (allocated with |mem|, NULL:
 * malloc), or NULL when out of memory. Its SDP scratch grows to the
 * largest body it has read (a few times the body's size) and stays. */
WCHG_API wchg_ctf_record *wchg_ctf_record_new(const wchg_mem *mem);
/** wchg_ctf_record_free - release |r| (NULL is fine). */
WCHG_API void wchg_ctf_record_free(wchg_ctf_record *r);
/**
 * wchg_ctf_record_acr - the ACR of the last event given |r|: its
 * accounting_record_type is WCHG_ACR_NONE when that event produced none
 * (or failed). The caller may set hop_by_hop, end_to_end and
 * retransmitted before encoding; nothing else should be changed.
 */
WCHG_API wchg_acr *wchg_ctf_record_acr(wchg_ctf_record *r);

/** The warnings a record keeps of one event (more are counted only). */
#define WCHG_CTF_MAX_WARNINGS 8

/**
 * wchg_ctf_record_warnings - what the last call given |r| accepted but
 * reported (see "SDP problems" at the top): count is every warning of
 * that call, items the first WCHG_CTF_MAX_WARNINGS of them (cap), each a
 * wchg_diag with the code strict policy would have returned, the path
 * (e.g. "SDP/SDP-Media-Component[1]/SDP-Media-Description[12]"), the
 * offset in the SDP body and a sentence naming the line. Every call that
 * takes a record starts with none. The array lives in |r|: valid until
 * the next call with it. NULL for a NULL |r|.
 */
WCHG_API const wchg_warnings *wchg_ctf_record_warnings(const wchg_ctf_record *r);

/* ------------------------------------------------------------------ */
/* Registration                                                        */
/* ------------------------------------------------------------------ */

/** How the user registered (TS 23.228 Annex U, TR 33.871 use cases). */
typedef enum wchg_reg_flavour {
  WCHG_REG_IMS = 0,        /* a plain IMS client: no WebRTC identities */
  WCHG_REG_WEBRTC_H3 = 1,  /* WIC, the subscriber's own identity, web
                              credentials: the subscriber pays */
  WCHG_REG_WEBRTC_H4 = 2,  /* WIC, an identity from a third party's pool:
                              WAF/WWSF identify the payer */
} wchg_reg_flavour;

/** A REGISTER and its final response. */
typedef struct wchg_register_event {
  wchg_sip_event request;         /* the REGISTER */
  wchg_sip_event response;        /* its final response (status >= 200) */
  wchg_reg_flavour flavour;
  wchg_str impu;                  /* the public identity registered (To) */
  wchg_str authorization;         /* the Authorization header value sent to
                                     the S-CSCF: Digest username is the IMPI,
                                     authorization-entity the WAF identity */
  wchg_str waf;                   /* the WAF identity when |authorization|
                                     has no authorization-entity (e.g. the
                                     WIC's Bearer form); must agree with it
                                     when both are given */
  wchg_str wwsf;                  /* the WWSF identity from token validation */
  wchg_str instance_id;           /* the Contact's +sip.instance */
  const wchg_str *associated_uri; /* P-Associated-URI of the 2xx */
  size_t associated_uri_count;
} wchg_register_event;

/** One user's registration context (see the top). */
typedef struct wchg_ctf_reg wchg_ctf_reg;

/** wchg_ctf_reg_new - an empty (not registered) context for one user, or
 * NULL when out of memory or |cfg| is NULL. */
WCHG_API wchg_ctf_reg *wchg_ctf_reg_new(const wchg_ctf_config *cfg);
/** wchg_ctf_reg_free - release |reg| (NULL is fine). */
WCHG_API void wchg_ctf_reg_free(wchg_ctf_reg *reg);

/** What a registration context holds (views into it). */
typedef struct wchg_ctf_reg_info {
  bool registered;
  wchg_reg_flavour flavour;
  wchg_str impi;                  /* Authorization username */
  wchg_str impu;
  wchg_str waf;                   /* WebRTC-Authentication-Function-Name */
  wchg_str wwsf;                  /* WebRTC-Web-Server-Function-Name */
  wchg_str instance_id;
  wchg_str served_party_ip;       /* the REGISTER's served_party_ip */
  wchg_str access_network_info;   /* the REGISTER's P-Access-Network-Info */
  size_t associated_uri_count;
  int64_t expires_at_ms;          /* response time + expires */
} wchg_ctf_reg_info;

/** wchg_ctf_reg_get - fill |out| from |reg|. WCHG_E_ARG on NULL. */
WCHG_API wchg_status wchg_ctf_reg_get(const wchg_ctf_reg *reg, wchg_ctf_reg_info *out);

/**
 * wchg_ctf_register - a REGISTER and its final response: an initial
 * registration (|reg| not registered), a re-registration (registered,
 * expires > 0) or a de-registration (expires 0). A 2xx updates |reg|
 * (a de-registration empties it); any other final response leaves it as
 * it was. The expiry is the response's Expires, else the request's.
 * Produces an EVENT ACR (SIP-Method REGISTER, Expires, the IMPU as
 * Called-Party-Address, the associated URIs, the Cause-Code of
 * wchg_cause_code(), the WebRTC identities) in |out|, except for a 401 or
 * 407 challenge, which is part of authentication and gives no record.
 * |unique| makes the EVENT's Session-Id (wchg_ctf_session_id()).
 *
 * Returns WCHG_OK, or:
 *   WCHG_E_ARG      a NULL argument;
 *   WCHG_E_RANGE    a response status outside 200..699, a flavour unknown;
 *   WCHG_E_MISSING  no IMPU; a WebRTC flavour without a WAF identity
 *                   (path "REGISTER/Authorization/authorization-entity")
 *                   or without a WWSF identity;
 *   WCHG_E_INVALID  |ev->waf| and authorization-entity disagree;
 *   WCHG_E_LIMIT    more than WCHG_CTF_MAX_LIST associated URIs or
 *                   P-Asserted-Identity entries;
 *   WCHG_E_ENCODING the request's served_party_ip is no IPv4/IPv6 address;
 *   WCHG_E_NOMEM    the context could not keep the identities (|reg| is
 *                   as before);
 *   a sip.h code    the Authorization, P-Charging-Vector or
 *                   P-Access-Network-Info value does not parse (path and
 *                   offset in |diag|).
 * On an error |reg| is unchanged and the record is NONE.
 */
WCHG_API wchg_status wchg_ctf_register(wchg_ctf_reg *reg, const wchg_register_event *ev,
                                       uint64_t unique, wchg_ctf_record *out,
                                       wchg_diag *diag);

/* ------------------------------------------------------------------ */
/* Sessions                                                            */
/* ------------------------------------------------------------------ */

/** Where a session is in the table at the top. */
typedef enum wchg_ctf_state {
  WCHG_CTF_IDLE = 0,   /* new or reset */
  WCHG_CTF_SETUP = 1,  /* INVITE seen, no final response yet */
  WCHG_CTF_ACTIVE = 2, /* START sent */
  WCHG_CTF_CLOSED = 3, /* STOP or the failure EVENT sent */
} wchg_ctf_state;

/** One INVITE dialog (see the top), and the ACRs it sent that await
 * their answer (ctf_aca.h). */
typedef struct wchg_ctf_session wchg_ctf_session;

/** wchg_ctf_session_new - an IDLE session, or NULL when out of memory or
 * |cfg| is NULL. */
WCHG_API wchg_ctf_session *wchg_ctf_session_new(const wchg_ctf_config *cfg);
/** wchg_ctf_session_reset - back to IDLE, keeping its memory for reuse;
 * the ACRs sent and not answered (ctf_aca.h) and an ACA's interval are
 * forgotten. */
WCHG_API void wchg_ctf_session_reset(wchg_ctf_session *s);
/** wchg_ctf_session_free - release |s| (NULL is fine). */
WCHG_API void wchg_ctf_session_free(wchg_ctf_session *s);
/** wchg_ctf_session_state - where |s| is (IDLE for NULL). */
WCHG_API wchg_ctf_state wchg_ctf_session_state(const wchg_ctf_session *s);
/** wchg_ctf_session_record_number - the Accounting-Record-Number of the
 * last record |s| produced (0 before any). */
WCHG_API uint32_t wchg_ctf_session_record_number(const wchg_ctf_session *s);

/**
 * wchg_ctf_session_begin - an initial INVITE for the user of |reg| (NULL:
 * a user with no registration context here, charged as plain IMS) in the
 * role |role_of_node| (WCHG_ROLE_ORIGINATING: the user calls;
 * WCHG_ROLE_TERMINATING: the user is called). |unique| makes the Rf
 * Session-Id that every record of the session carries. Copies what later
 * records need; produces no record (|out| is NONE).
 *
 * Returns WCHG_OK, or:
 *   WCHG_E_ARG        a NULL argument, or |invite| is not an INVITE request;
 *   WCHG_E_STATE      |s| is not IDLE, or |reg| is not registered;
 *   WCHG_E_RANGE      |role_of_node| not 0 or 1;
 *   WCHG_E_EMERGENCY  an emergency INVITE of a WIC (see the top);
 *   WCHG_E_LIMIT      more than WCHG_CTF_MAX_LIST P-Asserted-Identity URIs;
 *   WCHG_E_ENCODING   served_party_ip is no IPv4 or IPv6 address (path
 *                     "INVITE/served_party_ip");
 *   WCHG_E_NOMEM;
 *   a sip.h code      a header value does not parse, or (strict
 *                     sdp_policy only) the SDP.
 * On an error |s| stays IDLE.
 */
WCHG_API wchg_status wchg_ctf_session_begin(wchg_ctf_session *s, const wchg_ctf_reg *reg,
                                            int role_of_node, uint64_t unique,
                                            const wchg_sip_event *invite,
                                            wchg_ctf_record *out, wchg_diag *diag);

/**
 * wchg_ctf_session_event - a later request or response of the dialog (see
 * the table at the top). Fills |out| with the ACR it gives, or NONE.
 * Returns WCHG_OK, WCHG_E_ARG, WCHG_E_STATE (out of order: nothing
 * changes), WCHG_E_RANGE (a status outside 100..699), WCHG_E_NOMEM,
 * WCHG_E_LIMIT (P-Asserted-Identity of a 2xx), WCHG_E_ENCODING (a bad
 * served_party_ip), or a sip.h code for a header value, or (strict
 * sdp_policy only) an SDP body, that does not parse; on every error the
 * session is as it was, but for the re-INVITE or UPDATE of "SDP
 * problems" at the top.
 */
WCHG_API wchg_status wchg_ctf_session_event(wchg_ctf_session *s, const wchg_sip_event *ev,
                                            wchg_ctf_record *out, wchg_diag *diag);

/**
 * wchg_ctf_session_info - what an online charging client (ro.h) needs of
 * session |s| at |now_ms|, from the initial INVITE on: its IMS-Information
 * as the session's next ACR would carry it (the registration context's
 * identities and WAF/WWSF, Call-ID, ICID, parties, IOIs, and the agreed
 * media, or the INVITE's offer before there are any), with SIP-Method
 * INVITE and the INVITE's time as SIP-Request-Timestamp. |out| gets an
 * ACR of type WCHG_ACR_NONE: copy its ims into a wchg_ccr (ro.h), never
 * send it as an ACR. Its views point into |s| and |out|: valid until the
 * next call on either. Changes nothing in |s|.
 * Returns WCHG_OK, WCHG_E_ARG (a NULL argument), WCHG_E_STATE (|s| is
 * IDLE), WCHG_E_NOMEM (the record's SDP scratch could not grow).
 */
WCHG_API wchg_status wchg_ctf_session_info(const wchg_ctf_session *s, int64_t now_ms,
                                           wchg_ctf_record *out, wchg_diag *diag);

/**
 * wchg_ctf_session_tick - the caller's clock: at |now_ms| an ACTIVE
 * session whose last record is Acct-Interim-Interval (the config's, or
 * the last one an ACA gave, ctf_aca.h) or more old gives an
 * INTERIM with the current media (Event-Timestamp |now_ms|, no Time-
 * Stamps); otherwise NONE. WCHG_E_ARG on NULL, WCHG_E_NOMEM when the
 * record's SDP scratch could not grow (nothing changes); never
 * WCHG_E_STATE.
 */
WCHG_API wchg_status wchg_ctf_session_tick(wchg_ctf_session *s, int64_t now_ms,
                                           wchg_ctf_record *out, wchg_diag *diag);

/* ------------------------------------------------------------------ */
/* Standalone requests                                                 */
/* ------------------------------------------------------------------ */

/**
 * wchg_ctf_standalone - a request outside any dialog charging tracks
 * (MESSAGE, SUBSCRIBE, NOTIFY, PUBLISH, OPTIONS, REFER, INFO) and its
 * final response, for the user of |reg| (NULL: plain IMS) in the role
 * |role_of_node|: one EVENT ACR with the Cause-Code of wchg_cause_code()
 * (SUBSCRIBE with Expires 0, the response's else the request's, ends its
 * dialog: -2), Event-Type {SIP-Method, Event, Expires} and a Message-Body
 * for a body other than application/sdp (content_type with
 * content_length). Access-Network-Information: the P-Access-Network-Info
 * of the message from the UE (the request when originating, the response
 * when terminating), else of the other, else the registration's.
 * |unique| makes its Session-Id. Returns the codes of
 * wchg_ctf_session_begin() (WCHG_E_ARG also for INVITE, ACK, BYE, CANCEL,
 * UPDATE, PRACK or REGISTER, for a |request| that is a response, for a
 * |response| that is not final or whose method is another, and for an
 * empty origin_host; WCHG_E_RANGE for a status above 699).
 */
WCHG_API wchg_status wchg_ctf_standalone(const wchg_ctf_config *cfg, const wchg_ctf_reg *reg,
                                         int role_of_node, uint64_t unique,
                                         const wchg_sip_event *request,
                                         const wchg_sip_event *response,
                                         wchg_ctf_record *out, wchg_diag *diag);

/** wchg_is_emergency_urn - true when |uri| is "urn:service:sos" or one of
 * its sub-services ("urn:service:sos.police"), compared as RFC 5031 says
 * (case-insensitive scheme, NID and service labels). */
WCHG_API bool wchg_is_emergency_urn(wchg_str uri);

#ifdef __cplusplus
}
#endif
#endif
