"""Baselines: adopt the lint on an archive and see only findings that are new since.

A finding is matched by (file, code, flagged text), counted, so moving text around does not
resurrect old findings, and one more occurrence of a known artifact is still reported.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from audit import __version__
from audit.core.errors import InputError
from audit.core.fileio import read_text, write_atomic
from audit.core.jsonfile import load_json
from audit.core.findings import Finding


def _key(base: Path, finding: Finding) -> tuple[str, str, str]:
    try:
        path = Path(finding.path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        path = Path(finding.path).as_posix()
    return (path, finding.code, finding.text)


def write_baseline(path: Path, findings: list[Finding]) -> int:
    counts = Counter(_key(path.parent, f) for f in findings)
    entries = [{"path": p, "code": c, "text": t, "count": n} for (p, c, t), n in sorted(counts.items())]
    write_atomic(path, json.dumps({"jaanch": __version__, "findings": entries}, ensure_ascii=False, indent=1) + "\n")
    return len(findings)


class Baseline:
    def __init__(self, path: Path):
        self.path = path
        if not path.exists() and not path.is_symlink():
            raise InputError("no such baseline file (create it with --write-baseline)", str(path))
        data = load_json(read_text(path, "baseline"), path)
        entries = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise InputError("malformed baseline (no list of 'findings'); write a new one with --write-baseline",
                             str(path))
        self.remaining = Counter()
        for number, e in enumerate(entries, start=1):
            if not (isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("path", "code", "text"))
                    and type(e.get("count")) is int and e["count"] >= 1):  # a bool is no count; 1e999 is a float
                raise InputError(f"malformed baseline (finding {number} needs string path, code and text and a "
                                 "whole count of 1 or more); write a new one with --write-baseline", str(path))
            self.remaining[(e["path"], e["code"], e["text"])] += e["count"]

    def filter(self, findings: list[Finding]) -> list[Finding]:
        new = []
        for f in findings:
            key = _key(self.path.parent, f)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
            else:
                new.append(f)
        return new

    def unused(self) -> int:
        return sum(n for n in self.remaining.values() if n > 0)
