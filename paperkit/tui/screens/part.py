"""Any part of the paper in a window over the pass: where a search hit or an outline entry leads
when the pass itself does not show that part (the appendix, the references, pass 1's unread sections).

n and p walk the whole paper part by part; ] and [ go from search hit to search hit.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from paperkit.tui.session import ReadingSession
from paperkit.tui.widgets.paper_text import PaperText, part_widgets


class PartScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "close", "Close"),
        Binding("n", "part(1)", "Next part"),
        Binding("p", "part(-1)", "Previous part"),
        Binding("right_square_bracket", "match(1)", "Next match"),
        Binding("left_square_bracket", "match(-1)", "Previous match"),
    ]
    AUTO_FOCUS = "PaperText"

    def __init__(self, session: ReadingSession, index: int, paragraph: int | None = None):
        super().__init__()
        self.session = session
        self.index = index
        self.paragraph = paragraph

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label("", id="part-where", classes="form-title")
            yield PaperText(id="part-text")
            yield Label("", id="part-hint", classes="hint")

    async def on_mount(self) -> None:
        await self.show(self.index, self.paragraph)

    async def show(self, index: int, paragraph: int | None = None) -> None:
        parts = self.session.parts
        self.index = min(max(index, 0), len(parts) - 1)
        part = parts[self.index]
        finder = self.session.finder
        self.query_one("#part-where", Label).update(f"{self.index + 1}/{len(parts)} · p. {part.page}{' · appendix' if part.appendix else ''}")
        hint = "n/p: next/previous part · escape: back to the pass"
        if finder.query:
            hint = f"{finder.count_text()} · ]/[: next/previous match · " + hint
        self.query_one("#part-hint", Label).update(hint)
        text = self.query_one("#part-text", PaperText)
        await text.show(part_widgets(part.title, part.paragraphs, spans=finder.spans_in(self.index)))
        if paragraph is not None:
            text.scroll_to_paragraph(paragraph)

    async def action_part(self, delta: int) -> None:
        await self.show(self.index + delta)

    async def action_match(self, delta: int) -> None:
        hit = self.session.finder.step(delta, from_part=self.index)
        if hit is None:
            self.notify("no search: press escape, then / to search", timeout=3)
            return
        await self.show(hit.part, hit.paragraph)
        below = getattr(self.app, "pass_screen", None)
        if below is not None:
            below.show_search_count()  # the bar under this window counts along

    def action_close(self) -> None:
        self.dismiss(None)
