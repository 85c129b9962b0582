/*
 * cdf_state.c: failover — the whole state of a CDF as bytes and back
 * (wchg_cdf_export / wchg_cdf_import, cdf.h).
 *
 * Format, version 3, every integer little-endian:
 *   magic "WCHGCDF" and the version octet (3)
 *   u32 total length (this header to the CRC, inclusive)
 *   u32 next localRecordSequenceNumber
 *   u64 acrs, folded, duplicates, rejected, cdrs, lost, other_node,
 *       warnings
 *   u32 n, then n remembered sessions, oldest first: u64 hash, u64 seen,
 *       u32 highest Accounting-Record-Number
 *   u32 n, then n open sessions by last activity (least recent first,
 *       their last-now times never decreasing):
 *       i64 opening, last-now, request, response times (ms;
 *       INT64_MIN: none); u64 seen; u32 highest number, missing, records
 *       closed; u8 flags; u16 media entries; u16 Session-Id length, u16
 *       Origin-Host length, u32 fields length, u32 media length; then the
 *       store (the compact form of cdf_internal.h)
 *   u32 n, then n queued CDRs, oldest first: u32 length, the DER
 *   u32 CRC-32 (IEEE 802.3) of everything before it
 * Version 2 (still read) had a u64 session serial after the sequence
 * number and before each open session, which came in the order they
 * opened (sorted by last activity when read).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stddef.h>
#include <string.h>

#include "base/out.h"
#include "cdf/cdf_internal.h"

#define MAGIC "WCHGCDF"
#define VERSION 3
#define COUNTERS 8
#define HEADER_LEN (8 + 4 + 4 + COUNTERS * 8)
#define DUP_LEN 20
#define SESS_LEN (4 * 8 + 8 + 3 * 4 + 1 + 2 + 2 + 2 + 4 + 4)

/* The counters, in the order of the state. */
static const size_t counter_off[COUNTERS] = {
    offsetof(wchg_cdf, acrs),     offsetof(wchg_cdf, folded),     offsetof(wchg_cdf, duplicates),
    offsetof(wchg_cdf, rejected), offsetof(wchg_cdf, cdrs),       offsetof(wchg_cdf, lost),
    offsetof(wchg_cdf, other_node), offsetof(wchg_cdf, warnings),
};

static uint32_t crc32(const uint8_t *p, size_t n) {
  uint32_t table[256], crc = 0xffffffffu;
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t v = i;
    for (int k = 0; k < 8; k++)
      v = v & 1 ? 0xedb88320u ^ (v >> 1) : v >> 1;
    table[i] = v;
  }
  while (n--)
    crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

void cdf_state_seal(uint8_t *buf, size_t len) {
  uint32_t crc;
  for (int i = 0; i < 4; i++)
    buf[8 + i] = (uint8_t)(len >> (8 * i));
  crc = crc32(buf, len - 4);
  for (int i = 0; i < 4; i++)
    buf[len - 4 + i] = (uint8_t)(crc >> (8 * i));
}

/* ---- export -------------------------------------------------------------- */

/* A session with its shared values inline (the store's lengths are
 * those with them inline). */
static void export_session(const wchg_cdf *c, struct wchgi_out *o, const struct cdf_sess *s) {
  wchgi_out_put_le(o, (uint64_t)s->opening_ms, 8);
  wchgi_out_put_le(o, (uint64_t)s->last_now_ms, 8);
  wchgi_out_put_le(o, (uint64_t)s->request_ms, 8);
  wchgi_out_put_le(o, (uint64_t)s->response_ms, 8);
  wchgi_out_put_le(o, s->seen, 8);
  wchgi_out_put_le(o, s->max_number, 4);
  wchgi_out_put_le(o, s->missing, 4);
  wchgi_out_put_le(o, s->rsn, 4);
  wchgi_out_put_le(o, s->flags & SF_ALL, 1);
  wchgi_out_put_le(o, s->media_count, 2);
  wchgi_out_put_le(o, s->sid_len, 2);
  wchgi_out_put_le(o, s->host_len, 2);
  wchgi_out_put_le(o, s->xfields, 4);
  wchgi_out_put_le(o, s->xmedia, 4);
  if (!(s->flags & SF_REFS)) {
    wchgi_out_put(o, s->blob, sess_used(s));
    return;
  }
  wchgi_out_put(o, s->blob, (size_t)s->sid_len + s->host_len);
  cdf_expand_fields(c, sess_fields(s), s->fields_len, o);
  cdf_expand_media(c, sess_media(s), s->media_len, o);
}

wchg_status wchg_cdf_export(const wchg_cdf *c, uint8_t *buf, size_t cap, size_t *len) {
  struct wchgi_out o = {buf, cap, 0};
  const struct cdf_sess *s;
  const struct cdf_block *b;
  size_t total;

  if (!c || !len || (!buf && cap))
    return WCHG_E_ARG;
  wchgi_out_put(&o, MAGIC, 7);
  wchgi_out_put_le(&o, VERSION, 1);
  wchgi_out_put_le(&o, 0, 4); /* total length, below */
  wchgi_out_put_le(&o, c->next_lrsn, 4);
  for (int i = 0; i < COUNTERS; i++)
    wchgi_out_put_le(&o, *(const uint64_t *)(const void *)((const char *)c + counter_off[i]), 8);
  wchgi_out_put_le(&o, c->dup_count, 4);
  for (size_t i = 0; i < c->dup_count; i++) {
    const struct cdf_dup *d = &c->dups[(c->dup_head + i) % c->dup_cap];
    wchgi_out_put_le(&o, d->hash, 8);
    wchgi_out_put_le(&o, d->seen, 8);
    wchgi_out_put_le(&o, d->max_number, 4);
  }
  wchgi_out_put_le(&o, c->nsess, 4);
  for (s = c->lru_head; s; s = s->next)
    export_session(c, &o, s);
  wchgi_out_put_le(&o, c->qcount, 4);
  for (b = c->qhead; b; b = b->next) {
    const uint8_t *d = (const uint8_t *)(b + 1);
    for (size_t at = b->head; at < b->tail;) {
      size_t n = (size_t)d[at] | (size_t)d[at + 1] << 8 | (size_t)d[at + 2] << 16 |
                 (size_t)d[at + 3] << 24;
      wchgi_out_put(&o, d + at, 4 + n);
      at += 4 + n;
    }
  }
  total = o.len + 4;
  *len = total;
  if (!buf || total > cap || total > UINT32_MAX)
    return total > UINT32_MAX ? WCHG_E_LIMIT : WCHG_E_BUFFER;
  cdf_state_seal(buf, total);
  return WCHG_OK;
}

/* ---- import -------------------------------------------------------------- */

struct in {
  const uint8_t *base, *p, *end;
  wchg_diag *diag;
  wchg_status st;
  unsigned version;
  uint64_t serial, serials; /* version 2: the next session's at least, the counter */
  int64_t last_now;         /* version 3: of the session before */
};

static bool fail(struct in *r, wchg_status st, const char *what) {
  struct wpath path;
  if (r->st)
    return false;
  r->st = st;
  wpath_init(&path, "CDFState");
  wchgi_diag_set(r->diag, st, 0, (size_t)(r->p - r->base), &path, "%s", what);
  return false;
}

static uint64_t get_le(struct in *r, unsigned n, const char *what) {
  uint64_t v = 0;
  if (r->st)
    return 0;
  if ((size_t)(r->end - r->p) < n) {
    fail(r, WCHG_E_TRUNCATED, what);
    return 0;
  }
  for (unsigned i = 0; i < n; i++)
    v |= (uint64_t)r->p[i] << (8 * i);
  r->p += n;
  return v;
}

static const uint8_t *get_bytes(struct in *r, size_t n, const char *what) {
  const uint8_t *p = r->p;
  if (r->st)
    return NULL;
  if ((size_t)(r->end - r->p) < n) {
    fail(r, WCHG_E_TRUNCATED, what);
    return NULL;
  }
  r->p += n;
  return p;
}

static bool time_or_none(int64_t t) { return t == CDF_NO_TIME || cdf_time_ok(t); }

/* The fixed part of a session into |w|; false (r->st set) when a value
 * is out of range or the session out of order. */
static bool read_fixed(struct in *r, struct cdf_sess *w) {
  uint64_t serial = r->version == 2 ? get_le(r, 8, "session serial") : 0;
  memset(w, 0, sizeof *w);
  w->opening_ms = (int64_t)get_le(r, 8, "record opening");
  w->last_now_ms = (int64_t)get_le(r, 8, "last ACR time");
  w->request_ms = (int64_t)get_le(r, 8, "request time");
  w->response_ms = (int64_t)get_le(r, 8, "response time");
  w->seen = get_le(r, 8, "numbers seen");
  w->max_number = (uint32_t)get_le(r, 4, "highest number");
  w->missing = (uint32_t)get_le(r, 4, "numbers missing");
  w->rsn = (uint32_t)get_le(r, 4, "records closed");
  w->flags = (uint8_t)get_le(r, 1, "flags");
  w->media_count = (uint16_t)get_le(r, 2, "media entries");
  w->sid_len = (uint16_t)get_le(r, 2, "Session-Id length");
  w->host_len = (uint16_t)get_le(r, 2, "Origin-Host length");
  w->fields_len = w->xfields = (uint32_t)get_le(r, 4, "fields length");
  w->media_len = w->xmedia = (uint32_t)get_le(r, 4, "media length");
  if (r->st)
    return false;
  if ((r->version == 2 && serial < r->serial) || (w->flags & ~SF_ALL) || !(w->seen & 1) || !w->sid_len ||
      w->media_count > WCHG_CDF_MAX_MEDIA || !cdf_time_ok(w->opening_ms) ||
      !cdf_time_ok(w->last_now_ms) || !time_or_none(w->request_ms) ||
      !time_or_none(w->response_ms))
    return fail(r, WCHG_E_ENCODING, "a session value out of range");
  if (r->version > 2 && w->last_now_ms < r->last_now)
    return fail(r, WCHG_E_ENCODING, "a session out of the order of activity");
  r->serial = serial + 1;
  r->last_now = w->last_now_ms;
  return true;
}

/* Read one session and check it (*hash: of its Session-Id); NULL with
 * r->st set on error. */
static struct cdf_sess *import_session(wchg_cdf *c, struct in *r, uint64_t *hash) {
  struct cdf_sess w;
  const uint8_t *blob;
  size_t used, count;
  struct cdf_sess *s;

  if (!read_fixed(r, &w))
    return NULL;
  used = (size_t)w.sid_len + w.host_len + w.fields_len + w.media_len;
  if (!(blob = get_bytes(r, used, "session store")))
    return NULL;
  if (cdf_check_fields(c, blob + w.sid_len + w.host_len, w.fields_len) != WCHG_OK ||
      cdf_check_media(c, blob + used - w.media_len, w.media_len, &count) != WCHG_OK ||
      count != w.media_count) {
    r->p = blob;
    fail(r, WCHG_E_ENCODING, "a session store that does not read back");
    return NULL;
  }
  *hash = cdf_hash((const char *)blob, w.sid_len);
  if (cdf_find(c, *hash, (const char *)blob, w.sid_len)) {
    r->p = blob;
    fail(r, WCHG_E_DUPLICATE, "a Session-Id twice");
    return NULL;
  }
  if (!(s = cdf_sess_alloc(c, (uint32_t)used))) {
    r->st = WCHG_E_NOMEM;
    return NULL;
  }
  memcpy(s, &w, offsetof(struct cdf_sess, blob));
  s->cap = (uint32_t)used;
  s->heap_pos = CDF_NO_POS;
  memcpy(s->blob, blob, used);
  return s;
}

/* A queued CDR: exactly one IMSRecord that our decoder reads. */
static wchg_status record_ok(wchg_cdf *c, const uint8_t *p, size_t n) {
  wchg_cdr *cdr = NULL;
  size_t used = 0;
  wchg_status st = wchg_cdr_decode(p, n, &c->mem, &cdr, &used, NULL);
  wchg_cdr_free(cdr);
  if (st == WCHG_OK && used != n)
    st = WCHG_E_TRAILING;
  return st;
}

/* Back to the state of a fresh CDF (after a failed import). */
static void clear(wchg_cdf *c) {
  cdf_sessions_free(c);
  c->dup_head = c->dup_count = 0;
  if (c->dup_nindex)
    memset(c->dup_index, 0xff, c->dup_nindex * sizeof *c->dup_index);
  cdf_queue_free(c);
}

static void import_body(wchg_cdf *c, struct in *r) {
  uint64_t n, h;
  struct cdf_sess *s;

  n = get_le(r, 4, "remembered sessions");
  if (!r->st && n > (size_t)(r->end - r->p) / DUP_LEN)
    fail(r, WCHG_E_LENGTH, "more remembered sessions than bytes");
  for (uint64_t i = 0; i < n && !r->st; i++) {
    uint64_t h = get_le(r, 8, "hash"), seen = get_le(r, 8, "seen");
    uint32_t max = (uint32_t)get_le(r, 4, "highest number");
    if (!r->st && i + c->dup_cap >= n) /* keep the newest that fit */
      cdf_dup_add(c, h, max, seen);
  }
  n = get_le(r, 4, "open sessions");
  if (!r->st && n > (size_t)(r->end - r->p) / SESS_LEN)
    fail(r, WCHG_E_LENGTH, "more open sessions than bytes");
  for (uint64_t i = 0; i < n && !r->st; i++) {
    if (cdf_table_reserve(c) != WCHG_OK) {
      r->st = WCHG_E_NOMEM;
      break;
    }
    if ((s = import_session(c, r, &h)) != NULL)
      cdf_append(c, h, s);
  }
  if (!r->st && r->version == 2 && r->serial > r->serials)
    fail(r, WCHG_E_ENCODING, "a session serial beyond the counter");
  if (!r->st && r->version == 2)
    cdf_sort_sessions(c); /* they came in the order they opened */
  n = get_le(r, 4, "queued CDRs");
  if (!r->st && n > (size_t)(r->end - r->p) / 4)
    fail(r, WCHG_E_LENGTH, "more queued CDRs than bytes");
  for (uint64_t i = 0; i < n && !r->st; i++) {
    size_t len = (size_t)get_le(r, 4, "CDR length");
    const uint8_t *der = get_bytes(r, len, "CDR");
    wchg_status st = der ? record_ok(c, der, len) : WCHG_OK;
    if (st == WCHG_E_NOMEM) {
      r->st = st;
    } else if (st != WCHG_OK) {
      r->p = der;
      fail(r, WCHG_E_ENCODING, "a queued CDR that does not decode as a pCSCFRecord");
    } else if (der && cdf_queue_append(c, der, len) != WCHG_OK) {
      r->st = WCHG_E_NOMEM;
    }
  }
  if (!r->st && r->p != r->end)
    fail(r, WCHG_E_LENGTH, "bytes after the queued CDRs");
}

/* The header: magic, version, total length and CRC; then |r| reads the
 * body. False (r->st set) when it is not a state of ours. */
static bool import_header(struct in *r, const uint8_t *buf, size_t len) {
  uint32_t total;
  if (len < HEADER_LEN + 4)
    return fail(r, WCHG_E_TRUNCATED, "shorter than the header");
  if (memcmp(buf, MAGIC, 7) != 0)
    return fail(r, WCHG_E_ENCODING, "no CDF state (magic)");
  r->p = buf + 7;
  r->version = (unsigned)get_le(r, 1, "version");
  if (r->version != VERSION && r->version != 2) {
    r->p = buf + 7;
    return fail(r, WCHG_E_ENCODING, "a version this library does not read");
  }
  total = (uint32_t)get_le(r, 4, "length");
  if (total != len) {
    r->p = buf + 8;
    return fail(r, total > len ? WCHG_E_TRUNCATED : WCHG_E_LENGTH,
                "length is not the bytes given");
  }
  if (crc32(buf, len - 4) != (uint32_t)(buf[len - 4] | buf[len - 3] << 8 |
                                        buf[len - 2] << 16 | (uint32_t)buf[len - 1] << 24)) {
    r->p = buf + len - 4;
    return fail(r, WCHG_E_ENCODING, "CRC mismatch: the state is damaged");
  }
  r->end = buf + len - 4;
  return true;
}

wchg_status wchg_cdf_import(wchg_cdf *c, const uint8_t *buf, size_t len, wchg_diag *diag) {
  struct in r = {buf, buf, buf + len, diag, WCHG_OK, 0, 0, 0, INT64_MIN};
  uint64_t counters[COUNTERS];
  uint32_t lrsn;

  wchgi_diag_clear(diag);
  if (!c || (!buf && len))
    return WCHG_E_ARG;
  if (c->used || c->nsess || c->qcount || c->dup_count)
    return WCHG_E_STATE;
  if (!import_header(&r, buf, len))
    return r.st;
  lrsn = (uint32_t)get_le(&r, 4, "localRecordSequenceNumber");
  if (r.version == 2)
    r.serials = get_le(&r, 8, "serial");
  for (int i = 0; i < COUNTERS; i++)
    counters[i] = get_le(&r, 8, "counter");
  import_body(c, &r);
  if (r.st) {
    clear(c);
    if (r.st == WCHG_E_NOMEM)
      wchgi_diag_set(diag, WCHG_E_NOMEM, 0, WCHG_NO_OFFSET, NULL, "out of memory");
    return r.st;
  }
  c->next_lrsn = lrsn;
  for (int i = 0; i < COUNTERS; i++)
    *(uint64_t *)(void *)((char *)c + counter_off[i]) = counters[i];
  c->used = true;
  return WCHG_OK;
}
