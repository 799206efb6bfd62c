"""Headings: a property's head on a line of its own ("Property 1 (Local accuracy)", bold, its
statement and a display equation under it) is the statement's head, as a theorem's or a lemma's is,
not a subsection (NIPS 2017's SHAP paper: the first of three properties became a section under
"3 Simple Properties ...")."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import lines


def _paper(path, head: str) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "A Unified Approach to Reading Models", fontname="tibo", fontsize=17)
    page.insert_text((108, 130), "1   Introduction", fontname="tibo", fontsize=12)
    y, k = lines(page, 108, 504, 150, 8)
    page.insert_text((108, y + 10), "2   Simple Properties Determine the Attributions", fontname="tibo", fontsize=12)
    y, k = lines(page, 108, 504, y + 30, 5, start=k)
    page.insert_text((108, y + 6), head, fontname="tibo", fontsize=10)
    y, k = lines(page, 108, 504, y + 22, 2, start=k)
    page.insert_text((260, y + 8), "f(x) = g(x') = a + b x'", fontname="tiit", fontsize=10)
    y, k = lines(page, 108, 504, y + 30, 6, start=k)
    page.insert_text((108, y + 10), "3   Values", fontname="tibo", fontsize=12)
    lines(page, 108, 504, y + 30, 8, start=k)
    doc.save(path)


def test_a_propertys_head_on_its_own_line_is_no_section(tmp_path):
    _paper(tmp_path / "p.pdf", "Property 1 (Local accuracy)")
    got = [(s.number, s.title) for s in parse_pdf(tmp_path / "p.pdf").sections]
    assert ("1", "Introduction") in got and ("3", "Values") in got, got
    assert not any(t.startswith("Property") for _, t in got), got


def test_an_unnumbered_heading_of_other_words_stays_a_section(tmp_path):
    # (the rule reads the head's first word: "Properties of the estimator" is a heading)
    _paper(tmp_path / "q.pdf", "Properties of the estimator")
    got = [(s.number, s.title) for s in parse_pdf(tmp_path / "q.pdf").sections]
    assert any(t == "Properties of the estimator" for _, t in got), got
