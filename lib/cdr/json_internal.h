/*
 * json_internal.h (private): what the two directions of the JSON view of a
 * CDR (cdr_json.h) share: the top-level member names, the shape of the
 * TimeStamp text, the untagged CHOICE groups of the schema, and the context
 * whose path and diag say where a value failed.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_CDR_JSON_INTERNAL_H
#define WCHG_CDR_JSON_INTERNAL_H

#include <string.h>

#include <webrtc_chg/cdr_json.h>

#include "base/internal.h"
#include "cdr/schema.h"

#define ROOT "pCSCFRecord"
#define OTHER "otherRecord"

/* TimeStamp text: the BCD digits of octet k go at ts_pos[k]; octet 6 is
 * the sign of the UTC offset. Shape 'd' = digit, '+' = sign. */
static const char ts_shape[] = "20dd-dd-ddTdd:dd:dd+dd:dd";
static const unsigned char ts_pos[9] = {2, 5, 8, 11, 14, 17, 19, 20, 23};
#define TS_LEN (sizeof ts_shape - 1)

/* Are a and b members of the same untagged CHOICE (same .wrap)? */
static inline bool same_group(const struct wf *a, const struct wf *b) {
  return (a->flags & WF_GROUP) && (b->flags & WF_GROUP) && a->wrap && b->wrap &&
         strcmp(a->wrap, b->wrap) == 0;
}

struct wchgi_jctx {
  wchg_diag *diag;
  struct wpath path;
  struct wchg_owner *owner; /* import only */
  size_t elements;          /* import: list elements so far */
  wchg_cdr *cdr;            /* the record: its values kept as received */
};

/* Fill c->diag (first error wins) with |code|, the path so far and the
 * sentence; returns |code|. */
wchg_status wchgi_json_fail(struct wchgi_jctx *c, wchg_status code, const char *fmt, ...)
    WCHG_PRINTF(3, 4);
/* wchgi_json_fail with WCHG_E_NOMEM. */
wchg_status wchgi_json_nomem(struct wchgi_jctx *c);

/* Is |p| (|n|) exactly one IMSRecord that is not a pCSCFRecord? *info
 * says which; else a JSON error in c->diag. */
wchg_status wchgi_json_other_check(struct wchgi_jctx *c, const uint8_t *p, size_t n,
                                   wchg_record_info *info);

#endif
