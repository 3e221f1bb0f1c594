"""The review journal's first and last bytes: jaanch writes no byte-order mark, but an editor that
opened the journal may add one, and a crash may cut its last line short. Both still replay what
jaanch journaled."""

from __future__ import annotations


import pytest

from audit.lint.engine import Engine
from audit.review.journal import journal_path
from audit.review.session import ReviewSession


@pytest.fixture(scope="module")
def engine():
    return Engine()


def _accept(session):
    item = next(i for i in session.items if i.finding.code == "FMT001")
    session.accept(item)
    return item.finding.text


def test_a_journal_opening_with_a_bom_replays(story, engine):
    """The first line, read with its BOM, was no JSON, and the reading stopped there: nothing replayed."""
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    flagged = _accept(session)  # then the process dies unsaved
    journal = journal_path(story)
    journal.write_bytes(b"\xef\xbb\xbf" + journal.read_bytes())
    again = ReviewSession.open(story, engine)
    assert [(r["event"], r["old"]) for r in again.pending_replay()] == [("accept", flagged)]
    assert again.start(replay=True) == (1, 0) and again.text == session.text
    assert journal.read_bytes().startswith(b"\xef\xbb\xbf")  # left as the editor saved it


def test_decisions_after_a_line_cut_by_a_crash_are_not_lost(story, engine):
    """The next session's records were appended to the cut line, glued into one line that is no JSON;
    the reading stopped there, so they were lost and the decisions discarded before came back."""
    first = ReviewSession.open(story, engine)
    first.start(replay=False)
    _accept(first)
    journal = journal_path(story)
    with journal.open("ab") as handle:
        handle.write(b'{"time": "2026-11-28T12:00:00+00:00", "event": "acc')  # killed mid-line
    second = ReviewSession.open(story, engine)
    assert len(second.pending_replay()) == 1
    second.start(replay=False)  # the editor discards it
    assert second.pending_replay() == []
    flagged = _accept(second)  # and makes a new decision, then the process dies
    third = ReviewSession.open(story, engine)
    pending = third.pending_replay()
    assert [(r["event"], r["old"]) for r in pending] == [("accept", flagged)]
    assert third.start(replay=True) == (1, 0)


def test_a_named_pipe_in_the_journals_place_is_one_line_not_a_wait(story, engine):
    """Reading it waited for a writer that never came: the review never opened."""
    import os

    from audit.core.errors import InputError

    os.mkfifo(journal_path(story))
    session = ReviewSession.open(story, engine)
    with pytest.raises(InputError) as caught:
        session.pending_replay()
    assert caught.value.one_line() == (f"{journal_path(story)}: cannot read the review journal (a named pipe (FIFO) "
                                       "is in its place); move it away to review the article afresh")


def test_a_line_of_brackets_nested_past_pythons_limit_is_passed_over(story, engine):
    """json raised RecursionError, which no one caught: exit 3."""
    first = ReviewSession.open(story, engine)
    first.start(replay=False)
    flagged = _accept(first)
    with journal_path(story).open("a", encoding="utf-8") as handle:
        handle.write("[" * 100_000 + "]" * 100_000 + "\n")
    again = ReviewSession.open(story, engine)
    assert [(r["event"], r["old"]) for r in again.pending_replay()] == [("accept", flagged)]


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_no_save_over_a_folder_or_pipe_in_the_backups_place(story, engine, kind):
    """A folder there took the copy inside it (story.txt~/story.txt) while the editor was told the
    previous version was story.txt~; a named pipe made the save wait for a reader."""
    import os

    from audit.core.errors import JaanchError

    backup = story.with_name(story.name + "~")
    backup.mkdir() if kind == "folder" else os.mkfifo(backup)
    before = story.read_bytes()
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    _accept(session)
    with pytest.raises(JaanchError) as caught:
        session.save()
    said = "a folder" if kind == "folder" else "a named pipe (FIFO)"
    assert caught.value.one_line() == (f"{story}: not saved: {said} is in the place of the previous version's copy "
                                       "story.txt~; move it away; the decisions are kept")
    assert story.read_bytes() == before and session.dirty
    assert kind == "pipe" or list(backup.iterdir()) == []
