/* test_sip.c: the SIP header parsers (Authorization, P-Charging-Vector,
 * P-Access-Network-Info) and the SDP splitter — realistic IMS/WebRTC
 * examples field by field, case-insensitivity, escapes and line folding,
 * the Bearer token never exposed, and every class of malformed input with
 * its code, path and offset.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/sip.h>

#include "sdp_samples.h"

static wchg_diag D;

/* ---- helpers ----------------------------------------------------------- */

static size_t off_of(const char *in, const char *needle) {
  const char *p = strstr(in, needle);
  ck_assert_msg(p != NULL, "'%s' not in the input", needle);
  return (size_t)(p - in);
}

static void expect_str(wchg_str v, const char *want) {
  ck_assert_msg(v.ptr != NULL, "absent, expected '%s'", want);
  ck_assert_msg(v.len == strlen(want) && !memcmp(v.ptr, want, v.len),
                "got '%.*s', expected '%s'", (int)v.len, v.ptr, want);
}

static void expect_val(wchg_sip_value v, const char *want, bool quoted) {
  expect_str(v.raw, want);
  ck_assert_int_eq(v.quoted, quoted);
  ck_assert_int_eq(v.escaped, false);
}

static void expect_absent(wchg_sip_value v) {
  ck_assert_ptr_null(v.raw.ptr);
  ck_assert_uint_eq(v.raw.len, 0);
}

/* |v| lies inside |in| (|len| bytes) or is absent. */
static void expect_inside(wchg_str v, const char *in, size_t len) {
  if (!v.ptr)
    return;
  ck_assert(v.ptr >= in && v.len <= len && (size_t)(v.ptr - in) <= len - v.len);
}

static void expect_diag(wchg_status got, wchg_status code, const char *path, size_t off) {
  ck_assert_int_eq(got, code);
  ck_assert_int_eq(D.code, code);
  ck_assert_str_eq(D.path, path);
  ck_assert_uint_eq(D.offset, off);
  ck_assert(D.message[0] != '\0');
}

static wchg_sip_authorization A;
static wchg_sip_charging_vector V;
static wchg_sip_access_network_info N;
static wchg_sdp S;

static wchg_status auth(const char *in) {
  return wchg_sip_parse_authorization(in, strlen(in), &A, &D);
}
static wchg_status auth_n(const char *in, size_t len) {
  return wchg_sip_parse_authorization(in, len, &A, &D);
}
static wchg_status pcv(const char *in) {
  return wchg_sip_parse_charging_vector(in, strlen(in), &V, &D);
}
static wchg_status pcv_n(const char *in, size_t len) {
  return wchg_sip_parse_charging_vector(in, len, &V, &D);
}
static wchg_status pani(const char *in) {
  return wchg_sip_parse_access_network_info(in, strlen(in), &N, &D);
}
static wchg_status pani_n(const char *in, size_t len) {
  return wchg_sip_parse_access_network_info(in, len, &N, &D);
}
static wchg_status sdp(const char *in) { return wchg_sdp_parse(in, strlen(in), &S, &D); }
static wchg_status sdp_n(const char *in, size_t len) {
  return wchg_sdp_parse(in, len, &S, &D);
}

static void expect_ok(wchg_status rc) {
  ck_assert_msg(rc == WCHG_OK, "rc %d at %s offset %zu: %s", rc, D.path, D.offset,
                D.message);
  ck_assert_int_eq(D.code, WCHG_OK);
}

static void expect_unquoted(wchg_str raw, const char *want) {
  char buf[128];
  size_t len = 0;
  ck_assert_int_eq(wchg_sip_unquote(raw, buf, sizeof buf, &len), WCHG_OK);
  ck_assert_uint_eq(len, strlen(want));
  ck_assert_mem_eq(buf, want, len);
}

/* ---- Authorization: Digest ------------------------------------------ */

/* The eP-CSCF towards the S-CSCF for a WebRTC client (TS 24.229, Trusted
 * Node Authentication). */
START_TEST(auth_trusted_node) {
  static const char in[] =
      "Digest username=\"alice@ims.example.com\", realm=\"ims.example.com\", "
      "uri=\"sip:ims.example.com\", nonce=\"\", response=\"\", "
      "integrity-protected=\"auth-done\", authorization-entity=\"waf.example.net\"";
  expect_ok(auth(in));
  ck_assert_int_eq(A.scheme, WCHG_SIP_AUTH_DIGEST);
  expect_val(A.username, "alice@ims.example.com", true);
  expect_val(A.realm, "ims.example.com", true);
  expect_val(A.uri, "sip:ims.example.com", true);
  expect_val(A.nonce, "", true);
  ck_assert_ptr_eq(A.nonce.raw.ptr, in + off_of(in, "nonce=\"\"") + 7);
  expect_val(A.response, "", true);
  expect_val(A.integrity_protected, "auth-done", true);
  expect_val(A.authorization_entity, "waf.example.net", true);
  expect_absent(A.algorithm);
  expect_absent(A.qop);
  expect_absent(A.nc);
  expect_absent(A.cnonce);
  expect_absent(A.opaque);
  ck_assert_uint_eq(A.param_count, 0);
}
END_TEST

/* A full RFC 3261 / RFC 3310 response with every field and others. */
START_TEST(auth_every_field) {
  static const char in[] =
      "Digest username=\"user1_private@home1.net\",realm=\"home1.net\", "
      "nonce=\"A34Cm+Fva37UYWpGNB34JP\", uri=\"sip:home1.net\", "
      "response=\"6629fae49393a05397450978507c4ef1\", algorithm=AKAv1-MD5, qop=auth-int, "
      "nc=0000000A, cnonce=\"0a4f113b\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", "
      "integrity-protected=tls-yes, authorization-entity=waf.example.net, "
      "auts=\"CjkyMzRfOiwg5CfkJ2UK=\", x-vendor=\"v\"";
  expect_ok(auth(in));
  ck_assert_int_eq(A.scheme, WCHG_SIP_AUTH_DIGEST);
  expect_val(A.username, "user1_private@home1.net", true);
  expect_val(A.realm, "home1.net", true);
  expect_val(A.nonce, "A34Cm+Fva37UYWpGNB34JP", true);
  expect_val(A.uri, "sip:home1.net", true);
  expect_val(A.response, "6629fae49393a05397450978507c4ef1", true);
  expect_val(A.algorithm, "AKAv1-MD5", false);
  expect_val(A.qop, "auth-int", false);
  expect_val(A.nc, "0000000A", false);
  expect_val(A.cnonce, "0a4f113b", true);
  expect_val(A.opaque, "5ccc069c403ebaf9f0171e9517f40e41", true);
  expect_val(A.integrity_protected, "tls-yes", false);
  expect_val(A.authorization_entity, "waf.example.net", false);
  ck_assert_uint_eq(A.param_count, 2);
  expect_str(A.params[0].name, "auts");
  expect_val(A.params[0].value, "CjkyMzRfOiwg5CfkJ2UK=", true);
  expect_str(A.params[1].name, "x-vendor");
  expect_val(A.params[1].value, "v", true);
  ck_assert_ptr_eq(wchg_sip_param_find(A.params, A.param_count, "AUTS"), &A.params[0]);
  ck_assert_ptr_eq(wchg_sip_param_find(A.params, A.param_count, "X-Vendor"), &A.params[1]);
  ck_assert_ptr_null(wchg_sip_param_find(A.params, A.param_count, "aut"));
  ck_assert_ptr_null(wchg_sip_param_find(NULL, 3, "auts"));
}
END_TEST

START_TEST(auth_case_insensitive) {
  expect_ok(auth("dIGEST USERNAME=\"a@b\", Realm=b, INTEGRITY-PROTECTED=\"ip-assoc-pending\", "
                 "Authorization-Entity=\"waf\", NC=00000001"));
  ck_assert_int_eq(A.scheme, WCHG_SIP_AUTH_DIGEST);
  expect_val(A.username, "a@b", true);
  expect_val(A.realm, "b", false);
  expect_val(A.integrity_protected, "ip-assoc-pending", true);
  expect_val(A.authorization_entity, "waf", true);
  expect_val(A.nc, "00000001", false);
  ck_assert_uint_eq(A.param_count, 0);
}
END_TEST

START_TEST(auth_escapes) {
  static const char in[] = "Digest username=\"al\\\"ice\\\\x\", realm=\"a\\b\"";
  char buf[16];
  size_t len = 99;
  expect_ok(auth(in));
  expect_str(A.username.raw, "al\\\"ice\\\\x");
  ck_assert(A.username.quoted && A.username.escaped);
  expect_unquoted(A.username.raw, "al\"ice\\x");
  expect_unquoted(A.realm.raw, "ab");
  /* measuring, then a buffer one byte short */
  ck_assert_int_eq(wchg_sip_unquote(A.username.raw, NULL, 0, &len), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, 8);
  ck_assert_int_eq(wchg_sip_unquote(A.username.raw, buf, 7, &len), WCHG_E_BUFFER);
  ck_assert_uint_eq(len, 8);
  ck_assert_int_eq(wchg_sip_unquote(A.username.raw, buf, 8, &len), WCHG_OK);
  ck_assert_mem_eq(buf, "al\"ice\\x", 8);
  /* a token comes out as it is */
  expect_unquoted(WCHG_STR("tls-yes"), "tls-yes");
  expect_unquoted((wchg_str){NULL, 0}, "");
}
END_TEST

START_TEST(auth_folding) {
  static const char in[] = "  Digest\r\n  username=\"alice\r\n\t smith\" ,\r\n realm\r\n ="
                           " \"r\"\r\n\t,nonce=\"n\"  ";
  expect_ok(auth(in));
  expect_str(A.username.raw, "alice\r\n\t smith");
  ck_assert(A.username.escaped);
  expect_unquoted(A.username.raw, "alice smith");
  expect_val(A.realm, "r", true);
  expect_val(A.nonce, "n", true);
}
END_TEST

START_TEST(auth_unicode) {
  static const char in[] = "Digest username=\"J\xC3\xBCrgen@ims.example.com\", "
                           "authorization-entity=\"waf.\xE4\xBE\x8B.example\"";
  expect_ok(auth(in));
  expect_val(A.username, "J\xC3\xBCrgen@ims.example.com", true);
  expect_val(A.authorization_entity, "waf.\xE4\xBE\x8B.example", true);
}
END_TEST

/* ---- Authorization: Bearer ------------------------------------------ */

/* No word of the struct (pointer or otherwise) points into the token, and
 * no byte sequence of it is copied there. */
static void expect_no_token(const char *tok, size_t tlen) {
  const unsigned char *p = (const unsigned char *)&A;
  uintptr_t lo = (uintptr_t)tok, hi = lo + tlen;
  for (size_t k = 0; k + sizeof(void *) <= sizeof A; k++) {
    uintptr_t w;
    memcpy(&w, p + k, sizeof w);
    ck_assert_msg(w < lo || w > hi, "a word at %zu points into the token", k);
  }
  for (size_t k = 0; k + 4 <= sizeof A; k++)
    ck_assert_msg(memcmp(p + k, tok, 4) != 0, "token bytes copied at %zu", k);
  ck_assert_int_eq(A.scheme, WCHG_SIP_AUTH_BEARER);
  expect_absent(A.username);
  ck_assert_uint_eq(A.param_count, 0);
}

START_TEST(auth_bearer) {
  static const char in[] =
      "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImF1ZCI6Indh"
      "Zi5leGFtcGxlLm5ldCJ9.c2lnbmF0dXJlLW5vdC1yZWFs";
  const char *tok = in + 7;
  expect_ok(auth(in));
  expect_no_token(tok, strlen(tok));

  static const char in2[] = "bEARER\r\n  mF_9.B5f-4.1JqM+/tfx==  ";
  expect_ok(auth(in2));
  expect_no_token(in2 + 10, 22);
}
END_TEST

/* Errors inside a Bearer token: the place is said, the bytes never. */
static void bearer_fail(const char *in, size_t off) {
  expect_diag(auth(in), WCHG_E_ENCODING, "Authorization/b64token", off);
  ck_assert_ptr_null(strstr(D.message, "sekret"));
  ck_assert_ptr_null(strstr(D.path, "sekret"));
}

START_TEST(auth_bearer_errors) {
  bearer_fail("Bearer", 6);
  bearer_fail("Bearer   ", 9);
  bearer_fail("Bearer =sekret", 7);
  bearer_fail("Bearer sekret\"x", 13);
  bearer_fail("Bearer sekret=x", 14);
  bearer_fail("Bearer sekret sekret", 14);
  bearer_fail("Bearer sekret, realm=\"x\"", 13);
  expect_diag(auth_n("Bearer sek\0ret", 14), WCHG_E_ENCODING, "Authorization/b64token", 10);
  expect_diag(auth("Bearer\t\xC3\xA9sekret"), WCHG_E_ENCODING, "Authorization/b64token", 7);
  ck_assert_int_eq(A.scheme, WCHG_SIP_AUTH_NONE);
}
END_TEST

/* ---- Authorization: malformed --------------------------------------- */

START_TEST(auth_errors) {
  static const char trunc[] = "Digest realm=\"r\", username=\"alice";
  static const char trunc_esc[] = "Digest username=\"alice\\";
  static const char esc_quote[] = "Digest username=\"alice\\\"";
  static const char dup[] = "Digest realm=\"a\", REALM=\"b\"";
  static const char dup_other[] = "Digest foo=1, Foo=2";

  expect_diag(auth(""), WCHG_E_MISSING, "Authorization/auth-scheme", 0);
  expect_diag(auth(" \r\n\t"), WCHG_E_MISSING, "Authorization/auth-scheme", 4);
  expect_diag(auth("Basic QWxhZGRpbjpvcGVu"), WCHG_E_RANGE, "Authorization/auth-scheme", 0);
  expect_diag(auth("=Digest"), WCHG_E_ENCODING, "Authorization/auth-scheme", 0);
  expect_diag(auth(trunc), WCHG_E_TRUNCATED, "Authorization/username", off_of(trunc, "\"alice"));
  expect_diag(auth(trunc_esc), WCHG_E_TRUNCATED, "Authorization/username",
              off_of(trunc_esc, "\\"));
  expect_diag(auth(esc_quote), WCHG_E_TRUNCATED, "Authorization/username", 16);
  expect_diag(auth("Digest username \"alice\""), WCHG_E_ENCODING, "Authorization/username", 16);
  expect_diag(auth("Digest realm="), WCHG_E_ENCODING, "Authorization/realm", 13);
  expect_diag(auth("Digest realm=,"), WCHG_E_ENCODING, "Authorization/realm", 13);
  expect_diag(auth(dup), WCHG_E_DUPLICATE, "Authorization/realm", off_of(dup, "REALM"));
  expect_diag(auth(dup_other), WCHG_E_DUPLICATE, "Authorization/auth-param[1]",
              off_of(dup_other, "Foo"));
  expect_diag(auth("Digest"), WCHG_E_ENCODING, "Authorization", 6);
  expect_diag(auth("Digest,realm=a"), WCHG_E_ENCODING, "Authorization/auth-scheme", 6);
  expect_diag(auth("Digest realm=a,"), WCHG_E_ENCODING, "Authorization", 15);
  expect_diag(auth("Digest realm=a,,nonce=b"), WCHG_E_ENCODING, "Authorization", 15);
  expect_diag(auth("Digest realm=a nonce=b"), WCHG_E_ENCODING, "Authorization/realm", 15);
  expect_diag(auth("Digest realm=a; nonce=b"), WCHG_E_ENCODING, "Authorization/realm", 14);
  expect_diag(auth("Digest nc=0001"), WCHG_E_ENCODING, "Authorization/nc", 10);
  expect_diag(auth("Digest nc=\"00000001\""), WCHG_E_ENCODING, "Authorization/nc", 10);
  expect_diag(auth("Digest nc=0000000g"), WCHG_E_ENCODING, "Authorization/nc", 10);
  expect_diag(auth("Digest uri=[::1]"), WCHG_E_ENCODING, "Authorization/uri", 11);
}
END_TEST

START_TEST(auth_bad_bytes) {
  /* NUL inside a quoted string and after a token */
  expect_diag(auth_n("Digest username=\"a\0b\"", 21), WCHG_E_ENCODING,
              "Authorization/username", 18);
  expect_diag(auth_n("Digest username=a\0", 18), WCHG_E_ENCODING, "Authorization/username", 17);
  expect_diag(auth_n("Dig\0est", 7), WCHG_E_ENCODING, "Authorization/auth-scheme", 3);
  /* invalid UTF-8 in a quoted string: the offset of the bad byte */
  expect_diag(auth("Digest realm=\"r\", username=\"ab\xC3\x28\""), WCHG_E_UTF8,
              "Authorization/username", 30);
  expect_diag(auth("Digest username=\"\xED\xA0\x80\""), WCHG_E_UTF8, "Authorization/username",
              17);
  /* non-ASCII outside quotes is a syntax error */
  expect_diag(auth("Digest username=\xC3\xA9"), WCHG_E_ENCODING, "Authorization/username", 16);
  /* bad escapes */
  expect_diag(auth("Digest username=\"a\\\x01\""), WCHG_E_ENCODING, "Authorization/username",
              18);
  expect_diag(auth("Digest username=\"a\\\xC3\xA9\""), WCHG_E_ENCODING,
              "Authorization/username", 18);
  /* line breaks that are not folding */
  expect_diag(auth("Digest username=\"a\",\r\nrealm=\"b\""), WCHG_E_ENCODING, "Authorization",
              20);
  expect_diag(auth("Digest username=\"a\r\nb\""), WCHG_E_ENCODING, "Authorization/username",
              18);
  expect_diag(auth("Digest username=\"a\nb\""), WCHG_E_ENCODING, "Authorization/username", 18);
  expect_diag(auth("Digest username=\"a\"\r\n"), WCHG_E_ENCODING, "Authorization/username", 19);
  expect_diag(auth("Digest username=\"a\x7f\""), WCHG_E_ENCODING, "Authorization/username",
              18);
}
END_TEST

START_TEST(auth_limits) {
  char in[1024];
  size_t n = (size_t)snprintf(in, sizeof in, "Digest realm=r");
  for (int k = 0; k < WCHG_SIP_MAX_PARAMS; k++)
    n += (size_t)snprintf(in + n, sizeof in - n, ", p%d=%d", k, k);
  expect_ok(auth(in));
  ck_assert_uint_eq(A.param_count, WCHG_SIP_MAX_PARAMS);
  expect_str(A.params[31].name, "p31");
  expect_val(A.params[31].value, "31", false);
  snprintf(in + n, sizeof in - n, ", p99=1");
  expect_diag(auth(in), WCHG_E_LIMIT, "Authorization/auth-param[32]", n + 2);
}
END_TEST

START_TEST(auth_args) {
  ck_assert_int_eq(wchg_sip_parse_authorization("Digest a=b", 10, NULL, &D), WCHG_E_ARG);
  ck_assert_int_eq(D.code, WCHG_E_ARG);
  ck_assert_int_eq(wchg_sip_parse_authorization(NULL, 3, &A, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_sip_parse_authorization(NULL, 0, &A, &D), WCHG_E_MISSING);
  ck_assert_int_eq(wchg_sip_parse_authorization("Digest a=b", 10, &A, NULL), WCHG_OK);
  ck_assert_int_eq(wchg_sip_parse_authorization("Digest a", 8, &A, NULL), WCHG_E_ENCODING);
  /* a diag from an earlier failure is cleared */
  ck_assert_int_eq(auth("Digest a"), WCHG_E_ENCODING);
  expect_ok(auth("Digest a=b"));
}
END_TEST

START_TEST(unquote_errors) {
  size_t len;
  char buf[8];
  ck_assert_int_eq(wchg_sip_unquote(WCHG_STR("ab\\"), buf, sizeof buf, &len), WCHG_E_ENCODING);
  ck_assert_int_eq(wchg_sip_unquote(WCHG_STR("a\r\nb"), buf, sizeof buf, &len),
                   WCHG_E_ENCODING);
  ck_assert_int_eq(wchg_sip_unquote(WCHG_STR("a\rb"), buf, sizeof buf, &len), WCHG_E_ENCODING);
  ck_assert_int_eq(wchg_sip_unquote(WCHG_STR("a"), buf, sizeof buf, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_sip_unquote((wchg_str){NULL, 2}, buf, sizeof buf, &len), WCHG_E_ARG);
  ck_assert_int_eq(wchg_sip_unquote(WCHG_STR("a"), NULL, 4, &len), WCHG_E_ARG);
}
END_TEST

/* ---- P-Charging-Vector ---------------------------------------------- */

START_TEST(pcv_example) {
  static const char in[] =
      "icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\"; icid-generated-at=192.0.2.1; "
      "orig-ioi=home1.net";
  expect_ok(pcv(in));
  expect_val(V.icid_value, "AyretyU0dm+6O2IrT5tAFrbHLso=", true);
  expect_val(V.icid_generated_at, "192.0.2.1", false);
  expect_val(V.orig_ioi, "home1.net", false);
  expect_absent(V.term_ioi);
  expect_absent(V.transit_ioi);
  ck_assert_uint_eq(V.transit_ioi_count, 0);
  expect_absent(V.related_icid);
  expect_absent(V.related_icid_generated_at);
  ck_assert_uint_eq(V.param_count, 0);
}
END_TEST

START_TEST(pcv_every_field) {
  static const char in[] =
      "ICID-Value=1234bc9876e ;Icid-Generated-At=[2001:db8::9:1]; orig-ioi=\"Type 3home1.net\";"
      "TERM-IOI=home2.net; transit-ioi=\"transit1.1, void.2,\r\n tr3.3\"; related-icid=abc;"
      "related-icid-generated-at=pcscf1.home1.net; fb; Ext=\"a\\\"b\"";
  expect_ok(pcv(in));
  expect_val(V.icid_value, "1234bc9876e", false);
  expect_val(V.icid_generated_at, "[2001:db8::9:1]", false);
  expect_val(V.orig_ioi, "Type 3home1.net", true);
  expect_val(V.term_ioi, "home2.net", false);
  expect_str(V.transit_ioi.raw, "transit1.1, void.2,\r\n tr3.3");
  ck_assert(V.transit_ioi.quoted && V.transit_ioi.escaped);
  ck_assert_uint_eq(V.transit_ioi_count, 3);
  expect_str(V.transit_ioi_list[0], "transit1.1");
  expect_str(V.transit_ioi_list[1], "void.2");
  expect_str(V.transit_ioi_list[2], "tr3.3");
  expect_val(V.related_icid, "abc", false);
  expect_val(V.related_icid_generated_at, "pcscf1.home1.net", false);
  ck_assert_uint_eq(V.param_count, 2);
  expect_str(V.params[0].name, "fb");
  expect_absent(V.params[0].value);
  expect_str(V.params[1].name, "Ext");
  expect_str(V.params[1].value.raw, "a\\\"b");
  expect_unquoted(V.params[1].value.raw, "a\"b");
  ck_assert_ptr_eq(wchg_sip_param_find(V.params, V.param_count, "ext"), &V.params[1]);

  expect_ok(pcv("transit-ioi=tr.1; icid-value=x"));
  ck_assert_uint_eq(V.transit_ioi_count, 1);
  expect_str(V.transit_ioi_list[0], "tr.1");
  expect_val(V.icid_value, "x", false);
}
END_TEST

START_TEST(pcv_errors) {
  static const char dup[] = "icid-value=a; ICID-VALUE=b";
  static const char dup2[] = "icid-value=a; x=1; y; X";
  static const char trunc[] = "icid-value=\"AyretyU0dm";
  expect_diag(pcv(""), WCHG_E_MISSING, "P-Charging-Vector/icid-value", 0);
  expect_diag(pcv("  "), WCHG_E_MISSING, "P-Charging-Vector/icid-value", 2);
  expect_diag(pcv("orig-ioi=home1.net"), WCHG_E_MISSING, "P-Charging-Vector/icid-value",
              WCHG_NO_OFFSET);
  expect_diag(pcv(dup), WCHG_E_DUPLICATE, "P-Charging-Vector/icid-value", off_of(dup, "ICID"));
  expect_diag(pcv(dup2), WCHG_E_DUPLICATE, "P-Charging-Vector/generic-param[2]",
              off_of(dup2, "X"));
  expect_diag(pcv(trunc), WCHG_E_TRUNCATED, "P-Charging-Vector/icid-value", 11);
  expect_diag(pcv("icid-value=\"a\\"), WCHG_E_TRUNCATED, "P-Charging-Vector/icid-value", 13);
  expect_diag(pcv("icid-value"), WCHG_E_ENCODING, "P-Charging-Vector/icid-value", 10);
  expect_diag(pcv("icid-value;orig-ioi=a"), WCHG_E_ENCODING, "P-Charging-Vector/icid-value",
              10);
  expect_diag(pcv("icid-value=a, orig-ioi=b"), WCHG_E_ENCODING, "P-Charging-Vector/icid-value",
              12);
  expect_diag(pcv("icid-value=a;"), WCHG_E_ENCODING, "P-Charging-Vector", 13);
  expect_diag(pcv("icid-value=a; icid-generated-at=\"x\""), WCHG_E_ENCODING,
              "P-Charging-Vector/icid-generated-at", 32);
  expect_diag(pcv("icid-value=a; icid-generated-at=a_b"), WCHG_E_ENCODING,
              "P-Charging-Vector/icid-generated-at", 32);
  expect_diag(pcv("icid-value=a; icid-generated-at=[1:2"), WCHG_E_ENCODING,
              "P-Charging-Vector/icid-generated-at", 36);
  expect_diag(pcv("icid-value=a; icid-generated-at=[]"), WCHG_E_ENCODING,
              "P-Charging-Vector/icid-generated-at", 33);
  expect_diag(pcv("icid-value=a; transit-ioi=\"t.1, \""), WCHG_E_ENCODING,
              "P-Charging-Vector/transit-ioi", 32);
  expect_diag(pcv("icid-value=a; transit-ioi=\"\""), WCHG_E_ENCODING,
              "P-Charging-Vector/transit-ioi", 27);
  expect_diag(pcv("icid-value=a; transit-ioi=\"t.1; t.2\""), WCHG_E_ENCODING,
              "P-Charging-Vector/transit-ioi", 30);
  expect_diag(pcv("icid-value=a; transit-ioi=[::1]"), WCHG_E_ENCODING,
              "P-Charging-Vector/transit-ioi", 26);
  expect_diag(pcv_n("icid-value=a\0", 13), WCHG_E_ENCODING, "P-Charging-Vector/icid-value", 12);
  expect_diag(pcv("icid-value=\"\xC0\xAF\""), WCHG_E_UTF8, "P-Charging-Vector/icid-value", 12);
  expect_diag(pcv("icid-value=a; \xC3\xA9=1"), WCHG_E_ENCODING, "P-Charging-Vector", 14);
}
END_TEST

START_TEST(pcv_limits) {
  char in[1024];
  size_t n = (size_t)snprintf(in, sizeof in, "icid-value=a; transit-ioi=\"");
  for (int k = 0; k < WCHG_SIP_MAX_TRANSIT_IOI; k++)
    n += (size_t)snprintf(in + n, sizeof in - n, "%st%d.%d", k ? "," : "", k, k);
  snprintf(in + n, sizeof in - n, "\"");
  expect_ok(pcv(in));
  ck_assert_uint_eq(V.transit_ioi_count, WCHG_SIP_MAX_TRANSIT_IOI);
  snprintf(in + n, sizeof in - n, ",x.1\"");
  expect_diag(pcv(in), WCHG_E_LIMIT, "P-Charging-Vector/transit-ioi", n + 1);

  n = (size_t)snprintf(in, sizeof in, "icid-value=a");
  for (int k = 0; k < WCHG_SIP_MAX_PARAMS; k++)
    n += (size_t)snprintf(in + n, sizeof in - n, ";g%d", k);
  expect_ok(pcv(in));
  ck_assert_uint_eq(V.param_count, WCHG_SIP_MAX_PARAMS);
  snprintf(in + n, sizeof in - n, "; g99=1");
  expect_diag(pcv(in), WCHG_E_LIMIT, "P-Charging-Vector/generic-param[32]", n + 2);
  ck_assert_int_eq(wchg_sip_parse_charging_vector(NULL, 1, &V, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_sip_parse_charging_vector("icid-value=a", 12, NULL, &D), WCHG_E_ARG);
}
END_TEST

/* Two headers into one struct, as a host does with one per message: the
 * second one's generic parameter without "=value" must not keep the
 * first one's value (a view into a buffer the host has freed). The
 * struct starts filled with a pattern, as an uninitialised one would be. */
START_TEST(pcv_two_headers) {
  static const char first[] = "icid-value=x;foo=bar;orig-ioi=\"a b\"";
  static const char second[] = "icid-value=y;fb";
  char *buf = malloc(sizeof first);
  ck_assert_ptr_nonnull(buf);
  memset(&V, 0xA5, sizeof V);
  memcpy(buf, first, sizeof first);
  expect_ok(pcv_n(buf, strlen(first)));
  ck_assert_uint_eq(V.param_count, 1);
  expect_val(V.params[0].value, "bar", false);
  memset(buf, 'z', sizeof first); /* the host reuses its buffer */
  free(buf);
  expect_ok(pcv(second));
  ck_assert_uint_eq(V.param_count, 1);
  expect_str(V.params[0].name, "fb");
  ck_assert_ptr_null(V.params[0].value.raw.ptr);
  ck_assert_uint_eq(V.params[0].value.raw.len, 0);
  ck_assert(!V.params[0].value.quoted && !V.params[0].value.escaped);
  ck_assert_ptr_null(V.orig_ioi.raw.ptr);
  ck_assert(!V.orig_ioi.quoted);
}
END_TEST

/* ---- P-Access-Network-Info ------------------------------------------ */

START_TEST(pani_lte) {
  static const char in[] = "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=2344206BC0001B1";
  expect_ok(pani(in));
  ck_assert_uint_eq(N.count, 1);
  expect_str(N.specs[0].text, in);
  expect_val(N.specs[0].access_type, "3GPP-E-UTRAN-FDD", false);
  ck_assert(!N.specs[0].network_provided);
  ck_assert_uint_eq(N.specs[0].access_info_count, 1);
  expect_str(N.specs[0].access_info[0].name, "utran-cell-id-3gpp");
  expect_val(N.specs[0].access_info[0].value, "2344206BC0001B1", false);
  const wchg_sip_param *p = wchg_sip_param_find(N.specs[0].access_info,
                                                N.specs[0].access_info_count,
                                                "UTRAN-Cell-ID-3GPP");
  ck_assert_ptr_eq(p, &N.specs[0].access_info[0]);
}
END_TEST

START_TEST(pani_several) {
  static const char in[] = " IEEE-802.11; i-wlan-node-id=ffeeddccbbaa, \"GSTN\" ";
  expect_ok(pani(in));
  ck_assert_uint_eq(N.count, 2);
  expect_str(N.specs[0].text, "IEEE-802.11; i-wlan-node-id=ffeeddccbbaa");
  expect_val(N.specs[0].access_type, "IEEE-802.11", false);
  expect_str(N.specs[0].access_info[0].name, "i-wlan-node-id");
  expect_val(N.specs[0].access_info[0].value, "ffeeddccbbaa", false);
  expect_str(N.specs[1].text, "\"GSTN\"");
  expect_val(N.specs[1].access_type, "GSTN", true);
  ck_assert_uint_eq(N.specs[1].access_info_count, 0);

  static const char in2[] =
      "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=001010001000019B;Network-Provided;"
      "local-time-zone=\"UTC+01:00\",\r\n ADSL ; dsl-location=\"loc 1\" ,xDSL,DOCSIS;"
      "eth-location=[2001:db8::1]";
  expect_ok(pani(in2));
  ck_assert_uint_eq(N.count, 4);
  expect_str(N.specs[0].text, "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=001010001000019B;"
                              "Network-Provided;local-time-zone=\"UTC+01:00\"");
  ck_assert(N.specs[0].network_provided);
  ck_assert_uint_eq(N.specs[0].access_info_count, 3);
  expect_absent(N.specs[0].access_info[1].value);
  expect_val(N.specs[0].access_info[2].value, "UTC+01:00", true);
  expect_str(N.specs[1].text, "ADSL ; dsl-location=\"loc 1\"");
  ck_assert(!N.specs[1].network_provided);
  expect_val(N.specs[2].access_type, "xDSL", false);
  expect_str(N.specs[2].text, "xDSL");
  expect_val(N.specs[3].access_info[0].value, "[2001:db8::1]", false);
  for (size_t k = 0; k < N.count; k++)
    expect_inside(N.specs[k].text, in2, sizeof in2 - 1);
}
END_TEST

START_TEST(pani_errors) {
  static const char dup[] = "3GPP-NR-FDD; nrcgi=1; NRCGI=2";
  static const char trunc[] = "IEEE-802.11, \"GSTN";
  expect_diag(pani(""), WCHG_E_MISSING, "P-Access-Network-Info/access-net-spec[0]", 0);
  expect_diag(pani("a,,b"), WCHG_E_ENCODING,
              "P-Access-Network-Info/access-net-spec[1]/access-type", 2);
  expect_diag(pani("a,"), WCHG_E_ENCODING,
              "P-Access-Network-Info/access-net-spec[1]/access-type", 2);
  expect_diag(pani(";x=1"), WCHG_E_ENCODING,
              "P-Access-Network-Info/access-net-spec[0]/access-type", 0);
  expect_diag(pani(dup), WCHG_E_DUPLICATE,
              "P-Access-Network-Info/access-net-spec[0]/access-info[1]", off_of(dup, "NRCGI"));
  expect_diag(pani("x; network-provided=yes"), WCHG_E_ENCODING,
              "P-Access-Network-Info/access-net-spec[0]/access-info[0]", 20);
  expect_diag(pani(trunc), WCHG_E_TRUNCATED,
              "P-Access-Network-Info/access-net-spec[1]/access-type", 13);
  expect_diag(pani("x; a=\"b\\"), WCHG_E_TRUNCATED,
              "P-Access-Network-Info/access-net-spec[0]/access-info[0]", 7);
  expect_diag(pani("x; a="), WCHG_E_ENCODING,
              "P-Access-Network-Info/access-net-spec[0]/access-info[0]", 5);
  expect_diag(pani("x; a=1;"), WCHG_E_ENCODING,
              "P-Access-Network-Info/access-net-spec[0]/access-info[1]", 7);
  expect_diag(pani("x y"), WCHG_E_ENCODING, "P-Access-Network-Info/access-net-spec[0]", 2);
  expect_diag(pani_n("x; a=b\0", 7), WCHG_E_ENCODING,
              "P-Access-Network-Info/access-net-spec[0]", 6);
  expect_diag(pani("\"\xF5\x80\x80\x80\""), WCHG_E_UTF8,
              "P-Access-Network-Info/access-net-spec[0]/access-type", 1);
  expect_diag(pani("x\r\ny"), WCHG_E_ENCODING, "P-Access-Network-Info/access-net-spec[0]", 1);
  ck_assert_int_eq(wchg_sip_parse_access_network_info("x", 1, NULL, &D), WCHG_E_ARG);
}
END_TEST

START_TEST(pani_limits) {
  char in[1024];
  size_t n = 0;
  for (int k = 0; k < WCHG_SIP_MAX_ACCESS_NET_SPECS; k++)
    n += (size_t)snprintf(in + n, sizeof in - n, "%sIEEE-802.11", k ? ", " : "");
  expect_ok(pani(in));
  ck_assert_uint_eq(N.count, WCHG_SIP_MAX_ACCESS_NET_SPECS);
  snprintf(in + n, sizeof in - n, ", GSTN");
  expect_diag(pani(in), WCHG_E_LIMIT, "P-Access-Network-Info/access-net-spec[8]", n + 2);

  n = (size_t)snprintf(in, sizeof in, "DOCSIS");
  for (int k = 0; k < WCHG_SIP_MAX_ACCESS_INFO; k++)
    n += (size_t)snprintf(in + n, sizeof in - n, "; p%d=%d", k, k);
  expect_ok(pani(in));
  ck_assert_uint_eq(N.specs[0].access_info_count, WCHG_SIP_MAX_ACCESS_INFO);
  snprintf(in + n, sizeof in - n, "; q");
  expect_diag(pani(in), WCHG_E_LIMIT,
              "P-Access-Network-Info/access-net-spec[0]/access-info[16]", n + 2);
}
END_TEST

/* ---- SDP -------------------------------------------------------------- */

static const char sdp_offer[] =
    "v=0\r\n"
    "o=- 4611731400430051336 2 IN IP4 192.0.2.10\r\n"
    "s=-\r\n"
    "c=IN IP4 192.0.2.10\r\n"
    "t=0 0\r\n"
    "a=group:BUNDLE 0 1\r\n"
    "m=audio 49170 UDP/TLS/RTP/SAVPF 111 0 8\r\n"
    "c=IN IP4 192.0.2.10\r\n"
    "b=AS:64\r\n"
    "a=rtpmap:111 opus/48000/2\r\n"
    "a=mid:0\r\n"
    "a=sendrecv\r\n"
    "m=video 51372 UDP/TLS/RTP/SAVPF 96 97\r\n"
    "a=rtpmap:96 VP8/90000\r\n"
    "a=rtpmap:97 H264/90000\r\n"
    "a=mid:1\r\n"
    "a=sendonly\r\n";

START_TEST(sdp_audio_video) {
  expect_ok(sdp(sdp_offer));
  ck_assert_uint_eq(S.session_count, 6);
  expect_str(S.session[0], "v=0");
  expect_str(S.session[1], "o=- 4611731400430051336 2 IN IP4 192.0.2.10");
  expect_str(S.session[3], "c=IN IP4 192.0.2.10");
  expect_str(S.session[5], "a=group:BUNDLE 0 1");
  ck_assert_uint_eq(S.media_count, 2);
  const wchg_sdp_media *a = &S.media[0], *v = &S.media[1];
  expect_str(a->media_name, "m=audio 49170 UDP/TLS/RTP/SAVPF 111 0 8");
  expect_str(a->media, "audio");
  ck_assert_uint_eq(a->port, 49170);
  ck_assert_uint_eq(a->port_count, 1);
  expect_str(a->proto, "UDP/TLS/RTP/SAVPF");
  expect_str(a->formats, "111 0 8");
  ck_assert_uint_eq(a->format_count, 3);
  ck_assert_uint_eq(a->line_count, 5);
  expect_str(a->lines[0], "c=IN IP4 192.0.2.10");
  expect_str(a->lines[1], "b=AS:64");
  expect_str(a->lines[4], "a=sendrecv");
  expect_str(v->media, "video");
  ck_assert_uint_eq(v->port, 51372);
  expect_str(v->formats, "96 97");
  ck_assert_uint_eq(v->format_count, 2);
  ck_assert_uint_eq(v->line_count, 4);
  expect_str(v->lines[3], "a=sendonly");
  ck_assert_int_eq(wchg_sdp_media_direction(&S, 0), WCHG_SDP_SENDRECV);
  ck_assert_int_eq(wchg_sdp_media_direction(&S, 1), WCHG_SDP_SENDONLY);
  ck_assert_int_eq(wchg_sdp_media_direction(&S, 2), WCHG_SDP_INACTIVE);
  ck_assert_int_eq(wchg_sdp_media_direction(NULL, 0), WCHG_SDP_INACTIVE);
}
END_TEST

/* The re-INVITE that drops the video: port 0; LF line ends and no line
 * end after the last line. */
START_TEST(sdp_reinvite_drops_video) {
  static const char in[] = "v=0\n"
                           "o=- 4611731400430051336 3 IN IP4 192.0.2.10\n"
                           "s=-\n"
                           "t=0 0\n"
                           "a=recvonly\n"
                           "m=audio 49170 RTP/AVP 0\n"
                           "c=IN IP4 192.0.2.10\n"
                           "m=video 0 RTP/AVP 96\n"
                           "m=application 5000/2 UDP/DTLS/SCTP webrtc-datachannel\n"
                           "a=inactive";
  expect_ok(sdp(in));
  ck_assert_uint_eq(S.session_count, 5);
  ck_assert_uint_eq(S.media_count, 3);
  ck_assert_uint_eq(S.media[0].port, 49170);
  ck_assert_uint_eq(S.media[0].line_count, 1);
  ck_assert_uint_eq(S.media[1].port, 0);
  ck_assert_uint_eq(S.media[1].line_count, 0);
  expect_str(S.media[1].media_name, "m=video 0 RTP/AVP 96");
  expect_str(S.media[2].media, "application");
  ck_assert_uint_eq(S.media[2].port, 5000);
  ck_assert_uint_eq(S.media[2].port_count, 2);
  expect_str(S.media[2].proto, "UDP/DTLS/SCTP");
  expect_str(S.media[2].formats, "webrtc-datachannel");
  expect_str(S.media[2].lines[0], "a=inactive");
  /* the session-level direction applies where a media has none */
  ck_assert_int_eq(wchg_sdp_media_direction(&S, 0), WCHG_SDP_RECVONLY);
  ck_assert_int_eq(wchg_sdp_media_direction(&S, 1), WCHG_SDP_RECVONLY);
  ck_assert_int_eq(wchg_sdp_media_direction(&S, 2), WCHG_SDP_INACTIVE);
  for (size_t k = 0; k < S.session_count; k++)
    expect_inside(S.session[k], in, sizeof in - 1);
}
END_TEST

START_TEST(sdp_minimal_and_utf8) {
  expect_ok(sdp("v=0"));
  ck_assert_uint_eq(S.session_count, 1);
  ck_assert_uint_eq(S.media_count, 0);
  expect_ok(sdp("v=0\r\ns=Appel de J\xC3\xA9r\xC3\xB4me\r\ni=\t tab\r\ns=\r\n"));
  ck_assert_uint_eq(S.session_count, 4);
  expect_str(S.session[1], "s=Appel de J\xC3\xA9r\xC3\xB4me");
  expect_str(S.session[3], "s=");
}
END_TEST

#define SS "SDP/SDP-Session-Description"
#define SM "SDP/SDP-Media-Component"

/* wchg_sdp_parse_body() into storage of |lines| lines and |media|
 * components (0: what wchg_sdp_body_size() says). */
static wchg_str B_LINES[8192];
static wchg_sdp_component B_MEDIA[128];
static wchg_sdp_body B;
static wchg_diag W_ITEMS[4];
static wchg_warnings W = {W_ITEMS, 4, 0};

static wchg_status body_ex(const char *in, size_t len, const wchg_sdp_limits *lim,
                           wchg_policy policy, size_t lines, size_t media) {
  if (!lines || !media)
    wchg_sdp_body_size(in, len, lines ? NULL : &lines, media ? NULL : &media);
  ck_assert_uint_le(lines, 8192);
  ck_assert_uint_le(media, 128);
  B = (wchg_sdp_body){B_LINES, lines, B_MEDIA, media, 99, 99};
  W.count = 0;
  return wchg_sdp_parse_body(in, len, lim, policy, &B, &W, &D);
}
static wchg_status body(const char *in, wchg_policy policy) {
  return body_ex(in, strlen(in), NULL, policy, 0, 0);
}

static void expect_warning(size_t i, wchg_status code, const char *path, size_t off) {
  ck_assert_uint_gt(W.count, i);
  ck_assert_int_eq(W.items[i].code, code);
  ck_assert_str_eq(W.items[i].path, path);
  ck_assert_uint_eq(W.items[i].offset, off);
  ck_assert_uint_eq(W.items[i].result_code, 0);
  ck_assert(W.items[i].message[0] != '\0');
}

/* |in| (|len| bytes) has one problem: wchg_sdp_parse() and the strict
 * wchg_sdp_parse_body() refuse it with the same diagnostic; the receive
 * policy reads it with that diagnostic as its one warning. */
static void sdp_fail_n(const char *in, size_t len, wchg_status code, const char *path,
                       size_t off, const char *line) {
  wchg_diag want;
  expect_diag(sdp_n(in, len), code, path, off);
  ck_assert_msg(strstr(D.message, line) != NULL, "'%s' not in '%s'", line, D.message);
  want = D;
  expect_diag(body_ex(in, len, NULL, WCHG_POLICY_STRICT, 0, 0), code, path, off);
  ck_assert_str_eq(D.message, want.message);
  ck_assert_uint_eq(W.count, 0);
  expect_ok(body_ex(in, len, NULL, WCHG_POLICY_RECEIVE, 0, 0));
  ck_assert_uint_eq(W.count, 1);
  expect_warning(0, code, path, off);
  ck_assert_str_eq(W.items[0].message, want.message);
}
static void sdp_fail(const char *in, wchg_status code, const char *path, size_t off,
                     const char *line) {
  sdp_fail_n(in, strlen(in), code, path, off, line);
}

START_TEST(sdp_errors) {
  expect_diag(sdp(""), WCHG_E_MISSING, SS "[0]", 0);
  expect_diag(sdp_n(NULL, 0), WCHG_E_MISSING, SS "[0]", 0);
  sdp_fail("o=- 1 1 IN IP4 h\r\n", WCHG_E_MISSING, SS "[0]", 0, "line 1:");
  sdp_fail("m=audio 1 RTP/AVP 0\r\n", WCHG_E_MISSING, SS "[0]", 0, "line 1:");
  sdp_fail("v=1\r\n", WCHG_E_RANGE, SS "[0]", 2, "line 1:");
  sdp_fail("v=00\r\n", WCHG_E_RANGE, SS "[0]", 2, "line 1:");
  sdp_fail("V=0\r\n", WCHG_E_ENCODING, SS "[0]", 0, "line 1:");
  sdp_fail("v=0\r\ns-\r\n", WCHG_E_ENCODING, SS "[1]", 6, "line 2:");
  sdp_fail("v=0\r\ns", WCHG_E_ENCODING, SS "[1]", 6, "line 2:");
  sdp_fail("v=0\r\n1=x\r\n", WCHG_E_ENCODING, SS "[1]", 5, "line 2:");
  sdp_fail("v=0\r\n=x\r\n", WCHG_E_ENCODING, SS "[1]", 5, "line 2:");
  sdp_fail("v=0\r\n\r\ns=-\r\n", WCHG_E_ENCODING, SS "[1]", 5, "line 2:");
  /* an empty line in the middle (the one at the end: sdp_trailing_empty) */
  sdp_fail("v=0\r\n\r\ns=-\r\n\r\n", WCHG_E_ENCODING, SS "[1]", 5, "line 2:");
  sdp_fail("v=0\r\ns=a\x01\r\n", WCHG_E_ENCODING, SS "[1]", 8, "line 2:");
  sdp_fail("v=0\r\ns=a\rb\r\n", WCHG_E_ENCODING, SS "[1]", 8, "line 2:");
  sdp_fail("v=0\r\ns=a\x7f\r\n", WCHG_E_ENCODING, SS "[1]", 8, "line 2:");
  sdp_fail("v=0\r\ns=ab\xC3\r\n", WCHG_E_UTF8, SS "[1]", 9, "line 2:");
  sdp_fail("v=0\r\ns=-\r\nv=0\r\n", WCHG_E_DUPLICATE, SS "[2]", 10, "line 3:");
  sdp_fail("v=0\r\na=sendonly\r\na=inactive\r\n", WCHG_E_DUPLICATE, SS "[2]", 17, "line 3:");
  sdp_fail("v=0\r\nm=audio 1 RTP/AVP 0\r\na=sendonly\r\na=recvonly\r\n", WCHG_E_DUPLICATE,
           SM "[0]/SDP-Media-Description[1]", 38, "line 4:");
  ck_assert_int_eq(wchg_sdp_parse("v=0\nx", 5, &S, NULL), WCHG_E_ENCODING);
  ck_assert_int_eq(wchg_sdp_parse(NULL, 2, &S, &D), WCHG_E_ARG);
  ck_assert_int_eq(wchg_sdp_parse("v=0", 3, NULL, &D), WCHG_E_ARG);
}
END_TEST

START_TEST(sdp_nul) {
  static const char in[] = "v=0\r\ns=a\0b\r\n";
  sdp_fail_n(in, sizeof in - 1, WCHG_E_ENCODING, SS "[1]", 8, "line 2:");
  /* receive: kept as received, NUL and all */
  ck_assert_uint_eq(B.session_count, 2);
  ck_assert_uint_eq(B.lines[1].len, 5);
}
END_TEST

#define MN(i) SM "[" #i "]/SDP-Media-Name"

START_TEST(sdp_bad_m_lines) {
  /* "v=0\n" is 4 bytes: the m= line starts at 4, its value at 6 */
  sdp_fail("v=0\nm=\n", WCHG_E_ENCODING, MN(0), 6, "line 2:");
  sdp_fail("v=0\nm=audio\n", WCHG_E_ENCODING, MN(0), 11, "line 2:");
  sdp_fail("v=0\nm=audio x RTP/AVP 0\n", WCHG_E_ENCODING, MN(0), 12, "line 2:");
  sdp_fail("v=0\nm=audio  1 RTP/AVP 0\n", WCHG_E_ENCODING, MN(0), 12, "line 2:");
  sdp_fail("v=0\nm=audio 65536 RTP/AVP 0\n", WCHG_E_RANGE, MN(0), 12, "line 2:");
  sdp_fail("v=0\nm=audio 99999999999 RTP/AVP 0\n", WCHG_E_RANGE, MN(0), 12, "line 2:");
  sdp_fail("v=0\nm=audio 1/0 RTP/AVP 0\n", WCHG_E_RANGE, MN(0), 14, "line 2:");
  sdp_fail("v=0\nm=audio 1/ RTP/AVP 0\n", WCHG_E_ENCODING, MN(0), 14, "line 2:");
  sdp_fail("v=0\nm=audio 1 RTP/AVP\n", WCHG_E_ENCODING, MN(0), 21, "line 2:");
  sdp_fail("v=0\nm=audio 1 RTP/AVP \n", WCHG_E_ENCODING, MN(0), 22, "line 2:");
  sdp_fail("v=0\nm=audio 1 RTP/AVP 0 \n", WCHG_E_ENCODING, MN(0), 24, "line 2:");
  sdp_fail("v=0\nm=audio 1 RTP/ 0\n", WCHG_E_ENCODING, MN(0), 18, "line 2:");
  sdp_fail("v=0\nm=audio 1 RTP/AVP 0\tx\n", WCHG_E_ENCODING, MN(0), 23, "line 2:");
  sdp_fail("v=0\nm=audio 1 RTP/AVP 0\nm=vid(eo 1 RTP/AVP 0\n", WCHG_E_ENCODING, MN(1), 29,
           "line 3:");
  expect_ok(sdp("v=0\nm=audio 65535/65535 RTP/AVP 0\n"));
  ck_assert_uint_eq(S.media[0].port, 65535);
  ck_assert_uint_eq(S.media[0].port_count, 65535);
}
END_TEST

START_TEST(sdp_limits) {
  static char in[8192];
  size_t n = (size_t)snprintf(in, sizeof in, "v=0\r\n");
  for (int k = 1; k < WCHG_SDP_MAX_SESSION_LINES; k++)
    n += (size_t)snprintf(in + n, sizeof in - n, "a=x%d\r\n", k);
  expect_ok(sdp(in));
  ck_assert_uint_eq(S.session_count, WCHG_SDP_MAX_SESSION_LINES);
  snprintf(in + n, sizeof in - n, "a=y\r\n");
  expect_diag(sdp(in), WCHG_E_LIMIT, SS "[64]", n);
  ck_assert_ptr_nonnull(strstr(D.message, "line 65"));

  n = (size_t)snprintf(in, sizeof in, "v=0\r\n");
  for (int k = 0; k < WCHG_SDP_MAX_MEDIA; k++)
    n += (size_t)snprintf(in + n, sizeof in - n, "m=audio %d RTP/AVP 0\r\n", 1000 + k);
  expect_ok(sdp(in));
  ck_assert_uint_eq(S.media_count, WCHG_SDP_MAX_MEDIA);
  ck_assert_uint_eq(S.media[15].port, 1015);
  snprintf(in + n, sizeof in - n, "m=video 0 RTP/AVP 0\r\n");
  expect_diag(sdp(in), WCHG_E_LIMIT, MN(16), n);

  n = (size_t)snprintf(in, sizeof in, "v=0\r\nm=audio 1 RTP/AVP 0\r\n");
  for (int k = 0; k < WCHG_SDP_MAX_MEDIA_LINES; k++)
    n += (size_t)snprintf(in + n, sizeof in - n, "a=x%d\r\n", k);
  expect_ok(sdp(in));
  ck_assert_uint_eq(S.media[0].line_count, WCHG_SDP_MAX_MEDIA_LINES);
  snprintf(in + n, sizeof in - n, "a=y\r\n");
  expect_diag(sdp(in), WCHG_E_LIMIT, SM "[0]/SDP-Media-Description[64]", n);
}
END_TEST

/* ---- SDP bodies of today's browsers (wchg_sdp_parse_body) ------------- */

static char BROWSER[16384];
static sdp_shape SHAPE;

static void browser(const sdp_browser_opts *o) {
  ck_assert_uint_gt(sdp_browser(BROWSER, sizeof BROWSER, o, &SHAPE), 0);
}

/* Every line of the body in its place: the counts the generator wrote,
 * each view inside the body and in order, the m= fields. */
static void expect_browser_body(void) {
  const char *end = BROWSER + SHAPE.bytes, *last = BROWSER;
  ck_assert_uint_eq(B.session_count, SHAPE.session_lines);
  ck_assert_uint_eq(B.media_count, SDP_SECTIONS);
  expect_str(B.lines[0], "v=0");
  for (size_t k = 0; k < B.session_count; k++) {
    expect_inside(B.lines[k], BROWSER, SHAPE.bytes);
    ck_assert(B.lines[k].ptr >= last);
    last = B.lines[k].ptr + B.lines[k].len;
  }
  for (size_t m = 0; m < B.media_count; m++) {
    const wchg_sdp_component *c = &B.media[m];
    ck_assert_uint_eq(c->line_count, SHAPE.media_lines[m]);
    ck_assert(c->media_name.ptr > last && c->media_name.ptr < end);
    last = c->media_name.ptr + c->media_name.len;
    for (size_t k = 0; k < c->line_count; k++) {
      expect_inside(c->lines[k], BROWSER, SHAPE.bytes);
      ck_assert(c->lines[k].ptr > last && c->lines[k].ptr[0] != 'm');
      last = c->lines[k].ptr + c->lines[k].len;
    }
  }
  expect_str(B.media[0].media, "audio");
  ck_assert_uint_eq(B.media[0].format_count, 8);
  expect_str(B.media[1].media, "video");
  ck_assert_uint_eq(B.media[1].format_count, 40);
  expect_str(B.media[1].lines[0], "c=IN IP4 0.0.0.0");
  expect_str(B.media[2].media, "application");
  expect_str(B.media[2].proto, "UDP/DTLS/SCTP");
  expect_str(B.media[2].formats, "webrtc-datachannel");
  expect_str(B.media[2].lines[B.media[2].line_count - 1], "a=max-message-size:262144");
  ck_assert_int_eq(wchg_sdp_body_direction(&B, 0), WCHG_SDP_SENDRECV);
}

START_TEST(sdp_browser_offer) {
  sdp_browser_opts o = {0};
  size_t lines, media;
  browser(&o);
  ck_assert_uint_ge(SHAPE.lines, 240);
  ck_assert_uint_ge(SHAPE.media_lines[SDP_VIDEO], 190);
  /* the fixed-size form cannot hold it: the 65th line of the video */
  {
    const char *p = strstr(BROWSER, "m=video");
    for (int k = 0; k < 65; k++)
      p = strstr(p, "\r\n") + 2;
    expect_diag(sdp(BROWSER), WCHG_E_LIMIT, SM "[1]/SDP-Media-Description[64]",
                (size_t)(p - BROWSER));
  }
  wchg_sdp_body_size(BROWSER, SHAPE.bytes, &lines, &media);
  ck_assert_uint_eq(lines, SHAPE.lines + 1); /* the empty rest after the last CRLF */
  ck_assert_uint_eq(media, SDP_SECTIONS);
  for (int policy = 0; policy < 2; policy++) {
    expect_ok(body(BROWSER, (wchg_policy)policy));
    ck_assert_uint_eq(W.count, 0);
    expect_browser_body();
  }
  /* video off in a re-offer: the direction, the same counts */
  o.version = 3;
  o.video_dir = "a=inactive";
  browser(&o);
  expect_ok(body(BROWSER, WCHG_POLICY_STRICT));
  expect_browser_body();
  ck_assert_int_eq(wchg_sdp_body_direction(&B, 1), WCHG_SDP_INACTIVE);
  ck_assert_int_eq(wchg_sdp_body_direction(&B, 3), WCHG_SDP_INACTIVE);
  ck_assert_int_eq(wchg_sdp_body_direction(NULL, 0), WCHG_SDP_INACTIVE);
}
END_TEST

/* SIP.js ends its INVITE's body with CRLF CRLF, counted in Content-Length. */
START_TEST(sdp_trailing_empty) {
  static const char *const ok[] = {"v=0\r\ns=-\r\n\r\n", "v=0\r\ns=-\r\n\r\n\r\n\r\n",
                                   "v=0\ns=-\n\n", "v=0\r\ns=-\n\r\n", "v=0\r\ns=-\r\n\n"};
  sdp_browser_opts o = {.trailing_empty = true};
  for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
    expect_ok(sdp(ok[k]));
    ck_assert_uint_eq(S.session_count, 2);
    expect_str(S.session[1], "s=-");
    for (int policy = 0; policy < 2; policy++) {
      expect_ok(body(ok[k], (wchg_policy)policy));
      ck_assert_uint_eq(W.count, 0);
      ck_assert_uint_eq(B.session_count, 2);
    }
  }
  browser(&o);
  ck_assert(SHAPE.bytes > 4 && !memcmp(BROWSER + SHAPE.bytes - 4, "\r\n\r\n", 4));
  expect_ok(body(BROWSER, WCHG_POLICY_STRICT));
  expect_browser_body();
  /* an empty line before other lines, or a body of empty lines, is not */
  sdp_fail("v=0\r\n\r\ns=-\r\n\r\n", WCHG_E_ENCODING, SS "[1]", 5, "line 2:");
  expect_diag(sdp("\r\n"), WCHG_E_ENCODING, SS "[0]", 0);
  expect_diag(sdp("\n\n"), WCHG_E_ENCODING, SS "[0]", 0);
  expect_diag(body("\r\n\r\n", WCHG_POLICY_STRICT), WCHG_E_ENCODING, SS "[0]", 0);
  /* a lone CR at the end is no line end: a line of its own (kept by
   * receive, with its two problems) */
  expect_diag(sdp("v=0\r\ns=-\r\n\r"), WCHG_E_ENCODING, SS "[2]", 10);
  expect_ok(body("v=0\r\ns=-\r\n\r", WCHG_POLICY_RECEIVE));
  ck_assert_uint_eq(W.count, 2);
  expect_warning(0, WCHG_E_ENCODING, SS "[2]", 10);
  expect_warning(1, WCHG_E_ENCODING, SS "[2]", 10);
  ck_assert_uint_eq(B.session_count, 3);
}
END_TEST

START_TEST(sdp_body_limits) {
  static char big[WCHG_SDP_DEFAULT_MAX_BYTES + 64];
  wchg_sdp_limits lim = {0};
  size_t n, third;
  browser(NULL);
  /* max_bytes: the body's length */
  lim.max_bytes = SHAPE.bytes;
  expect_ok(body_ex(BROWSER, SHAPE.bytes, &lim, WCHG_POLICY_STRICT, 0, 0));
  lim.max_bytes = SHAPE.bytes - 1;
  for (int policy = 0; policy < 2; policy++) {
    expect_diag(body_ex(BROWSER, SHAPE.bytes, &lim, (wchg_policy)policy, 0, 0), WCHG_E_LIMIT,
                "SDP", SHAPE.bytes - 1);
    ck_assert_uint_eq(W.count, 0);
  }
  /* the default: 64 KiB */
  n = (size_t)snprintf(big, sizeof big, "v=0\r\n");
  while (n + 12 <= WCHG_SDP_DEFAULT_MAX_BYTES)
    n += (size_t)snprintf(big + n, sizeof big - n, "a=x-%05zu\r\n", n);
  memset(big + n, 'a', WCHG_SDP_DEFAULT_MAX_BYTES - n);
  big[n + 1] = '=';
  n = WCHG_SDP_DEFAULT_MAX_BYTES;
  big[n] = '\0';
  expect_ok(body_ex(big, n, NULL, WCHG_POLICY_STRICT, 8192, 1));
  ck_assert_uint_gt(B.session_count, 5000);
  big[n] = 'a';
  expect_diag(body_ex(big, n + 1, NULL, WCHG_POLICY_RECEIVE, 8192, 1), WCHG_E_LIMIT, "SDP",
              WCHG_SDP_DEFAULT_MAX_BYTES);
  ck_assert_ptr_nonnull(strstr(D.message, "65537"));
  /* max_media: the m= line past it */
  lim.max_bytes = 0;
  lim.max_media = 2;
  third = (size_t)(strstr(BROWSER, "m=application") - BROWSER);
  for (int policy = 0; policy < 2; policy++)
    expect_diag(body_ex(BROWSER, SHAPE.bytes, &lim, (wchg_policy)policy, 0, 0), WCHG_E_LIMIT,
                MN(2), third);
  lim.max_media = 3;
  expect_ok(body_ex(BROWSER, SHAPE.bytes, &lim, WCHG_POLICY_STRICT, 0, 0));
  /* the default: 64 */
  n = (size_t)snprintf(big, sizeof big, "v=0\r\n");
  for (int k = 0; k < WCHG_SDP_DEFAULT_MAX_MEDIA; k++)
    n += (size_t)snprintf(big + n, sizeof big - n, "m=audio %d RTP/AVP 0\r\na=sendonly\r\n", k);
  expect_ok(body(big, WCHG_POLICY_STRICT));
  ck_assert_uint_eq(B.media_count, WCHG_SDP_DEFAULT_MAX_MEDIA);
  ck_assert_uint_eq(B.media[63].port, 63);
  expect_str(B.media[63].lines[0], "a=sendonly");
  snprintf(big + n, sizeof big - n, "m=video 0 RTP/AVP 0\r\n");
  expect_diag(body(big, WCHG_POLICY_RECEIVE), WCHG_E_LIMIT, MN(64), n);
}
END_TEST

START_TEST(sdp_body_storage) {
  size_t video, second;
  browser(NULL);
  video = (size_t)(strstr(BROWSER, "m=video") - BROWSER);
  second = (size_t)(strstr(BROWSER, "\r\n") - BROWSER) + 2;
  /* too few lines: the first that does not fit */
  expect_diag(body_ex(BROWSER, SHAPE.bytes, NULL, WCHG_POLICY_RECEIVE, 1, 3), WCHG_E_BUFFER,
              SS "[1]", second);
  expect_diag(body_ex(BROWSER, SHAPE.bytes, NULL, WCHG_POLICY_STRICT,
                      SHAPE.session_lines + SHAPE.media_lines[0], 3),
              WCHG_E_BUFFER, SM "[1]/SDP-Media-Description[0]",
              video + (size_t)(strstr(BROWSER + video, "\r\n") - (BROWSER + video)) + 2);
  /* too few components */
  expect_diag(body_ex(BROWSER, SHAPE.bytes, NULL, WCHG_POLICY_STRICT, 4096, 1), WCHG_E_BUFFER,
              MN(1), video);
  /* exactly enough: the lines without the m= lines */
  expect_ok(body_ex(BROWSER, SHAPE.bytes, NULL, WCHG_POLICY_STRICT, SHAPE.lines - 3, 3));
  /* arguments */
  B = (wchg_sdp_body){NULL, 1, B_MEDIA, 1, 0, 0};
  ck_assert_int_eq(wchg_sdp_parse_body("v=0", 3, NULL, WCHG_POLICY_STRICT, &B, NULL, &D),
                   WCHG_E_ARG);
  B = (wchg_sdp_body){B_LINES, 1, NULL, 1, 0, 0};
  ck_assert_int_eq(wchg_sdp_parse_body("v=0", 3, NULL, WCHG_POLICY_STRICT, &B, NULL, &D),
                   WCHG_E_ARG);
  B = (wchg_sdp_body){B_LINES, 1, NULL, 0, 0, 0};
  ck_assert_int_eq(wchg_sdp_parse_body(NULL, 3, NULL, WCHG_POLICY_STRICT, &B, NULL, &D),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_sdp_parse_body("v=0", 3, NULL, WCHG_POLICY_STRICT, NULL, NULL, &D),
                   WCHG_E_ARG);
  expect_ok(wchg_sdp_parse_body("v=0", 3, NULL, WCHG_POLICY_STRICT, &B, NULL, &D));
  ck_assert_uint_eq(B.session_count, 1);
  /* an empty body, in both policies */
  for (int policy = 0; policy < 2; policy++)
    expect_diag(body("", (wchg_policy)policy), WCHG_E_MISSING, SS "[0]", 0);
  /* the size of nothing */
  wchg_sdp_body_size(NULL, 5, &video, &second);
  ck_assert_uint_eq(video + second, 0);
  wchg_sdp_body_size("m=x\nm=y\nb", 9, &video, &second);
  ck_assert_uint_eq(video, 3);
  ck_assert_uint_eq(second, 2);
  wchg_sdp_body_size("v", 1, NULL, NULL);
}
END_TEST

/* Receive: every problem of a line reported where it is; the line kept as
 * received, or left out when nothing could carry it. */
START_TEST(sdp_receive_keeps) {
  static const char in[] = "o=- 1 1 IN IP4 192.0.2.1\r\n" /* no v= first: kept */
                           "s=caf\xC3\r\n"                   /* not UTF-8: out */
                           "S=upper\r\n"                     /* kept */
                           "\r\n"                            /* empty: out */
                           "m=audio x RTP/AVP 0\r\n"         /* its fields 0 */
                           "a=sendonly\r\n"
                           "a=recvonly\r\n"                  /* a second one: kept */
                           "a=x\x01y\r\n"                    /* a control: kept */
                           "m=vid\xFF 9 RTP/AVP 0\r\n"       /* no media_name */
                           "a=rtpmap:0 PCMU/8000\r\n"
                           "v=0\r\n";                        /* a second v=: kept */
  wchg_diag items[8];
  ck_assert_int_eq(sdp(in), WCHG_E_MISSING);
  W = (wchg_warnings){items, 8, 0};
  B = (wchg_sdp_body){B_LINES, 64, B_MEDIA, 8, 0, 0};
  expect_ok(wchg_sdp_parse_body(in, sizeof in - 1, NULL, WCHG_POLICY_RECEIVE, &B, &W, &D));
  ck_assert_uint_eq(W.count, 9);
  expect_warning(0, WCHG_E_MISSING, SS "[0]", 0);
  expect_warning(1, WCHG_E_UTF8, SS "[1]", off_of(in, "\xC3"));
  expect_warning(2, WCHG_E_ENCODING, SS "[1]", off_of(in, "S=upper"));
  expect_warning(3, WCHG_E_ENCODING, SS "[2]", off_of(in, "\r\n\r\n") + 2);
  expect_warning(4, WCHG_E_ENCODING, MN(0), off_of(in, "x RTP"));
  expect_warning(5, WCHG_E_DUPLICATE, SM "[0]/SDP-Media-Description[1]",
                 off_of(in, "a=recvonly"));
  expect_warning(6, WCHG_E_ENCODING, SM "[0]/SDP-Media-Description[2]", off_of(in, "\x01"));
  expect_warning(7, WCHG_E_UTF8, MN(1), off_of(in, "\xFF"));
  ck_assert_ptr_nonnull(strstr(items[1].message, "line 2:"));
  ck_assert_uint_eq(B.session_count, 2);
  expect_str(B.lines[0], "o=- 1 1 IN IP4 192.0.2.1");
  expect_str(B.lines[1], "S=upper");
  ck_assert_uint_eq(B.media_count, 2);
  expect_str(B.media[0].media_name, "m=audio x RTP/AVP 0");
  ck_assert_ptr_null(B.media[0].media.ptr);
  ck_assert_uint_eq(B.media[0].port + B.media[0].port_count + B.media[0].format_count, 0);
  ck_assert_uint_eq(B.media[0].line_count, 3);
  expect_str(B.media[0].lines[1], "a=recvonly");
  expect_str(B.media[0].lines[2], "a=x\x01y");
  ck_assert_int_eq(wchg_sdp_body_direction(&B, 0), WCHG_SDP_SENDONLY);
  ck_assert_ptr_null(B.media[1].media_name.ptr);
  ck_assert_uint_eq(B.media[1].line_count, 2);
  expect_str(B.media[1].lines[0], "a=rtpmap:0 PCMU/8000");
  expect_str(B.media[1].lines[1], "v=0");
  /* the 9th warning (the v= line) counted, not kept */
  ck_assert_str_eq(D.path, "");
  W = (wchg_warnings){items, 2, 0};
  expect_ok(wchg_sdp_parse_body(in, sizeof in - 1, NULL, WCHG_POLICY_RECEIVE, &B, &W, NULL));
  ck_assert_uint_eq(W.count, 9);
  expect_warning(1, WCHG_E_UTF8, SS "[1]", off_of(in, "\xC3"));
  /* no warnings wanted: the same result */
  expect_ok(wchg_sdp_parse_body(in, sizeof in - 1, NULL, WCHG_POLICY_RECEIVE, &B, NULL, &D));
  ck_assert_uint_eq(B.media[1].line_count, 2);
  /* an "m" line without '=': a component, its fields not read */
  W = (wchg_warnings){items, 8, 0};
  expect_ok(wchg_sdp_parse_body("v=0\nm", 5, NULL, WCHG_POLICY_RECEIVE, &B, &W, &D));
  ck_assert_uint_eq(W.count, 1);
  expect_warning(0, WCHG_E_ENCODING, MN(0), 5);
  ck_assert_uint_eq(B.media_count, 1);
  expect_str(B.media[0].media_name, "m");
  ck_assert_ptr_null(B.media[0].media.ptr);
  /* a line with two problems: both reported, the line left out */
  W = (wchg_warnings){items, 8, 0};
  B = (wchg_sdp_body){B_LINES, 64, B_MEDIA, 8, 0, 0};
  expect_ok(wchg_sdp_parse_body("v=0\nX\x01\xC3", 7, NULL, WCHG_POLICY_RECEIVE, &B, &W, &D));
  ck_assert_uint_eq(W.count, 3);
  expect_warning(0, WCHG_E_ENCODING, SS "[1]", 5);
  expect_warning(1, WCHG_E_ENCODING, SS "[1]", 4);
  expect_warning(2, WCHG_E_UTF8, SS "[1]", 6);
  ck_assert_uint_eq(B.session_count, 1);
}
END_TEST

Suite *sip_suite(void) {
  Suite *s = suite_create("sip");
  TCase *tc = tcase_create("authorization");
  tcase_add_test(tc, auth_trusted_node);
  tcase_add_test(tc, auth_every_field);
  tcase_add_test(tc, auth_case_insensitive);
  tcase_add_test(tc, auth_escapes);
  tcase_add_test(tc, auth_folding);
  tcase_add_test(tc, auth_unicode);
  tcase_add_test(tc, auth_bearer);
  tcase_add_test(tc, auth_bearer_errors);
  tcase_add_test(tc, auth_errors);
  tcase_add_test(tc, auth_bad_bytes);
  tcase_add_test(tc, auth_limits);
  tcase_add_test(tc, auth_args);
  tcase_add_test(tc, unquote_errors);
  suite_add_tcase(s, tc);

  tc = tcase_create("p-charging-vector");
  tcase_add_test(tc, pcv_example);
  tcase_add_test(tc, pcv_every_field);
  tcase_add_test(tc, pcv_errors);
  tcase_add_test(tc, pcv_limits);
  tcase_add_test(tc, pcv_two_headers);
  suite_add_tcase(s, tc);

  tc = tcase_create("p-access-network-info");
  tcase_add_test(tc, pani_lte);
  tcase_add_test(tc, pani_several);
  tcase_add_test(tc, pani_errors);
  tcase_add_test(tc, pani_limits);
  suite_add_tcase(s, tc);

  tc = tcase_create("sdp");
  tcase_add_test(tc, sdp_audio_video);
  tcase_add_test(tc, sdp_reinvite_drops_video);
  tcase_add_test(tc, sdp_minimal_and_utf8);
  tcase_add_test(tc, sdp_errors);
  tcase_add_test(tc, sdp_nul);
  tcase_add_test(tc, sdp_bad_m_lines);
  tcase_add_test(tc, sdp_limits);
  tcase_add_test(tc, sdp_browser_offer);
  tcase_add_test(tc, sdp_trailing_empty);
  tcase_add_test(tc, sdp_body_limits);
  tcase_add_test(tc, sdp_body_storage);
  tcase_add_test(tc, sdp_receive_keeps);
  suite_add_tcase(s, tc);
  return s;
}
