/*
 * webrtc_chg — cdf.h: the charging data function (CDF) of the eP-CSCF's
 * offline charging (TS 32.240, TS 32.260 §5.2.2, TS 32.298): Rf ACRs in,
 * PCSCFRecord CDRs out, with partial records, lost-ACR handling and
 * duplicate detection.
 *
 * A wchg_cdf is fed decoded ACRs (wchg_acr models: from the ACR decoder,
 * from the CTF of ctf.h, or built by hand) of any number of sessions in
 * any interleaving, and answers each with what the ACA must say. Records
 * it closes are DER-encoded at once (wchg_cdr_encode) and queued inside
 * the object until the caller takes them (wchg_cdf_peek / wchg_cdf_pop),
 * e.g. into a TS 32.297 file (cdrfile.h).
 *
 * What becomes of each ACR (Accounting-Record-Type):
 *
 *   EVENT    one event CDR: recordOpeningTime = recordClosureTime = the
 *            event's time (below); causeForRecordClosing 0 when Cause-Code
 *            is absent or <= 0, 1 (unSuccessfulServiceDelivery) when > 0;
 *            serviceRequestTimeStamp [9] / serviceDeliveryStartTimeStamp
 *            [10] (and fractions [37], [38]) from SIP-Request- /
 *            SIP-Response-Timestamp; serviceReasonReturnCode [23] is the
 *            Cause-Code in decimal; no recordSequenceNumber.
 *   START    opens the session (keyed by Session-Id). [9] and [37] from
 *            its SIP-Request-Timestamp; [10] and [38] from its
 *            SIP-Response-Timestamp (else its event time); the record
 *            opens at its event time.
 *   INTERIM  folds into the open session.
 *   STOP     closes the session's record: recordClosureTime and [11],
 *            [39] from its SIP-Request-Timestamp (else its event time);
 *            causeForRecordClosing from its Cause-Code as for EVENT;
 *            [23] its Cause-Code in decimal.
 *
 * The event time of an ACR is its Event-Timestamp, else its
 * SIP-Response-Timestamp, else its SIP-Request-Timestamp, else |now_ms|.
 * Times are Unix milliseconds; the BCD TimeStamps are written in the
 * configured UTC offset, the milliseconds go into the *Fraction fields.
 *
 * Record content (TS 32.298 PCSCFRecord; the ACR model already names its
 * fields as the CDR does):
 *   - every ims field of the ACRs is carried, except [9]-[11], [37]-[39]
 *     (computed as above) and [21]. A field takes the value of the latest
 *     ACR of the session that carries it, except sIP-Method [2], which
 *     keeps the method that opened the record (a START always sets it);
 *   - list-Of-SDP-Media-Components [21] grows by the entries of every
 *     START and INTERIM that carries SDP, each stamped with its ACR's
 *     SIP-Request-/-Response-Timestamp (TimeStamps plus fractions [6],
 *     [7]; the entry's own time stamps when the ACR has none). An ACR
 *     with neither time stamp (an interim tick, no SIP transaction)
 *     adds its entries only to a record that has none yet. A partial
 *     record holds the changes reported while it was open;
 *   - the WAF/WWSF identities (ims.webrtc_*) are carried like any field
 *     (the CDR encoder writes them into recordExtensions);
 *   - nodeAddress [4]: the configured node_address, else domainName
 *     with the Origin-Host of the ACR that opened the session;
 *   - retransmission [1]: an ACR with the T flag was folded into it;
 *   - localRecordSequenceNumber [15]: per CDF, first_local_record_
 *     sequence_number, +1 for every CDR produced (modulo 2^32);
 *   - recordSequenceNumber [16]: 1, 2, 3, ... on every record of a
 *     session that has partial records (also on its last one); absent on
 *     a session's only record and on event records (TS 32.298: it
 *     numbers partial records).
 *
 * Partial records (the session stays open; the next record opens at the
 * closure time of the previous one):
 *   timeLimit (3)          the record has been open max_record_duration_ms
 *                          (checked on every ACR of the session, against
 *                          its event time, and by wchg_cdf_expire against
 *                          |now_ms|). The record closes at opening +
 *                          max_record_duration_ms; the next one opens at
 *                          the latest such boundary before the time
 *                          checked (one record per check, never empty
 *                          runs of records);
 *   serviceChange (4)      the media list would exceed max_media_changes
 *                          (the container limit; 0: WCHG_CDF_MAX_MEDIA),
 *                          or the session's stored data would exceed
 *                          WCHG_CDF_MAX_RECORD_BYTES;
 *   managementIntervention (5)  wchg_cdf_close_session().
 *
 * Lost ACRs (Incomplete-CDR-Indication [18], present only when something
 * was lost; Accounting-Record-Number per RFC 6733: START 0, INTERIMs 1,
 * 2, ..., STOP last + 1):
 *   - an INTERIM or STOP without START opens the session with
 *     aCRStartLost TRUE, on every record of that session (none carries
 *     the START's data); a START that arrives late (after the session was
 *     opened, while its first record is open) clears it;
 *   - a gap in Accounting-Record-Number: aCRInterimLost yes on the record
 *     open when the gap was seen (an INTERIM or STOP without START
 *     numbered n > 1 counts n - 1 lost); a late ACR that fills the gap is
 *     folded and takes its count back;
 *   - silence: wchg_cdf_expire() closes the session with aCRStopLost TRUE.
 *
 * Duplicates: an ACR whose (Session-Id, Accounting-Record-Number) was
 * already folded — while the session is open, or after it closed while
 * it is among the last duplicate_memory sessions and event records
 * remembered — is a duplicate: answered 2001, never folded twice. Of an
 * open session the numbers up to 63 below the highest one are tracked
 * exactly; an older number is taken for a duplicate. Closed sessions are
 * remembered by a 64-bit hash of their Session-Id (a false match needs
 * two Session-Ids with equal hashes).
 *
 * Memory: an open session costs a fixed part (a private struct, about
 * 100 bytes, wchg_cdf_stats says) plus its strings and media entries in
 * one compact buffer of the size they need (not a wchg_ims_info), plus
 * a slot of the session table (12 bytes, the table 1/8 to 3/4 full; it
 * grows and shrinks a few slots per call) and, when records have a time
 * limit, an entry of a heap (16 bytes). A string or list of 8 bytes or
 * more that several open sessions hold (a host name, a codec line) is
 * kept once and referred to (4 bytes); one session's own values (its
 * Call-ID, its ICID) stay in its buffer. The duplicate memory is allocated once at
 * creation (about 48 bytes per remembered session). Queued CDRs live in
 * blocks of 64 KiB.
 *
 * What peers send (wchg_cdf_feed_bytes): the CDF reads ACR messages in
 * the receive policy by default (wchg_cdf_config.policy, common.h): an
 * ACR whose AVP flags, values or ABNF deviate from the rules but that
 * can be read is folded (ACA 2001), its deviations reported as warnings
 * (wchg_cdf_feed_bytes_ex) and counted (wchg_cdf_stats.warnings); see
 * wchg_acr_decode_ex for what of it the model keeps. The strict policy
 * refuses such an ACR as the reader does (e.g. 3009 for an M bit against
 * its rule) and folds nothing.
 *
 * ACRs of other nodes: an ACR whose Node-Functionality is not P-CSCF (an
 * S-CSCF's, an AS's, ... sent to this CDF) is not folded and not
 * refused: WCHG_E_OTHER_NODE, nothing changed, no ACA written by
 * wchg_cdf_feed_bytes. Answering it is the host's choice:
 *   - route it: send the ACR's bytes to the CDF that handles that node
 *     (by its Node-Functionality, wchg_cdf_last_acr()) and relay that
 *     CDF's ACA to the sender;
 *   - keep it: store the bytes (or the model) for that CDF and answer
 *     2001 yourself (wchg_aca_from_acr with no problem, then
 *     wchg_aca_encode with this CDF's Origin-Host and -Realm);
 *   - let the sender go elsewhere: answer 3002 DIAMETER_UNABLE_TO_DELIVER
 *     (wchg_aca_from_acr with a problem whose result_code is 3002; the
 *     E bit is set). A protocol error (RFC 6733 §7.1.3) is handled per
 *     hop: the sender or a relay may try another peer and the record
 *     survives. Never 5004 or 5012: permanent failures (RFC 6733
 *     §7.1.5) tell the CTF not to send it again, and the record is lost.
 *
 * No I/O and no clock: time comes from the arguments. Thread safety: a
 * wchg_cdf has no shared state; use each from one thread at a time.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_CDF_H
#define WEBRTC_CHG_CDF_H

#include <webrtc_chg/aca.h>
#include <webrtc_chg/acr.h>
#include <webrtc_chg/cdr.h>
#include <webrtc_chg/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Hard bounds of one open session: media entries in one record (the
 * container limit when max_media_changes is 0 or larger), and the bytes
 * its fields and media entries take in the compact store. */
#define WCHG_CDF_MAX_MEDIA 64
#define WCHG_CDF_MAX_RECORD_BYTES 32768

/** The configuration of a CDF (wchg_cdf_new() copies it; the strings
 * and the allocator it points to must outlive the CDF). A field left 0
 * means what its comment says. */
typedef struct wchg_cdf_config {
  wchg_node_address node_address;   /* nodeAddress [4]; absent: domainName
                                       from the session's Origin-Host */
  int utc_offset_minutes;           /* of the BCD TimeStamps, -720..840 */
  int64_t max_record_duration_ms;   /* timeLimit partials; 0: none */
  unsigned max_media_changes;       /* container limit; 0: WCHG_CDF_MAX_MEDIA */
  int64_t session_timeout_ms;       /* silence closed by wchg_cdf_expire;
                                       0: never */
  size_t duplicate_memory;          /* closed sessions and event records
                                       remembered; 0: none */
  uint32_t first_local_record_sequence_number;
  wchg_str origin_host;             /* the CDF's, for the ACAs of
                                       wchg_cdf_feed_bytes */
  wchg_str origin_realm;
  const wchg_mem *mem;              /* NULL: malloc/free */
  wchg_policy policy;               /* how wchg_cdf_feed_bytes reads ACRs:
                                       WCHG_POLICY_RECEIVE (0, the
                                       default) or WCHG_POLICY_STRICT */
} wchg_cdf_config;

/** A charging data function: its open sessions, the CDRs it closed
 * and queued, its duplicate memory and counters (wchg_cdf_new(),
 * wchg_cdf_free()). */
typedef struct wchg_cdf wchg_cdf;

/** What the ACA for one ACR must say. */
typedef struct wchg_cdf_result {
  uint32_t result_code;  /* 2001, or the Result-Code of the error; 0 for
                            WCHG_E_OTHER_NODE (the host answers) */
  bool duplicate;        /* a retransmission of an ACR already folded */
  unsigned cdrs;         /* CDRs this ACR closed (queued) */
} wchg_cdf_result;

/**
 * wchg_cdf_new - a CDF with no session and an empty queue. |cfg| is
 * copied; the strings it points to (node_address.domain_name, the origin
 * host and realm) and |cfg->mem| must outlive the CDF. The duplicate
 * memory is allocated here. Returns NULL when |cfg| is NULL or invalid
 * (utc_offset_minutes outside -720..840, a negative duration, an unknown
 * node_address choice or policy) or when out of memory.
 */
WCHG_API wchg_cdf *wchg_cdf_new(const wchg_cdf_config *cfg);

/** wchg_cdf_free - release |cdf|, its open sessions and its queued CDRs
 * (NULL is fine). Export first what must survive. */
WCHG_API void wchg_cdf_free(wchg_cdf *cdf);

/**
 * wchg_cdf_feed - fold the ACR |acr| received at |now_ms| (the CDF's
 * clock, Unix ms, a time in 2000..2099). |acr| is only read during the
 * call: the CDF copies what it keeps. *|res| (may be NULL) says what the
 * ACA must carry; *|diag| (may be NULL) names the problem of a rejected
 * ACR (path such as "ACR/Accounting-Record-Type").
 *
 * Every ACR is folded, recognised as a duplicate (WCHG_OK, duplicate set,
 * Result-Code 2001), left to the host as another node's, or rejected with
 * nothing changed:
 *   WCHG_E_OTHER_NODE Node-Functionality not P-CSCF (1): an ACR of another
 *                     node for the host to route (top of this header);
 *                     not folded, nothing changed, Result-Code 0; |diag|
 *                     names Node-Functionality and its value;
 *   WCHG_E_ARG        |cdf| or |acr| NULL, |now_ms| outside 2000..2099
 *                     (Result-Code 5012);
 *   WCHG_E_INVALID    an ACR the CDF cannot use: Session-Id empty (5005);
 *                     Accounting-Record-Type not 1..4, Role-Of-Node not
 *                     0 or 1, a time outside 2000..2099, a structure the
 *                     CDR cannot hold (a Message-Body without Content-
 *                     Type, an unknown CHOICE, a list with a count and no
 *                     items) (5004);
 *   WCHG_E_EMERGENCY  an IMS emergency ACR (ims_emergency_indicator) of a
 *                     WebRTC client (carrying, or of a session carrying, a
 *                     WAF or WWSF identity): not charged (5012);
 *   WCHG_E_STATE      the ACR contradicts the session's state: an ACR of
 *                     a closed session that was not folded before (e.g.
 *                     an INTERIM after the STOP, or after wchg_cdf_expire
 *                     closed it), a second START with another number, an
 *                     EVENT with the Session-Id of an open session (5012);
 *   WCHG_E_LIMIT      one ACR's content over WCHG_CDF_MAX_RECORD_BYTES
 *                     or carrying more than WCHG_CDF_MAX_MEDIA media
 *                     entries (5012);
 *   WCHG_E_NOMEM      out of memory (4002 DIAMETER_OUT_OF_SPACE: the CTF
 *                     may send it again); not counted in the stats.
 */
WCHG_API wchg_status wchg_cdf_feed(wchg_cdf *cdf, const wchg_acr *acr, int64_t now_ms,
                                   wchg_cdf_result *res, wchg_diag *diag);

/**
 * wchg_cdf_feed_bytes - the whole CDF step for one Diameter ACR message
 * |acr| (|len| bytes): decode it (wchg_acr_decode), feed it at |now_ms|,
 * and write the ACA (wchg_aca_from_acr with the Result-Code, the
 * configured origin host and realm, wchg_aca_encode) into |aca| (|cap|
 * bytes); *|aca_len| is its size. An ACR that does not decode is answered
 * with the reader's Result-Code (and Failed-AVP) and never fed. *|res|
 * and *|diag| (may be NULL) as for wchg_cdf_feed.
 * The ACR is read in the configured policy (receive by default: an ACR
 * that deviates from the rules but can be read is folded and answered
 * 2001; wchg_cdf_feed_bytes_ex gives the warnings). An ACR of another
 * node (WCHG_E_OTHER_NODE) is answered by the host: nothing is written,
 * *|aca_len| is 0.
 * Returns the status of decoding or feeding (the ACA says it to the
 * peer), or WCHG_E_BUFFER (*|aca_len| the size needed; the ACR WAS
 * processed: call wchg_aca_* again, do not feed it twice), WCHG_E_ARG,
 * WCHG_E_TRUNCATED (fewer than 20 bytes: no header to answer; nothing
 * written), or the ACA encoder's error when the config's origin host or
 * realm is empty.
 */
WCHG_API wchg_status wchg_cdf_feed_bytes(wchg_cdf *cdf, const uint8_t *acr, size_t len,
                                         int64_t now_ms, uint8_t *aca, size_t cap,
                                         size_t *aca_len, wchg_cdf_result *res,
                                         wchg_diag *diag);

/**
 * wchg_cdf_feed_bytes_ex - wchg_cdf_feed_bytes() that also gives the
 * warnings of reading the ACR (receive policy): each deviation the
 * reader accepted is added to |warn| (may be NULL; the caller owns it,
 * see wchg_warnings in common.h) with the Result-Code, AVP path and
 * offset strict would have refused the ACR with. They are added whatever
 * becomes of the ACR (also when it is refused later, e.g. for an unknown
 * AVP with the M bit further on); wchg_cdf_stats.warnings counts those
 * of the ACRs counted in acrs. In strict policy nothing is added.
 */
WCHG_API wchg_status wchg_cdf_feed_bytes_ex(wchg_cdf *cdf, const uint8_t *acr, size_t len,
                                            int64_t now_ms, uint8_t *aca, size_t cap,
                                            size_t *aca_len, wchg_cdf_result *res,
                                            wchg_diag *diag, wchg_warnings *warn);

/**
 * wchg_cdf_last_acr - the model of the ACR the last wchg_cdf_feed_bytes
 * (or _ex) call of |cdf| decoded, e.g. to route an ACR of another node
 * (WCHG_E_OTHER_NODE) by its Node-Functionality; NULL when that ACR did
 * not decode, before any such call, or for NULL. Its views point into
 * the bytes given to that call: valid while those are, until the next
 * wchg_cdf_feed_bytes of |cdf|.
 */
WCHG_API const wchg_acr *wchg_cdf_last_acr(const wchg_cdf *cdf);

/**
 * wchg_cdf_expire - the caller's timer, at |now_ms|: every open session
 * whose last ACR came session_timeout_ms or more ago (by the |now_ms| of
 * its feed) is closed with Incomplete-CDR-Indication {aCRStartLost as
 * known, aCRInterimLost as known, aCRStopLost TRUE}, no
 * serviceDeliveryEndTimeStamp, recordClosureTime |now_ms| and
 * causeForRecordClosing timeLimit (3): the CDF's inactivity timer ended
 * it; the indication says the STOP is missing. Every other session whose
 * record has been open max_record_duration_ms gets a timeLimit partial.
 * The silent sessions come first, least recently fed first (by the
 * |now_ms| of their last ACR, then the order those came in); then the
 * records, the earliest limit first (then by Session-Id). *|closed| (may
 * be NULL) is the number of CDRs produced. It costs what it closes: a
 * call with nothing due looks at one session of each order.
 * Returns WCHG_OK, WCHG_E_ARG (|cdf| NULL, |now_ms| outside 2000..2099),
 * or WCHG_E_NOMEM: the CDRs counted in *|closed| were produced, the
 * session being closed is as it was; call again later.
 * wchg_cdf_expire_budget() with no budget.
 */
WCHG_API wchg_status wchg_cdf_expire(wchg_cdf *cdf, int64_t now_ms, unsigned *closed);

/**
 * wchg_cdf_expire_budget - wchg_cdf_expire() that produces at most
 * |budget| CDRs (0: no limit), in the same order, so that one call keeps
 * the host's latency: what is left is closed by the next call (at the
 * same or a later |now_ms|). *|due| (may be NULL) is the number of
 * sessions still due at |now_ms| after the call, counted up to |budget|
 * (|budget| means that many or more: call again; 0: nothing is due); the
 * count costs at most twice |budget| sessions looked at. Returns as
 * wchg_cdf_expire.
 */
WCHG_API wchg_status wchg_cdf_expire_budget(wchg_cdf *cdf, int64_t now_ms, unsigned budget,
                                            unsigned *closed, unsigned *due);

/**
 * wchg_cdf_close_session - a management request: close the open record
 * of the session |session_id| now (recordClosureTime |now_ms|) as a
 * partial record, causeForRecordClosing managementIntervention (5); the
 * session stays open and its next record opens at |now_ms|.
 * Returns WCHG_OK, WCHG_E_ARG (NULL, |now_ms| outside 2000..2099),
 * WCHG_E_STATE (no open session |session_id|) or WCHG_E_NOMEM (nothing
 * changed).
 */
WCHG_API wchg_status wchg_cdf_close_session(wchg_cdf *cdf, wchg_str session_id,
                                            int64_t now_ms);

/** wchg_cdf_pending - the number of CDRs queued (0 for NULL). */
WCHG_API size_t wchg_cdf_pending(const wchg_cdf *cdf);

/**
 * wchg_cdf_peek - the oldest queued CDR: *|der| and *|len| view its DER
 * (an IMSRecord, ready for wchg_cdrfile_add). The view stays valid until
 * that CDR is popped or the CDF freed (feeding does not move it).
 * Returns WCHG_OK, WCHG_E_ARG (a NULL argument) or WCHG_E_STATE (the
 * queue is empty).
 */
WCHG_API wchg_status wchg_cdf_peek(const wchg_cdf *cdf, const uint8_t **der, size_t *len);

/** wchg_cdf_pop - drop the oldest queued CDR (nothing when empty). */
WCHG_API void wchg_cdf_pop(wchg_cdf *cdf);

/**
 * wchg_cdf_export - write the whole state of |cdf| — open sessions, the
 * counters (local record sequence number, statistics), the duplicate
 * memory and the queued CDRs — into |buf| (|cap| bytes; NULL with cap 0
 * measures); *|len| its size. The format is private to the library:
 * versioned, with a magic and a CRC-32 over all of it. |cdf| is
 * unchanged. Returns WCHG_OK, WCHG_E_ARG, or WCHG_E_BUFFER with *|len|
 * the size needed.
 */
WCHG_API wchg_status wchg_cdf_export(const wchg_cdf *cdf, uint8_t *buf, size_t cap,
                                     size_t *len);

/**
 * wchg_cdf_import - load a state written by wchg_cdf_export into |fresh|,
 * a CDF that has not been fed yet (made with the configuration the
 * exporting one had: the state does not carry it). After it, |fresh|
 * continues exactly where the exporter stopped: the same ACRs give the
 * same CDR bytes. A duplicate memory smaller than the exporter's keeps
 * its newest entries. The input is checked strictly: magic, version,
 * CRC, every length and count against the bytes given, every stored
 * field against the record's schema. On any error |fresh| is unchanged
 * and *|diag| (may be NULL) gives the offset and a sentence.
 * Returns WCHG_OK, WCHG_E_ARG, WCHG_E_STATE (|fresh| has been fed or
 * imported), WCHG_E_NOMEM, or for bad input WCHG_E_TRUNCATED,
 * WCHG_E_ENCODING (magic, CRC, a value out of range), WCHG_E_LENGTH,
 * WCHG_E_DUPLICATE (a Session-Id twice).
 */
WCHG_API wchg_status wchg_cdf_import(wchg_cdf *fresh, const uint8_t *buf, size_t len,
                                     wchg_diag *diag);

/** Counters of a CDF. acrs == folded + duplicates + rejected + other_node. */
typedef struct wchg_cdf_stats {
  size_t open_sessions;
  size_t bytes_in_use;       /* everything the CDF holds from its allocator
                                (but the ACR reader of wchg_cdf_feed_bytes,
                                about 20 KiB once made) */
  size_t session_bytes;      /* of it: the open sessions (fixed parts, their
                                buffers, the session table, the heap of
                                record limits, the values they share) */
  size_t session_store_bytes;/* of it: the compact stores in use (the
                                strings, media entries, their framing)
                                and the values they share */
  size_t session_fixed_bytes;/* the fixed part of one open session */
  size_t queued_cdrs;
  size_t queued_bytes;       /* DER bytes queued */
  uint64_t acrs;             /* ACRs decided on (not those failing NOMEM) */
  uint64_t folded;
  uint64_t duplicates;
  uint64_t rejected;
  uint64_t cdrs;             /* CDRs produced */
  uint64_t lost;             /* ACRs known lost: STARTs, INTERIMs, STOPs */
  uint64_t other_node;       /* ACRs of other nodes (WCHG_E_OTHER_NODE) */
  uint64_t warnings;         /* the reader's warnings about the ACRs of
                                wchg_cdf_feed_bytes counted in acrs */
} wchg_cdf_stats;

/** wchg_cdf_stats_get - fill |out| (kept up to date by every call: it
 * walks nothing). WCHG_E_ARG on NULL. */
WCHG_API wchg_status wchg_cdf_stats_get(const wchg_cdf *cdf, wchg_cdf_stats *out);

#ifdef __cplusplus
}
#endif
#endif
