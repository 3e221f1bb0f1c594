"""The tables the glossary commands read and write come out the same whatever line ends they were
saved with: LF, CRLF, or a lone CR (an old Mac spreadsheet, some CMS exports), with or without a BOM;
a review table that is not UTF-8 or names a column twice is one line naming it."""

from __future__ import annotations

import shutil

import pytest

from audit.cli.main import main
from conftest import ROOT, SAMPLES

ENDS = {"crlf": b"\r\n", "cr": b"\r"}


def _resaved(data: bytes, end: str, bom: bool = False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + data.replace(b"\n", ENDS[end])


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    """A review table as `glossary mine` writes it for the samples, its first two rows accepted."""
    folder = tmp_path_factory.mktemp("review")
    table = folder / "review.csv"
    assert main(["glossary", "mine", str(SAMPLES), "-o", str(table)]) == 0
    lines = table.read_bytes().split(b"\n")
    for i in (1, 2):
        lines[i] = lines[i].replace(b',"",', b",yes,", 1)
    return b"\n".join(lines)


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
@pytest.mark.parametrize("end", list(ENDS))
@pytest.mark.parametrize("bom", [False, True])
def test_a_review_table_applies_the_same_whatever_its_line_ends(review, tmp_path, capsys, suffix, end, bom):
    """polars ends a line at LF alone: a lone-CR review table was its header and no row, so apply
    said 'no accepted variant rows', wrote nothing and exited 0."""
    data = review if suffix == ".csv" else review.replace(b",", b"\t")  # no cell of the samples holds a comma
    (tmp_path / f"lf{suffix}").write_bytes(data)
    (tmp_path / f"other{suffix}").write_bytes(_resaved(data, end, bom))
    for name in ("lf", "other"):
        (tmp_path / f"{name}.tsv.glossary").write_text("latin\tcanonical\tvariants\n", encoding="utf-8")
        assert main(["glossary", "apply", str(tmp_path / f"{name}{suffix}"),
                     "--glossary", str(tmp_path / f"{name}.tsv.glossary")]) == 0
    assert "2 variants added" in capsys.readouterr().out
    assert (tmp_path / "other.tsv.glossary").read_bytes() == (tmp_path / "lf.tsv.glossary").read_bytes()


@pytest.mark.parametrize("end", list(ENDS))
def test_mining_articles_saved_with_other_line_ends_gives_the_same_table(tmp_path, end):
    """A lone CR is a line end for the examples too: they were cut across lines, CRs inside."""
    for name in ("lf", end):
        (tmp_path / name).mkdir()
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, tmp_path / "lf")
        (tmp_path / end / sample.name).write_bytes(_resaved(sample.read_bytes(), end))
    for name in ("lf", end):
        assert main(["glossary", "mine", str(tmp_path / name), "-o", str(tmp_path / f"{name}.csv")]) == 0
    assert (tmp_path / f"{end}.csv").read_bytes() == (tmp_path / "lf.csv").read_bytes()


@pytest.mark.parametrize("end", list(ENDS))
@pytest.mark.parametrize("bom", [False, True])
def test_a_concept_table_exports_and_lints_the_same_whatever_its_line_ends(tmp_path, capsys, end, bom):
    head = b"\n".join((ROOT / "glossaries" / "concepts.tsv").read_bytes().split(b"\n")[:30]) + b"\n"
    (tmp_path / "lf.tsv").write_bytes(head)
    (tmp_path / "other.tsv").write_bytes(_resaved(head, end, bom))
    for suffix in (".tbx", ".csv"):
        for name in ("lf", "other"):
            assert main(["glossary", "export", str(tmp_path / f"{name}.tsv"), "-o", str(tmp_path / f"{name}{suffix}")]) == 0
        exported = (tmp_path / f"other{suffix}").read_bytes().replace(b"other.tsv", b"lf.tsv")
        assert exported == (tmp_path / f"lf{suffix}").read_bytes()
    capsys.readouterr()
    assert main(["glossary", "lint", str(tmp_path / "other.tsv")]) == 0
    assert "0 problems" in capsys.readouterr().err


def test_a_concept_table_row_short_of_fields_is_refused_on_export(tmp_path, capsys):
    """The export's own reader padded a short row with empty cells and exported it."""
    head = (ROOT / "glossaries" / "concepts.tsv").read_text(encoding="utf-8").split("\n")
    table = tmp_path / "concepts.tsv"
    table.write_text("\n".join([head[0], head[1], "\t".join(head[2].split("\t")[:3])]) + "\n", encoding="utf-8")
    assert main(["glossary", "export", str(table), "-o", str(tmp_path / "out.csv")]) == 2
    assert f"{table}:3: expected" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("damage, line, reason", [
    (lambda data: b"\xff\xfe" + data.decode("utf-8").encode("utf-16-le"), 1, "is UTF-16 (it opens"),
    (lambda data: data.decode("utf-8").encode("utf-16-le"), 1, "has a NUL byte, so it is not UTF-8"),
    (lambda data: data.replace("डीपसेक".encode(), "डीपसेक".encode()[:4], 1), 2, "review table is not UTF-8"),
])
def test_a_review_table_not_in_utf8_is_one_line(review, tmp_path, capsys, damage, line, reason):
    """polars' word was 'found more fields than defined in Schema', naming no line."""
    table = tmp_path / "review.csv"
    table.write_bytes(damage(review))
    assert main(["glossary", "apply", str(table), "--glossary", str(tmp_path / "g.tsv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"jaanch: {table}:{line}: {reason}") and len(err.splitlines()) == 1
    assert not (tmp_path / "g.tsv").exists()


def test_a_review_table_naming_accept_twice_is_one_line(review, tmp_path, capsys):
    """polars read the first 'accept' and renamed the second: its 'no' answers were passed over."""
    lines = review.decode("utf-8").split("\n")
    lines = [lines[0] + ",accept"] + [line + ",no" if line else line for line in lines[1:]]
    table = tmp_path / "review.csv"
    table.write_text("\n".join(lines), encoding="utf-8")
    assert main(["glossary", "apply", str(table), "--glossary", str(tmp_path / "g.tsv")]) == 2
    assert capsys.readouterr().err == (f"jaanch: {table}:1: the header names 'accept' more than once "
                                       "(columns 12, 14); keep one\n")
    assert not (tmp_path / "g.tsv").exists()
