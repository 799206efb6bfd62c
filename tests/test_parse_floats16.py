"""Floats and their crops (issue 14), the eleventh split's: floats numbered by section with a
hyphen, a frame round a float and its caption, a row of labels over a caption, a column rule in a
wide gutter, labels right at a diagram's edge (in typewriter type too), an axis title reaching into
the caption's first line, a caption running on under a second panel, a table's ruled parts with a
wrapped row between them, a legend saved as an image of its own over a plot. Pages drawn with
PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _parse, _rule


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A framed plot with a curve in it."""
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.6)
    points = [(x0 + (x1 - x0) * k / 10, y1 - (y1 - y0) * (k / 10) ** 2) for k in range(11)]
    for a, b in zip(points, points[1:]):
        page.draw_line(a, b, color=(0.8, 0, 0), width=1)


def _image(page, rect: pymupdf.Rect, colour=(40, 90, 200)) -> None:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 40), False)
    pix.set_rect(pix.irect, colour)
    page.insert_image(rect, pixmap=pix, keep_proportion=False)


def test_floats_numbered_by_section_with_a_hyphen_are_two(tmp_path):
    # A 1991 report numbers its figures within each section: "Figure 5-1: The Andrew Benchmark",
    # "Figure 5-2: Nhfsstone Benchmark". The label was read as "Figure 5" with "1: The Andrew
    # ..." for its caption: both floats were figure 5, and one was lost.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 8)
    _plot(page, 100, 200, 280, 320)
    page.insert_text((100, 340), "Figure 5-1: The Andrew Benchmark", fontname="tiro", fontsize=10)
    _plot(page, 330, 200, 510, 320)
    page.insert_text((330, 340), "Figure 5-2: Nhfsstone Benchmark with One Group.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 380, 10)
    floats = _parse(doc, tmp_path)
    assert ("figure", "5-1") in floats and ("figure", "5-2") in floats, sorted(floats)
    assert floats[("figure", "5-2")].caption.startswith("Nhfsstone"), floats[("figure", "5-2")].caption
    assert floats[("figure", "5-2")].bbox[0] >= 320, floats[("figure", "5-2")].bbox


def test_a_frame_round_a_float_and_its_caption_is_no_part_of_the_crop(tmp_path):
    # A review journal sets each figure in a frame the text's width, its caption inside under the
    # drawing, the frame's sides drawn a piece per caption line. The crop was the frame, caption
    # cut off: 440 pt wide for a drawing 230 pt wide.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 90, 522, 80, 6)
    top, foot = 160.0, 430.0
    page.draw_rect(pymupdf.Rect(84, top, 528, top + 0.5), color=None, fill=(0, 0, 0))
    page.draw_rect(pymupdf.Rect(84, foot, 528, foot + 0.5), color=None, fill=(0, 0, 0))
    page.draw_rect(pymupdf.Rect(84, top, 84.4, 360), color=None, fill=(0, 0, 0))
    page.draw_rect(pymupdf.Rect(527.6, top, 528, 360), color=None, fill=(0, 0, 0))
    y = 360.0
    while y < foot:
        page.draw_rect(pymupdf.Rect(84, y, 84.4, y + 9), color=None, fill=(0, 0, 0))
        page.draw_rect(pymupdf.Rect(527.6, y, 528, y + 9), color=None, fill=(0, 0, 0))
        y += 9
    _plot(page, 100, 175, 330, 340)
    page.insert_text((90, 375), "Figure 2. Directed graphical model showing the dependencies among the variables",
                     fontname="helv", fontsize=7)
    page.insert_text((90, 384), "in the example discussed in the text, and the arrows between them.",
                     fontname="helv", fontsize=7)
    _lines(page, 90, 522, 460, 12)
    box = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert box is not None
    # (PyMuPDF's marks take a stroke's box 10 line widths wide round its ends: the curve's reach
    # 10 pt past the plot's frame)
    assert box[0] >= 88 and box[2] <= 345 and box[1] >= 160 and box[3] <= 355, box


def test_a_caption_under_a_row_of_labels_opens_its_own_block(tmp_path):
    # BMVC: three photographs, a date under each ("Mar. 14   June 25   Aug. 12"), then "Figure 1:
    # Examples of ..." at the body's pitch. The dates and the caption were one block opening
    # "June 25 Aug. 12 Figure 1:": no caption, and the figure was lost.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 10)
    for x in (80, 250, 420):
        _image(page, pymupdf.Rect(x, 220, x + 110, 294))  # (the dates 6 pt under them)
    page.insert_text((110, 309), "Mar. 14", fontname="tiro", fontsize=10)
    page.insert_text((280, 309), "June 25", fontname="tiro", fontsize=10)
    page.insert_text((450, 309), "Aug. 12", fontname="tiro", fontsize=10)
    page.insert_text((72, 321), "Figure 1: Examples of variation in appearance of a section of the lake shore from winter",
                     fontname="tiro", fontsize=10)
    page.insert_text((72, 333), "to summer, as the seasons change the vegetation.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 370, 10)
    floats = _parse(doc, tmp_path)
    assert ("figure", "1") in floats, sorted(floats)
    assert floats[("figure", "1")].caption.startswith("Examples"), floats[("figure", "1")].caption


def test_a_column_rule_in_a_wide_gutter_is_no_part_of_a_table(tmp_path):
    # A journal's 36 pt gutter holds a rule in its middle, 17 pt from the text either side, drawn
    # down the page behind the table set across both columns under the text. The rule was taken
    # for a drawing, joined with the table's rules: the table's crop reached up to the page's top.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 63, 288, 90, 14)
    _lines(page, 324, 549, 90, 14)
    page.draw_rect(pymupdf.Rect(304.8, 80.9, 306, 692.6), color=None, fill=(0, 0, 0))
    page.draw_rect(pymupdf.Rect(63, 266, 549, 692.6), color=None, fill=(1, 1, 1))
    page.insert_text((156, 300), "TABLE 1. THE CONVERSATIONAL DIALOGUES BETWEEN TWO CHATBOTS", fontname="tiro", fontsize=8)
    y = 315.0
    for k in range(12):
        _rule(page, 63, 549, y, 1.2)
        page.insert_text((130, y + 14), f"Chatbot{k % 2 + 1}", fontname="tiro", fontsize=9)
        page.insert_text((380, y + 14), f"Reply number {k}", fontname="tiro", fontsize=9)
        y += 22
    _rule(page, 63, 549, y, 1.2)
    page.draw_line((63, 315), (63, y), color=(0, 0, 0), width=1.2)
    page.draw_line((549, 315), (549, y), color=(0, 0, 0), width=1.2)
    page.draw_line((245, 315), (245, y), color=(0, 0, 0), width=1.2)
    box = _parse(doc, tmp_path)[("table", "1")].bbox
    assert box is not None
    assert box[1] >= 295 and box[3] <= y + 3, box


def _timelines(page, x0: float, x1: float, y0: float) -> None:
    """A diagram of three dashed timelines with arrows between them, a word in the text's type
    over the middle one."""
    for k in range(3):
        page.draw_line((x0, y0 + 20 + 30 * k), (x1, y0 + 20 + 30 * k), color=(0, 0, 0), width=0.8, dashes="[2] 0")
    for k in range(4):
        x = x0 + 30 + 70 * k
        page.draw_line((x, y0 + 20), (x + 25, y0 + 80), color=(0, 0, 0), width=0.6)
    page.insert_text((x0 + 120, y0 + 46), "master", fontname="tiro", fontsize=10)


def test_a_label_right_beside_a_diagram_is_the_diagrams(tmp_path):
    # OSDI 2006: "OLD MASTER" in 8 pt, 3.5 pt left of the timelines it names. It stood too far off
    # for the 8 pt margin to hold its whole width: the crop cut it off.
    doc = pymupdf.open()
    page = _page(doc)
    _timelines(page, 160, 460, 90)
    page.insert_text((105.5, 117), "OLD MASTER", fontname="tiro", fontsize=8)  # (3 pt off the timelines)
    page.insert_text((190, 200), "Figure 2: The role of the grace period in master fail-over", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 230, 20)
    box = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert box is not None
    assert box[0] <= 106 and box[2] <= 470, box


def test_a_label_over_a_narrow_drawing_and_wider_than_it_is_the_drawings(tmp_path):
    # OSDI 2006: "5 servers of a Chubby cell" 1 pt over the column of circles it names, the label
    # wider than the column: it was taken only when most of its width lay over the drawing.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 297, 80, 30)
    for k in range(5):
        page.draw_circle((466, 96 + 17 * k), 7, color=(0, 0, 0), width=0.1)
    page.draw_rect(pymupdf.Rect(453.7, 85.4, 477.9, 177.6), color=(0, 0, 0), width=0.1, dashes="[2] 0")
    page.insert_text((482, 115), "master", fontname="tiro", fontsize=10)  # (read after the label)
    page.insert_text((462, 100), "m", fontname="tiro", fontsize=10)  # (a circle set as a glyph, in the text's size)
    # (in the text's size here: a label in smaller type by a drawing with no text in it is taken
    # by another rule)
    page.insert_text((420, 83), "5 servers of a Chubby cell", fontname="tiro", fontsize=10)
    page.insert_text((374, 192), "Figure 1: System structure", fontname="tiro", fontsize=10)
    _lines(page, 315, 540, 215, 20)
    box = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert box is not None
    assert box[1] <= 76 and box[2] >= 520, box


def test_a_label_in_typewriter_type_beside_a_diagram_is_the_diagrams(tmp_path):
    # VLDB 2005: "Start / epoch / e+1" in Courier 1.6 pt right of the timelines. A line in
    # typewriter type was kept as code text whatever stood round it: the crop cut the label off.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 10)
    _timelines(page, 81, 500, 220)
    page.insert_text((501.8, 262), "Start", fontname="cour", fontsize=10)
    page.insert_text((501.8, 272), "epoch", fontname="cour", fontsize=10)
    page.insert_text((72, 330), "Figure 3. Illustration showing how the HWM selection algorithm works.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 360, 12)
    box = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert box is not None
    assert box[2] >= 530, box


def test_a_caption_under_a_plot_whose_axis_title_reaches_into_it_takes_the_table_beside(tmp_path):
    # OSDI 2006: a table of numbers (left) and a plot (right) over one caption across the page;
    # the plot's x-axis title reached 3.5 pt into the caption's first line, so the caption was
    # taken for one beside the plot, and the table beside it was left out of the crop.
    doc = pymupdf.open()
    page = _page(doc)
    for k in range(7):
        _rule(page, 80, 295, 82 + 15 * k)
        page.insert_text((84, 93 + 15 * k), f"random reads {k}    1212    593    479", fontname="tiro", fontsize=8)
    _plot(page, 340, 69, 515, 165)
    page.insert_text((390, 186), "Number of tablet servers", fontname="tiro", fontsize=10)
    page.insert_text((72, 192), "Figure 6: Number of 1000-byte values read/written per second. The table shows the rate per",
                     fontname="tiro", fontsize=10)
    page.insert_text((72, 204), "tablet server; the graph shows the aggregate rate.", fontname="tiro", fontsize=10)
    _lines(page, 72, 297, 230, 20)
    _lines(page, 315, 540, 230, 20)
    box = _parse(doc, tmp_path)[("figure", "6")].bbox
    assert box is not None
    assert box[0] <= 81 and box[2] >= 514, box


def test_a_caption_running_on_under_a_second_panel_takes_it(tmp_path):
    # SPIE: "Figure 13. (a) ... (b) ..." under a flowchart and, 80 pt right of it, a filter's grid
    # reaching past the caption's end. The grid stood too far off and outside the caption's
    # width: the crop was the flowchart alone.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 10)
    page.draw_rect(pymupdf.Rect(110, 276, 336, 368), color=(0, 0, 0), width=0.6)
    page.draw_rect(pymupdf.Rect(190, 290, 250, 310), color=(0, 0, 0), width=0.6)
    for k in range(4):
        page.draw_line((416 + 32 * k, 286), (416 + 32 * k, 356), color=(0, 0, 0), width=0.6)
        page.draw_line((416, 286 + 23 * k), (546, 286 + 23 * k), color=(0, 0, 0), width=0.6)
    page.insert_text((130, 382), "Figure 13. (a) The error diffusion algorithm. (b) Error filter identified by Floyd "
                     "and Steinberg.",
                     fontname="tiro", fontsize=9)
    _lines(page, 72, 540, 420, 12)
    box = _parse(doc, tmp_path)[("figure", "13")].bbox
    assert box is not None
    assert box[0] <= 111 and box[2] >= 545, box


def test_a_tables_ruled_parts_with_a_wrapped_row_between_are_one_table(tmp_path):
    # USENIX ATC 2014: booktabs rules, the head and first row joined with the top and middle
    # rules; the first row's wrapped second line (too long to grow that part) then the last rows
    # on the bottom rule, 14 pt apart. Only the bottom part was cropped.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 78, 539, 520, 10)
    _rule(page, 78.2, 538.8, 673.8, 0.5)
    page.insert_text((78.2, 682), "Concern", fontname="tiro", fontsize=8)
    page.insert_text((163.9, 682), "Steps taken to mitigate bias", fontname="tiro", fontsize=8)
    page.insert_text((431, 682), "Materials for review", fontname="tiro", fontsize=8)
    _rule(page, 78.2, 538.8, 685.2, 0.5)
    page.insert_text((78.2, 693.5), "Equal lecture quality", fontname="tiro", fontsize=8)
    page.insert_text((163.9, 693.5), "Same lecturer for both. Paxos lecture based on and improved from exist-",
                     fontname="tiro", fontsize=8)
    page.insert_text((431, 693.5), "videos", fontname="tiro", fontsize=8)
    page.insert_text((163.9, 704.4), "ing materials used in several universities. Paxos lecture is 14% longer.",
                     fontname="tiro", fontsize=8)
    page.insert_text((78.2, 715.4), "Equal quiz difficulty", fontname="tiro", fontsize=8)
    page.insert_text((163.9, 715.4), "Questions grouped in difficulty and paired across exams.", fontname="tiro", fontsize=8)
    page.insert_text((431, 715.4), "quizzes", fontname="tiro", fontsize=8)
    page.insert_text((78.2, 726.3), "Fair grading", fontname="tiro", fontsize=8)
    page.insert_text((163.9, 726.3), "Used rubric. Graded in random order.", fontname="tiro", fontsize=8)
    page.insert_text((431, 726.3), "rubric", fontname="tiro", fontsize=8)
    _rule(page, 78.2, 538.8, 729.5, 0.5)
    page.insert_text((86, 740), "Table 1: Concerns of possible bias against Paxos in the study, steps taken to counter each.",
                     fontname="tiro", fontsize=9)
    box = _parse(doc, tmp_path)[("table", "1")].bbox
    assert box is not None
    assert box[1] <= 676 and box[3] >= 728, box


def test_a_legend_saved_as_an_image_of_its_own_over_a_plot_is_the_figures(tmp_path):
    # A preprint's legend strip, an image of its own the plot's width, 41 pt over the plot's image
    # (the white of both between them), the caption over both. The caption took the strip alone,
    # its nearest graphic: the crop was 9 pt high.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((72, 82), "Figure 2: Top 100 universities in terms of performance in proportions of total open",
                     fontname="tiro", fontsize=10)
    page.insert_text((72, 95), "access for 2017.", fontname="tiro", fontsize=10)
    _image(page, pymupdf.Rect(95.4, 120.4, 516.9, 144.6), (240, 160, 40))
    _image(page, pymupdf.Rect(95.4, 186.1, 516.7, 643.3))
    box = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert box is not None
    assert box[1] <= 121 and box[3] >= 642, box


def test_a_sentence_opening_on_a_hyphenated_float_number_is_text(tmp_path):
    # The same report: "Figure 5-2 show results obtained by running Nhfsstone;" opens a paragraph
    # over the plot. It was read as a caption with the separator "-", and the lines under it as
    # its run: the plot's top tick label "160", right under the paragraph, went with them and the
    # crop began under it.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((324, 100), "Figure 5-2 show results obtained by running Nhfsstone; in this",
                     fontname="tiro", fontsize=10)
    page.insert_text((318, 112), "experiment Harp was running a single replica group and the", fontname="tiro", fontsize=10)
    page.insert_text((318, 124), "load was raised until the server saturated (this is cheap.)", fontname="tiro", fontsize=10)
    page.insert_text((342.7, 134), "160", fontname="tiro", fontsize=9.5)
    _plot(page, 360, 131, 560, 300)
    page.insert_text((318, 330), "Figure 5-2: Nhfsstone Benchmark with One Group.", fontname="tiro", fontsize=10)
    _lines(page, 318, 560, 360, 10)
    _lines(page, 54, 294, 100, 30)
    floats = _parse(doc, tmp_path)
    assert sorted(floats) == [("figure", "5-2")], sorted(floats)
    box = floats[("figure", "5-2")].bbox
    assert box is not None and box[0] <= 343 and box[1] <= 126, box
