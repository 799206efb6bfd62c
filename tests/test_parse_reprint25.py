"""Copies printed anew through another PDF library (cairo, as a browser's or a viewer's print to
PDF): what the printed page shows is read, not the names and flags that library leaves. Pages
drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import RUNNING, _line

from paperkit.reading.parse import parse_pdf


def _unnamed_bold() -> bytes:
    """Times Bold whose program no longer says it is bold (as cairo's re-embedded subsets): the CFF
    top dictionary's Weight points at "Regular" instead of "Bold", and its names are rewritten."""
    buffer = pymupdf.Font("tibo").buffer
    assert buffer.count(bytes([248, 20, 4])) == 1
    return buffer.replace(bytes([248, 20, 4]), bytes([248, 24, 4])).replace(b"Bold", b"Fett")


def _body(page, y: float, count: int, fontname: str, start: int = 0) -> tuple[float, int]:
    k = start
    for _ in range(count):
        text, k = _line(RUNNING, k, 468, 10)
        page.insert_text((72, y), text, fontname=fontname, fontsize=10)
        y += 12
    return y, k


def test_a_page_set_in_none_of_the_first_pages_fonts_shows_its_weights_in_its_glyphs(tmp_path):
    # A paper whose own pages name their weights ("Times-Bold") with a supplement joined on after
    # its references, printed anew: the supplement's fonts were embedded again under names that say
    # no weight (CM bold extended as "CairoFont-16-0"). Its headings, at the body's size, were read
    # as body text; the supplement ran on as the bibliography (9 of 28 sentences lost).
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Network models of chromatin domains", fontname="tibo", fontsize=16)
    y = 120.0
    k = 0
    for title in ("1. Introduction", "2. Methods"):
        page.insert_text((72, y), title, fontname="tibo", fontsize=10)
        y, k = _body(page, y + 16, 10, "tiro", k)
        y += 14
    for page_index in range(2):
        page = doc.new_page()
        page.insert_font(fontname="F6", fontbuffer=_unnamed_bold())
        page.insert_font(fontname="F7", fontbuffer=pymupdf.Font("tiro").buffer)
        y = 80.0
        for title in (("S1. Additional simulation results", "S2. Results on real data"),
                      ("S3. Comparison with other methods", "S4. Cell type specific domains"))[page_index]:
            page.insert_text((72, y), title, fontname="F6", fontsize=10)
            y, k = _body(page, y + 16, 10, "F7", k)
            y += 14
    path = tmp_path / "paper.pdf"
    doc.save(path)
    first = {font[3] for font in pymupdf.open(path).get_page_fonts(0)}
    later = {font[3] for font in pymupdf.open(path).get_page_fonts(1)}
    assert "Times-Bold" in first and not first & later, (first, later)
    titles = [s.title for s in parse_pdf(path).sections]
    assert any(t.endswith("Additional simulation results") for t in titles) and \
        any(t.endswith("Cell type specific domains") for t in titles), titles
