"""A TBX entry from another termbase tool: each language has one preferred term. A second one
(or a second term with no status at all, which TBX reads as preferred) was made a variant, which
jaanch then flags as a misspelling of the first, or dropped without a word. It is refused with one
line naming the file and the entry; nothing is written. A concept table's admitted Hindi terms
(its alternatives) were dropped the same way when no jaanch column carried them."""

from __future__ import annotations

import pytest

from audit.cli.main import main
from conftest import one_line

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" '
        'xml:lang="en"><tbxHeader><fileDesc><sourceDesc><p>a termbase</p></sourceDesc></fileDesc>{columns}'
        '</tbxHeader><text><body>')
TAIL = "</body></text></tbx>\n"
CONCEPT_COLUMNS = ('<encodingDesc><p type="jaanch-columns">english\tpos\ttranslit\ttranslit_variants\t'
                   'translit_gender\thindi\thindi_gender\thindi_alternatives\testablished\tdomain\tnote\tmixing'
                   '</p></encodingDesc>')


VERB = ''.join(f'<descrip type="jaanch-{k}">{v}</descrip>' for k, v in
               [("pos", "verb"), ("translit_gender", "-"), ("hindi_gender", "-"), ("established", "no"),
                ("domain", "general")])


def _term(text, status=None):
    note = f'<termNote type="administrativeStatus">{status}Term-admn-sts</termNote>' if status else ""
    return f"<termSec><term>{text}</term>{note}</termSec>"


def _entry(ident, en, hi, extra=""):
    return (f'<conceptEntry id="{ident}">{extra}<langSec xml:lang="en">{"".join(en)}</langSec>'
            f'<langSec xml:lang="hi">{"".join(hi)}</langSec></conceptEntry>')


def _import(tmp_path, body, columns=""):
    tbx = tmp_path / "terms.tbx"
    tbx.write_text(HEAD.format(columns=columns) + body + TAIL, encoding="utf-8")
    out = tmp_path / "out.tsv"
    return tbx, out, main(["glossary", "import", str(tbx), "-o", str(out)])


GOOD = _entry("t1", [_term("OpenAI", "preferred")], [_term("ओपनएआई", "preferred"), _term("ओपन एआई", "admitted")])


@pytest.mark.parametrize("terms", [
    [_term("एंथ्रोपिक", "preferred"), _term("एन्थ्रोपिक", "preferred")],
    [_term("एंथ्रोपिक"), _term("एन्थ्रोपिक")],  # no status: preferred
    [_term("एंथ्रोपिक", "preferred"), _term("अन्थ्रोपिक", "deprecated"), _term("एन्थ्रोपिक")],
])
def test_a_second_preferred_hindi_term_is_one_line(tmp_path, capsys, terms):
    tbx, out, code = _import(tmp_path, GOOD + _entry("t2", [_term("Anthropic", "preferred")], terms))
    assert code == 2 and not out.exists()
    line = one_line(capsys)
    assert line.startswith(f"jaanch: {tbx}:2: conceptEntry 't2' has two preferred Hindi terms, 'एंथ्रोपिक' and 'एन्थ्रोपिक'"), line
    assert "admitted" in line and "deprecated" in line


def test_a_second_preferred_english_term_is_one_line(tmp_path, capsys):
    """It became a 'casing' of the first."""
    tbx, out, code = _import(tmp_path, _entry("t1", [_term("OpenAI", "preferred"), _term("Open AI", "preferred")],
                                             [_term("ओपनएआई", "preferred")]))
    assert code == 2 and not out.exists()
    assert one_line(capsys).startswith(f"jaanch: {tbx}:2: conceptEntry 't1' has two preferred English terms, "
                                       "'OpenAI' and 'Open AI'")


def test_one_preferred_term_each_imports_as_before(tmp_path):
    _, out, code = _import(tmp_path, GOOD)
    assert code == 0
    assert out.read_text(encoding="utf-8").splitlines()[1].split("\t")[:4] == ["OpenAI", "ओपनएआई", "", "ओपन एआई"]


def test_a_concept_entry_with_two_preferred_hindi_terms_is_one_line(tmp_path, capsys):
    """The second was dropped without a word."""
    entry = _entry("k9", [_term("excel", "preferred")], [_term("बेहतर", "preferred"), _term("आगे", "preferred")],
                   VERB)
    tbx, out, code = _import(tmp_path, entry, CONCEPT_COLUMNS)
    assert code == 2 and not out.exists()
    assert one_line(capsys).startswith(f"jaanch: {tbx}:2: conceptEntry 'k9' has two preferred Hindi terms, "
                                       "'बेहतर' and 'आगे'")


def test_a_concept_entrys_admitted_hindi_terms_are_its_alternatives(tmp_path):
    entry = _entry("k1", [_term("excel", "preferred")],
                   [_term("बेहतर", "preferred"), _term("आगे", "admitted"), _term("एक्सेल", "deprecated")],
                   VERB)
    _, out, code = _import(tmp_path, entry, CONCEPT_COLUMNS)
    assert code == 0
    header, row = (line.split("\t") for line in out.read_text(encoding="utf-8").splitlines())
    row = dict(zip(header, row))
    assert (row["hindi"], row["hindi_alternatives"], row["translit"]) == ("बेहतर", "आगे", "एक्सेल")


@pytest.mark.parametrize("term, shown", [
    ("ओपन|ई", "'ओपन|ई'"),  # two variants, silently
    ("ओपन\tई", "'ओपन\\tई'"),  # the row written had a field too many, named by no entry
    ("ओपन\nई", "'ओपन\\nई'"),
])
def test_a_term_a_glossary_cell_cannot_hold_is_one_line(tmp_path, capsys, term, shown):
    body = _entry("t7", [_term("OpenAI", "preferred")], [_term("ओपनएआई", "preferred"), _term(term, "deprecated")])
    tbx, out, code = _import(tmp_path, body)
    assert code == 2 and not out.exists()
    assert one_line(capsys).startswith(f"jaanch: {tbx}:2: conceptEntry 't7' has a term holding a tab or a line "
                                       f"break, or '|', ({shown})")


def test_a_jaanch_column_with_a_line_break_names_its_entry(tmp_path, capsys):
    body = _entry("t8", [_term("OpenAI", "preferred")], [_term("ओपनएआई", "preferred")],
                  "<note>first line\nsecond line</note>")
    tbx, out, code = _import(tmp_path, body)
    assert code == 2 and not out.exists()
    assert one_line(capsys).startswith(f"jaanch: {tbx}:2: conceptEntry 't8' has <note> holding a tab or a line break")
