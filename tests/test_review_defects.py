"""Regression tests for the review session's defects (issue 12), each on made-up text."""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest

from audit.core.errors import GlossaryError
from audit.language.glossary import DEFAULT_GLOSSARY
from audit.lint.engine import Engine
from audit.policy.suppressions import OCCURRENCE, TEXT
from audit.review.items import ACCEPTED, DISMISSED, OPEN
from audit.review.journal import journal_path
from audit.review.session import ConflictError, ReviewSession
from conftest import SAMPLES, run_cli

STORY = ("चीनी कंपनी डीपसेक ने नया मॉडल जारी किया।\n"
         "विशेषज्ञों के अनुसार डीपसेक का मॉडल सस्ता है और $ 5 मिलियन से कम लागत में बना।\n"
         "डीपसेक की टीम छोटी है।\n")


@pytest.fixture()
def short_story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _items(session, code, text=None, state=OPEN):
    return [i for i in session.items if i.finding.code == code and (text is None or i.finding.text == text)
            and i.state == state]


def _open_keys(session):
    return sorted((f.code, f.start, f.end) for f in session.findings)


def test_dismissing_one_occurrence_hides_no_other(short_story, engine):
    session = ReviewSession.open(short_story, engine)
    session.start(replay=False)
    first, second, third = _items(session, "TERM001", "डीपसेक")
    assert session.dismiss(second, "quoted as the company wrote it", scope=OCCURRENCE) == 1
    assert [i.id for i in _items(session, "TERM001", "डीपसेक")] == [first.id, third.id]
    assert session.item(second.id).state == DISMISSED
    session.save()
    # the CLI honours it the same way: one hidden, two still reported
    out = json.loads(run_cli("check", "--format", "json", str(short_story)).stdout)
    assert sorted(f["start"] for f in out if f["code"] == "TERM001") == [first.finding.start, third.finding.start]


def test_dismissing_every_occurrence_is_asked_for_explicitly(short_story, engine):
    session = ReviewSession.open(short_story, engine)
    session.start(replay=False)
    item = _items(session, "TERM001", "डीपसेक")[0]
    assert session.dismiss(item, "house style", scope=TEXT) == 3
    assert not _items(session, "TERM001")
    session.save()
    out = json.loads(run_cli("check", "--format", "json", str(short_story)).stdout)
    assert not [f for f in out if f["code"] == "TERM001"]
    saved = json.loads((short_story.parent / ".jaanch-suppressions.json").read_text(encoding="utf-8"))
    assert [(s["code"], s["scope"]) for s in saved] == [("TERM001", "text")]


def test_bom_and_crlf_survive_a_save_without_a_false_conflict(tmp_path, engine):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode("utf-8"))
    session = ReviewSession.open(path, engine)
    session.start(replay=False)
    assert not session.changed_on_disk()
    session.accept(_items(session, "FMT001")[0])
    session.save()  # no ConflictError
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == 3 and b"$5" in raw
    assert not session.changed_on_disk()  # and a second save is not a conflict either
    session.save()


def test_a_real_change_on_disk_is_still_a_conflict(tmp_path, engine):
    path = tmp_path / "crlf.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    session = ReviewSession.open(path, engine)
    session.start(replay=False)
    session.accept(_items(session, "FMT001")[0])
    path.write_bytes(STORY.encode("utf-8"))  # only the line ends changed: still someone else's save
    with pytest.raises(ConflictError):
        session.save()


def test_a_save_landing_after_the_check_is_not_overwritten(short_story, engine, monkeypatch):
    """The snapshot read at open goes to write_atomic, which checks it again just before the rename."""
    import audit.review.history as history_module  # the save

    session = ReviewSession.open(short_story, engine)
    session.start(replay=False)
    session.accept(_items(session, "FMT001")[0])
    theirs = STORY.replace("छोटी", "बड़ी")
    copy2 = shutil.copy2

    def editor_saves_meanwhile(src, dst):  # between the conflict check and the write
        copy2(src, dst)
        short_story.write_text(theirs, encoding="utf-8")

    monkeypatch.setattr(history_module.shutil, "copy2", editor_saves_meanwhile)
    with pytest.raises(ConflictError):
        session.save()
    assert short_story.read_text(encoding="utf-8") == theirs
    monkeypatch.setattr(history_module.shutil, "copy2", copy2)
    session.save(force=True)  # "Overwrite it anyway" in the app
    assert "$5 मिलियन" in short_story.read_text(encoding="utf-8")
    assert not session.changed_on_disk()


def test_journal_decisions_on_a_file_changed_since_are_not_dropped_silently(short_story, engine):
    first = ReviewSession.open(short_story, engine)
    first.start(replay=False)
    first.accept(_items(first, "FMT001")[0])
    first.accept(_items(first, "TERM001", "डीपसेक")[2])  # the last line
    first.undo()
    first.redo()
    del first  # crash
    # someone rewrites the second line meanwhile: the currency fix no longer fits, the last line's does
    lines = STORY.splitlines(keepends=True)
    short_story.write_text(lines[0] + "विशेषज्ञ कहते हैं कि मॉडल सस्ता है।\n" + lines[2], encoding="utf-8")
    again = ReviewSession.open(short_story, engine)
    assert [r["event"] for r in again.pending_replay()] == ["accept", "accept", "undo", "redo"]
    assert again.replay_is_stale()
    assert again.start(replay=True) == (3, 1)
    assert "डीपसीक की टीम" in again.text and "$ 5" not in again.text


def test_accept_reaudits_only_what_it_touched_and_agrees_with_a_full_audit(story, engine):
    path = story
    session = ReviewSession.open(path, engine)
    session.start(replay=False)
    ids = {i.id for i in session.items}
    for _ in range(4):
        item = next(i for i in session.items if i.state == OPEN and i.finding.fixes)
        session.accept(item)
        assert session.item(item.id).state == ACCEPTED
        for i in session.items:  # every item's offsets follow the text
            if i.state in (OPEN, DISMISSED):
                assert session.text[i.finding.start : i.finding.end] == i.finding.text
    quick = _open_keys(session)
    assert ids <= {i.id for i in session.items}  # ids are stable: the screen updates rows in place
    session.refine()
    full = sorted((f.code, f.start, f.end) for f in engine.audit_text(session.text))
    assert _open_keys(session) == full
    # the quick re-audit already had every finding of the line-local checks right
    local = session.local_checks
    assert [k for k in quick if k[0] in local] == [k for k in full if k[0] in local]


@pytest.mark.parametrize("line_end", ["\r", "\r\n", "\n"], ids=["cr", "crlf", "lf"])
def test_lines_after_an_edit_agree_with_a_fresh_audit_whatever_the_line_ends(tmp_path, engine, line_end):
    """A lone "\r" ends a line for `check` (old Mac files, some CMS exports), so the items an edit
    moves must keep the same line and column a fresh audit of the new text gives them."""
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.replace("\n", line_end).encode("utf-8"))
    session = ReviewSession.open(path, engine)
    session.start(replay=False)
    item = next(i for i in session.items if i.state == OPEN and i.finding.text == "$ 5")
    session.accept(item)
    fresh = {(f.code, f.start, f.end): (f.line, f.column, f.end_line, f.end_column)
             for f in engine.audit_text(session.text, str(path))}
    moved = [i.finding for i in session.items if i.state == OPEN]
    assert any(f.line == 3 for f in moved)  # an item below the edit, on the third line
    for f in moved:
        assert (f.line, f.column, f.end_line, f.end_column) == fresh[(f.code, f.start, f.end)], f


def _articles():
    from conftest import SEEDS

    return sorted(SAMPLES.glob("*_mt.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])


@pytest.mark.parametrize("article", _articles(), ids=lambda p: p.name)
def test_a_line_re_audited_alone_agrees_with_the_whole_article_audit(article, tmp_path, engine):
    """An edit re-audits only its line (and one either side) for the checks that a few lines can
    settle; a check whose finding depends on text anywhere else (a majority spelling, a concept in
    the other language) must be marked article-wide, or its items would wrongly open or resolve."""
    path = tmp_path / article.name
    shutil.copy(article, path)
    session = ReviewSession.open(path, engine)
    session.start(replay=False)
    local = session.local_checks
    assert {"TERM003", "REP002", "ANGL004", "SPELL001", "SPELL002"}.isdisjoint(local)
    lines = {}
    for item in session.items:
        if item.state == OPEN and item.finding.code in local:
            lines.setdefault(item.finding.line, item)
    assert lines, "no line-local finding to re-audit"
    for line, item in sorted(lines.items())[:12]:
        item = next(i for i in session.items if i.finding.line == line and i.state == OPEN
                    and i.finding.code in local)
        session.edit(item, item.finding.text)  # the same text: the line is re-audited, nothing changes
        start = session.text.rfind("\n", 0, item.finding.start) + 1
        end = session.text.find("\n", item.finding.start)
        end = len(session.text) if end < 0 else end

        def on_line(keys):
            return sorted(k for k in keys if k[0] in local and start <= k[1] and k[2] <= end)

        full = [(f.code, f.start, f.end) for f in engine.audit_text(session.text, str(path))]
        quick = [(i.finding.code, i.finding.start, i.finding.end) for i in session.items if i.state == OPEN]
        assert sorted(set(on_line(quick))) == sorted(set(on_line(full))), f"line {line}"


def test_undo_says_which_item_to_select(short_story, engine):
    session = ReviewSession.open(short_story, engine)
    session.start(replay=False)
    item = _items(session, "FMT001")[0]
    session.accept(item)
    assert session.undo() == item.id
    assert session.item(item.id).state == OPEN
    assert session.redo() == item.id


def test_bulk_accept_every_occurrence_with_a_preview(short_story, engine):
    session = ReviewSession.open(short_story, engine)
    session.start(replay=False)
    item = _items(session, "TERM001", "डीपसेक")[0]
    preview = session.bulk_preview(item)
    assert len(preview) == 3 and all("डीपसीक" in after and "डीपसेक" in before for _, before, after in preview)
    assert session.bulk_accept(item) == 3
    assert "डीपसेक" not in session.text and session.text.count("डीपसीक") == 3
    accepted = _items(session, "TERM001", None, ACCEPTED)
    assert [(i.original, i.note, i.finding.text) for i in accepted] == [("डीपसेक", "डीपसीक", "डीपसीक")] * 3
    session.undo()
    assert session.text == STORY
    events = [json.loads(line)["event"] for line in journal_path(short_story).read_text(encoding="utf-8").splitlines()]
    assert events == ["open", "bulk-accept", "undo"]


@pytest.mark.parametrize("line_end", ["\r", "\r\n"], ids=["cr", "crlf"])
def test_previews_and_context_stay_on_their_line_whatever_the_line_ends(tmp_path, engine, line_end):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.replace("\n", line_end).encode("utf-8"))
    session = ReviewSession.open(path, engine)
    session.start(replay=False)
    item = _items(session, "TERM001", "डीपसेक")[0]
    lines = STORY.splitlines()
    assert [before for _, before, _ in session.bulk_preview(item)] == lines
    start, end = session.context(item.finding)
    assert session.text[start:end] == lines[0]


def test_glossary_addition_defaults_to_the_desk_glossary_loads_it_and_is_undone(story):
    engine = Engine()
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    target = session.glossary_target()
    assert target == story.parent / "desk.tsv" and target != DEFAULT_GLOSSARY
    item = _items(session, "TERM003", "लुमिनारा")[0]
    plan = session.glossary_plan(target, "Luminara", "लूमिनारा", item)
    assert "not loaded" in plan and "created" in plan and "Undo" in plan
    # a new entry in a glossary the session had not loaded: it is loaded, so it takes effect
    assert session.add_to_glossary(item, target, "Luminara", "लूमिनारा") is True
    assert target.exists() and target in engine.glossary_paths
    assert _items(session, "TERM001", "लुमिनारा")  # now a known variant of a glossary name
    assert session.undo() == item.id
    assert not target.exists() and target not in engine.glossary_paths
    assert not _items(session, "TERM001", "लुमिनारा") and _items(session, "TERM003", "लुमिनारा")
    session.redo()
    assert "Luminara" in target.read_text(encoding="utf-8") and _items(session, "TERM001", "लुमिनारा")


def test_a_glossary_addition_that_breaks_the_stack_changes_nothing(short_story, tmp_path):
    desk = tmp_path / "desk.tsv"
    desk.write_text("latin\tcanonical\tvariants\nLuminara\tलूमिनारा\t\n", encoding="utf-8")
    engine = Engine([DEFAULT_GLOSSARY, desk])
    session = ReviewSession.open(short_story, engine)
    session.start(replay=False)
    before = desk.read_text(encoding="utf-8")
    item = _items(session, "TERM001", "डीपसेक")[0]
    with pytest.raises(GlossaryError):
        session.add_to_glossary(item, desk, "Luminara", None)  # डीपसेक is DeepSeek's variant already
    assert desk.read_text(encoding="utf-8") == before


def test_files_the_review_creates_follow_the_umask(story):
    old = os.umask(0o022)
    try:
        session = ReviewSession.open(story, Engine())
        session.start(replay=False)
        session.dismiss(_items(session, "FMT001")[0], "quoted")
        session.add_to_glossary(_items(session, "TERM003", "लुमिनारा")[0], session.glossary_target(),
                                "Luminara", "लूमिनारा")
        session.save()
    finally:
        os.umask(old)
    for name in (".jaanch-suppressions.json", "desk.tsv", journal_path(story).name):
        assert stat.S_IMODE((story.parent / name).stat().st_mode) == 0o644, name
