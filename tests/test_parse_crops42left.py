"""Float crops left over from session 42, each drawn here with PyMuPDF in the shape a real paper
printed it."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _headed_page(doc, head: str = "Parameter-Efficient Transfer Learning for NLP"):
    """A page under a running head: its one row of 9-pt type over a hairline across the text width."""
    page = doc.new_page(width=612, height=792)
    page.insert_text((207, 54), head, fontname="tiro", fontsize=9)
    _rule(page, 55.4, 541.4, 57.6, width=0.4)
    return page


def test_a_running_heads_rule_over_a_table_at_the_pages_top_is_no_piece_of_the_table(tmp_path):
    # ICML (an appendix): a table of its text's width at the top of a page, its caption under it,
    # 88 pt under the running head's rule, which is of the same width. The table's box was grown over
    # the page's rules of its width, the running head's among them (nothing but white between), and
    # its crop reached up to the running head.
    doc = pymupdf.open()
    for n in range(4):
        page = _headed_page(doc)
        if n != 2:
            _lines(page, 55.4, 541.4, 80, 50, start=20 * n)
            continue
        for y in (145.5, 153.9, 256.0):
            _rule(page, 55.4, 541.4, y)
        page.insert_text((58.4, 151.5), "Dataset", fontname="helv", fontsize=4.5)
        for k in range(1, 11):
            page.insert_text((130 + 36 * k, 151.5), str(k), fontname="helv", fontsize=4.5)
        for r in range(16):
            y = 160 + 5.86 * r
            page.insert_text((58.4, y), f"Dataset number {r}", fontname="helv", fontsize=4.5)
            for k in range(1, 11):
                page.insert_text((130 + 36 * k, y), f"0.{r}{k}", fontname="helv", fontsize=4.5)
        page.insert_text((120, 278.5), "Table 7. Search space parameters for the AutoML baseline.", fontname="tiro",
                         fontsize=9)
        _lines(page, 55.4, 541.4, 310, 35, start=70)
    paper, floats = _parse(doc, tmp_path)
    table = floats.get(("table", "7"))
    assert table is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert table.bbox is not None and 140 <= table.bbox[1] <= 146 and table.bbox[3] >= 255, table.bbox


def _plot_image(page, rect: pymupdf.Rect, ink_to: float) -> None:
    """A picture on a white ground: a plot's frame and a few curves in its upper part (down to
    `ink_to` of its height), white under it."""
    w, h = 480, 400
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, w, h), False)
    pix.clear_with(255)
    foot = int(ink_to * h)
    for irect in (pymupdf.IRect(30, 10, 470, 13), pymupdf.IRect(30, foot - 3, 470, foot),
                  pymupdf.IRect(30, 10, 33, foot), pymupdf.IRect(467, 10, 470, foot)):
        pix.set_rect(irect, (0, 0, 0))
    for k in range(12):
        pix.set_rect(pymupdf.IRect(40 + 35 * k, 40 + (k * 37) % (foot - 60), 70 + 35 * k, 46 + (k * 37) % (foot - 60)),
                     (200, 30, 30))
    page.insert_image(rect, pixmap=pix)


def test_a_caption_printed_on_its_pictures_white_ground_cuts_the_figure_at_its_opening_line(tmp_path):
    # CHI 2011 (Word): a plot pasted as a picture taller than the plot, its caption printed over the
    # picture's white foot, "Figure 3: Signal captured ..." and five more lines in its bold, flush,
    # the picture's foot 5 pt under the last. The caption was read as its opening line alone, the
    # lines under it taken for the drawing's labels, and the crop held the whole caption.
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    _lines(first, 54, 558, 80, 50)
    page = doc.new_page(width=612, height=792)
    _plot_image(page, pymupdf.Rect(53.3, 53.6, 294.7, 254.9), 0.62)
    caption = ["Figure 3: Signal captured from a participant during two",
               "touches on a wall (red) and a light switch (blue). Green high-",
               "lights (left and right) indicate periods of contact, the orange",
               "highlight (center) indicates the rest period of non-contact.",
               "Differences between these signals, and between the contact",
               "and no-contact rest states, form the basis of our approach."]
    for k, text in enumerate(caption):
        page.insert_text((53.5, 197 + 10.35 * k), text, fontname="tibo", fontsize=9)
    _lines(page, 54.1, 295.3, 275, 40, start=30)
    _lines(page, 316.9, 560.6, 70, 55, start=60)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "3"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[1] <= 60 and 170 <= figure.bbox[3] <= 192, figure.bbox
