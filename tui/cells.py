"""Terminal cell widths for Devanagari, as terminals draw it (see README, "Review TUI").

Rich (and so Textual) gives every spacing vowel sign (Unicode category Mc: ा ि ी ो ॉ …) zero
cells. Terminals of the glibc kind (tmux, xterm, gnome-terminal) draw each in one cell, so a
Hindi line Rich measures as fitting overflows its region and words are cut or overprinted.

Two kinds of terminal, one setting (`JAANCH_CELLS` or `jaanch review --cells`):
- `glibc` (default): one width per code point, spacing marks one cell, conjuncts not merged
  (स्त्री = 4 cells). The width of each spacing mark is what `wcwidth` gives it after a base.
- `merged`: Ghostty, kitty, wezterm: a consonant after a virama joins its cluster
  (स्त्री = 2 cells), as `wcwidth.wcswidth` measures it.

Emoji in a glibc-kind terminal (tmux 3.3, xterm): a skin-tone modifier is a wide character of its
own (👍🏽 = 4 cells, where Rich counts 2: the row overflowed and cut the Hindi after it), and a
variation selector 16 widens nothing (❤️ = 1 cell, where Rich counts 2). A ZWJ sequence (👨‍👩‍👧)
and a flag are 2 cells in tmux and in Rich, 6 and 4 in xterm: left as Rich has them (tmux's).

Measuring, wrapping, cropping and padding all read Rich's cell table (more than 20 modules
import its functions by name), so the table's data is changed in place and the caches that
may hold old widths are cleared. `install` checks that the widths took effect and raises if not.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from functools import lru_cache

import rich.cells
import wcwidth
from rich._unicode_data import load as load_cell_table
from rich.segment import Segment

MODES = ("glibc", "merged")
ENV = "JAANCH_CELLS"


class CellWidthError(RuntimeError):
    """The width patch did not take: the screen would lose words. Pin rich/textual."""


@lru_cache(maxsize=1)
def spacing_marks() -> frozenset[int]:
    """Code points of the spacing marks (Mc), from wcwidth's table for the newest Unicode it has."""
    from wcwidth.table_mc import CATEGORY_MC

    latest = max(CATEGORY_MC, key=lambda v: tuple(int(p) for p in v.split(".")))
    return frozenset(cp for start, end in CATEGORY_MC[latest] for cp in range(start, end + 1))


def _is_virama(ch: str) -> bool:
    return unicodedata.combining(ch) == 9


_ORIGINAL: dict = {}
MODIFIERS = (0x1F3FB, 0x1F3FF)  # emoji skin tones (Fitzpatrick): 2 cells each in a glibc-kind terminal
VS16 = "\ufe0f"
_STATE = {"mode": None}


def _patch_table() -> None:
    marks = spacing_marks()
    tables = {id(t): t for t in (load_cell_table("auto"), load_cell_table("latest"))}
    for table in tables.values():
        widths: list = table.widths  # type: ignore[assignment]
        new: list[tuple[int, int, int]] = []
        for start, end, width in widths:
            if width != 0 or not any(start <= m <= end for m in marks):
                new.append((start, end, width))
                continue
            run_start = None
            for cp in range(start, end + 1):
                if cp in marks:
                    if run_start is not None:
                        new.append((run_start, cp - 1, 0))
                        run_start = None
                elif run_start is None:
                    run_start = cp
            if run_start is not None:
                new.append((run_start, end, 0))
        widths[:] = new  # in place: every module that holds the table sees the new widths


def _with_width(widths: list, lo: int, hi: int, width: int) -> list:
    """The sorted (start, end, width) ranges with lo..hi given `width`."""
    out = []
    for start, end, w in widths:
        if end < lo or start > hi:
            out.append((start, end, w))
            continue
        if start < lo:
            out.append((start, lo - 1, w))
        if end > hi:
            out.append((hi + 1, end, w))
    return sorted(out + [(lo, hi, width)])


def _glibc_cell_len(text: str, unicode_version: str = "auto") -> int:
    if VS16 in text:  # it widens nothing in these terminals
        text = text.replace(VS16, "")
    return _ORIGINAL["_cell_len"](text, unicode_version)


def _glibc_split_graphemes(text: str, unicode_version: str = "auto"):
    spans, total = _ORIGINAL["split_graphemes"](text, unicode_version)
    if VS16 not in text:
        return spans, total
    out = []
    for start, end, cells in spans:
        if VS16 in text[start:end]:
            narrow = _ORIGINAL["_cell_len"](text[start:end].replace(VS16, ""), unicode_version)
            total += narrow - cells
            cells = narrow
        out.append((start, end, cells))
    return out, total


def _merged_cell_len(text: str, unicode_version: str = "auto") -> int:
    if not any(_is_virama(c) for c in text):
        return _ORIGINAL["_cell_len"](text, unicode_version)
    return _merged_split_graphemes(text, unicode_version)[1]


def _merged_split_graphemes(text: str, unicode_version: str = "auto"):
    """Grapheme clusters and widths as wcwidth gives them (conjuncts are one cluster)."""
    if not any(_is_virama(c) for c in text):
        return _ORIGINAL["split_graphemes"](text, unicode_version)
    spans: list[tuple[int, int, int]] = []
    total = pos = 0
    for cluster in wcwidth.iter_graphemes(text):
        cells = wcwidth.wcswidth(cluster)
        if cells < 0:  # a control character: Rich's own rule
            cells = _ORIGINAL["_cell_len"](cluster, unicode_version)
        spans.append((pos, pos + len(cluster), cells))
        pos += len(cluster)
        total += cells
    return spans, total


def _clear_caches() -> None:
    rich.cells.get_character_cell_size.cache_clear()
    rich.cells.cached_cell_len.cache_clear()
    Segment._split_cells.cache_clear()  # type: ignore[attr-defined]


def chosen_mode(mode: str | None = None) -> str:
    """The mode asked for: `mode`, else $JAANCH_CELLS (set but empty: as unset), else glibc; ValueError
    for one not in MODES."""
    mode = mode or os.environ.get(ENV) or "glibc"
    if mode not in MODES:
        raise ValueError(f"cell widths must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def install(mode: str | None = None) -> str:
    """Make Rich/Textual measure as the terminal draws; returns the mode. Idempotent."""
    mode = chosen_mode(mode)
    if _STATE["mode"] is None:
        _ORIGINAL["_cell_len"] = rich.cells._cell_len
        _ORIGINAL["split_graphemes"] = rich.cells.split_graphemes
        _patch_table()
        _ORIGINAL["tables"] = [(t, list(t.widths)) for t in
                               {id(t): t for t in (load_cell_table("auto"), load_cell_table("latest"))}.values()]
    for table, widths in _ORIGINAL["tables"]:
        table.widths[:] = _with_width(widths, *MODIFIERS, 2) if mode == "glibc" else widths
    if mode == "merged":
        rich.cells._cell_len = _merged_cell_len
        _replace_everywhere("split_graphemes", _merged_split_graphemes)
    else:
        rich.cells._cell_len = _glibc_cell_len
        _replace_everywhere("split_graphemes", _glibc_split_graphemes)
    _STATE["mode"] = mode
    _clear_caches()
    check(mode)
    return mode


def _replace_everywhere(name: str, new) -> None:
    """Swap a function in rich.cells and in every loaded module that imported it by name."""
    current = getattr(rich.cells, name)
    for module in list(sys.modules.values()):
        if module is not None and getattr(module, name, None) is current:
            setattr(module, name, new)


def check(mode: str) -> None:
    """Start-up assertion: the widths Rich uses are the terminal's, or the app refuses to run."""
    from textual._cells import cell_len as textual_cell_len

    expected = {"glibc": {"का": 2, "स्त्री": 4, "त्पि": 3, "किताब": 5, "👍🏽": 4, "❤️": 1},
                "merged": {"का": 2, "स्त्री": 2, "त्पि": 2}}[mode]
    for word, cells in expected.items():
        got = (rich.cells.cell_len(word), textual_cell_len(word), Segment(word).cell_length)
        if set(got) != {cells}:
            raise CellWidthError(f"terminal widths did not take ({mode}): {word!r} measures {got}, "
                                 f"the terminal draws {cells} cells")
    left, right = Segment("किताब").split_cells(2)
    if left.text != "कि":
        raise CellWidthError(f"cropping does not follow the terminal's widths: {left.text!r}")


def width(text: str) -> int:
    """The width of `text` under the installed mode (what tests compare the screen with)."""
    return rich.cells.cell_len(text)


def terminal_width(text: str, mode: str = "glibc") -> int:
    """The width a terminal of `mode` draws, computed from wcwidth alone (independent of Rich)."""
    if mode == "merged":
        return wcwidth.wcswidth(text)
    marks = spacing_marks()
    return sum(1 if ord(c) in marks else max(wcwidth.wcwidth(c), 0) for c in text)
