"""Widgets that display a session. They post no engine calls; the app feeds them data."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from audit.core.findings import Finding

CATEGORY_STYLES = {
    "terminology": "bold #ffaf00 underline",
    "sense": "bold #ff5fd7 underline",
    "anglicism": "bold #5fd7ff underline",
    "repetition": "bold #ff5f5f underline",
    "formatting": "bold #d7d700 underline",
    "qe": "bold #87afff underline",
}
SEVERITY_MARK = {"error": "E", "warning": "W", "info": "i"}


def _shorten(text: str, width: int = 28) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


class ArticleView(VerticalScroll):
    """The article, one Static per line, findings highlighted by category colour.

    A click on a line posts `LineClicked`; the app selects the next finding on that line.
    (Per-span click actions would be styled as links, which would hide the category colours.)
    """

    class LineClicked(Message):
        def __init__(self, line: int):
            super().__init__()
            self.line = line

    def on_click(self, event: events.Click) -> None:
        widget = event.widget
        lines = list(self.query(Static))
        if widget in lines:
            self.post_message(self.LineClicked(lines.index(widget) + 1))

    def on_mount(self) -> None:
        self._lines: list[str] = []
        self._starts: list[int] = []
        self._findings: list[Finding] = []
        self._by_line: dict[int, list[int]] = {}
        self._selected: int | None = None

    def show(self, text: str, findings: list[Finding], selected: int | None) -> None:
        self._lines = text.split("\n")
        self._starts, pos = [], 0
        for line in self._lines:
            self._starts.append(pos)
            pos += len(line) + 1
        self._findings, self._selected = findings, selected
        self._by_line = {}
        for index, f in enumerate(findings):
            for n in range(f.line - 1, f.end_line):
                self._by_line.setdefault(n, []).append(index)
        existing = list(self.query(Static))
        fresh: list[Static] = []
        for n in range(len(self._lines)):
            rendered = self._render_line(n)
            if n < len(existing):
                # An accept changes a line or two: leave the other widgets alone (no relayout).
                if existing[n].content != rendered:
                    existing[n].update(rendered)
            else:
                fresh.append(Static(rendered, classes="line"))
        if fresh:
            self.mount_all(fresh)
        for widget in existing[len(self._lines):]:
            widget.remove()

    def reselect(self, findings: list[Finding], old: int | None, new: int) -> None:
        """Move the selection highlight, re-rendering only the lines it touches."""
        self._selected = new
        widgets = list(self.query(Static))
        touched = set()
        for index in (old, new):
            if index is not None and index < len(findings):
                touched.update(range(findings[index].line - 1, findings[index].end_line))
        for n in touched:
            if n < len(widgets):
                widgets[n].update(self._render_line(n))

    def _render_line(self, n: int) -> Text:
        line, base = self._lines[n], self._starts[n]
        text = Text(line)
        for index in self._by_line.get(n, ()):
            f = self._findings[index]
            style = Style.parse(CATEGORY_STYLES.get(f.category, "bold underline"))
            if index == self._selected:
                style += Style(reverse=True)
            a = max(f.start, base) - base
            b = min(f.end, base + len(line)) - base
            text.stylize(style, a, b)
        return text

    def scroll_to_line(self, line: int) -> None:
        lines = list(self.query(Static))
        if 0 < line <= len(lines):
            self.scroll_to_center(lines[line - 1], animate=False)


class FindingsTable(DataTable):
    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns("line", "code", "sev", "category", "flagged", "suggestion")

    def show(self, findings: list[Finding], selected: int | None) -> None:
        self.clear()
        rows = []
        for f in findings:
            suggestion = ("(delete)" if not f.suggestions[0] else _shorten(f.suggestions[0], 20)) if f.fixes else ""
            rows.append((str(f.line), f.code, SEVERITY_MARK[f.severity.label], f.category, _shorten(f.text), suggestion))
        self.add_rows(rows)
        if selected is not None and findings:
            self.move_cursor(row=selected, animate=False)


class DetailPane(Static):
    def show(self, text: str, finding: Finding | None, sentence: tuple[int, int] | None) -> None:
        if finding is None:
            self.update(Text("No findings left in this file.", style="bold green"))
            return
        out = Text()
        out.append(f"{finding.code} {finding.rule}", style="bold")
        out.append(f"  {finding.severity.label} · {finding.category} · line {finding.line}:{finding.column}"
                   f" · confidence {finding.confidence:.2f}\n", style="dim")
        out.append(finding.message + "\n")
        if finding.fixes:
            out.append("suggestions: ", style="bold")
            out.append("   ".join(f"{i + 1}) {s or '(delete)'}" for i, s in enumerate(finding.suggestions)) + "\n")
        if sentence:
            a, b = sentence
            context = Text(text[a:b])
            context.stylize(CATEGORY_STYLES.get(finding.category, "bold"), finding.start - a, finding.end - a)
            out.append("in context: ", style="bold")
            out.append_text(context)
        self.update(out)
