/*
 * internal.h (private): helpers every module of lib/ shares —
 * diagnostics and paths, the owner arena of decoded objects, text checks.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_INTERNAL_H
#define WCHG_INTERNAL_H

#include <stdarg.h>
#include <string.h>
#include <webrtc_chg/cdr.h>

#include "base/compiler.h"

/* ---- field paths: "pCSCFRecord/list-Of-...[3]/sDP-Type" ---------------- */

struct wpath {
  char buf[192];
  size_t len;
};
void wpath_init(struct wpath *p, const char *root);
/* Append "/name" (or "name" at the root); returns the length to restore. */
size_t wpath_push(struct wpath *p, const char *name);
/* Append "[i]"; returns the length to restore. */
size_t wpath_index(struct wpath *p, size_t i);
void wpath_pop(struct wpath *p, size_t len);

/* The one diag setter of lib/: fill |d| (may be NULL) with the code, the
 * Diameter Result-Code a peer would answer with (result_code.h; 0 where
 * none applies), the offset (WCHG_NO_OFFSET where none), the path (may be
 * NULL) and a sentence, unless |d| already holds an error: the first
 * error wins (callers clear it with wchgi_diag_clear first). */
void wchgi_diag_clear(wchg_diag *d);
void wchgi_diag_set(wchg_diag *d, wchg_status code, uint32_t result_code, size_t offset,
                    const struct wpath *path, const char *fmt, ...)
    WCHG_PRINTF(6, 7);
/* The same with the sentence's arguments as a va_list (for a module's own
 * variadic fail helper). */
void wchgi_diag_vset(wchg_diag *d, wchg_status code, uint32_t result_code, size_t offset,
                     const struct wpath *path, const char *fmt, va_list ap)
    WCHG_PRINTF(6, 0);

/* Give the error |d| (may be NULL) holds another code and Result-Code,
 * keeping its offset, path and sentence (a caller that knows better what
 * the error means to its peer). */
void wchgi_diag_recode(wchg_diag *d, wchg_status code, uint32_t result_code);

/* Add one warning to |w| (may be NULL): counted always, kept while there is
 * room (common.h). |path| may be NULL. */
void wchgi_warn(wchg_warnings *w, wchg_status code, uint32_t result_code, size_t offset,
               const char *path, const char *fmt, ...) WCHG_PRINTF(6, 7);

/* ---- the owner arena of decoded objects -------------------------------- */

struct wchgi_chunk;
struct wchgi_raw;
struct wchgi_raw_node;
struct wchg_owner {
  wchg_mem mem;              /* copy of the caller's hooks */
  struct wchgi_chunk *chunks; /* newest first; the owner lives in the first */
  char *cur, *end;           /* free space in the newest chunk */
  size_t next_size;
  /* values a record keeps as received (schema.h, ber_raw.c): collected
   * in raw_list while decoding, then sorted into raw[nraw] */
  struct wchgi_raw_node *raw_list;
  const struct wchgi_raw *raw;
  size_t nraw;
};
/* Create a record in a fresh arena of about |hint| bytes. Returns NULL on
 * out-of-memory. The record is zeroed and cdr->owner_ set. */
wchg_cdr *wchgi_owner_new_cdr(const wchg_mem *mem, size_t hint);
/* Allocate |size| zeroed bytes aligned for any object; NULL when the
 * allocator fails. size 0 returns a valid unique non-NULL pointer. */
void *wchgi_owner_alloc(struct wchg_owner *o, size_t size);
/* Copy |n| bytes into the arena, NUL-terminated (so text fields are also
 * C strings). NULL on out-of-memory. */
void *wchgi_owner_dup(struct wchg_owner *o, const void *src, size_t n);
void wchgi_owner_free(struct wchg_owner *o);

/* ---- BER shared with other modules ---------------------------------------- */

/* Are the |n| octets at |p| exactly one well-formed BER value that the
 * decoder would accept as the open type of a ManagementExtension (same
 * length rules and depth limit)? WCHG_OK, or the decoder's error with the
 * offset within |p| and a sentence in *diag (may be NULL). */
wchg_status wchgi_ber_check_open_type(const uint8_t *p, size_t n, wchg_diag *diag);

/* ---- text and value checks --------------------------------------------- */

/* Valid UTF-8 (RFC 3629: no overlongs, no surrogates, <= U+10FFFF)?
 * On failure *bad (may be NULL) is the offset of the first bad byte. */
bool wchgi_utf8_valid(const char *s, size_t n, size_t *bad);
/* Does |s| start with |prefix| (NUL-terminated, lower case), ASCII case
 * of |s| ignored? Inline: the length of a literal folds. */
static inline bool wchgi_has_prefix_ci(wchg_str s, const char *prefix) {
  size_t n = strlen(prefix);
  if (!s.ptr || s.len < n)
    return false;
  for (size_t k = 0; k < n; k++) {
    char c = s.ptr[k];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != prefix[k])
      return false;
  }
  return true;
}
/* The InvolvedParty of a URI (TS 32.298): tel: and urn: have their own
 * alternative, anything else (sip:, sips:, "unknown") goes into sIP-URI.
 * One rule for the CTF and the ACR decoder, so both sides agree. */
wchg_involved_party wchgi_party_of_uri(wchg_str uri);
/* TimeStamp octets: 0 if valid; else a wchg_status and a sentence in msg. */
wchg_status wchgi_timestamp_check(const uint8_t ts[9], char *msg, size_t msgcap);

/* ---- the reader's facts about dictionary entries (dict.c) -------------- */

#include <webrtc_chg/dict.h>


/* The dictionary's table (what wchg_dict_avps returns), indexed by the
 * I_<ID> constants of dict_table.h: an encoder names its entries as
 * &wchgi_dict_table[I_SESSION_ID], an address fixed at link time (no
 * search, no cache). Hidden: never exported. */
extern WCHG_HIDDEN const wchg_dict_avp wchgi_dict_table[];

/* Derived from the table (a generated const table, lib/dict_meta.inc): for an entry's children (or a command's
 * AVPs) the rules with min >= 1 as a bit mask (the first 128), the number
 * of leading fixed rules, and whether every min is <= 1 (simple); for an
 * Enumerated entry whether its values are exactly lo..hi (dense). The
 * reader's fast path (avp_dec.c) uses the rest. */
struct wchgi_dict_meta {
  uint64_t req[2];
  uint64_t once[2]; /* the rules with max 1 */
  /* the children's (or a command's AVPs') rules by a perfect hash: the
   * rule of (code, vendor), if any, is wchgi_dict_rule_slots[hoff +
   * wchgi_rule_hash(code, vendor, hmul, hshift)]; hshift 0: no such
   * table (no rules, more than 255, or one AVP named twice) */
  uint64_t hmul;
  int32_t lo, hi;
  uint16_t hoff;
  uint8_t hshift;   /* 64 - log2 of the number of slots */
  uint8_t nfixed;
  bool simple;
  bool flat;        /* simple, every max <= 1 and at most 96 rules */
  bool dense;
  /* the AVP itself: how its value is checked (WCHG_DK_*) and the flag
   * byte it must have: (flags & fmask) == fval (V, M unless MAY, P and
   * the reserved bits) */
  uint8_t kind, fmask, fval;
};
enum {
  WCHG_DK_ANY, WCHG_DK_FIXED4, WCHG_DK_FIXED8, WCHG_DK_ENUM_DENSE, WCHG_DK_ENUM,
  WCHG_DK_ADDRESS, WCHG_DK_UTF8, WCHG_DK_GROUP
};
/* The facts of the entry |d| of the table |base| (*base set by
 * wchgi_dict_meta_table to wchg_dict_avps): entries of the facts table
 * are as far apart as those of the dictionary, so that finding them
 * takes an add and no division. */
const struct wchgi_dict_meta *wchgi_dict_meta_table(const wchg_dict_avp **base);
static inline const struct wchgi_dict_meta *wchg_dict_meta_of(const struct wchgi_dict_meta *table,
                                                             const wchg_dict_avp *base,
                                                             const wchg_dict_avp *d) {
  return (const struct wchgi_dict_meta *)(const void *)((const char *)table +
                                                       ((const char *)d - (const char *)base));
}
const struct wchgi_dict_meta *wchgi_dict_command_meta(const struct wchgi_dict_meta *table,
                                                    const wchg_dict_command *cmd);

/* One slot of a level's perfect hash: the rule of (code, vendor) when
 * key is (uint64_t)vendor << 32 | code, with what the reader's fast path
 * needs of it, so that it reads nothing else for most AVPs: the rule's
 * index ri, the entry's index in the table, the flag byte its AVP must
 * have ((flags & fmask) == fval, as its entry's facts), and how its
 * value is checked (WCHG_RK_*): size, the octets of a WCHG_RK_SIZE value
 * (0: any number); lo..hi, the values of a WCHG_RK_RANGE one (4 octets:
 * a dense Enumerated, a Timestamp-Fraction). A slot no rule takes holds
 * the key of the level's rule 0, which hashes elsewhere, and so matches
 * no AVP. */
struct wchgi_rule_slot {
  uint64_t key;
  int32_t lo, hi;
  uint16_t entry;
  uint8_t ri, kind, size, fmask, fval;
};
/* the value: its size, ASCII text (else UTF-8), a range, a group's
 * children, or as its entry says (check_value) */
enum { WCHG_RK_SIZE, WCHG_RK_UTF8, WCHG_RK_RANGE, WCHG_RK_GROUP, WCHG_RK_ENTRY };
extern WCHG_HIDDEN const struct wchgi_rule_slot wchgi_dict_rule_slots[];
/* The slot of (code, vendor) in a table of 2^(64 - |shift|) slots (shift
 * 1..63). */
static inline size_t wchgi_rule_hash(uint32_t code, uint32_t vendor, uint64_t mul,
                                     unsigned shift) {
  return (size_t)((((uint64_t)vendor << 32 | code) * mul) >> shift);
}

/* A wchg_dmsg_parse_ex() option for tests: no fast pass, the full pass
 * alone answers. The answer is the same either way (the fast pass only
 * says when the full one would find nothing); the Diameter fuzz target
 * checks it is. */
#define WCHGI_DPARSE_FULL (1u << 31)

/* The facts derived afresh from the table into |out| (wchgi_dict_meta_count()
 * entries: the AVPs in table order, then the commands) and the rules'
 * slots into |slots| (room for WCHGI_DICT_SLOTS_MAX): what `make
 * dict-meta` writes into lib/dict_meta.inc and a unit test compares. The
 * number of slots, 0 when they do not fit. */
#define WCHGI_DICT_SLOTS_MAX 4096
size_t wchgi_dict_meta_count(void);
size_t wchgi_dict_meta_derive(struct wchgi_dict_meta *out, struct wchgi_rule_slot *slots);
/* The two steps of the derivation, for any entry or list of rules (the
 * unit tests give them shapes the table does not have yet): the facts of
 * |n| rules at |r| (nfixed, req, once, simple, flat) into |m|; all the
 * facts of the entry |a| into |m| (cleared first). */
void wchgi_dict_rules_meta(struct wchgi_dict_meta *m, const wchg_dict_rule *r, size_t n);
void wchgi_dict_avp_meta(struct wchgi_dict_meta *m, const wchg_dict_avp *a);

#endif
