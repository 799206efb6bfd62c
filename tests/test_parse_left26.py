"""Leftovers of the real-paper parser (session 26), each drawn here with PyMuPDF in the shape a real
paper printed it: a row set lower by its math that opens on a bracketed name, a justified row
stretched wide, a line-end hyphen the paper prints closed elsewhere, ..."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import Line, _stretched_words, parse_pdf
from pdf_pages import WORDS, fill, holds, paragraphs, section_page


def _parse(doc: pymupdf.Document, path):
    doc.save(path)
    return parse_pdf(path)


def _set(page, rows: list[str], x: float, y: float, pitch: float = 12) -> float:
    for i, text in enumerate(rows):
        page.insert_text((x, y + pitch * i), text, fontname="helv", fontsize=10)
    return y + pitch * len(rows)


def test_a_row_set_lower_that_opens_on_a_bracketed_name_goes_on(tmp_path):
    # NIPS 2017: "... we propose the Soft Thresholding Projection" (the row full to the column's
    # right edge) / "(SOTOPO) algorithm in Alg. 1 to obtain θ̃": the accent over θ sets the row
    # 14 pt under the last, past 1.3 times the pitch; the sentence goes on.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 3)[:60] + ["first."], 440), 72, 110)
    full = "so we propose the Soft Thresholding Projection"
    page.insert_text((512 - pymupdf.get_text_length(full, "helv", 10), y), full, fontname="helv", fontsize=10)
    y += 17
    _set(page, fill(["(SOTOPO)", "algorithm", "to", "obtain", "the", "solution"] + (WORDS * 2)[:40] + ["done."], 440), 72, y)
    paper = _parse(doc, tmp_path / "bracket.pdf")
    assert holds(paper, "we propose the Soft Thresholding Projection (SOTOPO) algorithm to obtain the solution")


def test_a_row_set_lower_that_opens_on_an_enumeration_starts_an_item(tmp_path):
    # The rule's counterpart: "(ii) the model ..." under a full row opens an item of a list.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 3)[:60] + ["first."], 440), 72, 110)
    full = "the list of what the model does is the following"
    page.insert_text((512 - pymupdf.get_text_length(full, "helv", 10), y), full, fontname="helv", fontsize=10)
    y += 17
    _set(page, fill(["(ii)", "the", "model", "reads"] + (WORDS * 2)[:40] + ["done."], 440), 72, y)
    paper = _parse(doc, tmp_path / "item.pdf")
    assert not holds(paper, "is the following ii the model reads")


def _spread(page, words: list[tuple[str, str]], x: float, y: float, gaps: list[float]) -> None:
    """Words (text, font) set one by one on baseline y, each the given gap after the last."""
    for (text, font), gap in zip(words, [0.0] + gaps):
        x += gap
        page.insert_text((x, y), text, fontname=font, fontsize=10)
        x += pymupdf.get_text_length(text, font, 10)


def test_a_justified_row_stretched_wide_is_one_row(tmp_path):
    # AISTATS 2011: a narrow column justifies "Binary Classification We compare FTRL-" to its width,
    # the words 13.7 pt apart (more than an em), the run-in head a gap of its own before them; each
    # word comes as a line of its own. The row is one, its sentence going on onto the next.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 2)[:30] + ["first."], 230), 72, 110)
    y += 12
    _spread(page, [("Binary", "hebo"), ("Classification", "hebo"), ("We", "helv"), ("compare", "helv"),
                   ("fast-", "helv")], 72, y, [15.7, 10.0, 13.7, 13.6])
    _set(page, fill(["proximal,", "the", "model", "and", "the", "reader"] + (WORDS * 2)[:30] + ["done."], 230), 72, y + 12)
    paper = _parse(doc, tmp_path / "stretched.pdf")
    assert holds(paper, "We compare fast-proximal, the model and the reader") or \
        holds(paper, "We compare fastproximal, the model and the reader")


def _piece(x0: float, text: str) -> Line:
    x1 = x0 + pymupdf.get_text_length(text, "helv", 10)
    return Line(page=0, x0=x0, y0=300.0, x1=x1, y1=310.0, text=text, size=10.0, bold=False, italic=False,
                math_chars=0, spans=[(x0, x1, text, "")], base=308.0)


def _row(words: list[str], gaps: list[float]) -> list[Line]:
    pieces, x = [], 72.0
    for text, gap in zip(words, [0.0] + gaps):
        pieces.append(_piece(x + gap, text))
        x = pieces[-1].x1
    return pieces


def test_cells_apart_by_unequal_gaps_are_no_stretched_row():
    # The rule's counterpart: a table's cells stand as far apart as their columns fall; words a
    # justified row spreads stand one gap apart.
    cells = _row(["method", "recall", "precision", "speed"], [14.0, 21.0, 17.5])
    assert not _stretched_words(cells)
    words = _row(["we", "compare", "the", "methods"], [13.7, 13.6, 13.8])
    assert _stretched_words(words) == {id(x) for x in words[1:]}


def test_a_line_end_hyphen_is_undone_where_the_paper_prints_the_word_s_kin_closed(tmp_path):
    # IJCV 2004: "... significant additional post-" / "processing and analysis", in a paper that prints
    # "postprocess" elsewhere and never "post-process": the word is "postprocessing".
    doc, page = section_page()
    rows = fill(["we", "postprocess", "the", "windows", "first."] + (WORDS * 2)[:30] + ["done."], 440)
    y = _set(page, rows, 72, 110) + 12
    y = _set(page, ["the system will allow for significant additional post-", "processing and analysis of the windows."], 72, y)
    paper = _parse(doc, tmp_path / "kin.pdf")
    assert holds(paper, "significant additional postprocessing and analysis")


def test_a_line_end_hyphen_stays_where_the_paper_prints_the_word_s_kin_hyphened(tmp_path):
    doc, page = section_page()
    rows = fill(["we", "post-process", "the", "windows", "first."] + (WORDS * 2)[:30] + ["done."], 440)
    y = _set(page, rows, 72, 110) + 12
    y = _set(page, ["the system will allow for significant additional post-", "processing and analysis of the windows."], 72, y)
    paper = _parse(doc, tmp_path / "kin.pdf")
    assert any("additional post-processing and" in p for p in paragraphs(paper))


def _scanned(tmp_path, draw) -> pymupdf.Document:
    """A page drawn by `draw(page, write)` as a scan: one image of the printed page, its words laid
    over it unseen (an OCR's text layer). `write(x, y, text, size)` sets a line of text."""
    printed = pymupdf.open()
    page = printed.new_page(width=612, height=792)
    rows: list[tuple[float, float, str, float]] = []

    def write(x: float, y: float, text: str, size: float = 10) -> None:
        page.insert_text((x, y), text, fontname="tiro", fontsize=size)
        rows.append((x, y, text, size))

    draw(page, write)
    pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    doc = pymupdf.open()
    scan = doc.new_page(width=612, height=792)
    scan.insert_image(scan.rect, pixmap=pix)
    for x, y, text, size in rows:
        scan.insert_text((x, y), text, fontname="tiro", fontsize=size, render_mode=3)
    return doc


def test_a_scanned_float_ruled_above_and_below_is_cropped_between_its_rules(tmp_path):
    # Machine Learning 1988, scanned: "Table 1. The algorithm E." over two rules that hold the
    # algorithm's numbered steps, lines of words; the scan draws no rule, its pixels do.
    def draw(page, write):
        write(72, 80, "1 Introduction", 14)
        y = 110
        for text in fill((WORDS * 3)[:50] + ["first."], 440, "tiro"):
            write(72, y, text)
            y += 12
        write(250, y + 10, "Table 1. The algorithm E.", 9)
        page.draw_line((150, y + 22), (460, y + 22), width=0.7)
        steps = ["1. Initialize the bound to one quarter and the round to one.",
                 "2. Repeat until the halt condition is fulfilled by the rules:",
                 "2.1 Request more examples for the rules in this round.",
                 "2.2 For each rule test it against all the examples and count."]
        for k, text in enumerate(steps):
            write(160, y + 38 + 13 * k, text, 9)
        page.draw_line((146, y + 38 + 13 * len(steps)), (464, y + 38 + 13 * len(steps)), width=0.7)
        y += 70 + 13 * len(steps)
        for text in fill((WORDS * 3)[:50] + ["done."], 440, "tiro"):
            write(72, y, text)
            y += 12
    doc = _scanned(tmp_path, draw)
    paper = _parse(doc, tmp_path / "scan.pdf")
    table = next(t for t in paper.tables if t.number == "1")
    assert table.bbox is not None and table.bbox[3] - table.bbox[1] > 50


def test_an_unnumbered_line_in_the_numbered_subsections_small_capitals_is_a_subsection():
    # ICLR 2017 without bookmarks: "3.1 THE PREDICTION TASKS" in faked small capitals (10 pt initials,
    # 8 pt rest, regular weight) and, in the appendix, "ENCODER DECODER" in the same type on its own
    # line over a paragraph (\subsection*): a subsection too.
    from test_parse_heads9 import Page, _parse as parse_doc
    from test_parse_heads14 import _titles
    from test_parse_heads16 import _first_page
    from test_parse_heads18 import _runs

    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    for number, words in (("1.1", [("T", 10), ("HE ", 8), ("P", 10), ("REDICTION ", 8), ("T", 10), ("ASKS", 8)]),
                          ("1.2", [("W", 10), ("ORD ", 8), ("O", 10), ("RDER", 8)])):
        page.page.insert_text((72, page.y), number, fontname="tiro", fontsize=10)
        _runs(page, words, x=72 + pymupdf.get_text_length(number, fontname="tiro", fontsize=10) + 10)
        page.paragraph(repeat=2)
    page.line("2 Technical Details", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    _runs(page, [("E", 10), ("NCODER ", 8), ("D", 10), ("ECODER", 8)])
    page.paragraph(repeat=2)
    titles = _titles(parse_doc(doc))
    assert (None, "ENCODER DECODER", 2) in titles or ("", "ENCODER DECODER", 2) in titles, titles


def test_a_bookmark_that_only_opens_a_paragraph_with_a_bold_run_in_label_is_no_section():
    # J. Quant. Criminology (Springer, 2009): the licence note bookmarked "Open Access" prints its
    # words in bold as a run-in label, the note going on after them in its plain type on the same
    # line ("**Open Access** This article is distributed under ..."): a label, no section.
    from test_parse_heads9 import Page, _parse as parse_doc
    from test_parse_heads14 import _titles

    doc = pymupdf.open()
    page = Page(doc)
    for name in ("Introduction", "Discussion"):
        page.line(name, "tibo", 12, gap=1.5)
        page.paragraph(repeat=3)
    label = "Open Access"
    page.page.insert_text((72, page.y), label, fontname="tibo", fontsize=8)
    page.line("This article is distributed under the terms of the Creative Commons", size=8,
              x=72 + pymupdf.get_text_length(label, "tibo", 8) + 6)
    page.line("Attribution License which permits any use, distribution, and reproduction in any medium.", size=8)
    page.skip(10)
    page.line("References", "tibo", 12, gap=1.5)
    page.line("Okafor, A. (2009). Plots for binary outcomes. Journal of Methods, 3, 1-20.")
    doc.set_toc([[1, "Introduction", 1], [1, "Discussion", 1], [1, "Open Access", 1], [1, "References", 1]])
    assert [t for _, t, _ in _titles(parse_doc(doc))] == ["Introduction", "Discussion", "References"]


def test_a_lettered_line_under_a_figure_s_caption_is_no_panel_caption(tmp_path):
    # IRJET (Word): "Fig.4. Central processing Unit" right under its drawing, then 2 pt below it the
    # lettered heading "b) Graphics Processing Unit" over its paragraph. A panel's caption stands
    # over the float's caption, never under it: the heading stays the text's.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 2)[:40] + ["first."], 440), 72, 110)
    page.draw_rect(pymupdf.Rect(200, y + 5, 420, y + 125), color=(0, 0, 0), fill=(0.7, 0.8, 0.9))
    page.insert_text((250, y + 136), "Fig.4. Central processing unit", fontname="helv", fontsize=10)
    page.insert_text((72, y + 150), "b) Graphics Processing Unit", fontname="heit", fontsize=10)
    _set(page, fill(["Graphics", "cards"] + (WORDS * 3)[:50] + ["done."], 440), 72, y + 166)
    paper = _parse(doc, tmp_path / "lettered.pdf")
    assert any("Graphics Processing Unit" in t for t in [s.title for s in paper.sections] + paragraphs(paper))
    assert not any("Graphics" in f.caption for f in paper.figures)
