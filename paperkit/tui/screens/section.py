"""Pass 3's re-reading view: one whole section, math included, opened from a mark."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from paperkit.reading.notes import Mark
from paperkit.reading.paper import Section
from paperkit.tui.widgets.paper_text import PaperText, section_widgets


class SectionScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "close", "Close")]
    AUTO_FOCUS = "PaperText"

    def __init__(self, section: Section, mark: Mark):
        super().__init__()
        self.section = section
        self.mark = mark

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label(f"Re-read: {self.mark.text}", classes="form-title")
            yield PaperText()
            yield Label("escape: back to pass 3", classes="hint")

    async def on_mount(self) -> None:
        await self.query_one(PaperText).show(section_widgets(self.section, fold_math=False))

    def action_close(self) -> None:
        self.dismiss(None)
