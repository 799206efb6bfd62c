"""Paragraphs carried over a page break past a float at the next page's top: a table whose rules a
word processor drew in pieces (one per cell, with a small square where each column's border meets
the rule) is a table, and its cells stay out of the paragraph it interrupts. Pages drawn with
PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_document


def _parse(doc):
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again)


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
