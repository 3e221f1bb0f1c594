from __future__ import annotations

from operator import attrgetter

from audit.core.conventions import CHROME
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.anglicism.concept_fixes import beside_translatable_loan
from audit.lint.checks.base import Check, Context, scan_sentences, span_of
from audit.lint.checks.words import word_code_table, word_codes
from audit.lint.checks.slots import LIGHT_VERBS, after_ko, attributive_form, case_slot, in_multiword_name


_TEXT = attrgetter("text")

# A loan at least this common in Hindi text (wordfreq zipf, its base form) is a desk's house usage
# when the article keeps to it: the Hinglish convention, not an MT calque.
_COMMON_LOAN_ZIPF = 3.0


class KnownAnglicism(Check):
    """An English word or phrase transliterated where Hindi has a word (`lexicon/anglicisms.tsv`).

    Anti-pattern:  यह खोज में एक्सेल करता है।   उन्होंने लागत का नोट किया।   विशाल आउटगो
    Fix:           यह खोज में बेहतर है।         उन्होंने लागत का उल्लेख किया।   विशाल खर्च
    A conjunct verb or phrase (नोट किया, एक्सेल करता है) is an MT calque wherever it stands. A single
    loan is house style when the article keeps to it (a Hinglish desk writes ट्रेनिंग throughout):
    it is reported at the row's severity only where the same article also writes the Hindi word,
    as info otherwise where the loan is rare in Hindi text (आउटगो, कैपबिलिटी: an MT calque), not at
    all where Hindi text uses it widely (एक्सपर्ट्स, परफॉर्मेंस kept throughout: a Hinglish desk's
    style), and never where the concept table marks it established (सॉफ्ट लैंडिंग).
    Fix safety: unsafe (an editor should look), chosen from the concept table (glossaries/concepts.tsv)
    so that it fits its slot: a noun by the noun in the same number and case (मुनाफा का ->
    मुनाफे का, कस्टमर्स के लिए -> ग्राहकों के लिए), a conjunct verb by replacing only the nominal (नोट किया -> उल्लेख किया). Display-only
    where it cannot fit as it stands: a change of gender, `को` before the verb (का उल्लेख, पर गौर),
    an -आ adjective, a loan inside a multi-word name, a loan the concept table does not know.
    A page-chrome line (a breadcrumb repeating the headline, a related-links line) is not the
    article's text and is left alone.
    """

    code = "ANGL001"
    name = "known-anglicism"
    category = "anglicism"
    severity = Severity.WARNING
    article_wide = True  # whether a single loan is reported depends on the Hindi word anywhere in the article

    def run(self, ctx: Context):
        concepts = ctx.lexicon.concepts
        written: _Written | None = None  # the article's word keys, once a single loan asks
        text = ctx.article.text
        for sent, m in scan_sentences(ctx, ctx.lexicon.anglicisms):
            item, toks = m.value, sent.tokens
            hit = _concept_hit(concepts, toks, m.first, m.last)
            if hit is not None and hit.concept.established:
                continue  # सॉफ्ट लैंडिंग, कंटेनर: normal in edited Hindi news
            if m.first == m.last and _in_established_phrase(concepts, toks, m.first):
                continue  # एयर क्वालिटी इंडेक्स: one word of a name the table knows whole
            if m.first == m.last and _after_acronym(toks, m.first):
                continue  # NDTV प्रॉफिट: a channel's or a brand's name in English word order
            severity = item.severity
            if m.first == m.last:
                hindi = (hit.concept.hindi + hit.concept.hindi_alternatives) if hit else item.suggestions
                if written is None:
                    written = _Written(ctx)
                mixed = any(map(written.all_of, _word_keys(hindi)))
                if not mixed:
                    if severity == Severity.INFO:
                        continue  # the desk's usage, and nothing in the article says otherwise
                    if hit is not None and hindi_zipf(hit.concept.translit[0]) >= _COMMON_LOAN_ZIPF:
                        continue  # a loan Hindi text uses widely (एक्सपर्ट, परफॉर्मेंस), kept throughout: house style
                    severity = Severity.INFO  # a rare calque (आउटगो, कैपबिलिटी) even when kept throughout
            start, end = span_of(toks, m.first, m.last)
            if ctx.conventions.line_kind(start) == CHROME:
                continue
            fixes = self._fixes(ctx, toks, m.first, m.last, item, hit)
            yield ctx.finding(
                self, start, end,
                f"'{text[start:end]}' is English '{item.english}' in Devanagari; Hindi has '{fixes[0].replacement}'",
                fixes, severity=severity,
            )

    def _fixes(self, ctx: Context, toks, first: int, last: int, item, hit) -> list[Fix]:
        start, end = span_of(toks, first, last)
        if hit is None:  # no part of speech known: the suggestion may not fit as it stands
            return [Fix(start, end, s, applicability=DISPLAY_ONLY) for s in item.suggestions]
        concept = hit.concept
        if first != last or concept.pos == "verb":
            level = DISPLAY_ONLY if after_ko(toks, first) else UNSAFE
            head, tail = toks[first], [t.text for t in toks[first + 1 : last + 1]]
            fixes = []
            for suggestion in item.suggestions:
                nominal, *rest = suggestion.split()
                if first != last and rest == tail:  # नोट किया -> उल्लेख किया: only the nominal changes
                    fixes.append(Fix(head.start, head.end, nominal, applicability=level))
                else:  # the Hindi is built otherwise (घोषणा की, ध्यान दिलाया): the whole phrase
                    fixes.append(Fix(start, end, suggestion, applicability=level))
            return fixes
        slot = case_slot(concept, hit.slot, toks, first, last)  # कस्टमर्स के लिए -> ग्राहकों के लिए
        hindi = concept.hindi_for(slot) or item.suggestions[0]
        fits = concept.same_gender and not (concept.pos == "adj" and len(concept.hindi) == 3)
        attributive = attributive_form(ctx.lexicon, concept, slot, ctx.article.text, end)
        if attributive:  # गवर्नमेंट जॉब -> सरकारी जॉब: an adjective that does not inflect fits any noun
            hindi, fits = attributive, True
        if not fits or in_multiword_name(toks, first, last, lambda t: bool(ctx.lexicon.concepts.lookup(t.text))):
            return [Fix(start, end, hindi, applicability=DISPLAY_ONLY)]
        if beside_translatable_loan(ctx, toks, first, last):
            # ग्रोथ रेट, ग्रोथ आउटलुक: the one word swapped leaves a hybrid (वृद्धि रेट); the compound is
            # translated whole (वृद्धि दर) or not at all, as ANGL004's fix does: a hint, not an edit
            return [Fix(start, end, hindi, applicability=DISPLAY_ONLY)]
        return [Fix(start, end, hindi, applicability=UNSAFE)]


class _Written:
    """Whether the article writes each of some words, asked of its words' codes (`word_codes`, made
    once per article for the repetition checks too), not of a set of all its token keys made for
    the few words a single loan's Hindi forms have (a set of some 700 keys an article)."""

    def __init__(self, ctx: Context):
        self.coded = "".join(word_codes(ctx))
        self.code = word_code_table().get

    def all_of(self, keys: frozenset[str]) -> bool:
        for key in keys:
            code = self.code(key)
            if code is None or code not in self.coded:
                return False
        return True


_WORD_KEYS: dict[tuple[str, ...], list[frozenset[str]]] = {}


def _word_keys(forms: tuple[str, ...]) -> list[frozenset[str]]:
    """The keys of each of `forms`' words (a Hindi word or phrase the article may write): worked out
    once per row's forms (the tables' rows bound it), not folded word by word at every match."""
    keys = _WORD_KEYS.get(forms)
    if keys is None:
        keys = _WORD_KEYS[forms] = [frozenset(map(fold, form.split())) for form in forms]
    return keys


def _after_acronym(toks, i: int) -> bool:
    """The loan noun at `i` stands right after a Latin acronym (NDTV प्रॉफिट, CNBC आवाज): the name of a
    channel or a brand in English word order, not the article's word. A loan a light verb makes a verb
    (UPI यूज करने) is the calque still."""
    before = toks[i - 1] if i else None
    return (before is not None and before.kind == "latin" and len(before.text) > 1 and before.text.isupper()
            and not (i + 1 < len(toks) and toks[i + 1].key in LIGHT_VERBS))


_ESTABLISHED: list = [None, {}]  # the concept table its answers are for, and (window's texts, place) -> answer
_MAX_WINDOWS = 5_000  # a bound on memory over an endless stream of new sentences (about 1 kB each)


def _in_established_phrase(concepts, toks, i: int, longest: int = 4) -> bool:
    """The word is part of a longer loan phrase the concept table marks established (एयर क्वालिटी
    इंडेक्स): swapping the one word for Hindi would leave a hybrid (एयर गुणवत्ता इंडेक्स).
    The answer is the texts' of the words within `longest` - 1 of it (and of its place among them),
    kept for each such window while the table stays: a loan's sentence met again (a feed's stock line,
    the benchmark's pool) is not read again as its nine phrases, each joined and folded."""
    memo = _ESTABLISHED
    if memo[0] is not concepts:
        memo[:] = [concepts, {}]
    lo = max(0, i - longest + 1)
    key = (tuple(map(_TEXT, toks[lo : i + longest])), i - lo, longest)
    got = memo[1].get(key)
    if got is None:
        if len(memo[1]) > _MAX_WINDOWS:
            memo[1].clear()
        got = memo[1][key] = _phrase_established(concepts, toks, i, longest)
    return got


def _phrase_established(concepts, toks, i: int, longest: int) -> bool:
    for size in range(2, longest + 1):
        for a in range(max(0, i - size + 1), min(i, len(toks) - size) + 1):
            phrase = " ".join(t.text for t in toks[a : a + size])
            if any(h.side == "translit" and h.concept.established for h in concepts.lookup(phrase)):
                return True
    return False


_HITS: list = [None, {}]  # the concept table its answers are for, and (loan's text, verb wanted) -> hit


def _concept_hit(concepts, toks, first: int, last: int):
    """The concept of the phrase's loan (its first word), on the transliterated side; a verb where a
    light verb follows (यूज किया), else a noun. Kept per loan text and the part of speech wanted
    while the concept table stays (a loan is met again and again)."""
    verb = last + 1 < len(toks) and toks[last + 1].key in LIGHT_VERBS or first != last
    memo = _HITS
    if memo[0] is not concepts:
        memo[:] = [concepts, {}]
    key = (toks[first].text, verb)
    if key in memo[1]:
        return memo[1][key]
    if len(memo[1]) > 200_000:
        memo[1].clear()  # a bound on memory over an endless stream of new words
    hit = memo[1][key] = _translit_hit(concepts, toks[first].text, "verb" if verb else "noun")
    return hit


def _translit_hit(concepts, text: str, preferred: str):
    hits = [h for h in concepts.lookup(text) if h.side == "translit"]
    if not hits:
        return None
    return next((h for h in hits if h.concept.pos == preferred), hits[0])
