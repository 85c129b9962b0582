/*
 * webrtc_chg — dict.h: the Diameter dictionary of Rf and Ro IMS charging.
 *
 * One table, the single source of truth: every AVP of RFC 6733 base
 * accounting, RFC 4006 credit control (Multiple-Services-Credit-Control
 * and the unit AVPs), TS 32.299 Service-Information with the whole
 * IMS-Information tree, the Subscription-Id family, and the TS 29.229
 * WebRTC AVPs 657/658 — with code, vendor, name, data type, M/V/P flag
 * rules, enumerated value names and, for Grouped AVPs and commands, the
 * allowed children with their occurrence bounds. Where sources conflict
 * the table makes one choice, with its reason at the row (e.g.
 * Role-Of-Node 2 = FORWARDING_ROLE, negative 3xx Cause-Codes, M clear on
 * 657/658). Everything here is static and read-only.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_DICT_H
#define WEBRTC_CHG_DICT_H

#include <webrtc_chg/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** RFC 6733 §4.2, §4.3.1 and RFC 4006 data types. */
typedef enum wchg_avp_type {
  /** OctetString */
  WCHG_AVP_OCTETSTRING = 0,
  /** Integer32 */
  WCHG_AVP_INTEGER32,
  /** Integer64 */
  WCHG_AVP_INTEGER64,
  /** Unsigned32 */
  WCHG_AVP_UNSIGNED32,
  /** Unsigned64 */
  WCHG_AVP_UNSIGNED64,
  /** Float32 (IEEE 754) */
  WCHG_AVP_FLOAT32,
  /** Float64 (IEEE 754) */
  WCHG_AVP_FLOAT64,
  /** Grouped: the data is a sequence of AVPs */
  WCHG_AVP_GROUPED,
  WCHG_AVP_ADDRESS,          /* 2-octet family (1 IPv4, 2 IPv6) + address */
  WCHG_AVP_TIME,             /* NTP seconds (since 1900), 4 octets */
  /** UTF8String: octets that must be UTF-8 */
  WCHG_AVP_UTF8STRING,
  /** DiameterIdentity: the FQDN of a node or a realm */
  WCHG_AVP_DIAMETERIDENTITY,
  /** DiameterURI: "aaa://" or "aaas://" URI of a node */
  WCHG_AVP_DIAMETERURI,
  WCHG_AVP_ENUMERATED,       /* Integer32 with named values */
} wchg_avp_type;

/** AVP header flag bits (RFC 6733 §4.1). */
#define WCHG_AVP_FLAG_V 0x80u
#define WCHG_AVP_FLAG_M 0x40u
#define WCHG_AVP_FLAG_P 0x20u

/** A flag rule: the bit must be set, must not be set, or may be either. */
typedef enum wchg_flag_rule {
  /** the bit must be set */
  WCHG_RULE_MUST = 0,
  /** the bit must be clear */
  WCHG_RULE_MUSTNOT = 1,
  /** either */
  WCHG_RULE_MAY = 2,
} wchg_flag_rule;

/** A named value of an Enumerated AVP. */
typedef struct wchg_dict_enum {
  int32_t value;
  const char *name;
} wchg_dict_enum;

struct wchg_dict_avp;

/** Occurrence of a child AVP in a Grouped AVP or a command (ABNF). */
typedef struct wchg_dict_rule {
  uint32_t code;
  uint32_t vendor;
  uint16_t min;     /* 0 for [ ] and *[ ], 1 for { } and < > */
  uint16_t max;     /* 0 means unbounded (*) */
  bool fixed;       /* < >: must come first, in this order */
  const struct wchg_dict_avp *avp; /* the child's entry in the table */
} wchg_dict_rule;

/** One AVP of the dictionary. */
typedef struct wchg_dict_avp {
  uint32_t code;
  uint32_t vendor;                /* 0 for IETF AVPs, 10415 for 3GPP */
  const char *name;               /* the TS 32.299 / RFC name */
  wchg_avp_type type;
  wchg_flag_rule m_rule;          /* how we send M; checked on receipt */
  wchg_flag_rule v_rule;          /* MUST iff vendor != 0 */
  wchg_flag_rule p_rule;          /* always MUSTNOT (RFC 6733) */
  const wchg_dict_enum *enums;    /* Enumerated: value names */
  size_t n_enums;
  const wchg_dict_rule *children; /* Grouped: allowed children, ABNF order */
  size_t n_children;
  bool extensible;                /* Grouped: AVPs other than |children| are
                                   * allowed (the ABNF's *[ AVP ]; a few groups
                                   * are kept open on purpose, see dict.c) */
} wchg_dict_avp;

/** One command (request or answer) with its ABNF. */
typedef struct wchg_dict_command {
  uint32_t code;          /* 271 Accounting, 272 Credit-Control */
  uint32_t app_id;        /* 3 base accounting (Rf), 4 credit control (Ro) */
  bool request;
  const char *name;       /* "Accounting-Request", ... */
  const wchg_dict_rule *avps;
  size_t n_avps;
  bool extensible;
} wchg_dict_command;

/**
 * wchg_dict_find - the AVP with |code| and |vendor|, or NULL if the
 * dictionary does not know it. O(log n).
 */
WCHG_API const wchg_dict_avp *wchg_dict_find(uint32_t code, uint32_t vendor);

/**
 * wchg_dict_find_name - the AVP whose name is |name| (exact, case
 * sensitive), or NULL. Names are unique in the dictionary.
 */
WCHG_API const wchg_dict_avp *wchg_dict_find_name(const char *name);

/** wchg_dict_enum_name - the name of |value| for an Enumerated AVP, or NULL. */
WCHG_API const char *wchg_dict_enum_name(const wchg_dict_avp *avp, int32_t value);

/**
 * wchg_dict_find_command - the command with |code|, |app_id| and direction,
 * or NULL. ACR/ACA (271, app 3) and CCR/CCA (272, app 4) are known.
 */
WCHG_API const wchg_dict_command *wchg_dict_find_command(uint32_t code, uint32_t app_id,
                                                   bool request);

/**
 * wchg_dict_avps - the whole table, sorted by (vendor, code); *|count| set
 * to its size. For tools (dumpers, documentation) and tests.
 */
WCHG_API const wchg_dict_avp *wchg_dict_avps(size_t *count);

#ifdef __cplusplus
}
#endif
#endif
