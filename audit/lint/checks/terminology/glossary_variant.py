from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from operator import attrgetter, itemgetter

from audit.core.findings import DISPLAY_ONLY, SAFE, UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.language.clustering import same_name
from audit.language.numerals import load_numerals
from audit.lint.checks.base import Check, Context, scan_sentences
from audit.lint.checks.words import PerWord


class GlossaryVariant(Check):
    """A name spelt in a way the house glossary lists as wrong.

    Anti-pattern:  दीपसेक ने अपना मॉडल जारी किया। … डीपसेक का दावा …
    Fix:           डीपसीक ने अपना मॉडल जारी किया। … डीपसीक का दावा …
    Where the article writes the name in more than one form, the glossary form settles it: a
    warning with a safe fix (display-only where the form is an accepted one the article writes more
    often than any other, where the one house form may as well be the slip: यूएस ×2 beside अमेरिका).
    An accepted spelling the article writes more often than the other forms, each of them a spelling of
    it (एंड्रॉइड ×2 beside एंड्रॉयड ×1), is not flagged: the lone spelling is the odd one, which SPELL001
    flags towards the article's majority (the two checks would advise opposite edits). A spelling the Hindi press uses besides the house form (the
    glossary's `accepted` column: बाइडेन, एप्पल, व्हाट्सएप) kept throughout is another desk's
    house style and draws nothing; a known wrong spelling kept throughout (बिडेन, दीपसेक) is a
    note (info, the fix unsafe): the article does not contradict itself, but the name is misspelt.
    A listed variant that differs from the house form only by a nasal letter with halant where the
    house form has the anusvara (इन्फोसिस / इंफोसिस, सुन्दर / सुंदर), or that writes English "oi" as
    ्वाइ where the house form has ॉइ (बिटक्वाइन / बिटकॉइन, as the press writes प्वाइंट and ज्वाइन), is a
    spelling Hindi allows: accepted. One that differs from it only by a space, a hyphen or a halant (चैट
    जीपीटी / चैटजीपीटी, यू-ट्यूब / यूट्यूब, जेनसेन / जेन्सेन: the name written open or hyphened, a half
    letter written full) kept throughout is the press's habit and draws nothing; beside the house form it
    is still a mix, flagged. A currency's variant (डोलर; not a coin's name, बिटकोइन) is that currency only in a sentence that speaks
    of money: a figure, a number word or another currency in it (झूला, चकरी व डोलर: a fairground ride).
    The fix writes the house form as the article writes it: where the article has the house spelling
    with no nukta (इजराइल ×4 beside one इजरायल), that form (इजराइल, not इज़राइल); where it lacks the
    house spelling but writes no nukta anywhere, the house form without its nukta. A safe fix never
    brings in a spelling the article does not use.
    """

    code = "TERM001"
    name = "glossary-variant"
    category = "terminology"
    severity = Severity.WARNING
    article_wide = True  # an accepted spelling is flagged only where the article writes the name otherwise too

    def run(self, ctx: Context):
        hits = scan_sentences(ctx, ctx.glossary.forms)
        values = list(map(_VALUE, map(_MATCH, hits)))  # (entry, role) of each match
        roles = list(map(_ROLE, values))
        if roles.count("canonical") == len(roles):
            return  # no variant or accepted spelling (most articles): nothing to flag
        text = ctx.article.text
        # each match's span and form as written, read once (one Python step per match, the rest by map)
        spans = [((toks := sent.tokens)[m.first].start, toks[m.last].end) for sent, m in hits]
        written_as = list(map(text.__getitem__, map(slice, *zip(*spans))))
        written = Counter(written_as)
        forms: dict[str, set[str]] = defaultdict(set)  # entry -> the forms this article writes it in
        # entry -> its house spelling as written here, by how often (plain dicts: a Counter made per
        # entry cost more than the counting)
        house: dict[str, dict[str, int]] = {}
        for (entry, role), form in zip(values, written_as):
            forms[entry.latin].add(form)
            if role == "canonical":
                got = house.get(entry.latin)
                if got is None:
                    house[entry.latin] = {form: 1}
                else:
                    got[form] = got.get(form, 0) + 1
        nukta_free = None  # whether the text writes no loan nukta: asked once, where a fix needs it
        money: dict[int, bool] = {}  # per sentence: a long one full of a currency's variant is read once
        for (entry, role), (start, end), form, (sent, _) in zip(values, spans, written_as, hits):
            if role == "canonical":
                continue
            if entry.kind == "currency" and not entry.dnt:
                if id(sent) not in money:
                    money[id(sent)] = _money_sentence(ctx, sent)
                if not money[id(sent)]:
                    continue  # झूला, चकरी व डोलर: a fairground ride, no sum of money in sight
            variants = forms[entry.latin]
            mixed = len(variants) > 1
            if role == "variant" and _ORTHOGRAPHY[form] == _ORTHOGRAPHY[entry.canonical]:
                role = "accepted"  # इन्फोसिस for इंफोसिस: the nasal letter for the anusvara, Hindi's older spelling
            if role == "variant" and not mixed and _JOINED[form] == _JOINED[entry.canonical]:
                continue  # चैट जीपीटी, जेनसेन kept throughout: written open, a half letter written full
            if role == "accepted" and not mixed:
                continue  # another desk's spelling, kept throughout
            own_house = house.get(entry.latin)
            if not own_house and nukta_free is None:
                nukta_free = not _has_loan_nukta(text)
            target = _as_written(entry.canonical, own_house or _NONE, nukta_free)
            # An accepted spelling the article writes more often than any other is its own habit:
            # the lone house form may be the slip, so turning the majority into it is only shown.
            own = written[form]
            habit = role == "accepted" and all(own > written[f] for f in variants if f != form)
            if mixed and habit and all(same_name(form, f, 2) for f in variants if f != form):
                continue  # एंड्रॉइड ×2 beside one एंड्रॉयड: the lone spelling is the odd one, SPELL001's to flag
            applicability = DISPLAY_ONLY if mixed and habit else SAFE if mixed else UNSAFE
            yield ctx.finding(
                self, start, end,
                f"non-standard spelling of {entry.latin}; the house form is '{entry.canonical}'"
                + ("" if mixed else " (this article keeps to this spelling throughout)")
                + ("" if target == entry.canonical else f", written '{target}' in this article"),
                [Fix(start, end, target, applicability=applicability)],
                severity=None if mixed else Severity.INFO,
            )


def _money_sentence(ctx: Context, sent) -> bool:
    """Whether a sentence speaks of money: a figure, a number word (एक, अरब) or प्रति in it, or a
    currency's house form (रुपया, डॉलर) or the rupee's other spellings (रुपए, रुपये)."""
    numerals = load_numerals().words
    currencies = _currencies(ctx.glossary)
    for token in sent.tokens:
        word = token.text
        if any(ch.isdigit() for ch in word) or ("hi", fold(word)) in numerals or fold(word) in currencies:
            return True
    return False


def _currencies(glossary) -> frozenset[str]:
    got = _CURRENCIES.get(id(glossary))
    if got is None:
        got = frozenset(fold(e.canonical) for e in glossary.entries if e.kind == "currency" and not e.dnt) | _MONEY_WORDS
        _CURRENCIES.clear()
        _CURRENCIES[id(glossary)] = got
    return got


_CURRENCIES: dict[int, frozenset[str]] = {}
_MONEY_WORDS = frozenset(map(fold, "रुपए रुपये रुपयों रुपया रूपए रूपये प्रति पैसे कीमत भाव".split()))


_MATCH, _VALUE = itemgetter(1), attrgetter("value")  # of a (sentence, match) pair; of a match: (entry, role)
_ROLE = itemgetter(1)
_NONE: dict[str, int] = {}  # no house form written (read, never written to)


# A nasal letter with halant before a consonant: the anusvara's older spelling (कम्पनी / कंपनी, as SPELL001 reads it).
_NASAL_HALANT = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")


# English "oi" (coin, point, join) as the Hindi press often writes it: व with halant before ाइ.
_WAI = "\u094d\u0935\u093e\u0907"


def _orthography(form: str) -> str:
    """A spelling with the nasal letter + halant written as the anusvara, ्वाइ as ॉइ (क्वाइन / कॉइन),
    nukta and chandrabindu folded."""
    return fold(_NASAL_HALANT.sub("\u0902", form).replace(_WAI, "\u0949\u0907"))


_ORTHOGRAPHY = PerWord(_orthography, 50_000)  # per distinct form: a name's few spellings meet again and again


def _joined(form: str) -> str:
    """A spelling with its spaces, hyphens and halants dropped (चैट जीपीटी / चैटजीपीटी, यू-ट्यूब / यूट्यूब,
    जेनसेन / जेन्सेन, एच 100 / एच100): a name written open, hyphened or closed, a half letter written
    full, which the press does either way."""
    return fold(form).replace(" ", "").replace("\u094d", "").replace("-", "").replace("\u2010", "")


_JOINED = PerWord(_joined, 50_000)


# A nukta on a letter of loan words (क़ ख़ ग़ ज़ फ़ य़, precomposed or not); ड़ and ढ़ are letters every
# Hindi text writes, so they say nothing about a desk's nukta style.
_LOAN_NUKTA = re.compile("[\u0958-\u095b\u095e\u095f]|[\u0915-\u0917\u091c\u092b\u092f]\u093c")
# Whether a text has one, as two searches that each open with their one class or character (the
# alternation above has no common opening and was tried at every position of the article)
_PRECOMPOSED_LETTERS = "\u0958\u0959\u095a\u095b\u095e\u095f"  # the first alternative's class, letter by letter
_NUKTA_AFTER_LOAN = re.compile("\u093c(?<=[\u0915-\u0917\u091c\u092b\u092f]\u093c)")


def _has_loan_nukta(text: str) -> bool:
    """`_LOAN_NUKTA.search(text) is not None`, each alternative searched for by what opens it."""
    # the six precomposed letters each found by `in` (a compiled scan), where a search for their class
    # tests every character of the article against it
    return any(map(text.__contains__, _PRECOMPOSED_LETTERS)) or (
        "\u093c" in text and _NUKTA_AFTER_LOAN.search(text) is not None)


def _as_written(canonical: str, written: dict[str, int], nukta_free: bool) -> str:
    """The house form as this article writes it: its own most frequent spelling of the house form
    (ties: the glossary's form, else the first written); with none, the house form, without its loan
    nuktas where the article writes no nukta at all."""
    if written:
        best = max(written.values())
        tied = [form for form, n in written.items() if n == best]
        return canonical if canonical in tied else tied[0]
    if nukta_free:
        return _LOAN_NUKTA.sub(lambda m: m.group(0)[0] if len(m.group(0)) == 2
                               else unicodedata.normalize("NFD", m.group(0))[0], canonical)
    return canonical
