"""Figure crops of the thirty-third split (session 41), each drawn here with PyMuPDF in the shape a
real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _floats, _save, _text
from pdf_pages import justified as _justified, prose as _prose


def _plan(page, top: float, root: str, join: str, edge: float = 5.4, root_font: str = "tiro",
          join_font: str = "tiro") -> None:
    """A query plan drawn as a tree: the root's label, a short edge under it down to the join's
    label, the join's two branches (hairlines) down to their leaves' labels."""
    page.insert_text((178, top + 8), root, fontname=root_font, fontsize=7)  # the root, ~10 pt high
    y = top + 13.5  # the edge, 3 pt under the root's label
    page.draw_line((200.6, y), (200.6, y + edge), width=0.4)
    y += edge + 3.5  # the join's label, 3.5 pt under the edge
    page.insert_text((180, y + 7), join, fontname=join_font, fontsize=7)
    y += 11
    # left branch: a slant and an upright stroke down to the leaves
    page.draw_line((184.9, y), (158.1, y + 12.5), width=0.4)
    page.draw_line((158.1, y + 12.5), (158.1, y + 44.8), width=0.4)
    page.draw_line((150.2, y + 59.5), (144.3, y + 65.0), width=0.4)
    page.draw_line((166.0, y + 59.5), (173.1, y + 66.1), width=0.4)
    # right branch
    page.draw_line((216.4, y), (235.7, y + 9.0), width=0.4)
    page.draw_line((217.1, y + 15.9), (235.7, y + 24.6), width=0.4)
    page.draw_line((250.6, y + 15.9), (267.0, y + 23.6), width=0.4)
    page.draw_line((285.7, y + 41.0), (285.7, y + 45.7), width=0.4)
    page.insert_text((250, y + 35), "G d.id;m:min(e2.grade)", fontname="tiro", fontsize=7)
    page.insert_text((117, y + 76), "students s   exams e", fontname="tiro", fontsize=10)
    page.insert_text((267, y + 76), "exams e2", fontname="tiro", fontsize=10)


def test_a_tree_keeps_its_root_joined_by_a_short_edge(tmp_path):
    # BTW 2015 (unnesting arbitrary queries) "Figure 3: Query Q1, Transformation Step 1": a query
    # plan atop the page, its root "σ e.grade=m" joined to the join's label under it by an edge 5 pt
    # long, 12 pt over the branches' strokes: too small a mark to keep, the root was left out of the
    # crop.
    doc = pymupdf.open()
    page = doc.new_page(width=439, height=666)
    _plan(page, 66.9, "s e.grade=m", "J s.id=d.id")
    _text(page, 141.8, 209.1, "Figure 3: Query Q1, Transformation Step 1")
    _prose(page, 44.5, 394.8, 230, 600)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "3")]
    assert figure.bbox is not None and figure.bbox[1] <= 69, figure.bbox
    assert figure.bbox[3] < 200, figure.bbox


def test_a_tree_keeps_its_root_over_a_long_predicate(tmp_path):
    # BTW 2015 "Figure 9: Query Q2, Optimized Form ...": the root "Π s.name,e.course" joined by an
    # edge 17 pt long to the join under it, whose label is a predicate in mathematics 60 characters
    # long, "⋈ e.grade>m+1∧(d.id=s.id∨(d.year>e.date∧...))": a node too, the root was cut off.
    doc = pymupdf.open()
    page = doc.new_page(width=439, height=666)
    _prose(page, 44.5, 394.8, 60, 250)
    _plan(page, 306.1, "P s.name,e.course", "J e.g>m+1 (d.i=s.i (d.y>e.d e.c=d.m)) (d.i=s.i (d.y>e.d))",
          edge=17.3, join_font="symb")
    _text(page, 141.8, 470, "Figure 9: Query Q2, Optimized Form with Sideways Information Passing")
    _prose(page, 44.5, 394.8, 490, 600)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "9")]
    assert figure.bbox is not None and figure.bbox[1] <= 308, figure.bbox
    assert figure.bbox[1] > 250, figure.bbox


def test_an_unruled_table_wider_than_its_centred_caption_is_cropped(tmp_path):
    # SIGMOD 2019 demo (DuckDB) "Table 1: DuckDB: Component Overview": six rows of three cells with
    # no rule, 204 pt wide atop the right column, over a bold caption centred under them, 179 pt
    # wide; one row's first two cells 10 pt apart read as one piece, "Concurrency Control
    # Serializable MVCC". Cells reach past the caption's ends: the table's box was missing.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 54, 294, 80, 700)
    rows = [("API", "C/C++/SQLite", ""), ("SQL Parser", "libpg_query", "[2]"), ("Optimizer", "Cost-Based", "[7, 9]"),
            ("Execution Engine", "Vectorized", "[1]"), ("Concurrency Control", "Serializable MVCC", "[10]"),
            ("Storage", "DataBlocks", "[5]")]
    for k, (name, kind, ref) in enumerate(rows):
        y = 92 + 12 * k
        page.insert_text((336.1, y), name, fontname="tiro", fontsize=10)
        page.insert_text((432.8, y), kind, fontname="tiro", fontsize=10)
        if ref:
            page.insert_text((545 - pymupdf.get_text_length(ref, fontname="tiro", fontsize=10), y), ref,
                             fontname="tiro", fontsize=10)
    page.insert_text((348.4, 165), "Table 1: DuckDB: Component Overview", fontname="tibo", fontsize=10)
    _prose(page, 318, 558, 235, 700)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "1")]
    assert table.bbox is not None, table
    assert table.bbox[0] <= 337 and table.bbox[2] >= 544 and table.bbox[1] <= 85 and 150 <= table.bbox[3] < 157, table.bbox




def test_two_captions_side_by_side_the_right_one_a_line_higher_stay_apart(tmp_path):
    # NeurIPS 2020 (SimCLRv2): "Figure 1: Bigger models yield" under a plot at the left, and 7.9 pt
    # right of it "ods [1, 2] and our method ...", the second line of "Figure 2: Top-1 accuracy ...",
    # which opens a line higher under two bar charts. Read as one line, the captions were one:
    # Figure 1's caption ran under both, and its crop took Figure 2's left chart.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 108, 504, 380, 480)
    _plot = [(112.8, 513.7, 222.0, 597.4), (236.1, 513.7, 352.2, 586.4), (357.2, 513.4, 502.3, 586.7)]
    for x0, y0, x1, y1 in _plot:
        page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.6)
        for k in range(4):
            page.draw_rect(pymupdf.Rect(x0 + 10 + 22 * k, y1 - 12 - 9 * k, x0 + 24 + 22 * k, y1), color=(0, 0, 0),
                           fill=(0.2, 0.3, 0.7), width=0.3)
    page.insert_text((234.7, 601.5), "Figure 2: Top-1 accuracy of previous state-of-the-art (SOTA) meth-",
                     fontname="tiro", fontsize=9.9)
    left = ["Figure 1: Bigger models yield", "larger gains when fine-tuning", "with fewer labeled examples."]
    right = ["ods [1, 2] and our method (SimCLRv2) on ImageNet using only 1%",
             "or 10% of the labels. Dashed line denotes fully supervised ResNet-50",
             "trained with 100% of labels. Full comparisons in Table 3."]
    for k, a in enumerate(left):  # (each caption's lines come apart, a minipage after the other)
        _justified(page, 108.0, 226.8 if k < 2 else 224.0, 612.3 + 10.9 * k, a, 9.9)  # (7.9 pt short of the right caption)
    for k, b in enumerate(right):
        page.insert_text((234.7, 612.5 + 10.9 * k), b, fontname="tiro", fontsize=9.9)
    _prose(page, 108, 504, 650, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    first, second = floats[("figure", "1")], floats[("figure", "2")]
    assert first.caption == "Bigger models yield larger gains when fine-tuning with fewer labeled examples.", first.caption
    assert second.caption.startswith("Top-1 accuracy of previous state-of-the-art (SOTA) methods [1, 2] and our"), \
        second.caption
    assert first.bbox is not None and first.bbox[2] < 230, first.bbox


def test_a_plot_under_an_algorithms_frame_leaves_the_frame_out(tmp_path):
    # DaMoN 2011 "Figure 4: Fetching columns of data from a hash table ...": two plots stacked 11 pt
    # under the bottom rule of "Algorithm 5 Fully loop-compiled hash probing ...", whose code stands
    # between the rule right under its caption and that bottom rule. The frame was taken as a row
    # of the figure's panels: the crop held the code.
    doc = pymupdf.open()
    page = doc.new_page(width=596, height=842)
    _prose(page, 54, 280, 60, 780)
    page.draw_line((316.8, 54.3), (555.9, 54.3), width=0.8)
    page.insert_text((316.8, 63), "Algorithm 5 Fully loop-compiled hash probing: for each", fontname="tibo", fontsize=9)
    page.insert_text((316.8, 73.5), "NSM tuple, read hash bucket from B, loop through a chain", fontname="tiro", fontsize=9)
    page.insert_text((316.8, 84), "in V, fetching results when the check produces a match", fontname="tiro", fontsize=9)
    page.draw_line((316.8, 87.8), (555.9, 87.8), width=0.4)
    code = ["for (idx i=0, j=0; i<n; i++) {", "  idx pos, hash = HASH(key1[i])^HASH(key2[i]);",
            "  if (pos = B[hash&(N-1)]) do {", "    if (key1[i]==V[pos].key1 &&", "        key2[i]==V[pos].key2) {",
            "      res1[i] = V[pos].col1;", "      res2[i] = V[pos].col2;", "      break; // found match",
            "    }", "  } while (pos = V.next[pos]); // next", "}"]
    for k, text in enumerate(code):
        page.insert_text((317.6, 102 + 8 * k), text, fontname="cour", fontsize=7)
    page.draw_line((316.8, 199.8), (555.9, 199.8), width=0.4)
    for y0, y1 in ((211.4, 350.0), (356.7, 425.2)):  # the two plots, their frames and curves
        page.draw_rect(pymupdf.Rect(342, y0, 553.9, y1), color=(0, 0, 0), width=0.5)
        page.draw_polyline([(350 + 21 * i, y1 - 5 - (i * 13) % (y1 - y0 - 10)) for i in range(10)], color=(0, 0.5, 0),
                           width=0.6)
        for i in range(4):
            page.insert_text((333.2, y1 - i * (y1 - y0) / 4), str(100 * i), fontname="helv", fontsize=6)
    for i in range(10):
        page.insert_text((352.3 + 21.3 * i, 440.4), str(i + 1), fontname="helv", fontsize=6)
    page.insert_text((413.4, 454.8), "Number of fetched columns", fontname="helv", fontsize=6)
    page.insert_text((316.8, 487.3), "Figure 4: Fetching columns of data from a hash ta-", fontname="tibo", fontsize=9)
    page.insert_text((316.8, 497.8), "ble: cycles per tuple and total TLB misses", fontname="tibo", fontsize=9)
    _prose(page, 316.8, 555.9, 520, 780)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "4")]
    assert figure.bbox is not None and 205 <= figure.bbox[1] <= 212, figure.bbox
    assert figure.bbox[3] >= 454, figure.bbox


def _plot(page, x0: float, y0: float, x1: float, y1: float) -> None:
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.5)
    page.draw_polyline([(x0 + 8 + 15 * i, y1 - 5 - (i * 11) % (y1 - y0 - 10)) for i in range(int((x1 - x0 - 16) / 15))],
                       color=(0.6, 0, 0.6), width=0.6)
    for i in range(3):
        page.insert_text((x0 - 9, y1 - i * (y1 - y0) / 3), str(50 + i), fontname="helv", fontsize=5)


def test_a_figures_top_row_right_under_the_caption_of_the_figure_above_stays_in_its_crop(tmp_path):
    # CVPR 2023: Figure 4's plots (a) and (b) stand 3 pt under the last line of Figure 3's caption,
    # (c) and (d) under them, Figure 4's caption under all; a figure's caption frames nothing under
    # it, so the top row is Figure 4's (the rule for an algorithm's frame under its caption took it).
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 50, 295, 72, 720)
    _plot(page, 320, 72, 550, 150)
    page.insert_text((310, 166), "Figure 3. Robust accuracy of networks on C-10 with (a) basic,", fontname="tiro", fontsize=9)
    page.insert_text((310, 177), "(b) bottleneck, and (c) inverted bottleneck blocks, with post and", fontname="tiro",
                     fontsize=9)
    for x0, x1 in ((322, 425), (445, 548)):
        _plot(page, x0, 180, x1, 243)
        _plot(page, x0, 272, x1, 337)
        for y in (250, 344):
            for i in range(5):
                page.insert_text((x0 + 5 + 22 * i, y), str(2 ** i), fontname="helv", fontsize=5)
    page.insert_text((360, 257), "Cardinality", fontname="helv", fontsize=6)
    page.insert_text((488, 257), "Scales", fontname="helv", fontsize=6)
    page.insert_text((365, 268), "(a)", fontname="tiro", fontsize=7)
    page.insert_text((490, 268), "(b)", fontname="tiro", fontsize=7)
    page.insert_text((365, 356), "(c)", fontname="tiro", fontsize=7)
    page.insert_text((490, 356), "(d)", fontname="tiro", fontsize=7)
    page.insert_text((310, 374), "Figure 4. (a, b) show effects of cardinality and scales for a low-", fontname="tiro",
                     fontsize=9)
    page.insert_text((310, 385), "capacity network; (c, d) compare the blocks at equal parameters.", fontname="tiro",
                     fontsize=9)
    _prose(page, 310, 555, 400, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    figure = floats[("figure", "4")]
    assert figure.bbox is not None and figure.bbox[1] <= 181, (figure.bbox, floats)
    assert floats[("figure", "3")].bbox[3] <= 160, floats[("figure", "3")].bbox
