from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE, SPEC_LINE, URL
from audit.core.findings import DISPLAY_ONLY, SAFE, Fix, Severity
from audit.lint.checks.alternation import char_starts, matches_at
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.formatting.full_stop import stops_for_danda
from audit.lint.checks.slots import CLAUSE_ENDS
from audit.lint.checks.words import DEVANAGARI_SET as _DEV_SET, latin_runs  # _DEV_SET: what [{_DEV}] matches

# Devanagari letters, vowel signs and nukta: a word character of Hindi text.
_DEV = "\u0900-\u0963\u0971-\u097f"
_WORD = f"{_DEV}A-Za-z"

_SPACE = "[ \t\u00a0]"

# Each pattern flags exactly the characters the fix replaces; group "gap" is the span to rewrite.
# Each opens with the character it is about and looks behind only after it: a pattern that opens
# with a look-behind is tried at every position of the text, these only where such a character stands.
_SPACES = frozenset(" \t\u00a0")


_CLOSING = ",।?!)"
_LAST_MARKS: list = [None, None]  # the last text's places of _CLOSING (two rules read them)


def _closing_marks(text: str) -> list[int]:
    """Where each of _CLOSING stands, found once per text: the danda-and-comma rule reads its places
    from these (finding the dandas and commas again was about 60 `str.find` calls an article)."""
    if _LAST_MARKS[0] is not text:
        _LAST_MARKS[:] = [text, char_starts(text, _CLOSING)]
    return _LAST_MARKS[1]


# What the danda-and-comma rule needs right after its mark: a Devanagari character (its class) or a
# Latin letter (after a danda)
_GLUED_AFTER = _DEV_SET | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _dandas_and_commas(text: str) -> list[int]:
    """The dandas and commas the rule can match at: those with a letter right after them (most have a
    space or a line's end there, and a regex match tried at each cost more than this test)."""
    return [at for at in _closing_marks(text) if text[at] in "।," and text[at + 1 : at + 2] in _GLUED_AFTER]


def _runs_before_marks(text: str, places: list[int] | None = None) -> list[int]:
    """Where each run of spaces right before a closing mark (at `places`, by default each of _CLOSING)
    starts (each run is walked once)."""
    starts = []
    for mark in _closing_marks(text) if places is None else places:
        if mark and text[mark - 1] in _SPACES:
            start = mark - 1
            while start > 0 and text[start - 1] in _SPACES:
                start -= 1
            starts.append(start)
    return starts


def _runs_before_stops(text: str) -> list[int]:
    """Where each run of spaces right before a full stop starts; a text with none (most) is not walked."""
    if " ." not in text and "\t." not in text and "\u00a0." not in text:
        return []
    return _runs_before_marks(text, char_starts(text, "."))


# A sentence's closing verb before a full stop glued to the next sentence (`है.ऐसे`, `दिया.रिलायंस`): a
# finite verb or auxiliary, or a future form (देगी, होगा, करेंगे: -गा/-गी/-गे after a vowel sign). Any
# other word before a glued stop may be an abbreviation, which Hindi writes with a full stop and often no
# space (डॉ.राम, प्रो.सिंह, कि.मी., ए.के.): those are left alone.
_FUTURE = re.compile("[\u0947\u094b\u0948\u0902\u0901\u090f](?:गा|गी|गे|गीं)$")


def _clause_end(word: str) -> bool:
    return word in CLAUSE_ENDS or _FUTURE.search(word) is not None


def _glued_stops(text: str) -> list[int]:
    """Each full stop with a Devanagari letter right after it and a sentence's closing verb right before
    it (`_clause_end`); a text with no full stop before a Devanagari letter (most) is not walked."""
    found = []
    for at in char_starts(text, "."):
        if text[at + 1 : at + 2] in _DEV_SET and at and text[at - 1] in _DEV_SET:
            start = at - 1
            while start and text[start - 1] in _DEV_SET:
                start -= 1
            if _clause_end(text[start:at]):
                found.append(at)
    return found


def _closed_glosses(text: str) -> list[int]:
    """Each closing bracket with a Devanagari letter right after it (`(Ukraine)ने`)."""
    return [at for at in char_starts(text, ")") if text[at + 1 : at + 2] in _DEV_SET]


_OPENING = re.compile(r"\(")
_SPACE_RUN = re.compile(f"{_SPACE}{{2,}}")


def _after_openings(text: str) -> list[int]:
    """Right after each opening bracket."""
    return [m.end() for m in _OPENING.finditer(text)] if "(" in text else []


_CAPS_GLUE = re.compile(rf"[{_DEV}](?=[A-Z]{{2}})|[A-Z](?=[A-Z][{_DEV}])")  # (the reference: tests)
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _caps_junctions(text: str, runs: list[tuple[int, int]]) -> list[int]:
    """Where a Devanagari letter or sign meets two Latin capitals, either way round (`अलर्टIMD`,
    `BJPसांसद`): the place between them.

    What `_CAPS_GLUE` finds (`m.start() + 1` or `+ 2`), read from the article's maximal runs of
    `[A-Za-z0-9+]` (`runs`, words.latin_runs): two capitals after a Devanagari character open such a
    run, and two before one close it, as no Devanagari character is in the run's class. The pattern, an
    alternation with no common opening, was tried at every position of the article."""
    found = []
    for start, end in runs:
        if end - start < 2:
            continue
        if start and text[start - 1] in _DEV_SET and text[start] in _CAPITALS and text[start + 1] in _CAPITALS:
            found.append(start)
        if end < len(text) and text[end] in _DEV_SET and text[end - 2] in _CAPITALS and text[end - 1] in _CAPITALS:
            found.append(end)
    return found


def _space_runs(text: str) -> list[int]:
    """Where each run of two or more spaces starts (a text without one, most, is not searched)."""
    if "  " not in text and "\t" not in text and "\u00a0" not in text:
        return []
    return [m.start() for m in _SPACE_RUN.finditer(text)]


# Each rule has places it can start cheap to find (a space run before a mark, a danda or a comma,
# an opening bracket, a run of spaces) and is tried only there (`matches_at`, the same matches as a
# search of every position): a pattern opening with a space class is tried at every space.
_RULES: tuple[tuple[re.Pattern[str], str, str, object], ...] = (
    # `है ।`, `रु ,`, `(Russia )`: a space before closing punctuation. A line-initial mark is left alone.
    (re.compile(rf"(?P<gap>{_SPACE}(?<=[{_WORD}\d%)'\"”’]{_SPACE}){_SPACE}*)(?=[,।?!)](?:\s|$|[{_WORD}]))"),
     "", "no space before '{mark}'", _runs_before_marks),
    # `ओले बरसे . मौसम`: a space before a full stop ending a Hindi sentence (not an ellipsis `...`, a
    # decimal `.5` or a Latin word's stop: only after a Hindi word, before a space or the line's end;
    # nor the first dot of a spaced ellipsis `जीतेंगे . . . और`, a space before each of its dots)
    (re.compile(rf"(?P<gap>{_SPACE}(?<=[{_DEV}]{_SPACE}){_SPACE}*)(?=\.(?:\s|$))(?!\.{_SPACE}+\.)"),
     "", "no space before '{mark}'", _runs_before_stops),
    # `है।पुलिस`, `मिला,आईपीएल`, `है.ऐसे`: no space after a danda or a comma between words.
    # Digits are left alone on both sides (1,200; 3.5) and so is a full stop between Latin letters (e.g. U.S.).
    (re.compile(rf"(?P<gap>[।,])(?<=[{_DEV}][।,])(?=[{_DEV}])|(?P<gap2>।)(?<=[{_WORD}]।)(?=[A-Za-z])"),
     "{mark} ", "a space after '{mark}'", _dandas_and_commas),
    # `है.ऐसे`, `देगी.पहले`: a full stop ending a sentence glued to the next one (only after a closing
    # verb: `_glued_stops`; an abbreviation's stop, डॉ.राम, is left alone)
    (re.compile(rf"(?P<gap>\.)(?=[{_DEV}])"), ". ", "a space after '{mark}'", _glued_stops),
    # `(Ukraine)ने`, `)का`: a closing bracket glued to the Hindi word after it
    (re.compile(rf"(?P<gap>\))(?=[{_DEV}])"), ") ", "a space after '{mark}'", _closed_glosses),
    # `झारखंड:पाकुड़`, `City News:शहर`: no space after a colon before a Hindi word. Not between digits
    # (10:30, 2:1), not before Latin (`Updated:Fri`, https:), and not in a spec line (`रंग:लाल`).
    (re.compile(rf"(?P<gap>:)(?<=[{_WORD})'\"’”]:)(?=[{_DEV}])"),
     ": ", "a space after ':'", lambda text: char_starts(text, ":")),
    # `वाराणसी :जिले`: a dateline's or label's colon spaced from its word and glued to the next one (the
    # space belongs after it); the same exclusions as the colon above (spec lines, addresses, English)
    (re.compile(rf"(?P<gap>{_SPACE}(?<=[{_DEV}]{_SPACE}){_SPACE}*:)(?=[{_DEV}])"),
     ": ", "the space after ':', not before it", lambda text: _runs_before_marks(text, char_starts(text, ":"))),
    # `यूक्रेन(Ukraine)`, `3डी(3D)`, `Fund(IMF)`, `है?(What`: a bracketed gloss glued to the word before it
    # (not after a digit: a section's clause, धारा 144(1), नियम 3(क); after a Latin word, a gloss of letters)
    (re.compile(rf"(?P<gap>\()(?:(?<=[{_DEV}]\()(?=[{_WORD}\d])|(?<=[A-Za-z?]\()(?=[{_WORD}]))"),
     " (", "a space before '('", None),
    # `( Ukraine`: a space just inside an opening bracket.
    (re.compile(rf"(?P<gap>{_SPACE}(?<=\({_SPACE}){_SPACE}*)(?=[{_WORD}\d])"),
     "", "no space after '('", _after_openings),
    # `कहा, ‘‘ राष्ट्रपति`: a space just inside an opening curly quote (one that opens: at a line's start or
    # after a space or a bracket; a straight quote opens and closes alike and is left alone)
    (re.compile(rf"(?<![^\s(])[“‘]{{1,2}}(?P<gap>{_SPACE}+)(?=[{_WORD}\d])"),
     "", "no space after the opening quote", lambda text: char_starts(text, "“‘")),
    # `अलर्टIMD`, `BJPसांसद`: a Hindi word and a Latin acronym (two capitals or more) run together.
    (re.compile(rf"(?P<gap>)(?<=[{_DEV}])(?=[A-Z]{{2}})|(?P<gap2>)(?<=[A-Z]{{2}})(?=[{_DEV}])"),
     " ", "a space between a Hindi word and Latin capitals", _caps_junctions),  # (given the Latin runs)
    # `मिशन  है`: a run of spaces between two words of one line.
    (re.compile(rf"(?P<gap>{_SPACE}(?<=\S{_SPACE}){_SPACE}+)(?=\S)"),
     " ", "one space between words", _space_runs),
)


class PunctuationSpace(Check):
    """Spacing around punctuation as Hindi typesetting has it: none before `।` `,` `?` `!` `)` (nor
    before a full stop ending a Hindi sentence: `ओले बरसे . मौसम`),
    none after `(` or an opening curly quote (`‘‘ राष्ट्रपति`), one after `।`, `,` and a colon before a Hindi word (and none before the colon: `वाराणसी :जिले`) (`झारखंड:पाकुड़`, a kicker `City News:शहर`),
    one after a full stop that closes a sentence on its verb (`है.ऐसे`; not an abbreviation's, डॉ.राम)
    and after `)` before a Hindi word (`(ISRO)का`), one before `(` after a word or a question mark (`Fund(IMF)`, `3डी(3D)`; not a clause number, धारा 144(1)), one between words, and one between a Hindi word and a Latin acronym run into it
    (`अलर्टIMD`, `BJPसांसद`).

    Anti-pattern:  सिलसिला जारी है । पुलिस ने कहा,आरोपी फरार है।जांच जारी है।  रूस(Russia ) ने
    Fix:           सिलसिला जारी है। पुलिस ने कहा, आरोपी फरार है। जांच जारी है।  रूस (Russia) ने

    A danda spaced before and glued after (`होगी ।इसमें`) gets its space moved behind it after a clause's
    verb; after any other word (`के ।लिए`) it is a stray danda inside a phrase, and deleting it is only shown.
    Fix safety: safe (applied by `--fix` once a desk raises the severity; info is never fixed). Only white space changes, and only between a word and its punctuation; digits
    (1,200 / 3.5), Latin abbreviations (U.S.) and the indentation at a line's start are left alone.
    Page chrome is not the article's text: a breadcrumb (`Homeबिज़नेसखबर,शीर्षक`), a related-links
    line (`ये भी देखें । ...`) and a `Read More` glued to the last sentence are left alone, and so is an
    ASCII colon typed for the visarga inside a word (दु:खद, नि:शुल्क: a common convention, not a
    missing space; the word written with the visarga is one Hindi text knows).
    """

    code = "FMT010"
    name = "punctuation-space"
    category = "formatting"
    # Info: typography, not meaning. Human references slip here too (5 of IndicMT's 300), and a
    # desk that wants it enforced raises it in jaanch.toml ([severity] FMT010 = "warning").
    severity = Severity.INFO

    def run(self, ctx: Context):
        text = ctx.article.text
        conventions = ctx.conventions
        taken: set[int] = set()
        danda_stops: set[int] | None = None  # FMT007's, worked out at the first glued full stop (few articles have one)
        for pattern, replacement, message, starts in _RULES:
            places = (None if starts is None else _caps_junctions(text, latin_runs(ctx))
                      if starts is _caps_junctions else starts(text))
            for m in pattern.finditer(text) if places is None else matches_at(pattern, text, places):
                group = "gap" if m.group("gap") is not None else "gap2"
                start, end = m.span(group)
                if start in taken:
                    continue
                taken.add(start)
                if CHROME in (conventions.kind(start, end), conventions.kind(end, end + 1) if end < len(text) else None):
                    continue
                if text[start] == ".":
                    if danda_stops is None:
                        danda_stops = set(stops_for_danda(ctx))
                    if start in danda_stops or conventions.kind(start, end) in (URL, ENGLISH_LINE):
                        continue  # FMT007 turns that stop into a danda and a space: one problem, one finding
                if text[end - 1] == ":" and conventions.kind(start, end) in (SPEC_LINE, URL, ENGLISH_LINE):
                    continue  # `label:value` spec lists are the site's layout
                if text[start] == "(" and conventions.kind(start, end) == URL:
                    continue  # a bracket inside an address (wiki/Foo_(bar)) is the address's
                if text[start] == ":" and _colon_for_visarga(text, start):
                    continue  # दु:खद, नि:शुल्क: an ASCII colon typed for the visarga, inside one word
                if message.startswith("no space before"):
                    mark = text[end]
                else:
                    mark = text[start:end].strip() or text[start:end]
                fixed = replacement.format(mark=mark)
                span_start, span_end = _word_around(text, start, end)
                fix = Fix(start, end, fixed, applicability=SAFE)
                if message.startswith("no space before") and mark == "।" and text[end + 1 : end + 2] in _DEV_SET:
                    fix = _danda_between_words(text, span_start, start, end)
                yield ctx.finding(self, span_start, span_end, message.format(mark=mark.strip() or "space"), [fix])


def _danda_between_words(text: str, word_start: int, start: int, end: int) -> Fix:
    """The fix for a danda with spaces before it (start..end) and a letter glued after it: after a clause's
    verb (`होगी ।इसमें`) a sentence ends and the space goes behind the danda (safe); after any other word
    (`के ।लिए`) the danda is a stray key inside a phrase: deleting it is shown, never applied."""
    if _clause_end(text[word_start:start]):
        return Fix(start, end + 1, "। ", applicability=SAFE)
    return Fix(start, end + 1, " ", applicability=DISPLAY_ONLY)


_VISARGA_WORD_ZIPF = 2.0  # the word with the visarga is one Hindi text writes (दुःखद 3.1), not two glued words


def _colon_for_visarga(text: str, at: int) -> bool:
    """Whether the colon at `at`, glued to Devanagari on both sides, stands for the visarga of one word
    (दु:खद, नि:शुल्क: a common typing convention): written with the visarga, the word is a known one."""
    start, end = _word_around(text, at, at + 1)
    return hindi_zipf(text[start:at] + "\u0903" + text[at + 1 : end].rstrip(",।.?!)\"'”’")) >= _VISARGA_WORD_ZIPF


def _word_around(text: str, start: int, end: int, reach: int = 30) -> tuple[int, int]:
    """The gap widened to the words it sits between, so an editor sees what is glued or spaced."""
    left, right = start, end
    while left > 0 and not text[left - 1].isspace() and start - left < reach:
        left -= 1
    while right < len(text) and not text[right].isspace() and right - end < reach:
        right += 1
    return left, right
