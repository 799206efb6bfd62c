"""Pass 3: what was not understood and the claims marked, the critical questions, the code."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from paperkit.notes import CRITICAL_QUESTIONS
from paperkit.tui.reading_list import code_link
from paperkit.tui.reproduction import overfit_command, reproduction_for
from paperkit.tui.screens.pass_screen import PassScreen
from paperkit.tui.screens.section import SectionScreen
from paperkit.tui.widgets.answer_form import AnswerForm


class Pass3Screen(PassScreen):
    number = 3
    BINDINGS = [
        Binding("f", "focus_form", "Questions"),
        Binding("c", "finish", "Finish"),
    ]

    def compose_body(self) -> ComposeResult:
        session = self.session
        notes = session.notes
        with Horizontal(id="body"):
            with VerticalScroll(id="reading"):
                yield Label(f"Not understood ({len(notes.not_understood)}) — enter re-reads the section", classes="form-title")
                yield self._mark_list("not-understood", notes.not_understood, "nothing marked in pass 2")
                yield Label(f"Claims ({len(notes.claims)})", classes="form-title")
                yield self._mark_list("claims", notes.claims, "no claims marked in pass 2")
                yield Label("Code", classes="form-title")
                yield Static(self._code_text(), id="code-link")
            with VerticalScroll(id="side"):
                yield AnswerForm("Critical questions", CRITICAL_QUESTIONS, notes.critical, id="critical")
                yield Label("Code notes", classes="form-title")
                yield Input(notes.code, placeholder="repository, framework, what runs", id="code-notes", classes="answer")
                yield Label("Other notes", classes="form-title")
                yield TextArea(notes.pass3, id="pass3-notes", classes="notes", soft_wrap=True)

    def on_mount(self) -> None:
        self.header.show(f"{len(self.session.notes.not_understood)} to re-read, {len(self.session.notes.claims)} claims")
        self.restore_scroll()

    @staticmethod
    def _mark_list(list_id: str, marks, empty: str) -> OptionList:
        options = [Option(Text(f"{m.text} ({m.where})" if m.where else m.text), id=str(i)) for i, m in enumerate(marks)]
        widget = OptionList(*options, id=list_id, classes="marks")
        if not options:
            widget.add_option(Option(Text(empty, style="italic"), disabled=True))
        return widget

    def _code_text(self) -> Text:
        session = self.session
        text = Text()
        link = code_link(session.workspace, session.paper_id)
        if link:
            text.append("Authors' code: ", style="bold")
            text.append(link + "\n", style=f"link {link}" if link.startswith("http") else "")
        else:
            text.append(f"No code link in papers.toml for {session.paper_id} (add code = \"URL\" to its entry).\n", style="italic")
        name = reproduction_for(session.paper_id, session.workspace)
        if name:
            text.append("Reproduction plugin: ", style="bold")
            text.append(f"{name}\nCheck it can overfit a small batch:\n  ")
            text.append(overfit_command(name), style="bold")
        else:
            text.append("No reproduction plugin for this paper yet (`paperkit new-reproduction` scaffolds one).", style="italic")
        return text

    def action_focus_form(self) -> None:
        self.query_one("#answer-assumptions", Input).focus()

    def action_finish(self) -> None:
        self.notify_all(["Pass 3 done."] + self.session.finish_pass(3))

    @on(OptionList.OptionSelected, "#not-understood,#claims")
    def _reread(self, event: OptionList.OptionSelected) -> None:
        marks = self.session.notes.not_understood if event.option_list.id == "not-understood" else self.session.notes.claims
        mark = marks[int(event.option.id)]
        section = self.session.section_for(mark.where)
        if section is None:
            self.notify(f"cannot tell which section “{mark.where}” is", severity="warning")
            return
        self.app.push_screen(SectionScreen(section, mark))

    @on(AnswerForm.Changed)
    def _critical(self, event: AnswerForm.Changed) -> None:
        self.session.set_critical(event.key, event.value)
        self.edited()

    @on(Input.Changed, "#code-notes")
    def _code(self, event: Input.Changed) -> None:
        self.session.set_text("code", event.value)
        self.edited()

    @on(TextArea.Changed, "#pass3-notes")
    def _notes(self, event: TextArea.Changed) -> None:
        self.session.set_text("pass3", event.text_area.text)
        self.edited()
