"""Titles of the twenty-seventh split's misses, each page drawn here with PyMuPDF: a title in bold of
the text's size set double-spaced across the measure, its first line ending on a connective (REVTeX's
preprint); a title in bold of the text's size that names researchers (an APA manuscript from Word);
a magazine's section label in the title's size but another type over the title (Significance)."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _prose

_WORDS = ("Reconstruction of coupled transverse and longitudinal motion measured in the sensory tissue "
          "of the inner ear").split()


def _full_measure_line(fontname: str, size: float, width: float) -> str:
    """The first words of _WORDS that fill `width` and end on "via"."""
    words: list[str] = []
    for word in _WORDS * 3:
        if pymupdf.get_text_length(" ".join(words + [word, "via"]), fontname=fontname, fontsize=size) > width:
            break
        words.append(word)
    return " ".join(words + ["via"])


def test_a_double_spaced_title_line_ending_on_a_connective_goes_on_under_it():
    # REVTeX's preprint: "Reconstruction of ... in the organ of Corti complex via" across the measure
    # in 12 pt bold over "optical coherence tomography", 30 pt (2.5 sizes) down, the text double-spaced
    # in 12 pt: the title was cut after "via".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    first = _full_measure_line("hebo", 12, 462)
    width = pymupdf.get_text_length(first, fontname="hebo", fontsize=12)
    x = (612 - width) / 2
    page.insert_text((x, 84), first, fontname="hebo", fontsize=12)
    page.insert_text((x, 114), "optical coherence tomography", fontname="hebo", fontsize=12)
    page.insert_text((108, 145), "Brian Frost and Clark Strimbu", fontname="helv", fontsize=12)
    page.insert_text((108, 175), "Department of Engineering, Columbia University", fontname="tiro", fontsize=12)
    _prose(page, 72, 240, 17, size=12, pitch=29.9, width=466)
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 84, 24, size=12, pitch=29.9, width=466)
    paper = _parse(doc)
    assert paper.title == first + " optical coherence tomography"


def test_a_bold_title_naming_researchers_is_the_title():
    # An APA manuscript from Word: the title in 12 pt bold, "... Blind to the Researcher's Hypothesis",
    # over "Forthcoming, Journal of ..." and the author in 12 pt roman: AFFILIATION's "research" took
    # the title for an affiliation and the journal's line was read as the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    title = "Outlier Exclusion Procedures Must be Blind to the Researcher's Hypothesis"
    page.insert_text((112, 82), title, fontname="tibo", fontsize=12)
    page.insert_text((162, 220), "Forthcoming, Journal of Experimental Psychology: General", fontname="tiro", fontsize=12)
    page.insert_text((270, 330), "Quentin Andre", fontname="tiro", fontsize=12)
    _prose(page, 71, 496, 7, size=12, pitch=27.6, width=460)
    for _ in range(2):
        page = doc.new_page(width=612, height=792)
        _prose(page, 71, 82, 25, size=12, pitch=27.6, width=460)
    paper = _parse(doc)
    assert paper.title == title


def test_a_section_label_in_the_titles_size_but_another_type_is_no_title():
    # Significance: "IN PRACTICE" in 31.6 pt light sans on the page's head, the title's two lines in
    # 31.9 pt bold serif 60 pt under it, a standfirst in 11 pt and the text in 8.5 pt columns: the
    # label, within 0.6 pt of the title's size, was read as the title.
    doc = pymupdf.open()
    page = doc.new_page(width=594, height=738)
    page.insert_text((27, 58), "IN PRACTICE", fontname="helv", fontsize=31.5)
    page.insert_text((27, 158), "Why good science", fontname="tibo", fontsize=31.9)
    page.insert_text((27, 192), "is good business", fontname="tibo", fontsize=31.9)
    page.insert_text((27, 222), "Ideas developed by a philosopher, when applied by statisticians,", fontname="helv", fontsize=11)
    page.insert_text((27, 234), "can help companies improve decision-making, says Simon Raper", fontname="helv", fontsize=11)
    for x in (27, 208, 389):
        _prose(page, x, 400, 28, size=8.5, pitch=11, width=160)
    page = doc.new_page(width=594, height=738)
    for x in (27, 208, 389):
        _prose(page, x, 60, 58, size=8.5, pitch=11, width=160)
    paper = _parse(doc)
    assert paper.title == "Why good science is good business"


def test_an_abstract_heading_with_its_word_count_heads_the_abstract():
    # A Word manuscript: "Abstract 230 words" in 14 pt over the abstract's paragraphs in 11 pt, on
    # page 2 after a title page: read as a section of its own, and no abstract found.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "The effect of prior antibodies on infection outcomes in households", fontname="hebo", fontsize=16)
    page.insert_text((72, 140), "Ilse Westerhof, Reina Sikkema, Ganna Rozhnova", fontname="tiro", fontsize=11)
    _prose(page, 72, 200, 10, size=11, pitch=25, width=440)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 98), "Abstract 230 words", fontname="helv", fontsize=14)
    y = _prose(page, 72, 130, 8, size=11, pitch=25, width=440,
               first="Background We investigated the effect of prior antibodies on the infection outcomes")
    page.insert_text((72, y + 30), "Introduction", fontname="helv", fontsize=14)
    _prose(page, 72, y + 60, 10, size=11, pitch=25, width=440)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("Background We investigated")
    assert all("Abstract" not in s.title for s in paper.sections)


def _math_pieces(page, y: float) -> float:
    """A display of stacked pieces in the text's size (fractions' rows, limits), as TeX sets them."""
    for dx, dy, text in ((0, 0, "f1 ="), (70, -7, "2abc"), (30, 5, "[(a2 + t)(b2 + t)]"), (150, -9, "J1x1"),
                         (160, -2, "a2 + t + J2x2"), (230, 3, "c2 + t"), (485, 0, "(41)")):
        page.insert_text((46 + dx, y + dy), text, fontname="tiro", fontsize=10)
    return y + 40


def test_prose_between_stacked_displays_keeps_its_paragraphs():
    # A Copernicus discussion paper of equations: prose at a 16.7 pt step on 10 pt type between
    # displays whose pieces, in the text's size, stand a few points apart: the pieces' steps set the
    # page's pitch at 7.7 pt, and each line of prose was read as a paragraph of its own.
    doc = pymupdf.open()
    for _ in range(3):
        page = doc.new_page(width=595, height=680)
        y = 40
        for _ in range(2):
            y = _math_pieces(page, y + 20)
            y = _prose(page, 46, y, 3, size=10, pitch=16.7, width=500) + 10
            y = _math_pieces(page, y + 20)
            y = _math_pieces(page, y + 10)
    page = doc[1]
    opening = "The implementation of the forward problem of a triaxial body is done in a new"
    page.insert_text((46, 580), opening, fontname="tiro", fontsize=10)
    page.insert_text((46, 596.7), "coordinate system whose origin is the centre of the body.", fontname="tiro", fontsize=10)
    paper = _parse(doc)
    texts = [p.text for s in paper.sections for p in s.paragraphs]
    assert any(opening + " coordinate system" in t for t in texts)
