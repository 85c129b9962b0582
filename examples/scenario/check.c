/*
 * check.c: does a step's outcome meet its "expect" member (internal.h)?
 * Each check writes why not into the runner's sentence.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static bool str_eq(wchg_str a, wchg_str b) {
  return (a.ptr == NULL) == (b.ptr == NULL) && a.len == b.len &&
         (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static bool check_want(runner *rn, const char *what, scn_want want, wchg_str exp, wchg_str got) {
  if (want == SCN_VALUE && !str_eq(exp, got)) {
    snprintf(rn->why, sizeof rn->why, "%s: expected \"%.*s\", got %s%.*s%s", what,
             (int)(exp.len > 80 ? 80 : exp.len), exp.ptr, got.ptr ? "\"" : "none",
             (int)(got.len > 80 ? 80 : got.len), got.ptr ? got.ptr : "", got.ptr ? "\"" : "");
    return false;
  }
  if (want == SCN_NONE && got.ptr) {
    snprintf(rn->why, sizeof rn->why, "%s: expected none, got \"%.*s\"", what,
             (int)(got.len > 80 ? 80 : got.len), got.ptr);
    return false;
  }
  return true;
}

/* The warnings the step expects (count, the first one's path). */
static bool check_warnings(runner *rn, const scn_expect *ex, const wchg_warnings *w) {
  wchg_str first = {NULL, 0};
  if (ex->has_warnings && w->count != ex->warnings) {
    snprintf(rn->why, sizeof rn->why, "expected %" PRIu32 " warnings, got %zu%s%s", ex->warnings,
             w->count, w->count ? ", the first: " : "", w->count ? w->items[0].path : "");
    return false;
  }
  if (w->count && w->cap)
    first = (wchg_str){w->items[0].path, strlen(w->items[0].path)};
  return check_want(rn, "the first warning", ex->warning.ptr ? SCN_VALUE : SCN_ANY, ex->warning,
                    first);
}

/* The SDP of |acr| the step expects: components, descriptions. */
static bool check_sdp(runner *rn, const scn_expect *ex, const wchg_acr *acr) {
  const wchg_media_components_list_list *l = &acr->ims.list_of_sdp_media_components;
  size_t media = 0, lines = 0;
  for (size_t i = 0; i < l->count; i++)
    for (size_t k = 0; k < l->items[i].sdp_media_components.count; k++, media++)
      lines += l->items[i].sdp_media_components.items[k].sdp_media_descriptions.count;
  if ((ex->has_sdp_media && media != ex->sdp_media) ||
      (ex->has_sdp_descriptions && lines != ex->sdp_descriptions)) {
    snprintf(rn->why, sizeof rn->why,
             "expected %" PRIu32 " SDP-Media-Components with %" PRIu32
             " SDP-Media-Descriptions, got %zu with %zu",
             ex->has_sdp_media ? ex->sdp_media : (uint32_t)media,
             ex->has_sdp_descriptions ? ex->sdp_descriptions : (uint32_t)lines, media, lines);
    return false;
  }
  return true;
}


/* The status the step expects: its "error", else WCHG_OK. */
static bool check_status(runner *rn, const scn_expect *ex, wchg_status st, const wchg_diag *d) {
  wchg_status want = ex->has_error ? ex->error : WCHG_OK;
  if (st == want)
    return true;
  const char *name = wchg_status_name(st);
  if (st == WCHG_OK)
    snprintf(rn->why, sizeof rn->why, "expected %s, the step succeeded",
             wchg_status_name(want));
  else
    snprintf(rn->why, sizeof rn->why, "%s%s%s (%s%s%s)", want != WCHG_OK ? "expected " : "",
             want != WCHG_OK ? wchg_status_name(want) : "", want != WCHG_OK ? ", got " : "",
             name ? name : "?", d->path[0] ? ": " : "", d->path[0] ? d->path : "");
  if (st != WCHG_OK)
    snprintf(rn->why + strlen(rn->why), sizeof rn->why - strlen(rn->why), ": %s",
             d->message[0] ? d->message : wchg_strerror(st));
  return false;
}

/* The Cause-Code the step expects, or none. */
static bool check_cause(runner *rn, const scn_expect *ex, const wchg_acr *acr) {
  if ((ex->cause == SCN_VALUE &&
       (!acr->cause_code.present || acr->cause_code.value != ex->cause_code)) ||
      (ex->cause == SCN_NONE && acr->cause_code.present)) {
    char exp[16] = "none", got[24] = "none";
    if (ex->cause == SCN_VALUE)
      snprintf(exp, sizeof exp, "%" PRId32, ex->cause_code);
    if (acr->cause_code.present)
      snprintf(got, sizeof got, "%" PRId64, acr->cause_code.value);
    snprintf(rn->why, sizeof rn->why, "expected Cause-Code %s, got %s", exp, got);
    return false;
  }
  return true;
}

/* The fields of the record the step expects. */
static bool check_acr(runner *rn, const scn_expect *ex, const wchg_acr *acr) {
  if (ex->has_number && ex->number != acr->accounting_record_number) {
    snprintf(rn->why, sizeof rn->why, "expected Accounting-Record-Number %" PRIu32 ", got %" PRIu32,
             ex->number, acr->accounting_record_number);
    return false;
  }
  if (!check_cause(rn, ex, acr) ||
      !check_want(rn, "WebRTC-Authentication-Function-Name", ex->waf, ex->waf_value,
                  acr->ims.webrtc_authentication_function_name) ||
      !check_want(rn, "WebRTC-Web-Server-Function-Name", ex->wwsf, ex->wwsf_value,
                  acr->ims.webrtc_web_server_function_name))
    return false;
  if (ex->has_emergency && ex->emergency != acr->ims.ims_emergency_indicator) {
    snprintf(rn->why, sizeof rn->why, "expected IMS-Emergency-Indicator %s",
             ex->emergency ? "set" : "absent");
    return false;
  }
  return check_sdp(rn, ex, acr);
}

bool scn_check(runner *rn, const scn_step *step, wchg_status st, const wchg_diag *d,
               const wchg_acr *acr, const wchg_warnings *w) {
  const scn_expect *ex = &step->expect;
  if (!check_status(rn, ex, st, d))
    return false;
  if (st != WCHG_OK)
    return true;
  if (!check_warnings(rn, ex, w))
    return false;
  int32_t type = acr ? acr->accounting_record_type : WCHG_ACR_NONE;
  if (ex->has_record && ex->record != type) {
    snprintf(rn->why, sizeof rn->why, "expected record %s, got %s",
             scn_record_name(ex->record), scn_record_name(type));
    return false;
  }
  if (!acr) {
    if (ex->has_number || ex->cause || ex->waf || ex->wwsf || ex->has_emergency ||
        ex->has_sdp_media || ex->has_sdp_descriptions) {
      snprintf(rn->why, sizeof rn->why, "expected a record, got none");
      return false;
    }
    return true;
  }
  return check_acr(rn, ex, acr);
}
