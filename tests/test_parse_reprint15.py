"""Papers printed anew through cairo (Firefox's print to PDF): each face's box is the one its font
declares, taller than the letters, so the rules read the printed geometry (baselines, sizes) where
the boxes' gaps mislead. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def test_a_title_stands_apart_from_the_names_by_its_baselines(tmp_path):
    # ICASSP printed through cairo: a 12 pt bold title in two lines 13.2 pt apart, the names in
    # 12 pt italic 26.7 pt under its last baseline; the faces' declared boxes (Times Bold reaching
    # 1.04 em up and 0.34 down) left 9 pt between the boxes, less than the title's size, and the
    # names ran on the title.
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((80, 100), "DEEP CLUSTERING AND CONVENTIONAL NETWORKS FOR MUSIC", fontname="tibo", fontsize=12)
    page.insert_text((180, 113.2), "SEPARATION: STRONGER TOGETHER", fontname="tibo", fontsize=12)
    page.insert_text((120, 139.9), "Yi Luo     Zhuo Chen     John R. Hershey", fontname="tiit", fontsize=12)
    page.insert_text((150, 167), "Department of Electrical Engineering, Columbia University", fontname="tiro", fontsize=12)
    page.insert_text((150, 200), "ABSTRACT", fontname="tibo", fontsize=10)
    _lines(page, 72, 300, 216, 12)
    page.insert_text((72, 380), "1. INTRODUCTION", fontname="tibo", fontsize=10)
    _lines(page, 72, 300, 396, 20)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    title = [s for b in pymupdf.open(path)[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
             for s in ln["spans"] if s["text"].startswith("SEPARATION")][0]
    names = [s for b in pymupdf.open(path)[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
             for s in ln["spans"] if s["text"].startswith("Yi Luo")][0]
    assert names["bbox"][1] - title["bbox"][3] < 12, (title["bbox"], names["bbox"])  # the boxes' gap misleads
    paper = parse_pdf(path)
    assert paper.title == "DEEP CLUSTERING AND CONVENTIONAL NETWORKS FOR MUSIC SEPARATION: STRONGER TOGETHER", \
        paper.title

