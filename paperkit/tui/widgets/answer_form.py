"""A form of short written answers (the five Cs, the critical questions): one question, one field."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label


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
            yield Input(value=" ".join(self.answers.get(key, "").split()), placeholder="your answer", id=f"answer-{key}", classes="answer")

    @staticmethod
    def _question(key: str, question: str) -> Text:
        """ "Hidden assumptions: what must..." bolds its own title; a bare question gets the key as one."""
        title, colon, rest = question.partition(": ")
        if colon:
            return Text.assemble((f"{title}: ", "bold"), rest)
        return Text.assemble((f"{key.capitalize()} ", "bold"), question)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        key = (event.input.id or "").removeprefix("answer-")
        if key in self.questions:
            self.post_message(self.Changed(self, key, event.value))
