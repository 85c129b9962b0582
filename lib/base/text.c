/* text.c: UTF-8 validity, and the TimeStamp of TS 32.298 (BCD local time
 * with UTC offset) to and from numbers.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "base/internal.h"

/* ---- UTF-8 ---------------------------------------------------------------
 * Text is nearly always ASCII, so the validator is an ASCII scanner (16
 * octets per step) that falls back to decoding one sequence at a time at
 * the first octet >= 0x80, then resumes scanning. The sequences are checked
 * with the well-formed byte ranges of Unicode Table 3-7 (the RFC 3629
 * grammar): second octet A0..BF after E0 (no overlongs), 80..9F after ED
 * (no surrogates), 90..BF after F0, 80..8F after F4 (<= U+10FFFF). */

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define WCHG_UTF8_SSE2 1
#endif

/* Index of the first octet >= 0x80 in s[i, n), or n. */
static size_t ascii_run(const unsigned char *s, size_t i, size_t n) {
#ifdef WCHG_UTF8_SSE2
  while (n - i >= 16) {
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(s + i)));
    if (m)
      return i + (size_t)__builtin_ctz(m);
    i += 16;
  }
  if (i == n)
    return n;
  if (n >= 16) { /* the tail: reload the last 16 octets, drop those seen */
    unsigned m = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(s + n - 16)));
    m >>= 16 - (n - i);
    return m ? i + (size_t)__builtin_ctz(m) : n;
  }
#else
  while (n - i >= 16) {
    uint64_t a, b;
    memcpy(&a, s + i, 8);
    memcpy(&b, s + i + 8, 8);
    if ((a | b) & 0x8080808080808080u) {
      while (s[i] < 0x80) /* one of these 16 octets stops it */
        i++;
      return i;
    }
    i += 16;
  }
#endif
  /* fewer than 16 octets left: two overlapping words when they fit */
  if (n - i >= 8) {
    uint64_t a, b;
    memcpy(&a, s + i, 8);
    memcpy(&b, s + n - 8, 8);
    if (!((a | b) & 0x8080808080808080u))
      return n;
  } else if (n - i >= 4) {
    uint32_t a, b;
    memcpy(&a, s + i, 4);
    memcpy(&b, s + n - 4, 4);
    if (!((a | b) & 0x80808080u))
      return n;
  }
  while (i < n && s[i] < 0x80)
    i++;
  return i;
}

bool wchgi_utf8_valid(const char *str, size_t n, size_t *bad) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while ((i = ascii_run(s, i, n)) < n) {
    do { /* sequences back to back (non-Latin text) without rescanning */
      unsigned c = s[i], lo = 0x80, hi = 0xBF;
      size_t left = n - i;
      if (c < 0xC2 || c > 0xF4) /* continuation, C0/C1 overlongs, > U+13FFFF */
        goto fail;
      if (c < 0xE0) {
        if (left < 2 || (s[i + 1] & 0xC0) != 0x80)
          goto fail;
        i += 2;
        continue;
      }
      if (c < 0xF0) {
        if (c == 0xE0)
          lo = 0xA0;
        else if (c == 0xED)
          hi = 0x9F;
        if (left < 3 || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80)
          goto fail;
        i += 3;
        continue;
      }
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
      if (left < 4 || s[i + 1] < lo || s[i + 1] > hi || (s[i + 2] & 0xC0) != 0x80 ||
          (s[i + 3] & 0xC0) != 0x80)
        goto fail;
      i += 4;
    } while (i < n && s[i] >= 0x80);
  }
  return true;
fail:
  if (bad)
    *bad = i;
  return false;
}

static int bcd(uint8_t b) {
  int hi = b >> 4, lo = b & 0x0F;
  if (hi > 9 || lo > 9)
    return -1;
  return hi * 10 + lo;
}

static int days_in_month(int year, int month) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : d[month - 1];
}

wchg_status wchgi_timestamp_check(const uint8_t ts[9], char *msg, size_t cap) {
  static const char *names[] = {"year", "month", "day", "hour", "minute",
                                "second"};
  int v[6], oh, om;
  for (int i = 0; i < 6; i++) {
    v[i] = bcd(ts[i]);
    if (v[i] < 0) {
      snprintf(msg, cap, "%s octet 0x%02x is not two BCD digits", names[i], ts[i]);
      return WCHG_E_TIMESTAMP;
    }
  }
  if (ts[6] != '+' && ts[6] != '-') {
    snprintf(msg, cap, "UTC offset sign 0x%02x is neither '+' nor '-'", ts[6]);
    return WCHG_E_TIMESTAMP;
  }
  oh = bcd(ts[7]);
  om = bcd(ts[8]);
  if (oh < 0 || om < 0) {
    snprintf(msg, cap, "UTC offset is not BCD (0x%02x%02x)", ts[7], ts[8]);
    return WCHG_E_TIMESTAMP;
  }
  if (v[1] < 1 || v[1] > 12) {
    snprintf(msg, cap, "month %02d is not 01..12", v[1]);
    return WCHG_E_TIMESTAMP;
  }
  if (v[2] < 1 || v[2] > days_in_month(2000 + v[0], v[1])) {
    snprintf(msg, cap, "day %02d does not exist in 20%02d-%02d", v[2], v[0], v[1]);
    return WCHG_E_TIMESTAMP;
  }
  if (v[3] > 23 || v[4] > 59 || v[5] > 59) {
    snprintf(msg, cap, "time %02d:%02d:%02d is out of range", v[3], v[4], v[5]);
    return WCHG_E_TIMESTAMP;
  }
  if (oh > 23 || om > 59) {
    snprintf(msg, cap, "UTC offset %c%02d%02d is out of range", ts[6], oh, om);
    return WCHG_E_TIMESTAMP;
  }
  /* Real offsets run from -12:00 to +14:00. */
  if ((ts[6] == '+' && oh * 60 + om > 14 * 60) ||
      (ts[6] == '-' && oh * 60 + om > 12 * 60)) {
    snprintf(msg, cap, "UTC offset %c%02d%02d is beyond -1200..+1400", ts[6], oh, om);
    return WCHG_E_TIMESTAMP;
  }
  return WCHG_OK;
}

static uint8_t to_bcd(int v) { return (uint8_t)(((v / 10) << 4) | (v % 10)); }

wchg_status wchg_timestamp_set(wchg_timestamp *ts, int year, int month, int day,
                               int hour, int minute, int second, int off) {
  if (!ts)
    return WCHG_E_ARG;
  if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month) || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59 ||
      off < -12 * 60 || off > 14 * 60)
    return WCHG_E_RANGE;
  int aoff = off < 0 ? -off : off;
  ts->present = true;
  ts->octets[0] = to_bcd(year - 2000);
  ts->octets[1] = to_bcd(month);
  ts->octets[2] = to_bcd(day);
  ts->octets[3] = to_bcd(hour);
  ts->octets[4] = to_bcd(minute);
  ts->octets[5] = to_bcd(second);
  ts->octets[6] = off < 0 ? '-' : '+';
  ts->octets[7] = to_bcd(aoff / 60);
  ts->octets[8] = to_bcd(aoff % 60);
  return WCHG_OK;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

wchg_status wchg_timestamp_from_unix(wchg_timestamp *ts, int64_t unix_seconds,
                                     int off) {
  int y, mo, d;
  if (!ts)
    return WCHG_E_ARG;
  if (off < -12 * 60 || off > 14 * 60 || unix_seconds < 0 ||
      unix_seconds > 5000000000LL)
    return WCHG_E_RANGE;
  int64_t local = unix_seconds + (int64_t)off * 60;
  int64_t days = local / 86400, secs = local % 86400;
  civil_from_days(days, &y, &mo, &d);
  return wchg_timestamp_set(ts, y, mo, d, (int)(secs / 3600),
                            (int)(secs / 60 % 60), (int)(secs % 60), off);
}

wchg_status wchg_timestamp_to_unix(const wchg_timestamp *ts, int64_t *unix_seconds,
                                   int *off) {
  char msg[96];
  if (!ts || !ts->present || !unix_seconds)
    return WCHG_E_ARG;
  if (wchgi_timestamp_check(ts->octets, msg, sizeof msg) != WCHG_OK)
    return WCHG_E_TIMESTAMP;
  const uint8_t *o = ts->octets;
  int v[6];
  for (int i = 0; i < 6; i++)
    v[i] = bcd(o[i]);
  int offset = bcd(o[7]) * 60 + bcd(o[8]);
  if (o[6] == '-')
    offset = -offset;
  int64_t local = days_from_civil(2000 + v[0], v[1], v[2]) * 86400 +
                  v[3] * 3600 + v[4] * 60 + v[5];
  *unix_seconds = local - (int64_t)offset * 60;
  if (off)
    *off = offset;
  return WCHG_OK;
}

wchg_involved_party wchgi_party_of_uri(wchg_str uri) {
  wchg_involved_party p = {WCHG_PARTY_SIP_URI, uri};
  if (wchgi_has_prefix_ci(uri, "tel:"))
    p.choice = WCHG_PARTY_TEL_URI;
  else if (wchgi_has_prefix_ci(uri, "urn:"))
    p.choice = WCHG_PARTY_URN;
  return p;
}
