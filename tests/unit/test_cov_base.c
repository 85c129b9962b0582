/* test_cov_base.c: cov_base_suite — the helpers of lib/base at their
 * limits (the arena asked for more than half the address space, a
 * buffer trimmed when empty or holding nothing, an allocation of 0, the
 * OBJECT IDENTIFIER bounds and the largest first arc, UTC offsets just
 * past -12:00 and +14:00), Cause-Code at its ends, the IMS AVPs of an
 * ACR with a textual address of no text and lists with a count and no
 * items, the validator's list of an ENUMERATED's names, and the 32.297
 * file reader and writer at their argument and time checks.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/internal.h"
#include "base/mem.h"
#include "base/text_conv.h"
#include "rf_samples.h"
#include "testutil.h"

/* An allocator that records the sizes asked for and fails above 1 GiB. */
static size_t asked[8], n_asked;
static void *rec_malloc(size_t n, void *u) {
  (void)u;
  if (n_asked < 8)
    asked[n_asked] = n;
  n_asked++;
  return n > ((size_t)1 << 30) ? NULL : malloc(n);
}
static void rec_free(void *p, void *u) {
  (void)u;
  free(p);
}
static const wchg_mem rec_mem = {rec_malloc, rec_free, NULL};

START_TEST(arena_limits) {
  n_asked = 0;
  /* a hint over a quarter of the address space: capped, then refused */
  ck_assert_ptr_null(wchgi_owner_new_cdr(&rec_mem, SIZE_MAX));
  ck_assert_uint_eq(n_asked, 1);
  ck_assert_uint_ge(asked[0], SIZE_MAX >> 2);
  ck_assert_uint_lt(asked[0], (SIZE_MAX >> 2) + 4096);
  wchg_cdr *c = wchgi_owner_new_cdr(&rec_mem, 0);
  ck_assert_ptr_nonnull(c);
  struct wchg_owner *o = c->owner_;
  n_asked = 0;
  ck_assert_ptr_null(wchgi_owner_alloc(o, SIZE_MAX / 2 + 1)); /* never asked */
  ck_assert_ptr_null(wchgi_owner_dup(o, "x", SIZE_MAX));
  ck_assert_uint_eq(n_asked, 0);
  char *p = wchgi_owner_dup(o, "ab", 2);
  ck_assert_str_eq(p, "ab");
  wchg_cdr_free(c);
  wchgi_owner_free(NULL);
  wchg_cdr_free(NULL);
}
END_TEST

START_TEST(buffer_trim_and_malloc_0) {
  wchg_mem m;
  struct wchgi_buf b = {NULL, 0, 0};
  wchgi_mem_init(&m, &rec_mem);
  ck_assert_uint_eq(wchgi_buf_trim(&b, &m), 0); /* nothing to trim */
  ck_assert_int_eq(wchgi_buf_reserve(&b, &m, 10, NULL), WCHG_OK);
  ck_assert_uint_eq(b.cap, 256);
  n_asked = 0;
  ck_assert_uint_eq(wchgi_buf_trim(&b, &m), 255); /* empty: down to 1 byte */
  ck_assert_uint_eq(b.cap, 1);
  ck_assert_uint_eq(asked[0], 1);
  ck_assert_uint_eq(wchgi_buf_trim(&b, &m), 0);
  wchgi_buf_free(&b, &m);
  n_asked = 0;
  void *q = wchgi_malloc(&m, 0);
  ck_assert_ptr_nonnull(q);
  ck_assert_uint_eq(asked[0], 1);
  wchgi_free(&m, q);
}
END_TEST

/* d -= v (decimal digits, d >= v). */
static void dec_sub(char *d, unsigned v) {
  size_t n = strlen(d);
  int borrow = (int)v;
  for (size_t i = n; i-- > 0 && borrow;) {
    int x = d[i] - '0' - borrow % 10;
    borrow /= 10;
    if (x < 0) {
      x += 10;
      borrow++;
    }
    d[i] = (char)('0' + x);
  }
}

/* d = 2^(7*128) - 1 in decimal, computed by doubling. */
static void two_pow_minus_1(char *d, size_t cap) {
  size_t n = 1;
  char r[400];
  memset(r, 0, sizeof r);
  r[0] = 1; /* little-endian digits */
  for (int k = 0; k < 7 * 128; k++) {
    int carry = 0;
    for (size_t i = 0; i < n; i++) {
      int x = r[i] * 2 + carry;
      r[i] = (char)(x % 10);
      carry = x / 10;
    }
    if (carry)
      r[n++] = (char)carry;
  }
  ck_assert_uint_lt(n, cap);
  for (size_t i = 0; i < n; i++)
    d[i] = (char)('0' + r[n - 1 - i]);
  d[n] = '\0';
  dec_sub(d, 1);
}

START_TEST(oid_bounds) {
  ck_assert_uint_eq(wchgi_oid_text_bound(SIZE_MAX), SIZE_MAX);
  ck_assert_uint_eq(wchgi_oid_text_bound((SIZE_MAX - 8) / 4), (SIZE_MAX - 8) / 4 * 4 + 8);
  ck_assert_uint_eq(wchgi_oid_ber_bound(SIZE_MAX), SIZE_MAX);
  ck_assert_uint_eq(wchgi_oid_ber_bound(7), 8);
  char v[400], text[420], msg[128];
  uint8_t ber[512];
  size_t len = 0;
  two_pow_minus_1(v, sizeof v);
  /* under arc 2 the first subidentifier is 80 + the second arc: the
   * largest second arc that fits is 2^896 - 81 */
  strcpy(text, "2.");
  strcat(text, v);
  ck_assert_int_eq(wchgi_oid_from_text(text, strlen(text), ber, sizeof ber, &len, msg,
                                       sizeof msg), WCHG_E_LIMIT);
  ck_assert_str_eq(msg, "arc at character 2 needs more than 128 octets");
  dec_sub(v, 80);
  strcpy(text, "2.");
  strcat(text, v);
  ck_assert_int_eq(wchgi_oid_from_text(text, strlen(text), ber, sizeof ber, &len, msg,
                                       sizeof msg), WCHG_OK);
  ck_assert_uint_eq(len, 128);
  ck_assert_uint_eq(ber[0], 0xFF);
  ck_assert_uint_eq(ber[127], 0x7F);
  /* one more does not fit */
  size_t k = strlen(v);
  while (k-- > 0 && v[k] == '9')
    v[k] = '0';
  v[k]++;
  strcpy(text, "2.");
  strcat(text, v);
  ck_assert_int_eq(wchgi_oid_from_text(text, strlen(text), ber, sizeof ber, &len, msg,
                                       sizeof msg), WCHG_E_LIMIT);
}
END_TEST

START_TEST(utc_offset_limits) {
  static const struct {
    const char *ts;
    wchg_status code;
    const char *msg;
  } c[] = {
      {"\x24\x01\x15\x13\x45\x30+\x14\x00", WCHG_OK, ""},
      {"\x24\x01\x15\x13\x45\x30-\x12\x00", WCHG_OK, ""},
      {"\x24\x01\x15\x13\x45\x30+\x14\x01", WCHG_E_TIMESTAMP,
       "UTC offset +1401 is beyond -1200..+1400"},
      {"\x24\x01\x15\x13\x45\x30-\x12\x01", WCHG_E_TIMESTAMP,
       "UTC offset -1201 is beyond -1200..+1400"},
      {"\x24\x01\x15\x13\x45\x30+\x15\x00", WCHG_E_TIMESTAMP,
       "UTC offset +1500 is beyond -1200..+1400"},
  };
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    char msg[128] = "";
    ck_assert_int_eq(wchgi_timestamp_check((const uint8_t *)c[i].ts, msg, sizeof msg), c[i].code);
    if (c[i].code)
      ck_assert_str_eq(msg, c[i].msg);
  }
}
END_TEST

START_TEST(cause_code_ends) {
  ck_assert_int_eq(wchg_cause_code(NULL, 200, true), WCHG_CAUSE_SUCCESSFUL_TRANSACTION);
  ck_assert_int_eq(wchg_cause_code(NULL, 202, true), -202);
  ck_assert_int_eq(wchg_cause_code("REGISTER", 200, true), WCHG_CAUSE_END_OF_REGISTER_DIALOG);
  ck_assert_int_eq(wchg_cause_code("register", 200, true), WCHG_CAUSE_SUCCESSFUL_TRANSACTION);
  ck_assert_int_eq(wchg_cause_code("INVITE", 699, false), 699);
  ck_assert_int_eq(wchg_cause_code("INVITE", 700, false), WCHG_CAUSE_UNSPECIFIED);
  ck_assert_int_eq(wchg_cause_code("INVITE", 199, false), WCHG_CAUSE_UNSPECIFIED);
}
END_TEST

/* ---- the IMS AVPs of an ACR ------------------------------------------------ */

#define IMS "ACR/Service-Information/IMS-Information"

static void expect_acr_error(const wchg_acr *a, wchg_status code, const char *path,
                             const char *msg) {
  uint8_t buf[4096];
  size_t len = 1;
  wchg_diag d;
  ck_assert_int_eq(wchg_acr_encode(a, buf, sizeof buf, &len, &d), code);
  ck_assert_str_eq(d.path, path);
  ck_assert_str_eq(d.message, msg);
  ck_assert_uint_eq(len, 0);
}

START_TEST(ims_avps_without_items) {
  wchg_acr a;
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.ims.served_party_ip_address = (wchg_ip_address){.choice = WCHG_IP_TEXT_V4};
  expect_acr_error(&a, WCHG_E_RANGE, IMS "/Served-Party-IP-Address",
                   "\"\" is not an IPv4 address");
  a.ims.served_party_ip_address = (wchg_ip_address){.choice = WCHG_IP_TEXT_V6};
  expect_acr_error(&a, WCHG_E_RANGE, IMS "/Served-Party-IP-Address",
                   "\"\" is not an IPv6 address");
  /* a long text is quoted up to its 64th octet */
  a.ims.served_party_ip_address =
      (wchg_ip_address){.choice = WCHG_IP_TEXT_V4,
                        .text = WCHG_STR("0123456789012345678901234567890123456789"
                                         "0123456789012345678901234567890123456789")};
  expect_acr_error(&a, WCHG_E_RANGE, IMS "/Served-Party-IP-Address",
                   "\"0123456789012345678901234567890123456789012345678901234567890123\" is "
                   "not an IPv4 address");
  a.ims.served_party_ip_address = (wchg_ip_address){.choice = WCHG_IP_TEXT_V6,
                                                    .text = WCHG_STR("2001:db8::7")};
  uint8_t buf[4096];
  size_t len;
  ck_assert_int_eq(wchg_acr_encode(&a, buf, sizeof buf, &len, NULL), WCHG_OK);
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.ims.list_of_calling_party_address = (wchg_involved_party_list){NULL, 2};
  expect_acr_error(&a, WCHG_E_MISSING, IMS "/Calling-Party-Address",
                   "the list has count 2 but no items");
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.ims.fe_identifier_list = (wchg_str_list){NULL, 3};
  expect_acr_error(&a, WCHG_E_MISSING, IMS "/FE-Identifier-List",
                   "the list has count 3 but no items");
  static wchg_media_components_list m[1];
  memset(m, 0, sizeof m);
  m[0].sdp_media_components = (wchg_sdp_media_component_list){NULL, 1};
  rf_minimal_acr(&a, WCHG_ACR_EVENT);
  a.ims.list_of_sdp_media_components = (wchg_media_components_list_list){m, 1};
  expect_acr_error(&a, WCHG_E_MISSING, IMS "/SDP-Media-Component",
                   "the list has count 1 but no items");
}
END_TEST

/* ---- the validator's names ------------------------------------------------- */

/* An ENUMERATED value without a name: the sentence lists the names. */
START_TEST(enum_names_listed) {
  wchg_cdr c;
  wchg_diag d[4];
  size_t n = 0;
  wchg_cdr_init(&c);
  c.cause_for_record_closing = WCHG_INT(12345);
  ck_assert_int_eq(wchg_cdr_validate(&c, 0, d, 4, &n), WCHG_E_INVALID);
  size_t k = 0;
  while (k < n && strcmp(d[k].path, "pCSCFRecord/causeForRecordClosing"))
    k++;
  ck_assert_uint_lt(k, n);
  ck_assert_int_eq(d[k].code, WCHG_E_RANGE);
  ck_assert_str_eq(d[k].message,
                   "causeForRecordClosing 12345 is not a value of the ENUMERATED: "
                   "serviceDeliveryEndSuccessfully(0), unSuccessfulServiceDelivery(1), "
                   "timeLimit(3), serviceChange(4), managementIntervention(5)");
}
END_TEST

/* ---- 32.297 files ------------------------------------------------------------ */

START_TEST(cdrfile_arguments_and_times) {
  wchg_cdrfile f;
  wchg_cdrfile_iter it;
  wchg_cdrfile_cdr cdr;
  wchg_diag d;
  ck_assert_int_eq(wchg_cdrfile_parse(NULL, 0, &f, &d), WCHG_E_TRUNCATED);
  ck_assert_uint_eq(d.offset, 0);
  ck_assert_int_eq(wchg_cdrfile_parse(NULL, 60, &f, &d), WCHG_E_ARG);
  ck_assert_str_eq(d.message, "no file or no output given");
  ck_assert_int_eq(wchg_cdrfile_parse((const uint8_t *)"x", 1, NULL, &d), WCHG_E_ARG);
  /* a walk over a file that did not parse (zeroed), and over one made by
   * hand whose CDR does not read */
  memset(&f, 0, sizeof f);
  wchg_cdrfile_iter_init(&it, &f);
  ck_assert(!wchg_cdrfile_next(&it, &cdr));
  static const uint8_t junk[] = {0x00, 0x02, 0x00};
  f.data = junk;
  f.len = sizeof junk;
  f.header_length = 0;
  wchg_cdrfile_iter_init(&it, &f);
  ck_assert(!wchg_cdrfile_next(&it, &cdr));
  /* the writer refuses every field of a time out of its bits */
  static const wchg_cdrfile_time bad[] = {
      {0, 1, 0, 0, 0},  {13, 1, 0, 0, 0}, {1, 0, 0, 0, 0},    {1, 32, 0, 0, 0},
      {1, 1, 24, 0, 0}, {1, 1, 0, 60, 0}, {1, 1, 0, 0, 1440}, {1, 1, 0, 0, -1440}};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    wchg_cdrfile_writer w;
    wchg_cdrfile_header h;
    uint8_t buf[256];
    memset(&h, 0, sizeof h);
    h.high_release = h.low_release = 17;
    h.opening_time = bad[i];
    h.last_cdr_time = (wchg_cdrfile_time){1, 1, 0, 0, 0};
    ck_assert_msg(wchg_cdrfile_begin(&w, buf, sizeof buf, &h, &d) == WCHG_E_RANGE, "time %zu", i);
    ck_assert_str_eq(d.path, "CDRFile/fileOpeningTimestamp");
    h.opening_time = (wchg_cdrfile_time){12, 31, 23, 59, 1439};
    ck_assert_int_eq(wchg_cdrfile_begin(&w, buf, sizeof buf, &h, &d), WCHG_OK);
  }
}
END_TEST

Suite *cov_base_suite(void) {
  Suite *s = suite_create("cov_base");
  TCase *t = tcase_create("base");
  tcase_add_test(t, arena_limits);
  tcase_add_test(t, buffer_trim_and_malloc_0);
  tcase_add_test(t, oid_bounds);
  tcase_add_test(t, utc_offset_limits);
  tcase_add_test(t, cause_code_ends);
  tcase_add_test(t, ims_avps_without_items);
  tcase_add_test(t, enum_names_listed);
  tcase_add_test(t, cdrfile_arguments_and_times);
  suite_add_tcase(s, t);
  return s;
}
