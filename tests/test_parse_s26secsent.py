"""Sections and sentences of the twenty-sixth split: a paragraph's last line repeated at a column's
foot, a heading over a drop capital, a heading set after a page of floats, a heading whose word
spaces were lost, a list's number hung into a narrow gutter."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import holds, lines, paragraphs


def _two_columns(page, y0: float, y1: float, start: int = 0) -> int:
    y, k = lines(page, 50, 290, y0, int((y1 - y0) / 12), start=start)
    _, k = lines(page, 320, 560, y0, int((y1 - y0) / 12), start=k)
    return k


def test_paragraph_tail_repeated_at_a_column_foot_is_text(tmp_path):
    """ "them." ends the left column at one height on two pages of five: no running foot."""
    doc = pymupdf.open()
    for n in range(5):
        page = doc.new_page(width=612, height=792)
        page.insert_text((280, 40), f"Journal of Examples {n + 1}", fontname="tiro", fontsize=7)
        y, k = lines(page, 50, 290, 72, 52, start=n * 7)
        if n in (1, 3):
            # (the line over the tail is the paper's own sentence, other words on each page: ral16)
            over = "the method and bring modifications to overcome" if n == 1 else "the model and add a few changes to overcome"
            page.insert_text((50, y), over, fontname="tiro", fontsize=10)
            page.insert_text((50, y + 12), "them.", fontname="tiro", fontsize=10)
        lines(page, 320, 560, 72, 50 if n in (1, 3) else 54, start=k)
    path = tmp_path / "tail.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    # (page 2's paragraph runs on from page 1's, with no title over it, into the title's guess)
    assert holds(paper, "the model and add a few changes to overcome them.")


def _paragraph(page, x0: float, x1: float, y: float, count: int, start: int) -> tuple[float, int]:
    """An indented first line, `count` lines of running text, a short last line ending its sentence."""
    page.insert_text((x0 + 10, y), "The goal of this section is to find out the limits of", fontname="tiro", fontsize=10)
    y, k = lines(page, x0, x1, y + 12, count, start=start)
    page.insert_text((x0, y), "the method on the data.", fontname="tiro", fontsize=10)
    return y + 12, k


def _centred(page, x0: float, x1: float, y: float, text: str) -> None:
    width = pymupdf.get_text_length(text, fontname="tiro", fontsize=10)
    page.insert_text((x0 + (x1 - x0 - width) / 2, y), text, fontname="tiro", fontsize=10)


def test_plain_heading_over_a_drop_capital(tmp_path):
    """IEEEtran journal: "I. INTRODUCTION" centred in the text's plain type over a paragraph that opens
    on a drop capital, flush left: a heading, not the paragraph's first words."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "A Title of the Paper in Large Type", fontname="tiro", fontsize=22)
    _centred(page, 49, 300, 394.9, "I. INTRODUCTION")
    page.insert_text((49, 424), "A", fontname="tibo", fontsize=28.7)
    page.insert_text((71.2, 409.9), "UTONOMOUS mobile robots navigating in unknown", fontname="tiro", fontsize=10)
    page.insert_text((71.2, 421.9), "environments have an intrinsic need to perform", fontname="tiro", fontsize=10)
    y, k = lines(page, 49, 300, 433.9, 10)
    page.insert_text((49, y), "the method on the data.", fontname="tiro", fontsize=10)
    _paragraph(page, 49, 300, y + 12, 12, k)
    y, k = _paragraph(page, 312, 563, 80, 20, k)
    page.insert_text((312, y + 6), "II. RELATED WORK", fontname="tiro", fontsize=10)
    _paragraph(page, 312, 563, y + 21, 20, k)
    page2 = doc.new_page(width=612, height=792)
    for x0, heads in ((49, ("III. CLOSED-FORM SOLUTION", "IV. LIMITATIONS")), (312, ("V. EXPERIMENTS", "VI. CONCLUSION"))):
        y = 60
        for head in heads:
            page2.insert_text((x0, y + 10), head, fontname="tiro", fontsize=10)
            y, k = _paragraph(page2, x0, x0 + 251, y + 25, 12, k)
            y, k = _paragraph(page2, x0, x0 + 251, y, 12, k)
    path = tmp_path / "dropcap.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    heads = [(s.number, s.title) for s in paper.sections]
    assert ("I", "INTRODUCTION") in heads, heads
    assert holds(paper, "AUTONOMOUS mobile robots navigating in unknown environments")


def test_bookmarked_heading_after_a_page_of_floats(tmp_path):
    """hyperref left the anchor at the foot of page 1; a page holding only a figure comes between; the
    heading is printed atop page 3 and found there."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((56, 70), "1 Introduction", fontname="hebo", fontsize=12)
    lines(page, 56, 556, 90, 52)
    page = doc.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(100, 80, 500, 600), color=(0, 0, 0), fill=(0.7, 0.8, 0.9))
    page.insert_text((56, 630), "Figure 1. A drawing on a page of its own, with its caption under it.",
                     fontname="tiro", fontsize=10)
    page = doc.new_page(width=612, height=792)
    page.insert_text((56, 75), "2 Learning the networks from data", fontname="hebo", fontsize=10)
    lines(page, 56, 556, 95, 40, start=9)
    page = doc.new_page(width=612, height=792)
    page.insert_text((56, 75), "3 Results", fontname="hebo", fontsize=12)
    lines(page, 56, 556, 95, 40, start=3)
    doc.set_toc([[1, "Introduction", 1], [1, "Learning the networks from data", 1], [1, "Results", 4]])
    path = tmp_path / "floatpage.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    heads = [(s.number, s.title) for s in paper.sections]
    assert ("2", "Learning the networks from data") in heads


def test_heading_words_set_apart_without_spaces(tmp_path):
    """VLDB: "APPENDIX A:LOADANDPBS STALENESS" in the text layer, its words set 0.13 em apart with
    no space character: the heading's words are parted as printed."""
    doc = pymupdf.open()
    k = 0
    for n, head in enumerate(("1. INTRODUCTION", "2. THE METHOD", "3. CONCLUSION")):
        page = doc.new_page(width=612, height=792)
        page.insert_text((54, 80), head, fontname="tibo", fontsize=12)
        y, k = _paragraph(page, 54, 298, 100, 20, k)
        y, k = _paragraph(page, 54, 298, y, 20, k)
        y, k = _paragraph(page, 318, 562, 80, 24, k)
        y, k = _paragraph(page, 318, 562, y, 24, k)
    page = doc.new_page(width=612, height=792)
    y, k = _paragraph(page, 54, 298, 80, 20, k)
    x, size = 54.0, 12.0
    for word in ("APPENDIX", " A:", "LOAD", "AND", "PBS", "STALENESS"):
        if word.startswith(" "):
            x += pymupdf.get_text_length(" ", fontname="tibo", fontsize=size)
            word = word.strip()
        page.insert_text((x, y + 20), word, fontname="tibo", fontsize=size)
        x += pymupdf.get_text_length(word, fontname="tibo", fontsize=size) + 0.13 * size
    _paragraph(page, 54, 298, y + 40, 10, k)
    path = tmp_path / "lostspaces.pdf"
    doc.save(path)
    with pymupdf.open(path) as saved:  # (the text layer glues the words the gaps part)
        assert "LOADANDPBS" in saved[3].get_text()
    paper = parse_pdf(path)
    titles = [(s.number, s.title) for s in paper.sections]
    assert ("A", "LOAD AND PBS STALENESS") in titles, titles


def test_list_number_hung_into_a_narrow_gutter(tmp_path):
    """Google Docs: the right column's "6." stands 5 pt right of the left column's last word, its item a
    tab further on: the left column's sentence goes on down its own column, unbroken."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 66), "1. IMPLEMENTATION DETAILS", fontname="tibo", fontsize=11)
    last = "collective decision-making on all file downloads and deletions."
    right = 72 + pymupdf.get_text_length(last, fontname="tiro", fontsize=9)
    y, k = lines(page, 72, right + 0.5, 84, 30, size=9)
    page.insert_text((72, y), "and the file statistics exchange for", fontname="tiro", fontsize=9)
    page.insert_text((72, y + 10.8), last, fontname="tiro", fontsize=9)
    page.insert_text((72, y + 21.6), "The backend and frontend components work together well.", fontname="tiro", fontsize=9)
    lines(page, 72, right + 0.5, y + 32.4, 10, size=9, start=k)
    # (the right column: prose 9.5 pt right of the left column's edge, then a list whose numbers hang
    # 4.5 pt left of the prose, one of them level with the sentence's last line)
    _, k = lines(page, right + 9.5, 540, 84, 30, size=9, start=k + 3)
    page.insert_text((right + 9.5, y), "in terms of data availability, reliability, and accountability.", fontname="tiro", fontsize=9)
    page.insert_text((right + 5, y + 10.8), "6.", fontname="tiro", fontsize=9)
    page.insert_text((right + 23, y + 10.8), "Real-world Deployments and Testing: Real-world", fontname="tiro", fontsize=9)
    page.insert_text((right + 23, y + 21.6), "deployments of the proposed solution can be conducted.", fontname="tiro", fontsize=9)
    lines(page, right + 9.5, 540, y + 32.4, 10, size=9, start=k)
    path = tmp_path / "gutterlabel.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "and the file statistics exchange for collective decision-making on all file downloads and "
                        "deletions. The backend and frontend components work together well.")


def test_a_running_foot_of_two_lines_is_no_paragraph_tail(tmp_path):
    """Elsevier's citation foot on every page, its second line in lower case under a longer first
    line that ends no sentence: both lines are furniture, as the same foot's first line is."""
    doc = pymupdf.open()
    for n in range(5):
        page = doc.new_page(width=612, height=792)
        _two_columns(page, 72, 700, start=n * 7)
        page.insert_text((50, 740), "Please cite this article in press as: A. Author, et al., Working together with young",
                         fontname="tiro", fontsize=8)
        page.insert_text((50, 750), "people and adults, Journal of Examples (2010)", fontname="tiro", fontsize=8)
    path = tmp_path / "foot.pdf"
    doc.save(path)
    text = " ".join(paragraphs(parse_pdf(path)))
    assert "Journal of Examples" not in text and "Please cite" not in text
