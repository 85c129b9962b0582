/* samples.h: sample records shared by the tests, the fuzz seeds and the
 * benchmark. All point to static data; never free them.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#ifndef WCHG_SAMPLES_H
#define WCHG_SAMPLES_H

#include <webrtc_chg/webrtc_chg.h>

/* Every PCSCFRecord field set, every CHOICE alternative used somewhere,
 * a foreign extension beside ours. */
void sample_full(wchg_cdr *cdr);
/* H.3: an IMS subscriber with web credentials; an audio+video session
 * record from the eP-CSCF (about 1 KB). */
void sample_h3(wchg_cdr *cdr);
/* H.4: a pool identity from a third-party site; a MESSAGE event record. */
void sample_h4(wchg_cdr *cdr);
/* The smallest record: recordType only. */
void sample_minimal(wchg_cdr *cdr);

#endif
