from __future__ import annotations

from audit.core.findings import Severity
from audit.language.wordstats import english_zipf
from audit.lint.checks.base import Check, Context
from audit.lint.checks.slots import LIST_JOINS
from audit.lint.checks.anglicism.untranslated_english import latin_tokens, mentioned_or_in_path
from audit.core.conventions import HEADLINE

class CapitalisedEnglish(Check):
    """A capitalised English common word inside a Hindi sentence (ANGL003 covers lower case).

    Anti-pattern:  Diabetes एक पुरानी बीमारी है।   नया Study कहता है कि ...
    Fix:           डायबिटीज (या मधुमेह) एक पुरानी बीमारी है।   नया अध्ययन कहता है कि ...

    A name is told from a word by its company: a capitalised word next to another Latin word
    (Joe Biden, Galaxy Note), before a model number (Galaxy S24), a listed glossary name, or a
    word English text rarely uses (wordfreq below `min_english_zipf`, default 3.5), or one joined by
    और, या or a comma to another capitalised Latin word (`Excite और Exclusive`: a list of names), after an
    elided French or Italian article (`de l'Automobile`: a name), alone in quotes or in a menu path
    (`Settings > Battery`: the screen's labels), after जैसे or नामक following a kind of named thing
    (`संगठनों जैसे Prolific`: an organisation named as an example), or one
    the article writes elsewhere in such company (`नई Apache` beside `TVS Apache RTR 310`) passes; so do
    bracketed glosses, kickers, related-link lines and lines written in English. No fix: the
    Hindi word depends on the sentence. Info by default: on real news, brand and variant names
    (Exclusive, Prolific) still pass for words too often to warn.
    """

    code = "ANGL005"
    name = "capitalised-english"
    category = "anglicism"
    severity = Severity.INFO  # 2 in 5 true on real news so far: told, not warned
    defaults = {"min_english_zipf": 3.5, "min_hindi_share": 0.6}

    def run(self, ctx: Context):
        text = ctx.article.text
        names = ctx.glossary.latin
        min_zipf, min_share = ctx.setting(self, "min_english_zipf"), ctx.setting(self, "min_hindi_share")
        named: set[str] | None = None  # the Latin words the article writes in a name's company
        # only a sentence with a Latin token is read (one needs an ASCII letter): most have none
        for sent, latin, hindi in latin_tokens(ctx):  # (shared with ANGL003)
            if not (hindi or latin) or hindi / (hindi + len(latin)) < min_share:
                continue
            tokens = sent.tokens
            for i in latin:
                tok = tokens[i]
                word = tok.text
                if len(word) < 4 or not word.isalpha() or not word[0].isupper():
                    continue
                if not word[1:].islower() or (tok.key,) in names or ctx.conventions.kind(tok.start, tok.end) not in (None, HEADLINE):
                    continue
                if _in_company(tokens, i) or "-" in text[tok.start - 1 : tok.start] + text[tok.end : tok.end + 1]:
                    continue  # Joe Biden, Galaxy S24, Gold-Silver: a name's or a title's company
                if english_zipf(word.lower()) < min_zipf:
                    continue
                if mentioned_or_in_path(text, tok.start, tok.end) or _elided(text, tok.start):
                    continue  # "Settings > Battery": a menu path; de l'Automobile: a French or Italian name
                if _named_instance(ctx, tokens, i):
                    continue  # संगठनों जैसे Prolific: an organisation named as an example, not a word
                if _listed_with_a_name(tokens, i):
                    continue  # दो वेरिएंट Excite और Exclusive: capitalised words in a list are names
                if named is None:  # worked out at the first word about to be flagged (most articles have none)
                    named = _named_in_company(ctx)
                if word in named:
                    continue  # नई Apache in a headline, TVS Apache RTR 310 in the text: one name throughout
                yield ctx.finding(self, tok.start, tok.end,
                                  f"'{word}' is an English word left in a Hindi sentence; write it in Hindi",
                                  confidence=0.7)


def _elided(text: str, start: int) -> bool:
    """Whether the word follows an elided article glued to it (l'Automobile, d'Italia): a French or
    Italian name, which English never writes."""
    return text[start - 1 : start] in ("'", "’") and text[start - 2 : start - 1].isascii() \
        and text[start - 2 : start - 1].isalpha()


def _in_company(tokens, i: int) -> bool:
    """Whether tokens[i] stands beside another Latin word or a number (Joe Biden, Galaxy S24)."""
    return any(n.kind in ("latin", "num") for n in tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2])


def _named_in_company(ctx: Context) -> set[str]:
    """The Latin words the article writes somewhere in a name's company (TVS Apache RTR 310): one
    pass over the sentences that hold Latin, whatever the number of words asked about."""
    return {sent.tokens[i].text for sent, latin, _ in latin_tokens(ctx) for i in latin if _in_company(sent.tokens, i)}


# "such as", "named": a capitalised word after one, itself after a kind of named thing, is a name
_SUCH_AS = frozenset("जैसे जैसी जैसा नामक".split())


def _named_instance(ctx: Context, tokens, i: int) -> bool:
    """tokens[i] follows जैसे / नामक after a noun naming a kind of named thing (`name_words.tsv`,
    `category`: संगठनों जैसे Prolific, ऐप्स जैसे …): an instance named, a name, not an English word."""
    return (i >= 2 and tokens[i - 1].key in _SUCH_AS
            and tokens[i - 2].key in ctx.lexicon.name_words["category"])


def _listed_with_a_name(tokens, i: int) -> bool:
    """Whether tokens[i] is joined by और / या / a comma to another capitalised Latin word."""
    for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= j < len(tokens) and tokens[k].text in LIST_JOINS:
            other = tokens[j].text
            if tokens[j].kind == "latin" and other[:1].isupper() and other.isalpha():
                return True
    return False
