/*
 * webrtc_chg — validate.h: the rules a CDR must follow, all problems at once.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_VALIDATE_H
#define WEBRTC_CHG_VALIDATE_H

#include <webrtc_chg/cdr.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Profile flags for wchg_cdr_validate(). */
enum {
  /** The record must be an eP-CSCF WebRTC CDR: role-of-Node, nodeAddress,
   * session-Id, iMS-Charging-Identifier, recordOpeningTime and the WAF
   * identity are required. Without the flag these rules apply only when
   * the record carries a WebRTC identity. */
  WCHG_VALIDATE_WEBRTC = 1u << 0,
};

/**
 * wchg_cdr_validate - check |cdr| against TS 32.298 and our WebRTC rules:
 * recordType 64; every ENUMERATED value named; INTEGER ranges
 * (Milliseconds 0..999, LocalSequenceNumber and gPRS-Charging-Id
 * 0..4294967295, PDPAddressPrefixLength 1..64); sizes (MSTimeZone 2,
 * iPTextV4Address 7..15, iPTextV6Address 15..45); TimeStamp digits,
 * ranges and UTC offset; UTF8String valid UTF-8, GraphicString valid
 * UTF-8 without control characters, IA5String 7-bit; OBJECT IDENTIFIER
 * well formed; one alternative per CHOICE; the values a decoded record
 * keeps as received because the model cannot hold them (cdr.h,
 * wchg_cdr_decode_ex: named with the code the strict policy gives them,
 * WCHG_E_ENCODING or WCHG_E_CONSTRAINT); the WebRTC profile (see
 * WCHG_VALIDATE_WEBRTC); and no
 * iMSEmergencyIndicator on a record with WebRTC identities (WIC emergency
 * sessions are not charged: WCHG_E_EMERGENCY).
 *
 * Every problem found is reported: the first |cap| go to |diags| (may be
 * NULL when cap is 0), and *|count| (may be NULL) is the total found.
 * Returns WCHG_OK when none was found, WCHG_E_EMERGENCY when the emergency
 * rule is among them, WCHG_E_INVALID otherwise, WCHG_E_ARG if cdr is NULL.
 */
WCHG_API wchg_status wchg_cdr_validate(const wchg_cdr *cdr, unsigned flags,
                                       wchg_diag *diags, size_t cap,
                                       size_t *count);

#ifdef __cplusplus
}
#endif
#endif
