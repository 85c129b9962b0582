/* test_avp_receive.c: avp_receive_suite — the reader's two policies
 * (diameter.h, wchg_dmsg_parse_ex). Every row of the README's table
 * "What the reader accepts from peers" as one case: the same message
 * read strictly (the refusal: Result-Code, path, offset) and in the
 * receive policy (accepted with the warning that names the same, or
 * refused as strict refuses it); then the shapes real peers sent (the P
 * bit, M clear on Origin-Host, unknown vendor AVPs with M, a 13-octet
 * 3GPP-Charging-Id). Messages are the hand-built sample ACR with one
 * octet changed, or built with the writer and wchg_dw_raw.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdarg.h>
#include <string.h>

#include "diam_samples.h"
#include "testutil.h"

#define V3 10415u
#define IMS "Service-Information/IMS-Information"

static uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The sample ACR in |buf| (2048 octets); its size. */
static size_t acr(uint8_t *buf) {
  size_t len;
  ck_assert_int_eq(sample_acr(buf, 2048, &len), WCHG_OK);
  return len;
}

/* The offset of the AVP at the end of a path of (code, vendor) pairs,
 * |n| pairs, in the (clean) message |buf|. */
static size_t offset_of(const uint8_t *buf, size_t len, int n, ...) {
  wchg_dmsg m;
  wchg_avp a, g;
  va_list ap;
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, WCHG_DPARSE_NO_ABNF, &m, NULL), WCHG_OK);
  va_start(ap, n);
  for (int i = 0; i < n; i++) {
    uint32_t code = va_arg(ap, uint32_t), vendor = va_arg(ap, uint32_t);
    ck_assert_msg(wchg_avp_find(&m, i ? &g : NULL, code, vendor, &a), "no AVP %u", code);
    g = a;
  }
  va_end(ap);
  return a.offset;
}

/* Make the AVP at |avp| one of code |code|. */
static void set_code(uint8_t *avp, uint32_t code) {
  avp[2] = (uint8_t)(code >> 8);
  avp[3] = (uint8_t)code;
}

/* What one message gives in each policy. */
struct expect {
  uint32_t result;    /* strict's Result-Code (0: strict accepts) */
  const char *path;   /* its path */
  size_t offset;      /* its offset */
  bool receive_ok;    /* receive accepts ... */
  size_t warnings;    /* ... with this many warnings (also when refused) */
  const char *wpath;  /* the first warning's path (NULL: as strict's) */
  const char *wmsg;   /* the first warning's sentence (NULL: not checked) */
};

/* Read |buf| both ways (|opts| besides the policy) and check |e|. */
static void both(const uint8_t *buf, size_t len, unsigned opts, const struct expect *e) {
  wchg_dmsg m;
  wchg_diag d, sd, items[8];
  wchg_warnings w = {items, 8, 0};
  wchg_status st = wchg_dmsg_parse_ex(buf, len, opts, &m, &sd, &w);
  ck_assert_uint_eq(w.count, 0); /* strict adds none */
  if (!e->result) {
    ck_assert_int_eq(st, WCHG_OK);
  } else {
    ck_assert_int_eq(st, WCHG_E_DIAMETER);
    ck_assert_uint_eq(sd.result_code, e->result);
    ck_assert_str_eq(sd.path, e->path);
    ck_assert_uint_eq(sd.offset, e->offset);
  }
  /* wchg_dmsg_parse is the strict policy */
  ck_assert_int_eq(wchg_dmsg_parse(buf, len, opts, &m, &d), st);
  ck_assert_int_eq(d.code, sd.code);
  ck_assert_str_eq(d.message, sd.message);

  st = wchg_dmsg_parse_ex(buf, len, opts | WCHG_DPARSE_RECEIVE, &m, &d, &w);
  ck_assert_uint_eq(w.count, e->warnings);
  if (e->receive_ok) {
    ck_assert_int_eq(st, WCHG_OK);
    ck_assert_int_eq(d.code, WCHG_OK);
    ck_assert_ptr_eq(m.data, buf);
  } else { /* refused as strict refuses it (the same diagnosis when no
            * warning came before) */
    ck_assert_int_eq(st, WCHG_E_DIAMETER);
    ck_assert_uint_eq(d.result_code, e->result);
    if (!e->warnings) {
      ck_assert_str_eq(d.path, sd.path);
      ck_assert_uint_eq(d.offset, sd.offset);
      ck_assert_str_eq(d.message, sd.message);
    }
    ck_assert_ptr_null(m.data);
  }
  if (e->warnings && e->receive_ok) { /* the warning says what strict said */
    ck_assert_int_eq(items[0].code, WCHG_E_DIAMETER);
    ck_assert_uint_eq(items[0].result_code, e->result);
    ck_assert_str_eq(items[0].path, e->wpath ? e->wpath : e->path);
    ck_assert_uint_eq(items[0].offset, e->offset);
    if (!e->wpath)
      ck_assert_str_eq(items[0].message, sd.message);
    if (e->wmsg)
      ck_assert_str_eq(items[0].message, e->wmsg);
  }
  /* counting only (no items) counts the same */
  wchg_warnings count = {NULL, 0, 0};
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, opts | WCHG_DPARSE_RECEIVE, &m, NULL, &count),
                   e->receive_ok ? WCHG_OK : WCHG_E_DIAMETER);
  ck_assert_uint_eq(count.count, e->warnings);
}

/* ---- the table, row by row ------------------------------------------------ */

/* Reserved command flag bits: ignored by a receiver (RFC 6733 §3). */
START_TEST(command_flags_reserved) {
  uint8_t buf[2048];
  size_t len = acr(buf);
  buf[4] |= 0x03;
  both(buf, len, 0,
       &(struct expect){3008, "", 4, true, 1, "Command-Flags",
                        "reserved command flag bits set (0x03); RFC 6733 3: they must be clear"});
}
END_TEST

/* E with R: refused in both. */
START_TEST(command_flags_e_with_r) {
  uint8_t buf[2048];
  size_t len = acr(buf);
  buf[4] |= WCHG_CMD_FLAG_E;
  both(buf, len, 0, &(struct expect){3008, "", 4, false, 0, NULL, NULL});
  buf[4] |= 0x01; /* with a reserved bit: still refused, no warning first */
  both(buf, len, 0, &(struct expect){3008, "", 4, false, 0, NULL, NULL});
}
END_TEST

/* The P bit set, flags 0x60 (RFC 3588-era peers): 3009 strict. */
START_TEST(p_bit) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 1, 264u, 0u);
  ck_assert_uint_eq(buf[at + 4], 0x40);
  buf[at + 4] = 0x60;
  both(buf, len, 0,
       &(struct expect){3009, "Origin-Host", at, true, 1, NULL,
                        "P bit set; the rule of Origin-Host is P must not (RFC 6733 4.1)"});
  /* the AVP reads as before: flags as received */
  wchg_dmsg m;
  wchg_avp a;
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, NULL, NULL), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 264, 0, &a));
  ck_assert_uint_eq(a.flags, 0x60);
  ck_assert_uint_eq(a.len, 22);
}
END_TEST

/* A reserved AVP flag bit. */
START_TEST(avp_flags_reserved) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 1, 264u, 0u);
  buf[at + 4] = 0x41;
  both(buf, len, 0,
       &(struct expect){3009, "Origin-Host", at, true, 1, NULL,
                        "reserved flag bits set (0x01); RFC 6733 4.1: they must be clear"});
}
END_TEST

/* M clear on a base AVP whose rule is M must (Origin-Host). */
START_TEST(m_clear_on_origin_host) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 1, 264u, 0u);
  buf[at + 4] = 0x00;
  both(buf, len, 0,
       &(struct expect){3009, "Origin-Host", at, true, 1, NULL,
                        "M bit clear; the rule of Origin-Host is M must"});
  /* also without the ABNF checks: a flag rule, not an occurrence rule */
  both(buf, len, WCHG_DPARSE_NO_ABNF,
       &(struct expect){3009, "Origin-Host", at, true, 1, NULL, NULL});
}
END_TEST

/* M set on 657 (Wireshark's dictionary says M must; TS 29.229 says not). */
START_TEST(m_set_on_657) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 3, 873u, V3, 876u, V3, 657u, V3);
  buf[at + 4] |= WCHG_AVP_FLAG_M;
  both(buf, len, 0,
       &(struct expect){3009, IMS "/WebRTC-Authentication-Function-Name", at, true, 1, NULL,
                        "M bit set; the rule of WebRTC-Authentication-Function-Name is M "
                        "must not"});
}
END_TEST

/* A message of an unknown command (no ABNF at the top) holding |avps|. */
static size_t raw_msg(uint8_t *buf, const uint8_t *avps, size_t n) {
  size_t len = 20 + n;
  memset(buf, 0, 20);
  buf[0] = 1;
  buf[3] = (uint8_t)len;
  buf[4] = 0x80;
  buf[7] = 99;
  memcpy(buf + 20, avps, n);
  return len;
}

/* The V bit with Vendor-Id 0: read as the IETF AVP of that code. */
START_TEST(v_bit_with_vendor_0) {
  static const uint8_t v0[] = {0, 0, 1, 7, 0xC0, 0, 0, 16, 0, 0, 0, 0, 'a', 'b', 'c', 'd'};
  uint8_t buf[64];
  size_t len = raw_msg(buf, v0, sizeof v0);
  both(buf, len, 0,
       &(struct expect){3009, "Session-Id", 20, true, 1, NULL,
                        "V bit set with Vendor-Id 0; the rule of Session-Id is V must not"});
  wchg_dmsg m;
  wchg_avp a;
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, NULL, NULL), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 263, 0, &a));
  ck_assert_ptr_eq(a.dict, wchg_dict_find(263, 0));
  ck_assert_uint_eq(a.len, 4);
  ck_assert_mem_eq(a.data, "abcd", 4);
}
END_TEST

/* An Enumerated value the dictionary does not name: kept as its number. */
START_TEST(enum_not_in_list) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 3, 873u, V3, 876u, V3, 829u, V3);
  buf[at + 15] = 7;
  both(buf, len, 0,
       &(struct expect){5004, IMS "/Role-Of-Node", at, true, 1, NULL,
                        "7 is not a value of Role-Of-Node"});
  wchg_dmsg m;
  wchg_avp si, ims, a;
  int32_t v;
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, NULL, NULL), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 873, V3, &si) && wchg_avp_find(&m, &si, 876, V3, &ims) &&
            wchg_avp_find(&m, &ims, 829, V3, &a));
  ck_assert_int_eq(wchg_avp_i32(&a, &v), WCHG_OK);
  ck_assert_int_eq(v, 7);
  /* an Enumerated with gaps in its values (Trigger-Type, 1..76, 40 names) */
  static const uint8_t trig[] = {0, 0, 3, 102, 0xC0, 0, 0, 16, 0, 0, 0x28, 0xAF, 0, 0, 0, 100};
  uint8_t raw[64];
  size_t rlen = raw_msg(raw, trig, sizeof trig);
  both(raw, rlen, 0,
       &(struct expect){5004, "Trigger-Type", 20, true, 1, NULL,
                        "100 is not a value of Trigger-Type"});
  /* an enum of the wrong size is a type size: refused in both */
  buf[at + 7] = 15; /* 15 octets: 3 of data, the padding octet made data */
  both(buf, len, 0, &(struct expect){5014, IMS "/Role-Of-Node", at, false, 0, NULL, NULL});
}
END_TEST

/* A UTF8String that is not UTF-8: the octets kept; the offset is the
 * first bad octet's. */
START_TEST(utf8_invalid) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 4, 873u, V3, 876u, V3, 823u, V3, 824u, V3);
  buf[at + 12 + 2] = 0xFF; /* "IN\xffITE" */
  both(buf, len, 0,
       &(struct expect){5004, IMS "/Event-Type/SIP-Method", at + 14, true, 1, NULL,
                        "the text is not valid UTF-8 (octet 2)"});
}
END_TEST

/* An Address of another family (8, E.164): kept; family 1 or 2 with the
 * wrong size and an Address without its family octets: refused. */
START_TEST(address_family) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 3, 873u, V3, 876u, V3, 848u, V3);
  buf[at + 13] = 8;
  both(buf, len, 0,
       &(struct expect){5004, IMS "/Served-Party-IP-Address", at, true, 1, NULL,
                        "address family 8 is not 1 (IPv4) or 2 (IPv6)"});
  buf[at + 13] = 2; /* IPv6 in 4 octets */
  both(buf, len, 0,
       &(struct expect){5014, IMS "/Served-Party-IP-Address", at, false, 0, NULL, NULL});
  /* one data octet: no family */
  static const uint8_t one[] = {0, 0, 3, 80, 0xC0, 0, 0, 13, 0, 0, 0x28, 0xAF, 9, 0, 0, 0};
  uint8_t raw[64];
  len = raw_msg(raw, one, sizeof one);
  both(raw, len, 0,
       &(struct expect){5004, "Served-Party-IP-Address", 20, false, 0, NULL, NULL});
}
END_TEST

/* SIP-Request-Timestamp-Fraction over 999 (a peer's 123456): the
 * reader's range, 5004 in strict (a change: before, strict accepted it
 * and only the ACR decoder refused), a warning in receive. */
START_TEST(fraction_123456) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 4, 873u, V3, 876u, V3, 833u, V3, 2301u, V3);
  ck_assert_uint_eq(be32(buf + at + 12), 125);
  buf[at + 13] = 0x01;
  buf[at + 14] = 0xE2;
  buf[at + 15] = 0x40; /* 123456 */
  both(buf, len, 0,
       &(struct expect){5004, IMS "/Time-Stamps/SIP-Request-Timestamp-Fraction", at, true, 1,
                        NULL,
                        "123456 is over 999: SIP-Request-Timestamp-Fraction holds "
                        "milliseconds (0..999)"});
  both(buf, len, WCHG_DPARSE_NO_ABNF,
       &(struct expect){5004, IMS "/Time-Stamps/SIP-Request-Timestamp-Fraction", at, true, 1,
                        NULL, NULL});
  /* 999 is a value; 1000 is not (the response's) */
  len = acr(buf);
  at = offset_of(buf, len, 4, 873u, V3, 876u, V3, 833u, V3, 2302u, V3);
  buf[at + 14] = 0x03;
  buf[at + 15] = 0xE7;
  both(buf, len, 0, &(struct expect){0, NULL, 0, true, 0, NULL, NULL});
  buf[at + 15] = 0xE8;
  both(buf, len, 0,
       &(struct expect){5004, IMS "/Time-Stamps/SIP-Response-Timestamp-Fraction", at, true, 1,
                        NULL, NULL});
}
END_TEST

/* A known AVP that a group without *[ AVP ] does not list: SIP-Method
 * inside Event-Type turned into User-Session-Id (830). */
START_TEST(not_allowed_here) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 4, 873u, V3, 876u, V3, 823u, V3, 824u, V3);
  set_code(buf + at, 830);
  both(buf, len, 0,
       &(struct expect){5008, IMS "/Event-Type/User-Session-Id", at, true, 1, NULL,
                        "User-Session-Id is not allowed here"});
  both(buf, len, WCHG_DPARSE_NO_ABNF, &(struct expect){0, NULL, 0, true, 0, NULL, NULL});
}
END_TEST

/* An unknown AVP without M in such a group: accepted by both, no
 * warning (RFC 6733 §4.1 lets a receiver skip it). */
START_TEST(unknown_without_m_in_closed_group) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 4, 873u, V3, 876u, V3, 833u, V3, 2302u, V3);
  set_code(buf + at, 2399);
  buf[at + 4] = WCHG_AVP_FLAG_V;
  both(buf, len, 0, &(struct expect){0, NULL, 0, true, 0, NULL, NULL});
  buf[at + 4] |= WCHG_AVP_FLAG_M; /* with M: 5001 in both */
  both(buf, len, 0,
       &(struct expect){5001, IMS "/Time-Stamps/AVP(2399,10415)", at, false, 0, NULL, NULL});
}
END_TEST

/* An AVP more often than its ABNF allows: Role-Of-Node turned into a
 * second Node-Functionality. */
START_TEST(occurs_too_many_times) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 3, 873u, V3, 876u, V3, 829u, V3);
  size_t second = offset_of(buf, len, 3, 873u, V3, 876u, V3, 862u, V3);
  set_code(buf + at, 862);
  both(buf, len, 0,
       &(struct expect){5009, IMS "/Node-Functionality", second, true, 1, NULL,
                        "Node-Functionality occurs more than 1 time(s)"});
  both(buf, len, WCHG_DPARSE_NO_ABNF, &(struct expect){0, NULL, 0, true, 0, NULL, NULL});
}
END_TEST

/* Session-Id (the fixed-position AVP) second: kept, found. */
START_TEST(fixed_position_out_of_place) {
  uint8_t buf[256];
  size_t len;
  wchg_dwriter w;
  wchg_dw_init(&w, buf, sizeof buf, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, 271, 3, 1, 2);
  wchg_dw_octets(&w, 264, 0, "pcscf1", 6);
  wchg_dw_utf8(&w, 263, 0, "pcscf1;1;2", 10);
  wchg_dw_octets(&w, 296, 0, "ims", 3);
  wchg_dw_octets(&w, 283, 0, "ims", 3);
  wchg_dw_i32(&w, 480, 0, 1);
  wchg_dw_u32(&w, 485, 0, 0);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  both(buf, len, 0,
       &(struct expect){5005, "Session-Id", 20, true, 1, NULL,
                        "Session-Id must be AVP number 1 here"});
  wchg_dmsg m;
  wchg_avp a;
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, NULL, NULL), WCHG_OK);
  ck_assert(wchg_avp_find(&m, NULL, 263, 0, &a));
  ck_assert_uint_eq(a.offset, 36);
}
END_TEST

/* A missing required AVP: refused in both. Session-Id turned into a
 * second User-Name: strict stops at the place (5005); receive warns of
 * the place and the repetition, and refuses the absence (5005). */
START_TEST(missing_avp) {
  uint8_t buf[2048];
  wchg_dmsg m;
  wchg_diag d, items[4];
  wchg_warnings w = {items, 4, 0};
  size_t len = acr(buf), user = offset_of(buf, len, 1, 1u, 0u);
  buf[22] = 0;
  buf[23] = 1;
  both(buf, len, 0, &(struct expect){5005, "Session-Id", 20, false, 2, NULL, NULL});
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, &d, &w),
                   WCHG_E_DIAMETER);
  ck_assert_str_eq(d.path, "Session-Id");
  ck_assert_str_eq(d.message, "Session-Id is missing");
  ck_assert_uint_eq(d.offset, 0);
  ck_assert_uint_eq(items[0].result_code, 5005);
  ck_assert_uint_eq(items[0].offset, 20);
  ck_assert_uint_eq(items[1].result_code, 5009);
  ck_assert_str_eq(items[1].path, "User-Name");
  ck_assert_uint_eq(items[1].offset, user);
  /* a missing child of a group: Node-Functionality (turned into 2399) */
  len = acr(buf);
  size_t nf = offset_of(buf, len, 3, 873u, V3, 876u, V3, 862u, V3);
  size_t ims = offset_of(buf, len, 2, 873u, V3, 876u, V3);
  set_code(buf + nf, 2399);
  buf[nf + 4] = WCHG_AVP_FLAG_V;
  both(buf, len, 0,
       &(struct expect){5005, IMS "/Node-Functionality", ims, false, 0, NULL, NULL});
}
END_TEST

/* Padding that is not zero: refused in both (RFC 6733 §4.1). */
START_TEST(padding_not_zero) {
  uint8_t buf[2048];
  size_t len = acr(buf), at = offset_of(buf, len, 1, 1u, 0u);
  size_t pad = at + 8 + 21; /* User-Name: 21 octets, 3 of padding */
  buf[pad + 1] = 0x20;
  both(buf, len, 0, &(struct expect){5004, "User-Name", pad + 1, false, 0, NULL, NULL});
}
END_TEST

/* Lengths: an AVP running past the message, or its padding past the
 * group that holds it (Proxy-Host, 9 octets, ends Proxy-Info), refused
 * in both. */
START_TEST(length_past_the_end) {
  uint8_t buf[2048];
  size_t len = acr(buf);
  buf[25] = 0xFF;
  both(buf, len, 0, &(struct expect){5014, "Session-Id", 20, false, 0, NULL, NULL});
  static const uint8_t proxy[] = {0, 0, 1, 28, 0x40, 0, 0, 17,  /* Proxy-Info, 17 */
                                  0, 0, 1, 24, 0x40, 0, 0, 9, 'x', 0, 0, 0};
  len = raw_msg(buf, proxy, sizeof proxy);
  both(buf, len, 0,
       &(struct expect){5014, "Proxy-Info/Proxy-Host", 28, false, 0, NULL,
                        NULL});
}
END_TEST

/* Nesting past WCHG_DIAM_MAX_DEPTH: refused in both (5012). */
START_TEST(too_deep) {
  enum { LEVELS = WCHG_DIAM_MAX_DEPTH + 2 };
  uint8_t buf[20 + 8 * LEVELS];
  wchg_dmsg m;
  wchg_diag d;
  memset(buf, 0, sizeof buf);
  buf[0] = 1;
  buf[3] = (uint8_t)sizeof buf;
  buf[4] = 0x40; /* an ACA: Proxy-Info allowed */
  buf[7] = 271 & 0xFF;
  buf[6] = 271 >> 8;
  buf[11] = 3;
  for (int i = 0; i < LEVELS; i++) {
    uint8_t *p = buf + 20 + 8 * i;
    p[2] = 0x01;
    p[3] = 0x1C; /* Proxy-Info (284) */
    p[4] = 0x40;
    p[7] = (uint8_t)(8 * (LEVELS - i));
  }
  for (unsigned opt = 0; opt < 2; opt++) {
    ck_assert_int_eq(wchg_dmsg_parse_ex(buf, sizeof buf,
                                        WCHG_DPARSE_NO_ABNF | (opt ? WCHG_DPARSE_RECEIVE : 0),
                                        &m, &d, NULL),
                     WCHG_E_DIAMETER);
    ck_assert_uint_eq(d.result_code, 5012);
  }
}
END_TEST

/* Failed-AVP's children are not judged, in either policy. */
START_TEST(failed_avp_opaque) {
  uint8_t buf[256];
  size_t len;
  wchg_dwriter w;
  wchg_dw_init(&w, buf, sizeof buf, NULL);
  wchg_dw_header(&w, 0x40, 271, 3, 1, 2);
  wchg_dw_utf8(&w, 263, 0, "cdf;1;2", 7);
  wchg_dw_u32(&w, 268, 0, 3009);
  wchg_dw_octets(&w, 264, 0, "cdf", 3);
  wchg_dw_octets(&w, 296, 0, "example.net", 11);
  wchg_dw_i32(&w, 480, 0, 2);
  wchg_dw_u32(&w, 485, 0, 0);
  wchg_dw_group_begin(&w, 279, 0);
  wchg_dw_raw(&w, 264, 0, 0x60, "x", 1);     /* P set */
  wchg_dw_raw(&w, 480, 0, 0x00, "\0\0\0\x09", 4); /* M clear, no such value */
  wchg_dw_group_end(&w);
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  both(buf, len, 0, &(struct expect){0, NULL, 0, true, 0, NULL, NULL});
  /* a child that is not a whole AVP (the last, 12 octets, made 13 long):
   * refused in both */
  buf[len - 12 + 7] = 13;
  both(buf, len, 0, &(struct expect){5014, "Failed-AVP", len - 12, false, 0, NULL, NULL});
}
END_TEST

/* ---- what real peers sent ----------------------------------------------------- */

/* An ACR whose top level (or IMS-Information) carries |avp| as a raw
 * AVP, at the end; *|at| its offset. */
static size_t acr_with(uint8_t *buf, size_t cap, bool in_ims, uint32_t code, uint32_t vendor,
                       uint8_t flags, const void *data, size_t n, size_t *at) {
  wchg_dwriter w;
  size_t len;
  wchg_dw_init(&w, buf, cap, NULL);
  wchg_dw_header(&w, WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P, 271, 3, 1, 2);
  wchg_dw_utf8(&w, 263, 0, "pcscf1;1;2", 10);
  wchg_dw_octets(&w, 264, 0, "pcscf1", 6);
  wchg_dw_octets(&w, 296, 0, "ims", 3);
  wchg_dw_octets(&w, 283, 0, "ims", 3);
  wchg_dw_i32(&w, 480, 0, 1);
  wchg_dw_u32(&w, 485, 0, 0);
  wchg_dw_group_begin(&w, 873, V3);
  wchg_dw_group_begin(&w, 876, V3);
  wchg_dw_i32(&w, 862, V3, 1);
  if (in_ims) {
    *at = w.len;
    wchg_dw_raw(&w, code, vendor, flags, data, n);
  }
  wchg_dw_group_end(&w);
  wchg_dw_group_end(&w);
  if (!in_ims) {
    *at = w.len;
    wchg_dw_raw(&w, code, vendor, flags, data, n);
  }
  ck_assert_int_eq(wchg_dw_finish(&w, &len), WCHG_OK);
  return len;
}

/* Unknown vendor AVPs with M (vendor 1368 at the top, 12645 inside
 * IMS-Information): 5001 in both, naming the AVP, its path, its offset
 * (RFC 6733 §4.1). */
START_TEST(unknown_vendor_avp_with_m) {
  uint8_t buf[512];
  size_t at, len = acr_with(buf, sizeof buf, false, 3, 1368, 0xC0, "abcd", 4, &at);
  both(buf, len, 0, &(struct expect){5001, "AVP(3,1368)", at, false, 0, NULL, NULL});
  len = acr_with(buf, sizeof buf, true, 2000, 12645, 0xC0, "ab", 2, &at);
  both(buf, len, 0,
       &(struct expect){5001, IMS "/AVP(2000,12645)", at, false, 0, NULL, NULL});
  wchg_diag d;
  wchg_dmsg m;
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, &d, NULL),
                   WCHG_E_DIAMETER);
  ck_assert_str_eq(d.message, "an unknown AVP with the M bit set");
  /* without M: accepted by both */
  len = acr_with(buf, sizeof buf, true, 2000, 12645, 0x80, "ab", 2, &at);
  both(buf, len, 0, &(struct expect){0, NULL, 0, true, 0, NULL, NULL});
}
END_TEST

/* A 13-octet 3GPP-Charging-Id (Unsigned32): 5014 in both. */
START_TEST(charging_id_13_octets) {
  uint8_t buf[512];
  size_t at, len = acr_with(buf, sizeof buf, false, 2, V3, 0xC0, "0123456789abc", 13, &at);
  both(buf, len, 0, &(struct expect){5014, "3GPP-Charging-Id", at, false, 0, NULL, NULL});
  wchg_dmsg m;
  wchg_diag d;
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, &d, NULL),
                   WCHG_E_DIAMETER);
  ck_assert_str_eq(d.message, "3GPP-Charging-Id data must be 4 octets, not 13");
}
END_TEST

/* Several deviations: one warning each, in message order; the items kept
 * are the first |cap|, the count is all of them. */
START_TEST(warnings_counted_and_capped) {
  uint8_t buf[2048];
  wchg_dmsg m;
  wchg_diag items[2];
  wchg_warnings w = {items, 2, 0};
  size_t len = acr(buf), oh = offset_of(buf, len, 1, 264u, 0u);
  size_t ron = offset_of(buf, len, 3, 873u, V3, 876u, V3, 829u, V3);
  size_t waf = offset_of(buf, len, 3, 873u, V3, 876u, V3, 657u, V3);
  buf[oh + 4] = 0x60;
  buf[ron + 15] = 9;
  buf[waf + 4] |= WCHG_AVP_FLAG_M;
  memset(&items[1], 0xAB, sizeof items[1]);
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, NULL, &w), WCHG_OK);
  ck_assert_uint_eq(w.count, 3);
  ck_assert_uint_eq(items[0].offset, oh);
  ck_assert_uint_eq(items[1].offset, ron);
  ck_assert_uint_eq(items[1].result_code, 5004);
  /* the decoders add: a second parse counts on */
  ck_assert_int_eq(wchg_dmsg_parse_ex(buf, len, WCHG_DPARSE_RECEIVE, &m, NULL, &w), WCHG_OK);
  ck_assert_uint_eq(w.count, 6);
}
END_TEST

Suite *avp_receive_suite(void) {
  Suite *s = suite_create("avp-receive");
  TCase *t = tcase_create("policies");
  tcase_add_test(t, command_flags_reserved);
  tcase_add_test(t, command_flags_e_with_r);
  tcase_add_test(t, p_bit);
  tcase_add_test(t, avp_flags_reserved);
  tcase_add_test(t, m_clear_on_origin_host);
  tcase_add_test(t, m_set_on_657);
  tcase_add_test(t, v_bit_with_vendor_0);
  tcase_add_test(t, enum_not_in_list);
  tcase_add_test(t, utf8_invalid);
  tcase_add_test(t, address_family);
  tcase_add_test(t, fraction_123456);
  tcase_add_test(t, not_allowed_here);
  tcase_add_test(t, unknown_without_m_in_closed_group);
  tcase_add_test(t, occurs_too_many_times);
  tcase_add_test(t, fixed_position_out_of_place);
  tcase_add_test(t, missing_avp);
  tcase_add_test(t, padding_not_zero);
  tcase_add_test(t, length_past_the_end);
  tcase_add_test(t, too_deep);
  tcase_add_test(t, failed_avp_opaque);
  tcase_add_test(t, unknown_vendor_avp_with_m);
  tcase_add_test(t, charging_id_13_octets);
  tcase_add_test(t, warnings_counted_and_capped);
  suite_add_tcase(s, t);
  return s;
}
