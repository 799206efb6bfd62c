"""Leftovers of the real-paper parser (session 27), each drawn here with PyMuPDF in the shape a real
paper printed it: a subhead in a text face whose name says math, a reader's note in another script
in the margin, a theorem's item wrapped past an upright Greek capital, a formula placed as a picture
in a row of prose, a table's note under its caption, a subscript a word space before the next word
(that one on spans as PyMuPDF gives them: its own space insertion fills the gap in a page drawn here)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import _spans_line, parse_pdf
from pdf_pages import WORDS, fill, holds, paragraphs, section_page


def _parse(doc: pymupdf.Document, path):
    doc.save(path)
    return parse_pdf(path)


def _set(page, rows: list[str], x: float, y: float, pitch: float = 12, font: str = "helv", size: float = 10) -> float:
    for i, text in enumerate(rows):
        page.insert_text((x, y + pitch * i), text, fontname=font, fontsize=size)
    return y + pitch * len(rows)


def _rename(doc: pymupdf.Document, base: str, name: str) -> None:
    """Give a font PyMuPDF inserted (its base name `base`) the name a typesetter gave it."""
    for page in doc:
        for xref, _, _, font, _, _ in page.get_fonts():
            if font == base:
                doc.xref_set_key(xref, "BaseFont", f"/{name}")


def test_a_subhead_in_a_text_face_named_math_is_no_formula(tmp_path):
    # Nature sets its coloured subheads in GlosaMath-Bold: "Supervised learning" read as a line of
    # math, a display, and the paragraph under it went with it into one block, lost with the front
    # matter. Words apart in such a face are words.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 3)[:60] + ["first."], 440), 72, 110)
    page.insert_text((72, y + 8), "Supervised learning", fontname="hebo", fontsize=10.5)
    _set(page, fill(["The", "most", "common", "form", "of", "learning", "is", "supervised."] + (WORDS * 3)[:60] + ["done."], 440),
         72, y + 20)
    _rename(doc, "Helvetica-Bold", "GlosaMath-Bold")
    paper = _parse(doc, tmp_path / "subhead.pdf")
    assert holds(paper, "The most common form of learning is supervised.")
    assert not any(p.startswith("Supervised learning") for p in paragraphs(paper)), paragraphs(paper)


def test_a_note_in_another_script_in_the_margin_stays_out_of_the_text(tmp_path):
    # ICML 2019 (a reader's copy): "主要是因", "为tails的", "存在" in the left margin, each level with a
    # row of the column's prose; read into the paragraph, they broke its sentence at every row.
    doc, page = section_page()
    rows = fill((WORDS * 3)[:40] + ["one", "might", "wonder", "whether", "the", "function", "would",
                                    "automatically", "contain", "no", "bad", "local", "valleys."] + (WORDS * 2)[:30] + ["done."], 400)
    _set(page, rows, 100, 110)
    font = pymupdf.Font("china-s")
    page.insert_font(fontname="cjk", fontbuffer=font.buffer)
    for k, note in enumerate(["主要是因", "为是的", "存在"]):
        page.insert_text((20, 110 + 12 * (3 + k)), note, fontname="cjk", fontsize=10, color=(1, 0, 0))
    paper = _parse(doc, tmp_path / "margin.pdf")
    assert holds(paper, "one might wonder whether the function would automatically contain no bad local valleys.")
    assert not any("主" in p or "存" in p for p in paragraphs(paper))


def test_an_italic_item_wrapped_past_an_upright_greek_capital_goes_on(tmp_path):
    # ICML 2019: a theorem's "2. Every non-empty connected component of every level" (italics, full
    # to the column's edge) / "set of Φ is unbounded." (Φ upright, from CMR10): the first row read as
    # a numbered italic heading, the second as the next paragraph.
    doc, page = section_page()
    first = "Every non-empty connected component of every level"
    right = 96 + pymupdf.get_text_length(first, "tiit", 10)
    y = _set(page, fill((WORDS * 3)[:50] + ["first."], right - 72), 72, 110, font="tiro")
    y += 6
    page.insert_text((84, y), "2.", fontname="tiit", fontsize=10)
    page.insert_text((96, y), first, fontname="tiit", fontsize=10)
    y += 12
    page.insert_text((96, y), "set of", fontname="tiit", fontsize=10)
    page.insert_font(fontname="greek", fontbuffer=pymupdf.Font("china-s").buffer)
    x = 96 + pymupdf.get_text_length("set of ", "tiit", 10)
    page.insert_text((x, y), "Φ", fontname="greek", fontsize=10)
    page.insert_text((x + 9, y), "is unbounded.", fontname="tiit", fontsize=10)
    _set(page, fill((WORDS * 3)[:50] + ["done."], right - 72), 72, y + 18, font="tiro")
    paper = _parse(doc, tmp_path / "item.pdf")
    assert holds(paper, "Every non-empty connected component of every level set of Φ is unbounded."), paragraphs(paper)


def _ink(width: int, height: int) -> pymupdf.Pixmap:
    """A small grey picture, as a formula set as an image."""
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, width, height), False)
    pix.clear_with(60)
    return pix


def test_a_row_of_prose_round_a_formula_placed_as_a_picture_stays_text(tmp_path):
    # IEEE/ACM TASLP 2011: the formulas are pictures set in the rows of prose ("dard normal
    # distribution [w] . The components of the vector [w]" / "are the total factors."); the short
    # piece after a picture, 1.5 pt off it, was taken as a label at the drawing's edge and lost.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 3)[:40] + ["first."], 440), 72, 110)
    left = "having a standard normal distribution"
    page.insert_text((72, y), left, fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length(left, "helv", 10) + 2
    page.insert_image((x, y - 15, x + 45, y + 7), pixmap=_ink(45, 22))  # the formula's picture (a fraction)
    piece = ". The components of the vector"
    page.insert_text((x + 46.5, y), piece, fontname="helv", fontsize=10)
    x += 46.5 + pymupdf.get_text_length(piece, "helv", 10) + 2
    page.insert_image((x, y - 10, 512, y + 3), pixmap=_ink(int(512 - x), 13))
    _set(page, fill(["are", "the", "total", "factors."] + (WORDS * 3)[:40] + ["done."], 440), 72, y + 12)
    paper = _parse(doc, tmp_path / "picture.pdf")
    assert holds(paper, "The components of the vector are the total factors."), paragraphs(paper)


def test_a_tables_note_under_its_caption_leaves_the_sentence_over_the_page_whole(tmp_path):
    # ICCV 2023: "... of language sources. Simply with" ends page 5; page 6 opens with a table across
    # both columns, its caption ending "... with 16 and 32 frames here." and its note "*denotes our
    # re-evaluation." on a short row of its own under it (a row of the left column's width), then the
    # columns: "the original K400 action dictionary, we ...". The note, read as a paragraph, stood
    # between the two halves of the sentence.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((50, 80), "1 Introduction", fontname="hebo", fontsize=14)
    _set(page, fill((WORDS * 6)[:100] + ["first."], 240), 50, 110)
    _set(page, fill((WORDS * 6)[:100] + ["sources.", "Simply", "with"], 240), 320, 110)
    page = doc.new_page(width=612, height=792)
    page.draw_rect((150, 60, 460, 160), color=(0, 0, 0), width=0.8)
    for k in range(5):
        page.draw_line((150, 80 + 16 * k), (460, 80 + 16 * k), color=(0, 0, 0), width=0.5)
        page.insert_text((160, 76 + 16 * k), f"row {k}   0.{k}1   0.{k}2", fontname="helv", fontsize=8)
    caption = fill("Table 1: Zero-shot recognition on three benchmarks. All models are trained on the same data. "
                   "We train with 16 frames per video and report single-view results with 16 and 32 frames here.".split(), 510)
    y = _set(page, caption, 50, 176)
    page.insert_text((50, y), "*denotes our re-evaluation.", fontname="helv", fontsize=10)
    _set(page, fill(["the", "original", "action", "dictionary,", "we", "already", "outperform", "the", "rest."] +
                    (WORDS * 6)[:80] + ["done."], 240), 50, y + 30)
    _set(page, fill((WORDS * 6)[:80] + ["done."], 240), 320, y + 30)
    paper = _parse(doc, tmp_path / "note.pdf")
    assert holds(paper, "Simply with the original action dictionary, we already outperform the rest."), paragraphs(paper)


def _span(text: str, font: str, size: float, x0: float, x1: float, base: float) -> dict:
    return {"text": text, "font": font, "flags": 0, "size": size, "color": 0, "origin": (x0, base),
            "bbox": (x0, base - 0.8 * size, x1, base + 0.2 * size)}


def test_a_subscript_a_word_space_before_the_next_word_is_apart_from_it():
    # MNRAS 2024: "3.2.3 Impact of Truncated Dust R_V Population Distribution", the subscript V
    # (NewTXMI7, 7.3 pt) 3.4 pt before "Population" (9 pt) and no space character between them in
    # the text layer: the heading read "... Dust RVPopulation Distribution". The spans as PyMuPDF
    # gives them (its own space insertion leaves this gap alone across the fonts' change).
    spans = [_span("Impact of Truncated Dust", "TeXGyreTermesX-Italic", 9.0, 327.5, 419.0, 299.8),
             _span(" R", "NewTXMI", 9.0, 419.0, 427.1, 299.8),
             _span("V", "NewTXMI7", 7.3, 427.2, 432.4, 301.4),
             _span("Population Distribution", "TeXGyreTermesX-Italic", 9.0, 435.8, 521.0, 299.8)]
    line = _spans_line({"bbox": (327.5, 292.6, 521.0, 302.9), "spans": spans}, 0)
    assert line.text == "Impact of Truncated Dust RV Population Distribution", line.text
    # (a subscript touching what follows it stays glued: "σ_R," is one piece)
    spans = [_span("values of σ", "TeXGyreTermesX-Regular", 9.0, 200.0, 250.0, 100.0),
             _span("R", "NewTXMI7", 7.3, 250.1, 255.0, 101.6),
             _span(", which", "TeXGyreTermesX-Regular", 9.0, 255.2, 280.0, 100.0)]
    line = _spans_line({"bbox": (200.0, 92.8, 280.0, 103.0), "spans": spans}, 0)
    assert line.text == "values of σR, which", line.text
