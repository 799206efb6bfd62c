"""`?`: the reading method in brief and the keys of every pass."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP = """\
[b]The three-pass method[/b]

[b]Pass 1[/b] (5–10 min): title, abstract, section headings, figures and tables, conclusion, introduction, a glance at the references — nothing else. Answer the five Cs, then decide: stop (a good outcome for most papers) or go on.

[b]Pass 2[/b] (up to 1 h): introduction to conclusion, section by section, math folded away. Note key points; mark what you did not understand and the claims; add cited papers to your reading list.

[b]Pass 3[/b]: re-read what you did not understand, answer the critical questions, look at the code and run the reproduction's overfit check.

[b]Keys everywhere[/b]: 1 2 3 go to a pass · w write the summary and review draft · t light/dark theme · ctrl+s save now · tab to the fields (tab and shift+tab cycle through them; letters there are text) · escape back to the text · q quit. Notes save themselves as you type. Decisions (s, c) ask y/n first. / search the whole paper (] next, \\[ previous, escape ends) · g outline (sections, appendix, figures, tables) · ctrl+p every command by name.

[b]Pass 1[/b]: n/p next/previous part · f five Cs (enter: new line, tab: next question) · s stop here · c go on · enter on a figure shows it, o opens its PNG · enter on a heading opens it · enter on a reference shows its card (✓: already in your library; a adds it).

[b]Pass 2[/b]: n/p next/previous section · k key points · u not understood · m claim · r add a cited paper · e expand or fold the math · i the figures and tables this section mentions (enter shows one, o opens its PNG) · n after the conclusion opens the appendix · c go to pass 3. Select a passage first (mouse, or v then up/down, shift+up/down to grow it) and u, m, k take it as the quote with § and page.

[b]Pass 3[/b]: enter on a mark re-reads its section · f questions · c finish.

Your notes are plain Markdown in notes/<id>/notes.md in the workspace: edit them freely.
[i]escape or ? closes this help[/i]"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog tall"):
            yield Static(HELP, markup=True)

    def action_close(self) -> None:
        self.dismiss(None)
