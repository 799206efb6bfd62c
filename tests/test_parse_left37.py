"""Leftovers of issue 14 on the tune split (session 37): a plot's grid stroked as one path past
its clip; a bold heading number beside its math title (pages drawn here with PyMuPDF)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.test_parse_left36 import _column


def _append_stream(doc, page, stream: bytes) -> None:
    """Raw content (PDF's own coordinates, y up) painted after what the page already holds."""
    page.wrap_contents()
    xref = page.get_contents()[-1]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + stream + b"\n")


def _clipped_grid_pdf(path) -> None:
    """SIGGRAPH 1993's page: a vector field atop the left column, its grid of level lines stroked as
    ONE path that runs 43 pt past a clip round the plot on both sides (the last line on the clip's
    foot edge), the plot's arrows inside; "Figure 1: ..." 5 pt under the clip; running text in both
    columns."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Imaging Vector Fields Using Convolution", fontname="tibo", fontsize=16)
    _column(page, 54, 294, 130, 740, first="Vector fields are seen in many sciences.")
    _column(page, 318, 558, 130, 740)
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 306), "Figure 1: A two-dimensional vector field and its stream line.",
                     fontname="tiro", fontsize=8)
    _column(page, 54, 294, 340, 740)
    _column(page, 318, 558, 60, 740)
    top, bottom = 792 - 54.9, 792 - 293.1  # the clip, in PDF's coordinates
    grid = " ".join(f"11.5 {792 - y:.2f} m 444.8 {792 - y:.2f} l" for y in
                    [33.2 + 21.66 * k for k in range(11)] + [293.08])
    arrows = " ".join(f"{x} {792 - y} m {x + 10} {792 - y - 6} l" for x in range(62, 290, 22) for y in range(62, 290, 22))
    _append_stream(doc, page, (f"q 54.9 {bottom:.2f} 238.2 {top - bottom:.2f} re W n 0 G 0.2 w {grid} S "
                               f"0.5 w {arrows} S Q").encode())
    doc.save(path)


def test_a_grid_stroked_past_its_clip_crops_its_figure_no_wider_than_the_clip(tmp_path):
    path = tmp_path / "grid.pdf"
    _clipped_grid_pdf(path)
    with pymupdf.open(path) as doc:  # (the grid is one path, as wide as 433 pt unclipped)
        assert any(d["type"] == "s" and d["rect"].width > 430 for d in doc[1].get_drawings())
    figure = next(f for f in parse_pdf(path).figures if f.number == "1")
    assert figure.bbox is not None and figure.bbox[0] >= 50 and figure.bbox[2] <= 298, figure.bbox


def _math_titled_heading_pdf(path) -> None:
    """ACM's sig-alternate (WORM 2004): numbered subsections in 12 pt bold, "4.2" alone in bold and,
    a quad on, on its baseline, its title all math in 9 pt, "α − in − α − out" (Greek and minus signs
    in Symbol, the words in italics), its paragraph under it in 9 pt."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Behavioral Detection of Network Worms", fontname="tibo", fontsize=16)
    page.insert_text((54, 130), "1.  INTRODUCTION", fontname="tibo", fontsize=12)
    _column(page, 54, 293, 146, 740, size=9)
    _column(page, 317, 556, 80, 740, size=9)
    page = doc.new_page(width=612, height=792)
    _column(page, 54, 293, 60, 230, size=9)
    page.insert_text((54, 250), "4.  BEHAVIORAL SIGNATURES", fontname="tibo", fontsize=12)
    _column(page, 54, 293, 266, 310, size=9)
    page.insert_text((54, 330), "4.1", fontname="tibo", fontsize=12)
    page.insert_text((80.6, 330), "Server to client", fontname="tibo", fontsize=12)
    _column(page, 54, 293, 346, 500, size=9)
    page.insert_text((53.76, 533.82), "4.2", fontname="tibo", fontsize=11.955)
    x = 80.58
    for text, font in (("a", "symb"), (" -", "symb"), ("in", "tiit"), (" -", "symb"), ("a", "symb"), (" -", "symb"),
                       ("out", "tiit")):
        page.insert_text((x, 533.82), text, fontname=font, fontsize=8.966)
        x += pymupdf.get_text_length(text, font, 8.966) + 1
    _column(page, 54, 293, 546.8, 740, first="For a worm to spread, an infected host needs to complete.", size=9)
    _column(page, 317, 556, 60, 740, size=9)
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 80), "4.3", fontname="tibo", fontsize=12)
    page.insert_text((80.6, 80), "Inductive Signatures", fontname="tibo", fontsize=12)
    _column(page, 54, 293, 96, 300, size=9)
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 80), "5.  CONCLUSION", fontname="tibo", fontsize=12)
    _column(page, 54, 293, 96, 300, size=9)
    # (Symbol in its own encoding, as TeX's math fonts are: "a" is α, "-" the minus sign)
    for xref, _, _, basefont, *_ in doc[1].get_fonts():
        if basefont == "Symbol":
            doc.xref_set_key(xref, "Encoding", "null")
    doc.save(path)


def test_a_bold_heading_number_beside_its_math_title_on_its_row_stays_one_heading(tmp_path):
    path = tmp_path / "worm.pdf"
    _math_titled_heading_pdf(path)
    with pymupdf.open(path) as doc:  # (number and title are two lines of one row, as PyMuPDF reads the page)
        rows = [ln for b in doc[1].get_text("dict")["blocks"] for ln in b.get("lines", ())
                if abs(ln["spans"][0]["origin"][1] - 533.82) < 0.1]
        assert [ln["spans"][0]["text"] for ln in rows][:1] == ["4.2"] and len(rows) == 2, rows
        assert "\u03b1" in rows[1]["spans"][0]["text"]
    sections = [(s.number, s.title) for s in parse_pdf(path).sections]
    assert ("4.2", "\u03b1 \u2212in \u2212\u03b1 \u2212out") in sections or \
        any(n == "4.2" and t and "\u03b1" in t and "out" in t for n, t in sections), sections
    assert ("4.3", "Inductive Signatures") in sections, sections


def _bookmarked_math_title_pdf(path) -> None:
    """IJCAI 2019's appendix: a bookmarked heading whose title wraps into math, "Deriving the Upper
    Bound for Case 3 (e.g." in 10 pt bold, then on the line under it "T" with "(C3)" raised and "UB"
    lowered after it (each piece of its own, in a math font), its paragraph under that; the bookmark
    reads "... (e.g. TUB(C3) )"."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Safe Robot Coordination in Wildfires", fontname="tibo", fontsize=16)
    page.insert_text((54, 130), "1  Introduction", fontname="tibo", fontsize=12)
    _column(page, 54, 293, 146, 740)
    _column(page, 317, 556, 80, 740)
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 64), "Appendix", fontname="tibo", fontsize=12)
    page.insert_text((54, 78.7), "Deriving the Upper Bound for Wildfire Case 3 (e.g.", fontname="tibo", fontsize=10)
    page.insert_text((54, 92.2), "T", fontname="symb", fontsize=10)
    x = 60.5
    for text, font in (("(", "tiro"), ("C", "symb"), ("3)", "tiro")):
        page.insert_text((x, 89), text, fontname=font, fontsize=7)
        x += pymupdf.get_text_length(text, font, 7)
    page.insert_text((60.5, 95.1), "UB", fontname="symb", fontsize=7)
    page.insert_text((76, 92.2), ")", fontname="tibo", fontsize=10)
    _column(page, 54, 293, 110, 740)
    _column(page, 317, 556, 60, 740)
    doc.set_toc([[1, "Introduction", 1], [1, "Appendix", 2],
                 [2, "Deriving the Upper Bound for Wildfire Case 3 (e.g.  TUB(C3) )", 2]])
    doc.save(path)


def test_a_bookmarked_heading_wrapping_into_math_read_out_of_order_is_placed(tmp_path):
    path = tmp_path / "appendix.pdf"
    _bookmarked_math_title_pdf(path)
    sections = parse_pdf(path).sections
    heading = next((s for s in sections if s.title and s.title.startswith("Deriving the Upper Bound")), None)
    assert heading is not None, [s.title for s in sections]
    # (placed where it is printed: the paragraph under it is its own, not the appendix heading's)
    assert any("the model reads every page" in p.text for p in heading.paragraphs), heading.paragraphs


def _flowchart_pdf(path) -> None:
    """CHI 2015's flowchart atop the right column: "Demographics", under it an arrow (a stroked
    hairline, a filled head at its foot) 8 pt over "Random assignment", two bands down to
    its branches under that, then a grey panel of boxes; "Figure 1. ..." under it, running text around."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Accuracy Acceptability of Smart Devices", fontname="tibo", fontsize=16)
    _column(page, 54, 294, 130, 740)
    _column(page, 318, 558, 130, 740)
    page = doc.new_page(width=612, height=792)
    _column(page, 54, 294, 60, 740)
    page.insert_text((393, 67), "Demographics", fontname="helv", fontsize=5.6)
    shape = page.new_shape()
    shape.draw_line((411.95, 71.5), (411.95, 82.6))
    shape.finish(color=(0, 0, 0), width=0.7)
    shape.draw_polyline([(410.2, 81.7), (413.7, 81.7), (411.95, 84.8)])
    shape.finish(color=None, fill=(0, 0, 0), closePath=True)
    for x0, x1 in ((369.7, 405.8), (418.4, 454.5)):  # (a filled band from under the label down to each branch)
        shape.draw_polyline([(x0, 93.5), (x1, 93.5), (x1, 124.9), (x0, 124.9)])
        shape.finish(color=None, fill=(0.5, 0.5, 0.5), closePath=True)
    shape.draw_rect(pymupdf.Rect(337.5, 139.2, 534.3, 254.4))
    shape.finish(color=None, fill=(0.9, 0.9, 0.9))
    for k, label in enumerate(("Alarm (text message)", "Electricity monitor", "Location tracker")):
        shape.draw_rect(pymupdf.Rect(345, 150 + 26 * k, 430, 168 + 26 * k))
        shape.finish(color=(0.2, 0.3, 0.4), fill=(0.7, 0.8, 0.9), width=0.5)
    shape.commit()
    page.insert_text((385.8, 94.5), "Random assignment", fontname="heit", fontsize=5.6)
    for k, label in enumerate(("Alarm (text message)", "Electricity monitor", "Location tracker")):
        page.insert_text((352, 161 + 26 * k), label, fontname="helv", fontsize=5.6)
    page.insert_text((330, 272), "Figure 1. Survey 1 structure. Each application page (blue box)", fontname="tibo", fontsize=9)
    page.insert_text((345, 283), "corresponds to an instance of our survey instrument.", fontname="tibo", fontsize=9)
    _column(page, 318, 558, 305, 740)
    doc.save(path)


def test_an_arrow_standing_apart_from_the_chart_it_leads_into_is_in_the_crop(tmp_path):
    path = tmp_path / "flowchart.pdf"
    _flowchart_pdf(path)
    figure = next(f for f in parse_pdf(path).figures if f.number == "1")
    assert figure.bbox is not None and figure.bbox[1] <= 70 and figure.bbox[3] >= 250, figure.bbox
