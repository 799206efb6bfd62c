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
