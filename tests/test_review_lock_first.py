"""A review of an article another review has open is refused before the app takes the terminal."""

from __future__ import annotations

import os

from audit.review.lock import ArticleLock
from conftest import one_line

ARTICLE = "कंपनी ने नया मॉडल पेश किया। बाजार में हलचल है।\n"


def _fake_app(monkeypatch):
    import tui.app

    started = []
    monkeypatch.setattr(tui.app, "run", lambda *args, **kwargs: started.append((args, kwargs)) or 0)
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    return started


def test_an_article_open_in_another_review_is_one_line_and_no_app(tmp_path, capsys, monkeypatch):
    """It opened an empty app whose title said the article was open elsewhere."""
    from tui.cli import main as jaanch

    started = _fake_app(monkeypatch)
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    other = ArticleLock(story).acquire()  # the other review
    try:
        assert jaanch(["review", str(story)]) == 2 and not started
        assert one_line(capsys) == (f"jaanch: {story}: is open in another review (process {os.getpid()}); "
                                    "close that one first: two reviews would share one journal")
        link = tmp_path / "link.txt"  # the same article by another name
        link.symlink_to(story.name)
        assert jaanch(["review", str(link)]) == 2 and not started
        assert "is open in another review" in one_line(capsys)
    finally:
        other.release()
    assert jaanch(["review", str(story)]) == 0 and len(started) == 1
    # the lock the command took went to the app, and is free again once the app is done
    ArticleLock(story).acquire().release()


def test_the_lock_the_command_takes_is_the_apps(tmp_path, monkeypatch):
    """The app is handed the first article's lock, already held, and does not take it twice."""
    from tui.cli import main as jaanch

    started = _fake_app(monkeypatch)
    story, later = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (story, later):
        path.write_text(ARTICLE, encoding="utf-8")
    seen = []
    import tui.app

    def run(paths, *args, locks=None, **kwargs):
        seen.append(sorted(p.name for p in locks))
        try:
            ArticleLock(story).acquire()
        except Exception as exc:  # noqa: BLE001
            seen.append(type(exc).__name__)
        return 0

    monkeypatch.setattr(tui.app, "run", run)
    assert jaanch(["review", str(story), str(later)]) == 0 and not started
    assert seen == [["a.txt"], "ArticleLocked"]  # the later article is locked when the app opens it
    ArticleLock(story).acquire().release()


def test_a_lock_that_cannot_be_made_is_one_line_before_the_app(tmp_path, capsys, monkeypatch):
    from tui.cli import main as jaanch

    started = _fake_app(monkeypatch)
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".story.txt.jaanch-lock").mkdir()
    assert jaanch(["review", str(story)]) == 2 and not started
    assert one_line(capsys).startswith(f"jaanch: {story}: cannot make its review lock .story.txt.jaanch-lock (")


def test_a_refused_review_makes_no_lock_file(tmp_path, capsys, monkeypatch):
    """--source with two articles is refused before the lock is taken: the lock file was left beside
    the article (a test left one in samples/)."""
    from tui.cli import main as jaanch

    started = _fake_app(monkeypatch)
    english = tmp_path / "story.en"
    english.write_text("One.\n", encoding="utf-8")
    stories = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for story in stories:
        story.write_text(ARTICLE, encoding="utf-8")
    assert jaanch(["review", "--source", str(english), *map(str, stories)]) == 2 and not started
    assert "one article" in one_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "story.en"]
