"""What a hostile user found (damaged models, read-only outputs, Ctrl-C): each is one line naming the
file, exit 2 (130 for Ctrl-C), never an internal error or a traceback, and nothing half written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.cli.main import main
from conftest import one_line

ARTICLE = "नगर निगम ने बुधवार को नई बस सेवा शुरू की। यात्रियों ने इसका स्वागत किया।\n"


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
def test_a_damaged_house_lm_isone_line(house_lm, tmp_path, capsys, damage):
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
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {named}: ") and "retrain" in line, line


@pytest.mark.parametrize("option", [["--host", "0.0.0.0"], ["--port", "9000"]])
def test_review_serving_options_without_serve_areone_line(tmp_path, option):
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


def test_a_baseline_to_filter_by_and_one_to_write_areone_line(tmp_path, capsys):
    """--baseline old.json was ignored when --write-baseline new.json was given too."""
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", "--baseline", str(tmp_path / "old.json"), "--write-baseline", str(tmp_path / "new.json"),
                 str(story)]) == 2
    assert "give one of them" in one_line(capsys)
    assert not (tmp_path / "new.json").exists()


def _outputs(tmp_path):
    """Each command that writes an output file, with its output at `target`."""
    from audit.language.glossary import DEFAULT_GLOSSARY

    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "story.txt").write_text(ARTICLE, encoding="utf-8")
    return {
        "report": lambda target: ["report", str(corpus), "-o", str(target)],
        "baseline": lambda target: ["check", "--write-baseline", str(target), str(corpus)],
        "calibrate": lambda target: ["calibrate", str(corpus), "-o", str(target)],
        "export": lambda target: ["glossary", "export", str(DEFAULT_GLOSSARY), "-o", str(target.with_suffix(".csv"))],
        "mine parquet": lambda target: ["glossary", "mine", str(corpus), "-o", str(target.with_suffix(".parquet"))],
        "stats": lambda target: ["glossary", "stats", str(corpus), "-o", str(target.with_suffix(".csv"))],
    }


@pytest.mark.parametrize("command", ["report", "baseline", "calibrate", "export", "mine parquet", "stats"])
def test_an_output_made_read_only_is_not_replaced(tmp_path, capsys, command):
    """A read-only report (or one in a read-only folder) was replaced all the same when jaanch ran as
    root; held to the permission bits, as `check --fix` is, it is one line and left as it was."""
    argv = _outputs(tmp_path)[command]
    target = Path(argv(tmp_path / "out")[-1] if command != "baseline" else argv(tmp_path / "out")[2])
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o444)
    assert main(argv(tmp_path / "out")) == 2
    line = one_line(capsys)
    assert line == f"jaanch: {target}: is read-only; nothing was written (make it writable, or name another file)"
    assert target.read_text(encoding="utf-8") == "kept\n"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    assert main(argv(locked / "out")) == 2
    assert f"its folder {locked} is read-only" in one_line(capsys)
    assert list(locked.iterdir()) == []


def test_lm_train_into_a_read_only_model_changes_nothing(house_lm, tmp_path, capsys):
    corpus = tmp_path / "published"
    before = {p.name: p.read_bytes() for p in house_lm.iterdir()}
    (house_lm / "a3.parquet").chmod(0o444)
    assert main(["lm", "train", str(corpus), "-o", str(house_lm)]) == 2
    assert one_line(capsys).startswith(f"jaanch: {house_lm / 'a3.parquet'}: is read-only")
    assert {p.name: p.read_bytes() for p in house_lm.iterdir()} == before


def test_lm_train_stopped_half_way_leaves_no_model_to_use(house_lm, tmp_path, capsys, monkeypatch):
    """The tables and meta.json were written in place one after another: a run stopped between them
    left the old meta.json over a mix of old and new tables, which `check --lm` used."""
    import audit.core.fileio as fileio

    written = []
    real = fileio.write_atomic

    def full_disk(path, data, *args, **kwargs):
        if len(written) == 2:
            raise fileio.WriteError("nothing written: No space left on device", str(path))
        written.append(path)
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(fileio, "write_atomic", full_disk)
    corpus = tmp_path / "published"
    (corpus / "more.txt").write_text("बस सेवा से यात्रियों को राहत मिली।\n" * 3, encoding="utf-8")
    assert main(["lm", "train", str(corpus), "-o", str(house_lm)]) == 2
    assert "No space left" in one_line(capsys)
    monkeypatch.undo()
    assert not (house_lm / "meta.json").exists()
    story = corpus / "story_0.txt"
    assert main(["check", "--lm", str(house_lm), str(story)]) == 2
    assert "not a jaanch language model" in one_line(capsys)


@pytest.mark.parametrize("closed, argv", [(0, ["check", "-"]), (1, ["check", "story.txt"]),
                                          (1, ["check", "--format", "json", "story.txt"]), (1, ["rules"])])
def test_a_closed_standard_stream_isone_line(tmp_path, closed, argv):
    """Started with standard input or output closed (`<&-`, `>&-`), a command ended as an internal
    error (AttributeError on None), exit 3; now as `cat` ends, naming the stream, exit 2."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    argv = [str(tmp_path / a) if a == "story.txt" else a for a in argv]
    proc = subprocess.run([sys.executable, "-m", "audit.cli.main", *argv], stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, cwd=ROOT, timeout=120, preexec_fn=lambda: os.close(closed))
    name = "standard input" if closed == 0 else "standard output"
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.decode() == f"jaanch: {name}: closed (the command was started without it)\n"


def test_a_huge_value_quoted_back_is_cut_short(tmp_path, capsys):
    """An unknown key (or column) that is a whole megabyte line was quoted back whole: a one-line
    error a megabyte long (0.9 MB here: a configuration over 1 MB is refused before it is read)."""
    (tmp_path / "jaanch.toml").write_text("k" * 900_000 + " = 1\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", str(story)]) == 2
    line = one_line(capsys)
    assert len(line) < 600 and "'" + "k" * 119 + "… (900,002 characters)" in line, line[:700]
    assert line.endswith("unsafe-fixes)"), line[-200:]  # what follows the value is kept


@pytest.mark.parametrize("argv", [["report", "CORPUS", "-o", "-"], ["calibrate", "CORPUS", "-o", "-"],
                                  ["check", "--write-baseline", "-", "CORPUS"], ["lm", "train", "CORPUS", "-o", "-"],
                                  ["glossary", "stats", "CORPUS", "-o", "-"], ["glossary", "mine", "CORPUS", "-o", "-"]])
def test_an_output_named_dash_is_one_line_not_a_file_named_dash(tmp_path, capsys, monkeypatch, argv):
    """`report corpus -o -` wrote the page to a file named `-` in the current folder."""
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(ARTICLE, encoding="utf-8")
    assert main([str(corpus) if a == "CORPUS" else a for a in argv]) == 2
    assert "'-': give a file name (/dev/stdout writes to standard output)" in one_line(capsys)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("limit", ["1e308", "1e300"])
def test_standard_input_under_a_huge_size_limit_is_read(capsys, monkeypatch, limit):
    """--max-file-mb takes any size, but standard input was asked for the whole limit in one read:
    an OverflowError (1e308, 1e300), exit 3 (and from a real pipe, a MemoryError at 1e12)."""
    import io
    import types

    glued = "फाइनल मैच 9मई को खेला जाएगा।\n"
    monkeypatch.setattr("sys.stdin", types.SimpleNamespace(buffer=io.BytesIO(glued.encode())))
    assert main(["check", "--max-file-mb", limit, "--select", "FMT011", "--format", "json", "-"]) == 1
    out = capsys.readouterr()
    assert [f["code"] for f in json.loads(out.out)] == ["FMT011"], out
