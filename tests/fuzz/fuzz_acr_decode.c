/* fuzz_acr_decode: arbitrary bytes into the ACR decoder (acr.h), in both
 * policies: wchg_acr_decode (strict) and wchg_acr_decode_ex with
 * WCHG_POLICY_RECEIVE. abort() on any inconsistency:
 * - a failure with a code acr.h does not document for it, a diag that
 *   disagrees with the return, no Result-Code, no sentence, an offset
 *   outside the input, or an output model left set;
 * - after a success: a view of the model outside the input or the reader
 *   (checked for the top-level texts);
 * - strict: a model the encoder refuses, or whose ACR does not decode to
 *   a model that encodes to the same bytes
 *   (encode(decode(encode(decode(x)))) == encode(decode(x)));
 * - between the policies: receive without a warning answering other than
 *   strict (the same status and diagnosis, or models that encode to the
 *   same bytes); receive with warnings where strict does not refuse with
 *   the reader's Result-Code and offset of the first; a warning without
 *   WCHG_E_DIAMETER, a Result-Code, a path, or an offset in the input;
 * - receive with warnings: a model the encoder takes (it may refuse one:
 *   values kept as received) whose encoding is not stable as above.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

static wchg_acr_reader *first, *second, *third;

static bool documented(wchg_status rc, uint32_t result) {
  switch (rc) {
  case WCHG_E_DIAMETER:
    return result >= 3000 && result < 6000;
  case WCHG_E_MISSING:
    return result == 5005;
  case WCHG_E_RANGE:
  case WCHG_E_EMERGENCY:
    return result == 5004;
  case WCHG_E_LIMIT:
    return result == 5012;
  default:
    return false;
  }
}

static bool inside(wchg_str s, const uint8_t *data, size_t size) {
  const uint8_t *p = (const uint8_t *)s.ptr;
  return !p || (p >= data && p + s.len <= data + size);
}

static void check_failure(wchg_status rc, const wchg_acr *m, const wchg_diag *d, size_t size) {
  if (m || d->code != rc || !documented(rc, d->result_code) || !d->message[0] ||
      !memchr(d->path, 0, sizeof d->path) || d->offset == WCHG_NO_OFFSET ||
      (d->offset && d->offset >= size))
    abort();
}

static void check_views(const wchg_acr *m, const uint8_t *data, size_t size) {
  if (!m || !inside(m->session_id, data, size) || !inside(m->origin_host, data, size) ||
      !inside(m->ims.private_user_id, data, size) ||
      !inside(m->ims.webrtc_web_server_function_name, data, size))
    abort();
}

/* encode(m) into a new buffer (*n its size), or NULL when the encoder
 * refuses m and |may_refuse|. */
static uint8_t *encode(const wchg_acr *m, size_t *n, bool may_refuse) {
  wchg_diag d;
  wchg_status rc = wchg_acr_encode(m, NULL, 0, n, &d);
  if (rc != WCHG_E_BUFFER) {
    if (may_refuse)
      return NULL;
    abort();
  }
  uint8_t *out = malloc(*n);
  if (!out || wchg_acr_encode(m, out, *n, n, &d) != WCHG_OK)
    abort();
  return out;
}

/* encode(decode(bytes)) == bytes for bytes = encode(m). */
static void stable(const uint8_t *once, size_t n1) {
  const wchg_acr *m2 = NULL;
  wchg_diag d;
  size_t n2;
  if (wchg_acr_decode(second, once, n1, &m2, &d) != WCHG_OK)
    abort();
  uint8_t *twice = encode(m2, &n2, false);
  if (n2 != n1 || memcmp(once, twice, n1))
    abort();
  free(twice);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const wchg_acr *m = (const wchg_acr *)1, *r = (const wchg_acr *)1;
  wchg_diag d, rd, items[8];
  wchg_warnings w = {items, 8, 0};
  size_t n1 = 0, nr = 0;
  if (!first && (!(first = wchg_acr_reader_new(NULL)) || !(second = wchg_acr_reader_new(NULL)) ||
                 !(third = wchg_acr_reader_new(NULL))))
    abort();
  wchg_status rc = wchg_acr_decode(first, data, size, &m, &d);
  wchg_status rr = wchg_acr_decode_ex(third, data, size, WCHG_POLICY_RECEIVE, &r, &rd, &w);
  for (size_t i = 0; i < w.count && i < w.cap; i++)
    if (items[i].code != WCHG_E_DIAMETER || items[i].result_code < 3000 ||
        items[i].result_code >= 6000 || !items[i].path[0] || items[i].offset >= size)
      abort();
  if (rc != WCHG_OK)
    check_failure(rc, m, &d, size);
  if (rr != WCHG_OK)
    check_failure(rr, r, &rd, size);
  else
    check_views(r, data, size);
  if (w.count) { /* strict refuses with the first deviation */
    if (rc != WCHG_E_DIAMETER || d.result_code != items[0].result_code ||
        d.offset != items[0].offset)
      abort();
  } else if (rc != rr || (rc != WCHG_OK && (d.result_code != rd.result_code ||
                                            d.offset != rd.offset || strcmp(d.path, rd.path))))
    abort();
  if (rr == WCHG_OK) { /* what receive kept encodes stably, if at all */
    uint8_t *out = encode(r, &nr, w.count != 0);
    if (out)
      stable(out, nr);
    if (rc != WCHG_OK) {
      free(out);
      return 0;
    }
    check_views(m, data, size);
    uint8_t *once = encode(m, &n1, false);
    stable(once, n1);
    if (n1 != nr || memcmp(once, out, n1))
      abort(); /* no warning: the same model */
    free(once);
    free(out);
  }
  return 0;
}
