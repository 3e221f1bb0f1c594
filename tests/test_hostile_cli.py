"""What a hostile user found on the command line: each ended in a traceback or a wrong exit code."""

from __future__ import annotations

import os

from audit.cli.main import main

ARTICLE = "कंपनी ने ओपन -सोर्स मॉडल जारी किया।\n"  # FMT002: a space before the hyphen


def test_report_names_an_article_whose_file_name_is_not_utf8(tmp_path, capsys):
    (tmp_path / os.fsdecode(b"x\xff.txt")).write_text(ARTICLE, encoding="utf-8")
    page = tmp_path / "report.html"
    assert main(["report", "-o", str(page), str(tmp_path)]) == 0, capsys.readouterr().err
    assert "x\\xff.txt" in page.read_text(encoding="utf-8")


def test_a_suppressions_file_of_numbers_is_one_plain_line(tmp_path, capsys):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".jaanch-suppressions.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["check", str(tmp_path / "story.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ".jaanch-suppressions.json" in err[0], err
    assert "dismissal 1 is int" in err[0] and "argument after **" not in err[0], err


def test_review_of_an_undecodable_article_is_one_line_before_the_app_starts(tmp_path, capsys, monkeypatch):
    import tui.app
    from tui.cli import main as jaanch

    started = []
    monkeypatch.setattr(tui.app, "run", lambda *args, **kwargs: started.append(args) or 0)
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad.write_bytes("पहली पंक्ति\n".encode() + b"caf\xe9\n")
    assert jaanch(["review", str(good), str(bad)]) == 2 and not started
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{bad}:2:" in err[0] and "UTF-8" in err[0], err
    assert jaanch(["review", str(good)]) == 0 and started  # a readable one still opens


def test_a_journal_jaanch_did_not_write_never_stops_a_review(tmp_path):
    """A hand-edited or foreign journal: its bad lines end what is read, its bad records are skipped."""
    from audit.lint.engine import Engine
    from audit.review.journal import journal_path
    from audit.review.session import ReviewSession

    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    opened = b'{"event": "open", "sha256": "x"}\n'
    engine = Engine()
    for journal, pending, outcome in [
        (b"\xff\xfe\n", 0, (0, 0)),  # not UTF-8
        (b"5\n" + opened + b'{"event": "undo"}\n', 0, (0, 0)),  # not an object: nothing after it is read
        (opened + b'{"event": "accept"}\n', 1, (0, 1)),  # no offsets
        (opened + b'{"event": "dismiss"}\n', 1, (0, 1)),  # no code
        (opened + b'{"event": "accept", "start": "a", "end": 3, "old": "x", "new": "y"}\n', 1, (0, 1)),
    ]:
        journal_path(story).write_bytes(journal)
        session = ReviewSession.open(story, engine)
        assert len(session.pending_replay()) == pending, journal
        assert session.start(True) == outcome, journal
        assert session.text == ARTICLE


def test_glossary_export_refuses_what_is_not_a_glossary(tmp_path, capsys):
    """Not UTF-8 was an internal error (exit 3); a missing file or a TSV of other columns exported an
    empty or meaningless glossary with exit 0."""
    latin1, other = tmp_path / "latin1.tsv", tmp_path / "other.tsv"
    latin1.write_bytes(b"latin\tcanonical\nCaf\xe9\tx\n")
    other.write_text("hello\tworld\n", encoding="utf-8")
    for source, where in [(latin1, f"{latin1}:2:"), (tmp_path / "missing.tsv", "missing.tsv"), (other, f"{other}:1:")]:
        for suffix in (".tbx", ".csv"):
            out = tmp_path / f"out{suffix}"
            assert main(["glossary", "export", str(source), "-o", str(out)]) == 2, (source, suffix)
            err = capsys.readouterr().err.strip().splitlines()
            assert len(err) == 1 and where in err[0] and "internal error" not in err[0], err
            assert not out.exists()


def test_standard_input_is_read_only_as_far_as_the_size_limit(tmp_path):
    """`jaanch check - < /dev/zero` read for ever; now it stops past --max-file-mb with one line."""
    import subprocess
    import sys

    with open("/dev/zero", "rb") as zeros:
        proc = subprocess.run([sys.executable, "-m", "audit.cli.main", "check", "--max-file-mb", "0.5", "-"],
                              stdin=zeros, capture_output=True, text=True, timeout=120, cwd=tmp_path,
                              env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == ("jaanch: <stdin>: more than 0.5 MB, far larger than any news article "
                                   "(the limit is 0.5 MB; --max-file-mb raises it)"), proc.stderr


def test_review_refuses_a_device_standard_input_and_a_file_over_the_limit(tmp_path, capsys, monkeypatch):
    import tui.app
    from tui.cli import main as jaanch

    monkeypatch.setattr(tui.app, "run", lambda *args, **kwargs: 0)
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100, encoding="utf-8")
    for argv, named in [(["/dev/zero"], "/dev/zero: is a device"), (["-"], "-: standard input is read by"),
                        (["--max-file-mb", "0.001", str(big)], "big.txt: ")]:
        assert jaanch(["review", *argv]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and named in err[0], err


def test_a_review_table_named_tsv_is_tab_separated_both_ways(tmp_path, capsys):
    """`glossary mine -o review.tsv` wrote CSV into it, and `glossary apply` of a TSV (as a
    spreadsheet saves one) said it lacked every column."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("ओपनएआई ने मॉडल जारी किया।\n", encoding="utf-8")
    (corpus / "b.txt").write_text("ओपनऐआई ने मॉडल जारी किया।\n", encoding="utf-8")
    table = tmp_path / "review.tsv"
    assert main(["glossary", "mine", str(corpus), "-o", str(table), "--jobs", "1"]) == 0, capsys.readouterr().err
    header = table.read_text(encoding="utf-8").splitlines()[0]
    assert "\t" in header and "," not in header, header
    desk = tmp_path / "desk.tsv"
    desk.write_text("latin\tcanonical\tvariants\nLuma\tलूमा\t\n", encoding="utf-8")
    review = tmp_path / "accepted.tsv"
    review.write_text("form\trole\taccept\tlatin\tcanonical\nलुमा\tvariant\tyes\tLuma\tलूमा\n", encoding="utf-8")
    assert main(["glossary", "apply", str(review), "--glossary", str(desk)]) == 0, capsys.readouterr().err
    assert "लुमा" in desk.read_text(encoding="utf-8")


def test_an_output_named_as_one_of_the_articles_read_is_refused_and_the_article_kept(tmp_path, capsys):
    """`report archive -o archive/story.txt` replaced the article with the HTML page (and so did a
    baseline, a calibrated jaanch.toml or a stats table written onto an article): refused before
    anything runs, through another name for the file too."""
    archive = tmp_path / "archive"
    archive.mkdir()
    story = archive / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    (archive / "other.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(story)
    terms = tmp_path / "terms.csv"
    terms.write_text("latin,canonical\nLuma,लूमा\n", encoding="utf-8")
    commands = {
        "report": ["report", str(archive), "-o", str(story)],
        "report, another name": ["report", str(archive), "-o", str(tmp_path / "alias.txt")],
        "calibrate": ["calibrate", str(archive), "-o", str(archive / "other.md")],
        "glossary stats": ["glossary", "stats", str(archive), "-o", str(story)],
        "check --write-baseline": ["check", "--write-baseline", str(story), str(story)],
        "check --write-baseline over --source": ["check", "--source", str(archive / "other.md"),
                                                 "--write-baseline", str(archive / "other.md"), str(story)],
        "glossary import onto its source": ["glossary", "import", str(terms), "-o", str(terms)],
    }
    for name, argv in commands.items():
        code = main(argv)
        err = capsys.readouterr().err.strip().splitlines()
        assert code == 2 and len(err) == 1 and "this run reads; nothing was written" in err[0], (name, err)
        assert argv[argv.index("-o") + 1 if "-o" in argv else argv.index("--write-baseline") + 1] in err[0], name
        for path in (story, archive / "other.md"):
            assert path.read_text(encoding="utf-8") == ARTICLE, name
        assert terms.read_text(encoding="utf-8") == "latin,canonical\nLuma,लूमा\n", name
    assert main(["report", str(archive), "-o", str(tmp_path / "r.html")]) == 0  # any other output: written as before
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!doctype html>")
