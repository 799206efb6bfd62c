"""Parser robustness found by printing the tune papers anew with cairo (bench_real --variant reprinted)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_fonts import show, type3_font
from pdf_pages import WORDS
from pdf_pages import column as _column
from pdf_pages import fill as _fill
from pdf_pages import holds as _holds
from pdf_pages import paragraphs as _paragraphs


def test_a_line_in_large_type_of_glyphs_the_text_layer_cannot_name_is_no_heading_and_no_crash(tmp_path):
    # A paper printed anew by cairo: a line in large type whose glyphs all lost their Unicode names
    # (a logo or a symbol set in a font of its own) read as nothing but U+FFFD; once those were
    # dropped, the heading test looked at the first letter of an empty title and the parse failed.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    y = _column(page, _fill(WORDS * 2 + ["done."], 440), 72, 110)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <61> <63> <D800> endbfrange "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = type3_font(doc, page, {97: "g1", 98: "g2", 99: "g3"}, advance=600, font_box=(600, 700), to_unicode=cmap)
    show(doc, page, font, 16, [(72, y + 24, "abc")])
    _column(page, _fill(WORDS[:40] + ["ends", "here."], 440), 72, y + 52)
    doc.save(tmp_path / "glyphs.pdf")
    paper = parse_pdf(tmp_path / "glyphs.pdf")
    assert [s.title for s in paper.sections] == ["Introduction"]
    assert "\ufffd" not in " ".join(_paragraphs(paper)) and _holds(paper, " ".join(WORDS[:12]))


def test_a_title_printed_after_a_title_label_is_read_without_it(tmp_path):
    # A bioRxiv preprint from Word labels its cover page's fields ("Title: Speaker-induced
    # suppression in EEG ...", "Authors: ..."); without the PDF's metadata the title read "Title: ...".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 90), "Title:", fontname="tibo", fontsize=12)
    page.insert_text((72 + pymupdf.get_text_length("Title: ", "tibo", 12), 90),
                     "Induced suppression of responses during a reading task", fontname="tiro", fontsize=12)
    page.insert_text((72, 120), "Authors:", fontname="tibo", fontsize=12)
    page.insert_text((72 + pymupdf.get_text_length("Authors: ", "tibo", 12), 120), "Ann Author, Ben Writer",
                     fontname="tiro", fontsize=12)
    page.insert_text((72, 170), "Abstract", fontname="tibo", fontsize=12)
    y = _column(page, _fill(WORDS * 2 + ["done."], 440), 72, 190)
    page.insert_text((72, y + 20), "Introduction", fontname="tibo", fontsize=12)
    _column(page, _fill(WORDS[:40] + ["ends", "here."], 440), 72, y + 40)
    doc.set_metadata({})
    doc.save(tmp_path / "labelled.pdf")
    assert parse_pdf(tmp_path / "labelled.pdf").title == "Induced suppression of responses during a reading task"
