"""Figures and tables on pages drawn with PyMuPDF, each in a shape a real paper showed: which
caption owns which graphic, and whether the float's box holds all of it (panels, axis titles and
ticks, subcaptions) and nothing of its neighbours."""

from __future__ import annotations

import pymupdf
import pytest

from pdf_pages import prose as _prose

from paperkit.reading.paper import Paper
from paperkit.reading.parse import parse_pdf, render_figure


def _text(page, x: float, y: float, text: str, size: float = 9, rotate: int = 0) -> None:
    page.insert_text((x, y), text, fontname="tiro", fontsize=size, rotate=rotate)


def _plot(page, x0: float, y0: float, x1: float, y1: float, title: str | None = None) -> None:
    """Axes and a curve; the y-axis title set rotated left of the tick labels."""
    page.draw_polyline([(x0, y0), (x0, y1), (x1, y1)], color=(0, 0, 0), width=0.6)
    page.draw_polyline([(x0 + 5 + i * (x1 - x0 - 10) / 8, y1 - 5 - ((i * 37) % 11) * (y1 - y0 - 10) / 11)
                        for i in range(9)], color=(0, 0, 0), width=0.8)
    for i in range(3):
        _text(page, x0 - 22, y1 - i * (y1 - y0) / 2.5 + 3, str(i * 5000), size=6)
    if title:
        _text(page, x0 - 28, (y0 + y1) / 2 + 20, title, size=7, rotate=90)


def _rules(page, x0: float, x1: float, ys: list[float], width: float = 0.5) -> None:
    for y in ys:
        page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)


def _save(doc, tmp_path, name="paper.pdf"):
    path = tmp_path / name
    doc.save(path)
    return parse_pdf(path), path


def _contains(box, region, slack: float = 1.0) -> bool:
    return box[0] <= region[0] + slack and box[1] <= region[1] + slack and \
        box[2] >= region[2] - slack and box[3] >= region[3] - slack


def _floats(paper) -> dict:
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _float(doc, tmp_path, kind: str, number: str):
    """Save the drawn page(s), parse them and return one float."""
    paper, _ = _save(doc, tmp_path)
    return _floats(paper)[(kind, number)]


def test_a_plot_with_rotated_ticks_keeps_its_caption_from_the_table_under_it(tmp_path):
    # MapReduce Table 1 was saved as Figure 4: the plot's rotated date ticks made the plot look
    # farther from "Figure 4" than the table under the caption, so the figure took the table.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    _plot(page, 380, 80, 510, 190, title="Instances")
    for i in range(6):
        _text(page, 385 + i * 22, 232, f"2003/0{i + 1}", size=7, rotate=90)
    _text(page, 360, 252, "Figure 4: MapReduce instances over time")
    _rules(page, 335, 520, [268, 283, 330])
    for i, row in enumerate(("Number of jobs 29,423", "Average job completion time 634 secs",
                             "Machine days used 79,186 days", "Input data read 3,288 TB")):
        _text(page, 340, 280 + 11 * (i + 1), row)
    _text(page, 360, 345, "Table 1: MapReduce jobs run in August 2004")
    _prose(page, 322, 540, 360, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    figure, table = floats[("figure", "4")], floats[("table", "1")]
    assert figure.bbox is not None and _contains(figure.bbox, (352, 80, 510, 230))  # plot, title, ticks
    assert figure.bbox[3] < 268  # not the table
    assert table.bbox is not None and _contains(table.bbox, (335, 268, 520, 330))


def test_a_grid_of_plots_is_one_float_with_every_panel_and_axis_title(tmp_path):
    # MapReduce Figure 3: three columns of plots, each with its y-axis title rotated at its left,
    # under a caption narrower than the grid; the crop was a strip of one panel.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for x0 in (110, 265, 420):
        for y0 in (75, 165):
            _plot(page, x0, y0, x0 + 100, y0 + 70, title="MB/s")
    for x0, sub in zip((110, 265, 420), ("(a) Normal execution", "(b) No backup tasks", "(c) Tasks killed")):
        _text(page, x0 + 10, 255, sub)
    _text(page, 200, 280, "Figure 3: Data transfer rates over time for the sort")
    _prose(page, 72, 290, 300, 720)
    _prose(page, 322, 540, 300, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is not None and _contains(figure.bbox, (82, 75, 520, 257))
    assert figure.bbox[3] < 275  # stops at its caption


def test_tables_with_captions_below_each_keep_their_own_table(tmp_path):
    # ResNet and BERT set table captions below the tables: "Table 3" took Table 4's rules (the
    # parser assumed captions above tables) and the last caption of the stack got nothing.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    for k, top in enumerate((80, 190, 300)):
        _rules(page, 330, 530, [top, top + 15, top + 70])
        for i in range(4):
            _text(page, 335, top + 27 + 11 * i, f"ResNet-{34 + 17 * i}   {20 + i}.{k}5   {5 + i}.{k}1")
        _text(page, 330, top + 85, f"Table {3 + k}: Error rates of single models on the validation set.")
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    for k, top in enumerate((80, 190, 300)):
        table = floats[("table", str(3 + k))]
        assert table.bbox is not None and _contains(table.bbox, (330, top, 530, top + 70)), table
        assert table.bbox[1] > top - 10 and table.bbox[3] < top + 78, table


def test_a_booktabs_table_with_a_long_ruleless_body_is_one_box(tmp_path):
    # BERT Table 8: top rule, \cmidrule pieces and midrule close together, then six rows and the
    # bottom rule 65 pt further down; the rules were two boxes and the crop held only the head.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    _rules(page, 307, 527, [209])
    _rules(page, 307, 386, [225, 250])
    _rules(page, 397, 527, [225])
    _rules(page, 437, 527, [250])
    _rules(page, 307, 527, [330])
    _text(page, 320, 220, "Masking Rates")
    _text(page, 430, 220, "Dev Set Results")
    for i in range(7):
        _text(page, 315, 262 + 10 * i, f"{80 - i}%   10%   10%   84.{i}   95.{i}   94.{i}")
    _text(page, 330, 345, "Table 8: Ablation over different masking strategies.")
    _prose(page, 322, 540, 360, 720)
    table = _float(doc, tmp_path, "table", "8")
    assert table.bbox is not None and _contains(table.bbox, (307, 209, 527, 330))


def test_a_tables_spanning_head_over_a_cmidrule_without_a_top_rule_is_in_the_crop(tmp_path):
    # ACL 2023: no \toprule; "Intent Accuracy" over a \cmidrule, 15 pt over the midrule, then the
    # header row "Model  # Param.  EN  ES"; the cmidrule was a lone hairline and the crop began at
    # the header row, the spanning head cut off.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _text(page, 190, 79, "Intent Accuracy", size=8)
    _rules(page, 165, 280, [83], width=0.4)
    _text(page, 80, 94, "Model   # Param.    EN      ES      FR", size=8)
    _rules(page, 71, 289, [98, 150], width=0.4)
    for i in range(4):
        _text(page, 80, 110 + 11 * i, f"LSTM-{i}    28M    96.{i}    93.{i}    94.{i}", size=8)
    _text(page, 71, 165, "Table 1: Comparison of different projection layers.")
    _prose(page, 71, 289, 185, 760)
    _prose(page, 306, 524, 72, 760)
    table = _float(doc, tmp_path, "table", "1")
    assert table.bbox is not None and _contains(table.bbox, (71, 73, 289, 150), slack=1.5), table
    assert table.bbox[1] > 66, table


def test_a_table_of_word_lists_whose_cells_read_as_prose_is_one_box(tmp_path):
    # IJCAI 2021 Table 6: caption above, top, mid and bottom rules; cells of keyphrases ("price,
    # wifi, quality, motel, gym") read as prose, so the top rule and header stayed out of the crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 298, 72, 720)
    _text(page, 315, 62, "Table 6: Some keyphrases mined from the inferred markers. We grouped")
    _text(page, 315, 73, "them by aspect for a better understanding.")
    _rules(page, 321, 552, [97, 157, 206])
    _text(page, 325, 93, "Dataset   Aspect                     Keyphrases", size=10)
    rows = [("Service", "bar, lobby, housekeeping, guest"), ("Value", "price, wifi, quality, motel, gym"),
            ("Room", "bed, tv, balcony, fridge, microwave"), ("Location", "airport, downtown, restaurant shop")]
    for i, (aspect, words) in enumerate(rows):
        if i == 1:
            _text(page, 321, 109 + 11 * i, "Hotel", size=10)
        _text(page, 359, 109 + 11 * i, aspect, size=10)
        _text(page, 413, 109 + 11 * i, words, size=10)
    for i, (aspect, words) in enumerate([("Aroma", "fruit, wheat, citrus, coffee"), ("Taste", "bitter, sweet, nutty")]):
        _text(page, 359, 170 + 11 * i, aspect, size=10)
        _text(page, 413, 170 + 11 * i, words, size=10)
    _prose(page, 315, 558, 230, 720)
    table = _float(doc, tmp_path, "table", "6")
    assert table.bbox is not None and _contains(table.bbox, (321, 97, 552, 206), slack=1.5), table


def test_a_table_ruled_once_under_its_header_row_gets_a_box(tmp_path):
    # AAAI 2020 Table 1: a header row, one rule, two rows of numbers, a note, then the caption; a
    # lone rule is no graphic, and the table had no box at all.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 298, 54, 720)
    cells = (325, 395, 434, 471, 530)
    for x, word in zip(cells, ("Datasets", "#Users", "#Items", "#Interactions", "Sparsity")):
        _text(page, x, 62, word, size=8)
    _rules(page, 319, 566, [64])
    for i, row in enumerate((("Books", "93976", "25896", "964363", "99.96"), ("Movies", "132580", "8936", "6316389", "99.47"))):
        for x, word in zip(cells, row):
            _text(page, x, 72 + 10 * i, word, size=8)
    _text(page, 327, 94, "* Combined with prices from Amazon Movies.", size=7)
    _text(page, 319, 115, "Table 1: Dataset statistics (number of users; number of items).")
    _prose(page, 319, 558, 140, 720)
    table = _float(doc, tmp_path, "table", "1")
    assert table.bbox is not None and _contains(table.bbox, (319, 55, 566, 82), slack=1.5), table
    assert table.bbox[3] < 88, table


def test_a_figure_captioned_under_and_a_table_captioned_over_one_drawing_split_it(tmp_path):
    # NIPS 2005 page 6: a plot with its caption under it, and right of it, touching it, a boxed table
    # with its caption over it: one drawing; the table took it all and the figure got no box.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 108, 504, 72, 280)
    _plot(page, 150, 320, 288, 440)
    _text(page, 126, 470, "Figure 3: ROC curves of the six models.")
    _text(page, 312, 300, "Table 1. AUC score on graphs of size n.")
    _rules(page, 294, 486, [352, 362, 372, 404, 414, 444, 454, 484])
    page.draw_line((294, 352), (294, 484), color=(0, 0, 0), width=0.4)
    page.draw_line((486, 352), (486, 484), color=(0, 0, 0), width=0.4)
    for i in range(6):
        _text(page, 308, 381 + 10 * i + (10 if i > 2 else 0), f"{i}   0.9{i}   0.8{i}   0.5{i}   0.7{i}   0.6{i}")
    _prose(page, 108, 504, 500, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    figure, table = floats[("figure", "3")], floats[("table", "1")]
    assert figure.bbox is not None and figure.bbox[2] < 294 and _contains(figure.bbox, (150, 320, 288, 440)), figure
    assert table.bbox is not None and table.bbox[0] > 289 and _contains(table.bbox, (294, 352, 486, 484)), table


def test_two_panels_far_apart_centred_together_on_a_short_caption_are_one_figure(tmp_path):
    # LNCS: two term trees 89 pt apart over "Fig. 1: Structurally different term trees.", a caption
    # shorter than the pair and centred on it; the crop held the left tree only.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 135, 481, 60, 110)
    for x in (157, 335):
        page.draw_polyline([(x + 10, 150), (x + 40, 125), (x + 80, 150)], color=(0, 0, 0), width=0.5)
        page.draw_polyline([(x + 50, 180), (x + 60, 160), (x + 70, 180)], color=(0, 0, 0), width=0.5)
    width = pymupdf.get_text_length("Fig. 1: Structurally different term trees.", fontname="tiro", fontsize=9)
    _text(page, 287.5 - width / 2, 212, "Fig. 1: Structurally different term trees.")
    _prose(page, 135, 481, 240, 700)
    figure = _float(doc, tmp_path, "figure", "1")
    assert figure.bbox is not None and _contains(figure.bbox, (167, 125, 415, 180)), figure


def test_an_axis_title_under_the_ticks_is_in_the_crop_and_the_crop_shows_the_caption(tmp_path):
    # MapReduce Figure 2 lost "Seconds", set under the x ticks and above the caption.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    _plot(page, 380, 73, 520, 150, title="Input (MB/s)")
    _text(page, 385, 160, "20  40  60  80  100", size=7)
    _text(page, 430, 174, "Seconds", size=8)
    _text(page, 370, 195, "Figure 2: Data transfer rate over time")
    _prose(page, 322, 540, 215, 720)
    paper, path = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "2")]
    assert figure.bbox is not None and _contains(figure.bbox, (352, 73, 520, 174))
    assert figure.caption_bbox is not None and figure.caption_bbox[1] > figure.bbox[3]
    out = render_figure(path, figure, tmp_path / "fig.png", zoom=1.0)
    pix = pymupdf.Pixmap(str(out))
    assert pix.height >= figure.caption_bbox[3] - figure.bbox[1]  # graphic and caption in one crop
    assert Paper.from_json(paper.to_json()) == paper


def test_a_plots_long_title_over_its_frame_is_in_the_crop_and_not_text(tmp_path):
    # EMNLP 2004 (TextRank) Figure 1: "Convergence curves (250 vertices, 250 edges)", centred over
    # the plot, is longer than a tick label; it was cut off the crop and read as a paragraph.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 296, 72, 720)
    _text(page, 345, 88, "Convergence curves (250 vertices, 250 edges)", size=8)
    _plot(page, 340, 95, 520, 230, title="Error rate")
    _text(page, 322, 255, "Figure 1: Convergence curves for graph-based ranking.")
    _prose(page, 322, 540, 270, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "1")]
    assert figure.bbox is not None and _contains(figure.bbox, (345, 81, 520, 230))
    assert not any("Convergence curves (250" in p.text for s in paper.sections for p in s.paragraphs)


def test_a_centred_caption_does_not_swallow_the_column_text_after_it(tmp_path):
    # MapReduce Figure 3's one-line caption across both columns took the left column's first lines.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect((90, 72, 520, 200), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    _text(page, 190, 218, "Figure 3: Data transfer rates over time for the sort program", size=10)
    _prose(page, 72, 296, 226, 720)
    _prose(page, 316, 540, 226, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.caption == "Data transfer rates over time for the sort program"
    assert figure.caption_bbox[0] > 150  # the centred line alone


def test_a_white_frame_behind_figure_and_caption_is_not_the_graphic(tmp_path):
    # Dynamo (SOSP 2007): each figure sits in a white-filled frame that also holds its caption, so
    # the caption was inside the "graphic" and no figure got a box.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect((54, 72, 294, 259), color=None, fill=(1, 1, 1))
    for x, y in ((120, 100), (180, 100), (100, 160), (200, 160), (150, 200)):
        page.draw_circle((x, y), 14, color=(0, 0, 0), width=0.8)
    _text(page, 61, 238, "Figure 2: Partitioning and replication of keys in Dynamo ring.")
    _prose(page, 54, 294, 270, 720)
    _prose(page, 318, 560, 72, 720)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (86, 86, 214, 214))
    assert figure.bbox[3] < 230


def test_a_mention_that_looks_like_a_caption_yields_to_the_real_one(tmp_path):
    # A thesis's "Figure 2. 4 shows ..." (Figure 2.4 broken at the dot) became a phantom Figure 2;
    # a paper's in-text "Table 2. Mean ..." on page 10 took the number from the real Table 2 on page 36.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 90, "Figure 2. 4 shows the steps just described in the context of the join", size=10)
    _text(page, 72, 120, "Table 2. Mean values are reported in the appendix for every one of the runs", size=10)
    _prose(page, 72, 540, 130, 720)
    page = doc.new_page(width=612, height=792)
    _text(page, 150, 90, "Table 2: Mean and standard deviation of the results.")
    _rules(page, 100, 510, [100, 115, 170])
    for i in range(4):
        _text(page, 110, 127 + 11 * i, f"GCN   0.{i}0   1.{i}2   1.{i}9")
    _prose(page, 72, 540, 190, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    assert ("figure", "2") not in floats
    table = floats[("table", "2")]
    assert table.page == 2 and table.bbox is not None and _contains(table.bbox, (100, 100, 510, 170))


def test_a_code_listing_set_as_a_figure_is_cropped_to_its_lines(tmp_path):
    # A `listings` float captioned "Figure 2" draws no graphic: it had no box, so the reader could
    # not show it as the figure it is.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 540, 72, 190)
    code = ["def train_step(model, batch, optimiser):", "    images, labels = batch",
            "    loss = model.loss(images, labels)", "    optimiser.zero_grad()", "    loss.backward()",
            "    return loss.item()"]
    for i, line in enumerate(code):
        page.insert_text((80, 215 + 11 * i), line, fontname="cour", fontsize=8)
    _text(page, 190, 300, "Figure 2: One training step of our method in Python.")
    _prose(page, 72, 540, 320, 720)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (80, 208, 260, 272), slack=3)
    assert figure.bbox[1] > 195 and figure.bbox[3] < 290


def _tables_side_by_side(tmp_path, rule, task: str):
    """Tables 2 and 3 of XGBoost (KDD 2016), captions level with each other over their rules
    (drawn by `rule`), the left one's rows ending in `task`; returns their floats."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 75, 72, "Table 2: Dataset used in the experiments.")
    _text(page, 317, 72, "Table 3: Comparison of exact greedy methods.")
    rule(page)
    for i in range(4):
        _text(page, 60, 107 + 11 * i, f"Allstate   10 M   4227   {task}{i}")
        _text(page, 330, 107 + 11 * i, f"XGBoost   0.{i}84   1.{i}32")
    _prose(page, 54, 290, 160, 720)
    _prose(page, 317, 560, 160, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    left, right = floats[("table", "2")], floats[("table", "3")]
    assert left.bbox is not None and right.bbox is not None
    return left, right


def test_two_tables_side_by_side_under_shared_rules_split_them(tmp_path):
    # XGBoost (KDD 2016) Tables 2 and 3: two captions level with each other over rules that run
    # across both; one caption took the whole drawing and the other had no box.
    left, right = _tables_side_by_side(tmp_path, lambda page: _rules(page, 54, 577, [80, 95, 140]), "Insurance")
    assert left.bbox[0] < 60 and left.bbox[2] < 317 and right.bbox[0] > 240 and right.bbox[2] > 570


def test_a_bold_caption_label_without_punctuation_is_a_caption(tmp_path):
    # Springer journals: "Fig. 2" and "Table 1" in bold, the caption's text after it in roman with
    # no colon or full stop between; a line that starts "Fig. 3 shows" in roman is running text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 540, 72, 200)
    _plot(page, 150, 220, 450, 380)
    page.insert_text((150, 400), "Fig. 2", fontname="tibo", fontsize=9)
    _text(page, 150 + pymupdf.get_text_length("Fig. 2 ", "tibo", 9), 400, "Proposed general transcription system")
    _rules(page, 150, 450, [440, 455, 520])
    for i in range(4):
        _text(page, 160, 470 + 12 * i, f"Method {i}   0.{60 + i}   0.{70 + i}")
    page.insert_text((150, 432), "Table 1", fontname="tibo", fontsize=9)
    _text(page, 150 + pymupdf.get_text_length("Table 1 ", "tibo", 9), 432, "Best results using the accuracy metric")
    _text(page, 72, 560, "Fig. 3 shows how the accuracy grows with the number of templates in every run.", size=10)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    assert set(floats) == {("figure", "2"), ("table", "1")}
    assert floats[("figure", "2")].caption.startswith("Proposed general") and floats[("figure", "2")].bbox is not None
    assert floats[("table", "1")].caption.startswith("Best results")


def test_a_ruled_table_of_text_whose_side_rules_are_drawn_row_by_row_is_a_table(tmp_path):
    # GPT-2's appendix: sample texts in a \tabular with | rules, one cell across over two side by side.
    # The side rules are drawn a row at a time, so no single rule spans the frame; the box is still
    # the table's (text runs through it edge to edge, like a highlight's), and its bold cell heads
    # at body size are no section headings.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(page, 72, 540, 80, 130)
    left, middle, right, top, split, bottom = 60, 297, 536, 140, 236, 560
    _rules(page, left, right, [top, split, bottom])
    for x0, x1, y0, y1 in ((left, right, top, split), (left, middle, split, bottom), (middle, right, split, bottom)):
        page.draw_line((x0, y0), (x0, y1), color=(0, 0, 0), width=0.5)
        page.draw_line((x1, y0), (x1, y1), color=(0, 0, 0), width=0.5)
    page.insert_text((250, top + 12), "Context (WebText test)", fontname="tibo", fontsize=10)
    _prose(page, left + 6, right - 6, top + 14, split - 8)
    page.insert_text((110, split + 12), "Small model completion", fontname="tibo", fontsize=10)
    page.insert_text((370, split + 12), "GPT-2 completion", fontname="tibo", fontsize=10)
    _prose(page, left + 6, middle - 6, split + 20, bottom - 8)
    _prose(page, middle + 6, right - 6, split + 20, bottom - 8)
    _text(page, 72, bottom + 16, "Table 8. Random unseen contexts and completions from two models.", size=10)
    _prose(page, 72, 540, bottom + 30, 720)
    paper, _ = _save(doc, tmp_path)
    assert [s.title for s in paper.sections] == ["Introduction"]
    table = _floats(paper)[("table", "8")]
    assert table.bbox is not None and _contains(table.bbox, (left, top, right, bottom))


def test_a_heading_in_large_type_between_rules_of_equal_width_is_not_table_text(tmp_path):
    # An ICML supplement's first page: its title between two rules, a section heading, then a table as
    # wide as the title's rules. The rules joined into one "table" from the title down, and the
    # heading inside it was taken for a cell.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(page, 72, 540, 76, 110)
    page.insert_text((72, 140), "References", fontname="tibo", fontsize=12)
    _text(page, 72, 156, "Houlsby, N. and Giurgiu, A. Adapters for text. In Proceedings of ICML, 2019.", size=10)
    page = doc.new_page(width=612, height=792)
    _rules(page, 55, 542, [76, 148], width=1.0)
    page.insert_text((212, 112), "Supplementary Material for", fontname="tibo", fontsize=14.5)
    page.insert_text((153, 130), "Learning Small Adapters for Text", fontname="tibo", fontsize=14.5)
    page.insert_text((55, 186), "A. Additional Text Classification Tasks", fontname="tibo", fontsize=12)
    _rules(page, 55, 542, [208, 222, 330])
    for i in range(9):
        _text(page, 60, 234 + 11 * i, f"Crowdflower task {i}      {1000 + 37 * i}      {120 + i}      {2 + i % 3}", size=8)
    _text(page, 55, 346, "Table 3: Statistics of the text classification data sets.", size=10)
    _prose(page, 55, 542, 360, 700)
    paper, _ = _save(doc, tmp_path)
    assert ("A", "Additional Text Classification Tasks") in [(s.number, s.title) for s in paper.sections]
    table = _floats(paper)[("table", "3")]
    assert table.bbox is not None and _contains(table.bbox, (55, 208, 542, 330)) and table.bbox[1] > 190, table


def test_captions_side_by_side_across_a_narrow_gutter_are_two_captions(tmp_path):
    # Dynamo (SOSP 2007): two figures side by side, their bold captions on one baseline; the left
    # caption's justified lines end past the page's middle, so its first line and "Figure 5: ..."
    # were read as one line and Figure 5 was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for x0, x1 in ((55, 297), (317, 560)):
        page.draw_rect((x0 + 5, 72, x1 - 5, 240), color=(0, 0, 0), width=0.6)
        _plot(page, x0 + 30, 80, x1 - 15, 230)
    left = ["Figure 4: Average and 99.9th percentiles of latencies for reads and",
            "write requests during our peak request season of December."]
    right = ["Figure 5: Comparison of performance of 99.9th percentile",
             "latencies for buffered vs. non-buffered writes over a day."]
    for i, (a, b) in enumerate(zip(left, right)):
        y = 260 + 11 * i
        page.insert_text((55, y), a, fontname="tibo", fontsize=9)
        page.insert_text((318.5, y), b, fontname="tibo", fontsize=9)  # about 1 em after the left one
    assert pymupdf.get_text_length(left[0], "tibo", 9) + 55 > 306  # past the middle, as printed
    _prose(page, 55, 297, 290, 720)
    _prose(page, 317, 560, 290, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    assert ("figure", "4") in floats and ("figure", "5") in floats, floats.keys()
    assert floats[("figure", "5")].caption.startswith("Comparison of performance") and \
        "Figure 5" not in floats[("figure", "4")].caption


def test_a_caption_beside_the_text_is_not_read_as_the_end_of_a_text_line(tmp_path):
    # ViT (ICLR 2021), a wrapfigure: the text runs in a narrower measure on the left while the
    # figure and its caption stand at the right, each caption line on a text line's baseline, a
    # column gap (about one em) between them.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 72), "4.5 Inspecting Vision Transformer", fontname="tibo", fontsize=11)
    page.draw_rect((400, 90, 500, 250), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    text = ["Self-attention allows the model to integrate information across the entire",
            "image even in the lowest layers. We investigate to what degree the network",
            "makes use of this capability. Specifically, we compute the average distance",
            "in image space across which information is integrated, based on the weights",
            "of attention. This attention distance is analogous to receptive field size."]
    caption = ["Figure 6: Representative ex-", "amples of attention from the", "output token to the input",
               "space. See Appendix D.6."]
    _prose(page, 108, 375, 80, 250)
    # The text justified to the narrower measure: its lines end at x = 375, 10 pt from the caption's.
    page.insert_textbox((108, 252, 375, 360), " ".join(text), fontname="tiro", fontsize=10,
                        align=pymupdf.TEXT_ALIGN_JUSTIFY)
    baselines = sorted({round(line["spans"][0]["origin"][1], 1) for block in page.get_text("dict")["blocks"]
                        for line in block.get("lines", []) if 252 < line["bbox"][1] < 360})
    for y, line in zip(baselines, caption):
        page.insert_text((385, y + 0.05), line, fontname="tiro", fontsize=10)
    _prose(page, 108, 504, baselines[-1] + 4, 600)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "6")]
    assert figure.caption.startswith("Representative ex"), figure.caption
    body = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    # (the caption's next lines still come between the text's in reading order: not yet fixed)
    assert "Self-attention allows the model to integrate information" in body and "Figure 6" not in body


def test_a_dense_table_of_numbers_is_no_highlighted_text(tmp_path):
    # ResNet's Table 11: a results table as wide as the page whose rows PyMuPDF reads as lines from
    # edge to edge, one under the other, as it reads a highlighted paragraph; but they are numbers.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 52, 543, 60, 200)
    _rules(page, 52, 543, [208, 220, 250])
    for i, word in enumerate("system net data mAP areo bike bird boat bottle bus car cat chair cow table dog".split()):
        _text(page, 53 + 30 * i, 217, word, size=7)  # the head row's cells, apart
    rows = [f"{name} {70.4 + k:.1f} " + " ".join(f"{(37 * (i + 3 * k)) % 40 + 50:.1f}" for i in range(27))
            for k, name in enumerate(("baseline VGG-16 07++12", "baseline ResNet-101 07++12", "baseline+++ ResNet-101"))]
    for k, row in enumerate(rows):
        _text(page, 53, 229 + 9.5 * k, row, size=7)
    _text(page, 52, 264, "Table 11: Detection results on the PASCAL VOC 2012 test set.", size=9)
    _prose(page, 52, 543, 280, 700)
    table = _float(doc, tmp_path, "table", "11")
    assert table.bbox is not None and _contains(table.bbox, (52, 208, 543, 250)), table


def test_a_mention_that_ends_a_paragraph_at_a_line_start_is_no_caption(tmp_path):
    # Graph rewiring (NeurIPS 2023) p.10: "... as can be seen in Appendix" / "Table 2." closes a
    # paragraph right above two plots; read as Table 2's caption it took Figure 3's plot away.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((69, 72), "5 Experiments", fontname="tibo", fontsize=12)
    _prose(page, 69, 546, 80, 150)
    _text(page, 69, 162, "note that the models exhibit low standard deviation (over several trained networks), as can be seen in "
          "Appendix", size=10)
    _text(page, 69, 175, "Table 2.", size=10)  # a hair more than the usual leading (math above)
    for x0, x1 in ((69, 295), (319, 545)):
        _plot(page, x0 + 30, 195, x1 - 5, 320)
    _text(page, 69, 340, "Figure 3: Test MAE of four models on synthetic data.", size=10)
    _text(page, 319, 340, "Figure 4: Test MAE against the depth.", size=10)
    _prose(page, 69, 546, 360, 700)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    assert ("table", "2") not in floats, floats.keys()
    assert floats[("figure", "3")].bbox is not None and floats[("figure", "3")].bbox[2] < 300
    assert floats[("figure", "4")].bbox is not None and floats[("figure", "4")].bbox[0] > 300


def test_a_drawing_that_ends_inside_the_captions_first_line_box_is_its_graphic(tmp_path):
    # VLN survey (ACL 2022) p.1: the figure's drawing ends 3 pt below the top of the caption's first
    # line box (the box leaves room above the letters), so it was neither above nor below it.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _prose(page, 70, 290, 72, 700)
    page.draw_rect((314, 213, 513, 364), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    _text(page, 306, 371, "Figure 1: The agent and oracle discuss the VLN task", size=10)
    _text(page, 306, 383, "in natural language with each other.", size=10)
    _prose(page, 306, 525, 400, 700)
    figure = _float(doc, tmp_path, "figure", "1")
    assert figure.bbox is not None and _contains(figure.bbox, (314, 213, 513, 364)), figure


def test_the_rule_under_a_running_head_is_no_part_of_the_figure_below_it(tmp_path):
    # ICML and Springer journals rule off the running head; a figure at the top of the page starts
    # a few points under that rule, and the two made one box reaching up to the head.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 200, 55, "Parameter-Efficient Transfer Learning for NLP", size=9)
    page.draw_line((55, 57.5), (542, 57.5), color=(0, 0, 0), width=1)
    page.draw_rect((64, 63, 287, 225), color=(0, 0, 0), fill=(0.8, 0.9, 0.8))
    _text(page, 55, 240, "Figure 2: Architecture of the adapter module and its integration.", size=9)
    _prose(page, 55, 290, 250, 700)
    _prose(page, 310, 545, 72, 700)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (64, 63, 287, 225)) and figure.bbox[1] > 60, figure


@pytest.mark.parametrize("caption_left", [False, True])
def test_a_caption_beside_its_figure_owns_it(tmp_path, caption_left):
    # A caption set beside its figure: in a minipage right of two panels (ICML, the adapter paper
    # p.3), or Springer's \sidecaption at the left, its top level with the figure's and the figure
    # further off in the space left.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    caption = ["Figure 2: Architecture of the", "adapter module and its integration", "with the Transformer layers."]
    if caption_left:
        panels, x = [(230, 72, 400, 250)], 55
    else:
        panels, x = [(64, 67, 170, 225), (182, 67, 287, 225)], 305
    for rect in panels:
        page.draw_rect(rect, color=(0, 0, 0), fill=(0.8, 0.9, 0.8))
    for i, text in enumerate(caption):
        _text(page, x, 80 + 11 * i if caption_left else 100 + 11 * i, text, size=9)
    _prose(page, 55, 545, 270, 700)
    figure = _float(doc, tmp_path, "figure", "2")
    whole = (min(r[0] for r in panels), min(r[1] for r in panels), max(r[2] for r in panels), max(r[3] for r in panels))
    assert figure.bbox is not None and _contains(figure.bbox, whole), figure
    assert figure.caption.startswith("Architecture of the adapter module")


def test_a_caption_at_the_foot_of_a_page_does_not_run_on_to_the_next(tmp_path):
    # word2vec Explained p.6: "Figure 2: Continuous bag-of-word model" closes the page; the next
    # page's first paragraph was read as the rest of the caption, and lost from the text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 72), "1 Continuous Bag-of-Word Model", fontname="tibo", fontsize=12)
    _prose(page, 108, 504, 80, 340)
    page.draw_rect((198, 357, 414, 625), color=(0, 0, 0), width=0.6)
    _text(page, 209, 645, "Figure 2: Continuous bag-of-word model", size=10)
    page = doc.new_page(width=612, height=792)
    _text(page, 108, 105, "The update equation for the hidden to output weights stays the same as that for the", size=10)
    _prose(page, 108, 504, 108, 400)
    paper, _ = _save(doc, tmp_path)
    assert _floats(paper)[("figure", "2")].caption == "Continuous bag-of-word model"
    assert "The update equation for the hidden to output weights" in " ".join(
        p.text for s in paper.sections for p in s.paragraphs)


@pytest.mark.parametrize("label_size", [11, 10])
def test_a_caption_label_followed_by_a_wide_justified_space_keeps_its_caption(tmp_path, label_size):
    # ACL 2017 p.1: "Figure 1:" then 14 pt of justified space before "Comparison of output of 3
    # abstrac-"; the two pieces stayed apart and the caption came out empty. IEEE sets the label a
    # size below its caption ("Fig. 5." in 8 pt, the text in 9 pt), with the same result.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.draw_rect((307, 222, 526, 458), color=(1, 0, 0), width=0.8)
    _text(page, 307, 477, "Figure 1:", size=label_size)
    _text(page, 363, 477, "Comparison of output of 3 abstrac-", size=11)
    _text(page, 307, 491, "tive summarization models on a news article.", size=11)
    _prose(page, 307, 526, 500, 760, size=11)
    _prose(page, 89, 273, 72, 760, size=11)
    figure = _float(doc, tmp_path, "figure", "1")
    assert figure.caption.startswith("Comparison of output of 3 abstractive summarization models on a news"), figure


def test_a_table_at_the_top_of_a_page_under_a_one_line_caption_keeps_its_top_rule(tmp_path):
    # Unlike a running head's rule, the top rule of a table set first on a page sits right under
    # the table's one-line caption: it is the table's.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 62, "Table 4: Error rates of single models on the validation set.", size=9)
    _rules(page, 72, 540, [65, 84, 134])
    _text(page, 80, 79, "Method      top-1 err.      top-5 err.", size=9)
    for i in range(4):
        _text(page, 80, 96 + 11 * i, f"ResNet-{34 + 17 * i}      {20 + i}.45      {5 + i}.31", size=9)
    _prose(page, 72, 540, 150, 700)
    table = _float(doc, tmp_path, "table", "4")
    assert table.bbox is not None and _contains(table.bbox, (72, 65, 540, 134), slack=0.5), table


def test_a_tables_caption_repeated_on_the_next_page_is_no_text(tmp_path):
    # BMVC: a long table runs onto the next page under "Table 1: ... (continued from previous page)";
    # the sentence cut at the foot of the page before goes on after the table, without that caption.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 80, "1 Results", size=12)
    _text(page, 72, 120, "Table 1: Classification results on the test set for every method we compare.")
    _rules(page, 72, 540, [126, 140])
    for i in range(5):
        _text(page, 80, 152 + 11 * i, f"method {i}    {50 + i}.1    {60 + i}.2    {70 + i}.3", size=8)
    _rules(page, 72, 540, [206])
    _prose(page, 72, 540, 230, 700)
    cut = "As expected, all the recent methods improve the classification accuracy over the spatial his-"
    _text(page, 72, 716, cut, size=10)
    second = doc.new_page(width=612, height=792)
    _text(second, 72, 60, "Table 1: Classification results on the test set (continued from previous page)")
    _rules(second, 72, 540, [66, 80])
    for i in range(5):
        _text(second, 80, 92 + 11 * i, f"method {i + 5}    {50 + i}.4    {60 + i}.5    {70 + i}.6", size=8)
    _rules(second, 72, 540, [146])
    _text(second, 72, 170, "togram of visual words baseline, as the table shows for every class.", size=10)
    paper, _ = _save(doc, tmp_path)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "spatial histogram of visual words baseline, as the table shows" in text, text[-400:]
    assert [t.number for t in paper.tables] == ["1"]
    assert "continued" not in text


def test_a_figures_upper_row_wider_than_the_lower_one_is_in_its_crop(tmp_path):
    # CLIP4Clip's Figure 1: "(a) Main structure" across the page over a narrower "(b) Similarity
    # calculator"; the caption under both. The crop holds both rows.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 60, "1 Introduction", size=12)
    page.draw_rect(pymupdf.Rect(80, 80, 530, 190), color=(0, 0, 0), fill=(0.85, 0.9, 1))
    _text(page, 270, 203, "(a) Main structure", size=8)
    page.draw_rect(pymupdf.Rect(100, 212, 495, 300), color=(0, 0, 0), fill=(0.9, 1, 0.85))
    _text(page, 260, 312, "(b) Similarity calculator", size=8)
    _text(page, 72, 332, "Figure 1: The framework of the model, with a text encoder, a video encoder and a similarity calculator "
                         "that compares the two")
    _text(page, 72, 343, "representations: the text and the frames are encoded apart and then compared by the calculator.")
    _prose(page, 72, 540, 360, 700)
    fig = _float(doc, tmp_path, "figure", "1")
    assert _contains(fig.bbox, (80, 80, 530, 190)) and _contains(fig.bbox, (100, 212, 495, 300)), fig.bbox


def test_a_readers_pen_strokes_and_notes_are_no_part_of_a_figure(tmp_path):
    # AlexNet as a student annotated it: ink circles and underlines over the text above a figure
    # and a sticky note in the margin are annotations, drawn with the page but not the paper's.
    # Joined with the figure, the strokes stretched its crop up over the text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 540, 72, 300)
    _plot(page, 250, 330, 450, 450, title="Error")
    _text(page, 200, 480, "Figure 2: Training error of the two networks over the epochs")
    _prose(page, 72, 540, 500, 720)
    page.add_ink_annot([[(300, 290), (380, 296), (440, 292)], [(90, 460), (180, 470), (240, 466)]])
    page.add_text_annot((40, 400), "check this against Table 1")
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (228, 330, 450, 450))
    assert figure.bbox[1] > 305 and figure.bbox[0] > 190  # neither the strokes nor the note


def test_elsevier_fonts_named_by_a_weight_suffix_give_bold_labels_and_headings(tmp_path):
    # Elsevier's typesetting names its faces AdvTimes, AdvTimes-b and AdvTimes-i, with no bold flag
    # in the font: "Fig. 1" (bold, then a wide space, then the caption in roman) was no caption and
    # "2. Related work" (bold) no heading, so a journal article had no figure and no section.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_text((45, 60), "1. Introduction", fontname="tibo", fontsize=9)
    _prose(page, 45, 284, 66, 300, size=9)
    page.insert_text((45, 330), "2. Related work", fontname="tibo", fontsize=9)
    _prose(page, 45, 284, 336, 700, size=9)
    page.draw_rect((320, 60, 540, 170), color=(0, 0, 0), width=0.8)
    page.insert_text((311, 188), "Fig. 1", fontname="tibo", fontsize=8.5)
    page.insert_text((343, 188), "Top words' frequency in the email collection.", fontname="tiro", fontsize=8.5)
    _prose(page, 311, 550, 200, 580, size=9)
    page.draw_rect((320, 600, 540, 690), color=(0, 0, 0), width=0.8)
    page.insert_text((311, 705), "Fig. 14", fontname="tibo", fontsize=8.5)  # a caption opening with a digit
    page.insert_text((347, 705), "4-Gram emails' classification results.", fontname="tiro", fontsize=8.5)
    for xref, _, _, name, *_ in page.get_fonts():
        doc.xref_set_key(xref, "BaseFont", "/AdvTimes-b" if name == "Times-Bold" else "/AdvTimes")
    paper, _ = _save(doc, tmp_path)
    assert [(s.number, s.title) for s in paper.sections] == [("1", "Introduction"), ("2", "Related work")]
    figure = _floats(paper)[("figure", "1")]
    assert figure.caption == "Top words' frequency in the email collection." and figure.bbox is not None
    assert _floats(paper)[("figure", "14")].caption == "4-Gram emails' classification results."


def test_an_image_counts_as_far_as_its_clip_reaches(tmp_path):
    # TAO (USENIX ATC 2013): Figure 1's images are drawn past the column and below the caption,
    # clipped to the figure's frame; unclipped, the figure's box reached 160 pt off the page and
    # over its caption.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    shot = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    shot.clear_with(120)
    page.insert_image(pymupdf.Rect(330, 240, 700, 460), pixmap=shot, keep_proportion=False)
    xref = page.get_contents()[-1]
    # clip to x 330..540, y 240..420 (PDF space counts y from the foot of the page)
    doc.update_stream(xref, b"q 330 372 210 180 re W n\n" + doc.xref_stream(xref) + b"\nQ")
    _text(page, 316, 445, "Figure 1: A running example of how a user's checkin is stored.")
    _prose(page, 72, 290, 72, 720)
    _prose(page, 316, 540, 470, 720)
    figure = _float(doc, tmp_path, "figure", "1")
    assert figure.bbox is not None and _contains(figure.bbox, (330, 240, 540, 420))
    assert figure.bbox[2] <= 545 and figure.bbox[3] <= 425


def test_a_table_whose_caption_is_set_on_its_shaded_panel_gets_the_panel(tmp_path):
    # Elsevier: a table is printed on a tinted panel that also holds its caption at the top. The crop
    # is the panel under the caption (which has a box of its own): CACM's panel, caption over a
    # note over its table, was twice the table's height.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.draw_rect((54, 582, 293, 731), color=None, fill=(0.9, 0.95, 1.0))
    _rules(page, 59, 287, [598, 612, 725])
    _text(page, 59, 594, "Table 1. Top most common words in the data set.", size=8.5)
    for i, row in enumerate(("Word Frequency", "email 19620", "meeting 4311", "report 2981")):
        _text(page, 62, 608 + 14 * i, row, size=8.5)
    _prose(page, 54, 293, 60, 570, size=9)
    _prose(page, 311, 550, 60, 720, size=9)
    table = _float(doc, tmp_path, "table", "1")
    assert table.bbox is not None and _contains(table.bbox, (54, 598, 293, 731))
    assert table.bbox[1] >= table.caption_bbox[3] - 0.5, (table.bbox, table.caption_bbox)


def test_a_short_table_label_over_its_full_width_caption_is_one_caption(tmp_path):
    # Elsevier (Neural Networks 2017): "Table 1" in bold 6.5 pt on a line of its own, the caption's
    # lines under it across the page, their boxes overlapping the label's by a point. The label,
    # short enough to count as a left-column line, and the caption were two blocks: no table.
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=794)
    first.insert_text((43, 80), "1. Introduction", fontname="tibo", fontsize=9)
    _prose(first, 43, 290, 90, 740, size=9)
    _prose(first, 306, 553, 72, 740, size=9)
    page = doc.new_page(width=595, height=794)
    page.insert_text((95, 71), "Table 1", fontname="tibo", fontsize=6.5)
    page.insert_text((95, 79.5), "Test accuracy and UAR of various ConvNet architectures. FC(n) denotes a fully-connected layer "
                     "of n units followed by BatchNorm.", fontname="tiro", fontsize=6.5)
    _rules(page, 95, 511, [90, 102, 180])
    for i, row in enumerate(("Conv(8x4x4) FC(512) 58.9 58.2", "Conv(16x4x4) FC(512) 60.2 59.9",
                             "Conv1D(32x40x16) FC(1024) 61.7 60.8")):
        _text(page, 100, 115 + 12 * i, row, size=6.5)
    _prose(page, 43, 290, 200, 740, size=9)
    _prose(page, 306, 553, 200, 740, size=9)
    table = _float(doc, tmp_path, "table", "1")
    assert table.caption.startswith("Test accuracy and UAR of various ConvNet architectures.")
    assert table.bbox is not None and _contains(table.bbox, (95, 90, 511, 180))


def test_a_landscape_page_set_with_rotate_is_read_as_shown(tmp_path):
    # pdflscape: a wide table's page is stored upright and shown turned (/Rotate 90), its text
    # running up the stored page. Read there, every line was rotated text and was skipped: the
    # table and its caption were lost.
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    first.insert_text((72, 80), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(first, 72, 540, 95, 720)
    page = doc.new_page(width=612, height=792)
    page.set_rotation(90)  # shown 792 wide, 612 high

    def at(x: float, y: float) -> pymupdf.Point:  # a point of the page as shown, in the stored page
        return pymupdf.Point(x, y) * page.derotation_matrix

    page.insert_text(at(100, 90), "Table 5: Accuracy of every model on each benchmark we ran.", fontname="tiro",
                     fontsize=10, rotate=90)
    for y in (100, 116, 200):
        page.draw_line(at(100, y), at(690, y), width=0.6)
    for i, row in enumerate(("Model GLUE SQuAD RACE", "Base 78.3 88.5 66.1", "Large 80.5 90.9 72.0",
                             "Ours 82.1 91.7 74.4", "Ours (large) 84.0 92.2 75.9", "Human 87.1 91.2 94.5")):
        page.insert_text(at(110, 112 + 16 * i if i else 112), row, fontname="tiro", fontsize=9, rotate=90)
    table = _float(doc, tmp_path, "table", "5")
    assert table.page == 2 and table.caption == "Accuracy of every model on each benchmark we ran."
    assert table.bbox is not None and _contains(table.bbox, (100, 100, 690, 200))
    assert table.bbox[2] <= 792 and table.bbox[3] <= 612  # on the page as shown


def test_white_paint_reaching_into_the_next_column_is_no_part_of_the_figure(tmp_path):
    # J Braz Comput Soc 2013: a white stroke 149 pt wide lies behind a piano roll in the left
    # column; with its width it reached into the right column, and the figure swallowed the
    # right column's "2.2 Onsets" heading and first lines.
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=791)
    first.insert_text((54, 80), "1 Introduction", fontname="tibo", fontsize=10)
    _prose(first, 54, 544, 90, 740, size=9)
    page = doc.new_page(width=595, height=791)
    page.draw_line((54, 131), (286, 131), color=(1, 1, 1), width=149)
    page.draw_rect((54, 60, 286, 200), color=None, fill=(0.3, 0.3, 0.3))
    page.insert_text((54, 222), "Fig. 2", fontname="tibo", fontsize=9)
    _text(page, 82, 222, "Example of a piano-roll and the related acoustic signal.")
    _prose(page, 54, 290, 235, 740, size=9)
    page.insert_text((306, 70), "2.1 Pitch", fontname="tibo", fontsize=10)
    _prose(page, 306, 544, 75, 110, size=9)
    page.insert_text((306, 130), "2.2 Onsets", fontname="tibo", fontsize=10)
    _prose(page, 306, 544, 140, 740, size=9)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "2")]
    assert figure.bbox is not None and figure.bbox[2] < 295, figure.bbox
    assert [s.title for s in paper.sections][-1] == "Onsets"


def test_a_caption_goes_on_over_the_phrase_it_sets_in_bold(tmp_path):
    # ICML 2019 (arXiv article): Figure 1's caption ends "... Early on, models are more" /
    # "**accurate on the good samples.**"; the bold line was cut from the caption and read as the
    # end of the sentence the previous page had left open.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect((120, 80, 490, 380), color=(0, 0, 0), width=0.8)
    _text(page, 90, 408, "Figure 1: Evolution of model accuracy for clean and bad samples over the training epochs.", size=10)
    _text(page, 90, 420, "In all instances models are trained on the tainted data. Early on, models are more", size=10)
    page.insert_text((90, 432), "accurate on the good samples.", fontname="tibo", fontsize=10)
    _prose(page, 90, 522, 450, 720, size=10)
    figure = _float(doc, tmp_path, "figure", "1")
    assert figure.caption.endswith("Early on, models are more accurate on the good samples."), figure.caption


def test_thick_arrows_are_bounded_by_their_ink_not_by_the_miter_limit(tmp_path):
    # Royal Society Interface 2016, a network of birds drawn with arrows 6.5 pt thick (mitred joins,
    # miter limit 10): MuPDF bounds such a stroke 30 to 70 pt past its ink, so Figure 9's box reached
    # over the page's top and into the right column, where it took Figure 10's plots and the text
    # beside them; Figure 10 got no box.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for x0, y0, x1, y1 in ((90, 80, 250, 110), (250, 110, 160, 230), (160, 230, 90, 80)):
        shape = page.new_shape()
        shape.draw_polyline([(x0, y0), (x1, y1), (x0 + 0.3 * (x1 - x0) + 6, y0 + 0.3 * (y1 - y0))])
        shape.finish(color=(0, 0, 0), width=6.5, lineJoin=0, closePath=False)
        shape.commit()
    for x, y in ((90, 80), (250, 110), (160, 230)):
        page.draw_circle((x, y), 12, color=(0, 0, 0), fill=(1, 1, 1), width=1)
    _text(page, 60, 270, "Figure 9: Network plot of influence strengths between the birds.")
    _prose(page, 60, 283, 290, 780)
    _plot(page, 360, 60, 540, 200)
    _text(page, 320, 225, "Figure 10: Aggregate kernels of the dataset.")
    _prose(page, 320, 540, 245, 780)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    network, kernels = floats[("figure", "9")], floats[("figure", "10")]
    assert network.bbox is not None and network.bbox[1] > 50 and network.bbox[2] < 300, network.bbox
    assert kernels.bbox is not None and kernels.bbox[0] > 300, kernels.bbox



def test_a_stamp_and_page_tab_repeated_in_the_margin_are_no_part_of_a_figure(tmp_path):
    # Royal Society Interface 2016: every page has the journal's stamp set rotated down the right
    # margin in two pieces, each shorter than a figure, and a tab holding the page number above it.
    # As an axis title and a panel they stretched every figure near the margin over to them.
    doc = pymupdf.open()
    for number in range(1, 4):
        page = doc.new_page(width=595, height=842)
        page.draw_rect((561, 43, 578, 54), color=None, fill=(0.6, 0.6, 0.6))
        _text(page, 575, 164, "rsif.royalsocietypublishing.org", size=8, rotate=90)
        _text(page, 575, 290, "J R Soc Interface 13: 20160296", size=8, rotate=90)
        if number == 2:
            _plot(page, 80, 70, 300, 200)
            _plot(page, 330, 70, 540, 200)
            _text(page, 60, 230, "Figure 3: Aggregate view of the influence kernels recovered from the data.")
            _prose(page, 60, 540, 250, 780)
        else:
            _prose(page, 60, 540, 70, 780)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "3")]
    assert figure.bbox is not None and figure.bbox[2] < 550 and figure.bbox[1] > 55, figure.bbox


def test_bare_panel_labels_under_a_row_of_plots_stay_in_the_figure(tmp_path):
    # ICCV 2019 Figure 3 and an IEEE TSP Figure 2: bare "(a)" "(b)" under a row of plots were read as
    # text; on the ICCV page they opened the caption's block, so "Figure 3." was no caption, and on
    # the IEEE page they stood as a paragraph "(a) (b) (c)" in the body text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    for x0 in (340, 460):  # (no tick labels under the frames: the labels stand clear of the drawings)
        page.draw_rect((x0, 75, x0 + 90, 168), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    _text(page, 380, 179.5, "(a)", size=9)  # a line's pitch over the caption, just off the frames
    _text(page, 500, 179.5, "(b)", size=9)
    _text(page, 322, 190, "Figure 3. (a) The probability density for samples with correct")
    _text(page, 322, 201, "labels and wrong ones. (b) The similarity against the density.")
    _prose(page, 322, 540, 220, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "3")]
    assert figure.caption.startswith("(a) The probability density")
    assert figure.bbox is not None and _contains(figure.bbox, (340, 75, 550, 181))
    assert not any("(a) (b)" in p.text or p.text.strip() in ("(a)", "(b)")
                   for s in paper.sections for p in s.paragraphs)


def test_a_caption_whose_text_opens_with_a_digit_under_its_graphic_is_a_caption(tmp_path):
    # IEEE TSP: "Figure 2. 5-step prediction using a GNN ..." under a row of plots was taken for a
    # "Figure 2.5" mention broken at the dot, and the figure was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for x0 in (80, 250, 420):
        _plot(page, x0, 60, x0 + 120, 160)
    _text(page, 60, 186, "Figure 2. 5-step prediction using a GNN, a GRNN and a RNN. (a) Training error over steps.")
    _prose(page, 60, 290, 220, 720)
    _prose(page, 322, 550, 220, 720)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.caption.startswith("5-step prediction")
    assert figure.bbox is not None and _contains(figure.bbox, (80, 60, 540, 160))


def test_tables_at_the_top_of_two_pages_with_captions_alike_are_not_running_heads(tmp_path):
    # ICML 2019: "Table 2. Validation accuracy on CIFAR-10 (top) and CIFAR-100" and "Table 3. ..." open
    # two pages at the same height under the running head; with their numbers masked they read
    # alike, so both were dropped as a running head and the two tables were lost.
    doc = pymupdf.open()
    for number in (2, 3):
        page = doc.new_page(width=612, height=792)
        _text(page, 220, 52, "Unsupervised Label Noise Modeling and Loss Correction")
        _text(page, 55, 85, f"Table {number}. Validation accuracy on CIFAR-10 (top) and CIFAR-100")
        _text(page, 55, 96, "(bottom) for joint mixup and bootstrapping. Bold is best.")
        _rules(page, 55 + number, 290, [104, 118, 170])  # (one box on every page would be furniture)
        for i in range(4):
            _text(page, 60, 130 + 11 * i, f"M-DYR-H   9{i}.{number}   8{i}.5   7{i}.1")
        _prose(page, 55, 290, 185, 720)
        _prose(page, 307, 540, 85, 720)
        _text(page, 300, 760, str(number + 4))
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    for number in ("2", "3"):
        table = floats[("table", number)]
        assert table.caption.startswith("Validation accuracy on CIFAR-10")
        assert table.bbox is not None and _contains(table.bbox, (55 + int(number), 104, 290, 170))


def test_panel_labels_under_a_gap_or_a_shorter_panel_stay_in_the_figure(tmp_path):
    # NIPS 2018: "(a)" centred under the gap between two drawings touched neither; NIPS 2016 GAIL:
    # "(b)" under a plot that ends 30 pt higher than its neighbour stood too far below it. Each was
    # read as text ("(b) sizes we tested, ...").
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((100, 60), "1 Introduction", fontname="tibo", fontsize=12)  # the text after it is a section's
    for x0, x1, y1 in ((100, 160, 160), (172, 232, 160), (250, 400, 125)):
        page.draw_rect((x0, 75, x1, y1), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    _text(page, 160, 172, "(a)", size=8)
    _text(page, 320, 172, "(b)", size=8)
    _text(page, 100, 186, "Figure 1: (a) Hand drawings and their renderings. (b) A program inferred from a drawing.")
    _prose(page, 100, 500, 205, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "1")]
    assert figure.bbox is not None and _contains(figure.bbox, (100, 75, 400, 173))
    texts = [paper.abstract or ""] + [p.text for s in paper.sections for p in s.paragraphs]
    assert not any(text.lstrip().startswith(("(a)", "(b)")) for text in texts), texts


def test_a_table_in_one_column_leaves_the_float_level_with_it_in_the_other(tmp_path):
    # ICCV 2019: Algorithm 1's frame fills the top of the left column, 10 pt from Table 1 at the top
    # of the right one; the table's crop took the algorithm in as a panel beside it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect((50, 72, 287, 86), color=(0, 0, 0), width=0.4)  # the frame round the algorithm's title
    _rules(page, 50, 287, [278], width=0.4)
    _text(page, 52, 82, "Algorithm 1 Iterative Learning")
    for i in range(10):
        _text(page, 60, 100 + 17 * i, f"{i + 1}: sample (X, Y) from the training set and update step {i}")
    _rules(page, 312, 542, [72, 86, 229])
    for i in range(12):
        _text(page, 315, 98 + 11 * i, f"{i + 1}   Cross Entropy   1M noisy   {69 + i}.54")
    _text(page, 312, 245, "Table 1. The classification accuracy (%) on Clothing1M.")
    _prose(page, 50, 290, 300, 720)
    _prose(page, 312, 542, 260, 720)
    table = _float(doc, tmp_path, "table", "1")
    assert table.bbox is not None and _contains(table.bbox, (312, 72, 542, 229))
    assert table.bbox[0] > 300


def test_white_paint_under_the_next_columns_text_is_no_part_of_the_figure(tmp_path):
    # KDD 2010: a figure across the page's top sets three images, each on a white rectangle that
    # runs on past the figure, down over the right column to 290 pt and off the page's edge. The
    # paint lies under whole lines of that column (its heading and first paragraph), which the
    # figure took in: "2. Ranking vertices in information networks" and "2.1 Information networks"
    # were lost with their text.
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    first.insert_text((54, 80), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(first, 54, 558, 90, 740, size=9)
    page = doc.new_page(width=612, height=792)
    for x0 in (136, 254, 372):
        page.draw_rect((x0, 55, 612, 290), color=None, fill=(1, 1, 1))
        page.draw_rect((x0, 55, x0 + 104, 135), color=None, fill=(0.4, 0.5, 0.6))
    _text(page, 136, 146, "(a) An illustrative network.", size=8)
    _text(page, 250, 146, "(b) Weighting with PageRank.", size=8)
    _text(page, 380, 146, "(c) A diverse weighting.", size=8)
    _text(page, 163, 166, "Figure 1: An illustration of diverse ranking in a toy network.")
    _prose(page, 54, 293, 190, 740, size=9)
    page.insert_text((317, 202), "2 Ranking vertices in networks", fontname="tibo", fontsize=12)
    _prose(page, 317, 556, 210, 250, size=9)
    page.insert_text((317, 270), "2.1 Information networks", fontname="tibo", fontsize=11)
    _prose(page, 317, 556, 276, 740, size=9)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "1")]
    assert figure.bbox is not None and figure.bbox[2] < 490 and figure.bbox[3] < 160, figure.bbox
    assert [s.title for s in paper.sections][-2:] == ["Ranking vertices in networks", "Information networks"]
    assert paper.sections[-2].paragraphs and paper.sections[-2].paragraphs[0].text.startswith("The workers read")


def test_an_algorithm_floats_rules_are_not_the_table_above_it(tmp_path):
    # ICLR 2020 appendix: Table 4 (booktabs rules 108..504) and, 53 pt under its bottom rule, an
    # algorithm float whose top rule is just as wide; the heading between them, in the type of the
    # algorithm's lines (set in 12 pt, one of them reads as prose), was not larger than a table's
    # type, so the two floats' rules were joined into one table that took the heading in.
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    first.insert_text((108, 80), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(first, 108, 504, 90, 720)
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 92), "4 Graph size at each coarsening level", fontname="tibo", fontsize=12)
    _text(page, 108, 120, "Table 4: Number of nodes at each coarsening level.", size=10)
    _rules(page, 108, 504, [163, 180, 256])
    _text(page, 114, 175, "Dataset    Level 0    Level 1    Level 2    Level 3", size=10)
    for i, row in enumerate(("Cora 2,708 1,169 519 218", "Citeseer 3,327 1,488 606 282", "Pubmed 19,717 7,903 3,562 1,651",
                             "PPI 14,755 5,061 1,815 685", "Reddit 232,965 84,562 30,738 11,598")):
        _text(page, 114, 192 + 12 * i, row, size=10)
    page.insert_text((108, 293), "5 The coarsening algorithm", fontname="tibo", fontsize=12)
    _rules(page, 108, 504, [309, 325, 517])
    _text(page, 108, 321, "Algorithm 1: Coarsening algorithm", size=12)
    for i, row in enumerate(("Input: adjacency matrix A; features X", "the base embedding function and the coarsening level",
                             "Output: node embedding matrix E", "1 A0 = fuse(A, X);", "2 for i = 1...l do",
                             "3 Ai, Hi = coarsen(Ai-1);", "4 end", "5 E = embed(Al);")):
        _text(page, 118, 340 + 20 * i, row, size=12)
    page.insert_text((108, 545), "6 Spectral coarsening", fontname="tibo", fontsize=12)
    _prose(page, 108, 504, 555, 720)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "4")]
    assert table.bbox is not None and table.bbox[3] < 270, table.bbox
    assert [s.title for s in paper.sections] == ["Introduction", "Graph size at each coarsening level",
                                                 "The coarsening algorithm", "Spectral coarsening"]


def _paragraphs(paper) -> list[str]:
    return [p.text for s in paper.sections for p in s.paragraphs]


def _opened(width: float = 595, height: float = 842) -> tuple[pymupdf.Document, pymupdf.Page]:
    """A document whose first page opens a section, and a second page for the float (text on a
    first page before any heading is front matter)."""
    doc = pymupdf.open()
    first = doc.new_page(width=width, height=height)
    first.insert_text((54, 80), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(first, 54, width - 54, 90, height - 60)
    return doc, doc.new_page(width=width, height=height)


def _network(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """Three nodes joined by arrows, their letters inside."""
    nodes = ((x0 + 10, y0 + 10), (x1 - 10, (y0 + y1) / 2), (x0 + 10, y1 - 10))
    for (ax, ay), (bx, by) in zip(nodes, nodes[1:] + nodes[:1]):
        page.draw_line((ax, ay), (bx, by), color=(0, 0, 0), width=1.5)
    for (x, y), name in zip(nodes, "ABC"):
        page.draw_circle((x, y), 8, color=(0, 0, 0), fill=(0.8, 0.8, 0.8), width=0.8)
        _text(page, x - 3, y + 3, name)


def test_panel_titles_and_axis_titles_set_a_little_off_their_drawings_are_the_figures(tmp_path):
    # Royal Society Interface 2016, Figure 1: a row of panel titles over four network drawings,
    # 1 to 11 pt above them ("synthetic ground-truth", "GLMpp (PCA" over "magnitudes)"); the titles
    # within 8 pt were taken into the figure, "synthetic ground-truth" and "GLMpp (PCA" were read
    # as body text. Figure 10: "time (s)" 3.5 pt under a plot's tick labels, read as body text too.
    doc, page = _opened()
    _network(page, 75, 292, 135, 383)
    _network(page, 175, 276, 257, 400)
    _network(page, 295, 278, 379, 402)
    _network(page, 402, 289, 496, 421)
    for x, title in ((76, "synthetic ground-truth"), (196, "cross-correlation"), (294, "empirical Markov model"),
                     (429, "GLMpp (PCA")):
        _text(page, x, 279, title)
    _text(page, 433, 290, "magnitudes)")
    _text(page, 42, 445, "Figure 1. A synthetic example of indirect causation between the three birds.", size=10)
    _prose(page, 42, 283, 470, 780)
    _plot(page, 345, 480, 534, 610)
    _text(page, 359, 620, "0.5   1.0   1.5   2.0   2.5   3.0   3.5   4.0")
    _text(page, 424, 632, "time (s)")
    _text(page, 312, 660, "Figure 10. Aggregate kernels for the dataset of the second trial.", size=10)
    _prose(page, 312, 552, 680, 780)
    paper, _ = _save(doc, tmp_path)
    text = " ".join(_paragraphs(paper))
    for label in ("synthetic ground-truth", "GLMpp", "magnitudes", "time (s)"):
        assert label not in text
    floats = _floats(paper)
    assert floats[("figure", "1")].bbox is not None and floats[("figure", "1")].bbox[1] < 273, floats[("figure", "1")].bbox
    assert floats[("figure", "10")].bbox is not None and floats[("figure", "10")].bbox[3] > 632, floats[("figure", "10")].bbox


def test_a_row_of_panel_labels_over_heat_maps_is_the_figures(tmp_path):
    # Royal Society Interface 2016, Figure 8: over each row of matrices stands a row of labels,
    # "(a)" at the left edge (over the rotated axis title) and "day 1" ... "day 18" 5 pt over the
    # matrices, and a colour bar's two-line title ("correlation" / "index") at its right. The row
    # was cut from the crop and read as body text ("day 1 day 7 correlation day 11 day 18").
    # ACL 2019 (Figure 2), the same shape: "y0 y1 y2 y3" over each grid, "x1" ... "x4" beside it.
    doc, page = _opened()
    for x0 in (78, 183, 288, 393):
        for i in range(4):
            for j in range(4):
                page.draw_rect((x0 + 22 * j, 269 + 22 * i, x0 + 22 * j + 21, 269 + 22 * i + 21), color=None,
                               fill=(0.2 + 0.1 * i, 0.3, 0.9 - 0.1 * j))
        for i in range(4):
            _text(page, x0 - 13, 284 + 22 * i, f"x{i + 1}", size=8)
    page.draw_rect((485, 269, 495, 355), color=None, fill=(0.5, 0.2, 0.2))
    _text(page, 488, 260, "correlation", size=8)
    _text(page, 488, 268, "index", size=8)
    _text(page, 60, 345, "influence of sender", size=8, rotate=90)
    _text(page, 53, 263, "(a)")
    for x, day in ((105, "day 1"), (210, "day 7"), (313, "day 11"), (418, "day 18")):
        _text(page, x, 263, day, size=8)
    _text(page, 42, 380, "Figure 8. Interindividual influence strengths for the dataset of Gill et al.", size=10)
    _prose(page, 42, 283, 400, 780)
    _prose(page, 312, 552, 400, 780)
    paper, _ = _save(doc, tmp_path)
    text = " ".join(_paragraphs(paper))
    for label in ("day 1", "day 18", "correlation", "(a)", "x1", "x4"):
        assert label not in text
    figure = _floats(paper)[("figure", "8")]
    assert figure.bbox is not None and _contains(figure.bbox, (53, 254, 520, 355)), figure.bbox


def test_two_like_fraction_bars_far_apart_are_no_table(tmp_path):
    # NIPS 2017 supplement: the same display (a fraction over "≤ 3/2") set twice on a page, 260 pt
    # apart, draws two fraction bars of one width; they were joined as a long table's rules (the
    # prose between them, full of symbols, did not read as prose) and the derivation between them
    # was taken in as the table's cells: "(a)" over its "≥" was lost. (Relation signs are drawn
    # in ASCII here: the base-14 font has no "≥".)
    doc, page = _opened(612, 792)

    def fraction(y: float) -> None:
        _text(page, 272, y - 4, "ra m log(2)", size=10)
        page.draw_line((251.6, y), (339.8, y), color=(0, 0, 0), width=0.4)
        _text(page, 252, y + 10, "log(pT) - 2m log(2)", size=10)
        _text(page, 345, y + 4, "< 3/2", size=10)

    _text(page, 108, 180, "Lemma 1 If T > K2.4, p = T/K2 and m < 1/(2 log2 e), then,", size=10)
    fraction(212.7)
    _text(page, 108, 244, "Proof 4 The proof is based on contradiction. Suppose", size=10)
    _text(page, 240, 268, "log(pT) - 2m log(2) > 3/2.", size=10)
    _text(page, 108, 298, "Then, with p = T/K2 and ra = 1/2, we obtain", size=10)
    _text(page, 209, 320, "6 log(K) > 6 log(T) - 7m log(2)", size=10)
    _text(page, 256, 333, "(a)", size=7)
    _text(page, 257, 341, "> 6 log(T) - 7/(2 log2 e) log(2)", size=10)
    _text(page, 257, 363, "= 2.5 log(T) + 3.5 log2(e) log(2)", size=10)
    _text(page, 256, 376, "(b)", size=7)
    _text(page, 257, 383, "= 2.5 log(T) + 3.5", size=10)
    _text(page, 108, 406, "where (a) is obtained using m < 1/(2 log2 e), while (b) follows from log2(e) log(2) = 1.", size=10)
    _text(page, 108, 428, "Finally, for T > K2.4 we obtain 6 log(K) > 6 log(K) + 3.5, which is a contradiction.", size=10)
    _text(page, 108, 450, "Hence, for T > K2.4, p = T/K2, r = 1/2 and m < 1/(2 log2 e) we have,", size=10)
    fraction(473.5)
    _prose(page, 108, 504, 500, 720)
    paper, _ = _save(doc, tmp_path)
    paragraphs = _paragraphs(paper)
    assert any(p.startswith("(a)") for p in paragraphs) and any(p.startswith("(b)") for p in paragraphs), paragraphs
    assert any("> 6 log(T) - 7/(2 log2 e) log(2)" in p for p in paragraphs)
    assert not paper.tables


def test_two_figures_of_two_panels_one_over_the_other_keep_their_own_panels(tmp_path):
    # SDM 2019: Figure 4's two panels, its one-line caption, then Figure 5's two panels 22 pt under
    # Figure 4's: Figure 5 took Figure 4's right-hand panel as a row of its own, across its caption.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 540, 60, 70)
    _plot(page, 130, 80, 300, 175)
    _plot(page, 335, 80, 505, 175)
    _text(page, 140, 188, "Figure 4: Performance comparison of node classification on the first data set.")
    _plot(page, 130, 196, 300, 295)
    _plot(page, 335, 196, 505, 295)
    _text(page, 140, 315, "Figure 5: Performance comparison of node classification on the second data set.")
    _prose(page, 72, 540, 340, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    four, five = floats[("figure", "4")].bbox, floats[("figure", "5")].bbox
    assert _contains(four, (130, 80, 505, 175)) and four[3] < 185
    assert _contains(five, (130, 196, 505, 295)) and five[1] > 185


def test_two_tables_side_by_side_part_where_their_rules_part(tmp_path):
    # XGBoost (KDD 2016) again: Table 2's rules run 16 pt into the right column, 6 pt short of
    # Table 3's; parted at the middle between their captions, Table 2 lost its last 16 pt and Table 3
    # took them.
    def rule(page):
        for x0, x1 in ((54, 310), (316, 577)):  # ruled all round, as \tabular with | and \hline
            _rules(page, x0, x1, [80, 95, 140])
            for x in (x0, x1):
                page.draw_line((x, 80), (x, 140), color=(0, 0, 0), width=0.5)

    left, right = _tables_side_by_side(tmp_path, rule, "Insurance claim ")
    assert _contains(left.bbox, (54, 80, 310, 140)) and left.bbox[2] < 316
    assert _contains(right.bbox, (316, 80, 577, 140)) and right.bbox[0] > 310


def test_a_plots_white_ground_wider_than_its_ink_is_no_part_of_the_crop(tmp_path):
    # MATLAB and matplotlib paint a white rectangle behind the plot, 10-56 pt past its axes, tick
    # labels and axis titles (IEEE TASLP, NIPS 2014, AAAI 2017): invisible on the page, it made the
    # crop that much wider. The crop is the visible graphic; the y-axis title (rotated) stays in it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 540, 72, 300)
    page.draw_rect((60, 310, 552, 480), color=None, fill=(1, 1, 1))
    page.draw_rect((130, 330, 300, 450), color=None, fill=(1, 1, 1))
    _plot(page, 130, 330, 300, 450, title="Seconds")
    _plot(page, 350, 330, 510, 450)
    _text(page, 100, 500, "Figure 2: Hidden states of the encoder projected on two axes.")
    _prose(page, 72, 540, 520, 720)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (96, 330, 510, 450))
    assert figure.bbox[0] > 90 and figure.bbox[2] < 515 and figure.bbox[1] > 322 and figure.bbox[3] < 460


def test_a_ground_a_rounding_off_white_past_the_pages_edge_is_no_part_of_the_crop(tmp_path):
    # EMNLP 2022 demo: a drawing program's ground of (0.99998, 1, 1), unseen, reached from the
    # right column's edge past the page's; the crop was 476 pt wide, its right edge at 782 pt.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _prose(page, 71, 289, 72, 760)
    page.draw_rect((300, 25, 800, 240), color=None, fill=(0.99998, 1, 1))
    _plot(page, 340, 80, 500, 220)
    _text(page, 360, 255, "Figure 2: Overall Workflow")
    _prose(page, 306, 524, 275, 760)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (340, 80, 500, 220)), figure
    assert figure.bbox[0] > 310 and figure.bbox[2] < 510 and figure.bbox[1] > 70, figure


def test_an_algorithm_frame_over_a_figure_is_no_panel_of_it(tmp_path):
    # NeurIPS 2019: Algorithm 1's frame of rules stood 13 pt over Figure 2's plots, as wide as the
    # text; the figure took it as a row of panels stacked over its own.
    doc = pymupdf.open()
    _prose(doc.new_page(width=612, height=792), 108, 504, 72, 700)
    page = doc.new_page(width=612, height=792)
    _rules(page, 108, 504, [72, 86])
    _text(page, 110, 82, "Algorithm 1 Candidate Model Generation Strategy.", size=10)
    for i, step in enumerate(("s: model size, M: model number, p: weight perturbation factor",
                              "D: training data, N: neuron set", "for i = 1, ..., M do",
                              "h = Train-model(D, N)", "Add m to M", "end for")):
        _text(page, 112, 100 + 14 * i, f"{i + 1}: {step}", size=10)
    _rules(page, 108, 504, [190])
    for x in range(130, 480, 20):  # two bar charts, as the paper's image of them
        page.draw_rect((x, 273 - (x * 7) % 60, x + 12, 273), color=None, fill=(0.6, 0.7, 0.9))
    page.draw_rect((118, 203, 492, 276), color=(0, 0, 0), width=0.5)
    _text(page, 250, 300, "Figure 2: Neuron activity analysis.", size=10)
    _prose(page, 108, 504, 320, 700)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (118, 203, 492, 276))
    assert figure.bbox[1] > 195


def _clipped_frame(page, clip: tuple, frame: tuple) -> None:
    """A white box with a pink shadow and a black frame, drawn inside a clip that cuts the frame's
    far side (a word processor's text box, EMNLP 2004)."""
    height = page.rect.height
    x0, y0, x1, y1 = clip
    f0, g0, f1, g1 = frame
    ops = (f"q {x0} {height - y1} {x1 - x0} {y1 - y0} re W n "
           f"1 0.8 0.8 rg {f0 + 3} {height - g1} {f1 - f0 - 3} {g1 - g0 - 3} re f "
           f"1 1 1 rg {f0} {height - g1 + 5} {f1 - f0 - 5} {g1 - g0 - 5} re f "
           f"0 0 0 RG 1 w {f0} {height - g1} {f1 - f0} {g1 - g0} re S Q\n").encode()
    xref = page.get_contents()[-1]
    page.parent.update_stream(xref, page.parent.xref_stream(xref) + b"\n" + ops)


def test_a_framed_text_box_whose_frame_runs_past_its_clip_is_part_of_the_figure(tmp_path):
    # EMNLP 2004 Figure 2: a sample abstract in a framed box over a word graph. The frame was
    # stroked 2 pt past the clip that cut the box, so the box, measured within the clip, had no
    # frame down its sides and was dropped as text highlighted in colour.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 30, "x", size=1)  # (a content stream to add the framed box to)
    _clipped_frame(page, (71.4, 22.1, 287.4, 91.3), (72.5, 23.5, 286.5, 94.5))
    for i in range(6):
        _text(page, 75, 34 + 10 * i, "Compatibility of systems of linear constraints over the natural numbers",
              size=8)
    for cx, cy in ((110, 130), (180, 120), (240, 160), (130, 200), (210, 230)):
        page.draw_circle((cx, cy), 12, color=(0, 0, 0), width=0.6)
    page.draw_polyline([(110, 130), (180, 120), (240, 160), (130, 200), (210, 230)], color=(0, 0, 0), width=0.6)
    _text(page, 72, 270, "Figure 2: Sample graph built for keyphrase extraction from an abstract.", size=10)
    _prose(page, 72, 288, 285, 700)
    _prose(page, 310, 540, 72, 700)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (72, 23, 286, 242))


def test_panel_captions_under_a_figure_captioned_above_are_in_its_crop(tmp_path):
    # NeurIPS 2022: the caption above the plots, the axis titles and "(a) CIFAR-100" under them;
    # the crop stopped at the tick labels.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 108, 504, 72, 340)
    _text(page, 108, 370, "Figure 2: Top-1 accuracy of a linear probe with different label sparsities.", size=10)
    for x0, x1, sub in ((143, 311, "(a) CIFAR-100"), (330, 499, "(b) CIFAR-10")):
        _plot(page, x0, 397, x1, 474)
        _text(page, x0 + 3, 484.5, "10", size=10)  # tick labels in two pieces, the axis title under them
        _text(page, x0 + 26, 484.5, "4   2   1   .5   .25", size=10)
        _text(page, x0 + 6, 505, "Label percentage (%)", size=10)
        _text(page, x0 - 3, 530, sub, size=9)
    page.insert_text((108, 565), "4.5 Model Cascade", fontname="tibo", fontsize=12)
    _prose(page, 108, 504, 575, 700)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (121, 397, 499, 532))
    assert figure.bbox[3] < 545


def test_white_ground_near_a_table_does_not_join_the_figure_under_it_to_the_table(tmp_path):
    # ICML 2009 page 7: Table 2, captioned above, and 7.6 pt under its last rule the white grounds
    # of Figure 3's image panels (each ground 10 pt taller than its image, for a label); within the
    # 8 pt that joins drawings, the unseen paint made table and figure one graphic, and the table
    # took the figure.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 250, 70, "Table 2. Test error for MNIST dataset", size=10)
    _rules(page, 87, 510, [74, 84, 123])
    for x in (234, 293, 353, 412, 472):
        page.draw_line((x, 74), (x, 123), color=(0, 0, 0), width=0.4)
    for i, row in enumerate(("Labeled training samples", "CDBN", "Ranzato et al. (2007)", "Weston et al. (2008)")):
        _text(page, 90, 82 + 11 * i, row, size=9)
        if i:
            _text(page, 240, 82 + 11 * i, "2.62%   2.13%   1.91%   1.59%   0.82%", size=9)
    for x in (68, 161, 254, 348, 441):
        page.draw_rect((x, 131, x + 86, 194), color=None, fill=(1, 1, 1))
        page.draw_rect((x, 141, x + 85, 194), color=None, fill=(0.5, 0.5, 0.5))  # the image
        _text(page, x + 30, 138, "faces", size=6)
        page.draw_rect((x, 197, x + 85, 253), color=None, fill=(0.4, 0.4, 0.4))
    _text(page, 55, 270, "Figure 3. Columns 1-4: the second layer bases (top) and the third layer bases (bottom).",
          size=10)
    _prose(page, 55, 540, 290, 700)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    table, figure = floats[("table", "2")].bbox, floats[("figure", "3")].bbox
    assert _contains(table, (87, 74, 510, 123)) and table[3] < 128
    assert _contains(figure, (68, 141, 526, 253)) and figure[1] > 125


def test_white_grounds_of_panels_a_point_apart_still_tile_one_figure(tmp_path):
    # JMLR 2013: three MATLAB panels, two over one, each on its own white ground; the grounds
    # lie 1 pt apart while the plots' ink is 20 pt apart: the grounds make them one figure.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for x0, y0 in ((137, 91), (307, 91), (222, 221.5)):
        page.draw_rect((x0, y0, x0 + 168, y0 + 129.5), color=None, fill=(1, 1, 1))
        _plot(page, x0 + 30, y0 + 10, x0 + 150, y0 + 105)
    _text(page, 108, 380, "Figure 5: Scores and run time of the full and greedy samplers.", size=10)
    _prose(page, 108, 504, 400, 700)
    figure = _float(doc, tmp_path, "figure", "5")
    assert figure.bbox is not None and _contains(figure.bbox, (145, 101, 457, 326))


def test_a_figure_of_words_keeps_its_side_labels_and_the_rows_under_its_diagram(tmp_path):
    # INLG 2024 Figure 1: a Venn diagram with tall brackets around its small labels, "Correction C"
    # beside it 30 pt past the circles (level with the next column's table caption, 17 pt across
    # the gutter), and three rows of words in the text's type between the diagram and its caption.
    doc = pymupdf.open()
    _prose(doc.new_page(width=612, height=792), 60, 295, 72, 700, size=11)
    page = doc.new_page(width=612, height=792)
    for cx, cy in ((175, 120), (150, 170), (203, 170)):
        page.draw_circle((cx, cy), 52, color=(0, 0, 0), width=0.6)
    for x, y in ((135, 134), (196, 134), (165, 162)):  # "(Over- Delete)" in a tall bracket
        _text(page, x, y, "(", size=14)
        _text(page, x + 5, y - 8, "Over-", size=8)
        _text(page, x + 5, y, "Delete", size=8)
    _text(page, 93, 86, "Source S", size=10)
    _text(page, 70, 214, "Reference R", size=10)
    _text(page, 241, 214, "Correction C", size=10)
    _text(page, 237, 226, "Who is you !", size=10)
    for i, row in enumerate(("Source S: What is you ?", "Reference R: Who are you ?", "Correction C: Who is you !")):
        _text(page, 100, 245 + 13 * i, row, size=11)
    _text(page, 71, 295, "Figure 1: A three-set Venn diagram of words.", size=10)
    _prose(page, 60, 295, 310, 700, size=11)
    _rules(page, 310, 520, [72, 86, 182])
    for i in range(6):
        _text(page, 315, 98 + 14 * i, f"S and R and C   region {i}   kept", size=10)
    _text(page, 310, 214, "Table 1: A table describes each region in Figure 1.", size=10)
    _prose(page, 310, 540, 240, 700, size=11)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "1")]
    assert figure.bbox is not None and _contains(figure.bbox, (70, 68, 292, 272))
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "Source S" not in text and "Correction C" not in text


def test_a_table_between_two_captions_set_below_tables_belongs_to_the_caption_under_it(tmp_path):
    # EMNLP 2016 (ACL style): Table 1, its caption, Table 2 and its caption stacked in one column;
    # Table 1's caption lies a point nearer Table 2 than its own table, and with one caption
    # looking each way the tie set table captions above: Table 1 took Table 2 and Table 2 had none.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    for number, top in (("1", 60), ("2", 192)):
        _rules(page, 330, 530, [top, top + 15, top + 100])
        for i in range(6):
            _text(page, 335, top + 27 + 12 * i, f"LSTM-{i}   8{i}.{number}   8{i}.5")
    _text(page, 330, 176, "Table 1: Aspects distribution per sentiment class.")
    _text(page, 330, 187, "Fo., Pr. and Se. refer to food, price, service.")
    _text(page, 330, 306, "Table 2: Accuracy on aspect level polarity classification.")
    _prose(page, 322, 540, 360, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    for number, top in (("1", 60), ("2", 192)):
        table = floats[("table", number)]
        assert table.bbox is not None and _contains(table.bbox, (330, top, 530, top + 100)), table
        assert table.bbox[1] > top - 10 and table.bbox[3] < top + 108, table


def _bold(page, x: float, y: float, text: str, size: float = 8) -> None:
    page.insert_text((x, y), text, fontname="tibo", fontsize=size)


def _chart(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A framed chart with a curve and no text."""
    page.draw_rect((x0, y0, x1, y1), color=(0, 0, 0), width=0.6)
    page.draw_polyline([(x0 + 5 + i * (x1 - x0 - 10) / 8, y1 - 5 - ((i * 37) % 11) * (y1 - y0 - 10) / 11)
                        for i in range(9)], color=(0, 0, 1), width=0.8)


def test_a_figure_over_its_caption_keeps_its_plots_from_the_panel_stack_under_the_caption(tmp_path):
    # SIGMOD 2021 (ACM): three plots across the page with bold panel captions under them, read as
    # one line across their columns, "Figure 15" under those, and 16 pt below it the first of
    # Figure 16's two stacked panels, its caption below the stack. Figure 15 took that first panel
    # (nearer than its own plots over the panel captions), and its crop stopped above the panel
    # captions (a long line over the float was taken for prose).
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _chart(page, 63, 84, 548, 170)
    subs = (("(a) Random forest (RF) and linear models", "(b) Median Q-Error (0 is a perfect",
             "(c) Simulated and observed time to train"),
            ("(Linear) used as the model. Best hint set", "prediction) of the predictive model vs.",
             "the performance prediction model (GPU)"),
            ("is the single best hint set.", "the number of queries processed.", "on the window size."))
    for k, row in enumerate(subs):
        x = 63.0
        for text in row:
            _bold(page, x, 182 + 10 * k, text)
            x += pymupdf.get_text_length(text, fontname="tibo", fontsize=8) + 6
    _bold(page, 211, 229, "Figure 15: Evaluation of the predictive model", size=9)
    _chart(page, 60, 247, 300, 306)
    _text(page, 150, 317, "(a) CPU time regret", size=8)
    _chart(page, 60, 322, 300, 413)
    _bold(page, 54, 436, "Figure 16: Regret of the selected hint over training iterations", size=9)
    _bold(page, 54, 447, "with fifty queries each, against the optimal hint set.", size=9)
    _prose(page, 54, 296, 470, 720)
    _prose(page, 318, 558, 247, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    first, second = floats[("figure", "15")], floats[("figure", "16")]
    assert first.bbox is not None and _contains(first.bbox, (63, 84, 545, 204)), first
    assert first.bbox[3] < 220, first
    assert second.bbox is not None and _contains(second.bbox, (60, 247, 300, 413)), second


def test_a_hairline_between_text_columns_is_no_part_of_the_figure_beside_it(tmp_path):
    # CACM (magazine): a hairline runs down the gutter between the columns; joined with the chart
    # it passes, Figure 3's crop was the height of the page.
    doc = pymupdf.open()
    page = doc.new_page(width=585, height=783)
    _prose(page, 36, 203, 54, 738)
    page.draw_line((209, 54), (209, 738), color=(0, 0, 0), width=0.3)
    _chart(page, 215, 300, 549, 505)
    _text(page, 221, 520, "Figure 3. Serverless vs serverful cloud computing.")
    _prose(page, 215, 549, 540, 738)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is not None and _contains(figure.bbox, (215, 300, 549, 505)), figure
    assert figure.bbox[0] > 210.5 and figure.bbox[1] > 290 and figure.bbox[3] < 515, figure


def test_a_legend_row_under_a_grid_of_plots_takes_the_whole_grid(tmp_path):
    # arXiv (pgfplots): six panels in three rows, one legend row 24 pt under them, narrower than
    # the grid and its caption; the caption found the legend nearest and the crop was the legend.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for row in range(3):
        for x0 in (160, 320):
            _chart(page, x0, 130 + 165 * row, x0 + 150, 280 + 165 * row)
    page.draw_rect((231, 635, 421, 647), color=(0, 0, 0), width=0.4)
    for i, name in enumerate(("PDQ", "BPDQ", "STD", "TIM")):
        page.draw_line((236 + 46 * i, 641), (250 + 46 * i, 641), color=(0, 0, 1), width=0.8)
        _text(page, 253 + 46 * i, 644, name, size=6)
    _text(page, 262, 670, "Fig. 5. Int benchmark.")
    figure = _float(doc, tmp_path, "figure", "5")
    assert figure.bbox is not None and _contains(figure.bbox, (160, 130, 470, 647)), figure
    assert figure.bbox[3] < 660, figure


def test_panel_titles_half_a_line_further_over_their_frames_are_in_the_crop(tmp_path):
    # pdqsort (arXiv), Figure 5: a grid of framed plots, each titled ("uniform", "sorted") in small
    # type a line and a fifth of its own height over its frame, level with the top tick labels; the
    # crop began at the frames and the titles were read as text.
    doc, page = _opened()
    size = 7.5
    font = pymupdf.Font("tiro")
    height = (font.ascender - font.descender) * size  # the height of a line's box in this type
    top = 300.0
    for x0, title in ((160, "uniform"), (330, "sorted")):
        page.draw_rect((x0, top, x0 + 150, top + 140), color=(0, 0, 0), width=0.6)
        page.draw_polyline([(x0 + 5 + 17 * i, top + 130 - (i * 37 % 11) * 11) for i in range(9)], color=(0, 0, 0))
        for k, tick in enumerate(("15", "10", "5", "0")):
            _text(page, x0 - 9, top + 3 + 45 * k, tick, size=size)
        # (baseline so that the title's box ends 1.2 of its heights over the frame)
        _text(page, x0 + 60, top - 1.2 * height + font.descender * size, title, size=size)
    _text(page, 160, top + 170, "Figure 5. Sorting time for each input distribution and size.", size=10)
    _prose(page, 54, 541, top + 190, 780)
    paper, _ = _save(doc, tmp_path)
    text = " ".join(_paragraphs(paper))
    assert "uniform" not in text and "sorted" not in text
    figure = _floats(paper)[("figure", "5")]
    assert figure.bbox is not None and figure.bbox[1] <= top - 2.2 * height + 1, (figure.bbox, top - 2.2 * height)


def test_a_paragraph_opening_on_a_mention_of_a_panel_is_no_caption(tmp_path):
    # VLDB 2020: a paragraph opens "Figure 1.b shows an Adya-style DSG ..." (the figure's own caption
    # is drawn inside its image); it was read as Figure 1's caption, "b shows ...", and left the text.
    doc, page = _opened()
    _prose(page, 54, 541, 60, 300)
    sentence = "Figure 1.b shows the ordering graph for the given reading of the trace above."
    _text(page, 64, 322, sentence, size=10)
    _prose(page, 54, 541, 326, 600)
    paper, _ = _save(doc, tmp_path)
    assert not paper.figures, paper.figures
    assert any(sentence in p for p in _paragraphs(paper)), _paragraphs(paper)


def test_a_figure_made_of_formulas_alone_is_cropped_to_them(tmp_path):
    # INLG 2024, Figure 2 ("Reformulation of GLEU."): display formulas with fraction bars and an
    # equation number, no drawing; the figure had no box. The text's displays and a sentence set in
    # its symbols over a caption are no figure (IEEE SPM: a side caption under equations 5 and 6).
    doc, page = _opened()
    _prose(page, 54, 541, 50, 200)
    for y, text in ((228, "p(n) = max(0, m(x) - r(x)) + max(0, s(x) - r(x))"), (246, "c(x) + m(x) + r(x) + t(x) + u(x)"),
                    (276, "q(n) = min(s(x), c(x)) - min(r(x), c(x)) + m(x)"), (294, "c(x) - u(x) + t(x) + o(x) + d(x)"),
                    (324, "g(n) = exp(p(n) - q(n)) + log(c(x) + r(x))")):
        page.insert_text((150, y), text, fontname="cour", fontsize=11)
    _text(page, 500, 262, "(9)", size=11)
    _rules(page, 150, 470, [236])  # a fraction bar
    _text(page, 228, 352, "Figure 2: Reformulation of the score.", size=10)
    _prose(page, 54, 541, 370, 520)
    # (over Figure 3's caption, the text's own displays and a sentence set with its symbols)
    page.insert_text((200, 530), "f(x) = max(0, x) + min(1, x)", fontname="cour", fontsize=11)
    page.insert_text((200, 546), "h(x) = exp(-d(x) / t) + g(x)", fontname="cour", fontsize=11)
    page.insert_text((200, 562), "with b = exp(-d / t) the output of each unit is given by s(t)", fontname="cour", fontsize=11)
    _text(page, 228, 586, "Figure 3: The loss of the model over the training run.", size=10)
    _prose(page, 54, 541, 600, 780)
    for font in page.get_fonts():
        if font[3] == "Courier":
            doc.xref_set_key(font[0], "BaseFont", "/CMMI10")  # a math font: the lines are mathematics
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    figure = floats[("figure", "2")]
    assert figure.bbox is not None and _contains(figure.bbox, (150, 218, 513, 327)), figure.bbox
    assert figure.bbox[1] > 200 and figure.bbox[3] < 345, figure.bbox
    assert floats[("figure", "3")].bbox is None


def test_a_panels_title_in_large_bold_type_inside_its_figure_is_no_section(tmp_path):
    # ACL 2015, Figure 1: "RecNN" in 14 pt bold at the top right of the left panel's tree, 9 pt over
    # it and 5 pt left of the right panel, inside the figure's crop; it was read as a section
    # heading, and the text after the figure as its paragraphs.
    doc, page = _opened()
    for (x0, y0, x1, y1) in ((72, 87, 272, 188), (307, 63, 510, 211)):  # a tree over each sentence
        for i in range(4):
            page.draw_line((x0 + (x1 - x0) * i / 4, y1), ((x0 + x1) / 2, y0 + (y1 - y0) * i / 5), color=(0, 0, 0))
        page.draw_rect(((x0 + x1) / 2 - 15, y0, (x0 + x1) / 2 + 15, y0 + 6), color=(0, 0, 0), width=0.6)
    page.insert_text((252, 77), "RecNN", fontname="hebo", fontsize=14)
    _text(page, 72, 236, "Figure 1: On the left, a recursive network is given a sentence for classification.", size=10)
    _prose(page, 72, 523, 256, 700)
    paper, _ = _save(doc, tmp_path)
    assert all(s.title != "RecNN" for s in paper.sections), [s.title for s in paper.sections]
    assert not any("RecNN" in p for p in _paragraphs(paper))


def test_short_titles_over_stacked_plots_in_the_text_type_are_not_text(tmp_path):
    # Royal Society Interface: plots stacked in one column, each with its title centred just over its
    # frame in the text's own type ("aggregated kernels (trial II day 7)", shorter than the long
    # titles `_plot_title` took): the titles were read as paragraphs beside the figure.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 60), "1 Introduction", fontname="hebo", fontsize=12)
    for i, trial in enumerate(("I", "II", "III")):
        top = 90 + i * 160
        title = f"aggregated kernels (trial {trial} day 7)"
        _text(page, 80 + (200 - pymupdf.get_text_length(title, fontname="tiro", fontsize=10)) / 2, top - 4, title,
              size=10)
        page.draw_rect((80, top, 280, top + 120), color=(0, 0, 0), width=0.6)
        _plot(page, 90, top + 5, 270, top + 110)
    _text(page, 72, 570, "Figure 6. Aggregated kernels of the three trials.", size=10)
    _prose(page, 72, 296, 590, 720)
    _prose(page, 316, 540, 72, 720)
    paper, _ = _save(doc, tmp_path)
    paragraphs = [p.text for s in paper.sections for p in s.paragraphs]
    assert paragraphs and not any("aggregated kernels" in text for text in paragraphs), paragraphs


def test_captions_opening_stacked_tinted_panels_each_get_their_own_panel(tmp_path):
    # CACM: each figure on a tinted panel with its caption at the panel's top, Figure 2's panel 12 pt
    # under Figure 1's; Figure 2's caption reached for Figure 1's panel just over it, which Figure 1
    # held, and was left without a box. (Elsevier's tables on panels, one under another, alike.)
    doc, page = _opened()
    for (y0, y1), label in (((175, 474), "Figure 1. Cloud computing approaches compared to rides from an airport."),
                            ((486, 738), "Figure 2. Serverless and serverful cloud computing in layers.")):
        page.draw_rect((36, y0, 370, y1), color=None, fill=(0.9, 0.95, 1.0))
        _text(page, 42, y0 + 9, label, size=8)
        for i in range(3):
            page.draw_rect((60 + 100 * i, y0 + 40, 140 + 100 * i, y1 - 30), color=(0, 0, 0), fill=(0.6, 0.7, 0.9))
    _prose(page, 390, 560, 60, 780, size=9)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    for number, panel in (("1", (36, 175, 370, 474)), ("2", (36, 486, 370, 738))):
        box = floats[("figure", number)].bbox
        under_caption = (panel[0], panel[1] + 12, panel[2], panel[3])  # (the caption has a box of its own)
        assert box is not None and _contains(box, under_caption) and box[1] > panel[1] and box[3] < panel[3] + 5, (number, box)
