"""A row of panels' names, one under each photograph in the text's own type (a BMVC review copy:
"Mar. 14", "June 25", "Aug. 12" under three photographs, more than half a line under them, the
review's line numbers down the margin), is the figure's, not text."""

from __future__ import annotations

import pymupdf

from test_parse_crops14 import _parse
from test_parse_floats16 import _image

from paperkit.reading.parse import parse_pdf

PROSE = "the shore of a small lake was recorded every week over two years by a boat that follows it"


def _figure_page():
    doc = pymupdf.open()
    page = doc.new_page(width=408, height=617)
    page.insert_text((26, 60), "Convolutional Networks for Natural Scenes", fontname="tibo", fontsize=16)
    page.insert_text((26, 90), "1 Introduction", fontname="tibo", fontsize=12)
    y = 110.0
    while y < 420:
        page.insert_text((26, y), PROSE, fontname="tiro", fontsize=10)
        y += 12.3
    for k, (name, x) in enumerate((("Mar. 14", 32), ("June 25", 154), ("Aug. 12", 275))):
        _image(page, pymupdf.Rect(x, 476, x + 110, 551), (40 + 60 * k, 90, 200))
        width = pymupdf.get_text_length(name, fontname="tiro", fontsize=10)
        page.insert_text((x + (110 - width) / 2, 569), name, fontname="tiro", fontsize=10)
    page.insert_text((26, 584), "Figure 1: Examples of variation in appearance of a section of the lake.",
                     fontname="tiro", fontsize=10)
    for k in range(46):  # the review copy's line numbers, every 12.3 pt down the left margin
        page.insert_text((6, 48 + 12.3 * k), f"{k:03d}", fontname="hebo", fontsize=8)
    return doc


def test_names_under_a_row_of_photographs_are_the_figures(tmp_path):
    box = _parse(_figure_page(), tmp_path)[("figure", "1")].bbox
    assert box is not None and box[3] >= 566, box
    paper = parse_pdf(tmp_path / "paper.pdf")
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "the shore of a small lake" in text
    assert "June 25" not in text and "Aug. 12" not in text and "Mar. 14" not in text, text[-200:]
