/* fuzz_diameter: arbitrary bytes into the Diameter reader, with every rule
 * (occurrences too) and with WCHG_DPARSE_NO_ABNF, each in both policies
 * (strict, and receive: WCHG_DPARSE_RECEIVE). abort() on any
 * inconsistency:
 * - between the policies: receive without a warning answering other
 *   than strict (accepted or refused with the same Result-Code, path,
 *   offset and sentence); receive with warnings where strict does not
 *   refuse with the first of them (the header's reserved bits: the same
 *   Result-Code and offset, strict has no path there);
 * - a warning that is not WCHG_E_DIAMETER with a known Result-Code, a
 *   path, a sentence and an offset inside the input; more items kept
 *   than the count or the room; an AVP whose flags break its rule (P,
 *   a reserved bit, V with Vendor-Id 0, M against the dictionary)
 *   without a 3009 warning at its offset;
 * - a failure without WCHG_E_DIAMETER, a Result-Code, a sentence, or with
 *   an offset outside the input;
 * - a message that passes every rule but fails the structural checks;
 * - after a success: a header that is not the input's, an AVP whose view
 *   leaves its parent, AVPs that do not tile their parent exactly (bytes
 *   unvisited or visited twice), a dictionary entry that is not
 *   wchg_dict_find's, an unknown AVP with M, a fixed-size type of the
 *   wrong size, an Address without its family or of family 1 or 2 with
 *   another size, a typed getter that disagrees with the AVP's size or
 *   type, a Time that does not convert back, nesting past
 *   WCHG_DIAM_MAX_DEPTH, wchg_avp_find missing an AVP; in strict also a
 *   V bit that disagrees with the vendor, a P or reserved flag bit, an
 *   Enumerated value without a name, an Address of another family;
 * - inside Failed-AVP (RFC 6733 §7.5: it carries the offending AVPs as
 *   they were) the reader's contract is narrower, and so is the check:
 *   its children still tile it with whole AVPs (header, length, zero
 *   padding), but their flags, vendors and values are not judged, and
 *   nothing below them is read;
 * - the answer without the fast pass (WCHGI_DPARSE_FULL: the full pass
 *   alone) other than with it: status, diagnostic, header, warnings;
 * - the writer, given the same header and top-level AVPs (wchg_dw_raw),
 *   not producing the same bytes (top-level padding zeroed) or a message
 *   the reader refuses or reads with another number of warnings (skipped
 *   when the header or a top-level AVP has flags the writer never
 *   writes: reserved bits, V with Vendor-Id 0).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <webrtc_chg/diameter.h>

#include "base/internal.h"

static const uint8_t *base; /* the input */
static size_t total;
static uint8_t *norm;       /* the input with top-level padding zeroed */
static bool receive;        /* the pass reads in the receive policy */
static const wchg_warnings *warned; /* its warnings */
static bool unwritable;     /* flags wchg_dw_header / wchg_dw_raw refuse */

static uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static bool known_result(uint32_t rc) {
  static const uint32_t known[] = {3008, 3009, 5001, 5004, 5005, 5008,
                                   5009, 5011, 5012, 5014, 5015};
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (rc == known[i])
      return true;
  return false;
}

static void check_failure(wchg_status st, const wchg_diag *d, size_t size) {
  if (st != WCHG_E_DIAMETER || d->code != WCHG_E_DIAMETER || !known_result(d->result_code))
    abort();
  if (d->offset == WCHG_NO_OFFSET || d->offset > size || (size && d->offset == size))
    abort();
  if (!memchr(d->message, 0, sizeof d->message) || !d->message[0] ||
      !memchr(d->path, 0, sizeof d->path))
    abort();
}

/* Every warning kept: what a failure says, and a path. */
static void check_warnings(const wchg_warnings *w, size_t size) {
  for (size_t i = 0; i < w->count && i < w->cap; i++) {
    check_failure(w->items[i].code, &w->items[i], size);
    if (!w->items[i].path[0] || w->items[i].offset >= size)
      abort();
  }
}

/* A 3009 warning at |offset| (when the items kept reach that far). */
static void expect_flag_warning(size_t offset) {
  if (warned->count > warned->cap)
    return; /* not every warning kept */
  for (size_t i = 0; i < warned->count; i++)
    if (warned->items[i].offset == offset && warned->items[i].result_code == 3009)
      return;
  abort();
}

/* Does the AVP |a| break a flag rule of RFC 6733 §4.1 or of its entry? */
static bool bad_flags(const wchg_avp *a, size_t hl) {
  const wchg_dict_avp *d = a->dict;
  bool m = a->flags & WCHG_AVP_FLAG_M;
  if ((a->flags & (WCHG_AVP_FLAG_P | 0x1F)) || (hl == 12 && a->vendor == 0))
    return true;
  return d && ((m && d->m_rule == WCHG_RULE_MUSTNOT) || (!m && d->m_rule == WCHG_RULE_MUST));
}

static size_t fixed_size(wchg_avp_type t) {
  switch (t) {
  case WCHG_AVP_INTEGER32: case WCHG_AVP_UNSIGNED32: case WCHG_AVP_FLOAT32:
  case WCHG_AVP_ENUMERATED: case WCHG_AVP_TIME:
    return 4;
  case WCHG_AVP_INTEGER64: case WCHG_AVP_UNSIGNED64: case WCHG_AVP_FLOAT64:
    return 8;
  default:
    return 0;
  }
}

/* Every typed getter against the size and the dictionary type. */
static void check_getters(const wchg_avp *a, bool opaque) {
  uint32_t u32;
  int32_t i32;
  uint64_t u64;
  int64_t i64;
  float f32;
  double f64;
  int family = 0;
  uint8_t addr[16];
  bool four = a->len == 4, eight = a->len == 8;

  if ((wchg_avp_u32(a, &u32) == WCHG_OK) != four || (wchg_avp_i32(a, &i32) == WCHG_OK) != four ||
      (wchg_avp_f32(a, &f32) == WCHG_OK) != four || (wchg_avp_time(a, &i64) == WCHG_OK) != four ||
      (wchg_avp_u64(a, &u64) == WCHG_OK) != eight || (wchg_avp_i64(a, &i64) == WCHG_OK) != eight ||
      (wchg_avp_f64(a, &f64) == WCHG_OK) != eight)
    abort();
  if (four && (u32 != be32(a->data) || (uint32_t)i32 != u32))
    abort();
  if (eight && (u64 >> 32 != be32(a->data) || (uint32_t)u64 != be32(a->data + 4) ||
                (uint64_t)i64 != u64))
    abort();
  wchg_status ad = wchg_avp_address(a, &family, addr);
  if (ad == WCHG_OK && !((family == 1 && a->len == 6) || (family == 2 && a->len == 18)))
    abort();
  unsigned fam = a->len >= 2 ? (unsigned)(a->data[0] << 8 | a->data[1]) : 0;

  const wchg_dict_avp *d = a->dict;
  if (!d || opaque)
    return;
  if (fixed_size(d->type) && a->len != fixed_size(d->type))
    abort();
  switch (d->type) {
  case WCHG_AVP_ADDRESS: /* receive: another family, with its octets */
    if (ad != WCHG_OK && (!receive || a->len < 2 || fam == 1 || fam == 2))
      abort();
    break;
  case WCHG_AVP_TIME: {
    int64_t unix_s;
    uint32_t ntp;
    if (wchg_avp_time(a, &unix_s) != WCHG_OK || wchg_ntp_from_unix(unix_s, &ntp) != WCHG_OK ||
        ntp != be32(a->data) || wchg_unix_from_ntp(ntp) != unix_s)
      abort();
    break;
  }
  case WCHG_AVP_ENUMERATED:
    if (!receive && d->n_enums && !wchg_dict_enum_name(d, (int32_t)be32(a->data)))
      abort();
    break;
  case WCHG_AVP_UNSIGNED32: /* the fractions: milliseconds */
    if (!receive && d->vendor == 10415 && (d->code == 2301 || d->code == 2302) &&
        be32(a->data) > 999)
      abort();
    break;
  default:
    break;
  }
}

static bool is_failed_avp(const wchg_avp *a) { return a->code == 279 && a->vendor == 0; }

/* The AVPs of [start, end) of the message: they must tile it exactly.
 * |opaque|: the children of a Failed-AVP, whose dictionary rules do not
 * apply. */
static void walk(const wchg_dmsg *m, const wchg_avp *group, size_t start, size_t end,
                 int depth, bool opaque) {
  wchg_avp_iter it;
  wchg_avp a, f;
  size_t at = start;

  if (depth > WCHG_DIAM_MAX_DEPTH)
    abort();
  wchg_avp_iter_group(&it, m, group);
  while (wchg_avp_next(&it, &a)) {
    size_t hl = a.flags & WCHG_AVP_FLAG_V ? 12 : 8;
    if (a.offset != at || a.offset + hl + a.len > end || a.data != base + a.offset + hl)
      abort();
    if ((hl == 8 && a.vendor != 0) || (hl == 12 && a.vendor != be32(base + a.offset + 8)) ||
        a.code != be32(base + a.offset) || a.flags != base[a.offset + 4])
      abort();
    /* rules of RFC 6733 §4.1: no vendor 0 behind a V bit, no P or
     * reserved bit, M as the entry says; in receive each a warning */
    if (!opaque && bad_flags(&a, hl)) {
      if (!receive)
        abort();
      expect_flag_warning(a.offset);
    }
    if (depth == 0 && ((a.flags & 0x1F) || (hl == 12 && a.vendor == 0)))
      unwritable = true;
    if (a.dict != wchg_dict_find(a.code, a.vendor) ||
        (!opaque && !a.dict && (a.flags & WCHG_AVP_FLAG_M)))
      abort();
    if (!wchg_avp_find(m, group, a.code, a.vendor, &f) || f.offset > a.offset ||
        f.code != a.code || f.vendor != a.vendor)
      abort();
    check_getters(&a, opaque);
    size_t padded = (hl + a.len + 3) & ~(size_t)3;
    if (a.offset + padded > end)
      abort();
    if (opaque) /* a whole AVP: its padding is zero */
      for (size_t k = a.offset + hl + a.len; k < a.offset + padded; k++)
        if (base[k])
          abort();
    if (!opaque && a.dict && a.dict->type == WCHG_AVP_GROUPED)
      walk(m, &a, a.offset + hl, a.offset + hl + a.len, depth + 1, is_failed_avp(&a));
    else if (depth == 0) /* rewrite() copies inner padding as it is */
      memset(norm + a.offset + hl + a.len, 0, padded - hl - a.len);
    at = a.offset + padded;
  }
  if (at != end)
    abort(); /* bytes the iteration never visited */
}

/* The writer, given the header and the top-level AVPs, gives the input
 * back (padding zeroed), and that parses as the input did. */
static void rewrite(const wchg_dmsg *m, unsigned options) {
  wchg_dwriter w;
  wchg_avp_iter it;
  wchg_avp a;
  size_t len = 0;
  uint8_t *out = malloc(total);
  wchg_dmsg again;
  wchg_diag d;

  if (!out)
    return;
  wchg_dw_init(&w, out, total, NULL);
  wchg_dw_header(&w, m->flags, m->code, m->app_id, m->hop_by_hop, m->end_to_end);
  wchg_avp_iter_msg(&it, m);
  while (wchg_avp_next(&it, &a))
    wchg_dw_raw(&w, a.code, a.vendor, a.flags, a.data, a.len);
  if (wchg_dw_finish(&w, &len) != WCHG_OK || len != total || memcmp(out, norm, total))
    abort();
  wchg_warnings w2 = {NULL, 0, 0};
  if (wchg_dmsg_parse_ex(out, len, options, &again, &d, &w2) != WCHG_OK ||
      w2.count != warned->count)
    abort();
  free(out);
}

/* The relation of the two policies over one input: strict |st|/|sd|,
 * receive |rt|/|rd| with its warnings |w|. */
static bool same(const wchg_diag *a, const wchg_diag *b, bool text) {
  return a->result_code == b->result_code && a->offset == b->offset &&
         (!text || (!strcmp(a->path, b->path) && !strcmp(a->message, b->message)));
}

static void relate(wchg_status st, const wchg_diag *sd, wchg_status rt, const wchg_diag *rd,
                   const wchg_warnings *w) {
  if (!w->count) { /* nothing deviated: one answer */
    if (st != rt || (st != WCHG_OK && !same(sd, rd, true)))
      abort();
    return;
  }
  if (st == WCHG_OK)
    abort(); /* a deviation strict let pass */
  const wchg_diag *first = &w->items[0];
  if (w->cap && !same(first, sd, !(first->offset == 4 && first->result_code == 3008)))
    abort(); /* strict stops at the first deviation */
}

static bool same_diag(const wchg_diag *a, const wchg_diag *b) {
  return a->code == b->code && a->result_code == b->result_code && a->offset == b->offset &&
         !strcmp(a->path, b->path) && !strcmp(a->message, b->message);
}

/* The full pass alone (WCHGI_DPARSE_FULL) answers as the parse did: |st|,
 * |d|, |m| and the warnings |w| (room |w|->cap in its own items). */
static void full_pass_agrees(const uint8_t *data, size_t size, unsigned options, wchg_status st,
                             const wchg_diag *d, const wchg_dmsg *m, const wchg_warnings *w) {
  static wchg_diag items[64];
  wchg_warnings fw = {items, w->cap, 0};
  wchg_dmsg fm;
  wchg_diag fd;
  if (wchg_dmsg_parse_ex(data, size, options | WCHGI_DPARSE_FULL, &fm, &fd, &fw) != st ||
      !same_diag(&fd, d) || memcmp(&fm, m, sizeof fm) || fw.count != w->count)
    abort();
  for (size_t i = 0; i < w->count && i < w->cap; i++)
    if (!same_diag(&items[i], &w->items[i]))
      abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bool ok[2][2];
  static wchg_diag items[64];
  for (int pass = 0; pass < 4; pass++) {
    bool abnf = pass < 2;
    unsigned options = (abnf ? 0 : WCHG_DPARSE_NO_ABNF) | (pass & 1 ? WCHG_DPARSE_RECEIVE : 0);
    wchg_dmsg m;
    wchg_diag d;
    static wchg_diag strict_diag;
    static wchg_status strict_st;
    wchg_warnings w = {items, (size_t)(size % 65), 0}; /* room for 0..64 */
    memset(items, 0xA5, sizeof items);
    wchg_status st = wchg_dmsg_parse_ex(data, size, options, &m, &d, &w);
    full_pass_agrees(data, size, options, st, &d, &m, &w);
    receive = pass & 1;
    warned = &w;
    ok[!abnf][receive] = st == WCHG_OK;
    if (!receive && w.count)
      abort(); /* strict adds no warning */
    for (size_t i = w.cap; i < sizeof items / sizeof items[0]; i++)
      if (((const uint8_t *)&items[i])[0] != 0xA5)
        abort(); /* an item past the room was written */
    check_warnings(&w, size);
    if (!receive) {
      strict_st = st;
      strict_diag = d;
    } else {
      relate(strict_st, &strict_diag, st, &d, &w);
    }
    if (!ok[!abnf][receive]) {
      check_failure(st, &d, size);
      if (m.data)
        abort();
      continue;
    }
    if (d.code != WCHG_OK || size < 20 || size % 4 || m.data != data || m.length != size ||
        m.version != 1 || m.flags != data[4] || m.code != (be32(data + 4) & 0xFFFFFF) ||
        m.app_id != be32(data + 8) || m.hop_by_hop != be32(data + 12) ||
        m.end_to_end != be32(data + 16) ||
        m.command != wchg_dict_find_command(m.code, m.app_id, m.flags & WCHG_CMD_FLAG_R))
      abort();
    if ((m.flags & 0x0F) && (!receive || !w.count))
      abort(); /* reserved command flags: a warning in receive only */
    base = data;
    total = size;
    unwritable = m.flags & 0x0F;
    norm = malloc(size);
    if (!norm)
      return 0;
    memcpy(norm, data, size);
    walk(&m, NULL, 20, size, 0, false);
    if (!unwritable)
      rewrite(&m, options);
    free(norm);
    norm = NULL;
  }
  for (int r = 0; r < 2; r++)
    if (ok[0][r] && !ok[1][r])
      abort(); /* every rule passed, the structural subset failed */
  return 0;
}
