/* test_cov_cdf.c: cov_cdf_suite — the corners of the CDF (cdf.h) the
 * scenario tests of test_cdf.c leave out, through the public API only:
 * the configuration and ACR checks one by one (with path and Result-Code),
 * where an ACR's event time and a START's time stamps come from when some
 * are absent, the numbering window (a number 64 or more below the highest
 * is a duplicate), a late START after a partial record, the media
 * container at its hard bound (64 entries, 32768 bytes), the structures
 * the compact store refuses (a string or list with a length and no
 * pointer, a missing mandatory member, an unknown CHOICE, one entry over
 * 16 MiB), an IMS emergency INTERIM of a WebRTC session whose identity an
 * earlier ACR brought (and the partial it closed rolled back), the
 * duplicate memory's index after many evictions, the queue's blocks with
 * records over 64 KiB, states for wchg_cdf_import crafted byte by byte
 * (values only import can bring: a record number at 2^32-1, a missing
 * count at 2^32-1, no START flag at all; store encodings that do not read
 * back), and out of memory at every allocation of the partial, final,
 * expiry, event, import and feed_bytes paths.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#include "cdf_samples.h"
#include "testutil.h"

#define T0 1700000000000LL /* 2023-11-14T22:13:20Z */
#define PATH_IMS "ACR/Service-Information/IMS-Information/"

/* ---- fixtures ------------------------------------------------------------ */

static wchg_cdf_config config(void) {
  wchg_cdf_config c;
  memset(&c, 0, sizeof c);
  c.utc_offset_minutes = 60;
  c.duplicate_memory = 64;
  c.first_local_record_sequence_number = 100;
  c.origin_host = WCHG_STR("cdf1.home.example");
  c.origin_realm = WCHG_STR("home.example");
  return c;
}

static wchg_cdf *cdf_make(const wchg_cdf_config *cfg) {
  wchg_cdf *c = wchg_cdf_new(cfg);
  ck_assert_ptr_nonnull(c);
  return c;
}

/* Feed and expect |want|; the result. */
static wchg_cdf_result feed_expect(wchg_cdf *c, const wchg_acr *a, int64_t now, wchg_status want,
                                   wchg_diag *d) {
  wchg_cdf_result r;
  wchg_diag local;
  if (!d)
    d = &local;
  wchg_status st = wchg_cdf_feed(c, a, now, &r, d);
  ck_assert_msg(st == want, "feed: %s, want %s (%s: %s)", wchg_strerror(st), wchg_strerror(want),
                d->path, d->message);
  if (st == WCHG_OK)
    ck_assert_uint_eq(r.result_code, 2001);
  return r;
}

static unsigned feed_ok(wchg_cdf *c, const wchg_acr *a, int64_t now) {
  wchg_cdf_result r = feed_expect(c, a, now, WCHG_OK, NULL);
  ck_assert(!r.duplicate);
  return r.cdrs;
}

/* The oldest queued CDR, decoded and validated, popped. */
static wchg_cdr *pop_cdr(wchg_cdf *c) {
  const uint8_t *der;
  size_t len, used = 0, n = 0;
  wchg_cdr *cdr = NULL;
  wchg_diag d, v[4];
  ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_OK);
  wchg_status st = wchg_cdr_decode(der, len, NULL, &cdr, &used, &d);
  ck_assert_msg(st == WCHG_OK, "decode: %s at %s", d.message, d.path);
  ck_assert_uint_eq(used, len);
  st = wchg_cdr_validate(cdr, 0, v, 4, &n);
  ck_assert_msg(st == WCHG_OK, "validate: %s: %s", v[0].path, v[0].message);
  wchg_cdf_pop(c);
  return cdr;
}

/* |ts| holds Unix time |ms| (whole seconds; < 0: absent). */
static void expect_ts(const wchg_timestamp *ts, int64_t ms) {
  int64_t secs;
  int off;
  if (ms < 0) {
    ck_assert(!ts->present);
    return;
  }
  ck_assert(ts->present);
  ck_assert_int_eq(wchg_timestamp_to_unix(ts, &secs, &off), WCHG_OK);
  ck_assert_int_eq(secs, ms / 1000);
}

static void expect_int(wchg_opt_int v, bool present, int64_t want) {
  ck_assert_int_eq(v.present, present);
  if (present)
    ck_assert_int_eq(v.value, want);
}

static void expect_text(wchg_str s, const char *want) {
  ck_assert_ptr_nonnull(s.ptr);
  ck_assert_uint_eq(s.len, strlen(want));
  ck_assert(memcmp(s.ptr, want, s.len) == 0);
}

static void stats(const wchg_cdf *c, wchg_cdf_stats *s) {
  ck_assert_int_eq(wchg_cdf_stats_get(c, s), WCHG_OK);
  ck_assert_uint_eq(s->acrs, s->folded + s->duplicates + s->rejected + s->other_node);
}

/* A refusal: status, Result-Code and path of the diag. */
static void refused(wchg_cdf *c, const wchg_acr *a, wchg_status st, uint32_t rc,
                    const char *path) {
  wchg_diag d;
  wchg_cdf_result r = feed_expect(c, a, T0, st, &d);
  ck_assert_uint_eq(r.result_code, rc);
  ck_assert_int_eq(d.code, st);
  ck_assert_uint_eq(d.result_code, rc);
  ck_assert_msg(strncmp(d.path, path, strlen(path)) == 0, "path %s, want %s", d.path, path);
  ck_assert_uint_eq(r.cdrs, 0);
}

/* ---- configuration and the ACR checks -------------------------------------- */

START_TEST(config_checks) {
  wchg_cdf_config cfg = config();
  cfg.utc_offset_minutes = -721;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
  cfg.utc_offset_minutes = -720;
  wchg_cdf_free(cdf_make(&cfg));
  cfg = config();
  cfg.session_timeout_ms = -1;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
  cfg = config();
  cfg.duplicate_memory = UINT32_MAX / 4;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
  cfg = config();
  cfg.node_address.choice = -1;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
  cfg = config();
  cfg.policy = (wchg_policy)7;
  ck_assert_ptr_null(wchg_cdf_new(&cfg));
  cfg = config();
  cfg.policy = WCHG_POLICY_STRICT;
  wchg_cdf *c = cdf_make(&cfg);
  wchg_cdf_free(c);
}
END_TEST

START_TEST(acr_checks) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdf_stats st;
  char *big = malloc(65536);
  memset(big, 'h', 65536);

  /* a Session-Id or Origin-Host longer than the store's 16-bit lengths */
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.session_id = (wchg_str){big, 65536};
  refused(c, &f.a, WCHG_E_INVALID, 5004, "ACR/Session-Id");
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.origin_host = (wchg_str){big, 65536};
  refused(c, &f.a, WCHG_E_INVALID, 5004, "ACR/Origin-Host");
  /* 65535 is still fine */
  f.a.origin_host = (wchg_str){big, 65535};
  feed_ok(c, &f.a, T0);
  /* Accounting-Record-Type below and above 1..4 */
  refused(c, fx_make(&f, 2, 0, 0, T0, false, false), WCHG_E_INVALID, 5004,
          "ACR/Accounting-Record-Type");
  refused(c, fx_make(&f, 2, 5, 0, T0, false, false), WCHG_E_INVALID, 5004,
          "ACR/Accounting-Record-Type");
  /* Role-Of-Node: terminating is kept, 2 is refused */
  fx_make(&f, 3, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.role_of_node = WCHG_INT(WCHG_ROLE_TERMINATING);
  ck_assert_uint_eq(feed_ok(c, &f.a, T0), 1);
  wchg_cdr *cdr = pop_cdr(c);
  expect_int(cdr->ims.role_of_node, true, WCHG_ROLE_TERMINATING);
  wchg_cdr_free(cdr);
  fx_make(&f, 4, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.role_of_node = WCHG_INT(2);
  refused(c, &f.a, WCHG_E_INVALID, 5004, PATH_IMS "Role-Of-Node");
  /* each time stamp outside 2000..2099, by its own path */
  fx_make(&f, 4, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.sip_request_timestamp = WCHG_TIME_MS(900000000000LL);
  refused(c, &f.a, WCHG_E_INVALID, 5004, PATH_IMS "Time-Stamps/SIP-Request-Timestamp");
  fx_make(&f, 4, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.sip_response_timestamp = WCHG_TIME_MS(4200000000000LL);
  refused(c, &f.a, WCHG_E_INVALID, 5004, PATH_IMS "Time-Stamps/SIP-Response-Timestamp");
  stats(c, &st);
  ck_assert_uint_eq(st.rejected, 7);
  ck_assert_uint_eq(st.folded, 2);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  free(big);
  wchg_cdf_free(c);
}
END_TEST

/* The event time: Event-Timestamp, else SIP-Response-, else
 * SIP-Request-Timestamp, else |now_ms|; no Origin-Host, no nodeAddress. */
START_TEST(event_time_sources) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdr *cdr;

  fx_make(&f, 1, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.event_timestamp = (wchg_time_ms){0};
  f.a.sip_response_timestamp = (wchg_time_ms){0};
  f.a.sip_request_timestamp = WCHG_TIME_MS(T0 - 5000);
  f.a.origin_host = (wchg_str){0};
  ck_assert_uint_eq(feed_ok(c, &f.a, T0), 1);
  cdr = pop_cdr(c);
  expect_ts(&cdr->record_opening_time, T0 - 5000);
  expect_ts(&cdr->record_closure_time, T0 - 5000);
  expect_ts(&cdr->ims.service_request_time_stamp, T0 - 5000);
  expect_ts(&cdr->ims.service_delivery_start_time_stamp, -1);
  ck_assert_int_eq(cdr->node_address.choice, WCHG_NODE_ABSENT);
  wchg_cdr_free(cdr);

  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.event_timestamp = (wchg_time_ms){0};
  f.a.sip_response_timestamp = (wchg_time_ms){0};
  f.a.sip_request_timestamp = (wchg_time_ms){0};
  ck_assert_uint_eq(feed_ok(c, &f.a, T0 + 7000), 1);
  cdr = pop_cdr(c);
  expect_ts(&cdr->record_opening_time, T0 + 7000);
  expect_ts(&cdr->ims.service_request_time_stamp, -1);
  ck_assert_int_eq(cdr->node_address.choice, WCHG_NODE_DOMAIN_NAME);
  expect_text(cdr->node_address.domain_name, HOST);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* A START without SIP-Request-Timestamp has no [9]; without
 * SIP-Response-Timestamp [10] is its event time; a STOP without
 * SIP-Request-Timestamp ends the service at its event time. A session
 * opened without Origin-Host has no nodeAddress. */
START_TEST(session_time_sources) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdr *cdr;

  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.sip_request_timestamp = (wchg_time_ms){0};
  f.a.sip_response_timestamp = (wchg_time_ms){0};
  f.a.origin_host = (wchg_str){0};
  feed_ok(c, &f.a, T0);
  fx_make(&f, 1, WCHG_ACR_STOP, 1, T0 + 9000, false, false);
  f.a.sip_request_timestamp = (wchg_time_ms){0};
  ck_assert_uint_eq(feed_ok(c, &f.a, T0 + 9000), 1);
  cdr = pop_cdr(c);
  expect_ts(&cdr->ims.service_request_time_stamp, -1);
  ck_assert(!cdr->ims.service_request_time_stamp_fraction.present);
  expect_ts(&cdr->ims.service_delivery_start_time_stamp, T0);
  expect_ts(&cdr->ims.service_delivery_end_time_stamp, T0 + 9000);
  expect_ts(&cdr->record_closure_time, T0 + 9000);
  ck_assert_int_eq(cdr->node_address.choice, WCHG_NODE_ABSENT);
  ck_assert(!cdr->record_sequence_number.present);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* ---- numbers ------------------------------------------------------------------ */

/* A jump of 64 or more clears the window; a number 64 or more below the
 * highest is taken for a duplicate (cdf.h), one within it fills the gap. */
START_TEST(numbers_window) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdf_result r;
  wchg_cdf_stats st;
  wchg_cdr *cdr;

  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false), T0);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 70, T0 + 100, false, false), T0 + 100);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 69);
  /* 3 is 67 below 70: a duplicate, though never folded */
  r = feed_expect(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 3, T0 + 200, false, false), T0 + 200,
                  WCHG_OK, NULL);
  ck_assert(r.duplicate);
  ck_assert_uint_eq(r.cdrs, 0);
  /* 0 (the START) is 70 below: a duplicate too */
  r = feed_expect(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0 + 200, false, false), T0 + 200,
                  WCHG_OK, NULL);
  ck_assert(r.duplicate);
  /* 69 is within the window and was not seen: it fills a gap */
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 69, T0 + 300, false, false), T0 + 300);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 68);
  ck_assert_uint_eq(st.duplicates, 2);
  /* a second START numbered below the highest: refused */
  fx_make(&f, 1, WCHG_ACR_START, 50, T0 + 400, false, false);
  refused(c, &f.a, WCHG_E_STATE, 5012, "ACR/Accounting-Record-Type");
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 71, T0 + 500, false, false),
                            T0 + 500), 1);
  cdr = pop_cdr(c);
  ck_assert(cdr->incomplete_cdr_indication.present);
  expect_int(cdr->incomplete_cdr_indication.acr_start_lost, true, 0);
  expect_int(cdr->incomplete_cdr_indication.acr_interim_lost, true, WCHG_ACR_INTERIM_LOST_YES);
  expect_int(cdr->incomplete_cdr_indication.acr_stop_lost, true, 0);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* A START that comes after the first record of a session opened by an
 * INTERIM closed: folded (its time stamps taken), but the START stays
 * lost — the record that lacked it is gone. */
START_TEST(late_start_after_partial) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdf_stats st;
  wchg_cdr *cdr;
  char sid[64];

  feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 1, T0, false, false), T0);
  ck_assert_int_eq(wchg_cdf_close_session(c, wchg_str_from(sid_of(1, sid, sizeof sid)), T0 + 10),
                   WCHG_OK);
  cdr = pop_cdr(c);
  expect_int(cdr->record_sequence_number, true, 1);
  expect_int(cdr->incomplete_cdr_indication.acr_start_lost, true, 1);
  wchg_cdr_free(cdr);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0 + 20, false, false), T0 + 20);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 1);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 2, T0 + 5000, false, false),
                            T0 + 5000), 1);
  cdr = pop_cdr(c);
  expect_int(cdr->record_sequence_number, true, 2);
  expect_int(cdr->incomplete_cdr_indication.acr_start_lost, true, 1);
  expect_ts(&cdr->ims.service_request_time_stamp, T0 + 20 - 4877);
  expect_ts(&cdr->ims.service_delivery_start_time_stamp, T0 + 20);
  expect_text(cdr->ims.sip_method, "INVITE"); /* a START sets the method */
  wchg_cdr_free(cdr);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 1);
  wchg_cdf_free(c);
}
END_TEST

/* ---- media -------------------------------------------------------------------- */

/* An INTERIM with only a SIP-Response-Timestamp is a transaction: its
 * media entry is added; an interim tick (neither) adds none. */
START_TEST(media_with_response_only) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdr *cdr;

  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, false), T0);
  fx_make(&f, 1, WCHG_ACR_INTERIM, 1, T0 + 1000, true, false);
  f.a.sip_request_timestamp = (wchg_time_ms){0};
  feed_ok(c, &f.a, T0 + 1000);
  fx_make(&f, 1, WCHG_ACR_INTERIM, 2, T0 + 2000, true, false);
  f.a.sip_request_timestamp = (wchg_time_ms){0};
  f.a.sip_response_timestamp = (wchg_time_ms){0};
  feed_ok(c, &f.a, T0 + 2000);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 3, T0 + 3000, false, false), T0 + 3000);
  cdr = pop_cdr(c);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
  expect_ts(&cdr->ims.list_of_sdp_media_components.items[1].sip_response_timestamp, T0 + 1000);
  /* the entry's own stamp stays: fx_make leaves it absent */
  expect_ts(&cdr->ims.list_of_sdp_media_components.items[1].sip_request_timestamp, -1);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* max_media_changes beyond the hard bound is the hard bound (64). */
START_TEST(media_limit_capped) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdr *cdr;
  cfg.max_media_changes = 100;
  c = cdf_make(&cfg);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_START, 0, T0, true, false), T0);
  for (uint32_t n = 1; n < 64; n++)
    ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, n, T0 + n, true, false),
                              T0 + n), 0);
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_INTERIM, 64, T0 + 64, true, false),
                            T0 + 64), 1);
  cdr = pop_cdr(c);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 64);
  expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_SERVICE_CHANGE);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* Media entries of 12000 bytes: the third does not fit the 32768 bytes
 * of one record, so the record closes (serviceChange) before it. */
START_TEST(media_bytes_partial) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdr *cdr;
  char *line = malloc(12001);
  memset(line, 'a', 12000);
  memcpy(line, "a=x:", 4);
  line[12000] = 0;

  for (uint32_t n = 0; n < 3; n++) {
    fx_make(&f, 1, n ? WCHG_ACR_INTERIM : WCHG_ACR_START, n, T0 + n * 1000, true, false);
    f.sdp_session[1] = (wchg_str){line, 12000};
    ck_assert_uint_eq(feed_ok(c, &f.a, T0 + n * 1000), n == 2);
  }
  cdr = pop_cdr(c);
  expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_SERVICE_CHANGE);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 2);
  expect_ts(&cdr->record_closure_time, T0 + 2000);
  wchg_cdr_free(cdr);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 3, T0 + 3000, false, false), T0 + 3000);
  cdr = pop_cdr(c);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.count, 1);
  ck_assert_uint_eq(cdr->ims.list_of_sdp_media_components.items[0].sdp_session_description.items[1]
                        .len,
                    12000);
  wchg_cdr_free(cdr);
  free(line);
  wchg_cdf_free(c);
}
END_TEST

/* ---- what one ACR may carry -------------------------------------------------- */

START_TEST(acr_over_one_record) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_cdf_result r;
  wchg_media_components_list *many = calloc(65, sizeof *many);
  char *big = malloc(40000);
  memset(big, 'u', 40000);

  /* one field over the record's bytes */
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.private_user_id = (wchg_str){big, 40000};
  refused(c, &f.a, WCHG_E_LIMIT, 5012, "ACR");
  /* 65 media entries */
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  for (size_t i = 0; i < 65; i++)
    many[i].media_initiator_flag = true;
  f.a.ims.list_of_sdp_media_components = (wchg_media_components_list_list){many, 65};
  refused(c, &f.a, WCHG_E_LIMIT, 5012, "ACR");
  /* 64 are fine */
  f.a.ims.list_of_sdp_media_components.count = 64;
  feed_ok(c, &f.a, T0);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  free(many);
  free(big);

  /* one entry over 2^24 - 1 octets: the store's length cannot say it;
   * without a diag the Result-Code still says why */
  big = malloc(1u << 24);
  memset(big, 'u', 1u << 24);
  fx_make(&f, 2, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.private_user_id = (wchg_str){big, 1u << 24};
  refused(c, &f.a, WCHG_E_LIMIT, 5012, "pCSCFRecord/privateUserID");
  ck_assert_int_eq(wchg_cdf_feed(c, &f.a, T0, &r, NULL), WCHG_E_LIMIT);
  ck_assert_uint_eq(r.result_code, 5012);
  free(big);
  /* a structure refused without a diag: 5004 */
  fx_make(&f, 2, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.list_of_reason_header = (wchg_str_list){NULL, 1};
  ck_assert_int_eq(wchg_cdf_feed(c, &f.a, T0, &r, NULL), WCHG_E_INVALID);
  ck_assert_uint_eq(r.result_code, 5004);
  wchg_cdf_stats st;
  stats(c, &st);
  ck_assert_uint_eq(st.rejected, 5);
  ck_assert_uint_eq(st.open_sessions, 1);
  wchg_cdf_free(c);
}
END_TEST

/* Structures the compact store cannot hold, each refused with 5004 and
 * the record field it is in; nothing folded. */
START_TEST(store_refuses_structures) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_subscription_id subs[2];
  wchg_cdf_stats st;

  /* a string with a length and no pointer, in a list */
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.reason[0] = (wchg_str){NULL, 3};
  f.a.ims.list_of_reason_header = (wchg_str_list){f.reason, 1};
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/listOfReasonHeader");
  /* a list with a count and no items */
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.list_of_reason_header = (wchg_str_list){NULL, 2};
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/listOfReasonHeader");
  /* mandatory members missing: one in the second element of a list, both
   * in the first (the rest of the list is not looked at) */
  fx_make(&f, 1, WCHG_ACR_INTERIM, 1, T0, false, false);
  subs[0] = f.sub[0];
  memset(&subs[1], 0, sizeof subs[1]);
  subs[1].subscription_id_data = WCHG_STR("sip:x@y");
  f.a.ims.list_of_subscription_id = (wchg_subscription_id_list){subs, 2};
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/list-of-subscription-ID");
  memset(&subs[0], 0, sizeof subs[0]);
  subs[1] = f.sub[0];
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/list-of-subscription-ID");
  /* an unknown CHOICE, below 1 */
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.served_party_ip_address.choice = -1;
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/servedPartyIPAddress");
  /* media entries counted and not given */
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.list_of_sdp_media_components = (wchg_media_components_list_list){NULL, 1};
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/list-Of-SDP-Media-Components");
  /* an EVENT goes to the CDR encoder directly: the same refusals */
  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.list_of_sdp_media_components = (wchg_media_components_list_list){NULL, 1};
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/list-Of-SDP-Media-Components");
  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.called_party_address.choice = 9;
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/called-Party-Address");
  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false);
  subs[0].subscription_id_type = (wchg_opt_int){0};
  f.a.ims.list_of_subscription_id = (wchg_subscription_id_list){subs, 1};
  refused(c, &f.a, WCHG_E_INVALID, 5004, "pCSCFRecord/list-of-subscription-ID");
  stats(c, &st);
  ck_assert_uint_eq(st.rejected, 9);
  ck_assert_uint_eq(st.open_sessions, 0);
  ck_assert_uint_eq(st.cdrs, 0);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  /* and the EVENT's Session-Id is still free: nothing was remembered */
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false), T0), 1);
  wchg_cdf_free(c);
}
END_TEST

/* An empty string (a pointer, no octets) is a present field; an ACR
 * with no record field at all opens a session of a fresh CDF. */
START_TEST(store_empty_values) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  wchg_acr a;
  wchg_cdr *cdr;

  wchg_acr_init(&a);
  a.session_id = WCHG_STR("bare;1");
  a.accounting_record_type = WCHG_ACR_START;
  feed_ok(c, &a, T0);
  a.accounting_record_type = WCHG_ACR_STOP;
  a.accounting_record_number = 1;
  ck_assert_uint_eq(feed_ok(c, &a, T0 + 1000), 1);
  cdr = pop_cdr(c);
  ck_assert_ptr_null(cdr->ims.sip_method.ptr);
  ck_assert_ptr_null(cdr->ims.private_user_id.ptr);
  expect_ts(&cdr->record_opening_time, T0);
  expect_ts(&cdr->record_closure_time, T0 + 1000);
  wchg_cdr_free(cdr);

  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.private_user_id = (wchg_str){"", 0};
  f.a.ims.event = (wchg_str){"ab", 2};
  feed_ok(c, &f.a, T0);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 1, T0 + 1000, false, false), T0 + 1000);
  cdr = pop_cdr(c);
  expect_text(cdr->ims.private_user_id, "alice@home.example"); /* the STOP's */
  expect_text(cdr->ims.event, "ab");
  wchg_cdr_free(cdr);
  /* a list element with neither pointer nor octets: an empty string */
  fx_make(&f, 3, WCHG_ACR_START, 0, T0, false, false);
  f.reason[0] = (wchg_str){NULL, 0};
  f.a.ims.list_of_reason_header = (wchg_str_list){f.reason, 1};
  feed_ok(c, &f.a, T0);
  ck_assert_int_eq(wchg_cdf_close_session(c, WCHG_STR(HOST ";0;3"), T0 + 10), WCHG_OK);
  cdr = pop_cdr(c);
  ck_assert_uint_eq(cdr->ims.list_of_reason_header.count, 1);
  ck_assert_uint_eq(cdr->ims.list_of_reason_header.items[0].len, 0);
  wchg_cdr_free(cdr);
  fx_make(&f, 2, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.private_user_id = (wchg_str){"", 0};
  feed_ok(c, &f.a, T0);
  cdr = pop_cdr(c);
  ck_assert_ptr_nonnull(cdr->ims.private_user_id.ptr);
  ck_assert_uint_eq(cdr->ims.private_user_id.len, 0);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* ---- emergency ------------------------------------------------------------------ */

/* An emergency INTERIM of a session whose WAF (or only WWSF) identity
 * came with its START: refused; a timeLimit partial its fold closed first
 * is rolled back with the record numbering. A session without identity
 * is charged. */
START_TEST(emergency_stored_identity) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdf_stats st;
  wchg_cdr *cdr;
  cfg.max_record_duration_ms = 60000;
  c = cdf_make(&cfg);

  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.webrtc_authentication_function_name = WCHG_STR(WAF);
  feed_ok(c, &f.a, T0);
  fx_make(&f, 2, WCHG_ACR_START, 0, T0, false, false);
  f.a.ims.webrtc_web_server_function_name = WCHG_STR(WWSF);
  feed_ok(c, &f.a, T0);
  feed_ok(c, fx_make(&f, 3, WCHG_ACR_START, 0, T0, false, false), T0);

  for (unsigned s = 1; s <= 3; s++) {
    fx_make(&f, s, WCHG_ACR_INTERIM, 1, T0 + 70000, false, false);
    f.a.ims.ims_emergency_indicator = true;
    if (s < 3) {
      refused(c, &f.a, WCHG_E_EMERGENCY, 5012, PATH_IMS "IMS-Emergency-Indicator");
      ck_assert_uint_eq(wchg_cdf_pending(c), 0); /* the partial rolled back */
    } else {
      ck_assert_uint_eq(feed_ok(c, &f.a, T0 + 70000), 1);
    }
  }
  stats(c, &st);
  ck_assert_uint_eq(st.cdrs, 1);
  ck_assert_uint_eq(st.rejected, 2);
  cdr = pop_cdr(c);
  expect_int(cdr->local_record_sequence_number, true, 100);
  expect_int(cdr->record_sequence_number, true, 1);
  ck_assert(!cdr->ims.ims_emergency_indicator); /* the record before it */
  wchg_cdr_free(cdr);
  /* session 1 goes on: its partial is numbered as if nothing happened */
  ck_assert_uint_eq(feed_ok(c, fx_make(&f, 1, WCHG_ACR_STOP, 1, T0 + 80000, false, false),
                            T0 + 80000), 2);
  cdr = pop_cdr(c);
  expect_int(cdr->local_record_sequence_number, true, 101);
  expect_int(cdr->record_sequence_number, true, 1);
  expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_TIME_LIMIT);
  wchg_cdr_free(cdr);
  cdr = pop_cdr(c);
  expect_int(cdr->local_record_sequence_number, true, 102);
  expect_int(cdr->record_sequence_number, true, 2);
  expect_text(cdr->ims.webrtc_authentication_function_name, WAF);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* ---- the duplicate memory and the queue ------------------------------------------------ */

/* A small memory after many evictions (its index probes and shifts
 * back): exactly the newest three are remembered. */
START_TEST(duplicate_memory_evictions) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdf_result r;
  cfg.duplicate_memory = 3;
  c = cdf_make(&cfg);
  for (unsigned s = 0; s < 300; s++) {
    feed_ok(c, fx_make(&f, s, WCHG_ACR_EVENT, 0, T0, false, false), T0);
    wchg_cdf_pop(c);
  }
  for (unsigned s = 297; s < 300; s++) {
    r = feed_expect(c, fx_make(&f, s, WCHG_ACR_EVENT, 0, T0, false, false), T0, WCHG_OK, NULL);
    ck_assert(r.duplicate);
  }
  /* a closed session's other number: refused while remembered */
  fx_make(&f, 299, WCHG_ACR_EVENT, 1, T0, false, false);
  refused(c, &f.a, WCHG_E_STATE, 5012, "ACR/Session-Id");
  /* forgotten: a new record */
  r = feed_expect(c, fx_make(&f, 296, WCHG_ACR_EVENT, 0, T0, false, false), T0, WCHG_OK, NULL);
  ck_assert(!r.duplicate);
  ck_assert_uint_eq(r.cdrs, 1);
  wchg_cdf_free(c);
}
END_TEST

/* An EVENT whose CDR is over 64 KiB (one field of 70000 octets: the
 * compact store's bound is for sessions). */
static const wchg_acr *big_event(struct fx *f, unsigned s, const char *big) {
  fx_make(f, s, WCHG_ACR_EVENT, 0, T0, false, false);
  f->a.ims.private_user_id = (wchg_str){big, 70000};
  return &f->a;
}

static size_t peek_len(wchg_cdf *c) {
  const uint8_t *der;
  size_t len;
  ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_OK);
  return len;
}

START_TEST(queue_big_records) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdf_stats st;
  wchg_cdr *cdr;
  char *big = malloc(70000);
  memset(big, 'b', 70000);
  cfg.duplicate_memory = 0;
  c = cdf_make(&cfg);

  /* two records over 64 KiB: a block each */
  feed_ok(c, big_event(&f, 1, big), T0);
  feed_ok(c, big_event(&f, 2, big), T0);
  stats(c, &st);
  ck_assert_uint_gt(st.bytes_in_use, 2 * 131072);
  cdr = pop_cdr(c);
  ck_assert_uint_eq(cdr->ims.private_user_id.len, 70000);
  expect_int(cdr->local_record_sequence_number, true, 100);
  wchg_cdr_free(cdr);
  cdr = pop_cdr(c);
  expect_int(cdr->local_record_sequence_number, true, 101);
  wchg_cdr_free(cdr);
  ck_assert_int_eq(wchg_cdf_peek(c, &(const uint8_t *){0}, &(size_t){0}), WCHG_E_STATE);
  wchg_cdf_free(c);

  /* a small record taken, then a big one: it gets a block of its own
   * behind the empty one, which peek and pop step over */
  c = cdf_make(&cfg);
  feed_ok(c, fx_make(&f, 1, WCHG_ACR_EVENT, 0, T0, false, false), T0);
  wchg_cdf_pop(c);
  feed_ok(c, big_event(&f, 2, big), T0);
  feed_ok(c, fx_make(&f, 3, WCHG_ACR_EVENT, 0, T0, false, false), T0);
  ck_assert_uint_eq(wchg_cdf_pending(c), 2);
  ck_assert_uint_gt(peek_len(c), 70000);
  cdr = pop_cdr(c);
  expect_int(cdr->local_record_sequence_number, true, 101);
  wchg_cdr_free(cdr);
  cdr = pop_cdr(c);
  expect_int(cdr->local_record_sequence_number, true, 102);
  expect_text(cdr->ims.session_id, "call-3@pc33.example");
  wchg_cdr_free(cdr);
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  wchg_cdf_free(c);

  /* small records over three blocks of 64 KiB: the first block taken
   * is kept spare, the second freed */
  c = cdf_make(&cfg);
  unsigned n = 0;
  size_t bytes = 0;
  while (bytes < 3 * 65536) {
    feed_ok(c, fx_make(&f, n, WCHG_ACR_EVENT, 0, T0, false, false), T0);
    bytes += peek_len(c) + 4; /* every record of the same size */
    n++;
  }
  for (unsigned i = 0; i < n; i++) {
    const uint8_t *der;
    size_t len;
    ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_OK);
    if (i % 50 == 0 || i == n - 1) {
      wchg_cdr *r = NULL;
      size_t used;
      ck_assert_int_eq(wchg_cdr_decode(der, len, NULL, &r, &used, NULL), WCHG_OK);
      expect_int(r->local_record_sequence_number, true, 100 + i);
      wchg_cdr_free(r);
    }
    wchg_cdf_pop(c);
  }
  stats(c, &st);
  ck_assert_uint_eq(st.queued_cdrs, 0);
  ck_assert_uint_eq(st.queued_bytes, 0);
  ck_assert_uint_lt(st.bytes_in_use, 3 * 65536); /* no more than two blocks kept */
  wchg_cdf_pop(c); /* empty: nothing */
  free(big);
  wchg_cdf_free(c);
}
END_TEST


/* The CDR size of an EVENT of session |n| with a privateUserID of |x|
 * octets, as the |n|-th record of a CDF configured as config(). */
static size_t peek_len_of_event(unsigned n, size_t x, const char *text) {
  wchg_cdf_config cfg = config();
  struct fx f;
  size_t len;
  cfg.duplicate_memory = 0;
  cfg.first_local_record_sequence_number += n;
  wchg_cdf *scratch = cdf_make(&cfg);
  fx_make(&f, n, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.private_user_id = (wchg_str){text, x};
  feed_ok(scratch, &f.a, T0);
  len = peek_len(scratch);
  wchg_cdf_free(scratch);
  return len;
}

/* A queue block filled to its last octet: the record that exactly fits
 * goes in, the next one opens a block; all come out in order. The size
 * of the last record is tuned with the length of one field, measured on
 * a scratch CDF whose sequence number has the same length. */
START_TEST(queue_block_exactly_full) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct fx f;
  wchg_cdf_stats st;
  char *text = malloc(4096);
  unsigned n = 0;
  size_t room, want, x;
  memset(text, 'q', 4096);
  cfg.duplicate_memory = 0;
  c = cdf_make(&cfg);
  for (;;) {
    stats(c, &st);
    room = 65536 - (st.queued_bytes + 4 * st.queued_cdrs);
    if (room < 2000)
      break;
    feed_ok(c, fx_make(&f, n++, WCHG_ACR_EVENT, 0, T0, false, false), T0);
  }
  /* the size for the room left; should a length octet make it jump over
   * that size, one more record and try again */
  for (;;) {
    want = room - 4; /* the entry's 4-octet length, then the DER */
    for (x = 1; x < 4096 && peek_len_of_event(n, x, text) < want; x++)
      ;
    if (peek_len_of_event(n, x, text) == want)
      break;
    feed_ok(c, fx_make(&f, n++, WCHG_ACR_EVENT, 0, T0, false, false), T0);
    stats(c, &st);
    room = 65536 - (st.queued_bytes + 4 * st.queued_cdrs);
    ck_assert_uint_gt(room, 600);
  }
  fx_make(&f, n, WCHG_ACR_EVENT, 0, T0, false, false);
  f.a.ims.private_user_id = (wchg_str){text, x};
  feed_ok(c, &f.a, T0);
  stats(c, &st);
  ck_assert_uint_eq(st.queued_bytes + 4 * st.queued_cdrs, 65536);
  feed_ok(c, fx_make(&f, n + 1, WCHG_ACR_EVENT, 0, T0, false, false), T0);
  for (unsigned i = 0; i <= n + 1; i++) {
    const uint8_t *der;
    size_t len, used;
    wchg_cdr *r = NULL;
    ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_OK);
    if (i >= n) {
      ck_assert_int_eq(wchg_cdr_decode(der, len, NULL, &r, &used, NULL), WCHG_OK);
      expect_int(r->local_record_sequence_number, true, 100 + i);
      ck_assert_uint_eq(r->ims.private_user_id.len, i == n ? x : strlen("alice@home.example"));
      wchg_cdr_free(r);
    }
    wchg_cdf_pop(c);
  }
  ck_assert_uint_eq(wchg_cdf_pending(c), 0);
  free(text);
  wchg_cdf_free(c);
}
END_TEST

/* ---- the API's edges -------------------------------------------------------------- */

START_TEST(api_arguments) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct fx f;
  uint8_t acr[4096], aca[1024], state[512];
  size_t len, alen = 7, slen;
  const uint8_t *der;
  wchg_cdf_result r;
  wchg_cdf_stats st;
  wchg_diag d;
  unsigned closed = 9;

  ck_assert_int_eq(wchg_cdf_expire(c, 0, &closed), WCHG_E_ARG);
  ck_assert_uint_eq(closed, 0);
  ck_assert_int_eq(wchg_cdf_expire(NULL, T0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_close_session(c, (wchg_str){NULL, 0}, T0), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_close_session(c, WCHG_STR("x"), 0), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_close_session(NULL, WCHG_STR("x"), T0), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_stats_get(c, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_stats_get(NULL, &st), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_peek(c, NULL, &len), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_peek(c, &der, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_peek(NULL, &der, &len), WCHG_E_ARG);
  ck_assert_uint_eq(wchg_cdf_pending(NULL), 0);
  wchg_cdf_pop(NULL);
  ck_assert_int_eq(wchg_cdf_export(NULL, state, sizeof state, &slen), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_export(c, state, sizeof state, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_export(c, NULL, 8, &slen), WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_export(c, state, sizeof state, &slen), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_import(NULL, state, slen, &d), WCHG_E_ARG);
  ck_assert_int_eq(d.code, WCHG_OK);
  ck_assert_ptr_null(wchg_cdf_last_acr(NULL));

  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_feed_bytes(NULL, acr, len, T0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_ARG);
  ck_assert_uint_eq(r.result_code, 0);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, NULL, &r, &d),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, NULL, len, T0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_ARG);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, NULL, sizeof aca, &alen, &r, &d),
                   WCHG_E_ARG);
  ck_assert_uint_eq(alen, 7); /* untouched */
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, NULL, 0, T0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_TRUNCATED);
  ck_assert_uint_eq(alen, 0);
  /* no ACA buffer: the ACR is processed, the ACA measured */
  fx_make(&f, 7, WCHG_ACR_EVENT, 0, T0, false, false);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, NULL, 0, &alen, &r, &d), WCHG_E_BUFFER);
  ck_assert_uint_gt(alen, 20);
  ck_assert_uint_eq(r.result_code, 2001);
  ck_assert_uint_eq(r.cdrs, 1);
  wchg_cdf_pop(c);
  fx_make(&f, 1, WCHG_ACR_START, 0, T0, false, false);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_OK);
  /* no result wanted: the ACA is still written */
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, T0, aca, sizeof aca, &alen, NULL, NULL),
                   WCHG_OK);
  ck_assert_uint_gt(alen, 20);
  ck_assert_ptr_nonnull(wchg_cdf_last_acr(c));
  ck_assert_uint_eq(wchg_cdf_last_acr(c)->accounting_record_type, WCHG_ACR_START);
  /* a |now_ms| outside 2000..2099: the ACR decodes, feeding refuses the
   * call; no ACR is counted */
  fx_make(&f, 2, WCHG_ACR_START, 0, T0, false, false);
  ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, &d), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_feed_bytes(c, acr, len, 0, aca, sizeof aca, &alen, &r, &d),
                   WCHG_E_ARG);
  ck_assert_uint_eq(r.result_code, 5012);
  stats(c, &st);
  ck_assert_uint_eq(st.acrs, 2);
  ck_assert_uint_eq(st.open_sessions, 1);
  wchg_cdf_free(c);
  /* an import of nothing */
  c = cdf_make(&cfg);
  ck_assert_int_eq(wchg_cdf_import(c, NULL, 0, &d), WCHG_E_TRUNCATED);
  ck_assert_uint_eq(d.offset, 0);
  wchg_cdf_free(c);
}
END_TEST

/* ---- states crafted for wchg_cdf_import ------------------------------------------ */

/*
 * A state written byte by byte in the format cdf_state.c documents
 * (version 2, little-endian): magic and version, total length, next
 * localRecordSequenceNumber, next serial, 8 counters; remembered
 * sessions; open sessions (a fixed part of 75 octets, then the store:
 * Session-Id, Origin-Host, the fields section — entries of key, 3-octet
 * length, value — and the media entries); queued CDRs; CRC-32.
 */
struct sbuf {
  uint8_t p[4096];
  size_t len;
};

static void put_le(struct sbuf *b, uint64_t v, unsigned n) {
  ck_assert_uint_le(b->len + n, sizeof b->p);
  for (unsigned i = 0; i < n; i++)
    b->p[b->len++] = (uint8_t)(v >> (8 * i));
}

static void put_raw(struct sbuf *b, const void *p, size_t n) {
  ck_assert_uint_le(b->len + n, sizeof b->p);
  memcpy(b->p + b->len, p, n);
  b->len += n;
}

static uint32_t crc32_ieee(const uint8_t *p, size_t n) {
  uint32_t crc = 0xffffffffu;
  while (n--) {
    crc ^= *p++;
    for (int k = 0; k < 8; k++)
      crc = crc & 1 ? 0xedb88320u ^ (crc >> 1) : crc >> 1;
  }
  return crc ^ 0xffffffffu;
}

#define STATE_HEADER 88 /* through the counters */
#define SESS_FIXED 75

static void state_begin(struct sbuf *b, uint64_t next_serial) {
  b->len = 0;
  put_raw(b, "WCHGCDF\x02", 8);
  put_le(b, 0, 4);   /* the length, at the end */
  put_le(b, 500, 4); /* next localRecordSequenceNumber */
  put_le(b, next_serial, 8);
  for (int i = 0; i < 8; i++)
    put_le(b, 0, 8); /* counters */
}

/* Session flags of the format: a START was folded, the START was lost. */
#define SF_START 1
#define SF_LOST 2

struct sess {
  uint64_t serial;
  int64_t opening, request;
  uint64_t seen;
  uint32_t max, missing, rsn;
  uint8_t flags;
  uint16_t media_count;
  const char *sid, *host;
  const uint8_t *fields;
  size_t fields_len;
};

static void state_session(struct sbuf *b, const struct sess *s) {
  size_t sid_len = strlen(s->sid), host_len = strlen(s->host);
  put_le(b, s->serial, 8);
  put_le(b, (uint64_t)s->opening, 8);
  put_le(b, (uint64_t)s->opening, 8); /* last ACR's |now_ms| */
  put_le(b, (uint64_t)s->request, 8);
  put_le(b, (uint64_t)s->opening, 8); /* response */
  put_le(b, s->seen, 8);
  put_le(b, s->max, 4);
  put_le(b, s->missing, 4);
  put_le(b, s->rsn, 4);
  put_le(b, s->flags, 1);
  put_le(b, s->media_count, 2);
  put_le(b, sid_len, 2);
  put_le(b, host_len, 2);
  put_le(b, s->fields_len, 4);
  put_le(b, 0, 4); /* media */
  put_raw(b, s->sid, sid_len);
  put_raw(b, s->host, host_len);
  put_raw(b, s->fields, s->fields_len);
}

/* The queue (empty), the length and the CRC. */
static void state_end(struct sbuf *b) {
  uint32_t crc;
  put_le(b, 0, 4);
  for (int i = 0; i < 4; i++)
    b->p[8 + i] = (uint8_t)((b->len + 4) >> (8 * i));
  crc = crc32_ieee(b->p, b->len);
  put_le(b, crc, 4);
}

/* Fields: sIP-Method [2] "INVITE", privateUserID [8] "alice". */
static const uint8_t FIELDS[] = {2, 7, 0, 0, 6, 'I', 'N', 'V', 'I', 'T', 'E',
                                 8, 6, 0, 0, 5, 'a', 'l', 'i', 'c', 'e'};

static struct sess sess_ok(void) {
  struct sess s = {0, T0, T0 - 100, 1, 0, 0, 0, SF_START, 0, "hand;1", "pcscf.example",
                   FIELDS, sizeof FIELDS};
  return s;
}

/* One session state with |s|: the bytes in |b|. */
static void state_of(struct sbuf *b, const struct sess *s) {
  state_begin(b, s->serial + 1);
  put_le(b, 0, 4); /* no remembered session */
  put_le(b, 1, 4);
  state_session(b, s);
  state_end(b);
}

static wchg_acr *bare_acr(wchg_acr *a, int type, uint32_t number) {
  wchg_acr_init(a);
  a->session_id = WCHG_STR("hand;1");
  a->accounting_record_type = type;
  a->accounting_record_number = number;
  return a;
}

/* The hand-made state reads back: its fields are in the record. */
START_TEST(state_handmade) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct sbuf b;
  struct sess s = sess_ok();
  wchg_diag d;
  wchg_acr a;
  wchg_cdr *cdr;
  state_of(&b, &s);
  ck_assert_int_eq(wchg_cdf_import(c, b.p, b.len, &d), WCHG_OK);
  ck_assert_uint_eq(feed_ok(c, bare_acr(&a, WCHG_ACR_STOP, 1), T0 + 1000), 1);
  cdr = pop_cdr(c);
  expect_text(cdr->ims.sip_method, "INVITE");
  expect_text(cdr->ims.private_user_id, "alice");
  expect_text(cdr->node_address.domain_name, "pcscf.example");
  expect_ts(&cdr->ims.service_request_time_stamp, T0 - 100);
  expect_ts(&cdr->record_opening_time, T0);
  expect_int(cdr->local_record_sequence_number, true, 500);
  ck_assert(!cdr->record_sequence_number.present);
  ck_assert(!cdr->incomplete_cdr_indication.present);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* A session whose records closed number 2^32-1: its number stays there
 * (4294967296 on every further record) instead of wrapping to 1. */
START_TEST(state_record_number_at_max) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct sbuf b;
  struct sess s = sess_ok();
  wchg_cdr *cdr;
  s.rsn = UINT32_MAX;
  state_of(&b, &s);
  ck_assert_int_eq(wchg_cdf_import(c, b.p, b.len, NULL), WCHG_OK);
  for (int i = 0; i < 2; i++) {
    ck_assert_int_eq(wchg_cdf_close_session(c, WCHG_STR("hand;1"), T0 + 1000 * (i + 1)), WCHG_OK);
    cdr = pop_cdr(c);
    expect_int(cdr->record_sequence_number, true, 4294967296LL);
    expect_int(cdr->cause_for_record_closing, true, WCHG_CAUSE_MANAGEMENT_INTERVENTION);
    wchg_cdr_free(cdr);
  }
  wchg_cdf_free(c);
}
END_TEST

/* A missing count at 2^32-1 saturates: a further gap does not wrap it
 * to a small count that late ACRs could bring back to 0. */
START_TEST(state_missing_saturates) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct sbuf b;
  struct sess s = sess_ok();
  wchg_acr a;
  wchg_cdr *cdr;
  wchg_cdf_stats st;
  s.missing = UINT32_MAX;
  state_of(&b, &s);
  ck_assert_int_eq(wchg_cdf_import(c, b.p, b.len, NULL), WCHG_OK);
  feed_ok(c, bare_acr(&a, WCHG_ACR_INTERIM, 5), T0 + 100);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 4);
  for (uint32_t n = 1; n <= 4; n++)
    feed_ok(c, bare_acr(&a, WCHG_ACR_INTERIM, n), T0 + 100 + n);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 0); /* each late one took its count back */
  ck_assert_uint_eq(feed_ok(c, bare_acr(&a, WCHG_ACR_STOP, 6), T0 + 200), 1);
  cdr = pop_cdr(c);
  ck_assert(cdr->incomplete_cdr_indication.present);
  expect_int(cdr->incomplete_cdr_indication.acr_interim_lost, true, WCHG_ACR_INTERIM_LOST_YES);
  expect_int(cdr->incomplete_cdr_indication.acr_start_lost, true, 0);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* A session with neither flag (no START folded, none lost): a late
 * START is folded and loses nothing. */
START_TEST(state_no_start_flags) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct sbuf b;
  struct sess s = sess_ok();
  wchg_acr a;
  wchg_cdr *cdr;
  wchg_cdf_stats st;
  s.flags = 0;
  s.max = 1;
  s.request = INT64_MIN; /* none */
  state_of(&b, &s);
  ck_assert_int_eq(wchg_cdf_import(c, b.p, b.len, NULL), WCHG_OK);
  bare_acr(&a, WCHG_ACR_START, 0);
  a.sip_request_timestamp = WCHG_TIME_MS(T0 - 3000);
  feed_ok(c, &a, T0 + 100);
  ck_assert_uint_eq(feed_ok(c, bare_acr(&a, WCHG_ACR_STOP, 2), T0 + 200), 1);
  stats(c, &st);
  ck_assert_uint_eq(st.lost, 0);
  cdr = pop_cdr(c);
  ck_assert(!cdr->incomplete_cdr_indication.present);
  expect_ts(&cdr->ims.service_request_time_stamp, T0 - 3000);
  wchg_cdr_free(cdr);
  wchg_cdf_free(c);
}
END_TEST

/* |state| refused with |st| at |offset|; |c| stays fresh (a whole state
 * imports after). */
static void import_refused(wchg_cdf *c, const struct sbuf *state, wchg_status st, size_t offset,
                           const char *msg) {
  wchg_diag d;
  struct sbuf ok;
  struct sess s = sess_ok();
  wchg_cdf_stats stc;
  ck_assert_int_eq(wchg_cdf_import(c, state->p, state->len, &d), st);
  ck_assert_int_eq(d.code, st);
  ck_assert_uint_eq(d.offset, offset);
  ck_assert_str_eq(d.path, "CDFState");
  ck_assert_str_eq(d.message, msg);
  stats(c, &stc);
  ck_assert_uint_eq(stc.open_sessions, 0);
  state_of(&ok, &s);
  ck_assert_int_eq(wchg_cdf_import(c, ok.p, ok.len, &d), WCHG_OK);
  stats(c, &stc);
  ck_assert_uint_eq(stc.open_sessions, 1);
}

/* One session whose fields section is |fields|: refused as a store that
 * does not read back, at the store. */
static void store_refused(const uint8_t *fields, size_t n) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c = cdf_make(&cfg);
  struct sbuf b;
  struct sess s = sess_ok();
  s.fields = fields;
  s.fields_len = n;
  state_of(&b, &s);
  import_refused(c, &b, WCHG_E_ENCODING, STATE_HEADER + 8 + SESS_FIXED,
                 "a session store that does not read back");
  wchg_cdf_free(c);
}

START_TEST(state_refusals) {
  wchg_cdf_config cfg = config();
  wchg_cdf *c;
  struct sbuf b;
  struct sess s = sess_ok();
  size_t at;
  cfg.duplicate_memory = 0; /* a failed import clears no duplicate index */
  c = cdf_make(&cfg);

  /* nothing after the counters */
  state_begin(&b, 0);
  for (int i = 0; i < 4; i++)
    b.p[8 + i] = (uint8_t)((b.len + 4) >> (8 * i));
  put_le(&b, crc32_ieee(b.p, b.len), 4);
  import_refused(c, &b, WCHG_E_TRUNCATED, STATE_HEADER, "remembered sessions");
  wchg_cdf_free(c);
  c = cdf_make(&cfg);

  /* an empty Session-Id */
  s.sid = "";
  state_of(&b, &s);
  import_refused(c, &b, WCHG_E_ENCODING, STATE_HEADER + 8 + SESS_FIXED,
                 "a session value out of range");
  wchg_cdf_free(c);
  c = cdf_make(&cfg);

  /* the same Session-Id twice */
  s = sess_ok();
  state_begin(&b, 2);
  put_le(&b, 0, 4);
  put_le(&b, 2, 4);
  state_session(&b, &s);
  at = b.len + SESS_FIXED;
  s.serial = 1;
  state_session(&b, &s);
  state_end(&b);
  import_refused(c, &b, WCHG_E_DUPLICATE, at, "a Session-Id twice");
  wchg_cdf_free(c);
  c = cdf_make(&cfg);

  /* two sessions announced, the bytes of one (its store long enough to
   * pass the count check) */
  static const uint8_t long_user[] = {8, 101, 0, 0, 100,
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
                                      'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u'};
  s = sess_ok();
  s.fields = long_user;
  s.fields_len = sizeof long_user;
  state_begin(&b, 2);
  put_le(&b, 0, 4);
  put_le(&b, 2, 4);
  state_session(&b, &s);
  at = b.len;
  state_end(&b);
  import_refused(c, &b, WCHG_E_TRUNCATED, at, "session serial");
  wchg_cdf_free(c);
}
END_TEST

/* Store encodings that do not read back. */
START_TEST(state_store_encodings) {
  /* a varint whose tenth octet carries more than bit 63 */
  static const uint8_t wide[] = {8, 10, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80,
                                 0x80, 0x80, 0x80, 0x80, 0x02};
  /* a varint of eleven octets */
  static const uint8_t eleven[] = {8, 11, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                                   0x80, 0x80, 0x80, 0x80, 0x00};
  /* a string length cut short */
  static const uint8_t cut[] = {8, 1, 0, 0, 0x80};
  /* a list of 5 with no element */
  static const uint8_t list[] = {55, 1, 0, 0, 5};
  /* bit 63 alone is fine: a length of 2^63 that the bytes do not hold */
  static const uint8_t top[] = {8, 10, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x80,
                                0x80, 0x80, 0x80, 0x80, 0x01};
  store_refused(wide, sizeof wide);
  store_refused(eleven, sizeof eleven);
  store_refused(cut, sizeof cut);
  store_refused(list, sizeof list);
  store_refused(top, sizeof top);
  /* a list count cut short */
  static const uint8_t list_cut[] = {55, 1, 0, 0, 0x80};
  store_refused(list_cut, sizeof list_cut);
}
END_TEST

/* A queue of more than 64 KiB travels: the importer's queue takes a
 * second block, and the records come out the same. */
START_TEST(state_big_queue) {
  wchg_cdf_config cfg = config();
  wchg_cdf *a = cdf_make(&cfg), *b = cdf_make(&cfg);
  struct fx f;
  uint8_t *state;
  size_t len, need = 0;
  wchg_cdf_stats st;
  for (unsigned s = 0; s < 250; s++)
    feed_ok(a, fx_make(&f, s, WCHG_ACR_EVENT, 0, T0, true, true), T0);
  stats(a, &st);
  ck_assert_uint_gt(st.queued_bytes, 65536);
  ck_assert_int_eq(wchg_cdf_export(a, NULL, 0, &need), WCHG_E_BUFFER);
  state = malloc(need);
  ck_assert_int_eq(wchg_cdf_export(a, state, need, &len), WCHG_OK);
  ck_assert_int_eq(wchg_cdf_import(b, state, len, NULL), WCHG_OK);
  ck_assert_uint_eq(wchg_cdf_pending(b), 250);
  while (wchg_cdf_pending(a)) {
    const uint8_t *da, *db;
    size_t la, lb;
    ck_assert_int_eq(wchg_cdf_peek(a, &da, &la), WCHG_OK);
    ck_assert_int_eq(wchg_cdf_peek(b, &db, &lb), WCHG_OK);
    ck_assert_uint_eq(la, lb);
    ck_assert(memcmp(da, db, la) == 0);
    wchg_cdf_pop(a);
    wchg_cdf_pop(b);
  }
  ck_assert_uint_eq(wchg_cdf_pending(b), 0);
  free(state);
  wchg_cdf_free(a);
  wchg_cdf_free(b);
}
END_TEST

/* ---- out of memory ------------------------------------------------------------------ */

/*
 * Scripts run on a fresh CDF whose allocator fails once at each
 * allocation in turn, then forever from it (failmem_each): every call
 * either works or fails with WCHG_E_NOMEM leaving the state exactly as
 * it was (its export unchanged; expire may keep what it closed before);
 * called again it works, and the CDRs in the end are the same bytes. Each
 * script makes a different path the first to allocate the arena, the
 * queue's block or a session's room.
 */
struct op {
  char kind; /* 'a' ACR model, 'b' its bytes, 'e' expire, 'm' management close,
                'i' import of the reference state */
  unsigned session;
  int type;
  uint32_t number;
  int64_t dt;
  bool sdp;
};

struct script {
  int64_t duration, timeout;
  unsigned media;
  const struct op *ops;
  size_t n;
};

static const struct script *cur;
static uint8_t *ref_state;
static size_t ref_len;

static uint32_t fnv(uint32_t h, const uint8_t *p, size_t n) {
  while (n--)
    h = (h ^ *p++) * 16777619u;
  return h;
}

static wchg_status do_op(wchg_cdf *c, const struct op *o) {
  struct fx f;
  char sid[64];
  uint8_t acr[4096], aca[1024];
  size_t len, alen;
  switch (o->kind) {
  case 'e':
    return wchg_cdf_expire(c, T0 + o->dt, NULL);
  case 'm':
    return wchg_cdf_close_session(c, wchg_str_from(sid_of(o->session, sid, sizeof sid)),
                                  T0 + o->dt);
  case 'i':
    return wchg_cdf_import(c, ref_state, ref_len, NULL);
  case 'b':
    fx_make(&f, o->session, o->type, o->number, T0 + o->dt, o->sdp, true);
    ck_assert_int_eq(wchg_acr_encode(&f.a, acr, sizeof acr, &len, NULL), WCHG_OK);
    return wchg_cdf_feed_bytes(c, acr, len, T0 + o->dt, aca, sizeof aca, &alen, NULL, NULL);
  default:
    return wchg_cdf_feed(c, fx_make(&f, o->session, o->type, o->number, T0 + o->dt, o->sdp, true),
                         T0 + o->dt, NULL, NULL);
  }
}

static size_t run_script(struct failmem *fm, int32_t *out, size_t cap) {
  enum { CAP = 1 << 16 };
  wchg_cdf_config cfg = config();
  uint8_t *before = malloc(CAP), *after = malloc(CAP);
  size_t blen, alen, k = 0, count = 0;
  uint32_t h = 2166136261u;
  wchg_cdf *c;
  bool complete = false;
  wchg_cdf_stats st;

  cfg.max_record_duration_ms = cur->duration;
  cfg.session_timeout_ms = cur->timeout;
  cfg.max_media_changes = cur->media;
  cfg.mem = &fm->mem;
  while (!(c = wchg_cdf_new(&cfg)))
    if (fm->forever)
      goto out;
  for (size_t i = 0; i < cur->n; i++) {
    wchg_status r;
    ck_assert_int_eq(wchg_cdf_export(c, before, CAP, &blen), WCHG_OK);
    while ((r = do_op(c, &cur->ops[i])) == WCHG_E_NOMEM) {
      ck_assert_int_eq(wchg_cdf_export(c, after, CAP, &alen), WCHG_OK);
      if (cur->ops[i].kind != 'e') {
        ck_assert_uint_eq(alen, blen);
        ck_assert_msg(memcmp(before, after, blen) == 0, "op %zu changed the state", i);
      }
      if (fm->forever)
        goto out;
    }
    ck_assert_uint_lt(k, cap);
    out[k++] = r;
  }
  while (wchg_cdf_pending(c)) {
    const uint8_t *der;
    size_t len;
    ck_assert_int_eq(wchg_cdf_peek(c, &der, &len), WCHG_OK);
    h = fnv(h, der, len);
    count++;
    wchg_cdf_pop(c);
  }
  stats(c, &st);
  out[k++] = (int32_t)h;
  out[k++] = (int32_t)count;
  out[k++] = (int32_t)st.folded;
  out[k++] = (int32_t)st.lost;
  out[k++] = (int32_t)st.open_sessions;
  complete = true;
out:
  wchg_cdf_free(c);
  free(before);
  free(after);
  return complete ? k : 0;
}

/* The results of |s| with no failure, then failing each allocation. */
static void oom_script(const struct script *s, size_t min_cdrs) {
  int32_t want[32];
  struct failmem fm;
  size_t n;
  cur = s;
  failmem_init(&fm, 0, 0);
  n = run_script(&fm, want, 32);
  ck_assert_uint_eq(n, s->n + 5);
  for (size_t i = 0; i < s->n; i++)
    ck_assert_int_eq(want[i], WCHG_OK);
  ck_assert_uint_ge((size_t)want[s->n + 1], min_cdrs);
  ck_assert_uint_gt(failmem_each(run_script, want, n), 3);
}

#define SCRIPT(dur, tmo, media, ...)                                                          \
  do {                                                                                        \
    static const struct op ops_[] = {__VA_ARGS__};                                            \
    static const struct script s_ = {dur, tmo, media, ops_, sizeof ops_ / sizeof ops_[0]};    \
    oom_script(&s_, 1);                                                                       \
  } while (0)

/* The first record of the CDF a timeLimit partial of a fold. */
START_TEST(oom_time_limit_partial) {
  SCRIPT(60000, 0, 0, {'a', 1, WCHG_ACR_START, 0, 0, true},
         {'a', 1, WCHG_ACR_INTERIM, 1, 70000, true},
         {'a', 1, WCHG_ACR_STOP, 2, 80000, false});
}
END_TEST

/* ... a serviceChange partial. */
START_TEST(oom_media_partial) {
  SCRIPT(0, 0, 1, {'a', 1, WCHG_ACR_START, 0, 0, true},
         {'a', 1, WCHG_ACR_INTERIM, 1, 1000, true},
         {'a', 1, WCHG_ACR_INTERIM, 2, 2000, true},
         {'a', 1, WCHG_ACR_STOP, 3, 3000, false});
}
END_TEST

/* ... a STOP's final record (two sessions, the second grows the table). */
START_TEST(oom_final_record) {
  SCRIPT(0, 0, 0, {'a', 1, WCHG_ACR_START, 0, 0, true},
         {'a', 2, WCHG_ACR_INTERIM, 1, 10, true},
         {'a', 1, WCHG_ACR_INTERIM, 1, 500, true},
         {'a', 1, WCHG_ACR_STOP, 2, 1000, false},
         {'a', 2, WCHG_ACR_STOP, 2, 1000, false});
}
END_TEST

/* ... the expiry of silent sessions, and a timeLimit partial by the timer. */
START_TEST(oom_expire) {
  SCRIPT(0, 1000, 0, {'a', 1, WCHG_ACR_START, 0, 0, true},
         {'a', 2, WCHG_ACR_START, 0, 10, true},
         {'e', 0, 0, 0, 5000, false});
  SCRIPT(60000, 0, 0, {'a', 1, WCHG_ACR_START, 0, 0, true},
         {'e', 0, 0, 0, 61000, false},
         {'e', 0, 0, 0, 125000, false});
}
END_TEST

/* ... a management close, an event record with media. */
START_TEST(oom_close_and_event) {
  SCRIPT(0, 0, 0, {'a', 1, WCHG_ACR_START, 0, 0, true},
         {'m', 1, 0, 0, 100, false},
         {'a', 1, WCHG_ACR_STOP, 1, 200, false});
  SCRIPT(0, 0, 0, {'a', 1, WCHG_ACR_EVENT, 0, 0, true},
         {'a', 2, WCHG_ACR_EVENT, 0, 0, true});
}
END_TEST

/* ... ACR bytes in (the reader made on first use). */
START_TEST(oom_feed_bytes) {
  SCRIPT(0, 0, 0, {'b', 1, WCHG_ACR_START, 0, 0, true},
         {'b', 1, WCHG_ACR_INTERIM, 1, 100, true},
         {'b', 1, WCHG_ACR_STOP, 2, 200, false});
}
END_TEST

/* An import of open sessions and queued records, then going on. */
START_TEST(oom_import) {
  wchg_cdf_config cfg = config();
  wchg_cdf *a = cdf_make(&cfg);
  struct fx f;
  size_t need = 0;
  for (unsigned s = 1; s <= 3; s++)
    feed_ok(a, fx_make(&f, s, WCHG_ACR_START, 0, T0, true, true), T0);
  feed_ok(a, fx_make(&f, 9, WCHG_ACR_EVENT, 0, T0, true, true), T0);
  ck_assert_int_eq(wchg_cdf_export(a, NULL, 0, &need), WCHG_E_BUFFER);
  ref_state = malloc(need);
  ck_assert_int_eq(wchg_cdf_export(a, ref_state, need, &ref_len), WCHG_OK);
  wchg_cdf_free(a);
  SCRIPT(0, 0, 0, {'i', 0, 0, 0, 0, false},
         {'a', 2, WCHG_ACR_STOP, 1, 1000, false},
         {'a', 4, WCHG_ACR_START, 0, 1000, true});
  free(ref_state);
  ref_state = NULL;
}
END_TEST

/* Out of memory at the first octets an ACR's fields take wins over the
 * refusal its structure earns later: 4002 (the CTF may send it again),
 * nothing counted; sent again it is refused, 5004. */
START_TEST(oom_before_refusal) {
  wchg_cdf_config cfg = config();
  struct failmem fm;
  for (int k = 0; k < 4; k++) {
    wchg_acr a;
    wchg_cdf *c;
    wchg_cdf_result r;
    wchg_cdf_stats st;
    wchg_diag d;
    wchg_acr_init(&a);
    a.session_id = WCHG_STR("oom;1");
    a.accounting_record_type = WCHG_ACR_START;
    switch (k) {
    case 0: /* an unknown CHOICE */
      a.ims.called_party_address.choice = 9;
      break;
    case 1: /* a list with a count and no items */
      a.ims.list_of_reason_header = (wchg_str_list){NULL, 2};
      break;
    case 2: /* a CHOICE whose text has a length and no pointer */
      a.ims.called_party_address.choice = WCHG_PARTY_SIP_URI;
      a.ims.called_party_address.value = (wchg_str){NULL, 3};
      break;
    default: /* a structure without its mandatory members */
      a.ims.subscriber_equipment_number.present = true;
      break;
    }
    failmem_init(&fm, 0, 0);
    cfg.mem = &fm.mem;
    c = cdf_make(&cfg);
    fm.fail_at = fm.calls + 1; /* the first allocation from here */
    ck_assert_int_eq(wchg_cdf_feed(c, &a, T0, &r, &d), WCHG_E_NOMEM);
    ck_assert_uint_eq(r.result_code, 4002);
    stats(c, &st);
    ck_assert_uint_eq(st.acrs, 0);
    ck_assert_int_eq(wchg_cdf_feed(c, &a, T0, &r, &d), WCHG_E_INVALID);
    ck_assert_uint_eq(r.result_code, 5004);
    ck_assert_str_eq(d.path, k == 0 || k == 2 ? "pCSCFRecord/called-Party-Address"
                             : k == 1        ? "pCSCFRecord/listOfReasonHeader"
                                             : "pCSCFRecord/subscriberEquipmentNumber");
    stats(c, &st);
    ck_assert_uint_eq(st.acrs, 1);
    ck_assert_uint_eq(st.rejected, 1);
    wchg_cdf_free(c);
    ck_assert_uint_eq(fm.live, 0);
  }
}
END_TEST

Suite *cov_cdf_suite(void) {
  Suite *s = suite_create("cov_cdf");
  TCase *t = tcase_create("cdf");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, config_checks);
  tcase_add_test(t, acr_checks);
  tcase_add_test(t, event_time_sources);
  tcase_add_test(t, session_time_sources);
  tcase_add_test(t, numbers_window);
  tcase_add_test(t, late_start_after_partial);
  tcase_add_test(t, media_with_response_only);
  tcase_add_test(t, media_limit_capped);
  tcase_add_test(t, media_bytes_partial);
  tcase_add_test(t, acr_over_one_record);
  tcase_add_test(t, store_refuses_structures);
  tcase_add_test(t, store_empty_values);
  tcase_add_test(t, emergency_stored_identity);
  tcase_add_test(t, duplicate_memory_evictions);
  tcase_add_test(t, queue_big_records);
  tcase_add_test(t, queue_block_exactly_full);
  tcase_add_test(t, api_arguments);
  tcase_add_test(t, state_handmade);
  tcase_add_test(t, state_record_number_at_max);
  tcase_add_test(t, state_missing_saturates);
  tcase_add_test(t, state_no_start_flags);
  tcase_add_test(t, state_refusals);
  tcase_add_test(t, state_store_encodings);
  tcase_add_test(t, state_big_queue);
  tcase_add_test(t, oom_time_limit_partial);
  tcase_add_test(t, oom_media_partial);
  tcase_add_test(t, oom_final_record);
  tcase_add_test(t, oom_expire);
  tcase_add_test(t, oom_close_and_event);
  tcase_add_test(t, oom_feed_bytes);
  tcase_add_test(t, oom_import);
  tcase_add_test(t, oom_before_refusal);
  suite_add_tcase(s, t);
  return s;
}
