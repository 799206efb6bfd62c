"""Float crops of tables at the top of a page (issue 14, item 5): a header row over the table's first
rule is no running head, and a head of two rows over that rule is all in the crop. Pages drawn with
PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def _text(page, x: float, y: float, text: str, size: float = 9, font: str = "tiro") -> None:
    page.insert_text((x, y), text, fontname=font, fontsize=size)


def _rule(page, x0: float, x1: float, y: float, width: float = 0.55) -> None:
    page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}


def test_a_header_row_over_the_first_rule_at_the_top_of_a_page_is_no_running_head(tmp_path):
    # A table at the very top of the page (no running head), ruled under its header row and between
    # its groups of rows, 35 pt apart, its caption under it. The header row "word | context |
    # neighbours" right over the first rule, with nothing above it, made the rule read as a running
    # head's underline: dropped, the table began at the next rule and lost its head and first group.
    doc = pymupdf.open()
    _text(doc.new_page(width=612, height=792), 72, 72, "A Title of the Paper", size=14, font="tibo")
    _lines(doc[0], 72, 526, 100, 40)
    page = doc.new_page(width=612, height=792)  # (the top of a paper's first page is its title)
    cols = (78, 180, 330)
    for x, t in zip(cols, ("word", "context", "selected neighbours")):
        _text(page, x, 72, t, font="tibo")
    _rule(page, 72, 526, 74.5)
    y = 88.0
    for g in range(4):
        for r in range(3):
            if r == 0:
                _text(page, cols[0], y, "Washington")
                _text(page, cols[1], y, f"({'abcd'[g]}) context of the word")
            _text(page, cols[2], y, f"({r + 1}) a neighbour sentence {g}{r}")
            y += 10
        _rule(page, 72, 526, y - 4, width=0.87 if g == 3 else 0.55)
        y += 5
    _text(page, 72, y + 12, "Table 4: Examples of the word in different contexts.", size=10)
    _lines(page, 72, 526, y + 50, 20)
    box = _parse(doc, tmp_path)[("table", "4")].bbox
    assert box is not None and box[1] < 66, box


def test_a_head_of_two_rows_over_the_first_rule_is_in_the_crop(tmp_path):
    # A table whose head is two rows ("Task-A Task-B" over "Approach Score Score") over its first
    # rule, no rule over them: the lower row joined the drawing as labels near the rule, the upper
    # one, farther off the rule, stayed out of the crop.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _lines(page, 72, 526, 80, 10)
    top = 220.0
    cols = (78, 200, 330, 450)
    for x, t in zip(cols[1:], ("NER-English", "NER-German", "Chunking")):
        _text(page, x, top, t, font="tibo")
    for x, t in zip(cols, ("Approach", "F1-score", "F1-score", "Accuracy")):
        _text(page, x, top + 12, t, font="tibo")
    _rule(page, 72, 526, top + 15.5)
    y = top + 28
    for r in range(6):
        _text(page, cols[0], y, f"Setup {r}")
        for x in cols[1:]:
            _text(page, x, y, f"9{r}.{r}7")
        y += 10
    _rule(page, 72, 526, y - 5)
    for r in range(3):
        _text(page, cols[0], y + 4, f"Baseline {r}")
        for x in cols[1:]:
            _text(page, x, y + 4, f"8{r}.{r}1")
        y += 10
    _rule(page, 72, 526, y, width=0.87)
    _text(page, 72, y + 20, "Table 2: Summary of evaluation results of all setups.", size=10)
    _lines(page, 72, 526, y + 50, 12)
    box = _parse(doc, tmp_path)[("table", "2")].bbox
    assert box is not None and box[1] < top - 6, box
