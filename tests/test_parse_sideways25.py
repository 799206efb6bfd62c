"""Floats set sideways on an upright page (issue 14, "Figures and tables"): LaTeX's `sidewaystable`
or `landscape` without /Rotate turns the table, caption and all, a quarter turn on a portrait page,
whose /Rotate stays 0. Its lines run up (or down) the page and were all skipped as rotated text
(margin stamps, axis titles); such a page is read in its own frame, turned upright, and its floats'
boxes are given back on the page as printed. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf
import pytest

from pdf_pages import holds
from pdf_pages import lines as _lines

from paperkit.reading.parse import _page_lines, parse_pdf, render_figure

W, H = 612.0, 792.0  # the portrait page; the sideways float is set on it as on a landscape page H x W


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    return parse_pdf(path)


def _title_page(doc) -> None:
    page = doc.new_page(width=W, height=H)
    page.insert_text((72, 72), "A Title of the Paper", fontname="tibo", fontsize=14)
    page.insert_text((72, 110), "1 Introduction", fontname="tibo", fontsize=12)
    _lines(page, 72, 540, 130, 40)


def _sideways(way: str):
    """(a point of the landscape frame -> the portrait page's point, the text's `rotate`): text
    running up the page (90, `sidewaystable`'s default) or down it (270)."""
    if way == "up":
        return (lambda u, v: (v, H - u)), 90
    return (lambda u, v: (W - v, u)), 270


def _sideways_table(page, way: str, caption: str = "Table 8: Statistics for the language pairs of the test set.",
                    rows: int = 8, top: float = 100.0) -> None:
    """A table set in the landscape frame (u across, v down, H x W), drawn turned onto the page:
    its caption over three rules and a header row and `rows` rows of five cells."""
    at, rotate = _sideways(way)

    def text(u, v, s, size=10):
        page.insert_text(at(u, v), s, fontname="tiro", fontsize=size, rotate=rotate)

    def rule(u0, u1, v):
        page.draw_line(at(u0, v), at(u1, v), color=(0, 0, 0), width=0.5)

    text(200, top, caption)
    rule(150, 640, top + 10)
    header = ["Pair", "Tuples", "Tokens (ref)", "Tokens (src)", "Tokens (MT)"]
    for k, cell in enumerate(header):
        text(160 + 100 * k, top + 24, cell)
    rule(150, 640, top + 30)
    for r in range(rows):
        v = top + 44 + 14 * r
        for k, cell in enumerate([f"en-x{r}", str(20000 + 137 * r), f"{20 + r}.29", f"{18 + r}.44", f"{19 + r}.05"]):
            text(160 + 100 * k, v, cell)
    rule(150, 640, top + 44 + 14 * rows - 6)


@pytest.mark.parametrize("way", ["up", "down"])
def test_a_table_set_sideways_on_an_upright_page_is_read(tmp_path, way):
    # Page 2 holds a table turned a quarter turn (its text running up, or down, the page) and the
    # page number upright at its foot. Read as it stood, every line of it was rotated text: no
    # table 8. Read upright, the table and its caption are found, and their boxes are the page's as
    # printed: tall and narrow, round the turned lines.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=W, height=H)
    _sideways_table(page, way)
    page.insert_text((300, 760), "2", fontname="tiro", fontsize=10)
    paper = _parse(doc, tmp_path)
    tables = {t.number: t for t in paper.tables}
    assert "8" in tables, [t.number for t in paper.tables]
    table = tables["8"]
    assert table.page == 2
    assert table.caption.startswith("Statistics for the language pairs"), table.caption
    x0, y0, x1, y1 = table.bbox
    assert y1 - y0 > 2 * (x1 - x0), table.bbox  # the turned table stands tall on the page
    # the cells ("Tokens (MT)", the last column, and the first) lie in the box, on the page as printed
    words = {w[4]: w[:4] for w in doc[1].get_text("words")}
    for word in ("Pair", "(MT)", "en-x7"):
        wx0, wy0, wx1, wy1 = words[word]
        assert x0 - 1 <= wx0 and wx1 <= x1 + 1 and y0 - 1 <= wy0 and wy1 <= y1 + 1, (word, words[word], table.bbox)
    cx0, cy0, cx1, cy1 = table.caption_bbox
    caption = words["Statistics"]
    assert cx0 - 1 <= caption[0] and caption[2] <= cx1 + 1 and cy0 - 1 <= caption[1] and caption[3] <= cy1 + 1
    # the cells are the table's, no text of the paper
    assert not any("20137" in p.text for s in paper.sections for p in s.paragraphs)


def test_the_upright_page_number_of_a_sideways_page_stays_out_of_its_table(tmp_path):
    # The page number stands upright at the page's foot, some 30 pt past the turned table's end. In
    # the upright frame it is a rotated line level with the table, 30 pt left of its rules: taken
    # for the table's axis title it stretched the table's box down to the page's foot.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=W, height=H)
    _sideways_table(page, "up")  # (the rules end at u = 640: y = 152 on the page; they start at y = 642)
    page.insert_text((232, 676), "17", fontname="tiro", fontsize=10)
    table = {t.number: t for t in _parse(doc, tmp_path).tables}["8"]
    assert table.bbox[3] < 660, table.bbox


def test_rotated_tick_labels_under_an_upright_caption_leave_the_page_upright():
    # A plot whose many tick labels run up the page hold most of its letters; its caption stands
    # upright. The page is no sideways float: read turned, the caption and the text were lost.
    doc = pymupdf.open()
    page = doc.new_page(width=W, height=H)
    page.draw_rect((100, 100, 500, 400), color=(0, 0, 0), width=0.5)
    for k in range(60):
        page.insert_text((104 + 6.5 * k, 520), f"Complexity index {k}", fontname="helv", fontsize=6, rotate=90)
    page.insert_text((72, 560), "Figure 2: Median computation time of the indices.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 600, 3)
    texts = [ln.text for ln in _page_lines(page, 0)]
    assert any(t.startswith("Figure 2: Median computation time") for t in texts), texts


def test_a_page_of_text_with_a_stamp_down_its_margin_is_read_as_it_stands():
    # arXiv's identifier stamp runs up the first page's margin, "arXiv:..." rotated: a small part of
    # a page of text; the page stays upright and the stamp out of its lines.
    doc = pymupdf.open()
    page = doc.new_page(width=W, height=H)
    page.insert_text((30, 600), "arXiv:2009.09025v2 [cs.CL] 19 Oct 2020", fontname="tiro", fontsize=20, rotate=90)
    page.insert_text((30, 200), "Table 1 of nothing", fontname="tiro", fontsize=8, rotate=90)
    _lines(page, 72, 540, 100, 30)
    texts = [ln.text for ln in _page_lines(page, 0)]
    assert len(texts) == 30 and not any("arXiv" in t for t in texts), texts


def test_the_text_before_and_after_a_sideways_page_runs_on(tmp_path):
    # A sentence cut by the sideways page goes on on the page after it: the turned page holds no
    # paragraph between them.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=W, height=H)
    _sideways_table(page, "up")
    page = doc.new_page(width=W, height=H)
    page.insert_text((72, 90), "tables set sideways are read in their own frame.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 120, 10)
    paper = _parse(doc, tmp_path)
    assert "8" in {t.number for t in paper.tables}
    assert holds(paper, "tables set sideways are read in their own frame")


def test_a_figure_set_sideways_is_found_round_its_drawing(tmp_path):
    # `sidewaysfigure`: a plot and its caption turned a quarter turn, text running up the page. The
    # figure is found, its box round the drawing as printed (tall and narrow), the caption's beside it.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=W, height=H)
    at, rotate = _sideways("up")
    (x0, y0), (x1, y1) = at(150, 100), at(640, 400)  # the plot's frame, in the landscape frame u 150-640, v 100-400
    frame = pymupdf.Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    page.draw_rect(frame, color=(0, 0, 0), width=0.5)
    page.draw_polyline([at(160, 390), at(400, 200), at(630, 120)], color=(1, 0, 0), width=1)
    page.insert_text(at(150, 430), "Figure 5: Accuracy of the models over the training steps on the test set.",
                     fontname="tiro", fontsize=10, rotate=rotate)
    figures = {f.number: f for f in _parse(doc, tmp_path).figures}
    assert "5" in figures, list(figures)
    box = pymupdf.Rect(figures["5"].bbox)
    assert abs(box.x0 - frame.x0) < 3 and abs(box.x1 - frame.x1) < 3 and abs(box.y0 - frame.y0) < 3 and \
        abs(box.y1 - frame.y1) < 3, (box, frame)
    assert figures["5"].caption.startswith("Accuracy of the models")
    caption = pymupdf.Rect(figures["5"].caption_bbox)
    assert caption.x0 >= frame.x1 - 1 and caption.height > 5 * caption.width, caption  # (under it, turned)


def test_a_sideways_figure_drawn_as_an_image_is_trimmed_to_its_ink(tmp_path):
    # A sideways figure saved as an image with a wide white border: the float's box is cut to the
    # ink seen in it as on an upright page, the pixels looked up on the page as printed (read at
    # the turned frame's box, they were another part of the page, blank, and the border stayed).
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=W, height=H)
    at, rotate = _sideways("up")
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 100), False)
    pix.set_rect(pix.irect, (255, 255, 255))
    pix.set_rect(pymupdf.IRect(40, 20, 160, 80), (0, 0, 0))  # the ink: the middle, a fifth of the height from the edges
    (x0, y0), (x1, y1) = at(150, 100), at(550, 300)
    image = pymupdf.Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    page.insert_image(image, pixmap=pix, rotate=rotate, keep_proportion=False)
    page.insert_text(at(150, 330), "Figure 6: The accuracy of the models over the training steps on the test set.",
                     fontname="tiro", fontsize=10, rotate=rotate)
    figures = {f.number: f for f in _parse(doc, tmp_path).figures}
    assert "6" in figures, list(figures)
    box = pymupdf.Rect(figures["6"].bbox)
    # (the ink: 40 of the image's 200 points in from its ends, 40 of its 200 points high in from its sides)
    assert abs(box.y0 - (image.y0 + 80)) < 3 and abs(box.y1 - (image.y1 - 80)) < 3, (box, image)
    assert abs(box.x0 - (image.x0 + 40)) < 3 and abs(box.x1 - (image.x1 - 40)) < 3, (box, image)


def test_a_sideways_table_is_cropped_upright(tmp_path):
    # The crop of a float set sideways shows it upright, as it was read: wider than high, as the
    # table is on its landscape page (the page's box of it, rendered as it stands, was tall).
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=W, height=H)
    _sideways_table(page, "down")
    path = tmp_path / "paper.pdf"
    doc.save(path)
    table = {t.number: t for t in parse_pdf(path).tables}["8"]
    crop = pymupdf.Pixmap(str(render_figure(path, table, tmp_path / "table.png", zoom=1.0)))
    assert crop.width > 2 * crop.height, (crop.width, crop.height)
    # (upright, not upside down: the caption's ink is at the top, over the rules; the last rule ends it)
    gray = pymupdf.Pixmap(pymupdf.csGRAY, crop)
    rows = [gray.samples[r * gray.stride:r * gray.stride + gray.width] for r in range(gray.height)]
    inked = [r for r, row in enumerate(rows) if min(row) < 200]
    ruled = [r for r, row in enumerate(rows) if sum(v < 200 for v in row) > 0.6 * gray.width]
    assert inked and ruled and inked[0] < ruled[0] - 5 and ruled[-1] >= inked[-1] - 1, (inked[:3], ruled, inked[-3:])
