/*
 * avp_enc.c: the Diameter writer (RFC 6733 §3, §4): header and AVPs front
 * to back into the caller's buffer; Grouped AVP and message lengths are
 * patched when closed. No allocation. See diameter.h.
 *
 * Every typed AVP goes through one path: the entry (resolved by the caller
 * for the _d functions, looked up from (code, vendor) for the others) is
 * checked — writer state, an entry of the table, type — with a few
 * compares; then, when the AVP fits, the 8-octet header is one 64-bit
 * store, the vendor one 32-bit store, the padding one 32-bit store of zeros
 * made before the data is copied over it, and text is checked for ASCII
 * while it is copied (the full UTF-8 validator runs only when a non-ASCII
 * octet shows up). When it does not fit the writer only counts.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/diameter.h>

#include "base/internal.h"
#include "base/out.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define ENC_SSE2 1
#endif

/* ---- big-endian stores ----------------------------------------------- */

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
WCHG_INLINE void st32(uint8_t *p, uint32_t v) {
  v = __builtin_bswap32(v);
  memcpy(p, &v, 4);
}
WCHG_INLINE void st64(uint8_t *p, uint64_t v) {
  v = __builtin_bswap64(v);
  memcpy(p, &v, 8);
}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
WCHG_INLINE void st32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
WCHG_INLINE void st64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }
#else
WCHG_INLINE void st32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}
WCHG_INLINE void st64(uint8_t *p, uint64_t v) {
  st32(p, (uint32_t)(v >> 32));
  st32(p + 4, (uint32_t)v);
}
#endif

/* ---- errors ------------------------------------------------------------ */

/* Record the first error; |d| (may be NULL) names the AVP in the diag,
 * else (code, vendor) does. */
static WCHG_COLD wchg_status set_error_d(wchg_dwriter *w, wchg_status code,
                                    const wchg_dict_avp *d, uint32_t avp,
                                    uint32_t vendor, const char *what) {
  /* every caller returns an earlier error before it gets here; the test
   * keeps the first error should one not */
  if (w->error == WCHG_OK) { /* LCOV_EXCL_BR_LINE */
    w->error = code;
    w->gate = 0; /* closes the gate of the _d functions */
    if (w->diag) {
      struct wpath p;
      char name[48];
      if (!d && (avp || vendor))
        d = wchg_dict_find(avp, vendor);
      snprintf(name, sizeof name, "AVP %u/%u", (unsigned)avp, (unsigned)vendor);
      wpath_init(&p, d ? d->name : name);
      wchgi_diag_clear(w->diag);
      wchgi_diag_set(w->diag, code, 0, w->len, &p, "%s", what);
    }
  }
  return w->error;
}

static wchg_status set_error(wchg_dwriter *w, wchg_status code, uint32_t avp,
                             uint32_t vendor, const char *what) {
  return set_error_d(w, code, NULL, avp, vendor, what);
}

/* ---- set-up and the message header ------------------------------------- */

/*
 * The gate. The fast path of every _d call checks the writer's state and
 * the entry with one compare: w->gate is the size in bytes of the
 * dictionary's table while the writer is "writing" — header done, no
 * error, every AVP so far fitted (so len <= cap) — and 0 otherwise, so
 * |d| - table < gate holds only for an entry of the table in that state.
 * When it fails, the slow path sorts out why (an error to set, or only
 * counting because the buffer is short).
 */

void wchg_dw_init(wchg_dwriter *w, uint8_t *buf, size_t cap, wchg_diag *diag) {
  size_t n;
  /* the per-level arrays are set as levels open: no need to clear them */
  w->buf = buf;
  w->cap = buf ? cap : 0;
  w->len = 0;
  w->depth = 0;
  w->error = WCHG_OK;
  w->diag = diag;
  w->dict = wchg_dict_avps(&n);
  w->dict_size = n * sizeof *w->dict;
  w->gate = 0; /* opened by the header */
  wchgi_diag_clear(diag);
}

/* Do |n| more octets fit? (Any len, also past cap.) */
WCHG_INLINE bool fits(const wchg_dwriter *w, size_t n) {
  return wchgi_fits(w->len, w->cap, n);
}

/* Account for |n| octets that did not fit: only counting from now on. */
WCHG_INLINE void count_only(wchg_dwriter *w, size_t n) {
  w->gate = 0;
  w->len += n;
}

/* Write a 24-bit length at |at| if that part of the buffer exists. */
static void patch_len(wchg_dwriter *w, size_t at, size_t len) {
  if (at + 4 <= w->cap) {
    w->buf[at + 1] = (uint8_t)(len >> 16);
    w->buf[at + 2] = (uint8_t)(len >> 8);
    w->buf[at + 3] = (uint8_t)len;
  }
}

wchg_status wchg_dw_header(wchg_dwriter *w, uint8_t flags, uint32_t code,
                           uint32_t app_id, uint32_t hbh, uint32_t e2e) {
  if (w->error)
    return w->error;
  if (w->depth != 0 || (flags & 0x0F) || code > 0xFFFFFF)
    return set_error(w, w->depth ? WCHG_E_STATE : WCHG_E_ARG, 0, 0,
                     w->depth ? "the header must come first"
                              : "reserved command flags or a code over 24 bits");
  const wchg_dict_command *cmd = wchg_dict_find_command(code, app_id, flags & WCHG_CMD_FLAG_R);
  w->open[0] = w->len;
  w->rules[0] = cmd ? cmd->avps : NULL;
  w->nrules[0] = cmd ? (uint16_t)cmd->n_avps : 0;
  w->cursor[0] = 0;
  w->depth = 1;
  if (!fits(w, 20)) {
    count_only(w, 20);
    return WCHG_OK;
  }
  uint8_t *p = w->buf + w->len;
  st32(p, 1u << 24); /* version 1; the length is patched by finish */
  st32(p + 4, (uint32_t)flags << 24 | code);
  st32(p + 8, app_id);
  st32(p + 12, hbh);
  st32(p + 16, e2e);
  w->len += 20;
  w->gate = w->dict_size; /* AVPs may come */
  return WCHG_OK;
}

/* ---- entries ----------------------------------------------------------- */

/* Type sets of the writing functions. */
#define T(t) (1u << (t))
#define T_OCTETS (T(WCHG_AVP_OCTETSTRING) | T(WCHG_AVP_DIAMETERIDENTITY) | T(WCHG_AVP_DIAMETERURI))
#define T_I32 (T(WCHG_AVP_INTEGER32) | T(WCHG_AVP_ENUMERATED))

/* Is |d| an entry of the dictionary's table (NULL is not)? */
WCHG_INLINE bool in_table(const wchg_dwriter *w, const wchg_dict_avp *d) {
  return (uintptr_t)d - (uintptr_t)w->dict < w->dict_size;
}

/* The fast paths' condition on the writer and the entry: the gate open
 * and |d| an entry of one of |types|. */
WCHG_INLINE bool usable(const wchg_dwriter *w, const wchg_dict_avp *d, unsigned types) {
  return WCHG_LIKELY((uintptr_t)d - (uintptr_t)w->dict < w->gate) && WCHG_LIKELY(T(d->type) & types);
}

/* The slow paths' full check, in the order of the (code, vendor) era:
 * no earlier error, the header written, an entry of the table, of one of
 * |types|. False with the error set. */
static bool checked(wchg_dwriter *w, const wchg_dict_avp *d, unsigned types) {
  if (w->error)
    return false;
  if (w->depth == 0) {
    bool known = in_table(w, d);
    set_error_d(w, WCHG_E_STATE, known ? d : NULL, known ? d->code : 0, known ? d->vendor : 0,
                "an AVP before the header");
    return false;
  }
  if (!in_table(w, d)) {
    set_error(w, WCHG_E_ARG, 0, 0,
              d ? "the descriptor is not an entry of the dictionary (wchg_dict_find)"
                : "a NULL descriptor (the AVP is not in the dictionary: use wchg_dw_raw)");
    return false;
  }
  if (!(T(d->type) & types)) {
    set_error_d(w, WCHG_E_ARG, d, d->code, d->vendor, "the value does not match the AVP's type");
    return false;
  }
  return true;
}

/* The entry of (code, vendor) for the (code, vendor) functions, checking
 * the writer's state first (as before the _d functions existed); NULL with
 * the error set. From the open level's rules when it is one of its
 * children (AVPs usually come in ABNF order, so the search starts at the
 * last match and wraps around), else the table. */
static WCHG_SLOW const wchg_dict_avp *lookup_slow(wchg_dwriter *w, uint32_t code, uint32_t vendor) {
  if (w->error)
    return NULL;
  if (w->depth == 0) {
    set_error(w, WCHG_E_STATE, code, vendor, "an AVP before the header");
    return NULL;
  }
  int lv = w->depth - 1;
  const wchg_dict_rule *r = w->rules[lv];
  size_t n = w->nrules[lv], c = w->cursor[lv], i;
  for (i = c; i < n; i++)
    if (r[i].code == code && r[i].vendor == vendor)
      goto found;
  for (i = 0; i < c; i++)
    if (r[i].code == code && r[i].vendor == vendor)
      goto found;
  const wchg_dict_avp *d = wchg_dict_find(code, vendor);
  if (!d)
    set_error(w, WCHG_E_ARG, code, vendor, "the AVP is not in the dictionary (use wchg_dw_raw)");
  return d;
found:
  w->cursor[lv] = (uint16_t)i;
  return r[i].avp;
}

/* The common case inline: the gate open (no error, header written) and
 * the AVP at or after the cursor of the open level's rules. */
WCHG_INLINE const wchg_dict_avp *lookup(wchg_dwriter *w, uint32_t code, uint32_t vendor) {
  if (WCHG_LIKELY(w->gate != 0)) {
    int lv = w->depth - 1;
    const wchg_dict_rule *r = w->rules[lv];
    for (size_t i = w->cursor[lv], n = w->nrules[lv]; i < n; i++)
      if (r[i].code == code && r[i].vendor == vendor) {
        w->cursor[lv] = (uint16_t)i;
        return r[i].avp;
      }
  }
  return lookup_slow(w, code, vendor);
}

/* ---- writing AVPs ------------------------------------------------------ */

/* The flags from the dictionary in the top octet of the length word: M
 * where the rule is MUST (MAY and MUST NOT go clear), V for a vendor. */
#define V_BIT ((uint32_t)WCHG_AVP_FLAG_V << 24)
WCHG_INLINE uint32_t m_bit(const wchg_dict_avp *d) {
  return (0u - (uint32_t)(d->m_rule == WCHG_RULE_MUST)) & (uint32_t)WCHG_AVP_FLAG_M << 24;
}

/* The header of |d| as the slow paths write it: its size (8, or 12 with
 * a vendor) and flags. (The fast paths spell it out per case.) */
typedef struct shape {
  uint32_t code, vendor, flags;
  size_t hl;
} shape;

WCHG_INLINE shape shape_of(const wchg_dict_avp *d) {
  shape s;
  s.code = d->code;
  s.vendor = d->vendor;
  s.hl = d->vendor ? 12 : 8;
  s.flags = (d->vendor ? V_BIT : 0) | m_bit(d);
  return s;
}

/* Code, flags and |total| length: the first 8 octets, one store. */
WCHG_INLINE void emit_head8(uint8_t *p, const shape *s, size_t total) {
  st64(p, (uint64_t)s->code << 32 | (s->flags | (uint32_t)total));
}

/* The whole header (with the vendor when there is one). */
WCHG_INLINE void emit_head(uint8_t *p, const shape *s, size_t total) {
  emit_head8(p, s, total);
  if (s->vendor)
    st32(p + 8, s->vendor);
}

/* Write (or count) a fixed-size value of |n| (4 or 8) octets once every
 * check passed. The slow paths come here only when the fast path did not
 * take the AVP: the writer is counting (the gate closes without an error
 * only once the buffer ran short, and then len > cap) or the AVP does not
 * fit; so the write below is never reached. It stays, so that this path is
 * whole on its own should the fast path's conditions change. */
static wchg_status put_fixed_slow(wchg_dwriter *w, const wchg_dict_avp *d, uint64_t v,
                                  size_t n) {
  shape s = shape_of(d);
  if (WCHG_UNLIKELY(fits(w, s.hl + n))) { /* LCOV_EXCL_START: see above */
    uint8_t *p = w->buf + w->len;
    emit_head8(p, &s, s.hl + n);
    st32(p + 8, s.vendor); /* without a vendor the value overwrites it */
    if (n == 4)
      st32(p + s.hl, (uint32_t)v);
    else
      st64(p + s.hl, v);
    w->len += s.hl + n;
    return WCHG_OK;
  } /* LCOV_EXCL_STOP */
  count_only(w, s.hl + n);
  return WCHG_OK;
}

/* Copy |n| octets, |w| <= |n| <= 2|w| (|w| 4 or 8), as two words that
 * overlap in the middle; nonzero when one of them is >= 0x80. */
WCHG_INLINE unsigned copy_ends(uint8_t *dst, const uint8_t *src, size_t n, size_t w) {
  uint64_t a = 0, b = 0;
  memcpy(&a, src, w);
  memcpy(&b, src + n - w, w);
  memcpy(dst, &a, w);
  memcpy(dst + n - w, &b, w);
  return ((a | b) & 0x8080808080808080u) != 0;
}

/* Copy |n| octets (no overlap); nonzero when one of them is >= 0x80.
 * Unaligned loads and stores, overlapping at the ends, no call. */
WCHG_INLINE unsigned copy_scan(uint8_t *dst, const uint8_t *src, size_t n) {
#ifdef ENC_SSE2
  if (n >= 16) {
    __m128i acc = _mm_setzero_si128(), v;
    for (size_t i = 0; i + 16 < n; i += 16) {
      v = _mm_loadu_si128((const __m128i *)(src + i));
      acc = _mm_or_si128(acc, v);
      _mm_storeu_si128((__m128i *)(dst + i), v);
    }
    v = _mm_loadu_si128((const __m128i *)(src + n - 16));
    _mm_storeu_si128((__m128i *)(dst + n - 16), v);
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(acc, v));
  }
#else
  if (n >= 16) {
    uint64_t acc = 0, a, b;
    for (size_t i = 0; i + 16 < n; i += 16) {
      memcpy(&a, src + i, 8);
      memcpy(&b, src + i + 8, 8);
      acc |= a | b;
      memcpy(dst + i, &a, 8);
      memcpy(dst + i + 8, &b, 8);
    }
    return copy_ends(dst + n - 16, src + n - 16, 16, 8) |
           ((acc & 0x8080808080808080u) != 0);
  }
#endif
  if (n >= 8)
    return copy_ends(dst, src, n, 8);
  if (n >= 4)
    return copy_ends(dst, src, n, 4);
  unsigned acc = 0;
  if (n & 2) {
    uint16_t a;
    memcpy(&a, src, 2);
    memcpy(dst, &a, 2);
    acc = a;
  }
  if (n & 1) {
    dst[n - 1] = src[n - 1];
    acc |= src[n - 1];
  }
  return acc & 0x8080u;
}

/* An AVP of an |hl|-octet header and |len| octets of |data| at the end of
 * the message: the data copied, the padding zeroed and the octets taken;
 * where its header goes, or NULL when the buffer is short (the writer
 * then only counts them). */
static uint8_t *put_body(wchg_dwriter *w, size_t hl, const void *data, size_t len) {
  size_t padded = (hl + len + 3) & ~(size_t)3;
  if (!fits(w, padded)) {
    count_only(w, padded);
    return NULL;
  }
  uint8_t *p = w->buf + w->len;
  if (len) {
    st32(p + padded - 4, 0);
    memcpy(p + hl, data, len);
  }
  w->len += padded;
  return p;
}

/* Data up to this size is copied (and checked for ASCII) inline; above,
 * text is validated and then copied by memcpy. */
#define COPY_SCAN_MAX 256

/* The general case of |len| octets of |data| (|utf8|: valid UTF-8 only):
 * every check in order, counting when the buffer is short. */
static WCHG_SLOW wchg_status put_data_slow(wchg_dwriter *w, const wchg_dict_avp *d,
                                      const void *data, size_t len, bool utf8,
                                      unsigned types) {
  size_t bad;
  if (!checked(w, d, types))
    return w->error;
  if (len > 0xFFFFFF - 12)
    return set_error_d(w, WCHG_E_LIMIT, d, d->code, d->vendor,
                       "the data does not fit a 24-bit length");
  if (!data && len)
    return set_error_d(w, WCHG_E_ARG, d, d->code, d->vendor, utf8 ? "NULL text" : "NULL data");
  if (utf8 && !wchgi_utf8_valid(data, len, &bad))
    return set_error_d(w, WCHG_E_UTF8, d, d->code, d->vendor, "the text is not valid UTF-8");
  shape s = shape_of(d);
  size_t total = s.hl + len;
  uint8_t *p = put_body(w, s.hl, data, len);
  if (p)
    emit_head(p, &s, total);
  return WCHG_OK;
}

/* |len| octets of |data|: the common case (usable, short, fits, ASCII
 * when text) here without a call, anything else in put_data_slow. The
 * header is written first, so that little stays live across the copy. */
WCHG_INLINE wchg_status put_data(wchg_dwriter *w, const wchg_dict_avp *d, const void *data,
                            size_t len, bool utf8, unsigned types) {
  if (usable(w, d, types) && WCHG_LIKELY(len <= COPY_SCAN_MAX && data != NULL)) {
    uint32_t m = m_bit(d);
    uint32_t vendor = d->vendor;
    size_t hl = vendor ? 12 : 8, total = hl + len, padded = (total + 3) & ~(size_t)3;
    uint64_t head = (uint64_t)d->code << 32 | (vendor ? V_BIT : 0) | m |
                    (uint32_t)total;
    size_t at = w->len;
    if (WCHG_LIKELY(padded <= w->cap - at)) { /* the gate is open: len <= cap */
      uint8_t *p = w->buf + at;
      /* the padding first: the header (when there is no data) and the
       * data go over it */
      st32(p + padded - 4, 0);
      st64(p, head);
      if (vendor)
        st32(p + 8, vendor);
      if (WCHG_LIKELY(!copy_scan(p + hl, data, len) || !utf8)) {
        w->len = at + padded;
        return WCHG_OK;
      }
    }
  }
  return put_data_slow(w, d, data, len, utf8, types);
}

/* ---- each type: the fast path, and the slow one for everything else ---- */

static WCHG_SLOW wchg_status fixed_slow(wchg_dwriter *w, const wchg_dict_avp *d, unsigned types,
                                   uint64_t v, size_t n) {
  if (!checked(w, d, types))
    return w->error;
  return put_fixed_slow(w, d, v, n);
}

/* The header of |d| for a value of |n| octets at w->len, when both fit:
 * 8 octets, or 12 with V and the vendor (one branch on the vendor, so that
 * the size and V are constants). Returns the header's size, 0 when the
 * header and value do not fit. */
WCHG_INLINE size_t fast_header(wchg_dwriter *w, const wchg_dict_avp *d, size_t n) {
  uint64_t first = ((uint64_t)d->code << 32) | m_bit(d);
  size_t room = w->cap - w->len; /* the gate is open: len <= cap */
  uint8_t *p = w->buf + w->len;
  if (!d->vendor) {
    if (WCHG_UNLIKELY(room < 8 + n))
      return 0;
    st64(p, first | (uint32_t)(8 + n));
    return 8;
  }
  if (WCHG_UNLIKELY(room < 12 + n))
    return 0;
  st64(p, first | V_BIT | (uint32_t)(12 + n));
  st32(p + 8, d->vendor);
  return 12;
}

/* The fast path of the fixed-size types. */
WCHG_INLINE bool fixed_fast(wchg_dwriter *w, const wchg_dict_avp *d, uint64_t v, size_t n) {
  size_t h = fast_header(w, d, n);
  uint8_t *p = w->buf + w->len + h;
  if (WCHG_UNLIKELY(!h))
    return false;
  /* n is 4 or 8, a constant of each caller: unoptimised (the coverage
   * build) every inlined copy keeps this test with one side dead */
  if (n == 4) /* LCOV_EXCL_BR_LINE */
    st32(p, (uint32_t)v);
  else
    st64(p, v);
  w->len += h + n;
  return true;
}

WCHG_INLINE wchg_status fixed_d(wchg_dwriter *w, const wchg_dict_avp *d, unsigned types, uint64_t v,
                           size_t n) {
  if (usable(w, d, types) && WCHG_LIKELY(fixed_fast(w, d, v, n)))
    return WCHG_OK;
  return fixed_slow(w, d, types, v, n);
}

WCHG_INLINE wchg_status octets_d(wchg_dwriter *w, const wchg_dict_avp *d, const void *data,
                            size_t len) {
  return put_data(w, d, data, len, false, T_OCTETS);
}

WCHG_INLINE wchg_status utf8_d(wchg_dwriter *w, const wchg_dict_avp *d, const char *s, size_t len) {
  return put_data(w, d, s, len, true, T(WCHG_AVP_UTF8STRING));
}

WCHG_INLINE uint32_t f32_bits(float v) {
  uint32_t bits;
  memcpy(&bits, &v, 4);
  return bits;
}

WCHG_INLINE uint64_t f64_bits(double v) {
  uint64_t bits;
  memcpy(&bits, &v, 8);
  return bits;
}

wchg_status wchg_ntp_from_unix(int64_t unix_seconds, uint32_t *ntp) {
  /* RFC 5905 era rule: era 0 holds NTP values with the top bit set
   * (1968-01-20 .. 2036-02-07), era 1 those with it clear (.. 2104). */
  int64_t t = unix_seconds + WCHG_NTP_UNIX_OFFSET;
  if (!ntp || t < 0x80000000LL || t >= 0x180000000LL)
    return ntp ? WCHG_E_RANGE : WCHG_E_ARG;
  *ntp = (uint32_t)t;
  return WCHG_OK;
}

int64_t wchg_unix_from_ntp(uint32_t ntp) {
  int64_t t = ntp;
  if (!(ntp & 0x80000000u))
    t += 0x100000000LL;
  return t - WCHG_NTP_UNIX_OFFSET;
}

/* Unix seconds minus the first second of the era rule's range (1968-01-20
 * 03:14:08 UTC): below 2^32 exactly when in range; computed modulo 2^64. */
WCHG_INLINE uint64_t ntp_from_start(int64_t unix_seconds) {
  return (uint64_t)unix_seconds + (uint64_t)WCHG_NTP_UNIX_OFFSET - 0x80000000u;
}

static WCHG_SLOW wchg_status time_slow(wchg_dwriter *w, const wchg_dict_avp *d, int64_t unix_seconds) {
  if (!checked(w, d, T(WCHG_AVP_TIME)))
    return w->error;
  uint64_t t = ntp_from_start(unix_seconds);
  if (t >= 0x100000000u)
    return set_error_d(w, WCHG_E_RANGE, d, d->code, d->vendor, "the time is outside 1968..2104");
  return put_fixed_slow(w, d, (uint32_t)(t + 0x80000000u), 4);
}

WCHG_INLINE wchg_status time_d(wchg_dwriter *w, const wchg_dict_avp *d, int64_t unix_seconds) {
  uint64_t t = ntp_from_start(unix_seconds);
  if (usable(w, d, T(WCHG_AVP_TIME)) && WCHG_LIKELY(t < 0x100000000u) &&
      WCHG_LIKELY(fixed_fast(w, d, (uint32_t)(t + 0x80000000u), 4)))
    return WCHG_OK;
  return time_slow(w, d, unix_seconds);
}

static WCHG_SLOW wchg_status address_slow(wchg_dwriter *w, const wchg_dict_avp *d, int family,
                                     const uint8_t *addr) {
  uint8_t b[18];
  size_t n = family == 1 ? 4 : family == 2 ? 16 : 0;
  if (!checked(w, d, T(WCHG_AVP_ADDRESS)))
    return w->error;
  if (!n || !addr)
    return set_error_d(w, WCHG_E_ARG, d, d->code, d->vendor,
                       "the family must be 1 (IPv4) or 2 (IPv6)");
  b[0] = 0;
  b[1] = (uint8_t)family; /* IANA address family numbers */
  memcpy(b + 2, addr, n);
  return put_data_slow(w, d, b, 2 + n, false, T(WCHG_AVP_ADDRESS));
}

/* 2 octets of family (IANA: 1 IPv4, 2 IPv6), then 4 or 16 of address:
 * lengths 6 or 18, padded to 8 or 20. */
WCHG_INLINE wchg_status address_d(wchg_dwriter *w, const wchg_dict_avp *d, int family,
                             const uint8_t *addr) {
  if (usable(w, d, T(WCHG_AVP_ADDRESS)) && WCHG_LIKELY((family == 1 || family == 2) && addr)) {
    uint32_t m = m_bit(d);
    uint32_t vendor = d->vendor;
    size_t n = family == 1 ? 4 : 16, hl = vendor ? 12 : 8, total = hl + 2 + n;
    size_t padded = total + 2, at = w->len;
    if (WCHG_LIKELY(padded <= w->cap - at)) { /* the gate is open: len <= cap */
      uint8_t *p = w->buf + at;
      st64(p, (uint64_t)d->code << 32 | (vendor ? V_BIT : 0) | m |
                  (uint32_t)total);
      st32(p + 8, vendor); /* without a vendor the family goes over it */
      p += hl;
      st32(p + n, 0); /* octets n..n+3: the padding and the address's end */
      p[0] = 0;
      p[1] = (uint8_t)family;
      memcpy(p + 2, addr, n);
      w->len = at + padded;
      return WCHG_OK;
    }
  }
  return address_slow(w, d, family, addr);
}

/* Open the level of Grouped |d| once checked. As in put_fixed_slow, the
 * header never fits here (the fast path wrote every one that does): the
 * write stays for a path whole on its own. */
static WCHG_SLOW wchg_status group_begin_slow(wchg_dwriter *w, const wchg_dict_avp *d) {
  if (!checked(w, d, T(WCHG_AVP_GROUPED)))
    return w->error;
  if (w->depth > WCHG_DIAM_MAX_DEPTH)
    return set_error_d(w, WCHG_E_LIMIT, d, d->code, d->vendor, "Grouped AVPs nested too deeply");
  shape s = shape_of(d);
  int lv = w->depth++;
  size_t at = w->len;
  w->rules[lv] = d->children; /* for the (code, vendor) functions inside */
  w->nrules[lv] = (uint16_t)d->n_children;
  w->cursor[lv] = 0;
  w->open[lv] = at;
  if (WCHG_UNLIKELY(fits(w, s.hl))) { /* LCOV_EXCL_START: see above */
    emit_head8(w->buf + at, &s, s.hl); /* the length is patched by _end */
    if (s.vendor)
      st32(w->buf + at + 8, s.vendor);
    w->len = at + s.hl;
    return WCHG_OK;
  } /* LCOV_EXCL_STOP */
  count_only(w, s.hl);
  return WCHG_OK;
}

WCHG_INLINE wchg_status group_begin_d(wchg_dwriter *w, const wchg_dict_avp *d) {
  int lv = w->depth;
  if (usable(w, d, T(WCHG_AVP_GROUPED)) && WCHG_LIKELY(lv <= WCHG_DIAM_MAX_DEPTH)) {
    size_t at = w->len, h = fast_header(w, d, 0); /* the length is patched by _end */
    if (WCHG_UNLIKELY(!h))
      goto slow;
    w->len = at + h;
    w->depth = lv + 1;
    w->open[lv] = at;
    w->rules[lv] = d->children; /* for the (code, vendor) functions inside */
    w->nrules[lv] = (uint16_t)d->n_children;
    w->cursor[lv] = 0;
    return WCHG_OK;
  }
slow:
  return group_begin_slow(w, d);
}

/* The public functions. The (code, vendor) ones find the entry, then take
 * the same path. */

wchg_status wchg_dw_octets_d(wchg_dwriter *w, const wchg_dict_avp *d, const void *data,
                             size_t len) {
  return octets_d(w, d, data, len);
}
wchg_status wchg_dw_octets(wchg_dwriter *w, uint32_t code, uint32_t vendor, const void *data,
                           size_t len) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? octets_d(w, d, data, len) : w->error;
}

wchg_status wchg_dw_utf8_d(wchg_dwriter *w, const wchg_dict_avp *d, const char *s, size_t len) {
  return utf8_d(w, d, s, len);
}
wchg_status wchg_dw_utf8(wchg_dwriter *w, uint32_t code, uint32_t vendor, const char *s,
                         size_t len) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? utf8_d(w, d, s, len) : w->error;
}

wchg_status wchg_dw_i32_d(wchg_dwriter *w, const wchg_dict_avp *d, int32_t v) {
  return fixed_d(w, d, T_I32, (uint32_t)v, 4);
}
wchg_status wchg_dw_i32(wchg_dwriter *w, uint32_t code, uint32_t vendor, int32_t v) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? fixed_d(w, d, T_I32, (uint32_t)v, 4) : w->error;
}

wchg_status wchg_dw_i64_d(wchg_dwriter *w, const wchg_dict_avp *d, int64_t v) {
  return fixed_d(w, d, T(WCHG_AVP_INTEGER64), (uint64_t)v, 8);
}
wchg_status wchg_dw_i64(wchg_dwriter *w, uint32_t code, uint32_t vendor, int64_t v) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? fixed_d(w, d, T(WCHG_AVP_INTEGER64), (uint64_t)v, 8) : w->error;
}

wchg_status wchg_dw_u32_d(wchg_dwriter *w, const wchg_dict_avp *d, uint32_t v) {
  return fixed_d(w, d, T(WCHG_AVP_UNSIGNED32), v, 4);
}
wchg_status wchg_dw_u32(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint32_t v) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? fixed_d(w, d, T(WCHG_AVP_UNSIGNED32), v, 4) : w->error;
}

wchg_status wchg_dw_u64_d(wchg_dwriter *w, const wchg_dict_avp *d, uint64_t v) {
  return fixed_d(w, d, T(WCHG_AVP_UNSIGNED64), v, 8);
}
wchg_status wchg_dw_u64(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint64_t v) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? fixed_d(w, d, T(WCHG_AVP_UNSIGNED64), v, 8) : w->error;
}

wchg_status wchg_dw_f32_d(wchg_dwriter *w, const wchg_dict_avp *d, float v) {
  return fixed_d(w, d, T(WCHG_AVP_FLOAT32), f32_bits(v), 4);
}
wchg_status wchg_dw_f32(wchg_dwriter *w, uint32_t code, uint32_t vendor, float v) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? fixed_d(w, d, T(WCHG_AVP_FLOAT32), f32_bits(v), 4) : w->error;
}

wchg_status wchg_dw_f64_d(wchg_dwriter *w, const wchg_dict_avp *d, double v) {
  return fixed_d(w, d, T(WCHG_AVP_FLOAT64), f64_bits(v), 8);
}
wchg_status wchg_dw_f64(wchg_dwriter *w, uint32_t code, uint32_t vendor, double v) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? fixed_d(w, d, T(WCHG_AVP_FLOAT64), f64_bits(v), 8) : w->error;
}

wchg_status wchg_dw_time_d(wchg_dwriter *w, const wchg_dict_avp *d, int64_t unix_seconds) {
  return time_d(w, d, unix_seconds);
}
wchg_status wchg_dw_time(wchg_dwriter *w, uint32_t code, uint32_t vendor, int64_t unix_seconds) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? time_d(w, d, unix_seconds) : w->error;
}

wchg_status wchg_dw_address_d(wchg_dwriter *w, const wchg_dict_avp *d, int family,
                              const uint8_t *addr) {
  return address_d(w, d, family, addr);
}
wchg_status wchg_dw_address(wchg_dwriter *w, uint32_t code, uint32_t vendor, int family,
                            const uint8_t *addr) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? address_d(w, d, family, addr) : w->error;
}

wchg_status wchg_dw_group_begin_d(wchg_dwriter *w, const wchg_dict_avp *d) {
  return group_begin_d(w, d);
}
wchg_status wchg_dw_group_begin(wchg_dwriter *w, uint32_t code, uint32_t vendor) {
  const wchg_dict_avp *d = lookup(w, code, vendor);
  return d ? group_begin_d(w, d) : w->error;
}

static WCHG_SLOW wchg_status group_end_slow(wchg_dwriter *w) {
  if (w->error)
    return w->error;
  if (w->depth < 2)
    return set_error(w, WCHG_E_STATE, 0, 0, "no Grouped AVP is open");
  size_t at = w->open[--w->depth];
  /* children are padded, so the group's length is a multiple of 4 */
  if (w->len - at > 0xFFFFFF)
    return set_error(w, WCHG_E_LIMIT, 0, 0, "the Grouped AVP exceeds a 24-bit length");
  patch_len(w, at + 4, w->len - at);
  return WCHG_OK;
}

wchg_status wchg_dw_group_end(wchg_dwriter *w) {
  int lv = w->depth - 1;
  /* the gate open: no error, and the group's header is in the buffer */
  if (WCHG_LIKELY(w->gate != 0 && lv >= 1)) {
    size_t at = w->open[lv], n = w->len - at;
    if (WCHG_LIKELY(n <= 0xFFFFFF)) {
      uint8_t *p = w->buf + at + 4;
      st32(p, (uint32_t)p[0] << 24 | (uint32_t)n); /* the flags stay */
      w->depth = lv;
      return WCHG_OK;
    }
  }
  return group_end_slow(w);
}

wchg_status wchg_dw_raw(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint8_t flags,
                        const void *data, size_t len) {
  if (w->error)
    return w->error;
  if (w->depth == 0)
    return set_error(w, WCHG_E_STATE, code, vendor, "an AVP before the header");
  if (((flags & WCHG_AVP_FLAG_V) != 0) != (vendor != 0) || (flags & 0x1F) ||
      (!data && len) || len > 0xFFFFFF - 12)
    return set_error(w, WCHG_E_ARG, code, vendor,
                     "V must be set exactly for a vendor, reserved flags clear");
  size_t hl = vendor ? 12 : 8, total = hl + len;
  uint8_t *p = put_body(w, hl, data, len);
  if (p) {
    st64(p, (uint64_t)code << 32 | (uint64_t)flags << 24 | total);
    if (vendor)
      st32(p + 8, vendor);
  }
  return WCHG_OK;
}

wchg_status wchg_dw_finish(wchg_dwriter *w, size_t *len) {
  if (!len)
    return WCHG_E_ARG;
  *len = w->len;
  if (w->error)
    return w->error;
  if (w->depth != 1)
    return set_error(w, WCHG_E_STATE, 0, 0,
                     w->depth ? "a Grouped AVP is still open" : "no header was written");
  if (w->len > 0xFFFFFF)
    return set_error(w, WCHG_E_LIMIT, 0, 0, "the message exceeds a 24-bit length");
  patch_len(w, w->open[0], w->len);
  if (w->len > w->cap) {
    if (w->diag) {
      wchgi_diag_clear(w->diag);
      wchgi_diag_set(w->diag, WCHG_E_BUFFER, 0, WCHG_NO_OFFSET, NULL,
                    "the message needs %zu bytes, the buffer has %zu", w->len, w->cap);
    }
    return WCHG_E_BUFFER;
  }
  return WCHG_OK;
}
