/*
 * webrtc_chg — ctf_aca.h: the charging trigger function (ctf.h) reads
 * its Accounting-Answers (ACA, RFC 6733 §9.7.2, TS 32.299 §6.2.3).
 *
 * The CTF keeps every ACR the host sends until its answer comes, matches
 * each ACA to that ACR, applies the ACA's Acct-Interim-Interval to the
 * session, and tells the host what to do next (a wchg_ctf_verdict): done,
 * send the same ACR again (to this CDF or to the secondary one), or give
 * up and report. For a resend it gives back the exact bytes: the ACR as
 * first sent with the T flag set (RFC 6733 §3). A host timer that expires
 * with no ACA gets the same kind of answer.
 *
 * Where outstanding ACRs live:
 *   - the records of a session (START, INTERIMs, STOP, and the EVENT of a
 *     failed setup) in the wchg_ctf_session itself, at most
 *     WCHG_CTF_SESSION_OUTSTANDING at once: send with
 *     wchg_ctf_session_send(), answer with wchg_ctf_session_answer();
 *   - the EVENT records that have no session (registrations, standalone
 *     requests) in a wchg_ctf_pending, a tracker the host creates with a
 *     capacity (one per CDF connection or per thread, as it likes).
 *
 * Call order, for one ACR:
 *   1. a ctf.h call produces it in a wchg_ctf_record; set hop_by_hop and
 *      end_to_end in wchg_ctf_record_acr() if you want them (an
 *      end_to_end other than 0 is then matched too);
 *   2. wchg_ctf_session_send() / wchg_ctf_pending_send(): encodes it into
 *      the tracker's own copy and gives you a view of the bytes: send
 *      those;
 *   3. an ACA arrives: wchg_ctf_session_answer() / wchg_ctf_pending_answer()
 *      (wchg_ctf_aca_read() first if you need its Session-Id to find the
 *      owner); or your timer expires: wchg_ctf_session_timeout() /
 *      wchg_ctf_pending_timeout();
 *   4. the verdict: DONE and FAILED end the ACR; RESEND and FAILOVER keep
 *      it outstanding and give the bytes to send again (go to 3); give up
 *      with wchg_ctf_session_drop() / wchg_ctf_pending_drop() (copy the
 *      bytes first if you store them, RFC 6733 §9.4).
 *
 * Matching: an ACA answers the outstanding ACR with its Session-Id,
 * Accounting-Record-Type and Accounting-Record-Number, and its
 * End-to-End Identifier when the ACR's was not 0 (it stays the same
 * through relays and resends, RFC 6733 §3). An error answer may lack
 * the record type and number, even the Session-Id (RFC 6733 §7.2): it is
 * matched by what it has, and must then name exactly one outstanding
 * ACR. The Hop-by-Hop Identifier is not matched: it belongs to one
 * connection, and the answer to a first send may come after its resend
 * went out on another. An ACA for an ACR answered lately is refused
 * with WCHG_E_DUPLICATE; one for nothing outstanding with WCHG_E_STATE;
 * both with the path and offset of the field that matched nothing.
 *
 * Reading: the ACA is read as received (decode keeps, validation judges):
 * the header and every top-level AVP length are checked, then only the
 * AVPs the answer path needs are read (Session-Id, Result-Code,
 * Experimental-Result, Accounting-Record-Type and -Number,
 * Acct-Interim-Interval, Origin-Host, Error-Message); flag bits, unknown
 * AVPs and the ABNF order are not judged. Errors give code, path
 * ("ACA/Result-Code") and byte offset.
 *
 * Memory and ownership: each outstanding ACR is one copy of its bytes in
 * a buffer of the tracker that later ACRs reuse (it grows only for an ACR
 * bigger than any it held): no allocation per ACR once warm. The views
 * given back (the bytes of _send, the resend bytes of an answer) stay
 * valid while that ACR is outstanding: until the answer or drop that ends
 * it, or a reset or free of its owner. Views into the ACA (session_id,
 * error_message, origin_host) live as long as your ACA bytes.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_CTF_ACA_H
#define WEBRTC_CHG_CTF_ACA_H

#include <webrtc_chg/ctf.h>

#ifdef __cplusplus
extern "C" {
#endif

/** ACRs a session keeps outstanding at once; one more is WCHG_E_LIMIT. */
#define WCHG_CTF_SESSION_OUTSTANDING 8

/**
 * What the host does with an ACR after its ACA (or after its timer
 * expired). The class of the Result-Code — or of the
 * Experimental-Result-Code when the ACA has one (RFC 6733 §7.7: vendor
 * codes follow the same classes) — decides (RFC 6733 §7.1, §9.4, TS
 * 32.299 §6.1):
 *
 *   code                             verdict    why
 *   2xxx                             DONE       the CDF has the record
 *   3002 UNABLE_TO_DELIVER,          FAILOVER   the path or the CDF cannot
 *   3004 TOO_BUSY,                              take it now; another CDF
 *   3006 REDIRECT_INDICATION                    may (§7.1.3 says try an
 *                                               alternate peer)
 *   4002 OUT_OF_SPACE                FAILOVER   the CDF could not store it
 *   other 4xxx                       RESEND     transient (§7.1.4): the same
 *                                               CDF may take it later
 *   other 3xxx (3001, 3003, 3005,    FAILED     protocol errors: these bytes
 *   3007, 3008, 3009, 3010, ...)                get the same answer anywhere
 *   5xxx                             FAILED     permanent (§7.1.5)
 *   1xxx, 0, 6xxx and above          FAILED     no answer an ACR can get
 *   no ACA (host timeout)            FAILOVER   RFC 6733 §5.5.4: requests a
 *                                               peer leaves unanswered go to
 *                                               an alternate; count resends
 *                                               to retry the same CDF first
 */
typedef enum wchg_ctf_verdict {
  WCHG_CTF_DONE = 0,     /* answered: the ACR is no longer outstanding */
  WCHG_CTF_RESEND = 1,   /* send the resend bytes to the same CDF again */
  WCHG_CTF_FAILOVER = 2, /* send the resend bytes to the secondary CDF */
  WCHG_CTF_FAILED = 3,   /* permanent: report it, do not resend; no
                            longer outstanding */
} wchg_ctf_verdict;

/** wchg_ctf_result_verdict - the verdict for a Result-Code (or an
 * Experimental-Result-Code) |code|, per the table above. */
WCHG_API wchg_ctf_verdict wchg_ctf_result_verdict(uint32_t code);

/** wchg_ctf_verdict_name - "DONE", "RESEND", "FAILOVER", "FAILED", or
 * "?" for another value. The string is static. */
WCHG_API const char *wchg_ctf_verdict_name(int verdict);

/** What one ACA (or one timeout) means for its ACR. */
typedef struct wchg_ctf_answer {
  wchg_ctf_verdict verdict;
  uint32_t result_code;              /* Result-Code; 0 when the ACA has
                                        only an Experimental-Result, and
                                        on a timeout */
  uint32_t experimental_result_code; /* Experimental-Result-Code; 0: none */
  uint32_t vendor_id;                /* the Experimental-Result's Vendor-Id */
  bool error_bit;                    /* the ACA's E flag */
  uint32_t hop_by_hop, end_to_end;   /* the ACA's header */
  wchg_str session_id;               /* the ACA's (absent in an error
                                        answer without one, and on a
                                        timeout) */
  wchg_str origin_host;              /* the CDF (or agent) that answered */
  wchg_str error_message;            /* Error-Message, when given */
  int32_t accounting_record_type;    /* the ACR's (after a match); what
                                        the ACA echoes in
                                        wchg_ctf_aca_read(): 0 when absent */
  uint32_t accounting_record_number; /* likewise */
  wchg_opt_int acct_interim_interval;/* the ACA's Acct-Interim-Interval
                                        (seconds); a session applies it */
  uint32_t resends;                  /* RESEND, FAILOVER: how many times
                                        this ACR was given back to resend,
                                        this time counted */
  const uint8_t *resend;             /* RESEND, FAILOVER: the ACR to send
                                        again (T flag set); else NULL */
  size_t resend_len;
} wchg_ctf_answer;

/**
 * wchg_ctf_aca_read - read the ACA |aca| (|len| bytes, exactly one
 * message) into |out| (zeroed first) and classify it, without matching it
 * to anything: to find the owner of an ACA by its Session-Id. |out|'s
 * views point into |aca|.
 * Returns WCHG_OK, or (|diag| gets the path, the offset and, where one
 * applies, the Result-Code a peer would give):
 *   WCHG_E_ARG        |out| NULL, or |aca| NULL with a length;
 *   WCHG_E_TRUNCATED  shorter than its header, than its Message-Length
 *                     ("ACA/Message-Length", offset 1), or an AVP header
 *                     cut by the end;
 *   WCHG_E_TRAILING   bytes after the Message-Length;
 *   WCHG_E_LENGTH     a Message-Length under 20 (5015), an AVP length
 *                     shorter than its header or past the end of the
 *                     message or of its group (5014), a Result-Code,
 *                     record type or number, interval, Vendor-Id or
 *                     Experimental-Result-Code not 4 octets (5014);
 *   WCHG_E_DIAMETER   version not 1 (5011, "ACA/Version"), the R flag
 *                     set: a request (3008, "ACA/Command-Flags"),
 *                     command not 271 (3001, "ACA/Command-Code"),
 *                     application not 3 (3007, "ACA/Application-Id");
 *   WCHG_E_DUPLICATE  a second Session-Id, Result-Code, Experimental-
 *                     Result, record type, record number or interval
 *                     (5009): which ACR it answers would be unclear;
 *   WCHG_E_MISSING    neither Result-Code nor Experimental-Result
 *                     ("ACA/Result-Code", 5005), an Experimental-Result
 *                     without its Experimental-Result-Code.
 */
WCHG_API wchg_status wchg_ctf_aca_read(const uint8_t *aca, size_t len, wchg_ctf_answer *out,
                                       wchg_diag *diag);

/* ------------------------------------------------------------------ */
/* A session's ACRs                                                    */
/* ------------------------------------------------------------------ */

/**
 * wchg_ctf_session_send - encode |acr| (a record of |s|: its Session-Id,
 * usually wchg_ctf_record_acr() right after the call that produced it)
 * into |s|'s copy and keep it outstanding; *|msg| and *|len| are the bytes
 * to send (valid while it is outstanding). The copy is what a resend
 * sends, whatever happens to the views of |acr| later.
 * Returns WCHG_OK, or:
 *   WCHG_E_ARG        a NULL argument; |acr| of type NONE or not 1..4;
 *                     its Session-Id not |s|'s (path "ACR/Session-Id");
 *   WCHG_E_DUPLICATE  an ACR of that type and number is outstanding
 *                     already ("ACR/Accounting-Record-Number");
 *   WCHG_E_LIMIT      WCHG_CTF_SESSION_OUTSTANDING are outstanding;
 *   WCHG_E_NOMEM;
 *   an error of wchg_acr_encode() (with its path).
 * On an error nothing is kept and *|msg| is NULL.
 */
WCHG_API wchg_status wchg_ctf_session_send(wchg_ctf_session *s, const wchg_acr *acr,
                                           const uint8_t **msg, size_t *len, wchg_diag *diag);

/**
 * wchg_ctf_session_answer - the ACA |aca| (|len| bytes) for an ACR of
 * |s|: read (wchg_ctf_aca_read), matched (see the top), classified into
 * |out|. A matched ACA with an Acct-Interim-Interval sets the session's
 * interval from then on (RFC 6733 §9.8.2): the next
 * wchg_ctf_session_tick() follows it (0: no more interim ticks) and the
 * records after it carry it. Without the AVP the interval stays as it was
 * (the config's, or an earlier ACA's).
 * Returns WCHG_OK, the errors of wchg_ctf_aca_read(), or:
 *   WCHG_E_STATE      no outstanding ACR of |s| matches: the path and
 *                     offset name the field that matched nothing
 *                     ("ACA/Session-Id", "ACA/Accounting-Record-Number",
 *                     "ACA/End-to-End-Identifier" at offset 16);
 *   WCHG_E_DUPLICATE  the ACR it answers was answered lately (a second
 *                     answer: nothing changes, ignore it);
 *   WCHG_E_MISSING    an error answer that names too little to tell
 *                     which of several outstanding ACRs it answers.
 * On an error |s| is unchanged.
 */
WCHG_API wchg_status wchg_ctf_session_answer(wchg_ctf_session *s, const uint8_t *aca,
                                             size_t len, wchg_ctf_answer *out,
                                             wchg_diag *diag);

/**
 * wchg_ctf_session_timeout - the host's timer for the outstanding ACR
 * number |accounting_record_number| of |s| expired with no ACA: |out| as
 * for an answer, verdict FAILOVER, the resend bytes. Returns WCHG_OK,
 * WCHG_E_ARG, or WCHG_E_STATE (no such ACR outstanding; path
 * "timeout/Accounting-Record-Number").
 */
WCHG_API wchg_status wchg_ctf_session_timeout(wchg_ctf_session *s,
                                              uint32_t accounting_record_number,
                                              wchg_ctf_answer *out, wchg_diag *diag);

/** wchg_ctf_session_drop - stop tracking the outstanding ACR number
 * |accounting_record_number| of |s| (the host gave up on it). WCHG_OK,
 * WCHG_E_ARG, or WCHG_E_STATE when none is outstanding. */
WCHG_API wchg_status wchg_ctf_session_drop(wchg_ctf_session *s,
                                           uint32_t accounting_record_number);

/** wchg_ctf_session_outstanding - how many ACRs of |s| await an answer
 * (0 for NULL). Reset or free a session only when this is 0, or after
 * taking what you still need: wchg_ctf_session_reset() forgets them. */
WCHG_API size_t wchg_ctf_session_outstanding(const wchg_ctf_session *s);

/* ------------------------------------------------------------------ */
/* EVENT records without a session                                     */
/* ------------------------------------------------------------------ */

/** A tracker of the outstanding EVENT ACRs that have no session (see
 * the top). */
typedef struct wchg_ctf_pending wchg_ctf_pending;

/** wchg_ctf_pending_new - a tracker for up to |capacity| outstanding
 * EVENT ACRs (allocated with |mem|, NULL: malloc), or NULL when out of
 * memory or |capacity| is 0. */
WCHG_API wchg_ctf_pending *wchg_ctf_pending_new(const wchg_mem *mem, size_t capacity);
/** wchg_ctf_pending_free - release |p| and every copy it holds (NULL is
 * fine). */
WCHG_API void wchg_ctf_pending_free(wchg_ctf_pending *p);

/**
 * wchg_ctf_pending_send - as wchg_ctf_session_send() for an EVENT ACR
 * (wchg_ctf_register(), wchg_ctf_standalone(), or a session's failure
 * EVENT). Its Session-Id is the key of the timeout and drop calls.
 * Returns WCHG_OK, WCHG_E_ARG (a NULL argument, a record not EVENT, an
 * empty Session-Id), WCHG_E_DUPLICATE (that Session-Id outstanding
 * already), WCHG_E_LIMIT (the capacity of |p| outstanding), WCHG_E_NOMEM, or an
 * error of wchg_acr_encode().
 */
WCHG_API wchg_status wchg_ctf_pending_send(wchg_ctf_pending *p, const wchg_acr *acr,
                                           const uint8_t **msg, size_t *len, wchg_diag *diag);

/** wchg_ctf_pending_answer - as wchg_ctf_session_answer() for the EVENT
 * ACRs of |p| (an Acct-Interim-Interval is reported, applied to
 * nothing). */
WCHG_API wchg_status wchg_ctf_pending_answer(wchg_ctf_pending *p, const uint8_t *aca,
                                             size_t len, wchg_ctf_answer *out,
                                             wchg_diag *diag);

/** wchg_ctf_pending_timeout - as wchg_ctf_session_timeout() for the
 * outstanding EVENT ACR with Session-Id |session_id| (WCHG_E_STATE at
 * "timeout/Session-Id" when there is none). */
WCHG_API wchg_status wchg_ctf_pending_timeout(wchg_ctf_pending *p, wchg_str session_id,
                                              wchg_ctf_answer *out, wchg_diag *diag);

/** wchg_ctf_pending_drop - stop tracking the EVENT ACR with Session-Id
 * |session_id|: WCHG_OK, WCHG_E_ARG, or WCHG_E_STATE when none. */
WCHG_API wchg_status wchg_ctf_pending_drop(wchg_ctf_pending *p, wchg_str session_id);

/** wchg_ctf_pending_outstanding - how many ACRs of |p| await an answer. */
WCHG_API size_t wchg_ctf_pending_outstanding(const wchg_ctf_pending *p);

#ifdef __cplusplus
}
#endif
#endif
