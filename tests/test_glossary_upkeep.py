"""`jaanch glossary stats` and `glossary apply` on the inputs a desk really has: an empty glossary,
a review table saved again by a spreadsheet or a dataframe library, a glossary saved on Windows."""

from __future__ import annotations

import csv

import pytest

from audit.cli.main import main
from conftest import one_line

HEADER = "latin\tcanonical\tvariants\taccepted\tcasings\tdnt\twrong_renderings\tcues\tkind\tnote"
STORY = "केस्ट्रोवा ने आज बेंगलुरु में अपना नया दफ्तर खोला।\n"


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "one.txt").write_text(STORY, encoding="utf-8")
    return folder


@pytest.mark.parametrize("how", ["no-house-glossary", "header-only", "config"])
@pytest.mark.parametrize("to_file", [False, True], ids=["summary", "table"])
def test_stats_over_a_glossary_with_no_entries_says_so(tmp_path, archive, capsys, how, to_file):
    """With no entry in force, stats was an internal error (exit 3): polars made a table of no
    columns from no rows. Now the table has its header and no row, and the summary says why."""
    args = ["glossary", "stats", str(archive)]
    if how == "no-house-glossary":
        args.append("--no-house-glossary")
    elif how == "header-only":
        empty = tmp_path / "empty.tsv"
        empty.write_text(HEADER + "\n", encoding="utf-8")
        args += ["--no-house-glossary", "--glossary", str(empty)]
    else:
        (tmp_path / "jaanch.toml").write_text("house-glossary = false\n", encoding="utf-8")
        args += ["--config", str(tmp_path / "jaanch.toml")]
    table = tmp_path / "stats.csv"
    if to_file:
        args += ["-o", str(table)]
    assert main(args) == 0
    out = capsys.readouterr()
    assert "no entries" in out.out and not out.err, out
    if to_file:
        with open(table, encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        assert rows == [["latin", "canonical", "kind", "line", "uses", "variant_findings", "casing_findings",
                         "translated_findings", "fired"]]


def _review(path, accept, **columns):
    """A review table as `glossary mine` writes it, its `accept` column as given (a Parquet table
    saved again by pandas or polars keeps the type it was given there)."""
    import polars as pl

    forms = ["केस्त्रोवा", "केसट्रोवा", "केस्ट्रोवा"]
    frame = pl.DataFrame({"form": forms, "role": ["variant"] * 3, "canonical": ["केस्ट्रोवा"] * 3,
                          "latin": ["Kestrova"] * 3, "accept": accept, **columns})
    frame.write_parquet(path)
    return path


def _glossary(tmp_path, body="Kestrova\tकेस्ट्रोवा\t\t\t\t\t\t\tcompany\t\n", name="names.tsv"):
    path = tmp_path / name
    path.write_text(HEADER + "\n" + body, encoding="utf-8")
    return path


def _variants(glossary):
    from audit.language.glossary import Glossary

    return {e.latin: e.variants for e in Glossary.load([glossary]).entries}


@pytest.mark.parametrize("accept", [
    [True, False, None],
    [1, 0, None],
    [1.0, float("nan"), None],  # pandas: a column of 1s with empty cells is a float column
], ids=["bool", "int", "float"])
def test_apply_reads_a_typed_accept_column_as_the_answers_it_means(tmp_path, capsys, accept):
    """A review table re-saved with `accept` as booleans or 0/1 was an internal error ('bool'
    object has no attribute 'strip'); True and 1 mean yes, False, 0 and empty mean no."""
    glossary = _glossary(tmp_path)
    assert main(["glossary", "apply", "--glossary", str(glossary), str(_review(tmp_path / "r.parquet", accept))]) == 0
    assert _variants(glossary) == {"Kestrova": ("केस्त्रोवा",)}
    assert "1 variants added" in capsys.readouterr().out


def test_apply_names_the_row_of_a_number_that_is_no_answer(tmp_path, capsys):
    glossary = _glossary(tmp_path)
    before = glossary.read_bytes()
    review = _review(tmp_path / "r.parquet", [1, 2, 0])
    assert main(["glossary", "apply", "--glossary", str(glossary), str(review)]) == 2
    assert one_line(capsys) == f"jaanch: {review}:3: 'accept' must be yes or no (or left empty), got '2'"
    assert glossary.read_bytes() == before


@pytest.mark.parametrize("column, values", [
    ("accept", [[1], [0], [1]]),  # a list per cell
    ("latin", [1, 2, 3]),
    ("form", [b"a", b"b", b"c"]),
], ids=["accept-list", "latin-numbers", "form-bytes"])
def test_apply_refuses_a_column_of_another_type_in_one_line(tmp_path, capsys, column, values):
    glossary = _glossary(tmp_path)
    before = glossary.read_bytes()
    review = tmp_path / "r.parquet"
    if column == "accept":
        _review(review, values)
    else:
        import polars as pl

        _review(review, ["yes"] * 3)
        pl.read_parquet(review).with_columns(pl.Series(column, values)).write_parquet(review)
    assert main(["glossary", "apply", "--glossary", str(glossary), str(review)]) == 2
    said = one_line(capsys)
    assert said.startswith(f"jaanch: {review}: column '{column}' holds ") and "values, not" in said, said
    assert glossary.read_bytes() == before


def test_apply_takes_columns_left_empty_whatever_their_type(tmp_path):
    """pandas saves a column of empty cells as floats (all missing); polars as nulls: they are
    empty, as in a CSV (here `canonical`, which an entry the glossary has does not need)."""
    import polars as pl

    glossary = _glossary(tmp_path)
    review = _review(tmp_path / "r.parquet", ["yes", "", None])
    pl.read_parquet(review).with_columns(pl.Series("canonical", [None] * 3, dtype=pl.Float64)).write_parquet(review)
    assert main(["glossary", "apply", "--glossary", str(glossary), str(review)]) == 0
    assert _variants(glossary) == {"Kestrova": ("केस्त्रोवा",)}


KESTROVA = "Kestrova\tकेस्ट्रोवा\t\t\t\t\t\t\tcompany\t"
SALVANO = "Salvano\tसाल्वानो\t\t\t\t\t\t\tcompany\t"


def _saved(path, lines, newline, bom):
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + newline.join(lines).encode("utf-8") + newline.encode())
    return path


@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"], ids=["crlf", "lf", "cr"])
def test_apply_keeps_the_glossarys_line_ends_and_byte_order_mark(tmp_path, newline, bom):
    """A glossary saved on Windows came back all LF, and one with a BOM lost it: every line of the
    desk's file showed as changed. Now only the changed row is rewritten, a new one ends as the
    file's lines do, and a blank line and the BOM stay."""
    glossary = _saved(tmp_path / "names.tsv", [HEADER, KESTROVA, "", SALVANO], newline, bom)
    review = tmp_path / "r.csv"
    review.write_text("form,role,accept,latin,canonical\nकेस्त्रोवा,variant,yes,Kestrova,केस्ट्रोवा\n"
                      "लूमिनारा,variant,yes,Luminara,लुमिनारा\n", encoding="utf-8")
    assert main(["glossary", "apply", "--glossary", str(glossary), str(review)]) == 0
    expected = [HEADER, KESTROVA.replace("\t\t", "\tकेस्त्रोवा\t", 1), "", SALVANO,
                "Luminara\tलुमिनारा\tलूमिनारा" + "\t" * 7]
    assert glossary.read_bytes() == _saved(tmp_path / "expected.tsv", expected, newline, bom).read_bytes()
    assert _variants(glossary)["Luminara"] == ("लूमिनारा",)


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_the_review_screens_glossary_edits_keep_line_ends_and_bom(tmp_path, newline):
    """`g` in the review screen adds a variant or an entry through the same edit."""
    from audit.language.glossary_edit import add_entry, add_variant

    glossary = _saved(tmp_path / "names.tsv", [HEADER, KESTROVA], newline, True)
    add_variant(glossary, "Kestrova", "केस्त्रोवा")
    add_entry(glossary, "Salvano", "साल्वानो", kind="company")
    expected = [HEADER, KESTROVA.replace("\t\t", "\tकेस्त्रोवा\t", 1), SALVANO]
    assert glossary.read_bytes() == _saved(tmp_path / "expected.tsv", expected, newline, True).read_bytes()


def test_a_glossary_with_lone_cr_line_ends_loads(tmp_path):
    """Lone CRs end lines everywhere else in jaanch; the glossary loader read such a file as one
    line (its header an unknown column 'note\\rKestrova')."""
    glossary = _saved(tmp_path / "names.tsv", [HEADER, KESTROVA, SALVANO], "\r", False)
    assert _variants(glossary) == {"Kestrova": (), "Salvano": ()}


@pytest.mark.parametrize("column, value, reason", [
    ("latin", "Kest\trova", "'latin' holds a tab or a line break"),
    ("canonical", "केस्ट्रो\nवा", "'canonical' holds a tab or a line break"),
    ("form", "केस्त्रोवा\r", "'form' holds a tab or a line break"),
    ("form", "केस्त्रोवा|केसट्रोवा", "'form' holds '|', which separates a glossary's variants"),
    ("latin", "Kestrov", "'Kestrov' is no entry of"),  # a new entry, its canonical left empty
], ids=["tab-latin", "newline-canonical", "cr-form", "bar-form", "new-without-canonical"])
def test_apply_blames_the_review_row_that_cannot_go_in_the_glossary(tmp_path, capsys, column, value, reason):
    """An accepted row whose cell held a tab or a line break was written into the glossary, and
    the validation named the glossary at a line it did not have ('expected 10 tab-separated
    fields, found 11'). Now the review table's row is named, and the glossary is not written."""
    glossary = _glossary(tmp_path)
    before = glossary.read_bytes()
    row = {"form": "केसट्रोवा", "role": "variant", "accept": "yes", "latin": "Kestrova", "canonical": ""}
    row[column] = value
    review = tmp_path / "r.csv"
    with open(review, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row))
        writer.writeheader()
        writer.writerow({"form": "केस्त्रोवा", "role": "variant", "accept": "", "latin": "", "canonical": ""})
        writer.writerow(row)
    assert main(["glossary", "apply", "--glossary", str(glossary), str(review)]) == 2
    said = one_line(capsys)
    assert said.startswith(f"jaanch: {review}:3: {reason}"), said
    assert glossary.read_bytes() == before


def test_a_variant_that_breaks_the_glossary_names_the_review_row(tmp_path, capsys):
    """A form the glossary gives another entry is refused by the loader: the row that added it is
    named, not the glossary line the new variant landed on."""
    glossary = _glossary(tmp_path, KESTROVA + "\n" + SALVANO + "\n")
    review = tmp_path / "r.csv"
    review.write_text("form,role,accept,latin,canonical\nकेस्ट्रोवा,variant,yes,Salvano,\n", encoding="utf-8")
    assert main(["glossary", "apply", "--glossary", str(glossary), str(review)]) == 2
    assert one_line(capsys) == f"jaanch: {review}:2: 'केस्ट्रोवा' already belongs to 'Kestrova' ({glossary}:2)"
