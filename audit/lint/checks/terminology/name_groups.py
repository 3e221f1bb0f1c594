"""A name's group in an article (TERM003, `entity_consistency`): its forms as written, and which spelling
the report proposes to keep.

The ranking is kept apart from the grouping: the grouping decides which words are one name, this
decides what to say about them (the glossary's form, the form written most often, the well-formed
or known word on a tie, or no proposal where nothing breaks the tie).
"""

from __future__ import annotations

from operator import itemgetter

from audit.core.text import fold
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.encoding.encoding_hygiene import has_encoding_slip
from audit.lint.checks.letters import letters_spelled


class Group:
    """All the forms one entity takes in the article: by form as written, its first surface and its
    spans. A plain class: an article makes a dozen, and a dataclass's field factories cost more."""

    __slots__ = ("label", "listed", "preferred", "spans", "surface")

    def __init__(self, label: str, preferred: str | None = None):
        self.label = label
        self.preferred = preferred  # the glossary's canonical form, when the entity is listed
        self.listed: dict[str, str] = {}  # form -> "variant" or "accepted": the glossary lists it (TERM001's)
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self.surface: dict[str, str] = {}

    def add(self, key: str, surface: str, span: tuple[int, int]) -> None:
        spans = self.spans.get(key)
        if spans is None:
            self.surface[key] = surface
            self.spans[key] = [span]
        else:
            spans.append(span)


def written(surface: str) -> str:
    """A form as written: nukta, chandrabindu and encoding variants stay apart (निफ़्टी is not
    निफ्टी on the page, in search or in the archive); Latin casing is TERM002's business."""
    return surface.casefold() if surface.isascii() else surface


def forms_summary(group: Group, counts: dict[str, int]) -> str:
    """A group's forms as written, each with its count, most written first (Counter.most_common's order)."""
    return ", ".join(f"{group.surface[k]} ×{n}" for k, n in sorted(counts.items(), key=_COUNT, reverse=True))


_COUNT = itemgetter(1)


def spelling_target(group: Group, counts: dict[str, int], deva: list[str], spelling: dict[str, str],
                     concepts=None) -> tuple[str | None, str]:
    """The Devanagari form to keep and why, or (None, "") where the article cannot say. The glossary
    form only where the article writes that spelling (proposing a form the article never uses makes a
    third spelling); else the spelling written most often, a nukta apart counted as one; on a tie the
    known word (`_known`: a spelling the concept table writes, व्हीकल beside व्हिकल, or the feminine
    of a common word, मृतका of मृतक beside मृतिका), then the one Hindi text uses more; a form with an
    encoding slip (प्रदेाष, े + ा) never. Of the spelling kept, the glossary's form if written so, else
    the form written most often."""
    by_spelling: dict[str, int] = {}
    for k in deva:
        by_spelling[spelling[k]] = by_spelling.get(spelling[k], 0) + counts[k]
    basis = "the glossary form"
    chosen = fold(group.preferred) if group.preferred else None
    # a spelling the glossary lists as wrong is never proposed (TERM001 turns it into the glossary form)
    unlisted = {sp for k, sp in spelling.items() if group.listed.get(k) != "variant"}
    if chosen not in by_spelling and not unlisted and group.preferred:
        return group.preferred, basis
    if chosen not in by_spelling:
        facts = _form_facts(concepts)

        def rank(sp: str) -> tuple:
            # (an encoding slip, Hindi usage, a known word, letters spelled out) of each form, per form
            forms = [facts[group.surface[k]] for k in deva if spelling[k] == sp]
            sound = not any(map(_SLIP, forms))
            usage = max(map(_USAGE, forms))
            known = any(map(_KNOWN, forms))
            return sound, by_spelling[sp], known, usage, any(map(_SPELLS, forms))
        ranks = {sp: rank(sp) for sp in unlisted}  # each spelling ranked once (rank reads wordfreq)
        ranked = sorted(unlisted, key=ranks.__getitem__, reverse=True)
        if len(ranked) > 1 and ranks[ranked[0]] == ranks[ranked[1]]:
            stem = _stem_word(*(group.surface[next(k for k in deva if spelling[k] == sp)] for sp in ranked[:2]))
            if stem is None or (len(ranked) > 2 and ranks[ranked[1]] == ranks[ranked[2]]):
                return None, ""  # a tie Hindi usage does not break (एसएसएलवी / एसएसलवी): no form to propose
            ranked = ranked[:2] if stem == 0 else [ranked[1], ranked[0]]
        chosen = ranked[0]
        tied = len(ranked) > 1 and by_spelling[chosen] == by_spelling[ranked[1]]
        basis = ("the most frequent form" if not tied
                 else "the well-formed form" if ranks[chosen][0] != ranks[ranked[1]][0]
                 else "the known word" if ranks[chosen][2] != ranks[ranked[1]][2]
                 else "the spelling of the word it is made from" if ranks[chosen] == ranks[ranked[1]]
                 else "the more usual form")
    forms = [k for k in deva if spelling[k] == chosen]
    if group.preferred and written(group.preferred) in forms:
        return group.preferred, basis
    if basis == "the glossary form":
        basis = "the glossary's spelling as this article writes it"
    return group.surface[max(forms, key=lambda k: (counts[k], -group.spans[k][0][0]))], basis


_STEM_GAP = 1.5  # a word's stem this much commoner (zipf) than the other spelling's is the word the name is made from
_STEM_ZIPF = 5.0  # ... and one of Hindi's common words


def _stem_word(a: str, b: str) -> int | None:
    """Which of two spellings of a name (0: `a`, 1: `b`) is made from a common Hindi word where they
    differ (रूपाली of रूप, zipf 6, beside रुपाली of रुप, 4): the beginning of each, up to and past the
    first place they differ, that Hindi text writes most, the one far commoner (`_STEM_GAP`) and a
    common word (`_STEM_ZIPF`). None where no beginning tells them apart (names with no word in them)."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    best = [max((hindi_zipf(w[:n]) for n in range(max(3, i + 1), len(w))), default=0.0) for w in (a, b)]
    high = 0 if best[0] >= best[1] else 1
    if best[high] >= _STEM_ZIPF and best[high] - best[1 - high] >= _STEM_GAP:
        return high
    return None


# A final ा, ी or े: the feminine, the masculine's -ा or an oblique ending on a stem (मृतका: मृतक + ा).
_ENDINGS = ("\u093e", "\u0940", "\u0947")
_KNOWN_STEM_ZIPF = 3.0  # a stem Hindi text writes this often is a word, not a name's fragment


def _known(form: str, concepts) -> bool:
    """Is the form a known word: a spelling the concept table writes as such (जैवलिन, not जेवलिन), or a
    common word with a final ा, ी or े (मृतका, मृतक's feminine; मृतिका's stem मृतिक is no word)?"""
    if concepts is not None and any(
            form in (*h.concept.translit, *h.concept.translit_variants, *h.concept.hindi, *h.concept.hindi_alternatives)
            for h in concepts.lookup(form)):
        return True
    return form.endswith(_ENDINGS) and hindi_zipf(form[:-1]) >= _KNOWN_STEM_ZIPF


class _FormFacts(dict):
    """What ranking a spelling asks of each of its forms, per distinct form: (an encoding slip, Hindi
    usage, a known word, Latin letters spelled out), each asked once (they read wordfreq, the concept
    table and the slips' scans). Kept from article to article while the concept table stays."""

    def __init__(self, concepts=None):
        super().__init__()
        self.concepts = concepts

    def __missing__(self, form: str) -> tuple:
        if len(self) > 50_000:
            self.clear()  # a bound on memory over an endless stream of new names
        got = self[form] = (has_encoding_slip(form), hindi_zipf(form), _known(form, self.concepts),
                            _spells_letters(form))
        return got


_FORM_FACTS = [_FormFacts()]
_SLIP, _USAGE, _KNOWN, _SPELLS = (itemgetter(i) for i in range(4))


def _form_facts(concepts) -> _FormFacts:
    """The form facts memo (`_FormFacts`) for this concept table."""
    memo = _FORM_FACTS[0]
    if memo.concepts is not concepts:
        memo = _FORM_FACTS[0] = _FormFacts(concepts)
    return memo


def _spells_letters(form: str) -> bool:
    """Is the form Latin letters read out one by one (एसएसएलवी: एस एस एल वी), as an acronym's
    Devanagari form is, not a slip of one (एसएसलवी: ल is no letter's name)?"""
    return letters_spelled(form) is not None
