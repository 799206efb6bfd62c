"""Three columns a few points apart (a magazine's page, CACM) read column by column when the page
also holds paragraphs whose indented first lines leave a strip at the text's left edge, or a
sidebar across two of the columns: pages drawn here with PyMuPDF."""

from __future__ import annotations

import pymupdf
from pdf_pages import holds as _holds
from pdf_pages import paragraphs as _paragraphs

from paperkit.reading.parse import parse_pdf

ROW = "row {:02d} goes on across the page and"  # (digits are all one width: every row is as wide)
LEAD = "row "
WIDTH = pymupdf.get_text_length(ROW.format(0), "helv", 10)
GAP = 10  # between columns, as CACM sets them: barely wider than a word space


def _column(page, x: float, y: float, numbers, indent_every: int = 0) -> list[str]:
    """Rows of justified 10 pt Helvetica, one under the other from baseline `y`; with `indent_every`,
    a paragraph of that many rows opens each time, its first row indented by dropping its "row "."""
    rows = []
    for k, n in enumerate(numbers):
        text = ROW.format(n)
        if indent_every and k % indent_every == 0:
            text = text[len(LEAD):]
            page.insert_text((x + pymupdf.get_text_length(LEAD, "helv", 10), y + 12 * k), text,
                             fontname="helv", fontsize=10)
        else:
            page.insert_text((x, y + 12 * k), text, fontname="helv", fontsize=10)
        rows.append(text)
    return rows


def _fill(words: list[str], width: float) -> list[str]:
    """Words set in rows of 10 pt Helvetica no wider than `width`."""
    rows = [""]
    for word in words:
        longer = f"{rows[-1]} {word}".strip()
        if pymupdf.get_text_length(longer, "helv", 10) > width:
            rows.append(word)
        else:
            rows[-1] = longer
    return rows


def _page() -> tuple[pymupdf.Document, pymupdf.Page]:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((40, 36), "Columns of a Magazine", fontname="hebo", fontsize=16)
    page.insert_text((40, 80), "1 Introduction", fontname="hebo", fontsize=14)
    return doc, page


def _parse(doc, path):
    doc.save(path)
    return parse_pdf(path)


def test_indented_first_lines_at_the_left_edge_are_no_gap_between_columns(tmp_path):
    # CACM: the first two of three columns, 10 pt apart, hold a few short paragraphs over a figure
    # across both, their first lines indented, and the third column runs down the page. The strip
    # between the left edge and the indented first lines, which only the other rows of the first
    # column cover, was taken for a gap between columns; the columns were then not found, and their
    # rows were joined across the narrow gaps ("Automatic, rapid, and unlimited must provide a cab
    # with ...").
    doc, page = _page()
    xs = [40, 40 + WIDTH + GAP, 40 + 2 * (WIDTH + GAP)]
    first = _column(page, xs[0], 110, range(0, 9), indent_every=3)
    second = _column(page, xs[1], 110, range(10, 19))
    _column(page, xs[2], 110, range(20, 72))
    page.draw_rect(pymupdf.Rect(40, 240, xs[1] + WIDTH, 560), color=(0, 0, 0), fill=(0.6, 0.8, 0.9))
    page.insert_text((47, 576), "Figure 1. Cloud computing approaches compared to rides from an airport.",
                     fontname="hebo", fontsize=9)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, " ".join(first[3:6])), _paragraphs(paper)
    assert _holds(paper, " ".join(second)), _paragraphs(paper)


def test_a_sidebar_across_two_of_three_columns_leaves_their_gap(tmp_path):
    # CACM: a sidebar over the second and third columns at the top of the page, the two
    # columns under it and the first column beside it all the way down. The sidebar's 20 rows
    # cross the gap between the second and third columns, and were counted against it: the gap was
    # not found and the two columns were read row by row ("business, rather than on problems in
    # suggests that low prices can spark"). The sidebar's short last row, inside the second column,
    # ends the sidebar's paragraph, not the first column's.
    doc, page = _page()
    xs = [40, 40 + WIDTH + GAP, 40 + 2 * (WIDTH + GAP)]
    first = _column(page, xs[0], 110, range(0, 52))
    box = _fill(("In the box the cost of a function is set against the cost of a machine kept "
                 "running all day long whether or not any work reaches it. " * 8).split(), 2 * WIDTH)[:12]
    for k, line in enumerate(box):
        page.insert_text((xs[1] + 4, 110 + 12 * k), line, fontname="helv", fontsize=10)
    box.append("the box ends here.")
    page.insert_text((xs[1] + 4, 110 + 12 * (len(box) - 1)), box[-1], fontname="helv", fontsize=10)
    second = _column(page, xs[1], 400, range(0, 25))
    third = _column(page, xs[2], 400, range(50, 75))
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, " ".join(second[2:20])), _paragraphs(paper)
    assert _holds(paper, " ".join(third[2:20])), _paragraphs(paper)
    assert _holds(paper, " ".join(box[-3:])), _paragraphs(paper)
    assert _holds(paper, " ".join(first[40:])), _paragraphs(paper)
