"""Float crops (issue 14, item 5), the twenty-third split's: a caption whose label names its float's
panels by letter before the colon ("Figure 3a (left): ... 3b (right) ..."). Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops15 import _parse  # noqa: E402


def _image(page, rect) -> None:
    """A grey image filling `rect` (its ink reaching every edge)."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 199, 100), False)
    pix.clear_with(90)
    page.insert_image(rect, pixmap=pix, keep_proportion=False)


def test_a_caption_naming_its_panels_by_letter_before_the_colon_is_a_caption(tmp_path):
    # Google Docs: two plots side by side as two images, one caption under both, "Figure 3a (left):
    # Monthly total edits ... 3b (right) Monthly averaged ..."; the panel's letter glued to the number
    # and the panel's place in brackets before the colon, it was no caption and the figure was lost.
    # "Figure 3a shows" in the text, no colon after the label, stays text.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 3)
    _image(page, pymupdf.Rect(72, 122, 320, 343))
    _image(page, pymupdf.Rect(325, 122, 563, 343))
    page.insert_text((108, 385), "Figure 3a (left): Monthly total edits for each group of editors. 3b (right) Monthly",
                     fontname="helv", fontsize=10)
    page.insert_text((108, 400), "averaged (per-editor) edits for each groups of editors.", fontname="helv", fontsize=10)
    page.insert_text((108, 430), "As illustrated by Figure 3a shows, the old editors make most of the edits.",
                     fontname="helv", fontsize=10)
    _lines(page, 108, 520, 445, 10)
    paper, floats = _parse(doc, tmp_path)
    figure = floats[("figure", "3")]
    assert figure.caption.startswith("Monthly total edits"), figure.caption
    box = figure.bbox
    assert box[0] < 73 and box[1] < 123 and box[2] > 562 and 342 < box[3] < 350, box
    assert ("figure", "3a") not in floats and len(paper.figures) == 1


def test_a_panel_right_over_another_figures_caption_is_that_figures(tmp_path):
    # PVLDB 2016: two figures of two plots each side by side across the page, one gutter between
    # each two plots, each figure's caption under its own pair; Figure 3's first plot 18 pt right of
    # Figure 2's second, Figure 3 took that plot (over Figure 2's caption, none of its own) beside
    # its own and was cropped over both.
    doc = pymupdf.open()
    page = _page(doc)
    for x0, x1 in ((40, 154), (162, 280), (298, 417), (425, 543)):
        _image(page, pymupdf.Rect(x0, 62, x1, 143))
    page.insert_text((63, 155), "Figure 2: Network Throughput and Latency", fontname="hebo", fontsize=9)
    page.insert_text((320, 155), "Figure 3: CPU Overhead for Network Operations", fontname="hebo", fontsize=9)
    _lines(page, 54, 292, 180, 40)
    _lines(page, 318, 558, 180, 40)
    paper, floats = _parse(doc, tmp_path)
    left, right = floats[("figure", "2")].bbox, floats[("figure", "3")].bbox
    assert left[0] < 41 and left[2] > 279 and right[0] > 290 and right[2] > 542, (left, right)


def test_a_drawing_overlapping_the_one_over_its_caption_is_the_same_figures(tmp_path):
    # dvips (1999): a plot, its tick labels reaching past the caption's ends, over a tree of labels
    # drawn under it, the two boxes 3 pt into each other; the caption under the tree took the tree
    # alone (the plot, wider than the caption and 20 pt, was no row of its panels) and lost the plot.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 28)
    _image(page, pymupdf.Rect(170, 451, 456, 600))
    for k in range(8):
        page.insert_text((166 + 40 * k, 612), str(100 * k), fontname="helv", fontsize=10)
    for a, b in (((200, 631), (250, 646)), ((250, 646), (300, 631)), ((300, 631), (395, 617)), ((250, 646), (250, 665))):
        page.draw_line(a, b, color=(0, 0, 0), width=0.6)
    page.insert_text((157, 690), "Figure 2: Segmentation peaks and corresponding time tree", fontname="helv", fontsize=10)
    _lines(page, 72, 540, 720, 3)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "2")].bbox
    assert box[0] < 167 and box[1] < 452 and box[2] > 455 and 660 < box[3] < 675, box


def test_a_code_row_right_on_the_rule_over_a_listings_rows_is_in_the_crop(tmp_path):
    # SIGMOD 2019: a listing set as a figure, its head row "Ambiguous CSV Chunk: ..." in typewriter
    # type 2 pt over a rule, two rows of interpretations under the rule, the quoted fields shaded;
    # the head row, longer than a label, was left to the text and the crop began at the rule.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 317, 556, 80, 38)
    page.insert_text((328, 571), 'Ambiguous CSV Chunk:  lice,",",16\\nBob,",",17', fontname="cour", fontsize=8)
    page.draw_line((323, 575), (558, 575), color=(0, 0, 0), width=0.5)
    for y, name in ((583, "Interpretation 1:"), (595, "Interpretation 2:")):
        page.draw_rect(pymupdf.Rect(458, y - 7, 470, y + 2), color=None, fill=(0.8, 0.8, 0.8))
        page.insert_text((343, y), name + '  lice,",",16\\nBob,",",17', fontname="cour", fontsize=8)
    page.insert_text((317, 618), "Figure 1: Example ambiguous CSV chunk (quoted fields are marked gray)",
                     fontname="hebo", fontsize=8)
    _lines(page, 317, 556, 645, 10)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "1")].bbox
    assert box[1] < 566 and box[3] > 590, box


def test_a_caption_in_code_type_right_over_its_tables_rule_stays_the_caption(tmp_path):
    # NeurIPS preprint: "Table 3: Dataset overview." 2 pt over its table's top rule, its line marked
    # code (taken into the algorithm over it), the table's cells code too: a code row right on a
    # drawing of code rows is the listing's, but a caption is never a row; taken, the table was lost.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 20)
    page.insert_text((253, 641), "Table 3: Dataset overview.", fontname="cour", fontsize=8)
    page.draw_line((215, 644), (397, 644), color=(0, 0, 0), width=0.8)
    page.draw_line((215, 658), (397, 658), color=(0, 0, 0), width=0.5)
    page.insert_text((220, 654), "Metric           Value", fontname="cour", fontsize=8)
    for k, (name, value) in enumerate((("Total Languages", "10"), ("Total Files", "40"), ("Disk Size", "114 GB"))):
        page.insert_text((220, 668 + 10 * k), f"{name:<17}{value}", fontname="cour", fontsize=8)
    page.draw_line((215, 700), (397, 700), color=(0, 0, 0), width=0.8)
    paper, floats = _parse(doc, tmp_path)
    assert ("table", "3") in floats, sorted(floats)
    assert floats[("table", "3")].caption.startswith("Dataset overview"), floats[("table", "3")].caption
