/* fuzz_sip_pani: arbitrary bytes into wchg_sip_parse_access_network_info.
 * On success each access-net-spec's text lies inside the input, and its
 * access type and parameters inside its text, the counts within their
 * bounds; on failure the diagnostic is complete.
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

static void spec(const wchg_sip_access_net_spec *sp, const char *s, size_t n) {
  int np = 0;
  if (!sp->text.len || !sp->access_type.raw.ptr ||
      sp->access_info_count > WCHG_SIP_MAX_ACCESS_INFO)
    abort();
  inside(sp->text, s, n);
  inside(sp->access_type.raw, sp->text.ptr, sp->text.len);
  for (size_t k = 0; k < sp->access_info_count; k++) {
    const wchg_sip_param *p = &sp->access_info[k];
    if (!p->name.len)
      abort();
    inside(p->name, sp->text.ptr, sp->text.len);
    inside(p->value.raw, sp->text.ptr, sp->text.len);
    np |= p->name.len == 16 && wchg_sip_param_find(p, 1, "network-provided") != NULL;
  }
  if (np != sp->network_provided)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static wchg_sip_access_network_info o;
  const char *s = (const char *)data;
  wchg_diag d;
  wchg_status rc = wchg_sip_parse_access_network_info(s, size, &o, &d);
  if (rc != WCHG_OK) {
    if (d.code != rc || !d.message[0] || !d.path[0] ||
        (d.offset != WCHG_NO_OFFSET && d.offset > size))
      abort();
    return 0;
  }
  if (d.code != WCHG_OK || !o.count || o.count > WCHG_SIP_MAX_ACCESS_NET_SPECS)
    abort();
  for (size_t k = 0; k < o.count; k++) {
    spec(&o.specs[k], s, size);
    if (k && o.specs[k].text.ptr < o.specs[k - 1].text.ptr + o.specs[k - 1].text.len)
      abort(); /* in order, not overlapping */
  }
  return 0;
}
