"""The dialog that marks a claim ("the paper claims X on Y") or a passage not understood, with where."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class MarkScreen(ModalScreen[tuple[str, str] | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, kind: str, where: str, text: str = ""):
        """text: the passage selected in the paper, as a quote to start from."""
        super().__init__()
        self.kind = kind
        self.where = where
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.kind == "claim":
                yield Label("Mark a claim: the paper claims X on Y", classes="form-title")
                yield Input(self.text, placeholder="X: what the paper claims", id="text", classes="answer")
                yield Input(placeholder="Y: dataset, setting or metric (optional)", id="on", classes="answer")
            else:
                yield Label("Mark a passage you did not understand", classes="form-title")
                yield Input(self.text, placeholder="what is unclear", id="text", classes="answer")
            yield Label("Where (§, Fig., Table, p.)", classes="question")
            yield Input(self.where, id="where", classes="answer")
            yield Label("enter: save · escape: cancel", classes="hint")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        text = self.query_one("#text", Input).value.strip()
        if not text:
            self.query_one("#text", Input).focus()
            return
        if self.kind == "claim":
            setting = self.query_one("#on", Input).value.strip()
            text = f"{text} on {setting}" if setting else text
        self.dismiss((text, self.query_one("#where", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
