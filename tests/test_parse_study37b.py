"""Headings of the thirty-seventh held-out split: Word's IEEE-like headings, the section's roman
numeral tabbed to a title typed in capitals and set wholly in the small capitals' size ("III." in
10 pt, then "METHOD" in 8 pt), one row; and that template's third level bookmarked with its label,
"1) Title", whose number is the label's."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import lines


def _sections(paper) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in paper.sections]


def _word_heading(page, y: float, number: str, initial: str, rest: str, x: float = 140) -> None:
    """A Word heading: the numeral in 10 pt, a tab, then the title's initial (if any) in 10 pt and
    the rest of its capitals in 8 pt."""
    page.insert_text((x, y), f"{number}.", fontname="tiro", fontsize=10)
    at = x + 22
    if initial:
        page.insert_text((at, y), initial, fontname="tiro", fontsize=10)
        at += pymupdf.get_text_length(initial, fontname="tiro", fontsize=10)
    page.insert_text((at, y), rest, fontname="tiro", fontsize=8)


def _word_paper(path, headings) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "Few-shot Learning with Ensembles", fontname="tiro", fontsize=24)
    y, k = 110.0, 0
    for number, initial, rest in headings:
        if y > 640:
            page, y = doc.new_page(width=612, height=792), 70.0
        _word_heading(page, y, number, initial, rest)
        y, k = lines(page, 45, 298, y + 16, 10, start=k)
        y += 8
    doc.save(path)


def test_a_roman_numeral_tabbed_to_a_title_all_in_small_capitals_size_is_one_heading(tmp_path):
    _word_paper(tmp_path / "word.pdf", [("I", "I", "NTRODUCTION"), ("II", "B", "ACKGROUND"), ("III", "", "METHOD"),
                                        ("IV", "E", "XPERIMENTS"), ("V", "C", "ONCLUSION")])
    got = _sections(parse_pdf(tmp_path / "word.pdf"))
    assert [n for n, _ in got if n] == ["I", "II", "III", "IV", "V"], got
    assert [t.lower() for n, t in got if n == "III"] == ["method"], got
