"""A TBX import's errors found once the entries are read (a glossary that cannot load: an entry with
no Hindi preferred term, a Latin form two entries give) named the TBX and nothing else: "empty
'canonical' field" in a termbase of thousands of entries. Each names the entry, by its id and the
line its element starts on, as the checks made while reading (two preferred terms) now do too."""

from __future__ import annotations

from audit.cli.main import main
from conftest import ROOT, one_line

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" '
        'xml:lang="en">\n <text>\n  <body>\n')
TAIL = "  </body>\n </text>\n</tbx>\n"


def _entry(ident, latin, hindi=None):
    hi = f'\n    <langSec xml:lang="hi"><termSec><term>{hindi}</term></termSec></langSec>' if hindi else ""
    return (f'   <conceptEntry id="{ident}">\n    <langSec xml:lang="en"><termSec><term>{latin}</term></termSec>'
            f"</langSec>{hi}\n   </conceptEntry>\n")


def _import(tmp_path, *entries):
    tbx = tmp_path / "terms.tbx"
    tbx.write_text(HEAD + "".join(entries) + TAIL, encoding="utf-8")
    out = tmp_path / "out.tsv"
    return tbx, out, main(["glossary", "import", str(tbx), "-o", str(out)])


def _line(tbx, ident):
    return next(n for n, line in enumerate(tbx.read_text(encoding="utf-8").splitlines(), 1) if f'id="{ident}"' in line)


def test_an_entry_with_no_hindi_term_is_named(tmp_path, capsys):
    tbx, out, code = _import(tmp_path, _entry("c1", "Nvidia", "एनवीडिया"), _entry("c7", "DeepSeek"))
    assert code == 2 and not out.exists()
    assert one_line(capsys) == f"jaanch: {tbx}:{_line(tbx, 'c7')}: conceptEntry 'c7': empty 'canonical' field"


def test_a_latin_form_two_entries_give_names_the_second_and_the_first(tmp_path, capsys):
    tbx, out, code = _import(tmp_path, _entry("c1", "Nvidia", "एनवीडिया"), _entry("c2", "OpenAI", "ओपनएआई"),
                             _entry("c3", "Nvidia", "एनविडिया"))
    assert code == 2 and not out.exists()
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {tbx}:{_line(tbx, 'c3')}: conceptEntry 'c3': "), line
    assert f"{tbx}:{_line(tbx, 'c1')}" in line.split(": conceptEntry 'c3': ", 1)[1], line  # the first, by its line


def test_a_concept_table_entry_is_named_too(tmp_path, capsys):
    tbx = tmp_path / "concepts.tbx"
    assert main(["glossary", "export", str(ROOT / "glossaries" / "concepts.tsv"), "-o", str(tbx)]) == 0
    text = tbx.read_text(encoding="utf-8")
    first = text.index("<conceptEntry ")
    second = text.index("<conceptEntry ", first + 1)
    ident = text[second:].split('"')[1]
    # the second entry loses its English term: a concept row needs one
    body = text[second:text.index("</conceptEntry>", second)]
    english = body[body.index('<langSec xml:lang="en">'):body.index("</langSec>") + len("</langSec>")]
    tbx.write_text(text[:second] + body.replace(english, "") + text[second + len(body):], encoding="utf-8")
    capsys.readouterr()
    assert main(["glossary", "import", str(tbx), "-o", str(tmp_path / "out.tsv")]) == 2
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {tbx}:{_line(tbx, ident)}: conceptEntry {ident!r}: "), line
