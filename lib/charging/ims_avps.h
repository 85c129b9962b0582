/*
 * ims_avps.h (private): Service-Information/IMS-Information, shared by the
 * Diameter views of the model (rf/acr_enc.c: ACR, ro/ccr_enc.c: CCR), on
 * the two-pass AVP encoder of diameter/avp_build.h.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_IMS_AVPS_H
#define WCHG_IMS_AVPS_H

#include <webrtc_chg/acr.h>

#include "diameter/avp_build.h"

/* The IMS-Information items a request carries that have no field in
 * wchg_ims_info (the same in the ACR and the CCR). */
struct aenc_ims_extra {
  int32_t node_functionality;          /* required */
  wchg_opt_int cause_code;
  wchg_time_ms sip_request_timestamp;
  wchg_time_ms sip_response_timestamp;
};

/* Time from milliseconds, sent in whole seconds (rounded down). */
void aenc_time_ms(struct aenc *e, const wchg_dict_avp *d, wchg_time_ms t);

/* Subscription-Id (RFC 4006 §8.46), one per entry. */
void aenc_subscription_ids(struct aenc *e, const wchg_subscription_id_list *l);

/* Service-Information (873) { [*Subscription-Id when |with_subscription_ids|],
 * IMS-Information (876) } as acr.h describes it. */
void aenc_service_information(struct aenc *e, const wchg_ims_info *ims,
                              const struct aenc_ims_extra *x, bool with_subscription_ids);

#endif
