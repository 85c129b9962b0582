/*
 * locate.c: where a JSON path of the scenario reader ("steps[3].invite.sdp")
 * is in the text, as a line and column (internal.h).
 *
 * SPDX-License-Identifier: BSD-2-Clause
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Jansson keeps no positions of values, so an error found after parsing
 * is placed by walking the text (valid JSON by then) along its path. */
typedef struct scan {
  const char *p, *end;
} scan;

static void skip_ws(scan *s) {
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

/* At '"': past the closing quote. */
static bool skip_string(scan *s) {
  for (s->p++; s->p < s->end; s->p++) {
    if (*s->p == '\\')
      s->p++;
    else if (*s->p == '"') {
      s->p++;
      return true;
    }
  }
  return false;
}

/* Past one value: a string, a container, or a scalar. */
static bool skip_value(scan *s) {
  size_t depth = 0;
  skip_ws(s);
  while (s->p < s->end) {
    char c = *s->p;
    if (c == '"') {
      if (!skip_string(s))
        return false;
      if (depth == 0)
        return true;
      continue;
    }
    if (c == '{' || c == '[') {
      depth++;
    } else if (c == '}' || c == ']') {
      if (depth == 0)
        return true; /* the end of the container of a scalar */
      if (--depth == 0) {
        s->p++;
        return true;
      }
    } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      return true;
    }
    s->p++;
  }
  return depth == 0;
}

/* Past one value and the ',' after it; false when none follows. */
static bool skip_item(scan *s) {
  if (!skip_value(s))
    return false;
  skip_ws(s);
  if (s->p >= s->end || *s->p != ',')
    return false;
  s->p++;
  return true;
}

/* At '{' with |*rest| at a member name: past the ':' of that member,
 * |*rest| past its name; false when the object has none. */
static bool enter_member(scan *s, const char **rest) {
  s->p++;
  for (;;) {
    skip_ws(s);
    if (s->p >= s->end || *s->p != '"')
      return false;
    const char *k = s->p + 1;
    if (!skip_string(s))
      return false;
    size_t klen = (size_t)(s->p - 1 - k);
    skip_ws(s);
    if (s->p >= s->end || *s->p != ':')
      return false;
    s->p++;
    skip_ws(s);
    const char *r = *rest;
    if (strncmp(r, k, klen) == 0 && !memchr(k, '\\', klen) &&
        (r[klen] == '.' || r[klen] == '[' || r[klen] == '\0')) {
      *rest += klen + (r[klen] == '.');
      return true;
    }
    if (!skip_item(s))
      return false;
  }
}

/* At '[' with |*rest| at "[n]": at item n, |*rest| past "[n]"; false when
 * the array has none. */
static bool enter_item(scan *s, const char **rest) {
  char *after;
  unsigned long n = strtoul(*rest + 1, &after, 10);
  if (*after != ']')
    return false;
  *rest = after + 1 + (after[1] == '.');
  s->p++;
  for (unsigned long i = 0;; i++) {
    skip_ws(s);
    if (i == n)
      return s->p < s->end && *s->p != ']';
    if (!skip_item(s))
      return false;
  }
}

size_t scn_locate(const char *text, size_t len, const char *path) {
  scan s = {text, text + len};
  const char *rest = path;
  skip_ws(&s);
  size_t best = (size_t)(s.p - text);
  while (*rest && s.p < s.end) {
    bool found = false;
    if (*s.p == '{' && *rest != '[')
      found = enter_member(&s, &rest);
    else if (*s.p == '[' && *rest == '[')
      found = enter_item(&s, &rest);
    if (!found)
      break;
    best = (size_t)(s.p - text);
  }
  return best;
}

/* Line and column (1-based; the column counts characters) of |pos|. */
void scn_line_column(const char *text, size_t pos, scn_error *e) {
  e->line = 1;
  e->column = 1;
  for (size_t i = 0; i < pos; i++) {
    if (text[i] == '\n') {
      e->line++;
      e->column = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      e->column++;
    }
  }
  e->position = pos;
}
