"""A heading's number in the text's type before its title in small capitals is one row with it,
and no tick label of a figure under the heading (issue 14, items 5 and 7). Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def _small_capitals(page, x: float, y: float, number: str, title: str) -> None:
    """A heading as ICLR sets it: its number in the text's type, then an em on its title in small
    capitals (a smaller size than the number), in the text's regular weight."""
    page.insert_text((x, y), number, fontname="tiro", fontsize=10)
    x += pymupdf.get_text_length(number, "tiro", 10) + 10
    page.insert_text((x, y), title.upper(), fontname="tiro", fontsize=8)


def _paper_with_heading_over_a_diagram(tmp_path, gap: float):
    """Two numbered sections; the second's heading ("2.2", then its title a few points right, on one
    baseline) stands `gap` points over a diagram that fills the text's width, captioned under it."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Reading Pages Whole", fontname="tibo", fontsize=16)
    _lines(page, 72, 540, 110, 12)
    _small_capitals(page, 72, 280, "2.1", "Problem Formulation")
    y, k = _lines(page, 72, 540, 300, 8)
    head = y + 6
    _small_capitals(page, 72, head, "2.2", "Data Generation Pipeline")
    top = head + gap
    page.draw_rect(pymupdf.Rect(80, top, 300, top + 110), color=(0, 0, 0), width=0.6)
    page.draw_rect(pymupdf.Rect(320, top, 530, top + 110), color=(0, 0, 0), width=0.6)
    page.draw_line((300, top + 55), (320, top + 55), color=(0, 0, 0), width=0.8)
    page.insert_text((150, top + 60), "Actor", fontname="helv", fontsize=9)
    page.insert_text((400, top + 60), "Critic", fontname="helv", fontsize=9)
    page.insert_text((72, top + 130), "Figure 2: The data pipeline, an actor and a critic in turn.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, top + 160, 10, start=k)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    return parse_pdf(path)


def test_a_numbered_heading_over_a_figure_stays_a_heading(tmp_path):
    # ICLR 2026: "2.2" over the figure of the pipeline its section describes, 16 pt above the
    # diagram's top, stayed a line apart from its title (set in a smaller size) and matched an
    # axis's tick label: it grew the figure's box up and the heading's title went in after it; the
    # section was lost and its text ran on under 2.1.
    paper = _paper_with_heading_over_a_diagram(tmp_path, gap=16)
    numbers = [(s.number, s.title.upper().replace(" ", "")) for s in paper.sections]
    assert ("2.2", "DATAGENERATIONPIPELINE") in numbers, numbers
    figure = next(f for f in paper.figures if f.number == "2")
    assert figure.bbox is not None and figure.bbox[1] > _heading_bottom(tmp_path), figure.bbox


def _heading_bottom(tmp_path) -> float:
    doc = pymupdf.open(tmp_path / "paper.pdf")
    hits = doc[0].search_for("DATA GENERATION")
    return hits[0].y1 - 1
