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


# Search hits: dark text on amber (contrast above 9:1), the current hit on a deeper orange.
HIT_STYLE = "#000000 on #ffd75f"
CURRENT_HIT_STYLE = "bold #000000 on #ff8700"
Spans = dict[int, list[tuple[int, int, bool]]]  # paragraph index -> [(start, end, is current hit)]


class ParagraphText(Static):
    def __init__(self, *args, index: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.index = index  # the paragraph's place in its part, to scroll to a search hit


def highlighted(text: str, spans: list[tuple[int, int, bool]] = ()) -> Text:
    out = Text(text)
    for start, end, current in spans:
        out.stylize(CURRENT_HIT_STYLE if current else HIT_STYLE, start, end)
    return out


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


def section_widgets(section: Section, *, fold_math: bool, spans: Spans | None = None) -> list[Widget]:
    return part_widgets(section.label, section.paragraphs, fold_math=fold_math, spans=spans)


def part_widgets(title: str, paragraphs: tuple[Paragraph, ...], *, fold_math: bool = False, spans: Spans | None = None) -> list[Widget]:
    """A heading and its paragraphs; search hits highlighted (a folded paragraph with a hit is shown whole)."""
    spans = spans or {}
    heading = highlighted(title, spans.get(-1, []))
    heading.stylize("bold")
    widgets: list[Widget] = [Static(heading, classes="section-title")]
    if not paragraphs:
        widgets.append(ParagraphText(Text("(no text under this heading)", style="italic")))
    for index, paragraph in enumerate(paragraphs):
        if fold_math and paragraph.math and index not in spans:
            widgets.append(MathFold(paragraph))
        else:
            widgets.append(ParagraphText(highlighted(paragraph.text, spans.get(index, [])), index=index))
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

    def scroll_to_paragraph(self, index: int) -> None:
        for paragraph in self.query(ParagraphText):
            if paragraph.index == index:
                self.call_after_refresh(self.scroll_to_widget, paragraph, animate=False, top=True)
                return

    def action_toggle_math(self) -> None:
        folds = list(self.query(MathFold))
        expand = any(not f.expanded for f in folds)
        for fold in folds:
            fold.set_expanded(expand)
