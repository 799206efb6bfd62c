"""Float crops left over from session 42, each drawn here with PyMuPDF in the shape a real paper
printed it."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _headed_page(doc, head: str = "Parameter-Efficient Transfer Learning for NLP"):
    """A page under a running head: its one row of 9-pt type over a hairline across the text width."""
    page = doc.new_page(width=612, height=792)
    page.insert_text((207, 54), head, fontname="tiro", fontsize=9)
    _rule(page, 55.4, 541.4, 57.6, width=0.4)
    return page


def test_a_running_heads_rule_over_a_table_at_the_pages_top_is_no_piece_of_the_table(tmp_path):
    # ICML (an appendix): a table of its text's width at the top of a page, its caption under it,
    # 88 pt under the running head's rule, which is of the same width. The table's box was grown over
    # the page's rules of its width, the running head's among them (nothing but white between), and
    # its crop reached up to the running head.
    doc = pymupdf.open()
    for n in range(4):
        page = _headed_page(doc)
        if n != 2:
            _lines(page, 55.4, 541.4, 80, 50, start=20 * n)
            continue
        for y in (145.5, 153.9, 256.0):
            _rule(page, 55.4, 541.4, y)
        page.insert_text((58.4, 151.5), "Dataset", fontname="helv", fontsize=4.5)
        for k in range(1, 11):
            page.insert_text((130 + 36 * k, 151.5), str(k), fontname="helv", fontsize=4.5)
        for r in range(16):
            y = 160 + 5.86 * r
            page.insert_text((58.4, y), f"Dataset number {r}", fontname="helv", fontsize=4.5)
            for k in range(1, 11):
                page.insert_text((130 + 36 * k, y), f"0.{r}{k}", fontname="helv", fontsize=4.5)
        page.insert_text((120, 278.5), "Table 7. Search space parameters for the AutoML baseline.", fontname="tiro",
                         fontsize=9)
        _lines(page, 55.4, 541.4, 310, 35, start=70)
    paper, floats = _parse(doc, tmp_path)
    table = floats.get(("table", "7"))
    assert table is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert table.bbox is not None and 140 <= table.bbox[1] <= 146 and table.bbox[3] >= 255, table.bbox
