"""Headings of the twentieth split's misses, each on pages drawn here: appendices numbered "A1.",
bookmarks left from a supplement the file lacks, a supplement's own "Abstract", a list item that
opens with a bookmarked heading's words, a bookmarked heading wrapped in pieces, and sig-alternate's
italic paragraph headings that hyperref does not bookmark."""

from __future__ import annotations

import pymupdf

from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 440.0,
           **more) -> float:
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def _front(page, title: str = "A Study of Things in General") -> None:
    page.insert_text((90, 80), title, fontname="tibo", fontsize=16)
    page.insert_text((90, 100), "Alice Smith and Bob Jones", fontname="tiro", fontsize=11)
    page.insert_text((90, 130), "Abstract", fontname="tibo", fontsize=12)
    _prose(page, 90, 148, 5)


def _sections(paper) -> list[tuple]:
    return [(s.number, s.title) for s in paper.sections if s.title]


def _paper_and_references(stop: str = ".") -> tuple:
    """Page 1 (title, abstract, "1 Introduction", "2 Conclusion", numbered with `stop` after the
    number) and page 2 opening with the references; the document and page 2."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _front(page)
    page.insert_text((90, 230), f"1{stop} Introduction", fontname="tibo", fontsize=12)
    _prose(page, 90, 250, 20)
    page.insert_text((90, 520), f"2{stop} Conclusion", fontname="tibo", fontsize=12)
    _prose(page, 90, 540, 10)
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 80), "References", fontname="tibo", fontsize=12)
    for k in range(6):
        page.insert_text((90, 100 + 12 * k), f"Author {k}, A. A paper about things. In Proceedings, 20{10 + k}.",
                         fontname="tiro", fontsize=9)
    return doc, page


def test_appendices_numbered_by_letter_and_digit():
    # ICML's arXiv appendix: "A1. Backprop and Brownian Motion", "A3.1. Covariance structure" in
    # bold after the references: the number is "A1", "A3.1", the title after it.
    doc, page = _paper_and_references(".")
    page.insert_text((90, 200), "A1. Backprop and Brownian Motion", fontname="tibo", fontsize=12)
    _prose(page, 90, 220, 10)
    page.insert_text((90, 360), "A2. Details of the Analysis", fontname="tibo", fontsize=12)
    _prose(page, 90, 380, 6)
    page.insert_text((90, 470), "A2.1. Covariance structure of path-sums", fontname="tibo", fontsize=10)
    _prose(page, 90, 490, 10)
    paper = _parse(doc)
    found = _sections(paper)
    assert ("A1", "Backprop and Brownian Motion") in found
    assert ("A2", "Details of the Analysis") in found
    assert ("A2.1", "Covariance structure of path-sums") in found


def _outlined_paper(extra_toc: list | None = None, *, list_item: bool = False) -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _front(page)
    page.insert_text((90, 230), "1 Introduction", fontname="tibo", fontsize=12)
    y = _prose(page, 90, 250, 10)
    if list_item:
        page.insert_text((100, y + 6), "1. Benchmark Suite - a benchmark of 75 offline competitions for evaluating",
                         fontname="tiro", fontsize=10)
        page.insert_text((110, y + 18), "agents on engineering tasks drawn from many fields of study",
                         fontname="tiro", fontsize=10)
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 80), "2 Benchmark Suite", fontname="tibo", fontsize=12)
    _prose(page, 90, 100, 20)
    page.insert_text((90, 380), "3 Discussion", fontname="tibo", fontsize=12)
    _prose(page, 90, 400, 20)
    toc = [[1, "Introduction", 1], [1, "Benchmark Suite", 2], [1, "Discussion", 2]] + (extra_toc or [])
    doc.set_toc(toc)
    return doc


def test_bookmarks_of_a_supplement_the_file_lacks_are_no_sections():
    # NeurIPS's proceedings copy keeps its supplement's bookmarks ("Implementation Details", "Human
    # Evaluation"), every one pointing at page 1, after the last section's: nothing prints them.
    doc = _outlined_paper([[1, "Implementation Details", 1], [1, "Human Evaluation", 1], [1, "Retrieval Collapse", 1]])
    paper = _parse(doc)
    titles = [title for _, title in _sections(paper)]
    assert "Discussion" in titles
    assert not {"Implementation Details", "Human Evaluation", "Retrieval Collapse"} & set(titles)


def test_a_list_item_opening_with_a_bookmarked_title_is_not_its_heading():
    # ICLR: the contributions' list, "1. MLE-bench - a benchmark of 75 offline Kaggle competitions
    # ...", above the section "2 MLE-BENCH" bookmarked "MLE-bench": the section is the heading.
    doc = _outlined_paper(list_item=True)
    paper = _parse(doc)
    found = _sections(paper)
    assert ("2", "Benchmark Suite") in found
    assert ("1", "Benchmark Suite") not in found


def test_a_supplements_own_abstract_heading_is_no_section():
    # ACL's arXiv copy with its supplement: "Supplementary Material" over the supplement's own
    # "Abstract" and its paragraph, then "A Derivation ...": the abstract's label is no section.
    doc, _ = _paper_and_references("")
    page = doc.new_page(width=612, height=792)
    page.insert_text((230, 80), "Supplementary Material", fontname="tibo", fontsize=12)
    page.insert_text((270, 100), "Abstract", fontname="tibo", fontsize=12)
    _prose(page, 90, 120, 6)
    page.insert_text((90, 220), "A Derivation of Gradient Formulations", fontname="tibo", fontsize=12)
    _prose(page, 90, 240, 10)
    paper = _parse(doc)
    titles = [title for _, title in _sections(paper)]
    assert "Supplementary Material" in titles
    assert "Abstract" not in titles


def test_a_bookmarked_heading_wrapped_in_pieces_is_one_heading():
    # SIGCOMM (sig-alternate): "2. BACKGROUND AND RELATED" justified, each word a piece of its own,
    # over "WORK", bookmarked "Background and Related Work": one heading, numbered 2.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _front(page)
    page.insert_text((90, 230), "1. INTRODUCTION", fontname="tibo", fontsize=13)
    _prose(page, 90, 250, 15, width=230)
    x = 330
    page.insert_text((x, 250), "2.", fontname="tibo", fontsize=13)
    x += 22  # (the title's first word set off the number; the words spread 18 pt apart)
    first = x
    for word in ("BACKGROUND", "AND", "RELATED"):
        page.insert_text((x, 250), word, fontname="tibo", fontsize=13)
        x += pymupdf.get_text_length(word, fontname="tibo", fontsize=13) + 18
    page.insert_text((first, 264), "WORK", fontname="tibo", fontsize=13)  # (under the title's first word)
    _prose(page, 330, 282, 25, width=230)
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 80), "3. NETWORK EVOLUTION", fontname="tibo", fontsize=13)
    _prose(page, 90, 100, 20, width=230)
    doc.set_toc([[1, "Introduction", 1], [1, "Background and Related Work", 1], [1, "Network Evolution", 2]])
    paper = _parse(doc)
    found = _sections(paper)
    assert ("2", "Background and Related Work") in found
    assert all(title.upper() != "WORK" for _, title in found)


def test_italic_paragraph_headings_in_the_subsubsections_type_are_kept():
    # sig-alternate: subsubsections in 11 pt italics over 9 pt text ("3.1.1 Availability"), and
    # \paragraph heads in that type on lines of their own ending in a period ("Query Patterns."),
    # which hyperref does not bookmark: headings at the subsubsections' level.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _front(page)
    page.insert_text((90, 230), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    _prose(page, 90, 248, 8, size=9, pitch=10.5)
    page.insert_text((90, 350), "1.1 Design", fontname="tibo", fontsize=11)
    _prose(page, 90, 366, 6, size=9, pitch=10.5)
    page.insert_text((90, 440), "1.1.1 Availability and Scalability", fontname="tiit", fontsize=11)
    _prose(page, 90, 456, 6, size=9, pitch=10.5)
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 80), "2. PRODUCTION", fontname="tibo", fontsize=12)
    _prose(page, 90, 98, 5, size=9, pitch=10.5)
    page.insert_text((90, 170), "Query Patterns.", fontname="tiit", fontsize=11)
    _prose(page, 90, 186, 6, size=9, pitch=10.5)
    page.insert_text((90, 270), "Multitenancy.", fontname="tiit", fontsize=11)
    _prose(page, 90, 286, 6, size=9, pitch=10.5)
    page.insert_text((90, 370), "2.1 Monitoring", fontname="tibo", fontsize=11)
    _prose(page, 90, 386, 6, size=9, pitch=10.5)
    page.insert_text((90, 460), "2.1.1 Metrics Cluster", fontname="tiit", fontsize=11)
    _prose(page, 90, 476, 6, size=9, pitch=10.5)
    doc.set_toc([[1, "Introduction", 1], [2, "Design", 1], [3, "Availability and Scalability", 1],
                 [1, "Production", 2], [2, "Monitoring", 2], [3, "Metrics Cluster", 2]])
    paper = _parse(doc)
    levels = {s.title: s.level for s in paper.sections}
    assert levels.get("Query Patterns") == 3
    assert levels.get("Multitenancy") == 3


def test_an_italic_line_of_single_letters_is_no_heading():
    # A scan of a journal: "C in I." in larger italics on a line of its own between two paragraphs
    # (a display's words, read without its math): no heading, however it is set.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _front(page)
    page.insert_text((90, 230), "1. Introduction", fontname="tibo", fontsize=12)
    _prose(page, 90, 250, 12)
    page.insert_text((280, 410), "C in I.", fontname="tiit", fontsize=12)
    _prose(page, 90, 430, 12)
    page.insert_text((90, 600), "2. Results", fontname="tibo", fontsize=12)
    _prose(page, 90, 620, 8)
    paper = _parse(doc)
    titles = [title for _, title in _sections(paper)]
    assert "Results" in titles
    assert "C in I" not in titles
