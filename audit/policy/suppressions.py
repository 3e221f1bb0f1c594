"""Dismissed findings, kept beside the articles so the CLI never shows the same false alarm twice.

One file per folder, `.jaanch-suppressions.json`. An editor dismisses either one occurrence or
every occurrence of a flagged text, and the entry says which (`scope`):
- `occurrence`: file, check code, flagged text and the words around it (`before`, `after`,
  up to CONTEXT characters each way within the line) must all match, so dismissing one
  `डीपसेक` never hides the other. An edit next to it makes the entry stale, and the CLI says so.
- `text`: file, check code and flagged text match every occurrence (entries written before
  scopes existed mean this, since that is what they did).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from audit.core.errors import InputError
from audit.core.fileio import read_text, write_atomic
from audit.core.jsonfile import load_json
from audit.core.findings import Finding

FILENAME = ".jaanch-suppressions.json"
OCCURRENCE, TEXT = "occurrence", "text"
CONTEXT = 24


@dataclass(frozen=True)
class Suppression:
    file: str
    code: str
    text: str
    reason: str = ""
    time: str = ""
    scope: str = TEXT
    before: str = ""
    after: str = ""

    @property
    def key(self) -> tuple[str, ...]:
        if self.scope == OCCURRENCE:
            return (self.file, self.code, self.text, self.before, self.after)
        return (self.file, self.code, self.text)


def surroundings(text: str, start: int, end: int) -> tuple[str, str]:
    """The words either side of a span, within its line, whitespace collapsed."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = re.sub(r"\s+", " ", text[max(line_start, start - CONTEXT) : start])
    after = re.sub(r"\s+", " ", text[end : min(line_end, end + CONTEXT)])
    return before, after


def finding_keys(file: str | Path, finding: Finding, text: str | None) -> list[tuple[str, ...]]:
    """The keys a suppression of this finding may have: every occurrence, then this one."""
    name = Path(file).name
    keys: list[tuple[str, ...]] = [(name, finding.code, finding.text)]
    if text is not None and text[finding.start : finding.end] == finding.text:
        keys.append((name, finding.code, finding.text, *surroundings(text, finding.start, finding.end)))
    return keys


def suppression_for(file: str | Path, finding: Finding, text: str, scope: str, reason: str = "",
                    time: str = "") -> Suppression:
    if scope not in (OCCURRENCE, TEXT):
        raise ValueError(f"dismissal scope must be {OCCURRENCE} or {TEXT}")
    before, after = surroundings(text, finding.start, finding.end) if scope == OCCURRENCE else ("", "")
    return Suppression(Path(file).name, finding.code, finding.text, reason, time, scope, before, after)


def covers(suppressions, file: str | Path, finding: Finding, text: str | None) -> bool:
    keys = {s.key for s in suppressions}
    return any(k in keys for k in finding_keys(file, finding, text))


def _refuse_malformed(item, number: int) -> None:
    """A dismissal that is no object, lacks a field, has one no dismissal has, or holds a non-text
    value: said in the file's terms (it was Python's: "Suppression.__init__() missing 2 required
    positional arguments", or the whole Suppression(...) repr)."""
    if not isinstance(item, dict):
        raise TypeError(f"dismissal {number} is {type(item).__name__}, not an object of fields")
    names = [f.name for f in fields(Suppression)]
    unknown = [name for name in item if name not in names]
    if unknown:
        raise TypeError(f"dismissal {number} has a field {unknown[0]!r} jaanch does not know (known: "
                        f"{', '.join(names)})")
    missing = [name for name in ("file", "code", "text") if name not in item]
    if missing:
        raise TypeError(f"dismissal {number} lacks {' and '.join(repr(name) for name in missing)}")
    for name, value in item.items():
        if not isinstance(value, str):
            raise TypeError(f"dismissal {number}'s {name!r} is {json.dumps(value, ensure_ascii=False)[:80]}, not text")


class SuppressionStore:
    def __init__(self, folder: Path, entries: list[Suppression] | None = None):
        self.folder = folder
        self.entries = entries or []
        self.used: set[tuple[str, ...]] = set()
        self.checked: set[str] = set()

    @property
    def path(self) -> Path:
        return self.folder / FILENAME

    @classmethod
    def load(cls, folder: str | Path) -> "SuppressionStore":
        folder = Path(folder)
        path = folder / FILENAME
        if not path.exists() and not path.is_symlink():
            return cls(folder)
        raw = load_json(read_text(path, "suppressions file"), path)
        try:
            if not isinstance(raw, list):
                raise TypeError("expected a list of dismissals")
            for number, item in enumerate(raw, start=1):
                _refuse_malformed(item, number)
            entries = [Suppression(**item) for item in raw]
            for number, entry in enumerate(entries, start=1):
                if entry.scope not in (OCCURRENCE, TEXT):  # any other was taken as "text": every occurrence hidden
                    raise ValueError(f"dismissal {number} has scope {entry.scope!r}, not {OCCURRENCE!r} or {TEXT!r}")
        except (ValueError, TypeError) as exc:
            raise InputError(f"malformed suppressions file: {exc}", str(path)) from None
        return cls(folder, entries)

    def keys(self) -> set[tuple[str, ...]]:
        return {s.key for s in self.entries}

    def filter(self, file: str | Path, findings: list[Finding], text: str | None = None) -> list[Finding]:
        """Drop suppressed findings. Without the article `text`, only every-occurrence entries apply."""
        self.checked.add(file.name if isinstance(file, Path) else Path(file).name)  # (check's job passes its Path)
        if not self.entries:
            return list(findings)  # nothing dismissed in this folder: no keys to work out per finding
        keys = self.keys()
        kept = []
        for f in findings:
            hit = next((k for k in finding_keys(file, f, text) if k in keys), None)
            if hit is not None:
                self.used.add(hit)
            else:
                kept.append(f)
        return kept

    def unused(self) -> list[Suppression]:
        """Dismissals for files that were checked whose finding no longer occurs."""
        return [s for s in self.entries if s.file in self.checked and s.key not in self.used]

    def merge(self, file: str | Path, wanted: dict[tuple[str, ...], Suppression]) -> None:
        """Make the entries for `file` exactly `wanted`; other files' entries are kept."""
        name = Path(file).name
        # the other files' entries as they are on disk now, not as read at open: another session in this
        # folder (on another article) may have saved its dismissals since, and a copy written from the
        # one read then dropped them. A file broken since is refused by load (one line), not written over.
        now = SuppressionStore.load(self.folder).entries
        others = [s for s in now if s.file != name]
        self.entries = others + sorted(wanted.values(), key=lambda s: (s.code, s.text, s.scope, s.before))
        if self.entries or self.path.exists():
            rows = [{k: v for k, v in asdict(s).items() if v or k in ("file", "code", "text", "scope")}
                    for s in self.entries]
            # a file kept in a Windows editor keeps its CRLF line ends and its byte-order mark: it was
            # written anew, LF and no mark, every line changed (JSON escapes a line break inside a
            # string, so each "\n" of the dump is a line end)
            end, bom = _style(self.path)
            write_atomic(self.path, (json.dumps(rows, ensure_ascii=False, indent=1) + "\n").replace("\n", end), bom=bom)


def _style(path: Path) -> tuple[str, bool]:
    """The first line end of the file as it is (CRLF, LF or a lone CR; LF for a new file) and whether
    it opens with a UTF-8 byte-order mark."""
    from audit.core.fileio import BOM
    from audit.core.lines import LINE_END

    try:
        raw = path.read_bytes()
    except OSError:
        return "\n", False
    text = raw.decode("utf-8", "replace")
    m = LINE_END.search(text)
    return (m.group() if m else "\n"), raw.startswith(BOM)
