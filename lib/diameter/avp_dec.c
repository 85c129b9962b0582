/*
 * avp_dec.c: the Diameter reader (RFC 6733 §3, §4): one strict pass over a
 * message that checks every length, flag, type and occurrence rule the
 * dictionary gives, then zero-copy iteration. No allocation. See
 * diameter.h. Result-Codes: RFC 6733 §7.1.
 *
 * The pass comes in two forms with the same rules. fast_avps only says
 * yes or no: it keeps one bit per rule, finds each AVP's rule by its
 * level's perfect hash, in a slot that holds the AVP's flag rule and
 * most value checks (wchgi_rule_slot), its group's required rules in
 * data derived once from the dictionary (wchgi_dict_meta, dict.c), loads
 * each header as one 64-bit word and checks text for ASCII a vector at
 * a time. When it says no, check_avps runs the message again to find
 * the first error with its Result-Code, AVP path and offset; paths are
 * only built then.
 *
 * Receive policy (WCHG_DPARSE_RECEIVE): the same two passes; check_avps
 * then goes past the deviations a peer's message may carry and still be
 * read (flag bits against the rule, values outside our lists, ABNF
 * counts and places: the table "What the reader accepts from peers" of
 * the README), each one a warning with what strict would have answered,
 * and stops only where strict and RFC 6733 both must (lengths, padding,
 * type sizes, unknown AVPs with M, missing AVPs, nesting).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/diameter.h>
#include <webrtc_chg/result_code.h>

#include "diameter/dict_table.h"
#include "base/internal.h"


/* Rules of one group or command: at most this many children. */
#define MAX_RULES 96

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define DEC_SSE2 1
#endif

struct pctx {
  const uint8_t *msg;
  wchg_diag *diag;
  wchg_warnings *warn;                        /* receive: where warnings go */
  bool receive;                               /* WCHG_DPARSE_RECEIVE */
  unsigned options;
  int depth;                                  /* groups open above the AVPs checked */
  const wchg_dict_avp *base;                  /* the table, and ... */
  const struct wchgi_dict_meta *meta;          /* ... its derived data, same index */
  const char *names[WCHG_DIAM_MAX_DEPTH + 2]; /* the open groups, for errors */
  char unknown[24];                           /* the name of an unknown AVP */
};

/* ---- big-endian loads -------------------------------------------------- */

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
WCHG_INLINE uint32_t be32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return __builtin_bswap32(v);
}
WCHG_INLINE uint64_t be64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
WCHG_INLINE uint32_t be32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}
WCHG_INLINE uint64_t be64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}
#else
WCHG_INLINE uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
WCHG_INLINE uint64_t be64(const uint8_t *p) { return (uint64_t)be32(p) << 32 | be32(p + 4); }
#endif
WCHG_INLINE uint32_t be24(const uint8_t *p) {
  return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* ---- errors: cold, and the only place paths are built ------------------ */

/* The path of a problem: the open groups names[0..depth), then |cur|
 * (the AVP being checked) and |leaf|, each when not NULL. */
static void where(const struct pctx *c, struct wpath *p, const char *cur, const char *leaf) {
  wpath_init(p, NULL);
  for (int i = 0; i < c->depth; i++)
    wpath_push(p, c->names[i]);
  if (cur)
    wpath_push(p, cur);
  if (leaf)
    wpath_push(p, leaf);
}

/* The name of the AVP (code, vendor) with entry |d| (NULL if unknown). */
static const char *avp_name(struct pctx *c, const wchg_dict_avp *d, uint32_t code,
                            uint32_t vendor) {
  if (d)
    return d->name;
  snprintf(c->unknown, sizeof c->unknown, "AVP(%u,%u)", (unsigned)code, (unsigned)vendor);
  return c->unknown;
}

/* A problem with |result| at |at|, the path as where() builds it. Fatal
 * ones fail in both policies; a |deviation| fails in strict and in
 * receive becomes a warning with the same Result-Code, path, offset and
 * sentence, and WCHG_OK, so that the pass goes on. */
static wchg_status vreport(struct pctx *c, bool deviation, uint32_t result, const uint8_t *at,
                           const char *cur, const char *leaf, const char *fmt, va_list ap)
    WCHG_PRINTF(7, 0);
static wchg_status vreport(struct pctx *c, bool deviation, uint32_t result, const uint8_t *at,
                           const char *cur, const char *leaf, const char *fmt, va_list ap) {
  bool warn = deviation && c->receive;
  struct wpath p;
  char msg[192];
  if (warn ? !c->warn : !c->diag || c->diag->code != WCHG_OK)
    return warn ? WCHG_OK : WCHG_E_DIAMETER;
  where(c, &p, cur, leaf);
  vsnprintf(msg, sizeof msg, fmt, ap);
  if (warn) {
    wchgi_warn(c->warn, WCHG_E_DIAMETER, result, (size_t)(at - c->msg), p.buf, "%s", msg);
    return WCHG_OK;
  }
  wchgi_diag_set(c->diag, WCHG_E_DIAMETER, result, (size_t)(at - c->msg), &p, "%s", msg);
  return WCHG_E_DIAMETER;
}

/* A problem outside any one AVP: path = the open groups, then |leaf|. */
static wchg_status report(struct pctx *c, bool deviation, uint32_t result, const uint8_t *at,
                          const char *leaf, const char *fmt, ...) WCHG_PRINTF(6, 7) WCHG_COLD;
static wchg_status report(struct pctx *c, bool deviation, uint32_t result, const uint8_t *at,
                          const char *leaf, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  wchg_status rc = vreport(c, deviation, result, at, NULL, leaf, fmt, ap);
  va_end(ap);
  return rc;
}

/* A problem of the AVP (code, vendor) with entry |d| (NULL if unknown):
 * its name ends the path. */
static wchg_status report_avp(struct pctx *c, bool deviation, uint32_t result, const uint8_t *at,
                              const wchg_dict_avp *d, uint32_t code, uint32_t vendor,
                              const char *fmt, ...) WCHG_PRINTF(8, 9) WCHG_COLD;
static wchg_status report_avp(struct pctx *c, bool deviation, uint32_t result, const uint8_t *at,
                              const wchg_dict_avp *d, uint32_t code, uint32_t vendor,
                              const char *fmt, ...) {
  const char *name = avp_name(c, d, code, vendor);
  va_list ap;
  va_start(ap, fmt);
  wchg_status rc = vreport(c, deviation, result, at, name, NULL, fmt, ap);
  va_end(ap);
  return rc;
}

/* fail: refused in both policies; deviate: refused by strict, a warning
 * in receive (README, "What the reader accepts from peers"). */
#define fail(c, ...) report(c, false, __VA_ARGS__)
#define deviate(c, ...) report(c, true, __VA_ARGS__)
#define fail_avp(c, ...) report_avp(c, false, __VA_ARGS__)
#define deviate_avp(c, ...) report_avp(c, true, __VA_ARGS__)

/* ---- values ------------------------------------------------------------ */

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

/* All |n| octets at |s| ASCII? Word at a time; the last word overlaps. */
WCHG_INLINE bool all_ascii(const uint8_t *s, size_t n) {
  const uint64_t hi = 0x8080808080808080u;
  uint64_t a, b;
#if defined(DEC_SSE2)
  if (n >= 16) {
    __m128i acc = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
    for (size_t i = 0; n - i > 16; i += 16)
      acc = _mm_or_si128(acc, _mm_loadu_si128((const __m128i *)(const void *)(s + i)));
    return !_mm_movemask_epi8(acc);
  }
#endif
  if (n >= 8) {
    size_t i = 0;
    uint64_t acc = 0;
    for (; n - i > 8; i += 8) {
      memcpy(&a, s + i, 8);
      acc |= a;
    }
    memcpy(&b, s + n - 8, 8);
    return !((acc | b) & hi);
  }
  if (n >= 4) {
    uint32_t x, y;
    memcpy(&x, s, 4);
    memcpy(&y, s + n - 4, 4);
    return !((x | y) & 0x80808080u);
  }
  unsigned acc = 0;
  for (size_t i = 0; i < n; i++)
    acc |= s[i];
  return !(acc & 0x80);
}

/* ---- one AVP: what both passes read ------------------------------------ */

struct hdr {
  uint32_t code, vendor, alen; /* alen: the AVP Length, without padding */
  uint8_t flags;
  size_t hl;                   /* header length, 8 or 12 */
  size_t padded;               /* alen padded to 4: set by pad4() */
};

/* The header of the AVP at |p| (|left| >= 8 octets to the end), as one
 * 64-bit load: false when V is set and its 12 octets are not there (the
 * Vendor-Id is 0 then, and the length check fails). */
WCHG_INLINE bool read_hdr(const uint8_t *p, size_t left, struct hdr *a) {
  uint64_t h = be64(p);
  a->code = (uint32_t)(h >> 32);
  a->vendor = 0;
  a->alen = (uint32_t)h & 0xFFFFFF;
  a->flags = (uint8_t)(h >> 24);
  a->hl = 8;
  if (a->flags & WCHG_AVP_FLAG_V) {
    a->hl = 12;
    if (WCHG_UNLIKELY(left < 12))
      return false;
    a->vendor = be32(p + 8);
  }
  return true;
}

/* The padded length, taken after the rule search (fewer registers live
 * across it on the fast path). */
WCHG_INLINE void pad4(struct hdr *a) { a->padded = ((size_t)a->alen + 3) & ~(size_t)3; }

/* RFC 6733 §4.1: the padding octets are zero; they end the last word. */
WCHG_INLINE bool pad_zero(const uint8_t *p, const struct hdr *a) {
  if (!(a->alen & 3))
    return true;
  unsigned npad = (unsigned)(a->padded - a->alen);
  return !(be32(p + a->padded - 4) & ((1u << (8 * npad)) - 1));
}

/* Address data (RFC 6733 §4.3.1) we read: IPv4 in 6 octets or IPv6 in 18. */
WCHG_INLINE bool address_ok(const uint8_t *data, size_t len) {
  unsigned fam = len >= 2 ? (unsigned)(data[0] << 8 | data[1]) : 0;
  return (fam == 1 && len == 6) || (fam == 2 && len == 18);
}

static wchg_status check_avps(struct pctx *c, const uint8_t *p, const uint8_t *end,
                              const wchg_dict_rule *rules, size_t nrules,
                              const struct wchgi_dict_meta *rm, bool extensible,
                              const uint8_t *parent);

/* Failed-AVP (RFC 6733 §7.5) carries the AVPs a peer found wrong, as they
 * were: its children are checked as whole AVPs (header, length inside the
 * group, zero padding) and nothing more — their flags and values are the
 * very errors being reported. The first bad child, or NULL. */
#define AVP_FAILED_AVP 279u
static const uint8_t *opaque_avps(const uint8_t *p, const uint8_t *end) {
  while (p < end) {
    size_t left = (size_t)(end - p);
    if (left < 8)
      return p;
    uint32_t alen = be32(p + 4) & 0xFFFFFF;
    size_t hl = p[4] & WCHG_AVP_FLAG_V ? 12 : 8, padded = ((size_t)alen + 3) & ~(size_t)3;
    if (alen < hl || padded > left)
      return p;
    for (size_t k = alen; k < padded; k++)
      if (p[k])
        return p;
    p += padded;
  }
  return NULL;
}

/* An Address that is not IPv4 in 6 octets or IPv6 in 18: without its two
 * family octets, or family 1 or 2 with another size, it cannot be read
 * (an error in both policies); another family (RFC 6733 §4.3.1 allows
 * every IANA address family) is a deviation. */
static wchg_status bad_address(struct pctx *c, const wchg_dict_avp *d, const uint8_t *hdr,
                               const uint8_t *data, size_t len) WCHG_COLD;
static wchg_status bad_address(struct pctx *c, const wchg_dict_avp *d, const uint8_t *hdr,
                               const uint8_t *data, size_t len) {
  unsigned fam = len >= 2 ? (unsigned)(data[0] << 8 | data[1]) : 0;
  if (len < 2)
    return fail_avp(c, WCHG_RC_INVALID_AVP_VALUE, hdr, d, 0, 0,
                    "address family %u is not 1 (IPv4) or 2 (IPv6)", fam);
  if (fam != 1 && fam != 2)
    return deviate_avp(c, WCHG_RC_INVALID_AVP_VALUE, hdr, d, 0, 0,
                       "address family %u is not 1 (IPv4) or 2 (IPv6)", fam);
  return fail_avp(c, WCHG_RC_INVALID_AVP_LENGTH, hdr, d, 0, 0,
                  "an IPv%c Address has %u octets, not %zu", fam == 1 ? '4' : '6',
                  fam == 1 ? 6u : 18u, len);
}

/* The data of one AVP against its dictionary entry. */
WCHG_INLINE wchg_status check_value(struct pctx *c, const wchg_dict_avp *d, const uint8_t *hdr,
                               const uint8_t *data, size_t len) {
  size_t want = fixed_size(d->type), bad;
  if (WCHG_UNLIKELY(want && len != want))
    return fail_avp(c, WCHG_RC_INVALID_AVP_LENGTH, hdr, d, 0, 0,
                    "%s data must be %zu octets, not %zu", d->name, want, len);
  switch (d->type) {
  case WCHG_AVP_ADDRESS:
    return WCHG_UNLIKELY(!address_ok(data, len)) ? bad_address(c, d, hdr, data, len) : WCHG_OK;
  case WCHG_AVP_UTF8STRING:
    if (WCHG_LIKELY(all_ascii(data, len)))
      return WCHG_OK;
    if (!wchgi_utf8_valid((const char *)data, len, &bad))
      return deviate_avp(c, WCHG_RC_INVALID_AVP_VALUE, data + bad, d, 0, 0,
                         "the text is not valid UTF-8 (octet %zu)", bad);
    return WCHG_OK;
  case WCHG_AVP_UNSIGNED32:
    if (WCHG_UNLIKELY(is_fraction(d)) && be32(data) > FRACTION_MAX)
      return deviate_avp(c, WCHG_RC_INVALID_AVP_VALUE, hdr, d, 0, 0,
                         "%u is over %u: %s holds milliseconds (0..%u)", (unsigned)be32(data),
                         FRACTION_MAX, d->name, FRACTION_MAX);
    return WCHG_OK;
  case WCHG_AVP_ENUMERATED: {
    int32_t v = (int32_t)be32(data);
    const struct wchgi_dict_meta *em = wchg_dict_meta_of(c->meta, c->base, d);
    if (WCHG_LIKELY(em->dense))
      return WCHG_LIKELY(v >= em->lo && v <= em->hi)
                 ? WCHG_OK
                 : deviate_avp(c, WCHG_RC_INVALID_AVP_VALUE, hdr, d, 0, 0,
                               "%d is not a value of %s", (int)v, d->name);
    if (d->n_enums && !wchg_dict_enum_name(d, v))
      return deviate_avp(c, WCHG_RC_INVALID_AVP_VALUE, hdr, d, 0, 0, "%d is not a value of %s",
                         (int)v, d->name);
    return WCHG_OK;
  }
  case WCHG_AVP_GROUPED: {
    /* the group counts as a level: its children are one level down */
    if (WCHG_UNLIKELY(c->depth + 1 >= WCHG_DIAM_MAX_DEPTH))
      return fail_avp(c, WCHG_RC_UNABLE_TO_COMPLY, hdr, d, 0, 0,
                      "Grouped AVPs nested deeper than %d", WCHG_DIAM_MAX_DEPTH);
    if (WCHG_UNLIKELY(d->code == AVP_FAILED_AVP && !d->vendor)) {
      const uint8_t *bad = opaque_avps(data, data + len);
      return bad ? fail_avp(c, WCHG_RC_INVALID_AVP_LENGTH, bad, d, 0, 0,
                            "Failed-AVP holds something that is not a whole AVP")
                 : WCHG_OK;
    }
    c->names[c->depth++] = d->name;
    wchg_status rc = check_avps(c, data, data + len, d->children, d->n_children,
                                wchg_dict_meta_of(c->meta, c->base, d), d->extensible || !d->n_children, hdr);
    c->depth--;
    return rc;
  }
  default:
    return WCHG_OK;
  }
}

/* Index of the rule for (code, vendor), searching from *cursor (children
 * usually come in ABNF order) to the end, then from the start, or -1.
 * Code and vendor are compared as one 64-bit key. */
_Static_assert(offsetof(wchg_dict_rule, code) == 0 && offsetof(wchg_dict_rule, vendor) == 4,
               "code and vendor lead a rule");
WCHG_INLINE uint64_t rule_key(const wchg_dict_rule *r) {
  uint64_t k;
  memcpy(&k, (const unsigned char *)r, 8);
  return k;
}
WCHG_INLINE int find_rule(const wchg_dict_rule *rules, size_t n, uint32_t code, uint32_t vendor,
                     size_t *cursor) {
  uint32_t kv[2] = {code, vendor};
  uint64_t key;
  memcpy(&key, kv, 8);
  size_t start = *cursor, i = start;
  for (; i + 1 < n; i += 2) {
    if (rule_key(&rules[i]) == key)
      goto found;
    if (rule_key(&rules[i + 1]) == key) {
      i++;
      goto found;
    }
  }
  if (i < n && rule_key(&rules[i]) == key)
    goto found;
  for (i = 0; i < start; i++)
    if (rule_key(&rules[i]) == key)
      goto found;
  return -1;
found:
  *cursor = i;
  return (int)i;
}

/* How often each rule of a level was met: counts[i] is valid only once
 * bit i of seen is set. */
struct tally {
  uint16_t counts[MAX_RULES];
  uint64_t seen[2];
};

/* First rule of |rules| below its minimum, by the full count. */
static wchg_status missing(struct pctx *c, const wchg_dict_rule *rules, size_t nrules,
                           const struct tally *t, const uint8_t *parent) WCHG_COLD;
static wchg_status missing(struct pctx *c, const wchg_dict_rule *rules, size_t nrules,
                           const struct tally *t, const uint8_t *parent) {
  for (size_t i = 0; i < nrules; i++) {
    unsigned n = t->seen[i >> 6] >> (i & 63) & 1 ? t->counts[i] : 0;
    if (n < rules[i].min) {
      const wchg_dict_avp *m = wchg_dict_find(rules[i].code, rules[i].vendor);
      return fail(c, WCHG_RC_MISSING_AVP, parent, m ? m->name : "?", "%s is missing",
                  m ? m->name : "a mandatory AVP");
    }
  }
  return WCHG_OK;
}

/* The P bit or a reserved flag bit set (RFC 6733 §4.1: the sender
 * clears them; RFC 3588-era peers set P): a deviation. */
static wchg_status bad_bits(struct pctx *c, const uint8_t *p, const wchg_dict_avp *d,
                            uint32_t code, uint32_t vendor, uint8_t flags) WCHG_COLD;
static wchg_status bad_bits(struct pctx *c, const uint8_t *p, const wchg_dict_avp *d,
                            uint32_t code, uint32_t vendor, uint8_t flags) {
  if (!(flags & 0x1F))
    return deviate_avp(c, WCHG_RC_INVALID_AVP_BITS, p, d, code, vendor,
                       "P bit set; the rule of %s is P must not (RFC 6733 4.1)",
                       avp_name(c, d, code, vendor));
  return deviate_avp(c, WCHG_RC_INVALID_AVP_BITS, p, d, code, vendor,
                     "reserved flag bits set (0x%02x); RFC 6733 4.1: they must be clear",
                     flags & (WCHG_AVP_FLAG_P | 0x1F));
}

/* The header of the AVP at |p| (|left| octets to the end) with entry
 * |d|: flag bits, length, Vendor-Id, padding within the enclosing AVP. */
static wchg_status check_header(struct pctx *c, const uint8_t *p, size_t left,
                                const struct hdr *a, const wchg_dict_avp *d) {
  wchg_status rc;
  if (WCHG_UNLIKELY(a->flags & (WCHG_AVP_FLAG_P | 0x1F)) &&
      (rc = bad_bits(c, p, d, a->code, a->vendor, a->flags)))
    return rc;
  if (WCHG_UNLIKELY(a->alen < a->hl || a->alen > left))
    return fail_avp(c, WCHG_RC_INVALID_AVP_LENGTH, p, d, a->code, a->vendor,
                    "AVP length %u is outside %zu..%zu", (unsigned)a->alen, a->hl, left);
  if (WCHG_UNLIKELY(a->hl == 12 && a->vendor == 0) &&
      (rc = deviate_avp(c, WCHG_RC_INVALID_AVP_BITS, p, d, a->code, a->vendor,
                        "V bit set with Vendor-Id 0%s%s%s", d ? "; the rule of " : "",
                        d ? d->name : "", d ? " is V must not" : "")))
    return rc;
  if (WCHG_UNLIKELY(a->padded > left))
    return fail_avp(c, WCHG_RC_INVALID_AVP_LENGTH, p, d, a->code, a->vendor,
                    "the padding runs past the enclosing AVP or message");
  return WCHG_OK;
}

/* The first padding octet that is not zero (RFC 6733 §4.1). */
static wchg_status bad_padding(struct pctx *c, const uint8_t *p, const struct hdr *a,
                               const wchg_dict_avp *d) WCHG_COLD;
static wchg_status bad_padding(struct pctx *c, const uint8_t *p, const struct hdr *a,
                               const wchg_dict_avp *d) {
  for (size_t k = a->alen; k < a->padded; k++)
    if (p[k])
      return fail_avp(c, WCHG_RC_INVALID_AVP_VALUE, p + k, d, a->code, a->vendor,
                      "padding octet %zu is not zero", k - a->alen + 1);
  return WCHG_OK;
}

/* The M bit against the rule of |d| (NULL: unknown, then only without
 * M), the value, the padding. */
static wchg_status check_data(struct pctx *c, const uint8_t *p, const struct hdr *a,
                              const wchg_dict_avp *d) {
  bool m = a->flags & WCHG_AVP_FLAG_M;
  wchg_status rc;
  if (WCHG_UNLIKELY(!d)) {
    if (m) /* RFC 6733 §4.1: refused in both policies */
      return fail_avp(c, WCHG_RC_AVP_UNSUPPORTED, p, d, a->code, a->vendor,
                      "an unknown AVP with the M bit set");
  } else {
    if (WCHG_UNLIKELY((m && d->m_rule == WCHG_RULE_MUSTNOT) || (!m && d->m_rule == WCHG_RULE_MUST)) &&
        (rc = deviate_avp(c, WCHG_RC_INVALID_AVP_BITS, p, d, a->code, a->vendor,
                          "M bit %s; the rule of %s is M must%s", m ? "set" : "clear", d->name,
                          m ? " not" : "")))
      return rc;
    if (WCHG_UNLIKELY((rc = check_value(c, d, p, p + a->hl, a->alen - a->hl))))
      return rc;
  }
  return WCHG_UNLIKELY(!pad_zero(p, a)) ? bad_padding(c, p, a, d) : WCHG_OK;
}

/* The AVP |d| at |p| counted against its rule |ri| (-1: the rules do not
 * name it, allowed only in an |extensible| level). */
static wchg_status check_count(struct pctx *c, const uint8_t *p, const wchg_dict_avp *d,
                               const wchg_dict_rule *rules, int ri, bool extensible,
                               struct tally *t) {
  if (ri < 0)
    return WCHG_UNLIKELY(!extensible)
               ? deviate(c, WCHG_RC_AVP_NOT_ALLOWED, p, d->name, "%s is not allowed here", d->name)
               : WCHG_OK;
  uint64_t bit = (uint64_t)1 << (ri & 63);
  if (WCHG_LIKELY(!(t->seen[ri >> 6] & bit))) {
    t->seen[ri >> 6] |= bit;
    t->counts[ri] = 1;
    return WCHG_OK;
  }
  if (t->counts[ri] < 0xFFFF)
    t->counts[ri]++;
  if (rules[ri].max && t->counts[ri] > rules[ri].max)
    return deviate(c, WCHG_RC_AVP_OCCURS_TOO_MANY_TIMES, p, d->name,
                   "%s occurs more than %u time(s)", d->name, rules[ri].max);
  return WCHG_OK;
}

/* AVP number |pos| + 1 of a level whose rule |pos| is a fixed position
 * (RFC 6733 §3.2, "< AVP >"): that AVP or a deviation. */
static wchg_status check_place(struct pctx *c, const uint8_t *p, const wchg_dict_rule *rules,
                               size_t pos, const struct hdr *a) {
  if (rules[pos].code == a->code && rules[pos].vendor == a->vendor)
    return WCHG_OK;
  const wchg_dict_avp *f = wchg_dict_find(rules[pos].code, rules[pos].vendor);
  return deviate(c, WCHG_RC_MISSING_AVP, p, f ? f->name : "?", "%s must be AVP number %zu here",
                 f ? f->name : "a fixed-position AVP", pos + 1);
}

static wchg_status check_avps(struct pctx *c, const uint8_t *p, const uint8_t *end,
                              const wchg_dict_rule *rules, size_t nrules,
                              const struct wchgi_dict_meta *rm, bool extensible,
                              const uint8_t *parent) {
  struct tally t = {.seen = {0, 0}};
  size_t cursor = 0, pos = 0;
  bool abnf = !(c->options & WCHG_DPARSE_NO_ABNF) && rules && nrules <= MAX_RULES;
  size_t nfixed = abnf ? rm->nfixed : 0;
  wchg_status rc;

  for (; p < end; pos++) {
    size_t left = (size_t)(end - p);
    struct hdr a;
    if (WCHG_UNLIKELY(left < 8))
      return fail(c, WCHG_RC_INVALID_AVP_LENGTH, p, NULL, "%zu octets left: too few for an AVP header",
                  left);
    read_hdr(p, left, &a); /* V without its 12 octets: the length check fails */
    /* the parent's rules name the child's entry: no table search */
    int ri = rules ? find_rule(rules, nrules, a.code, a.vendor, &cursor) : -1;
    const wchg_dict_avp *d = ri >= 0 ? rules[ri].avp : wchg_dict_find(a.code, a.vendor);
    pad4(&a);
    if ((rc = check_header(c, p, left, &a, d)) || (rc = check_data(c, p, &a, d)))
      return rc;
    if (abnf && d && (rc = check_count(c, p, d, rules, ri, extensible, &t)))
      return rc;
    if (WCHG_UNLIKELY(abnf && pos < nfixed) && (rc = check_place(c, p, rules, pos, &a)))
      return rc;
    p += a.padded;
  }
  if (abnf && WCHG_UNLIKELY(((rm->req[0] & ~t.seen[0]) | (rm->req[1] & ~t.seen[1])) || !rm->simple))
    return missing(c, rules, nrules, &t, parent);
  return WCHG_OK;
}

/* ---- the fast path ------------------------------------------------------ */

/* One pass with every rule check_avps applies but nothing for the error:
 * no path, no counts beyond a bit per rule, each AVP's flag rules as one
 * compare against its entry's derived data. True means check_avps would
 * find nothing; false means it may, and the caller runs it to say what
 * (so a false here is never a verdict, only a detour). */
struct fctx {
  const wchg_dict_avp *base;
  const struct wchgi_dict_meta *meta;
  bool abnf;
};

static bool fast_avps(const struct fctx *f, const uint8_t *p, const uint8_t *end,
                      const wchg_dict_rule *rules, size_t nrules,
                      const struct wchgi_dict_meta *rm, bool extensible, int depth);

/* The children of the group |d| (derived data |dm|) in data[0..len). */
static bool fast_group(const struct fctx *f, const wchg_dict_avp *d,
                       const struct wchgi_dict_meta *dm, const uint8_t *data, size_t len,
                       int depth) {
  if (WCHG_UNLIKELY(d->code == AVP_FAILED_AVP && !d->vendor))
    return !opaque_avps(data, data + len);
  return WCHG_LIKELY(depth + 1 < WCHG_DIAM_MAX_DEPTH) &&
         fast_avps(f, data, data + len, d->children, d->n_children, dm,
                   d->extensible || !d->n_children, depth + 1);
}

/* The |len| octets of data of |d| (derived data |dm|): what check_value
 * checks, yes or no. */
WCHG_INLINE bool fast_value(const struct fctx *f, const wchg_dict_avp *d,
                            const struct wchgi_dict_meta *dm, const uint8_t *data, size_t len,
                            int depth) {
  size_t bad;
  switch (dm->kind) {
  case WCHG_DK_FIXED4:
    return WCHG_LIKELY(len == 4) && !(WCHG_UNLIKELY(is_fraction(d)) && be32(data) > FRACTION_MAX);
  case WCHG_DK_FIXED8:
    return WCHG_LIKELY(len == 8);
  case WCHG_DK_ENUM_DENSE:
    return WCHG_LIKELY(len == 4) && WCHG_LIKELY((int32_t)be32(data) >= dm->lo) &&
           WCHG_LIKELY((int32_t)be32(data) <= dm->hi);
  case WCHG_DK_ENUM:
    return len == 4 && wchg_dict_enum_name(d, (int32_t)be32(data));
  case WCHG_DK_ADDRESS:
    return WCHG_LIKELY(address_ok(data, len));
  case WCHG_DK_UTF8:
    return all_ascii(data, len) || wchgi_utf8_valid((const char *)data, len, &bad);
  case WCHG_DK_GROUP:
    return fast_group(f, d, dm, data, len, depth);
  default:
    return true;
  }
}

/* The flags and the data of the AVP at |p| with entry |d| (NULL:
 * unknown, then no M, P, reserved bits, nor V with Vendor-Id 0). */
WCHG_INLINE bool fast_avp(const struct fctx *f, const uint8_t *p, const struct hdr *a,
                          const wchg_dict_avp *d, int depth) {
  if (WCHG_UNLIKELY(d == NULL))
    return !(a->flags & (WCHG_AVP_FLAG_M | WCHG_AVP_FLAG_P | 0x1F)) &&
           !(a->hl == 12 && a->vendor == 0);
  const struct wchgi_dict_meta *dm = wchg_dict_meta_of(f->meta, f->base, d);
  /* reserved bits, P, M by the rule, V by the vendor (a V with
   * Vendor-Id 0 finds an IETF entry, whose V must be clear) */
  return WCHG_LIKELY((a->flags & dm->fmask) == dm->fval) &&
         fast_value(f, d, dm, p + a->hl, a->alen - a->hl, depth);
}

/* The rules of a level met so far, a bit per rule, and those met again:
 * a rule with max 1 among them fails the level (RFC 6733 §3.2). */
struct fseen {
  uint64_t w0, w1, again0, again1;
};

/* Rule |ri| met. */
WCHG_INLINE void fast_count(struct fseen *s, unsigned ri) {
  uint64_t bit = (uint64_t)1 << (ri & 63);
  if (WCHG_LIKELY(ri < 64)) {
    s->again0 |= s->w0 & bit;
    s->w0 |= bit;
  } else {
    s->again1 |= s->w1 & bit;
    s->w1 |= bit;
  }
}

/* The header of the AVP at |p| (8 octets or more before |end|), its
 * lengths inside the enclosing AVP or message: what check_header and
 * check_data refuse in both policies. */
WCHG_INLINE bool fast_hdr(const uint8_t *p, const uint8_t *end, struct hdr *a) {
  size_t left = (size_t)(end - p);
  if (WCHG_UNLIKELY(!read_hdr(p, left, a)))
    return false;
  pad4(a);
  return WCHG_LIKELY(a->alen >= a->hl && a->padded <= left);
}

/* The first |nfixed| AVPs from |p| are rules 0..nfixed-1, in order (RFC
 * 6733 §3.2, "< AVP >"); only their headers are read. */
static bool fast_fixed(const uint8_t *p, const uint8_t *end, const wchg_dict_rule *rules,
                       size_t nfixed) {
  for (size_t k = 0; k < nfixed; k++) {
    struct hdr a;
    if (end - p < 8 || !fast_hdr(p, end, &a) || a.code != rules[k].code ||
        a.vendor != rules[k].vendor)
      return false;
    p += a.padded;
  }
  return true;
}

/* The flags and the data of the AVP at |p| whose rule has the slot |sl|:
 * what fast_avp checks of it, most values by the slot alone. */
WCHG_INLINE bool fast_slot(const struct fctx *f, const uint8_t *p, const struct hdr *a,
                           const struct wchgi_rule_slot *sl, int depth) {
  const uint8_t *data = p + a->hl;
  size_t len = a->alen - a->hl, bad;
  if (WCHG_UNLIKELY((a->flags & sl->fmask) != sl->fval))
    return false;
  const wchg_dict_avp *d = &wchgi_dict_table[sl->entry];
  switch (sl->kind) {
  case WCHG_RK_SIZE:
    return (len == sl->size) | !sl->size;
  case WCHG_RK_UTF8:
    return all_ascii(data, len) || wchgi_utf8_valid((const char *)data, len, &bad);
  case WCHG_RK_RANGE:
    return WCHG_LIKELY(len == 4) && WCHG_LIKELY((uint32_t)(be32(data) - (uint32_t)sl->lo) <=
                                                (uint32_t)sl->hi - (uint32_t)sl->lo);
  case WCHG_RK_GROUP:
    return fast_group(f, d, wchg_dict_meta_of(f->meta, f->base, d), data, len, depth);
  default:
    return fast_value(f, d, wchg_dict_meta_of(f->meta, f->base, d), data, len, depth);
  }
}

/* The AVPs from *pp of a level whose rules (facts |rm|) have a perfect
 * hash, as long as the rules name them: false at the first that fails,
 * else true with *pp at the end or at the first AVP no rule names. */
static bool fast_hashed(const struct fctx *f, const uint8_t **pp, const uint8_t *end,
                        const struct wchgi_dict_meta *rm, struct fseen *s, int depth) {
  const struct wchgi_rule_slot *slots = wchgi_dict_rule_slots + rm->hoff;
  const uint8_t *p = *pp;
  while (end - p >= 8) {
    struct hdr a;
    if (!fast_hdr(p, end, &a))
      return false;
    const struct wchgi_rule_slot *sl =
        &slots[wchgi_rule_hash(a.code, a.vendor, rm->hmul, rm->hshift)];
    if (WCHG_UNLIKELY(sl->key != ((uint64_t)a.vendor << 32 | a.code)))
      break;
    if (!fast_slot(f, p, &a, sl, depth) || WCHG_UNLIKELY(!pad_zero(p, &a)))
      return false;
    fast_count(s, sl->ri);
    p += a.padded;
  }
  *pp = p;
  return true;
}

/* The AVPs from *pp of a level with |rules| (may be NULL), each found by
 * a search: false at the first that fails, or that no rule names in a
 * |closed| level; else true with *pp where no whole header is left. */
static bool fast_searched(const struct fctx *f, const uint8_t **pp, const uint8_t *end,
                          const wchg_dict_rule *rules, size_t nrules, bool closed,
                          struct fseen *s, int depth) {
  const uint8_t *p = *pp;
  size_t cursor = 0;
  while (end - p >= 8) {
    struct hdr a;
    if (!fast_hdr(p, end, &a))
      return false;
    int ri = rules ? find_rule(rules, nrules, a.code, a.vendor, &cursor) : -1;
    const wchg_dict_avp *d = ri >= 0 ? rules[ri].avp : wchg_dict_find(a.code, a.vendor);
    if (!fast_avp(f, p, &a, d, depth) || WCHG_UNLIKELY(!pad_zero(p, &a)))
      return false;
    if (ri >= 0)
      fast_count(s, (unsigned)ri);
    else if (WCHG_UNLIKELY(closed) && d)
      return false;
    p += a.padded;
  }
  *pp = p;
  return true;
}

/* One level: its rules are counted whether or not its ABNF is checked
 * (harmless, and a test less per AVP). The hashed pass takes the AVPs as
 * long as the rules name them, the searched one the rest. */
static bool fast_avps(const struct fctx *f, const uint8_t *p, const uint8_t *end,
                      const wchg_dict_rule *rules, size_t nrules,
                      const struct wchgi_dict_meta *rm, bool extensible, int depth) {
  struct fseen s = {0, 0, 0, 0};
  bool abnf = f->abnf && rules && nrules <= MAX_RULES;
  if (abnf && (!rm->flat || (WCHG_UNLIKELY(rm->nfixed) && !fast_fixed(p, end, rules, rm->nfixed))))
    return false;
  if (rules && WCHG_LIKELY(rm->hshift) && !fast_hashed(f, &p, end, rm, &s, depth))
    return false;
  if (p != end &&
      !fast_searched(f, &p, end, rules, nrules, abnf && !extensible, &s, depth))
    return false;
  /* a rule met twice may come once; the required ones all came */
  return p == end &&
         (!abnf || !((s.again0 & rm->once[0]) | (s.again1 & rm->once[1]) |
                     (rm->req[0] & ~s.w0) | (rm->req[1] & ~s.w1)));
}

/* The 20-octet header of a message (RFC 6733 §3): version, length, the
 * command flags. */
WCHG_INLINE wchg_status check_msg_header(struct pctx *c, const uint8_t *buf, size_t len) {
  if (len < 20)
    return fail(c, WCHG_RC_INVALID_MESSAGE_LENGTH, buf, NULL,
                "%zu octets: shorter than the 20-octet header", len);
  if (buf[0] != 1)
    return fail(c, WCHG_RC_UNSUPPORTED_VERSION, buf, NULL, "version %u is not 1", buf[0]);
  uint32_t mlen = be24(buf + 1);
  if (mlen != len || (mlen & 3))
    return fail(c, WCHG_RC_INVALID_MESSAGE_LENGTH, buf + 1, NULL,
                "message length %u: %zu octets given, and it must be a multiple of 4",
                (unsigned)mlen, len);
  uint8_t flags = buf[4];
  if ((flags & 0x0F) || ((flags & WCHG_CMD_FLAG_E) && (flags & WCHG_CMD_FLAG_R))) {
    /* E with R says both "answer" and "request": refused in both
     * policies; the reserved bits alone are ignored by a receiver
     * (RFC 6733 §3) */
    if (!c->receive || (flags & WCHG_CMD_FLAG_E && flags & WCHG_CMD_FLAG_R))
      return fail(c, WCHG_RC_INVALID_HDR_BITS, buf + 4, NULL, "invalid command flags 0x%02x", flags);
    deviate(c, WCHG_RC_INVALID_HDR_BITS, buf + 4, "Command-Flags",
            "reserved command flag bits set (0x%02x); RFC 6733 3: they must be clear",
            flags & 0x0F);
  }
  return WCHG_OK;
}

/* The header of a checked message into |m|, with its command. */
WCHG_INLINE void read_msg_header(wchg_dmsg *m, const uint8_t *buf) {
  m->version = 1;
  m->flags = buf[4];
  m->length = be24(buf + 1);
  m->code = be24(buf + 5);
  m->app_id = be32(buf + 8);
  m->hop_by_hop = be32(buf + 12);
  m->end_to_end = be32(buf + 16);
  m->data = buf;
  m->command = wchg_dict_find_command(m->code, m->app_id, m->flags & WCHG_CMD_FLAG_R);
}

wchg_status wchg_dmsg_parse_ex(const uint8_t *buf, size_t len, unsigned options, wchg_dmsg *m,
                               wchg_diag *diag, wchg_warnings *warn) {
  struct pctx c;
  wchg_status rc;
  c.msg = buf;
  c.diag = diag;
  c.warn = warn;
  c.receive = options & WCHG_DPARSE_RECEIVE;
  c.options = options;
  c.depth = 0;
  wchgi_diag_clear(diag);
  if (!m || (!buf && len)) {
    wchgi_diag_set(diag, WCHG_E_ARG, 0, WCHG_NO_OFFSET, NULL, "%s", "a required argument is NULL or out of range");
    return WCHG_E_ARG;
  }
  memset(m, 0, sizeof *m);
  if ((rc = check_msg_header(&c, buf, len)))
    return rc;
  c.meta = wchgi_dict_meta_table(&c.base);
  read_msg_header(m, buf);
  const wchg_dict_command *cmd = m->command;
  /* error answers (E) carry their own, looser ABNF (RFC 6733 §7.2) */
  bool abnf = cmd && !(m->flags & WCHG_CMD_FLAG_E);
  const wchg_dict_rule *rules = abnf ? cmd->avps : NULL;
  size_t nrules = abnf ? cmd->n_avps : 0;
  const struct wchgi_dict_meta *rm = abnf ? wchgi_dict_command_meta(c.meta, cmd) : NULL;
  struct fctx f = {c.base, c.meta, !(options & WCHG_DPARSE_NO_ABNF)};
  if (WCHG_LIKELY(!(options & WCHGI_DPARSE_FULL)) &&
      WCHG_LIKELY(fast_avps(&f, buf + 20, buf + len, rules, nrules, rm, !abnf || cmd->extensible, 0)))
    return WCHG_OK;
  /* something is wrong: the full pass finds it, with its path (and in
   * receive policy every deviation on the way) */
  rc = check_avps(&c, buf + 20, buf + len, rules, nrules, rm, !abnf || cmd->extensible, buf);
  if (rc)
    memset(m, 0, sizeof *m);
  return rc;
}

wchg_status wchg_dmsg_parse(const uint8_t *buf, size_t len, unsigned options, wchg_dmsg *m,
                            wchg_diag *diag) {
  return wchg_dmsg_parse_ex(buf, len, options, m, diag, NULL);
}

void wchg_avp_iter_msg(wchg_avp_iter *it, const wchg_dmsg *m) {
  it->msg = m->data;
  it->p = m->data + 20;
  it->end = m->data + m->length;
}

void wchg_avp_iter_group(wchg_avp_iter *it, const wchg_dmsg *m, const wchg_avp *g) {
  if (!g) {
    wchg_avp_iter_msg(it, m);
    return;
  }
  it->msg = m->data;
  it->p = g->data;
  it->end = g->data + g->len;
}

bool wchg_avp_next(wchg_avp_iter *it, wchg_avp *a) {
  if (it->end - it->p < 8)
    return false;
  const uint8_t *p = it->p;
  uint32_t alen = be24(p + 5);
  size_t hl = p[4] & WCHG_AVP_FLAG_V ? 12 : 8;
  if (alen < hl || alen > (size_t)(it->end - p)) /* only on unparsed input */
    return false;
  a->code = be32(p);
  a->flags = p[4];
  a->vendor = hl == 12 ? be32(p + 8) : 0;
  a->data = p + hl;
  a->len = alen - hl;
  a->offset = (size_t)(p - it->msg);
  a->dict = wchg_dict_find(a->code, a->vendor);
  size_t padded = ((size_t)alen + 3) & ~(size_t)3;
  it->p = padded <= (size_t)(it->end - p) ? p + padded : it->end;
  return true;
}

bool wchg_avp_find(const wchg_dmsg *m, const wchg_avp *group, uint32_t code, uint32_t vendor,
                   wchg_avp *out) {
  wchg_avp_iter it;
  if (group)
    wchg_avp_iter_group(&it, m, group);
  else
    wchg_avp_iter_msg(&it, m);
  while (wchg_avp_next(&it, out))
    if (out->code == code && out->vendor == vendor)
      return true;
  return false;
}

/* The typed values of an AVP: each reads 4 or 8 octets, big-endian. */
enum num { NUM_U32, NUM_I32, NUM_U64, NUM_I64, NUM_F32, NUM_F64, NUM_TIME };

/* The value of |a| as |kind| into *|v| (a variable of that type), or
 * WCHG_E_ARG when |a| or |v| is NULL or |a| has another size. */
static wchg_status get_num(const wchg_avp *a, enum num kind, void *v) {
  size_t n = kind == NUM_U64 || kind == NUM_I64 || kind == NUM_F64 ? 8 : 4;
  uint64_t x = 0;
  if (!a || !v || a->len != n)
    return WCHG_E_ARG;
  for (size_t i = 0; i < n; i++)
    x = x << 8 | a->data[i];
  uint32_t x32 = (uint32_t)x;
  switch (kind) {
  case NUM_U32: *(uint32_t *)v = x32; break;
  case NUM_I32: *(int32_t *)v = (int32_t)x32; break;
  case NUM_U64: *(uint64_t *)v = x; break;
  case NUM_I64: *(int64_t *)v = (int64_t)x; break;
  case NUM_F32: memcpy(v, &x32, 4); break;
  case NUM_F64: memcpy(v, &x, 8); break;
  case NUM_TIME: *(int64_t *)v = wchg_unix_from_ntp(x32); break;
  }
  return WCHG_OK;
}

wchg_status wchg_avp_u32(const wchg_avp *a, uint32_t *v) { return get_num(a, NUM_U32, v); }
wchg_status wchg_avp_i32(const wchg_avp *a, int32_t *v) { return get_num(a, NUM_I32, v); }
wchg_status wchg_avp_u64(const wchg_avp *a, uint64_t *v) { return get_num(a, NUM_U64, v); }
wchg_status wchg_avp_i64(const wchg_avp *a, int64_t *v) { return get_num(a, NUM_I64, v); }
wchg_status wchg_avp_f32(const wchg_avp *a, float *v) { return get_num(a, NUM_F32, v); }
wchg_status wchg_avp_f64(const wchg_avp *a, double *v) { return get_num(a, NUM_F64, v); }

wchg_status wchg_avp_time(const wchg_avp *a, int64_t *unix_seconds) {
  return get_num(a, NUM_TIME, unix_seconds);
}

wchg_status wchg_avp_address(const wchg_avp *a, int *family, uint8_t addr[16]) {
  if (!a || !family || !addr || a->len < 2)
    return WCHG_E_ARG;
  int fam = a->data[0] << 8 | a->data[1];
  size_t n = fam == 1 ? 4 : fam == 2 ? 16 : 0;
  if (!n || a->len != 2 + n)
    return WCHG_E_ARG;
  *family = fam;
  memcpy(addr, a->data + 2, n);
  return WCHG_OK;
}
