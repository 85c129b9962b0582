/*
 * sip_pcv.c: the P-Charging-Vector header value (RFC 7315 §5.6):
 *   icid-value *(SEMI charge-params), charge-params being
 *   icid-generated-at, orig-ioi, term-ioi, transit-ioi, related-icid,
 *   related-icid-generated-at or a generic-param.
 * Parameters are accepted in any order; icid-value must be present.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stddef.h>
#include <string.h>

#include "sip/sip_lex.h"

#define ROOT "P-Charging-Vector"

enum pcv_kind { PCV_VALUE, PCV_HOST, PCV_LIST };

static const struct pcv_field {
  const char *name;
  size_t len, off;
  enum pcv_kind kind;
} pcv_fields[] = {
#define F(name, field, kind) {name, sizeof name - 1, offsetof(wchg_sip_charging_vector, field), kind}
    F("icid-value", icid_value, PCV_VALUE),
    F("icid-generated-at", icid_generated_at, PCV_HOST),
    F("orig-ioi", orig_ioi, PCV_VALUE),
    F("term-ioi", term_ioi, PCV_VALUE),
    F("transit-ioi", transit_ioi, PCV_LIST),
    F("related-icid", related_icid, PCV_VALUE),
    F("related-icid-generated-at", related_icid_generated_at, PCV_HOST),
#undef F
};

static const struct pcv_field *pcv_field(wchg_str name) {
  for (size_t k = 0; k < sizeof pcv_fields / sizeof pcv_fields[0]; k++)
    if (wchgi_sip_name_eqn(name, pcv_fields[k].name, pcv_fields[k].len))
      return &pcv_fields[k];
  return NULL;
}

static wchg_status add_transit(struct sip_lex *x, wchg_sip_charging_vector *v, wchg_str item) {
  if (v->transit_ioi_count == WCHG_SIP_MAX_TRANSIT_IOI)
    return wchgi_sip_err(x, WCHG_E_LIMIT, sip_off(x, item.ptr),
                        "more than %d transit-ioi entries", WCHG_SIP_MAX_TRANSIT_IOI);
  v->transit_ioi_list[v->transit_ioi_count++] = item;
  return WCHG_OK;
}

/* transit-ioi: one token, or DQUOTE entry *(COMMA entry) DQUOTE with each
 * entry a token ("name.index" or "void.index" in RFC 7315). */
static wchg_status transit_list(struct sip_lex *x, wchg_sip_charging_vector *v) {
  const wchg_sip_value *t = &v->transit_ioi;
  struct sip_lex y = *x; /* reads the inside of the value only */
  wchg_str item;
  wchg_status rc;
  int more;
  y.i = sip_off(x, t->raw.ptr);
  y.n = y.i + t->raw.len;
  if (!t->quoted) {
    if ((rc = wchgi_sip_token(&y, &item, "a transit-ioi entry")) || !sip_eof(&y))
      return rc ? rc : wchgi_sip_expected(&y, "a token");
    return add_transit(x, v, item);
  }
  do {
    if ((rc = wchgi_sip_token(&y, &item, "a transit-ioi entry")) ||
        (rc = add_transit(x, v, item)))
      return rc;
  } while ((more = wchgi_sip_next(&y, ',')) == 1);
  return (wchg_status)more;
}

/* The slot of a generic-param: the next of v->params. */
static wchg_status generic_param(struct sip_lex *x, wchg_sip_charging_vector *v,
                                 wchg_str name, wchg_sip_param **p) {
  return wchgi_sip_param_slot(x, v->params, v->param_count, "generic-param", name, p);
}

/* A parameter with a field of its own: EQUAL and a value of its kind. */
static wchg_status known_param(struct sip_lex *x, wchg_sip_charging_vector *v,
                               const struct pcv_field *f, wchg_str name) {
  wchg_sip_value *slot;
  wchg_status rc;
  if ((rc = wchgi_sip_field_slot(x, v, f->off, f->name, name, &slot)) ||
      (rc = wchgi_sip_req_value(x, true, slot)))
    return rc;
  if (f->kind == PCV_HOST && !wchgi_sip_is_host(slot))
    return wchgi_sip_err(x, WCHG_E_ENCODING, sip_value_off(x, slot),
                        "a host name or address expected");
  return f->kind == PCV_LIST ? transit_list(x, v) : WCHG_OK;
}

static wchg_status pcv_param(struct sip_lex *x, wchg_sip_charging_vector *v) {
  wchg_str name;
  wchg_sip_param *p = NULL;
  wchg_status rc;
  if ((rc = wchgi_sip_param_name(x, &name)))
    return rc;
  const struct pcv_field *f = pcv_field(name);
  if (f)
    return known_param(x, v, f, name);
  if ((rc = generic_param(x, v, name, &p)) || (rc = wchgi_sip_opt_value(x, true, &p->value)))
    return rc;
  v->param_count++;
  return WCHG_OK;
}

wchg_status wchg_sip_parse_charging_vector(const char *value, size_t len,
                                           wchg_sip_charging_vector *out, wchg_diag *diag) {
  struct sip_lex x;
  wchg_status rc;
  int more;
  if ((rc = wchgi_sip_begin(&x, out, value, len, ROOT, diag)))
    return rc;
  /* every field but the arrays, whose entries past their counts are
   * unspecified (sip.h): 1.5 KB less to clear per header */
  memset(out, 0, offsetof(wchg_sip_charging_vector, transit_ioi_list));
  memset(&out->transit_ioi_count, 0,
         offsetof(wchg_sip_charging_vector, params) -
             offsetof(wchg_sip_charging_vector, transit_ioi_count));
  out->param_count = 0;
  wchgi_sip_sws(&x);
  if (sip_eof(&x)) {
    sip_at(&x, 0, "icid-value", SIP_NO_INDEX);
    return wchgi_sip_err(&x, WCHG_E_MISSING, x.i, "the header value is empty");
  }
  do {
    if ((rc = pcv_param(&x, out)))
      return rc;
  } while ((more = wchgi_sip_next(&x, ';')) == 1);
  if (more)
    return (wchg_status)more;
  if (!out->icid_value.raw.ptr) {
    sip_at(&x, 0, "icid-value", SIP_NO_INDEX);
    return wchgi_sip_err(&x, WCHG_E_MISSING, WCHG_NO_OFFSET, "icid-value is missing");
  }
  return WCHG_OK;
}
