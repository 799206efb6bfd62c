"""Body text for the parser's page-building tests: columns of prose set line by line with PyMuPDF,
so a float drawn beside or between them has running text to tell itself from."""

from __future__ import annotations

import pymupdf

PROSE = ("The workers read their input split and write intermediate pairs to local disks while the "
         "master keeps track of every task and its state during the whole computation of the job")
# (in lower case and without a full stop: such lines run on, a paragraph carried over a break)
RUNNING = (PROSE[0].lower() + PROSE[1:]).split()


def _line(words: list[str], k: int, width: float, size: float) -> tuple[str, int]:
    """As many words from the k-th on (round the list) as fill `width`; and the next word's index."""
    line = ""
    while pymupdf.get_text_length(line + words[k % len(words)] + " ", fontname="tiro", fontsize=size) < width:
        line += words[k % len(words)] + " "
        k += 1
    return line.strip(), k


def prose(page, x0: float, x1: float, y0: float, y1: float, size: float = 10) -> None:
    """Fill a column from x0 to x1 with body text lines from y0 down to y1."""
    words, y, k = PROSE.split(), y0 + size, 0
    while y < y1:
        text, k = _line(words, k, x1 - x0, size)
        page.insert_text((x0, y), text, fontname="tiro", fontsize=size)
        y += size * 1.2


def lines(page, x0: float, x1: float, y: float, count: int, size: float = 10, start: int = 0) -> tuple[float, int]:
    """`count` lines of running text from baseline y, from the start-th word on; returns the next
    baseline and the next word's index."""
    k = start
    for _ in range(count):
        text, k = _line(RUNNING, k, x1 - x0, size)
        page.insert_text((x0, y), text, fontname="tiro", fontsize=size)
        y += size * 1.2
    return y, k
