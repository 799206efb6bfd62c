"""Float crops (issue 14: real papers read faithfully), the thirty-sixth session's: what stands over
a float's drawn part and was left out of its crop: titles over a row of plots set in the caption's
type, a plot's title set in the plot's own face, a table's head put aside with the page's running
heads. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _plot(page, x0: float, y0: float, x1: float, y1: float, labels: bool = True, font: str = "helv",
          left: float = 14) -> None:
    """A framed plot with a curve in it and, with `labels`, tick labels under its frame and `left` pt
    left of it."""
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.5)
    points = [(x0 + (x1 - x0) * k / 10, y1 - (y1 - y0) * (0.1 + 0.8 * ((k * 7) % 10) / 10)) for k in range(11)]
    page.draw_polyline(points, color=(0.8, 0.1, 0.1), width=0.8)
    if labels:
        for k, y in enumerate((y0 + 4, (y0 + y1) / 2, y1)):
            page.insert_text((x0 - left, y + 2), f"{2 - k}.0", fontname=font, fontsize=5)
        for k, x in enumerate((x0, (x0 + x1) / 2, x1)):
            page.insert_text((x - 3, y1 + 8), f"{50 * k}", fontname=font, fontsize=5)


def test_titles_over_a_row_of_plots_in_the_captions_type_are_the_figures(tmp_path):
    # VLDB 2019: a grid of plots headed by its columns' names, "PostgreSQL", "SQLite", ... in the
    # 9 pt Times of the text and the caption, 11 pt over the panels' frames. In type no smaller than
    # the caption's, they were no "small titles", and the crop began at the frames.
    doc = pymupdf.open()
    _lines(doc.new_page(width=612, height=792), 60, 552, 80, 60, size=9)  # (the text in 9 pt, as the titles)
    page = doc.new_page(width=612, height=792)
    names = ("PostgreSQL", "SQLite", "SQL Server", "Oracle")
    for k, name in enumerate(names):
        x0 = 70 + k * 125
        _plot(page, x0, 90, x0 + 100, 170)
        width = pymupdf.get_text_length(name, fontname="tiro", fontsize=9)
        page.insert_text((x0 + 50 - width / 2, 75), name, fontname="tiro", fontsize=9)
    page.insert_text((60, 195), "Figure 1: Learning curves of the four systems over the training episodes.",
                     fontname="tiro", fontsize=9)
    _lines(page, 60, 552, 225, 30, size=9)
    figure = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert figure is not None and figure[1] <= 69 and figure[3] >= 170, figure


def test_titles_centred_on_plot_frames_right_of_their_axis_labels_are_the_figures(tmp_path):
    # Bayesian Analysis 2009, R: "Spatial Kernel" and "Posterior Distribution of psi" in 8 and 9 pt
    # over two plots, 14 pt over their frames, under a 10 pt caption; each centred on its frame, right
    # of the y axis's labels and title, so off the middle of the drawing's box by a tenth of its width.
    doc = pymupdf.open()
    page = _page(doc)
    for k, (name, size) in enumerate((("Spatial Kernel", 8), ("Posterior Distribution of ps", 9))):
        x0 = 120 + k * 200
        _plot(page, x0, 120, x0 + 120, 220, left=24)
        page.insert_text((x0 - 40, 200), "Posterior Density", fontname="helv", fontsize=8, rotate=90)
        width = pymupdf.get_text_length(name, fontname="helv", fontsize=size)
        page.insert_text((x0 + 60 - width / 2, 104), name, fontname="helv", fontsize=size)
    page.insert_text((72, 250), "Figure 4: The marginal posterior distributions of the kernel parameters.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 285, 30)
    figure = _parse(doc, tmp_path)[("figure", "4")].bbox
    assert figure is not None and figure[1] <= 96 and figure[3] >= 220, figure


def test_a_plot_title_in_the_plots_own_face_is_the_figures(tmp_path):
    # A working paper, ggplot: "Scenario analysis for an outbreak of COVID-19 on a university campus"
    # in 9.3 pt Helvetica, 3 pt over the plot whose labels are Helvetica, over a 10 pt caption in the
    # text's Latin Modern. Eleven words, read as prose, the title was left out of the crop.
    doc = pymupdf.open()
    page = _page(doc)
    _plot(page, 180, 130, 420, 300)
    page.insert_text((200, 180), "Solid lines: all cases", fontname="helv", fontsize=8)
    page.insert_text((200, 192), "Dashed lines: cases identified from reporting", fontname="helv", fontsize=8)
    page.insert_text((280, 320), "Time (days)", fontname="helv", fontsize=8)
    page.insert_text((172, 120), "Scenario analysis for an outbreak of COVID-19 on a campus",
                     fontname="helv", fontsize=9.3)
    page.insert_text((94, 350), "Figure 3: Scenario analysis for an outbreak on a university campus: cases per day.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 540, 390, 28)
    figure = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert figure is not None and figure[1] <= 112 and figure[3] >= 300, figure


def test_a_plot_title_in_the_texts_face_over_a_figure_stays_text(tmp_path):
    # The other side: a short line of the text's own face right over a plot whose labels are
    # Helvetica (the last line of a paragraph, the figure under it) is no title of the plot.
    doc = pymupdf.open()
    page = _page(doc)
    y, _ = _lines(page, 72, 540, 60, 5)
    page.insert_text((72, y), "and so the outbreak grows on the campus.", fontname="tiro", fontsize=10)
    _plot(page, 180, y + 6, 420, y + 176)
    page.insert_text((280, y + 196), "Time (days)", fontname="helv", fontsize=8)
    page.insert_text((94, y + 226), "Figure 3: Scenario analysis for an outbreak on a university campus.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 540, y + 266, 20)
    figure = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert figure is not None and figure[1] >= y - 1, figure


def _table_at_top(page, x0: float, x1: float, caption: str) -> None:
    """An ACL 2023 table at a column's top: "Correlation" over a cmidrule over the last two head
    cells, the head row over a heavy rule across the table (no rule over the head), rows under it,
    a bottom rule, the caption under the table."""
    page.insert_text((x1 - 46, 80), "Correlation", fontname="tiro", fontsize=9)
    _rule(page, x1 - 53, x1, 83, width=0.33)
    head = ("Pre-trained embedding", "Voc.", "Size", "Pear.", "Spear.")
    at = (x0 + 0.5, x0 + 95, x0 + 130, x1 - 51, x1 - 26)
    for text, x in zip(head, at):
        page.insert_text((x, 94), text, fontname="tiro", fontsize=9)
    _rule(page, x0, x1, 96.7, width=0.87)
    for k in range(8):
        y = 108 + 10 * k
        for text, x in zip((f"GloVe ({k + 6}B)", f"{k}.4M", f"{400 + k}", f"4{k}.37", f"4{k}.95"), at):
            page.insert_text((x, y), text, fontname="tiro", fontsize=9)
    _rule(page, x0, x1, 186, width=0.87)
    page.insert_text((x0, 208), caption, fontname="tiro", fontsize=10)


def test_a_table_head_at_the_pages_top_with_no_rule_over_it_is_the_tables(tmp_path):
    # ACL 2023: tables at the tops of the two columns, page after page, each's head row over a rule
    # across it and "Correlation" over a \cmidrule over "Pear. Spear.", no rule over the head. The
    # heads, the pages' topmost lines, the same on each page, were put aside with the running heads:
    # the crops began at the rule.
    doc = pymupdf.open()
    for k in range(3):
        page = _page(doc, 595, 842)
        _table_at_top(page, 70, 302, f"Table {2 * k + 1}: Static embeddings and their scores.")
        _table_at_top(page, 306, 525, f"Table {2 * k + 2}: Sentence embeddings and their scores.")
        for x0, x1 in ((70, 302), (306, 525)):
            _lines(page, x0, x1, 240, 45)
    found = _parse(doc, tmp_path)
    for number in range(1, 7):
        table = found[("table", str(number))].bbox
        assert table is not None and table[1] <= 74 and table[3] >= 186, (number, table)


def test_column_rules_running_past_a_tables_last_row_are_the_tables(tmp_path):
    # Neurocomputing: Table 2 ruled under its head and down its columns, no rule under its last
    # row; the column rules run 3.5 pt past that row. Hairlines alone, they were no drawing: the
    # box grew over the rows' text and ended at the last row, the rules' ends cut off.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect(pymupdf.Rect(60, 60, 552, 400), color=None, fill=(1, 1, 1))  # (a white ground under it all)
    page.insert_text((170, 150), "Table 2: Character recognition rates of the methods per participant.",
                     fontname="tiro", fontsize=9)
    head = ("Participant", "bpc", "HIST", "bpc", "Single Channel SVM")
    at = (175, 245, 275, 312, 350)
    for text, x in zip(head, at):
        page.insert_text((x, 175), text, fontname="tiro", fontsize=10)
    _rule(page, 168, 439, 181)
    for k in range(8):
        y = 197 + 18 * k
        for text, x in zip((f"{k + 1}", "P4", f"{4 + k % 3}0%", "Cz", f"{10 + k}%"), at):
            page.insert_text((x + 25 if x == 175 else x, y), text, fontname="tiro", fontsize=10)
    _rule(page, 168, 439, 160)
    for x in (237.3, 304.5):  # (drawn a row's piece at a time, 2.5 pt off the rules over and under the head)
        page.draw_line((x, 162.5), (x, 178.5), color=(0, 0, 0), width=0.4)
        for k in range(8):  # (the last reaching 2.7 pt under its row)
            page.draw_line((x, 183.5 + 18 * k), (x, 201.5 + 18 * k + (1 if k == 7 else 0)), color=(0, 0, 0), width=0.4)
    _lines(page, 60, 552, 360, 20)
    table = _parse(doc, tmp_path)[("table", "2")].bbox
    assert table is not None and table[1] <= 160 and table[3] >= 328, table
