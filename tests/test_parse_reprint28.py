"""PDFs printed anew (poppler's `pdftocairo -pdf`, as a browser's print to PDF): what such a copy
does to any paper's fonts and text, each drawn with PyMuPDF the way the copy writes it."""

from __future__ import annotations

import re
import shutil
import subprocess

import pymupdf
import pytest

from paperkit.reading.parse import parse_pdf
from paperkit.reading.pdf import open_pdf

WORDS = ("Cardinality estimation over joins remains difficult because the correlations between "
         "tables are hard to capture with independent models.")


def _wrap(doc, xref: int, key: str) -> None:
    """Write the font's `key` width array inline, every width 65536 units too wide (cairo's wrap)."""
    kind, value = doc.xref_get_key(xref, key)
    if kind == "xref":
        value = doc.xref_object(int(value.split()[0]))
    tokens = re.findall(r"\[|\]|[^\s\[\]]+", value.strip()[1:-1])
    if key == "Widths":
        out = [str(int(float(t)) + 65536) if float(t) else "0" for t in tokens]
    else:  # W: a first code and its widths in brackets, or a first code, a last code, their width
        out, inside, run = [], False, 0
        for t in tokens:
            if t in "[]":
                inside, run = t == "[", 0
                out.append(t)
                continue
            run = 0 if inside else run + 1
            out.append(str(int(float(t)) + 65536) if inside or run == 3 else t)
            run %= 3
    doc.xref_set_key(xref, key, "[" + " ".join(out) + "]")


def _wrapped_copy(tmp_path) -> str:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="F1", fontbuffer=pymupdf.Font("tiro").buffer)  # composite: W
    page.insert_text((72, 90), "Wrapped widths of a reprinted paper", fontname="F1", fontsize=16)
    page.insert_text((72, 130), "1 Introduction", fontname="F1", fontsize=12)
    y = 150
    cut = WORDS.index(" ", 70)
    for line in (WORDS[:cut], WORDS[cut + 1:]):
        page.insert_text((72, y), line, fontname="F1", fontsize=10)
        y += 13
    page.insert_text((72, y + 20), "A simple font with its widths", fontname="Times-Roman", fontsize=10)
    for xref, _, kind, base, _, _ in page.get_fonts():
        if kind == "Type0":
            _, value = doc.xref_get_key(xref, "DescendantFonts")
            _wrap(doc, int(value.strip("[] ").split()[0]), "W")
        else:  # a simple font: give it the widths cairo writes, wrapped
            times = pymupdf.Font("tiro")
            doc.xref_set_key(xref, "FirstChar", "32")
            doc.xref_set_key(xref, "LastChar", "126")
            doc.xref_set_key(xref, "Widths", "[" + " ".join(
                str(round(times.glyph_advance(c) * 1000)) for c in range(32, 127)) + "]")
            _wrap(doc, xref, "Widths")
    doc.set_metadata({"producer": "cairo 1.16.0 (https://cairographics.org)"})
    path = tmp_path / "wrapped.pdf"
    doc.save(path)
    return str(path)


def test_widths_wrapped_by_sixteen_bits_are_read_back(tmp_path):
    # A VLDB paper printed anew through cairo: its Libertine subsets' widths written as 65536 +
    # the advance ("/Widths [0 65824 ...]"): each letter 65 ems after the one before, every line
    # read as its first letter, the paper's text, title and sections all lost.
    path = _wrapped_copy(tmp_path)
    raw = pymupdf.open(path)[0].get_text()
    assert "Cardinality estimation" not in raw, raw[:200]  # the copy as any reader sees it
    text = open_pdf(path)[0].get_text()
    assert "Cardinality estimation over joins" in text and "A simple font with its widths" in text, text
    paper = parse_pdf(path)
    assert paper.title == "Wrapped widths of a reprinted paper", paper.title
    body = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "correlations between tables are hard to capture" in " ".join(body.split()), body


def test_widths_of_an_ordinary_copy_are_left_alone(tmp_path):
    path = _wrapped_copy(tmp_path)
    doc = pymupdf.open(path)
    doc.set_metadata({"producer": "pdfTeX-1.40.25"})  # not cairo's: not looked at
    other = tmp_path / "other.pdf"
    doc.save(other)
    from paperkit.reading.pdf import repair_wrapped_widths

    assert repair_wrapped_widths(pymupdf.open(other)) == 0
    assert repair_wrapped_widths(pymupdf.open(path)) == 2


CAIRO = "cairo 1.16.0 (https://cairographics.org)"


def _two_lines(tmp_path, producer: str):
    # A bold run-in heading over its paragraph's first line, 12 pt apart in 10 pt type, both
    # indented alike, in fonts whose declared box reaches 1.05 em over the baseline (as cairo
    # declares every font's ascent: the top of its whole box; Linux Biolinum Bold 1.02 em).
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((82, 100), "Network Architectures", fontname="tibo", fontsize=10)
    page.insert_text((82, 112), "In order to build a model with a small footprint we chose few layers", fontname="tiro",
                     fontsize=10)
    doc.set_metadata({"producer": producer})
    path = tmp_path / "tall.pdf"
    doc.save(path)
    from paperkit.reading.parse import _page_lines

    return sorted(_page_lines(pymupdf.open(path)[0], 0), key=lambda ln: ln.y0)


def test_a_copy_written_by_cairo_gets_its_fonts_tall_boxes_cut(tmp_path):
    # arXiv preprint in Libertine printed anew: the bold subsection heading's box touched the line
    # under it (0.4 pt apart, 2.7 in the original) and it was read as the paragraph's first line:
    # four subsections lost.
    heading, first = _two_lines(tmp_path, CAIRO)
    assert heading.text == "Network Architectures"
    assert heading.y0 >= 100 - 0.8 * 10 - 0.05 and first.y0 > heading.y1, (heading.y0, heading.y1, first.y0)


def test_tall_boxes_of_another_producer_are_kept(tmp_path):
    # (MuPDF's own Times declares 1.05 em too, and a copy not written by cairo keeps what its fonts say)
    heading, _ = _two_lines(tmp_path, "pdfTeX-1.40.25")
    assert heading.y0 < 100 - 1.0 * 10, heading.y0


def test_a_readers_highlight_printed_into_the_page_is_no_drawing(tmp_path):
    # NIPS 2012 printed anew with a reader's annotations: a yellow highlight over the heading
    # "3.4 Overlapping Pooling" and a pen stroke beside it became page drawings, taken for a figure
    # that swallowed the heading.
    from paperkit.reading.parse import _read_page

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "3.4 Overlapping Pooling", fontname="tibo", fontsize=10)
    width = pymupdf.get_text_length("3.4 Overlapping Pooling", "tibo", 10)
    page.draw_rect(pymupdf.Rect(71, 92.5, 72 + width + 1, 101.5), color=None, fill=(1, 1, 0), overlay=False)
    page.draw_polyline([(72 + width + 2, 88), (72 + width + 9, 94), (72 + width + 14, 104)], color=(0.96, 0.13, 0.13), width=1)
    page.insert_text((72, 118), "Pooling layers in CNNs summarize the outputs of neighboring groups of neurons", fontname="tiro",
                     fontsize=10)
    for producer, drawn in ((CAIRO, False), ("pdfTeX-1.40.25", True)):
        doc.set_metadata({"producer": producer})
        path = tmp_path / "highlight.pdf"
        doc.save(path)
        boxes = _read_page(pymupdf.open(path)[0], 3)[1]
        over = [b for b in boxes if b[1] <= 97 <= b[3] and b[0] <= 100 <= b[2]]
        assert bool(over) is drawn, (producer, boxes)


def _cairo_named(doc, page, fontname: str, new: str) -> None:
    """Rename the page's font `fontname` as cairo names a font it embeds anew ("CairoFont-9-0")."""
    for xref, _, kind, _, name, _ in page.get_fonts():
        if name == fontname:
            doc.xref_set_key(xref, "BaseFont", f"/{new}")
            if kind == "Type0":
                _, value = doc.xref_get_key(xref, "DescendantFonts")
                doc.xref_set_key(int(value.strip("[] ").split()[0]), "BaseFont", f"/{new}")


def test_a_font_cairo_renamed_is_measured_beside_fonts_that_kept_their_weights(tmp_path):
    # A journal paper printed anew: cairo kept "MyriadPro-Bold" (its section headings) but renamed
    # the subsection headings' bold face "CairoFont-9-0" with a roman's flags; since a font on the
    # page said bold by name, no font was measured, and the subsections were read as body text.
    from test_parse_cairo13 import _unnamed_bold

    from pdf_pages import lines as body_lines

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=1100)
    page.insert_font(fontname="F6", fontbuffer=_unnamed_bold())
    page.insert_text((72, 80), "Evaluating deep architectures for speech", fontname="hebo", fontsize=16)
    y, k = 120.0, 0
    for number, title in enumerate(("Introduction", "Related work", "Experimental setup", "Results"), 1):
        page.insert_text((72, y), f"{number}. {title}", fontname="F6", fontsize=10)
        y, k = body_lines(page, 72, 540, y + 16, 9, start=k)
        y += 14
    page.insert_text((72, 1060), "Printed with the publisher's bold face", fontname="hebo", fontsize=8)
    _cairo_named(doc, page, "F6", "CairoFont-9-0")
    doc.set_metadata({"producer": CAIRO})
    path = tmp_path / "paper.pdf"
    doc.save(path)
    fonts = {s["font"] for b in pymupdf.open(path)[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
             for s in ln["spans"]}
    assert "CairoFont-9-0" in fonts and "Helvetica-Bold" in fonts, fonts
    paper = parse_pdf(path)
    assert [s.title for s in paper.sections] == ["Introduction", "Related work", "Experimental setup", "Results"], \
        [s.title for s in paper.sections]


def test_ligatures_at_apples_private_use_points_are_named(tmp_path):
    # KDD 2010 printed anew: its Times New Roman's "fi" mapped to U+F001 (Apple's private-use
    # point for it), where the original's map said U+FB01: the heading read "3.3 Efcient
    # Approximations", the body's words lost their fi and fl.
    from pdf_fonts import show, type3_font
    from pdf_pages import section_page

    doc, page = section_page()
    letters = "abcdefghijklmnopqrstuvwxyzT"
    glyphs = {ord(c): c for c in letters} | {32: "space", 46: "period", 1: "fi", 2: "fl"}
    entries = [f"<{code:02x}> <{ord(c):04x}>" for code, c in ((ord(c), c) for c in letters + " .")]
    entries += ["<01> <f001>", "<02> <f002>"]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /P def "
            "1 begincodespacerange <00> <ff> endcodespacerange "
            f"{len(entries)} beginbfchar {' '.join(entries)} endbfchar endcmap CMapName currentdict "
            "/CMap defineresource pop end end").encode()
    font = type3_font(doc, page, glyphs, name="T3", to_unicode=cmap)
    show(doc, page, font, 10, [(72, 110, "The ef\\001cient solver reads the \\002ow of every \\001le in one pass."),
                               (72, 122, "The same words are read with their letters whole in every line.")])
    path = tmp_path / "pua.pdf"
    doc.save(path)
    assert "\uf001" in pymupdf.open(path)[0].get_text()
    paper = parse_pdf(path)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "The efficient solver reads the flow of every file in one pass" in text, text
