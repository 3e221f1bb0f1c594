"""`jaanch glossary stats`: how often each entry fired over a corpus, and the entries that never fire."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from audit.lint.checks.terminology.dnt_translated import NameTranslated
from audit.lint.checks.terminology.glossary_variant import GlossaryVariant
from audit.lint.checks.terminology.latin_casing import LatinCasing
from audit.core.document import read_article
from audit.core.paths import collect_paths
from audit.core.errors import UsageError
from audit.lint.engine import Engine


# the table's columns, written even when the glossaries in force have no entry (a header-only
# glossary, --no-house-glossary with none of the desk's): polars made a frame of no columns from
# no rows, and the sum below was an internal error
COLUMNS = {"latin": "String", "canonical": "String", "kind": "String", "line": "Int64", "uses": "Int64",
           "variant_findings": "Int64", "casing_findings": "Int64", "translated_findings": "Int64"}


def entry_stats(corpus: str, engine: Engine, output: str | None = None):
    """A polars DataFrame: per entry, canonical uses and findings by kind, most-firing first
    (`output`, where the table will be written, is refused first if it is one of the articles).
    No entry gives the table of no rows, with its columns; the corpus is then not read."""
    import polars as pl

    from audit.core.fileio import refuse_overwriting_input

    glossary = engine.glossary
    fired = {"variant": Counter(), "casing": Counter(), "translated": Counter()}
    seen = Counter()
    rules = Engine(engine.glossary_paths, [GlossaryVariant, LatinCasing, NameTranslated], engine.settings,
                   engine.severities, engine.allowed)  # the house style ([allow]) counts as `check` counts
    rules.__dict__["glossary"] = glossary
    paths = collect_paths([corpus])
    refuse_overwriting_input(output, paths)
    if output and Path(output).suffix.lower() not in ("", ".csv"):  # a .tsv or .parquet got CSV, silently
        raise UsageError(f"-o {output}: the table is written as CSV; name it .csv")
    for path in paths if glossary.entries else ():
        article = read_article(path)
        for sent in article.sentences:
            for m in glossary.forms.scan(sent.tokens):
                if m.value[1] == "canonical":
                    seen[m.value[0].latin] += 1
            for m in glossary.latin.scan(sent.tokens):
                seen[m.value.latin] += 1
        for f in rules.audit(article):
            keys = tuple(t for t in _keys(f.text))
            if f.code == "TERM001":
                fired["variant"][glossary.forms.get(keys)[0].latin] += 1
            elif f.code == "TERM002":
                fired["casing"][glossary.latin.get(keys).latin] += 1
            else:
                fired["translated"][glossary.wrong.get(keys).latin] += 1
    rows = [{"latin": e.latin, "canonical": e.canonical, "kind": e.kind, "line": e.line,
             "uses": seen[e.latin], "variant_findings": fired["variant"][e.latin],
             "casing_findings": fired["casing"][e.latin], "translated_findings": fired["translated"][e.latin]}
            for e in glossary.entries]
    schema = {name: getattr(pl, kind) for name, kind in COLUMNS.items()}
    frame = pl.DataFrame(rows, schema=schema).with_columns(
        (pl.col("variant_findings") + pl.col("casing_findings") + pl.col("translated_findings")).alias("fired"))
    return frame.sort(["fired", "uses", "line"], descending=[True, True, False])


def _keys(text: str):
    from audit.core.document import tokenize_phrase

    return tokenize_phrase(text)
