"""The lost-space check reads the pages with the most glued words first, by themselves: a paper
that merely prints many rare compounds ("pretraining", "dataset") parts none of them there and its
other pages are not read again letter by letter; a text layer that lost its word gaps is read whole,
as before."""

from __future__ import annotations

from collections import Counter

import pymupdf

from paperkit.reading import parse
from paperkit.reading.parse import parse_document
from tests.pdf_pages import paragraphs
from tests.test_parse_spaces30 import WORDS, _reprinted_page

PROSE = " ".join(["the pages read about the reader stayed"] * 3)
# words run together, each printed once, of two words `PROSE` prints three times or more
HALVES = ("pages", "read", "about", "reader", "stayed", "the")


def _pages(glued_rows: list[int]) -> list[list[parse.Line]]:
    """Five pages of lines, page k with `glued_rows[k]` rows of glued words."""
    glued = iter([a + b for a in HALVES for b in HALVES if a != b])
    pages = []
    for k, rows in enumerate(glued_rows):
        texts = [f"{next(glued)} {next(glued)} {next(glued)}" for _ in range(rows)]
        texts += [PROSE] + ["words of plain running prose here"] * 5
        pages.append([parse.Line(page=k, x0=72, y0=100 + 12 * r, x1=500, y1=110 + 12 * r, text=t, size=10,
                                 bold=False, italic=False, math_chars=0) for r, t in enumerate(texts)])
    return pages


def _words(pages: list[list[parse.Line]]) -> Counter:
    text = " ".join(ln.text for lines in pages for ln in lines).lower()
    return Counter(parse.cached(r"[a-z]+").findall(text))


def test_a_paper_whose_most_glued_pages_part_nothing_is_read_no_further(monkeypatch):
    called = []
    monkeypatch.setattr(parse, "_lost_spaces", lambda doc, pages, reopen=None, read=None: called.append(pages) or {})
    pages = _pages([1, 3, 1, 4, 1])
    assert parse._respace_lines(pages, [None] * 5, None, _words(pages)) is False
    assert called == [[1, 3]]  # (the two pages with the most glued words, and only them)


def test_a_paper_whose_most_glued_pages_part_words_is_read_whole(monkeypatch):
    called = []

    def lost(doc, pages, reopen=None, read=None):
        called.append(pages)
        return {"pagesread": "pages read", "readpages": "read pages"}

    monkeypatch.setattr(parse, "_lost_spaces", lost)
    pages = _pages([1, 3, 1, 4, 1])
    assert parse._respace_lines(pages, [None] * 5, None, _words(pages)) is True
    assert called == [[1, 3], [0, 1, 2, 3, 4]]
    tokens = {token for lines in pages for ln in lines for token in ln.text.split()}
    assert "pagesread" not in tokens and "readpages" not in tokens and "pagesreader" in tokens


def _reprinted_paper(pages: int) -> pymupdf.Document:
    # (each page its own words: the same page four times over would be read as running heads and
    # feet, and its glued pairs, printed on every page, as words the paper uses)
    doc = pymupdf.open()
    for k in range(pages):
        doc.insert_pdf(pymupdf.open("pdf", _reprinted_page(narrow_every=5, start=7 * k, headed=k == 0)))
    return doc


def test_a_text_layer_that_lost_its_gaps_reads_as_it_did_with_every_page_at_once(monkeypatch):
    whole = " ".join(paragraphs(parse_document(_reprinted_paper(4))))
    monkeypatch.setattr(parse, "LOST_SPACE_FIRST_PAGES", 10 ** 9)  # (every page read at once, as before)
    before = " ".join(paragraphs(parse_document(_reprinted_paper(4))))
    assert whole == before
    tokens = whole.replace(".", " ").split()
    assert len(tokens) > 4 * 200  # (every page's prose read, none of it taken for a running head)
    # The first page's glued words are parted (its own words, read either way); the pages after it,
    # in this made-up paper, keep some glued pairs in both readings alike: its word list of 74 words
    # closes up the same pairs on every page, so no glued word is printed only once and the check
    # that starts the repair (`_glued_words`, words printed once) finds none; a real paper's glued
    # words are mostly its own (a pair glued on two pages of a paper that lost its gaps is parted:
    # tests/test_parse_spaces37.py). (Until 2026-12-07 this test printed one page four times, every
    # line of which was dropped as a running head, so its text was empty and nothing was checked.)
    first = " ".join(paragraphs(parse_document(_reprinted_paper(1)))).replace(".", " ").split()
    assert len(first) > 200 and not [token for token in first if token not in WORDS]
