/* fuzz_cdr_json: arbitrary text into the JSON importer. Whatever imports
 * must encode to DER, decode back, and export to JSON that imports to the
 * same DER again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>

static uint8_t *encode(const wchg_cdr *c, size_t *len) {
  size_t need = 0;
  if (wchg_cdr_encode(c, NULL, 0, &need, NULL) != WCHG_E_BUFFER)
    abort();
  uint8_t *buf = malloc(need);
  if (!buf || wchg_cdr_encode(c, buf, need, len, NULL) != WCHG_OK || *len != need)
    return free(buf), NULL;
  return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wchg_cdr *c = NULL, *back = NULL, *again = NULL;
  wchg_diag d;
  size_t len = 0, len2 = 0, used = 0;
  if (wchg_cdr_from_json_text((const char *)data, size, NULL, &c, &d) != WCHG_OK) {
    if (d.code == WCHG_OK)
      abort();
    return 0;
  }
  uint8_t *buf = encode(c, &len);
  if (!buf) /* the importer let through what the encoder refuses */
    abort();
  if (wchg_cdr_decode(buf, len, NULL, &back, &used, &d) != WCHG_OK || used != len)
    abort();
  json_t *j = NULL;
  if (wchg_cdr_to_json(back, &j, &d) == WCHG_OK) {
    if (wchg_cdr_from_json(j, NULL, &again, &d) != WCHG_OK)
      abort();
    uint8_t *buf2 = encode(again, &len2);
    if (!buf2 || len2 != len || memcmp(buf, buf2, len))
      abort();
    free(buf2);
    json_decref(j);
    wchg_cdr_free(again);
  }
  free(buf);
  wchg_cdr_free(back);
  wchg_cdr_free(c);
  return 0;
}
