from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from audit.core.errors import printable_name
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Severity, hidden_fixes
from audit.reporters.base import FileResult, RenderedResult, Reporter

# ruff marks what --fix would apply; the same idea, in words an editor reads.
_MARK = {UNSAFE: " (unsafe fix)", DISPLAY_ONLY: " (hint)"}
_LABELS = {severity: severity.label for severity in Severity}


_one_line = printable_name  # a file name as the error lines write it (a line break, an escape sequence)


class TextReporter(Reporter):
    """`path:line:col: CODE severity message  [text → suggestion]`, then a summary and the signature."""

    name = "text"
    prints_signature = True

    def start(self) -> str:
        self._by_severity: Counter[str] = Counter()
        self._files = 0
        self._hidden = 0
        return ""

    def add(self, result: FileResult) -> str:
        return "".join(self.parts(result))

    def parts(self, result: FileResult) -> Iterator[str]:
        self._files += 1
        by_severity = self._by_severity
        for f in result.findings:
            label = _LABELS.get(f.severity) or f.severity.label  # the enum's label property, looked up
            by_severity[label] += 1
            fixes = f.fixes
            if fixes:  # the flagged text as the first fix leaves it (or a deletion), and how far it can be trusted
                first = fixes[0]
                after = f.fixed_text(first)
                fix = (f" → '{after}'" if after else " → delete") + _MARK.get(first.applicability, "")
            else:
                fix = ""
            yield f"{_one_line(f.path)}:{f.line}:{f.column}: {f.code} {label} [{f.rule}] {f.message}  ['{f.text}'{fix}]\n"
        if not self.unsafe_fixes:
            self._hidden += hidden_fixes(result.findings)
        if result.fixed:
            yield f"{_one_line(result.path)}: applied {result.fixed} fixes\n"

    @classmethod
    def render_file(cls, result: FileResult, unsafe_fixes: bool) -> tuple[str, tuple]:
        """The file's lines as `parts` writes them; the tally is its findings by severity and its hidden fixes."""
        reporter = cls("", unsafe_fixes)
        reporter.start()
        text = "".join(reporter.parts(result))
        return text, (tuple(reporter._by_severity.items()), reporter._hidden)

    def take(self, rendered: RenderedResult) -> Iterator[bytes | str]:
        self._files += 1
        by_severity, hidden = rendered.tally
        for label, count in by_severity:
            self._by_severity[label] += count
        self._hidden += hidden
        if rendered.text:
            yield rendered.text

    def finish(self) -> str:
        by_severity = self._by_severity
        total = sum(by_severity.values())
        detail = ", ".join(f"{by_severity[s]} {s}" for s in ("error", "warning", "info") if by_severity[s])
        lines = [f"{counted(total, 'finding')} in {counted(self._files, 'file')}" + (f" ({detail})" if detail else "")]
        if self._hidden:
            lines.append(f"{counted(self._hidden, 'hidden fix', 'hidden fixes')} can be enabled with --unsafe-fixes")
        lines.append(self.signature)
        return "".join(line + "\n" for line in lines)


def counted(n: int, one: str, many: str | None = None) -> str:
    """`1 finding`, `2 findings`: the summary line reads as English."""
    return f"{n} {one if n == 1 else many or one + 's'}"
