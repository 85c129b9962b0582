/*
 * avp_dec.c: the Diameter reader (RFC 6733 §3, §4): one strict pass over a
 * message that checks every length, flag, type and occurrence rule the
 * dictionary gives, then zero-copy iteration. No allocation. See
 * diameter.h. Result-Codes: RFC 6733 §7.1.
 */
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/diameter.h>

#include "internal.h"

enum {
  RC_INVALID_HDR_BITS = 3008,
  RC_INVALID_AVP_BITS = 3009,
  RC_AVP_UNSUPPORTED = 5001,
  RC_INVALID_AVP_VALUE = 5004,
  RC_MISSING_AVP = 5005,
  RC_AVP_NOT_ALLOWED = 5008,
  RC_AVP_OCCURS_TOO_MANY_TIMES = 5009,
  RC_UNSUPPORTED_VERSION = 5011,
  RC_UNABLE_TO_COMPLY = 5012,
  RC_INVALID_AVP_LENGTH = 5014,
  RC_INVALID_MESSAGE_LENGTH = 5015,
};

/* Rules of one group or command: at most this many children. */
#define MAX_RULES 96

struct pctx {
  const uint8_t *msg;
  wchg_diag *diag;
  unsigned options;
  int depth;
  const char *names[WCHG_DIAM_MAX_DEPTH + 2]; /* the AVP path, for errors */
  char unknown[WCHG_DIAM_MAX_DEPTH + 2][24];
};

static uint32_t be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint32_t be24(const uint8_t *p) {
  return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* Fail with |result| at |at|; the path is names[0..depth] plus |leaf|. */
static wchg_status fail(struct pctx *c, uint32_t result, const uint8_t *at, const char *leaf,
                        const char *fmt, ...) WCHG_PRINTF(5, 6);
static wchg_status fail(struct pctx *c, uint32_t result, const uint8_t *at, const char *leaf,
                        const char *fmt, ...) {
  if (c->diag && c->diag->code == WCHG_OK) {
    struct wpath p;
    char msg[192];
    va_list ap;
    wpath_init(&p, NULL);
    for (int i = 0; i < c->depth; i++)
      wpath_push(&p, c->names[i]);
    if (leaf)
      wpath_push(&p, leaf);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    wchg_diag_set(c->diag, WCHG_E_DIAMETER, (size_t)(at - c->msg), &p, "%s", msg);
    c->diag->result_code = result;
  }
  return WCHG_E_DIAMETER;
}

static const char *avp_name(struct pctx *c, const wchg_dict_avp *d, uint32_t code,
                            uint32_t vendor) {
  if (d)
    return d->name;
  snprintf(c->unknown[c->depth], sizeof c->unknown[0], "AVP(%u,%u)", (unsigned)code,
           (unsigned)vendor);
  return c->unknown[c->depth];
}

static size_t fixed_size(wchg_avp_type t) {
  switch (t) {
  case WCHG_AVP_INTEGER32: case WCHG_AVP_UNSIGNED32: case WCHG_AVP_FLOAT32:
  case WCHG_AVP_ENUMERATED: case WCHG_AVP_TIME:
    return 4;
  case WCHG_AVP_INTEGER64: case WCHG_AVP_UNSIGNED64: case WCHG_AVP_FLOAT64:
    return 8;
  default:
    return 0;
  }
}

static wchg_status check_avps(struct pctx *c, const uint8_t *p, const uint8_t *end,
                              const wchg_dict_rule *rules, size_t nrules, bool extensible,
                              const uint8_t *parent);

/* The data of one AVP against its dictionary entry. */
static wchg_status check_value(struct pctx *c, const wchg_dict_avp *d, const uint8_t *hdr,
                               const uint8_t *data, size_t len) {
  size_t want = fixed_size(d->type), bad;
  if (want && len != want)
    return fail(c, RC_INVALID_AVP_LENGTH, hdr, NULL, "%s data must be %zu octets, not %zu",
                d->name, want, len);
  switch (d->type) {
  case WCHG_AVP_ADDRESS: {
    unsigned fam = len >= 2 ? (unsigned)(data[0] << 8 | data[1]) : 0;
    if (len < 2 || (fam != 1 && fam != 2))
      return fail(c, RC_INVALID_AVP_VALUE, hdr, NULL, "address family %u is not 1 (IPv4) or 2 (IPv6)", fam);
    if (len != (fam == 1 ? 6u : 18u))
      return fail(c, RC_INVALID_AVP_LENGTH, hdr, NULL, "an IPv%c Address has %u octets, not %zu",
                  fam == 1 ? '4' : '6', fam == 1 ? 6u : 18u, len);
    return WCHG_OK;
  }
  case WCHG_AVP_UTF8STRING:
    if (!wchg_utf8_valid((const char *)data, len, &bad))
      return fail(c, RC_INVALID_AVP_VALUE, data + bad, NULL, "the text is not valid UTF-8 (octet %zu)", bad);
    return WCHG_OK;
  case WCHG_AVP_ENUMERATED: {
    int32_t v = (int32_t)be32(data);
    if (d->n_enums && !wchg_dict_enum_name(d, v))
      return fail(c, RC_INVALID_AVP_VALUE, hdr, NULL, "%d is not a value of %s", (int)v, d->name);
    return WCHG_OK;
  }
  case WCHG_AVP_GROUPED:
    if (c->depth >= WCHG_DIAM_MAX_DEPTH)
      return fail(c, RC_UNABLE_TO_COMPLY, hdr, NULL, "Grouped AVPs nested deeper than %d",
                  WCHG_DIAM_MAX_DEPTH);
    /* c->depth already counts this AVP: its children are one level down */
    return check_avps(c, data, data + len, d->children, d->n_children,
                      d->extensible || !d->n_children, hdr);
  default:
    return WCHG_OK;
  }
}

/* The flag bits of an AVP against its rules (V was checked by lookup). */
static wchg_status check_flags(struct pctx *c, const wchg_dict_avp *d, uint8_t flags,
                               const uint8_t *hdr) {
  bool m = flags & WCHG_AVP_FLAG_M;
  if ((m && d->m_rule == WCHG_RULE_MUSTNOT) || (!m && d->m_rule == WCHG_RULE_MUST))
    return fail(c, RC_INVALID_AVP_BITS, hdr, NULL, "the M bit of %s must %sbe set", d->name,
                m ? "not " : "");
  return WCHG_OK;
}

/* Index of the rule for (code, vendor), searching from *cursor (children
 * usually come in ABNF order), or -1. */
static int find_rule(const wchg_dict_rule *rules, size_t n, uint32_t code, uint32_t vendor,
                     size_t *cursor) {
  size_t i = *cursor;
  for (size_t k = 0; k < n; k++, i = i + 1 < n ? i + 1 : 0)
    if (rules[i].code == code && rules[i].vendor == vendor) {
      *cursor = i;
      return (int)i;
    }
  return -1;
}

static wchg_status check_avps(struct pctx *c, const uint8_t *p, const uint8_t *end,
                              const wchg_dict_rule *rules, size_t nrules, bool extensible,
                              const uint8_t *parent) {
  uint16_t counts[MAX_RULES] = {0};
  size_t cursor = 0, pos = 0, nfixed = 0;
  bool abnf = !(c->options & WCHG_DPARSE_NO_ABNF) && rules && nrules <= MAX_RULES;
  wchg_status rc;

  while (nfixed < nrules && rules[nfixed].fixed)
    nfixed++;
  for (; p < end; pos++) {
    if (end - p < 8)
      return fail(c, RC_INVALID_AVP_LENGTH, p, NULL, "%zu octets left: too few for an AVP header",
                  (size_t)(end - p));
    uint32_t code = be32(p), vendor = 0, alen = be24(p + 5);
    uint8_t flags = p[4];
    size_t hl = flags & WCHG_AVP_FLAG_V ? 12 : 8;
    if (hl == 12 && end - p >= 12)
      vendor = be32(p + 8);
    /* the parent's rules name the child's entry: no table search */
    int ri = rules ? find_rule(rules, nrules, code, vendor, &cursor) : -1;
    const wchg_dict_avp *d = ri >= 0 ? rules[ri].avp : wchg_dict_find(code, vendor);
    c->names[c->depth] = avp_name(c, d, code, vendor);
    c->depth++; /* errors about this AVP name it */
    if (flags & (WCHG_AVP_FLAG_P | 0x1F))
      return fail(c, RC_INVALID_AVP_BITS, p, NULL, "reserved AVP flag bits set (0x%02x)", flags);
    if (alen < hl || alen > (size_t)(end - p))
      return fail(c, RC_INVALID_AVP_LENGTH, p, NULL, "AVP length %u is outside %zu..%zu",
                  (unsigned)alen, hl, (size_t)(end - p));
    if (hl == 12 && vendor == 0)
      return fail(c, RC_INVALID_AVP_BITS, p, NULL, "the V bit is set with Vendor-Id 0");
    size_t padded = ((size_t)alen + 3) & ~(size_t)3;
    if (padded > (size_t)(end - p))
      return fail(c, RC_INVALID_AVP_LENGTH, p, NULL, "the padding runs past the enclosing AVP or message");
    c->depth--;
    if (!d) {
      if (flags & WCHG_AVP_FLAG_M) {
        c->depth++;
        return fail(c, RC_AVP_UNSUPPORTED, p, NULL, "an unknown AVP with the M bit set");
      }
    } else {
      c->depth++;
      if ((rc = check_flags(c, d, flags, p)) ||
          (rc = check_value(c, d, p, p + hl, alen - hl)))
        return rc;
      c->depth--;
    }
    for (size_t k = alen; k < padded; k++) /* RFC 6733 §4.1: zero octets */
      if (p[k]) {
        c->names[c->depth++] = avp_name(c, d, code, vendor);
        return fail(c, RC_INVALID_AVP_VALUE, p + k, NULL, "padding octet %zu is not zero",
                    k - alen + 1);
      }
    if (abnf && d) {
      int i = ri;
      if (i < 0 && !extensible)
        return fail(c, RC_AVP_NOT_ALLOWED, p, d->name, "%s is not allowed here", d->name);
      if (i >= 0 && rules[i].max && ++counts[i] > rules[i].max)
        return fail(c, RC_AVP_OCCURS_TOO_MANY_TIMES, p, d->name,
                    "%s occurs more than %u time(s)", d->name, rules[i].max);
      if (i >= 0 && !rules[i].max)
        counts[i] = counts[i] < 0xFFFF ? counts[i] + 1 : counts[i];
    }
    if (abnf && pos < nfixed && (rules[pos].code != code || rules[pos].vendor != vendor)) {
      const wchg_dict_avp *f = wchg_dict_find(rules[pos].code, rules[pos].vendor);
      return fail(c, RC_MISSING_AVP, p, f ? f->name : "?", "%s must be AVP number %zu here",
                  f ? f->name : "a fixed-position AVP", pos + 1);
    }
    p += padded;
  }
  if (abnf)
    for (size_t i = 0; i < nrules; i++)
      if (counts[i] < rules[i].min) {
        const wchg_dict_avp *m = wchg_dict_find(rules[i].code, rules[i].vendor);
        return fail(c, RC_MISSING_AVP, parent, m ? m->name : "?", "%s is missing",
                    m ? m->name : "a mandatory AVP");
      }
  return WCHG_OK;
}

wchg_status wchg_dmsg_parse(const uint8_t *buf, size_t len, unsigned options, wchg_dmsg *m,
                            wchg_diag *diag) {
  struct pctx c = {buf, diag, options, 0, {0}, {{0}}};
  wchg_diag_clear(diag);
  if (!m || (!buf && len)) {
    if (diag)
      diag->code = WCHG_E_ARG;
    return WCHG_E_ARG;
  }
  memset(m, 0, sizeof *m);
  if (len < 20)
    return fail(&c, RC_INVALID_MESSAGE_LENGTH, buf, NULL,
                "%zu octets: shorter than the 20-octet header", len);
  if (buf[0] != 1)
    return fail(&c, RC_UNSUPPORTED_VERSION, buf, NULL, "version %u is not 1", buf[0]);
  uint32_t mlen = be24(buf + 1);
  if (mlen != len || (mlen & 3))
    return fail(&c, RC_INVALID_MESSAGE_LENGTH, buf + 1, NULL,
                "message length %u: %zu octets given, and it must be a multiple of 4",
                (unsigned)mlen, len);
  uint8_t flags = buf[4];
  if ((flags & 0x0F) || ((flags & WCHG_CMD_FLAG_E) && (flags & WCHG_CMD_FLAG_R)))
    return fail(&c, RC_INVALID_HDR_BITS, buf + 4, NULL, "invalid command flags 0x%02x", flags);
  m->version = 1;
  m->flags = flags;
  m->length = mlen;
  m->code = be24(buf + 5);
  m->app_id = be32(buf + 8);
  m->hop_by_hop = be32(buf + 12);
  m->end_to_end = be32(buf + 16);
  m->data = buf;
  m->command = wchg_dict_find_command(m->code, m->app_id, flags & WCHG_CMD_FLAG_R);
  const wchg_dict_command *cmd = m->command;
  /* error answers (E) carry their own, looser ABNF (RFC 6733 §7.2) */
  bool abnf = cmd && !(flags & WCHG_CMD_FLAG_E);
  wchg_status rc = check_avps(&c, buf + 20, buf + len, abnf ? cmd->avps : NULL,
                              abnf ? cmd->n_avps : 0, !abnf || cmd->extensible, buf);
  if (rc)
    memset(m, 0, sizeof *m);
  return rc;
}

void wchg_avp_iter_msg(wchg_avp_iter *it, const wchg_dmsg *m) {
  it->msg = m->data;
  it->p = m->data + 20;
  it->end = m->data + m->length;
}

void wchg_avp_iter_group(wchg_avp_iter *it, const wchg_dmsg *m, const wchg_avp *g) {
  it->msg = m->data;
  it->p = g->data;
  it->end = g->data + g->len;
}

bool wchg_avp_next(wchg_avp_iter *it, wchg_avp *a) {
  if (it->end - it->p < 8)
    return false;
  const uint8_t *p = it->p;
  uint32_t alen = be24(p + 5);
  size_t hl = p[4] & WCHG_AVP_FLAG_V ? 12 : 8;
  if (alen < hl || alen > (size_t)(it->end - p)) /* only on unparsed input */
    return false;
  a->code = be32(p);
  a->flags = p[4];
  a->vendor = hl == 12 ? be32(p + 8) : 0;
  a->data = p + hl;
  a->len = alen - hl;
  a->offset = (size_t)(p - it->msg);
  a->dict = wchg_dict_find(a->code, a->vendor);
  size_t padded = ((size_t)alen + 3) & ~(size_t)3;
  it->p = padded <= (size_t)(it->end - p) ? p + padded : it->end;
  return true;
}

bool wchg_avp_find(const wchg_dmsg *m, const wchg_avp *group, uint32_t code, uint32_t vendor,
                   wchg_avp *out) {
  wchg_avp_iter it;
  if (group)
    wchg_avp_iter_group(&it, m, group);
  else
    wchg_avp_iter_msg(&it, m);
  while (wchg_avp_next(&it, out))
    if (out->code == code && out->vendor == vendor)
      return true;
  return false;
}

static wchg_status get_be(const wchg_avp *a, size_t n, uint64_t *v) {
  if (!a || !v || a->len != n)
    return WCHG_E_ARG;
  *v = 0;
  for (size_t i = 0; i < n; i++)
    *v = *v << 8 | a->data[i];
  return WCHG_OK;
}

wchg_status wchg_avp_u32(const wchg_avp *a, uint32_t *v) {
  uint64_t x;
  wchg_status rc = get_be(a, 4, &x);
  if (!rc)
    *v = (uint32_t)x;
  return rc;
}

wchg_status wchg_avp_i32(const wchg_avp *a, int32_t *v) {
  uint64_t x;
  wchg_status rc = get_be(a, 4, &x);
  if (!rc)
    *v = (int32_t)(uint32_t)x;
  return rc;
}

wchg_status wchg_avp_u64(const wchg_avp *a, uint64_t *v) { return get_be(a, 8, v); }

wchg_status wchg_avp_i64(const wchg_avp *a, int64_t *v) {
  uint64_t x;
  wchg_status rc = get_be(a, 8, &x);
  if (!rc)
    *v = (int64_t)x;
  return rc;
}

wchg_status wchg_avp_f32(const wchg_avp *a, float *v) {
  uint64_t x;
  wchg_status rc = get_be(a, 4, &x);
  if (!rc) {
    uint32_t bits = (uint32_t)x;
    memcpy(v, &bits, 4);
  }
  return rc;
}

wchg_status wchg_avp_f64(const wchg_avp *a, double *v) {
  uint64_t x;
  wchg_status rc = get_be(a, 8, &x);
  if (!rc)
    memcpy(v, &x, 8);
  return rc;
}

wchg_status wchg_avp_time(const wchg_avp *a, int64_t *unix_seconds) {
  uint64_t x;
  wchg_status rc = get_be(a, 4, &x);
  if (!rc)
    *unix_seconds = wchg_unix_from_ntp((uint32_t)x);
  return rc;
}

wchg_status wchg_avp_address(const wchg_avp *a, int *family, uint8_t addr[16]) {
  if (!a || !family || !addr || a->len < 2)
    return WCHG_E_ARG;
  int fam = a->data[0] << 8 | a->data[1];
  size_t n = fam == 1 ? 4 : fam == 2 ? 16 : 0;
  if (!n || a->len != 2 + n)
    return WCHG_E_ARG;
  *family = fam;
  memcpy(addr, a->data + 2, n);
  return WCHG_OK;
}
