/* sdp_samples.c: browser-shaped SDP bodies (sdp_samples.h). The codec
 * lists, payload types and extension URIs follow a Chromium offer of
 * 2024; ICE credentials, fingerprint and SSRCs are made up.
 *
 * SPDX-License-Identifier: BSD-2-Clause */
#include "sdp_samples.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum kind { K_OTHER, K_CHARGING, K_FMTP };

struct gen {
  char *buf;
  size_t cap, n;
  bool over;
  sdp_shape sh;
  int section; /* -1: session level */
};

static void line(struct gen *g, enum kind k, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void line(struct gen *g, enum kind k, const char *fmt, ...) {
  va_list ap;
  int w;
  if (g->over)
    return;
  va_start(ap, fmt);
  w = vsnprintf(g->buf + g->n, g->cap - g->n, fmt, ap);
  va_end(ap);
  if (w < 0 || (size_t)w + 2 >= g->cap - g->n) {
    g->over = true;
    return;
  }
  g->n += (size_t)w;
  memcpy(g->buf + g->n, "\r\n", 3);
  g->n += 2;
  g->sh.lines++;
  if (fmt[0] == 'm')
    return;
  if (g->section < 0) {
    g->sh.session_lines++;
    g->sh.charging_session += k == K_CHARGING;
    return;
  }
  g->sh.media_lines[g->section]++;
  g->sh.charging_media[g->section] += k == K_CHARGING;
  g->sh.fmtp_media[g->section] += k == K_FMTP;
}

#define FB_COUNT 5
static const char *const video_fb[FB_COUNT] = {"goog-remb", "transport-cc", "ccm fir", "nack",
                                               "nack pli"};

/* A video codec: rtpmap, fmtp (when it has parameters), five rtcp-fb
 * lines, then its RTX pair. */
static void video_codec(struct gen *g, int pt, const char *name, const char *fmtp, int rtx) {
  line(g, K_CHARGING, "a=rtpmap:%d %s/90000", pt, name);
  for (int k = 0; k < FB_COUNT; k++)
    line(g, K_OTHER, "a=rtcp-fb:%d %s", pt, video_fb[k]);
  if (fmtp)
    line(g, K_FMTP, "a=fmtp:%d %s", pt, fmtp);
  if (rtx) {
    line(g, K_CHARGING, "a=rtpmap:%d rtx/90000", rtx);
    line(g, K_FMTP, "a=fmtp:%d apt=%d", rtx, pt);
  }
}

/* The transport lines every BUNDLEd section repeats. */
static void transport(struct gen *g, const sdp_browser_opts *o, int mid) {
  line(g, K_CHARGING, "c=IN IP4 0.0.0.0");
  if (mid < 2)
    line(g, K_OTHER, "a=rtcp:9 IN IP4 0.0.0.0");
  line(g, K_OTHER, "a=ice-ufrag:%s", o->answer ? "Ld2J" : "8hhY");
  line(g, K_OTHER, "a=ice-pwd:%s",
       o->answer ? "x5cBnm0pDK5vrt2LrcUOIGz9" : "asd88fgpdd777uzjYhagZg");
  line(g, K_OTHER, "a=ice-options:trickle");
  line(g, K_OTHER,
       "a=fingerprint:sha-256 "
       "D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:FD:34:8E:"
       "5E:EA:6F:AF:52:CE:E6:0F");
  line(g, K_OTHER, "a=setup:%s", o->answer ? "active" : "actpass");
  line(g, K_OTHER, "a=mid:%d", mid);
}

static void audio(struct gen *g, const sdp_browser_opts *o) {
  static const char *const ext[] = {
      "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
      "urn:ietf:params:rtp-hdrext:sdes:mid"};
  g->section = -1;
  line(g, K_OTHER, "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126");
  g->section = SDP_AUDIO;
  transport(g, o, 0);
  for (int k = 0; k < 4; k++)
    line(g, K_OTHER, "a=extmap:%d %s", k + 1, ext[k]);
  line(g, K_CHARGING, "a=sendrecv");
  line(g, K_OTHER, "a=msid:- 3c1d7c56-7b2a-4f53-9c25-8a6a2b8c0a11");
  line(g, K_OTHER, "a=rtcp-mux");
  line(g, K_OTHER, "a=rtcp-rsize");
  line(g, K_CHARGING, "a=rtpmap:111 opus/48000/2");
  line(g, K_OTHER, "a=rtcp-fb:111 transport-cc");
  line(g, K_FMTP, "a=fmtp:111 minptime=10;useinbandfec=1");
  line(g, K_CHARGING, "a=rtpmap:63 red/48000/2");
  line(g, K_FMTP, "a=fmtp:63 111/111");
  line(g, K_CHARGING, "a=rtpmap:9 G722/8000");
  line(g, K_CHARGING, "a=rtpmap:0 PCMU/8000");
  line(g, K_CHARGING, "a=rtpmap:8 PCMA/8000");
  line(g, K_CHARGING, "a=rtpmap:13 CN/8000");
  line(g, K_CHARGING, "a=rtpmap:110 telephone-event/48000");
  line(g, K_CHARGING, "a=rtpmap:126 telephone-event/8000");
  line(g, K_OTHER, "a=ssrc:%u cname:pQ4nVhJ0sLzW0qKx", o->answer ? 2711435592u : 1849281934u);
  line(g, K_OTHER, "a=ssrc:%u msid:- 3c1d7c56-7b2a-4f53-9c25-8a6a2b8c0a11",
       o->answer ? 2711435592u : 1849281934u);
}

static void video(struct gen *g, const sdp_browser_opts *o) {
  static const char *const ext[] = {
      "urn:ietf:params:rtp-hdrext:toffset",
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
      "urn:3gpp:video-orientation",
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
      "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay",
      "http://www.webrtc.org/experiments/rtp-hdrext/video-content-type",
      "http://www.webrtc.org/experiments/rtp-hdrext/video-timing",
      "http://www.webrtc.org/experiments/rtp-hdrext/color-space",
      "urn:ietf:params:rtp-hdrext:sdes:mid",
      "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id"};
  static const struct {
    int pt, rtx;
    const char *name, *fmtp;
  } codecs[] = {
      {96, 97, "VP8", NULL},
      {98, 99, "VP9", "profile-id=0"},
      {100, 101, "VP9", "profile-id=2"},
      {102, 122, "VP9", "profile-id=1"},
      {123, 118, "VP9", "profile-id=3"},
      {104, 105, "H264", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"},
      {106, 107, "H264", "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f"},
      {108, 109, "H264", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"},
      {127, 125, "H264", "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f"},
      {39, 40, "H264", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f"},
      {41, 42, "H264", "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=4d001f"},
      {112, 113, "H264", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=64001f"},
      {114, 115, "H264", "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=64001f"},
      {43, 44, "H264", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=f4001f"},
      {51, 52, "H264", "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=f4001f"},
      {45, 46, "H265", "level-id=93;profile-id=1;tier-flag=0;tx-mode=SRST"},
      {47, 48, "H265", "level-id=93;profile-id=2;tier-flag=0;tx-mode=SRST"},
      {49, 50, "AV1", "level-idx=5;profile=0;tier=0"},
  };
  g->section = -1;
  line(g, K_OTHER, "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 102 122 123 118 104 105 "
                   "106 107 108 109 127 125 39 40 41 42 112 113 114 115 43 44 51 52 45 46 "
                   "47 48 49 50 116 117 124 35");
  g->section = SDP_VIDEO;
  transport(g, o, 1);
  for (int k = 0; k < 11; k++)
    line(g, K_OTHER, "a=extmap:%d %s", k + 2, ext[k]);
  line(g, K_CHARGING, "%s", o->video_dir ? o->video_dir : "a=sendrecv");
  line(g, K_OTHER, "a=msid:- 0f6c0d0e-3f8e-4d55-b7a4-7ac0e5f6a2c3");
  line(g, K_OTHER, "a=rtcp-mux");
  line(g, K_OTHER, "a=rtcp-rsize");
  for (size_t k = 0; k < sizeof codecs / sizeof codecs[0]; k++)
    video_codec(g, codecs[k].pt, codecs[k].name, codecs[k].fmtp, codecs[k].rtx);
  line(g, K_CHARGING, "a=rtpmap:116 red/90000");
  line(g, K_CHARGING, "a=rtpmap:117 rtx/90000");
  line(g, K_FMTP, "a=fmtp:117 apt=116");
  line(g, K_CHARGING, "a=rtpmap:124 ulpfec/90000");
  line(g, K_CHARGING, "a=rtpmap:35 flexfec-03/90000");
  line(g, K_OTHER, "a=rtcp-fb:35 goog-remb");
  line(g, K_OTHER, "a=rtcp-fb:35 transport-cc");
  line(g, K_FMTP, "a=fmtp:35 repair-window=10000000");
  line(g, K_OTHER, "a=ssrc-group:FID 3735928559 3405691582");
  for (int k = 0; k < 2; k++) {
    unsigned ssrc = k ? 3405691582u : 3735928559u;
    line(g, K_OTHER, "a=ssrc:%u cname:pQ4nVhJ0sLzW0qKx", ssrc);
    line(g, K_OTHER, "a=ssrc:%u msid:- 0f6c0d0e-3f8e-4d55-b7a4-7ac0e5f6a2c3", ssrc);
  }
}

static void data_channel(struct gen *g, const sdp_browser_opts *o) {
  g->section = -1;
  line(g, K_OTHER, "m=application 9 UDP/DTLS/SCTP webrtc-datachannel");
  g->section = SDP_DATA;
  transport(g, o, 2);
  line(g, K_OTHER, "a=sctp-port:5000");
  line(g, K_OTHER, "a=max-message-size:262144");
}

size_t sdp_browser(char *buf, size_t cap, const sdp_browser_opts *opts, sdp_shape *shape) {
  static const sdp_browser_opts none;
  const sdp_browser_opts *o = opts ? opts : &none;
  struct gen g = {.buf = buf, .cap = cap, .section = -1};
  if (!buf || !cap)
    return 0;
  line(&g, K_OTHER, "v=0");
  line(&g, K_OTHER, "o=- %s %u IN IP4 127.0.0.1",
       o->answer ? "6817438329120753364" : "4611731400430051336", o->version ? o->version : 2);
  line(&g, K_OTHER, "s=-");
  line(&g, K_OTHER, "t=0 0");
  line(&g, K_OTHER, "a=group:BUNDLE 0 1 2");
  line(&g, K_OTHER, "a=extmap-allow-mixed");
  line(&g, K_OTHER, "a=msid-semantic: WMS");
  audio(&g, o);
  video(&g, o);
  data_channel(&g, o);
  if (o->trailing_empty && !g.over) {
    if (g.cap - g.n < 3) {
      g.over = true;
    } else {
      memcpy(g.buf + g.n, "\r\n", 3);
      g.n += 2;
    }
  }
  if (g.over)
    return 0;
  g.sh.bytes = g.n;
  if (shape)
    *shape = g.sh;
  return g.n;
}
