"""Float crops (issue 14, item 5): a raster image's white border is cut from the crop, a display
formula over a plot is no row of its panels, and a table filling a page is closed by its foot's
rule. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _bordered_image(width: int, height: int, border: tuple[int, int, int, int]) -> pymupdf.Pixmap:
    """A white image with a dark plot inside it, `border` pixels of white left, top, right, bottom."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.set_rect(pix.irect, (255, 255, 255))
    left, top, right, bottom = border
    pix.set_rect(pymupdf.IRect(left, top, width - right, height - bottom), (40, 60, 160))
    pix.set_rect(pymupdf.IRect(left + 4, top + 4, width - right - 4, height - bottom - 4), (230, 230, 240))
    return pix


def test_an_images_white_border_is_cut_from_the_crop(tmp_path):
    # A plot saved as an image with a wide white border (matplotlib's padding): 30 pt of white left
    # and right, 15 pt over it. The image's box made the crop that much wider than what is seen.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _lines(page, 72, 540, 80, 12)
    page.insert_image(pymupdf.Rect(160, 240, 460, 440), pixmap=_bordered_image(300, 200, (30, 15, 30, 5)))
    page.insert_text((180, 462), "Figure 1: Validation error over the epochs of training.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 500, 12)
    box = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert box is not None
    assert 187 <= box[0] <= 192 and 428 <= box[2] <= 433, box
    assert 252 <= box[1] <= 257 and box[3] >= 433, box


def test_a_display_formula_over_a_plot_is_no_row_of_its_panels(tmp_path):
    # A displayed fraction "g(a) = 2(a+1)^2 / ((a^2+3) + sqrt(...))" 20 pt over a drawn plot, the
    # figure's caption under the plot. The fraction's bar and the root's bar 2 pt under it, with the
    # numerator and denominator, made a graphic within the plot's width: taken as a row of panels,
    # it put the formula in the crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _lines(page, 72, 540, 80, 14)
    page.insert_text((230, 268), "g(a) =", fontname="tiro", fontsize=10)
    page.insert_text((300, 264.5), "2(a + 1)", fontname="tiro", fontsize=10)
    page.draw_line((270, 266), (380, 266), color=(0, 0, 0), width=0.4)
    page.draw_line((320, 268), (380, 268), color=(0, 0, 0), width=0.4)
    page.insert_text((280, 277), "(a + 3) + 4(a + 1)", fontname="tiro", fontsize=10)
    page.draw_rect(pymupdf.Rect(220, 300, 400, 430), color=(0, 0, 0), width=0.5)
    page.draw_polyline([(225, 420), (260, 380), (300, 400), (340, 330), (395, 360)], color=(0.1, 0.3, 0.8), width=1)
    page.insert_text((230, 452), "Figure 4: Graph of the function g.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 490, 12)
    box = _parse(doc, tmp_path)[("figure", "4")].bbox
    assert box is not None and box[1] > 290, box


def _ieee_table(page, rows: int, foot_gap: float, subtitle_size: float) -> float:
    """An IEEE table across the page's top: "TABLE I" centred, its title centred under it in small
    type, a rule over and under the head row, `rows` rows of two feature columns, and the closing
    rule `foot_gap` pt under the head's rule. Returns the closing rule's height."""
    label = "TABLE I"
    w = pymupdf.get_text_length(label, fontname="tiro", fontsize=8)
    page.insert_text((306 - w / 2, 85), label, fontname="tiro", fontsize=8)
    title = "76 FEATURES OF THE INTRUSION DATA SET"
    w = pymupdf.get_text_length(title, fontname="tiro", fontsize=subtitle_size)
    page.insert_text((306 - w / 2, 94), title, fontname="tiro", fontsize=subtitle_size)
    page.draw_line((64, 103), (548, 103), color=(0, 0, 0), width=0.8)
    for x, t in zip((71, 129, 296, 359), ("Feature Name", "Description", "Feature Name", "Description")):
        page.insert_text((x, 114), t, fontname="tiro", fontsize=8)
    page.draw_line((64, 118), (548, 118), color=(0, 0, 0), width=0.5)
    y = 128.0
    for r in range(rows):
        for x, t in zip((71, 129, 296, 359), (f"fw pkt {r}", "Total packets in the forward direction",
                                               f"bw seg {r}", "Average size of packet in the flow")):
            page.insert_text((x, y), t, fontname="tiro", fontsize=8)
        y += (foot_gap - 16) / rows
    page.draw_line((64, 118 + foot_gap), (548, 118 + foot_gap), color=(0, 0, 0), width=0.8)
    return 118 + foot_gap


def test_a_table_filling_the_page_is_closed_by_its_rule_600_pt_under_its_head(tmp_path):
    # A table filling a page (IEEE: 76 features, one row each), ruled only over and under its head
    # and at its foot, 608 pt under the head's rule: the foot's rule stood too far to join, and the
    # crop was the head alone.
    doc = pymupdf.open()
    _lines(doc.new_page(width=612, height=792), 72, 540, 80, 40)
    page = doc.new_page(width=612, height=792)
    foot = _ieee_table(page, 50, 608, 8)
    table = _parse(doc, tmp_path).get(("table", "I"))
    assert table is not None and table.bbox is not None
    assert table.bbox[3] >= foot - 1, table.bbox


def test_a_pages_head_and_foot_rules_hold_no_table(tmp_path):
    # PLOS sets a rule 7 pt under the running head and one over the foot line, as wide as each other and
    # 690 pt apart. On a page of references (no prose, by its words) the two made a table that took
    # the entries in; it may join that far only with a caption at either end.
    doc = pymupdf.open()
    k = 0
    for n in range(3):
        page = doc.new_page(width=612, height=792)
        page.insert_text((304, 44), "Robust Transcription with a Compositional Model", fontname="tiro", fontsize=8)
        page.draw_line((36, 54.6), (576, 54.6), color=(0, 0, 0), width=0.5)
        page.draw_line((36, 744.2), (576, 744.2), color=(0, 0, 0), width=0.5)
        page.insert_text((36, 756), f"PLOS ONE | January 2017   {n + 1} / 3", fontname="tiro", fontsize=8)
        if n == 0:
            _lines(page, 221, 576, 80, 50)
            continue
        y = 80.0
        if n == 1:
            page.insert_text((221, y), "References", fontname="tibo", fontsize=12)
            y += 20
        while y < 720:  # (the last page: entries alone, no heading between the rules)
            k += 1
            page.insert_text((221, y), f"{k}. Smith J{chr(65 + k % 26)}, Brown K. Polyphonic Pitch Tracking "
                             f"Methods. J Audio Eng Soc. {1960 + k};{k}:1{k}-2{k}.", fontname="tiro", fontsize=8)
            y += 20
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert not paper.tables
    assert len(paper.bibliography) == k, (len(paper.bibliography), k)
