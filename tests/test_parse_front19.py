"""Titles and abstracts read as the page prints them: a label set in the margin beside the abstract,
a template's notice above the title, a title centred double-spaced off the page's middle, a column's
label over the title, and Elsevier's band of article info beside the abstract over two columns.
Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_document

ABSTRACT = ("A new generation of open and disaggregated networks enables many vendors to take part in the "
            "market while the attack surface grows with every interface that the new design opens to the "
            "world and the operators must learn how to defend each of these interfaces in turn with care "
            "so that the whole system stays safe for the many users who rely on it every day").split()


def _parse(doc):
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again)


def _set(page, x0: float, x1: float, y: float, words: list[str], size: float = 10, pitch: float = 12,
         font: str = "tiro") -> float:
    """The words set flush left from x0, lines no wider than x1 - x0, from baseline y; the next baseline."""
    line = ""
    for word in words:
        if line and pymupdf.get_text_length(f"{line} {word}", fontname=font, fontsize=size) > x1 - x0:
            page.insert_text((x0, y), line, fontname=font, fontsize=size)
            y, line = y + pitch, word
        else:
            line = f"{line} {word}".strip()
    page.insert_text((x0, y), line, fontname=font, fontsize=size)
    return y + pitch


def _centred_on(page, axis: float, y: float, text: str, font: str, size: float) -> None:
    width = pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.insert_text((axis - width / 2, y), text, fontname=font, fontsize=size)



def test_a_title_centred_off_the_middle_and_double_spaced_goes_on_to_its_last_line():
    # A Springer Nature preprint: the 17 pt roman title in four lines 2.15 sizes apart, each centred
    # on one axis 20 pt left of the page's middle (the margins are not even); only its first line
    # was taken for the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    title = ["Computer Assisted Verbal Autopsy: Comparing", "Large Language Models to Physicians for",
             "Assigning Causes to 6939 Deaths in Sierra Leone", "from 2019-2022"]
    for k, text in enumerate(title):
        _centred_on(page, 286, 157 + 37 * k, text, "tiro", 17.2)
    _centred_on(page, 286, 304, "Richard Wen, Andy Lee, Patrick Brown", "tiro", 12)
    _centred_on(page, 286, 320, "Centre for Global Health Research, Toronto, Canada.", "tiro", 10.9)
    _centred_on(page, 286, 360, "Abstract", "tibo", 9)
    _set(page, 124, 447, 376, ABSTRACT, size=9, pitch=11)
    page.insert_text((124, 470), "1 Background", fontname="tibo", fontsize=12)
    _lines(page, 124, 447, 490, 20, size=10.9)
    paper = _parse(doc)
    assert paper.title == " ".join(title), paper.title


def test_a_columns_label_a_size_over_the_title_is_no_title():
    # MIT Press's Computational Linguistics: "Last Words" in 17 pt bold over the 16 pt bold title of
    # two lines, further above it than the title's lines stand apart; the label, the largest type
    # of the page, was taken for the title.
    doc = pymupdf.open()
    page = doc.new_page(width=486, height=720)
    page.insert_text((54, 64), "Last Words", fontname="tibo", fontsize=16.9)
    page.insert_text((54, 98), "Computational Linguistics and", fontname="tibo", fontsize=15.9)
    page.insert_text((54, 118), "Deep Learning", fontname="tibo", fontsize=15.9)
    page.insert_text((54, 160), "Christopher D. Manning", fontname="tiro", fontsize=12)
    page.insert_text((54, 174), "Stanford University", fontname="tiro", fontsize=10)
    page.insert_text((54, 215), "1. The Deep Learning Tsunami", fontname="tibo", fontsize=10)
    _lines(page, 54, 436, 239, 30)
    paper = _parse(doc)
    assert paper.title == "Computational Linguistics and Deep Learning", paper.title
