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
 * constructed strings), strictly and within the limits below.
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
  WCHG_CAUSE_SERVICE_DELIVERY_END_SUCCESSFULLY = 0,
  WCHG_CAUSE_UNSUCCESSFUL_SERVICE_DELIVERY = 1,
  WCHG_CAUSE_TIME_LIMIT = 3,
  WCHG_CAUSE_SERVICE_CHANGE = 4,
  WCHG_CAUSE_MANAGEMENT_INTERVENTION = 5,
};

/* ACRInterimLost ::= ENUMERATED */
enum { WCHG_ACR_INTERIM_LOST_NO = 0, WCHG_ACR_INTERIM_LOST_YES = 1,
       WCHG_ACR_INTERIM_LOST_UNKNOWN = 2 };

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

typedef struct wchg_management_extension_list {
  const wchg_management_extension *items;
  size_t count;
} wchg_management_extension_list;

struct wchg_owner; /* private */

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
 * pointers. Values are checked by wchg_cdr_validate().
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
 * wchg_cdr_decode - decode the BER IMSRecord at the start of |data|
 * (|len| bytes; more records may follow). On success *|out| is a new
 * record owning all its memory (allocated through |mem|, NULL for
 * malloc) and *|consumed| (if not NULL) the bytes the record used.
 * Free the record with wchg_cdr_free(). On error *|out| is NULL, nothing
 * is leaked, and *|diag| (if not NULL) holds the code, the field path and
 * the byte offset of the first problem.
 *
 * Only pCSCFRecord [64] is accepted. Our WebRTC extension fills
 * ims.webrtc_*; other extensions are kept in record_extensions.
 *
 * Returns WCHG_OK or one of:
 *  WCHG_E_ARG, WCHG_E_NOMEM,
 *  WCHG_E_TRUNCATED  the input ends inside the record;
 *  WCHG_E_LENGTH     a length is invalid or overruns its parent;
 *  WCHG_E_TAG        an unexpected or unknown tag;
 *  WCHG_E_DUPLICATE  a SET member twice, or our extension twice;
 *  WCHG_E_MISSING    a mandatory member absent;
 *  WCHG_E_CHOICE     two alternatives of a flattened CHOICE;
 *  WCHG_E_ENCODING   a primitive wrongly encoded (BOOLEAN, NULL, INTEGER
 *                    not minimal or wider than 64 bits, OID, fixed sizes);
 *  WCHG_E_DEPTH, WCHG_E_LIMIT   a decoder limit above was exceeded.
 */
WCHG_API wchg_status wchg_cdr_decode(const uint8_t *data, size_t len,
                                     const wchg_mem *mem, wchg_cdr **out,
                                     size_t *consumed, wchg_diag *diag);

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
