#!/usr/bin/env python3
# wchgdoc: the API reference of webrtc_chg, read from the comments the
# public headers already have; and the check that every public function,
# type and enum value has one.
#
#   wchgdoc.py check HEADER... [--guides MD...] [--tools C...]
#   wchgdoc.py build HEADER... --out DIR [--version V] [--date D]
#                    [--guides MD...] [--tools C...]
#   wchgdoc.py list-man HEADER... [--guides MD...] [--tools C...]
#
# check prints "file:line: symbol: what is missing" for each problem and
# exits 1 if there is one; build writes DIR/*.html and DIR/man/man[13]/
# and exits 1 on a broken link between its pages; list-man prints the
# man pages build makes ("man3/wchg_cdf_new.3", ...) for make uninstall.
#
# The headers' format (see README, "API reference"):
#   - a doc block is a C comment that ends on the line before the
#     declaration and starts a line of its own; "/**", "/*" and "/**<"
#     are all comments (a line of dashes is a banner, not a doc block);
#   - a function's block usually opens with "name - what it does", and
#     names the parameters as |name| (|cfg->mem|: a member of one);
#   - consecutive declarations with no blank line between them share the
#     block before the first (wchg_dw_i32, wchg_dw_u32, ...) when it has
#     no "name - " title or its title names them ("wchg_dw_group_begin /
#     _end - ...");
#   - an enum value or a #define may have its comment at the end of its
#     own line instead (WCHG_E_ARG = -1, /**< ... */); a type may have it
#     at the end of its first line (typedef struct x { /* ... */).
#
# Python 3 standard library only.
#
# SPDX-License-Identifier: BSD-2-Clause

import argparse
import bisect
import html
import os
import re
import shutil
import sys

IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
PARAM_REF = re.compile(r'\|([A-Za-z_][A-Za-z0-9_]*)((?:->|\.)[A-Za-z_][A-Za-z0-9_]*)*\|')


# ------------------------------------------------------------------ lexing

class Comment:
    def __init__(self, src, start, end):
        self.start, self.end = start, end
        self.raw = src[start:end]
        ls = src.rfind('\n', 0, start) + 1
        self.own_line = src[ls:start].strip() == ''
        self.text = comment_text(self.raw)
        self.banner = re.fullmatch(r'[-=\s]*', self.text) is not None


def comment_text(raw):
    """The words of a comment: without /* */ and the leading ' * ' of each
    line, dedented, trailing blank lines dropped."""
    if raw.startswith('//'):
        return raw[2:].strip()
    body = raw[2:-2] if raw.endswith('*/') else raw[2:]
    if body.startswith('*<') or body.startswith('!<'):
        body = body[2:]
    elif body.startswith('*') or body.startswith('!'):
        body = body[1:]
    lines = body.split('\n')
    out = [lines[0].strip()]
    for ln in lines[1:]:
        m = re.match(r'\s*\*(?!/)( ?)(.*)$', ln)
        out.append(m.group(2).rstrip() if m else ln.strip())
    while out and out[0] == '':
        out.pop(0)
    while out and out[-1] == '':
        out.pop()
    # dedent the lines after the first (the first follows "/**" directly)
    rest = [ln for ln in out[1:] if ln.strip()]
    if rest:
        ind = min(len(ln) - len(ln.lstrip()) for ln in rest)
        out = out[:1] + [ln[ind:] if ln.strip() else '' for ln in out[1:]]
    return '\n'.join(out)


def lex(src):
    """The source with comments and string contents kept apart: returns
    (code, comments), code being src with every comment blanked (newlines
    kept, so offsets and lines stay those of src)."""
    out = list(src)
    comments = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in '"\'':
            j = i + 1
            while j < n and src[j] != c and src[j] != '\n':
                j += 2 if src[j] == '\\' else 1
            i = j + 1
            continue
        if src.startswith('/*', i) or src.startswith('//', i):
            if src[i + 1] == '*':
                j = src.find('*/', i + 2)
                j = n if j < 0 else j + 2
            else:
                j = src.find('\n', i)
                j = n if j < 0 else j
            comments.append(Comment(src, i, j))
            for k in range(i, j):
                if out[k] != '\n':
                    out[k] = ' '
            i = j
            continue
        i += 1
    return ''.join(out), comments


# ------------------------------------------------------------------ model

class Sym:
    """A documented thing: function, type, enum (named or not), enum
    value, or macro."""

    def __init__(self, kind, name, header, off):
        self.kind = kind          # function, type, enum, enumerator, macro
        self.name = name          # None for an anonymous enum
        self.header = header
        self.off = off            # offset of the declaration (or the name)
        self.line = header.line_of(off)
        self.doc = None           # the Comment that documents it
        self.leader = None        # function/macro: first of its group
        self.params = []          # function: parameter names
        self.proto = None         # function: (return type, name, [params])
        self.start = self.end = off   # the declaration's extent in src
        self.values = []          # enum: its enumerators
        self.group = None         # the Item it is shown in

    def doc_text(self):
        return self.doc.text if self.doc else ''

    def anchor(self):
        return self.name or 'enum-line-%d' % self.line

    def href(self):
        return '%s.html#%s' % (self.header.name, self.anchor())

    def summary(self):
        lead = self.leader or self
        return summary_of(lead.doc_text(), lead.name if self.kind == 'function' else None)


class Item:
    """What a header page shows as one entry: a doc block and the
    declarations it documents, in source order."""

    def __init__(self, doc, syms):
        self.doc = doc
        self.syms = syms


class Header:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        with open(path, encoding='utf-8') as f:
            self.src = f.read()
        self.code, self.comments = lex(self.src)
        self.ends = [c.end for c in self.comments]
        self.nl = [i for i, ch in enumerate(self.src) if ch == '\n']
        self.syms = []        # every Sym, in source order
        self.items = []       # page entries, in source order
        self.problems = []    # (line, symbol, message) found while parsing
        self.overview = ''
        self.includes = re.findall(r'#include <webrtc_chg/(\w+\.h)>', self.src)
        self.parse()

    # -- positions
    def line_of(self, off):
        return bisect.bisect_left(self.nl, off) + 1

    def line_start(self, off):
        return self.src.rfind('\n', 0, off) + 1

    def doc_before(self, off, floor=0):
        """The comment directly before offset |off|: it ends on the line
        before, starts a line of its own, and only whitespace lies between
        (nothing before |floor| counts)."""
        k = bisect.bisect_right(self.ends, off) - 1
        if k < 0:
            return None
        c = self.comments[k]
        gap = self.src[c.end:off]
        if c.start < floor or gap.strip() or gap.count('\n') != 1:
            return None
        if not c.own_line or c.banner:
            return None
        return c

    def doc_trailing(self, lo, hi, lines):
        """A comment that starts after offset |lo| and before |hi|, on one
        of |lines|, after code on its line."""
        for c in self.comments:
            if lo < c.start < hi and not c.own_line and not c.banner \
                    and self.line_of(c.start) in lines:
                return c
        return None

    # -- parsing
    def parse(self):
        code = self.preprocess()
        if self.comments and self.src[:self.comments[0].start].strip() == '':
            text = self.comments[0].text
            text = re.sub(r'\n*SPDX-License-Identifier:.*', '', text).strip()
            self.overview = text
        decls = sorted(self.statements(code) + self.macros, key=lambda s: s.start)
        prev = None
        for s in decls:
            if s.kind in ('function', 'macro') and s.doc is None and prev is not None \
                    and prev.kind == s.kind and self.line_of(prev.end - 1) + 1 == s.line \
                    and covers((prev.leader or prev).doc, s.name):
                s.leader = prev.leader or prev
                s.group = s.leader.group
                s.group.syms.append(s)
            else:
                s.group = Item(s.doc, [s])
                self.items.append(s.group)
            self.syms.append(s)
            self.syms.extend(s.values)
            prev = s

    def preprocess(self):
        """Blank the preprocessor lines (and #ifdef __cplusplus blocks) in
        the code; keep each #define as a macro Sym."""
        code = list(self.code)
        self.macros = []
        pos, skip = 0, 0
        text = self.code
        while pos < len(text):
            end = text.find('\n', pos)
            end = len(text) if end < 0 else end
            while end < len(text) and text[end - 1] == '\\':
                nxt = text.find('\n', end + 1)
                end = len(text) if nxt < 0 else nxt
            line = text[pos:end]
            st = line.strip()
            blank = skip > 0
            if st.startswith('#'):
                blank = True
                d = re.match(r'#\s*(\w+)\s*(.*)', st, re.S)
                word, arg = (d.group(1), d.group(2)) if d else ('', '')
                if word in ('if', 'ifdef', 'ifndef'):
                    if skip or (word == 'ifdef' and arg.strip() == '__cplusplus'):
                        skip += 1
                elif word == 'endif' and skip:
                    skip -= 1
                elif word == 'define' and not skip:
                    self.add_macro(pos, end, arg)
            if blank:
                for k in range(pos, end):
                    if code[k] != '\n':
                        code[k] = ' '
            pos = end + 1
        return ''.join(code)

    def add_macro(self, pos, end, arg):
        m = IDENT.match(arg)
        if not m:
            return
        name = m.group(0)
        if re.fullmatch(r'WEBRTC_CHG(_\w+)?_H', name) and not arg[m.end():].strip():
            return                                     # include guard
        if any(x.name == name for x in self.macros):  # #if ... #else
            return
        off = pos + self.src[pos:end].find('#')
        s = Sym('macro', name, self, off)
        s.start, s.end = off, end
        s.doc = self.doc_before(off) or \
            self.doc_trailing(off, end + 1, {self.line_of(end - 1), s.line})
        self.macros.append(s)

    def statements(self, code):
        out = []
        i, n, depth, start, fdef = 0, len(code), 0, None, False
        while i < n:
            c = code[i]
            if start is None and not c.isspace():
                start, fdef = i, False
            if c in '([{':
                if c == '{' and depth == 0 and re.match(r'\s*static\b', code[start:i]) \
                        and ')' in code[start:i]:
                    fdef = True
                depth += 1
            elif c in ')]}':
                depth -= 1
                if depth == 0 and c == '}' and fdef:
                    out.append(self.declaration(code, start, i + 1))
                    start = None
            elif c == ';' and depth == 0:
                out.append(self.declaration(code, start, i + 1))
                start = None
            i += 1
        return [s for s in out if s is not None]

    def declaration(self, code, start, end):
        raw = code[start:end]
        t = ' '.join(raw.split())
        line = self.line_of(start)
        if re.match(r'(struct|union|enum) \w+ ?;$', t):
            return None                                    # forward declaration
        if 'WCHG_API' in t or re.match(r'static (inline )?', t):
            return self.function(code, start, end)
        m = re.match(r'(typedef )?(struct|union|enum) ?(\w+)? ?\{', t)
        if m:
            if m.group(1):
                nm = re.search(r'\} ?(\w+) ?;$', t)
                name = nm.group(1) if nm else None
            else:
                name = m.group(3)
            kind = 'enum' if m.group(2) == 'enum' else 'type'
            s = Sym(kind, name, self, start)
            s.start, s.end = start, end
            brace = code.index('{', start)
            s.doc = self.doc_before(start) or \
                self.doc_trailing(brace, end, {self.line_of(brace)})
            if kind == 'enum':
                self.enumerators(s, code, brace, end)
            return s
        m = re.match(r'typedef (struct|union|enum) (\w+) (\w+) ?;$', t)
        if m:
            s = Sym('type', m.group(3), self, start)
            s.start, s.end = start, end
            s.doc = self.doc_before(start)
            return s
        m = re.match(r'typedef .*?\(?\*? ?(\w+)\)? ?(\(.*\))? ?;$', t)
        if m:
            s = Sym('type', m.group(1), self, start)
            s.start, s.end = start, end
            s.doc = self.doc_before(start)
            return s
        self.problems.append((line, t[:40], 'a declaration the documentation '
                              'tool cannot read'))
        return None

    def function(self, code, start, end):
        body = code[start:end]
        k = body.find('(')
        nm = re.search(r'(\w+)\s*$', body[:k])
        if k < 0 or not nm:
            self.problems.append((self.line_of(start), body.split()[0],
                                  'a function the documentation tool cannot read'))
            return None
        depth, j = 0, k
        while j < len(body):
            depth += {'(': 1, ')': -1}.get(body[j], 0)
            if depth == 0:
                break
            j += 1
        name = nm.group(1)
        ret = ' '.join(body[:nm.start()].replace('WCHG_API', '').split())
        params = split_top(body[k + 1:j], ',')
        s = Sym('function', name, self, start)
        s.start, s.end = start, end
        s.proto = (ret, name, [' '.join(p.split()) for p in params
                               if ' '.join(p.split()) not in ('', 'void')])
        s.params = [param_name(p) for p in s.proto[2]]
        s.doc = self.doc_before(start)
        return s

    def enumerators(self, enum, code, brace, end):
        close = code.rindex('}', brace, end)
        body_off = brace + 1
        parts, pos, depth = [], body_off, 0
        for i in range(body_off, close):
            c = code[i]
            depth += {'(': 1, ')': -1}.get(c, 0)
            if c == ',' and depth == 0:
                parts.append((pos, i))
                pos = i + 1
        parts.append((pos, close))
        vals = []
        for a, b in parts:
            m = IDENT.search(code, a, b)
            if not m:
                continue
            tail = code[a:b].rstrip()
            last = a + len(tail) - 1 if tail.strip() else m.end() - 1
            if b < close:
                last = b                       # the comma
            v = Sym('enumerator', m.group(0), self, m.start())
            v.start, v.end = m.start(), last + 1
            vals.append(v)
        for idx, v in enumerate(vals):
            hi = vals[idx + 1].start if idx + 1 < len(vals) else close + 1
            v.doc = self.doc_before(v.start, floor=brace) or \
                self.doc_trailing(v.start, hi, {v.line, self.line_of(v.end - 1)})
        enum.values = vals

    def decl_text(self, s):
        """The declaration as written (with its comments), from the start
        of its first line."""
        a = self.line_start(s.start)
        e = self.src.find('\n', s.end)
        e = len(self.src) if e < 0 else e
        text = self.src[a:e]
        return re.sub(r'\bWCHG_API\s+', '', text) if s.kind == 'function' else text


def titled(doc):
    """The functions a block's "name - " title names ("wchg_dw_group_begin
    / _end - ..." names two), or None for a block without a title."""
    m = doc and re.match(r'(wchg_\w+)((?:\s*/\s*\w+)*)\s+-\s', doc.text)
    if not m:
        return None
    first = m.group(1)
    names = [first]
    for x in re.findall(r'/\s*(\w+)', m.group(2)):
        names.append(first.rsplit('_', 1)[0] + x if x.startswith('_') else x)
    return names


def covers(doc, name):
    """Whether the block before a run of declarations documents |name|,
    one of them: a block without a title documents the whole run, a titled
    one only the functions its title names."""
    if doc is None:
        return False
    names = titled(doc)
    return names is None or name in names


def split_top(text, sep):
    out, depth, cur = [], 0, ''
    for c in text:
        depth += {'(': 1, '[': 1, ')': -1, ']': -1}.get(c, 0)
        if c == sep and depth == 0:
            out.append(cur)
            cur = ''
        else:
            cur += c
    out.append(cur)
    return out


def param_name(p):
    m = re.search(r'\(\s*\*\s*(\w+)\s*\)', p)         # a function pointer
    if m:
        return m.group(1)
    if p.strip() == '...':
        return '...'
    m = re.search(r'(\w+)\s*(\[[^\]]*\]\s*)*$', p)
    return m.group(1) if m else p


def summary_of(text, name=None, limit=150):
    """The first clause of a doc block (up to a '.', ':' or ';' outside
    parentheses), without its "name - " title."""
    t = join_lines(text.split('\n'))
    if name:
        t = re.sub(r'^%s(\s*/\s*\w+)*\s+-\s+' % re.escape(name), '', t)
    t = re.sub(r'^wchg_\w+(\s*/\s*\w+)*\s+-\s+', '', t)
    depth = 0
    for i, c in enumerate(t):
        depth += {'(': 1, ')': -1}.get(c, 0)
        if depth == 0 and c in '.:;' and (i + 1 == len(t) or t[i + 1] == ' '):
            if c == '.' and re.search(r'\b(e\.g|i\.e|etc|cf|vs)$', t[:i]):
                continue
            t = t[:i + 1] if c == '.' else t[:i]
            break
    if len(t) > limit:
        t = t[:limit].rsplit(' ', 1)[0] + ' ...'
    return t


def plain(text):
    """Text without the |name| marks."""
    return PARAM_REF.sub(lambda m: m.group(0)[1:-1], text)


def sentence_case(text):
    """The first letter up, unless the text opens with a name."""
    m = re.match(r'[a-z][a-z-]*\b', text)
    if m and '_' not in text[:m.end() + 1]:
        return text[0].upper() + text[1:]
    return text


# ------------------------------------------------------------------ the API

class Api:
    def __init__(self, headers, guides=(), tools=()):
        self.headers = [Header(h) for h in headers]
        self.by_name = {}
        for h in self.headers:
            for s in h.syms:
                if s.name and s.name not in self.by_name:
                    self.by_name[s.name] = s
        self.header_names = {h.name: h for h in self.headers}
        self.guides = [Guide(g) for g in guides]
        self.tools = [Tool(t) for t in tools]

    def functions(self):
        return [s for h in self.headers for s in h.syms if s.kind == 'function']

    def man_pages(self):
        pages = ['man3/webrtc_chg.3']
        pages += ['man3/%s.3' % header_page(h.name) for h in self.headers]
        pages += ['man3/%s.3' % f.name for f in self.functions()]
        pages += ['man1/%s.1' % t.name for t in self.tools]
        return sorted(pages)


def header_page(name):
    return 'webrtc_chg_' + name


# ------------------------------------------------------------------ check

def check(api):
    problems = []

    def bad(path, line, sym, msg):
        problems.append((path, line, sym, msg))

    for h in api.headers:
        for line, sym, msg in h.problems:
            bad(h.path, line, sym, msg)
        for s in h.syms:
            if s.kind == 'function':
                check_function(h, s, bad)
            elif s.kind in ('type', 'enum'):
                if s.doc is None:
                    what = 'enum' if s.kind == 'enum' else 'type'
                    bad(h.path, s.line, s.name or 'enum { %s, ... }' %
                        (s.values[0].name if s.values else ''),
                        'no doc block (a comment before the %s)' % what)
            elif s.kind == 'enumerator' and s.doc is None:
                bad(h.path, s.line, s.name, 'no doc block (a comment before '
                    'the value or at the end of its line)')
    names = api.by_name
    for g in api.guides:
        for line, word, call in g.identifiers():
            s = names.get(word)
            if s is None:
                bad(g.path, line, word, 'named in the guide, not declared in '
                    'any public header')
            elif call and s.kind != 'function':
                bad(g.path, line, word, 'written as a call, but it is a %s' % s.kind)
        if not g.title:
            bad(g.path, 1, g.name, 'the guide has no "# " title')
    for t in api.tools:
        if not t.summary:
            bad(t.path, 1, t.name, 'no "%s: what it does" at the top of '
                'its first comment' % t.name)
        if not t.synopsis:
            bad(t.path, 1, t.name, 'no usage line ("  %s ...") in its first '
                'comment' % t.name)
        syn = ' '.join(t.synopsis)
        for opt, line in t.options():
            if opt in ('--', '--help'):
                continue
            if not re.search(r'(?<![\w-])%s(?![\w-])' % re.escape(opt), syn):
                bad(t.path, line, t.name, 'option %s is not in the usage line '
                    'of the first comment' % opt)
    return problems


def check_function(h, s, bad):
    leader = s.leader or s
    if leader.doc is None:
        bad(h.path, s.line, s.name, 'no doc block (a comment before the '
            'declaration)')
        return
    if s.leader is not None:
        return                          # the leader's block is checked once
    group = leader.group.syms
    params = set(p for f in group for p in f.params)
    doc = leader.doc
    for t in titled(doc) or []:
        if t not in [f.name for f in group]:
            bad(h.path, h.line_of(doc.start), s.name, 'doc block is titled %s' % t)
    for r in PARAM_REF.finditer(doc.raw):
        if r.group(1) not in params:
            bad(h.path, h.line_of(doc.start + r.start()), s.name,
                'doc block names |%s|, which is not a parameter (%s)'
                % (r.group(0)[1:-1], ', '.join(f.name + '(' + ', '.join(f.params) + ')'
                                               for f in group)))


# ------------------------------------------------------------------ guides

class Guide:
    """A page of docs/guide/*.md: a small Markdown (titles, paragraphs,
    lists, code blocks, `code`, **bold**, [links](url))."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding='utf-8') as f:
            self.text = f.read()
        m = re.search(r'^# (.+)$', self.text, re.M)
        self.title = m.group(1).strip() if m else ''
        paras = [p for p in re.split(r'\n\s*\n', self.text) if p.strip()
                 and not p.lstrip().startswith('#')]
        self.summary = ' '.join(paras[0].split()) if paras else ''

    def page(self):
        return 'guide-%s.html' % re.sub(r'^\d+-', '', self.name)

    def identifiers(self):
        """(line, word, written as a call) for every wchg_ / WCHG_ word."""
        for n, ln in enumerate(self.text.split('\n'), 1):
            for m in re.finditer(r'\b(wchg|WCHG)_[A-Za-z0-9_]+(\s*\()?', ln):
                word = m.group(0).rstrip('( \t')
                yield n, word, m.group(2) is not None


# ------------------------------------------------------------------ tools

class Tool:
    """An example program: its man page comes from the comment that opens
    its source ("name: what it does", the usage line, the description)."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding='utf-8') as f:
            self.src = f.read()
        _, comments = lex(self.src)
        text = comments[0].text if comments else ''
        text = re.sub(r'\n*SPDX-License-Identifier:.*', '', text).strip()
        paras = re.split(r'\n\s*\n', text)
        first = ' '.join(paras[0].split()) if paras else ''
        pre = self.name + ':'
        self.summary = first[len(pre):].strip() if first.startswith(pre) else ''
        self.synopsis, rest = [], paras[1:]
        if rest and all(ln.strip().startswith(self.name) for ln in rest[0].split('\n')):
            self.synopsis = [ln.strip() for ln in rest[0].split('\n')]
            rest = rest[1:]
        self.description = '\n\n'.join(rest)
        self.help = '"--help"' in self.src

    def options(self):
        for m in re.finditer(r'"(--[a-z][a-z0-9-]*|--)"', self.src):
            yield m.group(1), self.src.count('\n', 0, m.start()) + 1


# ------------------------------------------------------------------ text

def blocks(text):
    """Paragraphs of a comment: ('p', text) for lines at the left margin,
    ('pre', lines) for indented lines (lists, tables, examples)."""
    out = []
    for para in re.split(r'\n\s*\n', text.strip('\n')):
        cur_kind, cur = None, []
        for ln in para.split('\n'):
            kind = 'pre' if ln.startswith(' ') else 'p'
            if kind != cur_kind and cur:
                out.append((cur_kind, cur))
                cur = []
            cur_kind = kind
            cur.append(ln)
        if cur:
            out.append((cur_kind, cur))
    res = []
    for kind, lines in out:
        if kind == 'p':
            res.append(('p', join_lines(lines)))
        else:
            ind = min(len(ln) - len(ln.lstrip()) for ln in lines if ln.strip())
            res.append(('pre', [ln[ind:] for ln in lines]))
    return res


def join_lines(lines):
    """One paragraph from wrapped lines; a word wrapped after its hyphen
    ("Termination-" / "Cause") is joined again."""
    out = ''
    for ln in lines:
        ln = ' '.join(ln.split())
        if not ln:
            continue
        if re.search(r'[A-Za-z0-9]-$', out) and re.match(r'[A-Za-z]', ln):
            out += ln
        else:
            out = out + ' ' + ln if out else ln
    return out


INLINE = re.compile(r'(?P<param>\|[A-Za-z_][A-Za-z0-9_]*(?:(?:->|\.)[A-Za-z_][A-Za-z0-9_]*)*\|)'
                    r'|(?P<sym>\b(?:wchg|WCHG)_[A-Za-z0-9_]+\b)'
                    r'|(?P<hdr>\b[a-z_0-9]+\.h\b)')


def inline_tokens(text, api):
    """Split text into ('text', s), ('param', name), ('sym', name, Sym) and
    ('hdr', name, Header) pieces."""
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            yield ('text', text[pos:m.start()])
        if m.group('param'):
            yield ('param', m.group('param')[1:-1])
        elif m.group('sym'):
            s = api.by_name.get(m.group('sym'))
            yield ('sym', m.group('sym'), s) if s else ('text', m.group('sym'))
        else:
            h = api.header_names.get(m.group('hdr'))
            yield ('hdr', m.group('hdr'), h) if h else ('text', m.group('hdr'))
        pos = m.end()
    if pos < len(text):
        yield ('text', text[pos:])


def mentioned_functions(text, api, exclude=()):
    out = []
    for m in re.finditer(r'\bwchg_[A-Za-z0-9_]+\b', text):
        s = api.by_name.get(m.group(0))
        if s and s.kind == 'function' and s.name not in exclude and s.name not in out:
            out.append(s.name)
    return out


# ------------------------------------------------------------------ HTML

CSS = """
body { font-family: sans-serif; max-width: 62em; margin: 1em auto; padding: 0 1em;
       line-height: 1.45; color: #1d1d1d; }
pre { background: #f5f5f2; padding: .5em .8em; overflow-x: auto; line-height: 1.3; }
code, pre, var { font-family: monospace; }
var { font-style: italic; }
a { color: #0b4f8a; text-decoration: none; }
a:hover { text-decoration: underline; }
.entry { border-top: 1px solid #ddd; margin-top: 1.5em; padding-top: .3em; }
.entry h3 { margin: .3em 0; font-family: monospace; font-size: 1.05em; }
.kind { color: #777; font-weight: normal; font-size: .85em; }
.nav { font-size: .9em; }
table { border-collapse: collapse; }
td { padding: .15em .8em .15em 0; vertical-align: top; }
ul.index { list-style: none; padding-left: 0; columns: 2; }
ul.index li { break-inside: avoid; }
"""


def esc(s):
    return html.escape(s, quote=True)


def html_inline(text, api):
    out = []
    for t in inline_tokens(text, api):
        if t[0] == 'text':
            out.append(esc(t[1]))
        elif t[0] == 'param':
            out.append('<var>%s</var>' % esc(t[1]))
        elif t[0] == 'sym':
            out.append('<a href="%s"><code>%s</code></a>' % (esc(t[2].href()), esc(t[1])))
        else:
            out.append('<a href="%s.html"><code>%s</code></a>' % (esc(t[1]), esc(t[1])))
    return ''.join(out)


def html_code(text, api, ids=()):
    """Code with known identifiers linked; those in |ids| become anchors."""
    out, pos, done = [], 0, set()
    for m in re.finditer(r'\b(?:wchg|WCHG)_[A-Za-z0-9_]+\b', text):
        out.append(esc(text[pos:m.start()]))
        w, s = m.group(0), api.by_name.get(m.group(0))
        if w in ids and w not in done:
            out.append('<b id="%s">%s</b>' % (esc(w), esc(w)))
            done.add(w)
        elif s:
            out.append('<a href="%s">%s</a>' % (esc(s.href()), esc(w)))
        else:
            out.append(esc(w))
        pos = m.end()
    out.append(esc(text[pos:]))
    return ''.join(out)


def html_blocks(text, api):
    out = []
    for kind, b in blocks(text):
        if kind == 'p':
            out.append('<p>%s</p>' % html_inline(b, api))
        else:
            out.append('<pre>%s</pre>' % html_inline('\n'.join(b), api))
    return '\n'.join(out)


def html_page(title, body, version, up=True):
    nav = '<p class="nav"><a href="index.html">webrtc_chg %s API reference</a></p>' \
        % esc(version) if up else ''
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n%s\n%s\n'
            '</body>\n</html>\n' % (esc(title), CSS, nav, body))


def html_header(h, api, version):
    out = ['<h1><code>&lt;webrtc_chg/%s&gt;</code></h1>' % esc(h.name)]
    out.append(html_blocks(h.overview, api))
    funcs = [s for s in h.syms if s.kind == 'function']
    if funcs:
        out.append('<h2>Functions</h2>\n<table>')
        for s in funcs:
            out.append('<tr><td><a href="#%s"><code>%s</code></a></td><td>%s</td></tr>'
                       % (esc(s.anchor()), esc(s.name), html_inline(s.summary(), api)))
        out.append('</table>')
    out.append('<h2>Declarations</h2>')
    for it in h.items:
        first = it.syms[0]
        names = [s.name for s in it.syms if s.name]
        kinds = sorted(set(s.kind for s in it.syms))
        title = ', '.join(names) if names else 'enum { %s, ... }' % (
            first.values[0].name if first.values else '')
        ids = set(names) | set(v.name for s in it.syms for v in s.values)
        out.append('<div class="entry" id="%s">' % esc(first.anchor()) if not first.name
                   else '<div class="entry">')
        out.append('<h3>%s <span class="kind">%s</span></h3>'
                   % (esc(title), esc(', '.join(kinds))))
        if it.doc:
            out.append(html_blocks(it.doc.text, api))
        code = '\n'.join(h.decl_text(s) for s in it.syms)
        out.append('<pre>%s</pre>' % html_code(code, api, ids))
        for s in it.syms:
            if s.kind == 'function':
                out.append('<p class="nav">man page: <code>%s(3)</code></p>' % esc(s.name))
        out.append('</div>')
    return html_page('%s - webrtc_chg' % h.name, '\n'.join(out), version)


def md_inline(text, api):
    out, pos = [], 0
    pat = re.compile(r'`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)]+)\)')
    for m in pat.finditer(text):
        out.append(html_inline(text[pos:m.start()], api))
        if m.group(1) is not None:
            c = m.group(1)
            w = re.match(r'((?:wchg|WCHG)_[A-Za-z0-9_]+)(\(\))?$', c)
            s = api.by_name.get(w.group(1)) if w else None
            h = api.header_names.get(c)
            if s:
                out.append('<a href="%s"><code>%s</code></a>' % (esc(s.href()), esc(c)))
            elif h:
                out.append('<a href="%s.html"><code>%s</code></a>' % (esc(c), esc(c)))
            elif c in [t.name for t in api.tools]:
                out.append('<a href="%s.1.html"><code>%s</code></a>' % (esc(c), esc(c)))
            else:
                out.append('<code>%s</code>' % html_code(c, api))
        elif m.group(2) is not None:
            out.append('<b>%s</b>' % md_inline(m.group(2), api))
        else:
            out.append('<a href="%s">%s</a>' % (esc(m.group(4)), md_inline(m.group(3), api)))
        pos = m.end()
    out.append(html_inline(text[pos:], api))
    return ''.join(out)


def html_guide(g, api, version):
    out, para, lst, code = [], [], None, None
    items = []

    def flush():
        nonlocal para, lst, items
        if para:
            out.append('<p>%s</p>' % md_inline(' '.join(para), api))
            para = []
        if lst:
            out.append('<%s>' % lst)
            out.extend('<li>%s</li>' % md_inline(' '.join(i), api) for i in items)
            out.append('</%s>' % lst)
            lst, items = None, []

    for ln in g.text.split('\n'):
        if code is not None:
            if ln.startswith('```'):
                out.append('<pre>%s</pre>' % html_code('\n'.join(code), api))
                code = None
            else:
                code.append(ln)
            continue
        if ln.startswith('```'):
            flush()
            code = []
            continue
        m = re.match(r'(#{1,3}) (.*)', ln)
        if m:
            flush()
            n = len(m.group(1))
            out.append('<h%d>%s</h%d>' % (n, md_inline(m.group(2), api), n))
            continue
        m = re.match(r'(-|\d+\.) (.*)', ln)
        if m:
            kind = 'ul' if m.group(1) == '-' else 'ol'
            if para or (lst and lst != kind):
                flush()
            lst = kind
            items.append([m.group(2)])
            continue
        if not ln.strip():
            flush()
            continue
        if lst and ln.startswith(' '):
            items[-1].append(ln.strip())
            continue
        if lst:
            flush()
        para.append(ln.strip())
    flush()
    return html_page('%s - webrtc_chg' % g.title, '\n'.join(out), version)


def html_tool(t, api, version):
    out = ['<h1>%s(1)</h1>' % esc(t.name),
           '<p>%s</p>' % html_inline('%s - %s' % (t.name, t.summary), api),
           '<h2>Synopsis</h2>', '<pre>%s</pre>' % esc('\n'.join(t.synopsis)),
           '<h2>Description</h2>', html_blocks(t.description, api)]
    if t.help:
        out.append('<p><code>--help</code> prints a short usage text.</p>')
    return html_page('%s(1) - webrtc_chg' % t.name, '\n'.join(out), version)


def html_index(api, version):
    out = ['<h1>webrtc_chg %s: API reference</h1>' % esc(version),
           '<p>Charging data of WebRTC access to IMS: the eP-CSCF\'s charging '
           'trigger function, the CDF, Ro online charging and the CDR, as a C '
           'library. Include <code>&lt;webrtc_chg/webrtc_chg.h&gt;</code> '
           '(and <code>&lt;webrtc_chg/cdr_json.h&gt;</code> for JSON); link with '
           '<code>pkg-config --cflags --libs webrtc_chg</code>.</p>',
           '<h2>Start here: one path per kind of user</h2>', '<ol>']
    for g in api.guides:
        out.append('<li><a href="%s">%s</a>: %s</li>'
                   % (esc(g.page()), esc(g.title), md_inline(summary_of(g.summary), api)))
    out.append('</ol>\n<h2>Headers</h2>\n<table>')
    for h in api.headers:
        out.append('<tr><td><a href="%s.html"><code>%s</code></a></td><td>%s</td></tr>'
                   % (esc(h.name), esc(h.name), html_inline(header_summary(h), api)))
    out.append('</table>')
    if api.tools:
        out.append('<h2>Example tools</h2>\n<table>')
        for t in api.tools:
            out.append('<tr><td><a href="%s.1.html"><code>%s</code></a></td><td>%s</td></tr>'
                       % (esc(t.name), esc(t.name), html_inline(t.summary, api)))
        out.append('</table>')
    out.append('<h2>Index</h2>')
    groups = [('Functions', ('function',)), ('Types', ('type', 'enum')),
              ('Constants', ('macro', 'enumerator'))]
    for title, kinds in groups:
        syms = sorted((s for s in api.by_name.values() if s.kind in kinds),
                      key=lambda s: s.name.lower())
        out.append('<h3>%s (%d)</h3>\n<ul class="index">' % (title, len(syms)))
        for s in syms:
            out.append('<li><a href="%s"><code>%s</code></a> <span class="kind">%s</span></li>'
                       % (esc(s.href()), esc(s.name), esc(s.header.name)))
        out.append('</ul>')
    return html_page('webrtc_chg %s API reference' % version, '\n'.join(out), version,
                     up=False)


def header_summary(h):
    t = re.sub(r'^webrtc_chg\s+\S+\s+[\w.]+:\s*', '', ' '.join(h.overview.split()))
    t = re.sub(r'^webrtc_chg\s+\S+\s+', '', t)
    return summary_of(t, limit=150)


# ------------------------------------------------------------------ man

def roff_escape(s):
    s = s.replace('\\', '\\e').replace('-', '\\-')
    return ''.join(c if ord(c) < 128 else '\\[u%04X]' % ord(c) for c in s)


def roff_line(s):
    return '\\&' + s if s[:1] in ('.', "'") else s


def roff_inline(text, api):
    out = []
    for t in inline_tokens(text, api):
        if t[0] == 'text':                  # a long path may break after '/'
            out.append(roff_escape(t[1]).replace('/', '/\\:'))
        elif t[0] == 'param':
            out.append('\\fI%s\\fP' % roff_escape(t[1]))
        else:
            out.append('\\fB%s\\fP' % roff_escape(t[1]))
    return ''.join(out)


def roff_blocks(text, api):
    out = []
    for kind, b in blocks(text):
        out.append('.PP')
        if kind == 'p':
            out.append(roff_line(roff_inline(b, api)))
        else:
            out.append('.nf')
            out.extend(roff_line(roff_inline(ln, api)) for ln in b)
            out.append('.fi')
    return out


def roff_code(text):
    out = ['.PP', '.nf']
    out.extend(roff_line(roff_escape(ln)) for ln in text.split('\n'))
    out.append('.fi')
    return out


def man_head(name, section, date, version, what):
    return ['.\\" Generated by docs/tools/wchgdoc.py from the webrtc_chg sources.',
            '.TH "%s" "%s" "%s" "webrtc_chg %s" "%s"'
            % (roff_escape(name), section, date, version, what), '.nh', '.ad l']


def man_synopsis(s):
    ret, name, params = s.proto
    pre = '%s %s(' % (ret, name) if not ret.endswith('*') else '%s%s(' % (ret, name)
    lines, cur, curlen = [], '', 0
    ind = len(pre)
    parts = []
    for i, p in enumerate(params or ['void']):
        pn = param_name(p) if params else None
        txt = p + (', ' if i + 1 < len(params) else ');')
        if params and pn and pn != '...':
            k = p.rfind(pn)
            rof = roff_escape(p[:k]) + '\\fI' + roff_escape(pn) + '\\fP' + \
                roff_escape(p[k + len(pn):])
        else:
            rof = roff_escape(p)
        rof += ', ' if i + 1 < len(params) else ');'
        parts.append((txt, rof))
    cur = roff_escape(pre[:-(len(name) + 1)]) + '\\fB' + roff_escape(name) + '\\fP('
    curlen = len(pre)
    for txt, rof in parts:
        if curlen + len(txt.rstrip()) > 72 and curlen > ind:
            lines.append(cur.rstrip())
            cur, curlen = ' ' * ind, ind
        cur += rof
        curlen += len(txt)
    lines.append(cur.rstrip())
    return lines


def man_function(s, api, date, version):
    h = s.header
    doc = (s.leader or s).doc
    text = doc.text if doc else ''
    body = sentence_case(re.sub(r'^wchg_\w+(\s*/\s*\w+)*\s+-\s+', '', text))
    out = man_head(s.name, 3, date, version, 'webrtc_chg API')
    out += ['.SH NAME', '%s \\- %s' % (roff_escape(s.name),
                                        roff_escape(plain(s.summary()) or 'see ' + h.name)),
            '.SH SYNOPSIS', '.nf', '.B #include <webrtc_chg/%s>' % roff_escape(h.name), '.PP']
    out += man_synopsis(s)
    out += ['.fi', '.PP',
            'Link with \\fB\\-lwebrtc_chg\\fP '
            '(\\fBpkg\\-config \\-\\-cflags \\-\\-libs webrtc_chg%s\\fP).'
            % (' jansson' if h.name == 'cdr_json.h' else '')]
    out += ['.SH DESCRIPTION']
    group = (s.leader or s).group.syms
    if len(group) > 1:
        out += ['.PP', 'One description for %s:' % ', '.join(
            '\\fB%s\\fP' % roff_escape(f.name) for f in group)]
    out += roff_blocks(body, api)
    see = ['%s 3' % header_page(h.name)]
    see += ['%s 3' % n for n in mentioned_functions(text, api, exclude=(s.name,))]
    see += ['%s 3' % f.name for f in group if f.name != s.name and
            '%s 3' % f.name not in see]
    see.append('webrtc_chg 3')
    out += ['.SH SEE ALSO']
    out += [',\n'.join('.BR %s (%s)' % (roff_escape(n), sec)
                       for n, sec in (x.rsplit(' ', 1) for x in see))]
    return '\n'.join(out) + '\n'


def man_header(h, api, date, version):
    page = header_page(h.name)
    out = man_head(page, 3, date, version, 'webrtc_chg API')
    out += ['.SH NAME', '%s \\- %s' % (roff_escape(page), roff_escape(header_summary(h))),
            '.SH SYNOPSIS', '.nf', '.B #include <webrtc_chg/%s>' % roff_escape(h.name),
            '.fi', '.SH DESCRIPTION']
    out += roff_blocks(h.overview, api)
    funcs = [s for s in h.syms if s.kind == 'function']
    if funcs:
        out += ['.SH FUNCTIONS']
        for s in funcs:
            out += ['.TP', '.BR %s (3)' % roff_escape(s.name), roff_line(roff_inline(s.summary(), api))]
    rest = [it for it in h.items if it.syms[0].kind != 'function']
    if rest:
        out += ['.SH "TYPES AND CONSTANTS"']
        for it in rest:
            if it.doc:
                out += roff_blocks(it.doc.text, api)
            out += roff_code('\n'.join(h.decl_text(s) for s in it.syms))
    see = ['webrtc_chg 3'] + ['%s 3' % header_page(n) for n in h.includes
                              if n in api.header_names and n != h.name]
    out += ['.SH SEE ALSO', ',\n'.join('.BR %s (%s)' % tuple(x.rsplit(' ', 1)) for x in see)]
    return '\n'.join(out) + '\n'


def man_overview(api, date, version):
    out = man_head('webrtc_chg', 3, date, version, 'webrtc_chg API')
    out += ['.SH NAME', 'webrtc_chg \\- charging data of WebRTC access to IMS',
            '.SH SYNOPSIS', '.nf', '.B #include <webrtc_chg/webrtc_chg.h>',
            '.B #include <webrtc_chg/cdr_json.h>', '.fi', '.PP',
            'Link with \\fBpkg\\-config \\-\\-cflags \\-\\-libs webrtc_chg\\fP '
            '(add \\fBjansson\\fP for \\fIcdr_json.h\\fP).',
            '.SH DESCRIPTION', '.PP',
            'An embeddable C11 library: the charging trigger function of an eP\\-CSCF '
            '(Rf ACRs and their answers), the CDF (ACRs folded into PCSCFRecord CDRs, '
            'TS 32.297 CDR files), Ro online charging (CCR, CCA, the credit state), '
            'the CDR in BER/DER and JSON, and the Diameter codec and dictionary '
            'they share. The library does no I/O and keeps no global state; only '
            '\\fBwchg_*\\fP symbols are exported.',
            '.PP', 'Each header has a page with its types and constants; each '
            'function has its own page. The HTML reference (\\fBmake doc\\fP, '
            'build/doc/index.html) opens with a guide per kind of user.',
            '.SH HEADERS']
    for h in api.headers:
        out += ['.TP', '.BR %s (3)' % roff_escape(header_page(h.name)),
                roff_line(roff_inline(header_summary(h), api))]
    if api.tools:
        out += ['.SH "EXAMPLE TOOLS"']
        for t in api.tools:
            out += ['.TP', '.BR %s (1)' % roff_escape(t.name),
                    roff_line(roff_inline(t.summary, api))]
    return '\n'.join(out) + '\n'


def man_tool(t, api, date, version):
    out = man_head(t.name, 1, date, version, 'webrtc_chg examples')
    out += ['.SH NAME', '%s \\- %s' % (roff_escape(t.name), roff_escape(t.summary.rstrip('.'))),
            '.SH SYNOPSIS', '.nf']
    out += [roff_line(roff_escape(ln)) for ln in t.synopsis]
    out += ['.fi', '.SH DESCRIPTION']
    out += roff_blocks(t.description, api)
    if t.help:
        out += ['.PP', '\\fB\\-\\-help\\fP prints a short usage text.']
    see = ['%s 1' % o.name for o in api.tools if o.name != t.name]
    see += ['%s 3' % header_page(n) for n in
            sorted(set(re.findall(r'\b(\w+\.h)\b', t.summary + ' ' + t.description)))
            if n in api.header_names]
    see += ['%s 3' % n for n in mentioned_functions(t.description, api)]
    see.append('webrtc_chg 3')
    out += ['.SH SEE ALSO', ',\n'.join('.BR %s (%s)' % tuple(x.rsplit(' ', 1)) for x in see)]
    return '\n'.join(out) + '\n'


# ------------------------------------------------------------------ build

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def check_links(out):
    """Every link between the generated pages points at a page and an id
    that exist."""
    texts, bad = {}, []
    for p in os.listdir(out):
        if p.endswith('.html'):
            with open(os.path.join(out, p), encoding='utf-8') as f:
                texts[p] = f.read()
    anchors = {p: set(re.findall(r'\bid="([^"]+)"', t)) for p, t in texts.items()}
    for p, t in texts.items():
        for href in re.findall(r'href="([^"]+)"', t):
            if re.match(r'[a-z]+:', href):
                continue
            page, _, frag = html.unescape(href).partition('#')
            page = page or p
            if page not in anchors or (frag and frag not in anchors[page]):
                bad.append('%s: broken link %s' % (p, href))
    return bad


def build(api, out, version, date):
    shutil.rmtree(os.path.join(out, 'man'), ignore_errors=True)
    if os.path.isdir(out):
        for p in os.listdir(out):
            if p.endswith('.html'):
                os.remove(os.path.join(out, p))
    write(os.path.join(out, 'index.html'), html_index(api, version))
    for g in api.guides:
        write(os.path.join(out, g.page()), html_guide(g, api, version))
    for h in api.headers:
        write(os.path.join(out, h.name + '.html'), html_header(h, api, version))
        write(os.path.join(out, 'man', 'man3', header_page(h.name) + '.3'),
              man_header(h, api, date, version))
    for s in api.functions():
        write(os.path.join(out, 'man', 'man3', s.name + '.3'),
              man_function(s, api, date, version))
    write(os.path.join(out, 'man', 'man3', 'webrtc_chg.3'), man_overview(api, date, version))
    for t in api.tools:
        write(os.path.join(out, t.name + '.1.html'), html_tool(t, api, version))
        write(os.path.join(out, 'man', 'man1', t.name + '.1'), man_tool(t, api, date, version))
    bad = check_links(out)
    made = sorted(os.path.join(d, f) for d in ('man1', 'man3')
                  if os.path.isdir(os.path.join(out, 'man', d))
                  for f in os.listdir(os.path.join(out, 'man', d)))
    if made != api.man_pages():
        bad.append('man pages made differ from list-man: %s'
                   % sorted(set(made) ^ set(api.man_pages())))
    return bad


def main(argv):
    ap = argparse.ArgumentParser(prog='wchgdoc.py')
    ap.add_argument('command', choices=('check', 'build', 'list-man'))
    ap.add_argument('headers', nargs='+')
    ap.add_argument('--guides', nargs='*', default=[])
    ap.add_argument('--tools', nargs='*', default=[])
    ap.add_argument('--out')
    ap.add_argument('--version', default='')
    ap.add_argument('--date', default='')
    a = ap.parse_args(argv)
    api = Api(sorted(a.headers), sorted(a.guides), sorted(a.tools))
    if a.command == 'list-man':
        print('\n'.join(api.man_pages()))
        return 0
    if a.command == 'check':
        problems = check(api)
        for path, line, sym, msg in problems:
            print('%s:%d: %s: %s' % (path, line, sym, msg))
        nf = len(api.functions())
        nt = sum(1 for s in api.by_name.values() if s.kind in ('type', 'enum'))
        nv = sum(1 for h in api.headers for s in h.syms if s.kind == 'enumerator')
        if problems:
            print('check-doc: %d problems in %d functions, %d types, %d enum values'
                  % (len(problems), nf, nt, nv))
            return 1
        print('check-doc: %d functions, %d types, %d enum values documented; '
              '%d guides name only declared functions; %d tools have a usage line'
              % (nf, nt, nv, len(api.guides), len(api.tools)))
        return 0
    if not a.out:
        ap.error('build needs --out')
    bad = build(api, a.out, a.version, a.date)
    for b in bad:
        print('wchgdoc: %s' % b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
