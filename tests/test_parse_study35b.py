"""Headings of the thirty-fifth held-out split: a dotted number glued to its title ("4.3.Comparison",
the title set against the number's box where it wraps under a hanging indent, no space glyph), and an
IEEE subsection whose letter and title a subsection of an earlier section printed too ("A. IP
Backbones" under III and again under VI): a heading of its own, no running head. And a code listing's
caption read between a sentence and its continuation: the sentence goes on past it."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import holds, lines, paragraphs


def _sections(paper) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in paper.sections]


def test_a_number_glued_to_its_wrapped_bold_title_is_a_heading(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "4.2. The Testing Datasets", fontname="tibo", fontsize=11)
    y, k = lines(page, 72, 300, 100, 8)
    # "4.3." then the title right against it at the hanging indent, wrapped to a second row there
    page.insert_text((72, y + 14), "4.3.", fontname="tibo", fontsize=11)
    x = 72 + pymupdf.get_text_length("4.3.", fontname="tibo", fontsize=11) + 1.6
    page.insert_text((x, y + 14), "Comparison among external, internal and", fontname="tibo", fontsize=11)
    page.insert_text((x, y + 26), "guided internal priors", fontname="tibo", fontsize=11)
    lines(page, 72, 300, y + 46, 8, start=k)
    doc.save(tmp_path / "glued.pdf")
    paper = parse_pdf(tmp_path / "glued.pdf")
    assert ("4.3", "Comparison among external, internal and guided internal priors") in _sections(paper), \
        _sections(paper)


def _ieee_page(page, y: float, number: str, title: str, subs: list[str], k: int) -> tuple[float, int]:
    page.insert_text((72, y), f"{number}. {title}", fontname="tiro", fontsize=10)
    y, k = lines(page, 72, 300, y + 16, 4, start=k)
    for letter, sub in zip("ABC", subs):
        page.insert_text((72, y + 4), f"{letter}. {sub}", fontname="tiit", fontsize=10)
        y, k = lines(page, 72, 300, y + 18, 4, start=k)
    return y + 8, k


def test_a_lettered_subsection_printed_again_under_another_section_is_kept(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Routing of Variable Traffic in Overlays", fontname="tibo", fontsize=20)
    y, k = 130.0, 0
    for number, title, subs in (("I", "INTRODUCTION", []),
                                ("II", "MOTIVATING APPLICATIONS", ["IP Backbones", "Service Overlays"]),
                                ("III", "RELATED METHODS", []),
                                ("IV", "APPLICATIONS OF ROUTING", ["IP Backbones", "Service Overlays"])):
        if y > 500:
            page, y = doc.new_page(width=612, height=792), 80.0
        y, k = _ieee_page(page, y, number, title, subs, k)
    doc.save(tmp_path / "ieee.pdf")
    got = _sections(parse_pdf(tmp_path / "ieee.pdf"))
    assert got.count(("A", "IP Backbones")) == 2 and got.count(("B", "Service Overlays")) == 2, got


def test_a_sentence_goes_on_past_a_listing_caption_under_its_code(tmp_path):
    # The sentence ends page 1's right column on a full line, "... To do this,"; page 2's left column
    # is a code listing with its caption under it, its first line as full as that one; the sentence
    # goes on atop the right column. The caption is the listing's, no words of the sentence.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 80), "1 Introduction", fontname="hebo", fontsize=12)
    _, k = lines(page, 54, 294, 100, 50, size=9)
    y, k = lines(page, 317, 556, 80, 53, size=9, start=k)
    page.insert_text((317, y), "it does not enqueue into a cell that is marked unusable. To do this,", fontname="tiro", fontsize=9)
    page = doc.new_page(width=612, height=792)
    code = ["void enqueue(queue_t *q, void *v) {", "  long id = FAA(&q->tail, 1);", "  cell_t *c = find_cell(&q->tail, id);",
            "  if (CAS(&c->val, EMPTY, v)) return;", "  enq_slow(q, v, id);", "}"]
    cy = 80.0
    while cy < 640:
        for row in code:
            page.insert_text((63, cy), row, fontname="cour", fontsize=7)
            cy += 9
        cy += 9
    page.insert_text((54, 700), "Listing 3. Pseudo code for wait-free enqueue. The helper is called", fontname="tiro", fontsize=9)
    page.insert_text((54, 710.5), "by a dequeue on each cell from which it tries to obtain a value.", fontname="tiro", fontsize=9)
    page.insert_text((317, 80), "we employ the protocol of the earlier work to synchronize an enqueuer and", fontname="tiro", fontsize=9)
    lines(page, 317, 556, 91, 40, size=9, start=k)
    doc.save(tmp_path / "listing.pdf")
    paper = parse_pdf(tmp_path / "listing.pdf")
    assert holds(paper, "To do this, we employ the protocol of the earlier work to synchronize an enqueuer and"), \
        [p[-200:] for p in paragraphs(paper) if "do this" in p]
