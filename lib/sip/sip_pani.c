/*
 * sip_pani.c: the P-Access-Network-Info header value (RFC 7315 §5.4):
 *   access-net-spec *(COMMA access-net-spec)
 *   access-net-spec = (access-type / access-class) *(SEMI access-info)
 * The access type may also come as a quoted-string (seen from some
 * gateways, e.g. "GSTN"); access-info is a generic-param, network-provided
 * a bare flag.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include "sip/sip_lex.h"

#define ROOT "P-Access-Network-Info"

static wchg_status access_info(struct sip_lex *x, wchg_sip_access_net_spec *s) {
  wchg_sip_param *p = &s->access_info[s->access_info_count];
  wchg_status rc;
  sip_at(x, 1, "access-info", s->access_info_count);
  if (s->access_info_count == WCHG_SIP_MAX_ACCESS_INFO)
    return wchgi_sip_err(x, WCHG_E_LIMIT, x->i, "more than %d parameters in one access-net-spec",
                        WCHG_SIP_MAX_ACCESS_INFO);
  memset(p, 0, sizeof *p);
  if ((rc = wchgi_sip_token(x, &p->name, "a parameter name")))
    return rc;
  if (wchgi_sip_param_has(s->access_info, s->access_info_count, p->name))
    return wchgi_sip_err(x, WCHG_E_DUPLICATE, sip_off(x, p->name.ptr),
                        "a parameter is given twice");
  if ((rc = wchgi_sip_opt_value(x, true, &p->value)))
    return rc;
  if (wchgi_sip_name_eq(p->name, "network-provided")) {
    if (p->value.raw.ptr)
      return wchgi_sip_err(x, WCHG_E_ENCODING, sip_value_off(x, &p->value),
                          "network-provided takes no value");
    s->network_provided = true;
  }
  s->access_info_count++;
  return WCHG_OK;
}

/* The access type, then ';'-separated parameters. */
static wchg_status access_net_spec(struct sip_lex *x, wchg_sip_access_net_spec *s) {
  size_t start = x->i, end, save;
  wchg_status rc;
  s->access_info_count = 0;
  s->network_provided = false;
  sip_at(x, 1, "access-type", SIP_NO_INDEX);
  if (!sip_eof(x) && x->s[x->i] == '"') {
    rc = wchgi_sip_quoted(x, &s->access_type);
  } else {
    s->access_type.quoted = s->access_type.escaped = false;
    rc = wchgi_sip_token(x, &s->access_type.raw, "an access type");
  }
  for (end = x->i; !rc; end = x->i) {
    save = x->i;
    wchgi_sip_sws(x);
    if (sip_eof(x) || x->s[x->i] != ';') {
      x->i = save;
      break;
    }
    x->i++;
    wchgi_sip_sws(x);
    rc = access_info(x, s);
  }
  s->text.ptr = x->s + start;
  s->text.len = end - start;
  sip_at(x, 1, NULL, SIP_NO_INDEX);
  return rc;
}

wchg_status wchg_sip_parse_access_network_info(const char *value, size_t len,
                                               wchg_sip_access_network_info *out,
                                               wchg_diag *diag) {
  struct sip_lex x;
  wchg_status rc;
  int more;
  if ((rc = wchgi_sip_begin(&x, out, value, len, ROOT, diag)))
    return rc;
  out->count = 0;
  wchgi_sip_sws(&x);
  if (sip_eof(&x)) {
    sip_at(&x, 0, "access-net-spec", 0);
    return wchgi_sip_err(&x, WCHG_E_MISSING, x.i, "the header value is empty");
  }
  do {
    sip_at(&x, 0, "access-net-spec", out->count);
    if (out->count == WCHG_SIP_MAX_ACCESS_NET_SPECS)
      return wchgi_sip_err(&x, WCHG_E_LIMIT, x.i, "more than %d access-net-spec elements",
                          WCHG_SIP_MAX_ACCESS_NET_SPECS);
    if ((rc = access_net_spec(&x, &out->specs[out->count])))
      return rc;
    out->count++;
  } while ((more = wchgi_sip_next(&x, ',')) == 1);
  return (wchg_status)more;
}
