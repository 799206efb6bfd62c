"""Float crops, the forty-first session's first set of leftovers. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf
import pytest

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


def test_a_mupdf_whose_paths_are_laid_out_otherwise_walks_every_large_path(monkeypatch):
    # (where MuPDF's fz_path is not laid out as checked, which paths draw a curve is not read from
    # their commands: every path of CURVE_SIZE or more is walked, and the curve bounded the same)
    from paperkit.reading import ink

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _flow_chart(page, 140)
    # (and a path of more curves than MOST_CURVES, a wave of S-shaped strokes as one path, keeps
    # MuPDF's box, control points and all, either way)
    shape = page.new_shape()
    for k in range(ink.MOST_CURVES + 1):
        shape.draw_bezier((300 + 10 * k, 400), (300 + 10 * k, 360), (310 + 10 * k, 440), (310 + 10 * k, 400))
    shape.finish(color=(0, 0, 0), width=0.5, closePath=False)
    shape.commit()
    assert ink._curved_test() is not None  # (this MuPDF: read from the commands)
    expected = page_marks(page)
    monkeypatch.setattr(ink, "_curved_test", lambda: None)
    ink._device_class.cache_clear()
    ink._teeing_device_class.cache_clear()
    try:
        assert page_marks(page) == expected
    finally:
        monkeypatch.undo()
        ink._device_class.cache_clear()
        ink._teeing_device_class.cache_clear()


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


def _grid(page, x0: float, y0: float, widths: list[float], rows: list[list[str]], pitch: float = 12) -> float:
    """A table ruled in a grid (every cell framed, VLDB's), its cells in 9 pt; returns its foot."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    foot = y0 + pitch * len(rows)
    for i in range(len(rows) + 1):
        page.draw_line((xs[0], y0 + pitch * i), (xs[-1], y0 + pitch * i), color=(0, 0, 0), width=0.4)
    for x in xs:
        page.draw_line((x, y0), (x, foot), color=(0, 0, 0), width=0.4)
    for i, row in enumerate(rows):
        for x, text in zip(xs, row):
            page.insert_text((x + 2, y0 + pitch * i + 9), text, fontname="tiro", fontsize=9)
    return foot


def test_a_row_of_subtables_over_the_last_ones_captions_white_between_is_the_tables(tmp_path):
    # VLDB 2014: two small grids side by side, "(a) Within us-east-b AZ" and "(b) Across us-east AZs"
    # under them, then 12 pt lower the grid of "(c)", its two-line caption under it, and "Table 1:
    # Mean RTT times on EC2" under all. The crop held "(c)" alone: the row of sub-captions stood over
    # the crop, not at its top.
    doc = pymupdf.open()
    page = _page(doc)
    _grid(page, 72, 68, [22, 28, 28], [["", "H2", "H3"], ["H1", "0.55", "0.56"], ["H2", "", "0.50"]])
    _grid(page, 188, 68, [20, 30, 30], [["", "C", "D"], ["B", "1.08", "3.12"], ["C", "", "3.57"]])
    page.insert_text((65, 115), "(a) Within us-east-b AZ", fontname="tiro", fontsize=8)
    page.insert_text((184, 115), "(b) Across us-east AZs", fontname="tiro", fontsize=8)
    names = ["CA", "OR", "VA", "TO", "IR", "SY", "SP"]
    rows = [[""] + names[1:]] + [[n] + [f"{100 + 17 * i + 7 * j}.{j}" for j in range(6)] for i, n in enumerate(names)]
    foot = _grid(page, 58, 128, [26] + [33] * 6, rows, pitch=10.5)
    page.insert_text((58, foot + 11), "(c) Cross-region (CA: California, OR: Oregon, VA: Virginia, TO: Tokyo,",
                     fontname="tiro", fontsize=8)
    page.insert_text((58, foot + 20), "IR: Ireland, SY: Sydney, SP: Sao Paulo, SI: Singapore)", fontname="tiro", fontsize=8)
    page.insert_text((90, foot + 42), "Table 1: Mean RTT times on EC2 (min and max highlighted)", fontname="tiro",
                     fontsize=9)
    _lines(page, 60, 290, foot + 70, 20, start=40)
    _lines(page, 320, 550, 80, 55, start=90)
    paper, floats = _parse(doc, tmp_path)
    table = floats.get(("table", "1"))
    assert table is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert table.bbox is not None and table.bbox[1] <= 69 and table.bbox[3] >= foot + 20, table.bbox


def test_a_wide_drawing_centred_with_the_one_found_over_its_caption_is_the_figures(tmp_path):
    # CIDR 2005 (Word): a timeline of sessions across the page (x 74 to 532), its "Sample 1" ...
    # labels in Arial Bold at the foot of its dotted lines and, under it, its axis title
    # "Wall-clock time" in Arial Bold, over a key and a grid of samples 45 pt narrower on each side,
    # "Figure 4: Active Session History Samples" centred under both. The timeline was wider than the
    # grid and its caption, and the bold title between read as a heading: the crop held the grid alone.
    doc = pymupdf.open()
    page = _page(doc)
    for i, y in enumerate((100, 130, 170)):
        page.draw_line((74, y), (500, y), color=(0, 0, 0), width=1)
        page.draw_polyline([(500, y - 4), (508, y), (500, y + 4)], color=(0, 0, 0), fill=(0, 0, 0))
        page.insert_text((510, y + 3), f"User {i + 1}", fontname="hebo", fontsize=8)
        for x in (90, 200, 310, 420):
            page.draw_rect(pymupdf.Rect(x, y - 3, x + 60, y), color=(0, 0, 0), width=0.5)
            page.insert_text((x + 10, y - 8), "Execute", fontname="helv", fontsize=8)
    page.draw_line((74, 185), (500, 185), color=(0, 0, 0), width=2)
    for i, x in enumerate((74, 170, 266, 371, 461)):
        page.insert_text((x, 203), f"Sample {i + 1}", fontname="hebo", fontsize=8)
        # (a dotted line down the timeline at each sample, to the foot of its label)
        page.draw_line((x + 18, 80), (x + 18, 205), color=(0.5, 0.5, 0.5), width=0.3, dashes="[1 1] 0")
    page.insert_text((236, 229), "Wall-clock time", fontname="hebo", fontsize=10)
    page.draw_circle((125, 247), 4, color=(0, 0, 0), fill=(0, 0, 0))
    page.insert_text((145, 250), "A single row in the table shown below", fontname="helv", fontsize=8)
    _grid(page, 119, 270, [45, 45, 90, 190], [["Sample", "User", "Operation", "Details"]] +
          [[str(i), str(i % 2 + 1), "Execute", "Using CPU"] for i in range(1, 7)], pitch=16)
    page.insert_text((215, 408), "Figure 4: Active Session History Samples", fontname="hebo", fontsize=9)
    _lines(page, 60, 295, 440, 25, start=40)
    _lines(page, 317, 552, 440, 25, start=90)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "4"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[1] <= 92 and figure.bbox[0] <= 75 and figure.bbox[3] >= 378, \
        figure.bbox


def _word_plot(page, second_row: bool = True) -> None:
    """JSM 2009 (Word): a plot drawn in Word, its labels set off by spaces from the margin, each
    line's box holding its spaces: "Statistical" over the y axis, 3 pt over the drawing's top and
    left of it, and under the x axis "Minimum" and "Substantive" over "Oomph" and "significance",
    the second row's spaces reaching from the column's edge (x 108)."""
    # (the axes drawn as filled arrows, Word's, the rules and the two-headed arrows stroked)
    page.draw_polyline([(255.7, 292.2), (255.7, 150), (252, 150), (257.35, 140.6), (262.7, 150), (259, 150),
                        (259, 292.2)], color=None, fill=(0, 0, 0), closePath=True)
    page.draw_polyline([(255.7, 293.2), (436, 293.2), (436, 290), (445, 294.9), (436, 299.8), (436, 296.6),
                        (255.7, 296.6)], color=None, fill=(0, 0, 0), closePath=True)
    for y in (217.3, 269.5):
        page.draw_line((256, y), (421.6, y), color=(0, 0, 0), width=0.75)
    page.draw_line((355, 165.3), (355, 287.7), color=(0, 0, 0), width=0.75)
    for x, top in ((310, 199), (364, 236.3)):
        page.draw_polyline([(x + 8.3, top), (x + 16.6, top + 9), (x + 12, top + 9), (x + 12, top + 29), (x + 16.6, top + 29),
                            (x + 8.3, top + 38.1), (x, top + 29), (x + 4.6, top + 29), (x + 4.6, top + 9), (x, top + 9)],
                           color=(0, 0, 0), fill=(0, 0, 0) if x == 310 else (1, 1, 1), closePath=True, width=0.75)
    # (and a curved arrow left of the y axis, between the two rules' labels)
    page.draw_bezier((210, 228), (201, 233), (201, 247), (208, 251), color=(0, 0, 0), width=0.75)
    page.draw_polyline([(203, 249), (209, 254), (210.5, 247)], color=(0, 0, 0), fill=(1, 1, 1), closePath=True, width=0.75)
    size = 10.98
    for x, y, text in ((144, 145.5, " " * 9 + "Statistical" + " " * 18), (144, 158.2, " " * 10 + "significance"),
                       (252, 183.5, " " * 1 + "Science wrongly"), (252, 196.1, " " * 2 + "accepts"),
                       (216, 221.4, "t =3.0   "), (360, 246.7, " " * 9 + "Science wrongly"),
                       (324, 259.3, " " * 24 + "rejects"), (216, 272, "t =1.5" + " " * 18),
                       (288, 310, " " * 10 + "Minimum" + " " * 8 + "Substantive"),
                       (108, 322.6, " " * 76 + "Oomph" + " " * 12 + "significance ")):
        if second_row or y < 320:
            page.insert_text((x, y), text, fontname="tiro", fontsize=size)


def test_a_word_processors_second_row_of_labels_under_a_figures_foot_is_the_figures(tmp_path):
    # JSM 2009: the plot under its caption "Figure 1" and title, a source line under it. The crop was
    # cut under the first row of the labels under the x axis ("Minimum", "Substantive").
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((290, 94), "Figure 1", fontname="tiro", fontsize=11)
    page.insert_text((164, 107), "Size Matters No Matter Where You Draw the Line of Precision", fontname="tiro", fontsize=11)
    _word_plot(page)
    page.insert_text((180, 347.9), " " * 6 + "Source:  Ziliak and McCloskey 2008, Figure 3.1, p. 44", fontname="tiro",
                     fontsize=10.98)
    _lines(page, 108, 506, 372, 25, size=11, start=40)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[1] <= 137 and figure.bbox[3] >= 323 and figure.bbox[0] <= 170, \
        figure.bbox


def test_a_word_processors_label_at_a_figures_top_corner_is_the_figures(tmp_path):
    # The plot over its caption, one row of labels under its x axis: "Statistical", 3 pt over the
    # drawing's top, its words 3 pt left of the side the labels beside the drawing reach, its line's
    # box (its spaces) 60 pt left of it, was cut by the crop's top.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 506, 80, 4, size=11)
    _word_plot(page, second_row=False)
    page.insert_text((220, 352), "Figure 1: Size matters no matter where you draw the line", fontname="tiro", fontsize=11)
    _lines(page, 108, 506, 380, 25, size=11, start=40)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[1] <= 137 and figure.bbox[0] <= 170, figure.bbox


def test_only_a_path_of_a_few_curves_is_walked():
    # A connector or a brace (a curve or a few) is bounded by its curves; a path of more than
    # MOST_CURVES curves (a map's coastline, a plot's round markers) keeps MuPDF's box, not walked.
    from pymupdf import mupdf

    from paperkit.reading import ink

    curved = ink._curved_test()
    if curved is None:
        pytest.skip("this MuPDF lays its paths out otherwise: every large path is walked")

    def path(curves: int, lines: int = 2):
        p = mupdf.ll_fz_new_path()
        mupdf.ll_fz_moveto(p, 0, 0)
        for k in range(lines):
            mupdf.ll_fz_lineto(p, 10 * (k + 1), 0)
        for k in range(curves):
            mupdf.ll_fz_curveto(p, k, 5, k + 1, 5, k + 2, 0)
        return p

    made = [path(0), path(1), path(ink.MOST_CURVES), path(ink.MOST_CURVES + 1)]
    try:
        assert [curved(p) for p in made] == [False, True, True, False]
    finally:
        for p in made:
            mupdf.ll_fz_drop_path(p)
