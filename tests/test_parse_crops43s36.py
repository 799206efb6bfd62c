"""Float crops, the thirty-sixth held-out split's study (session 43). Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _rule  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402

# (a name in small type, and its meaning in the text's type, wrapped at a line's pitch of 12 pt;
# the rows 16.4 pt apart)
_ROWS = (
    ("Lfwd", ["predict the goal from the", "current state and action pair"]),
    ("Lbwd", ["Backward loss that will pre-", "dict the current state and the action", "from the future state alone"]),
    ("Lsym", ["Symmetric loss that com-", "bines the forward and the backward", "losses into one of them"]),
    ("Lsac", ["Temporal difference loss"]),
)


def _subtable(page, x0: float, x1: float, top: float) -> float:
    """A sub-table ruled over and under, its rows a name and a meaning of up to three lines; returns its foot."""
    _rule(page, x0, x1, top, 0.8)
    y = top + 12
    for name, meaning in _ROWS:
        page.insert_text((x0 + 4, y + 1.5), name, fontname="tiro", fontsize=7)
        for k, text in enumerate(meaning):
            page.insert_text((x0 + 34, y + 12 * k), text, fontname="tiro", fontsize=10)
        y += 12 * len(meaning) + 4.4
    _rule(page, x0, x1, y - 6, 0.8)
    return y - 6


def test_a_cells_lines_end_at_a_rows_gap_beside_the_next_rows_name(tmp_path):
    # arXiv 2025 (a preprint in Palatino): a sub-table ruled over and under, each row a name in small
    # type and its meaning wrapped over up to three lines at a 12 pt pitch, the rows 16.4 pt apart.
    # A meaning's wrapped line was read as going on into the next rows (16.4 pt is within a line's
    # pitch and a half), beside their names: taken for running text between the rules, which were
    # then no table's, and the table had no crop. (Its caption 31 pt over the top rule here: a
    # caption right over it makes the rules a frame, whatever stands between them.)
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 80, 10)
    page.insert_text((150, 216), "Table 1: Losses tested", fontname="tiro", fontsize=10)
    foot = _subtable(page, 108, 300, 250)
    _lines(page, 108, 504, foot + 30, 12, start=60)
    paper, floats = _parse(doc, tmp_path)
    table = floats.get(("table", "1"))
    assert table is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert table.bbox is not None and table.bbox[1] <= 251 and table.bbox[3] >= foot - 1, (table.bbox, foot)


def test_a_table_takes_the_row_of_sub_tables_under_its_sub_captions(tmp_path):
    # arXiv 2025: "Table 1: Summary of methods ..." over ruled rows, then "(a) Losses" and "(b)
    # Architectures" side by side, each over a sub-table of its own rules, wider than the table over
    # them. The crop held the ruled rows and the sub-captions alone, 146 pt short.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 80, 10)
    page.insert_text((200, 218), "Table 1: Summary of methods and modifications tested", fontname="tiro", fontsize=10)
    for y in (226, 243, 285):
        _rule(page, 132, 480, y, 0.8 if y != 243 else 0.5)
    page.insert_text((136, 238), "Method   Description", fontname="tiro", fontsize=10)
    page.insert_text((365, 238), "Losses", fontname="tiro", fontsize=10)
    page.insert_text((437, 238), "Critics", fontname="tiro", fontsize=10)
    for k, (method, text, loss) in enumerate((("CRL", "Contrastive RL [22]", "{Lfwd, Lbwd}"),
                                              ("SAC", "Soft Actor-Critic [27]", "{Lsac}"),
                                              ("CMD-1", "Contrastive metric distillation", "{Lbwd}"))):
        page.insert_text((136, 256 + 12 * k), method, fontname="tiro", fontsize=10)
        page.insert_text((180, 256 + 12 * k), text, fontname="tiro", fontsize=10)
        page.insert_text((340, 256 + 12 * k), loss, fontname="tiro", fontsize=10)
    page.insert_text((176, 307), "(a) Losses", fontname="tiro", fontsize=10)
    page.insert_text((377, 307), "(b) Architectures", fontname="tiro", fontsize=10)
    foot = _subtable(page, 107, 289, 317)
    _subtable(page, 315, 513, 317)
    _lines(page, 108, 504, foot + 40, 12, start=60)
    paper, floats = _parse(doc, tmp_path)
    table = floats.get(("table", "1"))
    assert table is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert table.bbox is not None and table.bbox[0] <= 108 and table.bbox[2] >= 512 and \
        table.bbox[1] <= 227 and table.bbox[3] >= foot - 1, (table.bbox, foot)


def test_an_algorithms_caption_inside_its_frame_is_no_label_of_the_figure_beside_it(tmp_path):
    # CIDR 2025 (acmart): a figure across the page, a diagram on the left and, 3 pt right of it,
    # "Algorithm 1 Optimized Plan Selection" between rules with its numbered steps, "Figure 1: ..."
    # under both. The algorithm's caption line, inside its frame, was taken for a label at the
    # diagram's edge; the algorithm then had no caption on the page, and the figure's crop grew
    # over its frame.
    doc = pymupdf.open()
    page = _page(doc)
    for i in range(3):
        page.draw_rect(pymupdf.Rect(70 + 95 * i, 90, 150 + 95 * i, 210), color=(0.2, 0.3, 0.8), width=0.8)
        page.insert_text((80 + 95 * i, 150), f"Stage {i + 1}", fontname="helv", fontsize=8)
    page.draw_rect(pymupdf.Rect(57, 84, 358.7, 223.4), color=(0.6, 0.6, 0.6), width=0.5)
    _rule(page, 361.6, 554, 84.3, 0.8)
    page.insert_text((361.7, 93), "Algorithm 1 Optimized Plan Selection", fontname="tibo", fontsize=9)
    _rule(page, 361.6, 554, 96.5, 0.5)
    for k in range(14):
        page.insert_text((366, 106 + 8 * k), f"{k + 1}: plans = getPlans(step{k + 1})", fontname="tiro", fontsize=7)
    _rule(page, 361.6, 554, 222.8, 0.5)
    page.insert_text((54, 235), "Figure 1: Overview of the system. Users write their programs in a declarative "
                     "language which is compiled into plans.", fontname="tibo", fontsize=9)
    _lines(page, 54, 295, 270, 30)
    _lines(page, 318, 558, 270, 30, start=80)
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None, [(f.kind, f.number) for f in paper.figures + paper.tables]
    assert figure.bbox is not None and figure.bbox[0] <= 58 and 357 <= figure.bbox[2] <= 361, figure.bbox


_QUERY = ("select R.c, S.d, count(*)", "from R, S", "where R.a = S.a and R.b = S.b and p1(R) and p2(S)",
          "group by R.c, S.d")


def _plans_under_query(doc, lead: str):
    """An IEEE page of two columns: the right column's paragraph ending in `lead`, then the query
    in 8 pt Courier, 18 pt under it two plans drawn side by side over "(a)" and "(b)", and "Fig. 1.
    Two Distributed Execution Plans" under them; returns the query's first line's top."""
    page = _page(doc)
    _lines(page, 54, 300, 80, 55)
    y, _ = _lines(page, 312, 562, 80, 22, start=300)
    page.insert_text((312, y), lead, fontname="tiro", fontsize=10)
    y += 12
    top = y + 2.4 - 6.6
    for k, text in enumerate(_QUERY):
        page.insert_text((312, y + 2.4 + 9 * k), text, fontname="cour", fontsize=8)
    graphic = y + 2.4 + 27 + 19
    for x in (330, 450):
        for k in range(3):
            page.draw_rect(pymupdf.Rect(x + 10, graphic + 40 * k, x + 70, graphic + 40 * k + 20), color=(0, 0, 0),
                           width=0.6)
            page.insert_text((x + 20, graphic + 40 * k + 13), "HashJoin", fontname="helv", fontsize=8)
    page.insert_text((330, graphic + 125), "(a) Always partition", fontname="tiro", fontsize=10)
    page.insert_text((432, graphic + 125), "(b) Fewer partition operators", fontname="tiro", fontsize=10)
    page.insert_text((369, graphic + 141), "Fig. 1.   Two Distributed Execution Plans", fontname="tiro", fontsize=8)
    _lines(page, 312, 562, graphic + 155, 8, start=600)
    return top


def test_a_query_right_over_a_figures_plans_in_the_captions_type_is_the_figures(tmp_path):
    # ICDE 2010 (dvips): "... over a cluster of, say, 500 machines." ends a paragraph; under it the
    # query in 8 pt Courier (the caption's size, the text's is 10 pt), and 18 pt under the query the
    # two plans drawn for it, "Fig. 1. Two Distributed Execution Plans" under them. The plans alone
    # were cropped, the query read into the text.
    doc = pymupdf.open()
    top = _plans_under_query(doc, "a cluster of, say, 500 machines.")
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None and figure.bbox is not None, [(f.kind, f.number, f.bbox) for f in paper.figures]
    assert figure.bbox[1] <= top + 1 and figure.bbox[0] <= 313, (figure.bbox, top)


def test_a_listing_the_text_introduces_over_a_figure_stays_the_texts(tmp_path):
    # (the same page, the paragraph introducing the query: "... is the following:": a listing in the
    # text, over a figure placed after it)
    doc = pymupdf.open()
    top = _plans_under_query(doc, "and the query we use is the following:")
    paper, floats = _parse(doc, tmp_path)
    figure = floats.get(("figure", "1"))
    assert figure is not None and figure.bbox is not None, [(f.kind, f.number, f.bbox) for f in paper.figures]
    assert figure.bbox[1] > top + 30, (figure.bbox, top)
