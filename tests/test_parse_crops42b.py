"""Wrong crops of session 42 found on tune papers whose floats nobody had checked (systems papers,
journals), each drawn here with PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _floats, _save, _text
from pdf_pages import prose as _prose


def _code_row(page, x: float, y: float, text: str, brace: str = "", brace_first: bool = False) -> None:
    """A row in typewriter type; a brace, if any, in the symbol font (TeX's \\{ in CMSY), before
    the row's text or after it."""
    if brace and brace_first:
        page.insert_text((x, y), brace, fontname="symb", fontsize=9)
        x += pymupdf.get_text_length(brace + " ", "symb", 9)
    page.insert_text((x, y), text, fontname="cour", fontsize=9)
    if brace and not brace_first:
        page.insert_text((x + pymupdf.get_text_length(text + " ", "cour", 9), y), brace, fontname="symb", fontsize=9)


def test_a_listings_statements_a_blank_line_apart_are_all_in_its_crop(tmp_path):
    # CIDR 2011: Figure 3 is a schema in typewriter type atop the right column, its statements a
    # blank line apart, the braces in TeX's symbol font (no code rows): the statements stood in
    # blocks of their own and the crop kept the lower half, from the first blank line on up lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 294, 60, 720)
    y, top = 62.0, 54.0
    for statement in (["CREATE SCHEMA PhotoApp;"],
                      [("CREATE TABLE User", "{", False), " required int64 user_id;", " required string name;",
                       ("PRIMARY KEY(user_id), ENTITY GROUP ROOT;", "}", True)],
                      [("CREATE TABLE Photo", "{", False), " required int64 user_id;", " required int32 photo_id;",
                       " required int64 time;", " repeated string tag;",
                       ("PRIMARY KEY(user_id, photo_id),", "}", True), "  IN TABLE User,",
                       "  ENTITY GROUP KEY(user_id) REFERENCES User;"],
                      ["CREATE LOCAL INDEX PhotosByTime", "  ON Photo(user_id, time);"],
                      ["CREATE GLOBAL INDEX PhotosByTag", "  ON Photo(tag) STORING (thumbnail_url);"]):
        for row in statement:
            if isinstance(row, tuple):
                _code_row(page, 318, y, row[0], row[1], row[2])
            else:
                _code_row(page, 318, y, row)
            y += 10.5
        y += 10.5
    bottom = y - 10.5 - 8
    _text(page, 318, bottom + 22, "Figure 3: Sample Schema for Photo Sharing Service", size=10)
    _prose(page, 318, 558, bottom + 50, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "3")]
    assert figure.bbox is not None and figure.bbox[1] < top + 2 and figure.bbox[3] > bottom, (figure.bbox, top, bottom)


def _justified(page, x0: float, x1: float, y: float, words: list[str], size: float = 10) -> None:
    """A line of words set justified from x0 to x1, each word placed on its own."""
    widths = [pymupdf.get_text_length(w, "tiro", size) for w in words]
    gap = (x1 - x0 - sum(widths)) / (len(words) - 1)
    x = x0
    for w, width in zip(words, widths):
        page.insert_text((x, y), w, fontname="tiro", fontsize=size)
        x += width + gap


def test_justified_text_wrapped_beside_a_table_is_not_its_row_names(tmp_path):
    # SysML 2019: Table 1 set at the right of the left column, the running text wrapped beside it
    # in a measure of 104 pt, justified ("adaptive clipping on the" over "convolutional sequence
    # to"); the lines level with its rows were taken for its row names and the crop held them.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 55.4, 289.4, 60, 620)
    _prose(page, 307, 541, 60, 720)
    rows = [["We", "validate", "the", "proposed"], ["adaptive", "clipping", "on", "the"],
            ["convolutional", "sequence", "to"], ["sequence", "learning", "model"],
            ["(Gehring", "et", "al.,", "2017)"], ["for", "IWSLT", "2014", "German-"],
            ["English", "translation.", "The"], ["results", "are", "shown", "in"]]
    for k, words in enumerate(rows):
        _justified(page, 55.4, 159.1, 644 + 11.95 * k, words)
    for y in (642.7, 657.8, 660.3, 700.7):
        page.draw_line((172.1, y), (288.8, y), color=(0, 0, 0), width=0.4)
    page.draw_line((236.2, 645.9), (236.2, 698.6), color=(0, 0, 0), width=0.4)
    for x, y, text in ((239.5, 653, "Loss  BLEU4"), (173, 670.5, "Default w/o clip."), (251, 670.5, "diverge"),
                       (175.3, 683, "Default w/ clip."), (240.1, 683, "2.86   30.75"), (197.5, 695.5, "YF"),
                       (240.1, 695.5, "2.75   31.59")):
        page.insert_text((x, y), text, fontname="tiro", fontsize=8)
    for k, text in enumerate(["Table 1. German-English translation", "validation metrics using a", "convolutional model."]):
        _text(page, 171.6, 724 + 10 * k, text, size=9)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "1")]
    assert table.bbox is not None and table.bbox[0] > 165 and table.bbox[2] > 287, table.bbox
