"""What every check shares: the Check base class and the per-article Context."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from audit.core import cached_property
from typing import ClassVar

from audit.core.conventions import Conventions, find_conventions
from audit.core.document import Article, Sentence, Token
from audit.core.findings import Finding, Fix, Severity, made
from audit.core.lines import lf_view
from audit.language.glossary import Glossary
from audit.language.lexicon import Lexicon
from audit.core.phrases import Match, PhraseIndex


@dataclass(frozen=True)
class SourceSegment:
    """The English original of a stretch of the target: `text` is what `article.text[start:end]` translates."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class AlignedUnit:
    """A source segment and the target sentences it was aligned with (the unit bilingual checks compare)."""

    source: str
    sentences: tuple[Sentence, ...]

    @property
    def start(self) -> int:
        return self.sentences[0].start

    @property
    def end(self) -> int:
        return self.sentences[-1].end


@dataclass
class Context:
    article: Article
    glossary: Glossary
    lexicon: Lexicon
    settings: dict[str, float] = field(default_factory=dict)
    # The English original, where one is known (pairs files, `--source`); checks that compare
    # against it skip an article without one.
    sources: tuple[SourceSegment, ...] | None = None

    @cached_property
    def aligned(self) -> list[AlignedUnit]:
        """Each source segment with the target sentences inside its span (none without a source)."""
        sentences = self.article.sentences
        starts = [s.start for s in sentences]
        units: list[AlignedUnit] = []
        for seg in self.sources or ():
            if not seg.text.strip():
                continue
            first = bisect.bisect_left(starts, seg.start)  # sentences are in text order: no quadratic scan
            inside = tuple(s for s in sentences[first : bisect.bisect_right(starts, seg.end)] if s.end <= seg.end)
            if inside:
                units.append(AlignedUnit(seg.text, inside))
        return units

    @cached_property
    def _source_by_sentence(self) -> dict[int, str]:
        return {s.index: unit.source for unit in self.aligned for s in unit.sentences}

    def source_of(self, sentence: Sentence) -> str | None:
        """The English the sentence was aligned with, or None."""
        return self._source_by_sentence.get(sentence.index)

    def finding(self, check: "Check", start: int, end: int, message: str, fixes: Iterable[Fix] = (),
                severity: Severity | None = None, confidence: float = 1.0) -> Finding:
        # (Finding.at, its arguments by place)
        return made(self.article, start, end, check.code, check.name, check.category, severity or check.severity,
                    message, fixes, confidence)

    def setting(self, check: "Check", name: str) -> float:
        return self.settings.get(f"{check.code}.{name}", check.defaults[name])

    @cached_property
    def line_view(self) -> str:
        """The article's text with each lone "\r" written "\n" (`lines.lf_view`: offsets hold), for what
        finds a line by "\n": a kicker, a dateline, a label is a whole line in an old Mac file too."""
        return lf_view(self.article.text)

    @cached_property
    def conventions(self) -> Conventions:
        """Glosses, kickers, English lines, spec lists, headlines, chrome: house usage, not artifacts."""
        return find_conventions(self.line_view, self.article.ascii_text)

    @cached_property
    def _sentence_keys(self) -> dict[int, str]:
        """A sentence's token keys as " k1 k2 ... ", by its index: made for the sentences a
        mention is looked for around, not for every sentence of the article."""
        return {}

    def mentions(self, phrases: Iterable[str], sentence: int, radius: int = 0) -> str | None:
        """The first of `phrases` found within `radius` sentences of `sentence`, if any."""
        sentences, keys = self.article.sentences, self._sentence_keys
        first, last = max(0, sentence - radius), min(len(sentences), sentence + radius + 1)
        for i in range(first, last):
            if i not in keys:
                keys[i] = " " + " ".join([t.key for t in sentences[i].tokens]) + " "
        window = "".join([keys[i] for i in range(first, last)])
        for phrase in phrases:
            if (_PHRASE_CACHE.get(phrase) or _padded_keys(phrase)) in window:  # (a call per phrase only when new)
                return phrase
        return None

    def covered(self, index: PhraseIndex) -> set[tuple[int, int]]:
        """Spans of the tokens inside matches of `index` (glossary names, known anglicisms),
        so that a check can leave alone what another one already covers."""
        spans = self._covered.get(id(index))
        if spans is None:
            spans = self._covered[id(index)] = {
                (t.start, t.end)
                for sent, m in scan_sentences(self, index)
                for t in sent.tokens[m.first : m.last + 1]
            }
        return spans

    @cached_property
    def _covered(self) -> dict[int, set[tuple[int, int]]]:
        return {}

    @cached_property
    def _scanned(self) -> dict[int, list[tuple[Sentence, Match]]]:
        return {}

    @cached_property
    def shared(self) -> dict[str, object]:
        """What several checks work out from the article alike (its Devanagari word counts), by
        name: worked out by the first that asks, read (never changed) by the others."""
        return {}


_PHRASE_CACHE: dict[str, str] = {}


def _padded_keys(phrase: str) -> str:
    """A phrase's token keys as " k1 k2 ... ", as `mentions` looks for them: made once per phrase."""
    padded = _PHRASE_CACHE.get(phrase)
    if padded is None:
        from audit.core.document import tokenize_phrase

        padded = _PHRASE_CACHE[phrase] = f" {' '.join(tokenize_phrase(phrase))} "
    return padded


class Check:
    """A check finds one kind of artifact. Subclasses set the class attributes and `run`."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    defaults: ClassVar[dict[str, float]] = {}
    # True when a finding on one line depends on text anywhere in the article (a majority spelling,
    # a repeated sentence): re-auditing a few lines alone cannot confirm or clear it.
    article_wide: ClassVar[bool] = False
    # False: the check runs only where a desk names its code in `select` (a code prefix such as ANGL
    # does not switch it on): its findings on real news were mostly false (ANGL002).
    on_by_default: ClassVar[bool] = True

    def run(self, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]


def span_of(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    return tokens[first].start, tokens[last].end


def scan_sentences(ctx: Context, index: PhraseIndex) -> list[tuple[Sentence, Match]]:
    """Every match of `index` in the article, with its sentence, in text order. Several checks scan
    one index (the glossary's forms: TERM001, TERM003, ANGL002's names), so each article scans it once."""
    found = ctx._scanned.get(id(index))
    if found is None:
        article = ctx.article
        found = ctx._scanned[id(index)] = index.scan_sentences(article.sentences, texts=article.token_texts)
    return found
