/*
 * avp_build.h (private): the two-pass AVP encoder of the requests built
 * from a model (the ACR of rf/, the CCR of ro/): each AVP written by its
 * dictionary entry, E(ID), on the Diameter writer (diameter.h).
 *
 * One walk of a model, in the ABNF order of the message and of each
 * Grouped AVP, serves two passes. The check pass validates every field and
 * writes nothing: the first problem wins, and its AVP path ("<root>/<open
 * groups>/<AVP>[i]") is built only then. The write pass makes the same
 * calls on the Diameter writer with each AVP's dictionary entry.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_AVP_BUILD_H
#define WCHG_AVP_BUILD_H

#include <webrtc_chg/diameter.h>

#include "diameter/dict_table.h"
#include "base/internal.h"

/* The dictionary entry of an AVP by its identifier in dict_table.h. */
#define E(id) (&wchgi_dict_table[I_##id])

#define AENC_NO_INDEX ((size_t)-1)
/* open groups kept for the path: Service-Information / IMS-Information /
 * a group inside it, or MSCC / a unit group */
#define AENC_MAX_OPEN 4

struct aenc {
  wchg_dwriter w;
  bool writing;        /* false: the check pass */
  wchg_status error;   /* check pass: the first problem */
  wchg_diag *diag;
  const char *root;    /* "ACR", "CCR": the first path element */
  int depth;           /* open groups, for the path */
  struct {
    const wchg_dict_avp *d;
    size_t index;
  } open[AENC_MAX_OPEN];
};

/* A problem: |d| (at |index|, or AENC_NO_INDEX) under the open groups;
 * |d| NULL names the open group. The first one wins. */
void aenc_fail(struct aenc *e, wchg_status code, const wchg_dict_avp *d, size_t index,
               const char *fmt, ...) WCHG_PRINTF(5, 6);

/* One AVP each; absent (NULL text, !present) writes nothing. */
void aenc_unsigned(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v);
void aenc_integer(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v);
/* Enumerated: only the values the dictionary names. */
void aenc_enum(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v);
/* Time: whole Unix seconds, NTP on the wire. */
void aenc_time(struct aenc *e, const wchg_dict_avp *d, int64_t unix_seconds);
/* One AVP per text of |l|. */
void aenc_str_list(struct aenc *e, const wchg_dict_avp *d, const wchg_str_list *l);

/* ---- the thin ones, inlined into the walks (as when they shared a file) --- */

static inline void aenc_group_begin(struct aenc *e, const wchg_dict_avp *d, size_t index) {
  if (e->depth < AENC_MAX_OPEN) {
    e->open[e->depth].d = d;
    e->open[e->depth].index = index;
  }
  e->depth++;
  if (e->writing)
    wchg_dw_group_begin_d(&e->w, d);
}

/* A Grouped AVP that is there only when |present|: opened (the caller
 * writes its children and closes it) when it is; false when not. */
static inline bool aenc_group_if(struct aenc *e, bool present, const wchg_dict_avp *d) {
  if (present)
    aenc_group_begin(e, d, AENC_NO_INDEX);
  return present;
}

static inline void aenc_group_end(struct aenc *e) {
  e->depth--;
  if (e->writing)
    wchg_dw_group_end(&e->w);
}

/* A required AVP: WCHG_E_MISSING unless |present|. */
static inline void aenc_need(struct aenc *e, const wchg_dict_avp *d, bool present) {
  if (!present)
    aenc_fail(e, WCHG_E_MISSING, d, AENC_NO_INDEX, "%s is required", d->name);
}

/* A model list with entries but no items is refused (as validate.c does):
 * WCHG_E_MISSING, false. */
static inline bool aenc_items_ok(struct aenc *e, const wchg_dict_avp *d, const void *items,
                                 size_t count) {
  if (items || !count)
    return true;
  aenc_fail(e, WCHG_E_MISSING, d, AENC_NO_INDEX, "the list has count %zu but no items", count);
  return false;
}

/* UTF8String of |n| octets at |s| (NULL: absent), entry |index| of a list
 * (or AENC_NO_INDEX) in the path of a problem. */
static inline void aenc_text(struct aenc *e, const wchg_dict_avp *d, const char *s, size_t n,
                             size_t index) {
  size_t bad;
  if (!s)
    return;
  if (e->writing)
    wchg_dw_utf8_d(&e->w, d, s, n);
  else if (!wchgi_utf8_valid(s, n, &bad))
    aenc_fail(e, WCHG_E_UTF8, d, index, "the text is not valid UTF-8 (octet %zu)", bad);
}

static inline void aenc_str(struct aenc *e, const wchg_dict_avp *d, wchg_str s) {
  aenc_text(e, d, s.ptr, s.len, AENC_NO_INDEX);
}

/* OctetString and DiameterIdentity: any octets. */
static inline void aenc_octets(struct aenc *e, const wchg_dict_avp *d, const void *p, size_t n) {
  if (p && e->writing)
    wchg_dw_octets_d(&e->w, d, p, n);
}

static inline void aenc_u64(struct aenc *e, const wchg_dict_avp *d, bool present, uint64_t v) {
  if (present && e->writing)
    wchg_dw_u64_d(&e->w, d, v);
}

/* Address: |family| 1 (4 octets of |addr|) or 2 (16), checked by the
 * caller; written in the write pass. */
static inline void aenc_address(struct aenc *e, const wchg_dict_avp *d, int family,
                                const uint8_t addr[16]) {
  if (e->writing)
    wchg_dw_address_d(&e->w, d, family, addr);
}

/* One Grouped AVP |d| per item of a model list (|count| items of |size|
 * octets at |items|, each at its index in the path), its children
 * written by |each|. */
typedef void (*aenc_item_fn)(struct aenc *e, const void *item);
static inline void aenc_groups(struct aenc *e, const wchg_dict_avp *d, const void *items,
                               size_t count, size_t size, aenc_item_fn each) {
  if (!aenc_items_ok(e, d, items, count))
    return;
  for (size_t i = 0; i < count; i++) {
    aenc_group_begin(e, d, i);
    each(e, (const char *)items + i * size);
    aenc_group_end(e);
  }
}

/* Session-Id, Origin-Host, -Realm, Destination-Realm: required, first. */
void aenc_session_top(struct aenc *e, wchg_str session_id, wchg_str origin_host,
                      wchg_str origin_realm, wchg_str destination_realm);

/* A request of one command: |root| starts the paths ("ACR"), |what|
 * names the model in the WCHG_E_ARG sentence ("acr"), |walk| writes the
 * AVPs of the model in ABNF order. */
typedef void (*aenc_walk_fn)(struct aenc *e, const void *model);
struct aenc_request {
  const char *root, *what;
  aenc_walk_fn walk;
  uint32_t code, app;
};

/* A whole request: |r|->walk over |model| once to check, then with the
 * header (R and P set, T when |retransmitted|; |hbh|, |e2e|) to write.
 * The encoders' contract (acr.h): WCHG_E_BUFFER with the needed size;
 * otherwise *len 0 on error. */
wchg_status aenc_request(const struct aenc_request *r, const void *model, bool retransmitted,
                         uint32_t hbh, uint32_t e2e, uint8_t *buf, size_t cap, size_t *len,
                         wchg_diag *diag);

#endif
