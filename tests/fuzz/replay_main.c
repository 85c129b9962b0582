/*
 * replay_main.c: run a libFuzzer target without libFuzzer.
 *
 * Usage: replay_<name> [-v] PATH...
 *
 * Links with one tests/fuzz/fuzz_<name>.c and feeds its
 * LLVMFuzzerTestOneInput the empty input, then every regular file of each
 * PATH (a file, or a directory read in name order, not recursively). Each
 * input sits in a heap block of exactly its size, so a sanitizer sees any
 * read past the end. `make check` builds it with ASan+UBSan and replays
 * tests/fuzz/corpus/<name>/, so old fuzzer findings keep being tested.
 *
 * Exit status: 0 when every input ran, 1 when a path could not be read
 * (a sanitizer finding aborts the process with its own report).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <signal.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional in a target; libFuzzer calls it once before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
/* Provided by the sanitizer runtimes; absent in a plain build. */
void __sanitizer_set_death_callback(void (*callback)(void))
    __attribute__((weak));

static const char *current = "(empty input)";
static int verbose;

/* When a sanitizer aborts, say which input did it. */
static void on_death(void) {
  fprintf(stderr, "replay: the failing input is %s\n", current);
}

/* A target's own abort() bypasses the sanitizer's callback: say it too
 * (fprintf in a handler that ends the process anyway). */
static void on_abort(int sig) {
  on_death();
  signal(sig, SIG_DFL);
  raise(sig);
}

/* Run the target on |n| bytes held in a heap block of exactly that size
 * (malloc(0) for the empty input, as libFuzzer never passes NULL). */
static void run_bytes(const uint8_t *data, size_t n) {
  static uint8_t none;
  uint8_t *exact = malloc(n);
  if (exact && n)
    memcpy(exact, data, n);
  LLVMFuzzerTestOneInput(exact ? exact : &none, n);
  free(exact);
}

static int run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  struct stat st;
  uint8_t *buf;
  size_t n;

  if (!f || fstat(fileno(f), &st) != 0) {
    fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
    if (f)
      fclose(f);
    return -1;
  }
  n = (size_t)st.st_size;
  buf = malloc(n ? n : 1);
  if (!buf || (n && fread(buf, 1, n, f) != n)) {
    fprintf(stderr, "replay: %s: cannot read %zu bytes\n", path, n);
    free(buf);
    fclose(f);
    return -1;
  }
  fclose(f);
  current = path;
  if (verbose)
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, n);
  run_bytes(buf, n);
  free(buf);
  return 0;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file directly in |dir|, in name order. */
static int run_dir(const char *dir, size_t *count) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;
  size_t n = 0, cap = 0;
  int rc = 0;

  if (!d) {
    fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
    return -1;
  }
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    if (n == cap) {
      char **more = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof *names);
      if (!more) {
        rc = -1;
        break;
      }
      names = more;
    }
    size_t len = strlen(dir) + strlen(e->d_name) + 2;
    if ((names[n] = malloc(len)) == NULL) {
      rc = -1;
      break;
    }
    snprintf(names[n++], len, "%s/%s", dir, e->d_name);
  }
  closedir(d);
  if (n)
    qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n; i++) {
    struct stat st;
    if (rc == 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
      if (run_file(names[i]) != 0)
        rc = -1;
      else
        (*count)++;
    }
    free(names[i]);
  }
  free(names);
  return rc;
}

int main(int argc, char **argv) {
  size_t count = 0;
  int rc = 0, first = 1;

  if (argc > 1 && strcmp(argv[1], "-v") == 0) {
    verbose = 1;
    first = 2;
  }
  if (first >= argc) {
    fprintf(stderr, "usage: %s [-v] FILE-OR-DIR...\n", argv[0]);
    return 2;
  }
  if (__sanitizer_set_death_callback)
    __sanitizer_set_death_callback(on_death);
  signal(SIGABRT, on_abort);
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize(&argc, &argv);

  run_bytes(NULL, 0);
  for (int i = first; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) != 0) {
      fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
      rc = 1;
    } else if (S_ISDIR(st.st_mode)) {
      if (run_dir(argv[i], &count) != 0)
        rc = 1;
    } else if (run_file(argv[i]) != 0) {
      rc = 1;
    } else {
      count++;
    }
  }
  printf("replay: %zu inputs (and the empty one) from", count);
  for (int i = first; i < argc; i++)
    printf(" %s", argv[i]);
  printf("%s\n", rc ? ": some could not be read" : "");
  return rc;
}
