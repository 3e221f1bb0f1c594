"""Commands a user gave something that cannot work: one line naming the file, exit 2, nothing written."""

from __future__ import annotations

from audit.cli.main import main
from conftest import one_line

ARTICLE = "कंपनी ने नया मॉडल पेश किया। बाजार में हलचल है।\n"


def test_compare_with_one_empty_file_names_it(tmp_path, capsys):
    """One empty side printed every sentence of the other as changed from "MT line 0", exit 0."""
    story, empty, blank = tmp_path / "story.txt", tmp_path / "empty.txt", tmp_path / "blank.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    empty.write_bytes(b"")
    blank.write_text(" \n\n", encoding="utf-8")
    for mt, published, named in [(empty, story, empty), (story, empty, empty), (story, blank, blank)]:
        for fmt in ("text", "json"):
            assert main(["compare", "--format", fmt, str(mt), str(published)]) == 2
            out = capsys.readouterr()
            assert out.out == "" and len(out.err.strip().splitlines()) == 1, out
            assert out.err.startswith(f"jaanch: {named}: is empty"), out.err


def test_compare_names_standard_input_as_not_read(tmp_path, capsys):
    """`compare - story.txt` said "-: no such file", as if a file were missing."""
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    for argv in (["compare", "-", str(story)], ["compare", str(story), "-"]):
        assert main(argv) == 2
        out = capsys.readouterr()
        assert out.out == "" and len(out.err.strip().splitlines()) == 1, out
        assert out.err.startswith("jaanch: -: compare reads two files, not standard input"), out.err


def test_lm_train_refuses_to_write_the_model_into_its_corpus(tmp_path, capsys):
    """The model's tables went into the corpus folder, among the articles a later run reads."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "alias").symlink_to(corpus)
    for given, output in [(corpus, corpus / "model"), (corpus, corpus), (corpus, corpus / "x" / ".." / "y"),
                          (tmp_path / "alias", corpus / "model"), (corpus, tmp_path / "alias" / "model")]:
        assert main(["lm", "train", str(given), "-o", str(output)]) == 2, output
        line = one_line(capsys)
        assert line.startswith(f"jaanch: -o {output}: ") and "corpus folder" in line, line
        assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"], output
    assert main(["lm", "train", str(corpus), "-o", str(tmp_path / "model")]) == 0  # beside it: written
    assert (tmp_path / "model" / "meta.json").is_file()


def test_glossary_apply_with_nothing_accepted_writes_nothing(tmp_path, capsys):
    """No row marked accept=yes wrote a glossary of only its header (a new file, or the old one rewritten)."""
    review = tmp_path / "review.tsv"
    review.write_text("form\trole\taccept\tlatin\tcanonical\nलुमा\tvariant\tno\tLuma\tलूमा\n"
                      "Luma\tcasing\tyes\tLuma\tलूमा\n", encoding="utf-8")
    missing = tmp_path / "new.tsv"
    assert main(["glossary", "apply", str(review), "--glossary", str(missing)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and f"{missing} was not written" in out[0] and "accept=yes" in out[0], out
    assert not missing.exists()
    desk = tmp_path / "desk.tsv"
    kept = "latin\tcanonical\tvariants\n\nLuma\tलूमा\tलुमा\n"  # a blank line the rewrite dropped
    desk.write_text(kept, encoding="utf-8")
    assert main(["glossary", "apply", str(review), "--glossary", str(desk)]) == 0
    assert desk.read_text(encoding="utf-8") == kept
    review.write_text("form\trole\taccept\tlatin\tcanonical\nलुमा\tvariant\tyes\tLuma\tलूमा\n", encoding="utf-8")
    assert main(["glossary", "apply", str(review), "--glossary", str(desk)]) == 0  # already there: untouched
    assert desk.read_text(encoding="utf-8") == kept and "0 variants added" in capsys.readouterr().out


def test_review_names_a_bad_source_as_check_does(tmp_path, capsys, monkeypatch):
    """review --source of a missing file said the system's "No such file or directory"; check says
    "no such file". Both now read it through one path: the same line for a missing file or a folder."""
    import tui.app
    from tui.cli import main as jaanch

    monkeypatch.setattr(tui.app, "run", lambda *args, **kwargs: 0)
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    for source in (tmp_path / "missing.txt", tmp_path):
        assert main(["check", "--source", str(source), str(story)]) == 2
        said_by_check = one_line(capsys)
        assert jaanch(["review", "--source", str(source), str(story)]) == 2
        assert one_line(capsys) == said_by_check, source
        assert said_by_check.startswith(f"jaanch: {source}: ")
    assert said_by_check.endswith("is a folder, not a file")


def test_an_empty_file_name_is_refused_by_every_command(tmp_path, capsys, monkeypatch):
    """'' was the current folder (`check ''` checked every article in it; `lm train DIR -o ''` wrote the
    model's tables there) or, for an option, nothing at all (`--write-baseline ''` wrote no baseline)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "b.txt").write_text(ARTICLE, encoding="utf-8")
    c, a = str(corpus), "a.txt"
    for argv in [["check", ""], ["check", "--write-baseline", "", a], ["check", "--baseline", "", a],
                 ["check", "--config", "", a], ["check", "--glossary", "", a], ["check", "--source", "", a],
                 ["check", "--lm", "", a], ["check", "--ray", "local", "--output-parquet", "", a],
                 ["report", c, "-o", ""], ["calibrate", c, "-o", ""], ["rules", "--config", ""],
                 ["lm", "train", c, "-o", ""], ["lm", "train", "", "-o", "m"], ["compare", a, ""],
                 ["glossary", "stats", c, "-o", ""], ["glossary", "mine", c, "-o", ""],
                 ["glossary", "apply", "", "--glossary", "g.tsv"], ["glossary", "lint", ""],
                 ["glossary", "import", "", "-o", "g.tsv"], ["glossary", "export", "", "-o", "g.csv"]]:
        assert main(argv) == 2, argv
        line = one_line(capsys)
        assert "give a file or folder name, not an empty one" in line, (argv, line)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "corpus"]


def test_glossary_lint_refuses_a_named_pipe_and_a_device(tmp_path):
    """Telling a concept table from a glossary read the whole file first: a named pipe waited for a
    writer for ever, /dev/zero was read until memory ran out. (The timeout only ends a hang.)"""
    import os
    import subprocess
    import sys

    pipe = tmp_path / "terms.tsv"
    os.mkfifo(pipe)
    for path, said in [(pipe, "is a named pipe"), ("/dev/zero", "is a device")]:
        proc = subprocess.run([sys.executable, "-m", "audit.cli.main", "glossary", "lint", str(path)],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path,
                              env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
        assert proc.returncode == 2 and proc.stderr.startswith(f"jaanch: {path}: {said}"), proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_glossary_apply_names_a_glossary_it_cannot_read(tmp_path, capsys):
    """The glossary to change: a folder said the system's "Is a directory"; an empty file (or
    /dev/null) and one not in UTF-8 were internal errors. An empty file is now a new glossary."""
    review = tmp_path / "review.tsv"
    review.write_text("form\trole\taccept\tlatin\tcanonical\nलुमा\tvariant\tyes\tLuma\tलूमा\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.tsv"
    latin1.write_bytes(b"latin\tcanonical\tvariants\nCaf\xe9\tx\t\n")
    for glossary, said in [(tmp_path, f"{tmp_path}: is a folder, not a file"),
                           ("/dev/null", "/dev/null: is a device"), (latin1, f"{latin1}:2: the glossary is not UTF-8")]:
        assert main(["glossary", "apply", str(review), "--glossary", str(glossary)]) == 2, glossary
        assert one_line(capsys).startswith(f"jaanch: {said}"), glossary
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    assert main(["glossary", "apply", str(review), "--glossary", str(empty)]) == 0, capsys.readouterr().err
    assert empty.read_text(encoding="utf-8").splitlines()[1].startswith("Luma\tलूमा\tलुमा")


def test_lm_train_onto_a_file_is_one_line_and_leaves_it(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("keep\n", encoding="utf-8")
    assert main(["lm", "train", str(corpus), "-o", str(notes)]) == 2
    assert one_line(capsys) == (f"jaanch: -o {notes}: is a file; the model is a folder: "
                                 "name a new folder or an old model")
    assert notes.read_text(encoding="utf-8") == "keep\n"


def test_review_with_a_cell_mode_it_cannot_use_is_one_line_before_the_app(tmp_path, capsys, monkeypatch):
    """JAANCH_CELLS=bogus (or set but empty) was an internal error, exit 3, from inside the app."""
    import tui.app
    from tui.cli import main as jaanch

    started = []
    monkeypatch.setattr(tui.app, "run", lambda *args, **kwargs: started.append(kwargs) or 0)
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("JAANCH_CELLS", "bogus")
    assert jaanch(["review", str(story)]) == 2 and not started
    assert one_line(capsys) == "jaanch: JAANCH_CELLS='bogus': give one of glibc, merged (or --cells)"
    assert jaanch(["review", "--cells", "merged", str(story)]) == 0 and started  # the option wins
    monkeypatch.setenv("JAANCH_CELLS", "")
    assert jaanch(["review", str(story)]) == 0

    from tui import cells

    assert cells.install() == "glibc"  # the app's own reading: set but empty is unset (it raised)
