"""Body text read faithfully (the thirty-second split, study helper b): each layout fact on pages drawn
here with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import holds, lines as _lines

from paperkit.reading.parse import parse_pdf


def test_a_figures_small_words_past_the_middle_stay_off_the_right_columns_line(tmp_path):
    # IJCAI 2026: a diagram in the left column ends in notes set in 5.2 pt Courier, one row,
    # "checked_bag_weight(1,200).", running past the page's middle to x 311 in a gutter 18 pt wide;
    # the right column's 10 pt line "2019] as the ASP solver ..." starts 3.7 pt on, on the same
    # baseline. The two were read as one line and the figure's words went into the paragraph.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 60), "Policies as Logic Rules", fontname="tibo", fontsize=16)
    _lines(page, 54, 297, 100, 18, size=10)
    page.draw_rect(pymupdf.Rect(150, 330, 215, 345), color=(0, 0, 0), width=0.5)
    page.draw_rect(pymupdf.Rect(150, 380, 215, 395), color=(0, 0, 0), width=0.5)
    page.draw_rect(pymupdf.Rect(150, 430, 215, 445), color=(0, 0, 0), width=0.5)
    page.draw_line((182, 345), (182, 380), color=(0, 0, 0), width=0.5)
    page.draw_line((182, 395), (182, 430), color=(0, 0, 0), width=0.5)
    page.insert_text((160, 340), "Grounding", fontname="tiro", fontsize=6)
    page.insert_text((160, 390), "Solver", fontname="tiro", fontsize=6)
    page.insert_text((160, 440), "Output", fontname="tiro", fontsize=6)
    page.insert_text((230.7, 384), "passenger_class(economy).", fontname="cour", fontsize=5.17)
    page.insert_text((230.7, 390), "checked_bag_weight(1,200).", fontname="cour", fontsize=5.17)
    assert 308 < 230.7 + pymupdf.get_text_length("checked_bag_weight(1,200).", fontname="cour", fontsize=5.17) < 315
    page.insert_text((125, 470), "Figure 1: Pipeline overview", fontname="tiro", fontsize=10)
    _lines(page, 54, 297, 500, 18, size=10, start=40)
    y, k = _lines(page, 315, 558, 100, 24, size=10)
    page.insert_text((315, 378), "Solver Using Clingo [Gebser et al., 2014; Gebser et al.,", fontname="tiro", fontsize=10)
    page.insert_text((315, 390), "2019] as the ASP solver we solve the grounded program to", fontname="tiro", fontsize=10)
    page.insert_text((315, 402), "determine all permissible outcomes of the query.", fontname="tiro", fontsize=10)
    _lines(page, 315, 558, 420, 20, size=10, start=k)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "Gebser et al., 2019] as the ASP solver we solve the grounded program to determine all"), \
        [p.text[:200] for s in paper.sections for p in s.paragraphs if "Clingo" in p.text]
