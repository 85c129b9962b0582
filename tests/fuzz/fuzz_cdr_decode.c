/* fuzz_cdr_decode: arbitrary bytes into the BER reader. Whatever decodes
 * must validate without crashing, encode, and decode again to a record
 * that encodes to the same DER (the writer is a fixed point). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wchg_cdr *c = NULL, *again = NULL;
  wchg_diag d, diags[8];
  size_t used = 0, len = 0, len2 = 0, count = 0;
  if (wchg_cdr_decode(data, size, NULL, &c, &used, &d) != WCHG_OK) {
    if (d.code == WCHG_OK || (d.offset != WCHG_NO_OFFSET && d.offset > size))
      abort(); /* every failure says what and where */
    return 0;
  }
  if (used > size)
    abort();
  wchg_cdr_validate(c, WCHG_VALIDATE_WEBRTC, diags, 8, &count);
  if (wchg_cdr_encode(c, NULL, 0, &len, NULL) != WCHG_E_BUFFER)
    abort();
  uint8_t *buf = malloc(len), *buf2 = malloc(len);
  if (wchg_cdr_encode(c, buf, len, &len2, NULL) != WCHG_OK || len2 != len)
    abort();
  if (wchg_cdr_decode(buf, len, NULL, &again, &used, &d) != WCHG_OK || used != len)
    abort();
  if (wchg_cdr_encode(again, buf2, len, &len2, NULL) != WCHG_OK || len2 != len ||
      memcmp(buf, buf2, len))
    abort();
  /* a decoded record that holds valid UTF-8 text exports to JSON */
  json_t *j = NULL;
  if (wchg_cdr_to_json(c, &j, &d) == WCHG_OK)
    json_decref(j);
  free(buf);
  free(buf2);
  wchg_cdr_free(again);
  wchg_cdr_free(c);
  return 0;
}
