/* test_cov_dict.c: cov_dict_suite — the facts the reader takes from the
 * dictionary (wchgi_dict_rules_meta, wchgi_dict_avp_meta; dict_meta.inc
 * is what they derive from the table) for shapes the table does not have
 * today: a rule of min or max over 1, more than 96 and 128 rules, an
 * Enumerated without names, names out of order or repeated, Float types.
 * A dictionary that grows into one of them must get the same facts the
 * reader's fast paths rely on (simple: every min <= 1 and at most 128
 * rules; flat: simple, every max <= 1 and at most 96 rules).
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "base/internal.h"
#include "testutil.h"

static wchg_dict_rule rules[140];

static void rules_init(size_t n, uint16_t min, uint16_t max) {
  memset(rules, 0, sizeof rules);
  for (size_t i = 0; i < n; i++) {
    rules[i].code = 1000 + (uint32_t)i;
    rules[i].min = min;
    rules[i].max = max;
  }
}

static struct wchgi_dict_meta facts(size_t n) {
  struct wchgi_dict_meta m;
  memset(&m, 0xA5, sizeof m); /* each fact is set, not left over */
  wchgi_dict_rules_meta(&m, rules, n);
  return m;
}

START_TEST(rules_simple_and_flat) {
  struct wchgi_dict_meta m;
  /* { } x3 fixed first, then [ ], *[ ] */
  rules_init(6, 0, 1);
  rules[0].fixed = rules[1].fixed = true;
  rules[0].min = rules[1].min = rules[2].min = 1;
  rules[5].max = 0;
  m = facts(6);
  ck_assert_uint_eq(m.nfixed, 2);
  ck_assert_uint_eq(m.req[0], 0x7);
  ck_assert_uint_eq(m.req[1], 0);
  ck_assert_uint_eq(m.once[0], 0x1F);
  ck_assert_uint_eq(m.once[1], 0);
  ck_assert(m.simple && m.flat);
  /* a rule of min 2 (2*2{ AVP }): neither simple nor flat */
  rules[3].min = 2;
  rules[3].max = 2;
  m = facts(6);
  ck_assert(!m.simple && !m.flat);
  ck_assert_uint_eq(m.req[0], 0xF);
  ck_assert_uint_eq(m.once[0], 0x17);
  /* min 2, unbounded (2*{ AVP }): not simple, so not flat */
  rules[3].max = 0;
  m = facts(6);
  ck_assert(!m.simple && !m.flat);
  ck_assert_uint_eq(m.once[0], 0x17);
  /* max 3 only: simple, not flat */
  rules[3].min = 0;
  rules[3].max = 3;
  m = facts(6);
  ck_assert(m.simple && !m.flat);
  ck_assert_uint_eq(m.req[0], 0x7);
  ck_assert_uint_eq(m.once[0], 0x17);
  /* nothing */
  m = facts(0);
  ck_assert(m.simple && m.flat);
  ck_assert_uint_eq(m.nfixed, 0);
  ck_assert_uint_eq(m.req[0] | m.req[1] | m.once[0] | m.once[1], 0);
  /* every rule fixed */
  rules_init(3, 1, 1);
  for (int i = 0; i < 3; i++)
    rules[i].fixed = true;
  ck_assert_uint_eq(facts(3).nfixed, 3);
}
END_TEST

/* The counts: 96 rules flat, 97 not; 128 simple, 129 not, and the bits
 * stop at 128. */
START_TEST(rules_counts) {
  struct wchgi_dict_meta m;
  rules_init(140, 1, 1);
  m = facts(96);
  ck_assert(m.simple && m.flat);
  ck_assert_uint_eq(m.req[0], UINT64_MAX);
  ck_assert_uint_eq(m.req[1], UINT32_MAX);
  m = facts(97);
  ck_assert(m.simple && !m.flat);
  m = facts(128);
  ck_assert(m.simple && !m.flat);
  ck_assert_uint_eq(m.req[1], UINT64_MAX);
  ck_assert_uint_eq(m.once[1], UINT64_MAX);
  m = facts(130);
  ck_assert(!m.simple && !m.flat);
  ck_assert_uint_eq(m.req[0], UINT64_MAX);
  ck_assert_uint_eq(m.req[1], UINT64_MAX);
  ck_assert_uint_eq(m.once[1], UINT64_MAX);
}
END_TEST

static struct wchgi_dict_meta avp_facts(wchg_avp_type t, uint32_t vendor, wchg_flag_rule m_rule,
                                        const wchg_dict_enum *e, size_t n) {
  wchg_dict_avp a;
  struct wchgi_dict_meta m;
  memset(&a, 0, sizeof a);
  a.code = 70000;
  a.vendor = vendor;
  a.name = "X";
  a.type = t;
  a.m_rule = m_rule;
  a.enums = e;
  a.n_enums = n;
  memset(&m, 0xA5, sizeof m);
  wchgi_dict_avp_meta(&m, &a);
  return m;
}

START_TEST(enumerations) {
  static const wchg_dict_enum unsorted[] = {{3, "c"}, {1, "a"}, {2, "b"}};
  static const wchg_dict_enum repeated[] = {{1, "a"}, {1, "b"}, {3, "c"}};
  static const wchg_dict_enum sparse[] = {{5, "e"}, {1, "a"}};
  static const wchg_dict_enum negative[] = {{-1, "m"}, {-2, "n"}};
  struct wchgi_dict_meta m;
  m = avp_facts(WCHG_AVP_ENUMERATED, 0, WCHG_RULE_MUST, NULL, 0);
  ck_assert_uint_eq(m.kind, WCHG_DK_FIXED4); /* no names: any value */
  ck_assert(!m.dense);
  ck_assert_int_eq(m.lo, 0);
  ck_assert_int_eq(m.hi, 0);
  m = avp_facts(WCHG_AVP_ENUMERATED, 0, WCHG_RULE_MUST, unsorted, 3);
  ck_assert_uint_eq(m.kind, WCHG_DK_ENUM_DENSE);
  ck_assert(m.dense);
  ck_assert_int_eq(m.lo, 1);
  ck_assert_int_eq(m.hi, 3);
  m = avp_facts(WCHG_AVP_ENUMERATED, 0, WCHG_RULE_MUST, repeated, 3);
  ck_assert_uint_eq(m.kind, WCHG_DK_ENUM);
  ck_assert(!m.dense);
  ck_assert_int_eq(m.lo, 0);
  ck_assert_int_eq(m.hi, 0);
  m = avp_facts(WCHG_AVP_ENUMERATED, 0, WCHG_RULE_MUST, sparse, 2);
  ck_assert_uint_eq(m.kind, WCHG_DK_ENUM);
  ck_assert(!m.dense);
  m = avp_facts(WCHG_AVP_ENUMERATED, 0, WCHG_RULE_MUST, negative, 2);
  ck_assert_uint_eq(m.kind, WCHG_DK_ENUM_DENSE);
  ck_assert_int_eq(m.lo, -2);
  ck_assert_int_eq(m.hi, -1);
}
END_TEST

START_TEST(types_and_flags) {
  static const struct {
    wchg_avp_type t;
    uint8_t kind;
  } k[] = {{WCHG_AVP_OCTETSTRING, WCHG_DK_ANY},      {WCHG_AVP_INTEGER32, WCHG_DK_FIXED4},
           {WCHG_AVP_INTEGER64, WCHG_DK_FIXED8},     {WCHG_AVP_UNSIGNED32, WCHG_DK_FIXED4},
           {WCHG_AVP_UNSIGNED64, WCHG_DK_FIXED8},    {WCHG_AVP_FLOAT32, WCHG_DK_FIXED4},
           {WCHG_AVP_FLOAT64, WCHG_DK_FIXED8},       {WCHG_AVP_GROUPED, WCHG_DK_GROUP},
           {WCHG_AVP_ADDRESS, WCHG_DK_ADDRESS},      {WCHG_AVP_TIME, WCHG_DK_FIXED4},
           {WCHG_AVP_UTF8STRING, WCHG_DK_UTF8},      {WCHG_AVP_DIAMETERIDENTITY, WCHG_DK_ANY},
           {WCHG_AVP_DIAMETERURI, WCHG_DK_ANY}};
  for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
    struct wchgi_dict_meta m = avp_facts(k[i].t, 0, WCHG_RULE_MUST, NULL, 0);
    ck_assert_msg(m.kind == k[i].kind, "type %d: kind %u", (int)k[i].t, m.kind);
    /* no children: no rules */
    ck_assert(m.simple && m.flat);
    ck_assert_uint_eq(m.nfixed, 0);
  }
  /* the flag byte: V with a vendor, M by the rule, M free when MAY */
  struct wchgi_dict_meta m = avp_facts(WCHG_AVP_UTF8STRING, 10415, WCHG_RULE_MAY, NULL, 0);
  ck_assert_uint_eq(m.fmask, 0xBF);
  ck_assert_uint_eq(m.fval, 0x80);
  m = avp_facts(WCHG_AVP_UTF8STRING, 10415, WCHG_RULE_MUST, NULL, 0);
  ck_assert_uint_eq(m.fmask, 0xFF);
  ck_assert_uint_eq(m.fval, 0xC0);
  m = avp_facts(WCHG_AVP_UTF8STRING, 0, WCHG_RULE_MUSTNOT, NULL, 0);
  ck_assert_uint_eq(m.fmask, 0xFF);
  ck_assert_uint_eq(m.fval, 0x00);
}
END_TEST

/* An entry of the table gets what dict_meta.inc holds for it. */
START_TEST(entries_as_the_table) {
  size_t n;
  const wchg_dict_avp *avps = wchg_dict_avps(&n), *base;
  const struct wchgi_dict_meta *table = wchgi_dict_meta_table(&base);
  for (size_t i = 0; i < n; i++) {
    struct wchgi_dict_meta m;
    const struct wchgi_dict_meta *t = wchg_dict_meta_of(table, base, &avps[i]);
    wchgi_dict_avp_meta(&m, &avps[i]);
    ck_assert_msg(memcmp(&m.req, &t->req, sizeof m.req) == 0 && m.simple == t->simple &&
                      m.flat == t->flat && m.kind == t->kind && m.dense == t->dense,
                  "%s", avps[i].name);
  }
}
END_TEST

Suite *cov_dict_suite(void) {
  Suite *s = suite_create("cov_dict");
  TCase *t = tcase_create("meta");
  tcase_add_test(t, rules_simple_and_flat);
  tcase_add_test(t, rules_counts);
  tcase_add_test(t, enumerations);
  tcase_add_test(t, types_and_flags);
  tcase_add_test(t, entries_as_the_table);
  suite_add_tcase(s, t);
  return s;
}
