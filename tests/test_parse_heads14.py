"""Headings missed on papers without bookmarks (the tenth split): each layout fact on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import PROSE, Page, _parse  # noqa: E402  (heads9's page writer and parse helper)


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections if s.title]


def _rename_fonts(doc, names: dict[str, str]) -> None:
    """Give the base-14 fonts on every page the names a real paper's fonts carry."""
    for page in doc:
        for xref, _, _, name, *_ in page.get_fonts():
            if name in names:
                doc.xref_set_key(xref, "BaseFont", "/" + names[name])


def test_a_paper_set_in_stix_general_is_text_not_math():
    # Elsevier's cas-sc sets the whole paper in STIXGeneral (AAAI its prose): the name held "stix",
    # which counted every letter as math, so each line read as a display equation and each bold
    # heading ran into the paragraph under it: no section at all.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2. Related Work", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2.1. Time Series Forecasting", "tibo", 11, gap=1.6)
    page.paragraph(repeat=3)
    _rename_fonts(doc, {"Times-Bold": "STIXGeneral-Bold", "Times-Roman": "STIXGeneral-Regular"})
    paper = _parse(doc)
    assert _titles(paper) == [("1", "Introduction", 1), ("2", "Related Work", 1),
                              ("2.1", "Time Series Forecasting", 2)]


def test_a_bold_heading_over_text_a_little_smaller_stands_apart_whatever_the_body_size():
    # Nature Machine Intelligence: "Results" in 10 pt bold over 9.5 pt text, while the methods and
    # references in 7.5 pt outweigh the main text, so that 7.5 pt counts as the body's size and the
    # 9.5 pt text read as large as a heading: "Results" ran into its paragraph, no section.
    doc = pymupdf.open()
    page = Page(doc)
    page.paragraph(repeat=3, size=9.5)
    page.line("Results", "tibo", 10, gap=1.1)
    page.paragraph(repeat=3, size=9.5)
    page.line("Methods", "tibo", 10, gap=1.1)
    page.paragraph(repeat=6, size=7.5, per_line=18)
    page = Page(doc)
    page.paragraph(repeat=14, size=7.5, per_line=18)
    paper = _parse(doc)
    assert _titles(paper) == [(None, "Results", 1), (None, "Methods", 1)]


def test_italic_subsection_lines_at_the_text_size_under_bold_sections_are_headings():
    # A Word preprint: sections in bold at the text's size ("Introduction", "Results"), subsections
    # in italics at that size, each over a paragraph whose first line is indented ("Background"),
    # or over another right under it ("Analysis" / "Event-Related Potential Analysis"). The italic
    # line ran into its paragraph as the hanging line of an entry: no subsection at all.
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("Introduction", "tibo", 12, gap=1.15)
    page.line("Background", "tiit", 12, gap=1.15)
    page.paragraph(repeat=2, size=12, per_line=12, x=108)
    page.line("Current Study", "tiit", 12, gap=1.15)
    page.paragraph(repeat=2, size=12, per_line=12, x=108)
    page.line("Methods", "tibo", 12, gap=1.15)
    page.line("Analysis", "tiit", 12, gap=1.15)
    page.line("Event-Related Potential Analysis", "tiit", 12, gap=1.15)
    page.paragraph(repeat=2, size=12, per_line=12, x=108)
    page.line("Results", "tibo", 12, gap=1.15)
    page.paragraph(repeat=2, size=12, per_line=12, x=108)
    paper = _parse(doc)
    assert _titles(paper) == [(None, "Introduction", 1), (None, "Background", 2), (None, "Current Study", 2),
                              (None, "Methods", 1), (None, "Analysis", 2), (None, "Event-Related Potential Analysis", 2),
                              (None, "Results", 1)]


def test_bold_and_italic_lines_in_the_small_type_of_the_section_names_are_headings():
    # ACM SIGCHI in Word: "INTRODUCTION" in 9 pt bold capitals beside 10 pt text, subsections in the
    # same 9 pt bold ("Sensing Muscles with EMG"), subsubsections in 9 pt italics ("Feature
    # Generation"). Bold below the text's size was taken for a table's head: no subsection at all.
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("INTRODUCTION", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.line("RELATED WORK", "tibo", 9, gap=1.3)
    page.skip(5)  # (a heading's space above it)
    page.line("Sensing Muscles with EMG", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.line("EXPERIMENT", "tibo", 9, gap=1.3)
    page.skip(5)
    page.line("Feature Generation", "tiit", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.line("Training Set Size vs. Accuracy", "tiro", 9, gap=1.3)  # a plot's title, in roman: no heading
    page.paragraph(repeat=2)
    page = Page(doc, top=60)
    page.line("DISCUSSION", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    paper = _parse(doc)
    assert _titles(paper) == [(None, "INTRODUCTION", 1), (None, "RELATED WORK", 1), (None, "Sensing Muscles with EMG", 2),
                              (None, "EXPERIMENT", 1), (None, "Feature Generation", 3), (None, "DISCUSSION", 1)]


def test_subsections_named_by_a_symbol_or_opening_on_a_math_variable_are_headings():
    # ICCV: "3.1. K3" in italics (a complete graph, named by a letter and its index: no word of two
    # letters, so it read as a formula's piece) and "3.4. n-view matrices" in bold, its "n" a math
    # italic (a title in lower case after its number read as a sentence's).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2. Complete Graphs", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2.1. K3", "tiit", 11, gap=1.6)
    page.paragraph(repeat=2)
    page.page.insert_text((72, page.y), "2.2.", fontname="tibo", fontsize=11)
    page.page.insert_text((92, page.y), "n", fontname="heit", fontsize=10)  # (named a math font below)
    page.page.insert_text((97.5, page.y), "-view matrices", fontname="tibo", fontsize=11)
    page.skip(11 * 1.6)
    page.paragraph(repeat=2)
    _rename_fonts(doc, {"Helvetica-Oblique": "CMMI10"})
    paper = _parse(doc)
    assert _titles(paper) == [("1", "Introduction", 1), ("2", "Complete Graphs", 1), ("2.1", "K3", 2),
                              ("2.2", "n-view matrices", 2)]


def test_a_bold_title_cased_line_ending_in_a_period_alone_over_its_paragraph_is_a_heading():
    # Acta Informatica: "B-tree Insert Cost Formula." in bold at the text's size on a line of its
    # own under "3.2 Comparison of ...", its paragraph starting on the next line: the period made it
    # a run-in head, no heading. A bold sentence of its own ("Use dropout in every layer.") is none.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12.5, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2 Comparison of Costs", "tibo", 12.5, gap=1.6)
    page.paragraph(repeat=2)
    page.line("B-tree Insert Cost Formula.", "tibo", 10, gap=1.3)
    page.paragraph(repeat=2)
    page.line("Use dropout in every layer.", "tibo", 10, gap=1.3)
    page.paragraph(repeat=2)
    paper = _parse(doc)
    assert _titles(paper) == [("1", "Introduction", 1), ("2", "Comparison of Costs", 1),
                              (None, "B-tree Insert Cost Formula", 2)]


def test_a_section_named_as_the_title_before_its_colon_is_no_supplement_inside_the_paper():
    # AJPS: "The Separation Plot: A New Visual Method for ..." has a section "The Separation Plot"
    # on page 4, under the text of "Pseudo R2" and long before the references: it was taken for a
    # supplement's title page and dropped.
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("The Separation Plot: A New Visual Method", "tibo", 18, gap=1.6)
    page.line("Ada Okafor", size=11, gap=2)
    page.line("Abstract", "tibo", 12, gap=1.3)
    page.paragraph(repeat=2)
    page.line("Introduction", "tibo", 15, gap=1.3)
    page.paragraph(repeat=3)
    page = Page(doc, top=60)
    page.line("Methods", "tibo", 15, gap=1.3)
    page.paragraph(repeat=3)
    page.line("The Separation Plot", "tibo", 15, gap=1.3)
    page.paragraph(repeat=3)
    page.line("References", "tibo", 15, gap=1.3)
    page.line("Okafor, A. 2009. Plots for binary outcomes. Journal of Methods 3: 1-20.")
    paper = _parse(doc)
    assert [t for _, t, _ in _titles(paper)] == ["Introduction", "Methods", "The Separation Plot", "References"]


def test_a_bookmark_that_only_opens_a_plain_paragraph_is_no_section():
    # Springer bookmarks its licence note as a section, "Open Access", but prints it as the opening
    # words of a small paragraph: "Open Access This article is distributed under the terms ...",
    # in the note's own type, no stop after the words, no bold, no line of their own.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Introduction", "tibo", 12, gap=1.5)
    page.paragraph(repeat=3)
    page.line("Discussion", "tibo", 12, gap=1.5)
    page.paragraph(repeat=3)
    page.line("Open Access This article is distributed under the terms of the Creative Commons", size=8)
    page.line("Attribution License which permits any use, distribution, and reproduction in any medium.", size=8)
    page.skip(10)
    page.line("References", "tibo", 12, gap=1.5)
    page.line("Okafor, A. (2009). Plots for binary outcomes. Journal of Methods, 3, 1-20.")
    doc.set_toc([[1, "Introduction", 1], [1, "Discussion", 1], [1, "Open Access", 1], [1, "References", 1]])
    paper = _parse(doc)
    assert [t for _, t, _ in _titles(paper)] == ["Introduction", "Discussion", "References"]
