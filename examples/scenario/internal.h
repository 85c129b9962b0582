/*
 * internal.h (private to the scenario engine): the reader's state, its
 * typed access to JSON members (json.c), and the runner's state shared
 * by run.c and answer.c.
 *
 * The reader records the first error only: every rd_* function returns
 * false once there is one, with the path, code and sentence in the
 * caller's scn_error.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_SCENARIO_INTERNAL_H
#define WCHG_SCENARIO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "scenario.h"

/* ---- the reader ---------------------------------------------------------- */

struct scn_block {
  struct scn_block *next;
  max_align_t align[]; /* the caller's bytes */
};

struct scn_priv {
  json_t *root;
  struct scn_block *blocks;
};

typedef struct rd {
  scenario *s;
  scn_error *err;
  wchg_status code; /* the first error */
} rd;

/* Zeroed bytes that live as long as the scenario; NULL (WCHG_E_NOMEM
 * recorded) when out of memory. */
void *rd_alloc(rd *r, size_t size);
/* Record the first error: the path of |key| under |path| (either may be
 * NULL) and a sentence. Always returns false, for "return rd_fail(...)". */
bool rd_fail(rd *r, wchg_status code, const char *path, const char *key, const char *fmt, ...);
/* |path| "." |key| into |buf|. */
const char *rd_sub(char *buf, size_t cap, const char *path, const char *key);
/* "an object", "a string", ...: the type of |j| in a sentence. */
const char *rd_type_name(const json_t *j);

/* |j| must be an object whose members are all in |allowed| (and in
 * |also|, may be NULL). */
bool rd_object(rd *r, const json_t *j, const char *path, const char *const *allowed,
               const char *const *also);
/* A string value |v| at |path| into |out| (a view into the JSON). */
bool rd_str_value(rd *r, const json_t *v, const char *path, wchg_str *out);
/* Optional string member |key| of |obj|; |required| makes it mandatory. */
bool rd_str(rd *r, const json_t *obj, const char *path, const char *key, bool required,
            wchg_str *out);
/* A C string member (a view into the JSON; NUL-terminated there). */
bool rd_cstr(rd *r, const json_t *obj, const char *path, const char *key, bool required,
             const char **out);
/* An optional integer member in |min|..|max|: *|present| set when given. */
bool rd_int(rd *r, const json_t *obj, const char *path, const char *key, int64_t min,
            int64_t max, bool *present, int64_t *out);
bool rd_opt_int(rd *r, const json_t *obj, const char *path, const char *key, int64_t min,
                int64_t max, wchg_opt_int *out);
/* An optional integer 0..UINT32_MAX. */
bool rd_u32(rd *r, const json_t *obj, const char *path, const char *key, bool *present,
            uint32_t *out);
/* An optional boolean member (|present| may be NULL). */
bool rd_bool(rd *r, const json_t *obj, const char *path, const char *key, bool *present,
             bool *out);
/* An array of strings (1..SCN_MAX_LIST) into a new wchg_str array. */
bool rd_str_list(rd *r, const json_t *obj, const char *path, const char *key,
                 const wchg_str **items, size_t *count);
/* An optional string member that is one of |names| (NULL-terminated,
 * named |list| in the message): its index into *which, 0 when absent. */
bool rd_choice(rd *r, const json_t *obj, const char *path, const char *key,
               const char *const *names, const char *list, int *which);
/* A time member: Unix milliseconds, or ISO-8601 text in UTC or with an
 * offset. */
bool rd_time(rd *r, const json_t *obj, const char *path, const char *key, bool required,
             int64_t *out);
/* A user or session name: 1 to SCN_MAX_NAME of [A-Za-z0-9_.-], no
 * leading '.'. */
bool rd_valid_name(const char *s, size_t n);
bool rd_name(rd *r, const json_t *obj, const char *path, const char *key, bool required,
             const char **out);

/* The offset of the deepest value of |path| ("a.b[2].c") found in the
 * JSON |text| (locate.c), and its line and column into |e|. */
size_t scn_locate(const char *text, size_t len, const char *path);
void scn_line_column(const char *text, size_t pos, scn_error *e);

/* The step members of a SIP event and of the actions (event.c). */
bool rd_register(rd *r, const json_t *a, const char *p, scn_step *st);
bool rd_standalone(rd *r, const json_t *a, const char *p, const char *method, scn_step *st);
bool rd_invite(rd *r, const json_t *a, const char *p, scn_step *st);
bool rd_request(rd *r, const json_t *a, const char *p, const char *method, scn_step *st);
bool rd_response(rd *r, const json_t *a, const char *p, scn_step *st);
bool rd_tick(rd *r, const json_t *a, const char *p, scn_step *st);
/* One entry of "steps" (step.c). */
bool rd_step(rd *r, const json_t *j, size_t index, scn_step *st);

/* The wchg_status named |name| (wchg_status_name()); false when none. */
bool scn_status_code(const char *name, wchg_status *out);

/* ---- the runner ---------------------------------------------------------- */

/* A growable byte buffer of the runner. */
typedef struct bytes {
  uint8_t *p;
  size_t len, cap;
} bytes;

typedef struct runner {
  const scenario *s;
  wchg_ctf_reg **regs;          /* one per user */
  wchg_ctf_session **sessions;  /* one per session name */
  wchg_ctf_pending *pending;    /* EVENTs without a session, with "aca" */
  wchg_ctf_record *rec;
  uint8_t *buf;                 /* the encoded ACR */
  size_t cap;
  scn_exchange ex[SCN_MAX_ACA]; /* a step's "aca" entries as they ran */
  bytes sent[SCN_MAX_ACA], got[SCN_MAX_ACA]; /* their copies */
  uint32_t next_unique;
  size_t records;
  char why[640];
} runner;

/* Send the step's ACR through the answer path (its bytes must be those
 * the runner encoded) and run every "aca" entry: false with rn->why on a
 * mismatch; WCHG_E_NOMEM in *nomem (answer.c). */
bool scn_answers(runner *rn, const scn_step *step, wchg_ctf_session *ses, const wchg_acr *acr,
                 size_t len, size_t *count, bool *nomem);
/* Does the outcome (status |st|, record |acr|, NULL for none, warnings
 * |w|) meet the step's expectation? If not, rn->why says why (check.c). */
bool scn_check(runner *rn, const scn_step *step, wchg_status st, const wchg_diag *d,
               const wchg_acr *acr, const wchg_warnings *w);

#endif
