/*
 * ctf_session.c: one INVITE dialog as the charging trigger function sees
 * it (ctf.h, the table at its top; TS 32.260 §5.2.1): START on the 2xx to
 * the initial INVITE, INTERIM on a media change and on interim ticks, STOP
 * on the BYE, one EVENT for a failed setup or a CANCEL.
 *
 * Every event goes through the same steps: decide what it means in the
 * current state (classify), parse the values it needs, reserve the room
 * the stores need, then commit and fill the record. Only the reserve step
 * can fail for memory, and it changes nothing a caller can see.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "ctf/ctf_internal.h"

/* One SDP body kept for later records. */
struct sdp_slot {
  struct wchgi_buf text;
  bool set;
  int type;       /* WCHG_SDP_OFFER or WCHG_SDP_ANSWER */
  bool initiator; /* Media-Initiator-Flag: the calling party sent the offer */
};

struct wchg_ctf_session {
  wchg_mem mem;
  const wchg_ctf_config *cfg;
  wchg_ctf_state state;
  uint32_t record_number;
  int role;
  bool emergency, acked;
  int64_t invite_ms, last_record_ms;

  /* from the initial INVITE and the registration */
  struct wchgi_buf base;
  struct ctf_user_refs user;
  struct ctf_ref sid, call_id, called, from, caller_tag, route_received, route_transmitted, icsi,
      icid, orig_ioi;
  struct ctf_ref calling[CTF_MAX_LIST];
  size_t calling_count;
  struct ctf_ref transit_req[WCHG_SIP_MAX_TRANSIT_IOI];
  size_t transit_req_count;
  wchg_ip_address served_ip;

  /* from the 2xx to the INVITE */
  struct wchgi_buf resp;
  struct ctf_ref term_ioi;
  struct ctf_ref transit_resp[WCHG_SIP_MAX_TRANSIT_IOI];
  size_t transit_resp_count;

  /* the latest P-Access-Network-Info from the UE: its first two specs */
  struct wchgi_buf ani;
  struct ctf_ref ani_spec[2];

  /* SDP: the INVITE's offer, the early answer, the agreed session (read
   * again when a change is to be told) */
  struct sdp_slot offer, early, agreed;
  bool offered; /* the INVITE had an SDP body (kept in |offer| if read) */

  /* a re-INVITE or UPDATE waiting for its final response */
  struct {
    bool on, offer, caller;
    wchg_str method; /* a literal */
    int64_t ms;
  } pending;

  /* the ACRs sent and not yet answered, an ACA's interval (ctf_aca.c) */
  struct ctf_answers answers;
};

CTF_CONFIGURED(struct wchg_ctf_session);

wchg_ctf_session *wchg_ctf_session_new(const wchg_ctf_config *cfg) {
  return ctf_object_of_config(cfg, sizeof(wchg_ctf_session));
}

void wchg_ctf_session_reset(wchg_ctf_session *s) {
  if (!s)
    return;
  s->state = WCHG_CTF_IDLE;
  s->record_number = 0;
  s->base.len = s->resp.len = s->ani.len = 0;
  s->offer.text.len = s->early.text.len = s->agreed.text.len = 0;
  s->offer.set = s->early.set = s->agreed.set = false;
  s->pending.on = false;
  s->acked = false;
  ctf_answers_reset(&s->answers);
}

void wchg_ctf_session_free(wchg_ctf_session *s) {
  if (!s)
    return;
  void *blocks[] = {s->base.p,      s->resp.p,       s->ani.p,
                    s->offer.text.p, s->early.text.p, s->agreed.text.p};
  ctf_answers_free(&s->answers, &s->mem);
  ctf_object_free(s, blocks, WCHG_ARRAY_LEN(blocks));
}

wchg_ctf_state wchg_ctf_session_state(const wchg_ctf_session *s) {
  return s ? s->state : WCHG_CTF_IDLE;
}

uint32_t wchg_ctf_session_record_number(const wchg_ctf_session *s) {
  return s ? s->record_number : 0;
}

struct ctf_answers *ctf_session_answers(wchg_ctf_session *s, const wchg_mem **mem,
                                        wchg_str *sid) {
  *mem = &s->mem;
  *sid = s->state == WCHG_CTF_IDLE ? (wchg_str){NULL, 0} : ctf_get(&s->base, s->sid);
  return &s->answers;
}

/* ---- helpers ----------------------------------------------------------- */

static size_t list_len(const wchg_str *v, size_t n) {
  size_t t = 0;
  for (size_t k = 0; k < n; k++)
    t += v[k].len;
  return t;
}

/* The tag parameter of a From header value (RFC 3261 §19.3), or absent. */
static wchg_str from_tag(wchg_str from) {
  size_t i = 0, start;
  const char *p = from.ptr;
  if (!p)
    return from;
  for (size_t k = 0; k < from.len; k++) /* parameters follow the URI's '>' */
    if (p[k] == '>')
      i = k;
  for (; i + 5 <= from.len; i++)
    if (p[i] == ';' && wchgi_has_prefix_ci((wchg_str){p + i + 1, from.len - i - 1}, "tag="))
      break;
  if (i + 5 > from.len)
    return (wchg_str){NULL, 0};
  start = i + 5;
  for (i = start; i < from.len && p[i] != ';' && p[i] != ' ' && p[i] != '\t'; i++)
    ;
  return (wchg_str){p + start, i - start};
}

/* Was |ev| sent by the calling party's side? In a dialog each side's From
 * keeps its tag (RFC 3261 §12.2.1.1), so compare with the INVITE's. */
static bool from_caller(const wchg_ctf_session *s, const wchg_sip_event *ev) {
  wchg_str mine = ctf_get(&s->base, s->caller_tag), tag = from_tag(ev->from);
  if (!ev->from.ptr)
    return true;
  if (mine.ptr && tag.ptr)
    return ctf_str_eq(mine, tag);
  return ctf_str_eq(ev->from, ctf_get(&s->base, s->from));
}

/* A media change: the (m= line, direction) lists of |now| and of the
 * agreed SDP |agreed| differ. */
static bool media_changed(const wchg_sdp_body *now, const wchg_sdp_body *agreed) {
  if (now->media_count != agreed->media_count)
    return true;
  for (size_t k = 0; k < now->media_count; k++)
    if (!ctf_str_eq(now->media[k].media_name, agreed->media[k].media_name) ||
        wchg_sdp_body_direction(now, k) != wchg_sdp_body_direction(agreed, k))
      return true;
  return false;
}

static void slot_set(struct sdp_slot *slot, wchg_str text, int type, bool initiator) {
  slot->text.len = 0;
  ctf_put(&slot->text, text);
  slot->set = true;
  slot->type = type;
  slot->initiator = initiator;
}

static wchg_str slot_text(const struct sdp_slot *slot) {
  return (wchg_str){slot->text.p ? (const char *)slot->text.p : "", slot->text.len};
}

/* ---- the session's part of every record -------------------------------- */

struct view {
  struct ctf_user user;
  wchg_str calling[CTF_MAX_LIST];
  wchg_str transit_req[WCHG_SIP_MAX_TRANSIT_IOI], transit_resp[WCHG_SIP_MAX_TRANSIT_IOI];
};

static void session_facts(const wchg_ctf_session *s, struct view *v, struct ctf_facts *f,
                          int32_t type, int64_t event_ms, const wchg_ip_address *ip) {
  const struct wchgi_buf *b = &s->base;
  memset(f, 0, sizeof *f);
  ctf_user_get(b, &s->user, &v->user);
  for (size_t k = 0; k < s->calling_count; k++)
    v->calling[k] = ctf_get(b, s->calling[k]);
  for (size_t k = 0; k < s->transit_req_count; k++)
    v->transit_req[k] = ctf_get(b, s->transit_req[k]);
  for (size_t k = 0; k < s->transit_resp_count; k++)
    v->transit_resp[k] = ctf_get(&s->resp, s->transit_resp[k]);
  f->cfg = s->cfg;
  f->record_type = type;
  f->record_number = s->record_number;
  f->session_id = ctf_get(b, s->sid);
  f->event_ms = event_ms;
  f->role_of_node = s->role;
  f->user = &v->user;
  f->user_session_id = ctf_get(b, s->call_id);
  f->calling = v->calling;
  f->calling_count = s->calling_count;
  f->called = ctf_get(b, s->called);
  f->icid = ctf_get(b, s->icid);
  f->orig_ioi = ctf_get(b, s->orig_ioi);
  f->term_ioi = ctf_get(&s->resp, s->term_ioi);
  f->transit_req = v->transit_req;
  f->transit_req_count = s->transit_req_count;
  f->transit_resp = v->transit_resp;
  f->transit_resp_count = s->transit_resp_count;
  f->served_ip = ip && ip->choice != WCHG_IP_ABSENT ? ip : &s->served_ip;
  f->ani[0] = ctf_get(&s->ani, s->ani_spec[0]);
  f->ani[1] = ctf_get(&s->ani, s->ani_spec[1]);
  f->from = ctf_get(b, s->from);
  f->route_received = ctf_get(b, s->route_received);
  f->route_transmitted = ctf_get(b, s->route_transmitted);
  f->icsi = ctf_get(b, s->icsi);
  f->emergency = s->emergency;
  f->interim_interval = type == WCHG_ACR_START || type == WCHG_ACR_INTERIM;
  f->interval = ctf_answers_interval(&s->answers, &s->cfg->acct_interim_interval);
}

/* The media of a record: the SDP of |slot| (NULL or unset: none), read
 * into r->sdp[0] before. */
static void media(struct ctf_facts *f, wchg_ctf_record *r, const struct sdp_slot *slot) {
  if (!slot || !slot->set)
    return;
  f->sdp = &r->sdp[0];
  f->sdp_type = slot->type;
  f->media_initiator = slot->initiator;
}

static void keep_ani(wchg_ctf_session *s, const wchg_str spec[2]) {
  if (!spec[0].ptr)
    return;
  s->ani.len = 0;
  s->ani_spec[0] = ctf_put(&s->ani, spec[0]);
  s->ani_spec[1] = ctf_put(&s->ani, spec[1]);
}

/* ---- begin ------------------------------------------------------------- */

static wchg_status begin_check(const wchg_ctf_session *s, int role,
                               const wchg_sip_event *invite, wchg_diag *diag) {
  if (!ctf_is(invite->method, "INVITE") || invite->status_code != 0 ||
      !s->cfg->origin_host.len)
    return ctf_fail(diag, WCHG_E_ARG, "INVITE", NULL, "not an INVITE request");
  if (s->state != WCHG_CTF_IDLE)
    return ctf_fail(diag, WCHG_E_STATE, "INVITE", NULL, "the session is not idle");
  if (role != WCHG_ROLE_ORIGINATING && role != WCHG_ROLE_TERMINATING)
    return ctf_fail(diag, WCHG_E_RANGE, "INVITE", "role_of_node", "not 0 or 1");
  return ctf_check_list(invite->asserted_identity_count, "INVITE", "asserted_identity", diag);
}

/* What the initial INVITE says, read before anything changes. */
struct begun {
  struct ctf_user user;
  struct ctf_pcv pcv;
  wchg_str ani[2], called;
  wchg_ip_address ip;
  bool emergency;
  bool sdp; /* the INVITE's SDP body was read into r->sdp[0] */
};

/* The INVITE's values into |out|'s scratch and *b; the P-Access-Network-
 * Info and the served address fall back to the registration's. */
static wchg_status begin_read(const wchg_ctf_session *s, const wchg_ctf_reg *reg, int role,
                              const wchg_sip_event *ev, wchg_ctf_record *out, struct begun *b,
                              wchg_diag *diag) {
  wchg_status rc = begin_check(s, role, ev, diag);
  b->emergency = b->sdp = false;
  if (rc == WCHG_OK)
    rc = ctf_check_user(reg, ev, &b->emergency, diag);
  if (rc == WCHG_OK)
    rc = ctf_record_begin(out, ev->charging_vector.len);
  if (rc == WCHG_OK)
    rc = ctf_parse_pcv(out, 0, ev->charging_vector, &b->pcv, diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_ani(out, ev->access_network_info.ptr ? ev->access_network_info
                                                         : ctf_reg_ani(reg),
                       b->ani, diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_ip(ev->served_party_ip.ptr ? ev->served_party_ip : ctf_reg_served_ip(reg),
                      &b->ip, "INVITE", diag);
  if (rc == WCHG_OK)
    rc = ctf_event_sdp(out, s->cfg, ev->sdp, &b->sdp, diag);
  if (rc != WCHG_OK)
    return rc;
  ctf_reg_user(reg, &b->user);
  /* Called-Party-Address: the Request-URI; for a terminating user the
   * P-Called-Party-ID when given (TS 32.299 §7.2.25) */
  b->called = role == WCHG_ROLE_TERMINATING && ev->called_party_id.ptr ? ev->called_party_id
                                                                        : ev->request_uri;
  return WCHG_OK;
}

/* Room for what the session keeps of the INVITE; WCHG_E_NOMEM changes
 * nothing visible. */
static wchg_status begin_reserve(wchg_ctf_session *s, const wchg_sip_event *ev,
                                 const struct begun *b) {
  size_t need = ctf_session_id_bound(s->cfg) + ctf_user_len(&b->user) + ev->call_id.len +
                b->called.len + ev->from.len + ev->route_received.len +
                ev->route_transmitted.len + ev->icsi.len + b->pcv.icid.len +
                b->pcv.orig_ioi.len + list_len(ev->asserted_identity, ev->asserted_identity_count) +
                list_len(b->pcv.transit, b->pcv.transit_count);
  if (wchgi_buf_reserve(&s->base, &s->mem, need, NULL) != WCHG_OK ||
      wchgi_buf_reserve(&s->ani, &s->mem, b->ani[0].len + b->ani[1].len, NULL) != WCHG_OK ||
      wchgi_buf_reserve(&s->offer.text, &s->mem, b->sdp ? ev->sdp.len : 0, NULL) != WCHG_OK)
    return WCHG_E_NOMEM;
  return WCHG_OK;
}

/* The tag of the INVITE's From (kept at s->from) as a place in the base
 * store; unset when it has none. */
static struct ctf_ref caller_tag(const wchg_ctf_session *s) {
  wchg_str tag = from_tag(ctf_get(&s->base, s->from));
  struct ctf_ref r = s->from;
  r.set = false;
  if (tag.ptr)
    r = (struct ctf_ref){(size_t)(tag.ptr - (const char *)s->base.p), tag.len, true};
  return r;
}

/* The Session-Id of |unique| and what every record of the session
 * repeats from the INVITE and the registration into the base store (room
 * made by begin_reserve). */
static void keep_base(wchg_ctf_session *s, uint64_t unique, const wchg_sip_event *ev,
                      const struct begun *b) {
  size_t sid_len = 0;
  wchg_ctf_session_id(s->cfg, unique, (char *)s->base.p, s->base.cap, &sid_len);
  s->sid = (struct ctf_ref){0, sid_len, true};
  s->base.len = sid_len;
  ctf_user_put(&s->base, &s->user, &b->user);
  s->call_id = ctf_put(&s->base, ev->call_id);
  s->called = ctf_put(&s->base, b->called);
  s->from = ctf_put(&s->base, ev->from);
  s->caller_tag = caller_tag(s);
  s->route_received = ctf_put(&s->base, ev->route_received);
  s->route_transmitted = ctf_put(&s->base, ev->route_transmitted);
  s->icsi = ctf_put(&s->base, ev->icsi);
  s->icid = ctf_put(&s->base, b->pcv.icid);
  s->orig_ioi = ctf_put(&s->base, b->pcv.orig_ioi);
  for (size_t k = 0; k < ev->asserted_identity_count; k++)
    s->calling[k] = ctf_put(&s->base, ev->asserted_identity[k]);
  s->calling_count = ev->asserted_identity_count;
  for (size_t k = 0; k < b->pcv.transit_count; k++)
    s->transit_req[k] = ctf_put(&s->base, b->pcv.transit[k]);
  s->transit_req_count = b->pcv.transit_count;
}

wchg_status wchg_ctf_session_begin(wchg_ctf_session *s, const wchg_ctf_reg *reg,
                                   int role_of_node, uint64_t unique,
                                   const wchg_sip_event *invite, wchg_ctf_record *out,
                                   wchg_diag *diag) {
  struct begun b;
  wchg_status rc;

  wchgi_diag_clear(diag);
  if (!out)
    return WCHG_E_ARG;
  ctf_record_none(out);
  if (!s || !invite)
    return WCHG_E_ARG;
  rc = begin_read(s, reg, role_of_node, invite, out, &b, diag);
  if (rc == WCHG_OK)
    rc = begin_reserve(s, invite, &b);
  if (rc != WCHG_OK)
    return rc;

  wchg_ctf_session_reset(s);
  keep_base(s, unique, invite, &b);
  s->served_ip = b.ip;
  keep_ani(s, b.ani);
  if (b.sdp) /* the calling party's offer */
    slot_set(&s->offer, invite->sdp, WCHG_SDP_OFFER, true);
  s->offered = invite->sdp.ptr != NULL;
  s->role = role_of_node;
  s->emergency = b.emergency;
  s->invite_ms = invite->time_ms;
  s->state = WCHG_CTF_SETUP;
  return WCHG_OK;
}

/* ---- the session's IMS-Information, for an online charging client ------ */

/* The start of a call that may fill |out|: no record yet; WCHG_E_ARG
 * for a NULL |s| or |out|. */
static wchg_status no_record(const wchg_ctf_session *s, wchg_ctf_record *out, wchg_diag *diag) {
  wchgi_diag_clear(diag);
  if (!out)
    return WCHG_E_ARG;
  ctf_record_none(out);
  return s ? WCHG_OK : WCHG_E_ARG;
}

wchg_status wchg_ctf_session_info(const wchg_ctf_session *s, int64_t now_ms,
                                  wchg_ctf_record *out, wchg_diag *diag) {
  const struct sdp_slot *slot;
  struct view v;
  struct ctf_facts f;
  wchg_status rc = no_record(s, out, diag);
  if (rc != WCHG_OK)
    return rc;
  if (s->state == WCHG_CTF_IDLE)
    return WCHG_E_STATE;
  /* the agreed media once there are, else the INVITE's offer */
  slot = s->agreed.set ? &s->agreed : s->offer.set ? &s->offer : NULL;
  if (slot && (rc = ctf_parse_sdp(out, 0, s->cfg, slot_text(slot), false, diag)) != WCHG_OK)
    return rc; /* WCHG_E_NOMEM: it was read when it was kept */
  session_facts(s, &v, &f, WCHG_ACR_NONE, now_ms, NULL);
  f.interim_interval = false;
  f.sip_method = WCHG_STR("INVITE");
  f.request_ts = WCHG_TIME_MS(s->invite_ms);
  media(&f, out, slot);
  ctf_fill(out, &f);
  return WCHG_OK;
}

/* ---- events ------------------------------------------------------------ */

enum action {
  ACT_STATE,   /* out of order: WCHG_E_STATE */
  ACT_SILENT,  /* nothing, nothing read (CLOSED) */
  ACT_NOTE,    /* no record; a P-Access-Network-Info is kept */
  ACT_EARLY,   /* an early SDP answer (1xx, 2xx to an early UPDATE) */
  ACT_START,   /* 2xx to the initial INVITE */
  ACT_FAIL,    /* 3xx..6xx to the initial INVITE, or CANCEL */
  ACT_ACK,
  ACT_PENDING, /* re-INVITE or UPDATE */
  ACT_MODIFY,  /* 2xx to it */
  ACT_DROP,    /* 3xx..6xx to it */
  ACT_STOP,    /* BYE */
};

static bool is_pending_response(const wchg_ctf_session *s, const wchg_sip_event *ev) {
  return s->pending.on && ctf_str_eq(ev->method, s->pending.method);
}

static enum action classify_request(const wchg_ctf_session *s, wchg_str m) {
  bool dialog_forming = ctf_is(m, "INVITE") || ctf_is(m, "ACK") || ctf_is(m, "BYE") ||
                        ctf_is(m, "CANCEL") || ctf_is(m, "REGISTER");
  switch (s->state) {
  case WCHG_CTF_SETUP:
    if (ctf_is(m, "CANCEL"))
      return ACT_FAIL;
    if (ctf_is(m, "UPDATE")) /* early dialog (RFC 3311) */
      return ACT_PENDING;
    return dialog_forming ? ACT_STATE : ACT_NOTE;
  case WCHG_CTF_ACTIVE:
    if (ctf_is(m, "ACK"))
      return ACT_ACK;
    if (ctf_is(m, "INVITE") || ctf_is(m, "UPDATE"))
      return ACT_PENDING;
    if (ctf_is(m, "BYE"))
      return ACT_STOP;
    return dialog_forming ? ACT_STATE : ACT_NOTE;
  case WCHG_CTF_CLOSED: /* the ACK of the failure response (RFC 3261 §17.1.1.3) */
    return ctf_is(m, "ACK") ? ACT_SILENT : ACT_STATE;
  default:
    return ACT_STATE;
  }
}

static enum action classify(const wchg_ctf_session *s, const wchg_sip_event *ev) {
  int st = ev->status_code;
  if (!st)
    return classify_request(s, ev->method);
  switch (s->state) {
  case WCHG_CTF_SETUP:
    if (ctf_is(ev->method, "INVITE"))
      return st < 200 ? ACT_EARLY : st < 300 ? ACT_START : ACT_FAIL;
    if (is_pending_response(s, ev))
      return st < 200 ? ACT_NOTE : st < 300 ? ACT_EARLY : ACT_DROP;
    return ACT_NOTE;
  case WCHG_CTF_ACTIVE:
    /* a 2xx to the INVITE with nothing pending is a retransmission or
     * another fork's answer */
    if (is_pending_response(s, ev))
      return st < 200 ? ACT_NOTE : st < 300 ? ACT_MODIFY : ACT_DROP;
    return ACT_NOTE;
  case WCHG_CTF_CLOSED:
    return ACT_SILENT;
  default:
    return ACT_STATE;
  }
}

/* What an event's values say, parsed before anything changes. */
struct parsed {
  struct ctf_pcv pcv;
  wchg_str ani[2];
  wchg_ip_address ip;
  bool sdp;         /* the event's SDP body was read into r->sdp[0] */
  bool sdp_refused; /* strict: the call fails for the event's SDP body */
  bool changed;     /* ACT_MODIFY: it changes the agreed media */
};

/* The SDP the record of |act| needs besides the event's, into the
 * record's scratch before anything changes: a START without a readable
 * SDP takes the early answer, else the offer (into r->sdp[0]); a 2xx to
 * a re-INVITE or UPDATE is compared with the agreed SDP (read into
 * r->sdp[1] and told now: reserve() may move the agreed text). */
static wchg_status parse_kept(const wchg_ctf_session *s, wchg_ctf_record *r, enum action act,
                              struct parsed *p, wchg_diag *diag) {
  const struct sdp_slot *kept = s->early.set ? &s->early : &s->offer;
  wchg_status rc = WCHG_OK;
  if (act == ACT_START && !p->sdp && kept->set)
    rc = ctf_parse_sdp(r, 0, s->cfg, slot_text(kept), false, diag);
  if (act == ACT_MODIFY && p->sdp) {
    rc = ctf_parse_sdp(r, 1, s->cfg, s->agreed.set ? slot_text(&s->agreed)
                                                  : (wchg_str){NULL, 0}, false, diag);
    p->changed = rc == WCHG_OK && media_changed(&r->sdp[0], &r->sdp[1]);
  }
  return rc;
}

static wchg_status parse_event(const wchg_ctf_session *s, wchg_ctf_record *r, enum action act,
                               const wchg_sip_event *ev, struct parsed *p, wchg_diag *diag) {
  char name[24];
  wchg_status rc;
  memset(p, 0, sizeof *p);
  rc = ctf_record_begin(r, ev->charging_vector.len);
  if (rc == WCHG_OK && (act == ACT_START || act == ACT_FAIL))
    rc = ctf_parse_pcv(r, 1, ev->charging_vector, &p->pcv, diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_ani(r, ev->access_network_info, p->ani, diag);
  if (rc == WCHG_OK)
    rc = ctf_parse_ip(ev->served_party_ip, &p->ip, ctf_root(ev->method, name), diag);
  if (rc == WCHG_OK &&
      (act == ACT_EARLY || act == ACT_START || act == ACT_PENDING || act == ACT_MODIFY)) {
    rc = ctf_event_sdp(r, s->cfg, ev->sdp, &p->sdp, diag);
    p->sdp_refused = rc != WCHG_OK && rc != WCHG_E_NOMEM;
  }
  if (rc == WCHG_OK && act == ACT_START)
    rc = ctf_check_list(ev->asserted_identity_count, "INVITE", "asserted_identity", diag);
  if (rc == WCHG_OK)
    rc = parse_kept(s, r, act, p, diag);
  return rc;
}

/* Room for what the action keeps; WCHG_E_NOMEM changes nothing visible. */
static wchg_status reserve(wchg_ctf_session *s, enum action act, const wchg_sip_event *ev,
                           const struct parsed *p) {
  size_t sdp = p->sdp ? ev->sdp.len : 0;
  if (wchgi_buf_reserve(&s->ani, &s->mem, p->ani[0].len + p->ani[1].len, NULL) != WCHG_OK)
    return WCHG_E_NOMEM;
  switch (act) {
  case ACT_EARLY:
    return wchgi_buf_reserve(&s->early.text, &s->mem, sdp, NULL);
  case ACT_START:
    if (wchgi_buf_reserve(&s->resp, &s->mem,
                     p->pcv.term_ioi.len + list_len(p->pcv.transit, p->pcv.transit_count), NULL) !=
        WCHG_OK)
      return WCHG_E_NOMEM;
    return wchgi_buf_reserve(&s->agreed.text, &s->mem, sdp, NULL);
  case ACT_MODIFY:
    return wchgi_buf_reserve(&s->agreed.text, &s->mem, sdp, NULL);
  default:
    return WCHG_OK;
  }
}

/* START: the agreed SDP is the 2xx's, else the early answer, else the
 * offer when no answer was ever seen (read into r->sdp[0] by
 * parse_kept(): its views move with the slot's buffer). */
static void do_start(wchg_ctf_session *s, const wchg_sip_event *ev, const struct parsed *p,
                     wchg_ctf_record *r) {
  struct view v;
  struct ctf_facts f;
  s->resp.len = 0;
  s->term_ioi = ctf_put(&s->resp, p->pcv.term_ioi);
  for (size_t k = 0; k < p->pcv.transit_count; k++)
    s->transit_resp[k] = ctf_put(&s->resp, p->pcv.transit[k]);
  s->transit_resp_count = p->pcv.transit_count;
  if (p->sdp) {
    /* an answer to the INVITE's offer, or the called party's offer */
    slot_set(&s->agreed, ev->sdp, s->offered ? WCHG_SDP_ANSWER : WCHG_SDP_OFFER, s->offered);
  } else {
    struct sdp_slot tmp = s->agreed;
    struct sdp_slot *from = s->early.set ? &s->early : &s->offer;
    s->agreed = *from;
    *from = tmp;
    from->set = false;
  }
  s->state = WCHG_CTF_ACTIVE;
  s->record_number = 0;
  s->last_record_ms = ev->time_ms;
  session_facts(s, &v, &f, WCHG_ACR_START, ev->time_ms, &p->ip);
  f.sip_method = WCHG_STR("INVITE");
  f.request_ts = WCHG_TIME_MS(s->invite_ms);
  f.response_ts = WCHG_TIME_MS(ev->time_ms);
  f.called_asserted = ev->asserted_identity;
  f.called_asserted_count = ev->asserted_identity_count;
  media(&f, r, &s->agreed);
  ctf_fill(r, &f);
}

static void do_fail(wchg_ctf_session *s, const wchg_sip_event *ev, const struct parsed *p,
                    wchg_ctf_record *r) {
  struct view v;
  struct ctf_facts f;
  bool cancel = ev->status_code == 0;
  s->state = WCHG_CTF_CLOSED;
  s->record_number = 0;
  session_facts(s, &v, &f, WCHG_ACR_EVENT, ev->time_ms, &p->ip);
  f.term_ioi = p->pcv.term_ioi;
  f.transit_resp = p->pcv.transit;
  f.transit_resp_count = p->pcv.transit_count;
  f.sip_method = cancel ? WCHG_STR("CANCEL") : WCHG_STR("INVITE");
  f.request_ts = WCHG_TIME_MS(cancel ? ev->time_ms : s->invite_ms);
  if (!cancel)
    f.response_ts = WCHG_TIME_MS(ev->time_ms);
  /* a CANCEL ends the setup as its 487 would (TS 32.299 §7.2.35) */
  f.cause_code = WCHG_INT(cancel ? 487 : wchg_cause_code("INVITE", ev->status_code, false));
  f.reason = ev->reason;
  f.reason_count = ev->reason_count;
  ctf_fill(r, &f);
}

static void do_early(wchg_ctf_session *s, const wchg_sip_event *ev, const struct parsed *p) {
  bool update = ev->status_code >= 200; /* the 2xx to an early UPDATE */
  if (update)
    s->pending.on = false;
  if (!p->sdp)
    return;
  if (update)
    slot_set(&s->early, ev->sdp, s->pending.offer ? WCHG_SDP_ANSWER : WCHG_SDP_OFFER,
             s->pending.offer ? s->pending.caller : !s->pending.caller);
  else /* a 1xx: the answer to the INVITE's offer, or the callee's offer */
    slot_set(&s->early, ev->sdp, s->offered ? WCHG_SDP_ANSWER : WCHG_SDP_OFFER, s->offered);
}

/* The 2xx to a re-INVITE or UPDATE: INTERIM when the media changed. */
static void do_modify(wchg_ctf_session *s, const wchg_sip_event *ev, const struct parsed *p,
                      wchg_ctf_record *r) {
  struct view v;
  struct ctf_facts f;
  bool offer = s->pending.offer, caller = s->pending.caller;
  wchg_str method = s->pending.method;
  int64_t req_ms = s->pending.ms;
  s->pending.on = false;
  if (!p->changed)
    return; /* an o= version bump alone is no change */
  slot_set(&s->agreed, ev->sdp, offer ? WCHG_SDP_ANSWER : WCHG_SDP_OFFER,
           offer ? caller : !caller);
  s->record_number++;
  s->last_record_ms = ev->time_ms;
  session_facts(s, &v, &f, WCHG_ACR_INTERIM, ev->time_ms, &p->ip);
  f.sip_method = method;
  f.request_ts = WCHG_TIME_MS(req_ms);
  f.response_ts = WCHG_TIME_MS(ev->time_ms);
  media(&f, r, &s->agreed);
  ctf_fill(r, &f);
}

static void do_stop(wchg_ctf_session *s, const wchg_sip_event *ev, const struct parsed *p,
                    wchg_ctf_record *r) {
  struct view v;
  struct ctf_facts f;
  s->state = WCHG_CTF_CLOSED;
  s->record_number++;
  session_facts(s, &v, &f, WCHG_ACR_STOP, ev->time_ms, &p->ip);
  f.sip_method = WCHG_STR("BYE");
  f.request_ts = WCHG_TIME_MS(ev->time_ms);
  /* TS 32.299 §7.2.35: 0 normal end; 2 when the ACK never came */
  f.cause_code = WCHG_INT(s->acked ? WCHG_CAUSE_NORMAL_END : WCHG_CAUSE_UNSUCCESSFUL_SETUP);
  f.reason = ev->reason;
  f.reason_count = ev->reason_count;
  ctf_fill(r, &f);
}

/* A re-INVITE or UPDATE: its final response is awaited. An offer is
 * an SDP body sent, read or not. */
static void await_answer(wchg_ctf_session *s, const wchg_sip_event *ev) {
  s->pending.on = true;
  s->pending.offer = ev->sdp.ptr != NULL;
  s->pending.caller = from_caller(s, ev);
  s->pending.method = ctf_is(ev->method, "INVITE") ? WCHG_STR("INVITE") : WCHG_STR("UPDATE");
  s->pending.ms = ev->time_ms;
}

/* What |act| does to the session, and its record into |r|. */
static void apply(wchg_ctf_session *s, enum action act, const wchg_sip_event *ev,
                  const struct parsed *p, wchg_ctf_record *r) {
  switch (act) {
  case ACT_EARLY:
    do_early(s, ev, p);
    break;
  case ACT_START:
    do_start(s, ev, p, r);
    break;
  case ACT_FAIL:
    do_fail(s, ev, p, r);
    break;
  case ACT_ACK:
    s->acked = true;
    break;
  case ACT_PENDING:
    await_answer(s, ev);
    break;
  case ACT_MODIFY:
    do_modify(s, ev, p, r);
    break;
  case ACT_DROP:
    s->pending.on = false;
    break;
  case ACT_STOP:
    do_stop(s, ev, p, r);
    break;
  default:
    break;
  }
}

wchg_status wchg_ctf_session_event(wchg_ctf_session *s, const wchg_sip_event *ev,
                                   wchg_ctf_record *out, wchg_diag *diag) {
  struct parsed p;
  enum action act;
  char name[24];
  wchg_status rc;

  wchgi_diag_clear(diag);
  if (!out)
    return WCHG_E_ARG;
  ctf_record_none(out);
  if (!s || !ev || !ev->method.len)
    return WCHG_E_ARG;
  if (ev->status_code && (ev->status_code < 100 || ev->status_code > 699))
    return ctf_fail(diag, WCHG_E_RANGE, ctf_root(ev->method, name), "status_code",
                    "not a SIP status");
  act = classify(s, ev);
  if (act == ACT_STATE)
    return ctf_fail(diag, WCHG_E_STATE, ctf_root(ev->method, name), NULL,
                    "out of order for the session");
  if (act == ACT_SILENT)
    return WCHG_OK;
  rc = parse_event(s, out, act, ev, &p, diag);
  if (rc == WCHG_OK && reserve(s, act, ev, &p) != WCHG_OK)
    rc = WCHG_E_NOMEM;
  if (rc != WCHG_OK && p.sdp_refused && act == ACT_PENDING)
    await_answer(s, ev); /* strict: its 2xx still tells the change (ctf.h) */
  if (rc != WCHG_OK)
    return rc;

  keep_ani(s, p.ani);
  apply(s, act, ev, &p, out);
  return WCHG_OK;
}

wchg_status wchg_ctf_session_tick(wchg_ctf_session *s, int64_t now_ms, wchg_ctf_record *out,
                                  wchg_diag *diag) {
  struct view v;
  struct ctf_facts f;
  const wchg_opt_int *ival;
  wchg_status rc = no_record(s, out, diag);

  if (rc != WCHG_OK)
    return rc;
  ival = ctf_answers_interval(&s->answers, &s->cfg->acct_interim_interval);
  if (s->state != WCHG_CTF_ACTIVE || !ival->present || ival->value <= 0 ||
      now_ms - s->last_record_ms < ival->value * 1000)
    return WCHG_OK;
  if (s->agreed.set) {
    rc = ctf_parse_sdp(out, 0, s->cfg, slot_text(&s->agreed), false, diag);
    if (rc != WCHG_OK)
      return rc; /* WCHG_E_NOMEM: it was read when it was kept */
  }
  s->record_number++;
  s->last_record_ms = now_ms;
  /* Acct-Interim-Interval expiry (TS 32.260 §5.2.1): no SIP message, so
   * no SIP-Method and no Time-Stamps */
  session_facts(s, &v, &f, WCHG_ACR_INTERIM, now_ms, NULL);
  media(&f, out, &s->agreed);
  ctf_fill(out, &f);
  return WCHG_OK;
}
