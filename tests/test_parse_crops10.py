"""Float crops and the page a line is printed on (issue 14, item 5): a paragraph that runs on to the
next page is one block holding lines of two pages; the float geometry of a page must read only that
page's lines, never the next page's, which stand at unrelated heights. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def _text(page, x: float, y: float, text: str, size: float = 9, font: str = "tiro") -> None:
    page.insert_text((x, y), text, fontname=font, fontsize=size)


def _two_pages(tail: str, tail_y: float) -> tuple[pymupdf.Document, pymupdf.Page]:
    """Two pages; the first opens a section whose last paragraph (from y 300) runs on to the second,
    where it ends in a short line, `tail`, at baseline tail_y."""
    doc = pymupdf.open()
    second = doc.new_page(width=612, height=792)
    count = int((tail_y - 72) / 12)
    _, k = _lines(second, 54, 558, tail_y - 12 * count, count, start=0)
    _text(second, 54, tail_y, tail, size=10)
    _lines(second, 54, 558, tail_y + 30, (730 - tail_y) // 12)
    first = doc.new_page(0, width=612, height=792)  # (put before the page it runs on to)
    _text(first, 54, 60, "1 Introduction", size=12, font="tibo")
    _lines(first, 54, 558, 300, 37)
    return doc, first


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}, paper


def _axes(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """Axes and a curve, no text."""
    page.draw_polyline([(x0, y0), (x0, y1), (x1, y1)], color=(0, 0, 0), width=0.6)
    page.draw_polyline([(x0 + 5 + i * (x1 - x0 - 10) / 8, y1 - 5 - ((i * 37) % 11) * (y1 - y0 - 10) / 11)
                        for i in range(9)], color=(0, 0, 0), width=0.8)


def test_panel_captions_under_a_figure_are_read_on_its_own_page(tmp_path):
    # A figure captioned above its plot, the text starting well under it; the paragraph at the
    # foot of the page runs on to the next, where its last line, "b) the last job.",
    # stands at the height right under the plot: read as a panel caption, it stretched the crop.
    doc, first = _two_pages("b) the last job.", 222)
    _text(first, 54, 80, "Figure 1: Runs of the job over the workers.", size=10)
    _axes(first, 60, 90, 550, 205)
    floats, _ = _parse(doc, tmp_path)
    box = floats[("figure", "1")].bbox
    assert box is not None and box[3] < 210, box


def test_a_table_ruled_once_ends_at_its_note_on_its_own_page(tmp_path):
    # A table ruled only under its header row ("Model Score", a rule, two rows), a note under it
    # alone in its row, which ends the table; the paragraph at the foot of the page runs on to the
    # next, where its last line stands level with the note: the two read as a row of two cells, and
    # the crop took the note.
    doc, first = _two_pages("of the whole job.", 140)
    _text(first, 54, 80, "Table 1: Scores of the models.", size=10)
    _text(first, 60, 100, "Model")
    _text(first, 300, 100, "Score")
    first.draw_line((54, 104), (450, 104), color=(0, 0, 0), width=0.4)  # (a hairline: no graphic)
    for y, name, score in ((116, "A", "0.51"), (128, "B", "0.62")):
        _text(first, 60, y, name)
        _text(first, 300, y, score)
    _text(first, 60, 140, "Scores are averaged over runs.")
    floats, _ = _parse(doc, tmp_path)
    box = floats[("table", "1")].bbox
    assert box is not None and box[1] < 95 and box[3] < 136, box

