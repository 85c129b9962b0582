/*
 * cdf_internal.h (private): the CDF's object, its open sessions, its
 * duplicate memory and CDR queue, shared by cdf.c (feeding), cdf_mem.c
 * (memory, hash), cdf_session.c (sessions, duplicate memory), cdf_queue.c
 * (the CDR queue), cdf_time.c (TimeStamps), cdf_store_enc.c and
 * cdf_store_dec.c (the compact store, written and read), cdf_record.c
 * (CDR building) and cdf_state.c (export/import).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_CDF_INTERNAL_H
#define WCHG_CDF_INTERNAL_H

#include <webrtc_chg/cdf.h>

#include "base/buf.h"
#include "base/out.h"
#include "base/internal.h"
#include "cdr/schema.h"

#define CDF_NO_TIME INT64_MIN

/* A time a TimeStamp holds with any UTC offset: 2000-01-02T00:00:00Z to
 * 2099-12-31T00:00:00Z. Every time the CDF keeps is one. */
static inline bool cdf_time_ok(int64_t ms) {
  return ms >= 946771200000LL && ms <= 4102358400000LL;
}

/* sess.flags */
enum {
  SF_HAVE_START = 1u << 0, /* a START was folded */
  SF_START_LOST = 1u << 1, /* opened by an INTERIM or STOP */
  SF_RETRANS = 1u << 2,    /* the open record holds an ACR with the T flag */
  SF_ALL = (1u << 3) - 1,   /* those a state carries */
  SF_REFS = 1u << 3,        /* the store may refer to shared values */
};

/*
 * One open session: a fixed part and one buffer (blob) holding, in this
 * order, the Session-Id, the Origin-Host of its first ACR, the fields
 * section (the record's fields in the compact form below) and the
 * media entries of the open record. Allocated in one block: growing it
 * moves it (its table slot, list neighbours and heap entry follow). Its
 * table tag comes from the hash of its Session-Id (cdf_tag).
 *
 * Expiry: the sessions are listed by last activity (last_now_ms, least
 * recent first; equal times in the order they came), so the silent ones
 * are at the head; when records have a time limit, a binary heap orders
 * them by the end of their open record (opening_ms + the limit, then
 * Session-Id).
 */
struct cdf_sess {
  struct cdf_sess *prev, *next; /* by last activity */
  int64_t opening_ms;           /* of the open record */
  int64_t last_now_ms;          /* |now_ms| of its last ACR */
  int64_t request_ms;           /* START's SIP-Request-Timestamp */
  int64_t response_ms;          /* START's SIP-Response-Timestamp */
  uint64_t seen;                /* bit i: max_number - i was folded */
  uint32_t max_number;          /* highest Accounting-Record-Number folded */
  uint32_t missing;             /* numbers missing, counted in the open record */
  uint32_t rsn;                 /* records closed so far */
  uint32_t heap_pos;            /* in the heap, CDF_NO_POS: not in it */
  uint32_t cap;                 /* of blob */
  uint32_t fields_len;
  uint32_t media_len;
  uint32_t xfields, xmedia;     /* their lengths with shared values inline */
  uint16_t sid_len, host_len;
  uint16_t media_count;         /* entries of the open record */
  uint8_t flags;                /* SF_* */
  uint8_t blob[];
};

static inline const char *sess_sid(const struct cdf_sess *s) { return (const char *)s->blob; }
static inline const char *sess_host(const struct cdf_sess *s) {
  return (const char *)s->blob + s->sid_len;
}
static inline const uint8_t *sess_fields(const struct cdf_sess *s) {
  return s->blob + s->sid_len + s->host_len;
}
static inline const uint8_t *sess_media(const struct cdf_sess *s) {
  return sess_fields(s) + s->fields_len;
}
static inline size_t sess_used(const struct cdf_sess *s) {
  return (size_t)s->sid_len + s->host_len + s->fields_len + s->media_len;
}

/* A store as its reader sees it: the parts may lie apart (the merged
 * fields of an ACR, the media of the open record and of the ACR). */
struct cdf_view {
  const char *host;
  size_t host_len;
  const uint8_t *fields;
  size_t fields_len;
  const uint8_t *media[2];
  size_t media_len[2];
};

/* The view of session |s|'s own store. */
static inline void cdf_view_of(const struct cdf_sess *s, struct cdf_view *v) {
  v->host = sess_host(s);
  v->host_len = s->host_len;
  v->fields = sess_fields(s);
  v->fields_len = s->fields_len;
  v->media[0] = sess_media(s);
  v->media_len[0] = s->media_len;
  v->media[1] = NULL;
  v->media_len[1] = 0;
}

/* One remembered closed session or event record. */
struct cdf_dup {
  uint64_t hash;
  uint64_t seen;
  uint32_t max_number;
};

/* A block of the CDR queue: entries are a 4-byte length and the DER. */
struct cdf_block {
  struct cdf_block *next;
  size_t cap, head, tail;
  max_align_t align_[]; /* data follows */
};
static inline uint8_t *block_data(struct cdf_block *b) { return (uint8_t *)(b + 1); }
#define CDF_BLOCK_SIZE 65536u

/* ---- containers (cdf_table.c) ---------------------------------------------- */

/* Slots of a table in chunks (cdf_table.c): per slot a tag (0 empty, 1
 * removed, else cdf_tag of the entry's hash) and a pointer. */
struct cdf_slots {
  uint8_t **chunks;   /* n >> shift of them: tags, then pointers */
  size_t n, count;    /* slots (a power of two, 0: none), live entries */
  size_t ready;       /* chunks allocated (and cleared) */
  size_t freed;       /* the first chunks freed (a draining table) */
  unsigned shift;     /* log2 of the slots of a chunk */
};

/* A table of pointers by tag that resizes a few slots per operation
 * (cdf_table.c says how): the current slots, the old ones draining into
 * them, the next ones being made ready. */
struct cdf_tab {
  struct cdf_slots cur, old, next;
  size_t drained;   /* slots of old moved */
  size_t moved_max; /* the most entries one operation moved (tests) */
  size_t forced;    /* resizes of 1024 slots or more done at once (tests) */
};
#define CDF_TAB_STEP 16u   /* old slots drained per operation */

/* The tag of a 64-bit hash: never 0 or 1. */
static inline uint32_t cdf_tag(uint64_t h) {
  uint32_t t = (uint32_t)(h >> 32);
  return t < 2 ? t + 2 : t;
}

/* Backward-shift deletion (open addressing, linear probing): may the
 * entry at |j|, whose home slot is |k|, fill the hole at |i|? */
static inline bool cdf_shifts_back(size_t i, size_t j, size_t k) {
  return (j > i && (k <= i || k > j)) || (j < i && k <= i && k > j);
}

typedef bool (*cdf_match_fn)(const void *entry, const void *key);
/* The slot of the entry with |tag| that |match|es |key|, or NULL. */
void **cdf_tab_find(const struct cdf_tab *t, uint32_t tag, cdf_match_fn match, const void *key);
/* Room for one more entry (a step of any resize under way). */
wchg_status cdf_tab_reserve(wchg_cdf *c, struct cdf_tab *t);
/* Insert |p| (after cdf_tab_reserve). */
void cdf_tab_insert(struct cdf_tab *t, uint32_t tag, void *p);
/* Remove |p| (present, with |tag|); then cdf_tab_shrink. */
void cdf_tab_remove(struct cdf_tab *t, uint32_t tag, const void *p);
/* A step of resizing after removals (the table shrinks; an empty one is
 * freed). */
void cdf_tab_shrink(wchg_cdf *c, struct cdf_tab *t);
void cdf_tab_free(wchg_cdf *c, struct cdf_tab *t);
/* |fn| on every entry. */
void cdf_tab_each(const struct cdf_tab *t, void (*fn)(void *p, void *arg), void *arg);
size_t cdf_tab_bytes(const struct cdf_tab *t);
static inline size_t cdf_tab_count(const struct cdf_tab *t) { return t->cur.count + t->old.count; }

/* An array of chunks of 2^CDF_VEC_SHIFT elements of |esize| bytes: grows
 * and shrinks by a chunk, never moves an element. */
#define CDF_VEC_SHIFT 10
#define CDF_VEC_MASK ((1u << CDF_VEC_SHIFT) - 1)
struct cdf_vec {
  uint8_t **chunks;
  size_t nchunks, dir_cap, esize;
};
static inline void *cdf_vec_at(const struct cdf_vec *v, size_t i) {
  return v->chunks[i >> CDF_VEC_SHIFT] + (i & CDF_VEC_MASK) * v->esize;
}
/* Room for elements 0..n-1. */
wchg_status cdf_vec_reserve(wchg_cdf *c, struct cdf_vec *v, size_t n);
/* Free the chunks past those of n elements (and one spare). */
void cdf_vec_trim(wchg_cdf *c, struct cdf_vec *v, size_t n);
void cdf_vec_free(wchg_cdf *c, struct cdf_vec *v);
size_t cdf_vec_bytes(const struct cdf_vec *v);

/* A shared value (cdf_shared.c): the packed octets of a string or a
 * list that stores of several sessions hold, each by reference. */
struct cdf_val {
  uint32_t refs;                /* 0: kept a while (the cold queue) */
  uint32_t id;                  /* what a reference names */
  uint32_t len;
  uint32_t tag;                 /* in the table of shared values */
  uint8_t kind;                 /* CDF_VAL_* */
  bool queued;                  /* in the cold queue */
  uint8_t bytes[];
};
enum { CDF_VAL_STRING = 1, CDF_VAL_LIST = 2 };

/* An entry of the heap of record time limits. */
struct cdf_due {
  int64_t at; /* opening_ms + max_record_duration_ms (saturated) */
  struct cdf_sess *s;
};
#define CDF_NO_POS UINT32_MAX

/* The CDF (cdf.h). */
struct wchg_cdf {
  wchg_cdf_config cfg;
  wchg_mem mem;
  size_t bytes;             /* from the allocator, now */

  /* open sessions: by Session-Id, by last activity, by record limit */
  struct cdf_tab sessions;
  size_t nsess;
  struct cdf_sess *lru_head, *lru_tail;
  struct cdf_vec heap;      /* of struct cdf_due */
  size_t nheap;
  size_t sess_bytes;        /* the sessions' blocks */
  size_t store_bytes;       /* their stores in use (sess_used) */

  /* shared values (cdf_shared.c) */
  struct cdf_tab vals;      /* by tag of their kind and octets */
  struct cdf_vec val_ids;   /* id -> value (uintptr_t; odd: a free id) */
  size_t val_nids, val_free;
  uint32_t *cold;           /* ids of values once without reference: a ring */
  size_t cold_head, ncold, val_bytes;
  uint64_t *seen;           /* recently packed values: hash and session */
  uint32_t hint[256 + 64];  /* per field key, per media member (256 + i):
                               the value shared there last */

  /* duplicate memory: a ring of dup_cap entries and an index of it */
  struct cdf_dup *dups;
  size_t dup_cap, dup_head, dup_count;
  uint32_t *dup_index;      /* ring positions, UINT32_MAX: empty */
  size_t dup_nindex;

  /* the queue */
  struct cdf_block *qhead, *qtail, *qspare;
  size_t qcount, qbytes;

  /* counters */
  uint32_t next_lrsn;
  uint64_t acrs, folded, duplicates, rejected, cdrs, lost, other_node, warnings;
  bool used;                /* fed or imported */

  /* scratch, reused by every call */
  struct wchgi_buf pack;      /* the ACR's fields, compact */
  struct wchgi_buf work;      /* a session's next blob */
  struct wchgi_buf media;     /* the ACR's media entries, compact */
  struct wchgi_buf arena;     /* list items of a record being built */
  struct wchgi_buf ids;       /* shared values the ACR's pack refers to */
  size_t field_ids;           /* of them, those of its fields (first) */
  size_t pack_x, media_x;     /* the pack's lengths with values inline */
  wchg_media_components_list *ev_media; /* an event's media entries */
  size_t ev_media_cap;
  wchg_acr_reader *reader;  /* wchg_cdf_feed_bytes, made on first use */
  const wchg_acr *last_acr; /* what it decoded last (wchg_cdf_last_acr) */
  struct {                  /* cdf_time: the last local day turned to a date */
    int64_t day;            /* days since 1970 (local), -1: none yet */
    wchg_timestamp ts;      /* a time stamp of that day (its date octets) */
  } day;

  /* compact-store keys -> fields of wchgi_pcscf_record_type /
   * wchgi_webrtc_info_type (relative to wchg_cdr) */
  const struct wf *by_key[256];
  const struct wf *media_field; /* list-Of-SDP-Media-Components */
  const struct wf *order_f[96]; /* the keys in increasing order */
  uint8_t order_k[96];
  uint8_t order_pk[96];         /* how to tell presence (cdf_store_enc.c) */
  uint16_t order_off[96];       /* where, from the wchg_ims_info */
  unsigned norder;
};

/* ---- memory (cdf_mem.c) ------------------------------------------------ */
void *cdf_alloc(wchg_cdf *c, size_t n);
void cdf_free(wchg_cdf *c, void *p, size_t n);
/* The growable buffer (base/buf.h) with the CDF counting its bytes. */
wchg_status cdf_buf_reserve(wchg_cdf *c, struct wchgi_buf *b, size_t need);
void cdf_buf_release(wchg_cdf *c, struct wchgi_buf *b);
uint64_t cdf_hash(const char *s, size_t n);

/* ---- sessions (cdf_session.c) ------------------------------------------ */
/* The open session |sid| (|n| octets, hash |h|), or NULL. */
struct cdf_sess *cdf_find(const wchg_cdf *c, uint64_t h, const char *sid, size_t n);
/* Room for one more session in the table (may grow it). */
wchg_status cdf_table_reserve(wchg_cdf *c);
/* Free every open session and the table (the CDF's free, a failed import). */
void cdf_sessions_free(wchg_cdf *c);
/* Insert |s| (a new session, hash |h|, its store written; after
 * cdf_table_reserve) into the table, the list and the heap. */
void cdf_insert(wchg_cdf *c, uint64_t h, struct cdf_sess *s);
/* Put |ns| (a copy of |old|, hash |h|, at another address) in its place;
 * frees |old|. */
void cdf_replace(wchg_cdf *c, uint64_t h, struct cdf_sess *old, struct cdf_sess *ns);
/* |s| takes the state of |w| (not its links or cap): its place in the
 * list and the heap and the counters follow. */
void cdf_update(wchg_cdf *c, struct cdf_sess *s, const struct cdf_sess *w);
/* Remove and free the session |s| (hash |h|). */
void cdf_remove(wchg_cdf *c, uint64_t h, struct cdf_sess *s);
/* Append |s| (imported) to the list as it comes; cdf_sort_sessions puts
 * the list in order (a state of version 2). */
void cdf_append(wchg_cdf *c, uint64_t h, struct cdf_sess *s);
void cdf_sort_sessions(wchg_cdf *c);
/* The session whose record ends first, when it has ended by |now_ms|. */
struct cdf_sess *cdf_due_record(const wchg_cdf *c, int64_t now_ms);
/* Open sessions due at |now_ms| (silent or with an ended record),
 * counted up to |cap|. */
unsigned cdf_count_due(const wchg_cdf *c, int64_t now_ms, unsigned cap);
/* Silent for session_timeout_ms at |now_ms|? */
static inline bool cdf_silent(const wchg_cdf *c, const struct cdf_sess *s, int64_t now_ms) {
  return c->cfg.session_timeout_ms > 0 && now_ms - s->last_now_ms >= c->cfg.session_timeout_ms;
}
size_t cdf_sess_size(uint32_t cap);
struct cdf_sess *cdf_sess_alloc(wchg_cdf *c, uint32_t cap);

/* Duplicate memory. */
struct cdf_dup *cdf_dup_find(const wchg_cdf *c, uint64_t h);
void cdf_dup_add(wchg_cdf *c, uint64_t h, uint32_t max_number, uint64_t seen);

/* ---- shared values (cdf_shared.c) --------------------------------------- */
/* In a store, a string or a list outside any list may be a reference:
 * the varint of its length or count is CDF_REF + the value's id (no
 * length or count reaches it: an entry is shorter than 2^24 octets). */
#define CDF_REF (1u << 24)
#define CDF_NO_REF UINT32_MAX
/* The id of the shared value of |kind| with the |n| octets at |p|, one
 * more reference to it, when it is shared already or was packed lately
 * for another session than |sess|; else CDF_NO_REF (and it stays inline;
 * also when out of memory). *|hint|: the id of the value shared last at
 * this place, looked at first; updated. */
uint32_t cdf_val_intern(wchg_cdf *c, int kind, const uint8_t *p, size_t n, uint32_t sess,
                        uint32_t *hint);
static inline const struct cdf_val *cdf_val_get(const wchg_cdf *c, uint32_t id) {
  return (const struct cdf_val *)*(const uintptr_t *)cdf_vec_at(&c->val_ids, id);
}
/* One reference less (a value no session refers to is kept a while). */
void cdf_val_release(wchg_cdf *c, uint32_t id);
void cdf_vals_free(wchg_cdf *c);
size_t cdf_vals_bytes(const wchg_cdf *c);

/* ---- the queue (cdf_queue.c) -------------------------------------------- */
struct cdf_qmark {
  struct cdf_block *tail;
  size_t tail_pos, count, bytes;
  uint32_t lrsn;     /* the counters that go with the queue */
  uint64_t cdrs;
};
void cdf_queue_mark(const wchg_cdf *c, struct cdf_qmark *m);
/* Undo every append since |m|. */
void cdf_queue_rollback(wchg_cdf *c, const struct cdf_qmark *m);
/* Room for |n| more bytes of DER at the tail: a pointer to write to. */
uint8_t *cdf_queue_room(wchg_cdf *c, size_t *avail);
wchg_status cdf_queue_grow(wchg_cdf *c, size_t need);
/* The |n| bytes written at cdf_queue_room() become an entry. */
void cdf_queue_commit(wchg_cdf *c, size_t n);
/* Append a copy of |der| (import). */
wchg_status cdf_queue_append(wchg_cdf *c, const uint8_t *der, size_t n);
void cdf_queue_free(wchg_cdf *c);

/* ---- times (cdf_time.c) -------------------------------------------------- */
/* ms -> TimeStamp and fraction in the configured offset. */
wchg_status cdf_time(wchg_cdf *c, int64_t ms, wchg_timestamp *ts, wchg_opt_int *frac);

/* A TimeStamp and fraction of an ACR time, over the entry's own. */
static inline void cdf_stamp(wchg_cdf *c, wchg_time_ms t, wchg_timestamp *ts,
                             wchg_opt_int *frac) {
  if (t.present)
    cdf_time(c, t.unix_ms, ts, frac);
}

/* A media entry stamped with its ACR's SIP-Request-/-Response-Timestamp. */
static inline void cdf_stamp_media(wchg_cdf *c, const wchg_acr *acr,
                                   wchg_media_components_list *e) {
  cdf_stamp(c, acr->sip_request_timestamp, &e->sip_request_timestamp,
            &e->sip_request_timestamp_fraction);
  cdf_stamp(c, acr->sip_response_timestamp, &e->sip_response_timestamp,
            &e->sip_response_timestamp_fraction);
}

/* ---- the compact store --------------------------------------------------- */
/*
 * An open session keeps no wchg_ims_info: its fields live in a byte
 * string, written (cdf_store_enc.c) and read (cdf_store_dec.c) by walking
 * the record's schema (schema.h), so every PCSCFRecord field the ACR model
 * carries is kept, and only the bytes it needs.
 *
 *   fields section  entries in increasing key order, each
 *                   key (1 octet: the PCSCFRecord tag, or 0xF0 + the tag
 *                   of a WebRTCChargingInfo member), length (3 octets,
 *                   little-endian), value
 *   media region    entries of list-Of-SDP-Media-Components, each
 *                   length (3 octets) and a Media-Components-List value
 *   value           INTEGER, ENUMERATED, BOOLEAN: zigzag varint; NULL:
 *                   nothing; strings: varint length and the octets
 *                   (in memory, outside lists, it may be a reference to
 *                   a shared value: cdf_shared.c);
 *                   TimeStamp: 9 octets; a binary address: its 4 or 16
 *                   octets; SEQUENCE/SET: varint mask of the members
 *                   present, then each; CHOICE: 1 octet alternative
 *                   (1-based), then its value; SEQUENCE OF: varint count,
 *                   then each element.
 */

/* Keys the CDF looks for. */
#define KEY_EMERGENCY 52u
#define KEY_SIP_METHOD 2u
#define KEY_WEBRTC 0xF0u /* + tag of WebRTCChargingInfo */

/* An entry's 3-octet length. */
static inline size_t cdf_u24(const uint8_t *p) {
  return (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16;
}

/* ---- writing the compact store (cdf_store_enc.c) ------------------------ */
/* The keys of the store (by_key, order_*), once, when the CDF is made. */
void cdf_store_init(wchg_cdf *c);
/* The record fields of |ims| (of an ACR) in compact form into |out|
 * (replacing its content); *|xlen|: its length with shared values
 * inline. With |sess| (the session's tag; 0: none) values may become
 * shared: their ids are added to c->ids. WCHG_E_INVALID with |diag| for
 * a structure the CDR cannot hold, WCHG_E_NOMEM. */
wchg_status cdf_pack_fields(wchg_cdf *c, const wchg_ims_info *ims, uint32_t sess,
                            struct wchgi_buf *out, size_t *xlen, wchg_diag *diag);
/* The media entries of |acr| with its time stamps into |out|, as above. */
wchg_status cdf_pack_media(wchg_cdf *c, const wchg_acr *acr, uint32_t sess,
                           struct wchgi_buf *out, unsigned *count, size_t *xlen,
                           wchg_diag *diag);
/* Would merging |upd| into |old| (as cdf_merge_fields) give |old|? */
bool cdf_fields_same(const uint8_t *old, size_t old_len, const uint8_t *upd, size_t upd_len,
                     bool start);
/* Merge fields sections: |upd| replaces |old| key by key (except
 * sIP-Method unless |start|), result appended to |out|; with |out| NULL
 * the entries left out give back their shared values. */
wchg_status cdf_merge_fields(wchg_cdf *c, const uint8_t *old, size_t old_len,
                             const uint8_t *upd, size_t upd_len, bool start,
                             struct wchgi_buf *out);
/* ---- reading the compact store (cdf_store_dec.c) ------------------------ */
/* Does the fields section hold |key|? */
bool cdf_fields_has(const uint8_t *f, size_t n, unsigned key);
/* Give back the shared values a fields section, a media region, one
 * fields entry refer to. */
void cdf_release_fields(wchg_cdf *c, const uint8_t *f, size_t n);
void cdf_release_media(wchg_cdf *c, const uint8_t *m, size_t n);
void cdf_release_entry(wchg_cdf *c, const uint8_t *entry);
/* A fields section, a media region with its shared values inline (as a
 * state carries it) to |o|. */
void cdf_expand_fields(const wchg_cdf *c, const uint8_t *f, size_t n, struct wchgi_out *o);
void cdf_expand_media(const wchg_cdf *c, const uint8_t *m, size_t n, struct wchgi_out *o);
/* Check a fields section / media region read from outside (import; no
 * references): WCHG_OK or WCHG_E_ENCODING. *count: media entries. */
wchg_status cdf_check_fields(const wchg_cdf *c, const uint8_t *f, size_t n);
wchg_status cdf_check_media(const wchg_cdf *c, const uint8_t *m, size_t n, size_t *count);
/* The record of session |s| (whose store is |v|, s->media_count media
 * entries) into |cdr|: strings view the store, list items live in the
 * arena (grown when too small); with |collect|, the id of each shared
 * value read is added to c->ids. WCHG_OK or WCHG_E_NOMEM. */
wchg_status cdf_store_read(wchg_cdf *c, const struct cdf_sess *s, const struct cdf_view *v,
                           wchg_cdr *cdr, bool collect);

/* ---- CDR building (cdf_record.c) ---------------------------------------- */
/* How a record closes. */
struct cdf_close {
  int64_t closure_ms;
  int cause;              /* causeForRecordClosing */
  bool final;             /* the session's last record */
  bool stop_lost;
  int64_t end_ms;         /* [11], CDF_NO_TIME: absent */
  wchg_opt_int cause_code;/* [23] */
  bool collect;           /* the ids of the shared values read: into c->ids
                             (emptied first) */
};
/* Build the record of session |s| (whose store is |v|) and queue its
 * DER. WCHG_OK or WCHG_E_NOMEM (queue as it was). */
wchg_status cdf_emit_session(wchg_cdf *c, const struct cdf_sess *s, const struct cdf_view *v,
                             const struct cdf_close *how);
/* The event record of |acr|. WCHG_E_INVALID (with |diag|) when the CDR
 * encoder refuses its structure, WCHG_E_NOMEM. */
wchg_status cdf_emit_event(wchg_cdf *c, const wchg_acr *acr, int64_t t_ms, wchg_diag *diag);

/* causeForRecordClosing of a Cause-Code: 0 when absent or <= 0, else 1. */
int cdf_cause_for_closing(wchg_opt_int cause_code);

/* Write the total length |len| and the CRC into the state |buf| of |len|
 * (>= 16) octets (cdf_state.c; the tests and the fuzz target use it to
 * reach the checks behind the CRC). */
void cdf_state_seal(uint8_t *buf, size_t len);

#endif
