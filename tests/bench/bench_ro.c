/* bench_ro: Ro online charging (ro.h, issue 6), all measured in this run:
 *
 *   ro_ccr_update_encode: wchg_ccr_encode of a CCR-UPDATE of a WIC user's
 *     H.3 call as the IMS-GWF of the S-CSCF sends it after a re-INVITE
 *     changed the media: Node-Functionality S-CSCF, the session's full
 *     IMS-Information (the Rf sample's, tests/unit/rf_samples.c, with the
 *     WAF/WWSF identities 657/658), two Subscription-Ids, one MSCC {RSU
 *     {CC-Time}, USU {CC-Time, CC-Input/Output-Octets}, Service-
 *     Identifier, Rating-Group, Reporting-Reason RATING_CONDITION_CHANGE,
 *     Trigger {CHANGE_IN_MEDIA_COMPOSITION}}. The model is built once;
 *     each op sets the CC-Request-Number and End-to-End id and encodes.
 *     Against freeDiameter 1.2.1 building the same AVPs (fd_msg_new,
 *     fd_msg_avp_new/setvalue/add for each, fd_msg_bufferize, free) with
 *     the same two values set per op; its models are looked up once,
 *     outside the timing, and its values handed over pre-encoded (Time
 *     and Address as octets), so it does less work than our encoder,
 *     which also checks the model (ro.h rules) before writing.
 *   ro_cca_parse: wchg_cca_parse (the strict check of wchg_dmsg_parse, CCA
 *     ABNF and MSCC groups included, then the mapping into the fixed
 *     wchg_cca) of a CCA-UPDATE built once with our Diameter writer:
 *     Result-Code 2001, two MSCCs {GSU {CC-Time}, Service-Identifier,
 *     Rating-Group, Validity-Time, Result-Code, Time-Quota-Threshold; the
 *     second with a Final-Unit-Indication TERMINATE instead of the last
 *     two}, Cost-Information. Against freeDiameter fd_msg_parse_buffer +
 *     fd_msg_parse_dict, and + fd_msg_parse_rules (the closer one: ours
 *     checks the occurrence rules too), each op including the malloc'd
 *     copy freeDiameter takes ownership of and fd_msg_free; freeDiameter
 *     does not map the values into a struct.
 *
 * freeDiameter runs with the two dictionaries of fd_ref.h: "stockdict"
 * (the core's plus dict_nasreq, dict_dcca and dict_dcca_3gpp, with the
 * AVPs of the CCR and CCA they lack declared from our table) and
 * "ourdict" (wchg_dict_avps() declared with fd_dict_new).
 *
 * Prints: bench NAME ns_per_op=X ref=REF ref_ns_per_op=Y speedup=Y/X (info:
 * ...): issue 6 sets no speed target. Then allocs_per_op of our encode
 * (issue 6: 0) and of our parse (ro.h: allocates nothing), met/MISSED; a
 * miss does not fail the run. Exit 1 only when the set-up fails or the
 * messages disagree with a reader: ours refuses the CCR or the CCA, or
 * freeDiameter cannot read them (parse_buffer + parse_dict).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/diameter.h>
#include <webrtc_chg/ro.h>

#include "rf_samples.h" /* ro_ccr_base: the IMS-GWF's CCR of the H.3 call */

#include "bench_util.h"
#include "fd_ref.h"

static volatile size_t sink;

/* ------------------------------------------------------------------ */
/* The CCR-UPDATE                                                      */
/* ------------------------------------------------------------------ */

static const wchg_subscription_id ccr_subscriptions[] = {
    {WCHG_INT(WCHG_END_USER_SIP_URI), WCHG_STR("sip:alice@ims.example.com")},
    {WCHG_INT(WCHG_END_USER_E164), WCHG_STR("15551234567")}};
static const int32_t ccr_triggers[] = {40}; /* CHANGE_IN_MEDIA_COMPOSITION */
static const wchg_service_unit ccr_used = {.present = true,
                                           .cc_time = WCHG_INT(47),
                                           .has_cc_input_octets = true,
                                           .cc_input_octets = 1884160,
                                           .has_cc_output_octets = true,
                                           .cc_output_octets = 1769472};
static const wchg_mscc ccr_mscc = {
    .requested_service_unit = {.present = true, .cc_time = WCHG_INT(60)},
    .used_service_units = &ccr_used,
    .n_used_service_units = 1,
    .service_identifier = WCHG_INT(1),
    .rating_group = WCHG_INT(100),
    .reporting_reason = WCHG_INT(WCHG_RR_RATING_CONDITION_CHANGE),
    .trigger = true,
    .trigger_types = ccr_triggers,
    .n_trigger_types = 1};

static void ccr_update(wchg_ccr *c) {
  ro_ccr_base(c, WCHG_CC_UPDATE, 1);
  c->hop_by_hop = 0x01020305;
  c->end_to_end = 0x05060709;
  c->origin_host = WCHG_STR("imsgwf1.ims.example.com");
  c->destination_host = WCHG_STR("ocs1.ims.example.com");
  c->origin_state_id = WCHG_INT(7);
  c->event_timestamp = WCHG_TIME_MS(1795510851000LL);
  c->mscc = &ccr_mscc;
  c->n_mscc = 1;
  c->ims.list_of_subscription_id = (wchg_subscription_id_list){ccr_subscriptions, 2};
}

/* freeDiameter's CCR takes the values our encoder gets per op: the node
 * of the CC-Request-Number in its tree, and the End-to-End id. */
static size_t ccr_number_node;
static void ccr_vary(struct fd_tree *t, long i) {
  t->nodes[ccr_number_node].num = (uint32_t)i + 1;
  t->end_to_end = (uint32_t)i;
}

/* ------------------------------------------------------------------ */
/* The CCA-UPDATE                                                      */
/* ------------------------------------------------------------------ */

/* One MSCC of the answer; 0: left out. */
static const struct cca_grant {
  uint32_t service_identifier, rating_group, cc_time;
  uint32_t validity_time, result_code, time_quota_threshold;
  int final_unit_action; /* -1: no Final-Unit-Indication */
} cca_grants[] = {
    {1, 100, 60, 600, 2001, 10, -1},
    {2, 200, 30, 0, 0, 0, WCHG_FUA_TERMINATE},
};

static void cca_mscc(wchg_dwriter *w, const struct cca_grant *g) {
  wchg_dw_group_begin(w, 456, 0);                 /* Multiple-Services-Credit-Control */
  wchg_dw_group_begin(w, 431, 0);                 /* Granted-Service-Unit */
  wchg_dw_u32(w, 420, 0, g->cc_time);             /* CC-Time */
  wchg_dw_group_end(w);
  wchg_dw_u32(w, 439, 0, g->service_identifier);
  wchg_dw_u32(w, 432, 0, g->rating_group);
  if (g->validity_time)
    wchg_dw_u32(w, 448, 0, g->validity_time);
  if (g->result_code)
    wchg_dw_u32(w, 268, 0, g->result_code);
  if (g->final_unit_action >= 0) {
    wchg_dw_group_begin(w, 430, 0);               /* Final-Unit-Indication */
    wchg_dw_i32(w, 449, 0, g->final_unit_action);
    wchg_dw_group_end(w);
  }
  if (g->time_quota_threshold)
    wchg_dw_u32(w, 868, 10415, g->time_quota_threshold);
  wchg_dw_group_end(w);
}

static wchg_status cca_update(uint8_t *buf, size_t cap, size_t *len) {
  static const char sid[] = "imsgwf1.ims.example.com;1795510800;7;h3-call";
  wchg_dwriter w;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL, WCHG_APP_CREDIT_CONTROL,
                 0x01020305, 0x05060709);
  wchg_dw_utf8(&w, 263, 0, sid, sizeof sid - 1);  /* Session-Id */
  wchg_dw_u32(&w, 268, 0, 2001);                  /* Result-Code: DIAMETER_SUCCESS */
  wchg_dw_octets(&w, 264, 0, "ocs1.ims.example.com", 20);
  wchg_dw_octets(&w, 296, 0, "ims.example.com", 15);
  wchg_dw_u32(&w, 258, 0, WCHG_APP_CREDIT_CONTROL);
  wchg_dw_i32(&w, 416, 0, WCHG_CC_UPDATE);
  wchg_dw_u32(&w, 415, 0, 1);                     /* CC-Request-Number */
  for (size_t i = 0; i < sizeof cca_grants / sizeof cca_grants[0]; i++)
    cca_mscc(&w, &cca_grants[i]);
  wchg_dw_group_begin(&w, 423, 0);                /* Cost-Information: 1.25 EUR */
  wchg_dw_group_begin(&w, 445, 0);                /* Unit-Value */
  wchg_dw_i64(&w, 447, 0, 125);                   /* Value-Digits */
  wchg_dw_i32(&w, 429, 0, -2);                    /* Exponent */
  wchg_dw_group_end(&w);
  wchg_dw_u32(&w, 425, 0, 978);                   /* Currency-Code */
  wchg_dw_group_end(&w);
  return wchg_dw_finish(&w, len);
}

/* What wchg_cca_parse must have read from cca_update. */
static bool cca_as_built(const wchg_cca *a) {
  const wchg_cca_mscc *m = a->mscc;
  return a->result_code == 2001 && a->cc_request_type == WCHG_CC_UPDATE &&
         a->cc_request_number == 1 && a->n_mscc == 2 && m[0].result_code.value == 2001 &&
         m[0].granted_service_unit.cc_time.value == 60 && m[0].validity_time.value == 600 &&
         m[0].time_quota_threshold.value == 10 && !m[0].final_unit_indication.present &&
         m[1].rating_group.value == 200 && m[1].final_unit_indication.present &&
         m[1].final_unit_indication.final_unit_action == WCHG_FUA_TERMINATE &&
         a->cost_information.present && a->cost_information.value_digits == 125;
}

/* ------------------------------------------------------------------ */

/* Parse |buf| with our reader into |m| and collect it into |t|. */
static int read_ours(const char *what, const uint8_t *buf, size_t len, wchg_dmsg *m,
                     struct fd_tree *t) {
  wchg_diag d;
  if (wchg_dmsg_parse(buf, len, 0, m, &d) != WCHG_OK) {
    fprintf(stderr, "bench: our reader refuses the %s: offset %zu: %s: %s (Result-Code %u)\n",
            what, d.offset, d.path, d.message, (unsigned)d.result_code);
    return -1;
  }
  if (fd_tree_collect(t, m) != 0) {
    fprintf(stderr, "bench: the %s has more than %d AVPs\n", what, FD_MAX_NODES);
    return -1;
  }
  printf("message: %s, %zu AVPs, %zu bytes\n", what, t->n, len);
  return 0;
}

int main(int argc, char **argv) {
  long iters = argc > 1 ? atol(argv[1]) : 20000;
  static struct fd_tree ccr_tree, cca_tree;
  uint8_t ccr[4096], cca[2048], out[4096];
  size_t ccr_len = 0, cca_len = 0, n = 0;
  wchg_ccr c;
  wchg_cca a;
  wchg_dmsg m;
  wchg_diag d;

  ccr_update(&c);
  if (wchg_ccr_encode(&c, ccr, sizeof ccr, &ccr_len, &d) != WCHG_OK) {
    fprintf(stderr, "bench: the CCR-UPDATE does not encode: %s: %s\n", d.path, d.message);
    return 1;
  }
  if (read_ours("CCR-UPDATE", ccr, ccr_len, &m, &ccr_tree) != 0)
    return 1;
  if (cca_update(cca, sizeof cca, &cca_len) != WCHG_OK) {
    fprintf(stderr, "bench: the CCA-UPDATE does not build\n");
    return 1;
  }
  if (read_ours("CCA-UPDATE", cca, cca_len, &m, &cca_tree) != 0)
    return 1;
  if (wchg_cca_parse(cca, cca_len, &a, &d) != WCHG_OK) {
    fprintf(stderr, "bench: wchg_cca_parse refuses the CCA: %s: %s\n", d.path, d.message);
    return 1;
  }
  if (!cca_as_built(&a)) {
    fprintf(stderr, "bench: wchg_cca_parse reads other values than the CCA's\n");
    return 1;
  }
  ccr_number_node = fd_tree_find(&ccr_tree, 415); /* CC-Request-Number */
  if (ccr_number_node == ccr_tree.n) {
    fprintf(stderr, "bench: the CCR has no CC-Request-Number\n");
    return 1;
  }

  /* freeDiameter: with its own dictionaries when installed, and with ours */
  static struct fd_refs refs;
  if (fd_refs_setup(&refs, &ccr_tree, "Credit-Control-Request", &cca_tree) != 0)
    return 1;
  int bad = 0;
  for (size_t r = 0; r < refs.n; r++) {
    const struct fdref *fd = refs.list[r];
    const char *why = "?";
    int rc = fd_compare(fd, ccr, ccr_len, "CCR", "CCR and CCA");
    if (rc < 0)
      return 1;
    bad |= rc;
    int dict_rc = fd_parse(fd, cca, cca_len, false, &why);
    printf("%s: reads the CCA with parse_dict: %s", fd->label, dict_rc ? why : "ok");
    printf(", with parse_rules too: %s\n", fd_parse(fd, cca, cca_len, true, &why) ? why : "ok");
    bad |= dict_rc != 0;
  }
  if (bad) {
    fprintf(stderr, "bench: freeDiameter cannot read our CCR or CCA\n");
    return 1;
  }

  /* ours */
  double ours_enc, ours_parse;
  MEASURE(ours_enc, iters, {
    c.cc_request_number = (uint32_t)i_ + 1;
    c.end_to_end = (uint32_t)i_;
    wchg_ccr_encode(&c, out, sizeof out, &n, NULL);
    sink += n;
  });
  MEASURE(ours_parse, iters, { sink += wchg_cca_parse(cca, cca_len, &a, NULL) == WCHG_OK; });
  allocs = 0;
  for (long i = 0; i < 1000; i++) {
    c.cc_request_number = (uint32_t)i + 1;
    c.end_to_end = (uint32_t)i;
    wchg_ccr_encode(&c, out, sizeof out, &n, NULL);
  }
  double enc_allocs = allocs / 1000.0;
  allocs = 0;
  for (long i = 0; i < 1000; i++)
    wchg_cca_parse(cca, cca_len, &a, NULL);
  double parse_allocs = allocs / 1000.0;

  /* freeDiameter: build+bufferize, parse_buffer+parse_dict(+parse_rules) */
  char ref[128];
  for (size_t r = 0; r < refs.n; r++) {
    const struct fdref *fd = refs.list[r];
    double fd_enc = fd_time_encode(fd, iters / 20 + 1, ccr_vary);
    snprintf(ref, sizeof ref, "%s-build+bufferize", fd->label);
    info("ro_ccr_update_encode", ours_enc, ref, fd_enc,
         "no speed target in issue 6; freeDiameter's models looked up outside the timing");
    double fd_dict_ns = fd_time_parse(fd, cca, cca_len, false, iters / 20 + 1);
    snprintf(ref, sizeof ref, "%s-parse_buffer+parse_dict", fd->label);
    info("ro_cca_parse", ours_parse, ref, fd_dict_ns,
         "no speed target in issue 6; ours checks the occurrence rules too, parse_dict does not");
    if (fd_parse(fd, cca, cca_len, true, NULL) == 0) {
      double fd_rules_ns = fd_time_parse(fd, cca, cca_len, true, iters / 20 + 1);
      snprintf(ref, sizeof ref, "%s-parse_buffer+parse_dict+parse_rules", fd->label);
      info("ro_cca_parse", ours_parse, ref, fd_rules_ns, "no speed target in issue 6");
    }
  }
  printf("bench ro_ccr_update_encode allocs_per_op=%.2f (target 0: %s)\n", enc_allocs,
         enc_allocs == 0 ? "met" : "MISSED");
  printf("bench ro_cca_parse allocs_per_op=%.2f (target 0: %s)\n", parse_allocs,
         parse_allocs == 0 ? "met" : "MISSED");
  return 0;
}
