"""Titles and abstracts read as the page prints them: a label set in the margin beside the abstract,
a template's notice above the title, a title centred double-spaced off the page's middle, a column's
label over the title, and Elsevier's band of article info beside the abstract over two columns.
Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from tests.pdf_pages import reparse as _parse

ABSTRACT = ("A new generation of open and disaggregated networks enables many vendors to take part in the "
            "market while the attack surface grows with every interface that the new design opens to the "
            "world and the operators must learn how to defend each of these interfaces in turn with care "
            "so that the whole system stays safe for the many users who rely on it every day").split()


def _set(page, x0: float, x1: float, y: float, words: list[str], size: float = 10, pitch: float = 12,
         font: str = "tiro") -> float:
    """The words set flush left from x0, lines no wider than x1 - x0, from baseline y; the next baseline."""
    line = ""
    for word in words:
        if line and pymupdf.get_text_length(f"{line} {word}", fontname=font, fontsize=size) > x1 - x0:
            page.insert_text((x0, y), line, fontname=font, fontsize=size)
            y, line = y + pitch, word
        else:
            line = f"{line} {word}".strip()
    page.insert_text((x0, y), line, fontname=font, fontsize=size)
    return y + pitch


def _centred_on(page, axis: float, y: float, text: str, font: str, size: float) -> None:
    width = pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.insert_text((axis - width / 2, y), text, fontname=font, fontsize=size)


def test_an_abstract_label_set_in_the_margin_beside_its_first_line_is_a_run_in_label():
    # IEEE's open journals: "ABSTRACT" in bold sans at the margin, the abstract's first line
    # indented beside it on its baseline, the rest at the margin; the label was no label, and the
    # affiliations over it were taken for an unlabelled abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((73, 120), "Attacking Open Interfaces: Threat Modeling and Practice", fontname="hebo", fontsize=20)
    page.insert_text((73, 160), "PAU BAGUER, GIRMA YILMA, AND ESTEBAN MUNICIO", fontname="hebo", fontsize=10)
    page.insert_text((73, 185), "1AI-Driven Systems, i2CAT Foundation, 08034 Barcelona, Spain", fontname="helv", fontsize=7)
    _set(page, 73, 540, 193.5, ("CORRESPONDING AUTHOR: E. MUNICIO (e-mail: esteban.municio@example.net) This work "
                                "was supported in part by the European Commission through the Green Networks Project under "
                                "Grant 101097083; in part by the Open Origin Project under Grant 101139270; in part by "
                                "the Spanish Ministry of Economic Affairs and Digital Transformation and the Union "
                                "through the Framework of the Recovery Plan, Transformation and Resilience under "
                                "Grant TSI-063000-2021-3; and in part by the CERCA Programme from the Generalitat "
                                "under Grant 952622.").split(), size=7, pitch=8.5, font="helv")
    first = "A new generation of open and disaggregated networks enables many vendors"
    page.insert_text((130, 260), first, fontname="tiro", fontsize=10)
    _set(page, 73, 503, 272, ABSTRACT[11:])
    page.insert_text((142, 340), "5G, denial-of-service attacks, security.", fontname="tiro", fontsize=10)
    # (the labels drawn after the text: each read as a line of its own)
    page.insert_text((73, 260), "ABSTRACT", fontname="hebo", fontsize=9)
    page.insert_text((73, 340), "INDEX TERMS", fontname="hebo", fontsize=9)
    page.insert_text((37, 400), "I. INTRODUCTION", fontname="hebo", fontsize=9)
    _lines(page, 37, 282, 415, 20)
    _lines(page, 294, 539, 400, 20, start=7)
    paper = _parse(doc)
    assert paper.abstract and paper.abstract.startswith("A new generation of open"), paper.abstract


def test_a_notice_printed_above_the_title_is_no_unlabelled_abstract():
    # An INFORMS submission: the template's notice in 10 pt under the running head, above the
    # title; the abstract, without a label, in 9 pt under the names. The notice, the first long
    # paragraph of page 1, was taken for the abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 60), "Submitted to Operations Research manuscript", fontname="tiro", fontsize=12)
    _set(page, 90, 520, 90, ("Authors are encouraged to submit new papers to INFORMS journals by means of a "
                             "style file template, which includes the journal title. However, use of a template "
                             "does not certify that the paper has been accepted for publication in the named "
                             "journal. Templates are for submitting only and should not be used to distribute "
                             "the papers in print or online.").split(), size=10)
    _centred_on(page, 306, 170, "A Robust Spectral Clustering Algorithm", "tibo", 20)
    _centred_on(page, 306, 200, "Prateek R. Srivastava", "tiro", 11)
    _centred_on(page, 306, 212, "Department of Statistics, University of Texas at Austin", "tiit", 8)
    _set(page, 110, 500, 240, ("We consider the problem of clustering datasets in the presence of arbitrary "
                               "outliers and show that our algorithm recovers the clusters whenever they are "
                               "well separated, with guarantees that hold for every sub-gaussian mixture, and "
                               "experiments on real data confirm that the method is robust in practice as well "
                               "as in theory").split(), size=9, pitch=11)
    page.insert_text((90, 320), "1. Introduction", fontname="tibo", fontsize=13)
    _lines(page, 90, 520, 340, 25, size=11)
    paper = _parse(doc)
    assert paper.abstract and paper.abstract.startswith("We consider the problem of clustering"), paper.abstract


def test_a_title_centred_off_the_middle_and_double_spaced_goes_on_to_its_last_line():
    # A Springer Nature preprint: the 17 pt roman title in four lines 2.15 sizes apart, each centred
    # on one axis 20 pt left of the page's middle (the margins are not even); only its first line
    # was taken for the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    title = ["Computer Assisted Verbal Autopsy: Comparing", "Large Language Models to Physicians for",
             "Assigning Causes to 6939 Deaths in Sierra Leone", "from 2019-2022"]
    for k, text in enumerate(title):
        _centred_on(page, 286, 157 + 37 * k, text, "tiro", 17.2)
    _centred_on(page, 286, 304, "Richard Wen, Andy Lee, Patrick Brown", "tiro", 12)
    _centred_on(page, 286, 320, "Centre for Global Health Research, Toronto, Canada.", "tiro", 10.9)
    _centred_on(page, 286, 360, "Abstract", "tibo", 9)
    _set(page, 124, 447, 376, ABSTRACT, size=9, pitch=11)
    page.insert_text((124, 470), "1 Background", fontname="tibo", fontsize=12)
    _lines(page, 124, 447, 490, 20, size=10.9)
    paper = _parse(doc)
    assert paper.title == " ".join(title), paper.title


def test_a_columns_label_a_size_over_the_title_is_no_title():
    # MIT Press's Computational Linguistics: "Last Words" in 17 pt bold over the 16 pt bold title of
    # two lines, further above it than the title's lines stand apart; the label, the largest type
    # of the page, was taken for the title.
    doc = pymupdf.open()
    page = doc.new_page(width=486, height=720)
    page.insert_text((54, 64), "Last Words", fontname="tibo", fontsize=16.9)
    page.insert_text((54, 98), "Computational Linguistics and", fontname="tibo", fontsize=15.9)
    page.insert_text((54, 118), "Deep Learning", fontname="tibo", fontsize=15.9)
    page.insert_text((54, 160), "Christopher D. Manning", fontname="tiro", fontsize=12)
    page.insert_text((54, 174), "Stanford University", fontname="tiro", fontsize=10)
    page.insert_text((54, 215), "1. The Deep Learning Tsunami", fontname="tibo", fontsize=10)
    _lines(page, 54, 436, 239, 30)
    paper = _parse(doc)
    assert paper.title == "Computational Linguistics and Deep Learning", paper.title


def test_elseviers_info_band_beside_the_abstract_is_read_before_the_columns_under_it():
    # Elsevier: the keywords in a narrow column beside the abstract (split a third of the way in),
    # the text in two even columns under them, page 1's first column short. Read by the band's
    # split, the first column's lines ran across it: the introduction came before the abstract,
    # which was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=544, height=743)
    page.insert_text((37, 175), "Approximate nearest neighbor algorithm based on navigable", fontname="tiro", fontsize=13.7)
    page.insert_text((37, 192), "small world graphs", fontname="tiro", fontsize=13.7)
    page.insert_text((37, 213), "Yury Malkov, Alexander Ponomarenko, Andrey Logvinov", fontname="tiro", fontsize=10.8)
    page.insert_text((37, 241), "a The Institute of Applied Physics, Nizhny Novgorod, Russia", fontname="tiit", fontsize=6.5)
    page.insert_text((37, 249), "b MERA Labs LLC, Nizhny Novgorod, Russia", fontname="tiit", fontsize=6.5)
    for k, text in enumerate(["Keywords:", "Similarity search", "k-Nearest neighbor", "Navigable small world",
                              "Distributed data structure"]):
        page.insert_text((37, 341 + 8.6 * k), text, fontname="tiro", fontsize=6.5)
    _set(page, 197, 503, 329, ABSTRACT * 4, size=7.3, pitch=9.6)
    page.insert_text((37, 569), "1. Introduction", fontname="tibo", fontsize=8)
    _lines(page, 37, 258, 590, 10, size=8.1)
    _lines(page, 282, 503, 569, 12, size=8.1, start=5)
    paper = _parse(doc)
    assert paper.abstract and paper.abstract.startswith("A new generation of open"), paper.abstract
