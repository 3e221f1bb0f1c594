"""Latin letters as Hindi reads them out (AI → एआई, SSLV → एसएसएलवी), shared by the checks that meet
acronyms and initials: TERM003 (an acronym beside its spelling out, a word after an initial) and
ANGL004 (a loan in the spelt-out name of an acronym)."""

from __future__ import annotations

from audit.core.document import Token

# Acronyms are read letter by letter in Hindi: AI → एआई, R1 → आर 1.
LETTER_NAMES = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड".split(),
))


# A letter's name standing for an initial (यू मुंबा, जे. पी. नगर); not the names that are also common
# words (के the postposition, जी the honorific, आई came, ओ and ए the vocatives).
INITIALS = frozenset(LETTER_NAMES.values()) - {"के", "जी", "आई", "ओ", "ए"}


def follows_initial(text: str, tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] follows an initial (a letter's name, or one Latin capital), one space apart
    or after the initial's dot: the second word of a name like यू मुंबा, वी. मुंबा, U मुंबा. Asked of
    the few tokens a check wonders about, not of every token in the article (a Python step per token)."""
    if i < 1:
        return False
    tok, prev = tokens[i], tokens[i - 1]
    if prev.text == "." and i >= 2 and tokens[i - 2].end == prev.start:
        prev = tokens[i - 2]  # वी. मुंबा: the initial's dot
    word = prev.text
    return ((word in INITIALS or (len(word) == 1 and "A" <= word <= "Z"))
            and text[prev.end : tok.start].strip(". ") == "" and tok.start - prev.end <= 2)


def spell_acronym(token: str) -> str | None:
    """A Latin acronym of two to six capitals read out in Devanagari (AI -> एआई, R1 -> आर1), else None."""
    letters = token.rstrip("0123456789")
    if not (2 <= len(token) <= 6 and letters.isupper() and letters.isalpha()):
        return None
    return "".join(LETTER_NAMES[c] for c in letters) + token[len(letters):]


_LETTER_OF = {name: letter for letter, name in LETTER_NAMES.items()}
_LETTER_SPELLINGS = frozenset(_LETTER_OF)
_LETTER_LENGTHS = sorted({len(name) for name in _LETTER_SPELLINGS})


def letters_spelled(form: str) -> str | None:
    """The Latin letters a Devanagari form reads out one by one (एसएसएलवी -> SSLV; a number after
    them dropped), or None where it is not letters' names all through."""
    form = form.replace(" ", "").rstrip("0123456789")
    ends: dict[int, str] = {0: ""}
    for i in range(1, len(form) + 1):
        for n in _LETTER_LENGTHS:
            if i - n in ends and form[i - n : i] in _LETTER_SPELLINGS:
                ends[i] = ends[i - n] + _LETTER_OF[form[i - n : i]]
                break
    return ends.get(len(form)) if form else None
