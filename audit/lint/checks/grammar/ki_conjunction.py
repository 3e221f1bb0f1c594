from __future__ import annotations

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import DEVANAGARI_RUN, Reversed

_KI = " की "


class KiForConjunction(Check):
    """The postposition की written for the conjunction कि after a finite verb.

    Anti-pattern:  पुलिस ने बताया की आरोपी फरार है।   ज़रूरी है की हम रोज टहलें।   ध्यान रखें की फॉर्म पूरा भरें।
    Fix:           पुलिस ने बताया कि आरोपी फरार है।   ज़रूरी है कि हम रोज टहलें।   ध्यान रखें कि फॉर्म पूरा भरें।

    Read only after the words of `glossaries/lexicon/ki_conjunction.tsv` (kind `before`): a finite
    verb or auxiliary that ends a clause (है, था, हुआ, होगा, कहा, बताया, रखें, करें) or the relative
    जो, where a postposition cannot follow, and only where a word follows (a clause to introduce);
    a word of kind `after_participle` only after a perfective participle (कहा गया की, not the city
    in बिहार के गया की); a two-word row of kind `before` where both words stand (ने माना की, यह माना
    की, कहते हुए की): माना is the verb only after its subject, and the village Mana elsewhere
    (माना की घाटी, उत्तराखंड के माना की), and हुए is the conjunction's only after a participle of saying.
    Not read: की before a word of the table's `unless` kind, where it is the verb करना (जो की गई थी,
    की जा रही, की है), English lines and page chrome.
    Fix safety: unsafe (a title ending in है before a postposition, `... कहलाता है की` a serial's
    name, is rare but reads the same).
    """

    code = "GRAM002"
    name = "ki-for-conjunction"
    category = "grammar"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        table = ctx.lexicon.ki_conjunction
        before, unless, after_participle = table["before"], table["unless"], table["after_participle"]
        conventions = ctx.conventions
        # each " की " is found by str.find; the words on either side are read from it by a match each
        at = text.find(_KI)
        if at < 0:
            return
        reverse = Reversed(text)
        seconds = _second_words(before)
        while at >= 0:
            ki, end = at + 1, at + 3
            start = reverse.run_start(at)
            word = text[start:at]
            # the word before that is read only where a two-word reading can hold: after a row's second
            # word or a word of `after_participle` (most की follow a noun, in no row)
            if word in after_participle or (word not in before and word in seconds):
                previous = reverse.word_before(start)  # read once, for either two-word reading
                if word in after_participle and _after_participle(previous):
                    word = f"{previous} {word}"
                elif word not in before and f"{previous} {word}" in before:
                    word = f"{previous} {word}"  # a two-word row: ने माना, कहते हुए
            if word in before or " " in word:  # the word after is read only then
                next_word = text[end + 1:DEVANAGARI_RUN.match(text, end + 1).end()]
                if next_word and next_word not in unless and conventions.kind(ki, end) not in (ENGLISH_LINE, CHROME):
                    yield ctx.finding(
                        self, ki, end,
                        f"after '{word}' the conjunction is 'कि', not the postposition 'की'",
                        [Fix(ki, end, "कि", applicability=UNSAFE)],
                    )
            at = text.find(_KI, end)


_SECONDS: list = [None, frozenset()]  # the table's `before` words, and the second words of its two-word rows


def _second_words(before: frozenset[str]) -> frozenset[str]:
    """The last word of each row of `before` with a space in it, once per table: the words before the
    other words of a row, each a run of letters, are read only after one of these."""
    if _SECONDS[0] is not before:
        _SECONDS[:] = [before, frozenset(row.rsplit(" ", 1)[1] for row in before if " " in row)]
    return _SECONDS[1]


def _after_participle(previous: str) -> bool:
    """Whether the word before (`previous`) is a perfective participle (कहा, बताया, पाया, लिखा: ending
    in ा), as in कहा गया की; the city Gaya follows a postposition (बिहार के गया की)."""
    return len(previous) > 1 and previous.endswith("ा")
