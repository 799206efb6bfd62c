"""Headings of the thirty-fourth split's misses (session 42), each on pages drawn here."""

from __future__ import annotations

import pymupdf

from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, width: float = 440.0, **more) -> float:
    return prose_lines(page, x, y, n, size=9, pitch=10.5, width=width, **more)


def _front(page) -> None:
    page.insert_text((90, 80), "A Study of Things in General", fontname="tibo", fontsize=16)
    page.insert_text((90, 100), "Alice Smith and Bob Jones", fontname="tiro", fontsize=11)
    page.insert_text((90, 130), "Abstract", fontname="tibo", fontsize=12)
    _prose(page, 90, 148, 5)


def _levels(paper) -> dict[str, int]:
    return {s.title: s.level for s in paper.sections}


def test_unbookmarked_italic_headings_smaller_than_every_bookmarked_one_are_kept():
    # RecSys 2016 (sig-alternate): sections and subsections in 12 pt bold, bookmarked; under "3.3
    # Adding Field Information", "Categorical Features" and "Numerical Features" in 11 pt italics
    # over 9 pt text (\subsubsection*, which hyperref does not bookmark). No bookmarked heading is
    # set in italics, so the outline's types said nothing of them and both were read as paragraphs.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _front(page)
    page.insert_text((90, 230), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    _prose(page, 90, 248, 8)
    page.insert_text((90, 350), "1.1 Adding Field Information", fontname="tibo", fontsize=12)
    _prose(page, 90, 366, 6)
    page.insert_text((90, 440), "Categorical Features", fontname="tiit", fontsize=11)
    _prose(page, 90, 456, 6)
    page.insert_text((90, 530), "Numerical Features", fontname="tiit", fontsize=11)
    _prose(page, 90, 546, 6)
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 80), "2. EXPERIMENTS", fontname="tibo", fontsize=12)
    _prose(page, 90, 98, 5)
    page.insert_text((90, 170), "2.1 Settings", fontname="tibo", fontsize=12)
    _prose(page, 90, 186, 6)
    doc.set_toc([[1, "Introduction", 1], [2, "Adding Field Information", 1], [1, "Experiments", 2],
                 [2, "Settings", 2]])
    levels = _levels(_parse(doc))
    assert levels.get("Categorical Features") == 3, levels
    assert levels.get("Numerical Features") == 3, levels


def test_an_unbookmarked_heading_over_a_paragraph_run_on_overleaf_is_kept():
    # RecSys 2016: "Categorical Features" in the right column's last lines over its paragraph's first
    # two, the paragraph going on at the top of the next page's left column. Its paragraph's lines
    # there, 260 pt left of the heading, made it seem set in from its paragraph (a field list's label).
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _front(page)
    page.insert_text((60, 250), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    _prose(page, 60, 268, 44, width=230)
    page.insert_text((320, 230), "1.1 Adding Field Information", fontname="tibo", fontsize=12)
    _prose(page, 320, 246, 12, width=230)
    page.insert_text((320, 390), "Numerical Features", fontname="tiit", fontsize=11)
    _prose(page, 320, 406, 24, width=230)
    page.insert_text((320, 680), "Categorical Features", fontname="tiit", fontsize=11)
    _prose(page, 320, 696, 6, width=230)
    page = doc.new_page(width=612, height=792)
    _prose(page, 60, 80, 10, width=230, start=7)
    page.insert_text((60, 200), "2. EXPERIMENTS", fontname="tibo", fontsize=12)
    _prose(page, 60, 218, 5, width=230)
    page.insert_text((60, 290), "2.1 Settings", fontname="tibo", fontsize=12)
    _prose(page, 60, 306, 6, width=230)
    doc.set_toc([[1, "Introduction", 1], [2, "Adding Field Information", 1], [1, "Experiments", 2],
                 [2, "Settings", 2]])
    levels = _levels(_parse(doc))
    assert levels.get("Numerical Features") == 3, levels
    assert levels.get("Categorical Features") == 3, levels
