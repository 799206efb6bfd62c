"""Float crops and float detection (issue 14), the seventeenth split's: a caption whose label has no
separator (Nature Portfolio); captions paired with their graphics (two plots whose white grounds
reach into their captions, a row of images under a table's caption, a caption left with nothing,
a kind's captions all on one side); a table of rows ruled far apart; a framed legend under a wide
chart. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops21 import _image, _parse, _plot  # noqa: E402


def test_a_label_without_separator_in_small_type_by_its_graphic_is_a_caption(tmp_path):
    # Communications Medicine: "Fig. 1 National-level comparison between ..." in 8 pt under its
    # plots, the label in a bold face the font's name does not tell, no full stop or colon after
    # the number. No caption was found: the paper had no figures at all.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 60, 550, 80, 6)
    _plot(page, 70, 160, 300, 330)
    _plot(page, 310, 160, 540, 330)
    page.insert_text((60, 348), "Fig. 1 National-level comparison between the inferred reproduction number and",
                     fontname="hebo", fontsize=8)
    page.insert_text((60, 358), "multiple predictors. a inferred reproduction number from national data.",
                     fontname="helv", fontsize=8)
    _lines(page, 60, 550, 390, 20)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None and figure.caption.startswith("National-level comparison"), paper.figures
    assert figure.bbox is not None and figure.bbox[0] <= 71 and figure.bbox[1] <= 161 and \
        figure.bbox[2] >= 539 and figure.bbox[3] >= 329 and figure.bbox[3] < 345, figure.bbox


def test_a_sentence_in_body_type_naming_a_float_is_no_caption(tmp_path):
    # The same label with no separator, set in the body's type under a plot: running text, no caption.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 60, 550, 80, 6)
    _plot(page, 70, 160, 300, 330)
    page.insert_text((60, 350), "Figure 2 Shows how the workers read their input split and write pairs to disks",
                     fontname="tiro", fontsize=10)
    _lines(page, 60, 550, 362, 20)
    paper, floats = _parse(doc, tmp_path)
    assert ("figure", "2") not in floats, paper.figures


def test_two_plots_whose_white_grounds_reach_into_their_captions_keep_their_own(tmp_path):
    # NeurIPS 2023: two plots side by side, each over its own caption, each plot's white ground
    # reaching half a line into its caption's first line. Not above the captions by the reckoning
    # of a line's slack, each plot was taken for the other caption's side graphic: Figure 3 got
    # Figure 4's plot and Figure 4 Figure 3's.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 80, 4)
    for x0, x1 in ((107, 306), (319, 502)):
        page.draw_rect((x0, 130, x1, 238), color=None, fill=(1, 1, 1))
        _plot(page, x0 + 20, 135, x1 - 5, 222)
    page.insert_text((108, 241), "Figure 3: In-context learning accuracy on the graph in a", fontname="tiro", fontsize=10)
    page.insert_text((108, 253), "four-way setting against the number of examples.", fontname="tiro", fontsize=10)
    page.insert_text((320, 241), "Figure 4: With more training steps and data the model", fontname="tiro", fontsize=10)
    page.insert_text((320, 253), "keeps improving while the baseline saturates.", fontname="tiro", fontsize=10)
    _lines(page, 108, 504, 280, 25)
    floats = _parse(doc, tmp_path)[1]
    left, right = floats[("figure", "3")].bbox, floats[("figure", "4")].bbox
    assert left is not None and left[0] < 140 and left[2] < 312, left
    assert right is not None and right[0] > 312 and right[2] > 490, right


def test_a_table_captioned_under_itself_leaves_the_row_of_images_under_its_caption(tmp_path):
    # NIPS 2016: a schematic left (its caption under it) and a table right, captioned under it;
    # under both a row of four images, "Figure 3:" under the whole row. The table's caption, 13 pt
    # over two of the images and 30 pt under its table, took the images: the table's crop was two
    # images and Figure 3's crop lost them.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect((150, 75, 269, 182), color=(0, 0, 0), width=0.6)
    page.draw_line((160, 100), (260, 160), color=(0, 0, 0), width=0.6)
    page.insert_text((113, 201), "Figure 2: Detailed schematic of the progressive", fontname="tiro", fontsize=9)
    page.insert_text((113, 212), "recurrent network architecture.", fontname="tiro", fontsize=9)
    for y in (72, 98, 163):
        _rule(page, 319, 496, y)
    for k, y in enumerate(range(90, 160, 12)):
        if y < 98:
            continue
        for x in (322, 380, 430, 470):
            page.insert_text((x, y + 4), f"{12 + k}{x % 7}", fontname="tiro", fontsize=9)
    page.insert_text((324, 88), "feedforward recurrent", fontname="tiro", fontsize=9)
    page.insert_text((316, 201), "Table 1: Network sizes for wide columns", fontname="tiro", fontsize=9)
    page.insert_text((316, 212), "and narrow columns; all networks share", fontname="tiro", fontsize=9)
    page.insert_text((316, 223), "the first convolutional layer.", fontname="tiro", fontsize=9)
    page.insert_text((316, 234), "The totals include lateral connections.", fontname="tiro", fontsize=9)
    page.insert_text((316, 245), "They are counted per column.", fontname="tiro", fontsize=9)
    for x0 in (109, 210, 311, 412):
        _image(page, (x0, 264, x0 + 91, 355))
    page.insert_text((108, 374), "Figure 3: Sample images from the real camera input image and the rendered image. Though a more",
                     fontname="tiro", fontsize=9)
    page.insert_text((108, 385), "realistic model could have been used, the blocky model was used to speed up the rendering.",
                     fontname="tiro", fontsize=9)
    _lines(page, 108, 504, 420, 20)
    floats = _parse(doc, tmp_path)[1]
    table, images = floats[("table", "1")].bbox, floats[("figure", "3")].bbox
    assert table is not None and table[1] < 75 and table[3] < 190, table
    assert images is not None and images[0] < 112 and images[2] > 500 and images[1] > 255, images


def _small_table(page, x0: float, x1: float, y0: float, rows: int) -> float:
    for y in (y0, y0 + 12, y0 + 12 + 10 * rows):
        _rule(page, x0, x1, y)
    page.insert_text((x0 + 3, y0 + 9), "Method  Score  Time", fontname="tiro", fontsize=8)
    for k in range(rows):
        page.insert_text((x0 + 3, y0 + 21 + 10 * k), f"row{k}  0.{50 + k}  {k + 3}.0", fontname="tiro", fontsize=8)
    return y0 + 12 + 10 * rows


def test_a_caption_left_without_a_graphic_takes_its_own_back(tmp_path):
    # acmart: the paper's tables captioned under them, but on one page Table 3's caption over its
    # wide table and, 16 pt under that table, Table 4's caption over its small table 13 pt under
    # it. Table 4's caption took Table 3 (on its kind's usual side, nearer than its own with the
    # unusual side's handicap); Table 3 had nothing: no crop for it, Table 4's crop was Table 3.
    doc = pymupdf.open()
    page = _page(doc)
    for n, y in ((1, 80), (2, 300)):
        bottom = _small_table(page, 120, 490, y, 5)
        page.insert_text((110, bottom + 14), f"Table {n}: Prototype baseline evaluation number {n}.",
                         fontname="tiro", fontsize=9)
    _lines(page, 54, 558, 520, 15)
    page = _page(doc)
    page.insert_text((181, 92), "Table 3: Comparison of related approaches by control layer", fontname="tiro", fontsize=9)
    bottom = _small_table(page, 56, 556, 107, 12)
    page.insert_text((54, bottom + 24), "Table 4: Minimal baseline comparison by", fontname="tiro", fontsize=9)
    page.insert_text((54, bottom + 35), "enforcement invariant.", fontname="tiro", fontsize=9)
    small = _small_table(page, 54, 294, bottom + 49, 3)
    _lines(page, 54, 294, small + 30, 20)
    _lines(page, 318, 558, bottom + 30, 25)
    floats = _parse(doc, tmp_path)[1]
    wide, narrow = floats[("table", "3")].bbox, floats[("table", "4")].bbox
    assert wide is not None and wide[1] < 110 and wide[2] > 550 and wide[3] < bottom + 5, wide
    assert narrow is not None and narrow[1] > bottom + 40 and narrow[2] < 300, narrow


_ROW = "Original: Jenny goes to the florist to buy some flowers and pays for them at the counter"


def test_a_caption_on_its_kinds_usual_side_keeps_its_table_over_a_nearer_drawing(tmp_path):
    # ACL: every table captioned under it; one caption 58 pt under its table's last ruled rows and
    # 26 pt over a plot in the right column below. With the unusual side's 15 pt handicap the plot
    # was nearer: the table's crop was the plot.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    for n, y in ((1, 80), (2, 330), (3, 580)):
        bottom = _small_table(page, 120, 480, y, 6)
        page.insert_text((110, bottom + 16), f"Table {n}: Results of the baseline on split number {n}.",
                         fontname="tiro", fontsize=10)
    page = _page(doc, 595, 842)
    for y in (70.9, 80.3, 154.3, 209.8):
        _rule(page, 70.7, 524.5, y)
    page.insert_text((75, 78), "Problem  Source  Label  SR", fontname="hebo", fontsize=7.5)
    for y in range(90, 150, 9):
        page.insert_text((75, y), "GSM8K  0.8  0.25  " + str(y), fontname="tiro", fontsize=7.5)
    for y in range(165, 205, 9):
        page.insert_text((75, y), "MMLU  0.35  0.4  " + str(y), fontname="tiro", fontsize=7.5)
    for y in range(220, 262, 9):
        page.insert_text((75, y), _ROW, fontname="tiro", fontsize=7.5)  # (prose: rows the rules do not take in)
    page.insert_text((70, 277), "Table 10: Qualitative examples where paraphrased surface forms of the original",
                     fontname="tiro", fontsize=10)
    page.insert_text((70, 289), "problems can also exhibit solve rate degradation.", fontname="tiro", fontsize=10)
    _plot(page, 306, 318, 524, 600)
    _lines(page, 70, 290, 330, 25, size=11)
    box = _parse(doc, tmp_path)[1][("table", "10")].bbox
    assert box is not None and box[1] <= 72 and box[3] < 300, box


def _ruled_rows(page, x0: float, x1: float, rules: list[float]) -> None:
    """A table of examples: full rules at `rules`, rows of prose in 7.5 pt between them."""
    for y in rules:
        _rule(page, x0, x1, y)
    page.insert_text((x0 + 4, rules[0] + 7), "Problem  Source  Label  SR", fontname="hebo", fontsize=7.5)
    for top, bottom in zip(rules[1:], rules[2:]):
        y = top + 8
        while y < bottom - 2:
            page.insert_text((x0 + 4, y), _ROW, fontname="tiro", fontsize=7.5)
            y += 9


def test_a_table_of_rows_ruled_far_apart_is_cropped_whole(tmp_path):
    # ACL: a table of examples across the page, rules between its rows of prose in 7.5 pt, too far
    # apart to be joined into one drawing: the crop held the rows between two of its rules only.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    _ruled_rows(page, 70.7, 524.5, [70.9, 80.3, 154.3, 209.8, 237.8, 302.5])
    page.insert_text((70, 322), "Table 6: Qualitative examples where the original problems and corresponding surface",
                     fontname="tiro", fontsize=11)
    page.insert_text((70, 335), "form variations exhibit substantial solve rate difference.", fontname="tiro", fontsize=11)
    _lines(page, 70, 290, 370, 25, size=11)
    _lines(page, 306, 525, 370, 25, size=11)
    box = _parse(doc, tmp_path)[1][("table", "6")].bbox
    assert box is not None and box[1] <= 72 and box[3] >= 301 and box[3] < 310, box


def test_a_framed_legend_of_two_rows_under_a_wide_chart_takes_the_chart(tmp_path):
    # acmart: a bar chart across the page, its framed legend of two rows (38 pt high, a third of the
    # chart's width) 8 pt under it, the caption under the legend. Only a legend strip under 20 pt
    # took the chart over it: the crop was the legend alone.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 54, 558, 80, 10)
    page.draw_line((80, 370), (540, 370), color=(0, 0, 0), width=0.5)
    page.draw_line((80, 230), (80, 370), color=(0, 0, 0), width=0.5)
    for k, x in enumerate(range(100, 520, 40)):
        page.draw_rect((x, 370 - 12 * (k % 5 + 1), x + 14, 370), color=(0, 0, 0), fill=(0.2, 0.3, 0.8), width=0.3)
    page.draw_rect((243, 386, 393, 424), color=(1, 0, 0), width=0.6)
    for row, y in enumerate((398, 414)):
        for col, x in enumerate((250, 300, 350)):
            page.draw_rect((x, y - 6, x + 5, y), color=None, fill=(0.2 * col, 0.3, 0.5 + 0.2 * row))
            page.insert_text((x + 8, y), f"T{col} p{50 + 45 * row}", fontname="helv", fontsize=7)
    page.insert_text((170, 445), "Figure 1: Latency components vs. state digest size (single machine).",
                     fontname="tiro", fontsize=9)
    _lines(page, 54, 558, 480, 20)
    box = _parse(doc, tmp_path)[1][("figure", "1")].bbox
    assert box is not None and box[0] < 85 and box[1] < 235 and box[2] > 530 and box[3] > 420, box
