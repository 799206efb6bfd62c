"""Front matter of the seventeenth split's misses, each on a page drawn here: a variable in a math
font inside a title's line, a row of names under a title, a line naming the document's kind under
it, a journal's kind label in the title's own type, a publisher's download cover before the paper,
an outline that opens with the title under a larger kind banner, a drop capital whose box reaches
over its line, an abstract set in italic paragraphs, and an abstract whose first row lost its
spaces."""

from __future__ import annotations

import pymupdf
import pytest

from tests.test_parse_sent19 import _justified
from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 240.0,
           **more) -> float:
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def _two_columns(page, y: float, n: int = 40, size: float = 10.0) -> None:
    for x in (57, 310):
        _prose(page, x, y, n, size=size, pitch=size * 1.2, width=245, start=int(x))


def test_a_variable_in_a_math_font_does_not_part_a_title_s_lines():
    # Journal of Applied Probability 2013: "REGULAR PERTURBATION OF V-GEOMETRICALLY" over "ERGODIC
    # MARKOV CHAINS", both in 11 pt Times-Bold over 10 pt text, the V in a math font's bold italic:
    # the first line read as set in no one face, the title stopped at it.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    head = "REGULAR PERTURBATION OF "
    page.insert_text((57, 100), head, fontname="tibo", fontsize=11)
    x = 57 + pymupdf.get_text_length(head, "tibo", 11)
    page.insert_text((x, 100), "V", fontname="hebo", fontsize=11)
    x += pymupdf.get_text_length("V", "hebo", 11)
    page.insert_text((x, 100), "-GEOMETRICALLY", fontname="tibo", fontsize=11)
    page.insert_text((57, 113), "ERGODIC MARKOV CHAINS", fontname="tibo", fontsize=11)
    page.insert_text((78, 138), "DEBORAH FERRE, LOIC HERVE AND JAMES LEDOUX", fontname="tiro", fontsize=9)
    page.insert_text((280, 170), "Abstract", fontname="tibo", fontsize=9)
    _prose(page, 80, 185, 6, size=9, pitch=11, width=430, first="In this paper new conditions for the stability")
    page.insert_text((250, 270), "1. Introduction", fontname="tibo", fontsize=10)
    _prose(page, 57, 290, 40, width=480)
    paper = _parse(doc)
    assert paper.title == "REGULAR PERTURBATION OF V-GEOMETRICALLY ERGODIC MARKOV CHAINS"


def test_a_row_of_names_under_a_title_is_no_part_of_it():
    # STOC 1997: a 14.5 pt title of two lines over a row of names in 11 pt, each its own entry 30 pt
    # and more apart, a sixth name centred under them: a name alone in its line box read as the
    # title's subtitle, line after line.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((191, 81), "Consistent Hashing and Random Trees:", fontname="tiro", fontsize=14.5)
    page.insert_text((77, 99), "Distributed Caching Protocols for Relieving Hot Spots on the Web",
                     fontname="tiro", fontsize=14.5)
    for x, name in ((84, "David Karger"), (174, "Eric Lehman"), (261, "Tom Leighton"), (360, "Matthew Levine"),
                    (462, "Daniel Lewin")):
        page.insert_text((x, 126), name, fontname="tiro", fontsize=11)
    page.insert_text((269, 140), "Rina Panigrahy", fontname="tiro", fontsize=11)
    page.insert_text((54, 235), "Abstract", fontname="tibo", fontsize=9)
    _prose(page, 54, 250, 14, size=9, pitch=10, width=238, first="We describe a family of caching protocols for")
    page.insert_text((54, 420), "1 Introduction", fontname="tibo", fontsize=9)
    _prose(page, 54, 440, 25, size=9, pitch=10, width=238)
    _prose(page, 310, 235, 50, size=9, pitch=10, width=238, start=5)
    paper = _parse(doc)
    assert paper.title == "Consistent Hashing and Random Trees: Distributed Caching Protocols for Relieving Hot " \
                          "Spots on the Web"


def test_a_line_naming_the_document_s_kind_under_a_title_is_no_subtitle():
    # A CVPR-style tech report on arXiv: "Tech report" in 12 pt bold centred under the 14.5 pt bold
    # title, read as its subtitle ("...: Tech report").
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((112, 117), "Deformable Part Models are Convolutional Neural Networks", fontname="tibo",
                     fontsize=14.5)
    page.insert_text((268, 135), "Tech report", fontname="tibo", fontsize=12)
    page.insert_text((141, 173), "Ross Girshick     Forrest Iandola     Trevor Darrell", fontname="tiro", fontsize=12)
    page.insert_text((140, 240), "Abstract", fontname="tibo", fontsize=12)
    _prose(page, 50, 260, 14, size=10, pitch=12, width=240, font="tiit",
           first="Deformable part models and convolutional neural networks")
    page.insert_text((50, 450), "1. Introduction", fontname="tibo", fontsize=12)
    _prose(page, 50, 470, 20, width=240)
    _prose(page, 310, 240, 40, width=240, start=4)
    paper = _parse(doc)
    assert paper.title == "Deformable Part Models are Convolutional Neural Networks"


def _aip_article_page(page, label: bool) -> None:
    """The article's own first page: the journal's "ARTICLES" label in the title's 14 pt bold over
    it (or not), name, address, an abstract without a label, then "I. INTRODUCTION"."""
    if label:
        page.insert_text((52, 63), "ARTICLES", fontname="hebo", fontsize=14)
    page.insert_text((52, 93), "On the acceptance probability of replica-exchange Monte Carlo trials",
                     fontname="hebo", fontsize=14)
    page.insert_text((88, 112), "David A. Kofke", fontname="tiro", fontsize=10)
    page.insert_text((88, 122), "Department of Chemical Engineering, University at Buffalo, New York 14260",
                     fontname="tiit", fontsize=9)
    page.insert_text((88, 149), "(Received 27 June 2002; accepted 25 July 2002)", fontname="tiro", fontsize=10)
    _prose(page, 88, 167, 10, width=400, first="An analysis is presented of the average probability of accepting")
    page.insert_text((52, 328), "I. INTRODUCTION", fontname="hebo", fontsize=9.5)
    _prose(page, 52, 348, 34, width=245)
    _prose(page, 315, 328, 36, width=245, start=7)


def test_a_kind_label_in_the_title_s_own_type_is_no_part_of_the_title():
    # The Journal of Chemical Physics: "ARTICLES" in the 14 pt bold of the title under it.
    doc = pymupdf.open()
    _aip_article_page(doc.new_page(width=612, height=792), label=True)
    paper = _parse(doc)
    assert paper.title == "On the acceptance probability of replica-exchange Monte Carlo trials"


def test_a_publisher_s_download_cover_is_not_the_paper_s_first_page():
    # AIP's download cover: title, author, "Citation:", "View online:", "View Table of Contents:" and
    # "Articles you may be interested in" over related papers; the paper's abstract, without a label,
    # is on the next page.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((52, 110), "On the acceptance probability of replica-exchange Monte Carlo trials",
                     fontname="hebo", fontsize=12)
    page.insert_text((52, 125), "David A. Kofke", fontname="helv", fontsize=10)
    page.insert_text((52, 155), "Citation: The Journal of Chemical Physics 117, 6911 (2002)", fontname="helv", fontsize=10)
    page.insert_text((52, 170), "View online: http://dx.doi.org/10.1063/1.1507776", fontname="helv", fontsize=10)
    page.insert_text((52, 185), "View Table of Contents: http://scitation.aip.org/content/aip/journal/jcp/117/15",
                     fontname="helv", fontsize=10)
    page.insert_text((52, 230), "Articles you may be interested in", fontname="hebo", fontsize=10)
    for k in range(4):
        page.insert_text((52, 250 + 30 * k), f"Replica exchange Monte Carlo applied to hard spheres, part {k + 1}",
                         fontname="helv", fontsize=10)
        page.insert_text((52, 262 + 30 * k), f"J. Chem. Phys. 13{k}, 144107 (2009)", fontname="helv", fontsize=10)
    _aip_article_page(doc.new_page(width=612, height=792), label=False)
    paper = _parse(doc)
    assert paper.title == "On the acceptance probability of replica-exchange Monte Carlo trials"
    assert (paper.abstract or "").startswith("An analysis is presented of the average probability")


def test_an_outline_opening_with_the_title_under_a_larger_kind_banner():
    # Nature 2016: "ARTICLE" in 38 pt roman over the 28 pt bold title, which the PDF's outline opens
    # with; the title was kept as a section, the front matter looked for above it, and the banner
    # taken for the title. The abstract, in bold without a label, then the text in 9.5 pt.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((37, 64), "ARTICLE", fontname="tiro", fontsize=38)
    page.insert_text((37, 127), "Mastering the game of Go with deep", fontname="tibo", fontsize=28)
    page.insert_text((37, 156), "neural networks and tree search", fontname="tibo", fontsize=28)
    page.insert_text((37, 174), "David Silver, Aja Huang, Chris J. Maddison & Demis Hassabis", fontname="tiro", fontsize=9)
    _prose(page, 45, 235, 10, size=9.5, pitch=11.5, width=500, font="tibo",
           first="The game of Go has long been viewed as the most challenging of classic games")
    y = _prose(page, 37, 372, 20, size=9.5, pitch=10.5, width=254)
    # (a line in 10 pt the outline does not list, read into the block of the paragraph under it; the
    # paragraph's last line in 9 pt, an equation's symbols among its words)
    page.insert_text((37, y), "Policy networks in brief", fontname="tiro", fontsize=10)
    y = _prose(page, 37, y + 10.5, 6, size=9.5, pitch=10.5, width=254, start=20,
               first="Rollouts from the current position are cut short by the value network")
    page.insert_text((37, y), "x y z", fontname="tiro", fontsize=9)
    page.insert_text((300, y + 6), "Supervised learning of policy networks", fontname="tibo", fontsize=10)
    _prose(page, 300, y + 18, 14, size=9.5, pitch=10.5, width=254, start=9)
    page = doc.new_page(width=595, height=791)
    y = _prose(page, 37, 50, 20, size=9.5, pitch=10.5, width=254, start=11)
    page.insert_text((37, y + 6), "Reinforcement learning of policy networks", fontname="tibo", fontsize=10)
    _prose(page, 37, y + 18, 40, size=9.5, pitch=10.5, width=254, start=13)
    page.insert_text((300, 50), "Searching with policy and value networks", fontname="tibo", fontsize=10)
    _prose(page, 300, 62, 60, size=9.5, pitch=10.5, width=254, start=17)
    # (the title's entry points at the title's top, as InDesign's anchor does)
    doc.set_toc([[1, "Mastering the game of Go with deep neural networks and tree search", 1,
                  {"kind": pymupdf.LINK_GOTO, "page": 0, "to": pymupdf.Point(36, 98)}],
                 [2, "Supervised learning of policy networks", 1],
                 [2, "Reinforcement learning of policy networks", 2],
                 [2, "Searching with policy and value networks", 2]])
    paper = _parse(doc)
    assert paper.title == "Mastering the game of Go with deep neural networks and tree search"
    assert (paper.abstract or "").startswith("The game of Go has long been viewed")
    assert any("Rollouts from the current position are cut short by the value network" in p.text
               for s in paper.sections for p in s.paragraphs)


def test_a_drop_capital_whose_box_reaches_over_its_line_opens_its_word():
    # IEEE Signal Processing Magazine: a 78 pt "M" whose box reaches 3.6 pt over the first line
    # beside it, "ost current speech recognition systems use": the letter stood apart, the
    # paragraph read "ost current ...".
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((100, 60), "Deep Neural Networks for Acoustic Modeling", fontname="hebo", fontsize=24)
    page.insert_text((100, 90), "Geoffrey Hinton, Li Deng, Dong Yu, George E. Dahl", fontname="helv", fontsize=10)
    page.insert_text((36, 220), "M", fontname="tiro", fontsize=78)  # (its box's top level with the line's)
    x = 36 + pymupdf.get_text_length("M", "tiro", 78) - 3.6
    page.insert_text((x, 153), "ost current speech recognition systems use", fontname="tiro", fontsize=9)
    _prose(page, x, 165, 5, size=9, pitch=12, width=276 - x)
    _prose(page, 42, 245, 4, size=9, pitch=12, width=234)
    _prose(page, 292, 153, 12, size=9, pitch=12, width=234, start=3)
    page = doc.new_page(width=595, height=791)
    for x in (42, 292):
        _prose(page, x, 50, 55, size=9, pitch=12, width=234, start=x)
    paper = _parse(doc)
    text = " ".join([paper.abstract or ""] + [p.text for s in paper.sections for p in s.paragraphs])
    assert "Most current speech recognition systems use" in text
    assert "ost current" not in text.replace("Most current", "")


def test_an_abstract_set_in_italic_paragraphs_is_read_whole():
    # ASME 1960: an abstract without a label, in 9 pt italic paragraphs none 40 words long ("The
    # classical filtering ... New results are:", "(1) ...", "(2) ..."), beside the author's column;
    # the first paragraph long enough, the second item, was taken for the abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((234, 73), "A New Approach to Linear Filtering", fontname="hebo", fontsize=20)
    page.insert_text((234, 97), "and Prediction Problems", fontname="hebo", fontsize=20)
    page.insert_text((143, 109), "R. E. KALMAN", fontname="hebo", fontsize=12)
    page.insert_text((120, 128), "Baltimore, Md.", fontname="hebo", fontsize=7)
    paragraphs = [
        ["The classical filtering and prediction problem is re-examined using the Bode-Shannon",
         "representation of random processes and the state transition method of",
         "analysis of dynamic systems. New results are:"],
        ["(1) The formulation and methods of solution of the problem apply without modifica-",
         "tion to stationary and nonstationary statistics and to growing-memory and infinite-",
         "memory filters."],
        ["(2) A nonlinear difference (or differential) equation is derived for the covariance",
         "matrix of the optimal estimation error. From the solution of this equation the co-",
         "efficients of the difference equation of the optimal linear filter are obtained",
         "without further calculations."],
        ["(3) The filtering problem is shown to be the dual of the noise-free regulator problem."],
    ]
    y = 121
    for rows in paragraphs:  # (justified to 560, the last row of each ragged)
        for k, row in enumerate(rows):
            if k < len(rows) - 1:
                _justified(page, 248 if k == 0 else 234, y, row, 560, font="tiit", size=9)
            else:
                page.insert_text((248 if k == 0 else 234, y), row, fontname="tiit", fontsize=9)
            y += 10
    page.insert_text((156, 302), "Introduction", fontname="hebo", fontsize=12)
    _prose(page, 65, 326, 34, size=9, pitch=10, width=240)
    _prose(page, 318, 326, 36, size=9, pitch=10, width=240, start=5)
    page = doc.new_page(width=612, height=792)
    for x in (65, 318):
        _prose(page, x, 50, 60, size=9, pitch=10, width=240, start=x)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("The classical filtering and prediction problem is re-examined")
    assert "(2) A nonlinear difference" in paper.abstract


def test_an_abstract_row_run_together_is_spaced_again():
    # Springer 2016: the abstract's tight first row "Today, data is generated and consumed at unprece-"
    # set word by word 1.4 pt apart and no space character, read "Today,dataisgenerated...".
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((51, 100), "NoSQL database systems: a survey and decision guidance", fontname="hebo", fontsize=16)
    page.insert_text((51, 125), "Felix Gessert, Wolfram Wingerath, Steffen Friedrich", fontname="helv", fontsize=10)
    page.insert_text((51, 170), "Abstract", fontname="tibo", fontsize=10)
    x = 51 + pymupdf.get_text_length("Abstract", "tibo", 10) + 4
    for word in "Today, data is generated and consumed at unprece-".split():
        page.insert_text((x, 170), word, fontname="tiro", fontsize=10)
        x += pymupdf.get_text_length(word, "tiro", 10) + 1.4
    _prose(page, 51, 182, 7, width=240, first="dented scale. This has lead to novel approaches for scalable data")
    page.insert_text((51, 290), "1 Introduction", fontname="hebo", fontsize=10)
    _prose(page, 51, 310, 35, width=240)
    _prose(page, 305, 290, 35, width=240, start=3)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("Today, data is generated and consumed at unprecedented scale.")


def _stencil_rule(doc, page, rect: tuple, name: str) -> None:
    """A rule set as a 1-bit stencil image (an image mask painted black) whose box is `rect`, wider
    than the hairline it paints down its middle."""
    rows = bytes([0b00010000]) * 400  # (8 pixels a row, one of them painted)
    xref = doc.get_new_xref()
    doc.update_object(xref, "<< /Type /XObject /Subtype /Image /Width 8 /Height 400 /ImageMask true "
                            "/BitsPerComponent 1 /Decode [1 0] >>")
    doc.update_stream(xref, rows)
    kind, resources = doc.xref_get_key(page.xref, "Resources")
    if kind == "xref":
        doc.xref_set_key(int(resources.split()[0]), f"XObject/{name}", f"{xref} 0 R")
    else:
        doc.xref_set_key(page.xref, f"Resources/XObject/{name}", f"{xref} 0 R")
    x0, y0, x1, y1 = rect
    contents = page.get_contents()[-1]
    doc.update_stream(contents, doc.xref_stream(contents) +
                      f"\nq 0 0 0 rg {x1 - x0} 0 0 {y1 - y0} {x0} {page.rect.height - y1} cm /{name} Do Q\n".encode())


def _science_page(doc, panel: bool, rules: bool):
    """Science's first page: three columns 164 pt wide, the title and abstract across the first two
    (on a white panel, or not), the text under them, a figure across the page's foot under its
    caption, and stencil rules down both gutters (or not)."""
    page = doc.new_page(width=594, height=756)
    if panel:  # (with the white strips InDesign lays between the page's frames, down to the figure's)
        for box in ((37, 101, 379, 315), (37, 315, 379, 328), (393, 321, 557, 385), (201, 385, 215, 400),
                    (379, 385, 393, 400)):
            page.draw_rect(pymupdf.Rect(*box), color=None, fill=(1, 1, 1))
    page.insert_text((37, 125), "Human-level concept learning", fontname="tibo", fontsize=22)
    page.insert_text((37, 149), "through probabilistic program", fontname="tibo", fontsize=22)
    page.insert_text((37, 195), "Brenden M. Lake, Ruslan Salakhutdinov, Joshua B. Tenenbaum", fontname="tibo", fontsize=8)
    _prose(page, 37, 215, 10, size=8, pitch=10, width=340, font="helv",
           first="People learning new concepts can often generalize successfully from just a single example,")
    page.draw_rect(pymupdf.Rect(37, 315, 379, 315.5), color=None, fill=(0, 0, 0))
    _prose(page, 37, 335, 6, size=8, pitch=10, width=162, first="Despite remarkable advances in artificial")
    _prose(page, 215, 335, 6, size=8, pitch=10, width=162, start=5)
    _prose(page, 393, 335, 6, size=8, pitch=10, width=162, start=9)
    # (the figure on white grounds across the page, its caption under it on them too)
    page.draw_rect(pymupdf.Rect(37, 392, 557, 727), color=None, fill=(1, 1, 1))
    page.draw_rect(pymupdf.Rect(37, 405, 557, 714), color=None, fill=(1, 1, 1))
    for box in ((239, 414, 292, 508), (446, 570, 556, 614), (352, 450, 462, 538), (237, 605, 286, 665),
                (60, 420, 180, 560)):
        page.draw_rect(pymupdf.Rect(*box), color=None, fill=(0.6, 0.6, 0.6))
    page.draw_rect(pymupdf.Rect(352, 450, 557, 682), color=(0, 0, 0), width=0.5)
    page.insert_text((37, 692), "Fig. 1. People can learn rich concepts from limited data. A single example of a new "
                     "concept (red boxes) can be", fontname="tibo", fontsize=7.5)
    page.insert_text((37, 702), "enough information to support the classification of new examples, the generation of "
                     "new examples, and parsing", fontname="tiro", fontsize=7.5)
    page.insert_text((37, 712), "an object into parts and relations, and the generation of new concepts from related "
                     "concepts.", fontname="tiro", fontsize=7.5)
    if rules:
        _stencil_rule(doc, page, (202, 50, 214, 714), "Rule1")
        _stencil_rule(doc, page, (380, 50, 392, 714), "Rule2")
    page = doc.new_page(width=594, height=756)
    for x in (37, 215, 393):
        _prose(page, x, 56, 64, size=8, pitch=10, width=162, start=x)


@pytest.mark.parametrize("panel", [False, True])
def test_science_s_stencil_rules_and_white_panels_are_no_figure(panel):
    # Science 2015: its column rules are 1-bit image masks 12 pt wide down both gutters, into the
    # figure's white ground; taken into Figure 1's graphics, they made its box the whole page, and
    # page 1's text its labels. With the title and abstract on a white panel across two columns (a
    # sixth of the page's area), white strips joining it to the figure's ground, the panel did too.
    doc = pymupdf.open()
    _science_page(doc, panel=panel, rules=True)
    paper = _parse(doc)
    assert all(f.bbox[1] > 390 for f in paper.figures if f.page == 1)
    text = " ".join([paper.abstract or ""] + [p.text for s in paper.sections for p in s.paragraphs])
    assert "People learning new concepts can often generalize" in text
    assert "Despite remarkable advances in artificial" in text


def test_a_reference_heading_in_the_entries_small_type_opens_their_list():
    # Science 2015: "REFERENCES AND NOTES" in the entries' 6 pt roman, no heading by its type, right
    # over "1. B. Landau, ..."; read into the list's first block, the list of numbered entries was
    # not found, its block not opening with the label 1.
    doc = pymupdf.open()
    page = doc.new_page(width=594, height=756)
    page.insert_text((37, 70), "Human-level concept learning through probabilistic program induction",
                     fontname="tibo", fontsize=18)
    page.insert_text((37, 95), "Brenden M. Lake, Ruslan Salakhutdinov, Joshua B. Tenenbaum", fontname="tiro", fontsize=9)
    for x in (37, 215, 393):
        _prose(page, x, 130, 55, size=8, pitch=10, width=162, start=x)
    page = doc.new_page(width=594, height=756)
    _prose(page, 37, 56, 30, size=8, pitch=10, width=162, start=3)
    page.insert_text((37, 366), "REFERENCES AND NOTES", fontname="tiro", fontsize=6)
    y = 375
    for k in range(1, 31):
        page.insert_text((37, y), f"{k}.", fontname="tiro", fontsize=6)
        page.insert_text((47, y), f"A. Author{k}, B. Writer, Cogn. Dev. {k}, {100 + k}-{120 + k} (19{60 + k}).",
                         fontname="tiro", fontsize=6)
        y += 8
        if y > 700:
            break
    paper = _parse(doc)
    assert len(paper.references) >= 30
