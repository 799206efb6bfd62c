"""Float crops (issue 14: real papers read faithfully), the twenty-seventh session's: a table's ground
painted as one thick line, a dotted rule in an image past its plots, a table of prose cells, a rule
down a column beside a pull quote, labels whose font reads as blanks, sub-tables stacked under one
caption, floats set sideways among upright text, and a long paragraph beside a side column between
far rules. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf
import pytest

from pdf_pages import holds
from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402

from paperkit.reading.ink import page_marks
from paperkit.reading.parse import _read_page, parse_pdf, render_figure


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return paper, {(f.kind, f.number): f for f in paper.figures + paper.tables}


def test_a_thick_level_line_is_bounded_by_its_width_not_past_its_butt_ends():
    # Quantitative Finance 2001 (dvips): a table's grey ground painted as one horizontal line 99 pt
    # thick under its rules. Bounded as a path with mitred corners, its box reached 70 pt past the
    # line's ends, to the page's left edge and into the other column: the table's crop with it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_line((48, 710), (293, 710), color=(0.88, 0.9, 0.95), width=99)  # butt caps
    page.draw_line((300, 300), (300, 400), color=(0.5, 0.5, 0.5), width=30)  # upright
    xref = page.get_contents()[0]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\nq 2 J 0 G 20 w 100 100 m 200 100 l S Q\n")  # square caps
    boxes = sorted(box for kind, box, _, _ in page_marks(page) if kind == "stroke-path")
    level, square, upright = (next(b for b in boxes if abs(b[0] - x) < 12) for x in (48, 90, 285))
    assert abs(level[0] - 48) < 0.5 and abs(level[2] - 293) < 0.5, level
    assert abs(level[1] - 660.5) < 0.5 and abs(level[3] - 759.5) < 0.5, level
    assert abs(upright[0] - 285) < 0.5 and abs(upright[2] - 315) < 0.5 and abs(upright[1] - 300) < 0.5, upright
    assert abs(square[0] - 90) < 0.5 and abs(square[2] - 210) < 0.5, square  # (a square cap reaches half the width)


def test_a_table_on_a_ground_painted_as_a_thick_line_is_cropped_to_the_ground(tmp_path):
    doc = pymupdf.open()
    page = _page(doc, 595, 841)
    _lines(page, 48, 293, 80, 44)
    _lines(page, 305, 550, 80, 56)
    page.insert_text((56, 652), "Table 1. Descriptive statistics for five minute price increments.",
                     fontname="tiro", fontsize=8)
    page.draw_line((48, 710), (293, 710), color=(0.88, 0.9, 0.95), width=99)
    for y in (661.5, 680.1, 758.5):
        _rule(page, 48, 293, y)
    for k, y in enumerate((674, 694, 706, 718, 730, 742, 754)):
        page.insert_text((50, y), ("Data", "S&P 500 futures", "Dollar/DM futures", "Franc futures", "IID 95%",
                                   "Bond futures", "Yen futures")[k], fontname="tiro", fontsize=9)
        for x in (150, 200, 250):
            page.insert_text((x, y), f"0.{k}{x % 7}", fontname="tiro", fontsize=9)
    table = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert table is not None and table[0] >= 45 and table[2] <= 296, table
    assert table[1] <= 662 and table[3] >= 758, table



def test_a_rule_down_a_column_beside_a_pull_quote_is_the_gutters_not_a_drawing(tmp_path):
    # CACM 2021: a hairline down the gutter right of the first column, the column beside it empty
    # but for a pull quote at its top between two grey bars (lines 36 pt thick). With the prose on
    # one side only, the rule was taken for a drawing's line, the bars joined it, and the column
    # high "drawing" grew over the first column's lines beside it, 4 pt off: its text was lost.
    doc = pymupdf.open()
    page = _page(doc, 585, 783)
    y, k = _lines(page, 42, 206, 62, 20, size=9)
    page.insert_text((42, y), "neered", fontname="tiro", fontsize=9)  # (a justified line's words far apart)
    page.insert_text((100, y), "by", fontname="tiro", fontsize=9)
    page.insert_text((170, y), "However,", fontname="tiro", fontsize=9)
    _lines(page, 42, 206, y + 10.8, 37, size=9, start=k)
    _lines(page, 388, 551, 62, 58, size=9, start=300)
    for x in (209, 382):
        page.draw_line((x, 54), (x, 738), color=(0.13, 0.12, 0.12), width=0.25)
    for y in (71.4, 188):
        page.draw_line((215, y), (296, y), color=(0.39, 0.39, 0.4), width=36)
    for k, text in enumerate(("It is striking", "how little cloud", "computing has", "changed how")):
        page.insert_text((215, 106 + 18 * k), text, fontname="hebo", fontsize=15, color=(0.1, 0.3, 0.8))
    sentence = next("".join(span["text"] for span in line["spans"]) for block in page.get_text("dict")["blocks"]
                    for line in block.get("lines", ()) if line["bbox"][1] > 400 and line["bbox"][2] < 206)
    graphics = _read_page(page, 1)[1]
    assert not any(g[3] - g[1] > 300 for g in graphics), graphics  # (the rule is no drawing's line)
    paper = _parse(doc, tmp_path)[0]
    assert not [f for f in paper.figures if f.page == 2], paper.figures
    assert holds(paper, sentence), sentence
    # (the pull quote between its bars is no heading, and no running text)
    assert not any(s.title.startswith("It is") for s in paper.sections), [s.title for s in paper.sections]
    assert not holds(paper, "It is striking how little cloud")



def test_a_frame_drawn_as_four_lines_round_prose_stays_a_figure(tmp_path):
    # ACL 2017: Figure 1, an article and its summaries in prose, framed by four lines drawn one by
    # one, the frame's right side 3 pt off the prose's ends: a side with a column of prose beside
    # it down its length, but meeting the frame's top and foot at its ends, is no gutter's rule.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 290, 80, 56)
    _lines(page, 307, 525, 80, 12)
    top, bottom = 222.7, 458.6
    for x in (307.5, 525.3):
        page.draw_line((x, top), (x, bottom), color=(0, 0, 0), width=0.4)
    for y in (top, bottom):
        page.draw_line((307.3, y), (525.5, y), color=(0, 0, 0), width=0.4)
    _lines(page, 311, 522, 236, 20)
    page.insert_text((307, 475), "Figure 1: Comparison of output of three abstractive summarization models.",
                     fontname="tiro", fontsize=9)
    _lines(page, 307, 525, 500, 20)
    figure = _parse(doc, tmp_path)[1][("figure", "1")].bbox
    assert figure is not None and figure[1] <= 224 and figure[3] >= 457 and figure[2] >= 524, figure


def test_a_dotted_hairline_in_an_image_past_its_plots_is_kept_in_the_crop(tmp_path):
    # NAACL 2024: a figure saved as one image, a light grey dotted rule between its rows of plots
    # reaching 10 pt right of them; the image's white border round it is trimmed away by its pixels,
    # but read at one pixel a point the dots blended into white and the crop cut the rule off.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    w, h = 1600, 800  # 4 image pixels a point: the image is 400 by 200 points
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, w, h), False)
    pix.clear_with(255)
    for x0, y0 in ((80, 40), (820, 40), (80, 440), (820, 440)):  # four plots, 80 pt from the right edge
        for y in range(y0, y0 + 320):
            for x in range(x0, x0 + 700, 7):
                pix.set_pixel(x, y, (60,))
        for x in range(x0, x0 + 700):
            pix.set_pixel(x, y0, (0,))
            pix.set_pixel(x, y0 + 319, (0,))
    for x in range(80, 1560, 4):  # the dotted rule, to 40 px (10 pt) short of the image's right edge
        pix.set_pixel(x, 400, (200,))
        pix.set_pixel(x + 1, 400, (200,))
    page.insert_image(pymupdf.Rect(100, 80, 500, 280), pixmap=pix)
    page.insert_text((100, 300), "Figure 3: Reliability plots for various structured reasoning tasks.",
                     fontname="tiro", fontsize=9)
    _lines(page, 100, 500, 330, 30)
    figure = _parse(doc, tmp_path)[1][("figure", "3")].bbox
    assert figure is not None and figure[2] >= 489 and figure[2] <= 491.5, figure
    assert figure[0] >= 119 and figure[1] >= 89, figure  # (the white border trimmed away)


def test_a_table_of_prose_cells_between_its_rules_is_one_table(tmp_path):
    # Journal of Intelligent Manufacturing 2019: "Table 1 Main classes of the Capability Model", a
    # column of class names and beside each a paragraph of up to eleven lines, row after row down
    # the page between the head's rules and one rule at the foot. The paragraphs' lines, prose
    # with the next rows' names beside them below, were taken for running text between the rules:
    # the foot's rule stood alone and the crop held the head row only.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    page.insert_text((51, 66), "Table 1", fontname="tibo", fontsize=8)
    page.insert_text((82, 66), "Main classes of the Capability Model", fontname="tiro", fontsize=8)
    _rule(page, 51, 544, 72, 0.6)
    page.insert_text((51, 82), "Class", fontname="tiro", fontsize=8)
    page.insert_text((180, 82), "Description", fontname="tiro", fontsize=8)
    _rule(page, 51, 544, 88.2, 1.0)
    y, start = 101.0, 0
    for name, count in (("Capability", 11), ("ParameterGroup", 7), ("Workspace", 5), ("MovementRange", 3),
                        ("ShapeAndSize", 9), ("ProcessTaxonomy", 8)):
        page.insert_text((51, y), name, fontname="tiro", fontsize=8)
        y, start = _lines(page, 180, 544, y, count, size=8, start=start)
        y += 9.0  # (a row's gap over the line's pitch)
    _rule(page, 51, 544, y - 5, 0.6)
    bottom = y - 5
    _lines(page, 51, 290, y + 20, 8)
    _lines(page, 305, 544, y + 20, 8)
    table = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert table is not None and table[1] <= 73 and table[3] >= bottom - 1 and table[3] <= bottom + 5, (table, bottom)


def _blanked(doc, page, fontname: str) -> None:
    """Give the page's font `fontname` a map to Unicode that reads every printable letter as a space."""
    xref = next(f[0] for f in page.get_fonts() if f[4] == fontname)
    cmap = doc.get_new_xref()
    doc.update_object(cmap, "<< >>")
    doc.update_stream(cmap, b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Blank def "
                      b"1 begincodespacerange <00> <FF> endcodespacerange 94 beginbfchar " +
                      b" ".join(b"<%02X> <0020>" % c for c in range(0x21, 0x7f)) +
                      b" endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    doc.xref_set_key(xref, "ToUnicode", f"{cmap} 0 R")


def test_labels_whose_font_reads_as_blanks_are_in_the_figures_crop(tmp_path):
    # MICCAI 2022 (Word): a network's diagram whose labels ("H, W, D, 16" over each block) are set
    # in a font whose map to Unicode reads every letter as a space. With no words, the labels were
    # no line and no ink: the crop began at the blocks, under the row of labels over them.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    _lines(page, 125, 470, 80, 5)
    for k, x in enumerate((140, 200, 260, 320, 380)):
        page.draw_rect((x, 160, x + 40, 176), color=(0, 0, 0), fill=(0.7, 0.85, 0.86), width=0.4)
        page.draw_rect((x, 200, x + 40, 216), color=(0, 0, 0), fill=(1, 0.9, 0.8), width=0.4)
        page.draw_line((x + 20, 176), (x + 20, 200), color=(0, 0, 0), width=0.4)
        if x < 380:  # (arrows from block to block)
            page.draw_line((x + 40, 168), (x + 60, 168), color=(0, 0, 0), width=0.4)
        page.insert_text((x + 2, 155), f"H/{2 ** k}, W/{2 ** k}, {16 * 2 ** k}", fontname="helv", fontsize=4)
    page.insert_text((125, 240), "Fig. 2. Overview of our proposed structure.", fontname="tiro", fontsize=9)
    _lines(page, 125, 470, 270, 20)
    _blanked(doc, page, "helv")
    paper, floats = _parse(doc, tmp_path)
    figure = floats[("figure", "2")].bbox
    assert figure is not None and figure[1] <= 151.5 and figure[3] <= 220, figure
    assert figure[0] >= 138 and figure[2] >= 419 and figure[2] <= 424, figure


def test_a_table_of_stacked_subtables_is_cropped_whole_with_their_captions(tmp_path):
    # ICDE 2011: "TABLE I: Interfaces of RCFile.Reader" over three sub-tables stacked, each under
    # its own caption, "(a) Common Utilities", "(b) Row-wise reading", "(c) Column-wise reading",
    # each ruled on its own. The first sub-table's caption was read as the caption's last line; the
    # crop held the first sub-table and half the second; the third, a graphic no caption took,
    # stood alone.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 49, 300, 80, 56)
    _lines(page, 312, 563, 80, 30)
    page.insert_text((374, 451), "TABLE I: Interfaces of RCFile.Reader", fontname="tiro", fontsize=8)
    page.insert_text((402, 466), "(a) Common Utilities", fontname="tiro", fontsize=8)

    def subtable(x0: float, x1: float, top: float, rows: list[tuple[str, list[str]]]) -> float:
        _rule(page, x0, x1, top, 0.7)
        page.insert_text((x0 + 6, top + 10), "Method", fontname="tiro", fontsize=8)
        page.insert_text((x0 + 72, top + 10), "Action", fontname="tiro", fontsize=8)
        _rule(page, x0, x1, top + 14.4, 0.5)
        y = top + 24
        for name, action in rows:
            page.insert_text((x0 + 6, y), name, fontname="tiro", fontsize=8)
            for text in action:
                page.insert_text((x0 + 72, y), text, fontname="tiro", fontsize=8)
                y += 9
        _rule(page, x0, x1, y - 4, 0.7)
        return y - 4

    bottom = subtable(320, 555, 472, [("Reader()", ["Create RCFile reader"]),
                                      ("getPosition()", ["Get the current byte offset from the beginning"]),
                                      ("close()", ["Close the reader"])])
    page.insert_text((402, bottom + 16), "(b) Row-wise reading", fontname="tiro", fontsize=8)
    bottom = subtable(328, 547, bottom + 24, [("next()", ["Return if there is more data available. If",
                                                          "yes, advance the current reader pointer to",
                                                          "the next record"]),
                                              ("getCurrentRow()", ["Return the current row"])])
    page.insert_text((397, bottom + 16), "(c) Column-wise reading", fontname="tiro", fontsize=8)
    bottom = subtable(322, 553, bottom + 24, [("getColumn()", ["Fetch an array of a specific column data of",
                                                               "the current row group"]),
                                              ("nextBatch()", ["Return if there are more row groups avail-",
                                                               "able. If yes, discard all bytes of the current",
                                                               "row group and advance the reader"])])
    paper, floats = _parse(doc, tmp_path)
    table = floats[("table", "I")]
    assert table.bbox is not None and table.bbox[1] <= 460 and table.bbox[1] >= 455, table.bbox
    assert table.bbox[3] >= bottom - 1 and table.bbox[3] <= bottom + 10, (table.bbox, bottom)
    assert table.caption == "Interfaces of RCFile.Reader", table.caption


W, H = 612.0, 792.0


def _turned(way: str):
    """(a point of the float's upright frame -> the portrait page's point, the text's `rotate`): text
    running up the page (90) or down it (270); the float's frame, u 100-300, stands in the page's lower half."""
    if way == "up":
        return (lambda u, v: (v, H - u)), 90
    return (lambda u, v: (W - v, u + 390)), 270  # (under the page's text, as the one turned up)


@pytest.mark.parametrize("way", ["up", "down"])
def test_floats_set_sideways_among_upright_text_are_found_and_cropped(tmp_path, way):
    # A table and a figure each turned a quarter turn with its caption (\rotatebox round a minipage),
    # set in the flow of a page of upright text. Too few of the page's letters run sideways to turn
    # the whole page (a `sidewaystable` page), and read as they stood the turned lines were rotated
    # text, skipped: neither float was found. Each is read in its own upright frame: its caption
    # and its box, round its rules and cells or its drawing, on the page as printed.
    doc = pymupdf.open()
    first = doc.new_page(width=W, height=H)
    _lines(first, 72, 540, 80, 50)
    page = doc.new_page(width=W, height=H)
    _lines(page, 72, 540, 80, 20)
    at, rotate = _turned(way)

    def text(u, v, s, size=9):
        page.insert_text(at(u, v), s, fontname="tiro", fontsize=size, rotate=rotate)

    def rule(u0, u1, v):
        page.draw_line(at(u0, v), at(u1, v), color=(0, 0, 0), width=0.4)

    # the table: caption over its rules and cells, in the frame's u 100-300, v 150-230 (way up: the
    # page's y 492-692, x 150-230)
    text(100, 150, "Table 2: Scores of the systems on the rotated test.")
    rule(110, 290, 160)
    for k, cell in enumerate(("System", "BLEU", "chrF")):
        text(120 + 60 * k, 172, cell)
    rule(110, 290, 177)
    for r, row in enumerate((("base", "31.2", "58.1"), ("ours", "33.9", "60.4"))):
        for k, cell in enumerate(row):
            text(120 + 60 * k, 190 + 12 * r, cell)
    rule(110, 290, 207)
    # the figure: a plot's frame and curve over its caption, v 300-420
    (x0, y0), (x1, y1) = at(110, 300), at(290, 400)
    frame = pymupdf.Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    page.draw_rect(frame, color=(0, 0, 0), width=0.5)
    page.draw_polyline([at(125, 385), at(200, 330), at(275, 315)], color=(1, 0, 0), width=1)
    text(100, 415, "Figure 3: Accuracy of the models over the steps.")
    paper = parse_pdf((doc.save(tmp_path / "paper.pdf"), tmp_path / "paper.pdf")[1])
    floats = {(f.kind, f.number): f for f in paper.figures + paper.tables}
    assert ("table", "2") in floats and ("figure", "3") in floats, list(floats)
    table, figure = floats[("table", "2")], floats[("figure", "3")]
    assert table.page == 2 and figure.page == 2
    assert table.caption == "Scores of the systems on the rotated test.", table.caption
    assert figure.caption == "Accuracy of the models over the steps.", figure.caption
    (a0, b0), (a1, b1) = at(110, 160), at(290, 207)  # the table's rules
    rules = pymupdf.Rect(min(a0, a1), min(b0, b1), max(a0, a1), max(b0, b1))
    box = pymupdf.Rect(table.bbox)
    assert abs(box.x0 - rules.x0) < 3 and abs(box.x1 - rules.x1) < 3 and abs(box.y0 - rules.y0) < 3 and \
        abs(box.y1 - rules.y1) < 3, (box, rules)
    box = pymupdf.Rect(figure.bbox)
    assert abs(box.x0 - frame.x0) < 3 and abs(box.x1 - frame.x1) < 3 and abs(box.y0 - frame.y0) < 3 and \
        abs(box.y1 - frame.y1) < 3, (box, frame)
    caption = pymupdf.Rect(table.caption_bbox)
    assert caption.height > 5 * caption.width and not caption.intersects(pymupdf.Rect(table.bbox)), caption
    # the upright text is read as it was, the float's cells no part of it
    assert not any("31.2" in p.text or "Scores" in p.text for s in paper.sections for p in s.paragraphs)
    # the crop shows the table upright, as it was read: wider than high
    crop = pymupdf.Pixmap(str(render_figure(tmp_path / "paper.pdf", table, tmp_path / "table.png", zoom=1.0)))
    assert crop.width > 2 * crop.height, (crop.width, crop.height)


def test_a_table_of_subtables_side_by_side_is_cropped_whole(tmp_path):
    # Sub-tables set side by side under one caption, each with its own "(a) ..." caption under it:
    # the caption took the nearest, and the crop held one of the three.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 8)
    page.insert_text((200, 190), "Table 3: Results of the three systems on the three sets.", fontname="tiro", fontsize=9)
    # (each of its own height, centred on the row: their rules level with none of the others')
    for k, (x0, name, rows) in enumerate(((80, "Train", 3), (250, "Dev", 5), (420, "Test", 2))):
        top = 225 - 5 * rows
        _rule(page, x0, x0 + 110, top)
        page.insert_text((x0 + 4, top + 10), "System   BLEU   chrF", fontname="tiro", fontsize=8)
        _rule(page, x0, x0 + 110, top + 14)
        for r in range(rows):
            page.insert_text((x0 + 4, top + 24 + 10 * r), f"sys{r}   {30 + r}.{k}   {55 + r}.{k}", fontname="tiro", fontsize=8)
        _rule(page, x0, x0 + 110, top + 18 + 10 * rows)
        page.insert_text((x0 + 35, top + 30 + 10 * rows), f"({'abc'[k]}) {name}", fontname="tiro", fontsize=8)
    _lines(page, 72, 540, 300, 30)
    table = _parse(doc, tmp_path)[1][("table", "3")].bbox
    assert table is not None and table[0] <= 81 and table[2] >= 529 and table[1] <= 201 and table[3] >= 281, table
    assert table[1] >= 193 and table[3] <= 286, table


def test_a_long_paragraph_between_far_rules_beside_a_side_column_is_no_table_cell(tmp_path):
    # Nature Communications 2025: the abstract, fifteen lines at a line's pitch, stands under a
    # rule beside a narrow side column of dates and "Check for updates" between short rules; the
    # head's full-width rule is far above and the foot's rules far below. Taken for a cell of prose
    # level with the side column's note, the abstract made a "table" from the head's rule to the
    # foot's, and the paper lost its abstract: a cell of prose is a dozen lines at most.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((40, 103), "Article", fontname="tibo", fontsize=10)
    _rule(page, 40, 561, 109, 0.8)
    page.insert_text((40, 135), "Increasing certainty in models", fontname="tibo", fontsize=24)
    _rule(page, 40, 561, 203.5, 0.8)
    page.insert_text((217, 217), "Ada Lovelace and Charles Babbage", fontname="tiro", fontsize=9)
    page.insert_text((40, 217), "Received: 25 October 2024", fontname="tiro", fontsize=8.5)
    page.insert_text((40, 237), "Accepted: 16 July 2025", fontname="tiro", fontsize=8.5)
    for y in (223.5, 243, 263, 283):
        _rule(page, 40, 206, y, 0.4)
    page.insert_text((52, 276), "Check for updates", fontname="helv", fontsize=8)
    _rule(page, 217, 561, 252.5, 0.4)
    # (the abstract's first line straddles the side column's third rule, as printed: between no two rules)
    page.insert_text((217, 266.9), "Mathematical models are indispensable for studying the", fontname="tiro", fontsize=10)
    y = 266.9 + 13.9
    for _ in range(14):  # (at the abstract's pitch, 13.9 pt)
        _lines(page, 217, 561, y, 1, size=10)
        y += 13.9
    _lines(page, 40, 295, 506, 18, size=8.2)
    _lines(page, 306, 561, 506, 18, size=8.2)
    _rule(page, 40, 561, 719, 0.4)
    page.insert_text((40, 731), "1Department of Engineering, University of Somewhere.", fontname="tiro", fontsize=7.5)
    _rule(page, 40, 561, 755, 0.4)
    page.insert_text((40, 771), "Nature Communications | (2025) 16:7416", fontname="tiro", fontsize=8)
    paper, floats = _parse(doc, tmp_path)
    assert not floats, floats
    assert paper.abstract and paper.abstract.startswith("Mathematical models are indispensable"), paper.abstract
