"""Float crops (issue 14: real papers read faithfully), the twenty-eighth session's study of the
eighteenth split: a rule along a caption taken for its float, a table's head row read as its
caption's last line, a caption with no separator set inside the frame round its figure, and a tall
formula across the gutter taken for an axis's title. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A framed plot: a frame, a few bars and a curve."""
    page.draw_rect((x0, y0, x1, y1), color=(0, 0, 0), width=0.6)
    for k in range(5):
        bx = x0 + 15 + k * (x1 - x0 - 30) / 5
        page.draw_rect((bx, y1 - 20 - 12 * k, bx + 12, y1), color=None, fill=(0.2, 0.4, 0.8))
    page.draw_line((x0 + 5, y0 + 10), (x1 - 5, y1 - 30), color=(0.8, 0.1, 0.1), width=1)


def test_a_rule_under_a_caption_across_the_page_is_no_float(tmp_path):
    # Nature Communications: each figure across the page over its caption, and a rule across the
    # page 4 pt under the caption, the text under it. The rule, nearer the caption than the figure
    # (9 pt over it), was taken for the float on every page: eight crops a hairline high.
    doc = pymupdf.open()
    for k in range(3):
        page = _page(doc, 595, 791)
        d = 20 * k
        _plot(page, 60 + d, 50, 540 - d, 306 + d)
        page.insert_text((40, 321 + d), f"Fig. {k + 1} | Overview of the proposed framework. a A comparison of the four",
                         fontname="tiro", fontsize=7.5)
        page.insert_text((40, 331 + d), "methods and their results over the whole of the data for every setting used.",
                         fontname="tiro", fontsize=7.5)
        _rule(page, 39, 562, 336 + d, width=1.3)
        _lines(page, 40, 290, 355 + d, 30 - k, size=9)
        _lines(page, 310, 560, 355 + d, 30 - k, size=9, start=200)
    floats = _parse(doc, tmp_path)[1]
    for k in range(3):
        figure = floats[("figure", str(k + 1))].bbox
        assert figure is not None and figure[1] <= 52 and figure[3] >= 304 + 20 * k, (k, figure)


def test_a_tables_head_row_under_its_caption_is_no_caption_line(tmp_path):
    # PNAS: the caption over the table, the head row ("Category ... Participants, %") under it in
    # type half a point smaller, no rule between, the rule under the head row. Read as the
    # caption's last line, the head row was left out of the table's crop.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    _lines(page, 38, 284, 70, 50, size=9)
    page.insert_text((297, 58), "Table 4. Participant interaction with sensitive organizations",
                     fontname="tiro", fontsize=8)
    page.insert_text((297, 72), "Category", fontname="tiro", fontsize=7.5)
    page.insert_text((450, 72), "Participants with calls, %", fontname="tiro", fontsize=7.5)
    _rule(page, 297, 542, 78)
    for k, name in enumerate(("Health services", "Financial services", "Pharmacies", "Veterinary services",
                              "Legal services", "Religious organizations")):
        page.insert_text((297, 90 + 10 * k), name, fontname="tiro", fontsize=7.5)
        page.insert_text((520, 90 + 10 * k), str(57 - 9 * k), fontname="tiro", fontsize=7.5)
    _rule(page, 297, 542, 152)
    _lines(page, 297, 542, 180, 40, size=9, start=300)
    paper, floats = _parse(doc, tmp_path)
    table = floats[("table", "4")]
    assert "Category" not in table.caption, table.caption
    assert table.bbox is not None and table.bbox[1] <= 66 and table.bbox[3] >= 151, table.bbox


def test_a_head_cell_read_into_the_caption_inside_the_tables_box_is_the_tables(tmp_path):
    # PNAS: "Look-up source" and "Matched, %" under a two-line caption, the second cell flush with
    # the rule's right end and taken into the table's box; the first, alone on its row, went on
    # the caption as its last line, the caption then stood inside the table's box and the table
    # had no crop.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    page.insert_text((38.4, 58), "Table 2. Performance of telephone number reidentification", fontname="tiro", fontsize=8)
    page.insert_text((38.4, 68), "(manual and combined approaches)", fontname="tiro", fontsize=8)
    page.insert_text((38.4, 82), "Look-up source", fontname="tiro", fontsize=7.5)

    def right(text: str, y: float) -> None:
        page.insert_text((283.5 - pymupdf.get_text_length(text, fontname="tiro", fontsize=7.5), y), text,
                         fontname="tiro", fontsize=7.5)

    right("Matched, %", 82)
    _rule(page, 38.4, 283.5, 87.8)
    for k, (name, value) in enumerate((("Intelius", "65"), ("Google search", "58"), ("All automated sources", "26"),
                                       ("All sources", "82"))):
        page.insert_text((38.4, 98 + 10 * k), name, fontname="tiro", fontsize=7.5)
        right(value, 98 + 10 * k)
    _rule(page, 38.4, 283.5, 132.5)
    _lines(page, 38.4, 283.5, 160, 45, size=9)
    _lines(page, 297, 542, 60, 55, size=9, start=300)
    table = _parse(doc, tmp_path)[1][("table", "2")]
    assert table.caption.endswith("(manual and combined approaches)"), table.caption
    assert table.bbox is not None and table.bbox[1] <= 76 and table.bbox[3] >= 132, table.bbox


def test_a_framed_figures_caption_without_a_separator_is_its_caption(tmp_path):
    # BMC: each figure in a frame of rules, its caption inside at the frame's foot, the label
    # "Figure 1" and the caption's words with no separator between, in type smaller than the
    # text's. The caption was taken for a label of the drawing it stands in: the figure was lost.
    doc = pymupdf.open()
    page = _page(doc, 595, 791)
    _lines(page, 57, 291, 90, 52, size=10)
    _rule(page, 308, 535, 89.5, width=1.2)
    page.draw_circle((380, 160), 50, color=(0, 0, 0), width=0.6)
    page.draw_circle((460, 200), 50, color=(0, 0, 0), width=0.6)
    page.draw_circle((400, 250), 45, color=(0, 0, 0), width=0.6)
    page.draw_line((380, 160), (460, 200), color=(0, 0.6, 0), width=1.5)
    page.insert_text((311, 316), "Figure 1 The distance between the data sample and its intra-",
                     fontname="tiro", fontsize=8)
    page.insert_text((311, 326), "cluster center.", fontname="tiro", fontsize=8)
    _rule(page, 308, 535, 331.5, width=1.2)
    _lines(page, 305, 540, 360, 30, size=10, start=200)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None and figure.bbox is not None, paper.figures
    assert figure.bbox[1] <= 112 and figure.bbox[3] >= 294 and figure.bbox[3] <= 310, figure.bbox
    assert figure.caption.endswith("cluster center."), figure.caption


def test_a_tall_formula_across_the_gutter_is_no_axis_title(tmp_path):
    # BMC: a framed figure in the left column and, level with its middle across the gutter, a
    # display formula whose brackets are set raised, its row 18 pt tall in 9 pt type. Its height
    # let it pass for the vertical title of the figure's axis, 27 pt off: the figure's box took
    # the right column's formula, and the text round it after it.
    doc = pymupdf.open()
    page = _page(doc, 595, 791)
    _plot(page, 60, 90, 291, 300)
    page.insert_text((63, 316), "Figure 2: The distance between the data sample and its extra-cluster",
                     fontname="tiro", fontsize=8)
    _lines(page, 57, 291, 345, 35, size=10)
    y, k = _lines(page, 313, 540, 98, 7, size=10, start=200)
    base = y + 8
    page.insert_text((318, base), "F1 =", fontname="tiro", fontsize=9)
    for x in (340, 385):
        page.insert_text((x, base - 6), "(", fontname="tiro", fontsize=9)
        page.insert_text((x + 6, base), "x - m", fontname="tiro", fontsize=9)
        page.insert_text((x + 30, base - 6), ")", fontname="tiro", fontsize=9)
    _lines(page, 313, 540, base + 22, 45, size=10, start=k)
    floats = _parse(doc, tmp_path)[1]
    figure = floats[("figure", "2")].bbox
    assert figure is not None and figure[2] <= 297, figure


def test_a_caption_with_a_full_stop_read_into_the_abstract_is_the_figures(tmp_path):
    # CVPR 2025: the abstract in the left column, and in the right one an image with its caption
    # "Figure 1. Predicted gender diversity ..." 9 pt under it; the abstract was read on over the
    # caption, and a caption in the abstract was taken only after a colon (a full stop after the
    # label may be a mention's): Figure 1 was lost. Right under its graphic, it is a caption.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for text, y, size in (("Measuring the Diversity of Image Generation Models by Sampling Them", 109, 14.3),
                          ("Infinitely Often", 125, 14.3), ("First Author, Second Author, Third Author", 153, 12)):
        page.insert_text((306 - pymupdf.get_text_length(text, fontname="tibo", fontsize=size) / 2, y), text,
                         fontname="tibo", fontsize=size)
    page.insert_text((155, 226), "Abstract", fontname="tibo", fontsize=10)
    for k in range(22):
        page.insert_text((64, 242 + 10 * k), "as images generated by diffusion models proliferate it becomes",
                         fontname="tiro", fontsize=9)
    page.insert_text((64, 464), "vital to understand how diverse such images are.", fontname="tiro", fontsize=9)
    # (the heading "1 Introduction" run into its paragraph's first line, as the parser reads it there)
    page.insert_text((64, 488), "1 Introduction Generative models are capable of producing",
                     fontname="tiro", fontsize=10)
    _lines(page, 54, 292, 499, 14)
    page.draw_rect((333, 219, 544, 369), color=(0, 0, 0), fill=(0.7, 0.8, 0.9), width=0.5)
    page.insert_text((319.5, 385), "Figure 1. Predicted gender diversity after sampling each of the", fontname="tiro", fontsize=9)
    page.insert_text((319.5, 396), "models infinitely often, as the proposed score predicts it for", fontname="tiro", fontsize=9)
    page.insert_text((319.5, 407), "each of the two genders of the people in the images.", fontname="tiro", fontsize=9)
    _lines(page, 319.5, 558, 449, 24)
    page = doc.new_page(width=612, height=792)
    _lines(page, 54, 292, 60, 60)
    _lines(page, 319.5, 558, 60, 60)
    floats = _parse(doc, tmp_path)[1]
    assert ("figure", "1") in floats, floats
    box = floats[("figure", "1")].bbox
    assert box is not None and box[1] <= 221 and box[3] >= 367, box


def test_a_column_caption_leaves_a_graphic_across_the_gutter_to_the_float_over_it(tmp_path):
    # ICML 2024: Table 2 across the page under its caption, its last two rows shaded; under them,
    # 25 pt off, Table 3's caption in the left column, the right column's text beside it, its own
    # rule 20 pt under it. Table 3 took Table 2's shaded rows (the nearest graphic), and Table 2
    # lost them.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    page.insert_text((55, 80), "Table 2. Long video question answering, compared to public models. Performance is",
                     fontname="tiro", fontsize=9)
    page.insert_text((55, 91), "calculated as percentage correct on multiple-choice video question answering.",
                     fontname="tiro", fontsize=9)
    _rule(page, 60, 537, 100)
    # (each row one run of text, its cells spaced apart: too long a line for a drawing to take in)
    rows = ("CoVGT", "SeViT", "HiTeA", "InternVideo", "ImageViT", "ShortViViT", "Flamingo", "LongViViT")
    for k, name in enumerate(rows + ("MC-ViT-B", "MC-ViT-L")):
        cells = "          ".join(f"{40 + 3 * k + j}.{k}" for j in range(6))
        page.insert_text((60, 111 + 10 * k + (4 if k >= len(rows) else 0)), f"{name:<14}   {cells}",
                         fontname="tiro", fontsize=8)
    page.draw_rect((60, 185, 537, 206), color=None, fill=(0.88, 0.88, 0.97))
    page.insert_text((55, 240), "Table 3. Fine-grained action classification on the", fontname="tiro", fontsize=9)
    page.insert_text((55, 251), "dataset. Prior methods use more spatial crops at", fontname="tiro", fontsize=9)
    page.insert_text((55, 262), "inference time and bounding box information.", fontname="tiro", fontsize=9)
    page.insert_text((60, 280), "Method", fontname="tiro", fontsize=8)
    page.insert_text((200, 280), "Params", fontname="tiro", fontsize=8)
    page.insert_text((260, 280), "Top-1", fontname="tiro", fontsize=8)
    _rule(page, 55, 295, 284)
    for k, name in enumerate(("TimeS-L", "VideoSwin-B", "BEVT", "SIFAR-B-14", "ORViT")):
        page.insert_text((60, 295 + 10 * k), name, fontname="tiro", fontsize=8)
        page.insert_text((200, 295 + 10 * k), f"{100 + 7 * k}M", fontname="tiro", fontsize=8)
        page.insert_text((260, 295 + 10 * k), f"8{k}.5", fontname="tiro", fontsize=8)
    _lines(page, 55, 295, 360, 30, size=10)
    _lines(page, 310, 541, 232, 42, size=10)
    floats = _parse(doc, tmp_path)[1]
    two, three = floats[("table", "2")].bbox, floats[("table", "3")].bbox
    assert two is not None and two[3] >= 205, two
    assert three is None or three[1] >= 265, three


def test_a_tables_rows_stand_on_its_whole_rule_under_a_short_spanning_one(tmp_path):
    # ICML 2024: a table ruled only under its heads: a short rule under "N / N x K", which spans
    # six columns, the caption 18 pt over it, and the whole table's rule under the head row. The
    # short rule, nearest the caption, cut the table to the columns under it.
    doc = pymupdf.open()
    page = _page(doc, 612, 792)
    page.insert_text((55, 83), "Table 1. The model with memory size decoupled from video length. For the last variant, we",
                     fontname="tiro", fontsize=9)
    page.insert_text((55, 94), "store the last segments into memory, and randomly selected tokens for the global one.",
                     fontname="tiro", fontsize=9)
    page.insert_text((318, 110), "N / N x K", fontname="tiro", fontsize=8)
    _rule(page, 217, 456, 114.8)
    page.insert_text((140, 125), "Method", fontname="tiro", fontsize=8)
    for k, x in enumerate((220, 260, 300, 340, 380, 420)):
        page.insert_text((x, 125), f"{k + 2} / {512 * (k + 2)}", fontname="tiro", fontsize=8)
    _rule(page, 136, 461, 129.6)
    for k, name in enumerate(("Model-B-last", "Model-B-global")):
        page.insert_text((140, 140 + 10 * k), name, fontname="tiro", fontsize=8)
        for x in (225, 265, 305, 345, 385, 425):
            page.insert_text((x, 140 + 10 * k), f"8{k}.{x % 9}", fontname="tiro", fontsize=8)
    _lines(page, 55, 295, 190, 40, size=10)
    _lines(page, 310, 541, 190, 40, size=10, start=100)
    table = _parse(doc, tmp_path)[1][("table", "1")].bbox
    assert table is not None and table[0] <= 141 and table[1] <= 104 and table[3] >= 149, table
