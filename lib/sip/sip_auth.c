/*
 * sip_auth.c: the Authorization header value (RFC 3261 §20.7 and §25.1,
 * with the TS 24.229 §7.2A parameters integrity-protected and
 * authorization-entity; Bearer per RFC 6750 §2.1 and RFC 8898).
 *
 * A Bearer token is checked for its syntax and then forgotten: nothing of
 * it is stored, and no diagnostic quotes its bytes.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stddef.h>
#include <string.h>

#include "sip/sip_lex.h"

#define ROOT "Authorization"

/* The dig-resp parameters with a field of their own. */
static const struct digest_field {
  const char *name;
  size_t off;
} digest_fields[] = {
    {"username", offsetof(wchg_sip_authorization, username)},
    {"realm", offsetof(wchg_sip_authorization, realm)},
    {"nonce", offsetof(wchg_sip_authorization, nonce)},
    {"uri", offsetof(wchg_sip_authorization, uri)},
    {"response", offsetof(wchg_sip_authorization, response)},
    {"algorithm", offsetof(wchg_sip_authorization, algorithm)},
    {"qop", offsetof(wchg_sip_authorization, qop)},
    {"nc", offsetof(wchg_sip_authorization, nc)},
    {"cnonce", offsetof(wchg_sip_authorization, cnonce)},
    {"opaque", offsetof(wchg_sip_authorization, opaque)},
    {"integrity-protected", offsetof(wchg_sip_authorization, integrity_protected)},
    {"authorization-entity", offsetof(wchg_sip_authorization, authorization_entity)},
};

static const struct digest_field *digest_field(wchg_str name) {
  for (size_t k = 0; k < sizeof digest_fields / sizeof digest_fields[0]; k++)
    if (wchgi_sip_name_eq(name, digest_fields[k].name))
      return &digest_fields[k];
  return NULL;
}

static bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* nonce-count = "nc" EQUAL 8LHEX (RFC 3261 §25.1). */
static wchg_status check_nc(struct sip_lex *x, const wchg_sip_value *v) {
  size_t k = 0;
  while (!v->quoted && k < v->raw.len && is_hex(v->raw.ptr[k]))
    k++;
  if (v->quoted || v->raw.len != 8 || k != 8)
    return wchgi_sip_err(x, WCHG_E_ENCODING, sip_value_off(x, v),
                        "nc must be 8 hexadecimal digits, not quoted");
  return WCHG_OK;
}

/* The slot of an auth-param without a field: the next of a->params. */
static wchg_status other_param(struct sip_lex *x, wchg_sip_authorization *a, wchg_str name,
                               wchg_sip_value **slot) {
  wchg_sip_param *p;
  wchg_status rc = wchgi_sip_param_slot(x, a->params, a->param_count, "auth-param", name, &p);
  if (rc == WCHG_OK)
    *slot = &p->value;
  return rc;
}

/* dig-resp: a parameter name, EQUAL, a token or a quoted-string. */
static wchg_status dig_resp(struct sip_lex *x, wchg_sip_authorization *a) {
  wchg_str name;
  wchg_sip_value *slot = NULL;
  wchg_status rc;
  if ((rc = wchgi_sip_param_name(x, &name)))
    return rc;
  const struct digest_field *f = digest_field(name);
  rc = f ? wchgi_sip_field_slot(x, a, f->off, f->name, name, &slot)
         : other_param(x, a, name, &slot);
  if (rc)
    return rc;
  if ((rc = wchgi_sip_req_value(x, false, slot)))
    return rc;
  if (!f)
    a->param_count++;
  return slot == &a->nc ? check_nc(x, slot) : WCHG_OK;
}

/* digest-response = dig-resp *(COMMA dig-resp) */
static wchg_status digest(struct sip_lex *x, wchg_sip_authorization *a) {
  wchg_status rc;
  int more;
  do {
    if ((rc = dig_resp(x, a)))
      return rc;
  } while ((more = wchgi_sip_next(x, ',')) == 1);
  return (wchg_status)more;
}

/* b64token = 1*(ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/") *"=" */
static bool is_b64(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

/* The token after "Bearer": checked, never kept, never quoted. */
static wchg_status bearer(struct sip_lex *x) {
  size_t start;
  sip_at(x, 0, "b64token", SIP_NO_INDEX);
  start = x->i;
  while (x->i < x->n && is_b64(x->s[x->i]))
    x->i++;
  if (x->i == start)
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i, "a b64token expected after Bearer");
  while (x->i < x->n && x->s[x->i] == '=')
    x->i++;
  size_t stop = x->i;
  wchgi_sip_sws(x);
  if (sip_eof(x))
    return WCHG_OK;
  if (x->i == stop)
    return wchgi_sip_err(x, WCHG_E_ENCODING, x->i, "the token holds a character outside b64token");
  return wchgi_sip_err(x, WCHG_E_ENCODING, x->i, "text follows the token");
}

wchg_status wchg_sip_parse_authorization(const char *value, size_t len,
                                         wchg_sip_authorization *out, wchg_diag *diag) {
  struct sip_lex x;
  wchg_str scheme;
  wchg_status rc;
  if ((rc = wchgi_sip_begin(&x, out, value, len, ROOT, diag)))
    return rc;
  memset(out, 0, sizeof *out);
  wchgi_sip_sws(&x);
  sip_at(&x, 0, "auth-scheme", SIP_NO_INDEX);
  if (sip_eof(&x))
    return wchgi_sip_err(&x, WCHG_E_MISSING, x.i, "the header value is empty");
  if ((rc = wchgi_sip_token(&x, &scheme, "an authentication scheme")))
    return rc;
  if (!sip_eof(&x) && !wchgi_sip_sws(&x)) /* the byte is not quoted: it may be a token's */
    return wchgi_sip_err(&x, WCHG_E_ENCODING, x.i, "whitespace expected after the scheme");
  if (wchgi_sip_name_eq(scheme, "Digest")) {
    if ((rc = digest(&x, out)))
      return rc;
    out->scheme = WCHG_SIP_AUTH_DIGEST;
  } else if (wchgi_sip_name_eq(scheme, "Bearer")) {
    if ((rc = bearer(&x)))
      return rc;
    out->scheme = WCHG_SIP_AUTH_BEARER;
  } else {
    return wchgi_sip_err(&x, WCHG_E_RANGE, sip_off(&x, scheme.ptr),
                        "unsupported authentication scheme (Digest or Bearer expected)");
  }
  return WCHG_OK;
}
