/*
 * cdf.c: the CDF (cdf.h) — ACRs folded into eP-CSCF CDRs: the life of a
 * session (START, INTERIMs, STOP), partial records, lost and duplicate
 * ACRs, expiry, management closes, the ACA of a message.
 *
 * Every call that changes the CDF works on a copy of the session's fixed
 * part; the ACR's fields and media are packed in scratch and merged with
 * the session's fields only when they change one; CDRs go to the tail of
 * the queue. Only when everything needed was allocated is the result put
 * in place (in the session's block when it fits, else in a block of its
 * size), so an allocation failure leaves the CDF as it was.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/aca.h>

#include "base/mem.h"
#include "base/webrtc_ext.h"
#include "cdf/cdf_internal.h"

#define PATH_IMS "ACR/Service-Information/IMS-Information/"

#define time_ok cdf_time_ok

/* ---- life ---------------------------------------------------------------- */

static bool config_ok(const wchg_cdf_config *cfg) {
  return cfg->utc_offset_minutes >= -720 && cfg->utc_offset_minutes <= 840 &&
         cfg->max_record_duration_ms >= 0 && cfg->session_timeout_ms >= 0 &&
         cfg->node_address.choice >= WCHG_NODE_ABSENT &&
         cfg->node_address.choice <= WCHG_NODE_DOMAIN_NAME &&
         cfg->duplicate_memory < UINT32_MAX / 4 &&
         (cfg->policy == WCHG_POLICY_RECEIVE || cfg->policy == WCHG_POLICY_STRICT);
}

wchg_cdf *wchg_cdf_new(const wchg_cdf_config *cfg) {
  wchg_mem m;
  wchg_cdf *c;
  size_t n = 1;

  if (!cfg || !config_ok(cfg))
    return NULL;
  c = wchgi_mem_new_object(cfg->mem, sizeof *c, &m);
  if (!c)
    return NULL;
  c->cfg = *cfg;
  c->mem = m;
  c->bytes = sizeof *c;
  c->next_lrsn = cfg->first_local_record_sequence_number;
  c->day.day = -1;
  c->heap.esize = sizeof(struct cdf_due);
  c->val_ids.esize = sizeof(uintptr_t);
  c->val_free = SIZE_MAX;
  memset(c->hint, 0xff, sizeof c->hint); /* CDF_NO_REF */
  cdf_store_init(c);
  if (cfg->duplicate_memory) {
    while (n < cfg->duplicate_memory * 2)
      n *= 2;
    c->dups = cdf_alloc(c, cfg->duplicate_memory * sizeof *c->dups);
    c->dup_index = cdf_alloc(c, n * sizeof *c->dup_index);
    if (!c->dups || !c->dup_index) {
      wchg_cdf_free(c);
      return NULL;
    }
    c->dup_cap = cfg->duplicate_memory;
    c->dup_nindex = n;
    memset(c->dup_index, 0xff, n * sizeof *c->dup_index);
  }
  return c;
}

void wchg_cdf_free(wchg_cdf *c) {
  wchg_mem m;
  if (!c)
    return;
  cdf_sessions_free(c);
  cdf_vals_free(c);
  cdf_free(c, c->dups, c->dup_cap * sizeof *c->dups);
  cdf_free(c, c->dup_index, c->dup_nindex * sizeof *c->dup_index);
  cdf_queue_free(c);
  cdf_buf_release(c, &c->pack);
  cdf_buf_release(c, &c->work);
  cdf_buf_release(c, &c->media);
  cdf_buf_release(c, &c->arena);
  cdf_buf_release(c, &c->ids);
  cdf_free(c, c->ev_media, c->ev_media_cap * sizeof *c->ev_media);
  wchg_acr_reader_free(c->reader);
  m = c->mem;
  wchgi_free(&m, c);
}

/* ---- checks -------------------------------------------------------------- */

/* A rejection: the code, the Result-Code, the path and a sentence. */
static wchg_status reject(wchg_diag *diag, uint32_t *rc, wchg_status st, uint32_t result,
                          const char *path, const char *msg) {
  struct wpath p;
  wpath_init(&p, path);
  wchgi_diag_set(diag, st, result, WCHG_NO_OFFSET, &p, "%s", msg);
  *rc = result;
  return st;
}

/* An IMS emergency session of a WebRTC client is not charged. */
static wchg_status reject_emergency(wchg_diag *diag, uint32_t *rc) {
  return reject(diag, rc, WCHG_E_EMERGENCY, WCHG_RC_UNABLE_TO_COMPLY,
                PATH_IMS "IMS-Emergency-Indicator",
                "an IMS emergency session of a WebRTC client is not charged");
}

static wchg_status check_time(wchg_time_ms t, const char *path, wchg_diag *diag, uint32_t *rc) {
  if (t.present && !time_ok(t.unix_ms))
    return reject(diag, rc, WCHG_E_INVALID, WCHG_RC_INVALID_AVP_VALUE, path,
                  "a time outside 2000..2099 has no TimeStamp");
  return WCHG_OK;
}

static wchg_status check_acr(const wchg_acr *a, wchg_diag *diag, uint32_t *rc) {
  wchg_status st;
  /* another node's ACR is for the host to route: not ours to judge */
  if (a->node_functionality != WCHG_NODE_P_CSCF) {
    struct wpath p;
    wpath_init(&p, PATH_IMS "Node-Functionality");
    wchgi_diag_set(diag, WCHG_E_OTHER_NODE, 0, WCHG_NO_OFFSET, &p,
                  "Node-Functionality %d: an ACR of another node (this CDF folds P-CSCF, 1)",
                  (int)a->node_functionality);
    *rc = 0;
    return WCHG_E_OTHER_NODE;
  }
  if (!a->session_id.ptr || !a->session_id.len)
    return reject(diag, rc, WCHG_E_INVALID, WCHG_RC_MISSING_AVP, "ACR/Session-Id",
                  "no Session-Id: the ACR belongs to no session");
  if (a->session_id.len > UINT16_MAX || a->origin_host.len > UINT16_MAX)
    return reject(diag, rc, WCHG_E_INVALID, WCHG_RC_INVALID_AVP_VALUE,
                  a->session_id.len > UINT16_MAX ? "ACR/Session-Id" : "ACR/Origin-Host",
                  "longer than 65535 octets");
  if (a->accounting_record_type < WCHG_ACR_EVENT || a->accounting_record_type > WCHG_ACR_STOP)
    return reject(diag, rc, WCHG_E_INVALID, WCHG_RC_INVALID_AVP_VALUE,
                  "ACR/Accounting-Record-Type", "not EVENT, START, INTERIM or STOP (1..4)");
  if (a->ims.role_of_node.present && a->ims.role_of_node.value != WCHG_ROLE_ORIGINATING &&
      a->ims.role_of_node.value != WCHG_ROLE_TERMINATING)
    return reject(diag, rc, WCHG_E_INVALID, WCHG_RC_INVALID_AVP_VALUE,
                  PATH_IMS "Role-Of-Node", "a PCSCFRecord holds only originating and terminating");
  if ((st = check_time(a->event_timestamp, "ACR/Event-Timestamp", diag, rc)) ||
      (st = check_time(a->sip_request_timestamp, PATH_IMS "Time-Stamps/SIP-Request-Timestamp",
                       diag, rc)) ||
      (st = check_time(a->sip_response_timestamp,
                       PATH_IMS "Time-Stamps/SIP-Response-Timestamp", diag, rc)))
    return st;
  if (a->ims.ims_emergency_indicator && wchgi_has_webrtc_identity(&a->ims))
    return reject_emergency(diag, rc);
  return WCHG_OK;
}

/* The event time of an ACR (cdf.h). */
static int64_t acr_time(const wchg_acr *a, int64_t now_ms) {
  if (a->event_timestamp.present)
    return a->event_timestamp.unix_ms;
  if (a->sip_response_timestamp.present)
    return a->sip_response_timestamp.unix_ms;
  if (a->sip_request_timestamp.present)
    return a->sip_request_timestamp.unix_ms;
  return now_ms;
}

/* Was |n| folded, by the highest number |max| and its window |seen|?
 * Numbers 64 or more below the highest count as folded (cdf.h). */
static bool was_seen(uint32_t max, uint64_t seen, uint32_t n) {
  if (n > max)
    return false;
  return max - n >= 64 || (seen >> (max - n) & 1);
}

/* ---- records of a session ------------------------------------------------- */

/* The open record of |w| closed: the next one opens at |opening|. */
static void next_record(struct cdf_sess *w, int64_t opening) {
  if (w->rsn < UINT32_MAX) /* 4 billion records: the last number repeats */
    w->rsn++;
  w->opening_ms = opening;
  w->media_len = w->xmedia = 0;
  w->media_count = 0;
  w->missing = 0;
  w->flags &= (uint8_t)~SF_RETRANS;
}

/* A timeLimit partial of |w| (store |v|) when time |t| is past its
 * record's limit. Returns WCHG_OK (with *closed counted) or NOMEM. */
static wchg_status time_limit(wchg_cdf *c, struct cdf_sess *w, const struct cdf_view *v, int64_t t,
                              unsigned *closed) {
  int64_t max = c->cfg.max_record_duration_ms, k;
  struct cdf_close how = {0};
  wchg_status st;
  if (max <= 0 || t - w->opening_ms < max)
    return WCHG_OK;
  k = (t - w->opening_ms) / max;
  how.closure_ms = w->opening_ms + max;
  how.cause = WCHG_CAUSE_TIME_LIMIT;
  how.end_ms = CDF_NO_TIME;
  if ((st = cdf_emit_session(c, w, v, &how)) != WCHG_OK)
    return st;
  next_record(w, w->opening_ms + k * max);
  (*closed)++;
  return WCHG_OK;
}

static unsigned media_limit(const wchg_cdf *c) {
  unsigned m = c->cfg.max_media_changes;
  return m && m < WCHG_CDF_MAX_MEDIA ? m : WCHG_CDF_MAX_MEDIA;
}

struct fold {
  const wchg_acr *acr;
  int64_t now_ms, t;
  uint64_t hash;
  unsigned closed;
  int64_t lost; /* change of the lost counter */
  uint32_t rc;
};

/* Number bookkeeping of an ACR folded into |w| (not a duplicate). */
static void numbers(struct cdf_sess *w, uint32_t n, struct fold *f) {
  if (n > w->max_number) {
    uint32_t gap = n - w->max_number - 1;
    w->seen = n - w->max_number >= 64 ? 0 : w->seen << (n - w->max_number);
    w->seen |= 1;
    w->max_number = n;
    w->missing = gap > UINT32_MAX - w->missing ? UINT32_MAX : w->missing + gap;
    f->lost += gap;
  } else { /* late: it fills a gap */
    w->seen |= 1ull << (w->max_number - n);
    if (w->missing) {
      w->missing--;
      f->lost--;
    }
  }
}

/* START's time stamps. */
static void start_times(struct cdf_sess *w, const wchg_acr *a, int64_t t) {
  w->request_ms = a->sip_request_timestamp.present ? a->sip_request_timestamp.unix_ms
                                                   : CDF_NO_TIME;
  w->response_ms = a->sip_response_timestamp.present ? a->sip_response_timestamp.unix_ms : t;
}

/* A record closes at |t|, but never before it opened. */
static int64_t closure_at(const struct cdf_sess *w, int64_t t) {
  return t < w->opening_ms ? w->opening_ms : t;
}

/* Why the ACR was refused when packing it: the Result-Code of |diag|. */
static wchg_status pack_refused(struct fold *f, wchg_status st, const wchg_diag *diag) {
  if (st != WCHG_E_NOMEM)
    f->rc = diag ? diag->result_code : (st == WCHG_E_LIMIT ? WCHG_RC_UNABLE_TO_COMPLY
                                                           : WCHG_RC_INVALID_AVP_VALUE);
  return st;
}

/* The shared values the pack refers to, from the |from|th on, given
 * back (they are no longer wanted). */
static void drop_ids(wchg_cdf *c, size_t from) {
  uint32_t id;
  for (size_t at = from * sizeof id; at < c->ids.len; at += sizeof id) {
    memcpy(&id, c->ids.p + at, sizeof id);
    cdf_val_release(c, id);
  }
  c->ids.len = from * sizeof id;
}

/* The ACR's fields, and its media entries unless a STOP, packed in
 * scratch (c->pack, c->media; values shared unless a STOP, which ends
 * the session): no more than one record holds. */
static wchg_status pack_acr(wchg_cdf *c, struct fold *f, unsigned *nmedia, wchg_diag *diag) {
  const wchg_acr *a = f->acr;
  uint32_t sess = a->accounting_record_type == WCHG_ACR_STOP ? 0 : cdf_tag(f->hash);
  wchg_status st;
  c->media.len = c->media_x = c->ids.len = 0;
  st = cdf_pack_fields(c, &a->ims, sess, &c->pack, &c->pack_x, diag);
  c->field_ids = c->ids.len / sizeof(uint32_t);
  if (st == WCHG_OK && a->accounting_record_type != WCHG_ACR_STOP)
    st = cdf_pack_media(c, a, sess, &c->media, nmedia, &c->media_x, diag);
  if (st != WCHG_OK) {
    drop_ids(c, 0);
    return pack_refused(f, st, diag);
  }
  if (*nmedia > WCHG_CDF_MAX_MEDIA || c->pack_x + c->media_x > WCHG_CDF_MAX_RECORD_BYTES) {
    drop_ids(c, 0);
    return reject(diag, &f->rc, WCHG_E_LIMIT, WCHG_RC_UNABLE_TO_COMPLY, "ACR",
                  "more media entries or data than one record holds");
  }
  return WCHG_OK;
}

/* The fixed part of a session its first ACR opens. */
static void open_session(struct cdf_sess *w, struct fold *f) {
  const wchg_acr *a = f->acr;
  memset(w, 0, sizeof *w);
  w->sid_len = (uint16_t)a->session_id.len;
  w->host_len = (uint16_t)(a->origin_host.ptr ? a->origin_host.len : 0);
  w->opening_ms = f->t;
  w->max_number = a->accounting_record_number;
  w->seen = 1;
  w->request_ms = w->response_ms = CDF_NO_TIME;
  if (a->accounting_record_type == WCHG_ACR_START) {
    w->flags = SF_HAVE_START;
    start_times(w, a, f->t);
  } else { /* INTERIM or STOP without START: START was 0 */
    w->flags = SF_START_LOST;
    w->missing = a->accounting_record_number > 1 ? a->accounting_record_number - 1 : 0;
    f->lost += 1 + (int64_t)w->missing;
  }
}

/* A serviceChange partial of |w| (store |old|) when the open record
 * cannot take the ACR's |nmedia| entries: the container is full. */
static wchg_status media_partial(wchg_cdf *c, struct cdf_sess *w, const struct cdf_view *v,
                                 struct fold *f, unsigned nmedia) {
  struct cdf_close how = {.cause = WCHG_CAUSE_SERVICE_CHANGE, .end_ms = CDF_NO_TIME};
  wchg_status st;
  if (!nmedia || !w->media_count ||
      (w->media_count + nmedia <= media_limit(c) &&
       (size_t)w->xfields + w->xmedia + c->pack_x + c->media_x <= WCHG_CDF_MAX_RECORD_BYTES))
    return WCHG_OK;
  how.closure_ms = closure_at(w, f->t);
  if ((st = cdf_emit_session(c, w, v, &how)) != WCHG_OK)
    return st;
  next_record(w, how.closure_ms);
  f->closed++;
  return WCHG_OK;
}

/* A START after the session's INTERIMs: the START is no longer lost. */
static void late_start(struct cdf_sess *w, struct fold *f) {
  w->flags |= SF_HAVE_START;
  start_times(w, f->acr, f->t);
  if ((w->flags & SF_START_LOST) && w->rsn == 0) {
    w->flags &= (uint8_t)~SF_START_LOST;
    f->lost--;
  }
}

/* The ACR of |f| into |w|, a copy of the open session |s|: partials
 * first (their content is the store before this ACR), then its numbers. */
static wchg_status fold_open(wchg_cdf *c, struct cdf_sess *w, const struct cdf_sess *s,
                             struct fold *f, unsigned *nmedia) {
  const wchg_acr *a = f->acr;
  struct cdf_view v;
  wchg_status st;
  *w = *s;
  cdf_view_of(s, &v);
  if ((st = time_limit(c, w, &v, f->t, &f->closed)) != WCHG_OK)
    return st;
  /* an interim tick (no SIP transaction, so no Time-Stamps) repeats the
   * media: it adds an entry only to a record that has none */
  if (w->media_count && !a->sip_request_timestamp.present &&
      !a->sip_response_timestamp.present) {
    c->media.len = c->media_x = 0;
    *nmedia = 0;
    drop_ids(c, c->field_ids);
  }
  if ((st = media_partial(c, w, &v, f, *nmedia)) != WCHG_OK)
    return st;
  numbers(w, a->accounting_record_number, f);
  if (a->accounting_record_type == WCHG_ACR_START)
    late_start(w, f);
  return WCHG_OK;
}

/* Does a fields section hold the IMS-Emergency-Indicator and a WebRTC
 * identity? */
static bool emergency_webrtc(const uint8_t *fields, size_t n) {
  return cdf_fields_has(fields, n, KEY_EMERGENCY) &&
         (cdf_fields_has(fields, n, KEY_WEBRTC) || cdf_fields_has(fields, n, KEY_WEBRTC + 1));
}

/* The length of the fields section |p| with its shared values inline. */
static size_t expanded(const wchg_cdf *c, const struct cdf_sess *s, const uint8_t *p, size_t n) {
  struct wchgi_out o = {NULL, 0, 0};
  if (!c->ids.len && !(s->flags & SF_REFS))
    return n;
  cdf_expand_fields(c, p, n, &o);
  return o.len;
}

/* The fields of the next store of |w| into *|v|: those of |s| when the
 * ACR changes none (v->fields NULL: in place), else |s|'s (NULL: a new
 * session) merged with the ACR's in c->work. */
static wchg_status next_fields(wchg_cdf *c, const struct cdf_sess *s, struct cdf_sess *w,
                               struct fold *f, struct cdf_view *v, wchg_diag *diag) {
  bool start = f->acr->accounting_record_type == WCHG_ACR_START;
  wchg_status st;
  v->fields = NULL;
  v->fields_len = s ? s->fields_len : 0;
  if (!s) {
    static const uint8_t none[1];
    v->fields = c->pack.p ? c->pack.p : none; /* an ACR with no fields: never NULL */
    v->fields_len = c->pack.len;
  } else if (!cdf_fields_same(sess_fields(s), s->fields_len, c->pack.p, c->pack.len, start)) {
    c->work.len = 0;
    if ((st = cdf_merge_fields(c, sess_fields(s), s->fields_len, c->pack.p, c->pack.len, start,
                               &c->work)) != WCHG_OK)
      return st;
    v->fields = c->work.p;
    v->fields_len = c->work.len;
    if (f->acr->accounting_record_type != WCHG_ACR_STOP) /* the session goes on */
      w->xfields = (uint32_t)expanded(c, s, v->fields, v->fields_len);
  }
  if (!s)
    w->xfields = (uint32_t)c->pack_x;
  w->fields_len = (uint32_t)v->fields_len;
  if (emergency_webrtc(v->fields ? v->fields : sess_fields(s), v->fields_len))
    return reject_emergency(diag, &f->rc);
  return WCHG_OK;
}

/* The next store of |w| (its fields in |v|): the Session-Id and
 * Origin-Host (of |s|, or the ACR's), the media |s| keeps (w->media_len
 * octets), the ACR's (|nmedia| entries in c->media). */
static void next_store(wchg_cdf *c, const struct cdf_sess *s, struct cdf_sess *w,
                       const struct fold *f, unsigned nmedia, struct cdf_view *v) {
  v->host = s ? sess_host(s) : f->acr->origin_host.ptr;
  v->host_len = w->host_len;
  if (!v->fields)
    v->fields = sess_fields(s);
  v->media[0] = s ? sess_media(s) : NULL;
  v->media_len[0] = w->media_len;
  v->media[1] = c->media.p;
  v->media_len[1] = c->media.len;
  w->media_len += (uint32_t)c->media.len;
  w->xmedia += (uint32_t)c->media_x;
  w->media_count = (uint16_t)(w->media_count + nmedia);
  if (c->ids.len)
    w->flags |= SF_REFS;
}

/* Write the store of |v| after the Session-Id at |blob|: fields, then
 * the media kept (already in place when |in_place|), then the ACR's. */
static void write_store(uint8_t *blob, const struct cdf_sess *w, const struct cdf_sess *s,
                        const struct cdf_view *v, bool in_place) {
  uint8_t *host = blob + w->sid_len, *fields = host + w->host_len;
  uint8_t *media = fields + w->fields_len;
  if (!in_place && v->host_len)
    memcpy(host, v->host, v->host_len);
  if (v->media_len[0] && (!in_place || media != sess_media(s)))
    memmove(media, v->media[0], v->media_len[0]);
  if (w->fields_len && (!in_place || v->fields != sess_fields(s)))
    memcpy(fields, v->fields, w->fields_len);
  if (v->media_len[1])
    memcpy(media + v->media_len[0], v->media[1], v->media_len[1]);
}

/* Is a store of |used| octets in |cap| worth keeping (not more than a
 * quarter and 32 octets spare)? */
static bool fits(size_t used, size_t cap) { return used <= cap && cap - used <= used / 4 + 32; }

/* The shared values the next store of |s| (|v|) no longer refers to,
 * given back: the media of a record a partial closed; the fields the ACR
 * replaced, or all of its own when it changed none. */
static void give_back(wchg_cdf *c, const struct cdf_sess *s, const struct fold *f,
                      const struct cdf_view *v) {
  uint32_t id;
  if ((s->flags & SF_REFS) && s->media_len && !v->media_len[0])
    cdf_release_media(c, sess_media(s), s->media_len);
  if (v->fields != sess_fields(s)) {
    cdf_merge_fields(c, sess_fields(s), s->fields_len, c->pack.p, c->pack.len,
                     f->acr->accounting_record_type == WCHG_ACR_START, NULL);
    return;
  }
  for (size_t k = 0; k < c->field_ids; k++) {
    memcpy(&id, c->ids.p + k * sizeof id, sizeof id);
    cdf_val_release(c, id);
  }
}

/* Put the store of |v| into the session |s| (NULL: a new session), with
 * the fixed part |w|: in place when it fits, else in a block of its size
 * (a new session's with room for one more media entry like the ACR's, up
 * to 64 octets: the next SIP transaction's). May allocate: NOMEM leaves
 * everything as it was. */
static wchg_status commit(wchg_cdf *c, struct cdf_sess *s, const struct fold *f,
                          const struct cdf_sess *w, const struct cdf_view *v) {
  size_t used = sess_used(w), cap = used + (s ? 0 : c->media.len < 64 ? c->media.len : 64);
  struct cdf_sess *ns;
  if (s && fits(used, s->cap)) {
    give_back(c, s, f, v);
    write_store(s->blob, w, s, v, true);
    cdf_update(c, s, w);
    return WCHG_OK;
  }
  if ((!s && cdf_table_reserve(c) != WCHG_OK) || !(ns = cdf_sess_alloc(c, (uint32_t)cap)))
    return WCHG_E_NOMEM;
  if (s)
    give_back(c, s, f, v);
  memcpy(ns->blob, s ? s->blob : (const uint8_t *)f->acr->session_id.ptr, w->sid_len);
  write_store(ns->blob, w, s, v, false);
  if (s) {
    memcpy(ns, s, offsetof(struct cdf_sess, blob));
    ns->cap = (uint32_t)cap;
    cdf_replace(c, f->hash, s, ns);
    cdf_update(c, ns, w);
  } else {
    memcpy(ns, w, offsetof(struct cdf_sess, blob));
    ns->cap = (uint32_t)cap;
    ns->heap_pos = CDF_NO_POS;
    cdf_insert(c, f->hash, ns);
  }
  return WCHG_OK;
}

/* The shared values of the closing session |s| given back: those its
 * final record (|v|) read are in c->ids; those of the entries the STOP
 * replaced, of the media a partial closed, are looked for. */
static void release_rest(wchg_cdf *c, const struct cdf_sess *s, const struct fold *f,
                         const struct cdf_view *v) {
  drop_ids(c, 0);
  if (!(s->flags & SF_REFS))
    return;
  if (v->fields != sess_fields(s))
    cdf_merge_fields(c, sess_fields(s), s->fields_len, c->pack.p, c->pack.len,
                     f->acr->accounting_record_type == WCHG_ACR_START, NULL);
  if (s->media_len && !v->media_len[0])
    cdf_release_media(c, sess_media(s), s->media_len);
}

/* A STOP: the session's final record (store |v|), then the session |s|
 * (if any) removed and its numbers remembered. */
static wchg_status close_final(wchg_cdf *c, struct cdf_sess *s, const struct cdf_sess *w,
                               struct fold *f, const struct cdf_view *v) {
  const wchg_acr *a = f->acr;
  struct cdf_close how = {0};
  wchg_status st;
  how.closure_ms = closure_at(w, f->t);
  how.cause = cdf_cause_for_closing(a->cause_code);
  how.final = true;
  how.end_ms = a->sip_request_timestamp.present ? a->sip_request_timestamp.unix_ms : f->t;
  how.cause_code = a->cause_code;
  how.collect = s && (s->flags & SF_REFS); /* the STOP's pack shares none */
  if ((st = cdf_emit_session(c, w, v, &how)) != WCHG_OK) {
    c->ids.len = 0; /* read, not given back */
    return st;
  }
  f->closed++;
  if (s) {
    release_rest(c, s, f, v);
    cdf_remove(c, f->hash, s);
  }
  cdf_dup_add(c, f->hash, w->max_number, w->seen);
  return WCHG_OK;
}

/*
 * Fold the ACR of |f| (packed, |nmedia| media entries) into the session
 * |s| (NULL: a new one). Partials first (their content is the store
 * before this ACR), then the ACR's fields and media, then the STOP's
 * final record.
 */
static wchg_status fold_packed(wchg_cdf *c, struct cdf_sess *s, struct fold *f, unsigned nmedia,
                               wchg_diag *diag) {
  struct cdf_sess w;
  struct cdf_view v;
  wchg_status st;

  if (!s)
    open_session(&w, f);
  else if ((st = fold_open(c, &w, s, f, &nmedia)) != WCHG_OK)
    return st;
  w.last_now_ms = f->now_ms;
  if (f->acr->retransmitted)
    w.flags |= SF_RETRANS;
  if ((st = next_fields(c, s, &w, f, &v, diag)) != WCHG_OK)
    return st;
  next_store(c, s, &w, f, nmedia, &v);
  if (f->acr->accounting_record_type == WCHG_ACR_STOP)
    return close_final(c, s, &w, f, &v);
  return commit(c, s, f, &w, &v);
}

/* Pack the ACR of |f| and fold it; when it fails, the values the pack
 * shared are given back. */
static wchg_status fold(wchg_cdf *c, struct cdf_sess *s, struct fold *f, wchg_diag *diag) {
  unsigned nmedia = 0;
  wchg_status st = pack_acr(c, f, &nmedia, diag);
  if (st == WCHG_OK && (st = fold_packed(c, s, f, nmedia, diag)) != WCHG_OK)
    drop_ids(c, 0);
  c->ids.len = 0; /* the store has them now */
  return st;
}

/* ---- feeding ------------------------------------------------------------------ */

static wchg_status feed_event(wchg_cdf *c, struct fold *f, bool *dup, wchg_diag *diag) {
  const wchg_acr *a = f->acr;
  const struct cdf_dup *d;
  wchg_status st;

  if (cdf_find(c, f->hash, a->session_id.ptr, a->session_id.len))
    return reject(diag, &f->rc, WCHG_E_STATE, WCHG_RC_UNABLE_TO_COMPLY, "ACR/Session-Id",
                  "an EVENT record for the Session-Id of an open session");
  if ((d = cdf_dup_find(c, f->hash)) != NULL) {
    if (was_seen(d->max_number, d->seen, a->accounting_record_number)) {
      *dup = true;
      return WCHG_OK;
    }
    return reject(diag, &f->rc, WCHG_E_STATE, WCHG_RC_UNABLE_TO_COMPLY, "ACR/Session-Id",
                  "the Session-Id of a record already closed");
  }
  st = cdf_emit_event(c, a, f->t, diag);
  if (st != WCHG_OK) {
    if (st != WCHG_E_NOMEM)
      f->rc = WCHG_RC_INVALID_AVP_VALUE;
    return st;
  }
  f->closed = 1;
  cdf_dup_add(c, f->hash, a->accounting_record_number, 1);
  return WCHG_OK;
}

static wchg_status feed_session(wchg_cdf *c, struct fold *f, bool *dup, wchg_diag *diag) {
  const wchg_acr *a = f->acr;
  uint32_t n = a->accounting_record_number;
  struct cdf_sess *s = cdf_find(c, f->hash, a->session_id.ptr, a->session_id.len);

  if (!s) {
    const struct cdf_dup *d = cdf_dup_find(c, f->hash);
    if (d) {
      if (was_seen(d->max_number, d->seen, n)) {
        *dup = true;
        return WCHG_OK;
      }
      return reject(diag, &f->rc, WCHG_E_STATE, WCHG_RC_UNABLE_TO_COMPLY,
                    "ACR/Accounting-Record-Number",
                    "an ACR of a session already closed that was not folded before");
    }
    return fold(c, NULL, f, diag);
  }
  if (was_seen(s->max_number, s->seen, n)) {
    *dup = true;
    return WCHG_OK;
  }
  /* the store is read after the ACR is packed: fetch it meanwhile */
  for (size_t at = 0; at < (size_t)s->cap; at += 64)
    __builtin_prefetch(s->blob + at);
  if (a->accounting_record_type == WCHG_ACR_START &&
      (n > s->max_number || (s->flags & SF_HAVE_START)))
    return reject(diag, &f->rc, WCHG_E_STATE, WCHG_RC_UNABLE_TO_COMPLY,
                  "ACR/Accounting-Record-Type", "a second START of an open session");
  return fold(c, s, f, diag);
}

wchg_status wchg_cdf_feed(wchg_cdf *c, const wchg_acr *a, int64_t now_ms, wchg_cdf_result *res,
                          wchg_diag *diag) {
  struct fold f = {0};
  struct cdf_qmark mark;
  wchg_cdf_result tmp;
  bool dup = false;
  wchg_status st;

  if (!res)
    res = &tmp;
  res->result_code = WCHG_RC_UNABLE_TO_COMPLY;
  res->duplicate = false;
  res->cdrs = 0;
  wchgi_diag_clear(diag);
  if (!c || !a || !time_ok(now_ms))
    return WCHG_E_ARG;
  f.acr = a;
  f.now_ms = now_ms;
  f.rc = WCHG_RC_UNABLE_TO_COMPLY;
  if ((st = check_acr(a, diag, &f.rc)) == WCHG_OK) {
    f.t = acr_time(a, now_ms);
    f.hash = cdf_hash(a->session_id.ptr, a->session_id.len);
    cdf_queue_mark(c, &mark);
    if (a->accounting_record_type == WCHG_ACR_EVENT)
      st = feed_event(c, &f, &dup, diag);
    else
      st = feed_session(c, &f, &dup, diag);
    if (st != WCHG_OK)
      cdf_queue_rollback(c, &mark);
  }
  if (st == WCHG_E_NOMEM) { /* as if it never came: the CTF may send it again */
    res->result_code = WCHG_RC_OUT_OF_SPACE;
    return st;
  }
  c->used = true;
  c->acrs++;
  if (st == WCHG_E_OTHER_NODE) {
    c->other_node++;
    res->result_code = 0;
    return st;
  }
  if (st != WCHG_OK) {
    c->rejected++;
    res->result_code = f.rc;
    return st;
  }
  if (dup)
    c->duplicates++;
  else
    c->folded++;
  c->lost += (uint64_t)f.lost;
  res->result_code = WCHG_RC_SUCCESS;
  res->duplicate = dup;
  res->cdrs = f.closed;
  return WCHG_OK;
}

/* ---- timers and management --------------------------------------------------- */

/* The silent session |s| closed at |now_ms| (cdf.h: wchg_cdf_expire). */
static wchg_status close_silent(wchg_cdf *c, struct cdf_sess *s, int64_t now_ms) {
  struct cdf_close how = {0};
  struct cdf_view v;
  uint64_t h;
  wchg_status st;
  how.closure_ms = closure_at(s, now_ms);
  how.cause = WCHG_CAUSE_TIME_LIMIT;
  how.final = true;
  how.stop_lost = true;
  how.end_ms = CDF_NO_TIME;
  how.collect = (s->flags & SF_REFS) != 0;
  cdf_view_of(s, &v);
  if ((st = cdf_emit_session(c, s, &v, &how)) != WCHG_OK) {
    c->ids.len = 0; /* read, not given back */
    return st;
  }
  c->lost++;
  h = cdf_hash(sess_sid(s), s->sid_len);
  cdf_dup_add(c, h, s->max_number, s->seen);
  drop_ids(c, 0); /* all it referred to */
  cdf_remove(c, h, s);
  return WCHG_OK;
}

/* |s| takes |w|, which closed its record: the media it held are given
 * back. */
static void close_media(wchg_cdf *c, struct cdf_sess *s, const struct cdf_sess *w) {
  if ((s->flags & SF_REFS) && s->media_len && !w->media_len)
    cdf_release_media(c, sess_media(s), s->media_len);
  cdf_update(c, s, w);
}

/* A timeLimit partial of |s| (its record has ended by |now_ms|). */
static wchg_status close_record(wchg_cdf *c, struct cdf_sess *s, int64_t now_ms) {
  struct cdf_sess w = *s;
  struct cdf_view v;
  unsigned k = 0;
  wchg_status st;
  cdf_view_of(s, &v);
  st = time_limit(c, &w, &v, now_ms, &k);
  if (st == WCHG_OK)
    close_media(c, s, &w);
  return st;
}

/* One CDR of the expiry: of a silent session or an ended record. NOMEM
 * leaves the queue as it was. */
static wchg_status expire_one(wchg_cdf *c, struct cdf_sess *s, int64_t now_ms, bool silent) {
  struct cdf_qmark mark;
  wchg_status st;
  cdf_queue_mark(c, &mark);
  st = silent ? close_silent(c, s, now_ms) : close_record(c, s, now_ms);
  if (st != WCHG_OK)
    cdf_queue_rollback(c, &mark);
  return st;
}

/* Silent sessions first (least recently active first), then ended
 * records (earliest end first), each one CDR, |budget| at most. */
wchg_status wchg_cdf_expire_budget(wchg_cdf *c, int64_t now_ms, unsigned budget,
                                   unsigned *closed, unsigned *due) {
  unsigned n = 0, max = budget ? budget : UINT_MAX;
  wchg_status st = WCHG_OK;
  struct cdf_sess *s;

  if (closed)
    *closed = 0;
  if (due)
    *due = 0;
  if (!c || !time_ok(now_ms))
    return WCHG_E_ARG;
  while (st == WCHG_OK && n < max && (s = c->lru_head) && cdf_silent(c, s, now_ms))
    if ((st = expire_one(c, s, now_ms, true)) == WCHG_OK)
      n++;
  while (st == WCHG_OK && n < max && (s = cdf_due_record(c, now_ms)))
    if ((st = expire_one(c, s, now_ms, false)) == WCHG_OK)
      n++;
  if (n)
    c->used = true;
  if (closed)
    *closed = n;
  if (due)
    *due = cdf_count_due(c, now_ms, max);
  return st;
}

wchg_status wchg_cdf_expire(wchg_cdf *c, int64_t now_ms, unsigned *closed) {
  return wchg_cdf_expire_budget(c, now_ms, 0, closed, NULL);
}

wchg_status wchg_cdf_close_session(wchg_cdf *c, wchg_str sid, int64_t now_ms) {
  struct cdf_sess *s, w;
  struct cdf_close how = {0};
  struct cdf_qmark mark;
  struct cdf_view v;
  wchg_status st;

  if (!c || !sid.ptr || !time_ok(now_ms))
    return WCHG_E_ARG;
  s = cdf_find(c, cdf_hash(sid.ptr, sid.len), sid.ptr, sid.len);
  if (!s)
    return WCHG_E_STATE;
  how.closure_ms = closure_at(s, now_ms);
  how.cause = WCHG_CAUSE_MANAGEMENT_INTERVENTION;
  how.end_ms = CDF_NO_TIME;
  cdf_queue_mark(c, &mark);
  cdf_view_of(s, &v);
  if ((st = cdf_emit_session(c, s, &v, &how)) != WCHG_OK) {
    cdf_queue_rollback(c, &mark);
    return st;
  }
  w = *s;
  next_record(&w, how.closure_ms);
  close_media(c, s, &w);
  c->used = true;
  return WCHG_OK;
}

/* ---- statistics ------------------------------------------------------------------ */

wchg_status wchg_cdf_stats_get(const wchg_cdf *c, wchg_cdf_stats *out) {
  if (!c || !out)
    return WCHG_E_ARG;
  memset(out, 0, sizeof *out);
  out->open_sessions = c->nsess;
  out->bytes_in_use = c->bytes;
  out->session_bytes = c->sess_bytes + cdf_tab_bytes(&c->sessions) + cdf_vec_bytes(&c->heap) +
                      cdf_vals_bytes(c);
  out->session_store_bytes = c->store_bytes + c->val_bytes;
  out->session_fixed_bytes = offsetof(struct cdf_sess, blob);
  out->queued_cdrs = c->qcount;
  out->queued_bytes = c->qbytes;
  out->acrs = c->acrs;
  out->folded = c->folded;
  out->duplicates = c->duplicates;
  out->rejected = c->rejected;
  out->cdrs = c->cdrs;
  out->lost = c->lost;
  out->other_node = c->other_node;
  out->warnings = c->warnings;
  return WCHG_OK;
}

/* ---- one message in, its answer out ---------------------------------------------- */

wchg_status wchg_cdf_feed_bytes_ex(wchg_cdf *c, const uint8_t *msg, size_t len, int64_t now_ms,
                                   uint8_t *out, size_t cap, size_t *out_len,
                                   wchg_cdf_result *res, wchg_diag *diag, wchg_warnings *warn) {
  wchg_cdf_result tmp;
  wchg_diag local, problem, *d = diag ? diag : &local;
  wchg_warnings count = {NULL, 0, 0}, *w = warn ? warn : &count;
  const wchg_acr *acr = NULL;
  wchg_status st, est;
  wchg_aca aca;
  size_t before = w->count;

  if (!res)
    res = &tmp;
  memset(res, 0, sizeof *res);
  if (!c || !out_len || (!msg && len) || (!out && cap))
    return WCHG_E_ARG;
  *out_len = 0;
  c->last_acr = NULL;
  if (len < 20)
    return WCHG_E_TRUNCATED;
  if (!c->reader) {
    c->reader = wchg_acr_reader_new(&c->mem);
    if (!c->reader)
      return WCHG_E_NOMEM;
  }
  wchgi_diag_clear(d);
  st = wchg_acr_decode_ex(c->reader, msg, len, c->cfg.policy, &acr, d, w);
  if (st == WCHG_OK) {
    c->last_acr = acr;
    st = wchg_cdf_feed(c, acr, now_ms, res, d);
    if (st != WCHG_E_NOMEM && st != WCHG_E_ARG)
      c->warnings += w->count - before;
    if (st == WCHG_E_OTHER_NODE) /* the host answers (cdf.h) */
      return st;
  } else {
    res->result_code = d->result_code ? d->result_code : WCHG_RC_UNABLE_TO_COMPLY;
    if (st == WCHG_E_ARG)
      return st;
  }
  if (st == WCHG_OK) {
    est = wchg_aca_from_acr(msg, len, NULL, &aca);
  } else {
    problem = *d; /* the ACA's Error-Message views it: lives to the end */
    if (problem.code == WCHG_OK) /* refused with no diag (out of memory, now_ms): never a 2001 */
      problem.code = st;
    problem.result_code = res->result_code;
    if (acr) /* fed and refused: no AVP at fault */
      problem.offset = WCHG_NO_OFFSET;
    est = wchg_aca_from_acr(msg, len, &problem, &aca);
  }
  if (est != WCHG_OK)
    return est;
  aca.origin_host = c->cfg.origin_host;
  aca.origin_realm = c->cfg.origin_realm;
  est = wchg_aca_encode(&aca, out, cap, out_len, NULL);
  if (est != WCHG_OK)
    return est;
  return st;
}

wchg_status wchg_cdf_feed_bytes(wchg_cdf *c, const uint8_t *msg, size_t len, int64_t now_ms,
                                uint8_t *out, size_t cap, size_t *out_len,
                                wchg_cdf_result *res, wchg_diag *diag) {
  return wchg_cdf_feed_bytes_ex(c, msg, len, now_ms, out, cap, out_len, res, diag, NULL);
}

const wchg_acr *wchg_cdf_last_acr(const wchg_cdf *c) { return c ? c->last_acr : NULL; }
