/*
 * webrtc_ext.c: the tests on our WebRTC extension (webrtc_ext.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/webrtc_ext.h"

const uint8_t wchgi_webrtc_oid[WCHG_WEBRTC_EXT_OID_BER_LEN] = WCHG_WEBRTC_EXT_OID_BER;

bool wchgi_has_webrtc_identity(const wchg_ims_info *ims) {
  return ims->webrtc_authentication_function_name.ptr ||
         ims->webrtc_web_server_function_name.ptr;
}

bool wchgi_is_webrtc_oid(const uint8_t *p, size_t n) {
  return p && n == sizeof wchgi_webrtc_oid && memcmp(p, wchgi_webrtc_oid, n) == 0;
}
