"""What the three pass screens share: the header with budget and time, the reading pane, the footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, TextArea

from paperkit.tui.session import ReadingSession
from paperkit.tui.widgets.pass_header import PassHeader


class PassScreen(Screen):
    number = 0
    AUTO_FOCUS = "#reading"
    BINDINGS = [Binding("escape", "focus_reading", "Back to text", show=False)]

    def __init__(self, session: ReadingSession):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield PassHeader(self.session, self.number, id="pass-header")
        yield from self.compose_body()
        yield Footer(compact=True, show_command_palette=False)

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    @property
    def header(self) -> PassHeader:
        return self.query_one(PassHeader)

    def refresh_clock(self) -> None:
        """Called every tick; the screen may be half built (mounting) or half gone (closing)."""
        headers = self.query(PassHeader)
        if headers:
            headers.first().update_time()

    def record_scroll(self) -> None:
        reading = self.query("#reading")
        if reading:
            self.session.state.scroll = float(reading.first().scroll_y)

    def restore_scroll(self) -> None:
        if self.session.state.scroll:
            reading = self.query_one("#reading")
            self.call_after_refresh(reading.scroll_to, y=self.session.state.scroll, animate=False)

    def action_focus_reading(self) -> None:
        self.query_one("#reading").focus()

    def edited(self) -> None:
        self.app.schedule_autosave()  # type: ignore[attr-defined]

    def notify_all(self, messages: list[str]) -> None:
        for message in messages:
            self.notify(message, timeout=6)

    @staticmethod
    def typing(widget) -> bool:
        return isinstance(widget, (Input, TextArea))
