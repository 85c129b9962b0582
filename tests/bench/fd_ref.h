/* fd_ref.h: what the benchmarks against freeDiameter 1.2.1 share
 * (bench_diameter, bench_ro). Header-only, since every .c file in
 * tests/bench is a benchmark of its own: include it once, after
 * bench_util.h, in a benchmark that defines _GNU_SOURCE before any include
 * and is linked with -lfdcore -lfdproto -ldl (Makefile: BENCH_LIBS).
 *
 *   - a message as a tree: every AVP of a reference message (built by our
 *     writer or encoder) in pre-order, values pre-encoded (fd_tree_collect);
 *   - freeDiameter set up twice (fd_refs_setup):
 *       "stockdict": as deployed, the core's base protocol dictionary plus
 *         the dict_nasreq, dict_dcca and dict_dcca_3gpp extensions (package
 *         freediameter-extensions; skipped when not installed), with the
 *         AVPs of the benchmark's messages it lacks (e.g. 657/658) declared
 *         from our table;
 *       "ourdict": every AVP, enumerated value, Grouped rule and command of
 *         wchg_dict_avps() declared with fd_dict_new (a much smaller
 *         dictionary, so freeDiameter's linear AVP lookups are cheaper);
 *     with the models of the message the benchmark builds looked up once,
 *     outside any timing, as a real application caches them;
 *   - that message built by freeDiameter (fd_msg_new, fd_msg_avp_new/
 *     setvalue/add for every AVP, fd_msg_bufferize: fd_encode), a message
 *     read by it (a malloc'd copy, fd_msg_parse_buffer, fd_msg_parse_dict,
 *     optionally fd_msg_parse_rules, fd_msg_free: fd_parse), and both
 *     checked against ours (fd_compare);
 *   - their timings: one round, the median of its batches (fd_once_encode,
 *     fd_once_parse), or the best of 5 rounds (fd_time_encode, fd_time_parse);
 *   - the result lines: bench NAME ns_per_op=X ref=REF ref_ns_per_op=Y
 *     speedup=Y/X (target ...: met|MISSED) or (info: ...); for a
 *     benchmark that repeats its rounds (FD_REPS), X and Y are medians,
 *     followed by min, max, the worst repetition's ratio and the count.
 *
 * All functions are static inline: a benchmark uses what it needs.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_BENCH_FD_REF_H
#define WCHG_BENCH_FD_REF_H

#ifndef _GNU_SOURCE
#error "define _GNU_SOURCE before any include (freeDiameter's headers need it)"
#endif
#ifndef WCHG_BENCH_UTIL_H
#error "include bench_util.h (in the benchmark: the Makefile looks for it there) first"
#endif

#include <freeDiameter/freeDiameter-host.h>
#include <freeDiameter/libfdcore.h>

#include <dlfcn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <webrtc_chg/diameter.h>

/* ------------------------------------------------------------------ */
/* The result lines                                                    */
/* ------------------------------------------------------------------ */

/* A comparison with a target of the issue: met or MISSED (a miss does not
 * fail the run). */
static inline void line(const char *name, double ns, const char *ref, double ref_ns,
                        const char *target, bool met) {
  printf("bench %s ns_per_op=%.1f ref=%s ref_ns_per_op=%.1f speedup=%.2f (target %s: %s)\n",
         name, ns, ref, ref_ns, ref_ns / ns, target, met ? "met" : "MISSED");
}

/* A comparison no target of the issue is about, printed for the record. */
static inline void info(const char *name, double ns, const char *ref, double ref_ns,
                        const char *why) {
  printf("bench %s ns_per_op=%.1f ref=%s ref_ns_per_op=%.1f speedup=%.2f (info: %s)\n", name,
         ns, ref, ref_ns, ref_ns / ns, why);
}

/* ------------------------------------------------------------------ */
/* The message as a tree: every AVP in pre-order                       */
/* ------------------------------------------------------------------ */

#define FD_MAX_NODES 128

struct fd_node {
  wchg_avp avp;    /* view into the reference message */
  size_t ndesc;    /* number of descendants (Grouped) */
  uint64_t num;    /* the value of a numeric AVP */
  uint8_t hdr[12]; /* the AVP header, as in the message */
  size_t hl;
};

struct fd_tree {
  uint8_t flags;   /* the message header */
  uint32_t app_id, hop_by_hop, end_to_end;
  struct fd_node nodes[FD_MAX_NODES];
  size_t n;
};

static inline int fd_tree_add(struct fd_tree *t, const wchg_dmsg *m, const wchg_avp *group) {
  wchg_avp_iter it;
  wchg_avp a;
  wchg_avp_iter_group(&it, m, group);
  while (wchg_avp_next(&it, &a)) {
    if (t->n == FD_MAX_NODES || !a.dict)
      return -1;
    size_t me = t->n++;
    struct fd_node *nd = &t->nodes[me];
    nd->avp = a;
    nd->hl = a.flags & WCHG_AVP_FLAG_V ? 12 : 8;
    memcpy(nd->hdr, m->data + a.offset, nd->hl);
    switch (a.dict->type) {
    case WCHG_AVP_INTEGER32: case WCHG_AVP_UNSIGNED32: case WCHG_AVP_ENUMERATED:
    case WCHG_AVP_FLOAT32: {
      uint32_t v;
      wchg_avp_u32(&a, &v);
      nd->num = v;
      break;
    }
    case WCHG_AVP_INTEGER64: case WCHG_AVP_UNSIGNED64: case WCHG_AVP_FLOAT64:
      wchg_avp_u64(&a, &nd->num);
      break;
    case WCHG_AVP_GROUPED:
      if (fd_tree_add(t, m, &a) != 0)
        return -1;
      break;
    default:
      break;
    }
    t->nodes[me].ndesc = t->n - me - 1;
  }
  return 0;
}

/* *|t| from the parsed message |m| (whose bytes must outlive |t|): 0, or
 * -1 with more than FD_MAX_NODES AVPs or one our dictionary lacks. */
static inline int fd_tree_collect(struct fd_tree *t, const wchg_dmsg *m) {
  t->flags = m->flags;
  t->app_id = m->app_id;
  t->hop_by_hop = m->hop_by_hop;
  t->end_to_end = m->end_to_end;
  t->n = 0;
  return fd_tree_add(t, m, NULL);
}

/* The index of the first top-level AVP |code| (vendor 0), or t->n. */
static inline size_t fd_tree_find(const struct fd_tree *t, uint32_t code) {
  size_t i = 0;
  while (i < t->n && (t->nodes[i].avp.code != code || t->nodes[i].avp.vendor))
    i += 1 + t->nodes[i].ndesc;
  return i;
}

/* ------------------------------------------------------------------ */
/* freeDiameter set-ups                                                */
/* ------------------------------------------------------------------ */

/* One freeDiameter set-up: a dictionary, and the command and models of
 * the message it builds. */
struct fdref {
  const char *label; /* in the ref= names */
  struct dictionary *dict;
  struct dict_object *cmd;    /* the request it builds */
  struct fd_tree *tree;       /* that message */
  struct dict_object *models[FD_MAX_NODES];
  struct dict_object *types[WCHG_AVP_ENUMERATED + 1];
  int added; /* AVPs of ours the dictionary lacked */
};

/* Both set-ups; list[0..n) the ones in use (stockdict first, when the
 * extensions are installed). */
struct fd_refs {
  struct fdref stock, own;
  struct fdref *list[2];
  size_t n;
};

#define FD_TRY(call)                                                          \
  do {                                                                        \
    int rc_ = (call);                                                         \
    if (rc_ != 0) {                                                           \
      fprintf(stderr, "bench: %s: error %d (%s)\n", #call, rc_, strerror(rc_)); \
      return -1;                                                              \
    }                                                                         \
  } while (0)

static inline enum dict_avp_basetype fd_base(wchg_avp_type t) {
  switch (t) {
  case WCHG_AVP_INTEGER32: case WCHG_AVP_ENUMERATED: return AVP_TYPE_INTEGER32;
  case WCHG_AVP_INTEGER64: return AVP_TYPE_INTEGER64;
  case WCHG_AVP_UNSIGNED32: return AVP_TYPE_UNSIGNED32;
  case WCHG_AVP_UNSIGNED64: return AVP_TYPE_UNSIGNED64;
  case WCHG_AVP_FLOAT32: return AVP_TYPE_FLOAT32;
  case WCHG_AVP_FLOAT64: return AVP_TYPE_FLOAT64;
  case WCHG_AVP_GROUPED: return AVP_TYPE_GROUPED;
  default: return AVP_TYPE_OCTETSTRING;
  }
}

static const struct {
  wchg_avp_type t;
  const char *name;
} fd_derived[] = {
    {WCHG_AVP_ADDRESS, "Address"}, {WCHG_AVP_TIME, "Time"},
    {WCHG_AVP_UTF8STRING, "UTF8String"}, {WCHG_AVP_DIAMETERIDENTITY, "DiameterIdentity"},
    {WCHG_AVP_DIAMETERURI, "DiameterURI"},
};

/* The derived types of freeDiameter's base dictionary, with its helpers
 * (for a dictionary of our own). */
static inline int fd_declare_types(struct fdref *r) {
  for (size_t i = 0; i < sizeof fd_derived / sizeof fd_derived[0]; i++) {
    struct dict_type_data td = {AVP_TYPE_OCTETSTRING, (char *)fd_derived[i].name, NULL, NULL,
                                fd_dictfct_UTF8String_dump, NULL, NULL};
    if (fd_derived[i].t == WCHG_AVP_ADDRESS) {
      td.type_interpret = fd_dictfct_Address_interpret;
      td.type_encode = fd_dictfct_Address_encode;
      td.type_dump = fd_dictfct_Address_dump;
    } else if (fd_derived[i].t == WCHG_AVP_TIME) {
      td.type_interpret = fd_dictfct_Time_interpret;
      td.type_encode = fd_dictfct_Time_encode;
      td.type_dump = fd_dictfct_Time_dump;
    }
    FD_TRY(fd_dict_new(r->dict, DICT_TYPE, &td, NULL, &r->types[fd_derived[i].t]));
  }
  return 0;
}

static inline struct dict_object *fd_find_avp(const struct fdref *r, uint32_t code,
                                              uint32_t vendor) {
  struct dict_avp_request req = {vendor, code, NULL};
  struct dict_object *o = NULL;
  fd_dict_search(r->dict, DICT_AVP, AVP_BY_CODE_AND_VENDOR, &req, &o, ENOENT);
  return o;
}

static inline int fd_declare_avp(struct fdref *r, const wchg_dict_avp *d) {
  struct dict_object *type = r->types[d->type], *vendor = NULL;
  uint8_t mask = AVP_FLAG_VENDOR, val = d->vendor ? AVP_FLAG_VENDOR : 0;
  char tname[96];

  if (d->vendor &&
      fd_dict_search(r->dict, DICT_VENDOR, VENDOR_BY_ID, &d->vendor, &vendor, ENOENT) != 0) {
    char vname[32];
    snprintf(vname, sizeof vname, "vendor %u", (unsigned)d->vendor);
    struct dict_vendor_data vd = {d->vendor, vname};
    FD_TRY(fd_dict_new(r->dict, DICT_VENDOR, &vd, NULL, &vendor));
  }
  if (d->type == WCHG_AVP_ENUMERATED) {
    snprintf(tname, sizeof tname, "Enumerated(wchg %s)", d->name);
    struct dict_type_data td = {AVP_TYPE_INTEGER32, tname, NULL, NULL, NULL, NULL, NULL};
    FD_TRY(fd_dict_new(r->dict, DICT_TYPE, &td, NULL, &type));
    for (size_t i = 0; i < d->n_enums; i++) {
      struct dict_enumval_data ev = {(char *)d->enums[i].name, {.i32 = d->enums[i].value}};
      FD_TRY(fd_dict_new(r->dict, DICT_ENUMVAL, &ev, type, NULL));
    }
  }
  if (d->m_rule != WCHG_RULE_MAY) {
    mask |= AVP_FLAG_MANDATORY;
    if (d->m_rule == WCHG_RULE_MUST)
      val |= AVP_FLAG_MANDATORY;
  }
  struct dict_avp_data ad = {d->code, d->vendor, (char *)d->name, mask, val, fd_base(d->type)};
  FD_TRY(fd_dict_new(r->dict, DICT_AVP, &ad, type, NULL));
  return 0;
}

/* Our occurrence rules as freeDiameter rules of |parent|. */
static inline int fd_declare_rules(struct fdref *r, struct dict_object *parent,
                                   const wchg_dict_rule *rules, size_t n) {
  unsigned order = 0;
  for (size_t i = 0; i < n; i++) {
    struct dict_object *child = fd_find_avp(r, rules[i].code, rules[i].vendor);
    if (!child)
      continue; /* a rule for an AVP the table does not define */
    struct dict_rule_data rd = {child, RULE_OPTIONAL, 0, rules[i].min,
                                rules[i].max ? rules[i].max : -1};
    if (rules[i].fixed) {
      rd.rule_position = RULE_FIXED_HEAD;
      rd.rule_order = ++order;
    } else if (rules[i].min) {
      rd.rule_position = RULE_REQUIRED;
    }
    FD_TRY(fd_dict_new(r->dict, DICT_RULE, &rd, parent, NULL));
  }
  return 0;
}

/* freeDiameter with our dictionary: every AVP, enumerated value, Grouped
 * rule and command of wchg_dict_avps(), declared with fd_dict_new. */
static inline int fd_setup_ours(struct fdref *r) {
  size_t n;
  const wchg_dict_avp *tab = wchg_dict_avps(&n);
  static const struct {
    uint32_t code, app;
    const char *app_name;
  } cmds[] = {
      {WCHG_CMD_ACCOUNTING, WCHG_APP_BASE_ACCOUNTING, "Diameter Base Accounting"},
      {WCHG_CMD_CREDIT_CONTROL, WCHG_APP_CREDIT_CONTROL, "Diameter Credit Control Application"},
  };

  FD_TRY(fd_dict_init(&r->dict));
  if (fd_declare_types(r) != 0)
    return -1;
  for (size_t i = 0; i < n; i++)
    if (fd_declare_avp(r, &tab[i]) != 0)
      return -1;
  for (size_t i = 0; i < n; i++)
    if (tab[i].type == WCHG_AVP_GROUPED && tab[i].n_children &&
        fd_declare_rules(r, fd_find_avp(r, tab[i].code, tab[i].vendor), tab[i].children,
                         tab[i].n_children) != 0)
      return -1;
  for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
    struct dict_application_data ap = {cmds[i].app, (char *)cmds[i].app_name};
    struct dict_object *app = NULL;
    FD_TRY(fd_dict_new(r->dict, DICT_APPLICATION, &ap, NULL, &app));
    for (int req = 1; req >= 0; req--) {
      const wchg_dict_command *c = wchg_dict_find_command(cmds[i].code, cmds[i].app, req);
      struct dict_object *cmd = NULL;
      if (!c)
        continue;
      struct dict_cmd_data cd = {c->code, (char *)c->name, CMD_FLAG_REQUEST | CMD_FLAG_PROXIABLE,
                                 (uint8_t)(CMD_FLAG_PROXIABLE | (req ? CMD_FLAG_REQUEST : 0))};
      FD_TRY(fd_dict_new(r->dict, DICT_COMMAND, &cd, app, &cmd));
      if (fd_declare_rules(r, cmd, c->avps, c->n_avps) != 0)
        return -1;
    }
  }
  return 0;
}

/* freeDiameter as deployed: the core's base protocol dictionary plus the
 * dict_nasreq, dict_dcca and dict_dcca_3gpp extensions (package
 * freediameter-extensions). 1: not installed. */
#define FD_EXT_DIR "/usr/lib/freeDiameter/"
static inline int fd_setup_stock(struct fdref *r) {
  static const char *const exts[] = {"dict_nasreq.fdx", "dict_dcca.fdx", "dict_dcca_3gpp.fdx"};
  char path[256];

  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    snprintf(path, sizeof path, FD_EXT_DIR "%s", exts[i]);
    if (access(path, R_OK) != 0)
      return 1;
  }
  FD_TRY(fd_core_initialize());
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
    snprintf(path, sizeof path, FD_EXT_DIR "%s", exts[i]);
    void *h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
    int (*init)(int, int, char *) = NULL;
    if (h)
      *(void **)&init = dlsym(h, "fd_ext_init");
    if (!init) {
      fprintf(stderr, "bench: %s: %s\n", path, dlerror());
      return -1;
    }
    FD_TRY(init(FD_PROJECT_VERSION_MAJOR, FD_PROJECT_VERSION_MINOR, NULL));
  }
  r->dict = fd_g_config->cnf_dict;
  for (size_t i = 0; i < sizeof fd_derived / sizeof fd_derived[0]; i++)
    FD_TRY(fd_dict_search(r->dict, DICT_TYPE, TYPE_BY_NAME, fd_derived[i].name,
                          &r->types[fd_derived[i].t], ENOENT));
  return 0;
}

/* Declare the AVPs of |t| the dictionary lacks, from our table. */
static inline int fd_declare_missing(struct fdref *r, const struct fd_tree *t) {
  for (size_t i = 0; i < t->n; i++)
    if (!fd_find_avp(r, t->nodes[i].avp.code, t->nodes[i].avp.vendor)) {
      if (fd_declare_avp(r, t->nodes[i].avp.dict) != 0)
        return -1;
      r->added++;
    }
  return 0;
}

/* The command |request| and the models of |t|, the message |r| builds. */
static inline int fd_bind(struct fdref *r, struct fd_tree *t, const char *request) {
  FD_TRY(fd_dict_search(r->dict, DICT_COMMAND, CMD_BY_NAME, request, &r->cmd, ENOENT));
  r->tree = t;
  for (size_t i = 0; i < t->n; i++)
    if (!(r->models[i] = fd_find_avp(r, t->nodes[i].avp.code, t->nodes[i].avp.vendor)))
      return -1;
  return 0;
}

/* Both set-ups, each building |build| as the command |request|; the stock
 * dictionary gets the AVPs of |build| and of |read| (may be NULL: the
 * other message the benchmark has freeDiameter read) it lacks. Prints a
 * SKIP line when the extensions are not installed; -1 when a set-up fails
 * (said on stderr). */
static inline int fd_refs_setup(struct fd_refs *rs, struct fd_tree *build, const char *request,
                                const struct fd_tree *read) {
  rs->stock = (struct fdref){.label = "freeDiameter-1.2.1-stockdict"};
  rs->own = (struct fdref){.label = "freeDiameter-1.2.1-ourdict"};
  rs->n = 0;
  fd_g_debug_lvl = FD_LOG_FATAL;
  int st = fd_setup_stock(&rs->stock);
  if (st < 0)
    return -1;
  if (st == 0) {
    if (fd_declare_missing(&rs->stock, build) != 0 ||
        (read && fd_declare_missing(&rs->stock, read) != 0))
      return -1;
    rs->list[rs->n++] = &rs->stock;
  } else if (fd_libproto_init() != 0) {
    return -1;
  } else {
    printf("%s: SKIP (freediameter-extensions not installed)\n", rs->stock.label);
  }
  if (fd_setup_ours(&rs->own) != 0) {
    fprintf(stderr, "bench: cannot declare our dictionary to freeDiameter\n");
    return -1;
  }
  rs->list[rs->n++] = &rs->own;
  for (size_t i = 0; i < rs->n; i++)
    if (fd_bind(rs->list[i], build, request) != 0) {
      fprintf(stderr, "bench: %s: no model for an AVP of the %s\n", rs->list[i]->label,
              request);
      return -1;
    }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Building and reading with freeDiameter                              */
/* ------------------------------------------------------------------ */

/* Add nodes [i, end) of r->tree under |parent|. */
static inline int fd_add(const struct fdref *r, msg_or_avp *parent, size_t i, size_t end) {
  while (i < end) {
    const struct fd_node *nd = &r->tree->nodes[i];
    struct avp *a;
    union avp_value v;
    if (fd_msg_avp_new(r->models[i], 0, &a) != 0)
      return -1;
    switch (nd->avp.dict->type) {
    case WCHG_AVP_GROUPED:
      if (fd_add(r, a, i + 1, i + 1 + nd->ndesc) != 0)
        return -1;
      goto add;
    case WCHG_AVP_INTEGER32: case WCHG_AVP_ENUMERATED:
      v.i32 = (int32_t)(uint32_t)nd->num;
      break;
    case WCHG_AVP_UNSIGNED32:
      v.u32 = (uint32_t)nd->num;
      break;
    case WCHG_AVP_FLOAT32: {
      uint32_t bits = (uint32_t)nd->num;
      memcpy(&v.f32, &bits, 4);
      break;
    }
    case WCHG_AVP_INTEGER64: case WCHG_AVP_UNSIGNED64:
      v.u64 = nd->num;
      break;
    case WCHG_AVP_FLOAT64:
      memcpy(&v.f64, &nd->num, 8);
      break;
    default: /* freeDiameter copies the octets */
      v.os.data = (uint8_t *)nd->avp.data;
      v.os.len = nd->avp.len;
      break;
    }
    if (fd_msg_avp_setvalue(a, &v) != 0)
      return -1;
  add:
    if (fd_msg_avp_add(parent, MSG_BRW_LAST_CHILD, a) != 0)
      return -1;
    i += 1 + nd->ndesc;
  }
  return 0;
}

/* Build r->tree and bufferize it: *out (malloc'd by freeDiameter). */
static inline int fd_encode(const struct fdref *r, uint8_t **out, size_t *len) {
  const struct fd_tree *t = r->tree;
  struct msg *msg = NULL;
  struct msg_hdr *h;
  int rc = -1;
  if (fd_msg_new(r->cmd, 0, &msg) != 0 || fd_msg_hdr(msg, &h) != 0)
    goto done;
  h->msg_flags = t->flags;
  h->msg_appl = t->app_id;
  h->msg_hbhid = t->hop_by_hop;
  h->msg_eteid = t->end_to_end;
  if (fd_add(r, msg, 0, t->n) == 0 && fd_msg_bufferize(msg, out, len) == 0)
    rc = 0;
done:
  if (msg)
    fd_msg_free(msg);
  return rc;
}

/* 0 when freeDiameter reads and validates |len| bytes; |rules| adds
 * fd_msg_parse_rules. |why| (may be NULL) gets freeDiameter's reason. */
static inline int fd_parse(const struct fdref *r, const uint8_t *buf, size_t len, bool rules,
                           const char **why) {
  uint8_t *copy = malloc(len); /* freeDiameter owns (and frees) the buffer */
  struct msg *msg = NULL;
  struct fd_pei pei;
  int rc;
  if (!copy)
    return -1;
  memcpy(copy, buf, len);
  if ((rc = fd_msg_parse_buffer(&copy, len, &msg)) != 0) {
    free(copy);
    if (why)
      *why = "fd_msg_parse_buffer";
    return rc;
  }
  memset(&pei, 0, sizeof pei);
  rc = fd_msg_parse_dict(msg, r->dict, &pei);
  if (rc == 0 && rules) {
    memset(&pei, 0, sizeof pei);
    rc = fd_msg_parse_rules(msg, r->dict, &pei);
  }
  if (rc != 0 && why)
    *why = pei.pei_errcode ? pei.pei_errcode : "?";
  fd_msg_free(msg);
  return rc;
}

/* Keeps the timed results alive. */
static volatile size_t fd_sink;

static inline int fd_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The median of |v|[0..n) (sorted in place). */
static inline double fd_median(double *v, int n) {
  qsort(v, (size_t)n, sizeof v[0], fd_cmp);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One round of about |iters| runs of |body| (which may use the loop
 * counter i_), in FD_BATCHES batches of |iters|/FD_BATCHES + 1 timed
 * one by one: nanoseconds per run of the median batch into |result|. On
 * a shared machine a batch the scheduler cut into is an outlier, and the
 * median leaves it out. */
#define FD_BATCHES 51
#define FD_ONCE(result, iters, body)                                          \
  do {                                                                        \
    double b_[FD_BATCHES];                                                    \
    long n_ = (iters) / FD_BATCHES + 1, i_ = 0;                               \
    for (int k_ = 0; k_ < FD_BATCHES; k_++) {                                 \
      double t0_ = now_ns();                                                  \
      for (long j_ = 0; j_ < n_; j_++, i_++) { body; }                       \
      b_[k_] = (now_ns() - t0_) / (double)n_;                                 \
    }                                                                         \
    (result) = fd_median(b_, FD_BATCHES);                                     \
  } while (0)

/* ns per fd_encode of r->tree (and free), one round (FD_ONCE); |vary|
 * (may be NULL) first sets the values of op |i| in the tree. */
static inline double fd_once_encode(const struct fdref *r, long iters,
                                    void (*vary)(struct fd_tree *t, long i)) {
  double ns;
  size_t n = 0;
  FD_ONCE(ns, iters, {
    uint8_t *b = NULL;
    if (vary)
      vary(r->tree, i_);
    if (fd_encode(r, &b, &n) == 0)
      fd_sink += n;
    free(b);
  });
  return ns;
}

/* ns per fd_parse of |len| bytes, one round (FD_ONCE). */
static inline double fd_once_parse(const struct fdref *r, const uint8_t *buf, size_t len,
                                   bool rules, long iters) {
  double ns;
  FD_ONCE(ns, iters, { fd_sink += fd_parse(r, buf, len, rules, NULL) == 0; });
  return ns;
}

static inline double fd_min(double a, double b) { return a < b ? a : b; }

/* The same, best of 5 rounds (as MEASURE of bench_util.h). */
static inline double fd_time_encode(const struct fdref *r, long iters,
                                    void (*vary)(struct fd_tree *t, long i)) {
  double best = 1e30;
  for (int k = 0; k < 5; k++)
    best = fd_min(best, fd_once_encode(r, iters, vary));
  return best;
}

static inline double fd_time_parse(const struct fdref *r, const uint8_t *buf, size_t len,
                                   bool rules, long iters) {
  double best = 1e30;
  for (int k = 0; k < 5; k++)
    best = fd_min(best, fd_once_parse(r, buf, len, rules, iters));
  return best;
}

/* ------------------------------------------------------------------ */
/* Repetitions: the median, the min and the max                        */
/* ------------------------------------------------------------------ */

/* A benchmark that reports repetitions times each of its operations
 * FD_REPS times (a round of FD_ONCE each), all of them in each
 * repetition one after the other, after one warm-up repetition that is
 * not kept: a neighbour that takes the CPU for a while slows both sides
 * of a comparison. */
#define FD_REPS 7

struct fd_stat {
  double med, min, max;
};

static inline struct fd_stat fd_stat_of(const double ns[FD_REPS]) {
  double s[FD_REPS];
  memcpy(s, ns, sizeof s);
  double med = fd_median(s, FD_REPS);
  return (struct fd_stat){med, s[0], s[FD_REPS - 1]};
}

/* bench NAME ns_per_op=X ref=REF ref_ns_per_op=Y speedup=Y/X, X and Y
 * the medians, then min and max of both sides, speedup_min the smallest
 * ratio of one repetition (both sides timed in it) and the number of
 * repetitions; then |tail|: a target's verdict or why it is printed. */
static inline void fd_reps_print(const char *name, const double ours[FD_REPS], const char *ref,
                                 const double theirs[FD_REPS], const char *tail) {
  struct fd_stat o = fd_stat_of(ours), t = fd_stat_of(theirs);
  double worst = 1e30;
  for (int k = 0; k < FD_REPS; k++)
    if (theirs[k] / ours[k] < worst)
      worst = theirs[k] / ours[k];
  printf("bench %s ns_per_op=%.1f ref=%s ref_ns_per_op=%.1f speedup=%.2f min=%.1f max=%.1f "
         "ref_min=%.1f ref_max=%.1f speedup_min=%.2f reps=%d %s\n",
         name, o.med, ref, t.med, t.med / o.med, o.min, o.max, t.min, t.max, worst, FD_REPS,
         tail);
}

/* A comparison with a target of the issue: met when the ratio of the
 * medians (reference / ours) is at least |want| (a miss does not fail
 * the run). */
static inline void line_reps(const char *name, const double ours[FD_REPS], const char *ref,
                             const double theirs[FD_REPS], const char *target, double want) {
  char tail[160];
  bool met = fd_stat_of(theirs).med / fd_stat_of(ours).med >= want;
  snprintf(tail, sizeof tail, "(target %s: %s)", target, met ? "met" : "MISSED");
  fd_reps_print(name, ours, ref, theirs, tail);
}

/* A comparison no target of the issue is about, printed for the record. */
static inline void info_reps(const char *name, const double ours[FD_REPS], const char *ref,
                             const double theirs[FD_REPS], const char *why) {
  char tail[200];
  snprintf(tail, sizeof tail, "(info: %s)", why);
  fd_reps_print(name, ours, ref, theirs, tail);
}

/* Compare freeDiameter's r->tree (the |what|, e.g. "ACR") with ours,
 * |buf|: one line saying where the bytes differ, whether our reader
 * accepts freeDiameter's and whether freeDiameter reads ours (|sample|
 * names the messages of the added AVPs). -1 when it cannot build the
 * message, 1 when it cannot read ours with parse_dict, else 0. */
static inline int fd_compare(const struct fdref *r, const uint8_t *buf, size_t len,
                             const char *what, const char *sample) {
  const struct fd_tree *t = r->tree;
  uint8_t *fdbuf = NULL;
  size_t fdlen = 0;
  const char *why = NULL;
  if (fd_encode(r, &fdbuf, &fdlen) != 0) {
    fprintf(stderr, "bench: freeDiameter (%s) cannot build the %s\n", r->label, what);
    return -1;
  }
  printf("%s:", r->label);
  if (r->added)
    printf(" %d AVPs of the %s added to its dictionary;", r->added, sample);
  if (fdlen == len && memcmp(fdbuf, buf, len) == 0) {
    printf(" builds the same %zu bytes as ours;", len);
  } else {
    printf(" builds %zu bytes (ours %zu), differing at", fdlen, len);
    for (size_t at = 0; at < len && at < fdlen; at++)
      if (fdbuf[at] != buf[at]) {
        const char *name = "?";
        for (size_t i = 0; i < t->n; i++) /* the innermost AVP holding it */
          if (t->nodes[i].avp.offset <= at)
            name = t->nodes[i].avp.dict->name;
        printf(" byte %zu (%s: 0x%02x, ours 0x%02x)", at, name, fdbuf[at], buf[at]);
      }
    printf(";");
  }
  wchg_dmsg fm;
  wchg_diag d;
  if (wchg_dmsg_parse(fdbuf, fdlen, 0, &fm, &d) == WCHG_OK)
    printf(" our reader accepts it;");
  else
    printf(" our reader refuses it: offset %zu: %s: %s (Result-Code %u);", d.offset, d.path,
           d.message, (unsigned)d.result_code);
  free(fdbuf);
  int dict_rc = fd_parse(r, buf, len, false, &why);
  printf(" it reads ours with parse_dict: %s", dict_rc ? why : "ok");
  printf(", with parse_rules too: %s\n", fd_parse(r, buf, len, true, &why) ? why : "ok");
  return dict_rc ? 1 : 0;
}

#endif
