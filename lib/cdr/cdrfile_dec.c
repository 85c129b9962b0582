/*
 * cdrfile_dec.c: the reader of TS 32.297 §6 CDR files (cdrfile.h): the
 * CDR file header and its fields checked, then every CDR header, counted
 * against the file header; wchg_cdrfile_next walks the CDRs.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "base/internal.h"
#include "cdr/cdrfile_internal.h"

/* ---- release/version octets ------------------------------------------- */

static unsigned release_of(unsigned id, unsigned ext) {
  return id == 0 ? WCHG_CDRFILE_R99 : id < RELEASE_EXT_ID ? id + 3 : 10 + ext;
}

/* ---- time stamps (cdrfile_internal.h) ---------------------------------- */

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

static unsigned get16(const uint8_t *p) { return (unsigned)p[0] << 8 | p[1]; }
static uint32_t get32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

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

/* The fixed octets of the file header, through the lost CDR indicator. */
static wchg_status read_fixed(struct rd *r, const uint8_t *buf, size_t len,
                              wchg_cdrfile_header *h) {
  if (get32(buf) != len)
    return rfail(r, WCHG_E_LENGTH, 0, "fileLength", -1,
                 "the file length is not the number of octets given");
  h->high_version = buf[8] & 31;
  h->low_version = buf[9] & 31;
  if (!time_unpack(get32(buf + 10), &h->opening_time))
    return rfail(r, WCHG_E_RANGE, 10, "fileOpeningTimestamp", -1, "the time stamp is out of range");
  if (!time_unpack(get32(buf + 14), &h->last_cdr_time))
    return rfail(r, WCHG_E_RANGE, 14, "lastCdrAppendTimestamp", -1,
                 "the time stamp is out of range");
  h->cdr_count = get32(buf + 18);
  h->file_sequence_number = get32(buf + 22);
  h->closure_reason = buf[26];
  if (h->closure_reason > WCHG_CDRFILE_CLOSE_CHANGE &&
      (h->closure_reason < WCHG_CDRFILE_CLOSE_ABNORMAL ||
       h->closure_reason > WCHG_CDRFILE_CLOSE_INTEGRITY))
    return rfail(r, WCHG_E_RANGE, 26, "fileClosureTriggerReason", -1,
                 "the closure reason is not a known value");
  if (get32(buf + 27) != 0xFFFFFFFFu)
    return rfail(r, WCHG_E_RANGE, 27, "nodeIPAddress", -1,
                 "the node address does not start with four 0xFF octets");
  memcpy(h->node_address, buf + 31, 16);
  h->lost_cdr_indicator = buf[47];
  return WCHG_OK;
}

/* The rest of the file header (buf[0..hlen)): the routeing filter, the
 * private extension (unless the header ends without its length) and the
 * release identifier extensions. */
static wchg_status read_variable(struct rd *r, const uint8_t *buf, size_t len, size_t hlen,
                                 wchg_cdrfile_header *h) {
  unsigned hi_id = buf[8] >> 5, lo_id = buf[9] >> 5;
  size_t at = FIXED_HEADER, nfilter = get16(buf + 48);
  size_t nrelext = (hi_id == RELEASE_EXT_ID) + (lo_id == RELEASE_EXT_ID);
  if (hlen > len || hlen < at + nfilter + nrelext)
    return rfail(r, hlen > len ? WCHG_E_TRUNCATED : WCHG_E_LENGTH, 4, "headerLength", -1,
                 "the header length does not cover the header's fields");
  h->routeing_filter = (wchg_octets){buf + at, nfilter};
  at += nfilter;
  if (hlen - at != nrelext) {
    if (hlen - at < 2 + nrelext)
      return rfail(r, WCHG_E_LENGTH, 4, "headerLength", -1,
                   "the header length ends inside the private extension length");
    size_t next = get16(buf + at);
    if (hlen - at - 2 != next + nrelext)
      return rfail(r, WCHG_E_LENGTH, at, "privateExtension", -1,
                   "the private extension does not end where the header does");
    h->private_extension = (wchg_octets){buf + at + 2, next};
    at += 2 + next;
  }
  h->high_release = (uint16_t)release_of(hi_id, hi_id == RELEASE_EXT_ID ? buf[at] : 0);
  at += hi_id == RELEASE_EXT_ID;
  h->low_release = (uint16_t)release_of(lo_id, lo_id == RELEASE_EXT_ID ? buf[at] : 0);
  return WCHG_OK;
}

/* Every CDR header after the file header, and their count. */
static wchg_status read_cdrs(struct rd *r, const wchg_cdrfile *f) {
  const uint8_t *p = f->data + f->header_length, *end = f->data + f->len;
  uint32_t n = 0;
  for (; p < end; n++) {
    wchg_cdrfile_cdr c;
    if (n == f->header.cdr_count)
      return rfail(r, WCHG_E_TRAILING, (size_t)(p - f->data), NULL, (long)n,
                   "more CDRs than the file header counts");
    wchg_status rc = read_cdr(r, p, (size_t)(end - p), (long)n, &c);
    if (rc)
      return rc;
    p = c.data.ptr + c.data.len;
  }
  if (n != f->header.cdr_count)
    return rfail(r, WCHG_E_MISSING, f->len, "numberOfCdrs", -1,
                 "fewer CDRs than the file header counts");
  return WCHG_OK;
}

wchg_status wchg_cdrfile_parse(const uint8_t *buf, size_t len, wchg_cdrfile *f,
                               wchg_diag *diag) {
  struct rd r = {buf, diag};
  wchg_status rc;
  wchgi_diag_clear(diag);
  if (!f || (!buf && len))
    return rfail(&r, WCHG_E_ARG, WCHG_NO_OFFSET, NULL, -1, "no file or no output given");
  memset(f, 0, sizeof *f);
  if (len < FIXED_HEADER)
    return rfail(&r, WCHG_E_TRUNCATED, len, NULL, -1, "the file ends inside its header");
  uint32_t hlen = get32(buf + 4);
  if ((rc = read_fixed(&r, buf, len, &f->header)) != WCHG_OK ||
      (rc = read_variable(&r, buf, len, hlen, &f->header)) != WCHG_OK)
    return rc;
  f->header_length = hlen;
  f->data = buf;
  f->len = len;
  return read_cdrs(&r, f);
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
