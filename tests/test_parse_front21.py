"""Front matter and bibliography of journal pages (issue 14, the fourteenth split): a title's mark
drawn from a symbol font the text layer names as a letter, a title cut short in the metadata, an
abstract framed under its label, a title page of many authors, and a bibliography in two columns
whose labels hang in the gutter over a licence note set across the page's foot. Pages drawn with
PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import key, lines as _lines

from paperkit.reading.parse import parse_pdf

ABSTRACT = ("We study how a parser reads the front matter of a journal article printed from a word "
            "processor. The abstract stands in a frame drawn round its paragraph, and its label stands "
            "over the frame. A frame round a paragraph of text is often a figure of text, a sample or a "
            "listing, but a frame under the label of the abstract holds the abstract. We show that the "
            "label tells the two apart, so that the abstract is kept as the paper's abstract.")


def _save(doc, tmp_path, name: str = "paper.pdf"):
    path = tmp_path / name
    doc.save(path)
    return path


def _wrapped(text: str, width: float, size: float, font: str = "tiro") -> list[str]:
    out, line = [], ""
    for word in text.split():
        if line and pymupdf.get_text_length(line + " " + word, fontname=font, fontsize=size) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return out + [line]


def test_a_title_mark_from_a_symbol_font_named_as_a_letter_is_no_part_of_the_title(tmp_path):
    # Elsevier: the title's note mark (a star) drawn from a symbol font of its own, which the text
    # layer names by the glyph's code, "q", raised and smaller after the title's last word. It was
    # read as the title's last word: "... quality assessment q".
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    title = "A new method of image inpainting quality assessment"
    page.insert_text((33, 190), title, fontname="tiro", fontsize=13.5)
    end = 33 + pymupdf.get_text_length(title, fontname="tiro", fontsize=13.5)
    page.insert_text((end + 3, 184), "q", fontname="helv", fontsize=9.5)
    page.insert_text((33, 212), "Ada Writer, Ben Reader", fontname="tiro", fontsize=10.5)
    page.insert_text((33, 240), "Abstract", fontname="tibo", fontsize=9)
    _lines(page, 33, 560, 254, 6, size=9)
    page.insert_text((33, 340), "1. Introduction", fontname="tibo", fontsize=9)
    _lines(page, 33, 290, 356, 30, size=9)
    _lines(page, 305, 560, 356, 30, size=9)
    page.insert_text((37, 700), "q", fontname="helv", fontsize=4.5)
    page.insert_text((42, 703), "This article is part of a special issue.", fontname="tiro", fontsize=6.5)
    paper = parse_pdf(_save(doc, tmp_path))
    assert paper.title == title, paper.title


def _title_page(doc, metadata_title: str | None):
    page = doc.new_page(width=595, height=842)
    page.insert_text((152, 142), "Journal of Reading 22: 177-210, 2004.", fontname="tiro", fontsize=9)
    page.insert_text((130, 204), "Class Noise vs. Attribute Noise: A Quantitative Study", fontname="tibo", fontsize=12)
    page.insert_text((130, 218), "of Their Impacts", fontname="tibo", fontsize=12)
    page.insert_text((130, 252), "ADA WRITER & BEN READER", fontname="tiro", fontsize=11)
    page.insert_text((130, 264), "Department of Computer Science, University of Vermont, USA", fontname="tiit", fontsize=9)
    y = 302.0
    for k, text in enumerate(_wrapped(ABSTRACT, 335, 9)):
        page.insert_text((130, y), ("Abstract. " if k == 0 else "") + text, fontname="tiro", fontsize=9)
        y += 11
    page.insert_text((130, y + 30), "1. Introduction", fontname="tibo", fontsize=11)
    _lines(page, 130, 465, y + 56, 20, size=11)
    for _ in range(2):
        page = doc.new_page(width=595, height=842)
        _lines(page, 130, 465, 120, 45, size=11)
    if metadata_title is not None:
        doc.set_metadata({"title": metadata_title})


def test_a_title_cut_short_in_the_metadata_goes_on_over_its_printed_lines(tmp_path):
    # A journal's title set in 12 pt bold over 11 pt text (no larger type to find it by), its
    # metadata title the first of its two printed lines: the second, in the same type at the same
    # left edge a line's step under it, is the title's too.
    doc = pymupdf.open()
    _title_page(doc, "Class Noise vs. Attribute Noise: A Quantitative Study")
    paper = parse_pdf(_save(doc, tmp_path))
    assert paper.title == "Class Noise vs. Attribute Noise: A Quantitative Study of Their Impacts", paper.title


def test_a_title_found_by_its_type_goes_on_over_its_next_line(tmp_path):
    # The same page without metadata (re-saved without it): the largest line at the top, in bold,
    # runs on over the line under it in its type, set single-spaced at its left edge.
    doc = pymupdf.open()
    _title_page(doc, None)
    paper = parse_pdf(_save(doc, tmp_path))
    assert paper.title == "Class Noise vs. Attribute Noise: A Quantitative Study of Their Impacts", paper.title


def test_a_framed_abstract_under_its_label_is_the_abstract_no_figure(tmp_path):
    # A journal printed from a word processor: "ABSTRACT" in bold over a frame drawn round the
    # abstract's paragraph. The framed text was taken for a figure of text, and the abstract lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((116, 164), "Lossless Image Compression Schemes: A Review", fontname="hebo", fontsize=17)
    page.insert_text((293, 196), "Ada Writer and Ben Reader", fontname="hebo", fontsize=11)
    page.insert_text((94, 488), "ABSTRACT", fontname="hebo", fontsize=10.5)
    y = 509.0
    for text in _wrapped(ABSTRACT, 410, 9.5, "helv"):
        page.insert_text((99.5, y), text, fontname="helv", fontsize=9.5)
        y += 10.8
    page.draw_rect(pymupdf.Rect(94.3, 499.4, 518.2, y + 4), color=(0, 0, 0), width=0.5)
    page.insert_text((94, y + 24), "Keywords: Lossless; image compression; scheme.", fontname="heit", fontsize=9.5)
    page.insert_text((94, y + 46), "1. INTRODUCTION", fontname="hebo", fontsize=10.5)
    _lines(page, 94, 302, y + 66, 8, size=9.5)
    _lines(page, 313, 521, y + 66, 8, size=9.5)
    page = doc.new_page(width=612, height=792)
    _lines(page, 94, 302, 100, 50, size=9.5)
    _lines(page, 313, 521, 100, 50, size=9.5)
    paper = parse_pdf(_save(doc, tmp_path))
    assert paper.abstract is not None and key(paper.abstract) == key(ABSTRACT), paper.abstract


def test_an_abstract_under_many_authors_on_the_title_page_is_found(tmp_path):
    # A camera-ready copy of 21 authors, three to a row, each name, affiliation and address a
    # line of its own apart from the others: page 1 makes some 70 blocks before "Abstract", and
    # the label was looked for among the first 60 only.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((119, 150), "An Imperative Style, High-Performance Deep Learning Library", fontname="tibo", fontsize=16.5)
    y = 220.0
    for row in range(7):
        for col, x in enumerate((130, 265, 390)):
            k = row * 3 + col
            page.insert_text((x, y), f"Author{chr(65 + k)} Name{chr(65 + k)}", fontname="tibo", fontsize=9.7)
            page.insert_text((x, y + 11), f"Institute {k + 1}", fontname="tiro", fontsize=9.7)
            page.insert_text((x, y + 22), f"author{k + 1}@example.org", fontname="cour", fontsize=9.7)
        y += 48
    page.insert_text((276, y + 16), "Abstract", fontname="tibo", fontsize=11.6)
    ay = y + 40
    for text in _wrapped(ABSTRACT, 315, 9.8):
        page.insert_text((140, ay), text, fontname="tiro", fontsize=9.8)
        ay += 10.6
    page.insert_text((108, ay + 24), "1   Introduction", fontname="tibo", fontsize=11.6)
    _lines(page, 108, 504, ay + 44, 8, size=9.8)
    page = doc.new_page(width=595, height=842)
    _lines(page, 108, 504, 90, 60, size=9.8)
    paper = parse_pdf(_save(doc, tmp_path))
    assert paper.abstract is not None and key(paper.abstract) == key(ABSTRACT), paper.abstract


_JOURNALS = ("International Journal of Computer Applications", "Journal of Software Engineering",
             "Signal and Image Processing Journal", "Journal of Theoretical and Applied Science")


def _entry(n: int) -> str:
    return (f"Writer{chr(65 + n % 26)} A, Reader{chr(66 + n % 24)} B. A study of image compression "
            f"scheme number {n} for data. {_JOURNALS[n % 4]}. 2016;7({n % 9 + 1}):9-17.")


def _column(page, entries: list[int], label_x: float, x0: float, x1: float, y: float, justified: bool) -> None:
    """Numbered entries at 9.4 pt, the label hanging left of the text; a justified line's first word
    at the column's left edge and the rest set flush with its right edge, pieces of their own (a
    page printed a piece at a time, wide spaces parting them)."""
    for n in entries:
        page.insert_text((label_x, y), f"{n}. ", fontname="helv", fontsize=9.4)  # (its box takes the space)
        rows = _wrapped(_entry(n), x1 - x0 - 12, 9.4, "helv")
        for k, text in enumerate(rows):
            words = text.split()
            if justified and k < len(rows) - 1 and len(words) > 1:
                rest = " ".join(words[1:])
                page.insert_text((x0, y), words[0], fontname="helv", fontsize=9.4)
                width = pymupdf.get_text_length(rest, fontname="helv", fontsize=9.4)
                page.insert_text((x1 - width, y), rest, fontname="helv", fontsize=9.4)
            else:
                page.insert_text((x0, y), text, fontname="helv", fontsize=9.4)
            y += 10.8


def test_labels_hanging_in_the_gutter_over_a_licence_across_the_foot_keep_the_columns_apart(tmp_path):
    # A journal printed from a word processor: the bibliography's last page in two columns, each
    # entry's number hanging left of its text (the right column's "21." in the gutter, 11 pt after
    # the left column's justified lines), a running head over the right half, and a licence in
    # small type across the foot under a rule typed as underscores. The lines across the gutter,
    # each alone on its row, put the gutter among the right column's labels: a left line ran on
    # into the right column's entry ("... International 21. Kumar S, ..."), and the typed rule and
    # the licence's line with its URL were read as two entries more.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((94, 70), "Writer et al.; Journal of Reports, 27(6): 14-22, 2021", fontname="helv", fontsize=9.4)
    _lines(page, 94, 302, 100, 50, size=9.4)
    page.insert_text((313, 100), "REFERENCES", fontname="hebo", fontsize=10.4)
    _column(page, list(range(1, 13)), 313.1, 338.5, 521.5, 122, False)
    page = doc.new_page(width=612, height=792)
    page.insert_text((307, 77), "Writer et al.; JSRR, 27(6): 14-22, 2021; Article no.JSRR.70301", fontname="heit", fontsize=7.6)
    _column(page, list(range(13, 23)), 94, 119, 302.1, 105, True)
    _column(page, list(range(23, 33)), 313.1, 338.5, 521.5, 115.8, False)
    page.insert_text((95.6, 590), "_" * 79, fontname="helv", fontsize=9.4)
    for k, text in enumerate(("© 2021 Writer et al.; This is an Open Access article distributed under the terms of the "
                              "Creative Commons Attribution", "License (http://creativecommons.org/licenses/by/4.0), "
                              "which permits unrestricted use, distribution, and reproduction in any",
                              "medium, provided the original work is properly cited.")):
        page.insert_text((93.7, 600 + 8.5 * k), text, fontname="heit", fontsize=7.6)
    page.insert_text((301, 741), "22", fontname="helv", fontsize=9.4)
    paper = parse_pdf(_save(doc, tmp_path))
    assert len(paper.references) == 32, [r[:60] for r in paper.references]
    for n, entry in enumerate(paper.references, 1):
        assert entry.startswith(f"{n}. "), entry
        assert "Creative Commons" not in entry and "_____" not in entry, entry
