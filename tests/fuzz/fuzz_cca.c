/* fuzz_cca: arbitrary bytes as the CCA an online charging client reads,
 * in both policies (wchg_cca_parse_ex strict and receive; wchg_cca_parse
 * is receive). A failure must say what and where; without a warning
 * both policies answer alike (the same status, Result-Code and offset,
 * or the same struct); with warnings strict refuses with the first; a
 * CCA that parses must keep every view inside the input and its counts
 * within the capacities, and feeding what receive read to a credit state
 * waiting for its answer must not break the state's rules (a defined
 * action, request numbers that never go back).
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <string.h>
#include <stdint.h>
#include <stdlib.h>
#include <webrtc_chg/webrtc_chg.h>

static int inside(wchg_str s, const uint8_t *data, size_t size) {
  const uint8_t *p = (const uint8_t *)s.ptr;
  return !p || (p >= data && p + s.len <= data + size);
}

/* Send what |a| asks (checking it: numbers in sequence, one MSCC per
 * group at most, no request in a CCR-T), answered with |cca| renumbered,
 * while answers ask for more. */
static void serve(wchg_credit *c, const wchg_cca *cca, wchg_credit_action *a, int64_t t,
                  uint32_t *next, int *terminations) {
  for (int k = 0; a->send && k < 4; k++) {
    if (a->cc_request_number != (*next)++ || a->n_mscc > c->n_groups ||
        (a->send == 2 && !a->n_mscc) || a->send == 1 || a->send == 4)
      abort();
    for (size_t i = 0; i < a->n_mscc; i++) {
      if (a->mscc[i].group >= c->n_groups || (a->send == 3 && a->mscc[i].request))
        abort();
      for (size_t j = 0; j < i; j++)
        if (a->mscc[j].group == a->mscc[i].group)
          abort();
    }
    *terminations += a->send == 3;
    wchg_cca again = *cca;
    again.cc_request_type = a->send;
    again.cc_request_number = a->cc_request_number;
    if (wchg_credit_on_cca(c, &again, t + 50, a) != WCHG_OK)
      abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static wchg_cca cca, strict;
  wchg_diag d, sd, items[4];
  wchg_warnings w = {items, 4, 0};
  wchg_status st = wchg_cca_parse_ex(data, size, WCHG_POLICY_STRICT, &strict, &sd, NULL);
  wchg_status rt = wchg_cca_parse_ex(data, size, WCHG_POLICY_RECEIVE, &cca, &d, &w);
  if ((st != WCHG_OK && (sd.code == WCHG_OK || (sd.offset != WCHG_NO_OFFSET && sd.offset > size))))
    abort();
  if (w.count) {
    if (st != WCHG_E_DIAMETER || sd.result_code != items[0].result_code ||
        sd.offset != items[0].offset)
      abort();
  } else if (st != rt || (st != WCHG_OK && (sd.result_code != d.result_code ||
                                            sd.offset != d.offset)) ||
             (st == WCHG_OK && memcmp(&strict, &cca, sizeof cca))) {
    abort();
  }
  if (rt != WCHG_OK) {
    if (d.code == WCHG_OK || (d.offset != WCHG_NO_OFFSET && d.offset > size))
      abort();
    return 0;
  }
  if (cca.n_mscc > WCHG_CCA_MAX_MSCC || !inside(cca.session_id, data, size) ||
      !inside(cca.origin_host, data, size) || !inside(cca.origin_realm, data, size) ||
      !inside(cca.cost_information.cost_unit, data, size))
    abort();
  for (size_t i = 0; i < cca.n_mscc; i++)
    if (cca.mscc[i].n_service_identifiers > WCHG_CCA_MAX_SERVICE_IDENTIFIERS ||
        !inside(cca.mscc[i].final_unit_indication.redirect_server_address, data, size))
      abort();
  /* the answer to a CCR-I (it is one when it echoes type 1, number 0):
   * whatever it grants, ticks, media changes and the end keep the
   * numbers in sequence, each CCR's MSCCs well formed, and end with at
   * most one CCR-T */
  wchg_credit c;
  wchg_credit_action a;
  size_t video = 0;
  /* each kind of credit state (ro.h): a CCA is 4-aligned, so its length
   * alone would pick one; its last byte moves the choice */
  switch ((size / 4 + (size ? data[size - 1] : 0)) % 4) {
  case 0:
    wchg_credit_init(&c, WCHG_INT(1), (wchg_opt_int){false, 0}, 60);
    break;
  case 1:
    wchg_credit_init_session(&c, WCHG_INT(1), (wchg_opt_int){false, 0}, 60);
    break;
  case 2:
    wchg_credit_init_event(&c, WCHG_INT(1), (wchg_opt_int){false, 0}, 2);
    break;
  default: /* two rating groups in one session (the demo's audio and video) */
    wchg_credit_init_session(&c, WCHG_INT(100), WCHG_INT(1000), 60);
    if (wchg_credit_add_group(&c, WCHG_INT(101), WCHG_INT(1000), 30, 0, &video, &a) != WCHG_OK ||
        a.send || video != 1)
      abort();
  }
  if (wchg_credit_begin(&c, 0, &a) != WCHG_OK || a.send != 1 || a.cc_request_number != 0 ||
      a.n_mscc != c.n_groups)
    abort();
  uint32_t next = 1;
  int terminations = 0;
  wchg_status rc = wchg_credit_on_cca(&c, &cca, 100, &a);
  if (rc != WCHG_OK && rc != WCHG_E_STATE)
    abort();
  if (rc == WCHG_E_STATE && (cca.cc_request_type == 1 && cca.cc_request_number == 0))
    abort(); /* an echo of the CCR-I must be taken */
  serve(&c, &cca, &a, 100, &next, &terminations);
  for (int64_t t = 1000; t <= 600000; t += 7000) {
    if (t == 8000 && c.kind == WCHG_CREDIT_SESSION) {
      rc = wchg_credit_answered(&c, t, &a);
      if ((rc != WCHG_OK && rc != WCHG_E_STATE) || a.send)
        abort();
    } else if (t == 99000 && c.n_groups > 1) {
      if (wchg_credit_group_end(&c, video, t, &a) != WCHG_OK)
        abort();
    } else if (t == 50000 && c.kind != WCHG_CREDIT_EVENT) {
      rc = wchg_credit_media_change(&c, t, &a);
      if (rc != WCHG_OK && rc != WCHG_E_STATE)
        abort();
      if (rc != WCHG_OK)
        continue;
    } else if (wchg_credit_tick(&c, t, &a) != WCHG_OK) {
      abort();
    }
    serve(&c, &cca, &a, t, &next, &terminations);
  }
  if (wchg_credit_end(&c, 700000, 1, &a) != WCHG_OK)
    abort();
  terminations += a.send == 3;
  if (terminations > 1)
    abort();
  return 0;
}
