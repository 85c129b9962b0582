/*
 * online.c: the online charging of a scenario's WebRTC users (online.h):
 * the IMS-GWF's credit states (ro.h), its CCRs, and a simulated OCS.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include "online.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/webrtc_chg.h>

#define GRANT_S 120     /* the simulated OCS: CC-Time granted ... */
#define THRESHOLD_S 20  /* ... and its Time-Quota-Threshold */
#define ANSWER_MS 30    /* how long the OCS takes to answer */
#define RATING_GROUP 100 /* a call's audio, and messages */
#define RATING_GROUP_VIDEO 101
#define SERVICE_ID 1000 /* Service-Identifier of calls; messages: +1 */

#if defined(__GNUC__)
#define LINE_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define LINE_PRINTF(a, b)
#endif

struct call {
  bool on;          /* online charged */
  wchg_credit cr;   /* groups: [0] audio, then video when it is added */
  bool video;       /* the video group is open */
  size_t video_group;
  int64_t next_tick_ms;
  char sid[160];    /* the Ro session's Session-Id */
};

struct online {
  const scenario *s;
  wchg_ctf_config gwf;       /* the IMS-GWF's identity (for Session-Ids) */
  char host[160];
  struct call *calls;        /* one per scenario session name */
  struct call msg;           /* the MESSAGE being charged (ECUR) */
  wchg_ctf_record *rec;
  uint32_t hop_by_hop;
  uint64_t next_unique;
  online_callback cb;
  void *ud;
  uint8_t ccr[16384], cca[1024];
  char line[512];
};

online *online_new(const scenario *s) {
  online *o = calloc(1, sizeof *o);
  if (!o)
    return NULL;
  o->s = s;
  o->calls = calloc(s->session_count ? s->session_count : 1, sizeof *o->calls);
  o->rec = wchg_ctf_record_new(NULL);
  if (!o->calls || !o->rec) {
    online_free(o);
    return NULL;
  }
  snprintf(o->host, sizeof o->host, "imsgwf.%.*s", (int)s->config.destination_realm.len,
           s->config.destination_realm.ptr ? s->config.destination_realm.ptr : "");
  o->gwf = s->config;
  o->gwf.origin_host = wchg_str_from(o->host);
  o->gwf.origin_realm = s->config.destination_realm;
  o->hop_by_hop = 1000;
  o->next_unique = 1;
  return o;
}

void online_free(online *o) {
  if (!o)
    return;
  wchg_ctf_record_free(o->rec);
  free(o->calls);
  free(o);
}

static const char *type_letter(int32_t t) {
  return t == WCHG_CC_INITIAL ? "I" : t == WCHG_CC_UPDATE ? "U" : t == WCHG_CC_TERMINATION ? "T" : "E";
}

static const char *reason_name(int64_t r) {
  static const char *const names[] = {"THRESHOLD",  "QHT",  "FINAL",    "QUOTA_EXHAUSTED",
                                      "VALIDITY_TIME", "OTHER_QUOTA_TYPE",
                                      "RATING_CONDITION_CHANGE"};
  return r >= 0 && r < (int64_t)(sizeof names / sizeof names[0]) ? names[r] : "?";
}

static int emit(online *o, const char *label, bool request, int32_t type, uint32_t number,
                int64_t at, const uint8_t *msg, size_t len) {
  online_msg m = {label, request, type, number, at, msg, len, o->line};
  return o->cb ? o->cb(&m, o->ud) : 0;
}

/* The MSCCs of the simulated OCS's answer to |act|: a grant for each
 * that asks (time, or the ECUR units). */
static void ocs_grants(wchg_dwriter *w, const struct call *k, const wchg_credit_action *act) {
  for (size_t i = 0; i < act->n_mscc; i++) {
    const wchg_credit_group *g = &k->cr.groups[act->mscc[i].group];
    if (!act->mscc[i].request)
      continue;
    wchg_dw_group_begin(w, 456, 0); /* Multiple-Services-Credit-Control */
    wchg_dw_group_begin(w, 431, 0); /* Granted-Service-Unit */
    if (k->cr.kind == WCHG_CREDIT_EVENT)
      wchg_dw_u64(w, 417, 0, g->requested_units);
    else
      wchg_dw_u32(w, 420, 0, GRANT_S);
    wchg_dw_group_end(w);
    wchg_dw_u32(w, 432, 0, (uint32_t)g->rating_group.value);
    if (k->cr.kind != WCHG_CREDIT_EVENT)
      wchg_dw_u32(w, 868, 10415, THRESHOLD_S); /* Time-Quota-Threshold */
    wchg_dw_group_end(w);
  }
}

/* The simulated OCS's answer to the CCR of |act|: 2001, and a grant for
 * each MSCC that asks (time, or the ECUR units). */
static size_t ocs_answer(online *o, const struct call *k, const wchg_credit_action *act) {
  wchg_dwriter w;
  size_t len = 0;
  wchg_dw_init(&w, o->cca, sizeof o->cca, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_P, WCHG_CMD_CREDIT_CONTROL, WCHG_APP_CREDIT_CONTROL,
                 o->hop_by_hop, o->hop_by_hop);
  wchg_dw_utf8(&w, 263, 0, k->sid, strlen(k->sid));
  wchg_dw_u32(&w, 268, 0, 2001);
  wchg_dw_octets(&w, 264, 0, "ocs.example.net", 15);
  wchg_dw_octets(&w, 296, 0, o->gwf.origin_realm.ptr, o->gwf.origin_realm.len);
  wchg_dw_u32(&w, 258, 0, WCHG_APP_CREDIT_CONTROL);
  wchg_dw_i32(&w, 416, 0, act->send);
  wchg_dw_u32(&w, 415, 0, act->cc_request_number);
  ocs_grants(&w, k, act);
  return wchg_dw_finish(&w, &len) == WCHG_OK ? len : 0;
}

/* Append to the summary line at |n|; the new length. */
static int line_add(online *o, int n, const char *fmt, ...) LINE_PRINTF(3, 4);
static int line_add(online *o, int n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  n += vsnprintf(o->line + n, sizeof o->line - (size_t)n, fmt, ap);
  va_end(ap);
  return n;
}

/* The CCR that |act| asks for: the IMS-GWF's identity, time |at|, the
 * IMS-Information |ims| with SIP-Method |method| (or none), the MSCCs of
 * the credit state (into |mscc| and |usu|). */
static void ccr_fill(online *o, struct call *k, const wchg_credit_action *act, int64_t at,
                     const wchg_ims_info *ims, const char *method, wchg_ccr *ccr,
                     wchg_mscc *mscc, wchg_service_unit *usu) {
  wchg_ccr_init(ccr, WCHG_NODE_S_CSCF);
  ccr->hop_by_hop = ccr->end_to_end = ++o->hop_by_hop;
  ccr->session_id = wchg_str_from(k->sid);
  ccr->origin_host = o->gwf.origin_host;
  ccr->origin_realm = o->gwf.origin_realm;
  ccr->destination_realm = o->gwf.origin_realm;
  ccr->event_timestamp = WCHG_TIME_MS(at);
  ccr->multiple_services_indicator = WCHG_INT(1);
  ccr->ims = *ims;
  ccr->ims.sip_method = method ? wchg_str_from(method) : (wchg_str){NULL, 0};
  wchg_credit_fill_ccr(&k->cr, act, ccr, mscc, usu, WCHG_CREDIT_MAX_GROUPS);
}

/* The CCR's summary line: its type, number, session, one bracket per
 * rating group (requested, used, why reported), the WAF. */
static void ccr_line(online *o, const struct call *k, const char *label,
                     const wchg_credit_action *act, const wchg_mscc *mscc,
                     const wchg_ims_info *ims) {
  int n = snprintf(o->line, sizeof o->line, "CCR-%s#%" PRIu32 " %-10s sid=%s",
                   type_letter(act->send), act->cc_request_number, label, k->sid);
  for (size_t i = 0; i < act->n_mscc; i++) { /* one MSCC per rating group */
    const wchg_credit_report *r = &act->mscc[i];
    const wchg_service_unit *rsu = &mscc[i].requested_service_unit;
    n = line_add(o, n, "  [RG %" PRId64, mscc[i].rating_group.value);
    if (rsu->present && rsu->has_cc_service_specific_units)
      n = line_add(o, n, " RSU %" PRIu64 " unit(s)", rsu->cc_service_specific_units);
    else if (rsu->present)
      n = line_add(o, n, " RSU %" PRId64 "s", rsu->cc_time.value);
    if (r->used_seconds.present)
      n = line_add(o, n, " used %" PRId64 "s", r->used_seconds.value);
    if (r->used_units.present)
      n = line_add(o, n, " used %" PRId64 " unit(s)", r->used_units.value);
    if (r->reporting_reason.present)
      n = line_add(o, n, " %s", reason_name(r->reporting_reason.value));
    n = line_add(o, n, "]");
  }
  if (ims->webrtc_authentication_function_name.ptr)
    line_add(o, n, "  waf=%.*s", (int)ims->webrtc_authentication_function_name.len,
             ims->webrtc_authentication_function_name.ptr);
}

/* The CCA's summary line: its type, number, Result-Code, the grants, the
 * service decision. */
static void cca_line(online *o, const char *label, const wchg_cca *cca,
                     const wchg_credit_action *act) {
  int n = snprintf(o->line, sizeof o->line, "CCA-%s#%" PRIu32 " %-10s %" PRIu32,
                   type_letter(cca->cc_request_type), cca->cc_request_number, label,
                   cca->result_code);
  for (size_t i = 0; i < cca->n_mscc; i++) {
    const wchg_service_unit *gsu = &cca->mscc[i].granted_service_unit;
    n = line_add(o, n, "  [RG %" PRId64, cca->mscc[i].rating_group.value);
    if (gsu->cc_time.present)
      n = line_add(o, n, " GSU %" PRId64 "s, threshold %ds]", gsu->cc_time.value, THRESHOLD_S);
    else
      n = line_add(o, n, " GSU %" PRIu64 " unit(s)]", gsu->cc_service_specific_units);
  }
  line_add(o, n, "  -> %s",
           act->service == WCHG_SERVICE_ALLOW  ? "allow"
           : act->service == WCHG_SERVICE_DONE ? "done"
           : act->service == WCHG_SERVICE_WAIT ? "wait"
                                               : "terminate");
}

/* Send the CCR |act| asks for (IMS-Information |ims|, SIP-Method
 * |method| or none) at |at|. Returns 0, the callback's value, or -1
 * when it does not encode. */
static int send_ccr(online *o, struct call *k, const char *label, const wchg_credit_action *act,
                    int64_t at, const wchg_ims_info *ims, const char *method) {
  wchg_ccr ccr;
  wchg_mscc mscc[WCHG_CREDIT_MAX_GROUPS];
  wchg_service_unit usu[WCHG_CREDIT_MAX_GROUPS];
  wchg_diag d;
  size_t len;
  ccr_fill(o, k, act, at, ims, method, &ccr, mscc, usu);
  if (wchg_ccr_encode(&ccr, o->ccr, sizeof o->ccr, &len, &d) != WCHG_OK) {
    snprintf(o->line, sizeof o->line, "CCR of %s does not encode: %s: %s", label, d.path,
             d.message);
    return -1;
  }
  ccr_line(o, k, label, act, mscc, ims);
  return emit(o, label, true, act->send, act->cc_request_number, at, o->ccr, len);
}

/* The OCS's answer, at |at|, to the CCR of |act|, given to the credit
 * state (|act| becomes what it asks next). Returns 0, the callback's
 * value, or -1 when it does not parse. */
static int answer_ccr(online *o, struct call *k, const char *label, wchg_credit_action *act,
                      int64_t at) {
  wchg_cca cca;
  wchg_diag d;
  size_t alen = ocs_answer(o, k, act);
  if (!alen || wchg_cca_parse(o->cca, alen, &cca, &d) != WCHG_OK) {
    snprintf(o->line, sizeof o->line, "the OCS's CCA to %s does not parse", label);
    return -1;
  }
  wchg_credit_on_cca(&k->cr, &cca, at, act);
  cca_line(o, label, &cca, act);
  return emit(o, label, false, cca.cc_request_type, cca.cc_request_number, at, o->cca, alen);
}

/* Send the CCR |act| asks for (IMS-Information |ims|, SIP-Method
 * |method| or none), give it the OCS's answer, and go on while the
 * state asks for more. */
static int drive(online *o, struct call *k, const char *label, wchg_credit_action act,
                 int64_t at, const wchg_ims_info *ims, const char *method) {
  int rc;
  while (act.send) {
    if ((rc = send_ccr(o, k, label, &act, at, ims, method)) != 0)
      return rc;
    at += ANSWER_MS;
    if ((rc = answer_ccr(o, k, label, &act, at)) != 0)
      return rc;
  }
  k->next_tick_ms = act.service == WCHG_SERVICE_ALLOW ? act.next_tick_ms : -1;
  return 0;
}

/* The Ro Session-Id of a new credit-control session. */
static void new_sid(online *o, struct call *k) {
  size_t len;
  uint64_t unique = ((uint64_t)o->s->boot_count << 32) | o->next_unique++;
  if (wchg_ctf_session_id(&o->gwf, unique, k->sid, sizeof k->sid - 1, &len) != WCHG_OK)
    len = 0;
  k->sid[len] = '\0';
}

/* A MESSAGE of a WebRTC user: ECUR, 1 unit, used when it got a 2xx. */
static int message(online *o, const scn_outcome *out) {
  const scn_step *st = out->step;
  wchg_credit_action act;
  int rc;
  struct call *k = &o->msg;
  new_sid(o, k);
  wchg_credit_init_event(&k->cr, WCHG_INT(RATING_GROUP), WCHG_INT(SERVICE_ID + 1), 1);
  wchg_credit_begin(&k->cr, st->at_ms, &act);
  if ((rc = drive(o, k, st->label, act, st->at_ms, &out->acr->ims, "MESSAGE")) != 0)
    return rc;
  if (k->cr.state != WCHG_CREDIT_OPEN)
    return 0;
  wchg_credit_event_done(&k->cr, st->response.time_ms,
                         st->response.status_code >= 200 && st->response.status_code < 300,
                         &act);
  return drive(o, k, st->label, act, st->response.time_ms, &out->acr->ims, "MESSAGE");
}

/* Whether the session's latest media (its last Media-Components-List)
 * has a video stream that is not refused (port 0). */
static bool has_video(const wchg_ims_info *ims) {
  const wchg_media_components_list_list *l = &ims->list_of_sdp_media_components;
  if (!l->count)
    return false;
  const wchg_sdp_media_component_list *m = &l->items[l->count - 1].sdp_media_components;
  for (size_t i = 0; i < m->count; i++) {
    wchg_str n = m->items[i].sdp_media_name;
    bool port_0 = n.len > 8 && n.ptr[8] == '0' && (n.len == 9 || n.ptr[9] == ' ');
    if (n.len > 8 && memcmp(n.ptr, "m=video ", 8) == 0 && !port_0)
      return true;
  }
  return false;
}

/* The session's IMS-Information now. */
static const wchg_ims_info *info(online *o, const scn_outcome *out, int64_t at) {
  if (!out->session || wchg_ctf_session_info(out->session, at, o->rec, NULL) != WCHG_OK)
    return NULL;
  return &wchg_ctf_record_acr(o->rec)->ims;
}

/* The INVITE of session |k|: a WebRTC user's call is charged online,
 * audio in one rating group, video (when offered) in a second. */
static int call_begin(online *o, const scn_outcome *out, struct call *k) {
  const scn_step *st = out->step;
  const wchg_ims_info *ims = info(o, out, st->at_ms);
  wchg_credit_action act;
  if (!ims || !ims->webrtc_authentication_function_name.ptr)
    return 0; /* not a WebRTC user's */
  memset(k, 0, sizeof *k);
  k->on = true;
  new_sid(o, k);
  wchg_credit_init_session(&k->cr, WCHG_INT(RATING_GROUP), WCHG_INT(SERVICE_ID), GRANT_S);
  if (has_video(ims)) /* video is rated apart: a second rating group */
    k->video = wchg_credit_add_group(&k->cr, WCHG_INT(RATING_GROUP_VIDEO), WCHG_INT(SERVICE_ID),
                                     GRANT_S, st->at_ms, &k->video_group, &act) == WCHG_OK;
  wchg_credit_begin(&k->cr, st->at_ms, &act);
  return drive(o, k, st->label, act, st->at_ms, ims, "INVITE");
}

/* The quota's events due before the step's time. Returns 0 (*|stop|
 * set when the session's information is gone), or drive()'s value. */
static int quota_events(online *o, const scn_outcome *out, struct call *k, bool *stop) {
  const scn_step *st = out->step;
  const wchg_ims_info *ims;
  wchg_credit_action act;
  int rc;
  *stop = false;
  while (k->next_tick_ms >= 0 && k->next_tick_ms <= st->at_ms) {
    int64_t t = k->next_tick_ms;
    wchg_credit_tick(&k->cr, t, &act);
    if (!act.send && act.next_tick_ms == t)
      break;
    if (!(ims = info(o, out, t))) {
      *stop = true;
      return 0;
    }
    if ((rc = drive(o, k, st->label, act, t, ims, NULL)) != 0)
      return rc;
  }
  return 0;
}

/* An INTERIM of a media change (a tick's INTERIM changes nothing): the
 * video's group ends or starts, or else every group reports. */
static int media_change(online *o, const scn_outcome *out, struct call *k,
                        const wchg_ims_info *ims) {
  const scn_step *st = out->step;
  wchg_credit_action act;
  int rc;
  if (st->action == SCN_TICK)
    return 0;
  if (k->video && !has_video(ims)) { /* the video stream is gone: its group ends */
    k->video = false;
    rc = wchg_credit_group_end(&k->cr, k->video_group, st->at_ms, &act);
  } else if (!k->video && has_video(ims)) { /* video added: a new group */
    k->video = true;
    rc = wchg_credit_add_group(&k->cr, WCHG_INT(RATING_GROUP_VIDEO), WCHG_INT(SERVICE_ID),
                               GRANT_S, st->at_ms, &k->video_group, &act);
  } else { /* another change: every group reports */
    rc = wchg_credit_media_change(&k->cr, st->at_ms, &act);
  }
  if (rc != WCHG_OK)
    return 0;
  return drive(o, k, st->label, act, st->at_ms, ims, "INVITE");
}

/* What the step's record means for the call: answered (START), a media
 * change (INTERIM), the end (STOP), a failed or cancelled setup (EVENT). */
static int call_record(online *o, const scn_outcome *out, struct call *k,
                       const wchg_ims_info *ims) {
  const scn_step *st = out->step;
  wchg_credit_action act;
  switch (out->acr->accounting_record_type) {
  case WCHG_ACR_START:
    wchg_credit_answered(&k->cr, st->at_ms, &act);
    k->next_tick_ms = act.service == WCHG_SERVICE_ALLOW ? act.next_tick_ms : -1;
    return 0;
  case WCHG_ACR_INTERIM:
    return media_change(o, out, k, ims);
  case WCHG_ACR_STOP:
    wchg_credit_end(&k->cr, st->at_ms, WCHG_TC_LOGOUT, &act);
    k->on = false;
    return drive(o, k, st->label, act, st->at_ms, ims, "BYE");
  case WCHG_ACR_EVENT: /* the setup failed, or was cancelled */
    wchg_credit_end(&k->cr, st->at_ms, WCHG_TC_SERVICE_NOT_PROVIDED, &act);
    k->on = false;
    return drive(o, k, st->label, act, st->at_ms, ims, NULL);
  default:
    return 0;
  }
}

int online_step(online *o, const scn_outcome *out, online_callback cb, void *user_data) {
  const scn_step *st = out->step;
  const wchg_acr *acr = out->acr;
  const wchg_ims_info *ims;
  struct call *k;
  bool stop;
  int rc;

  o->cb = cb;
  o->ud = user_data;
  if (out->status != WCHG_OK)
    return 0; /* refused (an emergency call of a WIC): nothing to charge */
  if (st->action == SCN_STANDALONE) {
    if (acr && acr->ims.webrtc_authentication_function_name.ptr &&
        acr->ims.sip_method.len == 7 && memcmp(acr->ims.sip_method.ptr, "MESSAGE", 7) == 0)
      return message(o, out);
    return 0;
  }
  if (st->session < 0 || (size_t)st->session >= o->s->session_count)
    return 0;
  k = &o->calls[st->session];
  if (st->action == SCN_INVITE)
    return call_begin(o, out, k);
  if (!k->on)
    return 0;
  if ((rc = quota_events(o, out, k, &stop)) != 0 || stop)
    return rc;
  if (!acr || !(ims = info(o, out, st->at_ms)))
    return 0;
  return call_record(o, out, k, ims);
}
