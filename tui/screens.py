"""Modal screens: they collect one answer and hand it back; they never touch the session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown, OptionList
from textual.widgets.option_list import Option


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No"):
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Grid(id="dialog"):
            yield Label(self.question, id="question")
            yield Button(self.yes, variant="warning", id="yes")
            yield Button(self.no, variant="primary", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class PromptScreen(ModalScreen[str | None]):
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
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoiceScreen(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, choices: list[str]):
        super().__init__()
        self.prompt, self.choices = prompt, choices

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Label(self.prompt)
            yield OptionList(*[Option(c or "(delete)", id=str(i)) for i, c in enumerate(self.choices)], id="choices")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


class GlossaryScreen(ModalScreen[tuple[str, str, str] | None]):
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
            self.dismiss((values["glossary"], values["latin"], values["canonical"]))
        else:
            self.notify("a glossary file and a Latin form are needed", severity="error")

    def action_cancel(self) -> None:
        self.dismiss(None)


HELP = """\
# jaanch review

| key | what it does |
|---|---|
| `n` / `↓` | next finding |
| `p` / `↑` | previous finding |
| `a` | accept: apply the suggestion (choose when there are several) |
| `e` | edit: replace the flagged text with your own |
| `d` | dismiss a false alarm (optional reason); `jaanch check` will not report it again |
| `u` / `U` | undo / redo |
| `g` | add the flagged form to a glossary (as a variant, or a new entry) |
| `ctrl+s` | save the article (atomic; the previous version is kept as `name~`) |
| `]` / `[` | next / previous file |
| `ctrl+p` | command palette: every action by name |
| `?` | this help |
| `q` | quit (asks when decisions are unsaved) |

Every decision is written to `.NAME.jaanch-journal.jsonl` beside the article as you make it:
if the terminal dies, reopening the article offers to replay them. Click a line of the article
(again for the next finding on it), or a row, to select a finding.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP)

    def action_close(self) -> None:
        self.dismiss(None)
