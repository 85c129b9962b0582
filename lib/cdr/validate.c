/*
 * validate.c: wchg_cdr_validate() — every rule of TS 32.298 PCSCFRecord
 * that the schema tables describe, plus our WebRTC record rules, with
 * every problem reported (not just the first).
 *
 * The walk is driven by schema.c: each field's kind, flags, range, enum
 * names and alphabet say what to check, so a field added there is
 * validated here without a new line. Only the record-level rules
 * (recordType 64, our extension OID, the WebRTC profile and the
 * emergency rule) name fields.
 *
 * Paths are those of the JSON view (cdr_json.h): ASN.1 identifiers, list
 * indexes in brackets, and the untagged CHOICEs the model flattens
 * (iPBinaryAddress, accessCorrelationID, ...) as their own segments.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/webrtc_ext.h"
#include "base/internal.h"
#include "cdr/schema.h"
#include <webrtc_chg/validate.h>

#define ROOT "pCSCFRecord"

struct vctx {
  wchg_diag *diags;
  size_t cap;
  size_t count;  /* problems found so far (may exceed cap) */
  bool emergency;
  struct wpath path;
  const wchg_cdr *cdr; /* the record: values kept as received are its */
};

static void report(struct vctx *v, wchg_status code, const char *fmt, ...)
    WCHG_PRINTF(3, 4);

static void report(struct vctx *v, wchg_status code, const char *fmt, ...) {
  va_list ap;
  if (v->count < v->cap) {
    wchg_diag *d = &v->diags[v->count];
    wchgi_diag_clear(d); /* wchgi_diag_vset only fills a clear diag */
    va_start(ap, fmt);
    wchgi_diag_vset(d, code, 0, WCHG_NO_OFFSET, &v->path, fmt, ap);
    va_end(ap);
  }
  v->count++;
}

/* A name for messages: the field, or for a list element its type. */
static const char *fname(const struct wf *f) {
  if (f->name)
    return f->name;
  return f->type ? f->type->name : "element";
}

static const struct wf *find_field(const struct wt *t, const char *name) {
  for (uint16_t i = 0; i < t->nfields; i++)
    if (t->fields[i].name && strcmp(t->fields[i].name, name) == 0)
      return &t->fields[i];
  return NULL; /* LCOV_EXCL_LINE: cannot happen, names below come from schema.c */
}


/* "SIZE (2)" or "SIZE (7..15)"; "0..999" for values. */
static void range_text(const struct wf *f, char *buf, size_t cap) {
  if (f->lo == f->hi)
    snprintf(buf, cap, "%" PRId64, f->lo);
  else
    snprintf(buf, cap, "%" PRId64 "..%" PRId64, f->lo, f->hi);
}

/* ---- scalar kinds: the rules of a field's own value ------------------- */

/* Each check says its problem through |rep| (wchgi_value_check). */
struct rep {
  wchg_value_report *report;
  void *ctx;
  size_t n;
};

static void say(struct rep *r, wchg_status code, const char *fmt, ...) WCHG_PRINTF(3, 4);
static void say(struct rep *r, wchg_status code, const char *fmt, ...) {
  char msg[sizeof ((wchg_diag *)0)->message];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  r->n++;
  r->report(r->ctx, code, msg);
}

static void check_int(struct rep *r, const struct wf *f, int64_t x) {
  char t[48];
  if (!wf_has_range(f) || (x >= f->lo && x <= f->hi))
    return;
  range_text(f, t, sizeof t);
  say(r, WCHG_E_RANGE, "%s %" PRId64 " is outside the allowed range %s",
      fname(f), x, t);
}

/* "originating(0), terminating(1)" */
static void names_text(const struct wenum *n, char *buf, size_t cap) {
  size_t len = 0;
  buf[0] = '\0';
  for (; n && n->name && len < cap; n++) {
    int k = snprintf(buf + len, cap - len, "%s%s(%" PRId64 ")",
                     len ? ", " : "", n->name, n->value);
    if (k < 0) /* LCOV_EXCL_START: snprintf of "%s%s(%" PRId64 ")" does not fail */
      break;
    /* LCOV_EXCL_STOP */
    len += (size_t)k;
  }
}

static void check_enum(struct rep *r, const struct wf *f, int64_t x) {
  char names[160];
  if (wchgi_enum_name(f->names, x))
    return;
  names_text(f->names, names, sizeof names);
  say(r, WCHG_E_RANGE, "%s %" PRId64 " is not a value of the ENUMERATED: %s",
      fname(f), x, names);
}

static void check_bool(struct rep *r, const struct wf *f, int64_t x) {
  if (x != 0 && x != 1)
    say(r, WCHG_E_RANGE, "%s %" PRId64 " is not a BOOLEAN (0 or 1)", fname(f), x);
}

static void check_size(struct rep *r, const struct wf *f, size_t n) {
  char t[48];
  if (!wf_has_range(f) || ((int64_t)n >= f->lo && (int64_t)n <= f->hi))
    return;
  range_text(f, t, sizeof t);
  say(r, WCHG_E_CONSTRAINT, "%s has %zu octets; SIZE (%s) is required",
      fname(f), n, t);
}

static const char *alphabet_name(uint8_t a) {
  switch (a) {
  case UT_IA5: return "IA5String";
  case UT_GRAPHIC: return "GraphicString";
  default: return "UTF8String";
  }
}

/* Offset of the first byte |s| may not hold in alphabet |a|, or n. */
static size_t alphabet_bad(uint8_t a, const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (a == UT_IA5 && s[i] > 0x7F)
      return i;
    if (a == UT_GRAPHIC && (s[i] < 0x20 || s[i] == 0x7F))
      return i;
  }
  return n;
}

static void check_alphabet(struct rep *r, const struct wf *f, wchg_str s) {
  const unsigned char *u = (const unsigned char *)s.ptr;
  size_t bad;
  if (f->alphabet != UT_IA5 && !wchgi_utf8_valid(s.ptr, s.len, &bad)) {
    say(r, WCHG_E_UTF8, "%s: byte 0x%02x at offset %zu is not valid UTF-8 (%s)",
        fname(f), u[bad], bad, alphabet_name(f->alphabet));
    return;
  }
  bad = alphabet_bad(f->alphabet, u, s.len);
  if (bad == s.len)
    return;
  say(r, WCHG_E_UTF8, "%s: byte 0x%02x at offset %zu is not allowed in %s%s",
      fname(f), u[bad], bad, alphabet_name(f->alphabet),
      f->alphabet == UT_IA5 ? " (7-bit only)" : " (no control characters)");
}

static void check_timestamp(struct rep *r, const struct wf *f, const wchg_timestamp *ts) {
  char msg[128];
  if (wchgi_timestamp_check(ts->octets, msg, sizeof msg) != WCHG_OK)
    say(r, WCHG_E_TIMESTAMP, "%s: %s", fname(f), msg);
}

static void check_oid(struct rep *r, const struct wf *f, const wchg_octets *o) {
  char msg[128];
  if (wchgi_oid_problem(o->ptr, o->len, msg, sizeof msg) != WCHG_OK)
    say(r, WCHG_E_ENCODING, "%s: %s", fname(f), msg);
}

size_t wchgi_value_check(const struct wf *f, const void *p, wchg_value_report *report,
                        void *ctx) {
  struct rep r = {report, ctx, 0};
  switch (f->kind) {
  case WK_INT: check_int(&r, f, ((const wchg_opt_int *)p)->value); break;
  case WK_ENUM: check_enum(&r, f, ((const wchg_opt_int *)p)->value); break;
  case WK_BOOL: check_bool(&r, f, ((const wchg_opt_int *)p)->value); break;
  case WK_OCTETS: check_size(&r, f, ((const wchg_octets *)p)->len); break;
  case WK_TEXT:
    check_size(&r, f, ((const wchg_str *)p)->len);
    check_alphabet(&r, f, *(const wchg_str *)p);
    break;
  case WK_TIMESTAMP: check_timestamp(&r, f, p); break;
  case WK_OID: check_oid(&r, f, p); break;
  default: break; /* NULL, IPBIN, ANY: nothing beyond their octets */
  }
  return r.n;
}

/* wchgi_value_check's problems into the validator's list. */
static void report_value(void *ctx, wchg_status code, const char *msg) {
  report(ctx, code, "%s", msg);
}

/* A value kept as received (schema.h): what makes it unfit. */
static void check_raw(struct vctx *v, const struct wf *f, const struct wchgi_raw *raw) {
  char msg[128];
  wchg_status code = wchgi_raw_problem(f, raw->octets, raw->len, msg, sizeof msg);
  if (code != WCHG_OK)
    report(v, code, "%s: %s; kept as received", fname(f), msg);
}

/* ---- structure --------------------------------------------------------- */

/* |need|: NULL when the field is optional, else why it must be there
 * ("mandatory member", "chosen alternative", "list element"). */
static void check_field(struct vctx *v, const void *base, const struct wf *f,
                        const char *need);

static void check_struct(struct vctx *v, const void *p, const struct wt *t);

/* Untagged CHOICE flattened into its parent (WF_GROUP members sharing a
 * .wrap): at most one member may be present. */
static void check_groups(struct vctx *v, const void *p, const struct wt *t) {
  for (uint16_t i = 0; i < t->nfields; i++) {
    const struct wf *a = &t->fields[i];
    if (!(a->flags & WF_GROUP) || !wchg_field_present(p, a))
      continue;
    for (uint16_t j = (uint16_t)(i + 1); j < t->nfields; j++) {
      const struct wf *b = &t->fields[j];
      if ((b->flags & WF_GROUP) && strcmp(a->wrap, b->wrap) == 0 &&
          wchg_field_present(p, b)) {
        size_t old = wpath_push(&v->path, a->wrap);
        report(v, WCHG_E_CHOICE, "%s and %s are both present; %s is a CHOICE "
               "of one", a->name, b->name, a->wrap);
        wpath_pop(&v->path, old);
        return;
      }
    }
  }
}

static void check_struct(struct vctx *v, const void *p, const struct wt *t) {
  for (uint16_t i = 0; i < t->nfields; i++)
    check_field(v, p, &t->fields[i],
                t->fields[i].flags & WF_MANDATORY ? "mandatory member" : NULL);
  check_groups(v, p, t);
}

static void check_choice(struct vctx *v, const void *p, const struct wf *f) {
  int c = wt_choice(p, f->type);
  if (c < 0 || c > (int)f->type->nfields) {
    report(v, WCHG_E_CHOICE, "choice %d is not an alternative of %s (1..%u)",
           c, f->type->name, (unsigned)f->type->nfields);
    return;
  }
  if (c > 0)
    check_field(v, p, &f->type->fields[c - 1], "chosen alternative");
}

static bool is_our_oid(const wchg_octets *oid) {
  return wchgi_is_webrtc_oid(oid->ptr, oid->len);
}

/* recordExtensions: our OID belongs in ims.webrtc_*, never here. */
static void check_extension(struct vctx *v, const void *item) {
  const wchg_management_extension *e = item;
  if (is_our_oid(&e->identifier))
    report(v, WCHG_E_DUPLICATE, "extension identifier is our WebRTC OID "
           WCHG_WEBRTC_EXT_OID_TEXT "; the identities belong in "
           "ims.webrtc_* (the encoder writes that extension)");
}

static void check_list(struct vctx *v, const void *base, const struct wf *f) {
  struct wlist l = wf_list(base, f);
  if (!l.items) {
    if (l.count > 0)
      report(v, WCHG_E_MISSING, "%s has count %zu but no items", fname(f),
             l.count);
    return;
  }
  for (size_t i = 0; i < l.count; i++) {
    const void *item = (const char *)l.items + i * f->esize;
    size_t old = wpath_index(&v->path, i);
    check_field(v, item, f->elem, "list element");
    if (f->flags & WF_EXTENSIONS)
      check_extension(v, item);
    wpath_pop(&v->path, old);
  }
}

static void check_present(struct vctx *v, const void *base, const struct wf *f) {
  const void *p = wf_ptr(base, f);
  const struct wchgi_raw *raw;
  switch (f->kind) {
  case WK_STRUCT: check_struct(v, p, f->type); break;
  case WK_CHOICE: check_choice(v, p, f); break;
  default:
    if ((raw = wchgi_raw_find(v->cdr, f, p)))
      check_raw(v, f, raw);
    else
      wchgi_value_check(f, p, report_value, v);
    break;
  }
}

/* Push the field's path segments: the untagged CHOICEs it sits in (as the
 * JSON view nests them), then its own name. */
static size_t push_name(struct vctx *v, const struct wf *f) {
  size_t old = v->path.len;
  if (f->wrap)
    wpath_push(&v->path, f->wrap);
  if (f->wrap2)
    wpath_push(&v->path, f->wrap2);
  if (f->name)
    wpath_push(&v->path, f->name);
  return old;
}

static void check_field(struct vctx *v, const void *base, const struct wf *f,
                        const char *need) {
  size_t old = push_name(v, f);
  if (f->kind == WK_LIST)
    check_list(v, base, f);
  else if (wchg_field_present(base, f))
    check_present(v, base, f);
  else if (need)
    report(v, WCHG_E_MISSING, "%s %s is absent", need, fname(f));
  wpath_pop(&v->path, old);
}

/* ---- record-level rules ------------------------------------------------ */

/* Report at "pCSCFRecord/<name>". */
static void report_at(struct vctx *v, const char *name, wchg_status code,
                      const char *msg) {
  size_t old = wpath_push(&v->path, name);
  report(v, code, "%s", msg);
  wpath_pop(&v->path, old);
}

static void check_record_type(struct vctx *v, const wchg_cdr *cdr) {
  char msg[96];
  if (!cdr->record_type.present ||
      cdr->record_type.value == WCHG_RECORD_TYPE_PCSCF)
    return; /* absence is reported by the walk (WF_MANDATORY) */
  snprintf(msg, sizeof msg, "recordType %" PRId64 " is not %d (pCSCFRecord)",
           cdr->record_type.value, WCHG_RECORD_TYPE_PCSCF);
  report_at(v, "recordType", WCHG_E_RANGE, msg);
}

/* Does the record carry a WAF or WWSF identity? */
static bool has_identity(const wchg_cdr *cdr) {
  const struct wt *t = &wchgi_webrtc_info_type;
  for (uint16_t i = 0; i < t->nfields; i++)
    if (wchg_field_present(cdr, &t->fields[i]))
      return true;
  return false;
}

static void check_identities_nonempty(struct vctx *v, const wchg_cdr *cdr) {
  const struct wt *t = &wchgi_webrtc_info_type;
  for (uint16_t i = 0; i < t->nfields; i++) {
    const struct wf *f = &t->fields[i];
    const wchg_str *s = wf_ptr(cdr, f);
    if (s->ptr && s->len == 0)
      report_at(v, f->name, WCHG_E_CONSTRAINT,
                "the WebRTC identity is empty; it must name the function");
  }
}

/* What an eP-CSCF WebRTC CDR must hold (WCHG_VALIDATE_WEBRTC, validate.h). */
static void check_webrtc_profile(struct vctx *v, const wchg_cdr *cdr) {
  static const char *const required[] = {
      "role-of-Node", "nodeAddress", "session-Id", "iMS-Charging-Identifier",
      "recordOpeningTime"};
  const struct wf *waf =
      find_field(&wchgi_webrtc_info_type, "webRTCAuthenticationFunctionName");
  char msg[128];
  for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
    const struct wf *f = find_field(&wchgi_pcscf_record_type, required[i]);
    if (f && !wchg_field_present(cdr, f)) {
      snprintf(msg, sizeof msg, "%s is absent; a WebRTC (eP-CSCF) record "
               "requires it", f->name);
      report_at(v, f->name, WCHG_E_MISSING, msg);
    }
  }
  if (waf && !wchg_field_present(cdr, waf))
    report_at(v, waf->name, WCHG_E_MISSING, "the WAF identity is absent; a "
              "WebRTC (eP-CSCF) record requires it");
}

/* WIC emergency sessions are not charged: IMS emergency sessions are not
 * supported for WebRTC access (TS 23.228 Annex U). */
static void check_emergency(struct vctx *v, const wchg_cdr *cdr) {
  const struct wf *f =
      find_field(&wchgi_pcscf_record_type, "iMSEmergencyIndicator");
  if (!f || !wchg_field_present(cdr, f))
    return;
  report_at(v, f->name, WCHG_E_EMERGENCY, "iMSEmergencyIndicator is present "
            "on a WebRTC record: IMS emergency sessions of WebRTC clients are "
            "not charged");
  v->emergency = true;
}

static void check_record(struct vctx *v, const wchg_cdr *cdr, unsigned flags) {
  bool webrtc = (flags & WCHG_VALIDATE_WEBRTC) || has_identity(cdr);
  check_record_type(v, cdr);
  check_struct(v, cdr, &wchgi_pcscf_record_type);
  check_struct(v, cdr, &wchgi_webrtc_info_type); /* UTF-8 of the identities */
  check_identities_nonempty(v, cdr);
  if (webrtc) {
    check_webrtc_profile(v, cdr);
    check_emergency(v, cdr);
  }
}

size_t wchgi_fields_faults(const wchg_cdr *cdr) {
  struct vctx v;
  memset(&v, 0, sizeof v);
  wpath_init(&v.path, ROOT);
  v.cdr = cdr;
  check_struct(&v, cdr, &wchgi_pcscf_record_type);
  check_struct(&v, cdr, &wchgi_webrtc_info_type);
  return v.count;
}

wchg_status wchg_cdr_validate(const wchg_cdr *cdr, unsigned flags,
                              wchg_diag *diags, size_t cap, size_t *count) {
  struct vctx v;
  if (count)
    *count = 0;
  if (!cdr)
    return WCHG_E_ARG;
  memset(&v, 0, sizeof v);
  v.diags = diags;
  v.cap = diags ? cap : 0;
  for (size_t i = 0; i < v.cap; i++)
    wchgi_diag_clear(&diags[i]);
  wpath_init(&v.path, ROOT);
  v.cdr = cdr;
  check_record(&v, cdr, flags);
  if (count)
    *count = v.count;
  if (v.emergency)
    return WCHG_E_EMERGENCY;
  return v.count ? WCHG_E_INVALID : WCHG_OK;
}
