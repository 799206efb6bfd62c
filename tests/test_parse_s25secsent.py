"""Twenty-fifth split study (headings and body sentences): rules checked on PDFs made here."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf

from tests.pdf_pages import prose


def _save(doc, tmp_path, name):
    path = tmp_path / name
    doc.save(path)
    return path


def test_a_grave_accent_set_as_a_backquote_inside_a_word_joins_its_vowel(tmp_path):
    # pdfLaTeX's OT1 fonts give \\`u as the ASCII backquote before the letter ("Yor`ub´a"); the acute
    # accent was joined already, the grave one stayed a stray backquote. A backquote opening a quote
    # or code ("`ls`") is no accent and stays.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 90), "1 Introduction", fontname="hebo", fontsize=12)
    y = 115
    for text in ("The printed Yor`ub´a text of the old books was scanned and read by the system we built",
                 "and the shell command `ls` lists the files that the scanner wrote into the folder for",
                 "each book, so that every page of the corpus can be found again by its number."):
        page.insert_text((72, y), text, fontname="tiro", fontsize=10)
        y += 12
    prose(page, 72, 523, y + 10, 700)
    paper = parse_pdf(_save(doc, tmp_path, "grave.pdf"))
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "Yorùbá text" in text
    assert "`ls`" in text
