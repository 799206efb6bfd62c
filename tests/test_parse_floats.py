"""Figures and tables on pages drawn with PyMuPDF, each in a shape a real paper showed: which
caption owns which graphic, and whether the float's box holds all of it (panels, axis titles and
ticks, subcaptions) and nothing of its neighbours."""

from __future__ import annotations

import pymupdf
import pytest

from paperkit.reading.paper import Paper
from paperkit.reading.parse import parse_pdf, render_figure

PROSE = ("The workers read their input split and write intermediate pairs to local disks while the "
         "master keeps track of every task and its state during the whole computation of the job")


def _prose(page, x0: float, x1: float, y0: float, y1: float, size: float = 10) -> None:
    """Fill a column with body text lines."""
    words, y = PROSE.split(), y0 + size
    k = 0
    while y < y1:
        line = ""
        while pymupdf.get_text_length(line + words[k % len(words)] + " ", fontname="tiro", fontsize=size) < x1 - x0:
            line += words[k % len(words)] + " "
            k += 1
        page.insert_text((x0, y), line.strip(), fontname="tiro", fontsize=size)
        y += size * 1.2


def _text(page, x: float, y: float, text: str, size: float = 9, rotate: int = 0) -> None:
    page.insert_text((x, y), text, fontname="tiro", fontsize=size, rotate=rotate)


def _plot(page, x0: float, y0: float, x1: float, y1: float, title: str | None = None) -> None:
    """Axes and a curve; the y-axis title set rotated left of the tick labels."""
    page.draw_polyline([(x0, y0), (x0, y1), (x1, y1)], color=(0, 0, 0), width=0.6)
    page.draw_polyline([(x0 + 5 + i * (x1 - x0 - 10) / 8, y1 - 5 - ((i * 37) % 11) * (y1 - y0 - 10) / 11)
                        for i in range(9)], color=(0, 0, 0), width=0.8)
    for i in range(3):
        _text(page, x0 - 22, y1 - i * (y1 - y0) / 2.5 + 3, str(i * 5000), size=6)
    if title:
        _text(page, x0 - 28, (y0 + y1) / 2 + 20, title, size=7, rotate=90)


def _rules(page, x0: float, x1: float, ys: list[float], width: float = 0.5) -> None:
    for y in ys:
        page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)


def _save(doc, tmp_path, name="paper.pdf"):
    path = tmp_path / name
    doc.save(path)
    return parse_pdf(path), path


def _contains(box, region, slack: float = 1.0) -> bool:
    return box[0] <= region[0] + slack and box[1] <= region[1] + slack and \
        box[2] >= region[2] - slack and box[3] >= region[3] - slack


def _floats(paper) -> dict:
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _float(doc, tmp_path, kind: str, number: str):
    """Save the drawn page(s), parse them and return one float."""
    paper, _ = _save(doc, tmp_path)
    return _floats(paper)[(kind, number)]


def test_a_plot_with_rotated_ticks_keeps_its_caption_from_the_table_under_it(tmp_path):
    # MapReduce Table 1 was saved as Figure 4: the plot's rotated date ticks made the plot look
    # farther from "Figure 4" than the table under the caption, so the figure took the table.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    _plot(page, 380, 80, 510, 190, title="Instances")
    for i in range(6):
        _text(page, 385 + i * 22, 232, f"2003/0{i + 1}", size=7, rotate=90)
    _text(page, 360, 252, "Figure 4: MapReduce instances over time")
    _rules(page, 335, 520, [268, 283, 330])
    for i, row in enumerate(("Number of jobs 29,423", "Average job completion time 634 secs",
                             "Machine days used 79,186 days", "Input data read 3,288 TB")):
        _text(page, 340, 280 + 11 * (i + 1), row)
    _text(page, 360, 345, "Table 1: MapReduce jobs run in August 2004")
    _prose(page, 322, 540, 360, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    figure, table = floats[("figure", "4")], floats[("table", "1")]
    assert figure.bbox is not None and _contains(figure.bbox, (352, 80, 510, 230))  # plot, title, ticks
    assert figure.bbox[3] < 268  # not the table
    assert table.bbox is not None and _contains(table.bbox, (335, 268, 520, 330))


def test_a_grid_of_plots_is_one_float_with_every_panel_and_axis_title(tmp_path):
    # MapReduce Figure 3: three columns of plots, each with its y-axis title rotated at its left,
    # under a caption narrower than the grid; the crop was a strip of one panel.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for x0 in (110, 265, 420):
        for y0 in (75, 165):
            _plot(page, x0, y0, x0 + 100, y0 + 70, title="MB/s")
    for x0, sub in zip((110, 265, 420), ("(a) Normal execution", "(b) No backup tasks", "(c) Tasks killed")):
        _text(page, x0 + 10, 255, sub)
    _text(page, 200, 280, "Figure 3: Data transfer rates over time for the sort")
    _prose(page, 72, 290, 300, 720)
    _prose(page, 322, 540, 300, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.bbox is not None and _contains(figure.bbox, (82, 75, 520, 257))
    assert figure.bbox[3] < 275  # stops at its caption


def test_tables_with_captions_below_each_keep_their_own_table(tmp_path):
    # ResNet and BERT set table captions below the tables: "Table 3" took Table 4's rules (the
    # parser assumed captions above tables) and the last caption of the stack got nothing.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    for k, top in enumerate((80, 190, 300)):
        _rules(page, 330, 530, [top, top + 15, top + 70])
        for i in range(4):
            _text(page, 335, top + 27 + 11 * i, f"ResNet-{34 + 17 * i}   {20 + i}.{k}5   {5 + i}.{k}1")
        _text(page, 330, top + 85, f"Table {3 + k}: Error rates of single models on the validation set.")
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    for k, top in enumerate((80, 190, 300)):
        table = floats[("table", str(3 + k))]
        assert table.bbox is not None and _contains(table.bbox, (330, top, 530, top + 70)), table
        assert table.bbox[1] > top - 10 and table.bbox[3] < top + 78, table


def test_a_booktabs_table_with_a_long_ruleless_body_is_one_box(tmp_path):
    # BERT Table 8: top rule, \cmidrule pieces and midrule close together, then six rows and the
    # bottom rule 65 pt further down; the rules were two boxes and the crop held only the head.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    _rules(page, 307, 527, [209])
    _rules(page, 307, 386, [225, 250])
    _rules(page, 397, 527, [225])
    _rules(page, 437, 527, [250])
    _rules(page, 307, 527, [330])
    _text(page, 320, 220, "Masking Rates")
    _text(page, 430, 220, "Dev Set Results")
    for i in range(7):
        _text(page, 315, 262 + 10 * i, f"{80 - i}%   10%   10%   84.{i}   95.{i}   94.{i}")
    _text(page, 330, 345, "Table 8: Ablation over different masking strategies.")
    _prose(page, 322, 540, 360, 720)
    table = _float(doc, tmp_path, "table", "8")
    assert table.bbox is not None and _contains(table.bbox, (307, 209, 527, 330))


def test_an_axis_title_under_the_ticks_is_in_the_crop_and_the_crop_shows_the_caption(tmp_path):
    # MapReduce Figure 2 lost "Seconds", set under the x ticks and above the caption.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 290, 72, 720)
    _plot(page, 380, 73, 520, 150, title="Input (MB/s)")
    _text(page, 385, 160, "20  40  60  80  100", size=7)
    _text(page, 430, 174, "Seconds", size=8)
    _text(page, 370, 195, "Figure 2: Data transfer rate over time")
    _prose(page, 322, 540, 215, 720)
    paper, path = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "2")]
    assert figure.bbox is not None and _contains(figure.bbox, (352, 73, 520, 174))
    assert figure.caption_bbox is not None and figure.caption_bbox[1] > figure.bbox[3]
    out = render_figure(path, figure, tmp_path / "fig.png", zoom=1.0)
    pix = pymupdf.Pixmap(str(out))
    assert pix.height >= figure.caption_bbox[3] - figure.bbox[1]  # graphic and caption in one crop
    assert Paper.from_json(paper.to_json()) == paper


def test_a_centred_caption_does_not_swallow_the_column_text_after_it(tmp_path):
    # MapReduce Figure 3's one-line caption across both columns took the left column's first lines.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect((90, 72, 520, 200), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    _text(page, 190, 218, "Figure 3: Data transfer rates over time for the sort program", size=10)
    _prose(page, 72, 296, 226, 720)
    _prose(page, 316, 540, 226, 720)
    figure = _float(doc, tmp_path, "figure", "3")
    assert figure.caption == "Data transfer rates over time for the sort program"
    assert figure.caption_bbox[0] > 150  # the centred line alone


def test_a_white_frame_behind_figure_and_caption_is_not_the_graphic(tmp_path):
    # Dynamo (SOSP 2007): each figure sits in a white-filled frame that also holds its caption, so
    # the caption was inside the "graphic" and no figure got a box.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect((54, 72, 294, 259), color=None, fill=(1, 1, 1))
    for x, y in ((120, 100), (180, 100), (100, 160), (200, 160), (150, 200)):
        page.draw_circle((x, y), 14, color=(0, 0, 0), width=0.8)
    _text(page, 61, 238, "Figure 2: Partitioning and replication of keys in Dynamo ring.")
    _prose(page, 54, 294, 270, 720)
    _prose(page, 318, 560, 72, 720)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (86, 86, 214, 214))
    assert figure.bbox[3] < 230


def test_a_mention_that_looks_like_a_caption_yields_to_the_real_one(tmp_path):
    # A thesis's "Figure 2. 4 shows ..." (Figure 2.4 broken at the dot) became a phantom Figure 2;
    # a paper's in-text "Table 2. Mean ..." on page 10 took the number from the real Table 2 on page 36.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 90, "Figure 2. 4 shows the steps just described in the context of the join", size=10)
    _text(page, 72, 120, "Table 2. Mean values are reported in the appendix for every one of the runs", size=10)
    _prose(page, 72, 540, 130, 720)
    page = doc.new_page(width=612, height=792)
    _text(page, 150, 90, "Table 2: Mean and standard deviation of the results.")
    _rules(page, 100, 510, [100, 115, 170])
    for i in range(4):
        _text(page, 110, 127 + 11 * i, f"GCN   0.{i}0   1.{i}2   1.{i}9")
    _prose(page, 72, 540, 190, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    assert ("figure", "2") not in floats
    table = floats[("table", "2")]
    assert table.page == 2 and table.bbox is not None and _contains(table.bbox, (100, 100, 510, 170))


def test_a_code_listing_set_as_a_figure_is_cropped_to_its_lines(tmp_path):
    # A `listings` float captioned "Figure 2" draws no graphic: it had no box, so the reader could
    # not show it as the figure it is.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 540, 72, 190)
    code = ["def train_step(model, batch, optimiser):", "    images, labels = batch",
            "    loss = model.loss(images, labels)", "    optimiser.zero_grad()", "    loss.backward()",
            "    return loss.item()"]
    for i, line in enumerate(code):
        page.insert_text((80, 215 + 11 * i), line, fontname="cour", fontsize=8)
    _text(page, 190, 300, "Figure 2: One training step of our method in Python.")
    _prose(page, 72, 540, 320, 720)
    figure = _float(doc, tmp_path, "figure", "2")
    assert figure.bbox is not None and _contains(figure.bbox, (80, 208, 260, 272), slack=3)
    assert figure.bbox[1] > 195 and figure.bbox[3] < 290


def test_two_tables_side_by_side_under_shared_rules_split_them(tmp_path):
    # XGBoost (KDD 2016) Tables 2 and 3: two captions level with each other over rules that run
    # across both; one caption took the whole drawing and the other had no box.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 75, 72, "Table 2: Dataset used in the experiments.")
    _text(page, 317, 72, "Table 3: Comparison of exact greedy methods.")
    _rules(page, 54, 577, [80, 95, 140])
    for i in range(4):
        _text(page, 60, 107 + 11 * i, f"Allstate   10 M   4227   Insurance{i}")
        _text(page, 330, 107 + 11 * i, f"XGBoost   0.{i}84   1.{i}32")
    _prose(page, 54, 290, 160, 720)
    _prose(page, 317, 560, 160, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    left, right = floats[("table", "2")], floats[("table", "3")]
    assert left.bbox is not None and right.bbox is not None
    assert left.bbox[0] < 60 and left.bbox[2] < 317 and right.bbox[0] > 240 and right.bbox[2] > 570


def test_a_bold_caption_label_without_punctuation_is_a_caption(tmp_path):
    # Springer journals: "Fig. 2" and "Table 1" in bold, the caption's text after it in roman with
    # no colon or full stop between; a line that starts "Fig. 3 shows" in roman is running text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 540, 72, 200)
    _plot(page, 150, 220, 450, 380)
    page.insert_text((150, 400), "Fig. 2", fontname="tibo", fontsize=9)
    _text(page, 150 + pymupdf.get_text_length("Fig. 2 ", "tibo", 9), 400, "Proposed general transcription system")
    _rules(page, 150, 450, [440, 455, 520])
    for i in range(4):
        _text(page, 160, 470 + 12 * i, f"Method {i}   0.{60 + i}   0.{70 + i}")
    page.insert_text((150, 432), "Table 1", fontname="tibo", fontsize=9)
    _text(page, 150 + pymupdf.get_text_length("Table 1 ", "tibo", 9), 432, "Best results using the accuracy metric")
    _text(page, 72, 560, "Fig. 3 shows how the accuracy grows with the number of templates in every run.", size=10)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    assert set(floats) == {("figure", "2"), ("table", "1")}
    assert floats[("figure", "2")].caption.startswith("Proposed general") and floats[("figure", "2")].bbox is not None
    assert floats[("table", "1")].caption.startswith("Best results")


def test_a_tables_caption_repeated_on_the_next_page_is_no_text(tmp_path):
    # BMVC: a long table runs onto the next page under "Table 1: ... (continued from previous page)";
    # the sentence cut at the foot of the page before goes on after the table, without that caption.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 80, "1 Results", size=12)
    _text(page, 72, 120, "Table 1: Classification results on the test set for every method we compare.")
    _rules(page, 72, 540, [126, 140])
    for i in range(5):
        _text(page, 80, 152 + 11 * i, f"method {i}    {50 + i}.1    {60 + i}.2    {70 + i}.3", size=8)
    _rules(page, 72, 540, [206])
    _prose(page, 72, 540, 230, 700)
    cut = "As expected, all the recent methods improve the classification accuracy over the spatial his-"
    _text(page, 72, 716, cut, size=10)
    second = doc.new_page(width=612, height=792)
    _text(second, 72, 60, "Table 1: Classification results on the test set (continued from previous page)")
    _rules(second, 72, 540, [66, 80])
    for i in range(5):
        _text(second, 80, 92 + 11 * i, f"method {i + 5}    {50 + i}.4    {60 + i}.5    {70 + i}.6", size=8)
    _rules(second, 72, 540, [146])
    _text(second, 72, 170, "togram of visual words baseline, as the table shows for every class.", size=10)
    paper, _ = _save(doc, tmp_path)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "spatial histogram of visual words baseline, as the table shows" in text, text[-400:]
    assert [t.number for t in paper.tables] == ["1"]
    assert "continued" not in text


def test_a_figures_upper_row_wider_than_the_lower_one_is_in_its_crop(tmp_path):
    # CLIP4Clip's Figure 1: "(a) Main structure" across the page over a narrower "(b) Similarity
    # calculator"; the caption under both. The crop holds both rows.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _text(page, 72, 60, "1 Introduction", size=12)
    page.draw_rect(pymupdf.Rect(80, 80, 530, 190), color=(0, 0, 0), fill=(0.85, 0.9, 1))
    _text(page, 270, 203, "(a) Main structure", size=8)
    page.draw_rect(pymupdf.Rect(100, 212, 495, 300), color=(0, 0, 0), fill=(0.9, 1, 0.85))
    _text(page, 260, 312, "(b) Similarity calculator", size=8)
    _text(page, 72, 332, "Figure 1: The framework of the model, with a text encoder, a video encoder and a similarity calculator "
                         "that compares the two")
    _text(page, 72, 343, "representations: the text and the frames are encoded apart and then compared by the calculator.")
    _prose(page, 72, 540, 360, 700)
    fig = _float(doc, tmp_path, "figure", "1")
    assert _contains(fig.bbox, (80, 80, 530, 190)) and _contains(fig.bbox, (100, 212, 495, 300)), fig.bbox
