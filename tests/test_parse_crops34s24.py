"""Float crops of the twenty-fourth split (session 34), each drawn here with PyMuPDF in the shape
a real paper printed it."""

from __future__ import annotations

import pymupdf

from pdf_fonts import LETTERS, register_font, show
from test_parse_floats import _contains, _floats, _save, _text
from pdf_pages import prose as _prose


def _axes(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A log-log plot's frame, tick labels left of it and a curve inside it."""
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.5)
    page.draw_polyline([(x0 + 2, y0 + 10), (x0 + 40, y0 + 30), (x1 - 10, y1 - 8)], color=(1, 0, 0), width=1.2)
    for i in range(4):
        _text(page, x0 - 14, y0 + 4 + i * (y1 - y0) / 3, f"10-{2 * i}", size=7)


def test_a_plot_title_repeated_atop_two_pages_is_no_running_head(tmp_path):
    # Asilomar 2012, Figures 3 and 4: two plots made by one script, each titled "Average err² vs.
    # iteration" in 8 pt 11 pt over its axes, at one height atop pages 3 and 4: read as a running
    # head, the titles were dropped and both crops began at the axes.
    doc = pymupdf.open()
    for number, (left, right) in ((3, (312, 560)), (4, (54, 300))):
        page = doc.new_page(width=612, height=792)
        other = (54, 300) if left > 300 else (312, 560)
        _prose(page, other[0], other[1], 58, 720)
        x0, x1 = left + 40, right - 5
        _text(page, (x0 + x1) / 2 - 45, 67, "Average error vs. iteration", size=8)
        _axes(page, x0, 79, x1, 213)
        _text(page, left, 245, f"Fig. {number}.   Simulation with two Bernoulli subpopulations. The upper thin line",
              size=8)
        _text(page, left, 254, "shows the simulated noncooperative average squared error.", size=8)
        _prose(page, left, right, 270, 720)
    paper, _ = _save(doc, tmp_path)
    for number in ("3", "4"):
        figure = _floats(paper)[("figure", number)]
        assert figure.bbox is not None and figure.bbox[1] <= 62, (number, figure.bbox)


def test_a_table_head_under_the_rule_under_its_caption_is_the_tables(tmp_path):
    # CVPR workshop 2015 (Word), Table 4: "Table 4: The Average disparity errors on four different
    # datasets" in 9 pt, the table's top rule right under it, the head "Average Disp. Error
    # Middlebury-1 ..." in the caption's own 9 pt 1.5 pt under the rule, read as the caption's
    # second line: the crop began at the next rule and lost the head.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 300, 60, 460)
    _prose(page, 312, 560, 60, 720)
    _text(page, 76, 483.6, "Table 4: The Average disparity errors on four different datasets")
    # (Word's rules: filled boxes 0.9 pt high, the top one within the caption's descenders, read as
    # its underline)
    page.draw_rect(pymupdf.Rect(76.8, 485.8, 303.2, 486.7), color=None, fill=(0, 0, 0))
    for x, text in ((88.8, "Average"), (138.8, "Middlebury-1"), (207.6, "Middlebury-2"), (274.3, "KITTI")):
        _text(page, x, 496.5, text)
    page.draw_rect(pymupdf.Rect(76.8, 507.5, 303.2, 508.4), color=None, fill=(0, 0, 0))
    for i in range(8):
        y = 518.2 + 12.1 * i
        for x, text in ((92.4, f"Type{i}"), (156, f"0.{91 - i}"), (220, f"5.{11 + i} / 2.{43 + i}"), (280, f"2.{24 + i}")):
            _text(page, x, y, text)
    for a, b in ((76.1, 131.2), (130.4, 196.6), (195.8, 268.9), (268.2, 303.2)):
        page.draw_rect(pymupdf.Rect(a, 606.1, b, 607.1), color=None, fill=(0, 0, 0))
    _prose(page, 54, 300, 625, 720)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "4")]
    assert table.bbox is not None and table.bbox[1] <= 489, table.bbox
    assert "Middlebury" not in table.caption, table.caption


def test_a_row_of_large_words_the_drawing_reaches_into_is_the_figures(tmp_path):
    # CIKM 2013, Figure 1: rows of words in 12 pt over the 9 pt text, arcs and underlines drawn
    # under each row, the drawing's box beginning inside the first row: the crop lost its upper half.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 293, 60, 465, size=9)
    _prose(page, 317, 556, 60, 720, size=9)
    rows = ["information retrieval is the activity of obtaining",
            "information resources relevant to an information need",
            "from a collection of information resources"]
    for i, text in enumerate(rows):
        y = 489 + 37 * i
        page.insert_text((56.6, y), text, fontname="tiro", fontsize=12)
        right = 56.6 + pymupdf.get_text_length(text, "tiro", 12)
        page.draw_line((56.8, y + 1.5), (right, y + 1.5), color=(0.9, 0.1, 0.1), width=0.8)
        for k in range(4):  # ticks between the words, at their middle height
            page.draw_line((90 + 40 * k, y - 6), (93 + 40 * k, y - 6), color=(0.9, 0.1, 0.1), width=0.5)
        page.draw_bezier((73, y + 3), (90, y + 14), (120, y + 14), (127, y + 3), color=(0.9, 0.1, 0.1), width=0.8)
    _text(page, 53.8, 598, "Figure 1: Example of graph creation from text parsing. Solid arrows")
    _text(page, 53.8, 608, "represent new directed edges while dashed arrows already existing ones.")
    _prose(page, 54, 293, 630, 720, size=9)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "1")]
    assert figure.bbox is not None and figure.bbox[1] <= 481, figure.bbox


def _flipped_type3(doc, page, name: str = "T3") -> str:
    """dvips's Type 3 font of a figure's labels: a FontMatrix that turns y down, a FontBBox of
    [0 0 1000 1000] (so a glyph's box as MuPDF bounds it hangs 12 ems under its baseline), each
    glyph a box from the baseline up."""
    proc = doc.get_new_xref()
    doc.update_object(proc, "<< >>")
    doc.update_stream(proc, b"46 0 0 -60 40 0 d1 0 -60 40 60 re f")
    codes = sorted(LETTERS)
    font = doc.get_new_xref()
    doc.update_object(font, f"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] "
                            f"/FontMatrix [0.012048 0 0 -0.012048 0 0] "
                            f"/CharProcs << {' '.join(f'/{g} {proc} 0 R' for g in set(LETTERS.values()))} >> "
                            f"/Encoding << /Type /Encoding /Differences [{codes[0]} "
                            f"{' '.join(f'/{LETTERS[c]}' for c in codes)}] >> "
                            f"/FirstChar {codes[0]} /LastChar {codes[-1]} /Widths [{' '.join(['46'] * len(codes))}] "
                            f"/Resources << >> >>")
    return register_font(doc, page, name, font)


def test_a_label_in_a_font_bounded_under_its_baseline_keeps_its_letters_in_the_crop(tmp_path):
    # EMNLP 2015, Figure 1: "Freebase" over a screenshot's frame in dvips's Type 3 font, whose
    # FontMatrix turns y down: MuPDF bounds its glyphs from the baseline 12 ems down, the parser cut
    # that to the font's depth, and the label's box sat under its letters: the crop lost them.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 300, 60, 720)
    font = _flipped_type3(doc, page)
    show(doc, page, font, 5.26, [(313.9, 208.1, "freebase"), (313.9, 247.4, "mentions")])
    page.draw_rect(pymupdf.Rect(312, 209.6, 521, 272), color=(0.5, 0.5, 0.5), width=0.8)
    page.draw_rect(pymupdf.Rect(316, 215, 480, 240), color=(0.5, 0.5, 0.5), fill=(0.95, 0.95, 0.95), width=0.5)
    page.draw_rect(pymupdf.Rect(316, 252, 515, 268), color=(0.5, 0.5, 0.5), fill=(0.95, 0.95, 0.95), width=0.5)
    _text(page, 307.3, 292, "Figure 1: Training instances generated through distant supervision.", size=10)
    _prose(page, 312, 560, 320, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "1")]
    assert figure.bbox is not None and figure.bbox[1] <= 206, figure.bbox


def _ruled_table(page, x0: float, x1: float, y0: float, rows: int) -> float:
    """A booktabs table of `rows` rows from y0: its rules and cells; the y of its bottom rule."""
    page.draw_line((x0, y0), (x1, y0), width=0.8)
    page.draw_line((x0 + 56, y0), (x0 + 56, y0 + 26 + 10 * (rows - 1)), width=0.4)
    page.draw_rect(pymupdf.Rect(x0, y0 + 24 + 10 * (rows - 2), x1, y0 + 24 + 10 * (rows - 1)), color=None,
                   fill=(0.9, 0.9, 0.9))
    _text(page, x0 + 4, y0 + 9, "Method", size=8)
    for k, head in enumerate(("ExDark", "ACDC", "Dark")):
        _text(page, x0 + 60 + 35 * k, y0 + 9, head, size=8)
    page.draw_line((x0, y0 + 12), (x1, y0 + 12), width=0.5)
    for i in range(rows):
        y = y0 + 22 + 10 * i
        _text(page, x0 + 4, y, f"variant {i + 1}", size=8)
        for k in range(3):
            _text(page, x0 + 60 + 35 * k, y, f"{60 + 3 * i + k}.{i}", size=8)
    bottom = y0 + 26 + 10 * (rows - 1)
    page.draw_line((x0, bottom), (x1, bottom), width=0.8)
    return bottom


def test_rows_of_sub_tables_over_their_own_captions_are_one_table(tmp_path):
    # ICCV 2023, Table 6: two sub-tables side by side, "(a) Effectiveness of SAFA." and "(b)
    # Various combinations ..." under them, three more under those, "Table 6: Ablations ..." under
    # all: the crop held the lowest row alone.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    bottom = _ruled_table(page, 99, 250, 72, 4)
    _ruled_table(page, 322, 480, 72, 4)
    _text(page, 130, bottom + 12, "(a) Effectiveness of SAFA.", size=9)
    _text(page, 330, bottom + 12, "(b) Various combinations of fusion.", size=9)
    low = _ruled_table(page, 62, 200, bottom + 22, 4)
    _ruled_table(page, 215, 360, bottom + 22, 4)
    _ruled_table(page, 375, 533, bottom + 22, 4)
    for x, text in ((80, "(c) Downsampling approaches."), (230, "(d) Scales for inputs."), (390, "(e) Attention blocks.")):
        _text(page, x, low + 12, text, size=9)
    _text(page, 50, low + 30, "Table 6: Ablations for the proposed method on three benchmarks. (a) We investigate the",
          size=10)
    _text(page, 50, low + 42, "effectiveness of SAFA by replacing it with different aggregation methods to fuse the maps.",
          size=10)
    _prose(page, 54, 290, low + 60, 720)
    _prose(page, 306, 545, low + 60, 720)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "6")]
    assert table.bbox is not None and table.bbox[1] <= 75, table.bbox


def test_a_caption_beside_another_whose_label_comes_in_pieces_stays_apart(tmp_path):
    # ICCV 2023, Tables 2, 3 and 4 in one row of minipages, their rules one drawing across the
    # page: "Table 3: Comparing FeatEnHancer on the", 7 pt left of "Table" then "4:" then
    # "Quantita-", each a justified space apart and 1.3 pt lower: the rows were joined across the
    # minipages' gap and Table 4 was lost; found, it had no part of the drawing left to it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for y in (72, 84, 178):
        page.draw_line((50, y), (543, y), width=0.6)
    for x in (251.8, 442.4):
        page.draw_line((x, 72), (x, 178), width=0.4)
    for left in (54, 256, 447):
        _text(page, left, 81, "Method", size=8)
        _text(page, left + 45, 81, "mAP", size=8)
        for i in range(8):
            _text(page, left, 95 + 10 * i, f"base {i}", size=8)
            _text(page, left + 45, 95 + 10 * i, f"{40 + i}.{i}", size=8)
    bold = "Times-Bold"
    page.insert_text((49.8, 205), "Table 2: Quantitative comparison on ExDark", fontname=bold, fontsize=10)
    page.insert_text((50.1, 217), "dataset. Results on the commonly used", fontsize=10, fontname="tiro")
    page.insert_text((255.2, 206), "Table 3: Comparing FeatEnHancer on the", fontname=bold, fontsize=10)
    page.insert_text((255.5, 218), "DARK FACE dataset. With RetinaNet,", fontsize=10, fontname="tiro")
    page.insert_text((255.5, 230), "it performs on par with other methods.", fontsize=10, fontname="tiro")
    page.insert_text((445.8, 207.3), "Table", fontname=bold, fontsize=10)
    page.insert_text((478.3, 207.3), "4:", fontname=bold, fontsize=10)
    page.insert_text((501.9, 207.3), "Quantita-", fontname=bold, fontsize=10)
    page.insert_text((446.1, 219.3), "tive comparison on the", fontname=bold, fontsize=10)
    page.insert_text((446.1, 231.3), "ACDC dataset.", fontname=bold, fontsize=10)
    _prose(page, 54, 290, 260, 720)
    _prose(page, 306, 545, 260, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    assert ("table", "4") in floats, sorted(floats)
    assert floats[("table", "4")].caption.startswith("Quantita"), floats[("table", "4")].caption
    three, four = floats[("table", "3")].bbox, floats[("table", "4")].bbox
    assert three is not None and three[2] < 446, three
    assert four is not None and 438 < four[0] < 447 and four[2] > 540 and four[1] < 75, four
