"""Left-overs of the thirty-fourth session and the unmarked variant's misses, each shape drawn here
with PyMuPDF: a note's mark raised with the space after it, and a designed cover that names the
article printed after it."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_document
from tests.test_parse_sent19 import _prose as prose_lines


def _parse(doc):
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again)


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
