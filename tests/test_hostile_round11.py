"""An eleventh hostile round (leftovers3): what a config, a dismissals file or an import could still
do wrong. Each is one line naming the file, exit 2; never an internal error, never Python's words."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main
from conftest import one_line


@pytest.mark.parametrize("toml, key", [('baseline = "a\\u0000b.json"\n', "baseline"),
                                       ('glossaries = ["desk\\u0000.tsv"]\n', "glossaries")])
def test_a_nul_in_a_configured_file_name_is_one_line(tmp_path, capsys, monkeypatch, story, toml, key):
    """TOML writes a NUL as \\u0000: a baseline so named was an internal error (ValueError: embedded
    null byte, exit 3), and a glossary 'no such file', printing the NUL raw to the terminal."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jaanch.toml").write_text(toml, encoding="utf-8")
    assert main(["check", str(story)]) == 2
    line = one_line(capsys)
    assert line == (f"jaanch: {tmp_path / 'jaanch.toml'}:1: '{key}' holds a NUL character (\\u0000), "
                    "which no file name can"), line


@pytest.mark.parametrize("entry, reason", [
    ({"file": "story.txt"}, "dismissal 1 lacks 'code' and 'text'"),
    ({"file": "story.txt", "code": "TERM001", "text": "x", "line": 3},
     "dismissal 1 has a field 'line' jaanch does not know (known: file, code, text, reason, time, scope, "
     "before, after)"),
    ({"file": "story.txt", "code": "TERM001", "text": 5}, "dismissal 1's 'text' is 5, not text"),
    ({"file": 3, "code": "TERM001", "text": "x"}, "dismissal 1's 'file' is 3, not text"),
])
def test_a_malformed_dismissal_is_said_in_the_files_words(tmp_path, capsys, story, entry, reason):
    """A dismissal missing a field, or with one the file does not have, was 'Suppression.__init__()
    missing 2 required positional arguments', and a number where text goes printed the whole
    Suppression(...) repr: Python's words, not the file's."""
    path = tmp_path / ".jaanch-suppressions.json"
    path.write_text(json.dumps([entry]), encoding="utf-8")
    assert main(["check", str(story)]) == 2
    assert one_line(capsys) == f"jaanch: {path}: malformed suppressions file: {reason}"


@pytest.mark.parametrize("declared", ["ISO-8859-1", "windows-1252", "UTF-16"])
def test_an_xliff_declaring_another_encoding_is_read_as_the_utf8_it_is(tmp_path, capsys, declared):
    """jaanch reads every file as UTF-8 (and refuses one that is not). The XML was then handed to
    the parser as bytes, which believed the declaration: Devanagari saved as UTF-8 under a Latin-1
    declaration came out as mojibake, refused as 'target of unit uses markup jaanch cannot map'; under
    UTF-16, 'encoding specified in XML declaration is incorrect'."""
    path = tmp_path / "story.xlf"
    path.write_text(f'<?xml version="1.0" encoding="{declared}"?>\n<xliff version="1.2" '
                    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body><trans-unit id="a"><source>Prices '
                    "fell.</source><target>दाम  गिरे।</target></trans-unit></body></file></xliff>\n", encoding="utf-8")
    assert main(["check", "--format", "json", "--fail-on", "never", str(path)]) == 0
    out = capsys.readouterr()
    assert all(line.startswith("jaanch:0") for line in out.err.splitlines()), out.err  # the signature only
    assert [f["text"] for f in json.loads(out.out) if f["code"] == "FMT010"] == ["दाम  गिरे।"]


@pytest.mark.parametrize("where", ["stdin", "stderr"])
def test_review_without_a_terminal_is_one_line_not_a_hang(tmp_path, story, where):
    """`jaanch review story.txt` from a script, a CI step or `< /dev/null` started the app with no
    terminal to read keys from (or, with standard error sent to a file, none to draw on): it drew
    escape codes into a pipe and waited for keys that never came, for ever."""
    import subprocess
    import sys

    from conftest import ROOT

    import os
    import pty

    keyboard, terminal = pty.openpty()  # for "stderr": keys could come, but the app would draw into a pipe
    try:
        proc = subprocess.run([sys.executable, "-m", "tui.cli", "review", str(story)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL if where == "stdin" else terminal,
                              timeout=60, cwd=ROOT)
    finally:
        os.close(keyboard)
        os.close(terminal)
    assert proc.returncode == 2 and proc.stdout == b"", proc
    assert proc.stderr.decode() == ("jaanch: `jaanch review` is an interactive app that needs a terminal, and its "
                                    "standard input or error is not one; run it in a terminal, or serve it to "
                                    "a browser with --serve\n")
    # no journal begun (the lock file stays, as after any review: the kernel's flock is what locks)
    assert [p.name for p in tmp_path.glob(".*jaanch*")] in ([], [".story.txt.jaanch-lock"])


@pytest.mark.parametrize("suffix", [".tbx", ".csv", ".TBX"])
def test_an_import_named_as_tbx_or_csv_is_refused(tmp_path, capsys, suffix):
    """`glossary import terms.csv -o terms.tbx` (an export meant) wrote a TSV glossary under a .tbx
    name, exit 0: a CAT tool given it reads no termbase."""
    terms = tmp_path / "terms.csv"
    terms.write_text("latin,canonical\nKestrova,केस्त्रोवा\n", encoding="utf-8")
    out = tmp_path / f"house{suffix}"
    assert main(["glossary", "import", str(terms), "-o", str(out)]) == 2
    assert one_line(capsys) == (f"jaanch: -o {out}: import writes a glossary TSV, not {suffix.lower()[1:].upper()}; "
                                "name it .tsv (`jaanch glossary export` writes TBX and CSV)")
    assert not out.exists()
    assert main(["glossary", "import", str(terms), "-o", str(tmp_path / "house.tsv")]) == 0
