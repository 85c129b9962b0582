/*
 * avp_enc.c: the Diameter writer (RFC 6733 §3, §4): header and AVPs front
 * to back into the caller's buffer; Grouped AVP and message lengths are
 * patched when closed. No allocation. See diameter.h.
 */
#include <stdio.h>
#include <string.h>

#include <webrtc_chg/diameter.h>

#include "internal.h"

static wchg_status set_error(wchg_dwriter *w, wchg_status code, uint32_t avp,
                             uint32_t vendor, const char *what) {
  if (w->error == WCHG_OK) {
    w->error = code;
    if (w->diag) {
      struct wpath p;
      const wchg_dict_avp *d = wchg_dict_find(avp, vendor);
      char name[48];
      snprintf(name, sizeof name, "AVP %u/%u", (unsigned)avp, (unsigned)vendor);
      wpath_init(&p, d ? d->name : name);
      wchg_diag_clear(w->diag);
      wchg_diag_set(w->diag, code, w->len, &p, "%s", what);
    }
  }
  return w->error;
}

void wchg_dw_init(wchg_dwriter *w, uint8_t *buf, size_t cap, wchg_diag *diag) {
  memset(w, 0, sizeof *w);
  w->buf = buf;
  w->cap = buf ? cap : 0;
  w->diag = diag;
  wchg_diag_clear(diag);
}

static void put(wchg_dwriter *w, const void *src, size_t n) {
  if (w->len <= w->cap && n <= w->cap - w->len && n)
    memcpy(w->buf + w->len, src, n);
  w->len += n;
}

static void be32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

/* Write a 24-bit length at |at| if that part of the buffer exists. */
static void patch_len(wchg_dwriter *w, size_t at, size_t len) {
  if (at + 4 <= w->cap) {
    w->buf[at + 1] = (uint8_t)(len >> 16);
    w->buf[at + 2] = (uint8_t)(len >> 8);
    w->buf[at + 3] = (uint8_t)len;
  }
}

wchg_status wchg_dw_header(wchg_dwriter *w, uint8_t flags, uint32_t code,
                           uint32_t app_id, uint32_t hbh, uint32_t e2e) {
  uint8_t h[20];
  if (w->error)
    return w->error;
  if (w->depth != 0 || (flags & 0x0F) || code > 0xFFFFFF)
    return set_error(w, w->depth ? WCHG_E_STATE : WCHG_E_ARG, 0, 0,
                     w->depth ? "the header must come first"
                              : "reserved command flags or a code over 24 bits");
  h[0] = 1;
  h[1] = h[2] = h[3] = 0; /* length, patched by finish */
  be32(h + 4, code);
  h[4] = flags;
  be32(h + 8, app_id);
  be32(h + 12, hbh);
  be32(h + 16, e2e);
  const wchg_dict_command *cmd = wchg_dict_find_command(code, app_id, flags & WCHG_CMD_FLAG_R);
  w->open[0] = w->len;
  w->rules[0] = cmd ? cmd->avps : NULL;
  w->nrules[0] = cmd ? (uint16_t)cmd->n_avps : 0;
  w->cursor[0] = 0;
  w->depth = 1;
  put(w, h, sizeof h);
  return WCHG_OK;
}

/* Write an AVP header for |len| data octets; returns the header offset. */
static size_t avp_header(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint8_t flags,
                         size_t len) {
  uint8_t h[12];
  size_t hl = vendor ? 12 : 8, at = w->len;
  be32(h, code);
  be32(h + 4, (uint32_t)(hl + len));
  h[4] = (uint8_t)(flags | (vendor ? WCHG_AVP_FLAG_V : 0));
  if (vendor)
    be32(h + 8, vendor);
  put(w, h, hl);
  return at;
}

/* The entry of (code, vendor): from the open level's rules when it is one
 * of its children (AVPs usually come in ABNF order), else the table. */
static const wchg_dict_avp *lookup(wchg_dwriter *w, uint32_t code, uint32_t vendor) {
  int lv = w->depth - 1;
  const wchg_dict_rule *r = w->rules[lv];
  size_t n = w->nrules[lv], i = w->cursor[lv];
  for (size_t k = 0; k < n; k++, i = i + 1 < n ? i + 1 : 0)
    if (r[i].code == code && r[i].vendor == vendor) {
      w->cursor[lv] = (uint16_t)i;
      return r[i].avp;
    }
  return wchg_dict_find(code, vendor);
}

/* Check the writer's state and the dictionary type; the flags to send;
 * *entry (may be NULL) the dictionary entry. */
static int prepare_entry(wchg_dwriter *w, uint32_t code, uint32_t vendor, size_t len,
                         const wchg_avp_type *types, size_t ntypes, uint8_t *flags,
                         const wchg_dict_avp **entry) {
  if (w->error)
    return 0;
  if (w->depth == 0) {
    set_error(w, WCHG_E_STATE, code, vendor, "an AVP before the header");
    return 0;
  }
  const wchg_dict_avp *d = lookup(w, code, vendor);
  if (!d) {
    set_error(w, WCHG_E_ARG, code, vendor, "the AVP is not in the dictionary (use wchg_dw_raw)");
    return 0;
  }
  size_t i = 0;
  while (i < ntypes && types[i] != d->type)
    i++;
  if (i == ntypes) {
    set_error(w, WCHG_E_ARG, code, vendor, "the value does not match the AVP's type");
    return 0;
  }
  if (len > 0xFFFFFF - 12) {
    set_error(w, WCHG_E_LIMIT, code, vendor, "the data does not fit a 24-bit length");
    return 0;
  }
  *flags = d->m_rule == WCHG_RULE_MUST ? WCHG_AVP_FLAG_M : 0;
  if (entry)
    *entry = d;
  return 1;
}

/* prepare(w, code, vendor, len, TYPES(...), &flags) */
#define prepare(w, code, vendor, len, ...) prepare_entry(w, code, vendor, len, __VA_ARGS__, NULL)

static wchg_status avp(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint8_t flags,
                       const void *data, size_t len) {
  size_t hl = vendor ? 12 : 8, padded = (hl + len + 3) & ~(size_t)3;
  if (w->len > w->cap || padded > w->cap - w->len) { /* only counting now */
    w->len += padded;
    return WCHG_OK;
  }
  uint8_t *p = w->buf + w->len; /* the common case: straight into place */
  be32(p, code);
  be32(p + 4, (uint32_t)(hl + len));
  p[4] = (uint8_t)(flags | (vendor ? WCHG_AVP_FLAG_V : 0));
  if (vendor)
    be32(p + 8, vendor);
  if (len)
    memcpy(p + hl, data, len);
  for (size_t i = hl + len; i < padded; i++)
    p[i] = 0;
  w->len += padded;
  return WCHG_OK;
}

#define TYPES(...) (const wchg_avp_type[]){__VA_ARGS__}, \
  sizeof((const wchg_avp_type[]){__VA_ARGS__}) / sizeof(wchg_avp_type)

wchg_status wchg_dw_octets(wchg_dwriter *w, uint32_t code, uint32_t vendor,
                           const void *data, size_t len) {
  uint8_t f;
  if (!prepare(w, code, vendor, len, TYPES(WCHG_AVP_OCTETSTRING, WCHG_AVP_DIAMETERIDENTITY,
                                          WCHG_AVP_DIAMETERURI), &f))
    return w->error;
  if (!data && len)
    return set_error(w, WCHG_E_ARG, code, vendor, "NULL data");
  return avp(w, code, vendor, f, data, len);
}

wchg_status wchg_dw_utf8(wchg_dwriter *w, uint32_t code, uint32_t vendor, const char *s,
                         size_t len) {
  uint8_t f;
  size_t bad;
  if (!prepare(w, code, vendor, len, TYPES(WCHG_AVP_UTF8STRING), &f))
    return w->error;
  if (!s && len)
    return set_error(w, WCHG_E_ARG, code, vendor, "NULL text");
  if (!wchg_utf8_valid(s, len, &bad))
    return set_error(w, WCHG_E_UTF8, code, vendor, "the text is not valid UTF-8");
  return avp(w, code, vendor, f, s, len);
}

static wchg_status fixed(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint8_t flags,
                         uint64_t v, size_t n) {
  uint8_t b[8];
  for (size_t i = 0; i < n; i++)
    b[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
  return avp(w, code, vendor, flags, b, n);
}

wchg_status wchg_dw_i32(wchg_dwriter *w, uint32_t code, uint32_t vendor, int32_t v) {
  uint8_t f;
  if (!prepare(w, code, vendor, 4, TYPES(WCHG_AVP_INTEGER32, WCHG_AVP_ENUMERATED), &f))
    return w->error;
  return fixed(w, code, vendor, f, (uint32_t)v, 4);
}

wchg_status wchg_dw_i64(wchg_dwriter *w, uint32_t code, uint32_t vendor, int64_t v) {
  uint8_t f;
  if (!prepare(w, code, vendor, 8, TYPES(WCHG_AVP_INTEGER64), &f))
    return w->error;
  return fixed(w, code, vendor, f, (uint64_t)v, 8);
}

wchg_status wchg_dw_u32(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint32_t v) {
  uint8_t f;
  if (!prepare(w, code, vendor, 4, TYPES(WCHG_AVP_UNSIGNED32), &f))
    return w->error;
  return fixed(w, code, vendor, f, v, 4);
}

wchg_status wchg_dw_u64(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint64_t v) {
  uint8_t f;
  if (!prepare(w, code, vendor, 8, TYPES(WCHG_AVP_UNSIGNED64), &f))
    return w->error;
  return fixed(w, code, vendor, f, v, 8);
}

wchg_status wchg_dw_f32(wchg_dwriter *w, uint32_t code, uint32_t vendor, float v) {
  uint8_t f;
  uint32_t bits;
  if (!prepare(w, code, vendor, 4, TYPES(WCHG_AVP_FLOAT32), &f))
    return w->error;
  memcpy(&bits, &v, 4);
  return fixed(w, code, vendor, f, bits, 4);
}

wchg_status wchg_dw_f64(wchg_dwriter *w, uint32_t code, uint32_t vendor, double v) {
  uint8_t f;
  uint64_t bits;
  if (!prepare(w, code, vendor, 8, TYPES(WCHG_AVP_FLOAT64), &f))
    return w->error;
  memcpy(&bits, &v, 8);
  return fixed(w, code, vendor, f, bits, 8);
}

wchg_status wchg_ntp_from_unix(int64_t unix_seconds, uint32_t *ntp) {
  /* RFC 5905 era rule: era 0 holds NTP values with the top bit set
   * (1968-01-20 .. 2036-02-07), era 1 those with it clear (.. 2104). */
  int64_t t = unix_seconds + WCHG_NTP_UNIX_OFFSET;
  if (!ntp || t < 0x80000000LL || t >= 0x180000000LL)
    return ntp ? WCHG_E_RANGE : WCHG_E_ARG;
  *ntp = (uint32_t)t;
  return WCHG_OK;
}

int64_t wchg_unix_from_ntp(uint32_t ntp) {
  int64_t t = ntp;
  if (!(ntp & 0x80000000u))
    t += 0x100000000LL;
  return t - WCHG_NTP_UNIX_OFFSET;
}

wchg_status wchg_dw_time(wchg_dwriter *w, uint32_t code, uint32_t vendor, int64_t unix_seconds) {
  uint8_t f;
  uint32_t ntp;
  if (!prepare(w, code, vendor, 4, TYPES(WCHG_AVP_TIME), &f))
    return w->error;
  if (wchg_ntp_from_unix(unix_seconds, &ntp) != WCHG_OK)
    return set_error(w, WCHG_E_RANGE, code, vendor, "the time is outside 1968..2104");
  return fixed(w, code, vendor, f, ntp, 4);
}

wchg_status wchg_dw_address(wchg_dwriter *w, uint32_t code, uint32_t vendor, int family,
                            const uint8_t *addr) {
  uint8_t f, b[18];
  size_t n = family == 1 ? 4 : family == 2 ? 16 : 0;
  if (!prepare(w, code, vendor, 2 + n, TYPES(WCHG_AVP_ADDRESS), &f))
    return w->error;
  if (!n || !addr)
    return set_error(w, WCHG_E_ARG, code, vendor, "the family must be 1 (IPv4) or 2 (IPv6)");
  b[0] = 0;
  b[1] = (uint8_t)family; /* IANA address family numbers */
  memcpy(b + 2, addr, n);
  return avp(w, code, vendor, f, b, 2 + n);
}

wchg_status wchg_dw_group_begin(wchg_dwriter *w, uint32_t code, uint32_t vendor) {
  uint8_t f;
  const wchg_dict_avp *d;
  if (!prepare_entry(w, code, vendor, 0, TYPES(WCHG_AVP_GROUPED), &f, &d))
    return w->error;
  if (w->depth > WCHG_DIAM_MAX_DEPTH)
    return set_error(w, WCHG_E_LIMIT, code, vendor, "Grouped AVPs nested too deeply");
  w->rules[w->depth] = d->children;
  w->nrules[w->depth] = (uint16_t)d->n_children;
  w->cursor[w->depth] = 0;
  w->open[w->depth++] = avp_header(w, code, vendor, f, 0);
  return WCHG_OK;
}

wchg_status wchg_dw_group_end(wchg_dwriter *w) {
  if (w->error)
    return w->error;
  if (w->depth < 2)
    return set_error(w, WCHG_E_STATE, 0, 0, "no Grouped AVP is open");
  size_t at = w->open[--w->depth];
  /* children are padded, so the group's length is a multiple of 4 */
  if (w->len - at > 0xFFFFFF)
    return set_error(w, WCHG_E_LIMIT, 0, 0, "the Grouped AVP exceeds a 24-bit length");
  patch_len(w, at + 4, w->len - at);
  return WCHG_OK;
}

wchg_status wchg_dw_raw(wchg_dwriter *w, uint32_t code, uint32_t vendor, uint8_t flags,
                        const void *data, size_t len) {
  if (w->error)
    return w->error;
  if (w->depth == 0)
    return set_error(w, WCHG_E_STATE, code, vendor, "an AVP before the header");
  if (((flags & WCHG_AVP_FLAG_V) != 0) != (vendor != 0) || (flags & 0x1F) ||
      (!data && len) || len > 0xFFFFFF - 12)
    return set_error(w, WCHG_E_ARG, code, vendor,
                     "V must be set exactly for a vendor, reserved flags clear");
  return avp(w, code, vendor, (uint8_t)(flags & ~WCHG_AVP_FLAG_V), data, len);
}

wchg_status wchg_dw_finish(wchg_dwriter *w, size_t *len) {
  if (!len)
    return WCHG_E_ARG;
  *len = w->len;
  if (w->error)
    return w->error;
  if (w->depth != 1)
    return set_error(w, WCHG_E_STATE, 0, 0,
                     w->depth ? "a Grouped AVP is still open" : "no header was written");
  if (w->len > 0xFFFFFF)
    return set_error(w, WCHG_E_LIMIT, 0, 0, "the message exceeds a 24-bit length");
  patch_len(w, w->open[0], w->len);
  if (w->len > w->cap) {
    if (w->diag) {
      wchg_diag_clear(w->diag);
      wchg_diag_set(w->diag, WCHG_E_BUFFER, WCHG_NO_OFFSET, NULL,
                    "the message needs %zu bytes, the buffer has %zu", w->len, w->cap);
    }
    return WCHG_E_BUFFER;
  }
  return WCHG_OK;
}
