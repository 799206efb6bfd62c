"""Float crops in shapes real papers showed (issue 14, item 5): each figure and table is found and
its box holds the whole float, nothing of the text or the page's margin. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import prose as _prose

from paperkit.reading.parse import parse_pdf


def _text(page, x: float, y: float, text: str, size: float = 9, font: str = "tiro", rotate: int = 0) -> None:
    page.insert_text((x, y), text, fontname=font, fontsize=size, rotate=rotate)


def _axes(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """Axes and a curve, no text."""
    page.draw_polyline([(x0, y0), (x0, y1), (x1, y1)], color=(0, 0, 0), width=0.6)
    page.draw_polyline([(x0 + 5 + i * (x1 - x0 - 10) / 8, y1 - 5 - ((i * 37) % 11) * (y1 - y0 - 10) / 11)
                        for i in range(9)], color=(0, 0, 0), width=0.8)


def _opened(width: float = 612, height: float = 792) -> tuple[pymupdf.Document, pymupdf.Page]:
    """A document whose first page opens a section, and a second page for the floats."""
    doc = pymupdf.open()
    first = doc.new_page(width=width, height=height)
    first.insert_text((54, 80), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(first, 54, width - 54, 90, height - 60)
    return doc, doc.new_page(width=width, height=height)


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}, paper


def _contains(box, region, slack: float = 3.0) -> bool:
    return box[0] <= region[0] + slack and box[1] <= region[1] + slack and \
        box[2] >= region[2] - slack and box[3] >= region[3] - slack


def test_a_caption_at_the_foot_of_its_column_under_its_plot_is_no_stamp(tmp_path):
    # IFAC 2017: "Fig. 2. Position Error Cumulative Distributions." under its plot at the foot of the
    # right column, level with the left column's last line, 30 pt under the right column's text: it
    # was taken for a venue stamp printed at the page's foot, and the figure was lost.
    doc, page = _opened()
    _prose(page, 40, 292, 60, 765)
    _prose(page, 306, 557, 60, 500)
    _axes(page, 320, 540, 550, 745)
    _text(page, 306, 766, "Fig. 2. Position Error Cumulative Distributions.", size=10)
    floats, _ = _parse(doc, tmp_path)
    figure = floats.get(("figure", "2"))
    assert figure is not None and figure.bbox is not None and _contains(figure.bbox, (320, 540, 550, 745)), figure


def _tree(page, x: float, y: float, root: str) -> None:
    """A term tree: its root labelled over it, lines down to three leaves labelled under them."""
    _text(page, x - 25, y, root, size=9, font="helv")
    for i in range(3):
        page.draw_line((x, y + 4), (x - 60 + 60 * i, y + 40), color=(0, 0, 0), width=0.6)
        _text(page, x - 63 + 60 * i, y + 50, f"A{i}", size=9)


def test_a_drawings_label_at_the_same_height_on_several_pages_is_no_running_head(tmp_path):
    # LNCS: term trees topped by the node "SubClassOf" at the top of several pages, 5 pt over the
    # tree's lines: the same words at the same height, read as a running head; the label was dropped
    # and the crop cut under it.
    doc, _ = _opened()
    doc.delete_page(1)
    for number in (1, 2, 3):
        page = doc.new_page(width=612, height=792)
        _tree(page, 190 + 5 * number, 110, "SubClassOf")  # (drawings at one place on every page are furniture)
        _tree(page, 390 + 5 * number, 110, "SubClassOf")
        _text(page, 230, 190, f"Fig. {number}: Structurally different term trees number {number}.", size=9)
        _prose(page, 72, 540, 210, 720)
    floats, _ = _parse(doc, tmp_path)
    for number in ("1", "2", "3"):
        box = floats[("figure", number)].bbox
        assert box is not None and box[1] < 104, (number, box)


def test_a_y_axis_title_left_of_wide_tick_labels_is_the_plots(tmp_path):
    # LNCS: "Number of Axioms" set rotated 40 pt left of the plot's frame, left of tick labels
    # "1 × 10^6" 28 pt wide: farther off the frame than a rotated title is looked for, the title was
    # left out and the crop cut left of the tick labels.
    doc, page = _opened()
    _axes(page, 200, 120, 480, 230)
    for i, tick in enumerate(("1000000", "100000", "10000", "1000", "100")):
        _text(page, 197 - pymupdf.get_text_length(tick, fontname="tiro", fontsize=9), 124 + 25 * i, tick, size=9)
    _text(page, 156, 215, "Number of Axioms", size=9, rotate=90)
    _text(page, 290, 250, "Ontologies (ordered by size)", size=9)
    _text(page, 180, 285, "Fig. 13: Number of TBox axioms (a) and Class Expression Axioms (b).", size=9)
    _prose(page, 72, 540, 300, 720)
    floats, _ = _parse(doc, tmp_path)
    box = floats[("figure", "13")].bbox
    assert box is not None and box[0] < 150, box


def test_a_note_cut_by_the_foot_of_a_screenshot_is_the_figures(tmp_path):
    # EMNLP 2022 demo: a note in small type at the foot of a screenshot, its upper half on the image
    # ("Click on Remove to delete a previous annotation."): too long to grow the box as a label, and
    # not wholly between the image and the caption, it was left out and the crop cut through it.
    doc, page = _opened()
    page.draw_rect((72, 80, 520, 480), color=None, fill=(0.85, 0.9, 0.95))
    _text(page, 130, 483.8, "Click on Remove to delete a previous annotation.", size=6.5)
    _text(page, 72, 510, "Figure 3: Annotation interface and workflow for a crowd annotator.", size=10)
    _prose(page, 72, 520, 530, 720)
    floats, _ = _parse(doc, tmp_path)
    box = floats[("figure", "3")].bbox
    assert box is not None and box[3] > 484, box


def test_a_margin_note_and_its_leader_are_no_part_of_a_figure(tmp_path):
    # ICLR 2026 review copy: a reviewer's note boxed in the right margin ("hVoC - W4/Q2"), a line
    # drawn to it from the words it remarks on across the column, through a scatter plot: the crop
    # ran from the text's left edge into the margin (107-604 pt for a plot at 250-497).
    doc, page = _opened(612, 792)
    _prose(page, 108, 504, 60, 190)
    _prose(page, 108, 240, 190, 420)
    page.draw_rect((250, 200, 497, 350), color=(0, 0.5, 0), width=0.6)
    _axes(page, 270, 210, 490, 340)
    _text(page, 250, 372, "Figure 5: Scatter plot of Refusal Index vs. Correct Answer Rate.", size=10)
    _prose(page, 108, 504, 430, 700)
    page.draw_rect((510, 192, 604, 218), color=(0.6, 0.6, 0), width=0.6)
    page.draw_rect((515, 197, 599, 213), color=None, fill=(1, 1, 0.8))
    _text(page, 519, 208, "hVoC - W4/Q2", size=10)
    page.draw_polyline([(108, 209), (180, 209), (510, 205)], color=(0.9, 0.9, 0.2), width=0.5)
    floats, paper = _parse(doc, tmp_path)
    box = floats[("figure", "5")].bbox
    assert box is not None and _contains(box, (250, 200, 497, 350)) and box[0] > 240 and box[2] < 510, box
    # (the note's words are a reader's, not the paper's text)
    assert not any("W4/Q2" in p.text for s in paper.sections for p in s.paragraphs)


def _ruled_table(page, x0: float, x1: float, y0: float, rows: int = 4) -> float:
    """A booktabs table: top rule, a header row, a mid rule, rows of numbers, a bottom rule; returns its foot."""
    page.draw_line((x0, y0), (x1, y0), color=(0, 0, 0), width=0.8)
    y = y0 + 11
    for j, head in enumerate(("Model", "Accuracy", "Recall", "F1")):
        _text(page, x0 + 5 + j * (x1 - x0) / 4, y, head, size=8)
    page.draw_line((x0, y + 4), (x1, y + 4), color=(0, 0, 0), width=0.5)
    for i in range(rows):
        y += 11
        for j in range(4):
            _text(page, x0 + 5 + j * (x1 - x0) / 4, y, f"{0.5 + 0.01 * (i * 7 + j * 3):.2f}" if j else f"M{i}", size=8)
    page.draw_line((x0, y + 4), (x1, y + 4), color=(0, 0, 0), width=0.8)
    return y + 4


def test_ieee_table_labels_atop_two_pages_are_no_running_head(tmp_path):
    # IEEE (arXiv): "TABLE 1" and "TABLE 8", each on a line of its own, the first line of two pages
    # at the same height: read as a running head repeated at the page's top, both tables were lost.
    doc, _ = _opened()
    doc.delete_page(1)
    for number, caption in (("1", "Detailed statistics of simulating different contamination scenarios."),
                            ("8", "Memorization and generalization index of open-source models.")):
        page = doc.new_page(width=612, height=792)
        _text(page, 291, 52, f"TABLE {number}", size=8)
        _text(page, 167, 61, caption, size=8)
        foot = _ruled_table(page, 60, 550, 75 + int(number))
        _prose(page, 48, 300, foot + 20, 740)
        _prose(page, 312, 564, foot + 20, 740)
    floats, _ = _parse(doc, tmp_path)
    for number in ("1", "8"):
        table = floats.get(("table", number))
        assert table is not None and table.bbox is not None, (number, table)


def test_a_caption_whose_first_line_holds_a_two_row_formula_is_a_caption(tmp_path):
    # Pattern Recognition 2024: "Fig. 4. Left: 2D illustration of label(y; x) :=" followed in its
    # line by a two-row formula ("{ ... x ≤ 1" over "... x > 1") whose pieces stand above the line:
    # read first, they opened the block ("{ λ ∥ ..."), no caption, and the figure was lost.
    doc, page = _opened()
    _axes(page, 76, 60, 520, 180)
    _text(page, 38, 201, "Fig. 4. Left: 2D illustration of label(y; x) :=", size=6.5)
    _text(page, 186, 192, "{", size=9, font="symb")
    _text(page, 192, 196, "λ ∥ 1+e", size=6.5, font="symb")
    _text(page, 236, 196, "x ≤ 1", size=6.5, font="symb")
    _text(page, 192, 207, "λ ∥ 1+e", size=6.5, font="symb")
    _text(page, 236, 207, "x > 1,", size=6.5, font="symb")
    _text(page, 257, 201, "for different values of beta and gamma; Middle and Right: Training error.", size=6.5)
    _prose(page, 38, 558, 230, 720)
    floats, _ = _parse(doc, tmp_path)
    figure = floats.get(("figure", "4"))
    assert figure is not None and figure.bbox is not None, sorted(floats)


def test_a_table_of_text_columns_ruled_only_under_its_heads_gets_a_box(tmp_path):
    # EACL 2023, Table 3: three columns of recipe steps, each head ("BART") underlined by a rule of
    # its own, no other rule; captioned under the columns. No rule joined another (the text between
    # them is words), so the table had no box.
    doc, page = _opened()
    heads = ("Cherry tomato confit (base recipe)", "BART", "RecipeCrit (Ours)")
    steps = ("1) preheat oven to 325 degrees", "2) spread tomatoes on a sheet", "3) drizzle with oil and salt",
             "4) bake until tomatoes are soft", "5) transfer the pan to a rack", "6) discard the garlic")
    for k, (x0, x1) in enumerate(((76, 215), (235, 368), (388, 516))):
        _text(page, x0 + 5, 80, heads[k], size=9, font="tibo")
        page.draw_line((x0, 83), (x1, 83), color=(0, 0, 0), width=0.4)
        for i, step in enumerate(steps[: 6 - k]):
            _text(page, x0, 97 + 10 * i + 5 * k, step, size=9)
    _text(page, 141, 212, "Table 3: Comparison of a cherry tomato confit recipe with its edited versions.", size=10)
    _prose(page, 71, 524, 230, 700)
    floats, _ = _parse(doc, tmp_path)
    box = floats[("table", "3")].bbox
    assert box is not None and _contains(box, (76, 72, 516, 149)) and box[3] < 200, box
