"""A passage of the paper taken as a quote, with where it stands: section, page and line (no Textual here).

Pass 2's `u`, `m` and `k` take the passage selected (with the mouse, or sentence by sentence with
the keys) as the quote of the mark or key point. Line numbers come from the paper model when its
parser recorded them for paragraphs (a submission's line numbers); older parses have none, and the
place is then the section and page only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paperkit.reading.paper import Paragraph, Section

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(\[]?[A-Z0-9])")
# A full stop after these does not end a sentence ("as Fig. 2 shows", "Smith et al. 2020").
_ABBREVIATIONS = re.compile(r"(?:\b(?:fig|figs|eq|eqs|sec|secs|tab|no|cf|vs|al|resp|approx|e\.g|i\.e)|\b[A-Z])\.$", re.IGNORECASE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, whitespace between them left out."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(0).rstrip())  # keep a closing quote or bracket
        if _ABBREVIATIONS.search(text[max(start, match.start() - 8) : match.start()]):
            continue
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def paragraph_lines(paragraph: Paragraph) -> tuple[int, int] | None:
    """The submission line numbers a paragraph spans, when the parser recorded them."""
    for name in ("line_numbers", "lines", "line_range"):
        value = getattr(paragraph, name, None)
        if value:
            first, last = value[0], value[-1]
            return int(first), int(last)
    first = getattr(paragraph, "first_line", None) or getattr(paragraph, "line_start", None)
    if first:
        last = getattr(paragraph, "last_line", None) or getattr(paragraph, "line_end", None) or first
        return int(first), int(last)
    return None


def line_at(paragraph: Paragraph, offset: int) -> int | None:
    """The line a character of the paragraph stands on: exact when the parser kept each line's
    start offset, else the paragraph's first line."""
    starts = getattr(paragraph, "line_offsets", None)
    lines = paragraph_lines(paragraph)
    if lines is None:
        return None
    if starts:
        passed = sum(1 for start in starts if start <= offset)
        return lines[0] + max(passed - 1, 0)
    return lines[0]


@dataclass(frozen=True)
class Quote:
    text: str
    section: Section
    paragraph: int  # index in the section
    offset: int = 0  # where the quote starts in the paragraph

    @property
    def page(self) -> int:
        return self.section.paragraphs[self.paragraph].page

    @property
    def line(self) -> int | None:
        return line_at(self.section.paragraphs[self.paragraph], self.offset)

    @property
    def where(self) -> str:
        """"§ 3.2, p. 4, l. 212" — what a mark cites (the notes parse "(§ ...)" at the end of a bullet)."""
        head = f"§ {self.section.number}" if self.section.number else self.section.title
        parts = [head, f"p. {self.page}"]
        if self.line is not None:
            parts.append(f"l. {self.line}")
        return ", ".join(parts)


def locate(section: Section, paragraph: int, selected: str) -> Quote | None:
    """The quote for text selected in one paragraph (found again in the paragraph, whatever the
    selection did to line breaks and spaces)."""
    words = selected.split()
    if not words or not 0 <= paragraph < len(section.paragraphs):
        return None
    text = section.paragraphs[paragraph].text
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return Quote(" ".join(words), section, paragraph, match.start() if match else 0)
