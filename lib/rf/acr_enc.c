/*
 * acr_enc.c: the Rf view of the model: a wchg_acr as one Accounting-Request
 * (TS 32.299 §6.2.2, RFC 6733 §9.7.1), acr.h.
 *
 * The envelope is written here; the encoder (one walk that checks and
 * writes each AVP by its dictionary entry &wchgi_dict_table[I_<ID>]) and
 * Service-Information/IMS-Information are shared with the CCR
 * (ims_avps.c).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <string.h>

#include <webrtc_chg/acr.h>
#include <webrtc_chg/diameter.h>

#include "charging/ims_avps.h"

/* ---- the message ------------------------------------------------------------- */

/* The AVPs of the ACR (TS 32.299 §6.2.2) in ABNF order. */
static void acr_avps(struct aenc *e, const void *model) {
  const wchg_acr *a = model;
  const struct aenc_ims_extra x = {a->node_functionality, a->cause_code,
                                   a->sip_request_timestamp, a->sip_response_timestamp};
  aenc_session_top(e, a->session_id, a->origin_host, a->origin_realm, a->destination_realm);
  aenc_enum(e, E(ACCOUNTING_RECORD_TYPE), WCHG_INT(a->accounting_record_type));
  aenc_unsigned(e, E(ACCOUNTING_RECORD_NUMBER), WCHG_INT(a->accounting_record_number));
  aenc_unsigned(e, E(ACCT_APPLICATION_ID), WCHG_INT(WCHG_APP_BASE_ACCOUNTING));
  aenc_str(e, E(USER_NAME), a->ims.private_user_id);
  aenc_octets(e, E(DESTINATION_HOST), a->destination_host.ptr, a->destination_host.len);
  aenc_unsigned(e, E(ACCT_INTERIM_INTERVAL), a->acct_interim_interval);
  aenc_unsigned(e, E(ORIGIN_STATE_ID), a->origin_state_id);
  aenc_time_ms(e, E(EVENT_TIMESTAMP), a->event_timestamp);
  aenc_str(e, E(SERVICE_CONTEXT_ID), a->ims.service_context_id);
  aenc_service_information(e, &a->ims, &x, true);
}

void wchg_acr_init(wchg_acr *acr) {
  if (!acr)
    return;
  memset(acr, 0, sizeof *acr);
  acr->node_functionality = WCHG_NODE_P_CSCF;
}

wchg_status wchg_acr_encode(const wchg_acr *acr, uint8_t *buf, size_t cap, size_t *len,
                            wchg_diag *diag) {
  uint8_t flags = WCHG_CMD_FLAG_R | WCHG_CMD_FLAG_P;
  if (acr && acr->retransmitted)
    flags |= WCHG_CMD_FLAG_T;
  return aenc_message("ACR", "acr", acr_avps, acr, flags, WCHG_CMD_ACCOUNTING,
                      WCHG_APP_BASE_ACCOUNTING, acr ? acr->hop_by_hop : 0,
                      acr ? acr->end_to_end : 0, buf, cap, len, diag);
}
