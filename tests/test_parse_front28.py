"""Front matter of the eighteenth split's misses, each on a page drawn here: publishers' and
repositories' cover sheets before the paper (Taylor & Francis's download sheet, Elsevier's journal
pre-proof, two EPrints sheets one after the other)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_document
from tests.test_parse_sent19 import _prose as prose_lines


def _parse(doc):
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again)


def _prose(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 240.0,
           **more) -> float:
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def _paper_page(doc, title: str, abstract: str, *, labelled: bool = False) -> None:
    """A paper's own first page: title in 18 pt, names, an abstract without a label (or under
    "Abstract"), then "1. Introduction" over the text."""
    page = doc.new_page(width=595, height=842)
    page.insert_text((60, 90), title, fontname="tibo", fontsize=18)
    page.insert_text((60, 120), "Alice Smith, Bob Jones", fontname="tiro", fontsize=11)
    y = 170
    if labelled:
        page.insert_text((60, 160), "Abstract", fontname="tibo", fontsize=10)
        y = 180
    _prose(page, 80, y, 7, size=9, pitch=11, width=430, first=abstract)
    page.insert_text((60, 270), "1. Introduction", fontname="tibo", fontsize=10)
    _prose(page, 60, 290, 38, width=470)


ABSTRACT = "Optimization for complex systems in engineering often involves costly simulation runs"


def test_a_download_sheet_that_cites_the_article_is_a_cover():
    # Taylor & Francis's download sheet: the journal's name, the title in 14 pt, the names, "To cite
    # this article:", "To link to this article:", "Full Terms & Conditions of access and use can be
    # found at ..." at the foot; the paper's page after it sets its abstract without a label.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((120, 60), "Technometrics", fontname="helv", fontsize=12)
    page.insert_text((95, 180), "Bayesian Guided Pattern Search for Robust Local Optimization", fontname="hebo", fontsize=14)
    page.insert_text((95, 240), "Matthew A. Taddy, Herbert K. H. Lee & Genetha A. Gray", fontname="hebo", fontsize=10)
    page.insert_text((95, 280), "To cite this article: Matthew A. Taddy, Herbert K. H. Lee & Genetha A. Gray (2009)",
                     fontname="helv", fontsize=8)
    page.insert_text((95, 292), "Bayesian Guided Pattern Search for Robust Local Optimization, Technometrics, 51:4",
                     fontname="helv", fontsize=8)
    page.insert_text((95, 320), "To link to this article: https://doi.org/10.1198/TECH.2009.08007", fontname="helv", fontsize=8)
    page.insert_text((130, 380), "Published online: 01 Jan 2012.", fontname="helv", fontsize=8)
    page.insert_text((155, 775), "Full Terms & Conditions of access and use can be found at", fontname="helv", fontsize=8)
    _paper_page(doc, "Bayesian Guided Pattern Search for Robust Local Optimization", ABSTRACT)
    paper = _parse(doc)
    assert paper.title == "Bayesian Guided Pattern Search for Robust Local Optimization"
    assert (paper.abstract or "").startswith(ABSTRACT)


def test_a_journal_pre_proof_sheet_is_a_cover():
    # Elsevier's journal pre-proof: "Journal Pre-proof" in bold over the title in small type, the
    # record's fields, and the notice "This is a PDF file of an article that has undergone
    # enhancements after acceptance, such as the addition of a cover page ..."; the paper's page
    # follows with its title in large type.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((90, 110), "Journal Pre-proof", fontname="tibo", fontsize=14)
    page.insert_text((90, 140), "An overview of machine unlearning", fontname="tiro", fontsize=10)
    page.insert_text((90, 170), "Chunxiao Li, Haipeng Jiang, Yu Guo", fontname="tiro", fontsize=10)
    page.insert_text((90, 220), "PII: S2667-2952(24)00057-6", fontname="tiro", fontsize=9)
    page.insert_text((90, 400), "This is a PDF file of an article that has undergone enhancements after acceptance, such as the",
                     fontname="tiro", fontsize=9)
    page.insert_text((90, 412), "addition of a cover page and metadata, and formatting for readability, but it is not yet the",
                     fontname="tiro", fontsize=9)
    page.insert_text((90, 424), "definitive version of record. This version will undergo additional copyediting and review.",
                     fontname="tiro", fontsize=9)
    _paper_page(doc, "An Overview of Machine Unlearning", "Nowadays, machine learning is widely used in "
                "various applications and settings", labelled=True)
    paper = _parse(doc)
    assert paper.title == "An Overview of Machine Unlearning"
    assert (paper.abstract or "").startswith("Nowadays, machine learning is widely used")


def test_two_repository_sheets_before_the_paper_are_both_covers():
    # Strathprints (EPrints): a sheet with the repository's name in 16 pt and its notice ("Copyright
    # (c) and Moral Rights for the papers on this site are retained by the individual authors ..."),
    # then the author's version's own sheet saying the same; the paper starts on page 3, its title
    # in 14 pt bold over 11 pt text, no abstract, "Introduction" over its first paragraph.
    doc = pymupdf.open()
    for head in ("Strathprints Institutional Repository", "Chowdhury, G. (2003) Natural language processing."):
        page = doc.new_page(width=595, height=842)
        page.insert_text((110, 180), head, fontname="helv", fontsize=16 if head.startswith("Strath") else 11)
        page.insert_text((80, 240), "Strathprints is designed to allow users to access the research output of the",
                         fontname="helv", fontsize=9)
        page.insert_text((80, 252), "University of Strathclyde. Copyright (c) and Moral Rights for the papers on",
                         fontname="helv", fontsize=9)
        page.insert_text((80, 264), "this site are retained by the individual authors and/or other copyright owners.",
                         fontname="helv", fontsize=9)
    page = doc.new_page(width=595, height=842)
    page.insert_text((165, 80), "Natural Language Processing", fontname="tibo", fontsize=14)
    page.insert_text((165, 105), "Gobinda G. Chowdhury", fontname="tiro", fontsize=10)
    page.insert_text((165, 117), "Dept. of Computer and Information Sciences", fontname="tiro", fontsize=10)
    page.insert_text((75, 160), "Introduction", fontname="tibo", fontsize=12)
    _prose(page, 75, 190, 40, size=11, pitch=16, width=440)
    paper = _parse(doc)
    assert paper.title == "Natural Language Processing"
    assert not (paper.abstract or "").startswith("Strathprints is designed")
