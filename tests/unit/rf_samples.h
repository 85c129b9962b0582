/* rf_samples.h: models of ACRs shared by the Rf encoder and decoder tests
 * (test_rf.c, test_rf_dec.c), and of a CCR (test_ro.c, bench_ro.c). All
 * views point into static data.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#ifndef WCHG_RF_SAMPLES_H
#define WCHG_RF_SAMPLES_H

#include <webrtc_chg/webrtc_chg.h>

#define OCT(s) ((wchg_octets){(const uint8_t *)(s), sizeof(s) - 1})

/* The two SDP media components of rf_full_acr. */
extern const wchg_sdp_media_component rf_full_components[2];

/* Every field the acr.h table lists (IMS-Emergency-Indicator aside: with
 * the WebRTC identities it is refused), an INTERIM with the T flag. */
void rf_full_acr(wchg_acr *a);
/* The content of sample_acr (diam_samples.c) as a model: the same bytes. */
void rf_sample_as_model(wchg_acr *a);
/* The required AVPs only, of record type |type| (1..4). */
void rf_minimal_acr(wchg_acr *a, int32_t type);

/* A CCR of the IMS-GWF (S-CSCF) for the H.3 call of rf_sample_as_model:
 * its identities and WAF/WWSF, request |type| number |number|, no MSCC. */
void ro_ccr_base(wchg_ccr *c, int32_t type, uint32_t number);

#endif
