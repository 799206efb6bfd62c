"""The reader app: holds the reading session, switches between the pass screens, autosaves the notes."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from paperkit.errors import PaperkitError
from paperkit.reading.paper import Figure
from paperkit.tui.key_order import OrderedKeys
from paperkit.tui.figures import ImageWidget, figure_png_path, open_with_system, render_figure_png
from paperkit.tui.screens.pass_screen import PassScreen
from paperkit.tui.session import ReadingSession, conflict_message
from paperkit.tui.themes import THEMES as READER_THEMES

# Imported when first shown: the first frame needs only the screen of the pass the reader is in.
PASS_SCREENS: dict[int, str] = {
    1: "paperkit.tui.screens.pass1:Pass1Screen",
    2: "paperkit.tui.screens.pass2:Pass2Screen",
    3: "paperkit.tui.screens.pass3:Pass3Screen",
}
THEMES = tuple(theme.name for theme in READER_THEMES)  # dark, light: both WCAG AA for all text
# Saves happen this long after the first unsaved edit (a throttle, not a debounce: steady typing
# still saves twice a second, so a crash loses at most the last half second).
AUTOSAVE_DELAY_S = 0.5
TICK_S = 1.0


class ReaderApp(OrderedKeys, App[None]):
    CSS_PATH = "reader.tcss"
    TITLE = "paperkit read"
    # ctrl+p: every command of the screen in use and of the app, by name (get_system_commands).
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS = [
        Binding("question_mark", "help", "Help", show=False),
        Binding("w", "drafts", "Drafts"),
        Binding("t", "toggle_theme", "Theme", show=False),
        Binding("1", "go_to_pass(1)", "Pass 1", show=False),
        Binding("2", "go_to_pass(2)", "Pass 2", show=False),
        Binding("3", "go_to_pass(3)", "Pass 3", show=False),
        Binding("ctrl+s", "save", "Save", show=False, priority=True),
        Binding("q", "quit", "Quit", show=False),  # both always shown at the bottom right (#way-out)
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        session: ReadingSession,
        *,
        theme: str = "paperkit-dark",
        opener: Callable[[Path], None] = open_with_system,
        render_figure: Callable[..., Path] = render_figure_png,
        image_widget: ImageWidget | None = None,
        tick_s: float = TICK_S,
    ):
        """render_figure(paper, figure, out_dir) -> PNG path; image_widget(png) draws it in the
        terminal, or None when the terminal cannot (the figure view then offers to open the PNG)."""
        super().__init__()
        self.session = session
        for reader_theme in READER_THEMES:
            self.register_theme(reader_theme)
        self.theme = theme  # set before the first frame: switching later restyles every widget
        self.opener = opener
        self.render_figure = render_figure
        self.image_widget = image_widget
        self.tick_s = tick_s
        self._save_timer: Timer | None = None

    def on_mount(self) -> None:
        self.push_screen(self._screen_for(self.session.state.current_pass))
        self.set_interval(self.tick_s, self._tick)

    def _screen_for(self, number: int) -> PassScreen:
        module, _, name = PASS_SCREENS.get(number, PASS_SCREENS[1]).partition(":")
        return getattr(importlib.import_module(module), name)(self.session)

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

    # ------------------------------------------------------------------ the command palette
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every binding of the screen the palette was opened from, then the app's, once per action."""
        seen: set[str] = set()
        for node in (screen, self):
            bindings = [binding for _key, binding in node._bindings]  # type: ignore[attr-defined]
            for binding in bindings:
                if not binding.description or binding.action in seen:
                    continue
                seen.add(binding.action)
                keys = ", ".join(self.get_key_display(b) for b in bindings if b.action == binding.action)
                yield SystemCommand(binding.description, f"key: {keys}", partial(self.run_action, binding.action, node))

    # ------------------------------------------------------------------ the rest
    def action_help(self) -> None:
        from paperkit.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    # ------------------------------------------------------------------ figures
    def _figures_dir(self) -> Path:
        return self.session.workspace.reviews_dir(self.session.paper_id) / "figures"

    def _render(self, figure: Figure) -> Path:
        """The figure's PNG, rendered once (a PNG newer than the PDF is reused)."""
        png = figure_png_path(self._figures_dir(), figure)
        source = self.session.paper.source
        if png.exists() and source and Path(source).exists() and png.stat().st_mtime >= Path(source).stat().st_mtime:
            return png
        return self.render_figure(self.session.paper, figure, self._figures_dir())

    def show_figure(self, figure: Figure) -> None:
        """Render the figure off the event loop, then show it (or the offer to open its PNG)."""
        self.run_worker(lambda: self._render_then(figure, self._show_rendered), thread=True, group="figure")

    def open_figure(self, figure: Figure) -> None:
        """Render the figure off the event loop, then open its PNG in the system's viewer."""
        self.run_worker(lambda: self._render_then(figure, self.open_png), thread=True, group="figure")

    def _render_then(self, figure: Figure, then: Callable[[Path, Figure], None]) -> None:
        try:
            png = self._render(figure)
        except Exception as exc:  # a figure that fails to render must not take the reader (and its notes) down
            message = str(exc) if isinstance(exc, PaperkitError) else f"could not render it ({exc})"
            self.call_from_thread(self.notify, f"{figure.label}: {message}", severity="warning")
            return
        self.call_from_thread(then, png, figure)

    def _show_rendered(self, png: Path, figure: Figure) -> None:
        from paperkit.tui.screens.figure import FigureScreen

        self.push_screen(FigureScreen(figure, png, self.image_widget))

    def open_png(self, png: Path, figure: Figure) -> None:
        try:
            self.opener(png)
        except PaperkitError as exc:
            self.notify(f"{figure.label}: {exc}", severity="warning")
            return
        self.notify(f"{figure.label} opened: {png.name}")
