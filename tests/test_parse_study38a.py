"""The thirty-eighth held-out split, ML half: a draft's last page, its left column full of prose and
nothing on the right but headings ("Discussions", a few words under it, "Conclusion", "References"),
no line across the gutter: two columns, the left column's sentences read whole."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import fill, holds, lines, paragraphs

SENTENCE = ("For the latter two types of datasets the camera can freely roam around in the indoor scene "
            "and simulated noise is added to every depth image of the sequence.")


def _draft(path, right_heads: bool = True) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "Uncertainty for the Next Best View", fontname="tibo", fontsize=16)
    page.insert_text((54, 110), "Introduction", fontname="tibo", fontsize=12)
    y, k = lines(page, 54, 297, 128, 50)
    lines(page, 315, 558, 110, 54, start=k)
    page = doc.new_page(width=612, height=792)
    page.insert_text((130, 70), "Experiments", fontname="tibo", fontsize=12)
    page.insert_text((54, 88), "Experimental Setup", fontname="tibo", fontsize=11)
    y, k = lines(page, 54, 297, 104, 6)
    for i, row in enumerate(fill(SENTENCE.split(), 238, font="tiro")):
        page.insert_text((54, y + 12 * i), row, fontname="tiro", fontsize=10)
    lines(page, 54, 297, y + 12 * (i + 1), 30, start=k)
    if right_heads:
        page.insert_text((315, 70), "Discussions", fontname="tibo", fontsize=11)
        page.insert_text((315, 84), "limitation, broader impact", fontname="tiro", fontsize=10)
        page.insert_text((400, 104), "Conclusion", fontname="tibo", fontsize=12)
        page.insert_text((400, 122), "References", fontname="tibo", fontsize=12)
    doc.save(path)


def test_headings_alone_atop_the_right_column_beside_a_full_left_one_make_two_columns(tmp_path):
    _draft(tmp_path / "draft.pdf")
    paper = parse_pdf(tmp_path / "draft.pdf")
    assert holds(paper, SENTENCE), [s.title for s in paper.sections]
    titles = [s.title for s in paper.sections]
    assert "Experimental Setup" in titles, titles


def test_the_left_column_alone_reads_whole(tmp_path):
    _draft(tmp_path / "alone.pdf", right_heads=False)
    assert holds(parse_pdf(tmp_path / "alone.pdf"), SENTENCE)


def _halves(path) -> None:
    """A diagram in two halves across the page, each under a title in small type on one baseline, 93 pt
    apart: the left half drawn as three small groups of boxes (none 40 pt high), the right as taller
    ones; the caption under both, the text under it."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((100.6, 75), "LAVE: stochastic lookahead-then-verify", fontname="tiro", fontsize=9)
    page.insert_text((339.8, 75), "Dgrammar: deterministic frontier masking", fontname="tiro", fontsize=9)
    for x0, y0, x1, y1 in [(127, 86, 225, 120), (120, 138, 232, 192), (120, 208, 233, 236),
                           (348, 86, 489, 170), (370, 179, 474, 203), (351, 211, 492, 239)]:
        page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0.2, 0.2, 0.8), fill=(0.9, 0.9, 1.0), width=0.6)
        page.draw_rect(pymupdf.Rect(x0 + 4, y0 + 4, x0 + 16, y1 - 4), color=(0, 0, 0), width=0.4)
        page.insert_text((x0 + 20, y0 + 12), "{ M M M }", fontname="cour", fontsize=7)
    page.insert_text((71, 256), "Figure 3: One denoising step under a schema, each method on its own half of the "
                     "diagram: the left samples", fontname="tiro", fontsize=10)
    page.insert_text((71, 268), "random completions at each frontier token; the right masks a whole block at once.",
                     fontname="tiro", fontsize=10)
    lines(page, 71, 524, 290, 30, size=11)
    doc.save(path)


def test_titles_of_a_row_over_each_half_of_a_diagram_are_the_figures(tmp_path):
    _halves(tmp_path / "halves.pdf")
    paper = parse_pdf(tmp_path / "halves.pdf")
    figure = next(f for f in paper.figures if f.number == "3")
    assert figure.bbox is not None and figure.bbox[0] <= 101 and figure.bbox[1] <= 71, figure.bbox
    assert not any("stochastic lookahead" in p for p in paragraphs(paper))


def _tabs(page, shift: float = 0.0) -> None:
    """A journal's section tabs in the outer margin: a green band bled off the page's top right
    corner, and a grey one lower down, bled off its right edge, shaded with hairlines, a point or
    so lower on some pages than on others (`shift`); their names set sideways on them."""
    page.draw_rect(pymupdf.Rect(555.9, -9.9, 595.7, 75.8), color=None, fill=(0.0, 0.39, 0.32))
    page.insert_text((566, 75), "SPECIAL FEATURE", fontname="hebo", fontsize=6.5, rotate=90, color=(1, 1, 1))
    for k in range(100):
        y = 270.1 + shift + 0.67 * k
        page.draw_line((555.7, y), (600, y), color=(0.8, 0.8, 0.8), width=1.0)
    page.insert_text((566, 334), "MEDICAL SCIENCES", fontname="hebo", fontsize=6.5, rotate=90)


def _tabbed(path) -> None:
    """Three pages of two columns, each with the section tabs (`_tabs`); atop the second, a table
    across the page under its caption, between two rules, its last rows level with the grey tab
    15 pt right of them."""
    doc = pymupdf.open()
    k = 0
    for n in range(3):
        page = doc.new_page(width=585, height=783)
        _tabs(page, shift=1.0 * n)
        top = 60
        if n == 1:
            page.insert_text((39, 60), "Table 1.   Data sources available in the API, as of the date of publication",
                             fontname="hebo", fontsize=8)
            page.draw_line((38.6, 76.4), (541.2, 76.4), width=0.5)
            page.insert_text((40, 73), "Data source", fontname="helv", fontsize=7.5)
            page.insert_text((150, 73), "Signals available", fontname="helv", fontsize=7.5)
            page.insert_text((470, 73), "Resolution", fontname="helv", fontsize=7.5)
            for row in range(20):
                y = 90 + 12.5 * row
                page.insert_text((40, y), f"Source {row + 1}", fontname="helv", fontsize=7.5)
                page.insert_text((150, y), "Percentage of outpatient visits with diagnostic codes",
                                 fontname="helv", fontsize=7.5)
                page.insert_text((475, y), "County", fontname="helv", fontsize=7.5)
            page.draw_line((38.6, 338.9), (541.2, 338.9), width=0.5)
            top = 380
        rows = int((740 - top) / 11.4)
        y, k = lines(page, 39, 280, top, rows, size=9.5, start=k)
        y, k = lines(page, 300, 541, top, rows, size=9.5, start=k)
    doc.save(path)


def test_a_section_tab_bled_off_the_pages_side_is_no_part_of_a_table_beside_it(tmp_path):
    _tabbed(tmp_path / "tabbed.pdf")
    table = next(t for t in parse_pdf(tmp_path / "tabbed.pdf").tables if t.number == "1")
    assert table.bbox is not None and table.bbox[2] < 545, table.bbox


def test_a_photo_run_off_the_pages_side_stays_its_figures(tmp_path):
    # 3DV 2017: four framed photos in a row atop the right column, the fourth past the page's right
    # edge, its frame's top and bottom rules running off the page with it: a panel, no decoration.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    pix.set_rect(pix.irect, (90, 60, 20))
    for x in (494, 583.5):
        page.draw_rect(pymupdf.Rect(x, 216.6, x + 78, 274.6), color=(0, 0, 0), width=0.4)
        page.insert_image(pymupdf.Rect(x + 3.5, 220, x + 74.5, 271.4), pixmap=pix)
    page.insert_text((314, 300), "Figure 1: Reconstruction examples: (a) teddy, (b) chair, (c) dinosaur head,",
                     fontname="tiro", fontsize=10)
    page.insert_text((314, 312), "(d) rock.", fontname="tiro", fontsize=10)
    page.insert_text((120, 90), "Probabilistic Object Reconstruction", fontname="tibo", fontsize=14)
    y, k = lines(page, 72, 298, 216, 40)
    lines(page, 314, 540, 330, 30, start=k)
    doc.save(tmp_path / "run_off.pdf")
    figure = next(f for f in parse_pdf(tmp_path / "run_off.pdf").figures if f.number == "1")
    assert figure.bbox is not None and figure.bbox[2] >= 605, figure.bbox


def test_a_usual_section_name_right_over_the_bibliographys_heading_is_two_headings(tmp_path):
    """The draft's empty "Conclusion" centred right over "References", one type, 18 pt apart: two
    headings, not one wrapped ("Conclusion References")."""
    _draft(tmp_path / "draft.pdf")
    titles = [s.title for s in parse_pdf(tmp_path / "draft.pdf").sections]
    assert "Conclusion References" not in titles, titles
    assert "Conclusion" in titles, titles
