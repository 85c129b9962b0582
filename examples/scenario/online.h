/*
 * online.h: the online charging (Ro, ro.h) of a scenario's WebRTC users,
 * next to the eP-CSCF's offline charging (Rf): what the S-CSCF's IMS-GWF
 * sends to the OCS for the same calls and requests, with a simulated OCS
 * answering each CCR.
 *
 * Fed every scenario outcome in order (online_step), it charges the
 * sessions and MESSAGEs of users registered with WebRTC identities:
 *   - a call: one credit-control session, audio in rating group 100 and
 *     video (when offered) in 101; CCR-I at the INVITE (its
 *     IMS-Information from wchg_ctf_session_info: identities, WAF/WWSF,
 *     the offer); time counted from the 2xx (wchg_credit_answered); a
 *     media change ends the video's group (video refused, port 0: its
 *     FINAL report) or adds it, or else reports RATING_CONDITION_CHANGE;
 *     a CCR-U when a quota's threshold or end is reached between steps;
 *     a CCR-T at the BYE, or at a failed setup or CANCEL (0 seconds);
 *   - a MESSAGE: Event Charging with Unit Reservation (ECUR): CCR-I
 *     reserving 1 unit, CCR-T reporting it used when the MESSAGE got a 2xx.
 * The simulated OCS grants 120 s (threshold 20 s) to each MSCC that asks
 * and 1 unit per ECUR reservation, with Result-Code 2001.
 *
 * No I/O: each CCR and CCA is handed to the caller's callback.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_EXAMPLES_ONLINE_H
#define WCHG_EXAMPLES_ONLINE_H

#include <stddef.h>
#include <stdint.h>

#include "scenario.h"

typedef struct online online;

/** One Ro message of the run. */
typedef struct online_msg {
  const char *session;     /* the scenario's session or step label */
  bool request;            /* a CCR (else the OCS's CCA) */
  int32_t cc_request_type; /* WCHG_CC_* */
  uint32_t cc_request_number;
  int64_t at_ms;
  const uint8_t *msg;      /* the whole Diameter message */
  size_t len;
  const char *summary;     /* one line, no newline */
} online_msg;

/** Called for each message; a non-zero return stops online_step with it. */
typedef int (*online_callback)(const online_msg *m, void *user_data);

/** online_new - the online charging of scenario |s| (NULL when out of
 * memory). */
online *online_new(const scenario *s);
/** online_free - release |o| (NULL is fine). */
void online_free(online *o);

/**
 * online_step - charge what outcome |out| of the scenario's run means:
 * first the quota events due before its time, then the step itself.
 * Returns 0, the callback's non-zero value, or -1 when a CCR does not
 * encode or a CCA does not parse (a bug: the summary says why).
 */
int online_step(online *o, const scn_outcome *out, online_callback cb, void *user_data);

#endif
