/* fuzz_cdr_json: arbitrary text into the JSON importer. Whatever imports
 * (values in the {"octets", "invalid"} form included) must encode to DER;
 * that DER must meet the contract of the two BER policies (cdr_policy.h):
 * the receive policy keeps it whole and writes it back, its JSON imports
 * to the same DER again. An {"otherRecord": ...} object must give back
 * bytes that decode as another IMSRecord of their whole length.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/cdr_json.h>

#include "cdr_policy.h"

static void other_record(const uint8_t *data, size_t size) {
  json_t *j = json_loadb((const char *)data, size, 0, NULL);
  uint8_t buf[512];
  size_t len = 0, used = 0;
  wchg_cdr *c = NULL;
  if (j && wchg_other_record_from_json(j, buf, sizeof buf, &len, NULL) == WCHG_OK) {
    json_t *back = NULL;
    if (wchg_cdr_decode(buf, len, NULL, &c, &used, NULL) != WCHG_E_OTHER_RECORD ||
        used != len || wchg_other_record_to_json(buf, len, &back, NULL) != WCHG_OK)
      abort();
    json_decref(back);
  }
  json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wchg_cdr *c = NULL, *back = NULL;
  wchg_diag d;
  size_t len = 0, used = 0;
  other_record(data, size);
  if (wchg_cdr_from_json_text((const char *)data, size, NULL, &c, &d) != WCHG_OK) {
    if (d.code == WCHG_OK)
      abort();
    return 0;
  }
  uint8_t *buf = policy_der(c, &len); /* aborts if the importer let through what the
                                         encoder refuses */
  if (wchg_cdr_decode(buf, len, NULL, &back, &used, &d) != WCHG_OK || used != len)
    abort();
  policy_check(buf, len);
  free(buf);
  wchg_cdr_free(back);
  wchg_cdr_free(c);
  return 0;
}
