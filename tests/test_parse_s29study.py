"""The twenty-ninth split's study: each layout fact on pages drawn here with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import _parse  # noqa: E402  (heads9's page writer and parse helper)
from test_parse_heads14 import _titles  # noqa: E402
from test_parse_heads16 import _first_page  # noqa: E402


def test_a_bookmark_that_lost_its_number_but_kept_the_stop_names_the_title_alone():
    # A CVPR review copy whose hyperref could not expand the section number bookmarks
    # ". Introduction", ". Overview": the stop is the lost number's, the page prints "1. Introduction".
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2. Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2.1. Overview", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, ". Introduction", 1], [1, ". Method", 1], [2, ". Overview", 1]])
    assert _titles(_parse(doc)) == [("1", "Introduction", 1), ("2", "Method", 1), ("2.1", "Overview", 2)]
