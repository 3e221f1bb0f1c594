from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter, defaultdict

from audit.core.findings import UNSAFE, Fix, Severity
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.core.conventions import ENGLISH_LINE
from audit.lint.checks.spelling.spelling_variant import keyed

_DEVA_WORD = re.compile("[\u0900-\u0963\u0971-\u097f]+")


_NFC: dict[str, str] = {}


def _nfc(word: str) -> str:
    got = _NFC.get(word)
    if got is None:
        if len(_NFC) > 200_000:
            _NFC.clear()
        got = _NFC[word] = unicodedata.normalize("NFC", word)
    return got


_DELETIONS: dict[str, frozenset[str]] = {}


def _deletions(word: str) -> frozenset[str]:
    """Every string one character shorter; kept per word, since an archive's articles share their words."""
    got = _DELETIONS.get(word)
    if got is None:
        got = frozenset([word[:i] + word[i + 1 :] for i in range(len(word))])
        if len(word) <= 40:  # a real word; a pasted run of letters is not worth keeping
            if len(_DELETIONS) > 50_000:
                _DELETIONS.clear()
            _DELETIONS[word] = got
    return got


def _has_peer(key: str, lengths: Counter) -> bool:
    """Whether another key is as long as this one or one shorter: only such a key can meet this
    one's deletions (a key one longer finds this one by its own deletions). A word with no peer
    skips the quadratic work of listing its deletions (a 40,000-letter "word": 1.6 G characters)."""
    return lengths[len(key)] > 1 or lengths[len(key) - 1] > 0


def _swaps(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


def _only_nasal(a: str, b: str) -> bool:
    """The words differ by an anusvara alone (मरीजो / मरीजों, घरो / घरों)."""
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        ch == "\u0902" and long_[:i] + long_[i + 1 :] == short for i, ch in enumerate(long_))


_LENGTH_PAIRS = {frozenset("\u093f\u0940"), frozenset("\u0941\u0942"), frozenset("\u0907\u0908"),
                 frozenset("\u0909\u090a")}


def _vowel_length(a: str, b: str) -> bool:
    """The words differ by a short/long vowel alone (परिक्षण / परीक्षण)."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in _LENGTH_PAIRS


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _edit_at(a: str, b: str) -> int:
    """Where two words one edit apart first differ."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return i


class NearMissSpelling(Check):
    """A rare word one letter or sign away from a word the same article uses more often: a typo.

    Anti-pattern:  किवंटल ... क्विंटल   गननयान ... गगनयान   परिक्षण ... परीक्षण   मरीजो ... मरीजों
    Fix:           the article's own form (क्विंटल, गगनयान, परीक्षण, मरीजों)

    One edit (a letter, matra, anusvara, nukta or halant added, dropped or swapped), compared
    after SPELL001's spelling key, so spelling choices are not typos. Precision first:
    - the first letter must agree (कुमार / शुमार are two words); a form wordfreq knows (zipf 1+)
      is flagged only for a dropped anusvara or a short/long vowel (घरो, परिक्षण);
    - the flagged form must be uncommon in Hindi (wordfreq zipf below `max_zipf`, default 3.9)
      and the other form clearly commoner: `min_zipf_gap` (default 1.2) higher in wordfreq, or
      used at least twice in the article and more often than the flagged one;
    - a difference with fewer than two signs after it is an inflection or a derivation (लड़का / लड़के,
      मृतक / मृतका) unless it is a dropped anusvara that wordfreq confirms (मरीजो / मरीजों);
    - an excerpt's truncated last word is skipped;
    - words shorter than `min_length` (default 3) are never compared.
    Fix safety: unsafe, a reader should confirm the word meant.
    """

    code = "SPELL002"
    name = "near-miss-spelling"
    category = "spelling"
    severity = Severity.WARNING
    article_wide = True  # the more frequent spelling is counted over the article
    defaults = {"max_zipf": 3.9, "min_zipf_gap": 1.2, "min_length": 3}

    def run(self, ctx: Context):
        text = ctx.article.text
        max_zipf, min_length = ctx.setting(self, "max_zipf"), int(ctx.setting(self, "min_length"))
        gap = ctx.setting(self, "min_zipf_gap")
        spans: dict[str, array] = defaultdict(lambda: array("q"))  # start, end, start, end, ...
        english = ENGLISH_LINE in ctx.conventions.line_kinds  # else no word needs its line looked up
        line_kind = ctx.conventions.line_kind
        for m in _DEVA_WORD.finditer(text):
            # An excerpt cut mid-word ends in a fragment, not a typo.
            if (not english or line_kind(m.start()) != ENGLISH_LINE) and m.end() < len(text):
                spans[_nfc(m.group())].extend(m.span())
        by_key: dict[str, list[str]] = defaultdict(list)
        for word in spans:
            by_key[keyed(word)[0]].append(word)
        count = Counter({key: sum(len(spans[w]) for w in words) // 2 for key, words in by_key.items()})
        lengths = Counter(len(key) for key in by_key)
        flaggable = [(key, words) for key, words in by_key.items()
                     if len(key) >= min_length and hindi_zipf(words[0]) < max_zipf]
        # The neighbour index holds only what the flaggable words will ask for (themselves and
        # their deletions), and only words used twice or that Hindi text uses (zipf 3+): `_better`
        # skips every other candidate. Exactly the entries a full index would give those questions.
        asked: set[str] = set()
        for key, _ in flaggable:
            asked.add(key)
            if _has_peer(key, lengths):
                asked.update(_deletions(key))
        neighbours: dict[str, set[str]] = defaultdict(set)
        for key, words in by_key.items() if flaggable else ():
            if count[key] < 2 and hindi_zipf(words[0]) < 3.0:
                continue
            if key in asked:
                neighbours[key].add(key)
            if _has_peer(key, lengths):
                for d in asked.intersection(_deletions(key)):
                    neighbours[d].add(key)
        for key, words in flaggable:
            best = self._better(key, words[0], count, by_key, neighbours, gap, _has_peer(key, lengths))
            if best is None:
                continue
            right = max(by_key[best], key=lambda w: len(spans[w]))
            for word in words:
                for start, end in zip(spans[word][::2], spans[word][1::2]):
                    yield ctx.finding(
                        self, start, end,
                        f"'{word}' looks like a slip for '{right}' ({count[best]}x in this article)",
                        [Fix(start, end, right, applicability=UNSAFE)],
                    )

    @staticmethod
    def _better(key, word, count, by_key, neighbours, gap, peer: bool) -> str | None:
        candidates = set(neighbours.get(key, ()))
        if peer:
            for d in _deletions(key):
                candidates |= neighbours.get(d, set())
            # Two adjacent signs swapped (कंपिनयों / कंपनियों) is one slip too.
            candidates |= {swap for swap in _swaps(key) if swap in by_key}
        candidates.discard(key)
        zipf = hindi_zipf(word)
        best, best_score = None, 0.0
        for other in sorted(candidates):  # sorted: a tie must not fall to the string hash of this run
            other_word = by_key[other][0]
            other_zipf = hindi_zipf(other_word)
            at = _edit_at(key, other)
            if at == 0:
                continue  # another word altogether (कुमार / शुमार, सैन्य / असैन्य)
            sign_only = _only_nasal(key, other) or _vowel_length(key, other)
            if zipf >= 1.0 and not sign_only:
                continue  # a word Hindi text uses is a word, not a typo (पहले / पतले)
            known = other_zipf >= 3.0 and other_zipf - zipf >= gap
            used_more = count[other] >= 2 and count[other] > count[key]
            if not (known or used_more) or count[other] < count[key]:
                continue
            at_end = _common_suffix(key, other) < 2  # nothing shared after the edit: an ending
            if at_end and not (known and _only_nasal(key, other)):
                continue  # an inflection or a derivation (मृतक / मृतका, लॉन्च / लॉन्चर)
            score = other_zipf + count[other]
            if score > best_score:
                best, best_score = other, score
        return best
