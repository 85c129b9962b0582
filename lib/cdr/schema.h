/*
 * schema.h (private): the PCSCFRecord described once. The DER writer, the
 * BER reader, the JSON mapping and the validator all walk these tables, so
 * a field is added in one row.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_SCHEMA_H
#define WCHG_SCHEMA_H

#include <string.h>
#include <webrtc_chg/cdr.h>
#include <webrtc_chg/webrtc_ext.h>

#include "base/compiler.h"

/* How a field's value is stored in the C model. */
enum wk {
  WK_INT,       /* INTEGER          -> wchg_opt_int */
  WK_ENUM,      /* ENUMERATED       -> wchg_opt_int (names) */
  WK_BOOL,      /* BOOLEAN          -> wchg_opt_int (0/1) */
  WK_NULL,      /* NULL             -> bool */
  WK_OCTETS,    /* OCTET STRING     -> wchg_octets */
  WK_TEXT,      /* character string -> wchg_str (alphabet = universal tag) */
  WK_TIMESTAMP, /* TimeStamp        -> wchg_timestamp */
  WK_IPBIN,     /* OCTET STRING (SIZE(4|16)) -> uint8_t[16]; size in .hi */
  WK_STRUCT,    /* SEQUENCE / SET   -> struct (type) */
  WK_CHOICE,    /* CHOICE           -> struct with an int choice (type) */
  WK_LIST,      /* SEQUENCE OF / SET OF -> {items, count} (elem) */
  WK_OID,       /* OBJECT IDENTIFIER -> wchg_octets (content octets) */
  WK_ANY,       /* open type        -> wchg_octets (complete TLV) */
};

/* Universal tag numbers used here. */
enum {
  UT_BOOLEAN = 1, UT_INTEGER = 2, UT_OCTETS = 4, UT_NULL = 5, UT_OID = 6,
  UT_ENUMERATED = 10, UT_UTF8 = 12, UT_SEQUENCE = 16, UT_SET = 17,
  UT_IA5 = 22, UT_GRAPHIC = 25,
};

/* Tag classes as in the identifier octet. */
enum { TC_UNIVERSAL = 0x00, TC_CONTEXT = 0x80 };

/* Field flags. */
enum {
  WF_MANDATORY = 1u << 0, /* must be present (not OPTIONAL) */
  WF_DEFAULT = 1u << 1,   /* has DEFAULT .dflt: DER omits that value */
  WF_GROUP = 1u << 2,     /* member of the untagged CHOICE named .wrap */
  WF_SETOF = 1u << 3,     /* LIST is a SET OF: DER sorts the elements */
  WF_EXTENSIONS = 1u << 4,/* recordExtensions: ours mapped to ims.webrtc_* */
};

struct wenum {
  int64_t value;
  const char *name;
};

struct wt;

struct wf {
  const char *name;          /* ASN.1 identifier: JSON key, path segment */
  uint32_t tag;              /* tag number (of the element, for list elems) */
  uint8_t cls;               /* TC_CONTEXT or TC_UNIVERSAL */
  uint8_t kind;              /* enum wk */
  uint8_t flags;             /* WF_* */
  uint8_t alphabet;          /* WK_TEXT: UT_GRAPHIC, UT_UTF8 or UT_IA5 */
  uint16_t off;              /* offset of the value in the parent struct */
  const struct wt *type;     /* WK_STRUCT, WK_CHOICE */
  const struct wf *elem;     /* WK_LIST: the element (cls/tag/kind/type) */
  size_t esize;              /* list elements: sizeof the C element */
  int64_t lo, hi;            /* INT: value range; OCTETS/TEXT: size range;
                                WK_IPBIN: hi = size; both 0: no range */
  int64_t dflt;              /* WF_DEFAULT value */
  const struct wenum *names; /* WK_ENUM: value names, NULL-terminated */
  const char *wrap;          /* JSON: untagged CHOICE around the field */
  const char *wrap2;         /* JSON: a second untagged CHOICE inside wrap */
};

struct wt {
  const char *name;          /* ASN.1 type name, for messages */
  uint8_t kind;              /* WK_STRUCT or WK_CHOICE */
  uint8_t is_set;            /* SET: members in any order when decoding */
  int16_t present_off;       /* offset of 'bool present', -1 if none */
  int16_t choice_off;        /* WK_CHOICE: offset of the choice enum */
  uint16_t nfields;
  const struct wf *fields;   /* members in tag order; CHOICE: alternatives
                                in choice-number order (1, 2, ...) */
};

/* The record: IMSRecord's pCSCFRecord [64] alternative, fields relative
 * to wchg_cdr. */
extern const struct wt wchgi_pcscf_record_type;
#define WCHG_PCSCF_RECORD_TAG 64
/* WebRTCChargingInfo, fields relative to wchg_cdr. */
extern const struct wt wchgi_webrtc_info_type;
/* ManagementExtension, relative to wchg_management_extension. */
extern const struct wt wchgi_management_extension_type;

/* Helpers to reach a field's storage. */
static inline void *wf_ptr(const void *base, const struct wf *f) {
  return (char *)(uintptr_t)base + f->off;
}

/* Does |f| carry a value or size range (see wf.lo/hi)? */
static inline int wf_has_range(const struct wf *f) {
  return f->kind != WK_IPBIN && (f->lo != 0 || f->hi != 0);
}


/* Generic list view (same layout as every wchg_*_list). */
struct wlist {
  const void *items;
  size_t count;
};
static inline struct wlist wf_list(const void *base, const struct wf *f) {
  struct wlist l;
  memcpy(&l, wf_ptr(base, f), sizeof l);
  return l;
}

/* Choice value of a CHOICE struct at |p|. */
static inline int wt_choice(const void *p, const struct wt *t) {
  int c;
  memcpy(&c, (const char *)p + t->choice_off, sizeof c);
  return c;
}

/* Field presence as the model says it (any kind). Always inline: the
 * writer asks it for every member of every structure, and for a constant
 * |f| it folds to one test. */
WCHG_INLINE int wchg_field_present(const void *base, const struct wf *f) {
  const void *p = wf_ptr(base, f);
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL:
    return ((const wchg_opt_int *)p)->present;
  case WK_NULL:
    return *(const bool *)p;
  case WK_OCTETS: case WK_OID: case WK_ANY:
    return ((const wchg_octets *)p)->ptr != NULL;
  case WK_TEXT:
    return ((const wchg_str *)p)->ptr != NULL;
  case WK_TIMESTAMP:
    return ((const wchg_timestamp *)p)->present;
  case WK_IPBIN:
    return 1;
  case WK_STRUCT:
    if (f->type->present_off < 0)
      return 1;
    return *(const bool *)((const char *)p + f->type->present_off);
  case WK_CHOICE:
    return wt_choice(p, f->type) != 0;
  case WK_LIST:
    if (f->flags & WF_EXTENSIONS) { /* ours is written from the identities */
      const wchg_cdr *cdr = base;
      if (cdr->ims.webrtc_authentication_function_name.ptr ||
          cdr->ims.webrtc_web_server_function_name.ptr)
        return 1;
    }
    /* a count without items is present, so the encoder reports it */
    return wf_list(base, f).items != NULL || wf_list(base, f).count != 0;
  }
  return 0;
}

/* Enum name of |v| or NULL. */
const char *wchgi_enum_name(const struct wenum *names, int64_t v);


/* wchg_cdr_encode() by the tables alone (cdr_enc.c), which it runs itself
 * when the types' own functions cannot write the record: for the tests,
 * which want both writers to give the same bytes. */
wchg_status wchgi_cdr_encode_tables(const wchg_cdr *cdr, uint8_t *buf, size_t cap,
                                    size_t *len, wchg_diag *diag);

/* wchg_cdr_decode_ex() by the tables alone (cdr_dec.c), which it runs
 * itself for a record the types' own functions decline: for the tests,
 * which want both readers to give the same record. */
wchg_status wchgi_cdr_decode_tables(const uint8_t *data, size_t len, wchg_policy policy,
                                    const wchg_mem *mem, wchg_cdr **out, size_t *consumed,
                                    wchg_diag *diag, wchg_warnings *warn);

/* ---- values kept as received (ber_raw.c) -------------------------------- */

/* A record decoded in receive policy (or imported from JSON) may hold a
 * value whose contents octets the model cannot carry as they are: an
 * INTEGER or ENUMERATED that is empty, not minimal or wider than 64 bits,
 * a BOOLEAN that is not one octet, a NULL with contents, a TimeStamp that
 * is not 9 octets, a binary address of the wrong size. The record's owner
 * keeps those octets in a table keyed by where the value lives; the model
 * holds a stand-in (present, zeros or the value read where it fits). The
 * DER writer writes the octets back, JSON shows them, validation names
 * them. Records built by a producer have no owner, hence no such value. */
struct wchgi_raw {
  uintptr_t key;         /* wchg_raw_key() of the value's storage */
  const uint8_t *octets; /* contents octets as received (owner's memory) */
  size_t len;
};

/* Does the model hold |n| contents octets |c| of a value of field |f| as
 * they are (so that DER writes them back unchanged)? WCHG_OK, or the code
 * the strict policy refuses them with and a sentence in |msg|. Only the
 * kinds INT, ENUM, BOOL, NULL, TIMESTAMP and IPBIN can fail. */
wchg_status wchgi_raw_problem(const struct wf *f, const uint8_t *c, size_t n,
                             char *msg, size_t cap);
/* Fill the model value of |f| at |p| from |n| contents octets |c| (same
 * kinds): exactly when wchgi_raw_problem() is WCHG_OK, else the stand-in. */
void wchgi_raw_model(const struct wf *f, void *p, const uint8_t *c, size_t n);
/* Keep a copy of |c| (|n|) as the received octets of the value at |p| in
 * record |cdr| (which must have an owner): WCHG_OK or WCHG_E_NOMEM. */
wchg_status wchgi_raw_add(wchg_cdr *cdr, const void *p, const uint8_t *c, size_t n);
/* Forget the octets added for the values in the |n| bytes at |p| (a list
 * slot the decoder clears to use again): before wchgi_raw_seal() only. */
void wchgi_raw_drop(wchg_cdr *cdr, const void *p, size_t n);
/* Sort the values added, once the record is complete: WCHG_OK or
 * WCHG_E_NOMEM. */
wchg_status wchgi_raw_seal(wchg_cdr *cdr);
/* The received octets of the value of field |f| at |p| in |cdr|, or NULL:
 * NULL too once the model no longer holds the value's stand-in (whoever
 * changed it meant the new value). The value is keyed by its offset when
 * it lies in the wchg_cdr itself (a copy of the struct still finds it),
 * else by its address. */
const struct wchgi_raw *wchgi_raw_find(const wchg_cdr *cdr, const struct wf *f, const void *p);
/* Does |cdr| hold any such value? */
int wchgi_raw_any(const wchg_cdr *cdr);

/* Is |n| octets |c| the contents of a well-formed OBJECT IDENTIFIER
 * (X.690 8.19: not empty, last subidentifier complete, each minimal)?
 * WCHG_OK or WCHG_E_ENCODING with a sentence. */
wchg_status wchgi_oid_problem(const uint8_t *c, size_t n, char *msg, size_t cap);

/* ---- field-level rules (validate.c) ----------------------------------- */

/* Check the present value at |p| of field |f| against the rules of its
 * own (range, enumeration names, size, alphabet, TimeStamp, OID form);
 * call |report| once per problem with its code and a sentence. Values
 * kept as received are not looked at (the caller asks wchgi_raw_find).
 * The decoder judges what it reads with it, wchg_cdr_validate() reports
 * with it. Returns the number of problems. */
typedef void wchg_value_report(void *ctx, wchg_status code, const char *msg);
size_t wchgi_value_check(const struct wf *f, const void *p, wchg_value_report *report,
                        void *ctx);

/* The problems wchg_cdr_validate() finds in the fields of |cdr| (each
 * value by its own rules, the structure), not the record-level rules: how
 * many. The BER reader's types' own functions judge a record with it. */
size_t wchgi_fields_faults(const wchg_cdr *cdr);

#endif
