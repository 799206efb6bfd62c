"""Left-overs of the thirty-fourth session and the unmarked variant's misses, each shape drawn here
with PyMuPDF: a note's mark raised with the space after it, subheadings in the bold face of the
sections, plain subheadings under bold sections of the text's size, and a designed cover that names
the article printed after it."""

from __future__ import annotations

import pymupdf

from tests.test_parse_sent19 import _justified
from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _ended(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 470.0) -> float:
    """A paragraph of n running lines and a short last one ending its sentence; the next baseline."""
    y = prose_lines(page, x, y, n, size=size, pitch=pitch, width=width)
    page.insert_text((x, y), "and so the paragraph ends here.", fontname="tiro", fontsize=size)
    return y + 2 * pitch


def _raised_note(doc, page, y: float, mark: str, text: str) -> None:
    # Google Docs' note: the mark in 6 pt raised by the text's rise together with the space after
    # it, the note's words back on the baseline in that 10 pt span.
    page.insert_text((72, y), "x", fontname="helv", fontsize=10, render_mode=3)
    xref = page.get_contents()[-1]
    ops = f"q BT 1 0 0 1 72 {792 - y} Tm /helv 6 Tf 4.4 Ts ({mark}) Tj /helv 10 Tf ( ) Tj 0 Ts ({text}) Tj ET Q"
    doc.update_stream(xref, ops.encode())


def test_a_note_whose_mark_is_raised_with_the_space_after_it_is_a_footnote():
    # The span after the mark takes the raised space's origin, level with the mark's: the mark read
    # as set on the baseline, the notes "7 https://..." and "8 Such ..." were read into the text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "Are Blockchains Decentralized?", fontname="hebo", fontsize=20)
    page.insert_text((72, 110), "Introduction", fontname="hebo", fontsize=14)
    prose_lines(page, 72, 130, 30, font="helv", size=11, pitch=14, width=460)
    _raised_note(doc, page, 690, "7", "https://www.example.com/charts/pools")
    _raised_note(doc, page, 704, "8", "Such blockchains are technically linear bounded automata due to gas constraints.")
    paper = _parse(doc)
    marks = {f.mark: f.text for f in paper.footnotes}
    assert set(marks) == {"7", "8"}
    assert marks["8"].startswith("Such blockchains")
    body = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "charts/pools" not in body and "linear bounded" not in body


def test_subheadings_in_the_bold_face_of_the_sections_are_found_however_long_or_small():
    # BMC: sections in 10.5 pt sans semibold, subsections in 9 pt of that face beside the 10 pt
    # serif text, one wrapped over two lines; no bookmarks. A bold line under the text's size, or
    # one of nine words and more, was read as no heading.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((57, 80), "Epigenetic modelling of smokers", fontname="hebo", fontsize=20)
    y = 130
    for name, sub in (("Background", None), ("Results", "Classifier performance across the three validation cohorts"),
                      ("Methods", "Generating classification thresholds for smoking status")):
        page.insert_text((57, y), name, fontname="hebo", fontsize=10.5)
        y = _ended(page, 57, y + 16, 5) - 4
        if sub:
            page.insert_text((57, y), sub, fontname="hebo", fontsize=9)
            if name == "Methods":
                y += 11
                page.insert_text((57, y), "classification", fontname="hebo", fontsize=9)
            y = prose_lines(page, 57, y + 14, 5, size=10, pitch=12, width=470) + 8
    # (a paragraph's lead in that face at the page's foot, its sentence going on in lower case atop
    # the next page, heads nothing)
    y = _ended(page, 57, 700, 3)
    page.insert_text((57, y), "Automatic evaluators report low correlations with ground truth on", fontname="hebo", fontsize=9)
    page.insert_text((57, y + 11), "realistic system", fontname="hebo", fontsize=9)
    page = doc.new_page(width=595, height=842)
    _ended(page, 57, 80, 6)
    paper = _parse(doc)
    titles = [s.title for s in paper.sections]
    assert not any(t.startswith("Automatic evaluators") for t in titles)
    assert "Classifier performance across the three validation cohorts" in titles
    assert "Generating classification thresholds for smoking status classification" in titles
    assert "Background" in titles and "Methods" in titles


def test_plain_subheadings_under_bold_sections_of_the_texts_size():
    # Springer's journals: unnumbered sections in bold at the text's 9.5 pt ("Testing the REH"), their
    # subsections in its roman ("The Moving-Window Method"), a blank line over and under each; no
    # bookmarks. Only a paper with no heading else had its plain ones looked for.
    doc = pymupdf.open()
    page = doc.new_page(width=439, height=666)
    page.insert_text((47, 60), "Measuring Repeat and Near-Repeat Burglary Effects", fontname="tibo", fontsize=16)
    y = 100
    for name, subs in (("Introduction", ()), ("Testing the Hypothesis", ("The Moving-Window Method", "The Fixed-Window Method"))):
        page.insert_text((47, y), name, fontname="tibo", fontsize=9.5)
        y = _ended(page, 47, y + 24, 4, size=9.5, pitch=11.5, width=340) + 1
        for sub in subs:
            page.insert_text((47, y), sub, fontname="tiro", fontsize=9.5)
            y = _ended(page, 47, y + 24, 4, size=9.5, pitch=11.5, width=340) + 1
    paper = _parse(doc)
    titles = [s.title for s in paper.sections]
    assert "Testing the Hypothesis" in titles
    assert "The Moving-Window Method" in titles and "The Fixed-Window Method" in titles


def test_a_designed_cover_that_names_the_article_gives_way_to_the_title_over_its_abstract():
    # A whitepaper's cover: "Acme Technical Whitepaper" in 28 pt, the article's title in 7 pt bold
    # among its names and date; the article's page after it sets that title in 17 pt over the names
    # and "Abstract". The cover's large type was taken for the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((60, 300), "Acme", fontname="helv", fontsize=28)
    page.insert_text((60, 335), "Technical Whitepaper", fontname="helv", fontsize=28)
    page.insert_text((300, 560), "Acme: A New Internet for Decentralized Applications", fontname="hebo", fontsize=7)
    page.insert_text((300, 572), "Technical Whitepaper Version 1.1", fontname="helv", fontsize=7)
    page.insert_text((200, 560), "Muneeb Ali", fontname="helv", fontsize=7)
    page.insert_text((200, 572), "Jude Nelson", fontname="helv", fontsize=7)
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 120), "Acme: A New Internet for Decentralized Applications", fontname="tiro", fontsize=17)
    page.insert_text((200, 150), "Muneeb Ali     Jude Nelson", fontname="tiro", fontsize=12)
    page.insert_text((285, 200), "Abstract", fontname="tibo", fontsize=10)
    y = _ended(page, 110, 216, 6, width=390)
    page.insert_text((90, y + 6), "1 Introduction", fontname="tibo", fontsize=12)
    prose_lines(page, 90, y + 26, 20, size=11, pitch=13, width=430)
    paper = _parse(doc)
    assert paper.title == "Acme: A New Internet for Decentralized Applications"


def test_a_run_in_lead_in_the_headings_face_filling_its_line_is_no_subheading():
    # CVPR's paragraph head "FAO is very effective at optimizing the training problem" in the bold of
    # its headings, nine words filling the column's measure, its paragraph going on under it: the
    # layout's pass leaves it in its paragraph, and the rule of the headings' face must too.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((57, 80), "Epigenetic modelling of smokers", fontname="hebo", fontsize=20)
    y = 130
    for name in ("Background", "Results", "Methods"):
        page.insert_text((57, y), name, fontname="hebo", fontsize=10.5)
        y = _ended(page, 57, y + 16, 5) - 4
    lead = "Forest optimization is very effective at optimizing the training problem"
    page.insert_text((57, y + 4), lead, fontname="hebo", fontsize=10)
    right = 57 + pymupdf.get_text_length(lead, fontname="hebo", fontsize=10)
    words = ("the training and test error for forests under various initialization conditions random parameters "
             "or the first trees from a forest or bagged trees").split()
    y += 16
    for k in range(3):
        _justified(page, 57, y, " ".join(words[k * 5:(k + 1) * 5 + 3]), right, size=10)
        y += 12
    page.insert_text((57, y), "and so the paragraph ends here.", fontname="tiro", fontsize=10)
    assert [s.title for s in _parse(doc).sections] == ["Background", "Results", "Methods"]
