"""Figures and tables (issue 14), the tenth split's: a bold label named by a font's suffix letter, a
caption wholly bold with its label in capitals and no separator. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _parse  # (crops14's page setup and float reader)

from paperkit.reading.parse import parse_pdf


def _rename_fonts(doc, names: dict[str, str]) -> None:
    """Give the page fonts PyMuPDF inserted (Times-Roman, Times-Bold) the names a typesetter gave them."""
    for page in doc:
        for xref, _, _, base, _, _ in page.get_fonts():
            if base in names:
                doc.xref_set_key(xref, "BaseFont", f"/{names[base]}")


def test_a_bold_label_named_by_a_suffix_letter_opens_a_caption(tmp_path):
    # Springer's older typesetting (J. Quant. Criminol. 2009) names its faces AdvPTimes, AdvPTimesB,
    # AdvPTimesI: the bold one only by a capital B glued to the family's name, and no flag says bold.
    # Its captions are "Fig. 4 Simulation output ..." with the label in that face and no separator:
    # the label was not read as bold, no caption was found, the paper had no figures at all.
    doc = pymupdf.open()
    page = _page(doc, 439, 666)
    _lines(page, 47, 393, 70, 8)
    page.draw_rect((60, 170, 380, 340), color=(0, 0, 0), width=0.8)
    page.draw_line((80, 320), (360, 190), color=(0, 0, 0), width=0.8)
    width = pymupdf.get_text_length("Fig. 4 ", fontname="tibo", fontsize=8)
    page.insert_text((47, 356), "Fig. 4 ", fontname="tibo", fontsize=8)
    page.insert_text((47 + width, 356), "Simulation output analyzed via the moving-window method and the fixed one",
                     fontname="tiro", fontsize=8)
    _lines(page, 47, 393, 390, 12)
    _rename_fonts(doc, {"Times-Bold": "AdvPTimesB", "Times-Roman": "AdvPTimes"})
    found = _parse(doc, tmp_path)
    assert ("figure", "4") in found, found
    box = found[("figure", "4")].bbox
    assert box is not None and box[1] <= 171 and box[3] >= 339, box


def test_a_bold_caption_with_its_label_in_capitals_and_no_separator(tmp_path):
    # Wiley's AJPS (dvips): "FIGURE 7 Separation Plots Used in ..." and "TABLE 2 Calculation of ...",
    # the whole caption bold and larger than the text, the label in small capitals, no separator,
    # the caption over its float. An all-bold line was taken for a heading: no figure or table found.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((142, 73), "F", fontname="tibo", fontsize=12)
    x = 142 + pymupdf.get_text_length("F", fontname="tibo", fontsize=12)
    page.insert_text((x, 73), "IGURE", fontname="tibo", fontsize=9)
    x += pymupdf.get_text_length("IGURE", fontname="tibo", fontsize=9)
    page.insert_text((x, 73), " 7 Separation Plots Used in the Development of a Model", fontname="tibo", fontsize=12)
    page.draw_rect((142, 90, 472, 300), color=(0, 0, 0), width=0.8)
    page.draw_line((150, 280), (460, 100), color=(0, 0, 0), width=0.8)
    _lines(page, 62, 298, 330, 20, size=10.5)
    _lines(page, 316, 552, 330, 20, size=10.5)
    page = _page(doc)
    page.insert_text((60, 73), "T", fontname="tibo", fontsize=12)
    x = 60 + pymupdf.get_text_length("T", fontname="tibo", fontsize=12)
    page.insert_text((x, 73), "ABLE", fontname="tibo", fontsize=9)
    x += pymupdf.get_text_length("ABLE", fontname="tibo", fontsize=9)
    page.insert_text((x, 73), " 2 Calculation of the Points on the Curve", fontname="tibo", fontsize=12)
    page.draw_line((60, 78), (550, 78), color=(0, 0, 0), width=0.5)
    for k, head in enumerate(("Threshold", "TP", "FP", "FN", "TN")):
        page.insert_text((60 + 90 * k, 90), head, fontname="tibo", fontsize=10)
    page.draw_line((60, 94), (550, 94), color=(0, 0, 0), width=0.5)
    for row in range(5):
        for k in range(5):
            page.insert_text((60 + 90 * k, 108 + 13 * row), f"0.{row}{k}3", fontname="tiro", fontsize=10)
    page.draw_line((60, 172), (550, 172), color=(0, 0, 0), width=0.5)
    _lines(page, 60, 296, 220, 20, size=10.5)
    _lines(page, 314, 550, 220, 20, size=10.5)
    found = _parse(doc, tmp_path)
    assert ("figure", "7") in found and ("table", "2") in found, found
    assert found[("figure", "7")].caption.startswith("Separation Plots"), found[("figure", "7")].caption
    box = found[("figure", "7")].bbox
    assert box is not None and box[1] <= 91 and box[3] >= 299, box


def _hand_drawn_plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """Axes drawn as filled thin bars with arrow heads and a curve, as a 1990s drawing program did."""
    page.draw_rect((x0, y0, x0 + 1, y1), color=None, fill=(0, 0, 0))
    page.draw_rect((x0, y1 - 1, x1, y1), color=None, fill=(0, 0, 0))
    page.draw_polyline([(x1 - 12, y1 - 3), (x1, y1 - 0.5), (x1 - 12, y1 + 2)], color=None, fill=(0, 0, 0), closePath=True)
    page.draw_polyline([(x0 + 10, y1 - 10), (x0 + 45, y0 + 30), (x1 - 10, y0 + 28)], color=(0, 0, 0), width=1.5)


def test_an_axis_title_run_out_of_the_plot_across_its_side_is_the_figures(tmp_path):
    # ACM TODS preprint (1996): the x axis's title "Temperature H/S" over "(accesses/sec/Mbyte)" set
    # at the end of the axis's arrow, beginning 8 pt inside the plot's box and running 90 pt past its
    # right side, level with it; in the text's type, so no small label. It stayed text and the
    # figure's crop ended at the arrow's head.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 90, 10)
    page.insert_text((81, 234), "COST-TOT/Mbyte", fontname="helv", fontsize=10.4)
    _hand_drawn_plot(page, 120, 248, 348, 363)
    page.draw_rect((125, 362, 126, 374), color=None, fill=(0, 0, 0))  # a tick under the axis
    page.insert_text((209, 238), "Hot Data", fontname="helv", fontsize=9.4)
    page.insert_text((108, 386), "Cold Data", fontname="helv", fontsize=9.4)
    page.insert_text((340, 356), "Temperature H/S", fontname="helv", fontsize=10.4)
    page.insert_text((340, 369), "(accesses/sec/Mbyte)", fontname="helv", fontsize=10.4)
    page.insert_text((72, 409), "Figure 3.1. Graph of cost of access per MByte vs. Temperature", fontname="helv", fontsize=10.4)
    _lines(page, 72, 540, 440, 20)
    box = _parse(doc, tmp_path)[("figure", "3.1")].bbox
    assert box is not None and box[2] >= 438, box
    assert box[3] <= 395, box


def test_a_number_printed_twice_under_two_figures_names_two_floats(tmp_path):
    # ACM TODS preprint: "Figure 3.1. Graph of cost ..." on one page and "Figure 3.1. An LSM-tree of
    # K+1 components" four pages on, each under its own drawing: the second was taken for a
    # repetition of the first and dropped. A float carried over to the next page with its caption
    # repeated stays one.
    doc = pymupdf.open()
    # (each drawing of its own size: one drawn in the same place on several pages is page furniture)
    for k, caption in enumerate(("Figure 3.1. Graph of cost of access per MByte vs. Temperature",
                                 "Figure 3.1. An LSM-tree of K+1 components",
                                 "Figure 4.2. Merge steps of the rolling merge between the components",
                                 "Figure 4.2. Merge steps of the rolling merge between the components (cont.)")):
        page = _page(doc)
        _lines(page, 72, 540, 90, 10)
        _hand_drawn_plot(page, 120 + 10 * k, 230 + 5 * k, 420 - 10 * k, 380)
        page.insert_text((72, 405), caption, fontname="helv", fontsize=10.4)
        _lines(page, 72, 540, 440, 20)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert [(f.number, f.page) for f in paper.figures] == [("3.1", 2), ("3.1", 3), ("4.2", 4)], paper.figures


def test_a_label_line_waits_for_its_caption_past_the_other_columns_line(tmp_path):
    # Elsevier (Applied Soft Computing 2025): "Table 4" on a line of its own in the right column,
    # "Parameter setting for BO training." under it, a line of the left column's text between them
    # in reading order (its top a few points under the label's), the caption line's box reaching up
    # into the label's. The label was forgotten at that line, the caption line was taken into the
    # table under it, and "Table 4" alone was no caption.
    doc = pymupdf.open()
    page = _page(doc, 595, 794)
    y = 60
    for _ in range(30):
        page.insert_text((50, y), "the hyperparameters in the surrogate models are configured in alignment",
                         fontname="tiro", fontsize=8)
        y += 10.5
    page.insert_text((354, 142), "Table 4", fontname="tibo", fontsize=6.4)
    page.insert_text((354, 148.5), "Parameter setting for BO training.", fontname="tiro", fontsize=6.4)
    _rule(page, 354, 510, 153)
    page.insert_text((359, 162), "Parameters", fontname="tiro", fontsize=6.4)
    page.insert_text((446, 162), "Values", fontname="tiro", fontsize=6.4)
    _rule(page, 354, 510, 165)
    for k, (a, b) in enumerate((("init", "10"), ("upper", "[0.7, 0.008, 2]"), ("lower", "[0.1, 0.001, 0.4]"), ("max", "70"))):
        page.insert_text((359, 175 + 8.5 * k), a, fontname="tiro", fontsize=6.4)
        page.insert_text((446, 175 + 8.5 * k), b, fontname="tiro", fontsize=6.4)
    _rule(page, 354, 510, 204)
    y = 240
    for _ in range(20):
        page.insert_text((319, y), "in table three it is evident that under a relatively small dataset",
                         fontname="tiro", fontsize=8)
        y += 10.5
    found = _parse(doc, tmp_path)
    assert ("table", "4") in found, found
    assert found[("table", "4")].caption.startswith("Parameter setting"), found[("table", "4")].caption


def _rule(page, x0: float, x1: float, y: float, width: float = 0.4) -> None:
    page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)


def test_numbers_begun_again_in_an_appendix_stay_one_float_each(tmp_path):
    # NAACL 2019, ECCV 2018 on arXiv: the supplement numbers its figures from 1 again, each under its
    # own drawing and worded otherwise; the repeats are not the same-number slip above (which comes
    # right after its twin): "Figure 1" after "Figure 2" stays one float.
    doc = pymupdf.open()
    for k, caption in enumerate(("Figure 1. Overview of the annotation pipeline with its stages",
                                 "Figure 2. Agreement of the annotators over the documents",
                                 "Figure 1. Screenshot of the interface shown to the workers",
                                 "Figure 2. Instructions given to the workers before the task")):
        page = _page(doc)
        _lines(page, 72, 540, 90, 10)
        _hand_drawn_plot(page, 120 + 10 * k, 230 + 5 * k, 420 - 10 * k, 380)
        page.insert_text((72, 405), caption, fontname="helv", fontsize=10.4)
        _lines(page, 72, 540, 440, 20)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert [(f.number, f.page) for f in paper.figures] == [("1", 2), ("2", 3)], paper.figures


def test_a_formula_piece_set_higher_in_the_captions_row_stays_with_the_caption(tmp_path):
    # Elsevier (Computers and Geotechnics 2012): "Fig. 7. Collapse of granular column (Dt = Dt/
    # sqrt(h0/g) = 0.04 ...)", the square root's sign and bar a piece of their own set 5 pt higher
    # than the caption's line, 9 pt under the figure's image. Met before the caption's line, the piece
    # was taken into the figure, whose box then reached over the caption; the caption took the next
    # figure's image, under it, and Figure 7's crop was Figure 8's.
    doc = pymupdf.open()
    page = _page(doc, 595, 794)
    page.draw_rect((121, 124, 461, 467), color=(0, 0, 0), fill=(0.8, 0.8, 0.9), width=0.5)
    page.draw_line((130, 450), (450, 140), color=(0, 0, 0), width=1)
    # (the root's piece drawn first, in a type of its own, as the typesetter's stream has it: a line of its own)
    x = 147 + pymupdf.get_text_length("Fig. 7. Collapse of granular column (Dt = Dt/", fontname="tiro", fontsize=6.5)
    page.insert_text((x, 478.5), "pffiffiffiffiffi", fontname="helv", fontsize=6.5)
    page.insert_text((147, 482), "Fig. 7. Collapse of granular column (Dt = Dt/", fontname="tiro", fontsize=6.5)
    page.insert_text((x + 6, 482.5), "h0/g = 0.04, a = h0/r0 = 1.42, l = 0.5, m = 0.01).", fontname="tiro", fontsize=6.5)
    page.draw_rect((121, 502, 461, 738), color=(0, 0, 0), fill=(0.9, 0.8, 0.8), width=0.5)
    page.draw_line((130, 520), (450, 730), color=(0, 0, 0), width=1)
    page.insert_text((172, 754), "Fig. 8. Granular column at t = 4.0 (a = h0/r0 = 1.42, l = 0.5, m = 0.01).",
                     fontname="tiro", fontsize=6.5)
    found = _parse(doc, tmp_path)
    assert ("figure", "7") in found, found
    box = found[("figure", "7")].bbox
    assert box is not None and box[1] < 130 and box[3] < 475, box


def test_a_title_centred_over_a_row_of_plots_is_the_figures(tmp_path):
    # CHI 2008: "Training Set Size vs. Classification Accuracy" in the text's type, 7 pt over the
    # titles of four plots set in a row, centred on the row and wider than any one plot: no single
    # drawing's title, it stayed text and the crop lost it.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 54, 558, 80, 38, size=9)
    page.insert_text((233, 572), "Training Set Size vs. Classification Accuracy", fontname="tiro", fontsize=9)
    for x, right, title in ((83, 220, "Position"), (224, 330, "Pressure"), (335, 443, "Tap"), (448, 557, "Lift")):
        page.insert_text((x + 40, 588), title, fontname="tiro", fontsize=8)
        page.draw_rect((x, 592, right, 676), color=(0, 0, 0), width=0.6)
        page.draw_polyline([(x + 5, 660), (x + 40, 620), (right - 5, 600)], color=(0, 0, 0), width=0.8)
    page.insert_text((64, 711), "Figure 9: Decreasing the amount of training data degrades classification accuracy.",
                     fontname="tiro", fontsize=9)
    _lines(page, 54, 558, 740, 3, size=9)
    box = _parse(doc, tmp_path)[("figure", "9")].bbox
    assert box is not None and box[1] <= 566, box


def test_a_column_of_row_names_flush_right_against_a_heat_map_is_the_figures(tmp_path):
    # NAACL 2022: a grid of counts, its rows named in 5.5 pt type flush right 6 pt left of it, rows
    # 4 pt apart ("Baseline", "%, Not Shown", ..., "Zaidan, No Dragging, Words Only"): farther off
    # than a label may stand and not stacked close enough to go with one another; the names stayed
    # text and the crop lost its left part.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    names = ("Baseline", "Generalize", "%, Not Shown", "%, Shown", "Zaidan", "Sen", "Regular",
             "2-sided opposite", "Zaidan, No Dragging", "Zaidan, No Dragging, Words Only")
    # (two grids: seven rows, then a group of three 9 pt under them, too low to be framed on its own)
    for k, name in enumerate(names):
        y = 80 + 11 * k + (9 if k >= 7 else 0)
        width = pymupdf.get_text_length(name, fontname="helv", fontsize=5.5)
        page.insert_text((162 - width, y + 6), name, fontname="helv", fontsize=5.5)
        for c in range(30):
            page.draw_rect((168 + 11.5 * c, y, 168 + 11.5 * (c + 1), y + 11), color=None,
                           fill=(1 - 0.03 * ((c * 7 + k * 3) % 30), 0.5, 0.5))
    page.insert_text((71, 216), "Figure 4: The number of participants who selected each word in the review.",
                     fontname="tiro", fontsize=10)
    _lines(page, 71, 524, 240, 30, size=10)
    box = _parse(doc, tmp_path)[("figure", "4")].bbox
    left = 162 - pymupdf.get_text_length(names[-1], fontname="helv", fontsize=5.5)
    assert box is not None and box[0] <= left + 1 and box[1] <= 81, (box, left)


def test_a_table_of_prose_between_two_rules_is_boxed(tmp_path):
    # NAACL 2022's Table 3: three instructions, paragraphs of 9 pt text between a top and a bottom
    # rule across the column, the caption right under the bottom rule; no cells in rows, no other
    # drawing: the table had no box.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    y = 80
    for _ in range(50):
        page.insert_text((71, y), "collecting annotator rationales for relevance judgments in", fontname="tiro", fontsize=10)
        y += 11
    _rule(page, 307, 523, 106)
    y = 117
    for text in ("Baseline, 2-sided: Even though you felt the review was", "positive overall, select the most important words and",
                 "phrases in the review that might suggest it is negative.", "Zaidan, 2-sided: Even though you felt the review was",
                 "positive overall, highlight words and phrases that would", "instead tell someone not to see the movie."):
        page.insert_text((313, y), text, fontname="tiro", fontsize=9)
        y += 10
    _rule(page, 307, 523, 180)
    page.insert_text((306, 192), "Table 3: Example instructions for opposite rationales", fontname="tiro", fontsize=10)
    page.insert_text((306, 204), "in the two-sided conditions of the second phase.", fontname="tiro", fontsize=10)
    y = 240
    for _ in range(40):
        page.insert_text((306, y), "participants were asked to rate their confidence in", fontname="tiro", fontsize=10)
        y += 11
    box = _parse(doc, tmp_path)[("table", "3")].bbox
    assert box is not None and box[1] <= 107 and box[3] >= 179 and box[0] <= 308 and box[2] >= 522, box


def test_an_ieee_caption_in_capitals_goes_on_over_its_math_pieces(tmp_path):
    # IEEE RA-L 2022: "TABLE II" over a caption in capitals of four rows, rows holding math set in
    # pieces of other sizes ("... VELOCITY COMMAND v*" then "b,x = 0.5 m/s WITH" in 6 pt type). The
    # caption was cut at the first change of size, its block ended 50 pt over the table, and Table
    # III's caption (under that table, captions over their tables) took the table: Table II had none.
    doc = pymupdf.open()
    page = _page(doc, 594, 792)
    _lines(page, 42, 293, 70, 60)

    def centred(y: float, text: str, size: float = 6.4) -> None:  # (capitals in 6.4 pt: small capitals)
        width = pymupdf.get_text_length(text, fontname="tiro", fontsize=size)
        page.insert_text((430.5 - width / 2, y), text, fontname="tiro", fontsize=size)

    def small_capitals(y: float, text: str) -> None:
        """IEEEtran's small capitals as a font without them sets them: each word's first letter in
        8 pt, the others in 6.4 pt capitals."""
        pieces = [(ch, 8 if k == 0 or text[k - 1] == " " else 6.4) for k, ch in enumerate(text)]
        x = 430.5 - sum(pymupdf.get_text_length(ch, fontname="tiro", fontsize=size) for ch, size in pieces) / 2
        for ch, size in pieces:
            page.insert_text((x, y), ch, fontname="tiro", fontsize=size)
            x += pymupdf.get_text_length(ch, fontname="tiro", fontsize=size)

    centred(71, "TABLE II", 8)
    page.insert_text((330, 80), "SIM-TO-SIM TRACKING OF VELOCITY COMMAND v", fontname="tiro", fontsize=6.4)
    page.insert_text((486, 82), "b,x = 0.5 m/s WITH", fontname="tiro", fontsize=5)
    small_capitals(90.5, "DIFFERENT OBSERVATION SPACES AND METHODS TRAINED TO LOCOMOTE FOR")
    page.insert_text((317, 99.5), "v", fontname="tiro", fontsize=6.4)
    page.insert_text((322, 101), "b,x in [0.2, 1] (m/s) (EXCEPT FOR CPG-RL WITH obsmin, WHICH IS", fontname="tiro", fontsize=5)
    page.insert_text((340, 110), "TRAINED TO EXCLUSIVELY TRACK v", fontname="tiro", fontsize=6.4)
    page.insert_text((443, 112), "b,x = 0.5 m/s). WE COMPARE", fontname="tiro", fontsize=5)
    small_capitals(120.5, "PERFORMANCE WHEN TRAINING WITH/WITHOUT RANDOMIZATION (SEC. III-D)")
    for table_top, rows in ((135, 7), (300, 7)):
        for k in range(rows + 1):
            _rule(page, 324, 537, table_top + 12 * k)
        for x in (324, 374, 452, 537):
            page.draw_line((x, table_top), (x, table_top + 12 * rows), color=(0, 0, 0), width=0.4)
        for k in range(rows):  # the cells' text drawn as outlines: small filled shapes
            for x in (330, 390, 470):
                page.draw_rect((x + k, table_top + 12 * k + 3, x + 30, table_top + 12 * k + 9), color=None, fill=(0, 0, 0))
    # (Table III's caption 15 pt under Table II's table, cut as well at its math: the nearest pair)
    centred(240, "TABLE III", 8)
    small_capitals(249, "SIM-TO-SIM TRACKING ABILITY OF OMNIDIRECTIONAL COMMANDS WITH")
    small_capitals(258, "DIFFERENT OBSERVATION SPACES AND METHODS TRAINED TO LOCOMOTE")
    page.insert_text((340, 267), "IN THE FOLLOWING RANGES: v", fontname="tiro", fontsize=6.4)
    page.insert_text((440, 269), "b,x in [-1, 1] (m/s)", fontname="tiro", fontsize=5)
    small_capitals(278, "WITH/WITHOUT RANDOMIZATION (SEC. III-D)")
    found = _parse(doc, tmp_path)
    box = found[("table", "II")].bbox
    assert box is not None and 130 <= box[1] <= 136 and box[3] <= 225, box
    box = found[("table", "III")].bbox  # (its own table, under it)
    assert box is not None and box[1] >= 225 and box[3] >= 380, box


def test_a_panel_letter_over_the_top_left_corner_of_every_pages_figure(tmp_path):
    # Nature Machine Intelligence: a bold "a" 11 pt over the first diagram's top left corner, at the
    # same height on every page of figures: read as a running head (and no label besides: it stands
    # beside no corner), it was dropped, and the crops began under it.
    doc = pymupdf.open()
    for k in range(5):
        page = _page(doc, 595, 791)
        page.insert_text((85.8, 65), "a", fontname="hebo", fontsize=8)
        page.insert_text((308.2, 65), "b", fontname="hebo", fontsize=8)
        page.draw_rect((87, 79, 290 - 3 * k, 216), color=(0, 0, 0), width=0.6)
        page.draw_line((90, 200), (280 - 3 * k, 90), color=(0, 0, 0), width=0.8)
        page.draw_rect((308, 79, 509 - 3 * k, 226), color=(0, 0, 0), width=0.6)
        page.draw_line((310, 90), (500 - 3 * k, 220), color=(0, 0, 0), width=0.8)
        page.insert_text((43, 250), f"Fig. {k + 1} | Schematic depiction of the framework in stage {k + 1}.",
                         fontname="hebo", fontsize=8)
        _lines(page, 43, 552, 280, 30, size=9)
    found = _parse(doc, tmp_path)
    for k in range(5):
        box = found[("figure", str(k + 1))].bbox
        assert box is not None and box[1] <= 59, (k, box)


def test_a_caption_read_into_the_abstract_is_still_the_figures(tmp_path):
    # AAAI 2023: the abstract under its centred "Abstract" in the left column, "1 Introduction" under
    # it, and in the right column an image captioned "Figure 1: In the boundary detection task ...";
    # the abstract was read on over the page's other blocks, the caption's among them, and a block
    # of the abstract was no caption: Figure 1 was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((91, 109), "Real or Fake Text?: Investigating Human Ability to Detect Boundaries",
                     fontname="tibo", fontsize=14.3)
    page.insert_text((138, 125), "between Human-Written and Machine-Generated Text", fontname="tibo", fontsize=14.3)
    page.insert_text((150, 153), "Liam Dugan, Daphne Ippolito, Arun Kirubarajan", fontname="tibo", fontsize=12)
    page.insert_text((252, 170), "University of Pennsylvania", fontname="tiro", fontsize=10)
    page.insert_text((155, 226), "Abstract", fontname="tibo", fontsize=10)
    y = 242
    for _ in range(22):
        page.insert_text((64, y), "as text generated by large language models proliferates it becomes",
                         fontname="tiro", fontsize=9)
        y += 10
    page.insert_text((64, y + 2), "vital to understand how humans engage with such text.", fontname="tiro", fontsize=9)
    # (the heading "1 Introduction" as the parser missed it there: run into its paragraph's first line)
    page.insert_text((64, 488), "1 Introduction Neural language models are capable of generating",
                     fontname="tiro", fontsize=10)
    _lines(page, 54, 292, 499, 14)
    page.insert_image((333, 219, 544, 369), pixmap=pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), 1))
    page.draw_rect((333, 219, 544, 369), color=(0, 0, 0), fill=(0.7, 0.8, 0.9), width=0.5)
    page.insert_text((319.5, 391), "Figure 1: In the boundary detection task, players see one sen-", fontname="tiro", fontsize=10)
    page.insert_text((319.5, 402), "tence at a time from a passage and try to guess when the pas-", fontname="tiro", fontsize=10)
    page.insert_text((319.5, 413), "sage transitions from human-written to machine-generated.", fontname="tiro", fontsize=10)
    _lines(page, 319.5, 558, 449, 24)
    page = doc.new_page(width=612, height=792)
    _lines(page, 54, 292, 60, 60)
    _lines(page, 319.5, 558, 60, 60)
    found = _parse(doc, tmp_path)
    assert ("figure", "1") in found, found


def test_a_figures_label_alone_centred_under_it_is_its_caption(tmp_path):
    # NeurIPS 2023 submission: "Figure 13" alone, centred 8 pt under a plot at the top of a page,
    # no words after it. It was no caption (no separator, nothing after it); short, it was taken
    # for the plot's label, and the previous page's paragraph, its sentence not ended, ran on into
    # it. A line of text holding only "Figure 13" ends its sentence there, with a full stop.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 80, 50)
    page = doc.new_page(width=612, height=792)
    page.draw_rect((164, 72, 448, 245), color=(0, 0, 0), width=0.6)
    page.draw_polyline([(170, 240), (250, 150), (440, 80)], color=(0, 0, 0), width=0.8)
    page.insert_text((286.8, 260.5), "Figure 13", fontname="tiro", fontsize=10)
    page.insert_text((108, 300), "5 Finetune Process", fontname="tibo", fontsize=12)
    _lines(page, 108, 504, 330, 30)
    found = _parse(doc, tmp_path)
    assert ("figure", "13") in found, found
    box = found[("figure", "13")].bbox
    assert box is not None and box[1] <= 73 and box[3] <= 250, box


def test_two_captions_side_by_side_on_one_baseline_stay_two(tmp_path):
    # Mamba (arXiv 2023): two tables in minipages, "Table 4: (SC09) Automated metrics ... on" and,
    # 4 pt to its right on the same baselines, "Table 5: (SC09 Model Ablations) Models with ...";
    # each row of the two was read as one line and Table 5 was lost in Table 4's caption.
    doc = pymupdf.open()
    page = _page(doc)
    left = ("Table 4: (SC09) Automated metrics for unconditional generation on",
            "a challenging dataset of fixed-length speech clips. (Top to Bottom)",
            "autoregressive baselines, non-autoregressive baselines, and")
    right = ("Table 5: (SC09 Model Ablations) Models with 6M parameters. In",
             "the backbone, there are 8 center blocks operating on sequence",
             "length 1000, sandwiched on each side by 8 outer blocks on")
    # (each minipage's lines drawn in turn, as TeX ships them: the left one's, then the right one's)
    edge = 72 + max(pymupdf.get_text_length(a, fontname="tiro", fontsize=8.9) for a in left) + 4.5
    for x, texts in ((72, left), (edge, right)):
        for k, text in enumerate(texts):
            page.insert_text((x, 82 + 11 * k), text, fontname="tiro", fontsize=8.9)
    for x0, x1 in ((80, 300), (330, 550)):
        for y in (125, 137, 185):
            _rule(page, x0, x1, y)
        for r in range(4):
            page.insert_text((x0 + 5, 148 + 11 * r), f"Model {r}   1.{r}2   0.{r}5", fontname="tiro", fontsize=8)
    _lines(page, 72, 540, 230, 30)
    found = _parse(doc, tmp_path)
    assert ("table", "4") in found and ("table", "5") in found, found
    assert found[("table", "5")].caption.startswith("(SC09 Model Ablations)"), found[("table", "5")].caption
