/*
 * webrtc_chg — diameter.h: the Diameter message and AVP codec (RFC 6733),
 * driven by the charging dictionary (dict.h).
 *
 * Writing: a wchg_dwriter builds one message front to back straight into
 * the caller's buffer, with no allocation: a header, then AVPs, Grouped
 * AVPs opened and closed around their children. Each AVP is named by
 * (code, vendor), or — faster — by its dictionary entry resolved once
 * (the wchg_dw_*_d functions). Flags come from the dictionary (V for
 * vendor AVPs, M where the rule is MUST; 657/658 go with M clear). The
 * first error sticks: later calls do nothing and wchg_dw_finish() returns
 * it. When the buffer is too small the writer keeps counting, and
 * wchg_dw_finish() returns WCHG_E_BUFFER with the size needed.
 *
 * Reading: wchg_dmsg_parse() checks a whole message — header, every AVP
 * length against its parent, padding, nesting depth, V bit against the
 * vendor id, flag rules, fixed-size types, Address families, UTF-8, enum
 * values, unknown AVPs with M set, and the ABNF occurrence rules of the
 * command and of every Grouped AVP the dictionary describes — and reports
 * the first problem with the Result-Code a peer would answer with, the
 * AVP path and the byte offset. After a successful parse, iterate with
 * wchg_avp_iter_*: zero-copy views into the caller's buffer, which must
 * outlive them. The reader allocates nothing. That is the strict policy;
 * wchg_dmsg_parse_ex() with WCHG_DPARSE_RECEIVE reads what peers send
 * and reports deviations as warnings.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_DIAMETER_H
#define WEBRTC_CHG_DIAMETER_H

#include <webrtc_chg/common.h>
#include <webrtc_chg/dict.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Command flags (RFC 6733 §3). */
#define WCHG_CMD_FLAG_R 0x80u /* request */
#define WCHG_CMD_FLAG_P 0x40u /* proxiable */
#define WCHG_CMD_FLAG_E 0x20u /* error */
#define WCHG_CMD_FLAG_T 0x10u /* potentially retransmitted */

/** Commands and applications of charging. */
#define WCHG_CMD_ACCOUNTING 271u
#define WCHG_CMD_CREDIT_CONTROL 272u
#define WCHG_APP_BASE_ACCOUNTING 3u /* Rf */
#define WCHG_APP_CREDIT_CONTROL 4u  /* Ro */

/** Nesting of Grouped AVPs the writer and the reader accept. */
#define WCHG_DIAM_MAX_DEPTH 16

/** Seconds between the NTP epoch (1900) and the Unix epoch (1970). */
#define WCHG_NTP_UNIX_OFFSET 2208988800LL

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

/** A message being written (see "Writing" at the top), started with
 * wchg_dw_init(). The members before "private" may be read; none may
 * be set. */
typedef struct wchg_dwriter {
  uint8_t *buf;
  size_t cap;
  size_t len;                          /* produced so far, may exceed cap */
  size_t open[WCHG_DIAM_MAX_DEPTH + 1];/* header offsets: message, groups */
  int depth;                           /* 0: no header yet; 1: message */
  wchg_status error;                   /* the first error, sticky */
  wchg_diag *diag;
  /* private: the ABNF of each open level, to find children's entries */
  const wchg_dict_rule *rules[WCHG_DIAM_MAX_DEPTH + 1];
  uint16_t nrules[WCHG_DIAM_MAX_DEPTH + 1];
  uint16_t cursor[WCHG_DIAM_MAX_DEPTH + 1];
  /* private: the dictionary's table (to accept only its entries), its size
   * in bytes, and that size again while AVPs go straight into the buffer —
   * 0 before the header, after an error and once the buffer ran short, so
   * that one compare checks both the entry and the writer's state */
  const wchg_dict_avp *dict;
  size_t dict_size;
  size_t gate;
} wchg_dwriter;

/** wchg_dw_init - start a writer over |buf| (|cap| bytes; buf may be NULL
 * with cap 0 to measure). |diag| (may be NULL) receives the first error. */
WCHG_API void wchg_dw_init(wchg_dwriter *w, uint8_t *buf, size_t cap, wchg_diag *diag);

/** wchg_dw_header - the 20-octet header: version 1, |flags| (R, P, E, T;
 * reserved bits must be 0), |code|, |app_id|, hop-by-hop and end-to-end
 * identifiers from the caller. Must be the first call. */
WCHG_API wchg_status wchg_dw_header(wchg_dwriter *w, uint8_t flags, uint32_t code,
                                    uint32_t app_id, uint32_t hop_by_hop,
                                    uint32_t end_to_end);

/*
 * Typed AVPs. The AVP (|code|, |vendor|) must be in the dictionary with a
 * matching type, else WCHG_E_ARG. wchg_dw_octets serves OctetString,
 * DiameterIdentity and DiameterURI; wchg_dw_utf8 UTF8String (WCHG_E_UTF8
 * unless valid UTF-8); wchg_dw_i32 Integer32 and Enumerated; wchg_dw_time
 * takes Unix seconds and writes NTP seconds, using the era after
 * 2036-02-07 (RFC 5905) when needed (WCHG_E_RANGE outside 1968..2104);
 * wchg_dw_address takes family 1 (4 octets) or 2 (16 octets).
 */
WCHG_API wchg_status wchg_dw_octets(wchg_dwriter *w, uint32_t code, uint32_t vendor,
                                    const void *data, size_t len);
WCHG_API wchg_status wchg_dw_utf8(wchg_dwriter *w, uint32_t code, uint32_t vendor,
                                  const char *s, size_t len);
WCHG_API wchg_status wchg_dw_i32(wchg_dwriter *w, uint32_t code, uint32_t vendor, int32_t v);
WCHG_API wchg_status wchg_dw_i64(wchg_dwriter *w, uint32_t code, uint32_t vendor, int64_t v);
WCHG_API wchg_status wchg_dw_u32(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint32_t v);
WCHG_API wchg_status wchg_dw_u64(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint64_t v);
WCHG_API wchg_status wchg_dw_f32(wchg_dwriter *w, uint32_t code, uint32_t vendor, float v);
WCHG_API wchg_status wchg_dw_f64(wchg_dwriter *w, uint32_t code, uint32_t vendor, double v);
WCHG_API wchg_status wchg_dw_time(wchg_dwriter *w, uint32_t code, uint32_t vendor,
                                  int64_t unix_seconds);
WCHG_API wchg_status wchg_dw_address(wchg_dwriter *w, uint32_t code, uint32_t vendor,
                                     int family, const uint8_t *addr);

/** wchg_dw_group_begin / _end - open a Grouped AVP; the AVPs written until
 * the matching _end are its children. WCHG_E_LIMIT past
 * WCHG_DIAM_MAX_DEPTH, WCHG_E_STATE for an _end without a _begin. */
WCHG_API wchg_status wchg_dw_group_begin(wchg_dwriter *w, uint32_t code, uint32_t vendor);
WCHG_API wchg_status wchg_dw_group_end(wchg_dwriter *w);

/*
 * The same with the AVP given by its dictionary entry (a "descriptor")
 * instead of (code, vendor): the entry lookup of every call is gone, the
 * fast way to build messages. Take |d| from wchg_dict_find() or
 * wchg_dict_find_name() (or a rule's ->avp, or a parsed wchg_avp's ->dict):
 * entries are static and read-only, so resolve them once (at start-up,
 * into your own struct) and share them freely across threads and writers.
 * Everything else is as above: flags from the entry, the type checked
 * (WCHG_E_ARG on a mismatch), UTF-8 validated, errors sticky. |d| NULL or
 * not an entry of the dictionary's table: WCHG_E_ARG. The two kinds of
 * calls mix freely in one message.
 */
WCHG_API wchg_status wchg_dw_octets_d(wchg_dwriter *w, const wchg_dict_avp *d,
                                      const void *data, size_t len);
WCHG_API wchg_status wchg_dw_utf8_d(wchg_dwriter *w, const wchg_dict_avp *d, const char *s,
                                    size_t len);
WCHG_API wchg_status wchg_dw_i32_d(wchg_dwriter *w, const wchg_dict_avp *d, int32_t v);
WCHG_API wchg_status wchg_dw_i64_d(wchg_dwriter *w, const wchg_dict_avp *d, int64_t v);
WCHG_API wchg_status wchg_dw_u32_d(wchg_dwriter *w, const wchg_dict_avp *d, uint32_t v);
WCHG_API wchg_status wchg_dw_u64_d(wchg_dwriter *w, const wchg_dict_avp *d, uint64_t v);
WCHG_API wchg_status wchg_dw_f32_d(wchg_dwriter *w, const wchg_dict_avp *d, float v);
WCHG_API wchg_status wchg_dw_f64_d(wchg_dwriter *w, const wchg_dict_avp *d, double v);
WCHG_API wchg_status wchg_dw_time_d(wchg_dwriter *w, const wchg_dict_avp *d,
                                    int64_t unix_seconds);
WCHG_API wchg_status wchg_dw_address_d(wchg_dwriter *w, const wchg_dict_avp *d, int family,
                                       const uint8_t *addr);
WCHG_API wchg_status wchg_dw_group_begin_d(wchg_dwriter *w, const wchg_dict_avp *d);

/** wchg_dw_raw - an AVP the dictionary does not know (or any AVP with
 * flags of your choice): |flags| as given (V must match vendor != 0). */
WCHG_API wchg_status wchg_dw_raw(wchg_dwriter *w, uint32_t code, uint32_t vendor,
                                 uint8_t flags, const void *data, size_t len);

/**
 * wchg_dw_finish - close the message (every group must be closed:
 * WCHG_E_STATE otherwise) and set *|len| to its size. Returns the first
 * error of any call, or WCHG_E_BUFFER (with *|len| the size needed) when
 * the buffer was too small, or WCHG_OK.
 */
WCHG_API wchg_status wchg_dw_finish(wchg_dwriter *w, size_t *len);

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

/** A parsed message: header fields and a view of the whole message. */
typedef struct wchg_dmsg {
  uint8_t version;
  uint8_t flags;
  uint32_t length;
  uint32_t code;
  uint32_t app_id;
  uint32_t hop_by_hop;
  uint32_t end_to_end;
  const uint8_t *data;                /* the message (length octets) */
  const wchg_dict_command *command;   /* NULL when not a charging command */
} wchg_dmsg;

/** One AVP: a view into the message. */
typedef struct wchg_avp {
  uint32_t code;
  uint32_t vendor;                    /* 0 when the V bit is clear */
  uint8_t flags;
  const uint8_t *data;                /* the data, without padding */
  size_t len;
  size_t offset;                      /* of the AVP header in the message */
  const wchg_dict_avp *dict;          /* NULL when unknown */
} wchg_avp;

/** Where a walk over AVPs stands (wchg_avp_iter_msg(),
 * wchg_avp_iter_group(), wchg_avp_next()). */
typedef struct wchg_avp_iter {
  const uint8_t *p, *end, *msg;
} wchg_avp_iter;

/** Options of wchg_dmsg_parse(). */
enum {
  /** Skip the command and group occurrence (ABNF) checks. */
  WCHG_DPARSE_NO_ABNF = 1u << 0,
  /** The receive policy (common.h, wchg_policy): read what a peer sent
   * as far as it can be read, and report each deviation from the rules
   * as a warning (wchg_dmsg_parse_ex) instead of refusing the message.
   * Without it the reader is strict. */
  WCHG_DPARSE_RECEIVE = 1u << 1,
};

/**
 * wchg_dmsg_parse - check the Diameter message at the start of |buf|
 * (|len| bytes, which must be exactly one message) as described at the top
 * of this header, and fill *|msg|. On failure returns WCHG_E_DIAMETER (or
 * WCHG_E_ARG) and fills *|diag| (may be NULL): result_code (3008, 3009,
 * 5001, 5004, 5005, 5008, 5009, 5011, 5014, 5015, ...), the AVP path
 * (e.g. "Service-Information/IMS-Information/Time-Stamps") and the offset.
 */
WCHG_API wchg_status wchg_dmsg_parse(const uint8_t *buf, size_t len, unsigned options,
                                     wchg_dmsg *msg, wchg_diag *diag);

/**
 * wchg_dmsg_parse_ex - wchg_dmsg_parse() with warnings: with
 * WCHG_DPARSE_RECEIVE in |options|, the deviations below are accepted,
 * each added to |warn| (may be NULL; see wchg_warnings in common.h): a
 * wchg_diag whose code is WCHG_E_DIAMETER and whose result_code, path,
 * offset and sentence are what the strict reader refuses the message
 * with (e.g. 3009, "Origin-Host", 28, "M bit clear; the rule of
 * Origin-Host is M must"). Without the option nothing is added and the
 * call is wchg_dmsg_parse().
 *
 * Accepted with a warning in receive policy (README, "What the reader
 * accepts from peers"):
 *   3008  reserved command flag bits (path "Command-Flags", offset 4);
 *   3009  an AVP flag against the dictionary's rule: the M bit, the P
 *         bit, a reserved bit, the V bit with Vendor-Id 0 (the AVP is
 *         then read as the IETF AVP of its code);
 *   5004  an Enumerated value the dictionary does not name; a
 *         UTF8String that is not UTF-8 (offset of the first bad octet);
 *         an Address of a family other than 1 and 2 (with its 2 family
 *         octets); a SIP-Request- or SIP-Response-Timestamp-Fraction
 *         over 999 (milliseconds; strict refuses it too);
 *   5008  a known AVP that a group whose ABNF has no *[ AVP ] does not
 *         list (unknown AVPs without M are accepted by both policies);
 *   5009  an AVP more often than its ABNF allows;
 *   5005  a fixed-position AVP (Session-Id) out of its place.
 * Refused in both policies: the header (5015, 5011, E with R 3008),
 * AVP lengths, padding past its parent or not zero, a fixed-size type of
 * the wrong size, an Address without a family or of family 1 or 2 with
 * the wrong size (5014, 5004), an unknown AVP with the M bit (5001,
 * RFC 6733 §4.1), a missing required AVP (5005), nesting past
 * WCHG_DIAM_MAX_DEPTH (5012), a Failed-AVP that is not whole AVPs. The
 * children of Failed-AVP are never judged (RFC 6733 §7.5).
 *
 * Relation of the policies: without a warning, receive answers as strict
 * does (the same acceptance, or the same refusal); with warnings, strict
 * refuses the message with the first of them (for the header's reserved
 * bits: the same Result-Code and offset, no path). On a refusal the
 * warnings found before it stay in |warn|. Clean messages take the same
 * fast path in both policies.
 */
WCHG_API wchg_status wchg_dmsg_parse_ex(const uint8_t *buf, size_t len, unsigned options,
                                        wchg_dmsg *msg, wchg_diag *diag, wchg_warnings *warn);

/** Iterate the top-level AVPs of a parsed message, or the children of a
 * Grouped AVP of it (|group| NULL: the top level, as wchg_avp_iter_msg). */
WCHG_API void wchg_avp_iter_msg(wchg_avp_iter *it, const wchg_dmsg *msg);
WCHG_API void wchg_avp_iter_group(wchg_avp_iter *it, const wchg_dmsg *msg,
                                  const wchg_avp *group);
/** The next AVP into *|out|: true, or false at the end. */
WCHG_API bool wchg_avp_next(wchg_avp_iter *it, wchg_avp *out);

/** The first AVP (|code|, |vendor|) among the top level (group NULL) or
 * the children of |group|: true and *|out|, or false. */
WCHG_API bool wchg_avp_find(const wchg_dmsg *msg, const wchg_avp *group, uint32_t code,
                            uint32_t vendor, wchg_avp *out);

/*
 * Typed values of an AVP of a parsed message. Each returns WCHG_OK, or
 * WCHG_E_ARG when the AVP's size does not fit the type or the result
 * pointer is NULL.
 */
WCHG_API wchg_status wchg_avp_u32(const wchg_avp *a, uint32_t *v);
WCHG_API wchg_status wchg_avp_i32(const wchg_avp *a, int32_t *v);
WCHG_API wchg_status wchg_avp_u64(const wchg_avp *a, uint64_t *v);
WCHG_API wchg_status wchg_avp_i64(const wchg_avp *a, int64_t *v);
WCHG_API wchg_status wchg_avp_f32(const wchg_avp *a, float *v);
WCHG_API wchg_status wchg_avp_f64(const wchg_avp *a, double *v);
/** Unix seconds of a Time AVP (the RFC 5905 era rule: top bit clear means
 * the era after 2036-02-07). */
WCHG_API wchg_status wchg_avp_time(const wchg_avp *a, int64_t *unix_seconds);
/** *|family| 1 or 2 and the 4 or 16 address octets into |addr|. */
WCHG_API wchg_status wchg_avp_address(const wchg_avp *a, int *family, uint8_t addr[16]);

/** Unix seconds <-> 32-bit NTP seconds with the era rule. */
WCHG_API wchg_status wchg_ntp_from_unix(int64_t unix_seconds, uint32_t *ntp);
WCHG_API int64_t wchg_unix_from_ntp(uint32_t ntp);

#ifdef __cplusplus
}
#endif
#endif
