"""Float crops (issue 14: real papers read faithfully), the forty-fourth session's leftovers: a
table's head rule run under its row names as well as its shaded cells. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _cell(page, x: float, y: float, text: str, size: float = 8, font: str = "tiro") -> None:
    page.insert_text((x, y), text, fontname=font, fontsize=size)


def test_a_head_rule_under_the_row_names_and_the_shaded_cells_is_the_tables_own(tmp_path):
    # VLDB 2021: a table in the right column, its columns of numbers shaded cell by cell, the row
    # names "Q1.1", "Q1.2", ... 5 pt left of the first shaded column, and one head rule under
    # "Query" and the columns' heads from 4 pt left of the row names to the shaded cells' right
    # end, the first row under it unshaded. The rule was taken for another drawing among the row
    # names: the crop began at the shading and the row names were cut off.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 54, 288, 80, 60, size=9)
    _lines(page, 318, 558, 80, 10, size=9, start=80)
    # (a white ground painted at the page's foot, as a drawing program sets one: the page's ink is read)
    page.draw_rect(pymupdf.Rect(60.0, 720.0, 280.0, 750.0), color=None, fill=(1, 1, 1), width=0)
    _cell(page, 328.9, 198.0, "Query", font="tibo")
    _cell(page, 361.4, 198.0, "+Filters (4.1)", font="tibo")
    _cell(page, 420.0, 198.0, "+Aggregations (4.2)", font="tibo")
    _cell(page, 503.3, 198.0, "+Joins (4.3)", font="tibo")
    _rule(page, 323.6, 552.2, 201.8, width=0.8)
    names = ("Q1.1", "Q1.2", "Q1.3", "Q2.1", "Q2.2", "Q2.3", "Q3.1", "Q3.2", "Q3.3", "Q3.4", "Q4.1", "Q4.2", "Q4.3")
    for i, name in enumerate(names):
        top = 202.6 + 9.96 * i
        for x0, x1, shaded in ((356.4, 415.1, (1, 2, 3, 4, 7, 8, 10, 11, 12)), (498.3, 552.2, range(3, 13))):
            if i in shaded:
                page.draw_rect(pymupdf.Rect(x0, top, x1, top + 9.96), color=None, fill=(0.8, 0.95, 0.8), width=0)
        _cell(page, 335.5, top + 6.5, name, size=6.6, font="cour")
        for x, text in ((379.3, f"1.0{i % 7}"), (450.3, "1.00"), (518.8, f"1.{20 + i}")):
            _cell(page, x, top + 6.5, text)
    _cell(page, 317.7, 342.0, "Table 2: SSB Speedup - The speedup achieved when incremental", size=9)
    _cell(page, 318.0, 352.0, "applying each optimization to the queries.", size=9)
    _lines(page, 318, 558, 380, 30, size=9, start=200)
    table = _parse(doc, tmp_path)[1][("table", "2")].bbox
    assert table is not None and table[0] <= 329 and table[2] >= 551, table
