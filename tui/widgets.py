"""Widgets that display a session. They post no engine calls; the app feeds them data.

Each widget updates in place: an accept changes a line or two of the article and a few rows
of the table, and only those are redrawn (a 14,000-word article has 1,500 rows).
"""

from __future__ import annotations

import bisect

from rich.style import Style
from rich.text import Text
from textual import events
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from audit.review.items import ACCEPTED, EDITED, OPEN, Item

CATEGORY_STYLES = {
    "terminology": "bold #ffaf00 underline",
    "sense": "bold #ff5fd7 underline",
    "anglicism": "bold #5fd7ff underline",
    "repetition": "bold #ff5f5f underline",
    "formatting": "bold #d7d700 underline",
    "qe": "bold #87afff underline",
}
DECIDED_STYLE = "#5fd75f"
SEVERITY_MARK = {"error": "E", "warning": "W", "info": "i"}
STATE_LABEL = {"open": "open", "accepted": "accepted", "edited": "edited", "dismissed": "dismissed",
               "resolved": "resolved"}


def shorten(text: str, width: int = 28) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


class ArticleView(VerticalScroll):
    """The article, one Static per line, open findings highlighted by category colour.

    A click on a line posts `LineClicked`; the app selects the next finding on that line.
    """

    class LineClicked(Message):
        def __init__(self, line: int):
            super().__init__()
            self.line = line

    def on_click(self, event: events.Click) -> None:
        widget = event.widget
        if widget in self._widgets:
            self.post_message(self.LineClicked(self._widgets.index(widget) + 1))

    def on_mount(self) -> None:
        self._widgets: list[Static] = []
        self._keys: list[tuple] = []

    def show(self, text: str, items: tuple[Item, ...], selected: int | None) -> None:
        lines = text.split("\n")
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        on_line: list[list[tuple]] = [[] for _ in lines]
        for item in items:
            f = item.finding
            if item.state not in (OPEN, ACCEPTED, EDITED) and item.id != selected:
                continue
            first = bisect.bisect_right(starts, f.start) - 1
            last = bisect.bisect_right(starts, max(f.start, f.end - 1)) - 1
            mark = (f.start, f.end, f.category, item.state, item.id == selected)
            for n in range(max(first, 0), min(last, len(lines) - 1) + 1):
                on_line[n].append(mark)
        fresh: list[Static] = []
        for n, line in enumerate(lines):
            key = (line, starts[n], tuple(on_line[n]))
            if n < len(self._widgets):
                if self._keys[n] != key:
                    self._widgets[n].update(self._line_text(line, starts[n], on_line[n]))
                    self._keys[n] = key
            else:
                widget = Static(self._line_text(line, starts[n], on_line[n]), classes="line")
                fresh.append(widget)
                self._widgets.append(widget)
                self._keys.append(key)
        if fresh:
            self.mount_all(fresh)
        for widget in self._widgets[len(lines):]:
            widget.remove()
        del self._widgets[len(lines):], self._keys[len(lines):]

    @staticmethod
    def _line_text(line: str, base: int, marks: list[tuple]) -> Text:
        text = Text(line)
        for start, end, category, state, chosen in marks:
            style = Style.parse(DECIDED_STYLE if state in (ACCEPTED, EDITED) else
                                CATEGORY_STYLES.get(category, "bold underline"))
            if chosen:
                style += Style(reverse=True)
            text.stylize(style, max(start, base) - base, min(end, base + len(line)) - base)
        return text

    def scroll_to_line(self, line: int) -> None:
        if 0 < line <= len(self._widgets):
            self.scroll_to_center(self._widgets[line - 1], animate=False)


class FindingsTable(DataTable):
    """One row per item; rows are keyed by item id and updated cell by cell."""

    COLUMNS = ("line", "state", "code", "sev", "flagged", "suggestion")

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for name in self.COLUMNS:
            self.add_column(name, key=name)
        self._rows: dict[int, tuple] = {}
        self._order: list[int] = []

    @staticmethod
    def row(item: Item) -> tuple:
        f = item.finding
        if item.state in (ACCEPTED, EDITED):
            flagged, suggestion = shorten(item.original or f.text, 22), "→ " + shorten(item.note or "(delete)", 18)
        else:
            flagged = shorten(f.text, 22)
            suggestion = ("(delete)" if not f.suggestions[0] else shorten(f.suggestions[0], 20)) if f.fixes else ""
        return (str(f.line), STATE_LABEL[item.state], f.code, SEVERITY_MARK[f.severity.label], flagged, suggestion)

    def show(self, items: list[Item], selected: int | None) -> None:
        order = [i.id for i in items]
        rows = {i.id: self.row(i) for i in items}
        if order != self._order:
            self.clear()
            for item_id in order:
                self.add_row(*rows[item_id], key=str(item_id))
            self._order = order
        else:
            for item_id in order:
                old, new = self._rows.get(item_id), rows[item_id]
                if old != new:
                    for column, (a, b) in zip(self.COLUMNS, zip(old or (None,) * len(new), new)):
                        if a != b:
                            self.update_cell(str(item_id), column, b)
        self._rows = rows
        self.select(selected)

    def select(self, item_id: int | None) -> None:
        if item_id is None or item_id not in self._rows:
            return
        index = self._order.index(item_id)
        if self.cursor_row != index:
            self.move_cursor(row=index, animate=False)

    def id_at(self, row: int) -> int | None:
        return self._order[row] if 0 <= row < len(self._order) else None


class DetailPane(Static):
    def show(self, text: str, item: Item | None, sentence: tuple[int, int] | None, source: str | None = None) -> None:
        if item is None:
            self.update(Text("Nothing to show: no finding matches the filter.", style="bold green"))
            return
        finding = item.finding
        out = Text()
        out.append(f"{finding.code} {finding.rule}", style="bold")
        out.append(f"  {STATE_LABEL[item.state]} · {finding.severity.label} · {finding.category} · "
                   f"line {finding.line}:{finding.column} · confidence {finding.confidence:.2f}\n", style="dim")
        out.append(finding.message + "\n")
        if item.state in (ACCEPTED, EDITED):
            out.append(f"{item.state}: ", style="bold")
            out.append(f"{item.original} → {item.note or '(delete)'}\n")
        elif finding.fixes:
            out.append("suggestions: ", style="bold")
            out.append("   ".join(f"{i + 1}) {s or '(delete)'}" for i, s in enumerate(finding.suggestions)) + "\n")
        if item.state == "dismissed" and item.note:
            out.append("dismissed: ", style="bold")
            out.append(item.note + "\n")
        if sentence:
            a, b = sentence
            context = Text(text[a:b])
            context.stylize(CATEGORY_STYLES.get(finding.category, "bold"), finding.start - a, finding.end - a)
            out.append("in context: ", style="bold")
            out.append_text(context)
        if source:
            out.append("\nEnglish: ", style="bold")
            out.append(source)
        self.update(out)
