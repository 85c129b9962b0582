/*
 * webrtc_chg — result_code.h: the Diameter Result-Codes the library
 * answers with, reports in wchg_diag.result_code and classifies when it
 * reads an answer (RFC 6733 §7.1, RFC 4006 §9.1, TS 29.229 §6.2).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_RESULT_CODE_H
#define WEBRTC_CHG_RESULT_CODE_H

#include <webrtc_chg/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Result-Code values (RFC 6733 §7.1 unless named otherwise). */
enum {
  /** DIAMETER_SUCCESS: the request was carried out */
  WCHG_RC_SUCCESS = 2001,
  /** DIAMETER_COMMAND_UNSUPPORTED: the peer does not know the command */
  WCHG_RC_COMMAND_UNSUPPORTED = 3001,
  /** DIAMETER_UNABLE_TO_DELIVER: no route to the destination */
  WCHG_RC_UNABLE_TO_DELIVER = 3002,
  /** DIAMETER_TOO_BUSY: the peer cannot take the request now */
  WCHG_RC_TOO_BUSY = 3004,
  /** DIAMETER_REDIRECT_INDICATION: a redirect agent names where to send it */
  WCHG_RC_REDIRECT_INDICATION = 3006,
  /** DIAMETER_APPLICATION_UNSUPPORTED: the peer does not support the
   * application */
  WCHG_RC_APPLICATION_UNSUPPORTED = 3007,
  /** DIAMETER_INVALID_HDR_BITS: command flags that contradict the command */
  WCHG_RC_INVALID_HDR_BITS = 3008,
  /** DIAMETER_INVALID_AVP_BITS: AVP flags against the AVP's rules */
  WCHG_RC_INVALID_AVP_BITS = 3009,
  /** DIAMETER_OUT_OF_SPACE: the peer cannot store the record now */
  WCHG_RC_OUT_OF_SPACE = 4002,
  WCHG_RC_CREDIT_CONTROL_NOT_APPLICABLE = 4011, /* RFC 4006 §9.1 */
  /** DIAMETER_AVP_UNSUPPORTED: an AVP with the M bit that the peer does
   * not know */
  WCHG_RC_AVP_UNSUPPORTED = 5001,
  /** DIAMETER_INVALID_AVP_VALUE: an AVP with a value it may not have */
  WCHG_RC_INVALID_AVP_VALUE = 5004,
  /** DIAMETER_MISSING_AVP: a required AVP is absent */
  WCHG_RC_MISSING_AVP = 5005,
  /** DIAMETER_AVP_NOT_ALLOWED: an AVP where the ABNF does not allow it */
  WCHG_RC_AVP_NOT_ALLOWED = 5008,
  /** DIAMETER_AVP_OCCURS_TOO_MANY_TIMES: an AVP more often than the
   * ABNF allows */
  WCHG_RC_AVP_OCCURS_TOO_MANY_TIMES = 5009,
  /** DIAMETER_UNSUPPORTED_VERSION: a Diameter version other than 1 */
  WCHG_RC_UNSUPPORTED_VERSION = 5011,
  /** DIAMETER_UNABLE_TO_COMPLY: the request failed for another reason */
  WCHG_RC_UNABLE_TO_COMPLY = 5012,
  /** DIAMETER_INVALID_AVP_LENGTH: an AVP length that does not fit */
  WCHG_RC_INVALID_AVP_LENGTH = 5014,
  /** DIAMETER_INVALID_MESSAGE_LENGTH: a Message-Length that does not fit */
  WCHG_RC_INVALID_MESSAGE_LENGTH = 5015,
};

/** wchg_result_code_success - |rc| is 2xxx (RFC 6733 §7.1.2). */
WCHG_API bool wchg_result_code_success(uint32_t rc);

/**
 * wchg_result_code_protocol_error - |rc| is 3xxx, a protocol error, which
 * an answer carries with the E bit set (RFC 6733 §7.1.3).
 */
WCHG_API bool wchg_result_code_protocol_error(uint32_t rc);

/**
 * wchg_result_code_name - the RFC's name of |rc| ("DIAMETER_SUCCESS",
 * "DIAMETER_INVALID_AVP_VALUE", ...) for one of the values above; NULL
 * for any other. The string is static.
 */
WCHG_API const char *wchg_result_code_name(uint32_t rc);

#ifdef __cplusplus
}
#endif
#endif
