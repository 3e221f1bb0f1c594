from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from audit.core.conventions import CHROME, ENGLISH_LINE, SPEC_LINE
from audit.core.findings import UNSAFE, Fix, Severity
from audit.lint.checks.alternation import needle_starts
from audit.lint.checks.base import Check, Context
from audit.lint.checks.words import DEVANAGARI, DEVANAGARI_RUN, DEVANAGARI_SET, DEVANAGARI_LETTERS as _LETTER

# A stretch of a line between sentence ends (danda, its ASCII stand-in, ?, !, a full stop or a colon)
_STRETCH = re.compile(r"[^।|?!.:॥\n][^।|?!.:॥\n]*")
_WORD = re.compile(f"[{_LETTER}][{_LETTER}]*|[A-Za-z0-9][A-Za-z0-9]*")
# A finite है/था closing a clause, and the word after it (the next clause's first, where the slip is)
_FINITE = re.compile(f"(?<![{_LETTER}])(?:है|हैं|था|थे|थी|थीं) (?=([{_LETTER}][{_LETTER}]*))")
# A relative pronoun's case form (जिसे, जिसने, जिनके, जिन्हें, and as pages also write it, जिन्हे, जिन्होने):
# it opens a relative clause that goes on with the sentence, listed in clause_links.tsv or not
_RELATIVE = re.compile("जि(?:स|न)(?:े|ने|को|का|की|के|में|मे|से|पर|्हें|्हे|्हों|्हो|्होंने|्होने)?$")
# What ends a clause inside a sentence: a comma, a semicolon, a dash, a quote or a bracket
_CLAUSE_CUT = re.compile("[,;–—\"“”‘’'()]")
# A word that ends in a vowel (sign or letter) or a nasal sign: a participle, an auxiliary or an
# adjective (दी है, लिए हैं, कर रही है, जाते हैं, लाजमी है), not a bare noun (संस्कार है मृत्यु के बाद ...:
# a copula with its complement after it)
_SIGN_ENDS = frozenset("\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c\u0902\u0901"
                       + "".join(map(chr, range(0x0905, 0x0915))))
_MIN_WORDS = 30  # a stretch this long without a sentence end is a run-on paragraph, not one long sentence
_MIN_CLAUSE = 4  # words since the last comma or boundary: a clause, not a phrase (जिसका अर्थ है नागरिक)
_MIN_BOUNDARIES = 2  # clauses glued more than once: one missing danda may be one long sentence


class RunOnSentence(Check):
    """Sentences run together with no danda: a paragraph of clauses that each end in है or था.

    Anti-pattern:  टीम ने पूरे दिन बाजारों में छापे मारे हैं आज अधिकारियों ने कई दुकानों से नमूने लिए
                   हैं दुकानदारों को नोटिस दिए गए हैं ...
    Fix:           टीम ने पूरे दिन बाजारों में छापे मारे हैं। आज अधिकारियों ने कई दुकानों से नमूने लिए
                   हैं। दुकानदारों को नोटिस दिए गए हैं। ...
    Read in a stretch of 30 words or more with no sentence end (danda, ?, !, full stop or colon),
    where at least two clauses end in है/हैं/था/थे/थी/थीं right before the next clause's first word;
    elsewhere (one such clause end, or a shorter stretch) only where that next word is one that opens
    a sentence (the `opener` words of `clause_links.tsv`: वहीं, इसके, हालांकि, अभी …;
    not ये or यह, which also follow a verb as its subject: `लॉन्च हो सकती हैं ये 5 कारें`), or opens
    one with a subject in ने (… जानती है टीम के कप्तान ने …; not before कि: `कहा है मंत्री ने कि`);
    there a है after a bare noun ends a sentence too (… अच्छी खबर है इससे …).
    Not a boundary: a word that goes on with the sentence (कि, और, तो, लेकिन, जो, जिससे: the `joiner`
    words of `glossaries/lexicon/clause_links.tsv`; and any case form of the relative pronoun, जिन्हें
    written जिन्हे too: a danda there would cut the relative clause off, though the clause glued on
    counts as one of the stretch's junctures); a है after a relative word in the same clause
    (जितने लोग आए हैं उनके ...: the correlative follows); a है after fewer than four words since a comma
    (जिसका अर्थ है नागरिक); a है after a bare noun (a copula with its complement after it) or after a
    demonstrative (पहली शर्त वो है उसकी उम्र: the copula names what the pronoun stands for); page chrome,
    English and spec lines; the excerpt's cut-off last word.
    A perfective or future verb (गया, गई, किया, हुआ, होगी, करेंगे …) is read only where the next word
    opens a sentence (… नीचे गिर गया उसके बाद …), and not after a relative word in its clause, in a
    clause of fewer than four words, or where होगा/होगी follows a bare noun (वाहन होगा अब सीज).

    Anti-pattern:  … कहा कि अब डर नहीं लगता है⏎दूसरी ओर …   (a paragraph's last sentence on a bare verb)
    Fix:           … कहा कि अब डर नहीं लगता है।⏎दूसरी ओर …
    Read in a body paragraph (not a headline, spec or English line, nor chrome) that ends other
    sentences with the danda and another paragraph follows it (not the excerpt's cut-off end, nor a
    teaser's `… और पढ़ें`); है/था or होगा after a bare noun is left alone there too.
    Fix safety: unsafe (a danda after है; the editor may prefer a comma and a conjunction). An article
    that writes no danda and ends its sentences with the full stop gets a full stop.
    """

    code = "FMT006"
    name = "run-on-sentence"
    category = "formatting"
    # Info: punctuation, as FMT010; a desk that wants it enforced raises it in jaanch.toml.
    severity = Severity.INFO

    def run(self, ctx: Context):
        text = ctx.article.text
        links = ctx.lexicon.clause_links
        joiners, relatives, openers = links["joiner"], links["relative"], links["opener"]
        closed = joiners | relatives
        conventions = ctx.conventions
        mark = _sentence_mark(text)
        places, closing = _verb_places(text)
        yield from self._closing_verbs(ctx, text, closing, openers, mark)
        yield from self._paragraph_ends(ctx, text)
        if not places:
            return  # no है/था in the whole article (a line with none has no boundary)
        for (line_start, line_end), kind in zip(conventions.lines, conventions.line_kinds):
            if kind in (ENGLISH_LINE, SPEC_LINE, CHROME):
                continue
            # a stretch's है/था are the line's, in part (none of them holds a stretch's end): a line with
            # none has no boundary, and its stretches are not looked for (most lines)
            if bisect_left(places, line_end) == bisect_left(places, line_start):
                continue
            for stretch in _STRETCH.finditer(text, line_start, line_end):
                first, last = bisect_left(places, stretch.start()), bisect_left(places, stretch.end())
                if first == last:
                    continue  # no है/था to glue clauses (most stretches: no words counted)
                long_ = last - first >= _MIN_BOUNDARIES and len(_WORD.findall(stretch.group())) >= _MIN_WORDS
                if not long_ and not any(_opens(text, at, stretch.end(), openers, closed)
                                         for at in islice(places, first, last)):
                    continue  # a short stretch, or one है: read only where an opener follows one (few)
                boundaries = list(_boundaries(text, stretch.start(), stretch.end(), joiners, relatives, openers, closed))
                if not (long_ and len(boundaries) >= _MIN_BOUNDARIES):
                    # one boundary, or a short stretch: only where the next word opens a sentence
                    # (… बढ़ गई है गर्मी के …  may be one sentence; … जारी की गई है कुछ इलाकों में … is two)
                    boundaries = [(e, n, opens) for e, n, opens in boundaries
                                  if opens and _opener_at(text, e + 1, stretch.end(), openers, closed)]
                for end_of_verb, next_end, opens in boundaries:
                    if not opens:
                        continue  # a relative clause glued on: a juncture, but no danda goes there
                    if conventions.kind(end_of_verb, next_end) == CHROME:
                        continue
                    # the verb and the space after it: where the danda goes
                    start, end = text.rfind(" ", 0, end_of_verb) + 1, end_of_verb + 1
                    verb = text[start:end_of_verb]
                    yield ctx.finding(
                        self, start, end,
                        f"two sentences run together: no {_MARK_NAMES[mark]} between '{verb}' and "
                        f"'{text[end:next_end]}' in a stretch of text with no sentence end",
                        [Fix(start, end, f"{verb}{mark} ", applicability=UNSAFE)],
                    )


    def _closing_verbs(self, ctx: Context, text: str, places: list[int], openers: frozenset[str], mark: str):
        """A perfective or future verb glued to a word that opens a sentence (हो गई वहीं …)."""
        conventions = ctx.conventions
        relatives = ctx.lexicon.clause_links["relative"]
        prefixes = tuple(openers)
        for start in places:
            after = text.find(" ", start) + 1  # the verb's own space: the needles are the verbs with it
            if not text.startswith(prefixes, after):
                continue  # most places: the clause goes on
            if start and text[start - 1] in DEVANAGARI_SET:
                continue  # the end of a longer word
            following = _WORD_AT.match(text, after)
            if following is None or following.group() not in openers:
                continue  # a longer word that opens with an opener (अबतक, इसकेलिए)
            verb, following = text[start:after - 1], following.group()
            next_end = after + len(following)
            if next_end >= len(text):
                continue  # the excerpt's cut-off last word
            if verb in _COPULAS and (start < 2 or text[start - 2] not in _SIGN_ENDS):
                continue  # a bare noun before होगा: a copula whose complement may follow
            if conventions.kind(start, next_end) in (ENGLISH_LINE, SPEC_LINE, CHROME):
                continue
            words = _clause_words(text, start)
            if len(words) < _MIN_CLAUSE or any(word in relatives for word in words):
                continue
            yield ctx.finding(
                self, start, after,
                f"two sentences run together: no {_MARK_NAMES[mark]} between '{verb}' and '{following}'",
                [Fix(start, after, f"{verb}{mark} ", applicability=UNSAFE)],
            )

    def _paragraph_ends(self, ctx: Context, text: str):
        """A body paragraph that ends its sentences with the danda, but its last one on a bare verb."""
        conventions = ctx.conventions
        lines = conventions.lines
        for number, ((line_start, line_end), kind) in enumerate(zip(lines, conventions.line_kinds)):
            if kind is not None or text.find("।", line_start, line_end) < 0:
                continue  # a headline, a spec or English line, chrome; a paragraph with no danda
            end = line_end
            while end > line_start and text[end - 1] in " \t":
                end -= 1
            if not text.endswith(_LAST_WORDS, line_start, end):
                continue  # ends on a mark, or on a word that is no finite verb (most paragraphs)
            start = text.rfind(" ", line_start, end) + 1
            verb = text[start:end]
            if verb not in _LAST_SET or start - line_start < 2:
                continue
            if verb in _SIGN_GATED and text[start - 2] not in _SIGN_ENDS:
                continue  # a bare noun before है: the line may be a label or a title
            if not _body_follows(text, lines, number):
                continue  # the excerpt's last paragraph (cut off), or a teaser's `… और पढ़ें`
            yield ctx.finding(
                self, start, end,
                f"the paragraph ends on '{verb}' with no danda",
                [Fix(start, end, f"{verb}।", applicability=UNSAFE)],
            )


_FINITE_WORDS = ("है ", "हैं ", "था ", "थे ", "थी ", "थीं ")  # what each _FINITE match is, and spans


def _finite_words(text: str, start: int, end: int) -> int:
    """A bound on the _FINITE matches in text[start:end] (each is one of _FINITE_WORDS, and they do
    not overlap, so none is counted twice): found by str.count, where the stretch's words are a regex."""
    return sum(text.count(word, start, end) for word in _FINITE_WORDS)


def _finite_places(text: str) -> list[int]:
    """Where each of _FINITE_WORDS is written in the text, in order: found once per article (one
    needle search with the perfective verbs: `_verb_places`), so that a line's or a stretch's
    `_finite_words` is two bisections of this list, not six `str.count` calls (one per word) for
    every line and again for every stretch.

    A count of the places in [start, end) is `_finite_words(text, start, end)` wherever no use runs
    across `end`: a line ends at a newline or the text's end, a stretch at a sentence end or its
    line's end, and each word is letters, signs and a space, none of them either. No word overlaps
    another use of itself (each opens with a letter and ends with the space), so `find` from the
    next character finds what `count` counts. A test compares the two."""
    return _verb_places(text)[0]


def _verb_places(text: str) -> tuple[list[int], list[int]]:
    """The places of _FINITE_WORDS (`_finite_places`) and of _CLOSING_NEEDLES, in order: one needle
    search for both (about half the time of `char_starts` for the first and a search for the second).
    No place holds two of them: each needle is a word and its space."""
    finite: list[int] = []
    closing: list[int] = []
    for at in needle_starts(text, _VERB_NEEDLES):
        (finite if text.startswith(_FINITE_WORDS, at) else closing).append(at)
    return finite, closing


def _next_word(text: str, at: int, end: int) -> str | None:
    """What `_FINITE.finditer(text, start, end)` reads as the next clause's first word (its group 1)
    for the है/था written at `at` (a place of `_finite_places`, start <= at < end), or None where it
    finds no match there: read at the few places the list holds, where the pattern was run over every
    character of the stretch. A test compares the two."""
    if at and text[at - 1] in DEVANAGARI_SET:
        return None  # the end of a longer word (रहता है: ता, not था)
    after = text.find(" ", at) + 1  # the word's own space: the places are the words with it
    if after > end:
        return None
    return DEVANAGARI_RUN.match(text, after, end).group() or None


def _opens(text: str, at: int, end: int, openers: frozenset[str], closed: frozenset[str]) -> bool:
    """Whether the word after the है/था written at `at` (a place of `_finite_places`) opens a
    sentence, as `_opener_at` reads it; False where `_next_word` finds no next word (inlined: a
    place of every short stretch is asked)."""
    if at and text[at - 1] in DEVANAGARI_SET:
        return False  # the end of a longer word (रहता है: ता, not था)
    after = text.find(" ", at) + 1
    return after <= end and _opener_at(text, after, end, openers, closed)


def _opener_at(text: str, at: int, end: int, openers: frozenset[str], closed: frozenset[str]) -> bool:
    """Whether the word at `at` opens a sentence: an opener of `clause_links.tsv` (वहीं, इसके …), or
    the first of one to four words that end on the ergative ने with the clause going on after it
    (… जानती है टीम के कप्तान ने कहा …: a subject with ने opens a clause of its own), none of them a
    joiner or a relative word, and no कि after ने (कहा है मंत्री ने कि …: a subject put after its verb)."""
    m = _WORD_AT.match(text, at, end)
    if m is not None and m.group() in openers:
        return True
    if m is None or text.find(" ने ", at, min(end, at + 160)) < 0:
        return False  # no ने ahead (most places)
    ergative = _ERGATIVE.match(text, at, end)
    return ergative is not None and not any(word in closed for word in ergative.group(1).split())


def _boundaries(text: str, start: int, end: int, joiners: frozenset[str], relatives: frozenset[str],
                openers: frozenset[str], closed: frozenset[str] = frozenset()):
    """(end of the है, end of the next word, whether a sentence end should follow) of each clause end
    inside text[start:end]: a relative clause glued to the है (जिन्हें, जिसने) is a juncture of the
    stretch where no sentence end goes."""
    last = start  # where the current clause began: the stretch's start or the last है read
    for m in _FINITE.finditer(text, start, end):
        before = text[last:m.start()]
        last = m.end()
        following = m.group(1)
        next_end = m.end() + len(following)
        relative = _RELATIVE.match(following) is not None
        if (following in joiners and not relative) or next_end >= len(text) or next_end > end:
            continue  # goes on with the sentence; or the excerpt's cut-off last word
        words = DEVANAGARI.word.findall(before)
        if not words or (words[-1][-1] not in _SIGN_ENDS
                         and not _opener_at(text, m.end(), end, openers, closed)):
            continue  # a bare noun before है: a copula whose complement may follow (not a sentence's opener)
        if any(word in relatives for word in words):
            continue  # a relative clause: its correlative main clause follows
        if words[-1] in _DEMONSTRATIVES:
            continue  # पहली शर्त वो है उसकी उम्र: a copula naming what the pronoun stands for, which follows
        clause = _CLAUSE_CUT.split(before)[-1]
        if len(_WORD.findall(clause)) < _MIN_CLAUSE:
            continue
        # m covers है and the space after it; a relative clause glued on with no comma counts as a
        # juncture of the run-on stretch, but a danda would cut it off: it is not offered one
        yield m.end() - 1, next_end, not relative


# A perfective or future verb that closes a clause (गया, हो गई, किया, होगी, करेंगे), with its space:
# found by one needle search (a place followed by a letter is the end of a longer word)
_CLOSING_NEEDLES = tuple(f"{verb} " for verb in (
    "गया", "गई", "गए", "गये", "किया", "दिया", "लिया", "हुआ", "हुई", "करवाया", "बताया", "होगा", "होगी", "होंगे",
    "रहेगा", "रहेगी", "रहेंगे", "करेगा", "करेगी", "करेंगे", "जाएगा", "जाएगी", "जाएंगे", "करें"))
# A demonstrative right before है/था: the copula names what it stands for, after it (पहली बात यह है ...)
_DEMONSTRATIVES = frozenset("वो वह यह ये यही वही".split())
# The future of होना after a bare noun may be a copula with its complement after it (वाहन होगा अब सीज)
_COPULAS = frozenset(("होगा", "होगी", "होंगे"))
# A paragraph's last word: a finite verb that ends a sentence
_LAST_SET = frozenset("है हैं था थे थी थीं गया गई गए गये किया दिया लिया हुआ हुई होगा होगी होंगे रहेगा रहेगी रहेंगे "
                      "करेगा करेगी करेंगे जाएगा जाएगी जाएंगे".split())
_LAST_WORDS = tuple(_LAST_SET)  # for str.endswith
_SIGN_GATED = frozenset(word.rstrip() for word in _FINITE_WORDS) | _COPULAS  # है/था forms and होगा forms
_CUTS = "।|?!.:\n,;–—\"“”‘’'()"


def _clause_words(text: str, end: int) -> list[str]:
    """The Hindi words of the clause that ends at `end`: back to the last sentence end, comma,
    dash, quote or bracket (within 300 characters)."""
    start = max(0, end - 300)
    cut = max(text.rfind(mark, start, end) for mark in _CUTS)
    return DEVANAGARI.word.findall(text, max(start, cut + 1), end)


def _body_follows(text: str, lines, number: int) -> bool:
    """Whether a line of text follows line `number` that is not a teaser's `…`."""
    for start, end in lines[number + 1:]:
        line = text[start:end].strip()
        if line:
            return not line.startswith(("…", "...", "और पढ़ें"))
    return False


_WORD_AT = re.compile(f"[{_LETTER}][{_LETTER}]*(?![{_LETTER}])")
# one to four words before ने, and two more after it (not कि): a subject that opens a clause
_ERGATIVE = re.compile(f"((?:[{_LETTER}A-Za-z0-9]+ ){{1,4}})ने (?!कि(?![{_LETTER}]))(?:[{_LETTER}A-Za-z0-9]+ ){{2}}")
_MARK_NAMES = {"।": "danda", ".": "full stop"}


def _sentence_mark(text: str) -> str:
    """The mark the article ends its sentences with: the danda, or the full stop where it writes no
    danda and ends two sentences or more with a full stop after a Hindi word (a fix puts in the
    article's own mark; a paragraph's end is read only beside dandas)."""
    if "।" in text or text.count(". ") < 2:
        return "।"
    ends = 0
    at = text.find(". ")
    while at > 0 and ends < 2:
        ends += text[at - 1] in DEVANAGARI_SET
        at = text.find(". ", at + 2)
    return "." if ends >= 2 else "।"


_VERB_NEEDLES = _FINITE_WORDS + _CLOSING_NEEDLES
