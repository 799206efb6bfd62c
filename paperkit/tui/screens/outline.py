"""`g`: the outline of the whole paper — sections, subsections, appendix, figures, tables — to jump anywhere."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from paperkit.reading.paper import Figure
from paperkit.tui.paper_parts import Part

# What choosing an entry asks for: ("part", index into the paper's parts) or ("figure", the figure).
Jump = tuple[str, int] | tuple[str, Figure]


class OutlineScreen(ModalScreen[Jump | None]):
    BINDINGS = [Binding("escape,g,q", "close", "Close")]
    AUTO_FOCUS = "#outline"

    def __init__(self, parts: list[Part], figures: list[Figure], current: int = 0):
        super().__init__()
        self.parts = parts
        self.figures = figures
        self.current = current
        self.jumps: list[Jump] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog tall"):
            yield Label("Outline — enter jumps there, escape closes", classes="form-title")
            yield OptionList(*self._options(), id="outline")

    def _options(self) -> list[Option]:
        options: list[Option] = []
        appendix_shown = False
        for index, part in enumerate(self.parts):
            if part.key == "figures":
                continue  # listed one by one below
            if part.appendix and not appendix_shown:
                options.append(self._heading("Appendix"))
                appendix_shown = True
            indent = "  " * (max(part.level, 1) - 1 + (1 if part.appendix else 0))
            text = Text(indent)
            text.append(part.title, style="bold" if part.level == 1 and not part.appendix else "")
            text.append(f"  p. {part.page}", style="italic")
            options.append(self._jump(text, ("part", index)))
        for kind, title in (("figure", "Figures"), ("table", "Tables")):
            chosen = [f for f in self.figures if f.kind == kind]
            if chosen:
                options.append(self._heading(title))
            for figure in chosen:
                text = Text("  ")
                text.append(figure.label, style="bold")
                text.append(f"  {figure.caption}", style="")
                text.append(f"  p. {figure.page}", style="italic")
                text.truncate(200, overflow="ellipsis")
                options.append(self._jump(text, ("figure", figure)))
        return options

    def _jump(self, text: Text, jump: Jump) -> Option:
        self.jumps.append(jump)
        return Option(text, id=str(len(self.jumps) - 1))

    @staticmethod
    def _heading(title: str) -> Option:
        return Option(Text(title, style="bold italic"), disabled=True)

    def on_mount(self) -> None:
        options = self.query_one("#outline", OptionList)
        for i in range(options.option_count):
            if self.jumps[int(options.get_option_at_index(i).id or 0)] == ("part", self.current) and not options.get_option_at_index(i).disabled:
                options.highlighted = i
                break

    @on(OptionList.OptionSelected, "#outline")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.jumps[int(event.option.id)])

    def action_close(self) -> None:
        self.dismiss(None)
