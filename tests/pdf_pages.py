"""Body text for the parser's page-building tests: columns of prose set line by line with PyMuPDF,
so a float drawn beside or between them has running text to tell itself from."""

from __future__ import annotations

import pymupdf

PROSE = ("The workers read their input split and write intermediate pairs to local disks while the "
         "master keeps track of every task and its state during the whole computation of the job")


def prose(page, x0: float, x1: float, y0: float, y1: float, size: float = 10) -> None:
    """Fill a column from x0 to x1 with body text lines from y0 down to y1."""
    words, y = PROSE.split(), y0 + size
    k = 0
    while y < y1:
        line = ""
        while pymupdf.get_text_length(line + words[k % len(words)] + " ", fontname="tiro", fontsize=size) < x1 - x0:
            line += words[k % len(words)] + " "
            k += 1
        page.insert_text((x0, y), line.strip(), fontname="tiro", fontsize=size)
        y += size * 1.2
