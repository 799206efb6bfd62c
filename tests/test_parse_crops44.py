"""Crops found wrong by the crops44 audit of tune papers whose floats nobody had checked, each drawn
here with PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _floats, _save, _text
from pdf_pages import prose as _prose


def _later_page(doc, title: str, heading: str, columns: tuple, width: float, height: float):
    """A first page (title, heading, two columns of prose) and a blank later page, returned: the
    floats drawn there have no front matter round them."""
    page = doc.new_page(width=width, height=height)
    page.insert_text((150, 90), title, fontname="tibo", fontsize=15)
    page.insert_text((columns[0], 140), heading, fontname="tibo", fontsize=12)
    _prose(page, columns[0], columns[1], 150, height - 82)
    _prose(page, columns[2], columns[3], 70, height - 82)
    return doc.new_page(width=width, height=height)


def _panel(page, x0: float, y0: float, title: str) -> None:
    """A box plot's panel: a title over its frame, tick labels left of it, boxes inside."""
    _text(page, x0 + 28, y0 + 5.2, title, size=7.6)
    page.draw_rect(pymupdf.Rect(x0, y0 + 7, x0 + 75, y0 + 63), color=(0, 0, 0), width=0.5)
    for j, y in enumerate((12, 24, 36)):
        _text(page, x0 - 16, y0 + y + 2, f"0.{95 - 5 * j}", size=6.3)
    for i in range(5):
        x = x0 + 8 + 13 * i
        page.draw_rect(pymupdf.Rect(x, y0 + 16 + 3 * i, x + 5, y0 + 24 + 4 * i), color=(0.12, 0.47, 0.71), width=0.6)
        page.draw_rect(pymupdf.Rect(x + 1, y0 + 12 + 2 * i, x + 6, y0 + 18 + 3 * i), color=(1, 0.5, 0.05), width=0.6)
        _text(page, x - 4, y0 + 72, f"Net{i}", size=6.3)
    _text(page, x0 + 12, y0 + 82, "Model architecture", size=6.3)


def test_a_legend_of_two_keys_over_a_grid_of_panels_is_the_figures(tmp_path):
    # ACL 2025 review (matplotlib): a grid of four box-plot panels under a legend of two entries,
    # each key a thick stroke 12.7 pt long (5 pt wide) with its word beside it ("Unclean",
    # "Cleaned"), centred 19 pt over the panels' frames, 13 pt over their titles: two keys only,
    # no row of three, and farther off than a key beside a plot may stand, so the legend was left
    # out of the crop.
    doc = pymupdf.open()
    page = _later_page(doc, "Ensembles of Prototypical Networks", "1 Introduction", (71, 289, 305, 524), 595, 842)
    _prose(page, 71, 289, 70, 206)
    for x, word in ((133.6, "Unclean"), (186.4, "Cleaned")):
        page.draw_line((x, 227.1), (x + 12.7, 227.1), color=(0.12, 0.47, 0.71) if word == "Unclean" else (1, 0.5, 0.05),
                       width=5.08)
        page.insert_text((x + 17.7, 228.6), word, fontname="tiro", fontsize=6.3)
    for row, y0 in enumerate((241.8, 333.6)):
        for col, x0 in enumerate((101.6, 207.3)):
            _panel(page, x0, y0, ("CCUS", "H2", "solar", "solarPlus")[2 * row + col])
    _text(page, 71, 440, "Figure 2: Aggregate results per class between architectures and preprocessing", size=10)
    _prose(page, 71, 289, 460, 760)
    _prose(page, 305, 524, 70, 760)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "2")]
    assert figure.bbox is not None and figure.bbox[1] <= 225.5 and figure.bbox[3] >= 410, figure.bbox
    assert figure.bbox[1] > 206, figure.bbox  # (not the prose over it)


def test_a_side_caption_taller_than_its_figure_level_with_its_foot_takes_it(tmp_path):
    # IEEE SPM white paper (one column): Fig. 1's caption, 23 lines in a minipage right of the
    # drawing, ends level with the drawing's foot; the drawing, 220 pt high, starts level with the
    # caption's seventh line, 14 pt left of it. Its top nowhere near the caption's, the drawing was
    # no side caption's graphic, and the figure had no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Surrogate Gradient Learning in Spiking Neural Networks", fontname="tibo", fontsize=15)
    page.insert_text((90, 140), "I. INTRODUCTION", fontname="tibo", fontsize=11)
    _prose(page, 90, 522, 150, 720, size=11)
    page = doc.new_page(width=612, height=792)  # (the figure on a later page: no front matter)
    _prose(page, 90, 522, 60, 196, size=11)
    for col in range(3):
        x = 121.0 + 76.5 * col
        for row in range(5):
            y = 349.2 + 42.5 * row
            page.draw_rect(pymupdf.Rect(x, y - 2, x + 29, y + 12), color=(0.3, 0.3, 0.3), fill=(0.85, 0.85, 0.85),
                           width=0.6, radius=0.2)
            page.insert_text((x + 4, y + 9), f"x({row})({col})", fontname="helv", fontsize=7)
            if row:
                page.draw_line((x + 14.5, y - 2), (x + 14.5, y - 28.5), color=(0, 0, 0), width=0.6)
        page.draw_line((x + 14.5, 347.2), (x + 14.5, 316.0), color=(0, 0, 0), width=0.6)
        if col:
            page.draw_line((x - 47.5, 437), (x, 437), color=(0, 0, 0), width=0.6)
    caption = ("Fig. 1: Illustration of the computational graph of a spiking neural network in dis- crete time. "
               "Time steps flow from left to right. Inputs are fed into the network from the bottom and propagate "
               "upwards to higher layers. The synaptic currents are decayed in each time step and feed into the "
               "membrane potentials. The potentials are similarly decaying over time as characterized by their "
               "constant. Spike trains are generated by applying a threshold nonlinearity to the membrane "
               "potentials in each time step. Spikes causally affect the network state (red connections). First, "
               "each spike causes the membrane potential of the neuron which emits the spike to be reset. Second, "
               "each spike may be communicated to the same neuronal population via recurrent connections. Finally, "
               "it may also be communicated downstream via another set of weights to another downstream network "
               "layer or, alternatively, a readout layer on which a supervised cost function is defined.").split()
    y, k = 225.8, 0
    while k < len(caption):
        line = []
        while k < len(caption) and len(" ".join(line + [caption[k]])) <= 43:
            line.append(caption[k])
            k += 1
        page.insert_text((332.4, y), " ".join(line), fontname="tiro", fontsize=10.96)
        y += 13.4
    _prose(page, 90, 522, y + 10, 740, size=11)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "1")]
    assert figure.bbox is not None and figure.bbox[0] <= 122 and figure.bbox[2] >= 300 and \
        figure.bbox[1] <= 317 and figure.bbox[3] >= 530 and figure.bbox[2] < 330, figure.bbox


def _bars(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A bar chart's frame with grid lines and bars."""
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0.6, 0.6, 0.6), width=0.5)
    for k in range(1, 5):
        y = y0 + k * (y1 - y0) / 5
        page.draw_line((x0, y), (x1, y), color=(0.75, 0.75, 0.75), width=0.4)
    for i in range(6):
        x = x0 + 6 + i * (x1 - x0 - 12) / 6
        page.draw_rect(pymupdf.Rect(x, y1 - 12 - 9 * (i % 3), x + 5, y1), color=(0.2, 0.35, 0.15), fill=(0.4, 0.6, 0.3), width=0.4)
        page.draw_rect(pymupdf.Rect(x + 6, y1 - 30 - 7 * (i % 4), x + 11, y1), color=(0.1, 0.3, 0.5), fill=(0.3, 0.5, 0.8), width=0.4)


def test_a_legend_key_under_a_plot_goes_to_its_own_plot_not_a_neighbour_a_pair_of_keys_brought_near(tmp_path):
    # PVLDB 2018 (two bar charts side by side atop the page): the left chart's legend of two keys
    # 20 pt under its frame joins it, which brings its foot within reach of the first key of the
    # right chart's row of three keys ("Original", 14 pt right of the left chart, 24 pt left of its
    # own): measured against the grown box, that key went to the left chart, whose box then ran
    # into the right figure's and cut it.
    doc = pymupdf.open()
    page = _later_page(doc, "Optimization of Imperative Programs in a Relational Database", "1. INTRODUCTION",
                       (54, 297, 315, 558), 612, 792)
    _bars(page, 239.4, 57.0, 384.3, 134.5)
    for x, word in ((276.9, "Froid OFF"), (309.8, "Froid ON")):
        page.draw_rect(pymupdf.Rect(x, 154.9, x + 4.0, 158.2), color=(0.9, 0.5, 0.2), fill=(0.9, 0.5, 0.2), width=0.3)
        _text(page, x + 4.7, 158.6, word, size=6)
    _text(page, 216.9, 177.0, "Figure 7: Elapsed time for compilation", size=9)
    _bars(page, 426.2, 63.4, 559.4, 147.1)
    _text(page, 412.0, 147.5, "0.1", size=6.6)
    for x, word in ((398.4, "Original"), (429.2, "With UDFs, Froid OFF"), (496.4, "With UDFs, Froid ON")):
        page.draw_rect(pymupdf.Rect(x, 159.9, x + 4.0, 163.2), color=(0.2, 0.35, 0.15), fill=(0.4, 0.6, 0.3), width=0.3)
        _text(page, x + 5.3, 163.9, word, size=6.6)
    _text(page, 396.7, 182.0, "Figure 8: TPC-H queries using UDFs", size=9)
    _prose(page, 54, 297, 200, 740)
    _prose(page, 315, 558, 200, 740)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    left, right = floats[("figure", "7")].bbox, floats[("figure", "8")].bbox
    assert right is not None and right[0] <= 398.5, right  # (its legend's first key)
    assert left is not None and left[2] < 390, left
