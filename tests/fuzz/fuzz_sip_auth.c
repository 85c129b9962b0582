/* fuzz_sip_auth: arbitrary bytes into wchg_sip_parse_authorization. On
 * success every view lies inside the input and unquotes; a Bearer result
 * holds nothing but its scheme; on failure the diagnostic is complete, and
 * for a Bearer header it is one of the fixed sentences (never the token's
 * bytes). Any inconsistency aborts.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/sip.h>

static const char *in_s;
static size_t in_n;

static void inside(wchg_str v) {
  if (!v.ptr) {
    if (v.len)
      abort();
    return;
  }
  if (v.ptr < in_s || v.len > in_n || (size_t)(v.ptr - in_s) > in_n - v.len)
    abort();
}

static void value(const wchg_sip_value *v) {
  static char buf[4096];
  size_t len = 0;
  inside(v->raw);
  if (!v->raw.ptr)
    return;
  if (v->escaped && !v->quoted)
    abort();
  wchg_status rc = wchg_sip_unquote(v->raw, buf, sizeof buf, &len);
  if (rc == WCHG_E_BUFFER && v->raw.len > sizeof buf)
    return;
  if (rc != WCHG_OK || len > v->raw.len)
    abort();
  if (!v->escaped && (len != v->raw.len || memcmp(buf, v->raw.ptr, len)))
    abort();
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Does the input start (after whitespace and folding) with the scheme
 * Bearer? */
static int is_bearer(void) {
  size_t i = 0;
  for (;;) {
    if (i < in_n && (in_s[i] == ' ' || in_s[i] == '\t'))
      i++;
    else if (in_n - i >= 3 && in_s[i] == '\r' && in_s[i + 1] == '\n' &&
             (in_s[i + 2] == ' ' || in_s[i + 2] == '\t'))
      i += 3;
    else
      break;
  }
  if (in_n - i < 6)
    return 0;
  for (size_t k = 0; k < 6; k++)
    if (lower(in_s[i + k]) != "bearer"[k])
      return 0;
  if (in_n - i == 6)
    return 1;
  char c = in_s[i + 6];
  int token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              (c && strchr("-.!%*_+`'~", c));
  return !token;
}

static const char *const bearer_msgs[] = {
    "a b64token expected after Bearer", "the token holds a character outside b64token",
    "text follows the token", "whitespace expected after the scheme"};

static void bearer_failure(const wchg_diag *d) {
  for (size_t k = 0; k < sizeof bearer_msgs / sizeof bearer_msgs[0]; k++)
    if (!strcmp(d->message, bearer_msgs[k]))
      return;
  abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static wchg_sip_authorization a, z;
  wchg_diag d;
  in_s = (const char *)data;
  in_n = size;
  wchg_status rc = wchg_sip_parse_authorization(in_s, size, &a, &d);
  if (rc != WCHG_OK) {
    if (d.code != rc || !d.message[0] || !d.path[0] ||
        (d.offset != WCHG_NO_OFFSET && d.offset > size))
      abort();
    if (is_bearer())
      bearer_failure(&d);
    return 0;
  }
  if (d.code != WCHG_OK)
    abort();
  if (a.scheme == WCHG_SIP_AUTH_BEARER) { /* nothing but the scheme */
    memset(&z, 0, sizeof z);
    z.scheme = WCHG_SIP_AUTH_BEARER;
    if (!is_bearer() || memcmp(&z, &a, sizeof a))
      abort();
    return 0;
  }
  if (a.scheme != WCHG_SIP_AUTH_DIGEST || a.param_count > WCHG_SIP_MAX_PARAMS)
    abort();
  const wchg_sip_value *f[] = {&a.username, &a.realm, &a.nonce, &a.uri, &a.response,
                               &a.algorithm, &a.qop, &a.nc, &a.cnonce, &a.opaque,
                               &a.integrity_protected, &a.authorization_entity};
  for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
    value(f[k]);
  for (size_t k = 0; k < a.param_count; k++) {
    inside(a.params[k].name);
    if (!a.params[k].name.len || !a.params[k].value.raw.ptr)
      abort();
    value(&a.params[k].value);
  }
  return 0;
}
