"""The paper's text, one part at a time.

Only the part on screen (a section, the abstract) is mounted, as plain `Static` paragraphs:
Textual's Markdown widget parses and lays out far more slowly (see benchmarks/bench_reader.py),
and PDF text is not Markdown anyway. Math-heavy paragraphs can be folded behind a one-line
placeholder that expands on enter or click.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from paperkit.reading.paper import Paragraph, Section


class ParagraphText(Static):
    pass


class MathFold(Static, can_focus=True):
    """A math-heavy paragraph, collapsed to one line until the reader asks for it."""

    BINDINGS = [Binding("enter,space", "toggle", "Expand math", show=False)]

    def __init__(self, paragraph: Paragraph, **kwargs):
        super().__init__(**kwargs)
        self.paragraph = paragraph
        self.expanded = False
        self.add_class("-collapsed")

    def on_mount(self) -> None:
        self._render_state()

    def _render_state(self) -> None:
        if self.expanded:
            self.update(Text(self.paragraph.text))
        else:
            lines = len(self.paragraph.text.splitlines()) or 1
            self.update(Text(f"▸ math skipped in pass 2 (p. {self.paragraph.page}, {lines} line{'s' if lines > 1 else ''}) — enter to expand", no_wrap=True, overflow="ellipsis"))
        self.set_class(not self.expanded, "-collapsed")

    def action_toggle(self) -> None:
        self.set_expanded(not self.expanded)

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self._render_state()

    def on_click(self) -> None:
        self.action_toggle()


def section_widgets(section: Section, *, fold_math: bool) -> list[Widget]:
    widgets: list[Widget] = [Static(Text(section.label, style="bold"), classes="section-title")]
    if not section.paragraphs:
        widgets.append(ParagraphText(Text("(no text under this heading)", style="italic")))
    for paragraph in section.paragraphs:
        if fold_math and paragraph.math:
            widgets.append(MathFold(paragraph))
        else:
            widgets.append(ParagraphText(Text(paragraph.text)))
    return widgets


class PaperText(VerticalScroll):
    """The scrolling reading pane."""

    BINDINGS = [Binding("e", "toggle_math", "Math", show=False)]

    async def show(self, widgets: list[Widget], scroll: float = 0.0) -> None:
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(widgets)
        self.scroll_home(animate=False)
        if scroll:
            self.call_after_refresh(self.scroll_to, y=scroll, animate=False)

    def action_toggle_math(self) -> None:
        folds = list(self.query(MathFold))
        expand = any(not f.expanded for f in folds)
        for fold in folds:
            fold.set_expanded(expand)
