/*
 * sip_lex.c: the lexer shared by the SIP header parsers (RFC 3261 §25.1) and
 * the public helpers wchg_sip_unquote() and wchg_sip_param_find().
 *
 * The lexer never copies: tokens and quoted-strings come out as views into
 * the header value. Paths for diagnostics are built only when an error is
 * reported, so a successful parse does no string formatting.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "sip/sip_lex.h"

static wchg_status sip_vfail(wchg_diag *diag, const char *root, const struct sip_where at[2],
                             wchg_status code, size_t offset, const char *fmt, va_list ap)
    WCHG_PRINTF(6, 0);
static wchg_status sip_vfail(wchg_diag *diag, const char *root, const struct sip_where at[2],
                             wchg_status code, size_t offset, const char *fmt, va_list ap) {
  struct wpath path;
  if (!diag || diag->code != WCHG_OK)
    return code;
  wpath_init(&path, root);
  for (int k = 0; k < 2 && at[k].name; k++) {
    wpath_push(&path, at[k].name);
    if (at[k].index != SIP_NO_INDEX)
      wpath_index(&path, at[k].index);
  }
  wchgi_diag_vset(diag, code, 0, offset, &path, fmt, ap);
  return code;
}

wchg_status wchgi_sip_fail(wchg_diag *diag, const char *root, const struct sip_where at[2],
                          wchg_status code, size_t offset, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sip_vfail(diag, root, at, code, offset, fmt, ap);
  va_end(ap);
  return code;
}

void wchgi_sip_lex_init(struct sip_lex *x, const char *s, size_t n, const char *root,
                       wchg_diag *diag) {
  x->s = s;
  x->n = n;
  x->i = 0;
  x->diag = diag;
  x->root = root;
  x->at[0].name = x->at[1].name = NULL;
}

wchg_status wchgi_sip_err(struct sip_lex *x, wchg_status code, size_t offset,
                         const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sip_vfail(x->diag, x->root, x->at, code, offset, fmt, ap);
  va_end(ap);
  return code;
}

wchg_status wchgi_sip_expected(struct sip_lex *x, const char *what) {
  unsigned char c;
  if (sip_eof(x))
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i, "%s expected, found the end of the value",
                        what);
  c = (unsigned char)x->s[x->i];
  if (c == '\r' || c == '\n')
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i,
                        "%s expected, found a line break that is not line folding", what);
  if (c > 0x20 && c < 0x7F)
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i, "%s expected, found '%c'", what, c);
  return wchgi_sip_err(x, WCHG_E_ENCODING, x->i, "%s expected, found byte 0x%02x", what, c);
}

static bool is_wsp(char c) { return c == ' ' || c == '\t'; }

/* Line folding at p: CRLF followed by SP or HTAB. */
static bool is_fold(const char *p, size_t left) {
  return left >= 3 && p[0] == '\r' && p[1] == '\n' && is_wsp(p[2]);
}

bool wchgi_sip_sws(struct sip_lex *x) {
  size_t start = x->i;
  for (;;) {
    if (x->i < x->n && is_wsp(x->s[x->i]))
      x->i++;
    else if (x->i < x->n && is_fold(x->s + x->i, x->n - x->i))
      x->i += 3;
    else
      return x->i != start;
  }
}

/* The classes of each octet (sip_lex.h): SIP_TOKEN the token characters
 * alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"
 * (RFC 3261 §25.1); SDP_TOKEN token-char %x21 / %x23-27 / %x2A-2B /
 * %x2D-2E / %x30-39 / %x41-5A / %x5E-7E (RFC 8866 §9); SIP_QDPLAIN
 * 0x20..0xFF but 0x7F, DQUOTE and backslash. */
const uint8_t wchgi_sip_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    4, 7, 0, 6, 6, 7, 6, 7, 4, 4, 7, 7, 4, 7, 7, 4,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 4, 4, 4, 4, 4, 4,
    4, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 4, 0, 4, 6, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 6, 6, 7, 0,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

WCHG_INLINE bool is_token(unsigned char c) { return wchgi_sip_class[c] & SIP_TOKEN; }

bool wchgi_sip_is_token_char(unsigned char c) { return is_token(c); }

wchg_status wchgi_sip_token(struct sip_lex *x, wchg_str *out, const char *what) {
  size_t start = x->i, i = start;
  while (i < x->n && is_token((unsigned char)x->s[i])) /* i local: no store per octet */
    i++;
  x->i = i;
  if (i == start)
    return wchgi_sip_expected(x, what);
  out->ptr = x->s + start;
  out->len = x->i - start;
  return WCHG_OK;
}

/* The quoted-pair at x->i ('\\'): the escaped octet must be US-ASCII and
 * not a control character other than HTAB (stricter than RFC 3261, which
 * would let "\" escape NUL). */
static wchg_status quoted_pair(struct sip_lex *x) {
  if (x->n - x->i < 2)
    return wchgi_sip_err(x, WCHG_E_TRUNCATED, x->i, "the value ends after a backslash");
  unsigned char c = (unsigned char)x->s[x->i + 1];
  if (c >= 0x80)
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i,
                        "a backslash may only escape a US-ASCII character");
  if ((c < 0x20 && c != '\t') || c == 0x7F)
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i,
                        "a backslash escapes the control character 0x%02x", c);
  x->i += 2;
  return WCHG_OK;
}

/* One step inside a quoted string at x->i (not the closing quote). */
static wchg_status qd_step(struct sip_lex *x, wchg_sip_value *out) {
  unsigned char c = (unsigned char)x->s[x->i];
  if (c == '\\') {
    out->escaped = true;
    return quoted_pair(x);
  }
  if (c == '\r' && is_fold(x->s + x->i, x->n - x->i)) {
    out->escaped = true;
    x->i += 3;
    return WCHG_OK;
  }
  if (c == '\r' || c == '\n')
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i,
                        "a line break that is not line folding in a quoted string");
  if ((c < 0x20 && c != '\t') || c == 0x7F)
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i,
                        "control character 0x%02x in a quoted string", c);
  x->i++;
  return WCHG_OK;
}

wchg_status wchgi_sip_quoted(struct sip_lex *x, wchg_sip_value *out) {
  size_t open = x->i++, bad;
  wchg_status rc;
  out->quoted = true;
  out->escaped = false;
  while (x->i < x->n && x->s[x->i] != '"') {
    size_t i = x->i; /* qdtext: no check left, i local */
    while (i < x->n && (wchgi_sip_class[(unsigned char)x->s[i]] & SIP_QDPLAIN))
      i++;
    x->i = i;
    if (i < x->n && x->s[i] != '"' && (rc = qd_step(x, out)))
      return rc;
  }
  if (sip_eof(x))
    return wchgi_sip_err(x, WCHG_E_TRUNCATED, open,
                        "the quoted string opened here is not closed");
  out->raw.ptr = x->s + open + 1;
  out->raw.len = x->i - open - 1;
  x->i++;
  if (!wchgi_utf8_valid(out->raw.ptr, out->raw.len, &bad))
    return wchgi_sip_err(x, WCHG_E_UTF8, open + 1 + bad,
                        "the quoted string is not valid UTF-8");
  return WCHG_OK;
}

static bool is_ipv6_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
         c == ':' || c == '.';
}

/* IPv6reference = "[" IPv6address "]": the characters are checked, not
 * the groups. */
static wchg_status ipv6_reference(struct sip_lex *x, wchg_sip_value *out) {
  size_t start = x->i++;
  while (x->i < x->n && is_ipv6_char(x->s[x->i]))
    x->i++;
  if (x->i == start + 1 || sip_eof(x) || x->s[x->i] != ']')
    return wchgi_sip_expected(x, "an IPv6 address closed by ']'");
  x->i++;
  out->raw.ptr = x->s + start;
  out->raw.len = x->i - start;
  out->quoted = out->escaped = false;
  return WCHG_OK;
}

wchg_status wchgi_sip_gen_value(struct sip_lex *x, bool host, wchg_sip_value *out) {
  if (!sip_eof(x) && x->s[x->i] == '"')
    return wchgi_sip_quoted(x, out);
  if (host && !sip_eof(x) && x->s[x->i] == '[')
    return ipv6_reference(x, out);
  out->quoted = out->escaped = false;
  return wchgi_sip_token(x, &out->raw, "a token or a quoted string");
}

wchg_status wchgi_sip_req_value(struct sip_lex *x, bool host, wchg_sip_value *out) {
  wchgi_sip_sws(x);
  if (sip_eof(x) || x->s[x->i] != '=')
    return wchgi_sip_expected(x, "'=' and a value");
  x->i++;
  wchgi_sip_sws(x);
  return wchgi_sip_gen_value(x, host, out);
}

wchg_status wchgi_sip_opt_value(struct sip_lex *x, bool host, wchg_sip_value *out) {
  size_t save = x->i;
  wchgi_sip_sws(x);
  if (sip_eof(x) || x->s[x->i] != '=') {
    *out = (wchg_sip_value){{NULL, 0}, false, false};
    x->i = save;
    return WCHG_OK;
  }
  return wchgi_sip_req_value(x, host, out);
}

int wchgi_sip_next(struct sip_lex *x, char sep) {
  char what[40];
  wchgi_sip_sws(x);
  if (sip_eof(x))
    return 0;
  if (x->s[x->i] == sep) {
    x->i++;
    wchgi_sip_sws(x);
    return 1;
  }
  snprintf(what, sizeof what, "'%c' or the end of the value", sep);
  return wchgi_sip_expected(x, what);
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* |n| bytes at |a| and |b| equal ignoring ASCII case? */
static bool ieq(const char *a, const char *b, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (lower(a[k]) != lower(b[k]))
      return false;
  return true;
}

bool wchgi_sip_name_eq(wchg_str s, const char *lit) {
  size_t n = strlen(lit);
  return s.len == n && ieq(s.ptr, lit, n);
}

bool wchgi_sip_name_eqn(wchg_str s, const char *lit, size_t n) {
  if (s.len != n || (n && lower(s.ptr[0]) != lit[0]))
    return false;
  for (size_t k = 1; k < n; k++)
    if (lower(s.ptr[k]) != lit[k])
      return false;
  return true;
}

bool wchgi_sip_is_host(const wchg_sip_value *v) {
  if (v->quoted || !v->raw.len)
    return false;
  if (v->raw.ptr[0] == '[')
    return true; /* checked by ipv6_reference() */
  for (size_t k = 0; k < v->raw.len; k++) {
    char c = v->raw.ptr[k];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '.'))
      return false;
  }
  return true;
}

bool wchgi_sip_param_has(const wchg_sip_param *p, size_t n, wchg_str name) {
  for (size_t k = 0; k < n; k++)
    if (p[k].name.len == name.len && ieq(p[k].name.ptr, name.ptr, name.len))
      return true;
  return false;
}

wchg_status wchgi_sip_begin(struct sip_lex *x, const void *out, const char *s, size_t n,
                            const char *root, wchg_diag *diag) {
  wchgi_diag_clear(diag);
  if (!out || (!s && n))
    return wchgi_sip_arg(diag);
  wchgi_sip_lex_init(x, s, n, root, diag);
  return WCHG_OK;
}

wchg_status wchgi_sip_param_name(struct sip_lex *x, wchg_str *name) {
  sip_at(x, 0, NULL, SIP_NO_INDEX);
  return wchgi_sip_token(x, name, "a parameter name");
}

wchg_status wchgi_sip_field_slot(struct sip_lex *x, void *out, size_t off, const char *field,
                                 wchg_str name, wchg_sip_value **slot) {
  sip_at(x, 0, field, SIP_NO_INDEX);
  *slot = (wchg_sip_value *)((char *)out + off);
  if ((*slot)->raw.ptr)
    return wchgi_sip_err(x, WCHG_E_DUPLICATE, sip_off(x, name.ptr), "%s is given twice", field);
  return WCHG_OK;
}

wchg_status wchgi_sip_param_slot(struct sip_lex *x, wchg_sip_param *params, size_t count,
                                 const char *what, wchg_str name, wchg_sip_param **slot) {
  size_t at = sip_off(x, name.ptr);
  sip_at(x, 0, what, count);
  if (count == WCHG_SIP_MAX_PARAMS)
    return wchgi_sip_err(x, WCHG_E_LIMIT, at, "more than %d other parameters",
                         WCHG_SIP_MAX_PARAMS);
  if (wchgi_sip_param_has(params, count, name))
    return wchgi_sip_err(x, WCHG_E_DUPLICATE, at, "a parameter is given twice");
  *slot = &params[count];
  **slot = (wchg_sip_param){.name = name}; /* the whole slot: no "=value" is no value */
  return WCHG_OK;
}

wchg_status wchgi_sip_arg(wchg_diag *diag) {
  wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL,
                "the output is NULL, or the input is NULL with a length");
  return WCHG_E_ARG;
}

/* ---- public helpers ------------------------------------------------------ */

const wchg_sip_param *wchg_sip_param_find(const wchg_sip_param *params, size_t count,
                                          const char *name) {
  if (!params || !name)
    return NULL;
  for (size_t k = 0; k < count; k++)
    if (params[k].name.ptr && wchgi_sip_name_eq(params[k].name, name))
      return &params[k];
  return NULL;
}

/* Length of the line folding at p (CRLF and the SP/HTAB after it), or 0. */
static size_t fold_len(const char *p, size_t left) {
  size_t k = 2;
  if (!is_fold(p, left))
    return 0;
  while (k < left && is_wsp(p[k]))
    k++;
  return k;
}

wchg_status wchg_sip_unquote(wchg_str raw, char *buf, size_t cap, size_t *len) {
  size_t k = 0, out = 0;
  if (!len || (!raw.ptr && raw.len) || (!buf && cap))
    return WCHG_E_ARG;
  while (k < raw.len) {
    char c = raw.ptr[k];
    size_t f;
    if (c == '\\') {
      if (k + 1 >= raw.len)
        return WCHG_E_ENCODING;
      c = raw.ptr[k + 1];
      k += 2;
    } else if (c == '\r') {
      if (!(f = fold_len(raw.ptr + k, raw.len - k)))
        return WCHG_E_ENCODING;
      c = ' ';
      k += f;
    } else {
      k++;
    }
    if (out < cap)
      buf[out] = c;
    out++;
  }
  *len = out;
  return out > cap ? WCHG_E_BUFFER : WCHG_OK;
}
