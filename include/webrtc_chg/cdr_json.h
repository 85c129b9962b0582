/*
 * webrtc_chg — cdr_json.h: the CDR as JSON (Jansson), lossless both ways.
 *
 * Shape: {"pCSCFRecord": {...}} with the ASN.1 identifiers of TS 32.298
 * as keys, in tag order. Values follow X.697 JER: INTEGER as a number,
 * ENUMERATED as its identifier (a number if the value has no name), NULL
 * as null, BOOLEAN as true/false, OCTET STRING as lowercase hex, SEQUENCE
 * OF as an array, CHOICE as a one-member object (nested untagged CHOICEs
 * nest, as JER says). Exceptions: TimeStamp as RFC 3339 text with its UTC
 * offset ("2024-01-15T13:45:30+01:00"; "-00:00" is kept distinct from
 * "+00:00"), binary IP addresses as text ("192.0.2.1", "2001:db8::1"),
 * OBJECT IDENTIFIER as dotted text, the open type of a foreign extension
 * as hex of its complete TLV. The WebRTC identities are the members
 * "webRTCAuthenticationFunctionName" and "webRTCWebServerFunctionName".
 *
 * BER -> JSON -> DER gives the same bytes for every valid DER record.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_CDR_JSON_H
#define WEBRTC_CHG_CDR_JSON_H

#include <jansson.h>
#include <webrtc_chg/cdr.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * wchg_cdr_to_json - build the JSON value of |cdr|. On success *|out| is a
 * new reference the caller releases with json_decref(). Fails with
 * WCHG_E_UTF8 when a text field is not valid UTF-8 (JSON cannot carry it),
 * WCHG_E_TIMESTAMP for a TimeStamp that is not valid BCD, WCHG_E_CHOICE for
 * a bad CHOICE, WCHG_E_ENCODING for a malformed OBJECT IDENTIFIER,
 * WCHG_E_LIMIT for an OID arc over 128 octets, WCHG_E_ARG for a list with
 * a count but no items, WCHG_E_NOMEM; *|diag| (may be NULL) names the field.
 */
WCHG_API wchg_status wchg_cdr_to_json(const wchg_cdr *cdr, json_t **out,
                                      wchg_diag *diag);

/**
 * wchg_cdr_to_json_text - the same, written as compact JSON text into
 * |buf| (|cap| bytes, not NUL-terminated; *|len| its length). If |cap| is
 * too small, returns WCHG_E_BUFFER with *|len| the size needed.
 * |flags| are Jansson's json_dumps flags (0 for compact).
 */
WCHG_API wchg_status wchg_cdr_to_json_text(const wchg_cdr *cdr, size_t flags,
                                           char *buf, size_t cap, size_t *len,
                                           wchg_diag *diag);

/**
 * wchg_cdr_from_json - build a record from a JSON value of the shape above.
 * On success *|out| owns its memory (allocated through |mem|) and is freed
 * with wchg_cdr_free(). On error *|out| is NULL and *|diag| holds the JSON
 * path (e.g. "pCSCFRecord/list-Of-SDP-Media-Components[0]/sDP-Type").
 * Returns WCHG_OK or WCHG_E_ARG, WCHG_E_NOMEM, WCHG_E_JSON_TYPE (wrong JSON
 * type or malformed text value: hex, time, address, OID), WCHG_E_JSON_KEY
 * (unknown member), WCHG_E_RANGE (number or enum identifier not allowed),
 * WCHG_E_MISSING (recordType or a mandatory member absent),
 * WCHG_E_CHOICE (a CHOICE object without exactly one member),
 * WCHG_E_UTF8 (a string value that is not UTF-8, possible with
 * json_stringn_nocheck), WCHG_E_LIMIT (a list longer than
 * WCHG_BER_MAX_LIST, an OID arc over 128 octets). A foreign extension's
 * "information" must be the hex of exactly one BER value the decoder
 * accepts (WCHG_E_JSON_TYPE otherwise), and an extension with our WebRTC
 * OID is refused (WCHG_E_RANGE): the identities have their own members.
 */
WCHG_API wchg_status wchg_cdr_from_json(const json_t *json,
                                        const wchg_mem *mem, wchg_cdr **out,
                                        wchg_diag *diag);

/**
 * wchg_cdr_from_json_text - parse |len| bytes of JSON text, then as
 * wchg_cdr_from_json(). A syntax error gives WCHG_E_JSON with the byte
 * offset and "line L column C: <Jansson's text>" in the message.
 */
WCHG_API wchg_status wchg_cdr_from_json_text(const char *text, size_t len,
                                             const wchg_mem *mem,
                                             wchg_cdr **out, wchg_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
