"""The headless review session: decisions, undo/redo, journal replay, suppressions, safe saves."""

from __future__ import annotations

import json

import pytest

from audit.review.journal import journal_path
from audit.review.session import ConflictError, ReviewSession
from conftest import SAMPLES, run_cli


def _first(session, code, text=None):
    return next(f for f in session.findings if f.code == code and (text is None or f.text == text))


def test_accept_edit_dismiss_undo_redo_save(story, engine):
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    before = len(session.findings)
    session.accept(_first(session, "FMT001"))
    assert "$5 मिलियन" in session.text
    session.edit(_first(session, "TERM002", "Openai"), "OpenAI")
    session.dismiss(_first(session, "TERM003"), reason="house style allows both")
    assert session.undo() and session.redo()
    assert len(session.findings) < before
    for f in session.findings:  # offsets stay right after every change
        assert session.text[f.start : f.end] == f.text
    backup = session.save()
    assert backup and backup.read_text(encoding="utf-8") == (SAMPLES / "ai_model_race_mt.txt").read_text(encoding="utf-8")
    saved = story.read_text(encoding="utf-8")
    assert "$5 मिलियन" in saved and "Openai" not in saved
    events = [json.loads(l)["event"] for l in journal_path(story).read_text(encoding="utf-8").splitlines()]
    assert events == ["open", "accept", "edit", "dismiss", "undo", "redo", "save"]
    # the dismissal is now a suppression the CLI honours
    out = json.loads(run_cli("check", "--format", "json", str(story)).stdout)
    suppressed = json.loads((story.parent / ".jaanch-suppressions.json").read_text(encoding="utf-8"))
    assert suppressed and suppressed[0]["file"] == "story.txt" and suppressed[0]["reason"] == "house style allows both"
    keys = {(s["code"], s["text"]) for s in suppressed}
    assert not any((f["code"], f["text"]) in keys for f in out)
    everything = json.loads(run_cli("check", "--no-suppressions", "--format", "json", str(story)).stdout)
    assert any((f["code"], f["text"]) in keys for f in everything)


def test_replay_after_a_crash(story, engine):
    first = ReviewSession.open(story, engine)
    first.start(replay=False)
    first.accept(_first(first, "FMT001"))
    first.dismiss(_first(first, "TERM002", "CHATGPT"))
    first.accept(_first(first, "SENSE001"))
    first.undo()
    expected, expected_findings = first.text, [(f.code, f.start) for f in first.findings]
    del first  # crash: nothing saved
    again = ReviewSession.open(story, engine)
    assert [r["event"] for r in again.pending_replay()] == ["accept", "dismiss", "accept", "undo"]
    assert again.start(replay=True) == (4, 0)
    assert again.text == expected
    assert [(f.code, f.start) for f in again.findings] == expected_findings


def test_declining_replay_starts_fresh(story, engine):
    first = ReviewSession.open(story, engine)
    first.start(replay=False)
    first.accept(_first(first, "FMT001"))
    again = ReviewSession.open(story, engine)
    assert again.start(replay=False) == (0, 0)
    assert ReviewSession.open(story, engine).pending_replay() == []


def test_save_refuses_to_overwrite_a_file_changed_on_disk(story, engine):
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    session.accept(_first(session, "FMT001"))
    story.write_text("किसी और ने बदल दिया।\n", encoding="utf-8")
    with pytest.raises(ConflictError):
        session.save()
    assert story.read_text(encoding="utf-8") == "किसी और ने बदल दिया।\n"


@pytest.mark.parametrize("owner", ["self", "someone else"])
def test_save_refuses_a_read_only_article_as_fix_does(story, engine, owner):
    """A desk that made an article read-only meant it, for root too: the review saves nothing
    (no `name~` either), with one line naming the file, as `check --fix` refuses it."""
    import os
    import stat

    from audit.core.fileio import WriteError

    if owner == "someone else":
        if os.geteuid() != 0:
            pytest.skip("only root can give a file away")
        os.chown(story, 4321, 4321)
    before = story.read_bytes()
    story.chmod(0o444)
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    session.accept(_first(session, "FMT001"))
    with pytest.raises(WriteError) as caught:
        session.save()
    line = caught.value.one_line()
    assert str(story) in line and "read-only" in line and "\n" not in line
    assert story.read_bytes() == before and stat.S_IMODE(story.stat().st_mode) == 0o444
    assert not story.with_name(story.name + "~").exists()
    assert session.dirty  # the decision is still there to save once the file is writable
    story.chmod(0o644)
    session.save()
    assert "$5 मिलियन" in story.read_text(encoding="utf-8")


def test_glossary_addition_is_validated_and_takes_effect(story, tmp_path):
    from audit.lint.engine import Engine
    from audit.language.glossary import DEFAULT_GLOSSARY

    desk = tmp_path / "desk.tsv"
    engine = Engine([DEFAULT_GLOSSARY, desk])
    desk.write_text("latin\tcanonical\tvariants\nLuminara\tलूमिनारा\t\n", encoding="utf-8")
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    variant = _first(session, "TERM003", "लुमिनारा")
    session.add_to_glossary(variant, desk, "Luminara", None)
    assert "लूमिनारा\tलुमिनारा" in desk.read_text(encoding="utf-8")
    assert any(f.code == "TERM001" and f.text == "लुमिनारा" for f in session.findings)
    from audit.core.errors import GlossaryError

    with pytest.raises(GlossaryError):
        # लुमिनारा is already Luminara's variant: it cannot also be another name's spelling
        session.add_to_glossary(variant, desk, "Lumina", "लुमिना")
    assert "Lumina\t" not in desk.read_text(encoding="utf-8")


def test_unused_dismissals_are_reported(story, engine):
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    session.dismiss(_first(session, "FMT001"), reason="house style")
    session.save()
    proc = run_cli("check", str(story))
    assert "dismissed findings no longer occur" not in proc.stderr.decode()
    story.write_text(story.read_text(encoding="utf-8").replace("$ 5", "$5"), encoding="utf-8")
    proc = run_cli("check", str(story))
    assert "1 dismissed findings no longer occur (first: FMT001 '$ 5'" in proc.stderr.decode()


def test_a_symlink_and_its_target_share_one_journal_and_one_lock(story, engine, tmp_path):
    """Decisions made through a link are replayed when the article is opened by its own name (and
    the other way round), and a second review through the other name is refused while one is open:
    a journal per name split one article's decisions between two files."""
    from audit.review.lock import ArticleLock, ArticleLocked

    (tmp_path / "desk").mkdir()
    link = tmp_path / "desk" / "link.txt"
    link.symlink_to(story)
    first = ReviewSession.open(link, engine)
    first.start(replay=False)
    first.accept(_first(first, "FMT001"))
    del first  # crash: nothing saved
    assert journal_path(link) == journal_path(story) and journal_path(story).exists()
    again = ReviewSession.open(story, engine)
    assert [r["event"] for r in again.pending_replay()] == ["accept"]
    held = ArticleLock(story).acquire()
    try:
        with pytest.raises(ArticleLocked):
            ArticleLock(link).acquire()
    finally:
        held.release()
