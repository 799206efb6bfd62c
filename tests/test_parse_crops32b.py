"""Float crops (issue 14: real papers read faithfully), the thirty-second split's: a ruled table's head
row standing a little farther over its top rule than a head's labels stand (a 2003 Ghostscript print).
Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _parse
from test_parse_crops30c1 import _mask_rule


def _table_with_head_over_its_rule(tmp_path, off: float):
    # JASA 2006 (a 2003 technical report through Ghostscript): Table 1's head "φ(α) L_B δ(ε)" in
    # 11 pt type stands 6 to 7 pt (0.65 of its line's height) over the table's top rule, no rule
    # over it, at the page's top; the rows under the rule, a rule closing them, the caption under
    # the table; each rule a stencil mask, no path. The crop began at the top rule and left the
    # head row out. (`off`: the rule's top under the head's baseline less its descent.)
    doc = pymupdf.open()
    page = _page(doc)
    head_base = 92 + 8.6  # (an 11 pt line's baseline, its box's top near y 92)
    for x, text in ((294, "phi(a)"), (371, "LB"), (423, "delta(e)")):
        page.insert_text((x, head_base), text, fontname="tiro", fontsize=11)
    top = head_base + 2.4 + off  # (the line's box ends some 2.4 pt under its baseline)
    _mask_rule(doc, page, 152, 460, top)
    rows = [("exponential", "e^-a", "e^B", "e^-B/8"), ("logistic", "ln(1 + e^-2a)", "2", "e^-2B/4"),
            ("quadratic", "(1 - a)^2", "2(B + 1)", "1/4"), ("truncated quadratic", "(max{0, 1 - a})^2", "2(B + 1)", "1/4")]
    y = top + 16
    for row in rows:
        for x, text in zip((158, 275, 371, 423), row):
            page.insert_text((x, y), text, fontname="tiro", fontsize=11)
        y += 16.4
    bottom = y - 16.4 + 8
    _mask_rule(doc, page, 152, 460, bottom)
    page.insert_text((72, bottom + 30), "Table 1: Four convex loss functions defined on R. On the interval [-B, B], each",
                     fontname="tiro", fontsize=11)
    page.insert_text((72, bottom + 44), "has the modulus of convexity shown in the last column.", fontname="tiro", fontsize=11)
    _lines(page, 72, 540, bottom + 80, 20, size=11)
    return _parse(doc, tmp_path)[("table", "1")].bbox, head_base - 9, top


def test_a_head_row_standing_off_its_top_rule_is_the_tables(tmp_path):
    box, head_top, top = _table_with_head_over_its_rule(tmp_path, 9.9)
    assert box is not None and box[1] <= head_top + 1 and box[1] > head_top - 6, (box, head_top, top)


def test_prose_over_a_top_rule_stays_out(tmp_path):
    # (a line of running text over a table's top rule, as close, is no head row)
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 152, 460, 100.6, 1, size=11)
    top = 100.6 + 2.4 + 9.9
    _mask_rule(doc, page, 152, 460, top)
    y = top + 16
    for row in [("exponential", "e^-a", "e^B"), ("logistic", "ln(1 + e^-2a)", "2"), ("quadratic", "(1 - a)^2", "4")]:
        for x, text in zip((158, 275, 400), row):
            page.insert_text((x, y), text, fontname="tiro", fontsize=11)
        y += 16.4
    bottom = y - 16.4 + 8
    _mask_rule(doc, page, 152, 460, bottom)
    page.insert_text((72, bottom + 30), "Table 1: Three convex loss functions defined on R.", fontname="tiro", fontsize=11)
    _lines(page, 72, 540, bottom + 80, 20, size=11)
    box = _parse(doc, tmp_path)[("table", "1")].bbox
    assert box is not None and box[1] > top - 2, (box, top)
