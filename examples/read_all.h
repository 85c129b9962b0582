/*
 * read_all.h: the examples' one piece of file input — read a whole file
 * (or stdin for "-") into a new buffer the caller frees, and run a tool
 * over every file it was given. Examples may do I/O; the library never
 * does.
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

/* Read |f| to its end into a new buffer: 0, or -1 with errno. */
static int read_stream(FILE *f, uint8_t **data, size_t *len) {
  uint8_t *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (n == cap) {
      uint8_t *more = realloc(buf, cap = cap ? 2 * cap : 65536);
      if (!more) {
        free(buf);
        errno = ENOMEM;
        return -1;
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
    return -1;
  }
  *data = buf;
  *len = n;
  return 0;
}

/* Read a whole file (or stdin) into a new buffer. */
static int read_all(const char *path, uint8_t **data, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f)
    return -1;
  int rc = read_stream(f, data, len);
  if (f != stdin) {
    int e = errno;
    fclose(f);
    errno = e;
  }
  return rc;
}

/* Read each of the |n| files |paths| and give it to |fn| (0: done, else
 * failed); then flush stdout. A file that cannot be read is reported on
 * stderr as "PROG: FILE: why". Returns 0, or 1 when any file failed. */
typedef int (*each_file_fn)(const char *path, const uint8_t *data, size_t len, void *ctx);
static inline int each_file(const char *prog, char **paths, int n, each_file_fn fn, void *ctx) {
  int status = 0;
  for (int i = 0; i < n; i++) {
    uint8_t *data;
    size_t len;
    if (read_all(paths[i], &data, &len) != 0) {
      fprintf(stderr, "%s: %s: %s\n", prog, paths[i], strerror(errno));
      status = 1;
      continue;
    }
    if (fn(paths[i], data, len, ctx) != 0)
      status = 1;
    free(data);
  }
  if (fflush(stdout) != 0) {
    fprintf(stderr, "%s: writing the output: %s\n", prog, strerror(errno));
    status = 1;
  }
  return status;
}

#endif
