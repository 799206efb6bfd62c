"""Float crops (issue 14: real papers read faithfully), the thirtieth session's study of the
twentieth split: a plot under another float's caption, a legend's keys over a short plot. Pages
drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


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


def test_a_row_of_legend_keys_over_a_short_plot_is_the_figures(tmp_path):
    # Interspeech 2015 (gnuplot): a panel 39 pt high under its legend, three rows of labels in
    # 4 pt type, each with a short coloured key right of it, the keys' last row 11 pt over the
    # frame; the last column of keys, one row shorter, stands 5 pt past the frame's right side. The
    # keys, too small to be a graphic and the plot under 40 pt high, were dropped: the crop lost
    # the legend.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    _lines(page, 57, 290, 80, 15)
    plot_top, plot_bottom = 320.0, 355.0
    page.draw_rect((80, plot_top, 268, plot_bottom), color=(0, 0, 0), width=0.6)
    for k in range(12):
        page.draw_rect((90 + 15 * k, plot_bottom - 5 - 2 * k, 96 + 15 * k, plot_bottom), color=None, fill=(0.1, 0.6, 0.1))
    page.insert_text((84, 364), "sil    m  j  u  z  i    @  m  z  I  n  S  @  k    A    g    oU    sil",
                     fontname="helv", fontsize=5)
    colours = [(0.9, 0.1, 0.1), (0.1, 0.7, 0.1), (0.1, 0.1, 0.9)]
    legend_top = plot_top - 21.0
    for col, x in enumerate((110, 160, 210, 267)):
        for row in range(2 if col == 3 else 3):
            y = legend_top + 4.1 * row
            page.insert_text((x - 16, y + 3.2), f"k.{10 * col + row}", fontname="helv", fontsize=4.2)
            page.draw_line((x, y + 1.5), (x + 6, y + 1.5), color=colours[row], width=0.4)
    page.insert_text((57, 378), "Figure 4: Label posteriors for a unidirectional model with conventional",
                     fontname="tiro", fontsize=9)
    page.insert_text((57, 389), "alignment and no blank label.", fontname="tiro", fontsize=9)
    _lines(page, 57, 290, 410, 25, size=9)
    _lines(page, 316, 555, 80, 60, size=9, start=200)
    figure = _parse(doc, tmp_path)[1][("figure", "4")].bbox
    assert figure is not None, figure
    assert figure[1] <= legend_top + 0.5 and figure[2] >= 272.5 and figure[3] <= 370, figure
