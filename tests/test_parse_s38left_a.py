"""Float crops (issue 14: real papers read faithfully), the thirty-eighth session's leftovers (a):
listings set in URW's Courier clone, numbered listings, listings over a figure's drawings, a table's
notes under its rules, a y-axis title beyond its tick labels, another float's caption over a figure.
Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _parse, _rule

from paperkit.reading.parse import parse_pdf


def _urw_courier(doc, page, alias: str = "F9") -> str:
    """Courier embedded under the name URW's clone has in Ghostscript's and TeX's fonts,
    "NimbusMonL-Regu" (no "mono" in it), as USENIX papers of the 2010s embed it."""
    buffer = pymupdf.Font("cour").buffer.replace(b"NimbusMonoPS-Regular", b"NimbusMonL-Regu-Ext8")
    page.insert_font(fontname=alias, fontbuffer=buffer)
    xref = next(f[0] for f in page.get_fonts() if f[4] == alias)
    doc.xref_set_key(xref, "BaseFont", "/NimbusMonL-Regu")
    return alias


CODE = ["class ILoglet {", "    logpos_t append(Entry payload);", "    pair<logpos_t,bool> checkTail();",
        "    Entry readNext(logpos_t min, logpos_t max);", "    logpos_t prefixTrim(logpos_t trimpos);",
        "    void seal();", "}", "class IVirtualLog : public ILoglet {", "    bool reconfigExtend(LogCfg cfg);",
        "    bool reconfigTruncate();", "}"]


def test_a_listing_in_urw_courier_over_its_caption_is_the_figure(tmp_path):
    # OSDI 2020: "Figure 2: Loglet and VirtualLog APIs." under a listing in NimbusMonL-Regu, nothing
    # drawn. The font's name says no "mono": the lines were no code, and the figure had no box.
    doc = pymupdf.open()
    page = _page(doc)
    mono = _urw_courier(doc, page)
    for k, text in enumerate(CODE):
        page.insert_text((60, 90 + 12 * k), text, fontname=mono, fontsize=9)
    page.insert_text((100, 90 + 12 * len(CODE) + 16), "Figure 2: Loglet and VirtualLog APIs.", fontname="tiro",
                     fontsize=10)
    _lines(page, 60, 290, 90 + 12 * len(CODE) + 50, 25)
    _lines(page, 320, 552, 90, 50)
    figure = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert figure is not None and figure[1] <= 83 and figure[0] <= 61 and figure[3] >= 90 + 12 * (len(CODE) - 1), figure


def test_a_numbered_listing_with_blank_lines_is_the_figure_with_its_numbers(tmp_path):
    # USENIX ATC 2015: "Figure 5: Implementations of add and dot in Spartan." under a listing in
    # NimbusMonL, each line numbered in the text's Times left of it (each line a block apart, number
    # and code), lines 3 and 8 blank, lines running past the caption's end. The crop held the lines
    # under the last blank line alone, and left the numbers out.
    doc = pymupdf.open()
    page = _page(doc)
    mono = _urw_courier(doc, page)
    code = ["import spartan", "", "# element-wise array addition", "def add(a, b):",
            "    return spartan.map(a, b, f=numpy.add)", "", "# matrix multiplication", "def dot(a, b):",
            "    if a.shape[0] <= a.shape[1]:", "        return spartan.join(a, b)", "    else:",
            "        return spartan.join(b, a)"]
    for k, text in enumerate(code):
        y = 90 + 9.5 * k
        number = str(k + 1)
        page.insert_text((83.5 - pymupdf.get_text_length(number, "tiro", 8), y), number, fontname="tiro", fontsize=8)
        if text:
            page.insert_text((93.5, y), text, fontname=mono, fontsize=8)
    page.insert_text((90, 90 + 9.5 * len(code) + 18), "Figure 5: The add and dot operators.", fontname="tiro",
                     fontsize=10)
    _lines(page, 72, 290, 90 + 9.5 * len(code) + 50, 25)
    _lines(page, 320, 540, 90, 50)
    figure = _parse(doc, tmp_path)[("figure", "5")].bbox
    assert figure is not None and figure[0] <= 77 and figure[1] <= 84 and figure[3] >= 90 + 9.5 * (len(code) - 1), figure


def test_listings_over_a_figures_drawings_are_the_figures(tmp_path):
    # arXiv 2016: two listings side by side, "(a) Inlined query in pull engine." and "(b) ..." under
    # them, over two control-flow graphs and their panel captions, one caption under all four. The
    # drawings alone were cropped.
    doc = pymupdf.open()
    page = _page(doc)
    mono = _urw_courier(doc, page)
    listing = ["var sum = 0.0", "var index = 0", "while(index < n) {", "  val rec = R(index)", "  index += 1",
               "  if(rec.A < 10)", "    sum += rec.B", "}", "return sum"]
    for x in (320, 440):
        for k, text in enumerate(listing):
            page.insert_text((x, 70 + 8 * k), text, fontname=mono, fontsize=6.3)
    page.insert_text((325, 70 + 8 * len(listing) + 10), "(a) Inlined query in pull.", fontname="tiro", fontsize=8)
    page.insert_text((445, 70 + 8 * len(listing) + 10), "(b) Inlined query in push.", fontname="tiro", fontsize=8)
    top = 70 + 8 * len(listing) + 22
    for x in (330, 450):
        for k in range(4):
            page.draw_rect(pymupdf.Rect(x + 30, top + 30 * k, x + 50, top + 30 * k + 14), color=(0, 0, 0), width=0.5)
            if k:
                page.draw_line((x + 40, top + 30 * k - 16), (x + 40, top + 30 * k), color=(0, 0, 0), width=0.5)
    page.insert_text((325, top + 130), "(c) The graph in pull.", fontname="tiro", fontsize=8)
    page.insert_text((445, top + 130), "(d) The graph in push.", fontname="tiro", fontsize=8)
    page.insert_text((315, top + 150), "Figure 3: Specialized version of the example query in pull and push",
                     fontname="tiro", fontsize=9)
    page.insert_text((315, top + 161), "engines and the corresponding control-flow graphs.", fontname="tiro", fontsize=9)
    _lines(page, 315, 552, top + 190, 25)
    _lines(page, 60, 290, 70, 55)
    figure = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert figure is not None and figure[1] <= 66 and figure[3] >= top + 100, figure


def _ruled_table(page, x0: float, x1: float, top: float, rows: int = 4) -> float:
    """A table of ruled rows (a rule over and under each row, two columns); the foot's y."""
    y = top
    _rule(page, x0, x1, y)
    for k in range(rows):
        page.insert_text((x0 + 6, y + 10), f"# users {k + 1}", fontname="tiro", fontsize=8)
        page.insert_text(((x0 + x1) / 2 + 6, y + 10), f"{141487 + 5 * k:,}", fontname="tiro", fontsize=8)
        y += 13
        _rule(page, x0, x1, y)
    page.draw_line(((x0 + x1) / 2, top), ((x0 + x1) / 2, y), color=(0, 0, 0), width=0.4)
    return y


def test_a_note_under_a_tables_rules_reaching_past_them_is_no_part_of_its_crop(tmp_path):
    # WWW 2018: Table 1's caption over its ruled rows, and under them, in 6 pt, '"#" denotes "the
    # number of".' starting 14 pt left of the rules: taken in as the table's label, it widened the
    # crop past the table by 24 pt.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((60, 80), "Table 1: Basic statistics of the news dataset and the graph.", fontname="tiro", fontsize=9)
    foot = _ruled_table(page, 80, 280, 90)
    page.insert_text((62, foot + 6), '"#" denotes "the number of".', fontname="tiro", fontsize=5)
    _lines(page, 60, 290, foot + 40, 40)
    _lines(page, 320, 552, 80, 55)
    table = _parse(doc, tmp_path)[("table", "1")].bbox
    assert table is not None and table[0] >= 77 and table[3] <= foot + 2 and table[1] <= 91, table


def test_a_marked_note_between_a_table_and_its_caption_is_no_part_of_its_crop(tmp_path):
    # SoCC 2010: "*Workload E uses the Zipfian distribution ..." in 6 pt across the page under a
    # ruled table, over the caption "Table 2: Workloads in the core package": in type smaller than
    # the caption's, no prose there, it was taken in, the crop 35 pt wider on each side.
    doc = pymupdf.open()
    page = _page(doc)
    foot = _ruled_table(page, 120, 490, 70)
    page.insert_text((62, foot + 8), "*Workload E uses the Zipfian distribution to choose the first key in the range, "
                     "and the Uniform distribution to choose the number of records to scan.", fontname="tiro", fontsize=6)
    page.insert_text((220, foot + 32), "Table 2: Workloads in the core package", fontname="tiro", fontsize=9)
    _lines(page, 60, 552, foot + 60, 40)
    table = _parse(doc, tmp_path)[("table", "2")].bbox
    assert table is not None and table[0] >= 117 and table[2] <= 493 and table[3] <= foot + 2, table


def test_a_y_axis_title_beyond_its_tick_labels_is_its_plots_not_the_plot_left_of_it(tmp_path):
    # SIGMOD 2012: Figure 3's plot in the left column; in the right one, Figure 4's plot, its y axis
    # labelled "500000" ... and titled "total throughput (txns/sec)", set upright 40 pt left of the
    # frame and 25 pt right of Figure 3's drawing. Taken for Figure 3's right-hand axis title, it
    # grew Figure 3 across the gutter over Figure 4's plot.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect(pymupdf.Rect(60, 60, 290, 170), color=(0, 0, 0), width=0.5)
    page.draw_line((64, 150), (286, 90), color=(0.5, 0.5, 0.5), width=0.8)
    page.insert_text((60, 200), "Figure 3: Throughput over time during a typical checkpointing period.",
                     fontname="tiro", fontsize=9)
    page.insert_text((318, 146), "total throughput (txns/sec)", fontname="helv", fontsize=7, rotate=90)
    page.draw_rect(pymupdf.Rect(367, 62, 545, 150), color=(0, 0, 0), width=0.5)
    page.draw_line((370, 146), (540, 70), color=(0, 0, 0), width=0.8)
    for k, label in enumerate(("500000", "300000", "100000", "0")):
        page.insert_text((365 - pymupdf.get_text_length(label, "helv", 7), 66 + 27 * k), label, fontname="helv",
                         fontsize=7)
    for k in range(6):
        page.insert_text((365 + 35 * k, 158), str(20 * k), fontname="helv", fontsize=7)
    page.insert_text((420, 168), "number of machines", fontname="helv", fontsize=7)
    page.insert_text((320, 200), "Figure 4: Total TPC-C throughput, varying deployment size.", fontname="tiro",
                     fontsize=9)
    _lines(page, 60, 290, 230, 40)
    _lines(page, 320, 552, 230, 40)
    floats = _parse(doc, tmp_path)
    figure = floats[("figure", "3")].bbox
    assert figure is not None and figure[2] <= 300, figure
    other = floats[("figure", "4")].bbox
    assert other is not None and other[0] <= 320, other


def test_another_floats_caption_over_a_figure_is_no_title_of_it(tmp_path):
    # arXiv 2022: "Figure 2. Decision Tree for a y = x2 Regression Neural Network", one line centred
    # 19 pt over Figure 3's two panels: taken for their title, it grew Figure 3's crop up over
    # Figure 2's caption and into Figure 2's drawing.
    doc = pymupdf.open()
    page = _page(doc)
    for k in range(8):
        page.draw_rect(pymupdf.Rect(60 + 60 * k, 80, 100 + 60 * k, 95), color=(0, 0, 0), width=0.5)
        page.draw_line((80 + 60 * k, 70), (80 + 60 * k, 80), color=(0, 0, 0), width=0.5)
    page.insert_text((170, 118), "Figure 2. Decision Tree for a Regression Neural Network", fontname="tiro",
                     fontsize=10)
    page.draw_rect(pymupdf.Rect(60, 145, 300, 260), color=(0, 0, 0), width=0.5)
    page.draw_rect(pymupdf.Rect(330, 140, 540, 260), color=(0, 0, 0), width=0.5)
    page.draw_polyline([(330 + 21 * k, 250 - 10 * abs(k - 5)) for k in range(11)], color=(0.1, 0.3, 0.8), width=1)
    page.insert_text((140, 272), "(a) Cleaned Tree", fontname="tiro", fontsize=7)
    page.insert_text((390, 272), "(b) Neural Network Approximation", fontname="tiro", fontsize=7)
    page.insert_text((150, 295), "Figure 3. Cleaned Decision Tree for a Regression Neural Network", fontname="tiro",
                     fontsize=10)
    _lines(page, 60, 290, 330, 30)
    _lines(page, 320, 552, 330, 30)
    figure = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert figure is not None and figure[1] >= 125, figure


def test_a_typewriter_label_across_a_trees_side_is_the_figures(tmp_path):
    # LNCS: a syntax tree whose nodes are named in typewriter type, "ObjectIntersectionOf" at the
    # tree's right edge, its last letters 34 pt past the branches drawn. In typewriter type it was
    # code, kept as text, and the crop cut it.
    doc = pymupdf.open()
    page = _page(doc)
    mono = _urw_courier(doc, page)
    page.insert_text((250, 190), "SubClassOf", fontname=mono, fontsize=8)
    for x in (160, 340):
        page.draw_line((270, 194), (x, 214), color=(0, 0, 0), width=0.5)
    page.insert_text((150, 224), "qCE", fontname="tiro", fontsize=8)
    page.insert_text((300, 224), "ObjectIntersectionOf", fontname=mono, fontsize=8)
    for x in (200, 330, 420):
        page.draw_line((340, 228), (x, 250), color=(0, 0, 0), width=0.5)
    page.insert_text((190, 260), "qCE", fontname="tiro", fontsize=8)
    page.insert_text((300, 260), "qPE", fontname="tiro", fontsize=8)
    page.insert_text((390, 260), "ObjectIntersectionOf", fontname=mono, fontsize=8)
    for x in (400, 440):
        page.draw_line((420, 264), (x, 290), color=(0, 0, 0), width=0.5)
    page.insert_text((395, 300), "C4", fontname="helv", fontsize=8)
    page.insert_text((435, 300), "C5", fontname="helv", fontsize=8)
    page.insert_text((130, 330), "Fig. 4: Example tree after all possible applications of the rules for leaf nodes.",
                     fontname="tiro", fontsize=9)
    _lines(page, 100, 512, 370, 25)
    _lines(page, 100, 512, 80, 6)
    figure = _parse(doc, tmp_path)[("figure", "4")].bbox
    right = 390 + pymupdf.get_text_length("ObjectIntersectionOf", "cour", 8)
    assert figure is not None and figure[2] >= right - 2, (figure, right)


def _plot_panel(page, x0: float, y0: float, x1: float, y1: float) -> None:
    page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=(0, 0, 0), width=0.5)
    page.draw_line((x0 + 5, y1 - 5), (x1 - 5, y0 + 10), color=(0.2, 0.4, 0.8), width=1)


def test_a_panel_captions_last_word_in_typewriter_type_is_the_figures(tmp_path):
    # bioRxiv 2020: "(c) Tortuosity across branch_type and" over "species", the variables' names in
    # typewriter type, under the last panel at a page's foot. "species" alone was code, left as text:
    # a paragraph of its own (and, the paper's outline pointing elsewhere, the heading "4 Discussion"
    # at the next page's top was read as text), the crop cut over it.
    from paperkit.reading.parse import parse_pdf as parse

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((60, 76), "Basal dendrites of human and mouse neurons", fontname="hebo", fontsize=16)
    page.insert_text((60, 110), "3 Results", fontname="hebo", fontsize=12)
    _lines(page, 60, 552, 134, 40)
    page = doc.new_page(width=612, height=792)
    mono = _urw_courier(doc, page)
    y, _ = _lines(page, 60, 552, 80, 20)
    for k, x in enumerate((70, 250, 400)):
        _plot_panel(page, x, y + 10, x + 130, y + 110)
    page.insert_text((100, y + 140), "(a) Human", fontname="helv", fontsize=8)
    page.insert_text((280, y + 140), "(b) Mouse", fontname="helv", fontsize=8)
    page.insert_text((400, y + 128), "(c) Tortuosity across", fontname="helv", fontsize=8)
    page.insert_text((400 + pymupdf.get_text_length("(c) Tortuosity across ", "helv", 8), y + 128), "branch_type",
                     fontname=mono, fontsize=8)
    page.insert_text((400, y + 140), "species", fontname=mono, fontsize=8)
    page.insert_text((60, y + 160), "Figure 7. Differences in magnitude of tortuosity between terminal and non-terminal "
                     "branches.", fontname="tiro", fontsize=9)
    page = doc.new_page(width=612, height=792)
    page.insert_text((60, 76), "4 Discussion", fontname="hebo", fontsize=12)
    _lines(page, 60, 552, 100, 30)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse(path)
    assert not any(p.text.strip() == "species" for s in paper.sections for p in s.paragraphs)
    figure = next(f for f in paper.figures if f.number == "7").bbox
    assert figure is not None and figure[3] >= y + 140, (figure, y + 140)
    assert ("4", "Discussion") in [(s.number, s.title) for s in paper.sections]


def test_a_dashed_divider_between_a_figures_halves_is_the_figures(tmp_path):
    # ACL 2023: a grey dashed line down the middle of Figure 6, between its halves (a) and (b) of
    # image rows, reaching 16 pt under the last row and its labels. A lone hairline, it was dropped,
    # and the crop stopped short of its foot.
    doc = pymupdf.open()
    page = _page(doc)
    for row in range(4):
        top = 95 + 50 * row
        for half in (88, 311):
            for k in range(5):
                x = half + 41 * k
                page.draw_rect(pymupdf.Rect(x, top, x + 34, top + 34), color=None, fill=(0.3 + 0.1 * k, 0.5, 0.6))
            page.insert_text((half, top + 41), f"Layer {4 - row}", fontname="tiro", fontsize=8)
    page.insert_text((88, 80), "(a) great park job !", fontname="tibo", fontsize=8)
    page.insert_text((311, 80), "(b) thanks for the awesome cup", fontname="tibo", fontsize=8)
    page.draw_line((297, 73), (297, 292), color=(0.57, 0.58, 0.59), width=0.4, dashes="[2.9 2.1] 0")
    page.insert_text((100, 315), "Figure 6: Visualization of attentions between text tokens and image patches.",
                     fontname="tiro", fontsize=10)
    _lines(page, 72, 290, 345, 30)
    _lines(page, 305, 523, 345, 30)
    figure = _parse(doc, tmp_path)[("figure", "6")].bbox
    assert figure is not None and figure[3] >= 291, figure


def test_a_legends_column_of_keys_under_a_wide_drawing_takes_the_drawing(tmp_path):
    # CIDR 2005, Word: a timeline across the page, and 13 pt under it a legend, four hatched keys in a
    # column 28 pt wide, their words beside them, over "Figure 1: Database time from a single user's
    # perspective.". The keys, nearest the caption, were the figure's graphic, too narrow a strip to
    # take the drawing over them: the crop held the keys alone.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect(pymupdf.Rect(90, 63, 150, 88), color=(0, 0, 0), width=0.5)
    page.draw_rect(pymupdf.Rect(410, 63, 470, 88), color=(0, 0, 0), width=0.5)
    for k, y in enumerate((105, 123, 141, 159)):
        page.draw_line((95, y), (505, y), color=(0, 0, 0), width=0.5, dashes="[6 2 1 2] 0")
        page.insert_text((430, y - 3), ("Wide area network", "Application Server", "Local area network",
                                         "Oracle Database")[k], fontname="helv", fontsize=7)
    page.draw_line((85, 178), (520, 178), color=(0, 0, 0), width=2)
    for x in (125, 180, 235, 300, 410):
        page.draw_line((x, 88), (x, 199), color=(0.4, 0.4, 0.4), width=0.4, dashes="[1 2] 0")
    page.insert_text((430, 190), "Wall-clock time", fontname="hebo", fontsize=8)
    page.draw_rect(pymupdf.Rect(125, 192, 410, 199), color=(0, 0, 0), width=0.5, fill=(0.6, 0.6, 0.6))
    for k in range(4):
        y = 213 + 12 * k
        page.draw_rect(pymupdf.Rect(170, y, 197, y + 9), color=(0, 0, 0), width=0.5, fill=(0.8, 0.8, 0.8))
        page.draw_line((170, y + 9), (197, y), color=(0, 0, 0), width=0.5)
        page.insert_text((212, y + 7), ("Time spent in the Wide area network",
                                        "Time spent in the Application Server (Middle Tier)",
                                        "Time spent in the Local area network",
                                        "Database time spent processing the user request")[k], fontname="helv", fontsize=7)
    page.insert_text((165, 280), "Figure 1: Database time from a single user's perspective.", fontname="hebo",
                     fontsize=9)
    _lines(page, 72, 290, 310, 30)
    _lines(page, 320, 540, 310, 30)
    figure = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert figure is not None and figure[1] <= 64 and figure[0] <= 86 and figure[3] >= 257, figure


def test_a_stroke_painted_fully_transparent_is_no_ink(tmp_path):
    # TACL 2018: Figure 5's rows of words and arcs, each row's label boxed by a rectangle stroked at
    # opacity 0, 29 pt left of the words. Bounded as ink, the boxes widened the crop by 30 pt.
    doc = pymupdf.open()
    page = _page(doc)
    for row, top in enumerate((80, 125)):
        page.draw_rect(pymupdf.Rect(91, top, 189, top + 35), color=(0, 0, 0), width=0.6, stroke_opacity=0)
        page.insert_text((125, top + 24), ("Premise", "Hypothesis")[row], fontname="hebo", fontsize=7)
        for k in range(6):
            x = 180 + 55 * k
            page.insert_text((x, top + 30), ("Three", "men", "drink", "at", "a", "bar")[k], fontname="helv", fontsize=7)
            if k:
                page.draw_bezier((x - 50, top + 20), (x - 40, top + 5), (x - 10, top + 5), (x, top + 20),
                                 color=(0, 0, 0), width=0.5)
    page.insert_text((150, 190), "Figure 5: Dependency trees induced by our model on the test set.", fontname="tiro",
                     fontsize=10)
    _lines(page, 72, 540, 225, 30)
    figure = _parse(doc, tmp_path)[("figure", "5")].bbox
    assert figure is not None and figure[0] >= 118, figure


def test_a_logo_across_the_running_heads_rule_is_no_part_of_the_figure_under_it(tmp_path):
    # Physiological Reports (Wiley): the journal's logo in the running head, 14 pt high across the
    # rule under the head, 6.5 pt over a page-high figure's frame. Joined with the figure, it made
    # the crop reach up over the running head.
    doc = pymupdf.open()
    for number in (1, 2):
        page = doc.new_page(width=595, height=782)
        page.insert_text((45.6, 29), "MILLAR ET AL.", fontname="tiro", fontsize=7)
        page.insert_text((520, 29), f"{number} of 11", fontname="tibo", fontsize=7)
        page.draw_line((45.6, 33.2), (549.7, 33.2), color=(0.13, 0.12, 0.12), width=0.5)
        page.draw_rect(pymupdf.Rect(335, 26, 376, 40), color=None, fill=(0.25, 0.53, 0.74))
        page.draw_rect(pymupdf.Rect(409, 27.5, 500, 36), color=None, fill=(0.25, 0.53, 0.74))
        if number == 1:
            _lines(page, 45.6, 549.6, 60, 50)
            continue
        page.draw_rect(pymupdf.Rect(122, 46.7, 490, 222), color=(0.9, 0.9, 0.9), width=0.5)
        for k in range(12):
            page.draw_circle((140 + 28 * k, 60 + 12 * (k % 5) * 2), 3, color=(0, 0, 0), fill=(0.1, 0.4, 0.7))
        for row in range(3):
            for k in range(4):
                x, y = 120 + 95 * k, 232 + 140 * row
                page.draw_rect(pymupdf.Rect(x, y, x + 75, y + 120), color=(0, 0, 0), width=0.5)
                page.draw_line((x + 10, y + 100), (x + 65, y + 20), color=(0.8, 0.2, 0.2), width=1)
        page.insert_text((45.6, 720), "FIGURE 2. Partitional clustering and sub-phenotypes. (a) Clustering results "
                         "projected on PCs 1 and 2.", fontname="tiro", fontsize=8.5)
    figure = _parse(doc, tmp_path)[("figure", "2")].bbox
    assert figure is not None and figure[1] >= 42, figure


def test_a_tables_number_opening_a_line_of_text_overleaf_is_no_second_table(tmp_path):
    # WWW 2012: "Table 5: Data Statistics." in bold over its ruled rows; two pages on, at the top of
    # a column under two figures, the text goes on "Table 5. Comparison of these two columns
    # suggests that the ..." in the text's face. Read as a second caption of Table 5 (a slip in the
    # numbering, by a graphic, worded otherwise), the table was found twice.
    doc = pymupdf.open()
    page = _page(doc)
    page.insert_text((60, 80), "Table 5: Data Statistics.", fontname="tibo", fontsize=9)
    _ruled_table(page, 60, 280, 90)
    _lines(page, 60, 290, 180, 40)
    _lines(page, 320, 552, 80, 55, start=3)
    page = doc.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(86, 66, 266, 196), color=(0, 0, 0), width=0.5)
    page.draw_line((90, 190), (260, 80), color=(0.8, 0.1, 0.1), width=1)
    page.insert_text((60, 215), "Figure 5: Precision of the topic models; the Y axis shows S@5 values and X axis",
                     fontname="tiro", fontsize=8)
    page.insert_text((60, 225), "represents number of topics", fontname="tiro", fontsize=8)
    page.insert_text((60, 252), "Table 5. Comparison of these two columns suggests that the", fontname="tiro",
                     fontsize=9)
    _lines(page, 60, 290, 263, 40, size=9)
    _lines(page, 320, 552, 80, 55, size=9, start=7)
    floats = [(f.kind, f.number, f.page) for f in _parse_all(doc, tmp_path)]
    assert [f for f in floats if f[:2] == ("table", "5")] == [("table", "5", 2)], floats


def _parse_all(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return paper.figures + paper.tables


def test_bare_table_labels_naming_a_drawings_parts_are_no_captions(tmp_path):
    # NSDI 2013: a network of four switches drawn with their flow tables, each labelled "Table 1" to
    # "Table 4" in bold over its boxes, under "Figure 4: ...". Read as captions, they gave a Table 4
    # the paper has none of, and Table 2's caption pages on was taken for a second mention.
    doc = pymupdf.open()
    page = _page(doc)
    for k, (x, y) in enumerate(((150, 100), (260, 80), (260, 170), (370, 120))):
        page.insert_text((x + 25, y - 4), f"Table {k + 1}", fontname="tibo", fontsize=7.5)
        for row in range(2):
            page.draw_rect(pymupdf.Rect(x, y + 22 * row, x + 90, y + 18 + 22 * row), color=(0, 0, 0), width=0.5)
            page.insert_text((x + 5, y + 11 + 22 * row), f"match: 10{k}{row}xxxx", fontname="tiro", fontsize=7)
        page.draw_line((x + 90, y + 9), (x + 110, y + 20), color=(0.2, 0.3, 0.9), width=1)
    page.draw_rect(pymupdf.Rect(100, 65, 510, 225), color=(0.3, 0.3, 0.9), width=0.5)
    page.insert_text((72, 245), "Figure 4: Adding rule 1.2 to table 1 creates three pipes to rules 2.1 and 2.2.",
                     fontname="helv", fontsize=9)
    _lines(page, 72, 290, 280, 35)
    _lines(page, 320, 540, 280, 35)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Table 2: Average and median run time of distributed NetPlumber.", fontname="helv",
                     fontsize=9)
    _ruled_table(page, 72, 290, 90)
    _lines(page, 72, 290, 180, 40)
    _lines(page, 320, 540, 80, 55)
    tables = [(f.number, f.page) for f in _parse_all(doc, tmp_path) if f.kind == "table"]
    assert tables == [("2", 3)], tables


def test_a_table_label_over_a_title_wider_than_its_column_is_a_caption(tmp_path):
    # Cognition 2016 (Elsevier): at a page's foot, across both columns, "Table 2" in 6.4 pt bold flush
    # left over its title in 6.4 pt, wider than the column, then the table's rules and rows. The
    # title, read after the other column's text, was a block apart: the label alone was no caption.
    doc = pymupdf.open()
    page = _page(doc, 595, 794)
    _lines(page, 32.7, 284, 60, 58, size=8.1)
    _lines(page, 301.7, 553, 60, 58, size=8.1, start=5)
    page.insert_text((32.8, 655), "Table 2", fontname="tibo", fontsize=6.4)
    page.insert_text((32.7, 663.5), "Mean trait ratings (and standard deviations) for high and low male or female "
                     "average faces on the trait dimension manipulated in Study 4.", fontname="tiro", fontsize=6.4)
    _rule(page, 32.7, 552.8, 668.3)
    for k, head in enumerate(("Face gender", "High average face", "Low average face", "Effect size")):
        page.insert_text((161.4 + 100 * k, 677), head, fontname="tiro", fontsize=6.5)
    _rule(page, 32.7, 552.8, 681)
    for row in range(6):
        y = 690 + 8.6 * row
        page.insert_text((41.2, y), ("Trustworthiness", "", "Warmth", "", "Dominance", "")[row], fontname="tiro",
                         fontsize=6.5)
        for k, cell in enumerate(("Female" if row % 2 == 0 else "Male", "5.92 (0.87)", "3.67 (1.48)", "d = 1.28")):
            page.insert_text((161.4 + 100 * k, y), cell, fontname="tiro", fontsize=6.5)
    _rule(page, 32.7, 552.8, 743)
    tables = [(f.number, f.page) for f in _parse_all(doc, tmp_path) if f.kind == "table"]
    assert tables == [("2", 2)], tables


def _strip_plot(page, x0: float, y0: float, x1: float, rows: int = 3) -> float:
    """Framed strip plots one under another; the foot's y."""
    y = y0
    for _ in range(rows):
        page.draw_rect(pymupdf.Rect(x0, y, x1, y + 22), color=(0.1, 0.1, 0.6), width=0.6)
        page.draw_line((x0 + 4, y + 12), (x1 - 4, y + 8), color=(0, 0, 0), width=1)
        y += 48
    return y - 26


def test_a_caption_atop_a_page_does_not_go_on_with_the_caption_ending_the_page_before(tmp_path):
    # Protection and Control of Modern Power Systems (BMC): "Fig. 7 The response ... in Rad/s,
    # respectively" (no full stop) at a page's foot, and atop the next page a figure over "Fig. 8 The
    # response ...", labels with no separator (their bold face not told). Read as one block, Fig. 8
    # was lost.
    # (the labels' bold face not told by the fonts, as in the paper: set here in the caption's face)
    doc = pymupdf.open()
    page = _page(doc, 595, 794)
    label = "helv"
    y, k = _lines(page, 62.7, 524, 80, 30, size=10.5)
    foot = _strip_plot(page, 158, y + 10, 467)
    page.insert_text((62.7, foot + 20), "Fig. 7", fontname=label, fontsize=9)
    page.insert_text((62.7 + pymupdf.get_text_length("Fig. 7 ", "helv", 9), foot + 20),
                     "The response of the proposed and conventional controls of the admittance model", fontname="helv",
                     fontsize=9)
    page.insert_text((62.7, foot + 31), "in Rad/s, respectively", fontname="helv", fontsize=9)
    page = doc.new_page(width=595, height=794)
    foot = _strip_plot(page, 158, 110, 467)
    page.insert_text((62.7, foot + 20), "Fig. 8", fontname=label, fontsize=9)
    page.insert_text((62.7 + pymupdf.get_text_length("Fig. 8 ", "helv", 9), foot + 20),
                     "The response of the proposed and conventional controls of the admittance model", fontname="helv",
                     fontsize=9)
    page.insert_text((62.7, foot + 31), "in Rad/s, respectively", fontname="helv", fontsize=9)
    _lines(page, 62.7, 524, foot + 60, 30, size=10.5, start=k)
    figures = [(f.number, f.page) for f in _parse_all(doc, tmp_path) if f.kind == "figure"]
    assert figures == [("7", 2), ("8", 3)], figures


def _centred(page, text: str, middle: float, y: float, font: str = "tiro", size: float = 8) -> None:
    page.insert_text((middle - pymupdf.get_text_length(text, font, size) / 2, y), text, fontname=font, fontsize=size)


def test_a_figures_bare_label_over_its_centred_title_and_notes_is_its_caption(tmp_path):
    # JFQA 2023: "FIGURE 5" centred on a line of its own, its title's two lines centred under it,
    # then six lines of notes in 6 pt and the plot under them, 84 pt under the label. The label alone
    # stood out of a caption's reach of the plot, and the figure was lost.
    doc = pymupdf.open()
    page = _page(doc, 441, 666)
    _centred(page, "FIGURE 5", 220, 67)
    _centred(page, "Absolute Value of Paragraph-Level Surprise and", 220, 79)
    _centred(page, "Prevalence of Paragraph Subgroups", 220, 90)
    y = 106
    for k in range(6):
        page.insert_text((58.8, y + 7 * k), "Here the three-letter abbreviations refer to paragraph subgroups, and "
                         "the y-axis gives the mean value.", fontname="tiro", fontsize=6)
    page.draw_rect(pymupdf.Rect(136, 152, 328, 348), color=(0, 0, 0), width=0.5)
    for k in range(8):
        page.draw_circle((150 + 22 * k, 330 - 20 * k), 2.5, color=(0.2, 0.2, 0.7), fill=(0.2, 0.2, 0.7))
    _lines(page, 58.8, 381.6, 380, 20, size=9.5)
    figures = [(f.number, f.page) for f in _parse_all(doc, tmp_path) if f.kind == "figure"]
    assert figures == [("5", 2)], figures


def test_a_short_caption_flush_left_right_under_a_wide_figure_is_its(tmp_path):
    # IEEE ToN 1998: "Fig. 1. MGR outline." flush left at the page's margin, 6 pt under a figure
    # (one image mask) centred across the page, which it reaches 21 pt into: under a third of its
    # own width, the figure was no graphic of the caption, and had no crop.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect(pymupdf.Rect(99, 55, 501, 296), color=None, fill=(0.85, 0.85, 0.85))
    for k in range(5):
        page.draw_rect(pymupdf.Rect(120 + 75 * k, 90, 170 + 75 * k, 140), color=(0, 0, 0), width=0.5)
    page.insert_text((43, 311), "Fig. 1. MGR outline.", fontname="tiro", fontsize=8)
    _lines(page, 43, 296, 330, 35)
    _lines(page, 316, 569, 330, 35)
    figure = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert figure is not None and figure[1] <= 56 and figure[2] >= 500, figure
