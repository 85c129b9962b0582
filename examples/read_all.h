/*
 * read_all.h: the examples' one piece of file input — read a whole file
 * (or stdin for "-") into a new buffer the caller frees. Examples may do
 * I/O; the library never does.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_EXAMPLES_READ_ALL_H
#define WCHG_EXAMPLES_READ_ALL_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read a whole file (or stdin) into a new buffer. */
static int read_all(const char *path, uint8_t **data, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  uint8_t *buf = NULL;
  size_t n = 0, cap = 0;

  if (!f)
    return -1;
  for (;;) {
    if (n == cap) {
      uint8_t *more = realloc(buf, cap = cap ? 2 * cap : 65536);
      if (!more) {
        free(buf);
        errno = ENOMEM;
        goto fail;
      }
      buf = more;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0)
      break;
  }
  if (ferror(f)) {
    free(buf);
    errno = EIO;
    goto fail;
  }
  if (f != stdin)
    fclose(f);
  *data = buf;
  *len = n;
  return 0;
fail:
  if (f != stdin)
    fclose(f);
  return -1;
}

#endif
