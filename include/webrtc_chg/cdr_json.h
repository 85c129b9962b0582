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
 * Invalid values. A value that its plain form cannot carry is the object
 *   {"octets": "<hex of its contents octets>", "invalid": "<why>"}
 * in place of the value: text that is not UTF-8, a TimeStamp that is no
 * valid time (any of its 9 octets; RFC 3339 text would claim a time), an
 * OBJECT IDENTIFIER that is malformed or has an arc too long for dotted
 * text, and every value a decoded record keeps as received because the
 * model cannot hold its octets (an INTEGER or ENUMERATED not minimal,
 * empty or wider than 64 bits, a BOOLEAN not one octet, a NULL with
 * contents, a TimeStamp not 9 octets, a binary address of the wrong size;
 * cdr.h, wchg_cdr_decode_ex). Values JSON carries exactly keep their plain
 * form although a rule refuses them: a number out of its range, an
 * ENUMERATED value without a name (a number), text outside its alphabet
 * that is UTF-8, an OCTET STRING of the wrong size; wchg_cdr_validate()
 * names those and these. Reading takes the object form for any INTEGER,
 * ENUMERATED, BOOLEAN, NULL, text, TimeStamp, binary address or OBJECT
 * IDENTIFIER value ("invalid" optional and not looked at), so a record
 * reads back exactly as it was written.
 *
 * Other records. An IMSRecord of another type (wchg_cdr_decode_ex gives
 * WCHG_E_OTHER_RECORD) is {"otherRecord": {"tag": 63, "name":
 * "sCSCFRecord", "ber": "<hex of its whole TLV>"}} ("name" when TS 32.298
 * names the tag): see wchg_other_record_to_json().
 *
 * BER -> JSON -> DER gives the same bytes for every DER record that
 * wchg_cdr_decode() (the receive policy) accepts.
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
 * new reference the caller releases with json_decref(). Every value is
 * written, invalid ones in the form above (it used to fail on text that
 * is not UTF-8, a TimeStamp that is not BCD and a malformed OID). Fails
 * with WCHG_E_CHOICE for a bad CHOICE, WCHG_E_ARG for a list with a count
 * but no items, WCHG_E_NOMEM; *|diag| (may be NULL) names the field.
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
 * json_stringn_nocheck; the invalid form carries such text), WCHG_E_LIMIT
 * (a list longer than
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

/**
 * wchg_other_record_to_json - the JSON of an IMSRecord of another type:
 * {"otherRecord": {"tag": 63, "name": "sCSCFRecord", "ber": "bf3f..."}}
 * (members in that order; "name" only for a tag TS 32.298 names). |data|
 * (|len| bytes) must be exactly one well-formed IMSRecord other than a
 * pCSCFRecord (wchg_cdr_peek(): use the *consumed of a decode that gave
 * WCHG_E_OTHER_RECORD). Its octets are copied as they are, BER or DER.
 * On success *|out| is a new reference (json_decref()). Returns WCHG_OK,
 * WCHG_E_ARG, WCHG_E_NOMEM, WCHG_E_JSON_TYPE (not one IMSRecord),
 * WCHG_E_TRAILING (octets after it), WCHG_E_RANGE (a pCSCFRecord).
 */
WCHG_API wchg_status wchg_other_record_to_json(const uint8_t *data, size_t len,
                                               json_t **out, wchg_diag *diag);

/**
 * wchg_other_record_from_json - the octets of such an object (the "ber")
 * into |buf| (|cap| bytes; *|len| their count). No allocation; with |cap|
 * too small, WCHG_E_BUFFER and *|len| the size needed. The "ber" must be
 * one well-formed IMSRecord other than a pCSCFRecord whose tag is "tag";
 * "name" is optional and not looked at beyond its type. Returns WCHG_OK,
 * WCHG_E_ARG, WCHG_E_BUFFER, WCHG_E_JSON_TYPE (not that shape, or "ber"
 * not hex of one IMSRecord), WCHG_E_JSON_KEY (another member),
 * WCHG_E_MISSING ("tag" or "ber" absent), WCHG_E_TRAILING, WCHG_E_RANGE
 * (a pCSCFRecord, or "tag" not the record's); *|diag| gives the path
 * ("otherRecord/ber").
 */
WCHG_API wchg_status wchg_other_record_from_json(const json_t *json, uint8_t *buf,
                                                 size_t cap, size_t *len,
                                                 wchg_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
