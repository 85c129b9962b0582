/* fuzz_acr_decode: arbitrary bytes into wchg_acr_decode (acr.h). abort()
 * on any inconsistency:
 * - a failure with a code acr.h does not document for it, a diag that
 *   disagrees with the return, no Result-Code, no sentence, an offset
 *   outside the input, or an output model left set;
 * - after a success: a view of the model outside the input or the reader
 *   (checked for the top-level texts), a model the encoder refuses, or
 *   whose ACR does not decode to a model that encodes to the same bytes
 *   (encode(decode(encode(decode(x)))) == encode(decode(x))).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

static wchg_acr_reader *first, *second;

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const wchg_acr *m = (const wchg_acr *)1, *m2 = NULL;
  wchg_diag d;
  size_t n1 = 0, n2 = 0;
  if (!first && (!(first = wchg_acr_reader_new(NULL)) || !(second = wchg_acr_reader_new(NULL))))
    abort();
  wchg_status rc = wchg_acr_decode(first, data, size, &m, &d);
  if (rc != WCHG_OK) {
    if (m || d.code != rc || !documented(rc, d.result_code) || !d.message[0] ||
        !memchr(d.path, 0, sizeof d.path) || d.offset == WCHG_NO_OFFSET ||
        (d.offset && d.offset >= size))
      abort();
    return 0;
  }
  if (!m || !inside(m->session_id, data, size) || !inside(m->origin_host, data, size) ||
      !inside(m->ims.private_user_id, data, size) ||
      !inside(m->ims.webrtc_web_server_function_name, data, size))
    abort();
  if (wchg_acr_encode(m, NULL, 0, &n1, &d) != WCHG_E_BUFFER)
    abort();
  uint8_t *once = malloc(n1), *twice = NULL;
  if (!once || wchg_acr_encode(m, once, n1, &n1, &d) != WCHG_OK)
    abort();
  if (wchg_acr_decode(second, once, n1, &m2, &d) != WCHG_OK)
    abort();
  twice = malloc(n1);
  if (!twice || wchg_acr_encode(m2, twice, n1, &n2, &d) != WCHG_OK || n2 != n1 ||
      memcmp(once, twice, n1))
    abort();
  free(once);
  free(twice);
  return 0;
}
