/* diam_samples.h: sample Diameter messages built with the writer, shared by
 * the unit tests, the tshark interop test, the fuzz seeds and the bench. */
#ifndef WCHG_DIAM_SAMPLES_H
#define WCHG_DIAM_SAMPLES_H

#include <webrtc_chg/webrtc_chg.h>
#include <webrtc_chg/diameter.h>

/* The 44-AVP ACR (START) of an H.3 WebRTC call from the eP-CSCF, with a
 * full IMS-Information tree and the WAF/WWSF AVPs. Returns what
 * wchg_dw_finish returns; *len the size (needed size on WCHG_E_BUFFER). */
wchg_status sample_acr(uint8_t *buf, size_t cap, size_t *len);
/* A CCR-Initial of the same session from the IMS-GWF, with one MSCC. */
wchg_status sample_ccr(uint8_t *buf, size_t cap, size_t *len);
/* Number of AVPs (groups and their children) in sample_acr. */
#define SAMPLE_ACR_AVPS 44

#endif
