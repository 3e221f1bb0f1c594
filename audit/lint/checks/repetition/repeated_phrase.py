from __future__ import annotations

from audit.core.document import Token
from audit.core.findings import DISPLAY_ONLY, UNSAFE, Fix, Severity
from audit.lint.checks.base import Check, Context


class RepeatedPhrase(Check):
    """A phrase of three or more words said twice in one sentence (or in two adjacent ones).

    Anti-pattern:  अपने मॉडल को कम लागत पर अपने मॉडल को प्रशिक्षित किया।
    Fix:           अपने मॉडल को कम लागत पर प्रशिक्षित किया।
    A repeat needs three content words (not का, के, में, लेने…): parallel phrases such as
    "मानव जाति की … मानव जाति की" are normal Hindi. Across adjacent sentences it must be
    longer still, since writers do repeat a name and its noun.
    """

    code = "REP001"
    name = "repeated-phrase"
    category = "repetition"
    severity = Severity.ERROR
    defaults = {"min_words": 3, "min_content": 3, "min_words_adjacent": 6, "min_content_adjacent": 4}

    def run(self, ctx: Context):
        sentences = ctx.article.sentences
        reported: set[int] = set()
        for i, sent in enumerate(sentences):
            words = sent.words
            yield from self._scan(ctx, words, words, True, reported)
            if i + 1 < len(sentences):
                yield from self._scan(ctx, words, sentences[i + 1].words, False, reported)

    def _scan(self, ctx: Context, first: list[Token], second: list[Token], same: bool, reported: set[int]):
        min_words = int(ctx.setting(self, "min_words" if same else "min_words_adjacent"))
        min_content = int(ctx.setting(self, "min_content" if same else "min_content_adjacent"))
        stop = ctx.lexicon.stopwords
        seen: dict[tuple[str, ...], list[int]] = {}
        for p in range(len(first) - min_words + 1):
            seen.setdefault(tuple(t.key for t in first[p : p + min_words]), []).append(p)
        q = 0
        while q <= len(second) - min_words:
            gram = tuple(t.key for t in second[q : q + min_words])
            best = 0
            for p in seen.get(gram, ()):
                if same and p >= q:
                    break
                length = 0
                while (q + length < len(second) and p + length < len(first)
                       and first[p + length].key == second[q + length].key
                       and (not same or p + length < q)):
                    length += 1
                best = max(best, length)
            phrase = second[q : q + best]
            if (best >= min_words and sum(t.key not in stop for t in phrase) >= min_content
                    and phrase[0].start not in reported):
                reported.add(phrase[0].start)
                yield self._finding(ctx, phrase, same)
                q += best
            else:
                q += 1

    def _finding(self, ctx: Context, phrase: list[Token], same: bool):
        text = ctx.article.text
        start, end = phrase[0].start, phrase[-1].end
        cut = start
        while cut > 0 and text[cut - 1] in " \t":
            cut -= 1
        where = "earlier in this sentence" if same else "in the sentence before"
        return ctx.finding(
            self, start, end,
            f"'{text[start:end]}' ({len(phrase)} words) already appears {where}; delete the repeat",
            # Deleting a repeat inside one sentence usually leaves it whole; in the next sentence it
            # leaves a fragment ("… लागू की। गई।"), so there the deletion is only a hint.
            [Fix(cut, end, "", applicability=UNSAFE if same else DISPLAY_ONLY)],
            severity=self.severity if same else Severity.WARNING,
        )
