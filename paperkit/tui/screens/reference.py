"""The dialog that adds a cited paper to the reading list: pick a reference, or type an arXiv id."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from paperkit.tui.reading_list import arxiv_id_in


class ReferenceScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("down", "to_list", show=False)]

    def __init__(self, references: list[str]):
        super().__init__()
        self.references = references
        self.shown: list[str] = list(references)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Add a cited paper to the reading list", classes="form-title")
            yield Input(placeholder="filter the references, or type an arXiv id and press enter", id="query", classes="answer")
            yield OptionList(*self._options(), id="references")
            yield Label("enter: add · escape: cancel", classes="hint")

    def _options(self) -> list[Option]:
        if not self.shown:
            return [Option(Text("no reference matches", style="italic"), disabled=True)]
        return [Option(Text(("★ " if arxiv_id_in(r) else "  ") + r), id=str(i)) for i, r in enumerate(self.shown)]

    @on(Input.Changed, "#query")
    def _filter(self, event: Input.Changed) -> None:
        words = event.value.lower().split()
        self.shown = [r for r in self.references if all(w in r.lower() for w in words)]
        options = self.query_one("#references", OptionList)
        options.clear_options()
        options.add_options(self._options())

    @on(Input.Submitted, "#query")
    def _typed(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value and arxiv_id_in(value) and len(value.split()) == 1:
            self.dismiss(value)
        elif len(self.shown) == 1:
            self.dismiss(self.shown[0])
        elif self.shown:
            self.action_to_list()

    @on(OptionList.OptionSelected, "#references")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.shown[int(event.option.id)])

    def action_to_list(self) -> None:
        options = self.query_one("#references", OptionList)
        options.focus()
        if options.highlighted is None and self.shown:
            options.highlighted = 0

    def action_cancel(self) -> None:
        self.dismiss(None)
