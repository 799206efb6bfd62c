"""A citation's card: the parsed entry, whether the paper is in papers.toml and its status; `a` adds it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from paperkit.tui.citations import Citation

READ_STATUSES = ("pass-1", "pass-2", "pass-3", "reviewed")


def status_words(status: str | None) -> str:
    if status is None:
        return "not in your library"
    if status in READ_STATUSES:
        return f"in your library, read ({status})"
    return f"in your library, {status}"


class CitationScreen(ModalScreen[Citation | None]):
    BINDINGS = [
        Binding("a", "add", "Add to reading list"),
        Binding("escape,q", "close", "Close"),
    ]

    def __init__(self, citation: Citation, status: str | None):
        super().__init__()
        self.citation = citation
        self.status = status

    def compose(self) -> ComposeResult:
        c = self.citation
        card = Text()
        card.append(f"[{c.label}] ", style="bold")
        card.append(c.title or "(title not found)", style="bold")
        card.append(f"\n{c.authors or '(authors not found)'}")
        card.append(f"\n{c.year or 'year not found'} · ")
        card.append(f"arXiv:{c.arxiv_id}" if c.arxiv_id else "no arXiv id printed")
        card.append("\n\n")
        card.append(status_words(self.status).capitalize(), style="bold")
        card.append("\n\nAs printed: ")
        card.append(c.text, style="italic")
        if self.status is not None:
            hint = "escape: close"
        elif c.arxiv_id:
            hint = "a: add to the reading list (papers.toml, to-read) and to See also · escape: close"
        else:
            hint = "a: add to See also in your notes (no arXiv id, so not to papers.toml) · escape: close"
        with Vertical(classes="dialog wide", id="citation"):
            yield Label("Citation", classes="form-title")
            yield Static(card, id="citation-card")
            yield Label(hint, classes="hint")

    def action_add(self) -> None:
        self.dismiss(self.citation)

    def action_close(self) -> None:
        self.dismiss(None)
