"""Float crops (issue 14, item 5), the fifteenth split's second part: a caption whose first line
holds its label and title in the text's size and the rest in the captions' smaller type, and a
table set without a rule or a drawing. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import RUNNING
from pdf_pages import _line as _fill
from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return paper, {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _flush(page, x0: float, x1: float, y: float, words: str, size: float, font: str = "tiro") -> None:
    """A justified line: the words spread from x0 to x1 with equal spaces (it fills the measure)."""
    words = words.split()
    lengths = [pymupdf.get_text_length(w, fontname=font, fontsize=size) for w in words]
    space = (x1 - x0 - sum(lengths)) / (len(words) - 1)
    x = x0
    for word, length in zip(words, lengths):
        page.insert_text((x, y), word, fontname=font, fontsize=size)
        x += length + space


def test_a_caption_going_on_in_smaller_type_from_its_first_line_is_one_caption(tmp_path):
    # ICLR 2017: "Table 2: **Test results across all tasks and methods.**" in the text's 10 pt, the
    # line going on "For tasks T1-T5 results are given in the standard" in 9 pt, and six more 9 pt
    # lines under it. Most of the first line was 10 pt, so it was read as a block alone, 86 pt
    # over the table under the caption: out of reach, the table had no box and the caption lost
    # all but its first line.
    doc = pymupdf.open()
    page = _page(doc)
    x0, x1 = 108.0, 504.0
    page.insert_text((x0, 100), "Table 2:", fontname="tiro", fontsize=10)
    page.insert_text((x0 + 38, 100), "Test results across all tasks and methods.", fontname="tibo", fontsize=10)
    start = x0 + 38 + pymupdf.get_text_length("Test results across all tasks and methods. ", fontname="tibo", fontsize=10)
    text, k = _fill(RUNNING, 0, x1 - start - 5, 9)
    _flush(page, start, x1, 100, text, 9)
    y = 111.0
    for _ in range(6):
        text, k = _fill(RUNNING, k, x1 - x0 - 5, 9)
        _flush(page, x0, x1, y, text, 9)
        y += 11
    page.insert_text((x0, y), "the bot, which accommodates the much larger range of responses.", fontname="tiro", fontsize=9)
    top, bottom = 187.0, 307.0
    page.draw_rect((112, top, 504, bottom), color=(0, 0, 0), width=0.3)
    for k in range(1, 15):
        _rule(page, 112, 504, top + k * 8.2, 0.3)
    for x in (211, 254, 320, 380, 440):
        page.draw_line((x, top), (x, bottom), color=(0, 0, 0), width=0.3)
    for k in range(14):
        page.insert_text((115, top + 7 + k * 8.2), f"T{k + 1}: Issuing API calls", fontname="tiro", fontsize=7)
        for x in (214, 257, 323, 383, 443):
            page.insert_text((x, top + 7 + k * 8.2), f"{50 + k}.{k} ({k})", fontname="tiro", fontsize=7)
    _lines(page, x0, x1, 350, 30)
    paper, floats = _parse(doc, tmp_path)
    table = floats[("table", "2")]
    assert table.bbox is not None
    box = table.bbox
    assert abs(box[0] - 112) < 3 and abs(box[1] - top) < 3 and abs(box[2] - 504) < 3 and abs(box[3] - bottom) < 3, box
    assert "much larger range of responses" in table.caption


def test_a_table_set_without_rules_has_the_box_of_its_rows(tmp_path):
    # AISTATS 2011: "Table 1: Summary of algorithms ..." across the page, under it a head row "(A)
    # (B) (C)" and four rows of formulas in columns ("FOBOS  x_t+1 = arg min_x  g_1:t · x  + ...",
    # a sum's limits in small type between the rows), no rule and no drawing; the two columns of
    # text 30 pt under it. No rule or graphic to stand on: the table had no box.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((76, 90), "Table 1:", fontname="tiro", fontsize=10)
    text, k = _fill(RUNNING, 0, 562 - 115 - 5, 10)
    _flush(page, 115, 562, 90, text, 10)
    page.insert_text((76, 102), "where each objective has three components, as described in Section 1.",
                     fontname="tiro", fontsize=10)
    page.insert_text((268, 118), "(A)", fontname="tiro", fontsize=10)
    page.insert_text((332, 118), "(B)", fontname="tiro", fontsize=10)
    page.insert_text((438, 118), "(C)", fontname="tiro", fontsize=10)
    names = ("FOBOS", "AOGD", "RDA", "FTRL-Proximal")
    for k, name in enumerate(names):
        y = 134 + 15.3 * k
        page.insert_text((168 - pymupdf.get_text_length(name, fontname="tiro", fontsize=10), y), name,
                         fontname="tiro", fontsize=10)
        page.insert_text((178, y), "xt+1", fontname="tiro", fontsize=10)
        page.insert_text((207, y), "= arg min x", fontname="tiro", fontsize=10)
        page.insert_text((265, y), "g1:t x", fontname="tiro", fontsize=10)
        page.insert_text((312, y), "+ phi x + Psi(x)", fontname="tiro", fontsize=10)
        page.insert_text((418, y), "+ 1/2 sum Q (x - xs)", fontname="tiro", fontsize=10)
        page.insert_text((436, y - 6), "t", fontname="tiro", fontsize=5)  # the sum's limit over it
        page.insert_text((436, y + 4), "s=1", fontname="tiro", fontsize=5)  # and under it
    _lines(page, 76, 310, 214, 30)
    _lines(page, 328, 562, 214, 30, start=7)
    paper, floats = _parse(doc, tmp_path)
    box = floats[("table", "1")].bbox
    assert box is not None
    assert 100 < box[0] < 106 and 105 < box[1] < 110 and 495 < box[2] < 505 and 180 < box[3] < 186, box


def test_prose_under_a_caption_is_no_unruled_table(tmp_path):
    # The rows under a caption with nothing drawn near it are the page's text: no box.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((76, 90), "Table 3: Results of the runs, given in the appendix for want of room.",
                     fontname="tiro", fontsize=10)
    _lines(page, 76, 310, 110, 30)
    _lines(page, 328, 562, 110, 30, start=7)
    paper, floats = _parse(doc, tmp_path)
    assert floats[("table", "3")].bbox is None


def test_rows_stopping_at_a_spanning_head_are_no_unruled_table(tmp_path):
    # OSDI 2014: "Table 5: Min. number of nodes ..." under its rows "1  37%  43%", its head
    # "Number  cumulative distribution function" over "of nodes  all failures  catastrophic": the
    # spanning head's piece is wider than half the caption. The rows up to it are a part of the
    # table, and a part is no crop of it: no box rather than a cut one.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((104, 77), "Number", fontname="tiro", fontsize=9)
    page.insert_text((147, 77), "cumulative distribution function", fontname="tiro", fontsize=9)
    for k, (a, b, c) in enumerate((("of nodes", "all failures", "catastrophic"), ("1", "37%", "43%"),
                                   ("2", "84%", "86%"), ("3", "98%", "98%"), ("> 3", "100%", "100%"))):
        y = 88 + 11 * k
        page.insert_text((104, y), a, fontname="tiro", fontsize=9)
        page.insert_text((150, y), b, fontname="tiro", fontsize=9)
        page.insert_text((210, y), c, fontname="tiro", fontsize=9)
    page.insert_text((104, 150), "Table 5: Min. number of nodes needed to trigger the failures.", fontname="tiro", fontsize=9)
    _lines(page, 72, 300, 175, 30)
    _lines(page, 345, 541, 80, 40, start=7)
    paper, floats = _parse(doc, tmp_path)
    assert floats[("table", "5")].bbox is None


def test_rows_reaching_past_a_short_caption_are_no_unruled_table(tmp_path):
    # MNRAS 2024: "Table 2. A comparison between ..." on one line narrower than its table, whose
    # last column stands past the caption's end. The rows within the caption's width are a part
    # of the table, and a part is no crop of it: no box rather than a cut one.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((112, 90), "Table 2. A comparison between the constraints on the parameters.", fontname="tiro", fontsize=9)
    for k in range(5):
        y = 108 + 11 * k
        page.insert_text((112, y), f"Slope {k}", fontname="tiro", fontsize=9)
        for x in (180, 250, 320, 390, 460):
            page.insert_text((x, y), f"0.{k}{x % 7}", fontname="tiro", fontsize=9)
    _lines(page, 72, 541, 190, 30)
    paper, floats = _parse(doc, tmp_path)
    assert floats[("table", "2")].bbox is None
