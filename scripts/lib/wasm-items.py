#!/usr/bin/env python3
"""Largest functions of a WASM file, and their bytes summed by crate, from its name section: what
twiggy shows, for files twiggy cannot read (the split main file's element segments).
Usage: wasm-items.py FILE [N]"""
import re, sys
from collections import Counter

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7F) << s; s += 7
        if x < 0x80: return r, i

def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; size, j = leb(b, i + 1); yield sid, b[j:j + size]; i = j + size

def crate_of(name):
    """The crate of a mangled name: the first path segment (of the type, for an impl)."""
    if name.startswith('_R'):
        m = re.search(r'C[s0-9A-Za-z]*?_?(\d+)([A-Za-z_][A-Za-z0-9_]*)', name)
        if m: return m.group(2)[:int(m.group(1))]
    if name.startswith('_ZN'):
        m = re.match(r'_ZN(\d+)', name)
        first = name[m.end():m.end() + int(m.group(1))]
        if first.startswith('_$LT$') or first.startswith('$LT$'):
            inner = re.search(r'([a-z_][a-z0-9_]*)\.\.', first)
            return inner.group(1) if inner else first
        return first
    return name.split('::')[0] if '::' in name else '(other)'

def main(path, n):
    b = open(path, 'rb').read()
    imported, sizes, names = 0, [], {}
    for sid, body in sections(b):
        if sid == 2:  # imports: functions among them take the first indices
            count, i = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    l, i = leb(body, i); i += l
                kind = body[i]; i += 1
                if kind == 0: _, i = leb(body, i); imported += 1
                elif kind == 1: i += 1; flags = body[i]; i += 1; _, i = leb(body, i); i = leb(body, i)[1] if flags & 1 else i
                elif kind == 2: flags = body[i]; i += 1; _, i = leb(body, i); i = leb(body, i)[1] if flags & 1 else i
                elif kind == 3: i += 2
                elif kind == 4: i += 1; _, i = leb(body, i)
        elif sid == 10:
            count, i = leb(body, 0)
            for _ in range(count):
                size, i = leb(body, i); sizes.append(size); i += size
        elif sid == 0:
            l, i = leb(body, 0)
            if body[i:i + l] != b'name': continue
            i += l
            while i < len(body):
                sub = body[i]; size, i = leb(body, i + 1); end = i + size
                if sub == 1:
                    count, i = leb(body, i)
                    for _ in range(count):
                        idx, i = leb(body, i); l, i = leb(body, i)
                        names[idx] = body[i:i + l].decode('utf-8', 'replace'); i += l
                i = end
    total = sum(sizes)
    items = sorted(((s, names.get(imported + k, f'code[{k}]')) for k, s in enumerate(sizes)), reverse=True)
    print(f'{path}: {len(sizes)} functions, {total} bytes of code')
    for s, name in items[:n]:
        print(f'  {s:>8}  {100 * s / total:5.2f}%  {name[:110]}')
    by_crate = Counter()
    for s, name in items:
        by_crate[crate_of(name)] += s
    print('  by crate (first path segment of each function):')
    for crate, s in by_crate.most_common(n):
        print(f'  {s:>8}  {100 * s / total:5.2f}%  {crate}')

main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25)
