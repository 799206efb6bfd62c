"""Headings of the thirty-fifth held-out split: a dotted number glued to its title ("4.3.Comparison",
the title set against the number's box where it wraps under a hanging indent, no space glyph)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import lines


def _sections(paper) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in paper.sections]


def test_a_number_glued_to_its_wrapped_bold_title_is_a_heading(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "4.2. The Testing Datasets", fontname="tibo", fontsize=11)
    y, k = lines(page, 72, 300, 100, 8)
    # "4.3." then the title right against it at the hanging indent, wrapped to a second row there
    page.insert_text((72, y + 14), "4.3.", fontname="tibo", fontsize=11)
    x = 72 + pymupdf.get_text_length("4.3.", fontname="tibo", fontsize=11) + 1.6
    page.insert_text((x, y + 14), "Comparison among external, internal and", fontname="tibo", fontsize=11)
    page.insert_text((x, y + 26), "guided internal priors", fontname="tibo", fontsize=11)
    lines(page, 72, 300, y + 46, 8, start=k)
    doc.save(tmp_path / "glued.pdf")
    paper = parse_pdf(tmp_path / "glued.pdf")
    assert ("4.3", "Comparison among external, internal and guided internal priors") in _sections(paper), \
        _sections(paper)
