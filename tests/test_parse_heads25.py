"""Headings and reading order of real papers that came out wrong, each shape drawn here with PyMuPDF:
arabic section numbers "1." and "11." printed apart from their titles (no roman "I." and "II."), a
checklist's part heading with a box and a raised check mark before its bold title, a reader's note
typed in colour on a heading's baseline, and a boxed sidebar read after the text whose paragraph
runs on over the page."""

from __future__ import annotations

import re

import pymupdf
from pdf_pages import WORDS

from tests.pdf_pages import reparse as _parse

LEFT, RIGHT = 72.0, 540.0


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _lines(words: list[str], width: float = RIGHT - LEFT, font: str = "helv", size: float = 10.0) -> list[str]:
    lines = [""]
    for word in words:
        longer = f"{lines[-1]} {word}".strip()
        if pymupdf.get_text_length(longer, fontname=font, fontsize=size) > width * 0.97:
            lines.append(word)
        else:
            lines[-1] = longer
    return lines


def _paragraph(page, words: list[str], y: float, size: float = 10.0, pitch: float = 12.0) -> float:
    """Rows of Helvetica from baseline `y`; returns the baseline after them."""
    for line in _lines(words, size=size):
        page.insert_text((LEFT, y), line, fontname="helv", fontsize=size)
        y += pitch
    return y


def test_arabic_numbers_apart_from_titles_are_no_roman_numerals():
    # VLDB 2013: "1." and "INTRODUCTION" in bold 12 pt, a gap between them, and "11. RELATED WORK"
    # later on; "2. BASIC ARCHITECTURE" and "3. DATA MODEL" say the paper counts in digits, so the
    # ones are not a scan's misread "I." and "II.".
    doc = pymupdf.open()
    y = 80.0
    page = doc.new_page(width=612, height=792)
    for number, title in (("1.", "INTRODUCTION"), ("2.", "BASIC ARCHITECTURE"), ("3.", "DATA MODEL"),
                          ("11.", "RELATED WORK")):
        if y > 600:
            page, y = doc.new_page(width=612, height=792), 80.0
        page.insert_text((LEFT, y), number, fontname="hebo", fontsize=12)
        page.insert_text((LEFT + 21, y), title, fontname="hebo", fontsize=12)
        y = _paragraph(page, WORDS * 3, y + 18) + 14
    paper = _parse(doc)
    found = [(s.number, s.title) for s in paper.sections]
    assert ("1", "INTRODUCTION") in found, found
    assert ("11", "RELATED WORK") in found, found
    assert not any(number in ("I", "II") for number, _ in found), found


def test_checklist_part_heading_with_box_and_raised_check_mark():
    # ACL's Responsible NLP checklist after the references: "B" in bold, a box, a check mark set
    # in 12 pt and raised 2 pt, then the bold question: a part heading like "A For every submission".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_font(fontname="uni", fontbuffer=pymupdf.Font("cjk").buffer)
    page.insert_text((LEFT, 80), "1 Introduction", fontname="hebo", fontsize=12)
    y = _paragraph(page, WORDS * 3, 100) + 10
    page.insert_text((LEFT, y), "References", fontname="hebo", fontsize=12)
    for k in range(3):
        y += 14
        page.insert_text((LEFT, y), f"Author {k}. 2020. A paper on reading pages. In Proceedings.",
                         fontname="helv", fontsize=10)
    y += 40
    page.insert_text((LEFT, y), "A", fontname="hebo", fontsize=11)
    page.insert_text((LEFT + 19, y), "For every submission:", fontname="hebo", fontsize=11)
    page.insert_text((LEFT + 20, y + 18), "A1. Did you describe the limitations of your work?",
                     fontname="helv", fontsize=11)
    y += 50
    page.insert_text((LEFT, y), "B", fontname="hebo", fontsize=11)
    page.insert_text((LEFT + 18, y), "\u25a1", fontname="uni", fontsize=11)
    page.insert_text((LEFT + 19, y - 2), "\u2713", fontname="uni", fontsize=12)
    page.insert_text((LEFT + 32, y), "Did you use or create scientific artifacts?", fontname="hebo", fontsize=11)
    page.insert_text((LEFT + 20, y + 18), "B1. Did you cite the creators of artifacts you used?",
                     fontname="helv", fontsize=11)
    paper = _parse(doc)
    found = [(s.number, s.title) for s in paper.sections]
    assert ("B", "Did you use or create scientific artifacts?") in found, found


def test_coloured_note_on_a_headings_baseline_is_no_part_of_it():
    # A reader typed a note in blue in a typewriter face on the baseline of "5.3 Custom caching
    # tensor allocator", 7 pt after its last word: the heading's title ends before it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 80), "5.2 Multiprocessing", fontname="hebo", fontsize=10)
    y = _paragraph(page, WORDS * 3, 100) + 12
    heading = "Custom caching tensor allocator"
    page.insert_text((LEFT, y), "5.3", fontname="hebo", fontsize=10)
    page.insert_text((LEFT + 22, y), heading, fontname="hebo", fontsize=10)
    end = LEFT + 22 + pymupdf.get_text_length(heading, fontname="hebo", fontsize=10)
    _paragraph(page, WORDS * 3, y + 18)
    # (typed over the printed page afterwards: its text comes last in the page's content)
    page.insert_text((end + 7, y), "Lot of memory and CUDA Shit!!!", fontname="cour", fontsize=9.6,
                     color=(0.0, 0.26, 1.0))
    paper = _parse(doc)
    found = [(s.number, s.title) for s in paper.sections]
    assert ("5.3", heading) in found, found


def test_paragraph_runs_on_past_a_boxed_sidebar_read_after_it():
    # CACM: a sidebar under a 20 pt title, its text in 8 pt, stands apart from the text's flow; the
    # page's last paragraph, cut mid-sentence, goes on at the top of the next page, and reading the
    # sidebar in between must not put that rest under the sidebar's title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 70), "What Reading Pages Is and Should Become", fontname="hebo", fontsize=24)
    page.insert_text((LEFT, 110), "1 Serverless Economics", fontname="hebo", fontsize=12)
    y = _paragraph(page, WORDS * 2, 130) + 6
    lines = _lines(WORDS * 3 + ["and", "the", "rest", "of", "this"])
    for line in lines:
        page.insert_text((LEFT, y), line, fontname="helv", fontsize=10)
        y += 12
    y += 30
    page.draw_rect(pymupdf.Rect(LEFT - 6, y - 24, RIGHT + 6, y + 80), color=None, fill=(0.86, 0.92, 0.96))
    page.insert_text((LEFT, y), "The Cost of Things", fontname="hebo", fontsize=20)
    _paragraph(page, WORDS * 3, y + 20, size=8.0, pitch=10.0)
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 80), "sentence goes on here at the top of the next page.", fontname="helv", fontsize=10)
    _paragraph(page, WORDS * 2, 92)
    paper = _parse(doc)
    titles = [s.title for s in paper.sections]
    assert "The Cost of Things" in titles, titles
    economics = next(s for s in paper.sections if s.title == "Serverless Economics")
    assert any(_key("the rest of this sentence goes on here") in _key(p.text) for p in economics.paragraphs), \
        [p.text[-80:] for s in paper.sections for p in s.paragraphs]
    box = next(s for s in paper.sections if s.title == "The Cost of Things")
    assert not any("sentence goes on" in p.text for p in box.paragraphs)
