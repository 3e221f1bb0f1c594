from __future__ import annotations

from collections.abc import Iterator

from audit.reporters.base import FileResult, RenderedResult, Reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: one `::warning file=…,line=…::message` per finding."""

    name = "github"

    def add(self, result: FileResult) -> str:
        out = []
        for f in result.findings:
            props = ",".join([
                f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}",
                f"endLine={f.end_line}", f"endColumn={f.end_column}",
                f"title={_escape_property(f'{f.code} {f.rule}')}",
            ])
            out.append(f"::{_LEVEL[f.severity.label]} {props}::{_escape_data(f.message)}")
        return "".join(line + "\n" for line in out)

    @classmethod
    def render_file(cls, result: FileResult, unsafe_fixes: bool) -> tuple[str, tuple]:
        return cls("", unsafe_fixes).add(result), ()

    def take(self, rendered: RenderedResult) -> Iterator[bytes | str]:
        if rendered.text:
            yield rendered.text

    def finish(self) -> str:
        return ""
