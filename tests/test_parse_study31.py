"""Shapes met on the thirty-first held-out split's papers, each on a page drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from tests.pdf_pages import reparse as _parse
from tests.test_parse_front import Page


def _sections(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections]


def test_unnumbered_headings_after_a_lone_first_subsection_are_its_siblings():
    # USENIX 2004: sections in 14 pt bold, subsections in 12 pt bold; "4 Evaluation" numbers only
    # its first subsection, "4.1 Setup", then goes on with "Beehive Performance" and "Flash Crowds"
    # in the same 12 pt bold, no number, till "5 Related Work": subsections of 4 beside 4.1, not
    # headings inside it. (Under "3.1" with a "3.2" after, an unnumbered heading in that type is
    # still a level below: ACL's \subsubsection*.)
    doc = pymupdf.open()
    page = Page(doc)
    page.line("3 Design", "tibo", 14)
    page.paragraph(repeat=1)
    page.line("3.1 Model", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("Estimation", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("3.2 Protocol", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("4 Evaluation", "tibo", 14)
    page.paragraph(repeat=1)
    page.line("4.1 Setup", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("Beehive Performance", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("Flash Crowds", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("5 Related Work", "tibo", 14)
    page.paragraph(repeat=1)
    assert _sections(_parse(doc)) == [
        ("3", "Design", 1), ("3.1", "Model", 2), (None, "Estimation", 3), ("3.2", "Protocol", 2),
        ("4", "Evaluation", 1), ("4.1", "Setup", 2), (None, "Beehive Performance", 2), (None, "Flash Crowds", 2),
        ("5", "Related Work", 1)]
