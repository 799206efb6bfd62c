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
