/*
 * sip_sdp.c: SDP bodies (RFC 8866) split the way TS 32.299 charges them:
 * the session-level lines (SDP-Session-Description, one line each) and,
 * per m= line, the media component (SDP-Media-Name and its
 * SDP-Media-Description lines).
 *
 * Every line is checked ("<a..z>=<value>", no control character but HTAB,
 * valid UTF-8); m= lines are parsed; the rest of the grammar is left to
 * the SDP stacks that produced the body. One reader serves both results:
 * the fixed-size wchg_sdp (strict, its array bounds) and the wchg_sdp_body
 * in the caller's storage (host limits, strict or receive policy).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "sip/sip_lex.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define ROOT "SDP"

struct sdp {
  const char *s;
  size_t n;
  wchg_diag *diag;
  wchg_warnings *warn;
  bool receive;          /* a problem of one line is a warning */
  bool stop;             /* a problem went to |diag|: stop reading */
  wchg_sdp *fixed;       /* the result: one of these two */
  wchg_sdp_body *body;
  size_t max_media, max_session_lines, max_media_lines;
  size_t line_no;        /* of the line being read, from 1 */
  size_t session_count, media_count, media_lines, stored;
  struct sip_where at[2];
  bool dir_seen;         /* a direction attribute at the current level */
  bool ascii;            /* the line read has no octet >= 0x80 */
};

/* A problem at |off|: |fatal| ones (the limits, the storage) stop both
 * policies; a problem of one line stops strict (c->stop) and is a
 * warning in receive, which reads on. Returns |code| either way. */
static wchg_status report(struct sdp *c, bool fatal, wchg_status code, size_t off,
                          const char *fmt, ...) WCHG_PRINTF(5, 6);
static wchg_status report(struct sdp *c, bool fatal, wchg_status code, size_t off,
                          const char *fmt, ...) {
  char msg[sizeof c->diag->message];
  wchg_diag w;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (fatal || !c->receive) {
    c->stop = true;
    return wchgi_sip_fail(c->diag, ROOT, c->at, code, off, "line %zu: %s", c->line_no, msg);
  }
  w.code = WCHG_OK;
  wchgi_sip_fail(&w, ROOT, c->at, code, off, "line %zu: %s", c->line_no, msg);
  wchgi_warn(c->warn, code, 0, off, w.path, "%s", w.message);
  return code;
}
#define fail(c, ...) report(c, true, __VA_ARGS__)
#define problem(c, ...) report(c, false, __VA_ARGS__)

/* Point the path at where a line of type |type| goes. */
static void place(struct sdp *c, char type) {
  struct sip_where *at = c->at;
  if (type == 'm' || c->media_count) {
    size_t i = c->media_count - (type == 'm' ? 0 : 1);
    at[0] = (struct sip_where){"SDP-Media-Component", i};
    at[1] = type == 'm' ? (struct sip_where){"SDP-Media-Name", SIP_NO_INDEX}
                        : (struct sip_where){"SDP-Media-Description", c->media_lines};
  } else {
    at[0] = (struct sip_where){"SDP-Session-Description", c->session_count};
    at[1].name = NULL;
  }
}

/* The first octet of |s| (|n|) from |p| on that is a control character
 * (0x00..0x1F, 0x7F), or |n|; eight at a time, the first one of eight
 * found by its bit where the octet order allows. *high gets the octets
 * >= 0x80 seen (a few past the one found too: only ever too many). */
static size_t skip_plain(const char *s, size_t p, size_t n, uint64_t *high) {
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
#if defined(__SSE2__) && defined(__GNUC__)
  for (; p + 16 <= n; p += 16) { /* sixteen at a time: <= 0x1F, == 0x7F, >= 0x80 */
    __m128i v = _mm_loadu_si128((const __m128i *)(s + p));
    unsigned ctl = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
    if (_mm_movemask_epi8(v))
      *high |= highs;
    if (ctl)
      return p + (size_t)__builtin_ctz(ctl);
  }
#endif
  for (; p + 8 <= n; p += 8) {
    uint64_t w, del, hit;
    memcpy(&w, s + p, 8);
    *high |= w;
    del = w ^ 0x7F7F7F7F7F7F7F7Fu; /* a zero octet where w has 0x7F */
    hit = ((w - 0x20 * ones) & ~w & highs) | ((del - ones) & ~del & highs);
    if (hit) { /* exact in its lowest octet: a borrow only runs upwards */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      return p + (size_t)__builtin_ctzll(hit) / 8;
#else
      break;
#endif
    }
  }
  for (; p < n; p++) {
    *high |= (unsigned char)s[p];
    if ((unsigned char)s[p] < 0x20 || s[p] == 0x7F)
      return p;
  }
  return n;
}

/* The end of the line at |p| (*end, before CRLF or LF) and the start of
 * the next one (*next); a control character or lone CR is the line's
 * problem (the first one only). c->ascii: no octet >= 0x80 in it. */
static wchg_status line_end(struct sdp *c, size_t p, size_t *end, size_t *next) {
  wchg_status rc = WCHG_OK;
  uint64_t high = 0;
  for (size_t q = p; (q = skip_plain(c->s, q, c->n, &high)) < c->n; q++) {
    unsigned char ch = (unsigned char)c->s[q];
    c->ascii = !(high & 0x8080808080808080u);
    if (ch == '\n' || (ch == '\r' && q + 1 < c->n && c->s[q + 1] == '\n')) {
      *end = q;
      *next = q + (ch == '\r' ? 2 : 1);
      return rc;
    }
    if (ch == '\t' || rc != WCHG_OK)
      continue;
    if (ch == '\r')
      rc = problem(c, WCHG_E_ENCODING, q, "a CR not followed by LF");
    else
      rc = problem(c, WCHG_E_ENCODING, q, "control character 0x%02x", ch);
    if (c->stop)
      return rc;
  }
  c->ascii = !(high & 0x8080808080808080u);
  *end = *next = c->n;
  return rc;
}

/* WCHG_SDP_SENDRECV.. for "a=sendrecv".., else -1. */
static int direction_of(wchg_str line) {
  static const char names[4][11] = {"a=sendrecv", "a=sendonly", "a=recvonly", "a=inactive"};
  if (line.len != 10 || line.ptr[0] != 'a')
    return -1;
  for (int d = 0; d < 4; d++)
    if (!memcmp(line.ptr, names[d], 10))
      return d;
  return -1;
}

/* The first direction attribute of |lines|, or -1. */
static int direction_in(const wchg_str *lines, size_t n) {
  int d = -1;
  for (size_t k = 0; d < 0 && k < n; k++)
    d = direction_of(lines[k]);
  return d;
}

/* RFC 8866 token-char (sip_lex.h). */
static bool is_sdp_token(char ch) { return wchgi_sip_class[(unsigned char)ch] & SDP_TOKEN; }

/* Reading an m= line: [q, end) of the body. */
struct mline {
  struct sdp *c;
  size_t q, end;
};

static wchg_status m_expected(struct mline *m, const char *what) {
  if (m->q >= m->end)
    return problem(m->c, WCHG_E_ENCODING, m->q,
                   "m= line: %s expected, found the end of the line", what);
  return problem(m->c, WCHG_E_ENCODING, m->q, "m= line: %s expected", what);
}

static wchg_status m_token(struct mline *m, wchg_str *out, const char *what) {
  size_t start = m->q, q = start;
  while (q < m->end && is_sdp_token(m->c->s[q])) /* q local: no store per octet */
    q++;
  m->q = q;
  if (m->q == start)
    return m_expected(m, what);
  out->ptr = m->c->s + start;
  out->len = m->q - start;
  return WCHG_OK;
}

static wchg_status m_space(struct mline *m, const char *what) {
  if (m->q >= m->end || m->c->s[m->q] != ' ')
    return m_expected(m, what);
  m->q++;
  return WCHG_OK;
}

/* 1*DIGIT up to |max|. */
static wchg_status m_number(struct mline *m, uint32_t max, uint32_t *out, const char *what) {
  size_t start = m->q;
  uint32_t v = 0;
  for (; m->q < m->end && m->c->s[m->q] >= '0' && m->c->s[m->q] <= '9'; m->q++) {
    v = v * 10 + (uint32_t)(m->c->s[m->q] - '0');
    if (v > max)
      return problem(m->c, WCHG_E_RANGE, start, "m= line: the %s is above %u", what,
                     (unsigned)max);
  }
  if (m->q == start)
    return m_expected(m, what);
  *out = v;
  return WCHG_OK;
}

/* <port>[/<number of ports>] */
static wchg_status m_port(struct mline *m, wchg_sdp_component *md) {
  uint32_t port;
  wchg_status rc = m_number(m, 65535, &port, "port");
  if (rc)
    return rc;
  md->port = (uint16_t)port;
  md->port_count = 1;
  if (m->q < m->end && m->c->s[m->q] == '/') {
    m->q++;
    size_t at = m->q;
    if ((rc = m_number(m, 65535, &md->port_count, "number of ports")))
      return rc;
    if (md->port_count == 0)
      return problem(m->c, WCHG_E_RANGE, at, "m= line: the number of ports is 0");
  }
  return WCHG_OK;
}

/* <proto>: token *("/" token) */
static wchg_status m_proto(struct mline *m, wchg_sdp_component *md) {
  size_t start = m->q;
  wchg_str part;
  wchg_status rc;
  while (!(rc = m_token(m, &part, "a transport protocol")) && m->q < m->end &&
         m->c->s[m->q] == '/')
    m->q++;
  md->proto.ptr = m->c->s + start;
  md->proto.len = m->q - start;
  return rc;
}

/* 1*(SP <fmt>) to the end of the line. */
static wchg_status m_formats(struct mline *m, wchg_sdp_component *md) {
  wchg_str fmt;
  wchg_status rc;
  size_t start = m->q + 1;
  md->format_count = 0;
  do {
    if ((rc = m_space(m, "a space and a format")) || (rc = m_token(m, &fmt, "a format")))
      return rc;
    md->format_count++;
  } while (m->q < m->end);
  md->formats.ptr = m->c->s + start;
  md->formats.len = m->end - start;
  return WCHG_OK;
}

/* m=<media> <port>[/<number>] <proto> <fmt> ... */
static wchg_status m_line(struct sdp *c, size_t p, size_t end, wchg_sdp_component *md) {
  struct mline m = {c, p + 2, end};
  wchg_status rc;
  if ((rc = m_token(&m, &md->media, "a media type")) ||
      (rc = m_space(&m, "a space and the port")) || (rc = m_port(&m, md)) ||
      (rc = m_space(&m, "a space and the protocol")) || (rc = m_proto(&m, md)))
    return rc;
  return m_formats(&m, md);
}

/* ---- storing: the fixed wchg_sdp or the caller's storage ---------------- */

static void store_media(struct sdp *c, const wchg_sdp_component *m) {
  if (c->fixed) {
    wchg_sdp_media *md = &c->fixed->media[c->media_count];
    md->media_name = m->media_name;
    md->media = m->media;
    md->port = m->port;
    md->port_count = m->port_count;
    md->proto = m->proto;
    md->formats = m->formats;
    md->format_count = m->format_count;
    md->line_count = 0;
    c->fixed->media_count = c->media_count + 1;
  } else {
    wchg_sdp_component *md = &c->body->media[c->media_count];
    *md = *m;
    md->lines = c->body->lines + c->stored;
    md->line_count = 0;
    c->body->media_count = c->media_count + 1;
  }
}

static void store_line(struct sdp *c, wchg_str line) {
  if (c->fixed && !c->media_count) {
    c->fixed->session[c->fixed->session_count++] = line;
  } else if (c->fixed) {
    wchg_sdp_media *md = &c->fixed->media[c->media_count - 1];
    md->lines[md->line_count++] = line;
  } else {
    c->body->lines[c->stored] = line;
    if (c->media_count)
      c->body->media[c->media_count - 1].line_count++;
    else
      c->body->session_count++;
  }
}

/* Room for one more line of the storage (the fixed arrays' bounds are
 * checked by the callers). */
static wchg_status room(struct sdp *c, size_t p, bool media) {
  if (c->fixed)
    return WCHG_OK;
  if (media ? c->media_count == c->body->media_cap : c->stored == c->body->line_cap)
    return fail(c, WCHG_E_BUFFER, p, "the storage holds %zu %s", media ? c->body->media_cap
                                                                        : c->body->line_cap,
                media ? "media components" : "lines");
  return WCHG_OK;
}

/* An m= line; |text|: it is UTF-8 (receive reads on after a problem). */
static wchg_status add_media(struct sdp *c, size_t p, wchg_str line, bool text) {
  wchg_sdp_component md;
  wchg_status rc;
  memset(&md, 0, sizeof md);
  if (c->media_count == c->max_media)
    return fail(c, WCHG_E_LIMIT, p, "more than %zu media components", c->max_media);
  if ((rc = room(c, p, true)))
    return rc;
  /* receive: the fields of an "m" line without '=' are not read */
  if (text && line.len >= 2 && line.ptr[1] == '=' && (rc = m_line(c, p, p + line.len, &md))) {
    if (c->stop)
      return rc;
    memset(&md, 0, sizeof md); /* receive: the fields of a line that does not parse */
  }
  if (text)
    md.media_name = line;
  store_media(c, &md);
  c->media_count++;
  c->media_lines = 0;
  c->dir_seen = false;
  return WCHG_OK;
}

static wchg_status add_line(struct sdp *c, size_t p, wchg_str line) {
  wchg_status rc;
  if (direction_of(line) >= 0) {
    if (c->dir_seen && (rc = problem(c, WCHG_E_DUPLICATE, p, "a second direction attribute")) &&
        c->stop)
      return rc;
    c->dir_seen = true;
  }
  if (!c->media_count && c->session_count == c->max_session_lines)
    return fail(c, WCHG_E_LIMIT, p, "more than %zu session-level lines", c->max_session_lines);
  if (c->media_count && c->media_lines == c->max_media_lines)
    return fail(c, WCHG_E_LIMIT, p, "more than %zu lines in one media component",
                c->max_media_lines);
  if ((rc = room(c, p, false)))
    return rc;
  store_line(c, line);
  c->stored++;
  if (c->media_count)
    c->media_lines++;
  else
    c->session_count++;
  return WCHG_OK;
}

/* The form of the line [p, end): "<a..z>=", UTF-8, v=0 first and only. */
static wchg_status check_line(struct sdp *c, size_t p, size_t end) {
  const char *s = c->s + p;
  size_t bad;
  if (end == p)
    return problem(c, WCHG_E_ENCODING, p, "an empty line");
  if (s[0] < 'a' || s[0] > 'z')
    return problem(c, WCHG_E_ENCODING, p, "the type is not a lower-case letter");
  if (end - p < 2 || s[1] != '=')
    return problem(c, WCHG_E_ENCODING, p + 1, "'=' expected after the type");
  if (!c->ascii && !wchgi_utf8_valid(s, end - p, &bad))
    return problem(c, WCHG_E_UTF8, p + bad, "not valid UTF-8");
  if (c->line_no == 1 && s[0] != 'v')
    return problem(c, WCHG_E_MISSING, p, "the body does not start with v=");
  if (c->line_no == 1 && (end - p != 3 || s[2] != '0'))
    return problem(c, WCHG_E_RANGE, p + 2, "the version is not 0");
  if (c->line_no > 1 && s[0] == 'v')
    return problem(c, WCHG_E_DUPLICATE, p, "a second v= line");
  return WCHG_OK;
}

static wchg_status sdp_line(struct sdp *c, size_t p, size_t *next) {
  size_t end = p, bad;
  wchg_status rc;
  bool text = true;
  place(c, c->line_no == 1 ? 'v' : c->s[p]);
  if ((rc = line_end(c, p, &end, next)) && c->stop)
    return rc;
  if ((rc = check_line(c, p, end)) && c->stop)
    return rc;
  wchg_str line = {c->s + p, end - p};
  if (!line.len)
    return WCHG_OK; /* receive: an empty line is left out */
  if (rc == WCHG_E_UTF8)
    text = false;
  else if (rc && !wchgi_utf8_valid(line.ptr, line.len, &bad))
    text = !problem(c, WCHG_E_UTF8, p + bad, "not valid UTF-8");
  if (c->line_no == 1) /* placed as v= above; receive reads on with its type */
    place(c, line.ptr[0]);
  if (line.ptr[0] == 'm')
    return add_media(c, p, line, text);
  return text ? add_line(c, p, line) : WCHG_OK; /* receive: not UTF-8, left out */
}

/* The length of |s| without its trailing empty lines: a body may end with
 * CRLF CRLF, counted in its Content-Length (RFC 3261 §20.14). */
static size_t without_trailing_empty(const char *s, size_t n) {
  for (;;) {
    size_t u = n;
    if (!u || s[u - 1] != '\n')
      return n;
    u--;
    if (u && s[u - 1] == '\r')
      u--;
    if (!u || s[u - 1] != '\n')
      return n; /* the last line ending at |u| is not empty */
    n = u;
  }
}

static wchg_status read_body(struct sdp *c) {
  wchg_status rc;
  c->n = without_trailing_empty(c->s, c->n);
  if (!c->n) {
    place(c, 'v');
    return fail(c, WCHG_E_MISSING, 0, "the body is empty");
  }
  for (size_t p = 0, next = 0; p < c->n; p = next, c->line_no++)
    if ((rc = sdp_line(c, p, &next)) && c->stop)
      return rc;
  return WCHG_OK;
}

/* The reader's state at the first line of |body|. */
static void sdp_begin(struct sdp *c, const char *body, size_t len, wchg_diag *diag) {
  memset(c, 0, sizeof *c);
  c->s = body;
  c->n = len;
  c->diag = diag;
  c->line_no = 1;
}

wchg_status wchg_sdp_parse(const char *body, size_t len, wchg_sdp *out, wchg_diag *diag) {
  struct sdp c;
  wchgi_diag_clear(diag);
  if (!out || (!body && len))
    return wchgi_sip_arg(diag);
  sdp_begin(&c, body, len, diag);
  c.fixed = out;
  c.max_media = WCHG_SDP_MAX_MEDIA;
  c.max_session_lines = WCHG_SDP_MAX_SESSION_LINES;
  c.max_media_lines = WCHG_SDP_MAX_MEDIA_LINES;
  out->session_count = out->media_count = 0;
  return read_body(&c);
}

void wchg_sdp_body_size(const char *body, size_t len, size_t *lines, size_t *media) {
  size_t l = 0, m = 0;
  if (body && len) {
    l = 1;
    m = body[0] == 'm';
    for (const char *p = body, *end = body + len; (p = memchr(p, '\n', (size_t)(end - p)));) {
      l++;
      if (++p < end && *p == 'm')
        m++;
    }
  }
  if (lines)
    *lines = l;
  if (media)
    *media = m;
}

wchg_status wchg_sdp_parse_body(const char *body, size_t len, const wchg_sdp_limits *limits,
                                wchg_policy policy, wchg_sdp_body *out,
                                wchg_warnings *warnings, wchg_diag *diag) {
  struct sdp c;
  size_t max_bytes = limits && limits->max_bytes ? limits->max_bytes
                                                 : WCHG_SDP_DEFAULT_MAX_BYTES;
  wchgi_diag_clear(diag);
  if (!out || (!body && len) || (!out->lines && out->line_cap) ||
      (!out->media && out->media_cap))
    return wchgi_sip_arg(diag);
  sdp_begin(&c, body, len, diag);
  c.warn = warnings;
  c.receive = policy != WCHG_POLICY_STRICT;
  c.body = out;
  c.max_media = limits && limits->max_media ? limits->max_media : WCHG_SDP_DEFAULT_MAX_MEDIA;
  c.max_session_lines = c.max_media_lines = SIZE_MAX;
  out->session_count = out->media_count = 0;
  if (len > max_bytes)
    return wchgi_sip_fail(diag, ROOT, c.at, WCHG_E_LIMIT, max_bytes,
                         "the body is %zu bytes, over the limit of %zu", len, max_bytes);
  return read_body(&c);
}

/* A media's attribute, else the session's, else sendrecv (RFC 8866 §6.7). */
static wchg_sdp_direction media_or_session(const wchg_str *media, size_t nmedia,
                                           const wchg_str *session, size_t nsession) {
  int d = direction_in(media, nmedia);
  if (d < 0)
    d = direction_in(session, nsession);
  return d < 0 ? WCHG_SDP_SENDRECV : (wchg_sdp_direction)d;
}

wchg_sdp_direction wchg_sdp_media_direction(const wchg_sdp *sdp, size_t i) {
  if (!sdp || i >= sdp->media_count)
    return WCHG_SDP_INACTIVE;
  return media_or_session(sdp->media[i].lines, sdp->media[i].line_count, sdp->session,
                          sdp->session_count);
}

wchg_sdp_direction wchg_sdp_body_direction(const wchg_sdp_body *sdp, size_t i) {
  if (!sdp || i >= sdp->media_count)
    return WCHG_SDP_INACTIVE;
  return media_or_session(sdp->media[i].lines, sdp->media[i].line_count, sdp->lines,
                          sdp->session_count);
}
