"""TBX (ISO 30042, TBX-Basic style) and CSV import/export of the glossary and of the concept table
(told apart by their columns; `concept_tables` handles the latter); a round trip loses nothing.

Each entry is a conceptEntry: the Latin form (and other right casings) in an English langSec, the
canonical form as the Hindi preferred term, accepted spellings as admitted terms, variants as
deprecated terms, wrong renderings as superseded terms; dnt, cues, kind and note travel as descrip/note elements.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

from audit.core.errors import InputError
from audit.core.fileio import read_text, write_atomic
from audit.language.glossary_edit import DEFAULT_HEADER, _read
from audit.inputs.xmltext import parse_safely
from audit.language.tables import LIST_SEPARATOR

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
          "deprecated": "deprecatedTerm-admn-sts", "superseded": "supersededTerm-admn-sts"}
DESCRIPS = ("dnt", "cues", "kind")
NO_ENTRIES = "no entries (no conceptEntry or termEntry element): nothing to import"
NO_ROWS = "no entries (no row under the header): nothing to import"


def refuse_no_entries(rows: list, table: str | Path) -> None:
    """An export of a header-only table wrote a TBX or CSV, exit 0, that the import refuses (no entries):
    refused first, so that export then import gives back the table."""
    if not rows:
        raise InputError("no entries under the header: nothing to export", str(table), 1)


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    from audit.language.glossary import OPTIONAL, REQUIRED
    from audit.language.tables import read_table

    # one line naming the file (and line) for what is not a glossary: missing (_read would give an
    # empty one), not UTF-8, a TSV of other columns, a row of the wrong width
    read_table(path, REQUIRED, OPTIONAL)
    header, rows = _read(path)
    return header, [dict(zip(header, r + [""] * (len(header) - len(r)))) for r in rows]


def _term(lang_sec, text: str, status: str) -> None:
    sec = ET.SubElement(lang_sec, "termSec")
    ET.SubElement(sec, "term").text = text
    ET.SubElement(sec, "termNote", type="administrativeStatus").text = STATUS[status]


def _concepts():
    from audit.maintenance import concept_tables

    return concept_tables


def export_tbx(glossary: str | Path, output: str | Path) -> int:
    if _concepts().is_concept_header(_concepts().header_of(glossary)):
        return _concepts().export_tbx(glossary, output)
    header, rows = _rows(Path(glossary))
    refuse_no_entries(rows, glossary)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header_el = ET.SubElement(root, "tbxHeader")
    file_desc = ET.SubElement(header_el, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = f"jaanch glossary {Path(glossary).name}"
    ET.SubElement(ET.SubElement(header_el, "encodingDesc"), "p", type="jaanch-columns").text = "\t".join(header)
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for number, row in enumerate(rows, start=1):
        concept = ET.SubElement(body, "conceptEntry", id=f"c{number}")
        for name in DESCRIPS:
            if row.get(name):
                ET.SubElement(concept, "descrip", type=f"jaanch-{name}").text = row[name]
        if row.get("note"):
            ET.SubElement(concept, "note").text = row["note"]
        en = ET.SubElement(concept, "langSec", {XML_LANG: "en"})
        _term(en, row["latin"], "preferred")
        for casing in filter(None, row.get("casings", "").split(LIST_SEPARATOR)):
            _term(en, casing, "admitted")
        hi = ET.SubElement(concept, "langSec", {XML_LANG: "hi"})
        _term(hi, row["canonical"], "preferred")
        for form in filter(None, row.get("accepted", "").split(LIST_SEPARATOR)):
            _term(hi, form, "admitted")
        for variant in filter(None, row.get("variants", "").split(LIST_SEPARATOR)):
            _term(hi, variant, "deprecated")
        for wrong in filter(None, row.get("wrong_renderings", "").split(LIST_SEPARATOR)):
            _term(hi, wrong, "superseded")
    ET.indent(root)
    write_atomic(output, '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
    return len(rows)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_RAW_ENTRY = re.compile(r"<(?:[\w.-]+:)?(?:conceptEntry|termEntry)(?=[\s/>])")


def entries_of(root, text: str) -> tuple[list, list[int | None]]:
    """The TBX's entries in document order, and the line each starts on: found by its start tag in
    `text`, where the tags line up with the elements (none in a comment); else not known (None)."""
    from audit.core.lines import LineIndex

    entries = [el for el in root.iter() if _local(el.tag) in ("conceptEntry", "termEntry")]
    starts = [m.start() for m in _RAW_ENTRY.finditer(text)]
    if len(starts) != len(entries):
        return entries, [None] * len(entries)
    index = LineIndex(text)
    return entries, [index.line(start) for start in starts]


def entry_name(entry) -> str:
    return f"{_local(entry.tag)} {entry.get('id') or '(no id)'!r}"


def row_origin(source: str | Path, entries: list, lines: list[int | None]):
    """For an import's validated write: the TBX line, and the entry, of each line of the table
    written (its header is line 1, the row of entry n line n + 1)."""
    def row(line: int | None) -> int | None:
        return line - 2 if line is not None and 2 <= line < len(entries) + 2 else None

    def origin(line: int | None) -> tuple[str, int | None]:
        return str(source), lines[row(line)] if row(line) is not None else None

    def name(line: int) -> str | None:
        return entry_name(entries[row(line)]) if row(line) is not None else None

    return origin, name


def refuse_repeated_fields(entry, source: str | Path, line: int | None = None) -> None:
    """An entry giving one column twice (two descrips of one jaanch- type, two notes): the import
    kept the last and dropped the other without a word. One line naming the TBX and the entry."""
    seen: set[str] = set()
    for child in entry:
        tag = _local(child.tag)
        field = child.get("type") if tag == "descrip" and (child.get("type") or "").startswith("jaanch-") else (
            "note" if tag == "note" else None)
        if field is None:
            continue
        if field in seen:
            what = f"<descrip type={field!r}>" if field != "note" else "<note>"
            raise InputError(f"{entry_name(entry)} has {what} twice; keep one", str(source), line)
        seen.add(field)


LANGUAGES = {"en": "English", "hi": "Hindi"}


def terms(lang_sec) -> list[tuple[str, str]]:
    """A langSec's (term, administrative status) pairs; a term given no status is preferred."""
    return [(next((t.text or "" for t in sec if _local(t.tag) == "term"), ""),
             next((t.text or "" for t in sec if _local(t.tag) == "termNote"), STATUS["preferred"]))
            for sec in lang_sec]


def refuse_unwritable(entry, source: str | Path, line: int | None = None) -> None:
    """A term holding a tab, a line break or '|', or a jaanch column (descrip, note) holding a tab or
    a line break: a glossary cell cannot hold it. A '|' in a term was split into two variants without a
    word, and a tab or line break broke the row written, named by the TSV's field count, no entry."""
    where = entry_name(entry)
    for el in entry.iter():
        tag = _local(el.tag)
        jaanch_column = tag == "note" or (tag == "descrip" and (el.get("type") or "").startswith("jaanch-"))
        if tag != "term" and not jaanch_column:
            continue
        value = el.text or ""
        bad = "\t\r\n" + (LIST_SEPARATOR if tag == "term" else "")
        if any(c in value for c in bad):
            what = "a term" if tag == "term" else f"<{tag}{' type=' + repr(el.get('type')) if tag == 'descrip' else ''}>"
            also = f", or {LIST_SEPARATOR!r}," if tag == "term" else ""
            raise InputError(f"{where} has {what} holding a tab or a line break{also} ({value!r}), which a glossary "
                             "cell cannot; give each term its own termSec", str(source), line)


def refuse_second_preferred(entry, source: str | Path, line: int | None = None) -> None:
    """One preferred term per language: a second (or a second term with no status, which is
    preferred) was made a variant of the first, which jaanch then flags as a misspelling, or
    dropped without a word. One line naming the TBX and the entry."""
    preferred: dict[str, list[str]] = {}
    for child in entry:
        if _local(child.tag) in ("langSec", "langSet"):
            lang = (child.get(XML_LANG) or "").split("-")[0]
            preferred.setdefault(lang, []).extend(t for t, status in terms(child) if status == STATUS["preferred"])
    for lang, found in preferred.items():
        if len(found) > 1:
            raise InputError(f"{entry_name(entry)} has two preferred "
                             f"{LANGUAGES.get(lang, repr(lang))} terms, {found[0]!r} and {found[1]!r} (a term with "
                             "no administrativeStatus is preferred); keep one preferred and mark the other admitted "
                             "(an accepted form), deprecated (a variant) or superseded (a wrong rendering)",
                             str(source), line)


def import_tbx(source: str | Path, output: str | Path) -> int:
    text = read_text(source, "TBX")
    root = parse_safely(text, str(source))
    if _local(root.tag) not in ("tbx", "martif"):
        raise InputError("not a TBX document (root element is not <tbx>)", str(source), 1)
    header = list(DEFAULT_HEADER)
    for el in root.iter():
        if _local(el.tag) == "p" and el.get("type") == "jaanch-columns" and el.text:
            header = el.text.split("\t")
    if _concepts().is_concept_header(header):
        return _concepts().import_tbx(root, str(source), output, text)
    out_rows = []
    entries, lines = entries_of(root, text)
    if not entries:  # a header-only glossary was written, exit 0, where the concept table's import refused
        raise InputError(NO_ENTRIES, str(source), 1)
    for concept, line in zip(entries, lines):
        refuse_repeated_fields(concept, source, line)
        refuse_unwritable(concept, source, line)
        refuse_second_preferred(concept, source, line)
        row = {name: "" for name in header}
        lists: dict[str, list[str]] = {"casings": [], "variants": [], "accepted": [], "wrong_renderings": []}
        for child in concept:
            tag = _local(child.tag)
            if tag == "descrip" and (child.get("type") or "").startswith("jaanch-"):
                row[child.get("type")[len("jaanch-"):]] = child.text or ""
            elif tag == "note":
                row["note"] = child.text or ""
            elif tag in ("langSec", "langSet"):
                lang = (child.get(XML_LANG) or "").split("-")[0]
                for term, status in terms(child):
                    if lang == "en":
                        if status == STATUS["preferred"] and not row["latin"]:
                            row["latin"] = term
                        else:
                            lists["casings"].append(term)
                    elif lang == "hi":
                        if status == STATUS["preferred"] and not row["canonical"]:
                            row["canonical"] = term
                        elif status == STATUS["superseded"]:
                            lists["wrong_renderings"].append(term)
                        elif status == STATUS["admitted"] and "accepted" in row:
                            lists["accepted"].append(term)
                        else:
                            lists["variants"].append(term)
        for name, items in lists.items():
            if name in row:
                row[name] = LIST_SEPARATOR.join(items)
        out_rows.append([row.get(name, "") for name in header])
    from audit.language.glossary_edit import _write_validated

    _write_validated(Path(output), header, out_rows, *row_origin(source, entries, lines))
    return len(out_rows)


def export_csv(glossary: str | Path, output: str | Path) -> int:
    import polars as pl

    if _concepts().is_concept_header(_concepts().header_of(glossary)):
        return _concepts().export_csv(glossary, output)
    header, rows = _rows(Path(glossary))
    refuse_no_entries(rows, glossary)
    frame = pl.DataFrame([[r[h] for h in header] for r in rows], schema=header, orient="row")
    write_atomic(output, frame.write_csv())
    return frame.height


def _csv_rows(source: str | Path) -> tuple[list[str], list[list[str]], list[int]]:
    """The CSV's header and rows (blank lines skipped), with the line each starts on; what a TSV
    glossary cannot hold (a ragged row, a tab or line break in a field) is one line naming it."""
    import csv
    import io

    reader = csv.reader(io.StringIO(read_text(source, "CSV"), newline=""), strict=True)
    records, lines, start = [], [], 1
    try:
        for record in reader:
            if record:
                records.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:  # an unclosed quote, a stray one
        raise InputError(f"malformed CSV: {exc}", str(source), start) from None
    if not records:
        raise InputError("no header row", str(source), 1)
    header = records[0]
    for record, line in zip(records, lines):
        if len(record) != len(header):
            raise InputError(f"{len(record)} fields where the header names {len(header)}", str(source), line)
        if any(c in field for field in record for c in "\t\n\r"):
            raise InputError("a field holds a tab or a line break, which a TSV table cannot", str(source), line)
    return header, records[1:], lines


def import_csv(source: str | Path, output: str | Path) -> int:
    from audit.language.glossary_edit import _write_validated

    header, rows, lines = _csv_rows(source)
    if not rows:  # as a TBX with no entries: a header-only table is nothing to import
        raise InputError(NO_ROWS, str(source), 1)
    origin = lambda line: (str(source), lines[line - 1] if line else None)  # noqa: E731 - the TSV's line: the CSV's
    if _concepts().is_concept_header(header):
        return _concepts().import_csv(header, rows, output, origin)
    _write_validated(Path(output), header, rows, origin)
    return len(rows)
