"""Front matter and sections of the thirtieth split's misses, each shape drawn here with PyMuPDF:
a lecture's banner in capitals a size over a title in capitals set in the text's size."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _prose


def _centred(page, y: float, text: str, font: str, size: float, axis: float = 306) -> None:
    width = pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.insert_text((axis - width / 2, y), text, fontname=font, fontsize=size)


def test_a_lectures_banner_a_size_over_a_title_in_capitals_is_no_title():
    # The Annals of Statistics: the lecture's name, "1999 ... LECTURE", in 12 pt bold capitals over
    # the title in two rows of 10 pt bold capitals (the text's size), the author's "By ..." and the
    # institution under it. The banner, the page's only large type, was taken for the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((135, 100), "The Journal of Statistics", fontname="tiit", fontsize=6)
    page.insert_text((135, 107), "2001, Vol. 29, No. 5, 1189-1232", fontname="tiro", fontsize=6)
    _centred(page, 132, "2003 MEMORIAL LECTURE", "tibo", 12)
    _centred(page, 152, "ADAPTIVE SPLINE ESTIMATION:", "tibo", 10)
    _centred(page, 164, "A STUDY OF SMOOTHING METHODS", "tibo", 10)
    _centred(page, 188, "By Ann B. Smith", "tiro", 10)
    _centred(page, 206, "Some University", "tiit", 10)
    _prose(page, 176, 224, 14, size=8, pitch=10, width=270, first="Function estimation is viewed from the")
    page.insert_text((135, 380), "1. Function estimation.", fontname="tibo", fontsize=10)
    _prose(page, 135, 392, 25, size=10, pitch=12, width=340)
    paper = _parse(doc)
    assert paper.title == "ADAPTIVE SPLINE ESTIMATION: A STUDY OF SMOOTHING METHODS", paper.title
