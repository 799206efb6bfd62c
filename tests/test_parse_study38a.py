"""The thirty-eighth held-out split, ML half: a draft's last page, its left column full of prose and
nothing on the right but headings ("Discussions", a few words under it, "Conclusion", "References"),
no line across the gutter: two columns, the left column's sentences read whole."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import fill, holds, lines

SENTENCE = ("For the latter two types of datasets the camera can freely roam around in the indoor scene "
            "and simulated noise is added to every depth image of the sequence.")


def _draft(path, right_heads: bool = True) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "Uncertainty for the Next Best View", fontname="tibo", fontsize=16)
    page.insert_text((54, 110), "Introduction", fontname="tibo", fontsize=12)
    y, k = lines(page, 54, 297, 128, 50)
    lines(page, 315, 558, 110, 54, start=k)
    page = doc.new_page(width=612, height=792)
    page.insert_text((130, 70), "Experiments", fontname="tibo", fontsize=12)
    page.insert_text((54, 88), "Experimental Setup", fontname="tibo", fontsize=11)
    y, k = lines(page, 54, 297, 104, 6)
    for i, row in enumerate(fill(SENTENCE.split(), 238, font="tiro")):
        page.insert_text((54, y + 12 * i), row, fontname="tiro", fontsize=10)
    lines(page, 54, 297, y + 12 * (i + 1), 30, start=k)
    if right_heads:
        page.insert_text((315, 70), "Discussions", fontname="tibo", fontsize=11)
        page.insert_text((315, 84), "limitation, broader impact", fontname="tiro", fontsize=10)
        page.insert_text((400, 104), "Conclusion", fontname="tibo", fontsize=12)
        page.insert_text((400, 122), "References", fontname="tibo", fontsize=12)
    doc.save(path)


def test_headings_alone_atop_the_right_column_beside_a_full_left_one_make_two_columns(tmp_path):
    _draft(tmp_path / "draft.pdf")
    paper = parse_pdf(tmp_path / "draft.pdf")
    assert holds(paper, SENTENCE), [s.title for s in paper.sections]
    titles = [s.title for s in paper.sections]
    assert "Experimental Setup" in titles, titles


def test_the_left_column_alone_reads_whole(tmp_path):
    _draft(tmp_path / "alone.pdf", right_heads=False)
    assert holds(parse_pdf(tmp_path / "alone.pdf"), SENTENCE)
