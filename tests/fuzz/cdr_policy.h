/* cdr_policy.h: the contract between the BER reader's two policies
 * (cdr.h, wchg_cdr_decode_ex), checked by fuzz_cdr_decode and fuzz_cdr_json
 * on every input they decode. abort() on a breach.
 *
 *  - every failure says what and where (a code, an offset in the input);
 *  - WCHG_E_OTHER_RECORD is the same in both policies: its length is
 *    within the input and wchg_cdr_peek() reads the same tag and length;
 *  - strict success => receive success, no warning, the same DER;
 *  - strict refusal => receive refuses alike (code, path, offset), or
 *    keeps the record and its first warning is the refusal;
 *  - receive refusal => strict refuses too: alike, or at a value (one
 *    that receive kept before it stopped);
 *  - receive success => wchg_cdr_validate() names at least as many
 *    problems as there were warnings; the record's DER decodes (receive)
 *    to a record with as many warnings whose DER is the same (the values
 *    kept as received survive re-encoding); JSON of it reads back to the
 *    same DER (BER -> JSON -> DER);
 *  - every DER written is what the table-driven writer writes too, and
 *    the table-driven reader gives what the reader gives (code, place,
 *    bytes used, warnings, the record's DER), in each policy.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_FUZZ_CDR_POLICY_H
#define WCHG_FUZZ_CDR_POLICY_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/cdr_json.h>

#include "cdr/schema.h" /* wchgi_cdr_encode_tables, wchgi_cdr_decode_tables */

#define POLICY_WARN 4

static uint8_t *policy_der(const wchg_cdr *c, size_t *len) {
  size_t need = 0;
  if (wchg_cdr_encode(c, NULL, 0, &need, NULL) != WCHG_E_BUFFER)
    abort();
  uint8_t *buf = malloc(need), *tables = malloc(need);
  size_t n = 0;
  if (!buf || !tables || wchg_cdr_encode(c, buf, need, len, NULL) != WCHG_OK || *len != need)
    abort();
  if (wchgi_cdr_encode_tables(c, tables, need, &n, NULL) != WCHG_OK || n != need ||
      memcmp(buf, tables, need))
    abort();
  free(tables);
  return buf;
}

/* Codes of values that the receive policy may keep (ENCODING is also
 * a primitive in constructed form, which stops both). */
static int policy_value_code(wchg_status c) {
  return c == WCHG_E_ENCODING || c == WCHG_E_CONSTRAINT || c == WCHG_E_RANGE ||
         c == WCHG_E_UTF8 || c == WCHG_E_TIMESTAMP;
}

static int policy_same_diag(const wchg_diag *a, const wchg_diag *b) {
  return a->code == b->code && a->offset == b->offset && strcmp(a->path, b->path) == 0;
}

/* abort() unless the DER of |c| is |der|; then free |c|. */
static void policy_same_der(wchg_cdr *c, const uint8_t *der, size_t len) {
  size_t len2 = 0;
  uint8_t *again = policy_der(c, &len2);
  if (len2 != len || memcmp(der, again, len))
    abort();
  free(again);
  wchg_cdr_free(c);
}

/* Decode in receive policy (with warnings); abort() unless it is the
 * record's DER fixed point with |warnings| warnings. */
static void policy_fixed_point(const uint8_t *der, size_t len, size_t warnings) {
  wchg_cdr *c = NULL;
  wchg_warnings w = {NULL, 0, 0};
  size_t used = 0;
  if (wchg_cdr_decode_ex(der, len, WCHG_POLICY_RECEIVE, NULL, &c, &used, NULL, &w) !=
          WCHG_OK || used != len || w.count != warnings)
    abort();
  policy_same_der(c, der, len);
}

/* BER -> JSON -> DER is the record's DER |der|. */
static void policy_json(const wchg_cdr *c, const uint8_t *der, size_t len) {
  json_t *j = NULL;
  wchg_cdr *back = NULL;
  if (wchg_cdr_to_json(c, &j, NULL) != WCHG_OK ||
      wchg_cdr_from_json(j, NULL, &back, NULL) != WCHG_OK)
    abort();
  policy_same_der(back, der, len);
  json_decref(j);
}

static void policy_kept(const wchg_cdr *c, size_t warnings) {
  wchg_diag diags[4];
  size_t count = 0, len = 0;
  wchg_cdr_validate(c, WCHG_VALIDATE_WEBRTC, diags, 4, &count);
  if (count < warnings)
    abort();
  uint8_t *der = policy_der(c, &len);
  policy_fixed_point(der, len, warnings);
  policy_json(c, der, len);
  free(der);
}

/* The reader and the table-driven reader on |data| under |policy|,
 * with warnings asked for or not: alike. */
static void policy_same_as_tables(const uint8_t *data, size_t size, wchg_policy policy,
                                  int warnings) {
  wchg_cdr *a = NULL, *b = NULL;
  wchg_diag da, db, ia[POLICY_WARN], ib[POLICY_WARN];
  wchg_warnings wa = {ia, POLICY_WARN, 0}, wb = {ib, POLICY_WARN, 0};
  size_t ua = 0, ub = 0, la = 0, lb = 0;
  wchg_status ra = wchg_cdr_decode_ex(data, size, policy, NULL, &a, &ua, &da,
                                      warnings ? &wa : NULL);
  wchg_status rb = wchgi_cdr_decode_tables(data, size, policy, NULL, &b, &ub, &db,
                                           warnings ? &wb : NULL);
  if (ra != rb || ua != ub || wa.count != wb.count || (ra && !policy_same_diag(&da, &db)))
    abort();
  if (ra == WCHG_OK) {
    uint8_t *x = policy_der(a, &la), *y = policy_der(b, &lb);
    if (la != lb || memcmp(x, y, la))
      abort();
    free(x);
    free(y);
  }
  wchg_cdr_free(a);
  wchg_cdr_free(b);
}

/* Both policies on |data|: the contract above. */
static void policy_check(const uint8_t *data, size_t size) {
  wchg_cdr *s = NULL, *r = NULL;
  wchg_diag ds, dr, items[POLICY_WARN];
  wchg_warnings w = {items, POLICY_WARN, 0};
  size_t us = 0, ur = 0;
  wchg_status st = wchg_cdr_decode_ex(data, size, WCHG_POLICY_STRICT, NULL, &s, &us, &ds, NULL);
  wchg_status rt = wchg_cdr_decode_ex(data, size, WCHG_POLICY_RECEIVE, NULL, &r, &ur, &dr, &w);
  policy_same_as_tables(data, size, WCHG_POLICY_STRICT, 0);
  policy_same_as_tables(data, size, WCHG_POLICY_RECEIVE, 0);
  policy_same_as_tables(data, size, WCHG_POLICY_RECEIVE, 1);
  if (st == WCHG_E_NOMEM || rt == WCHG_E_NOMEM)
    abort(); /* the fuzzer's malloc does not fail */
  if (st != WCHG_OK && (ds.code != st || ds.offset > size))
    abort();
  if (rt != WCHG_OK && (dr.code != rt || dr.offset > size))
    abort();
  if (st == WCHG_E_OTHER_RECORD || rt == WCHG_E_OTHER_RECORD) {
    wchg_record_info info;
    if (st != rt || us != ur || ur > size || !policy_same_diag(&ds, &dr) ||
        wchg_cdr_peek(data, size, &info, NULL) != WCHG_OK || info.length != ur)
      abort();
    return;
  }
  if (st == WCHG_OK) {
    size_t ls = 0, lr = 0;
    if (rt != WCHG_OK || w.count != 0 || us != ur)
      abort();
    uint8_t *a = policy_der(s, &ls), *b = policy_der(r, &lr);
    if (ls != lr || memcmp(a, b, ls))
      abort();
    free(a);
    free(b);
  } else if (rt == WCHG_OK) {
    if (w.count == 0 || !policy_same_diag(&ds, &items[0]))
      abort();
  } else if (!policy_same_diag(&ds, &dr) && !policy_value_code(st)) {
    abort(); /* strict stopped elsewhere: only at a value receive kept */
  }
  if (rt == WCHG_OK)
    policy_kept(r, w.count);
  wchg_cdr_free(s);
  wchg_cdr_free(r);
}

#endif
