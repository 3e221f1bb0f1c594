from __future__ import annotations

from functools import lru_cache

from audit.core.findings import DISPLAY_ONLY, Fix, Severity
from audit.core.document import tokenize_phrase
from audit.language.concepts import default_concepts
from audit.language.lexicon import ANY_CONTEXT
from audit.lint.checks.base import Check, Context, span_of
from audit.lint.checks.bilingual.english import hyphenated_compounds, lemmas, source_lemmas, source_words
from audit.lint.checks.bilingual.glued import common_hindi, may_be_glued
from audit.lint.checks.slots import before_postposition


class SourceWrongSense(Check):
    """A source word translated in a sense its own sentence rules out (`glossaries/lexicon/source_senses.tsv`).

    Anti-pattern:  source "Radiation was found near the nuclear plant."  ->  परमाणु पौधे के पास विकिरण मिला।
                   source "A pride of lions rested in the shade."        ->  शेरों का एक गर्व छाया में आराम कर रहा था।
    Fix:           परमाणु संयंत्र के पास विकिरण मिला।   /   शेरों का एक झुंड छाया में आराम कर रहा था।
    Fix safety:    display-only: the right word may need another case ending or gender around it.
    A row fires when its English word is in the source, one of its cues (source words or hyphenated
    compounds that show the sense: nuclear, reactor, up-bow) is in the same source segment, and the
    target has the Hindi of the other sense, also glued to a Hindi word where a space was lost. A row
    with no cue (`*`: Pisces, Scorpio) needs its word standing alone, not inside a longer name (Pisces
    Oil, Mahindra Scorpio), and none of its `unless` words in the source. Without the source,
    SENSE001 can only guess from Hindi context; here the English says which word was meant.
    """

    code = "BIL007"
    name = "source-wrong-sense"
    category = "bilingual"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        index = ctx.lexicon.source_senses
        for unit in ctx.aligned:
            # Capitalised words count too: a cue only shows the field (Lions at a sentence's start,
            # the Supreme Court), and a row's word may be a name the Hindi must not translate
            # (Sagittarius, the constellation, is धनु). So does a hyphenated compound (up-bow).
            said = source_lemmas(unit.source)
            cues = said | hyphenated_compounds(unit.source)
            written: dict[str, object] = {}  # the segment's words and text, read when a row first fires
            for sent in unit.sentences:
                for start, end, senses, last in _wrong_words(ctx, index, sent.tokens):
                    sense = next((s for s in senses if s.english in said and not s.unless & said
                                  and (s.cues & cues or ANY_CONTEXT in s.cues and s.english in _alone(unit.source))
                                  and not _has_right(s, unit, written)), None)
                    if sense is None:
                        continue
                    flagged = ctx.article.text[start:end]
                    shown = sorted(sense.cues & cues)
                    why = f"with '{shown[0]}' in the source it is" if shown else "it is"
                    yield ctx.finding(
                        self, start, end,
                        f"'{flagged}' renders the source's '{sense.english}' in another sense; {why} "
                        f"'{sense.right[0]}' ({sense.note})",
                        [Fix(start, end, _in_slot(right, flagged, before_postposition(sent.tokens, last)),
                             applicability=DISPLAY_ONLY) for right in sense.right],
                        confidence=0.8)


def _in_slot(right: str, flagged: str, oblique: bool) -> str:
    """The right word in the flagged word's case, where the concept table knows it as a masculine -आ
    noun, whose plain form cannot stand there: a plural oblique for one (परीक्षणों में -> मुकदमों में),
    its oblique before a postposition (परीक्षण में -> मुकदमे में); a phrase's का agrees (सावन में ->
    घास के मैदान में). Any other noun reads right as listed (सुनवाई में, मंदी से: a mass noun made
    plural, मंदियों, would not)."""
    *head, last = right.split()
    plural = flagged.endswith(("ों", "ओं"))
    if plural or oblique:
        head = ["के" if w == "का" else w for w in head]
        for hit in default_concepts().lookup(last):
            concept = hit.concept
            if hit.side != "hindi" or hit.slot or concept.pos != "noun" or concept.hindi[0] != last:
                continue
            if concept.hindi_gender == "m" and last.endswith("ा"):
                # a masculine -आ noun's oblique singular is its plural direct
                last = concept.hindi_for(2 if plural else 1)
            break
    return " ".join([*head, last])


def _wrong_words(ctx: Context, index, tokens):
    """(start, end, rows, its last token's index) of each wrong-sense form in the sentence: listed
    phrases, and a one-word form glued to a common Hindi word where a space was lost (वालेगर्व,
    पौधेपर); the whole token must be unknown to Hindi, so a Hindi word that merely ends in a listed
    form is never cut. The index says which token follows it (a postposition sets the hint's case)."""
    for m in index.scan(tokens):
        yield (*span_of(tokens, m.first, m.last), m.value, m.last)
    for i, tok in enumerate(tokens):
        if (len(tok.text) < 6 or not may_be_glued(tok.text)
                or index.get(tokenize_phrase(tok.text)) is not None):
            continue  # short, two words' length exceeded, Hindi, or a listed form itself (found by the scan above)
        for cut in range(2, len(tok.text) - 1):
            for word, other, offset in ((tok.text[:cut], tok.text[cut:], 0), (tok.text[cut:], tok.text[:cut], cut)):
                senses = index.get(tokenize_phrase(word)) if len(word) >= 3 else None
                if senses and common_hindi(ctx, other):
                    yield tok.start + offset, tok.start + offset + len(word), senses, i
                    break
            else:
                continue
            break


@lru_cache(maxsize=4096)
def _alone(source: str) -> frozenset[str]:
    """The lemmas of the source's words that are not part of a longer name. A row that needs no cue
    (Pisces, Scorpio, Libra) is the zodiac sign only standing alone: inside a name of several words
    (Pisces Oil, Mahindra Scorpio, Facebook's Libra, Tata Taurus) it names a company or a product,
    and the Hindi around it translates other words. A headline in title case (Pisces Horoscope
    Today) capitalises every word, so there a neighbour does not make a name."""
    words = source_words(source)
    titled = [w for w in words if len(w.text) > 3]
    if titled and sum(w.text[:1].isupper() for w in titled) * 2 > len(titled):
        return frozenset(lemma for w in words for lemma in lemmas(w.text))
    out: set[str] = set()
    for i, word in enumerate(words):
        joined = word.text[:1].isupper() and [  # a word in lower case (Kuno's savanna) is in no name
            other for other in (words[i - 1] if i else None, words[i + 1] if i + 1 < len(words) else None)
            if other is not None and other.name
            and source[min(word.end, other.end):max(word.start, other.start)] in _NAME_JOINS]
        if not joined:
            out.update(lemmas(word.text))
    return frozenset(out)


# What joins the words of one name: a space, or a possessive (Facebook's Libra).
_NAME_JOINS = (" ", "'s ", "’s ")


def _has_right(sense, unit, written: dict) -> bool:
    """The segment already has the cued sense's word: then the other-sense word renders another
    word, or the other sense said too (the nuclear plant's staff planted saplings: संयंत्र ...
    पौधे लगाए; a judge's sentence and a sentence of the order: सजा ... वाक्य)."""
    if not written:
        words = [tok.text for sent in unit.sentences for tok in sent.tokens]
        written["words"], written["text"] = set(words), " " + " ".join(words) + " "
    return any(_inflections(right) & written["words"] if " " not in right
               else any(f" {form} " in written["text"] for form in _phrase_forms(right)) for right in sense.right)


def _phrase_forms(phrase: str) -> set[str]:
    """A phrase of several words as Hindi writes it in any case: its last word inflected and a
    का inside agreeing (घास का मैदान, घास के मैदान, घास के मैदानों; प्रकृति प्रेमी, प्रकृति प्रेमियों)."""
    *head, last = phrase.split()
    heads = {" ".join(head)} | {" ".join("के" if w == "का" else w for w in head),
                                " ".join("की" if w == "का" else w for w in head)}
    lasts = _inflections(last) | ({last[:-1] + "ियों", last + "यों"} if last.endswith("ी") else set())
    return {f"{h} {w}".strip() for h in heads for w in lasts}


def _inflections(word: str) -> set[str]:
    """A noun's direct and oblique forms as Hindi news writes them (सजा, सजाएं, सजाओं; मुकदमा,
    मुकदमे, मुकदमों; संयंत्र, संयंत्रों): enough to see the word in a segment, not a morphology."""
    forms = {word, word + "ों", word + "ें", word + "ओं", word + "एं"}
    if word.endswith("ा"):
        forms |= {word[:-1] + "े", word[:-1] + "ों"}
    return forms
