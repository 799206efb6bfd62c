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

