"""Widgets that display a session. They post no engine calls; the app feeds them data.

Each widget updates in place: an accept changes a line or two of the article, and only those
are re-wrapped and redrawn (the findings list, `tui/table.py`, does the same for its rows).
"""

from __future__ import annotations

import bisect

import wcwidth

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from audit.core.lines import LineIndex
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
    """At most `width` characters, cut between grapheme clusters (never between a consonant and its sign)."""
    text = text.replace("\n", " ")
    if len(text) <= width:
        return text
    out = ""
    for cluster in wcwidth.iter_graphemes(text):
        if len(out) + len(cluster) > width - 1:
            break
        out += cluster
    return out + "…"


def reads_now(text: str, original: str, note: str) -> str:
    """What an accepted or edited finding's span reads now: its text (a fix of part of it keeps the
    rest: `रुपये , → रुपये,`, where the replacement alone said `(delete)`), or the replacement where
    the span itself did not change (a fix outside it)."""
    return (text if text != original else note) or "(delete)"


def around(text: str, a: int, b: int, start: int, end: int, before: int = 30, after: int = 60) -> tuple[int, int]:
    """The part of text[a:b] from about `before` characters ahead of text[start:end] to about
    `after` past it, cut at spaces (the finding on the first row of an 80x24 detail pane), when it is long:
    a finding's context is its sentence, or its whole line when it spans sentences (600
    characters on a real page, more than a small detail pane shows, the finding past its end)."""
    if b - a <= 2 * (before + after):
        return a, b  # a sentence of a few rows is shown whole
    lo, hi = max(a, start - before), min(b, end + after)
    if lo > a:
        space = text.find(" ", lo, start)
        lo = a if space < 0 else space + 1
    if hi < b:
        space = text.rfind(" ", end, hi)
        hi = b if space < 0 else space
    return lo, hi


class ArticleView(ScrollView, can_focus=False):
    """The article, open findings highlighted by category colour, drawn line by line on demand.

    Each paragraph is wrapped once (at spaces) and cached; a decision re-wraps only the lines it
    changed, and only the rows on screen are rendered, so a 14,000-word article costs no more
    per keypress than a short one. A click on a line posts `LineClicked`.
    """

    class LineClicked(Message):
        def __init__(self, line: int):
            super().__init__()
            self.line = line

    def on_mount(self) -> None:
        self._texts: list[Text] = []
        self._keys: list[tuple] = []
        self._wrapped: list[list[Strip] | None] = []
        self._rows: list[int] = [0]  # first row of each line, and the total at the end
        self._shown: tuple = (None, None, None)  # the text, items and selection on screen
        self._lines: list[str] = []
        self._marks: list[list[tuple]] = []
        self._spans: dict[int, tuple] = {}
        self._width = 0
        self._starts: list[list[int] | None] = []  # each wrapped line's row starts (offsets in the line)
        self._want: tuple[int, int] | None = None  # the (line, offset) the selection asks to keep in view
        self.gap = 1  # blank rows between paragraphs

    def set_gap(self, gap: int) -> None:
        if gap != self.gap:
            self.gap = gap
            self._relayout()

    def show(self, text: str, items: tuple[Item, ...], selected: int | None) -> None:
        if text is not self._shown[0] or items is not self._shown[1]:
            self._index(text, items)
            todo = range(len(self._lines))
        else:  # only the selection moved: the lines of the finding it left and of the one it reached
            todo = sorted({*self._lines_of(self._shown[2]), *self._lines_of(selected)})
        self._shown = (text, items, selected)
        lines, marks = self._lines, self._marks
        hidden = self._spans.get(selected)  # a dismissed or resolved finding shows while selected
        hidden = hidden if hidden is not None and hidden[2] else None
        del self._texts[len(lines):], self._keys[len(lines):], self._wrapped[len(lines):]
        changed: list[int] = []
        for n in todo:
            line, on_line = lines[n], marks[n]
            if hidden is not None and hidden[0] <= n <= hidden[1]:
                on_line = sorted(on_line + [hidden[3][n - hidden[0]]])
            key = (line, tuple(on_line), selected if any(m[4] == selected for m in on_line) else None)
            if n < len(self._keys):
                if self._keys[n] == key:
                    continue
                self._keys[n], self._texts[n], self._wrapped[n] = key, self._line_text(line, on_line, selected), None
            else:
                self._keys.append(key)
                self._texts.append(self._line_text(line, on_line, selected))
                self._wrapped.append(None)
            changed.append(n)
        rows = self._rows
        if len(rows) != len(lines) + 1 or any(len(self._wrap(n)) != rows[n + 1] - rows[n] for n in changed):
            self._relayout()
            return
        # Every line kept its height: repaint just the changed lines that are on screen.
        top, bottom = self.scroll_offset.y, self.scroll_offset.y + self.size.height
        for n in changed:
            if rows[n] < bottom and rows[n + 1] > top:
                self.refresh_lines(rows[n], rows[n + 1] - rows[n])

    def _index(self, text: str, items: tuple[Item, ...]) -> None:
        """Each line's marks (offsets from the line's start, so an edit above a line leaves it as it
        was) and each item's first and last line: a selection move then touches two findings' lines."""
        index = LineIndex(text)  # lines as `check` numbers them: a lone "\r" ends one too
        starts = index.starts
        lines = [index.line_text(n) for n in range(1, len(index) + 1)]
        marks: list[list[tuple]] = [[] for _ in lines]
        spans: dict[int, tuple] = {}
        last_line = len(lines) - 1
        for item in items:
            f = item.finding
            first = max(bisect.bisect_right(starts, f.start) - 1, 0)
            last = min(bisect.bisect_right(starts, max(f.start, f.end - 1)) - 1, last_line)
            own = [(f.start - starts[n], f.end - starts[n], f.category, item.state, item.id)
                   for n in range(first, last + 1)]
            shown = item.state in (OPEN, ACCEPTED, EDITED)
            spans[item.id] = (first, last, not shown, own)
            if shown:
                for n, mark in zip(range(first, last + 1), own):
                    marks[n].append(mark)
        self._lines, self._marks, self._spans = lines, marks, spans

    def _lines_of(self, item_id: int | None) -> range:
        span = self._spans.get(item_id)
        return range(0) if span is None else range(span[0], span[1] + 1)

    def _wrap(self, n: int) -> list[Strip]:
        strips = self._wrapped[n]
        if strips is None:
            console = self.app.console
            width = max(self._width, 1)
            wrapped = self._texts[n].wrap(console, width, overflow="fold") if self._texts[n].plain else [Text()]
            strips = [Strip(line.render(console)).adjust_cell_length(width) for line in wrapped]
            strips += [Strip.blank(width)] * (self.gap if n + 1 < len(self._texts) else 0)
            self._wrapped[n] = strips
            starts = [0]
            for line in wrapped[:-1]:
                starts.append(starts[-1] + len(line.plain))
            del self._starts[len(self._wrapped):]
            self._starts += [None] * (len(self._wrapped) - len(self._starts))
            self._starts[n] = starts
        return strips

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._wrapped = [None] * len(self._texts)
        if self.gap != getattr(self, "_laid_gap", self.gap):
            self._wrapped = [None] * len(self._texts)
        self._laid_gap = self.gap
        rows = [0]
        for n in range(len(self._texts)):
            rows.append(rows[-1] + len(self._wrap(n)))
        self._rows = rows
        self.virtual_size = Size(width, rows[-1])
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._texts:
            self._relayout()
            if self._want is not None:  # the rows moved under the selection: bring it back
                self.scroll_to_line(*self._want)

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        n = bisect.bisect_right(self._rows, row) - 1
        if not (0 <= n < len(self._texts)):
            return Strip.blank(self.size.width)
        strips = self._wrap(n)
        return strips[row - self._rows[n]] if row - self._rows[n] < len(strips) else Strip.blank(self._width)

    def line_at(self, row: int) -> int:
        """The 1-based article line drawn on a screen row of this widget."""
        return bisect.bisect_right(self._rows, self.scroll_offset.y + row) - 1 + 1

    def row_of(self, line: int) -> int:
        return self._rows[line - 1] if 0 < line <= len(self._texts) else 0

    def on_click(self, event: events.Click) -> None:
        line = self.line_at(event.y)
        if 0 < line <= len(self._texts):
            self.post_message(self.LineClicked(line))

    @staticmethod
    def _line_text(line: str, marks: list[tuple], selected: int | None) -> Text:
        text = Text(line)
        for start, end, category, state, item_id in marks:
            chosen = item_id == selected
            style = Style.parse(DECIDED_STYLE if state in (ACCEPTED, EDITED) else
                                CATEGORY_STYLES.get(category, "bold underline"))
            if chosen:
                style += Style(reverse=True)
            text.stylize(style, max(start, 0), min(end, len(line)))
        return text

    def scroll_to_line(self, line: int, offset: int = 0) -> None:
        """Bring the row holding `offset` (a str index in the line) into view: the paragraph's top
        a third of the way down when that shows it, else that row a third of the way down (a finding
        at the end of a long one-line paragraph was below a small pane)."""
        if not 0 < line <= len(self._texts):
            return
        self._want = (line, offset)
        if not self._width or len(self._rows) != len(self._texts) + 1:
            return  # not laid out yet: the resize that lays it out comes back here
        self._wrap(line - 1)
        top = self._rows[line - 1]
        row = top + bisect.bisect_right(self._starts[line - 1], offset) - 1
        height = self.size.height
        if self.scroll_offset.y <= row < self.scroll_offset.y + height - 1:
            return
        y = top - height // 3 if row - (top - height // 3) < height - 1 else row - height // 3
        self.scroll_to(y=max(0, y), animate=False, immediate=True)


class DetailPane(Static):
    def show(self, text: str, item: Item | None, sentence: tuple[int, int] | None, source: str | None = None,
             none: str = "Nothing to show: no finding matches the filter.") -> None:
        if item is None:
            self.update(Text(none, style="bold green"), layout=False)
            return
        finding = item.finding
        out = Text()
        out.append(f"{finding.code} {finding.rule}", style="bold")
        out.append(f"  {STATE_LABEL[item.state]} · {finding.severity.label} · {finding.category} · "
                   f"line {finding.line}:{finding.column} · confidence {finding.confidence:.2f}\n", style="dim")
        out.append(finding.message + "\n")
        if item.state in (ACCEPTED, EDITED):
            out.append(f"{item.state}: ", style="bold")
            out.append(f"{item.original} → {reads_now(finding.text, item.original, item.note)}\n")
        elif finding.fixes:
            out.append("suggestions: ", style="bold")
            out.append("   ".join(f"{i + 1}) {finding.fixed_text(fix) or '(delete)'}"
                                  for i, fix in enumerate(finding.fixes)) + "\n")
        if item.state == "dismissed" and item.note:
            out.append("dismissed: ", style="bold")
            out.append(item.note + "\n")
        if sentence:
            a, b = around(text, *sentence, finding.start, finding.end)
            lead = "…" if a > sentence[0] else ""
            context = Text(lead + text[a:b] + ("…" if b < sentence[1] else ""))
            at = finding.start - a + len(lead)
            context.stylize(CATEGORY_STYLES.get(finding.category, "bold"), at, at + finding.end - finding.start)
            out.append("in context: ", style="bold")
            out.append_text(context)
        if source:
            out.append("\nEnglish: ", style="bold")
            out.append(source)
        self.update(out, layout=False)  # the pane's height is fixed in app.tcss
