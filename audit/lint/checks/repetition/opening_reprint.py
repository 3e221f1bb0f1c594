"""An article's opening printed again inside its own paragraph after a line that invites the reader on
(REP002): a blog whose lines were run together, its summary, `आइए विस्तार से जानें।`, and the body
opening with the summary again."""

from __future__ import annotations

import re

_OPENING_PARAGRAPHS = 3  # the opening sentences are those that open one of the first this many paragraphs
_GAP = 2  # at most this many sentences between the opening and its reprint
# A sentence that invites the reader on into the body (आइए इसके बारे में विस्तार से जानें, आगे पढ़ें): the
# hortative or polite imperative of जानना / पढ़ना, or आइए itself
_READ_ON = re.compile(r"(?<![\u0900-\u097f])(?:आइए|आइये|आईए|जानिए|जानिये|जानें|पढ़ें|पढ़िए)(?![\u0900-\u097f])")


def opening_reprinted(article, copies: list[tuple]) -> set[int]:
    """The starts of the copies (`(copy, first, score)`, each in its first's paragraph) that print the
    article's opening again inside its own paragraph: a run of two or more, in order, of the sentences
    from one that opens one of the first three paragraphs, with one or two sentences between the runs,
    one of which invites the reader on (`_READ_ON`). Without such a line the opening said again is a
    copy (the lead's sentences pasted again after another sentence), and so is a run right after its
    first copy (a paragraph pasted twice) or a copy of sentences further in."""
    sentences = article.sentences
    index = {sent.start: i for i, sent in enumerate(sentences)}
    opening: dict = {}  # paragraph -> its first sentence's index
    for i, sent in enumerate(sentences):
        if sent.paragraph not in opening:
            if len(opening) == _OPENING_PARAGRAPHS:
                break
            opening[sent.paragraph] = i
    pairs = {index[first.start]: index[copy.start] for copy, first, _ in copies}
    out: set[int] = set()
    for first in opening.values():
        run = 0
        while first + run in pairs and pairs[first + run] == pairs.get(first, -1) + run:
            run += 1
        gap = sentences[first + run : pairs[first]] if run >= 2 else []
        if 0 < len(gap) <= _GAP and any(_READ_ON.search(sent.text) for sent in gap):
            out.update(sentences[pairs[first] + k].start for k in range(run))
    return out
