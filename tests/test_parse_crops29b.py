"""Float crops (issue 14: real papers read faithfully), the twenty-ninth session's second set: a
table's caption set right under its last row at the rows' pitch. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _cell(page, x: float, y: float, text: str, size: float = 8, font: str = "tiro") -> None:
    page.insert_text((x, y), text, fontname=font, fontsize=size)


def test_a_caption_right_under_a_tables_last_row_is_a_caption(tmp_path):
    # ACM sigconf (SIGMOD 2018): a small table in the column, one rule under its head row and none
    # over it or under the table, rows of cells in the caption's 8 pt at a pitch of about 10 pt and
    # the caption "Table 1: ..." centred under the last row at about that pitch, shorter than the
    # rows. The caption's line was read as the next line of the rows' block (its left edge is left of
    # the last cell's, so not "set in" from it, and the last cell ends right of the caption's end):
    # the table had no caption and was lost.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 60, 290, 80, 12)
    for x, text in ((190, "ARF"), (215, "SuRF"), (245, "Improvement")):
        _cell(page, x, 247, text, font="tibo")
    _rule(page, 60, 290, 252)
    rows = (("Bits per Key (held constant)", "14", "14", "-"), ("Range Query Throughput (Mops/s)", "0.16", "3.3", "20x"),
            ("False Positive Rate (%)", "25.7", "2.2", "12x"), ("Build Time (s)", "118", "1.2", "98x"),
            ("Build Mem (GB)", "26", "0.02", "1300x"), ("Training Time (s)", "117", "N/A", "N/A"),
            ("Training Throughput (Mops/s)", "0.02", "N/A", "N/A"))
    y = 262
    for row in rows:
        _cell(page, 60, y, row[0])
        for right, text in zip((200, 229, 288), row[1:]):
            _cell(page, right - len(text) * 4.2, y, text)
        y += 9.8
    # (the caption's line 9.8 pt under the last row's, from x 77 to about 271)
    _cell(page, 77, y + 1, "Table 1:", font="tibo")
    _cell(page, 108, y + 1, "Experimental comparison between ARF and SuRF.")
    _lines(page, 60, 290, y + 30, 30, start=40)
    _lines(page, 320, 550, 80, 50, start=90)
    paper, floats = _parse(doc, tmp_path)
    table = floats.get(("table", "1"))
    assert table is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert table.bbox is not None and table.bbox[1] <= 241 and table.bbox[3] >= y - 9.8, table.bbox


def _three_rule_table(page, heads: list[tuple[float, float, str]]) -> None:
    """A table across the page in 12 pt type, larger than the 10 pt text (AAAI 2018, scaled up: its
    cells in 12.25 pt): a full rule over its head, one under it and one under its last row, 52 and
    61 pt apart, the caption under it."""
    for y, width in ((56, 1.0), (108, 0.6), (169, 1.0)):
        _rule(page, 57, 555, y, width=width)
    for x, y, text in heads:
        _cell(page, x, y, text, size=12)
    for i, label in enumerate(("3m", "5m", "5w", "2d 3z")):
        y = 122 + 13.7 * i
        _cell(page, 64, y, label, size=12)
        for k in range(9):
            _cell(page, 113 + 47 * k, y, f"{40 + 7 * i + k} ({k + 1})" if k < 5 else f"{60 + i + k}", size=12)
    _cell(page, 54, 193, "Table 1: Mean win percentage averaged across final evaluation episodes for the", size=10)
    _cell(page, 54, 204, "different maps, for all methods and the heuristic in the decentralised setting.", size=10)
    _lines(page, 54, 297, 225, 40)
    _lines(page, 315, 558, 225, 40, start=60)


def test_a_tables_head_with_an_abbreviated_label_is_in_its_crop(tmp_path):
    # AAAI 2018: the head's row of labels holds "heur." (heuristic): a short word with its full
    # stop, taken for a sentence's end, so the band between the top rule and the head's rule was
    # not the table's, and the crop held only the rows under the head's rule.
    doc = pymupdf.open()
    page = _page(doc)
    _three_rule_table(page, [(192, 70, "Local Field of View (FoV)"), (422, 70, "Full FoV, Central Control")] +
                      [(x, 96, text) for x, text in ((64, "map"), (107, "heur."), (146, "IAC-V"), (196, "IAC-Q"),
                                                      (246, "cnt-V"), (290, "cnt-QV"), (357, "Ours"), (422, "DQN"),
                                                      (461, "GMEZO"))])
    table = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert table is not None and table[1] <= 57 and table[3] >= 168, table


def test_a_tables_spanning_label_set_half_a_row_up_is_in_its_crop(tmp_path):
    # AAAI 2018: the head's label "COMA" spans its two sub-columns "mean" and "best", set 9.5 pt
    # over the row of the other labels and 16.5 pt over its own sub-labels: level with no other
    # line, it was taken for no cell, and the crop held only the rows under the head's rule.
    doc = pymupdf.open()
    page = _page(doc)
    _three_rule_table(page, [(192, 70, "Local Field of View (FoV)"), (422, 70, "Full FoV, Central Control")] +
                      [(x, 96, text) for x, text in ((64, "map"), (107, "heur"), (146, "IAC-V"), (196, "IAC-Q"),
                                                      (246, "cnt-V"), (290, "cnt-QV"), (422, "DQN"), (461, "GMEZO"))] +
                      [(357, 86.5, "COMA"), (345, 103, "mean"), (388, 103, "best")])
    table = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert table is not None and table[1] <= 57 and table[3] >= 168, table


def test_a_plots_wrapped_axis_title_and_legend_under_it_are_in_its_crop(tmp_path):
    # CVPR 2024: three plots side by side in the right column, their x-axis title under them in
    # the plot's 8 pt sans serif wrapped to a second line of eight words ("(modulated by choices of
    # activation and prefactor value)"), then a legend row of small markers and 6.6 pt labels, the
    # 9 pt caption under it. The second line, long and wordy, was taken for prose between the figure
    # and its caption, and the crop stopped at the axis title's first line.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 57, 290, 80, 55)
    for k in range(3):  # three plots with their frames and a scatter of points
        x = 320 + 76 * k
        page.draw_rect(pymupdf.Rect(x, 100, x + 66, 170), color=(0, 0, 0), width=0.5)
        for i in range(12):
            page.draw_circle((x + 5 + 5 * i, 110 + (i * 37) % 55), 1.2, color=(0.85, 0.33, 0.1), fill=(0.85, 0.33, 0.1))
    page.insert_text((376, 187), "Complexity (LZ) at initialization", fontname="helv", fontsize=8)
    page.insert_text((332, 198), "(modulated by choices of activation and prefactor value)", fontname="helv", fontsize=8)
    for k, name in enumerate(("mlpRelu", "mlpGelu", "mlpSwish", "mlpTanh", "mlpGaussian", "mlpSin")):
        x = 309 + 40 * k
        page.draw_rect(pymupdf.Rect(x, 207.6, x + 2.4, 210), color=None, fill=(0, 0.45, 0.74))
        page.insert_text((x + 8, 211), name, fontname="helv", fontsize=6.6)
    _cell(page, 309, 228, "Figure 7. Results training networks on three tasks of increasing", size=9)
    _cell(page, 309, 239, "complexity. Each point represents a different architecture.", size=9)
    _lines(page, 309, 550, 260, 35, start=90)
    figure = _parse(doc, tmp_path)[1][("figure", "7")].bbox
    assert figure is not None and figure[1] <= 101 and figure[3] >= 211, figure


def test_a_note_in_small_type_under_a_caption_over_its_table_is_no_part_of_its_crop(tmp_path):
    # IFAC: "Table 1. CRT LSS Iterations." over its table, a note in 7 pt under the caption ("Note
    # b, S and dS are dimensionless, while each 3-element subvector ..."), then the ruled table. The
    # note is the caption's, not the table's, though in type smaller than the caption's.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 57, 290, 80, 55)
    _lines(page, 331, 532, 80, 40, start=90)
    _cell(page, 367, 613, "Table 1. CRT LSS Iterations.", size=10)
    _cell(page, 331, 624, "Note b, S and dS are dimensionless, while each 3-element", size=7)
    _cell(page, 341, 635, "subvector of dX has distinct units (see Section 4.1).", size=7)
    for i in range(11):
        y = 645.7 + 10.3 * i
        _rule(page, 342, 520, y)
        if i < 10:
            for x in (342, 359, 415, 447, 486, 520):
                page.draw_line((x, y + 0.2), (x, y + 10.1), color=(0, 0, 0), width=0.4)
            for x, text in ((348, str(i + 1)), (370, f"{104412 - 97 * i}.888"), (421, "0.000"), (461, "1.274"),
                            (492, "0.000")):
                _cell(page, x, y + 8, text)
    table = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert table is not None and table[1] >= 640 and table[3] >= 748, table
