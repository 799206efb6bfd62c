"""A raised number in a heading, a footnote's call or the title's own; a lone heading line in the
numbered headings' face; a binomial's lower number under its tall bracket: each on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from pdf_fonts import mapped_glyph, show, type3_font  # noqa: E402
from test_parse_heads9 import PROSE, Page, _parse  # noqa: E402  (heads9's page writer and parse helper)


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title) for s in paper.sections]


def _raised_heading(page: Page, number: str, before: str, mark: str, after: str) -> None:
    """A bold 12 pt heading with `mark` raised in 8 pt after `before`, `after` following it."""
    x = 72
    page.page.insert_text((x, page.y), f"{number} {before}", fontname="tibo", fontsize=12)
    x += pymupdf.get_text_length(f"{number} {before}", fontname="tibo", fontsize=12)
    page.page.insert_text((x, page.y - 4), mark, fontname="tibo", fontsize=8)
    x += pymupdf.get_text_length(mark, fontname="tibo", fontsize=8)
    page.page.insert_text((x, page.y), f" {after}", fontname="tibo", fontsize=12)
    page.y += 18


def _note(page: Page, mark: str, text: str) -> None:
    page.page.draw_line((72, 700), (180, 700), width=0.4)
    page.page.insert_text((72, 711), mark, fontname="tiro", fontsize=6)
    page.page.insert_text((76, 715), text, fontname="tiro", fontsize=8)


def _called(page: Page, mark: str) -> None:
    """A line of prose ending on a footnote call raised after its full stop."""
    text = "We adapted the planner from the released codebase."
    page.page.insert_text((72, page.y), text, fontname="tiro", fontsize=10)
    page.page.insert_text((72 + pymupdf.get_text_length(text, fontname="tiro", fontsize=10), page.y - 3.5), mark,
                          fontname="tiro", fontsize=7)
    page.y += 12.5


def _two_pages(heading_note: bool) -> object:
    # ICCV 2023: footnote 3 called and set on page 12; on page 13 the heading "B. Comparison with
    # (SL)³ on ALFRED", the method's name raised to a power, no note 3 on that page.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.5)
    page.paragraph(repeat=4)
    _called(page, "3")
    page.paragraph(repeat=2)
    _note(page, "3", "https://github.com/example/planner")
    page = Page(doc)
    page.paragraph(repeat=3)
    _raised_heading(page, "2", "Comparison with (SL)", "3", "on ALFRED")
    page.paragraph(repeat=4)
    page.skip(6)
    _raised_heading(page, "3", "Efficiency", "4", "and Cost")
    page.paragraph(repeat=3)
    if heading_note:
        _note(page, "4", "Measured on one GPU.")
    return _parse(doc)


def test_a_raised_number_in_a_heading_with_no_note_of_that_mark_on_its_page_stays_in_the_title():
    paper = _two_pages(heading_note=True)
    titles = _titles(paper)
    assert ("2", "Comparison with (SL)3 on ALFRED") in titles, titles
    # (a raised number whose note is on the heading's page is the note's call: out of the title)
    assert ("3", "Efficiency and Cost") in titles, titles



def test_a_raised_number_in_a_heading_that_no_footnote_bears_is_a_call_all_the_same():
    # A Word paper's "I. INTRODUCTION¹" and a 1995 report's "2 Sentic⁶ Modulation": notes the page's
    # reading did not set apart, so no footnote found bears the mark; the number is still a call,
    # out of the title (only a mark a note on another page bears is the title's own, as in (SL)³).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Background", "tibo", 12, gap=1.5)
    page.paragraph(repeat=4)
    _raised_heading(page, "2", "Sentic", "6", "Modulation")
    page.paragraph(repeat=4)
    titles = _titles(_parse(doc))
    assert ("2", "Sentic Modulation") in titles, titles


BLUE = (0x46 / 255, 0x7E / 255, 0xA6 / 255)


def _blue(page: Page, text: str, bold: bool = False, size: float = 10.5, x: float = 72) -> None:
    page.page.insert_text((x, page.y), text, fontname="tibo" if bold else "tiro", fontsize=size, color=BLUE)
    page.y += 22


def test_a_lone_line_in_the_numbered_subheadings_colour_heads_a_section_at_their_level():
    # IJCAS (Springer): subsections "4.1. Definition of the State Variables" in regular 10.5 pt blue
    # over black 10 pt text, sections in bold blue capitals; "Funding" under "DECLARATIONS" in the
    # subsections' regular blue, alone on its line and unnumbered, heads a subsection too.
    doc = pymupdf.open()
    page = Page(doc)
    _blue(page, "1. INTRODUCTION", bold=True, size=10)
    page.paragraph(repeat=2, indent=10, after=12)
    for n, title in enumerate(["Definition of the State Variables", "Definition of the Measurements",
                               "Advantages of the Tilt Observer"], 1):
        page.page.insert_text((72, page.y), f"1.{n}.", fontname="tiro", fontsize=10, color=BLUE)
        _blue(page, title, x=97)
        page.paragraph(repeat=2, indent=10, after=12)
    page = Page(doc)
    _blue(page, "2. CONCLUSION", bold=True, size=10)
    page.paragraph(repeat=2, indent=10, after=12)
    _blue(page, "DECLARATIONS", bold=True, size=10)
    _blue(page, "Funding")
    page.paragraph("This paper is based on results obtained from a project of the national research programme.",
                   repeat=2, indent=10, after=12)
    page.skip(6)
    # (a black line of its own in the text's type stays in the text)
    page.line("Our planner in short")
    page.paragraph(repeat=2, indent=10, after=12)
    titles = [(s.number, s.title, s.level) for s in _parse(doc).sections]
    assert titles[-2:] == [(None, "DECLARATIONS", 1), (None, "Funding", 2)], titles


def test_a_row_opened_by_a_binomial_keeps_its_lower_number_and_its_paragraph():
    # VISAPP 2017: "(N over 2) of possible pairs can be used. Only pairs with at" / "least 30 degrees
    # ...": the binomial's brackets come only a few points tall, the "N" and the bracket as one line,
    # the lower "2" as another, off the row's baseline, all left of its first word. Read after the
    # row, the lone "2" parted the paragraph inside the sentence "Only pairs with at least ...".
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2, after=0)
    page.line("Siamese network takes in input pair of images: considering a dataset with about N frames, a huge number")
    y, pg = page.y, page.page
    pg.insert_text((88, y), "of possible pairs can be used. Only pairs with at", fontname="tiro", fontsize=10)
    # (the brackets: glyphs the text layer cannot name, in boxes 6.3 pt tall; the stack's letters
    # in script size, boxes as low)
    mapped_glyph(doc, pg, 72, y - 2.1, 10, "D800", advance=460, glyph_box=(460, 630), name="BL")
    font = type3_font(doc, pg, {78: "N", 50: "two"}, name="SC", advance=600, glyph_box=(600, 660))
    show(doc, pg, font, 7.4, [(76.6, y - 4.4, "N")])
    mapped_glyph(doc, pg, 81.5, y - 2.1, 10, "D800", advance=460, glyph_box=(460, 630), name="BR")
    show(doc, pg, font, 7.4, [(77.4, y + 3.5, "2")])
    page.y += 12.5
    page.line("least thirty degrees of difference between all head angles are selected. We train every model")
    page.paragraph(repeat=2)
    paragraphs = [p.text for s in _parse(doc).sections for p in s.paragraphs]
    sentence = "Only pairs with at least thirty degrees of difference between all head angles are selected."
    assert any(sentence in text for text in paragraphs), paragraphs
    assert not any(text.strip() == "2" for text in paragraphs), paragraphs
