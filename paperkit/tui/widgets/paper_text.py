"""The paper's text, one part at a time.

Only the part on screen (a section, the abstract) is mounted, as plain `Static` paragraphs:
Textual's Markdown widget parses and lays out far more slowly (see benchmarks/bench_reader.py),
and PDF text is not Markdown anyway. Math-heavy paragraphs can be folded behind a one-line
placeholder that expands on enter or click.
"""

from __future__ import annotations

from rich.text import Text
from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from paperkit.reading.paper import Paragraph, Section, formula_region


# Search hits: dark text on amber (contrast above 9:1), the current hit on a deeper orange.
HIT_STYLE = "#000000 on #ffd75f"
CURRENT_HIT_STYLE = "bold #000000 on #ff8700"
Spans = dict[int, list[tuple[int, int, bool]]]  # paragraph index -> [(start, end, is current hit)]


# A passage selected with the keys (v, then arrows): dark text on light blue (above 10:1).
SELECTED_STYLE = "#000000 on #9fd3ff"


class ParagraphText(Static):
    def __init__(self, content: Text | str = "", *, index: int | None = None, **kwargs):
        super().__init__(content, **kwargs)
        self.index = index  # the paragraph's place in its part: search hits and quotes find it by this
        self.base = content if isinstance(content, Text) else Text(content)

    def show_selected(self, span: tuple[int, int] | None) -> None:
        text = self.base.copy()
        if span is not None:
            text.stylize(SELECTED_STYLE, *span)
        self.update(text)


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


class PdfRegion(Static, can_focus=True):
    """A formula (or any block) the PDF's text layer cannot spell: one line that says so; enter or a
    click renders that region of the page and shows it as figures are shown (in the terminal when it
    draws images, else the offer to open the PNG)."""

    BINDINGS = [Binding("enter,space", "show", "Show from the PDF", show=False)]

    def __init__(self, paragraph: Paragraph, **kwargs):
        super().__init__(**kwargs)
        self.paragraph = paragraph
        self.formula = formula_region(paragraph)

    def on_mount(self) -> None:
        label = self.formula.label if self.formula else "Formula"
        self.update(Text(f"▣ {label} (p. {self.paragraph.page}): not readable as text — enter shows it as printed",
                         no_wrap=True, overflow="ellipsis"))

    def action_show(self) -> None:
        show = getattr(self.app, "show_figure", None)
        if self.formula is not None and show is not None:
            show(self.formula)

    def on_click(self) -> None:
        self.action_show()


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
    from paperkit.tui.quotes import paragraph_lines

    numbered = any(paragraph_lines(p) for p in paragraphs)  # a submission's line numbers, when parsed
    for index, paragraph in enumerate(paragraphs):
        if formula_region(paragraph) is not None and index not in spans:
            widget: Widget = PdfRegion(paragraph)
        elif fold_math and paragraph.math and index not in spans:
            widget = MathFold(paragraph)
        else:
            widget = ParagraphText(highlighted(paragraph.text, spans.get(index, [])), index=index)
        if numbered:
            lines = paragraph_lines(paragraph)
            gutter = f"{lines[0]}–{lines[1]}" if lines and lines[1] != lines[0] else (str(lines[0]) if lines else "")
            widget = Horizontal(Static(gutter, classes="gutter"), widget, classes="numbered")
        widgets.append(widget)
    return widgets


def footnote_widgets(footnotes: list[Paragraph]) -> list[Widget]:
    """Footnotes apart from the text, below it, under a rule."""
    if not footnotes:
        return []
    text = Text()
    for n, footnote in enumerate(footnotes):
        text.append(("\n" if n else "") + footnote.text)
        text.append(f"  (p. {footnote.page})", style="italic")
    return [Static(text, classes="footnotes")]


class PaperText(VerticalScroll):
    """The scrolling reading pane. `v` starts selecting a passage sentence by sentence: up and down
    move, shift+up and shift+down shrink and grow it, escape drops it. The mouse selects too."""

    BINDINGS = [
        Binding("e", "toggle_math", "Math", show=False),
        Binding("down", "move_selection(1)", "Down", show=False),
        Binding("up", "move_selection(-1)", "Up", show=False),
        Binding("shift+down", "extend_selection(1)", "Select more", show=False),
        Binding("shift+up", "extend_selection(-1)", "Select less", show=False),
        Binding("escape", "drop_selection", "Drop selection", show=False),
    ]

    def __init__(self, *children: Widget, **kwargs):
        super().__init__(*children, **kwargs)
        self.sentences: list[tuple[ParagraphText, int, int]] = []
        self.selected: tuple[int, int] | None = None  # first and last sentence selected

    # ------------------------------------------------------------------ selection with the keys
    def start_selection(self) -> bool:
        """Select the first sentence on screen; False when there is no text to select."""
        from paperkit.tui.quotes import sentence_spans

        self.drop_selection()
        paragraphs = [p for p in self.query(ParagraphText) if p.index is not None]
        self.sentences = [(p, a, b) for p in paragraphs for a, b in sentence_spans(p.base.plain)]
        if not self.sentences:
            return False
        top = self.scroll_offset.y
        first = next((i for i, (p, _a, _b) in enumerate(self.sentences) if p.virtual_region.bottom > top), 0)
        self._select(first, first)
        self.focus()
        return True

    def _select(self, first: int, last: int) -> None:
        self.selected = (first, last)
        chosen = self.sentences[first : last + 1]
        for paragraph in {p for p, _a, _b in self.sentences}:
            spans = [(a, b) for p, a, b in chosen if p is paragraph]
            paragraph.show_selected((spans[0][0], spans[-1][1]) if spans else None)
        self.scroll_to_widget(self.sentences[last][0], animate=False)

    def drop_selection(self) -> None:
        if self.selected is not None:
            for paragraph in {p for p, _a, _b in self.sentences}:
                paragraph.show_selected(None)
        self.selected = None

    def action_move_selection(self, step: int) -> None:
        if self.selected is None:
            self.scroll_down() if step > 0 else self.scroll_up()
            return
        index = min(max(self.selected[0] + step, 0), len(self.sentences) - 1)
        self._select(index, index)

    def action_extend_selection(self, step: int) -> None:
        if self.selected is None:
            return
        first, last = self.selected
        self._select(first, min(max(last + step, first), len(self.sentences) - 1))

    def action_drop_selection(self) -> None:
        if self.selected is None:
            raise SkipAction()  # escape then does what the screen says (back to the text, end a search)
        self.drop_selection()

    def selected_passage(self) -> tuple[int, str] | None:
        """(paragraph index, text) of what is selected: with the keys, else with the mouse."""
        if self.selected is not None:
            first, last = self.selected
            paragraph = self.sentences[first][0]
            text = " ".join(p.base.plain[a:b] for p, a, b in self.sentences[first : last + 1])
            return paragraph.index, text
        selections = self.screen.selections
        chosen = [(w, sel) for w, sel in selections.items() if isinstance(w, ParagraphText) and w.index is not None and self in w.ancestors]
        if not chosen:
            return None
        chosen.sort(key=lambda item: item[0].index)
        parts = [w.get_selection(sel) for w, sel in chosen]
        text = " ".join(part[0] for part in parts if part)
        return (chosen[0][0].index, text) if text.strip() else None

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
