"""Body text read from pages drawn here with PyMuPDF (helper text11): shapes met in real papers
where a sentence came out of the parser with words lost or fused."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_fonts import show, type3_font
from pdf_pages import WORDS
from pdf_pages import column as _column
from pdf_pages import fill as _fill
from pdf_pages import holds as _holds
from pdf_pages import paragraphs as _paragraphs

def _unnamed_glyph(doc, page, x: float, y: float) -> None:
    """One glyph of a Type 3 font whose ToUnicode entry names no character (the text layer reads
    it as U+FFFD, as it does a "×" that a TeX symbol font leaves unmapped), 6 pt wide."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <61> <D800> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = type3_font(doc, page, {97: "g7"}, advance=600, font_box=(600, 700), to_unicode=cmap)
    show(doc, page, font, 10, [(x, y, "a")])


def test_an_unnamed_symbol_between_two_numbers_keeps_them_apart(tmp_path):
    # ICLR 2015 (VGG, printed from a browser): "a stack of three 3×3 conv. layers" with the "×" of
    # a symbol font the text layer cannot name, set with a thin gap on both sides; dropped, it fused
    # the numbers ("three 33 conv. layers").
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    y = _column(page, _fill(WORDS * 2 + ["and", "then"], 440), 72, 110)
    head = "we ask what we gained by using a stack of three 3"
    page.insert_text((72, y), head, fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length(head, "helv", 10) + 1  # (gaps too thin for the text layer to see a space)
    _unnamed_glyph(doc, page, x, y)  # (drawn between the two: the text layer puts all three in one line)
    tail = "3 conv. layers instead of one layer with a wide field"
    page.insert_text((x + 6 + 1, y), tail, fontname="helv", fontsize=10)
    _column(page, _fill(WORDS[:30] + ["done."], 440), 72, y + 12)
    doc.save(tmp_path / "times.pdf")
    paper = parse_pdf(tmp_path / "times.pdf")
    assert "\ufffd" not in " ".join(_paragraphs(paper))
    assert _holds(paper, "a stack of three 3 3 conv. layers instead of one layer"), _paragraphs(paper)
