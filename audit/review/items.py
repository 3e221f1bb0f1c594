"""Review items: each finding an editor sees, with its state, kept stable across re-audits.

An item keeps its id from the moment it appears until the session ends, so the screen can
update its row in place. Re-auditing never deletes an item: a finding that an edit made go
away is `resolved`, one that comes back is `open` again.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace

from audit.core.findings import Finding, Fix
from audit.core.lines import LINE_END, LineIndex

OPEN, ACCEPTED, EDITED, DISMISSED, RESOLVED = "open", "accepted", "edited", "dismissed", "resolved"
STATES = (OPEN, ACCEPTED, EDITED, DISMISSED, RESOLVED)
DECIDED = (ACCEPTED, EDITED, DISMISSED)


@dataclass(frozen=True)
class Item:
    id: int
    finding: Finding
    state: str = OPEN
    note: str = ""  # the replacement an editor chose, or why they dismissed it
    original: str = ""  # what the text said before an editor accepted or edited it

    @property
    def kind(self) -> tuple[str, str]:
        """What bulk decisions group by: the check and the flagged text."""
        return self.finding.code, self.finding.text


class Positions(LineIndex):
    """Line and column of offsets in a text: what `Finding.at` needs, without parsing sentences.
    Lines end where `check`'s do (a lone "\r" too), so an item an edit moves keeps the line a
    fresh audit gives it."""

    def __init__(self, text: str, path: str):
        super().__init__(text)
        self.path = path

    def line_span(self, offset: int) -> tuple[int, int]:
        """Start and end (before the line end) of the line holding `offset`."""
        return self.span(self.line(offset))


def _breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """How many line ends (as `check` counts them) a text, or a slice of it, holds."""
    return len(LINE_END.findall(text, start, len(text) if end is None else end))


def moved(finding: Finding, where: Positions, start: int, end: int, fixes: Iterable[Fix] | None = None) -> Finding:
    """The same finding at new offsets of a changed text (line, column and text follow)."""
    new = Finding.at(where, start, end, code=finding.code, rule=finding.rule, category=finding.category,
                     severity=finding.severity, message=finding.message,
                     fixes=finding.fixes if fixes is None else fixes, confidence=finding.confidence)
    return replace(new, extra=finding.extra) if finding.extra else new


def _with(obj, **changes):
    """A copy of a frozen dataclass with some fields changed, without re-running its __init__:
    shifting a thousand findings past an edit must cost next to nothing."""
    new = object.__new__(type(obj))
    if hasattr(obj, "__dict__"):
        new.__dict__.update(obj.__dict__)
        new.__dict__.update(changes)
        return new
    for name in type(obj).__slots__:  # findings and fixes have slots
        object.__setattr__(new, name, changes[name] if name in changes else getattr(obj, name))
    return new


def shift(items: list[Item], edits: list[Fix], where: Positions, old_text: str | None = None) -> list[Item]:
    """Move every item past `edits` (sorted, non-overlapping fixes applied to the old text).

    An open item that an edit overlaps is resolved (re-auditing that line may bring it back).
    """
    starts = [fix.start for fix in edits]
    shifted = [0]  # how far text after edit i has moved
    for fix in edits:
        shifted.append(shifted[-1] + len(fix.replacement) - (fix.end - fix.start))

    def new_offset(pos: int, right: bool) -> int:
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        fix = edits[i]
        if pos >= fix.end:
            return pos + shifted[i + 1]
        # inside an edit: snap to the start of its replacement, or to its end
        return fix.start + shifted[i] + (len(fix.replacement) if right else 0)

    def overlapped(f: Finding) -> bool:
        i = bisect.bisect_left(starts, f.end) - 1
        while i >= 0 and edits[i].end > f.start:
            if edits[i].start < f.end:
                return True
            i -= 1
        return False

    first = starts[0] if starts else len(where.text)
    # Past the end of the last edited line, when no line was added or removed, a finding keeps its
    # line and column: only its offsets move.
    calm = len(where.text) + 1
    if old_text is not None and edits:
        if sum(_breaks(f.replacement) - _breaks(old_text, f.start, f.end) for f in edits) == 0:
            line_end = LINE_END.search(old_text, edits[-1].end)
            calm = len(old_text) + 1 if line_end is None else line_end.start()
    total = shifted[-1]
    out = []
    for item in items:
        f = item.finding
        if f.end < first or (f.end == first and f.start < f.end):
            out.append(item)  # wholly before every edit: nothing moves
            continue
        if f.start > calm:
            if total:
                fixes = tuple([_with(x, start=x.start + total, end=x.end + total) for x in f.fixes]) if f.fixes else ()
                item = _with(item, finding=_with(f, start=f.start + total, end=f.end + total, fixes=fixes))
            out.append(item)
            continue
        hit = overlapped(f)
        start, end = new_offset(f.start, False), new_offset(f.end, hit)
        fixes = [replace(x, start=new_offset(x.start, False), end=max(new_offset(x.start, False), new_offset(x.end, True)))
                 for x in f.fixes]
        state = RESOLVED if hit and item.state == OPEN else item.state
        out.append(replace(item, finding=moved(f, where, start, max(start, end), fixes), state=state))
    return out


def reconcile(items: list[Item], found: list[Finding], in_scope, next_id: int,
              dismissed) -> tuple[list[Item], int]:
    """Match fresh findings to items in scope; new ones become items, vanished open ones resolve.

    `in_scope(finding)` says which items and findings this re-audit covers; `dismissed(finding)`
    says whether a stored or session dismissal covers a new finding.
    """
    by_key: dict[tuple[str, int, int], int] = {}
    for index, item in enumerate(items):
        if item.state in (OPEN, RESOLVED, DISMISSED) and in_scope(item.finding):
            by_key.setdefault((item.finding.code, item.finding.start, item.finding.end), index)
    out = list(items)
    matched: set[int] = set()
    fresh: list[Item] = []
    for f in found:
        if not in_scope(f):
            continue
        index = by_key.get((f.code, f.start, f.end))
        if index is not None and index not in matched:
            matched.add(index)
            item = out[index]
            state = OPEN if item.state == RESOLVED else item.state
            if item.finding != f or state != item.state:
                out[index] = replace(item, finding=f, state=state)
            continue
        fresh.append(Item(next_id, f, DISMISSED if dismissed(f) else OPEN))
        next_id += 1
    for index, item in enumerate(out):
        if item.state == OPEN and index not in matched and in_scope(item.finding):
            out[index] = replace(item, state=RESOLVED)
    if fresh:
        out = sorted(out + fresh, key=lambda i: (i.finding.start, i.finding.end, i.id))
    return out, next_id
