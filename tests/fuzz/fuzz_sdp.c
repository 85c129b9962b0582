/* fuzz_sdp: arbitrary bytes into wchg_sdp_parse. On success every line
 * view lies inside the body, holds "x=" and no line break, the first is
 * v=0, the m= fields lie inside their m= line, counts are within their
 * bounds and every direction is one of the four; on failure the
 * diagnostic is complete and names the line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <webrtc_chg/sip.h>

static void inside(wchg_str v, const char *s, size_t n) {
  if (!v.ptr || v.ptr < s || v.len > n || (size_t)(v.ptr - s) > n - v.len)
    abort();
}

static void line(wchg_str v, const char *s, size_t n) {
  inside(v, s, n);
  if (v.len < 2 || v.ptr[0] < 'a' || v.ptr[0] > 'z' || v.ptr[1] != '=' ||
      memchr(v.ptr, '\n', v.len) || memchr(v.ptr, '\r', v.len) || memchr(v.ptr, 0, v.len))
    abort();
}

static void media(const wchg_sdp_media *m, const char *s, size_t n) {
  line(m->media_name, s, n);
  if (m->media_name.ptr[0] != 'm' || m->line_count > WCHG_SDP_MAX_MEDIA_LINES ||
      !m->format_count || !m->port_count)
    abort();
  inside(m->media, m->media_name.ptr, m->media_name.len);
  inside(m->proto, m->media_name.ptr, m->media_name.len);
  inside(m->formats, m->media_name.ptr, m->media_name.len);
  if (m->formats.ptr + m->formats.len != m->media_name.ptr + m->media_name.len)
    abort();
  for (size_t k = 0; k < m->line_count; k++) {
    line(m->lines[k], s, n);
    if (m->lines[k].ptr[0] == 'm' || m->lines[k].ptr[0] == 'v')
      abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static wchg_sdp o;
  const char *s = (const char *)data;
  wchg_diag d;
  wchg_status rc = wchg_sdp_parse(s, size, &o, &d);
  if (rc != WCHG_OK) {
    if (d.code != rc || !d.message[0] || strncmp(d.path, "SDP/SDP-", 8) ||
        (d.offset != WCHG_NO_OFFSET && d.offset > size) || strncmp(d.message, "line ", 5))
      abort();
    return 0;
  }
  if (d.code != WCHG_OK || !o.session_count || o.session_count > WCHG_SDP_MAX_SESSION_LINES ||
      o.media_count > WCHG_SDP_MAX_MEDIA)
    abort();
  if (o.session[0].len != 3 || memcmp(o.session[0].ptr, "v=0", 3))
    abort();
  for (size_t k = 0; k < o.session_count; k++) {
    line(o.session[k], s, size);
    if (o.session[k].ptr[0] == 'm' || (k && o.session[k].ptr[0] == 'v'))
      abort();
  }
  for (size_t k = 0; k < o.media_count; k++) {
    media(&o.media[k], s, size);
    unsigned dir = (unsigned)wchg_sdp_media_direction(&o, k);
    if (dir > WCHG_SDP_INACTIVE)
      abort();
  }
  if (wchg_sdp_media_direction(&o, o.media_count) != WCHG_SDP_INACTIVE)
    abort();
  return 0;
}
