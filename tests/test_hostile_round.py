"""What a hostile user found (damaged models, read-only outputs, Ctrl-C): each is one line naming the
file, exit 2 (130 for Ctrl-C), never an internal error or a traceback, and nothing half written."""

from __future__ import annotations

import json

import pytest

from audit.cli.main import main

ARTICLE = "नगर निगम ने बुधवार को नई बस सेवा शुरू की। यात्रियों ने इसका स्वागत किया।\n"


def _one_line(capsys) -> str:
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.err, out.err
    return lines[0]


@pytest.fixture
def house_lm(tmp_path, capsys):
    corpus = tmp_path / "published"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"story_{n}.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["lm", "train", str(corpus), "-o", str(tmp_path / "lm")]) == 0
    capsys.readouterr()
    return tmp_path / "lm"


@pytest.mark.parametrize("damage", ["floor missing", "floor a string", "tokens negative", "table of other columns"])
def test_a_damaged_house_lm_is_one_line(house_lm, tmp_path, capsys, damage):
    """A meta.json without its floor (or with a string there) ended `check --lm` as an internal error
    (KeyError, a polars dtype error), exit 3."""
    meta = json.loads((house_lm / "meta.json").read_text(encoding="utf-8"))
    named = house_lm / "meta.json"
    if damage == "floor missing":
        del meta["floor"]
    elif damage == "floor a string":
        meta["floor"] = "0.01"
    elif damage == "tokens negative":
        meta["tokens"] = -5
    else:
        (house_lm / "a3.parquet").write_bytes((house_lm / "g2.parquet").read_bytes())
        named = house_lm / "a3.parquet"
    (house_lm / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", "--lm", str(house_lm), str(story)]) == 2
    line = _one_line(capsys)
    assert line.startswith(f"jaanch: {named}: ") and "retrain" in line, line


@pytest.mark.parametrize("option", [["--host", "0.0.0.0"], ["--port", "9000"]])
def test_review_serving_options_without_serve_are_one_line(tmp_path, option):
    """`review --port 9000 story.txt` ignored the port and took the terminal for the app."""
    import subprocess
    import sys

    from conftest import ROOT

    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tui.cli", "review", *option, str(story)], capture_output=True,
                          stdin=subprocess.DEVNULL, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == b"", proc
    assert proc.stderr.decode() == f"jaanch: {option[0]} is given without --serve\n"


def test_a_baseline_to_filter_by_and_one_to_write_are_one_line(tmp_path, capsys):
    """--baseline old.json was ignored when --write-baseline new.json was given too."""
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", "--baseline", str(tmp_path / "old.json"), "--write-baseline", str(tmp_path / "new.json"),
                 str(story)]) == 2
    assert "give one of them" in _one_line(capsys)
    assert not (tmp_path / "new.json").exists()
