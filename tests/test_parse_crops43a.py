"""Wrong crops of session 43 found on tune papers whose floats nobody had checked, each drawn here
with PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _floats, _save
from pdf_pages import prose as _prose


def _put(page, x: float, y: float, text: str, size: float = 9, font: str = "helv") -> float:
    page.insert_text((x, y), text, fontname=font, fontsize=size)
    return x + pymupdf.get_text_length(text, font, size)


def _name_with_scripts(page, x: float, y: float, sup: str, sub: str, sub_now: bool = True) -> tuple[float, tuple]:
    """"Big − Vul" in math, its superscript and subscript stacked after it (TeX's Big-Vul^rand_train),
    each word a span of its own shorter than the subscript, in no math font; the x after it, and the
    subscript's place and text when it is drawn later (`sub_now` false)."""
    x = _put(page, x, y, "Big") + 2.2
    x = _put(page, x, y, "-", font="tiro") + 2.2
    x = _put(page, x, y, "Vul")
    end = _put(page, x + 0.5, y - 3.2, sup, size=6.3, font="tiro")
    if sub_now:
        end = max(end, _put(page, x + 0.5, y + 2.2, sub, size=6.3, font="tiro"))
    return end, (x + 0.5, y + 2.2, sub)


def test_a_table_under_a_caption_line_broken_at_its_scripts_keeps_its_crop(tmp_path):
    # IEEE TSE 2023: "TABLE 2" over its title's two lines, the second naming three sets in math,
    # "Big − Vul" with "rand" over "train", "val", "test" stacked after it; the line came in pieces,
    # one opening on the subscript "train" (read in the subscript's size), taken into the ruled table
    # 7 pt under it as a label at its edge: the table's box reached over its caption and the table
    # was lost.
    doc = pymupdf.open()
    first = doc.new_page(width=567, height=738)
    _prose(first, 26.2, 277.3, 46, 700)
    _prose(first, 289, 540, 46, 700)
    page = doc.new_page(width=567, height=738)
    _prose(page, 289, 540, 46, 700)
    _put(page, 134.4, 53, "TABLE 2")
    _put(page, 34.1, 62.4, "Number of Top-10 CWE Examples From the Big-Vul test in")
    x, _ = _name_with_scripts(page, 61.7, 71.5, "rand", "train")
    x = _put(page, x, 71.5, ", ", font="tiro")
    x, _ = _name_with_scripts(page, x, 71.5, "rand", "val")
    x = _put(page, x + 4, 71.5, "and", font="tiro") + 2.2
    _name_with_scripts(page, x, 71.5, "rand", "test")
    for y in (81.9, 111.3, 217.4):
        page.draw_line((26.2, y), (277.3, y), color=(0, 0, 0), width=0.5)
    _put(page, 221, 93.5, "Examples in", size=9, font="tiro")
    _put(page, 32, 107, "CWE ID", size=9, font="tiro")
    _put(page, 210, 107, "train/valid/test", size=9, font="tiro")
    for k in range(9):
        _put(page, 32, 122 + 10.5 * k, f"CWE-{119 + 17 * k}", size=9, font="tiro")
        _put(page, 222, 122 + 10.5 * k, f"{698 - 50 * k}/{108 - 5 * k}/{187 - 9 * k}", size=9, font="tiro")
    _prose(page, 26.2, 277.3, 235, 700)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "2")]
    assert table.bbox is not None and table.bbox[1] > 78 and table.bbox[3] > 215, table.bbox
