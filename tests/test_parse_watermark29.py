"""A watermark drawn as shapes ("UNCORRECTED PROOF" set in outlines, light, diagonal across the page)
behind the text of every page, on PyMuPDF pages drawn by the tests themselves: no figure of any page."""

from __future__ import annotations

import pymupdf

from pdf_pages import holds, lines as _lines

from paperkit.reading.parse import parse_document

ABSTRACT = ("We record the resting activity of a cortical network across many sessions and find that "
            "its correlations follow the anatomy of the barrels closely.")


def _watermark(page) -> None:
    """Light diagonal letters drawn as one filled path of many pieces from corner to corner, and a
    second, smaller word across the middle."""
    shape = page.new_shape()
    for k in range(14):  # (blocks stepping down from the top left to the bottom right)
        x, y = 10 + 42 * k, 45 + 50 * k
        shape.draw_polyline([(x, y + 30), (x + 30, y), (x + 38, y + 8), (x + 8, y + 38), (x, y + 30)])
    shape.finish(fill=(0.98, 0.78, 0.7), color=None, closePath=True)
    for k in range(6):
        x, y = 245 + 44 * k, 295 + 56 * k
        shape.draw_polyline([(x, y + 20), (x + 20, y), (x + 28, y + 8), (x + 8, y + 28), (x, y + 20)])
    shape.finish(fill=(0.98, 0.78, 0.7), color=None, closePath=True)
    shape.commit()


def _proof(pages: int = 4) -> bytes:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=612, height=792)
        _watermark(page)  # (drawn first: the text is set over it)
        top = 80
        if n == 0:
            page.insert_text((50, 70), "Resting Networks of the Barrel Cortex", fontname="tibo", fontsize=16)
            page.insert_text((50, 100), "Abstract", fontname="tibo", fontsize=11)
            y = 116
            for text in ("We record the resting activity of a cortical network across many sessions and",
                         "find that its correlations follow the anatomy of the barrels closely."):
                page.insert_text((50, y), text, fontname="tiro", fontsize=10)
                y += 12
            page.insert_text((50, y + 14), "1 Introduction", fontname="tibo", fontsize=12)
            top = y + 30
        _lines(page, 50, 296, top, int((740 - top) / 12), start=7 * n)
        _lines(page, 316, 562, top, int((740 - top) / 12), start=7 * n + 3)
    return doc.tobytes()


def test_a_watermark_drawn_behind_every_page_s_text_is_no_figure():
    # PLOS's proofs draw "UNCORRECTED PROOF" in light outlines across every page, behind the text:
    # the paths' box took in the whole page, which was read as one figure, its abstract and
    # running text lost in it.
    with pymupdf.open(stream=_proof(), filetype="pdf") as doc:
        paper = parse_document(doc)
    assert not paper.figures
    assert paper.abstract and "resting activity" in paper.abstract
    assert holds(paper, "the master keeps track of every task and its state during the whole computation of the job")

