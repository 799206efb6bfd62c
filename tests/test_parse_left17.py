"""Leftovers of the tune split: headings, sentences and crops, each layout fact on pages drawn here
with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)


def _names(paper) -> list[str]:
    return [s.title for s in paper.sections if s.title]


def _first_page(doc, top: float = 72.0) -> Page:
    page = Page(doc, top=top)
    page.line("A Study of Measured Things", "tibo", 18, gap=2.5)
    return page


def test_a_name_over_an_address_block_is_no_heading():
    # A preprint's last page, "Contact Information" in 17 pt bold, then each author's name in 14 pt
    # bold (the subsections' type) over an address in Courier: the street, "Phone:", "E-mail:".
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 14, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    page.line("1.1 Scope of the study", "tibo", 14, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    page.line("2 Method", "tibo", 14, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    page = Page(doc)
    page.line("Contact Information", "tibo", 17, gap=1.6)
    for name, mail in (("Jane Q. Doe", "jqd@cs.example.edu"), ("Rafael Osei", "osei@lab.example.com")):
        page.line(name, "tibo", 14, gap=1.6)
        page.line("Computer Science Department", "cour", 12, gap=1.2)
        page.line("5000 Forbes Avenue", "cour", 12, gap=1.2)
        page.line("Phone: (412) 268-8734", "cour", 12, gap=1.2)
        page.line(f"E-mail: {mail}", "cour", 12, gap=1.2)
        page.skip(14)
    names = _names(_parse(doc))
    assert "Contact Information" in names
    assert "Jane Q. Doe" not in names and "Rafael Osei" not in names
