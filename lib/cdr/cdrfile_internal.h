/*
 * cdrfile_internal.h (private): what the TS 32.297 §6 CDR file writer
 * (cdrfile_enc.c) and reader (cdrfile_dec.c) share: the layout of the
 * file header and the range of its time stamps.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_CDRFILE_INTERNAL_H
#define WCHG_CDRFILE_INTERNAL_H

#include <webrtc_chg/cdrfile.h>

#define FIXED_HEADER 50u /* through the routeing filter length */
#define RELEASE_EXT_ID 7u /* release id 7: Rel-10 or later, extension octet */

/* Time stamps are 4 octets: month 4, day 5, hour 5, minute 6, sign 1,
 * offset hours 5, offset minutes 6 bits. Is |t| one they can hold? */
static inline bool time_ok(const wchg_cdrfile_time *t) {
  int off = t->utc_offset < 0 ? -t->utc_offset : t->utc_offset;
  return t->month >= 1 && t->month <= 12 && t->day >= 1 && t->day <= 31 && t->hour <= 23 &&
         t->minute <= 59 && off / 60 <= 23;
}

#endif
