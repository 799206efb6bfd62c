"""Figure crops of the twentieth split (session 30): listings and text figures, each drawn here with
PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _contains, _float, _text
from pdf_pages import prose as _prose
from test_parse_text27 import _rename


def _records(page, x: float, y: float) -> float:
    """Three JSON records, each brace on a line of its own, in Courier; returns the last line's baseline."""
    for i in range(3):
        page.insert_text((x, y), "{", fontname="cour", fontsize=7)
        for j, row in enumerate([f'"text": "This is tweet number {i}",', '"tags": ["#Spark"],',
                                 '"loc": {"lat": 45.1, "long": 90}']):
            page.insert_text((x + 8, y + 9 + 8 * j), row, fontname="cour", fontsize=7)
        page.insert_text((x, y + 9 + 8 * 3 + 1), "}", fontname="cour", fontsize=7)
        y += 47
    return y - 47 + 34


def test_txfonts_t1_typewriter_face_is_code(tmp_path):
    # SIGMOD 2015: "Figure 5: A sample set of JSON records" under three records set in txfonts' T1
    # typewriter ("t1xtt"): not read as monospaced, the lines were text and the figure had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    last = _records(page, 54, 66)
    _text(page, 60, last + 22, "Figure 5: A sample set of JSON records, representing tweets.")
    _prose(page, 54, 294, last + 45, 720)
    _prose(page, 318, 560, 60, 720)
    _rename(doc, "Courier", "HDZKBP+t1xtt")
    figure = _float(doc, tmp_path, "figure", "5")
    # (renamed, the face's widths are read anew: the rows end nearer)
    assert figure.bbox is not None and _contains(figure.bbox, (54, 62, 140, last), slack=3), figure.bbox


def test_a_diagram_over_a_listing_joins_its_crop(tmp_path):
    # SIGMOD 2015's Figure 7: a pipeline's diagram, then the code that builds it, then the caption,
    # the diagram 110 pt over the caption: the crop held the code alone.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for i, name in enumerate(["tokenizer", "tf", "lr"]):
        page.draw_rect(pymupdf.Rect(70 + 70 * i, 70, 120 + 70 * i, 90), color=(0, 0, 0), width=0.6)
        _text(page, 76 + 70 * i, 83, name, size=7)
        if i:
            page.draw_line((50 + 70 * i, 80), (70 + 70 * i, 80), color=(0, 0, 0), width=0.6)
    page.draw_rect(pymupdf.Rect(60, 60, 280, 125), color=(0, 0, 0), width=0.4)
    code = ["tokenizer = Tokenizer()", "  .setInputCol(\"text\")", "tf = HashingTF()",
            "  .setInputCol(\"words\")", "lr = LogisticRegression()", "pipeline = Pipeline()",
            "  .setStages([tokenizer, tf, lr])", "model = pipeline.fit(data)"]
    for i, row in enumerate(code):
        page.insert_text((56, 140 + 9 * i), row, fontname="cour", fontsize=7)
    _text(page, 56, 230, "Figure 7: A short pipeline and the code to run it.")
    _prose(page, 54, 294, 250, 720)
    _prose(page, 318, 560, 60, 720)
    figure = _float(doc, tmp_path, "figure", "7")
    assert figure.bbox is not None and _contains(figure.bbox, (60, 60, 200, 205), slack=3), figure.bbox


def test_a_rule_between_a_plot_and_its_caption_is_the_figures(tmp_path):
    # EuroSys 2012: a hairline across the column 4 pt over each figure's caption, 4 pt under the
    # plot's axis title. A lone hairline is no drawing: the crop stopped at the axis title and left
    # the rule out.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(352, 80, 544, 170), color=(0, 0, 0), width=0.5)
    page.draw_polyline([(360, 90), (400, 120), (450, 140), (530, 160)], color=(0, 0, 0), width=0.8)
    for i in range(4):
        _text(page, 355 + 55 * i, 180, str(8 * (i + 1)), size=7)
    _text(page, 400, 190, "Key length (bytes)", size=8)
    _text(page, 330, 110, "12", size=7)
    page.draw_line((317, 195.7), (556, 195.7), color=(0, 0, 0), width=0.33)
    _text(page, 317, 208, "Figure 9. Performance effect of varying key length on the store.")
    _prose(page, 317, 556, 225, 720)
    _prose(page, 54, 293, 72, 720)
    figure = _float(doc, tmp_path, "figure", "9")
    assert figure.bbox is not None and _contains(figure.bbox, (317, 80, 556, 195.7), slack=2), figure.bbox
    assert figure.bbox[3] < 199


def test_a_figure_of_pseudocode_over_its_caption_rule_is_cropped(tmp_path):
    # EuroSys 2012: pseudocode in the body's faces (no monospaced type, nothing drawn) at the top
    # of a column, a hairline across the column, then "Figure 6. Find the border node ...": the
    # figure had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    code = ["findborder(node root, key k):", "retry: n <- root; v <- stableversion(n)",
            "    if v.isroot is false:", "        root <- root.parent; goto retry",
            "descend: if n is a border node:", "        return (n, v)", "    n' <- child of n containing k",
            "    v' <- stableversion(n')", "    if v'.split = v.split:", "        goto descend",
            "    v <- stableversion(n); goto retry"]
    for i, row in enumerate(code):
        _text(page, 320 + (12 if row.startswith("    ") else 0), 82 + 11 * i, row.strip(), size=8)
    page.draw_line((317, 200), (556, 200), color=(0, 0, 0), width=0.33)
    _text(page, 340, 212, "Figure 6. Find the border node containing a key.")
    _prose(page, 317, 556, 230, 720)
    _prose(page, 54, 293, 72, 720)
    figure = _float(doc, tmp_path, "figure", "6")
    assert figure.bbox is not None and _contains(figure.bbox, (317, 76, 556, 200), slack=2), figure.bbox
    assert figure.bbox[1] > 70 and figure.bbox[3] < 203


def _mask_rule(doc, page, x0: float, x1: float, y: float) -> None:
    """A rule painted as dvips paints it: an inline stencil mask 0.4 pt high."""
    xref = page.get_contents()[0]
    stream = doc.xref_stream(xref) + b"\nq %.2f 0 0 0.4 %.2f %.2f cm BI /IM true /W 8 /H 1 /BPC 1 ID \x00 EI Q\n" % (
        x1 - x0, x0, page.rect.height - y - 0.4)
    doc.update_stream(xref, stream)


def test_a_table_ruled_once_by_a_stencil_mask_is_cropped_with_its_two_row_head(tmp_path):
    # AISTATS 2005 (dvips): Table 2's one rule under its head is an image mask 0.4 pt high, no
    # path: no rule was seen, and the crop lost the head. Its head's top row, "Time per" and
    # "speed-up" 12 pt apart, is one line to the text layer: a row of one cell, it ended the head.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 318, 560, 60, 720)
    _prose(page, 75, 312, 60, 225)
    page.insert_text((208, 253.2), "Time per", fontname="tiro", fontsize=10)
    page.insert_text((256, 253.2), "speed-up", fontname="tiro", fontsize=10)
    page.insert_text((93.2, 265.1), "architecture", fontname="tiro", fontsize=10)
    page.insert_text((189.6, 265.1), "example (ms)", fontname="tiro", fontsize=10)
    for i, (name, ms, up) in enumerate([("original neural net", "270.7", "1"), ("importance sampling", "221.3", "1.22"),
                                        ("hierarchical model", "1.4", "193")]):
        page.insert_text((93.2, 277.4 + 12 * i), name, fontname="tiit", fontsize=10)
        page.insert_text((244.3 - 5 * len(ms), 277.4 + 12 * i), ms, fontname="tiro", fontsize=10)
        page.insert_text((292 - 5 * len(up), 277.4 + 12 * i), up, fontname="tiro", fontsize=10)
    _text(page, 75, 322, "Table 2: Test time per example for the different algorithms.", size=10)
    _prose(page, 75, 312, 345, 720)
    _mask_rule(doc, page, 87.3, 297.9, 268.6)
    table = _float(doc, tmp_path, "table", "2")
    assert table.bbox is not None and _contains(table.bbox, (87.3, 246, 297.9, 302), slack=2), table.bbox
    assert table.bbox[3] < 312
