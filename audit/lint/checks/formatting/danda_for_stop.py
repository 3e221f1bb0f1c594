from __future__ import annotations

from audit.core.conventions import CHROME, ENGLISH_LINE, SPEC_LINE, URL
from audit.core.findings import UNSAFE, Fix, Severity
from audit.lint.checks.alternation import char_starts
from audit.lint.checks.base import Check, Context
from audit.lint.checks.formatting.full_stop import ends_sentence, line_opening

_MIN_STOPS = 3  # an article this many full stops into its sentences has chosen the full stop
# A danda after a line's first few words closes a dateline or a label (भोपाल।, नई दिल्ली 01 अक्टूबर।,
# ... वेबडेस्क।, ये भी देखें ।), a house style of its own, not a sentence's end
_LABEL_WORDS = 5
_DANDA = "\u0964"


class DandaForFullStop(Check):
    """A Hindi sentence ended with a danda in an article that ends its sentences with the full stop.

    Anti-pattern:  बाजार में तेजी रही. निवेशकों ने खरीदारी की। शाम तक सूचकांक चढ़ा. दाम स्थिर रहे.
    Fix:           बाजार में तेजी रही. निवेशकों ने खरीदारी की. शाम तक सूचकांक चढ़ा. दाम स्थिर रहे.

    FMT007's other side: read only where the full stop is the article's mark (three or more full stops
    that end Hindi sentences, as FMT007 counts them, and at least twice as many as dandas). A danda that
    closes a line's first five words or fewer is a dateline or a label (भोपाल।, जनता से रिश्ता
    वेबडेस्क।) and is left, as are English lines, spec lines, addresses and page chrome.
    Fix safety: unsafe (the full stop, in place of the danda and any space before it).
    """

    code = "FMT012"
    name = "danda-for-full-stop"
    category = "formatting"
    # Info: punctuation, as FMT007; a desk that wants it enforced raises it in jaanch.toml.
    severity = Severity.INFO
    article_wide = True  # whether the article's mark is the full stop

    def run(self, ctx: Context):
        text = ctx.article.text
        dandas = text.count(_DANDA)
        if not dandas or text.count(".") < max(_MIN_STOPS, 2 * dandas):
            return  # most articles: no danda, or too few full stops for any count to choose them
        lines = ctx.line_view
        abbreviations = ctx.lexicon.abbreviations
        stops = sum(1 for stop in char_starts(text, ".") if ends_sentence(lines, stop, abbreviations))
        if stops < max(_MIN_STOPS, 2 * dandas):
            return
        conventions = ctx.conventions
        for danda in char_starts(text, _DANDA):
            line_start = line_opening(lines, danda)
            if line_start is not None and len(text[line_start:danda].split()) <= _LABEL_WORDS:
                continue
            if conventions.kind(danda, danda + 1) in (ENGLISH_LINE, SPEC_LINE, URL, CHROME):
                continue
            word_end = danda
            while word_end and text[word_end - 1] == " ":  # (stops at the line's end: no space)
                word_end -= 1
            yield ctx.finding(
                self, danda, danda + 1,
                "a danda ends this sentence, where the article ends its sentences with the full stop",
                [Fix(word_end, danda + 1, ".", applicability=UNSAFE)],
            )
