"""Float crops (issue 14: real papers read faithfully), the twenty-ninth session's study of the
nineteenth split: a figure ruled over and under across the text. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402
from test_parse_crops28c import _plot  # noqa: E402


def test_a_figure_ruled_over_and_under_across_the_text_is_cut_to_its_graphic(tmp_path):
    # ACM 2004 (Ghostscript): the caption over the figure, a hairline across the text width under
    # the caption and another under the panels' subcaptions; the plots between them 28 pt in from
    # each end. The rules are the float's frame: the crop took them in, 56 pt too wide.
    doc = pymupdf.open()
    for k in range(2):
        page = _page(doc, 612, 792)
        d = 12 * k
        page.insert_text((110, 62), f"Figure {k + 1}: Connection state over the week of the trace.",
                         fontname="tibo", fontsize=9)
        _rule(page, 54, 556, 71.3, width=0.25)
        _plot(page, 100, 82, 290, 240 - d)
        _plot(page, 330, 82, 520, 240 - d)
        page.insert_text((150, 256 - d), "(a) Default configuration", fontname="tiro", fontsize=9)
        page.insert_text((380, 256 - d), "(b) With inactivity timeouts", fontname="tiro", fontsize=9)
        _rule(page, 54, 556, 273.3 - d, width=0.25)
        _lines(page, 54, 294, 300, 38)
        _lines(page, 316, 556, 300, 38, start=200)
    for _ in range(4):
        page = _page(doc, 612, 792)
        _lines(page, 54, 294, 60, 55)
        _lines(page, 316, 556, 60, 55, start=200)
    floats = _parse(doc, tmp_path)[1]
    for k in range(2):
        figure = floats[("figure", str(k + 1))].bbox
        assert figure is not None, k
        assert 95 <= figure[0] <= 100.5 and 519.5 <= figure[2] <= 525, (k, figure)
        assert 75 <= figure[1] <= 82.5 and 255 - 12 * k <= figure[3] <= 265 - 12 * k, (k, figure)
