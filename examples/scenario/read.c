/*
 * read.c: the scenario reader (scenario.h): the document, its "config"
 * and "users", scn_parse() and scn_free(); the names of statuses (the
 * library's, wchg_status_name()) and of record types.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The lowest status code looked up by name: common.h gives the codes
 * -1..-99 and reserves -100 and below for later modules. */
#define STATUS_LOWEST (-999)

bool scn_status_code(const char *name, wchg_status *out) {
  for (int code = 0; code >= STATUS_LOWEST; code--) {
    const char *n = wchg_status_name(code);
    if (n && strcmp(n, name) == 0) {
      *out = (wchg_status)code;
      return true;
    }
  }
  return false;
}

static const char *const record_names[] = {"NONE", "EVENT", "START", "INTERIM", "STOP"};

const char *scn_record_name(int32_t type) {
  return type >= 0 && type <= WCHG_ACR_STOP ? record_names[type] : "?";
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

/* The Diameter identities and AVPs of "config". */
static bool rd_config_avps(rd *r, const json_t *c, const char *p, wchg_ctf_config *cfg) {
  return rd_str(r, c, p, "origin_host", true, &cfg->origin_host) &&
         rd_str(r, c, p, "origin_realm", true, &cfg->origin_realm) &&
         rd_str(r, c, p, "destination_realm", true, &cfg->destination_realm) &&
         rd_str(r, c, p, "destination_host", false, &cfg->destination_host) &&
         rd_opt_int(r, c, p, "origin_state_id", 0, UINT32_MAX, &cfg->origin_state_id) &&
         rd_opt_int(r, c, p, "acct_interim_interval", 0, UINT32_MAX,
                    &cfg->acct_interim_interval) &&
         rd_str(r, c, p, "service_context_id", false, &cfg->service_context_id) &&
         rd_str(r, c, p, "ims_visited_network_identifier", false,
                &cfg->ims_visited_network_identifier) &&
         rd_str(r, c, p, "session_id_optional", false, &cfg->session_id_optional);
}

static bool rd_config(rd *r, const json_t *root) {
  static const char *const members[] = {
      "origin_host", "origin_realm", "destination_realm", "destination_host",
      "origin_state_id", "acct_interim_interval", "service_context_id",
      "ims_visited_network_identifier", "session_id_optional", "boot_count", "sdp_lines",
      "sdp_policy", "sdp_max_bytes", "sdp_max_media", NULL};
  static const char *const lines[] = {"charging", "all", "none", NULL};
  static const char *const policies[] = {"receive", "strict", NULL};
  uint32_t max_bytes = 0, max_media = 0;
  int which;
  const char *p = "config";
  const json_t *c = json_object_get(root, "config");
  wchg_ctf_config *cfg = &r->s->config;
  int64_t boot = 1;
  bool has = false;
  if (!c)
    return rd_fail(r, WCHG_E_MISSING, NULL, "config", "member \"config\" is required");
  if (!rd_object(r, c, p, members, NULL) || !rd_config_avps(r, c, p, cfg) ||
      !rd_int(r, c, p, "boot_count", 0, UINT32_MAX, &has, &boot) ||
      !rd_u32(r, c, p, "sdp_max_bytes", &has, &max_bytes) ||
      !rd_u32(r, c, p, "sdp_max_media", &has, &max_media))
    return false;
  r->s->boot_count = (uint32_t)boot;
  cfg->sdp_limits = (wchg_sdp_limits){max_bytes, max_media};
  if (!rd_choice(r, c, p, "sdp_lines", lines, "\"charging\", \"all\" or \"none\"", &which))
    return false;
  cfg->sdp_lines = (wchg_ctf_sdp_lines)which; /* in the order of the enum */
  if (!rd_choice(r, c, p, "sdp_policy", policies, "\"receive\" or \"strict\"", &which))
    return false;
  cfg->sdp_policy = (wchg_policy)which;
  return true;
}

/* The user named |key| (its member |v| of "users"). */
static bool rd_user_entry(rd *r, const char *key, const json_t *v) {
  static const char *const members[] = {"description", NULL};
  scn_user *user = &r->s->users[r->s->user_count];
  char p[64];
  rd_sub(p, sizeof p, "users", key);
  if (!rd_valid_name(key, strlen(key)))
    return rd_fail(r, WCHG_E_RANGE, "users", key,
                   "\"%.40s\" is not a name (1 to %d of A-Z a-z 0-9 _ . -, not starting "
                   "with '.')", key, SCN_MAX_NAME);
  if (!rd_object(r, v, p, members, NULL) ||
      !rd_cstr(r, v, p, "description", false, &user->description))
    return false;
  user->name = key;
  r->s->user_count++;
  return true;
}

static bool rd_users(rd *r, const json_t *root) {
  const json_t *u = json_object_get(root, "users");
  const char *key;
  json_t *v;
  if (!u)
    return true;
  if (!json_is_object(u))
    return rd_fail(r, WCHG_E_JSON_TYPE, "users", NULL, "expected an object, not %s",
                   rd_type_name(u));
  size_t n = json_object_size(u);
  if (n > SCN_MAX_USERS)
    return rd_fail(r, WCHG_E_LIMIT, "users", NULL, "%zu users (at most %d)", n, SCN_MAX_USERS);
  if (n && !(r->s->users = rd_alloc(r, n * sizeof *r->s->users)))
    return false;
  json_object_foreach((json_t *)u, key, v) {
    if (!rd_user_entry(r, key, v))
      return false;
  }
  return true;
}

static bool rd_document(rd *r, const json_t *root) {
  static const char *const members[] = {"description", "config", "users", "steps", NULL};
  scenario *s = r->s;
  if (!rd_object(r, root, "", members, NULL) ||
      !rd_cstr(r, root, "", "description", false, &s->description) || !rd_config(r, root) ||
      !rd_users(r, root))
    return false;
  const json_t *steps = json_object_get(root, "steps");
  if (!steps)
    return rd_fail(r, WCHG_E_MISSING, NULL, "steps", "member \"steps\" is required");
  if (!json_is_array(steps))
    return rd_fail(r, WCHG_E_JSON_TYPE, "steps", NULL, "expected an array, not %s",
                   rd_type_name(steps));
  size_t n = json_array_size(steps);
  if (n > SCN_MAX_STEPS)
    return rd_fail(r, WCHG_E_LIMIT, "steps", NULL, "%zu steps (at most %d)", n, SCN_MAX_STEPS);
  if (n && (!(s->steps = rd_alloc(r, n * sizeof *s->steps)) ||
            !(s->sessions = rd_alloc(r, SCN_MAX_SESSIONS * sizeof *s->sessions))))
    return false;
  for (size_t i = 0; i < n; i++) {
    if (!rd_step(r, json_array_get(steps, i), i, &s->steps[i]))
      return false;
    s->step_count++;
  }
  return true;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/* Jansson reports a failed allocation only in its text. */
static bool jansson_oom(const json_error_t *e) {
  return strstr(e->text, "out of memory") != NULL;
}

/* Read |text| into r->s: its syntax (Jansson), then the document; a
 * refusal after parsing is placed at the line and column of its path. */
static void rd_text(rd *r, const char *text, size_t len) {
  struct scn_priv *priv = r->s->priv;
  scn_error *err = r->err;
  json_error_t je;
  priv->root = json_loadb(text ? text : "", len, JSON_REJECT_DUPLICATES, &je);
  if (!priv->root) {
    r->code = jansson_oom(&je) ? WCHG_E_NOMEM : WCHG_E_JSON;
    if (err) {
      err->line = je.line;
      err->column = je.column;
      err->position = (size_t)je.position;
      snprintf(err->message, sizeof err->message, "%s", je.text);
    }
  } else if (!rd_document(r, priv->root) && err && r->code != WCHG_E_NOMEM) {
    scn_line_column(text, scn_locate(text, len, err->path), err);
  }
}

/* A refusal before reading: |code| and a sentence into |err| (may be
 * NULL). */
static wchg_status refuse(scn_error *err, wchg_status code, const char *fmt, ...) {
  if (err) {
    va_list ap;
    err->code = code;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
  }
  return code;
}

/* A new scenario with its private part; NULL when out of memory. */
static scenario *scn_new(void) {
  scenario *s = calloc(1, sizeof *s);
  struct scn_priv *priv = calloc(1, sizeof *priv);
  if (!s || !priv) {
    free(s);
    free(priv);
    return NULL;
  }
  s->priv = priv;
  return s;
}

wchg_status scn_parse(const char *text, size_t len, scenario **out, scn_error *err) {
  rd r = {.err = err};

  if (err)
    memset(err, 0, sizeof *err);
  if (!out || (!text && len))
    return err ? err->code = WCHG_E_ARG : WCHG_E_ARG;
  *out = NULL;
  if (len > SCN_MAX_INPUT)
    return refuse(err, WCHG_E_LIMIT, "%zu bytes of JSON (at most %u)", len, SCN_MAX_INPUT);
  if (!(r.s = scn_new()))
    return refuse(err, WCHG_E_NOMEM, "out of memory");
  rd_text(&r, text, len);
  if (r.code != WCHG_OK) {
    if (err)
      err->code = r.code;
    scn_free(r.s);
    return r.code;
  }
  *out = r.s;
  return WCHG_OK;
}

void scn_free(scenario *s) {
  if (!s)
    return;
  if (s->priv) {
    struct scn_block *b = s->priv->blocks;
    while (b) {
      struct scn_block *next = b->next;
      free(b);
      b = next;
    }
    json_decref(s->priv->root);
    free(s->priv);
  }
  free(s);
}
