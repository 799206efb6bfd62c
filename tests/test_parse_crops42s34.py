"""Float crops of the thirty-fourth split (session 42), each drawn here with PyMuPDF in the shape a
real paper printed it."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _plot_over_legend(page, x0: float, x1: float, names: list[str]) -> None:
    """A line plot framed from y 58 to 130 (its tick labels left of it, an axis title under it) and,
    drawn apart under it, a legend of keys (a short stroke with a marker, a name) down to y 182."""
    page.draw_rect(pymupdf.Rect(x0 + 25, 58, x1, 130), color=(0, 0, 0), width=0.5)
    for k in range(4):
        page.insert_text((x0 + 10, 130 - 22 * k), f"{k}", fontname="helv", fontsize=7)
        page.draw_polyline([(x0 + 30 + 14 * j, 125 - 20 * k - 2 * j) for j in range(8)], color=(0.2, 0.3, 0.8),
                           width=0.8)
    page.insert_text((x0 + 40, 141), "level [threads]", fontname="helv", fontsize=7)
    for k, name in enumerate(names):
        y = 152 + 10 * k
        page.draw_line((x0 + 40, y), (x0 + 55, y), color=(0.8, 0.3, 0.2), width=0.8)
        page.draw_circle((x0 + 47.5, y), 2, color=(0.8, 0.3, 0.2), width=0.8)
        page.insert_text((x0 + 60, y + 2.5), name, fontname="helv", fontsize=7)


def test_three_figures_side_by_side_each_a_plot_over_its_legend_keep_their_own_plots(tmp_path):
    # PVLDB 2013: Figures 9, 10 and 11 side by side across the page's top, each a plot over a legend
    # drawn apart, each caption under its legend, 20 pt between one plot and the next. Each caption
    # took its legend (the nearest graphic) and grew over the plots level with it a gutter off: its
    # own and its neighbours' (the neighbour's plot 50 pt over its own caption, too far off to be
    # seen as over it). All three crops ran into the next figures.
    doc = pymupdf.open()
    page = _page(doc)
    for n, x0 in enumerate((58, 226, 404)):
        _plot_over_legend(page, x0, x0 + 150, ["SSE", "Non-SSE", "Spirit"])
        page.insert_text((x0 - 4, 192), f"Figure {9 + n}: Speedup of parsing and", fontname="tibo", fontsize=9)
        page.insert_text((x0 - 4, 202), "deserialization methods with", fontname="tibo", fontsize=9)
    _lines(page, 54, 294, 240, 40, start=40)
    _lines(page, 318, 558, 240, 40, start=90)
    paper, floats = _parse(doc, tmp_path)
    for n, x0 in enumerate((58, 226, 404)):
        figure = floats.get(("figure", str(9 + n)))
        assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
        assert figure.bbox is not None and x0 - 5 <= figure.bbox[0] <= x0 + 30 and figure.bbox[2] <= x0 + 160 and \
            figure.bbox[1] <= 60 and figure.bbox[3] >= 170, (n, figure.bbox)
