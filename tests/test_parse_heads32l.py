"""Headings read faithfully (session 32, left helper): each layout fact on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections if s.title]


def test_sigchi_subheadings_on_two_lines_are_headings():
    # ACM SIGCHI in Word: sections in 9 pt bold capitals beside 10 pt text, subsections in the same
    # 9 pt bold; a long one broken after its colon onto a second line ("Selecting a user interface
    # to build:" / "The potential of a low-performing classifier"), and a question right over the
    # next subsection's heading, read as one block with it. Both were read as paragraphs.
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("INTRODUCTION", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.line("RELATED WORK", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.line("DISCUSSION AND IMPLICATIONS", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.skip(5)
    page.line("What can we say absent a user interface?", "tibo", 9, gap=1.15)
    page.line("Selecting an objective function", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.skip(5)
    page.line("Selecting a user interface to build:", "tibo", 9, gap=1.15)
    page.line("The potential of a low-performing classifier", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page = Page(doc, top=60)
    page.line("CONCLUSION", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    paper = _parse(doc)
    assert _titles(paper) == [(None, "INTRODUCTION", 1), (None, "RELATED WORK", 1), (None, "DISCUSSION AND IMPLICATIONS", 1),
                              (None, "What can we say absent a user interface?", 2),
                              (None, "Selecting an objective function", 2),
                              (None, "Selecting a user interface to build: The potential of a low-performing classifier", 2),
                              (None, "CONCLUSION", 1)]


def test_bookmarked_labels_of_acm_front_matter_are_no_sections():
    # UbiComp 2010 (SIGCHI in Word, saved with bookmarks): "ABSTRACT" > "Author Keywords", "ACM
    # Classification Keywords", "General Terms", each an entry of its own over its terms
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("SNUPI: Sensor Nodes Utilizing Powerline Infrastructure", "hebo", 18, gap=2)
    page.line("Gabe Cohn, Erich Stuntebeck", "helv", 12, gap=2)
    page.line("ABSTRACT", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    labels = {}
    for label, terms in (("Author Keywords", "Wireless sensing, ultra-low-power radio, powerline"),
                         ("ACM Classification Keywords", "C.2.1. Network Architecture and Design"),
                         ("General Terms", "Design, Experimentation, Measurement")):
        labels[label] = page.y
        page.line(label, "tibo", 9, gap=1.3)
        page.line(terms, "tiro", 10, gap=1.6)
    intro = page.y
    page.line("INTRODUCTION AND MOTIVATION", "tibo", 9, gap=1.3)
    page.paragraph(repeat=3)
    page = Page(doc, top=60)
    page.line("CONCLUSION", "tibo", 9, gap=1.3)
    page.paragraph(repeat=3)
    doc.set_toc([[1, "ABSTRACT", 1]] + [[2, label, 1, {"kind": pymupdf.LINK_GOTO, "page": 0, "to": pymupdf.Point(72, y - 9)}]
                                        for label, y in labels.items()] +
                [[1, "INTRODUCTION AND MOTIVATION", 1, {"kind": pymupdf.LINK_GOTO, "page": 0, "to": pymupdf.Point(72, intro - 9)}],
                 [1, "CONCLUSION", 2]])
    paper = _parse(doc)
    assert _titles(paper) == [(None, "INTRODUCTION AND MOTIVATION", 1), (None, "CONCLUSION", 1)]


def test_a_bookmark_in_tex_script_markup_names_its_heading_as_printed():
    # A working paper's bookmark "What test frequency is required to bring R_0 to less than one?"
    # for the heading that prints R with a subscript 0
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("COVID-19 Scenarios for a University Campus", "hebo", 18, gap=2)
    page.line("Jane Doe and John Roe", "helv", 11, gap=2.5)
    marks = []
    for title in ("Executive Summary", "Model"):
        marks.append([1, title, 1, {"kind": pymupdf.LINK_GOTO, "page": 0, "to": pymupdf.Point(72, page.y - 14)}])
        page.line(title, "hebo", 14, gap=1.6)
        page.paragraph(repeat=2)
    y = page.y
    page.page.insert_text((72, y), "What test frequency is required to bring R", fontname="hebo", fontsize=12)
    width = pymupdf.get_text_length("What test frequency is required to bring R", fontname="hebo", fontsize=12)
    page.page.insert_text((72 + width, y + 3), "0", fontname="hebo", fontsize=8)
    page.page.insert_text((72 + width + 5, y), " to less than one?", fontname="hebo", fontsize=12)
    marks.append([2, "What test frequency is required to bring R_0 to less than one?", 1,
                  {"kind": pymupdf.LINK_GOTO, "page": 0, "to": pymupdf.Point(72, y - 12)}])
    page.skip(12 * 1.6)
    page.paragraph(repeat=3)
    page = Page(doc, top=60)
    marks.append([2, "Discussion", 2, {"kind": pymupdf.LINK_GOTO, "page": 1, "to": pymupdf.Point(72, 48)}])
    page.line("Discussion", "hebo", 12, gap=1.6)
    page.paragraph(repeat=3)
    doc.set_toc(marks)
    paper = _parse(doc)
    assert _titles(paper) == [(None, "Executive Summary", 1), (None, "Model", 1),
                              (None, "What test frequency is required to bring R0 to less than one?", 2),
                              (None, "Discussion", 2)]
