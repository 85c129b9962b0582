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
  WCHG_RC_SUCCESS = 2001,
  WCHG_RC_COMMAND_UNSUPPORTED = 3001,
  WCHG_RC_UNABLE_TO_DELIVER = 3002,
  WCHG_RC_TOO_BUSY = 3004,
  WCHG_RC_REDIRECT_INDICATION = 3006,
  WCHG_RC_APPLICATION_UNSUPPORTED = 3007,
  WCHG_RC_INVALID_HDR_BITS = 3008,
  WCHG_RC_INVALID_AVP_BITS = 3009,
  WCHG_RC_OUT_OF_SPACE = 4002,
  WCHG_RC_CREDIT_CONTROL_NOT_APPLICABLE = 4011, /* RFC 4006 §9.1 */
  WCHG_RC_AVP_UNSUPPORTED = 5001,
  WCHG_RC_INVALID_AVP_VALUE = 5004,
  WCHG_RC_MISSING_AVP = 5005,
  WCHG_RC_AVP_NOT_ALLOWED = 5008,
  WCHG_RC_AVP_OCCURS_TOO_MANY_TIMES = 5009,
  WCHG_RC_UNSUPPORTED_VERSION = 5011,
  WCHG_RC_UNABLE_TO_COMPLY = 5012,
  WCHG_RC_INVALID_AVP_LENGTH = 5014,
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
