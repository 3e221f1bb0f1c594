from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from audit.core.findings import UNSAFE, Fix, Severity
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.core.conventions import ENGLISH_LINE

_DEVA_WORD = re.compile("[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")
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
        groups: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        english = ENGLISH_LINE in ctx.conventions.line_kinds  # else no word needs its line looked up
        line_kind = ctx.conventions.line_kind
        for start, end, form in _forms(text):
            if not english or line_kind(start) != ENGLISH_LINE:
                key, nfc = keyed(form)
                groups[key][nfc].append((start, end))
        for forms in groups.values():
            if len(forms) < 2:
                continue
            ranked = sorted(forms, key=lambda f: (len(forms[f]), hindi_zipf(f.replace("-", " ").split()[0])))
            kept = ranked[-1]
            counts = Counter({f: len(spans) for f, spans in forms.items()})
            for form in ranked[:-1]:
                for start, end in forms[form]:
                    yield ctx.finding(
                        self, start, end,
                        f"'{form}' ({counts[form]}x) and '{kept}' ({counts[kept]}x): one word spelt two ways; "
                        f"keep '{kept}'",
                        [Fix(start, end, kept, applicability=UNSAFE)],
                    )


def _forms(text: str):
    """Every word, and every two-word compound written with a hyphen, or with a space where the
    article also writes it joined or hyphenated (शीत लहर beside शीतलहर)."""
    words = [(m.start(), m.end(), m.group()) for m in _DEVA_WORD.finditer(text)]
    singles = {w for _, _, w in words}
    hyphened = _HyphenJoins(words, text, singles)
    covered: set[int] = set()
    for (s1, e1, w1), (s2, e2, w2) in zip(words, words[1:]):
        gap = text[e1:s2]
        if gap in ("-", "\u2010") or (gap == " " and (w1 + w2 in singles or hyphened.has(w1, w2))):
            if s1 not in covered:
                covered.update((s1, s2))
                yield s1, e2, text[s1:e2]
    for s, e, w in words:
        if s not in covered:
            yield s, e, w


class _HyphenJoins:
    """Answers `f"{w1}-{w2}" in text` for two words of the text without searching the text.

    Such a string, all Devanagari but its one hyphen, can only stand where a word ending in w1 and
    the next word starting with w2 are joined by exactly "-". So the hyphen joins are collected once,
    with each side's ends that are themselves words of the text (only those can be asked about):
    a lookup instead of a search of the whole article for every pair of words (quadratic).
    """

    def __init__(self, words: list[tuple[int, int, str]], text: str, singles: set[str]):
        self._pairs: set[tuple[str, str]] = set()
        lengths = sorted({len(w) for w in singles})
        joins = {(w1, w2) for (_, e1, w1), (s2, _, w2) in zip(words, words[1:]) if s2 == e1 + 1 and text[e1] == "-"}
        for left, right in joins:
            tails = [left[-n:] for n in lengths if n <= len(left) and left[-n:] in singles]
            heads = [right[:n] for n in lengths if n <= len(right) and right[:n] in singles]
            self._pairs.update((t, h) for t in tails for h in heads)

    def has(self, w1: str, w2: str) -> bool:
        return (w1, w2) in self._pairs
