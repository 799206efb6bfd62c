"""What the three pass screens share: the header with budget and time, the reading pane, the side panel, the footer.

The first frame shows the header, the text and the footer only; the side panel (forms and
editors, the heavier widgets) is mounted right after that frame is painted, so opening a paper
does not wait for it. Anything that needs the side panel earlier (a key pressed at once) calls
`ensure_side()`, which mounts it on the spot.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from paperkit.tui.session import ReadingSession
from paperkit.tui.widgets.pass_header import PassHeader


class PassScreen(Screen):
    number = 0
    AUTO_FOCUS = "#reading"
    BINDINGS = [Binding("escape", "focus_reading", "Back to text", show=False)]

    def __init__(self, session: ReadingSession):
        super().__init__()
        self.session = session
        self.side_mounted = False

    def compose(self) -> ComposeResult:
        yield PassHeader(self.session, self.number, where=self.initial_where(), id="pass-header")
        with Horizontal(id="body"):
            yield self.reading_pane()
            yield VerticalScroll(id="side")
        yield Footer(compact=True, show_command_palette=False)

    # ------------------------------------------------------------------ what each pass provides
    def initial_where(self) -> str:
        """Where in the pass the reader is, for the header of the first frame."""
        return ""

    def reading_pane(self) -> Widget:
        """The reading pane (id "reading") with the content of the first frame already in it."""
        raise NotImplementedError

    def side_widgets(self) -> list[Widget]:
        raise NotImplementedError

    def side_ready(self) -> None:
        """Called once the side panel is mounted (fill it from the session here)."""

    # ------------------------------------------------------------------ mounting
    def on_mount(self) -> None:
        self.restore_scroll()
        self.call_after_refresh(self._mount_side_later)

    async def _mount_side_later(self) -> None:
        if self.is_attached:
            await self.ensure_side()

    async def ensure_side(self) -> None:
        if self.side_mounted:
            return
        self.side_mounted = True  # before the await: a second caller must not mount it twice
        await self.query_one("#side").mount_all(self.side_widgets())
        self.side_ready()

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

    async def focus_side(self, selector: str) -> None:
        await self.ensure_side()
        self.query_one(selector).focus()

    def edited(self) -> None:
        self.app.schedule_autosave()  # type: ignore[attr-defined]

    def notify_all(self, messages: list[str]) -> None:
        for message in messages:
            self.notify(message, timeout=6)
