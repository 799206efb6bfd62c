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


def test_a_table_in_two_parts_under_one_caption_takes_the_part_over_it(tmp_path):
    # EDBT 2016: a small table of parameters (names, meanings) in a grid over the main ruled table,
    # 10 pt apart and narrower than it, the one caption under both. The crop held the lower part.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    for y in (54, 66, 88):
        _rule(page, 115, 495, y)
    for x in (115, 175, 227, 296, 343, 400, 452, 494.5):  # (a grid: rules down its columns)
        page.draw_line((x, 54), (x, 88), color=(0, 0, 0), width=0.4)
    page.insert_text((123, 63), "Parameter      N      m      B      P      T      MEM", fontname="tibo", fontsize=8)
    page.insert_text((123, 75), "Explanation   dataset size   query result size   block size", fontname="tiro", fontsize=8)
    page.insert_text((185, 85), "(#tuples)      (#tuples)      (#tuples)", fontname="tiro", fontsize=8)
    for k, y in enumerate((98, 110, 121, 132, 143, 158, 169, 180)):
        _rule(page, 60.5, 549, y)
        if k < 7:
            page.insert_text((64, y + 8.5), f"Method {k}   O(N/B)   O(1)   O(log N)   O(N)   O(1)", fontname="tiro", fontsize=8)
    page.insert_text((54, 198), "Table 1: The base data typically exist either as a sorted column or as an unsorted column.",
                     fontname="tibo", fontsize=9)
    _lines(page, 54, 294, 230, 45)
    _lines(page, 316, 556, 230, 45, start=200)
    table = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert table is not None and table[1] <= 55 and table[3] >= 179, table


def test_a_lone_figures_graphics_as_far_over_and_under_its_caption_leave_it_the_usual_side(tmp_path):
    # IEEE S&P 2013: the paper's one figure across the page, its caption 29 pt under it, and a framed
    # code listing in the right column 28.7 pt under the caption. Nearer by 0.4 pt, the listing
    # voted the figures' side under their captions, and the figure's crop was the listing.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    _plot(page, 57, 88, 548, 373)
    page.insert_text((136, 409.5), "Figure 1.   Attack model demonstrating four exploit types and policies at each stage",
                     fontname="tiro", fontsize=8)
    page.draw_rect((311.4, 438, 561.6, 454), color=(0, 0, 0), width=0.6)
    page.insert_text((315, 449), 'printf("%s\\n", err_msg);', fontname="cour", fontsize=8)
    _lines(page, 54, 294, 440, 25)
    _lines(page, 316, 556, 470, 22, start=200)
    figure = _parse(doc, tmp_path)[1][("figure", "1")].bbox
    assert figure is not None and figure[1] <= 90 and figure[3] >= 370 and figure[0] <= 60, figure


def test_a_row_of_three_plots_centred_on_a_shorter_caption_is_one_figure(tmp_path):
    # KDD 2018: two figures across the page, each a row of three plots 34 pt apart over a caption
    # centred on the row and shorter than it. Each crop held its middle plot alone: each side plot
    # stood farther than a gutter off it and reached under little of the caption.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    for k, (top, bottom) in enumerate(((84, 179), (215, 311))):
        for x in (60, 237, 414):
            _plot(page, x, top, x + 137, bottom)
        caption = f"Figure {k + 6}: Impact of network hyper-parameters on AUC performance."
        width = pymupdf.get_text_length(caption, fontname="tibo", fontsize=9)
        page.insert_text((305.5 - width / 2, bottom + 15), caption, fontname="tibo", fontsize=9)
    _lines(page, 54, 294, 360, 33)
    _lines(page, 316, 556, 360, 33, start=200)
    floats = _parse(doc, tmp_path)[1]
    for k in range(2):
        figure = floats[("figure", str(k + 6))].bbox
        assert figure is not None and figure[0] <= 62 and figure[2] >= 549, (k, figure)
