from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from audit import __version__
from audit.core.findings import DISPLAY_ONLY
from audit.lint.rules import ALL_RULES
from audit.reporters.base import FileResult, RenderedResult, Reporter
from audit.reporters.json_reporter import _indented, _scalar

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
            self._chunks.append(rendered.text)
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


def _obj(pad_in: str, pad_out: str, *entries: str) -> str:
    """A JSON object of already written entries, as json.dumps(indent=1) lays it out."""
    return "{" + pad_in + ("," + pad_in).join(entries) + pad_out + "}"


def _list(pad_in: str, pad_out: str, values: list[str]) -> str:
    return "[" + pad_in + ("," + pad_in).join(values) + pad_out + "]" if values else "[]"


def result_json(f, uri: str, rule_index: int) -> str:
    """One SARIF result as `json.dumps` writes it at depth 4 of the log (a test compares them);
    `uri` is already JSON."""
    s = _scalar
    snippet = _obj(_P10, _P9, '"text": ' + s(f.text))
    region = _obj(_P9, _P8, '"startLine": ' + s(f.line), '"startColumn": ' + s(f.column),
                  '"endLine": ' + s(f.end_line), '"endColumn": ' + s(f.end_column),
                  '"charOffset": ' + s(f.start), '"charLength": ' + s(f.end - f.start), '"snippet": ' + snippet)
    artifact = _obj(_P9, _P8, '"uri": ' + uri)
    physical = _obj(_P8, _P7, '"artifactLocation": ' + artifact, '"region": ' + region)
    location = _obj(_P7, _P6, '"physicalLocation": ' + physical)
    properties = ['"confidence": ' + s(round(f.confidence, 3)), '"category": ' + s(f.category)]
    if f.fixes:
        properties.append('"applicability": ' + s(f.applicability.label))
        properties.append('"suggestions": ' + _list(_P7, _P6, [s(x) for x in f.suggestions]))
    entries = ['"ruleId": ' + s(f.code), '"ruleIndex": ' + s(rule_index), '"level": ' + s(_LEVEL[f.severity.label]),
               '"message": ' + _obj(_P6, _P5, '"text": ' + s(f.message)),
               '"locations": ' + _list(_P6, _P5, [location]),
               '"properties": ' + _obj(_P6, _P5, *properties)]
    applicable = [fix for fix in f.fixes if fix.applicability != DISPLAY_ONLY]
    if applicable:
        entries.append('"fixes": ' + _list(_P6, _P5, [_fix_json(fix, uri) for fix in applicable]))
    return _obj(_P5, _P4, *entries)


def _fix_json(fix, uri: str) -> str:
    s = _scalar
    description = f"replace with '{fix.replacement}'" if fix.replacement else "delete"
    deleted = _obj(_P12, _P11, '"charOffset": ' + s(fix.start), '"charLength": ' + s(fix.end - fix.start))
    inserted = _obj(_P12, _P11, '"text": ' + s(fix.replacement))
    replacement = _obj(_P11, _P10, '"deletedRegion": ' + deleted, '"insertedContent": ' + inserted)
    change = _obj(_P9, _P8, '"artifactLocation": ' + _obj(_P10, _P9, '"uri": ' + uri),
                  '"replacements": ' + _list(_P10, _P9, [replacement]))
    return _obj(_P7, _P6, '"description": ' + _obj(_P8, _P7, '"text": ' + s(description)),
                '"artifactChanges": ' + _list(_P8, _P7, [change]),
                '"properties": ' + _obj(_P8, _P7, '"applicability": ' + s(fix.applicability.label)))
