"""Paragraphs carried over a page break past a float at the next page's top: a table whose rules a
word processor drew in pieces (one per cell, with a small square where each column's border meets
the rule) is a table, and its cells stay out of the paragraph it interrupts. Pages drawn with
PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from tests.pdf_pages import reparse as _parse


def _pieced_rule(page, x0: float, y: float, columns: list[float], thick: float) -> None:
    """A rule from x0 across the columns' right edges, drawn as a word processor draws it: one
    filled piece per cell and a square of the rule's thickness where a column's border meets it."""
    left = x0
    for right in columns:
        page.draw_rect(pymupdf.Rect(left, y, right, y + thick), color=None, fill=(0, 0, 0))
        page.draw_rect(pymupdf.Rect(right, y, right + thick, y + thick), color=None, fill=(0, 0, 0))
        left = right + thick


def test_a_table_whose_rules_are_drawn_in_pieces_stays_out_of_the_paragraph_it_interrupts():
    # A Word paper's page opens on two small tables side by side, each rule a chain of cell-wide
    # pieces and joint squares touching end to end; taken for a drawing's strokes, the rules made
    # no table, and the cells ran into the paragraph carried over from the page before.
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=842)
    first.insert_text((125, 100), "Question Answering over Freebase by Matching", fontname="tibo", fontsize=16)
    first.insert_text((125, 140), "1 Introduction", fontname="tibo", fontsize=12)
    y, k = _lines(first, 125, 473, 160, 40)
    first.insert_text((125, y), "it will reduce the recall to some extent. But on the other hand, our generated",
                      fontname="tiro", fontsize=10)
    page = doc.new_page(width=595, height=842)
    page.insert_text((127, 156), "Table 2. The recall of top K entity candidates.", fontname="tiro", fontsize=9)
    columns = [158.8, 194.3, 243.9, 293.5]
    _pieced_rule(page, 126.9, 163.8, columns, 1.4)
    for x, head in zip((131, 169, 200, 250), ("Top K", "Yin et al.", "Lukovnikov", "Our method")):
        page.insert_text((x, 182), head, fontname="tiro", fontsize=9)
    _pieced_rule(page, 126.9, 189.6, columns, 0.7)
    for i, row in enumerate((("1", "73.6", "71.2", "74.5"), ("5", "85.0", "85.4", "86.0"),
                             ("10", "87.4", "88.4", "88.5"), ("20", "88.8", "-", "90.2"),
                             ("50", "90.4", "-", "91.9"), ("100", "91.6", "-", "93.1"))):
        for x, cell in zip((140, 170, 212, 262), row):
            page.insert_text((x, 200 + 12 * i), cell, fontname="tiro", fontsize=9)
    _pieced_rule(page, 126.9, 274.5, columns, 1.4)
    page.insert_text((125, 296), "candidates only contain the entities with the same name, which greatly reduce the",
                     fontname="tiro", fontsize=10)
    page.insert_text((125, 308), "scale of candidates, and avoids noise produced by some irrelevant entities who have",
                     fontname="tiro", fontsize=10)
    page.insert_text((125, 320), "common substring with question accidentally.", fontname="tiro", fontsize=10)
    _lines(page, 125, 473, 332, 20, start=k)
    paper = _parse(doc)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "But on the other hand, our generated candidates only contain the entities" in text
    assert "73.6" not in text and "Lukovnikov" not in text


def test_an_inline_fraction_beside_a_column_top_line_is_read_after_that_line():
    # ICML 2017: a paragraph carried over to the next page goes on "dients in general. Formally"
    # with a fraction in small type beside it, its numerator's top level with the line's top and
    # its baseline above the line's; read by its own baseline, the numerator came first and cut
    # "gra-" from "dients".
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    first.insert_text((55, 70), "Axiomatic Attribution for Deep Networks", fontname="tibo", fontsize=16)
    first.insert_text((55, 110), "1 Introduction", fontname="tibo", fontsize=12)
    y, k = _lines(first, 55, 289, 130, 40)
    first.insert_text((55, y), "fortunately, the chain rule does not hold for discrete gra-", fontname="tiro", fontsize=10)
    page = doc.new_page(width=612, height=792)
    ascender = pymupdf.Font("tiro").ascender
    base = 90.0
    page.insert_text((55, base), "dients in general. Formally", fontname="tiro", fontsize=10)
    top = base - ascender * 10
    x = 55 + pymupdf.get_text_length("dients in general. Formally", fontname="tiro", fontsize=10) + 20
    page.insert_text((x, top + ascender * 7), "f(x1)-f(x0)", fontname="tiro", fontsize=7)
    page.insert_text((x, top + ascender * 7 + 7.5), "g(x1)-g(x0)", fontname="tiro", fontsize=7)
    page.insert_text((55, base + 12), "and therefore these methods fail to satisfy implementation invariance.",
                     fontname="tiro", fontsize=10)
    _lines(page, 55, 289, base + 30, 30, start=k)
    paper = _parse(doc)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "does not hold for discrete gradients in general. Formally" in text


def test_rules_of_two_plots_side_by_side_at_one_height_stay_apart():
    # Two panels' grid lines at (almost) one height, 70 pt apart: no piece bridges the gap, and a
    # chain of pieces is only joined end to end, left to right (IEEE Access: the right panel's
    # line 0.2 pt higher was joined to the left one's, and the whole page of plots became one).
    from paperkit.reading.parse import _join_rule_pieces

    left, right = [71.68, 222.53, 260.73, 222.73], [334.02, 222.32, 519.17, 222.57]
    tick = [334.02, 222.32, 335.19, 222.57]
    joined = _join_rule_pieces([right, tick, left, [71.68, 222.53, 73.77, 222.73]])
    assert [71.68, 222.32, 519.17, 222.73] not in joined
    assert max(r[2] - r[0] for r in joined) < 200
    # while a cell's border and the joint square after it, end to end, are one rule
    assert _join_rule_pieces([[126.9, 163.8, 158.8, 165.3], [158.8, 163.8, 160.2, 165.3],
                              [160.2, 163.8, 194.3, 165.3]]) == [[126.9, 163.8, 194.3, 165.3]]


def test_an_exponent_over_its_own_words_stays_with_them_not_with_the_line_beside():
    # IFAC: "where ... s = [ ρ" and "λρ , λd ]⊺. The values" were cut into two lines side by side;
    # the raised "d" over the second is its exponent, not a fraction beside the first: it keeps its
    # own place, while a numerator beside a line, over nothing, is read in that line's row.
    from paperkit.reading.parse import Line, _in_rows

    def line(x0, y0, x1, y1, text, size, base):
        return Line(0, x0, y0, x1, y1, text, size, False, False, 0, base=base)

    host = line(40.8, 406.4, 212.4, 417.4, "where the norm is the l1-norm, and s = [ p", 10, 413.96)
    beside = line(204.8, 405.5, 291.7, 417.4, "lp , ld ]. The values", 10, 413.96)
    exponent = line(224.4, 407.4, 228.4, 411.8, "d", 7, 410.87)
    rows = _in_rows([exponent, beside, host])
    assert rows.index(exponent) < rows.index(host)  # left where its own baseline puts it
    numerator = line(237.7, 79.9, 282.5, 87.5, "f(x1)-f(x0)", 7, 86.8)
    text = line(55.4, 79.9, 218.1, 92.6, "dients in general. Formally", 10, 90.0)
    assert _in_rows([numerator, text]) == [text, numerator]
