"""Float crops (issue 14, item 5), the fifteenth split's: a caption's line of tall math rising into
the line over it, a tick label set upright on the y axis's end, a name in bold typewriter type over
a diagram's corner, a caption naming its subtables before the colon, a plot's title touching its
frame and its axis's name drawn as an outline. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return paper, {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _image(page, rect) -> None:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 199, 100), False)
    pix.clear_with(90)
    page.insert_image(rect, pixmap=pix)


def test_a_caption_line_of_tall_math_rising_into_the_line_over_it_stays_caption(tmp_path):
    # ICML 2021: three images stacked in the right column, each with its panel's caption "(a) ...";
    # the figure's caption goes on "(a) sphere, (b) cuboid and (c) ellipsoid. w = (1, 1) and w′ =",
    # its primes and brackets raising the line's top 1.5 pt into the caption's first line. Not
    # under that line, it was taken for one more panel's caption under the images, and the box
    # grew over the caption's first three lines.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 55, 290, 80, 50)
    tops = (70.0, 190.0, 310.0)
    for k, top in enumerate(tops):
        _image(page, (325, top, 524, top + 100))
        page.insert_text((337, top + 112), f"({'abc'[k]}) the region around the point (Foret et al., 2021)",
                         fontname="tiro", fontsize=9)
    page.insert_text((307, 448), "Figure 1. Loss contours and three types of maximization regions:",
                     fontname="tiro", fontsize=9)
    page.insert_text((307, 457), "(a) sphere, (b) cuboid and (c) ellipsoid. w = (1, 1) and w", fontname="tiro", fontsize=9)
    page.insert_text((524, 457), "\u2032 (", fontname="tiro", fontsize=14)
    page.insert_text((307, 469), "(3, 1/3) are parameter points before and after multiplying a scal-",
                     fontname="tiro", fontsize=9)
    page.insert_text((307, 480), "ing operator and are expressed as dots and triangles, respectively.",
                     fontname="tiro", fontsize=9)
    _lines(page, 307, 541, 510, 20)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "1")].bbox
    assert box[0] < 326 and box[1] < 75 and 420 < box[3] < 440, box
    assert "respectively" in floats[("figure", "1")].caption


def test_a_tick_label_set_upright_on_the_y_axis_top_tick_is_in_the_crop(tmp_path):
    # NSDI 2013: a bar chart's y-axis tick labels "1e−06" ... "1e−03" set upright (rotated), each
    # centred on its tick; the top one, on the axis's end, reached 10.2 pt over the plot's top,
    # past the 10 pt a rotated line may stand over a drawing beside it, and was cut off the crop.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 55, 290, 80, 50)
    page.draw_line((352, 118), (352, 223), color=(0, 0, 0), width=0.6)  # the y axis
    for k, tick in enumerate((223.0, 188.0, 153.0, 118.0)):
        page.draw_line((348, tick), (352, tick), color=(0, 0, 0), width=0.6)
        label = f"1e-0{6 - k}"
        length = pymupdf.get_text_length(label, fontname="helv", fontsize=9)
        page.insert_text((346, tick + length / 2), label, fontname="helv", fontsize=9, rotate=90)
    for k, x in enumerate(range(360, 510, 22)):
        page.draw_rect((x, 150 + 6 * k, x + 18, 223), color=(0, 0, 0), fill=(0.5, 0.6, 0.8), width=0.5)
    length = pymupdf.get_text_length("fraction that failed", fontname="helv", fontsize=9)
    page.insert_text((330, 170 + length / 2), "fraction that failed", fontname="helv", fontsize=9, rotate=90)
    page.insert_text((400, 238), "seconds of delay", fontname="helv", fontsize=9)
    page.insert_text((350, 262), "Figure 11: Latency of the Delete Pipeline", fontname="tiro", fontsize=10)
    _lines(page, 318, 541, 290, 30)
    top = 118.0 - pymupdf.get_text_length("1e-03", fontname="helv", fontsize=9) / 2
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "11")].bbox
    assert box[1] <= top + 1 and box[3] < 250, box


def test_a_name_in_bold_typewriter_type_over_a_diagrams_corner_is_in_the_crop(tmp_path):
    # ANCS 2013: a diagram of hash buckets, its labels "Compute_hash", "Hn" and "HT Index" set left
    # of its arrows and "buckets" over its boxes, all taken in, growing its box left and up; over
    # its top left corner, right at the box so grown, the name "/c1/c2/c3(...)/cn" in bold
    # typewriter type, the arrow down from its end. Weighed top down against the drawing as drawn,
    # the name was too far off; in bold it was taken for a heading: the crop lost it.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_line((120, 190), (120, 222), color=(1, 0.2, 0), width=0.6)  # the arrows down
    page.draw_line((120, 222), (160, 222), color=(1, 0.2, 0), width=0.6)
    for k in range(5):
        page.draw_rect((160, 193 + 7 * k, 185, 200 + 7 * k), color=(0, 0, 0), width=0.4)  # the buckets
    page.draw_line((185, 210), (205, 210), color=(1, 0.2, 0), width=0.6)
    page.draw_rect((205, 205, 275, 214), color=(0, 0, 0), width=0.4)  # an entry
    page.insert_text((162, 191.5), "buckets", fontname="helv", fontsize=6)
    page.insert_text((100, 195), "Compute_hash", fontname="helv", fontsize=5)
    page.insert_text((95, 205), "Hn", fontname="helv", fontsize=6)
    page.insert_text((86, 225), "HT Index", fontname="helv", fontsize=6)
    page.insert_text((70, 186.3), "/c1/c2/c3(...)/cn", fontname="cobo", fontsize=6.5)
    page.insert_text((133, 235), "(a) Linked list buckets", fontname="tiro", fontsize=9)
    page.insert_text((102, 262), "Figure 3: Hash table data structures.", fontname="tibo", fontsize=9)
    _lines(page, 55, 290, 290, 30)
    _lines(page, 317, 556, 80, 50)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "3")].bbox
    assert box[0] <= 71 and box[1] <= 182 and box[3] < 250, box


def test_a_caption_naming_its_subtables_before_the_colon_is_a_caption(tmp_path):
    # ACL 2025: two ruled subtables, "(a) K = 5" and "(b) K = 10" under each, then one caption
    # "Table 1 (a) and (b): Performance of ..."; the parts named between the number and the colon,
    # it was no caption, and the table was lost. "Table 1 (a) shows" in the text stays text.
    doc = pymupdf.open()
    page = _page(doc, width=595, height=842)
    for top, name in ((72.0, "(a) K = 5"), (212.0, "(b) K = 10")):
        for y in (top, top + 12, top + 110):
            page.draw_line((71, y), (522, y), color=(0, 0, 0), width=0.5)
        for k in range(8):
            for j, x in enumerate(range(80, 500, 60)):
                page.insert_text((x, top + 22 + 11 * k), f"{60 + k + j}.{10 + 7 * j}", fontname="tiro", fontsize=8)
        page.insert_text((280, top + 124), name, fontname="tiro", fontsize=9)
    page.insert_text((71, 365), "Table 1 (a) and (b): Performance of the various Pretrained Language Models on",
                     fontname="tiro", fontsize=10)
    page.insert_text((71, 377), "the ODE and SemCor inventories, respectively.", fontname="tiro", fontsize=10)
    _lines(page, 71, 290, 400, 30)
    page.insert_text((306, 400), "Table 1 (a) shows the scores of every layer of each model.", fontname="tiro", fontsize=10)
    _lines(page, 306, 524, 412, 29)
    paper, floats = _parse(doc, tmp_path)
    table = floats[("table", "1")]
    assert table.caption.startswith("Performance of the various"), table.caption
    box = table.bbox
    assert box[0] < 72 and box[1] < 73 and box[2] > 521 and 330 < box[3] < 350, box


def _beta(page, x: float, y: float) -> None:
    """A Greek letter drawn as its glyph's outline (a filled path, no text), 4.5 by 7.4 pt."""
    page.draw_polyline([(x, y + 7.4), (x + 1.2, y), (x + 4.5, y + 1.5), (x + 2.5, y + 3.5), (x + 4.3, y + 5.8),
                        (x + 1.6, y + 6.2), (x, y + 7.4)], color=None, fill=(0, 0, 0), closePath=True)


def test_a_plots_title_touching_its_frame_and_its_axis_name_drawn_as_outline_are_in_the_crop(tmp_path):
    # CVPR 2019 (matplotlib): two plots side by side, each titled "Long-Tailed CIFAR-10 (Imbalance
    # Factor = 50)", the title's box reaching 0.3 pt into the frame; under each plot's tick labels
    # its axis's name "β", drawn as the glyph's outline, 10 pt under the frame. The title was no
    # plot's title (it did not stand wholly over the frame) and the "β", too small a drawing alone,
    # was dropped: the crop lost both.
    doc = pymupdf.open()
    page = _page(doc)
    for x0 in (77.0, 321.0):
        x1 = x0 + 215
        page.draw_rect((x0, 85.5, x1, 191.1), color=(0, 0, 0), width=0.6)
        page.draw_polyline([(x0 + 8, 100), (x0 + 80, 130), (x1 - 8, 180)], color=(0, 0.4, 0.8), width=1)
        for k in range(4):
            page.insert_text((x0 + 4 + 62 * k, 199), f"0.9{'9' * k}", fontname="helv", fontsize=7)
        for k, y in enumerate((98, 128, 158, 188)):
            page.insert_text((x0 - 10, y), f"2{5 - k}", fontname="helv", fontsize=7)
        title = "Long-Tailed CIFAR-10 (Imbalance Factor = 50)"
        width = pymupdf.get_text_length(title, fontname="helv", fontsize=8)
        page.insert_text(((x0 + x1 - width) / 2, 84.1), title, fontname="helv", fontsize=8)
        _beta(page, (x0 + x1) / 2 - 2, 201.2)
    page.insert_text((55, 235), "Figure 5. Classification error rate when trained with and without the class-balanced term.",
                     fontname="tiro", fontsize=9)
    _lines(page, 55, 290, 270, 30)
    _lines(page, 307, 556, 270, 30)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("figure", "5")].bbox
    assert box[1] <= 79 and 208 <= box[3] < 220, box
