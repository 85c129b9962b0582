/* testutil.c: see testutil.h.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdr/schema.h"
#include "testutil.h"

static void out_write(const char *name, const char *ext, const uint8_t *buf, size_t len) {
  const char *dir = getenv("WCHG_TEST_OUT");
  char path[512];
  FILE *f;
  if (!dir || !*dir)
    return;
  snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext);
  f = fopen(path, "wb");
  ck_assert_msg(f != NULL, "cannot write %s", path);
  ck_assert_uint_eq(fwrite(buf, 1, len, f), len);
  fclose(f);
}

void test_out_write(const char *name, const uint8_t *buf, size_t len) {
  out_write(name, "der", buf, len);
}

void test_out_write_diam(const char *name, const uint8_t *buf, size_t len) {
  out_write(name, "diam", buf, len);
}

void test_out_write_cdrfile(const char *name, const uint8_t *buf, size_t len) {
  out_write(name, "cdrfile", buf, len);
}

uint8_t *test_read_file(const char *rel, size_t *len) {
  const char *dir = getenv("WCHG_SRCDIR");
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : ".", rel);
  FILE *f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot read %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
  ck_assert_ptr_nonnull(buf);
  ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  *len = (size_t)n;
  return buf;
}

uint8_t *test_encode(const wchg_cdr *cdr, size_t *len) {
  wchg_diag d;
  size_t need = 0, n = 0;
  ck_assert_int_eq(wchg_cdr_encode(cdr, NULL, 0, &need, &d), WCHG_E_BUFFER);
  uint8_t *buf = malloc(need), *tables = malloc(need);
  ck_assert_ptr_nonnull(buf);
  ck_assert_ptr_nonnull(tables);
  int rc = wchg_cdr_encode(cdr, buf, need, len, &d);
  ck_assert_msg(rc == WCHG_OK, "encode: %s at %s: %s", wchg_strerror(rc), d.path, d.message);
  ck_assert_uint_eq(*len, need);
  /* the types' own functions write what the tables write */
  ck_assert_int_eq(wchgi_cdr_encode_tables(cdr, tables, need, &n, NULL), WCHG_OK);
  ck_assert_uint_eq(n, need);
  ck_assert_mem_eq(buf, tables, need);
  free(tables);
  return buf;
}

/* ---- deep comparison ---------------------------------------------------- */

static int eq_struct(const struct wt *t, const void *a, const void *b, char *w, size_t cap);

static int differ(char *w, size_t cap, const char *name) {
  snprintf(w, cap, "%s", name ? name : "(element)");
  return 0;
}

static int eq_bytes(const void *ap, size_t an, const void *bp, size_t bn) {
  if ((ap == NULL) != (bp == NULL) || an != bn)
    return 0;
  return an == 0 || memcmp(ap, bp, an) == 0;
}

static int eq_field(const struct wf *f, const void *abase, const void *bbase, char *w,
                    size_t cap) {
  const void *a = wf_ptr(abase, f), *b = wf_ptr(bbase, f);
  switch (f->kind) {
  case WK_INT: case WK_ENUM: case WK_BOOL: {
    const wchg_opt_int *x = a, *y = b;
    if (x->present != y->present || (x->present && x->value != y->value))
      return differ(w, cap, f->name);
    return 1;
  }
  case WK_NULL:
    return *(const bool *)a == *(const bool *)b ? 1 : differ(w, cap, f->name);
  case WK_OCTETS: case WK_OID: case WK_ANY: case WK_TEXT: {
    const wchg_octets *x = a, *y = b;
    return eq_bytes(x->ptr, x->len, y->ptr, y->len) ? 1 : differ(w, cap, f->name);
  }
  case WK_TIMESTAMP: {
    const wchg_timestamp *x = a, *y = b;
    if (x->present != y->present || (x->present && memcmp(x->octets, y->octets, 9)))
      return differ(w, cap, f->name);
    return 1;
  }
  case WK_IPBIN:
    return memcmp(a, b, (size_t)f->hi) == 0 ? 1 : differ(w, cap, f->name);
  case WK_STRUCT:
    if (wchg_field_present(abase, f) != wchg_field_present(bbase, f))
      return differ(w, cap, f->name);
    if (!wchg_field_present(abase, f))
      return 1;
    return eq_struct(f->type, a, b, w, cap);
  case WK_CHOICE: {
    int ca = wt_choice(a, f->type), cb = wt_choice(b, f->type);
    if (ca != cb)
      return differ(w, cap, f->name);
    if (ca < 1 || ca > f->type->nfields)
      return 1;
    return eq_field(&f->type->fields[ca - 1], a, b, w, cap);
  }
  case WK_LIST: {
    struct wlist x = wf_list(abase, f), y = wf_list(bbase, f);
    if ((x.items == NULL) != (y.items == NULL) || x.count != y.count)
      return differ(w, cap, f->name);
    for (size_t i = 0; i < x.count; i++)
      if (!eq_field(f->elem, (const char *)x.items + i * f->esize,
                    (const char *)y.items + i * f->esize, w, cap))
        return 0;
    return 1;
  }
  }
  return 0;
}

static int eq_struct(const struct wt *t, const void *a, const void *b, char *w, size_t cap) {
  for (size_t i = 0; i < t->nfields; i++)
    if (!eq_field(&t->fields[i], a, b, w, cap))
      return 0;
  return 1;
}

int test_cdr_equal(const wchg_cdr *a, const wchg_cdr *b, char *w, size_t cap) {
  if (!eq_struct(&wchgi_pcscf_record_type, a, b, w, cap))
    return 0;
  /* the extension list's presence may differ when only ours is carried */
  return eq_struct(&wchgi_webrtc_info_type, a, b, w, cap);
}

/* ---- failing allocator ---------------------------------------------------- */

static void *fm_malloc(size_t n, void *ud) {
  struct failmem *fm = ud;
  fm->calls++;
  if (fm->fail_at && (fm->calls == fm->fail_at || (fm->forever && fm->calls > fm->fail_at)))
    return NULL;
  void *p = malloc(n);
  if (p)
    fm->live++;
  return p;
}

static void fm_free(void *p, void *ud) {
  struct failmem *fm = ud;
  if (p) {
    fm->live--;
    free(p);
  }
}

void failmem_init(struct failmem *fm, size_t fail_at, int forever) {
  memset(fm, 0, sizeof *fm);
  fm->mem.malloc = fm_malloc;
  fm->mem.free = fm_free;
  fm->mem.user_data = fm;
  fm->fail_at = fail_at;
  fm->forever = forever;
}

size_t failmem_each(size_t (*run)(struct failmem *fm, int32_t *out, size_t cap),
                    const int32_t *want, size_t n_want) {
  int32_t got[32];
  struct failmem fm;
  size_t fails = 0;
  ck_assert_uint_le(n_want, 32);
  for (int forever = 0; forever <= 1; forever++)
    for (size_t at = 1;; at++) {
      size_t n;
      failmem_init(&fm, at, forever);
      n = run(&fm, got, 32);
      ck_assert_msg(fm.live == 0, "leak: fail at %zu (%s)", at, forever ? "forever" : "once");
      if (n) {
        ck_assert_uint_eq(n, n_want);
        ck_assert_msg(!memcmp(got, want, sizeof want[0] * n), "results differ at %zu", at);
      }
      if (fm.calls < at)
        break; /* nothing left to fail */
      fails++;
    }
  return fails;
}

size_t test_unhex(const char *hex, uint8_t *out, size_t cap) {
  size_t n = 0;
  unsigned v;
  while (*hex) {
    if (*hex == ' ' || *hex == '\n') {
      hex++;
      continue;
    }
    ck_assert_msg(sscanf(hex, "%2x", &v) == 1, "bad hex near %s", hex);
    ck_assert_uint_lt(n, cap);
    out[n++] = (uint8_t)v;
    hex += 2;
  }
  return n;
}
