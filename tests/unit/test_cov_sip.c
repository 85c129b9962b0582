/* test_cov_sip.c: cov_sip_suite — the SIP header parsers and the SDP
 * reader (sip.h) at the edges of their character classes and line
 * breaks: every class of nc and b64token characters, a lone CR and a CR
 * before something other than LF, HTAB and DEL escaped and in quoted
 * strings, IPv6 references with capitals and a dotted tail or cut short,
 * quoted and odd hosts, the transit-ioi as a host, a generic-param twice;
 * SDP lines of a type above 'z', of ten octets, an m= line of every
 * token character or ending at its port, two control characters on one
 * line, an "m" line without '=' (receive), the argument checks; and
 * wchg_sip_param_find / wchg_sip_unquote at their ends. Each case says
 * the code, the offset and the sentence.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/sip.h>

#include "testutil.h"

enum { AUTH, PCV, PANI };

static wchg_status parse(int which, const char *s, size_t n, wchg_diag *d) {
  static wchg_sip_authorization a;
  static wchg_sip_charging_vector v;
  static wchg_sip_access_network_info p;
  switch (which) {
  case AUTH: return wchg_sip_parse_authorization(s, n, &a, d);
  case PCV: return wchg_sip_parse_charging_vector(s, n, &v, d);
  default: return wchg_sip_parse_access_network_info(s, n, &p, d);
  }
}

static const struct {
  int which;
  const char *value;
  size_t len; /* 0: strlen */
  wchg_status code;
  size_t offset;
  const char *path, *message;
} cases[] = {
    /* nc: 8 hex digits of either case; '+' below '0', 'g' above 'f' */
    {AUTH, "Digest nc=0a1B2c3D", 0, WCHG_OK, 0, "", ""},
    {AUTH, "Digest nc=0000000+", 0, WCHG_E_ENCODING, 10, "Authorization/nc",
     "nc must be 8 hexadecimal digits, not quoted"},
    {AUTH, "Digest nc=0000000g", 0, WCHG_E_ENCODING, 10, "Authorization/nc",
     "nc must be 8 hexadecimal digits, not quoted"},
    {AUTH, "Digest nc=0000000G", 0, WCHG_E_ENCODING, 10, "Authorization/nc",
     "nc must be 8 hexadecimal digits, not quoted"},
    /* b64token: every class, then one that is none ('!' before '-') */
    {AUTH, "Bearer azAZ09-._~+/==", 0, WCHG_OK, 0, "", ""},
    {AUTH, "Bearer ab!c", 0, WCHG_E_ENCODING, 9, "Authorization/b64token",
     "the token holds a character outside b64token"},
    {AUTH, "Bearer ab{c", 0, WCHG_E_ENCODING, 9, "Authorization/b64token",
     "the token holds a character outside b64token"},
    {AUTH, "Bearer ab@c", 0, WCHG_E_ENCODING, 9, "Authorization/b64token",
     "the token holds a character outside b64token"},
    {AUTH, "Bearer ab[c", 0, WCHG_E_ENCODING, 9, "Authorization/b64token",
     "the token holds a character outside b64token"},
    /* a lone CR where ',' or the end may come; CR then not LF; CRLF then
     * not whitespace */
    {AUTH, "Digest realm=a\rb", 0, WCHG_E_ENCODING, 14, "Authorization/realm",
     "',' or the end of the value expected, found a line break that is not line folding"},
    {AUTH, "Digest realm=a\nb", 0, WCHG_E_ENCODING, 14, "Authorization/realm",
     "',' or the end of the value expected, found a line break that is not line folding"},
    {AUTH, "Digest realm=a\r\rb", 0, WCHG_E_ENCODING, 14, "Authorization/realm",
     "',' or the end of the value expected, found a line break that is not line folding"},
    {AUTH, "Digest realm=a\r\nb", 0, WCHG_E_ENCODING, 14, "Authorization/realm",
     "',' or the end of the value expected, found a line break that is not line folding"},
    {AUTH, "Digest realm=a\r\n b", 0, WCHG_E_ENCODING, 17, "Authorization/realm",
     "',' or the end of the value expected, found 'b'"},
    /* HTAB escaped and inside quotes: fine; DEL escaped or inside: not */
    {AUTH, "Digest realm=\"a\\\tb\tc\"", 0, WCHG_OK, 0, "", ""},
    {AUTH, "Digest realm=\"a\\\x7f\"", 0, WCHG_E_ENCODING, 15, "Authorization/realm",
     "a backslash escapes the control character 0x7f"},
    {AUTH, "Digest realm=\"a\x7f\"", 0, WCHG_E_ENCODING, 15, "Authorization/realm",
     "control character 0x7f in a quoted string"},
    /* IPv6 references: capitals and a dotted tail; cut short; a stray */
    {PCV, "icid-value=1;icid-generated-at=[::FFFF:192.0.2.1]", 0, WCHG_OK, 0, "", ""},
    {PCV, "icid-value=1;icid-generated-at=[2001:DB8::a", 0, WCHG_E_ENCODING, 43,
     "P-Charging-Vector/icid-generated-at",
     "an IPv6 address closed by ']' expected, found the end of the value"},
    {PCV, "icid-value=1;icid-generated-at=[::1x]", 0, WCHG_E_ENCODING, 35,
     "P-Charging-Vector/icid-generated-at", "an IPv6 address closed by ']' expected, found 'x'"},
    {PCV, "icid-value=1;icid-generated-at=[]", 0, WCHG_E_ENCODING, 32,
     "P-Charging-Vector/icid-generated-at", "an IPv6 address closed by ']' expected, found ']'"},
    /* hosts: quoted is none; capitals, digits and '-' are; '_' is not */
    {PCV, "icid-value=1;icid-generated-at=\"h.example\"", 0, WCHG_E_ENCODING, 31,
     "P-Charging-Vector/icid-generated-at", "a host name or address expected"},
    {PCV, "icid-value=1;icid-generated-at=PCSCF-1.Example.COM", 0, WCHG_OK, 0, "", ""},
    {PCV, "icid-value=1;icid-generated-at=pcscf_1.example", 0, WCHG_E_ENCODING, 31,
     "P-Charging-Vector/icid-generated-at", "a host name or address expected"},
    {PCV, "icid-value=1;icid-generated-at=pcscf~1", 0, WCHG_E_ENCODING, 31,
     "P-Charging-Vector/icid-generated-at", "a host name or address expected"},
    /* transit-ioi given as an IPv6 reference: not a token */
    {PCV, "icid-value=1;transit-ioi=[::1]", 0, WCHG_E_ENCODING, 25,
     "P-Charging-Vector/transit-ioi", "a transit-ioi entry expected, found '['"},
    /* a generic-param whose quoted value is not closed */
    {PCV, "icid-value=1;x=\"ab", 0, WCHG_E_TRUNCATED, 15, "P-Charging-Vector/generic-param[0]",
     "the quoted string opened here is not closed"},
    /* a generic-param twice (names compare ignoring case) */
    {PCV, "icid-value=1;x=1;X=2", 0, WCHG_E_DUPLICATE, 17, "P-Charging-Vector/generic-param[1]",
     "a parameter is given twice"},
};

START_TEST(header_edges) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    wchg_diag d;
    size_t n = cases[i].len ? cases[i].len : strlen(cases[i].value);
    wchg_status rc = parse(cases[i].which, cases[i].value, n, &d);
    ck_assert_msg(rc == cases[i].code, "case %zu (%s): %s; %s at %s, offset %zu", i,
                  cases[i].value, wchg_strerror(rc), d.message, d.path, d.offset);
    if (rc == WCHG_OK)
      continue;
    ck_assert_msg(d.offset == cases[i].offset && !strcmp(d.path, cases[i].path) &&
                      !strcmp(d.message, cases[i].message),
                  "case %zu (%s): offset %zu, path %s, message %s", i, cases[i].value,
                  d.offset, d.path, d.message);
  }
}
END_TEST

START_TEST(param_find_and_unquote) {
  wchg_sip_param p[3] = {{{NULL, 0}, {{NULL, 0}, false, false}},
                         {WCHG_STR("Tag"), {WCHG_STR("1"), false, false}},
                         {WCHG_STR("tag"), {WCHG_STR("2"), false, false}}};
  ck_assert_ptr_null(wchg_sip_param_find(p, 3, NULL));
  ck_assert_ptr_null(wchg_sip_param_find(NULL, 3, "tag"));
  ck_assert_ptr_eq(wchg_sip_param_find(p, 3, "TAG"), &p[1]);
  ck_assert_ptr_null(wchg_sip_param_find(p, 1, "tag"));
  /* folding at the very end: CRLF and every SP/HTAB after it are one SP */
  char buf[16];
  size_t len = 0;
  ck_assert_int_eq(wchg_sip_unquote(WCHG_STR("a\r\n \t"), buf, sizeof buf, &len), WCHG_OK);
  ck_assert_uint_eq(len, 2);
  ck_assert_mem_eq(buf, "a ", 2);
  ck_assert_int_eq(wchg_sip_unquote(WCHG_STR("a\r\n\tb"), buf, sizeof buf, &len), WCHG_OK);
  ck_assert_uint_eq(len, 3);
  ck_assert_mem_eq(buf, "a b", 3);
}
END_TEST

/* ---- SDP ------------------------------------------------------------------ */

static wchg_str lines[64];
static wchg_sdp_component media[8];

static wchg_status body(const char *s, wchg_policy policy, wchg_warnings *w, wchg_diag *d,
                        wchg_sdp_body *out) {
  *out = (wchg_sdp_body){lines, 64, media, 8, 0, 0};
  return wchg_sdp_parse_body(s, strlen(s), NULL, policy, out, w, d);
}

START_TEST(sdp_edges) {
  wchg_sdp_body b;
  wchg_diag d, wi[4];
  wchg_warnings w = {wi, 4, 0};
  /* a type above 'z' */
  ck_assert_int_eq(body("v=0\r\n{=x\r\n", WCHG_POLICY_STRICT, NULL, &d, &b), WCHG_E_ENCODING);
  ck_assert_uint_eq(d.offset, 5);
  ck_assert_str_eq(d.message, "line 2: the type is not a lower-case letter");
  /* ten octets that are no direction; a second direction per level */
  ck_assert_int_eq(body("v=0\r\ns=12345678\r\na=sendrecv\r\nm=audio 9 RTP/AVP 0\r\n"
                        "a=recvonly\r\nb=12345678\r\n", WCHG_POLICY_STRICT, NULL, &d, &b), WCHG_OK);
  ck_assert_uint_eq(b.session_count, 3);
  ck_assert_int_eq(wchg_sdp_body_direction(&b, 0), WCHG_SDP_RECVONLY);
  /* every token character in a format; one that is none */
  ck_assert_int_eq(body("v=0\r\nm=audio 9 RTP/AVP !#$%&'*+-.09AZ^_`az{|}~\r\n",
                        WCHG_POLICY_STRICT, NULL, &d, &b), WCHG_OK);
  ck_assert_uint_eq(b.media[0].format_count, 1);
  ck_assert_uint_eq(b.media[0].formats.len, 23);
  ck_assert_int_eq(body("v=0\r\nm=audio 9 RTP/AVP a\"b\r\n", WCHG_POLICY_STRICT, NULL, &d, &b),
                   WCHG_E_ENCODING);
  ck_assert_uint_eq(d.offset, 24);
  ck_assert_int_eq(body("v=0\r\nm=audio 9 RTP/AVP a(b\r\n", WCHG_POLICY_STRICT, NULL, &d, &b),
                   WCHG_E_ENCODING);
  ck_assert_uint_eq(d.offset, 24);
  ck_assert_int_eq(body("v=0\r\nm=audio 9 RTP/AVP a\xc3\xa9\r\n", WCHG_POLICY_STRICT, NULL, &d,
                        &b), WCHG_E_ENCODING);
  ck_assert_uint_eq(d.offset, 24);
  /* an m= line that ends at its port, with and without a count */
  ck_assert_int_eq(body("v=0\r\nm=audio 9\r\n", WCHG_POLICY_STRICT, NULL, &d, &b),
                   WCHG_E_ENCODING);
  ck_assert_uint_eq(d.offset, 14);
  ck_assert_str_eq(d.path, "SDP/SDP-Media-Component[0]/SDP-Media-Name");
  ck_assert_int_eq(body("v=0\r\nm=audio 9/2\r\n", WCHG_POLICY_STRICT, NULL, &d, &b),
                   WCHG_E_ENCODING);
  ck_assert_uint_eq(d.offset, 16);
  /* two control characters on one line (receive): one warning */
  w.count = 0;
  ck_assert_int_eq(body("v=0\r\ns=a\x01" "b\x02" "c\r\nt=0 0\r\n", WCHG_POLICY_RECEIVE, &w, &d, &b),
                   WCHG_OK);
  ck_assert_uint_eq(w.count, 1);
  ck_assert_uint_eq(wi[0].offset, 8);
  ck_assert_str_eq(wi[0].message, "line 2: control character 0x01");
  ck_assert_uint_eq(b.session_count, 3);
  /* an "m" line without '=' (receive): a component with its text only */
  w.count = 0;
  ck_assert_int_eq(body("v=0\r\nmaudio 9\r\n", WCHG_POLICY_RECEIVE, &w, &d, &b), WCHG_OK);
  ck_assert_uint_eq(w.count, 1);
  ck_assert_uint_eq(b.media_count, 1);
  ck_assert_uint_eq(b.media[0].media_name.len, 8);
  ck_assert_uint_eq(b.media[0].port, 0);
  ck_assert_uint_eq(b.media[0].media.len, 0);
}
END_TEST

START_TEST(sdp_arguments) {
  wchg_sdp_body b = {lines, 64, media, 8, 0, 0};
  wchg_diag d;
  ck_assert_int_eq(wchg_sdp_parse_body("v=0", 3, NULL, WCHG_POLICY_STRICT, NULL, NULL, &d),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_sdp_parse_body(NULL, 3, NULL, WCHG_POLICY_STRICT, &b, NULL, &d),
                   WCHG_E_ARG);
  b.lines = NULL;
  ck_assert_int_eq(wchg_sdp_parse_body("v=0", 3, NULL, WCHG_POLICY_STRICT, &b, NULL, &d),
                   WCHG_E_ARG);
  b.lines = lines;
  b.media = NULL;
  ck_assert_int_eq(wchg_sdp_parse_body("v=0", 3, NULL, WCHG_POLICY_STRICT, &b, NULL, &d),
                   WCHG_E_ARG);
  ck_assert_str_eq(d.message, "the output is NULL, or the input is NULL with a length");
  b.media_cap = 0; /* no room for media, none given */
  ck_assert_int_eq(wchg_sdp_parse_body("v=0", 3, NULL, WCHG_POLICY_STRICT, &b, NULL, &d),
                   WCHG_OK);
  b.line_cap = 0;
  b.lines = NULL;
  ck_assert_int_eq(wchg_sdp_parse_body(NULL, 0, NULL, WCHG_POLICY_STRICT, &b, NULL, &d),
                   WCHG_E_MISSING);
  ck_assert_str_eq(d.message, "line 1: the body is empty");
}
END_TEST

Suite *cov_sip_suite(void) {
  Suite *s = suite_create("cov_sip");
  TCase *t = tcase_create("sip");
  tcase_add_test(t, header_edges);
  tcase_add_test(t, param_find_and_unquote);
  tcase_add_test(t, sdp_edges);
  tcase_add_test(t, sdp_arguments);
  suite_add_tcase(s, t);
  return s;
}
