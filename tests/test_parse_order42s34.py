"""Reading order of the thirty-fourth split's pages (session 42), each drawn here with PyMuPDF."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import WORDS, _justified


def _prose(page, x: float, y: float, n: int, width: float, pitch: float, start: int = 0) -> float:
    """n lines of running text justified to `width` (LaTeX's columns), from baseline y; the next baseline."""
    k = start
    for _ in range(n):
        words = []
        while pymupdf.get_text_length(" ".join(words + [WORDS[k % len(WORDS)]]), fontname="tiro", fontsize=11) < width:
            words.append(WORDS[k % len(WORDS)])
            k += 1
        _justified(page, x, y, " ".join(words), x + width, size=11)
        y += pitch
    return y


def test_a_displays_piece_past_the_middle_does_not_join_the_other_columns_line():
    # ACL 2023: the left column's display "Lp = ... d(p1(yi|X, y<i), ..., pM(yi|X, y<i))," ends at x
    # 298.8, past the page's middle (297.6) and 7.3 pt short of the right column's "based on
    # Fairseq3." on a baseline 1.2 pt lower (the display shifted the left column's rows off the
    # right's). Joined into one line across the page, it parted the columns into bands: the right
    # column's "4.1 COGS" over it was read before the left column's "3.3 Training and Inference".
    doc = pymupdf.open()
    page = doc.new_page(width=595.3, height=841.9)
    page.insert_text((70.9, 80), "A Study of Consistency", fontname="tibo", fontsize=15)
    page.insert_text((70.9, 110), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(page, 70.9, 128, 40, width=220, pitch=13.55)
    page = doc.new_page(width=595.3, height=841.9)
    page.insert_text((70.9, 84), "3.2 Prediction Consistency", fontname="tibo", fontsize=11)
    y = _prose(page, 70.9, 104.6, 11, width=219, pitch=13.55)
    base = y + 20
    page.insert_text((70.9, base), "Lp =", fontname="tiro", fontsize=11)
    piece = "d(p1(yi|X, y<i), ..., pM(yi|X, y<i)),"
    page.insert_text((298.8 - pymupdf.get_text_length(piece, fontname="tiro", fontsize=11), base), piece,
                     fontname="tiro", fontsize=11)
    y = _prose(page, 70.9, base + 30, 12, width=219, pitch=13.55, start=90)
    page.insert_text((70.9, y + 16), "3.3 Training and Inference", fontname="tibo", fontsize=11)
    _prose(page, 70.9, y + 37, 14, width=219, pitch=13.55, start=200)
    # the right column: prose, "4.1 COGS", prose whose rows stand 1.2 pt under the left column's
    # display row
    r = _prose(page, 306.1, base + 1.2 - 13.55 * 12, 8, width=219, pitch=13.55, start=300)
    page.insert_text((306.1, r + 2), "4.1 COGS", fontname="tibo", fontsize=11)
    _prose(page, 306.1, base + 1.2, 30, width=219, pitch=13.55, start=400)
    doc.set_toc([])
    paper = _parse(doc)
    numbers = [s.number for s in paper.sections if s.number]
    assert "3.3" in numbers and "4.1" in numbers, numbers
    assert numbers.index("3.3") < numbers.index("4.1"), numbers
