"""Titles and abstracts of the twenty-fourth split's misses, each shape drawn here with PyMuPDF: a
digit raised inside a title's word, a title's ligature given as U+FFFF before the next word, a
title in the text's size whose first row ends on a colon, a pale department name printed behind a
magazine's title over a subtitle in the title's face, an unlabelled abstract of two paragraphs
indented alike over a keywords line, a scan's run-in "ABSTRACT:" read in one block with the
affiliation over it, and an abstract on a tinted ground beside coloured tabs down the margin."""

from __future__ import annotations

import pymupdf

from tests.test_parse_s22abs import _ffff_glyph
from tests.test_parse_s23front import _parse, _prose
from tests.test_parse_sent19 import WORDS, _justified


def test_a_digit_raised_inside_a_title_s_word_is_the_word_s():
    # NAACL 2022: "Re" + a raised "2" in CMR10 + "G: Retrieve, Rerank, Generate", all touching: the
    # digit was taken out as a note's call, "ReG".
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    x = 192.0
    page.insert_text((x, 92), "Re", fontname="tibo", fontsize=14.3)
    x += pymupdf.get_text_length("Re", "tibo", 14.3)
    page.insert_text((x, 86), "2", fontname="tiro", fontsize=10)
    x += pymupdf.get_text_length("2", "tiro", 10)
    page.insert_text((x, 92), "G: Retrieve, Rerank, Generate", fontname="tibo", fontsize=14.3)
    page.insert_text((200, 125), "Michael Glass and Alfio Gliozzo", fontname="tiro", fontsize=12)
    page.insert_text((150, 190), "Abstract", fontname="tibo", fontsize=12)
    _prose(page, 85, 210, 10, size=10, width=210, first="As demonstrated by GPT-3 and T5, transformers grow")
    page.insert_text((85, 350), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(page, 85, 370, 30, size=11, pitch=13.5, width=210)
    _prose(page, 310, 190, 45, size=11, pitch=13.5, width=210, start=7)
    assert _parse(doc).title == "Re2G: Retrieve, Rerank, Generate"


def test_a_title_s_ligature_given_as_ffff_before_the_next_word_is_spelt_out(tmp_path):
    # SIGMOD 2022 (acmart, Libertine re-saved): "Amazon Redshi" + the "ft" ligature's glyph, which
    # the font's ToUnicode gives as U+FFFF, then a word space drawn as a gap, no space character,
    # and "Re-invented": read "Amazon Redshi\uffffRe-invented".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((188, 95), "Amazon Redshi", fontname="hebo", fontsize=17)
    x = 188 + pymupdf.get_text_length("Amazon Redshi", "hebo", 17)
    x = _ffff_glyph(doc, page, x, 95, size=17) + 4.3
    page.insert_text((x, 95), "Re-invented", fontname="hebo", fontsize=17)
    page.insert_text((200, 125), "Nikos Armenatzoglou and Sanuj Basu", fontname="helv", fontsize=12)
    page.insert_text((54, 190), "ABSTRACT", fontname="hebo", fontsize=10)
    _prose(page, 54, 205, 10, size=9, pitch=11, width=240, first="In 2013, Amazon Web Services revolutionized the data")
    page.insert_text((54, 340), "1 INTRODUCTION", fontname="hebo", fontsize=10)
    _prose(page, 54, 355, 30, size=9, pitch=11, width=240)
    _prose(page, 318, 190, 45, size=9, pitch=11, width=240, start=7)
    assert _parse(doc).title == "Amazon Redshift Re-invented"


def test_a_title_in_the_text_s_size_whose_first_row_ends_on_a_colon_goes_on():
    # AASTeX 6.1 (modern): "DATA ANALYSIS RECIPES:" centred over "USING MARKOV CHAIN MONTE CARLO",
    # both in the text's 12 pt roman capitals: the title stopped at the colon.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for y, text in ((130, "DATA ANALYSIS RECIPES:"), (146, "USING MARKOV CHAIN MONTE CARLO")):
        width = pymupdf.get_text_length(text, "tiro", 12)
        page.insert_text((306 - width / 2, y), text, fontname="tiro", fontsize=12)
    page.insert_text((230, 175), "David W. Hogg and Daniel Foreman-Mackey", fontname="tiro", fontsize=11)
    page.insert_text((280, 300), "ABSTRACT", fontname="tiro", fontsize=12)
    _prose(page, 100, 320, 10, size=12, pitch=14, width=410, first="Markov Chain Monte Carlo (MCMC) methods for sampling")
    page.insert_text((260, 480), "1. INTRODUCTION", fontname="tiro", fontsize=12)
    _prose(page, 90, 500, 18, size=12, pitch=14, width=430)
    assert _parse(doc).title == "DATA ANALYSIS RECIPES: USING MARKOV CHAIN MONTE CARLO"


def test_a_pale_name_behind_a_title_is_no_title_and_a_subtitle_in_its_face_is_its():
    # ;login: 2016: the department's name "SECURITY" in 150 pt light grey behind the 24 pt bold
    # "BeyondCorp", and "Design to Deployment at Google" in the title's bold face at 16 pt set
    # tight under it, flush left: "SECURITY" was the title, then "BeyondCorp" alone.
    doc = pymupdf.open()
    page = doc.new_page(width=603, height=783)
    page.insert_text((60, 105), "SECURITY", fontname="helv", fontsize=150, color=(0.85, 0.87, 0.86))
    page.insert_text((36, 57), "BeyondCorp", fontname="hebo", fontsize=24)
    page.insert_text((36, 76), "Design to Deployment at Google", fontname="hebo", fontsize=16)
    page.insert_text((36, 110), "BARCLAY OSBORN, JUSTIN MCWILLIAMS, BETSY BEYER", fontname="helv", fontsize=8.5)
    _prose(page, 204, 200, 50, size=9, pitch=11, width=350)
    paper = _parse(doc)
    assert paper.title == "BeyondCorp: Design to Deployment at Google"


def _indented_paragraph(page, x: float, y: float, n: int, first: str, start: int = 0) -> float:
    """A paragraph justified to 250 pt, its first line indented 10 pt, its last line short."""
    _justified(page, x + 10, y, first, x + 250, size=10)
    k = start
    for i in range(1, n):
        words = []
        while pymupdf.get_text_length(" ".join(words + [WORDS[k % len(WORDS)]]), fontname="tiro", fontsize=10) < 245:
            words.append(WORDS[k % len(WORDS)])
            k += 1
        if i == n - 1:
            page.insert_text((x, y + 12 * i), " ".join(words[:5]) + ".", fontname="tiro", fontsize=10)
        else:
            _justified(page, x, y + 12 * i, " ".join(words), x + 250, size=10)
    return y + 12 * n


def test_an_unlabelled_abstract_of_indented_paragraphs_over_its_keywords_is_the_abstract():
    # The American Statistician's online supplement: two paragraphs without a label, each first
    # line indented, over "KEY WORDS: ...", then "Introduction" heading the right column: taken for
    # the text's opening, no abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 40), "Statistical Tests, P-values, Confidence Intervals, and Power", fontname="tibo",
                     fontsize=17)
    page.insert_text((46, 110), "Sander Greenland, Stephen J. Senn, and Kenneth J. Rothman", fontname="tiro", fontsize=12)
    y = _indented_paragraph(page, 46, 160, 11, "Misinterpretation and abuse of statistical tests, the")
    y = _indented_paragraph(page, 46, y, 10, "In light of this problem, we provide definitions and", start=9)
    page.insert_text((46, y + 12), "KEY WORDS: Confidence intervals; Hypothesis testing; Null testing.",
                     fontname="tiro", fontsize=9)
    page.insert_text((400, 165), "Introduction", fontname="tibo", fontsize=10)
    _prose(page, 316, 185, 45, size=10, pitch=12, width=250, start=4)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("Misinterpretation and abuse of statistical tests"), paper.abstract
    assert "In light of this problem" in paper.abstract and "KEY WORDS" not in paper.abstract


def test_a_run_in_abstract_label_under_the_affiliation_in_its_block_opens_the_abstract():
    # SIGMOD 1979, a scan's OCR: "IBM Research Division, San Jose, California 95193" centred over
    # "ABSTRACT: In a high level query ...", read in one block: the abstract was missed, and the
    # copyright notice at the column's foot taken for it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((190, 80), "Access Path Selection in a Relational", fontname="cour", fontsize=12)
    page.insert_text((200, 94), "Database Management System", fontname="cour", fontsize=12)
    page.insert_text((230, 130), "P. Griffiths Selinger", fontname="cour", fontsize=10)
    page.insert_text((170, 170), "IBM Research Division, San Jose, California 95193", fontname="cour", fontsize=10)
    page.insert_text((60, 184), "ABSTRACT: In a high level query and data", fontname="cour", fontsize=10)
    _prose(page, 60, 196, 10, size=10, pitch=12, width=240, font="cour")
    page.insert_text((60, 340), "1. Introduction", fontname="cour", fontsize=10)
    _prose(page, 60, 360, 20, size=10, pitch=12, width=240, font="cour", start=3)
    page.insert_text((60, 620), "Permission to copy without fee all or part of this material is", fontname="cour",
                     fontsize=8)
    _prose(page, 60, 630, 8, size=8, pitch=10, width=240, font="cour", start=11)
    _prose(page, 320, 184, 45, size=10, pitch=12, width=240, font="cour", start=5)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("In a high level query and data"), paper.abstract


def test_an_abstract_on_a_tinted_ground_beside_coloured_margin_tabs_is_the_abstract():
    # Publishing India (InDesign): the abstract, its label and its keywords on a light blue ground
    # in the left column, the page's coloured tabs down the left margin 5 pt off it: ground and tabs
    # made one drawing, the abstract's text read as inside a figure and lost.
    doc = pymupdf.open()
    page = doc.new_page(width=678, height=858)
    page.insert_text((90, 140), "Business Model Ontology (BMO): An Examination", fontname="tibo", fontsize=24)
    page.insert_text((213, 208), "Wangchuk Chungyalpa, Bedanta Bora", fontname="tibo", fontsize=15)
    page.draw_rect(pymupdf.Rect(78, 285.6, 330, 691.9), color=None, fill=(0.84, 0.86, 0.91))
    for k, shade in enumerate((0.88, 0.69, 0.55, 0.42, 0.30, 0.16)):
        page.draw_rect(pymupdf.Rect(15, 425 + 70 * k, 52.6 if k < 5 else 73, 495 + 70 * k), color=None,
                       fill=(shade, shade + 0.04, min(1.0, shade + 0.1)))
    page.insert_text((84, 299), "Abstract", fontname="hebo", fontsize=10)
    y = _prose(page, 84, 323, 14, size=10, pitch=13, width=240, font="helv",
               first="Defining business model constitutes a major challenge. This")
    y = _prose(page, 84, y + 13, 8, size=10, pitch=13, width=240, font="helv", start=6)
    page.insert_text((84, y + 13), "Keyword: Ontology Definition, Business Model", fontname="helv", fontsize=10)
    page.insert_text((348, 326), "Introduction", fontname="hebo", fontsize=15)
    _prose(page, 348, 355, 34, size=11, pitch=13.5, width=250, start=3)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("Defining business model constitutes a major challenge"), paper.abstract


def test_a_highwire_download_cover_is_passed_and_a_stacked_kind_banner_is_no_title():
    # Educational Researcher 2011 from SAGE: a download cover ("Educational Researcher" in 24 pt,
    # the title in 9 pt bold, "The online version of this article can be found at:", "Additional
    # services and information for Educational Researcher can be found at:") before the article's
    # page, which stacks "Feature" over "Articles" in 24 pt bold at its head over the 20 pt title
    # of three lines and an abstract without a label: the journal's name was the title, and no
    # abstract was found.
    doc = pymupdf.open()
    cover = doc.new_page(width=612, height=792)
    cover.insert_text((150, 60), "Educational Researcher", fontname="helv", fontsize=24)
    cover.insert_text((60, 120), "Inequities in Educational Outcomes Between Students in Middle and High School",
                      fontname="hebo", fontsize=9)
    cover.insert_text((220, 150), "The online version of this article can be found at:", fontname="helv", fontsize=8)
    cover.insert_text((230, 160), "http://edr.sagepub.com/content/40/7/315", fontname="helv", fontsize=8)
    cover.insert_text((150, 330), "Additional services and information for Educational Researcher can be found at:",
                      fontname="hebo", fontsize=7)
    cover.insert_text((230, 350), "Email Alerts: http://er.aera.net/alerts", fontname="helv", fontsize=7)
    page = doc.new_page(width=612, height=792)
    page.insert_text((382, 64), "Feature", fontname="hebo", fontsize=24)
    page.insert_text((459, 84), "Articles", fontname="hebo", fontsize=24)
    for y, text in ((108, "Inequities in Educational and Psychological Outcomes"),
                    (130, "Between LGBTQ and Straight Students in Middle"), (152, "and High School")):
        page.insert_text((46, y), text, fontname="hebo", fontsize=20)
    page.insert_text((46, 170), "Joseph P. Robinson and Dorothy L. Espelage", fontname="helv", fontsize=12)
    _prose(page, 46, 196, 16, size=9, pitch=12, width=248, font="helv",
           first="This study finds that, compared with straight-identified youth,")
    _prose(page, 310, 196, 45, size=10, pitch=12, width=248, start=3)
    _prose(page, 46, 420, 25, size=10, pitch=12, width=248, start=8)
    paper = _parse(doc)
    assert paper.title == "Inequities in Educational and Psychological Outcomes Between LGBTQ and Straight " \
                          "Students in Middle and High School"
    assert (paper.abstract or "").startswith("This study finds that, compared with straight-identified youth"), \
        paper.abstract


def test_names_spaced_out_letter_by_letter_are_no_abstract():
    # ;login: 2016: the byline in capitals spaced out, "B A R C L AY O S B O R N , J U S T I N ...",
    # read a letter a word, some forty words: taken for an abstract without a label over the
    # article's lead paragraph.
    doc = pymupdf.open()
    page = doc.new_page(width=603, height=783)
    page.insert_text((36, 57), "BeyondCorp", fontname="hebo", fontsize=24)
    byline = "BARCLAY OSBORN, JUSTIN MCWILLIAMS, BETSY BEYER, AND MAX SALTONSTALL"
    page.insert_text((36, 110), " ".join(byline.replace(" ", "  ")), fontname="helv", fontsize=8.5)
    _prose(page, 204, 200, 9, size=11, pitch=14, width=350,
           first="The goal of Google's BeyondCorp initiative is to improve our")
    _prose(page, 204, 340, 30, size=9, pitch=11, width=350, start=5)
    paper = _parse(doc)
    assert not (paper.abstract or "").startswith("B A R"), paper.abstract
