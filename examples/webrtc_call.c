/*
 * webrtc_call: replay a WebRTC call flow through the eP-CSCF's charging
 * trigger function and write every ACR it produces.
 *
 *   webrtc_call [--out DIR] [--quiet] [SCENARIO.json]
 *
 * Without a file it runs the built-in scenario, the text of
 * examples/scenarios/demo.json compiled in: an H.3 user (WAF
 * waf.example.net, WWSF wwsf.example.com) registers and calls with audio
 * and video, drops the video with a re-INVITE and hangs up; an H.4 pool
 * user sends a MESSAGE and makes a call that fails with 486; an emergency
 * call from a WIC is refused; the H.3 user de-registers.
 *
 * Each ACR is written as a full Diameter message to
 * DIR/NN-<session>-<TYPE>.diam (DIR defaults to build/demo) and
 * summarised in one line on stdout; a refused step gets a line too.
 * A step with "aca" entries (the CDF's answers, ctf_aca.h) gets one line
 * per answer with its verdict; the ACAs and the resends go beside the
 * ACR as DIR/NN-<session>-<TYPE>-acaK.diam and -resendK.diam.
 * Beside them, the online charging of the WebRTC users' calls and
 * MESSAGEs (examples/scenario/online.h: the IMS-GWF's CCRs, a simulated
 * OCS's CCAs) goes to DIR/ro/NN-<session>-CCR-<I|U|T>.diam and -CCA-...,
 * one line each ("Ro"). The scenario's "expect" members are checked: a
 * mismatch is reported on stderr. Exit status: 0 when every expectation held, 1 when one did not,
 * 2 on a usage, input or output error. The format is in README.md
 * ("Scenario format").
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <webrtc_chg/webrtc_chg.h>

#include "demo_scenario.h" /* generated: demo_scenario_json[] */
#include "file_out.h"
#include "online.h"
#include "read_all.h"
#include "scenario.h"

struct ctx {
  scenario *s;
  const char *out;   /* directory */
  const char *name;  /* the scenario's file name, for messages */
  int quiet;
  int io_error;
  size_t refused;
  online *ro;
  size_t ro_msgs;
};

/* "text" of a wchg_str for printf("%.*s"). */
#define STR_ARG(s) (int)(s).len, (s).ptr ? (s).ptr : ""

/* One summary line per ACR. */
static void print_record(const scn_outcome *o, const char *path) {
  const wchg_acr *a = o->acr;
  char who[96], extra[64] = "";
  snprintf(who, sizeof who, "%s#%" PRIu32, o->step->label, a->accounting_record_number);
  if (a->cause_code.present)
    snprintf(extra, sizeof extra, " cause=%" PRId64, a->cause_code.value);
  printf("%02zu %-7s %-20s sid=%.*s  %-9.*s%s", o->record_seq,
         scn_record_name(a->accounting_record_type), who, STR_ARG(a->session_id),
         a->ims.sip_method.ptr ? (int)a->ims.sip_method.len : 1,
         a->ims.sip_method.ptr ? a->ims.sip_method.ptr : "-", extra);
  if (a->ims.ims_charging_identifier.ptr)
    printf("  icid=%.*s", (int)a->ims.ims_charging_identifier.len,
           (const char *)a->ims.ims_charging_identifier.ptr);
  if (a->ims.webrtc_authentication_function_name.ptr)
    printf("  waf=%.*s", STR_ARG(a->ims.webrtc_authentication_function_name));
  if (a->ims.webrtc_web_server_function_name.ptr)
    printf(" wwsf=%.*s", STR_ARG(a->ims.webrtc_web_server_function_name));
  if (a->ims.ims_emergency_indicator)
    printf("  emergency");
  printf("  %zu bytes  -> %s\n", o->msg_len, path);
}

/* A step that failed: a refusal (or another error) line. */
static void print_error(const scn_outcome *o, struct ctx *c) {
  const scn_step *st = o->step;
  const char *name = wchg_status_name(o->status);
  const char *msg = o->diag->message[0] ? o->diag->message : wchg_strerror(o->status);
  const char *user = st->user >= 0 ? c->s->users[st->user].name : NULL;
  if (o->status == WCHG_E_EMERGENCY) {
    c->refused++;
    printf("-- REFUSED emergency %s from WIC %s: %s (%s)\n",
           st->action == SCN_INVITE ? "call" : "request", user ? user : "(none)",
           name ? name : "?", msg);
  } else {
    printf("-- ERROR   step %zu (%s %s): %s (%s%s%s)\n", o->index, st->verb, st->label,
           name ? name : "?", o->diag->path[0] ? o->diag->path : "",
           o->diag->path[0] ? ": " : "", msg);
  }
}

/* What the CTF accepted but reported (an SDP line it kept or left out, a
 * body it could not read): one line each. */
static void print_warnings(const scn_outcome *o) {
  const wchg_warnings *w = o->warnings;
  for (size_t i = 0; w && i < w->count && i < w->cap; i++) {
    const wchg_diag *d = &w->items[i];
    const char *name = wchg_status_name(d->code);
    printf("-- WARNING step %zu (%s %s): %s", o->index, o->step->verb, o->step->label, d->path);
    if (d->offset != WCHG_NO_OFFSET)
      printf(" at byte %zu", d->offset);
    printf(": %s (%s)\n", d->message, name ? name : "?");
  }
  if (w && w->count > w->cap)
    printf("-- WARNING step %zu (%s %s): %zu more\n", o->index, o->step->verb, o->step->label,
           w->count - w->cap);
}

/* One Ro message: its file and its line. */
static int on_ro(const online_msg *m, void *user_data) {
  struct ctx *c = user_data;
  char path[4096];
  snprintf(path, sizeof path, "%s/ro/%02zu-%s-CC%c-%s.diam", c->out, ++c->ro_msgs, m->session,
           m->request ? 'R' : 'A',
           m->cc_request_type == WCHG_CC_INITIAL  ? "I"
           : m->cc_request_type == WCHG_CC_UPDATE ? "U"
           : m->cc_request_type == WCHG_CC_TERMINATION ? "T"
                                                       : "E");
  if (write_file(path, m->msg, m->len) != 0) {
    fprintf(stderr, "webrtc_call: %s: %s\n", path, strerror(errno));
    c->io_error = 1;
    return 1;
  }
  if (!c->quiet)
    printf("   Ro %s  %zu bytes  -> %s\n", m->summary, m->len, path);
  return 0;
}

/* What exchange |x| got back ("none (timeout)", "2001 from cdf1...") and
 * its verdict ("RESEND: resend #1 with T", "refused: ..."). */
static void exchange_text(const scn_exchange *x, char *what, size_t what_cap, char *verdict,
                          size_t verdict_cap) {
  const wchg_ctf_answer *a = &x->answer;
  if (x->aca->kind == SCN_ACA_LOST)
    snprintf(what, what_cap, "none (timeout)");
  else if (x->aca->kind == SCN_ACA_DUPLICATE)
    snprintf(what, what_cap, "the last once more");
  else
    snprintf(what, what_cap, "%" PRIu32 " from %.*s", a->result_code ? a->result_code
                                                                      : x->aca->result_code,
             STR_ARG(x->aca->kind == SCN_ACA_ANSWER && x->status == WCHG_OK
                         ? a->origin_host : x->aca->origin_host));
  if (x->status != WCHG_OK)
    snprintf(verdict, verdict_cap, "refused: %s (%s: %s)", wchg_status_name(x->status),
             x->diag.path, x->diag.message);
  else if (a->resend)
    snprintf(verdict, verdict_cap, "%s: resend #%" PRIu32 " with T",
             wchg_ctf_verdict_name(a->verdict), a->resends);
  else
    snprintf(verdict, verdict_cap, "%s", wchg_ctf_verdict_name(a->verdict));
}

/* The ACA of exchange |k| and the resend its verdict gave, beside the
 * ACR's file |base| (-acaN, -resendN); -1 on an I/O error. */
static int write_exchange(const scn_exchange *x, size_t k, const char *base) {
  char path[4200];
  if (x->msg) {
    snprintf(path, sizeof path, "%s-aca%zu.diam", base, k + 1);
    if (write_file(path, x->msg, x->msg_len) != 0)
      return -1;
  }
  if (x->status == WCHG_OK && x->answer.resend) {
    snprintf(path, sizeof path, "%s-resend%" PRIu32 ".diam", base, x->answer.resends);
    if (write_file(path, x->answer.resend, x->answer.resend_len) != 0)
      return -1;
  }
  return 0;
}

/* The ACA side of one ACR: each answer (or timeout) and its verdict; the
 * ACAs and the resends go beside the ACR's file (-acaN, -resendN). */
static int print_exchanges(const scn_outcome *o, struct ctx *c) {
  char base[4096];
  snprintf(base, sizeof base, "%s/%02zu-%s-%s", c->out, o->record_seq, o->step->label,
           scn_record_name(o->acr->accounting_record_type));
  for (size_t k = 0; k < o->exchange_count; k++) {
    const scn_exchange *x = &o->exchanges[k];
    char what[96], verdict[512];
    exchange_text(x, what, sizeof what, verdict, sizeof verdict);
    if (write_exchange(x, k, base) != 0)
      return -1;
    if (c->quiet)
      continue;
    printf("   ACA %zu  %-28s", k + 1, what);
    if (x->status == WCHG_OK && x->answer.acct_interim_interval.present)
      printf("  Acct-Interim-Interval %" PRId64 " s", x->answer.acct_interim_interval.value);
    printf("  %s\n", verdict);
  }
  return 0;
}

/* The ACR of |o| to its file, its line and its answers; -1 on an I/O
 * error (said on stderr). */
static int record_out(const scn_outcome *o, struct ctx *c) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%02zu-%s-%s.diam", c->out, o->record_seq, o->step->label,
           scn_record_name(o->acr->accounting_record_type));
  if (write_file(path, o->msg, o->msg_len) != 0) {
    fprintf(stderr, "webrtc_call: %s: %s\n", path, strerror(errno));
    return -1;
  }
  if (!c->quiet)
    print_record(o, path);
  if (print_exchanges(o, c) != 0) {
    fprintf(stderr, "webrtc_call: %s/...-aca: %s\n", c->out, strerror(errno));
    return -1;
  }
  return 0;
}

static int on_step(const scn_outcome *o, void *user_data) {
  struct ctx *c = user_data;
  if (o->acr && o->msg) {
    if (record_out(o, c) != 0) {
      c->io_error = 1;
      return 1;
    }
  } else if (o->status != WCHG_OK && !c->quiet) {
    print_error(o, c);
  }
  if (!c->quiet)
    print_warnings(o);
  if (!o->ok)
    fprintf(stderr, "webrtc_call: %s: step %zu (%s %s): %s\n", c->name, o->index,
            o->step->verb, o->step->label, o->mismatch);
  int rc = online_step(c->ro, o, on_ro, c);
  if (rc < 0) {
    fprintf(stderr, "webrtc_call: %s: step %zu (%s %s): online charging: %s\n", c->name,
            o->index, o->step->verb, o->step->label, "a Ro message failed");
    c->io_error = 1;
  }
  return rc;
}

static int usage(void) {
  fprintf(stderr, "usage: webrtc_call [--out DIR] [--quiet] [SCENARIO.json]\n");
  return 2;
}

/* The options and the file (*|file|, NULL: the built-in scenario).
 * Returns -1 to go on, else the exit status of a usage error. */
static int parse_args(int argc, char **argv, struct ctx *c, const char **file) {
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
      c->out = argv[++i];
    else if (strcmp(argv[i], "--quiet") == 0)
      c->quiet = 1;
    else if (argv[i][0] == '-' && argv[i][1] != '\0')
      return usage();
    else if (*file)
      return usage();
    else
      *file = argv[i];
  }
  return -1;
}

/* Read the scenario |text| into c->s: 0, or 2 after a message with the
 * path, line and column. */
static int read_scenario(struct ctx *c, const char *text, size_t len) {
  scn_error err;
  wchg_status st = scn_parse(text, len, &c->s, &err);
  if (st == WCHG_OK)
    return 0;
  if (err.line)
    fprintf(stderr, "webrtc_call: %s:%d:%d: %s%s%s (%s)\n", c->name, err.line, err.column,
            err.path, err.path[0] ? ": " : "", err.message, wchg_status_name(st));
  else
    fprintf(stderr, "webrtc_call: %s: %s%s%s (%s)\n", c->name, err.path,
            err.path[0] ? ": " : "", err.message, wchg_status_name(st));
  return 2;
}

/* Run the scenario with its online charging, print the summary line.
 * Returns the exit status. */
static int run(struct ctx *c) {
  scn_stats stats;
  int rc = WCHG_E_NOMEM;
  if ((c->ro = online_new(c->s)) != NULL)
    rc = scn_run(c->s, on_step, c, &stats);
  if (rc == WCHG_E_NOMEM)
    fprintf(stderr, "webrtc_call: out of memory\n");
  if (!c->quiet && rc == 0)
    printf("-- %zu steps, %zu ACRs and %zu Ro messages in %s, %zu refused; %s\n",
           stats.steps, stats.records, c->ro_msgs, c->out, c->refused,
           stats.mismatches ? "SOME EXPECTATIONS FAILED" : "every expectation met");
  online_free(c->ro);
  if (rc != 0 || c->io_error)
    return 2;
  return stats.mismatches ? 1 : 0;
}

int main(int argc, char **argv) {
  struct ctx c = {.out = "build/demo", .name = "(built-in demo.json)"};
  const char *file = NULL;
  uint8_t *data = NULL;
  const char *text = (const char *)demo_scenario_json;
  size_t len = sizeof demo_scenario_json;
  char ro_dir[4096];
  int rc = parse_args(argc, argv, &c, &file);

  if (rc >= 0)
    return rc;
  if (file) {
    if (read_all(file, &data, &len) != 0) {
      fprintf(stderr, "webrtc_call: %s: %s\n", file, strerror(errno));
      return 2;
    }
    text = (const char *)data;
    c.name = file;
  }
  snprintf(ro_dir, sizeof ro_dir, "%s/ro", c.out);
  if ((rc = read_scenario(&c, text, len)) == 0 && make_dirs(ro_dir) != 0) {
    fprintf(stderr, "webrtc_call: %s: %s\n", ro_dir, strerror(errno));
    rc = 2;
  }
  if (rc == 0)
    rc = run(&c);
  scn_free(c.s);
  free(data);
  return rc;
}
