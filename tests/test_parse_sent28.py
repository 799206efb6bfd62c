"""Body sentences of the eighteenth split (session 28), each drawn here with PyMuPDF in the shape a
real paper printed it."""

from __future__ import annotations

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
