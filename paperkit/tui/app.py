"""The reader app: holds the reading session, switches between the pass screens, autosaves the notes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.timer import Timer

from paperkit.errors import PaperkitError
from paperkit.paper import Figure
from paperkit.tui.figures import open_with_system, render_figure_png
from paperkit.tui.screens.help import HelpScreen
from paperkit.tui.screens.pass1 import Pass1Screen
from paperkit.tui.screens.pass2 import Pass2Screen
from paperkit.tui.screens.pass3 import Pass3Screen
from paperkit.tui.screens.pass_screen import PassScreen
from paperkit.tui.session import ReadingSession, conflict_message

PASS_SCREENS: dict[int, type[PassScreen]] = {1: Pass1Screen, 2: Pass2Screen, 3: Pass3Screen}
THEMES = ("textual-dark", "textual-light")
# Saves happen this long after the first unsaved edit (a throttle, not a debounce: steady typing
# still saves twice a second, so a crash loses at most the last half second).
AUTOSAVE_DELAY_S = 0.5
TICK_S = 1.0


class ReaderApp(App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "paperkit read"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("question_mark", "help", "Help", priority=False),
        Binding("w", "drafts", "Drafts"),
        Binding("t", "toggle_theme", "Theme", show=False),
        Binding("1", "go_to_pass(1)", "Pass 1", show=False),
        Binding("2", "go_to_pass(2)", "Pass 2", show=False),
        Binding("3", "go_to_pass(3)", "Pass 3", show=False),
        Binding("ctrl+s", "save", "Save", show=False, priority=True),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        session: ReadingSession,
        *,
        theme: str = "textual-dark",
        opener: Callable[[Path], None] = open_with_system,
        render_figure: Callable = render_figure_png,
        tick_s: float = TICK_S,
    ):
        super().__init__()
        self.session = session
        self.start_theme = theme
        self.opener = opener
        self.render_figure = render_figure
        self.tick_s = tick_s
        self._save_timer: Timer | None = None

    def on_mount(self) -> None:
        self.theme = self.start_theme
        self.push_screen(self._screen_for(self.session.state.current_pass))
        self.set_interval(self.tick_s, self._tick)

    def _screen_for(self, number: int) -> PassScreen:
        return PASS_SCREENS.get(number, Pass1Screen)(self.session)

    @property
    def pass_screen(self) -> PassScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, PassScreen):
                return screen
        return None

    # ------------------------------------------------------------------ passes
    def go_to_pass(self, number: int) -> None:
        current = self.pass_screen
        if current is not None:
            current.record_scroll()
            if current.number == number:
                return
        self.session.go_to_pass(number)
        self.switch_screen(self._screen_for(number))

    def action_go_to_pass(self, number: int) -> None:
        self.go_to_pass(number)

    # ------------------------------------------------------------------ time
    def _tick(self) -> None:
        self.session.tick()
        screen = self.pass_screen
        if screen is not None and screen.is_mounted:
            screen.record_scroll()
            screen.refresh_clock()

    # ------------------------------------------------------------------ saving
    def schedule_autosave(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(AUTOSAVE_DELAY_S, self._autosave)

    def _autosave(self) -> None:
        self._save_timer = None
        self.save_now()

    def save_now(self) -> None:
        try:
            result = self.session.save()
        except PaperkitError as exc:
            self.notify(f"notes not saved: {exc}", severity="error", timeout=10)
            return
        if result is not None and result.conflict_copy is not None:
            self.notify(conflict_message(result), severity="warning", timeout=15)

    def action_save(self) -> None:
        self.save_now()
        self.notify(f"saved {self.session.store.path.name}", timeout=2)

    def action_drafts(self) -> None:
        try:
            results = self.session.write_drafts()
        except PaperkitError as exc:
            self.notify(str(exc), severity="error")
            return
        for result in results:
            self.notify(result.message, timeout=6)

    async def action_quit(self) -> None:
        screen = self.pass_screen
        if screen is not None:
            screen.record_scroll()
        self.session.tick()
        self.save_now()
        self.exit()

    # ------------------------------------------------------------------ the rest
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def open_figure(self, figure: Figure) -> None:
        out_dir = self.session.workspace.reviews_dir(self.session.paper_id) / "figures"
        try:
            path = self.render_figure(self.session.paper, figure, out_dir)
            self.opener(path)
        except PaperkitError as exc:
            self.notify(f"{figure.label}: {exc}", severity="warning")
            return
        self.notify(f"{figure.label} opened: {path.name}")
