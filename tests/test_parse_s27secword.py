"""Headings of the twenty-seventh split's reports typed in Word and Google Docs, each shape drawn here
with PyMuPDF: section names ending in a colon, bold at the text's size on lines of their own
("Background:", "Problem Motivation:"); a bold heading over a bulleted list set in from both edges;
a heading over a picture at the end of its page, its text going on overleaf; and sections in bold
at the text's size under a back matter set in larger bold ("References", "Figure Captions")."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _prose


def _para(page, x: float, y: float, n: int, size: float, pitch: float, width: float, start: int = 0) -> float:
    """A paragraph: n - 1 lines of running text, then a short last line ending its sentence."""
    y = _prose(page, x, y, n - 1, size=size, pitch=pitch, width=width, start=start)
    page.insert_text((x, y), "and so the paragraph ends here.", fontname="tiro", fontsize=size)
    return y + pitch


def _titles(paper) -> list[str]:
    return [s.title for s in paper.sections]


def _colon_report() -> pymupdf.Document:
    """A report in 12 pt Times: its title in 18 pt bold, an "Abstract:" label, then sections named
    in 12 pt bold with a colon, a blank line over and under each, two of them usual names."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((120, 80), "Transfer Learning on Scene Pictures", fontname="tibo", fontsize=18)
    page.insert_text((72, 150), "Abstract:", fontname="tibo", fontsize=12)
    y = _para(page, 72, 178, 6, size=12, pitch=16, width=460)
    page.insert_text((72, y + 12), "Problem Motivation:", fontname="tibo", fontsize=12)
    y = _para(page, 72, y + 40, 8, size=12, pitch=16, width=460, start=5)
    page.insert_text((72, y + 12), "Background:", fontname="tibo", fontsize=12)
    y = _para(page, 72, y + 40, 8, size=12, pitch=16, width=460, start=9)
    page = doc.new_page(width=612, height=792)
    y = 80
    page.insert_text((72, y), "Technical Challenges:", fontname="tibo", fontsize=12)
    page.insert_text((72, y + 28), "Hardware Limits:", fontname="tibo", fontsize=12)
    y = _para(page, 72, y + 56, 8, size=12, pitch=16, width=460, start=3)
    page.insert_text((72, y + 12), "Approach:", fontname="tibo", fontsize=12)
    y = _para(page, 72, y + 40, 8, size=12, pitch=16, width=460, start=7)
    page.insert_text((72, y + 12), "Conclusion:", fontname="tibo", fontsize=12)
    _para(page, 72, y + 40, 6, size=12, pitch=16, width=460, start=2)
    return doc


def test_section_names_ending_in_a_colon_make_lines_in_their_type_ending_in_one_headings():
    # Google Docs: "Problem Motivation:", "Technical Challenges:", "Hardware:" in the 12 pt bold of
    # "Background:", "Approach:" and "Conclusion:", which alone were found: recall 0.23.
    titles = _titles(_parse(_colon_report()))
    for want in ("Problem Motivation", "Background", "Technical Challenges", "Hardware Limits", "Approach", "Conclusion"):
        assert want in titles, titles


def _bulleted_report(picture: bool = False) -> pymupdf.Document:
    """A report in 11 pt Times with numbered bold sections and unnumbered bold subsections at the
    text's size, one over a bulleted list set in from both edges, its items short; with `picture`,
    page 1 ends with a bold heading over a picture, its text going on atop page 2."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 73), "Emotion Detection with Transformers", fontname="tibo", fontsize=11)
    page.insert_text((72, 130), "1. Executive Summary", fontname="tibo", fontsize=11)
    y = _para(page, 72, 151, 6, size=11, pitch=14, width=450)
    page.insert_text((72, y + 22), "2. Introduction", fontname="tibo", fontsize=11)
    y = _para(page, 72, y + 43, 6, size=11, pitch=14, width=450, start=4)
    page.insert_text((72, y + 22), "3. Conclusion and Future Work", fontname="tibo", fontsize=11)
    y = _para(page, 72, y + 43, 3, size=11, pitch=14, width=450, start=6)
    page.insert_text((72, y + 8), "Key Learnings", fontname="tibo", fontsize=11)
    y += 29
    for item in ("Transformers did much better than the classical model", "Tokenization mattered a lot",
                 "Early stopping made training more stable", "The tracked runs helped to compare models"):
        page.insert_text((90, y), "\u2022", fontname="helv", fontsize=10)
        page.insert_text((108, y), item, fontname="tiro", fontsize=11)
        y += 21.5
    page.insert_text((72, y + 10), "Closing Remarks", fontname="tibo", fontsize=11)
    y = _para(page, 72, y + 31, 4, size=11, pitch=14, width=450, start=8)
    if picture:
        page.insert_text((72, y + 22), "Proposed Approach", fontname="tibo", fontsize=11)
        page.draw_rect(pymupdf.Rect(110, y + 36, 480, y + 200), color=(0.2, 0.3, 0.8), fill=(0.6, 0.7, 0.9))
        page = doc.new_page(width=595, height=842)
        _para(page, 72, 80, 8, size=11, pitch=14, width=450, start=3)
    return doc


def test_a_bold_line_over_a_bulleted_list_set_in_is_a_heading_not_a_quotations_label():
    # Word: "Key Learnings" in 11 pt bold over "• Transformers perform much better ..." at 108 pt,
    # its items short of the right margin, was read as a label over a quotation.
    titles = _titles(_parse(_bulleted_report()))
    assert "Key Learnings" in titles, titles
    assert "Closing Remarks" in titles, titles


def test_a_heading_over_a_picture_at_the_end_of_its_page_is_no_foot_line():
    # Word: "Proposed approach" in bold over its diagram, the last text on page 1, its paragraph atop
    # page 2: read as a venue line at the foot of the page.
    titles = _titles(_parse(_bulleted_report(picture=True)))
    assert "Proposed Approach" in titles, titles


def _manuscript_with_larger_back_matter() -> pymupdf.Document:
    """A manuscript in 12 pt: its sections "Introduction", "Methods", "Results", "Discussion",
    "Funding" in 12 pt bold on lines of their own; "References" and "Figure Captions" in 14 pt bold."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Disparities in Vaccination Rates by Group", fontname="tibo", fontsize=16)
    page.insert_text((72, 130), "Introduction", fontname="tibo", fontsize=12)
    y = _para(page, 72, 145, 8, size=12, pitch=14.6, width=460)
    page.insert_text((72, y + 14.6), "Methods", fontname="tibo", fontsize=12)
    y = _para(page, 72, y + 29.2, 10, size=12, pitch=14.6, width=460, start=3)
    page.insert_text((72, y + 14.6), "Results", fontname="tibo", fontsize=12)
    y = _para(page, 72, y + 29.2, 10, size=12, pitch=14.6, width=460, start=6)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Discussion", fontname="tibo", fontsize=12)
    y = _para(page, 72, 95, 8, size=12, pitch=14.6, width=460, start=2)
    page.insert_text((72, y + 14.6), "Funding Sources", fontname="tibo", fontsize=12)
    _para(page, 72, y + 29.2, 4, size=12, pitch=14.6, width=460, start=5)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "References", fontname="tibo", fontsize=14)
    y = 106
    for k in range(1, 7):
        page.insert_text((72, y), f"{k}.  Author{k} A, Other B. A study of the rates number {k}. J Health. 2020;{k}:1-9.",
                         fontname="tiro", fontsize=12)
        y += 29
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Figure Captions", fontname="tibo", fontsize=14)
    page.insert_text((72, 106), "Figure 1. Relative rates of uptake by group and state.", fontname="tiro", fontsize=12)
    return doc


def test_sections_at_the_text_size_stay_sections_under_a_larger_back_matter_type():
    # A JAMA letter typed in Word: "Methods", "Results", "Discussion" in 12 pt bold were ranked under
    # the 14 pt bold of "References" and "Figure Captions" as subsections of "Introduction".
    paper = _parse(_manuscript_with_larger_back_matter())
    levels = {s.title: s.level for s in paper.sections}
    for want in ("Introduction", "Methods", "Results", "Discussion", "Funding Sources"):
        assert levels.get(want) == 1, levels
