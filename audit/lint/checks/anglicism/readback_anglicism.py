from __future__ import annotations

import unicodedata
from itertools import compress

from audit.core.findings import Severity
from audit.language.readback import english_reading
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import token_keys


# English proper names (Hamilton, Edinburgh) read back too, and they *should* be
# transliterated. A word is reported only when its shape says common noun or verb: an
# abstract-noun suffix, or a Hindi light verb after it (डिस्टिल किया, ट्रेन करके).
COMMON_SUFFIXES = ("tion", "sion", "ment", "ity", "ness", "ance", "ence", "ency", "ship", "ive",
                   "ical", "ally", "able", "ible", "ing", "ize", "ise", "ure", "ism")
LIGHT_VERBS = frozenset("कर करना करने करता करती करते किया किए किये करके करें करेगा करेगी करेंगे".split())


class EnglishReadback(Check):
    """A rare Devanagari word that reads back as an English word: likely transliterated, not translated.

    Anti-pattern:  ऐप को ऑप्टिमाइज किया   (optimize)
    Fix:           ऐप को बेहतर बनाया      (the editor chooses the Hindi word)
    Spares words common in Hindi (wordfreq), the loanword list, glossary names, the phrases
    ANGL001 already knows, and readings that look like names; it only informs.
    By default only a loan made into a verb with a light verb after it counts: Hindi news
    prints a great many established noun loans (सर्टिफिकेशन, अफोर्डेबल, ट्रोलिंग) that wordfreq
    does not know, and on real pages a noun read-back was wrong seven times in eight. With
    `ANGL002.light_verb_only=0` a noun with an English suffix counts too (बैटरी की कैपेसिटी).
    Off by default (`select = ["ANGL002"]` runs it): on the 251 real-news pages it was right 3 times
    in 13, and of every finding ever judged there 7 in 51, six of those a misspelt loan it misreads
    (डिजायन as 'dyson') rather than an English word left untranslated; Hinglish verb loans a desk
    keeps (जेनरेट करना, रिएक्ट किया, पोस्टपोन) were most of the rest.
    """

    code = "ANGL002"
    name = "english-readback"
    category = "anglicism"
    severity = Severity.INFO
    on_by_default = False
    defaults = {"max_hindi_zipf": 3.0, "min_length": 5, "common_shape_only": 1, "light_verb_only": 1}

    def run(self, ctx: Context):
        max_zipf = ctx.setting(self, "max_hindi_zipf")
        min_length = int(ctx.setting(self, "min_length"))
        shape_only = bool(ctx.setting(self, "common_shape_only"))
        verb_only = bool(ctx.setting(self, "light_verb_only"))
        tokens = ctx.article.tokens
        keys = token_keys(ctx)
        names = known = None  # the glossary's and the anglicism list's spans, looked up once a word needs them
        # By default only a word right before a light verb counts: those places are found by one
        # map over the keys, not by a Python step per token.
        verbs = list(map(LIGHT_VERBS.__contains__, keys))
        places = compress(range(len(tokens) - 1), verbs[1:]) if verb_only else range(len(tokens))
        for i in places:
            tok = tokens[i]
            if tok.kind != "deva" or len(tok.key) < 4:
                continue
            verb_follows = i + 1 < len(tokens) and verbs[i + 1]
            if names is None:
                names, known = ctx.covered(ctx.glossary.forms), ctx.covered(ctx.lexicon.anglicisms)
            if (tok.start, tok.end) in names:
                continue
            if unicodedata.category(tok.text[0]).startswith("M"):
                continue  # a stray vowel sign: broken text, not a word
            if tok.key in ctx.lexicon.loanwords or tok.key in ctx.lexicon.stopwords:
                continue
            if (tok.start, tok.end) in known:
                continue
            if hindi_zipf(tok.norm) >= max_zipf:
                continue
            english = english_reading(tok.key, min_length)
            if english and (verb_follows or not shape_only or english.endswith(COMMON_SUFFIXES)):
                yield ctx.finding(
                    self, tok.start, tok.end,
                    f"'{tok.text}' reads as English '{english}'; use the Hindi word if there is one",
                    confidence=0.5,
                )

