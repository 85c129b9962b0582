/*
 * sip_sdp.c: SDP bodies (RFC 8866) split the way TS 32.299 charges them:
 * the session-level lines (SDP-Session-Description, one line each) and,
 * per m= line, the media component (SDP-Media-Name and its
 * SDP-Media-Description lines).
 *
 * Every line is checked ("<a..z>=<value>", no control character but HTAB,
 * valid UTF-8); m= lines are parsed; the rest of the grammar is left to
 * the SDP stacks that produced the body.
 */
#include <stdio.h>
#include <string.h>

#include "sip_lex.h"

#define ROOT "SDP"

struct sdp {
  const char *s;
  size_t n;
  wchg_diag *diag;
  wchg_sdp *out;
  size_t line_no;        /* of the line being read, from 1 */
  struct sip_where at[2];
  bool dir_seen;         /* a direction attribute at the current level */
};

static wchg_status fail(struct sdp *c, wchg_status code, size_t off, const char *fmt, ...)
    WCHG_PRINTF(4, 5);
static wchg_status fail(struct sdp *c, wchg_status code, size_t off, const char *fmt, ...) {
  char msg[sizeof c->diag->message];
  va_list ap;
  if (!c->diag)
    return code;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return wchg_sip_fail(c->diag, ROOT, c->at, code, off, "line %zu: %s", c->line_no, msg);
}

/* Point the path at where a line of type |type| goes. */
static void place(struct sdp *c, char type) {
  const wchg_sdp *o = c->out;
  struct sip_where *at = c->at;
  if (type == 'm' || o->media_count) {
    size_t i = o->media_count - (type == 'm' ? 0 : 1);
    at[0] = (struct sip_where){"SDP-Media-Component", i};
    at[1] = type == 'm' ? (struct sip_where){"SDP-Media-Name", SIP_NO_INDEX}
                        : (struct sip_where){"SDP-Media-Description", o->media[i].line_count};
  } else {
    at[0] = (struct sip_where){"SDP-Session-Description", o->session_count};
    at[1].name = NULL;
  }
}

/* The end of the line at |p| (*end, before CRLF or LF) and the start of
 * the next one (*next). */
static wchg_status line_end(struct sdp *c, size_t p, size_t *end, size_t *next) {
  for (size_t q = p; q < c->n; q++) {
    unsigned char ch = (unsigned char)c->s[q];
    if (ch == '\n' || (ch == '\r' && q + 1 < c->n && c->s[q + 1] == '\n')) {
      *end = q;
      *next = q + (ch == '\r' ? 2 : 1);
      return WCHG_OK;
    }
    if (ch == '\r')
      return fail(c, WCHG_E_ENCODING, q, "a CR not followed by LF");
    if ((ch < 0x20 && ch != '\t') || ch == 0x7F)
      return fail(c, WCHG_E_ENCODING, q, "control character 0x%02x", ch);
  }
  *end = *next = c->n;
  return WCHG_OK;
}

static int direction_of(wchg_str line) {
  static const char *const names[] = {"a=sendrecv", "a=sendonly", "a=recvonly",
                                      "a=inactive"};
  for (int d = 0; d < 4; d++)
    if (line.len == strlen(names[d]) && !memcmp(line.ptr, names[d], line.len))
      return d;
  return -1;
}

/* RFC 8866 token-char: %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 /
 * %x41-5A / %x5E-7E */
static bool is_sdp_token(char ch) {
  unsigned char u = (unsigned char)ch;
  return u == 0x21 || (u >= 0x23 && u <= 0x27) || u == 0x2A || u == 0x2B || u == 0x2D ||
         u == 0x2E || (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5A) ||
         (u >= 0x5E && u <= 0x7E);
}

/* Reading an m= line: [q, end) of the body. */
struct mline {
  struct sdp *c;
  size_t q, end;
};

static wchg_status m_expected(struct mline *m, const char *what) {
  if (m->q >= m->end)
    return fail(m->c, WCHG_E_ENCODING, m->q, "m= line: %s expected, found the end of the line",
                what);
  return fail(m->c, WCHG_E_ENCODING, m->q, "m= line: %s expected", what);
}

static wchg_status m_token(struct mline *m, wchg_str *out, const char *what) {
  size_t start = m->q;
  while (m->q < m->end && is_sdp_token(m->c->s[m->q]))
    m->q++;
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
      return fail(m->c, WCHG_E_RANGE, start, "m= line: the %s is above %u", what, (unsigned)max);
  }
  if (m->q == start)
    return m_expected(m, what);
  *out = v;
  return WCHG_OK;
}

/* <port>[/<number of ports>] */
static wchg_status m_port(struct mline *m, wchg_sdp_media *md) {
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
      return fail(m->c, WCHG_E_RANGE, at, "m= line: the number of ports is 0");
  }
  return WCHG_OK;
}

/* <proto>: token *("/" token) */
static wchg_status m_proto(struct mline *m, wchg_sdp_media *md) {
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
static wchg_status m_formats(struct mline *m, wchg_sdp_media *md) {
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
static wchg_status m_line(struct sdp *c, size_t p, size_t end, wchg_sdp_media *md) {
  struct mline m = {c, p + 2, end};
  wchg_status rc;
  if ((rc = m_token(&m, &md->media, "a media type")) ||
      (rc = m_space(&m, "a space and the port")) || (rc = m_port(&m, md)) ||
      (rc = m_space(&m, "a space and the protocol")) || (rc = m_proto(&m, md)))
    return rc;
  return m_formats(&m, md);
}

static wchg_status add_media(struct sdp *c, size_t p, wchg_str line) {
  wchg_sdp *o = c->out;
  wchg_sdp_media *md = &o->media[o->media_count];
  wchg_status rc;
  if (o->media_count == WCHG_SDP_MAX_MEDIA)
    return fail(c, WCHG_E_LIMIT, p, "more than %d media components", WCHG_SDP_MAX_MEDIA);
  if ((rc = m_line(c, p, p + line.len, md)))
    return rc;
  md->media_name = line;
  md->line_count = 0;
  o->media_count++;
  c->dir_seen = false;
  return WCHG_OK;
}

static wchg_status add_line(struct sdp *c, size_t p, wchg_str line) {
  wchg_sdp *o = c->out;
  if (direction_of(line) >= 0) {
    if (c->dir_seen)
      return fail(c, WCHG_E_DUPLICATE, p, "a second direction attribute");
    c->dir_seen = true;
  }
  if (!o->media_count) {
    if (o->session_count == WCHG_SDP_MAX_SESSION_LINES)
      return fail(c, WCHG_E_LIMIT, p, "more than %d session-level lines",
                  WCHG_SDP_MAX_SESSION_LINES);
    o->session[o->session_count++] = line;
    return WCHG_OK;
  }
  wchg_sdp_media *md = &o->media[o->media_count - 1];
  if (md->line_count == WCHG_SDP_MAX_MEDIA_LINES)
    return fail(c, WCHG_E_LIMIT, p, "more than %d lines in one media component",
                WCHG_SDP_MAX_MEDIA_LINES);
  md->lines[md->line_count++] = line;
  return WCHG_OK;
}

/* The form of the line [p, end): "<a..z>=", UTF-8, v=0 first and only. */
static wchg_status check_line(struct sdp *c, size_t p, size_t end) {
  const char *s = c->s + p;
  size_t bad;
  if (end == p)
    return fail(c, WCHG_E_ENCODING, p, "an empty line");
  if (s[0] < 'a' || s[0] > 'z')
    return fail(c, WCHG_E_ENCODING, p, "the type is not a lower-case letter");
  if (end - p < 2 || s[1] != '=')
    return fail(c, WCHG_E_ENCODING, p + 1, "'=' expected after the type");
  if (!wchg_utf8_valid(s, end - p, &bad))
    return fail(c, WCHG_E_UTF8, p + bad, "not valid UTF-8");
  if (c->line_no == 1 && s[0] != 'v')
    return fail(c, WCHG_E_MISSING, p, "the body does not start with v=");
  if (c->line_no == 1 && (end - p != 3 || s[2] != '0'))
    return fail(c, WCHG_E_RANGE, p + 2, "the version is not 0");
  if (c->line_no > 1 && s[0] == 'v')
    return fail(c, WCHG_E_DUPLICATE, p, "a second v= line");
  return WCHG_OK;
}

static wchg_status sdp_line(struct sdp *c, size_t p, size_t *next) {
  size_t end = p;
  wchg_status rc;
  place(c, c->line_no == 1 ? 'v' : c->s[p]);
  if ((rc = line_end(c, p, &end, next)) || (rc = check_line(c, p, end)))
    return rc;
  wchg_str line = {c->s + p, end - p};
  return line.ptr[0] == 'm' ? add_media(c, p, line) : add_line(c, p, line);
}

wchg_status wchg_sdp_parse(const char *body, size_t len, wchg_sdp *out, wchg_diag *diag) {
  struct sdp c = {body, len, diag, out, 1, {{NULL, 0}, {NULL, 0}}, false};
  wchg_status rc;
  wchg_diag_clear(diag);
  if (!out || (!body && len))
    return wchg_sip_arg(diag);
  out->session_count = out->media_count = 0;
  if (!len) {
    place(&c, 'v');
    return fail(&c, WCHG_E_MISSING, 0, "the body is empty");
  }
  for (size_t p = 0, next = 0; p < len; p = next, c.line_no++)
    if ((rc = sdp_line(&c, p, &next)))
      return rc;
  return WCHG_OK;
}

wchg_sdp_direction wchg_sdp_media_direction(const wchg_sdp *sdp, size_t i) {
  int d = -1;
  if (!sdp || i >= sdp->media_count)
    return WCHG_SDP_INACTIVE;
  const wchg_sdp_media *md = &sdp->media[i];
  for (size_t k = 0; d < 0 && k < md->line_count; k++)
    d = direction_of(md->lines[k]);
  for (size_t k = 0; d < 0 && k < sdp->session_count; k++)
    d = direction_of(sdp->session[k]);
  return d < 0 ? WCHG_SDP_SENDRECV : (wchg_sdp_direction)d;
}
