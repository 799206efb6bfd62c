"""Float crops, the forty-first session's first set of leftovers. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from paperkit.reading.ink import page_marks
from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _flow_chart(page, top: float) -> None:
    """A flow chart in the left column (x 100 to 290): three boxes down its middle, a label box on
    the left, and an S-shaped connector from the label box down to the last box, whose second
    control point lies at x 30, 60 pt left of the curve's ink (x 89.7 at its leftmost), in the margin."""
    for i in range(3):
        page.draw_rect(pymupdf.Rect(160, top + 10 + 45 * i, 280, top + 35 + 45 * i), color=(0.2, 0.3, 0.8), width=0.8)
        page.insert_text((175, top + 26 + 45 * i), f"Stage {i + 1}", fontname="helv", fontsize=8)
    page.draw_rect(pymupdf.Rect(100, top, 150, top + 12), color=(0.5, 0.1, 0.6), width=0.8)
    page.insert_text((104, top + 9), "Policy", fontname="helv", fontsize=7)
    page.draw_bezier((120, top + 12), (120, top + 52), (30, top + 112), (160, top + 112), color=(0.4, 0.15, 0.6),
                     width=0.4)


def test_a_curve_is_bounded_by_its_ink_not_its_control_points():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _flow_chart(page, 140)
    (box,) = [m[1] for m in page_marks(page) if m[0] == "stroke-path" and m[1][0] < 150 and m[1][3] > 245]
    assert 84 <= box[0] <= 89.7 and box[2] >= 160, box  # (the stroke's widening kept)


def test_a_flow_charts_crop_is_not_widened_by_a_connectors_control_point(tmp_path):
    # IJCAI 2026 (pdfium): a pipeline chart in the left column, an S-shaped connector from a label box
    # on its left curving down to a stage box, one control point 20 pt left of the curve's ink, at the
    # column's left edge. Bounded by its control points (MuPDF's bound), the curve widened the
    # figure's crop to the column's edge, 23 pt more than its ink.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 60, 290, 80, 4)
    _flow_chart(page, 140)
    page.insert_text((140, 275), "Figure 1: Pipeline overview", fontname="tiro", fontsize=9)
    _lines(page, 60, 290, 300, 30, start=40)
    _lines(page, 320, 550, 80, 55, start=90)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[0] >= 70 and figure.bbox[1] <= 141 and figure.bbox[3] >= 252, \
        figure.bbox
