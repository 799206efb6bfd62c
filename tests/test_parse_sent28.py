"""Body sentences of the eighteenth split (session 28), each drawn here with PyMuPDF in the shape a
real paper printed it."""

from __future__ import annotations

import pymupdf

from pdf_pages import WORDS, fill, holds, paragraphs, section_page
from test_parse_text27 import _parse, _rename, _set


def test_a_random_subset_prefix_holding_a_typewriter_name_is_no_code(tmp_path):
    # IJCAI 2018: the body face named "VBXRTY+TxttpkKtrpqxNimbusRomNo9L-Regu", random letters glued
    # to the family's name; "Txtt" read as txfonts' typewriter face (txtt), every line of prose as
    # code, kept line by line and its hyphens never undone.
    doc, page = section_page()
    rows = fill((WORDS * 3)[:50], 440)
    rows[1] += " con-"
    rows[2] = "cept " + rows[2]
    _set(page, rows, 72, 110)
    _rename(doc, "Helvetica", "TxttpkKtrpqxNimbusRomNo9L-Regu")
    paper = _parse(doc, tmp_path / "p.pdf")
    texts = paragraphs(paper)
    assert texts and not any(p.code for s in paper.sections for p in s.paragraphs)
    assert holds(paper, f"{rows[1].removesuffix(' con-')} concept {rows[2].removeprefix('cept ')}")
    # a font named for its typewriter face still is one
    doc, page = section_page()
    _set(page, rows[:3], 72, 110)
    _rename(doc, "Helvetica", "ABCDEF+CMTT10")
    paper = _parse(doc, tmp_path / "q.pdf")
    assert any(p.code for s in paper.sections for p in s.paragraphs)


def test_an_opening_in_large_type_goes_on_past_its_first_paragraph(tmp_path):
    # CACM's review articles open in 12 pt under the title, over 9.5 pt text, no abstract and no
    # heading: the first paragraph reads as the abstract, and the next ones in its type, "Right now,
    # we work with online information ...", were dropped with the front matter.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 90), "Probabilistic Topic Models", fontname="hebo", fontsize=24)
    page.insert_text((72, 120), "By David Writer", fontname="helv", fontsize=9.5)
    first = fill((WORDS * 3)[:48] + ["first."], 440, size=12)
    y = _set(page, first, 72, 160, pitch=15, size=12)
    second = fill(["Right", "now", "we", "work", "with", "two", "tools."] + (WORDS * 2)[:30] + ["second."], 420, size=12)
    page.insert_text((92, y + 2), second[0], fontname="helv", fontsize=12)
    y = _set(page, second[1:], 72, y + 17, pitch=15, size=12)
    body = fill((WORDS * 4)[:70] + ["body."], 440, size=9.5)
    _set(page, body, 72, y + 20, pitch=11.5, size=9.5)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Latent Allocation", fontname="hebo", fontsize=11)
    _set(page, fill((WORDS * 4)[:70] + ["more."], 440, size=9.5), 72, 100, pitch=11.5, size=9.5)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert holds(paper, "Right now we work with two tools.")


def test_a_row_broken_at_unicodes_hyphen_is_joined(tmp_path):
    # Springer's InDesign sets the break's hyphen as U+2010 ("It is raised the combi‐" / "nation
    # recommendation problem."): read "combi nation", the word never whole.
    doc, page = section_page()
    rows = fill((WORDS * 2)[:24], 440)
    rows[-1] += " combi\u2010"
    rows.append("nation of the parts is what the reader keeps.")
    # (in a font that has the glyph: the base 14 fonts have none)
    page.insert_font(fontname="uni", fontbuffer=pymupdf.Font("cjk").buffer)
    _set(page, rows, 72, 110, font="uni")
    paper = _parse(doc, tmp_path / "p.pdf")
    assert holds(paper, "combination of the parts is what the reader keeps.")


def test_the_text_right_column_is_read_before_the_references_band_under_both(tmp_path):
    # PLOS ONE balances the text's last two columns and sets the references under them in two
    # columns of their own, "References" over the left one: read column by column, the right column's
    # text came after the left column's references, the sentence across the columns cut.
    doc, page = section_page()
    left = fill((WORDS * 3)[:60] + ["the", "number", "of", "hidden", "layers", "as", "well", "as", "the"], 230, size=9)
    y = _set(page, left, 72, 110, pitch=11, size=9)
    right = fill(["number", "of", "hidden", "layers", "is", "what", "the", "reader", "keeps."] + (WORDS * 3)[:59] + ["end."],
                 230, size=9)  # (as long as the left column: the text's last two columns balanced)
    _set(page, right, 320, 110, pitch=11, size=9)
    page.insert_text((72, y + 14), "References", fontname="hebo", fontsize=10)
    refs = [f"{k}. Author A, Writer B (2001) A title of the paper number {k}. Journal {k}: 1-9." for k in range(1, 25)]
    rows = [r for ref in refs for r in fill(ref.split(), 230, size=7)]
    top = y + 30
    _set(page, rows[:len(rows) // 2], 72, top, pitch=8, size=7)
    _set(page, rows[len(rows) // 2:], 320, top, pitch=8, size=7)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert holds(paper, "as well as the number of hidden layers is what the reader keeps.")


def test_a_caption_indented_as_a_paragraph_goes_on_left_of_its_first_line(tmp_path):
    # Technometrics indents a caption's first line ("Figure 4. Sensitivity analysis ... from") and
    # sets the next one an em further left ("a TGP fit to ..."): read as the body text after the
    # caption, it was glued to the sentence the page broke before the figure.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 3)[:40] + ["the", "indexes", "of"], 468, size=10), 72, 110, size=10)
    page.draw_rect(pymupdf.Rect(150, y + 10, 460, y + 200), color=(0, 0, 0), fill=(0.6, 0.6, 0.6))
    page.insert_text((82, y + 215), "Figure 4. Sensitivity analysis of the test functions, with respect to independent inputs, from",
                     fontname="helv", fontsize=9)
    page.insert_text((72, y + 226), "a fit to twenty initial locations, summarized by samples of the indexes.",
                     fontname="helv", fontsize=9)
    page = doc.new_page(width=612, height=792)
    _set(page, ["interest conditional on a statistical model fit to the initial sample."] +
         fill((WORDS * 3)[:50] + ["end."], 468, size=10), 72, 80, size=10)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert holds(paper, "the indexes of interest conditional on a statistical model fit to the initial sample.")
