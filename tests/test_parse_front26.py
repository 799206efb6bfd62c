"""Front matter of the sixteenth split's misses, each on a page drawn here: Elsevier's ruled panel
labels over the article info and the abstract, a repository's cover sheet before the paper, a
banner naming the article's kind over its title, and a 1974 reprint whose left column holds the
title and an abstract without a heading beside the introduction's column."""

from __future__ import annotations

import pymupdf

from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, size: float = 8.0, pitch: float = 10.0, width: float = 240.0,
           **more) -> float:
    """n lines of running text (no full stops) filling `width`, in smaller type by default."""
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def _rule(page, x0: float, x1: float, y: float) -> None:
    page.draw_rect(pymupdf.Rect(x0, y, x1, y + 0.6), color=None, fill=(0, 0, 0))


ABSTRACT = "This paper reports on a curriculum called New Tech designed for young people who read"


def _elsevier_first_page(doc, one_column: bool) -> None:
    """Title, names, the ruled band of spaced labels over the article info (left) and the abstract
    (from a third of the way in), its first lines right under the band's lower rule; then the text
    in two columns, or across the page (Physica A)."""
    page = doc.new_page(width=595, height=794)
    page.insert_text((34, 60), "Contents lists available at ScienceDirect", fontname="tiro", fontsize=8)
    page.insert_text((34, 80), "journal homepage: www.elsevier.com/locate/childyouth", fontname="tiro", fontsize=8)
    page.insert_text((34, 178), "How to integrate digital media into a drop-in for homeless young people",
                     fontname="tiro", fontsize=13.5)
    page.insert_text((34, 218), "David G. Hendry, Jill Palzkill Woelfer, Rowena Harper", fontname="tiro", fontsize=10.5)
    _rule(page, 34, 553, 252)
    page.insert_text((34, 275), "a r t i c l e   i n f o", fontname="tiro", fontsize=9)
    page.insert_text((198, 275), "a b s t r a c t", fontname="tiro", fontsize=9)
    _rule(page, 34, 167, 284)
    _rule(page, 198, 553, 284)
    for k, text in enumerate(("Article history:", "Received 7 July 2010", "Received in revised form 19 November 2010",
                              "Accepted 22 November 2010", "Available online 29 November 2010")):
        page.insert_text((34, 294 + 8.5 * k), text, fontname="tiro", fontsize=6.4)
    _prose(page, 198, 294, 14, size=7.2, pitch=9.6, width=350, first=ABSTRACT)
    if one_column:
        page.insert_text((41, 460), "1. Introduction", fontname="tibo", fontsize=8.5)
        _prose(page, 41, 482, 18, size=8.5, pitch=10.2, width=466)
        page = doc.new_page(width=595, height=794)
        _prose(page, 41, 60, 30, size=8.5, pitch=10.2, width=466, start=7)
        return
    page.insert_text((34, 461), "1. Introduction", fontname="tibo", fontsize=8)
    _prose(page, 34, 481, 20, width=250)
    _prose(page, 302, 461, 27, width=250, start=3)
    # (the notes across the page's foot, in smaller type: Biomedical Signal Processing and Control 2025)
    page.insert_text((34, 745), "Received 29 March 2025; Received in revised form 22 August 2025; Accepted 29 November "
                     "2025; Available online 3 December 2025", fontname="tiro", fontsize=7)
    page = doc.new_page(width=595, height=794)
    for x in (34, 302):
        _prose(page, x, 60, 60, width=250, start=x)


def test_ruled_panel_labels_over_an_elsevier_abstract_are_no_figure():
    # Elsevier (Children and Youth Services Review 2011): "a r t i c l e  i n f o" and "a b s t r a c t"
    # stand between two rules across the page; taken for a figure, the band swallowed the abstract's
    # first line under it, and with the abstract's own left edge fewer lines' than the right column's,
    # the history's lines ran into the abstract's.
    doc = pymupdf.open()
    _elsevier_first_page(doc, one_column=False)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith(ABSTRACT)
    assert "Received" not in paper.abstract


def test_a_heading_under_the_article_info_is_read_after_the_abstract():
    # Physica A 2013: the text runs across the page under the band; its "1. Introduction" stands under
    # the article info's narrow column, and is read after the abstract beside that column, so the
    # introduction's paragraph still runs on over the page.
    doc = pymupdf.open()
    _elsevier_first_page(doc, one_column=True)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith(ABSTRACT)
    intro = next(s for s in paper.sections if s.title == "Introduction")
    assert len(intro.paragraphs) == 1  # (the page's last line goes on at the top of the next)


def test_a_repository_cover_sheet_is_not_the_paper_s_first_page():
    # ResearchGate's cover sheet prints the record's title, which may differ from the paper's own.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((40, 78), "See discussions, stats, and author profiles for this publication at: "
                     "https://www.researchgate.net/publication/283843223", fontname="tiro", fontsize=6)
    page.insert_text((40, 105), "Agent oriented modelling of tactical decision making", fontname="tiro", fontsize=13.5)
    page.insert_text((40, 130), "Article - January 2015", fontname="tiro", fontsize=6.5)
    page.insert_text((40, 780), "All content following this page was uploaded by John Thangarajah on 14 June 2016.",
                     fontname="tiro", fontsize=6)
    page = doc.new_page(width=595, height=842)
    page.insert_text((33, 178), "A framework for modelling tactical decision-making in autonomous systems",
                     fontname="tiro", fontsize=13.5)
    page.insert_text((33, 215), "Rick Evertsz, John Thangarajah, Nitin Yadav", fontname="tiro", fontsize=10.5)
    page.insert_text((33, 260), "Abstract", fontname="tibo", fontsize=10)
    _prose(page, 33, 280, 8, width=520, first="There is an increasing need for autonomous systems that decide")
    page.insert_text((33, 380), "1. Introduction", fontname="tibo", fontsize=10)
    _prose(page, 33, 400, 30, width=520)
    paper = _parse(doc)
    assert paper.title == "A framework for modelling tactical decision-making in autonomous systems"
    assert (paper.abstract or "").startswith("There is an increasing need")


def test_a_banner_naming_the_article_s_kind_over_the_title_is_no_title():
    # Nature's reviews: "REVIEW" in 38 pt roman capitals over the 28 pt bold title "Deep learning".
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((37, 70), "REVIEW", fontname="tiro", fontsize=38)
    page.insert_text((37, 128), "Deep learning", fontname="tibo", fontsize=28)
    page.insert_text((37, 150), "Yann LeCun, Yoshua Bengio & Geoffrey Hinton", fontname="tiro", fontsize=9)
    _prose(page, 45, 190, 7, size=9.3, pitch=10.5, width=500, font="tibo",
           first="Deep learning allows computational models that are composed of multiple layers")
    for x in (37, 300):
        _prose(page, x, 280, 40, size=9.3, pitch=10.5, width=254, start=x)
    paper = _parse(doc)
    assert paper.title == "Deep learning"


def test_a_title_and_abstract_in_the_left_column_beside_the_introduction():
    # CACM 1974, reprinted through FrameMaker: each column on a white frame the page's height; the
    # left one holds the title (24 pt, two lines), the names, and under a rule an abstract in bold
    # without a heading; "1. Introduction" heads the right column at the top of the page.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for x0, x1 in ((76.5, 315), (333, 571.5)):
        page.draw_rect(pymupdf.Rect(x0, 35, x1, 728), color=None, fill=(1, 1, 1))
    _rule(page, 76.5, 315, 102)
    page.insert_text((77, 122), "The UNIX Time-", fontname="tiro", fontsize=24)
    page.insert_text((77, 146), "Sharing System", fontname="tiro", fontsize=24)
    page.insert_text((77, 175), "Dennis M. Ritchie and Ken Thompson", fontname="tiro", fontsize=13.9)
    page.insert_text((77, 192), "Bell Laboratories", fontname="tiro", fontsize=13.9)
    _rule(page, 76.5, 315, 284)
    _prose(page, 77, 294, 12, size=10, pitch=12.5, width=230, font="tibo",
           first="UNIX is a general-purpose, multi-user, interactive")
    _rule(page, 76.5, 315, 571)
    page.insert_text((333, 42), "1. Introduction", fontname="tibo", fontsize=10)
    _prose(page, 333, 62, 53, size=10, pitch=12.5, width=236)
    page = doc.new_page(width=612, height=792)
    for x in (77, 333):
        _prose(page, x, 42, 55, size=10, pitch=12.5, width=236, start=x)
    paper = _parse(doc)
    assert paper.title == "The UNIX Time-Sharing System"
    assert (paper.abstract or "").startswith("UNIX is a general-purpose, multi-user, interactive")
