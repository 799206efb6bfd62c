"""Figure crops of the twenty-first split (session 31): listings set in URW's Courier and listings
whose numbered rows the page holds one by one, each drawn here with PyMuPDF in the shape a real
paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _contains, _float, _floats, _save, _text
from pdf_pages import prose as _prose
from test_parse_text27 import _rename


def test_urw_courier_face_is_code(tmp_path):
    # OSDI 2020 (Delos) "Figure 2: Loglet and VirtualLog APIs.": C++ declarations set in
    # "NimbusMonL-Regu" (the times package's \tt): not read as monospaced, the lines were text and
    # the figure had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    rows = ["class ILoglet {", "  logpos_t append(Entry payload);", "  pair<logpos_t,bool> checkTail();",
            "  Entry readNext(logpos_t min, logpos_t max);", "  logpos_t seal();", "}",
            "class IVirtualLog : public ILoglet {", "  bool reconfigExtend(LogCfg newcfg);",
            "  bool reconfigTruncate();", "};"]
    for i, row in enumerate(rows):
        page.insert_text((54, 86 + 12 * i), row, fontname="cour", fontsize=9)
    _text(page, 96, 86 + 12 * len(rows) + 18, "Figure 2: Loglet and VirtualLog APIs.")
    _prose(page, 54, 294, 86 + 12 * len(rows) + 40, 720)
    _prose(page, 318, 560, 60, 720)
    _rename(doc, "Courier", "XKQWBD+NimbusMonL-Regu")
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (54, 80, 200, 86 + 12 * (len(rows) - 1)), slack=3), \
        figure.bbox


def test_a_numbered_listing_read_row_by_row_is_cropped_whole(tmp_path):
    # ATC 2015 (Spartan) "Figure 3: Pseudocode of Alternating Least Squares.": each row of the
    # listing after its line number (in the text face, left of the code) is a block of its own; the
    # crop held the one row next to the caption.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 297, 72, 720)
    _prose(page, 315, 540, 72, 720)
    page = doc.new_page(width=612, height=792)  # (a page past the first: no front matter)
    _prose(page, 72, 297, 72, 250)
    quotes = "'" * 3
    rows = [(0, "func", "ALS(A):"), (1, "", quotes), (1, "", "Alternating Least Squares"),
            (1, "", "Input: A is a n*k user-movie rating matrix."), (1, "", "Output: U and M are factor matrices."),
            (1, "", quotes), (1, "for", "i from 1 to max_iter"), (2, "", "U = CalculateUsersFactor(A, M)"),
            (2, "", "M = CalculateMoviesFactor(A, U)"), (1, "endfor", ""), (1, "return", "U, M")]
    top = 286
    for i, (indent, word, row) in enumerate(rows):
        y = top + 9.5 * i
        number = str(i + 1)
        page.insert_text((83.5 - pymupdf.get_text_length(number, "tiro", 8), y), number, fontname="tiro", fontsize=8)
        x = (93.5, 103, 122)[indent]
        if word:  # (keywords in the bold face, as the listings package sets them)
            page.insert_text((x, y), word, fontname="cobo", fontsize=8)
            x += pymupdf.get_text_length(word + " ", "cobo", 8)
        if row:
            page.insert_text((x, y), row, fontname="cour", fontsize=8)
    bottom = top + 9.5 * (len(rows) - 1)
    _text(page, 90, bottom + 19, "Figure 3: Pseudocode of Alternating Least Squares.")
    _prose(page, 72, 297, bottom + 40, 720)
    _prose(page, 315, 540, 72, 720)
    _rename(doc, "Courier", "ABCDEF+NimbusMonL-Regu")
    _rename(doc, "Courier-Bold", "GHIJKL+NimbusMonL-Bold")
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is not None and _contains(figure.bbox, (80, top - 6, 235, bottom), slack=3), figure.bbox
    assert figure.bbox[1] > 255 and figure.bbox[3] < bottom + 8


def test_a_figure_set_under_the_columns_footnote_keeps_its_caption(tmp_path):
    # IJCAI 2018 (SentiGAN) "Figure 3: Comparison of intelligibility ...": a chart at the foot of
    # the left column, under the footnote rule and its note; the caption was read into the note, and
    # the figure was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 297, 60, 490)
    _prose(page, 315, 558, 60, 720)
    page.draw_line((54, 504), (114, 504), width=0.4)
    page.insert_text((66.7, 510.8), "1", fontname="tiro", fontsize=6)
    page.insert_text((70.1, 514.6), "The synthetic data and the oracle model are pub-", fontname="tiro", fontsize=9)
    page.insert_text((54, 524.6), "licly available at https://github.com/LantaoYu/SeqGAN", fontname="tiro", fontsize=9)
    for i in range(6):  # the chart's bars and axis
        page.draw_rect(pymupdf.Rect(90 + 28 * i, 660 - 14 * (i + 2), 108 + 28 * i, 660), color=(0, 0, 0),
                       fill=(0.2, 0.4, 0.8), width=0.4)
    page.draw_line((80, 555), (80, 660), width=0.6)
    page.draw_line((80, 660), (270, 660), width=0.6)
    _text(page, 54, 689, "Figure 3: Comparison of intelligibility of generated sentences by")
    _text(page, 54, 699, "human evaluation.")
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "3")]
    assert figure.bbox is not None and _contains(figure.bbox, (80, 555, 270, 660), slack=3), figure.bbox
    assert figure.bbox[1] > 530
    assert [note.text for note in paper.footnotes] == \
        ["The synthetic data and the oracle model are publicly available at https://github.com/LantaoYu/SeqGAN"]
