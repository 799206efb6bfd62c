"""One figure or table: drawn in the terminal when it can draw images, otherwise an offer to open the PNG."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from paperkit.reading.paper import Figure
from paperkit.tui.figures import ImageWidget


class FigureScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "close", "Close"), Binding("o", "open_png", "Open PNG")]

    def __init__(self, figure: Figure, png: Path, image_widget: ImageWidget | None):
        super().__init__()
        self.figure = figure
        self.png = png
        self.image_widget = image_widget

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label(Text.assemble((f"{self.figure.label} (p. {self.figure.page}) ", "bold"), self.figure.caption), classes="form-title")
            if self.image_widget is not None:
                yield self.image_widget(self.png, id="figure-image")  # type: ignore[call-arg]
            else:
                yield Static(
                    Text.assemble(
                        "This terminal cannot draw images, so the figure is not shown here.\n\n",
                        ("o", "bold"), " opens the PNG in your image viewer: ", (str(self.png), "underline"),
                    ),
                    id="figure-offer",
                )
            yield Label("o: open the PNG · escape: back", classes="hint")

    def action_open_png(self) -> None:
        self.app.open_png(self.png, self.figure)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.dismiss(None)
