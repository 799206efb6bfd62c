"""Float crops (issue 14, item 5), the ninth split's: a table's head cell flush left under its
caption, a table ruled once under its head with a blank row after the rule, labels stacked over a
diagram, a y-axis title beside its plot, a line annotated by a drawing, a table's ruled parts, a
table's head over its first rule, a caption run on over a coloured word, bold panel letters.
Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _page(doc, width: float = 612, height: float = 792):
    """A new page after a first page of running text (the first page's top is the title's)."""
    if not len(doc):
        first = doc.new_page(width=width, height=height)
        _lines(first, 60, width - 60, 80, 40)
    return doc.new_page(width=width, height=height)


def _rule(page, x0: float, x1: float, y: float, width: float = 0.4) -> None:
    page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)


def test_a_head_cell_flush_left_under_the_caption_is_the_tables(tmp_path):
    # Elsevier: "Table 1" on a line of its own, the caption under it, then the table's top rule
    # and its head row, whose first cell "Method" stands flush left with the caption a line under
    # it. It went on the caption as its next line, the caption reached into the table's box and
    # the table had no crop.
    doc = pymupdf.open()
    page = _page(doc, 468, 680)
    page.insert_text((57, 90), "Table 1", fontname="tiro", fontsize=8)
    page.insert_text((57, 100), "Comparison of different space and time requirements of sketching methods",
                     fontname="tiro", fontsize=8)
    _rule(page, 57, 416, 106.5)
    for x, word in ((57.4, "Method"), (150, "Ref."), (188, "Query"), (250, "Space"), (292, "Update"), (375, "Randomness")):
        page.insert_text((x, 115), word, fontname="tiro", fontsize=8)
    _rule(page, 57, 416, 120)
    y = 130
    for row in (("Tug-of-war", "[1]", "Inner", "1/e2", "1/e2", "4-wise"), ("Count sketch", "[5]", "Point", "1/e2", "1", "Pairwise"),
                ("Count-min", "[7]", "Range", "log n", "1", "Pairwise")):
        for x, word in zip((57.4, 150, 188, 250, 292, 375), row):
            page.insert_text((x, y), word, fontname="tiro", fontsize=8)
        y += 12
    _rule(page, 57, 416, y - 6)
    _lines(page, 57, 416, y + 20, 30)
    box = _parse(doc, tmp_path)[("table", "1")].bbox
    assert box is not None
    assert box[1] <= 107.5 and box[3] >= y - 7, box


def test_a_table_ruled_once_keeps_its_rows_after_an_empty_row(tmp_path):
    # AISTATS 2010: a table whose only rule stands under its head row, an empty row's height (11 pt)
    # between the rule and the first row of numbers, the rows after it 2.5 pt apart. The rows were
    # looked for no farther than a row's height off the rule: the table had no crop. (PyMuPDF's
    # lines are 11.3 pt high in 8.5 pt type: the first row here stands 14 pt off the rule.)
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 76, 310, 80, 10)
    page.insert_text((76, 210), "Table 1: Test error with different activation functions.", fontname="tiro", fontsize=10)
    page.insert_text((97, 228), "TYPE", fontname="tiro", fontsize=8.5)
    page.insert_text((136, 228), "Shapeset MNIST CIFAR-10", fontname="tiro", fontsize=8.5)
    _rule(page, 85, 302, 231)
    y = 253
    for row in (("Softsign", "16.27", "1.64", "55.78"), ("Tanh", "27.15", "1.76", "55.9"), ("Sigmoid", "82.61", "2.21", "57.28")):
        for x, word in zip((90, 143, 184, 224), row):
            page.insert_text((x, y), word, fontname="tiro", fontsize=8.5)
        y += 10
    _lines(page, 76, 310, y + 20, 20)
    box = _parse(doc, tmp_path)[("table", "1")].bbox
    assert box is not None
    assert box[1] <= 222 and box[3] >= y - 12, box


def test_labels_stacked_over_a_diagram_are_its_own(tmp_path):
    # SUNDR: "inode i4" over "(maps offset to data)" over a diagram's box. The lower label stands
    # within the drawing's reach and grew its box up; the upper one, met first (top down), was
    # weighed against the box before it grew, stayed text and was left out of the crop.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 5)
    page.draw_rect(pymupdf.Rect(200, 200, 400, 300), color=(0, 0, 0), width=0.6)
    page.draw_rect(pymupdf.Rect(220, 220, 380, 280), color=(0, 0, 0), fill=(0.9, 0.9, 0.9), width=0.6)
    page.insert_text((250, 196), "(maps offset to data)", fontname="tiro", fontsize=10)
    page.insert_text((265, 184), "inode table", fontname="tibo", fontsize=12)
    page.insert_text((180, 322), "Figure 2: User and group handles over the tables.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 350, 20)
    box = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert box is not None
    assert box[1] <= 176 and box[3] >= 299, box


def test_a_y_axis_title_beside_its_plot_is_the_plots(tmp_path):
    # ICML 2017: "p(x)", the vertical axis's title in small type, level with the middle of the
    # plot's frame and 10 pt left of it, farther than a label may stand beside a drawing: the crop
    # began at the frame.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 5)
    page.draw_rect(pymupdf.Rect(150, 200, 400, 320), color=(0, 0, 0), width=0.6)
    page.draw_polyline([(155, 310), (220, 230), (300, 280), (395, 210)], color=(0.1, 0.3, 0.8), width=1)
    page.insert_text((120, 263), "p(x)", fontname="tiro", fontsize=8.5)
    page.insert_text((150, 345), "Figure 1: Spectral densities for three ratios of the sizes.", fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 375, 20)
    box = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert box is not None
    assert box[0] <= 122 and box[2] >= 399, box


def test_a_line_annotated_by_the_drawing_under_it_is_the_figures(tmp_path):
    # CCS 2003: a log entry in small monospaced type, brackets hung right under parts of it naming
    # them ("path", "q"), the caption under the brackets. The crop held the brackets alone.
    doc = pymupdf.open()
    page = _page(doc)
    entry = '169.229.60.105 - johndoe [6/Nov/2002:23:59:59 -0800] "GET /scripts/access.pl?user=johndoe" 200 2122'
    page.insert_text((93, 60), entry, fontname="cour", fontsize=6.5)
    for a, b in ((330, 390), (400, 440), (450, 480)):
        page.draw_polyline([(a, 64), (a, 70), (b, 70), (b, 64)], color=(0, 0, 0), width=0.5)
        page.draw_line(((a + b) / 2, 70), ((a + b) / 2, 76), color=(0, 0, 0), width=0.5)
    page.insert_text((350, 86), "path", fontname="tiit", fontsize=7.5)
    page.insert_text((200, 122), "Figure 1: Sample Web Server Access Log Entry", fontname="tibo", fontsize=9)
    _lines(page, 72, 540, 150, 30)
    box = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert box is not None
    assert box[0] <= 95 and box[1] <= 56 and box[2] >= 478, box


def test_a_table_drawn_in_two_parts_edge_to_edge_is_one(tmp_path):
    # CVPR 2023: the column rules of a table are drawn row by row and stop at a row set across all
    # columns ("Privileged Agents:") between two rules; the rows under it, with their column rules,
    # made a second drawing 1.7 pt under the first, of the same width. The crop ended there.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((50, 100), "Table 1. Quantitative evaluation on the benchmark of long routes.", fontname="tiro", fontsize=9)
    for y in (131, 142, 235.2, 243.3, 262, 295.6):
        _rule(page, 50, 545, y)
    for x in (167, 218, 339):
        for top, bottom in ((133, 141), (144, 234), (245.5, 261.5), (262.5, 295.5)):
            page.draw_line((x, top), (x, bottom), color=(0, 0, 0), width=0.3)
    cells = ("Method", "RGB", "DS", "RC")
    for x, word in zip((54, 180, 260, 400), cells):
        page.insert_text((x, 140), word, fontname="tiro", fontsize=6.5)
    for k, y in enumerate(range(152, 232, 8)):
        for x, word in zip((54, 180, 260, 400), (f"Agent {k}", "yes", f"{40 + k}.1", f"{70 + k}.5")):
            page.insert_text((x, y), word, fontname="tiro", fontsize=6.5)
    page.insert_text((54, 241), "Privileged Agents:", fontname="tiit", fontsize=6.5)
    for k, y in enumerate((255, 261, 272, 279, 286, 293)):
        for x, word in zip((54, 180, 260, 400), (f"Expert {k}", "-", f"{60 + k}.1", f"{80 + k}.5")):
            page.insert_text((x, y), word, fontname="tiro", fontsize=6.5)
    _lines(page, 50, 290, 330, 30)
    box = _parse(doc, tmp_path)[("table", "1")].bbox
    assert box is not None
    assert box[1] <= 132 and box[3] >= 295, box


def _keyed_caption_table(page, x0: float, x1: float, top: float) -> float:
    """A caption over a table whose last line shows coloured keys behind three words ("top1"), the
    table's top rule a point under them, a head of two rows, a mid rule, rows, a bottom rule;
    returns the bottom rule's height."""
    page.insert_text((x0, top - 11), "Table 1. Evaluation results for three channels. Methods marked are from",
                     fontname="tiro", fontsize=9)
    page.insert_text((x0, top), "the other paper and methods marked with a star are not practical here, and",
                     fontname="tiro", fontsize=9)
    for k, (a, word) in enumerate(((x0 + 60, "top1"), (x0 + 90, "top2"), (x0 + 130, "top3"))):
        page.draw_rect(pymupdf.Rect(a - 2, top + 3, a + 20, top + 17), color=None, fill=(0.9, 0.5 - 0.1 * k, 0.5))
    page.insert_text((x0, top + 13), "color-coded as  top1 ,   top2 , and   top3 .", fontname="tiro", fontsize=9)
    _rule(page, x0 + 5, x1 - 5, top + 18.2, 0.8)
    columns = (x0 + 6, x0 + 50, x0 + 110, x0 + 170, x0 + 230, x0 + 290)
    for x, word in zip(columns, ("", "", "Array", "", "SDR", "SI-SDR")):
        if word:
            page.insert_text((x, top + 27), word, fontname="tiro", fontsize=9)
    for x, word in zip(columns, ("Row", "Methods", "Agnostic", "Prior", "(dB)", "(dB)")):
        page.insert_text((x, top + 35), word, fontname="tiro", fontsize=9)
    _rule(page, x0 + 5, x1 - 5, top + 38)
    y = top + 50
    for k in range(8):
        for x, word in zip(columns, (f"{k}a", f"Method {k}", "yes", "Laplace", f"{10 + k}.2", f"{9 + k}.7")):
            page.insert_text((x, y), word, fontname="tiro", fontsize=9)
        y += 11
    _rule(page, x0 + 5, x1 - 5, y - 6, 0.8)
    return y - 6


def test_a_tables_head_over_its_first_rule_reaches_the_top_rule(tmp_path):
    # ICML 2025: the table's top rule touched the coloured keys in its caption's last line and
    # was drawn with them, apart from the table; the head of two rows between it and the mid rule
    # was left out of the crop, which began at the mid rule 19 pt lower.
    doc = pymupdf.open()
    page = _page(doc)
    bottom = _keyed_caption_table(page, 55, 540, 74)
    _lines(page, 55, 290, bottom + 30, 25)
    box = _parse(doc, tmp_path)[("table", "1")].bbox
    assert box is not None
    assert box[1] <= 94 and box[3] >= bottom - 1, box


def test_a_captions_last_line_on_a_coloured_key_goes_on_the_caption(tmp_path):
    # ICML 2025: a caption over its table ends in a line of one word, "top3 .", on a key shaded
    # behind that word. Inside the key's box, the line was no caption's; the caption ended over
    # the key, which it took for its table's drawing: the crop was the key, 14 pt by 22.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 56, 290, 80, 40)
    page.insert_text((310, 80), "Table 2. Ad-hoc array evaluation results for four channels.", fontname="tiro", fontsize=8)
    page.insert_text((310, 90), "Note that the positions are random for this data set, and", fontname="tiro", fontsize=8)
    page.insert_text((310, 100), "top results are emphasized in the colours of the keys.", fontname="tiro", fontsize=8)
    page.draw_rect(pymupdf.Rect(310, 106, 332, 116.5), color=None, fill=(0.9, 0.7, 0.7))
    page.insert_text((313, 113), "top3 .", fontname="tiro", fontsize=8)
    _rule(page, 310, 540, 121, 0.8)
    y = 131
    for k in range(8):
        for x, word in zip((314, 360, 420, 460, 500), (f"{k}a", f"Method {k}", f"{9 + k}.3", f"{8 + k}.0", "0.745")):
            page.insert_text((x, y), word, fontname="tiro", fontsize=8)
        y += 11
        if k in (0, 3, 5):
            _rule(page, 310, 540, y - 8)
            y += 3
    _rule(page, 310, 540, y - 6, 0.8)
    _lines(page, 310, 540, y + 20, 20)
    box = _parse(doc, tmp_path)[("table", "2")].bbox
    assert box is not None
    assert box[1] <= 122 and box[3] >= y - 7, box


def test_bold_panel_letters_beside_the_panels_tops_are_the_figures(tmp_path):
    # APA: four panels in a grid, each lettered in bold 12 pt type ("a" ... "d") 9 pt left of its
    # top corner. The letters left of the grid stood farther off than a label may: the crop began
    # at the panels' edge and lost them.
    doc = pymupdf.open()
    page = _page(doc, 594, 792)
    for row, top in enumerate((78, 233)):
        for col, left in enumerate((146, 321)):
            page.draw_rect(pymupdf.Rect(left, top, left + 142, top + 142), color=(0, 0, 0), width=0.6)
            page.draw_polyline([(left + 20, top + 30), (left + 70, top + 90), (left + 120, top + 30)], color=(0, 0, 0), width=1.5)
            page.insert_text((left - 16, top + 10), "abcd"[2 * row + col], fontname="tibo", fontsize=12)
    page.insert_text((117, 395), "Figure 1. Experimental setup for dogs (a) and dingoes (b) for both studies.",
                     fontname="tiro", fontsize=8)
    _lines(page, 60, 534, 430, 25)
    box = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert box is not None
    assert box[0] <= 131 and box[3] >= 374, box
