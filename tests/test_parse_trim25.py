"""A float's image of several million pixels (a figure exported at 600 dpi, iGPT's 6542 x 1606 strip)
still has its white border cut from the crop: the bare text pass the command is measured against
decodes every image anyway, at several times the trim's cost."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def test_a_large_images_white_border_is_cut_from_the_crop(tmp_path):
    # 4000 x 1500 pixels (6 megapixels) drawn 400 x 150 pt: 400 pixels (40 pt) of white left and
    # right, 150 (15 pt) over the plot, 40 (4 pt) under it.
    w, h = 4000, 1500
    white, blue = b"\xff\xff\xff", bytes((40, 60, 160))
    row = white * 400 + blue * (w - 800) + white * 400
    samples = white * w * 150 + row * (h - 150 - 40) + white * w * 40
    pix = pymupdf.Pixmap(pymupdf.csRGB, w, h, samples, False)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _lines(page, 72, 540, 80, 12)
    page.insert_image(pymupdf.Rect(106, 240, 506, 390), pixmap=pix)
    page.insert_text((150, 410), "Figure 1: Samples drawn from the model at every stage of training.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 450, 12)
    doc.save(tmp_path / "paper.pdf", deflate=True)
    paper = parse_pdf(tmp_path / "paper.pdf")
    box = next(f for f in paper.figures if f.number == "1").bbox
    assert box is not None
    assert 144 <= box[0] <= 148 and 464 <= box[2] <= 468, box
    assert 252 <= box[1] <= 256, box
