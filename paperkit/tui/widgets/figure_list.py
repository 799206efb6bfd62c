"""The figures and tables of a paper with their captions, for pass 1 (enter renders and opens one)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from paperkit.reading.paper import Figure


class FigureList(OptionList):
    def __init__(self, figures: list[Figure], notes: list[str] | None = None, **kwargs):
        """notes: a word to show beside each figure ("first mentioned here")."""
        self.figures = figures
        notes = notes or [""] * len(figures)
        options = [Option(self._prompt(f, note), id=str(i)) for i, (f, note) in enumerate(zip(figures, notes))]
        super().__init__(*options, **kwargs)

    @staticmethod
    def _prompt(figure: Figure, note: str = "") -> Text:
        text = Text()
        text.append(f"{figure.label} (p. {figure.page})", style="bold")
        if note:
            text.append(f" {note}", style="italic")
        text.append(f"  {figure.caption}")
        return text

    @property
    def current(self) -> Figure | None:
        return self.figures[self.highlighted] if self.highlighted is not None and self.figures else None
