"""Pages printed anew by a library that embeds each font again and declares the font's whole box as
its ascent and descent (cairo, as a browser's print to PDF; issue 14, the reprinted variant): the
line boxes the text layer builds from them stand far taller than the type. Pages drawn with
PyMuPDF, the fonts' descriptors then rewritten."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import _page_lines, parse_pdf


def _declare(path, ascent: int, descent: int):
    """The PDF at `path` with every embedded font's descriptor declaring `ascent` and `descent`
    (thousandths of an em), saved beside it."""
    doc = pymupdf.open(path)
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Type")[1] == "/FontDescriptor":
            doc.xref_set_key(xref, "Ascent", str(ascent))
            doc.xref_set_key(xref, "Descent", str(descent))
    out = path.with_name(f"{path.stem}-{ascent}.pdf")
    doc.save(out)
    return out


def _rule(page, x0: float, x1: float, y: float) -> None:
    page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=0.4)


def _table_page(tmp_path):
    """Elsevier's small table in the right column: "Table 1" in bold on a line of its own, the caption
    under it, whose word spaces are drawn at the text's size (10 pt among 6.4 pt words, as the
    copy printed anew has them), then the table's rules round its head row and its rows."""
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=794)
    _lines(first, 60, 535, 80, 40)
    page = doc.new_page(width=595, height=794)
    page.insert_font(fontname="R", fontbuffer=pymupdf.Font("tiro").buffer)
    page.insert_font(fontname="B", fontbuffer=pymupdf.Font("tibo").buffer)
    _lines(page, 37, 290, 80, 60, size=9)
    _lines(page, 305, 557, 80, 4, size=9)
    _rule(page, 305, 557, 121)
    page.insert_text((354, 141.8), "Table 1", fontname="B", fontsize=6.4)
    x = 354.0
    for k, word in enumerate("Parameter setting for BO training.".split()):
        if k:
            page.insert_text((x, 150.4), " ", fontname="R", fontsize=10)
            x += pymupdf.get_text_length(" ", fontname="tiro", fontsize=6.4)
        page.insert_text((x, 150.4), word, fontname="R", fontsize=6.4)
        x += pymupdf.get_text_length(word, fontname="tiro", fontsize=6.4)
    _rule(page, 354, 510, 153.4)
    page.insert_text((358.7, 161.2), "Parameters", fontname="R", fontsize=6.4)
    page.insert_text((445.8, 161.2), "Values", fontname="R", fontsize=6.4)
    _rule(page, 354, 510, 165.3)
    y = 173.1
    for name, value in (("Initial points", "10"), ("Upper bound", "0.7, 0.008, 2"),
                        ("Lower bound", "0.1, 0.001, 0.4"), ("Iterations", "70")):
        page.insert_text((358.7, y), name, fontname="R", fontsize=6.4)
        page.insert_text((445.8, y), value, fontname="R", fontsize=6.4)
        y += 8.6
    _rule(page, 354, 510, y - 4)
    _lines(page, 305, 557, y + 20, 40, size=9)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    return path


def test_a_caption_in_a_font_declaring_its_whole_box_keeps_its_table(tmp_path):
    # Elsevier printed anew by cairo: CharisSIL declared 1269/-533 (its font box) where the
    # original said 705/-227. The caption's line box rose over "Table 4" above it, and the table
    # was lost: "Table 4" stood alone as a paragraph.
    path = _table_page(tmp_path)
    for ascent, descent in ((705, -227), (1269, -533)):
        paper = parse_pdf(_declare(path, ascent, descent))
        assert [(t.number, t.caption) for t in paper.tables] == [("1", "Parameter setting for BO training.")], ascent


def test_the_lines_of_a_font_declaring_its_whole_box_do_not_overlap(tmp_path):
    # A 7 pt abstract at a 9 pt pitch: boxes of 1.27 em over the baseline stood 12 pt tall and
    # reached into the line above; cut to 0.8 em up (and 0.4 down), each stands apart.
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="R", fontbuffer=pymupdf.Font("tiro").buffer)
    for k in range(4):
        page.insert_text((72, 100 + 9 * k), f"line {k} of an abstract set small", fontname="R", fontsize=7)
    path = tmp_path / "abstract.pdf"
    doc.save(path)
    page = pymupdf.open(_declare(path, 1269, -533))[0]
    spans = [s for b in page.get_text("dict")["blocks"] for ln in b["lines"] for s in ln["spans"]]
    assert spans[0]["origin"][1] - spans[0]["bbox"][1] > 8.5, spans[0]["bbox"]  # the declared ascent
    lines = sorted(_page_lines(page, 0), key=lambda ln: ln.y0)
    assert len(lines) == 4
    for line in lines:
        assert line.base - line.y0 <= 0.8 * 7 + 0.01, (line.y0, line.base)
    for upper, lower in zip(lines, lines[1:]):
        assert upper.y1 < lower.y0, [(ln.y0, ln.y1) for ln in lines]


def test_the_standard_fonts_boxes_are_left_as_they_are(tmp_path):
    # MuPDF's own Helvetica for a font the page does not embed reaches 1.075 em over its
    # baseline: a box the parser was always given for such pages, not cut.
    doc = pymupdf.open()
    page = doc.new_page()
    for k in range(3):
        page.insert_text((72, 100 + 14 * k), f"line {k} of a paragraph in helvetica", fontname="helv", fontsize=10)
    path = tmp_path / "helvetica.pdf"
    doc.save(path)
    page = pymupdf.open(path)[0]
    lines = sorted(_page_lines(page, 0), key=lambda ln: ln.y0)
    assert all(ln.base - ln.y0 > 1.05 * 10 for ln in lines), [(ln.y0, ln.base) for ln in lines]
