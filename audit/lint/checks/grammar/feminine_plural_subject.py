from __future__ import annotations

import re

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import CLAUSE_ENDS, DEVANAGARI, DEVANAGARI_SET, Reversed, clause_before

# a feminine participle (रही, गई, बिकती) ends in ी or ई; the auxiliary after it is है or थी. One class
# opening the pattern lets the regex engine skip to those two letters (needle_starts' alternation of the
# four needles tries each branch at every place: a third of the check's time)
_NEEDLES = re.compile("[ीई] (?:है|थी)")
_PARTICLES = frozenset("भी ही तो नहीं".split())
_LIST_JOINS = frozenset("और व या".split())
_GENITIVE_OR_CASE = frozenset("का के की को ने से में पर तक".split())
_FINITE = frozenset("है हैं था थे थी थीं".split())  # a finite verb before this one closed a clause


class FemininePluralSubject(Check):
    """A feminine plural subject with the singular auxiliary है or थी at the clause's end.

    Anti-pattern:  गर्म हवाएं लोगों को झुलसा रही है।   बाजार में नई गाड़ियां बिकती है।   इस पद पर भर्तियां की जानी है।
    Fix:           गर्म हवाएं लोगों को झुलसा रही हैं।   बाजार में नई गाड़ियां बिकती हैं।   इस पद पर भर्तियां की जानी हैं।

    A feminine participle (रही, गई, सकती, बिकती) is the same in the singular and the plural, so only
    the auxiliary shows the subject's number: after a plural subject it is हैं or थीं. The clause is
    the words since the last punctuation mark or clause word (`glossaries/lexicon/plural_subjects.tsv`,
    kind `link`: कि, जिससे, लेकिन) before the verb; a plural in it is a word with a direct plural's
    ending (kind `plural_ending`: गाड़ियां, योजनाएं; not the verbs of kind `not_plural`: जाएं, बताएं) or
    a consonant-final noun of GRAM007's `feminine_nouns.tsv` with ें added (चोटें, वारदातें, टीमें).
    A finite है, हैं, था or थी before the verb closes the clause before it (... शामिल है जिनके लिए ...).
    Not read, since the subject may be another word: a clause with ने in it, or a pronoun
    (kind `pronoun`: मैं ... फिल्में देखने आया करती थी), or a relative pronoun opening the clause not
    right before the plural (kind `relative`: जो देश को ... उपलब्धियां ... दे रही है, where जो गाड़ियां
    बिकती है is still read); a plural followed by a postposition; a feminine
    singular noun of GRAM007's table after the plural (कावड़ियां ... मौत हो गई थी), or before it and not
    a genitive's or a verbal noun's (कंपनी ... गाड़ियां लॉन्च कर रही है); a plural right before a verb
    that is not intransitive (kind `intransitive`: आ, बढ़, बिक) or a passive (दी जाती): there it is
    more likely the object of a subject left out (कई योजनाएं चला रही है, सरकार meant). English lines and
    page chrome are not read.
    Fix safety: unsafe (the plural may be an object and a singular subject left out, or the verb's
    gender the slip).
    """

    code = "GRAM008"
    name = "feminine-plural-subject-singular-auxiliary"
    category = "grammar"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        table = ctx.lexicon.plural_subjects
        nouns = ctx.lexicon.feminine_nouns["noun"]
        conventions = ctx.conventions
        reverse = None
        endings = table["plural_ending"]
        for at in [m.start() for m in _NEEDLES.finditer(text)]:
            aux_start = at + 2
            aux_end = aux_start + 2  # है and थी are two characters each
            if not _clause_ends(text, aux_end):
                continue
            if reverse is None:
                reverse = Reversed(text)
            verb_start = reverse.run_start(at + 1)
            verb = text[verb_start:at + 1]
            if verb not in table["participle"] and not verb.endswith("ती"):
                continue
            clause = clause_before(text, verb_start)
            if not any(ending in clause for ending in endings) and "ें" not in clause.replace(" में", ""):
                continue  # no word in the clause can be a plural (`_is_plural`): most feminine clauses
            words = DEVANAGARI.word.findall(clause)
            plural = _plural_subject(words, verb, table, nouns)
            if plural < 0 or conventions.kind(verb_start, aux_end) in (ENGLISH_LINE, CHROME):
                continue
            aux = text[aux_start:aux_end]
            mended = "हैं" if aux == "है" else "थीं"
            yield ctx.finding(
                self, verb_start, aux_end,
                f"the subject '{words[plural]}' is plural: '{verb} {mended}', not '{verb} {aux}'",
                [Fix(aux_start, aux_end, mended, applicability=UNSAFE)],
            )


def _clause_ends(text: str, end: int) -> bool:
    """Whether the auxiliary ending at `end` is a whole word that closes its clause (spaces, then a
    punctuation mark or a line end, or the text's end)."""
    if end < len(text) and text[end] in DEVANAGARI_SET:
        return False  # a longer word: है in हैं is not read (the needle's है is followed by ं there)
    rest = text[end:end + 8].lstrip(" \t")
    return not rest or rest[0] in CLAUSE_ENDS or rest[0] == "\r"


def _plural_subject(words: list[str], verb: str, table, nouns: frozenset[str]) -> int:
    """The index in `words` (the clause before the verb) of the plural that is the verb's subject, or -1."""
    opener = None
    for i in range(len(words) - 1, -1, -1):
        if words[i] in table["link"] or words[i] in _FINITE:
            opener = words[i]
            words[:] = words[i + 1:]
            break  # the clause opens after a clause word, or after the finite verb that closed the one before
    if "ने" in words or any(w in table["pronoun"] for w in words):
        return -1
    if opener in table["relative"] and words and not _is_plural(words[0], table, nouns):
        return -1  # जो देश को ... उपलब्धियां ... दे रही है: the relative pronoun is the subject, not a determiner
    plurals = [i for i, w in enumerate(words) if _is_plural(w, table, nouns)]
    if not plurals:
        return -1
    last = plurals[-1]
    after = [w for w in words[last + 1:]] + [verb]
    if (after[0] in _GENITIVE_OR_CASE and not _passive(after)) or any(w in nouns for w in after):
        return -1  # a genitive (कावड़ियां की ...; not the passive की जानी), or a feminine noun after it the subject
    for j in range(last):
        if words[j] in nouns and not _not_subject(words, j, last):
            return -1  # कंपनी ... गाड़ियां लॉन्च कर रही है: कंपनी is the subject
    while len(after) > 1 and after[0] in _PARTICLES:
        after = after[1:]
    if len(after) <= 2 and not _intransitive_or_passive(after, table):
        return -1  # कई योजनाएं चला रही है: the plural is the object of a subject left out
    return last


def _is_plural(word: str, table, nouns: frozenset[str]) -> bool:
    if word in table["not_plural"]:
        return False
    if word.endswith(tuple(table["plural_ending"])):
        return len(word) > 3
    return word.endswith("ें") and word[:-2] in nouns


def _not_subject(words: list[str], j: int, last: int) -> bool:
    """Whether the feminine noun at `j` (before the plural at `last`) is a genitive's or a case's noun, or a
    verbal noun's object (नौकरी पाने में), also as one of a list (लूट और चोरी की)."""
    while j + 2 < last and words[j + 1] in _LIST_JOINS:
        j += 2
    follower = words[j + 1]
    return follower in _GENITIVE_OR_CASE or follower.endswith("ने")


def _intransitive_or_passive(after: list[str], table) -> bool:
    """Whether the verb right after the plural (a stem and a participle, or an imperfective) is intransitive
    (चोटें आ सकती, गाड़ियां बिकती) or a passive (नौकरियां दी जाती)."""
    first = after[0]
    if first in table["intransitive"] or (first.endswith("ती") and first[:-2] in table["intransitive"]):
        return True
    return len(after) == 2 and _passive(after)


def _passive(after: list[str]) -> bool:
    """Whether the words open with a feminine passive: a participle and जा or गई (दी जाती, की जानी, की गई)."""
    return len(after) > 1 and after[0].endswith(("ी", "ई")) and after[1].startswith(("जा", "गई", "गयी"))
