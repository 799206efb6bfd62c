"""A page whose text runs in two columns above a reference list set in three (a journal's last
page): the band of two columns is read column by column, not row by row across both."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import holds, prose

LEFT = ("The spectral methods described in the previous sections rely on a basis that is computed once "
        "for every graph before any signal is processed. Such a basis captures the smooth variation of "
        "signals over the vertices and lends itself to filtering, sampling and compression of the data. "
        "While these papers mostly address the analysis of shapes, neural networks can also be extended "
        "to many other signals in irregular domains such as social networks and brain connectomes.")
RIGHT = ("Given the significant differences between the spectral properties of graphs, there is strong "
         "current interest in developing tools that take into account the characteristics of specific "
         "classes of graphs. On the application front, the methods are a good match for data sets that "
         "exhibit irregular relationships between samples which can be captured by a graph. Finally, it "
         "is worth mentioning that many of the tools described here are available in several toolboxes.")


def _wrap(page, text: str, x0: float, x1: float, y: float, size: float = 9.5) -> float:
    words, line = text.split(), ""
    for word in words:
        if line and pymupdf.get_text_length(f"{line} {word}", fontname="tiro", fontsize=size) > x1 - x0:
            page.insert_text((x0, y), line, fontname="tiro", fontsize=size)
            y, line = y + size * 1.2, word
        else:
            line = f"{line} {word}".strip()
    page.insert_text((x0, y), line, fontname="tiro", fontsize=size)
    return y + size * 1.2


def _first_page():
    """A document whose first page holds a title and two columns of text."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Signal Processing on Graphs in Practice", fontname="tibo", fontsize=16)
    page.insert_text((72, 110), "1 Introduction", fontname="tibo", fontsize=11)
    prose(page, 72, 300, 118, 300, size=9.5)
    prose(page, 312, 540, 96, 300, size=9.5)
    return doc


def _pdf(path) -> None:
    doc = _first_page()
    page = doc.new_page(width=612, height=792)
    _wrap(page, LEFT, 72, 300, 72)
    _wrap(page, RIGHT, 312, 540, 72)
    page.insert_text((72, 250), "REFERENCES", fontname="tibo", fontsize=9)
    y0, n = 266, 1
    for x0 in (72, 231, 390):
        y = y0
        for _ in range(14):
            y = _wrap(page, f"[{n}] A. Author and B. Writer, \u201cA study of graphs number {n},\u201d "
                            f"IEEE Trans. Signal Process., vol. {n}, pp. 1\u201310, 2015.", x0, x0 + 140, y, size=8)
            y += 2
            n += 1
    doc.save(path)


def test_two_columns_above_three_read_column_by_column(tmp_path):
    path = tmp_path / "stacked.pdf"
    _pdf(path)
    paper = parse_pdf(path)
    for text in (LEFT, RIGHT):
        for sentence in text.split(". "):
            assert holds(paper, sentence.rstrip(".")), sentence


BIO_LEFT = ("Ada Lovelace received the degree in mathematics from the University of London in 1835. She "
            "has been a professor of analytical engines since then, and her research interests include "
            "programs for the engine, the notation of its operations and the tables it computes for us.")
BIO_RIGHT = ("Charles Babbage received the degree in mathematics from the University of Cambridge in 1814. "
             "He designed the difference engine and the analytical engine, and his research interests "
             "include the calculation of tables, the theory of machines and the economy of manufactures.")


def _entry(page, n: int, x0: float, x1: float, y: float) -> float:
    """A reference whose label stands at x0 and whose later lines, justified to x1, hang 16 pt in (IEEE)."""
    page.insert_text((x0, y), f"[{n}] A. Author and B. Writer,", fontname="tiro", fontsize=8)
    text = (f"\"A study of graphs of number {n} and others,\" IEEE Trans. Signal Process., vol. {n}, "
            f"pp. 1\u201310, 2015.")
    page.insert_textbox(pymupdf.Rect(x0 + 16, y + 2.4, x1, y + 2.4 + 4 * 9.6), text, fontname="tiro",
                        fontsize=8, lineheight=1.2, align=pymupdf.TEXT_ALIGN_JUSTIFY)
    return y + 3 * 9.6 + 11.6


def test_three_columns_above_two_read_each_in_turn(tmp_path):
    # A journal's last page: the references' end in three columns, each label hanging left of its
    # entry's lines, then the authors' biographies in two columns under them.
    doc = _first_page()
    page = doc.new_page(width=612, height=792)
    n = 1
    for x0, x1 in ((72, 214), (222, 364), (372, 514)):
        y = 72.0
        for _ in range(7):
            y = _entry(page, n, x0, x1, y)
            n += 1
    page.insert_text((72, 470), "ABOUT THE AUTHORS", fontname="tibo", fontsize=9)
    _wrap(page, BIO_LEFT, 72, 300, 486)
    _wrap(page, BIO_RIGHT, 312, 540, 486)
    path = tmp_path / "stacked_under.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert [entry.split("]")[0] for entry in paper.references] == [f"[{k}" for k in range(1, n)], paper.references
    assert all(f"number {k} and others" in entry for k, entry in enumerate(paper.references, 1)), paper.references
    for text in (BIO_LEFT, BIO_RIGHT):
        for sentence in text.split(". "):
            assert holds(paper, sentence.rstrip(".")), sentence
