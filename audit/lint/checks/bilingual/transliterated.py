from __future__ import annotations

from functools import lru_cache

from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.core.phrases import PhraseIndex
from audit.core.text import latin_key, translit_key, vowel_distance
from audit.language.concepts import Concept, load_concepts
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context, span_of
from audit.lint.checks.bilingual.english import lemmas, source_words


class TransliteratedSource(Check):
    """A word of the source sentence written out in Devanagari where the desk has a Hindi word for it.

    Anti-pattern:  source "traffic congestion in the city"  ->  शहर में ट्रैफिक कंजेशन
                   source "the nearby levee was overtopped"  ->  पास की लेवी ओवरटॉप हो गई
    Fix:           शहर में यातायात जाम   (the Hindi the concept table gives, `glossaries/concepts.tsv`)
    Fix safety:    unsafe when the Hindi word has the gender of the transliteration and its slot is
                   known (a listed form); display-only otherwise (उसकी सेंचुरी -> उसका शतक would not agree),
                   and for verbs, whose light verb may change (एक्सेल करता है -> बेहतर है).
    A Devanagari token counts when it is a transliterated form in the concept table, or its
    romanisation (indic-transliteration) matches a word of its own source sentence, and that word
    is not a name and has a Hindi equivalent in the table. Loans the table marks as established in
    Hindi news (कंपनी, मोबाइल) are left alone unless `established` is set to 1.

    A transliteration that is rare in Hindi (wordfreq zipf below `warn_below_zipf`: ओवरटॉप, कैरोटीनॉइड)
    is a warning; a common one (रिपोर्ट, साइट, प्लांट, which human translators write too) is info.
    The romanisation match alone (a form the table does not list) needs a token rarer than
    `max_romanised_zipf`, so that Hindi words that happen to share consonants with a source word
    (बेहतर / better, शामिल / small) are not read as transliterations.
    """

    code = "BIL004"
    name = "transliterated-source-word"
    category = "bilingual"
    severity = Severity.WARNING
    defaults = {"established": 0.0, "max_key_distance": 2.0, "warn_below_zipf": 3.0, "max_romanised_zipf": 4.0}

    def run(self, ctx: Context):
        index, by_english = _concept_index()
        allow_established = ctx.setting(self, "established") >= 1
        max_distance = ctx.setting(self, "max_key_distance")
        max_romanised_zipf = ctx.setting(self, "max_romanised_zipf")
        names = ctx.glossary.latin
        for unit in ctx.aligned:
            words = [w for w in source_words(unit.source) if not w.name and (w.lower,) not in names]
            wanted: dict[str, tuple[str, Concept]] = {}  # lemma -> (source word, concept)
            lower_source = " " + " ".join(w.lower for w in words) + " "
            for w in words:
                for lemma in lemmas(w.text):
                    for concept in by_english.get(lemma, ()):
                        if _usable(concept, allow_established):
                            wanted.setdefault(lemma, (w.text, concept))
            for sent in unit.sentences:
                taken: set[int] = set()
                for m in index.scan(sent.tokens):
                    for concept, slot in m.value:
                        english = concept.english.lower()
                        said = next((word for lemma, (word, c) in wanted.items() if c is concept), None)
                        if said is None and " " in english and f" {english} " in lower_source:
                            said = concept.english
                        if said is None or not _usable(concept, allow_established):
                            continue
                        if concept.pos == "verb" and not _light_verb_follows(sent.tokens, m.last):
                            continue  # ओपन-सोर्स is "open" the adjective, not ओपन करना
                        start, end = span_of(sent.tokens, m.first, m.last)
                        taken.update(range(m.first, m.last + 1))
                        yield self._finding(ctx, start, end, said, concept, slot)
                        break
                for i, tok in enumerate(sent.tokens):
                    if i in taken or tok.kind != "deva" or len(tok.text) < 3:
                        continue
                    if hindi_zipf(tok.text) >= max_romanised_zipf:
                        continue
                    hit = _romanised_match(tok.text, wanted, max_distance)
                    if hit is not None:
                        word, concept = hit
                        yield self._finding(ctx, tok.start, tok.end, word, concept, None, confidence=0.7)

    def _finding(self, ctx: Context, start: int, end: int, word: str, concept: Concept, slot: int | None,
                 confidence: float = 0.9):
        hindi = concept.hindi_for(slot or 0)
        # a verb's light verb may have to change too (एक्सेल करता है -> बेहतर है): shown, not applied
        trusted = slot is not None and concept.same_gender and concept.pos != "verb"
        flagged = ctx.article.text[start:end]
        rare = hindi_zipf(flagged) < ctx.setting(self, "warn_below_zipf")
        return ctx.finding(self, start, end,
                           f"'{flagged}' writes the source's '{word}' in Devanagari; the desk's Hindi is '{hindi}'",
                           [Fix(start, end, hindi, applicability=UNSAFE if trusted else DISPLAY_ONLY)],
                           severity=Severity.WARNING if rare else Severity.INFO, confidence=confidence)


# A verb is transliterated as a conjunct: नोट किया, एक्सेल करता है, अपडेट हो गया.
_LIGHT_VERBS = frozenset("कर करना करने करते करता करती करें करे करो किया किए किये की कीं हो होना होने होता होती होते हुआ हुए हुई".split())


def _light_verb_follows(tokens, last: int) -> bool:
    return last + 1 < len(tokens) and tokens[last + 1].text in _LIGHT_VERBS


def _usable(concept: Concept, allow_established: bool) -> bool:
    return bool(concept.hindi) and (allow_established or not concept.established)


def _romanised_match(token: str, wanted: dict[str, tuple[str, Concept]], max_distance: float):
    """The source word (and its concept) that the token spells out, by transliteration key."""
    key = translit_key(token)
    shape = consonants(key)
    if len(shape) < 3:
        return None
    for word, concept in wanted.values():
        if concept.pos == "verb":
            continue  # a verb is transliterated inside "X करना", which the table's forms catch
        # the token must spell the concept's own word (बुकिंग is "booking", not "book"), or its plural
        other = latin_key(concept.english)
        plurals = (consonants(other), consonants(other) + "s", consonants(other) + "j")  # लेवीज: levees
        if shape in plurals and vowel_distance(key, other) <= max_distance:
            return word, concept
    return None


_ASPIRATES = (("kh", "k"), ("gh", "g"), ("ch", "c"), ("jh", "j"), ("th", "t"), ("dh", "d"), ("ph", "f"),
              ("bh", "b"), ("sh", "s"))


def consonants(key: str) -> str:
    """Consonants of a transliteration key, aspirates folded and doubles collapsed, but a real h kept
    (बेहतर has one; "better" has none)."""
    for pair, single in _ASPIRATES:
        key = key.replace(pair, single)
    out: list[str] = []
    for ch in key:
        if ch in "aeiouy" or not ch.isalpha() or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _concept_index() -> tuple[PhraseIndex, dict[str, list[Concept]]]:
    """Transliterated forms (every slot and variant) -> [(concept, slot)], and English lemma -> concepts."""
    table = load_concepts()
    index: PhraseIndex = PhraseIndex()
    by_english: dict[str, list[Concept]] = {}
    for concept in table.concepts:
        by_english.setdefault(concept.english.lower(), []).append(concept)
        forms = [(f, slot) for slot, f in enumerate(concept.translit)] + [(f, 0) for f in concept.translit_variants]
        for form, slot in forms:
            keys = index.add(form, [])
            if keys:
                hits = index.get(keys)
                if not any(c is concept for c, _ in hits):
                    hits.append((concept, slot))
    return index, by_english
