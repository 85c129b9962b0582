/* iptext.c: binary IP addresses <-> text. IPv6 output follows RFC 5952
 * section 4 (lowercase, no leading zeros, longest zero run as "::");
 * input is RFC 4291 section 2.2 text. Locale-free, no allocation.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "base/text_conv.h"

static size_t v4_to_text(const uint8_t *a, char *out) {
  int n = snprintf(out, WCHG_IP_TEXT_MAX, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
  return (size_t)n;
}

/* Start and length of the first longest run of two or more zero groups;
 * *len 0 when there is none. */
static void zero_run(const unsigned g[8], int *start, int *len) {
  int cur = 0;
  *start = -1;
  *len = 0;
  for (int i = 0; i < 8; i++) {
    cur = g[i] == 0 ? cur + 1 : 0;
    if (cur > *len && cur >= 2) {
      *len = cur;
      *start = i - cur + 1;
    }
  }
}

static size_t v6_to_text(const uint8_t *a, char *out) {
  unsigned g[8];
  int start, run;
  size_t pos = 0;
  for (int i = 0; i < 8; i++)
    g[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
  zero_run(g, &start, &run);
  for (int i = 0; i < 8;) {
    if (i == start) {
      out[pos++] = ':';
      out[pos++] = ':';
      i += run;
      continue;
    }
    if (i > 0 && i != start + run)
      out[pos++] = ':';
    pos += (size_t)snprintf(out + pos, WCHG_IP_TEXT_MAX - pos, "%x", g[i]);
    i++;
  }
  out[pos] = '\0';
  return pos;
}

size_t wchgi_ip_to_text(const uint8_t *addr, size_t n,
                       char out[WCHG_IP_TEXT_MAX]) {
  out[0] = '\0';
  if (n == 4)
    return v4_to_text(addr, out);
  if (n == 16)
    return v6_to_text(addr, out);
  return 0;
}

/* ---- parsing --------------------------------------------------------- */

static bool parse_v4(const char *s, size_t len, uint8_t out[4]) {
  size_t i = 0;
  for (int k = 0; k < 4; k++) {
    size_t start;
    unsigned v = 0;
    if (k > 0 && (i >= len || s[i++] != '.'))
      return false;
    start = i;
    while (i < len && s[i] >= '0' && s[i] <= '9' && i - start < 3)
      v = v * 10 + (unsigned)(s[i++] - '0');
    if (i == start || v > 255 || (s[start] == '0' && i - start > 1))
      return false;
    out[k] = (uint8_t)v;
  }
  return i == len;
}

/* One group of 1..4 hex digits at s[*i]; false if none or more than 4. */
static bool parse_group(const char *s, size_t len, size_t *i, unsigned *g) {
  size_t start = *i;
  *g = 0;
  while (*i < len && wchgi_hexval(s[*i]) >= 0) {
    if (*i - start == 4)
      return false;
    *g = *g << 4 | (unsigned)wchgi_hexval(s[(*i)++]);
  }
  return *i > start;
}

/* Spread the ng groups parsed, with a gap of zeros at |gap| (-1: none). */
static bool v6_finish(const unsigned *g, int ng, int gap, uint8_t out[16]) {
  unsigned full[8] = {0};
  if (gap < 0 ? ng != 8 : ng > 7)
    return false;
  for (int k = 0; k < ng; k++)
    full[k < (gap < 0 ? 8 : gap) ? k : k + 8 - ng] = g[k];
  for (int k = 0; k < 8; k++) {
    out[2 * k] = (uint8_t)(full[k] >> 8);
    out[2 * k + 1] = (uint8_t)full[k];
  }
  return true;
}

/* An IPv4 tail at s[i..len) as the last two groups. */
static bool v4_tail(const char *s, size_t len, size_t i, unsigned *g, int *ng) {
  uint8_t b[4];
  if (*ng > 6 || !parse_v4(s + i, len - i, b))
    return false;
  g[(*ng)++] = (unsigned)b[0] << 8 | b[1];
  g[(*ng)++] = (unsigned)b[2] << 8 | b[3];
  return true;
}

static bool parse_v6(const char *s, size_t len, uint8_t out[16]) {
  unsigned g[8];
  int ng = 0, gap = -1;
  size_t i = 0;
  if (len >= 2 && s[0] == ':' && s[1] == ':') {
    gap = 0;
    i = 2;
  }
  while (i < len) {
    size_t start = i;
    if (ng == 8 || !parse_group(s, len, &i, &g[ng])) {
      if (i < len && s[i] == '.')
        return v4_tail(s, len, start, g, &ng) && v6_finish(g, ng, gap, out);
      return false;
    }
    if (i < len && s[i] == '.')
      return v4_tail(s, len, start, g, &ng) && v6_finish(g, ng, gap, out);
    ng++;
    if (i == len)
      break;
    if (s[i++] != ':' || i == len)
      return false;
    if (s[i] == ':') {
      if (gap >= 0)
        return false;
      gap = ng;
      i++;
    }
  }
  return v6_finish(g, ng, gap, out);
}

bool wchgi_ip_from_text(const char *s, size_t len, uint8_t *addr, size_t n) {
  if (n == 4)
    return parse_v4(s, len, addr);
  if (n == 16)
    return parse_v6(s, len, addr);
  return false;
}
