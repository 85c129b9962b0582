/*
 * ctf_base.c: the plumbing every part of the charging trigger function
 * (ctf.h) uses: the stores strings are kept in, text and diagnostic
 * helpers, the Session-Id (RFC 6733 §8.8) and emergency URNs (RFC 5031).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "ctf/ctf_internal.h"

/* ---- objects ------------------------------------------------------------ */

void *ctf_object_new(const wchg_mem *src, size_t size) {
  wchg_mem m;
  wchg_mem *obj = wchgi_mem_new_object(src, size, &m);
  if (obj)
    *obj = m;
  return obj;
}

void *ctf_object_of_config(const wchg_ctf_config *cfg, size_t size) {
  struct ctf_configured *obj = cfg ? ctf_object_new(cfg->mem, size) : NULL;
  if (obj)
    obj->cfg = cfg;
  return obj;
}

void ctf_object_free(void *obj, void *const blocks[], size_t n) {
  wchg_mem m = *(const wchg_mem *)obj; /* it goes with |obj| */
  for (size_t k = 0; k < n; k++)
    wchgi_free(&m, blocks[k]);
  wchgi_free(&m, obj);
}

/* ---- stores ------------------------------------------------------------ */

struct ctf_ref ctf_put(struct wchgi_buf *b, wchg_str s) {
  struct ctf_ref r = {b->len, s.len, s.ptr != NULL};
  if (s.len)
    memcpy(b->p + b->len, s.ptr, s.len);
  b->len += s.len;
  return r;
}

wchg_str ctf_get(const struct wchgi_buf *b, struct ctf_ref r) {
  wchg_str s = {NULL, 0};
  if (r.set) {
    s.ptr = b->p ? (const char *)b->p + r.off : "";
    s.len = r.len;
  }
  return s;
}

size_t ctf_varint_size(size_t v) {
  size_t n = 1;
  for (; v >= 0x80; v >>= 7)
    n++;
  return n;
}

uint8_t *ctf_varint_put(uint8_t *p, size_t v) {
  for (; v >= 0x80; v >>= 7)
    *p++ = (uint8_t)(v | 0x80);
  *p++ = (uint8_t)v;
  return p;
}

size_t ctf_varint_get(const uint8_t **p) {
  const uint8_t *q = *p;
  size_t v = 0;
  unsigned shift = 0;
  for (; *q & 0x80; shift += 7)
    v |= (size_t)(*q++ & 0x7F) << shift;
  v |= (size_t)*q++ << shift;
  *p = q;
  return v;
}

size_t ctf_items_size(const wchg_str *v, size_t n) {
  size_t t = 0;
  for (size_t k = 0; k < n; k++)
    t += v[k].ptr ? ctf_varint_size(v[k].len + 1) + v[k].len : 1;
  return t;
}

uint8_t *ctf_items_put(uint8_t *p, const wchg_str *v, size_t n) {
  for (size_t k = 0; k < n; k++) {
    size_t len = v[k].ptr ? v[k].len : 0;
    p = ctf_varint_put(p, v[k].ptr ? len + 1 : 0);
    if (len)
      memcpy(p, v[k].ptr, len);
    p += len;
  }
  return p;
}

void ctf_items_get(const uint8_t **p, wchg_str *v, size_t n) {
  const uint8_t *q = *p;
  for (size_t k = 0; k < n; k++) {
    size_t len = *q < 0x80 ? *q++ : ctf_varint_get(&q); /* most are one octet */
    v[k] = (wchg_str){len ? (const char *)q : NULL, len ? len - 1 : 0};
    q += v[k].len;
  }
  *p = q;
}

wchg_status ctf_store_reserve(struct wchgi_buf *b, const wchg_mem *m, size_t need) {
  uint8_t *q;
  if (need <= b->cap)
    return WCHG_OK;
  if (need > SIZE_MAX - 63 || !(q = wchgi_malloc(m, (need + 63) & ~(size_t)63)))
    return WCHG_E_NOMEM;
  if (b->len)
    memcpy(q, b->p, b->len);
  wchgi_free(m, b->p);
  b->p = q;
  b->cap = (need + 63) & ~(size_t)63;
  return WCHG_OK;
}

/* The strings of a served user, in the order a store keeps them. */
#define USER_STRINGS(u) {&(u)->impi, &(u)->impu, &(u)->waf, &(u)->wwsf, &(u)->instance_id}

size_t ctf_user_len(const struct ctf_user *u) {
  const wchg_str *from[CTF_USER_STRINGS] = USER_STRINGS(u);
  size_t n = 0;
  for (size_t k = 0; k < CTF_USER_STRINGS; k++)
    n += from[k]->len;
  return n;
}

void ctf_user_put(struct wchgi_buf *b, struct ctf_user_refs *refs, const struct ctf_user *u) {
  const wchg_str *from[CTF_USER_STRINGS] = USER_STRINGS(u);
  refs->wic = u->wic;
  for (size_t k = 0; k < CTF_USER_STRINGS; k++)
    refs->at[k] = ctf_put(b, *from[k]);
}

void ctf_user_get(const struct wchgi_buf *b, const struct ctf_user_refs *refs,
                  struct ctf_user *u) {
  wchg_str *to[CTF_USER_STRINGS] = USER_STRINGS(u);
  u->wic = refs->wic;
  for (size_t k = 0; k < CTF_USER_STRINGS; k++)
    *to[k] = ctf_get(b, refs->at[k]);
}

/* ---- text helpers ------------------------------------------------------ */

bool ctf_str_eq(wchg_str a, wchg_str b) {
  return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

wchg_status ctf_fail(wchg_diag *diag, wchg_status code, const char *root, const char *field,
                     const char *msg) {
  struct wpath path;
  wpath_init(&path, root);
  if (field)
    wpath_push(&path, field);
  wchgi_diag_set(diag, code, 0, WCHG_NO_OFFSET, &path, "%s", msg);
  return code;
}

const char *ctf_root(wchg_str method, char buf[24]) {
  if (!method.len || method.len >= 24)
    return "request";
  memcpy(buf, method.ptr, method.len);
  buf[method.len] = '\0';
  return buf;
}

wchg_status ctf_check_list(size_t n, const char *root, const char *field, wchg_diag *diag) {
  if (n <= CTF_MAX_LIST)
    return WCHG_OK;
  return ctf_fail(diag, WCHG_E_LIMIT, root, field,
                  "more entries than WCHG_CTF_MAX_LIST (16)");
}

/* ---- Session-Id (RFC 6733 §8.8) ---------------------------------------- */

size_t ctf_session_id_bound(const wchg_ctf_config *cfg) {
  size_t n = cfg->origin_host.len + 2 * (1 + 10) + 1;
  if (cfg->session_id_optional.ptr)
    n += 1 + cfg->session_id_optional.len;
  return n;
}

static size_t put_u32(char *out, uint32_t v) {
  char tmp[10];
  size_t n = 0, k;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (k = 0; k < n; k++)
    out[k] = tmp[n - 1 - k];
  return n;
}

wchg_status wchg_ctf_session_id(const wchg_ctf_config *cfg, uint64_t unique, char *buf,
                                size_t cap, size_t *len) {
  char tmp[2 * (1 + 10)];
  size_t n;
  if (!cfg || !len || (!buf && cap) || !cfg->origin_host.ptr || !cfg->origin_host.len)
    return WCHG_E_ARG;
  n = 0;
  tmp[n++] = ';';
  n += put_u32(tmp + n, (uint32_t)(unique >> 32));
  tmp[n++] = ';';
  n += put_u32(tmp + n, (uint32_t)unique);
  *len = cfg->origin_host.len + n;
  if (cfg->session_id_optional.ptr)
    *len += 1 + cfg->session_id_optional.len;
  if (!buf || cap <= *len)
    return WCHG_E_BUFFER;
  memcpy(buf, cfg->origin_host.ptr, cfg->origin_host.len);
  memcpy(buf + cfg->origin_host.len, tmp, n);
  n += cfg->origin_host.len;
  if (cfg->session_id_optional.ptr) {
    buf[n++] = ';';
    memcpy(buf + n, cfg->session_id_optional.ptr, cfg->session_id_optional.len);
    n += cfg->session_id_optional.len;
  }
  buf[n] = '\0';
  return WCHG_OK;
}

/* ---- emergency (RFC 5031 §3, §4.2) ------------------------------------- */

static bool label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-';
}

bool wchg_is_emergency_urn(wchg_str uri) {
  /* service = top-level *("." sub-service), labels of let-dig-hyp */
  static const char sos[] = "urn:service:sos";
  size_t i = sizeof sos - 1;
  if (!wchgi_has_prefix_ci(uri, sos))
    return false;
  while (i < uri.len) {
    size_t start;
    if (uri.ptr[i] != '.')
      return false;
    start = ++i;
    while (i < uri.len && label_char(uri.ptr[i]))
      i++;
    if (i == start)
      return false;
  }
  return true;
}

