"""Floats and crops of the twenty-eighth split's misses (part a), each shape drawn here with PyMuPDF:
a figure whose caption is printed on a tinted ground of its own right under it, ruled over and
under in colour (PeerJ's proofs); a bold "Figure 1" opening a line of running text, and a table
caption flush left over its centred table (papaja); a bold "Figure legends" line over a Word
manuscript's first legend; a lone glyph in the gutter beside a caption (showyourwork); supporting
information items with bold labels "Figure S2" and no separator (PLOS ONE 2013)."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _justified, _prose

_CAPTION = ("The average stability of the clusters was determined by calculating the correlation with "
            "respect to the assignments for the whole set using varying sized subsamples and the quality "
            "was determined by the distances between the sequences in each subsample drawn at random "
            "thirty times for every fraction of the set with the mean and its interval shown").split()


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A plot drawn as paths: a frame, ticks and points, with tick labels beside it."""
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.65)
    for k in range(1, 5):
        y = y0 + k * (y1 - y0) / 5
        page.draw_line((x0, y), (x0 - 4, y), color=(0, 0, 0), width=0.65)
        page.insert_text((x0 - 22, y + 3), f"0.{2 * k}", fontname="helv", fontsize=8)
    for k in range(1, 8):
        x, y = x0 + k * (x1 - x0) / 8, y1 - (y1 - y0) * (0.2 + 0.08 * k)
        page.draw_rect(pymupdf.Rect(x - 3, y - 3, x + 3, y + 3), color=None, fill=(1, 0, 0))


def _tinted_caption_doc(lines: int) -> pymupdf.Document:
    """Two pages of 11 pt text; on page 2 a plot at the top of the text block and, 5 pt under it, its
    caption in 9 pt ("Figure 1" and its title bold, the rest regular) on a pale blue ground as wide as
    the text block, a hairline along the ground's top and a heavier rule along its foot, both blue;
    the text goes on under it."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((185, 100), "Clustering Sequences into Units", fontname="tibo", fontsize=18)
    page.insert_text((185, 140), "Introduction", fontname="hebo", fontsize=12)
    _prose(page, 185, 165, 44, size=11, pitch=13.2, width=385)
    page = doc.new_page(width=612, height=792)
    _plot(page, 230, 90, 470, 400)
    top = 405.0
    ground = pymupdf.Rect(185.5, top + 0.7, 576, top + 5 + 11 * lines)
    page.draw_rect(ground, fill=(0.92, 0.97, 1.0), color=None)
    page.draw_line((185.5, top), (576, top), color=(0, 0.65, 0.99), width=0.4)
    page.draw_line((185.5, ground.y1 + 0.5), (576, ground.y1 + 0.5), color=(0, 0.65, 0.99), width=1.0)
    y = top + 12
    _justified(page, 194.4, y, "Figure 1 Comparison of the stability and quality of the clustering methods using the",
               567, font="tibo", size=9)
    k = 0
    for row in range(1, lines):
        y += 11
        taken = []
        while pymupdf.get_text_length(" ".join(taken + [_CAPTION[k % len(_CAPTION)]]), fontname="tiro", fontsize=9) < 365:
            taken.append(_CAPTION[k % len(_CAPTION)])
            k += 1
        if row == lines - 1:
            page.insert_text((194.4, y), " ".join(taken[:6]) + ".", fontname="tiro", fontsize=9)
        else:
            _justified(page, 194.4, y, " ".join(taken), 567, font="tiro", size=9)
    _prose(page, 185, ground.y1 + 30, 16, size=11, pitch=13.2, width=385, start=7)
    return doc


def test_a_caption_on_a_tinted_ground_of_its_own_is_no_part_of_its_figure():
    # PeerJ: "Figure 1 Comparison of ..." in 9 pt on a pale blue ground across the text block, ruled
    # over and under in blue, 5 pt under the plot: ground and rules joined the plot into one
    # graphic, which held the caption and was dropped as a shaded paragraph: the figure was lost.
    paper = _parse(_tinted_caption_doc(lines=8))
    figure = next(f for f in paper.figures if f.number == "1")
    assert figure.page == 2 and figure.bbox is not None
    x0, y0, x1, y1 = figure.bbox
    assert y1 < 405 and y0 < 95 and x1 < 480  # the plot alone: not the ground, its rules or the caption


def test_a_short_caption_on_its_ground_leaves_the_figure_s_box_at_the_plot():
    # PeerJ's three-line captions: the figure was kept, but its box ran down over the ground's top
    # rule (taken for a rule setting the figure apart from its caption) and across the ground.
    paper = _parse(_tinted_caption_doc(lines=3))
    figure = next(f for f in paper.figures if f.number == "1")
    x0, y0, x1, y1 = figure.bbox
    assert y1 < 404 and x1 < 480


def _apa_doc() -> pymupdf.Document:
    """An APA manuscript (papaja) of three pages in 12 pt, double spaced: on page 2 a run-in heading
    "Descriptive Results." opening a paragraph, a quad after it, whose first words name "Figure 1" in bold; on page 3
    "Table 1" in bold over its title in italics, both in 8 pt at the left margin, and the table
    centred 13 pt under them, ruled over, under its head and under its last row."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((170, 120), "Optimal Tolerance for Entropy Measures", fontname="tibo", fontsize=14)
    page.insert_text((72, 180), "Methods", fontname="tibo", fontsize=12)
    _prose(page, 72, 210, 20, size=12, pitch=24, width=468)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "Results", fontname="tibo", fontsize=12)
    page.insert_text((100.8, 130), "Descriptive Results.", fontname="tibo", fontsize=12)
    x = 100.8 + pymupdf.get_text_length("Descriptive Results.", fontname="tibo", fontsize=12) + 12
    page.insert_text((x, 130), "Figure 1", fontname="tibo", fontsize=12)
    x += pymupdf.get_text_length("Figure 1 ", fontname="tibo", fontsize=12)
    page.insert_text((x, 130), "shows the normalized value of the entropy", fontname="tiro", fontsize=12)
    _prose(page, 72, 154, 24, size=12, pitch=24, width=468, start=3)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 82), "Table 1", fontname="tibo", fontsize=8, color=(0.5, 0.5, 0.5))
    page.insert_text((72, 96), "Comparison of Model Performance Indices", fontname="tiit", fontsize=8,
                     color=(0.5, 0.5, 0.5))
    for y, width in ((111.5, 0.8), (134, 0.5), (291.5, 0.8)):
        page.draw_line((208.5, y), (403.5, y), color=(0, 0, 0), width=width)
    for k, head in enumerate(("Model", "BIC", "R2", "BF")):
        page.insert_text((210 + 55 * k, 127), head, fontname="tiro", fontsize=10)
    for row in range(6):
        for k, cell in enumerate((f"Model{row}", f"-{row + 1}781.13", f"0.{70 + row}", "< 0.001")):
            page.insert_text((210 + 55 * k, 155 + 23 * row), cell, fontname="tiro", fontsize=10)
    _prose(page, 72, 330, 12, size=12, pitch=24, width=468, start=9)
    doc.set_toc([[1, "Methods", 1], [1, "Results", 2], [2, "Descriptive Results", 2]])
    return doc


def test_a_bold_float_name_opening_a_line_of_running_text_is_no_caption():
    # papaja: "Descriptive Results. **Figure 1** shows the normalized value of ..." in the body's
    # 12 pt, no graphic on the page: the line's end apart from its run-in heading was read as
    # Figure 1's caption ("Figure 1. shows ..."), a figure the paper does not print.
    paper = _parse(_apa_doc())
    assert not paper.figures


def test_a_caption_flush_left_over_a_centred_table_is_the_table_s():
    # papaja/apa7: "Table 1" and its italic title at the margin, the table centred 13 pt under
    # them, under the title's last words alone: too little overlap for the caption to reach it,
    # and the table went without a crop.
    paper = _parse(_apa_doc())
    table = next(t for t in paper.tables if t.number == "1")
    assert table.page == 3 and table.bbox is not None
    x0, y0, x1, y1 = table.bbox
    assert 200 < x0 < 212 and 105 < y0 < 116 and 395 < x1 < 410 and 285 < y1 < 298


def _legends_doc() -> pymupdf.Document:
    """A Word manuscript double spaced in 11 pt Helvetica: two pages of text, then a page of figure
    legends under a bold "Figure legends" line one line spacing over the first: each legend's
    "Figure N." and title in bold, its text regular, an empty line between legends."""
    doc = pymupdf.open()
    for n in range(2):
        page = doc.new_page(width=612, height=792)
        if n == 0:
            page.insert_text((150, 90), "Manipulation of the Gut Microbiota in Mice", fontname="hebo", fontsize=14)
            page.insert_text((72, 130), "Introduction", fontname="hebo", fontsize=11)
        _prose(page, 72, 160, 24, font="helv", size=11, pitch=25.3, width=468)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 82), "Figure legends", fontname="hebo", fontsize=11)
    y = 82 + 25.3
    for number, title in ((1, "Antibiotic perturbation drives changes in community structure and tumor burden."),
                          (2, "A random forest model predicted the number of tumors in the mice."),
                          (3, "Relationship between the initial abundance and the number of tumors.")):
        page.insert_text((72, y), f"Figure {number}. {title}", fontname="hebo", fontsize=11)
        y = _prose(page, 72, y + 25.3, 3, font="helv", size=11, pitch=25.3, width=468, start=number * 5) + 25.3
    return doc


def test_a_bold_line_over_the_first_figure_legend_is_no_part_of_it():
    # mSphere's Word manuscript: "Figure legends" in bold one line spacing over "Figure 1.
    # Antibiotic perturbation ..." (bold) was read into the legend's block, which no longer opened
    # with its label: Figure 1 was lost, Figures 2-5 under it kept.
    paper = _parse(_legends_doc())
    assert [f.number for f in paper.figures] == ["1", "2", "3"]
    assert paper.figures[0].caption.startswith("Antibiotic perturbation")


def _icon_caption_doc() -> pymupdf.Document:
    """Two columns of 10 pt text (revtex-like); on page 2, in the right column's top a plot drawn as paths and
    under it "FIG. 2. A hypothetical ..." in 9 pt, a lone glyph in the gutter left of the caption's
    first line, its baseline 6 pt over the caption's (showyourwork's icon; an unnamed glyph there, a
    symbol here, read as a piece of display math and so into the caption's block)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "Advice on Describing Bayesian Analysis", fontname="tibo", fontsize=16)
    page.insert_text((54, 110), "I. INTRODUCTION", fontname="tibo", fontsize=10)
    _prose(page, 54, 130, 50, size=10, pitch=12, width=240)
    _prose(page, 317, 100, 52, size=10, pitch=12, width=240, start=2)
    page = doc.new_page(width=612, height=792)
    page.insert_text((308.1, 199.9), "\u2211", fontname="symb", fontsize=9)  # (drawn first, as the class draws it)
    _prose(page, 54, 62, 56, size=10, pitch=12, width=240, start=3)
    _plot(page, 345, 62, 555, 160)
    page.insert_text((317, 206.05), "FIG. 2.", fontname="tiro", fontsize=9)
    page.insert_text((362.5, 206.05), "A hypothetical prior probability distribution for", fontname="tiro", fontsize=9)
    for k, text in enumerate(("a lipid that could arise from a molecular dynamics run and",
                              "a kernel density estimate of the distribution used here.")):
        page.insert_text((317, 216.5 + 10.5 * k), text, fontname="tiro", fontsize=9)
    _prose(page, 317, 260, 40, size=10, pitch=12, width=240, start=4)
    return doc


def test_a_lone_glyph_in_the_gutter_beside_a_caption_leaves_the_caption_its_label():
    # showyourwork: a GitHub icon (one FontAwesome glyph) in the gutter left of "FIG. 2. ...", raised
    # over the caption's first line, was read as the block's first line: the caption no longer
    # opened with its label and Figure 2 was lost.
    paper = _parse(_icon_caption_doc())
    figure = next((f for f in paper.figures if f.number == "2"), None)
    assert figure is not None and figure.page == 2 and figure.caption.startswith("A hypothetical")
    assert figure.bbox is not None and figure.bbox[0] > 320


def _supporting_doc() -> pymupdf.Document:
    """A paper of two pages in 10 pt; under "Supporting Information" on page 2, items set in 8.5 pt:
    "Figure S1 Title ..." and "Table S1 Title ..." in bold with no separator after the label, the
    legend in regular type under it, then "(PDF)"; no graphic anywhere."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Preferential Activation of a Pathway in Tumors", fontname="tibo", fontsize=16)
    page.insert_text((60, 130), "Introduction", fontname="hebo", fontsize=12)
    _prose(page, 60, 150, 50, size=10, pitch=12, width=490)
    page = doc.new_page(width=612, height=792)
    _prose(page, 60, 70, 12, size=10, pitch=12, width=490, start=5)
    page.insert_text((60, 230), "Supporting Information", fontname="hebo", fontsize=12)
    y = 255.0
    for label, title in (("Figure S1", "Meta-pathway activity identified in the samples."),
                         ("Figure S2", "Dependence of meta-pathways on methylation."),
                         ("Table S1", "Clinical attributes of clusters.")):
        page.insert_text((60, y), f"{label} {title}", fontname="tibo", fontsize=8.5)
        page.insert_text((60, y + 10.5), "Relative activity of the patterns associated with each group of samples.",
                         fontname="tiro", fontsize=8.5)
        page.insert_text((60, y + 21), "(PDF)", fontname="tiro", fontsize=8.5)
        y += 40
    return doc


def test_supporting_information_items_with_bold_labels_and_no_separator_are_captions():
    # PLOS ONE 2013: "**Figure S2 Dependence of meta-pathways on DNA**" over its legend and "(PDF)",
    # the files published apart: no separator after the label and no graphic, the items were no
    # floats (those whose label runs into its title on one bold run were; "Table S1" was).
    paper = _parse(_supporting_doc())
    assert [f.number for f in paper.figures] == ["S1", "S2"]
    assert [t.number for t in paper.tables] == ["S1"]
