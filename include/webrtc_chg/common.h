/*
 * webrtc_chg — charging data for WebRTC access to IMS.
 * common.h: version, status codes, diagnostics, memory hooks, value types.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_COMMON_H
#define WEBRTC_CHG_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define WCHG_API __attribute__((visibility("default")))
#else
#define WCHG_API
#endif

/* ------------------------------------------------------------------ */
/* Version                                                             */
/* ------------------------------------------------------------------ */

#define WCHG_VERSION_MAJOR 0
#define WCHG_VERSION_MINOR 1
#define WCHG_VERSION_PATCH 0
#define WCHG_VERSION_STRING "0.1.0"
/** 0xMMmmpp: compare at compile time, e.g. #if WCHG_VERSION_NUM >= 0x000100 */
#define WCHG_VERSION_NUM                                                     \
  ((WCHG_VERSION_MAJOR << 16) | (WCHG_VERSION_MINOR << 8) | WCHG_VERSION_PATCH)

/**
 * wchg_version - the version of the library actually linked, as
 * "MAJOR.MINOR.PATCH". The string is static; never free it.
 */
WCHG_API const char *wchg_version(void);

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

/**
 * Every fallible function returns a wchg_status: WCHG_OK (0) on success,
 * a negative code otherwise. wchg_strerror() names each code.
 * Ranges: -1..-9 general, -10..-29 binary decoding, -30..-39 JSON,
 * -40..-49 charging rules. Later modules reserve -100 and below.
 */
typedef enum wchg_status {
  /** success */
  WCHG_OK = 0,
  WCHG_E_ARG = -1,        /**< invalid argument (NULL where not allowed) */
  WCHG_E_NOMEM = -2,      /**< an allocation failed; nothing was kept */
  WCHG_E_BUFFER = -3,     /**< output buffer too small; needed size given */

  WCHG_E_TRUNCATED = -10, /**< input ends inside an element */
  WCHG_E_LENGTH = -11,    /**< length field invalid or inconsistent */
  WCHG_E_TAG = -12,       /**< unexpected or unknown tag */
  WCHG_E_DUPLICATE = -13, /**< a field occurs twice */
  WCHG_E_MISSING = -14,   /**< a mandatory field is absent */
  WCHG_E_DEPTH = -15,     /**< nesting deeper than the limit */
  WCHG_E_LIMIT = -16,     /**< an element count or size limit was exceeded */
  WCHG_E_ENCODING = -17,  /**< a primitive value is wrongly encoded */
  WCHG_E_RANGE = -18,     /**< a value is outside its allowed range */
  WCHG_E_CONSTRAINT = -19,/**< a size constraint is violated */
  WCHG_E_UTF8 = -20,      /**< text is not valid UTF-8 / not in its alphabet */
  WCHG_E_TIMESTAMP = -21, /**< a TimeStamp is not a valid BCD local time */
  WCHG_E_TRAILING = -22,  /**< bytes follow the value where none may */
  WCHG_E_CHOICE = -23,    /**< no or more than one CHOICE alternative set */
  WCHG_E_OTHER_RECORD = -24, /**< a CDR of another record type (e.g. an
                               sCSCFRecord): well-formed, not decoded; its
                               tag is in wchg_diag */

  WCHG_E_JSON = -30,      /**< JSON text does not parse */
  WCHG_E_JSON_TYPE = -31, /**< JSON value of the wrong type */
  WCHG_E_JSON_KEY = -32,  /**< unknown JSON member */

  WCHG_E_INVALID = -40,   /**< validation found one or more problems */
  WCHG_E_DIAMETER = -50,  /**< a Diameter message breaks RFC 6733 or its
                               ABNF; wchg_diag.result_code says how */
  WCHG_E_STATE = -51,     /**< a call out of order (e.g. a group not closed) */
  WCHG_E_OTHER_NODE = -52,/**< an ACR of another node function (Node-
                               Functionality not P-CSCF): decoded, not
                               folded; the host routes it */
  WCHG_E_EMERGENCY = -41, /**< IMS emergency of a WebRTC client: not chargeable */
} wchg_status;

/**
 * wchg_strerror - a short English name for |code|, e.g. "buffer too small".
 * Unknown codes give "unknown error". The string is static.
 */
WCHG_API const char *wchg_strerror(int code);

/**
 * wchg_status_name - the enum name of |code| as written in this header,
 * e.g. "WCHG_E_BUFFER" for WCHG_E_BUFFER, for logs and test expectations.
 * Returns NULL for a code this header does not define. The string is
 * static.
 */
WCHG_API const char *wchg_status_name(int code);

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

/** wchg_diag.offset when no byte offset applies. */
#define WCHG_NO_OFFSET ((size_t)-1)

/**
 * One problem, said where: a code, the field path (ASN.1 identifiers or
 * AVP names separated by '/', list indexes in brackets, e.g.
 * "pCSCFRecord/list-Of-SDP-Media-Components[1]/sIP-Request-Timestamp"),
 * the byte offset into the input where one applies, and a sentence.
 * Both strings are NUL-terminated and cut (never overflowed) if long.
 */
typedef struct wchg_diag {
  wchg_status code;
  size_t offset;
  uint32_t result_code; /* Diameter: the Result-Code a peer would answer
                           with (e.g. 5004), 0 where none applies */
  char path[192];
  char message[192];
} wchg_diag;

/**
 * Warnings: what a decoder in receive policy accepted and kept although
 * the strict policy refuses it (an AVP flag against its rule, a TimeStamp
 * that is no valid BCD time, ...). Each is a wchg_diag whose code (and
 * result_code) is what the strict policy would have returned. The caller
 * owns |items| (|cap| entries; NULL with cap 0 to count only); a decoder
 * adds every warning to |count| and keeps the first |cap| of them. Set
 * |count| to 0 before a decode (the decoders add to it).
 */
typedef struct wchg_warnings {
  wchg_diag *items;
  size_t cap;
  size_t count;
} wchg_warnings;

/** Receive or strict: how a decoder treats what it can read but what
 * breaks a rule. Receive keeps it as received and reports it as a
 * warning (for what peers send: a refused record is revenue lost);
 * strict refuses it (for what we produce, and for --check). Bytes it
 * cannot read (tag, length, nesting, truncation) stop both. Receive is 0,
 * so that a zeroed configuration receives. */
typedef enum wchg_policy {
  /** keep what can be read; each rule it breaks is a warning */
  WCHG_POLICY_RECEIVE = 0,
  /** refuse the first value that breaks a rule */
  WCHG_POLICY_STRICT = 1,
} wchg_policy;

/* ------------------------------------------------------------------ */
/* Memory                                                              */
/* ------------------------------------------------------------------ */

/**
 * Allocator hooks. Pass NULL wherever a const wchg_mem * is asked for to
 * use malloc/free. A wchg_mem with |malloc| or |free| NULL is taken as
 * NULL (malloc/free for both, |user_data| unused): one hook alone would
 * pair your malloc with the C library's free. The library copies the
 * struct when it makes an object, and frees the object's memory with the
 * same hooks.
 */
typedef struct wchg_mem {
  void *(*malloc)(size_t size, void *user_data);
  void (*free)(void *ptr, void *user_data);
  void *user_data;
} wchg_mem;

/* ------------------------------------------------------------------ */
/* Value types shared by every model                                   */
/* ------------------------------------------------------------------ */

/** Text (UTF-8 / GraphicString / IA5String): ptr == NULL means absent. */
typedef struct wchg_str {
  const char *ptr;
  size_t len;
} wchg_str;

/** Octets (OCTET STRING): ptr == NULL means absent. */
typedef struct wchg_octets {
  const uint8_t *ptr;
  size_t len;
} wchg_octets;

/** An optional INTEGER, ENUMERATED or BOOLEAN (value 0/1). */
typedef struct wchg_opt_int {
  bool present;
  int64_t value;
} wchg_opt_int;

/** Build a present wchg_str from a NUL-terminated C string literal. */
#define WCHG_STR(s) ((wchg_str){(s), sizeof(s) - 1})
/** A wchg_str viewing a NUL-terminated C string; NULL gives an absent one. */
static inline wchg_str wchg_str_from(const char *s) {
  wchg_str r = {s, s ? strlen(s) : 0};
  return r;
}
/** Build a present wchg_opt_int. */
#define WCHG_INT(v) ((wchg_opt_int){true, (int64_t)(v)})

/** A list of text values (SEQUENCE OF GraphicString). */
typedef struct wchg_str_list {
  const wchg_str *items;
  size_t count;
} wchg_str_list;

#ifdef __cplusplus
}
#endif
#endif
