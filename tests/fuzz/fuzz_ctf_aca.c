/* fuzz_ctf_aca: arbitrary bytes as the ACA a CDF sends back to the CTF
 * (ctf_aca.h). A session has its START and an INTERIM outstanding, a
 * tracker an EVENT; the bytes are read, then given to both. The contract:
 * - wchg_ctf_aca_read() accepts or refuses with a code of its list and a
 *   path under "ACA"; what it accepts has views inside the input only;
 * - an answer call fails exactly when the read does, or with a matching
 *   error (WCHG_E_STATE, WCHG_E_DUPLICATE, WCHG_E_MISSING), and then
 *   nothing outstanding changed;
 * - an accepted answer has the read's verdict; DONE and FAILED end one
 *   ACR, RESEND and FAILOVER keep it and give back the bytes sent with
 *   only the T flag added; the same bytes once more are never accepted
 *   after an ACR ended.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/webrtc_chg.h>

static const wchg_ctf_config CFG = {
    .origin_host = {"epcscf.example.net", 18},
    .origin_realm = {"example.net", 11},
    .destination_realm = {"example.net", 11},
    .acct_interim_interval = {true, 60},
};

static int inside(wchg_str s, const uint8_t *data, size_t size) {
  const uint8_t *q = (const uint8_t *)s.ptr;
  return !q || (q >= data && q + s.len <= data + size);
}

static int known(wchg_status rc) {
  return rc == WCHG_E_TRUNCATED || rc == WCHG_E_TRAILING || rc == WCHG_E_LENGTH ||
         rc == WCHG_E_DIAMETER || rc == WCHG_E_DUPLICATE || rc == WCHG_E_MISSING;
}

/* The copies sent, to compare resends with. */
static uint8_t sent[3][2048];
static size_t sent_len[3];

static void send_copy(wchg_ctf_session *s, wchg_ctf_pending *p, wchg_ctf_record *r, int k) {
  const uint8_t *msg = NULL;
  size_t len = 0;
  wchg_status rc = s ? wchg_ctf_session_send(s, wchg_ctf_record_acr(r), &msg, &len, NULL)
                     : wchg_ctf_pending_send(p, wchg_ctf_record_acr(r), &msg, &len, NULL);
  if (rc != WCHG_OK || len > sizeof sent[k])
    abort();
  memcpy(sent[k], msg, len);
  sent_len[k] = len;
}

/* The START (e2e 0x5A5A0001) and an INTERIM (no e2e) of the session
 * "epcscf.example.net;1;1"; the EVENT "epcscf.example.net;1;2". */
static void prepare(wchg_ctf_session *s, wchg_ctf_pending *p, wchg_ctf_record *r) {
  wchg_sip_event inv, ok, req, resp;
  memset(&inv, 0, sizeof inv);
  inv.time_ms = 1795510800000LL;
  inv.method = (wchg_str){"INVITE", 6};
  inv.call_id = (wchg_str){"fuzz@x", 6};
  ok = inv;
  ok.status_code = 200;
  if (wchg_ctf_session_begin(s, NULL, 0, (1ull << 32) | 1, &inv, r, NULL) != WCHG_OK ||
      wchg_ctf_session_event(s, &ok, r, NULL) != WCHG_OK)
    abort();
  wchg_ctf_record_acr(r)->end_to_end = 0x5A5A0001;
  send_copy(s, NULL, r, 0);
  if (wchg_ctf_session_tick(s, inv.time_ms + 60000, r, NULL) != WCHG_OK)
    abort();
  send_copy(s, NULL, r, 1);
  req = inv;
  req.method = (wchg_str){"MESSAGE", 7};
  resp = req;
  resp.status_code = 200;
  if (wchg_ctf_standalone(&CFG, NULL, 0, (1ull << 32) | 2, &req, &resp, r, NULL) != WCHG_OK)
    abort();
  send_copy(NULL, p, r, 2);
}

/* An accepted answer against what was sent: |before| outstanding. */
static void check_answer(const wchg_ctf_answer *a, const wchg_ctf_answer *read, size_t before,
                         size_t after) {
  if (a->verdict != read->verdict)
    abort();
  if (a->verdict == WCHG_CTF_DONE || a->verdict == WCHG_CTF_FAILED) {
    if (after != before - 1 || a->resend)
      abort();
    return;
  }
  if (after != before || !a->resend || a->resends == 0)
    abort();
  int k = a->accounting_record_type == WCHG_ACR_EVENT ? 2
          : a->accounting_record_type == WCHG_ACR_START ? 0
                                                         : 1;
  if (a->resend_len != sent_len[k] || a->resend[4] != (sent[k][4] | WCHG_CMD_FLAG_T) ||
      memcmp(a->resend, sent[k], 4) != 0 ||
      memcmp(a->resend + 5, sent[k] + 5, sent_len[k] - 5) != 0)
    abort();
}

/* Give |data| to the answer call of the session (|p| NULL) or tracker. */
static void give(wchg_ctf_session *s, wchg_ctf_pending *p, const uint8_t *data, size_t size,
                 wchg_status read_rc, const wchg_ctf_answer *read) {
  wchg_ctf_answer a;
  wchg_diag d;
  size_t before = p ? wchg_ctf_pending_outstanding(p) : wchg_ctf_session_outstanding(s);
  wchg_status rc = p ? wchg_ctf_pending_answer(p, data, size, &a, &d)
                     : wchg_ctf_session_answer(s, data, size, &a, &d);
  size_t after = p ? wchg_ctf_pending_outstanding(p) : wchg_ctf_session_outstanding(s);
  if (read_rc != WCHG_OK) {
    if (rc != read_rc || after != before)
      abort();
    return;
  }
  if (rc != WCHG_OK) {
    if ((rc != WCHG_E_STATE && rc != WCHG_E_DUPLICATE && rc != WCHG_E_MISSING) ||
        after != before || d.code != rc || strncmp(d.path, "ACA/", 4) != 0)
      abort();
    return;
  }
  check_answer(&a, read, before, after);
  if (a.verdict != WCHG_CTF_DONE && a.verdict != WCHG_CTF_FAILED)
    return;
  /* the same answer again: the ACR it ended is gone, and no other one
   * fits it (one that did would have made the first ambiguous) */
  rc = p ? wchg_ctf_pending_answer(p, data, size, &a, &d)
         : wchg_ctf_session_answer(s, data, size, &a, &d);
  if (rc == WCHG_OK)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wchg_ctf_answer read;
  wchg_diag d;
  wchg_status rc = wchg_ctf_aca_read(data, size, &read, &d);
  if (rc != WCHG_OK) {
    if (!known(rc) || d.code != rc || strncmp(d.path, "ACA", 3) != 0 || !d.message[0])
      abort();
  } else {
    /* the Experimental-Result-Code decides when there is one (0 is one too) */
    uint32_t code = read.experimental_result_code ? read.experimental_result_code
                                                  : read.result_code;
    if (!inside(read.session_id, data, size) || !inside(read.origin_host, data, size) ||
        !inside(read.error_message, data, size) || read.resend ||
        (read.verdict != wchg_ctf_result_verdict(code) && read.verdict != WCHG_CTF_FAILED))
      abort();
  }
  wchg_ctf_session *s = wchg_ctf_session_new(&CFG);
  wchg_ctf_pending *p = wchg_ctf_pending_new(NULL, 2);
  wchg_ctf_record *r = wchg_ctf_record_new(NULL);
  if (!s || !p || !r)
    abort();
  prepare(s, p, r);
  give(s, NULL, data, size, rc, &read);
  give(NULL, p, data, size, rc, &read);
  wchg_ctf_record_free(r);
  wchg_ctf_pending_free(p);
  wchg_ctf_session_free(s);
  return 0;
}
