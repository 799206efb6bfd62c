"""Body sentences of the twenty-fourth split's papers (pages drawn here with PyMuPDF): the shapes that
cut a sentence there, each reproduced on a small page."""

from __future__ import annotations

import re

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_fonts import mapped_glyph

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it").split()


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _holds(paper, sentence: str) -> bool:
    return any(_key(sentence) in _key(p.text) for s in paper.sections for p in s.paragraphs)


def _fill(words: list[str], width: float, size: float = 10) -> list[str]:
    lines, line = [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if line and pymupdf.get_text_length(trial, "tiro", size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line] if line else lines


def _star(doc, page, x: float, y: float, size: float) -> None:
    """A star the text layer names U+22C6 (⋆), as LaTeX's $^\\star$ from CMMI is read."""
    mapped_glyph(doc, page, x, y, size, "22C6", advance=500, glyph_box=(450, 450))


def test_a_footnote_marked_with_a_star_stays_out_of_the_sentence_across_the_page(tmp_path):
    # LNCS (MICCAI 2022): the title's note, "⋆ Supported by organization x." under the rule at the
    # foot of page 1, its mark a raised ⋆ of CMMI6; not taken for a note's mark, the note was read
    # into the sentence that runs on to page 2 ("The differences cause | Supported by ... | the class").
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((135, 100), "1 Introduction", fontname="tibo", fontsize=12)
    lines = _fill((WORDS * 14) + ["The", "differences", "cause"], 346)
    y = 125.0
    for line in lines:
        page.insert_text((135, y), line, fontname="tiro", fontsize=10)
        y += 12
    page.draw_line((135, y + 2), (250, y + 2), width=0.4)
    _star(doc, page, 137, y + 14.5, 6)
    page.insert_text((145, y + 18), "Supported by organization x.", fontname="tiro", fontsize=9)
    second = doc.new_page(width=595, height=842)
    second.insert_text((135, 125), "the class imbalance so that the network shows weak segmentation.",
                       fontname="tiro", fontsize=10)
    for k, line in enumerate(_fill(WORDS * 12, 346)):
        second.insert_text((135, 137 + 12 * k), line, fontname="tiro", fontsize=10)
    path = tmp_path / "star.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert _holds(paper, "The differences cause the class imbalance so that the network shows weak segmentation.")
    assert not _holds(paper, "Supported by organization")


def test_a_paragraphs_short_last_line_right_over_a_figure_stays_text(tmp_path):
    # COLING 2008: "SVM and a Naïve Bayesian classifier to exploit" / "unlabeled data." at the top of
    # the left column, the figure's image flush under the short line; half the words of the line
    # over it are names, and the short line was taken for a label of the figure, its box grown up.
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=842)
    first.insert_text((72, 81), "1 Introduction", fontname="tibo", fontsize=12)
    for k, line in enumerate(_fill(WORDS * 12, 450, 11)):
        first.insert_text((72, 100 + 13 * k), line, fontname="tiro", fontsize=11)
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 81), "SVM and a Naive Bayesian classifier to exploit", fontname="tiro", fontsize=11)
    page.insert_text((72, 94), "unlabeled data.", fontname="tiro", fontsize=11)
    shot = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 216, 226), False)
    shot.clear_with(200)
    page.insert_image(pymupdf.Rect(72, 97.3, 288, 323), pixmap=shot)
    page.insert_text((90, 335), "Figure 1. Learning-based Extractive Summarization Framework", fontname="tiro", fontsize=11)
    y = 360.0
    for line in _fill(WORDS * 4, 216, 11):
        page.insert_text((72, y), line, fontname="tiro", fontsize=11)
        y += 13
    y = 81.0
    for line in _fill(WORDS * 9, 216, 11):
        page.insert_text((305, y), line, fontname="tiro", fontsize=11)
        y += 13
    path = tmp_path / "label.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert _holds(paper, "SVM and a Naive Bayesian classifier to exploit unlabeled data.")
