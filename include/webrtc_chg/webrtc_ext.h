/*
 * webrtc_chg — webrtc_ext.h: where the WAF and WWSF identities travel.
 *
 * 3GPP defines no charging field for them (TS 32.298 V17.9 PCSCFRecord and
 * TS 32.299 IMS-Information have none). These are our decisions, kept in
 * this one header so that the day 3GPP assigns real numbers the change is
 * one line here.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_WEBRTC_EXT_H
#define WEBRTC_CHG_WEBRTC_EXT_H

#ifdef __cplusplus
extern "C" {
#endif

/* Diameter (Rf and Ro): inside IMS-Information (876, vendor 10415) we send
 * the TS 29.229 AVPs, V set and M clear, so that a CDF or OCS that does not
 * know them ignores them. */
#define WCHG_VENDOR_3GPP 10415u
#define WCHG_AVP_WEBRTC_AUTHENTICATION_FUNCTION_NAME 657u /* UTF8String */
#define WCHG_AVP_WEBRTC_WEB_SERVER_FUNCTION_NAME 658u     /* UTF8String */

/* CDR (BER): one ManagementExtension in PCSCFRecord.recordExtensions [25],
 * significance FALSE, identifier our UUID-arc OID (X.667)
 * 2.25.5598156561435908837116669823258990788, information the BER of
 * WebRTCChargingInfo ::= SEQUENCE {
 *   webRTCAuthenticationFunctionName [0] UTF8String OPTIONAL,
 *   webRTCWebServerFunctionName      [1] UTF8String OPTIONAL }
 * (asn1/WCHG-WebRTCChargingInfo.asn). */
#define WCHG_WEBRTC_EXT_OID_TEXT "2.25.5598156561435908837116669823258990788"
/* The OID's BER content octets (without tag and length). */
#define WCHG_WEBRTC_EXT_OID_BER                                              \
  {0x69, 0x88, 0xb6, 0x95, 0x9b, 0xb4, 0xc5, 0xc2, 0xb9, 0xc3,               \
   0xa4, 0xae, 0xcb, 0xce, 0xde, 0xfe, 0xc0, 0xb1, 0x44}
#define WCHG_WEBRTC_EXT_OID_BER_LEN 19

#ifdef __cplusplus
}
#endif
#endif
