from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from audit import __version__
from audit.core.findings import DISPLAY_ONLY
from audit.lint.rules import ALL_RULES
from audit.reporters.base import FileResult, RenderedResult, Reporter, as_str
from audit.reporters.json_reporter import _indented, _rounded, _scalar, encode_basestring

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class SarifReporter(Reporter):
    """SARIF 2.1.0 with char offsets and fixes; columns count Unicode code points, as Python does."""

    name = "sarif"

    def __init__(self, signature: str, unsafe_fixes: bool = False):
        super().__init__(signature, unsafe_fixes)
        self._chunks: list[str] = []  # each file's results, already written (see render_file)

    def start(self) -> str:
        self._chunks = []
        return ""

    def add(self, result: FileResult) -> str:
        text, _ = self.render_file(result, self.unsafe_fixes)
        if text:
            self._chunks.append(text)
        return ""

    @classmethod
    def render_file(cls, result: FileResult, unsafe_fixes: bool) -> tuple[str, tuple]:
        """The file's results as they stand in the log, one after another."""
        uri = _scalar(Path(result.path).as_posix())
        index = _RULE_INDEX
        return ("," + _P4).join([result_json(f, uri, index[f.code]) for f in result.findings]), ()

    def take(self, rendered: RenderedResult) -> Iterator[str]:
        if rendered.text:
            self._chunks.append(as_str(rendered.text))  # one document, written at the end
        return iter(())

    def finish(self) -> str:
        rules = [
            {
                "id": c.code,
                "name": c.name,
                "shortDescription": {"text": c.summary()},
                "fullDescription": {"text": (c.__doc__ or "").strip()},
                "defaultConfiguration": {"level": _LEVEL[c.severity.label]},
                "properties": {"category": c.category},
            }
            for c in ALL_RULES
        ]
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "jaanch", "version": __version__,
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": _RESULTS,
                "properties": {"signature": self.signature},
            }],
        }
        # json.dumps(log, ensure_ascii=False, indent=1), byte for byte: with indent set json.dumps runs
        # its pure-Python encoder (5 ms per seed-sized article's findings); each result is written
        # from its template instead, and the layout around them by _indented (leaves in C)
        chunks = self._chunks
        results_json = "[" + _P4 + ("," + _P4).join(chunks) + "\n   ]" if chunks else "[]"
        return _indented(log, 0).replace(_scalar(_RESULTS), results_json, 1) + "\n"


_RULE_INDEX = {c.code: i for i, c in enumerate(ALL_RULES)}
_RESULTS = "\x00jaanch: the results go here\x00"  # written as \u0000...: no rule text or signature has it


def _pad(depth: int) -> str:
    return "\n" + " " * depth


_P4, _P5, _P6, _P7, _P8, _P9, _P10, _P11, _P12 = (_pad(d) for d in range(4, 13))


_HEADS: dict[tuple, str] = {}  # (code, rule index, severity) -> a result's opening, up to its message
_APPLICABILITY: dict = {}  # an Applicability -> its label as JSON


def result_json(f, uri: str, rule_index: int) -> str:
    """One SARIF result as `json.dumps` writes it at depth 4 of the log (a test compares them);
    `uri` is already JSON. Written from one template, leaves by the C encoder: it was a dozen
    nested object and list helpers per result, five times the JSON report's cost per finding."""
    s = _scalar
    key = (f.code, rule_index, f.severity)
    head = _HEADS.get(key)
    if head is None:
        if len(_HEADS) > 10_000:
            _HEADS.clear()
        head = _HEADS[key] = (f'{{{_P5}"ruleId": {s(f.code)},{_P5}"ruleIndex": {s(rule_index)},'
                              f'{_P5}"level": {s(_LEVEL[f.severity.label])},{_P5}"message": {{{_P6}"text": ')
    start, end, line, column, end_line, end_column = f.start, f.end, f.line, f.column, f.end_line, f.end_column
    if start.__class__ is end.__class__ is line.__class__ is column.__class__ is end_line.__class__ \
            is end_column.__class__ is int:
        length = end - start
    else:
        length = s(end - start)
        start, end, line, column, end_line, end_column = map(s, (start, end, line, column, end_line, end_column))
    text, message, category = f.text, f.message, f.category
    text = encode_basestring(text) if text.__class__ is str else s(text)
    message = encode_basestring(message) if message.__class__ is str else s(message)
    category = encode_basestring(category) if category.__class__ is str else s(category)
    out = (f'{head}{message}{_P5}}},{_P5}"locations": [{_P6}{{{_P7}"physicalLocation": {{{_P8}"artifactLocation": '
           f'{{{_P9}"uri": {uri}{_P8}}},{_P8}"region": {{{_P9}"startLine": {line},{_P9}"startColumn": {column},'
           f'{_P9}"endLine": {end_line},{_P9}"endColumn": {end_column},{_P9}"charOffset": {start},'
           f'{_P9}"charLength": {length},{_P9}"snippet": {{{_P10}"text": {text}{_P9}}}{_P8}}}{_P7}}}{_P6}}}{_P5}],'
           f'{_P5}"properties": {{{_P6}"confidence": {_rounded(f.confidence)},{_P6}"category": {category}')
    fixes = f.fixes
    if not fixes:
        return out + _P5 + "}" + _P4 + "}"
    suggestions = ("," + _P7).join([s(x.replacement) for x in fixes])
    out = (f'{out},{_P6}"applicability": {_applicability(fixes[0].applicability)},'
           f'{_P6}"suggestions": [{_P7}{suggestions}{_P6}]{_P5}}}')
    applicable = [_fix_json(fix, uri) for fix in fixes if fix.applicability != DISPLAY_ONLY]
    if applicable:
        out = f'{out},{_P5}"fixes": [{_P6}' + ("," + _P6).join(applicable) + f'{_P5}]'
    return out + _P4 + "}"


def _applicability(applicability) -> str:
    label = _APPLICABILITY.get(applicability)
    if label is None:
        label = _APPLICABILITY[applicability] = _scalar(applicability.label)
    return label


def _fix_json(fix, uri: str) -> str:
    s = _scalar
    description = s(f"replace with '{fix.replacement}'" if fix.replacement else "delete")
    start, end = fix.start, fix.end
    length = end - start if start.__class__ is end.__class__ is int else s(end - start)
    if start.__class__ is not int:
        start = s(start)
    return (f'{{{_P7}"description": {{{_P8}"text": {description}{_P7}}},{_P7}"artifactChanges": [{_P8}{{{_P9}'
            f'"artifactLocation": {{{_P10}"uri": {uri}{_P9}}},{_P9}"replacements": [{_P10}{{{_P11}"deletedRegion": '
            f'{{{_P12}"charOffset": {start},{_P12}"charLength": {length}{_P11}}},{_P11}"insertedContent": '
            f'{{{_P12}"text": {s(fix.replacement)}{_P11}}}{_P10}}}{_P9}]{_P8}}}{_P7}],{_P7}"properties": '
            f'{{{_P8}"applicability": {_applicability(fix.applicability)}{_P7}}}{_P6}}}')
