"""Headings of the twelfth split's papers: each layout fact on pages drawn here with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)
from test_parse_heads14 import _titles  # noqa: E402


def _first_page(doc, top: float = 72.0) -> Page:
    """Page 1 with a title in large bold type over what the test writes."""
    page = Page(doc, top=top)
    page.line("A Study of Measured Things", "tibo", 18, gap=2.5)
    return page


def test_a_bookmark_with_its_number_and_full_stop_spaced_apart_names_the_title_alone():
    # CVPR's hyperref bookmarks: "1 . Introduction", "3.1 . Overview" (the section's number, a
    # space, its full stop): the number is the heading's, the title is what follows the stop.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2. Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2.1. Overview", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, "1 . Introduction", 1], [1, "2 . Method", 1], [2, "2.1 . Overview", 1]])
    assert _titles(_parse(doc)) == [("1", "Introduction", 1), ("2", "Method", 1), ("2.1", "Overview", 2)]
