/*
 * ctf_internal.h (private): what the parts of the eP-CSCF charging
 * trigger function share (ctf.h, ctf_aca.h), lowest first; a file calls
 * only the files above it in this list:
 *   ctf_base.c    objects, the stores, text and diagnostic helpers,
 *                 Session-Id, emergency URNs;
 *   ctf_event.c   an event's header values read into the record's
 *                 scratch; the EVENT of one transaction;
 *   ctf_record.c  the record object and the one function that turns the
 *                 facts of an event into the ACR model (ctf_fill);
 *   ctf_answers.c the ACRs sent and not yet answered;
 *   ctf_reg.c     registration contexts;
 *   ctf_standalone.c  standalone requests (one EVENT each);
 *   ctf_session.c the INVITE dialog state machine;
 *   ctf_aca.c     the answer path: sending ACRs, reading ACAs and
 *                 matching them to the ACRs sent.
 *
 * Data flows one way: SIP facts (the event's strings) -> parsed facts
 * (struct ctf_facts, views) -> wchg_acr (views). What later records need
 * is copied into growable stores (struct wchgi_buf), since a store moves
 * when it grows: a registration's strings addressed by offsets (struct
 * ctf_ref), a session's as items in one store sized to its call.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_CTF_INTERNAL_H
#define WCHG_CTF_INTERNAL_H

#include <webrtc_chg/ctf.h>
#include <webrtc_chg/ctf_aca.h>
#include <webrtc_chg/sip.h>
#include <stddef.h>
#include <string.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "base/internal.h"
#include "base/mem.h"

/* ---- objects (ctf_base.c) ----------------------------------------------- */

/* Every object of the CTF (record, registration, session, pending) keeps
 * the allocator it was made with as its first member, |mem|. */
#define CTF_OBJECT(type) _Static_assert(offsetof(type, mem) == 0, #type ": mem first")
/* An object of |size| bytes, zeroed, its |mem| the resolved |src|; NULL
 * on out-of-memory: the first allocation of every wchg_ctf_*_new(). */
void *ctf_object_new(const wchg_mem *src, size_t size);
/* An object made from a config keeps it as its second member, |cfg|. */
struct ctf_configured {
  wchg_mem mem;
  const wchg_ctf_config *cfg;
};
#define CTF_CONFIGURED(type)                                                   \
  CTF_OBJECT(type);                                                            \
  _Static_assert(offsetof(type, cfg) == offsetof(struct ctf_configured, cfg),   \
                 #type ": cfg second")
/* ctf_object_new() with |cfg|'s allocator, its |cfg| set; NULL for a
 * NULL |cfg|. */
void *ctf_object_of_config(const wchg_ctf_config *cfg, size_t size);
/* Give back the |n| blocks |obj| holds (NULL ones skipped), then |obj|
 * itself, to the allocator it keeps. */
void ctf_object_free(void *obj, void *const blocks[], size_t n);

/* ---- stores (ctf_base.c) ------------------------------------------------ */

/* A store is a growable buffer (base/buf.h); strings in it are addressed
 * by struct ctf_ref, since a store moves when it grows. */
struct ctf_ref {
  size_t off, len;
  bool set; /* false: the string is absent */
};

/* Append |s| (room reserved before); an absent |s| gives an unset ref. */
struct ctf_ref ctf_put(struct wchgi_buf *b, wchg_str s);
wchg_str ctf_get(const struct wchgi_buf *b, struct ctf_ref r);

/* Items: a run of strings in a store, back to back, each its length + 1
 * (0: absent) as a base-128 varint (low group first) and then its bytes;
 * a list is its count as a varint and then its items. A reader walks
 * them: no offsets kept per string (a session's store, ctf_session.c). */
size_t ctf_varint_size(size_t v);
uint8_t *ctf_varint_put(uint8_t *p, size_t v);
size_t ctf_varint_get(const uint8_t **p);
/* The bytes ctf_items_put() writes for the |n| strings at |v|. */
size_t ctf_items_size(const wchg_str *v, size_t n);
/* The |n| strings at |v| as items at |p| (room made before): the end. */
uint8_t *ctf_items_put(uint8_t *p, const wchg_str *v, size_t n);
/* |n| items at *p into |v| (views into the store); *p moves past them. */
void ctf_items_get(const uint8_t **p, wchg_str *v, size_t n);
/* Room for |need| bytes in all in |b|, the first b->len kept: grown to
 * |need| rounded up to 64 (a session's store is sized to its call, not
 * doubled). WCHG_E_NOMEM leaves |b| as it was. */
wchg_status ctf_store_reserve(struct wchgi_buf *b, const wchg_mem *m, size_t need);

/* The served user as every record shows it. */
struct ctf_user {
  bool wic; /* registered as a WebRTC client (H.3 or H.4) */
  wchg_str impi, impu, waf, wwsf, instance_id;
};

/* The served user kept in a store (a registration's, a session's). */
#define CTF_USER_STRINGS 5 /* impi, impu, waf, wwsf, instance_id */
struct ctf_user_refs {
  bool wic;
  struct ctf_ref at[CTF_USER_STRINGS];
};
/* The bytes ctf_user_put() appends for |u|. */
size_t ctf_user_len(const struct ctf_user *u);
/* Append |u| to |b| (room reserved before), its places into *refs. */
void ctf_user_put(struct wchgi_buf *b, struct ctf_user_refs *refs, const struct ctf_user *u);
/* The user |refs| keeps in |b| (views into |b|). */
void ctf_user_get(const struct wchgi_buf *b, const struct ctf_user_refs *refs,
                  struct ctf_user *u);

/* ---- text and diagnostic helpers (ctf_base.c) --------------------------- */

bool ctf_str_eq(wchg_str a, wchg_str b);
/* Method names compare case-sensitively (RFC 3261 §7.1); |lit| a literal. */
#define ctf_is(method, lit)                                                    \
  ((method).len == sizeof(lit) - 1 && memcmp((method).ptr, lit, sizeof(lit) - 1) == 0)
/* Room wchg_ctf_session_id() needs, with its NUL. */
size_t ctf_session_id_bound(const wchg_ctf_config *cfg);
/* The method as the root of a diagnostic path ("request" if unusable). */
const char *ctf_root(wchg_str method, char buf[24]);
/* Fill |diag| with |code| at "root/field" and return |code|. */
wchg_status ctf_fail(wchg_diag *diag, wchg_status code, const char *root, const char *field,
                     const char *msg);
/* Is |n| entries more than a list of one event may hold? WCHG_E_LIMIT. */
wchg_status ctf_check_list(size_t n, const char *root, const char *field, wchg_diag *diag);

/* ---- the record (ctf_record.c) ------------------------------------------ */

/* The bounded lists of one event (ctf.h WCHG_CTF_MAX_LIST). */
#define CTF_MAX_LIST WCHG_CTF_MAX_LIST
#define CTF_MAX_TRANSIT (2 * WCHG_SIP_MAX_TRANSIT_IOI)

/* One P-Charging-Vector reduced to what charging uses; values unquoted. */
struct ctf_pcv {
  wchg_str icid, orig_ioi, term_ioi;
  const wchg_str *transit;
  size_t transit_count;
};

/* What one record says: views, filled by the callers, turned into the ACR
 * by ctf_fill(). Absent strings and zero counts are left out. */
struct ctf_facts {
  const wchg_ctf_config *cfg;
  int32_t record_type;
  uint32_t record_number;
  wchg_str session_id;
  int64_t event_ms;
  wchg_time_ms request_ts, response_ts; /* Time-Stamps */
  int role_of_node;
  const struct ctf_user *user;
  wchg_str sip_method, event;
  wchg_opt_int expires;
  wchg_str user_session_id;
  const wchg_str *calling; /* P-Asserted-Identity of the request */
  size_t calling_count;
  wchg_str called;
  const wchg_str *called_asserted; /* START only */
  size_t called_asserted_count;
  const wchg_str *associated;
  size_t associated_count;
  wchg_str icid, orig_ioi, term_ioi;
  const wchg_str *transit_req, *transit_resp;
  size_t transit_req_count, transit_resp_count;
  const wchg_ip_address *served_ip;
  wchg_str ani[2];
  wchg_str from, route_received, route_transmitted, icsi;
  wchg_opt_int cause_code;
  const wchg_str *reason;
  size_t reason_count;
  wchg_str body_type;
  wchg_opt_int body_length;
  bool interim_interval; /* START and INTERIM carry Acct-Interim-Interval */
  const wchg_opt_int *interval; /* ... this one (NULL: the config's) */
  bool emergency;
  const wchg_sdp_body *sdp; /* START and INTERIM */
  int sdp_type;
  bool media_initiator; /* true: the calling party sent the offer */
};

struct wchg_ctf_record {
  wchg_mem mem;
  wchg_acr acr;
  struct wchgi_buf text; /* per event: Session-Id, unquoted values */
  /* parser scratch; the ACR may view into sdp[0] and pcv. sdp[1]: the
   * agreed SDP read again to tell a media change. Their storage (and
   * comps and kept below) is allocated, sized to the largest body read */
  wchg_sdp_body sdp[2];
  wchg_sip_authorization auth;
  wchg_sip_charging_vector pcv[2];
  wchg_sip_access_network_info ani;
  /* the lists the ACR points into: a component per m= line, the lines
   * the line policy keeps */
  wchg_sdp_media_component *comps;
  size_t comps_cap;
  wchg_str *kept;
  size_t kept_cap;
  wchg_media_components_list mcl;
  wchg_involved_party calling[CTF_MAX_LIST], called_asserted[CTF_MAX_LIST],
      associated[CTF_MAX_LIST];
  wchg_str transit[CTF_MAX_TRANSIT + 1];
  wchg_subscription_id subscription_id;
  char e164[32];
  wchg_message_body body;
  /* what the last call accepted but reported (ctf.h) */
  wchg_diag warn_items[WCHG_CTF_MAX_WARNINGS];
  wchg_warnings warn;
};

/* The start of every call that takes a record: no ACR, no warnings. */
static inline void ctf_record_none(wchg_ctf_record *r) {
  r->acr.accounting_record_type = WCHG_ACR_NONE;
  r->warn.count = 0;
}

/* Start an event: the ACR is NONE, the text store empty with room for
 * |text| bytes. WCHG_E_NOMEM (and the record NONE) when it cannot grow. */
wchg_status ctf_record_begin(wchg_ctf_record *r, size_t text);
/* The ACR of |f| into r->acr (never fails). */
void ctf_fill(wchg_ctf_record *r, const struct ctf_facts *f);

/* ---- an event's values (ctf_event.c) ------------------------------------ */

/* The value of |v| (wchg_sip_unquote() into the record's text when it is
 * escaped; room made by ctf_record_begin). */
wchg_str ctf_value_text(wchg_ctf_record *r, wchg_sip_value v);
/* P-Charging-Vector |value| into r->pcv[slot] and *out (escaped values
 * unquoted into the record's text: room value.len). Absent: all absent. */
wchg_status ctf_parse_pcv(wchg_ctf_record *r, int slot, wchg_str value, struct ctf_pcv *out,
                          wchg_diag *diag);
/* The first two access-net-spec texts of a P-Access-Network-Info. */
wchg_status ctf_parse_ani(wchg_ctf_record *r, wchg_str value, wchg_str out[2],
                          wchg_diag *diag);
/* The text address |text| (absent: *out absent) as a binary address;
 * WCHG_E_ENCODING at "<root>/served_party_ip" when it is none. */
wchg_status ctf_parse_ip(wchg_str text, wchg_ip_address *out, const char *root,
                         wchg_diag *diag);
/* The SDP |body| (absent: none) into r->sdp[which] under cfg's limits
 * and policy, the record's storage grown to it first; the receive
 * policy's warnings go to the record when |report| (false: a kept body
 * read again). WCHG_E_NOMEM, or the parser's error. */
wchg_status ctf_parse_sdp(wchg_ctf_record *r, int which, const wchg_ctf_config *cfg,
                          wchg_str body, bool report, wchg_diag *diag);
/* The SDP body of an event into r->sdp[0]: *have tells whether it was
 * read. A body the receive policy cannot read at all (empty, over the
 * limits) is a warning, and *have false; strict: the error. */
wchg_status ctf_event_sdp(wchg_ctf_record *r, const wchg_ctf_config *cfg, wchg_str body,
                          bool *have, wchg_diag *diag);

/* What the EVENT of one request and its final response reads from their
 * values (REGISTER, standalone requests). */
struct ctf_event_values {
  struct ctf_pcv pcv[2]; /* the request's P-Charging-Vector, the response's */
  wchg_str ani[2];       /* the first two access-net-specs of |ani| */
  wchg_ip_address ip;    /* the served party's address */
};
/* Read them into the record's scratch (room made by ctf_record_begin):
 * the P-Asserted-Identity count of |req| checked, both vectors, the
 * P-Access-Network-Info |ani| and the address |ip| (absent: absent);
 * |root| starts a diagnostic's path. The first error. */
wchg_status ctf_event_read(wchg_ctf_record *r, const wchg_sip_event *req,
                           const wchg_sip_event *resp, wchg_str ani, wchg_str ip,
                           const char *root, struct ctf_event_values *out, wchg_diag *diag);
/* The part of an EVENT that one request and its final response give:
 * |f| cleared, then a Session-Id of |unique| written into the record's
 * text, the times, Call-ID, P-Asserted-Identity, the vectors' ICID and
 * IOIs, the served address and access network of |v|, From, Route. */
void ctf_event_facts(wchg_ctf_record *r, struct ctf_facts *f, const wchg_ctf_config *cfg,
                     uint64_t unique, const wchg_sip_event *req, const wchg_sip_event *resp,
                     const struct ctf_event_values *v);

/* ---- registration (ctf_reg.c) ------------------------------------------- */

/* The served user of |reg| (views into it); |reg| NULL: a plain IMS user
 * without identities. */
void ctf_reg_user(const wchg_ctf_reg *reg, struct ctf_user *out);
/* The registration's contact address and P-Access-Network-Info text. */
wchg_str ctf_reg_served_ip(const wchg_ctf_reg *reg);
wchg_str ctf_reg_ani(const wchg_ctf_reg *reg);
/* The checks every request for a user shares: |reg| registered (else
 * WCHG_E_STATE) and an emergency request of a WIC refused (TS 23.228
 * Annex U: WCHG_E_EMERGENCY). *emergency: charge with the indicator. */
wchg_status ctf_check_user(const wchg_ctf_reg *reg, const wchg_sip_event *req,
                           bool *emergency, wchg_diag *diag);

/* ---- the ACRs sent and not yet answered (ctf_answers.c) ----------------- */

/* Big-endian fields of a Diameter message (RFC 6733 §3, §4.1). */
static inline uint32_t ctf_be24(const uint8_t *p) {
  return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}
static inline uint32_t ctf_be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* One outstanding ACR. Its Session-Id is read from the copy, where the
 * encoder put it first (RFC 6733 §8.8). */
struct ctf_slot {
  uint8_t *buf; /* the ACR as sent; its T flag set once it was resent */
  size_t cap, len;
  bool used;
  int32_t type;
  uint32_t number, end_to_end, resends;
  size_t sid_off, sid_len;
};
wchg_str ctf_slot_sid(const struct ctf_slot *s);

#define CTF_ANSWERED 8
struct ctf_answers {
  struct ctf_slot *slots; /* |cap| of them; a session's at its first send */
  size_t cap, count;
  uint64_t answered[CTF_ANSWERED]; /* fingerprints of the ACRs answered
                             last: tell a second answer from one for
                             nothing sent */
  unsigned answered_next;
  bool has_interval;      /* an ACA's Acct-Interim-Interval (RFC 6733 §9.8.2) */
  wchg_opt_int interval;
};
/* |cap| empty slots, unless there are slots already; WCHG_E_NOMEM. */
wchg_status ctf_answers_make(struct ctf_answers *a, const wchg_mem *mem, size_t cap);
/* Forget the outstanding ACRs and the interval; memory is kept. */
void ctf_answers_reset(struct ctf_answers *a);
void ctf_answers_free(struct ctf_answers *a, const wchg_mem *mem);
/* The interval an ACA set, else |dflt| (the config's). */
const wchg_opt_int *ctf_answers_interval(const struct ctf_answers *a, const wchg_opt_int *dflt);
/* The outstanding ACR of a key: by Session-Id (|by_sid|, EVENTs without
 * a session) or by record type and number (a session's); NULL: none. */
struct ctf_slot *ctf_answers_find(struct ctf_answers *a, bool by_sid, wchg_str sid,
                                  int32_t type, uint32_t number);
/* The first outstanding ACR of record number |number|, or NULL. */
struct ctf_slot *ctf_answers_numbered(struct ctf_answers *a, uint32_t number);
/* Was the ACR of this key answered lately (a second answer)? */
bool ctf_answers_answered(const struct ctf_answers *a, wchg_str sid, int32_t type,
                          uint32_t number);
/* |s| is no longer outstanding. */
void ctf_answers_forget(struct ctf_answers *a, struct ctf_slot *s);
/* Encode |acr| into a free slot and keep it outstanding under its key
 * (|by_sid| as for ctf_answers_find); *msg, *len: the bytes to send. */
wchg_status ctf_answers_send(struct ctf_answers *a, const wchg_mem *mem, const wchg_acr *acr,
                             bool by_sid, const uint8_t **msg, size_t *len, wchg_diag *diag);
/* The verdict in |out| applied to |s|: an ended ACR is forgotten (and
 * remembered as answered), one to resend gets its T flag (RFC 6733 §3:
 * the same bytes otherwise, End-to-End Identifier and all). */
void ctf_answers_conclude(struct ctf_answers *a, struct ctf_slot *s, wchg_ctf_answer *out);
/* No answer came for |s|: as an answer that says FAILOVER. */
wchg_status ctf_answers_expire(struct ctf_answers *a, struct ctf_slot *s, wchg_ctf_answer *out);
/* A session's answers, allocator and Session-Id (ctf_session.c). */
struct ctf_answers *ctf_session_answers(wchg_ctf_session *s, const wchg_mem **mem,
                                        wchg_str *sid);

#endif
