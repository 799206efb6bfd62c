"""Figure crops of the twenty-first split (session 31), each drawn here with PyMuPDF in the shape
a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _contains, _floats, _save, _text
from pdf_pages import prose as _prose


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
