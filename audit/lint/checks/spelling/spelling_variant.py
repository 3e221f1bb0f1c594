from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection
from itertools import compress
from operator import itemgetter

from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.language.numerals import load_numerals
from audit.language.readback import english_reading
from audit.language.wordstats import english_zipf, hindi_zipf
from audit.lint.checks.alternation import char_starts, matches_at
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import AUXILIARIES
from audit.lint.checks.spelling.tie_forms import closed_loan, hyphened_reduplication
from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.lint.checks.words import (PerWord, Words, cut_out, devanagari_counts, devanagari_counts_outside_english,
                                     asides, lines_outside, outside_english_lines)

_LETTERS = "\u0900-\u0963\u0971-\u097f\u200c\u200d"
_WORDS = Words(_LETTERS)
# Two words joined by exactly "-" or "\u2010" (or " "): the first a whole word (nothing of it before),
# the second read ahead so that the next match can start with it (अ-ब-स gives अ-ब and ब-स).
# A hyphen pair is found by its hyphen (searched for) and its words read out from there.
_HYPHEN = re.compile(f"[-\u2010](?<=[{_LETTERS}][-\u2010])(?=[{_LETTERS}])")
_LETTER_RUN = re.compile(f"[{_LETTERS}]+")
_LETTER_SET = frozenset(map(chr, [*range(0x900, 0x964), *range(0x971, 0x980), 0x200C, 0x200D]))
_SPACE_PAIR = re.compile(f"(?<![{_LETTERS}])([{_LETTERS}]+) (?=([{_LETTERS}]+))")
_NASAL_HALANT = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")  # कम्पनी -> कंपनी
_YE = re.compile("(?<=[\u0900-\u097f])\u092f([\u0947\u0940])")  # नये -> नए, गयी -> गई
_YE_VOWEL = {"\u0947": "\u090f", "\u0940": "\u0908"}
_FOLD = str.maketrans({"\u0901": "\u0902", "\u093c": None, "\u200c": None, "\u200d": None})
_SEPARATOR = re.compile("[-\u2010 ]")  # between two parts of a compound


def spelling_key(word: str, chandra: bool = True) -> str:
    """What two spellings of one word share: nukta, chandrabindu/anusvara, nasal+halant/anusvara,
    ये/ए and यी/ई, ॉ/ा in longer loans (unless `chandra` is false), and a hyphen, space or nothing
    between two parts."""
    # each step only where the word has what it changes (a `str` find each): a new word's key is
    # made for SPELL001 and SPELL002 alike, and most words hold no nukta, chandrabindu or joiner
    key = unicodedata.normalize("NFD", word)
    if "\u0901" in key or "\u093c" in key or "\u200c" in key or "\u200d" in key:
        key = key.translate(_FOLD)
    key = unicodedata.normalize("NFC", key)
    if "\u094d" in key:
        key = _NASAL_HALANT.sub("\u0902", key)
    if "\u092f" in key:
        key = _YE.sub(_ye_vowel, key)
    if chandra and len(key) >= 4:  # बॉल / बाल are two words; रिकॉर्ड / रिकार्ड are one
        key = key.replace("\u0949", "\u093e")
    if "-" in key or "\u2010" in key or " " in key:
        key = _SEPARATOR.sub("", key)
    return key


def _ye_vowel(m: re.Match) -> str:
    return _YE_VOWEL[m.group(1)]


# ॉ before a nasal sign or a vowel letter is a slip, not the optional mark of an English vowel
# (गॉंव, यहॉं, हॉउस for गांव, यहां, हाउस): such a pair stays a warning.
_CHANDRA_SLIP = re.compile("\u0949[\u0900-\u0902\u0904-\u0914]")


def _chandra_only(form: str, kept: str) -> bool:
    """Whether two spellings differ in the ॉ/ा mark, and that mark is the optional one.

    Standard Hindi writes ॉ for an English vowel only where the English sound is wanted, so
    पॉवर and पावर are both correct: which one the desk uses is house style (info). The folding that
    pairs them can also pair two different words (सॉरी / सारी, कॉफी / काफी), a further reason not
    to warn.
    """
    if _CHANDRA_SLIP.search(form) or _CHANDRA_SLIP.search(kept):
        return False
    # (a pair grouped by variant_spellings.tsv has keys of its own: not the mark, another letter)
    return (spelling_key(form) == spelling_key(kept)
            and spelling_key(form, chandra=False) != spelling_key(kept, chandra=False))


# The mark-only variant whose other spelling is far more common in Hindi text (>= 1 zipf) may be
# another word (कॉफी coffee / काफी quite, सॉरी / सारी): its fix is shown, never applied.
_OTHER_WORD_ZIPF = 1.0


# (spelling_key, NFC) of a word, worked out once per distinct word: articles repeat their words
_KEYED = PerWord(lambda form: (spelling_key(form), unicodedata.normalize("NFC", form)))
keyed = _KEYED.__getitem__


class SpellingVariant(Check):
    """One word spelt two ways in one article: the desk's archive, search and readers see two words.

    Anti-pattern:  नये नियम ... नए नियम लागू   जायेगा / जाएगा   कम्पनियाँ / कंपनियाँ   फ़ोन / फोन
                   सॉफ्ट-लैंडिंग / सॉफ्ट लैंडिंग   शीत लहर / शीतलहर   लांच / लॉन्च
    Fix:           the spelling the article uses more often (on a tie, the one more common in Hindi text)

    Only spelling choices are compared (nukta, anusvara or chandrabindu or a nasal with halant,
    ये/ए, ॉ/ा, a hyphen or a space inside a compound, and the pairs of
    `glossaries/lexicon/variant_spellings.tsv`, both in print: दीवाली / दिवाली, नगद / नकद): inflections such as मरीज / मरीजों are different
    words, and encoding-only differences are ENC001's. A word hyphened to its other neighbour is that
    compound's, not half of a spaced one (`आय कर-मुक्त`, income tax-free, beside `आयकर`), nor is a hyphen
    after है/हैं/था (`हैं-और`: a dash, FMT003's) a compound's. A page-chrome
    line's word (`Home मध्य प्रदेश ...`, a breadcrumb beside the article's मध्यप्रदेश) is the site's, not the
    article's: never counted, flagged or offered as the fix, nor an English line's, nor an embedded post's (the
    line above a `— Name (@handle)` attribution: a tweet's words are the poster's, not the desk's).
    Fix safety: unsafe, both spellings are words.
    A pair that differs in the optional ॉ (पॉवर / पावर) is house style, an info; where one spelling
    is far more common it may be another word (सॉरी / सारी), and the fix is display-only. On a tie
    (as often, and as common in Hindi text) the concept table's spelling of a loan is kept over a
    variant it lists (ईमेल / ई-मेल), and a two-word English loan keeps its spaced form (सॉफ्ट
    लैंडिंग, standard Hindi) over the hyphenated one, an English closed compound its joined form
    (सुपरस्टार over सुपर स्टार: superstar), a reduplication its hyphen (अलग-अलग over अलग अलग), and a
    conjunctive participle is kept joined (डरकर over डर कर, the standard spelling); any other tie is an info whose fix is only
    shown (माता-पिता / माता पिता: no majority to follow, and either may be the desk's), a tie of a joined
    spelling and a hyphened one too (हाईवे / हाई-वे: wordfreq reads हाई-वे as हाई, so it cannot say
    which spelling Hindi text prefers). A tie of a spaced spelling and a joined one wordfreq does not
    know (मोटो कॉर्प / मोटोकॉर्प, a company's name; अर्थ दंड / अर्थदंड) keeps the joined one: a compound
    of two content words is written closed, and its zipf of 0 says nothing against the spaced form's
    first word. It keeps its warning, the fix only shown (a pair run together by a slip is possible); a
    function word on either side (केअभ्यर्थियों, गईहै) is a missing space, fixed.
    """

    code = "SPELL001"
    name = "spelling-variant"
    category = "spelling"
    severity = Severity.WARNING
    article_wide = True  # the majority spelling is counted over the article

    def run(self, ctx: Context):
        text = ctx.article.text
        # without English lines or page chrome (a breadcrumb, a related-links line: the site's spelling,
        # not the article's) no word needs its line looked up
        kinds = ctx.conventions.line_kinds
        chrome = CHROME in kinds
        line_kind = ctx.conventions.line_kind if chrome or ENGLISH_LINE in kinds else None
        keep = None if line_kind is None else (lambda start: line_kind(start) not in _SKIPPED_LINES)
        # a tweet's block, a related story's headline run into a line: neither counted nor flagged
        posts = asides(ctx)
        if posts:
            kept_line = keep
            keep = (lambda start: not any(s <= start < e for s, e in posts)
                    and (kept_line is None or kept_line(start)))
        # every word, to tell compounds: a word inside one is taken off below
        joiner = "\u200c" in text or "\u200d" in text
        # without a joiner the words are those SPELL002 counts
        count = _WORDS.counts(text) if joiner else devanagari_counts(ctx)
        compounds = _compounds(text, count)
        if posts:  # the words outside English lines, page chrome and embedded posts
            count = _WORDS.counts(text, cut_out(lines_outside(ctx, _SKIPPED_LINES), posts))
        elif chrome:  # the words outside English lines and page chrome
            count = _WORDS.counts(text, lines_outside(ctx, _SKIPPED_LINES))
        elif keep is not None:  # the words outside English lines, as SPELL002 counts them where there is no joiner
            count = _WORDS.counts(text, outside_english_lines(ctx)) if joiner else devanagari_counts_outside_english(ctx)
        if compounds and not joiner:
            count = Counter(count)  # the words inside compounds are taken off below: a copy of the shared counts
        # Each spelling (NFC) and how often it is used, by spelling key: the compounds, then the words
        # no compound took.
        compound_count: Counter = Counter()
        covered: set[int] = set()
        for s1, e1, s2, e2 in compounds:
            covered.update((s1, s2))
            if keep is None or keep(s1):  # (both words on one line: a hyphen or a space between them)
                count[text[s1:e1]] -= 1
                count[text[s2:e2]] -= 1
                compound_count[text[s1:e2]] += 1
        # each spelling key written one way among all the words and compounds (most articles):
        # then also among those still used, and there is nothing to compare
        written = [*compound_count, *count]
        # a listed pair no key folds (दीवाली / दिवाली) shares its other spelling's key
        listed = _listed_keys(ctx.lexicon.variant_spellings).__getitem__
        keys = list(map(listed, written))
        if len(set(keys)) == len(written):
            return
        if 0 in count.values():  # a word written only inside compounds: the compounds, then the words, still used
            used = [*filter(_USED, compound_count.items())]  # (n > 0: in C)
            compounds_used = len(used)
            used += filter(_USED, count.items())
            keys = list(map(listed, map(itemgetter(0), used)))
        else:  # every word still used (a compound is counted once met): the keys just made are theirs
            used = [*compound_count.items(), *count.items()]
            compounds_used = len(compound_count)
        key_count = Counter(keys)
        if len(key_count) == len(keys):
            return  # each spelling key written one way (most articles): nothing to compare
        # only a key written more than once can have two spellings: the others are not grouped
        shared = {key for key, n in key_count.items() if n > 1}
        groups: dict[str, dict[str, int]] = defaultdict(dict)
        for (written, n), key in compress(zip(used, keys), map(shared.__contains__, keys)):
            nfc = keyed(written)[1]
            forms = groups[key]
            forms[nfc] = forms.get(nfc, 0) + n
        variants = [(key, forms) for key, forms in groups.items() if len(forms) > 1]
        if not variants:
            return
        # Only now are the few spellings to compare looked for in the text, in the order the
        # forms were first met (compounds first): on a tie, the first met wins, as it always has.
        wanted = {nfc for _, forms in variants for nfc in forms}
        places: dict[str, list[tuple[int, int]]] = defaultdict(list)
        met: dict[str, tuple[int, int]] = {}  # (0 for a compound, 1 for a word; where it was first met)
        for s1, _, _, e2 in compounds:
            nfc = keyed(text[s1:e2])[1]
            if nfc in wanted and (keep is None or keep(s1)):
                places[nfc].append((s1, e2))
                met.setdefault(nfc, (0, s1))
        # the words still used whose spelling is one of `wanted`: those of the variants' keys (a word's
        # key is its NFC's), picked in C
        variant_keys = {key for key, _ in variants}
        words = compress(map(itemgetter(0), used[compounds_used:]), map(variant_keys.__contains__, keys[compounds_used:]))
        for start, end in _WORDS.places(text, words):
            nfc = keyed(text[start:end])[1]
            if start not in covered and (keep is None or keep(start)):
                places[nfc].append((start, end))
                met.setdefault(nfc, (1, start))
        for _, forms in sorted(variants, key=lambda kv: min(met[f] for f in kv[1])):
            ranked = sorted(sorted(forms, key=met.__getitem__),
                            key=lambda f: (forms[f], _zipf(f)))
            kept, even, guess = ranked[-1], "", False
            tied = [f for f in ranked if forms[f] == forms[kept]]
            if len(tied) > 1:  # the article prefers none
                # the concept table's spelling over its listed variant (ईमेल / ई-मेल), else the spaced
                # loan (सॉफ्ट लैंडिंग 1x, सॉफ्ट-लैंडिंग 1x): standard Hindi
                settled = (_table_form(ctx, tied) or hyphened_reduplication(tied) or _spaced_loan(ctx, tied)
                           or _joined_participle(tied) or closed_loan(tied))
                if settled is not None:
                    kept = settled
                elif len({_zipf(f) for f in tied}) == 1 or _joined_and_hyphened(tied):
                    # nor does Hindi text at large, or wordfreq cannot say: it reads a hyphened
                    # spelling by its first word (हाई-वे as हाई), never the compound
                    even = " (the article uses each as often)"  # no majority to follow: an info
                else:
                    # a joined spelling wordfreq does not know (मोटोकॉर्प, a name; अर्थदंड) was weighed against
                    # the first word of the spaced one (मोटो): half a compound. A compound of two content
                    # words is written closed (a समास): the joined form is kept, the fix only shown
                    joined = _unknown_joined(tied, ctx.lexicon.stopwords)
                    if joined is not None:
                        kept, guess = joined, True
            for form in [f for f in ranked if f != kept]:
                severity, applicability, why = None, UNSAFE, "one word spelt two ways"
                if even:  # no side to take: the editor picks, nothing is applied
                    severity, applicability = Severity.INFO, DISPLAY_ONLY
                elif guess:
                    applicability = DISPLAY_ONLY
                if _chandra_only(form, kept):
                    severity, why = Severity.INFO, "the optional ॉ written one way here and another there"
                    marked, plain = sorted((form, kept), key=lambda f: f.count("\u0949"), reverse=True)
                    if _zipf(plain) - _zipf(marked) >= _OTHER_WORD_ZIPF:
                        applicability, why = DISPLAY_ONLY, "if both are one word, the optional ॉ spelt two ways"
                for start, end in places[form]:
                    yield ctx.finding(
                        self, start, end,
                        f"'{form}' ({forms[form]}x) and '{kept}' ({forms[kept]}x): {why}; keep '{kept}'{even}",
                        [Fix(start, end, kept, applicability=applicability)], severity=severity,
                    )


_USED = itemgetter(1)  # a (word, uses) pair still used: its uses not 0

# The lines whose words are no evidence of the article's spelling: English lines and page chrome
_SKIPPED_LINES = (ENGLISH_LINE, CHROME)


def _same_keys(table: dict[str, str]) -> dict[str, str]:
    """`variant_spellings.tsv` as spelling keys (a listed spelling's key -> its other spelling's)."""
    return {k: v for k, v in ((spelling_key(w), spelling_key(s)) for w, s in table.items()) if k != v}


_LISTED: list = [None, None]  # the table read last, and each word's key under it


def _listed_keys(table: dict[str, str]) -> PerWord:
    """Each word's spelling key, or the key of its listed other spelling (`_same_keys`), per word: one
    map over an article's words (their keys known), where the key and then the listing were two. Made
    once while the table stays."""
    if _LISTED[0] is not table:
        same = _same_keys(table)
        _LISTED[:] = [table, PerWord(lambda word: same.get(key := _KEYED[word][0], key), most=100_000)]
    return _LISTED[1]


def _joined_participle(tied: list[str]) -> str | None:
    """On a tie, the conjunctive participle written as one word (डरकर over डर कर, फिसलकर over फिसल
    कर): the standard spelling joins -कर to its verb."""
    for form in tied:
        if form.endswith("कर") and " " not in form and len(form) > 3 and form[:-2] + " कर" in tied:
            return form
    return None


def _zipf(form: str) -> float:
    return hindi_zipf(form.replace("-", " ").split()[0])


def _unknown_joined(tied: list[str], stopwords) -> str | None:
    """The joined spelling, where the tie is of a spaced spelling and the same words joined, a form
    wordfreq does not know (मोटो कॉर्प / मोटोकॉर्प, अर्थ दंड / अर्थदंड): `_zipf` would weigh a word
    against half a compound. A function word glued to either side (केअभ्यर्थियों beside के अभ्यर्थियों,
    गईहै beside गई है) is no compound, nor a scale word and its noun (मिलियनवर्ष): its space is certain,
    and None is returned."""
    for f in tied:
        joined = f.replace(" ", "")
        if (" " in f and joined in tied and hindi_zipf(joined) == 0
                and not any(word in stopwords for word in f.split(" ")) and not _scale_word(f.split(" ")[0])):
            return joined
    return None


def _scale_word(word: str) -> bool:
    """A scale word (मिलियन, लाख, करोड़): it and its noun (मिलियन वर्ष) are a count, never one compound."""
    return load_numerals().words.get(("hi", fold(word)), ("",))[0] == "scale"


def _joined_and_hyphened(tied: list[str]) -> bool:
    """Whether the tie is of a word written joined and hyphened (हाईवे / हाई-वे). A spaced spelling's
    first word does tell (मध्य प्रदेश, आने वाली: a common word written on its own)."""
    return any("-" in f for f in tied) and any("-" not in f and " " not in f for f in tied)


def _table_form(ctx: Context, tied: list[str]) -> str | None:
    """Of spellings used as often, the one the concept table writes a loan with, where it lists the
    others as that loan's variants (ईमेल, with ई-मेल a variant)."""
    for form in tied:
        for hit in ctx.lexicon.concepts.lookup(form):
            concept = hit.concept
            if (hit.side == "translit" and form in concept.translit
                    and all(other in concept.translit_variants for other in tied if other != form)):
                return form
    return None


def _spaced_loan(ctx: Context, tied: list[str]) -> str | None:
    """Of spellings used as often, the two-word English loan written with a space (सॉफ्ट लैंडिंग)
    where the others join the same two words with a hyphen: the spaced form is the standard Hindi
    one. Not for Hindi pairs, whose hyphen is standard (माता-पिता, दिन-रात): both words must be loans
    (शीत reads back as "sheet", but लहर is no loan)."""
    for form in tied:
        words = form.split(" ")
        if len(words) != 2 or not all(f.replace("\u2010", "-") == "-".join(words) for f in tied if f != form):
            continue
        if all(_loan(ctx, w) for w in words):
            return form
    return None


def _loan(ctx: Context, word: str) -> bool:
    """The concept table's loan, or a word that reads back as an English word more common in English
    than the word is in Hindi (लैंडिंग: landing)."""
    if any(h.side == "translit" for h in ctx.lexicon.concepts.lookup(word)):
        return True
    reading = english_reading(word, 3)
    return reading is not None and english_zipf(reading) > hindi_zipf(word)


def _compounds(text: str, singles: Collection[str]) -> list[tuple[int, int, int, int]]:
    """(start, end) of both words of every two-word compound written with a hyphen, or with a space
    where the article also writes it joined or hyphenated (शीत लहर beside शीतलहर), in text order; of
    a chain (अ-ब-स) the first pair, the third, ...: a word is in one compound at most."""
    hyphened = _hyphen_pairs(text) if "-" in text or "\u2010" in text else []
    # a hyphen after a finite form of होना is a dash between clauses (हैं-और: FMT003's), not a compound
    hyphened = [pair for pair in hyphened if text[pair[0]:pair[1]] not in AUXILIARIES]
    pairs = list(hyphened)
    joins = {(text[s1:e1], text[s2:e2]) for s1, e1, s2, e2 in hyphened if text[e1] == "-"}
    spaced = _with_other_heads(_split_pairs(singles), singles) | _hyphen_joins(joins, singles)
    found: list[tuple[int, int, int, int]] = []
    if len(spaced) > 64:  # each `find` reads the whole text: many pairs are looked up by each pair read
        found = [(m.start(), m.end(1), m.end(), m.end() + len(m.group(2))) for m in _SPACE_PAIR.finditer(text)
                 if m.groups() in spaced]
    else:
        for w1, w2 in spaced:
            for start, end in _WORDS.places(text, [f"{w1} {w2}"]):
                found.append((start, start + len(w1), start + len(w1) + 1, end))
    # a word hyphened to its other neighbour belongs to that compound (आय कर-मुक्त: income tax-free,
    # not आय कर beside आयकर)
    pairs += [pair for pair in found
              if not (pair[0] and text[pair[0] - 1] in _HYPHENS) and text[pair[3]:pair[3] + 1] not in _HYPHENS]
    taken: list[tuple[int, int, int, int]] = []
    for pair in sorted(pairs):
        if not taken or taken[-1][2] != pair[0]:  # its first word is not the last one's second
            taken.append(pair)
    return taken


_HYPHENS = ("-", "\u2010")


def _hyphen_pairs(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end) of both words of every pair joined by exactly one hyphen, in text order: each
    hyphen with a letter on both sides, the whole runs of letters before and after it. (A letter
    is walked over once: the walk back stops at the hyphen before.)"""
    pairs = []
    for m in matches_at(_HYPHEN, text, char_starts(text, "-\u2010")):
        hyphen = start = m.start()
        while start and text[start - 1] in _LETTER_SET:
            start -= 1
        pairs.append((start, hyphen, hyphen + 1, _LETTER_RUN.match(text, hyphen + 1).end()))
    return pairs


def _split_pairs(singles: Collection[str]) -> set[tuple[str, str]]:
    """Every (w1, w2) of two words of the text that are, joined, a word of the text too.

    In sorted order the words that begin with a word follow it, the first right after it: only a
    word that the next one begins with (a few) is walked on from, and each step of the walk is a
    word with that prefix, so the walk is as long as the (prefix, word) pairs it finds.
    """
    ordered = sorted(singles)
    pairs: set[tuple[str, str]] = set()
    last = len(ordered)
    for i in compress(range(1, last), map(str.startswith, ordered[1:], ordered)):
        head = ordered[i - 1]
        n = len(head)
        while i < last and (word := ordered[i]).startswith(head):
            if word[n:] in singles:
                pairs.add((head, word[n:]))
            i += 1
    return pairs


def _with_other_heads(pairs: set[tuple[str, str]], singles: Collection[str]) -> set[tuple[str, str]]:
    """`pairs` and, for each, the text's other spellings of its first word (one spelling key: anusvara
    or a nasal and halant) with the same second word, so that all spaced forms count together against
    the joined one (सम्पत्ति कर 3x and संपत्ति कर beside संपत्तिकर)."""
    if not pairs:
        return pairs
    heads = {spelling_key(head) for head, _ in pairs}
    by_key: dict[str, list[str]] = defaultdict(list)  # the text's words of each head's key, each key computed once
    for word in singles:
        if (key := spelling_key(word)) in heads:
            by_key[key].append(word)
    return pairs | {(w, tail) for head, tail in pairs for w in by_key[spelling_key(head)]}


_SHORT = 40  # a word this long or shorter has all its ends asked


def _hyphen_joins(joins: set[tuple[str, str]], singles: Collection[str]) -> set[tuple[str, str]]:
    """The pairs (w1, w2) of words of the text for which `f"{w1}-{w2}" in text`, without searching the text.

    Such a string, all Devanagari but its one hyphen, can only stand where a word ending in w1 and
    the next word starting with w2 are joined by exactly "-" (`joins`: those two words). So each
    side's ends that are themselves words of the text (only those can be asked about) are paired:
    a lookup instead of a search of the whole article for every pair of words (quadratic).
    """
    pairs: set[tuple[str, str]] = set()
    lengths: list[int] | None = None
    for left, right in joins:
        if len(left) <= _SHORT and len(right) <= _SHORT:
            # each end of each length (an end as long as no word of the text is none of them): the
            # text's word lengths took a pass over all its words for a join or two
            left_lengths, right_lengths = range(1, len(left) + 1), range(1, len(right) + 1)
        else:  # a long run of letters: only the lengths the text's words have (slices stay linear)
            if lengths is None:
                lengths = sorted(set(map(len, singles)))
            left_lengths = [n for n in lengths if n <= len(left)]
            right_lengths = [n for n in lengths if n <= len(right)]
        tails = [left[-n:] for n in left_lengths if left[-n:] in singles]
        heads = [right[:n] for n in right_lengths if right[:n] in singles]
        pairs.update((t, h) for t in tails for h in heads)
    return pairs
