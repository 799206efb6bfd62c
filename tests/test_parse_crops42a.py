"""Float crops, the forty-second session's first crop audit (tune papers with no checked boxes).
Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _plot(page, x0: float, x1: float, top: float, bottom: float, title: str) -> None:
    """A matplotlib-like plot whose axes run from x0 to x1, top to bottom: its frame, a curve, tick
    labels under its x-axis and left of its y-axis, and a y-axis title set sideways left of those."""
    for y in (top, bottom):  # (the frame's top and bottom, hairlines across the plot)
        page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=0.6)
    for x in (x0, x1):
        page.draw_line((x, top), (x, bottom), color=(0, 0, 0), width=0.6)
    points = [(x0 + (x1 - x0) * k / 20, top + 10 + (bottom - top - 20) * ((k * 7) % 11) / 11) for k in range(21)]
    page.draw_polyline(points, color=(0.1, 0.4, 0.8), width=0.8)
    for k in range(5):
        page.insert_text((x0 - 3 + (x1 - x0) * k / 4, bottom + 10), f"{k * 10}", fontname="helv", fontsize=7)
        page.insert_text((x0 - 14, bottom - (bottom - top) * k / 4 + 2), f"0.{2 * k}", fontname="helv", fontsize=7)
    page.insert_text((x0 - 24, bottom - 20), title, fontname="helv", fontsize=10, rotate=90)


def test_two_plots_on_one_white_ground_each_keep_their_own_caption_and_axis_title(tmp_path):
    # ICLR 2021 (matplotlib): two plots side by side, their white grounds abutting into one drawing
    # across the text width, "Figure 4: ..." and "Figure 5: ..." side by side under them in
    # minipages. The right-hand caption took the left-hand one for the other column's text, lost the
    # drawing and had no crop; parted at the gap between the plots' axes, the right plot's crop
    # then lost its y-axis title, set sideways in that gap.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 80, 10)
    page.draw_rect(pymupdf.Rect(108, 225, 306, 357), color=None, fill=(1, 1, 1))
    page.draw_rect(pymupdf.Rect(306, 225, 504, 357), color=None, fill=(1, 1, 1))
    _plot(page, 145, 290, 232, 330, "Train error rate")
    _plot(page, 342, 495, 232, 330, "Cosine similarity")
    page.insert_text((108, 376), "Figure 4: Training and test error for the first", fontname="tiro", fontsize=10)
    page.insert_text((108, 387), "and second order version of the algorithm.", fontname="tiro", fontsize=10)
    page.insert_text((306, 376), "Figure 5: Cosine similarity between the first and", fontname="tiro", fontsize=10)
    page.insert_text((306, 387), "second order updates of the model.", fontname="tiro", fontsize=10)
    _lines(page, 108, 504, 420, 20, start=30)
    paper, floats = _parse(doc, tmp_path)
    left, right = floats.get(("figure", "4")), floats.get(("figure", "5"))
    assert left is not None and right is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert left.bbox is not None and left.bbox[0] <= 122 and 290 <= left.bbox[2] < 315, left.bbox
    assert right.bbox is not None and right.bbox[0] <= 308 and right.bbox[2] >= 495 and right.bbox[1] <= 232, \
        right.bbox
