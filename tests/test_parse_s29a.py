"""Layout facts of the twenty-ninth split's papers (helper s29a): each on pages drawn here with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)
from test_parse_heads14 import _titles  # noqa: E402
from test_parse_heads16 import _first_page  # noqa: E402


def test_an_unbookmarked_heading_over_a_short_paragraph_is_a_heading_as_its_siblings():
    # CVPR: "TestBed" in bold at the text's size on its own line, right under the bookmarked "4.1.
    # Evaluation Setup", over a paragraph of two lines ("We evaluated SharpView on a PC equipped with
    # ..."), too short to tell from a label's text; "Baselines" and "Workload" in its very type under the
    # same entry head long paragraphs. Bookmarks name no starred heading: all three are headings.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("1.1. Evaluation Setup", "tibo", 11, gap=1.6)
    page.line("TestBed", "tibo", 10, gap=1.6)
    page.line("We evaluated our method on one machine equipped with a graphics card, a")
    page.line("processor and plenty of memory.")
    page.skip(6)
    page.line("Baselines", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("Workload", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("1.2. Results", "tibo", 11, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, ". Introduction", 1], [2, ". Evaluation Setup", 1], [2, ". Results", 1]])
    titles = _titles(_parse(doc))
    assert titles == [("1", "Introduction", 1), ("1.1", "Evaluation Setup", 2), (None, "TestBed", 3),
                      (None, "Baselines", 3), (None, "Workload", 3), ("1.2", "Results", 2)], titles


def test_a_long_tables_head_row_repeated_between_its_rules_is_no_heading():
    # ACL: a longtable runs on to the next page, its head row "Method  Completion" in bold set again at
    # the top between its top rule and its mid rule, the two column heads an em and more apart (cells
    # read as one line), the rows' cells under them. A heading's words stand a word space apart.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4)
    page.line("2 Results", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4)
    page = Page(doc)
    page.page.draw_line((70, 70), (540, 70), width=0.8)
    page.y = 84
    page.page.insert_text((72, page.y), "Method", fontname="tibo", fontsize=10)
    page.page.insert_text((130, page.y), "Completion", fontname="tibo", fontsize=10)
    page.page.draw_line((70, 90), (540, 90), width=0.5)
    page.y = 104
    for label in ("DPO", "KTO"):
        page.page.insert_text((72, page.y), label, fontname="tiro", fontsize=10)
        for _ in range(4):
            page.line("Yes, you can adjust the layout of the widgets in the administration area of the site.", x=130)
        page.skip(6)
    page.page.draw_line((70, page.y), (540, page.y), width=0.8)
    page.line("Continued on next page", "tiit", 9, x=430, gap=1.6)
    titles = _titles(_parse(doc))
    assert titles == [("1", "Introduction", 1), ("2", "Results", 1)], titles
