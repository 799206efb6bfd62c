"""Pass 3: what was not understood and the claims marked, the critical questions, the code."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from paperkit.reading.notes import CRITICAL_QUESTIONS
from paperkit.tui.reading_list import code_link
from paperkit.tui.reproduction import overfit_command, reproduction_for
from paperkit.tui.screens.pass_screen import PassScreen
from paperkit.tui.widgets.answer_form import AnswerForm


class Pass3Screen(PassScreen):
    number = 3
    BINDINGS = [
        Binding("f", "focus_form", "Questions"),
        Binding("c", "finish", "Finish"),
    ]

    def initial_where(self) -> str:
        notes = self.session.notes
        return f"{len(notes.not_understood)} to re-read, {len(notes.claims)} claims"

    def reading_pane(self) -> VerticalScroll:
        notes = self.session.notes
        return VerticalScroll(
            Label(f"Not understood ({len(notes.not_understood)}) — enter re-reads the section", classes="form-title"),
            self._mark_list("not-understood", notes.not_understood, "nothing marked in pass 2"),
            Label(f"Claims ({len(notes.claims)})", classes="form-title"),
            self._mark_list("claims", notes.claims, "no claims marked in pass 2"),
            Label("Code", classes="form-title"),
            Static(Text("looking up the authors' code and a reproduction plugin…", style="italic"), id="code-link"),
            id="reading",
        )

    def side_widgets(self) -> list[Widget]:
        notes = self.session.notes
        return [
            AnswerForm("Critical questions", CRITICAL_QUESTIONS, notes.critical, id="critical"),
            Label("Code notes", classes="form-title"),
            Input(notes.code, placeholder="repository, framework, what runs", id="code-notes", classes="answer"),
            Label("Other notes", classes="form-title"),
            TextArea(notes.pass3, id="pass3-notes", classes="notes", soft_wrap=True),
        ]

    def on_mount(self) -> None:
        super().on_mount()
        # The library file and the plugin registry are read off the event loop: the first frame does not wait for them.
        self.run_worker(self._look_up_code, thread=True, exclusive=True, group="code-link")

    def _look_up_code(self) -> None:
        try:
            text = self._code_text()
        except Exception as exc:  # a broken papers.toml or plugin must not take the reader down
            text = Text(f"could not look up the code: {exc}", style="italic")
        try:
            self.app.call_from_thread(self._show_code, text)
        except RuntimeError:
            pass  # the app closed while the lookup ran

    def _show_code(self, text: Text) -> None:
        links = self.query("#code-link")
        if links:
            links.first(Static).update(text)

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

    async def action_focus_form(self) -> None:
        await self.focus_side("#answer-assumptions")

    def action_finish(self) -> None:
        self.confirm("Finish pass 3?", "The reading is recorded as done and the drafts are written.", self.finish)

    async def finish(self) -> None:
        self.notify_all(["Pass 3 done."] + self.session.finish_pass(3))

    @on(OptionList.OptionSelected, "#not-understood,#claims")
    def _reread(self, event: OptionList.OptionSelected) -> None:
        marks = self.session.notes.not_understood if event.option_list.id == "not-understood" else self.session.notes.claims
        mark = marks[int(event.option.id)]
        section = self.session.section_for(mark.where)
        if section is None:
            self.notify(f"cannot tell which section “{mark.where}” is", severity="warning")
            return
        from paperkit.tui.screens.section import SectionScreen

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
