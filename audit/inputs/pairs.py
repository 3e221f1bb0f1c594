"""Reading aligned source/target input: TSV, JSONL, XLIFF 1.2 and 2.x, or two article files."""

from __future__ import annotations

import re
from pathlib import Path

from audit.core.document import PAIR_SUFFIXES, decode_article, read_article
from audit.core.errors import InputError, NotThisKind
from audit.core.fileio import read_bytes
from audit.core.jsonfile import RepeatedKey, load_json, load_json_loosely
from audit.core.lines import LineIndex
from audit.inputs.align import align, split_english
from audit.inputs.segments import Pair
from audit.inputs.xmltext import decode_content, parse_safely


def is_pair_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in PAIR_SUFFIXES


def read_pairs(path: str | Path) -> tuple[str, list[Pair]]:
    """The file's text and its pairs; every target character knows its offset in that text."""
    name = str(path)
    text = decode_article(read_bytes(path), name)
    suffix = Path(path).suffix.lower()
    if suffix == ".tsv":
        pairs = _tsv(text, name)
    elif suffix == ".jsonl":
        pairs = _jsonl(text, name)
    else:
        pairs = _xliff(text, name)
    if not pairs:
        raise InputError("no source/target pairs found", name)
    return text, pairs


def _lines(text: str):
    """(line number, offset of its first character, the line without its end) for each line of a pairs
    file: CRLF, LF and a lone CR each end one, as everywhere in jaanch (audit/core/lines.py). A JSON
    string cannot hold a raw CR, nor a TSV cell, so a CR is never inside a value."""
    index = LineIndex(text)
    for number in range(1, len(index) + 1):
        start, end = index.span(number)
        yield number, start, text[start:end]


def _tsv(text: str, name: str) -> list[Pair]:
    lines = _lines(text)
    header = next(lines)[2].split("\t")
    if "source" not in header or "target" not in header:
        raise NotThisKind("a pairs TSV needs 'source' and 'target' columns in its header", name, 1)
    for column in ("source", "target"):  # the first was read, the other passed over without a word
        if header.count(column) > 1:
            places = ", ".join(str(n) for n, col in enumerate(header, start=1) if col == column)
            raise InputError(f"the header names '{column}' more than once (columns {places}); keep one", name, 1)
    s_col, t_col = header.index("source"), header.index("target")
    pairs = []
    for number, offset, row in lines:
        if row.strip():
            cells = row.split("\t")
            if len(cells) != len(header):
                raise InputError(f"expected {len(header)} tab-separated fields, found {len(cells)}", name, number)
            base = offset + sum(len(c) + 1 for c in cells[:t_col])
            pairs.append(Pair.plain(cells[s_col], cells[t_col], base, number))
    return pairs


_JSON_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def _json_string(line: str, quote: int, base: int) -> tuple[str, list[int], list[int]]:
    """Decode the JSON string literal opening at `line[quote]`, keeping each character's span."""
    chars, starts, ends = [], [], []
    i = quote + 1
    while line[i] != '"':
        if line[i] == "\\":
            kind = line[i + 1]
            if kind == "u":
                code = int(line[i + 2 : i + 6], 16)
                width = 6
                low = int(line[i + 8 : i + 12], 16) if line[i + 6 : i + 8] == "\\u" else 0
                if 0xD800 <= code < 0xDC00 and 0xDC00 <= low < 0xE000:  # a pair; a lone half stays as json reads it
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    width = 12
                chars.append(chr(code))
            else:
                chars.append(_JSON_ESCAPES[kind])
                width = 2
            starts.append(base + i)
            ends.append(base + i + width)
            i += width
        else:
            chars.append(line[i])
            starts.append(base + i)
            ends.append(base + i + 1)
            i += 1
    return "".join(chars), starts, ends


_TARGET_KEY = re.compile(r'"target"\s*:\s*"')


def _is_pair(item) -> bool:
    return isinstance(item, dict) and isinstance(item.get("source"), str) and isinstance(item.get("target"), str)


def _jsonl(text: str, name: str) -> list[Pair]:
    pairs = []
    for number, offset, line in _lines(text):
        if line.strip():
            try:
                item = load_json(line, name, number)
            except RepeatedKey:  # a JSONL of something else is passed over in a folder, as below
                item = load_json_loosely(line)
                if pairs or item is None or _is_pair(item):
                    raise
            if not _is_pair(item):
                # on its first line, a JSONL of something else; later, a pairs file with a bad line
                kind = InputError if pairs else NotThisKind
                raise kind("each line needs string fields 'source' and 'target'", name, number)
            for m in _TARGET_KEY.finditer(line):
                target, starts, ends = _json_string(line, m.end() - 1, offset)
                if target == item["target"]:
                    pairs.append(Pair(item["source"], target, tuple(starts), tuple(ends), number, str(item.get("id", "")),
                                      "json"))
                    break
            else:
                raise InputError("could not locate the 'target' value in the line", name, number)
    return pairs


_RAW_TARGET = re.compile(r"<(?:[\w.-]+:)?target(?=[\s/>])[^>]*?(?:/>|>(.*?)</(?:[\w.-]+:)?target\s*>)", re.S)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xliff(text: str, name: str) -> list[Pair]:
    root = parse_safely(text, name)
    if _local(root.tag) != "xliff":
        raise NotThisKind("not an XLIFF document (root element is not <xliff>)", name, 1)
    # Every <target> of the file, in document order, lines up with the raw ones the regex finds;
    # only a unit's own target is checked: those of 1.2's <alt-trans> (translation-memory offers)
    # and 2.x's <ignorable> are counted, so the rest still line up, and left alone.
    targets = [el for el in root.iter() if _local(el.tag) == "target"]
    raw_targets = list(_RAW_TARGET.finditer(text))
    if len(raw_targets) != len(targets):
        raise InputError("a <target> outside the XML elements (in a comment?) is not supported", name)
    raw_of = {id(el): m for el, m in zip(targets, raw_targets)}
    pairs = []
    line_index = LineIndex(text)
    _refuse_repeated_ids(root, text, name, line_index)
    for el in root.iter():
        if _local(el.tag) not in _UNIT_TAGS:  # 1.2 names its units trans-unit, 2.x segment
            continue
        sources = [c for c in el if _local(c.tag) == "source"]
        targets_here = [c for c in el if _local(c.tag) == "target"]
        ident = el.get("id") or ""
        for part, found in (("source", sources), ("target", targets_here)):
            if len(found) > 1:  # the first was read and the other passed over without a word
                # the line of the second target, or of the unit's target (a source has no raw place here)
                near = found[1] if part == "target" else (targets_here or [None])[0]
                at = line_index.line(raw_of[id(near)].start()) if near is not None else None
                raise InputError(f"unit {ident!r} has {len(found)} <{part}> elements; keep one", name, at)
        if not targets_here:
            continue
        source, target = (sources or [None])[0], targets_here[0]
        m = raw_of[id(target)]
        line_at = line_index.line(m.start())
        content_start = m.start(1) if m.group(1) is not None else m.end()
        decoded, starts, ends = decode_content(m.group(1) or "", content_start)
        if decoded != "".join(target.itertext()):
            raise InputError(f"target of unit {ident!r} uses markup jaanch cannot map", name, line_at)
        if decoded.strip():
            source_text = "".join(source.itertext()) if source is not None else ""
            pairs.append(Pair(source_text, decoded, tuple(starts), tuple(ends), line_at, ident, "xml"))
    return pairs


_UNIT_TAGS = frozenset({"trans-unit", "segment"})
# Where an id must be unique (XLIFF 1.2: a trans-unit's in its <file>; 2.x: a unit's in its <file>,
# a segment's in its unit); the same id in two scopes is what the standard allows.
_ID_SCOPES = {"trans-unit": "file", "unit": "file", "segment": "unit"}
_RAW_UNIT = re.compile(r"<(?:[\w.-]+:)?(trans-unit|unit|segment)(?=[\s/>])")


def _refuse_repeated_ids(root, text: str, name: str, line_index: LineIndex) -> None:
    """Two units with one id in one scope: both were read, where a CAT tool merging the file back
    puts one translation in both places (or drops one), and a finding naming the unit names two."""
    units = []  # (element, its scope element), in document order; a stack, not recursion (XML nests deep)
    stack = [(root, {})]
    while stack:
        element, scope_of = stack.pop()
        tag = _local(element.tag)
        if tag in _ID_SCOPES:
            units.append((element, scope_of.get(_ID_SCOPES[tag])))
        inner = {**scope_of, tag: element} if tag in ("file", "unit") else scope_of
        stack.extend((child, inner) for child in reversed(element))
    seen: set[tuple[int, str, str]] = set()
    raw = None
    for index, (element, scope) in enumerate(units):
        ident, tag = element.get("id"), _local(element.tag)
        if not ident or scope is None:
            continue
        key = (id(scope), tag, ident)
        if key in seen:
            if raw is None:  # the start tags, matched to the elements where they line up (none in a comment)
                raw = [m.start() for m in _RAW_UNIT.finditer(text)]
            at = line_index.line(raw[index]) if len(raw) == len(units) else None
            where = "its unit" if tag == "segment" else "its <file>"
            raise InputError(f"a second <{tag}> with id {ident!r} in {where}; an id names one unit: give each "
                             "its own", name, at)
        seen.add(key)


def read_aligned(hindi: str | Path, english: str | Path) -> tuple[str, list[Pair]]:
    """Pair an English article with its Hindi translation, sentence by sentence."""
    article = read_article(hindi)
    return article.text, align_article(article, decode_article(read_bytes(english), str(english)))


def align_article(article, en_text: str) -> list[Pair]:
    """Pairs of an already parsed Hindi article and its English original's text."""
    en_spans = split_english(en_text)
    hi = article.sentences
    beads = align([b - a for a, b in en_spans], [len(s.text) for s in hi])
    pairs = []
    for src_idx, tgt_idx in beads:
        if not tgt_idx:
            continue
        start, end = hi[tgt_idx[0]].start, hi[tgt_idx[-1]].end
        source = " ".join(en_text[a:b] for a, b in (en_spans[i] for i in src_idx))
        pairs.append(Pair.plain(source, article.text[start:end], start, article.position(start)[0]))
    return pairs
