"""Figure crops of the tune split's leftovers (session 31): algorithms, plot titles and table heads,
each drawn here with PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _contains, _float, _text
from pdf_pages import prose as _prose


def _steps(page, x: float, y: float, steps: list[tuple[int, str]], size: float = 9) -> float:
    """An algorithm's steps numbered "1:", "2:", ... at x, each step's text indented by its depth in
    the text's faces (keywords bold); returns the last step's baseline."""
    for i, (depth, row) in enumerate(steps):
        label = f"{i + 1}:"
        page.insert_text((x + (4 if i < 9 else 0), y), label, fontname="tiro", fontsize=size)
        word, _, rest = row.partition(" ")
        at = x + 25 + 14 * depth
        page.insert_text((at, y), word, fontname="tibo", fontsize=size)
        page.insert_text((at + pymupdf.get_text_length(word + " ", "tibo", size), y), rest, fontname="tiro", fontsize=size)
        y += 10.5
    return y - 10.5


ALGORITHM = [(0, "procedure LearnBPR(D, theta)"), (1, "initialize theta"), (1, "repeat"),
             (2, "draw (u, i, a, b) uniformly from D"), (2, "theta <- theta + alpha (ln s(y) - l theta)"),
             (1, "until convergence"), (1, "return theta"), (0, "end procedure")]


def test_an_algorithm_of_numbered_steps_over_its_caption_is_cropped(tmp_path):
    # WSDM 2010: "1: procedure LearnBPR(DS, Θ)" to "8: end procedure" in the text's faces over
    # "Figure 3: Optimizing tag recommender models ...", nothing drawn, no monospaced type: the
    # figure had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 294, 60, 90)
    last = _steps(page, 58, 115, ALGORITHM)
    page.insert_text((54, last + 22), "Figure 3: Optimizing tag recommender models for BPR with", fontname="tibo", fontsize=9)
    page.insert_text((54, last + 32), "bootstrapping based stochastic gradient descent.", fontname="tibo", fontsize=9)
    _prose(page, 54, 294, last + 50, 720)
    _prose(page, 318, 560, 60, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is not None and _contains(figure.bbox, (62, 108, 230, last + 2), slack=3), figure.bbox
    assert figure.bbox[1] > 100 and figure.bbox[3] < last + 8


def test_steps_of_a_numbered_list_in_the_text_are_no_algorithm(tmp_path):
    # The same numbers in front of sentences of the text's own paragraphs make no figure of them.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 294, 60, 90)
    y = 115
    for i in range(4):
        page.insert_text((54, y), f"{i + 1}: the workers read their input split and write intermediate pairs", fontname="tiro", fontsize=9)
        page.insert_text((54, y + 11), "to local disks while the master keeps track of every task and its state.", fontname="tiro", fontsize=9)
        y += 24
    page.insert_text((54, y + 10), "Figure 3: Optimizing tag recommender models.", fontname="tibo", fontsize=9)
    _prose(page, 54, 294, y + 30, 720)
    _prose(page, 318, 560, 60, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is None or figure.bbox[1] > y - 5, figure.bbox
