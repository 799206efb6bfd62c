"""Figure crops of the tune split's leftovers (session 31): algorithms, plot titles and table heads,
each drawn here with PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _contains, _float, _text
from pdf_pages import prose as _prose


def _steps(page, x: float, y: float, steps: list[tuple[int, str]], size: float = 9) -> float:
    """An algorithm's steps numbered "1:", "2:", ... at x, each step's text indented by its depth in
    the text's faces (keywords bold); returns the last step's baseline."""
    for i, (depth, row) in enumerate(steps):
        label = f"{i + 1}:"
        page.insert_text((x + (4 if i < 9 else 0), y), label, fontname="tiro", fontsize=size)
        word, _, rest = row.partition(" ")
        at = x + 25 + 14 * depth
        page.insert_text((at, y), word, fontname="tibo", fontsize=size)
        page.insert_text((at + pymupdf.get_text_length(word + " ", "tibo", size), y), rest, fontname="tiro", fontsize=size)
        y += 10.5
    return y - 10.5


ALGORITHM = [(0, "procedure LearnBPR(D, theta)"), (1, "initialize theta"), (1, "repeat"),
             (2, "draw (u, i, a, b) uniformly from D"), (2, "theta <- theta + alpha (ln s(y) - l theta)"),
             (1, "until convergence"), (1, "return theta"), (0, "end procedure")]


def test_an_algorithm_of_numbered_steps_over_its_caption_is_cropped(tmp_path):
    # WSDM 2010: "1: procedure LearnBPR(DS, Θ)" to "8: end procedure" in the text's faces over
    # "Figure 3: Optimizing tag recommender models ...", nothing drawn, no monospaced type: the
    # figure had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 294, 60, 90)
    last = _steps(page, 58, 115, ALGORITHM)
    page.insert_text((54, last + 22), "Figure 3: Optimizing tag recommender models for BPR with", fontname="tibo", fontsize=9)
    page.insert_text((54, last + 32), "bootstrapping based stochastic gradient descent.", fontname="tibo", fontsize=9)
    _prose(page, 54, 294, last + 50, 720)
    _prose(page, 318, 560, 60, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is not None and _contains(figure.bbox, (62, 108, 230, last + 2), slack=3), figure.bbox
    assert figure.bbox[1] > 100 and figure.bbox[3] < last + 8


def test_steps_of_a_numbered_list_in_the_text_are_no_algorithm(tmp_path):
    # The same numbers in front of sentences of the text's own paragraphs make no figure of them.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 294, 60, 90)
    y = 115
    for i in range(4):
        page.insert_text((54, y), f"{i + 1}: the workers read their input split and write intermediate pairs", fontname="tiro", fontsize=9)
        page.insert_text((54, y + 11), "to local disks while the master keeps track of every task and its state.", fontname="tiro", fontsize=9)
        y += 24
    page.insert_text((54, y + 10), "Figure 3: Optimizing tag recommender models.", fontname="tibo", fontsize=9)
    _prose(page, 54, 294, y + 30, 720)
    _prose(page, 318, 560, 60, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is None or figure.bbox[1] > y - 5, figure.bbox


def _framed_plot(page, x0: float, y0: float, x1: float, y1: float, title: str) -> None:
    """R's plot: a frame with a curve, tick labels left of and under it, an axis title under them,
    and the plot's title in small bold type 10 pt over the frame, centred on it."""
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.5)
    page.draw_polyline([(x0 + 5 + i * (x1 - x0 - 10) / 8, y1 - 5 - ((i * 37) % 11) * (y1 - y0 - 10) / 11)
                        for i in range(9)], color=(0, 0, 0), width=0.8)
    for i in range(4):
        page.insert_text((x0 - 14, y1 - i * (y1 - y0) / 3.5 + 2), f"0.{i + 3}", fontname="helv", fontsize=5.5)
        page.insert_text((x0 + 10 + i * (x1 - x0 - 20) / 3, y1 + 9), str(2 * i + 2), fontname="helv", fontsize=5.5)
    page.insert_text(((x0 + x1) / 2 - 8, y1 + 18), "Top n", fontname="helv", fontsize=5.5)
    width = pymupdf.get_text_length(title, "hebo", 6.4)
    page.insert_text(((x0 + x1) / 2 - width / 2, y0 - 10 - 1.5), title, fontname="hebo", fontsize=6.4)


def test_small_bold_plot_titles_ten_points_over_their_frames_are_the_figures(tmp_path):
    # WSDM 2010's Figure 6: two R plots across the page, each titled "Last.fm: Prediction quality
    # vs. learning runtime" in 6.4 pt bold 10 pt over its frame, more than a line's height: the
    # crop began at the frames and lost both titles.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _framed_plot(page, 130, 82, 290, 220, "Last.fm: Prediction quality vs. learning runtime")
    _framed_plot(page, 335, 82, 495, 220, "Last.fm: Prediction quality vs. learning runtime")
    page.insert_text((54, 275), "Figure 6: F-Measure on top-3 list after training a model for x days or hours.",
                     fontname="tibo", fontsize=9)
    _prose(page, 54, 294, 300, 720)
    _prose(page, 318, 560, 300, 720)
    figure = _float(doc, tmp_path, "figure", "6")
    assert figure.bbox is not None and _contains(figure.bbox, (116, 66, 495, 240), slack=3), figure.bbox


def test_plots_stacked_under_small_bold_titles_are_one_figure(tmp_path):
    # WSDM 2010's Figure 8: three R plots stacked down the left column, each under its title in
    # 6.4 pt bold ("BibSonomy", "Last.fm", "ECML/PKDD Discovery Challenge"): a bold line between
    # two drawings set them apart as a heading would, and the crop held the lowest plot alone.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for i, title in enumerate(["BibSonomy", "Last.fm", "ECML/PKDD Discovery Challenge"]):
        _framed_plot(page, 100, 82 + 200 * i, 258, 232 + 200 * i, title)
    page.insert_text((54, 678), "Figure 8: The tensor factorization models achieve the best",
                     fontname="tibo", fontsize=9)
    page.insert_text((54, 688), "prediction quality of all the approaches.", fontname="tibo", fontsize=9)
    _prose(page, 318, 560, 60, 720)
    figure = _float(doc, tmp_path, "figure", "8")
    assert figure.bbox is not None and _contains(figure.bbox, (86, 66, 258, 650), slack=3), figure.bbox


def test_a_spanning_head_over_a_table_set_as_a_figure_is_the_figures(tmp_path):
    # EuroSys 2012's Figure 13: a table across the page, its spanning head "Throughput (req/sec,
    # millions, and as % of Masstree)" 3 pt over the row of column heads, then a rule and the rows:
    # the drawing began at the column heads and the crop lost the spanning head.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    tiro = dict(fontname="tiro", fontsize=10)
    page.insert_text((280, 79), "Throughput (req/sec, millions, and as % of Masstree)", **tiro)
    heads = [(64, "Workload"), (231, "Masstree"), (290, "MongoDB"), (361, "VoltDB"), (433, "Redis"), (493, "Memcached")]
    for x, head in heads:
        page.insert_text((x, 93), head, **tiro)
    page.draw_line((64, 98), (546, 98), color=(0, 0, 0), width=0.4)
    for i, name in enumerate(["get", "put", "1-core get", "1-core put", "scan", "1-core scan"]):
        page.insert_text((64, 110 + 11 * i), name, **tiro)
        for j, (x, _) in enumerate(heads[1:]):
            page.insert_text((x + 6, 110 + 11 * i), f"{(i + 1) * (j + 2) * 0.37:.2f}", **tiro)
    page.draw_line((64, 180), (546, 180), color=(0, 0, 0), width=0.4)
    page.draw_line((54, 188), (556, 188), color=(0, 0, 0), width=0.33)
    _text(page, 54, 200, "Figure 13. System comparison results. All benchmarks run against a database.", size=10)
    _prose(page, 54, 294, 215, 720)
    _prose(page, 318, 560, 215, 720)
    figure = _float(doc, tmp_path, "figure", "13")
    assert figure.bbox is not None and _contains(figure.bbox, (64, 71, 546, 188), slack=2), figure.bbox


def test_a_table_read_into_the_paragraph_run_on_from_the_page_before_is_cropped(tmp_path):
    # AISTATS 2005: a paragraph broken at the foot of a page ("... the test per-") goes on under
    # two tables at the next page's top ("plexity, as already shown ..."); Table 1's rows at that
    # top were read into it, a block filed under the page before: the caption found no rows.
    from test_parse_crops30c1 import _mask_rule
    from pdf_pages import lines as _lines

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 75, 312, 60, 720)
    y, _ = _lines(page, 327, 563, 70, 54)
    page = doc.new_page(width=612, height=792)
    tiro = dict(fontname="tiro", fontsize=10)
    for x, head in [(178.8, "Time per"), (229.4, "Time per"), (272.5, "speed-up")]:
        page.insert_text((x, 81), head, **tiro)
    page.insert_text((81.6, 93), "architecture", **tiro)
    page.insert_text((178, 93), "epoch (s)", **tiro)
    page.insert_text((229.4, 93), "ex. (ms)", **tiro)
    for i, (name, a, b, c) in enumerate([("original neural net", "416 300", "462.6", "1"),
                                         ("importance sampling", "6 062", "6.73", "68.7"),
                                         ("hierarchical model", "1 609", "1.79", "258")]):
        page.insert_text((81.6, 105 + 12 * i), name, fontname="tiit", fontsize=10)
        page.insert_text((214.9 - 5 * len(a), 105 + 12 * i), a, **tiro)
        page.insert_text((262.7 - 5 * len(b), 105 + 12 * i), b, **tiro)
        page.insert_text((310.6 - 5 * len(c), 105 + 12 * i), c, **tiro)
    _text(page, 75.6, 150, "Table 1: Training time per epoch (going once through all", size=10)
    _text(page, 75.1, 162, "the training examples) and per example.", size=10)
    page.insert_text((75.1, 200), "plexity, as already shown in the earlier work of the authors.", **tiro)
    _prose(page, 75, 312, 215, 720)
    _prose(page, 327, 563, 60, 720)
    _mask_rule(doc, page, 75.3, 316.7, 96.6)
    table = _float(doc, tmp_path, "table", "1")
    assert table.bbox is not None and _contains(table.bbox, (81.6, 74, 310.6, 130), slack=3), table.bbox


def test_a_readers_typed_note_beside_a_figure_is_no_part_of_its_crop(tmp_path):
    # ICCV 2015 (Fast R-CNN) as a reader saved it: typed notes (FreeText annotations) round Figure
    # 1, one in the margin right of the diagram and one over it. The text layer reads a note's words
    # with the page's; taken for the diagram's labels, they stretched the crop 70 pt past the text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(320, 85, 540, 170), color=(0, 0, 0), width=0.6)
    for i in range(4):
        page.draw_rect(pymupdf.Rect(330 + 52 * i, 100, 370 + 52 * i, 150), color=(0, 0, 0), width=0.5)
        _text(page, 334 + 52 * i, 162, f"layer {i + 1}", size=7)
    _text(page, 309, 190, "Figure 1. Fast R-CNN architecture. An input image and multiple regions")
    _text(page, 309, 201, "of interest are input into a fully convolutional network.")
    _prose(page, 309, 545, 215, 720)
    _prose(page, 50, 290, 72, 720)
    page.add_freetext_annot(pymupdf.Rect(548, 90, 610, 140), "two losses trained together, see the next paper",
                            fontsize=8, fontname="helv")
    page.add_freetext_annot(pymupdf.Rect(400, 70, 560, 82), "the region mapped onto the feature map",
                            fontsize=7, fontname="helv")
    figure = _float(doc, tmp_path, "figure", "1")
    assert figure.bbox is not None and _contains(figure.bbox, (320, 85, 540, 170), slack=2), figure.bbox
    assert figure.bbox[2] < 546 and figure.bbox[1] > 80, figure.bbox


def _numbered_listing(doc, page, x: float, y: float) -> float:
    """A listing as lstlisting sets it with frame=lines and numbers=left: a rule over and under 7 pt
    monospaced code, its lines numbered in 5 pt left of it; returns the lower rule's height."""
    code = ["insert(entry) {", "  // determine slot in hash table", "  slot = entry->hash >> shift", "  do {",
            "    old = hashTable[slot]", "    // set next to old entry without tag", "    entry->next = removeTag(old)",
            "    // add old and new tag", "    new = entry | (old & mask) | tag(entry->hash)",
            "    // try to set new value, repeat on failure", "  } while (!CAS(hashTable[slot], old, new))", "}"]
    page.draw_line((x + 15, y), (x + 239, y), color=(0, 0, 0), width=0.4)
    for i, row in enumerate(code):
        base = y + 9 + 8 * i
        number = str(i + 1)
        page.insert_text((x + 5 - 2.5 * len(number), base), number, fontname="tiro", fontsize=5)
        page.insert_text((x + 15 + 4.2 * (len(row) - len(row.lstrip())), base), row.strip(), fontname="cour", fontsize=7)
    bottom = y + 9 + 8 * len(code) - 8 + 4.5
    page.draw_line((x + 15, bottom), (x + 239, bottom), color=(0, 0, 0), width=0.4)
    return bottom


def test_a_listings_own_line_numbers_and_closing_rule_are_its_figures(tmp_path):
    # SIGMOD 2014's Figure 7: code framed by two rules and numbered "1" to "12" in 5 pt left of it,
    # at the column's edge. The numbers were taken for a review copy's line numbers and dropped,
    # and the lower rule, 8.5 pt over the caption, for no part of the figure: the crop lost both.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 294, 60, 720)
    _prose(page, 317, 556, 60, 720)
    page = doc.new_page(width=612, height=792)
    for i in range(4):  # (the hash table drawn over the code)
        page.draw_rect(pymupdf.Rect(400, 82 + 16 * i, 440, 94 + 16 * i), color=(0, 0, 0), width=0.6)
    page.draw_rect(pymupdf.Rect(470, 128, 520, 142), color=(0, 0, 0), width=0.6)
    page.draw_line((440, 88), (475, 128), color=(0, 0, 0), width=2)
    bottom = _numbered_listing(doc, page, 317, 149)
    page.insert_text((338, bottom + 18), "Figure 7: Lock-free insertion into tagged hash table",
                     fontname="tibo", fontsize=9)
    _prose(page, 54, 294, 60, 720)
    _prose(page, 317, 556, bottom + 30, 720)
    figure = _float(doc, tmp_path, "figure", "7")
    assert figure.bbox is not None and _contains(figure.bbox, (318, 82, 556, bottom), slack=1.5), figure.bbox


def test_a_picture_drawn_with_line_font_glyphs_beside_its_caption_is_cropped(tmp_path):
    # TODS 2006's Figure 2: a message flow in LaTeX's picture mode, its slanted arrows set as
    # glyphs of the LINEW10 font between three vertical rules, labelled "Prepared", "Commit", the
    # caption in a minipage right of it, both ending on one baseline. The glyphs were read as
    # words, the rules alone made no graphic: the figure had no crop.
    from test_parse_text27 import _rename

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 126, 485, 60, 480)
    for x in (155, 195, 265):
        page.draw_line((x, 543), (x, 657), color=(0, 0, 0), width=0.8)
    for i in range(9):  # (two arrows, each a run of line pieces stepping down)
        page.insert_text((195 + 7.7 * i, 560 + 2.5 * i), "X", fontname="cour", fontsize=10)
        page.insert_text((253 - 12.2 * i, 620 + 3.3 * i), "X", fontname="cour", fontsize=10)
    page.insert_text((215, 556), "Prepared", fontname="tiit", fontsize=10)
    page.insert_text((215, 640), "Commit", fontname="tiit", fontsize=10)
    for i, row in enumerate(["Figure 2: The message flow", "for Two-Phase Commit in the", "normal failure-free case, where",
                             "RM1 is the first RM to enter", "the prepared state."]):
        page.insert_text((326, 602 + 13.5 * i), row, fontname="tiro", fontsize=11)
    _rename(doc, "Courier", "LINEW10")
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (155, 545, 265, 655), slack=2), figure.bbox
    assert figure.bbox[2] < 300, figure.bbox


def test_a_table_of_sentences_in_small_type_over_its_caption_is_cropped(tmp_path):
    # EMNLP 2018's Table 1: example outputs in 9 pt across the page, a bold label over each group,
    # over "Table 1: Some Example Output" centred in 10 pt, the body in 11 pt; nothing drawn, the
    # rows running text: the table had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _prose(page, 72, 290, 70, 770, size=11)
    _prose(page, 305, 525, 70, 770, size=11)
    page = doc.new_page(width=595, height=842)
    y = 105
    for label in ["D2T", "T2T", "ALL"]:
        page.insert_text((72, y), label, fontname="tibo", fontsize=9)
        y += 10
        for k in range(4):
            page.insert_text((72, y), "Aktieselskab is the operating organisation for Aarhus Airport which has a runway "
                             f"length of {2777 + k} metres.", fontname="tiro", fontsize=9)
            y += 10
        page.insert_text((72, y), "organisation.", fontname="tiro", fontsize=9)
        y += 20
    bottom = y - 20
    page.insert_text((236, bottom + 22), "Table 1: Some Example Output", fontname="tiro", fontsize=10)
    _prose(page, 72, 290, bottom + 45, 770, size=11)
    _prose(page, 305, 525, bottom + 45, 770, size=11)
    table = _float(doc, tmp_path, "table", "1")
    assert table.bbox is not None and _contains(table.bbox, (72, 98, 440, bottom - 10), slack=3), table.bbox
    assert table.bbox[3] < bottom + 8, table.bbox  # (the caption starts 12 pt lower)


def test_bold_column_heads_over_a_figure_of_two_columns_of_steps_are_its(tmp_path):
    # SOSP 2013's Figure 3: "Thread 1" and "Thread 2" in bold over two columns of steps
    # ("t1 ← read(x)", "write(y ← t1 + 1)"), nothing drawn: the crop held the steps, not the heads.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 294, 60, 720)
    for x, n, v, w in [(350, 1, "x", "y"), (438, 2, "y", "x")]:
        page.insert_text((x, 81), f"Thread {n}", fontname="tibo", fontsize=10)
        page.insert_text((x, 93), f"t{n} = read({v})", fontname="tiit", fontsize=10)
        page.insert_text((x, 105), f"write({w} = t{n} + 1)", fontname="tiit", fontsize=10)
        page.insert_text((x, 117), f"y{n} = x{n} + 1", fontname="tiit", fontsize=10)
    page.insert_text((317, 135), "Figure 3: A read-write conflict between transactions.", fontname="tibo", fontsize=10)
    _prose(page, 317, 556, 150, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is not None and _contains(figure.bbox, (350, 74, 500, 118), slack=3), figure.bbox
