"""The review journal is jaanch's own file beside the article: a symbolic link planted in its place
(a shared desk folder) is refused with one line, never followed; the decisions were appended to the
link's target. (The lock and the backup NAME~ have theirs in tests/test_tui_hostile.py.)"""

from __future__ import annotations


import pytest

from audit.core.errors import JaanchError
from audit.review.journal import Journal, journal_path
from audit.review.lock import ArticleLock, lock_path


@pytest.fixture()
def story(story):
    """The shared copy of the AI-race sample, with someone's file beside it."""
    (story.parent / "precious.txt").write_text("someone's notes\n", encoding="utf-8")
    return story


def test_a_link_where_the_journal_goes_is_refused_and_its_target_untouched(story):
    journal_path(story).symlink_to(story.with_name("precious.txt"))
    with pytest.raises(JaanchError, match="a symbolic link is in its place; move it away"):
        Journal(story).append({"event": "open"})
    assert story.with_name("precious.txt").read_text(encoding="utf-8") == "someone's notes\n"


def test_the_lock_and_journal_are_made_as_before(story):
    lock = ArticleLock(story).acquire()
    Journal(story).append({"event": "open"})
    lock.release()
    assert Journal(story).records()[0]["event"] == "open"
    assert not lock_path(story).is_symlink() and not journal_path(story).is_symlink()
