/*
 * cause.c: Cause-Code (AVP 861) of a final SIP response, TS 32.299
 * §7.2.35 (acr.h). The rule in one place: success codes are <= 0, with
 * 200 as -1 (or -2/-3 for the end of a SUBSCRIBE or REGISTER dialog) and
 * every other 2xx and every 3xx as the negated status; failures are the
 * 4xx..6xx status as is. 3xx are negative, as TS 32.299 lists them.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/acr.h>

/* Method names compare case-sensitively (RFC 3261 §7.1). */
static bool is(const char *method, const char *name) {
  return method && strcmp(method, name) == 0;
}

int32_t wchg_cause_code(const char *method, int status, bool expires_zero) {
  if (status < 200 || status > 699)
    return WCHG_CAUSE_UNSPECIFIED;
  if (status < 300 && expires_zero) { /* a 2xx that ends the dialog */
    if (is(method, "REGISTER"))
      return WCHG_CAUSE_END_OF_REGISTER_DIALOG;
    if (is(method, "SUBSCRIBE"))
      return WCHG_CAUSE_END_OF_SUBSCRIBE_DIALOG;
  }
  if (status == 200)
    return WCHG_CAUSE_SUCCESSFUL_TRANSACTION;
  if (status < 400)
    return -status;
  return status;
}
