"""An image painted fully transparent over a page (its soft mask all zero) is no ink: a PDF
editor's invisible layer stretched over the text area of every page but the first (a reader's
highlighter tool did this to a CVPR 2015 paper). Read as a drawing, it joined the page's figure and
made the whole page that figure, its running text lost."""

from __future__ import annotations

import re

import pymupdf

from paperkit.reading.ink import page_marks
from paperkit.reading.parse import parse_pdf
from pdf_pages import WORDS
from pdf_pages import column as _column
from pdf_pages import fill as _fill

def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _layer(alpha: int) -> pymupdf.Pixmap:
    """A 100-pixel square of white with a soft mask of `alpha` everywhere."""
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 100, 100), 1)
    pixmap.clear_with(255)
    pixmap.set_alpha(bytes([alpha]) * (100 * 100))
    return pixmap


def _paper(path, alpha: int):
    """Two pages of two-column prose; page 2 has a small figure atop its right column, its caption
    under it, and over the text area a 100-pixel image stretched 612 by 612 pt, its mask `alpha`."""
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    first.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    _column(first, _fill(WORDS * 6, 230), 72, 110)
    _column(first, _fill(WORDS * 6, 230), 320, 110)
    page = doc.new_page(width=612, height=792)
    left = [f"Left column sentence {i} says that {' '.join(WORDS[:12])}." for i in range(8)]
    _column(page, _fill(" ".join(left).split(), 230), 72, 90)
    page.draw_rect(pymupdf.Rect(330, 80, 540, 200), color=(0, 0, 0), fill=(0.6, 0.7, 0.9))
    page.insert_text((330, 215), "Figure 1: A drawing of boxes.", fontname="helv", fontsize=9)
    right = [f"Right column sentence {i} tells how {' '.join(WORDS[6:18])}." for i in range(6)]
    _column(page, _fill(" ".join(right).split(), 230), 320, 240)
    page.insert_image(pymupdf.Rect(0, 90, 612, 702), pixmap=_layer(alpha))
    doc.save(path)
    return parse_pdf(path)


def _text(paper) -> str:
    return _key(" ".join(p.text for s in paper.sections for p in s.paragraphs))


def test_a_fully_transparent_image_over_the_page_leaves_its_text_running_text(tmp_path):
    paper = _paper(tmp_path / "unseen.pdf", alpha=0)
    text = _text(paper)
    assert _key("Left column sentence 5 says that") in text
    assert _key("Right column sentence 4 tells how") in text
    figure = [f for f in paper.figures if f.number == "1"]
    assert figure and figure[0].bbox is not None and figure[0].bbox[1] > 70 and figure[0].bbox[3] < 230


def test_a_transparent_image_is_no_mark_but_a_seen_one_is(tmp_path):
    for alpha, seen in ((0, False), (255, True)):
        doc = pymupdf.open()
        page = doc.new_page(width=612, height=792)
        page.insert_image(pymupdf.Rect(0, 90, 612, 702), pixmap=_layer(alpha))
        doc.save(tmp_path / f"layer{alpha}.pdf")
        with pymupdf.open(tmp_path / f"layer{alpha}.pdf") as again:
            marks = page_marks(again[0])
            assert any(kind == "fill-image" for kind, *_ in marks) is seen
            assert len(marks.image_pixels) == sum(kind == "fill-image" for kind, *_ in marks)
