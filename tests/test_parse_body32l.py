"""Body text read faithfully (session 32, left helper): each layout fact on pages drawn here."""

from __future__ import annotations

import pymupdf

from pdf_fonts import show, type3_font
from pdf_pages import holds, lines as _lines

from paperkit.reading.parse import _page_lines, parse_document



def test_a_symbol_of_a_type3_font_scaled_by_its_matrix_stays_in_its_row():
    # SIGGRAPH 2000 (Distiller): the math symbols come from Type 3 fonts whose matrix carries the
    # scale, set at 0.12 pt: "... matching those of ∂Ω; and (4.) The small" in 9 pt Times. The
    # symbol's own width sized it 12 pt and the row was cut in three lines at it, each read apart.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    font = type3_font(doc, page, {64: "at"}, name="T7", scale=0.075, advance=550)
    omega = type3_font(doc, page, {10: "Omega"}, name="T8", scale=0.075, advance=730)
    page.insert_text((150, 60), "Image Inpainting", fontname="tibo", fontsize=18)
    page.insert_text((318, 88), "1 Introduction", fontname="tibo", fontsize=11)
    _lines(page, 54, 294, 100, 50, size=9, start=3)
    y, k = _lines(page, 318, 558, 100, 12, size=9)
    page.insert_text((318, y), "lines, are filled with color, matching those of", fontname="tiro", fontsize=9)
    x = 318 + pymupdf.get_text_length("lines, are filled with color, matching those of ", fontname="tiro", fontsize=9)
    show(doc, page, font, 0.12, [(x, y, "@")])
    show(doc, page, omega, 0.12, [(x + 5.4, y, "\\012")])
    page.insert_text((x + 12, y), "; and (4.) The small", fontname="tiro", fontsize=9)
    _lines(page, 318, 558, y + 10, 12, size=9, start=k)
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        row = [ln for ln in _page_lines(again[0], 0) if "matching" in ln.text]
    assert len(row) == 1 and row[0].size == 9.0, [(ln.text, ln.size) for ln in row]
    assert row[0].text.startswith("lines, are filled with color, matching those of @") and \
        row[0].text.endswith("; and (4.) The small"), row[0].text


def test_an_inline_sum_with_limits_keeps_its_row_and_paragraph_whole():
    # STOC 1996 (FrameMaker): "age is 1/N ∑_{i=1}^{N} α_i . As a result of the operation D, the" in a
    # 10 pt paragraph: the fraction's digits and bar, the 18 pt sum, its limits and the α each a line
    # of their own, set between the row's two halves 41 pt apart; the limits push the next row down.
    # The pieces were read after the row and the paragraph was cut under it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 60), "A fast quantum mechanical algorithm for database search", fontname="tibo", fontsize=14)
    page.insert_text((72, 100), "1 Introduction", fontname="tibo", fontsize=12)
    y, k = _lines(page, 72, 297, 120, 8, size=10)
    page.insert_text((72, y), "i.e. if a be the amplitude in the state, then the aver-", fontname="tiro", fontsize=10)
    base = y + 22
    page.insert_text((72, base), "age is", fontname="tiro", fontsize=10)
    page.insert_text((103.5, base - 3.6), "1", fontname="tiro", fontsize=10)
    page.insert_text((102.2, base + 2), "N---", fontname="tiro", fontsize=10)
    page.insert_text((115.7, base - 12.2), "N", fontname="tiro", fontsize=8)
    page.insert_text((112.1, base + 5.8), "\u2211", fontname="symb", fontsize=18)
    page.insert_text((110.5, base + 16.8), "i = 1, ..., n", fontname="tiro", fontsize=8)
    page.insert_text((148, base), ". As a result of the operation D, the", fontname="tiro", fontsize=10)
    page.insert_text((72, base + 28), "amplitude in each state increases (decreases) so that", fontname="tiro", fontsize=10)
    _lines(page, 72, 297, base + 40, 20, size=10, start=k)
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        paper = parse_document(again)
    assert holds(paper, "As a result of the operation D, the amplitude in each state increases (decreases) so that"), \
        [p.text for s in paper.sections for p in s.paragraphs]


def test_a_column_of_references_hung_past_their_labels_is_read_apart_from_the_text_beside_it():
    # CACM 1990 (Distiller): the text column from 90 to 315 pt, the references' column from 333,
    # their labels at its edge ("[Knu73]", a line of their own) and their lines hung at 378: the
    # split at the hang cut the labels' lines across, and the text's first rows were read with the
    # references beside them.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 70), "Skip Lists: A Probabilistic Alternative to Balanced Trees", fontname="tibo", fontsize=14)
    page.insert_text((90, 100), "INTRODUCTION", fontname="tibo", fontsize=10)
    _lines(page, 90, 315, 115, 55, size=9)
    _lines(page, 333, 558, 115, 55, size=9, start=5)
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 72), "somewhat awkward to make applicative, a probabilistically", fontname="tiro", fontsize=9)
    page.insert_text((90, 83), "balanced tree scheme is used.", fontname="tiro", fontsize=9)
    page.insert_text((90, 101), "RELATED WORK", fontname="tibo", fontsize=10)
    _lines(page, 90, 315, 113, 40, size=9)
    y = 72
    for label, entry in (("[BLL86]", ["Bentley, J., F. T. Leighton and M. F. Lepley,", "A Randomized Data Structure For Ordered", "Sets, Technical Memo 297, May 1986."]),
                         ("[Knu73]", ["Knuth, D. Sorting and Searching, The Art of", "Computer Programming, Vol. 3, Addison-Wesley", "Publishing Company, 1973."]),
                         ("[PMP90]", ["Papadakis, Thomas, Ian Munro and Patricio", "Exact Analysis of Expected Search Cost in", "Skip Lists, Dept. of Computer Science, 1990."]),
                         ("[PT89]", ["Pugh, W. and T. Teitelbaum, Incremental", "Computation via Function Caching, Proc. of", "the Sixteenth conference on Principles."])):
        page.insert_text((333, y), label, fontname="tiro", fontsize=8)
        for text in entry:
            page.insert_text((378, y), text, fontname="tiro", fontsize=8)
            y += 10
        y += 1
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        paper = parse_document(again)
    assert holds(paper, "somewhat awkward to make applicative, a probabilistically balanced tree scheme is used."), \
        [p.text[:120] for s in paper.sections for p in s.paragraphs]
