/* fuzz_scenario: arbitrary text into the scenario reader of webrtc_call
 * (examples/scenario/, linked into this target). A text it refuses
 * must say why; a text it accepts is replayed through the charging
 * trigger function (ctf.h), and every ACR the CTF produces must encode
 * and parse back with wchg_dmsg_parse() (the runner checks both), under
 * the SDP policies, line policies and limits the text chooses; every
 * warning the CTF gives (issue 18: an SDP problem accepted) names an SDP
 * path, a sentence and a strict error code, and a step that gave one
 * succeeded. A step's "aca" entries go through the CTF's answer path
 * (ctf_aca.h): every resend it gives back is the ACR as encoded with the
 * T flag set, and a lost answer gets no ACA.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <stdlib.h>
#include <string.h>

#include "scenario.h" /* examples/scenario/ */

static int on_step(const scn_outcome *o, void *user_data) {
  (void)user_data;
  /* an ACR the CTF produced that does not encode, or encodes to a
   * message our own reader refuses */
  if (o->acr && !o->msg)
    abort();
  for (size_t k = 0; k < o->exchange_count; k++) {
    const scn_exchange *x = &o->exchanges[k];
    const wchg_ctf_answer *a = &x->answer;
    if ((x->aca->kind == SCN_ACA_LOST) != (x->msg == NULL))
      abort();
    if (x->status == WCHG_OK && a->resend &&
        (a->resend_len != o->msg_len || !(a->resend[4] & WCHG_CMD_FLAG_T) ||
         memcmp(a->resend, o->msg, 4) != 0 ||
         memcmp(a->resend + 5, o->msg + 5, o->msg_len - 5) != 0))
      abort();
  }
  for (size_t k = 0; o->warnings && k < o->warnings->count && k < o->warnings->cap; k++) {
    const wchg_diag *d = &o->warnings->items[k];
    if (o->status != WCHG_OK || d->code >= 0 || strncmp(d->path, "SDP", 3) || !d->message[0])
      abort();
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  scenario *s = NULL;
  scn_error err;
  scn_stats stats;
  wchg_status st = scn_parse((const char *)data, size, &s, &err);
  if (st != WCHG_OK) {
    if (s || err.code != st || err.message[0] == '\0')
      abort();
    return 0;
  }
  for (size_t i = 0; i < s->step_count; i++) {
    const scn_step *step = &s->steps[i];
    if (step->session >= (int)s->session_count || step->user >= (int)s->user_count ||
        !step->label || !step->verb)
      abort();
  }
  if (scn_run(s, on_step, NULL, &stats) != 0 || stats.steps != s->step_count)
    abort();
  scn_free(s);
  return 0;
}
