"""The review screen as a terminal draws it: widths, intact words, footer, progress, keys, undo.

Widths are checked with `tui.cells.terminal_width` (wcwidth alone, not Rich), so a row Rich
thinks fits but a glibc-kind terminal draws wider fails here. (benchmarks/tmux_screen.py checks
the same on a real tmux.)
"""

from __future__ import annotations

import shutil

import pytest

from audit.lint.engine import Engine
from audit.review.items import ACCEPTED, OPEN
from conftest import SAMPLES
from tui import cells
from tui.app import ReviewApp
from tui.screens import BulkScreen, ChoiceScreen, HelpScreen
from tui_helpers import answer, select, settle

# Made-up sentences dense in spacing vowel signs, conjuncts and nukta forms.
DENSE = ("क्षेत्रीय प्रतिस्पर्धा में ज़्यादातर स्त्रियाँ उद्देश्यपूर्ण ढंग से कृत्रिम बुद्धिमत्ता की "
         "ट्रेनिंग ले रही हैं, और फ़िलहाल डीपसेक की प्रौद्योगिकी पर सोच-विचार हो रहा है।\n"
         "विश्वविद्यालयों के छात्रों ने ग़ौर किया कि संस्थानों की व्यावसायिक प्राथमिकताएँ "
         "अक्सर ऑनलाइन कक्षाओं से मेल नहीं खातीं; प्रधानमंत्री कार्यालय ने $ 5 करोड़ मंज़ूर किए।\n")


@pytest.fixture()
def dense(tmp_path):
    path = tmp_path / "dense.txt"
    path.write_text(DENSE * 6, encoding="utf-8")
    return path


@pytest.fixture()
def stories(tmp_path):
    out = []
    for name in ("ai_model_race_mt.txt", "phone_launch_mt.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
        out.append(tmp_path / name)
    return out


@pytest.fixture(scope="module")
def engine():
    return Engine()


def screen_rows(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def article_words_on_screen(app) -> list[tuple[str, str]]:
    """(rendered, source) for each article line: what its widget draws, and the line itself."""
    out = []
    for n, line in enumerate(app.session.text.split("\n")):
        strips = app.article._wrap(n)
        assert all(cells.terminal_width(s.text) <= app.article.scrollable_content_region.width for s in strips)
        out.append((" ".join(s.text for s in strips), line))
    return out


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
@pytest.mark.parametrize("which", ["dense", "sample"])
async def test_no_row_is_wider_than_the_screen_and_words_are_intact(size, which, dense, stories, engine):
    path = dense if which == "dense" else stories[0]
    app = ReviewApp([path], engine)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for _ in range(2):
            for row in screen_rows(app):
                assert cells.terminal_width(row) == size[0], row
            for rendered, line in article_words_on_screen(app):
                assert rendered.split() == line.split()  # every word, whole and in order
            rows = screen_rows(app)
            assert all(word in rows[-1] for word in ("Save", "Help", "Quit")), rows[-1]
            assert any("reviewed" in row for row in rows)
            await pilot.press("n", "n", "n", "n")
            await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = screen_rows(app)
        assert any("jaanch review: keys" in r for r in rows) and any("quit (asks" in r for r in rows)
        for row in rows:
            assert cells.terminal_width(row) == size[0], row


def test_startup_asserts_the_widths_took(monkeypatch):
    cells.install("glibc")
    monkeypatch.setattr(cells.rich.cells, "_cell_len", lambda text, version="auto": len(text))
    cells.rich.cells.cached_cell_len.cache_clear()
    with pytest.raises(cells.CellWidthError):
        cells.check("glibc")
    monkeypatch.undo()
    cells.install("glibc")


def test_merged_widths_follow_wcwidth():
    try:
        assert cells.install("merged") == "merged"
        for word in DENSE.split():
            assert cells.width(word) == cells.terminal_width(word, "merged"), word
    finally:
        cells.install("glibc")
    for word in DENSE.split():
        assert cells.width(word) == cells.terminal_width(word, "glibc"), word


async def test_keys_pressed_right_after_an_accept_are_not_lost(stories, engine):
    app = ReviewApp(stories, engine)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        first = await select(pilot, "FMT001")
        # accept, move on, accept again, without waiting for any re-audit
        await pilot.press("a", "a", "a")
        await settle(pilot)
        accepted = [i for i in app.session.items if i.state == ACCEPTED]
        assert len(accepted) == 3 and accepted[0].id == first or first in {i.id for i in accepted}
        reviewed, total = app.session.progress()
        assert reviewed >= 3 and f"{reviewed}/{total} reviewed" in str(app.status.render())
        rows = {app.table.cells_of(i.id)[1] for i in accepted}
        assert rows == {"accepted"}


async def test_undo_puts_the_cursor_back_and_file_switches_keep_history(stories, engine):
    app = ReviewApp(stories, engine)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        chosen = await select(pilot, "FMT001")
        await pilot.press("a", "n", "n")
        await settle(pilot)
        assert app.selected != chosen
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.session.path == stories[1]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert app.session.path == stories[0] and app.selected == chosen
        assert app.session.item(chosen).state == OPEN


async def test_filter_search_and_bulk_accept_with_a_preview(tmp_path, engine):
    path = tmp_path / "dense.txt"
    path.write_text(DENSE * 3, encoding="utf-8")
    app = ReviewApp([path], engine)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await answer(pilot, "डीपसेक")
        shown = app.view.apply(app.session.items)
        assert len([i for i in shown if i.finding.text == "डीपसेक"]) == 3 and len(shown) < len(app.session.items)
        await select(pilot, "TERM001", "डीपसेक")
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, BulkScreen) and len(app.screen.preview) == 3
        await pilot.press("y")
        await settle(pilot)
        assert "डीपसेक" not in app.session.text and app.session.text.count("डीपसीक") == 3
        await pilot.press("slash")
        await answer(pilot, "")
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        labels = app.screen.choices
        await pilot.press(*["down"] * labels.index(next(label for label in labels if label.startswith("code: FMT001"))))
        await pilot.press("enter")
        await settle(pilot)
        assert {i.finding.code for i in app.view.apply(app.session.items)} == {"FMT001"}


async def test_the_findings_list_follows_clicks_page_keys_and_a_filter(stories, engine):
    from tui.table import FindingsTable

    app = ReviewApp(stories[:1], engine)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        table = app.table
        await pilot.click(FindingsTable, offset=(4, 4))  # border, header, then the third row
        await pilot.pause()
        assert app.selected == table.id_at(2) and table.cursor_row == 2
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == len(app.view.apply(app.session.items)) - 1 and app.selected == table.id_at(
            table.cursor_row)
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0
        # A filter reorders the rows without rebuilding them: each row still shows its own item.
        app._set_view(filter=("code", "TERM001"))
        await pilot.pause()
        shown = app.view.apply(app.session.items)
        assert shown and all(table.id_at(n) == item.id for n, item in enumerate(shown))
        assert all(table.cells_of(item.id)[2] == "TERM001" for item in shown)
        assert table.id_at(len(shown)) is None


async def test_the_article_pane_follows_decisions_and_the_selection(stories, engine):
    """The pane redraws only the lines a decision or a move touched: those must still be right."""
    from rich.style import Style

    from tui.widgets import DECIDED_STYLE

    app = ReviewApp(stories[:1], engine)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)

        def style_at(item_id):
            f = app.session.item(item_id).finding
            line_start = app.session.text.rfind("\n", 0, f.start) + 1
            return app.article._texts[f.line - 1].get_style_at_offset(app.console, f.start - line_start)

        first = await select(pilot, "FMT001")
        line = app.session.item(first).finding.line
        assert style_at(first).reverse
        await pilot.press("a")
        await pilot.pause()
        assert app.session.item(first).state == ACCEPTED and app.selected != first
        assert not style_at(first).reverse and style_at(first).color == Style.parse(DECIDED_STYLE).color
        assert style_at(app.selected).reverse
        # lines below the edit moved in the text but not in themselves: their marks are still on their words
        below = [i for i in app.session.items if i.state == OPEN and i.finding.line > line]
        assert below and all(style_at(i.id).underline for i in below)
        await pilot.press("u")
        await pilot.pause()
        assert app.selected == first and app.session.item(first).state == OPEN and style_at(first).reverse


async def test_the_screen_says_it_is_settling_until_the_whole_article_audit_is_in(stories, engine):
    app = ReviewApp(stories[:1], engine)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        assert "settling" not in str(app.status.render())
        await select(pilot, "FMT001")
        app.action_accept()  # what `a` runs; the article-wide checks wait for the worker's audit
        assert app.settling and "settling" in str(app.status.render())
        await settle(pilot)
        assert not app.settling and "settling" not in str(app.status.render())


@pytest.mark.parametrize("line_end", ["\r", "\r\n"], ids=["cr", "crlf"])
async def test_the_article_pane_numbers_lines_as_check_does(tmp_path, engine, line_end):
    """A file with lone-"\\r" (or CRLF) line ends shows one pane line per line of `check`'s, so a
    finding's line, the pane's rows and a click on a row all mean the same line."""
    path = tmp_path / "story.txt"
    path.write_bytes(DENSE.replace("\n", line_end).encode("utf-8"))
    app = ReviewApp([path], engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.article._lines == DENSE.rstrip("\n").split("\n") + [""]
        for item in app.session.items:
            f = item.finding
            assert f.text in app.article._lines[f.line - 1], f
            assert app.article.row_of(f.line) == app.article._rows[f.line - 1] > 0 or f.line == 1
