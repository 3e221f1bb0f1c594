"""Acronyms an article writes and the runs of loans that spell them out (ANGL004: `एंप्लॉई पेंशन स्कीम`
beside `(ईपीएस)` is one name in two languages, not a loan beside its Hindi word)."""

from __future__ import annotations

from itertools import accumulate, compress, count
from operator import attrgetter

from audit.core.tokens import _token_info
from audit.language.readback import english_reading
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Context
from audit.lint.checks.letters import letters_spelled
from audit.lint.checks.words import PerWord, token_texts

_RUN_REACH = 8  # loans looked at on each side of a match for a spelt-out acronym
_LONGEST = 6  # letters in the longest acronym `_acronym_letters` finds (and 3 in the shortest)


def spells_out_acronym(ctx: Context, tokens, first: int, last: int) -> bool:
    """Whether tokens[first..last] are part of a run of three or more loans (a bracketed gloss inside
    it skipped) whose English initials spell an acronym the article writes, in Latin or letter by
    letter in Devanagari, and names in no Hindi words (`कर्मचारी पेंशन योजना (ईपीएस)` beside
    `एंप्लॉई पेंशन स्कीम`: one name in two languages, the slip itself)."""
    known = ctx.shared.get("acronyms")
    if (known is not None and not known) or last - first >= _LONGEST:
        return False  # the article writes no acronym; more letters than any acronym it can write has
    concepts = ctx.lexicon.concepts
    middle = [_initial(concepts, tokens[i]) for i in range(first, last + 1)]
    if None in middle:
        return False
    # An acronym holds the match's letters and has at most _LONGEST: only that many loans less the
    # match's on each side can be in it (not _RUN_REACH's, each read back: letters no acronym can hold)
    reach = _LONGEST - len(middle)
    left = _initials(concepts, tokens, first - 1, -1, reach)
    right = _initials(concepts, tokens, last + 1, 1, reach)
    run = "".join(reversed(left)) + "".join(middle) + "".join(right)
    if len(run) < 3:
        return False  # shorter than any acronym: the article's acronyms (a map of all its tokens) are not needed
    acronyms = _acronyms(ctx)
    if not acronyms:
        return False
    lo, hi = len(left), len(left) + len(middle)  # the match's letters: run[lo:hi]
    return any(acronyms.get(run[i:j]) is False
               for i in range(lo + 1) for j in range(max(hi, i + 3), min(len(run), i + _LONGEST) + 1))


def _initials(concepts, tokens, i: int, step: int, reach: int = _RUN_REACH) -> list[str]:
    """The English initials of the loans from tokens[i] on, in the direction `step`, over a bracketed
    Latin gloss (`सैटेलाइट (satellite) लॉन्च`), `reach` of them at most (and _RUN_REACH)."""
    found: list[str] = []
    opening, closing = ("(", ")") if step > 0 else (")", "(")
    reach = min(reach, _RUN_REACH)
    while 0 <= i < len(tokens) and len(found) < reach:
        if tokens[i].text == opening:
            j = i + step
            while 0 <= j < len(tokens) and tokens[j].text.isascii() and tokens[j].text != closing \
                    and abs(j - i) < 6:
                j += step
            if not (0 <= j < len(tokens)) or tokens[j].text != closing:
                break
            i = j + step
            continue
        letter = _initial(concepts, tokens[i])
        if letter is None:
            break
        found.append(letter)
        i += step
    return found


_INITIALS: list = [None, {}]  # the concept table the answers are for, and token text -> `_initial`
_UNKNOWN = object()


def _initial(concepts, token) -> str | None:
    """The first letter of the English word a Devanagari loan writes (the concept table's, else a
    read-back of a word Hindi text seldom uses), or None for a Hindi word. Worked out once per
    distinct token text (a token's kind and norm are its text's) while the concept table stays:
    the loans around every match are asked, the same words article after article."""
    memo = _INITIALS
    if memo[0] is not concepts:
        memo[:] = [concepts, {}]
    got = memo[1].get(token.text, _UNKNOWN)
    if got is _UNKNOWN:
        if len(memo[1]) > 200_000:
            memo[1].clear()  # a bound on memory over an endless stream of new words
        got = memo[1][token.text] = _first_letter(concepts, token)
    return got


def _first_letter(concepts, token) -> str | None:
    if token.kind != "deva":
        return None
    hits = concepts.lookup(token.text)
    if hits:
        loan = next((h for h in hits if h.side == "translit"), None)
        return loan.concept.english[0].upper() if loan else None
    if hindi_zipf(token.norm) >= 4.0:
        return None
    reading = english_reading(token.norm, 4)
    return reading[0].upper() if reading else None


def _acronym_letters(text: str) -> str | None:
    """The acronym of three to six letters a token's text writes (`SSLV`, `एसएसएलवी`), else None."""
    bare = text.rstrip("0123456789")
    if bare.isascii():
        return bare if 3 <= len(bare) <= _LONGEST and bare.isalpha() and bare.isupper() else None
    letters = _SPELLED[bare] if _token_info(text)[2] == "deva" else None
    return letters if letters and 3 <= len(letters) <= _LONGEST else None


# letters_spelled per distinct text: its walk tries each letter name's length at each character
_SPELLED = PerWord(letters_spelled)
# The acronym per distinct token text (None for most): one map of the article's token texts through
# it, in compiled code, picks out the few tokens that write one (a set of the article's texts less
# those known to write none, the way before, cost twice that map: 40 against 22 us an article)
_LETTERS = PerWord(_acronym_letters)
_TOKENS = attrgetter("tokens")


def _acronyms(ctx: Context) -> dict[str, bool]:
    """The acronyms of three to six letters the article writes (`SSLV`, `ISRO` in Latin capitals, or
    read out in Devanagari: `एसएसएलवी`), each with whether the article also names it in Hindi words:
    the acronym in brackets right after a Hindi word of its sentence (`कर्मचारी पेंशन योजना (ईपीएस)`).
    Found once per article, where a loan first asks."""
    found = ctx.shared.get("acronyms")
    if found is None:
        found = ctx.shared["acronyms"] = {}
        written = token_texts(ctx)  # the article's tokens' texts, in order
        places = list(compress(count(), map(_LETTERS.__getitem__, written)))  # the tokens writing one
        if not places:
            return found
        concepts, tokens = ctx.lexicon.concepts, ctx.article.tokens
        firsts: set[int] | None = None  # where each sentence after the first starts in `tokens`
        for k in places:
            in_hindi = False
            if k >= 2 and tokens[k - 1].text == "(":
                if firsts is None:
                    firsts = set(accumulate(map(len, map(_TOKENS, ctx.article.sentences))))
                if k not in firsts and k - 1 not in firsts:  # the bracket and the word before: its sentence's
                    before = tokens[k - 2]
                    in_hindi = (before.kind == "deva" and _SPELLED[before.text] is None
                                and _initial(concepts, before) is None)
            # whether any use is so: the order the uses are met in does not matter
            letters = _LETTERS[written[k]]
            found[letters] = found.get(letters, False) or in_hindi
    return found


_SIGNS = frozenset(map(chr, range(0x093E, 0x094D))) | {"\u0901", "\u0902"}  # vowel signs, candrabindu, anusvara


def syllables_in_bracket(tokens, last: int) -> bool:
    """The words ending in the match are abbreviated, by their first syllables, in brackets right after it
    (भारतीय जनता पार्टी (भाजपा), समाजवादी पार्टी (सपा)): a name written out, not the article's word."""
    if not (last + 3 < len(tokens) and tokens[last + 1].text == "(" and tokens[last + 3].text == ")"):
        return False
    short, syllables = tokens[last + 2].text, ""
    for k in range(last, max(-1, last - 4), -1):
        word = tokens[k].text
        if tokens[k].kind != "deva" or not word:
            return False
        n = 1
        while n < len(word) and word[n] in _SIGNS:
            n += 1
        syllables = word[:n] + syllables
        if k < last and short == syllables:
            return True
    return False
