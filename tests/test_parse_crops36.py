"""Float crops (issue 14: real papers read faithfully), the thirty-sixth session's: what stands over
a float's drawn part and was left out of its crop: titles over a row of plots set in the caption's
type, a plot's title set in the plot's own face, a table's head put aside with the page's running
heads. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _table_at_top(page, x0: float, x1: float, caption: str) -> None:
    """An ACL 2023 table at a column's top: "Correlation" over a cmidrule over the last two head
    cells, the head row over a heavy rule across the table (no rule over the head), rows under it,
    a bottom rule, the caption under the table."""
    page.insert_text((x1 - 46, 80), "Correlation", fontname="tiro", fontsize=9)
    _rule(page, x1 - 53, x1, 83, width=0.33)
    head = ("Pre-trained embedding", "Voc.", "Size", "Pear.", "Spear.")
    at = (x0 + 0.5, x0 + 95, x0 + 130, x1 - 51, x1 - 26)
    for text, x in zip(head, at):
        page.insert_text((x, 94), text, fontname="tiro", fontsize=9)
    _rule(page, x0, x1, 96.7, width=0.87)
    for k in range(8):
        y = 108 + 10 * k
        for text, x in zip((f"GloVe ({k + 6}B)", f"{k}.4M", f"{400 + k}", f"4{k}.37", f"4{k}.95"), at):
            page.insert_text((x, y), text, fontname="tiro", fontsize=9)
    _rule(page, x0, x1, 186, width=0.87)
    page.insert_text((x0, 208), caption, fontname="tiro", fontsize=10)


def test_a_table_head_at_the_pages_top_with_no_rule_over_it_is_the_tables(tmp_path):
    # ACL 2023: tables at the tops of the two columns, page after page, each's head row over a rule
    # across it and "Correlation" over a \cmidrule over "Pear. Spear.", no rule over the head. The
    # heads, the pages' topmost lines, the same on each page, were put aside with the running heads:
    # the crops began at the rule.
    doc = pymupdf.open()
    for k in range(3):
        page = _page(doc, 595, 842)
        _table_at_top(page, 70, 302, f"Table {2 * k + 1}: Static embeddings and their scores.")
        _table_at_top(page, 306, 525, f"Table {2 * k + 2}: Sentence embeddings and their scores.")
        for x0, x1 in ((70, 302), (306, 525)):
            _lines(page, x0, x1, 240, 45)
    found = _parse(doc, tmp_path)
    for number in range(1, 7):
        table = found[("table", str(number))].bbox
        assert table is not None and table[1] <= 74 and table[3] >= 186, (number, table)
