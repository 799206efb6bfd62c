"""Control characters a font's own codes leave in the text layer (a Type 3 font without a map to
Unicode, whose glyph names say nothing, read by its codes: a TeX font's curly quotes "\\x10...\\x11",
a Dingbats check mark "\\x13", a bullet "\\x88") are never shown: they are glyphs the layer cannot
name, as U+FFFD is."""

from __future__ import annotations

import re

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_fonts import show, type3_font
from pdf_pages import WORDS, column, fill, holds, paragraphs

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _page(tmp_path, pieces: list[str]):
    """A page whose fourth line is `pieces` set in turn in Helvetica and in a Type 3 font whose
    glyphs are named a<code>, as dvips names a bitmap font's (a piece of one character: its code, given as an octal escape)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    y = column(page, fill(WORDS * 2 + ["and", "then"], 440), 72, 110)
    codes = sorted({ord(p) for p in pieces if len(p) == 1})
    font = type3_font(doc, page, {c: f"a{c}" for c in codes}, advance=500, glyph_box=(400, 600))
    x = 72.0
    for piece in pieces:
        if len(piece) == 1:
            show(doc, page, font, 10, [(x, y, f"\\{ord(piece):03o}")])
            x += 5  # (set against its neighbours, as a quote is)
        else:
            page.insert_text((x, y), piece, fontname="helv", fontsize=10)
            x += pymupdf.get_text_length(piece, "helv", 10)
    column(page, fill(WORDS[:30] + ["done."], 440), 72, y + 12)
    doc.save(tmp_path / "codes.pdf")
    return parse_pdf(tmp_path / "codes.pdf")


def test_quotes_read_as_control_codes_are_dropped_and_the_words_kept(tmp_path):
    paper = _page(tmp_path, ["they are no longer only ", "\x10", "reasoning errors", "\x11",
                             "; they become security failures"])
    assert not CONTROL.search(" ".join(paragraphs(paper))), paragraphs(paper)
    assert holds(paper, "they are no longer only reasoning errors; they become security failures")


def test_a_bullet_read_as_a_c1_code_is_dropped(tmp_path):
    paper = _page(tmp_path, ["\x88", " Pillar one: the execution boundary cannot be bypassed by the agent"])
    assert not CONTROL.search(" ".join(paragraphs(paper))), paragraphs(paper)
    assert holds(paper, "Pillar one: the execution boundary cannot be bypassed by the agent")


def test_t1_quotes_and_dashes_given_by_position_are_named(tmp_path):
    # A dvips bitmap font in TeX's T1 encoding, no map to Unicode: its curly quotes sit at 0x10 and
    # 0x11, its en dash at 0x15, and the text layer gives the positions ("C1\x15C5" for "C1–C5").
    paper = _page(tmp_path, ["they are no longer only ", "\x10", "reasoning errors", "\x11",
                             "; they become failures on C1", "\x15", "C5 alike"])
    text = " ".join(paragraphs(paper))
    assert "\u201creasoning errors\u201d; they become failures on C1\u2013C5 alike" in text, paragraphs(paper)
