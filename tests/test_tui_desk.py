"""What a desk editor meets on real pages in a real terminal (found driving the app in tmux):
long one-line paragraphs, small terminals, a resize mid-session, a bulk accept's preview."""

from __future__ import annotations

from contextlib import asynccontextmanager

import pytest

from audit.lint.engine import Engine
from tui.app import ReviewApp
from tui_helpers import select, settle

# One long paragraph (made-up sentences), the way scraped pages come: the finding (डीपसेक) is at its end.
LONG = ("किसानों ने बताया कि इस साल बारिश समय पर हुई और मंडियों में आवक लगातार बनी रही। " * 14
        + "अंत में डीपसेक की चर्चा हुई।\n")


@pytest.fixture(scope="module")
def engine():
    return Engine()


def selected_rows(article) -> list[int]:
    """The article pane's rows on screen that draw the selected finding (reverse video)."""
    return [y for y in range(article.size.height)
            if any(seg.style and seg.style.reverse for seg in article.render_line(y))]


@asynccontextmanager
async def at_deepseek(path, engine, size: tuple[int, int], body: str = LONG):
    """The app on a headline and `body` written to `path`, running at `size`, with the first डीपसेक
    (TERM001) selected: (app, pilot)."""
    path.write_text("शीर्षक\n" + body, encoding="utf-8")
    app = ReviewApp([path], engine)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await select(pilot, "TERM001", "डीपसेक")
        yield app, pilot


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_finding_deep_in_a_long_paragraph_is_scrolled_into_view(tmp_path, engine, size):
    async with at_deepseek(tmp_path / "long.txt", engine, size) as (app, pilot):
        await pilot.pause()
        assert selected_rows(app.article), "the selected finding is off the article pane"


async def test_the_selection_stays_in_view_when_the_terminal_is_resized(tmp_path, engine):
    async with at_deepseek(tmp_path / "long.txt", engine, (200, 50)) as (app, pilot):
        await pilot.pause()
        assert selected_rows(app.article)
        await pilot.resize_terminal(60, 20)
        await settle(pilot)
        assert selected_rows(app.article), "after a resize the selected finding is off the article pane"


async def test_a_fix_of_part_of_the_flagged_text_shows_what_the_text_becomes(tmp_path, engine):
    """FMT010 flags `word ,` and its fix deletes only the space: once accepted, its row and detail
    said `word , → (delete)`, as if the word and comma went too. They say `word , → word,` now."""
    path = tmp_path / "story.txt"
    path.write_text("बाज़ार में आलू 20 रुपये , प्याज़ 30 रुपये किलो बिका।\n", encoding="utf-8")
    app = ReviewApp([path], engine)
    async with app.run_test(size=(140, 44)) as pilot:
        await settle(pilot)
        chosen = await select(pilot, "FMT010")
        finding = app.session.item(chosen).finding
        assert finding.text == "रुपये ," and finding.fixes[0].replacement == ""
        assert app.table.cells_of(chosen)[5] == "रुपये,"
        assert "1) रुपये," in str(app.detail.render()) and "(delete)" not in str(app.detail.render())
        await pilot.press("a")
        await settle(pilot)
        assert app.table.cells_of(chosen)[5] == "→ रुपये,"
        app.select_item(chosen)
        await pilot.pause()
        assert "रुपये , → रुपये," in str(app.detail.render())


async def _bulk_preview_rows(tmp_path, engine, body: str, size: tuple[int, int]) -> list[str]:
    """The screen's rows once accept-everywhere (A) is pressed on the first डीपसेक of a headline and `body`."""
    from tui.screens import BulkScreen

    async with at_deepseek(tmp_path / "long.txt", engine, size, body) as (app, pilot):
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, BulkScreen)
        return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_a_bulk_preview_shows_the_change_in_a_long_line(tmp_path, engine):
    """Each preview row showed its line's start, cut at the dialog's edge: in a long paragraph the
    change was off the row, and every row looked alike. It shows the words around the change."""
    rows = await _bulk_preview_rows(tmp_path, engine, LONG * 3, (100, 40))
    assert sum(r.count("− ") and r.count("डीपसेक") for r in rows) == 3, "\n".join(rows)
    assert sum(r.count("+ ") and r.count("डीपसीक") for r in rows) == 3, "\n".join(rows)


async def test_a_bulk_preview_says_its_keys_at_80x24(tmp_path, engine):
    """With many places the preview filled the dialog and its `y: apply` line fell off an 80x24 screen."""
    rows = await _bulk_preview_rows(tmp_path, engine, LONG * 8, (80, 24))
    assert any("y: apply to all" in r for r in rows), "\n".join(rows)


async def test_a_long_question_wraps_in_its_dialog(tmp_path, engine):
    """The dismiss-every-occurrence reason prompt names the code and text twice: at 120 columns its
    question was cut at the dialog's edge mid-word ("(2 o"). It wraps now."""
    from tui.screens import ChoiceScreen, PromptScreen

    path = tmp_path / "long.txt"
    path.write_text(LONG, encoding="utf-8")
    app = ReviewApp([path], engine)
    question = ("Dismiss TERM001 on 'डीपसेक' (every occurrence of 'डीपसेक' for TERM001 (2 open)); "
                "the reason, so the desk knows later why it was let stand:")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for screen in (PromptScreen(question), ChoiceScreen(question, ["one", "two"])):
            app.push_screen(screen)
            await pilot.pause()
            text = " ".join(" ".join(strip.text.replace("█", " ").split())
                            for strip in app.screen._compositor.render_strips())
            assert "(2 open)); the reason, so the desk knows later why it was let stand:" in text, text
            await pilot.press("escape")
            await pilot.pause()


async def test_the_detail_shows_the_context_around_a_finding_in_a_long_line(tmp_path, engine):
    """A finding spanning two sentences (a danda with no space after it) takes its whole line as
    context: on a real page 600 characters, of which an 80x24 detail pane showed the first 300,
    without the finding. The context is the words around the finding now."""
    path = tmp_path / "long.txt"
    path.write_text(LONG.replace("रही। अंत", "रही।अंत"), encoding="utf-8")
    app = ReviewApp([path], engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        item = next(i for i in app.session.items if "।अंत" in i.finding.text)
        app.select_item(item.id)
        await pilot.pause()
        region = app.detail.region
        rows = [strip.text for strip in app.screen._compositor.render_strips()][region.y : region.bottom]
        shown = " ".join(" ".join(rows).split())
        context = shown[shown.index("in context:"):] if "in context:" in shown else ""
        assert item.finding.text in context, shown


async def test_one_unsaved_decision_is_counted_in_the_singular(tmp_path, engine):
    from tui.screens import ConfirmScreen

    path = tmp_path / "long.txt"
    async with at_deepseek(path, engine, (120, 40)) as (app, pilot):
        await pilot.press("a")
        await settle(pilot)
        app.exit()  # as a killed terminal: the decision stays in the journal
    app = ReviewApp([path], engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question.startswith("1 unsaved decision on "), app.screen.question
        await pilot.press("y")
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        assert "replayed 1 decision from the journal" in notes, notes
