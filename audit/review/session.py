"""A review session: the decisions an editor makes on one article, kept as data outside any UI.

The Textual app (`tui/`) only displays a session and calls these methods; tests and scripts
drive the same object headlessly. Every decision is journaled before it returns.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from audit.core.document import Article, parse_article, read_article
from audit.lint.engine import Engine
from audit.core.errors import JaanchError
from audit.core.fileio import write_atomic
from audit.core.findings import SAFE, Finding, Fix, apply_fixes
from audit.policy.inline import apply_inline
from audit.review.journal import Journal, now, text_hash
from audit.policy.suppressions import Suppression, SuppressionStore, finding_key


class ConflictError(JaanchError):
    """The article changed on disk since the session opened it."""


@dataclass(frozen=True)
class State:
    """What undo restores: the text and the dismissals."""

    text: str
    dismissed: tuple[Suppression, ...] = ()


@dataclass
class ReviewSession:
    path: Path
    engine: Engine
    disk_text: str
    history: list[State] = field(default_factory=list)
    future: list[State] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    journal: Journal | None = None
    suppressions: SuppressionStore | None = None
    extra: Callable[[Article], list[Finding]] | None = None  # model findings (house LM, QE)
    _journal_open: bool = False

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, engine: Engine,
             extra: Callable[[Article], list[Finding]] | None = None) -> "ReviewSession":
        path = Path(path)
        text = read_article(path).text
        store = SuppressionStore.load(path.parent)
        mine = tuple(s for s in store.entries if s.file == path.name)
        session = cls(path, engine, text, [State(text, mine)], journal=Journal(path), suppressions=store, extra=extra)
        session.reaudit()
        return session

    def pending_replay(self) -> list[dict]:
        """Decisions a crashed or killed session made and did not save."""
        return self.journal.pending(self.disk_text) if self.journal else []

    def start(self, replay: bool) -> int:
        """Begin journaling; replay the unsaved decisions first when asked. Returns how many."""
        pending = self.pending_replay()
        if replay and pending:
            self._journal_open = True  # keep appending after the replayed decisions
            for record in pending:
                self._replay(record)
            return len(pending)
        if pending:
            self._log({"event": "discard", "decisions": len(pending), "sha256": text_hash(self.disk_text)})
        return 0

    def _log(self, record: dict) -> None:
        # The journal starts with the first decision: only looking at an article writes nothing.
        if not self._journal_open:
            self.journal.append({"event": "open", "sha256": text_hash(self.disk_text), "file": self.path.name})
            self._journal_open = True
        self.journal.append(record)

    def _replay(self, record: dict) -> None:
        event = record["event"]
        if event in ("accept", "edit"):
            # An editor chose this change: in the review any suggestion (unsafe, display-only) may be accepted.
            self._change(Fix(record["start"], record["end"], record["new"], applicability=SAFE), record, log=False)
        elif event == "dismiss":
            self._push(State(self.text, self.state.dismissed + (self._suppression(record),)))
        elif event == "undo":
            self.undo(log=False)
        elif event == "redo":
            self.redo(log=False)

    # --- state ---------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self.history[-1]

    @property
    def text(self) -> str:
        return self.state.text

    @property
    def dirty(self) -> bool:
        return len(self.history) > 1 or self.text != self.disk_text

    def reaudit(self) -> list[Finding]:
        dismissed = {s.key for s in self.state.dismissed}
        self.article = parse_article(self.text, str(self.path))
        found = self.engine.audit(self.article)
        if self.extra is not None:
            found = sorted(found + self.extra(self.article), key=lambda f: (f.start, f.end, f.code))
        found, _ = apply_inline(self.article, found)  # the same inline suppressions `jaanch check` honours
        self.findings = [f for f in found if finding_key(self.path, f) not in dismissed]
        return self.findings

    def context(self, finding: Finding) -> tuple[int, int]:
        """The sentence around a finding (its whole line when it spans sentences)."""
        sentence = self.article.sentence_at(finding.start)
        if sentence is not None and finding.end <= sentence.end:
            return sentence.start, sentence.end
        start = self.text.rfind("\n", 0, finding.start) + 1
        end = self.text.find("\n", finding.end)
        return start, len(self.text) if end < 0 else end

    def _push(self, state: State) -> None:
        self.history.append(state)
        self.future.clear()
        self.reaudit()

    # --- decisions -----------------------------------------------------------------------

    def accept(self, finding: Finding, choice: int = 0) -> None:
        self._change(finding.fixes[choice], self._record("accept", finding))

    def edit(self, finding: Finding, replacement: str) -> None:
        self._change(Fix(finding.start, finding.end, replacement, applicability=SAFE), self._record("edit", finding))

    def _change(self, fix: Fix, record: dict, log: bool = True) -> None:
        if log:
            record.update(start=fix.start, end=fix.end, old=self.text[fix.start : fix.end], new=fix.replacement)
            self._log(record)
        elif self.text[fix.start : fix.end] != record["old"]:
            raise ConflictError(f"journal does not match the text at {fix.start}", str(self.path))
        self._push(State(apply_fixes(self.text, [fix]), self.state.dismissed))

    def dismiss(self, finding: Finding, reason: str = "") -> None:
        record = self._record("dismiss", finding, reason=reason, text=finding.text)
        self._log(record)
        self._push(State(self.text, self.state.dismissed + (self._suppression(record),)))

    def add_to_glossary(self, finding: Finding, glossary: str | Path, latin: str, canonical: str | None) -> None:
        """Record the flagged form as a variant of `latin` (canonical None) or as a new entry."""
        from audit.language.glossary_edit import add_entry, add_variant

        if canonical is None:
            add_variant(glossary, latin, finding.text)
        else:
            add_entry(glossary, latin, canonical, [finding.text] if finding.text != canonical else [])
        self._log(self._record("glossary", finding, text=finding.text, glossary=str(glossary),
                                         latin=latin, canonical=canonical))
        if Path(glossary).resolve() in [p.resolve() for p in self.engine.glossary_paths]:
            self.engine.__dict__.pop("glossary", None)  # reload: the new row takes effect at once
        self.reaudit()

    def undo(self, log: bool = True) -> bool:
        if len(self.history) < 2:
            return False
        if log:
            self._log({"event": "undo"})
        self.future.append(self.history.pop())
        self.reaudit()
        return True

    def redo(self, log: bool = True) -> bool:
        if not self.future:
            return False
        if log:
            self._log({"event": "redo"})
        self.history.append(self.future.pop())
        self.reaudit()
        return True

    def _record(self, event: str, finding: Finding, **extra) -> dict:
        return {"event": event, "code": finding.code, "rule": finding.rule, "start": finding.start,
                "end": finding.end, "original": finding.text, **extra}

    def _suppression(self, record: dict) -> Suppression:
        return Suppression(self.path.name, record["code"], record["text"], record.get("reason", ""),
                           record.get("time", now()))

    # --- saving --------------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        try:
            return self.path.read_text(encoding="utf-8") != self.disk_text
        except (OSError, UnicodeDecodeError):
            return True

    def save(self, force: bool = False) -> Path | None:
        """Write the article atomically, keeping the previous version as `<name>~`."""
        if not force and self.changed_on_disk():
            raise ConflictError("changed on disk since it was opened; not overwriting it", str(self.path))
        backup = None
        if self.text != self.disk_text:
            backup = self.path.with_name(self.path.name + "~")
            shutil.copy2(self.path, backup)
            write_atomic(self.path, self.text)
        self.suppressions.merge(self.path, {s.key: s for s in self.state.dismissed})
        self.disk_text = self.text
        self.history = [self.state]
        self.future.clear()
        self._log({"event": "save", "sha256": text_hash(self.text)})
        return backup
