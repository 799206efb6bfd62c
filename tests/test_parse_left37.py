"""Leftovers of issue 14 on the tune split (session 37): a plot's grid stroked as one path past
its clip, ... (pages drawn here with PyMuPDF)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.test_parse_left36 import _column


def _append_stream(doc, page, stream: bytes) -> None:
    """Raw content (PDF's own coordinates, y up) painted after what the page already holds."""
    page.wrap_contents()
    xref = page.get_contents()[-1]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + stream + b"\n")


def _clipped_grid_pdf(path) -> None:
    """SIGGRAPH 1993's page: a vector field atop the left column, its grid of level lines stroked as
    ONE path that runs 43 pt past a clip round the plot on both sides (the last line on the clip's
    foot edge), the plot's arrows inside; "Figure 1: ..." 5 pt under the clip; running text in both
    columns."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Imaging Vector Fields Using Convolution", fontname="tibo", fontsize=16)
    _column(page, 54, 294, 130, 740, first="Vector fields are seen in many sciences.")
    _column(page, 318, 558, 130, 740)
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 306), "Figure 1: A two-dimensional vector field and its stream line.",
                     fontname="tiro", fontsize=8)
    _column(page, 54, 294, 340, 740)
    _column(page, 318, 558, 60, 740)
    top, bottom = 792 - 54.9, 792 - 293.1  # the clip, in PDF's coordinates
    grid = " ".join(f"11.5 {792 - y:.2f} m 444.8 {792 - y:.2f} l" for y in
                    [33.2 + 21.66 * k for k in range(11)] + [293.08])
    arrows = " ".join(f"{x} {792 - y} m {x + 10} {792 - y - 6} l" for x in range(62, 290, 22) for y in range(62, 290, 22))
    _append_stream(doc, page, (f"q 54.9 {bottom:.2f} 238.2 {top - bottom:.2f} re W n 0 G 0.2 w {grid} S "
                               f"0.5 w {arrows} S Q").encode())
    doc.save(path)


def test_a_grid_stroked_past_its_clip_crops_its_figure_no_wider_than_the_clip(tmp_path):
    path = tmp_path / "grid.pdf"
    _clipped_grid_pdf(path)
    with pymupdf.open(path) as doc:  # (the grid is one path, as wide as 433 pt unclipped)
        assert any(d["type"] == "s" and d["rect"].width > 430 for d in doc[1].get_drawings())
    figure = next(f for f in parse_pdf(path).figures if f.number == "1")
    assert figure.bbox is not None and figure.bbox[0] >= 50 and figure.bbox[2] <= 298, figure.bbox
