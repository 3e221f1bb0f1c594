from __future__ import annotations

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import DISPLAY_ONLY, Fix, Severity
from audit.lint.checks.alternation import needle_starts
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import CASE_POSTPOSITIONS, postposition_at
from audit.lint.checks.words import Reversed

# each postposition after which a masculine noun in -ा must change its ending, after ा and a space,
# found by one search for ा and a space (most ा-words before one are feminine nouns or verbs and are read
# back only to be dropped)
_NEEDLES = tuple("ा " + p for p in CASE_POSTPOSITIONS)


class DirectBeforePostposition(Check):
    """A masculine noun in -ा left in its direct form before a postposition.

    Anti-pattern:  सोना के भाव में तेजी रही।   हंगामा को देखते हुए पुलिस बुलाई गई।   घना कोहरा की चादर छाई।
    Fix:           सोने के भाव में तेजी रही।   हंगामे को देखते हुए पुलिस बुलाई गई।   घने कोहरे की चादर छाई।

    The nouns are those of `glossaries/lexicon/oblique_nouns.tsv` (kind `noun`): masculine nouns in
    -ा that news writes often (सोना, रुपया, मेला, जिला, मुआवजा, हंगामा, मामला, हादसा, इलाका), which
    take -े in the singular and -ों in the plural before के, की, का, को, में, से, पर, ने and तक.
    An adjective in -ा of the table's kind `adjective` right before the noun agrees with it and is
    flagged and mended with it (घना कोहरा की). Not listed, so never read: feminine and Sanskrit nouns
    that keep -ा (सीमा, योजना, नेता, पिता), nouns used as invariant names or compounds (नगर थाना की
    पुलिस names a police station; दो पहिया के is the two-wheeler; बकाया is invariant in the trade).
    Not read: a noun glued to the postposition or the postposition the start of a longer word
    (सोना केवल), English lines and page chrome.
    Fix safety: display-only (the singular सोने के and the plural लुटेरों के are both oblique: which one is
    meant is the writer's; the hint gives the singular).
    """

    code = "GRAM005"
    name = "direct-noun-before-postposition"
    category = "grammar"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        table = ctx.lexicon.oblique_nouns
        nouns, adjectives = table["noun"], table["adjective"]
        conventions = ctx.conventions
        reverse = None
        for at in needle_starts(text, _NEEDLES):
            end, after = at + 1, at + 2  # the noun ends after its ा; the postposition starts after the space
            post = postposition_at(text, after)
            if not post:
                continue  # the start of a longer word: के in केवल, पर in परिवार
            if reverse is None:
                reverse = Reversed(text)
            start = reverse.run_start(end)
            noun = text[start:end]
            if noun not in nouns:
                continue
            adjective = reverse.word_before(start)
            words = [adjective, noun] if adjective in adjectives else [noun]
            first = end - len(" ".join(words))
            if conventions.kind(first, end) in (ENGLISH_LINE, CHROME):
                continue
            mended = " ".join(w[:-1] + "े" for w in words)
            yield ctx.finding(
                self, first, end,
                f"'{noun}' takes its oblique form before '{post}': '{noun[:-1]}े' (or '{noun[:-1]}ों' for many)",
                [Fix(first, end, mended, applicability=DISPLAY_ONLY)],
            )

