/* test_ber.c: the BER reader on malformed input — every class of error
 * gives its code, the field path and the byte offset, and nothing leaks.
 * What makes the bytes unreadable stops both policies alike (issue 18);
 * the values the strict policy alone refuses are in test_ber_receive.c.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "samples.h"
#include "testutil.h"

struct bad {
  const char *hex;
  int code;
  const char *path;
  size_t offset;
};

/* |b| is refused alike by wchg_cdr_decode (receive) and by both policies
 * of wchg_cdr_decode_ex, with no warning. */
static void expect_bad(const struct bad *b) {
  uint8_t buf[512];
  size_t n = test_unhex(b->hex, buf, sizeof buf);
  for (int k = 0; k < 3; k++) {
    wchg_cdr *c = (wchg_cdr *)&n; /* must be reset to NULL */
    wchg_diag d, items[2];
    wchg_warnings w = {items, 2, 0};
    int rc = k == 0 ? wchg_cdr_decode(buf, n, NULL, &c, NULL, &d)
                    : wchg_cdr_decode_ex(buf, n, k == 1 ? WCHG_POLICY_RECEIVE
                                                        : WCHG_POLICY_STRICT,
                                         NULL, &c, NULL, &d, &w);
    ck_assert_msg(rc == b->code, "%s (%d): got %s (%s at %s)", b->hex, k, wchg_strerror(rc),
                  d.message, d.path);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(d.code, b->code);
    ck_assert_msg(strcmp(d.path, b->path) == 0, "%s: path %s, want %s", b->hex, d.path,
                  b->path);
    ck_assert_msg(d.offset == b->offset, "%s: offset %zu, want %zu", b->hex, d.offset,
                  b->offset);
    ck_assert_uint_gt(strlen(d.message), 10);
    ck_assert_uint_eq(w.count, 0);
  }
}

#define R "pCSCFRecord"

START_TEST(truncated) {
  static const struct bad cases[] = {
      {"", WCHG_E_TRUNCATED, R, 0},
      {"bf", WCHG_E_TRUNCATED, R, 0},
      {"bf40", WCHG_E_TRUNCATED, R, 0},
      {"bf40 06 800140", WCHG_E_TRUNCATED, R, 0},
      {"bf40 80 800140", WCHG_E_TRUNCATED, R, 6},     /* no end-of-contents */
      {"bf40 80 800140 00", WCHG_E_TRUNCATED, R, 6},  /* half of it */
      {"bf40 82 01", WCHG_E_TRUNCATED, R, 0},         /* length octets cut */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    expect_bad(&cases[i]);
}
END_TEST

/* Every prefix of a full record fails cleanly, never reads past it. */
START_TEST(every_prefix) {
  wchg_cdr c;
  size_t n;
  sample_full(&c);
  uint8_t *full = test_encode(&c, &n);
  for (size_t k = 0; k < n; k++) {
    uint8_t *copy = malloc(k ? k : 1); /* exact size: valgrind/ASan see overreads */
    memcpy(copy, full, k);
    wchg_cdr *out = NULL;
    wchg_diag d;
    int rc = wchg_cdr_decode(copy, k, NULL, &out, NULL, &d);
    ck_assert_msg(rc == WCHG_E_TRUNCATED, "prefix %zu: %s", k, wchg_strerror(rc));
    ck_assert_ptr_null(out);
    ck_assert(d.offset <= k);
    free(copy);
  }
  free(full);
}
END_TEST

START_TEST(lengths) {
  static const struct bad cases[] = {
      /* a member's length runs past its parent (overflow) */
      {"bf40 06 800140 8205 4142", WCHG_E_LENGTH, R, 6},
      /* the parent's length is shorter than its members (underflow) */
      {"bf40 04 800140 8203 414243", WCHG_E_LENGTH, R, 6},
      /* reserved length octet */
      {"bf40 05 800140 82ff", WCHG_E_LENGTH, R, 6},
      /* indefinite length on a primitive */
      {"bf40 80 800140 8280 4100 0000", WCHG_E_LENGTH, R, 6},
      /* 9 length octets: more than any buffer */
      {"bf40 0e 800140 8289 ffffffffffffffffff", WCHG_E_LENGTH, R, 6},
      /* record length far beyond the input */
      {"bf40 84 7fffffff 800140", WCHG_E_TRUNCATED, R, 0},
      /* end-of-contents inside a definite length */
      {"bf40 05 800140 0000", WCHG_E_TAG, R, 6},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    expect_bad(&cases[i]);
}
END_TEST

START_TEST(tags) {
  static const struct bad cases[] = {
      /* (sCSCFRecord [63] was WCHG_E_TAG: now test_ber_receive.c's other records) */
      {"3103 800140", WCHG_E_TAG, R, 0},                        /* a bare SET */
      {"7f40 03 800140", WCHG_E_TAG, R, 0},                     /* application [64] */
      {"bf40 05 800140 9400", WCHG_E_TAG, R, 6},                /* [20] unused in the SET */
      {"bf40 06 800140 020100", WCHG_E_TAG, R, 6},              /* universal INTEGER */
      {"bf40 07 800140 9f8014 00", WCHG_E_TAG, R, 6},           /* tag not minimal */
      {"bf40 06 800140 9f0500", WCHG_E_TAG, R, 6},              /* long form for 5 */
      {"bf40 08 800140 9f8080808001", WCHG_E_TAG, R, 6},        /* tag number too big */
      {"bf40 08 800140 a703 8501 41", WCHG_E_TAG, R "/called-Party-Address", 8},
      /* SEQUENCE members out of order: [1] then [0] inside InterOperatorIdentifiers */
      {"bf40 0b 800140 ae06 810162 800161", WCHG_E_TAG, R "/interOperatorIdentifiers", 11},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    expect_bad(&cases[i]);
}
END_TEST

START_TEST(duplicates_and_missing) {
  static const struct bad cases[] = {
      {"bf40 06 800140 800140", WCHG_E_DUPLICATE, R "/recordType", 6},
      {"bf40 02 8100", WCHG_E_MISSING, R "/recordType", 0},
      /* Incomplete-CDR-Indication without aCRStopLost */
      {"bf40 0b 800140 b206 800100 810100", WCHG_E_MISSING,
       R "/incomplete-CDR-Indication/aCRStopLost", 6},
      /* MessageBody without content-Type (skipped mandatory member) */
      {"bf40 0c 800140 b807 3005 820101 8300", WCHG_E_MISSING,
       R "/list-Of-Message-Bodies[0]/content-Type", 10},
      /* explicit CHOICE tag holding nothing, and holding two */
      {"bf40 05 800140 a400", WCHG_E_MISSING, R "/nodeAddress", 6},
      {"bf40 0b 800140 a406 810141 810142", WCHG_E_TRAILING, R "/nodeAddress", 11},
      /* both alternatives of accessCorrelationID */
      {"bf40 11 800140 b50c 300a a208 3006 820101 840141", WCHG_E_CHOICE,
       R "/list-Of-SDP-Media-Components[0]/sDP-Media-Components[0]/accessCorrelationID", 17},
      /* our extension twice */
      {"bf40 41 800140"
       " b93c 301c 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144 a205 3003 800177"
       " 301c 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144 a205 3003 800178",
       WCHG_E_DUPLICATE, R "/recordExtensions[1]/information", 63},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    expect_bad(&cases[i]);
}
END_TEST

/* The form of a primitive is part of its identifier: wrong, it stops both
 * policies. (A NULL with contents, an INTEGER not minimal, empty or wider
 * than 64 bits, a BOOLEAN of two octets, a TimeStamp of 8, an IPv4
 * address of 5, an OBJECT IDENTIFIER cut or not minimal were refused here
 * before issue 18; the strict policy still refuses them, the receive
 * policy keeps them: test_ber_receive.c.) */
START_TEST(primitive_encodings) {
  static const struct bad cases[] = {
      {"bf40 07 800140 b2020000", WCHG_E_TAG, R "/incomplete-CDR-Indication", 8},
      {"bf40 06 800140 a30101", WCHG_E_ENCODING, R "/role-of-Node", 6},    /* constructed ENUM */
      {"bf40 08 800140 b0030201 01", WCHG_E_ENCODING, R "/recordSequenceNumber", 6},
      {"bf40 08 800140 a1 03 0401 00", WCHG_E_ENCODING, R "/retransmission", 6},
      {"bf40 07 800140 8e020000", WCHG_E_ENCODING, R "/interOperatorIdentifiers", 6},
      /* a constructed BOOLEAN and OBJECT IDENTIFIER */
      {"bf40 10 800140 b20b a0030401ff 810100 8201ff", WCHG_E_ENCODING,
       R "/incomplete-CDR-Indication/aCRStartLost", 8},
      {"bf40 11 800140 b90c 300a 2604 0402 2a03 a2020500", WCHG_E_ENCODING,
       R "/recordExtensions[0]/identifier", 10},
      /* an explicit CHOICE tag in primitive form */
      {"bf40 08 800140 8403 810141", WCHG_E_ENCODING, R "/nodeAddress", 6},
      /* a string segment that is not an OCTET STRING */
      {"bf40 0a 800140 a205 0c03 414243", WCHG_E_TAG, R "/sIP-Method", 8},
      /* WebRTCChargingInfo that is not a SEQUENCE */
      {"bf40 20 800140 b91b 3019 0613 6988b6959bb4c5c2b9c3a4aecbcedefec0b144 a202 3100",
       WCHG_E_TAG, R "/recordExtensions[0]/information", 33},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    expect_bad(&cases[i]);
}
END_TEST

/* Constructed strings nested deeper than the limit. */
START_TEST(deep_nesting) {
  enum { LEVELS = WCHG_BER_MAX_DEPTH + 10 };
  uint8_t buf[16 + 2 * LEVELS + 8];
  size_t n = 0;
  memcpy(buf, "\xbf\x40\x80\x80\x01\x40\xa2\x80", 8);
  n = 8;
  for (int i = 0; i < LEVELS; i++) {
    buf[n++] = 0x24;
    buf[n++] = 0x80;
  }
  wchg_cdr *c = NULL;
  wchg_diag d;
  int rc = wchg_cdr_decode(buf, n, NULL, &c, NULL, &d);
  ck_assert_int_eq(rc, WCHG_E_DEPTH);
  ck_assert_str_eq(d.path, R "/sIP-Method");
  ck_assert_ptr_null(c);
}
END_TEST

/* A list with more elements than allowed: refused before allocating. */
START_TEST(huge_counts) {
  size_t count = WCHG_BER_MAX_LIST + 1, n = 0;
  size_t body = 2 * count;
  uint8_t *buf = malloc(body + 32);
  memcpy(buf, "\xbf\x40\x84", 3);
  n = 3;
  uint32_t rec = (uint32_t)(3 + 2 + 5 + body);
  for (int k = 3; k >= 0; k--)
    buf[n++] = (uint8_t)(rec >> (8 * k));
  memcpy(buf + n, "\x80\x01\x40\xbf\x35\x84", 6);
  n += 6;
  for (int k = 3; k >= 0; k--)
    buf[n++] = (uint8_t)(body >> (8 * k));
  for (size_t i = 0; i < count; i++) {
    buf[n++] = 0x19;
    buf[n++] = 0x00;
  }
  wchg_cdr *c = NULL;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_decode(buf, n, NULL, &c, NULL, &d), WCHG_E_LIMIT);
  ck_assert_str_eq(d.path, R "/transit-IOI-Lists");
  ck_assert_uint_eq(d.offset, 17 + 2 * WCHG_BER_MAX_LIST);
  /* at the limit it decodes */
  count = WCHG_BER_MAX_LIST;
  body = 2 * count;
  rec = (uint32_t)(3 + 2 + 5 + body);
  for (int k = 3; k >= 0; k--)
    buf[3 + 3 - k] = (uint8_t)(rec >> (8 * k));
  for (int k = 3; k >= 0; k--)
    buf[13 + 3 - k] = (uint8_t)(body >> (8 * k));
  ck_assert_int_eq(wchg_cdr_decode(buf, n - 2, NULL, &c, NULL, &d), WCHG_OK);
  ck_assert_uint_eq(c->ims.transit_ioi_lists.count, WCHG_BER_MAX_LIST);
  wchg_cdr_free(c);
  free(buf);
}
END_TEST

/* Many lists whose elements add up past the per-record budget. */
START_TEST(element_budget) {
  /* list-Of-SDP-Media-Components: 17 lists of 4000 elements */
  size_t per = 4000, lists = 17;
  size_t inner = 4 + 2 * per; /* 30 84 LLLL then "30 00" per element?: no, "a2 .." */
  (void)inner;
  /* each Media-Components-List: 30 84 L4 a2 84 L4 (30 00)*per */
  size_t mcl_body = 6 + 2 * per, mcl = 6 + mcl_body;
  size_t list_body = lists * mcl;
  size_t rec_body = 3 + 6 + list_body;
  uint8_t *buf = malloc(rec_body + 16), *p = buf;
#define PUT4(v) do { uint32_t v_ = (uint32_t)(v); *p++ = (uint8_t)(v_ >> 24); \
    *p++ = (uint8_t)(v_ >> 16); *p++ = (uint8_t)(v_ >> 8); *p++ = (uint8_t)v_; } while (0)
  *p++ = 0xbf; *p++ = 0x40; *p++ = 0x84; PUT4(rec_body);
  *p++ = 0x80; *p++ = 0x01; *p++ = 0x40;
  *p++ = 0xb5; *p++ = 0x84; PUT4(list_body);
  for (size_t l = 0; l < lists; l++) {
    *p++ = 0x30; *p++ = 0x84; PUT4(mcl_body);
    *p++ = 0xa2; *p++ = 0x84; PUT4(2 * per);
    for (size_t i = 0; i < per; i++) {
      *p++ = 0x30;
      *p++ = 0x00;
    }
  }
  wchg_cdr *c = NULL;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_decode(buf, (size_t)(p - buf), NULL, &c, NULL, &d), WCHG_E_LIMIT);
  ck_assert_ptr_nonnull(strstr(d.path, "sDP-Media-Components"));
  free(buf);
}
END_TEST

START_TEST(arguments) {
  uint8_t b[6] = {0xbf, 0x40, 0x03, 0x80, 0x01, 0x40};
  wchg_cdr *c = NULL;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdr_decode(b, 6, NULL, NULL, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_decode(NULL, 6, NULL, &c, NULL, &d), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdr_decode(b, 6, NULL, &c, NULL, NULL), WCHG_OK);
  wchg_cdr_free(c);
  ck_assert_int_eq(wchg_cdr_decode(b, 5, NULL, &c, NULL, NULL), WCHG_E_TRUNCATED);
}
END_TEST

Suite *ber_suite(void) {
  Suite *s = suite_create("ber");
  TCase *t = tcase_create("malformed");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, truncated);
  tcase_add_test(t, every_prefix);
  tcase_add_test(t, lengths);
  tcase_add_test(t, tags);
  tcase_add_test(t, duplicates_and_missing);
  tcase_add_test(t, primitive_encodings);
  tcase_add_test(t, deep_nesting);
  tcase_add_test(t, huge_counts);
  tcase_add_test(t, element_budget);
  tcase_add_test(t, arguments);
  suite_add_tcase(s, t);
  return s;
}
