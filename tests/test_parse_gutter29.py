"""Two columns a narrow gutter apart, off the page's middle, under a sidebar set in three columns across
the page's top (IEEE Internet Computing, 2002), on a PyMuPDF page drawn by the test itself: each column's
lines are read whole, never joined to the other column's across the gutter."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import _read_page

WORDS = ("the mapping system resolves a hostname based on the service requested user location and network "
         "status it also uses name servers for load balancing across data centers").split()
CHARS = 34  # a column's measure in characters of Courier (6 pt a character at 10 pt)


def _justified(count: int, start: int) -> list[str]:
    """`count` lines of exactly `CHARS` characters, the spaces between words widened to fill the measure."""
    out, k = [], start
    for _ in range(count):
        words: list[str] = []
        while len(" ".join(words + [WORDS[k % len(WORDS)]])) <= CHARS:
            words.append(WORDS[k % len(WORDS)])
            k += 1
        spare, gaps = CHARS - len(" ".join(words)), len(words) - 1
        text = ""
        for n, word in enumerate(words):
            text += word + (" " * (1 + spare // gaps + (1 if n < spare % gaps else 0)) if n < gaps else "")
        out.append(text)
    return out


def _page() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((264, 70), "Name Resolution", fontname="hebo", fontsize=13)
    page.draw_rect(pymupdf.Rect(56, 52, 556, 310), color=None, fill=(0.85, 0.9, 0.95))
    for x in (66, 244, 408):  # (the sidebar's three columns, 9 pt)
        y = 90
        for text in _justified(18, x):
            page.insert_text((x, y), text[:22], fontname="helv", fontsize=9)
            y += 12
    y = 350
    for left, right in zip(_justified(30, 0), _justified(30, 11)):
        page.insert_text((59, y), left, fontname="cour", fontsize=10)  # (59 to 263)
        page.insert_text((273, y), right, fontname="cour", fontsize=10)  # (a gutter of 10 pt)
        y += 12
    return doc.tobytes()


def test_columns_a_narrow_gutter_apart_under_a_three_column_sidebar_are_not_joined():
    # The sidebar's middle column covers the columns' gutter, their left column the sidebar's gaps:
    # no strip of the page's middle third is free, and the gutter was taken at the page's middle,
    # inside the right column. Lines of the left column ending 10 pt before the right column's
    # (a word space stretched by justification reaches 12 pt) were joined to them, row by row.
    with pymupdf.open(stream=_page(), filetype="pdf") as doc:
        lines = _read_page(doc[0], 0)[0]
    body = [ln for ln in lines if ln.y0 > 330]
    assert len(body) == 60
    assert not [ln.text for ln in body if ln.x0 < 263 and ln.x1 > 273]
