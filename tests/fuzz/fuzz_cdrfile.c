/* fuzz_cdrfile: arbitrary bytes into the TS 32.297 file reader. A file
 * that parses is rewritten with the writer from its parsed header and
 * CDRs and must come out byte for byte the same (headers with the private
 * extension length, the form the writer always uses), and every CDR
 * iterated must lie inside the input.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wchg_cdrfile f;
  wchg_diag d;
  if (wchg_cdrfile_parse(data, size, &f, &d) != WCHG_OK) {
    if (d.code == WCHG_OK || (d.offset != WCHG_NO_OFFSET && d.offset > size))
      abort(); /* every failure says what and where */
    return 0;
  }
  wchg_cdrfile_writer w;
  wchg_cdrfile_iter it;
  wchg_cdrfile_cdr c;
  uint32_t n = 0;
  uint8_t *out = malloc(size ? size : 1);
  bool same_form = f.header.private_extension.ptr != NULL;
  wchg_cdrfile_header h = f.header;
  if (wchg_cdrfile_begin(&w, out, size, &h, NULL) != WCHG_OK)
    abort();
  wchg_cdrfile_iter_init(&it, &f);
  while (wchg_cdrfile_next(&it, &c)) {
    if (c.data.ptr < data || c.data.ptr + c.data.len > data + size)
      abort();
    if (wchg_cdrfile_add(&w, &c) != WCHG_OK)
      abort();
    n++;
  }
  if (n != f.header.cdr_count)
    abort();
  size_t len = 0;
  wchg_status rc = wchg_cdrfile_finish(&w, &f.header.last_cdr_time, f.header.closure_reason, &len);
  if (rc != WCHG_OK && rc != WCHG_E_BUFFER)
    abort();
  if (rc == WCHG_OK) {
    wchg_cdrfile back;
    if (wchg_cdrfile_parse(out, len, &back, NULL) != WCHG_OK || back.header.cdr_count != n)
      abort();
    /* with the private extension length written, the high/low release
     * fields those of its CDRs and no time in the "-00:00" form (read as
     * offset 0, written "+00:00"), the input is exactly what we write */
    const wchg_cdrfile_header *a = &f.header, *b = &back.header;
    bool minus_zero = (size >= 18 && !a->opening_time.utc_offset && !(data[12] & 0x08)) ||
                      (size >= 18 && !a->last_cdr_time.utc_offset && !(data[16] & 0x08));
    if (same_form && !minus_zero && a->high_release == b->high_release && a->high_version == b->high_version &&
        a->low_release == b->low_release && a->low_version == b->low_version &&
        (len != size || memcmp(out, data, size)))
      abort();
  }
  free(out);
  return 0;
}
