/*
 * cdrfile_enc.c: the writer of TS 32.297 §6 CDR files (cdrfile.h): the
 * CDR file header (50 fixed octets, the routeing filter, the private
 * extension with its length always written, the release identifier
 * extensions), then per CDR a 4-octet CDR header (5 with a release
 * extension) and the record.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/internal.h"
#include "base/out.h"
#include "cdr/cdrfile_internal.h"

/* ---- release/version octets ------------------------------------------- */

/* Release number -> identifier (bits 8..6) and extension; false if none. */
static bool release_id(unsigned release, unsigned *id, unsigned *ext) {
  *id = *ext = 0;
  if (release == WCHG_CDRFILE_R99)
    *id = 0;
  else if (release >= 4 && release <= 9)
    *id = release - 3;
  else if (release >= 10 && release <= 10 + 255) {
    *id = RELEASE_EXT_ID;
    *ext = release - 10;
  } else
    return false;
  return true;
}

/* Order of release/version pairs (R99 is 3: before Rel-4). */
static unsigned rank(unsigned release, unsigned version) { return release * 32 + version; }

/* ---- time stamps (cdrfile_internal.h) ---------------------------------- */

static uint32_t time_pack(const wchg_cdrfile_time *t) {
  unsigned off = (unsigned)(t->utc_offset < 0 ? -t->utc_offset : t->utc_offset);
  return (uint32_t)t->month << 28 | (uint32_t)t->day << 23 | (uint32_t)t->hour << 18 |
         (uint32_t)t->minute << 12 | (uint32_t)(t->utc_offset >= 0) << 11 |
         (uint32_t)(off / 60) << 6 | (off % 60);
}

/* ---- big-endian helpers ------------------------------------------------ */

static void put16(uint8_t *p, unsigned v) {
  p[0] = (uint8_t)(v >> 8);
  p[1] = (uint8_t)v;
}
static void put32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

static wchg_status wfail(wchg_cdrfile_writer *w, wchg_status rc, const char *field,
                         const char *what) {
  if (!w->error) {
    struct wpath p;
    wpath_init(&p, "CDRFile");
    if (field)
      wpath_push(&p, field);
    wchgi_diag_set(w->diag, rc, 0, WCHG_NO_OFFSET, &p, "%s", what);
    w->error = rc;
  }
  return w->error;
}

/* Copy |n| octets at offset |at| when they fit. */
static void wput(wchg_cdrfile_writer *w, size_t at, const void *src, size_t n) {
  wchgi_put_at(w->buf, w->cap, at, src, n);
}

static size_t header_length(const wchg_cdrfile_header *h, unsigned hi_id, unsigned lo_id) {
  return FIXED_HEADER + h->routeing_filter.len + 2 + h->private_extension.len +
         (hi_id == RELEASE_EXT_ID) + (lo_id == RELEASE_EXT_ID);
}

/* The file header with the totals known so far. */
static void write_header(wchg_cdrfile_writer *w) {
  const wchg_cdrfile_header *h = &w->header_;
  unsigned hi_id, hi_ext, lo_id, lo_ext;
  uint8_t fixed[FIXED_HEADER], ext[2];
  size_t n = 0, at;
  release_id(h->high_release, &hi_id, &hi_ext);
  release_id(h->low_release, &lo_id, &lo_ext);
  put32(fixed, (uint32_t)w->len);
  put32(fixed + 4, (uint32_t)w->header_len_);
  fixed[8] = (uint8_t)(hi_id << 5 | h->high_version);
  fixed[9] = (uint8_t)(lo_id << 5 | h->low_version);
  put32(fixed + 10, time_pack(&h->opening_time));
  put32(fixed + 14, time_pack(&h->last_cdr_time));
  put32(fixed + 18, h->cdr_count);
  put32(fixed + 22, h->file_sequence_number);
  fixed[26] = h->closure_reason;
  memset(fixed + 27, 0xFF, 4);
  memcpy(fixed + 31, h->node_address, 16);
  fixed[47] = h->lost_cdr_indicator;
  put16(fixed + 48, (unsigned)h->routeing_filter.len);
  wput(w, 0, fixed, sizeof fixed);
  at = FIXED_HEADER;
  wput(w, at, h->routeing_filter.ptr, h->routeing_filter.len);
  at += h->routeing_filter.len;
  put16(ext, (unsigned)h->private_extension.len);
  wput(w, at, ext, 2);
  wput(w, at + 2, h->private_extension.ptr, h->private_extension.len);
  at += 2 + h->private_extension.len;
  if (hi_id == RELEASE_EXT_ID)
    ext[n++] = (uint8_t)hi_ext;
  if (lo_id == RELEASE_EXT_ID)
    ext[n++] = (uint8_t)lo_ext;
  wput(w, at, ext, n);
}

/* The header length for the highest and lowest release so far (the
 * header's own while there is no CDR): each that is Rel-10 or later adds
 * its release identifier extension octet (TS 32.297 §6). */
static size_t header_length_now(const wchg_cdrfile_writer *w) {
  unsigned hi_id, lo_id, ext;
  release_id(w->hi_rel_, &hi_id, &ext);
  release_id(w->lo_rel_, &lo_id, &ext);
  return header_length(&w->header_, hi_id, lo_id);
}

/* Make the header |hl| octets; the CDRs written move with it (what the
 * buffer holds). Set at the first CDR, before any is written; it changes
 * once more at most, by one octet, when a file first mixes releases
 * before and after Rel-10. A buffer of the final size is never short. */
static void set_header_length(wchg_cdrfile_writer *w, size_t hl) {
  size_t old = w->header_len_, n = w->len - old;
  if (hl == old)
    return;
  if (w->buf && n && old < w->cap && hl < w->cap) {
    size_t in = w->cap - old < n ? w->cap - old : n; /* written, of the n */
    memmove(w->buf + hl, w->buf + old, w->cap - hl < in ? w->cap - hl : in);
  }
  w->len = hl + n;
  w->header_len_ = hl;
}

wchg_status wchg_cdrfile_begin(wchg_cdrfile_writer *w, uint8_t *buf, size_t cap,
                               const wchg_cdrfile_header *h, wchg_diag *diag) {
  unsigned id, ext;
  if (!w)
    return WCHG_E_ARG;
  memset(w, 0, sizeof *w);
  w->buf = buf;
  w->cap = buf ? cap : 0;
  w->diag = diag;
  wchgi_diag_clear(diag);
  if (!h)
    return wfail(w, WCHG_E_ARG, NULL, "no file header given");
  w->header_ = *h;
  w->header_.cdr_count = 0; /* counted by wchg_cdrfile_add */
  if (!time_ok(&h->opening_time))
    return wfail(w, WCHG_E_RANGE, "fileOpeningTimestamp", "the time stamp is out of range");
  if (!time_ok(&h->last_cdr_time))
    return wfail(w, WCHG_E_RANGE, "lastCdrAppendTimestamp", "the time stamp is out of range");
  if (!release_id(h->high_release, &id, &ext) || h->high_version > 31 ||
      !release_id(h->low_release, &id, &ext) || h->low_version > 31)
    return wfail(w, WCHG_E_RANGE, "releaseVersion", "a release or version is out of range");
  if (h->routeing_filter.len > 0xFFFF || h->private_extension.len > 0xFFFF)
    return wfail(w, WCHG_E_RANGE, "privateExtension",
                 "the routeing filter and the private extension hold at most 65535 octets");
  w->hi_rel_ = h->high_release;
  w->hi_ver_ = h->high_version;
  w->lo_rel_ = h->low_release;
  w->lo_ver_ = h->low_version;
  w->header_len_ = header_length_now(w);
  w->len = w->header_len_;
  return WCHG_OK;
}

wchg_status wchg_cdrfile_add(wchg_cdrfile_writer *w, const wchg_cdrfile_cdr *cdr) {
  unsigned id, ext;
  uint8_t hdr[5];
  if (!w)
    return WCHG_E_ARG;
  if (w->error)
    return w->error;
  if (!cdr || (!cdr->data.ptr && cdr->data.len))
    return wfail(w, WCHG_E_ARG, "cdr", "no CDR given");
  if (!release_id(cdr->release, &id, &ext) || cdr->version > 31)
    return wfail(w, WCHG_E_RANGE, "cdr/releaseVersion", "the release or version is out of range");
  if (cdr->format < WCHG_CDRFILE_BER || cdr->format > WCHG_CDRFILE_XER || cdr->ts_number > 31)
    return wfail(w, WCHG_E_RANGE, "cdr/dataRecordFormat",
                 "the format (1..4) or TS number (0..31) is out of range");
  if (cdr->data.len > 0xFFFF)
    return wfail(w, WCHG_E_RANGE, "cdr/cdrLength", "a CDR holds at most 65535 octets");
  size_t hl = id == RELEASE_EXT_ID ? 5 : 4;
  if (w->header_.cdr_count == UINT32_MAX || w->len + hl + cdr->data.len + 2 > UINT32_MAX)
    return wfail(w, WCHG_E_LIMIT, "cdr", "the file would exceed 2^32-1 octets or CDRs");
  unsigned r = rank(cdr->release, cdr->version);
  if (!w->header_.cdr_count || r > rank(w->hi_rel_, w->hi_ver_)) {
    w->hi_rel_ = cdr->release;
    w->hi_ver_ = cdr->version;
  }
  if (!w->header_.cdr_count || r < rank(w->lo_rel_, w->lo_ver_)) {
    w->lo_rel_ = cdr->release;
    w->lo_ver_ = cdr->version;
  }
  set_header_length(w, header_length_now(w));
  put16(hdr, (unsigned)cdr->data.len);
  hdr[2] = (uint8_t)(id << 5 | cdr->version);
  hdr[3] = (uint8_t)(cdr->format << 5 | cdr->ts_number);
  hdr[4] = (uint8_t)ext;
  wput(w, w->len, hdr, hl);
  wput(w, w->len + hl, cdr->data.ptr, cdr->data.len);
  w->len += hl + cdr->data.len;
  w->header_.cdr_count++;
  return WCHG_OK;
}

wchg_status wchg_cdrfile_finish(wchg_cdrfile_writer *w, const wchg_cdrfile_time *last_cdr_time,
                                uint8_t closure_reason, size_t *len) {
  if (!w || !len)
    return WCHG_E_ARG;
  *len = 0;
  if (w->error)
    return w->error;
  if (last_cdr_time && !time_ok(last_cdr_time))
    return wfail(w, WCHG_E_RANGE, "lastCdrAppendTimestamp", "the time stamp is out of range");
  if (last_cdr_time)
    w->header_.last_cdr_time = *last_cdr_time;
  w->header_.closure_reason = closure_reason;
  /* the header's length is already that of these releases */
  w->header_.high_release = w->hi_rel_;
  w->header_.high_version = w->hi_ver_;
  w->header_.low_release = w->lo_rel_;
  w->header_.low_version = w->lo_ver_;
  write_header(w);
  *len = w->len;
  if (w->len > w->cap)
    return wfail(w, WCHG_E_BUFFER, NULL, "the buffer is too small for the file");
  return WCHG_OK;
}
