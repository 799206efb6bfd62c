"""Headings of the nineteenth split's misses (session 29), each layout fact on pages drawn here with
PyMuPDF: an appendix subsection number before a lower-case or signed title, a bookmark that keeps
its number before a title in lower case, a bookmark that lost the math inside its title, front
matter above the abstract read as headings, and a copyright line level with page 1's number."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse, _titles  # noqa: E402  (heads9's page writer and parse helper)


def _opening(doc, abstract: bool = True) -> Page:
    page = Page(doc)
    page.line("Small Models Still Matter", "tibo", 16, gap=2)
    page.line("Ada Okafor and Bo Lindqvist", "tiro", 11, gap=2)
    if abstract:
        page.line("Abstract", "tibo", 11, gap=1.4)
        page.paragraph(repeat=2)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    return page


def test_an_appendix_subsection_number_before_a_lower_case_or_signed_title_is_its_number():
    # ICML: "A.1. t-SNE visualization for the 7 modes" in bold; NAACL: "C.0.1 #Extracted Sentences":
    # read whole as unnumbered headings, the number kept in the title.
    doc = pymupdf.open()
    page = _opening(doc)
    page.line("2 Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("A Appendix", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("A.1. t-SNE visualization for the modes", "tibo", 10, gap=1.4)
    page.paragraph(repeat=2)
    page.line("A.2 #Extracted Sentences", "tibo", 10, gap=1.4)
    page.paragraph(repeat=2)
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert ("A.1", "t-SNE visualization for the modes") in titles, titles
    assert ("A.2", "#Extracted Sentences") in titles, titles


def test_a_bookmark_with_its_number_before_a_lower_case_title_names_the_title_alone():
    # ACM's acmart (KDD 2018): the bookmark "1 introduction" for "1 INTRODUCTION" set in small
    # capitals; the heading came out numbered 1 and titled "1 introduction".
    doc = pymupdf.open()
    page = _opening(doc, abstract=False)
    page.page.insert_text((72, page.y), "2 PRELIMINARIES", fontname="tibo", fontsize=12)
    page.y += 18
    page.paragraph(repeat=3)
    doc.set_toc([[1, "1 introduction", 1], [1, "2 Preliminaries", 1]])
    titles = [(n, t.lower()) for n, t, _ in _titles(_parse(doc))]
    assert ("1", "introduction") in titles, titles
    assert ("2", "preliminaries") in titles, titles


def test_a_bookmark_that_lost_the_math_inside_its_title_is_named_as_printed():
    # NeurIPS 2018: "3.1 Known p, q :" printed, bookmarked "Known :" (hyperref leaves math out).
    doc = pymupdf.open()
    page = _opening(doc)
    page.line("2 Main results", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.page.insert_text((72, page.y), "2.1 Known", fontname="tibo", fontsize=10)
    page.page.insert_text((72 + pymupdf.get_text_length("2.1 Known ", "tibo", 10), page.y), "p, q", fontname="tiit",
                          fontsize=10)
    page.page.insert_text((72 + pymupdf.get_text_length("2.1 Known p, q ", "tibo", 10), page.y), ":", fontname="tibo",
                          fontsize=10)
    page.y += 14
    page.paragraph(repeat=3)
    doc.set_toc([[1, "Introduction", 1], [1, "Main results", 1], [2, "Known :", 1]])
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert any(n == "2.1" and t.startswith("Known p, q") for n, t in titles), titles


def test_front_matter_above_the_abstract_is_no_section():
    # CVPR 2025: the affiliations' line "1 Ajou University 2 KAIST", each name led by its mark in
    # smaller type, in 12 pt over 10 pt text above the abstract, read as section 1 (a cover page's
    # date "1 January 2004" above an abstract overleaf likewise, TODS).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Do Your Best and Rest for Continual Learning", "tibo", 14, x=140, gap=2.5)
    page.line("Hana Kang1     Greg Seifer1     Dong Lee2", "tiro", 12, x=150, gap=2.3)
    x = 230
    for text, size in (("1", 8), (" Northern University  ", 12), ("2", 8), (" Southern Institute", 12)):
        page.page.insert_text((x, page.y), text, fontname="tiro", fontsize=size)
        x += pymupdf.get_text_length(text, "tiro", size)
    page.y += 36
    page.line("Abstract", "tibo", 12, x=150, gap=1.4)
    page.paragraph(repeat=2)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2. Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    assert _titles(_parse(doc)) == [("1", "Introduction", 1), ("2", "Method", 1)]


def test_a_copyright_line_level_with_the_page_number_is_the_pages_foot():
    # INTERSPEECH 2019: "Copyright © 2019 ISCA" in 10 pt on page 1's last row, left of its number
    # "1143", under 9 pt text: read as a heading at the foot of the column (here, as the text's).
    doc = pymupdf.open()
    for n in range(3):
        page = Page(doc)
        if n == 0:
            page.line("Small Models Still Matter", "tibo", 16, gap=2)
            page.line("Ada Okafor and Bo Lindqvist", "tiro", 11, gap=2)
            page.line("Abstract", "tibo", 11, gap=1.4)
            page.paragraph(repeat=2, size=9)
        page.line(f"{n + 1} " + ("Introduction", "Method", "Results")[n], "tibo", 12, gap=1.6)
        page.paragraph(repeat=12, size=9)
        while page.y < 735:
            page.line("and the mean of three seeds, because single runs vary by more than the differences", size=9)
        if n == 0:
            page.page.insert_text((36, 762), "Copyright 2019 ISCA", fontname="tiro", fontsize=10)
        page.page.insert_text((300, 762), str(1143 + n), fontname="tiro", fontsize=10)
    paper = _parse(doc)
    assert [t for _, t, _ in _titles(paper)] == ["Introduction", "Method", "Results"]
    assert not any("Copyright" in p.text for s in paper.sections for p in s.paragraphs)


def test_a_tables_cells_between_its_rules_in_large_type_are_no_heading():
    # AAAI 2018: a table's column heads in 12 pt over 10 pt text ("DQN GMEZO mean best" under the
    # group head "Full FoV, Central Control"), between booktabs rules (\cmidrule under each group
    # of columns, \midrule under the heads), the cells of the row beside them: read as sections
    # where the table's crop was cut short of them.
    doc = pymupdf.open()
    page = _opening(doc)
    y = page.y + 6
    page.page.draw_line((72, y), (540, y), width=0.8)
    page.page.insert_text((150, y + 14), "Local Field of View", fontname="tiro", fontsize=12)
    page.page.insert_text((390, y + 14), "Full View, Central Control", fontname="tiro", fontsize=12)
    page.page.draw_line((100, y + 20), (360, y + 20), width=0.4)
    page.page.draw_line((380, y + 20), (540, y + 20), width=0.4)
    for k, cell in enumerate(("map", "heur.", "IAC-V", "IAC-Q", "COMA", "heur.", "DQN", "GMEZO")):
        page.page.insert_text((76 + 58 * k, y + 34), cell, fontname="tiro", fontsize=12)
    page.page.draw_line((72, y + 40), (540, y + 40), width=0.4)
    for r in range(3):
        for k in range(8):
            page.page.insert_text((76 + 58 * k, y + 54 + 14 * r), f"{30 + 7 * k + r}", fontname="tiro", fontsize=12)
    page.page.draw_line((72, y + 98), (540, y + 98), width=0.8)
    page.y = y + 120
    page.paragraph(repeat=3)
    page.line("2 Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    assert _titles(_parse(doc)) == [("1", "Introduction", 1), ("2", "Method", 1)]
