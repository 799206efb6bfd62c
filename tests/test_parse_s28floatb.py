"""The twenty-eighth split's sentences and crops (part b), each on a page made here: a paragraph that
opens on a mention of an appendix's table ("Table E.2 lists ..."), a caption whose text's next line
stands a little further under its short last line, and PLOS's back matter whose two columns end two
lines apart over "References" and the bibliography's two columns."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import RUNNING, _line, holds, lines


def test_paragraph_opening_on_a_mention_of_an_appendix_table_is_no_caption(tmp_path):
    """An economics working paper (pdfTeX, double-spaced): "Table E.2 lists the specific household
    surveys, ..." opens a paragraph on its indented first line. The number "E.2", then a word in
    lower case: a mention, not table "E" with the caption "2 lists ..."; the paragraph was cut after
    its second line, in the middle of a sentence."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "The Cost of Ending Poverty in Household Surveys", fontname="tibo", fontsize=16)
    page.insert_text((72, 120), "3 Data Sources", fontname="tibo", fontsize=12)
    y, k = 145.0, 0
    for _ in range(8):  # (the text double-spaced)
        text, k = _line(RUNNING, k, 468, 10)
        page.insert_text((72, y), text, fontname="tiro", fontsize=10)
        y += 20
    page.insert_text((72, y), "and its state during the whole computation.", fontname="tiro", fontsize=10)
    y += 20
    rows = ["Table E.2 lists the specific household surveys, in the indicated countries and years, for which",
            "we learn transfer policies. These are in most cases the surveys from which recent estimates of the",
            "headcount poverty rate in the national statistics were calculated, and are part of the flagship",
            "program to collect high-quality, standardized household surveys on poverty and welfare. In a few",
            "cases the data underlying the estimates are not publicly available and we use an earlier source."]
    for i, row in enumerate(rows):
        page.insert_text((87 if i == 0 else 72, y), row, fontname="tiro", fontsize=10)
        y += 20
    path = tmp_path / "mention.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "Table E.2 lists the specific household surveys, in the indicated countries and years, for "
                        "which we learn transfer policies.")
    assert holds(paper, "These are in most cases the surveys from which recent estimates of the headcount poverty "
                        "rate in the national statistics were calculated, and are part of the flagship program to "
                        "collect high-quality, standardized household surveys on poverty and welfare.")


def test_caption_ends_where_the_text_stands_further_under_its_short_last_line(tmp_path):
    """BMVC 2015: a table at the head of the page, its caption under it in the text's type with its
    lines 12 pt apart, the last one short ("distance."), then the paragraph broken by the page going
    on 15 pt under it: the text's, not the caption's."""
    doc = pymupdf.open()
    page = doc.new_page(width=408, height=618)
    page.insert_text((25, 50), "Deep Face Recognition", fontname="tibo", fontsize=14)
    page.insert_text((25, 80), "3 Dataset Collection", fontname="tibo", fontsize=12)
    y, k = lines(page, 25, 383, 100, 38, size=10)
    page.insert_text((25, y), "The final dataset is curated with limited manual effort and is able to produce an accurate",
                     fontname="tiro", fontsize=10)
    page = doc.new_page(width=408, height=618)
    for r, row in enumerate((("Stage", "Aim", "Persons", "Images"), ("1", "Candidates", "5,000", "200"),
                             ("2", "Expansion", "2,622", "2,000"), ("3", "Ranking", "2,622", "1,000"))):
        for c, cell in enumerate(row):
            page.insert_text((40 + 85 * c, 40 + 10 * r), cell, fontname="tiro", fontsize=8)
    caption = ["Table 2: Dataset statistics after each stage of processing. A considerable part of the ac-",
               "quisition process is automatically carried out. Type A and M specify whether the processing",
               "stage was carried out automatically or manually. The values are the performance on the",
               "benchmark for the first configuration trained on that stage and compared using the",
               "distance."]
    y = 117.0
    for row in caption:
        page.insert_text((25, y), row, fontname="tiro", fontsize=10)
        y += 12
    y += 3
    text = ["large-scale dataset of faces labelled with their identities. The human annotation cost is quite",
            "small and the total amount of manual effort involved is only a few days of annotation work for",
            "the whole collection of images, most of it spent on the final stage of manual filtering."]
    for row in text:
        page.insert_text((25, y), row, fontname="tiro", fontsize=10)
        y += 12
    lines(page, 25, 383, y + 6, 20, size=10, start=k)
    path = tmp_path / "bmvc.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "The human annotation cost is quite small and the total amount of manual effort involved "
                        "is only a few days of annotation work for the whole collection of images, most of it "
                        "spent on the final stage of manual filtering.")
    assert not any("human annotation" in (f.caption or "") for f in paper.figures), \
        [f.caption for f in paper.figures]


def _floats(paper) -> dict:
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _image(page, rect) -> None:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 199, 100), False)
    pix.clear_with(90)
    page.insert_image(rect, pixmap=pix)


def test_apa_figure_label_in_bold_over_its_title_in_italics_is_a_caption(tmp_path):
    """An APA 7 manuscript (Typst, double-spaced): "Figure 1" in bold on a line of its own, the
    figure's title under it in italics in the text's own type, the image under both. The label was
    read as a section's heading and the figure lost (APA's tables, "Table 1" so set, were found)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Ex-Gaussian Parameterization in Mixed Models", fontname="tibo", fontsize=14)
    page.insert_text((72, 110), "Simulation", fontname="tibo", fontsize=11)
    y, k = 132.0, 0
    for _ in range(6):
        text, k = _line(RUNNING, k, 468, 11)
        page.insert_text((72, y), text, fontname="tiro", fontsize=11)
        y += 22
    page.insert_text((72, y), "is shown in the figure below.", fontname="tiro", fontsize=11)
    y += 22
    page.insert_text((72, y), "Figure 1", fontname="tibo", fontsize=11)
    for row in ("Simulated reaction-time distributions for each condition, annotated with the parameters.",
                "The dashed line marks the location; the arrow over the tail marks the exponential part."):
        y += 22
        page.insert_text((72, y), row, fontname="tiit", fontsize=11)
    _image(page, (90, y + 12, 530, y + 300))
    page.insert_text((72, y + 330), "Default Parameterization", fontname="tibo", fontsize=11)
    y, k = y + 352, k
    for _ in range(4):
        text, k = _line(RUNNING, k, 468, 11)
        page.insert_text((72, y), text, fontname="tiro", fontsize=11)
        y += 22
    path = tmp_path / "apa.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    figure = _floats(paper).get(("figure", "1"))
    assert figure is not None and figure.bbox is not None, [(f.kind, f.number) for f in paper.figures]
    assert figure.caption.startswith("Simulated reaction-time"), figure.caption
    assert "Figure 1" not in [s.title for s in paper.sections]


def _grid(page, x0: float, y0: float, widths: list[float], rows: int, pitch: float) -> None:
    """A table's cells framed by drawn rules: `rows` rows `pitch` apart, columns `widths` wide."""
    x1 = x0 + sum(widths)
    for r in range(rows + 1):
        page.draw_line((x0, y0 + r * pitch), (x1, y0 + r * pitch), width=0.6)
    x = x0
    for w in [0.0, *widths]:
        x += w
        page.draw_line((x, y0), (x, y0 + rows * pitch), width=0.6)


def test_table_row_labels_set_flush_right_and_a_name_for_all_rows_are_in_the_crop(tmp_path):
    """ICML 1994: a matrix game drawn as a grid in the right column, its row labels "rock",
    "paper", "scissors" set flush right against its frame and "Opponent", one name for them all,
    left of them at the middle row; and a table across the page whose row labels "vs. random" ...
    "vs. QQ-challenger" are set flush right against its first rule. The crops held only the last
    row's label ("scissors", "vs. QQ-challenger"): the other labels, cut by the box's edge, and
    the name beside them were left out."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((75, 70), "Markov Games as a Framework for Learning", fontname="tibo", fontsize=14)
    lines(page, 75, 297, 100, 50, size=10)
    widths, pitch = [34.0, 34.0, 40.0], 11.0
    page.insert_text((480, 105), "Agent", fontname="tiro", fontsize=10)
    for c, name in enumerate(("rock", "paper", "scissors")):
        page.insert_text((445 + 36 * c, 116), name, fontname="tiro", fontsize=10)
    _grid(page, 438, 119, widths, 3, pitch)
    for r, name in enumerate(("rock", "paper", "scissors")):
        page.insert_text((434 - pymupdf.get_text_length(name, "tiro", 10), 128 + r * pitch), name,
                         fontname="tiro", fontsize=10)
        for c, cell in enumerate(("0", "1", "-1")):
            page.insert_text((452 + 34 * c, 128 + r * pitch), cell, fontname="tiro", fontsize=10)
    page.insert_text((351, 139), "Opponent", fontname="tiro", fontsize=10)
    page.insert_text((339, 170), "Table 1: The matrix game for \u201crock, paper, scissors.\u201d", fontname="tiro",
                     fontsize=10)
    lines(page, 315, 541, 200, 40, size=10)
    page = doc.new_page(width=612, height=792)
    labels = ["vs. random", "vs. hand-built", "vs. MR-challenger", "vs. MM-challenger", "vs. QR-challenger",
              "vs. QQ-challenger"]
    _grid(page, 210, 98, [80.0, 80.0, 80.0, 69.0], 6, pitch)
    for r, name in enumerate(labels):
        page.insert_text((204 - pymupdf.get_text_length(name, "tiro", 10), 107 + r * pitch), name,
                         fontname="tiro", fontsize=10)
        for c in range(4):
            if r < 2 or r - 2 == c:
                page.insert_text((225 + 80 * c, 107 + r * pitch), f"{40 + 7 * r + c}.3", fontname="tiro",
                                 fontsize=10)
    page.insert_text((125, 180), "Table 3: Results for policies trained by minimax-Q and Q-learning.", fontname="tiro",
                     fontsize=10)
    lines(page, 75, 297, 210, 40, size=10)
    lines(page, 315, 541, 210, 40, size=10)
    path = tmp_path / "icml.pdf"
    doc.save(path)
    floats = _floats(parse_pdf(path))
    one, three = floats[("table", "1")].bbox, floats[("table", "3")].bbox
    assert one[0] < 352, one
    widest = min(204 - pymupdf.get_text_length(name, "tiro", 10) for name in labels)
    assert three[0] < widest + 1, (three, widest)


def test_tick_labels_of_stacked_plots_are_no_line_numbers(tmp_path):
    """NIPS 2015 workshop: two heat maps stacked in a column, each y axis ticked "5" to "25" in 2 pt
    type, the two files of ticks one over the other at one x. Small, in a file, stepping by 5: they
    were taken for a review copy's line numbers and dropped, and the crop cut them off."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 70), "Approximate Bayesian Inference via Rejection Filtering", fontname="tibo", fontsize=14)
    lines(page, 108, 290, 90, 11, size=10)  # (the text beside the plots: the ticks are the smaller)
    lines(page, 108, 504, 250, 40, size=10)
    for top in (86.0, 152.0):
        _image(page, (312, top, 374, top + 53))
        for k, tick in enumerate(("5", "10", "15", "20", "25")):
            text_width = pymupdf.get_text_length(tick, "helv", 2.1)
            page.insert_text((311 - text_width, top + 9 + 9.45 * k), tick, fontname="helv", fontsize=2.1)
            page.insert_text((321 + 11 * k, top + 56), tick, fontname="helv", fontsize=2.1)
    page.insert_text((294, 232), "Figure 2: Heat map of frequency pixel values for the examples.", fontname="tiro",
                     fontsize=10)
    path = tmp_path / "nips.pdf"
    doc.save(path)
    figure = _floats(parse_pdf(path))[("figure", "2")]
    assert figure.bbox[0] < 309.5, figure.bbox
