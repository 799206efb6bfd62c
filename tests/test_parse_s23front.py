"""Front matter of the twenty-third split's misses, each shape drawn here with PyMuPDF: a single
author's line under an Elsevier title with its affiliations' letters raised after the name, names
parted by their raised marks alone, a lone "by" over the names, a title printed as the head of
page 1 and again on page 2 only (a report's cover), a Word paper's title set as page 1's header
and smaller on the others, a proceedings volume's cover page, a scan's title read word by word,
an abstract without a label that opens with a short paragraph, and a reader's highlights painted
into page 1 under its annotations."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import _footnote_marks
from tests.test_parse_sent19 import _justified
from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 470.0,
           **more) -> float:
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def test_a_lone_author_with_raised_affiliation_letters_is_no_line_of_the_title():
    # Elsevier (Physica A): the title in 13.5 pt over "Martin Drechsler" in 10.5 pt, the letters
    # "a,b" raised after the name, the affiliations in 6.5 pt under it; the text in 8 pt.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_text((39, 176), "Ising models to study effects of risk aversion in socially", fontname="helv", fontsize=13.5)
    page.insert_text((39, 193), "interacting individuals", fontname="helv", fontsize=13.5)
    page.insert_text((39, 217), "Martin Drechsler", fontname="helv", fontsize=10.5)
    page.insert_text((121, 213), "a,b", fontname="helv", fontsize=6.5)
    page.insert_text((39, 232), "a Helmholtz Centre for Environmental Research, Leipzig, Germany", fontname="helv", fontsize=6.5)
    page.insert_text((39, 240), "b Brandenburg University of Technology, Cottbus, Germany", fontname="helv", fontsize=6.5)
    page.insert_text((39, 300), "1. Introduction", fontname="hebo", fontsize=8)
    _prose(page, 39, 320, 40, size=8, pitch=9.6, width=500)
    paper = _parse(doc)
    assert paper.title == "Ising models to study effects of risk aversion in socially interacting individuals"


def _names_with_marks(page, x: float, y: float, names: list[tuple[str, str]], size: float = 14.0) -> None:
    """Names in a row, each followed by its raised mark, the next name a word space past the mark
    with no space character between them (acmart's \\author lines)."""
    for name, mark in names:
        page.insert_text((x, y), name, fontname="tiro", fontsize=size)
        x += pymupdf.get_text_length(name, fontname="tiro", fontsize=size)
        page.insert_text((x, y - 0.36 * size), mark, fontname="tiro", fontsize=0.73 * size)
        x += pymupdf.get_text_length(mark, fontname="tiro", fontsize=0.73 * size) + 0.54 * size


def test_names_parted_by_their_raised_marks_alone_are_names_not_a_subtitle():
    # SIGMOD 2019 (acmart): the title in 20.5 pt bold over the names in 14 pt roman, each name
    # followed by its raised mark and the next a word space on, no space character: read as
    # "Chang GeYinan Li Eric Eilebrecht ...", no name, the line was taken as a subtitle.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((110, 100), "Speculative Distributed CSV Data Parsing", fontname="tibo", fontsize=20.5)
    page.insert_text((203, 124), "for Big Data Analytics", fontname="tibo", fontsize=20.5)
    _names_with_marks(page, 66, 164, [("Chang Ge", "§*"), ("Yinan Li", "†"), ("Eric Eilebrecht", "†"),
                                      ("Badrish Chandramouli", "†"), ("Donald Kossmann", "†")])
    page.insert_text((190, 189), "†Microsoft Research", fontname="tiro", fontsize=11)
    page.insert_text((315, 189), "§University of Waterloo", fontname="tiro", fontsize=11)
    page.insert_text((54, 230), "1 INTRODUCTION", fontname="tibo", fontsize=10)
    _prose(page, 54, 246, 40, size=10, pitch=12, width=500)
    paper = _parse(doc)
    assert paper.title == "Speculative Distributed CSV Data Parsing for Big Data Analytics"
    assert list(paper.authors[:3]) == ["Chang Ge", "Yinan Li", "Eric Eilebrecht"]


def test_a_word_space_past_a_call_taken_out_stays_a_space():
    # The text layer may hold no space character after a raised mark, only the gap (acmart's
    # "Chang Ge" + "§∗" + "Yinan Li"): with the mark taken out, the words ran together.
    def span(x0, x1, text, size, y):
        return {"text": text, "size": size, "origin": (x0, y), "bbox": (x0, y - size, x1, y + 0.2 * size),
                "font": "LinLibertineT" if size > 12 else "txsys", "flags": 0}
    spans = [span(65.8, 123.3, "Chang Ge", 14.2, 163.5), span(123.3, 133.3, "§∗", 10.3, 158.3),
             span(140.9, 189.6, "Yinan Li", 14.2, 163.5)]
    lead, calls, kept = _footnote_marks(spans)
    assert calls == ["§∗"]
    assert "".join(s["text"] for s in kept) == "Chang Ge Yinan Li"


def _byline_page(doc) -> None:
    # A 1974 proceedings' scan: the title in capitals in the text's size, "by" on a line of its own
    # read a size larger, the names and the address under it, then the abstract and the text.
    page = doc.new_page(width=442, height=666)
    page.insert_text((128, 77), "SEQUEL: A STRUCTURED ENGLISH QUERY LANGUAGE", fontname="cour", fontsize=7.5)
    page.insert_text((218, 105), "by", fontname="cour", fontsize=9.5)
    page.insert_text((177, 121), "Donald D. Chamberlin", fontname="cour", fontsize=7.5)
    page.insert_text((186, 130), "Raymond F. Boyce", fontname="cour", fontsize=7.5)
    page.insert_text((173, 157), "IBM Research Laboratory", fontname="cour", fontsize=7.5)
    page.insert_text((182, 166), "San Jose, California", fontname="cour", fontsize=7.5)
    _prose(page, 40, 250, 30, size=7.5, pitch=9.4, width=340)


def test_a_lone_by_over_the_names_is_no_title():
    doc = pymupdf.open()
    _byline_page(doc)
    doc.set_metadata({"title": "SEQUEL: A Structured English Query Language"})
    paper = _parse(doc)
    assert paper.title == "SEQUEL: A Structured English Query Language"
    doc = pymupdf.open()
    _byline_page(doc)
    paper = _parse(doc)
    assert paper.title == "SEQUEL: A STRUCTURED ENGLISH QUERY LANGUAGE"


def test_a_title_printed_again_at_the_head_of_page_2_alone_is_no_running_head():
    # A technical report's cover: the title in 16 pt bold at the head of page 1, over the names,
    # affiliations and addresses in a table of 12 pt lines; page 2, the paper's own first page,
    # prints the title at the same height again. Read as a running head (repeated at one height),
    # it was dropped, and the names' table became the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((166, 66), "A Critique of ANSI SQL Isolation Levels", fontname="tibo", fontsize=16)
    y = 134
    for name, place, mail in (("Hal Berenson", "Microsoft Corp.", "haroldb@microsoft.com"),
                              ("Phil Bernstein", "Microsoft Corp.", "philbe@microsoft.com"),
                              ("Jim Melton", "Sybase Corp.", "jim.melton@sybase.com")):
        for x, text in ((140, name), (271, place), (397, mail)):
            page.insert_text((x, y), text, fontname="tiro", fontsize=12)
        y += 14
    page.insert_text((282, 250), "June 1995", fontname="tiro", fontsize=12)
    page.insert_text((266, 294), "Technical Report", fontname="tiro", fontsize=12)
    page.insert_text((55, 752), "Proc. ACM SIGMOD 95, San Jose CA, June 1995", fontname="helv", fontsize=7.9)
    page = doc.new_page(width=612, height=792)
    page.insert_text((163, 66), "A Critique of ANSI SQL Isolation Levels", fontname="tibo", fontsize=16)
    page.insert_text((140, 80), "Hal Berenson      Microsoft Corp.      haroldb@microsoft.com", fontname="tiro", fontsize=10)
    page.insert_text((55, 130), "Abstract", fontname="tibo", fontsize=10)
    _prose(page, 55, 145, 40, size=10, pitch=12, width=250)
    page.insert_text((55, 752), "Proc. ACM SIGMOD 95, San Jose CA, June 1995", fontname="helv", fontsize=7.9)
    for _ in range(3):
        page = doc.new_page(width=612, height=792)
        _prose(page, 55, 60, 50, size=10, pitch=12, width=250)
        page.insert_text((55, 752), "Proc. ACM SIGMOD 95, San Jose CA, June 1995", fontname="helv", fontsize=7.9)
    paper = _parse(doc)
    assert paper.title == "A Critique of ANSI SQL Isolation Levels"


def test_a_word_paper_s_title_set_as_page_1_s_header_larger_than_elsewhere_is_the_title():
    # A course report from Word: the title is the page header, 14 pt on page 1 and 10 pt on the
    # others, over the names in 9 pt and a bold "Abstract": no title in large type under it.
    doc = pymupdf.open()
    for k in range(5):
        page = doc.new_page(width=612, height=792)
        size = 14 if k == 0 else 10
        text = "Peer Lending Risk Predictor"
        page.insert_text(((612 - pymupdf.get_text_length(text, fontname="tiro", fontsize=size)) / 2, 48), text,
                         fontname="tiro", fontsize=size)
        page.insert_text((36, 754), f"Kevin Tsai, Sivagami Ramiah      Page {k + 1} of 5", fontname="tiro", fontsize=8)
        if k == 0:
            for x, name in ((160, "Kevin Tsai"), (274, "Sivagami Ramiah"), (401, "Sudhanshu Singh")):
                page.insert_text((x, 73), name, fontname="tiro", fontsize=9)
            page.insert_text((284, 102), "Abstract", fontname="tibo", fontsize=12)
            _prose(page, 90, 116, 4, size=9, pitch=11, width=430)
            page.insert_text((36, 168), "Introduction", fontname="tibo", fontsize=12)
            _prose(page, 36, 184, 45, size=9, pitch=11, width=250)
        else:
            _prose(page, 36, 70, 55, size=9, pitch=11, width=250)
    paper = _parse(doc)
    assert paper.title == "Peer Lending Risk Predictor"


def test_a_proceedings_volume_s_cover_page_is_no_title_page():
    # USENIX's cover before a FAST '03 paper: "Proceedings of" / "FAST '03:" / "2nd USENIX
    # Conference on" / "File and Storage Technologies" in 24 pt over the place and dates and the
    # association's notice: its lines became the paper's title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((238, 86), "USENIX Association", fontname="tiro", fontsize=16)
    y = 195
    for text in ("Proceedings of", "FAST '03:", "2nd USENIX Conference on", "File and Storage Technologies"):
        page.insert_text(((612 - pymupdf.get_text_length(text, fontname="tiro", fontsize=24)) / 2, y), text,
                         fontname="tiro", fontsize=24)
        y += 30
    page.insert_text((227, 356), "San Francisco, CA, USA", fontname="tiro", fontsize=16)
    page.insert_text((229, 376), "March 31-April 2, 2003", fontname="tiro", fontsize=16)
    page.insert_text((70, 660), "Rights to individual papers remain with the author or the author's employer.",
                     fontname="tiro", fontsize=8)
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "ARC: A SELF-TUNING, LOW OVERHEAD REPLACEMENT CACHE", fontname="tibo", fontsize=12)
    page.insert_text((230, 110), "Nimrod Megiddo and Dharmendra S. Modha", fontname="tiro", fontsize=10)
    page.insert_text((70, 150), "Abstract", fontname="tibo", fontsize=10)
    _prose(page, 70, 165, 10, size=10, pitch=12, width=470)
    page.insert_text((70, 310), "1 Introduction", fontname="tibo", fontsize=10)
    _prose(page, 70, 326, 30, size=10, pitch=12, width=470)
    paper = _parse(doc)
    assert paper.title == "ARC: A SELF-TUNING, LOW OVERHEAD REPLACEMENT CACHE"


def test_a_scan_s_title_read_word_by_word_with_wide_gaps_is_one_title():
    # A 1996 scan's OCR layer: each word of the 13 pt title a line of its own in a stand-in face
    # narrower than the scan's letters, so the gaps between the words' boxes read 1.6 to 3.5
    # sizes wide: only "Implementing" was taken.
    doc = pymupdf.open()
    page = doc.new_page(width=622, height=796)
    for x, word in ((140, "Implementing"), (265, "Data"), (315, "Cubes"), (374, "Efficiently")):
        page.insert_text((x, 105), word, fontname="helv", fontsize=13.2, render_mode=3)
    for x, word in ((108, "Venky"), (149, "Harinarayan"), (250, "Anand"), (294, "Rajaraman")):
        page.insert_text((x, 139), word, fontname="helv", fontsize=8.6, render_mode=3)
    for k in range(40):
        page.insert_text((50, 220 + 10 * k), "decision support applications involve complex queries on very large",
                         fontname="helv", fontsize=7, render_mode=3)
    paper = _parse(doc)
    assert paper.title == "Implementing Data Cubes Efficiently"


def test_an_unlabelled_abstract_keeps_its_short_opening_paragraph():
    # ACM's journal format: the abstract without a label in 10 pt paragraphs under the names, the
    # first of two lines; only the paragraph after it, long enough, was taken for the abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((89, 104), "Kafka versus RabbitMQ", fontname="tiro", fontsize=16)
    page.insert_text((89, 133), "PHILIPPE DOBBELAERE, Nokia Bell Labs", fontname="tiro", fontsize=12)
    page.insert_text((89, 148), "KYUMARS SHEYKH ESMAILI, Nokia Bell Labs", fontname="tiro", fontsize=12)
    rows = [(100, "Publish/subscribe is a distributed interaction paradigm well adapted to the deployment of scalable and", True),
            (89, "loosely coupled systems.", False),
            (100, "Apache Kafka and RabbitMQ are two popular open-source and commercially-supported pub/sub systems", True),
            (89, "that have been around for almost a decade and have seen wide adoption, and given the popularity of", True),
            (89, "these two systems and the fact that both are branded as pub/sub systems, two frequently asked questions", True),
            (89, "in the relevant online forums are how do they compare against each other and which one to use for the", True),
            (89, "task at hand.", False),
            # (and a closing paragraph right over the first heading, in the abstract's 10 pt under the
            # text's 11: it was left out of the abstract and of the text)
            (100, "In this paper, we frame the arguments in a holistic approach by establishing a common comparison", True),
            (89, "framework based on the core functionalities of pub/sub systems, and using this framework we venture", True),
            (89, "into a qualitative and quantitative comparison of the common features of the two systems.", False)]
    y = 180
    for x, text, full in rows:
        if full:
            _justified(page, x, y, text, 523, size=10)
        else:
            page.insert_text((x, y), text, fontname="tiro", fontsize=10)
        y += 12
    page.insert_text((89, 320), "1 INTRODUCTION", fontname="tibo", fontsize=11)
    _prose(page, 89, 338, 30, size=11, pitch=13, width=434)
    paper = _parse(doc)
    assert paper.abstract.startswith("Publish/subscribe is a distributed interaction paradigm")
    assert "Apache Kafka and RabbitMQ" in paper.abstract
    assert paper.abstract.rstrip().endswith("common features of the two systems.")


def test_a_stamp_down_the_margin_is_no_label_of_a_white_strip_at_the_foot():
    # IEEE Xplore's copy of a conference paper: the conference's stamp rotated down page 1's left
    # margin, 630 pt long, ending 26 pt over a white strip painted at the page's foot under the
    # download notice. Taken as the strip's rotated tick labels, the stamp grew it into a figure
    # over the whole left column: the abstract and the introduction left the text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((68, 72), "Towards improving explainability of cybersecurity", fontname="tiro", fontsize=24)
    page.insert_text((132, 158), "Manh-Dung Nguyen, Vinh Hoa La, Ana R. Cavalli", fontname="tiro", fontsize=11)
    page.insert_text((49, 216), "Abstract: Artificial Intelligence (AI) is envisioned to play a", fontname="tibo", fontsize=9)
    y = 226
    for _ in range(10):
        page.insert_text((49, y), "critical role in controlling and orchestrating networks and their", fontname="tibo", fontsize=9)
        y += 10
    page.insert_text((49, y), "applications in the field.", fontname="tibo", fontsize=9)
    page.insert_text((136, 376), "I. INTRODUCTION", fontname="tiro", fontsize=10)
    _prose(page, 49, 392, 28, size=10, pitch=12, width=253)
    _prose(page, 312, 216, 45, size=10, pitch=12, width=253)
    page.draw_rect(pymupdf.Rect(0, 737, 286, 792), color=None, fill=(1, 1, 1))
    page.draw_rect(pymupdf.Rect(286, 737, 326, 792), color=None, fill=(1, 1, 1))
    page.insert_text((49, 760), "978-1-6654-9628-5/22/$31.00 ©2022 IEEE", fontname="tiro", fontsize=7)
    page.insert_text((120, 785), "Authorized licensed use limited to: a library. Downloaded on May 15, 2024 from IEEE Xplore.",
                     fontname="tiro", fontsize=7)
    page.insert_text((18, 711), "2022 IEEE International Conference on Software Testing, Verification and Validation "
                     "Workshops (ICSTW) | 978-1-6654-9628-5/22/$31.00 ©2022 IEEE | DOI: 10.1109/ICSTW55395.2022.00016",
                     fontname="tiro", fontsize=7.2, rotate=90)
    paper = _parse(doc)
    assert paper.abstract and paper.abstract.startswith("Artificial Intelligence (AI) is envisioned")
    assert not any(f.page == 1 for f in paper.figures)
