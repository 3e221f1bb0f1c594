from __future__ import annotations

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import word_ends

# what may stand between a sentence's start and the formula: the reader named, or वैसे
_LEADS = ("वैसे आपको ", "हम आपको ", "आपको ", "आप को ", "वैसे ")
# what ends the sentence before (a line break, a danda, a full stop, ?, !) or the text's start
_ENDS = frozenset("।.?!|\n\r")  # a lone "\r" ends a line too


class ReaderImperative(Check):
    """A formula addressing the reader at a sentence's start with the anusvara of the polite
    imperative dropped.

    Anti-pattern:  आपको बता दे कि मेला दस दिन चलेगा।   बताते चले कि टिकट ऑनलाइन मिलेंगे।
    Fix:           आपको बता दें कि मेला दस दिन चलेगा।   बताते चलें कि टिकट ऑनलाइन मिलेंगे।

    The formulas are those of `glossaries/lexicon/reader_imperatives.tsv` (बता दे, बताते चले, जान ले,
    ध्यान दे, ध्यान रखे), read only where they open a sentence, alone or after आपको, हम आपको or वैसे:
    there they address the reader, whom news always addresses as आप (बता दें). Elsewhere the same
    words are a third-person subjunctive, right for one subject (अगर कोई आपको बता दे कि, वह ध्यान दे
    तो), and are not read; nor where a quotation mark or a comma comes before (a line of dialogue in
    the intimate imperative), in English lines or page chrome.
    Fix safety: unsafe (a sentence of quoted dialogue may open with the intimate imperative).
    """

    code = "GRAM006"
    name = "reader-imperative-without-nasal"
    category = "grammar"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        conventions = ctx.conventions
        for written, standard in ctx.lexicon.reader_imperatives.items():
            at = text.find(written)
            while at >= 0:
                end = at + len(written)
                if (word_ends(text, end) and _opens_sentence(text, at)
                        and conventions.kind(at, end) not in (ENGLISH_LINE, CHROME)):
                    yield ctx.finding(
                        self, at, end,
                        f"the reader is addressed as आप: '{standard}', not '{written}'",
                        [Fix(at, end, standard, applicability=UNSAFE)],
                    )
                at = text.find(written, end)


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the words before `at` back to the sentence's end are none, or one of `_LEADS`."""
    for lead in ("", *_LEADS):
        start = at - len(lead)
        if start >= 0 and text.startswith(lead, start):
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            if start == 0 or text[start - 1] in _ENDS:
                return True
    return False
