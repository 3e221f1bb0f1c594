"""A glossary addition from the review, undone, puts the glossary back byte for byte: the session
kept its text as read with universal newlines, so undo wrote a CRLF or lone-CR glossary back with
LF line ends, every line changed. A glossary it cannot read (UTF-16, a folder in its place) is one
line naming it, where Python's UnicodeDecodeError or IsADirectoryError reached the editor."""

from __future__ import annotations


import pytest

from audit.core.errors import JaanchError
from audit.language.glossary import DEFAULT_GLOSSARY
from audit.lint.engine import Engine
from audit.review.session import ReviewSession

DESK = "latin\tcanonical\tvariants\nLuma\tलूमा\t\n"


def _item(session):
    return next(i for i in session.items if i.finding.code == "TERM003" and i.finding.text == "लुमिनारा")


@pytest.mark.parametrize("data", [
    DESK.replace("\n", "\r\n").encode(),
    DESK.replace("\n", "\r").encode(),
    b"\xef\xbb\xbf" + DESK.replace("\n", "\r\n").encode(),
], ids=["crlf", "cr", "bom-crlf"])
def test_undo_puts_the_glossary_back_byte_for_byte(story, data):
    desk = story.parent / "desk.tsv"
    desk.write_bytes(data)
    engine = Engine([DEFAULT_GLOSSARY, desk])
    session = ReviewSession.open(story, engine)
    session.start(replay=False)
    session.add_to_glossary(_item(session), desk, "Luminara", "लूमिनारा")
    assert b"Luminara" in desk.read_bytes()
    session.undo()
    assert desk.read_bytes() == data


@pytest.mark.parametrize("kind", ["utf16", "folder"])
def test_a_glossary_it_cannot_read_is_one_line(story, kind):
    desk = story.parent / "desk.tsv"
    if kind == "folder":
        desk.mkdir()
    else:
        desk.write_bytes(DESK.encode("utf-16"))
    session = ReviewSession.open(story, Engine())
    session.start(replay=False)
    with pytest.raises(JaanchError) as caught:
        session.add_to_glossary(_item(session), desk, "Luminara", "लूमिनारा")
    said = caught.value.one_line()
    assert said.startswith(f"{desk}") and ("UTF-16" in said if kind == "utf16" else "folder" in said), said
