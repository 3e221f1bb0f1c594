from __future__ import annotations

from audit.core.conventions import CHROME, ENGLISH_LINE
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.lint.checks.alternation import char_starts
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import DEVANAGARI, DEVANAGARI_SET as _LETTERS, Reversed, clause_before

_HAI = "है"
_NAME = "नाम "


def _ends_in(endings: frozenset[str]):
    """Whether a word ends in one of `endings` and is not that ending alone: `any(word.endswith(e) and
    word != e for e in endings)`, asked by one `endswith` of all of them (a generator per word before)."""
    suffixes = tuple(endings)
    return lambda word: word.endswith(suffixes) and (word not in endings or any(
        word.endswith(e) and word != e for e in endings))


_HUE = frozenset({"हुए", "हुये"})


def _before_hue(reverse: Reversed, start: int, words: frozenset[str]) -> tuple[int, bool]:
    """Where the flagged words of a हुए at `start` before है start, and whether it agrees with a plural
    subject: the हुए itself where the word before it is a noun or an adverb (घायल हुए है, कैद हुए है: हुए is the
    plural verb), the two words where the word before is a participle of the table (बने हुए है, गए हुए
    है: both agree); not where it is another -ए or -े participle (नजर बनाए हुए है, हाथ में लिए हुए है:
    the invariant form, right for one subject) or no word stands before it."""
    previous = reverse.word_before(start)
    if previous in words:
        return start - 1 - len(previous), True
    return start, bool(previous) and not previous.endswith(_AGREEING)


_AGREEING = ("े", "ए")  # the endings of a participle before हुए


_CASE = frozenset("का के की को ने से में पर तक".split())
_ADVERBIAL_EK = frozenset("साथ बार तरफ ओर".split())  # एक साथ, एक बार: no subject


def _singular_subject(text: str, start: int, lexicon) -> str | None:
    """The clause's subject where it is visibly singular, so that the participle may be the slip as
    well as the auxiliary: the clause's first word a feminine noun of GRAM007's table, not followed by a
    postposition (`सरकार ... चलाते रहते है`: a feminine subject never takes a -ते participle), or एक and a
    noun not followed by one (`मात्र एक दिन शेष रह गये है`). None where ने follows it in the clause (the verb
    agrees with its object; a ने before it is another clause's: `उन्होंने बताया की ... एक दिन शेष रह गये है`)
    or neither is seen. The clause is the words since the last punctuation mark or clause word (GRAM008's
    `plural_subjects.tsv`, kind `link`), and one with a pronoun of that table in it is not read."""
    words = DEVANAGARI.word.findall(clause_before(text, start))
    table, feminine = lexicon.plural_subjects, lexicon.feminine_nouns["noun"]
    links = [i for i, word in enumerate(words) if word in table["link"]]
    if links:  # the clause starts after its last clause word (जांच करें कि ... आप सोच रहे है)
        words = words[links[-1] + 1:]
    if len(words) < 2 or any(word in table["pronoun"] for word in words):
        return None  # a pronoun may be the subject (आप, हम)
    if words[0] in feminine and words[1] not in _CASE and "ने" not in words:
        return words[0]
    for i, word in enumerate(words[:-2]):
        if word == "एक" and words[i + 1] not in _ADVERBIAL_EK and words[i + 1] not in _CASE \
                and words[i + 2] not in _CASE and "ने" not in words[i + 2:]:
            return f"एक {words[i + 1]}"
    return None


def _named(text: str, start: int) -> bool:
    """Whether the word at `start` follows नाम: `तूफान का नाम तौकते है` gives a name, not a participle."""
    return text.endswith(_NAME, 0, start)


class PluralAuxiliary(Check):
    """A plural participle before the singular auxiliary है: the anusvara of हैं dropped.

    Anti-pattern:  किसान मंडी में फसल बेच रहे है।   लोग इस योजना को पसंद करते है।   दुकानें खोले गए है।
    Fix:           किसान मंडी में फसल बेच रहे हैं।  लोग इस योजना को पसंद करते हैं।  दुकानें खोले गए हैं।

    The participles are those of `glossaries/lexicon/plural_participles.tsv`: every -ते form (करते,
    सकते, जानते), and रहे, गए, चुके, लगे, वाले, आए, which are masculine plural or honorific and take
    हैं whatever the subject, and the perfectives of intransitive verbs, which agree with theirs (बने,
    जुटे, डटे, फंसे, बैठे, पहुंचे: कोशिश में जुटे है). हुए is read through: after a noun or an adverb it is
    the plural verb itself (घायल हुए है, कैद हुए है), after a participle of the table both agree (सीटों
    पर बने हुए है); after any other -ए participle it is the invariant form, right for one subject (नजर
    बनाए हुए है, हाथ में लिए हुए है), and is left alone. Not read: a है that ends the text with nothing
    after it (an excerpt cut mid-word may have lost the anusvara's word), लिए (के लिए है), the postpositions वास्ते, रास्ते, नाते (the table's
    `unless`), a feminine रही है (its subject decides), a word after नाम (a name: `इस तूफान का नाम
    तौकते है`), English lines and page chrome.
    Fix safety: unsafe (हैं is nearly always meant; display-only where the clause's subject is visibly
    singular, a feminine noun first or एक and a noun, and the message names both readings; where the subject is singular the participle is
    the slip instead: गंधक भालुओं को आकर्षित करता है).
    """

    code = "GRAM001"
    name = "plural-participle-singular-auxiliary"
    category = "grammar"
    severity = Severity.WARNING

    def run(self, ctx: Context):
        text = ctx.article.text
        table = ctx.lexicon.plural_participles
        words, endings, unless = table["word"], table["ending"], table["unless"]
        conventions = ctx.conventions
        ending = _ends_in(endings)
        reverse = None  # the text reversed, made at the first है after a space
        # each है after a space and a letter some participle ends in is found by str.find (a participle
        # is a word of the table or ends in one of its endings, so its last letter is one of theirs: most
        # है of an article, after a noun or an adjective, are never read), and its word read back from it
        # by one match in the text reversed
        needles, offset = _needles(words, endings)
        for hai in char_starts(text, needles):
            hai += offset
            end = hai + len(_HAI)
            # a है that runs to the text's end may be an excerpt's cut-off हैं: left alone
            if text[hai - 1] == " " and end < len(text) and text[end] not in _LETTERS:
                if reverse is None:
                    reverse = Reversed(text)
                start = reverse.run_start(hai - 1)
                participle = text[start:hai - 1]
                if participle in _HUE:  # the word before हुए decides
                    start, agrees = _before_hue(reverse, start, words)
                    participle = text[start:hai - 1]
                else:
                    agrees = participle in words or ending(participle)
                if (agrees and participle not in unless and not _named(text, start)
                        and conventions.kind(start, end) not in (ENGLISH_LINE, CHROME)):
                    subject = _singular_subject(text, start, ctx.lexicon)
                    yield ctx.finding(
                        self, start, end,
                        f"'{participle}' is plural (or honorific) and takes 'हैं', not 'है'"
                        + (f"; or the subject '{subject}' is singular and the participle is the slip"
                           if subject else ""),
                        [Fix(hai, end, "हैं", applicability=DISPLAY_ONLY if subject else UNSAFE)],
                    )


_NEEDLES: list = [None, None, None]  # the table's words and endings, and what to search for


def _needles(words: frozenset[str], endings: frozenset[str]) -> tuple[tuple[str, ...], int]:
    """What a है after a participle stands in: each last letter of a word or an ending, a space and है
    (found two characters before the है), worked out once per table; where an ending is empty (any
    word would do) a space and है (one before)."""
    if _NEEDLES[0] is not words or _NEEDLES[1] is not endings:
        if "" in endings:
            found = ((" " + _HAI,), 1)
        else:
            found = (tuple(sorted({w[-1] + " " + _HAI for w in (*words, *endings) if w})), 2)
        _NEEDLES[:] = [words, endings, found]
    return _NEEDLES[2]
