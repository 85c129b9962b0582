/*
 * ccr_enc.c: the Ro view of the model: a wchg_ccr as one Credit-Control-
 * Request (TS 32.299 §6.4.2, RFC 4006 §3.1), ro.h. The encoder
 * (diameter/avp_build.h) and Service-Information/IMS-Information
 * (charging/ims_avps.c) are shared with the ACR.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/diameter.h>
#include <webrtc_chg/ro.h>

#include "charging/ims_avps.h"

/* The octet and service-specific units, in the order of every unit group
 * (RFC 4006 §8.17-8.19). */
static void octet_units(struct aenc *e, const wchg_service_unit *u) {
  aenc_u64(e, E(CC_TOTAL_OCTETS), u->has_cc_total_octets, u->cc_total_octets);
  aenc_u64(e, E(CC_INPUT_OCTETS), u->has_cc_input_octets, u->cc_input_octets);
  aenc_u64(e, E(CC_OUTPUT_OCTETS), u->has_cc_output_octets, u->cc_output_octets);
  aenc_u64(e, E(CC_SERVICE_SPECIFIC_UNITS), u->has_cc_service_specific_units,
           u->cc_service_specific_units);
}

static void requested_service_unit(struct aenc *e, const wchg_service_unit *u) {
  if (!u->present)
    return;
  aenc_group_begin(e, E(REQUESTED_SERVICE_UNIT), AENC_NO_INDEX);
  aenc_unsigned(e, E(CC_TIME), u->cc_time);
  octet_units(e, u);
  aenc_group_end(e);
}

/* Used-Service-Unit with the TS 32.299 Reporting-Reason first. */
static void used_service_unit(struct aenc *e, const void *item) {
  const wchg_service_unit *u = item;
  aenc_enum(e, E(REPORTING_REASON), u->reporting_reason);
  aenc_unsigned(e, E(CC_TIME), u->cc_time);
  octet_units(e, u);
}

static void trigger(struct aenc *e, const wchg_mscc *m) {
  if (!m->trigger)
    return;
  aenc_group_begin(e, E(TRIGGER), AENC_NO_INDEX);
  if (aenc_items_ok(e, E(TRIGGER_TYPE), m->trigger_types, m->n_trigger_types))
    for (size_t i = 0; i < m->n_trigger_types; i++)
      aenc_enum(e, E(TRIGGER_TYPE), WCHG_INT(m->trigger_types[i]));
  aenc_group_end(e);
}

/* Multiple-Services-Credit-Control, TS 32.299 §7.1.9 order. */
static void mscc(struct aenc *e, const void *item) {
  const wchg_mscc *m = item;
  requested_service_unit(e, &m->requested_service_unit);
  aenc_groups(e, E(USED_SERVICE_UNIT), m->used_service_units, m->n_used_service_units,
              sizeof *m->used_service_units, used_service_unit);
  aenc_unsigned(e, E(SERVICE_IDENTIFIER), m->service_identifier);
  aenc_unsigned(e, E(RATING_GROUP), m->rating_group);
  aenc_enum(e, E(REPORTING_REASON), m->reporting_reason);
  trigger(e, m);
}

/* The rules of the request types (RFC 4006 §8.41, RFC 6733 §8.15) and of
 * the Ro clients (TS 32.260 §4.3). */
static void ccr_rules(struct aenc *e, const wchg_ccr *c) {
  int32_t nf = c->node_functionality;
  if (nf != WCHG_NODE_S_CSCF && nf != WCHG_NODE_MRFC && nf != WCHG_NODE_AS)
    aenc_fail(e, WCHG_E_RANGE, E(NODE_FUNCTIONALITY), AENC_NO_INDEX,
              "%d is not an Ro client (S-CSCF 0, MRFC 3, AS 6)", (int)nf);
  if (c->termination_cause.present && c->cc_request_type != WCHG_CC_TERMINATION)
    aenc_fail(e, WCHG_E_RANGE, E(TERMINATION_CAUSE), AENC_NO_INDEX,
              "Termination-Cause belongs in a TERMINATION_REQUEST only");
  if (c->requested_action.present && c->cc_request_type != WCHG_CC_EVENT)
    aenc_fail(e, WCHG_E_RANGE, E(REQUESTED_ACTION), AENC_NO_INDEX,
              "Requested-Action belongs in an EVENT_REQUEST only");
}

/* The AVPs of the CCR (TS 32.299 §6.4.2) in ABNF order. */
static void ccr_avps(struct aenc *e, const void *model) {
  const wchg_ccr *c = model;
  const struct aenc_ims_extra x = {c->node_functionality, c->cause_code,
                                   c->sip_request_timestamp, c->sip_response_timestamp};
  wchg_str context = c->ims.service_context_id;
  if (!context.ptr || !context.len)
    context = (wchg_str){WCHG_SERVICE_CONTEXT_IMS, sizeof WCHG_SERVICE_CONTEXT_IMS - 1};
  aenc_session_top(e, c->session_id, c->origin_host, c->origin_realm, c->destination_realm);
  ccr_rules(e, c);
  aenc_unsigned(e, E(AUTH_APPLICATION_ID), WCHG_INT(WCHG_APP_CREDIT_CONTROL));
  aenc_str(e, E(SERVICE_CONTEXT_ID), context);
  aenc_enum(e, E(CC_REQUEST_TYPE), WCHG_INT(c->cc_request_type));
  aenc_unsigned(e, E(CC_REQUEST_NUMBER), WCHG_INT(c->cc_request_number));
  aenc_octets(e, E(DESTINATION_HOST), c->destination_host.ptr, c->destination_host.len);
  aenc_str(e, E(USER_NAME), c->ims.private_user_id);
  aenc_unsigned(e, E(ORIGIN_STATE_ID), c->origin_state_id);
  aenc_time_ms(e, E(EVENT_TIMESTAMP), c->event_timestamp);
  aenc_subscription_ids(e, &c->ims.list_of_subscription_id);
  aenc_enum(e, E(TERMINATION_CAUSE), c->termination_cause);
  aenc_enum(e, E(REQUESTED_ACTION), c->requested_action);
  aenc_enum(e, E(MULTIPLE_SERVICES_INDICATOR), c->multiple_services_indicator);
  aenc_groups(e, E(MULTIPLE_SERVICES_CREDIT_CONTROL), c->mscc, c->n_mscc, sizeof *c->mscc, mscc);
  aenc_service_information(e, &c->ims, &x, false);
}

static const struct aenc_request CCR = {"CCR", "ccr", ccr_avps, WCHG_CMD_CREDIT_CONTROL,
                                        WCHG_APP_CREDIT_CONTROL};

void wchg_ccr_init(wchg_ccr *ccr, int32_t node_functionality) {
  if (!ccr)
    return;
  memset(ccr, 0, sizeof *ccr);
  ccr->node_functionality = node_functionality;
}

wchg_status wchg_ccr_encode(const wchg_ccr *ccr, uint8_t *buf, size_t cap, size_t *len,
                            wchg_diag *diag) {
  return aenc_request(&CCR, ccr, ccr && ccr->retransmitted, ccr ? ccr->hop_by_hop : 0,
                      ccr ? ccr->end_to_end : 0, buf, cap, len, diag);
}
