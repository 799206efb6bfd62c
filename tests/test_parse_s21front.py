"""Front matter of the twenty-first split's misses, each on a page drawn here: a scan cut into
strips under its OCR layer, a Publisher Item Identifier as the document's title, a title in the
body's type whose row the OCR reads in pieces, a note's mark after a title in capitals."""

from __future__ import annotations

import pymupdf

from tests.test_parse_sent19 import WORDS
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 330.0,
           hidden: bool = False, first: str | None = None) -> float:
    """n lines of running text filling `width` (set invisible, as an OCR layer is, when `hidden`)."""
    k = 0
    for i in range(n):
        if i == 0 and first is not None:
            text = first
        else:
            words = []
            while pymupdf.get_text_length(" ".join(words + [WORDS[k % len(WORDS)]]), fontname="tiro",
                                          fontsize=size) < width:
                words.append(WORDS[k % len(WORDS)])
                k += 1
            text = " ".join(words)
        page.insert_text((x, y), text, fontname="tiro", fontsize=size, render_mode=3 if hidden else 0)
        y += pitch
    return y


def _strip_png(width: int, height: int) -> bytes:
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, width, height), False)
    pix.set_rect(pix.irect, (235,))
    return pix.tobytes("png")


def test_a_scan_cut_into_strips_is_the_page_not_a_figure():
    # A 1985 journal scanned page by page, each page's scan cut into full-width strips 25 pt high
    # (23 to 74 images a page), under the OCR's invisible words: the strips together are the page,
    # as one scan is, and its text is read (the abstract without a label under the names), not
    # swallowed by one figure as large as the page.
    doc = pymupdf.open()
    for number in range(2):
        page = doc.new_page(width=470, height=700)
        png = _strip_png(470, 25)
        for y in range(0, 700, 25):
            page.insert_image(pymupdf.Rect(0, y, 470, y + 25), stream=png)
        if number == 0:
            page.insert_text((40, 70), "Sampling Records in One Pass", fontname="helv", fontsize=18, render_mode=3)
            page.insert_text((40, 100), "JOHN SMITH", fontname="helv", fontsize=9, render_mode=3)
            page.insert_text((40, 112), "Brown University", fontname="helv", fontsize=9, render_mode=3)
            _prose(page, 40, 150, 7, size=7.5, pitch=9.5, width=360, hidden=True,
                   first="We introduce fast ways to read a sample of the records in one pass over the file")
            page.insert_text((40, 260), "1. INTRODUCTION", fontname="helv", fontsize=9, render_mode=3)
            _prose(page, 40, 280, 30, hidden=True, width=380)
        else:
            _prose(page, 40, 60, 50, hidden=True, width=380)
    paper = _parse(doc)
    assert paper.title == "Sampling Records in One Pass"
    assert (paper.abstract or "").startswith("We introduce fast ways to read a sample of the records")
    assert not paper.figures


def _elsevier_1988(page, title_lines: list[list[str]], bold: bool) -> None:
    page.insert_text((58, 48), "Physica A 150 (1988) 472-480", fontname="tiro", fontsize=8)
    page.insert_text((58, 58), "North-Holland, Amsterdam", fontname="tiro", fontsize=8)
    y = 124
    for pieces in title_lines:
        x = 100
        for piece in pieces:
            font = "tibo" if bold else "tiro"
            page.insert_text((x, y), piece, fontname=font, fontsize=9.6)
            x += pymupdf.get_text_length(piece, fontname=font, fontsize=9.6) + 12
        y += 13
    page.insert_text((150, y + 18), "T. HORIGUCHI and L.L. GONCALVES", fontname="tiro", fontsize=8)
    page.insert_text((185, y + 50), "Received 31 August 1987", fontname="tiro", fontsize=8)
    _prose(page, 60, y + 90, 6, size=8, pitch=9.5, width=340)
    page.insert_text((58, 360), "1. Introduction", fontname="tibo", fontsize=9.6)
    _prose(page, 58, 380, 24, size=9.6, pitch=12.5, width=345)


def test_a_publisher_item_identifier_is_no_title():
    # A scan's document title is its record's PII ("PII: 0378-4371(88)90263-4"); the printed title, in
    # bold capitals of the body's size, ends in a note's mark, no part of it.
    doc = pymupdf.open()
    page = doc.new_page(width=461, height=677)
    _elsevier_1988(page, [["TWO-DIMENSIONAL ISING MODEL WITH"], ["ANNEALED RANDOM FIELDS*"]], bold=True)
    doc.set_metadata({"title": "PII: 0378-4371(88)90263-4"})
    paper = _parse(doc)
    assert paper.title == "TWO-DIMENSIONAL ISING MODEL WITH ANNEALED RANDOM FIELDS"


def test_a_title_row_in_pieces_in_the_body_type_is_whole():
    # The OCR gives a title row of the body's size in pieces a word space and a little apart
    # ("PARTIAL LEAST-SQUARES" | "REGRESSION:" | "A TUTORIAL"): the row is the title, not its first piece.
    doc = pymupdf.open()
    page = doc.new_page(width=461, height=677)
    _elsevier_1988(page, [["PARTIAL LEAST-SQUARES", "REGRESSION:", "A TUTORIAL"]], bold=False)
    paper = _parse(doc)
    assert paper.title == "PARTIAL LEAST-SQUARES REGRESSION: A TUTORIAL"


def test_a_title_row_ending_on_a_preposition_goes_on_under_it():
    # A 1988 proceedings scan: the title, names and affiliation all in one size of the OCR's type,
    # none bold; the title's first row ends on "to", which ends no title: the centred row under it,
    # a line's step down (read in two pieces), is the title's too.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((205, 84), "Viewstamped Replication: A New Primary Copy Method to", fontname="helv", fontsize=8.5)
    page.insert_text((228, 93), "Support Highly-Available", fontname="helv", fontsize=8.5)
    page.insert_text((331, 93), "Distributed Systems", fontname="helv", fontsize=8.5)
    page.insert_text((294, 116), "Brian M. Oki", fontname="helv", fontsize=8.5)
    page.insert_text((249, 141), "Massachusetts Institute of Technology", fontname="helv", fontsize=8.5)
    page.insert_text((60, 200), "Abstract", fontname="helv", fontsize=8.5)
    _prose(page, 60, 215, 12, size=8.5, pitch=10.5, width=240)
    page.insert_text((60, 360), "1 Introduction", fontname="helv", fontsize=8.5)
    _prose(page, 60, 375, 30, size=8.5, pitch=10.5, width=240)
    paper = _parse(doc)
    assert paper.title == "Viewstamped Replication: A New Primary Copy Method to Support Highly-Available Distributed Systems"


def _jot_page(doc):
    # A Word page of the Journal of Object Technology: the journal's name in 30 pt, "Vol. 4, No. 2,
    # March - April 2005" under it, the title in 24 pt, names, "Abstract" over its paragraph, the
    # introduction, and a citation at the foot; the rule under the masthead and the one over the foot
    # are stroked as one path.
    page = doc.new_page(width=612, height=792)
    page.insert_text((131, 65), "JOURNAL OF OBJECT TECHNOLOGY", fontname="helv", fontsize=30)
    page.insert_text((408, 121), "Vol. 4, No. 2, March - April 2005", fontname="helv", fontsize=8)
    page.insert_text((90, 190), "An Etymological and Metamodel-Based", fontname="helv", fontsize=24)
    page.insert_text((90, 217), "Evaluation of Two Terms", fontname="helv", fontsize=24)
    page.insert_text((135, 285), "Brian Henderson-Sellers and John Debenham", fontname="hebo", fontsize=11)
    page.insert_text((132, 335), "Abstract", fontname="hebo", fontsize=11)
    _prose(page, 132, 352, 8, size=10, pitch=11.5, width=390,
           first="Agent-oriented methodologies frequently make use of terms such as goal and task but")
    page.insert_text((90, 460), "1  INTRODUCTION", fontname="helv", fontsize=12)
    _prose(page, 90, 480, 18, size=12, pitch=14, width=430)
    page.insert_text((90, 745), "Cite this column as follows: the journal, vol. 4, no. 2", fontname="helv", fontsize=10)
    shape = page.new_shape()
    shape.draw_line((90, 103), (522, 103))
    shape.draw_line((90, 729), (522, 729))
    shape.finish(color=(0, 0, 0), width=0.75)
    shape.commit()
    return page


def test_a_masthead_over_the_title_and_two_rules_stroked_as_one_path():
    doc = pymupdf.open()
    _jot_page(doc)
    _prose(doc.new_page(width=612, height=792), 90, 80, 45, size=12, pitch=14, width=430)
    paper = _parse(doc)
    assert paper.title == "An Etymological and Metamodel-Based Evaluation of Two Terms"
    assert (paper.abstract or "").startswith("Agent-oriented methodologies frequently make use of terms")


def test_a_bold_title_of_the_text_size_under_a_masthead():
    # JIPAM: the journal's name in 14.5 pt, its address and "Volume 6, Issue 4, Article 124, 2005"
    # under it, then the title in bold of the text's 12 pt over the names and addresses in 10 pt.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((225, 70), "Journal of Inequalities in Pure and", fontname="tiro", fontsize=14.5)
    page.insert_text((262, 84), "Applied Mathematics", fontname="tiro", fontsize=14.5)
    page.insert_text((244, 131), "Volume 6, Issue 4, Article 124, 2005", fontname="tiro", fontsize=11)
    page.insert_text((165, 176), "LOWER BOUNDS FOR THE SPECTRAL NORM", fontname="tibo", fontsize=12)
    page.insert_text((189, 195), "JORMA K. MERIKOSKI AND RAVINDER KUMAR", fontname="tiro", fontsize=10)
    page.insert_text((163, 211), "DEPARTMENT OF MATHEMATICS, STATISTICS AND PHILOSOPHY", fontname="tiro", fontsize=10)
    page.insert_text((199, 223), "UNIVERSITY OF TAMPERE, FINLAND", fontname="tiro", fontsize=10)
    _prose(page, 120, 280, 4, size=10, pitch=12, width=370)
    page.insert_text((260, 360), "1. INTRODUCTION", fontname="tiro", fontsize=12)
    _prose(page, 90, 385, 25, size=12, pitch=14.5, width=430)
    paper = _parse(doc)
    assert paper.title == "LOWER BOUNDS FOR THE SPECTRAL NORM"


def test_a_framed_box_of_text_with_its_caption_stays_a_figure():
    # A worked example set in a frame with rounded corners round most of the page's text, its caption
    # under it: the frame's sides are drawn, so it is a figure, not two rules.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 100, 80, 44, size=9, pitch=13, width=400)
    page.draw_rect(pymupdf.Rect(90, 62, 522, 660), color=(0, 0, 0), width=0.8, radius=0.02)
    page.insert_text((90, 690), "Figure 12: Example of a worked solution checked with a tool.", fontname="tiro", fontsize=10)
    _prose(page, 90, 715, 4, size=10, pitch=12, width=420)
    paper = _parse(doc)
    assert [f.number for f in paper.figures] == ["12"]
    assert paper.figures[0].bbox[1] < 80
