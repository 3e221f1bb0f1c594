from __future__ import annotations

from audit.core.document import parse_article
from audit.core.findings import UNSAFE, Fix, Severity
from audit.language.glossary import Entry
from audit.language.soundalike import hindi_key
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context, span_of


class SourceTermRendering(Check):
    """A glossary name in the source that the translation renders as a common word, or leaves out.

    Anti-pattern:  source "Google's Gemini can now read PDFs"  ->  गूगल का मिथुन अब पीडीएफ पढ़ सकता है
                   source "Anthropic released Claude 4"        ->  कंपनी ने चौथा मॉडल जारी किया   (name gone)
    Fix:           गूगल का जेमिनी अब पीडीएफ पढ़ सकता है   (the canonical form; its Latin form is allowed too)
    Fix safety:    unsafe: the name replaces a common word, so the words around it may need an editor.
    The source tells which name is meant, so a do-not-translate name rendered as the word the glossary
    lists under `wrong_renderings` is flagged without the context cues TERM004 needs. Spellings listed
    as variants are TERM001's; a name the translation leaves out is reported for information.
    """

    code = "BIL002"
    name = "source-term-rendering"
    category = "bilingual"
    severity = Severity.ERROR

    def run(self, ctx: Context):
        glossary = ctx.glossary
        for unit in ctx.aligned:
            named = _source_entries(ctx, unit.source)
            if not named:
                continue
            present: set[int] = set()
            wrong: list[tuple[Entry, int, int]] = []
            for sent in unit.sentences:
                for m in glossary.forms.scan(sent.tokens):
                    present.add(id(m.value[0]))
                for m in glossary.latin.scan(sent.tokens):
                    present.add(id(m.value))
                for m in glossary.wrong.scan(sent.tokens):
                    wrong.append((m.value, *span_of(sent.tokens, m.first, m.last)))
            for entry in named:
                if id(entry) in present:
                    continue
                rendered = [(s, e) for other, s, e in wrong if other is entry]
                if not rendered and _spelled_otherwise(entry, unit):
                    continue  # the name is there in a spelling the glossary does not list (TERM001's)
                for start, end in rendered:
                    yield ctx.finding(
                        self, start, end,
                        f"'{ctx.article.text[start:end]}' translates the name {entry.latin} (in the source) "
                        f"as a common word; write '{entry.canonical}'",
                        [Fix(start, end, entry.canonical, applicability=UNSAFE)], confidence=0.95)
                if not rendered and entry.dnt:
                    yield ctx.finding(
                        self, unit.start, unit.end,
                        f"the source names {entry.latin}; the translation has neither '{entry.canonical}' "
                        f"nor '{entry.latin}'", severity=Severity.INFO, confidence=0.5)


def _spelled_otherwise(entry: Entry, unit) -> bool:
    """A token of the segment is the name's one-word Hindi form spelled another way: अमेज़ॅन, with a
    candra vowel, is Amazon as अमेज़न is, not a name left out. The consonants alone say too little
    for a short name (उबर and बार, मेटा and मत, ओला and ले share them): the token must also open
    with the name's sound and not be a common Hindi word, which is another word, not a spelling."""
    wanted = {hindi_key(form) for form in (entry.canonical, *entry.variants, *entry.accepted) if " " not in form}
    consonants = {key[1] for key in wanted if key[1]}
    openings = {key[0][:1] for key in wanted if key[1]}
    for sent in unit.sentences:
        for tok in sent.tokens:
            if tok.text.isascii():
                continue
            roman, key = hindi_key(tok.text)
            if key in consonants and roman[:1] in openings and hindi_zipf(tok.text) < _COMMON_WORD_ZIPF:
                return True
    return False


# A Hindi word this common is a word of its own (मत, बार, ले), not a name's unlisted spelling.
_COMMON_WORD_ZIPF = 4.5


def _source_entries(ctx: Context, source: str) -> list[Entry]:
    """Glossary entries the source names, written with a capital (Gemini the model, not gemini the sign)."""
    found: list[Entry] = []
    for sent in parse_article(source).sentences:
        for m in ctx.glossary.latin.scan(sent.tokens):
            first = sent.tokens[m.first].text
            if first[:1].isupper() or not first.isalpha():
                if m.value not in found:
                    found.append(m.value)
    return found
