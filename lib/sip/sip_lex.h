/*
 * sip_lex.h (private): the lexer the SIP header parsers share (RFC 3261
 * §25.1: SWS/LWS with line folding, token, quoted-string, EQUAL and
 * separators) and the error helper that builds a diagnostic path only when
 * a problem is reported.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_SIP_LEX_H
#define WCHG_SIP_LEX_H

#include <webrtc_chg/sip.h>

#include "base/internal.h"

#define SIP_NO_INDEX ((size_t)-1)

/* One level of a diagnostic path below the root: "name" or "name[index]"
 * (index SIP_NO_INDEX: none); name NULL: the level is unused. */
struct sip_where {
  const char *name;
  size_t index;
};

/* Report |code| at |offset| with the path root/at[0]/at[1] into |diag|;
 * returns |code|. */
wchg_status wchgi_sip_fail(wchg_diag *diag, const char *root, const struct sip_where at[2],
                          wchg_status code, size_t offset, const char *fmt, ...)
    WCHG_PRINTF(6, 7);

/* The reading position in one header value. */
struct sip_lex {
  const char *s;
  size_t n, i;
  wchg_diag *diag;
  const char *root;      /* "Authorization", ... */
  struct sip_where at[2];
};

void wchgi_sip_lex_init(struct sip_lex *x, const char *s, size_t n, const char *root,
                       wchg_diag *diag);
/* The start of every header parser: clear |diag|, refuse a NULL |out| or
 * a NULL |s| with a length (WCHG_E_ARG), then wchgi_sip_lex_init. */
wchg_status wchgi_sip_begin(struct sip_lex *x, const void *out, const char *s, size_t n,
                            const char *root, wchg_diag *diag);

/* Set path level |level| (0 or 1) to name[index]; a level-0 change also
 * clears level 1. */
static inline void sip_at(struct sip_lex *x, int level, const char *name, size_t index) {
  x->at[level].name = name;
  x->at[level].index = index;
  if (level == 0)
    x->at[1].name = NULL;
}

static inline bool sip_eof(const struct sip_lex *x) { return x->i >= x->n; }
static inline size_t sip_off(const struct sip_lex *x, const char *p) {
  return (size_t)(p - x->s);
}

wchg_status wchgi_sip_err(struct sip_lex *x, wchg_status code, size_t offset,
                         const char *fmt, ...) WCHG_PRINTF(4, 5);
/* "a syntax error: <what> expected, found <what is at the position>". */
wchg_status wchgi_sip_expected(struct sip_lex *x, const char *what);

/* Skip SWS (whitespace and line folding); true when something was skipped. */
bool wchgi_sip_sws(struct sip_lex *x);
bool wchgi_sip_is_token_char(unsigned char c);
/* A non-empty token into *out, or WCHG_E_ENCODING naming |what|. */
wchg_status wchgi_sip_token(struct sip_lex *x, wchg_str *out, const char *what);
/* A quoted-string at the position (which holds '"'). */
wchg_status wchgi_sip_quoted(struct sip_lex *x, wchg_sip_value *out);
/* gen-value (RFC 3261 §25.1): token / quoted-string, and with |host| an
 * IPv6reference "[...]" as well (names and IPv4 addresses are tokens). */
wchg_status wchgi_sip_gen_value(struct sip_lex *x, bool host, wchg_sip_value *out);
/* EQUAL gen-value. */
wchg_status wchgi_sip_req_value(struct sip_lex *x, bool host, wchg_sip_value *out);
/* [EQUAL gen-value]: *out is set absent (raw.ptr NULL) when no '=' follows. */
wchg_status wchgi_sip_opt_value(struct sip_lex *x, bool host, wchg_sip_value *out);
/* After an element: SWS, then |sep| (1: another element follows, SWS
 * skipped) or the end of the value (0), else a syntax error (< 0). */
int wchgi_sip_next(struct sip_lex *x, char sep);

/* Is a parameter named |name| (ignoring case) among the |n| of |p|? */
bool wchgi_sip_param_has(const wchg_sip_param *p, size_t n, wchg_str name);
/* The offset of |v| in the value: its opening quote when quoted. */
static inline size_t sip_value_off(const struct sip_lex *x, const wchg_sip_value *v) {
  return sip_off(x, v->raw.ptr) - (v->quoted ? 1 : 0);
}
/* A parameter's name (a token) at the start of a parameter, the path at
 * the header's root. */
wchg_status wchgi_sip_param_name(struct sip_lex *x, wchg_str *name);

/* The slot of a parameter |name| with a field of its own, |field| (its
 * name) at |off| bytes into |out|: WCHG_E_DUPLICATE when it holds a value
 * already. */
wchg_status wchgi_sip_field_slot(struct sip_lex *x, void *out, size_t off, const char *field,
                                 wchg_str name, wchg_sip_value **slot);

/* The next slot of params[count] for a parameter |name| with no field of
 * its own (path "<what>[count]"): WCHG_E_LIMIT when the array is full,
 * WCHG_E_DUPLICATE when |name| is in it already; else *slot is the whole
 * entry, written: the name, and no value until one is read. */
wchg_status wchgi_sip_param_slot(struct sip_lex *x, wchg_sip_param *params, size_t count,
                                 const char *what, wchg_str name, wchg_sip_param **slot);

/* WCHG_E_ARG into |diag|. */
wchg_status wchgi_sip_arg(wchg_diag *diag);

/* Does |s| equal the NUL-terminated |lit| ignoring ASCII case? */
bool wchgi_sip_name_eq(wchg_str s, const char *lit);
/* The same with |lit| in lower case and its length |n| known (a table's). */
bool wchgi_sip_name_eqn(wchg_str s, const char *lit, size_t n);

/* The classes of an octet, a bit each: one load per octet scanned. */
#define SIP_TOKEN 1   /* RFC 3261 token */
#define SDP_TOKEN 2   /* RFC 8866 token-char */
#define SIP_QDPLAIN 4 /* qdtext with nothing to check: not DQUOTE, backslash
                         or a control character */
extern const uint8_t wchgi_sip_class[256];
/* Is |v| a host (RFC 3261 §25.1): a name or IPv4 address, or "[IPv6]"? */
bool wchgi_sip_is_host(const wchg_sip_value *v);

#endif
