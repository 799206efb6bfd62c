"""A text layer that lost its narrow word gaps loses the same gap between the same two words
wherever the paper prints them: such a glued pair, printed on two pages, is parted at every
printing when the letters' gaps part each of them (it was kept whole as a word the paper prints
twice); a word printed twice whole and glued nowhere is left as it is."""

from __future__ import annotations

import pymupdf

from paperkit.reading.lost_spaces import lost_spaces
from paperkit.reading.parse import parse_document
from tests.pdf_pages import paragraphs
from tests.test_parse_spaces30 import WORDS, _reprinted_page


def _two_pages() -> pymupdf.Document:
    # (the second page enters the word list 7 words on: its narrow gaps fall between word pairs
    # the first page also closed up, "pageof" on both pages)
    doc = pymupdf.open()
    for k in range(2):
        doc.insert_pdf(pymupdf.open("pdf", _reprinted_page(narrow_every=5, start=7 * k, headed=k == 0)))
    return doc


def test_a_glued_pair_printed_on_two_pages_is_parted_on_both():
    doc = _two_pages()
    raw = [token.strip(".") for page in doc for token in page.get_text().split()]
    glued = [token for token in raw if token not in WORDS]
    # (the premise: glued pairs, some of them printed on both pages)
    assert len(glued) > 50 and len(set(glued)) < len(glued)
    parted = lost_spaces(doc, [0, 1])
    assert parted.everywhere and all(parted[token] for token in parted.everywhere)
    assert parted.everywhere.get("pageof") == 2 and parted["pageof"] == "page of"
    text = " ".join(paragraphs(parse_document(_two_pages())))
    tokens = text.replace(".", " ").split()
    assert len(tokens) > 2 * 250
    assert [token for token in tokens if token not in WORDS] == []
    assert text.count("page of this paper") >= 2


def test_a_word_printed_whole_on_two_pages_stays_whole():
    doc = _two_pages()
    parted = lost_spaces(doc, [0, 1])
    # (the words each page prints with its gaps as wide as any other word's: none of them parted)
    assert not {token for token in parted if token in WORDS}
    assert set(parted.everywhere) <= set(parted)
