/*
 * ctf_session.c: one INVITE dialog as the charging trigger function sees
 * it (ctf.h, the table at its top; TS 32.260 §5.2.1): START on the 2xx to
 * the initial INVITE, INTERIM on a media change and on interim ticks, STOP
 * on the BYE, one EVENT for a failed setup or a CANCEL.
 *
 * Every event goes through the same steps: decide what it means in the
 * current state (classify), parse the values it needs, reserve the room
 * the store needs, then commit and fill the record. Only the reserve step
 * can fail for memory, and it changes nothing a caller can see.
 *
 * What the session keeps lives in one store sized to the call: sections
 * back to back (enum section), each replaced whole. A commit first
 * empties the sections it replaces, then writes the P-Access-Network-Info,
 * then the new contents: the store never holds more than before or after.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "ctf/ctf_internal.h"

/* The sections of the store, in their order in it. BASE, RESP and ANI
 * hold items (ctf_internal.h); AGREED, EARLY, OFFER the text of one SDP
 * body each. */
enum section { SEC_BASE, SEC_RESP, SEC_ANI, SEC_AGREED, SEC_EARLY, SEC_OFFER, SEC_N };

/* The items of SEC_BASE (the initial INVITE's and the registration's);
 * the lists of the Calling-Party-Addresses and of the request's
 * Transit-IOIs follow. SEC_RESP: the 2xx's term-ioi, then its list of
 * Transit-IOIs. SEC_ANI: the first two access-net-specs. */
enum base_item {
  B_SID, B_IMPI, B_IMPU, B_WAF, B_WWSF, B_INSTANCE, B_CALL_ID, B_CALLED, B_FROM,
  B_TAG, B_ROUTE_RX, B_ROUTE_TX, B_ICSI, B_ICID, B_ORIG_IOI, B_IP, B_N
};

/* An SDP body kept for later records (its text: the section). */
struct sdp_slot {
  bool set;
  bool initiator; /* Media-Initiator-Flag: the calling party sent the offer */
  uint8_t type;   /* WCHG_SDP_OFFER or WCHG_SDP_ANSWER */
};

struct wchg_ctf_session {
  wchg_mem mem;
  const wchg_ctf_config *cfg;
  struct wchgi_buf store;
  uint32_t sec[SEC_N]; /* the sections' lengths */
  wchg_ctf_state state;
  uint32_t record_number;
  int64_t invite_ms, last_record_ms;
  uint8_t role;
  bool wic, emergency, acked;
  bool offered; /* the INVITE had an SDP body (kept in OFFER if read) */
  struct sdp_slot sdp[3]; /* of SEC_AGREED, SEC_EARLY, SEC_OFFER */

  /* a re-INVITE (invite) or UPDATE waiting for its final response */
  struct {
    bool on, offer, caller, invite;
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
  s->store.len = 0;
  memset(s->sec, 0, sizeof s->sec);
  memset(s->sdp, 0, sizeof s->sdp);
  s->pending.on = false;
  s->acked = false;
  ctf_answers_reset(&s->answers);
}

void wchg_ctf_session_free(wchg_ctf_session *s) {
  if (!s)
    return;
  void *blocks[] = {s->store.p};
  ctf_answers_free(&s->answers, &s->mem);
  ctf_object_free(s, blocks, WCHG_ARRAY_LEN(blocks));
}

wchg_ctf_state wchg_ctf_session_state(const wchg_ctf_session *s) {
  return s ? s->state : WCHG_CTF_IDLE;
}

uint32_t wchg_ctf_session_record_number(const wchg_ctf_session *s) {
  return s ? s->record_number : 0;
}

/* ---- the store --------------------------------------------------------- */

static size_t sec_at(const wchg_ctf_session *s, int i) {
  size_t at = 0;
  for (int k = 0; k < i; k++)
    at += s->sec[k];
  return at;
}

/* Section |i| resized to |n| bytes, the ones after it moved along (room
 * made by the reserve step): where its content goes. */
static uint8_t *sec_resize(wchg_ctf_session *s, int i, size_t n) {
  size_t at = sec_at(s, i), old = s->sec[i];
  uint8_t *p = s->store.p + at;
  if (n != old) {
    memmove(p + n, p + old, s->store.len - at - old);
    s->store.len = s->store.len - old + n;
    s->sec[i] = (uint32_t)n;
  }
  return p;
}

/* The items of section |i| (NULL when it is empty: all absent). */
static const uint8_t *sec_items(const wchg_ctf_session *s, int i) {
  return s->sec[i] ? s->store.p + sec_at(s, i) : NULL;
}

/* |n| items at *p into |v|, all absent when *p is NULL. */
static void get_items(const uint8_t **p, wchg_str *v, size_t n) {
  if (*p)
    ctf_items_get(p, v, n);
  else
    for (size_t k = 0; k < n; k++)
      v[k] = (wchg_str){NULL, 0};
}

/* A list (count, items) at *p into |v|: its count (0 when *p is NULL). */
static size_t get_list(const uint8_t **p, wchg_str *v) {
  size_t n = *p ? ctf_varint_get(p) : 0;
  get_items(p, v, n);
  return n;
}

static size_t list_size(const wchg_str *v, size_t n) {
  return ctf_varint_size(n) + ctf_items_size(v, n);
}

static uint8_t *put_list(uint8_t *p, const wchg_str *v, size_t n) {
  return ctf_items_put(ctf_varint_put(p, n), v, n);
}

static wchg_str slot_text(const wchg_ctf_session *s, int i) {
  return (wchg_str){s->sec[i] ? (const char *)s->store.p + sec_at(s, i) : "", s->sec[i]};
}

static struct sdp_slot *slot(wchg_ctf_session *s, int i) { return &s->sdp[i - SEC_AGREED]; }
static const struct sdp_slot *kept(const wchg_ctf_session *s, int i) {
  return &s->sdp[i - SEC_AGREED];
}

/* The SDP of section |i| is |text| (room made before; the section was
 * emptied first), its type and Media-Initiator-Flag. */
static void slot_set(wchg_ctf_session *s, int i, wchg_str text, int type, bool initiator) {
  uint8_t *p = sec_resize(s, i, text.len);
  if (text.len)
    memcpy(p, text.ptr, text.len);
  *slot(s, i) = (struct sdp_slot){true, initiator, (uint8_t)type};
}

/* START: the agreed SDP is the kept body of section |keep| (SEC_EARLY,
 * SEC_OFFER), or none (SEC_N: the 2xx's comes later); every other body
 * is dropped. The sections before |keep| are empty then, so its text
 * starts where AGREED does: it only changes its name. */
static void take_agreed(wchg_ctf_session *s, int keep) {
  for (int i = SEC_OFFER; i >= SEC_AGREED; i--)
    if (i != keep)
      sec_resize(s, i, 0);
  if (keep != SEC_N) {
    s->sec[SEC_AGREED] = s->sec[keep];
    s->sec[keep] = 0;
    *slot(s, SEC_AGREED) = *kept(s, keep);
  }
  slot(s, SEC_EARLY)->set = slot(s, SEC_OFFER)->set = false;
}

struct ctf_answers *ctf_session_answers(wchg_ctf_session *s, const wchg_mem **mem,
                                        wchg_str *sid) {
  const uint8_t *p = sec_items(s, SEC_BASE);
  *mem = &s->mem;
  get_items(&p, sid, 1);
  return &s->answers;
}

/* ---- helpers ----------------------------------------------------------- */

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
  wchg_str base[B_N], tag = from_tag(ev->from);
  const uint8_t *p = sec_items(s, SEC_BASE);
  if (!ev->from.ptr)
    return true;
  get_items(&p, base, B_N);
  if (base[B_TAG].ptr && tag.ptr)
    return ctf_str_eq(base[B_TAG], tag);
  return ctf_str_eq(ev->from, base[B_FROM]);
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

/* ---- the session's part of every record -------------------------------- */

/* What the store holds, as views (read anew for every record). */
struct view {
  struct ctf_user user;
  wchg_str base[B_N], term_ioi, ani[2];
  wchg_str calling[CTF_MAX_LIST];
  wchg_str transit_req[WCHG_SIP_MAX_TRANSIT_IOI], transit_resp[WCHG_SIP_MAX_TRANSIT_IOI];
  size_t calling_count, transit_req_count, transit_resp_count;
  wchg_ip_address ip;
};

static void read_view(const wchg_ctf_session *s, struct view *v) {
  const uint8_t *p = sec_items(s, SEC_BASE);
  get_items(&p, v->base, B_N);
  v->calling_count = get_list(&p, v->calling);
  v->transit_req_count = get_list(&p, v->transit_req);
  p = sec_items(s, SEC_RESP);
  get_items(&p, &v->term_ioi, 1);
  v->transit_resp_count = get_list(&p, v->transit_resp);
  p = sec_items(s, SEC_ANI);
  get_items(&p, v->ani, 2);
  v->user = (struct ctf_user){s->wic,          v->base[B_IMPI], v->base[B_IMPU],
                              v->base[B_WAF],  v->base[B_WWSF], v->base[B_INSTANCE]};
  memset(&v->ip, 0, sizeof v->ip);
  if (v->base[B_IP].ptr) { /* its 4 or 16 octets */
    v->ip.choice = v->base[B_IP].len == 4 ? WCHG_IP_BIN_V4 : WCHG_IP_BIN_V6;
    memcpy(v->ip.bin, v->base[B_IP].ptr, v->base[B_IP].len);
  }
}

static void session_facts(const wchg_ctf_session *s, struct view *v, struct ctf_facts *f,
                          int32_t type, int64_t event_ms, const wchg_ip_address *ip) {
  read_view(s, v);
  memset(f, 0, sizeof *f);
  f->cfg = s->cfg;
  f->record_type = type;
  f->record_number = s->record_number;
  f->session_id = v->base[B_SID];
  f->event_ms = event_ms;
  f->role_of_node = s->role;
  f->user = &v->user;
  f->user_session_id = v->base[B_CALL_ID];
  f->calling = v->calling;
  f->calling_count = v->calling_count;
  f->called = v->base[B_CALLED];
  f->icid = v->base[B_ICID];
  f->orig_ioi = v->base[B_ORIG_IOI];
  f->term_ioi = v->term_ioi;
  f->transit_req = v->transit_req;
  f->transit_req_count = v->transit_req_count;
  f->transit_resp = v->transit_resp;
  f->transit_resp_count = v->transit_resp_count;
  f->served_ip = ip && ip->choice != WCHG_IP_ABSENT ? ip : &v->ip;
  f->ani[0] = v->ani[0];
  f->ani[1] = v->ani[1];
  f->from = v->base[B_FROM];
  f->route_received = v->base[B_ROUTE_RX];
  f->route_transmitted = v->base[B_ROUTE_TX];
  f->icsi = v->base[B_ICSI];
  f->emergency = s->emergency;
  f->interim_interval = type == WCHG_ACR_START || type == WCHG_ACR_INTERIM;
  f->interval = ctf_answers_interval(&s->answers, &s->cfg->acct_interim_interval);
}

/* The media of a record: the SDP of section |i| (SEC_N or unset: none),
 * read into r->sdp[0] before. */
static void media(struct ctf_facts *f, wchg_ctf_record *r, const wchg_ctf_session *s, int i) {
  if (i == SEC_N || !kept(s, i)->set)
    return;
  f->sdp = &r->sdp[0];
  f->sdp_type = kept(s, i)->type;
  f->media_initiator = kept(s, i)->initiator;
}

/* The new size of SEC_ANI for the access-net-specs |spec| (absent: as
 * it is). */
static size_t ani_size(const wchg_ctf_session *s, const wchg_str spec[2]) {
  return spec[0].ptr ? ctf_items_size(spec, 2) : s->sec[SEC_ANI];
}

static void keep_ani(wchg_ctf_session *s, const wchg_str spec[2]) {
  if (spec[0].ptr)
    ctf_items_put(sec_resize(s, SEC_ANI, ctf_items_size(spec, 2)), spec, 2);
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
  wchg_str base[B_N]; /* the items of SEC_BASE */
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
  if (rc == WCHG_OK) /* unquoted values, then the Session-Id */
    rc = ctf_record_begin(out, ev->charging_vector.len + ctf_session_id_bound(s->cfg));
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

/* The items of SEC_BASE into b->base, the Session-Id of |unique| written
 * into the record's text (room made by begin_read). */
static void base_items(wchg_ctf_record *r, const wchg_ctf_config *cfg, uint64_t unique,
                       const wchg_sip_event *ev, struct begun *b) {
  char *sid = (char *)r->text.p + r->text.len;
  size_t n = 0, ip = b->ip.choice == WCHG_IP_BIN_V4 ? 4 : 16;
  wchg_ctf_session_id(cfg, unique, sid, r->text.cap - r->text.len, &n);
  r->text.len += n + 1;
  wchg_str v[B_N] = {
      [B_SID] = {sid, n},
      [B_IMPI] = b->user.impi,
      [B_IMPU] = b->user.impu,
      [B_WAF] = b->user.waf,
      [B_WWSF] = b->user.wwsf,
      [B_INSTANCE] = b->user.instance_id,
      [B_CALL_ID] = ev->call_id,
      [B_CALLED] = b->called,
      [B_FROM] = ev->from,
      [B_TAG] = from_tag(ev->from),
      [B_ROUTE_RX] = ev->route_received,
      [B_ROUTE_TX] = ev->route_transmitted,
      [B_ICSI] = ev->icsi,
      [B_ICID] = b->pcv.icid,
      [B_ORIG_IOI] = b->pcv.orig_ioi,
      [B_IP] = {b->ip.choice ? (const char *)b->ip.bin : NULL, b->ip.choice ? ip : 0},
  };
  memcpy(b->base, v, sizeof v);
}

/* The bytes of SEC_BASE. */
static size_t base_size(const wchg_sip_event *ev, const struct begun *b) {
  return ctf_items_size(b->base, B_N) +
         list_size(ev->asserted_identity, ev->asserted_identity_count) +
         list_size(b->pcv.transit, b->pcv.transit_count);
}

/* Room for what the session keeps of the INVITE (an IDLE session's store
 * is empty); WCHG_E_NOMEM changes nothing visible. */
static wchg_status begin_reserve(wchg_ctf_session *s, const wchg_sip_event *ev,
                                 const struct begun *b) {
  size_t need = base_size(ev, b) + (b->ani[0].ptr ? ctf_items_size(b->ani, 2) : 0) +
                (b->sdp ? ev->sdp.len : 0);
  return ctf_store_reserve(&s->store, &s->mem, need);
}

/* What every record of the session repeats from the INVITE and the
 * registration into SEC_BASE (room made by begin_reserve). */
static void keep_base(wchg_ctf_session *s, const wchg_sip_event *ev, const struct begun *b) {
  uint8_t *p = sec_resize(s, SEC_BASE, base_size(ev, b));
  p = ctf_items_put(p, b->base, B_N);
  p = put_list(p, ev->asserted_identity, ev->asserted_identity_count);
  put_list(p, b->pcv.transit, b->pcv.transit_count);
  s->wic = b->user.wic;
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
  if (rc == WCHG_OK) {
    base_items(out, s->cfg, unique, invite, &b);
    rc = begin_reserve(s, invite, &b);
  }
  if (rc != WCHG_OK)
    return rc;

  wchg_ctf_session_reset(s);
  keep_base(s, invite, &b);
  keep_ani(s, b.ani);
  if (b.sdp) /* the calling party's offer */
    slot_set(s, SEC_OFFER, invite->sdp, WCHG_SDP_OFFER, true);
  s->offered = invite->sdp.ptr != NULL;
  s->role = (uint8_t)role_of_node;
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
  int i;
  struct view v;
  struct ctf_facts f;
  wchg_status rc = no_record(s, out, diag);
  if (rc != WCHG_OK)
    return rc;
  if (s->state == WCHG_CTF_IDLE)
    return WCHG_E_STATE;
  /* the agreed media once there are, else the INVITE's offer */
  i = kept(s, SEC_AGREED)->set ? SEC_AGREED : kept(s, SEC_OFFER)->set ? SEC_OFFER : SEC_N;
  if (i != SEC_N && (rc = ctf_parse_sdp(out, 0, s->cfg, slot_text(s, i), false, diag)))
    return rc; /* WCHG_E_NOMEM: it was read when it was kept */
  session_facts(s, &v, &f, WCHG_ACR_NONE, now_ms, NULL);
  f.interim_interval = false;
  f.sip_method = WCHG_STR("INVITE");
  f.request_ts = WCHG_TIME_MS(s->invite_ms);
  media(&f, out, s, i);
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

static wchg_str pending_method(const wchg_ctf_session *s) {
  return s->pending.invite ? WCHG_STR("INVITE") : WCHG_STR("UPDATE");
}

static bool is_pending_response(const wchg_ctf_session *s, const wchg_sip_event *ev) {
  return s->pending.on && ctf_str_eq(ev->method, pending_method(s));
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

/* The kept body a START without a readable SDP takes: the early answer,
 * else the offer; SEC_N: none. */
static int start_kept(const wchg_ctf_session *s) {
  return kept(s, SEC_EARLY)->set ? SEC_EARLY : kept(s, SEC_OFFER)->set ? SEC_OFFER : SEC_N;
}

/* The SDP the record of |act| needs besides the event's, into the
 * record's scratch before anything changes: a START without a readable
 * SDP takes a kept body (into r->sdp[0]: read again by do_start() once
 * the store has moved, which then cannot fail); a 2xx to a re-INVITE or
 * UPDATE is compared with the agreed SDP (read into r->sdp[1] and told
 * now: reserve() may move the agreed text). */
static wchg_status parse_kept(const wchg_ctf_session *s, wchg_ctf_record *r, enum action act,
                              struct parsed *p, wchg_diag *diag) {
  wchg_status rc = WCHG_OK;
  if (act == ACT_START && !p->sdp && start_kept(s) != SEC_N)
    rc = ctf_parse_sdp(r, 0, s->cfg, slot_text(s, start_kept(s)), false, diag);
  if (act == ACT_MODIFY && p->sdp) {
    rc = ctf_parse_sdp(r, 1, s->cfg, kept(s, SEC_AGREED)->set ? slot_text(s, SEC_AGREED)
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

/* The sections |act| replaces with their new sizes into |want| (the
 * others as they are). */
static void plan(const wchg_ctf_session *s, enum action act, const wchg_sip_event *ev,
                 const struct parsed *p, size_t want[SEC_N]) {
  for (int i = 0; i < SEC_N; i++)
    want[i] = s->sec[i];
  want[SEC_ANI] = ani_size(s, p->ani);
  if (act == ACT_EARLY && p->sdp)
    want[SEC_EARLY] = ev->sdp.len;
  if (act == ACT_MODIFY && p->changed)
    want[SEC_AGREED] = ev->sdp.len;
  if (act == ACT_START) { /* the 2xx's or a kept body; nothing else */
    int keep = start_kept(s);
    want[SEC_RESP] = ctf_items_size(&p->pcv.term_ioi, 1) +
                     list_size(p->pcv.transit, p->pcv.transit_count);
    want[SEC_AGREED] = p->sdp ? ev->sdp.len : keep != SEC_N ? s->sec[keep] : 0;
    want[SEC_EARLY] = want[SEC_OFFER] = 0;
  }
}

/* Room for what the action keeps: the store after it, and after the
 * P-Access-Network-Info, written first (the rest then only shrinks
 * before it grows). WCHG_E_NOMEM changes nothing visible. */
static wchg_status reserve(wchg_ctf_session *s, enum action act, const wchg_sip_event *ev,
                           const struct parsed *p) {
  size_t want[SEC_N], need = 0, first = s->store.len - s->sec[SEC_ANI];
  plan(s, act, ev, p, want);
  for (int i = 0; i < SEC_N; i++)
    need += want[i];
  first += want[SEC_ANI];
  if (need > UINT32_MAX || first > UINT32_MAX)
    return WCHG_E_NOMEM; /* a section's length is 32 bits */
  return ctf_store_reserve(&s->store, &s->mem, need > first ? need : first);
}

/* START: the agreed SDP is the 2xx's, else the early answer, else the
 * offer when no answer was ever seen (read into r->sdp[0] by parse_kept()
 * from where it was: read again here, from where it is now, into the
 * scratch already sized to it). */
static void do_start(wchg_ctf_session *s, const wchg_sip_event *ev, const struct parsed *p,
                     wchg_ctf_record *r) {
  struct view v;
  struct ctf_facts f;
  uint8_t *q;
  take_agreed(s, p->sdp ? SEC_N : start_kept(s));
  q = sec_resize(s, SEC_RESP, ctf_items_size(&p->pcv.term_ioi, 1) +
                                  list_size(p->pcv.transit, p->pcv.transit_count));
  put_list(ctf_items_put(q, &p->pcv.term_ioi, 1), p->pcv.transit, p->pcv.transit_count);
  if (p->sdp) /* an answer to the INVITE's offer, or the called party's offer */
    slot_set(s, SEC_AGREED, ev->sdp, s->offered ? WCHG_SDP_ANSWER : WCHG_SDP_OFFER, s->offered);
  else if (kept(s, SEC_AGREED)->set)
    ctf_parse_sdp(r, 0, s->cfg, slot_text(s, SEC_AGREED), false, NULL);
  s->state = WCHG_CTF_ACTIVE;
  s->record_number = 0;
  s->last_record_ms = ev->time_ms;
  session_facts(s, &v, &f, WCHG_ACR_START, ev->time_ms, &p->ip);
  f.sip_method = WCHG_STR("INVITE");
  f.request_ts = WCHG_TIME_MS(s->invite_ms);
  f.response_ts = WCHG_TIME_MS(ev->time_ms);
  f.called_asserted = ev->asserted_identity;
  f.called_asserted_count = ev->asserted_identity_count;
  media(&f, r, s, SEC_AGREED);
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
    slot_set(s, SEC_EARLY, ev->sdp, s->pending.offer ? WCHG_SDP_ANSWER : WCHG_SDP_OFFER,
             s->pending.offer ? s->pending.caller : !s->pending.caller);
  else /* a 1xx: the answer to the INVITE's offer, or the callee's offer */
    slot_set(s, SEC_EARLY, ev->sdp, s->offered ? WCHG_SDP_ANSWER : WCHG_SDP_OFFER, s->offered);
}

/* The 2xx to a re-INVITE or UPDATE: INTERIM when the media changed. */
static void do_modify(wchg_ctf_session *s, const wchg_sip_event *ev, const struct parsed *p,
                      wchg_ctf_record *r) {
  struct view v;
  struct ctf_facts f;
  bool offer = s->pending.offer, caller = s->pending.caller;
  wchg_str method = pending_method(s);
  int64_t req_ms = s->pending.ms;
  s->pending.on = false;
  if (!p->changed)
    return; /* an o= version bump alone is no change */
  slot_set(s, SEC_AGREED, ev->sdp, offer ? WCHG_SDP_ANSWER : WCHG_SDP_OFFER,
           offer ? caller : !caller);
  s->record_number++;
  s->last_record_ms = ev->time_ms;
  session_facts(s, &v, &f, WCHG_ACR_INTERIM, ev->time_ms, &p->ip);
  f.sip_method = method;
  f.request_ts = WCHG_TIME_MS(req_ms);
  f.response_ts = WCHG_TIME_MS(ev->time_ms);
  media(&f, r, s, SEC_AGREED);
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
  s->pending.invite = ctf_is(ev->method, "INVITE");
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
  if (kept(s, SEC_AGREED)->set) {
    rc = ctf_parse_sdp(out, 0, s->cfg, slot_text(s, SEC_AGREED), false, diag);
    if (rc != WCHG_OK)
      return rc; /* WCHG_E_NOMEM: it was read when it was kept */
  }
  s->record_number++;
  s->last_record_ms = now_ms;
  /* Acct-Interim-Interval expiry (TS 32.260 §5.2.1): no SIP message, so
   * no SIP-Method and no Time-Stamps */
  session_facts(s, &v, &f, WCHG_ACR_INTERIM, now_ms, NULL);
  media(&f, out, s, SEC_AGREED);
  ctf_fill(out, &f);
  return WCHG_OK;
}
