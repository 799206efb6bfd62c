"""Body sentences of the thirteenth held-out split: a supplement bound after the references whose
title is set no larger than its text, a figure's bold label on a line of its own over its caption,
and a journal's ISSN-and-fee line at the foot of a first page."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse

TITLE = "Network Modelling of Topological Domains Using Contact Data"
WORDS = ("the model assigns each node of the network to one of several communities and we estimate "
         "the probabilities of contact between them from the observed counts of reads in every bin").split()


def _prose(page, x: float, y: float, n: int, font: str = "tiro", size: float = 11.0, pitch: float = 13.0,
           width: float = 400.0, start: int = 0, first: str | None = None) -> float:
    """n lines of running text (no full stops) filling `width`; the first line may be given."""
    k = start
    for i in range(n):
        if i == 0 and first is not None:
            text = first
        else:
            words = []
            while pymupdf.get_text_length(" ".join(words + [WORDS[k % len(WORDS)]]), fontname=font, fontsize=size) < width:
                words.append(WORDS[k % len(WORDS)])
                k += 1
            text = " ".join(words)
        page.insert_text((x, y), text, fontname=font, fontsize=size)
        y += pitch
    return y


def _justified(page, x: float, y: float, text: str, right: float, font: str = "tiro", size: float = 8.1) -> None:
    """A line set justified: its words spread to end at `right`."""
    words = text.split()
    lengths = [pymupdf.get_text_length(w, fontname=font, fontsize=size) for w in words]
    gap = (right - x - sum(lengths)) / (len(words) - 1)
    for word, length in zip(words, lengths):
        page.insert_text((x, y), word, fontname=font, fontsize=size)
        x += length + gap


def _all_text(paper) -> str:
    return " ".join(p.text for s in paper.sections for p in s.paragraphs)


def test_a_supplements_title_in_the_texts_own_size_ends_the_bibliography():
    # AoAS (a supplement compiled on its own and bound after the paper): over a journal's small
    # "Submitted to ..." note, "SUPPLEMENTARY INFORMATION FOR “<TITLE>”" in bold capitals the size of
    # the text, then its text. It is no entry: the bibliography ends there, and the supplement's
    # sentences (one carried over its page) are the paper's text.
    doc = pymupdf.open()
    doc.set_metadata({"title": TITLE})
    page = doc.new_page(width=486, height=720)
    page.insert_text((60, 80), TITLE, fontname="tibo", fontsize=14)
    page.insert_text((60, 120), "1. Introduction", fontname="tibo", fontsize=11)
    y = _prose(page, 60, 140, 12)
    page.insert_text((60, y + 10), "Here the introduction ends.", fontname="tiro", fontsize=11)
    page = doc.new_page(width=486, height=720)
    page.insert_text((60, 80), "REFERENCES", fontname="tiro", fontsize=11)
    for k, entry in enumerate(("BICKEL, P. J. and CHEN, A. (2009). A nonparametric view of network models. Proc. Natl. Acad. Sci. USA.",
                               "DIXON, J. R. et al. (2012). Topological domains in mammalian genomes. Nature 485 376-380.")):
        page.insert_text((60, 100 + 22 * k), entry[:70], fontname="tiro", fontsize=9)
        page.insert_text((72, 110 + 22 * k), entry[70:], fontname="tiro", fontsize=9)
    page = doc.new_page(width=612, height=792)
    page.insert_text((110, 95), "Submitted to the Annals of Applied Statistics", fontname="tiit", fontsize=6)
    page.insert_text((130, 136), "SUPPLEMENTARY INFORMATION FOR \u201cNETWORK MODELLING OF", fontname="tibo", fontsize=11)
    page.insert_text((130, 150), "TOPOLOGICAL DOMAINS USING CONTACT DATA\u201d", fontname="tibo", fontsize=11)
    y = _prose(page, 110, 190, 6, first="We used a simulation framework to create artificial datasets where")
    y = _prose(page, 110, y + 8, 30, start=3, first="Our simulations consist of three steps and")
    page = doc.new_page(width=612, height=792)
    y = _prose(page, 110, 80, 3, start=5)
    page.insert_text((110, y), "with its own counts.", fontname="tiro", fontsize=11)
    y = _prose(page, 110, y + 21, 4, start=9, first="We compute an analogous computation for pairs of nodes not")
    page.insert_text((110, y), "sharing a domain.", fontname="tiro", fontsize=11)
    paper = _parse(doc)
    text = _all_text(paper)
    assert "We used a simulation framework to create artificial datasets" in text
    assert "We compute an analogous computation for pairs of nodes not" in text
    assert not any("simulation framework" in r or "analogous computation" in r for r in paper.references)
    # the sentence carried over the page is one paragraph's
    assert any(p.text.startswith("Our simulations consist") and p.text.endswith("with its own counts.")
               for s in paper.sections for p in s.paragraphs)


def test_a_figures_bold_label_on_its_own_line_leads_its_caption_and_the_sentence_goes_on_past_it():
    # MIT Press (Computational Linguistics): "Figure 1" in bold on a line of its own, flush with the
    # image's left edge under it, the caption on the lines under the label in the captions' smaller
    # type. The label and those lines are the caption; a sentence cut at the page before the
    # figure goes on after it.
    doc = pymupdf.open()
    doc.set_metadata({"title": "Last Words on Deep Learning"})
    page = doc.new_page(width=486, height=720)
    page.insert_text((54, 80), "Last Words on Deep Learning", fontname="tibo", fontsize=14)
    page.insert_text((54, 120), "1. The Deep Learning Tsunami", fontname="tibo", fontsize=10)
    y = _prose(page, 54, 140, 40, size=10, pitch=12, width=380)
    page.insert_text((54, y), "For example, in Figure 1, they show how the meaning of the word cell changed from being",
                     fontname="tiro", fontsize=10)
    page = doc.new_page(width=486, height=720)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    pix.clear_with(200)
    page.insert_image(pymupdf.Rect(50, 64, 266, 232), pixmap=pix)
    page.insert_text((50, 243), "Figure 1", fontname="tibo", fontsize=9)
    page.insert_text((50, 253), "Trend in the meaning of cell, shown by its cosine similarity to four other words",
                     fontname="tiro", fontsize=9)
    page.insert_text((50, 263), "over time (where 1.0 represents maximal similarity).", fontname="tiro", fontsize=9)
    page.insert_text((50, 311), "close in meaning to closet and dungeon to being close in meaning to phone.",
                     fontname="tiro", fontsize=10)
    _prose(page, 50, 335, 10, size=10, pitch=12, width=380, first="These more scientific uses of distributed "
           "representations characterize the previous boom in")
    paper = _parse(doc)
    figure = next(f for f in paper.figures if f.number == "1")
    assert figure.caption.startswith("Trend in the meaning of cell")
    assert any("they show how the meaning of the word cell changed from being close in meaning to closet" in p.text
               for s in paper.sections for p in s.paragraphs)
    assert "Trend in the meaning" not in _all_text(paper)


def test_a_journals_issn_and_fee_line_at_a_first_pages_foot_is_no_paragraph():
    # IEEE (3B2): "0018-9219/$26.00 ©2010 IEEE" in small type at the foot of the first page's right
    # column, its "©" a glyph with no text. It is the publisher's line, no text: the sentence cut
    # above it goes on on the next page.
    doc = pymupdf.open()
    doc.set_metadata({"title": "Computational Methods for Sparse Solution"})
    page = doc.new_page(width=612, height=792)
    page.insert_text((48, 70), "Computational Methods for Sparse Solution", fontname="tibo", fontsize=20)
    page.insert_text((48, 110), "1. Introduction", fontname="tibo", fontsize=11)
    for x in (48, 306):
        y = _prose(page, x, 130 if x == 48 else 110, 40 if x == 48 else 46, size=10, pitch=12, width=220)
    page.insert_text((306, y), "Section I-A describes formulations of sparse", fontname="tiro", fontsize=10)
    page.insert_text((398, 762), "0018-9219/$26.00 2010 IEEE", fontname="tiro", fontsize=9)
    page = doc.new_page(width=612, height=792)
    page.insert_text((52, 80), "approximation problems and the algorithms that solve them.", fontname="tiro", fontsize=10)
    _prose(page, 52, 104, 30, size=10, pitch=12, width=220, start=4, first="Section II provides additional detail "
           "about the")
    paper = _parse(doc)
    assert any("Section I-A describes formulations of sparse approximation problems and the algorithms" in p.text
               for s in paper.sections for p in s.paragraphs)
    assert "0018-9219" not in _all_text(paper)


def test_an_abstract_set_off_the_middle_beside_a_sidebar_leaves_the_columns_under_it_at_the_middle():
    # Elsevier's first page: the article-info sidebar at the left, the abstract beside it from a
    # third of the way in, and under them the text in two columns split at the middle, the left one
    # a few lines over the footnotes. The abstract's left edge is no column split for the text:
    # the left column's lines stay whole, read before the right column.
    doc = pymupdf.open()
    doc.set_metadata({"title": "Approximate Nearest Neighbor Search on Small World Graphs"})
    page = doc.new_page(width=544, height=743)
    page.insert_text((37, 90), "Approximate Nearest Neighbor Search on Small World Graphs", fontname="tiro", fontsize=13.5)
    page.insert_text((37, 120), "Yury Malkov, Alexander Ponomarenko, Andrey Logvinov", fontname="tiro", fontsize=11)
    page.insert_text((37, 180), "Keywords:", fontname="tiit", fontsize=6.5)
    for k, word in enumerate(("Similarity search", "Nearest neighbor", "Small world", "Distributed data structure")):
        page.insert_text((37, 190 + 9 * k), word, fontname="tiro", fontsize=6.5)
    page.insert_text((197, 180), "a b s t r a c t", fontname="tiro", fontsize=7)
    y = _prose(page, 197, 195, 16, size=7.5, pitch=9.5, width=305)
    page.insert_text((197, y), "of the dataset is visited.", fontname="tiro", fontsize=7.5)
    page.insert_text((37, 562), "1. Introduction", fontname="tibo", fontsize=8)
    # (justified, each line filling the column to the middle)
    _justified(page, 49, 583, "The scalability of any software system is always limited by the", 258)
    _justified(page, 37, 594, "scalability of all its own data structures. Massively distributed", 258)
    _justified(page, 37, 604, "systems like BitTorrent or Skype are all based on the distributed", 258)
    page.insert_text((37, 650), "Corresponding author at: The Institute of Applied Physics.", fontname="tiro", fontsize=6.5)
    page.insert_text((37, 677), "0306-4379/$ - see front matter 2013 Elsevier Ltd. All rights reserved.", fontname="tiro", fontsize=6.5)
    page.insert_text((282, 562), "hash tables. While the latter structures have good scalability,", fontname="tiro", fontsize=8.1)
    page.insert_text((282, 573), "their search functionality is limited to the exact matching.", fontname="tiro", fontsize=8.1)
    _prose(page, 282, 583, 8, size=8.1, pitch=10.4, width=220, first="This limitation arises because small changes "
           "in an element")
    page = doc.new_page(width=544, height=743)
    _prose(page, 37, 80, 50, size=8.1, pitch=10.4, width=220)
    paper = _parse(doc)
    assert any("The scalability of any software system is always limited by the scalability of all its own data "
               "structures." in p.text
               for s in paper.sections for p in s.paragraphs)
