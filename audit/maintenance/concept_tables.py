"""The concept table (`glossaries/concepts.tsv`) in `jaanch glossary lint|export|import`.

The same commands serve the glossary and the concept table; the header tells them apart. TBX
keeps every column (as jaanch-* descrips) so a round trip loses nothing, and also carries the
terms other tools read: the English lemma, the preferred Hindi word (admitted alternatives), and
the transliterated loan forms as deprecated terms.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from xml.etree import ElementTree as ET

from audit.core.errors import GlossaryError, InputError
from audit.core.lines import LINE_END
from audit.core.fileio import write_atomic
from audit.language.glossary_edit import Origin, write_validated
from audit.language.concepts import OPTIONAL, REQUIRED, ConceptTable, _concept
from audit.language.tables import LIST_SEPARATOR, read_table

COLUMNS = ["english", "pos", "translit", "translit_variants", "translit_gender", "hindi", "hindi_gender",
           "hindi_alternatives", "established", "domain", "note", "mixing"]
NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEPRECATED, PREFERRED, ADMITTED = "deprecatedTerm-admn-sts", "preferredTerm-admn-sts", "admittedTerm-admn-sts"


def is_concept_header(header: list[str]) -> bool:
    return "english" in header and "pos" in header


def header_of(path: str | Path) -> list[str]:
    from audit.core.fileio import refuse_special

    refuse_special(path)  # /dev/zero was read for ever, a named pipe waited for a writer
    try:
        first = LINE_END.split(Path(path).read_text(encoding="utf-8-sig"), maxsplit=1)[0]
    except (OSError, UnicodeDecodeError):
        return []
    return [h.strip() for h in first.split("\t")]


def lint_concepts(path: str | Path) -> list[str]:
    """Every problem in a concept table, as `file:line: reason`."""
    try:
        rows = read_table(path, REQUIRED, OPTIONAL)
    except GlossaryError as exc:
        return [exc.one_line()]
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        where = f"{row.path}:{row.line}"
        for column, value in row.cells.items():
            value = value or ""
            if value != unicodedata.normalize("NFC", value):
                problems.append(f"{where}: '{column}' is not NFC-normalised ({value!r})")
            if LIST_SEPARATOR in value and any(not item.strip() for item in value.split(LIST_SEPARATOR)):
                problems.append(f"{where}: empty item in '{column}' ({value!r})")
        try:
            concept = _concept(row)
        except GlossaryError as exc:
            problems.append(exc.one_line())
            continue
        key = (concept.english.casefold(), concept.pos)
        if key in seen:
            problems.append(f"{where}: duplicate concept {concept.english!r} ({concept.pos}), also line {seen[key]}")
        seen.setdefault(key, row.line)
    return problems


def _read(path: Path) -> tuple[list[str], list[dict]]:
    """The table's header and rows, read as the checks read it (`read_table`: a lone CR or CRLF ends a
    line, a BOM is no part of the header; a file with no header, columns it should not have, or a row
    of the wrong width is one line naming it). Split on LF alone, a lone-CR table was one header line
    and exported no row."""
    rows = read_table(path, REQUIRED, OPTIONAL)
    return header_of(path), [dict(row.cells) for row in rows]


def _write_validated(path: Path, header: list[str], rows: list[dict], origin: Origin | None = None,
                     row_name=None) -> None:
    write_validated(path, "\n".join("\t".join(r) for r in [header, *([row.get(c, "") for c in header] for row in rows)])
                    + "\n", ConceptTable, origin, row_name=row_name)


def _term(lang_sec, text: str, status: str) -> None:
    sec = ET.SubElement(lang_sec, "termSec")
    ET.SubElement(sec, "term").text = text
    ET.SubElement(sec, "termNote", type="administrativeStatus").text = status


def _items(value: str) -> list[str]:
    return [v for v in value.split(LIST_SEPARATOR) if v]


def export_tbx(table: str | Path, output: str | Path) -> int:
    from audit.maintenance.tbx import refuse_no_entries

    header, rows = _read(Path(table))
    refuse_no_entries(rows, table)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    head = ET.SubElement(root, "tbxHeader")
    ET.SubElement(ET.SubElement(ET.SubElement(head, "fileDesc"), "sourceDesc"), "p").text = \
        f"jaanch concept table {Path(table).name}"
    ET.SubElement(ET.SubElement(head, "encodingDesc"), "p", type="jaanch-columns").text = "\t".join(header)
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, row in enumerate(rows, start=1):
        entry = ET.SubElement(body, "conceptEntry", id=f"k{number}")
        for column in header:
            if column != "english" and row.get(column):
                ET.SubElement(entry, "descrip", type=f"jaanch-{column}").text = row[column]
        _term(ET.SubElement(entry, "langSec", {XML_LANG: "en"}), row["english"], PREFERRED)
        hi = ET.SubElement(entry, "langSec", {XML_LANG: "hi"})
        hindi = _items(row.get("hindi", ""))
        if hindi:
            _term(hi, hindi[0], PREFERRED)
        for alternative in _items(row.get("hindi_alternatives", "")):
            _term(hi, alternative, ADMITTED)
        for loan in dict.fromkeys(_items(row.get("translit", ""))[:1] + _items(row.get("translit_variants", ""))):
            _term(hi, loan, DEPRECATED)
    ET.indent(root)
    write_atomic(output, '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
    return len(rows)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def import_tbx(root, source: str, output: str | Path, text: str = "") -> int:
    """`root` is the parsed TBX whose jaanch-columns header names a concept table; `text`, the
    TBX as read, gives its entries' lines."""
    header = list(COLUMNS)
    for el in root.iter():
        if _local(el.tag) == "p" and el.get("type") == "jaanch-columns" and el.text:
            header = el.text.split("\t")
    rows = []
    from audit.maintenance.tbx import (entries_of, refuse_repeated_fields, refuse_second_preferred,
                                       refuse_unwritable, row_origin, terms)

    entries, lines = entries_of(root, text)
    for entry, line in zip(entries, lines):
        refuse_repeated_fields(entry, source, line)
        refuse_unwritable(entry, source, line)
        refuse_second_preferred(entry, source, line)
        row = {name: "" for name in header}
        loans: list[str] = []
        alternatives: list[str] = []
        for child in entry:
            tag = _local(child.tag)
            if tag == "descrip" and (child.get("type") or "").startswith("jaanch-"):
                row[child.get("type")[len("jaanch-"):]] = child.text or ""
            elif tag in ("langSec", "langSet"):
                lang = (child.get(XML_LANG) or "").split("-")[0]
                for term, status in terms(child):
                    if lang == "en" and status == PREFERRED and not row["english"]:
                        row["english"] = term
                    elif lang == "hi" and status == PREFERRED and not row.get("hindi"):
                        row["hindi"] = term
                    elif lang == "hi" and status == DEPRECATED:
                        loans.append(term)
                    elif lang == "hi" and status == ADMITTED:
                        alternatives.append(term)
        # a TBX from another tool (no jaanch columns): its deprecated terms are the loans, and its
        # admitted ones the Hindi alternatives (export writes them so; they were dropped)
        if not row.get("translit") and loans:
            row["translit"], row["translit_variants"] = loans[0], LIST_SEPARATOR.join(loans[1:])
        if not row.get("hindi_alternatives") and alternatives and "hindi_alternatives" in row:
            row["hindi_alternatives"] = LIST_SEPARATOR.join(alternatives)
        rows.append(row)
    if not rows:
        from audit.maintenance.tbx import NO_ENTRIES

        raise InputError(NO_ENTRIES, source, 1)
    _write_validated(Path(output), header, rows, *row_origin(source, entries, lines))
    return len(rows)


def export_csv(table: str | Path, output: str | Path) -> int:
    import polars as pl

    from audit.maintenance.tbx import refuse_no_entries

    header, rows = _read(Path(table))
    refuse_no_entries(rows, table)
    frame = pl.DataFrame([[r[h] for h in header] for r in rows], schema=header, orient="row")
    write_atomic(output, frame.write_csv())
    return frame.height


def import_csv(header: list[str], rows: list[list[str]], output: str | Path, origin: Origin) -> int:
    _write_validated(Path(output), header, [dict(zip(header, r)) for r in rows], origin)
    return len(rows)
