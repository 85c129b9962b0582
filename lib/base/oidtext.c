/* oidtext.c: OBJECT IDENTIFIER content octets <-> dotted decimal text
 * (X.690 8.19), with arcs of any size up to WCHG_OID_MAX_SUBID octets:
 * numbers are converted digit by digit in the output buffer itself.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "base/text_conv.h"

size_t wchgi_oid_text_bound(size_t n) {
  /* A subidentifier of s octets has at most 3s decimal digits, plus its
   * dot; the first one also yields "X." */
  return n > (SIZE_MAX - 8) / 4 ? SIZE_MAX : 4 * n + 8;
}

size_t wchgi_oid_ber_bound(size_t n) {
  /* An arc of d digits needs at most d octets of 7 bits. */
  return n == SIZE_MAX ? n : n + 1;
}

/* ---- BER -> text --------------------------------------------------------- */

/* Length of the subidentifier starting at ber[i], checked. */
static wchg_status subid_span(const uint8_t *ber, size_t n, size_t i,
                              size_t *span, char *msg, size_t msgcap) {
  size_t j = i;
  if (ber[i] == 0x80) {
    snprintf(msg, msgcap, "subidentifier at octet %zu is not minimal (0x80)", i);
    return WCHG_E_ENCODING;
  }
  while (j < n && (ber[j] & 0x80))
    j++;
  if (j == n) {
    snprintf(msg, msgcap, "last subidentifier is truncated (bit 8 set)");
    return WCHG_E_ENCODING;
  }
  if (j + 1 - i > WCHG_OID_MAX_SUBID) {
    snprintf(msg, msgcap, "subidentifier at octet %zu is longer than %d octets",
             i, WCHG_OID_MAX_SUBID);
    return WCHG_E_LIMIT;
  }
  *span = j + 1 - i;
  return WCHG_OK;
}

/* d (nd little-endian decimal digit values) = d * 128 + add. */
static size_t dec_mul_add(char *d, size_t nd, unsigned add) {
  unsigned carry = add;
  for (size_t i = 0; i < nd; i++) {
    unsigned v = (unsigned)d[i] * 128u + carry;
    d[i] = (char)(v % 10);
    carry = v / 10;
  }
  for (; carry; carry /= 10)
    d[nd++] = (char)(carry % 10);
  return nd;
}

/* d = d - v (d >= v), leading zeros trimmed. */
static size_t dec_sub(char *d, size_t nd, unsigned v) {
  int borrow = 0;
  for (size_t i = 0; i < nd && (v || borrow); i++) {
    int x = d[i] - (int)(v % 10) - borrow;
    v /= 10;
    borrow = x < 0;
    d[i] = (char)(x + 10 * borrow);
  }
  while (nd > 1 && d[nd - 1] == 0)
    nd--;
  return nd;
}

/* Digits of the subidentifier ber[0..s) into d, little-endian values. */
static size_t dec_of_subid(const uint8_t *ber, size_t s, char *d) {
  size_t nd = 0;
  for (size_t k = 0; k < s; k++)
    nd = dec_mul_add(d, nd, ber[k] & 0x7fu);
  if (nd == 0)
    d[nd++] = 0;
  return nd;
}

/* Turn nd digit values into text, most significant first. */
static void dec_finish(char *d, size_t nd) {
  for (size_t i = 0; i < nd / 2; i++) {
    char t = d[i];
    d[i] = d[nd - 1 - i];
    d[nd - 1 - i] = t;
  }
  for (size_t i = 0; i < nd; i++)
    d[i] = (char)('0' + d[i]);
}

/* The first subidentifier is 40 * X + Y (X.690 8.19.4); it gives "X.Y". */
static size_t first_arcs(const uint8_t *ber, size_t s, char *out) {
  unsigned x = 2, sub = 80;
  size_t nd;
  if (s == 1 && ber[0] < 80) {
    x = ber[0] / 40u;
    sub = 40u * x;
  }
  out[0] = (char)('0' + x);
  out[1] = '.';
  nd = dec_sub(out + 2, dec_of_subid(ber, s, out + 2), sub);
  dec_finish(out + 2, nd);
  return nd + 2;
}

wchg_status wchgi_oid_to_text(const uint8_t *ber, size_t n, char *out,
                             size_t cap, size_t *len, char *msg,
                             size_t msgcap) {
  size_t i = 0, pos = 0, span;
  wchg_status rc;
  if (n == 0) {
    snprintf(msg, msgcap, "OBJECT IDENTIFIER has no content octets");
    return WCHG_E_ENCODING;
  }
  if (cap < wchgi_oid_text_bound(n))
    return WCHG_E_BUFFER;
  for (; i < n; i += span) {
    if ((rc = subid_span(ber, n, i, &span, msg, msgcap)) != WCHG_OK)
      return rc;
    if (i == 0) {
      pos = first_arcs(ber, span, out);
      continue;
    }
    out[pos++] = '.';
    size_t nd = dec_of_subid(ber + i, span, out + pos);
    dec_finish(out + pos, nd);
    pos += nd;
  }
  *len = pos;
  return WCHG_OK;
}

/* ---- text -> BER --------------------------------------------------------- */

/* Length of the decimal arc at s[i..n), checked; 0 when malformed. */
static size_t arc_span(const char *s, size_t n, size_t i) {
  size_t j = i;
  while (j < n && s[j] >= '0' && s[j] <= '9')
    j++;
  if (j == i || (j < n && s[j] != '.') || (s[i] == '0' && j - i > 1))
    return 0;
  return j - i;
}

/* v (ns little-endian septets) = v * mul + add; false past the limit. */
static bool sep_mul_add(uint8_t *v, size_t *ns, unsigned mul, unsigned add) {
  unsigned carry = add;
  for (size_t i = 0; i < *ns; i++) {
    unsigned x = v[i] * mul + carry;
    v[i] = (uint8_t)(x & 0x7f);
    carry = x >> 7;
  }
  for (; carry; carry >>= 7) {
    if (*ns == WCHG_OID_MAX_SUBID)
      return false;
    v[(*ns)++] = (uint8_t)(carry & 0x7f);
  }
  return true;
}

/* Write the subidentifier (decimal digits s[0..d)) + add at out. */
static wchg_status put_subid(const char *s, size_t d, unsigned add,
                             uint8_t *out, size_t *ns) {
  *ns = 0;
  for (size_t k = 0; k < d; k++)
    if (!sep_mul_add(out, ns, 10, (unsigned)(s[k] - '0')))
      return WCHG_E_LIMIT;
  if (!sep_mul_add(out, ns, 1, add))
    return WCHG_E_LIMIT;
  if (*ns == 0)
    out[(*ns)++] = 0;
  for (size_t i = 0; i < *ns / 2; i++) {
    uint8_t t = out[i];
    out[i] = out[*ns - 1 - i];
    out[*ns - 1 - i] = t;
  }
  for (size_t i = 0; i + 1 < *ns; i++)
    out[i] |= 0x80;
  return WCHG_OK;
}

/* The first two arcs "X.Y" at s[0..n): *add = 40 * X, *i at Y. */
static bool first_arc(const char *s, size_t n, unsigned *add, size_t *i) {
  size_t d;
  if (n < 3 || s[0] < '0' || s[0] > '2' || s[1] != '.')
    return false;
  *add = 40u * (unsigned)(s[0] - '0');
  *i = 2;
  d = arc_span(s, n, 2);
  if (d == 0)
    return false;
  /* Under arcs 0 and 1 the second arc is 0..39. */
  return s[0] == '2' || d == 1 || (d == 2 && s[2] <= '3');
}

wchg_status wchgi_oid_from_text(const char *s, size_t n, uint8_t *out,
                               size_t cap, size_t *len, char *msg,
                               size_t msgcap) {
  size_t i, pos = 0, d, ns;
  unsigned add;
  if (cap < wchgi_oid_ber_bound(n))
    return WCHG_E_BUFFER;
  if (!first_arc(s, n, &add, &i)) {
    snprintf(msg, msgcap, "expected \"X.Y...\" with X 0..2 and Y 0..39 under 0 and 1");
    return WCHG_E_ENCODING;
  }
  for (;; add = 0) {
    if ((d = arc_span(s, n, i)) == 0) {
      snprintf(msg, msgcap, "arc at character %zu is not a decimal number "
               "without leading zeros", i);
      return WCHG_E_ENCODING;
    }
    if (put_subid(s + i, d, add, out + pos, &ns) != WCHG_OK) {
      snprintf(msg, msgcap, "arc at character %zu needs more than %d octets",
               i, WCHG_OID_MAX_SUBID);
      return WCHG_E_LIMIT;
    }
    pos += ns;
    i += d;
    if (i == n)
      break;
    i++; /* the dot */
  }
  *len = pos;
  return WCHG_OK;
}
