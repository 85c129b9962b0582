/*
 * webrtc_ext.h (private): the tests on our WebRTC extension that every
 * layer asks, beside the numbers of include/webrtc_chg/webrtc_ext.h.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_BASE_WEBRTC_EXT_H
#define WCHG_BASE_WEBRTC_EXT_H

#include <webrtc_chg/ims_info.h>
#include <webrtc_chg/webrtc_ext.h>

/* The OID of our ManagementExtension, its BER content octets. */
extern const uint8_t wchgi_webrtc_oid[WCHG_WEBRTC_EXT_OID_BER_LEN];

/* Does |ims| carry a WAF or a WWSF identity (a WebRTC client's call)? */
bool wchgi_has_webrtc_identity(const wchg_ims_info *ims);

/* Are the |n| octets at |p| (content octets of an OBJECT IDENTIFIER) our
 * extension's OID? */
bool wchgi_is_webrtc_oid(const uint8_t *p, size_t n);

#endif
