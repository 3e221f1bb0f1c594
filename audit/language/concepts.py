"""The concept table (`glossaries/concepts.tsv`): one row per concept Hindi news writes either as a
transliterated English word or as a Hindi word.

One table serves every check that needs to know that सेंचुरी is "century" and that desks write शतक:
the anglicism check, concept consistency within an article, and the bilingual check that spots a
source word transliterated instead of translated. Forms are aligned by grammatical slot, so a
suggestion replaces a plural oblique by a plural oblique (सेंचुरियों -> शतकों) and a noun by a noun.

Slots: a noun has three (singular direct | plural direct | plural oblique); a conjunct verb has
one, the nominal before करना/होना (नोट -> उल्लेख); an adjective or adverb has one, or three for
-आ adjectives (masculine | feminine | oblique).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, fields
from pathlib import Path

from audit.core.errors import GlossaryError
from audit.core.text import fold
from audit.language.tables import Row, file_digest, read_table

CONCEPTS = Path(__file__).resolve().parents[2] / "glossaries" / "concepts.tsv"
REQUIRED = ("english", "pos", "translit", "translit_gender", "hindi", "hindi_gender", "established")
OPTIONAL = ("translit_variants", "hindi_alternatives", "domain", "note", "mixing")
POS = ("noun", "verb", "adj", "adv")
SLOTS = {"noun": (3,), "verb": (1,), "adj": (1, 3), "adv": (1,)}
GENDERS = ("m", "f", "-")
MIXING = ("slip", "usual", "homograph")


@dataclass(frozen=True)
class Concept:
    english: str
    pos: str
    translit: tuple[str, ...]  # by slot; translit[0] is the base form
    translit_variants: tuple[str, ...]
    translit_gender: str
    hindi: tuple[str, ...]  # by slot, the preferred Hindi; empty for loans with no Hindi in use
    hindi_gender: str
    hindi_alternatives: tuple[str, ...]
    established: bool  # the loan is normal in edited Hindi news: never an artifact by itself
    domain: str
    note: str
    line: int
    # Whether one article using both the loan and the Hindi word is a slip: "slip" (सेंचुरी / शतक),
    # "usual" (desks write कार and गाड़ी side by side), or "homograph" (a form is also a common
    # Hindi word of another sense: वे "way" / वे "they", कर "tax" / कर "do"; or the loan also writes
    # another English word: नाइट "night" / नाइट "knight", as in नाइट की उपाधि and नाइट राइडर्स).
    mixing: str = "slip"

    def hindi_for(self, slot: int) -> str | None:
        """The Hindi form for the same slot, or None when there is none to offer."""
        if not self.hindi:
            return None
        return self.hindi[slot] if slot < len(self.hindi) else self.hindi[0]

    @property
    def mixing_is_slip(self) -> bool:
        return self.mixing == "slip"

    @property
    def same_gender(self) -> bool:
        """Swapping the words keeps agreement (उसकी सेंचुरी -> उसका शतक would not)."""
        return self.translit_gender == self.hindi_gender or "-" in (self.translit_gender, self.hindi_gender)


@dataclass(frozen=True)
class FormHit:
    """What a surface form is: which concept, which side (translit or hindi), which slot."""

    concept: Concept
    side: str  # "translit" or "hindi"
    slot: int


_NEXT_WORD = re.compile("[ \u00a0]+([\u0900-\u0963\u0966-\u097f\u200c\u200d]+)")  # the next word, one line
_DEVANAGARI_FORM = re.compile("[\u0900-\u097f \\-\u200d]*")


def _forms(row: Row, column: str, pos: str, allow_empty: bool) -> tuple[str, ...]:
    items = tuple(row.items(column))
    if not items and allow_empty:
        return ()
    if len(items) not in SLOTS[pos]:
        want = " or ".join(str(n) for n in SLOTS[pos])
        raise row.error(f"'{column}' of a {pos} needs {want} forms separated by '|', got {len(items)}")
    for item in items:
        if not _DEVANAGARI_FORM.fullmatch(item):  # every character Devanagari, a space, a hyphen or a ZWJ
            raise row.error(f"'{column}' form {item!r} must be Devanagari")
    return items


def _concept(row: Row) -> Concept:
    english, pos = row.get("english"), row.get("pos")
    if not english:
        raise row.error("'english' must not be empty")
    if pos not in POS:
        raise row.error(f"'pos' must be one of {', '.join(POS)}, got {pos!r}")
    for column in ("translit_gender", "hindi_gender"):
        if row.get(column) not in GENDERS:
            raise row.error(f"'{column}' must be m, f or -, got {row.get(column)!r}")
    established = row.get("established")
    if established not in ("yes", "no"):
        raise row.error(f"'established' must be yes or no, got {established!r}")
    if row.get("mixing") not in ("",) + MIXING:
        raise row.error(f"'mixing' must be {', '.join(MIXING)} or empty, got {row.get('mixing')!r}")
    hindi = _forms(row, "hindi", pos, allow_empty=established == "yes")
    return Concept(
        english=english, pos=pos, translit=_forms(row, "translit", pos, allow_empty=False),
        translit_variants=tuple(row.items("translit_variants")), translit_gender=row.get("translit_gender"),
        hindi=hindi, hindi_gender=row.get("hindi_gender"),
        hindi_alternatives=tuple(row.items("hindi_alternatives")), established=established == "yes",
        domain=row.get("domain") or "general", note=row.get("note"), line=row.line,
        mixing=row.get("mixing") or "slip",
    )


class ConceptTable:
    """The concepts, and every surface form (folded) mapped to what it is."""

    def __init__(self, path: Path = CONCEPTS):
        self.path = Path(path)
        self.concepts: list[Concept] = []
        self.forms: dict[str, list[FormHit]] = {}
        self._index_entries: list[tuple[tuple[str, ...], list[FormHit]]] | None = None  # from the table cache
        seen: dict[tuple[str, str], int] = {}
        for row in read_table(self.path, REQUIRED, OPTIONAL):
            concept = _concept(row)
            key = (concept.english.casefold(), concept.pos)
            if key in seen:
                raise row.error(f"duplicate concept {concept.english!r} ({concept.pos}), also line {seen[key]}")
            seen[key] = row.line
            self.concepts.append(concept)
            for slot, form in enumerate(concept.translit):
                self._add(form, FormHit(concept, "translit", slot))
            for form in concept.translit_variants:
                self._add(form, FormHit(concept, "translit", variant_slot(concept, form)))
            for slot, form in enumerate(concept.hindi):
                self._add(form, FormHit(concept, "hindi", slot))
            for form in concept.hindi_alternatives:
                self._add(form, FormHit(concept, "hindi", 0))

    def _add(self, form: str, hit: FormHit) -> None:
        hits = self.forms.setdefault(fold(form), [])
        if not any(h.concept is hit.concept and h.side == hit.side for h in hits):
            hits.append(hit)

    def lookup(self, form: str) -> list[FormHit]:
        return self.forms.get(fold(form), [])

    def noun_follows(self, text: str, end: int, light_verbs: frozenset[str] = frozenset()) -> bool:
        """The word after text[:end] is a noun of the table that the word at `end` qualifies (फेस्टिवल
        सीजन, not फेस्टिवल में): not a postposition, and not a conjunct verb's nominal (पब्लिक सपोर्ट
        करती है, where पब्लिक is the subject)."""
        m = _NEXT_WORD.match(text, end)
        if not m or not any(h.concept.pos == "noun" for h in self.lookup(m.group(1))):
            return False
        after = _NEXT_WORD.match(text, m.end())
        return not (after and after.group(1) in light_verbs)

    def __len__(self) -> int:
        return len(self.concepts)

    @property
    def digest(self) -> str:
        return file_digest([self.path])


def variant_slot(concept: Concept, form: str) -> int:
    """A listed spelling's slot: a noun's English plural written out (किड्स, फीचर्स, ऐप्स: a base
    form or another listed spelling with ्स or ज) is the plural (1), so its Hindi is बच्चे, सुविधाएं,
    not the singular बच्चा, सुविधा; any other spelling is the base form's (0)."""
    if concept.pos == "noun":
        key = fold(form)
        for base in (concept.translit[0], *concept.translit_variants):
            if base != form and key in (fold(base + "\u094dस"), fold(base + "ज"), fold(base + "ज़")):
                return 1
    return 0


def load_concepts(path: str | Path | None = None) -> ConceptTable:
    try:
        return ConceptTable(Path(path) if path else CONCEPTS)
    except GlossaryError:
        raise
    except (OSError, ValueError) as exc:  # pragma: no cover - read_table reports these itself
        raise GlossaryError(str(exc), str(path or CONCEPTS)) from None


def _index_entries(table: ConceptTable) -> list[tuple[tuple[str, ...], list[FormHit]]]:
    """(token keys, hits) of every form the index holds, in the order they are added."""
    from audit.core.document import tokenize_phrase

    entries = [(tokenize_phrase(form), hits) for form, hits in table.forms.items()]
    # English plurals written in Devanagari (स्टूडेंट्स, फोटोज) are the loan's plural slot too.
    for concept in table.concepts:
        if concept.pos != "noun":
            continue
        base = concept.translit[0]
        plural = base + ("ज" if base[-1] in _VOWEL_ENDINGS else "\u094dस")
        if fold(plural) not in table.forms:
            entries.append((tokenize_phrase(plural), [FormHit(concept, "translit", 1)]))
    return [(keys, hits) for keys, hits in entries if keys]


def concept_index(table: ConceptTable):
    """Longest-match index of every form (multi-word forms such as रेपो रेट included) to its hits."""
    from audit.core.phrases import PhraseIndex

    index: PhraseIndex[list[FormHit]] = PhraseIndex()
    for keys, hits in table._index_entries or _index_entries(table):
        index.add_keys(keys, hits)
    return index


_VOWEL_ENDINGS = frozenset("\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u0949\u094b\u094c")

# The code that turns the table into concepts, folded forms and token keys: a change to any of it
# is a new table-cache key, like a change to the table itself.
_DERIVING_CODE = ("core/text.py", "core/tokens.py", "language/tables.py", "language/concepts.py")


def _cached_parts(table: ConceptTable) -> dict:
    """A validated table as plain data for the table cache: concepts by field, hits by concept number."""
    number = {id(c): i for i, c in enumerate(table.concepts)}
    ref = {id(hits): form for form, hits in table.forms.items()}
    return {
        "concepts": [tuple(getattr(c, f.name) for f in fields(Concept)) for c in table.concepts],
        "forms": [(form, [(number[id(h.concept)], h.side, h.slot) for h in hits]) for form, hits in table.forms.items()],
        # an entry's hits are a form's own list, or a plural's single translit hit (by concept number)
        "index": [(keys, ref[id(hits)], -1) if id(hits) in ref else (keys, "", number[id(hits[0].concept)])
                  for keys, hits in _index_entries(table)],
    }


def _from_parts(path: Path, parts: dict) -> ConceptTable:
    table = ConceptTable.__new__(ConceptTable)
    table.path = path
    table.concepts = concepts = [Concept(*values) for values in parts["concepts"]]
    table.forms = forms = {form: [FormHit(concepts[i], side, slot) for i, side, slot in hits]
                           for form, hits in parts["forms"]}
    table._index_entries = [(tuple(keys), forms[form] if form else [FormHit(concepts[plural], "translit", 1)])
                            for keys, form, plural in parts["index"]]
    return table


def _load_default() -> ConceptTable:
    """The packaged table, from the table cache when the table and the code deriving it are unchanged
    (validating it, folding its 7,000 forms and tokenizing them was half of a cold start)."""
    from audit.core.datacache import cached_table, package_version, record_shape

    try:
        digest = hashlib.sha256(CONCEPTS.read_bytes())
        package = Path(__file__).resolve().parents[1]
        for name in _DERIVING_CODE:
            digest.update((package / name).read_bytes())
    except OSError:
        return load_concepts()  # no table or no sources to key it by: the build says what is wrong
    shape = {"concepts": [record_shape(Concept)], "forms": [(str, [(int, str, int)])],
             "index": [((str, ...), str, int)]}
    return cached_table("concepts", (digest.hexdigest(), package_version("indicnlp")),
                        lambda: _cached_parts(load_concepts()), shape, lambda parts: _from_parts(CONCEPTS, parts))


_DEFAULT: ConceptTable | None = None


def default_concepts() -> ConceptTable:
    """The packaged table, loaded once per process (checks share it)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = _load_default()
    return _DEFAULT
