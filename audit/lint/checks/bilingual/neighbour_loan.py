from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from audit.core.findings import DISPLAY_ONLY, Fix, Severity
from audit.language.concepts import Concept, default_concepts
from audit.language.soundalike import spelling_distance
from audit.language.wordstats import english_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.bilingual.english import lemmas, source_lemmas, source_words
from audit.lint.checks.bilingual.english_words import FUNCTION_WORD_ZIPF
from audit.lint.checks.bilingual.glued import Glue, respaced, space_note, unglue


class NeighbourLoan(Check):
    """A written-out English word that the source does not say, spelled almost like one it does:
    the translation took a neighbouring English word for the source's.

    Anti-pattern:  source "Water poured over the levee overnight."  ->  रात भर पानी लेवल के ऊपर से बहा।
    Fix:           रात भर पानी तटबंध के ऊपर से बहा।   (levee, not level; the Hindi from the concept table)
    Fix safety:    display-only: the right word may take another gender or case around it.
    The token is a transliteration the concept table lists (लेवल is "level"), its English word is
    not in the source, and a source word (not a name) is spelled like it: the same first letter,
    both at least `min_length` letters, a difflib similarity of at least `min_similarity`
    (level / levee 0.8). It fires only where the token does not spell the source word itself:
    Hindi writes homophones one way (ब्रेक is break and brake, रोल is roll and role), so a token
    that sounds like the source word is that word, written out (BIL004's business), not a neighbour.
    One word derived from the other (report / reporter) is not a neighbour either. A token glued to
    a Hindi word (लेवलके: a space lost) counts by its written-out part.
    """

    code = "BIL009"
    name = "neighbour-loan"
    category = "bilingual"
    severity = Severity.WARNING
    defaults = {"min_similarity": 0.8, "min_length": 5}

    def run(self, ctx: Context):
        min_similarity = ctx.setting(self, "min_similarity")
        min_length = int(ctx.setting(self, "min_length"))
        for unit in ctx.aligned:
            said = source_lemmas(unit.source)
            candidates = [w for w in source_words(unit.source)
                          if not w.name and len(w.text) >= min_length and english_zipf(w.lower) < FUNCTION_WORD_ZIPF]
            if not candidates:
                continue
            by_letter = _by_first_letter(candidates)
            memo: dict[str, tuple | None] = {}  # a form's answer, once per distinct form of the segment

            def neighbour(form, by_letter=by_letter, said=said, memo=memo):
                if form not in memo:
                    memo[form] = _neighbour(form, by_letter, said, min_similarity, min_length)
                return memo[form]

            for sent in unit.sentences:
                for tok in sent.tokens:
                    if tok.kind != "deva" or len(tok.text) < 3:
                        continue
                    glue, hit = Glue(tok.text, "", 0), neighbour(tok.text)
                    if hit is None:  # a lost space: लेवलके is लेवल + के
                        glue, hit = unglue(ctx, tok.text, neighbour)
                        if hit is None:
                            continue
                    start = tok.start + glue.offset
                    yield self._finding(ctx, start, start + len(glue.word), *hit, glue)

    def _finding(self, ctx: Context, start: int, end: int, concept: Concept, slot: int, source_word: str,
                 glue: Glue):
        flagged = ctx.article.text[start:end]
        right = _hindi_of(source_word, concept.pos, slot)
        advice = f"; the desk's Hindi for '{source_word}' is '{right}'" if right else ""
        return ctx.finding(
            self, start, end,
            f"'{flagged}' writes '{concept.english}', but the source says '{source_word}': a neighbouring "
            f"English word was taken for the source's{advice}{space_note(glue)}",
            [Fix(start, end, respaced(right, glue), applicability=DISPLAY_ONLY)] if right else [],
            confidence=0.6)


# A word as common as "about" or "which" is a function word, never the word a loan stands for.


def _by_first_letter(candidates) -> dict[str, list[tuple[object, list[str]]]]:
    """The source's distinct candidate words with their lemmas, under each first letter of a lemma, in
    source order: only a word with a lemma opening like the English word can be its neighbour or its
    derivation, so each token is held against those, not against every word of a long segment."""
    out: dict[str, list[tuple[object, list[str]]]] = {}
    seen: set[str] = set()
    for word in candidates:
        if word.text in seen:
            continue
        seen.add(word.text)
        forms = lemmas(word.text)
        for letter in dict.fromkeys(f[:1] for f in forms if f):
            out.setdefault(letter, []).append((word, forms))
    return out


def _neighbour(token: str, by_letter, said: frozenset[str], min_similarity: float, min_length: int):
    """(concept, slot, source word) when the token is a listed transliteration of an English word the
    source does not say, spelled like a source word the token does not sound like; else None."""
    for hit in default_concepts().lookup(token):
        if hit.side != "translit" or hit.concept.pos == "verb":
            continue
        english = hit.concept.english.lower()
        if " " in english or len(english) < min_length or english in said:
            continue
        for word, forms in by_letter.get(english[0], ()):
            if english in forms or any(f.startswith(english) or english.startswith(f) for f in forms):
                continue  # the same word inflected or derived (report / reporter)
            near = next((f for f in forms if f[0] == english[0] and len(f) >= min_length
                         and SequenceMatcher(None, f, english).ratio() >= min_similarity), None)
            if near is None or any(spelling_distance(token, f) is not None for f in forms):
                continue  # not spelled alike, or the token sounds like the source word (a homophone)
            return hit.concept, hit.slot, near
    return None


def _hindi_of(english: str, pos: str, slot: int) -> str | None:
    """The Hindi the concept table gives for the source's word in the token's slot, if it has a row."""
    for concept in _by_english().get(english, ()):
        if concept.pos == pos and concept.hindi:
            return concept.hindi_for(slot)
    return None


@lru_cache(maxsize=1)
def _by_english() -> dict[str, list[Concept]]:
    out: dict[str, list[Concept]] = {}
    for concept in default_concepts().concepts:
        out.setdefault(concept.english.lower(), []).append(concept)
    return out
