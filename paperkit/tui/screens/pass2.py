"""Pass 2: introduction to conclusion, one section at a time, math folded away; notes and marks per section."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from paperkit.tui.screens.pass_screen import PassScreen
from paperkit.tui.session import where_for
from paperkit.tui.widgets.figure_list import FigureList
from paperkit.tui.widgets.paper_text import PaperText, ParagraphText, footnote_widgets, section_widgets


class Pass2Screen(PassScreen):
    number = 2
    BINDINGS = [
        Binding("n", "section(1)", "Next §"),
        Binding("p", "section(-1)", "Prev §"),
        Binding("v", "select", "Select"),
        Binding("k", "focus_notes", "Notes"),
        Binding("u", "mark('not understood')", "Unclear"),
        Binding("m", "mark('claim')", "Claim"),
        Binding("r", "reference", "Cite"),
        Binding("e", "toggle_math", "Math", show=False),
        Binding("i", "figures", "Figures"),
        Binding("o", "open_figure", "Open PNG", show=False),
        Binding("c", "finish", "Continue"),
    ]

    def initial_where(self) -> str:
        section = self.session.current_section
        if section is None:
            return "no sections found"
        return f"{section.label} ({self.session.state.section + 1}/{len(self.session.pass2_sections)})"

    def _section_widgets(self) -> list[Widget]:
        section = self.session.current_section
        if section is None:
            return [ParagraphText("No sections were found in this paper's text.")]
        from paperkit.tui.paper_parts import footnotes_in

        spans = self.session.finder.spans_in(self.current_part()) if self.session.searching else None
        footnotes = footnotes_in(self.session.paper, section)
        return section_widgets(section, fold_math=True, spans=spans) + footnote_widgets(footnotes)

    # ------------------------------------------------------------------ search and outline
    def current_part(self) -> int:
        return self.session.part_of_section(self.session.current_section)

    async def show_in_place(self, part: int, paragraph: int | None) -> bool:
        section = self.session.parts[part].section
        if section is None or section not in self.session.pass2_sections:
            return False
        self.record_scroll()
        self.session.go_to_section(self.session.pass2_sections.index(section))
        await self.show_section()
        if paragraph is not None:
            self.query_one(PaperText).scroll_to_paragraph(paragraph)
        return True

    async def refresh_highlights(self) -> None:
        await self.query_one(PaperText).show(self._section_widgets())

    def reading_pane(self) -> PaperText:
        return PaperText(*self._section_widgets(), id="reading")

    def side_widgets(self) -> list[Widget]:
        return [
            Label("Key points", id="key-points-title", classes="form-title"),
            TextArea("", id="key-points", classes="notes", soft_wrap=True),
            Label("Marked in this section", classes="form-title"),
            Static("", id="marks"),
            Label("Figures and tables mentioned here", classes="form-title"),
            Vertical(id="section-figures-box"),
        ]

    def side_ready(self) -> None:
        self._fill_side()

    def _fill_side(self) -> None:
        """The key points and marks of the current section (once the side panel exists)."""
        if not self.side_mounted:
            return
        section = self.session.current_section
        editor = self.query_one("#key-points", TextArea)
        if section is None:
            editor.disabled = True
            return
        self.query_one("#key-points-title", Label).update(f"Key points — {where_for(section)}")
        editor.load_text(self.session.section_notes(section))
        self.refresh_marks()
        self.run_worker(self._fill_figures(), exclusive=True, group="section-figures")

    async def _fill_figures(self) -> None:
        """The figures and tables this section mentions, those it mentions first marked: enter shows one."""
        from paperkit.tui.paper_parts import figures_mentioned

        box = self.query_one("#section-figures-box")
        await box.remove_children()
        section = self.session.current_section
        index = next((i for i, s in enumerate(self.session.paper.sections) if s is section), None)
        mentioned = figures_mentioned(self.session.paper).get(index, []) if index is not None else []
        if not mentioned:
            await box.mount(Static(Text("none mentioned (g lists them all)", style="italic"), classes="hint"))
            return
        figures = [f for f, _first in mentioned]
        notes = ["— first mentioned here" if first else "" for _f, first in mentioned]
        await box.mount(FigureList(figures, notes, id="section-figures"))

    async def show_section(self) -> None:
        self.header.show(self.initial_where())
        self._fill_side()
        await self.query_one(PaperText).show(self._section_widgets())

    def refresh_marks(self) -> None:
        if not self.side_mounted:
            return
        section = self.session.current_section
        marks = self.session.marks_in(section) if section else []
        text = Text()
        for kind, mark in marks:
            text.append(f"{kind}: ", style="bold")
            text.append(f"{mark.text} ({mark.where})\n")
        if not marks:
            text.append("u: passage not understood · m: a claim · r: add a cited paper to the reading list", style="italic")
        self.query_one("#marks", Static).update(text)

    # ------------------------------------------------------------------ actions
    async def action_section(self, delta: int) -> None:
        self.record_scroll()
        if self.session.go_to_section(self.session.state.section + delta):
            await self.show_section()
        elif delta > 0:
            await self._past_the_end()

    async def _past_the_end(self) -> None:
        """After the conclusion: the appendix, which pass 2 does not walk, opens over the pass."""
        appendix = next((i for i, p in enumerate(self.session.parts) if p.appendix), None)
        if appendix is None:
            self.notify("that was the last section of pass 2 (c goes on to pass 3)", timeout=4)
            return
        self.notify("the appendix: outside pass 2's walk, shown over it (n/p walk on, escape comes back)", timeout=5)
        await self.show_part(appendix)

    def action_select(self) -> None:
        if not self.query_one(PaperText).start_selection():
            self.notify("nothing to select in this section", timeout=3)

    def selected_quote(self):
        """The passage selected in the text (keys or mouse) as a quote with its place, or None."""
        from paperkit.tui.quotes import locate

        section = self.session.current_section
        passage = self.query_one(PaperText).selected_passage()
        if section is None or passage is None:
            return None
        return locate(section, *passage)

    def _forget_selection(self) -> None:
        self.query_one(PaperText).drop_selection()
        self.screen.clear_selection()

    async def action_figures(self) -> None:
        await self.ensure_side()
        lists = self.query("#section-figures")
        if not lists:
            self.notify("no figure or table is mentioned in this section (g lists them all)", timeout=4)
            return
        figures = lists.first(FigureList)
        if figures.highlighted is None:
            figures.highlighted = 0
        figures.focus()

    async def action_focus_notes(self) -> None:
        quote = self.selected_quote()
        await self.focus_side("#key-points")
        if quote is not None:
            self._forget_selection()
            editor = self.query_one("#key-points", TextArea)
            prefix = "\n" if editor.text and not editor.text.endswith("\n") else ""
            editor.move_cursor(editor.document.end)
            editor.insert(f"{prefix}“{quote.text}” ({quote.where})\n")

    def action_toggle_math(self) -> None:
        self.query_one(PaperText).action_toggle_math()

    def action_mark(self, kind: str) -> None:
        section = self.session.current_section
        where = where_for(section) if section else ""
        quote = self.selected_quote()
        text = ""
        if quote is not None:
            where, text = quote.where, f"“{quote.text}”"
            self._forget_selection()

        def done(result: tuple[str, str] | None) -> None:
            if not result:
                return
            text, where_given = result
            if kind == "claim":
                self.session.add_claim(text, where_given)
            else:
                self.session.add_not_understood(text, where_given)
            self.edited()
            self.refresh_marks()

        from paperkit.tui.screens.mark import MarkScreen

        self.app.push_screen(MarkScreen(kind, where, text), done)

    def action_reference(self) -> None:
        """A citation selected in the text opens its card; else pick a reference (or type an arXiv id)."""
        from paperkit.tui.citations import cited_in, paper_citations, reference_text

        cited = paper_citations(self.session.paper)
        passage = self.query_one(PaperText).selected_passage()
        found = cited_in(passage[1], cited) if passage else []
        if passage:
            self._forget_selection()

        def added(citation) -> None:
            if citation is not None:
                self.notify(self.session.add_citation(citation), timeout=6)
                self.edited()

        if len(found) == 1:
            self.show_citation(found[0], added)
            return

        def chosen(reference: str | None) -> None:
            if not reference:
                return
            texts = [reference_text(r) for r in self.session.paper.references]
            if reference in texts:
                self.show_citation(cited[texts.index(reference)], added)
            else:  # an arXiv id typed in
                self.notify(self.session.add_reference(reference), timeout=6)
                self.edited()

        from paperkit.tui.screens.reference import ReferenceScreen

        shown = [c.text for c in found] or [reference_text(r) for r in self.session.paper.references]
        self.app.push_screen(ReferenceScreen(shown), chosen)

    def action_finish(self) -> None:
        self.confirm("Finish pass 2 and go on to pass 3?", "Pass 2 is recorded as done and the drafts are written.", self.finish)

    async def finish(self) -> None:
        self.notify_all(self.session.finish_pass(2))
        self.app.go_to_pass(3)  # type: ignore[attr-defined]

    @on(TextArea.Changed, "#key-points")
    def _key_points(self, event: TextArea.Changed) -> None:
        section = self.session.current_section
        if section is not None:
            self.session.set_section_notes(section, event.text_area.text)
            self.edited()
