"""Bad input: one clear line naming the file (and line), exit code 2."""

from __future__ import annotations

import pytest

from conftest import ROOT, run_cli

HEADER = "latin\tcanonical\tvariants\tcasings\tdnt\twrong_renderings\tcues\tkind\tnote\n"


def _one_line_error(proc, *needles: str):
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1, err
    for needle in needles:
        assert needle in err, err
    assert proc.stdout == b""


def test_undecodable_bytes(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("पहली पंक्ति\nदूसरी ".encode() + b"\xff\xfe\n")
    _one_line_error(run_cli("check", str(bad)), f"{bad}:2:", "UTF-8")


@pytest.mark.parametrize("content", [b"", b" \n\n\t\n", b"\xef\xbb\xbf", b"\r\n"])
def test_an_empty_article_has_no_findings(tmp_path, content):
    """An empty article is not an error: alone, in a folder, on stdin and under --fix alike."""
    empty = tmp_path / "empty.md"
    empty.write_bytes(content)
    proc = run_cli("check", "--format", "json", str(empty))
    assert (proc.returncode, proc.stdout, b"jaanch: " in proc.stderr) == (0, b"[]\n", False), proc.stderr
    (tmp_path / "story.txt").write_text("कंपनी ने नया मॉडल लॉन्च किया। कंपनी ने नया मॉडल लॉन्च किया।\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(tmp_path))  # the folder's other article is still read
    assert proc.returncode == 1 and b"story.txt" in proc.stdout and b"jaanch: " not in proc.stderr, proc.stderr
    assert run_cli("check", "-", stdin=content).returncode == 0
    assert run_cli("check", "--fix", str(empty)).returncode == 0 and empty.read_bytes() == content


def test_an_empty_english_source_is_still_an_error(tmp_path):
    (tmp_path / "story.txt").write_text("कंपनी ने नया मॉडल जारी किया।\n", encoding="utf-8")
    (tmp_path / "story.en").write_bytes(b"\n")
    _one_line_error(run_cli("check", "--source", str(tmp_path / "story.en"), str(tmp_path / "story.txt")),
                    "story.en", "empty")


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"x")
    _one_line_error(run_cli("check", str(tmp_path)), str(tmp_path), "no .txt or .md articles")


def test_missing_file(tmp_path):
    _one_line_error(run_cli("check", str(tmp_path / "nope.txt")), "nope.txt", "no such file")


def test_unknown_option():
    _one_line_error(run_cli("check", "--colour", "samples"), "--colour")


def test_unknown_check_code():
    _one_line_error(run_cli("check", "--select", "XYZ9", "samples"), "XYZ9")


def test_bad_setting():
    _one_line_error(run_cli("check", "--set", "REP002.nonsense=3", "samples"), "REP002.nonsense")


@pytest.mark.parametrize(
    "body,line,reason",
    [
        ("OpenAI\tओपनएआई\t\t\tmaybe\t\t\tcompany\t\n", 2, "'dnt' must be yes or no"),
        ("OpenAI\tओपनएआई\n", 2, "expected 9 tab-separated fields, found 2"),
        ("OpenAI\t\t\t\tyes\t\t\tcompany\t\n", 2, "empty 'canonical'"),
        ("OpenAI\tOpenAI\t\t\tyes\t\t\tcompany\t\n", 2, "not in Devanagari"),
        ("Gemini\tजेमिनी\t\t\tyes\tमिथुन\t\tproduct\t\n", 2, "need cues"),
        ("A\tएक\t\t\tyes\t\t\t\t\nB\tबी\tएक\t\tyes\t\t\t\t\n", 3, "already belongs to 'A'"),
        ("OpenAI\tओपनएआई\tओपनएआई\t\tyes\t\t\t\t\n", 2, "is the canonical form"),
    ],
)
def test_malformed_glossary(tmp_path, body, line, reason):
    glossary = tmp_path / "desk.tsv"
    glossary.write_text(HEADER + body, encoding="utf-8")
    proc = run_cli("check", "--glossary", str(glossary), str(ROOT / "samples"))
    _one_line_error(proc, f"{glossary}:{line}:", reason)


def test_glossary_with_unknown_column(tmp_path):
    glossary = tmp_path / "desk.tsv"
    glossary.write_text("latin\tcanonical\tcolour\nOpenAI\tओपनएआई\tred\n", encoding="utf-8")
    _one_line_error(run_cli("check", "--glossary", str(glossary), "samples"), f"{glossary}:1:", "'colour'")


def test_fix_refuses_stdin():
    _one_line_error(run_cli("check", "--fix", "-", stdin="डीपसेक".encode()), "standard input")
