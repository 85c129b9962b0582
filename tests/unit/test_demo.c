/* test_demo.c: the WebRTC call demo (examples/webrtc_call) and its
 * scenario engine (examples/scenario/: the reader, the runner and the
 * online charging, linked into the unit tests as into webrtc_call).
 *
 * - examples/scenarios/demo.json, the demo's built-in scenario, checked
 *   record by record: record type, Accounting-Record-Number, Cause-Code,
 *   session, and the key AVPs of each encoded ACR read back with
 *   wchg_dmsg_parse() (Node-Functionality P-CSCF, SIP-Method, the WAF and
 *   WWSF identities 657/658 with V set and M clear, ...). Every ACR is
 *   written to $WCHG_TEST_OUT as demo_NN_<session>_<TYPE>.diam, which
 *   `make check` has tshark dissect;
 * - every .json file of examples/scenarios/ meets its own expectations;
 * - the reader refuses bad text with the code, the JSON path and the
 *   line/column: unknown member, wrong type, truncated text, too many
 *   steps, ...; an expectation that does not hold is reported.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <dirent.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "online.h"   /* examples/scenario/ */
#include "scenario.h"

#define V3GPP 10415u

/* ---- collecting what a run gives ---------------------------------------- */

typedef struct got_step {
  size_t index;
  wchg_status status;
  bool ok;
  char mismatch[160];
  size_t seq;        /* 0: no record */
  int32_t type;
  uint32_t number;
  bool has_cause;
  int32_t cause;
  char label[80];
  uint8_t *msg;      /* a copy of the encoded ACR */
  size_t len;
} got_step;

typedef struct got_run {
  got_step steps[64];
  size_t n;
} got_run;

static int collect(const scn_outcome *o, void *ud) {
  got_run *g = ud;
  ck_assert_uint_lt(g->n, 64);
  got_step *s = &g->steps[g->n++];
  memset(s, 0, sizeof *s);
  s->index = o->index;
  s->status = o->status;
  s->ok = o->ok;
  snprintf(s->mismatch, sizeof s->mismatch, "%s", o->mismatch ? o->mismatch : "");
  snprintf(s->label, sizeof s->label, "%s", o->step->label);
  if (o->acr) {
    ck_assert_msg(o->msg != NULL, "step %zu: the ACR did not encode: %s", o->index,
                  o->mismatch ? o->mismatch : "");
    s->seq = o->record_seq;
    s->type = o->acr->accounting_record_type;
    s->number = o->acr->accounting_record_number;
    s->has_cause = o->acr->cause_code.present;
    s->cause = (int32_t)o->acr->cause_code.value;
    s->msg = malloc(o->msg_len);
    ck_assert_ptr_nonnull(s->msg);
    memcpy(s->msg, o->msg, o->msg_len);
    s->len = o->msg_len;
  }
  return 0;
}

static void got_free(got_run *g) {
  for (size_t i = 0; i < g->n; i++)
    free(g->steps[i].msg);
}

static scenario *load(const char *rel, char **text) {
  size_t len;
  scn_error err;
  scenario *s = NULL;
  *text = (char *)test_read_file(rel, &len);
  wchg_status st = scn_parse(*text, len, &s, &err);
  ck_assert_msg(st == WCHG_OK, "%s:%d:%d: %s: %s", rel, err.line, err.column, err.path,
                err.message);
  return s;
}

/* ---- reading the encoded ACR back --------------------------------------- */

static bool find(const wchg_dmsg *m, const wchg_avp *group, uint32_t code, uint32_t vendor,
                 wchg_avp *out) {
  return wchg_avp_find(m, group, code, vendor, out);
}

static void expect_utf8(const wchg_avp *a, const char *want, const char *what) {
  ck_assert_msg(a->len == strlen(want) && memcmp(a->data, want, a->len) == 0,
                "%s: got '%.*s', expected '%s'", what, (int)a->len, (const char *)a->data, want);
}

/* What one demo record must hold. */
typedef struct want_rec {
  size_t step;
  const char *label;
  int32_t type;
  uint32_t number;
  bool has_cause;
  int32_t cause;
  const char *sip_method;
  const char *waf, *wwsf;
} want_rec;

static const want_rec demo_records[] = {
    {0, "alice-reg", WCHG_ACR_EVENT, 0, true, -1, "REGISTER", "waf.example.net",
     "wwsf.example.com"},
    {3, "alice-call", WCHG_ACR_START, 0, false, 0, "INVITE", "waf.example.net",
     "wwsf.example.com"},
    {6, "alice-call", WCHG_ACR_INTERIM, 1, false, 0, "INVITE", "waf.example.net",
     "wwsf.example.com"},
    {8, "alice-call", WCHG_ACR_STOP, 2, true, 0, "BYE", "waf.example.net", "wwsf.example.com"},
    {10, "guest-0042-reg", WCHG_ACR_EVENT, 0, true, -1, "REGISTER", "waf.partner.example",
     "shop.partner.example"},
    {11, "guest-0042-message", WCHG_ACR_EVENT, 0, true, -1, "MESSAGE", "waf.partner.example",
     "shop.partner.example"},
    {13, "guest-call", WCHG_ACR_EVENT, 0, true, 486, "INVITE", "waf.partner.example",
     "shop.partner.example"},
    {15, "alice-dereg", WCHG_ACR_EVENT, 0, true, -3, "REGISTER", "waf.example.net",
     "wwsf.example.com"},
};
#define N_DEMO (sizeof demo_records / sizeof demo_records[0])

/* The SDP-Media-Name values of |ims| that start with "m=video". */
static size_t video_media(const wchg_dmsg *m, const wchg_avp *ims, bool *port0) {
  wchg_avp_iter it;
  wchg_avp c, n;
  size_t count = 0;
  *port0 = false;
  wchg_avp_iter_group(&it, m, ims);
  while (wchg_avp_next(&it, &c)) {
    if (c.code != 843 || c.vendor != V3GPP || !find(m, &c, 844, V3GPP, &n))
      continue;
    if (n.len >= 7 && memcmp(n.data, "m=video", 7) == 0) {
      count++;
      *port0 = n.len >= 10 && memcmp(n.data, "m=video 0 ", 10) == 0;
    }
  }
  return count;
}

/* Check the bytes of demo record |i| against |w|. */
static void check_demo_bytes(const got_step *g, const want_rec *w, wchg_str *sid) {
  wchg_dmsg m;
  wchg_diag d;
  wchg_avp a, si, ims, et;
  uint32_t u;
  int32_t i32;

  wchg_status st = wchg_dmsg_parse(g->msg, g->len, 0, &m, &d);
  ck_assert_msg(st == WCHG_OK, "record %zu: %s at %s (octet %zu, Result-Code %u)", g->seq,
                d.message, d.path, d.offset, d.result_code);
  ck_assert_uint_eq(m.code, 271);
  ck_assert_uint_eq(m.app_id, 3);
  ck_assert_uint_eq(m.flags, 0xC0);
  ck_assert_uint_eq(m.hop_by_hop, g->seq);
  ck_assert_uint_eq(m.end_to_end, g->seq);

  ck_assert(find(&m, NULL, 263, 0, &a)); /* Session-Id */
  *sid = (wchg_str){(const char *)a.data, a.len};
  ck_assert(find(&m, NULL, 480, 0, &a) && wchg_avp_i32(&a, &i32) == WCHG_OK);
  ck_assert_int_eq(i32, w->type);
  ck_assert(find(&m, NULL, 485, 0, &a) && wchg_avp_u32(&a, &u) == WCHG_OK);
  ck_assert_uint_eq(u, w->number);

  ck_assert(find(&m, NULL, 873, V3GPP, &si));   /* Service-Information */
  ck_assert(find(&m, &si, 876, V3GPP, &ims));   /* IMS-Information */
  ck_assert(find(&m, &ims, 862, V3GPP, &a) && wchg_avp_i32(&a, &i32) == WCHG_OK);
  ck_assert_int_eq(i32, WCHG_NODE_P_CSCF);      /* Node-Functionality */
  ck_assert(find(&m, &ims, 823, V3GPP, &et));   /* Event-Type */
  ck_assert(find(&m, &et, 824, V3GPP, &a));     /* SIP-Method */
  expect_utf8(&a, w->sip_method, "SIP-Method");
  if (w->has_cause) {
    ck_assert_msg(find(&m, &ims, 861, V3GPP, &a), "record %zu: no Cause-Code", g->seq);
    ck_assert(wchg_avp_i32(&a, &i32) == WCHG_OK);
    ck_assert_int_eq(i32, w->cause);
  } else {
    ck_assert_msg(!find(&m, &ims, 861, V3GPP, &a), "record %zu: a Cause-Code", g->seq);
  }
  /* the WebRTC identities: vendor 3GPP, V set, M clear (webrtc_ext.h) */
  ck_assert_msg(find(&m, &ims, 657, V3GPP, &a), "record %zu: no WAF identity", g->seq);
  ck_assert_uint_eq(a.flags & 0xE0, 0x80);
  expect_utf8(&a, w->waf, "WebRTC-Authentication-Function-Name");
  ck_assert_msg(find(&m, &ims, 658, V3GPP, &a), "record %zu: no WWSF identity", g->seq);
  ck_assert_uint_eq(a.flags & 0xE0, 0x80);
  expect_utf8(&a, w->wwsf, "WebRTC-Web-Server-Function-Name");
}

/* ---- the demo, record by record ------------------------------------------ */

START_TEST(demo_record_by_record) {
  char *text;
  scenario *s = load("examples/scenarios/demo.json", &text);
  got_run *g = calloc(1, sizeof *g);
  scn_stats stats;
  wchg_str sids[N_DEMO];

  ck_assert_ptr_nonnull(g);
  ck_assert_int_eq(scn_run(s, collect, g, &stats), 0);
  ck_assert_uint_eq(stats.steps, 16);
  ck_assert_uint_eq(stats.records, N_DEMO);
  ck_assert_uint_eq(stats.errors, 1);
  ck_assert_uint_eq(stats.mismatches, 0);
  ck_assert_uint_eq(g->n, 16);

  size_t r = 0;
  for (size_t i = 0; i < g->n; i++) {
    const got_step *st = &g->steps[i];
    ck_assert_msg(st->ok, "step %zu: %s", i, st->mismatch);
    if (i == 14) { /* the WIC's emergency INVITE: refused, nothing charged */
      ck_assert_int_eq(st->status, WCHG_E_EMERGENCY);
      ck_assert_uint_eq(st->seq, 0);
      continue;
    }
    ck_assert_int_eq(st->status, WCHG_OK);
    if (!st->seq)
      continue;
    ck_assert_uint_lt(r, N_DEMO);
    const want_rec *w = &demo_records[r];
    ck_assert_uint_eq(st->index, w->step);
    ck_assert_uint_eq(st->seq, r + 1);
    ck_assert_str_eq(st->label, w->label);
    ck_assert_int_eq(st->type, w->type);
    ck_assert_uint_eq(st->number, w->number);
    ck_assert_int_eq(st->has_cause, w->has_cause);
    if (w->has_cause)
      ck_assert_int_eq(st->cause, w->cause);
    check_demo_bytes(st, w, &sids[r]);

    char name[128];
    snprintf(name, sizeof name, "demo_%02zu_%s_%s", st->seq, st->label,
             scn_record_name(st->type));
    test_out_write_diam(name, st->msg, st->len);
    r++;
  }
  ck_assert_uint_eq(r, N_DEMO);

  /* one Rf session per dialog: START, INTERIM and STOP share a
   * Session-Id; every other record has its own */
  for (size_t i = 0; i < N_DEMO; i++)
    for (size_t j = i + 1; j < N_DEMO; j++) {
      bool same = sids[i].len == sids[j].len && !memcmp(sids[i].ptr, sids[j].ptr, sids[i].len);
      bool call = i >= 1 && j <= 3;
      ck_assert_msg(same == call, "records %zu and %zu: Session-Id %.*s / %.*s", i + 1, j + 1,
                    (int)sids[i].len, sids[i].ptr, (int)sids[j].len, sids[j].ptr);
    }
  ck_assert(sids[0].len == 22 && !memcmp(sids[0].ptr, "epcscf.example.net;1;1", 22));

  got_free(g);
  free(g);
  scn_free(s);
  free(text);
}
END_TEST

/* The media of the call: START with audio and video, the INTERIM after
 * the re-INVITE with the video stream at port 0; the MESSAGE's body. */
START_TEST(demo_media_and_body) {
  char *text;
  scenario *s = load("examples/scenarios/demo.json", &text);
  got_run *g = calloc(1, sizeof *g);
  ck_assert_ptr_nonnull(g);
  ck_assert_int_eq(scn_run(s, collect, g, NULL), 0);

  const got_step *start = &g->steps[3], *interim = &g->steps[6], *msg = &g->steps[11];
  wchg_dmsg m;
  wchg_avp si, ims, a, b;
  bool port0;

  ck_assert_int_eq(start->type, WCHG_ACR_START);
  ck_assert_int_eq(wchg_dmsg_parse(start->msg, start->len, 0, &m, NULL), WCHG_OK);
  ck_assert(find(&m, NULL, 873, V3GPP, &si) && find(&m, &si, 876, V3GPP, &ims));
  ck_assert_uint_eq(video_media(&m, &ims, &port0), 1);
  ck_assert(!port0);
  ck_assert(find(&m, &ims, 829, V3GPP, &a)); /* Role-Of-Node: originating */
  ck_assert_uint_eq(a.len, 4);
  ck_assert_uint_eq(a.data[3], 0);

  ck_assert_int_eq(interim->type, WCHG_ACR_INTERIM);
  ck_assert_int_eq(wchg_dmsg_parse(interim->msg, interim->len, 0, &m, NULL), WCHG_OK);
  ck_assert(find(&m, NULL, 873, V3GPP, &si) && find(&m, &si, 876, V3GPP, &ims));
  ck_assert_uint_eq(video_media(&m, &ims, &port0), 1);
  ck_assert(port0);

  ck_assert_int_eq(wchg_dmsg_parse(msg->msg, msg->len, 0, &m, NULL), WCHG_OK);
  ck_assert(find(&m, NULL, 873, V3GPP, &si) && find(&m, &si, 876, V3GPP, &ims));
  ck_assert(find(&m, &ims, 889, V3GPP, &a));             /* Message-Body */
  ck_assert(find(&m, &a, 826, V3GPP, &b));               /* Content-Type */
  expect_utf8(&b, "text/plain", "Content-Type");
  ck_assert(find(&m, &a, 827, V3GPP, &b));               /* Content-Length */
  uint32_t len = 0;
  ck_assert(wchg_avp_u32(&b, &len) == WCHG_OK);
  ck_assert_uint_eq(len, 38);

  got_free(g);
  free(g);
  scn_free(s);
  free(text);
}
END_TEST

/* Every scenario shipped meets its own expectations. */
START_TEST(all_scenarios_pass) {
  const char *src = getenv("WCHG_SRCDIR");
  char dir[512];
  snprintf(dir, sizeof dir, "%s/examples/scenarios", src && *src ? src : ".");
  DIR *dp = opendir(dir);
  ck_assert_msg(dp != NULL, "cannot open %s", dir);
  struct dirent *e;
  size_t files = 0;
  while ((e = readdir(dp)) != NULL) {
    size_t n = strlen(e->d_name);
    if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0)
      continue;
    char rel[300], *text;
    snprintf(rel, sizeof rel, "examples/scenarios/%s", e->d_name);
    scenario *s = load(rel, &text);
    got_run *g = calloc(1, sizeof *g);
    scn_stats stats;
    size_t expects = 0;
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(scn_run(s, collect, g, &stats), 0);
    for (size_t i = 0; i < g->n; i++)
      ck_assert_msg(g->steps[i].ok, "%s: step %zu: %s", rel, i, g->steps[i].mismatch);
    for (size_t i = 0; i < s->step_count; i++)
      expects += s->steps[i].expect.present;
    ck_assert_msg(stats.mismatches == 0 && stats.records > 0 && expects > 0, "%s", rel);
    got_free(g);
    free(g);
    scn_free(s);
    free(text);
    files++;
  }
  closedir(dp);
  ck_assert_uint_ge(files, 3);
}
END_TEST

/* ---- the reader's errors --------------------------------------------------- */

#define CFG "\"config\":{\"origin_host\":\"p.example.net\",\"origin_realm\":\"example.net\"," \
            "\"destination_realm\":\"example.net\"}"

static void expect_error(const char *text, wchg_status code, const char *path, int line,
                         const char *in_message) {
  scn_error err;
  scenario *s = (scenario *)1;
  wchg_status st = scn_parse(text, strlen(text), &s, &err);
  ck_assert_msg(st == code, "%s: got %s (%s: %s), expected %s", text, wchg_status_name(st),
                err.path, err.message, wchg_status_name(code));
  ck_assert_ptr_null(s);
  ck_assert_int_eq(err.code, code);
  ck_assert_str_eq(err.path, path);
  if (line)
    ck_assert_int_eq(err.line, line);
  ck_assert_msg(strstr(err.message, in_message) != NULL, "message '%s' lacks '%s'",
                err.message, in_message);
}

START_TEST(reader_errors) {
  /* unknown member: its path, and where it is */
  expect_error("{" CFG ",\n\"steps\":[\n{\"at\":0,\n \"tick\":{\"session\":\"s\"}}]}",
               WCHG_E_MISSING, "steps[0].tick.session", 4, "not opened by an earlier");
  expect_error("{" CFG ",\n\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\",\n"
               "  \"sdp\":[\"v=0\"], \"sdpx\":1}}]}",
               WCHG_E_JSON_KEY, "steps[0].invite.sdpx", 3, "unknown member \"sdpx\"");
  expect_error("{" CFG ",\"steps\":[],\"extra\":{}}", WCHG_E_JSON_KEY, "extra", 1, "unknown");
  /* wrong types */
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\",\"sdp\":5}}]}",
               WCHG_E_JSON_TYPE, "steps[0].invite.sdp", 1, "not an integer");
  expect_error("{" CFG ",\"steps\":[{\"at\":0.5,\"invite\":{\"session\":\"s\"}}]}",
               WCHG_E_JSON_TYPE, "steps[0].at", 1, "a real number");
  expect_error("{" CFG ",\"steps\":{}}", WCHG_E_JSON_TYPE, "steps", 1, "an object");
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\","
               "\"asserted_identity\":[\"sip:a@x\",7]}}]}",
               WCHG_E_JSON_TYPE, "steps[0].invite.asserted_identity[1]", 1, "a string");
  /* truncated text: Jansson's line and column */
  scn_error err;
  scenario *s = NULL;
  const char *cut = "{" CFG ",\n\"steps\":[{\"at\":0,";
  ck_assert_int_eq(scn_parse(cut, strlen(cut), &s, &err), WCHG_E_JSON);
  ck_assert_ptr_null(s);
  ck_assert_int_eq(err.line, 2);
  ck_assert_int_gt(err.column, 0);
  ck_assert_str_eq(err.path, "");
  ck_assert_int_eq(scn_parse("", 0, &s, &err), WCHG_E_JSON);
  const char *dup = "{" CFG ",\"steps\":[],\"steps\":[]}";
  ck_assert_int_eq(scn_parse(dup, strlen(dup), &s, &err), WCHG_E_JSON); /* duplicate member */
  /* values */
  expect_error("{" CFG ",\"steps\":[{\"at\":\"2026-02-29T00:00:00Z\",\"invite\":{\"session\":\"s\"}}]}",
               WCHG_E_RANGE, "steps[0].at", 1, "is not a time");
  expect_error("{" CFG ",\"users\":{\"../x\":{}},\"steps\":[]}", WCHG_E_RANGE, "users.../x", 1,
               "is not a name");
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"register\":{\"user\":\"nobody\"}}]}",
               WCHG_E_MISSING, "steps[0].register.user", 1, "no user \"nobody\"");
  expect_error("{" CFG ",\"users\":{\"u\":{}},\"steps\":[{\"at\":0,\"register\":{\"user\":\"u\","
               "\"flavour\":\"h5\"}}]}",
               WCHG_E_RANGE, "steps[0].register.flavour", 1, "\"h5\"");
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\"},"
               "\"bye\":{\"session\":\"s\"}}]}",
               WCHG_E_DUPLICATE, "steps[0].bye", 1, "a second action");
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\"},"
               "\"expect\":{\"error\":\"WCHG_E_NOPE\"}}]}",
               WCHG_E_RANGE, "steps[0].expect.error", 1, "not a wchg_status name");
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\"},"
               "\"expect\":{\"error\":\"WCHG_E_EMERGENCY\",\"record\":\"EVENT\"}}]}",
               WCHG_E_RANGE, "steps[0].expect.error", 1, "goes alone");
  expect_error("{\"steps\":[]}", WCHG_E_MISSING, "config", 1, "required");
  /* counts */
  char list[600] = "{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\",\"reason\":[";
  for (int i = 0; i < 17; i++)
    strcat(list, i ? ",\"x\"" : "\"x\"");
  strcat(list, "]}}]}");
  expect_error(list, WCHG_E_LIMIT, "steps[0].invite.reason", 1, "17 items");

  size_t cap = 64 + strlen(CFG) + 1025 * 48, n;
  char *many = malloc(cap);
  ck_assert_ptr_nonnull(many);
  n = (size_t)snprintf(many, cap, "{" CFG ",\"steps\":[");
  for (int i = 0; i < 1025; i++)
    n += (size_t)snprintf(many + n, cap - n, "%s{\"at\":0,\"invite\":{\"session\":\"s\"}}",
                          i ? "," : "");
  snprintf(many + n, cap - n, "]}");
  expect_error(many, WCHG_E_LIMIT, "steps", 1, "1025 steps");
  free(many);

  char *big = malloc(SCN_MAX_INPUT + 2);
  ck_assert_ptr_nonnull(big);
  memset(big, ' ', SCN_MAX_INPUT + 1);
  big[SCN_MAX_INPUT + 1] = '\0';
  expect_error(big, WCHG_E_LIMIT, "", 0, "bytes of JSON");
  free(big);
}
END_TEST

/* The "at" of a one-step scenario: Unix ms, or -1 when refused. */
static int64_t at_of(const char *at) {
  char text[512];
  scenario *s = NULL;
  scn_error err;
  snprintf(text, sizeof text, "{" CFG ",\"steps\":[{\"at\":\"%s\",\"tick\":{\"session\":"
           "\"s\"}}]}", at);
  if (scn_parse(text, strlen(text), &s, &err) != WCHG_OK) {
    /* only an unknown session, after the time was read */
    return err.code == WCHG_E_RANGE && strcmp(err.path, "steps[0].at") == 0 ? -1 : -2;
  }
  scn_free(s);
  return -3;
}

/* ISO-8601 times are counted by the library's TimeStamp (2000..2099);
 * the reader takes 1970..2099: a year before 2000 is counted 56 years
 * later and moved back. Values computed with date(1) -u +%s. */
START_TEST(reader_times) {
  static const char text[] = "{" CFG ",\"steps\":["
      "{\"at\":\"1970-01-01T00:00:00Z\",\"invite\":{\"session\":\"a\"}},"
      "{\"at\":\"1972-02-29T12:00:00.5+01:00\",\"invite\":{\"session\":\"b\"}},"
      "{\"at\":\"1999-12-31T23:59:59.999Z\",\"invite\":{\"session\":\"c\"}},"
      "{\"at\":\"2000-01-01T00:00:00-23:59\",\"invite\":{\"session\":\"d\"}},"
      "{\"at\":\"2026-11-24T09:00:00.12Z\",\"invite\":{\"session\":\"e\"}},"
      "{\"at\":\"2099-12-31T23:59:59+23:59\",\"invite\":{\"session\":\"f\"}}]}";
  static const int64_t want[] = {0, INT64_C(68209200500), INT64_C(946684799999),
                                 INT64_C(946771140000), INT64_C(1795510800120),
                                 INT64_C(4102358459000)};
  scenario *s = NULL;
  scn_error err;
  ck_assert_int_eq(scn_parse(text, sizeof text - 1, &s, &err), WCHG_OK);
  ck_assert_uint_eq(s->step_count, 6);
  for (size_t i = 0; i < 6; i++)
    ck_assert_msg(s->steps[i].at_ms == want[i], "step %zu: %" PRId64 ", want %" PRId64, i,
                  s->steps[i].at_ms, want[i]);
  scn_free(s);
  /* refused: before 1970 (also by its offset), after 2099, no such day,
   * out of range, not the format */
  static const char *const bad[] = {
      "1969-12-31T23:59:59Z", "1970-01-01T00:00:00+00:01", "2100-01-01T00:00:00Z",
      "1973-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
      "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z",
      "2026-01-01T00:00:00+24:00", "2026-01-01T00:00:00", "2026-01-01T00:00:00.Z",
      "2026-01-01T00:00:00.1234Z", "2026-1-01T00:00:00Z", "2026-01-01 00:00:00Z"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    ck_assert_msg(at_of(bad[i]) == -1, "%s: %" PRId64, bad[i], at_of(bad[i]));
  /* accepted (the tick then fails on its unknown session) */
  ck_assert_int_eq(at_of("1996-02-29T00:00:00Z"), -2);
  ck_assert_int_eq(at_of("2000-02-29T00:00:00Z"), -2);
}
END_TEST

/* Status names are the library's (wchg_status_name()): every code of
 * common.h, none other. */
START_TEST(reader_status_names) {
  char text[512];
  scenario *s = NULL;
  scn_error err;
  for (int code = 0; code >= -999; code--) {
    const char *name = wchg_status_name(code);
    if (!name)
      continue;
    snprintf(text, sizeof text, "{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":"
             "\"s\"},\"expect\":{\"error\":\"%s\"}}]}", name);
    ck_assert_msg(scn_parse(text, strlen(text), &s, &err) == WCHG_OK, "%s: %s", name,
                  err.message);
    ck_assert_int_eq(s->steps[0].expect.error, code);
    scn_free(s);
  }
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\"},"
               "\"expect\":{\"error\":\"wchg_e_state\"}}]}",
               WCHG_E_RANGE, "steps[0].expect.error", 1, "not a wchg_status name");
}
END_TEST

/* An expectation that does not hold is a mismatch with a reason; an
 * error nobody expected too. */
START_TEST(run_reports_mismatches) {
  static const char text[] =
      "{" CFG ",\"users\":{\"u\":{}},\"steps\":["
      "{\"at\":0,\"register\":{\"user\":\"u\",\"flavour\":\"ims\",\"impu\":\"sip:u@example.net\","
      "\"request\":{},\"response\":{\"status_code\":200,\"expires\":60}},"
      "\"expect\":{\"record\":\"EVENT\",\"cause_code\":486}},"
      "{\"at\":1,\"invite\":{\"session\":\"s\",\"user\":\"u\",\"request_uri\":\"sip:b@x\"},"
      "\"expect\":{\"record\":\"START\"}},"
      "{\"at\":2,\"bye\":{\"session\":\"s\"}},"
      "{\"at\":3,\"response\":{\"session\":\"s\",\"status_code\":200},"
      "\"expect\":{\"error\":\"WCHG_E_STATE\"}}]}";
  scenario *s = NULL;
  scn_error err;
  ck_assert_int_eq(scn_parse(text, sizeof text - 1, &s, &err), WCHG_OK);
  got_run *g = calloc(1, sizeof *g);
  scn_stats stats;
  ck_assert_ptr_nonnull(g);
  ck_assert_int_eq(scn_run(s, collect, g, &stats), 0);
  ck_assert_uint_eq(stats.mismatches, 4);
  ck_assert_msg(strstr(g->steps[0].mismatch, "Cause-Code 486, got -1"), "%s",
                g->steps[0].mismatch);
  ck_assert_msg(strstr(g->steps[1].mismatch, "expected record START, got NONE"), "%s",
                g->steps[1].mismatch);
  ck_assert_int_eq(g->steps[2].status, WCHG_E_STATE);   /* a BYE before any 2xx */
  ck_assert_msg(strstr(g->steps[2].mismatch, "WCHG_E_STATE"), "%s", g->steps[2].mismatch);
  ck_assert_msg(strstr(g->steps[3].mismatch, "expected WCHG_E_STATE"), "%s",
                g->steps[3].mismatch);
  got_free(g);
  free(g);
  scn_free(s);
}
END_TEST

/* ---- the ACA side (issue 18) ---------------------------------------------- */

typedef struct aca_got {
  char line[16][64];
  size_t n;
} aca_got;

/* One line per "aca" entry; every transmission is the ACR as first sent,
 * with the T flag once a verdict gave it back to resend. */
static int collect_aca(const scn_outcome *o, void *ud) {
  aca_got *g = ud;
  bool resent = false;
  ck_assert_msg(o->ok, "step %zu: %s", o->index, o->mismatch ? o->mismatch : "");
  for (size_t k = 0; k < o->exchange_count; k++) {
    const scn_exchange *x = &o->exchanges[k];
    ck_assert_uint_lt(g->n, 16);
    ck_assert_uint_eq(x->sent_len, o->msg_len);
    for (size_t i = 0; i < o->msg_len; i++)
      ck_assert_msg(x->sent[i] == (i == 4 && resent ? (o->msg[4] | WCHG_CMD_FLAG_T) : o->msg[i]),
                    "step %zu, aca[%zu]: octet %zu", o->index, k, i);
    ck_assert(x->aca->kind == SCN_ACA_LOST ? x->msg == NULL : x->msg != NULL);
    snprintf(g->line[g->n++], sizeof g->line[0], "%s#%u %s%s%s",
             scn_record_name(o->acr->accounting_record_type),
             (unsigned)o->acr->accounting_record_number,
             x->status == WCHG_OK ? wchg_ctf_verdict_name(x->answer.verdict)
                                  : wchg_status_name(x->status),
             x->status == WCHG_OK && x->answer.acct_interim_interval.present ? " ival" : "",
             x->status == WCHG_OK && x->answer.resend ? " resend" : "");
    resent = resent || (x->status == WCHG_OK && x->answer.resend);
  }
  return 0;
}

START_TEST(failover_scenario) {
  static const char *const want[] = {
      "EVENT#0 FAILOVER resend", "EVENT#0 DONE",       "START#0 FAILOVER resend",
      "START#0 DONE ival",       "INTERIM#1 FAILOVER resend", "INTERIM#1 DONE",
      "INTERIM#2 DONE",          "INTERIM#2 WCHG_E_DUPLICATE", "STOP#3 DONE",
      "EVENT#0 FAILED"};
  char *text;
  scenario *s = load("examples/scenarios/cdf_failover.json", &text);
  aca_got g;
  scn_stats stats;
  memset(&g, 0, sizeof g);
  ck_assert_int_eq(scn_run(s, collect_aca, &g, &stats), 0);
  ck_assert_uint_eq(stats.mismatches, 0);
  ck_assert_uint_eq(g.n, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < g.n; i++)
    ck_assert_str_eq(g.line[i], want[i]);
  scn_free(s);
  free(text);
}
END_TEST

static int keep_mismatch(const scn_outcome *o, void *ud) {
  if (o->mismatch)
    snprintf(ud, 640, "%s", o->mismatch);
  return 0;
}

START_TEST(aca_reader_and_mismatches) {
#define REG_STEP                                                                           \
  "{\"at\":0,\"register\":{\"user\":\"u\",\"flavour\":\"ims\",\"impu\":\"sip:u@example.net\","  \
  "\"request\":{},\"response\":{\"status_code\":200,\"expires\":60}},"
#define DOC(step) "{" CFG ",\"users\":{\"u\":{}},\"steps\":[" step "]}"
  expect_error(DOC("{\"at\":0,\"invite\":{\"session\":\"s\"},\"aca\":[{}]}"), WCHG_E_RANGE,
               "steps[0].aca", 1, "no record to answer");
  expect_error(DOC(REG_STEP "\"aca\":[{\"duplicate\":true}]}"), WCHG_E_RANGE,
               "steps[0].aca[0].duplicate", 1, "no ACA before it");
  expect_error(DOC(REG_STEP "\"aca\":[{\"lost\":true},{\"duplicate\":true}]}"), WCHG_E_RANGE,
               "steps[0].aca[1].duplicate", 1, "no ACA before it");
  expect_error(DOC(REG_STEP "\"aca\":[{\"lost\":true,\"result_code\":2001}]}"), WCHG_E_RANGE,
               "steps[0].aca[0].lost", 1, "no fields of its own");
  expect_error(DOC(REG_STEP "\"aca\":[{\"expect\":\"MAYBE\"}]}"), WCHG_E_RANGE,
               "steps[0].aca[0].expect", 1, "\"MAYBE\" is not DONE");
  expect_error(DOC(REG_STEP "\"aca\":[{\"rc\":1}]}"), WCHG_E_JSON_KEY, "steps[0].aca[0].rc", 1,
               "unknown member");
  expect_error(DOC(REG_STEP "\"aca\":[{},{},{},{},{},{},{},{},{}]}"), WCHG_E_LIMIT,
               "steps[0].aca", 1, "9 answers");
  expect_error(DOC(REG_STEP "\"aca\":{}}"), WCHG_E_JSON_TYPE, "steps[0].aca", 1, "an array");
  /* an expectation that does not hold, and an answer for no record */
  static const char *const texts[] = {
      DOC(REG_STEP "\"aca\":[{\"result_code\":3004,\"expect\":\"DONE\"}]}"),
      DOC(REG_STEP "\"aca\":[{},{\"expect\":\"DONE\"}]}"),
      DOC("{\"at\":0,\"message\":{\"request\":{},\"response\":{\"status_code\":200}},"
          "\"aca\":[{\"lost\":true,\"expect\":\"FAILOVER\"},{\"lost\":true,"
          "\"expect\":\"RESEND\"}]}"),
      DOC("{\"at\":0,\"invite\":{\"session\":\"s\"}},"
          "{\"at\":1,\"tick\":{\"session\":\"s\"},\"aca\":[{}]}")};
  static const char *const why[] = {"aca[0]: expected DONE, got FAILOVER",
                                    "aca[1]: expected DONE, got WCHG_E_DUPLICATE",
                                    "aca[1]: expected RESEND, got FAILOVER",
                                    "aca: the step gave no record"};
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    scenario *s = NULL;
    scn_error err;
    scn_stats stats;
    char mismatch[640] = "";
    ck_assert_int_eq(scn_parse(texts[i], strlen(texts[i]), &s, &err), WCHG_OK);
    ck_assert_int_eq(scn_run(s, keep_mismatch, mismatch, &stats), 0);
    ck_assert_uint_eq(stats.mismatches, 1);
    ck_assert_msg(strstr(mismatch, why[i]), "%s", mismatch);
    scn_free(s);
  }
#undef DOC
#undef REG_STEP
}
END_TEST

/* The SDP members of config and expect (issue 18): read strictly, and
 * an SDP body has no bound but the input's. */
START_TEST(reader_sdp_members) {
  static char text[64 * 1024];
  scenario *s = NULL;
  scn_error err;
  size_t n;
  expect_error("{\"config\":{\"origin_host\":\"p\",\"origin_realm\":\"r\",\"destination_realm\":"
               "\"r\",\"sdp_lines\":\"some\"},\"steps\":[]}",
               WCHG_E_RANGE, "config.sdp_lines", 1, "\"charging\", \"all\" or \"none\"");
  expect_error("{\"config\":{\"origin_host\":\"p\",\"origin_realm\":\"r\",\"destination_realm\":"
               "\"r\",\"sdp_policy\":1},\"steps\":[]}",
               WCHG_E_JSON_TYPE, "config.sdp_policy", 1, "a string");
  expect_error("{\"config\":{\"origin_host\":\"p\",\"origin_realm\":\"r\",\"destination_realm\":"
               "\"r\",\"sdp_max_bytes\":-1},\"steps\":[]}",
               WCHG_E_RANGE, "config.sdp_max_bytes", 1, "outside");
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\"},"
               "\"expect\":{\"error\":\"WCHG_E_STATE\",\"warnings\":1}}]}",
               WCHG_E_RANGE, "steps[0].expect.error", 1, "alone");
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\",\"sdp\":[]}}]}",
               WCHG_E_LIMIT, "steps[0].invite.sdp", 1, "no lines");
  expect_error("{" CFG ",\"steps\":[{\"at\":0,\"invite\":{\"session\":\"s\",\"sdp\":[1]}}]}",
               WCHG_E_JSON_TYPE, "steps[0].invite.sdp[0]", 1, "a string");
  /* 1000 lines, 40 KB: read, and the CTF sees every byte */
  n = (size_t)snprintf(text, sizeof text,
                       "{\"config\":{\"origin_host\":\"p\",\"origin_realm\":\"r\","
                       "\"destination_realm\":\"r\",\"sdp_lines\":\"all\",\"sdp_policy\":"
                       "\"strict\",\"sdp_max_bytes\":40000,\"sdp_max_media\":2},\"steps\":["
                       "{\"at\":0,\"invite\":{\"session\":\"s\",\"sdp\":[\"v=0\"");
  for (int k = 1; k < 1000; k++)
    n += (size_t)snprintf(text + n, sizeof text - n, ",\"a=x-%032d\"", k);
  snprintf(text + n, sizeof text - n, "]}}]}");
  ck_assert_int_eq(scn_parse(text, strlen(text), &s, &err), WCHG_OK);
  ck_assert_uint_eq(s->steps[0].ev.sdp.len, 5 + 999 * 38);
  ck_assert_int_eq(s->config.sdp_lines, WCHG_CTF_SDP_ALL);
  ck_assert_int_eq(s->config.sdp_policy, WCHG_POLICY_STRICT);
  ck_assert_uint_eq(s->config.sdp_limits.max_bytes, 40000);
  ck_assert_uint_eq(s->config.sdp_limits.max_media, 2);
  scn_free(s);
  /* the defaults */
  ck_assert_int_eq(scn_parse("{" CFG ",\"steps\":[]}", strlen("{" CFG ",\"steps\":[]}"), &s,
                             &err),
                   WCHG_OK);
  ck_assert_int_eq(s->config.sdp_lines, WCHG_CTF_SDP_CHARGING);
  ck_assert_int_eq(s->config.sdp_policy, WCHG_POLICY_RECEIVE);
  ck_assert_uint_eq(s->config.sdp_limits.max_bytes, 0);
  scn_free(s);
}
END_TEST

/* Expectations of warnings and SDP counts that do not hold. */
START_TEST(run_reports_sdp_mismatches) {
  static const char text[] =
      "{" CFG ",\"steps\":["
      "{\"at\":0,\"invite\":{\"session\":\"s\",\"request_uri\":\"sip:b@x\","
      "\"sdp\":[\"v=0\",\"m=audio 9 RTP/AVP 0\",\"a=sendrecv\",\"a=inactive\"]},"
      "\"expect\":{\"warnings\":0}},"
      "{\"at\":1,\"response\":{\"session\":\"s\",\"status_code\":200},"
      "\"expect\":{\"record\":\"START\",\"sdp_media\":2}},"
      "{\"at\":2,\"bye\":{\"session\":\"s\"},"
      "\"expect\":{\"warnings\":0,\"warning\":\"SDP\",\"sdp_descriptions\":1}}]}";
  scenario *s = NULL;
  scn_error err;
  scn_stats stats;
  got_run *g = calloc(1, sizeof *g);
  ck_assert_ptr_nonnull(g);
  ck_assert_int_eq(scn_parse(text, sizeof text - 1, &s, &err), WCHG_OK);
  ck_assert_int_eq(scn_run(s, collect, g, &stats), 0);
  ck_assert_uint_eq(stats.mismatches, 3);
  ck_assert_msg(strstr(g->steps[0].mismatch, "expected 0 warnings, got 1, the first: "
                                             "SDP/SDP-Media-Component[0]/SDP-Media-Description[1]"),
                "%s", g->steps[0].mismatch);
  ck_assert_msg(strstr(g->steps[1].mismatch, "expected 2 SDP-Media-Components with 2 "
                                             "SDP-Media-Descriptions, got 1 with 2"),
                "%s", g->steps[1].mismatch);
  ck_assert_msg(strstr(g->steps[2].mismatch, "the first warning: expected \"SDP\", got none"),
                "%s", g->steps[2].mismatch);
  got_free(g);
  free(g);
  scn_free(s);
}
END_TEST


/* ---- the demo's ACRs through the CDF (issue 5) --------------------------- */

/* Each ACR the demo produces, as bytes, into a CDF: the CDRs it gives,
 * in order, are what an operator's mediation would see for the demo. */
static int feed_cdf(const scn_outcome *o, void *ud) {
  wchg_cdf *cdf = ud;
  if (!o->msg)
    return 0;
  uint8_t aca[1024];
  size_t alen;
  wchg_cdf_result r;
  wchg_diag d;
  /* the CDF's clock: when the ACR arrives, say its Event-Timestamp */
  int64_t now = o->acr && o->acr->event_timestamp.present ? o->acr->event_timestamp.unix_ms
                                                           : 1795510800000LL;
  wchg_status st = wchg_cdf_feed_bytes(cdf, o->msg, o->msg_len, now, aca, sizeof aca, &alen, &r,
                                       &d);
  ck_assert_msg(st == WCHG_OK, "step %zu: %d %s: %s", o->index, st, d.path, d.message);
  ck_assert_uint_eq(r.result_code, 2001);
  ck_assert(!r.duplicate);
  return 0;
}

static wchg_cdr *next_cdr(wchg_cdf *cdf, int n) {
  const uint8_t *der;
  size_t len, used;
  wchg_cdr *cdr = NULL;
  wchg_diag d;
  char name[32];
  ck_assert_int_eq(wchg_cdf_peek(cdf, &der, &len), WCHG_OK);
  snprintf(name, sizeof name, "demo_cdf_%d", n);
  test_out_write(name, der, len);
  ck_assert_int_eq(wchg_cdr_decode(der, len, NULL, &cdr, &used, &d), WCHG_OK);
  ck_assert_uint_eq(used, len);
  wchg_cdf_pop(cdf);
  wchg_diag diags[8];
  size_t count = 0;
  wchg_status v = wchg_cdr_validate(cdr, WCHG_VALIDATE_WEBRTC, diags, 8, &count);
  ck_assert_msg(v == WCHG_OK, "CDR %d: %zu problems, first %s: %s", n, count, diags[0].path,
                diags[0].message);
  return cdr;
}

static void expect_str(wchg_str got, const char *want) {
  ck_assert_ptr_nonnull(got.ptr);
  ck_assert_uint_eq(got.len, strlen(want));
  ck_assert_mem_eq(got.ptr, want, got.len);
}

START_TEST(demo_through_cdf) {
  char *text;
  scenario *s = load("examples/scenarios/demo.json", &text);
  wchg_cdf_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.origin_host = WCHG_STR("cdf.example.net");
  cfg.origin_realm = WCHG_STR("example.net");
  cfg.utc_offset_minutes = 60;
  cfg.duplicate_memory = 16;
  wchg_cdf *cdf = wchg_cdf_new(&cfg);
  ck_assert_ptr_nonnull(cdf);
  ck_assert_int_eq(scn_run(s, feed_cdf, cdf, NULL), 0);
  /* nothing left open: every session of the demo ended */
  wchg_cdf_stats st;
  ck_assert_int_eq(wchg_cdf_stats_get(cdf, &st), WCHG_OK);
  ck_assert_uint_eq(st.open_sessions, 0);
  ck_assert_uint_eq(wchg_cdf_pending(cdf), 6);
  /* 1: alice's REGISTER (H.3) */
  wchg_cdr *c = next_cdr(cdf, 1);
  expect_str(c->ims.sip_method, "REGISTER");
  expect_str(c->ims.webrtc_authentication_function_name, "waf.example.net");
  expect_str(c->ims.webrtc_web_server_function_name, "wwsf.example.com");
  ck_assert(!c->record_sequence_number.present);
  wchg_cdr_free(c);
  /* 2: alice's call: START (audio + video), INTERIM (video dropped), STOP */
  c = next_cdr(cdf, 2);
  expect_str(c->ims.sip_method, "INVITE");
  ck_assert_uint_eq(c->ims.list_of_sdp_media_components.count, 2);
  const wchg_media_components_list *m = c->ims.list_of_sdp_media_components.items;
  ck_assert_uint_eq(m[0].sdp_media_components.count, 2);
  ck_assert_uint_eq(m[1].sdp_media_components.count, 2);
  ck_assert(m[0].sip_request_timestamp.present && m[1].sip_request_timestamp.present);
  wchg_str video = m[1].sdp_media_components.items[1].sdp_media_name;
  ck_assert_ptr_nonnull(video.ptr);
  ck_assert(video.len > 8 && !memcmp(video.ptr, "m=video 0", 9)); /* port 0: dropped */
  ck_assert(c->ims.service_delivery_start_time_stamp.present);
  ck_assert(c->ims.service_delivery_end_time_stamp.present);
  ck_assert_int_eq(c->cause_for_record_closing.value, WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY);
  ck_assert(!c->incomplete_cdr_indication.present);
  expect_str(c->ims.webrtc_authentication_function_name, "waf.example.net");
  wchg_cdr_free(c);
  /* 3: the H.4 pool user's REGISTER: the third party's WAF and WWSF */
  c = next_cdr(cdf, 3);
  expect_str(c->ims.sip_method, "REGISTER");
  expect_str(c->ims.webrtc_authentication_function_name, "waf.partner.example");
  expect_str(c->ims.webrtc_web_server_function_name, "shop.partner.example");
  wchg_cdr_free(c);
  /* 4: its MESSAGE, with the text/plain body */
  c = next_cdr(cdf, 4);
  expect_str(c->ims.sip_method, "MESSAGE");
  ck_assert_uint_eq(c->ims.list_of_message_bodies.count, 1);
  expect_str(c->ims.webrtc_web_server_function_name, "shop.partner.example");
  wchg_cdr_free(c);
  /* 5: its call failing with 486: one event record, unsuccessful */
  c = next_cdr(cdf, 5);
  expect_str(c->ims.sip_method, "INVITE");
  ck_assert_int_eq(c->cause_for_record_closing.value, WCHG_CAUSE_UNSUCCESSFUL_SERVICE_DELIVERY);
  expect_str(c->service_reason_return_code, "486");
  wchg_cdr_free(c);
  /* (the emergency call of the WIC gave no ACR, so no CDR) */
  /* 6: alice's de-registration */
  c = next_cdr(cdf, 6);
  expect_str(c->ims.sip_method, "REGISTER");
  expect_str(c->service_reason_return_code, "-3");
  wchg_cdr_free(c);
  ck_assert_uint_eq(wchg_cdf_pending(cdf), 0);
  wchg_cdf_free(cdf);
  scn_free(s);
  free(text);
}
END_TEST

/* ---- the demo's online charging (examples/scenario/online.c) ---------- */

typedef struct ro_got {
  char what[24][48];  /* "alice-call CCR-I#0", ... */
  char mscc[24][48];  /* its MSCCs: "<Rating-Group>[+rsu|+gsu][=<USU CC-Time or units>]" */
  size_t n;
  online *ro;
} ro_got;

static int ro_collect(const online_msg *m, void *ud) {
  ro_got *g = ud;
  wchg_dmsg d;
  wchg_diag diag;
  wchg_avp mscc, usu, a, ims;
  wchg_avp_iter it;
  size_t n = 0;
  ck_assert_uint_lt(g->n, 24);
  snprintf(g->what[g->n], sizeof g->what[0], "%s CC%c-%c#%u", m->session,
           m->request ? 'R' : 'A', "?IUTE"[m->cc_request_type], (unsigned)m->cc_request_number);
  g->mscc[g->n][0] = '\0';
  /* every message passes our strict reader; a CCR carries the WAF */
  ck_assert_msg(wchg_dmsg_parse(m->msg, m->len, 0, &d, &diag) == WCHG_OK, "%s: %s: %s",
                g->what[g->n], diag.path, diag.message);
  if (m->request)
    ck_assert(find(&d, NULL, 873, V3GPP, &ims) && find(&d, &ims, 876, V3GPP, &ims) &&
              find(&d, &ims, 657, V3GPP, &a));
  /* each MSCC: its rating group, a request or grant, the use it reports */
  wchg_avp_iter_group(&it, &d, NULL);
  while (wchg_avp_next(&it, &mscc)) {
    uint32_t rg = 0, t = 0;
    uint64_t v = 0;
    char *out = g->mscc[g->n];
    if (mscc.code != 456)
      continue;
    ck_assert(find(&d, &mscc, 432, 0, &a) && wchg_avp_u32(&a, &rg) == WCHG_OK);
    n += (size_t)snprintf(out + n, sizeof g->mscc[0] - n, "%s%u", n ? " " : "", rg);
    if (find(&d, &mscc, m->request ? 437 : 431, 0, &a))
      n += (size_t)snprintf(out + n, sizeof g->mscc[0] - n, m->request ? "+rsu" : "+gsu");
    if (find(&d, &mscc, 446, 0, &usu)) {
      if (find(&d, &usu, 420, 0, &a)) {
        wchg_avp_u32(&a, &t);
        v = t;
      } else {
        ck_assert(find(&d, &usu, 417, 0, &a));
        wchg_avp_u64(&a, &v);
      }
      n += (size_t)snprintf(out + n, sizeof g->mscc[0] - n, "=%" PRIu64, v);
    }
    ck_assert_uint_lt(n, sizeof g->mscc[0]);
  }
  g->n++;
  return 0;
}

static int ro_step(const scn_outcome *o, void *ud) {
  ro_got *g = ud;
  return online_step(g->ro, o, ro_collect, g);
}

/* The browser call's ACRs (the charging lines of 245-line bodies) fold
 * in the CDF: 2001 each, one CDR at the STOP. */
START_TEST(browser_scenario_through_cdf) {
  char *text;
  scenario *s = load("examples/scenarios/browser_call.json", &text);
  wchg_cdf_config cfg;
  wchg_cdf_stats st;
  memset(&cfg, 0, sizeof cfg);
  cfg.origin_host = WCHG_STR("cdf.example.net");
  cfg.origin_realm = WCHG_STR("example.net");
  wchg_cdf *cdf = wchg_cdf_new(&cfg);
  ck_assert_ptr_nonnull(cdf);
  ck_assert_int_eq(scn_run(s, feed_cdf, cdf, NULL), 0);
  ck_assert_int_eq(wchg_cdf_stats_get(cdf, &st), WCHG_OK);
  ck_assert_uint_eq(st.open_sessions, 0);
  ck_assert_uint_eq(st.acrs, 5);
  ck_assert_uint_eq(st.rejected, 0);
  ck_assert_uint_eq(wchg_cdf_pending(cdf), 2); /* the REGISTER's and the call's */
  wchg_cdr_free(next_cdr(cdf, 1));
  wchg_cdr *c = next_cdr(cdf, 2);
  ck_assert_uint_eq(c->ims.list_of_sdp_media_components.count, 3);
  ck_assert_uint_eq(
      c->ims.list_of_sdp_media_components.items[0].sdp_media_components.items[1]
          .sdp_media_descriptions.count,
      42);
  wchg_cdr_free(c);
  wchg_cdf_free(cdf);
  scn_free(s);
  free(text);
}
END_TEST

START_TEST(demo_online_charging) {
  static const struct {
    const char *what;
    const char *mscc;
  } want[] = {
      /* alice (H.3), audio (rating group 100) and video (101) in one
       * credit-control session: both asked for at the INVITE; the video
       * drop ends 101 alone (90.x s since the 200 OK, FINAL rounds up);
       * 100 reports its threshold (100 s) and the rest at the BYE */
      {"alice-call CCR-I#0", "100+rsu 101+rsu"}, {"alice-call CCA-I#0", "100+gsu 101+gsu"},
      {"alice-call CCR-U#1", "101=91"},          {"alice-call CCA-U#1", ""},
      {"alice-call CCR-U#2", "100+rsu=100"},     {"alice-call CCA-U#2", "100+gsu"},
      {"alice-call CCR-T#3", "100=84"},          {"alice-call CCA-T#3", ""},
      /* the H.4 pool user's MESSAGE: ECUR, 1 unit reserved, 1 used */
      {"guest-0042-message CCR-I#0", "100+rsu"}, {"guest-0042-message CCA-I#0", "100+gsu"},
      {"guest-0042-message CCR-T#1", "100=1"},   {"guest-0042-message CCA-T#1", ""},
      /* the call that fails with 486: nothing used; the emergency call:
       * nothing at all */
      {"guest-call CCR-I#0", "100+rsu"},         {"guest-call CCA-I#0", "100+gsu"},
      {"guest-call CCR-T#1", "100=0"},           {"guest-call CCA-T#1", ""},
  };
  char *text;
  scenario *s = load("examples/scenarios/demo.json", &text);
  ro_got g;
  memset(&g, 0, sizeof g);
  g.ro = online_new(s);
  ck_assert_ptr_nonnull(g.ro);
  ck_assert_int_eq(scn_run(s, ro_step, &g, NULL), 0);
  ck_assert_uint_eq(g.n, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < g.n; i++) {
    ck_assert_str_eq(g.what[i], want[i].what);
    ck_assert_str_eq(g.mscc[i], want[i].mscc);
  }
  online_free(g.ro);
  scn_free(s);
  free(text);
}
END_TEST

Suite *demo_suite(void) {
  Suite *s = suite_create("demo");
  TCase *tc = tcase_create("demo");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, demo_record_by_record);
  tcase_add_test(tc, demo_media_and_body);
  tcase_add_test(tc, all_scenarios_pass);
  tcase_add_test(tc, reader_errors);
  tcase_add_test(tc, reader_times);
  tcase_add_test(tc, reader_status_names);
  tcase_add_test(tc, run_reports_mismatches);
  tcase_add_test(tc, failover_scenario);
  tcase_add_test(tc, aca_reader_and_mismatches);
  tcase_add_test(tc, reader_sdp_members);
  tcase_add_test(tc, run_reports_sdp_mismatches);
  tcase_add_test(tc, demo_through_cdf);
  tcase_add_test(tc, browser_scenario_through_cdf);
  tcase_add_test(tc, demo_online_charging);
  suite_add_tcase(s, tc);
  return s;
}
