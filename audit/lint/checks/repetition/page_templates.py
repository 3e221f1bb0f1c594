"""REP002's template readings: where a sentence printed twice is the page's layout, not a copy to delete
(a headline or standfirst printed again, a recap of the lead with a new detail, a caption restating the
standfirst, a teaser cut off with […], a story printed twice under its headline, a paragraph doubled
back to back). `repeated_sentence.RepeatedSentence` finds the pairs; these say which to keep quiet."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from operator import attrgetter

from audit.core.conventions import HEADLINE, KICKER, SPEC_LINE, URL
from audit.core.text import fold
from audit.lint.checks.base import Context


def recap(article, prev, prev_bag: frozenset[str], sent, bag: frozenset[str]) -> bool:
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


def doubled_paragraphs(article, conventions) -> dict[int, tuple]:
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


def story_reprinted(ctx: Context, conventions, first: int, copy: int) -> bool:
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


def caption(text: str, conventions, sent) -> bool:
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


def repeated_standfirst(article, count: int) -> set[int]:
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
# A danda, ? or !, or a full stop after a word (three Devanagari characters before it: no डॉ.), with more
# of the line after it: the line holds a whole sentence, so it is prose even where its last sentence is
# cut off (a page or an excerpt that ends mid-sentence; a desk that ends sentences with full stops).
_INNER_END = re.compile("(?:[।?!]|(?<=[\u0900-\u097f]{3})\\.)[\"”'’]?[ \t]+\\S")


# A page's title may run longer than a headline line elsewhere (17 words and a comma: two clauses)
_LONG_TITLE_WORDS = 24


def standfirst_and_lead(article, conventions) -> tuple[int, int] | None:
    """The first two prose paragraphs, where the first is a standfirst: three sentences at most,
    set off as one by a headline line above it (or the page's first line, a title of up to 24 words
    with no end mark, a label such as `VIDEO:` opening it or not), by a sub-head line between it and the
    lead, or by a label or date stamp opening it (`संक्षेप:`, `date 2025-01-05`). A prose paragraph's line is no headline, chrome,
    English or spec line and ends a sentence (a stray `,` or `;` after the mark or not) or holds a whole one before its last (a lead cut off mid-sentence where the page
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
        # (a stray comma or semicolon after the end mark, `गए।;`, is the page's typing: still prose)
        if kind is None and (line.rstrip().rstrip(",;").endswith(_PROSE_ENDS) or _INNER_END.search(line)):
            if not prose:
                opening = start + len(line) - len(line.lstrip())
                marked = headline_above or conventions.kind(opening, opening + 1) in (KICKER, URL)
            prose.append(sent.paragraph)
        elif kind == HEADLINE or (kind in (None, SPEC_LINE) and start == 0 and len(line.split()) <= _LONG_TITLE_WORDS):
            # a HEADLINE line, or the page's first line with no end mark: its title, a kicker's label
            # before it or not (`VIDEO: ...` reads as a label and its value)
            headline_above = True
            if len(prose) == 1 and kind == HEADLINE:
                marked = True  # a sub-head between the first paragraph and the lead sets the first off
    if len(prose) < 2 or counts[prose[0]] > 3 or not marked:
        return None
    return prose[0], prose[1]
