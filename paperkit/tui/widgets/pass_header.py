"""The line at the top of every pass: which pass, where in it, its time budget and the time spent."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from paperkit.tui.session import BUDGETS, PASS_TITLES, ReadingSession, format_duration


class PassHeader(Static):
    def __init__(self, session: ReadingSession, number: int, where: str = "", **kwargs):
        super().__init__(**kwargs)
        self.session = session
        self.number = number
        self.where = where

    def show(self, where: str) -> None:
        self.where = where
        self.update_time()

    def update_time(self) -> None:
        spent = self.session.spent(self.number)
        over = self.session.over_budget(self.number)
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"Pass {self.number}/3 ", style="bold")
        line.append(PASS_TITLES[self.number])
        if self.where:
            line.append(f" · {self.where}")
        clock = Text(f" {format_duration(spent)} of {BUDGETS[self.number].label} ", style="bold reverse" if over else "bold")
        width = max(self.size.width - 2, 0) if self.size.width else 0
        if width and line.cell_len + clock.cell_len > width:
            line.truncate(max(width - clock.cell_len, 0), overflow="ellipsis")
        pad = max(width - line.cell_len - clock.cell_len, 1)
        line.append(" " * pad)
        line.append_text(clock)
        self.set_class(over, "-over-budget")
        self.update(line)

    def on_resize(self) -> None:
        self.update_time()
