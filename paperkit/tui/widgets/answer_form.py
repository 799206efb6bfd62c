"""A form of written answers (the five Cs, the critical questions): one question, one small editor.

Answers may run over several lines (enter starts a new line, tab moves to the next question);
notes.md keeps them as a bullet whose continuation lines are indented.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, TextArea


class AnswerForm(Vertical):
    @dataclass
    class Changed(Message):
        form: "AnswerForm"
        key: str
        value: str

    def __init__(self, title: str, questions: dict[str, str], answers: dict[str, str], **kwargs):
        super().__init__(**kwargs)
        self.title = title
        self.questions = questions
        self.answers = answers

    def compose(self) -> ComposeResult:
        yield Label(self.title, classes="form-title")
        for key, question in self.questions.items():
            yield Label(self._question(key, question), classes="question")
            yield TextArea(
                self.answers.get(key, ""), id=f"answer-{key}", classes="answer",
                soft_wrap=True, tab_behavior="focus", placeholder="your answer", compact=True,
            )

    @staticmethod
    def _question(key: str, question: str) -> Text:
        """ "Hidden assumptions: what must..." bolds its own title; a bare question gets the key as one."""
        title, colon, rest = question.partition(": ")
        if colon:
            return Text.assemble((f"{title}: ", "bold"), rest)
        return Text.assemble((f"{key.capitalize()} ", "bold"), question)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        key = (event.text_area.id or "").removeprefix("answer-")
        if key in self.questions:
            self.post_message(self.Changed(self, key, event.text_area.text))
