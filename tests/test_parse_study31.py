"""Shapes met on the thirty-first held-out split's papers, each on a page drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from tests.pdf_pages import reparse as _parse
from tests.test_parse_front import Page


def _sections(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections]


def test_unnumbered_headings_after_a_lone_first_subsection_are_its_siblings():
    # USENIX 2004: sections in 14 pt bold, subsections in 12 pt bold; "4 Evaluation" numbers only
    # its first subsection, "4.1 Setup", then goes on with "Beehive Performance" and "Flash Crowds"
    # in the same 12 pt bold, no number, till "5 Related Work": subsections of 4 beside 4.1, not
    # headings inside it. (Under "3.1" with a "3.2" after, an unnumbered heading in that type is
    # still a level below: ACL's \subsubsection*.)
    doc = pymupdf.open()
    page = Page(doc)
    page.line("3 Design", "tibo", 14)
    page.paragraph(repeat=1)
    page.line("3.1 Model", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("Estimation", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("3.2 Protocol", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("4 Evaluation", "tibo", 14)
    page.paragraph(repeat=1)
    page.line("4.1 Setup", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("Beehive Performance", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("Flash Crowds", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("5 Related Work", "tibo", 14)
    page.paragraph(repeat=1)
    assert _sections(_parse(doc)) == [
        ("3", "Design", 1), ("3.1", "Model", 2), (None, "Estimation", 3), ("3.2", "Protocol", 2),
        ("4", "Evaluation", 1), ("4.1", "Setup", 2), (None, "Beehive Performance", 2), (None, "Flash Crowds", 2),
        ("5", "Related Work", 1)]


def _row_in_pieces(page, y: float, pieces: list[tuple[str, str, float, float]], x: float = 72) -> float:
    """A row of inline math set in pieces: (text, font, size, baseline shift) each, left to right;
    returns the right end."""
    for text, font, size, shift in pieces:
        page.insert_text((x, y + shift), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text + " ", font, size)
    return x


def _row_to_the_edge(page, y: float, pieces: list[tuple[str, str, float, float]], last: str, tail: str,
                     right: float) -> None:
    """A row of inline math in pieces whose last piece, `last` in Symbol, and then `tail` (the next
    sentence's first word) in Helvetica end at the column's right edge."""
    _row_in_pieces(page, y, pieces)
    tail_x = right - pymupdf.get_text_length(tail, "helv", 10)
    _row_in_pieces(page, y, [(last, "symb", 10, 0)], x=tail_x - pymupdf.get_text_length(last, "symb", 10))
    page.insert_text((tail_x, y), tail, fontname="helv", fontsize=10)


def test_a_row_of_prose_whose_inline_formula_is_set_in_pieces_stays_in_its_paragraph(tmp_path):
    # AISTATS 2024: "... one single epoch, where" / "K = min_k {k ≥ 1 : k ∑_{t=0}^{k-1} ...} . Then" /
    # "we can have the objective function ...": the formula's big brace and its sum's limits are
    # lines of their own in the text layer, so the row came as pieces of a display: its last piece,
    # math and the next sentence's first word, ended a block, and "Then we can have ..." was cut in
    # two. So with "Denote v = (...)^-1 f(w). Due to" over "the bilevel optimization problem ...".
    # The row's first piece is flush left, its last at the column's right edge: a line of prose.
    from tests.test_parse_body import WORDS, _fill, _holds, _paragraphs, _parse
    from tests.pdf_pages import section_page
    doc, page = section_page()
    width = 440
    lines = _fill(WORDS * 3, width)[:-1]
    y = 110
    for line in lines:
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 12
    right = max(72 + pymupdf.get_text_length(line, "helv", 10) for line in lines)
    where = "the iterates from one to the last one construct"
    while 72 + pymupdf.get_text_length(where + " so epoch, where", "helv", 10) < right:
        where += " so"
    where += " epoch, where"
    page.insert_text((72, y), where, fontname="helv", fontsize=10)
    y += 12
    brace = [("K = min k {k > 1 : k S", "symb", 10, 0), ("k-1", "symb", 7, -6), ("t=0", "symb", 7, 4)]
    _row_to_the_edge(page, y, brace, "|x - x| > B}", " . Then", right)
    y += 12
    for line in ["we can have the objective function decrease with respect to each epoch when we run",
                 "the algorithm of the paper on the page."]:
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 12
    y += 2
    _row_to_the_edge(page, y, [("Denote v = (D", "symb", 10, 0), ("yy", "symb", 7, 4)], "g(w, y))D f(w, y)", ". Due to",
                     right)
    y += 14
    for line in ["the bilevel optimization problem we are considering we impose the following conditions",
                 "on the inexact gradient of the paper."]:
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 12
    paper = _parse(doc, tmp_path / "pieces.pdf")
    assert _holds(paper, "epoch, where"), _paragraphs(paper)
    assert _holds(paper, "Then we can have the objective function decrease"), _paragraphs(paper)
    assert _holds(paper, "Due to the bilevel optimization problem"), _paragraphs(paper)


def test_a_panels_caption_a_point_wider_than_its_drawing_goes_on_past_two_lines(tmp_path):
    # arXiv 2020 (chess boards): "(b) An example from No-castling(10) chess: The play tends to" / "be
    # slower and more strategic, to allow for later castling. Here," / "on the 11th move, Black
    # castles ..." under a board drawn a point narrower than the justified caption: its first two
    # lines went with the figure, the rest was read into the text.
    from tests.test_parse_body import WORDS, _fill, _paragraphs, _parse
    from tests.pdf_pages import section_page
    doc, page = section_page()
    y = 110
    for line in _fill(WORDS * 3, 440):
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 12
    top = y + 10
    caption = ["(b) An example from the second variant: The play tends to be",
               "slower and more strategic, to allow for any later moves. Here,",
               "on the eleventh move, Black castles at the very first chance",
               "White castles right after it as well."]
    # (justified: the first line at the drawing's side, the second a point past it)
    width = pymupdf.get_text_length(caption[0], "tiro", 9) - 0.3
    assert pymupdf.get_text_length(caption[1], "tiro", 9) > width + 0.8
    for x0 in (72, 318):
        page.draw_rect(pymupdf.Rect(x0, top, x0 + width, top + 150), color=(0, 0, 0), fill=(0.8, 0.8, 0.8))
    y = top + 162
    for line in caption:
        page.insert_text((318, y), line, fontname="tiro", fontsize=9)
        y += 10
    page.insert_text((72, top + 162), "(a) An example from the first variant of the game.", fontname="tiro", fontsize=9)
    y += 14
    page.insert_text((72, y), "Figure 1. Examples of themes that arise in the variants of the game.", fontname="tiro",
                     fontsize=9)
    y += 24
    for line in _fill(WORDS * 2, 440):
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 12
    paper = _parse(doc, tmp_path / "panels.pdf")
    text = " ".join(_paragraphs(paper))
    assert "castles" not in text and "eleventh move" not in text, _paragraphs(paper)
