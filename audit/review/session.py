"""A review session: the decisions an editor makes on one article, kept as data outside any UI.

The Textual app (`tui/`) only displays a session and calls these methods; tests and scripts
drive the same object headlessly. Every decision is journaled before it returns.

A decision re-audits only the lines it touched (with a line of context either side), so it
answers at once even on a long article; `refine()` (the app runs it in a worker) then audits
the whole article for the checks that compare a line with the rest of it, and the model rules.
The journal, undo/redo and the save are `history.py`; replaying the decisions a killed session
journaled is `replay.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from audit.core.document import Article, decode_article, parse_article
from audit.core.errors import JaanchError
from audit.core.fileio import Snapshot, read_snapshot
from audit.core.findings import SAFE, Finding, Fix, apply_fixes
from audit.core.lines import LineIndex
from audit.inputs.pairs import align_article
from audit.lint.checks import SourceSegment
from audit.lint.engine import Engine
from audit.policy.inline import apply_inline
from audit.policy.suppressions import (OCCURRENCE, TEXT, Suppression, SuppressionStore, covers, suppression_for,
                                       surroundings)
from audit.review import glossary_step
from audit.review.items import ACCEPTED, DISMISSED, EDITED, OPEN, Item, Positions, moved, reconcile, shift
from audit.review.history import ConflictError, JournaledHistory  # noqa: F401 - ConflictError: imported from here
from audit.review.journal import Journal, now


@dataclass(frozen=True)
class State:
    """What undo restores: the text, every item's state, the dismissals, the glossaries changed."""

    text: str
    items: tuple[Item, ...]
    dismissed: tuple[Suppression, ...] = ()
    glossaries: tuple[tuple[str, str | None], ...] = ()  # (path, its content in this state; None: absent)
    focus: int | None = None  # the item the decision that led here was about


@dataclass
class ReviewSession(JournaledHistory):
    path: Path
    engine: Engine
    disk_bytes: bytes
    history: list[State] = field(default_factory=list)
    future: list[State] = field(default_factory=list)
    journal: Journal | None = None
    suppressions: SuppressionStore | None = None
    extra: Callable[[Article], list[Finding]] | None = None  # model findings (house LM, QE)
    # The English sentence aligned with a finding's, when the desk passed --source; the detail pane shows it.
    aligned: Callable[[Finding], str | None] | None = None
    english: str | None = None  # the English original (--source): the bilingual checks compare with it
    next_id: int = 0
    glossary_origin: dict[str, str | None] = field(default_factory=dict)  # before this session touched them
    _journal_open: bool = False
    # The file as it was read (size, mtime, inode, SHA-256): a save replaces only that file.
    snapshot: Snapshot | None = None

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, engine: Engine,
             extra: Callable[[Article], list[Finding]] | None = None, english: str | None = None) -> "ReviewSession":
        path = Path(path)
        raw, snapshot = read_snapshot(path)
        text = decode_article(raw, str(path), empty_ok=True)
        store = SuppressionStore.load(path.parent)
        mine = tuple(s for s in store.entries if s.file == path.name)
        session = cls(path, engine, raw, journal=Journal(path), suppressions=store, extra=extra, english=english,
                      snapshot=snapshot)
        if english is not None:
            session.aligned = session._english_of
        items, session.next_id = reconcile([], session.full_audit(text), lambda f: True, 0,
                                           lambda f: covers(mine, path, f, text))
        session.history = [State(text, tuple(items), mine)]
        return session

    # --- state ---------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self.history[-1]

    @property
    def text(self) -> str:
        return self.state.text

    @property
    def items(self) -> tuple[Item, ...]:
        return self.state.items

    @property
    def findings(self) -> list[Finding]:
        """The findings still open (what `jaanch check` would report after a save)."""
        return [i.finding for i in self.state.items if i.state == OPEN]

    @property
    def dirty(self) -> bool:
        return len(self.history) > 1 or self.text != self.disk_text

    def progress(self) -> tuple[int, int]:
        """(reviewed, total): an item is reviewed once it is decided or an edit resolved it."""
        items = self.state.items
        return sum(i.state != OPEN for i in items), len(items)

    def item(self, item_id: int) -> Item | None:
        return next((i for i in self.state.items if i.id == item_id), None)

    def item_at(self, start: int, code: str | None) -> Item | None:
        return next((i for i in self.state.items if i.finding.start == start and (code is None or i.finding.code == code)
                     and i.state == OPEN), None)

    @property
    def article(self) -> Article:
        if getattr(self, "_article_text", None) != self.text:
            self._article, self._article_text = parse_article(self.text, str(self.path)), self.text
        return self._article

    def full_audit(self, text: str) -> list[Finding]:
        """Every finding on `text`: checks, model rules, inline suppressions (safe in a worker thread)."""
        article = parse_article(text, str(self.path))
        found = self.engine.audit(article, self.sources(article) if self.english is not None else None)
        if self.extra is not None:
            found = sorted(found + self.extra(article), key=lambda f: (f.start, f.end, f.code))
        return apply_inline(article, found)[0]

    def refine(self, text: str | None = None, found: list[Finding] | None = None) -> bool:
        """Settle every item against a whole-article audit of the current text.

        The app audits in a worker and calls this with the result; a result for a text the
        editor has since changed is dropped (returns False).
        """
        text = self.text if text is None else text
        if text != self.text:
            return False
        found = self.full_audit(text) if found is None else found
        items, self.next_id = reconcile(list(self.state.items), found, lambda f: True, self.next_id,
                                        self._is_dismissed)
        self.history[-1] = replace(self.state, items=tuple(items))
        return True

    def sources(self, article: Article) -> list[SourceSegment]:
        """The English sentences aligned with this text's (realigned whenever the text changes)."""
        cached = getattr(self, "_sources", None)
        if cached is None or cached[0] != article.text:
            segments = [SourceSegment(p.source, p.starts[0], p.ends[-1])
                        for p in align_article(article, self.english) if p.target and p.source]
            cached = self._sources = (article.text, segments)
        return cached[1]

    def _english_of(self, finding: Finding) -> str | None:
        return next((s.text for s in self.sources(self.article) if s.start <= finding.start < max(s.end, s.start + 1)),
                    None)

    def source_sentence(self, finding: Finding) -> str | None:
        return self.aligned(finding) if self.aligned is not None else None

    def _is_dismissed(self, finding: Finding) -> bool:
        return covers(self.state.dismissed, self.path, finding, self.text)

    def _lines_around(self, start: int, end: int) -> tuple[int, int]:
        """Start of the line holding `start` and end (before its line end) of the one holding `end`,
        lines cut as `check` cuts them (a lone "\r" ends one too)."""
        # The lines alone: parsing the whole article for them (sentences, tokens) cost each
        # accept 1.5 s on the UI thread in a 2 MB article.
        if getattr(self, "_lines_of", None) is not self.text:
            self._line_index, self._lines_of = LineIndex(self.text), self.text
        index = self._line_index
        return index.span(index.line(start))[0], index.span(index.line(end))[1]

    def context(self, finding: Finding) -> tuple[int, int]:
        """The sentence around a finding (its whole line when it spans sentences)."""
        text = self.text
        start, end = self._lines_around(finding.start, finding.end)
        line = parse_article(text[start:end], str(self.path))
        sentence = line.sentence_at(finding.start - start)
        if sentence is not None and finding.end - start <= sentence.end:
            return start + sentence.start, start + sentence.end
        return start, end

    def _push(self, state: State, full: bool = False) -> None:
        self.history.append(state)
        self.future.clear()
        if full:
            self.refine()

    # --- decisions -----------------------------------------------------------------------

    def accept(self, item: Item | Finding, choice: int = 0) -> None:
        item = self._as_item(item)
        fix = item.finding.fixes[choice]
        self._decide("accept", item, [fix], ACCEPTED)

    def edit(self, item: Item | Finding, replacement: str) -> None:
        item = self._as_item(item)
        # An editor's own words: in the review any change the editor makes is theirs to make.
        self._decide("edit", item, [Fix(item.finding.start, item.finding.end, replacement, applicability=SAFE)], EDITED)

    def _decide(self, event: str, item: Item, fixes: list[Fix], state: str) -> None:
        record = self._record(event, item.finding)
        fix = fixes[0]
        record.update(start=fix.start, end=fix.end, old=self.text[fix.start : fix.end], new=fix.replacement)
        record.update(zip(("before", "after"), surroundings(self.text, fix.start, fix.end)))
        self._log(record)
        self._change(fixes, {item.id: (state, fix.replacement)}, item.id)

    def kind_of(self, item: Item | Finding) -> list[Item]:
        """Every open item of the same kind (check and flagged text): what a bulk decision covers."""
        item = self._as_item(item)
        return [i for i in self.state.items if i.state == OPEN and i.kind == item.kind]

    def bulk_preview(self, item: Item | Finding) -> list[tuple[Item, str, str]]:
        """(item, line before, line after) for each occurrence a bulk accept would change."""
        out = []
        for other in self.kind_of(item):
            if not other.finding.fixes:
                continue
            fix = other.finding.fixes[0]
            start, end = self._lines_around(fix.start, fix.end)
            before = self.text[start:end]
            out.append((other, before, before[: fix.start - start] + fix.replacement + before[fix.end - start :]))
        return out

    def bulk_accept(self, item: Item | Finding) -> int:
        """Accept the first suggestion of every open finding of this kind, as one decision."""
        item = self._as_item(item)
        chosen = [i for i in self.kind_of(item) if i.finding.fixes]
        if not chosen:
            return 0
        fixes = [i.finding.fixes[0] for i in chosen]
        record = self._record("bulk-accept", item.finding)
        record["changes"] = [[f.start, f.end, self.text[f.start : f.end], f.replacement,
                              *surroundings(self.text, f.start, f.end)] for f in fixes]
        self._log(record)
        self._change(fixes, {i.id: (ACCEPTED, i.finding.fixes[0].replacement) for i in chosen}, item.id)
        return len(chosen)

    def _change(self, fixes: list[Fix], decided: dict[int, tuple[str, str]], focus: int | None) -> None:
        fixes = sorted(fixes, key=lambda f: (f.start, f.end))
        new_text = apply_fixes(self.text, fixes)
        where = Positions(new_text, str(self.path))
        flagged = {it.id: it.finding.text for it in self.state.items if it.id in decided}
        items = shift(list(self.state.items), fixes, where, self.text)
        for index, it in enumerate(items):
            if it.id in decided:
                state, note = decided[it.id]
                items[index] = replace(it, state=state, note=note, original=flagged[it.id])
        # Re-audit the lines the edits touched, with one line of context either side.
        spans, delta = [], 0
        for fix in fixes:
            a = fix.start + delta
            delta += len(fix.replacement) - (fix.end - fix.start)
            spans.append((where.line_span(a)[0], where.line_span(a + len(fix.replacement))[1]))
        state = State(new_text, self.state.items, self.state.dismissed, self.state.glossaries, focus)
        self.history.append(state)
        self.future.clear()
        for lo, hi in _merge(spans):
            items = self._reaudit_lines(items, where, lo, hi)
        self.history[-1] = replace(state, items=tuple(items))

    @property
    def local_checks(self) -> frozenset[str]:
        """The checks a few lines can settle alone. The others keep their items as they were (shifted)
        until `refine()`: the article-wide ones (a majority spelling, a sentence repeated far away)
        and the bilingual ones, which need the English aligned with the whole text."""
        return frozenset(c.code for c in self.engine.checks if c.category != "bilingual" and not c.article_wide)

    def _reaudit_lines(self, items: list[Item], where: Positions, lo: int, hi: int) -> list[Item]:
        text = where.text
        wlo = where.span(max(where.line(lo) - 1, 1))[0]  # one line of context either side
        whi = where.span(min(where.line(hi) + 1, len(where)))[1]
        window = parse_article(text[wlo:whi], str(self.path))
        local = self.local_checks
        found = apply_inline(window, self.engine.audit(window, only=local))[0]
        found = [moved(f, where, f.start + wlo, f.end + wlo, [replace(x, start=x.start + wlo, end=x.end + wlo)
                                                               for x in f.fixes])
                 for f in found if f.code in local]
        # an article-wide item kept on these lines may be the same problem (SPELL002's मरीजो beside
        # मरीजों, SPELL005's मरीजो को): merged as the whole article's audit merges them
        kept = [it.finding for it in items if it.state == OPEN and it.finding.code not in local
                and wlo <= it.finding.start and it.finding.end <= whi]
        if kept and found:
            survivors = set(map(id, self.engine.merge(found + kept)))
            found = [f for f in found if id(f) in survivors]

        def in_scope(f: Finding) -> bool:
            return f.code in local and lo <= f.start and f.end <= hi

        out, self.next_id = reconcile(items, found, in_scope, self.next_id, self._is_dismissed)
        return out

    def dismiss(self, item: Item | Finding, reason: str = "", scope: str = OCCURRENCE) -> int:
        """Dismiss one occurrence, or (scope "text") every occurrence of this flagged text.

        Returns how many items the dismissal covers."""
        item = self._as_item(item)
        entry = suppression_for(self.path, item.finding, self.text, scope, reason, now())
        self._log(self._record("bulk-dismiss" if scope == TEXT else "dismiss", item.finding, text=item.finding.text,
                               reason=reason, scope=scope, before=entry.before, after=entry.after))
        return self._dismiss(entry, item.id)

    def _dismiss(self, entry: Suppression, focus: int | None) -> int:
        dismissed = self.state.dismissed + (entry,)
        count = 0
        items = list(self.state.items)
        for index, it in enumerate(items):
            if it.state == OPEN and covers((entry,), self.path, it.finding, self.text):
                items[index] = replace(it, state=DISMISSED, note=entry.reason)
                count += 1
        self._push(State(self.text, tuple(items), dismissed, self.state.glossaries, focus))
        return count

    # --- glossary additions (inside undo) -----------------------------------------------

    def glossary_target(self) -> Path:
        """Where an addition goes by default: the desk's own glossary, never the installed one."""
        return glossary_step.default_target(self.engine, self.path)

    def glossary_plan(self, glossary: str | Path, latin: str, canonical: str | None, item: Item | Finding) -> str:
        """The confirmation an editor sees before a glossary is written."""
        return glossary_step.describe(self.engine, Path(glossary), latin, canonical, self._as_item(item).finding.text)

    def add_to_glossary(self, item: Item | Finding, glossary: str | Path, latin: str, canonical: str | None) -> bool:
        """Record the flagged form as a variant of `latin` (canonical None) or as a new entry.

        A glossary the session had not loaded is loaded from now on (returns True then), so
        the addition takes effect; undo takes the row out again."""
        item = self._as_item(item)
        glossary = Path(glossary)
        before = glossary_step.read(glossary)
        self.glossary_origin.setdefault(str(glossary), before)
        loaded = glossary_step.add(self.engine, glossary, latin, canonical, item.finding.text)
        try:
            self._log(self._record("glossary", item.finding, text=item.finding.text, glossary=str(glossary),
                                   latin=latin, canonical=canonical))
        except JaanchError:  # not journaled: not made (the row stayed, and no undo could take it out)
            glossary_step.sync(self.engine, self.glossary_origin, {str(glossary): glossary_step.read(glossary)},
                               {str(glossary): before})
            raise
        self._push(State(self.text, self.state.items, self.state.dismissed,
                         self._glossary_touched(str(glossary)), item.id), full=True)
        return loaded

    def _glossary_touched(self, glossary: str) -> tuple[tuple[str, str | None], ...]:
        known = dict(self.state.glossaries)
        known[glossary] = glossary_step.read(Path(glossary))
        return tuple(known.items())

    def _as_item(self, item: Item | Finding) -> Item:
        if isinstance(item, Item):
            return item
        found = next((i for i in self.state.items if i.finding == item), None)
        if found is None:
            raise ValueError("that finding is not in this session")
        return found

    def _record(self, event: str, finding: Finding, **extra) -> dict:
        return {"event": event, "code": finding.code, "rule": finding.rule, "start": finding.start,
                "end": finding.end, "original": finding.text, **extra}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
