"""Front matter of the twentieth split's misses, each on a page drawn here: a title whose row the text
layer reads in pieces, a revision line and a subtitle under the title, a metadata title that is a
draft's glued words, and an abstract after a report's covers."""

from __future__ import annotations

import pymupdf

from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 240.0,
           **more) -> float:
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def _body(page, y: float = 300) -> None:
    page.insert_text((60, y), "1. Introduction", fontname="tibo", fontsize=12)
    _prose(page, 60, y + 20, 30, width=470)


def test_a_title_row_read_in_pieces_is_the_title_whole():
    # A justified title (ICLR's small capitals, a scan's words): the text layer gives its first row in
    # pieces far apart on one baseline; every piece is the title's, not the first alone.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    x = 108
    for word in ("EmerDiff:", "Emerging", "Pixel-level Semantic"):
        page.insert_text((x, 95), word, fontname="tibo", fontsize=17)
        x += pymupdf.get_text_length(word, fontname="tibo", fontsize=17) + 26
    page.insert_text((108, 115), "Knowledge in Diffusion Models", fontname="tibo", fontsize=17)
    page.insert_text((114, 145), "Koichi Namekata, Sanja Fidler", fontname="tiro", fontsize=10)
    page.insert_text((270, 190), "Abstract", fontname="tibo", fontsize=12)
    _prose(page, 140, 210, 8, width=330)
    _body(page)
    paper = _parse(doc)
    assert paper.title == "EmerDiff: Emerging Pixel-level Semantic Knowledge in Diffusion Models"


def test_a_revision_and_date_under_the_title_is_no_subtitle():
    # A Word report: "Star Schema Benchmark" in 20 pt bold, "Revision 3, June 5, 2009" under it in
    # 15 pt bold: the document's revision, not part of its title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((199, 95), "Star Schema Benchmark", fontname="tibo", fontsize=20)
    page.insert_text((229, 115), "Revision 3, June 5, 2009", fontname="tibo", fontsize=15)
    page.insert_text((220, 130), "Pat O'Neil, Betty O'Neil", fontname="tibo", fontsize=10)
    _body(page, 200)
    paper = _parse(doc)
    assert paper.title == "Star Schema Benchmark"


def test_a_glued_metadata_title_not_printed_gives_way_to_the_printed_one():
    # A Word manuscript's cover: the title in 12 pt bold at the text's size, the names under it; the
    # metadata's title is a draft's "ConfusionOver", words run together that page 1 never prints.
    doc = pymupdf.open()
    doc.set_metadata({"title": "ConfusionOver"})
    page = doc.new_page(width=612, height=792)
    page.insert_text((213, 175), "P Values are not Error Probabilities", fontname="tibo", fontsize=12)
    page.insert_text((260, 245), "Raymond Hubbard", fontname="tiro", fontsize=12)
    page.insert_text((193, 259), "College of Business and Public Administration", fontname="tiro", fontsize=12)
    page.insert_text((264, 550), "November 2003", fontname="tiro", fontsize=12)
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 80, 40, size=12, pitch=14, width=460)
    paper = _parse(doc)
    assert paper.title == "P Values are not Error Probabilities"


def test_a_subtitle_a_line_apart_in_roman_is_part_of_the_title():
    # sig-alternate's \subtitle: "Druid" in 18 pt bold, "A Real-time Analytical Data Store" a line
    # apart under it in 14 pt roman, centred, over the names in 12 pt.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((281, 86), "Druid", fontname="hebo", fontsize=18)
    page.insert_text((201, 119), "A Real-time Analytical Data Store", fontname="helv", fontsize=14)
    page.insert_text((125, 146), "Fangjin Yang", fontname="helv", fontsize=12)
    page.insert_text((268, 146), "Eric Tschetter", fontname="helv", fontsize=12)
    page.insert_text((104, 157), "Metamarkets Group, Inc.", fontname="helv", fontsize=10)
    page.insert_text((54, 230), "ABSTRACT", fontname="tibo", fontsize=12)
    _prose(page, 54, 245, 8, size=9, pitch=10.5, width=240)
    _body(page, 360)
    paper = _parse(doc)
    assert paper.title == "Druid: A Real-time Analytical Data Store"


def test_a_run_in_abstract_after_a_reports_covers_is_found():
    # An INRIA report on HAL: the archive's cover (title, names, its notice), the institute's cover,
    # a blank page, then the paper's own first page with "Abstract: ..." run into its paragraph.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 300), "Conflict-free Replicated Data Types", fontname="tibo", fontsize=17)
    page.insert_text((110, 320), "Marc Shapiro, Nuno Preguica, Carlos Baquero", fontname="tiro", fontsize=14)
    _prose(page, 72, 660, 6, size=11, pitch=13, width=210)
    _prose(page, 310, 660, 6, size=11, pitch=13, width=210)
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 210), "Conflict-free Replicated Data Types", fontname="tibo", fontsize=17)
    page.insert_text((260, 430), "N 7687", fontname="tibo", fontsize=14)
    doc.new_page(width=595, height=842)
    page = doc.new_page(width=595, height=842)
    page.insert_text((160, 190), "Conflict-free Replicated Data Types", fontname="tibo", fontsize=14)
    page.insert_text((200, 220), "Marc Shapiro, INRIA, Paris, France", fontname="tiro", fontsize=10)
    page.insert_text((90, 300), "Abstract:", fontname="tibo", fontsize=10)
    page.insert_text((140, 300), "Replicating data under Eventual Consistency allows any replica to accept",
                     fontname="tiro", fontsize=10)
    _prose(page, 90, 312, 8, width=420)
    page = doc.new_page(width=595, height=842)
    page.insert_text((90, 80), "1 Introduction", fontname="tibo", fontsize=14)
    _prose(page, 90, 100, 40, width=420)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("Replicating data under Eventual Consistency")
