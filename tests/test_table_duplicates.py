"""A keyed table that takes the same key twice is an error naming the file and the second line:
the loaders kept one of the two rows silently (a currency's second band, a phrase's second fix)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audit.core.errors import GlossaryError
from audit.language.lexicon import LEXICON_DIR, Lexicon
from audit.language.numerals import NUMERALS, Numerals
from audit.language.tables import read_table


def _lexicon_copy(tmp: Path) -> Path:
    folder = tmp / "lexicon"
    shutil.copytree(LEXICON_DIR, folder)
    return folder


def _append_copy_of_first_row(path: Path) -> int:
    """Appends the table's first data row again (its key with it); returns the copy's line."""
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    return len(lines) + 1


def _append_row(path: Path, row: str) -> int:
    """Appends one data row (its fields tab-separated); returns its line."""
    line = len(path.read_text(encoding="utf-8").rstrip("\n").split("\n")) + 1
    with path.open("a", encoding="utf-8") as out:
        out.write(row + "\n")
    return line


def _refused_row(tmp_path: Path, name: str, row: str, prop: str) -> GlossaryError:
    """Appends `row` to a copy of the lexicon's table `name` and reads it through `prop`: the error,
    which must name that table and the row's line."""
    folder = _lexicon_copy(tmp_path)
    table = folder / name
    line = _append_row(table, row)
    with pytest.raises(GlossaryError) as caught:
        getattr(Lexicon(folder), prop)
    assert (caught.value.path, caught.value.line) == (str(table), line)
    return caught.value


def test_exchange_rates_refuse_a_currency_twice(tmp_path):
    error = _refused_row(tmp_path, "exchange_rates.tsv", "USD\t70\t90\ta second band", "exchange_rates")
    assert "'USD'" in error.reason and "line 3" in error.reason  # the first USD row


# Every lexicon table keyed by a column, and the property that reads it (None: the constructor).
LEXICON_TABLES = {
    "senses.tsv": None, "anglicisms.tsv": None, "doubled_words.tsv": None, "numbers.tsv": None,
    "loanwords.tsv": None, "stopwords.tsv": None, "soundalikes.tsv": None, "question_words.tsv": None,
    "side_cues.tsv": "side_cues", "exchange_rates.tsv": "exchange_rates", "hybrid_suffixes.tsv": "hybrid_suffixes",
    "attributive_forms.tsv": "attributive_forms", "broken_auxiliaries.tsv": None,
    "currency_names.tsv": None, "given_names.tsv": "given_names",
}


@pytest.mark.parametrize("name", sorted(LEXICON_TABLES))
def test_every_keyed_lexicon_table_refuses_a_row_twice(name, tmp_path):
    folder = _lexicon_copy(tmp_path)
    Lexicon(folder) if LEXICON_TABLES[name] is None else getattr(Lexicon(folder), LEXICON_TABLES[name])
    line = _append_copy_of_first_row(folder / name)
    with pytest.raises(GlossaryError) as caught:
        lexicon = Lexicon(folder)
        if LEXICON_TABLES[name]:
            getattr(lexicon, LEXICON_TABLES[name])
    assert caught.value.path == str(folder / name) and caught.value.line == line, caught.value.one_line()
    assert "line 2" in caught.value.reason


def test_numerals_refuse_a_form_twice_in_one_language(tmp_path):
    table = tmp_path / "numerals.tsv"
    shutil.copy(NUMERALS, table)
    Numerals(table)  # the shipped table has ₹ once per language
    line = _append_copy_of_first_row(table)
    with pytest.raises(GlossaryError) as caught:
        Numerals(table)
    assert caught.value.line == line


def test_a_key_of_two_columns_and_empty_keys(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("word\tkind\n\tside\nTitans\tside\nTitans\tplace\n\tside\n", encoding="utf-8")
    assert len(read_table(table, ("word", "kind"), unique=("word", "kind"))) == 4  # another kind; empty keys
    table.write_text("word\tkind\nTitans\tside\nTitans\tplace\nTitans \tside\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_table(table, ("word", "kind"), unique=("word", "kind"))
    assert caught.value.one_line() == f"{table}:4: duplicate row: word 'Titans', kind 'side' is already on line 2"


def test_set_compounds_refuse_a_first_word_both_open_and_paired(tmp_path):
    # डोप is listed with any loan after it; a row pairing it with one word contradicts that row
    error = _refused_row(tmp_path, "set_compounds.tsv", "डोप\tटेस्ट\ta pair for a first word already open to any loan",
                         "set_compounds")
    assert "'डोप'" in error.reason


def test_set_compounds_take_several_second_words_for_one_first(tmp_path):
    folder = _lexicon_copy(tmp_path)
    _append_row(folder / "set_compounds.tsv", "डिजिटल\tपेमेंट\tanother pair for the same first word")
    assert Lexicon(folder).set_compounds["डिजिटल"] == frozenset({"अरेस्ट", "पेमेंट"})


def test_name_words_are_read_by_kind_from_the_table(tmp_path):
    # ANGL004's name gates read `name_words.tsv`: a row added there is a gate word of its kind
    folder = _lexicon_copy(tmp_path)
    _append_row(folder / "name_words.tsv", "योजना\tscheme_opener\ta row the test adds")
    words = Lexicon(folder).name_words
    assert "योजना" in words["scheme_opener"] and "मिशन" in words["scheme_opener"]
    assert "इंडियन" in words["demonym"] and "निगम" in words["org_head"] and "रैप" in words["genre"]


def test_name_words_refuse_an_unknown_kind(tmp_path):
    _refused_row(tmp_path, "name_words.tsv", "सेवा\tservice_head\ta kind no gate reads", "name_words")
