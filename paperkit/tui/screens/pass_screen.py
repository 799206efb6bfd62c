"""What the three pass screens share: the header with budget and time, the reading pane, the side panel, the footer.

The first frame shows the header, the text and the footer only; the side panel (forms and
editors, the heavier widgets) is mounted right after that frame is painted, so opening a paper
does not wait for it. Anything that needs the side panel earlier (a key pressed at once) calls
`ensure_side()`, which mounts it on the spot.

Focus never falls out of a field by accident: tab and shift+tab cycle through the fields of the
side panel (from the text, tab enters it), and only escape leaves it, back to the text, where the
one-letter commands work again. The line at the bottom right always says how to get out.

`/` searches the whole paper and `g` opens its outline, in every pass. A hit or an entry that the
pass shows itself (a pass-2 section) is shown in place; anything else opens in a window over the
pass (`PartScreen`), so the pass and its position are not lost.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea

from paperkit.tui.session import ReadingSession
from paperkit.tui.widgets.figure_list import FigureList
from paperkit.tui.widgets.key_bar import KeyBar
from paperkit.tui.widgets.pass_header import PassHeader


# The bottom-right corner: always visible, whatever the width (the footer cuts its right end).
LEAVE_TEXT_HINT = "? help  q quit"
LEAVE_FIELD_HINT = "esc leave field  tab next"


def is_field(widget: Widget | None) -> bool:
    """A widget that takes typed letters (so one-letter commands do not reach the screen)."""
    return isinstance(widget, (Input, TextArea))


class PassScreen(Screen):
    number = 0
    AUTO_FOCUS = None  # focus_content() decides: the list on screen, else the text
    BINDINGS = [
        Binding("escape", "focus_reading", "Back to text", show=False),
        Binding("tab", "cycle_fields(1)", "Next field", show=False),
        Binding("shift+tab", "cycle_fields(-1)", "Previous field", show=False),
        Binding("slash", "search", "Search"),
        Binding("right_square_bracket", "match(1)", "Next match", show=False),
        Binding("left_square_bracket", "match(-1)", "Previous match", show=False),
        Binding("g", "outline", "Outline"),
    ]

    def __init__(self, session: ReadingSession):
        super().__init__()
        self.session = session
        self.side_mounted = False

    def compose(self) -> ComposeResult:
        yield PassHeader(self.session, self.number, where=self.initial_where(), id="pass-header")
        with Horizontal(id="body"):
            yield self.reading_pane()
            yield VerticalScroll(id="side")
        with Vertical(id="bottom"):  # one dock: widgets docked to the same edge would overlap
            with Horizontal(id="search-bar"):  # its input is mounted on the first `/`, not in the first frame
                yield Static("", id="search-count")
            with Horizontal(id="footer-row"):
                yield KeyBar(id="keys")
                yield Static(LEAVE_TEXT_HINT, id="way-out")

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
        self.query_one("#search-bar").display = self.session.searching
        if self.session.searching:
            self.show_search_count()
        self.focus_content()
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
        """Escape: out of a field back to the text; in the text, it ends a search."""
        focused = self.focused
        if focused is not None and (is_field(focused) or focused not in self.query_one("#reading").query("*")) and focused.id != "reading":
            self.focus_content()
        elif self.session.finder.query:
            self.end_search()
        else:
            self.focus_content()

    def focus_content(self) -> None:
        """Focus the list the reading pane shows (arrows and enter work at once), else the text."""
        reading = self.query_one("#reading")
        for options in reading.query(OptionList):
            enabled = [i for i in range(options.option_count) if not options.get_option_at_index(i).disabled]
            if enabled:
                if options.highlighted is None:
                    options.highlighted = enabled[0]
                options.focus()
                return
        reading.focus()

    # ------------------------------------------------------------------ fields
    def _side_fields(self) -> list[Widget]:
        return [w for w in self.query_one("#side").query("*") if w.focusable]

    async def action_cycle_fields(self, step: int) -> None:
        """Tab cycles through the side panel's fields and never falls out of them."""
        await self.ensure_side()
        fields = self._side_fields()
        if not fields:
            return
        focused = self.focused
        if focused in fields:
            fields[(fields.index(focused) + step) % len(fields)].focus()
        else:
            fields[0 if step > 0 else -1].focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._show_way_out(event.widget)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._show_way_out(self.focused)

    def _show_way_out(self, widget: Widget | None) -> None:
        hints = self.query("#way-out")
        if hints:
            hints.first(Static).update(LEAVE_FIELD_HINT if is_field(widget) else LEAVE_TEXT_HINT)

    async def focus_side(self, selector: str) -> None:
        await self.ensure_side()
        self.query_one(selector).focus()

    def confirm(self, question: str, detail: str, then) -> None:
        """Ask first; `then()` runs only on yes."""
        from paperkit.tui.screens.confirm import ConfirmScreen

        async def answered(yes: bool | None) -> None:
            if yes:
                await then()

        self.app.push_screen(ConfirmScreen(question, detail), answered)

    # ------------------------------------------------------------------ search and outline
    def current_part(self) -> int:
        """The part of the paper on screen (where a search starts)."""
        return 0

    async def show_in_place(self, part: int, paragraph: int | None) -> bool:
        """Show that part in this pass's own pane if the pass shows it (pass 2's sections)."""
        return False

    async def refresh_highlights(self) -> None:
        """Redraw the text on screen with the current search hits."""

    async def action_search(self) -> None:
        bar = self.query_one("#search-bar")
        bar.display = True
        if not bar.query("#search"):
            placeholder = "find in the whole paper; enter goes to the first match"
            await bar.mount(Input(placeholder=placeholder, id="search", classes="answer"), before=0)
        search = self.query_one("#search", Input)
        search.value = self.session.finder.query
        search.focus()

    @on(Input.Changed, "#search")
    def _search_typed(self, event: Input.Changed) -> None:
        self.session.finder.search(event.value)
        self.show_search_count()

    @on(Input.Submitted, "#search")
    async def _search_submitted(self, event: Input.Submitted) -> None:
        finder = self.session.finder
        finder.search(event.value)
        if not finder.hits:
            self.show_search_count()
            return
        self.focus_content()
        await self.action_match(1)

    async def action_match(self, delta: int) -> None:
        finder = self.session.finder
        if not finder.query:
            self.notify("nothing searched yet: press / to search the paper", timeout=3)
            return
        hit = finder.step(delta, from_part=self.current_part())
        self.show_search_count()
        if hit is not None:
            await self.show_part(hit.part, hit.paragraph)

    def show_search_count(self) -> None:
        self.query_one("#search-count", Static).update(self.session.finder.count_text() + "  ] next  [ previous  esc ends")

    def end_search(self) -> None:
        self.session.finder.clear()
        self.query_one("#search-bar").display = False
        self.run_worker(self.refresh_highlights(), exclusive=True, group="highlights")
        self.focus_content()

    async def show_part(self, part: int, paragraph: int | None = None) -> None:
        if await self.show_in_place(part, paragraph):
            return
        from paperkit.tui.screens.part import PartScreen

        top = self.app.screen
        if isinstance(top, PartScreen):
            await top.show(part, paragraph)
        else:
            self.app.push_screen(PartScreen(self.session, part, paragraph))

    # ------------------------------------------------------------------ figures (pass 1's list, pass 2's side panel)
    def action_open_figure(self) -> None:
        """o: open the highlighted figure's PNG in the system's viewer."""
        figures = self.query(FigureList)
        if figures and figures.first().current is not None:
            self.app.open_figure(figures.first().current)  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected, "FigureList")
    def _figure_chosen(self, event: OptionList.OptionSelected) -> None:
        self.app.show_figure(event.option_list.figures[event.option_index])  # type: ignore[attr-defined]

    def show_citation(self, citation, then) -> None:
        """The citation's card; `then(citation)` when the reader adds it, `then(None)` otherwise."""
        from paperkit.tui.reading_list import library_statuses, status_of
        from paperkit.tui.screens.citation import CitationScreen

        status = status_of(library_statuses(self.session.workspace), citation.arxiv_id, citation.title)
        self.app.push_screen(CitationScreen(citation, status), then)

    def action_outline(self) -> None:
        from paperkit.tui.screens.outline import OutlineScreen

        paper = self.session.paper

        async def chosen(jump) -> None:
            if jump is None:
                return
            kind, target = jump
            if kind == "figure":
                self.app.show_figure(target)  # type: ignore[attr-defined]
            else:
                await self.show_part(target)

        self.app.push_screen(OutlineScreen(self.session.parts, [*paper.figures, *paper.tables], self.current_part()), chosen)

    def edited(self) -> None:
        self.app.schedule_autosave()  # type: ignore[attr-defined]

    def notify_all(self, messages: list[str]) -> None:
        for message in messages:
            self.notify(message, timeout=6)
