"""Dismissed findings, kept beside the articles so the CLI never shows the same false alarm twice.

One file per folder, `.jaanch-suppressions.json`: a finding is suppressed when its file name,
check code and flagged text all match an entry (the review TUI writes them on save).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from audit.core.errors import InputError
from audit.core.fileio import write_atomic
from audit.core.findings import Finding

FILENAME = ".jaanch-suppressions.json"


@dataclass(frozen=True)
class Suppression:
    file: str
    code: str
    text: str
    reason: str = ""
    time: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.file, self.code, self.text)


def finding_key(file: str | Path, finding: Finding) -> tuple[str, str, str]:
    return (Path(file).name, finding.code, finding.text)


class SuppressionStore:
    def __init__(self, folder: Path, entries: list[Suppression] | None = None):
        self.folder = folder
        self.entries = entries or []
        self.used: set[tuple[str, str, str]] = set()
        self.checked: set[str] = set()

    @property
    def path(self) -> Path:
        return self.folder / FILENAME

    @classmethod
    def load(cls, folder: str | Path) -> "SuppressionStore":
        folder = Path(folder)
        path = folder / FILENAME
        if not path.exists():
            return cls(folder)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            entries = [Suppression(**item) for item in raw]
        except (ValueError, TypeError) as exc:
            raise InputError(f"malformed suppressions file: {exc}", str(path)) from None
        return cls(folder, entries)

    def keys(self) -> set[tuple[str, str, str]]:
        return {s.key for s in self.entries}

    def filter(self, file: str | Path, findings: list[Finding]) -> list[Finding]:
        keys = self.keys()
        self.checked.add(Path(file).name)
        kept = []
        for f in findings:
            key = finding_key(file, f)
            if key in keys:
                self.used.add(key)
            else:
                kept.append(f)
        return kept

    def unused(self) -> list[Suppression]:
        """Dismissals for files that were checked whose finding no longer occurs."""
        return [s for s in self.entries if s.file in self.checked and s.key not in self.used]

    def merge(self, file: str | Path, wanted: dict[tuple[str, str, str], Suppression]) -> None:
        """Make the entries for `file` exactly `wanted`; other files' entries are kept."""
        name = Path(file).name
        others = [s for s in self.entries if s.file != name]
        self.entries = others + sorted(wanted.values(), key=lambda s: (s.code, s.text))
        if self.entries or self.path.exists():
            write_atomic(self.path, json.dumps([asdict(s) for s in self.entries], ensure_ascii=False, indent=1) + "\n")
