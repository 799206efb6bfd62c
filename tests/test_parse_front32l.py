"""Front matter read faithfully (session 32, left helper): a scan's OCR text layer that parts the
words of its title where the scan shows no gap."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from tests.pdf_pages import reparse as _parse


def _ocr_words(page, y: float, pieces: list[tuple[float, str, float]]) -> None:
    # An OCR layer: each piece it read written at its own place and size, a space after it
    for x, text, size in pieces:
        page.insert_text((x, y), text + " ", fontname="helv", fontsize=size)


def _scanned_title_page(pieces: list[list[tuple[float, str, float]]]):
    # Title rows of OCR pieces over the author, then text that prints "probabilistic" four times
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for row, y in zip(pieces, (124, 146)):
        _ocr_words(page, y, row)
    page.insert_text((252, 174), "PHILIPPE FLAJOLET", fontname="tiro", fontsize=15)
    page.insert_text((191, 198), "INRIA, Rocquencourt, France", fontname="tiit", fontsize=11)
    y = 240
    for _ in range(4):
        page.insert_text((72, y), "This paper introduces a class of probabilistic counting algorithms for data.",
                         fontname="tiro", fontsize=11)
        y, _ = _lines(page, 72, 540, y + 13, 6, size=11)
    return _parse(doc)


def test_an_ocr_layers_pieces_of_a_title_word_are_joined_as_the_paper_spells_it():
    # A 1985 journal scan (Acrobat Capture): "Pro ba bit istic Cou nting Algorithms", each piece a
    # span of its own whose first letter stands inside the space written after the piece before
    # it; one letter misread ("bit" for "bil"). The paper prints "probabilistic" in its text.
    paper = _scanned_title_page([
        [(162.7, "Pro", 19.3), (191.8, "ba", 19.8), (212.4, "bit", 19.5), (233.3, "istic", 18.4),
         (274.8, "Cou", 19.0), (310.8, "nting", 19.3), (361.0, "Algorithms", 19.6)],
        [(191.0, "for", 19.3), (223.0, "Data", 17.5), (270.5, "Base", 17.7), (317.3, "Applications", 18.7)]])
    assert paper.title == "Probabilistic Counting Algorithms for Data Base Applications", paper.title


def test_words_of_a_title_set_apart_are_not_joined():
    # The same pieces set apart: each starts after the space written after the one before it
    paper = _scanned_title_page([[(162.7, "Pro", 19.3), (202.0, "ba", 19.8), (232.0, "bit", 19.5), (262.0, "istic", 18.4)]])
    assert paper.title == "Pro ba bit istic", paper.title


def _apa_page(doc, number: int):
    # A page of an APA manuscript: the running head in capitals and the page's number atop it
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 36), "MEASURING LATENT VARIABLES WITH GOLD-STANDARD ITEMS", fontname="tiro", fontsize=12)
    page.insert_text((534, 36), str(number), fontname="tiro", fontsize=12)
    return page


def _double_spaced(page, y: float, count: int, start: int = 0) -> tuple[float, int]:
    k = start
    for _ in range(count):
        y, k = _lines(page, 72, 540, y, 1, size=12, start=k)
        y += 26.5 - 14.4
    return y, k


def test_an_apa_manuscripts_title_in_the_texts_size_under_its_running_head():
    # Typst's APA manuscript: every page's running head in capitals in the text's type; the title
    # centred in the text's size in a sans face of its own, not bold, wrapped onto a second line
    # centred under it a double-spaced step down; its "Abstract" centred atop page 3 in that face,
    # read in one run with the author note that ends on page 2 above it.
    doc = pymupdf.open()
    page = _apa_page(doc, 1)
    first = "Item Construction Rules Revisited: Learnings from Measurement of Latent Variables"
    width = pymupdf.get_text_length(first, fontname="helv", fontsize=12)
    page.insert_text((306 - width / 2, 132), first, fontname="helv", fontsize=12)
    second = "with Gold-Standard Items"
    width = pymupdf.get_text_length(second, fontname="helv", fontsize=12)
    page.insert_text((306 - width / 2, 158.5), second, fontname="helv", fontsize=12)
    page.insert_text((200, 211), "Kathryn Eichhorn and Markus Buehner", fontname="tiro", fontsize=12)
    page.insert_text((203, 237), "Department of Psychology, LMU Munich", fontname="tiro", fontsize=12)
    page.insert_text((274, 427), "Author Note", fontname="helv", fontsize=12)
    y, k = _double_spaced(page, 453, 12)
    page = _apa_page(doc, 2)
    _double_spaced(page, 80, 12, k)
    page = _apa_page(doc, 3)
    page.insert_text((283, 80), "Abstract", fontname="helv", fontsize=12)
    page.insert_text((72, 106), "This article investigates whether gold-standard items are helpful for questionnaires.",
                     fontname="tiro", fontsize=12)
    y, k = _double_spaced(page, 132.5, 12, 5)
    page.insert_text((108, y), "Keywords: factor analysis, content validity, item responses", fontname="tiit", fontsize=12)
    for n in (4, 5):
        _double_spaced(_apa_page(doc, n), 80, 26, 3 * n)
    paper = _parse(doc)
    assert paper.title == first + " " + second, paper.title
    assert (paper.abstract or "").startswith("This article investigates whether"), paper.abstract


def test_the_notes_at_the_foot_of_page_1_are_no_part_of_an_abstract_going_on_overleaf():
    # Elsevier's article in press: the abstract fills page 1 down to the corresponding author's note
    # in 8 pt under it and the journal's line, and goes on atop page 2 in its 9 pt over the keywords
    doc = pymupdf.open()
    page = doc.new_page(width=468, height=680)
    page.insert_text((57, 170), "In the eye of the beholder: a visualization-based approach", fontname="tiro", fontsize=16)
    page.insert_text((90, 200), "Roberto Silva Filho, Jennifer A. Rode", fontname="tiro", fontsize=12)
    page.insert_text((57, 300), "Abstract", fontname="tibo", fontsize=9)
    y, k = _lines(page, 57, 415, 320, 18, size=9)
    page.insert_text((57, y), "file sharing in face-to-face settings. We have been using this application as the",
                     fontname="tiro", fontsize=9)
    page.insert_text((65, 550), "*Corresponding author. Tel.: +1 949 824 7819; fax: +1 949 824 1715.", fontname="tiro", fontsize=8)
    page.insert_text((69, 561), "E-mail addresses: depaula@ics.uci.edu (R. de Paula), dingx@ics.uci.edu (X. Ding)",
                     fontname="tiit", fontsize=8)
    page.insert_text((57, 602), "1071-5819/$ - see front matter 2005 Published by Elsevier Ltd.", fontname="tiro", fontsize=8)
    page = doc.new_page(width=468, height=680)
    page.insert_text((57, 86), "basis of an initial evaluation of our technology in support of everyday security practices",
                     fontname="tiro", fontsize=9)
    page.insert_text((57, 97), "in collaborative workgroups.", fontname="tiro", fontsize=9)
    page.insert_text((57, 128), "Keywords: Privacy; Security; Usability", fontname="tiit", fontsize=8)
    page.insert_text((57, 170), "1. Introduction", fontname="tibo", fontsize=10)
    _lines(page, 57, 415, 190, 35, size=10)
    paper = _parse(doc)
    assert "using this application as the basis of an initial" in (paper.abstract or ""), paper.abstract
    assert "Corresponding" not in paper.abstract, paper.abstract


def test_a_figure_of_text_rows_beside_the_abstract_is_not_read_into_it():
    # ACL 2019: a figure set as rows of text (no drawing) atop the right column, level with the
    # abstract in the left one, over its caption, the right column's first lines flush with its edge
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 78), "Probing Neural Network Comprehension of Natural Language Arguments", fontname="tibo", fontsize=15)
    page.insert_text((215, 104), "Timothy Niven and Hung-Yu Kao", fontname="tiro", fontsize=12)
    page.insert_text((203, 129), "Intelligent Knowledge Management Lab", fontname="tiro", fontsize=12)
    page.insert_text((159, 216), "Abstract", fontname="tibo", fontsize=12)
    rows = (("Claim", "Google is not a harmful monopoly"), ("Reason", "People can choose not to use Google"),
            ("Warrant", "Other search engines do redirect"), ("Alternative", "All other engines redirect to Google"))
    for k, (label, text) in enumerate(rows):
        page.insert_text((313, 213 + 10 * k), label, fontname="tibo", fontsize=9)
        page.insert_text((370, 213 + 10 * k), text, fontname="tiro", fontsize=9)
    page.insert_text((345, 261), "Reason (and since) Warrant implies Claim", fontname="tiro", fontsize=9)
    page.insert_text((337, 271), "Reason (but since) Alternative implies not Claim", fontname="tiro", fontsize=9)
    page.insert_text((89, 241), "We are surprised to find that the peak score of", fontname="tiro", fontsize=10)
    y, k = _lines(page, 89, 273, 253, 14, size=10)
    page.insert_text((72, y + 24), "1 Introduction", fontname="tibo", fontsize=12)
    _lines(page, 72, 290, y + 48, 25, size=11, start=k)
    page.insert_text((307, 296), "Figure 1: An example of a data point from the test set and how it", fontname="tiro", fontsize=10)
    page.insert_text((307, 308), "should be read. The inference is by design.", fontname="tiro", fontsize=10)
    _lines(page, 307, 525, 340, 36, size=11, start=9)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("We are surprised to find that the peak score of the workers"), paper.abstract
    assert "Google" not in paper.abstract, paper.abstract


def test_an_abstract_level_with_the_introduction_ends_over_the_notes_at_its_columns_foot():
    # A 1993 proceedings scan: "Abstract" atop the left column level with "1 Introduction" atop the
    # right one; under the abstract's last sentence, the grant's note and the copyright notice in
    # 7.5 pt, and the conference's name in 8.5 pt, at the left column's foot
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((180, 80), "Universality of Serial Histograms", fontname="tiro", fontsize=15.5)
    page.insert_text((259, 107), "Yannis E. Ioannidis", fontname="tiro", fontsize=11)
    page.insert_text((236, 120), "Computer Sciences Department", fontname="tiro", fontsize=11)
    page.insert_text((81, 197), "Abstract", fontname="tiro", fontsize=13)
    page.insert_text((324, 197), "1 Introduction", fontname="tiro", fontsize=13)
    y, _ = _lines(page, 80, 306, 222, 20, size=9.5)
    page.insert_text((80, y), "reduction of the expected error is meaningless.", fontname="tiro", fontsize=9.5)
    for k, text in enumerate(("*Partially supported by the National Science Foundation under", "Grants IRI-9113736.",
                              "Permission to copy without fee all or part of this material is granted",
                              "provided that the copies are not made or distributed for advantage.")):
        page.insert_text((78, 500 + 10 * k), text, fontname="tiro", fontsize=7.5)
    page.insert_text((78, 648), "Proceedings of the 19th VLDB Conference", fontname="tiro", fontsize=8.5)
    _lines(page, 321, 547, 222, 40, size=9.5, start=4)
    page = doc.new_page(width=612, height=792)
    _lines(page, 80, 306, 80, 55, size=9.5, start=7)
    _lines(page, 321, 547, 80, 55, size=9.5, start=2)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("the workers read their input"), paper.abstract
    assert paper.abstract.endswith("is meaningless."), paper.abstract
