/* fuzz_sdp: arbitrary bytes into both SDP readers of sip.h, held to
 * their contract (issue 18):
 *   - wchg_sdp_parse (fixed-size, strict): on success every line view
 *     lies inside the body, holds "x=" and no line break, the first is
 *     v=0, the m= fields lie inside their m= line, counts are within their
 *     bounds and every direction is one of the four; on failure the
 *     diagnostic is complete and names the line;
 *   - wchg_sdp_parse_body, strict, in the storage wchg_sdp_body_size()
 *     asks for: never WCHG_E_BUFFER; the same answer as wchg_sdp_parse
 *     (code, path, offset, message; the same lines on success) except
 *     where that one hits its fixed bounds;
 *   - wchg_sdp_parse_body, receive: fails only for an empty body or the
 *     limits; when strict succeeds, the same lines and no warning; when
 *     strict fails on the grammar, success with strict's diagnostic as
 *     the first warning; every kept line is a non-empty UTF-8 view of the
 *     body without LF, and every warning is complete;
 *   - with limits taken from the input: over max_bytes is WCHG_E_LIMIT at
 *     "SDP" and offset max_bytes; never more than max_media components.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/sip.h>

static void inside(wchg_str v, const char *s, size_t n) {
  if (!v.ptr || v.ptr < s || v.len > n || (size_t)(v.ptr - s) > n - v.len)
    abort();
}

static void line(wchg_str v, const char *s, size_t n) {
  inside(v, s, n);
  if (v.len < 2 || v.ptr[0] < 'a' || v.ptr[0] > 'z' || v.ptr[1] != '=' ||
      memchr(v.ptr, '\n', v.len) || memchr(v.ptr, '\r', v.len) || memchr(v.ptr, 0, v.len))
    abort();
}

/* A line the receive policy kept: in the body, not empty, no LF. */
static void kept(wchg_str v, const char *s, size_t n) {
  inside(v, s, n);
  if (!v.len || memchr(v.ptr, '\n', v.len))
    abort();
}

static void media(const wchg_sdp_media *m, const char *s, size_t n) {
  line(m->media_name, s, n);
  if (m->media_name.ptr[0] != 'm' || m->line_count > WCHG_SDP_MAX_MEDIA_LINES ||
      !m->format_count || !m->port_count)
    abort();
  inside(m->media, m->media_name.ptr, m->media_name.len);
  inside(m->proto, m->media_name.ptr, m->media_name.len);
  inside(m->formats, m->media_name.ptr, m->media_name.len);
  if (m->formats.ptr + m->formats.len != m->media_name.ptr + m->media_name.len)
    abort();
  for (size_t k = 0; k < m->line_count; k++) {
    line(m->lines[k], s, n);
    if (m->lines[k].ptr[0] == 'm' || m->lines[k].ptr[0] == 'v')
      abort();
  }
}

static void check_diag(const wchg_diag *d, wchg_status rc, size_t size) {
  if (d->code != rc || !d->message[0] || strncmp(d->path, "SDP", 3) ||
      (d->offset != WCHG_NO_OFFSET && d->offset > size))
    abort();
}

static void fixed(const char *s, size_t size, const wchg_sdp *o, wchg_status rc,
                  const wchg_diag *d) {
  if (rc != WCHG_OK) {
    check_diag(d, rc, size);
    if (strncmp(d->path, "SDP/SDP-", 8) || strncmp(d->message, "line ", 5))
      abort();
    return;
  }
  if (d->code != WCHG_OK || !o->session_count || o->session_count > WCHG_SDP_MAX_SESSION_LINES ||
      o->media_count > WCHG_SDP_MAX_MEDIA)
    abort();
  if (o->session[0].len != 3 || memcmp(o->session[0].ptr, "v=0", 3))
    abort();
  for (size_t k = 0; k < o->session_count; k++) {
    line(o->session[k], s, size);
    if (o->session[k].ptr[0] == 'm' || (k && o->session[k].ptr[0] == 'v'))
      abort();
  }
  for (size_t k = 0; k < o->media_count; k++) {
    media(&o->media[k], s, size);
    unsigned dir = (unsigned)wchg_sdp_media_direction(o, k);
    if (dir > WCHG_SDP_INACTIVE)
      abort();
  }
  if (wchg_sdp_media_direction(o, o->media_count) != WCHG_SDP_INACTIVE)
    abort();
}

static bool same_str(wchg_str a, wchg_str b) {
  return a.ptr == b.ptr && a.len == b.len;
}

/* The strict body and the fixed-size result hold the same lines. */
static void same_as_fixed(const wchg_sdp_body *b, const wchg_sdp *o) {
  if (b->session_count != o->session_count || b->media_count != o->media_count)
    abort();
  for (size_t k = 0; k < o->session_count; k++)
    if (!same_str(b->lines[k], o->session[k]))
      abort();
  for (size_t m = 0; m < o->media_count; m++) {
    const wchg_sdp_component *c = &b->media[m];
    if (!same_str(c->media_name, o->media[m].media_name) || c->port != o->media[m].port ||
        c->line_count != o->media[m].line_count ||
        wchg_sdp_body_direction(b, m) != wchg_sdp_media_direction(o, m))
      abort();
    for (size_t k = 0; k < c->line_count; k++)
      if (!same_str(c->lines[k], o->media[m].lines[k]))
        abort();
  }
}

static void same_bodies(const wchg_sdp_body *a, const wchg_sdp_body *b) {
  if (a->session_count != b->session_count || a->media_count != b->media_count)
    abort();
  for (size_t k = 0; k < a->session_count; k++)
    if (!same_str(a->lines[k], b->lines[k]))
      abort();
  for (size_t m = 0; m < a->media_count; m++) {
    if (!same_str(a->media[m].media_name, b->media[m].media_name) ||
        a->media[m].line_count != b->media[m].line_count)
      abort();
    for (size_t k = 0; k < a->media[m].line_count; k++)
      if (!same_str(a->media[m].lines[k], b->media[m].lines[k]))
        abort();
  }
}

/* A received body: its lines kept as views and its components in order. */
static void received(const char *s, size_t size, const wchg_sdp_body *b, size_t max_media) {
  const char *last = s;
  if (b->media_count > max_media || b->media_count > b->media_cap)
    abort();
  for (size_t k = 0; k < b->session_count; k++) {
    kept(b->lines[k], s, size);
    if (b->lines[k].ptr < last)
      abort();
    last = b->lines[k].ptr + b->lines[k].len;
  }
  for (size_t m = 0; m < b->media_count; m++) {
    const wchg_sdp_component *c = &b->media[m];
    if (c->media_name.ptr) {
      kept(c->media_name, s, size);
      if (c->media_name.ptr[0] != 'm' || c->media_name.ptr < last)
        abort();
      last = c->media_name.ptr + c->media_name.len;
    }
    if (c->media.ptr)
      inside(c->media, c->media_name.ptr, c->media_name.len);
    for (size_t k = 0; k < c->line_count; k++) {
      kept(c->lines[k], s, size);
      if (c->lines[k].ptr < last)
        abort();
      last = c->lines[k].ptr + c->lines[k].len;
    }
    if ((unsigned)wchg_sdp_body_direction(b, m) > WCHG_SDP_INACTIVE)
      abort();
  }
}

static void check_warnings(const wchg_warnings *w, size_t size) {
  for (size_t k = 0; k < w->count && k < w->cap; k++) {
    const wchg_diag *d = &w->items[k];
    if (d->code >= 0 || d->result_code || strncmp(d->path, "SDP/SDP-", 8) ||
        strncmp(d->message, "line ", 5) || d->offset > size)
      abort();
  }
}

struct store {
  wchg_str *lines;
  wchg_sdp_component *media;
  wchg_sdp_body body;
};

static void store_init(struct store *st, const char *s, size_t size) {
  size_t l, m;
  wchg_sdp_body_size(s, size, &l, &m);
  st->lines = malloc((l ? l : 1) * sizeof *st->lines);
  st->media = malloc((m ? m : 1) * sizeof *st->media);
  if (!st->lines || !st->media)
    abort();
  st->body = (wchg_sdp_body){st->lines, l, st->media, m, 0, 0};
}

static void store_free(struct store *st) {
  free(st->lines);
  free(st->media);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static wchg_sdp o;
  const char *s = (const char *)data;
  struct store strict, recv;
  wchg_diag d, ds, dr, items[4];
  wchg_warnings w = {items, 4, 0};
  wchg_sdp_limits lim;
  wchg_status rc = wchg_sdp_parse(s, size, &o, &d), rs, rr;
  fixed(s, size, &o, rc, &d);

  store_init(&strict, s, size);
  store_init(&recv, s, size);
  rs = wchg_sdp_parse_body(s, size, NULL, WCHG_POLICY_STRICT, &strict.body, &w, &ds);
  if (rs == WCHG_E_BUFFER || w.count)
    abort();
  if (rs != WCHG_OK)
    check_diag(&ds, rs, size);
  /* the same answer, unless either met its bounds (fixed arrays; bytes) */
  if (rc != WCHG_E_LIMIT && rs != WCHG_E_LIMIT &&
      (rs != rc || strcmp(ds.path, d.path) || ds.offset != d.offset ||
       strcmp(ds.message, d.message)))
    abort();
  if (rc == WCHG_OK)
    same_as_fixed(&strict.body, &o);

  rr = wchg_sdp_parse_body(s, size, NULL, WCHG_POLICY_RECEIVE, &recv.body, &w, &dr);
  if (rr != WCHG_OK && rr != WCHG_E_LIMIT && rr != WCHG_E_MISSING)
    abort();
  if (rr != WCHG_OK)
    check_diag(&dr, rr, size);
  check_warnings(&w, size);
  if (rs == WCHG_OK && (rr != WCHG_OK || w.count))
    abort();
  if (rs == WCHG_OK)
    same_bodies(&strict.body, &recv.body);
  if (rs != WCHG_OK && rs != WCHG_E_LIMIT && !(rs == WCHG_E_MISSING && rr == WCHG_E_MISSING)) {
    /* strict failed on the grammar: receive read on, its first warning
     * being strict's diagnostic */
    if ((rr != WCHG_OK && rr != WCHG_E_LIMIT) || !w.count || items[0].code != rs ||
        strcmp(items[0].path, ds.path) || items[0].offset != ds.offset ||
        strcmp(items[0].message, ds.message))
      abort();
  }
  if (rr == WCHG_OK)
    received(s, size, &recv.body, WCHG_SDP_DEFAULT_MAX_MEDIA);

  /* limits from the input */
  lim.max_bytes = size > 1 ? size - (data[0] & 1) : 1;
  lim.max_media = 1 + (size ? data[size - 1] % 4 : 0);
  w.count = 0;
  rr = wchg_sdp_parse_body(s, size, &lim, WCHG_POLICY_RECEIVE, &recv.body, &w, &dr);
  if (size > lim.max_bytes &&
      (rr != WCHG_E_LIMIT || strcmp(dr.path, "SDP") || dr.offset != lim.max_bytes || w.count))
    abort();
  if (rr == WCHG_OK)
    received(s, size, &recv.body, lim.max_media);
  else if (rr != WCHG_E_LIMIT && rr != WCHG_E_MISSING)
    abort();
  store_free(&strict);
  store_free(&recv);
  return 0;
}
