/*
 * cdrfile.c: TS 32.297 §6 CDR files (cdrfile.h). Field layout from the
 * project's charging-facts reference, section 4: a file header of 50
 * fixed octets, the routeing filter, the private extension (its length
 * always written), the release identifier extensions; then per CDR a
 * 4-octet header (5 with a release extension) and the record.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/cdrfile.h>

#include "base/internal.h"
#include "base/out.h"

#define FIXED_HEADER 50u /* through the routeing filter length */
#define RELEASE_EXT_ID 7u /* release id 7: Rel-10 or later, extension octet */

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

static unsigned release_of(unsigned id, unsigned ext) {
  return id == 0 ? WCHG_CDRFILE_R99 : id < RELEASE_EXT_ID ? id + 3 : 10 + ext;
}

/* Order of release/version pairs (R99 is 3: before Rel-4). */
static unsigned rank(unsigned release, unsigned version) { return release * 32 + version; }

/* ---- time stamps (4 octets: month 4, day 5, hour 5, minute 6, sign 1,
 * offset hours 5, offset minutes 6 bits) -------------------------------- */

static bool time_ok(const wchg_cdrfile_time *t) {
  int off = t->utc_offset < 0 ? -t->utc_offset : t->utc_offset;
  return t->month >= 1 && t->month <= 12 && t->day >= 1 && t->day <= 31 && t->hour <= 23 &&
         t->minute <= 59 && off / 60 <= 23;
}

static uint32_t time_pack(const wchg_cdrfile_time *t) {
  unsigned off = (unsigned)(t->utc_offset < 0 ? -t->utc_offset : t->utc_offset);
  return (uint32_t)t->month << 28 | (uint32_t)t->day << 23 | (uint32_t)t->hour << 18 |
         (uint32_t)t->minute << 12 | (uint32_t)(t->utc_offset >= 0) << 11 |
         (uint32_t)(off / 60) << 6 | (off % 60);
}

static bool time_unpack(uint32_t v, wchg_cdrfile_time *t) {
  unsigned oh = v >> 6 & 31, om = v & 63;
  t->month = (uint8_t)(v >> 28);
  t->day = (uint8_t)(v >> 23 & 31);
  t->hour = (uint8_t)(v >> 18 & 31);
  t->minute = (uint8_t)(v >> 12 & 63);
  t->utc_offset = (int16_t)((v >> 11 & 1 ? 1 : -1) * (int)(oh * 60 + om));
  return om <= 59 && time_ok(t);
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
static unsigned get16(const uint8_t *p) { return (unsigned)p[0] << 8 | p[1]; }
static uint32_t get32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ---- writing ------------------------------------------------------------ */

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
  /* the shortest header: whether the release extension octets follow is
   * known only once every CDR is in, so the CDRs go after the shortest
   * header and move up when the header is written, last; a buffer of the
   * final size is then never short on the way */
  w->header_len_ = header_length(h, 0, 0);
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
  put16(hdr, (unsigned)cdr->data.len);
  hdr[2] = (uint8_t)(id << 5 | cdr->version);
  hdr[3] = (uint8_t)(cdr->format << 5 | cdr->ts_number);
  hdr[4] = (uint8_t)ext;
  wput(w, w->len, hdr, hl);
  wput(w, w->len + hl, cdr->data.ptr, cdr->data.len);
  w->len += hl + cdr->data.len;
  unsigned r = rank(cdr->release, cdr->version);
  if (!w->header_.cdr_count || r > rank(w->hi_rel_, w->hi_ver_)) {
    w->hi_rel_ = cdr->release;
    w->hi_ver_ = cdr->version;
  }
  if (!w->header_.cdr_count || r < rank(w->lo_rel_, w->lo_ver_)) {
    w->lo_rel_ = cdr->release;
    w->lo_ver_ = cdr->version;
  }
  w->header_.cdr_count++;
  return WCHG_OK;
}

wchg_status wchg_cdrfile_finish(wchg_cdrfile_writer *w, const wchg_cdrfile_time *last_cdr_time,
                                uint8_t closure_reason, size_t *len) {
  unsigned hi_id, lo_id, ext;
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
  if (w->header_.cdr_count) {
    w->header_.high_release = w->hi_rel_;
    w->header_.high_version = w->hi_ver_;
    w->header_.low_release = w->lo_rel_;
    w->header_.low_version = w->lo_ver_;
  }
  /* make room for the release extension octets the header needs */
  release_id(w->header_.high_release, &hi_id, &ext);
  release_id(w->header_.low_release, &lo_id, &ext);
  size_t final_hl = header_length(&w->header_, hi_id, lo_id), gap = final_hl - w->header_len_;
  if (gap && w->buf && w->len + gap <= w->cap)
    memmove(w->buf + final_hl, w->buf + w->header_len_, w->len - w->header_len_);
  w->len += gap;
  w->header_len_ = final_hl;
  write_header(w);
  *len = w->len;
  if (w->len > w->cap)
    return wfail(w, WCHG_E_BUFFER, NULL, "the buffer is too small for the file");
  return WCHG_OK;
}

/* ---- reading ------------------------------------------------------------ */

struct rd {
  const uint8_t *file;
  wchg_diag *diag;
};

static wchg_status rfail(struct rd *r, wchg_status rc, size_t at, const char *field, long index,
                         const char *what) {
  struct wpath p;
  wpath_init(&p, "CDRFile");
  if (index >= 0) {
    wpath_push(&p, "cdr");
    wpath_index(&p, (size_t)index);
  }
  if (field)
    wpath_push(&p, field);
  wchgi_diag_set(r->diag, rc, 0, at, &p, "%s", what);
  return rc;
}

/* One CDR header at |p| (|left| octets): fills |c|, or fails. */
static wchg_status read_cdr(struct rd *r, const uint8_t *p, size_t left, long index,
                            wchg_cdrfile_cdr *c) {
  size_t at = (size_t)(p - r->file);
  if (left < 4 || (left < 5 && (p[2] >> 5) == RELEASE_EXT_ID))
    return rfail(r, WCHG_E_TRUNCATED, at, NULL, index, "the file ends inside a CDR header");
  unsigned id = p[2] >> 5, hl = id == RELEASE_EXT_ID ? 5 : 4;
  c->release = (uint16_t)release_of(id, hl == 5 ? p[4] : 0);
  c->version = p[2] & 31;
  c->format = p[3] >> 5;
  c->ts_number = p[3] & 31;
  c->data.len = get16(p);
  c->data.ptr = p + hl;
  c->offset = at;
  if (c->format < WCHG_CDRFILE_BER || c->format > WCHG_CDRFILE_XER)
    return rfail(r, WCHG_E_RANGE, at + 3, "dataRecordFormat", index,
                 "the data record format is not 1..4");
  if (c->data.len > left - hl)
    return rfail(r, WCHG_E_LENGTH, at, "cdrLength", index, "the CDR runs past the end of the file");
  return WCHG_OK;
}

wchg_status wchg_cdrfile_parse(const uint8_t *buf, size_t len, wchg_cdrfile *f,
                               wchg_diag *diag) {
  struct rd r = {buf, diag};
  wchgi_diag_clear(diag);
  if (!f || (!buf && len))
    return rfail(&r, WCHG_E_ARG, WCHG_NO_OFFSET, NULL, -1, "no file or no output given");
  memset(f, 0, sizeof *f);
  if (len < FIXED_HEADER)
    return rfail(&r, WCHG_E_TRUNCATED, len, NULL, -1, "the file ends inside its header");
  wchg_cdrfile_header *h = &f->header;
  uint32_t flen = get32(buf), hlen = get32(buf + 4);
  if (flen != len)
    return rfail(&r, WCHG_E_LENGTH, 0, "fileLength", -1,
                 "the file length is not the number of octets given");
  unsigned hi_id = buf[8] >> 5, lo_id = buf[9] >> 5;
  h->high_version = buf[8] & 31;
  h->low_version = buf[9] & 31;
  if (!time_unpack(get32(buf + 10), &h->opening_time))
    return rfail(&r, WCHG_E_RANGE, 10, "fileOpeningTimestamp", -1, "the time stamp is out of range");
  if (!time_unpack(get32(buf + 14), &h->last_cdr_time))
    return rfail(&r, WCHG_E_RANGE, 14, "lastCdrAppendTimestamp", -1,
                 "the time stamp is out of range");
  h->cdr_count = get32(buf + 18);
  h->file_sequence_number = get32(buf + 22);
  h->closure_reason = buf[26];
  if (h->closure_reason > WCHG_CDRFILE_CLOSE_CHANGE &&
      (h->closure_reason < WCHG_CDRFILE_CLOSE_ABNORMAL ||
       h->closure_reason > WCHG_CDRFILE_CLOSE_INTEGRITY))
    return rfail(&r, WCHG_E_RANGE, 26, "fileClosureTriggerReason", -1,
                 "the closure reason is not a known value");
  if (get32(buf + 27) != 0xFFFFFFFFu)
    return rfail(&r, WCHG_E_RANGE, 27, "nodeIPAddress", -1,
                 "the node address does not start with four 0xFF octets");
  memcpy(h->node_address, buf + 31, 16);
  h->lost_cdr_indicator = buf[47];
  size_t at = FIXED_HEADER, nfilter = get16(buf + 48);
  size_t nrelext = (hi_id == RELEASE_EXT_ID) + (lo_id == RELEASE_EXT_ID);
  if (hlen > len || hlen < at + nfilter + nrelext)
    return rfail(&r, hlen > len ? WCHG_E_TRUNCATED : WCHG_E_LENGTH, 4, "headerLength", -1,
                 "the header length does not cover the header's fields");
  h->routeing_filter = (wchg_octets){buf + at, nfilter};
  at += nfilter;
  /* the private extension length, unless the header ends without it */
  if (hlen - at != nrelext) {
    if (hlen - at < 2 + nrelext)
      return rfail(&r, WCHG_E_LENGTH, 4, "headerLength", -1,
                   "the header length ends inside the private extension length");
    size_t next = get16(buf + at);
    if (hlen - at - 2 != next + nrelext)
      return rfail(&r, WCHG_E_LENGTH, at, "privateExtension", -1,
                   "the private extension does not end where the header does");
    h->private_extension = (wchg_octets){buf + at + 2, next};
    at += 2 + next;
  }
  h->high_release = (uint16_t)release_of(hi_id, hi_id == RELEASE_EXT_ID ? buf[at] : 0);
  at += hi_id == RELEASE_EXT_ID;
  h->low_release = (uint16_t)release_of(lo_id, lo_id == RELEASE_EXT_ID ? buf[at] : 0);
  f->header_length = hlen;
  f->data = buf;
  f->len = len;
  /* every CDR header, and the count */
  const uint8_t *p = buf + hlen, *end = buf + len;
  uint32_t n = 0;
  for (; p < end; n++) {
    wchg_cdrfile_cdr c;
    if (n == h->cdr_count)
      return rfail(&r, WCHG_E_TRAILING, (size_t)(p - buf), NULL, (long)n,
                   "more CDRs than the file header counts");
    wchg_status rc = read_cdr(&r, p, (size_t)(end - p), (long)n, &c);
    if (rc)
      return rc;
    p = c.data.ptr + c.data.len;
  }
  if (n != h->cdr_count)
    return rfail(&r, WCHG_E_MISSING, len, "numberOfCdrs", -1,
                 "fewer CDRs than the file header counts");
  return WCHG_OK;
}

void wchg_cdrfile_iter_init(wchg_cdrfile_iter *it, const wchg_cdrfile *f) {
  it->file = f->data;
  it->p = f->data ? f->data + f->header_length : NULL;
  it->end = f->data ? f->data + f->len : NULL;
}

bool wchg_cdrfile_next(wchg_cdrfile_iter *it, wchg_cdrfile_cdr *out) {
  struct rd r = {it->file, NULL};
  if (!it->p || it->p >= it->end || read_cdr(&r, it->p, (size_t)(it->end - it->p), 0, out))
    return false;
  it->p = out->data.ptr + out->data.len;
  return true;
}
