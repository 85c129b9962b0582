/*
 * test_common.c: common_suite — version, status names, diagnostics and the
 * TimeStamp helpers of the public API (common.h, cdr.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <check.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "base/internal.h"

Suite *common_suite(void);

/* ------------------------------------------------------------ version */

START_TEST(version_matches_macros) {
  int major = -1, minor = -1, patch = -1;
  char tail = 0;
  ck_assert_ptr_nonnull(wchg_version());
  ck_assert_str_eq(wchg_version(), WCHG_VERSION_STRING);
  ck_assert_int_eq(sscanf(wchg_version(), "%d.%d.%d%c", &major, &minor,
                          &patch, &tail), 3);
  ck_assert_int_eq(major, WCHG_VERSION_MAJOR);
  ck_assert_int_eq(minor, WCHG_VERSION_MINOR);
  ck_assert_int_eq(patch, WCHG_VERSION_PATCH);
  ck_assert_int_eq(WCHG_VERSION_NUM, (major << 16) | (minor << 8) | patch);
#if WCHG_VERSION_NUM < 0x000100
#error "WCHG_VERSION_NUM must be usable in #if"
#endif
}
END_TEST

/* ------------------------------------------------------------ strerror */

/* Every code common.h defines. */
static const int all_codes[] = {
    WCHG_OK,          WCHG_E_ARG,       WCHG_E_NOMEM,     WCHG_E_BUFFER,
    WCHG_E_TRUNCATED, WCHG_E_LENGTH,    WCHG_E_TAG,       WCHG_E_DUPLICATE,
    WCHG_E_MISSING,   WCHG_E_DEPTH,     WCHG_E_LIMIT,     WCHG_E_ENCODING,
    WCHG_E_RANGE,     WCHG_E_CONSTRAINT, WCHG_E_UTF8,     WCHG_E_TIMESTAMP,
    WCHG_E_TRAILING,  WCHG_E_CHOICE,    WCHG_E_JSON,      WCHG_E_JSON_TYPE,
    WCHG_E_JSON_KEY,  WCHG_E_INVALID,   WCHG_E_EMERGENCY, WCHG_E_DIAMETER,
    WCHG_E_STATE,     WCHG_E_OTHER_NODE, WCHG_E_OTHER_RECORD,
};
#define N_CODES (sizeof all_codes / sizeof all_codes[0])

START_TEST(strerror_names_every_code) {
  for (size_t i = 0; i < N_CODES; i++) {
    const char *s = wchg_strerror(all_codes[i]);
    ck_assert_msg(s != NULL, "code %d has no name", all_codes[i]);
    ck_assert_msg(s[0] != '\0', "code %d has an empty name", all_codes[i]);
    ck_assert_msg(strcmp(s, "unknown error") != 0,
                  "code %d is called \"unknown error\"", all_codes[i]);
    ck_assert_msg(s == wchg_strerror(all_codes[i]) ||
                      strcmp(s, wchg_strerror(all_codes[i])) == 0,
                  "code %d: name not stable", all_codes[i]);
  }
}
END_TEST

START_TEST(strerror_names_are_distinct) {
  for (size_t i = 0; i < N_CODES; i++)
    for (size_t j = i + 1; j < N_CODES; j++)
      ck_assert_msg(strcmp(wchg_strerror(all_codes[i]),
                           wchg_strerror(all_codes[j])) != 0,
                    "codes %d and %d share the name \"%s\"", all_codes[i],
                    all_codes[j], wchg_strerror(all_codes[i]));
}
END_TEST

START_TEST(strerror_codes_are_negative_and_in_range) {
  ck_assert_int_eq(WCHG_OK, 0);
  for (size_t i = 1; i < N_CODES; i++) {
    ck_assert_int_lt(all_codes[i], 0);
    ck_assert_int_gt(all_codes[i], -100); /* -100 and below: later modules */
  }
}
END_TEST

/* wchg_status_name: the enum's own spelling for every code, NULL else. */
START_TEST(status_names_spell_the_enum) {
  static const struct {
    int code;
    const char *name;
  } some[] = {{WCHG_OK, "WCHG_OK"},
              {WCHG_E_BUFFER, "WCHG_E_BUFFER"},
              {WCHG_E_TIMESTAMP, "WCHG_E_TIMESTAMP"},
              {WCHG_E_OTHER_RECORD, "WCHG_E_OTHER_RECORD"},
              {WCHG_E_OTHER_NODE, "WCHG_E_OTHER_NODE"}};
  for (size_t i = 0; i < sizeof some / sizeof some[0]; i++)
    ck_assert_str_eq(wchg_status_name(some[i].code), some[i].name);
  for (size_t i = 0; i < N_CODES; i++) {
    const char *n = wchg_status_name(all_codes[i]);
    ck_assert_msg(n && !strncmp(n, "WCHG_", 5), "code %d has no name", all_codes[i]);
    for (size_t j = 0; j < i; j++)
      ck_assert_str_ne(n, wchg_status_name(all_codes[j]));
  }
  ck_assert_ptr_null(wchg_status_name(-25));
  ck_assert_ptr_null(wchg_status_name(1));
}
END_TEST

/* wchgi_warn: every warning counted, the first |cap| kept, NULL allowed. */
START_TEST(warnings_count_and_keep) {
  wchg_diag items[2];
  wchg_warnings w = {items, 2, 0};
  wchgi_warn(NULL, WCHG_E_DIAMETER, 5004, 1, "a", "ignored");
  wchgi_warn(&w, WCHG_E_DIAMETER, 3009, 24, "Origin-Host", "M bit clear %d", 1);
  wchgi_warn(&w, WCHG_E_TIMESTAMP, 0, 40, NULL, "not BCD");
  wchgi_warn(&w, WCHG_E_UTF8, 0, WCHG_NO_OFFSET, "x", "third");
  ck_assert_uint_eq(w.count, 3);
  ck_assert_int_eq(items[0].code, WCHG_E_DIAMETER);
  ck_assert_uint_eq(items[0].result_code, 3009);
  ck_assert_uint_eq(items[0].offset, 24);
  ck_assert_str_eq(items[0].path, "Origin-Host");
  ck_assert_str_eq(items[0].message, "M bit clear 1");
  ck_assert_int_eq(items[1].code, WCHG_E_TIMESTAMP);
  ck_assert_str_eq(items[1].path, "");
  wchg_warnings counting = {NULL, 5, 0};
  wchgi_warn(&counting, WCHG_E_UTF8, 0, 0, NULL, "only counted");
  ck_assert_uint_eq(counting.count, 1);
}
END_TEST

/* result_code.h: every name is the RFC's, distinct, and the classes. */
START_TEST(result_code_names_and_classes) {
  static const struct {
    uint32_t rc;
    const char *name;
  } all[] = {
      {WCHG_RC_SUCCESS, "DIAMETER_SUCCESS"},
      {WCHG_RC_COMMAND_UNSUPPORTED, "DIAMETER_COMMAND_UNSUPPORTED"},
      {WCHG_RC_UNABLE_TO_DELIVER, "DIAMETER_UNABLE_TO_DELIVER"},
      {WCHG_RC_TOO_BUSY, "DIAMETER_TOO_BUSY"},
      {WCHG_RC_REDIRECT_INDICATION, "DIAMETER_REDIRECT_INDICATION"},
      {WCHG_RC_APPLICATION_UNSUPPORTED, "DIAMETER_APPLICATION_UNSUPPORTED"},
      {WCHG_RC_INVALID_HDR_BITS, "DIAMETER_INVALID_HDR_BITS"},
      {WCHG_RC_INVALID_AVP_BITS, "DIAMETER_INVALID_AVP_BITS"},
      {WCHG_RC_OUT_OF_SPACE, "DIAMETER_OUT_OF_SPACE"},
      {WCHG_RC_CREDIT_CONTROL_NOT_APPLICABLE, "DIAMETER_CREDIT_CONTROL_NOT_APPLICABLE"},
      {WCHG_RC_AVP_UNSUPPORTED, "DIAMETER_AVP_UNSUPPORTED"},
      {WCHG_RC_INVALID_AVP_VALUE, "DIAMETER_INVALID_AVP_VALUE"},
      {WCHG_RC_MISSING_AVP, "DIAMETER_MISSING_AVP"},
      {WCHG_RC_AVP_NOT_ALLOWED, "DIAMETER_AVP_NOT_ALLOWED"},
      {WCHG_RC_AVP_OCCURS_TOO_MANY_TIMES, "DIAMETER_AVP_OCCURS_TOO_MANY_TIMES"},
      {WCHG_RC_UNSUPPORTED_VERSION, "DIAMETER_UNSUPPORTED_VERSION"},
      {WCHG_RC_UNABLE_TO_COMPLY, "DIAMETER_UNABLE_TO_COMPLY"},
      {WCHG_RC_INVALID_AVP_LENGTH, "DIAMETER_INVALID_AVP_LENGTH"},
      {WCHG_RC_INVALID_MESSAGE_LENGTH, "DIAMETER_INVALID_MESSAGE_LENGTH"},
  };
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
    ck_assert_str_eq(wchg_result_code_name(all[i].rc), all[i].name);
    ck_assert(wchg_result_code_success(all[i].rc) == (all[i].rc / 1000 == 2));
    ck_assert(wchg_result_code_protocol_error(all[i].rc) == (all[i].rc / 1000 == 3));
  }
  ck_assert_ptr_null(wchg_result_code_name(0));
  ck_assert_ptr_null(wchg_result_code_name(2002));
  ck_assert(!wchg_result_code_success(1999) && !wchg_result_code_success(3000));
  ck_assert(wchg_result_code_protocol_error(3999) && !wchg_result_code_protocol_error(4000));
}
END_TEST

/* The diag setter: the first error wins, its Result-Code too; recode
 * keeps the path and the sentence. */
START_TEST(diag_first_error_wins) {
  wchg_diag d;
  wchgi_diag_clear(&d);
  wchgi_diag_set(&d, WCHG_E_MISSING, WCHG_RC_MISSING_AVP, 12, NULL, "first %d", 1);
  wchgi_diag_set(&d, WCHG_E_RANGE, WCHG_RC_INVALID_AVP_VALUE, 40, NULL, "second");
  ck_assert_int_eq(d.code, WCHG_E_MISSING);
  ck_assert_uint_eq(d.result_code, WCHG_RC_MISSING_AVP);
  ck_assert_uint_eq(d.offset, 12);
  ck_assert_str_eq(d.message, "first 1");
  wchgi_diag_recode(&d, WCHG_E_INVALID, WCHG_RC_INVALID_AVP_VALUE);
  ck_assert_int_eq(d.code, WCHG_E_INVALID);
  ck_assert_uint_eq(d.result_code, WCHG_RC_INVALID_AVP_VALUE);
  ck_assert_str_eq(d.message, "first 1");
  wchgi_diag_recode(NULL, WCHG_E_INVALID, 0);
}
END_TEST

START_TEST(strerror_unknown_codes) {
  static const int unknown[] = {1,   2,   -4,  -9,   -25, -29, -33,
                                -39, -42, -49, -100, INT_MIN, INT_MAX};
  for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
    ck_assert_str_eq(wchg_strerror(unknown[i]), "unknown error");
}
END_TEST

/* ------------------------------------------------------------ diag */

static void assert_diag_well_formed(const wchg_diag *d) {
  ck_assert_int_lt(d->code, 0);
  ck_assert_str_ne(wchg_strerror(d->code), "unknown error");
  ck_assert_ptr_nonnull(memchr(d->path, '\0', sizeof d->path));
  ck_assert_ptr_nonnull(memchr(d->message, '\0', sizeof d->message));
  ck_assert_msg(d->message[0] != '\0', "diag without a sentence");
}

START_TEST(diag_layout) {
  wchg_diag d;
  ck_assert(WCHG_NO_OFFSET == SIZE_MAX);
  ck_assert_uint_ge(sizeof d.path, 128);
  ck_assert_uint_ge(sizeof d.message, 128);
  ck_assert_uint_eq(sizeof d.offset, sizeof(size_t));
}
END_TEST

/* A pCSCFRecord whose length says 16 octets where 3 follow. */
START_TEST(diag_from_decoder) {
  static const uint8_t truncated[] = {0xBF, 0x40, 0x10, 0x80, 0x01, 0x40};
  wchg_cdr *cdr = (wchg_cdr *)&cdr; /* must be reset to NULL */
  wchg_diag d;
  memset(&d, 0x55, sizeof d);
  wchg_status st =
      wchg_cdr_decode(truncated, sizeof truncated, NULL, &cdr, NULL, &d);
  ck_assert_int_lt(st, 0);
  ck_assert_ptr_null(cdr);
  ck_assert_int_eq(d.code, st);
  assert_diag_well_formed(&d);
  ck_assert_msg(d.offset <= sizeof truncated, "offset %zu beyond the input",
                d.offset);
}
END_TEST

START_TEST(diag_is_optional) {
  static const uint8_t truncated[] = {0xBF, 0x40, 0x10, 0x80, 0x01, 0x40};
  wchg_cdr *cdr = NULL;
  ck_assert_int_lt(
      wchg_cdr_decode(truncated, sizeof truncated, NULL, &cdr, NULL, NULL),
      0);
  ck_assert_ptr_null(cdr);
}
END_TEST

START_TEST(diag_list_from_validator) {
  wchg_cdr cdr;
  wchg_diag d[2];
  size_t count = 0, count0 = 0;
  wchg_cdr_init(&cdr); /* recordType only: the WebRTC profile misses six */
  memset(d, 0x55, sizeof d);
  wchg_status st =
      wchg_cdr_validate(&cdr, WCHG_VALIDATE_WEBRTC, d, 2, &count);
  ck_assert_int_eq(st, WCHG_E_INVALID);
  ck_assert_uint_ge(count, 6);
  for (int i = 0; i < 2; i++) {
    assert_diag_well_formed(&d[i]);
    ck_assert_msg(d[i].path[0] != '\0', "validation diag without a path");
    ck_assert_msg(d[i].offset == WCHG_NO_OFFSET,
                  "validation diag with a byte offset (%zu)", d[i].offset);
  }
  /* No room: the count is still told. */
  ck_assert_int_eq(wchg_cdr_validate(&cdr, WCHG_VALIDATE_WEBRTC, NULL, 0,
                                     &count0),
                   WCHG_E_INVALID);
  ck_assert_uint_eq(count0, count);
}
END_TEST

/* ------------------------------------------------------------ TimeStamp */

#define TS(...) ((const uint8_t[9]){__VA_ARGS__})

static void assert_ts(const wchg_timestamp *ts, const uint8_t want[9]) {
  ck_assert(ts->present);
  ck_assert_msg(memcmp(ts->octets, want, 9) == 0,
                "TimeStamp %02x%02x%02x %02x%02x%02x %c%02x%02x, want "
                "%02x%02x%02x %02x%02x%02x %c%02x%02x",
                ts->octets[0], ts->octets[1], ts->octets[2], ts->octets[3],
                ts->octets[4], ts->octets[5], ts->octets[6], ts->octets[7],
                ts->octets[8], want[0], want[1], want[2], want[3], want[4],
                want[5], want[6], want[7], want[8]);
}

START_TEST(timestamp_set_example) {
  /* TS 32.298: 2024-01-15 13:45:30 at UTC+01:00 */
  wchg_timestamp ts = {0};
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2024, 1, 15, 13, 45, 30, 60),
                   WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x01, 0x15, 0x13, 0x45, 0x30, '+', 0x01, 0x00));
}
END_TEST

START_TEST(timestamp_set_offsets) {
  wchg_timestamp ts = {0};
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2030, 6, 7, 8, 9, 10, 0), WCHG_OK);
  assert_ts(&ts, TS(0x30, 0x06, 0x07, 0x08, 0x09, 0x10, '+', 0x00, 0x00));
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2030, 6, 7, 8, 9, 10, -330),
                   WCHG_OK);
  assert_ts(&ts, TS(0x30, 0x06, 0x07, 0x08, 0x09, 0x10, '-', 0x05, 0x30));
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2030, 6, 7, 8, 9, 10, 345),
                   WCHG_OK); /* Nepal, +05:45 */
  assert_ts(&ts, TS(0x30, 0x06, 0x07, 0x08, 0x09, 0x10, '+', 0x05, 0x45));
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2030, 6, 7, 8, 9, 10, 14 * 60),
                   WCHG_OK); /* Kiribati, the easternmost */
  assert_ts(&ts, TS(0x30, 0x06, 0x07, 0x08, 0x09, 0x10, '+', 0x14, 0x00));
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2030, 6, 7, 8, 9, 10, -12 * 60),
                   WCHG_OK); /* the westernmost */
  assert_ts(&ts, TS(0x30, 0x06, 0x07, 0x08, 0x09, 0x10, '-', 0x12, 0x00));
}
END_TEST

START_TEST(timestamp_set_bounds) {
  wchg_timestamp ts = {0};
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2000, 1, 1, 0, 0, 0, 0), WCHG_OK);
  assert_ts(&ts, TS(0x00, 0x01, 0x01, 0x00, 0x00, 0x00, '+', 0x00, 0x00));
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2099, 12, 31, 23, 59, 59, 0),
                   WCHG_OK);
  assert_ts(&ts, TS(0x99, 0x12, 0x31, 0x23, 0x59, 0x59, '+', 0x00, 0x00));
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2024, 4, 30, 12, 0, 0, 0),
                   WCHG_OK);
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2024, 12, 31, 12, 0, 0, 0),
                   WCHG_OK);
}
END_TEST

START_TEST(timestamp_set_leap_days) {
  wchg_timestamp ts = {0};
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2024, 2, 29, 12, 0, 0, 0),
                   WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x02, 0x29, 0x12, 0x00, 0x00, '+', 0x00, 0x00));
  /* 2000 is a leap year (divisible by 400). */
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2000, 2, 29, 0, 0, 0, 0), WCHG_OK);
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2096, 2, 29, 0, 0, 0, 0), WCHG_OK);
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2023, 2, 29, 0, 0, 0, 0),
                   WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2025, 2, 29, 0, 0, 0, 0),
                   WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2024, 2, 30, 0, 0, 0, 0),
                   WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_set(&ts, 2023, 2, 28, 0, 0, 0, 0), WCHG_OK);
}
END_TEST

START_TEST(timestamp_set_out_of_range) {
  static const int bad[][7] = {
      {1999, 12, 31, 23, 59, 59, 0}, /* the format keeps two year digits */
      {2100, 1, 1, 0, 0, 0, 0},     {2024, 0, 1, 0, 0, 0, 0},
      {2024, 13, 1, 0, 0, 0, 0},    {2024, 1, 0, 0, 0, 0, 0},
      {2024, 1, 32, 0, 0, 0, 0},    {2024, 4, 31, 0, 0, 0, 0},
      {2024, 6, 31, 0, 0, 0, 0},    {2024, 9, 31, 0, 0, 0, 0},
      {2024, 11, 31, 0, 0, 0, 0},   {2024, 1, 1, 24, 0, 0, 0},
      {2024, 1, 1, -1, 0, 0, 0},    {2024, 1, 1, 0, 60, 0, 0},
      {2024, 1, 1, 0, -1, 0, 0},    {2024, 1, 1, 0, 0, 60, 0},
      {2024, 1, 1, 0, 0, -1, 0},    {2024, 1, 1, 0, 0, 0, 1440},
      {2024, 1, 1, 0, 0, 0, -1440}, {2024, 1, 1, 0, 0, 0, INT_MAX},
      {2024, 1, 1, 0, 0, 0, INT_MIN},
      /* beyond -12:00..+14:00, which TimeStamp validation rejects */
      {2024, 1, 1, 0, 0, 0, 14 * 60 + 1}, {2024, 1, 1, 0, 0, 0, -12 * 60 - 1},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    const int *v = bad[i];
    wchg_timestamp ts = {0};
    ck_assert_msg(wchg_timestamp_set(&ts, v[0], v[1], v[2], v[3], v[4], v[5],
                                     v[6]) == WCHG_E_RANGE,
                  "%04d-%02d-%02d %02d:%02d:%02d offset %d accepted", v[0],
                  v[1], v[2], v[3], v[4], v[5], v[6]);
  }
  ck_assert_int_eq(wchg_timestamp_set(NULL, 2024, 1, 1, 0, 0, 0, 0),
                   WCHG_E_ARG);
}
END_TEST

START_TEST(timestamp_from_unix_known) {
  wchg_timestamp ts = {0};
  /* 2024-01-15T12:45:30Z */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1705322730, 60), WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x01, 0x15, 0x13, 0x45, 0x30, '+', 0x01, 0x00));
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1705322730, 0), WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x01, 0x15, 0x12, 0x45, 0x30, '+', 0x00, 0x00));
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1705322730, -330), WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x01, 0x15, 0x07, 0x15, 0x30, '-', 0x05, 0x30));
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1705322730, 345), WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x01, 0x15, 0x18, 0x30, 0x30, '+', 0x05, 0x45));
  /* 2000-01-01T00:00:00Z, the first instant that fits at +00:00 */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 946684800, 0), WCHG_OK);
  assert_ts(&ts, TS(0x00, 0x01, 0x01, 0x00, 0x00, 0x00, '+', 0x00, 0x00));
  /* 2099-12-31T23:59:59Z, the last */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 4102444799, 0), WCHG_OK);
  assert_ts(&ts, TS(0x99, 0x12, 0x31, 0x23, 0x59, 0x59, '+', 0x00, 0x00));
}
END_TEST

START_TEST(timestamp_from_unix_leap_days) {
  wchg_timestamp ts = {0};
  /* 2024-02-29T00:00:00Z */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1709164800, 0), WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x02, 0x29, 0x00, 0x00, 0x00, '+', 0x00, 0x00));
  /* one hour west it is still the 28th */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1709164800, -60), WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x02, 0x28, 0x23, 0x00, 0x00, '-', 0x01, 0x00));
  /* 2024-03-01T04:30:00Z at -05:00 is 2024-02-29 23:30 */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1709267400, -300), WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x02, 0x29, 0x23, 0x30, 0x00, '-', 0x05, 0x00));
  /* and at +14:00 it is already 2024-03-01 18:30 */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1709267400, 840), WCHG_OK);
  assert_ts(&ts, TS(0x24, 0x03, 0x01, 0x18, 0x30, 0x00, '+', 0x14, 0x00));
  /* 2000-02-29T12:00:00Z */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 951825600, 0), WCHG_OK);
  assert_ts(&ts, TS(0x00, 0x02, 0x29, 0x12, 0x00, 0x00, '+', 0x00, 0x00));
  /* 2026-12-31T23:30:00Z at +01:00 is New Year 2027 */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1798759800, 60), WCHG_OK);
  assert_ts(&ts, TS(0x27, 0x01, 0x01, 0x00, 0x30, 0x00, '+', 0x01, 0x00));
}
END_TEST

START_TEST(timestamp_from_unix_out_of_range) {
  wchg_timestamp ts = {0};
  /* local time before 2000 or after 2099 */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 946684800, -60),
                   WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 946684799, 0), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 4102444799, 60),
                   WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 4102444800, 0), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 0, 0), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, -1, 0), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, INT64_MIN, 0), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, INT64_MAX, 0), WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1705322730, 1440),
                   WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 1705322730, INT_MIN),
                   WCHG_E_RANGE);
  ck_assert_int_eq(wchg_timestamp_from_unix(NULL, 1705322730, 0), WCHG_E_ARG);
  /* 946684800 at -12:00 is 1999; 12 hours later it is 2000 */
  ck_assert_int_eq(wchg_timestamp_from_unix(&ts, 946684800 + 12 * 3600, -720),
                   WCHG_OK);
  assert_ts(&ts, TS(0x00, 0x01, 0x01, 0x00, 0x00, 0x00, '-', 0x12, 0x00));
}
END_TEST

START_TEST(timestamp_to_unix_known) {
  wchg_timestamp ts = {true, {0x24, 0x01, 0x15, 0x13, 0x45, 0x30, '+', 0x01,
                              0x00}};
  int64_t t = 0;
  int off = 12345;
  ck_assert_int_eq(wchg_timestamp_to_unix(&ts, &t, &off), WCHG_OK);
  ck_assert_int_eq(t, 1705322730);
  ck_assert_int_eq(off, 60);
  /* the offset pointer may be NULL */
  t = 0;
  ck_assert_int_eq(wchg_timestamp_to_unix(&ts, &t, NULL), WCHG_OK);
  ck_assert_int_eq(t, 1705322730);

  const wchg_timestamp west = {
      true, {0x24, 0x02, 0x29, 0x23, 0x30, 0x00, '-', 0x05, 0x00}};
  ck_assert_int_eq(wchg_timestamp_to_unix(&west, &t, &off), WCHG_OK);
  ck_assert_int_eq(t, 1709267400);
  ck_assert_int_eq(off, -300);

  /* "-0000" is a valid TimeStamp: UTC, offset 0 */
  const wchg_timestamp minus_zero = {
      true, {0x00, 0x01, 0x01, 0x00, 0x00, 0x00, '-', 0x00, 0x00}};
  ck_assert_int_eq(wchg_timestamp_to_unix(&minus_zero, &t, &off), WCHG_OK);
  ck_assert_int_eq(t, 946684800);
  ck_assert_int_eq(off, 0);
}
END_TEST

START_TEST(timestamp_to_unix_invalid) {
  static const uint8_t bad[][9] = {
      {0x23, 0x02, 0x29, 0x00, 0x00, 0x00, '+', 0x00, 0x00}, /* not leap */
      {0x24, 0x04, 0x31, 0x00, 0x00, 0x00, '+', 0x00, 0x00}, /* 31 April */
      {0x24, 0x00, 0x15, 0x00, 0x00, 0x00, '+', 0x00, 0x00}, /* month 0 */
      {0x24, 0x13, 0x15, 0x00, 0x00, 0x00, '+', 0x00, 0x00}, /* month 13 */
      {0x24, 0x01, 0x00, 0x00, 0x00, 0x00, '+', 0x00, 0x00}, /* day 0 */
      {0x24, 0x01, 0x15, 0x24, 0x00, 0x00, '+', 0x00, 0x00}, /* hour 24 */
      {0x24, 0x01, 0x15, 0x00, 0x60, 0x00, '+', 0x00, 0x00}, /* minute 60 */
      {0x24, 0x01, 0x15, 0x00, 0x00, 0x60, '+', 0x00, 0x00}, /* second 60 */
      {0x2A, 0x01, 0x15, 0x00, 0x00, 0x00, '+', 0x00, 0x00}, /* not BCD */
      {0x24, 0x01, 0x1F, 0x00, 0x00, 0x00, '+', 0x00, 0x00}, /* not BCD */
      {0x24, 0x01, 0x15, 0x00, 0x00, 0x00, 'x', 0x00, 0x00}, /* sign */
      {0x24, 0x01, 0x15, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00}, /* sign */
      {0x24, 0x01, 0x15, 0x00, 0x00, 0x00, '+', 0x01, 0x60}, /* offset mm */
      {0x24, 0x01, 0x15, 0x00, 0x00, 0x00, '+', 0x24, 0x00}, /* offset hh */
      {0x24, 0x01, 0x15, 0x00, 0x00, 0x00, '+', 0x0A, 0x00}, /* not BCD */
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    wchg_timestamp ts = {true, {0}};
    int64_t t = 0;
    memcpy(ts.octets, bad[i], 9);
    ck_assert_msg(wchg_timestamp_to_unix(&ts, &t, NULL) == WCHG_E_TIMESTAMP,
                  "bad TimeStamp #%zu accepted", i);
  }
}
END_TEST

START_TEST(timestamp_to_unix_args) {
  wchg_timestamp absent = {0};
  wchg_timestamp ok = {true, {0x24, 0x01, 0x15, 0x13, 0x45, 0x30, '+', 0x01,
                              0x00}};
  int64_t t;
  ck_assert_int_eq(wchg_timestamp_to_unix(NULL, &t, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_timestamp_to_unix(&absent, &t, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_timestamp_to_unix(&ok, NULL, NULL), WCHG_E_ARG);
}
END_TEST

/* from_unix -> to_unix gives back the instant and the offset, over the
 * whole century and a spread of real offsets. */
START_TEST(timestamp_round_trip_unix) {
  static const int offsets[] = {-720, -570, -330, -60, 0,
                                60,   330,  345,  525, 840};
  const int64_t first = 946684800 + 12 * 3600; /* fits at every offset */
  const int64_t last = 4102444799 - 14 * 3600;
  size_t n = 0;
  for (int64_t t = first; t <= last; t += 86400 * 13 + 3607) {
    for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
      wchg_timestamp ts = {0};
      int64_t back = 0;
      int off = 9999;
      ck_assert_int_eq(wchg_timestamp_from_unix(&ts, t, offsets[i]), WCHG_OK);
      ck_assert_int_eq(wchg_timestamp_to_unix(&ts, &back, &off), WCHG_OK);
      ck_assert_msg(back == t, "%lld at offset %d came back as %lld",
                    (long long)t, offsets[i], (long long)back);
      ck_assert_int_eq(off, offsets[i]);
      n++;
    }
  }
  ck_assert_uint_gt(n, 20000);
}
END_TEST

/* set -> to_unix -> from_unix gives back the same octets, every leap day
 * of the century included. */
START_TEST(timestamp_round_trip_octets) {
  for (int year = 2000; year <= 2099; year++) {
    for (int month = 1; month <= 12; month++) {
      for (int day = 28; day <= 31; day++) {
        wchg_timestamp a = {0}, b = {0};
        int64_t t;
        int off;
        int offset = ((year * 7 + month * 31 + day) % 27 - 13) * 45;
        if (offset < -720 || offset > 840)
          offset = 0;
        wchg_status st =
            wchg_timestamp_set(&a, year, month, day, 23, 59, 58, offset);
        if (st == WCHG_E_RANGE)
          continue; /* day does not exist in that month */
        ck_assert_int_eq(st, WCHG_OK);
        ck_assert_int_eq(wchg_timestamp_to_unix(&a, &t, &off), WCHG_OK);
        ck_assert_int_eq(off, offset);
        if (wchg_timestamp_from_unix(&b, t, off) != WCHG_OK)
          ck_abort_msg("%04d-%02d-%02d at %d: from_unix failed", year, month,
                       day, offset);
        ck_assert_mem_eq(a.octets, b.octets, 9);
      }
    }
  }
  /* Which days exist: 29 February exactly in leap years. */
  for (int year = 2000; year <= 2099; year++) {
    wchg_timestamp ts = {0};
    bool leap = year % 4 == 0; /* 2000 is divisible by 400 */
    ck_assert_int_eq(wchg_timestamp_set(&ts, year, 2, 29, 0, 0, 0, 0),
                     leap ? WCHG_OK : WCHG_E_RANGE);
  }
}
END_TEST

Suite *common_suite(void) {
  Suite *s = suite_create("common");
  TCase *tc;

  tc = tcase_create("version");
  tcase_add_test(tc, version_matches_macros);
  suite_add_tcase(s, tc);

  tc = tcase_create("strerror");
  tcase_add_test(tc, strerror_names_every_code);
  tcase_add_test(tc, strerror_names_are_distinct);
  tcase_add_test(tc, strerror_codes_are_negative_and_in_range);
  tcase_add_test(tc, strerror_unknown_codes);
  tcase_add_test(tc, warnings_count_and_keep);
  tcase_add_test(tc, result_code_names_and_classes);
  tcase_add_test(tc, diag_first_error_wins);
  tcase_add_test(tc, status_names_spell_the_enum);
  suite_add_tcase(s, tc);

  tc = tcase_create("diag");
  tcase_add_test(tc, diag_layout);
  tcase_add_test(tc, diag_from_decoder);
  tcase_add_test(tc, diag_is_optional);
  tcase_add_test(tc, diag_list_from_validator);
  suite_add_tcase(s, tc);

  tc = tcase_create("timestamp");
  tcase_add_test(tc, timestamp_set_example);
  tcase_add_test(tc, timestamp_set_offsets);
  tcase_add_test(tc, timestamp_set_bounds);
  tcase_add_test(tc, timestamp_set_leap_days);
  tcase_add_test(tc, timestamp_set_out_of_range);
  tcase_add_test(tc, timestamp_from_unix_known);
  tcase_add_test(tc, timestamp_from_unix_leap_days);
  tcase_add_test(tc, timestamp_from_unix_out_of_range);
  tcase_add_test(tc, timestamp_to_unix_known);
  tcase_add_test(tc, timestamp_to_unix_invalid);
  tcase_add_test(tc, timestamp_to_unix_args);
  tcase_add_test(tc, timestamp_round_trip_unix);
  tcase_add_test(tc, timestamp_round_trip_octets);
  /* the round trips loop a lot: give valgrind room */
  tcase_set_timeout(tc, 60);
  suite_add_tcase(s, tc);
  return s;
}
