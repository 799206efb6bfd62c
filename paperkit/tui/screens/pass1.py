"""Pass 1: title, abstract, figures and tables, conclusion, introduction — then the five Cs and a decision."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from paperkit.reading.notes import FIVE_CS
from paperkit.reading.paper import Figure
from paperkit.tui.screens.pass_screen import PassScreen
from paperkit.tui.session import PASS1_STEPS
from paperkit.tui.widgets.answer_form import AnswerForm
from paperkit.tui.widgets.figure_list import FigureList
from paperkit.tui.widgets.paper_text import PaperText, ParagraphText, section_widgets


class Pass1Screen(PassScreen):
    number = 1
    BINDINGS = [
        Binding("n", "step(1)", "Next"),
        Binding("p", "step(-1)", "Prev"),
        Binding("f", "focus_form", "5 Cs"),
        Binding("s", "decide('stop')", "Stop"),
        Binding("c", "decide('continue')", "Continue"),
        Binding("o", "open_figure", "Open PNG", show=False),
    ]

    def initial_where(self) -> str:
        step = self.session.state.pass1_step
        return f"{step + 1}/{len(PASS1_STEPS)} {PASS1_STEPS[step][1]}"

    def reading_pane(self) -> PaperText:
        return PaperText(*self._step_widgets(PASS1_STEPS[self.session.state.pass1_step][0]), id="reading")

    def side_widgets(self) -> list[Widget]:
        notes = self.session.notes
        return [
            AnswerForm("The five Cs", FIVE_CS, notes.five_cs, id="five-cs"),
            Label("Decision", classes="form-title"),
            Static(self._decision_text(), id="decision"),
            Input(notes.decision_reason, placeholder="why (optional)", id="decision-reason", classes="answer"),
            Label("Other notes", classes="form-title"),
            TextArea(notes.pass1, id="pass1-notes", classes="notes", soft_wrap=True),
        ]

    def _decision_text(self) -> Text:
        decision = self.session.notes.decision
        if decision == "stop":
            return Text("Stopped after pass 1 — a good outcome.", style="bold")
        if decision == "continue":
            return Text("Going on to pass 2.", style="bold")
        return Text("s: stop here · c: go on to pass 2", style="italic")

    def current_part(self) -> int:
        key = PASS1_STEPS[self.session.state.pass1_step][0]
        paper = self.session.paper
        if key in ("conclusion", "introduction"):
            return self.session.part_of_section(paper.conclusion if key == "conclusion" else paper.introduction)
        if key in ("figures", "references"):
            return next((i for i, p in enumerate(self.session.parts) if p.key == key), 0)
        return 0

    async def show_step(self) -> None:
        self.header.show(self.initial_where())
        reading = self.query_one(PaperText)
        await reading.show(self._step_widgets(PASS1_STEPS[self.session.state.pass1_step][0]))
        self.focus_content()

    def _step_widgets(self, key: str):
        paper = self.session.paper
        if key == "title":
            meta = paper.metadata
            facts = [f"arXiv:{meta.arxiv_id}" if meta else self.session.paper_id, f"{paper.pages} pages"]
            if meta and meta.year:
                facts.insert(1, str(meta.year))
            if meta and meta.categories:
                facts.append(", ".join(meta.categories))
            return [
                Static(Text(paper.title or "(untitled)", style="bold"), classes="paper-title"),
                ParagraphText(", ".join(paper.authors) or "(authors unknown)"),
                ParagraphText(Text(" · ".join(facts), style="italic")),
                ParagraphText(Text(
                    "Pass 1 is a quick look: read only what each step shows (n for the next part), "
                    "then answer the five Cs and decide whether this paper deserves a second pass.",
                    style="italic",
                )),
            ]
        if key == "abstract":
            abstract = paper.abstract or (paper.metadata.abstract if paper.metadata else "")
            return [Static(Text("Abstract", style="bold"), classes="section-title"), ParagraphText(abstract or "(no abstract found)")]
        if key == "headings":
            return self._headings_widgets()
        if key == "references":
            return self._references_widgets()
        if key == "figures":
            figures: list[Figure] = [*paper.figures, *paper.tables]
            if not figures:
                return [ParagraphText("No figure or table captions were found in this paper.")]
            return [
                Static(Text(f"Figures and tables ({len(figures)}) — enter shows one, o opens its PNG", style="bold"), classes="section-title"),
                FigureList(figures, id="figures"),
            ]
        section = paper.conclusion if key == "conclusion" else paper.introduction
        if section is None:
            return [ParagraphText(f"No section recognised as the {key} in this paper; skim the section that plays its part.")]
        return section_widgets(section, fold_math=False)

    def _headings_widgets(self) -> list[Widget]:
        parts = [p for p in self.session.parts if p.section is not None]
        if not parts:
            return [ParagraphText("No section headings were found in this paper.")]
        options = []
        for index, part in enumerate(self.session.parts):
            if part.section is None:
                continue
            text = Text("  " * (max(part.level, 1) - 1 + (1 if part.appendix else 0)))
            text.append(part.title, style="bold" if part.level == 1 else "")
            if part.appendix:
                text.append("  appendix", style="italic")
            options.append(Option(text, id=str(index)))
        return [
            Static(Text("Section headings — read them, skip the text (enter opens one)", style="bold"), classes="section-title"),
            OptionList(*options, id="headings", classes="marks"),
        ]

    def _references_widgets(self) -> list[Widget]:
        from paperkit.tui.citations import paper_citations
        from paperkit.tui.reading_list import library_statuses, status_of

        self.citations = paper_citations(self.session.paper)
        if not self.citations:
            return [ParagraphText("No reference list was found in this paper.")]
        statuses = library_statuses(self.session.workspace)
        options = []
        known = 0
        for c in self.citations:
            status = status_of(statuses, c.arxiv_id, c.title)
            known += status is not None
            text = Text("✓ " if status else "  ", style="bold")
            text.append(c.text)
            if status:
                text.append(f"  ({status})", style="italic")
            options.append(Option(text, id=str(c.index)))
        title = f"References ({len(self.citations)}, {known} in your library ✓) — glance over them; enter shows a card"
        return [Static(Text(title, style="bold"), classes="section-title"), OptionList(*options, id="references", classes="marks")]

    # ------------------------------------------------------------------ actions
    async def action_step(self, delta: int) -> None:
        self.record_scroll()
        if self.session.go_to_step(self.session.state.pass1_step + delta):
            await self.show_step()

    async def action_focus_form(self) -> None:
        await self.focus_side("#answer-category")

    def action_decide(self, decision: str) -> None:
        if decision == "stop":
            question, detail = "Stop after pass 1?", "Recorded in your notes; the summary and review drafts are written."
        else:
            question, detail = "Go on to pass 2?", "Pass 1 is recorded as done and the drafts are written."
        self.confirm(question, detail, lambda: self.decide(decision))

    async def decide(self, decision: str) -> None:
        await self.ensure_side()
        self.session.decide(decision)
        self.query_one("#decision", Static).update(self._decision_text())
        messages = self.session.finish_pass(1)
        if decision == "stop":
            messages.insert(0, "Stopped after pass 1: recorded in your notes.")
        self.notify_all(messages)
        if decision == "continue":
            self.app.go_to_pass(2)  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected, "#headings")
    async def _heading_chosen(self, event: OptionList.OptionSelected) -> None:
        await self.show_part(int(event.option.id or 0))

    @on(OptionList.OptionSelected, "#references")
    def _reference_chosen(self, event: OptionList.OptionSelected) -> None:
        citation = self.citations[int(event.option.id or 0)]

        async def added(chosen) -> None:
            if chosen is not None:
                self.notify(self.session.add_citation(chosen), timeout=6)
                self.edited()
                highlighted = self.query_one("#references", OptionList).highlighted
                await self.show_step()
                self.query_one("#references", OptionList).highlighted = highlighted

        self.show_citation(citation, added)

    # ------------------------------------------------------------------ edits
    @on(AnswerForm.Changed)
    def _five_c(self, event: AnswerForm.Changed) -> None:
        self.session.set_five_c(event.key, event.value)
        self.edited()

    @on(Input.Changed, "#decision-reason")
    def _reason(self, event: Input.Changed) -> None:
        self.session.set_text("decision_reason", event.value)
        self.edited()

    @on(TextArea.Changed, "#pass1-notes")
    def _notes(self, event: TextArea.Changed) -> None:
        self.session.set_text("pass1", event.text_area.text)
        self.edited()
