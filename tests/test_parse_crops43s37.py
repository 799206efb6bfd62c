"""Float crops, the thirty-seventh split's: an image whose white margin reaches under the
captions over and under it. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _image(page, rect, margin: tuple[int, int] = (0, 0)) -> None:
    """An image of 80 x 80 pixels, grey, with a white border `margin` pixels (top, bottom) wide."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 80, 80), False)
    pix.clear_with(255)
    top, bottom = margin
    pix.set_rect(pymupdf.IRect(0, top, 80, 80 - bottom), (60, 60, 60))
    page.insert_image(rect, pixmap=pix)


def test_an_images_white_margin_under_the_captions_over_and_under_it_is_no_ink(tmp_path):
    # ICCV 2023: in the right column a row of three images under their labels, "Figure 1: ..."
    # under them, and under that a diagram saved as one image with a white border: its box reaches
    # 6 pt up over Figure 1's caption line, 3 pt past the row's foot, and down under the first line
    # of its own caption, "Figure 2: ...", both captions wider than the image. Clustered with the
    # row, the two figures were one box: Figure 1's crop ran down over the diagram and Figure 2 had
    # no crop.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 50, 286, 84, 52)
    for x, label in ((330, "Trigger"), (395, "Benign sample"), (490, "Poisoning")):
        page.insert_text((x, 82), label, fontname="helv", fontsize=7.5)
    for x0 in (301.3, 382.0, 464.8):
        _image(page, (x0, 85.6, x0 + 80.7, 166.3))
    page.insert_text((335, 177), "Figure 1: Our backdoor trigger and a poisoning sample.", fontname="tiro", fontsize=9)
    _image(page, (371.2, 169.5, 474.8, 273.0), margin=(10, 10))
    page.insert_text((309, 272), "Figure 2: Our backdoor trigger has three parameters: pixel inten-",
                     fontname="tiro", fontsize=9)
    page.insert_text((309, 283.5), "sity, pixel gap and pixel width. For presentation clarity, we use",
                     fontname="tiro", fontsize=9)
    page.insert_text((309, 294.5), "high pixel intensity here, but in experiments low intensities.",
                     fontname="tiro", fontsize=9)
    _lines(page, 309, 545, 320, 38)
    floats = _parse(doc, tmp_path)
    first, second = floats[("figure", "1")].bbox, floats[("figure", "2")].bbox
    assert first is not None and first[1] <= 76 and 163 <= first[3] <= 167, first
    assert second is not None and second[1] >= 166 and 258 <= second[3] <= 264, second
