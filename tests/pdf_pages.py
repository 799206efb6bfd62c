"""Body text for the parser's page-building tests: columns of prose set line by line with PyMuPDF,
so a float drawn beside or between them has running text to tell itself from."""

from __future__ import annotations

import re

import pymupdf

PROSE = ("The workers read their input split and write intermediate pairs to local disks while the "
         "master keeps track of every task and its state during the whole computation of the job")
# (in lower case and without a full stop: such lines run on, a paragraph carried over a break)
RUNNING = (PROSE[0].lower() + PROSE[1:]).split()


def _line(words: list[str], k: int, width: float, size: float) -> tuple[str, int]:
    """As many words from the k-th on (round the list) as fill `width`; and the next word's index."""
    line = ""
    while pymupdf.get_text_length(line + words[k % len(words)] + " ", fontname="tiro", fontsize=size) < width:
        line += words[k % len(words)] + " "
        k += 1
    return line.strip(), k


def prose(page, x0: float, x1: float, y0: float, y1: float, size: float = 10) -> None:
    """Fill a column from x0 to x1 with body text lines from y0 down to y1."""
    words, y, k = PROSE.split(), y0 + size, 0
    while y < y1:
        text, k = _line(words, k, x1 - x0, size)
        page.insert_text((x0, y), text, fontname="tiro", fontsize=size)
        y += size * 1.2


def lines(page, x0: float, x1: float, y: float, count: int, size: float = 10, start: int = 0) -> tuple[float, int]:
    """`count` lines of running text from baseline y, from the start-th word on; returns the next
    baseline and the next word's index."""
    k = start
    for _ in range(count):
        text, k = _line(RUNNING, k, x1 - x0, size)
        page.insert_text((x0, y), text, fontname="tiro", fontsize=size)
        y += size * 1.2
    return y, k


WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it").split()


def key(text: str) -> str:
    """Text as the body-text tests compare it: lower case letters and digits, words apart."""
    return " ".join(re.sub(r"[^a-z0-9]", " ", text.lower()).split())


def paragraphs(paper) -> list[str]:
    return [p.text for s in paper.sections for p in s.paragraphs]


def holds(paper, sentence: str) -> bool:
    """Whether a paragraph of the paper holds the sentence's words, in order and each whole."""
    return any(f" {key(sentence)} " in f" {key(p)} " for p in paragraphs(paper))


def fill(words: list[str], width: float, font: str = "helv", size: float = 10) -> list[str]:
    """The words set in lines no wider than `width`."""
    out = [""]
    for word in words:
        longer = f"{out[-1]} {word}".strip()
        if pymupdf.get_text_length(longer, font, size) > width:
            out.append(word)
        else:
            out[-1] = longer
    return out


def justified(page, x0: float, x1: float, y: float, text: str, size: float = 9, font: str = "tiro") -> None:
    """A line set word by word from x0 to x1, its spaces stretched as a justified line's."""
    words = text.split()
    widths = [pymupdf.get_text_length(w, fontname=font, fontsize=size) for w in words]
    space = (x1 - x0 - sum(widths)) / max(1, len(words) - 1)
    for word, width in zip(words, widths):
        page.insert_text((x0, y), word, fontname=font, fontsize=size)
        x0 += width + space

def column(page, rows: list[str], x: float, top: float, font: str = "helv", size: float = 10,
           pitch: float = 12) -> float:
    """Set the rows one under another from `top`; the height under the last."""
    for i, text in enumerate(rows):
        page.insert_text((x, top + pitch * i), text, fontname=font, fontsize=size)
    return top + pitch * len(rows)


def section_page() -> tuple[pymupdf.Document, pymupdf.Page]:
    """A letter page that opens with a numbered heading, so the text after it is a section's."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    return doc, page


def reparse(doc, **options):
    """The paper parsed from `doc` as a reader gets it: saved to bytes and opened again (a document
    still being drawn is not what a file on disk holds), then `parse_document` with `options`."""
    from paperkit.reading.parse import parse_document

    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again, **options)
