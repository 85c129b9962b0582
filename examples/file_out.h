/*
 * file_out.h: the examples' one piece of file output — make a directory
 * and its parents, write a whole buffer to a file. Examples may do I/O;
 * the library never does. Include after defining _POSIX_C_SOURCE.
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#ifndef WCHG_EXAMPLES_FILE_OUT_H
#define WCHG_EXAMPLES_FILE_OUT_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* mkdir -p |dir|: 0, or -1 with errno (ENOTDIR when it is a file). */
static int make_dirs(const char *dir) {
  char path[4096];
  size_t n = strlen(dir);
  if (n == 0 || n >= sizeof path)
    return errno = ENAMETOOLONG, -1;
  memcpy(path, dir, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (path[i] != '/' && path[i] != '\0')
      continue;
    char c = path[i];
    path[i] = '\0';
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
      return -1;
    path[i] = c;
  }
  struct stat st;
  if (stat(dir, &st) != 0)
    return -1;
  if (!S_ISDIR(st.st_mode))
    return errno = ENOTDIR, -1;
  return 0;
}

/* Write |len| bytes of |buf| to |path| (created or truncated): 0, or -1
 * with errno (EIO when a short write left none). */
static int write_file(const char *path, const uint8_t *buf, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return -1;
  if (fwrite(buf, 1, len, f) != len) {
    int e = errno;
    fclose(f);
    errno = e ? e : EIO;
    return -1;
  }
  return fclose(f);
}

#endif
