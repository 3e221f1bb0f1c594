"""`jaanch review`: walk through an article's findings and accept, edit or dismiss each one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header

from audit.lint.engine import Engine
from audit.core.errors import JaanchError
from audit.review.session import ConflictError, ReviewSession

from tui.screens import ChoiceScreen, ConfirmScreen, GlossaryScreen, HelpScreen, PromptScreen
from tui.widgets import ArticleView, DetailPane, FindingsTable

ACTIONS = [
    ("next", "Next finding", "Select the next finding"),
    ("previous", "Previous finding", "Select the previous finding"),
    ("accept", "Accept", "Apply the suggested replacement"),
    ("edit", "Edit", "Replace the flagged text with your own"),
    ("dismiss_finding", "Dismiss", "Mark a false alarm; the CLI will not report it again"),
    ("undo", "Undo", "Undo the last decision"),
    ("redo", "Redo", "Redo the last undone decision"),
    ("glossary", "Add to glossary", "Record the flagged form in a glossary"),
    ("save", "Save", "Write the article atomically"),
    ("next_file", "Next file", "Open the next article"),
    ("previous_file", "Previous file", "Open the previous article"),
    ("help", "Help", "Show the keys"),
]


class ReviewApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "jaanch review"
    BINDINGS = [
        Binding("n,down", "next", "Next"),
        Binding("p,up", "previous", "Prev"),
        Binding("a", "accept", "Accept"),
        Binding("e", "edit", "Edit"),
        Binding("d", "dismiss_finding", "Dismiss"),
        Binding("u", "undo", "Undo"),
        Binding("U", "redo", "Redo"),
        Binding("g", "glossary", "Glossary"),
        Binding("ctrl+s", "save", "Save"),
        Binding("right_square_bracket", "next_file", "Next file", show=False),
        Binding("left_square_bracket", "previous_file", "Prev file", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_app", "Quit"),
    ]

    def __init__(self, paths: list[Path], engine: Engine, extra=None):
        super().__init__()
        self.paths = paths
        self.engine = engine
        self.extra = extra  # model findings for an article (house LM, QE), computed in the worker
        self.file_index = 0
        self.session: ReviewSession | None = None
        self.selected: int | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                yield FindingsTable(id="findings")
                yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        # Held directly: `query_one` searches the active screen, which may be a modal.
        self.article = self.query_one(ArticleView)
        self.table = self.query_one(FindingsTable)
        self.detail = self.query_one(DetailPane)
        self.open_file(0)

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for action, title, help_text in ACTIONS:
            yield SystemCommand(title, help_text, getattr(self, f"action_{action}"))

    # --- engine calls, always in a worker thread -----------------------------------------

    def run_engine(self, label: str, fn: Callable, *args) -> None:
        if self.busy:
            self.notify("still working on the last decision…")
            return
        self.busy = True
        self._engine_worker(label, fn, args)

    @work(thread=True, group="engine")
    def _engine_worker(self, label: str, fn: Callable, args: tuple) -> None:
        try:
            result = fn(*args)
        except JaanchError as exc:
            self.call_from_thread(self._done, label, None, exc)
        else:
            self.call_from_thread(self._done, label, result, None)

    def _done(self, label: str, result, error: JaanchError | None) -> None:
        self.busy = False
        if isinstance(error, ConflictError) and label == "save":
            self.push_screen(
                ConfirmScreen(f"{error.one_line()}\nOverwrite it anyway?", yes="Overwrite", no="Keep theirs"),
                lambda yes: yes and self.run_engine("save", self.session.save, True),
            )
            return
        if error is not None:
            self.notify(error.one_line(), severity="error", timeout=8)
            return
        if label == "load":
            self._loaded(result)
            return
        if label == "save":
            self.notify(f"saved {self.session.path.name}" + (f" (previous version: {result.name})" if result else ""))
        if label == "replay" and result:
            self.notify(f"replayed {result} decisions from the journal")
        self.refresh_view()

    # --- files ---------------------------------------------------------------------------

    def open_file(self, index: int) -> None:
        self.file_index = index
        self.sub_title = f"{self.paths[index].name} ({index + 1}/{len(self.paths)})"
        self.run_engine("load", ReviewSession.open, self.paths[index], self.engine, self.extra)

    def _loaded(self, session: ReviewSession) -> None:
        self.session = session
        self.selected = 0 if session.findings else None
        pending = session.pending_replay()
        if pending:
            self.push_screen(
                ConfirmScreen(f"{len(pending)} unsaved decisions on {session.path.name} are in the journal "
                              "from an earlier session. Replay them and continue?", yes="Replay", no="Discard"),
                lambda yes: self.run_engine("replay", session.start, bool(yes)),
            )
        else:
            session.start(replay=False)
        self.refresh_view()
        self.table.focus()

    def _switch(self, step: int) -> None:
        target = (self.file_index + step) % len(self.paths)
        if self.session and self.session.dirty:
            self.push_screen(ConfirmScreen("Leave this file with unsaved decisions? They stay in the journal."),
                             lambda yes: yes and self.open_file(target))
        else:
            self.open_file(target)

    # --- display -------------------------------------------------------------------------

    def refresh_view(self) -> None:
        session = self.session
        findings = session.findings
        if self.selected is not None or findings:
            self.selected = min(self.selected or 0, len(findings) - 1) if findings else None
        self.article.show(session.text, findings, self.selected)
        self.table.show(findings, self.selected)
        self._show_selected()
        dirty = " · unsaved" if session.dirty else ""
        self.sub_title = f"{session.path.name} ({self.file_index + 1}/{len(self.paths)}) · {len(findings)} findings{dirty}"

    def _show_selected(self) -> None:
        finding = self.current
        sentence = None
        if finding is not None:
            sentence = self.session.context(finding)
            self.article.scroll_to_line(finding.line)
        self.detail.show(self.session.text, finding, sentence)

    @property
    def current(self):
        if self.session is None or self.selected is None or not self.session.findings:
            return None
        return self.session.findings[self.selected]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Rebuilding the table highlights rows on the way; only the row it ends on counts.
        if event.cursor_row != self.table.cursor_row:
            return
        if self.session is not None and event.cursor_row != self.selected:
            self.action_select_finding(event.cursor_row)

    def on_article_view_line_clicked(self, event: ArticleView.LineClicked) -> None:
        if self.session is None:
            return
        on_line = [i for i, f in enumerate(self.session.findings) if f.line <= event.line <= f.end_line]
        if on_line:
            later = [i for i in on_line if self.selected is not None and i > self.selected]
            self.action_select_finding((later or on_line)[0])

    def action_select_finding(self, index: int) -> None:
        if self.session is None or not (0 <= index < len(self.session.findings)):
            return
        old, self.selected = self.selected, index
        self.article.reselect(self.session.findings, old, index)
        table = self.table
        if table.cursor_row != index:
            table.move_cursor(row=index, animate=False)
        self._show_selected()

    # --- actions -------------------------------------------------------------------------

    def action_next(self) -> None:
        if self.selected is not None:
            self.action_select_finding(min(self.selected + 1, len(self.session.findings) - 1))

    def action_previous(self) -> None:
        if self.selected is not None:
            self.action_select_finding(max(self.selected - 1, 0))

    def action_accept(self) -> None:
        finding = self.current
        if finding is None:
            return
        if not finding.fixes:
            self.notify("no suggestion to accept here: edit (e) or dismiss (d)", severity="warning")
        elif len(finding.fixes) == 1:
            self.run_engine("accept", self.session.accept, finding, 0)
        else:
            self.push_screen(
                ChoiceScreen(f"Replace '{finding.text}' with:", finding.suggestions),
                lambda choice: choice is not None and self.run_engine("accept", self.session.accept, finding, choice),
            )

    def action_edit(self) -> None:
        finding = self.current
        if finding is None:
            return
        start = finding.suggestions[0] if finding.fixes else finding.text
        self.push_screen(
            PromptScreen(f"Replace '{finding.text}' with:", value=start),
            lambda text: text is not None and self.run_engine("edit", self.session.edit, finding, text),
        )

    def action_dismiss_finding(self) -> None:
        finding = self.current
        if finding is None:
            return
        self.push_screen(
            PromptScreen(f"Dismiss {finding.code} on '{finding.text}' as a false alarm. Why? (optional)",
                         placeholder="reason"),
            lambda reason: reason is not None and self.run_engine("dismiss", self.session.dismiss, finding, reason),
        )

    def action_undo(self) -> None:
        if self.session is not None:
            self.run_engine("undo", self.session.undo)

    def action_redo(self) -> None:
        if self.session is not None:
            self.run_engine("redo", self.session.redo)

    def action_glossary(self) -> None:
        finding = self.current
        if finding is None:
            return
        default = str(self.engine.glossary_paths[-1]) if self.engine.glossary_paths else "glossary.tsv"

        def chosen(answer):
            if answer:
                glossary, latin, canonical = answer
                self.run_engine("glossary", self.session.add_to_glossary, finding, glossary, latin, canonical or None)

        self.push_screen(GlossaryScreen(finding.text, default), chosen)

    def action_save(self) -> None:
        if self.session is not None:
            self.run_engine("save", self.session.save)

    def action_next_file(self) -> None:
        self._switch(+1)

    def action_previous_file(self) -> None:
        self._switch(-1)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_quit_app(self) -> None:
        if self.session is not None and self.session.dirty:
            self.push_screen(
                ConfirmScreen("Quit with unsaved decisions? They stay in the journal and can be replayed.",
                              yes="Quit", no="Stay"),
                lambda yes: yes and self.exit(),
            )
        else:
            self.exit()


def run(paths: list[Path], engine: Engine, extra=None) -> int:
    ReviewApp(paths, engine, extra).run()
    return 0
