"""Crash recovery: the decisions a killed session journaled and never saved, replayed onto a new one.

A session that reopens an article finds them with `ReviewSession.pending_replay()`; the editor
chooses to replay or discard them. Each change goes where it was made, or, when the file changed
on disk since, to the one place its text still stands between the same words; a change with no
such place is skipped, and so is an undo or redo of it.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from audit.core.errors import JaanchError
from audit.core.findings import SAFE, Fix
from audit.policy.suppressions import OCCURRENCE, TEXT, Suppression, surroundings
from audit.review import glossary_step
from audit.review.items import ACCEPTED, EDITED
from audit.review.session import State


def replay_pending(session, pending: list[dict]) -> tuple[int, int]:
    """Replay `pending` onto `session` (journaling stays open after them); (replayed, skipped)."""
    done: list[bool] = []
    undone: list[bool] = []
    skipped = 0
    for record in pending:
        event = record.get("event")
        if event == "undo":
            applied = bool(done) and done.pop()
            undone.append(applied)
            ok = applied and session.undo(log=False) is not None
        elif event == "redo":
            applied = bool(undone) and undone.pop()
            done.append(applied)
            ok = applied and session.redo(log=False) is not None
        else:
            try:
                ok = _replay(session, record)
            except (KeyError, TypeError, ValueError, IndexError):
                ok = False  # a record with fields missing or of the wrong type (not jaanch's): skipped
            done.append(ok)
        skipped += not ok
    return len(pending) - skipped, skipped


def relocate(text: str, start: int, end: int, old: str, new: str, before: str | None = None,
             after: str | None = None) -> Fix | None:
    """Where a journaled change goes now: its offsets, or (the file changed since) the one
    place its text still stands between the same words; None when there is no such place, or when
    the offsets are none a session writes (negative ones matched the text as Python slices it, and
    `true` was taken for 1: records not jaanch's, counted replayed)."""
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        return None
    if end <= len(text) and text[start:end] == old and (
            before is None or surroundings(text, start, end) == (before, after)):
        return Fix(start, end, new, applicability=SAFE)
    if before is None or not old:
        return None
    places = [m.start() for m in re.finditer(re.escape(old), text)
              if surroundings(text, m.start(), m.end()) == (before, after)]
    return Fix(places[0], places[0] + len(old), new, applicability=SAFE) if len(places) == 1 else None


def _replay(session, record: dict) -> bool:
    event = record["event"]
    if event in ("accept", "edit", "bulk-accept"):
        changes = record.get("changes") or [[record["start"], record["end"], record["old"], record["new"],
                                              record.get("before"), record.get("after")]]
        fixes = [relocate(session.text, *change) for change in changes]
        if None in fixes:
            return False
        items = [session.item_at(fix.start, record.get("code") if event != "edit" else None) for fix in fixes]
        state = EDITED if event == "edit" else ACCEPTED
        session._change(fixes, {i.id: (state, f.replacement) for i, f in zip(items, fixes) if i is not None},
                        items[0].id if items[0] is not None else None)
        return True
    if event in ("dismiss", "bulk-dismiss"):
        # The session writes "dismiss" for one occurrence and "bulk-dismiss" for every one of a text, each
        # with its scope. A missing scope is the event's; a scope other than the event's, or a field not
        # text, is no record jaanch wrote: skipped, as a record with a field missing is. Taken as it stood,
        # it hid every occurrence of the text (a "dismiss" without a scope read as "text"), or it went into
        # .jaanch-suppressions.json at the next save, which every later run then refused.
        scope = TEXT if event == "bulk-dismiss" else OCCURRENCE
        entry = Suppression(session.path.name, record["code"], record["text"], record.get("reason", ""),
                            record.get("time", ""), record.get("scope", scope), record.get("before", ""),
                            record.get("after", ""))
        if entry.scope != scope or not all(isinstance(getattr(entry, f.name), str) for f in fields(Suppression)):
            return False
        session._dismiss(entry, None)
        return True
    if event == "glossary":
        path = Path(record["glossary"])
        try:
            before = glossary_step.read(path)
            if record["text"] not in (before or ""):  # not written before the crash
                glossary_step.add(session.engine, path, record["latin"], record.get("canonical"), record["text"])
            elif not glossary_step.is_loaded(session.engine, path):
                glossary_step.sync(session.engine, {}, {}, {str(path): before})
        except (JaanchError, OSError):
            # the glossary is no longer one this addition fits (a folder in its place, the entry it adds
            # to gone, a row it cannot hold): skipped like a change whose text is gone; add() put the
            # file back. It ended the replay in an error, or an OSError's traceback.
            return False
        session.glossary_origin.setdefault(str(path), before)
        session._push(State(session.text, session.state.items, session.state.dismissed,
                            session._glossary_touched(str(path)), None), full=True)
        return True
    return False
