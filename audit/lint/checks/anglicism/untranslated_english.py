from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter

from audit.core.conventions import HEADLINE
from audit.core.findings import Severity
from audit.language.wordstats import english_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import LINE_END_AFTER, sentences_with_latin

_KIND = attrgetter("kind")


class UntranslatedEnglish(Check):
    """English words left in Latin script inside a Hindi sentence.

    Anti-pattern:  कंपनी ने distillation तकनीक का इस्तेमाल किया।
    Fix:           कंपनी ने आसवन (डिस्टिलेशन) तकनीक का इस्तेमाल किया।
    Only lower-case English words count: names and acronyms in Latin script are a house
    style choice (the glossary and TERM002/TERM003 look after them), and Hindi news conventions are
    left alone: bracketed glosses `चांदी का दाम (silver rate today)`, English kickers `Price hike:`,
    English lines (a caption, a byline, a tweet), page chrome, web addresses, a quoted English
    title or tagline (three or more Latin words opened by a capital: `More than you expect`), an
    SEO tag closing a line after a separator (`… पर निशाना - jan ashirvad yatra`), a word alone in
    quotes (the word mentioned: नाम में "formula" …), a step of a menu path (`settings > battery`), a
    run named as such by the words after it (`… पर happy farm के नाम से`, `daily fun नामक`: a channel, a handle)
    and a word listed beside a brand written with an inner capital (`YouTube या blogger`: another platform's name).
    """

    code = "ANGL003"
    name = "untranslated-english"
    category = "anglicism"
    severity = Severity.WARNING
    defaults = {"min_english_zipf": 2.5, "min_hindi_share": 0.6}

    def run(self, ctx: Context):
        names = ctx.glossary.latin
        min_zipf = ctx.setting(self, "min_english_zipf")
        min_share = ctx.setting(self, "min_hindi_share")
        conventions = ctx.conventions
        # only a sentence with a Latin token is read (one needs an ASCII letter): most have none
        for sent, latin, hindi in latin_tokens(ctx):
            if not latin:
                continue
            tokens = sent.tokens
            if hindi / (hindi + len(latin)) < min_share:
                continue
            quoted = None  # worked out when a word first asks
            for i in latin:
                tok = tokens[i]
                text = tok.text
                if not text.isalpha() or not text.islower() or len(text) < 3:
                    continue
                if (tok.key,) in names or english_zipf(text) < min_zipf:
                    continue
                if quoted is None:
                    quoted = (_quoted_titles(tokens, latin) | _seo_tails(ctx.article.text, tokens, latin)
                              | _named_runs(ctx.article.text, tokens, latin))
                if i in quoted or mentioned_or_in_path(ctx.article.text, tok.start, tok.end):
                    continue
                if conventions.kind(tok.start, tok.end) not in (None, HEADLINE):
                    continue
                if _listed_with_brand(tokens, i):
                    continue  # YouTube या blogger: a platform's name written in lower case, listed with another
                yield ctx.finding(
                    self, tok.start, tok.end,
                    f"'{text}' is English left untranslated in a Hindi sentence",
                    confidence=0.8,
                )


_QUOTES = "\"'“”‘’"
_LIST_WORDS = frozenset(["या", "और", "व", "एवं", "तथा", "अथवा", ",", "/"])


def _brand(word: str) -> bool:
    """A Latin name written with a capital inside it (YouTube, WhatsApp, LinkedIn): a brand's spelling."""
    return word.isalpha() and word[:1].isupper() and any(c.isupper() for c in word[1:]) and not word.isupper()


def _listed_with_brand(tokens, i: int) -> bool:
    """The word is listed, with या, और or a comma, beside a brand written with an inner capital (`YouTube
    या blogger`): another platform's name, in lower case, not an English word of the sentence."""
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= a < len(tokens) and tokens[b].text in _LIST_WORDS and _brand(tokens[a].text):
            return True
    return False
_PATH_MARKS = (">", "»", "›")


def mentioned_or_in_path(text: str, start: int, end: int) -> bool:
    """Whether the Latin word at [start, end) stands alone in quotes (नाम में "formula" का अर्थ: the word
    mentioned, or a title) or is a step of a menu path or breadcrumb (`Settings > Battery > App Usage`:
    the labels as the screen shows them), not an English word used in the sentence."""
    if text[start - 1 : start] in _QUOTES and text[start - 1 : start] != "" and text[end : end + 1] in _QUOTES \
            and text[end : end + 1] != "":
        return True
    return (text[max(0, start - 4) : start].rstrip(" \t").endswith(_PATH_MARKS)
            or text[end : end + 4].lstrip(" \t").startswith(_PATH_MARKS))


def latin_tokens(ctx: Context) -> list[tuple[object, list[int], int]]:
    """(sentence, where its Latin tokens are, how many Devanagari tokens it has) for each sentence
    holding an ASCII letter (`sentences_with_latin`): worked out once per article for ANGL003 and
    ANGL005, which both weigh a sentence's Latin words against its Hindi ones."""
    found = ctx.shared.get("latin tokens")
    if found is None:
        found = ctx.shared["latin tokens"] = []
        for sent in sentences_with_latin(ctx):
            kinds = list(map(_KIND, sent.tokens))
            found.append((sent, list(compress(range(len(kinds)), map("latin".__eq__, kinds))), kinds.count("deva")))
    return found


def _runs(latin: list[int]):
    """(first, last) positions in `latin` of each run of consecutive token indices: a Latin phrase.
    `latin`: the indices of the Latin tokens, in order."""
    k = 0
    while k < len(latin):
        j = k
        while j + 1 < len(latin) and latin[j + 1] == latin[j] + 1:
            j += 1
        yield k, j
        k = j + 1


def _quoted_titles(tokens, latin: list[int]) -> set[int]:
    """Indices of Latin runs of three or more words opened by a capital: a title or tagline."""
    out: set[int] = set()
    for k, j in _runs(latin):
        if j - k >= 2 and tokens[latin[k]].text[:1].isupper():
            out.update(range(latin[k], latin[j] + 1))
    return out


_SEPARATORS = ("-", "–", "|")


def _seo_tails(text: str, tokens, latin: list[int]) -> set[int]:
    """Indices of a run of two or more Latin words that closes its line after a separator (`… साधा
    निशाना - jan ashirvad yatra`): a page's SEO tag, romanised Hindi or English, not a word of the
    sentence."""
    out: set[int] = set()
    for k, j in _runs(latin):
        first, last = tokens[latin[k]], tokens[latin[j]]
        if (j > k and LINE_END_AFTER.match(text, last.end)
                and text[max(0, first.start - 4):first.start].rstrip(" \t").endswith(_SEPARATORS)):
            out.update(range(latin[k], latin[j] + 1))
    return out


# What names the Latin run before it: (के) नाम से / नाम का / नामक, after an optional closing quote
_NAMED_AS = re.compile("[\"'”’]?[ \t]*(?:(?:के|का|की)[ \t]+)?नाम(?:क|[ \t]+(?:से|के|का|की))(?![\u0900-\u097f])")


def _named_runs(text: str, tokens, latin: list[int]) -> set[int]:
    """Indices of a Latin run followed by words that name it (`its a farm के नाम से जाना जाता`, `daily fun
    नामक चैनल`): a channel's, a page's or a handle's name, not English words of the sentence."""
    out: set[int] = set()
    for k, j in _runs(latin):
        if _NAMED_AS.match(text, tokens[latin[j]].end):
            out.update(range(latin[k], latin[j] + 1))
    return out
