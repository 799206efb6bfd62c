"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 38, a):
a page's text layer is not made again for the readers of unnamed glyphs.

- The text layer read by character code (`TEXT_CID_FOR_UNKNOWN_UNICODE`) is made once a page for
  its document (`paperkit.reading.pdf.coded_text`): the glyph-index reader (`shifted_codes`), the
  cipher's reading of a page's codes (`unnamed_fonts.coded_page`, in `cipher_keys` and again in
  `deciphered` when the pages are read with the keys) each made it anew, a run of the page's whole
  content stream each time.
- `cipher_keys` finds a page's unnamed fonts from the text layer the parse kept of it (the one run
  that made the page's marks and text, `pdf.plain_text`), not from a text layer made again.
Each gives what the slow path gave.
"""

from __future__ import annotations

import pymupdf
import pytest

from paperkit.reading import lexicon
from paperkit.reading.ink import page_marks_and_text
from paperkit.reading.parse import parse_document
from paperkit.reading.pdf import coded_text, plain_text, text_flags
from paperkit.reading.unnamed_fonts import cipher_keys, coded_page
from tests.pdf_pages import paragraphs
from tests.test_parse_cipher30 import _cipher_pdf

CID = pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE


def _counting(monkeypatch) -> list[tuple[int, int]]:
    """(page number, flags) of every text layer made through `Page.get_textpage` from now on."""
    made: list[tuple[int, int]] = []
    original = pymupdf.Page.get_textpage

    def get_textpage(self, clip=None, flags=0, matrix=None):
        made.append((self.number, flags))
        return original(self, clip=clip, flags=flags, matrix=matrix)

    monkeypatch.setattr(pymupdf.Page, "get_textpage", get_textpage)
    return made


def test_a_pages_text_by_code_is_made_once_and_reads_as_get_text(monkeypatch):
    doc = pymupdf.open("pdf", _cipher_pdf())
    pages = [doc[k] for k in range(2)]
    slow = {kind: [page.get_text(kind, flags=text_flags(), textpage=page.get_textpage(flags=text_flags() | CID))["blocks"]
                   for page in pages] for kind in ("dict", "rawdict")}
    made = _counting(monkeypatch)
    for _ in range(2):
        for k in range(2):
            page = doc[k]  # (a new Page object each time, as the parse's readers get)
            assert coded_text(page)["blocks"] == slow["dict"][k]
            assert coded_text(page, "rawdict")["blocks"] == slow["rawdict"][k]
            assert coded_page(page) == [s for b in slow["rawdict"][k] for ln in b.get("lines", ()) for s in ln["spans"]]
    assert sorted(made) == [(0, text_flags() | CID), (1, text_flags() | CID)]


def test_a_kept_text_layer_stands_in_for_get_text(monkeypatch):
    doc = pymupdf.open("pdf", _cipher_pdf())
    kept = {k: page_marks_and_text(doc[k], text_flags())[1] for k in range(2)}
    assert all(tp is not None for tp in kept.values())
    made = _counting(monkeypatch)
    for k in range(2):
        assert plain_text(doc[k], kept)["blocks"] == doc[k].get_text("dict", flags=text_flags())["blocks"]
    assert len(made) == 2  # (get_text's own, for the comparison)
    made.clear()
    assert plain_text(doc[0], {})["blocks"] == plain_text(doc[0], kept)["blocks"]
    assert made == [(0, text_flags())]  # (a page not kept: its text layer made)


@pytest.mark.skipif(not lexicon.available(), reason="the word list (symspellpy) is not installed")
def test_cipher_keys_read_the_kept_layer_and_the_coded_one_once(monkeypatch):
    slow = cipher_keys(pymupdf.open("pdf", _cipher_pdf()), [0, 1])
    assert slow
    doc = pymupdf.open("pdf", _cipher_pdf())
    doc._paperkit_textpages = {k: page_marks_and_text(doc[k], text_flags())[1] for k in range(2)}
    made = _counting(monkeypatch)
    assert cipher_keys(doc, [0, 1]) == slow
    assert sorted(made) == [(0, text_flags() | CID), (1, text_flags() | CID)]  # (no plain layer made again)
    made.clear()
    coded_page(doc[1])  # (as `deciphered` reads a page again with the keys)
    assert made == []


@pytest.mark.skipif(not lexicon.available(), reason="the word list (symspellpy) is not installed")
def test_a_ciphered_paper_reads_each_pages_codes_once_and_is_read_as_before(monkeypatch):
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")  # (serially: every page is read in this process)
    made = _counting(monkeypatch)
    paper = parse_document(pymupdf.open("pdf", _cipher_pdf()))
    text = " ".join(paragraphs(paper))
    assert "the people of the town have always known that the river would rise again" in text, text[:300]
    coded = [number for number, flags in made if flags & CID]
    # (the cipher's reading of the codes, then `deciphered` with the keys: once a page, not twice)
    assert coded and len(coded) == len(set(coded)), coded
    assert not [number for number, flags in made if not flags & CID]  # (the kept layers stood in)
