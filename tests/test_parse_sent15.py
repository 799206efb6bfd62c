"""Body sentences of the fifteenth split's papers, each shape drawn here with PyMuPDF: a float's link in
small print between a sentence and its continuation (PLOS), a continuation that opens with a
parenthesis, a table's caption at a column's foot, and a line of inline math that ends on the next
sentence's first word."""

from __future__ import annotations

import pymupdf
from pdf_pages import WORDS
from pdf_pages import holds as _holds
from pdf_pages import paragraphs as _paragraphs

from paperkit.reading.parse import parse_pdf


def _fill(words: list[str], width: float, size: float = 10) -> list[str]:
    """Words set in lines of Helvetica no wider than `width`."""
    lines = [""]
    for word in words:
        longer = f"{lines[-1]} {word}".strip()
        if pymupdf.get_text_length(longer, "helv", size) > width:
            lines.append(word)
        else:
            lines[-1] = longer
    return lines


def _set(page, lines: list[str], x: float, y: float, pitch: float = 12, size: float = 10) -> float:
    for i, line in enumerate(lines):
        page.insert_text((x, y + pitch * i), line, fontname="helv", fontsize=size)
    return y + pitch * len(lines)


def _parse(doc, path):
    doc.save(path)
    return parse_pdf(path)


def _plos_pages(top_of_second: list[tuple[str, float, float]], cut: str, on: str, figure: bool = False):
    """Two pages of PLOS's layout (the text set in from the left at x=200, floats across the page from
    x=36): a sentence cut at the first page's foot, `cut` its last line, `on` the second page's first
    line of text under what `top_of_second` sets first (text, x, size)."""
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    first.insert_text((200, 80), "1 Introduction", fontname="hebo", fontsize=12)
    y = _set(first, _fill(WORDS * 9, 360), 200, 110, pitch=13)
    first.insert_text((200, y), cut, fontname="helv", fontsize=10)
    if figure:  # a plot under the cut line, its caption at the page's foot
        first.draw_rect((132, y + 30, 560, y + 120), color=(0, 0, 0), width=0.8)
        first.draw_line((150, y + 110), (540, y + 45), color=(0.8, 0, 0), width=1.5)
        first.insert_text((132, y + 140), "Fig 4. Posterior predictive checks in common households of four persons.",
                          fontname="hebo", fontsize=9)
    second = doc.new_page(width=612, height=792)
    y = 80
    for text, x, size in top_of_second:
        second.insert_text((x, y), text, fontname="helv", fontsize=size)
        y += size * 1.3
    y += 20
    second.insert_text((200, y), on, fontname="helv", fontsize=10)
    _set(second, _fill(WORDS * 6, 360), 200, y + 13, pitch=13)
    return doc


def test_a_tables_link_in_small_print_does_not_go_into_the_sentence_cut_by_the_page(tmp_path):
    # PLOS Computational Biology 2024: a sentence cut at a page's foot ("... is lower for children than
    # for") goes on at the top of the next page under a table whose DOI link, in 8 pt under its rows,
    # opens in lower case: the link stood in the sentence ("than for https://doi.org/...t001 adolescents").
    rows = [("Table 1. Overview of household infection data in the study.", 36, 9),
            ("Household   Persons   Infections", 36, 9), ("two adults   4   2", 36, 9), ("one adult   3   1", 36, 9),
            ("https://doi.org/10.1371/journal.pcbi.1011832.t001", 36, 8)]
    doc = _plos_pages(rows, "so this model confirms that the introduction hazard is lower for children than for",
                      "adolescents and adults. However, this model fits less well than the others.")
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "so this model confirms that the introduction hazard is lower for children than for "
                         "adolescents and adults."), "\n".join(_paragraphs(paper))


def test_a_sentence_goes_on_past_a_page_break_into_a_parenthesis_in_lower_case(tmp_path):
    # PLOS Computational Biology 2024: "... with the corresponding posterior probabilities" (ragged
    # right, shorter than the next line) over a figure at the page's foot; the next page opens
    # "(violin plots). Notice that ...": the sentence was cut in two at the parenthesis.
    doc = _plos_pages([], "with the corresponding posterior probabilities",
                      "(violin plots). Notice that the confidence ranges are quite wide for these households.", figure=True)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "with the corresponding posterior probabilities (violin plots)."), "\n".join(_paragraphs(paper))


def test_a_tables_caption_at_a_columns_foot_does_not_go_on_into_the_next_column(tmp_path):
    # IEEE Transactions on Consumer Electronics 2018: "TABLE II: Time Complexities of Algorithms" (no
    # full stop) centred at the left column's foot, its table under it; the right column's first
    # paragraph was read as the rest of the caption, and its sentences were lost to the text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((49, 70), "1 Introduction", fontname="hebo", fontsize=12)
    _set(page, _fill(WORDS * 8, 250), 49, 95)
    page.insert_text((82, 667), "TABLE II: Time Complexities of Algorithms", fontname="helv", fontsize=10)
    page.draw_line((80, 684), (272, 684), color=(0, 0, 0), width=0.9)
    y = 696
    for row in (("Algorithm", "Without FPU", "With FPU"), ("SAAM", "O(49.5n)", "O(35.5n)"),
                ("FQA", "O(188.0n)", "O(83.0n)"), ("AQUA", "O(93.0n)", "O(63.5n)")):
        for x, cell in zip((90, 160, 225), row):
            page.insert_text((x, y), cell, fontname="helv", fontsize=8.8)
        if y == 696:
            page.draw_line((80, 700), (272, 700), color=(0, 0, 0), width=0.55)
            y += 5
        y += 10
    page.draw_line((80, y - 5), (272, y - 5), color=(0, 0, 0), width=0.9)
    right = _fill(("For embedded platforms without a floating point unit the operations are processed by "
                   "the processor itself. " + " ".join(WORDS * 6) + ".").split(), 250)
    _set(page, right, 312, 70)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert [(t.number, t.caption) for t in paper.tables] == [("II", "Time Complexities of Algorithms")]
    assert _holds(paper, "For embedded platforms without a floating point unit the operations are processed by "
                         "the processor itself."), "\n".join(_paragraphs(paper))


def test_a_line_of_inline_math_that_opens_the_next_sentence_goes_on_into_the_line_under_it(tmp_path):
    # ACL 2017: "CrossEntropy(o) + Regularization. However," fills the column from its left edge, mostly
    # in a math font; it was read as a display equation and the sentence "However, doing so does not
    # guarantee ..." was cut after its first word.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    math, tail = "CrossEntropy(o)+Regularization.", "However,"
    width = pymupdf.get_text_length(math + " ", "symb", 10) + pymupdf.get_text_length(tail, "helv", 10)
    lines = _fill(WORDS * 3 + "by minimizing the sum of the two terms:".split(), width)
    # (15 pt apart: Helvetica's boxes, taller than Times', 12 pt apart would overlap as pieces of one row)
    y = _set(page, lines, 72, 110, pitch=15)
    page.insert_text((72, y), math, fontname="symb", fontsize=10)
    page.insert_text((72 + pymupdf.get_text_length(math + " ", "symb", 10), y), tail, fontname="helv", fontsize=10)
    after = _fill("doing so does not guarantee that the prediction will match the true distribution of the relations."
                  .split() + WORDS, width)
    _set(page, after, 72, y + 15, pitch=15)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "However, doing so does not guarantee that the prediction will match the true distribution "
                         "of the relations."), "\n".join(_paragraphs(paper))
