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


def test_a_side_caption_takes_the_table_level_with_it_over_anothers_table_above(tmp_path):
    # NeurIPS 2018: Table 4 across the page, captioned over its rules; under it Table 5's rules in
    # the left half, its caption in a minipage 7 pt right of them, their tops level. Table 4's
    # rules, 32 pt over Table 5's caption, were the only graphic it reached for: Table 4 held
    # them, and Table 5 had no crop.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 80, 12)
    page.insert_text((108, 250), "Table 4: Parameterization of different ways of posing the synthesis problem.",
                     fontname="tiro", fontsize=9)
    for y in (266.6, 282, 332.3):
        page.draw_line((131, y), (480, y), color=(0, 0, 0), width=0.5)
    for k, row in enumerate(("Parameter  Description  Range", "Loops?  Is the program allowed to loop?  True, False",
                             "Reflects?  Is the program allowed to reflect?  True, False",
                             "Maximum depth  Bound on the depth of the tree  1, 2, 3")):
        page.insert_text((136, 277 + 12 * k + (4 if k else 0)), row, fontname="tiro", fontsize=9)
    for y in (360, 387, 435.8):
        page.draw_line((108, y), (299, y), color=(0, 0, 0), width=0.5)
    page.insert_text((114, 377), "Model    Median search time    Timeouts", fontname="tiro", fontsize=9)
    for k, row in enumerate(("Sketch    274 sec    27%", "DC    187 sec    2%", "Oracle    6 sec    2%",
                             "Learned policy    28 sec    2%")):
        page.insert_text((114, 398 + 11 * k), row, fontname="tiro", fontsize=9)
    for k, text in enumerate(("Table 5: Time to synthesize a minimum cost pro-",
                              "gram. Sketch: out-of-the-box performance of the",
                              "Sketch program synthesizer. DC: Baseline that",
                              "predicts program components, trained likewise.",
                              "Oracle: upper bounds the performance of any",
                              "search policy. Learned policy: ours evaluated us-",
                              "ing 20-fold cross validation.")):
        page.insert_text((306, 371 + 10.9 * k), text, fontname="tiro", fontsize=9)
    _lines(page, 108, 504, 480, 20, start=30)
    paper, floats = _parse(doc, tmp_path)
    table4, table5 = floats.get(("table", "4")), floats.get(("table", "5"))
    assert table4 is not None and table5 is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert table4.bbox is not None and table4.bbox[1] <= 267 and table4.bbox[3] < 345, table4.bbox
    assert table5.bbox is not None and table5.bbox[0] <= 109 and table5.bbox[1] <= 360 and table5.bbox[3] >= 435 and \
        table5.bbox[2] < 305, table5.bbox


def test_a_sentence_inside_a_figure_wider_than_its_picture_is_cropped_whole(tmp_path):
    # EMNLP 2023 (TikZ): two circles with dots in them, a "D" left of them, then the picture's own
    # sentence "Do you have a triangle of one gray dot ..." in 12 pt italics, wider than the
    # circles, and "y = No" under it (drawn: a dot beside it here), over the caption. The crop held the sentence's height but
    # cut it 10 pt on the left and 23 pt on the right.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_circle((170.6, 184.3), 60, color=(0, 0, 1), width=0.8)
    page.draw_circle((186.2, 131.3), 60, color=(1, 0, 0), width=0.8)
    for k, (x, y) in enumerate(((173, 143), (157, 171), (192, 159), (205, 165), (139, 200), (130, 218), (173, 196))):
        page.draw_circle((x, y), 4, color=None, fill=(0.3 + 0.1 * k % 0.5, 0.3, 0.3))
    page.insert_text((91, 189), "D", fontname="tiro", fontsize=12)
    page.insert_text((133, 112), "u", fontname="tiro", fontsize=12)
    page.insert_text((81, 259), "Do you have a triangle of one gray dot ...", fontname="tiit", fontsize=12)
    page.insert_text((161, 278), "y = No", fontname="tiro", fontsize=12)
    page.draw_rect(pymupdf.Rect(148, 270, 156, 278), color=None, fill=(0.4, 0.4, 0.4))  # (a dot by the answer)
    page.insert_text((72, 305), "Figure 3: In OneCommon, the agent's perspective is", fontname="tiro", fontsize=9)
    page.insert_text((72, 316), "the large blue circle, the partner's the red one.", fontname="tiro", fontsize=9)
    _lines(page, 72, 290, 345, 30)
    _lines(page, 320, 540, 80, 55, start=40)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "3"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[0] <= 82 and figure.bbox[2] >= 275 and figure.bbox[3] >= 276 and \
        figure.bbox[3] < 296, figure.bbox


def _network(page, x0: float, top: float, stages: tuple[str, ...]) -> None:
    """A row of boxed stages joined by arrows, from x0, a weight "w" over each box."""
    x = x0
    page.draw_line((x, top + 30), (x + 40, top + 30), color=(0, 0, 0), width=0.5)
    page.insert_text((x + 19, top + 26), "x", fontname="tiro", fontsize=9)
    x += 40
    for name in stages:
        width = 10 + 4.6 * len(name)
        page.draw_rect(pymupdf.Rect(x, top + 22, x + width, top + 38), color=(0.8, 0.1, 0.1), fill=(1, 0.9, 0.7), width=0.5)
        page.insert_text((x + 5, top + 33), name, fontname="tiro", fontsize=9)
        page.insert_text((x + width / 2 - 3, top + 8), "w", fontname="tiit", fontsize=9)
        page.draw_line((x + width / 2, top + 10), (x + width / 2, top + 22), color=(0, 0, 0), width=0.5)
        page.draw_line((x + width, top + 30), (x + width + 30, top + 30), color=(0, 0, 0), width=0.5)
        x += width + 30
    page.insert_text((x - 16, top + 26), "y", fontname="tiit", fontsize=9)


def test_two_diagrams_drawn_from_one_origin_30_pt_apart_are_one_figure(tmp_path):
    # ICLR 2017 (TikZ): the training network, then 30 pt under it the test network, both flush
    # left at one x, the training one wider, the caption under both ("... for the training
    # phase (above) and test phase (below)"). The crop held the test network alone.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 80, 38)
    _network(page, 139, 575, ("non-linear function", "soft-max", "soft-max"))
    _network(page, 139, 651, ("non-linear function", "soft-max"))
    page.insert_text((108, 723), "Figure 1: An illustration of the noisy-label neural network architecture for the "
                     "training phase", fontname="tiro", fontsize=10)
    page.insert_text((108, 735), "(above) and test phase (below).", fontname="tiro", fontsize=10)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[1] <= 578 and figure.bbox[2] >= 440 and figure.bbox[3] >= 689, \
        figure.bbox


def test_a_panel_of_the_figure_above_flush_left_with_its_subcaption_is_not_a_row(tmp_path):
    # PVLDB 2019: Figure 11, three plots side by side with two-line subcaptions in prose under each
    # and a short "Figure 11" centred under them; 32 pt under the left subcaption, Figure 12's three
    # plots, their axis titles at the page's margin as Figure 11's are. Figure 12's left plot,
    # flush left with Figure 11's, took it in as a row of its own drawing, across Figure 11.
    # (Here "Figure 11" alone is read as no caption, so the crop may reach its line; the plots and
    # subcaptions over it are what must stay out.)
    doc = pymupdf.open()
    page = _page(doc)
    xs = ((84, 214), (254, 385), (424, 556))
    for k, (x0, x1) in enumerate(xs):
        _plot(page, x0, x1, 60, 140, "Time (m)")
        page.insert_text((x0 - 30, 165), f"({'abc'[k]}) For each engine, the training time taken to",
                         fontname="tiro", fontsize=8)
        page.insert_text((x0 - 30, 175), "match the plans of the optimizer on the dataset.", fontname="tiro", fontsize=8)
    page.insert_text((288, 210), "Figure 11", fontname="tiro", fontsize=9)
    for k, (x0, x1) in enumerate(xs):
        _plot(page, x0, x1, 228, 300, "Latency")
        page.insert_text((x0 - 30, 325), f"({'abc'[k]}) After training on the workload, new queries",
                         fontname="tiro", fontsize=8)
        page.insert_text((x0 - 30, 335), "are introduced and their latency is measured.", fontname="tiro", fontsize=8)
    page.insert_text((119, 360), "Figure 12: Robustness and accuracy of the value network after training.",
                     fontname="tiro", fontsize=9)
    _lines(page, 54, 556, 390, 20)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "12"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[1] > 180 and figure.bbox[2] >= 550, figure.bbox
