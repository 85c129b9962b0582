/*
 * webrtc_chg — charging data for WebRTC access to IMS. The one header.
 *
 * It needs no other library's headers. The CDR as JSON is in its own
 * header, <webrtc_chg/cdr_json.h>, which includes <jansson.h>: a program
 * that uses it includes it and builds with Jansson's flags
 * (pkg-config --cflags --libs webrtc_chg jansson).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WEBRTC_CHG_H
#define WEBRTC_CHG_H

#include <webrtc_chg/common.h>
#include <webrtc_chg/webrtc_ext.h>
#include <webrtc_chg/result_code.h>
#include <webrtc_chg/ims_info.h>
#include <webrtc_chg/cdr.h>
#include <webrtc_chg/validate.h>
#include <webrtc_chg/dict.h>
#include <webrtc_chg/diameter.h>
#include <webrtc_chg/sip.h>
#include <webrtc_chg/acr.h>
#include <webrtc_chg/ctf.h>
#include <webrtc_chg/ctf_aca.h>
#include <webrtc_chg/cdrfile.h>
#include <webrtc_chg/aca.h>
#include <webrtc_chg/ro.h>
#include <webrtc_chg/cdf.h>

#endif
