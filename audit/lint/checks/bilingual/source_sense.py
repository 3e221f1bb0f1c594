from __future__ import annotations

from audit.core.findings import DISPLAY_ONLY, Fix, Severity
from audit.lint.checks.base import Check, Context, span_of
from audit.lint.checks.bilingual.english import lemmas, source_words


class SourceWrongSense(Check):
    """A source word translated in a sense its own sentence rules out (`glossaries/lexicon/source_senses.tsv`).

    Anti-pattern:  source "Radiation was found near the nuclear plant."  ->  परमाणु पौधे के पास विकिरण मिला।
                   source "A pride of lions rested in the shade."        ->  शेरों का एक गर्व छाया में आराम कर रहा था।
    Fix:           परमाणु संयंत्र के पास विकिरण मिला।   /   शेरों का एक झुंड छाया में आराम कर रहा था।
    Fix safety:    display-only: the right word may need another case ending or gender around it.
    A row fires when its English word is in the source (not as part of a name), one of its cues
    (source words that show the sense: nuclear, reactor) is in the same source segment, and the
    target has the Hindi of the other sense. Without the source, SENSE001 can only guess from Hindi
    context; here the English says which word was meant.
    """

    code = "BIL007"
    name = "source-wrong-sense"
    category = "bilingual"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        index = ctx.lexicon.source_senses
        for unit in ctx.aligned:
            said = {lemma for w in source_words(unit.source) if not w.name for lemma in lemmas(w.text)}
            written: set[str] = set()  # the segment's words, read when a row first fires
            for sent in unit.sentences:
                for m in index.scan(sent.tokens):
                    sense = next((s for s in m.value if s.english in said and s.cues & said
                                  and not _has_right(s, unit, written)), None)
                    if sense is None:
                        continue
                    start, end = span_of(sent.tokens, m.first, m.last)
                    flagged = ctx.article.text[start:end]
                    cue = sorted(sense.cues & said)[0]
                    yield ctx.finding(
                        self, start, end,
                        f"'{flagged}' renders the source's '{sense.english}' in another sense; with "
                        f"'{cue}' in the source it is '{sense.right[0]}' ({sense.note})",
                        [Fix(start, end, right, applicability=DISPLAY_ONLY) for right in sense.right],
                        confidence=0.8)


def _has_right(sense, unit, written: set[str]) -> bool:
    """The segment already has the cued sense's word: then the other-sense word renders another
    word, or the other sense said too (the nuclear plant's staff planted saplings: संयंत्र ...
    पौधे लगाए; a judge's sentence and a sentence of the order: सजा ... वाक्य)."""
    if not written:
        written.update(tok.text for sent in unit.sentences for tok in sent.tokens)
    return any(_inflections(right) & written for right in sense.right)


def _inflections(word: str) -> set[str]:
    """A noun's direct and oblique forms as Hindi news writes them (सजा, सजाएं, सजाओं; मुकदमा,
    मुकदमे, मुकदमों; संयंत्र, संयंत्रों): enough to see the word in a segment, not a morphology."""
    forms = {word, word + "ों", word + "ें", word + "ओं", word + "एं"}
    if word.endswith("ा"):
        forms |= {word[:-1] + "े", word[:-1] + "ों"}
    return forms
