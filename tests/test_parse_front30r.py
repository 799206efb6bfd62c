"""Front matter of papers printed anew (`pdftocairo -pdf`: no metadata title, no bookmarks, fonts
turned into subsets of stand-ins), each on a page drawn here: a journal's logo a little closer over
its title, an article's kind read in mixed case, and a word of a title in capitals parted by a
space where its letters are kerned."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from tests.pdf_pages import reparse as _parse


def test_a_journals_logo_over_a_small_label_over_the_title_is_no_title():
    # MDPI reprinted through cairo: "entropy" in 25 pt bold italic, "Article" in 10 pt italic under
    # it, then the 18 pt bold title in another family. The reprint's boxes reach further up and
    # down than the letters: the logo's box and the title's stand less than twice the title's size
    # apart (here 27 pt), with the small label between them.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((116, 72.6), "entropy", fontname="tibi", fontsize=25)
    page.insert_text((76, 100), "Article", fontname="tiit", fontsize=10)
    page.insert_text((76, 118), "Context-Aware Generative Adversarial Privacy", fontname="hebo", fontsize=18)
    page.insert_text((77, 150), "Chong Huang, Peter Kairouz, Xiao Chen and Lalitha Sankar", fontname="hebo", fontsize=10)
    page.insert_text((97, 168), "School of Electrical Engineering, Arizona State University, USA",
                     fontname="tiro", fontsize=9)
    page.insert_text((82, 294), "Abstract:", fontname="tibo", fontsize=10)
    _lines(page, 126, 519, 294, 1)
    _lines(page, 82, 519, 306, 10)
    page.insert_text((77, 533), "1. Introduction", fontname="tibo", fontsize=10)
    _lines(page, 77, 519, 552, 20)
    paper = _parse(doc)
    assert paper.title == "Context-Aware Generative Adversarial Privacy", paper.title


def test_an_articles_kind_read_in_mixed_case_over_the_title_is_no_title():
    # Nature 2017 reprinted through cairo: the banner "LETTER" in 38 pt, drawn by a font with
    # capitals for lower-case codes, reads "lETTEr"; the 22 pt bold title under it.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((43, 70), "lETTEr", fontname="tiro", fontsize=38)
    page.insert_text((43, 128), "Evolutionary dynamics on any population structure", fontname="tibo", fontsize=22)
    page.insert_text((43, 146), "Benjamin Allen, Gabor Lippner, Yu-Ting Chen and Martin A. Nowak",
                     fontname="tiro", fontsize=9)
    _lines(page, 43, 296, 186, 20, size=9.5)
    _lines(page, 306, 560, 186, 50, size=9.5)
    paper = _parse(doc)
    assert paper.title == "Evolutionary dynamics on any population structure", paper.title


def test_a_word_of_a_title_in_capitals_parted_by_a_space_is_whole():
    # A 2001 report reprinted through cairo: its title in capitals, "BAY ESIANISM AND CAUSALITY",
    # read with a space where "AY" is kerned; the paper prints "Bayesianism" in its text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((230, 62), "JUDEA PEARL", fontname="tiro", fontsize=11)
    page.insert_text((112, 106), "BAY ESIANISM AND CAUSALITY, OR, WHY I AM", fontname="tiro", fontsize=13)
    page.insert_text((185, 124), "ONLY A HALF-BAYESIAN", fontname="tiro", fontsize=13)
    page.insert_text((224, 166), "1 INTRODUCTION", fontname="tiro", fontsize=9)
    page.insert_text((107, 188), "I turned to Bayesianism in 1971, as soon as I began reading the monograph.",
                     fontname="tiro", fontsize=9)
    _lines(page, 107, 431, 200, 40, size=9)
    paper = _parse(doc)
    assert paper.title == "BAYESIANISM AND CAUSALITY, OR, WHY I AM ONLY A HALF-BAYESIAN", paper.title


def test_an_abstract_label_level_with_a_side_columns_label_heads_the_abstract():
    # Taylor & Francis reprinted through cairo (no bookmark "Abstract" left): "ABSTRACT" in 7.5 pt
    # bold over the abstract's column, "ARTICLE HISTORY" in its type level with it over the margin
    # column of dates; both read as one block. The abstract was looked for without a label and the
    # names were taken for it.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((51, 115), "The impact of low input DNA on the reliability of DNA methylation", fontname="hebo", fontsize=14)
    page.insert_text((51, 150), "Sarah Holmes Watkins, Karen Ho, Christian Testa and Louise Falk", fontname="tiro", fontsize=10.5)
    page.insert_text((51, 204), "MRC Integrative Epidemiology Unit, Population Health Sciences, Bristol, UK",
                     fontname="tiro", fontsize=9)
    page.insert_text((63, 282), "ABSTRACT", fontname="hebo", fontsize=7.5)
    page.insert_text((453, 282), "ARTICLE HISTORY", fontname="hebo", fontsize=7.5)
    page.insert_text((63, 293), "DNA methylation is commonly assayed using the Illumina Infinium BeadChip but",
                     fontname="tiro", fontsize=9)
    _lines(page, 63, 437, 303, 8, size=9)
    for k, text in enumerate(("Received 8 February 2022", "Revised 22 August 2022", "Accepted 5 September 2022")):
        page.insert_text((453, 294 + 9 * k), text, fontname="tiro", fontsize=8)
    page.insert_text((51, 452), "Background", fontname="hebo", fontsize=11.5)
    _lines(page, 51, 290, 472, 20, size=11.5)
    _lines(page, 306, 545, 472, 20, size=11.5, start=7)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("DNA methylation is commonly assayed"), paper.abstract
