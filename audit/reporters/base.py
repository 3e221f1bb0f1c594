from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from audit.core.findings import Finding


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    fixed: int = 0


class Reporter:
    name: ClassVar[str]
    # Machine formats keep stdout pure; the signature then goes to stderr.
    prints_signature: ClassVar[bool] = False

    def __init__(self, signature: str, unsafe_fixes: bool = False):
        self.signature = signature
        self.unsafe_fixes = unsafe_fixes  # unsafe fixes are enabled: none is "hidden"
        self._results: list[FileResult] = []

    def render(self, results: list[FileResult]) -> str:
        """The whole report at once: what `start`, `add` for each result, and `finish` write."""
        self._results = []
        return self.start() + "".join([self.add(r) for r in results]) + self.finish()

    # Streaming: `jaanch check` writes each file's part as soon as the file is done, so memory
    # stays flat over an archive. Formats that are one document (SARIF, JUnit) keep the
    # results and write everything in `finish`; line formats override all three.
    def start(self) -> str:
        return ""

    def add(self, result: FileResult) -> str:
        self._results.append(result)
        return ""

    def parts(self, result: FileResult) -> Iterator[str]:
        """`add(result)` in pieces, so one huge file's report is never one string in memory
        (a 50 MB article has hundreds of thousands of findings); line formats override it."""
        yield self.add(result)

    def finish(self) -> str:
        return self.render_all(self._results)

    def render_all(self, results: list[FileResult]) -> str:
        raise NotImplementedError
