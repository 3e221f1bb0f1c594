"""The house glossary: one row per name, kept by editors in a spreadsheet (TSV).

Columns
  latin             English/Latin form as the wire copy writes it (OpenAI)
  canonical         the house Devanagari form (ओपनएआई)
  variants          known wrong spellings, `|`-separated (ओपनईएआई|ओपनई)
  accepted          spellings the Hindi press uses besides the house form (बाइडेन for बाइडन): an
                    article that keeps to one is another desk's house style, one that mixes it
                    with another form of the name is flagged like a variant
  casings           other Latin spellings that are also right (NVIDIA); `latin` always is
  dnt               yes: a name never to be translated as a common word
  wrong_renderings  common words MT renders the name as (मिथुन for Gemini)
  cues              words that show the context is about the name; required with wrong_renderings
  kind, note        free text for maintainers
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path

from audit.core.errors import GlossaryError
from audit.core.phrases import PhraseIndex
from audit.language.tables import Row, file_digest, read_table
from audit.core.text import fold, is_devanagari, is_latin

REQUIRED = ("latin", "canonical")
OPTIONAL = ("variants", "accepted", "casings", "dnt", "wrong_renderings", "cues", "kind", "note")
DEFAULT_GLOSSARY = Path(__file__).resolve().parents[2] / "glossaries" / "house.tsv"


@dataclass(frozen=True)
class Entry:
    latin: str
    canonical: str
    variants: tuple[str, ...]
    accepted: tuple[str, ...]
    casings: tuple[str, ...]
    dnt: bool
    wrong_renderings: tuple[str, ...]
    cues: tuple[str, ...]
    kind: str
    path: str
    line: int

    @property
    def latin_forms(self) -> tuple[str, ...]:
        return (self.latin, *self.casings)


def _entry(row: Row) -> Entry:
    latin, canonical = row.get("latin"), row.get("canonical")
    if not latin:
        raise row.error("empty 'latin' field")
    if not canonical:
        raise row.error("empty 'canonical' field")
    if not is_devanagari(canonical):
        raise row.error(f"canonical form {canonical!r} is not in Devanagari")
    dnt = row.get("dnt").lower()
    if dnt not in ("", "yes", "no"):
        raise row.error(f"'dnt' must be yes or no, got {row.get('dnt')!r}")
    entry = Entry(
        latin=latin,
        canonical=canonical,
        variants=tuple(row.items("variants")),
        accepted=tuple(row.items("accepted")),
        casings=tuple(row.items("casings")),
        dnt=dnt == "yes",
        wrong_renderings=tuple(row.items("wrong_renderings")),
        cues=tuple(row.items("cues")),
        kind=row.get("kind"),
        path=row.path,
        line=row.line,
    )
    for variant in entry.variants + entry.accepted:
        if fold(variant) == fold(canonical):
            raise row.error(f"variant {variant!r} is the canonical form once normalised")
    for form in entry.accepted:
        if any(fold(form) == fold(v) for v in entry.variants):
            raise row.error(f"{form!r} is listed both as a wrong spelling (variants) and as accepted")
    for casing in entry.casings:
        if not is_latin(casing) or casing.casefold() != latin.casefold():
            raise row.error(f"casing {casing!r} is not another casing of {latin!r}")
    if entry.wrong_renderings and not entry.cues:
        raise row.error("wrong_renderings need cues, or every ordinary use of the word is flagged")
    return entry


def conflicts(entries: list[Entry]) -> list[tuple[Entry, str]]:
    """Entries that contradict an earlier one (in the same file or an earlier file): the same name
    twice, a form claimed by two names. `check` refuses to run on them (it would suggest turning one
    canonical form into the other); `glossary lint` lists them all."""
    problems: list[tuple[Entry, str]] = []
    canonical_at: dict[str, Entry] = {}
    variant_at: dict[str, Entry] = {}
    latin_at: dict[str, Entry] = {}
    for entry in entries:
        key = entry.latin.casefold()
        if key in latin_at:
            other = latin_at[key]
            problems.append((entry, f"duplicate entry {entry.latin!r} (also {other.path}:{other.line})"))
        latin_at.setdefault(key, entry)
        canon = fold(entry.canonical)
        if canon in variant_at and variant_at[canon].latin != entry.latin:
            other = variant_at[canon]
            problems.append((entry, f"canonical form {entry.canonical!r} is listed as a variant of "
                                    f"{other.latin!r} ({other.path}:{other.line})"))
        canonical_at.setdefault(canon, entry)
        for variant in entry.variants + entry.accepted:
            v = fold(variant)
            if v in variant_at and variant_at[v].latin != entry.latin:
                other = variant_at[v]
                problems.append((entry, f"variant {variant!r} is also listed under {other.latin!r} "
                                        f"({other.path}:{other.line})"))
            if v in canonical_at and canonical_at[v].latin != entry.latin and canon != v:
                other = canonical_at[v]
                problems.append((entry, f"variant {variant!r} is the canonical form of {other.latin!r} "
                                        f"({other.path}:{other.line})"))
            variant_at.setdefault(v, entry)
    return problems


# The code that turns glossary rows into entries and token keys: part of the table-cache key.
_DERIVING_CODE = ("core/text.py", "core/tokens.py", "language/tables.py", "language/glossary.py")


def _cache_sources(paths: list[Path]) -> tuple[str, ...]:
    """What a cached glossary depends on: each file's name as given (entries keep it) and bytes,
    the deriving code, and indic-nlp's install (its normaliser folds the forms)."""
    from audit.core.datacache import package_version

    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    package = Path(__file__).resolve().parents[1]
    for name in _DERIVING_CODE:
        digest.update((package / name).read_bytes())
    return (digest.hexdigest(), package_version("indicnlp"))


class Glossary:
    """All entries of one or more glossary files, indexed for matching."""

    def __init__(self, entries: list[Entry], paths: list[Path]):
        self.entries = entries
        self.paths = paths
        self.forms: PhraseIndex[tuple[Entry, str]] = PhraseIndex()  # role: canonical|variant|accepted
        self.wrong: PhraseIndex[Entry] = PhraseIndex()
        self.latin: PhraseIndex[Entry] = PhraseIndex()
        owners: dict[tuple[str, ...], Entry] = {}
        for entry in entries:
            for form, role in ([(entry.canonical, "canonical")] + [(v, "variant") for v in entry.variants]
                               + [(v, "accepted") for v in entry.accepted]):
                keys = self.forms.add(form, (entry, role))
                other = owners.setdefault(keys, entry)
                if other is not entry and other.canonical != entry.canonical:
                    raise GlossaryError(
                        f"{form!r} already belongs to {other.latin!r} ({other.path}:{other.line})",
                        entry.path,
                        entry.line,
                    )
            for word in entry.wrong_renderings:
                self.wrong.add(word, entry)
            self.latin.add(entry.latin, entry)

    @classmethod
    def load(cls, paths: list[str | Path]) -> "Glossary":
        """The glossary of these files, from the table cache when the files and the code deriving
        the index are unchanged (tokenizing and folding every form is a tenth of a second per start)."""
        from audit.core.errors import MAX_GLOSSARY_MB
        from audit.core.fileio import refuse_oversized, refuse_special

        resolved = [Path(p) for p in paths]
        for path in resolved:
            refuse_special(path)  # the cache key reads every byte: /dev/zero would never end
            refuse_oversized(path, MAX_GLOSSARY_MB, "glossary")  # nor should a disk image
        try:
            sources = _cache_sources(resolved)
        except OSError:
            return cls._build(resolved)  # an unreadable file: the build names it, as it always did
        from audit.core.datacache import cached_table, record_shape

        index = [((str, ...), int)]
        shape = {"entries": [record_shape(Entry)], "forms": [((str, ...), int, str)], "wrong": index, "latin": index}
        return cached_table("glossary", sources, lambda: cls._build(resolved)._parts(), shape,
                            lambda parts: cls._from_parts(resolved, parts))

    @classmethod
    def _build(cls, resolved: list[Path]) -> "Glossary":
        entries: list[Entry] = []
        for path in resolved:
            entries.extend(_entry(row) for row in read_table(path, REQUIRED, OPTIONAL))
        glossary = cls(entries, resolved)
        for entry, problem in conflicts(entries)[:1]:
            raise GlossaryError(problem + " (`jaanch glossary lint` lists every problem)", entry.path, entry.line)
        return glossary

    def _parts(self) -> dict:
        """A validated glossary as plain data: entries by field, each index as the (keys, entry number)
        pairs in the order they were added (the first phrase with given keys keeps them)."""
        number = {id(e): i for i, e in enumerate(self.entries)}
        return {
            "entries": [tuple(getattr(e, f.name) for f in fields(Entry)) for e in self.entries],
            "forms": [(keys, number[id(entry)], role) for keys, (entry, role) in self.forms._table.items()],
            "wrong": [(keys, number[id(entry)]) for keys, entry in self.wrong._table.items()],
            "latin": [(keys, number[id(entry)]) for keys, entry in self.latin._table.items()],
        }

    @classmethod
    def _from_parts(cls, resolved: list[Path], parts: dict) -> "Glossary":
        glossary = cls.__new__(cls)
        glossary.entries = entries = [Entry(*values) for values in parts["entries"]]
        glossary.paths = resolved
        glossary.forms, glossary.wrong, glossary.latin = PhraseIndex(), PhraseIndex(), PhraseIndex()
        for keys, n, role in parts["forms"]:
            glossary.forms.add_keys(tuple(keys), (entries[n], role))
        for keys, n in parts["wrong"]:
            glossary.wrong.add_keys(tuple(keys), entries[n])
        for keys, n in parts["latin"]:
            glossary.latin.add_keys(tuple(keys), entries[n])
        return glossary

    @cached_property
    def digest(self) -> str:
        return file_digest(self.paths) if self.paths else "none"

    @cached_property
    def by_latin(self) -> dict[str, Entry]:
        return {e.latin.casefold(): e for e in self.entries}

    @cached_property
    def by_canonical(self) -> dict[str, Entry]:
        return {fold(e.canonical): e for e in self.entries}

    @cached_property
    def place_keys(self) -> frozenset[str]:
        """Folded house forms of the places and countries the glossary lists (दिल्ली, भारत): a word before
        an institution's noun (दिल्ली विश्वविद्यालय) or a dateline's hyphen (नई दिल्ली- …)."""
        return frozenset(fold(e.canonical) for e in self.entries if e.kind in ("place", "country"))

    @cached_property
    def product_keys(self) -> frozenset[str]:
        """Folded one-word forms of the products the glossary lists (एंड्रॉयड, आईफोन, विंडोज): a number
        after one is its version, spaced as in English (Android 14), not part of the name (FMT011)."""
        return frozenset(fold(form) for e in self.entries if e.kind == "product"
                         for form in (e.canonical, *e.variants, *e.accepted) if " " not in form)

    @cached_property
    def all_forms(self) -> set[str]:
        """Folded single-token forms the glossary knows (canonical, variants, accepted), for other checks."""
        out: set[str] = set()
        for e in self.entries:
            for form in (e.canonical, *e.variants, *e.accepted):
                out.update(form_key for form_key in map(fold, form.split()))
        return out

    @cached_property
    def house_keys(self) -> frozenset[str]:
        """Folded one-token spellings the glossary holds right (canonical and accepted, not the variants
        it lists as wrong): a spelling checker must never call one a slip (क्लॉड, Claude, beside क्लाउड)."""
        return frozenset(fold(form) for e in self.entries for form in (e.canonical, *e.accepted)
                         if form and len(form.split()) == 1)

    @cached_property
    def single_token_forms(self) -> frozenset[str]:
        """Folded forms of names written as one token (canonical, variants, accepted): a word of a
        longer name (चुनाव of चुनाव आयोग) is not one, being often a common word too."""
        return frozenset(fold(form) for e in self.entries for form in (e.canonical, *e.variants, *e.accepted)
                         if form and len(form.split()) == 1)
