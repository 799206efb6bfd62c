"""Float crops (issue 14, item 5), the twelfth split's: marks under a clip that leaves nothing,
a row of plot titles as wide as their plots, a table's cell wrapped onto lines of its own, a table
of text between hairlines, a table ruled once far over its caption, rows of plots apart by their
axis titles. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return paper, {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A plot's frame and a curve in it."""
    page.draw_rect((x0, y0, x1, y1), color=(0, 0, 0), width=0.6)
    page.draw_polyline([(x0 + 5, y1 - 5), ((x0 + x1) / 2, y0 + 20), (x1 - 5, y0 + 10)], color=(0.8, 0, 0), width=1)


def _append_content(doc, page, content: bytes) -> None:
    """Add raw content-stream operators at the end of the page's content."""
    page.clean_contents()
    xref = page.get_contents()[0]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + content)


def test_marks_under_a_clip_to_an_empty_path_are_no_ink(tmp_path):
    # CVPR 2023: 82 pt rules set as one-pixel image masks, each under a clip to a path that is a
    # single point ("0 0 m W n"): nothing of them is seen, but taken as ink one reaching 27 pt past
    # the page's left edge made the figure's crop start off the page.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 8)
    _plot(page, 72, 190, 300, 320)
    _plot(page, 310, 190, 540, 320)
    page.insert_text((72, 340), "Figure 2: Illustrative example of the islands phenomenon in two dimensions.",
                     fontname="tiro", fontsize=9)
    _lines(page, 72, 540, 370, 20)
    _append_content(doc, page, b"q 0 0 m W n 0 g -27.4 480 107.4 0.48 re f Q")  # y up: 312 pt from the top
    box = _parse(doc, tmp_path)[1][("figure", "2")].bbox
    assert box is not None
    assert box[0] >= 50 and box[1] <= 191 and box[2] >= 539 and box[3] >= 319, box


def test_a_row_of_plot_titles_as_wide_as_their_plots_is_the_figures(tmp_path):
    # CVPR 2023: "Ground Truth (GT)" and "(GT) − (FAO prediction)" over two maps side by side, each
    # title nearly as wide as its map, in the text's type: a lone line that wide over a drawing may
    # be the body text over it, so the wider title stayed text, its words in the paragraphs and
    # out of the crop.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 8)
    # (the minus sign makes a title no label at a diagram's edge, `_take_at_edge`: that takes no
    # mathematics; its line box reached 0.6 pt higher than the other title's, past the crop's top)
    x = 80.0
    for title, base in (("Ground Truth (GT)", 197.0), ("(GT) \u2212 (FAO prediction)", 196.4)):
        width = pymupdf.get_text_length(title, fontname="tiro", fontsize=10)
        panel = width / 0.95
        page.insert_text((x + (panel - width) / 2, base), title, fontname="tiro", fontsize=10)
        _plot(page, x, 204, x + panel, 320)
        x += panel + 40
    page.insert_text((72, 340), "Figure 2: Illustrative example of the islands phenomenon in two dimensions.",
                     fontname="tiro", fontsize=9)
    _lines(page, 72, 540, 370, 20)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "2")].bbox
    assert box is not None and box[1] <= 186, box
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "prediction" not in text


def test_long_plot_titles_over_legends_in_small_type_are_the_figures(tmp_path):
    # COLING 2025: "% of Citations to Works Older Than 10 years" in 5.5 pt type over each of three
    # plots, a legend's row between each title and its plot: the legends raised the plots' boxes,
    # but a line of more than 40 characters was never weighed against them again, and the crop
    # lost its titles.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 80, 8)
    title = "% of Citations to Works Older Than 10 years"
    for x in (85.0, 244.0, 403.0):
        page.insert_text((x, 188), title, fontname="helv", fontsize=5.5)
        page.draw_line((x + 2, 194), (x + 10, 194), color=(1, 0, 0), width=1.5)
        page.insert_text((x + 12, 196), "Average of All Other Fields", fontname="helv", fontsize=5)
        _plot(page, x, 204, x + 121, 290)
    page.insert_text((72, 320), "Figure 2: The percentage of citations older than ten years for each field.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 350, 20)
    box = _parse(doc, tmp_path)[1][("figure", "2")].bbox
    assert box is not None and box[1] <= 184, box


def _cells(page, x: float, y: float, lines: list[str], size: float = 10) -> float:
    for text in lines:
        page.insert_text((x, y), text, fontname="tiro", fontsize=size)
        y += 13.5
    return y


def test_a_tables_cell_wrapped_onto_lines_alone_in_their_row_keeps_its_rules(tmp_path):
    # ACL 2016: a table of examples whose first row is five lines tall, the passage's cell running
    # on two lines past the question's: alone in their rows, those lines of prose were taken for
    # running text between the rules, the head's rules stayed apart from the rest, and the crop
    # began at the second row.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    _rule(page, 72, 526, 63)
    for x, word in ((72, "Category"), (125, "Question"), (284, "Passage")):
        page.insert_text((x, 77), word, fontname="tiro", fontsize=10)
    _rule(page, 72, 526, 83)
    _cells(page, 72, 96, ["Exact", "Match"])
    _cells(page, 125, 96, ["it is clear the group is leaning to-", "ward the placeholder , says an ex-",
                           "pert who monitors the group"])
    bottom = _cells(page, 284, 96, ["who follows the operations and the", "propaganda closely , recently told",
                                    "the reporter that it is leaning toward",
                                    "doctrine , ideology and an emphasis on holding territory",
                                    "after the operations were over , he said to the press"])
    y = bottom - 6
    for label in ("Para-", "Partial", "Multiple"):
        _rule(page, 72, 526, y)
        _cells(page, 72, y + 13, [label])
        _cells(page, 125, y + 13, ["the placeholder says he under-", "stands why he is not playing"])
        _cells(page, 284, y + 13, ["he called me personally to let me know", "that he would not be playing here"])
        y += 36
    _rule(page, 72, 526, y)
    page.insert_text((230, y + 25), "Table 4: Some representative examples from each category.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 290, y + 60, 20)
    _lines(page, 306, 526, y + 60, 20)
    box = _parse(doc, tmp_path)[1][("table", "4")].bbox
    assert box is not None and box[1] <= 64 and box[3] >= y - 1, box


def _justified(text: str, width: float, size: float) -> str:
    """The text with its word gaps widened so that it runs `width` points (in Times)."""
    words = text.split()
    while pymupdf.get_text_length(" ".join(words), fontname="tiro", fontsize=size) < width:
        k = min(range(len(words) - 1), key=lambda i: len(words[i]) - words[i].count(" "))
        words[k] += " "
    return " ".join(words)


def test_a_table_of_text_between_hairlines_is_no_highlight(tmp_path):
    # TACL 2017: a table of examples, each row's label beside a cell of comma-separated phrases that
    # runs across the page, rules between the rows: lines across the box from edge to edge, as a
    # reader's highlight leaves them, so the table was dropped for one; but a highlight is colour
    # painted behind the text, and this box holds hairlines alone.
    doc = pymupdf.open()
    page = _page(doc)
    rows = (("English", ["heart ache , so have some time , part of the blame , via slashdot , any more",
                         "expression , work in the bank , continue discussions , speak about the issue"]),
            ("Croatian", ["negatively affects on , one of the best connoisseurs of , it is clear to that ,",
                          "good vehicle traffic , divert attention , be the general after the battle ,",
                          "popular internet , cause chaos , austrian investor , the idea of building"]),
            ("Japanese", ["highway construction , the second half of the fiscal year , temporary labor",
                          "agency , repeat occurrences of like this , cold sufferer , first half comparison"]))
    y = 72.0
    for label, cell in rows:
        _rule(page, 74, 538, y)
        page.insert_text((80, y + 14), label, fontname="tiro", fontsize=11)
        # (each line justified to the rule's end, as the cell's are)
        _cells(page, 135, y + 14, [_justified(text, 396, 11) for text in cell], size=11)
        y += 13.5 * len(cell) + 6
    _rule(page, 74, 538, y)
    page.insert_text((72, y + 20), "Table 5: Randomly-selected examples from the final lexicon from each corpus.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 300, y + 50, 20)
    _lines(page, 312, 540, y + 50, 20)
    box = _parse(doc, tmp_path)[1][("table", "5")].bbox
    assert box is not None and box[1] <= 73 and box[3] >= y - 1, box


def test_a_table_ruled_once_far_over_its_caption_keeps_its_rows(tmp_path):
    # arXiv 2015: a table ruled only under its head, ten rows of numbers under the rule and the
    # caption under them, 144 pt under the rule: a rule was looked for no farther than 80 pt from
    # the caption, and the table had no crop.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    _lines(page, 72, 290, 100, 45)
    _lines(page, 307, 525, 100, 30)
    page.insert_text((321, 550), "Multiple region size", fontname="tibo", fontsize=10)
    page.insert_text((436, 550), "Accuracy (%)", fontname="tibo", fontsize=10)
    _rule(page, 315, 517, 554)
    y = 565.0
    for size, acc in (("(3)", "91.21 (90.88,91.52)"), ("(5)", "91.20 (90.96,91.43)"), ("(2,3,4)", "91.48 (90.96,91.70)"),
                      ("(3,4,5)", "91.56 (91.24,91.81)"), ("(4,5,6)", "91.48 (91.17,91.68)"),
                      ("(7,8,9)", "90.79 (90.57,91.26)"), ("(14,15,16)", "90.23 (89.81,90.51)"),
                      ("(2,3,4,5)", "91.57 (91.25,91.94)"), ("(3,3,3)", "91.42 (91.11,91.65)"),
                      ("(3,3,3,3)", "91.32 (90.53,91.55)")):
        page.insert_text((355, y), size, fontname="tiro", fontsize=10)
        page.insert_text((425, y), acc, fontname="tiro", fontsize=10)
        y += 13.5
    page.insert_text((307, y + 10), "Table 6: Effect of filter region size with several region sizes.",
                     fontname="tiro", fontsize=10)
    box = _parse(doc, tmp_path)[1][("table", "6")].bbox
    assert box is not None and box[1] <= 545 and box[3] >= y - 12, box


def test_rows_of_plots_apart_by_their_axis_titles_are_one_figure(tmp_path):
    # Statistical Science 2001: two rows of plots, tick labels and "acceptance rate" under the top
    # row, the bottom row's panel titles over it: 30 pt between the top row's labels and the bottom
    # row's drawings, 18 pt of it white. Rows were joined no farther apart than 25 pt, and the crop
    # held the bottom row alone.
    doc = pymupdf.open()
    page = _page(doc)
    for top in (63.0, 223.0):
        for x in (89.0, 331.0):
            _plot(page, x, top, x + 201, top + 106)
            for k in range(5):
                page.insert_text((x + 10 + 45 * k, top + 115), f"0.{2 * k}", fontname="helv", fontsize=6)
            page.insert_text((x + 80, top + 127), "acceptance rate", fontname="helv", fontsize=6.5)
            if top > 100:
                page.insert_text((x + 88, top - 8), "(c) d=50", fontname="tiro", fontsize=7)
    page.insert_text((47, 370), "Fig. 6. Convergence times of the chain in the heterogeneous environment.",
                     fontname="tiro", fontsize=9)
    _lines(page, 47, 290, 400, 20)
    _lines(page, 306, 550, 400, 20)
    box = _parse(doc, tmp_path)[1][("figure", "6")].bbox
    assert box is not None and box[1] <= 64 and box[3] >= 350, box
