/* testutil.h: helpers shared by the unit tests.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#ifndef WCHG_TESTUTIL_H
#define WCHG_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <webrtc_chg/webrtc_chg.h>

/* Write |len| bytes to $WCHG_TEST_OUT/<name>.der (no-op when unset), so
 * that the independent decoders (asn1c, Erlang) check every record the
 * tests produce. */
void test_out_write(const char *name, const uint8_t *buf, size_t len);
/* The same for a Diameter message: $WCHG_TEST_OUT/<name>.diam, which
 * `make check` has tshark dissect. */
void test_out_write_diam(const char *name, const uint8_t *buf, size_t len);
/* The same for a TS 32.297 CDR file: $WCHG_TEST_OUT/<name>.cdrfile. */
void test_out_write_cdrfile(const char *name, const uint8_t *buf, size_t len);

/* Read a file below $WCHG_SRCDIR (default "."); aborts the test on error.
 * The caller frees the result. */
uint8_t *test_read_file(const char *rel, size_t *len);

/* Encode |cdr| into a malloc'ed buffer (asserting success, and that the
 * table-driven writer gives the same bytes). */
uint8_t *test_encode(const wchg_cdr *cdr, size_t *len);

/* Deep comparison of two records through the schema tables; on a
 * difference returns 0 and writes the field path into |where|. */
int test_cdr_equal(const wchg_cdr *a, const wchg_cdr *b, char *where, size_t cap);

/* An allocator that fails the |fail_at|-th allocation (1-based; 0 never)
 * and, with |forever|, every one after it; it counts live blocks. */
struct failmem {
  wchg_mem mem;
  size_t calls, fail_at, live;
  int forever;
};
void failmem_init(struct failmem *fm, size_t fail_at, int forever);
/* Run |run| (which fills |out| with up to |cap| results and returns how
 * many, 0 when its objects could not be made) failing each allocation in
 * turn, once and then forever from it: no leak, and every run that
 * completes gives the |n_want| results |want| (at most 32). Returns the
 * number of allocations failed. */
size_t failmem_each(size_t (*run)(struct failmem *fm, int32_t *out, size_t cap),
                    const int32_t *want, size_t n_want);

/* Hex helper for golden vectors: "bf 40 03" -> bytes; returns length. */
size_t test_unhex(const char *hex, uint8_t *out, size_t cap);

#endif
