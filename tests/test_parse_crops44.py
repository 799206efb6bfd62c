"""Crops found wrong by the crops44 audit of tune papers whose floats nobody had checked, each drawn
here with PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _floats, _save, _text
from pdf_pages import prose as _prose


def _panel(page, x0: float, y0: float, title: str) -> None:
    """A box plot's panel: a title over its frame, tick labels left of it, boxes inside."""
    _text(page, x0 + 28, y0 + 5.2, title, size=7.6)
    page.draw_rect(pymupdf.Rect(x0, y0 + 7, x0 + 75, y0 + 63), color=(0, 0, 0), width=0.5)
    for j, y in enumerate((12, 24, 36)):
        _text(page, x0 - 16, y0 + y + 2, f"0.{95 - 5 * j}", size=6.3)
    for i in range(5):
        x = x0 + 8 + 13 * i
        page.draw_rect(pymupdf.Rect(x, y0 + 16 + 3 * i, x + 5, y0 + 24 + 4 * i), color=(0.12, 0.47, 0.71), width=0.6)
        page.draw_rect(pymupdf.Rect(x + 1, y0 + 12 + 2 * i, x + 6, y0 + 18 + 3 * i), color=(1, 0.5, 0.05), width=0.6)
        _text(page, x - 4, y0 + 72, f"Net{i}", size=6.3)
    _text(page, x0 + 12, y0 + 82, "Model architecture", size=6.3)


def test_a_legend_of_two_keys_over_a_grid_of_panels_is_the_figures(tmp_path):
    # ACL 2025 review (matplotlib): a grid of four box-plot panels under a legend of two entries,
    # each key a thick stroke 12.7 pt long (5 pt wide) with its word beside it ("Unclean",
    # "Cleaned"), centred 19 pt over the panels' frames, 13 pt over their titles: two keys only,
    # no row of three, and farther off than a key beside a plot may stand, so the legend was left
    # out of the crop.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 90), "Ensembles of Prototypical Networks", fontname="tibo", fontsize=15)
    page.insert_text((71, 140), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(page, 71, 289, 150, 760)
    _prose(page, 305, 524, 70, 760)
    page = doc.new_page(width=595, height=842)  # (the figure on a later page: no front matter)
    _prose(page, 71, 289, 70, 206)
    for x, word in ((133.6, "Unclean"), (186.4, "Cleaned")):
        page.draw_line((x, 227.1), (x + 12.7, 227.1), color=(0.12, 0.47, 0.71) if word == "Unclean" else (1, 0.5, 0.05),
                       width=5.08)
        page.insert_text((x + 17.7, 228.6), word, fontname="tiro", fontsize=6.3)
    for row, y0 in enumerate((241.8, 333.6)):
        for col, x0 in enumerate((101.6, 207.3)):
            _panel(page, x0, y0, ("CCUS", "H2", "solar", "solarPlus")[2 * row + col])
    _text(page, 71, 440, "Figure 2: Aggregate results per class between architectures and preprocessing", size=10)
    _prose(page, 71, 289, 460, 760)
    _prose(page, 305, 524, 70, 760)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "2")]
    assert figure.bbox is not None and figure.bbox[1] <= 225.5 and figure.bbox[3] >= 410, figure.bbox
    assert figure.bbox[1] > 206, figure.bbox  # (not the prose over it)
