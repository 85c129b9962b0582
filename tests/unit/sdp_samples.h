/* sdp_samples.h: SDP bodies of the shape current browsers send, built
 * from the line kinds of a libwebrtc (Chromium-family) offer: a BUNDLE of
 * audio, video and a data channel; msid-semantic, ICE, DTLS fingerprint
 * and setup, mid, header extensions, rtcp-mux and rtcp-rsize; per video
 * codec its rtpmap, fmtp, five rtcp-fb lines and an RTX pair (VP8, VP9
 * profiles 0-3, H.264 variants, H.265, AV1, red, ulpfec, flexfec); audio
 * with opus, red, G722, PCMU, PCMA, CN and telephone-event; ssrc-group
 * and ssrc lines; m=application with sctp-port and max-message-size.
 * Used by the unit tests (test_sip.c, test_ctf.c) and bench_ctf.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#ifndef WCHG_SDP_SAMPLES_H
#define WCHG_SDP_SAMPLES_H

#include <stdbool.h>
#include <stddef.h>

/* The sections of a browser body: session, audio, video, data channel. */
enum { SDP_AUDIO = 0, SDP_VIDEO = 1, SDP_DATA = 2, SDP_SECTIONS = 3 };

/* How a body differs from the caller's first offer. */
typedef struct sdp_browser_opts {
  bool answer;             /* the called browser's answer (its o= and
                              a=setup:active) */
  unsigned version;        /* o= session version; 0: 2 */
  const char *video_dir;   /* the video's direction attribute; NULL:
                              "a=sendrecv" */
  bool trailing_empty;     /* end with CRLF CRLF (SIP.js) */
} sdp_browser_opts;

/* What the generator wrote, counted as it wrote each line by its kind
 * (not by reading the text back). "Charging" lines are the kinds the
 * CTF's default line policy keeps: c=, b=, a=rtpmap: and the direction
 * attributes. */
typedef struct sdp_shape {
  size_t bytes;                          /* without the NUL */
  size_t lines;                          /* every line, m= lines included */
  size_t session_lines;
  size_t media_lines[SDP_SECTIONS];      /* after each m= line */
  size_t charging_session;
  size_t charging_media[SDP_SECTIONS];
  size_t fmtp_media[SDP_SECTIONS];       /* a=fmtp: lines */
} sdp_shape;

/* Write the body into |buf| (|cap| bytes, NUL-terminated); *|shape| (may
 * be NULL) its counts. Returns its length, or 0 when |cap| is too small. */
size_t sdp_browser(char *buf, size_t cap, const sdp_browser_opts *opts, sdp_shape *shape);

#endif
