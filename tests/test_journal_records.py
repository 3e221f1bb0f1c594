"""Crash recovery replays only records jaanch could have written. The journal is a log of unsaved
decisions whose last line a crash may cut short, and replay already skipped a record with a field
missing; a dismissal whose scope is unknown, disagrees with its event, or whose fields are not text is
skipped the same way (counted with the skipped). It was replayed with the scope read by a default:
a one-occurrence dismissal without its scope hid every occurrence of the text, and an unknown scope
or a number among the fields went into .jaanch-suppressions.json at the next save, which every later
`jaanch check` of the folder then refused. A glossary addition that no longer fits its glossary is
skipped too, where it ended the replay in an error (or an OSError's traceback)."""

from __future__ import annotations

import json
import shutil

import pytest

from audit.lint.engine import Engine
from audit.policy.suppressions import SuppressionStore
from audit.review.journal import journal_path
from audit.review.session import ReviewSession
from conftest import SAMPLES


@pytest.fixture(scope="module")
def engine():
    return Engine()


def _crash_after(story, engine, decide) -> None:
    """A session that made one decision and died before saving; `decide` makes it."""
    shutil.copy(SAMPLES / "ai_model_race_mt.txt", story)
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    decide(session)


def _rewrite_last_record(story, change) -> None:
    path = journal_path(story)
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    change(record)
    lines[-1] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _dismiss_one(session):
    item = next(i for i in session.items if i.finding.code == "TERM002")
    session.dismiss(item, "a name", "occurrence")


DISMISSALS = {
    "as written": (lambda r: None, ["occurrence"]),
    "no scope on a one-occurrence dismissal": (lambda r: r.pop("scope"), ["occurrence"]),
    "no scope on a bulk dismissal": (lambda r: (r.update(event="bulk-dismiss"), r.pop("scope")), ["text"]),
    "an unknown scope": (lambda r: r.update(scope="everywhere"), []),
    "a scope that is a number": (lambda r: r.update(scope=2), []),
    "a scope other than the event's": (lambda r: r.update(scope="text"), []),
    "a code that is a number": (lambda r: r.update(code=5), []),
    "a reason that is a number": (lambda r: r.update(reason=5), []),
    "no text before it": (lambda r: r.update(before=None), []),
}


@pytest.mark.parametrize("case", list(DISMISSALS))
def test_a_dismissal_record_is_replayed_only_as_jaanch_writes_it(tmp_path, engine, case):
    change, scopes = DISMISSALS[case]
    story = tmp_path / "story.txt"
    _crash_after(story, engine, _dismiss_one)
    _rewrite_last_record(story, change)
    session = ReviewSession.open(story, engine)
    assert session.start(replay=True) == ((1, 0) if scopes else (0, 1))
    session.save()
    assert [entry.scope for entry in SuppressionStore.load(tmp_path).entries] == scopes


def _add_to_glossary(session):
    item = next(i for i in session.items if i.finding.code == "TERM003" and i.finding.text == "लुमिनारा")
    desk = session.path.with_name("desk.tsv")
    session.add_to_glossary(item, desk, "Luminara", "लूमिनारा")
    desk.unlink()  # the crash came before the row reached the disk


GLOSSARY = {
    "a folder in the glossary's place": lambda r, folder: r.update(glossary=str(folder)),
    "a variant of an entry the glossary lacks": lambda r, folder: r.update(latin="Nowhere", canonical=None),
    "a latin form with a tab": lambda r, folder: r.update(latin="Lumi\tnara"),
    "a latin form that is a number": lambda r, folder: r.update(latin=5),
}


@pytest.mark.parametrize("case", list(GLOSSARY))
def test_a_glossary_addition_that_no_longer_fits_is_skipped(tmp_path, case):
    story = tmp_path / "story.txt"
    _crash_after(story, Engine(), _add_to_glossary)
    _rewrite_last_record(story, lambda r: GLOSSARY[case](r, tmp_path))
    session = ReviewSession.open(story, Engine())
    assert session.start(replay=True) == (0, 1)
    assert not (tmp_path / "desk.tsv").exists()


def test_a_glossary_addition_as_written_is_replayed(tmp_path):
    story = tmp_path / "story.txt"
    _crash_after(story, Engine(), _add_to_glossary)
    session = ReviewSession.open(story, Engine())
    assert session.start(replay=True) == (1, 0)
    assert "लुमिनारा" in (tmp_path / "desk.tsv").read_text(encoding="utf-8")
