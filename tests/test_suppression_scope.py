"""A dismissal whose scope is neither "occurrence" nor "text" (a typo, a hand edit) was taken as
"text" and hid every occurrence of the flagged text without a word. It is refused at load: one line
naming the suppressions file and the dismissal, exit 2."""

from __future__ import annotations

import json

from audit.cli.main import main
from conftest import one_line

STORY = "कंपनी ने ₹ 500 में फोन बेचा।उसके कस्टमर्स ने डिसीजन लिया।\n"


def _dismissals(tmp_path, scope):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    entries = [{"file": "story.txt", "code": "FMT001", "text": "₹ 500", "scope": "text"},
               {"file": "story.txt", "code": "ANGL001", "text": "डिसीजन", "scope": scope}]
    (tmp_path / ".jaanch-suppressions.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")


def test_an_unknown_scope_is_one_line_naming_the_file(tmp_path, capsys):
    _dismissals(tmp_path, "weird")
    assert main(["check", str(tmp_path / "story.txt")]) == 2
    assert one_line(capsys) == (f"jaanch: {tmp_path / '.jaanch-suppressions.json'}: malformed suppressions file: "
                                "dismissal 2 has scope 'weird', not 'occurrence' or 'text'")


def test_the_two_scopes_are_still_read(tmp_path, capsys):
    _dismissals(tmp_path, "text")
    assert main(["check", "--format", "json", "--fail-on", "info", str(tmp_path / "story.txt")]) == 1
    out = capsys.readouterr()
    assert [f["code"] for f in json.loads(out.out)] == ["FMT010"]  # the two dismissed, FMT010 left
    assert "jaanch: " not in out.err, out.err  # neither refused nor stale
