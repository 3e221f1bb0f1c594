from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter, defaultdict

from audit.core.findings import UNSAFE, Fix, Severity
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.core.conventions import ENGLISH_LINE

_DEVA_WORD = re.compile("[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")
# Two words joined by exactly "-": the first a whole word (nothing of it before), the second read
# ahead so that the next match can start with it (अ-ब-स gives अ-ब and ब-स).
_JOINED = re.compile("(?<![\u0900-\u0963\u0971-\u097f\u200c\u200d])([\u0900-\u0963\u0971-\u097f\u200c\u200d]+)-"
                     "(?=([\u0900-\u0963\u0971-\u097f\u200c\u200d]+))")
_NASAL_HALANT = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")  # कम्पनी -> कंपनी
_YE = re.compile("(?<=[\u0900-\u097f])\u092f([\u0947\u0940])")  # नये -> नए, गयी -> गई
_YE_VOWEL = {"\u0947": "\u090f", "\u0940": "\u0908"}
_FOLD = str.maketrans({"\u0901": "\u0902", "\u093c": None, "\u200c": None, "\u200d": None})


def spelling_key(word: str) -> str:
    """What two spellings of one word share: nukta, chandrabindu/anusvara, nasal+halant/anusvara,
    ये/ए and यी/ई, ॉ/ा in longer loans, and a hyphen, space or nothing between two parts."""
    key = unicodedata.normalize("NFD", word).translate(_FOLD)
    key = unicodedata.normalize("NFC", key)
    key = _NASAL_HALANT.sub("\u0902", key)
    key = _YE.sub(lambda m: _YE_VOWEL[m.group(1)], key)
    if len(key) >= 4:  # बॉल / बाल are two words; रिकॉर्ड / रिकार्ड are one
        key = key.replace("\u0949", "\u093e")
    return re.sub("[-‐ ]", "", key)


_KEYED: dict[str, tuple[str, str]] = {}


def keyed(form: str) -> tuple[str, str]:
    """(spelling_key, NFC) of a word, worked out once per distinct word: articles repeat their words."""
    got = _KEYED.get(form)
    if got is None:
        if len(_KEYED) > 200_000:
            _KEYED.clear()  # a bound on memory over an endless stream of new words
        got = _KEYED[form] = (spelling_key(form), unicodedata.normalize("NFC", form))
    return got


class SpellingVariant(Check):
    """One word spelt two ways in one article: the desk's archive, search and readers see two words.

    Anti-pattern:  नये नियम ... नए नियम लागू   जायेगा / जाएगा   कम्पनियाँ / कंपनियाँ   फ़ोन / फोन
                   सॉफ्ट-लैंडिंग / सॉफ्ट लैंडिंग   शीत लहर / शीतलहर   लांच / लॉन्च
    Fix:           the spelling the article uses more often (on a tie, the one more common in Hindi text)

    Only spelling choices are compared (nukta, anusvara or chandrabindu or a nasal with halant,
    ये/ए, ॉ/ा, a hyphen or a space inside a compound): inflections such as मरीज / मरीजों are different
    words, and encoding-only differences are ENC001's. Fix safety: unsafe, both spellings are words.
    """

    code = "SPELL001"
    name = "spelling-variant"
    category = "spelling"
    severity = Severity.WARNING
    article_wide = True  # the majority spelling is counted over the article

    def run(self, ctx: Context):
        text = ctx.article.text
        # start, end, start, end, ... of each spelling: 16 bytes a word, where a list of tuples
        # held 130 (a 50 MB article has millions of words)
        groups: dict[str, dict[str, array]] = defaultdict(lambda: defaultdict(lambda: array("q")))
        english = ENGLISH_LINE in ctx.conventions.line_kinds  # else no word needs its line looked up
        line_kind = ctx.conventions.line_kind
        for start, end, form in _forms(text):
            if not english or line_kind(start) != ENGLISH_LINE:
                key, nfc = keyed(form)
                groups[key][nfc].extend((start, end))
        for forms in groups.values():
            if len(forms) < 2:
                continue
            ranked = sorted(forms, key=lambda f: (len(forms[f]), hindi_zipf(f.replace("-", " ").split()[0])))
            kept = ranked[-1]
            counts = Counter({f: len(spans) // 2 for f, spans in forms.items()})
            for form in ranked[:-1]:
                spans = forms[form]
                for start, end in zip(spans[::2], spans[1::2]):
                    yield ctx.finding(
                        self, start, end,
                        f"'{form}' ({counts[form]}x) and '{kept}' ({counts[kept]}x): one word spelt two ways; "
                        f"keep '{kept}'",
                        [Fix(start, end, kept, applicability=UNSAFE)],
                    )


def _forms(text: str):
    """Every word, and every two-word compound written with a hyphen, or with a space where the
    article also writes it joined or hyphenated (शीत लहर beside शीतलहर): the compounds first, then
    the words no compound took, each in text order. The words are read from the text three times
    rather than held in a list (a 50 MB article has millions)."""
    singles = {m.group() for m in _DEVA_WORD.finditer(text)}
    hyphened = _HyphenJoins(text, singles)
    covered: set[int] = set()
    e1 = s1 = -1
    w1 = ""
    for m in _DEVA_WORD.finditer(text):
        s2, e2, w2 = m.start(), m.end(), m.group()
        if s1 >= 0:
            gap = text[e1:s2]
            if gap in ("-", "\u2010") or (gap == " " and (w1 + w2 in singles or hyphened.has(w1, w2))):
                if s1 not in covered:
                    covered.update((s1, s2))
                    yield s1, e2, text[s1:e2]
        s1, e1, w1 = s2, e2, w2
    for m in _DEVA_WORD.finditer(text):
        if m.start() not in covered:
            yield m.start(), m.end(), m.group()


class _HyphenJoins:
    """Answers `f"{w1}-{w2}" in text` for two words of the text without searching the text.

    Such a string, all Devanagari but its one hyphen, can only stand where a word ending in w1 and
    the next word starting with w2 are joined by exactly "-". So the hyphen joins are collected once,
    with each side's ends that are themselves words of the text (only those can be asked about):
    a lookup instead of a search of the whole article for every pair of words (quadratic).
    """

    def __init__(self, text: str, singles: set[str]):
        self._pairs: set[tuple[str, str]] = set()
        lengths = sorted({len(w) for w in singles})
        joins = {m.groups() for m in _JOINED.finditer(text)}
        for left, right in joins:
            tails = [left[-n:] for n in lengths if n <= len(left) and left[-n:] in singles]
            heads = [right[:n] for n in lengths if n <= len(right) and right[:n] in singles]
            self._pairs.update((t, h) for t in tails for h in heads)

    def has(self, w1: str, w2: str) -> bool:
        return (w1, w2) in self._pairs
