"""Usage a user got wrong, each one line naming what to do, exit 2: standard input given as the English
source, an import with no entries, an unknown option of a subcommand pointed at that subcommand's help."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line

TBX = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" '
       'style="dca" xml:lang="en">\n<tbxHeader><fileDesc><sourceDesc><p>a desk list</p></sourceDesc></fileDesc>'
       '{columns}</tbxHeader>\n<text><body>\n</body></text>\n</tbx>\n')
CONCEPT_COLUMNS = ("english\tpos\ttranslit\ttranslit_variants\ttranslit_gender\thindi\thindi_gender\t"
                   "hindi_alternatives\testablished\tdomain\tnote\tmixing")


def test_source_from_standard_input_is_refused_in_one_line(story, capsys):
    """`check --source - story.txt` said "-: no such file", as if a file named '-' were missing."""
    for argv in (["check", "--source", "-", str(story)], ["check", "--source", "-", "-"],
                 ["review", "--source", "-", str(story)]):
        assert main(argv) == 2
        line = one_line(capsys)
        assert "--source" in line and "standard input" in line and "no such file" not in line, line


@pytest.mark.parametrize("name, text", [
    ("desk.tbx", TBX.format(columns="")),
    ("concepts.tbx", TBX.format(columns=f'<encodingDesc><p type="jaanch-columns">{CONCEPT_COLUMNS}</p></encodingDesc>')),
    ("desk.csv", "latin,canonical,variants\n"),
    ("desk_blank.csv", "latin,canonical,variants\n\n\n"),
    ("concepts.csv", CONCEPT_COLUMNS.replace("\t", ",") + "\n"),
])
def test_an_import_with_no_entries_is_refused(tmp_path, capsys, name, text):
    """A TBX or CSV with no entries imported as a header-only glossary, exit 0, where a concept-table
    TBX was refused: every import of nothing is now one line naming the file, and nothing is written."""
    source, output = tmp_path / name, tmp_path / "out.tsv"
    source.write_text(text, encoding="utf-8")
    assert main(["glossary", "import", str(source), "-o", str(output)]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {source}:") and "no entries" in line, line
    assert not output.exists()


@pytest.mark.parametrize("argv", [
    ["check", "x.txt"], ["review", "x.txt"], ["report", "c", "-o", "r.html"], ["rules"],
    ["calibrate", "a", "-o", "j.toml"], ["compare", "a.txt", "b.txt"], ["lm", "train", "c", "-o", "m"],
    ["glossary", "lint"], ["glossary", "mine", "c", "-o", "r.csv"], ["glossary", "stats", "c"],
    ["glossary", "import", "a.tbx", "-o", "a.tsv"], ["glossary", "export", "a.tsv", "-o", "a.tbx"],
    ["glossary", "apply", "r.csv", "--glossary", "d.tsv"],
])
def test_an_unknown_option_points_at_its_own_subcommands_help(capsys, argv):
    """`jaanch lm train --bogus` pointed at `jaanch --help`, which does not list lm train's options."""
    cut = 2 if argv[0] in ("lm", "glossary") else 1
    assert main([*argv, "--bogus"]) == 2
    line = one_line(capsys)
    assert line == f"jaanch: unrecognized arguments: --bogus (see `jaanch {' '.join(argv[:cut])} --help`)", line
