"""Float crops (issue 14, item 5), the twenty-third split's: a caption whose label names its float's
panels by letter before the colon ("Figure 3a (left): ... 3b (right) ..."). Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops15 import _parse  # noqa: E402


def _image(page, rect) -> None:
    """A grey image filling `rect` (its ink reaching every edge)."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 199, 100), False)
    pix.clear_with(90)
    page.insert_image(rect, pixmap=pix, keep_proportion=False)


def test_a_caption_naming_its_panels_by_letter_before_the_colon_is_a_caption(tmp_path):
    # Google Docs: two plots side by side as two images, one caption under both, "Figure 3a (left):
    # Monthly total edits ... 3b (right) Monthly averaged ..."; the panel's letter glued to the number
    # and the panel's place in brackets before the colon, it was no caption and the figure was lost.
    # "Figure 3a shows" in the text, no colon after the label, stays text.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 3)
    _image(page, pymupdf.Rect(72, 122, 320, 343))
    _image(page, pymupdf.Rect(325, 122, 563, 343))
    page.insert_text((108, 385), "Figure 3a (left): Monthly total edits for each group of editors. 3b (right) Monthly",
                     fontname="helv", fontsize=10)
    page.insert_text((108, 400), "averaged (per-editor) edits for each groups of editors.", fontname="helv", fontsize=10)
    page.insert_text((108, 430), "As illustrated by Figure 3a shows, the old editors make most of the edits.",
                     fontname="helv", fontsize=10)
    _lines(page, 108, 520, 445, 10)
    paper, floats = _parse(doc, tmp_path)
    figure = floats[("figure", "3")]
    assert figure.caption.startswith("Monthly total edits"), figure.caption
    box = figure.bbox
    assert box[0] < 73 and box[1] < 123 and box[2] > 562 and 342 < box[3] < 350, box
    assert ("figure", "3a") not in floats and len(paper.figures) == 1
