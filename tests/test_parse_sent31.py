"""Body sentences of the twenty-first split's papers (session 31), each drawn here with PyMuPDF in the
shape a real paper printed it: a caption all in bold with the next paragraph right under it, a row of
prose whose formula is a picture spanning two lines, a running head's and foot's rules drawn as one path."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import WORDS, column, fill, holds, paragraphs, section_page


def _parse(doc: pymupdf.Document, path):
    doc.save(path)
    return parse_pdf(path)


def _set(page, rows: list[str], x: float, y: float) -> float:
    """Rows in 9 pt Times, 10.4 pt apart (a Word paper's body); the baseline under the last."""
    return column(page, rows, x, y, font="tiro", size=9, pitch=10.4)


def test_a_paragraph_right_under_a_bold_caption_is_no_part_of_it(tmp_path):
    # SIGMOD 2015 (Word): "Figure 2: Common admin operation execution time by size" all in bold, the
    # next paragraph in the plain face 14 pt under its baseline where the text's lines stand 10.4 pt
    # apart; read as the caption's next lines, the paragraph left the text.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 4)[:70] + ["first."], 440, "tiro", 9), 72, 110)
    page.draw_rect(pymupdf.Rect(120, y + 6, 480, y + 150), color=(0, 0, 0), fill=(0.6, 0.7, 0.9))
    y += 162
    page.insert_text((72, y), "Figure 2: Common admin operation execution time by size", fontname="tibo", fontsize=9)
    sentence = "Amazon Redshift also obtains a number of advantages by operating as a managed service in the cloud."
    y = _set(page, fill(sentence.split(), 440, "tiro", 9), 72, y + 14.2)
    _set(page, fill((WORDS * 4)[:70] + ["last."], 440, "tiro", 9), 72, y + 6)
    paper = _parse(doc, tmp_path / "bold_caption.pdf")
    assert holds(paper, sentence), paragraphs(paper)
    assert [f.caption for f in paper.figures] == ["Common admin operation execution time by size"]
