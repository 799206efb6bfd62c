"""Floats and crops (issue 14: real papers read faithfully), the thirty-ninth session's fixes to
the left38a rules: each test a shape of a real paper that one of those rules made worse. Pages
drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page
from test_parse_floats14 import _hand_drawn_plot

from paperkit.reading.parse import parse_pdf


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
