/*
 * webrtc_chg — cdrfile.h: CDR files of the Bx interface (TS 32.297 §6):
 * a file header, then for each CDR a CDR header and the encoded record.
 *
 * Writing: a wchg_cdrfile_writer builds a file in the caller's buffer,
 * with no allocation: begin with the file header, add each encoded CDR,
 * finish (which fills in the file length, the CDR count and the highest
 * and lowest release/version of the CDRs). The private extension length
 * is always written (0 when there is none), so the header of a file of
 * Rel-10 or later CDRs with no routeing filter is 54 octets.
 *
 * Reading: wchg_cdrfile_parse() checks a whole file — every length
 * against the bytes given, the header fields' ranges, each CDR header,
 * the CDR count — and reports the first problem with its byte offset;
 * then wchg_cdrfile_next() walks the CDRs as zero-copy views. Headers
 * written without the private extension length (2 octets shorter, as
 * some writers do) are accepted: the header length decides.
 *
 * All multi-octet fields are big-endian.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_CDRFILE_H
#define WEBRTC_CHG_CDRFILE_H

#include <webrtc_chg/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Release numbers: the release (4, 5, ..., 17, ...; up to 265), and
 * WCHG_CDRFILE_R99 (3) for Release 1999, which comes before Release 4. */
#define WCHG_CDRFILE_R99 3

/** Data record format of a CDR header. */
enum {
  /** BER (the CDRs of this library) */
  WCHG_CDRFILE_BER = 1,
  /** unaligned PER */
  WCHG_CDRFILE_PER_UNALIGNED = 2,
  /** aligned PER */
  WCHG_CDRFILE_PER_ALIGNED = 3,
  /** XER (XML) */
  WCHG_CDRFILE_XER = 4,
};

/** TS number of a CDR header: 9 is TS 32.260 (IMS), the PCSCFRecord's. */
#define WCHG_CDRFILE_TS_IMS 9

/** File closure trigger reason. */
enum {
  /** normal closure */
  WCHG_CDRFILE_CLOSE_NORMAL = 0,
  /** the file size limit was reached */
  WCHG_CDRFILE_CLOSE_SIZE_LIMIT = 1,
  /** the file was open for its time limit */
  WCHG_CDRFILE_CLOSE_TIME_LIMIT = 2,
  /** the file holds its maximum number of CDRs */
  WCHG_CDRFILE_CLOSE_COUNT_LIMIT = 3,
  /** closed by manual intervention */
  WCHG_CDRFILE_CLOSE_MANUAL = 4,
  WCHG_CDRFILE_CLOSE_CHANGE = 5, /* CDR release, version or encoding change */
  /** abnormal closure (128 and above are the abnormal reasons) */
  WCHG_CDRFILE_CLOSE_ABNORMAL = 128,
  /** a file system error */
  WCHG_CDRFILE_CLOSE_FS_ERROR = 129,
  /** the file system storage is exhausted */
  WCHG_CDRFILE_CLOSE_FS_FULL = 130,
  /** a file integrity error */
  WCHG_CDRFILE_CLOSE_INTEGRITY = 131,
};

/** The 4-octet header time stamp: no year, no seconds. */
typedef struct wchg_cdrfile_time {
  uint8_t month;         /* 1..12 */
  uint8_t day;           /* 1..31 */
  uint8_t hour;          /* 0..23 */
  uint8_t minute;        /* 0..59 */
  int16_t utc_offset;    /* local time minus UTC, minutes, -1439..1439
                            ("-00:00" reads as 0, written "+00:00") */
} wchg_cdrfile_time;

/** The file header. */
typedef struct wchg_cdrfile_header {
  /* the highest and lowest release/version of the CDRs (filled in by
   * wchg_cdrfile_finish from the CDRs added; set them yourself only for
   * a file with no CDR) */
  uint16_t high_release;
  uint8_t high_version;  /* 0..31 */
  uint16_t low_release;
  uint8_t low_version;
  wchg_cdrfile_time opening_time;
  wchg_cdrfile_time last_cdr_time; /* when the last CDR was appended */
  uint32_t cdr_count;              /* filled in by wchg_cdrfile_finish */
  uint32_t file_sequence_number;
  uint8_t closure_reason;          /* WCHG_CDRFILE_CLOSE_* */
  uint8_t node_address[16];        /* IPv6, or IPv4-mapped ::ffff:a.b.c.d */
  uint8_t lost_cdr_indicator;      /* 0: none lost */
  wchg_octets routeing_filter;     /* up to 65535 octets; absent: none */
  wchg_octets private_extension;   /* up to 65535 octets; absent: none */
} wchg_cdrfile_header;

/** One CDR and its CDR header. */
typedef struct wchg_cdrfile_cdr {
  uint16_t release;      /* e.g. 17 for TS 32.298 V17.9.0 */
  uint8_t version;       /* 0..31, e.g. 9 */
  uint8_t format;        /* WCHG_CDRFILE_BER, ... */
  uint8_t ts_number;     /* 0..31, WCHG_CDRFILE_TS_IMS */
  wchg_octets data;      /* the encoded CDR, up to 65535 octets */
  size_t offset;         /* reading: of the CDR header in the file */
} wchg_cdrfile_cdr;

/* ------------------------------------------------------------------ */
/* Writing                                                             */
/* ------------------------------------------------------------------ */

/** A CDR file being written in the caller's buffer (wchg_cdrfile_begin(),
 * wchg_cdrfile_add(), wchg_cdrfile_finish()). The members before
 * "private" may be read; none may be set. */
typedef struct wchg_cdrfile_writer {
  uint8_t *buf;
  size_t cap;
  size_t len;            /* produced so far, may exceed cap */
  wchg_status error;     /* the first error, sticky */
  wchg_diag *diag;
  /* private */
  wchg_cdrfile_header header_;
  size_t header_len_;
  uint16_t hi_rel_, lo_rel_;
  uint8_t hi_ver_, lo_ver_;
} wchg_cdrfile_writer;

/**
 * wchg_cdrfile_begin - start a file in |buf| (|cap| bytes; NULL with cap
 * 0 measures) with the header |h| (copied; its views must stay valid
 * until wchg_cdrfile_finish). Returns WCHG_OK, WCHG_E_ARG (NULL), or
 * WCHG_E_RANGE for a header field out of range (a time stamp, a release
 * or version, a filter or extension over 65535 octets). Errors stick.
 */
WCHG_API wchg_status wchg_cdrfile_begin(wchg_cdrfile_writer *w, uint8_t *buf, size_t cap,
                                        const wchg_cdrfile_header *h, wchg_diag *diag);

/**
 * wchg_cdrfile_add - append |cdr| (its header fields and data; offset is
 * ignored). WCHG_E_RANGE for a release, version, format (1..4) or TS
 * number (0..31) out of range or data over 65535 octets; WCHG_E_LIMIT
 * past 2^32-1 CDRs or a file over 2^32-1 octets. Errors stick.
 */
WCHG_API wchg_status wchg_cdrfile_add(wchg_cdrfile_writer *w, const wchg_cdrfile_cdr *cdr);

/**
 * wchg_cdrfile_finish - write the file header's totals and set *|len| to
 * the file size. |last_cdr_time| and |closure_reason| replace the
 * header's (NULL time: keep it). Returns the first error of any call,
 * WCHG_E_BUFFER with *|len| the size needed when the buffer was short,
 * or WCHG_OK.
 */
WCHG_API wchg_status wchg_cdrfile_finish(wchg_cdrfile_writer *w,
                                         const wchg_cdrfile_time *last_cdr_time,
                                         uint8_t closure_reason, size_t *len);

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

/** A checked file: its header (views into the buffer) and the CDRs. */
typedef struct wchg_cdrfile {
  wchg_cdrfile_header header;
  uint32_t header_length;
  const uint8_t *data;   /* the file */
  size_t len;
} wchg_cdrfile;

/** Where a walk over the CDRs of a parsed file stands
 * (wchg_cdrfile_iter_init(), wchg_cdrfile_next()). */
typedef struct wchg_cdrfile_iter {
  const uint8_t *file, *p, *end;
} wchg_cdrfile_iter;

/**
 * wchg_cdrfile_parse - check the CDR file |buf| (|len| bytes, exactly one
 * file) and fill *|f|. Returns WCHG_OK, WCHG_E_ARG, or the first problem
 * with its offset and the field path in |diag| (may be NULL), e.g.
 * "CDRFile/cdr[3]/cdrLength":
 *   WCHG_E_TRUNCATED  the buffer ends inside the header or a CDR;
 *   WCHG_E_LENGTH     file length not |len|, a header length that does not
 *                     match its fields, a CDR running past the end;
 *   WCHG_E_RANGE      a time stamp, closure reason, format or TS number out
 *                     of range;
 *   WCHG_E_TRAILING   bytes after the last CDR the count announces;
 *   WCHG_E_MISSING    fewer CDRs than the count announces.
 */
WCHG_API wchg_status wchg_cdrfile_parse(const uint8_t *buf, size_t len, wchg_cdrfile *f,
                                        wchg_diag *diag);

/** Walk the CDRs of a parsed file. */
WCHG_API void wchg_cdrfile_iter_init(wchg_cdrfile_iter *it, const wchg_cdrfile *f);
/** The next CDR into *|out|: true, or false at the end. */
WCHG_API bool wchg_cdrfile_next(wchg_cdrfile_iter *it, wchg_cdrfile_cdr *out);

#ifdef __cplusplus
}
#endif
#endif
