"""Float crops (issue 14: real papers read faithfully), the thirtieth session's study of the
twentieth split: a plot under another float's caption, a legend's keys over a short plot. Pages
drawn with PyMuPDF."""

from __future__ import annotations

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402
from test_parse_crops28c import _plot  # noqa: E402

import pymupdf


def _bars(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A framed bar chart (no curve: a stroke's box reaches past its ends)."""
    page.draw_rect((x0, y0, x1, y1), color=(0, 0, 0), width=0.6)
    for k in range(5):
        bx = x0 + 15 + k * (x1 - x0 - 30) / 5
        page.draw_rect((bx, y1 - 20 - 12 * k, bx + 12, y1), color=None, fill=(0.2, 0.4, 0.8))


def test_a_plot_under_another_figures_caption_does_not_take_that_figures_panel(tmp_path):
    # EMNLP 2018: Figure 3's three panels across the page, its caption centred under them, more of
    # it left of the last panel than under it; Figure 4's plot in the right column 25 pt under the
    # last panel, its own caption under it. Grown up over the panel past Figure 3's caption, the
    # plot's crop was 140 pt too tall.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    for x0 in (84, 232, 380):
        _bars(page, x0, 181, x0 + 130, 298)
    page.insert_text((131, 314), "Figure 3: Test scores vs. the number of distantly supervised sentences.",
                     fontname="tiro", fontsize=10)
    _bars(page, 345, 323, 476, 433)
    page.insert_text((308, 450), "Figure 4: The number of sentences on the data set.", fontname="tiro", fontsize=10)
    _lines(page, 72, 290, 340, 35)
    _lines(page, 308, 525, 475, 25, start=200)
    floats = _parse(doc, tmp_path)[1]
    four = floats[("figure", "4")].bbox
    assert four is not None and four[1] >= 318 and four[3] <= 440, four
    three = floats[("figure", "3")].bbox
    assert three is not None and three[0] <= 85 and three[2] >= 509 and three[3] <= 305, three

