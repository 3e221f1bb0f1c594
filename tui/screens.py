"""Modal screens: they collect one answer and hand it back; they never touch the session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from audit.core.text import common_ends


class Dialog(ModalScreen):
    """A modal that answers once. Keys typed fast (Enter twice) can reach a dialog again before it
    has closed; a second answer closed the screen under it, and with none left Textual ended the
    app in a traceback (or a decision ran twice)."""

    _answered = False

    def answer_once(self, value) -> None:
        if self._answered or not self.is_current:
            return
        self._answered = True
        self.dismiss(value)


class ConfirmScreen(Dialog, ModalScreen[bool]):
    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]
    AUTO_FOCUS = "#no"

    def __init__(self, question: str, yes: str = "Yes", no: str = "No", enter_says_yes: bool = False):
        super().__init__()
        self.question, self.yes, self.no = question, yes, no
        if enter_says_yes:  # where the yes keeps what the editor did (Replay): Enter must not discard it
            self.AUTO_FOCUS = "#yes"

    def compose(self) -> ComposeResult:
        with Grid(id="dialog"):
            yield Label(self.question, id="question")
            yield Button(self.yes, variant="warning", id="yes")
            yield Button(self.no, variant="primary", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.answer_once(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.answer_once(value)


def around_change(before: str, after: str, room: int = 30) -> tuple[str, str]:
    """The words around where `before` and `after` differ, about `room` characters either side,
    cut at spaces (never inside a word or a cluster), "…" where text is left out."""
    same, tail = common_ends(before, after)
    start = max(0, same - room)
    if start:
        space = before.find(" ", start, same)
        start = 0 if space < 0 else space + 1  # no space near: the line's start, whole words still
    end = min(len(before), len(before) - tail + room)
    if end < len(before):
        space = before.rfind(" ", len(before) - tail, end)
        end = len(before) if space < 0 else space
    lead, trail = "…" if start else "", "…" if end < len(before) else ""
    cut = len(before) - end
    return lead + before[start:end] + trail, lead + after[start : len(after) - cut] + trail


class BulkScreen(Dialog, ModalScreen[bool]):
    """A bulk accept's preview: every line it would change, before and after. y applies, n cancels."""

    BINDINGS = [Binding("y", "answer(True)", "Apply"), Binding("n,escape", "answer(False)", "Cancel")]

    def __init__(self, question: str, preview: list):
        super().__init__()
        self.question, self.preview = question, preview

    def compose(self) -> ComposeResult:
        with Vertical(id="bulk"):
            yield Label(self.question, id="question")
            # the keys before the preview: a long preview pushed them off an 80x24 screen
            yield Label("y: apply to all   n / escape: cancel", classes="hint")
            with VerticalScroll(id="preview"):
                for item, whole_before, whole_after in self.preview:
                    before, after = around_change(whole_before, whole_after)
                    yield Label(f"line {item.finding.line}", classes="hint")
                    yield Label(f"− {before}", classes="before")
                    yield Label(f"+ {after}", classes="after")

    def action_answer(self, value: bool) -> None:
        self.answer_once(value)


class PromptScreen(Dialog, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, value: str = "", placeholder: str = ""):
        super().__init__()
        self.prompt, self.value, self.placeholder = prompt, value, placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Label(self.prompt)
            yield Input(self.value, placeholder=self.placeholder, id="answer")
            yield Label("enter: confirm   escape: cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.answer_once(event.value)

    def action_cancel(self) -> None:
        self.answer_once(None)


class ChoiceScreen(Dialog, ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, choices: list[str]):
        super().__init__()
        self.prompt, self.choices = prompt, choices

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Label(self.prompt)
            yield OptionList(*[Option(c or "(delete)", id=str(i)) for i, c in enumerate(self.choices)], id="choices")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.answer_once(int(event.option.id))

    def action_cancel(self) -> None:
        self.answer_once(None)


class GlossaryScreen(Dialog, ModalScreen[tuple[str, str, str] | None]):
    """Ask where the flagged form goes: a variant of an entry, or a new entry."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, form: str, glossary: str):
        super().__init__()
        self.form, self.glossary = form, glossary

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Label(f"Add '{self.form}' to a glossary")
            yield Input(self.glossary, placeholder="glossary file (TSV)", id="glossary")
            yield Input(placeholder="Latin form of the entry (OpenAI)", id="latin")
            yield Input(placeholder="canonical form for a NEW entry; empty: add as a variant", id="canonical")
            yield Label("enter in the last field: confirm   escape: cancel", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "canonical":
            self.focus_next()
            return
        values = {i.id: i.value.strip() for i in self.query(Input)}
        if values["glossary"] and values["latin"]:
            self.answer_once((values["glossary"], values["latin"], values["canonical"]))
        else:
            self.notify("a glossary file and a Latin form are needed", severity="error")

    def action_cancel(self) -> None:
        self.answer_once(None)


KEYS = [
    ("n ↓ / p ↑", "next / previous finding"),
    ("a", "accept the suggestion (choose when there are several)"),
    ("A", "accept every open finding of this code and text, after a preview"),
    ("e", "edit: replace the flagged text with your own"),
    ("d", "dismiss a false alarm: this occurrence, or every one of the text"),
    ("u / U", "undo / redo (the selection goes back to the finding)"),
    ("g", "add the flagged form to a glossary (asks first; undo removes it)"),
    ("f / o / /", "filter (category, severity, code, state) / group / search"),
    ("ctrl+s", "save (atomic; the previous version is kept as name~)"),
    ("] / [", "next / previous file (each keeps its undo history)"),
    ("ctrl+p", "command palette: every action by name"),
    ("? / escape", "this help / close it"),
    ("q", "quit (asks when decisions are unsaved)"),
]
NOTES = ("Each finding is open, accepted, edited, dismissed or resolved (an edit made it go away); "
         "the line above the list counts what is reviewed. Every decision goes to "
         ".NAME.jaanch-journal.jsonl at once: if the terminal dies, reopening replays them.")


class HelpScreen(Dialog, ModalScreen[None]):
    """The keys, compact enough for an 80x24 terminal (a scroll box beyond that)."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        from rich.table import Table

        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for key, what in KEYS:
            table.add_row(key, what)
        with VerticalScroll(id="help"):
            yield Label("jaanch review: keys", id="help-title")
            yield Static(table)
            yield Label(NOTES, classes="hint")

    def action_close(self) -> None:
        self.answer_once(None)
