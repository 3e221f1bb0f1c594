from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.language.wordstats import hindi_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import CASE_POSTPOSITIONS
from audit.lint.checks.words import DEVANAGARI_LETTERS, Reversed

# ो, a space and a whole case postposition: the pattern opens with its literal ो, so a search skips
# to each ो followed by a space (a few dozen an article, most of them in को जो तो हो) instead of
# trying every word of the text
_SLOT = re.compile("\u094b (" + "|".join(CASE_POSTPOSITIONS) + f")(?![{DEVANAGARI_LETTERS}])")
_NASAL = "\u0902"
# The plural with its anusvara must be a word Hindi text uses (wordfreq zipf) ...
_PLURAL_ZIPF = 3.0
# ... and clearly more often than the form written: वीडियो के, किलो का, रेडियो पर are the singular of a
# loan in -ो (वीडियों, किलों are rarer or another word), where लोगो के, बच्चो को, दोनो का are typos
# Hindi web text repeats (wordfreq has them at zipf 4 to 5) for लोगों, बच्चों, दोनों.
_MARGIN = 0.5


class PluralWithoutNasal(Check):
    """A plural noun before a postposition with the anusvara of its oblique -ों dropped.

    Anti-pattern:  मंडी में किसानो को सही भाव नहीं मिला।   इन दुकानो पर छापे पड़े।   कई घण्टो तक जाम रहा।
    Fix:           मंडी में किसानों को सही भाव नहीं मिला।   इन दुकानों पर छापे पड़े।   कई घण्टों तक जाम रहा।

    Read only right before a case postposition (के, की, का, को, में, से, पर, ने, तक), where a noun
    is oblique and a plural ends in -ों: a word of three letters or more ending in ो there whose form
    with the anusvara is a word Hindi text uses (zipf 3 or more) and half a zipf point commoner than the
    form written. So a loan's singular in -ो is left alone (वीडियो के, किलो का, रेडियो पर: the form
    with ं is rarer or another word), and so is the vocative plural, which drops the nasal by rule
    (किसानो, सुनो!: no postposition follows), as are English lines and page chrome.
    Fix safety: safe where the word written is no word at all (zipf 0: दुकानो, घण्टो); unsafe where
    Hindi text also has it (लोगो is a logo too: कंपनी के लोगो को बदला).
    """

    code = "SPELL005"
    name = "plural-without-nasal"
    category = "spelling"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        if "\u094b " not in text:
            return
        conventions = ctx.conventions
        reverse = None
        for m in _SLOT.finditer(text):
            end = m.start() + 1  # the word ends after its ो
            if reverse is None:
                reverse = Reversed(text)
            start = reverse.run_start(end)
            word = text[start:end]
            if len(word) < 3:
                continue  # को, जो, तो, दो, वो: never a plural noun
            written, plural = hindi_zipf(word), hindi_zipf(word + _NASAL)
            if plural < _PLURAL_ZIPF or plural - written < _MARGIN:
                continue
            if conventions.kind(start, end) in (ENGLISH_LINE, CHROME):
                continue
            yield ctx.finding(
                self, start, end,
                f"'{word}' before '{m.group(1)}' is an oblique plural: '{word}{_NASAL}'",
                [Fix(start, end, word + _NASAL, applicability=SAFE if written == 0 else UNSAFE)],
            )
