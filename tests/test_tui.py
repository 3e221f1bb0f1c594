"""Pilot tests: the real review app, driven by keys, checked by what lands on disk."""

from __future__ import annotations

import json
import shutil

import pytest

from audit.lint.engine import Engine
from audit.review.journal import journal_path
from conftest import SAMPLES
from tui.app import ReviewApp
from tui.screens import ChoiceScreen, ConfirmScreen, HelpScreen, PromptScreen
from tui_helpers import accept_and_save, answer, error_notes, select, settle

SIZE = (140, 44)


@pytest.fixture()
def stories(tmp_path):
    paths = []
    for name in ("ai_model_race_mt.txt", "phone_launch_mt.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
        paths.append(tmp_path / name)
    return paths


@pytest.fixture(scope="module")
def engine():
    return Engine()


async def test_walk_accept_edit_dismiss_undo_save(stories, engine):
    story = stories[0]
    app = ReviewApp(stories, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.selected == 0 and app.session.findings
        await pilot.press("n", "n", "p")
        assert app.selected == 1
        # accept the currency fix
        await select(pilot, "FMT001")
        await pilot.press("a")
        await settle(pilot)
        assert "$5 मिलियन" in app.session.text
        # accept with a choice among several suggestions
        await select(pilot, "ANGL001", "नोट किया")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert "ध्यान दिलाया" in app.session.text
        # edit: the editor's own words
        await select(pilot, "TERM002", "CHATGPT")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await answer(pilot, "चैटजीपीटी")
        assert "चैटजीपीटी बनाने वाली" in app.session.text
        assert app.session.progress()[0] >= 3 and "reviewed" in str(app.status.render())
        # dismiss a false alarm, with a reason
        await select(pilot, "TERM003", "Microsoft")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")  # this occurrence only
        await pilot.pause()
        await answer(pilot, "both spellings are house style")
        assert not any(f.code == "TERM003" and f.text == "Microsoft" for f in app.session.findings)
        assert any(i.state == "dismissed" and i.finding.text == "Microsoft" for i in app.session.items)
        # undo the edit? no: undo the dismissal, then redo it
        await pilot.press("u")
        await settle(pilot)
        assert any(f.code == "TERM003" and f.text == "Microsoft" for f in app.session.findings)
        await pilot.press("U")
        await settle(pilot)
        # every highlight matches the current text
        for f in app.session.findings:
            assert app.session.text[f.start : f.end] == f.text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.session.dirty
    saved = story.read_text(encoding="utf-8")
    assert "$5 मिलियन" in saved and "ध्यान दिलाया" in saved and "CHATGPT" not in saved
    assert (story.parent / (story.name + "~")).read_text(encoding="utf-8") == (SAMPLES / story.name).read_text(encoding="utf-8")
    records = [json.loads(line) for line in journal_path(story).read_text(encoding="utf-8").splitlines()]
    assert [r["event"] for r in records] == ["open", "accept", "accept", "edit", "dismiss", "undo", "redo", "save"]
    edit = records[3]
    assert edit["original"] == "CHATGPT" and edit["new"] == "चैटजीपीटी" and edit["code"] == "TERM002" and edit["time"]
    assert records[4]["reason"] == "both spellings are house style"
    suppressions = json.loads((story.parent / ".jaanch-suppressions.json").read_text(encoding="utf-8"))
    assert [(s["file"], s["code"], s["text"], s["scope"]) for s in suppressions] == [
        (story.name, "TERM003", "Microsoft", "occurrence")]


async def test_help_palette_and_quit_confirmation(stories, engine):
    app = ReviewApp(stories, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Accept", "Edit", "Dismiss", "Undo", "Redo", "Save", "Add to glossary"} <= titles
        await select(pilot, "FMT001")
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # unsaved decisions: it asks
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running


async def test_next_file(stories, engine):
    app = ReviewApp(stories, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.session.path == stories[1]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.session.path == stories[0]


async def test_clicking_a_line_selects_its_finding(stories, engine):
    app = ReviewApp(stories, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article = app.article
        article.scroll_to_line(6)
        await pilot.pause()
        # the article's content starts inside its border (1 row) and padding (1 column)
        await pilot.click("#article", offset=(3, 1 + article.row_of(6) - article.scroll_offset.y))
        await pilot.pause()
        assert app.current.finding.line == 6


async def test_save_does_not_overwrite_a_file_changed_on_disk(stories, engine):
    story = stories[0]
    app = ReviewApp(stories, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "FMT001")
        await pilot.press("a")
        await settle(pilot)
        story.write_text("डेस्क पर किसी और ने बदला।\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
    assert story.read_text(encoding="utf-8") == "डेस्क पर किसी और ने बदला।\n"


async def test_saving_a_read_only_article_is_a_message_not_a_crash(stories, engine):
    story = stories[0]
    before = story.read_bytes()
    story.chmod(0o444)
    app = ReviewApp(stories, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await accept_and_save(pilot, "FMT001")
        errors = error_notes(app)
        assert len(errors) == 1 and str(story) in errors[0] and "read-only" in errors[0]
        assert app.session.dirty
    assert story.read_bytes() == before


async def _accept_one_and_leave(stories, engine) -> str:
    """A session that accepts one finding and quits unsaved (its decision stays in the journal);
    the text it had reached."""
    app = ReviewApp(stories, engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "FMT001")
        await pilot.press("a")
        await settle(pilot)
        return app.session.text


@pytest.mark.parametrize("key", ["y", "enter"])
async def test_reopening_offers_to_replay(stories, engine, key):
    """Yes, or Enter on the question: the question's focused button was Discard once, so Enter, the
    key an editor presses to go on, threw away the decisions of the session before (journaled as
    discarded, never offered again)."""
    story = stories[0]
    expected = await _accept_one_and_leave(stories, engine)
    again = ReviewApp(stories, engine)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, ConfirmScreen)
        await pilot.press(key)
        await settle(pilot)
        assert again.session.text == expected and again.session.dirty
    assert story.read_text(encoding="utf-8") == (SAMPLES / story.name).read_text(encoding="utf-8")


async def test_add_to_glossary(stories, tmp_path):
    from audit.language.glossary import DEFAULT_GLOSSARY

    desk = tmp_path / "desk.tsv"
    desk.write_text("latin\tcanonical\tvariants\nLuminara\tलूमिनारा\t\n", encoding="utf-8")
    app = ReviewApp(stories, Engine([DEFAULT_GLOSSARY, desk]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "TERM003", "लुमिनारा")
        await pilot.press("g")
        await pilot.pause()
        from textual.widgets import Input

        fields = {i.id: i for i in app.screen.query(Input)}
        assert fields["glossary"].value == str(desk)
        fields["latin"].value = "Luminara"
        fields["canonical"].focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "desk.tsv" in app.screen.question  # it asks first
        await pilot.press("y")
        await settle(pilot)
        assert any(f.code == "TERM001" and f.text == "लुमिनारा" for f in app.session.findings)
    assert "लूमिनारा\tलुमिनारा" in desk.read_text(encoding="utf-8")
    records = [json.loads(line) for line in journal_path(stories[0]).read_text(encoding="utf-8").splitlines()]
    assert records[-1]["event"] == "glossary" and records[-1]["latin"] == "Luminara"


async def test_an_empty_article_is_an_empty_review(stories, engine, tmp_path):
    """As `check` has it: an empty file has no findings, not an error in the title."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n")
    app = ReviewApp([empty, stories[0]], engine)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.session.path == empty and not app.session.findings
        assert app.sub_title == "empty.txt (1/2)"
        for key in ("n", "p", "a", "e", "d", "A", "u", "U", "g", "o", "ctrl+s"):  # nothing to walk or decide
            await pilot.press(key)
            await settle(pilot)
            if app.screen is not app.screen_stack[0]:  # a prompt or a confirmation: leave it
                await pilot.press("escape")
                await settle(pilot)
            assert app.is_running and app.session.path == empty, key
        assert not [n for n in app._notifications if n.severity == "error"]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.session.path == stories[0] and app.session.findings
