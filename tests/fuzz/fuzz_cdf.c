/* fuzz_cdf: the CDF fed arbitrary bytes, two ways (the first octet picks):
 *
 *  even  the bytes are a CDF state for wchg_cdf_import (its length field
 *        and CRC fixed up, so that the checks behind them are reached).
 *        A state of the current version it accepts must export to the
 *        same bytes (one of an older version to the current version,
 *        which imports again), and the CDF must keep working: ACRs,
 *        expiry, every queued CDR decoding.
 *  odd   the bytes are a sequence of Diameter messages (each preceded by
 *        a 2-octet length) fed through wchg_cdf_feed_bytes_ex, in the
 *        receive policy (the default) or, when the first octet has bit 1
 *        set, the strict one: every call answers with an ACA (unless the
 *        message is shorter than a header, has no Session-Id to echo, or
 *        is another node's ACR: then no ACA), every ACR is accounted for
 *        (acrs == folded + duplicates + rejected + other_node: those
 *        decoded, wchg_cdf_last_acr set), the warnings counted are those
 *        given to the caller for them (none in strict), every queued CDR
 *        decodes, and
 *        export -> import -> export gives the same bytes. Expiry runs
 *        with a budget of 1 to 3 CDRs: a call closes no more, says how
 *        many are still due (up to the budget; none when it closed fewer
 *        than the budget), and calls until none is due close every
 *        session at the end, after which no shared value (cdf_shared.c)
 *        is referred to.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>

#include "cdf/cdf_internal.h" /* cdf_state_seal, shared values */

#define T0 1700000000000LL

static wchg_cdf *make_policy(wchg_policy policy) {
  wchg_cdf_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.policy = policy;
  cfg.utc_offset_minutes = 60;
  cfg.max_record_duration_ms = 60000;
  cfg.max_media_changes = 3;
  cfg.session_timeout_ms = 600000;
  cfg.duplicate_memory = 16;
  cfg.origin_host = WCHG_STR("cdf.example.net");
  cfg.origin_realm = WCHG_STR("example.net");
  wchg_cdf *c = wchg_cdf_new(&cfg);
  if (!c)
    abort();
  return c;
}

static wchg_cdf *make(void) { return make_policy(WCHG_POLICY_RECEIVE); }

static void drain(wchg_cdf *c) {
  const uint8_t *der;
  size_t len;
  while (wchg_cdf_peek(c, &der, &len) == WCHG_OK) {
    wchg_cdr *cdr = NULL;
    size_t used = 0;
    if (wchg_cdr_decode(der, len, NULL, &cdr, &used, NULL) != WCHG_OK || used != len)
      abort();
    wchg_cdr_free(cdr);
    wchg_cdf_pop(c);
  }
}

static uint8_t *export_all(const wchg_cdf *c, size_t *len) {
  size_t need = 0;
  if (wchg_cdf_export(c, NULL, 0, &need) != WCHG_E_BUFFER)
    abort();
  uint8_t *buf = malloc(need);
  if (!buf || wchg_cdf_export(c, buf, need, len) != WCHG_OK || *len != need)
    abort();
  return buf;
}

/* export -> import into a fresh CDF -> export: the same bytes. */
static void round_trip(const wchg_cdf *c) {
  size_t n1, n2;
  uint8_t *s1 = export_all(c, &n1), *s2;
  wchg_cdf *d = make();
  if (wchg_cdf_import(d, s1, n1, NULL) != WCHG_OK)
    abort();
  s2 = export_all(d, &n2);
  if (n1 != n2 || memcmp(s1, s2, n1))
    abort();
  free(s1);
  free(s2);
  wchg_cdf_free(d);
}

static void state(const uint8_t *data, size_t size) {
  wchg_cdf *c = make();
  uint8_t *buf = malloc(size ? size : 1);
  wchg_diag d;
  if (!buf)
    abort();
  memcpy(buf, data, size);
  if (size >= 16 && size < 1u << 20)
    cdf_state_seal(buf, size);
  if (wchg_cdf_import(c, buf, size, &d) == WCHG_OK) {
    size_t n;
    uint8_t *again = export_all(c, &n);
    if (buf[7] == again[7] && (n != size || memcmp(again, buf, size)))
      abort(); /* the current version: the same bytes */
    free(again);
    wchg_cdf_expire(c, T0 + 100000, NULL);
    round_trip(c);
    wchg_cdf_expire(c, T0 + 100000000000LL, NULL);
    drain(c);
  } else if (d.code == WCHG_OK) {
    abort(); /* a refusal says why */
  }
  free(buf);
  wchg_cdf_free(c);
}

static void unreferenced(void *p, void *arg) {
  (void)arg;
  if (((const struct cdf_val *)p)->refs)
    abort();
}

/* Expiry with |budget|: its contract (top of this file). Returns the
 * number still due. */
static unsigned expire(wchg_cdf *c, int64_t now, unsigned budget) {
  unsigned closed = 0, due = 0;
  if (wchg_cdf_expire_budget(c, now, budget, &closed, &due) != WCHG_OK || closed > budget ||
      due > budget || (closed < budget && due))
    abort();
  return due;
}

static void messages(const uint8_t *data, size_t size, wchg_policy policy) {
  wchg_cdf *c = make_policy(policy);
  uint8_t aca[8192];
  int64_t now = T0;
  uint64_t fed = 0, warned = 0;
  wchg_cdf_stats st;
  while (size >= 2) {
    size_t n = (size_t)data[0] << 8 | data[1], alen = 0;
    wchg_cdf_result r;
    wchg_diag d, items[2];
    wchg_warnings w = {items, 2, 0};
    data += 2;
    size -= 2;
    if (n > size)
      n = size;
    wchg_status rc = wchg_cdf_feed_bytes_ex(c, data, n, now, aca, sizeof aca, &alen, &r, &d, &w);
    /* decoded, then decided on (the return may be the ACA's error) */
    bool decided = wchg_cdf_last_acr(c) != NULL;
    if (decided && rc == WCHG_E_DIAMETER)
      abort();
    fed += decided;
    if (decided)
      warned += w.count;
    if (policy == WCHG_POLICY_STRICT && w.count)
      abort(); /* strict warns of nothing */
    if (rc == WCHG_E_OTHER_NODE &&
        (alen || r.result_code || !wchg_cdf_last_acr(c) ||
         wchg_cdf_last_acr(c)->node_functionality == WCHG_NODE_P_CSCF))
      abort(); /* another node's: no ACA, the model given back */
    if (n >= 20 && alen == 0 && rc != WCHG_E_MISSING && rc != WCHG_E_UTF8 && rc != WCHG_E_RANGE &&
        rc != WCHG_E_OTHER_NODE)
      abort(); /* an answer, unless the echo itself cannot be written */
    if (rc == WCHG_OK && r.result_code != 2001)
      abort();
    data += n;
    size -= n;
    now += 7000;
    if ((fed & 7) == 7)
      expire(c, now, 1 + (unsigned)(fed >> 3) % 3);
  }
  wchg_cdf_stats_get(c, &st);
  if (st.acrs != st.folded + st.duplicates + st.rejected + st.other_node || st.acrs != fed ||
      st.warnings != warned)
    abort();
  round_trip(c);
  while (expire(c, now + 100000000000LL, 2))
    ;
  wchg_cdf_stats_get(c, &st);
  if (st.open_sessions)
    abort();
  cdf_tab_each(&c->vals, unreferenced, NULL); /* every shared value given back */
  drain(c);
  wchg_cdf_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size)
    return 0;
  if (data[0] & 1)
    messages(data + 1, size - 1, data[0] & 2 ? WCHG_POLICY_STRICT : WCHG_POLICY_RECEIVE);
  else
    state(data + 1, size - 1);
  return 0;
}
