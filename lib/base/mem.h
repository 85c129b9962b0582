/*
 * mem.h (private): the allocator every object of lib/ goes through.
 *
 * The rule for a caller's wchg_mem (common.h): NULL, or one whose malloc
 * or free is NULL, means malloc/free for both (a hook alone would pair a
 * caller's malloc with the C library's free). wchgi_mem_init resolves
 * that once, when an object is made; after it both hooks are set.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_MEM_H
#define WCHG_MEM_H

#include <webrtc_chg/common.h>

/* |src| (may be NULL or partly filled) resolved into |dst|. */
void wchgi_mem_init(wchg_mem *dst, const wchg_mem *src);

/* |n| bytes from a resolved |m| (n == 0 asks for 1); NULL on failure. */
static inline void *wchgi_malloc(const wchg_mem *m, size_t n) {
  return m->malloc(n ? n : 1, m->user_data);
}

/* Give |p| (may be NULL) back to a resolved |m|. */
static inline void wchgi_free(const wchg_mem *m, void *p) {
  if (p)
    m->free(p, m->user_data);
}

/* An object of |size| bytes, zeroed, from |src| resolved into *mem_out,
 * which the object keeps to free itself: the first allocation of every
 * wchg_*_new(). NULL on out-of-memory. */
void *wchgi_mem_new_object(const wchg_mem *src, size_t size, wchg_mem *mem_out);

#endif
