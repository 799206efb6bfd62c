"""Floats and crops (issue 14: real papers read faithfully), the twenty-eighth session's: captions
whose label has no separator (in a white frame of their own, all bold, opening with a panel's
letter), IEEE's "TABLE I" in the white frame of its table, a long label running past a diagram's
side, and a row of panel letters in a regular face over the panels' corners. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import holds, key
from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A drawing: a framed box with a few bars in it."""
    page.draw_rect((x0, y0, x1, y1), color=(0, 0, 0), width=0.8)
    step = (x1 - x0) / 6
    for k in range(5):
        page.draw_rect((x0 + step * (k + 0.6), y1 - (y1 - y0) * (0.2 + 0.13 * k), x0 + step * (k + 1.2), y1),
                       color=None, fill=(0.3, 0.4, 0.7))


def _image(page, box) -> None:
    """A grey image filling the box."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False)
    pix.clear_with(90)
    page.insert_image(box, pixmap=pix, keep_proportion=False)


def _white(page, box) -> None:
    page.draw_rect(box, color=None, fill=(1, 1, 1))


def test_a_caption_without_separator_in_a_white_frame_of_its_own_is_no_drawing(tmp_path):
    # CHI 2013 (Word): "Figure 6 Taxonomies created by Cascade", bold, no separator, centred under a
    # page-wide figure on a white frame as wide as the text. The frame was taken for a drawing (a
    # white box is passed over only behind a caption the parser knew), the caption went into it as
    # its label and the figure had no caption: it was lost.
    doc = pymupdf.open()
    page = _page(doc)
    _plot(page, 80, 60, 530, 560)
    _white(page, (54, 574, 558, 594))
    page.insert_text((227, 588), "Figure 6 Taxonomies created by Cascade", fontname="tibo", fontsize=9)
    _lines(page, 54, 298, 610, 10)
    _lines(page, 317, 560, 610, 10, start=200)
    figures = _parse(doc, tmp_path)[1]
    assert ("figure", "6") in figures, sorted(figures)
    box = figures[("figure", "6")].bbox
    assert box is not None and box[3] < 575, box


def test_an_all_bold_caption_without_separator_in_body_size_by_its_plot_is_a_caption(tmp_path):
    # SOSP 2011 (Word): "Figure 6 Table Entity Throughput for 1-16 VMs", all bold in 10 pt over body
    # text of 9 pt, no separator (the next caption has one: "Figure 7: Blob Throughput ..."), right
    # under its plot. Only a smaller label without separator was read as a caption: figure 6 was lost.
    doc = pymupdf.open()
    page = _page(doc)
    y, _ = _lines(page, 54, 296, 64, 6, size=9)
    _plot(page, 60, y, 290, y + 120)
    page.insert_text((71, y + 136), "Figure 6 Table Entity Throughput for 1-16 VMs", fontname="tibo", fontsize=10)
    _plot(page, 60, y + 150, 290, y + 270)
    page.insert_text((86, y + 286), "Figure 7: Blob Throughput for 1-16 VMs", fontname="tibo", fontsize=10)
    _lines(page, 54, 296, y + 310, 14, size=9)
    _lines(page, 317, 560, 64, 50, size=9, start=100)
    paper, figures = _parse(doc, tmp_path)
    assert ("figure", "6") in figures and ("figure", "7") in figures, sorted(figures)
    box = figures[("figure", "6")].bbox
    assert box is not None and box[3] < y + 126, box
    assert not any("Figure 6" in s.title for s in paper.sections), [s.title for s in paper.sections]  # (bold: no heading)


def test_a_caption_opening_with_a_panels_letter_is_a_caption(tmp_path):
    # Springer (Journal of Intelligent Manufacturing): "Fig. 1 a Simplified conceptual model ... b
    # ...", no separator after the number and the title opening with panel a's letter in lower case.
    doc = pymupdf.open()
    page = _page(doc, 595, 791)
    _plot(page, 60, 60, 540, 300)
    page.insert_text((51, 318), "Fig. 1 a Simplified conceptual model of the relations between requirements, "
                     "b the resources", fontname="helv", fontsize=8)
    _lines(page, 51, 290, 350, 30)
    _lines(page, 305, 544, 350, 30, start=100)
    figures = _parse(doc, tmp_path)[1]
    assert ("figure", "1") in figures, sorted(figures)


def test_an_ieee_table_label_line_in_the_tables_white_frame_is_no_drawing(tmp_path):
    # IEEE Signal Processing Letters (Word): "TABLE I" on a line of its own, its title in small
    # capitals under it, and the table's rules, all on one white frame. The frame was a drawing that
    # took the caption's title in: "TABLE I" alone was no caption and the table was lost.
    doc = pymupdf.open()
    page = _page(doc)
    _white(page, (47, 50, 295, 163))
    page.insert_text((160, 58), "TABLE I", fontname="tiro", fontsize=8)
    page.insert_text((60, 67), "SER AVERAGE AND STANDARD DEVIATION OF DIFFERENT ACRNN", fontname="tiro", fontsize=7)
    page.insert_text((70, 75), "ARCHITECTURES ON IEMOCAP AND EMO-DB IN TERMS OF UAR", fontname="tiro", fontsize=7)
    for yy in (77.5, 88.2, 160):
        _rule(page, 51, 295, yy)
    page.insert_text((60, 86), "Network", fontname="tiro", fontsize=8)
    page.insert_text((200, 86), "IEMOCAP", fontname="tiro", fontsize=8)
    for k in range(6):
        page.insert_text((60, 98 + 10 * k), f"{k + 1} convolutional layer and LSTM", fontname="tiro", fontsize=8)
        page.insert_text((200, 98 + 10 * k), f"6{k}.20", fontname="tiro", fontsize=8)
    _lines(page, 47, 300, 180, 40)
    _lines(page, 313, 565, 60, 50, start=100)
    tables = _parse(doc, tmp_path)[1]
    assert ("table", "I") in tables, sorted(tables)
    box = tables[("table", "I")].bbox
    assert box is not None and box[1] > 70 and box[3] >= 159, box


def test_a_long_label_within_a_diagrams_height_widens_its_crop(tmp_path):
    # IEEE SPL: "Results: Emotion Probability Distributions", a label 42 characters long under a
    # diagram's last shape, within the diagram's height (a label beside it reaches as low), running
    # 3 pt past the shape's side. A long line never grows a drawing's box (it must not creep down
    # into the text under it), and the crop cut the label's end off.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect((50, 50, 530, 210), color=(0, 0, 0), width=0.8)
    page.draw_rect((480, 80, 530, 160), color=(0, 0, 0), fill=(0.8, 0.2, 0.6))
    page.insert_text((70, 218), "Log Mel-spectrogram", fontname="helv", fontsize=8)
    page.insert_text((395, 218), "Results: Emotion Probability Distributions", fontname="helv", fontsize=8)
    page.insert_text((46, 240), "Fig. 1. Illustration of the proposed attention-based network.", fontname="tiro", fontsize=8)
    _lines(page, 47, 300, 270, 30)
    _lines(page, 313, 565, 270, 30, start=100)
    figures = _parse(doc, tmp_path)[1]
    box = figures[("figure", "1")].bbox
    width = pymupdf.get_text_length("Results: Emotion Probability Distributions", fontname="helv", fontsize=8)
    assert box is not None and box[2] >= 395 + width - 1, (box, 395 + width)


def test_a_row_of_regular_panel_letters_over_the_panels_is_in_the_crop(tmp_path):
    # MICCAI 2015 (LNCS): "a" to "d" in a regular sans serif over four images, the first two images
    # 9 pt lower than the others: the letters over them stood farther off than a label may, and the
    # crop left "a" out (a panel's letter was taken that far off only in bold).
    doc = pymupdf.open()
    page = _page(doc, 439, 666)
    for k, (x0, top) in enumerate(((52.5, 65.7), (144, 65.7), (238, 51.5), (320, 51.5))):
        page.draw_rect((x0, top, x0 + 70, 122), color=None, fill=(0.4 + 0.1 * k, 0.5, 0.6))
        page.insert_text((x0 - 4.3, 57), "abcd"[k], fontname="helv", fontsize=8.6)
    page.insert_text((52, 140), "Fig. 4. Result on the cell tracking challenge.", fontname="tiro", fontsize=9)
    _lines(page, 52, 390, 170, 30)
    box = _parse(doc, tmp_path)[1][("figure", "4")].bbox
    assert box is not None and box[0] <= 48.5 and box[1] <= 51, box


def test_a_bold_caption_without_separator_on_its_tables_shaded_band_is_the_caption(tmp_path):
    # Business & Information Systems Engineering (InDesign): "Tab. 1 Evaluation of maturity models
    # ...", bold, the label's number followed by an em space, on the shaded band heading the table's
    # grey ground. Read as the table's own text, the caption was lost and the table with it.
    doc = pymupdf.open()
    page = _page(doc, 595, 791)
    page.draw_rect((45, 65, 372, 243), color=None, fill=(0.93, 0.93, 0.93))
    page.draw_rect((45, 65, 372, 81), color=None, fill=(0.75, 0.75, 0.75))
    page.insert_text((49, 76), "Tab. 1  Evaluation of maturity models on the basis of documentation",
                     fontname="hebo", fontsize=9.5)
    for k in range(8):
        page.insert_text((50, 100 + 18 * k), f"Criterion R{k + 1} documentation of the model", fontname="helv", fontsize=8)
        page.insert_text((300, 100 + 18 * k), "+  -  +", fontname="helv", fontsize=8)
    _lines(page, 45, 200, 270, 38, size=9.5)
    _lines(page, 215, 372, 270, 38, size=9.5, start=100)
    _lines(page, 385, 544, 70, 56, size=9.5, start=200)
    tables = _parse(doc, tmp_path)[1]
    assert ("table", "1") in tables, sorted(tables)


def test_a_column_of_panel_labels_left_of_a_figure_is_the_figures(tmp_path):
    # Science: "i)", "ii)", "iii)" down the left side of a figure two columns wide, at one left edge,
    # "iii)" 8.3 pt off its panel: farther than a label may stand, it was read as text, onto the
    # first line of the next column ("iii) “fist bump,” or ..."), and split its sentence.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 37, 201, 58, 14, size=8.2)
    _lines(page, 215, 379, 58, 14, size=8.2, start=150)
    _lines(page, 392, 557, 58, 60, size=8.2, start=300)
    for box in ((55.6, 228.9, 378.8, 274.9), (55.1, 293.4, 378.8, 657.4)):
        _image(page, box)
    for y, mark in ((260, "i)"), (300, "ii)"), (410, "iii)")):
        page.insert_text((38.1, y), mark, fontname="helv", fontsize=8.7)
    page.insert_text((37, 675), "Fig. 7. Generating new concepts. Humans and machines were given a novel alphabet.",
                     fontname="helv", fontsize=7)
    _lines(page, 37, 379, 700, 6, size=8.2, start=500)
    paper, floats = _parse(doc, tmp_path)
    assert ("figure", "7") in floats, sorted(floats)
    texts = [p.text for s in paper.sections for p in s.paragraphs]
    assert not any("iii)" in t or "ii)" in t for t in texts), [t[:60] for t in texts if ")" in t]


def test_an_axis_title_read_into_the_captions_block_is_no_part_of_it(tmp_path):
    # IEEE CS transactions (Word): the plot's axis title "Query time, ms" in 7.6 pt, a point over
    # "Fig. 15 Results of comparison ..." in 8 pt (no separator after the number), read as the first
    # line of the caption's block: the block began "Query time, ms Fig. 15", no caption, figure lost.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 36, 282, 60, 58, size=9.5)
    _plot(page, 330, 330, 520, 497)
    for x, tick in ((317, "0,0"), (394, "1"), (443, "10"), (492, "100")):
        page.insert_text((x, 506), tick, fontname="helv", fontsize=6.2)
    page.insert_text((395.8, 520), "Query time, ms", fontname="helv", fontsize=7.6)
    page.insert_text((294, 530), "Fig. 15 Results of comparison with Faiss library on the 200M",
                     fontname="helv", fontsize=8)
    page.insert_text((294, 539), "SIFT dataset. The inset shows the scaling of the query", fontname="helv", fontsize=8)
    _lines(page, 294, 540, 570, 14, size=9.5, start=100)
    figures = _parse(doc, tmp_path)[1]
    assert ("figure", "15") in figures, sorted(figures)
    assert "Query time" not in figures[("figure", "15")].caption


_ABSTRACT = ("Implementing a lockdown for disease mitigation is a balancing act: interventions can reduce "
             "disease transmission significantly, but they also have considerable societal costs. Therefore, "
             "decision-makers need near real-time information to calibrate the level of restrictions. We fielded "
             "daily surveys in Denmark during the second wave of the pandemic to monitor public response to the "
             "announced lockdown. A key question asked respondents to state their number of close contacts within "
             "the past day. Here, we establish a link between survey data, mobility data, and hospitalizations via "
             "epidemic modelling of a short time-interval around the lockdown of December.")
_SUMMARY = ("Mobile phone data obtained from companies have often been used to monitor public compliance with "
            "lockdowns and make predictions of future disease spread. Survey data obtained by asking people a "
            "series of questions can provide an alternative source of information about behaviour.")
_INTRO = ("Pandemic management is a balancing act between the benefits of restrictions and their costs for "
          "society. When an outbreak flares up, governments need to impose restrictions that are carefully "
          "calibrated to the situation, and they need information to do so.")


def _front_page(doc) -> None:
    """Communications Medicine's first page: the title, the authors, the abstract in a wide column and
    its plain language summary in a narrow one beside it, starting at 71 % of the page's width."""
    page = doc.new_page(width=595, height=791)
    page.insert_text((43.6, 150), "Epidemic modelling of monitoring public behavior", fontname="helv", fontsize=24)
    page.insert_text((43.6, 195), "Andreas Koher, Frederik Jorgensen & Sune Lehmann", fontname="helv", fontsize=11)
    page.insert_text((43.6, 250), "Abstract", fontname="hebo", fontsize=9.5)
    page.insert_text((419.9, 250), "Plain language summary", fontname="helv", fontsize=9.5)
    page.insert_textbox((43.6, 254, 408.2, 520), _ABSTRACT, fontname="helv", fontsize=9.5, lineheight=1.45)
    page.insert_textbox((419.9, 254, 552, 520), _SUMMARY, fontname="helv", fontsize=8.5, lineheight=1.38)


def test_a_narrow_column_beside_the_abstract_is_read_apart_from_it(tmp_path):
    # Communications Medicine: the plain language summary in a column 132 pt wide from 71 % of the
    # page's width, beside the abstract's column 365 pt wide, in smaller type on another pitch. A
    # column's edge was sought between 30 % and 70 % of the width only: the two were read line by
    # line across the page, interleaved, and the abstract's sentences were all broken.
    doc = pymupdf.open()
    _front_page(doc)
    page = doc.new_page(width=595, height=791)
    page.insert_textbox((43.6, 50, 291.7, 300), _INTRO, fontname="helv", fontsize=9.5)
    page.insert_text((43.6, 330), "Methods", fontname="hebo", fontsize=11)
    _lines(page, 43.6, 291.7, 350, 30, size=9.5)
    _lines(page, 303.6, 551.7, 60, 50, size=9.5, start=200)
    paper = _parse(doc, tmp_path)[0]
    assert paper.abstract is not None and key(_ABSTRACT) in key(paper.abstract), paper.abstract
    # (the abstract ends with its page: the text under no heading at the top of the next opens the paper)
    assert key(_INTRO) not in key(paper.abstract) and holds(paper, _INTRO.split(". ")[0]), paper.abstract


def test_an_unbookmarked_bold_heading_under_a_lettered_appendix_is_a_level_below_it():
    # MIDL 2026 (PMLR): "Comparison of Different Threshold Values" in the 10 pt bold of the numbered
    # subsections under "B Ablation study", appendix C bookmarked after it: hyperref bookmarks no
    # \subsection*. Not past the outline's last entry, it was put a level under every level the
    # paper numbers (a bold line under a body section may lead a paragraph), three under B.
    from test_parse_heads9 import _parse as _parse_heads
    from test_parse_heads14 import _titles
    from test_parse_heads18 import numbered_paper_then_appendix

    doc = pymupdf.open()
    page = numbered_paper_then_appendix(doc)
    page.line("B Ablation study", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("Comparison of Different Threshold Values", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("C Visualization of token compression", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, "1 Introduction", 1], [2, "1.1 Setting", 1], [3, "1.1.1 Data", 1], [1, "B Ablation study", 2],
                 [1, "C Visualization of token compression", 2]])
    titles = _titles(_parse_heads(doc))
    assert (None, "Comparison of Different Threshold Values", 2) in titles, titles
