/*
 * webrtc_chg — aca.h: the Rf Accounting-Answer (ACA, TS 32.299 §6.2.3,
 * RFC 6733 §9.7.2) a CDF sends back for every ACR, including ACRs that
 * could not be parsed: the answer echoes what the request carried and
 * says why it failed (Result-Code, Error-Message, Failed-AVP).
 *
 * Ownership: a wchg_aca holds views (into the ACR bytes it was made from,
 * and your strings); nothing is allocated.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_ACA_H
#define WEBRTC_CHG_ACA_H

#include <webrtc_chg/acr.h>
#include <webrtc_chg/common.h>
#include <webrtc_chg/result_code.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One ACA as a model for wchg_aca_encode(): wchg_aca_from_acr() fills
 * what it echoes of the ACR; set origin_host and origin_realm (the
 * CDF's). */
typedef struct wchg_aca {
  uint32_t hop_by_hop;                 /* the ACR's */
  uint32_t end_to_end;                 /* the ACR's */
  bool error_bit;                      /* E: set for protocol errors (3xxx) */
  wchg_str session_id;                 /* Session-Id, required */
  uint32_t result_code;                /* Result-Code */
  wchg_str origin_host;                /* the CDF's, required */
  wchg_str origin_realm;               /* the CDF's, required */
  int32_t accounting_record_type;      /* echoed */
  uint32_t accounting_record_number;   /* echoed */
  wchg_opt_int acct_application_id;    /* echoed when the ACR had it */
  wchg_str user_name;                  /* echoed */
  wchg_str error_message;              /* Error-Message (281) */
  wchg_str error_reporting_host;       /* Error-Reporting-Host (294) */
  wchg_opt_int acct_interim_interval;  /* tells the CTF its interim period */
  wchg_octets failed_avp;              /* one whole AVP (header, data) of
                                          the ACR: put in Failed-AVP (279) */
  wchg_opt_int origin_state_id;
  wchg_time_ms event_timestamp;
  wchg_octets proxy_info;              /* the ACR's Proxy-Info AVPs, whole
                                          and in order (RFC 6733 §6.7.3) */
} wchg_aca;

/**
 * wchg_aca_from_acr - fill |out| (zeroed first) with what the answer to
 * the ACR |acr| (|len| bytes, parsed or not) must echo: the hop-by-hop
 * and end-to-end identifiers, Session-Id, Accounting-Record-Type and
 * -Number, Acct-Application-Id, User-Name and the Proxy-Info AVPs — each
 * when it can be found safely (the top-level AVPs are walked with every
 * length checked, so a damaged ACR gives what lies before the damage;
 * Proxy-Info only when |problem| lies after it, so that the reader
 * checked what is echoed).
 * |problem| (may be NULL: success) is what wchg_dmsg_parse() or your own
 * processing reported: its result_code (0: 5012 UNABLE_TO_COMPLY) becomes
 * the Result-Code, 3xxx ones with the E bit; its message the
 * Error-Message; the AVP starting at its offset, when one does (whole,
 * with reserved flag bits clear and V matching its Vendor-Id), the
 * Failed-AVP (RFC 6733 §7.5). Origin-Host and Origin-Realm are left for
 * you to set.
 * Returns WCHG_OK, WCHG_E_ARG (|out| NULL, or |acr| NULL with a length),
 * or WCHG_E_TRUNCATED when |len| < 20: there is no header to answer.
 */
WCHG_API wchg_status wchg_aca_from_acr(const uint8_t *acr, size_t len, const wchg_diag *problem,
                                       wchg_aca *out);

/**
 * wchg_aca_encode - write |aca| as an ACA message (command 271, P set, R
 * clear, E per error_bit, application 3) into |buf| (|cap| bytes; NULL
 * with cap 0 measures); *|len| its size. Returns WCHG_OK, WCHG_E_ARG,
 * WCHG_E_MISSING (Session-Id, Origin-Host or Origin-Realm empty; path
 * "ACA/Session-Id", ...), WCHG_E_RANGE (record type not 1..4, an option
 * out of Unsigned32), WCHG_E_ENCODING (failed_avp is not one whole AVP),
 * WCHG_E_UTF8, or WCHG_E_BUFFER with *|len| the size needed.
 */
WCHG_API wchg_status wchg_aca_encode(const wchg_aca *aca, uint8_t *buf, size_t cap,
                                     size_t *len, wchg_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
