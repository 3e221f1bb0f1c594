"""The findings list: one row per review item, drawn with Textual's Line API.

Textual's DataTable keys all its render caches on one table-wide update counter, so a single
`update_cell` re-renders every visible cell through Rich (measured: 0.1 to 0.4 s per accept on a
45-row list, most of an accept's time). Here each row is one pre-measured strip cached by its
content and look (cursor, stripe), and the screen asks only for the rows it shows: an accept
re-renders the row it changed and the two the cursor left and reached, and a new order (a
filter, a finding that appeared) costs no re-rendering at all.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from audit.review.items import ACCEPTED, EDITED, OPEN, Item
from tui.widgets import SEVERITY_MARK, STATE_LABEL, reads_now, shorten


# The state column is as wide as its longest label from the start: the first accept does not widen it.
MIN_WIDTHS = (0, max(len(label) for label in STATE_LABEL.values()), 0, 0, 0, 0)


class FindingsTable(ScrollView, can_focus=True, inherit_bindings=False):
    """One row per item under a fixed header; the cursor row is the selected item.

    The app's own keys (n/p, down/up) move the selection; page keys, home, end and clicks move
    the cursor here and post `Chosen` so that the app selects that item.
    """

    COLUMNS = ("line", "state", "code", "sev", "flagged", "suggestion")
    COMPONENT_CLASSES = {"findings--header", "findings--even-row", "findings--cursor"}
    # The look of Textual's DataTable, which this list replaced.
    DEFAULT_CSS = """
    FindingsTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .findings--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .findings--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .findings--even-row {
            background: $surface-darken-1 40%;
        }
        & > .findings--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .findings--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .findings--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS = [
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
    ]

    class Chosen(Message):
        """The editor moved the cursor here (click, page keys): the app selects that item."""

        def __init__(self, item_id: int):
            super().__init__()
            self.item_id = item_id

    def on_mount(self) -> None:
        self._order: list[int] = []
        self._index: dict[int, int] = {}
        self._rows: dict[int, tuple] = {}
        self._widths = [cell_len(name) for name in self.COLUMNS]
        self._strips: dict[int, tuple[tuple, Strip]] = {}  # item id -> (what it shows, its strip)
        self.cursor_row = -1
        self._set_virtual_size()

    # --- data ----------------------------------------------------------------------------

    @staticmethod
    def row(item: Item) -> tuple:
        f = item.finding
        first = f.fixed_text(f.fixes[0]) if f.fixes else None  # the flagged text as the fix leaves it
        return _row(f.line, item.state, f.code, f.severity.label, f.text, first, item.original, item.note)

    def show(self, items: list[Item], selected: int | None) -> None:
        order = [i.id for i in items]
        rows = {i.id: self.row(i) for i in items}
        if order == self._order and rows == self._rows:
            self.select(selected)
            return
        if order != self._order:
            # Columns fit the widest cell of the list. Rows updated in place keep the widths (a
            # longer cell is cut, as in DataTable): a new width would relayout the whole screen.
            widths = [max(cell_len(name), minimum) for name, minimum in zip(self.COLUMNS, MIN_WIDTHS)]
            for row in rows.values():
                for column, text in enumerate(row):
                    width = cell_len(text)
                    if width > widths[column]:
                        widths[column] = width
                if row[1] == STATE_LABEL[OPEN] and row[5]:  # room for the "→ " an accept puts before it
                    widths[5] = max(widths[5], cell_len(row[5]) + 2)
            if widths != self._widths:
                self._widths = widths
                self._strips.clear()
            self._order = order
            self._index = {item_id: n for n, item_id in enumerate(order)}
        self._rows = rows
        self._set_virtual_size()
        self.cursor_row = -1 if selected not in self._index else self._index[selected]
        self._scroll_to_cursor()
        self.refresh()

    def _set_virtual_size(self) -> None:
        self.virtual_size = Size(sum(w + 2 for w in self._widths), len(self._order) + 1)

    def select(self, item_id: int | None) -> None:
        if item_id is None or item_id not in self._index:
            return
        row = self._index[item_id]
        if row == self.cursor_row:
            return
        old, self.cursor_row = self.cursor_row, row
        self._scroll_to_cursor()
        for y in (old, row):
            self._refresh_row(y)

    def id_at(self, row: int) -> int | None:
        return self._order[row] if 0 <= row < len(self._order) else None

    def cells_of(self, item_id: int) -> tuple | None:
        """What the row of an item shows, column by column."""
        return self._rows.get(item_id)

    # --- drawing -------------------------------------------------------------------------

    def _body_height(self) -> int:
        return max(self.scrollable_content_region.height - 1, 1)  # less the header

    def _scroll_to_cursor(self) -> None:
        if self.cursor_row < 0:
            return
        top, height = self.scroll_offset.y, self._body_height()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False, immediate=True)

    def _refresh_row(self, row: int) -> None:
        y = row - self.scroll_offset.y + 1
        if 0 < y <= self._body_height():
            self.refresh(Region(0, y, max(self.virtual_size.width, self.size.width), 1))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        x = self.scroll_offset.x
        if y == 0:
            item_id, cells, look = -1, self.COLUMNS, "findings--header"
        else:
            row = self.scroll_offset.y + y - 1
            if not 0 <= row < len(self._order):
                return Strip.blank(width)
            item_id = self._order[row]
            cells = self._rows[item_id]
            look = "findings--cursor" if row == self.cursor_row else "findings--even-row" if row % 2 else ""
        key = (cells, look, x, width)
        cached = self._strips.get(item_id)
        if cached is None or cached[0] != key:
            cached = self._strips[item_id] = (key, self._strip(cells, look, x, width))
        return cached[1]

    def _strip(self, cells: tuple, look: str, x: int, width: int) -> Strip:
        style = self.get_component_rich_style(look) if look else self.rich_style
        text = "".join(f" {set_cell_size(cell, column)} " for cell, column in zip(cells, self._widths))
        return Strip([Segment(text, style)], sum(w + 2 for w in self._widths)).crop_extend(x, x + width, style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if hasattr(self, "_strips"):
            self._strips.clear()  # a new theme, focus or layout class: the cached looks are stale

    def on_focus(self, event: events.Focus) -> None:
        self._strips.clear()

    def on_blur(self, event: events.Blur) -> None:
        self._strips.clear()

    # --- moving the cursor ---------------------------------------------------------------

    def _choose(self, row: int) -> None:
        item_id = self.id_at(max(0, min(row, len(self._order) - 1)))
        if item_id is not None:
            self.post_message(self.Chosen(item_id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y > 0:
            self._choose(self.scroll_offset.y + offset.y - 1)

    def action_page(self, step: int) -> None:
        self._choose(max(self.cursor_row, 0) + step * self._body_height())

    def action_edge(self, end: int) -> None:
        self._choose(len(self._order) - 1 if end else 0)


@lru_cache(maxsize=8192)
def _row(line: int, state: str, code: str, severity: str, text: str, first: str | None, original: str,
         note: str) -> tuple:
    if state in (ACCEPTED, EDITED):
        flagged, suggestion = shorten(original or text, 22), "→ " + shorten(reads_now(text, original, note), 18)
    else:
        flagged = shorten(text, 22)
        suggestion = "" if first is None else "(delete)" if not first else shorten(first, 20)
    return (str(line), STATE_LABEL[state], code, SEVERITY_MARK[severity], flagged, suggestion)
