"""Floats, bibliographies and headings of the twenty-sixth split's misses, each shape drawn here with
PyMuPDF: a running head that names the section the page is in, level with the page number atop the
page whose bibliography heading stands under it (TeXmacs); a bookmark that leaves out a heading's
cross-reference number (TeXmacs); a figure's label in small bold type alone over its caption in
larger type, both inside a frame drawn round the figure (Frontiers); and a bibliography whose
entries set their first line in and the rest at the margin, space between them (Frontiers)."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _prose

_AUTHORS = ["Abadi", "Baydin", "Bayer", "Broadie", "Cybenko", "Czarnecki", "Glasserman", "Guyon", "Hernandez",
            "Horvath", "Kidger", "Kingma"]


def _numbered_bibliography_doc() -> pymupdf.Document:
    """Three pages, TeXmacs-like: the running head on each page after the first, the page number at
    one side and the section's name at the other, also atop the page where the bibliography's heading
    stands; an outline naming "1 Introduction", "2 Method" and "Bibliography"."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 100), "Fast Calibration of Pricing Models", fontname="tibo", fontsize=19)
    page.insert_text((85, 150), "1 Introduction", fontname="tibo", fontsize=16)
    _prose(page, 85, 175, 40, size=11, pitch=13.2, width=425)
    page.insert_text((290, 800), "1", fontname="tiro", fontsize=9)
    page = doc.new_page(width=595, height=842)
    page.insert_text((85, 60), "2", fontname="tiro", fontsize=9)
    page.insert_text((470, 60), "Method", fontname="tiro", fontsize=9)
    page.insert_text((85, 100), "2 Method", fontname="tibo", fontsize=16)
    _prose(page, 85, 125, 44, size=11, pitch=13.2, width=425)
    page = doc.new_page(width=595, height=842)
    page.insert_text((85, 60), "3", fontname="tiro", fontsize=9)
    page.insert_text((449, 60), "Bibliography", fontname="tiro", fontsize=9)
    page.insert_text((85, 98), "Bibliography", fontname="tibo", fontsize=16)
    y = 125
    for k, name in enumerate(_AUTHORS, start=1):
        page.insert_text((85, y), f"[{k}]", fontname="tibo", fontsize=9)
        page.insert_text((111, y), f"A. {name} and B. Other, A study of the method number {k}, Journal of",
                         fontname="tiro", fontsize=9)
        page.insert_text((111, y + 11), f"Computational Finance, {k} (2018), pp. {k}1-{k}9.", fontname="tiro", fontsize=9)
        y += 24
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Method", 2], [1, "Bibliography", 3]])
    return doc


def test_a_running_head_level_with_the_page_number_over_the_bibliography_heading_is_no_heading():
    # TeXmacs 2.1: "20" and "Bibliography" in 9 pt atop page 20, 30 pt over the heading "Bibliography"
    # in 16 pt bold: the bookmark was placed on the running head, and the printed heading under it
    # ended the list before its first entry: no reference read of 35.
    paper = _parse(_numbered_bibliography_doc())
    assert len(paper.bibliography) == len(_AUTHORS)
    assert [s.title for s in paper.sections].count("Bibliography") == 1


def test_a_bookmark_ending_in_a_space_names_its_heading_with_the_printed_number():
    # TeXmacs: the bookmark "Appendix B Differentiation of the local volatility function in Example "
    # for the heading printed "... in Example 2": the reference's number left out, and the space
    # before it kept. The section is named as printed.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 100), "Fast Calibration of Pricing Models", fontname="tibo", fontsize=19)
    page.insert_text((85, 150), "1 Introduction", fontname="tibo", fontsize=16)
    _prose(page, 85, 175, 40, size=11, pitch=13.2, width=425)
    page = doc.new_page(width=595, height=842)
    page.insert_text((85, 100), "2 Derivatives of the volatility in Example 1", fontname="tibo", fontsize=16)
    _prose(page, 85, 125, 44, size=11, pitch=13.2, width=425)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Derivatives of the volatility in Example ", 2]])
    titles = [s.title for s in _parse(doc).sections]
    assert "Derivatives of the volatility in Example 1" in titles


def test_a_small_bold_figure_label_over_its_caption_inside_a_frame_is_the_caption():
    # Frontiers: "FIGURE 1" in 5.5 pt bold alone on its line over the caption in 7 pt, the image and
    # both inside a frame of hairlines: the label was taken as a label of the drawing, and the
    # figure was lost with its crop.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((50, 80), "Minimization of prediction errors", fontname="hebo", fontsize=18)
    page.insert_text((50, 130), "1 Introduction", fontname="hebo", fontsize=12)
    _prose(page, 50, 150, 50, size=9, pitch=12, width=240)
    _prose(page, 305, 90, 55, size=9, pitch=12, width=240)
    page = doc.new_page(width=595, height=842)
    page.insert_text((50, 60), "Wright and Bourke", fontname="helv", fontsize=7)
    _prose(page, 50, 90, 16, size=9, pitch=12, width=240)
    _prose(page, 50, 450, 22, size=9, pitch=12, width=240, start=3)
    shape = page.new_shape()
    for a, b in (((305, 84), (545, 84)), ((305, 84), (305, 435)), ((545, 84), (545, 435)), ((305, 435), (545, 435))):
        shape.draw_line(a, b)
        shape.finish(color=(0.16, 0.16, 0.16), width=0.25)  # (four hairlines, each a path of its own)
    shape.commit()
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 225, 187), False)
    picture.set_rect(picture.irect, (150, 180, 230))
    picture.set_rect(pymupdf.IRect(60, 40, 170, 150), (220, 90, 90))
    page.insert_image(pymupdf.Rect(312, 97, 537, 284), pixmap=picture)
    page.insert_text((317, 297), "FIGURE 1", fontname="hebo", fontsize=5.5)
    caption = ["The topology of neural field interactions meeting requirements",
               "for minimization of free energy, minimization of prediction errors,",
               "and maintenance of excitatory and inhibitory balance within each",
               "of a pair of mirror-symmetric systems of spatial eigenmodes."]
    for k, text in enumerate(caption):
        page.insert_text((317, 309 + 10 * k), text, fontname="helv", fontsize=7)
    _prose(page, 305, 470, 25, size=9, pitch=12, width=240, start=7)
    paper = _parse(doc)
    figures = [f for f in paper.figures if f.kind == "figure"]
    assert [f.number for f in figures] == ["1"]
    assert figures[0].caption.startswith("The topology of neural field")
    assert figures[0].bbox[3] < 295  # the image, not the caption under it


def test_entries_whose_first_line_is_set_in_and_the_rest_at_the_margin_are_split_at_the_set_in_lines():
    # Frontiers: each entry's first line 9 pt in from the column's margin, its later lines at the
    # margin, a wider step between entries; a later line may open with a capital after a full stop
    # ("doi: ...", "Comp Neurol 252, ..."): read as a hanging list, every line at the margin opened
    # an entry (287 entries for 104).
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((50, 60), "1 Introduction", fontname="hebo", fontsize=12)
    _prose(page, 50, 80, 30, size=9, pitch=12, width=240)
    page.insert_text((50, 460), "References", fontname="hebo", fontsize=12)
    y = 480.0
    names = ["Adams, R. A., Shipp, S., and Friston, K.", "Barbas, H.", "Bassett, D. S., and Bullmore, E.",
             "Conant, R. C., and Ashby, W. R.", "Friston, K.", "Hebb, D. O.", "Hinton, G. E., and Dayan, P.",
             "Hopfield, J. J.", "Kiebel, S. J., and Friston, K. J.", "Markov, N. T., and Kennedy, H."]
    for k, name in enumerate(names):
        page.insert_text((58.7, y), f"{name} ({1990 + k}). Predictions not commands:", fontname="tiro", fontsize=7)
        page.insert_text((49.8, y + 8), "active inference in the motor system of the brain. Cereb.", fontname="tiro", fontsize=7)
        page.insert_text((49.8, y + 16), f"Cortex {k + 3}, 611-643. Comp Neurol 252, 415-422.", fontname="tiro", fontsize=7)
        page.insert_text((49.8, y + 24), f"doi: 10.1007/s00429-012-047{k}", fontname="tiro", fontsize=7)
        y += 36
    assert len(_parse(doc).bibliography) == len(names)
