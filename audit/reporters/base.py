from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from audit.core.findings import Finding, Severity

# A file with more findings than this travels as its findings, written out piece by piece by the
# parent (`parts`), so one huge article's report is never one string in memory.
RENDER_AT_MOST = 2_000


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    fixed: int = 0


class RenderedResult:
    """One file's part of the report, written where the file was checked (a `--jobs` worker): the
    parent then only writes it in input order, instead of unpickling every finding and rendering
    it while the workers wait for the cores. `tally` is what the reporter's summary counts.
    `text` is UTF-8 bytes (see `utf8`), or a str where it cannot be encoded as it stands."""

    __slots__ = ("path", "fixed", "worst", "text", "tally")

    def __init__(self, path: str, fixed: int, worst: Severity | None, text: str, tally: tuple):
        self.path, self.fixed, self.worst, self.text, self.tally = path, fixed, worst, text, tally

    def __reduce__(self):
        return RenderedResult, (self.path, self.fixed, self.worst, self.text, self.tally)


def worst_severity(findings: list[Finding]) -> Severity | None:
    return max([f.severity for f in findings], default=None)


def utf8(text: str | bytes) -> bytes | str:
    """A file's report text as UTF-8, encoded where it was written: the parent only copies the bytes
    to standard output (decoding the pickled text and encoding it again for the stream were most of
    its work per file, on the cores the workers need). A text with a lone surrogate (a JSON escape in
    the input, a file name that is not UTF-8) stays a str, for the stream's own error handler. Bytes
    (a reporter that wrote UTF-8 itself) pass as they are."""
    if text.__class__ is bytes:
        return text
    try:
        return text.encode()
    except UnicodeEncodeError:
        return text


def prefixed(prefix: str, text: bytes | str) -> bytes | str:
    """`prefix + text` in the type of `text` (a rendered file's bytes, or its str)."""
    return prefix + text if text.__class__ is str else prefix.encode() + text


def as_str(text: bytes | str) -> str:
    return text if text.__class__ is str else text.decode()


class FileRenderer:
    """What a worker runs on each file's result (picklable: a reporter class and the one option
    its text depends on); a file with many findings is passed back as it is."""

    def __init__(self, reporter: type["Reporter"], unsafe_fixes: bool):
        self.reporter, self.unsafe_fixes = reporter, unsafe_fixes

    def __call__(self, result: FileResult) -> FileResult | RenderedResult:
        if len(result.findings) > RENDER_AT_MOST:
            return result
        text, tally = self.reporter.render_file(result, self.unsafe_fixes)
        return RenderedResult(result.path, result.fixed, worst_severity(result.findings), utf8(text), tally)


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

    # Rendering where the file is checked: a format whose text for one file does not depend on the
    # others (only on a count, or on summary totals) writes it in `render_file`, and the parent
    # passes it through `take`; output is byte for byte what `parts` would have written.
    def file_renderer(self) -> FileRenderer | None:
        """A picklable callable rendering one file's result, or None where the format cannot (it
        does not define `render_file`)."""
        if type(self).render_file.__func__ is Reporter.render_file.__func__:
            return None
        return FileRenderer(type(self), self.unsafe_fixes)

    @classmethod
    def render_file(cls, result: FileResult, unsafe_fixes: bool) -> tuple[str, tuple]:
        raise NotImplementedError

    def take(self, rendered: RenderedResult) -> Iterator[bytes | str]:
        """The parts to write for a rendered file: its text (bytes or str, as it came) and what
        goes around it."""
        raise NotImplementedError

    def render_all(self, results: list[FileResult]) -> str:
        raise NotImplementedError
