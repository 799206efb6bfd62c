"""Float crops of the twenty-fifth split's papers (part a), on pages drawn with PyMuPDF: each test
a shape a real paper showed."""

from __future__ import annotations

import pymupdf

from pdf_pages import prose as _prose

from paperkit.reading.parse import parse_pdf


def _text(page, x: float, y: float, text: str, size: float = 9) -> None:
    page.insert_text((x, y), text, fontname="tiro", fontsize=size)


def _floats(paper) -> dict:
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _contains(box, region, slack: float = 2.0) -> bool:
    return box[0] <= region[0] + slack and box[1] <= region[1] + slack and \
        box[2] >= region[2] - slack and box[3] >= region[3] - slack


def _plot_image(seed: int) -> bytes:
    """A raster plot, 80 x 120 pixels, its curve drawn from `seed` (each figure's pixels its own)."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 80, 120), False)
    pix.clear_with(255)
    for x in range(5, 75):
        y = 10 + (x * seed * 7 + x * x) % 100
        for dy in range(3):
            pix.set_pixel(x, y + dy, (200, 30, 30))
    for i in range(120):  # (a frame round it: the crop is the image's whole box)
        for x, y in ((0, i), (79, i), (i % 80, 0), (i % 80, 119)):
            pix.set_pixel(x, y, (0, 0, 0))
    return pix.tobytes("png")


def test_figures_of_one_size_at_one_place_on_two_pages_keep_their_crops(tmp_path):
    # ICML 2019 (a six-page preprint): Figures 3 and 4, two 800x1200 plots, stand at the top of the
    # right column of pages 4 and 5 at the same place, each with its caption under it. Two pages of
    # six are a third: the two images were read as page furniture and neither figure had a crop.
    doc = pymupdf.open()
    for number in range(1, 7):
        page = doc.new_page(width=612, height=792)
        _prose(page, 55, 290, 70, 720)
        if number in (4, 5):
            page.insert_image(pymupdf.Rect(311, 67, 538, 407), stream=_plot_image(number))
            _text(page, 307, 430, f"Figure {number - 1}. Error plots for the training and the validation error.")
            _prose(page, 307, 543, 450, 720)
        else:
            _prose(page, 307, 543, 70, 720)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    floats = _floats(parse_pdf(path))
    for number, page in (("3", 4), ("4", 5)):
        figure = floats[("figure", number)]
        assert figure.page == page and figure.bbox is not None, (number, figure.bbox)
        assert _contains(figure.bbox, (311, 67, 538, 407)) and figure.bbox[3] < 420, figure.bbox


def test_a_bold_label_centred_over_the_cells_right_of_the_row_labels_is_the_tables_head(tmp_path):
    # ICLR 2019 Table 2: the caption over the table, then a bold "CVAE architecture" centred over
    # the column of layer strings (right of the "encoder" and "decoder" row labels, so off the
    # table's middle), the table's one full rule under it, two rows under the rule. The crop began
    # at the rule and left the head out.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 108, 504, 80, 360)
    y = 379.8
    for text in ("Table 2: CVAE architecture for each dataset MNIST and fashion-MNIST. The label as one-hot-",
                 "vector is concatenated after the convolution layers and fed into the fully-connected layers. For",
                 "convolutional architectures the numbers in parenthesis indicate strides, while padding is always",
                 "same."):
        _text(page, 108, y, text, size=10)
        y += 11
    page.insert_text((287.2, 421.6), "CVAE architecture", fontname="tibo", fontsize=10)
    page.draw_line((149.5, 425.8), (462.5, 425.8), color=(0, 0, 0), width=0.4)
    _text(page, 155.7, 434.8, "encoder", size=10)
    _text(page, 199.1, 434.8, "conv 1x2x2-64x2x2 (2)-64x3x3-64x3x3-concat label C-fc 128-2", size=10)
    _text(page, 155.7, 445.7, "decoder", size=10)
    _text(page, 214.6, 445.7, "concat label C-fc 128-deconv reverse of encoder (ReLU)", size=10)
    _prose(page, 108, 504, 480, 720)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    table = _floats(parse_pdf(path))[("table", "2")]
    assert table.bbox is not None and table.bbox[1] < 416.5 and table.bbox[3] > 445, table.bbox
    assert table.bbox[1] > 411, table.bbox  # (the caption's last line stays out)


def test_a_figures_crop_takes_no_other_figures_caption_beside_its_own(tmp_path):
    # NIPS 2016 workshop: Figure 1 (a wide image, its caption under it) and, right of it, Figure 2
    # (a smaller image set higher, its caption's first line over Figure 1's caption's, its other
    # lines level with them). The two captions' lines were read as one block, and Figure 1's crop,
    # grown over the short lines between the image and that wide caption, took in "Figure 2:
    # Comparison of" and reached across to x=475.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 108, 504, 70, 230)
    page.insert_image(pymupdf.Rect(122.6, 271.6, 348.3, 385.9), stream=_plot_image(3), keep_proportion=False)
    page.insert_image(pymupdf.Rect(360.2, 242.7, 491.9, 371.2), stream=_plot_image(5), keep_proportion=False)
    # (both captions centred, as printed: their lines' left edges wander, no column edge to read)
    _text(page, 376.6, 386.0, "Figure 2: Comparison of", size=10)
    right = ((370.0, "polynomial GLM (black) vs"), (368.6, "polynomial SVR (orange) vs"),
             (363.8, "Gaussian SVR (white) with the"), (360.7, "corresponding curves for a voxel"),
             (367.2, "in which the best fitting score"), (367.7, "belongs to the Gaussian SVR"), (412.3, "model."))
    for k, (x, text) in enumerate(right):
        _text(page, x, 396.9 + 10.9 * k, text, size=10)
    left = ((136.2, "Figure 1: F-test statistical map for the polynomial"),
            (135.9, "SVR, with significance level filtering at 0.001,"),
            (130.8, "minimum cluster size of 100 voxels and transformed"), (154.1, "into Z-scores for improved visualization."))
    for k, (x, text) in enumerate(left):
        _text(page, x, 400.8 + 10.9 * k, text, size=10)
    _prose(page, 108, 504, 490, 720)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    floats = _floats(parse_pdf(path))
    figure = floats[("figure", "1")]
    assert figure.bbox is not None and _contains(figure.bbox, (122.6, 271.6, 348.3, 385.9)), figure.bbox
    assert figure.bbox[2] < 355, figure.bbox
