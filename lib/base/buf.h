/*
 * buf.h (private): the one growable buffer of lib/ (the CTF's stores, the
 * CDF's packed records and blobs).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_BUF_H
#define WCHG_BUF_H

#include <webrtc_chg/common.h>

struct wchgi_buf {
  uint8_t *p;
  size_t len, cap;
};

/* Make room for |need| bytes in all (an absolute size, not more than len):
 * the capacity doubles from 256 until it holds |need|; the first |len|
 * bytes are kept, the buffer may move. On success *grown (may be NULL)
 * is what the capacity grew by (0 when there was room). WCHG_E_NOMEM
 * leaves the buffer as it was. */
wchg_status wchgi_buf_reserve(struct wchgi_buf *b, const wchg_mem *m, size_t need,
                              size_t *grown);

/* Shrink the capacity to |len| (at least 1 byte); a failed allocation
 * leaves the buffer as it was. Returns what the capacity shrank by. */
size_t wchgi_buf_trim(struct wchgi_buf *b, const wchg_mem *m);

/* Free the storage; the buffer is empty after. */
void wchgi_buf_free(struct wchgi_buf *b, const wchg_mem *m);

#endif
