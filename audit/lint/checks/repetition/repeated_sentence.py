from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from itertools import chain, compress
from operator import attrgetter, itemgetter

from audit.core.conventions import HEADLINE, KICKER, URL
from audit.core.text import fold
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context
from audit.lint.checks.chrf import chrf_ceiling, sentence_chrf
from audit.lint.checks.repetition.opening_reprint import opening_reprinted
from audit.lint.checks.words import word_code_table, word_codes

MAX_COMPARED = 64


class RepeatedSentence(Check):
    """A sentence that appears again, word for word or nearly (chrF), elsewhere in the article.

    Anti-pattern:  कंपनी जांच कर रही है। … (two paragraphs later) … कंपनी जांच कर रही है।
    Fix:           delete the later copy.
    A page template is not a duplication: a headline, standfirst or pull-quote line (a line of
    its own) repeated later in the text, a short standfirst paragraph of the first lines repeated
    whole, every sentence of it (word for word or with one word spelt otherwise), further down, a run
    of two or more sentences of an opening paragraph printed again (a summary glued to the title and
    printed again as the body's start), or a standfirst (the first prose paragraph, three
    sentences at most, set off by a headline line above it or a label opening it) that the lead,
    the next prose paragraph, restates in part: `संक्षेप: ... टिप्स शेयर किए। जो माता-पिता के काम आएंगे।` then
    `... कुछ माओं के लिए टिप्स शेयर किए। जो माता-पिता के काम आएंगे।`. Nor is a news recap: a
    sentence of the opening (the first three paragraphs) told again in a later paragraph with all of
    its words and a new detail inside it, two words or more (`जहां एक … ट्रक ने बाइक को टक्कर मार दी।`
    then `जहां देर रात एक … ट्रक ने बाइक को टक्कर मार दी।`): the body retelling its lead adds a fact,
    where a duplicate adds none or a word (a dateline put in front is no detail: the opening printed again).
    Nor is the article's opening run of two or more sentences printed again, in order, in its own
    paragraph after one or two sentences that invite the reader on (`आइए विस्तार से जानें।`: a blog whose
    lines were run together, its summary printed again as the body's start); without that line, the lead
    pasted again after another sentence is a copy. Nor is a photo caption restating the standfirst (a line of its own with no sentence end), nor a
    feed's teaser cut off with `[…]` above the story it opens (its last sentence begins one told in full).
    A prose paragraph of two sentences or more printed again right after itself, word for word (the
    second copy may be cut off where the text ends), is one finding on the second copy, wherever it
    stands: a template prints its standfirst again after a headline, a byline or another paragraph,
    never back to back (`_doubled_paragraphs`).
    Fix safety: unsafe for an exact copy; a hint for a near copy (it may carry the one new fact).
    """

    code = "REP002"
    name = "repeated-sentence"
    category = "repetition"
    severity = Severity.ERROR
    article_wide = True  # the repeated sentence may be anywhere
    defaults = {"min_words": 6, "min_chrf": 85.0, "min_overlap": 0.6}

    def run(self, ctx: Context):
        min_words = int(ctx.setting(self, "min_words"))
        threshold = ctx.setting(self, "min_chrf")
        min_overlap = ctx.setting(self, "min_overlap")
        conventions = ctx.conventions
        lead: set[int] | None = None  # the repeated standfirst's sentences (starts), looked for once a copy is found
        doubled: dict[int, tuple] | None = None  # a paragraph printed back to back: (copy, first), likewise
        told: set[int] = set()
        restated: tuple[int, int] | None = None  # the standfirst's paragraph and the lead's
        # A sentence's bag of words is the set of its words' codes (one character per word key,
        # shared with REP001): made by frozenset in compiled code, not read token by token.
        codes = word_codes(ctx)
        long = list(map(min_words.__le__, map(len, codes)))
        bags = list(zip(compress(ctx.article.sentences, long), map(frozenset, compress(codes, long))))
        candidates = _OverlapIndex(bags, min_overlap, word_code_table().key_of)
        earlier: list[tuple[object, frozenset[str]]] = []
        # each text's first place in `earlier`: asked for only past MAX_COMPARED candidates (seldom),
        # so made then, from `earlier`, and kept up to date from there on (not a hash of every text)
        first_copy: dict[str, int] | None = None
        # the findings in text order: a copy in its first's own paragraph as (copy, first, score), decided
        # at the end (`opening_reprinted` needs the copies after it), any other as made
        found: list = []
        within: list[tuple] = []
        for sent, bag in bags:
            # only earlier sentences that can reach the word-overlap bar, in article order: the
            # findings are those of comparing every pair, at the cost of comparing a few. Past
            # MAX_COMPARED (sentences with one bag of words in many orders) only a verbatim copy is
            # looked up, so no article costs more than MAX_COMPARED chrF scores per sentence.
            prefix = candidates.prefix(bag)
            if prefix is None:
                continue  # its index words are its own: no sentence, earlier or later, can be near it
            near = candidates.near(prefix, MAX_COMPARED)
            if len(near) > MAX_COMPARED:
                if first_copy is None:
                    first_copy = _first_places(earlier)
                copy = first_copy.get(sent.text)
                near = near[:MAX_COMPARED] + ([copy] if copy is not None and copy > near[MAX_COMPARED - 1] else [])
            for k in near:
                prev, prev_bag = earlier[k]
                # cheap word-overlap filter first: chrF on every pair is quadratic and slow
                shared = len(bag & prev_bag)
                if shared / (len(bag) + len(prev_bag) - shared) < min_overlap:  # Jaccard, no union built
                    continue
                if prev.text == sent.text:
                    score = 100.0
                elif chrf_ceiling(sent.text, prev.text) < threshold - 1e-9:  # (a margin for rounding)
                    continue  # too much longer or shorter to score the bar: sacrebleu is not asked
                else:
                    score = sentence_chrf(sent.text, prev.text)
                if score >= threshold:
                    if lead is None and prev.paragraph != sent.paragraph:
                        lead = _repeated_standfirst(ctx.article, 3)
                        restated = _standfirst_and_lead(ctx.article, conventions)
                        doubled = _doubled_paragraphs(ctx.article, conventions)
                    if doubled and sent.paragraph in doubled:
                        if sent.paragraph not in told:  # one finding for the whole copy
                            told.add(sent.paragraph)
                            found.append(self._paragraph_finding(ctx, *doubled[sent.paragraph]))
                        break
                    template = prev.paragraph != sent.paragraph and (
                        conventions.whole_line(prev.start, prev.end) or prev.start in lead
                        or _caption(ctx.article.text, conventions, sent)
                        or (prev.paragraph, sent.paragraph) == restated
                        or _recap(ctx.article, prev, prev_bag, sent, bag)
                        or _reprinted(ctx, conventions, prev.start, sent.start))
                    if prev.paragraph == sent.paragraph:  # (no template above): decided at the end
                        within.append((sent, prev, score))
                        found.append(within[-1])
                    elif not template:
                        found.append(self._finding(ctx, sent, prev, score))
                    break
            else:
                candidates.add(len(earlier), prefix)
                if first_copy is not None:
                    first_copy.setdefault(sent.text, len(earlier))
                earlier.append((sent, bag))
        reprinted = opening_reprinted(ctx.article, within) if within else set()
        for item in found:
            if type(item) is not tuple:
                yield item
            elif item[0].start not in reprinted:
                yield self._finding(ctx, *item)

    def _finding(self, ctx: Context, sent, prev, score: float):
        text = ctx.line_view  # a lone "\r" read as the line end it is (offsets hold)
        start, end = sent.start, sent.end
        line, _ = ctx.article.position(prev.start)
        cut_start, cut_end = start, end
        while cut_start > 0 and text[cut_start - 1] in " \t":
            cut_start -= 1
        at_line_start = cut_start == 0 or text[cut_start - 1] == "\n"
        if at_line_start:
            while cut_end < len(text) and text[cut_end] in " \t":
                cut_end += 1
            if cut_start == start:  # a whole line: its line end goes with it, "\r\n" whole
                if text.startswith("\r\n", cut_end):
                    cut_end += 2
                elif text.startswith("\n", cut_end):
                    cut_end += 1
        kind = "repeats" if score >= 100.0 else f"nearly repeats (chrF {score:.1f})"
        return ctx.finding(
            self, start, end,
            f"this sentence {kind} the sentence on line {line}; delete one copy",
            # An exact copy can go (an editor should still look); a near copy differs somewhere,
            # and deleting it could drop the one new fact, so that deletion is only a hint.
            [Fix(cut_start, cut_end, "", applicability=UNSAFE if score >= 100.0 else DISPLAY_ONLY)],
            confidence=min(1.0, score / 100.0),
        )


    def _paragraph_finding(self, ctx: Context, copy, first):
        """A paragraph (`copy`, an article.paragraphs entry) printed again right after `first`."""
        text = ctx.line_view
        start, end = copy.start, copy.end
        cut_start = text.rfind("\n", 0, start) + 1  # the copy's whole line goes, with its line end
        cut_end = text.find("\n", end)
        cut_end = len(text) if cut_end < 0 else cut_end + 1
        line, _ = ctx.article.position(first.start)
        return ctx.finding(
            self, start, end, f"this paragraph repeats the paragraph on line {line} word for word; delete one copy",
            [Fix(cut_start, cut_end, "", applicability=UNSAFE)], confidence=1.0)


class _OverlapIndex:
    """Prefix filtering (Bayardo et al., "Scaling up all pairs similarity search", 2007).

    Order every word by how few sentences hold it. Two sets whose Jaccard overlap is at least t share
    a word among the first |A| - floor(t*|A|) + 1 of each set's words in that order; so indexing each
    set under its prefix words finds every pair at or above t (and no false negatives), while the
    common words that make all-pairs comparison quadratic sit at the end of every order, unindexed.
    """

    def __init__(self, bags: list[tuple[object, frozenset[str]]], min_overlap: float, key_of: dict[str, str]):
        """`bags`: each sentence's words as codes, `key_of` the word key of a code."""
        self.min_overlap = min_overlap
        frequency = Counter(chain.from_iterable(map(itemgetter(1), bags)))
        # A word of one sentence alone (in one bag) is the rarest of
        # all, first in every order, and never shared: it is left out of the order, and of the
        # index, whose other words keep their places (ranked among themselves as among all words).
        # Each word's place in the order (rarest first, ties by the word's key) is given by a string
        # that sorts as the pair would: its count as one character, then the key (which no two words
        # share). A bag's prefix is sorted by it; the vocabulary is never sorted (two sorts of it, by
        # the key and then by the count, cost more than the prefixes' sorts of a few words each).
        self.rank = {word: chr(n) + key_of[word] for word, n in frequency.items() if n > 1}
        # the ranked words as a set: a bag's are found by a set intersection, which reads the bag's
        # few words against it in C (a dict's key view met with a set steps through a generic iterator)
        self.ranked = set(self.rank)
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.every: list[int] = []  # with a bar of 0 even disjoint sentences qualify: no filter works

    def prefix(self, bag: frozenset[str]) -> list[str] | None:
        """The bag's words that index it, its rarest |A| - floor(t*|A|) + 1, less those of no other
        sentence; None where those are all it has (then nothing can be near it)."""
        rank = self.rank
        shared = bag & self.ranked
        # floor, not ceil: never shorter than the bound needs, even when t*|A| rounds up in floating point
        wanted = len(shared) - math.floor(self.min_overlap * len(bag)) + 1
        if wanted <= 0:
            return None
        return sorted(shared, key=rank.__getitem__)[:wanted]

    def near(self, prefix: list[str], limit: int) -> list[int]:
        """The first `limit` + 1 candidates in article order (each posting list is already in order)."""
        if self.min_overlap <= 0:
            return self.every[: limit + 1]
        get = self.postings.get
        lists = list(filter(None, map(get, prefix)))
        if not lists:
            return []  # (most sentences: no earlier one shares a prefix word)
        if sum(map(len, lists)) <= 4 * limit:  # few: one sort; many: merged only as far as needed
            return sorted(set().union(*lists))[: limit + 1]
        out: list[int] = []
        for k in heapq.merge(*lists):
            if not out or out[-1] != k:
                out.append(k)
                if len(out) > limit:
                    break
        return out

    def add(self, k: int, prefix: list[str]) -> None:
        self.every.append(k)
        for word in prefix:
            self.postings[word].append(k)



def _recap(article, prev, prev_bag: frozenset[str], sent, bag: frozenset[str]) -> bool:
    """Whether `sent` retells `prev`, a sentence of the opening (the first three paragraphs): prev's
    words with a detail of two words or more told inside them (देर रात, सोमवार को; one word more is
    what a copy that lost a word leaves), not before its first word or after its last (a dateline or a
    title glued in front is the opening printed again; a question run on is another sentence)."""
    if not prev_bag < bag or prev.text.rstrip()[-1:] != sent.text.rstrip()[-1:]:
        return False
    a, b = [t.key for t in prev.words], [t.key for t in sent.words]
    if len(b) - len(a) < 2:
        return False
    head = tail = 0
    while head < len(a) and a[head] == b[head]:
        head += 1
    while tail < len(a) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    if not (0 < head < len(a) and 0 < tail and head + tail == len(a)):
        return False
    if _pasted_beside(article.sentences, prev, sent):
        return False
    seen: list[int] = []
    for one in article.sentences:
        if one.paragraph not in seen:
            if len(seen) == 3:
                break
            seen.append(one.paragraph)
    return prev.paragraph in seen


def _pasted_beside(sentences: list, prev, sent) -> bool:
    """Whether the sentence before or after `sent` in its paragraph is, word for word, the one before or
    after `prev` in its own: the paragraph pasted again (a copy grown by a few words among copies), not
    the body retelling one sentence of its lead."""
    for step in (-1, 1):
        i, j = prev.index + step, sent.index + step
        if 0 <= i < len(sentences) and 0 <= j < len(sentences) and i != sent.index:
            before, after = sentences[i], sentences[j]
            if (before.paragraph == prev.paragraph and after.paragraph == sent.paragraph
                    and before.text.strip() == after.text.strip()):
                return True
    return False


def _doubled_paragraphs(article, conventions) -> dict[int, tuple]:
    """Each paragraph printed again right after itself (the next paragraph, blank lines between
    allowed), by its second copy's number: (the copy, the first copy). The first is prose of two
    sentences or more (a line of no headline, chrome or English kind that ends a sentence) and the
    copy is its text word for word, or, where the text ends inside the copy, as much of it as there
    is, two sentences at least. A headline line printed twice is the template's (no sentence end)."""
    out: dict[int, tuple] = {}
    paragraphs = article.paragraphs
    text = article.text
    end_of_text = len(text.rstrip())
    for first, copy in zip(paragraphs, paragraphs[1:]):
        if len(first.sentences) < 2 or len(copy.sentences) < 2 or conventions.line_kind(first.start) is not None:
            continue
        was = text[first.start:first.end].strip()
        now = text[copy.start:copy.end].strip()
        if not was.endswith(_PROSE_ENDS):
            continue
        if now == was or (copy.end >= end_of_text and was.startswith(now) and all(
                a.text.strip() == b.text.strip() for a, b in zip(first.sentences, copy.sentences[:2]))):
            out[copy.sentences[0].paragraph] = (copy, first)
    return out


def _first_places(earlier: list) -> dict[str, int]:
    """Each text of the `earlier` sentences by the place of its first copy among them."""
    places: dict[str, int] = {}
    for k, (prev, _) in enumerate(earlier):
        places.setdefault(prev.text, k)
    return places


def _reprinted(ctx: Context, conventions, first: int, copy: int) -> bool:
    """Whether the page printed its story twice: a headline line written again, the first copy of a
    sentence between the two headlines and the second after the second (`शीर्षक … Advertisement
    शीर्षक Admin • date …` and the same body again)."""
    pairs = ctx.shared.get("reprinted headlines")
    if pairs is None:
        seen: dict[str, int] = {}
        pairs = []
        for (start, end), kind in zip(conventions.lines, conventions.line_kinds):
            if kind == HEADLINE:
                line = ctx.article.text[start:end].strip()
                if line in seen:
                    pairs.append((seen[line], start))
                else:
                    seen[line] = start
        ctx.shared["reprinted headlines"] = pairs
    return any(one < first < two < copy for one, two in pairs)


_TEXT, _PARAGRAPH = attrgetter("text"), attrgetter("paragraph")

# A page's summary is short: only this many sentences of each opening paragraph are looked for again
# (the look is linear in the article for each of them).
_SUMMARY_SENTENCES = 8


def _caption(text: str, conventions, sent) -> bool:
    """The later copy is a line of its own with no sentence end (a photo caption restating the
    standfirst: `मलेरिया विभाग की टीम ... जुटी हुई है.` then the line `... में जुटी मलेरिया विभाग की
    टीम`): a page template. A sentence pasted twice keeps its danda or full stop."""
    return (conventions.whole_line(sent.start, sent.end)
            and not text[sent.start:sent.end].rstrip().endswith(_SENTENCE_ENDS))


_SENTENCE_ENDS = ("।", ".", "?", "!", "॥", "|")


def _teaser_told(article, sents: list, sent, text: str) -> bool:
    """A teaser's last sentence, cut off with […] (a feed's excerpt printed above the story), opens a
    sentence told in full elsewhere: the excerpt, not a copy to delete."""
    if sent is not sents[-1] or not text.endswith(_CUT_MARKS):
        return False
    head = text.rstrip("[]…. ").strip()
    return len(head.split()) >= 4 and any(other.paragraph != sent.paragraph and other.text.strip().startswith(head)
                                          for other in article.sentences)


_CUT_MARKS = ("[…]", "[...]", "[ … ]")



def _repeated_standfirst(article, count: int) -> set[int]:
    """The starts of the sentences, among the first `count` paragraphs, that a page template printed
    again further down: every sentence of a short paragraph (three at most), or a run of two or more
    consecutive sentences of a longer one (a summary glued to the title and printed again as the
    body's start). A sentence comes again when it is written elsewhere outside its paragraph word for
    word, or with one word spelt otherwise (the body's copy with a spelling corrected: one sign or letter
    inside the word, not an ending, a number or another word, which a paragraph pasted twice and
    edited shows)."""
    members: dict[int, list] = {}
    for sent in article.sentences:
        if sent.paragraph not in members and len(members) == count:
            break
        members.setdefault(sent.paragraph, []).append(sent)
    out: set[int] = set()
    # how often each sentence is written in the whole article (its text stripped), by maps in C
    written = Counter(map(str.strip, map(_TEXT, article.sentences)))
    by_length: dict[int, list] | None = None  # every sentence's words, by how many there are
    for paragraph, sents in members.items():
        own = list(map(str.strip, map(_TEXT, sents)))  # (a few: counted by list.count)
        again = []
        for sent, text in zip(sents[:_SUMMARY_SENTENCES], own):
            found = written[text] > own.count(text) or _teaser_told(article, sents, sent, text)
            words = None if found else sent.text.split()
            if words is not None and len(words) >= 4:  # (a shorter sentence must come again word for word)
                if by_length is None:
                    by_length = defaultdict(list)
                    for other_paragraph, split in zip(map(_PARAGRAPH, article.sentences),
                                                      map(str.split, map(_TEXT, article.sentences))):
                        by_length[len(split)].append((other_paragraph, split))
                # words that differ in one place at most agree in the first or the second (asked
                # first: two sentences of as many words seldom do, and the count reads them all)
                first, second = words[0], words[1]
                found = any(
                    other_paragraph != paragraph and (other[0] == first or other[1] == second)
                    and sum(map(str.__ne__, words, other)) == 1
                    and _respelt_once(words, other) for other_paragraph, other in by_length[len(words)])
            again.append(found)
        if len(sents) <= 3 and all(again):  # (`again` holds each of them: 3 < _SUMMARY_SENTENCES)
            out.update(sent.start for sent in sents)
            continue
        run: list = []
        for sent, found in zip(sents, again):
            if found:
                run.append(sent.start)
                continue
            if len(run) >= 2:
                out.update(run)
            run = []
        if len(run) >= 2:
            out.update(run)
    return out


_TRAILING_MARKS = "।.?!,;:\"'”’"


def _ye_as_e(word: str) -> str:
    """The य spelling of a vowel (गये, गयी) as its vowel letter (गए, गई): one spelling of the other."""
    return word.replace("ये", "ए").replace("यी", "ई")


def _respelt_once(words: list[str], other: list[str]) -> bool:
    """Whether the one word in which two sentences of as many words differ is one spelling of the
    other: the same letters but for one sign or letter added, dropped or swapped inside the word
    (नुकसान / नुक्सान), a nukta or a chandrabindu, or the mark after it. Another ending (किया / किए,
    टैंकर / टैंकरों), another number (दो / तीन, 12 / 22) or another word is a change of fact or
    grammar, which a template printing its summary again does not make."""
    a, b = next((x, y) for x, y in zip(words, other) if x != y)
    a, b = a.rstrip(_TRAILING_MARKS), b.rstrip(_TRAILING_MARKS)
    if a == b:
        return True
    if any(ch.isdigit() for ch in a + b):
        return False
    if fold(a) == fold(b) or _ye_as_e(a) == _ye_as_e(b):
        return True
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return any(a[i + da :] == b[i + db :] != "" for da, db in ((1, 0), (0, 1), (1, 1)))


_PROSE_ENDS = ("।", "?", "!", ".", "\"", "”", "'", "’")
# A danda, ? or ! with more of the line after it: the line holds a whole sentence, so it is prose even
# where its last sentence is cut off (a page or an excerpt that ends mid-sentence).
_INNER_END = re.compile("[।?!][\"”'’]?[ \t]+\\S")


# A page's title may run longer than a headline line elsewhere (17 words and a comma: two clauses)
_LONG_TITLE_WORDS = 24


def _standfirst_and_lead(article, conventions) -> tuple[int, int] | None:
    """The first two prose paragraphs, where the first is a standfirst: three sentences at most,
    set off as one by a headline line above it (or the page's first line, a title of up to 24 words
    with no end mark), by a sub-head line between it and the lead, or by a label or date stamp
    opening it (`संक्षेप:`, `date 2025-01-05`). A prose paragraph's line is no headline, chrome,
    English or spec line and ends a sentence or holds a whole one before its last (a lead cut off mid-sentence where the page
    text ends is still prose; a caption line run on without an end mark is not)."""
    prose: list[int] = []
    counts: dict[int, int] = {}
    headline_above = marked = False
    for sent in article.sentences:
        if sent.paragraph in counts:
            counts[sent.paragraph] += 1
            continue
        if len(prose) == 2:
            break
        counts[sent.paragraph] = 1
        start, end = conventions.line_span(sent.start)
        line = article.text[start:end]
        kind = conventions.line_kind(sent.start)
        if kind is None and (line.rstrip().endswith(_PROSE_ENDS) or _INNER_END.search(line)):
            if not prose:
                opening = start + len(line) - len(line.lstrip())
                marked = headline_above or conventions.kind(opening, opening + 1) in (KICKER, URL)
            prose.append(sent.paragraph)
        elif kind == HEADLINE or (kind is None and start == 0 and len(line.split()) <= _LONG_TITLE_WORDS):
            headline_above = True  # a HEADLINE line, or the page's first line with no end mark: its title
            if len(prose) == 1 and kind == HEADLINE:
                marked = True  # a sub-head between the first paragraph and the lead sets the first off
    if len(prose) < 2 or counts[prose[0]] > 3 or not marked:
        return None
    return prose[0], prose[1]
