/*
 * webrtc_chg — sip.h: strict, bounded, zero-copy parsers of the SIP facts
 * that charging needs at the eP-CSCF:
 *
 *   - Authorization (RFC 3261 §20.7 and §25.1, with the TS 24.229 §7.2A
 *     extensions integrity-protected and authorization-entity, the WAF
 *     identity of Trusted Node Authentication), schemes Digest and Bearer
 *     (RFC 6750, RFC 8898). A Bearer token is recognised and never kept;
 *   - P-Charging-Vector (RFC 7315 §5.6);
 *   - P-Access-Network-Info (RFC 7315 §5.4);
 *   - SDP bodies (RFC 8866), split into the session-level lines and the
 *     media components that TS 32.299 carries in SDP-Session-Description,
 *     SDP-Media-Name and SDP-Media-Description.
 *
 * Input: a header *value*, i.e. the text after "Name:" (leading and
 * trailing whitespace and line folding, CRLF followed by SP or HTAB, are
 * allowed wherever RFC 3261 allows LWS), or a whole SDP body.
 *
 * Ownership: nothing is allocated or copied. Every result is a wchg_str
 * view into the caller's input, which must outlive the result struct; the
 * structs are fixed-size and belong to the caller (they may live on the
 * stack). Counts are bounded by the WCHG_SIP_MAX_* / WCHG_SDP_MAX_* macros:
 * more elements fail with WCHG_E_LIMIT. Entries of an array past its count
 * are unspecified. wchg_sdp_parse_body() writes into storage the caller
 * sizes to the body instead, within limits the caller sets.
 *
 * Errors: every parser returns WCHG_OK or a negative wchg_status and fills
 * |diag| (may be NULL) with the code, a path such as
 * "Authorization/authorization-entity" or
 * "P-Access-Network-Info/access-net-spec[1]/access-info[0]" (indexes from
 * 0), the byte offset in the input (WCHG_NO_OFFSET where none applies) and
 * a sentence. The codes:
 *   WCHG_E_ARG        |out| NULL, or the input NULL with a non-zero length;
 *   WCHG_E_ENCODING   a syntax error (a character where the grammar has
 *                     none, a NUL or other control character, a line break
 *                     that is not folding, a missing '=', ...);
 *   WCHG_E_TRUNCATED  the input ends inside a quoted string or escape;
 *   WCHG_E_UTF8       a quoted string or SDP line is not valid UTF-8;
 *   WCHG_E_DUPLICATE  a parameter (names compare case-insensitively) or
 *                     an SDP direction attribute given twice;
 *   WCHG_E_MISSING    an empty input, or a mandatory part absent;
 *   WCHG_E_LIMIT      more elements than the documented bound;
 *   WCHG_E_RANGE      a value outside what is supported (an authentication
 *                     scheme other than Digest and Bearer, SDP v= other
 *                     than 0, a port above 65535).
 * After a failure the content of |out| is unspecified.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_SIP_H
#define WEBRTC_CHG_SIP_H

#include <webrtc_chg/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Bounds                                                              */
/* ------------------------------------------------------------------ */

/** Parameters other than the named fields, per header value (Digest
 * auth-params, P-Charging-Vector generic-params). */
#define WCHG_SIP_MAX_PARAMS 32
/** Entries of the transit-ioi list of one P-Charging-Vector. */
#define WCHG_SIP_MAX_TRANSIT_IOI 16
/** access-net-spec elements in one P-Access-Network-Info value. */
#define WCHG_SIP_MAX_ACCESS_NET_SPECS 8
/** access-info parameters of one access-net-spec. */
#define WCHG_SIP_MAX_ACCESS_INFO 16
/** The fixed-size wchg_sdp of wchg_sdp_parse(): SDP lines before the
 * first m= line. wchg_sdp_parse_body() has no such bound. */
#define WCHG_SDP_MAX_SESSION_LINES 64
/** The fixed-size wchg_sdp: SDP media components (m= lines). */
#define WCHG_SDP_MAX_MEDIA 16
/** The fixed-size wchg_sdp: SDP lines of one media component, after its
 * m= line. */
#define WCHG_SDP_MAX_MEDIA_LINES 64
/** wchg_sdp_limits.max_bytes left 0: the longest SDP body read. A
 * current Chromium offer is about 7 KB (235 lines, 200 of them in its
 * video section), the largest re-offers seen about 9 KB: seven times
 * that. */
#define WCHG_SDP_DEFAULT_MAX_BYTES 65536
/** wchg_sdp_limits.max_media left 0: the most media components (m=
 * lines) read. Browsers send 2 to 3; a BUNDLE of one m= line per
 * participant's stream stays far below. */
#define WCHG_SDP_DEFAULT_MAX_MEDIA 64

/* ------------------------------------------------------------------ */
/* Values and parameters                                               */
/* ------------------------------------------------------------------ */

/**
 * A parameter value as written. |raw| is the token (or "[IPv6]" host), or
 * what lies between the quotes of a quoted-string with its escapes and
 * line folding left as they are; raw.ptr == NULL means absent. When
 * |escaped| is false, |raw| is the value itself; otherwise it holds at
 * least one quoted-pair ("\x") or line folding and wchg_sip_unquote()
 * gives the value.
 */
typedef struct wchg_sip_value {
  wchg_str raw;
  bool quoted;  /* written as a quoted-string */
  bool escaped; /* raw differs from the value: see wchg_sip_unquote() */
} wchg_sip_value;

/** One parameter "name[=value]". value.raw.ptr == NULL: no "=value". */
typedef struct wchg_sip_param {
  wchg_str name; /* as written; compare with wchg_sip_param_find() */
  wchg_sip_value value;
} wchg_sip_param;

/**
 * wchg_sip_unquote - the value of a quoted-string's contents |raw| (as in
 * wchg_sip_value.raw): each quoted-pair "\x" becomes x and each line
 * folding (CRLF and the SP/HTAB after it) one SP. A token comes out as it
 * is. Writes *|len| bytes into |buf| (|cap| bytes; no NUL is added; buf
 * may be NULL with cap 0 to measure). The result is never longer than
 * raw.len.
 *
 * Returns WCHG_OK, WCHG_E_BUFFER with *|len| the size needed, WCHG_E_ARG
 * when |len| is NULL or raw.ptr is NULL with a non-zero length, or
 * WCHG_E_ENCODING when |raw| ends with a lone backslash or holds a CR not
 * followed by LF and SP/HTAB (never the case for a view from a parser).
 */
WCHG_API wchg_status wchg_sip_unquote(wchg_str raw, char *buf, size_t cap, size_t *len);

/**
 * wchg_sip_param_find - the first of |count| |params| whose name equals
 * the NUL-terminated |name| ignoring ASCII case, or NULL.
 */
WCHG_API const wchg_sip_param *wchg_sip_param_find(const wchg_sip_param *params,
                                                   size_t count, const char *name);

/* ------------------------------------------------------------------ */
/* Authorization                                                       */
/* ------------------------------------------------------------------ */

/** The authentication scheme of an Authorization header. */
typedef enum wchg_sip_auth_scheme {
  WCHG_SIP_AUTH_NONE = 0,   /* only after a failure */
  WCHG_SIP_AUTH_DIGEST = 1, /* RFC 3261 §22.4, TS 24.229 */
  WCHG_SIP_AUTH_BEARER = 2, /* RFC 6750 / RFC 8898: the WIC's OAuth token */
} wchg_sip_auth_scheme;

/**
 * The Authorization header, e.g. the one the eP-CSCF sends to the S-CSCF
 * for a WebRTC client (Trusted Node Authentication):
 *   Digest username="alice@ims.example.com", realm="ims.example.com",
 *   uri="sip:ims.example.com", nonce="", response="",
 *   integrity-protected="auth-done", authorization-entity="waf.example.net"
 *
 * For the Bearer scheme only |scheme| is set: the struct has no field for
 * the token, and no view of it is kept anywhere, so a record built from
 * this struct can never leak the token.
 */
typedef struct wchg_sip_authorization {
  wchg_sip_auth_scheme scheme;
  /* Digest: each a token or a quoted-string as written; absent if not
   * given. */
  wchg_sip_value username;             /* the IMPI */
  wchg_sip_value realm;
  wchg_sip_value nonce;
  wchg_sip_value uri;                  /* digest-uri */
  wchg_sip_value response;
  wchg_sip_value algorithm;
  wchg_sip_value qop;
  wchg_sip_value nc;                   /* checked: 8 hex digits, a token */
  wchg_sip_value cnonce;
  wchg_sip_value opaque;
  wchg_sip_value integrity_protected;  /* "auth-done", "tls-yes", ... */
  wchg_sip_value authorization_entity; /* the WAF identity */
  /* every other auth-param (e.g. auts), in order */
  wchg_sip_param params[WCHG_SIP_MAX_PARAMS];
  size_t param_count;
} wchg_sip_authorization;

/**
 * wchg_sip_parse_authorization - parse the Authorization header value
 * |value| (|len| bytes). Scheme names and parameter names compare
 * case-insensitively; parameters are separated by commas. Digest values
 * may be tokens or quoted-strings (backslash escapes and folding kept in
 * the raw view, see wchg_sip_unquote()); nc must be 8 hex digits. Bearer
 * must be followed by one b64token (RFC 6750 §2.1) and nothing else; the
 * diagnostics never quote the token's bytes.
 *
 * Returns WCHG_OK or one of the codes at the top of this header (paths
 * "Authorization/auth-scheme", "Authorization/<parameter name>",
 * "Authorization/auth-param[i]", "Authorization/b64token"). An
 * authentication scheme other than Digest and Bearer is WCHG_E_RANGE.
 */
WCHG_API wchg_status wchg_sip_parse_authorization(const char *value, size_t len,
                                                  wchg_sip_authorization *out,
                                                  wchg_diag *diag);

/* ------------------------------------------------------------------ */
/* P-Charging-Vector                                                   */
/* ------------------------------------------------------------------ */

/**
 * P-Charging-Vector, e.g.
 *   icid-value="AyretyU0dm+6O2IrT5tAFrbHLso="; icid-generated-at=192.0.2.1;
 *   orig-ioi=home1.net
 * icid-value is the IMS-Charging-Identifier; the IOIs feed
 * Inter-Operator-Identifier.
 */
typedef struct wchg_sip_charging_vector {
  wchg_sip_value icid_value;        /* mandatory */
  wchg_sip_value icid_generated_at; /* host: name, IPv4 or "[IPv6]" */
  wchg_sip_value orig_ioi;
  wchg_sip_value term_ioi;
  wchg_sip_value transit_ioi;       /* the whole value as written */
  wchg_str transit_ioi_list[WCHG_SIP_MAX_TRANSIT_IOI]; /* its entries */
  size_t transit_ioi_count;
  wchg_sip_value related_icid;
  wchg_sip_value related_icid_generated_at; /* host */
  /* every other generic-param, in order */
  wchg_sip_param params[WCHG_SIP_MAX_PARAMS];
  size_t param_count;
} wchg_sip_charging_vector;

/**
 * wchg_sip_parse_charging_vector - parse a P-Charging-Vector value:
 * parameters separated by ';', names case-insensitive, in any order;
 * values a token, a host ("[IPv6]" included) or a quoted-string.
 * icid-generated-at and related-icid-generated-at must be hosts.
 * transit-ioi is either one token or a quoted, comma-separated list of
 * tokens (RFC 7315: "name.index" / "void.index"), split into
 * transit_ioi_list.
 *
 * Returns WCHG_OK or one of the codes at the top of this header (paths
 * "P-Charging-Vector/<parameter name>",
 * "P-Charging-Vector/generic-param[i]"); WCHG_E_MISSING without an
 * offset when icid-value is absent.
 */
WCHG_API wchg_status wchg_sip_parse_charging_vector(const char *value, size_t len,
                                                    wchg_sip_charging_vector *out,
                                                    wchg_diag *diag);

/* ------------------------------------------------------------------ */
/* P-Access-Network-Info                                               */
/* ------------------------------------------------------------------ */

/** One access-net-spec, e.g. "3GPP-E-UTRAN-FDD;
 * utran-cell-id-3gpp=2344206BC0001B1". */
typedef struct wchg_sip_access_net_spec {
  wchg_str text;              /* the whole access-net-spec as written,
                                 without the whitespace around it: what one
                                 Access-Network-Information AVP carries */
  wchg_sip_value access_type; /* access-type or access-class, token or
                                 quoted ("3GPP-E-UTRAN-FDD", "IEEE-802.11") */
  bool network_provided;      /* the "network-provided" parameter is given */
  wchg_sip_param access_info[WCHG_SIP_MAX_ACCESS_INFO]; /* every parameter,
                                 in order (find with wchg_sip_param_find) */
  size_t access_info_count;
} wchg_sip_access_net_spec;

/** A P-Access-Network-Info value: its access-net-spec elements, in
 * order. */
typedef struct wchg_sip_access_network_info {
  wchg_sip_access_net_spec specs[WCHG_SIP_MAX_ACCESS_NET_SPECS];
  size_t count;
} wchg_sip_access_network_info;

/**
 * wchg_sip_parse_access_network_info - parse a P-Access-Network-Info
 * value: one or more access-net-spec separated by commas, each an access
 * type followed by ';'-separated parameters (token, host or quoted-string
 * values; network-provided takes none). Parameter names repeated within
 * one access-net-spec are WCHG_E_DUPLICATE.
 *
 * Returns WCHG_OK or one of the codes at the top of this header (paths
 * "P-Access-Network-Info/access-net-spec[i]/access-type" and
 * "P-Access-Network-Info/access-net-spec[i]/access-info[j]").
 */
WCHG_API wchg_status wchg_sip_parse_access_network_info(const char *value, size_t len,
                                                        wchg_sip_access_network_info *out,
                                                        wchg_diag *diag);

/* ------------------------------------------------------------------ */
/* SDP                                                                 */
/* ------------------------------------------------------------------ */

/** The direction attribute of a media (RFC 3264 §5.1, RFC 8866 §6.7). */
typedef enum wchg_sdp_direction {
  /** a=sendrecv: media flow both ways (also when none is given) */
  WCHG_SDP_SENDRECV = 0,
  /** a=sendonly: the side of this SDP only sends */
  WCHG_SDP_SENDONLY = 1,
  /** a=recvonly: the side of this SDP only receives */
  WCHG_SDP_RECVONLY = 2,
  /** a=inactive: no media flow */
  WCHG_SDP_INACTIVE = 3,
} wchg_sdp_direction;

/* SDP bodies are read two ways:
 *   - wchg_sdp_parse_body(): any body within host-set limits, strict or
 *     receive policy, line views in the caller's storage sized to the
 *     body (wchg_sdp_body_size()). The CTF reads every body this way;
 *   - wchg_sdp_parse(): strict, into the fixed-size wchg_sdp (at most
 *     WCHG_SDP_MAX_* lines and media; a current browser offer does not
 *     fit). Kept for existing callers.
 * Both check the same grammar. Lines end with CRLF or LF (the last one
 * may have none); empty lines at the end of the body are ignored (a body
 * that ends with CRLF CRLF, counted in its Content-Length, as SIP.js
 * sends it). Checked: the first line is "v=0" and no other v= follows;
 * every line is "<a..z>=<value>" with no empty line, no control
 * character other than HTAB, valid UTF-8; every m= line is
 * "m=<media> <port>[/<count>] <proto> <fmt> ..." with single spaces and
 * a port up to 65535; at most one direction attribute (a=sendrecv,
 * a=sendonly, a=recvonly, a=inactive) per level. The order and presence
 * of the other session lines are not checked.
 *
 * Paths: "SDP/SDP-Session-Description[i]",
 * "SDP/SDP-Media-Component[i]/SDP-Media-Name" or
 * "SDP/SDP-Media-Component[i]/SDP-Media-Description[j]" (where the line
 * goes, indexes from 0), "SDP" for the body as a whole; the offset is
 * in the body and the message names the line number (from 1). */

/** One media component of the fixed-size wchg_sdp: its m= line and the
 * lines after it. Every line view holds the whole line with its "x="
 * and without its line end. */
typedef struct wchg_sdp_media {
  wchg_str media_name;  /* the m= line: SDP-Media-Name */
  wchg_str media;       /* "audio", "video", "application", ... */
  uint16_t port;        /* 0: the stream is rejected or disabled */
  uint32_t port_count;  /* "<port>/<number of ports>"; 1 when not given */
  wchg_str proto;       /* "RTP/AVP", "UDP/TLS/RTP/SAVPF", ... */
  wchg_str formats;     /* the format list, e.g. "0 8 96" */
  size_t format_count;
  wchg_str lines[WCHG_SDP_MAX_MEDIA_LINES]; /* c=, b=, a=, ...: one
                                               SDP-Media-Description each */
  size_t line_count;
} wchg_sdp_media;

/** An SDP body split for charging, fixed-size (see wchg_sdp_parse()). */
typedef struct wchg_sdp {
  wchg_str session[WCHG_SDP_MAX_SESSION_LINES]; /* v=, o=, s=, c=, t=, a=
                          ... in order: one SDP-Session-Description each */
  size_t session_count;
  wchg_sdp_media media[WCHG_SDP_MAX_MEDIA];
  size_t media_count;
} wchg_sdp;

/**
 * wchg_sdp_parse - split the SDP body |body| (|len| bytes) into the
 * fixed-size |out|: strict policy, at most WCHG_SDP_MAX_SESSION_LINES
 * session lines, WCHG_SDP_MAX_MEDIA media components and
 * WCHG_SDP_MAX_MEDIA_LINES lines in each (more: WCHG_E_LIMIT). The
 * grammar and the paths are those above.
 *
 * Returns WCHG_OK or one of the codes at the top of this header.
 */
WCHG_API wchg_status wchg_sdp_parse(const char *body, size_t len, wchg_sdp *out,
                                    wchg_diag *diag);

/**
 * wchg_sdp_media_direction - the direction of media |i| of a parsed
 * |sdp|: its own direction attribute, else the session-level one, else
 * sendrecv (RFC 3264 §5.1). A media with port 0 or inactive carries
 * nothing, e.g. after a re-INVITE that drops it. Returns
 * WCHG_SDP_INACTIVE when |sdp| is NULL or |i| >= sdp->media_count.
 */
WCHG_API wchg_sdp_direction wchg_sdp_media_direction(const wchg_sdp *sdp, size_t i);

/** What wchg_sdp_parse_body() reads at most; a field left 0 takes its
 * default. More is WCHG_E_LIMIT in both policies. */
typedef struct wchg_sdp_limits {
  size_t max_bytes; /* the body's length; 0: WCHG_SDP_DEFAULT_MAX_BYTES */
  size_t max_media; /* m= lines; 0: WCHG_SDP_DEFAULT_MAX_MEDIA */
} wchg_sdp_limits;

/** One media component of a wchg_sdp_body: its m= line, the fields of
 * that line, and the lines after it (views into the body, in the
 * body's line storage). */
typedef struct wchg_sdp_component {
  wchg_str media_name;  /* the m= line: SDP-Media-Name; absent (ptr NULL)
                           for an m= line that is not UTF-8 (receive) */
  wchg_str media;       /* "audio", "video", "application", ... */
  uint16_t port;        /* 0: the stream is rejected or disabled */
  uint32_t port_count;  /* "<port>/<number of ports>"; 1 when not given */
  wchg_str proto;       /* "RTP/AVP", "UDP/TLS/RTP/SAVPF", ... */
  wchg_str formats;     /* the format list, e.g. "0 8 96" */
  size_t format_count;  /* the fields above are all 0 for an m= line
                           that does not parse (receive) */
  const wchg_str *lines; /* c=, b=, a=, ...: one SDP-Media-Description
                            each, in order */
  size_t line_count;
} wchg_sdp_component;

/** An SDP body split for charging, in storage the caller provides: set
 * |lines|, |line_cap|, |media| and |media_cap| before parsing (the
 * counts of wchg_sdp_body_size() always suffice), read the counts
 * after. Nothing is allocated or copied. */
typedef struct wchg_sdp_body {
  wchg_str *lines;           /* the caller's: line_cap entries */
  size_t line_cap;
  wchg_sdp_component *media; /* the caller's: media_cap entries */
  size_t media_cap;
  size_t session_count;      /* lines[0 .. session_count): v=, o=, s=,
                                c=, t=, a=, ... before the first m=
                                line, one SDP-Session-Description each;
                                each component's lines follow in |lines| */
  size_t media_count;        /* media[0 .. media_count) */
} wchg_sdp_body;

/**
 * wchg_sdp_body_size - the storage wchg_sdp_parse_body() needs for the
 * |len| bytes at |body| at most: *|lines| entries of wchg_sdp_body.lines
 * (the line ends, plus one) and *|media| entries of .media (the lines
 * that start with 'm'). One pass, nothing checked; a NULL |body| or a
 * NULL output gives 0.
 */
WCHG_API void wchg_sdp_body_size(const char *body, size_t len, size_t *lines, size_t *media);

/**
 * wchg_sdp_parse_body - split the SDP body |body| (|len| bytes) into
 * |out| (its storage set by the caller), within |limits| (NULL: the
 * defaults), under |policy|:
 *   - WCHG_POLICY_STRICT: the first problem of the grammar above fails
 *     with its code, path and offset (as wchg_sdp_parse() does, without
 *     its fixed bounds);
 *   - WCHG_POLICY_RECEIVE: a problem of one line is added to |warnings|
 *     (may be NULL; the code is what strict returns, with the same path,
 *     offset and message) and the body is read on. The line is kept as
 *     received (a control character or lone CR in it, a type that is not
 *     a lower-case letter, no '=', v= missing, not 0 or repeated, a
 *     second direction attribute: the first one is the direction; an m=
 *     line that does not parse starts its component with its fields 0),
 *     except an empty line and a line that is not UTF-8, which are left
 *     out (an m= line that is not UTF-8 still starts its component,
 *     without a media_name), since no AVP or CDR field can carry them.
 * Both policies fail on what the limits and the storage cannot hold.
 *
 * Returns WCHG_OK, or with |diag| filled (may be NULL; the content of
 * |out| is then unspecified):
 *   WCHG_E_ARG      |out| NULL, |body| NULL with a |len|, or storage NULL
 *                   with a capacity;
 *   WCHG_E_MISSING  an empty body (path "SDP/SDP-Session-Description[0]");
 *   WCHG_E_LIMIT    |len| over max_bytes (path "SDP", offset max_bytes),
 *                   an m= line past max_media (its SDP-Media-Name path
 *                   and offset);
 *   WCHG_E_BUFFER   |out|'s storage holds fewer lines or components than
 *                   the body has (the path and offset of the first line
 *                   that does not fit);
 *   strict only:    the codes at the top of this header for the grammar.
 */
WCHG_API wchg_status wchg_sdp_parse_body(const char *body, size_t len,
                                         const wchg_sdp_limits *limits, wchg_policy policy,
                                         wchg_sdp_body *out, wchg_warnings *warnings,
                                         wchg_diag *diag);

/**
 * wchg_sdp_body_direction - wchg_sdp_media_direction() for component |i|
 * of a parsed |sdp|: its first direction attribute, else the first at
 * session level, else sendrecv. WCHG_SDP_INACTIVE when |sdp| is NULL or
 * |i| >= sdp->media_count.
 */
WCHG_API wchg_sdp_direction wchg_sdp_body_direction(const wchg_sdp_body *sdp, size_t i);

#ifdef __cplusplus
}
#endif
#endif
