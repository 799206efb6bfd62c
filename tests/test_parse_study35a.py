"""Floats wrapped into one-column text, drawn here with PyMuPDF after pages met in real papers."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import section_page
from test_parse_body import _fill  # noqa: E402

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it").split()


def _set(page, lines: list[str], x: float, y: float, pitch: float = 11, size: float = 10) -> float:
    for i, line in enumerate(lines):
        page.insert_text((x, y + pitch * i), line, fontname="helv", fontsize=size)
    return y + pitch * len(lines)


def test_a_second_figure_wrapped_under_the_first_ones_band_keeps_its_caption(tmp_path):
    # NeurIPS: Figure 4 on the right, the text wrapped left of it, its caption under it; further
    # down Figure 5 on the left, its caption under it, the text and a section's heading wrapped on
    # their right 10 pt off the caption. The upper band was read as two columns, every line under
    # it across the page, row by row: Figure 5's caption was taken into the paragraph beside it and
    # the figure was lost.
    doc, page = section_page()
    y = _set(page, _fill(WORDS * 3, 396), 108, 110)
    top = y + 6
    left = _fill(WORDS * 4, 186)  # (more lines than the lower text's: the page's split is the upper band's)
    page.draw_rect(pymupdf.Rect(306, top - 8, 500, top + 90), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    _set(page, ["Figure 4: Relative error of the Taylor model", "approximation versus the perturbation scale (mean",
                "and standard deviation across seeds."], 306, top + 108)
    y = _set(page, left, 108, top)
    low = y + 8
    page.draw_rect(pymupdf.Rect(108, low - 8, 266, low + 110), color=(0, 0, 0), fill=(0.7, 0.8, 0.8))
    caption = ["Figure 5: Convergence of Direct MC", "and Quadratic MC estimates to the", "closed form as the sample count",
               "increases at the largest scale."]
    _set(page, caption, 108, low + 128)
    right = _fill(WORDS * 2, 226)
    y = _set(page, right, 276, low)
    page.insert_text((276, y + 12), "7 Limitations", fontname="hebo", fontsize=12)
    _set(page, _fill(WORDS, 226), 276, y + 34)
    paper = parse_pdf(_save(doc, tmp_path / "p.pdf"))
    numbers = [f.number for f in paper.figures]
    assert numbers == ["4", "5"], numbers
    five = paper.figures[1]
    assert five.caption.startswith("Convergence of Direct MC") and five.caption.endswith("at the largest scale."), five.caption
    assert five.bbox is not None and five.bbox[2] < 276


def _save(doc, path):
    doc.save(path)
    return path


def test_a_wrapped_figures_caption_on_a_displays_row_is_no_piece_of_the_display(tmp_path):
    # ICLR: a drawing right of the wrapped text, its one-line caption "Figure 2: Plaquette" under it
    # on the row of a display equation set in the text's measure (a sum's sign, its index under it,
    # the equation's number at the text's right edge). Read in that row, the caption was one of the
    # display's pieces: no block opened with it and the figure was lost.
    doc, page = section_page()
    y = _set(page, _fill(WORDS * 3, 396), 108, 110)
    top = y + 6
    y = _set(page, _fill(WORDS * 4, 288), 108, top + 8)
    row = y + 10
    page.draw_rect(pymupdf.Rect(407, row - 90, 501, row - 18), color=(0, 0, 0), width=0.8)
    page.insert_text((132, row), "p(x) = 1/Z exp(-S(x)),", fontname="tiro", fontsize=10)
    page.insert_text((236, row), "with S(x) = b", fontname="tiro", fontsize=10)
    page.insert_font(fontname="sum", fontbuffer=pymupdf.Font("cjk").buffer)
    page.insert_text((304, row - 3), "\u2211", fontname="sum", fontsize=13)
    page.insert_text((308, row + 9), "P", fontname="tiit", fontsize=7)
    page.insert_text((320, row), "1 - cos(x)", fontname="tiro", fontsize=10)
    page.insert_text((383, row), "(3)", fontname="tiro", fontsize=10)
    page.insert_text((416, row - 4), "Figure 2: Plaquette", fontname="tiro", fontsize=10)
    _set(page, _fill(WORDS * 3, 396), 108, row + 26)
    paper = parse_pdf(_save(doc, tmp_path / "p.pdf"))
    assert [f.number for f in paper.figures] == ["2"], [b for b in paper.figures]
    figure = paper.figures[0]
    assert figure.caption == "Plaquette" and figure.page == 1
    assert figure.bbox is not None and figure.bbox[0] > 400 and figure.bbox[3] < row - 10, figure.bbox


def test_a_captions_line_holding_an_unnamed_symbol_goes_on_in_the_caption(tmp_path):
    # NeurIPS: "Figure 5: Convergence of Direct MC" / "and Quadratic MC estimates of ∆̂ to" / ...,
    # the hat over ∆ a glyph the text layer cannot name (U+FFFD). With two running words only, the
    # line was read as a display's piece: the caption was cut to its first line and the rest of it
    # read as paragraphs of the text.
    from pdf_fonts import mapped_glyph

    doc, page = section_page()
    y = _set(page, _fill(WORDS * 3, 396), 108, 110)
    page.draw_rect(pymupdf.Rect(108, y + 10, 266, y + 120), color=(0, 0, 0), fill=(0.7, 0.8, 0.8))
    top = y + 140
    page.insert_text((108, top), "Figure 5: Convergence of Direct MC", fontname="helv", fontsize=10)
    start = "and Quadratic MC estimates of"
    low = top + 15  # (its tall symbol sets the line a little lower than the caption's pitch)
    page.insert_text((108, low), start, fontname="helv", fontsize=10)
    x = 108 + pymupdf.get_text_length(start + " ", "helv", 10)
    mapped_glyph(doc, page, x, low, 10, "D800")
    page.insert_text((x + 6, low), "D to", fontname="helv", fontsize=10)
    _set(page, ["the Gaussian-moment closed form as the", "sample count S increases, at D = 10."], 108, low + 11)
    _set(page, _fill(WORDS * 3, 396), 108, top + 60)
    paper = parse_pdf(_save(doc, tmp_path / "p.pdf"))
    assert [f.number for f in paper.figures] == ["5"], paper.figures
    caption = paper.figures[0].caption
    assert caption.startswith("Convergence of Direct MC and Quadratic MC estimates of") and \
        caption.endswith("the Gaussian-moment closed form as the sample count S increases, at D = 10."), caption
