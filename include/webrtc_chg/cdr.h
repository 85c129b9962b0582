/*
 * webrtc_chg — cdr.h: the eP-CSCF CDR (TS 32.298 PCSCFRecord) in BER/DER.
 *
 * A wchg_cdr is the whole PCSCFRecord: the record fields below plus the
 * neutral wchg_ims_info. The WAF/WWSF identities (ims.webrtc_*) travel in
 * recordExtensions as our WebRTC extension (webrtc_ext.h); record_extensions
 * holds every other extension, kept byte for byte.
 *
 * Encoding writes DER of IMSRecord (the record wrapped in its CHOICE tag
 * [64], BF 40), back to front into the caller's buffer, with no
 * allocation. Decoding reads BER (definite and indefinite lengths,
 * constructed strings) within the limits below, in one of two policies
 * (wchg_cdr_decode_ex): receive keeps every readable value as received
 * and reports what breaks a rule as a warning; strict refuses it.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_CDR_H
#define WEBRTC_CHG_CDR_H

#include <webrtc_chg/common.h>
#include <webrtc_chg/ims_info.h>

#ifdef __cplusplus
extern "C" {
#endif

/** RecordType of a P-CSCF record (TS 32.298). */
#define WCHG_RECORD_TYPE_PCSCF 64

/** Decoder limits: nesting depth (tags, including constructed strings),
 * elements in one list, and list elements in one record. */
#define WCHG_BER_MAX_DEPTH 24
#define WCHG_BER_MAX_LIST 4096
#define WCHG_BER_MAX_ELEMENTS 65536

/* CauseForRecordClosing ::= ENUMERATED (there is no value 2) */
enum {
  /** serviceDeliveryEndSuccessfully: the session or event ended
   * normally (Cause-Code absent or <= 0) */
  WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY = 0,
  /** unSuccessfulServiceDelivery: it ended with an error (Cause-Code
   * > 0) */
  WCHG_CAUSE_UNSUCCESSFUL_SERVICE_DELIVERY = 1,
  /** timeLimit: a partial record after max_record_duration_ms, or a
   * session wchg_cdf_expire() closed */
  WCHG_CAUSE_TIME_LIMIT = 3,
  /** serviceChange: a partial record when the media container is full
   * (max_media_changes, WCHG_CDF_MAX_RECORD_BYTES) */
  WCHG_CAUSE_SERVICE_CHANGE = 4,
  /** managementIntervention: wchg_cdf_close_session() */
  WCHG_CAUSE_MANAGEMENT_INTERVENTION = 5,
};

/* ACRInterimLost ::= ENUMERATED */
enum {
  /** no INTERIM of the record is known lost */
  WCHG_ACR_INTERIM_LOST_NO = 0,
  /** an INTERIM is known lost (a gap in the Accounting-Record-Numbers) */
  WCHG_ACR_INTERIM_LOST_YES = 1,
  /** whether an INTERIM was lost is not known */
  WCHG_ACR_INTERIM_LOST_UNKNOWN = 2,
};

/* Incomplete-CDR-Indication ::= SET, all three mandatory when present */
typedef struct wchg_incomplete_cdr_indication {
  bool present;
  wchg_opt_int acr_start_lost;   /* [0] BOOLEAN */
  wchg_opt_int acr_interim_lost; /* [1] ACRInterimLost */
  wchg_opt_int acr_stop_lost;    /* [2] BOOLEAN */
} wchg_incomplete_cdr_indication;

/* ManagementExtension (X.721): an extension that is not ours. */
typedef struct wchg_management_extension {
  wchg_octets identifier;    /* OBJECT IDENTIFIER: BER content octets */
  wchg_opt_int significance; /* [1] BOOLEAN DEFAULT FALSE */
  wchg_octets information;   /* [2] the open-type value: complete TLV octets */
} wchg_management_extension;

/** The extensions of a record other than ours: count entries at items. */
typedef struct wchg_management_extension_list {
  const wchg_management_extension *items;
  size_t count;
} wchg_management_extension_list;

struct wchg_owner; /* private */

/** One PCSCFRecord (TS 32.298): the record fields (their tags in the
 * comments), the neutral wchg_ims_info, and the extensions other than
 * ours. Start one you build with wchg_cdr_init(); release a decoded one
 * with wchg_cdr_free(). */
typedef struct wchg_cdr {
  wchg_opt_int record_type;                 /* [0] mandatory, 64 */
  bool retransmission;                      /* [1] NULL */
  wchg_node_address node_address;           /* [4] */
  wchg_timestamp record_opening_time;       /* [12] */
  wchg_timestamp record_closure_time;       /* [13] */
  wchg_opt_int local_record_sequence_number;/* [15] 0..4294967295 */
  wchg_opt_int record_sequence_number;      /* [16] partial record number */
  wchg_opt_int cause_for_record_closing;    /* [17] */
  wchg_incomplete_cdr_indication incomplete_cdr_indication; /* [18] */
  wchg_str service_reason_return_code;      /* [23] UTF8String */
  wchg_management_extension_list record_extensions; /* [25] other than ours */
  wchg_ims_info ims;                        /* every other field */
  struct wchg_owner *owner_;                /* private: NULL unless decoded */
} wchg_cdr;

/**
 * wchg_cdr_init - clear |cdr| and set record_type to 64 (P-CSCF).
 * Use it before filling a record you build yourself.
 */
WCHG_API void wchg_cdr_init(wchg_cdr *cdr);

/**
 * wchg_cdr_encode - write the DER of IMSRecord (pCSCFRecord [64]) for
 * |cdr| into |buf| (|cap| bytes). No allocation; |buf| is used back to
 * front and the result is moved to its start. On success *|len| is the
 * encoding's size. If |cap| is too small, returns WCHG_E_BUFFER and sets
 * *|len| to the size needed (call with cap 0 to ask). The encoder checks
 * structure only: mandatory fields present (recordType, the members of
 * MessageBody, SubscriptionID, SubscriberEquipmentNumber and
 * Incomplete-CDR-Indication), one CHOICE alternative at most, list
 * pointers. Values are checked by wchg_cdr_validate(). A record decoded
 * in the receive policy (or read from JSON) writes the values it keeps
 * as received with their octets as received (wchg_cdr_decode_ex); a
 * record you build has none.
 * On error, *|diag| (if not NULL) names the field.
 *
 * Returns WCHG_OK or one of:
 *  WCHG_E_ARG      cdr, buf (with cap > 0) or len is NULL;
 *  WCHG_E_BUFFER   buf too small, *len set to the size needed;
 *  WCHG_E_MISSING  a mandatory field is absent;
 *  WCHG_E_CHOICE   a CHOICE has an unknown choice or two alternatives set.
 */
WCHG_API wchg_status wchg_cdr_encode(const wchg_cdr *cdr, uint8_t *buf,
                                     size_t cap, size_t *len, wchg_diag *diag);

/**
 * wchg_cdr_decode_ex - decode the BER IMSRecord at the start of |data|
 * (|len| bytes; more records may follow) under |policy|. On success
 * *|out| is a new record owning all its memory (allocated through |mem|,
 * NULL for malloc) and *|consumed| (if not NULL) the bytes the record
 * used. Free the record with wchg_cdr_free(). On error *|out| is NULL,
 * nothing is leaked, and *|diag| (if not NULL) holds the code, the field
 * path and the byte offset of the first problem.
 *
 * Only pCSCFRecord [64] is decoded. Our WebRTC extension fills
 * ims.webrtc_*; other extensions are kept in record_extensions.
 *
 * What makes the bytes unreadable stops both policies: a tag that is
 * unknown, out of order, repeated or of the wrong form (an INTEGER,
 * ENUMERATED, BOOLEAN, NULL or OBJECT IDENTIFIER in constructed form, a
 * SEQUENCE, SET or explicit tag in primitive form), a mandatory member
 * absent, two alternatives of a CHOICE, a length, truncation, nesting, a
 * limit above. A value that is readable but breaks its field's rules is
 * judged by |policy|:
 *  - WCHG_POLICY_RECEIVE keeps it as received and adds a warning to
 *    |warn| (may be NULL; common.h) with the code the strict policy gives,
 *    the field path and the byte offset of its tag: a TimeStamp that is
 *    no valid time or not 9 octets, text outside its alphabet (not UTF-8,
 *    control characters in a GraphicString, 8-bit in an IA5String) or its
 *    size, an INTEGER outside its range or not minimal or wider than 64
 *    bits, an ENUMERATED value without a name, a BOOLEAN that is not one
 *    octet, a NULL with contents, a malformed OBJECT IDENTIFIER, an
 *    address or OCTET STRING of the wrong size. Warnings are given when
 *    the record is (the decode succeeds); with |warn| NULL the field rules
 *    are not looked at, and the same record is kept. Where the model
 *    cannot hold such a value's octets (an INTEGER or ENUMERATED not
 *    minimal, empty or too wide, a BOOLEAN not one octet, a NULL with
 *    contents, a TimeStamp not 9 octets, an address of the wrong size), it
 *    holds a stand-in (the value read where it fits, else zeros) and the
 *    record keeps the octets: wchg_cdr_encode() writes
 *    them back, the JSON view shows them (cdr_json.h) and
 *    wchg_cdr_validate() names each, as long as the model holds the
 *    stand-in (a value you change is yours). So BER -> JSON -> DER gives
 *    the same bytes for any DER input the receive policy accepts;
 *  - WCHG_POLICY_STRICT refuses the first such value with that code.
 * A strict success is a receive success with no warning; a strict refusal
 * of a value is the first receive warning (same code, path, offset).
 * Record-level rules (recordType 64, the WebRTC profile) are
 * wchg_cdr_validate()'s only. A BOOLEAN other than 00 is TRUE in BER and
 * no warning (DER writes FF), as other BER forms that DER writes its own
 * way (lengths, constructed strings, SET order, DEFAULT values present).
 *
 * Another IMSRecord alternative (a context tag other than [64], e.g.
 * sCSCFRecord [63] or aSRecord [69]) whose TLV is well-formed gives
 * WCHG_E_OTHER_RECORD in both policies: *|consumed| is the length of its
 * whole TLV (so that a reader can pass it on and go on), *|diag| has
 * offset 0, the alternative's identifier as its path ("IMSRecord" when
 * TS 32.298 does not name the tag) and a sentence with the tag number;
 * wchg_cdr_peek() gives the tag as a number.
 *
 * Returns WCHG_OK or one of:
 *  WCHG_E_ARG        out NULL, data NULL with len > 0, or an unknown policy;
 *  WCHG_E_NOMEM,
 *  WCHG_E_OTHER_RECORD  an IMSRecord of another type (above);
 *  WCHG_E_TRUNCATED  the input ends inside the record;
 *  WCHG_E_LENGTH     a length is invalid or overruns its parent;
 *  WCHG_E_TAG        an unexpected or unknown tag, or a record tag that is
 *                    not context-specific (not an IMSRecord);
 *  WCHG_E_DUPLICATE  a SET member twice, or our extension twice;
 *  WCHG_E_MISSING    a mandatory member absent;
 *  WCHG_E_CHOICE     two alternatives of a flattened CHOICE;
 *  WCHG_E_ENCODING   a primitive-only type in constructed form, or
 *                    explicit tag in primitive form; strict also: an
 *                    INTEGER not minimal, empty or wider than 64 bits, a
 *                    BOOLEAN not one octet, a NULL with contents, an OID
 *                    malformed;
 *  WCHG_E_DEPTH, WCHG_E_LIMIT   a decoder limit above was exceeded;
 *  strict only: WCHG_E_CONSTRAINT (a size), WCHG_E_RANGE (a range or an
 *  ENUMERATED value), WCHG_E_UTF8 (an alphabet), WCHG_E_TIMESTAMP.
 */
WCHG_API wchg_status wchg_cdr_decode_ex(const uint8_t *data, size_t len,
                                        wchg_policy policy, const wchg_mem *mem,
                                        wchg_cdr **out, size_t *consumed,
                                        wchg_diag *diag, wchg_warnings *warn);

/**
 * wchg_cdr_decode - wchg_cdr_decode_ex() in the receive policy, without
 * the warnings: a readable record is kept whatever its values (check them
 * with wchg_cdr_validate()). It used to refuse the values that the strict
 * policy refuses; call wchg_cdr_decode_ex() with WCHG_POLICY_STRICT for
 * that.
 */
WCHG_API wchg_status wchg_cdr_decode(const uint8_t *data, size_t len,
                                     const wchg_mem *mem, wchg_cdr **out,
                                     size_t *consumed, wchg_diag *diag);

/** What wchg_cdr_peek() tells of the record at the start of a buffer. */
typedef struct wchg_record_info {
  uint32_t tag;      /* its IMSRecord context tag = RecordType (63: sCSCFRecord,
                        64: pCSCFRecord, 69: aSRecord, ...) */
  const char *name;  /* the alternative's identifier in TS 32.298 V17.9
                        ("sCSCFRecord"), NULL for a tag it does not name;
                        static, never free it */
  size_t length;     /* octets of the whole TLV (with end-of-contents) */
} wchg_record_info;

/**
 * wchg_cdr_peek - read the tag and the extent of the IMSRecord at the
 * start of |data| (|len| bytes) without decoding its contents: any
 * context-specific tag whose TLV is complete (an indefinite length is
 * followed to its end-of-contents). Fills *|info|. Returns WCHG_OK,
 * WCHG_E_ARG (info NULL, or data NULL with len > 0), or the decoder's
 * WCHG_E_TRUNCATED, WCHG_E_LENGTH, WCHG_E_TAG (not context-specific) or
 * WCHG_E_DEPTH with its offset in *|diag| (may be NULL).
 */
WCHG_API wchg_status wchg_cdr_peek(const uint8_t *data, size_t len,
                                   wchg_record_info *info, wchg_diag *diag);

/**
 * wchg_cdr_free - release a record returned by wchg_cdr_decode() or
 * wchg_cdr_from_json(). NULL and records you built yourself (owner_ NULL)
 * are ignored.
 */
WCHG_API void wchg_cdr_free(wchg_cdr *cdr);

/**
 * wchg_timestamp_set - fill |ts| with a local time and its UTC offset
 * (minutes, local minus UTC, -720..840: -12:00 to +14:00, the offsets in
 * use). Year 2000..2099 (the format
 * keeps two digits). Returns WCHG_OK, WCHG_E_ARG, or WCHG_E_RANGE for a
 * field out of range (checks the day against the month and leap years).
 */
WCHG_API wchg_status wchg_timestamp_set(wchg_timestamp *ts, int year,
                                        int month, int day, int hour,
                                        int minute, int second,
                                        int utc_offset_minutes);

/**
 * wchg_timestamp_from_unix - fill |ts| with the local time of
 * |unix_seconds| (UTC) at |utc_offset_minutes|. Returns WCHG_OK,
 * WCHG_E_ARG, or WCHG_E_RANGE when the local year is outside 2000..2099.
 */
WCHG_API wchg_status wchg_timestamp_from_unix(wchg_timestamp *ts,
                                              int64_t unix_seconds,
                                              int utc_offset_minutes);

/**
 * wchg_timestamp_to_unix - the UTC instant (*|unix_seconds|) and offset
 * (*|utc_offset_minutes|, may be NULL) of |ts|. Returns WCHG_OK, WCHG_E_ARG
 * (absent), or WCHG_E_TIMESTAMP when the octets are not a valid TimeStamp.
 */
WCHG_API wchg_status wchg_timestamp_to_unix(const wchg_timestamp *ts,
                                            int64_t *unix_seconds,
                                            int *utc_offset_minutes);

#ifdef __cplusplus
}
#endif
#endif
