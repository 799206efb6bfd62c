"""Titles and abstracts of the twenty-fifth split's misses, each shape drawn here with PyMuPDF (or,
for a font the library cannot write, as a small PDF written out here): a title in small capitals
faked by a font without them, cut at its justified spaces into pieces; TeX's grave accent read as
a backtick before its letter inside a word; review line numbers beside the text under a stamp in
small type that reaches into their margin; a composite font whose codes are glyph indices (29 off
ASCII) and which names no character; and two rules stroked as one path round the text of an A4
page, under half of it."""

from __future__ import annotations

import pymupdf
import pytest

from paperkit.reading import lexicon
from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _prose


def _faked_caps(page, x: float, y: float, words: list[str], big: float = 17.2, small: float = 13.8,
                gap: float = 4.3) -> float:
    """Words in faked small capitals: each one's initial at `big`, its rest at `small`, `gap` apart
    and no space character between them; the x after the last."""
    for word in words:
        page.insert_text((x, y), word[0], fontname="tiro", fontsize=big)
        x += pymupdf.get_text_length(word[0], "tiro", big)
        page.insert_text((x, y), word[1:].upper(), fontname="tiro", fontsize=small)
        x += pymupdf.get_text_length(word[1:].upper(), "tiro", small) + gap
    return x


def test_a_title_in_faked_small_capitals_cut_at_justified_spaces_is_whole():
    # ICLR 2021 (Times, no small capitals): "M" + "ULTI-AGENT", a justified space of 12.7 pt and no
    # space character, "EXPLORATION" with no initial of its own (the style capitalises only the
    # first word's), "THROUGH" + " I" + "NTRINSIC" over "M" + "OTIVATION C" + "REDIT A" + "SSIGNMENT":
    # the middle piece, read in 13.8 pt alone, was not joined to the 17 pt pieces, and the title
    # lost "EXPLORATION THROUGH INTRINSIC".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 36), "Under review as a conference paper at ICLR 2021", fontname="tiro", fontsize=10)
    x = _faked_caps(page, 108.4, 94, ["Multi-agent"], gap=12.7)
    page.insert_text((x, 94), "EXPLORATION", fontname="tiro", fontsize=13.8)
    x += pymupdf.get_text_length("EXPLORATION", "tiro", 13.8) + 12.8
    page.insert_text((x, 94), "THROUGH", fontname="tiro", fontsize=13.8)
    x += pymupdf.get_text_length("THROUGH", "tiro", 13.8) + 4.3
    _faked_caps(page, x, 94, ["Intrinsic"])
    _faked_caps(page, 108.4, 114, ["Motivation", "Credit", "Assignment"])
    page.insert_text((114, 144), "Anonymous authors", fontname="tibo", fontsize=10)
    page.insert_text((114, 155), "Paper under double-blind review", fontname="tiro", fontsize=10)
    page.insert_text((278, 197), "ABSTRACT", fontname="tiro", fontsize=12)
    _prose(page, 144, 215, 8, size=10, pitch=11, width=324, first="Sparse rewards are common in real-world environments")
    page.insert_text((108, 330), "1 INTRODUCTION", fontname="tibo", fontsize=12)
    _prose(page, 108, 350, 30, size=10, pitch=11, width=396)
    assert _parse(doc).title == "MULTI-AGENT EXPLORATION THROUGH INTRINSIC MOTIVATION CREDIT ASSIGNMENT"


def test_a_grave_accent_read_as_a_backtick_inside_a_word_goes_over_its_letter():
    # elsarticle (CM fonts): "Yorùbá" set as "Yor", the grave accent's glyph (read "`"), "ub", the
    # acute's (read "´"), "a": the acute was composed, the grave left as a backtick, "Yor`ubá".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((110, 120), "Computational Modelling of an Optical Character", fontname="tiro", fontsize=16)
    page.insert_text((110, 140), "Recognition System for Yor`ub\u00e1 Printed Text Images", fontname="tiro", fontsize=16)
    page.insert_text((220, 175), "Jane Doe and John Roe", fontname="tiro", fontsize=10)
    page.insert_text((90, 230), "Abstract", fontname="tibo", fontsize=10)
    _prose(page, 90, 250, 8, size=10, pitch=12, width=430, first="This study acquired a dataset of Yor`ub\u00e1 printed text")
    page.insert_text((90, 370), "1. Introduction", fontname="tibo", fontsize=12)
    _prose(page, 90, 390, 25, size=10, pitch=12, width=430)
    paper = _parse(doc)
    assert paper.title == "Computational Modelling of an Optical Character Recognition System for Yor\u00f9b\u00e1 Printed Text Images"
    assert paper.abstract.startswith("This study acquired a dataset of Yor\u00f9b\u00e1 printed text")


def test_line_numbers_under_a_small_stamp_reaching_their_margin_are_taken_out():
    # bioRxiv 2026 (a journal's accepted manuscript): line numbers in 10.3 pt at x 67-79 beside the
    # text in 11.3 pt from x 94, and bioRxiv's licence stamp in 8 pt across the page's top from x 54
    # to 557: the stamp's lines reached past the numbers, which were then no margin's, and stayed in
    # the text ("28 Emerging evidence ..."), the title's second row parted from its first.
    doc = pymupdf.open()
    for index in range(2):
        page = doc.new_page(width=612, height=792)
        page.insert_text((63, 12), "bioRxiv preprint doi: https://doi.org/10.1101/2026.04.07.716 this version posted April 9, 2026.",
                         fontname="tiro", fontsize=8)
        page.insert_text((54, 20), "(which was not certified by peer review) is the author/funder, who has granted bioRxiv a license to display",
                         fontname="tiro", fontsize=8)
        page.insert_text((201, 28), "available under aCC-BY-NC-ND 4.0 International license.", fontname="tiro", fontsize=8)
        rows = []
        if index == 0:
            rows.append(("Ramping-up hippocampal ripples and their neocortical coupling support human visual", 97, "tibo"))
            rows.append(("short-term memory", 259, "tibo"))
            rows.append(("Jing Liu, Xianhui He, Can Yang, Nikolai Axmacher, Gui Xue", 150, "tiro"))
            rows += [(f"{k}. Department of Psychology, University of Somewhere, City, Country", 94, "tiro") for k in range(1, 12)]
            start = 1
        else:
            rows.append(("Abstract", 94, "tibo"))
            rows.append(("Emerging evidence suggests that the hippocampus contributes to visual short-term memory", 94, "tiro"))
            rows.append(("(VSTM). However, the neural mechanisms through which hippocampal activity supports the", 94, "tiro"))
            rows += [(" ".join(["the maintenance of memory is read by every ripple of the hippocampus in turn"]), 94, "tiro")
                     for _ in range(20)]
            start = 27
        for k, (text, x, font) in enumerate(rows):
            y = 78.5 + 19.6 * k
            page.insert_text((x, y), text, fontname=font, fontsize=11.3)
            number = str(start + k)
            page.insert_text((79.4 - pymupdf.get_text_length(number, "tiro", 10.3), y), number, fontname="tiro", fontsize=10.3)
    paper = _parse(doc)
    assert paper.title == "Ramping-up hippocampal ripples and their neocortical coupling support human visual short-term memory"
    assert paper.abstract.startswith("Emerging evidence suggests that the hippocampus contributes to visual short-term memory (VSTM). However")


# A ToUnicode map naming every code U+FFFD: the text layer names no character of the font.
_UNNAMED_CMAP = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Unnamed def /CMapType 2 def "
                 b"1 begincodespacerange <0000> <FFFF> endcodespacerange 100 beginbfchar " +
                 b" ".join(b"<%04X> <FFFD>" % k for k in range(100)) + b" endbfchar endcmap CMapName currentdict "
                 b"/CMap defineresource pop end end")


def _glyph_index_pdf(rows: list[tuple[float, float, float, str]], width: float = 612, height: float = 792):
    """A one-page PDF whose rows (x, baseline, size, text) are set in a composite font (Identity-H)
    by glyph index in the Macintosh order (each character's code less 29, the space glyph 3), its
    map to Unicode naming none of them, as PDFlib embedded Word's TrueType fonts."""
    ops = []
    for x, y, size, text in rows:
        codes = "".join("0003" if ch == " " else f"{ord(ch) - 29:04X}" for ch in text)
        ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x} {height - y} Tm <{codes}> Tj ET")
    content = "\n".join(ops).encode()
    name = b"/ABCDEF+TimesNewRomanPSMT"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>"
        % (width, height),
        b"<< /Type /Font /Subtype /Type0 /BaseFont " + name + b" /Encoding /Identity-H /DescendantFonts [5 0 R] "
        b"/ToUnicode 8 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + name + b" /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /CIDToGIDMap /Identity /DW 500 >>",
        b"<< /Type /FontDescriptor /FontName " + name + b" /Flags 4 /FontBBox [-568 -307 2028 1007] /ItalicAngle 0 "
        b"/Ascent 891 /Descent -216 /CapHeight 662 /StemV 80 >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(_UNNAMED_CMAP) + _UNNAMED_CMAP + b"\nendstream",
    ]
    out = b"%PDF-1.7\n"
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return pymupdf.open(stream=out, filetype="pdf")


SENTENCES = ("This paper describes challenges and solutions for building a successful voice search system "
             "as applied to two languages at one company. We describe the techniques used to deal with an "
             "infinite vocabulary, and how modeling completely in the written domain for the language model "
             "and the dictionary can avoid some system complexity. We show how to deal with the difficulty "
             "of scoring results for multiple script languages because of ambiguities. The development of "
             "voice search for these languages led to a significant simplification of the original process "
             "to build a system for any new language, which in parts became our default process.")


@pytest.mark.skipif(not lexicon.available(), reason="the word list is not installed")
def test_a_composite_font_naming_its_glyphs_by_index_is_read_29_places_on():
    # ICASSP 2012 (Word through PDFlib 8): Times New Roman as Type0 fonts with no map to Unicode, the
    # codes glyph indices ("7KLV SDSHU" for "This paper", the full stop U+0011): read as U+FFFD,
    # the paper had no title ("Googlefinc.USA" was the page's only named line) and no abstract.
    from tests.pdf_pages import fill

    rows = [(190, 80, 12, "JAPANESE AND KOREAN VOICE SEARCH"), (220, 106, 12, "Jane Doe and John Roe"),
            (156, 182, 9, "ABSTRACT")]
    for k, text in enumerate(fill(SENTENCES.split(), 240, font="tiro", size=9)):
        rows.append((60, 198 + 10.3 * k, 9, text))
    rows.append((130, 360, 9, "1. INTRODUCTION"))
    for k, text in enumerate(fill((SENTENCES + " " + SENTENCES).split(), 240, font="tiro", size=9)):
        rows.append((60 if k < 30 else 315, 380 + 10.3 * (k % 30) if k < 30 else 80 + 10.3 * (k - 30), 9, text))
    doc = _glyph_index_pdf(rows)
    from paperkit.reading.parse import parse_document

    paper = parse_document(doc)
    assert paper.title == "JAPANESE AND KOREAN VOICE SEARCH"
    assert paper.abstract is not None and paper.abstract.startswith("This paper describes challenges and solutions")


def test_two_rules_stroked_as_one_path_round_an_a4_page_s_text_draw_no_figure():
    # JKSPE 2004 (Word, A4): the rule under the running head and the one over the footnotes stroked
    # as one path, its box 440 by 553 pt, under half the page: taken for a figure holding the whole
    # text of page 1, the title's page lost its abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((165, 58), "Journal of the Society of Precision Engineering, Vol. 21, No. 7, July 2004", fontname="tiro", fontsize=8)
    shape = page.new_shape()
    shape.draw_line((77.4, 66.06), (516.9, 66.06))
    shape.draw_line((79.4, 619.3), (287.2, 619.3))
    shape.finish(width=0.75, color=(0, 0, 0))
    shape.commit()
    page.insert_text((219, 220), "A Ubiquitous Robot System", fontname="tiro", fontsize=14)
    page.insert_text((136, 250), "Jong-Hwan Kim, Jee-Hwan Ryu and Kang-Hee Lee", fontname="tiro", fontsize=10)
    page.insert_text((270, 291), "ABSTRACT", fontname="tibo", fontsize=10)
    _prose(page, 80, 317, 9, size=9, pitch=13, width=436, first="In an upcoming ubiquitous era, humankind will live in a space")
    page.insert_text((168, 497), "1. Introduction", fontname="tiro", fontsize=10)
    _prose(page, 80, 524, 7, size=9, pitch=13, width=210)
    _prose(page, 308, 498, 9, size=9, pitch=13, width=210, start=40)
    page.insert_text((80, 630), "* Department of Electrical Engineering, KAIST", fontname="tiro", fontsize=7)
    doc.new_page(width=595, height=842)
    _prose(doc[1], 80, 100, 50, size=9, pitch=13, width=210)
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("In an upcoming ubiquitous era, humankind will live")
