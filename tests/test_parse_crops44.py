"""Crops found wrong by the crops44 audit of tune papers whose floats nobody had checked, each drawn
here with PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _floats, _save, _text
from pdf_pages import prose as _prose


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
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 90), "Ensembles of Prototypical Networks", fontname="tibo", fontsize=15)
    page.insert_text((71, 140), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(page, 71, 289, 150, 760)
    _prose(page, 305, 524, 70, 760)
    page = doc.new_page(width=595, height=842)  # (the figure on a later page: no front matter)
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
