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


def _caps(page, x: float, y: float, words: list[str], size: float) -> float:
    """Words in small capitals faked as Times sets them without a small-caps shape: each word's
    first letter at the size, the rest at 80 % of it, a piece per word; the x after the last."""
    for word in words:
        page.insert_text((x, y), word[0], fontname="tiro", fontsize=size)
        x += pymupdf.get_text_length(word[0], fontname="tiro", fontsize=size)
        page.insert_text((x, y), word[1:], fontname="tiro", fontsize=0.8 * size)
        x += pymupdf.get_text_length(word[1:] + " ", fontname="tiro", fontsize=0.8 * size)
    return x


def _small(page, x: float, y: float, text: str, size: float) -> float:
    """Capitals at 80 % of the size (a word typed in lower case under \\scshape); the x after them."""
    page.insert_text((x, y), text, fontname="tiro", fontsize=0.8 * size)
    return x + pymupdf.get_text_length(text + " ", fontname="tiro", fontsize=0.8 * size)


def test_subsection_headings_in_faked_small_capitals_with_math_join_their_numbers():
    # ICLR (Times, no small-caps shape): "4.1" then "m" from the math font, "-" and "SHARPNESS" at
    # 80 % of the size ("$m$-sharpness" under \scshape); "C.3" then "E" + "XPERIMENTAL RESULTS WITH"
    # and "ρ" in the math font at the full size ("... WITH ρ = 0.05" on the page). The math's
    # lower-case letter kept the line from reading as small capitals at the initials' size: the
    # number, set apart in its larger type, was no part of it, and neither heading was found.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 80), "4", fontname="tiro", fontsize=12)
    _caps(page, 126.8, 80, ["SHARPNESS", "AND", "GENERALIZATION"], 12)
    y = _prose(page, 108, 104, 6, size=10, pitch=11, width=396, first="Though our derivation of SAM defines the")
    page.insert_text((108, y + 10), "4.1", fontname="tiro", fontsize=10)
    page.insert_text((131.9, y + 10), "m", fontname="symb", fontsize=10)
    x = 131.9 + pymupdf.get_text_length("m", fontname="symb", fontsize=10)
    page.insert_text((x, y + 10), "-", fontname="tiro", fontsize=10)
    _small(page, x + pymupdf.get_text_length("-", fontname="tiro", fontsize=10) + 0.5, y + 10, "SHARPNESS", 10)
    y = _prose(page, 108, y + 30, 6, size=10, pitch=11, width=396, first="In practice we compute the update per batch")
    page.insert_text((108, y + 10), "4.2", fontname="tiro", fontsize=10)
    _caps(page, 132.2, y + 10, ["HESSIAN", "SPECTRA"], 10)
    y = _prose(page, 108, y + 30, 6, size=10, pitch=11, width=396, first="Motivated by the connection between")
    page.insert_text((108, y + 10), "C.3", fontname="tiro", fontsize=10)
    x = _caps(page, 133.8, y + 10, ["EXPERIMENTAL"], 10)
    x = _small(page, x, y + 10, "RESULTS", 10)
    x = _small(page, x, y + 10, "WITH", 10)
    page.insert_text((x, y + 10), "r", fontname="symb", fontsize=10)
    _small(page, x + 8, y + 10, "FIXED", 10)
    _prose(page, 108, y + 30, 6, size=10, pitch=11, width=396, first="A big sensitivity to the choice of")
    titles = [(s.number, s.title) for s in _parse(doc).sections]
    assert ("4.1", "m-SHARPNESS") in titles, titles
    assert ("C.3", "EXPERIMENTAL RESULTS WITH r FIXED") in titles, titles
