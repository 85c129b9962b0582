/*
 * scenario.h: call-flow scenarios for the eP-CSCF charging trigger
 * function (ctf.h), read from JSON and replayed.
 *
 * The reader (scn_parse) turns JSON text in memory into a list of steps;
 * it does no I/O, so it can be fuzzed. The runner (scn_run) gives each
 * step to the CTF, encodes every ACR it produces (acr.h), reads the bytes
 * back with wchg_dmsg_parse(), and checks the step's "expect" member; it
 * does no I/O either: what to do with each outcome (print it, write the
 * message to a file, assert on it) is the caller's callback.
 *
 * Status codes are named by the library (wchg_status_name(), common.h),
 * in "expect" members and in messages alike.
 *
 * This is the engine of the webrtc_call demo, built once and linked by
 * webrtc_call, the unit tests (test_demo.c) and the fuzz target
 * fuzz_scenario; it uses the public API only. Its files: read.c (the
 * document), step.c, event.c, json.c (typed JSON members), locate.c (a
 * path's line and column), run.c (the runner), check.c, answer.c (the
 * "aca" entries), online.c (online.h: the Ro side of a run).
 *
 * The format is documented in README.md ("Scenario format").
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_EXAMPLES_SCENARIO_H
#define WCHG_EXAMPLES_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <webrtc_chg/webrtc_chg.h>

/* The bounds of the reader. */
#define SCN_MAX_INPUT (256u * 1024u) /* bytes of JSON text */
#define SCN_MAX_STEPS 1024           /* entries of "steps" */
#define SCN_MAX_USERS 64             /* members of "users" */
#define SCN_MAX_SESSIONS 256         /* distinct session names */
#define SCN_MAX_LIST 16              /* items of a list (asserted_identity,
                                        reason, associated_uri) */
#define SCN_MAX_TEXT 8192            /* bytes of one string but "sdp",
                                        which the input's bound alone
                                        limits (a string or any number of
                                        lines): the CTF's sdp_limits judge
                                        every body */
#define SCN_MAX_NAME 64              /* bytes of a user or session name:
                                        [A-Za-z0-9_.-], no leading '.' */
#define SCN_MAX_ACA 8                /* entries of a step's "aca" array */

/** What a step does. */
typedef enum scn_action {
  SCN_REGISTER,   /* wchg_ctf_register */
  SCN_INVITE,     /* wchg_ctf_session_begin */
  SCN_REQUEST,    /* wchg_ctf_session_event with a request (ack, bye, ...) */
  SCN_RESPONSE,   /* wchg_ctf_session_event with a response */
  SCN_TICK,       /* wchg_ctf_session_tick */
  SCN_STANDALONE, /* wchg_ctf_standalone (message, standalone) */
} scn_action;

/** An optional expected string: unset, a value, or null (must be absent). */
typedef enum scn_want { SCN_ANY = 0, SCN_VALUE = 1, SCN_NONE = 2 } scn_want;

/** A step's "expect" member; every field left unset is not checked. */
typedef struct scn_expect {
  bool present;
  bool has_error;                 /* "error": the call must return it */
  wchg_status error;
  bool has_record;                /* "record": NONE, EVENT, START, ... */
  int32_t record;
  bool has_number;                /* "number": Accounting-Record-Number */
  uint32_t number;
  scn_want cause;                 /* "cause_code": Cause-Code or null */
  int32_t cause_code;
  scn_want waf, wwsf;             /* WebRTC identities, or null */
  wchg_str waf_value, wwsf_value;
  bool has_emergency;             /* IMS-Emergency-Indicator */
  bool emergency;
  bool has_warnings;              /* "warnings": how many the call gave */
  uint32_t warnings;
  wchg_str warning;               /* "warning": the first one's path */
  bool has_sdp_media;             /* "sdp_media": SDP-Media-Components */
  uint32_t sdp_media;
  bool has_sdp_descriptions;      /* "sdp_descriptions": SDP-Media-
                                     Descriptions, all components */
  uint32_t sdp_descriptions;
} scn_expect;

/** What one transmission of a step's ACR gets back ("aca" entries). */
typedef enum scn_aca_kind {
  SCN_ACA_ANSWER = 0,    /* an ACA, as the CDF writes it */
  SCN_ACA_LOST = 1,      /* none: the host's timer expires */
  SCN_ACA_DUPLICATE = 2, /* the previous ACA once more */
} scn_aca_kind;

typedef struct scn_aca {
  scn_aca_kind kind;
  uint32_t result_code;              /* default 2001 */
  wchg_opt_int acct_interim_interval;
  wchg_str origin_host;              /* the answering CDF; absent: the
                                        config's destination_host, else
                                        its destination_realm */
  bool has_expect;                   /* "expect": a verdict name, or a
                                        wchg_status name the answer call
                                        must fail with */
  bool expect_error;
  wchg_ctf_verdict verdict;
  wchg_status error;
} scn_aca;

typedef struct scn_step {
  scn_action action;
  const char *verb;          /* its member name: "register", "bye", ... */
  int64_t at_ms;             /* "at", Unix milliseconds */
  const char *label;         /* the session name, or the label of a
                                register / standalone step */
  int session;               /* index into scenario.sessions; -1: none */
  int user;                  /* index into scenario.users; -1: none */
  int role_of_node;          /* WCHG_ROLE_ORIGINATING / _TERMINATING */
  bool has_unique;
  uint64_t unique;           /* Session-Id value; else the runner's */
  wchg_register_event reg;   /* SCN_REGISTER */
  wchg_sip_event ev;         /* the request or response of the other
                                actions (the request of a standalone) */
  wchg_sip_event response;   /* SCN_STANDALONE: its final response */
  scn_expect expect;
  const scn_aca *aca;        /* "aca": the answers to its ACR, in order */
  size_t aca_count;
} scn_step;

typedef struct scn_user {
  const char *name;
  const char *description;   /* NULL when not given */
} scn_user;

typedef struct scenario {
  const char *description;   /* NULL when not given */
  wchg_ctf_config config;
  uint32_t boot_count;       /* high half of the runner's Session-Ids */
  scn_user *users;
  size_t user_count;
  const char **sessions;     /* session names, in order of first use */
  size_t session_count;
  scn_step *steps;
  size_t step_count;
  struct scn_priv *priv;     /* the parsed JSON and the reader's blocks */
} scenario;

/** Where and why the text was refused. */
typedef struct scn_error {
  wchg_status code;          /* WCHG_E_JSON (syntax), WCHG_E_JSON_KEY
                                (unknown member), WCHG_E_JSON_TYPE,
                                WCHG_E_MISSING, WCHG_E_RANGE, WCHG_E_LIMIT,
                                WCHG_E_DUPLICATE, WCHG_E_NOMEM */
  char path[160];            /* e.g. "steps[3].invite.sdp"; "" for syntax */
  int line, column;          /* of a syntax error (Jansson's), else 0 */
  size_t position;           /* byte offset of a syntax error, else 0 */
  char message[224];
} scn_error;

/**
 * scn_parse - read the scenario in |text| (|len| bytes, no NUL needed)
 * into a new *|out| (free it with scn_free). Strict: unknown members,
 * wrong types, values out of range, counts past the bounds above, and
 * names of users or sessions not defined before use are refused.
 * Returns WCHG_OK, or the code in |err| (may be NULL) with the path and a
 * sentence.
 */
wchg_status scn_parse(const char *text, size_t len, scenario **out, scn_error *err);

/** scn_free - release |s| (NULL is fine). */
void scn_free(scenario *s);

/** scn_record_name - "EVENT", "START", ... for an Accounting-Record-Type
 * (or "NONE"); "?" if unknown. */
const char *scn_record_name(int32_t type);

/** One "aca" entry as it ran: the ACR (or its resend) went out, this
 * came back. Views into the runner, valid during the callback. */
typedef struct scn_exchange {
  const scn_aca *aca;
  const uint8_t *sent;       /* the bytes this transmission sent */
  size_t sent_len;
  const uint8_t *msg;        /* the ACA given to the CTF; NULL when lost */
  size_t msg_len;
  wchg_status status;        /* of the answer (or timeout) call */
  wchg_diag diag;            /* its diagnostic when status != WCHG_OK */
  wchg_ctf_answer answer;    /* the verdict (status WCHG_OK) */
} scn_exchange;

/** What one step gave, handed to the runner's callback. */
typedef struct scn_outcome {
  size_t index;              /* of the step */
  const scn_step *step;
  wchg_status status;        /* the CTF's answer (or the encoder's) */
  const wchg_diag *diag;     /* its diagnostic when status != WCHG_OK */
  size_t record_seq;         /* 1, 2, ...: the number of this ACR in the
                                run (its hop-by-hop and end-to-end
                                identifiers); 0 when there is none */
  const wchg_ctf_session *session; /* the step's session (NULL: none):
                                      wchg_ctf_session_info() may read it */
  const wchg_acr *acr;       /* the ACR, or NULL */
  const wchg_warnings *warnings; /* what the call accepted but reported
                                    (wchg_ctf_record_warnings()) */
  const uint8_t *msg;        /* its encoding (a full ACR message) */
  size_t msg_len;
  const scn_exchange *exchanges; /* its "aca" entries as they ran */
  size_t exchange_count;
  bool ok;                   /* the step met its expectation (or had
                                none and succeeded) */
  const char *mismatch;      /* when !ok: why, one sentence */
} scn_outcome;

/** Called once per step; a non-zero return stops the run with it. */
typedef int (*scn_callback)(const scn_outcome *o, void *user_data);

typedef struct scn_stats {
  size_t steps, records, errors, mismatches;
} scn_stats;

/**
 * scn_run - replay |s| through a fresh set of CTF objects (one
 * registration context per user, one session per session name): each
 * step is given to the CTF, its ACR (if any) gets hop-by-hop and
 * end-to-end identifiers from a counter, is encoded and parsed back, and
 * the step's expectation is checked; a step with "aca" entries sends
 * its ACR through the CTF's answer path (ctf_aca.h: the session's, or a
 * wchg_ctf_pending for EVENTs without a session), gives it each answer
 * or timeout in turn, resends what the verdict says to and checks each
 * entry's "expect"; then |cb| (may be NULL) sees the outcome. An ACR that does not encode or parse back is a mismatch, and
 * so is an error the step did not expect.
 * Returns 0 when every step ran (|stats| says how many mismatched), the
 * callback's non-zero value, or WCHG_E_NOMEM.
 */
int scn_run(const scenario *s, scn_callback cb, void *user_data, scn_stats *stats);

#endif
