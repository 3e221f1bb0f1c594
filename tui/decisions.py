"""The review app's decisions: accept, accept all of a kind, edit, dismiss, undo, redo, add to a glossary.

Each key opens what the decision needs to ask (a choice, a prompt, a preview), then calls the
session, which journals the decision and re-audits the lines it touched; the app then moves to
the next open finding. A mixin of `tui.app.ReviewApp`, which holds the session, the view and the
glossary worker these use.
"""

from __future__ import annotations

from audit.core.errors import JaanchError
from audit.review.items import OPEN

from tui.screens import BulkScreen, ChoiceScreen, ConfirmScreen, GlossaryScreen, PromptScreen
from tui.widgets import shorten


class DecisionActions:
    def _open_item(self):
        item = self.current
        if item is None:
            return None
        if item.state != OPEN:
            self.notify(f"this finding is {item.state}; undo (u) to change it", severity="warning")
            return None
        return item

    def action_accept(self) -> None:
        item = self._open_item()
        if item is None:
            return
        if not item.finding.fixes:
            self.notify("no suggestion to accept here: edit (e) or dismiss (d)", severity="warning")
        elif len(item.finding.fixes) == 1:
            self._decided(self.session.accept, item, 0)
        else:
            choices = [item.finding.fixed_text(fix) for fix in item.finding.fixes]
            self.push_screen(ChoiceScreen(f"Replace '{item.finding.text}' with:", choices),
                             lambda choice: choice is not None and self._decided(self.session.accept, item, choice))

    def _journaled(self, call, *args) -> tuple[bool, object]:
        """(True, call(*args)), or (False, None) and one error note where the session refused (a
        journal that cannot be read or written: the decision is not made). The error went up
        through the app, which ended in a traceback."""
        try:
            return True, call(*args)
        except JaanchError as error:
            self.notify(error.one_line(), severity="error", timeout=30)
            return False, None

    def _decided(self, decision, item, *args) -> None:
        if self._journaled(decision, item, *args)[0]:
            self.after_change(self._next_open(item.id))

    def _next_open(self, after: int) -> int:
        items = self.view.apply(self.session.items)
        ids = [i.id for i in items]
        start = ids.index(after) + 1 if after in ids else 0
        return next((i.id for i in items[start:] if i.state == OPEN), after)

    def action_bulk_accept(self) -> None:
        item = self._open_item()
        if item is None:
            return
        preview = self.session.bulk_preview(item)
        if not preview:
            self.notify("no suggestion to accept here", severity="warning")
            return
        fix = item.finding.fixed_text(item.finding.fixes[0]) or "(delete)"
        self.push_screen(BulkScreen(f"Replace every open {item.finding.code} '{item.finding.text}' with '{fix}' "
                                    f"({len(preview)} places)?", preview),
                         lambda yes: yes and self._bulk_done(item))

    def _bulk_done(self, item) -> None:
        done, count = self._journaled(self.session.bulk_accept, item)
        if not done:
            return
        self.notify(f"accepted {count}; undo (u) takes them all back")
        self.after_change(self._next_open(item.id))

    def action_edit(self) -> None:
        item = self._open_item()
        if item is None:
            return
        start = item.finding.suggestions[0] if item.finding.fixes else item.finding.text
        self.push_screen(PromptScreen(f"Replace '{item.finding.text}' with:", value=start),
                         lambda text: text is not None and self._decided(self.session.edit, item, text))

    def action_dismiss_finding(self) -> None:
        item = self._open_item()
        if item is None:
            return
        same = len(self.session.kind_of(item))
        choices = [f"this occurrence only (line {item.finding.line})",
                   f"every occurrence of '{shorten(item.finding.text, 30)}' for {item.finding.code} ({same} open)"]

        def scoped(choice):
            if choice is None:
                return
            scope = "occurrence" if choice == 0 else "text"
            self.push_screen(PromptScreen(f"Dismiss {item.finding.code} on '{item.finding.text}' "
                                          f"({choices[choice]}). Why? (optional)", placeholder="reason"),
                             lambda reason: reason is not None and self._decided(self.session.dismiss, item,
                                                                                 reason, scope))

        self.push_screen(ChoiceScreen(f"Dismiss {item.finding.code} on '{item.finding.text}' as a false alarm:",
                                      choices), scoped)

    def action_undo(self) -> None:
        self._undo_or_redo("undo")

    def action_redo(self) -> None:
        self._undo_or_redo("redo")

    def _undo_or_redo(self, direction: str) -> None:
        """Undo or redo the last decision (the session's method of that name) and show where it was."""
        if self.session is not None:
            done, focus = self._journaled(getattr(self.session, direction))
            if not done:
                return
            if focus is None:
                self.notify(f"nothing to {direction}")
            self.after_change(focus)

    def action_glossary(self) -> None:
        item = self.current
        if item is None or self.session is None:
            return
        session = self.session

        def chosen(answer):
            if not answer:
                return
            glossary, latin, canonical = answer
            plan = session.glossary_plan(glossary, latin, canonical or None, item)
            self.push_screen(ConfirmScreen(plan, yes="Add", no="Cancel"),
                             lambda yes: yes and self._glossary(session, item, glossary, latin, canonical or None))

        self.push_screen(GlossaryScreen(item.finding.text, str(session.glossary_target())), chosen)
