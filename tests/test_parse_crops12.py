"""Figure crops that came out cut (issue 14, item 5): a legend's keys set a little off the plot's frame,
rows of values set as text between a diagram and its caption, and row titles beside the symbols that
name a diagram's rows. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import _plot_labels, _read_page, parse_pdf


def _text(page, x: float, y: float, text: str, size: float = 10, font: str = "tiro") -> None:
    page.insert_text((x, y), text, fontname=font, fontsize=size)


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _title_page(doc) -> None:
    _text(doc.new_page(width=612, height=792), 72, 72, "A Title of the Paper", size=14, font="tibo")
    _lines(doc[0], 72, 540, 100, 40)


def test_a_legend_whose_keys_stand_a_little_off_the_plot_is_in_the_crop(tmp_path):
    # A plot's frame with grid lines and a curve; its legend outside the frame, on the right: two
    # small triangles 10 pt off the frame (farther than the 8 pt that joins marks into one drawing,
    # too small to be a drawing alone) and the legend's words in small type beside them. Dropped,
    # the keys left the words 18 pt off the frame, out of the crop.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=612, height=792)
    y, _ = _lines(page, 72, 540, 72, 6)
    top, bottom, left, right = y + 10, y + 150, 200.0, 330.0
    page.draw_rect((left, top, right, bottom), color=(0, 0, 0), width=0.5)
    for k in range(1, 5):
        page.draw_line((left, top + 28 * k), (right, top + 28 * k), color=(0.8, 0.8, 0.8), width=0.4)
    page.draw_polyline([(left + 5, bottom - 10), (left + 60, top + 40), (right - 20, top + 15)], color=(1, 0, 0), width=1)
    for k, label in enumerate(("Attribute model", "Regular model")):
        y0 = top + 60 + 9 * k
        page.draw_polyline([(right + 10, y0 + 6), (right + 13, y0), (right + 16, y0 + 6), (right + 10, y0 + 6)],
                           color=None, fill=(0.9, 0.3, 0.5), width=0)
        _text(page, right + 19, y0 + 6, label, size=7, font="helv")
    for k in range(5):
        _text(page, left - 14, bottom - 28 * k + 3, f"{k}", size=7, font="helv")
    _text(page, 72, bottom + 22, "Figure 3: Detectability of the communities in a synthetic example.")
    _lines(page, 72, 540, bottom + 50, 10)
    box = _parse(doc, tmp_path)[("figure", "3")].bbox
    legend_end = right + 19 + pymupdf.get_text_length("Attribute model", fontname="helv", fontsize=7)
    assert box is not None and box[2] >= legend_end - 1, (box, legend_end)


def _formula(page, x: float, y: float, text: str) -> None:
    """Set "x1 = 1.5, x2 = -0.5" as TeX does: each variable in italic, its index smaller and lower,
    the rest upright (a bold word before such pieces reads as a heading, `_bold_but_math`)."""
    for piece in text.split():
        parts = [(piece[0], "tiit", 9, 0.0), (piece[1:], "tiro", 6, 1.0)] if piece[0] == "x" else [(piece, "tiro", 9, 0.0)]
        for part, font, size, drop in parts:
            page.insert_text((x, y + drop), part, fontname=font, fontsize=size)
            x += pymupdf.get_text_length(part, fontname=font, fontsize=size)
        x += 2.5


def test_rows_of_values_under_a_diagram_are_in_its_crop(tmp_path):
    # A diagram in the right column, then, as text over its caption, a table of values: a title,
    # and rows "Integrated gradients   x1 = 1.5, x2 = -0.5", read as one line of eight pieces as
    # wide as most of the column. Counted as eight words, the row was prose: the crop ended at the
    # diagram and the rows were lost. It has two words of letters.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=612, height=792)
    _lines(page, 72, 296, 72, 50)
    page.draw_rect((330, 70, 520, 110), color=(0, 0, 1), fill=(0.7, 0.8, 1.0), width=0.5)
    page.draw_line((400, 80), (450, 100), color=(0, 0, 0), width=0.8)
    y = 134.0  # (the first row 12 pt under the diagram: farther than a label in small type stands)
    _text(page, 330, y, "Network g(x1, x2)", size=9)
    _text(page, 330, y + 10, "Attributions at x1 = 3, x2 = 1", size=9)
    for k, (method, value) in enumerate((("Integrated gradients", "x1 = 1.5, x2 = -0.5"),
                                         ("DeepLift", "x1 = 2, x2 = -1"), ("LRP", "x1 = 2, x2 = -1"))):
        _text(page, 335, y + 20 + 10 * k, method, size=9, font="tibo" if k == 0 else "tiro")
        # (a gap of 9.5 pt after the bold method: read as one line with the values, as on the page)
        _formula(page, 335 + 9.5 + pymupdf.get_text_length("Integrated gradients", fontname="tibo", fontsize=9),
                 y + 20 + 10 * k, value)
    last = y + 40
    _text(page, 316, last + 20, "Figure 7. Attributions for two functionally equivalent", size=9)
    _text(page, 316, last + 31, "networks at one input under three methods.", size=9)
    _lines(page, 316, 540, last + 60, 30)
    box = _parse(doc, tmp_path)[("figure", "7")].bbox
    assert box is not None and box[3] >= last, (box, last)


def test_row_titles_beside_the_symbols_of_a_diagram_are_in_its_crop(tmp_path):
    # A diagram whose rows are named by a symbol just left of it ("Q", in small type) and, left of
    # the symbol, by a title in smaller type still ("Quantized" over "representations"), 5 pt off
    # the symbol and so 15 pt off the drawing: the titles were left out of the crop.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=612, height=792)
    left, top, right, bottom = 250.0, 80.0, 430.0, 200.0
    page.draw_rect((left, top + 20, right, top + 50), color=(0.9, 0.6, 0.1), fill=(1, 0.85, 0.5), width=0.5)
    for k in range(5):
        x = left + 10 + 38 * k
        page.draw_rect((x, top + 70, x + 20, bottom), color=(0.2, 0.3, 0.9), fill=(0.5, 0.6, 1), width=0.5)
        page.draw_line((x + 10, top + 50), (x + 10, top + 70), color=(0, 0, 0), width=0.5)
    page.draw_rect((left, top, right, top + 6), color=(0.5, 0.5, 0.5), width=0.3)
    for y, symbol, words in ((top + 40, "Q", ("Quantized", "representations")),
                             (top + 90, "Z", ("Latent speech", "representations"))):
        _text(page, left - 10, y, symbol, size=8, font="tiit")
        for k, word in enumerate(words):
            width = pymupdf.get_text_length(word, fontname="helv", fontsize=6)
            _text(page, left - 15 - width, y - 6 + 7 * k, word, size=6, font="helv")
    _text(page, 108, bottom + 16, "Figure 1: Illustration of our framework which jointly learns contextualized")
    _text(page, 108, bottom + 28, "representations and an inventory of discretized speech units.")
    _lines(page, 108, 504, bottom + 60, 20)
    box = _parse(doc, tmp_path)[("figure", "1")].bbox
    title_start = left - 15 - pymupdf.get_text_length("representations", fontname="helv", fontsize=6)
    assert box is not None and box[0] <= title_start + 1, (box, title_start)


def _cell(page, left: float, top: float) -> tuple[float, float]:
    """A diagram of circles joined by lines, 160 pt wide and 150 pt high; returns its right and bottom edges."""
    page.draw_rect((left, top + 10, left + 160, top + 140), color=(0.6, 0.6, 0.6), width=0.6)
    for cx, cy in ((left + 80, top + 30), (left + 30, top + 75), (left + 80, top + 75), (left + 130, top + 60),
                   (left + 130, top + 100), (left + 80, top + 120)):
        page.draw_circle((cx, cy), 14, color=(0.5, 0.5, 0.5), fill=(1, 1, 1), width=0.6)
    return left + 160, top + 150


_GATES = ("1. Gates", "i = s(Wx + Uh + b)", "f = s(Wx + Uh + b)", "o = s(Wx + Uh + b)", "",
          "2. Input transform", "c = tanh(Wx + Uh + b)", "", "3. State Update", "c = f * c + i * c",
          "h = o * tanh(c)")


def test_a_panel_of_equations_beside_a_diagram_in_its_float_is_in_the_crop(tmp_path):
    # A page of one column; a figure of two minipages: the gate equations of a cell, a list of
    # formulas, on the left, the cell's diagram on the right with the caption under it alone. The
    # equations are the figure's (the text after it speaks of "the equations above").
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=612, height=792)
    y, k = _lines(page, 72, 540, 72, 6)
    top = y + 10
    right, bottom = _cell(page, 340, top)
    for j, text in enumerate(_GATES):
        if text:
            _text(page, 82 if text[0].isdigit() else 94, top + 28 + 12 * j, text)
    _text(page, 350, bottom + 12, "Figure 2: LSTM cell (Paszke, 2015).")
    _lines(page, 72, 540, bottom + 40, 12, start=k)
    box = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert box is not None and box[0] <= 83 and box[2] >= right - 1, box


def test_the_other_columns_formulas_beside_a_figure_stay_out_of_its_crop(tmp_path):
    # The same figure in the right column of a page of two: the lines level with it on the left,
    # formulas as well, are the left column's text.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=612, height=792)
    y, k = _lines(page, 72, 296, 72, 6)
    _lines(page, 316, 540, 72, 6)
    top = y + 10
    right, bottom = _cell(page, 340, top)
    for j, text in enumerate(_GATES):
        if text:
            _text(page, 82 if text[0].isdigit() else 94, top + 28 + 12 * j, text)
    _text(page, 350, bottom + 12, "Figure 2: LSTM cell (Paszke, 2015).")
    _lines(page, 72, 296, bottom + 40, 12, start=k)
    _lines(page, 316, 540, bottom + 40, 12, start=k)
    box = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert box is not None and box[0] >= 330, box


def test_a_displays_scripts_beside_its_drawn_symbols_are_no_labels(tmp_path):
    # A display: a tall drawn bracket round "a", a large "+" after it with a sum's limit "k=1" in
    # small type set lower, read as one line "+ k=1" beside the "a" taken as the drawing's label.
    # Mathematics, no row title in words: no label.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y, k = _lines(page, 72, 540, 72, 8)
    top = y + 10
    page.draw_polyline([(282, top), (258, top), (258, top + 90), (282, top + 90)], color=(0, 0, 0), width=1.2)
    _text(page, 264, top + 50, "a")
    _text(page, 284, top + 50, "+", size=14)
    _text(page, 295, top + 55, "k=1", size=7)
    _lines(page, 72, 540, top + 120, 12, start=k)
    lines, graphics, *_ = _read_page(page, 1)
    labels = _plot_labels(lines, graphics, 10.0)
    assert [ln.text for ln in lines if id(ln) in labels and "k=1" in ln.text] == []


def test_prose_wrapped_round_a_figure_stays_out_of_its_crop(tmp_path):
    # A page of one column with a figure set in the text's right part (wrapfigure): the running
    # text goes on left of it in lines of three or four words, too few to read as prose one by
    # one, and on under it across the page. It is the text's, not a panel of the figure.
    doc = pymupdf.open()
    _title_page(doc)
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 72, "2 Results", size=12, font="tibo")  # (a paragraph of this page's own)
    y, k = _lines(page, 72, 540, 92, 6)
    top = y - 20  # (the drawing level with the first wrapped line)
    right, bottom = _cell(page, 340, top)
    y, k = _lines(page, 72, 150, y, int((bottom + 12 - y) / 12) + 1, start=k)  # (down to the caption's line)
    _text(page, 350, bottom + 12, "Figure 5: Index against rate.")
    _lines(page, 72, 540, y, 12, start=k)
    box = _parse(doc, tmp_path)[("figure", "5")].bbox
    assert box is not None and box[0] >= 330, box
