"""`jaanch glossary apply`: fold the rows a maintainer accepted in a review table into a glossary."""

from __future__ import annotations

from pathlib import Path

from audit.core.errors import GlossaryError, InputError
from audit.language.glossary_edit import apply_changes
from audit.language.tables import LIST_SEPARATOR
from audit.core.text import is_devanagari

ACCEPTED = {"yes", "y", "true", "1", "x", "हाँ", "हां"}
DECLINED = {"", "no", "n", "false", "0", "-", "नहीं"}  # or left empty, as `glossary mine` writes it


def review_separator(path: Path) -> str:
    """A review table named .tsv is tab-separated; any other but .parquet is CSV."""
    return "\t" if path.suffix.lower() == ".tsv" else ","


def read_review(path: str | Path):
    import polars as pl

    from io import BytesIO

    from audit.core.fileio import decode_text, read_bytes
    from audit.core.lines import lf_view

    path = Path(path)
    data = read_bytes(path)  # a folder, a device, a missing file: one line as for any input
    try:
        if path.suffix.lower() == ".parquet":
            frame = pl.read_parquet(BytesIO(data))
        else:
            # Decoded here first: polars' word on a UTF-16 or Latin-1 table was 'found more fields than
            # defined in Schema', naming no line. And polars ends a line at LF alone: a table saved with
            # lone CRs (an old Mac spreadsheet) was its header and no row, 'no accepted rows', exit 0. A
            # lone CR is a line end here as everywhere in jaanch (audit/core/lines.py).
            text = lf_view(decode_text(data, path, "review table"))  # (UTF-16 with or without a BOM: one line)
            _refuse_repeated_columns(text, path)
            _refuse_ragged(text, path)
            frame = pl.read_csv(BytesIO(text.encode("utf-8")), infer_schema=False, separator=review_separator(path))
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise InputError(f"cannot read the review table: {str(exc).splitlines()[0]}", str(path)) from None
    missing = {"form", "role", "accept", "latin", "canonical"} - set(frame.columns)
    if missing:
        raise InputError(f"review table lacks columns {sorted(missing)}", str(path), 1)
    return _as_text(frame, path)


def _refuse_repeated_columns(text: str, path: Path) -> None:
    """A column apply reads, named twice in the header: polars read the first and renamed the other
    (accept_duplicated_0), so a 'no' in the second column was passed over without a word."""
    import csv

    header = next(csv.reader([text.split("\n", 1)[0]], delimiter=review_separator(path)), [])
    for name in ("form", "role", "accept", "latin", "canonical"):
        if header.count(name) > 1:
            places = ", ".join(str(n) for n, column in enumerate(header, start=1) if column == name)
            raise InputError(f"the header names '{name}' more than once (columns {places}); keep one", str(path), 1)


def _refuse_ragged(text: str, path: Path) -> None:
    """A row of more cells than the header (a spreadsheet's tab after the last cell) or a quote never
    closed: one line naming the line, where polars said "found more fields than defined in 'Schema'"
    or "could not parse" and named none. A shorter row is read as before (its missing cells empty)."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=review_separator(path), strict=True)
    width, start = None, 1
    try:
        for record in reader:
            if record:
                if width is None:
                    width = len(record)
                elif len(record) > width:
                    raise InputError(f"{len(record)} cells where the header names {width}", str(path), start)
            start = reader.line_num + 1
    except csv.Error as exc:
        reason = ("a quote opened on this line is never closed" if "end of data" in str(exc)
                  else f"malformed table: {exc}")
        raise InputError(reason, str(path), start) from None


def _as_text(frame, path: Path):
    """The columns apply reads, as text. A CSV's are text already; a Parquet table saved again by
    pandas or polars can hold `accept` as booleans or 0/1 (pandas: 1.0 and NaN, where cells were
    left empty), and a column left empty as numbers: they crashed on .strip(). Booleans and numbers
    in `accept` become the answers they mean; any other type is one line naming the column."""
    import polars as pl

    columns = []
    for name in ("form", "role", "latin", "canonical", "accept"):
        column = frame[name]
        if column.dtype == pl.Boolean and name == "accept":
            column = column.replace_strict({True: "yes", False: "no"}, return_dtype=pl.String)
        elif column.dtype.is_numeric() and name == "accept":
            column = pl.Series(name, [_number_answer(v) for v in column.to_list()], dtype=pl.String)
        elif column.dtype in (pl.String, pl.Categorical, pl.Enum, pl.Null) or column.null_count() == len(column):
            column = column.cast(pl.String)  # a column left empty, whatever type it was saved as
        else:
            what = "yes or no answers" if name == "accept" else "text"
            raise InputError(f"column {name!r} holds {column.dtype} values, not {what}", str(path))
        columns.append(column.alias(name))
    return frame.with_columns(columns)


def _number_answer(value) -> str:
    """1 and 0 (or 1.0, 0.0) as the answers; NaN as left empty; any other number stays itself, for
    the row's error."""
    if value is None or value != value:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def apply_review(review: str | Path, glossary: str | Path) -> dict:
    """Add accepted Devanagari variants to their entries (new entries where `latin` is new)."""
    frame = read_review(review)
    variants: list[tuple[str, str, str]] = []
    sources: list[tuple[str, int]] = []  # the review row of each: what a glossary it breaks is blamed on
    skipped = 0
    for number, row in enumerate(frame.iter_rows(named=True), start=2):
        answer = (row["accept"] or "").strip().lower()
        if answer not in ACCEPTED:
            if answer not in DECLINED:  # a typo (ys, maybe) was read as no: the row was dropped, exit 0
                raise GlossaryError(f"'accept' must be yes or no (or left empty), got {row['accept']!r}",
                                    str(review), number)
            continue
        if row["role"] != "variant" or not is_devanagari(row["form"] or ""):
            skipped += 1  # casings and script mixes are fixed in articles, not recorded as variants
            continue
        latin = (row["latin"] or "").strip()
        if not latin:
            raise GlossaryError("an accepted variant needs a 'latin' form naming its entry", str(review), number)
        _refuse_unwritable(row, str(review), number)
        variants.append((latin, (row["canonical"] or "").strip(), row["form"]))
        sources.append((str(review), number))
    added = apply_changes(glossary, variants, sources)
    return {"accepted": len(variants), "added": added, "skipped": skipped}


def _refuse_unwritable(row: dict, review: str, number: int) -> None:
    """A cell a glossary line cannot hold: a tab or a line break split the row it was written to,
    and the error named the glossary, at a line it did not have; a '|' in the form made it two variants."""
    for name in ("latin", "canonical", "form"):
        value = row[name] or ""
        if any(c in value for c in "\t\r\n"):
            raise GlossaryError(f"'{name}' holds a tab or a line break ({value!r}), which a glossary cell cannot",
                                review, number)
    if LIST_SEPARATOR in row["form"]:
        raise GlossaryError(f"'form' holds {LIST_SEPARATOR!r}, which separates a glossary's variants "
                            f"({row['form']!r}): accept each form on its own row", review, number)
