"""Float crops, the thirty-eighth split's (HCI and HPC papers: Word, Distiller and Quartz). Pages
drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import justified as _justified, lines as _lines

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def _two_columns(page, y: float, count: int, start: int = 0) -> None:
    """Running text in 9 pt, two columns of `count` lines each from baseline y."""
    _, k = _lines(page, 54, 293, y, count, size=9, start=start)
    _lines(page, 317, 556, y, count, size=9, start=k)




def _rule(page, x0: float, x1: float, y: float, width: float = 0.5) -> None:
    page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)


def _two_pages():
    """A page of text, then a page whose two columns hold 27 and 28 lines from the top."""
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    _lines(first, 54, 558, 80, 50)
    page = doc.new_page(width=612, height=792)
    _, k = _lines(page, 54, 296, 80, 27)
    _lines(page, 317, 558, 80, 28, start=k)
    return doc, page


def _grey_image(page) -> None:
    """A grey image across the gutter, 210-398 by 420-470."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 40), False)
    pix.clear_with(90)
    page.insert_image((210, 420, 398, 470), pixmap=pix, keep_proportion=False)


def test_a_table_across_two_columns_in_the_texts_own_type_is_cropped_whole(tmp_path):
    # A Quartz paper (InPar 2012): Table 2 across the page's top, its head between two rules, its
    # rows of prose in three columns in the text's own 9 pt, one running across the gutter between
    # the page's columns, a rule under them and the caption under that. The rows' lines, longer
    # than cells and worded as prose, were not the table's: the crop held the last rule alone.
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=842)
    _two_columns(first, 80, 60)
    page = doc.new_page(width=595, height=842)
    _rule(page, 53.8, 563.4, 54.2, 0.7)
    for x, head in ((59, "Use Case"), (181, "Scenario"), (342, "Advantage of Persistent Threads")):
        page.insert_text((x, 64), head, fontname="tiro", fontsize=9)
    _rule(page, 53.8, 563.4, 69.3)
    rows = (("Synchronization", ("Kernel A produces a variable amount", "of data that must be consumed by",
                                 "Kernel B"),
             ("nonPT implementations require a round-trip commu-", "nication to the host to launch Kernel B with the exact",
              "number of blocks corresponding to work items pro-", "duced by Kernel A.")),
            ("Load Balancing", ("Traversing an irregularly-structured,", "hierarchical data structure"),
             ("PT implementations build an efficient queue to allow", "a single kernel to produce a variable amount of out-",
              "put per thread and load balance those outputs onto", "threads for further processing.")),
            ("Active State", ("A kernel accumulates a single value", "across a large number of threads, or",
                              "Kernel A wants to pass data to Kernel"),
             ("Because a PT kernel processes many more items per", "block than a nonPT kernel, it can effectively leverage",
              "shared memory across a larger block size for an appli-", "cation like a global reduction.")),
            ("Global Synchronization", ("Global synchronization within a ker-", "nel across thread blocks"),
             ("In a nonPT kernel, synchronizing across blocks within", "a kernel is not possible because blocks run to comple-",
              "tion and cannot wait for blocks that have not yet been", "scheduled. The PT model ensures that all blocks are",
              "resident and thus allows global synchronization.")))
    y = 80.0
    for label, middle, right in rows:
        page.insert_text((59, y), label, fontname="tiro", fontsize=9)
        for k, text in enumerate(middle):
            page.insert_text((181, y + 10.46 * k), text, fontname="tiro", fontsize=9)
        for k, text in enumerate(right):
            if k < len(right) - 1:
                _justified(page, 342, 558, y + 10.46 * k, text)
            else:
                page.insert_text((342, y + 10.46 * k), text, fontname="tiro", fontsize=9)
        y += 10.46 * max(len(middle), len(right))
    _rule(page, 53.8, 563.4, y, 0.7)
    page.insert_text((200, y + 18), "Table 2: Summary of Persistent Threads use cases", fontname="tibo", fontsize=9)
    _two_columns(page, y + 45, 40, start=7)
    box = _parse(doc, tmp_path)[("table", "2")].bbox
    assert box is not None and box[1] <= 56 and y - 2 <= box[3] <= y + 2 and box[0] <= 55 and box[2] >= 562, box


def _plot(page, rect) -> None:
    """A plot saved as an image: grey, 80 x 80 pixels."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 80, 80), False)
    pix.clear_with(120)
    page.insert_image(rect, pixmap=pix, keep_proportion=False)


def test_side_captions_one_over_the_other_keep_to_their_own_rows_of_plots(tmp_path):
    # Springer (CSRD 2011): "Fig. 4" and "Fig. 5" in the left margin, each level with the top of its
    # row of two plots, Figure 4's subcaptions drawn in a strip of their own under its left plot,
    # 18 pt over Figure 5's row. Figure 4's crop ran down over Figure 5's plots, and Figure 5's up
    # over Figure 4's strip.
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=791)
    _lines(first, 51, 544, 80, 50)
    page = doc.new_page(width=595, height=791)
    _plot(page, (180, 54, 372, 178))
    _plot(page, (382, 54, 544, 195))
    _plot(page, (234, 187, 325, 195))
    _plot(page, (180, 213, 352, 350))
    _plot(page, (372, 213, 544, 350))
    for y, label, title in ((60, "Fig. 4", "Copy vs RDMA latency"), (220, "Fig. 5", "Two-sided latency")):
        page.insert_text((51.3, y), label, fontname="tibo", fontsize=8.5)
        page.insert_text((51.3 + pymupdf.get_text_length(label + "  ", fontname="tibo", fontsize=8.5), y), title,
                         fontname="tiro", fontsize=8.5)
        page.insert_text((51.3, y + 10), "performance", fontname="tiro", fontsize=8.5)
    _lines(page, 51, 544, 390, 30)
    floats = _parse(doc, tmp_path)
    four, five = floats[("figure", "4")].bbox, floats[("figure", "5")].bbox
    assert four is not None and four[1] <= 55 and 193 <= four[3] <= 197, four
    assert five is not None and 211 <= five[1] <= 215 and five[3] >= 348, five


def test_a_charts_legend_words_beside_its_keys_are_the_figures_in_any_face(tmp_path):
    # A Word paper's Excel chart (CHI 2009's Figure 13): bars over an axis, two colour keys at the
    # chart's right edge and their words, "whyline" and "control" in bold 7 pt, 5 pt right of
    # them, as every word of the chart is bold. Bold, the words were not taken for the chart's
    # labels: the crop ended at the keys.
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    _lines(first, 54, 558, 80, 50)
    page = doc.new_page(width=612, height=792)
    _lines(page, 54, 296, 80, 34)
    _lines(page, 317, 558, 80, 50)
    shape = page.new_shape()
    for x0, top, colour in ((178, 548, (1, 0.7, 0)), (200, 530, (0.47, 0.47, 0.47)),
                            (96, 524, (1, 0.7, 0)), (118, 556, (0.47, 0.47, 0.47))):
        shape.draw_rect((x0, top, x0 + 22, 571))
        shape.finish(fill=colour, color=None)
    for key, colour in ((557, (1, 0.7, 0)), (566, (0.47, 0.47, 0.47))):
        shape.draw_rect((233, key, 238, key + 5))
        shape.finish(fill=colour, color=None)
    shape.draw_line((92, 571.5), (226, 571.5))
    shape.finish(color=(0, 0, 0), width=0.5)
    shape.commit()
    page.insert_text((98, 515), "# successful", fontname="hebo", fontsize=7)
    page.insert_text((183, 515), "time (min)", fontname="hebo", fontsize=7)
    for y, tick in ((575, "0"), (556, "4"), (537, "8")):
        page.insert_text((84, y), tick, fontname="hebo", fontsize=7)
    page.insert_text((243.5, 562), "whyline", fontname="hebo", fontsize=7)
    page.insert_text((243.5, 571), "control", fontname="hebo", fontsize=7)
    page.insert_text((61, 594), "Figure 13. For task 1, the number of successful participants", fontname="tibo", fontsize=9)
    page.insert_text((134, 604), "and the time on task.", fontname="tibo", fontsize=9)
    _lines(page, 54, 296, 625, 8)
    box = _parse(doc, tmp_path)[("figure", "13")].bbox
    assert box is not None and box[2] >= 266 and box[3] <= 580, box


def test_a_column_wrapped_round_a_figure_in_short_justified_lines_is_no_label_of_it(tmp_path):
    # A Pages paper (CHI 2009's Figure 3): an image across the gutter, the right column's text
    # wrapped beside it in justified lines of under 40 letters, 4 pt off its right side, each with
    # too few lower-case words to be taken for prose. Taken for the image's labels, the lines grew
    # its crop across the column and down over the caption.
    doc, page = _two_pages()
    wrapped = ("(corresponding to the tabs in Figure", "2's top right) and base higher-level",
               "questions on these primitives. When", "mousing over output, the Whyline",
               "highlights primitive outputs. For", "example, Figure 1 shows a line",
               "segment and Figure 3 shows a variable", "value printed to a console. Clicking on")
    for j, text in enumerate(wrapped):
        _justified(page, 402, 560.5, 424 + 11 * j, text, size=10)
    _lines(page, 317, 558, 424 + 11 * len(wrapped), 10, start=40)
    _lines(page, 54, 205, 424, 8, start=90)
    _lines(page, 54, 296, 424 + 11 * 9, 10, start=130)
    _grey_image(page)
    page.insert_text((221.5, 478), "Figure 3. Mousing over textual output. The", fontname="tibo", fontsize=9)
    page.insert_text((216.7, 488), "popup shows the question's temporal context.", fontname="tibo", fontsize=9)
    box = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert box is not None and box[2] <= 400 and box[3] <= 472, box


def test_panels_own_captions_centred_over_a_row_of_panels_are_the_figures(tmp_path):
    # GI 2008's Figure 12: three images in a row across the page, over each four lines of prose
    # centred on it in the caption's own 8 pt Arial, 6 pt over the images. In the caption's type,
    # not smaller, they were no titles of the panels: the crop began at the images.
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    _lines(first, 54, 558, 80, 50, size=9)
    page = doc.new_page(width=612, height=792)
    texts = (("The original treemap. Due in part to our", "cascaded presentation, much of the",
              "structure of the hierarchy under the node", "named bayes is already clearly visible."),
             ("Upon zooming to bayes, generating a new", "treemap re-arranges several nodes. This",
              "change in the structure may be jarring to a", "person and it cannot be easily animated."),
             ("By holding the structure of the tree constant,", "we provide a stable zoom into bayes.",
              "Nodes are in the same relative locations, and", "changes in size can be smoothly animated."))
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 60), False)
    pix.clear_with(70)
    for x0, lines in zip((61, 234, 407), texts):
        page.insert_image((x0, 100, x0 + 144, 245), pixmap=pix, keep_proportion=False)
        for j, text in enumerate(lines):
            width = pymupdf.get_text_length(text, fontname="helv", fontsize=8)
            page.insert_text((x0 + 72 - width / 2, 62 + 10 * j), text, fontname="helv", fontsize=8)
    caption = "Figure 12. Our two-stage layout process also provides for stable interactive zooming in a treemap."
    page.insert_text((306 - pymupdf.get_text_length(caption, fontname="helv", fontsize=8) / 2, 258), caption,
                     fontname="helv", fontsize=8)
    _, k = _lines(page, 54, 296, 275, 40, size=9)
    _lines(page, 317, 558, 275, 40, size=9, start=k)
    box = _parse(doc, tmp_path)[("figure", "12")].bbox
    assert box is not None and box[1] <= 57 and box[3] <= 247, box


def test_a_procedure_in_numbered_lists_over_its_caption_is_the_figure(tmp_path):
    # GI 2008's Figure 6, a Word paper: a bold title, "NestedToCascaded(Rectangle R)" in italics and
    # its steps "1." and "2.", then "Cascade(Rectangle R)" and its steps "1." to "4.", each number
    # a tab before its text, nothing drawn, over a caption narrower than the steps. No graphic, no
    # listing's type, the steps numbered "1." and not "1:": the figure had no crop.
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    _lines(first, 54, 558, 80, 50, size=9)
    page = doc.new_page(width=612, height=792)
    _lines(page, 54, 296, 80, 60, size=9)
    _lines(page, 317, 558, 80, 40, size=9, start=11)
    page.insert_text((319.6, 582), "Converting a Nested Treemap to a Cascaded Treemap", fontname="tibo", fontsize=9)
    y = 602.0
    for head, steps in (("NestedToCascaded(Rectangle R)", ("Apply NestedToCascaded to each child of R",
                                                          "If R has children then apply Cascade to R")),
                        ("Cascade(Rectangle R)", ("Calculate the bounding box of all children of R",
                                                  "Shrink R to the size of the bounding box",
                                                  "Shift R up and left by the cascading offsets",
                                                  "If needed, enlarge R to cover the center points of its children"))):
        page.insert_text((319.6, y), head, fontname="tiit", fontsize=9)
        for n, step in enumerate(steps, 1):
            y += 10
            page.insert_text((319.6, y), f"{n}.", fontname="tiro", fontsize=9)
            page.insert_text((337.6, y), step, fontname="tiro", fontsize=9)
        y += 20
    page.insert_text((351.6, y + 8), "Figure 6. A bottom-up procedure for converting a", fontname="helv", fontsize=8)
    page.insert_text((337, y + 18), "nested treemap presentation to a cascaded presentation.", fontname="helv", fontsize=8)
    box = _parse(doc, tmp_path)[("figure", "6")].bbox
    assert box is not None and box[1] <= 576 and box[0] <= 321 and y - 22 <= box[3] <= y - 7, (box, y)


def test_rows_of_figures_justified_beside_a_drawing_are_no_wrapped_column(tmp_path):
    # The rule above asks for words: rows of numbers set flush at one pair of edges 4 pt right of an
    # image (a figure's own value table, under its caption's span) are the figure's, not a column's
    # text wrapped round it.
    doc, page = _two_pages()
    rows = ("0.912 0.884 0.871 0.850 0.833 0.815", "0.905 0.879 0.866 0.841 0.829 0.807",
            "0.897 0.871 0.858 0.835 0.820 0.799", "0.889 0.862 0.850 0.828 0.811 0.790",
            "0.880 0.856 0.842 0.819 0.803 0.781")
    for j, text in enumerate(rows):
        _justified(page, 402, 540.5, 428 + 9 * j, text, size=8)
    _grey_image(page)
    page.insert_text((221.5, 482), "Figure 3. Accuracy over the sweep, with the values per step", fontname="tibo", fontsize=9)
    page.insert_text((216.7, 492), "beside the plot, one row per setting of the learning rate.", fontname="tibo", fontsize=9)
    _lines(page, 54, 296, 510, 20, start=130)
    _lines(page, 317, 558, 510, 20, start=160)
    box = _parse(doc, tmp_path)[("figure", "3")].bbox
    assert box is not None and box[2] >= 540, box
