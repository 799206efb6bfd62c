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


def _pdf(path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Signal Processing on Graphs in Practice", fontname="tibo", fontsize=16)
    page.insert_text((72, 110), "1 Introduction", fontname="tibo", fontsize=11)
    prose(page, 72, 300, 118, 300, size=9.5)
    prose(page, 312, 540, 96, 300, size=9.5)
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
