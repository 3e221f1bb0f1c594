from __future__ import annotations

from audit.core.findings import SAFE, Fix, Severity
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import DEVANAGARI, devanagari_counts


class KnownMisspelling(Check):
    """A Hindi word in a spelling that is never the standard one, with no right form needed nearby.

    Anti-pattern:  मंडी में सरसो और गेहू की आवक बढ़ी, हालाकि भाव उपर नही गए।
    Fix:           मंडी में सरसों और गेहूं की आवक बढ़ी, हालांकि भाव ऊपर नहीं गए।

    The spellings are those of `glossaries/lexicon/misspellings.tsv`, each with its standard form and a
    severity: a warning for a misspelling (नही, उपर, निचे, जिसमे, क्योकि, सरसो, दोनो), an info for a
    nonstandard spelling the press often prints (रूपये, शुरु, रूचि, पुरूष). Only forms that are no
    other word are listed: वही (that same) beside वहीं, कही (said) beside कहीं, and a vocative plural
    without its nasal sign (दोस्तो, किसानो) are right as written and are not in the table. A word
    misspelt the same way throughout is flagged at each use (the fix goes everywhere). A spelling a major
    paper prints as its house style is no misspelling and is not listed either: loans without ऑ (डाक्टर,
    कालेज), लांच, त्यौहार (SPELL001 holds an article to one of them). A word the text
    ends in, with no mark or line end after it, is left: an excerpt cut mid-word (में cut to मे) ends
    in a fragment, not a slip.
    Fix safety: safe (the standard spelling of the same word).
    """

    code = "SPELL004"
    name = "known-misspelling"
    category = "spelling"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        table = ctx.lexicon.misspellings
        # the listed words the article writes: one intersection in C (the table's some 290 words asked
        # of the article's words, where a Python loop read each of its hundreds); `places` sorts the uses
        written = devanagari_counts(ctx).keys() & table.keys()
        if not written:
            return  # most articles
        text = ctx.article.text
        cut = len(text) if DEVANAGARI.last(text) is not None else -1  # the end of a word cut short
        for start, end in DEVANAGARI.places(text, written):
            if end == cut:
                continue
            word = text[start:end]
            standard, severity = table[word]
            yield ctx.finding(
                self, start, end,
                f"'{word}' is a misspelling of '{standard}'" if severity is Severity.WARNING
                else f"'{word}' is a nonstandard spelling of '{standard}'",
                [Fix(start, end, standard, applicability=SAFE)], severity=severity,
            )
