"""Body text of the sixteenth split's shapes, drawn on PyMuPDF pages by the tests themselves."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import holds, lines


def _words_to(text: str, width: float, font: str, size: float = 10) -> tuple[str, str]:
    """The words of `text` that fill `width`, and the rest."""
    words, line = text.split(), ""
    for k, word in enumerate(words):
        if line and pymupdf.get_text_length(f"{line} {word}", fontname=font, fontsize=size) > width:
            return line, " ".join(words[k:])
        line = f"{line} {word}".strip()
    return line, ""


def test_a_list_items_bold_sentence_under_its_roman_label_stays_one_paragraph(tmp_path):
    # A Word list: "1." in roman at the margin, the item's first sentence in bold after it, its
    # lines hung under that sentence's start; the bold sentence ends inside the third line and the
    # item goes on in roman. One paragraph, its sentences whole.
    bold = ("The taxonomy grows quickly over the course of the whole task, making every one of the tasks "
            "far more time consuming and overwhelming for the workers who are asked to read all of its "
            "categories before they place a single item in one of them as time goes on.")
    roman = "Creating the first category and placing a few items in it is quick and easy for everyone."
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((200, 80), "Crowds That Sort Their Own Tips", fontname="tibo", fontsize=16)
    page.insert_text((72, 120), "1 Introduction", fontname="tibo", fontsize=12)
    y, _ = lines(page, 72, 540, 140, 6)
    y += 4
    page.insert_text((72, y), "1.", fontname="tiro", fontsize=10)
    rest = bold
    while rest:
        text, rest = _words_to(rest, 540 - 90 - 6, "tibo")  # (ragged, a little short of the edge)
        page.insert_text((90, y), text, fontname="tibo", fontsize=10)
        if not rest:
            x = 90 + pymupdf.get_text_length(text + " ", fontname="tibo", fontsize=10)
            tail, _ = _words_to(roman, 540 - x, "tiro")
            page.insert_text((x, y), tail, fontname="tiro", fontsize=10)
        y += 12
    y += 4
    lines(page, 72, 540, y, 4)
    path = tmp_path / "item.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, bold.rstrip(".")), [p.text[:60] for s in paper.sections for p in s.paragraphs]
