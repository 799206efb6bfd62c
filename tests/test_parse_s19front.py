"""Front matter and text layers of the nineteenth split's papers, on pages made here: a page whose
simple fonts name none of their glyphs (read by their codes, StandardEncoding above ASCII), a
repository's cover sheet that says the paper is the author's version, a banner naming the
article's kind read in lower case, and a tinted band across the page behind the abstract."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_fonts import register_font
from pdf_pages import WORDS, column, fill, holds


def _unnamed_font(doc, page, name: str = "FQ") -> str:
    """A Type 1 font, not embedded, whose encoding names every glyph C<code> (3B2's fonts of IEEE's
    2000 journals): the text layer names none of its glyphs."""
    font = doc.get_new_xref()
    differences = " ".join(f"{c} /C{c}" for c in range(32, 256))
    doc.update_object(font, f"<< /Type /Font /Subtype /Type1 /BaseFont /AdvQ7C2E "
                            f"/Encoding << /Type /Encoding /Differences [{differences}] >> >>")
    return register_font(doc, page, name, font)


def test_page_in_fonts_without_names_is_read_by_code(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    font = _unnamed_font(doc, page)
    rows = fill(WORDS * 3, 440, font="tiro")
    rows[2] = "the \\252opportunity cost\\272 method moves jobs\\320quietly between the machines of the cluster"
    stream = "".join(f"BT /{font} 10 Tf 1 0 0 1 72 {792 - 110 - 12 * i} Tm ({text}) Tj ET\n" for i, text in enumerate(rows))
    xref = page.get_contents()[-1]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + stream.encode())
    doc.save(tmp_path / "codes.pdf")
    paper = parse_pdf(tmp_path / "codes.pdf")
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert holds(paper, "the model reads every page of the paper")
    assert "\ufffd" not in text
    assert "“opportunity cost”" in text and "jobs—quietly" in text


def _paper_page(page, title: str) -> None:
    page.insert_text((120, 90), title, fontname="hebo", fontsize=13)
    page.insert_text((200, 115), "Ada Lovelace and Charles Babbage", fontname="helv", fontsize=10)
    page.insert_text((72, 160), "Abstract", fontname="hebo", fontsize=12)
    y = column(page, fill(WORDS * 2, 450), 72, 178)
    page.insert_text((72, y + 20), "INTRODUCTION", fontname="hebo", fontsize=12)
    column(page, fill(WORDS * 6, 450), 72, y + 40)


def test_author_version_cover_sheet_is_passed_over(tmp_path):
    doc = pymupdf.open()
    cover = doc.new_page(width=595, height=842)
    rows = ["This is the author’s version of a work that was submitted/accepted for pub-",
            "lication in the following source:", "",
            "Lovelace, Ada, & Babbage, Charles",
            "(2005) Notes on the Analytical Engine and its Programs. In Proceedings of",
            "the Conference on Engines, Sydney.", "",
            "This file was downloaded from: http://eprints.example.edu/12345/", "", "",
            "Notice: Changes introduced as a result of publishing processes such as",
            "copy-editing and formatting may not be reflected in this document. For a",
            "definitive version of this work, please refer to the published source:"]
    column(cover, rows, 118, 230, size=10.9, pitch=13.5)
    _paper_page(doc.new_page(width=595, height=842), "Notes on the Analytical Engine and its Programs")
    doc.save(tmp_path / "cover.pdf")
    paper = parse_pdf(tmp_path / "cover.pdf")
    assert paper.title == "Notes on the Analytical Engine and its Programs"


def test_kind_banner_read_in_lower_case_is_no_title(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=792)
    page.insert_text((43, 60), "letter", fontname="tiro", fontsize=38)
    page.insert_text((43, 120), "Evolution on every graph of weights", fontname="tibo", fontsize=22)
    page.insert_text((43, 145), "Ada Lovelace, Charles Babbage and Mary Somerville", fontname="tiro", fontsize=9)
    y = column(page, fill(WORDS * 2, 250, font="tibo", size=9.4), 43, 180, font="tibo", size=9.4, pitch=10.5)
    column(page, fill(WORDS * 8, 250, font="tiro", size=9.4), 43, y + 4, font="tiro", size=9.4, pitch=10.5)
    doc.save(tmp_path / "letter.pdf")
    paper = parse_pdf(tmp_path / "letter.pdf")
    assert paper.title == "Evolution on every graph of weights"


def test_tinted_band_across_the_page_behind_the_abstract_is_text(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=531, height=657)
    page.insert_text((230, 140), "Chemical Kinetics by Simulation", fontname="tiro", fontsize=21)
    page.insert_text((230, 200), "Ada Lovelace", fontname="tiro", fontsize=12)
    rows = fill(WORDS * 2 + ["done."], 254, font="tiro", size=9)
    # the band: one fill from past the left edge to past the right one, under the text
    page.draw_rect(pymupdf.Rect(-9, 338, 541, 408 + 12 * len(rows)), color=None, fill=(0.97, 0.95, 0.88), overlay=False)
    notes = ["Annu. Rev. Phys. Chem. 2007. 58:35-55", "First published online as a Review",
             "in Advance on October 12, 2006", "This article's doi: 10.1146/annurev",
             "Copyright 2007 by Annual Reviews.", "All rights reserved"]
    column(page, notes, 60, 356, font="tiro", size=7, pitch=12)
    page.insert_text((230, 356), "Key Words", fontname="tibo", fontsize=10)
    page.insert_text((230, 372), "tau-leaping, master equation, stiff systems", fontname="tiro", fontsize=9)
    page.insert_text((230, 392), "Abstract", fontname="tibo", fontsize=10)
    column(page, rows, 230, 408, font="tiro", size=9, pitch=12)
    body = doc.new_page(width=531, height=657)
    body.insert_text((155, 60), "1. INTRODUCTION", fontname="tibo", fontsize=10)
    column(body, fill(WORDS * 8, 316, font="tiro", size=9), 155, 80, font="tiro", size=9, pitch=12)
    doc.save(tmp_path / "band.pdf")
    paper = parse_pdf(tmp_path / "band.pdf")
    assert (paper.abstract or "").startswith("the model reads every page of the paper")



def _margin_rule(tmp_path, name: str, *, banner: bool, foot: float, gap: bool):
    """Whether the parser takes a rule down the left margin 11 pt off a column of 9.5 pt prose
    (IEEE Computer's) for a column's rule, page furniture: the rule running on from
    the edge of a section banner over the column (`banner`), the column ending at `foot`, a pull
    quote's 70 pt cut out of it (`gap`)."""
    from paperkit.reading import parse
    from paperkit.reading.ink import page_marks

    doc = pymupdf.open()
    page = doc.new_page(width=627, height=834)
    if banner:
        page.draw_rect(pymupdf.Rect(66, 53, 198, 76), color=None, fill=(0.07, 0.52, 0.78))
    page.draw_line((66, 53), (66, 747), color=(0, 0, 0), width=0.5)
    rows = fill(WORDS * 30, 226, font="tiro", size=9.5)
    y, k = 90, 0
    while y < foot:
        if not (gap and 250 < y < 330):
            page.insert_text((77, y), rows[k], fontname="tiro", fontsize=9.5)
            k += 1
        y += 14  # (a pitch 1.1 times the lines' boxes, as IEEE Computer's 9.5 pt text at 12 pt)
    doc.save(tmp_path / name)
    doc = pymupdf.open(tmp_path / name)
    lines = parse._page_lines(doc[0], 0)
    rule = next(box for kind, box, _, _ in page_marks(doc[0]) if kind == "stroke-path" and box[3] - box[1] > 600)
    return parse._column_rule(rule, lines, page_marks(doc[0]))


def test_margin_rule_running_on_from_a_banner_is_a_column_rule(tmp_path):
    # (the banner meets the rule's top only: no frame's side)
    assert _margin_rule(tmp_path, "banner.pdf", banner=True, foot=740, gap=False)


def test_margin_rule_beside_a_column_cut_by_a_pull_quote_is_a_column_rule(tmp_path):
    # (the lines' leading counts: their own boxes cover under 0.6 of the rule)
    assert _margin_rule(tmp_path, "quote.pdf", banner=False, foot=610, gap=True)
