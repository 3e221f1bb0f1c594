from __future__ import annotations

from itertools import compress, count, islice
from operator import eq

from audit.core.findings import SAFE, UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context, scan_sentences, span_of


class DoubledWord(Check):
    """A function word said twice in a row, or said again after a pronoun form that already holds it
    (or a verb stem before its own finite form).

    Anti-pattern:  नियम बदले गए ताकि ताकि ग्राहकों को राहत मिले।
                   उन्होंने ने कहा कि फैसला जल्द होगा।
                   सब्सिडी दी जा जाएगी।
    Fix:           नियम बदले गए ताकि ग्राहकों को राहत मिले।
                   उन्होंने कहा कि फैसला जल्द होगा।
                   सब्सिडी दी जाएगी।
    The words are those of `glossaries/lexicon/doubled_words.tsv`: postpositions, compound
    postpositions (के लिए के लिए), conjunctions and auxiliaries, which Hindi never repeats back to
    back, and the pronoun forms that already hold ने or को (उन्होंने, उन्हें). Words that Hindi does
    double on purpose are not listed: adverbs and adjectives (धीरे धीरे, अलग अलग), कुछ कुछ, जो जो,
    और और ("more and more"), हां हां, and के, which is also the initial K (के के मेनन): के said twice
    counts only before the rest of a listed compound postposition (`राज्यों के के लिए`).
    A verb stem said again in its own finite form (`दी जा जाएगी`, `हो होगा`: a broken auxiliary,
    `glossaries/lexicon/broken_auxiliaries.tsv`) loses the stem. Not where the stem closes a clause
    of its own: after a list's conjunction or a mark (मुंडा और हो होते हैं: हो is the people's name), or in
    a concessive or relative clause whose subjunctive ends there (किसी की भी हो होता वही है, जो होना हो
    होगा: a new clause starts with the finite verb).
    Only copies with nothing but spaces between them count: a comma or a line break makes two phrases.
    A plural possessive said twice (उनके उनके) can be distributive, each one's own, as अपने अपने is: after
    हर, सभी or another word that takes the members one by one it is left alone, elsewhere its fix is unsafe.
    Fix safety: safe (deleting the second copy leaves the sentence as it was meant); unsafe for a broken
    auxiliary, whose slip may be a dropped word rather than an extra one (शुरू हो होगा may be शुरू हो गया
    होगा) and whose stem may be a word of its own (the Ho people: यहां के लोग हो होते हैं).
    """

    code = "REP003"
    name = "doubled-word"
    category = "repetition"
    severity = Severity.ERROR

    def run(self, ctx: Context):
        text = ctx.article.text
        for sent, m in scan_sentences(ctx, ctx.lexicon.doubled_words):
            first, word, fused = m.value
            tokens = sent.tokens
            start, end = span_of(tokens, m.first, m.last)
            if any(not text[a.end : b.start].isspace() for a, b in zip(tokens[m.first : m.last], tokens[m.first + 1 : m.last + 1])):
                continue  # glued: not one run of words (a line break ends the sentence, so none lies inside)
            if fused == "stem":  # दी जा जाएगी: the stem and the space after it go, the finite form stays
                if _closes_clause(tokens, m.first):
                    continue
                cut = tokens[m.first + 1].start
                yield ctx.finding(
                    self, start, end,
                    f"'{text[start:tokens[m.first].end]}' is said again in '{text[cut:end]}'; delete the first",
                    [Fix(start, cut, "", applicability=UNSAFE)])
                continue
            if fused == "head":  # के के लिए: the second के and the space before it go
                cut = tokens[m.first].end
                yield ctx.finding(
                    self, start, end, f"'{first}' is said twice before '{word}'; delete the second",
                    [Fix(cut, tokens[m.first + 1].end, "", applicability=SAFE)])
                continue
            # the second copy and the space before it go; the first copy is the one left in place
            safety = SAFE
            if word in _PLURAL_POSSESSIVES:  # उनके उनके may be distributive: each one's own
                if any(t.text in _DISTRIBUTIVE_CUES for t in tokens[: m.first]):
                    continue  # हर विभाग के अधिकारियों से उनके उनके कामों की ...: meant
                safety = UNSAFE
            size = len(word.split())
            cut = tokens[m.last - size].end
            second = text[tokens[m.last - size + 1].start : end]
            if fused == "fused":
                message = f"'{text[start:cut]}' already holds '{second}'; delete the second '{second}'"
            else:
                message = f"'{second}' is said twice in a row; delete the second"
            yield ctx.finding(self, start, end, message, [Fix(cut, end, "", applicability=safety)])
        yield from self._doubled_loans(ctx)

    def _doubled_loans(self, ctx: Context):
        """An English loan noun said twice (मैच मैच, टूर्नामेंट टूर्नामेंट): Hindi doubles its own words on
        purpose (घर घर, समय समय, अलग अलग), never a borrowed noun. Only a noun the concept table lists as
        a loan, of three letters or more (बम बम भोले, सी सी: a chant, an initial)."""
        text = ctx.article.text
        texts, tokens = ctx.article.token_texts, ctx.article.tokens
        concepts = None
        # the tokens whose next token has the same text, found in C (no Python step per token)
        for i in compress(count(), map(eq, texts, islice(texts, 1, None))):
            first, second = tokens[i], tokens[i + 1]
            word = first.text
            if len(word) < 3 or first.kind != "deva" or second.start != first.end + 1 or text[first.end] != " ":
                continue  # one space between, as a writer repeats a word
            concepts = concepts or ctx.lexicon.concepts
            if not any(h.side == "translit" and h.concept.pos == "noun" and word in h.concept.translit
                       for h in concepts.lookup(word)):
                continue
            yield ctx.finding(self, first.start, second.end, f"'{word}' is said twice in a row; delete the second",
                              [Fix(first.end, second.end, "", applicability=SAFE)])



# A plural possessive said twice can be distributive, as अपने अपने is (उनके उनके घर: each to their own
# home), above all after a word that takes the members one by one; elsewhere it is more often a slip, but
# deleting a copy is only a guess.
_PLURAL_POSSESSIVES = frozenset("उनका उनकी उनके इनका इनकी इनके".split())
_DISTRIBUTIVE_CUES = frozenset("हर हरेक प्रत्येक सभी सब सबके सारे तमाम".split())


# A broken auxiliary's stem follows the verb or noun it helps (दी जा, शुरू हो). After a list's joiner
# the stem is a noun (मुंडा और हो: the Ho people); after one of these within a few words it is a
# subjunctive closing a concessive or relative clause (किसी की भी हो, जो होना हो, चाहे जितना विरोध हो);
# भी alone is no opener (किसानों को भी सब्सिडी दी जा जाएगी is the slip).
_LIST_JOINERS = frozenset("और या तथा एवं व".split())
_CLAUSE_OPENERS = frozenset("चाहे जो किसी कोई जितना जितनी जितने कितना कितनी कितने जैसा जैसी जैसे".split())
_CLAUSE_REACH = 4


def _closes_clause(tokens, first: int) -> bool:
    """Whether the stem at `first` ends a clause of its own rather than helping the word before it."""
    if first == 0 or not tokens[first - 1].is_word or tokens[first - 1].text in _LIST_JOINERS:
        return True
    for token in tokens[max(0, first - _CLAUSE_REACH) : first][::-1]:
        if not token.is_word:
            break  # a comma: the clause began after it
        if token.text in _CLAUSE_OPENERS:
            return True
    return False
