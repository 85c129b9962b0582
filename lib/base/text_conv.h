/*
 * text_conv.h (private): value <-> text conversions of the JSON view —
 * OBJECT IDENTIFIER (BER content octets <-> dotted decimal, arcs of any
 * size up to WCHG_OID_MAX_SUBID) and binary IP addresses (RFC 5952 text).
 * No allocation: callers size the output with the _bound functions.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_TEXT_CONV_H
#define WCHG_TEXT_CONV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <webrtc_chg/common.h>

/* Largest subidentifier accepted, in BER octets (7 bits each: 896 bits,
 * 270 decimal digits). Bounds the quadratic base conversion; a UUID arc
 * (X.667) needs 19. */
#define WCHG_OID_MAX_SUBID 128

/* Output room wchgi_oid_to_text needs for |n| content octets. */
size_t wchgi_oid_text_bound(size_t n);
/* Output room wchgi_oid_from_text needs for |n| characters. */
size_t wchgi_oid_ber_bound(size_t n);

/*
 * The dotted text of the OID whose BER content octets are |ber| (|n|).
 * Returns WCHG_OK (*len set, no NUL written), WCHG_E_BUFFER when cap is
 * below wchgi_oid_text_bound(n), WCHG_E_ENCODING (empty, truncated or
 * non-minimal subidentifier) or WCHG_E_LIMIT (a subidentifier longer than
 * WCHG_OID_MAX_SUBID); |msg| (|msgcap| bytes) then says why.
 */
wchg_status wchgi_oid_to_text(const uint8_t *ber, size_t n, char *out,
                             size_t cap, size_t *len, char *msg,
                             size_t msgcap);

/*
 * The BER content octets of the dotted OID |s| (|n| chars): at least two
 * arcs, decimal without leading zeros, first arc 0..2, second arc 0..39
 * under 0 and 1. Returns WCHG_OK, WCHG_E_BUFFER (cap below
 * wchgi_oid_ber_bound(n)), WCHG_E_ENCODING (malformed text) or
 * WCHG_E_LIMIT; |msg| says why.
 */
wchg_status wchgi_oid_from_text(const char *s, size_t n, uint8_t *out,
                               size_t cap, size_t *len, char *msg,
                               size_t msgcap);

/* Longest text of an address (IPv6 with an IPv4 tail), plus a NUL. */
#define WCHG_IP_TEXT_MAX 46

/* Text of the |n|-octet address (4: dotted decimal, 16: RFC 5952 with the
 * longest run of two or more zero groups, the first on ties, as "::").
 * Writes a NUL-terminated string; returns its length (0 if n is neither). */
size_t wchgi_ip_to_text(const uint8_t *addr, size_t n,
                       char out[WCHG_IP_TEXT_MAX]);

/* Parse |len| chars as an IPv4 (n = 4: four decimal 0..255 without leading
 * zeros) or IPv6 address (n = 16: RFC 4291 text, hex digits of either
 * case, "::" once, optional dotted IPv4 tail) into |addr|. */
bool wchgi_ip_from_text(const char *s, size_t len, uint8_t *addr, size_t n);

/* The value of the hex digit |c| (either case), or -1 if it is none. */
static inline int wchgi_hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

#endif
