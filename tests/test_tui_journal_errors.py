"""A review journal that cannot be read or written (a folder in its place, a read-only folder) is one
error note in the app, and no decision is made without its journal line: the OSError went up
through Textual, which ended the app in a traceback."""

from __future__ import annotations


import pytest

from audit.core.errors import JaanchError
from audit.lint.engine import Engine
from audit.review.journal import Journal, journal_path
from tui.app import ReviewApp
from tui_helpers import error_notes, select, settle

SIZE = (140, 44)


def test_a_journal_that_cannot_be_read_or_written_is_one_line_each(tmp_path, story):
    journal_path(story).mkdir()
    with pytest.raises(JaanchError, match="cannot read the review journal"):
        Journal(story).records()
    with pytest.raises(JaanchError, match="cannot write the review journal .*; the decision was not made"):
        Journal(story).append({"event": "open"})


async def test_a_folder_in_the_journals_place_is_an_error_note_not_a_traceback(story):
    journal_path(story).mkdir()
    before = story.read_bytes()
    app = ReviewApp([story], Engine())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.session is not None
        assert any("cannot read the review journal (is a folder, not a file)" in e for e in error_notes(app))
        await select(pilot, "FMT001")
        await pilot.press("a")  # accept: its journal line cannot be written
        await settle(pilot)
        assert any("cannot write the review journal" in e and "the decision was not made" in e for e in error_notes(app))
        assert not app.session.dirty and "$5 मिलियन" not in app.session.text
        await pilot.press("u")  # nothing to undo: no decision was made
        await settle(pilot)
    assert app.return_code in (None, 0)
    assert story.read_bytes() == before


def test_a_glossary_addition_the_journal_refuses_is_taken_back(tmp_path, story):
    """The row was written before its journal line: with the journal refused, the glossary kept a row
    no journal recorded and no undo could take out."""
    from audit.review.session import ReviewSession

    session = ReviewSession.open(story, Engine())
    session.start(replay=False)
    item = next(i for i in session.items if i.finding.code == "TERM003" and i.finding.text == "लुमिनारा")
    desk = tmp_path / "desk.tsv"
    journal_path(story).mkdir()
    with pytest.raises(JaanchError, match="cannot write the review journal"):
        session.add_to_glossary(item, desk, "Luminara", "लूमिनारा")
    assert not desk.exists()
    assert not any(str(p) == str(desk) for p in session.engine.glossary_paths)
    assert len(session.history) == 1
