"""Leftovers of session 33 on the tune papers, each drawn here with PyMuPDF in the shape a real
paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _contains, _floats, _save, _text
from pdf_pages import prose as _prose


def _ruled_table(page, x0: float, y0: float, x1: float, rows: int) -> float:
    """A booktabs table: a rule over the head, one under it, one under the last row; its foot."""
    page.draw_line((x0, y0), (x1, y0), color=(0, 0, 0), width=0.8)
    y = y0 + 11
    page.insert_text((x0 + 4, y), "Task     Dataset     Restaurant     Buy     Hospital", fontname="tiro", fontsize=8)
    page.draw_line((x0, y + 3), (x1, y + 3), color=(0, 0, 0), width=0.5)
    for r in range(rows):
        y += 10.5
        page.insert_text((x0 + 4, y), f"Method{r}     {33.1 + r}     {16.2 + r}     {51.4 + r}     {54.5 + r}",
                         fontname="tiro", fontsize=8)
    page.draw_line((x0, y + 3), (x1, y + 3), color=(0, 0, 0), width=0.8)
    return y + 3


def test_a_bare_table_label_drawn_inside_a_figure_is_no_tables_caption(tmp_path):
    # VLDB 2022: Figure 1 on page 1 draws two small product tables, each labelled "Table 1" and
    # "Table 2" in italics inside the drawing; the bare "Table 2" was read as Table 2's caption,
    # and the real caption on page 4, over its ruled rows, was dropped as a mention: no crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Can Foundation Models Wrangle Your Data?", fontname="tibo", fontsize=16)
    page.insert_text((54, 130), "ABSTRACT", fontname="tibo", fontsize=10)
    _prose(page, 54, 294, 136, 300)
    page.insert_text((54, 325), "1 INTRODUCTION", fontname="tibo", fontsize=10)
    _prose(page, 54, 294, 331, 720)
    _prose(page, 318, 558, 100, 140)
    # (a white ground under the whole figure; a grey prompt band; two small tables of filled cells,
    # each with its italic label right over it)
    page.draw_rect(pymupdf.Rect(349.8, 152.6, 526.3, 279.2), color=None, fill=(1, 1, 1))
    page.draw_rect(pymupdf.Rect(385.7, 174.7, 491.9, 196.9), color=(0.14, 0.16, 0.32), fill=(0.14, 0.16, 0.32))
    page.insert_text((401.8, 189), "Foundation Model", fontname="helv", fontsize=9.9, color=(1, 1, 1))
    page.draw_rect(pymupdf.Rect(429.4, 153.8, 448.2, 168.1), color=None, fill=(0.9, 0.9, 0.9))
    page.insert_text((432.9, 163), "No", fontname="helv", fontsize=8.9)
    for x, y0, y1 in ((438.1, 168.1, 174.6), (438.1, 196.8, 205.2), (389.2, 237.7, 249.8), (485.2, 237.7, 249.8)):
        page.draw_rect(pymupdf.Rect(x, y0, x + 3, y1), color=None, fill=(0.14, 0.16, 0.32))
    page.draw_rect(pymupdf.Rect(351.5, 205.2, 526.1, 239.3), color=None, fill=(0.9, 0.9, 0.9))
    page.insert_text((355.1, 214), "Product A is Title: Macbook Pro Price: $1,999", fontname="helv", fontsize=8.4)
    page.insert_text((358.9, 224), "Product B is Title: Macbook Air Price: $899", fontname="helv", fontsize=8.4)
    for x, label, name, price in ((353.6, "Table 1", "Macbook Pro", "$1,999.00"), (449.7, "Table 2", "Macbook Air", "$899.00")):
        page.draw_rect(pymupdf.Rect(x, 249.9, x + 75.6, 264.3), color=None, fill=(0.36, 0.39, 0.72))
        page.draw_rect(pymupdf.Rect(x, 264.3, x + 75.6, 278.7), color=None, fill=(0.9, 0.9, 0.9))
        for y in (249.9, 264.3, 278.7):
            page.draw_line((x, y), (x + 75.6, y), color=(0, 0, 0), width=0.5)
        page.insert_text((x + 1, 248.3), label, fontname="heit", fontsize=6.9)
        page.insert_text((x + 3.5, 258.5), "Title   Price", fontname="hebo", fontsize=5.9)
        page.insert_text((x + 3.5, 272.8), f"{name}   {price}", fontname="helv", fontsize=5.9)
    _text(page, 318, 300, "Figure 1: A large FM can address an entity matching task using prompting.", size=8)
    _prose(page, 318, 558, 320, 720)
    page = doc.new_page(width=612, height=792)
    _text(page, 318, 100, "Table 2: Data cleaning results, measured in accuracy for data imputation", size=9)
    _text(page, 318, 111, "and F1 score for error detection where k is the number of demonstrations.", size=9)
    foot = _ruled_table(page, 326, 130, 548, 6)
    _prose(page, 318, 558, foot + 20, 720)
    _prose(page, 54, 294, 60, 720)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "2")]
    assert table.page == 2, (table.page, table.caption)
    assert table.bbox is not None and _contains(table.bbox, (326, 130, 548, foot), slack=3), table.bbox


def test_a_figure_of_text_rows_at_a_columns_top_is_cropped_over_its_rows(tmp_path):
    # SOSP 2013: Figure 10 is a small table of three rows set at the right column's top in the
    # text's faces, no rule and nothing drawn ("Transactions/sec  Aborts/sec" over "MemSilo
    # 200,252 2,570"), its caption right under it: the figure had no crop. A caption under running
    # text whose graphic is not there gets none.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 72, 295, 72, 720)
    page.insert_text((403, 80), "Transactions/sec", fontname="tibo", fontsize=9)
    page.insert_text((480, 80), "Aborts/sec", fontname="tibo", fontsize=9)
    for y, name, a, b in ((93, "MemSilo", "200,252", "2,570"), (105, "MemSilo+NoSS", "168,062", "15,756")):
        page.insert_text((327, y), name, fontname="tiit", fontsize=9)
        page.insert_text((422, y), a, fontname="tiro", fontsize=9)
        page.insert_text((492, y), b, fontname="tiro", fontsize=9)
    _text(page, 317, 122, "Figure 10: Evaluation of Silo's snapshot transactions on a", size=10)
    _text(page, 317, 134, "modified TPC-C benchmark.", size=10)
    _prose(page, 317, 540, 150, 500)
    _text(page, 317, 514, "Figure 11: A factor analysis for Silo.", size=10)
    _prose(page, 317, 540, 525, 720)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    figure = floats[("figure", "10")]
    assert figure.bbox is not None and _contains(figure.bbox, (327, 73, 518, 106), slack=3), figure.bbox
    assert figure.bbox[3] < 112 and figure.bbox[0] > 320, figure.bbox
    assert floats[("figure", "11")].bbox is None, floats[("figure", "11")].bbox


def _indented_paragraphs(page, x0: float, x1: float, y: float, count: int, lines_each: int, size: float = 9.0,
                         start: int = 0) -> tuple[float, int]:
    """Paragraphs told apart only by their first line's indent, at the lines' pitch; the next
    baseline and word index."""
    from pdf_pages import RUNNING, _line
    k = start
    for p in range(count):
        for i in range(lines_each):
            indent = 9 if i == 0 else 0
            text, k = _line(RUNNING, k, x1 - x0 - indent, size)
            if i == 0:
                text = text[:1].upper() + text[1:]
            if i == lines_each - 1:
                text += "."
            page.insert_text((x0 + indent, y), text, fontname="tiro", fontsize=size)
            y += size * 1.3
    return y, k


def test_a_paper_without_abstract_keeps_its_first_paragraph_and_bracketed_notes(tmp_path):
    # Advanced Materials (2007), a communication: no abstract, the text from under the names on,
    # its paragraphs told apart only by their indents; at the left column's foot, under a rule, the
    # notes "[*] Prof. A. R. Wheeler / Department of Chemistry ..." and "[**] We thank ...", their
    # marks bracketed and unraised, the notes' lines hung past them. The first paragraph was taken
    # for an unlabelled abstract, and the notes, no footnotes, were lost with the front matter.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_text((49.6, 110), "Rapid Prototyping in Copper Substrates for Digital Microfluidics**",
                     fontname="tibo", fontsize=17)
    page.insert_text((49.6, 135), "By Mohamed Abdelgawad and Aaron R. Wheeler*", fontname="tiro", fontsize=11)
    y, k = _indented_paragraphs(page, 49.6, 282, 170, 3, 9)
    page.draw_line((49.6, y), (120, y), color=(0, 0, 0), width=0.5)
    y += 12
    page.insert_text((53.6, y), "[*]", fontname="helv", fontsize=8)
    for i, text in enumerate(["Prof. A. R. Wheeler", "Department of Chemistry", "University of Toronto, 80 St. George Street",
                              "Toronto, Ontario, M5S 3H6 (Canada)"]):
        page.insert_text((66.6, y + 9 * i), text, fontname="helv", fontsize=8)
    y += 9 * 4 + 3
    page.insert_text((49.6, y), "[**]", fontname="helv", fontsize=8)
    for i, text in enumerate(["We thank George Ye for assistance and Michael Watson for", "helpful discussions. M. Abdelgawad thanks the OGS program",
                              "for an Ontario Graduate Scholarship."]):
        page.insert_text((66.6, y + 9 * i), text, fontname="helv", fontsize=8)
    _indented_paragraphs(page, 302, 545, 170, 5, 10, start=k)
    page = doc.new_page(width=595, height=794)
    y, k = _indented_paragraphs(page, 49.6, 282, 80, 6, 9)
    page.insert_text((49.6, y + 6), "Experimental", fontname="tibo", fontsize=10)
    _indented_paragraphs(page, 49.6, 282, y + 22, 2, 9, start=k)
    _indented_paragraphs(page, 302, 545, 80, 6, 10, start=k)
    paper, _ = _save(doc, tmp_path)
    assert not paper.abstract, paper.abstract
    first = paper.sections[0].paragraphs[0].text
    assert first.startswith("The workers read"), first
    notes = {note.mark: note.text for note in paper.footnotes}
    assert notes.get("**", "").startswith("We thank George Ye") and "Ontario Graduate Scholarship." in notes["**"], notes
    assert notes.get("*", "").startswith("Prof. A. R. Wheeler"), notes


def _small_caps(page, middle: float, y: float, words: list[str], size: float = 9.0) -> None:
    """Words in faked small capitals, centred on `middle`: each word's first letter at `size`, the
    rest in capitals at 0.8 of it."""
    pieces = [(piece, s) for word in words for piece, s in ((word[0], size), (word[1:].upper() + " ", 0.8 * size))]
    x = middle - sum(pymupdf.get_text_length(piece, "tiro", s) for piece, s in pieces) / 2
    for piece, s in pieces:
        page.insert_text((x, y), piece, fontname="tiro", fontsize=s)
        x += pymupdf.get_text_length(piece, "tiro", s)


def test_a_table_label_centred_over_its_one_line_title_is_its_caption(tmp_path):
    # arXiv 2009 (IEEEtran): Table I, an image across the page's top, captioned under it by "Table
    # I" centred on a line of its own over "WINDOWS NATIVE AND VBSCRIPT API MAPPING TO
    # INTERACTION CLASSES." in small capitals, one line read as a block apart: the bare label was
    # no caption and the table was lost (its two-line titles elsewhere read as one block with it).
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Malware Behavioral Detection by Attribute-Automata", fontname="tiro", fontsize=20)
    page.insert_text((90.8, 130), "Abstract", fontname="tibo", fontsize=9)
    _prose(page, 90.8, 300, 136, 300)
    page.insert_text((90.8, 320), "1 Introduction", fontname="tibo", fontsize=10)
    _prose(page, 90.8, 300, 330, 720)
    _prose(page, 353.9, 563, 60, 720)
    page = doc.new_page(width=612, height=792)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 90), False)
    pix.set_rect(pix.irect, (235, 235, 235))
    for i in range(0, 120, 8):
        pix.set_rect(pymupdf.IRect(i, 0, i + 2, 90), (20, 20, 20))
    page.insert_image(pymupdf.Rect(50, 54, 558, 412), pixmap=pix, keep_proportion=False)
    page.insert_text((293.1, 430.5), "Table I", fontname="tiro", fontsize=9)
    _small_caps(page, 306, 441, ["Windows", "Native", "and", "VBScript", "API", "Mapping", "to", "Interaction", "Classes."])
    _prose(page, 90.8, 300, 472, 720)
    _prose(page, 353.9, 563, 472, 720)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper).get(("table", "I"))
    assert table is not None, sorted(_floats(paper))
    assert table.page == 2 and table.bbox is not None and _contains(table.bbox, (50, 54, 558, 412), slack=3), table.bbox


def test_a_listings_lines_opened_by_italic_numerals_are_all_in_its_crop(tmp_path):
    # arXiv 2009 (IEEEtran): Figure 9 lists three statements in typewriter type, each opened by an
    # italic "(i)", "(ii)", "(iii)" and wrapped onto lines of typewriter type alone: the opening
    # lines, no code, made blocks apart, and the crop held the listing's last line alone.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 49, 300, 60, 250)
    y = 292
    for numeral, rows in (("(i)", ['execute "set QAI5NPN1 =T228IV93." & Chr(65)', "& Chr(116) & Chr(116) & Chr(97)",
                                   "Chr(104) & Chr(109) & Chr(101)"]),
                          ("(ii)", ['execute "set QAI5NPN1 =T228IV93." & "A" &', '"t" & "t" & "a" & "c" & "h"']),
                          ("(iii)", ['execute "set QAI5NPN1', '=T228IV93.Attachments"'])):
        page.insert_text((49, y), numeral, fontname="tiit", fontsize=9)
        page.insert_text((49 + pymupdf.get_text_length(numeral + " ", "tiit", 9), y), rows[0], fontname="cour", fontsize=8.5)
        for row in rows[1:]:
            y += 12
            page.insert_text((49, y), row, fontname="cour", fontsize=8.5)
        y += 12
    _text(page, 49, y + 10, "Figure 9. Reversing obfuscation by code normalization. This portion of", size=8)
    _text(page, 49, y + 20, "obfuscated code has been extracted from a worm variant.", size=8)
    _prose(page, 49, 300, y + 40, 720)
    _prose(page, 312, 563, 60, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "9")]
    assert figure.bbox is not None and figure.bbox[1] < 286 and figure.bbox[3] > y - 14, (figure.bbox, y)


def test_roman_numbers_set_off_by_a_dash_head_an_appendixs_parts(tmp_path):
    # A Word tech report (COPPE 2005): its sections numbered "1.", "2.", its appendix a form in
    # parts headed in bold on lines of their own, "I –Language Competence", "II – Bibliographic
    # Research": the dash made no heading's separator and the parts were lost.
    from pdf_pages import lines as _lines
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((85, 80), "Systematic Review in Software Engineering", fontname="tibo", fontsize=18)
    page.insert_text((85, 130), "1. What is a Systematic Review", fontname="tibo", fontsize=14)
    y, k = _lines(page, 85, 510, 150, 12, size=12)
    page.insert_text((85, y + 10), "2. Final Comments", fontname="tibo", fontsize=14)
    _lines(page, 85, 510, y + 30, 12, size=12, start=k)
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="TB", fontbuffer=pymupdf.Font("tibo").buffer)  # (its dashes kept: a font of all glyphs)
    page.insert_text((85, 80), "Appendix 2 – Researcher Characterization Form", fontname="TB", fontsize=14)
    page.insert_text((85, 133), "I –Language Competence", fontname="TB", fontsize=11)
    y, k = _lines(page, 85, 510, 146, 8, size=12)
    page.insert_text((85, y + 10), "II – Bibliographic Research", fontname="TB", fontsize=11)
    _lines(page, 85, 510, y + 23, 8, size=12, start=k)
    paper, _ = _save(doc, tmp_path)
    heads = [((s.number or ""), s.title) for s in paper.sections]
    assert ("I", "Language Competence") in heads and ("II", "Bibliographic Research") in heads, heads
    assert ("1", "What is a Systematic Review") in heads, heads


def test_an_unbookmarked_heading_in_the_subsections_type_under_a_section_without_any_is_a_subsection(tmp_path):
    # CoRL 2018 and NeurIPS 2017: "Results on the LASA-Dataset" and "The algorithm" on lines of
    # their own in the bookmarked subsections' bold (\subsection*, which hyperref does not bookmark),
    # under a section with no subsection of its own: read a level under every bookmarked heading,
    # level 3, as a \subsubsection* is.
    from pdf_pages import lines as _lines
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 80), "UCB with clustering and improved exploration", fontname="tibo", fontsize=17)
    page.insert_text((108, 130), "1   Introduction", fontname="tibo", fontsize=12)
    y, k = _lines(page, 108, 504, 150, 10)
    page.insert_text((108, y + 8), "1.1   Our Contribution", fontname="tibo", fontsize=10)
    y, k = _lines(page, 108, 504, y + 26, 10, start=k)
    page.insert_text((108, y + 10), "2   Algorithm: Clustered UCB", fontname="tibo", fontsize=12)
    y, k = _lines(page, 108, 504, y + 30, 8, start=k)
    page.insert_text((108, y + 8), "The algorithm", fontname="tibo", fontsize=10)
    y, k = _lines(page, 108, 504, y + 26, 8, start=k)
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 80), "3   Main results", fontname="tibo", fontsize=12)
    _lines(page, 108, 504, 100, 20, start=k)
    doc.set_toc([[1, "Introduction", 1], [2, "Our Contribution", 1], [1, "Algorithm: Clustered UCB", 1],
                 [1, "Main results", 2]])
    paper, _ = _save(doc, tmp_path)
    levels = {s.title: s.level for s in paper.sections}
    assert levels.get("The algorithm") == 2, levels
    assert levels.get("Our Contribution") == 2 and levels.get("Main results") == 1, levels


def test_an_appendix_tables_lettered_label_on_a_line_of_its_own_is_its_caption(tmp_path):
    # An APA manuscript (PsyArXiv 2025): "Table A1" on a line of its own in the appendix, its title
    # in italics on the next, its rules and rows under them: the label line was known by a number
    # alone ("Table 2"), and the appendix's tables were lost.
    from pdf_pages import lines as _lines
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Item Construction Rules Revisited", fontname="tibo", fontsize=16)
    page.insert_text((72, 120), "Methods", fontname="tibo", fontsize=12)
    _lines(page, 72, 540, 140, 40, size=12)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Table A1", fontname="helv", fontsize=12)
    page.insert_text((72, 105), "Latent variable loadings for two and six response categories", fontname="tiit", fontsize=12)
    _ruled_table(page, 80, 125, 530, 8)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper).get(("table", "A1"))
    assert table is not None, sorted(_floats(paper))
    assert table.caption.startswith("Latent variable loadings"), table.caption


def _image(page, rect: tuple, shade: int) -> None:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 40), False)
    pix.set_rect(pix.irect, (shade, shade, shade))
    pix.set_rect(pymupdf.IRect(10, 10, 40, 30), (200, 40, 40))
    page.insert_image(pymupdf.Rect(*rect), pixmap=pix, keep_proportion=False)


def test_a_figure_beside_another_does_not_take_its_caption_for_a_panel_of_text(tmp_path):
    # ECCV 2018 (LNCS, one column): Figures 7 and 8 side by side, each image over its own caption of
    # three short lines; Figure 7 took Figure 8's caption, level with its own, for a panel of text
    # set beside it, and its crop ran over both figures and both captions.
    from pdf_pages import lines as _lines
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y, k = _lines(page, 134, 480, 110, 14)
    _image(page, (175, 304, 272, 367), 120)
    _image(page, (319, 303, 447, 367), 220)
    for i, text in enumerate(["Fig. 7: AAE decoder reconstruc-", "tion of a test code scaled", "by a factor s in [0, 2.5]"]):
        _text(page, 155.3, 386 + 11 * i, text, size=9)
    for i, text in enumerate(["Fig. 8: AAE decoder reconstruc-", "tion of LineMOD (left) and T-", "LESS (right) scene crops"]):
        _text(page, 309.1, 386 + 11 * i, text, size=9)
    _lines(page, 134, 480, 440, 20, start=k)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    assert _contains(floats[("figure", "7")].bbox, (175, 304, 272, 367)), floats[("figure", "7")].bbox
    assert floats[("figure", "7")].bbox[2] < 300 and floats[("figure", "7")].bbox[3] < 375, floats[("figure", "7")].bbox


def test_a_legend_row_under_panels_keeps_its_first_key_left_of_the_first_panel(tmp_path):
    # COLING 2025: four plots in a row, a legend of five colour keys in a row 12 pt under their
    # frames, each key's words after it; the first key stands 18 pt left of the first plot's frame,
    # under its y-axis labels: not beside the plot nor under it, it was left out of the crop.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for i in range(4):
        x0 = 103.4 + 110.7 * i
        page.draw_rect(pymupdf.Rect(x0, 77, x0 + 78.6, 118), color=(0, 0, 0), width=0.5)
        page.draw_polyline([(x0 + 4 + 7 * j, 114 - ((j * 5 + i) % 9) * 4) for j in range(11)], color=(0.2, 0.4, 0.8), width=0.8)
        _text(page, x0 - 14, 100, "0.5", size=6)
    for x, label in ((73.3, "GPT-2 (Forward, 124M)"), (162.5, "GPT-2 (Concat)"), (274.1, "Llama2 (Forward, 7B)"),
                     (359.3, "Llama2 (Concat)"), (466.6, "BERT (109M)")):
        page.draw_rect(pymupdf.Rect(x, 136, x + 12, 140.2), color=None, fill=(0.24, 0.7, 0.44))
        page.insert_text((x + 16.7, 140.5), label, fontname="helv", fontsize=6)
    _text(page, 71, 156, "Figure 1: The performance of UniLMs and BiLMs on the probing tasks.", size=10)
    _prose(page, 71, 290, 175, 760)
    _prose(page, 305, 524, 175, 760)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "1")]
    assert figure.bbox is not None and figure.bbox[0] <= 74 and figure.bbox[3] >= 140, figure.bbox


def test_a_plot_image_framed_by_a_faint_one_pixel_line_keeps_its_frame(tmp_path):
    # AAAI 2020: matplotlib plots saved 1335 pixels wide over 199 pt, each framed on its left by a
    # light grey line one pixel wide (a sixth of a point) at x 320.98: astride the pixel grid at
    # the box's edge it blended into white, and the crop was cut to the axes, 16 pt under the top.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 1335, 999), False)
    pix.set_rect(pix.irect, (255, 255, 255))
    pix.set_rect(pymupdf.IRect(0, 0, 1, 999), (200, 200, 200))  # (the frame's one pixel)
    pix.set_rect(pymupdf.IRect(120, 120, 1300, 124), (40, 40, 40))
    pix.set_rect(pymupdf.IRect(120, 120, 124, 900), (40, 40, 40))
    pix.set_rect(pymupdf.IRect(120, 896, 1300, 900), (40, 40, 40))
    pix.set_rect(pymupdf.IRect(300, 400, 700, 880), (120, 160, 220))
    page.insert_image(pymupdf.Rect(320.98, 54.0, 519.62, 202.65), pixmap=pix, keep_proportion=False)
    _text(page, 318, 218, "Figure 7: Training Loss (a) 1-Node VAE: Hub4 (b) 3-Node VAE.", size=9)
    _prose(page, 318, 560, 235, 720)
    _prose(page, 54, 296, 54, 720)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "7")]
    assert figure.bbox is not None and figure.bbox[1] < 56 and figure.bbox[0] < 322, figure.bbox


def test_a_side_captioned_drawing_keeps_the_labels_over_it(tmp_path):
    # TODS 2006 (LaTeX article): a message flow, three lifelines under the bold labels "RM1",
    # "Other RMs" and "TM" set over them, its caption in a minipage 60 pt to its right, level with
    # it: the labels, in the text's size, were no small titles over a figure captioned under it,
    # and the crop was cut under them.
    from pdf_pages import lines as _lines
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y, k = _lines(page, 126, 486, 380, 10, size=10.9)
    page.insert_text((178.9, 527.3), "Other", fontname="tibo", fontsize=10.9)
    for x, label in ((141.3, "RM1"), (181.9, "RMs"), (254.4, "TM")):
        page.insert_text((x, 537.7), label, fontname="tibo", fontsize=10.9)
    for x in (155.1, 193.1, 264.8):
        page.draw_line((x, 543.5), (x, 657.6), color=(0, 0, 0), width=0.6)
    for i in range(4):
        page.draw_line((155.1 if i % 2 == 0 else 264.8, 560 + 25 * i), (264.8 if i % 2 == 0 else 193.1, 570 + 25 * i),
                       color=(0, 0, 0), width=0.5)
    for i, text in enumerate(["Figure 2: The message flow", "for Two-Phase Commit in the", "normal failure-free case, where",
                              "RM1 is the first RM to enter", "the prepared state."]):
        page.insert_text((326, 601 + 13.6 * i), text, fontname="tiro", fontsize=10.9)
    _lines(page, 126, 486, 690, 6, size=10.9, start=k)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "2")]
    assert figure.bbox is not None and _contains(figure.bbox, (142, 520, 271, 657), slack=1), figure.bbox
    assert figure.bbox[2] < 320, figure.bbox


def test_an_unlabelled_abstract_of_two_paragraphs_stays_the_abstract(tmp_path):
    # ACM TIST 2012, STOC 1997: an abstract with no label in two paragraphs at the lines' pitch,
    # the first flush, the second indented, then the text's first heading: an abstract, not the
    # text's first paragraph (which is indented as the next one is).
    from pdf_pages import RUNNING, _line
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Factorization Machines with libFM", fontname="tibo", fontsize=17)
    page.insert_text((250, 115), "STEFFEN RENDLE", fontname="tiro", fontsize=10)
    y, k = 150.0, 0
    for p in range(2):
        for i in range(6):
            indent = 10 if (i == 0 and p == 1) else 0
            text, k = _line(RUNNING, k, (394 if i < 5 else 200) - indent, 9)
            text = (text[:1].upper() + text[1:]) if i == 0 else text + ("." if i == 5 else "")
            page.insert_text((109 + indent, y), text, fontname="tiro", fontsize=9)
            y += 10
    page.insert_text((109, y + 20), "1. INTRODUCTION", fontname="tibo", fontsize=10)
    _prose(page, 109, 503, y + 30, 720)
    paper, _ = _save(doc, tmp_path)
    assert paper.abstract and paper.abstract.startswith("The workers read"), paper.abstract


def test_margins_of_a_point_or_less_are_not_rendered_again(tmp_path, monkeypatch):
    # The white-margin trim reads each margin it found white again at two pixels a point, each a
    # render of the page's display list: where the image's ink touches the box's edges there is no
    # margin to read (Megatron-LM's figures: eight renders more, 0.39 -> 0.48 s, when the strips
    # half a point past the edges were read however thin).
    from paperkit.reading import parse

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 400, 300), False)
    pix.set_rect(pix.irect, (255, 255, 255))
    for edge in (pymupdf.IRect(4, 4, 396, 8), pymupdf.IRect(4, 292, 396, 296),
                 pymupdf.IRect(4, 4, 8, 296), pymupdf.IRect(392, 4, 396, 296)):
        pix.set_rect(edge, (30, 30, 30))  # (a dark frame two pixels, a point, inside the image's edges)
    pix.set_rect(pymupdf.IRect(100, 100, 300, 200), (120, 160, 220))
    page.insert_image(pymupdf.Rect(320, 54, 520, 204), pixmap=pix, keep_proportion=False)
    _text(page, 318, 220, "Figure 2: Scaling of the model across GPUs.", size=9)
    _prose(page, 318, 560, 240, 720)
    _prose(page, 54, 296, 54, 720)
    zooms = []
    ink_box = parse._ink_box

    def counted(listed, clip, zoom):
        zooms.append(zoom)
        return ink_box(listed, clip, zoom)

    monkeypatch.setattr(parse, "_ink_box", counted)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "2")]
    assert figure.bbox is not None and abs(figure.bbox[1] - 55) < 1 and abs(figure.bbox[3] - 203) < 1, figure.bbox
    assert 1.0 in zooms, zooms  # (the box was trimmed here, in this process)
    assert 2.0 not in zooms, (zooms, figure.bbox)
