"""A review save rewrites .jaanch-suppressions.json as the file was: its line ends (CRLF, a lone CR)
and its UTF-8 byte-order mark stay. It was written anew with LF and no mark, so a dismissals file kept
in a Windows editor showed every line changed after one dismissal."""

from __future__ import annotations

import json

import pytest

from audit.lint.engine import Engine
from audit.policy.suppressions import SuppressionStore
from audit.review.session import ReviewSession

OTHER = [{"file": "other.txt", "code": "TERM002", "text": "Openai", "scope": "text"}]


@pytest.mark.parametrize("end", ["\r\n", "\r", "\n"])
@pytest.mark.parametrize("bom", [True, False])
def test_a_dismissal_saved_keeps_the_files_line_ends_and_bom(tmp_path, story, end, bom):
    path = tmp_path / ".jaanch-suppressions.json"
    text = (json.dumps(OTHER, indent=1) + "\n").replace("\n", end)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    session = ReviewSession.open(story, Engine())
    session.start(replay=False)
    session.dismiss(next(i for i in session.items if i.finding.code == "TERM002"), "a name", "occurrence")
    session.save()
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom
    body = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    assert body.count(end) == len(body.replace("\r\n", "\n").replace("\r", "\n").split("\n")) - 1
    assert [e.file for e in SuppressionStore.load(tmp_path).entries] == ["other.txt", "story.txt"]
