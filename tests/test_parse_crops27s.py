"""Float crops and float detection (issue 14), the seventeenth split's: a caption whose label has no
separator (Nature Portfolio). Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops21 import _parse, _plot  # noqa: E402


def test_a_label_without_separator_in_small_type_by_its_graphic_is_a_caption(tmp_path):
    # Communications Medicine: "Fig. 1 National-level comparison between ..." in 8 pt under its
    # plots, the label in a bold face the font's name does not tell, no full stop or colon after
    # the number. No caption was found: the paper had no figures at all.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 60, 550, 80, 6)
    _plot(page, 70, 160, 300, 330)
    _plot(page, 310, 160, 540, 330)
    page.insert_text((60, 348), "Fig. 1 National-level comparison between the inferred reproduction number and",
                     fontname="hebo", fontsize=8)
    page.insert_text((60, 358), "multiple predictors. a inferred reproduction number from national data.",
                     fontname="helv", fontsize=8)
    _lines(page, 60, 550, 390, 20)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None and figure.caption.startswith("National-level comparison"), paper.figures
    assert figure.bbox is not None and figure.bbox[0] <= 71 and figure.bbox[1] <= 161 and \
        figure.bbox[2] >= 539 and figure.bbox[3] >= 329 and figure.bbox[3] < 345, figure.bbox


def test_a_sentence_in_body_type_naming_a_float_is_no_caption(tmp_path):
    # The same label with no separator, set in the body's type under a plot: running text, no caption.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 60, 550, 80, 6)
    _plot(page, 70, 160, 300, 330)
    page.insert_text((60, 350), "Figure 2 Shows how the workers read their input split and write pairs to disks",
                     fontname="tiro", fontsize=10)
    _lines(page, 60, 550, 362, 20)
    paper, floats = _parse(doc, tmp_path)
    assert ("figure", "2") not in floats, paper.figures

