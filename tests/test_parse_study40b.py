"""Study of the fortieth held-out split: sentences and sections (pages drawn here with PyMuPDF)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.test_parse_left36 import _paragraph


def _heading_over_tall_sum_pdf(path) -> None:
    """Numbered headings in bold at the text's 10 pt; "A.1 LN Formulation" right over a display whose
    first piece is a tall sum sign, its top reaching up into the heading's row."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Token Attribution in Encoder Blocks", fontname="tibo", fontsize=16)
    y = 120
    for num, title in (("1", "Introduction"), ("2", "Background"), ("A", "Appendix")):
        page.insert_text((72, y), f"{num}  {title}", fontname="tibo", fontsize=10)
        y = _paragraph(page, y + 14) + 10
    page.insert_text((72, y), "A.1  LN Formulation", fontname="tibo", fontsize=10)
    page.insert_text((122, y + 10), "S", fontname="symb", fontsize=14)  # the sum, set large and high
    page.insert_text((72, y + 12), "m(a) := 1", fontname="tiro", fontsize=10)
    page.insert_text((136, y + 12), "k a(k),", fontname="tiro", fontsize=10)
    page.insert_text((115, y + 19), "d", fontname="tiro", fontsize=7)
    y = _paragraph(page, y + 34) + 10
    page.insert_text((72, y), "A.2  More Models", fontname="tibo", fontsize=10)
    _paragraph(page, y + 14)
    doc.save(path)


def test_a_numbered_bold_heading_over_a_tall_sum_stays_a_heading(tmp_path):
    path = tmp_path / "sum.pdf"
    _heading_over_tall_sum_pdf(path)
    sections = [(s.number, s.title) for s in parse_pdf(path).sections]
    assert ("A.1", "LN Formulation") in sections, sections
