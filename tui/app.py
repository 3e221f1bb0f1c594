"""`jaanch review`: walk through an article's findings and accept, edit or dismiss each one.

A thin shell over `audit.review.session`: decisions run at once on the UI thread (the session
re-audits only the lines they touch), and the whole-article audit that settles them runs in a
worker that reports back with typed messages. Nothing a key does waits on a worker, so no key
is lost. The decision keys (accept, edit, dismiss, undo, glossary) are `tui/decisions.py`.
"""

from __future__ import annotations

import gc
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState

from audit.core.errors import JaanchError
from audit.core.fileio import describe
from audit.lint.engine import Engine
from audit.policy.suppressions import SuppressionStore
from audit.reporters.text import counted
from audit.review.items import OPEN
from audit.review.lock import ArticleLock, hold
from audit.review.session import ConflictError, ReviewSession
from audit.review.whole_audit import WholeArticleAuditor

from tui import cells
from tui.decisions import DecisionActions
from tui.filters import GROUPS, View
from tui.screens import ChoiceScreen, ConfirmScreen, HelpScreen, PromptScreen
from tui.table import FindingsTable
from tui.widgets import ArticleView, DetailPane

ACTIONS = [
    ("next", "Next finding", "Select the next finding"),
    ("previous", "Previous finding", "Select the previous finding"),
    ("accept", "Accept", "Apply the suggested replacement"),
    ("bulk_accept", "Accept all of this kind", "Apply the suggestion to every open finding of this code and text"),
    ("edit", "Edit", "Replace the flagged text with your own"),
    ("dismiss_finding", "Dismiss", "Mark a false alarm (this occurrence or every one)"),
    ("undo", "Undo", "Undo the last decision"),
    ("redo", "Redo", "Redo the last undone decision"),
    ("glossary", "Add to glossary", "Record the flagged form in a glossary"),
    ("filter", "Filter", "Show one category, severity, code or state"),
    ("group", "Group", "Order the list by code, category or severity"),
    ("search", "Search", "Show findings whose text, code or message contains a string"),
    ("save", "Save", "Write the article atomically"),
    ("next_file", "Next file", "Open the next article"),
    ("previous_file", "Previous file", "Open the previous article"),
    ("help", "Help", "Show the keys"),
]


REFINE_AFTER = 0.4  # seconds without a decision before the whole-article audit starts


class Loaded(Message):
    def __init__(self, session: ReviewSession):
        super().__init__()
        self.session = session


class Refined(Message):
    def __init__(self, session: ReviewSession, text: str, found: list):
        super().__init__()
        self.session, self.text, self.found = session, text, found


class ReviewApp(DecisionActions, App):
    CSS_PATH = "app.tcss"
    TITLE = "jaanch review"
    # Save, Help and Quit come first: a narrow terminal's footer cuts from the right.
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit_app", "Quit"),
        Binding("a", "accept", "Accept"),
        Binding("e", "edit", "Edit"),
        Binding("d", "dismiss_finding", "Dismiss"),
        Binding("u", "undo", "Undo"),
        Binding("A", "bulk_accept", "All", show=False),
        Binding("U", "redo", "Redo", show=False),
        Binding("n,down", "next", "Next", show=False),
        Binding("p,up", "previous", "Prev", show=False),
        Binding("g", "glossary", "Glossary", show=False),
        Binding("f", "filter", "Filter", show=False),
        Binding("o", "group", "Group", show=False),
        Binding("slash", "search", "Search", show=False),
        Binding("right_square_bracket", "next_file", "Next file", show=False),
        Binding("left_square_bracket", "previous_file", "Prev file", show=False),
    ]

    def __init__(self, paths: list[Path], engine: Engine, extra=None, cell_widths: str | None = None,
                 english: str | None = None, locks: dict[Path, ArticleLock] | None = None):
        super().__init__()
        self.cell_mode = cells.install(cell_widths)  # raises if the widths did not take
        self.paths = paths
        self.engine = engine
        self.extra = extra  # model findings for an article (house LM, QE), computed in the worker
        self.english = english  # the English original (--source): bilingual checks, the detail pane's source line
        self.file_index = 0
        self.sessions: dict[Path, ReviewSession] = {}  # kept across file switches, with their undo history
        # the first article's lock is taken before the app starts (`tui/cli.py`), the others as they open
        self.locks: dict[Path, ArticleLock] = {} if locks is None else locks
        self.session: ReviewSession | None = None
        self.selected: int | None = None  # an item id
        self.view = View()
        self.loading = False
        self._refine_timer = None
        self.refine_pending = False  # a whole-article audit is due once decisions pause
        self.settling = False  # the article-wide and bilingual findings wait for that audit
        self.auditor = WholeArticleAuditor()  # a long article's audit runs in a child process

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                yield Static(id="status")
                yield FindingsTable(id="findings")
                yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        # Held directly: `query_one` searches the active screen, which may be a modal.
        self.article = self.query_one(ArticleView)
        self.table = self.query_one(FindingsTable)
        self.detail = self.query_one(DetailPane)
        self.status = self.query_one("#status", Static)
        self.on_resize()
        self.open_file(0)

    def on_resize(self, event=None) -> None:
        # The event's size: this runs before Textual stores the new size in `self.size`, and with
        # that one each resize laid the panes out for the size before it.
        size = event.size if event is not None else self.size
        main = self.screen_stack[0]  # the panes' screen, also while a dialog or the help is on top
        # Below 120 columns the article goes above the list: side by side, both would be cut.
        main.set_class(size.width < 120, "-narrow")
        if hasattr(self, "article"):
            self.article.set_gap(0 if size.width < 120 else 1)
        main.set_class(size.height < 30, "-short")

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for action, title, help_text in ACTIONS:
            yield SystemCommand(title, help_text, getattr(self, f"action_{action}"))

    # --- workers: loading and the whole-article audit -------------------------------------

    @work(thread=True, group="load", exit_on_error=False)
    def _load(self, path: Path) -> None:
        if path not in self.locks:
            self.locks[path] = hold(path)  # one review per article: one journal
        self.post_message(Loaded(ReviewSession.open(path, self.engine, self.extra, self.english)))

    def on_unmount(self) -> None:
        self.auditor.close()
        for lock in self.locks.values():
            lock.release()

    @work(thread=True, group="refine", exclusive=True, exit_on_error=False)
    def _refine(self, session: ReviewSession, text: str) -> None:
        self.post_message(Refined(session, text, self.auditor.audit(session, text)))

    @work(thread=True, group="glossary", exit_on_error=False)
    def _glossary(self, session: ReviewSession, item, glossary: str, latin: str, canonical: str | None) -> None:
        loaded = session.add_to_glossary(item, glossary, latin, canonical)
        self.call_from_thread(self._glossary_done, Path(glossary), loaded)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        self.loading = False
        if event.worker.group == "refine":
            self.settling = False  # the error says why nothing more will settle
        error = event.worker.error
        message = error.one_line() if isinstance(error, JaanchError) else f"{type(error).__name__}: {error}"
        self.notify(message, severity="error", timeout=30)
        if self.session is None:
            self.sub_title = message

    def on_loaded(self, message: Loaded) -> None:
        self.loading = False
        session = message.session
        self.sessions[session.path] = session
        # What is alive now (tables, glossary, the session) lives as long as the app: taking it out of
        # the collector's full passes keeps one of them (about 0.1 s) from landing inside a keypress.
        gc.freeze()
        self._show_session(session)
        done, pending = self._journaled(session.pending_replay)
        if not done:
            return
        if not pending:
            self._journaled(session.start, False)
            return
        if session.replay_is_stale():
            were = "was" if len(pending) == 1 else "were"
            question = (f"{session.path.name} changed on disk after {counted(len(pending), 'unsaved decision')} "
                        f"{were} made on it in an earlier session. Replay those that still fit the text?")
        else:
            are, them = ("is", "it") if len(pending) == 1 else ("are", "them")
            question = (f"{counted(len(pending), 'unsaved decision')} on {session.path.name} {are} in the journal "
                        f"from an earlier session. Replay {them} and continue?")
        self.push_screen(ConfirmScreen(question, yes="Replay", no="Discard", enter_says_yes=True),
                         lambda yes: self._replay(session, yes))

    def _replay(self, session: ReviewSession, yes: bool) -> None:
        done, counts = self._journaled(session.start, bool(yes))
        replayed, skipped = counts if done else (0, 0)
        if replayed or skipped:
            note = f"replayed {counted(replayed, 'decision')} from the journal"
            self.notify(note + (f"; {skipped} no longer {'fits' if skipped == 1 else 'fit'} the text and "
                                 f"{'was' if skipped == 1 else 'were'} left out" if skipped else ""),
                        severity="warning" if skipped else "information", timeout=10)
        self.after_change()

    def on_refined(self, message: Refined) -> None:
        # A file the editor has switched away from is settled too, for when they come back.
        if message.session.refine(message.text, message.found) and message.session is self.session:
            self.settling = self.refine_pending
            self.refresh_view()

    def _glossary_done(self, glossary: Path, loaded: bool) -> None:
        self.notify(f"added to {glossary.name}" + (" (now loaded for this session)" if loaded else "")
                    + "; undo (u) takes it out")
        self.refresh_view()

    # --- files ---------------------------------------------------------------------------

    def open_file(self, index: int) -> None:
        self.file_index = index
        path = self.paths[index]
        if path in self.sessions:
            self._show_session(self.sessions[path])
            return
        self.loading = True
        self.sub_title = f"{path.name} ({index + 1}/{len(self.paths)}) · loading…"
        self._load(path)

    def _show_session(self, session: ReviewSession) -> None:
        self.session = session
        items = self.view.apply(session.items)
        self.selected = next((i.id for i in items if i.state == OPEN), items[0].id if items else None)
        self.refresh_view()
        self.table.focus()

    def _switch(self, step: int) -> None:
        # Each file keeps its session (and its undo history and journal) while the app runs.
        self.open_file((self.file_index + step) % len(self.paths))

    # --- display -------------------------------------------------------------------------

    def refresh_view(self) -> None:
        session = self.session
        if session is None:
            return
        items = self.view.apply(session.items)
        if self.selected is not None and session.item(self.selected) is None:
            self.selected = None
        if items and (self.selected is None or all(i.id != self.selected for i in items)):
            self.selected = items[0].id
        self.article.show(session.text, session.items, self.selected)
        self.table.show(items, self.selected)
        self._show_selected()
        reviewed, total = session.progress()
        dirty = " · unsaved" if session.dirty else ""
        # "unsaved" shows in the status line only: a new title relayouts the whole screen.
        self.sub_title = f"{session.path.name} ({self.file_index + 1}/{len(self.paths)})"
        shown = f" · showing {len(items)}: {self.view.describe()}" if self.view.active else ""
        settling = " · settling…" if self.settling else ""
        self.status.update(f"{reviewed}/{total} reviewed{shown}{dirty}{settling}", layout=False)

    def _show_selected(self) -> None:
        item = self.current
        sentence = source = None
        if item is not None:
            sentence = self.session.context(item.finding)
            source = self.session.source_sentence(item.finding)
            self.article.scroll_to_line(item.finding.line, item.finding.column - 1)
        if self.session.items or self.view.active:
            self.detail.show(self.session.text, item, sentence, source)
        else:  # it said "no finding matches the filter" with no filter set
            self.detail.show(self.session.text, None, None, none="No findings in this article.")

    @property
    def current(self):
        if self.session is None or self.selected is None:
            return None
        return self.session.item(self.selected)

    def on_findings_table_chosen(self, event: FindingsTable.Chosen) -> None:
        if event.item_id != self.selected:
            self.select_item(event.item_id)

    def on_article_view_line_clicked(self, event: ArticleView.LineClicked) -> None:
        if self.session is None:
            return
        items = self.view.apply(self.session.items)
        on_line = [i.id for i in items if i.finding.line <= event.line <= i.finding.end_line]
        if on_line:
            later = [i for i in on_line if self.selected is not None and i > self.selected]
            self.select_item((later or on_line)[0])

    def select_item(self, item_id: int) -> None:
        if self.session is None or self.session.item(item_id) is None:
            return
        self.selected = item_id
        self.article.show(self.session.text, self.session.items, item_id)
        self.table.select(item_id)
        self._show_selected()

    def action_select_finding(self, index: int) -> None:
        """Select the index-th row of the list (tests and the palette use it)."""
        item_id = self.table.id_at(index)
        if item_id is not None:
            self.select_item(item_id)

    def after_change(self, focus: int | None = None) -> None:
        if focus is not None and focus >= 0:
            self.selected = focus
        self.settling = True  # until the whole-article audit of this text is in
        self.refresh_view()
        # The whole-article audit waits for a pause in the editor's decisions: it shares the
        # interpreter with the UI, and a newer decision makes its result stale anyway.
        if self._refine_timer is not None:
            self._refine_timer.stop()
        session = self.session
        self.refine_pending = True
        self._refine_timer = self.set_timer(REFINE_AFTER, lambda: self._start_refine(session))

    def _start_refine(self, session: ReviewSession) -> None:
        self.refine_pending = False
        self._refine(session, session.text)

    # --- actions -------------------------------------------------------------------------

    def _step(self, step: int) -> None:
        items = self.view.apply(self.session.items) if self.session else []
        ids = [i.id for i in items]
        if not ids:
            return
        at = ids.index(self.selected) if self.selected in ids else 0
        self.select_item(ids[max(0, min(at + step, len(ids) - 1))])

    def action_next(self) -> None:
        self._step(+1)

    def action_previous(self) -> None:
        self._step(-1)

    def action_filter(self) -> None:
        if self.session is None:
            return
        options = self.view.options(self.session.items)
        self.push_screen(ChoiceScreen("Show:", [label for label, _ in options]),
                         lambda choice: choice is not None and self._set_view(filter=options[choice][1]))

    def action_group(self) -> None:
        self.push_screen(ChoiceScreen("Order the list by:", list(GROUPS)),
                         lambda choice: choice is not None and self._set_view(group=list(GROUPS)[choice]))

    def action_search(self) -> None:
        self.push_screen(PromptScreen("Search flagged text, suggestions, codes and messages (empty: clear):",
                                      value=self.view.search),
                         lambda text: text is not None and self._set_view(search=text.strip()))

    def _set_view(self, **change) -> None:
        self.view = self.view.with_(**change)
        self.refresh_view()

    def _save(self, force: bool = False):
        session = self.session
        # The folder's dismissals file as it is now, not as it was when the article opened: the
        # save rewrites it whole, and another article's session (in this app or another) may
        # have saved its own dismissals there since; from the copy read at open they were lost.
        session.suppressions = SuppressionStore.load(session.path.parent)
        return session.save(force=force)

    def action_save(self) -> None:
        if self.session is None:
            return
        try:
            backup = self._save()
        except ConflictError as error:
            self.push_screen(ConfirmScreen(f"{error.one_line()}\nOverwrite it anyway?", yes="Overwrite",
                                           no="Keep theirs"), lambda yes: yes and self._force_save())
            return
        except (JaanchError, OSError) as error:
            self._save_failed(error)
            return
        self.notify(f"saved {self.session.path.name}" + (f" (previous version: {backup.name})" if backup else ""))
        self.refresh_view()

    def _force_save(self) -> None:
        try:
            self._save(force=True)
        except (JaanchError, OSError) as error:
            self._save_failed(error)
            return
        self.notify(f"saved {self.session.path.name}")
        self.refresh_view()

    def _save_failed(self, error: Exception) -> None:
        """One line naming the article (the system's refusal was Python's "[Errno 40] …: '…~'")."""
        if isinstance(error, JaanchError):
            message = error.one_line()
        else:
            where = f" {Path(error.filename).name}" if getattr(error, "filename", None) else ""
            message = JaanchError(f"not saved: cannot write{where} ({describe(error)}); the decisions are kept",
                                  str(self.session.path)).one_line()
        self.notify(message, severity="error", timeout=30)

    def action_next_file(self) -> None:
        self._switch(+1)

    def action_previous_file(self) -> None:
        self._switch(-1)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def _print_error_renderables(self) -> None:
        self._exit_renderables.clear()  # a traceback: `run` hands the error on as one line

    def run(self, *args, headless: bool = False, **kwargs):
        if not headless:  # (a headless app, as tests run one, draws nowhere and reads no keys)
            _need_terminal()
        return super().run(*args, headless=headless, **kwargs)

    def action_quit_app(self) -> None:
        unsaved = [s.path.name for s in self.sessions.values() if s.dirty]
        if unsaved:
            self.push_screen(
                ConfirmScreen(f"Quit with unsaved decisions on {', '.join(unsaved)}? They stay in the journal "
                              "and can be replayed.", yes="Quit", no="Stay"),
                lambda yes: yes and self.exit(),
            )
        else:
            self.exit()


def run(paths: list[Path], engine: Engine, extra=None, cell_widths: str | None = None,
        english: str | None = None, locks: dict[Path, ArticleLock] | None = None) -> int:
    app = ReviewApp(paths, engine, extra, cell_widths, english, locks)
    app.run()
    # Textual ends the app on an error it was not given to handle and printed its traceback, and
    # the run still exited 0: the error goes up to the console script's one line (exit 3;
    # JAANCH_DEBUG=1 prints the traceback).
    error = getattr(app, "_exception", None)
    if error is not None:
        raise error
    return 0


def _need_terminal() -> None:
    """The app reads keys from standard input and draws on standard error (Textual's terminal
    driver): run from a script, a CI step or `< /dev/null`, it drew into a pipe and waited for keys
    for ever. A driver named in TEXTUAL_DRIVER (textual-serve's, for --serve) brings its own."""
    import os
    import sys

    from audit.core.errors import UsageError

    if os.environ.get("TEXTUAL_DRIVER"):
        return
    if not all(stream is not None and stream.isatty() for stream in (sys.__stdin__, sys.__stderr__)):
        raise UsageError("`jaanch review` is an interactive app that needs a terminal, and its standard input "
                         "or error is not one; run it in a terminal, or serve it to a browser with --serve")
