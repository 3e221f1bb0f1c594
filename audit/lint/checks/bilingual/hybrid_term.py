from __future__ import annotations

from functools import lru_cache

from audit.core.findings import DISPLAY_ONLY, Fix, Severity
from audit.language.concepts import Concept, default_concepts
from audit.language.soundalike import spelling_distance
from audit.lint.checks.base import Check, Context
from audit.lint.checks.bilingual.english import lemmas, source_words

# The shortest English stem read (capital, social; "art" of artism would match too much), and the
# shortest start of it a Hindi stem may spell (roman of romantic: रोमनवाद).
_MIN_STEM = 4
_MIN_PREFIX = 5


class HybridTerm(Check):
    """A source term in -ism or -ist coined as a transliterated English stem with a Hindi suffix,
    where Hindi has its own word (`glossaries/lexicon/hybrid_suffixes.tsv`, `glossaries/concepts.tsv`).

    Anti-pattern:  source "Capitalism and Romanticism shaped the century."  ->  कैपिटलवाद और रोमांटिकवाद ने सदी को आकार दिया।
    Fix:           पूंजीवाद और स्वच्छंदतावाद ने सदी को आकार दिया।
    Fix safety:    display-only: the term may need another case ending or plural around it.
    The English stem (capital, romantic, or a start of it of five letters or more: roman) is
    spelled out in Devanagari before वाद, वादी or ता; a reader gets neither the English term nor the
    Hindi one. It fires only for a source word the concept table translates, so a name's -ism,
    which Hindi does write this way (मार्क्सवाद, लेनिनवाद), has no row and stays clean.
    """

    code = "BIL008"
    name = "hybrid-term"
    category = "bilingual"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        suffixes = ctx.lexicon.hybrid_suffixes
        for unit in ctx.aligned:
            terms = _terms(unit.source, suffixes)
            if not terms:
                continue
            for sent in unit.sentences:
                for tok in sent.tokens:
                    hit = _coined(tok.text, terms)
                    if hit is None:
                        continue
                    concept, english, slot = hit
                    flagged = ctx.article.text[tok.start : tok.end]
                    right = concept.hindi_for(slot)
                    yield ctx.finding(
                        self, tok.start, tok.end,
                        f"'{flagged}' coins the source's '{english}' from its English stem; Hindi has "
                        f"'{right}'",
                        [Fix(tok.start, tok.end, right, applicability=DISPLAY_ONLY)],
                        confidence=0.75)


def _terms(source: str, suffixes) -> list[tuple[str, tuple[str, ...], Concept, str]]:
    """(English stem, its Hindi suffixes, concept, source word) of each source term with a row."""
    out = []
    for word in source_words(source):
        for lemma in lemmas(word.text):
            for suffix in suffixes:
                stem = lemma[: -len(suffix.english)]
                if not lemma.endswith(suffix.english) or len(stem) < _MIN_STEM:
                    continue
                for concept in _translated().get(lemma, ()):
                    out.append((stem, suffix.hindi, concept, word.text))
    return out


def _coined(token: str, terms) -> tuple[Concept, str, int] | None:
    """The concept, source word and the token's slot when the token is an English stem of one
    spelled out before a Hindi suffix."""
    for stem, hindi_suffixes, concept, english in terms:
        if token in concept.hindi or token in concept.hindi_alternatives:
            continue
        for hindi_suffix in hindi_suffixes:
            spelled = token[: -len(hindi_suffix)]
            if not token.endswith(hindi_suffix) or len(spelled) < 3:
                continue
            for length in range(len(stem), min(len(stem), _MIN_PREFIX) - 1, -1):
                distance = spelling_distance(spelled, stem[:length])
                if distance is not None and distance <= 1:
                    return concept, english, _slot(hindi_suffix)
    return None


def _slot(hindi_suffix: str) -> int:
    """The concept table's noun slot the suffix puts the coinage in, so the Hindi replacing it keeps
    its number and case (कैपिटलवादियों से -> पूंजीपतियों से, not पूंजीपति से): a plural oblique ends
    in ों, a plural direct in ां or ें (वादियां); anything else is the singular."""
    if hindi_suffix.endswith("ों"):
        return 2
    if hindi_suffix.endswith(("ां", "ें")):
        return 1
    return 0


@lru_cache(maxsize=1)
def _translated() -> dict[str, list[Concept]]:
    """English lemma -> the concepts that give it a Hindi word."""
    out: dict[str, list[Concept]] = {}
    for concept in default_concepts().concepts:
        if concept.hindi:
            out.setdefault(concept.english.lower(), []).append(concept)
    return out
