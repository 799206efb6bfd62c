"""Figure and table crops of the twenty-second split (session 32), each drawn here with PyMuPDF in
the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _contains, _floats, _save, _text
from pdf_pages import prose as _prose


def _boxplots(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A plot's axes and four boxes, over a white ground reaching from x 41.8 to 310.8 (into the gutter)."""
    page.draw_rect(pymupdf.Rect(41.8, y0 - 10, 310.8, y1 + 10), color=None, fill=(1, 1, 1))
    page.draw_polyline([(x0, y0), (x0, y1), (x1, y1)], color=(0, 0, 0), width=0.6)
    for i in range(4):
        page.draw_rect(pymupdf.Rect(x0 + 15 + 50 * i, y0 + 20 + 7 * i, x0 + 45 + 50 * i, y1 - 30), color=(0, 0, 1),
                       width=0.8)


def test_a_heading_of_the_next_column_beside_a_figures_ground_stays_text(tmp_path):
    # IROS 2019: Figure 4's plots over a white ground that reaches 2.4 pt short of the right column,
    # whose italic heading "B. Robotic Arm Simulation" (short, level with the plots' foot) grew the
    # figure across the gutter; the caption in the left column, prose beside it, then dropped the
    # graphic as another float's and the figure had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _boxplots(page, 64, 292, 285, 476)
    _text(page, 54, 496, "Fig. 4. Inference Accuracy. Group differences between mode switch", size=8)
    _text(page, 54, 506, "assistance schemes in four operational spaces.", size=8)
    _prose(page, 54, 299, 530, 720)
    _prose(page, 313.2, 558, 60, 452)
    page.insert_text((313.2, 468.5), "B. Robotic Arm Simulation", fontname="tiit", fontsize=10)
    _prose(page, 323.2, 558, 474, 486)
    _prose(page, 313.2, 558, 486, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "4")]
    assert figure.bbox is not None and _contains(figure.bbox, (64, 292, 285, 476), slack=3), figure.bbox
    assert figure.bbox[2] < 312, figure.bbox


def test_a_line_of_code_at_the_next_columns_edge_beside_a_figure_stays_text(tmp_path):
    # arXiv 2009 (IEEEtran): "("Outlook.Application","CDO")." in typewriter type, a paragraph's
    # short last line at the right column's left edge, 2.4 pt off the ground of Figure 7's
    # screenshot: taken as a label at its edge, it grew the figure across the gutter, the column's
    # lines inside the grown box went with it, and the figure was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _boxplots(page, 64, 271, 285, 379)
    _text(page, 120, 412, "Figure 7. Malware API calls collection environment.", size=8)
    _prose(page, 54, 299, 430, 720)
    _prose(page, 313.2, 558, 60, 310)
    page.insert_text((313.2, 321.0), "(\"Outlook.Application\",\"CDO\").", fontname="cour", fontsize=10)
    _prose(page, 323.2, 558, 326, 338)
    _prose(page, 313.2, 558, 338, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "7")]
    assert figure.bbox is not None and _contains(figure.bbox, (64, 271, 285, 379), slack=3), figure.bbox
    assert figure.bbox[2] < 312, figure.bbox


def test_a_chart_whose_ground_runs_into_its_captions_first_line_is_its_figure(tmp_path):
    # A Word tech report (2005): the chart's white chart area ends 7.6 pt into the one-line caption
    # "Figure 3. Average effort time ..." under it (a category label printed over the caption);
    # neither over nor under the caption, the chart was no candidate and the figure had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _prose(page, 85, 510, 60, 230)
    page.draw_rect(pymupdf.Rect(131.9, 239.9, 462.7, 428.6), color=(0, 0, 0), fill=(1, 1, 1), width=0.7)
    for i in range(5):
        page.draw_rect(pymupdf.Rect(190 + 45 * i, 300 - 15 * i, 210 + 45 * i, 400), color=(0, 0, 0),
                       fill=(0.6, 0.6, 1), width=0.5)
    # (a category label's white text box, over the chart's foot and 7.6 pt into the caption's line)
    page.draw_rect(pymupdf.Rect(355.8, 410.0, 418.8, 445.4), color=None, fill=(1, 1, 1))
    page.insert_text((371.4, 420.0), "Studies", fontname="helv", fontsize=9)
    page.insert_text((371.4, 431.0), "Search", fontname="helv", fontsize=9)
    page.insert_text((158.8, 447.5), "Figure 3. Average effort time for conducting Systematic Reviews.",
                     fontname="tibo", fontsize=10)
    _prose(page, 85, 510, 460, 760)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "3")]
    assert figure.bbox is not None and _contains(figure.bbox, (131.9, 239.9, 462.7, 428.6), slack=3), figure.bbox
    assert figure.bbox[3] < 440, figure.bbox


def _ruled_rows(page, top: float, rows: list[tuple[str, str]], size: float = 8) -> float:
    """A table ruled once under its head ("Signal", "Definition"), its rows under the rule; a cell
    of the first column wraps onto a line of its own when it has a second part. The bottom of its
    last row."""
    _text(page, 53.6, top, "Signal", size=size)
    _text(page, 203.0, top, "Definition", size=size)
    page.draw_line((53.6, top + 2.5), (314.2, top + 2.5), width=0.4)
    y = top + 2.5 + size * 1.25
    for first, second in rows:
        name, _, wrapped = first.partition("|")
        _text(page, 53.6, y, name, size=size)
        _text(page, 203.0, y, second, size=size)
        if wrapped:
            y += size * 1.25
            _text(page, 53.6, y, wrapped, size=size)
        y += size * 1.25
    return y - size * 1.25 + 2


def test_a_caption_under_its_ruled_rows_keeps_them_from_the_next_table(tmp_path):
    # SIGCOMM 2018: Table 2's caption under its rows, 27 pt over the head rule of Table 3, whose own
    # caption is under its rows; ruled once each, neither had a graphic, and Table 2's caption took
    # Table 3's rows (the nearest rule), its own rows -- some cells wrapped onto lines of their own --
    # left out.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    bottom = _ruled_rows(page, 92, [("bytes_acked,|packets_acked", "In-order acknowledged"),
                                    ("bytes_misordered,|packets_misordered", "Out-of-order acknowledged"),
                                    ("ecn_bytes", "ECN-marked"), ("lost_pkts_sample", "Number of lost packets"),
                                    ("was_timeout", "Did a timeout occur?"), ("rtt_sample_us", "A recent sample RTT"),
                                    ("rate_outgoing", "Outgoing sending rate"),
                                    ("bytes_in_flight,|packets_in_flight", "Sent but not yet acknowledged"),
                                    ("now", "Datapath time")])
    page.insert_text((78, bottom + 16), "Table 2: Congestion signals that datapaths should report.", fontname="tibo",
                     fontsize=9)
    top3 = bottom + 44
    bottom3 = _ruled_rows(page, top3, [("Arithmetic", "+, -, *, /, EWMA"), ("Comparison", "==, <, >"),
                                       ("Conditionals", "If (branching)"), ("Assignment", ":=")])
    page.insert_text((69, bottom3 + 10), "Table 3: Fold function operators that a datapath must support.",
                     fontname="tibo", fontsize=9)
    _prose(page, 54, 299, bottom3 + 30, 720)
    _prose(page, 315, 558, 60, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    two, three = floats[("table", "2")], floats[("table", "3")]
    assert two.bbox is not None and _contains(two.bbox, (53.6, 86, 300, bottom), slack=3), two.bbox
    assert two.bbox[3] < bottom + 5, two.bbox
    assert three.bbox is not None and three.bbox[1] > bottom + 20, three.bbox


def test_a_label_centred_over_a_tables_top_rule_is_its_head(tmp_path):
    # CVPR-style (Group Normalization): "# groups (G)" alone, centred over Table 3's top rule, the
    # head row "64 32 16 8 4 2 1 (=LN)" under the rule, 12 pt under the last line of Figure 6's
    # caption across the page (read as that caption's next line, it was no label of the table's);
    # the crop began at the rule, the label cut off.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for i in range(3):
        page.draw_rect(pymupdf.Rect(64 + 160 * i, 75, 200 + 160 * i, 178), color=(0, 0, 0), width=0.6)
        page.draw_polyline([(70 + 160 * i, 170), (120 + 160 * i, 110), (190 + 160 * i, 90)], color=(1, 0, 0), width=1)
    _text(page, 50, 194, "Figure 6. Evolution of feature distributions of conv5 3's output (before normalization and "
          "ReLU) from VGG-16, shown", size=9)
    _text(page, 50, 204, "as the {1, 20, 80, 99} percentile of responses. The table on the right shows the ImageNet "
          "validation error (%).", size=9)
    _text(page, 145, 224, "# groups (G)", size=9)
    y = 227.0
    for block in range(2):
        page.draw_line((72.2, y), (264.3, y), width=0.4)
        _text(page, 78, y + 9, "64      32      16      8      4      2      1 (=LN)", size=9)
        page.draw_line((72.2, y + 12), (264.3, y + 12), width=0.8)
        _text(page, 78, y + 22, "24.6   24.1   24.6   24.4   24.6   24.7   25.3", size=9)
        _text(page, 78, y + 32, "0.5     -      0.5    0.3    0.5    0.6    1.2", size=9)
        page.draw_line((72.2, y + 36), (264.3, y + 36), width=0.4)
        if block == 0:
            _text(page, 130, y + 47, "# channels per group", size=9)
        y += 49
    _text(page, 54, y + 10, "Table 3. Group division. We show ResNet-50's validation error (%) in", size=9)
    _text(page, 54, y + 20, "ImageNet, trained with 32 images/GPU.", size=9)
    _prose(page, 54, 299, y + 40, 720)
    _prose(page, 315, 558, 215, 720)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "3")]
    assert table.bbox is not None and _contains(table.bbox, (72.2, 217.5, 264.3, y - 13), slack=3), table.bbox


def test_subtables_side_by_side_each_ruled_under_its_head_are_one_table(tmp_path):
    # EMNLP 2022: Table 2's three subtables "ACL", "GENIA", "ScienceIE" across the page, each ruled
    # under its own head row (three rules on one level, 13 pt apart), the caption under all three;
    # the crop held the first subtable only.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for x, name in ((70.4, "ACL"), (226.3, "GENIA"), (382.2, "ScienceIE")):
        _text(page, x + 95, 79, name, size=9)
        page.draw_line((x + 75, 83), (x + 142.4, 83), width=0.4)
        _text(page, x + 0.5, 94, "Model (#Params)", size=9)
        _text(page, x + 75, 94, "EM Acc.   PM Acc.", size=9)
        page.draw_line((x, 96.7), (x + 142.7, 96.7), width=0.8)
        for k, row in enumerate(("BERT B (110M)", "ELECTRA S (14M)", "ELECTRA XS (7M)", "UA (0)")):
            _text(page, x + 0.5, 106 + 11 * k, row, size=9)
            _text(page, x + 80, 106 + 11 * k, f"{70 + 3 * k}.{k}9      {88 - k}.06", size=9)
    _text(page, 70.5, 163, "Table 2: Results for the unsupervised annotator (UA) and transformer models fine-tuned on "
          "the manually", size=10)
    _text(page, 70.5, 175, "annotated ACL, GENIA, and ScienceIE datasets, respectively. EM Acc. and PM Acc. denote "
          "exact and partial", size=10)
    _prose(page, 70, 290, 200, 760)
    _prose(page, 306, 525, 200, 760)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "2")]
    assert table.bbox is not None and _contains(table.bbox, (70.4, 72, 525, 144), slack=3), table.bbox


def test_a_caption_under_its_rows_over_the_next_drawn_table_keeps_its_own_rows(tmp_path):
    # LREC 2020: Table 2's rows ruled once under their head, its caption 22 pt under them and 13 pt
    # over Table 3, a table drawn with a top and a bottom rule whose caption is 22 pt under it;
    # Table 2's caption took Table 3 (its only graphic, the nearer), and Table 3 had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    def row(y: float, cells: tuple) -> None:
        for x, cell in zip((107, 281, 325, 387, 449), cells):
            _text(page, x, y, cell, size=10)

    row(80, ("Dataset", "Input", "Output", "# Examples", "ROUGE-1 R"))
    page.draw_line((101, 81.3), (490.9, 81.3), width=0.4)
    for k in range(6):
        row(92 + 12 * k, (f"Corpus {k}", f"10^{k}", f"10^{k + 1}", f"10^{k + 2}", f"{70 + k}.{k}"))
    _text(page, 52.2, 182, "Table 2: Sizes and unigram recall of single and multi-document summarization", size=10)
    _text(page, 52.2, 194, "datasets, computed with reference summaries given the input documents.", size=10)
    page.draw_line((122.1, 208.7), (469.7, 208.7), width=0.8)
    _text(page, 128, 217, "Platform      # Games     # Documents     ROUGE-1 R     ROUGE-2 R", size=10)
    page.draw_line((122.1, 219.2), (469.7, 219.2), width=0.4)
    for k in range(20):
        _text(page, 128, 229 + 11.5 * k, f"Console {k}        {300 + 7 * k}        {k} +- 9        "
              f"{80 + k % 9}.18 +- 15.45     {27 + k % 5}.32 +- 14.52", size=10)
    page.draw_line((122.1, 458.7), (469.7, 458.7), width=0.4)
    _text(page, 128, 468, "All           14652       11 +- 11        83.19 +- 15.04     29.99 +- 15.48", size=10)
    page.draw_line((122.1, 469.4), (469.7, 469.4), width=0.8)
    _text(page, 52.2, 499, "Table 3: Game distribution over platforms with their average and standard deviation",
          size=10)
    _prose(page, 52, 290, 520, 760)
    _prose(page, 305, 540, 520, 760)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    two, three = floats[("table", "2")], floats[("table", "3")]
    assert two.bbox is not None and _contains(two.bbox, (101, 72, 490.9, 152), slack=3), two.bbox
    assert two.bbox[3] < 170, two.bbox
    assert three.bbox is not None and _contains(three.bbox, (122.1, 208.7, 469.7, 469.4), slack=3), three.bbox


def test_a_legend_beside_a_plot_level_with_the_next_columns_text_stays_the_figures(tmp_path):
    # IEEE journal: the legend "Attribute SBM" / "Regular SBM" right of a plot's frame, in the left
    # column, level with lines of the right column's prose: the legend is the figure's, however a
    # column of text stands beside the drawing (only lines from that column's left edge on are its).
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 299, 60, 100)
    page.draw_rect(pymupdf.Rect(100, 110, 222, 260), color=(0, 0, 0), width=0.6)
    page.draw_polyline([(105, 250), (150, 180), (215, 120)], color=(1, 0, 0), width=1)
    page.draw_rect(pymupdf.Rect(226, 172, 231, 177), color=(1, 0, 1), fill=(1, 0, 1))
    page.insert_text((233, 177), "Attribute SBM", fontname="helv", fontsize=7)
    page.draw_rect(pymupdf.Rect(226, 181, 231, 186), color=(0, 1, 1), fill=(0, 1, 1))
    page.insert_text((233, 186), "Regular SBM", fontname="helv", fontsize=7)
    _text(page, 54, 285, "Fig. 3: Detectability Analysis in Synthetic Example. To understand how", size=9)
    _text(page, 54, 295, "attribute information can be combined with connectivity.", size=9)
    _prose(page, 54, 299, 310, 720)
    _prose(page, 315, 558, 60, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "3")]
    assert figure.bbox is not None and _contains(figure.bbox, (100, 110, 270, 260), slack=3), figure.bbox
