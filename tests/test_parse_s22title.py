"""Titles of the twenty-second split's misses, each shape drawn here with PyMuPDF: an archive's
record sheet before the paper (JSTOR's labelled fields, an institutional repository's "has made
this article openly available"), a journal's logo of two stacked words over the title, a title
printed at the head of two pages (a graphical abstract's page, then the article's), a space glyph
set inside a word in a font of its own, and a ligature the text layer cannot name in a title."""

from __future__ import annotations

import pymupdf

from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 470.0,
           **more) -> float:
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def _put(page, rows: list[tuple]) -> None:
    """Lines of text, each (x, y, text, font, size)."""
    for x, y, text, font, size in rows:
        page.insert_text((x, y), text, fontname=font, fontsize=size)


def _article_page(doc, title: list[str], size: float = 15.5, abstract: bool = True) -> None:
    page = doc.new_page(width=440, height=706)
    page.insert_text((60, 50), "JOURNAL OF FINANCE AND ECONOMICS   Vol. 53, No. 6, Dec. 2018", fontname="helv", fontsize=7)
    y = 110
    for line in title:
        page.insert_text((60, y), line, fontname="helv", fontsize=size)
        y += size * 1.25
    page.insert_text((60, y + 14), "Gerard Hoberg and Gordon M. Phillips", fontname="helv", fontsize=11)
    if abstract:
        page.insert_text((60, y + 60), "Abstract", fontname="hebo", fontsize=12)
        _prose(page, 60, y + 76, 8, size=9, pitch=10.2, width=320)
    page.insert_text((60, y + 180), "I. Introduction", fontname="hebo", fontsize=12)
    _prose(page, 60, y + 196, 25, size=10, pitch=12, width=320)


def test_an_archive_s_record_sheet_with_labelled_fields_is_a_cover_before_the_paper():
    # JSTOR's cover: the title in 12 pt over "Author(s):", "Source:", "Published by:" and "Stable
    # URL:" in the same type, all larger than the article's text: the title was the whole record.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=832)
    y = 170
    for text in ("Text-Based Industry Momentum", "Author(s): Gerard Hoberg and Gordon M. Phillips",
                 "Source: The Journal of Financial and Quantitative Analysis , December 2018, Vol. 53, No. 6",
                 "Published by: Cambridge University Press", "Stable URL: https://www.jstor.org/stable/26592023"):
        page.insert_text((36, y), text, fontname="cour", fontsize=12)
        y += 20
    page.insert_text((36, 400), "JSTOR is a not-for-profit service that helps scholars, researchers, and students",
                     fontname="cour", fontsize=9)
    _article_page(doc, ["Text-Based Industry Momentum"])
    paper = _parse(doc)
    assert paper.title == "Text-Based Industry Momentum"


def test_a_record_sheet_s_title_stands_over_its_labelled_fields_when_the_paper_s_page_has_none():
    # JSTOR's cover before a scan whose title is set in capitals barely larger than its text: the
    # record's title is the line over "Author(s):", not the fields under it.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=882)
    y = 110
    for text in ("Continuous Auctions and Insider Trading", "Author(s): Albert S. Kyle",
                 "Source: Econometrica , Nov., 1985, Vol. 53, No. 6 (Nov., 1985), pp. 1315-1335",
                 "Published by: The Econometric Society", "Stable URL: https://www.jstor.org/stable/1913210"):
        page.insert_text((36, y), text, fontname="cour", fontsize=12)
        y += 20
    page = doc.new_page(width=426, height=676)
    page.insert_text((80, 65), "CONTINUOUS AUCTIONS AND INSIDER TRADING", fontname="tiro", fontsize=8.9)
    page.insert_text((166, 88), "BY ALBERT S. KYLE", fontname="tiro", fontsize=8.4)
    _prose(page, 40, 120, 45, size=8, pitch=11.8, width=340)
    paper = _parse(doc)
    assert paper.title == "Continuous Auctions and Insider Trading"


def test_a_repository_s_open_access_sheet_is_a_cover_before_the_paper():
    # MIT's Open Access Articles sheet: "MIT Open Access Articles" in 18 pt over the record's title
    # in 18 pt italics, "The MIT Faculty has made this article openly available.", the citation.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _put(page, [
        (205, 195, "MIT Open Access Articles", "helv", 18),
        (159, 246, "Staring into the abyss: An evaluation of", "heit", 18),
        (136, 268, "concurrency control with one thousand cores", "heit", 18),
    ])
    page.insert_text((119, 323), "The MIT Faculty has made this article openly available. Please share",
                     fontname="helv", fontsize=12)
    page.insert_text((119, 337), "how this access benefits you. Your story matters.", fontname="helv", fontsize=12)
    page.insert_text((50, 380), "Citation: Yu, Xiangyao, and Michael Stonebraker.", fontname="hebo", fontsize=12)
    page = doc.new_page(width=612, height=792)
    _put(page, [
        (133, 85, "Staring into the Abyss: An Evaluation of", "hebo", 17.9),
        (102, 105, "Concurrency Control with One Thousand Cores", "hebo", 17.9),
        (191, 148, "Xiangyao Yu", "helv", 12),
        (54, 240, "ABSTRACT", "tibo", 12),
    ])
    _prose(page, 54, 256, 12, size=9, pitch=10.5, width=240)
    page.insert_text((54, 400), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    _prose(page, 54, 416, 25, size=9, pitch=10.5, width=240)
    paper = _parse(doc)
    assert paper.title == "Staring into the Abyss: An Evaluation of Concurrency Control with One Thousand Cores"


def test_a_journal_logo_of_two_stacked_words_over_the_title_is_no_title():
    # MDPI: "applied" over "sciences" in 19 pt bold italic, "Article" in 10 pt under them, then the
    # title in 17.9 pt bold upright over two lines.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _put(page, [
        (115, 64, "applied", "tibi", 19),
        (115, 83, "sciences", "tibi", 19),
        (76, 109, "Article", "tiit", 10),
        (76, 129, "SAHA: A String Adaptive Hash Table for", "hebo", 17.9),
        (76, 149, "Analytical Databases", "hebo", 17.9),
        (76, 178, "Tianqi Zheng, Zhibin Zhang and Xueqi Cheng", "hebo", 10),
        (82, 275, "Abstract:", "tibo", 10),
    ])
    _prose(page, 82, 290, 10, size=10, pitch=13.5, width=420)
    page.insert_text((76, 460), "1. Introduction", fontname="tibo", fontsize=10)
    _prose(page, 76, 476, 20, size=10, pitch=13.5, width=420)
    paper = _parse(doc)
    assert paper.title == "SAHA: A String Adaptive Hash Table for Analytical Databases"


def test_a_title_printed_at_the_head_of_two_pages_is_no_running_head():
    # Cell Press's The Innovation: the title (22 pt, two lines) heads the graphical abstract's page
    # and again the article's page at the same height, under the label "Review" atop every page;
    # its first line, the outermost after the label, read as a running head.
    doc = pymupdf.open()
    for k in range(3):
        page = doc.new_page(width=603, height=783)
        page.insert_text((50, 33), "Review", fontname="hebo", fontsize=8)
        if k < 2:
            page.insert_text((45, 70), "Intelligent financial fraud detection", fontname="hebo", fontsize=21.9)
            page.insert_text((45, 95), "practices in post-pandemic era", fontname="hebo", fontsize=21.9)
        top = 140 if k < 2 else 60
        if k == 0:
            page.insert_text((45, 112), "Xiaoqian Zhu, Xiang Ao, Zidi Qin and Jianping Li", fontname="hebo", fontsize=8)
            page.insert_text((45, 172), "Public summary", fontname="hebo", fontsize=11)
            _prose(page, 45, 190, 6, size=8, pitch=11, width=500)
        else:
            if k == 1:
                page.insert_text((45, top), "Introduction", fontname="hebo", fontsize=11)
            for x in (45, 308):
                _prose(page, x, top + 20, 50, size=8, pitch=10, width=250, start=x + k)
        page.insert_text((456, 764), "www.cell.com/the-innovation", fontname="helv", fontsize=8)
    paper = _parse(doc)
    assert paper.title == "Intelligent financial fraud detection practices in post-pandemic era"


def test_a_space_glyph_in_a_font_of_its_own_set_inside_a_word_is_no_word_space():
    # Elsevier: a "dummy-space" font's space glyph written inside a word of the title, "emb" | " " |
    # "e" | " " | "dding", each piece starting where the one before it ends: "emb e dding".
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_text((37, 60), "Contents lists available at ScienceDirect", fontname="tiro", fontsize=8)
    x, y = 37.0, 170.0
    for piece in ("recommendation with item ", "emb", "e", "dding and weighted loss"):
        page.insert_text((x, y), piece, fontname="tiro", fontsize=13.5)
        width = pymupdf.get_text_length(piece, fontname="tiro", fontsize=13.5)
        if piece in ("emb", "e"):
            page.insert_text((x + width, y), " ", fontname="cour", fontsize=6.4)
        x += width
    _put(page, [
        (37, 150, "DeepRec: A deep neural network approach to", "tiro", 13.5),
        (37, 210, "Ada Okafor, Ben Tal", "tiro", 10),
        (37, 260, "Abstract", "tibo", 9),
    ])
    _prose(page, 37, 275, 8, size=9, pitch=11, width=500)
    page.insert_text((37, 380), "1. Introduction", fontname="tibo", fontsize=9)
    _prose(page, 37, 395, 25, size=9, pitch=11, width=500)
    paper = _parse(doc)
    assert paper.title == "DeepRec: A deep neural network approach to recommendation with item embedding and " \
                          "weighted loss"


def test_a_ligature_the_text_layer_cannot_name_is_spelt_in_the_paper_s_title():
    # Theoretical Computer Science (2004): "The Level Ancestor Problem simpli#ed", the "fi" glyph
    # unnamed: the title read "simplied".
    from pdf_fonts import show
    from test_parse_left29b import _unnamed_ligature_font

    doc = pymupdf.open()
    page = doc.new_page(width=544, height=742)
    page.insert_text((169, 135), "Theoretical Computer Science 321 (2004) 5-12", fontname="tiro", fontsize=8)
    font = _unnamed_ligature_font(doc, page)
    show(doc, page, font, 17.2, [(122, 198, "the level ancestor problem simpli\x02ed")])
    page.insert_text((145, 222), "Michael A. Bender, Martin Farach-Colton", fontname="tiro", fontsize=12)
    page.insert_text((86, 312), "Abstract", fontname="tibo", fontsize=9)
    _prose(page, 86, 330, 5, size=9, pitch=11, width=380)
    page.insert_text((86, 430), "1. Introduction", fontname="tibo", fontsize=10)
    _prose(page, 86, 450, 20, size=10, pitch=12, width=380)
    paper = _parse(doc)
    assert paper.title == "the level ancestor problem simplified"


def test_a_journal_s_section_name_over_the_title_in_its_type_is_left_out_by_the_document_s_record():
    # Science in Context: "Classical Text in Translation" in 15.9 pt over the two lines of the
    # title in 15.9 pt; the PDF's metadata names the title as those two lines.
    doc = pymupdf.open()
    page = doc.new_page(width=493, height=700)
    _put(page, [
        (60, 50, "Science in Context 19(4), 591-600 (2006)", "tiit", 9),
        (60, 95, "Classical Text in Translation", "tiro", 15.9),
        (60, 120, "An Example of Statistical Investigation of the Text", "tiro", 15.9),
        (60, 138, "Concerning the Connection of Samples in Chains", "tiro", 15.9),
        (60, 177, "A. A. Markov", "tiit", 13),
    ])
    _prose(page, 60, 270, 25, size=11, pitch=12.7, width=370)
    doc.set_metadata({"title": "An Example of Statistical Investigation of the Text Concerning the Connection "
                               "of Samples in Chains"})
    paper = _parse(doc)
    assert paper.title == "An Example of Statistical Investigation of the Text Concerning the Connection of " \
                          "Samples in Chains"


def test_a_title_under_the_end_of_the_article_before_it_is_the_paper_s():
    # Science: page 1 opens with another report's last column and its references; this report's
    # title (22 pt) stands under them in the right two columns, over its names and a bold summary.
    # The metadata's title is the typesetter's record of pages, "504 504..507".
    doc = pymupdf.open()
    page = doc.new_page(width=594, height=756)
    page.insert_text((36, 30), "REPORTS", fontname="hebo", fontsize=10)
    _prose(page, 36, 48, 60, size=9, pitch=10.45, width=165)
    _prose(page, 214, 48, 40, size=9, pitch=10.45, width=165, start=3)
    page.insert_text((406, 74), "References and Notes", fontname="hebo", fontsize=8)
    for k in range(1, 26):
        page.insert_text((393, 74 + 8.5 * k), f"{k}. J. B. Pendry, Phys. Rev. Lett. {80 + k}, 3966 (2000).",
                         fontname="tiro", fontsize=7)
    _put(page, [
        (214, 536, "Reducing the Dimensionality of", "hebo", 21.9),
        (214, 561, "Data with Neural Networks", "hebo", 21.9),
        (214, 590, "G. E. Hinton and R. R. Salakhutdinov", "hebo", 9),
    ])
    _prose(page, 214, 612, 4, size=9, pitch=11, width=360, font="hebo")
    _prose(page, 392, 670, 8, size=9, pitch=10.45, width=165, start=7)
    doc.set_metadata({"title": "504 504..507"})
    paper = _parse(doc)
    assert paper.title == "Reducing the Dimensionality of Data with Neural Networks"


def test_a_subtitle_set_beside_a_title_in_display_type_is_the_title_s():
    # ACM Queue: "BBR" in 104 pt (80 here), "Congestion-Based" over "Congestion Control" in 20 pt right
    # after it, within its height; the names in a column at the left, the text in 10.5 pt.
    doc = pymupdf.open()
    page = doc.new_page(width=419, height=558)
    page.insert_text((12, 18), "networks", fontname="hebo", fontsize=8)
    page.insert_text((40, 121), "BBR", fontname="hebo", fontsize=80)
    end = 40 + pymupdf.get_text_length("BBR", fontname="hebo", fontsize=80)
    page.insert_text((end + 2, 88), "Congestion-Based", fontname="helv", fontsize=20)
    page.insert_text((end + 2, 108), "Congestion Control", fontname="helv", fontsize=20)
    for k, name in enumerate(("NEAL CARDWELL", "YUCHUNG CHENG", "VAN JACOBSON")):
        page.insert_text((40, 226 + 15 * k), name, fontname="helv", fontsize=9)
    _prose(page, 132, 226, 25, size=10.5, pitch=14, width=270)
    paper = _parse(doc)
    assert paper.title == "BBR: Congestion-Based Congestion Control"


def test_a_note_s_mark_raised_after_a_large_title_is_no_part_of_it():
    # Statistical Science: "Flight AF 447" then a raised "1" in 20.7 pt after the 24.8 pt words,
    # more than 0.8 of their size: read as the title's "4471".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _put(page, [
        (55, 73, "Statistical Science 2014, Vol. 29, No. 1, 69-80", "tiit", 6),
        (55, 118, "Search for the Wreckage of Air France", "hebo", 24.8),
        (55, 147, "Flight AF 447", "hebo", 24.8),
    ])
    end = 55 + pymupdf.get_text_length("Flight AF 447", fontname="hebo", fontsize=24.8)
    _put(page, [
        (end, 138, "1", "hebo", 20.7),
        (55, 171, "Lawrence D. Stone, Colleen M. Keller and Thomas M. Kratzke", "hebo", 12),
        (139, 217, "Abstract.", "tiit", 10.9),
    ])
    _prose(page, 139, 230, 10, size=10.9, pitch=13, width=340)
    page.insert_text((55, 400), "1. INTRODUCTION", fontname="tibo", fontsize=10.9)
    _prose(page, 55, 416, 25, size=10.9, pitch=13, width=500)
    paper = _parse(doc)
    assert paper.title == "Search for the Wreckage of Air France Flight AF 447"


def test_a_space_glyph_between_a_heading_s_number_and_its_name_set_tight_is_a_word_space():
    # Word (IEEE-like): "VIII." | a space in Arial | "REFERENCES", the name starting right where the
    # number ends: the number and the name stay apart, "VIII" and "REFERENCES".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _put(page, [
        (150, 72, "Achieving Energy Efficiency in Radio Access Networks", "tibo", 18),
        (240, 100, "Ada Okafor, Ben Tal", "tiro", 11),
    ])
    y = 130
    for number, name in (("I", "INTRODUCTION"), ("II", "SYSTEM MODEL"), ("III", "RESULTS")):
        page.insert_text((72, y + 10), f"{number}. {name}", fontname="tibo", fontsize=10)
        y = _prose(page, 72, y + 26, 8, size=10, pitch=12, width=460, start=len(name))
    page.insert_text((72, y + 14), "VIII.", fontname="tibo", fontsize=10)
    end = 72 + pymupdf.get_text_length("VIII.", fontname="tibo", fontsize=10)
    page.insert_text((end, y + 14), " ", fontname="helv", fontsize=10)
    page.insert_text((end + 0.3, y + 14), "REFERENCES", fontname="tibo", fontsize=10)
    for k in range(1, 6):
        page.insert_text((72, y + 14 + 12 * k), f"[{k}] A. Author, \"A study of things,\" in Proc. IEEE, 2019, pp. {k}-9.",
                         fontname="tiro", fontsize=8)
    paper = _parse(doc)
    assert ("VIII", "REFERENCES") in [(s.number, s.title) for s in paper.sections], [(s.number, s.title) for s in paper.sections]
