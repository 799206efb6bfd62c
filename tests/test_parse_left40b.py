"""Leftovers of the fortieth session (floats and crops): coloured badges behind a figure's panel
letters. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _parse

from paperkit.reading.parse import parse_pdf


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.5)
    for k in range(1, 8):
        x = x0 + k * (x1 - x0) / 8
        page.draw_line((x, y1 - 5 - 3 * (k % 3)), (x + (x1 - x0) / 8, y1 - 10 - 4 * (k % 2)), color=(0, 0.5, 0), width=0.8)


def test_coloured_badges_behind_panel_letters_are_the_figures(tmp_path):
    # ECCV 2018: the last row of a figure's right half titled "(3) Augmented Autoencoder", and on the
    # same row "(d) -> (a)", each letter on a coloured ground of its own that reaches 3 pt under the
    # row's words. The row, read as one line of five words, made the grounds look like a reader's
    # highlights: left out, the crop lost the foot of the badges.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 4)
    _plot(page, 140, 130, 300, 240)
    _plot(page, 320, 130, 470, 240)
    x = 300.0
    for piece, colour in (("(3) Augmented Autoencoder", None), ("(d)", (1, 0.89, 0.5)), ("--->", None),
                          ("(a)", (0.5, 0.75, 0.5))):
        width = pymupdf.get_text_length(piece, fontname="tiro", fontsize=7)
        if colour:
            page.draw_rect(pymupdf.Rect(x - 3, 259.5, x + width + 3, 272.5), color=None, fill=colour, overlay=False)
        page.insert_text((x, 268.5), piece, fontname="tiro", fontsize=7)
        x += width + 5.5
    page.insert_text((135, 292), "Fig. 3: Latent dimensions of the autoencoders for every rotation of the squares.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 330, 20)
    box = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert box is not None
    assert box[3] >= 272, box
    assert box[1] <= 131 and box[0] <= 141 and box[2] >= 469, box


def test_a_listings_top_rule_over_its_first_line_is_in_the_crop(tmp_path):
    # ECCV 2018 (Group Normalization's Figure 3): Python code between two hairlines across the
    # column, each line on a white strip of its own, the caption under the lower rule. The figure
    # was read as the text over its caption rule, from its first line down: the crop lost the top
    # rule 4 pt over the code.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 50, 295, 80, 50)
    page.draw_rect(pymupdf.Rect(309, 73.9, 545, 77.3), color=None, fill=(1, 1, 1))
    page.draw_line((309, 74.1), (545, 74.1), color=(0, 0, 0), width=0.4)
    code = ["def GroupNorm(x, gamma, beta, G, eps=1e-5):", "    # x: input features with shape [N,C,H,W]",
            "    # gamma, beta: the scale and offset per channel",
            "    # G: number of groups for GN", "", "    N, C, H, W = x.shape",
            "    x = tf.reshape(x, [N, G, C // G, H, W])", "", "    mean, var = tf.nn.moments(x, [2, 3, 4])",
            "    x = (x - mean) / tf.sqrt(var + eps)", "", "    return x * gamma + beta"]
    y = 77.3
    for row in code:
        if row:
            page.insert_text((309 + 4.5 * (len(row) - len(row.lstrip())), y + 7.7), row.strip(), fontname="cour",
                             fontsize=7.5)
        y += 8.5
    page.draw_line((309, y + 3.2), (545, y + 3.2), color=(0, 0, 0), width=0.4)
    page.insert_text((309, y + 17.5), "Figure 3. Python code of Group Norm based on TensorFlow.", fontname="tiro", fontsize=9)
    _lines(page, 309, 545, y + 40, 30)
    box = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert box is not None
    assert box[1] <= 74.5 and box[3] >= y + 3, box


def test_a_grammar_with_its_alternatives_named_in_words_is_cropped_whole(tmp_path):
    # PLDI 2008's Figure 2 ("Syntax"): a grammar's productions in math type, each alternative named
    # at its right in the text's face ("variable", "constant", ...). Two of the names, "base type
    # of integers" and "base type of booleans", read as words of a sentence: the figure of
    # formulas ended under them, its crop lost the grammar's upper two thirds.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 50, 295, 80, 50)
    rows = [("e ::=", None, "Expressions:"), ("|", "x", "variable"), ("|", "c", "constant"), ("|", "f e", "application"),
            ("Q ::=", None, "Refinements:"), ("|", "q", "qualifier"), ("|", "Q & Q", "conjunction"),
            ("B ::=", None, "Base Types:"), ("|", "int", "base type of integers"), ("|", "bool", "base type of booleans"),
            ("T(B) ::=", None, "Type Skeletons:"), ("|", "{v:B | B}", "base"), ("|", "x:T(B) -> T(B)", "function"),
            ("S(B) ::=", None, "Schema Skeletons:"), ("|", "T(B)", "monotype"), ("|", "A a.S(B)", "polytype")]
    y = 84.0
    for lead, alternative, note in rows:
        if alternative is None:
            y += 2.5
        page.insert_text((365 if lead == "|" else 327, y), lead, fontname="cour", fontsize=8)
        if alternative:
            page.insert_text((376, y), alternative, fontname="cour", fontsize=8)
        page.insert_text((462, y), note, fontname="tiit" if alternative is None else "tiro", fontsize=8)
        y += 9
    page.insert_text((404, y + 14), "Figure 2. Syntax", fontname="tibo", fontsize=9)
    _lines(page, 317, 556, y + 40, 30)
    for font in page.get_fonts():
        if font[3] == "Courier":
            doc.xref_set_key(font[0], "BaseFont", "/CMMI8")  # (a math font: the productions are mathematics)
    box = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert box is not None
    assert box[1] <= 80 and box[3] >= y - 9 and box[0] <= 328 and box[2] >= 525, box


def _query_tree(tmp_path, left_label: tuple) -> tuple:
    # SIGMOD 2007's Figure 1: a query tree, each operator labelled with its output's size in small
    # italics; "size=500" beside the leftmost selection stands 10 pt of its 25 left of the drawing
    # and of the labels the box grew over. The crop cut it in two.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 50, 295, 80, 50)
    _lines(page, 317, 556, 80, 10)
    # (two drawings: the selection on R's side, under 20 pt high, and the joins' tree right of it)
    for a, b in (((381, 274), (390, 257)), ((390, 257), (399, 274)), ((381, 274), (399, 274)),
                 ((420, 274), (430, 240)), ((430, 240), (445, 210)), ((445, 210), (462, 240)), ((462, 240), (482, 274)),
                 ((430, 240), (438, 274))):
        page.draw_line(a, b, color=(0, 0, 0), width=0.5)
    for x, y, text in ((481.6, 282.5, "size=2000"), (427.2, 311.5, "size=5000"), (476.8, 243.4, "size=1500"),
                       (390.3, 242.5, "size=200"), left_label, (436.2, 268.4, "size=4000"),
                       (447.5, 212.3, "size=10"), (370.4, 311.5, "size=1000")):
        page.insert_text((x, y), text, fontname="tiit", fontsize=6.8)
    for x, y in ((368.9, 276.5), (427.1, 276.2), (470.1, 252.4)):  # (the selections' sigmas)
        page.insert_text((x, y), "s", fontname="symb", fontsize=11.5)
    for x, y, text in ((380.3, 305, "R"), (437.2, 305, "S"), (490.0, 278, "T")):
        page.insert_text((x, y), text, fontname="tiro", fontsize=8.6)
    for x, y, text in ((374.5, 282, "R.attr1 < p1"), (385.3, 258.5, "R.attr4 = S.attr5"), (433.6, 282.5, "S.attr2 > p2"),
                       (420.9, 231.5, "S.attr6 = T.attr7"), (475.6, 258.5, "T.attr3 < p3")):
        page.insert_text((x, y), text, fontname="tiit", fontsize=6.4)
    page.insert_text((330.2, 332), "Figure 1: A test case: a query with operator constraints", fontname="tibo", fontsize=9)
    _lines(page, 317, 556, 360, 30)
    return _parse(doc, tmp_path)[("figure", "1")].bbox


def test_a_label_the_figures_left_edge_cuts_through_is_in_the_crop(tmp_path):
    # SIGMOD 2007's Figure 1: a query tree, each operator labelled with its output's size in small
    # italics; "size=500" beside the leftmost selection stands 10 pt of its 25 left of the drawing
    # and of the labels the box grew over. The crop cut it in two.
    box = _query_tree(tmp_path, (357.7, 268.7, "size=500"))
    assert box is not None
    assert box[0] <= 358, box


def test_a_label_set_off_by_spaces_across_the_edge_is_cropped_to_its_words(tmp_path):
    # A word processor's label set off by spaces ("          size=500"): its line's box holds the
    # spaces; the crop takes the words, not the white before them.
    box = _query_tree(tmp_path, (340.3, 268.7, "          size=500"))
    assert box is not None
    assert 350 <= box[0] <= 359, box


def test_a_numbered_list_alone_at_the_pages_top_over_its_caption_is_the_figure(tmp_path):
    # A tech report's Figure 3: the steps of an algorithm as a list ("1. Determine the input", "(a)
    # Determine interesting orders", ...) flush left at the page's top, nothing drawn, the caption
    # centred 25 pt under the last step. Set off by more than two lines and wider than its
    # caption, the list was taken for text: the figure had no crop.
    doc = pymupdf.open()
    page = _page(doc)
    steps = ["1. Determine the input of the optimizer", "   (a) Determine interesting orders", "   (b) Determine sets of dependencies",
             "2. Construct the automaton", "   (a) Construct the nodes of the automaton", "   (b) Filter the dependencies",
             "   (c) Add edges to the automaton", "   (d) Prune the automaton", "3. Convert it into a deterministic one",
             "4. Precompute values", "   (a) Precompute the compatibility matrix", "   (b) Precompute the transition table"]
    y = 70.0
    for step in steps:
        page.insert_text((72 + (14 if step.startswith(" ") else 0), y), step.strip(), fontname="tiro", fontsize=12)
        y += 14.4
    page.insert_text((185, y + 22), "Figure 3: Preparation steps of the algorithm", fontname="tiro", fontsize=12)
    _lines(page, 72, 525, y + 58, 25, size=12)
    box = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert box is not None
    assert box[0] <= 73 and box[1] <= 62 and box[3] >= y - 14.4, box


def test_an_entry_whose_first_initial_the_scan_read_as_a_zero_opens_on_its_bare_label(tmp_path):
    # ASME 1960 (retypeset from a scan): entries labelled by a bare number set in from the margin,
    # "28  0. J. M. Smith, ...", the initial O read as a zero. The label was not known before a
    # digit: entry 28 was read into entry 27. (Numbered from 1 here.)
    from pdf_pages import lines as body_lines

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "A New Approach to Linear Filtering", fontname="tibo", fontsize=16)
    y, _ = body_lines(page, 72, 540, 110, 12)
    page.insert_text((280, y + 14), "References", fontname="tibo", fontsize=10)
    entries = [("1", ["R. E. Kalman, 'Dynamic Optimization of Linear Control Sys-", "tems, I. Theory,' to appear."]),
               ("2", ["S. Sherman, 'Non-Mean-Square Error Criteria,' Trans. IRE Prof.",
                      "Group on Information Theory, IT-4, 1958, pp. 125-126."]),
               ("3", ["V. S. Pugachev, 'On a Possible General Solution of the Problem of",
                      "Determining Optimum Dynamic Systems,' Automatics and Remote", "Control (USSR), vol. 17, 1956, pp. 585-589."]),
               ("4", ["G. C. Newton, Jr., L. A. Gould, and J. F. Kaiser, 'Analytical",
                      "Design of Linear Feedback Controls,' John Wiley & Sons, Inc., New", "York, N. Y., 1957."]),
               ("5", ["0. J. M. Smith, 'Feedback Control Systems,' McGraw-Hill Book", "Company, Inc., New York, N. Y., 1958."]),
               ("6", ["R. E. Kalman, 'On the General Theory of Control Systems,'",
                      "Proceedings First International Conference on Automatic Control,", "Moscow, USSR, 1960."])]
    y += 34
    for label, rows in entries:
        page.insert_text((82, y), f"{label}  {rows[0]}", fontname="tiro", fontsize=8)
        for row in rows[1:]:
            y += 8.3
            page.insert_text((72, y), row, fontname="tiro", fontsize=8)
        y += 8.3
    path = tmp_path / "refs.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    texts = [ref.text for ref in paper.bibliography]
    assert len(texts) == 6, texts
    assert texts[4].startswith("[5]") and "Smith" in texts[4], texts
