"""Float crops, the twenty-fifth split's study (part b): a rule over a figure closing it with its twin
under the caption, labels flush against a diagram's left edge, a short title over a row of
drawings, a figure reaching past the page's edge. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402
from test_parse_crops28c import _plot  # noqa: E402


def _boxes(page, x0: float, y0: float, x1: float, y1: float, count: int) -> None:
    """A row of `count` framed cells, each holding a small filled mark (no text)."""
    step = (x1 - x0) / count
    for k in range(count):
        page.draw_rect((x0 + k * step, y0, x0 + (k + 1) * step, y1), color=(0, 0, 0), width=0.5)
        page.draw_rect((x0 + k * step + 4, y0 + 4, x0 + k * step + 9, y0 + 9), color=None, fill=(0.3, 0.3, 0.3))


def test_a_rule_over_a_figure_whose_twin_closes_its_caption_is_no_part_of_it(tmp_path):
    # USENIX LISA 2004: a rule across the column over each figure and its twin under the caption;
    # the upper one, 7.6 pt over the diagram, joined the drawing's box and the crop was 40 pt too
    # wide (the column's width, not the diagram's).
    doc = pymupdf.open()
    for k in range(2):
        page = _page(doc, 612, 792)
        _lines(page, 90, 310, 80, 20)
        d = 12 * k  # (the pages' drawings differ: one repeated on every page is furniture)
        _rule(page, 90, 310, 330.6)
        _plot(page, 124 + d, 338.2, 290 - d, 470 - d)
        page.insert_text((140, 486 - d), f"Figure {k + 1}: Zones state model.", fontname="tiro", fontsize=10)
        _rule(page, 90, 310, 493.4 - d)
        _lines(page, 90, 310, 520, 18)
        _lines(page, 330, 550, 80, 52, start=300)
    floats = _parse(doc, tmp_path)[1]
    for k in range(2):
        box = floats[("figure", str(k + 1))].bbox
        assert box is not None, k
        d = 12 * k
        assert box[0] >= 118 + d and box[2] <= 296 - d and box[1] >= 334, (k, box)
        assert box[1] <= 339 and box[3] >= 469 - d and box[0] <= 125 + d and box[2] >= 289 - d, (k, box)


def test_labels_flush_against_a_diagrams_left_edge_are_its_own(tmp_path):
    # SIGCOMM 2012: "update u1", "update u2", "update u3" right-aligned 3.6 pt left of a message
    # diagram (here 5.2 pt, as far in its lines' height), the ends of its arrows; no text inside the
    # diagram level with them, so they named no row, and the crop cut them off.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    page.draw_rect((113, 56, 277, 222), color=(0, 0, 0), width=0.5)
    for j, y in enumerate((87, 98, 108)):
        text = f"update u{j + 1}"
        width = pymupdf.get_text_length(text, fontname="tiro", fontsize=9)
        page.insert_text((107.8 - width, y + 3), text, fontname="tiro", fontsize=9)
        page.draw_line((113, y), (250, y), color=(0, 0, 0), width=0.5, dashes="[2] 0")
    for x in (130, 190, 240):
        page.draw_rect((x, 130, x + 30, 160), color=(0, 0, 0), width=0.5)
    page.insert_text((54, 236), "Figure 3: HyperDex's replication protocol propagates along chains.",
                     fontname="tibo", fontsize=9)
    _lines(page, 54, 297, 262, 40, size=9)
    _lines(page, 316, 558, 60, 60, size=9, start=200)
    box = _parse(doc, tmp_path)[1][("figure", "3")].bbox
    assert box is not None and box[0] <= 73.5 and box[2] >= 276 and box[1] <= 57, box


def test_a_short_title_over_a_row_of_drawings_is_the_figures(tmp_path):
    # SIGCOMM 2012: "hyperspace" centred 7 pt (here 8) over a row of cells drawn as two drawings (a gap where
    # "..." stands), at the right column's top. Too short for a plot's title, it was read as text
    # (run on the left column's last paragraph) and the crop lost it.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    _lines(page, 54, 297, 60, 60, size=9)
    _boxes(page, 345, 71, 459, 88, 6)
    _boxes(page, 470, 71, 527.5, 88, 3)
    for x in (352, 400, 480):
        page.draw_line((x, 95), (x, 120), color=(0, 0, 0), width=0.6)
        page.draw_rect((x - 6, 120, x + 30, 137), color=(0, 0, 0), width=0.5)
    width = pymupdf.get_text_length("hyperspace", fontname="tiro", fontsize=9)
    page.insert_text((436.25 - width / 2, 60.5), "hyperspace", fontname="tiro", fontsize=9)
    page.insert_text((316, 160), "Figure 2: HyperDex partitions a high-dimensional hyperspace.",
                     fontname="tibo", fontsize=9)
    _lines(page, 316, 558, 186, 50, size=9, start=200)
    box = _parse(doc, tmp_path)[1][("figure", "2")].bbox
    assert box is not None and box[1] <= 52 and box[0] <= 346 and box[2] >= 527, box


def test_a_figure_reaching_past_the_pages_edge_is_cut_to_the_page(tmp_path):
    # 3DV 2017: four framed images in a row over the caption, the fourth set 46 pt past the page's
    # right edge. The crop reached 50 pt past the page.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    _lines(page, 54, 297, 60, 60, size=10)
    for x in (315, 404, 494, 583.6):
        page.draw_rect((x, 215, x + 77.6, 274.5), color=(0, 0, 0), width=0.4)
        page.draw_rect((x + 3, 218, x + 74.6, 271.5), color=None, fill=(0.1, 0.1, 0.1))
    page.insert_text((316, 300), "Figure 1: Reconstruction examples: teddy, chair, head, rock.",
                     fontname="tiro", fontsize=10)
    _lines(page, 316, 558, 330, 35, size=10, start=200)
    box = _parse(doc, tmp_path)[1][("figure", "1")].bbox
    assert box is not None and box[2] <= 612 and box[2] >= 600 and box[0] <= 316, box
