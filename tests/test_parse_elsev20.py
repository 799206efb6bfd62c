"""Front matter of pages printed anew (issue 14, the reprinted variant): Elsevier's ruled
"ARTICLE INFO / ABSTRACT" band, whose abstract stands beside the keywords' column between rules
across the text width. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import key, lines as _lines

from paperkit.reading.parse import parse_pdf

ABSTRACT = ("We study how a parser reads the front matter of a journal article whose abstract stands "
            "beside a column of keywords between two rules across the page. The rules over the headings "
            "and under the abstract frame the band the way a table's rules frame its rows, and each line "
            "of the abstract stands level with a keyword or with nothing at all. A line of the abstract "
            "that stands alone in its row under lines level with the keywords looks like the wrapped line "
            "of a table cell. We show that the heading of the abstract between the rules tells the band "
            "from a table, so that the abstract is kept as the paper's abstract and its sentences stay in "
            "the text. Our method keeps every sentence of the abstract whole on the first page of the paper "
            "and reads the rest of the paper as before, one column after the other.")


def _rule(page, x0: float, x1: float, y: float) -> None:
    page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=0.4)


def _wrapped(text: str, width: float, size: float) -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and pymupdf.get_text_length(line + " " + word, fontname="tiro", fontsize=size) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return out + [line]


def test_an_abstract_beside_the_keywords_between_rules_is_no_table_cell(tmp_path):
    # Elsevier, printed anew by cairo: a rule across the text width over "ARTICLE INFO" and
    # "ABSTRACT", a rule under each heading, the keywords' column beside the abstract's first lines
    # at the abstract's pitch, then a rule across under both. Each line of the abstract under the
    # keywords went on a line level with one, as a table cell's wrapped lines do: the band was taken
    # for a table, and the abstract was lost with its sentences.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_text((37, 90), "Reading the front matter of journal articles", fontname="tibo", fontsize=16)
    page.insert_text((37, 115), "Ada Writer, Ben Reader", fontname="tiro", fontsize=11)
    _rule(page, 37, 557, 241)
    page.insert_text((37, 253), "A R T I C L E   I N F O", fontname="tiro", fontsize=9)
    page.insert_text((202, 253), "A B S T R A C T", fontname="tiro", fontsize=9)
    _rule(page, 37, 171, 263)
    _rule(page, 202, 556, 263)
    y = 276.0
    for word in ("Article history:", "Received 2 May 2024", "Received in revised form", "6 June 2024",
                 "Accepted 9 June 2024", "Keywords:", "Front matter", "Journal articles", "Rules"):
        page.insert_text((37, y), word, fontname="tiro", fontsize=7)
        y += 9.6
    y = 276.0
    for text in _wrapped(ABSTRACT, 354, 7):
        page.insert_text((202, y), text, fontname="tiro", fontsize=7)
        y += 9.6
    _rule(page, 37, 557, y + 4)
    page.insert_text((37, y + 30), "1. Introduction", fontname="tibo", fontsize=9)
    _lines(page, 37, 290, y + 45, 30, size=9)
    _lines(page, 305, 557, y + 45, 30, size=9)
    paper = parse_pdf(_save(doc, tmp_path))
    assert paper.abstract is not None and key(paper.abstract) == key(ABSTRACT), paper.abstract
    assert not paper.tables


def _save(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    return path
