/* fuzz_cdr_decode: arbitrary bytes into the BER reader, in both policies
 * (the contract of cdr_policy.h). Whatever the receive policy keeps must
 * validate, encode, decode again to a record that encodes to the same DER
 * with as many warnings, and read back from its JSON to the same DER.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>

#include "cdr_policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  policy_check(data, size);
  return 0;
}
