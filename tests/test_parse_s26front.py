"""Titles, abstracts and sentences of the twenty-sixth split's misses, each shape drawn here with
PyMuPDF: review line numbers joined to the front matter's lines where the file's pitch does not put
them; a document title that misspells the printed one; a typesetter's record as the document title,
over a note's title set in the right column beside the end of the note before it; a sidebar of
notices beside the title, read before the abstract under it; and an OCR's invisible layer whose
word sizes and baselines are guesses."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import WORDS


def _rows(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 330.0,
          font: str = "tiro", first: str | None = None, start: int = 0, hidden: bool = False) -> float:
    """n lines of running text filling `width` (invisible, as an OCR's layer, when `hidden`)."""
    k = start
    for i in range(n):
        if i == 0 and first is not None:
            text = first
        else:
            words = []
            while pymupdf.get_text_length(" ".join(words + [WORDS[k % len(WORDS)]]), fontname=font,
                                          fontsize=size) < width:
                words.append(WORDS[k % len(WORDS)])
                k += 1
            text = " ".join(words)
        page.insert_text((x, y), text, fontname=font, fontsize=size, render_mode=3 if hidden else 0)
        y += pitch
    return y


def _number(page, n: int, y: float) -> None:
    """A review line number right-aligned at x 62 in 9 pt."""
    text = str(n)
    page.insert_text((62 - pymupdf.get_text_length(text, "tiro", 9), y), text, fontname="tiro", fontsize=9)


def _siamart(metadata_title: str | None = None, printed: str = "Provable Low Rank Plus Sparse Matrix Separation",
             text_first: str | None = None) -> pymupdf.Document:
    # siamart's review copy: the title in 12 pt bold (barely over the 11 pt text), its front matter
    # numbered at heights of its own ("3" on an empty row, "4" level with "Abstract."), then the
    # text's lines at one pitch. PyMuPDF reads "4" and "Abstract." as one line when they are
    # written as one run of text.
    doc = pymupdf.open()
    for index in range(2):
        page = doc.new_page(width=612, height=792)
        if index == 0:
            page.insert_text((77, 120), printed, fontname="tibo", fontsize=12)
            _number(page, 1, 120)
            page.insert_text((212, 143), "April Sagan and John Mitchell", fontname="tiro", fontsize=11)
            _number(page, 2, 143)
            _number(page, 3, 157)
            # (the number, then the label in bold and the abstract's words: one line of the text layer)
            page.insert_text((57.4, 180), "4", fontname="tiro", fontsize=9)
            page.insert_text((72, 180), "Abstract.", fontname="tibo", fontsize=9)
            page.insert_text((114, 180), "This paper considers a large class of problems where we seek to",
                             fontname="tiro", fontsize=9)
            for k in range(1, 6):
                _number(page, 4 + k, 180 + 11 * k)
            _rows(page, 114, 191, 5, size=9, pitch=11, width=400)
            page.insert_text((90, 260), "1. Introduction.", fontname="tibo", fontsize=11)
            y, n = 260.0, 10
            while y < 700:
                _number(page, n, y)
                n += 1
                y += 13.5
            _rows(page, 72, 273.5, 31, size=11, pitch=13.5, width=440, first=text_first)
        else:
            y, n = 80.0, 50
            while y < 700:
                _number(page, n, y)
                n += 1
                y += 13.5
            _rows(page, 72, 80, 46, size=11, pitch=13.5, width=440)
    if metadata_title is not None:
        doc.set_metadata({"title": metadata_title})
    return doc


def test_a_review_number_joined_to_the_abstract_label_off_the_files_pitch_is_taken_out():
    # siam21: the file of numbers on page 1 steps 13.5 pt down the text but the front matter's
    # numbers stand where its lines are; "4" joined to "Abstract." stood a line off the file's
    # pitch and stayed in the text: the abstract read "4 Abstract. This paper ...".
    paper = _parse(_siamart())
    assert (paper.abstract or "").startswith("This paper considers a large class of problems")


def test_a_document_title_a_letter_off_the_printed_title_gives_way_to_the_printed_one():
    # siam21: the PDF's Title property says "Seperation", page 1 prints "Separation" in 12 pt bold
    # over 11 pt text (too small to be found as the largest type): the title is the printed one.
    doc = _siamart("Provable Low Rank Plus Sparse Matrix Seperation")
    assert _parse(doc).title == "Provable Low Rank Plus Sparse Matrix Separation"


def test_a_typesetters_record_as_document_title_gives_way_to_a_title_in_the_right_column():
    # IEEE Transactions technical note (tac07): page 1 opens with the end of the note before it in
    # the left column (its text, "VI. CONCLUSION", its references); this note's title in 10 pt bold
    # on two centred rows at the top of the right column over 9 pt text; the PDF's Title is
    # PubTeX's record of its run, "PubTeX output 2007.03.06:1539". The left column's rows beside
    # the title's first row no longer end it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((38, 44), "IEEE TRANSACTIONS ON AUTOMATIC CONTROL, VOL. 52, NO. 3, MARCH 2007",
                     fontname="tiro", fontsize=7)
    _rows(page, 38, 77, 20, size=9, pitch=11, width=250)
    page.insert_text((131, 311), "VI. CONCLUSION", fontname="tiro", fontsize=9)
    _rows(page, 38, 330, 8, size=9, pitch=11, width=250, start=40)
    page.insert_text((138, 438), "REFERENCES", fontname="tiro", fontsize=10)
    for k in range(10):
        page.insert_text((52, 455 + 18 * k), f"[{k + 1}] A. Author, \u201cA paper on control,\u201d IEEE Trans.",
                         fontname="tiro", fontsize=8)
        page.insert_text((66, 464 + 18 * k), f"Autom. Control, vol. {k + 30}, pp. 1\u201310, 1990.", fontname="tiro", fontsize=8)
    first, second = "Robust Adaptive Output Control of Uncertain Nonlinear", "Plants With Unknown Backlash Nonlinearity"
    for text, y in ((first, 77), (second, 89)):
        w = pymupdf.get_text_length(text, "tibo", 10)
        page.insert_text((426.7 - w / 2, y), text, fontname="tibo", fontsize=10)
    page.insert_text((337, 107), "Jing Zhou, Chengjin Zhang, and Changyun Wen", fontname="tiro", fontsize=9)
    page.insert_text((309, 152), "Abstract\u2014In this note, we consider a class of uncertain dynamic non-",
                     fontname="tibo", fontsize=8)
    _rows(page, 301, 161, 5, size=8, pitch=9, width=250, font="tibo")
    page.insert_text((394, 266), "I. INTRODUCTION", fontname="tiro", fontsize=9)
    _rows(page, 301, 285, 40, size=9, pitch=11, width=250, start=80)
    doc.set_metadata({"title": "PubTeX output 2007.03.06:1539"})
    assert _parse(doc).title == f"{first} {second}"


def test_a_sidebar_of_notices_beside_the_title_is_no_abstract():
    # Frontiers: down the left of page 1 in 7 pt, "OPEN ACCESS", "EDITED BY", "CITATION" and the
    # licence's paragraph (over forty words); the title in 21 pt, the names and the abstract
    # without a label in 9 pt in the wide column right of it, then "KEYWORDS" and "1 Introduction".
    # The sidebar, read first, was taken for the abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((221, 140), "Minimization of prediction errors", fontname="helv", fontsize=21)
    page.insert_text((221, 165), "during cerebral embryogenesis", fontname="helv", fontsize=21)
    page.insert_text((50, 166), "OPEN ACCESS", fontname="hebo", fontsize=7)
    page.insert_text((50, 181), "EDITED BY", fontname="hebo", fontsize=5.5)
    page.insert_text((50, 189), "Yan Mark Yufik,", fontname="helv", fontsize=7)
    page.insert_text((221, 224), "James Joseph Wright and Paul David Bourke", fontname="helv", fontsize=11)
    page.insert_text((221, 240), "Centre for Brain Research, University of Auckland, New Zealand", fontname="helv",
                     fontsize=7)
    page.insert_text((50, 327), "CITATION", fontname="hebo", fontsize=5.5)
    page.insert_text((50, 385), "COPYRIGHT", fontname="hebo", fontsize=5.5)
    licence = ["\u00a9 2025 Wright and Bourke. This is an", "open-access article distributed under the",
               "terms of the Creative Commons Attribution", "License (CC BY). The use, distribution or",
               "reproduction in other forums is permitted,", "provided the original author(s) and the",
               "copyright owner(s) are credited and that the", "original publication in this journal is cited, in",
               "accordance with accepted academic practice.", "No use, distribution or reproduction is",
               "permitted which does not comply with these", "terms."]
    for k, text in enumerate(licence):
        page.insert_text((50, 393 + 9 * k), text, fontname="helv", fontsize=7)
    _rows(page, 221, 273, 12, size=9, pitch=12, width=320, font="helv",
          first="A theory of self-organization in the central nervous system is described, and")
    page.insert_text((221, 490), "KEYWORDS", fontname="hebo", fontsize=5.5)
    page.insert_text((221, 503), "agency, free energy principle, prediction error", fontname="hebo", fontsize=8)
    page.insert_text((221, 547), "1 Introduction", fontname="helv", fontsize=13.5)
    _rows(page, 221, 572, 15, size=9, pitch=12, width=320, font="helv", start=60)
    page.insert_text((50, 806), "Frontiers in Systems Neuroscience", fontname="helv", fontsize=7)
    abstract = _parse(doc).abstract or ""
    assert abstract.startswith("A theory of self-organization in the central nervous system")


def test_an_ocr_layers_rows_are_read_whole_whatever_sizes_it_guessed():
    # Science 1968, scanned under an OCR's invisible words: each word's size guessed from its
    # letters' height (8.5 to 10 pt for one 9 pt paragraph) and its baseline a point off along the
    # row; one row came as three pieces, "years ago" at 9 pt, "a plainsman could" at 10 pt a point
    # higher, "kill an" at 7.5 pt, and each line a point larger than the text read as a heading's:
    # the paragraph was cut at every such row, and the sentence across them lost.
    doc = pymupdf.open()
    for index in range(2):
        page = doc.new_page(width=568, height=777)
        pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 568, 777), False)
        pix.set_rect(pix.irect, (245,))
        page.insert_image(page.rect, pixmap=pix)
        if index == 0:
            page.insert_text((60, 80), "The Tragedy of the Commons", fontname="tiro", fontsize=19, render_mode=3)
            page.insert_text((60, 100), "Garrett Hardin", fontname="tiro", fontsize=11, render_mode=3)
        top = 130 if index == 0 else 60
        y = _rows(page, 40, top, 12, size=9, pitch=11, width=240, hidden=True)
        page.insert_text((40, y), "lis is unbearable. A hundred and fifty", fontname="tiro", fontsize=9, render_mode=3)
        y += 11
        page.insert_text((40, y), "years ago", fontname="tiro", fontsize=9, render_mode=3)
        page.insert_text((88, y - 0.8), "a plainsman could", fontname="tiro", fontsize=10, render_mode=3)
        page.insert_text((175, y + 0.6), "kill an", fontname="tiro", fontsize=7.5, render_mode=3)
        y += 11
        page.insert_text((40, y), "American bison, cut out only the tongue", fontname="tiro", fontsize=10, render_mode=3)
        y += 11
        page.insert_text((40, y), "for his dinner, and discard the rest of", fontname="tiro", fontsize=9, render_mode=3)
        y += 11
        page.insert_text((40, y), "the animal. He was not in any impor-", fontname="tiro", fontsize=9.5, render_mode=3)
        y += 11
        y = _rows(page, 40, y, 20, size=9, pitch=11, width=240, hidden=True, start=30)
        _rows(page, 300, top, 50, size=9, pitch=11, width=240, hidden=True, start=90)
    paper = _parse(doc)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "A hundred and fifty years ago a plainsman could kill an American bison, cut out only the tongue " \
           "for his dinner, and discard the rest of the animal." in text


def test_a_printed_title_misread_by_ocr_leaves_the_document_title_as_it_is():
    # sigfidet74, scanned: the OCR reads the printed title "STRUCIURED" where the PDF's Title says
    # "Structured", a word the paper's text uses: the misreading is the print's, not the title's.
    first = "the structured queries and separate structured rows of a structured model are read in"
    doc = _siamart("Provable Low Rank Plus Structured Matrix Separation",
                   printed="Provable Low Rank Plus StrucIured Matrix Separation", text_first=first)
    assert _parse(doc).title == "Provable Low Rank Plus Structured Matrix Separation"
