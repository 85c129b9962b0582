/*
 * cdf_time.c: the CDF's times as TS 32.298 TimeStamps — Unix milliseconds
 * to the BCD octets in the configured UTC offset, the milliseconds apart
 * (the *Fraction fields).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include "cdf/cdf_internal.h"

static uint8_t bcd(int64_t v) { return (uint8_t)((v / 10) << 4 | v % 10); }

wchg_status cdf_time(wchg_cdf *c, int64_t ms, wchg_timestamp *ts, wchg_opt_int *frac) {
  int64_t local = ms / 1000 + (int64_t)c->cfg.utc_offset_minutes * 60, secs;
  if (ms < 0 || local < 0)
    return WCHG_E_RANGE;
  if (local / 86400 != c->day.day) { /* a new day: the date, once */
    wchg_status st = wchg_timestamp_from_unix(&c->day.ts, ms / 1000, c->cfg.utc_offset_minutes);
    if (st != WCHG_OK)
      return st;
    c->day.day = local / 86400;
  }
  *ts = c->day.ts; /* date and offset */
  secs = local % 86400;
  ts->octets[3] = bcd(secs / 3600);
  ts->octets[4] = bcd(secs / 60 % 60);
  ts->octets[5] = bcd(secs % 60);
  if (frac)
    *frac = WCHG_INT(ms % 1000);
  return WCHG_OK;
}
