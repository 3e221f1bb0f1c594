from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from itertools import compress, repeat
from operator import itemgetter, le, lt

from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.core.conventions import ENGLISH_LINE
from audit.lint.checks.spelling.edit_neighbours import (Able, grouped, moved_anusvara, most_written, near_by_type,
                                                     near_in_article)
from audit.lint.checks.spelling.spelling_variant import keyed
from audit.lint.checks.spelling.surnames import a_place, a_surname
from audit.lint.checks.words import (DEVANAGARI, PerWord, inline_chrome, devanagari_counts, devanagari_counts_outside_english,
                                     outside_english_lines)

_WORDS = DEVANAGARI


# (NFC, spelling key, Hindi zipf of the NFC, (NFC,)) of a word as written: the last, a key's forms where
# it has one, kept with the type rather than made for each article
_TYPES = PerWord(lambda word: (nfc := unicodedata.normalize("NFC", word), keyed(nfc)[0], hindi_zipf(nfc), (nfc,)))
_typed = _TYPES.__getitem__


def _word_counts(ctx: Context, english_lines: bool) -> Counter:
    """How often each word is written, in order of first use, leaving out the text's last word when
    it runs to the end (an excerpt cut mid-word ends in a fragment, not a typo), and, where the
    article has `english_lines`, the words of those lines."""
    text = ctx.article.text
    if english_lines:
        count = devanagari_counts_outside_english(ctx)
        ranges = outside_english_lines(ctx)
        ends_kept = bool(ranges) and ranges[-1][1] == len(text)  # the last line is counted
    else:
        count = devanagari_counts(ctx)
        ends_kept = True
    last = _WORDS.last(text) if ends_kept else None
    if last is not None:
        count = Counter(count)  # a copy: SPELL001 reads the same counts (most articles end in a mark: none)
        count[last] -= 1
        if not count[last]:
            del count[last]  # written only there: it was the last word counted, so the order holds
    return count


# The feminine plural of a perfective or a participle (बताईं, गईं, सकतीं): ई or ी with the anusvara.
_FEMININE_PLURAL = ("\u0908\u0902", "\u0940\u0902", "\u0908\u0901", "\u0940\u0901")

def _only_nasal(a: str, b: str) -> bool:
    """The words differ by an anusvara alone (मरीजो / मरीजों, घरो / घरों)."""
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        ch == "\u0902" and long_[:i] + long_[i + 1 :] == short for i, ch in enumerate(long_))


def _inner_nasal(a: str, b: str) -> bool:
    """`b` is `a` with an anusvara added before a consonant (सूचकाक / सूचकांक): not an ending's nasal."""
    i = _edit_at(a, b)
    return len(b) == len(a) + 1 and b[i] == "\u0902" and b[i + 1 : i + 2] in _CONSONANTS and b[i + 1 :] == a[i:]


_LENGTH_PAIRS = {frozenset("\u093f\u0940"), frozenset("\u0941\u0942"), frozenset("\u0907\u0908"),
                 frozenset("\u0909\u090a")}


def _vowel_length(a: str, b: str) -> bool:
    """The words differ by a short/long vowel alone (परिक्षण / परीक्षण)."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in _LENGTH_PAIRS


_SIGN_PAIRS = _LENGTH_PAIRS | {frozenset("\u0947\u0948"), frozenset("\u094b\u094c")}  # also े/ै, ो/ौ
_SIGNS = [*map(chr, range(0x0900, 0x0950)), *map(chr, range(0x0958, 0x0960))]
_GAP_TO_VARIANT = 1.0  # a candidate this far under a word one letter longer is that word's variant


def _meant(right: str) -> str:
    """The word to offer for a slip of the article's `right`: `right`, or, where `right` is itself, with
    one of its letters written once, a variant of a word Hindi text writes much more often (अंतराष्ट्रीय
    beside अंतरराष्ट्रीय, अध्यन beside अध्ययन), that word: a slip of a variant is offered the spelling
    meant, not the variant (in wordfreq's 30,000 commonest Hindi words only such variants pass the gap)."""
    zipf = hindi_zipf(right)
    # the candidate with one of its letters written twice (अंतर + र + राष्ट्रीय)
    for i in range(1, len(right)):
        longer = right[:i] + right[i] + right[i:]
        if right[i] in _CONSONANTS and hindi_zipf(longer) >= zipf + _GAP_TO_VARIANT:
            return longer
    return right


# Letters one Latin letter stands for, so that a name written from English comes out both ways (Adani:
# अदानी / अडानी, Patnaik: पटनायक / पतनायक, Kothari, Yashwant / यशवंत / यसवंत, Barun / वरुण): dental
# and retroflex, the three sibilants, व and ब.
_RIVAL_PAIRS = {frozenset("\u0924\u091f"), frozenset("\u0925\u0920"), frozenset("\u0926\u0921"),
                frozenset("\u0927\u0922"), frozenset("\u0928\u0923"), frozenset("\u0936\u0937"),
                frozenset("\u0936\u0938"), frozenset("\u0937\u0938"), frozenset("\u0935\u092c")}


def _a_guess(form: str, right: str) -> bool:
    """The fix `form` -> `right` is a guess: shown, never applied (ruff's display-only):
    - one letter or sign swapped for another that is no spelling pair (टुटा / टाटा, प्रयार / प्रकार,
      चंद्रमान / चंद्रयान) where another word Hindi text uses lies one edit from the form too, its first
      letter kept (टूटा, प्रयास, चंद्रमा): the article's neighbour is one reading of several;
    - one letter too many where dropping another letter or sign gives another word Hindi uses (हालकी: the
      article's हॉकी, but also हलकी, and हालांकि meant): which one the writer dropped is a guess;
    - one letter swapped for its rival in writing a name from Latin letters (`_RIVAL_PAIRS`: अदानी /
      अडानी) where the article's word is none of Hindi's commonest words (zipf under 4.5): both are
      spellings of the name, and which one the desk writes is its glossary's choice (TERM001), not
      the article's majority. A common word's swap (सदस्य written सडस्य) is a slip."""
    right_key = keyed(right)[0]
    if len(form) == len(right_key) + 1 and form[_edit_at(form, right_key)] in _LETTERS:
        # the fix drops a letter (not a stray sign, सकतें): was it this one (हालकी: हॉकी, or हलकी)?
        dropped = {form[:i] + form[i + 1:] for i in range(1, len(form))} - {right, right_key}
        return any(hindi_zipf(w) >= 3.0 and keyed(w)[0] != right_key for w in dropped)
    if len(form) != len(right):
        return False
    diff = [(x, y) for x, y in zip(form, right) if x != y]
    if len(diff) != 1 or frozenset(diff[0]) in _SIGN_PAIRS:
        return False
    if frozenset(diff[0]) in _RIVAL_PAIRS and hindi_zipf(right) < _COMMON_ZIPF:
        return True
    others = {form[:i] + c + form[i + j:] for i in range(1, len(form) + 1) for c in _SIGNS for j in (0, 1)}
    others |= {form[:i] + form[i + 1:] for i in range(1, len(form))}
    others -= {form, right}
    return any(hindi_zipf(w) >= 3.0 for w in others)


_ENGLISH_VOWELS = ("\u0949", "\u0945", "\u0911", "\u090d")  # ॉ ॅ ऑ ऍ: vowels only English words write


def _english_vowel_lost(words, forms) -> bool:
    """The flagged form writes an English vowel sign (ॉ, ॅ: a loan, समॉल) and is one edit from the
    candidate only once the spelling key reads ॉ as ा (समाल / साल): as written it is two edits from
    it, a loan no near miss of a Hindi word (the loan meant, स्मॉल, is another word). A stray or extra
    sign itself (पहॅुंची, कॉमर्शियल beside कमर्शियल) is one edit and still a slip."""
    return any(any(sign in word for sign in _ENGLISH_VOWELS) and not any(_one_edit(word, form) for form in forms)
               for word in words)


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by one character added, dropped or swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = _edit_at(a, b)
    return a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]


def _infinitive(word: str) -> bool:
    """Whether `word` is a feminine infinitive, -नी, of a verb Hindi text uses (पीनी of पीना, सीनी of
    सीना: पीनी चाहिए, बात करनी है), a form the word lists often lack."""
    return word.endswith("नी") and hindi_zipf(word[:-1] + "ा") >= 3.0


_GENDER_ENDINGS = ("\u093e", "\u0940", "\u0947")  # ा ी े: an adjective's or participle's three forms


def _inflected_word(word: str) -> bool:
    """Whether `word` is an inflection wordfreq lacks of a word Hindi text uses: one of ा/ी/े at its end
    swapped for another gives a word of zipf 3+ (डरावने of डरावना, सुहावने of सुहावना): a word, no slip."""
    if len(word) < 4 or not word.endswith(_GENDER_ENDINGS):
        return False
    return any(hindi_zipf(word[:-1] + end) >= 3.0 for end in _GENDER_ENDINGS if end != word[-1])


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


_COMMON_ZIPF = 4.5  # a word this common (कारण, रास्ता) is the one meant beside a form no text writes
_CONSONANTS = frozenset(map(chr, [*range(0x0915, 0x093A), *range(0x0958, 0x0960)]))
_LETTERS = _CONSONANTS | frozenset(map(chr, range(0x0905, 0x0915)))  # consonants and independent vowels


def _letter_before_last(a: str, b: str) -> bool:
    """The words differ by one letter (a consonant or an independent vowel, not a sign) added or dropped
    just before the final consonant they share (काण / कारण, बिटक्वान / बिटक्वाइन): no Hindi ending is made so."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1 or not short or short[-1] not in _CONSONANTS:
        return False
    i = _edit_at(short, long_)
    return i == len(short) - 1 and long_[i] in _LETTERS and long_[i + 1 :] == short[i:]


def _word_char(ch: str) -> bool:
    """A letter, digit or sign of a word (a matra is a mark, not alphanumeric); "" is none."""
    return bool(ch) and (ch.isalnum() or unicodedata.category(ch)[0] == "M")


def _echo_pair(text: str, start: int, end: int, partners) -> bool:
    """Whether the word at [start, end) is joined, by a hyphen or a space, to one of `partners`
    standing right before or after it: the two halves of an echo compound (फूला-फला, फूला फला)."""
    for partner in partners:
        n = len(partner)
        if start > n and text[start - 1] in "- " and text[start - 1 - n:start - 1] == partner \
                and not _word_char(text[start - 2 - n:start - 1 - n]):
            return True
        if text[end:end + 1] in ("-", " ") and text[end + 1:end + 1 + n] == partner \
                and not _word_char(text[end + 1 + n:end + 2 + n]):
            return True
    return False


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
      used at least twice in the article and more often than the flagged one; never less often,
      but for a form wordfreq does not know beside one of Hindi's commonest words (zipf 4.5+:
      रासता ×2 beside रास्ता ×1, a typo repeated), or beside a word Hindi text uses (zipf 3+) that
      has an anusvara before a consonant where the form has none (सूचकाक ×2 beside सूचकांक ×1);
    - such a form without its inner anusvara is a surname of its own (श्री अनिल बगला beside बंगला, पाडे जी
      beside पांडे) where a use of it stands after a title (or a title and a given name), after a common
      given name with no title (`given_names.tsv`: अनिल बगला ने कहा), or before जी,
      and none shares a content word next to it with a use of the word (`surnames.a_surname`);
    - a form one edit from a listed given name is a place's name where every use of it stands in a
      place's slot (सराय अकिल, अकिल थाना beside a man named अनिल: `surnames.a_place`);
    - a difference with fewer than two signs after it is an inflection or a derivation (लड़का / लड़के,
      मृतक / मृतका) unless it is a dropped anusvara that wordfreq confirms (मरीजो / मरीजों) or a
      letter, not a sign, dropped before the shared last consonant (काण / कारण: no ending is made so);
    - a plural oblique without its anusvara beside the same word with it (घंटो ... घंटों) is a slip
      even once each, where wordfreq has the nasal form commoner;
    - a verb's feminine plural in ईं / ीं is never read as a slip for its singular (कई बातें बताईं:
      agreement is grammar, not spelling);
    - an echo compound is two words, not a slip of one for the other: a word joined by a hyphen
      or a space to the form it would be corrected to (फूला-फला, ठीक-ठाक: the halves differ by design);
    - a listed currency (`currency_names.tsv`: रुपिया, the rupiah, beside रुपया) is a word of its own,
      and so is a name's spelling the house glossary holds (its canonical or accepted form: क्लॉड, Claude,
      beside क्लाउड, cloud);
    - a form wordfreq lacks whose other gender/number forms it knows (डरावने beside डरावना: ा, ी, े
      swapped at the end) is an inflection of a word, no slip (डरावने is not डराने);
    - an excerpt's truncated last word is skipped;
    - words shorter than `min_length` (default 3) are never compared;
    - two edits are allowed for one slip: the anusvara typed a letter off (ओलपिंक beside ओलंपिक,
      भूंकप beside भूकंप, जाएगें beside जाएंगे), where the right form is one Hindi text uses and is far
      commoner (2 zipf) than the typed one.
    Fix safety: unsafe, a reader should confirm the word meant; display-only where the fix is a guess
    (`_a_guess`: another word Hindi uses is as near, or a name's letter is swapped for its rival in
    writing the name from Latin letters, अदानी / अडानी: the glossary's matter). Where the article's word is itself a variant of a
    much commoner word that writes one of its letters twice (अतंराष्ट्रीय beside अंतराष्ट्रीय), the fix
    offers that word (अंतरराष्ट्रीय), not the variant (`_meant`).
    A sign that slipped past the space onto the next word (`गीतो ंसे`) is moved back with the fix, both
    ends in one edit (`गीतों से`); any other stray sign opening the next word makes the fix a hint.
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
        # without English lines no word needs its line looked up
        line_kind = ctx.conventions.line_kind if ENGLISH_LINE in ctx.conventions.line_kinds else None
        written_forms = _word_counts(ctx, line_kind is not None)
        typed = list(map(_TYPES.__getitem__, written_forms))
        # a key's place among the words (its first word's), and by place each word's count (its key's at
        # the key's place), zipf and forms
        at, counts, keys, zipfs, nfc_count, shared = grouped(written_forms, typed)
        # The keys long and rare enough to flag, in order of first use, sifted in compiled code (a
        # word's key and zipf are its key's, but for a key written two ways: its first form's)
        rare = list(compress(keys, map(lt, zipfs, repeat(max_zipf))))  # (zipf first: fewer are rare than short)
        flaggable_keys = compress(rare, map(le, repeat(min_length), map(len, rare)))
        if shared:
            flaggable_keys = (key for key in flaggable_keys if key not in shared or zipfs[at[key]] < max_zipf)
        flaggable = [(key, typed[at[key]][3]) for key in dict.fromkeys(flaggable_keys)]
        # the flagged forms, the article's form, its count, and all its forms (an echo compound's partners)
        slips: list[tuple[list[str], str, int, list[str], bool]] = []
        if flaggable:
            # Only words used twice or that Hindi text uses (zipf 3+) can be the better spelling.
            able = Able(at, counts, zipfs)
            short = max(map(len, at)) <= 40
            if short:
                near = near_by_type(at, able, flaggable)
            else:
                near = near_in_article(at, {key for key in at if key in able}, flaggable)
            currencies = ctx.lexicon.currency_names
            house = ctx.glossary.house_keys
            moved = moved_anusvara(at, zipfs, flaggable, short)
            for key, words in flaggable:
                if house and not house.isdisjoint(map(fold, words)):
                    continue  # the glossary's own spelling of a name (क्लॉड, Claude) is no slip for a word (क्लाउड)
                if key in moved:  # ओलपिंक beside ओलंपिक: the anusvara typed a letter off
                    place = at[moved[key]]
                    forms = typed[place][3]
                    slips.append((words, most_written(forms, nfc_count), counts[place], forms, False))
                    continue
                candidates = near[key]
                if not candidates:
                    continue  # most words: no word of the article one edit away
                if any(_infinitive(word) for word in words):
                    continue  # चाय पीनी चाहिए: a feminine infinitive (of पीना) that word lists lack, not पानी
                zipf = zipfs[at[key]]
                if zipf < 1.0 and any(_inflected_word(word) for word in words):
                    continue  # डरावने (डरावना, डरावनी known): an adjective's form, no slip for डराने
                best = self._better(key, zipf, at, counts, zipfs, candidates, gap)
                if best is not None and _english_vowel_lost(words, typed[at[best]][3]):
                    continue  # समॉल is no slip for साल: ॉ to ा and a letter dropped, two edits for a loan
                if best is not None and not any(fold(word) in currencies for word in words):
                    # a form no text writes, the word without its inner anusvara (बगला / बंगला): maybe a surname
                    named = zipf == 0 and _inner_nasal(key, best)
                    place = at[best]
                    forms = typed[place][3]
                    slips.append((words, most_written(forms, nfc_count), counts[place], forms, named))
        if not slips:
            return
        # Only now, and once for all of them, are the flagged words looked for in the text.
        flagged = {nfc for words, _, _, _, _ in slips for nfc in words}
        places: dict[str, list[tuple[int, int]]] = defaultdict(list)
        # a related story's headline run into a line (`Also Read - ...`): another story's spelling, not flagged
        chrome = inline_chrome(ctx) if ctx.conventions.inline else []
        for start, end in _WORDS.places(text, list(compress(written_forms, map(flagged.__contains__,
                                                                        map(itemgetter(0), typed))))):
            if end < len(text) and (line_kind is None or line_kind(start) != ENGLISH_LINE) and not (
                    chrome and any(s <= start < e for s, e in chrome)):
                places[_typed(text[start:end])[0]].append((start, end))
        guess = {(w, r): DISPLAY_ONLY if _a_guess(w, r) else UNSAFE for words, r, _, _, _ in slips for w in words}
        for words, right, right_count, partners, named in slips:
            if named and a_surname(text, [p for w in words for p in places[w]], _WORDS.places(text, partners),
                                   ctx.lexicon.stopwords, ctx.lexicon.given_names):
                continue  # (श्री) अनिल बगला beside बंगला: a surname, not the word without its anusvara
            if a_place(text, [p for w in words for p in places[w]], right, ctx.lexicon.given_names):
                continue  # सराय अकिल थाना beside a man named अनिल: a place's name, not a slip for his
            meant = _meant(right)
            said = f"({right_count}x in this article)" if meant == right else \
                f"(the article writes '{right}' {right_count}x, a variant of it)"
            for word in words:
                for start, end in places[word]:
                    if _echo_pair(text, start, end, partners):
                        continue  # फूला-फला: an echo compound, both halves meant
                    yield ctx.finding(
                        self, start, end, f"'{word}' looks like a slip for '{meant}' {said}",
                        [_fix(text, start, end, meant, guess[word, right])],
                    )

    @staticmethod
    def _better(key, zipf, places, counts, zipfs, candidates: set[str], gap) -> str | None:
        best, best_score = None, 0.0
        key_count = counts[places[key]]
        for other in sorted(candidates):  # sorted: a tie must not fall to the string hash of this run
            other_zipf = zipfs[place := places[other]]
            other_count = counts[place]
            at = _edit_at(key, other)
            if at == 0:
                continue  # another word altogether (कुमार / शुमार, सैन्य / असैन्य)
            sign_only = _only_nasal(key, other) or _vowel_length(key, other)
            if zipf >= 1.0 and not sign_only:
                continue  # a word Hindi text uses is a word, not a typo (पहले / पतले)
            if other_zipf == 0 and zipf >= 3.0 and _inner_nasal(other, key):
                continue  # हंसा is no slip for हसा ×2: the form that lost the anusvara is the slip, below
            known = other_zipf >= 3.0 and other_zipf - zipf >= gap
            used_more = other_count >= 2 and other_count > key_count
            # a form Hindi text never writes beside one of its commonest words (रासता ×2, रास्ता ×1)
            # is a typo repeated, however often: the majority does not make it a spelling
            # so is one that lost the anusvara before a consonant inside the word (सूचकाक ×2, सूचकांक ×1)
            outnumbered = other_count < key_count and not (zipf == 0 and (
                other_zipf >= _COMMON_ZIPF or (other_zipf >= 3.0 and _inner_nasal(key, other))))
            # a plural oblique that lost its anusvara (घंटो beside घंटों, the commoner form): a slip
            # even on a 1-1 tie, where wordfreq's count of the bare form is swollen by that slip
            nasal_oblique = key.endswith("\u094b") and other == key + "\u0902" and other_zipf > zipf
            if not (known or used_more or nasal_oblique) or outnumbered:
                continue
            # nothing shared after the edit: an ending (but a letter dropped before the last
            # consonant, काण / कारण, बिटक्वान / बिटक्वाइन, is no inflection: endings are signs). Only a
            # letter dropped: a form with one more letter than a common word (नगहर beside नगर), written
            # again and again, is a name, not a key struck twice
            at_end = _common_suffix(key, other) < 2 and not (len(key) < len(other) and _letter_before_last(key, other))
            if key.endswith(_FEMININE_PLURAL) and other == key[:-1]:
                continue  # बताईं, गईं, सकतीं: a verb agreeing with a feminine plural (कई बातें बताईं), not a slip
            if at_end and not ((known or nasal_oblique) and _only_nasal(key, other)):
                continue  # an inflection or a derivation (मृतक / मृतका, लॉन्च / लॉन्चर)
            score = other_zipf + other_count
            if score > best_score:
                best, best_score = other, score
        return best


# The signs that cannot open a word: one after a space is a sign displaced from the word before
_SIGNS = frozenset(map(chr, (*range(0x0900, 0x0904), *range(0x093A, 0x0950), *range(0x0951, 0x0958), 0x0962, 0x0963)))


def _fix(text: str, start: int, end: int, right: str, applicability: str) -> Fix:
    """The fix for the word at start..end. Where the next word opens with a stray sign after one space
    (`गीतो ंसे`: the anusvara slipped past the space) and that sign is the one the word lacks, the fix
    moves it, both ends in one edit (`गीतों से`); any other stray sign there makes the fix a hint, as
    restoring the sign would leave the stray one in place."""
    if text[end:end + 1] == " " and text[end + 1:end + 2] in _SIGNS:
        sign = text[end + 1]
        if right == text[start:end] + sign:
            return Fix(start, end + 2, right + " ", applicability=applicability)
        return Fix(start, end, right, applicability=DISPLAY_ONLY)
    return Fix(start, end, right, applicability=applicability)
