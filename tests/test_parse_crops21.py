"""Float crops (issue 14, item 5), the fourteenth split's: floats set close together clustered into
one box, a table's rules touching white paint, an axis's name over its arrow, a panel's caption of
two sentences, a spanning label over a table's head, lists in small type beside images. Pages drawn
with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return paper, {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A plot's frame and a curve in it."""
    page.draw_rect((x0, y0, x1, y1), color=(0, 0, 0), width=0.6)
    page.draw_polyline([(x0 + 5, y1 - 5), ((x0 + x1) / 2, y0 + 20), (x1 - 5, y0 + 10)], color=(0.8, 0, 0), width=1)


def _image(page, rect) -> None:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    pix.clear_with(90)
    page.insert_image(rect, pixmap=pix)


def test_floats_clustered_into_one_box_are_cut_apart_at_a_caption_in_it(tmp_path):
    # ICML 2018: a table ruled in a grid across the page, a plot 6 pt under it in the left column
    # (its caption under it), and two images level with the plot in the right column, their caption
    # under them. The plot came within the clusters' reach of the table, the box so grown took in
    # the images: one box held all three floats and the images' caption; the table and the images
    # had no crop, the plot's crop held them all.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((110, 72), "Table 2. Comparison of validation accuracy under different noise fractions.",
                     fontname="tiro", fontsize=9)
    top, bottom = 76.0, 196.0
    for y in (top, 110.0, bottom):
        _rule(page, 84, 510, y)
    for x in (84, 157, 245, 333, 421, 510):
        page.draw_line((x, top), (x, bottom), color=(0, 0, 0), width=0.4)
    for k, y in enumerate(range(90, 195, 12)):
        for x in (90, 170, 260, 350, 440):
            page.insert_text((x, y), f"0.{40 + k}{x % 7}", fontname="tiro", fontsize=9)
    page.draw_rect((90, 199, 254, 280), color=None, fill=(1, 1, 1))  # the plot's white ground
    _plot(page, 110, 202, 250, 266)
    for k, y in enumerate((203, 226, 246)):
        # (tick labels left of the frame, on the ground)
        page.insert_text((100, y), f"0.{9 - k}", fontname="helv", fontsize=5)
    _plot(page, 108, 300, 248, 370)
    page.insert_text((55, 402), "Figure 3. Error of resnet trained on CIFAR-100 of 40% noise.", fontname="tiro", fontsize=9)
    page.insert_text((307, 214), "and MentorNet optimizes an underlying robust objective.", fontname="tiro", fontsize=10)
    _image(page, (315, 228, 428, 315))
    _image(page, (426, 228, 538, 315))
    page.insert_text((307, 338), "Figure 4. The data-driven curriculums learned by MentorNet.", fontname="tiro", fontsize=9)
    _lines(page, 307, 540, 370, 20)
    _lines(page, 55, 290, 430, 20)
    floats = _parse(doc, tmp_path)[1]
    table, plot, images = floats[("table", "2")].bbox, floats[("figure", "3")].bbox, floats[("figure", "4")].bbox
    assert table is not None and table[1] <= 77 and 195 <= table[3] <= 250, table
    assert plot is not None and plot[0] >= 90 and plot[1] >= 196 and plot[2] <= 260 and plot[3] >= 369, plot
    assert images is not None and images[0] >= 300 and images[1] >= 200 and images[2] >= 537, images


def test_a_tables_top_rule_under_white_paint_still_stacks_with_its_rules(tmp_path):
    # Elsevier: a white band painted right over the table's top rule. Touching it, the rule was
    # taken for a drawing's edge, the table's other rules were left lone hairlines and the crop
    # ended under the head row.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((57, 80), "Table 2", fontname="hebo", fontsize=8)
    page.insert_text((57, 92), "Performance comparison of different evaluation methods.", fontname="tiro", fontsize=8)
    page.draw_rect((57, 96.7, 300, 100), color=None, fill=(1, 1, 1))
    page.draw_rect((57, 100, 300, 100.45), color=None, fill=(0, 0, 0))
    page.insert_text((70, 110), "Model", fontname="tiro", fontsize=8)
    for x, head in ((150, "SROCC"), (200, "KROCC"), (260, "PLCC")):
        page.insert_text((x, 110), head, fontname="tiro", fontsize=8)
    page.draw_rect((57, 112.3, 140, 112.8), color=None, fill=(0, 0, 0))
    page.draw_rect((144, 112.3, 300, 112.8), color=None, fill=(0, 0, 0))
    for k, y in enumerate(range(124, 184, 8)):
        page.insert_text((70, y), f"Method {k}", fontname="tiro", fontsize=8)
        for x in (150, 200, 260):
            page.insert_text((x, y), f"0.9{k}{x % 9}", fontname="tiro", fontsize=8)
    page.draw_rect((57, 186.8, 300, 187.3), color=None, fill=(0, 0, 0))
    _lines(page, 57, 300, 210, 30, size=9)
    box = _parse(doc, tmp_path)[1][("table", "2")].bbox
    assert box is not None and box[1] <= 101 and box[3] >= 186.5, box


def test_an_axis_name_over_the_end_of_its_arrow_is_the_figures(tmp_path):
    # DSN 2002: "TIME" set 3 pt over a timeline's arrow down the left of a protocol diagram,
    # reaching left of the arrow. The arrow alone is too thin for a label's drawing, and the name
    # stayed text, the crop cut 4 pt short of it.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 290, 80, 30)
    page.insert_text((327, 88), "TIME", fontname="tiro", fontsize=8.5)
    page.draw_line((336, 93.5), (336, 245), color=(0, 0, 0), width=0.5)
    page.draw_polyline([(334.5, 242), (336, 247), (337.5, 242)], color=(0, 0, 0), width=0.4, closePath=True)
    for x in (420, 466, 500):
        page.draw_line((x, 95), (x, 243), color=(0, 0, 0), width=0.3)
    page.draw_line((420, 110), (466, 125), color=(0, 0, 0), width=0.5)
    page.draw_line((466, 140), (420, 155), color=(0, 0, 0), width=0.5)
    page.insert_text((383, 106), "choose random", fontname="tiro", fontsize=7)
    page.insert_text((321, 266), "Figure 1. SWIM failure detection: example protocol period.", fontname="helv", fontsize=8)
    _lines(page, 320, 540, 300, 20)
    box = _parse(doc, tmp_path)[1][("figure", "1")].bbox
    assert box is not None and box[0] <= 328 and box[1] <= 82, box


def test_a_panels_caption_goes_on_past_a_sentence_ended_at_its_rows_end(tmp_path):
    # DSN 2002: three plots stacked in a column, each with its own caption of full justified rows;
    # the middle one's second row ends a sentence ("... SWIM+Inf.+Susp.") and the next opens
    # another. The caption was taken as far as that row, its last two rows stayed text between
    # the panels, and set the panels apart: the figure's crop held the last plot alone.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 320, 540, 80, 50)
    _plot(page, 95, 80, 245, 175)
    y = 192
    for text in ("(a) Variation with group size of time to first detec-", "tion of a process failure, with means obtained in",
                 "the shown intervals for the three protocols here."):
        page.insert_text((89, y), text, fontname="tiro", fontsize=8)
        y += 12
    _plot(page, 95, 235, 245, 330)
    # (the rows justified: the first and the second end at one edge, 247.5 pt)
    page.insert_text((89, 347), "(b) The latency of spread of Infection through the", fontname="tiro", fontsize=8)
    page.insert_text((89, 359), "group in SWIM+Inf.", fontname="tiro", fontsize=8)
    page.insert_text((174.3, 359), "and SWIM+Inf.+Susp.", fontname="tiro", fontsize=8)
    page.insert_text((89, 371), "Points shown correspond to first receipt times of", fontname="tiro", fontsize=8)
    page.insert_text((89, 383), "infection at different group members.", fontname="tiro", fontsize=8)
    _plot(page, 95, 390, 245, 485)
    page.insert_text((89, 502), "(c) Suspicion time-out used in the protocol.", fontname="tiro", fontsize=8)
    page.insert_text((62, 525), "Figure 3. Detection and Dissemination Time of membership updates.", fontname="helv", fontsize=8)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "3")].bbox
    assert box is not None and box[1] <= 81 and box[3] >= 500, box
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "receipt times" not in text


def test_a_bold_spanning_label_over_a_tables_head_is_the_tables(tmp_path):
    # ICLR 2016: "CIFAR Test Error (and Std.)" in 9 pt bold over the head row "Model / Standard
    # Dropout / MC Dropout" in 10 pt bold, no rule over either, the table captioned under it. A
    # row of one cell was no head row, and it stood 0.61 of its height over the head: the crop
    # began at the head row.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 60, 6)
    # (8.6 pt over the head row's line box: past the 8 pt a label may stand off a drawing, under
    # 0.75 of the label's own height, 12.4 pt)
    page.insert_text((292, 137.9), "CIFAR Test Error (and Std.)", fontname="tibo", fontsize=9)
    for x, head in ((212, "Model"), (273, "Standard Dropout"), (364, "MC Dropout")):
        page.insert_text((x, 160), head, fontname="tibo", fontsize=10)
    _rule(page, 185, 427, 163)
    for k, (name, y) in enumerate((("NIN", 174), ("DSN", 188), ("Augmented-DSN", 202))):
        page.insert_text((192, y), name, fontname="tiro", fontsize=10)
        page.insert_text((300, y), f"10.4{k}", fontname="tiro", fontsize=10)
        page.insert_text((365, y), f"10.2{k} + 0.05", fontname="tiro", fontsize=10)
    _rule(page, 185, 427, 206)
    page.insert_text((108, 224), "Table 1: Test error on CIFAR-10 with the same networks evaluated two ways.",
                     fontname="tiro", fontsize=10)
    _lines(page, 108, 504, 250, 20)
    box = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert box is not None and box[1] <= 130 and box[3] >= 205, box


def test_lists_in_small_type_beside_images_are_the_figures(tmp_path):
    # NIPS 2013: a grid of images in two columns, each image with two lists of labels in 4.6 pt
    # typewriter type right of it, the lists' heads over them, the caption under the grid across
    # the text's width. The crop held the images and what lay between them: the right column's
    # lists and the heads were cut off.
    doc = pymupdf.open()
    page = _page(doc)
    for x in (108, 314):
        page.insert_text((x + 50, 88), "Our model", fontname="helv", fontsize=5.3)
        page.insert_text((x + 100, 88), "Softmax over ImageNet 1K", fontname="helv", fontsize=5.3)
        for k, y in enumerate((90, 124, 158)):
            _image(page, (x, y, x + 32, y + 31))
            for j in range(5):
                page.insert_text((x + 42, y + 6 + 5.3 * j), f"label {k}{j}, synonym", fontname="cour", fontsize=4.6)
                page.insert_text((x + 100, y + 6 + 5.3 * j), f"other {k}{j}, guess", fontname="cour", fontsize=4.6)
    page.insert_text((108, 210), "Figure 2: For each image, the top 5 zero-shot predictions of the model from the label set and",
                     fontname="tiro", fontsize=9)
    page.insert_text((108, 221), "the softmax baseline model, both trained on the same labels, ordered by decreasing score, with the correct ones",
                     fontname="tiro", fontsize=9)
    page.insert_text((108, 232), "in bold.", fontname="tiro", fontsize=9)
    _lines(page, 108, 504, 250, 30)
    box = _parse(doc, tmp_path)[1][("figure", "2")].bbox
    assert box is not None and box[1] <= 84 and box[2] >= 477, box


def test_a_panels_caption_in_rows_set_loosely_goes_on(tmp_path):
    # DSN 2002 printed anew (pdftocairo): the fonts tell 7 pt for the panels' 8 pt captions, their
    # rows 12 pt apart, more than 1.6 of the size told. The caption's second row was no next row
    # of it: it stayed text between the panels, and the figure's crop held the last panel alone.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 320, 540, 80, 50)
    _plot(page, 95, 80, 245, 175)
    page.insert_text((89, 188), "(a) Latency of spread of Infection through the", fontname="tiro", fontsize=7)
    page.insert_text((89, 200), "group: points show the first receipt times of", fontname="tiro", fontsize=7)
    page.insert_text((89, 212), "infection at different group members here.", fontname="tiro", fontsize=7)
    _plot(page, 95, 219, 245, 314)
    page.insert_text((89, 326), "(b) Suspicion time-out used in the protocol.", fontname="tiro", fontsize=7)
    page.insert_text((62, 350), "Figure 3. Detection and Dissemination Time of membership updates.", fontname="helv", fontsize=8)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "3")].bbox
    assert box is not None and box[1] <= 81 and box[3] >= 326, box
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "receipt times" not in text


def test_floats_cut_apart_beside_a_caption_not_through_it(tmp_path):
    # NIPS 2005: a plot in the left half, its caption under it, and a table ruled in a grid right of
    # it, its bottom rule alone 22 pt under its last ruled row: one drawing with two captions, each
    # float its own part of it. (A guard for the cut at a caption: on the paper the widest band of
    # white ran under the plot through its caption, and the table lost its bottom rule; this page
    # does not reach that far, its box ends over the caption.)
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 16)
    page.insert_text((312, 300), "Table 1. AUC score on graphs of different sizes.", fontname="tiro", fontsize=9)
    _plot(page, 117, 307, 295, 462)
    page.insert_text((126, 474), "Figure 3: ROC curves of the simulations.", fontname="tiro", fontsize=9)
    for y in (307, 330, 352, 380, 408, 436, 454):
        _rule(page, 301, 486, y)
    for x in (301, 400, 486):
        page.draw_line((x, 307), (x, 454), color=(0, 0, 0), width=0.4)
    for k, y in enumerate((322, 345, 372, 400, 428, 448)):
        page.insert_text((310, y), f"graph {k}", fontname="tiro", fontsize=9)
        page.insert_text((420, y), f"0.8{k}", fontname="tiro", fontsize=9)
    _rule(page, 301, 486, 484)
    _lines(page, 72, 540, 510, 16)
    floats = _parse(doc, tmp_path)[1]
    plot, table = floats[("figure", "3")].bbox, floats[("table", "1")].bbox
    assert plot is not None and plot[0] <= 118 and plot[1] <= 308 and plot[2] <= 300 and plot[3] >= 461, plot
    assert table is not None and table[0] >= 285 and table[2] >= 485 and table[3] >= 453, table


def test_a_float_ruled_over_and_under_with_its_caption_stays_whole(tmp_path):
    # A Word preprint (TICS 2006): a rule across the text over a diagram and one under its caption,
    # the caption between diagram and rule, in the open in the drawing's box as another float's
    # would stand. On the paper, cut apart there, the figure's crop was the rule under its caption;
    # here the cut leaves the rule a lone hairline, and the test guards the frame's crop only.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 60, 1)
    _rule(page, 84, 528, 72)
    _plot(page, 96, 80, 330, 216)
    page.insert_text((90, 254), "Figure 3. Expectation-Maximization in a mixture model of two components.",
                     fontname="tiro", fontsize=9)
    _rule(page, 84, 528, 320)
    _lines(page, 72, 540, 340, 30)
    box = _parse(doc, tmp_path)[1][("figure", "3")].bbox
    assert box is not None and box[1] <= 81 and box[3] >= 215 and box[0] <= 97, box


def _caption(x0: float, y0: float, x1: float, y1: float, text: str):
    from paperkit.reading.parse import Line

    return Line(0, x0, y0, x1, y1, text, 9, False, False, 0, base=y1 - 2)


def test_the_cut_at_a_caption_never_runs_through_the_caption():
    # The two guards of `_split_at_captions`, on the marks themselves (the pages above do not reach
    # them): a plot on the left with its caption under it, a ruled table on the right and a lone
    # rule of it 100 pt further down. The widest band of white runs across the box through the
    # caption's line; the cut is the narrower band between plot and table.
    from paperkit.reading.parse import _split_at_captions

    plot = [(100, 80, 290, 200)]
    table = [(310, 80, 500, 80.4), (310, 140, 500, 140.4), (310, 199.6, 500, 200), (310, 80, 310.4, 200),
             (499.6, 80, 500, 200), (310, 299.8, 500, 300.2)]
    caption = _caption(110, 240, 280, 252, "Figure 3: ROC curves of the simulations.")
    parts = _split_at_captions((100, 80, 500, 300.2), plot + table, [caption])
    assert sorted(parts) == [(100, 80, 290, 200), (310, 80, 500, 300.2)], parts


def test_a_float_ruled_over_and_under_with_its_caption_is_not_cut():
    # A rule over the diagram and one under its caption, both across the box: one float, its
    # caption in the open between them. Cut at the widest band, the rule under the caption went
    # as a lone hairline and the crop lost the caption's frame.
    from paperkit.reading.parse import _split_at_captions

    marks = [(84, 71.8, 528, 72.2), (96, 80, 330, 216), (84, 319.8, 528, 320.2)]
    caption = _caption(90, 246, 500, 256, "Figure 3. Expectation-Maximization in a mixture model.")
    box = (84, 71.8, 528, 320.2)
    assert _split_at_captions(box, marks, [caption]) == [box]
