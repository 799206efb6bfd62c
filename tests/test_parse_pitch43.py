"""Page 1's columns found by their flush lines when the lines stand apart, two or more of their
boxes' heights between baselines (VLDB's Linux Libertine: line boxes 4 pt high in 9 pt type, 11 pt
apart). Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import fill, holds
from tests.pdf_pages import reparse as _parse

LEFT = ("Columnar formats are the cornerstone of modern analytical systems and each of these formats "
        "attempts to minimize disk and memory costs with a wide variety of optimizations for reading. "
        "Though the benefits of the common formats are now well established there has been less "
        "exploration of their relative benefits for direct use inside a database system as its own "
        "native format of storage and of processing for queries over large tables of data.").split()
RIGHT = ("Given this environment the goal of this paper is to evaluate three formats and explore their "
         "trade offs as candidates for direct use in an analytical system of our own making.").split()
SECOND = ("Second, prior work has established that it is highly advantageous for a system to push "
          "computation down as far as possible into the compressed domain of the stored data. "
          "Computation on compressed data subsumes a number of related techniques such as pruning "
          "and skipping of blocks that hold no relevant values for the query at hand.")


def _squat(page, x: float, y: float, text: str) -> None:
    """A line in type whose boxes are squat: drawn twice as wide and three tenths as high as 9 pt
    Times (its size about 7 pt, its box under 4 pt high)."""
    page.insert_text((x, y), text, fontname="tiro", fontsize=9, morph=(pymupdf.Point(x, y), pymupdf.Matrix(2, 0.3)))


def test_an_indented_first_line_of_the_right_column_stays_in_its_column_when_lines_stand_apart():
    # Lines 11 pt apart whose boxes are under 4 pt high: only the left column's last lines, set
    # closer, had a flush line under them, and the columns' top was found down there; the right
    # column's indented paragraph opening above it was read as a line across the page, and its
    # paragraph's lines then in rows with the left column's.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((56, 90), "A Study of Open Formats for Analytical Systems", fontname="tibo", fontsize=17)
    page.insert_text((54, 160), "ABSTRACT", fontname="tibo", fontsize=11)
    _squat(page, 54, 178, "We evaluate three formats.")
    page.insert_text((54, 212), "1 INTRODUCTION", fontname="tibo", fontsize=11)
    rows = fill(LEFT, 118, "tiro", 9)
    y = 229.0
    for k, text in enumerate(rows):
        _squat(page, 54, y, text)
        y += 11 if k < len(rows) - 4 else 7  # (its last lines set closer: flush lines under flush lines)
    y = 234.5
    for text in fill(RIGHT, 118, "tiro", 9):
        _squat(page, 318, y, text)
        y += 11
    second = fill(SECOND.split(), 113, "tiro", 9)
    _squat(page, 328, y, second[0])
    y += 11
    for text in fill(SECOND.split()[len(second[0].split()):], 118, "tiro", 9):
        _squat(page, 318, y, text)
        y += 11
    paper = _parse(doc)
    assert holds(paper, SECOND.split(". ")[0] + ".")
    assert holds(paper, SECOND.split(". ")[1])
