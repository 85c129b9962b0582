/*
 * ims_avps.h (private): the AVP encoder shared by the Diameter views of
 * the model (rf.c: ACR, ro_ccr.c: CCR), and its writer of
 * Service-Information/IMS-Information.
 *
 * One walk of a model, in the ABNF order of the message and of each
 * Grouped AVP, checks every field and writes it with the Diameter writer
 * and the AVP's dictionary entry, E(ID): the first problem wins, its AVP
 * path ("<root>/<open groups>/<AVP>[i]") is built only then, and the
 * message is then not given (what was written is left).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_IMS_AVPS_H
#define WCHG_IMS_AVPS_H

#include <webrtc_chg/acr.h>
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
  wchg_status error;   /* the first problem */
  wchg_diag *diag;
  const char *root;    /* "ACR", "CCR": the first path element */
  int depth;           /* open groups, for the path */
  struct {
    const wchg_dict_avp *d;
    size_t index;
  } open[AENC_MAX_OPEN];
};

/* The IMS-Information items a request carries that have no field in
 * wchg_ims_info (the same in the ACR and the CCR). */
struct aenc_ims_extra {
  int32_t node_functionality;          /* required */
  wchg_opt_int cause_code;
  wchg_time_ms sip_request_timestamp;
  wchg_time_ms sip_response_timestamp;
};

/* A problem: |d| (at |index|, or AENC_NO_INDEX) under the open groups;
 * |d| NULL names the open group. The first one wins. */
void aenc_fail(struct aenc *e, wchg_status code, const wchg_dict_avp *d, size_t index,
               const char *fmt, ...) WCHG_PRINTF(5, 6);

void aenc_group_begin(struct aenc *e, const wchg_dict_avp *d, size_t index);
void aenc_group_end(struct aenc *e);
/* A required AVP: WCHG_E_MISSING unless |present|. */
void aenc_need(struct aenc *e, const wchg_dict_avp *d, bool present);
/* A model list with entries but no items: WCHG_E_MISSING, false. */
bool aenc_items_ok(struct aenc *e, const wchg_dict_avp *d, const void *items, size_t count);

/* One AVP each; absent (NULL text, !present) writes nothing. */
void aenc_str(struct aenc *e, const wchg_dict_avp *d, wchg_str s);
void aenc_octets(struct aenc *e, const wchg_dict_avp *d, const void *p, size_t n);
void aenc_unsigned(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v);
void aenc_integer(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v);
void aenc_u64(struct aenc *e, const wchg_dict_avp *d, bool present, uint64_t v);
/* Enumerated: only the values the dictionary names. */
void aenc_enum(struct aenc *e, const wchg_dict_avp *d, wchg_opt_int v);
/* Time from milliseconds, sent in whole seconds (rounded down). */
void aenc_time_ms(struct aenc *e, const wchg_dict_avp *d, wchg_time_ms t);

/* Session-Id, Origin-Host, -Realm, Destination-Realm: required, first. */
void aenc_session_top(struct aenc *e, wchg_str session_id, wchg_str origin_host,
                      wchg_str origin_realm, wchg_str destination_realm);

/* Subscription-Id (RFC 4006 §8.46), one per entry. */
void aenc_subscription_ids(struct aenc *e, const wchg_subscription_id_list *l);

/* Service-Information (873) { [*Subscription-Id when |with_subscription_ids|],
 * IMS-Information (876) } as acr.h describes it. */
void aenc_service_information(struct aenc *e, const wchg_ims_info *ims,
                              const struct aenc_ims_extra *x, bool with_subscription_ids);

/* A whole message: |walk| over |model| once to check, then with the
 * header (|flags|, |code|, |app|, |hbh|, |e2e|) to write. |what| names
 * the model in the WCHG_E_ARG sentence ("acr"). The encoders' contract
 * (acr.h): WCHG_E_BUFFER with the needed size; otherwise *len 0 on error. */
typedef void (*aenc_walk_fn)(struct aenc *e, const void *model);
wchg_status aenc_message(const char *root, const char *what, aenc_walk_fn walk,
                         const void *model, uint8_t flags, uint32_t code, uint32_t app,
                         uint32_t hbh, uint32_t e2e, uint8_t *buf, size_t cap, size_t *len,
                         wchg_diag *diag);

#endif
