/* test_cdrfile.c: TS 32.297 CDR files — golden header bytes, round trips
 * with real records, every malformed class with its code and offset.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "samples.h"
#include "testutil.h"

static const wchg_cdrfile_time T_OPEN = {11, 24, 9, 0, 60};  /* 24 Nov 09:00 +01:00 */
static const wchg_cdrfile_time T_LAST = {11, 24, 9, 15, 60};

static wchg_cdrfile_header header(void) {
  wchg_cdrfile_header h;
  memset(&h, 0, sizeof h);
  h.opening_time = T_OPEN;
  h.last_cdr_time = T_OPEN;
  h.file_sequence_number = 42;
  h.high_release = h.low_release = 17;
  /* ::ffff:192.0.2.7 */
  h.node_address[10] = h.node_address[11] = 0xFF;
  h.node_address[12] = 192;
  h.node_address[14] = 2;
  h.node_address[15] = 7;
  return h;
}

static wchg_cdrfile_cdr cdr_of(const uint8_t *p, size_t n) {
  wchg_cdrfile_cdr c = {17, 9, WCHG_CDRFILE_BER, WCHG_CDRFILE_TS_IMS, {p, n}, 0};
  return c;
}

/* A file of |n| CDRs |cdrs| into a malloc'ed buffer. */
static uint8_t *make_file(const wchg_cdrfile_header *h, const wchg_cdrfile_cdr *cdrs, size_t n,
                          size_t *len) {
  wchg_cdrfile_writer w;
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, h, NULL), WCHG_OK);
  for (size_t i = 0; i < n; i++)
    wchg_cdrfile_add(&w, &cdrs[i]);
  ck_assert_int_eq(wchg_cdrfile_finish(&w, &T_LAST, 0, len), WCHG_E_BUFFER);
  uint8_t *buf = malloc(*len);
  size_t got;
  wchg_cdrfile_begin(&w, buf, *len, h, NULL);
  for (size_t i = 0; i < n; i++)
    ck_assert_int_eq(wchg_cdrfile_add(&w, &cdrs[i]), WCHG_OK);
  ck_assert_int_eq(wchg_cdrfile_finish(&w, &T_LAST, 0, &got), WCHG_OK);
  ck_assert_uint_eq(got, *len);
  return buf;
}

/* The time stamp example of the reference: 15 Jan 13:45 +01:00. */
START_TEST(time_stamp_golden) {
  wchg_cdrfile_header h = header();
  h.opening_time = (wchg_cdrfile_time){1, 15, 13, 45, 60};
  h.last_cdr_time = (wchg_cdrfile_time){12, 31, 23, 59, -(5 * 60 + 30)};
  size_t len;
  uint8_t *f = make_file(&h, NULL, 0, &len);
  static const uint8_t open[4] = {0x17, 0xB6, 0xD8, 0x40};
  ck_assert_mem_eq(f + 10, open, 4);
  /* 12/31 23:59, sign 0 (minus), 5 h 30 min; finish kept T_LAST though */
  wchg_cdrfile pf;
  ck_assert_int_eq(wchg_cdrfile_parse(f, len, &pf, NULL), WCHG_OK);
  ck_assert_int_eq(pf.header.opening_time.month, 1);
  ck_assert_int_eq(pf.header.opening_time.utc_offset, 60);
  ck_assert_int_eq(pf.header.last_cdr_time.minute, 15);
  free(f);
  /* a negative offset survives the round trip */
  h = header();
  h.opening_time.utc_offset = -(5 * 60 + 30);
  f = make_file(&h, NULL, 0, &len);
  ck_assert_int_eq(f[11] & 0x08, 0); /* the sign bit: 0 = minus */
  ck_assert_int_eq(wchg_cdrfile_parse(f, len, &pf, NULL), WCHG_OK);
  ck_assert_int_eq(pf.header.opening_time.utc_offset, -330);
  free(f);
}
END_TEST

/* Every header octet of a file with two Rel-17 BER IMS CDRs. */
START_TEST(header_golden) {
  static const uint8_t a[3] = {0x30, 0x01, 0x00}, b[2] = {0x05, 0x00};
  wchg_cdrfile_cdr c[2] = {cdr_of(a, 3), cdr_of(b, 2)};
  wchg_cdrfile_header h = header();
  size_t len;
  uint8_t *f = make_file(&h, c, 2, &len);
  static const uint8_t want[] = {
      0x00, 0x00, 0x00, 0x45,                   /* file length 69 */
      0x00, 0x00, 0x00, 0x36,                   /* header length 54 */
      0xE9, 0xE9,                               /* Rel-10+ (7), version 9 */
      0xBC, 0x24, 0x08, 0x40,                   /* 11/24 09:00 +01:00 */
      0xBC, 0x24, 0xF8, 0x40,                   /* 11/24 09:15 +01:00 */
      0x00, 0x00, 0x00, 0x02,                   /* 2 CDRs */
      0x00, 0x00, 0x00, 0x2A,                   /* sequence 42 */
      0x00,                                     /* normal closure */
      0xFF, 0xFF, 0xFF, 0xFF,                   /* address marker */
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 192, 0, 2, 7,
      0x00,                                     /* no CDR lost */
      0x00, 0x00,                               /* no routeing filter */
      0x00, 0x00,                               /* no private extension */
      0x07, 0x07,                               /* Rel-17, Rel-17 */
      0x00, 0x03, 0xE9, 0x29, 0x07, 0x30, 0x01, 0x00, /* CDR header + CDR */
      0x00, 0x02, 0xE9, 0x29, 0x07, 0x05, 0x00,
  };
  ck_assert_uint_eq(len, sizeof want);
  ck_assert_mem_eq(f, want, sizeof want);
  free(f);
}
END_TEST

/* Releases before Rel-10 need no extension octet; high and low come from
 * the CDRs, R99 ranking lowest. */
START_TEST(release_high_low) {
  static const uint8_t a[2] = {0x05, 0x00};
  wchg_cdrfile_cdr c[3] = {cdr_of(a, 2), cdr_of(a, 2), cdr_of(a, 2)};
  c[0].release = 8;
  c[0].version = 12;
  c[1].release = WCHG_CDRFILE_R99;
  c[1].version = 31;
  c[2].release = 9;
  c[2].version = 1;
  wchg_cdrfile_header h = header();
  size_t len;
  uint8_t *f = make_file(&h, c, 3, &len);
  ck_assert_uint_eq(f[7], 52); /* no extension octet at all */
  ck_assert_uint_eq(f[8], 6 << 5 | 1);   /* Rel-9 V1 */
  ck_assert_uint_eq(f[9], 0 << 5 | 31);  /* R99 V31 */
  wchg_cdrfile pf;
  ck_assert_int_eq(wchg_cdrfile_parse(f, len, &pf, NULL), WCHG_OK);
  ck_assert_uint_eq(pf.header.high_release, 9);
  ck_assert_uint_eq(pf.header.low_release, WCHG_CDRFILE_R99);
  ck_assert_uint_eq(pf.header.cdr_count, 3);
  wchg_cdrfile_iter it;
  wchg_cdrfile_cdr got;
  wchg_cdrfile_iter_init(&it, &pf);
  for (int i = 0; i < 3; i++) {
    ck_assert(wchg_cdrfile_next(&it, &got));
    ck_assert_uint_eq(got.release, c[i].release);
    ck_assert_uint_eq(got.version, c[i].version);
  }
  ck_assert(!wchg_cdrfile_next(&it, &got));
  free(f);
  /* one high release only needs one extension octet */
  c[2].release = 12;
  c[0].release = 99; /* Rel-99 is not R99 (a fuzz finding) */
  f = make_file(&h, c, 3, &len);
  ck_assert_uint_eq(f[7], 53);
  ck_assert_uint_eq(f[52], 89); /* Rel-99 */
  ck_assert_int_eq(wchg_cdrfile_parse(f, len, &pf, NULL), WCHG_OK);
  ck_assert_uint_eq(pf.header.high_release, 99);
  ck_assert_uint_eq(pf.header.low_release, WCHG_CDRFILE_R99);
  free(f);
}
END_TEST

/* Real records: the sample CDRs through a file and back, byte for byte,
 * with a routeing filter and a private extension. */
START_TEST(round_trip_records) {
  void (*mk[])(wchg_cdr *) = {sample_full, sample_h3, sample_h4, sample_minimal};
  uint8_t *enc[4];
  wchg_cdrfile_cdr c[4];
  for (int i = 0; i < 4; i++) {
    wchg_cdr cdr;
    size_t n;
    mk[i](&cdr);
    enc[i] = test_encode(&cdr, &n);
    c[i] = cdr_of(enc[i], n);
  }
  wchg_cdrfile_header h = header();
  h.routeing_filter = (wchg_octets){(const uint8_t *)"imsfilter", 9};
  h.private_extension = (wchg_octets){(const uint8_t *)"\x01\x02\x03", 3};
  h.lost_cdr_indicator = 129;
  h.cdr_count = 99; /* ignored: the writer counts (a fuzz finding) */
  size_t len;
  uint8_t *f = make_file(&h, c, 4, &len);
  test_out_write_cdrfile("cdrfile_samples", f, len);
  wchg_cdrfile pf;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdrfile_parse(f, len, &pf, &d), WCHG_OK);
  ck_assert_uint_eq(pf.header_length, 54 + 9 + 3);
  ck_assert_uint_eq(pf.header.routeing_filter.len, 9);
  ck_assert_mem_eq(pf.header.routeing_filter.ptr, "imsfilter", 9);
  ck_assert_uint_eq(pf.header.private_extension.len, 3);
  ck_assert_uint_eq(pf.header.lost_cdr_indicator, 129);
  ck_assert_uint_eq(pf.header.cdr_count, 4);
  ck_assert_uint_eq(pf.header.file_sequence_number, 42);
  ck_assert_mem_eq(pf.header.node_address, h.node_address, 16);
  wchg_cdrfile_iter it;
  wchg_cdrfile_iter_init(&it, &pf);
  for (int i = 0; i < 4; i++) {
    wchg_cdrfile_cdr got;
    ck_assert(wchg_cdrfile_next(&it, &got));
    ck_assert_uint_eq(got.data.len, c[i].data.len);
    ck_assert_mem_eq(got.data.ptr, c[i].data.ptr, got.data.len);
    ck_assert_uint_eq(got.format, WCHG_CDRFILE_BER);
    ck_assert_uint_eq(got.ts_number, WCHG_CDRFILE_TS_IMS);
    wchg_cdr *back = NULL;
    size_t used;
    ck_assert_int_eq(wchg_cdr_decode(got.data.ptr, got.data.len, NULL, &back, &used, &d),
                     WCHG_OK);
    ck_assert_uint_eq(used, got.data.len);
    wchg_cdr_free(back);
    free(enc[i]);
  }
  free(f);
}
END_TEST

/* A short buffer: WCHG_E_BUFFER and the same size at every capacity. */
START_TEST(writer_short_buffer) {
  static const uint8_t a[5] = {0x30, 0x03, 0x80, 0x01, 0x40};
  wchg_cdrfile_cdr c[2] = {cdr_of(a, 5), cdr_of(a, 5)};
  c[1].release = 8;
  wchg_cdrfile_header h = header();
  size_t len;
  uint8_t *full = make_file(&h, c, 2, &len);
  uint8_t *buf = malloc(len);
  for (size_t cap = 0; cap < len; cap++) {
    wchg_cdrfile_writer w;
    size_t got;
    wchg_cdrfile_begin(&w, buf, cap, &h, NULL);
    wchg_cdrfile_add(&w, &c[0]);
    wchg_cdrfile_add(&w, &c[1]);
    ck_assert_int_eq(wchg_cdrfile_finish(&w, &T_LAST, 0, &got), WCHG_E_BUFFER);
    ck_assert_uint_eq(got, len);
  }
  free(buf);
  free(full);
}
END_TEST

/* CDRs of releases before and after Rel-10 in every order: the header
 * has the one extension octet of its highest release, the CDRs follow it
 * byte for byte as given (the writer moves those already written when
 * the file first mixes them), and every buffer short of the file says
 * its size. */
START_TEST(writer_mixed_releases) {
  static const uint8_t a[3] = {0x05, 0x01, 0xAA}, b[1] = {0x07}, c[2] = {0x30, 0x00};
  static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                                   {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
  wchg_cdrfile_cdr cdrs[3] = {cdr_of(a, 3), cdr_of(b, 1), cdr_of(c, 2)};
  cdrs[1].release = 8; /* cdrs[0], cdrs[2]: Rel-17, with the extension octet */
  cdrs[2].release = 12;
  wchg_cdrfile_header h = header();
  for (int k = 0; k < 6; k++) {
    wchg_cdrfile_cdr in[3];
    size_t len, at = 53, got;
    for (int i = 0; i < 3; i++)
      in[i] = cdrs[orders[k][i]];
    uint8_t *f = make_file(&h, in, 3, &len);
    ck_assert_uint_eq(f[7], 53);
    ck_assert_uint_eq(f[52], 17 - 10); /* the highest: Rel-17 */
    for (int i = 0; i < 3; i++) {
      bool ext = in[i].release >= 10;
      ck_assert_uint_eq(f[at + 1], in[i].data.len);
      ck_assert_uint_eq(f[at + 2], (ext ? 7 : in[i].release - 3) << 5 | in[i].version);
      if (ext)
        ck_assert_uint_eq(f[at + 4], in[i].release - 10);
      at += ext ? 5 : 4;
      ck_assert_mem_eq(f + at, in[i].data.ptr, in[i].data.len);
      at += in[i].data.len;
    }
    ck_assert_uint_eq(at, len);
    uint8_t *buf = malloc(len);
    for (size_t cap = 0; cap < len; cap++) {
      wchg_cdrfile_writer w;
      wchg_cdrfile_begin(&w, buf, cap, &h, NULL);
      for (int i = 0; i < 3; i++)
        wchg_cdrfile_add(&w, &in[i]);
      ck_assert_int_eq(wchg_cdrfile_finish(&w, &T_LAST, 0, &got), WCHG_E_BUFFER);
      ck_assert_uint_eq(got, len);
    }
    free(buf);
    free(f);
  }
}
END_TEST

START_TEST(writer_range_errors) {
  static const uint8_t a[2] = {0x05, 0x00};
  wchg_cdrfile_header h = header();
  wchg_cdrfile_writer w;
  wchg_diag d;
  size_t len;
  struct {
    uint16_t release;
    uint8_t version, format, ts;
    size_t n;
    const char *path;
  } bad[] = {
      {2, 9, 1, 9, 2, "CDRFile/cdr/releaseVersion"},
      {266, 9, 1, 9, 2, "CDRFile/cdr/releaseVersion"},
      {17, 32, 1, 9, 2, "CDRFile/cdr/releaseVersion"},
      {17, 9, 0, 9, 2, "CDRFile/cdr/dataRecordFormat"},
      {17, 9, 5, 9, 2, "CDRFile/cdr/dataRecordFormat"},
      {17, 9, 1, 32, 2, "CDRFile/cdr/dataRecordFormat"},
      {17, 9, 1, 9, 65536, "CDRFile/cdr/cdrLength"},
  };
  static uint8_t big[65536];
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    wchg_cdrfile_cdr c = {bad[i].release, bad[i].version, bad[i].format, bad[i].ts,
                          {bad[i].n > 2 ? big : a, bad[i].n}, 0};
    ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &h, &d), WCHG_OK);
    ck_assert_int_eq(wchg_cdrfile_add(&w, &c), WCHG_E_RANGE);
    ck_assert_str_eq(d.path, bad[i].path);
    /* sticky */
    ck_assert_int_eq(wchg_cdrfile_finish(&w, NULL, 0, &len), WCHG_E_RANGE);
    ck_assert_uint_eq(len, 0);
  }
  /* header fields */
  wchg_cdrfile_header hb = header();
  hb.opening_time.month = 13;
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &hb, &d), WCHG_E_RANGE);
  ck_assert_str_eq(d.path, "CDRFile/fileOpeningTimestamp");
  hb = header();
  hb.last_cdr_time.utc_offset = 24 * 60;
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &hb, &d), WCHG_E_RANGE);
  hb = header();
  hb.high_release = 2;
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &hb, &d), WCHG_E_RANGE);
  hb = header();
  hb.private_extension = (wchg_octets){big, 65536};
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &hb, &d), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdrfile_begin(NULL, NULL, 0, &h, &d), WCHG_E_ARG);
  /* a bad closing time */
  ck_assert_int_eq(wchg_cdrfile_begin(&w, NULL, 0, &h, &d), WCHG_OK);
  wchg_cdrfile_time bt = {2, 30, 24, 0, 0};
  ck_assert_int_eq(wchg_cdrfile_finish(&w, &bt, 0, &len), WCHG_E_RANGE);
  ck_assert_str_eq(d.path, "CDRFile/lastCdrAppendTimestamp");
}
END_TEST

/* Some writers leave out the private extension length (a 52-octet
 * header): the header length decides, and we accept it. */
START_TEST(header_without_private_extension_length) {
  static const uint8_t a[2] = {0x05, 0x00};
  wchg_cdrfile_cdr c = cdr_of(a, 2);
  c.release = 9; /* no release extension octets */
  wchg_cdrfile_header h = header();
  size_t len;
  uint8_t *f = make_file(&h, &c, 1, &len);
  /* drop octets 51-52 (the 0 private extension length) */
  memmove(f + 50, f + 52, len - 52);
  len -= 2;
  f[3] = (uint8_t)len;
  f[7] = 50;
  wchg_cdrfile pf;
  ck_assert_int_eq(wchg_cdrfile_parse(f, len, &pf, NULL), WCHG_OK);
  ck_assert_uint_eq(pf.header_length, 50);
  ck_assert_ptr_null(pf.header.private_extension.ptr);
  wchg_cdrfile_iter it;
  wchg_cdrfile_cdr got;
  wchg_cdrfile_iter_init(&it, &pf);
  ck_assert(wchg_cdrfile_next(&it, &got));
  ck_assert_uint_eq(got.data.len, 2);
  ck_assert_uint_eq(got.offset, 50);
  free(f);
}
END_TEST

static uint8_t *good_file(size_t *len) {
  static const uint8_t a[5] = {0x30, 0x03, 0x80, 0x01, 0x40};
  wchg_cdrfile_cdr c[2] = {cdr_of(a, 5), cdr_of(a, 5)};
  wchg_cdrfile_header h = header();
  return make_file(&h, c, 2, len);
}

static void expect(const uint8_t *f, size_t len, wchg_status code, size_t offset,
                   const char *path) {
  wchg_cdrfile pf;
  wchg_diag d;
  wchg_status rc = wchg_cdrfile_parse(f, len, &pf, &d);
  ck_assert_msg(rc == code, "%s: got %d (%s at %zu: %s)", path, rc, d.path, d.offset, d.message);
  ck_assert_int_eq(d.code, code);
  ck_assert_uint_eq(d.offset, offset);
  ck_assert_str_eq(d.path, path);
}

/* Every prefix fails, and says so without reading past it. */
START_TEST(parse_truncated) {
  size_t len;
  uint8_t *f = good_file(&len);
  for (size_t n = 0; n < len; n++) {
    uint8_t *p = malloc(n ? n : 1);
    memcpy(p, f, n);
    wchg_cdrfile pf;
    wchg_diag d;
    wchg_status rc = wchg_cdrfile_parse(p, n, &pf, &d);
    ck_assert_int_ne(rc, WCHG_OK);
    ck_assert(rc == WCHG_E_TRUNCATED || rc == WCHG_E_LENGTH);
    free(p);
    /* and with the file length patched to match the prefix */
    if (n >= 50) {
      p = malloc(n);
      memcpy(p, f, n);
      p[0] = (uint8_t)(n >> 24), p[1] = (uint8_t)(n >> 16), p[2] = (uint8_t)(n >> 8),
      p[3] = (uint8_t)n;
      rc = wchg_cdrfile_parse(p, n, &pf, &d);
      ck_assert_int_ne(rc, WCHG_OK);
      free(p);
    }
  }
  free(f);
}
END_TEST

START_TEST(parse_malformed) {
  size_t len;
  uint8_t *f = good_file(&len), *p = malloc(len + 8);
#define FRESH() memcpy(p, f, len)
  FRESH();
  p[3]++; /* file length */
  expect(p, len, WCHG_E_LENGTH, 0, "CDRFile/fileLength");
  FRESH();
  p[7] = 200; /* header length past the end */
  expect(p, len, WCHG_E_TRUNCATED, 4, "CDRFile/headerLength");
  FRESH();
  p[7] = 40; /* header length shorter than its fields */
  expect(p, len, WCHG_E_LENGTH, 4, "CDRFile/headerLength");
  FRESH();
  p[51] = 1; /* private extension length 1: past the header */
  expect(p, len, WCHG_E_LENGTH, 50, "CDRFile/privateExtension");
  FRESH();
  p[10] = 0x0E; /* month 0 */
  expect(p, len, WCHG_E_RANGE, 10, "CDRFile/fileOpeningTimestamp");
  FRESH();
  p[17] |= 0x3F; /* offset minutes 63 */
  expect(p, len, WCHG_E_RANGE, 14, "CDRFile/lastCdrAppendTimestamp");
  FRESH();
  p[26] = 6; /* closure reason */
  expect(p, len, WCHG_E_RANGE, 26, "CDRFile/fileClosureTriggerReason");
  FRESH();
  p[26] = 132;
  expect(p, len, WCHG_E_RANGE, 26, "CDRFile/fileClosureTriggerReason");
  FRESH();
  p[28] = 0; /* address marker */
  expect(p, len, WCHG_E_RANGE, 27, "CDRFile/nodeIPAddress");
  FRESH();
  p[21] = 3; /* count 3, two present */
  expect(p, len, WCHG_E_MISSING, len, "CDRFile/numberOfCdrs");
  FRESH();
  p[21] = 1; /* count 1, two present */
  expect(p, len, WCHG_E_TRAILING, 54 + 10, "CDRFile/cdr[1]");
  FRESH();
  p[54 + 1] = 6; /* first CDR length 6: the next header is read one octet late */
  expect(p, len, WCHG_E_RANGE, 54 + 5 + 6 + 3, "CDRFile/cdr[1]/dataRecordFormat");
  FRESH();
  p[54 + 10 + 1] = 7; /* last CDR length past the end */
  expect(p, len, WCHG_E_LENGTH, 64, "CDRFile/cdr[1]/cdrLength");
  FRESH();
  p[54 + 3] = 0x09; /* format 0 */
  expect(p, len, WCHG_E_RANGE, 57, "CDRFile/cdr[0]/dataRecordFormat");
  FRESH();
  p[54 + 3] = 0xA9; /* format 5 */
  expect(p, len, WCHG_E_RANGE, 57, "CDRFile/cdr[0]/dataRecordFormat");
  /* huge lengths: 0xFFFFFFFF file and header lengths, a 65535 CDR */
  FRESH();
  memset(p, 0xFF, 8);
  expect(p, len, WCHG_E_LENGTH, 0, "CDRFile/fileLength");
  FRESH();
  memset(p + 4, 0xFF, 4);
  expect(p, len, WCHG_E_TRUNCATED, 4, "CDRFile/headerLength");
  FRESH();
  p[54] = p[55] = 0xFF;
  expect(p, len, WCHG_E_LENGTH, 54, "CDRFile/cdr[0]/cdrLength");
  /* a 5-octet CDR header cut after 4 */
  FRESH();
  p[21] = 3;
  memcpy(p + len, "\x00\x00\xE9\x29", 4);
  size_t n = len + 4;
  p[3] = (uint8_t)n;
  expect(p, n, WCHG_E_TRUNCATED, len, "CDRFile/cdr[2]");
  ck_assert_int_eq(wchg_cdrfile_parse(NULL, 5, NULL, NULL), WCHG_E_ARG);
#undef FRESH
  free(p);
  free(f);
}
END_TEST

/* An empty file (no CDRs) keeps the header's own release fields. */
START_TEST(empty_file) {
  wchg_cdrfile_header h = header();
  h.high_release = 17;
  h.high_version = 9;
  h.low_release = 16;
  h.low_version = 3;
  size_t len;
  uint8_t *f = make_file(&h, NULL, 0, &len);
  ck_assert_uint_eq(len, 54);
  wchg_cdrfile pf;
  ck_assert_int_eq(wchg_cdrfile_parse(f, len, &pf, NULL), WCHG_OK);
  ck_assert_uint_eq(pf.header.cdr_count, 0);
  ck_assert_uint_eq(pf.header.high_release, 17);
  ck_assert_uint_eq(pf.header.low_release, 16);
  ck_assert_uint_eq(pf.header.low_version, 3);
  wchg_cdrfile_iter it;
  wchg_cdrfile_cdr c;
  wchg_cdrfile_iter_init(&it, &pf);
  ck_assert(!wchg_cdrfile_next(&it, &c));
  free(f);
}
END_TEST

Suite *cdrfile_suite(void) {
  Suite *s = suite_create("cdrfile");
  TCase *tc = tcase_create("cdrfile");
  tcase_add_test(tc, time_stamp_golden);
  tcase_add_test(tc, header_golden);
  tcase_add_test(tc, release_high_low);
  tcase_add_test(tc, round_trip_records);
  tcase_add_test(tc, writer_short_buffer);
  tcase_add_test(tc, writer_mixed_releases);
  tcase_add_test(tc, writer_range_errors);
  tcase_add_test(tc, header_without_private_extension_length);
  tcase_add_test(tc, parse_truncated);
  tcase_add_test(tc, parse_malformed);
  tcase_add_test(tc, empty_file);
  suite_add_tcase(s, tc);
  return s;
}
