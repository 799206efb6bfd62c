"""Study of the fortieth held-out split: sentences and sections (pages drawn here with PyMuPDF)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_fonts import mapped_glyph
from tests.test_parse_left36 import _column, _paragraph


def _heading_over_tall_sum_pdf(path) -> None:
    """Numbered headings in bold at the text's 10 pt; "A.1 LN Formulation" right over a display whose
    first piece is a tall sum sign, its top reaching up into the heading's row."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Token Attribution in Encoder Blocks", fontname="tibo", fontsize=16)
    y = 120
    for num, title in (("1", "Introduction"), ("2", "Background"), ("A", "Appendix")):
        page.insert_text((72, y), f"{num}  {title}", fontname="tibo", fontsize=10)
        y = _paragraph(page, y + 14) + 10
    page.insert_text((72, y), "A.1  LN Formulation", fontname="tibo", fontsize=10)
    page.insert_text((122, y + 10), "S", fontname="symb", fontsize=14)  # the sum, set large and high
    page.insert_text((72, y + 12), "m(a) := 1", fontname="tiro", fontsize=10)
    page.insert_text((136, y + 12), "k a(k),", fontname="tiro", fontsize=10)
    page.insert_text((115, y + 19), "d", fontname="tiro", fontsize=7)
    y = _paragraph(page, y + 34) + 10
    page.insert_text((72, y), "A.2  More Models", fontname="tibo", fontsize=10)
    _paragraph(page, y + 14)
    doc.save(path)


def test_a_numbered_bold_heading_over_a_tall_sum_stays_a_heading(tmp_path):
    path = tmp_path / "sum.pdf"
    _heading_over_tall_sum_pdf(path)
    sections = [(s.number, s.title) for s in parse_pdf(path).sections]
    assert ("A.1", "LN Formulation") in sections, sections


def _run_in_head_over_script_stack_pdf(path) -> None:
    """Bold run-in heads in the text's 10 pt ("Case I: ...", "Case II: W^(t)_1 X * X."), the second's
    letter bearing a wide superscript and a subscript set one over the other, its paragraph going on
    beside it on the row; a display's three rows above start where the subscript starts."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Rewriting the Product of Two Branches", fontname="tibo", fontsize=16)
    y = 120
    for num, title in (("1", "Introduction"), ("2", "Special Cases")):
        page.insert_text((72, y), f"{num}  {title}", fontname="tibo", fontsize=11)
        y = _paragraph(page, y + 14) + 10
    page.insert_text((72, y), "Case I: Non-Linear Nature of W.", fontname="tibo", fontsize=10)
    page.insert_text((230, y), "In practical scenarios the model reads every page of the paper", fontname="tiro",
                     fontsize=10)
    y = _paragraph(page, y + 12) + 4
    # a display of three rows, each indented to where the stacked subscript below will stand
    head = "Case II: W"
    x = 72 + pymupdf.get_text_length(head, fontname="tibo", fontsize=10)
    for k in range(3):
        page.insert_text((x + 0.6, y + 4 + 14 * k), f"a{k + 1} = O{k + 1} * W x + b", fontname="symb", fontsize=10)
    y += 50
    page.insert_text((72, y), head, fontname="tibo", fontsize=10)
    page.insert_text((x + 0.5, y - 4), "W", fontname="hebo", fontsize=7)  # a wide script: 6.6 pt
    page.insert_text((x, y + 2.5), "1", fontname="tibo", fontsize=7)
    page.insert_text((x + 6, y), "X", fontname="tibo", fontsize=10)
    # the star from a math font whose glyph box reaches far above and below the row (as MnSymbol's)
    mapped_glyph(doc, page, x + 14, y, 10, "2217", advance=500, glyph_box=(500, 4000))
    page.insert_text((x + 20, y), "X. When removing the transformation the implicit dimension", fontname="tiro",
                     fontsize=10)
    y = _paragraph(page, y + 12) + 10
    page.insert_text((72, y), "3  Conclusion", fontname="tibo", fontsize=11)
    _paragraph(page, y + 14)
    doc.save(path)


def test_a_run_in_head_goes_on_past_a_stacked_superscript_and_subscript(tmp_path):
    path = tmp_path / "stack.pdf"
    _run_in_head_over_script_stack_pdf(path)
    sections = [(s.number, s.title) for s in parse_pdf(path).sections]
    assert not any(t and t.startswith("Case II") for _, t in sections), sections


def _enumerated_italic_identifier_pdf(path) -> None:
    """An IEEE-style page in Times: sections "I. INTRODUCTION" in bold capitals, subsections "A. ..." in
    italics, and third-level headings "1) Remote stores" and "2) cudaMemcpy" in italics, each on a line
    of its own over its indented paragraph; the second names a function in camel case."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Global Address Spaces for Clusters of GPUs", fontname="tibo", fontsize=16)
    y = 120
    page.insert_text((72, y), "I. INTRODUCTION", fontname="tibo", fontsize=10)
    y = _paragraph(page, y + 14) + 8
    page.insert_text((72, y), "A. Bandwidth Tests", fontname="tiit", fontsize=10)
    y = _paragraph(page, y + 14) + 8
    for head in ("1) Remote stores", "2) cudaMemcpy"):
        page.insert_text((80, y), head, fontname="tiit", fontsize=10)
        y = _paragraph(page, y + 12) + 8
    page.insert_text((72, y), "II. CONCLUSION", fontname="tibo", fontsize=10)
    _paragraph(page, y + 14)
    doc.save(path)


def test_an_enumerated_italic_heading_may_open_on_a_camel_case_name(tmp_path):
    path = tmp_path / "camel.pdf"
    _enumerated_italic_identifier_pdf(path)
    sections = [(s.number, s.title) for s in parse_pdf(path).sections]
    assert ("1", "Remote stores") in sections, sections
    assert ("2", "cudaMemcpy") in sections, sections


def _program_named_headings_pdf(path) -> None:
    """Two columns of 10 pt text under numbered headings in 12 pt roman; the subsections open on a
    program's name in lower case and a colon, the second atop the right column ("2.2 nprof:
    Hierarchical Network Profiler")."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Packet Histories for Debugging Networks", fontname="tibo", fontsize=16)
    y = 120
    for head in ("1  Introduction", "2  Applications", "2.1  netwatch: Live Invariant Monitor"):
        page.insert_text((54, y), head, fontname="tiro", fontsize=12)
        y = _column(page, 54, 290, y + 16, y + 16 + 11 * 6) + 12
    _column(page, 54, 290, y, 740)
    y = 72
    for head in ("2.2  nprof: Hierarchical Network Profiler", "3  Related Work"):
        page.insert_text((318, y), head, fontname="tiro", fontsize=12)
        y = _column(page, 318, 554, y + 16, y + 16 + 11 * 8) + 12
    doc.save(path)


def test_a_numbered_heading_may_open_on_a_program_name_in_lower_case(tmp_path):
    path = tmp_path / "program.pdf"
    _program_named_headings_pdf(path)
    sections = [(s.number, s.title) for s in parse_pdf(path).sections]
    assert ("2.1", "netwatch: Live Invariant Monitor") in sections, sections
    assert ("2.2", "nprof: Hierarchical Network Profiler") in sections, sections
