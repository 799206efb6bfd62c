"""Layout facts of the twenty-ninth split's papers (helper s29a): each on pages drawn here with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)
from test_parse_heads14 import _titles  # noqa: E402
from test_parse_heads16 import _first_page  # noqa: E402


def test_an_unbookmarked_heading_over_a_short_paragraph_is_a_heading_as_its_siblings():
    # CVPR: "TestBed" in bold at the text's size on its own line, right under the bookmarked "4.1.
    # Evaluation Setup", over a paragraph of two lines ("We evaluated SharpView on a PC equipped with
    # ..."), too short to tell from a label's text; "Baselines" and "Workload" in its very type under the
    # same entry head long paragraphs. Bookmarks name no starred heading: all three are headings.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("1.1. Evaluation Setup", "tibo", 11, gap=1.6)
    page.line("TestBed", "tibo", 10, gap=1.6)
    page.line("We evaluated our method on one machine equipped with a graphics card, a")
    page.line("processor and plenty of memory.")
    page.skip(6)
    page.line("Baselines", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("Workload", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("1.2. Results", "tibo", 11, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, ". Introduction", 1], [2, ". Evaluation Setup", 1], [2, ". Results", 1]])
    titles = _titles(_parse(doc))
    assert titles == [("1", "Introduction", 1), ("1.1", "Evaluation Setup", 2), (None, "TestBed", 3),
                      (None, "Baselines", 3), (None, "Workload", 3), ("1.2", "Results", 2)], titles


def test_a_long_tables_head_row_repeated_between_its_rules_is_no_heading():
    # ACL: a longtable runs on to the next page, its head row "Method  Completion" in bold set again at
    # the top between its top rule and its mid rule, the two column heads an em and more apart (cells
    # read as one line), the rows' cells under them. A heading's words stand a word space apart.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4)
    page.line("2 Results", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4)
    page = Page(doc)
    page.page.draw_line((70, 70), (540, 70), width=0.8)
    page.y = 84
    page.page.insert_text((72, page.y), "Method", fontname="tibo", fontsize=10)
    page.page.insert_text((130, page.y), "Completion", fontname="tibo", fontsize=10)
    page.page.draw_line((70, 90), (540, 90), width=0.5)
    page.y = 104
    for label in ("DPO", "KTO"):
        page.page.insert_text((72, page.y), label, fontname="tiro", fontsize=10)
        for _ in range(4):
            page.line("Yes, you can adjust the layout of the widgets in the administration area of the site.", x=130)
        page.skip(6)
    page.page.draw_line((70, page.y), (540, page.y), width=0.8)
    page.line("Continued on next page", "tiit", 9, x=430, gap=1.6)
    titles = _titles(_parse(doc))
    assert titles == [("1", "Introduction", 1), ("2", "Results", 1)], titles


def _paragraphs(page, x0: float, x1: float, y: float, count: int, lines_each: int, size: float = 10.0,
                font: str = "tiro", start: int = 0) -> tuple[float, int]:
    """Paragraphs told apart only by their first line's indent, at the lines' pitch, in `font`; the
    next baseline and word index."""
    from pdf_pages import RUNNING, _line
    k = start
    for _ in range(count):
        for i in range(lines_each):
            indent = 10 if i == 0 else 0
            text, k = _line(RUNNING, k, x1 - x0 - indent - 15, size)
            text = text[:1].upper() + text[1:] if i == 0 else text
            text += "." if i == lines_each - 1 else ""
            words = text.split()
            # (justified: the words spread across the measure, the last line ragged)
            room = x1 - x0 - indent - sum(pymupdf.get_text_length(w, fontname=font, fontsize=size) for w in words)
            space = room / (len(words) - 1) if i < lines_each - 1 else pymupdf.get_text_length(" ", fontname=font, fontsize=size)
            x = x0 + indent
            for word in words:
                page.insert_text((x, y), word, fontname=font, fontsize=size)
                x += pymupdf.get_text_length(word, fontname=font, fontsize=size) + space
            y += size * 1.2
    return y, k


def test_unlabelled_paragraphs_in_italics_over_roman_text_are_the_abstract(tmp_path):
    # USENIX OSDI 2006: no "Abstract" label; under the names, three paragraphs in italics at the text's
    # size, each first line indented as the text's paragraphs are, right under one another, then "1
    # Introduction" over the text in roman. They read as the text's opening paragraphs (told apart
    # only by their indents) and the paper had no abstract: the italics set them apart from the text.
    from test_parse_floats import _save
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((190, 130), "Stasis: Flexible Transactional Storage", fontname="tibo", fontsize=14.3)
    page.insert_text((233, 175), "Ada Okafor and Binta Ndiaye", fontname="tiro", fontsize=12)
    page.insert_text((245, 190), "University of Somewhere", fontname="tiit", fontsize=9)
    y, k = _paragraphs(page, 72, 297, 262, 3, 6, font="tiit")
    page.insert_text((72, y + 14), "1   Introduction", fontname="tibo", fontsize=12)
    _, k = _paragraphs(page, 72, 297, y + 36, 2, 8, start=k)
    _paragraphs(page, 315, 540, 262, 4, 9, start=k)
    page = doc.new_page(width=612, height=792)
    _, k = _paragraphs(page, 72, 297, 72, 5, 10, start=k)
    _paragraphs(page, 315, 540, 72, 5, 10, start=k)
    paper, _ = _save(doc, tmp_path)
    assert paper.abstract and paper.abstract.startswith("The workers read"), paper.abstract
    # (all three paragraphs)
    assert paper.abstract.count(".") >= 3, paper.abstract
    assert paper.sections and paper.sections[0].title == "Introduction", [s.title for s in paper.sections]


def _justified(page, x0: float, x1: float, y: float, words: list[tuple[str, str]], size: float = 10.0) -> None:
    """One line of (word, font) pairs spread from x0 to x1."""
    widths = [pymupdf.get_text_length(w, fontname=f, fontsize=size) for w, f in words]
    space = (x1 - x0 - sum(widths)) / (len(words) - 1)
    x = x0
    for (word, font), width in zip(words, widths):
        page.insert_text((x, y), word, fontname=font, fontsize=size)
        x += width + space


def test_a_list_items_sentence_going_on_into_a_bold_phrase_on_its_next_line_is_one_paragraph(tmp_path):
    # EMNLP 2025: a numbered list whose items stress a phrase in bold that starts at one line's end and
    # goes on over the next, hung under the item's text: "2. In Section 4, we use SD-SCMs to create **an**"
    # / "**example benchmark for causal effect es-**" / "**timation** and test a suite ...". The first
    # line opens as a numbered heading would ("2. In ..."), but its words go on in roman before the bold:
    # no heading's line; the item was cut in two paragraphs after "an".
    from test_parse_floats import _save
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "A Study of Lists", fontname="tibo", fontsize=16)
    page.insert_text((72, 100), "1   Introduction", fontname="tibo", fontsize=12)
    y, k = _paragraphs(page, 72, 300, 120, 2, 5)
    r, b = "tiro", "tibo"
    page.insert_text((72, y), "1.", fontname=r, fontsize=10)
    _justified(page, 85, 300, y, [(w, r) for w in "We first define a procedure for turning".split()] +
               [(w, b) for w in "any model into".split()])
    _justified(page, 85, 300, y + 12, [(w, b) for w in "a generator of causal data that we can".split()])
    page.insert_text((85, y + 24), "study at length in the rest of this paper.", fontname=r, fontsize=10)
    page.insert_text((72, y + 36), "2.", fontname=r, fontsize=10)
    _justified(page, 85, 300, y + 36, [(w, r) for w in "In Section 4, we use these models to create".split()] + [("an", b)])
    _justified(page, 85, 300, y + 48, [(w, b) for w in "example benchmark for causal effect es-".split()])
    _justified(page, 85, 300, y + 60, [("timation", b)] + [(w, r) for w in "and test a suite of popular methods".split()])
    page.insert_text((85, y + 72), "across many estimation settings.", fontname=r, fontsize=10)
    _paragraphs(page, 72, 300, y + 90, 2, 5, start=k)
    _paragraphs(page, 320, 540, 120, 4, 9, start=k)
    paper, _ = _save(doc, tmp_path)
    texts = [p.text for s in paper.sections for p in s.paragraphs]
    assert any("we use these models to create an example benchmark for causal effect estimation and test" in t
               for t in texts), texts


def _grid(page, top: float, name: str) -> float:
    """Two blocks of a confusion-matrix tabular drawn as a figure under a title row (`name` at the left,
    the blocks' titles over them), their columns parted by vertical hairlines drawn a row's piece at
    a time, no horizontal rule; the next free height."""
    page.insert_text((130, top + 10), name, fontname="tiit", fontsize=10)
    page.insert_text((240, top + 10), "Deep architecture", fontname="tiit", fontsize=10)
    page.insert_text((400, top + 10), "Shallow architecture", fontname="tiit", fontsize=10)
    page.insert_text((210, top + 27), "Known speakers", fontname="tiit", fontsize=10)
    page.insert_text((310, top + 27), "New speakers", fontname="tiit", fontsize=10)
    page.insert_text((410, top + 27), "New speakers", fontname="tiit", fontsize=10)
    y = top + 42
    for row, label in enumerate(["", "EN", "FR", "DE"]):
        for left in (195, 295, 395):
            cells = ["EN", "FR", "DE"] if not label else [label, "33.4", "0.6", "1.9"]
            for k, cell in enumerate(cells):
                page.insert_text((left + (25 if not label else 0) + 25 * k + (0 if not label or k == 0 else 10), y + 8 * row),
                                 cell, fontname="tiro", fontsize=7)
    for left in (200, 300, 400):
        page.insert_text((left, y + 46), "Accuracy = 91.2%", fontname="tiro", fontsize=10)
    bottom = y + 50
    for x, start in ((188, top), (288, top + 17), (388, top)):
        piece = start
        while piece < bottom:
            page.draw_line((x, piece), (x, min(piece + 8, bottom)), width=0.4)
            piece += 8
    return bottom


def test_a_grid_of_text_parted_by_vertical_hairlines_is_one_figure_with_its_labels(tmp_path):
    # NIPS 2009 workshop: Figure 3, two confusion-matrix tabulars one under the other, each a title row
    # ("VoxForge", "Deep architecture", ...) over three blocks of numbers parted by "|" rules drawn a
    # row's piece at a time, no horizontal rule, the caption under them. Alone each vertical rule is
    # a lone hairline, no graphic: the crop held the last block of numbers alone, the rest read as
    # the text's paragraphs ("VoxForge Deep architecture Known speakers").
    from test_parse_floats import _floats, _save
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    bottom = _grid(page, 80, "VoxForge")
    bottom = _grid(page, bottom + 16, "RadioStream")
    page.insert_text((108, bottom + 16), "Figure 3: Performance of the classifier on five seconds of speech. Rows of the",
                     fontname="tiro", fontsize=10)
    page.insert_text((108, bottom + 28), "confusion matrices are the true labels, columns the predictions.", fontname="tiro", fontsize=10)
    _paragraphs(page, 108, 504, bottom + 56, 4, 6)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "3")]
    box = figure.bbox
    assert box[1] <= 82 and box[0] <= 131 and box[3] >= bottom - 2, box
    texts = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "VoxForge" not in texts and "Known speakers" not in texts, texts[:300]
