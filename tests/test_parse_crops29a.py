"""Float crops (issue 14: real papers read faithfully), the twenty-ninth session's tables: a table
set in the text's own type and ruled between its rows, and a table's head of spanning labels over
booktabs' \\cmidrule pieces with no \\toprule. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _cell(page, x: float, y: float, text: str, size: float = 10) -> None:
    page.insert_text((x, y), text, fontname="tiro", fontsize=size)


def test_a_table_in_the_texts_type_ruled_between_its_rows_is_one_crop(tmp_path):
    # ACL 2024 (arXiv): a small table set in the text's own type, a full rule over it, under its
    # head row, under its first row and under its last, a column rule down between the two columns
    # broken at each rule, a bold title over it and the caption under it. Each row is read as one
    # line across the table, so its box went for a shaded paragraph, and the table was found from
    # the rule nearest its caption: each band between two rules held rows in the text's type, and
    # the crop held only the last band's two rows.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 60, 290, 80, 8)
    page.insert_text((119, 190), "Dataset Experiment Details", fontname="tibo", fontsize=12)
    for y in (210, 229, 248, 281):
        _rule(page, 119, 241, y, width=0.8 if y in (210, 281) else 0.5)
    for y0, y1 in ((210, 229), (229, 248), (248, 281)):  # (each piece 3.4 pt under a rule, 2.1 pt over the next)
        page.draw_line((172, y1 - 2.1), (172, y0 + 3.4), color=(0, 0, 0), width=0.4)
    for y, text in ((223, "Model        # Parameters"), (242, "Attention      151 880 448"),
                    (262, "Based      147 542 016"), (276, "ReBased      147 548 928")):
        _cell(page, 234 - pymupdf.get_text_length(text, fontname="tiro", fontsize=10), y, text)
    _cell(page, 60, 300, "Table 8: Parameters count for the experiment.")
    _lines(page, 60, 290, 330, 30, start=40)
    _lines(page, 320, 550, 80, 50, start=90)
    table = _parse(doc, tmp_path)[1][("table", "8")].bbox
    assert table is not None and table[1] <= 211 and table[3] >= 280, table
    assert table[1] > 195, table  # (the title over the table is no part of it)


def test_a_tables_spanning_labels_over_cmidrule_pieces_are_in_its_crop(tmp_path):
    # ACL 2023: a table across the page, no \toprule; "Correlation" at the top of the page over a
    # \cmidrule across the right-hand columns, "Original", "Reconstr." and "Context." over three
    # \cmidrule pieces under it, the head row and a full rule under them. The labels and their
    # pieces were drawn apart from the table's rules: the crop began at the pieces, the labels
    # over them cut off.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    _cell(page, 402, 80, "Correlation", size=10.9)
    _rule(page, 330, 525, 86.5, width=0.33)
    _cell(page, 343, 99, "Original", size=10.9)
    _cell(page, 410, 99, "Reconstr.", size=10.9)
    _cell(page, 478, 99, "Context.", size=10.9)
    for x0, x1 in ((330, 393), (398, 462), (467, 525)):
        _rule(page, x0, x1, 105.5, width=0.33)
    for x, text in ((71, "Pre-trained embedding"), (221, "|Voc.| Size (MB) Dim. Pear. Spear."), (400, "Pear. Spear."),
                    (469, "Pear. Spear.")):
        _cell(page, x, 118, text, size=10.9)
    _rule(page, 71, 525, 123, width=0.87)
    for i in range(7):
        _cell(page, 71, 136 + 13.6 * i, f"GloVe ({6 + i}B)        0.{i}M      {458 + i}       300    42.3{i}  43.9{i}   "
              f"36.8{i}  41.1{i}   27.3{i}  31.3{i}", size=10.9)
    _rule(page, 71, 525, 232, width=0.55)
    _cell(page, 71, 245, "Ours + terms (1.8B)      5.2M     3,984     200    51.62  53.91   55.97  57.27   59.84  60.52",
          size=10.9)
    _rule(page, 71, 525, 250, width=0.87)
    _cell(page, 71, 270, "Table 4: Additional results when training on standard pre-trained word embedding matrices.",
          size=10.9)
    _lines(page, 71, 290, 300, 30, size=10.9)
    _lines(page, 306, 525, 300, 30, size=10.9, start=90)
    table = _parse(doc, tmp_path)[1][("table", "4")].bbox
    assert table is not None and table[1] <= 73 and table[3] >= 249, table


def test_a_label_the_figures_top_cuts_through_is_in_its_crop(tmp_path):
    # SIGGRAPH 1993: a stack of four planes drawn in perspective, a label in 5.4 pt sans serif
    # 21 pt right of each, the top one ("Vector field") standing mostly over the top plane's edge.
    # The labels level with the planes grew the crop sideways; the top one, a fifth of it level,
    # was cut through by the crop's top edge.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 57, 290, 80, 30)
    for k, name in enumerate(("Vector field", "DDA line", "Input texture", "Output image")):
        top = 474 + 54 * k
        for i in range(9):  # a plane in perspective: a parallelogram ruled as a grid
            page.draw_line((57 + 5 * i, top + 43 - 43 * i / 8), (190 + 5 * i, top + 43 - 43 * i / 8), color=(0, 0, 0), width=0.3)
            page.draw_line((57 + 133 * i / 8, top + 43), (97 + 133 * i / 8, top), color=(0, 0, 0), width=0.3)
        page.insert_text((251, top + (-2.9 if k == 0 else 20)), name, fontname="helv", fontsize=5.4)
    _cell(page, 57, 700, "Figure 1: The mapping of a vector onto a line and input pixels.")
    _lines(page, 320, 550, 80, 50, start=90)
    figure = _parse(doc, tmp_path)[1][("figure", "1")].bbox
    label = next(b for b in page.get_text("dict")["blocks"] for ln in b.get("lines", ())
                 if ln["spans"][0]["text"].strip() == "Vector field" for b in [ln["bbox"]])
    assert figure is not None and figure[1] <= label[1] + 0.5 and figure[3] >= 678, (figure, label)


def _filled(width: int, height: int, rgb: tuple) -> pymupdf.Pixmap:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.set_rect(pix.irect, rgb)
    return pix


def test_a_logo_on_every_page_over_a_figures_image_is_no_part_of_its_crop(tmp_path):
    # QSARC 2024 (Word): the proceedings' logo, an image 40 pt square in the top right corner of
    # every page; on one page a figure's image stands right under it, touching it. The two images
    # were one graphic, and the figure's crop took the logo and the white left of it.
    doc = pymupdf.open()
    logo = _filled(40, 40, (200, 150, 60))
    for k in range(3):
        page = _page(doc, 595, 842)
        page.insert_image(pymupdf.Rect(510, 36, 550, 76), pixmap=logo)
        if k == 1:
            page.insert_image(pymupdf.Rect(307, 76, 534, 269), pixmap=_filled(227, 193, (60, 90, 160)))
            _cell(page, 360, 290, "Figure 3: Industrial uses of the applications.")
            _lines(page, 307, 550, 320, 35, start=50)
        else:
            _lines(page, 307, 550, 90, 50, start=50)
        _lines(page, 45, 290, 60, 55)
    figure = _parse(doc, tmp_path)[1][("figure", "3")].bbox
    assert figure is not None and 75 <= figure[1] <= 78 and figure[2] <= 536 and figure[3] >= 268, figure


def test_a_plots_title_in_small_type_its_top_cuts_through_is_in_its_crop(tmp_path):
    # JMLR 2003: two plots side by side, each under its title in 6.4 pt ("Normalized score vs
    # refuse to predict level", words enough to read as prose), the title's box reaching 2 pt into
    # the plot's frame. Prose is no label: the crop's top cut the titles through.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 70, 5)
    for x in (160, 310):
        page.draw_rect((x, 150, x + 140, 280), color=(0, 0, 0), width=0.5)
        page.draw_polyline([(x + 5 + 13 * i, 270 - (i * 37) % 100) for i in range(10)], color=(0, 0, 0), width=0.8)
        page.insert_text((x + 22, 150), "Normalized score vs refuse to predict level", fontname="helv", fontsize=6.4)
    _cell(page, 72, 305, "Figure 4: Scores of the models as the refusal level grows, for each of the two models.")
    _lines(page, 72, 540, 330, 30, start=40)
    figure = _parse(doc, tmp_path)[1][("figure", "4")].bbox
    assert figure is not None and figure[1] <= 144.5 and figure[3] >= 279, figure


def test_rows_of_plot_titles_in_small_type_over_a_figure_are_in_its_crop(tmp_path):
    # JMLR 2003: a grid of four plots, each under a title of two lines in 7.3 pt ("Performance vs
    # iterations on three data sets / for model I-0 with four inference strategies"), the lower
    # line 6.4 pt over the plot's frame. The top row's titles were left out of the crop.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 72, 540, 40, 2)
    for row, top in enumerate((112, 290)):
        for col, x in enumerate((165, 325)):
            page.draw_rect((x, top, x + 130, top + 160), color=(0, 0, 0), width=0.5)
            page.draw_polyline([(x + 5 + 12 * i, top + 150 - (i * 37) % 120) for i in range(10)], color=(0, 0, 0), width=0.8)
            for k, text in enumerate(("Performance vs iterations on three data sets",
                                      f"for model {'ID'[row]}-{2 * col} with four inference strategies")):
                page.insert_text((x, top - 14.5 + 7.3 * k), text, fontname="tiro", fontsize=7.3)
    _cell(page, 72, 500, "Figure 3: Annotation performance of the models as the number of iterations grows.")
    _lines(page, 72, 540, 525, 20, start=40)
    figure = _parse(doc, tmp_path)[1][("figure", "3")].bbox
    assert figure is not None and figure[1] <= 92 and figure[3] >= 449, figure


def test_framed_boxes_of_prose_painted_as_two_fills_are_a_figure(tmp_path):
    # arXiv 2023 (tcolorbox): a figure of three framed boxes of prose, each frame painted as a dark
    # area with the box's light ground 1.4 pt inside it, the prose running edge to edge. Taken for
    # a shaded paragraph (a reader's highlight), the boxes were no graphic and the figure had none.
    doc = pymupdf.open()
    page = _page(doc)
    y = 72
    for k, rows in enumerate((2, 6, 9)):
        bottom = y + 12 + 11 * rows
        page.draw_rect((108, y, 504, bottom), color=None, fill=(0.25, 0.25, 0.25))
        page.draw_rect((109.4, y + 1.4, 502.6, bottom - 1.4), color=None, fill=(0.95, 0.95, 0.95))
        _lines(page, 124, 490, y + 15, rows, start=30 * k)
        y = bottom + 6
    _cell(page, 108, y + 14, "Figure 7: Domain names: the names of the domains in each of the three datasets.")
    _lines(page, 108, 504, y + 50, 12, start=90)
    figure = _parse(doc, tmp_path)[1][("figure", "7")].bbox
    assert figure is not None and figure[1] <= 73 and figure[3] >= y - 7, (figure, y)


def test_a_columns_figure_joined_to_a_formula_in_the_other_column_keeps_to_its_own(tmp_path):
    # EMNLP 2025: a heat map on a white ground in the right column, two fractions set in 8 pt at
    # the left column's right edge level with its top and foot. Their pieces and the ground made
    # one drawing: the crop reached 90 pt into the left column's running text.
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    _lines(page, 70, 290, 80, 22, size=10.9)
    page.insert_text((70, 355), "rank of the adapters as the", fontname="tiro", fontsize=10.9)
    page.insert_text((265.8, 345.5), "ri+rf", fontname="tiro", fontsize=8)
    page.draw_line((265.6, 348), (288.2, 348), color=(0, 0, 0), width=0.4)
    page.insert_text((274.7, 354.5), "2", fontname="tiro", fontsize=8)
    _lines(page, 70, 290, 370, 6, size=10.9, start=40)
    page.insert_text((70, 452), "after the loop, with its", fontname="tiro", fontsize=10.9)
    page.insert_text((217.7, 451), "(m + n)1+P", fontname="tiro", fontsize=10.9)
    page.draw_line((256.6, 449.4), (274.4, 449.4), color=(0, 0, 0), width=0.4)
    page.insert_text((263.4, 455), "2 T", fontname="tiro", fontsize=8)
    _lines(page, 70, 290, 505, 20, size=10.9, start=80)
    _lines(page, 306, 525, 80, 20, size=10.9, start=120)
    page.draw_rect((306.1, 349.6, 524.4, 455.7), color=None, fill=(1, 1, 1))  # the plot's white ground
    for i in range(4):
        for j in range(7):
            page.draw_rect((350 + 22 * j, 360 + 18 * i, 371 + 22 * j, 377 + 18 * i), color=None, fill=(0.9, 0.6 - 0.1 * i, 0.5))
    page.insert_text((400, 445), "Rank-one matrices", fontname="tiro", fontsize=6)
    page.insert_text((312, 475), "Figure 4: Cosine similarity between the two runs of the", fontname="tiro", fontsize=10.9)
    page.insert_text((312, 488), "rank-one matrices for one layer of the model.", fontname="tiro", fontsize=10.9)
    _lines(page, 306, 525, 510, 20, size=10.9, start=160)
    figure = _parse(doc, tmp_path)[1][("figure", "4")].bbox
    assert figure is not None and figure[0] >= 300 and figure[1] <= 360 and figure[2] >= 502 and figure[3] >= 445, figure
