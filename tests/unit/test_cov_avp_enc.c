/* test_cov_avp_enc.c: cov_avp_enc_suite — every typed function of the
 * Diameter writer (avp_enc.c), by entry and by (code, vendor), in every
 * state a call can meet: written, not fitting (by one octet), counting
 * with no buffer, after an error, before the header, of the wrong type,
 * unknown. The real dictionary has no Float32/Float64 AVP and no vendor
 * Integer64, so the writer is pointed at a table of its own (the private
 * members dict and dict_size, set before the header opens the gate) that
 * holds each type as an IETF AVP with M and as a vendor AVP without it;
 * the IETF and vendor entries of a type share their code, so that a
 * search by (code, vendor) meets the other one first. The bytes are
 * checked against ones built by hand. Then the writer's edges the other
 * tests leave out: header arguments, wchg_dw_raw's checks, 24-bit message
 * and group lengths, finish without a header, NULL |len| and |ntp|.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define V3 10415u
#define BASE 70000u
#define G_CODE 70100u

/* ---- the table -------------------------------------------------------- */

static const wchg_avp_type types[] = {
    WCHG_AVP_OCTETSTRING, WCHG_AVP_UTF8STRING, WCHG_AVP_INTEGER32, WCHG_AVP_INTEGER64,
    WCHG_AVP_UNSIGNED32,  WCHG_AVP_UNSIGNED64, WCHG_AVP_FLOAT32,   WCHG_AVP_FLOAT64,
    WCHG_AVP_TIME,        WCHG_AVP_ADDRESS,    WCHG_AVP_GROUPED};
#define NT (sizeof types / sizeof types[0])
#define NE (2 * NT) /* entry 2t: IETF, M; 2t+1: vendor, M clear */

static const char *const names[NE] = {
    "Oct",  "Oct-V",  "Utf",  "Utf-V",  "I32",  "I32-V",  "I64",  "I64-V",
    "U32",  "U32-V",  "U64",  "U64-V",  "F32",  "F32-V",  "F64",  "F64-V",
    "Time", "Time-V", "Addr", "Addr-V", "Grp",  "Grp-V"};

static wchg_dict_avp tab[NE + 1]; /* + the top group G, children all */
static wchg_dict_rule rules[NE];

static void tab_init(void) {
  memset(tab, 0, sizeof tab);
  for (size_t i = 0; i < NE; i++) {
    tab[i].code = BASE + (uint32_t)(i / 2);
    tab[i].vendor = i % 2 ? V3 : 0;
    tab[i].name = names[i];
    tab[i].type = types[i / 2];
    tab[i].m_rule = i % 2 ? WCHG_RULE_MAY : WCHG_RULE_MUST;
    tab[i].v_rule = i % 2 ? WCHG_RULE_MUST : WCHG_RULE_MUSTNOT;
    tab[i].p_rule = WCHG_RULE_MUSTNOT;
    if (tab[i].type == WCHG_AVP_GROUPED) {
      tab[i].children = rules;
      tab[i].n_children = NE;
    }
    rules[i] = (wchg_dict_rule){.code = tab[i].code, .vendor = tab[i].vendor, .avp = &tab[i]};
  }
  tab[NE] = (wchg_dict_avp){.code = G_CODE, .name = "G", .type = WCHG_AVP_GROUPED,
                            .m_rule = WCHG_RULE_MUST, .v_rule = WCHG_RULE_MUSTNOT,
                            .p_rule = WCHG_RULE_MUSTNOT, .children = rules,
                            .n_children = NE};
}

/* A writer over |buf| (|cap|) that takes the entries of tab. */
static void init_tab_writer(wchg_dwriter *w, uint8_t *buf, size_t cap, wchg_diag *d) {
  wchg_dw_init(w, buf, cap, d);
  w->dict = tab;
  w->dict_size = sizeof tab;
}

/* ---- values ----------------------------------------------------------- */

static char long_text[300];
static const uint8_t v4[4] = {192, 0, 2, 7};
static const uint8_t v6[16] = {0x20, 0x01, 0x0d, 0xb8, [14] = 0xab, [15] = 0xcd};

/* Variants of each type's value: how many, and the data of the AVP. */
static int n_variants(wchg_avp_type t) {
  switch (t) {
  case WCHG_AVP_OCTETSTRING: return 4; /* short, long (memcpy), NULL/0, binary */
  case WCHG_AVP_UTF8STRING: return 4;  /* ASCII, non-ASCII, long, NULL/0 */
  case WCHG_AVP_TIME: return 2;        /* era 0, era 1 */
  case WCHG_AVP_ADDRESS: return 2;     /* IPv4, IPv6 */
  case WCHG_AVP_GROUPED: return 2;     /* empty, one child */
  default: return 1;
  }
}

static size_t be(uint8_t *p, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; i++)
    p[i] = (uint8_t)(v >> 8 * (n - 1 - i));
  return n;
}

static size_t put_head(uint8_t *p, const wchg_dict_avp *e, size_t data_len) {
  size_t hl = e->vendor ? 12 : 8;
  be(p, e->code, 4);
  p[4] = (uint8_t)((e->vendor ? 0x80 : 0) | (e->m_rule == WCHG_RULE_MUST ? 0x40 : 0));
  be(p + 5, hl + data_len, 3);
  if (e->vendor)
    be(p + 8, e->vendor, 4);
  return hl;
}

/* The AVP |e| with variant |v| as the writer must write it, padded;
 * returns its size. */
static size_t want_avp(const wchg_dict_avp *e, int v, uint8_t *out) {
  uint8_t data[400];
  size_t n = 0;
  float f = 1.5f;
  double g = -2.25;
  uint32_t fb;
  uint64_t gb;
  memcpy(&fb, &f, 4);
  memcpy(&gb, &g, 8);
  switch (e->type) {
  case WCHG_AVP_OCTETSTRING:
    if (v == 0)
      memcpy(data, "abcde", n = 5);
    else if (v == 1)
      memcpy(data, long_text, n = sizeof long_text);
    else if (v == 3)
      memcpy(data, "\xff\x80\x00\xc3", n = 4);
    break;
  case WCHG_AVP_UTF8STRING:
    if (v == 0)
      memcpy(data, "hello", n = 5);
    else if (v == 1)
      memcpy(data, "h\xc3\xa9llo", n = 6);
    else if (v == 2)
      memcpy(data, long_text, n = sizeof long_text);
    break;
  case WCHG_AVP_INTEGER32: n = be(data, (uint32_t)-5, 4); break;
  case WCHG_AVP_INTEGER64: n = be(data, (uint64_t)-6, 8); break;
  case WCHG_AVP_UNSIGNED32: n = be(data, 7, 4); break;
  case WCHG_AVP_UNSIGNED64: n = be(data, 0x0102030405060708ull, 8); break;
  case WCHG_AVP_FLOAT32: n = be(data, fb, 4); break;
  case WCHG_AVP_FLOAT64: n = be(data, gb, 8); break;
  case WCHG_AVP_TIME: n = be(data, v == 0 ? 0xeeafd090u : 0x00000010u, 4); break;
  case WCHG_AVP_ADDRESS:
    data[0] = 0;
    data[1] = (uint8_t)(v + 1);
    memcpy(data + 2, v == 0 ? v4 : v6, v == 0 ? 4 : 16);
    n = v == 0 ? 6 : 18;
    break;
  case WCHG_AVP_GROUPED:
    if (v == 1) /* one child: U32 (IETF) */
      n = put_head(data, &tab[8], 4) + be(data + 8, 7, 4);
    break;
  default: ck_abort_msg("type %d", (int)e->type);
  }
  size_t hl = put_head(out, e, n), padded = (hl + n + 3) & ~(size_t)3;
  memcpy(out + hl, data, n);
  memset(out + hl + n, 0, padded - hl - n);
  return padded;
}

/* Write |e| (variant |v|) by entry, or by (code, vendor) with |by_code|. */
static wchg_status put(wchg_dwriter *w, const wchg_dict_avp *e, int v, int by_code) {
  uint32_t c = e->code, vn = e->vendor;
  switch (e->type) {
  case WCHG_AVP_OCTETSTRING: {
    const char *s = v == 0 ? "abcde" : v == 1 ? long_text : v == 3 ? "\xff\x80\x00\xc3" : NULL;
    size_t n = v == 0 ? 5 : v == 1 ? sizeof long_text : v == 3 ? 4 : 0;
    return by_code ? wchg_dw_octets(w, c, vn, s, n) : wchg_dw_octets_d(w, e, s, n);
  }
  case WCHG_AVP_UTF8STRING: {
    const char *s = v == 0 ? "hello" : v == 1 ? "h\xc3\xa9llo" : v == 2 ? long_text : NULL;
    size_t n = v == 0 ? 5 : v == 1 ? 6 : v == 2 ? sizeof long_text : 0;
    return by_code ? wchg_dw_utf8(w, c, vn, s, n) : wchg_dw_utf8_d(w, e, s, n);
  }
  case WCHG_AVP_INTEGER32:
    return by_code ? wchg_dw_i32(w, c, vn, -5) : wchg_dw_i32_d(w, e, -5);
  case WCHG_AVP_INTEGER64:
    return by_code ? wchg_dw_i64(w, c, vn, -6) : wchg_dw_i64_d(w, e, -6);
  case WCHG_AVP_UNSIGNED32:
    return by_code ? wchg_dw_u32(w, c, vn, 7) : wchg_dw_u32_d(w, e, 7);
  case WCHG_AVP_UNSIGNED64:
    return by_code ? wchg_dw_u64(w, c, vn, 0x0102030405060708ull)
                   : wchg_dw_u64_d(w, e, 0x0102030405060708ull);
  case WCHG_AVP_FLOAT32:
    return by_code ? wchg_dw_f32(w, c, vn, 1.5f) : wchg_dw_f32_d(w, e, 1.5f);
  case WCHG_AVP_FLOAT64:
    return by_code ? wchg_dw_f64(w, c, vn, -2.25) : wchg_dw_f64_d(w, e, -2.25);
  case WCHG_AVP_TIME: {
    int64_t t = v == 0 ? 1795510800 : 2085978496 + 16;
    return by_code ? wchg_dw_time(w, c, vn, t) : wchg_dw_time_d(w, e, t);
  }
  case WCHG_AVP_ADDRESS:
    return by_code ? wchg_dw_address(w, c, vn, v + 1, v == 0 ? v4 : v6)
                   : wchg_dw_address_d(w, e, v + 1, v == 0 ? v4 : v6);
  case WCHG_AVP_GROUPED: {
    wchg_status rc = by_code ? wchg_dw_group_begin(w, c, vn) : wchg_dw_group_begin_d(w, e);
    if (rc == WCHG_OK && v == 1)
      rc = by_code ? wchg_dw_u32(w, BASE + 4, 0, 7) : wchg_dw_u32_d(w, &tab[8], 7);
    if (rc == WCHG_OK)
      rc = wchg_dw_group_end(w);
    return rc;
  }
  default: ck_abort_msg("type %d", (int)e->type);
  }
  return WCHG_E_ARG;
}

/* The message: header (20), G (8) holding the AVP. */
static size_t want_msg(const wchg_dict_avp *e, int v, uint8_t *out) {
  size_t n = want_avp(e, v, out + 28);
  be(out, 1u << 24 | (20 + 8 + n), 4);
  be(out + 4, 0x80u << 24 | 999, 4);
  be(out + 8, 99, 4);
  be(out + 12, 1, 4);
  be(out + 16, 2, 4);
  put_head(out + 20, &tab[NE], n);
  return 28 + n;
}

/* Write the message of want_msg into |buf| (|cap|); *|len| from finish. */
static wchg_status write_msg(const wchg_dict_avp *e, int v, int by_code, uint8_t *buf, size_t cap,
                             size_t *len, wchg_status *put_rc) {
  wchg_dwriter w;
  init_tab_writer(&w, buf, cap, NULL);
  ck_assert_int_eq(wchg_dw_header(&w, 0x80, 999, 99, 1, 2), WCHG_OK);
  ck_assert_int_eq(wchg_dw_group_begin_d(&w, &tab[NE]), WCHG_OK);
  *put_rc = put(&w, e, v, by_code);
  ck_assert_int_eq(wchg_dw_group_end(&w), *put_rc);
  return wchg_dw_finish(&w, len);
}

static size_t dirty_from(const uint8_t *buf, size_t from, size_t to) {
  size_t k = from;
  while (k < to && buf[k] == 0xEE)
    k++;
  return k;
}

/* ---- tests ------------------------------------------------------------ */

/* Each entry, each variant, both kinds of call: the bytes at the exact
 * size; at one octet less E_BUFFER with the size needed and nothing past
 * the capacity; with no buffer the same size counted. */
START_TEST(every_type_every_room) {
  tab_init();
  memset(long_text, 'x', sizeof long_text);
  long_text[0] = 'L';
  for (size_t i = 0; i < NE; i++)
    for (int v = 0; v < n_variants(tab[i].type); v++)
      for (int by_code = 0; by_code < 2; by_code++) {
        uint8_t want[512], buf[600];
        size_t wn = want_msg(&tab[i], v, want), len = 0;
        wchg_status prc;
        memset(buf, 0xEE, sizeof buf);
        wchg_status rc = write_msg(&tab[i], v, by_code, buf, wn, &len, &prc);
        ck_assert_msg(rc == WCHG_OK && prc == WCHG_OK && len == wn,
                      "%s variant %d by_code %d: %d/%d, %zu of %zu", tab[i].name, v, by_code, rc,
                      prc, len, wn);
        ck_assert_msg(memcmp(buf, want, wn) == 0, "%s variant %d by_code %d: bytes",
                      tab[i].name, v, by_code);
        ck_assert_uint_eq(dirty_from(buf, wn, sizeof buf), sizeof buf);
        /* one octet short (the AVP's last padding octet) */
        memset(buf, 0xEE, sizeof buf);
        rc = write_msg(&tab[i], v, by_code, buf, wn - 1, &len, &prc);
        ck_assert_int_eq(prc, WCHG_OK);
        ck_assert_int_eq(rc, WCHG_E_BUFFER);
        ck_assert_uint_eq(len, wn);
        ck_assert_mem_eq(buf, want, 28); /* header and G, lengths patched */
        ck_assert_uint_eq(dirty_from(buf, wn - 1, sizeof buf), sizeof buf);
        /* no buffer: counted only */
        rc = write_msg(&tab[i], v, by_code, NULL, 0, &len, &prc);
        ck_assert_int_eq(prc, WCHG_OK);
        ck_assert_int_eq(rc, WCHG_E_BUFFER);
        ck_assert_uint_eq(len, wn);
      }
}
END_TEST

/* Every entry by (code, vendor) in reverse order in one group: each search
 * starts after the last match and wraps around; the same bytes as by
 * entry in the same order. */
START_TEST(by_code_wraps_around) {
  tab_init();
  memset(long_text, 'y', sizeof long_text);
  uint8_t a[4096], b[4096];
  size_t la, lb;
  for (int by_code = 0; by_code < 2; by_code++) {
    wchg_dwriter w;
    init_tab_writer(&w, by_code ? b : a, sizeof a, NULL);
    ck_assert_int_eq(wchg_dw_header(&w, 0x80, 999, 99, 1, 2), WCHG_OK);
    ck_assert_int_eq(wchg_dw_group_begin_d(&w, &tab[NE]), WCHG_OK);
    for (size_t k = NE; k-- > 0;)
      ck_assert_int_eq(put(&w, &tab[k], 0, by_code), WCHG_OK);
    ck_assert_int_eq(wchg_dw_group_end(&w), WCHG_OK);
    ck_assert_int_eq(wchg_dw_finish(&w, by_code ? &lb : &la), WCHG_OK);
  }
  ck_assert_uint_eq(la, lb);
  ck_assert_mem_eq(a, b, la);
  /* the first AVP is the last entry's (Grp-V, empty), then Grp */
  uint8_t want[64];
  size_t n = put_head(want, &tab[NE - 1], 0);
  n += put_head(want + n, &tab[NE - 2], 0);
  ck_assert_mem_eq(a + 28, want, n);
}
END_TEST

/* The errors of every typed function by entry and by (code, vendor): the
 * code, the AVP named in the path, nothing written, sticky. */
static void expect_err(wchg_dwriter *w, wchg_diag *d, wchg_status rc, wchg_status want,
                       const char *path, size_t len_before, const char *what) {
  ck_assert_msg(rc == want, "%s: %d, want %d", what, rc, want);
  ck_assert_int_eq(w->error, want);
  ck_assert_int_eq(d->code, want);
  ck_assert_msg(strcmp(d->path, path) == 0, "%s: path %s, want %s", what, d->path, path);
  ck_assert_uint_eq(w->len, len_before);
  ck_assert_uint_eq(d->offset, len_before);
}

START_TEST(every_type_every_error) {
  tab_init();
  memset(long_text, 'z', sizeof long_text);
  for (size_t i = 0; i < NE; i++)
    for (int by_code = 0; by_code < 2; by_code++) {
      const wchg_dict_avp *e = &tab[i];
      /* the function of the next type on this entry: wrong type */
      const wchg_dict_avp *wrong = &tab[(i + 2) % NE];
      wchg_dict_avp as = *wrong;
      uint8_t buf[256];
      wchg_diag d;
      wchg_dwriter w;
      wchg_status rc;
      size_t len;
      char what[64], path[32];
      snprintf(what, sizeof what, "%s by_code %d", e->name, by_code);

      /* before the header: the entry's name, or "AVP code/vendor" when
       * looked up (the real dictionary does not know it) */
      init_tab_writer(&w, buf, sizeof buf, &d);
      rc = put(&w, e, 0, by_code);
      snprintf(path, sizeof path, "AVP %u/%u", (unsigned)e->code, (unsigned)e->vendor);
      expect_err(&w, &d, rc, WCHG_E_STATE, by_code ? path : e->name, 0, what);
      ck_assert_str_eq(d.message, "an AVP before the header");
      /* sticky: the header and the same call again */
      ck_assert_int_eq(wchg_dw_header(&w, 0x80, 999, 99, 1, 2), WCHG_E_STATE);
      ck_assert_int_eq(put(&w, e, 0, by_code), WCHG_E_STATE);
      ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_STATE);
      ck_assert_uint_eq(len, 0);

      /* the wrong type: |e|'s code and vendor with another type's call */
      init_tab_writer(&w, buf, sizeof buf, &d);
      wchg_dw_header(&w, 0x80, 999, 99, 1, 2);
      wchg_dw_group_begin_d(&w, &tab[NE]);
      as.type = wrong->type; /* the call of |wrong|'s type ... */
      as.code = e->code;     /* ... for |e| */
      as.vendor = e->vendor;
      rc = by_code ? put(&w, &as, 0, 1) : WCHG_OK;
      if (!by_code) { /* by entry: |e| itself with |wrong|'s call */
        switch (wrong->type) {
        case WCHG_AVP_OCTETSTRING: rc = wchg_dw_octets_d(&w, e, "a", 1); break;
        case WCHG_AVP_UTF8STRING: rc = wchg_dw_utf8_d(&w, e, "a", 1); break;
        case WCHG_AVP_INTEGER32: rc = wchg_dw_i32_d(&w, e, 1); break;
        case WCHG_AVP_INTEGER64: rc = wchg_dw_i64_d(&w, e, 1); break;
        case WCHG_AVP_UNSIGNED32: rc = wchg_dw_u32_d(&w, e, 1); break;
        case WCHG_AVP_UNSIGNED64: rc = wchg_dw_u64_d(&w, e, 1); break;
        case WCHG_AVP_FLOAT32: rc = wchg_dw_f32_d(&w, e, 1); break;
        case WCHG_AVP_FLOAT64: rc = wchg_dw_f64_d(&w, e, 1); break;
        case WCHG_AVP_TIME: rc = wchg_dw_time_d(&w, e, 1795510800); break;
        case WCHG_AVP_ADDRESS: rc = wchg_dw_address_d(&w, e, 1, v4); break;
        case WCHG_AVP_GROUPED: rc = wchg_dw_group_begin_d(&w, e); break;
        default: ck_abort();
        }
      }
      expect_err(&w, &d, rc, WCHG_E_ARG, e->name, 28, what);
      ck_assert_str_eq(d.message, "the value does not match the AVP's type");
      ck_assert_int_eq(wchg_dw_group_end(&w), WCHG_E_ARG);
      ck_assert_int_eq(put(&w, e, 0, by_code), WCHG_E_ARG); /* sticky, by either */
      ck_assert_uint_eq(w.len, 28);

      /* by (code, vendor): a vendor the table does not hold for the code */
      if (by_code) {
        init_tab_writer(&w, buf, sizeof buf, &d);
        wchg_dw_header(&w, 0x80, 999, 99, 1, 2);
        wchg_dw_group_begin_d(&w, &tab[NE]);
        as = *e;
        as.vendor = 4242;
        rc = put(&w, &as, 0, 1);
        snprintf(path, sizeof path, "AVP %u/4242", (unsigned)e->code);
        expect_err(&w, &d, rc, WCHG_E_ARG, path, 28, what);
        ck_assert_str_eq(d.message, "the AVP is not in the dictionary (use wchg_dw_raw)");
        ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_ARG);
      }
    }
}
END_TEST

/* Errors while only counting (no buffer): the same codes win over
 * E_BUFFER, by entry and by (code, vendor). */
START_TEST(errors_while_counting) {
  tab_init();
  for (size_t i = 0; i < NE; i++)
    for (int by_code = 0; by_code < 2; by_code++) {
      wchg_dwriter w;
      wchg_diag d;
      size_t len;
      init_tab_writer(&w, NULL, 0, &d);
      ck_assert_int_eq(wchg_dw_header(&w, 0x80, 999, 99, 1, 2), WCHG_OK);
      ck_assert_int_eq(wchg_dw_group_begin_d(&w, &tab[NE]), WCHG_OK);
      ck_assert_int_eq(put(&w, &tab[i], 0, by_code), WCHG_OK);
      /* the entry of the next type with this one's call: wrong type */
      wchg_dict_avp as = tab[i];
      as.code = tab[(i + 2) % NE].code;
      as.vendor = tab[(i + 2) % NE].vendor;
      wchg_status rc = by_code ? put(&w, &as, 0, 1) : WCHG_E_ARG;
      if (!by_code) {
        const wchg_dict_avp *other = &tab[(i + 2) % NE];
        switch (tab[i].type) {
        case WCHG_AVP_OCTETSTRING: rc = wchg_dw_octets_d(&w, other, "a", 1); break;
        case WCHG_AVP_UTF8STRING: rc = wchg_dw_utf8_d(&w, other, "a", 1); break;
        case WCHG_AVP_INTEGER32: rc = wchg_dw_i32_d(&w, other, 1); break;
        case WCHG_AVP_INTEGER64: rc = wchg_dw_i64_d(&w, other, 1); break;
        case WCHG_AVP_UNSIGNED32: rc = wchg_dw_u32_d(&w, other, 1); break;
        case WCHG_AVP_UNSIGNED64: rc = wchg_dw_u64_d(&w, other, 1); break;
        case WCHG_AVP_FLOAT32: rc = wchg_dw_f32_d(&w, other, 1); break;
        case WCHG_AVP_FLOAT64: rc = wchg_dw_f64_d(&w, other, 1); break;
        case WCHG_AVP_TIME: rc = wchg_dw_time_d(&w, other, 1795510800); break;
        case WCHG_AVP_ADDRESS: rc = wchg_dw_address_d(&w, other, 1, v4); break;
        case WCHG_AVP_GROUPED: rc = wchg_dw_group_begin_d(&w, other); break;
        default: ck_abort();
        }
      }
      ck_assert_int_eq(rc, WCHG_E_ARG);
      ck_assert_str_eq(d.path, tab[(i + 2) % NE].name);
      ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_ARG);
    }
}
END_TEST

/* An entry outside the writer's table (here: of the real dictionary while
 * the writer takes tab) is refused before the header and after it. */
START_TEST(entries_of_another_table) {
  tab_init();
  const wchg_dict_avp *real = wchg_dict_find(259, 0);
  uint8_t buf[64];
  wchg_dwriter w;
  wchg_diag d;
  ck_assert_ptr_nonnull(real);
  init_tab_writer(&w, buf, sizeof buf, &d);
  /* before the header: not known to this writer, so named by no code */
  ck_assert_int_eq(wchg_dw_u32_d(&w, real, 3), WCHG_E_STATE);
  ck_assert_str_eq(d.path, "AVP 0/0");
  ck_assert_uint_eq(d.offset, 0);
  init_tab_writer(&w, buf, sizeof buf, &d);
  ck_assert_int_eq(wchg_dw_u32_d(&w, NULL, 3), WCHG_E_STATE);
  ck_assert_str_eq(d.path, "AVP 0/0");
  /* after it */
  init_tab_writer(&w, buf, sizeof buf, &d);
  wchg_dw_header(&w, 0x80, 999, 99, 1, 2);
  ck_assert_int_eq(wchg_dw_u32_d(&w, real, 3), WCHG_E_ARG);
  ck_assert_str_eq(d.message,
                   "the descriptor is not an entry of the dictionary (wchg_dict_find)");
  ck_assert_uint_eq(w.len, 20);
  /* by (code, vendor) outside a group of tab: found in the real
   * dictionary, whose entry this writer refuses the same way */
  init_tab_writer(&w, buf, sizeof buf, &d);
  wchg_dw_header(&w, 0x80, 999, 99, 1, 2);
  ck_assert_int_eq(wchg_dw_u32(&w, 259, 0, 3), WCHG_E_ARG);
  ck_assert_str_eq(d.path, "AVP 0/0");
}
END_TEST

/* The value checks of each kind of call, IETF and vendor: the code, the
 * sentence, the entry's name, the offset. */
START_TEST(value_errors) {
  tab_init();
  static const struct {
    size_t type_index; /* of types[] */
    int what;
    wchg_status want;
    const char *message;
  } c[] = {
      {9, 0, WCHG_E_ARG, "the family must be 1 (IPv4) or 2 (IPv6)"}, /* family 3 */
      {9, 1, WCHG_E_ARG, "the family must be 1 (IPv4) or 2 (IPv6)"}, /* family 0 */
      {9, 2, WCHG_E_ARG, "the family must be 1 (IPv4) or 2 (IPv6)"}, /* IPv4, NULL */
      {9, 3, WCHG_E_ARG, "the family must be 1 (IPv4) or 2 (IPv6)"}, /* IPv6, NULL */
      {8, 0, WCHG_E_RANGE, "the time is outside 1968..2104"},          /* 2104 + 1 s */
      {8, 1, WCHG_E_RANGE, "the time is outside 1968..2104"},          /* 1968 - 1 s */
      {0, 0, WCHG_E_ARG, "NULL data"},
      {0, 1, WCHG_E_LIMIT, "the data does not fit a 24-bit length"},
      {1, 0, WCHG_E_ARG, "NULL text"},
      {1, 1, WCHG_E_LIMIT, "the data does not fit a 24-bit length"},
      {1, 2, WCHG_E_UTF8, "the text is not valid UTF-8"},
  };
  for (size_t k = 0; k < sizeof c / sizeof c[0]; k++)
    for (size_t vend = 0; vend < 2; vend++)
      for (int by_code = 0; by_code < 2; by_code++) {
        const wchg_dict_avp *e = &tab[2 * c[k].type_index + vend];
        uint8_t buf[128];
        wchg_dwriter w;
        wchg_diag d;
        wchg_status rc = WCHG_OK;
        size_t len;
        uint32_t code = e->code, vn = e->vendor;
        init_tab_writer(&w, buf, sizeof buf, &d);
        wchg_dw_header(&w, 0x80, 999, 99, 1, 2);
        wchg_dw_group_begin_d(&w, &tab[NE]);
        wchg_dw_u32_d(&w, &tab[8], 1); /* 12 octets before */
        switch (e->type) {
        case WCHG_AVP_ADDRESS: {
          int fam = c[k].what == 0 ? 3 : c[k].what == 1 ? 0 : c[k].what - 1;
          const uint8_t *a = c[k].what < 2 ? v6 : NULL;
          rc = by_code ? wchg_dw_address(&w, code, vn, fam, a) : wchg_dw_address_d(&w, e, fam, a);
          break;
        }
        case WCHG_AVP_TIME: {
          int64_t t = c[k].what == 0 ? 0x180000000LL - WCHG_NTP_UNIX_OFFSET
                                     : 0x7FFFFFFFLL - WCHG_NTP_UNIX_OFFSET;
          rc = by_code ? wchg_dw_time(&w, code, vn, t) : wchg_dw_time_d(&w, e, t);
          break;
        }
        case WCHG_AVP_OCTETSTRING: {
          const void *p = c[k].what == 0 ? NULL : "";
          size_t n = c[k].what == 0 ? 1 : 0xFFFFFF - 11;
          rc = by_code ? wchg_dw_octets(&w, code, vn, p, n) : wchg_dw_octets_d(&w, e, p, n);
          break;
        }
        case WCHG_AVP_UTF8STRING: {
          const char *p = c[k].what == 0 ? NULL : c[k].what == 1 ? "" : "ab\xc0\xaf" "cd";
          size_t n = c[k].what == 0 ? 1 : c[k].what == 1 ? 0xFFFFFF - 11 : 6;
          rc = by_code ? wchg_dw_utf8(&w, code, vn, p, n) : wchg_dw_utf8_d(&w, e, p, n);
          break;
        }
        default: ck_abort();
        }
        ck_assert_msg(rc == c[k].want, "case %zu, %s, by_code %d: %d", k, e->name, by_code, rc);
        ck_assert_str_eq(d.message, c[k].message);
        ck_assert_str_eq(d.path, e->name);
        ck_assert_uint_eq(d.offset, 40);
        ck_assert_uint_eq(w.len, 40);
        ck_assert_int_eq(wchg_dw_group_end(&w), c[k].want);
        ck_assert_int_eq(wchg_dw_finish(&w, &len), c[k].want);
        ck_assert_uint_eq(len, 40);
      }
}
END_TEST

/* ---- the real dictionary: edges of the header, raw, finish ------------ */

START_TEST(header_arguments) {
  uint8_t buf[64];
  wchg_dwriter w;
  wchg_diag d;
  size_t len = 99;
  /* a code over 24 bits */
  wchg_dw_init(&w, buf, sizeof buf, &d);
  ck_assert_int_eq(wchg_dw_header(&w, 0x80, 0x1000000, 3, 0, 0), WCHG_E_ARG);
  ck_assert_int_eq(d.code, WCHG_E_ARG);
  ck_assert_str_eq(d.message, "reserved command flags or a code over 24 bits");
  ck_assert_str_eq(d.path, "AVP 0/0");
  ck_assert_int_eq(w.depth, 0);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_ARG);
  ck_assert_uint_eq(len, 0);
  /* reserved flag bits */
  for (uint8_t bit = 1; bit < 0x10; bit <<= 1) {
    wchg_dw_init(&w, buf, sizeof buf, &d);
    ck_assert_int_eq(wchg_dw_header(&w, 0x80 | bit, 271, 3, 0, 0), WCHG_E_ARG);
    ck_assert_str_eq(d.message, "reserved command flags or a code over 24 bits");
  }
  /* the largest code and every defined flag */
  wchg_dw_init(&w, buf, sizeof buf, &d);
  ck_assert_int_eq(wchg_dw_header(&w, 0xF0, 0xFFFFFF, 7, 0x01020304, 0x05060708), WCHG_OK);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  uint8_t want[20] = {1, 0, 0, 20, 0xF0, 0xFF, 0xFF, 0xFF, 0, 0, 0, 7,
                      1, 2, 3, 4, 5, 6, 7, 8};
  ck_assert_uint_eq(len, 20);
  ck_assert_mem_eq(buf, want, 20);
  /* finish with no header */
  wchg_dw_init(&w, buf, sizeof buf, &d);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_STATE);
  ck_assert_str_eq(d.message, "no header was written");
  ck_assert_uint_eq(len, 0);
  /* finish with no |len| */
  ck_assert_int_eq(wchg_dw_finish(&w, NULL), WCHG_E_ARG);
  /* an unknown AVP of vendor only (code 0) is named by both numbers */
  wchg_dw_init(&w, buf, sizeof buf, &d);
  wchg_dw_header(&w, 0x80, 271, 3, 0, 0);
  ck_assert_int_eq(wchg_dw_u32(&w, 0, V3, 1), WCHG_E_ARG);
  ck_assert_str_eq(d.path, "AVP 0/10415");
  ck_assert_uint_eq(d.offset, 20);
  /* a known code with a vendor that has no such AVP, among the ACR's
   * rules (Acct-Application-Id is IETF): the search passes over it */
  wchg_dw_init(&w, buf, sizeof buf, &d);
  wchg_dw_header(&w, 0x80, 271, 3, 0, 0);
  ck_assert_int_eq(wchg_dw_u32(&w, 259, 0, 3), WCHG_OK);
  ck_assert_int_eq(wchg_dw_u32(&w, 259, V3, 3), WCHG_E_ARG);
  ck_assert_str_eq(d.path, "AVP 259/10415");
  ck_assert_uint_eq(d.offset, 32);
}
END_TEST

START_TEST(ntp_null) {
  ck_assert_int_eq(wchg_ntp_from_unix(0, NULL), WCHG_E_ARG);
  ck_assert_int_eq(wchg_ntp_from_unix(-3000000000LL, NULL), WCHG_E_ARG);
  uint32_t ntp = 0;
  ck_assert_int_eq(wchg_ntp_from_unix(0, &ntp), WCHG_OK);
  ck_assert_uint_eq(ntp, (uint32_t)WCHG_NTP_UNIX_OFFSET);
}
END_TEST

START_TEST(raw_checks) {
  uint8_t buf[64];
  wchg_dwriter w;
  wchg_diag d;
  size_t len;
  /* before the header */
  wchg_dw_init(&w, buf, sizeof buf, &d);
  ck_assert_int_eq(wchg_dw_raw(&w, 60000, 0, 0, "x", 1), WCHG_E_STATE);
  ck_assert_str_eq(d.message, "an AVP before the header");
  ck_assert_str_eq(d.path, "AVP 60000/0");
  /* vendor without V; a reserved flag bit; NULL data; too long */
  static const struct {
    uint32_t vendor;
    uint8_t flags;
    const void *data;
    size_t len;
  } bad[] = {{77, 0, "x", 1},
             {0, 0x01, "x", 1},
             {0, 0x10, "x", 1},
             {0, 0, NULL, 1},
             {0, 0, "x", 0xFFFFFF - 11},
             {77, WCHG_AVP_FLAG_V, "x", (size_t)-1}};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    wchg_dw_init(&w, buf, sizeof buf, &d);
    wchg_dw_header(&w, 0x80, 999, 99, 0, 0);
    ck_assert_int_eq(wchg_dw_raw(&w, 60000, bad[i].vendor, bad[i].flags, bad[i].data, bad[i].len),
                     WCHG_E_ARG);
    ck_assert_str_eq(d.message, "V must be set exactly for a vendor, reserved flags clear");
    ck_assert_uint_eq(w.len, 20);
  }
  /* NULL data of length 0, and the largest length while counting */
  wchg_dw_init(&w, NULL, 0, &d);
  wchg_dw_header(&w, 0x80, 999, 99, 0, 0);
  ck_assert_int_eq(wchg_dw_raw(&w, 60000, 0, 0, NULL, 0), WCHG_OK);
  ck_assert_int_eq(wchg_dw_raw(&w, 60001, 77, WCHG_AVP_FLAG_V | WCHG_AVP_FLAG_P, buf,
                               0xFFFFFF - 12), WCHG_OK);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_LIMIT);
  ck_assert_uint_eq(len, 20 + 8 + 0x1000000); /* 0xFFFFFF padded */
  ck_assert_str_eq(d.message, "the message exceeds a 24-bit length");
  /* written: P is kept as given */
  wchg_dw_init(&w, buf, sizeof buf, &d);
  wchg_dw_header(&w, 0x80, 999, 99, 0, 0);
  ck_assert_int_eq(wchg_dw_raw(&w, 60000, 0, 0, NULL, 0), WCHG_OK);
  ck_assert_int_eq(wchg_dw_raw(&w, 0x01020304, 77, WCHG_AVP_FLAG_V | WCHG_AVP_FLAG_P, "ab", 2),
                   WCHG_OK);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  static const uint8_t want[] = {0, 0, 0xea, 0x60, 0, 0, 0, 8,
                                 1, 2, 3, 4, 0xa0, 0, 0, 14, 0, 0, 0, 77, 'a', 'b', 0, 0};
  ck_assert_uint_eq(len, 20 + sizeof want);
  ck_assert_mem_eq(buf + 20, want, sizeof want);
}
END_TEST

/* A Grouped AVP over 24 bits: refused when closed, while counting and
 * when written (16 MiB of buffer). */
START_TEST(group_over_24_bits) {
  static const size_t half = 0x800000;
  uint8_t *src = calloc(1, half);
  ck_assert_ptr_nonnull(src);
  for (int written = 0; written < 2; written++) {
    size_t cap = written ? 20 + 8 + 2 * (8 + half) : 0;
    uint8_t *buf = written ? malloc(cap) : NULL;
    wchg_dwriter w;
    wchg_diag d;
    size_t len;
    if (written)
      ck_assert_ptr_nonnull(buf);
    wchg_dw_init(&w, buf, cap, &d);
    wchg_dw_header(&w, 0x80, 999, 99, 0, 0);
    ck_assert_int_eq(wchg_dw_group_begin(&w, 279, 0), WCHG_OK); /* Failed-AVP */
    ck_assert_int_eq(wchg_dw_raw(&w, 60000, 0, 0, src, half), WCHG_OK);
    ck_assert_int_eq(wchg_dw_raw(&w, 60001, 0, 0, src, half), WCHG_OK);
    ck_assert_uint_eq(w.len, 20 + 8 + 2 * (8 + half));
    ck_assert_int_eq(wchg_dw_group_end(&w), WCHG_E_LIMIT);
    ck_assert_str_eq(d.message, "the Grouped AVP exceeds a 24-bit length");
    ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_E_LIMIT);
    free(buf);
  }
  free(src);
}
END_TEST

Suite *cov_avp_enc_suite(void) {
  Suite *s = suite_create("cov_avp_enc");
  TCase *t = tcase_create("writer");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, every_type_every_room);
  tcase_add_test(t, by_code_wraps_around);
  tcase_add_test(t, every_type_every_error);
  tcase_add_test(t, errors_while_counting);
  tcase_add_test(t, entries_of_another_table);
  tcase_add_test(t, value_errors);
  tcase_add_test(t, header_arguments);
  tcase_add_test(t, ntp_null);
  tcase_add_test(t, raw_checks);
  tcase_add_test(t, group_over_24_bits);
  suite_add_tcase(s, t);
  return s;
}
