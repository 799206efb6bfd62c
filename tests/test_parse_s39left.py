"""Floats and crops (issue 14: real papers read faithfully), the thirty-ninth session's fixes to
the left38a rules: each test a shape of a real paper that one of those rules made worse. Pages
drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule
from test_parse_floats14 import _hand_drawn_plot

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _parse_all(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return paper.figures + paper.tables


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
