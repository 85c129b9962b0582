/* fuzz_sip_pcv: arbitrary bytes into wchg_sip_parse_charging_vector. On
 * success every view lies inside the input (transit-ioi entries inside the
 * transit-ioi value), icid-value is present and the counts are within
 * their bounds; on failure the diagnostic is complete.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/sip.h>

static void inside(wchg_str v, const char *s, size_t n) {
  if (!v.ptr) {
    if (v.len)
      abort();
    return;
  }
  if (v.ptr < s || v.len > n || (size_t)(v.ptr - s) > n - v.len)
    abort();
}

static void value(const wchg_sip_value *v, const char *s, size_t n) {
  static char buf[4096];
  size_t len = 0;
  inside(v->raw, s, n);
  if (!v->raw.ptr || v->raw.len > sizeof buf)
    return;
  if (wchg_sip_unquote(v->raw, buf, sizeof buf, &len) != WCHG_OK || len > v->raw.len)
    abort();
  if (!v->escaped && (len != v->raw.len || memcmp(buf, v->raw.ptr, len)))
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static wchg_sip_charging_vector v;
  const char *s = (const char *)data;
  wchg_diag d;
  wchg_status rc = wchg_sip_parse_charging_vector(s, size, &v, &d);
  if (rc != WCHG_OK) {
    if (d.code != rc || !d.message[0] || !d.path[0] ||
        (d.offset != WCHG_NO_OFFSET && d.offset > size))
      abort();
    return 0;
  }
  if (d.code != WCHG_OK || !v.icid_value.raw.ptr || v.param_count > WCHG_SIP_MAX_PARAMS ||
      v.transit_ioi_count > WCHG_SIP_MAX_TRANSIT_IOI ||
      (v.transit_ioi.raw.ptr != NULL) != (v.transit_ioi_count > 0))
    abort();
  const wchg_sip_value *f[] = {&v.icid_value, &v.icid_generated_at, &v.orig_ioi,
                               &v.term_ioi, &v.transit_ioi, &v.related_icid,
                               &v.related_icid_generated_at};
  for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
    value(f[k], s, size);
  for (size_t k = 0; k < v.transit_ioi_count; k++) {
    if (!v.transit_ioi_list[k].len)
      abort();
    inside(v.transit_ioi_list[k], v.transit_ioi.raw.ptr, v.transit_ioi.raw.len);
  }
  for (size_t k = 0; k < v.param_count; k++) {
    if (!v.params[k].name.len)
      abort();
    inside(v.params[k].name, s, size);
    value(&v.params[k].value, s, size);
  }
  return 0;
}
