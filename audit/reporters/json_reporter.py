from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring  # the C encoder when available, as json.dumps uses

from audit.core.findings import Finding
from audit.reporters.base import FileResult, RenderedResult, Reporter, prefixed


def _scalar(value) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)  # what json.dumps writes for an int (and an IntEnum), without its set-up
    if isinstance(value, float) and value == value and value not in (_INF, -_INF):
        return float.__repr__(value)
    return json.dumps(value)  # NaN, Infinity and anything else: json.dumps's own spelling


_INF = float("inf")


def _indented(value, depth: int) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)` as it prints at nesting `depth`.

    json.dumps falls back to its pure-Python encoder whenever indent is set; over an archive
    that is most of the report's cost, so the layout is written here and each leaf by the
    C encoder. A test compares the bytes with json.dumps. Leaves are written in the loop, not
    by a call per value: a 50 MB article has millions of them.
    """
    pad = "\n" + " " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = []
        for k, v in value.items():
            if v.__class__ is str:
                items.append(f"{encode_basestring(k)}: {encode_basestring(v)}")
            elif isinstance(v, (dict, list)):
                items.append(f"{encode_basestring(k)}: {_indented(v, depth + 1)}")
            else:
                items.append(f"{encode_basestring(k)}: {_scalar(v)}")
        return "{" + pad + ("," + pad).join(items) + "\n" + " " * depth + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + pad + ("," + pad).join(_indented(v, depth + 1) for v in value) + "\n" + " " * depth + "]"
    return _scalar(value)


_HEADS: dict[tuple, str] = {}
_PATHS: dict = {}  # a path -> its JSON text (a file's findings share it)


def _head(f) -> str:
    """The opening of a finding's object up to "start": the path's, then what is the same for every
    finding of one check (kept across files, so a run works each out once)."""
    return (_PATHS.get(f.path) or _path_text(f.path)) + (_HEADS.get((f.code, f.rule, f.category, f.severity))
                                                          or _check_text(f))


def _path_text(path) -> str:
    """The path's part of a finding's opening, kept per path."""
    if len(_PATHS) > 1_000:
        _PATHS.clear()
    got = _PATHS[path] = f"{{\n  \"path\": {_scalar(path)},"
    return got


def _check_text(f) -> str:
    """The check's part of a finding's opening (after the path, up to "start"), kept per check."""
    if len(_HEADS) > 10_000:
        _HEADS.clear()
    got = _HEADS[(f.code, f.rule, f.category, f.severity)] = (
        f"\n  \"code\": {_scalar(f.code)},\n  \"rule\": {_scalar(f.rule)},"
        f"\n  \"category\": {_scalar(f.category)},\n  \"severity\": {_scalar(f.severity.label)},\n  \"start\": ")
    return got


_LABELS: dict = {}  # an Applicability -> its label as a JSON string (one enum property call per fix saved)
_CONFIDENCE: dict = {}  # (type, positive confidence) -> its rounded JSON text: checks give few values


def _label(applicability) -> str:
    label = _LABELS.get(applicability)
    if label is None:
        label = _LABELS[applicability] = _scalar(applicability.label)
    return label


def _rounded(confidence) -> str:
    """A confidence rounded to 3 places, as JSON: kept per value (checks give few)."""
    key = (confidence.__class__, confidence)
    rounded = _CONFIDENCE.get(key)
    if rounded is None:
        rounded = _scalar(round(confidence, 3))
        if confidence > 0 and len(_CONFIDENCE) < 10_000:  # not 0.0 and -0.0 (equal keys, two spellings), not NaN
            _CONFIDENCE[key] = rounded
    return rounded


def _fix_json(x, replacement: str | None = None) -> str:
    """A fix's object; `replacement`: its replacement already written as JSON."""
    start, end = x.start, x.end
    if start.__class__ is not int or end.__class__ is not int:
        start, end = _scalar(start), _scalar(end)
    if replacement is None:
        replacement = x.replacement
        replacement = encode_basestring(replacement) if replacement.__class__ is str else _scalar(replacement)
    return (f"{{\n    \"start\": {start},\n    \"end\": {end},\n"
            f"    \"replacement\": {replacement},\n    \"applicability\": {_LABELS.get(x.applicability) or _label(x.applicability)}\n   }}")


def finding_json(f) -> str:
    """`_indented(f.to_dict(), 1)` for a Finding, written straight from its fields.

    Every finding has the same keys in the same order, so the layout is one template and only
    the leaves are encoded (a test compares the bytes with json.dumps for random findings);
    building the dict and walking it cost more than the rest of the report.
    """
    fixes = f.fixes
    if fixes:
        if len(fixes) == 1:
            x = fixes[0]
            replacement = x.replacement
            replacement = encode_basestring(replacement) if replacement.__class__ is str else _scalar(replacement)
            suggestions = "[\n   " + replacement + "\n  ]"
            fix_list = "[\n   " + _fix_json(x, replacement) + "\n  ]"
        else:
            suggestions = "[\n   " + ",\n   ".join([_scalar(x.replacement) for x in fixes]) + "\n  ]"
            fix_list = "[\n   " + ",\n   ".join([_fix_json(x) for x in fixes]) + "\n  ]"
        applicability = _LABELS.get(fixes[0].applicability) or _label(fixes[0].applicability)
    else:
        suggestions = fix_list = "[]"
        applicability = "null"
    start, end, line, column, end_line, end_column = ints = (
        f.start, f.end, f.line, f.column, f.end_line, f.end_column)
    if not (start.__class__ is end.__class__ is line.__class__ is column.__class__ is end_line.__class__
            is end_column.__class__ is int):
        start, end, line, column, end_line, end_column = map(_scalar, ints)
    text, message = f.text, f.message
    text = encode_basestring(text) if text.__class__ is str else _scalar(text)
    message = encode_basestring(message) if message.__class__ is str else _scalar(message)
    confidence = f.confidence
    rounded = _CONFIDENCE.get((confidence.__class__, confidence)) or _rounded(confidence)
    return (f"{_head(f)}{start},\n  \"end\": {end},\n  \"line\": {line},\n  \"column\": {column},"
            f"\n  \"end_line\": {end_line},\n  \"end_column\": {end_column},\n  \"text\": {text},"
            f"\n  \"message\": {message},\n  \"suggestions\": {suggestions},"
            f"\n  \"fixes\": {fix_list},\n  \"applicability\": {applicability},"
            f"\n  \"confidence\": {rounded}\n }}")


_LEAVES: dict[str, bytes] = {}  # a text or message -> its JSON string as UTF-8 (checks repeat their messages)
# The opening of a finding's object as UTF-8, in two parts: the path's (one per file) and the check's (the
# same in every file). Kept as one part per (path, check) it was worked out again for each check of each file.
_PATH_BYTES: dict = {}  # a path -> b'{\n  "path": ...,'
_CHECK_BYTES: dict[tuple, bytes] = {}  # (code, rule, category, severity) -> the rest of the opening
_LABEL_BYTES: dict = {}  # an Applicability -> its label as a JSON string, UTF-8
_CONFIDENCE_BYTES: dict = {}  # (type, confidence) -> its rounded JSON as bytes
_NO_FIX = b'[],\n  "fixes": [],\n  "applicability": null'
_ONE_FIX = (b'[\n   %b\n  ],\n  "fixes": [\n   {\n    "start": %d,\n    "end": %d,\n    "replacement": %b,'
            b'\n    "applicability": %b\n   }\n  ],\n  "applicability": %b')
_BODY = (b'%b%b%d,\n  "end": %d,\n  "line": %d,\n  "column": %d,\n  "end_line": %d,\n  "end_column": %d,'
         b'\n  "text": %b,\n  "message": %b,\n  "suggestions": %b,\n  "confidence": %b\n }')


def _leaf(value: str) -> bytes:
    got = _LEAVES.get(value)
    if got is None:
        if len(_LEAVES) > 20_000:
            _LEAVES.clear()
        got = _LEAVES[value] = encode_basestring(value).encode()  # a lone surrogate raises: see render_file
    return got


def _path_bytes(path) -> bytes:
    """`_path_text` as UTF-8, kept per path."""
    if len(_PATH_BYTES) > 1_000:
        _PATH_BYTES.clear()
    got = _PATH_BYTES[path] = (_PATHS.get(path) or _path_text(path)).encode()  # (raises before it is kept)
    return got


def _check_bytes(f) -> bytes:
    """`_check_text` as UTF-8, kept per check."""
    key = (f.code, f.rule, f.category, f.severity)
    if len(_CHECK_BYTES) > 10_000:
        _CHECK_BYTES.clear()
    got = _CHECK_BYTES[key] = (_HEADS.get(key) or _check_text(f)).encode()
    return got


def _label_bytes(applicability) -> bytes:
    got = _LABEL_BYTES[applicability] = _label(applicability).encode()
    return got


def finding_bytes(f) -> bytes:
    """`finding_json(f).encode()`, written as UTF-8 bytes from the start (a test holds the two equal).

    A report is mostly ASCII layout, but one Devanagari character made the whole text two bytes a
    character: joining it copied every character and encoding it read each again (about 0.3M
    instructions per seed-sized article). Here the layout is bytes, and each text, message and
    opening is encoded once per distinct value (the opening in two parts, the path's and the check's,
    each looked up by a dict hit). A finding of an unusual shape (a field not an int or a str, more
    than one fix) is written by `finding_json` and encoded."""
    start, end, line, column, end_line, end_column = f.start, f.end, f.line, f.column, f.end_line, f.end_column
    text, message, fixes, confidence = f.text, f.message, f.fixes, f.confidence
    if not (start.__class__ is end.__class__ is line.__class__ is column.__class__ is end_line.__class__
            is end_column.__class__ is int and text.__class__ is message.__class__ is str and len(fixes) < 2):
        return finding_json(f).encode()
    if fixes:
        x = fixes[0]
        replacement = x.replacement
        if not (x.start.__class__ is x.end.__class__ is int and replacement.__class__ is str):
            return finding_json(f).encode()
        replacement = _LEAVES.get(replacement) or _leaf(replacement)
        label = _LABEL_BYTES.get(x.applicability) or _label_bytes(x.applicability)
        fixed = _ONE_FIX % (replacement, x.start, x.end, replacement, label, label)
    else:
        fixed = _NO_FIX
    path = f.path
    head = _PATH_BYTES.get(path)
    check = _CHECK_BYTES.get((f.code, f.rule, f.category, f.severity))
    key = (confidence.__class__, confidence)
    rounded = _CONFIDENCE_BYTES.get(key)
    if rounded is None:
        rounded = (_CONFIDENCE.get(key) or _rounded(confidence)).encode()
        if key in _CONFIDENCE:  # the values _rounded keeps (not 0.0, -0.0, NaN)
            _CONFIDENCE_BYTES[key] = rounded
    return _BODY % (head or _path_bytes(path), check or _check_bytes(f), start, end, line, column, end_line,
                    end_column, _LEAVES.get(text) or _leaf(text), _LEAVES.get(message) or _leaf(message), fixed, rounded)


class JsonReporter(Reporter):
    """One JSON array of finding objects (see Finding.to_dict for the fields).

    Written item by item, byte for byte what `json.dumps(items, indent=1)` gives for the
    whole array, so a run over an archive never holds the report in memory.
    """

    name = "json"

    def start(self) -> str:
        self._count = 0
        return ""

    def add(self, result: FileResult) -> str:
        return "".join(self.parts(result))

    def parts(self, result: FileResult) -> Iterator[str]:
        for f in result.findings:
            body = finding_json(f) if type(f) is Finding else _indented(f.to_dict(), 1)
            yield ("[\n " if self._count == 0 else ",\n ") + body
            self._count += 1

    @classmethod
    def render_file(cls, result: FileResult, unsafe_fixes: bool) -> tuple[bytes | str, tuple]:
        """The file's findings as `parts` writes them, less the separator before the first, as UTF-8
        (a str where a lone surrogate, a JSON escape in the input or a file name, cannot be encoded)."""
        findings = result.findings
        try:
            return b",\n ".join([finding_bytes(f) if type(f) is Finding else _indented(f.to_dict(), 1).encode()
                                  for f in findings]), (len(findings),)
        except UnicodeEncodeError:
            return ",\n ".join([finding_json(f) if type(f) is Finding else _indented(f.to_dict(), 1)
                                 for f in findings]), (len(findings),)

    def take(self, rendered: RenderedResult) -> Iterator[bytes | str]:
        count = rendered.tally[0]
        if count:
            yield prefixed("[\n " if self._count == 0 else ",\n ", rendered.text)
            self._count += count

    def finish(self) -> str:
        return "[]\n" if self._count == 0 else "\n]\n"
