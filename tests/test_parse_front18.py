"""Front matter read as printed: a Word report's title double-spaced over two lines, a journal's
name set as its logo far larger than the title. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_document


def _centred(page, y: float, text: str, font: str, size: float) -> None:
    width = pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.insert_text(((page.rect.width - width) / 2, y), text, fontname=font, fontsize=size)


def _parse(doc):
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again)


def test_a_title_double_spaced_in_its_own_face_goes_on_over_its_second_line():
    # A Microsoft Research report from Word: the 14 pt bold title's two lines stand 2.2 sizes apart
    # (baseline to baseline), the name under it in 12 pt roman 2 sizes under its last line; only
    # the first line was taken for the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _centred(page, 97, "Sequential Minimal Optimization:", "tibo", 14)
    _centred(page, 128.1, "A Fast Algorithm for Training Support Vector Machines", "tibo", 14)
    _centred(page, 156.5, "John C. Platt", "tiro", 12)
    _centred(page, 170.3, "Microsoft Research", "tiro", 12)
    _centred(page, 195.6, "Technical Report MSR-TR-98-14", "tiro", 12)
    page.insert_text((90, 252), "ABSTRACT", fontname="tibo", fontsize=12)
    _lines(page, 104, 500, 270, 10, size=11)
    page.insert_text((90, 466), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    _lines(page, 90, 520, 496, 20, size=11)
    paper = _parse(doc)
    assert paper.title == "Sequential Minimal Optimization: A Fast Algorithm for Training Support Vector Machines", \
        paper.title


def test_a_journals_logo_far_larger_than_the_title_is_no_title():
    # MDPI: the journal's name "sensors" in 25 pt bold italic at the head of page 1, "Review" in
    # 10 pt italic under it, then the 18 pt bold upright title in another family; the logo, the
    # largest type of the page, was taken for the title. (PyMuPDF's fonts declare taller boxes than
    # the paper's: the title stands lower here, as far under the logo's box.)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((116, 72.6), "sensors", fontname="tibi", fontsize=25)
    page.insert_text((76, 118.5), "Review", fontname="tiit", fontsize=10)
    page.insert_text((76, 141.7), "A Survey of Vision-Based Human Action", fontname="hebo", fontsize=18)
    page.insert_text((77, 162), "Evaluation Methods", fontname="hebo", fontsize=18)
    page.insert_text((77, 190.4), "Qing Lei, Ji-Xiang Du, Hong-Bo Zhang, Shuang Ye and Duan-Sheng Chen",
                     fontname="hebo", fontsize=10)
    page.insert_text((97, 208.5), "Department of Computer Science and Technology, Huaqiao University, China",
                     fontname="tiro", fontsize=9)
    page.insert_text((82, 294), "Abstract:", fontname="tibo", fontsize=10)
    _lines(page, 126, 519, 294, 1)
    _lines(page, 82, 519, 306, 10)
    page.insert_text((77, 533), "1. Introduction", fontname="tibo", fontsize=10)
    _lines(page, 77, 519, 552, 20)
    paper = _parse(doc)
    assert paper.title == "A Survey of Vision-Based Human Action Evaluation Methods", paper.title

