/*
 * cdf_record.c: the CDRs the CDF closes (TS 32.298 PCSCFRecord): a
 * session's record from its store and how it closes, an EVENT's record
 * from its ACR, and each one DER-encoded at the tail of the queue.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include "cdf/cdf_internal.h"

/* Encode |cdr| at the tail of the queue (lrsn and counters advanced). */
static wchg_status queue_cdr(wchg_cdf *c, wchg_cdr *cdr, wchg_diag *diag) {
  size_t avail, len = 0;
  uint8_t *p = cdf_queue_room(c, &avail);
  wchg_status st;
  cdr->local_record_sequence_number = WCHG_INT(c->next_lrsn);
  st = wchg_cdr_encode(cdr, p, avail, &len, diag);
  if (st == WCHG_E_BUFFER) {
    st = cdf_queue_grow(c, len);
    if (st != WCHG_OK)
      return st;
    p = cdf_queue_room(c, &avail);
    st = wchg_cdr_encode(cdr, p, avail, &len, diag);
  }
  if (st != WCHG_OK)
    return st;
  cdf_queue_commit(c, len);
  c->next_lrsn++;
  c->cdrs++;
  return WCHG_OK;
}

static void cause_text(char *buf, size_t cap, wchg_opt_int cause_code, wchg_str *out) {
  if (!cause_code.present)
    return;
  snprintf(buf, cap, "%lld", (long long)cause_code.value);
  *out = wchg_str_from(buf);
}

int cdf_cause_for_closing(wchg_opt_int cause_code) {
  return cause_code.present && cause_code.value > 0 ? WCHG_CAUSE_UNSUCCESSFUL_SERVICE_DELIVERY
                                                    : WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY;
}

static void node_address(const wchg_cdf *c, wchg_cdr *cdr, const char *host, size_t n) {
  if (c->cfg.node_address.choice != WCHG_NODE_ABSENT) {
    cdr->node_address = c->cfg.node_address;
  } else if (n) {
    cdr->node_address.choice = WCHG_NODE_DOMAIN_NAME;
    cdr->node_address.domain_name.ptr = host;
    cdr->node_address.domain_name.len = n;
  }
}

static void set_time(wchg_cdf *c, int64_t ms, wchg_timestamp *ts, wchg_opt_int *frac) {
  if (ms != CDF_NO_TIME)
    cdf_time(c, ms, ts, frac); /* every time kept was checked when it came */
}

/* The service time stamps and the record's opening and closure. */
static void session_times(wchg_cdf *c, const struct cdf_sess *s, const struct cdf_close *how,
                          wchg_cdr *cdr) {
  set_time(c, s->request_ms, &cdr->ims.service_request_time_stamp,
           &cdr->ims.service_request_time_stamp_fraction);
  set_time(c, s->response_ms, &cdr->ims.service_delivery_start_time_stamp,
           &cdr->ims.service_delivery_start_time_stamp_fraction);
  set_time(c, how->end_ms, &cdr->ims.service_delivery_end_time_stamp,
           &cdr->ims.service_delivery_end_time_stamp_fraction);
  set_time(c, s->opening_ms, &cdr->record_opening_time, NULL);
  set_time(c, how->closure_ms, &cdr->record_closure_time, NULL);
}

/* Which of the session's records this is, why it closes, what was lost. */
static void session_close(const struct cdf_sess *s, const struct cdf_close *how, wchg_cdr *cdr) {
  if (!how->final || s->rsn > 0)
    cdr->record_sequence_number = WCHG_INT((int64_t)s->rsn + 1);
  cdr->cause_for_record_closing = WCHG_INT(how->cause);
  if ((s->flags & SF_START_LOST) || s->missing || how->stop_lost) {
    cdr->incomplete_cdr_indication.present = true;
    cdr->incomplete_cdr_indication.acr_start_lost = WCHG_INT((s->flags & SF_START_LOST) != 0);
    cdr->incomplete_cdr_indication.acr_interim_lost =
        WCHG_INT(s->missing ? WCHG_ACR_INTERIM_LOST_YES : WCHG_ACR_INTERIM_LOST_NO);
    cdr->incomplete_cdr_indication.acr_stop_lost = WCHG_INT(how->stop_lost);
  }
  cdr->retransmission = (s->flags & SF_RETRANS) != 0;
}

wchg_status cdf_emit_session(wchg_cdf *c, const struct cdf_sess *s, const struct cdf_view *v,
                             const struct cdf_close *how) {
  wchg_status st;
  wchg_cdr cdr;
  char code[24];

  if ((st = cdf_store_read(c, s, v, &cdr, how->collect)) != WCHG_OK)
    return st;
  node_address(c, &cdr, v->host, v->host_len);
  session_times(c, s, how, &cdr);
  session_close(s, how, &cdr);
  cause_text(code, sizeof code, how->cause_code, &cdr.service_reason_return_code);
  return queue_cdr(c, &cdr, NULL);
}

/* An EVENT's service time stamps are its ACR's, not those of its ims. */
static void event_times(wchg_cdf *c, const wchg_acr *acr, wchg_cdr *cdr) {
  memset(&cdr->ims.service_request_time_stamp, 0, sizeof cdr->ims.service_request_time_stamp);
  memset(&cdr->ims.service_delivery_start_time_stamp, 0,
         sizeof cdr->ims.service_delivery_start_time_stamp);
  memset(&cdr->ims.service_delivery_end_time_stamp, 0,
         sizeof cdr->ims.service_delivery_end_time_stamp);
  cdr->ims.service_request_time_stamp_fraction = (wchg_opt_int){0};
  cdr->ims.service_delivery_start_time_stamp_fraction = (wchg_opt_int){0};
  cdr->ims.service_delivery_end_time_stamp_fraction = (wchg_opt_int){0};
  cdf_stamp(c, acr->sip_request_timestamp, &cdr->ims.service_request_time_stamp,
            &cdr->ims.service_request_time_stamp_fraction);
  cdf_stamp(c, acr->sip_response_timestamp, &cdr->ims.service_delivery_start_time_stamp,
            &cdr->ims.service_delivery_start_time_stamp_fraction);
}

/* An EVENT's media entries, stamped with its ACR's times, in ev_media. */
static wchg_status event_media(wchg_cdf *c, const wchg_acr *acr, wchg_cdr *cdr) {
  const wchg_media_components_list_list *l = &acr->ims.list_of_sdp_media_components;
  if (!l->count || !l->items)
    return WCHG_OK;
  if (l->count > c->ev_media_cap) {
    wchg_media_components_list *m = cdf_alloc(c, l->count * sizeof *m);
    if (!m)
      return WCHG_E_NOMEM;
    cdf_free(c, c->ev_media, c->ev_media_cap * sizeof *m);
    c->ev_media = m;
    c->ev_media_cap = l->count;
  }
  for (size_t i = 0; i < l->count; i++) {
    c->ev_media[i] = l->items[i];
    cdf_stamp_media(c, acr, &c->ev_media[i]);
  }
  cdr->ims.list_of_sdp_media_components.items = c->ev_media;
  return WCHG_OK;
}

wchg_status cdf_emit_event(wchg_cdf *c, const wchg_acr *acr, int64_t t_ms, wchg_diag *diag) {
  wchg_cdr cdr;
  char code[24];
  wchg_status st;

  wchg_cdr_init(&cdr);
  cdr.ims = acr->ims;
  event_times(c, acr, &cdr);
  if ((st = event_media(c, acr, &cdr)) != WCHG_OK)
    return st;
  node_address(c, &cdr, acr->origin_host.ptr, acr->origin_host.ptr ? acr->origin_host.len : 0);
  cdf_time(c, t_ms, &cdr.record_opening_time, NULL);
  cdr.record_closure_time = cdr.record_opening_time;
  cdr.cause_for_record_closing = WCHG_INT(cdf_cause_for_closing(acr->cause_code));
  cdr.retransmission = acr->retransmitted;
  cause_text(code, sizeof code, acr->cause_code, &cdr.service_reason_return_code);
  st = queue_cdr(c, &cdr, diag);
  if (st == WCHG_E_MISSING || st == WCHG_E_CHOICE || st == WCHG_E_ARG) {
    wchgi_diag_recode(diag, WCHG_E_INVALID, WCHG_RC_INVALID_AVP_VALUE);
    return WCHG_E_INVALID;
  }
  return st;
}
