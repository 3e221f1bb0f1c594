"""Line numbers treat "\r\n", a lone "\r" and "\n" alike, wherever jaanch prints or compares one."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from audit.cli.main import main
from audit.core.document import parse_article
from audit.core.errors import InputError
from audit.core.fileio import read_text
from audit.core.jsonfile import load_json
from audit.core.lines import LineIndex, byte_line
from audit.policy.inline import markers

ENDINGS = ["\n", "\r\n", "\r"]


@pytest.mark.parametrize("end", ENDINGS)
def test_line_index_counts_every_line_end(end):
    text = end.join(["पहली", "", "तीसरी पंक्ति", "चौथी"])
    lines = LineIndex(text)
    assert len(lines) == 4
    assert [lines.line_text(n) for n in (1, 2, 3, 4)] == ["पहली", "", "तीसरी पंक्ति", "चौथी"]
    third = text.index("पंक्ति")
    assert lines.position(third) == (3, len("तीसरी ") + 1)
    assert parse_article(text).position(third) == (3, len("तीसरी ") + 1)


def test_positions_of_a_span_are_the_positions_of_its_two_ends():
    """`positions` finds an end on the start's line without a second bisection: every pair of offsets
    (an empty span, an end past a line end or at the next line's start, a start after the end) answers
    what `position` answers for each."""
    for text in ("a\r\nbc\rd\n\nef", "पहली\nदूसरी", "", "\n\n", "one line"):
        lines = LineIndex(text)
        for start in range(len(text) + 1):
            for end in range(len(text) + 1):
                assert lines.positions(start, end) == lines.position(start) + lines.position(end)
                assert parse_article(text).positions(start, end) == lines.position(start) + lines.position(end)


def test_mixed_line_ends_count_one_line_each():
    lines = LineIndex("a\r\nb\rc\nd")
    assert [lines.line_text(n) for n in range(1, len(lines) + 1)] == ["a", "b", "c", "d"]
    assert lines.line(len("a\r")) == 1  # between the CR and the LF of one line end: still line 1


@pytest.mark.parametrize("end", ENDINGS)
def test_an_inline_marker_covers_the_next_line_whatever_the_line_ends(end, tmp_path, capsys):
    story = tmp_path / "story.md"
    text = end.join(["# खबर", "<!-- jaanch: ignore FMT001 -->", "लागत $ 6 मिलियन रही।", "लागत $ 7 मिलियन रही।", ""])
    story.write_bytes(text.encode("utf-8"))
    assert [m.line for m in markers(text)] == [3]
    main(["check", "--format", "json", "--select", "FMT001", "--fail-on", "never", str(story)])
    found = json.loads(capsys.readouterr().out)
    assert [(f["text"], f["line"]) for f in found] == [("$ 7", 4)]


@pytest.mark.parametrize("end", ENDINGS)
def test_a_marker_on_a_line_with_text_covers_that_line(end):
    text = end.join(["लागत $ 6 रही। <!-- jaanch: ignore FMT001 -->", "", "लागत $ 7 रही।"])
    assert [m.line for m in markers(text)] == [1]


@pytest.mark.parametrize("end", [b"\n", b"\r\n", b"\r"])
def test_a_decoding_error_names_the_line_an_editor_sees(end, tmp_path):
    raw = end.join(["पहली".encode(), "दूसरी".encode(), b"\xff bad"])
    assert byte_line(raw, raw.index(b"\xff")) == 3
    story = tmp_path / "story.txt"
    story.write_bytes(raw)
    with pytest.raises(InputError) as err:
        read_text(story)
    assert err.value.line == 3 and "0xff" in str(err.value)


def test_a_decoding_error_after_a_bom_names_the_bad_byte(tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xef\xbb\xbfok\r\xfe")
    with pytest.raises(InputError) as err:
        read_text(story)
    assert err.value.line == 2 and "0xfe" in str(err.value)


def test_json_errors_count_lone_cr_lines():
    with pytest.raises(InputError) as err:
        load_json('{\r"a": 1,\r"b": }\r', "x.json")
    assert err.value.line == 3


def test_no_dataclass_declares_a_field_twice():
    """A second `allow: ...` line silently replaces the first; nothing but a scan notices."""
    root = Path(__file__).resolve().parent.parent / "audit"
    twice = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names = [s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
                twice += [f"{path.name}:{node.name}.{n}" for n in set(names) if names.count(n) > 1]
    assert twice == []


def _real_articles() -> list[Path]:
    from conftest import SAMPLES, SEEDS

    return sorted(SAMPLES.glob("*_mt.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])


@pytest.fixture(scope="module")
def engine():
    from audit.lint.engine import Engine

    return Engine()


@pytest.mark.parametrize("end", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("article", _real_articles(), ids=lambda p: p.name)
def test_an_article_gets_the_same_findings_whatever_its_line_ends(article, end, engine):
    """Kickers, bylines, datelines and labels are whole lines: a file saved with lone-"\\r" line ends
    (old Mac files, some CMS exports) or CRLF must not turn them into false findings, nor lose any."""
    text = article.read_text(encoding="utf-8")
    other = text.replace("\n", end)
    def keys(found, source):
        return sorted((f.code, f.line, f.column, f.end_line, f.text.replace("\r\n", "\n").replace("\r", "\n"))
                      for f in found)
    assert keys(engine.audit_text(other), other) == keys(engine.audit_text(text), text)


@pytest.mark.parametrize("end", ENDINGS, ids=["lf", "crlf", "cr"])
def test_a_headline_printed_again_is_not_a_repeat_whatever_the_line_ends(end, engine):
    """A page's breadcrumb ends with the headline, which is then printed as the headline: page chrome,
    not a slip. With CRLF line ends each line kept its "\\r", so the headline no longer matched its
    line as a whole line and was flagged as a near repeat; with lone-"\\r" ends the page was one line."""
    text = end.join(["मुखपृष्ठ » बाजार में भारी गिरावट, छोटे निवेशकों के डूबे करोड़ों रुपये", "",
                     "बाजार में भारी गिरावट, छोटे निवेशकों के डूबे करोड़ों रुपये", "", "संवाददाता",
                     "सुबह से ही बिकवाली हावी रही और दोपहर तक सूचकांक संभल नहीं सका।", ""])
    assert [f.code for f in engine.audit_text(text)] == []  # CRLF: REP002 before, lone CR: REP001


@pytest.mark.parametrize("end", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_deleting_a_repeated_sentence_fixes_every_line_end_alike(end, engine):
    """REP002 deletes a sentence repeated as a line of its own together with its line end. It read only
    "\n" as a line end: a CRLF or lone-CR file kept an empty line where the LF file lost it."""
    said = "मंत्री ने कहा कि नहर की मरम्मत का काम अगले महीने शुरू होगा और इससे सैकड़ों किसानों को पानी मिलेगा।"
    lf = "\n".join(["जिले में नहरों की मरम्मत का फैसला हुआ।", "",
                    f"{said} ठेकेदारों को तीन महीने में काम पूरा करना होगा।",
                    "विभाग इस पर हर हफ्ते रिपोर्ट देगा।", said, "अगले साल से नई नहरें भी बनेंगी।", ""])
    fixed_lf = engine.fix_text(lf, unsafe=True).text
    assert fixed_lf.count(said) == 1 and "रिपोर्ट देगा।\nअगले साल" in fixed_lf
    assert engine.fix_text(lf.replace("\n", end), unsafe=True).text == fixed_lf.replace("\n", end)
