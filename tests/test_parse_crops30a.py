"""Float crops (issue 14: real papers read faithfully), the thirtieth session's: row labels set left
of a float's drawing, a table's head over no rule with its column rules running up through it,
a free part of one table's drawing beside another table, a table set as a figure ruled once, and a
plot centred under a row of two. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _cell(page, x: float, y: float, text: str, size: float = 10, font: str = "tiro") -> None:
    page.insert_text((x, y), text, fontname=font, fontsize=size)


def test_row_labels_left_of_a_ruled_grid_are_in_the_figures_crop(tmp_path):
    # LaTeX tech report: a table set as a figure, a grid ruled round its cells (the column rules a
    # row's piece at a time), the column heads over it, the row names ("Message Delays", "no
    # co-location", ...) left of its frame, the nearest 6 pt off, no rule under them. The crop held
    # the grid and its heads; the row names were cut off.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 130, 480, 80, 3, size=10.9)
    for x, y, text in ((228.8, 137.4, "Two-Phase"), (235.7, 147.8, "Commit"), (325.2, 137.4, "Paxos"),
                       (319.9, 147.8, "Commit"), (405.8, 137.4, "Faster Paxos"), (416.9, 147.8, "Commit")):
        _cell(page, x, y, text, size=10.9)
    for y in (152.1, 171.7, 220.6, 269.4):
        _rule(page, 222.8, 481.6, y, width=0.4)
    for y0, y1 in ((151.9, 171.5), (171.5, 190.8), (190.8, 206.6), (206.6, 220.4), (220.4, 237.6),
                   (229.4, 252.0), (252.0, 269.2)):
        for x in (222.8, 287.4, 391.1, 481.6):
            page.draw_line((x, y0), (x, y1), color=(0, 0, 0), width=0.4)
    rows = ((134.7, 167.1, "Message Delays", ("4", "5", "4")), (134.7, 184.6, "Messages", ()),
            (140.1, 200.3, "no co-location", ("3N - 1", "(N + 1)(F + 3) - 4", "N(2F + 3) - 1")),
            (140.1, 216.1, "with co-location", ("3N - 3", "N(F + 3) - 3", "(N - 1)(2F + 3)")),
            (134.7, 233.5, "Stable Storage", ()), (142.9, 247.9, "write delays", ("2", "2", "2")),
            (142.9, 265.1, "writes", ("N + 1", "N + F + 1", "N + F + 1")))
    for x, y, name, cells in rows:
        _cell(page, x, y, name, size=10.9, font="helv")  # ("with co-location" ends 3 pt left of the grid)
        for cx, text in zip((240, 305, 405), cells):
            _cell(page, cx, y, text, size=10.9)
    _cell(page, 217.2, 287.7, "Figure 4: Corresponding Complexity", size=10.9)
    _lines(page, 130, 480, 320, 25, size=10.9, start=40)
    figure = _parse(doc, tmp_path)[1][("figure", "4")].bbox
    assert figure is not None and figure[0] <= 135.5 and figure[2] >= 481, figure


def test_lines_of_text_beside_a_figure_are_no_row_labels(tmp_path):
    # The same grid in the right-hand column of two, the left column's running text level with it:
    # the text stands across the gutter, no label of the grid.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 60, 290, 80, 50)
    page.draw_rect(pymupdf.Rect(330, 156, 550, 270), color=(0, 0, 0), width=0.4)
    for i, y in enumerate((170, 190, 210, 230, 250)):
        _cell(page, 340, y, f"row {i}")
        _cell(page, 450, y, f"{i}.5")
    _cell(page, 330, 290, "Figure 2: A grid in the right-hand column.")
    _lines(page, 320, 550, 320, 25, start=40)
    figure = _parse(doc, tmp_path)[1][("figure", "2")].bbox
    assert figure is not None and figure[0] >= 320, figure


def test_a_tables_head_over_no_rule_its_column_rules_running_up_through_it_is_in_its_crop(tmp_path):
    # ICCV 2023: a table captioned under it, no top rule; its head of two rows ("IN1k" and
    # "iNat18" over "1-shot 5-shot ...") over a full rule, two column rules drawn a row's piece at a
    # time from the head's top down to the foot, those of the head left out of the table's drawing.
    # The crop began at the full rule: the head was cut off.
    doc = pymupdf.open()
    page = _page(doc)
    _cell(page, 210, 97, "IN1k", size=7.8, font="tibo")
    _cell(page, 287, 97, "iNat18", size=7.8, font="tibo")
    _cell(page, 54, 102, "Method     Dataset", size=7.8, font="tibo")
    _cell(page, 182, 106.5, "1-shot  5-shot  10-shot  1-shot  5-shot  10-shot", size=7.8, font="tibo")
    tops = (90.5, 99.8, 122.6, 131.9, 141.2, 150.6, 164.0, 173.3, 182.6, 192.0, 205.4, 214.7)
    for x in (179.1, 258.2):
        for top in tops:  # (each piece a row high, broken off at the rules)
            page.draw_line((x, top), (x, top + 9.3), color=(0.13, 0.12, 0.12), width=0.31)
    _rule(page, 52, 337, 110.8, width=0.39)
    _cell(page, 54.4, 119.8, "Results with different pretraining datasets", size=7.8, font="tiit")
    for k, top in enumerate(tops[2:]):
        y = top + 7
        _cell(page, 54, y, f"Model-{k}     Data-{k}", size=7.8)
        _cell(page, 185, y, f"4{k}.3   66.{k}   71.{k}   21.{k}   49.{k}   58.{k}", size=7.8)
    _rule(page, 52, 337, 161.5, width=0.39)
    _rule(page, 52, 337, 202.9, width=0.39)  # (no rule under the last two rows)
    _cell(page, 50, 245, "Table 4: Low shot image classification. We compare the performance of models.", size=9)
    _lines(page, 50, 290, 280, 30, size=9.5)
    _lines(page, 310, 550, 260, 35, size=9.5, start=60)
    table = _parse(doc, tmp_path)[1][("table", "4")].bbox
    assert table is not None and table[1] <= 91.5 and table[3] >= 223, table


def _ruled(page, x0: float, x1: float, rules: tuple, bars: tuple, tops: tuple) -> None:
    """A table's full rules across x0..x1 and its column rules, a piece a row high (9.7 pt) at each
    of `tops` (a piece's top), at each x of `bars`."""
    for y in rules:
        _rule(page, x0, x1, y, width=0.4)
    for x in bars:
        for top in tops:
            page.draw_line((x, top), (x, top + 9.7), color=(0.13, 0.12, 0.12), width=0.32)


def test_a_part_of_one_tables_drawing_is_no_part_of_the_table_beside_it(tmp_path):
    # ICCV 2023: two tables side by side at the top of the page, each captioned under it, their
    # column rules drawn a row's piece at a time. The right one (Table 3), no top rule, was found as
    # two drawings overlapping once their labels grew them, its rules' box and its lower rows';
    # its caption held one, and Table 2, 10 pt left of it, took the other: its crop reached
    # across both tables.
    doc = pymupdf.open()
    page = _page(doc)
    # Table 2: ruled over its rows and under them, its head over no rule
    _ruled(page, 52.1, 330.2, (105.0, 206.3), (212.9, 300.3),
           (84.0, 93.7) + tuple(107.6 + 9.7 * k for k in range(8)) + (208.9, 218.6))
    _cell(page, 234.2, 92, "ImageNet-1k", size=7.8, font="tibo")
    _cell(page, 302.9, 97, "iNat18", size=7.8, font="tibo")
    _cell(page, 54.6, 97, "Method    Dataset    Arch.   Res.", size=7.8, font="tibo")
    _cell(page, 215.5, 101.7, "IN1k  INv2  ReaL  ON", size=7.8, font="tibo")
    for k in range(12):
        y = 115.8 + 9.7 * k if k < 10 else 217.1 + 9.5 * (k - 10)
        _cell(page, 54.6, y, f"Model-{k}    Data-{k}    ViT-H   518", size=7.8)
        _cell(page, 215.5, y, f"8{k}.8   81.{k}   90.{k}   69.{k}", size=7.8)
        _cell(page, 308.3, y, f"8{k}.0", size=7.8)
    _cell(page, 49.8, 246.5, "Table 2: Image classification results. We report finetuning results.", size=8.8)
    # Table 3: no top rule, its head over the first rule
    _ruled(page, 340.2, 549.1, (113.5, 156.3, 208.7), (503.6, 527.1),
           (102.3, 116.1, 125.7, 135.4, 145.0, 168.5, 178.2, 187.8, 197.5, 211.3))
    _cell(page, 342.6, 110.3, "Method    Dataset    Arch.      Res.  K400  SSv2", size=7.8, font="tibo")
    for k, y in enumerate((124.3, 133.9, 143.6, 153.2)):
        _cell(page, 342.6, y, f"Model-{k}    Data-{k}    ViT-H", size=7.8)
        _cell(page, 487.8, y, f"384   8{k}.5   7{k}.0", size=7.8)
    _cell(page, 342.6, 166.9, "Results with models pretrained on videos", size=7.8, font="tiit")
    for k, y in enumerate((176.7, 186.3, 196.0, 205.6, 219.5)):
        _cell(page, 342.6, y, f"Video-{k}    K400    ViT-L", size=7.8)
        _cell(page, 487.8, y, f"224   8{k}.3   7{k}.4", size=7.8)
    _cell(page, 337.9, 239.2, "Table 3: Video classification results on Kinetics-400.", size=8.8)
    _lines(page, 50, 290, 290, 30, size=9.5)
    _lines(page, 310, 550, 290, 30, size=9.5, start=60)
    floats = _parse(doc, tmp_path)[1]
    two, three = floats[("table", "2")].bbox, floats[("table", "3")].bbox
    assert two is not None and two[2] < 335 and two[1] <= 85, two
    assert three is not None and three[0] > 335 and three[3] >= 220, three


def test_a_table_set_as_a_figure_ruled_once_under_its_head_gets_a_box(tmp_path):
    # NAACL 2016: "Figure 3: Transition sequence for ...", a table across the page's top captioned
    # as a figure: a head row, one rule under it, six rows of cells. A lone rule is no graphic, and a
    # figure with none was looked for only as a listing: it had no box at all.
    doc = pymupdf.open()
    page = _page(doc)
    cells = (72, 150, 290, 370, 480)
    for x, word in zip(cells, ("Transition", "Output", "Stack", "Buffer", "Segment")):
        _cell(page, x, 176, word, size=8, font="tibo")
    _rule(page, 72, 542, 179)
    for i, row in enumerate((("[]", "[]", "[Mark]", "[Mark, Watney]", "[]"), ("SHIFT", "[]", "[Mark, Watney]", "[visited]", "[]"),
                             ("REDUCE(PER)", "[(Mark Watney)-PER]", "[]", "[visited, Mars]", "(Mark Watney)-PER"),
                             ("OUT", "[(Mark Watney)-PER, visited]", "[]", "[Mars]", "[]"),
                             ("SHIFT", "[(Mark Watney)-PER, visited]", "[Mars]", "[]", "[]"),
                             ("REDUCE(LOC)", "[(Mark Watney)-PER, visited, (Mars)-LOC]", "[]", "[]", "(Mars)-LOC"))):
        for x, word in zip(cells, row):
            _cell(page, x, 188 + 9.5 * i, word, size=8)
    _cell(page, 143, 252, "Figure 3: Transition sequence for Mark Watney visited Mars with the Stack-LSTM model.", size=9)
    _lines(page, 72, 297, 280, 35)
    _lines(page, 315, 540, 280, 35, start=60)
    figure = _parse(doc, tmp_path)[1][("figure", "3")].bbox
    assert figure is not None and figure[1] <= 170 and figure[3] >= 236 and figure[0] <= 72.5 and figure[3] < 245, figure


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.5)
    points = [(x0 + (x1 - x0) * k / 8, y1 - (y1 - y0) * (0.2 + 0.6 * ((k * 37) % 11) / 11)) for k in range(9)]
    page.draw_polyline(points, color=(0, 0, 0), width=0.6)
    for k in range(6):
        _cell(page, x0 + (x1 - x0) * k / 5 - 3, y1 + 8, f"0.{2 * k}", size=5, font="helv")


def test_a_plot_centred_under_a_row_of_two_is_in_the_figures_crop(tmp_path):
    # JMLR 2003: two plots side by side and a third centred under them, the caption under the
    # third. Each plot of the row overlaps the third by just under half its width: neither was
    # taken as a row over it, and the crop held the third plot alone.
    doc = pymupdf.open()
    page = _page(doc)
    _plot(page, 110, 112, 292, 262)
    _plot(page, 318, 112, 505, 262)
    _plot(page, 212, 282, 402, 430)
    _cell(page, 90, 462, "Figure 5: Specific word precision and recall using the discrete translation model. For each")
    _lines(page, 90, 522, 474, 4, start=10)
    _lines(page, 90, 522, 540, 14, start=60)
    figure = _parse(doc, tmp_path)[1][("figure", "5")].bbox
    assert figure is not None and figure[0] <= 111 and figure[2] >= 504 and figure[1] <= 113, figure


def test_notes_in_the_margin_beside_a_tables_rows_are_no_row_labels(tmp_path):
    # EACL 2014 (a reader's copy): a table across the page's top, and in the margin left of it, 12 pt
    # off its rules, two notes a reader set level with its rows. They stand left of
    # where the page's running text begins: notes, not the table's row names.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    for y in (62.6, 72.5, 103.5, 124.0):
        _rule(page, 82.3, 515.3, y)
    _cell(page, 94, 70, "Lang    Dim    WS-353    WS-SIM    WS-REL    RG-65    MC-30    MTurk-287", size=9)
    for i, lang in enumerate(("En", "De-En", "Fr-En")):
        _cell(page, 94, 80.5 + 10.3 * i + (3 if i else 0), f"{lang}    640    46.{i}    56.{i}    36.{i}    50.{i}    42.{i}    51.{i}", size=9)
    _cell(page, 94, 112, "Es-En    512    59.3    60.1    55.2    71.0    80.1    52.5", size=9)
    _cell(page, 94, 121.5, "It-En    512    60.2    64.0    55.0    70.5    79.4    51.2", size=9)
    _cell(page, 50, 79.5, "note", size=10)
    _cell(page, 48, 101, "notes", size=10)
    _cell(page, 131, 142, "Table 1: Spearman's correlation (left) and accuracy (right) on the tasks.", size=10)
    _lines(page, 72, 290, 170, 40)
    _lines(page, 306, 524, 170, 40, start=60)
    table = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert table is not None and table[0] > 80, table
