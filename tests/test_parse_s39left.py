"""Floats and crops (issue 14: real papers read faithfully), the thirty-ninth session's fixes to
the left38a rules: each test a shape of a real paper that one of those rules made worse. Pages
drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _parse, _rule
from test_parse_floats14 import _hand_drawn_plot
from test_parse_s38left_a import _parse_all

from paperkit.reading.parse import parse_pdf


def test_a_number_printed_twice_with_its_stop_in_bold_once_names_two_floats(tmp_path):
    # ACM TODS preprint: "Figure 3.1" in bold, its full stop in roman, under a plot; four pages on
    # "Figure 3.1." in bold, the stop with it, under another drawing. Weighed as set otherwise (a
    # bold label against none), the second was taken for a mention and dropped.
    doc = pymupdf.open()
    for k, (label, title) in enumerate((("Figure 3.1", ".  Graph of cost of access per MByte vs. Temperature"),
                                        ("Figure 3.1.", "  An LSM-tree of K+1 components"))):
        page = _page(doc)
        _lines(page, 72, 540, 90, 10)
        _hand_drawn_plot(page, 120 + 10 * k, 230 + 5 * k, 420 - 10 * k, 380)
        page.insert_text((72, 405), label, fontname="hebo", fontsize=10.4)
        page.insert_text((72 + pymupdf.get_text_length(label, "hebo", 10.4), 405), title, fontname="helv",
                         fontsize=10.4)
        _lines(page, 72, 540, 440, 20)
    floats = [(f.kind, f.number, f.page) for f in _parse_all(doc, tmp_path)]
    assert floats == [("figure", "3.1", 2), ("figure", "3.1", 3)], floats


def test_a_tables_rule_under_its_head_row_atop_the_page_keeps_the_column_rules_over_it(tmp_path):
    # CVPR 2014: Table 1 atop a page, its head row (read as two pieces) over a rule across the page,
    # upright column rules down from the row's top to that rule and on under it. Taken for a
    # running head's rule, the hairlines over it went with the running head's marks, and the crop
    # lost the head row (arXiv 2023's LLaMA tables and COLING 2025's Table 4 alike).
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((52, 80), "VOC 2010 test aero bike bird boat bottle bus car", fontname="tiro", fontsize=8)
    page.insert_text((249, 80), "cat chair cow table dog horse mbike person plant sofa mAP", fontname="tiro", fontsize=8)
    _rule(page, 52, 543, 83.7)
    for x in (104, 524):
        page.draw_line((x, 71.8), (x, 83.7), color=(0, 0, 0), width=0.3)
        page.draw_line((x, 83.7), (x, 150), color=(0, 0, 0), width=0.3)
    for k in range(5):
        y = 93 + 11.5 * k
        page.insert_text((52, y), ("DPM v5", "UVA", "Regionlets", "SegDPM", "R-CNN")[k], fontname="tiro", fontsize=8)
        page.insert_text((107, y), "49.2 53.8 13.1 15.3 35.5 53.4 49.7 27.0 17.2 28.8 14.7 17.8 46.4 51.2",
                         fontname="tiro", fontsize=8)
        page.insert_text((528, y), "33.4", fontname="tiro", fontsize=8)
    _rule(page, 52, 543, 150)
    page.insert_text((52, 170), "Table 1: Detection average precision (%) on VOC 2010 test.", fontname="tiro",
                     fontsize=9)
    _lines(page, 52, 290, 200, 30)
    _lines(page, 305, 543, 200, 30)
    table = _parse(doc, tmp_path)[("table", "1")].bbox
    assert table is not None and table[1] <= 73, table


def test_a_y_axis_title_longer_than_the_plot_centred_on_its_side_is_the_figures(tmp_path):
    # ACL 2017: "% that are duplicates" set upright, 92 pt long, down the left of a bar chart's
    # frame 69 pt high, centred on it (12 pt past its top, 11 pt past its foot), the tick labels
    # between. Taken only while a stroke painted fully transparent 5 pt past the frame counted as
    # ink, it was left out of the crop once such strokes were none.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    _lines(page, 72, 290, 70, 50)
    page.draw_rect(pymupdf.Rect(347, 78, 519, 147), color=(0, 0, 0), width=0.6)
    for k in range(4):
        page.draw_rect(pymupdf.Rect(360 + 38 * k, 147 - 12 * (k + 1), 380 + 38 * k, 147), color=(0.8, 0.2, 0.2),
                       fill=(0.95, 0.8, 0.8), width=0.6)
    for k, tick in enumerate(("0", "10", "20", "30")):
        page.insert_text((343 - pymupdf.get_text_length(tick, "helv", 8), 149 - 23 * k), tick, fontname="helv",
                         fontsize=8)
    for k, name in enumerate(("1-grams", "2-grams", "3-grams", "4-grams")):
        page.insert_text((373 + 38 * k, 180), name, fontname="helv", fontsize=8, rotate=90)  # (under each bar)
    title = "% that are duplicates"
    length = pymupdf.get_text_length(title, "helv", 10)
    page.insert_text((322, 112.5 + length / 2), title, fontname="helv", fontsize=10, rotate=90)
    page.draw_rect(pymupdf.Rect(368, 181, 497, 223), color=(0, 0, 0), fill=(1, 1, 1), width=0.6)
    for k, key in enumerate(("pointer-generator, no coverage", "pointer-generator + coverage", "reference summaries")):
        page.draw_rect(pymupdf.Rect(372, 183 + 12.5 * k, 381, 192 + 12.5 * k), color=(0.8, 0.2, 0.2),
                       fill=(0.95, 0.8, 0.8), width=0.6)
        page.insert_text((383, 191 + 12.5 * k), key, fontname="helv", fontsize=7.5)
    page.insert_text((307, 248), "Figure 4: Coverage eliminates undesirable repetition.", fontname="tiro",
                     fontsize=10)
    _lines(page, 307, 524, 275, 40)
    figure = _parse(doc, tmp_path)[("figure", "4")].bbox
    assert figure is not None and figure[0] <= 315 and figure[1] <= 70, figure


def test_a_ground_painted_fully_transparent_behind_a_diagram_over_a_listing_bounds_the_figure(tmp_path):
    # SIGMOD 2015: Figure 7, a pipeline's diagram (boxes, arrows, labels under them, "model" over the
    # last) on a white ground painted at opacity 0, over a listing in typewriter type, the caption
    # under both. Without the ground the diagram stood 12 pt over the listing, and the crop held the
    # listing alone.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect(pymupdf.Rect(57, 54, 288, 127), color=None, fill=(1, 1, 1), fill_opacity=0)
    for k, (x, name) in enumerate(((70, "tokenizer"), (148, "tf"), (204, "lr"), (259, "model"))):
        page.draw_rect(pymupdf.Rect(x, 70, x + 22, 96), color=None, fill=(0.47, 0.78, 0.97))
        if k < 3:
            page.draw_line((x + 22, 83), (x + 30, 83), color=(0, 0, 0), width=0.6)
            page.draw_rect(pymupdf.Rect(x + 30, 74, x + 69 if k == 0 else x + 48, 92), color=(0, 0, 0), fill=(1, 1, 1))
            page.insert_text((x + 33, 86), name, fontname="helv", fontsize=7)
    page.insert_text((261, 64), "model", fontname="helv", fontsize=7)
    for x, label in ((62, "(text, label)"), (139, "(text, label,"), (196, "(text, label,")):
        page.insert_text((x, 113), label, fontname="helv", fontsize=7)
    page.insert_text((147, 122), "words)", fontname="helv", fontsize=7)
    page.insert_text((187, 122), "words, features)", fontname="helv", fontsize=7)
    code = ["data = <DataFrame of (text, label) records>", "", "tokenizer = Tokenizer()",
            '  .setInputCol("text").setOutputCol("words")', "tf = HashingTF()",
            '  .setInputCol("words").setOutputCol("features")', "lr = LogisticRegression()",
            '  .setInputCol("features")', "", "pipeline = Pipeline().setStages([tokenizer, tf, lr])",
            "model = pipeline.fit(data)"]
    for k, text in enumerate(code):
        if text:
            page.insert_text((54, 141 + 8 * k), text, fontname="cour", fontsize=6.5)
    page.insert_text((54, 240), "Figure 7: A simple ML pipeline for text classification.", fontname="tiro", fontsize=9)
    _lines(page, 54, 290, 262, 40)
    _lines(page, 320, 552, 60, 60)
    figure = _parse(doc, tmp_path)[("figure", "7")].bbox
    assert figure is not None and figure[1] <= 62 and figure[3] >= 220, figure


def test_a_panel_caption_under_a_tables_rules_reaching_past_them_stays_in_its_crop(tmp_path):
    # JSS 2014: Table 14, two ruled tables side by side, "(a) Data for paired t test" under the left
    # one, "(b) Data for mixed effects model" under the right one, 3.6 pt past its rules, the
    # table's caption under both. The right panel's caption was taken for a note under the table's
    # rules and cut off the crop with the line under it.
    doc = pymupdf.open()
    page = _page(doc)
    for y in (152.9, 166.8, 235.0):
        _rule(page, 187.9, 282.6, y)
    for y in (119.0, 133.0, 268.9):
        _rule(page, 308.0, 415.1, y)
    page.insert_text((193.9, 163), "id          x          y", fontname="tiro", fontsize=10)
    page.insert_text((314, 129), "id    variable    value", fontname="tiro", fontsize=10)
    for k in range(5):
        page.insert_text((197.5, 177 + 13.55 * k), f"{k + 1}     22.19     24.05", fontname="tiro", fontsize=10)
    for k in range(10):
        page.insert_text((317.6, 143 + 13.55 * k), f"{k % 5 + 1}     {'xy'[k // 5]}            22.19",
                         fontname="tiro", fontsize=10)
    page.insert_text((184.3, 247), "(a) Data for paired t test", fontname="tiro", fontsize=9)
    page.insert_text((304.4, 281), "(b) Data for fitting mixed effects", fontname="tiro", fontsize=9)
    page.insert_text((304.4, 292), "models", fontname="tiro", fontsize=9)
    page.insert_text((120, 318), "Table 14: Data for a paired t test and a mixed effects model.", fontname="tiro",
                     fontsize=10)
    _lines(page, 72, 540, 345, 30)
    table = _parse(doc, tmp_path)[("table", "14")].bbox
    assert table is not None and table[3] >= 290, table


def test_an_upright_note_at_a_charts_side_is_no_y_axis_title_of_the_chart_across_the_gutter(tmp_path):
    # NAACL 2022: the left column's Figure 2, a bar chart, an upright note "Reviewers with a Z-score
    # >3 removed as outliers." right at its right side; across the gutter Figure 3, a grid whose row
    # labels ("Baseline", "Generalize", ...) stand 17 pt right of the note and 58 pt short of the
    # grid. Taken for Figure 3's y-axis title beyond its tick labels, the note grew Figure 3 over
    # the left column's chart.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect(pymupdf.Rect(134, 71, 285, 185), color=(0, 0, 0), width=0.5)
    for k in range(7):
        page.draw_rect(pymupdf.Rect(160, 78 + 15 * k, 180 + 14 * k, 88 + 15 * k), color=None, fill=(0.9, 0.5, 0.1))
    page.insert_text((288, 177), "Reviewers with a Z-score >3 removed as outliers.", fontname="helv", fontsize=3.8,
                     rotate=90)
    page.insert_text((70, 205), "Figure 2: Distribution of the total fraction of words chosen.", fontname="tiro",
                     fontsize=9)
    page.draw_rect(pymupdf.Rect(347, 96, 519, 212), color=(0, 0, 0), width=0.5)
    for k in range(8):
        for j in range(6):
            page.draw_rect(pymupdf.Rect(348 + 28 * j, 97 + 14 * k, 374 + 28 * j, 109 + 14 * k), color=None,
                           fill=(0.2 + 0.1 * j, 0.3, 0.8 - 0.08 * k))
    for k, label in enumerate(("Baseline", "Generalize", "%, Not Shown", "Zaidan", "Sen", "1-sided", "2-sided", "Zaidan")):
        page.insert_text((345.8 - pymupdf.get_text_length(label, "helv", 3.7), 105 + 14 * k), label, fontname="helv",
                         fontsize=3.7)
    page.insert_text((306, 240), "Figure 3: Heatmaps of rationale choices by condition.", fontname="tiro", fontsize=9)
    _lines(page, 70, 290, 230, 40)
    _lines(page, 306, 540, 265, 35)
    figure = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert figure is not None and figure[0] >= 300, figure


def test_bold_row_labels_right_past_a_diagrams_frame_are_its(tmp_path):
    # CIDR 2005, Word: a timeline diagram in a frame, each row's arrow ending at the frame's right
    # side, "User 1", "User 2", "User n" in bold right past it. Bold, they were taken for headings,
    # no labels, and the crop cut them off.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect(pymupdf.Rect(84, 312, 504.6, 442), color=(0.5, 0.3, 0.1), width=0.5)
    for k, (y, name) in enumerate(((338, "User 1"), (365, "User 2"), (418, "User n"))):
        page.draw_line((90, y), (500, y), color=(0, 0, 0), width=0.8)
        page.draw_rect(pymupdf.Rect(150 + 40 * k, y - 6, 220 + 40 * k, y - 2), color=(0, 0, 0), width=0.4)
        page.insert_text((504.7, y + 2), name, fontname="hebo", fontsize=7.9)
    page.insert_text((84, 470), "Figure 2: Database time defined as the sum of the time spent in processing all user "
                     "requests", fontname="hebo", fontsize=9)
    _lines(page, 72, 290, 500, 20)
    _lines(page, 320, 540, 500, 20)
    figure = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert figure is not None and figure[2] >= 528, figure


def test_bold_step_names_left_of_a_diagram_beside_the_text_leave_its_caption_a_caption(tmp_path):
    # TMLR 2025: Figure 6 in the left part of the page, "Step 1" to "Step 3" in bold just left of its
    # diagram's rows, the text going on in a narrow column right of it, the caption under the figure
    # 3 pt under that column's last line beside it. Taken as the diagram's labels (bold row labels
    # are taken right past a drawing's side), the step names left the caption to be read into the
    # text beside, and the figure was lost.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 10)
    for k, y in enumerate((240, 293, 350)):
        page.insert_text((100.5, y + 18), f"Step {k + 1}", fontname="tibo", fontsize=5.6)
        for j in range(3):
            page.draw_rect(pymupdf.Rect(115 + 72 * j, y + 5, 175 + 72 * j, y + 25), color=(0.2, 0.3, 0.7), width=0.6)
            page.insert_text((126 + 72 * j, y + 14), "[784, 50, 50, 10]", fontname="tiro", fontsize=5.6)
            if j < 2:
                page.draw_line((175 + 72 * j, y + 15), (192 + 72 * j, y + 15), color=(0, 0, 0), width=0.6)
    page.draw_line((150, 270), (150, 298), color=(0, 0, 0), width=0.6)
    page.draw_line((150, 325), (150, 355), color=(0, 0, 0), width=0.6)
    words = ["The intuition behind this proposed method is that we check the neighboring architectures and",
             "compare the current architecture with the expected value of the neural network when it trains"]
    y, k = 253.6, 0
    while y < 435:
        page.insert_text((362.8, y), " ".join(words[k % 2].split()[:5 + k % 2]), fontname="tiro", fontsize=10)
        y += 11.95
        k += 1
    for k, text in enumerate(("Figure 6: One iteration of NDDS. Start from the current architecture A.",
                              "Generate and evaluate the poll points along di. Move to the best poll in",
                              "point if J improves; repeat until J is small.")):
        page.insert_text((72, 397.05 + 11.95 * k), text, fontname="tiro", fontsize=9.85)  # (10 pt short of the text)
    _lines(page, 72, 540, 450, 20)
    floats = _parse(doc, tmp_path)
    assert ("figure", "6") in floats, floats


def test_a_white_band_behind_the_running_heads_word_over_its_rule_keeps_the_title_a_title(tmp_path):
    # SAGE (Medical Decision Making 2006): the first page's running head "METHODOLOGY" in bold on a
    # white band across the page over a rule, the title on a white ground of its own under it.
    # Left out with the running head's marks, the band no longer kept "METHODOLOGY" out of the
    # text: it was read as a heading (and in the paper the title and the authors' names after it).
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.draw_rect(pymupdf.Rect(48.3, 54.8, 546.3, 73.0), color=None, fill=(1, 1, 1))
    page.draw_line((48.3, 71), (546.3, 71), color=(0, 0, 0), width=0.5)
    page.insert_text((458.9, 63), "METHODOLOGY", fontname="hebo", fontsize=11)
    page.draw_rect(pymupdf.Rect(48.3, 102.0, 546.3, 221.4), color=None, fill=(1, 1, 1))
    page.insert_text((80.7, 119), "Decision Curve Analysis: A Novel Method", fontname="tibo", fontsize=22)
    page.insert_text((127.2, 145), "for Evaluating Prediction Models", fontname="tibo", fontsize=22)
    page.insert_text((174.9, 181), "Andrew J. Vickers, PhD, Elena B. Elkin, PhD", fontname="tiit", fontsize=12)
    _lines(page, 48, 546, 250, 30)
    for k, heading in enumerate(("INTRODUCTORY THEORY", "PRINCIPAL EXAMPLE")):
        page = doc.new_page(width=595, height=794)
        page.draw_line((48.3, 71), (546.3, 71), color=(0, 0, 0), width=0.5)
        page.insert_text((48.3, 63), "VICKERS, ELKIN", fontname="helv", fontsize=8)
        page.insert_text((48.3, 100), heading, fontname="tibo", fontsize=10)
        _lines(page, 48, 290, 115, 45)
        _lines(page, 305, 546, 85, 48)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert paper.title.startswith("Decision Curve Analysis"), paper.title
    titles = [s.title for s in paper.sections]
    assert not any(t.startswith(("Decision", "Andrew", "METHODOLOGY")) for t in titles), titles
