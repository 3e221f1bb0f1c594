"""`jaanch glossary apply`: fold the rows a maintainer accepted in a review table into a glossary."""

from __future__ import annotations

from pathlib import Path

from audit.core.errors import GlossaryError, InputError
from audit.language.glossary_edit import apply_changes
from audit.core.text import is_devanagari

ACCEPTED = {"yes", "y", "true", "1", "x", "हाँ", "हां"}
DECLINED = {"", "no", "n", "false", "0", "-", "नहीं"}  # or left empty, as `glossary mine` writes it


def review_separator(path: Path) -> str:
    """A review table named .tsv is tab-separated; any other but .parquet is CSV."""
    return "\t" if path.suffix.lower() == ".tsv" else ","


def read_review(path: str | Path):
    import polars as pl

    from io import BytesIO

    from audit.core.fileio import read_bytes

    path = Path(path)
    raw = BytesIO(read_bytes(path))  # a folder, a device, a missing file: one line as for any input
    try:
        if path.suffix.lower() == ".parquet":
            frame = pl.read_parquet(raw)
        else:
            frame = pl.read_csv(raw, infer_schema=False, separator=review_separator(path))
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise InputError(f"cannot read the review table: {str(exc).splitlines()[0]}", str(path)) from None
    missing = {"form", "role", "accept", "latin", "canonical"} - set(frame.columns)
    if missing:
        raise InputError(f"review table lacks columns {sorted(missing)}", str(path), 1)
    return frame


def apply_review(review: str | Path, glossary: str | Path) -> dict:
    """Add accepted Devanagari variants to their entries (new entries where `latin` is new)."""
    frame = read_review(review)
    variants: list[tuple[str, str, str]] = []
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
        variants.append((latin, row["canonical"], row["form"]))
    added = apply_changes(glossary, variants)
    return {"accepted": len(variants), "added": added, "skipped": skipped}
