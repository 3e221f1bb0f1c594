from __future__ import annotations

import re
import unicodedata
from operator import methodcaller

from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import word_around

_CONSONANT = "\u0915-\u0939\u0958-\u095f"
_SIGN = "\u093e-\u094c"
_NUKTA = "\u093c"
# A sequence that draws like one letter but is typed as two, and its canonical encoding.
_SEQUENCES = {
    "\u0906\u0945": "\u0911",  # आ + ॅ  -> ऑ
    "\u093e\u0945": "\u0949",  # ा + ॅ  -> ॉ
    "\u0905\u093e\u0945": "\u0911",  # अ + ा + ॅ -> ऑ
    "\u093e\u0947": "\u094b",  # ा + े  -> ो
    "\u093e\u0948": "\u094c",  # ा + ै  -> ौ
    "\u0947\u093e": "\u094b",  # े + ा  -> ो (the other order draws the same: प्रदेाष), inside a word only
    "\u0948\u093e": "\u094c",  # ै + ा  -> ौ, inside a word only
    "\u0905\u093e": "\u0906",  # अ + ा  -> आ
    "\u0902\u0902": "\u0902",  # doubled anusvara
    "\u0901\u0901": "\u0901",  # doubled chandrabindu
    _NUKTA * 2: _NUKTA,
}
# At a word's end these are a stray ा after the vowel sign (मामलेा।: मामले), not one vowel typed as two.
_MIDWORD_ONLY = frozenset(("\u0947\u093e", "\u0948\u093e"))
_INVISIBLE = {"\u200b": "", "\u2060": "", "\ufeff": "", "\u00ad": "", "\u2011": "-", "\u00a0": " "}
_JOINERS = "\u200c\u200d"
_LETTER = r"[\u0900-\u0963\u0971-\u097fA-Za-z]"
_INVISIBLE_CHAR = "[\u200b\u2060\ufeff\u00ad\u2011\u00a0]"
# The five kinds of slip, each found on its own by what opens it (searched for, never tried at
# every position), then merged as one alternation `seq|nukta|invisible|joiner|legacy` would find
# them: the leftmost first, the earlier kind where two start at one place, none inside another.
_SEQ_ORDER = sorted(_SEQUENCES, key=len, reverse=True)  # at one place the longest sequence wins
# a nukta typed after a vowel sign (ड + ि + ़ -> ड + ़ + ि) is found by its nukta: a pattern that
# opened with the vowel sign was tried at every other letter
_NUKTA_AT = re.compile(_NUKTA)
_SIGNS = frozenset(map(chr, [*range(0x93E, 0x94D), 0x962, 0x963]))
_CONSONANTS = frozenset(map(chr, [*range(0x915, 0x93A), *range(0x958, 0x960)]))
_INVISIBLE_RUN = re.compile(rf"{_INVISIBLE_CHAR}(?<={_LETTER}{_INVISIBLE_CHAR}){_INVISIBLE_CHAR}*(?={_LETTER})")
_JOINER_RUN = re.compile(
    rf"[{_JOINERS}](?<=[\u0900-\u0963\u0971-\u097f][{_JOINERS}])(?<!\u094d[{_JOINERS}])[{_JOINERS}]*")  # not after a halant
_LEGACY = re.compile("\u094d[\u0904-\u0914]")  # र्ई: a legacy-font converter's halant before a vowel letter
# Other legacy-font converter residue no Hindi word has: a reph typed after a halant (वल्र्ड for वर्ल्ड,
# the converter's glyph order), a vowel sign on the letter अ (अैर), a halant opening a word (्है), and the
# glyph run ङ्क्ष a font's ि + ं leaves (प्रोसेङ्क्षसग for प्रोसेसिंग)
# (each branch opens with its letter, the look-behind after it: searched for, never tried at every position)
_FONT = re.compile("\u094d(?:\u0930\u094d(?=[\u0915-\u0939])|(?<![\u0900-\u097f]\u094d))|\u0905[\u093f-\u094c]"
                   "|\u0919\u094d\u0915\u094d\u0937")
# a nukta on न, र or य (ऩ ऱ य़, precomposed or not), letters of Tamil and Bengali transliteration, inside a
# Hindi word: a legacy-font converter's nukta slipped off the ड or ढ before it (खिलाडिय़ों, बढऩा) or a stray
# one (औऱ); found by the letter, never tried at every position
_SLIPPED = re.compile("[\u0929\u0931\u095f]|[\u0928\u0930\u092f]\u093c")
# न, र and य are among the commonest letters, each a place the pattern is tried: asked first whether any
# of its six forms is in the text at all (six C scans), as it almost never is
_SLIPPED_FORMS = ("\u0929", "\u0931", "\u095f", "\u0928\u093c", "\u0930\u093c", "\u092f\u093c")
_KINDS = ("seq", "nukta", "invisible", "joiner", "legacy", "font", "slipped")
_RARE_SIGNS = ("\u0945", "\u0901", _NUKTA)  # ॅ, ँ, ़
_RARE_SIGN_OF = {seq: next(sign for sign in _RARE_SIGNS if sign in seq) for seq in _SEQUENCES
                 if any(sign in seq for sign in _RARE_SIGNS)}
# The consonants that take a nukta in Hindi (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़, and ऩ ऱ ऴ of older spellings)
_TAKES_NUKTA = frozenset("कखगजडढफयनरळ")
_START = methodcaller("start")


def _slips(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every slip, in text order, as the one alternation would find them."""
    seq_end: dict[int, int] = {}  # every place a sequence starts (overlapping ones too): the merge picks
    # a sequence holding a sign most texts never have (ॅ, ँ, ़) is looked for only where the text has it:
    # one `in` for the sign (a memchr), where each sequence's `find` read the whole text
    absent = {sign for sign in _RARE_SIGNS if sign not in text}
    for seq in _SEQ_ORDER:
        if absent and _RARE_SIGN_OF.get(seq) in absent:
            continue
        at = text.find(seq)
        while at >= 0:
            if seq not in _MIDWORD_ONLY or "\u0900" <= text[at + len(seq) : at + len(seq) + 1] <= "\u0963":
                seq_end.setdefault(at, at + len(seq))  # the longest sequence at a place, as the alternation
            at = text.find(seq, at + 1)
    found: list[tuple[int, int, int]] = [(start, 0, end) for start, end in seq_end.items()]  # (start, kind, end)
    found += [(at - 2, 1, at + 1) for at in map(_START, _NUKTA_AT.finditer(text))
              if at >= 2 and text[at - 1] in _SIGNS and text[at - 2] in _CONSONANTS]
    if any(ch in text for ch in _INVISIBLE):
        found += [(m.start(), 2, m.end()) for m in _INVISIBLE_RUN.finditer(text)]
    if "\u200c" in text or "\u200d" in text:
        found += [(m.start(), 3, m.end()) for m in _JOINER_RUN.finditer(text)]
    found += [(m.start(), 4, m.end()) for m in _LEGACY.finditer(text)]
    if "\u094d" in text or "\u0905" in text:
        found += [_font_span(text, m) for m in _FONT.finditer(text)]
    if any(map(text.__contains__, _SLIPPED_FORMS)):
        found += [span for m in _SLIPPED.finditer(text) if (span := _slipped_span(text, m)) is not None]
    slips: list[tuple[int, int, str]] = []
    pos = 0
    for start, kind, end in sorted(found):
        if start >= pos:  # the first (by start, then kind) at or after the last one's end wins
            slips.append((start, end, _KINDS[kind]))
            pos = end
    return slips


def _font_span(text: str, m: re.Match) -> tuple[int, int, int]:
    """(start, kind, end) of a legacy-font residue: a misplaced reph with the letters on both sides."""
    if m.group().startswith("\u094d\u0930"):
        return m.start() - 1, 5, m.end() + 1
    return m.start(), 5, m.end()


_SLIP_BASE = {"\u0929": "\u0928", "\u0931": "\u0930", "\u095f": "\u092f"}
_NUKTA_HOST = "\u0921\u0922"  # ड ढ, the letters a converter's nukta slips off
_SIGN_OR_NASAL = frozenset(map(chr, [*range(0x93E, 0x94D), 0x901, 0x902]))


def _slipped_fix(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where a nukta on न / र / य starts its slip and what the slip is rewritten as: the nukta moved back
    to a bare ड or ढ with only vowel signs between (खिलाडिय़ों: खिलाड़ियों), else dropped where that makes
    a commoner Hindi word (औऱ: और); None where neither holds (a Tamil name's ऩ)."""
    base = _SLIP_BASE.get(text[start], text[start])
    host = start - 1
    while host >= 0 and text[host] in _SIGN_OR_NASAL:
        host -= 1
    if host >= 0 and text[host] in _NUKTA_HOST and text[host + 1 : host + 2] != _NUKTA:
        return host, text[host] + _NUKTA + text[host + 1 : start] + base
    left, right = word_around(text, start, end)
    written = text[left:right]
    fixed = text[left:start] + base + text[end:right]
    if hindi_zipf(fixed) >= _WORD_ZIPF and hindi_zipf(fixed) > hindi_zipf(written):
        return start, base
    return None


def _slipped_span(text: str, m: re.Match) -> tuple[int, int, int] | None:
    fix = _slipped_fix(text, m.start(), m.end())
    return None if fix is None else (fix[0], 6, m.end())


def has_encoding_slip(text: str) -> bool:
    """Whether a word holds a sequence this check would rewrite (a form never to be offered as a fix)."""
    return bool(_slips(text))


def drawn_as(word: str) -> str:
    """The word with each vowel typed as two signs written as the one it draws (डाॅ, ा + ॅ: डॉ)."""
    for seq in _SEQ_ORDER:
        if seq in word and seq not in _MIDWORD_ONLY:
            word = word.replace(seq, _SEQUENCES[seq])
    return word


_PRECOMPOSED = re.compile("[\u0958-\u095f]")
# asked of the text one letter at a time (compiled scans), not by the class tried at every character
_PRECOMPOSED_LETTERS = tuple(map(chr, range(0x958, 0x960)))
_DECOMPOSED_NUKTA = re.compile(f"[{_CONSONANT}]{_NUKTA}")


_AA_CANDRA = "\u093e\u0945"  # ा + ॅ, which draws ॉ
# a word Hindi text uses, by wordfreq's zipf: what the ा reading of ा + ॅ must be where the ॉ one is none
_WORD_ZIPF = 3.0


def _meant_aa(text: str, start: int, end: int) -> bool:
    """Whether the word holding ा + ॅ at [start, end) is no word drawn with ॉ (zipf 0: कॉर्बन) but one
    Hindi text writes with ा alone (zipf 3+: कार्बन): the ॅ is a stray key, not half of ॉ (बाॅलीवुड,
    डाॅक्टर stay ॉ: बॉलीवुड and डॉक्टर are words)."""
    left, right = word_around(text, start, end)
    word = text[left:right]
    cut = start - left
    drawn = drawn_as(word)
    plain = drawn_as(word[:cut] + "\u093e" + word[cut + 2:])
    return hindi_zipf(drawn) == 0 and hindi_zipf(plain) >= _WORD_ZIPF


def _font_why(found: str) -> str:
    if found.startswith("\u0919\u094d"):
        return "ङ्क्ष, a legacy font's ि + ं left unconverted: a legacy-font conversion slip"
    if found.startswith("\u0905"):
        return "a vowel sign on the letter अ: a legacy-font conversion slip"
    if found == "\u094d":
        return "a halant opening a word: a legacy-font conversion slip"
    return "a reph typed after a halant (वल्र्ड for वर्ल्ड): a legacy-font conversion slip"


class EncodingHygiene(Check):
    """Devanagari that looks right on screen but is encoded wrongly, so search and hyphenation miss it.

    Anti-pattern:  बाॅलीवुड (ा + ॅ)   माेहल्ला (ा + े)   खिलाडि़यों (nukta after ि)   इंंडिया
                   अलग‑अलग (U+2011)   फ़ोन and फ़िल्म (precomposed beside decomposed nukta)
    Fix:           बॉलीवुड   मोहल्ला   खिलाड़ियों   इंडिया   अलग-अलग   one nukta encoding (NFC)

    A zero-width joiner or non-joiner after a halant shapes a conjunct on purpose and passes. ा + ॅ in a
    word that no text draws with ॉ but Hindi writes with ा alone (काॅर्बन: कार्बन, not कॉर्बन) loses its ॅ.
    Fix safety: safe, the fixed text draws the same, except a nukta closing a word after ॉ (डॉ़ एम के
    सिंह), the abbreviation dot typed with the wrong key: `डॉ.` is offered as unsafe, and a nukta after
    the vowel sign of a consonant that takes none (रहे़), dropped as unsafe; a halant before a vowel letter (हुर्ई) is
    reported without a fix, since which letter was meant needs a reader, and so is other legacy-font
    residue no Hindi word has (वल्र्ड, अैर, ्है, प्रोसेङ्क्षसग). A nukta on न / र / य inside a Hindi word
    slipped off the ड or ढ before it (खिलाडिय़ों, बढऩा) goes back there, or is dropped where that gives a
    commoner word (औऱ: और): safe, the word is certain; a Tamil name's ऩ (मुरुगऩ) passes.
    """

    code = "ENC001"
    name = "encoding-hygiene"
    category = "encoding"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        for start, end, kind in _slips(text):
            found = text[start:end]
            if kind == "seq":
                if found == _AA_CANDRA and _meant_aa(text, start, end):
                    # काॅर्बन: no word draws कॉर्बन, Hindi writes कार्बन; the stray ॅ goes
                    yield self._one(ctx, start, end, "\u093e", "ा + ॅ typed where the word has ा alone")
                else:
                    yield self._one(ctx, start, end, _SEQUENCES[found], "typed as two signs")
            elif kind == "nukta":
                if found[1] == "\u0949" and not "\u0900" <= text[end : end + 1] <= "\u097f":
                    # डॉ़ एम के: a nukta closing a word after ॉ is the abbreviation dot typed with the
                    # wrong key (ड़ॉ is no word's start); the dot is the likely reading, not a sure one
                    yield self._one(ctx, start, end, found[:2] + ".", "a nukta typed for the abbreviation dot",
                                    applicability=UNSAFE)
                elif found[0] not in _TAKES_NUKTA:
                    # रहे़: ह takes no nukta in Hindi, so moving it would make a letter no word has; the
                    # stray dot goes (unsafe: what the typist meant there needs a reader)
                    yield self._one(ctx, start, end, found[:2], "a stray nukta after the vowel sign",
                                    applicability=UNSAFE)
                else:
                    yield self._one(ctx, start, end, found[0] + _NUKTA + found[1], "nukta typed after the vowel sign")
            elif kind == "invisible":
                fixed = "".join(_INVISIBLE[ch] for ch in found)
                what = ", ".join(sorted({unicodedata.name(ch).lower() for ch in found}))
                yield self._one(ctx, start, end, fixed, f"stray {what} inside a word")
            elif kind == "joiner":
                yield self._one(ctx, start, end, "", "stray zero-width joiner inside a word")
            elif kind == "legacy":
                yield ctx.finding(self, start - 1, end, "a halant before a vowel letter: a legacy-font conversion slip")
            elif kind == "font":
                yield ctx.finding(self, start, end, _font_why(found))
            else:
                fixed = _slipped_fix(text, end - 1 - (text[end - 1] == _NUKTA), end)[1]
                yield self._one(ctx, start, end, fixed, "a nukta no Hindi word has here, slipped off its letter"
                                if fixed[1:2] == _NUKTA else "a stray nukta no Hindi word has here")
        if any(map(text.__contains__, _PRECOMPOSED_LETTERS)) and _DECOMPOSED_NUKTA.search(text):
            for m in _PRECOMPOSED.finditer(text):
                # Invisible on screen and harmless to readers: told, not warned.
                yield self._one(ctx, m.start(), m.end(), unicodedata.normalize("NFD", m.group()),
                                "nukta letter encoded precomposed beside decomposed ones", Severity.INFO)

    def _one(self, ctx: Context, start: int, end: int, fixed: str, why: str, severity: Severity | None = None,
             applicability=SAFE):
        message = f"{why}: write '{fixed}'" if fixed.strip() else f"{why}: delete it"
        return ctx.finding(self, start, end, message, [Fix(start, end, fixed, applicability=applicability)],
                           severity=severity)
