from __future__ import annotations

from audit.core.conventions import CHROME, ENGLISH_LINE, SPEC_LINE, URL
from audit.core.findings import UNSAFE, Fix, Severity
from audit.core.text import fold
from audit.lint.checks.alternation import char_starts
from audit.lint.checks.base import Check, Context
from audit.lint.checks.encoding.encoding_hygiene import drawn_as
from audit.lint.checks.words import DEVANAGARI_SET as _LETTERS

# The short words a Hindi sentence ends in; any other word before a full stop must be three
# characters or more (initials and abbreviations are shorter: आर. के., डॉ., सं.)
_SHORT_ENDINGS = frozenset("है हैं था थे थी थीं की कीं दी दीं ली लीं गई गईं गए हुई हुईं हुए".split())
_MIN_DANDAS = 3  # an article this many dandas into its text has chosen the danda
_DATELINE_WORDS = 2  # a full stop after a line's first word or two closes a dateline (नई दिल्ली.)


class FullStopForDanda(Check):
    """A Hindi sentence ended with a full stop in an article that ends its sentences with the danda.

    Anti-pattern:  बाजार में तेजी रही। निवेशकों ने खरीदारी की. शाम तक सूचकांक चढ़ा।
    Fix:           बाजार में तेजी रही। निवेशकों ने खरीदारी की। शाम तक सूचकांक चढ़ा।

    Read only where the danda is the article's mark (three or more, and at least twice as many as
    such full stops): a desk that ends every sentence with a full stop keeps its style. A full stop
    counts after a Hindi word of three characters or more (or है, था, की, दी, गई, हुए ...) before a space, a
    line's end or the next Hindi word; not after an abbreviation (`glossaries/lexicon/abbreviations.tsv`:
    डॉ., प्रो., कि.मी., also with its vowel typed as two signs: डाॅ.) or an initial (आर. के.), not a dateline's (`नई दिल्ली. ...` at a line's start),
    not before a title's site name (`... | News Track`), nor in English lines, addresses or page chrome.
    Fix safety: unsafe (the danda; a space follows it where the next word was glued on).
    """

    code = "FMT007"
    name = "full-stop-for-danda"
    category = "formatting"
    # Info: punctuation, as FMT010; a desk that wants it enforced raises it in jaanch.toml.
    severity = Severity.INFO
    article_wide = True  # whether the article's mark is the danda

    def run(self, ctx: Context):
        text = ctx.article.text
        conventions = ctx.conventions
        for stop in stops_for_danda(ctx):
            if conventions.kind(stop, stop + 1) in (ENGLISH_LINE, SPEC_LINE, URL, CHROME):
                continue
            glued = stop + 1 < len(text) and text[stop + 1] in _LETTERS
            yield ctx.finding(
                self, stop, stop + 1,
                "a full stop ends this sentence, where the article ends its sentences with the danda",
                [Fix(stop, stop + 1, "। " if glued else "।", applicability=UNSAFE)],
            )


def stops_for_danda(ctx: Context) -> list[int]:
    """The full stops that end Hindi sentences in an article that ends its sentences with the danda
    (what FMT007 reads, before it leaves out English lines and page chrome), or [] in any other article."""
    text = ctx.article.text
    dandas = text.count("।")
    if dandas < _MIN_DANDAS or "." not in text:
        return []
    abbreviations = ctx.lexicon.abbreviations
    lines = ctx.line_view  # (a dateline is a whole line: a lone "\r" ends one too)
    stops = [stop for stop in char_starts(text, ".") if ends_sentence(lines, stop, abbreviations)]
    return [] if 2 * len(stops) > dandas else stops


def ends_sentence(text: str, stop: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at `stop` closes a Hindi sentence: after a whole Hindi word (not an
    initial, an abbreviation or a dateline), before a space, a line's end or a Hindi word."""
    after = text[stop + 1:stop + 2]
    if after and not (after.isspace() or after in _LETTERS):
        return False  # 3.5, .., a stop before a Latin letter or a quote
    start = stop
    while start and text[start - 1] in _LETTERS:
        start -= 1
    word = text[start:stop]
    if not word or (len(word) < 3 and word not in _SHORT_ENDINGS) or fold(word) in abbreviations:
        return False
    if "\u0945" in word and fold(drawn_as(word)) in abbreviations:
        return False  # डाॅ. (ा + ॅ typed for ॉ): the abbreviation with an encoding slip, still an abbreviation
    if start and text[start - 1] == ".":
        return False  # ई.पू., आर.के.: a run of initials
    line_start = line_opening(text, start)
    if line_start is not None and len(text[line_start:stop].split()) <= _DATELINE_WORDS:
        return False  # नई दिल्ली. ...: a dateline
    if text[stop + 1:stop + 4].lstrip(" ").startswith("|"):
        return False  # ... फेंका. | News Track: a title and its site's name
    return True


_OPENING_REACH = 200  # far more than a dateline or a label of a few words takes


def line_opening(text: str, at: int) -> int | None:
    """Where the line holding `at` starts, if that is within `_OPENING_REACH` characters before it; None
    for a line that started further back, whose opening words (a dateline, a label) lie before `at`'s
    sentence. Asked at every mark: a search back to the start of a long line, at each, made a text of one
    long line quadratic."""
    newline = text.rfind("\n", max(0, at - _OPENING_REACH), at)
    if newline >= 0:
        return newline + 1
    return 0 if at <= _OPENING_REACH else None
