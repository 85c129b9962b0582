/* fuzz_aca: arbitrary bytes as an ACR the CDF must answer. Whatever the
 * reader says about them, wchg_aca_from_acr must find only views inside
 * the input, and the answer must encode (unless the echoed Session-Id or
 * User-Name is not UTF-8, or the record type cannot be echoed) into a
 * message our reader accepts structurally.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>

static int inside(const void *p, size_t n, const uint8_t *data, size_t size) {
  const uint8_t *q = p;
  return !q || (q >= data && q + n <= data + size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wchg_dmsg m;
  wchg_diag d;
  wchg_aca a;
  wchg_dmsg_parse(data, size, 0, &m, &d);
  if (wchg_aca_from_acr(data, size, &d, &a) != WCHG_OK) {
    if (size >= 20)
      abort();
    return 0;
  }
  if (!inside(a.session_id.ptr, a.session_id.len, data, size) ||
      !inside(a.user_name.ptr, a.user_name.len, data, size) ||
      !inside(a.failed_avp.ptr, a.failed_avp.len, data, size) ||
      !inside(a.proxy_info.ptr, a.proxy_info.len, data, size))
    abort();
  a.origin_host = WCHG_STR("cdf.example.net");
  a.origin_realm = WCHG_STR("example.net");
  if (!a.session_id.len)
    a.session_id = WCHG_STR("cdf.example.net;0;0");
  if (a.accounting_record_type < 1 || a.accounting_record_type > 4)
    a.accounting_record_type = 1;
  uint8_t out[4096];
  size_t len;
  wchg_status rc = wchg_aca_encode(&a, out, sizeof out, &len, &d);
  if (rc == WCHG_OK) {
    if (wchg_dmsg_parse(out, len, WCHG_DPARSE_NO_ABNF, &m, &d) != WCHG_OK &&
        d.result_code != 5004 && d.result_code != 3009 && d.result_code != 5001)
      abort(); /* only the echoed AVPs' own values may be wrong */
  } else if (rc != WCHG_E_UTF8 && rc != WCHG_E_BUFFER) {
    abort();
  }
  return 0;
}
