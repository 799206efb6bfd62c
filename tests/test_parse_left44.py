"""Float crops (issue 14: real papers read faithfully), the forty-fourth session's leftovers: a
table's head rule run under its row names as well as its shaded cells, and a note in a face of its
own right beside a figure's brace. Pages drawn with PyMuPDF."""

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


def test_a_note_in_a_face_of_its_own_right_beside_a_brace_is_the_figures(tmp_path):
    # OSDI 2014: a figure of four lines of code in 7.6 pt, a brace drawn right of the middle two,
    # and right of the brace, 6 pt off it, a note in 7.6 pt Arial italic, three lines ("Critical
    # region is too large, / causing concurrent write / requests to hang"), under a 10 pt caption.
    # The note, over 0.7 of the caption's type, was left out: the crop ended at the brace.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 71.4, 296.4, 80, 17, size=10)
    for y, text in ((293.5, "write_lock();"), (302.7, "/* remove a"), (311.9, "* large directory*/"),
                    (321.1, "write_unlock();")):
        page.insert_text((85.5, y), text, fontname="cour", fontsize=7.6)
    brace = page.new_shape()
    for a, b, c, d in (((173.9, 320.3), (175.8, 319.9), (177.4, 319.4), (178.5, 318.7)),
                       ((178.5, 318.7), (179.4, 318.3), (180.0, 317.3), (180.0, 316.2)),
                       ((180.0, 316.2), (180.0, 314.0), (180.0, 311.8), (180.0, 309.6)),
                       ((180.0, 309.6), (180.0, 307.9), (181.4, 306.5), (186.1, 306.5)),
                       ((186.1, 306.5), (182.5, 306.5), (180.0, 304.1), (180.0, 301.0)),
                       ((180.0, 301.0), (180.0, 299.6), (180.0, 298.2), (180.0, 296.9)),
                       ((180.0, 296.9), (180.0, 295.8), (179.4, 294.9), (178.5, 294.3)),
                       ((178.5, 294.3), (177.4, 293.8), (175.8, 293.2), (173.9, 292.8))):
        brace.draw_bezier(a, b, c, d)
    brace.finish(color=(0.29, 0.44, 0.72), width=0.74, lineJoin=1, closePath=False)
    brace.commit()
    for y, text in ((298.3, "Critical region is too large,"), (307.5, "causing concurrent write"),
                    (316.6, "requests to hang")):
        page.insert_text((192.4, y), text, fontname="heit", fontsize=7.6)
    page.insert_text((71.4, 339.0), "Figure 3: Performance degradation in HDFS caused by a", fontname="tiro", fontsize=10)
    page.insert_text((71.4, 351.0), "single request to remove a large directory.", fontname="tiro", fontsize=10)
    _lines(page, 71.4, 296.4, 380, 30, size=10, start=300)
    _lines(page, 314.4, 539.4, 80, 60, size=10, start=600)
    figure = _parse(doc, tmp_path)[1][("figure", "3")].bbox
    assert figure is not None and figure[0] <= 86 and figure[2] >= 278, figure


def test_a_head_cell_wrapped_to_a_row_of_its_own_over_the_rule_is_the_tables(tmp_path):
    # LoRA review: a table of one rule, under a head of three rows ("ID Dataset Embed Vocab.
    # Training ..." over "size dim. size algorithm ..." over "(tokens)" alone under "size" under
    # "Dataset"), its caption under it, another table's caption 13 pt over the head. The row right
    # over the rule held one cell: the crop began at the rule, the head cut off.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 55, 541, 80, 18, size=9)
    page.insert_text((141.7, 358.5), "Table 5. The search space of baseline models for the additional text.",
                     fontname="tiit", fontsize=9)
    for y, cells in ((379.8, ((60.7, "ID"), (169.0, "Dataset"), (208.3, "Embed"), (245.7, "Vocab."),
                              (281.2, "Training"), (351.6, "Hub Handles"))),
                     (390.4, ((169.0, "size"), (208.3, "dim."), (245.7, "size"), (281.2, "algorithm"),
                              (351.6, "Prefix: https://tfhub.dev/"))),
                     (401.0, ((169.0, "(tokens)"),))):
        for x, text in cells:
            page.insert_text((x, y), text, fontname="tibo" if y < 385 else "tiro", fontsize=8.8)
    _rule(page, 55.4, 541.5, 403.9, width=0.35)
    for i, name in enumerate(("English-small", "English-big", "English-wiki-small", "English-wiki-big")):
        y = 422.5 + 10.55 * i
        for x, text in ((60.7, name), (169.0, f"{4 + i}B"), (208.3, f"{50 * (i + 1)}"), (245.7, f"{i + 1}M"),
                        (281.2, "Skipgram"), (351.6, f"wiki-words-{250 * (i + 1)}-normalization/1")):
            page.insert_text((x, y), text, fontname="tiro", fontsize=8.8)
    page.insert_text((54.9, 489.7), "Table 6. Options for text input embedding modules. These are pre-trained models.",
                     fontname="tiit", fontsize=9)
    _lines(page, 55, 541, 520, 20, size=9, start=300)
    table = _parse(doc, tmp_path)[1][("table", "6")].bbox
    assert table is not None and table[1] <= 374, table
