"""Word spaces a text layer keeps only as positioning, narrower than the reader's threshold: a page
printed anew with a stand-in font (cairo's or a browser's print to PDF of a paper whose Times was not
embedded) draws the stand-in's wider letters at the original's positions, so its letters overlap
their neighbours and its narrower word gaps close up to a tenth of an em, no space character left."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_document
from tests.pdf_pages import paragraphs

# (every letter also stands inside words often: its usual gap inside a word is measured)
WORDS = ("the system reads every page of this paper and keeps each sentence whole while its reader "
         "turns pages after dark so nothing printed gets lost or mixed with drawings beside them "
         "during any long study of results by our group which analyzed typical layouts often before "
         "lunch and kept track of every task and its state during the whole computation of the job").split()


def _reprinted_page(narrow_every: int, kerned: str | None = None, start: int = 0, headed: bool = True) -> bytes:
    """A column of prose in Helvetica, no space characters: every letter drawn 0.05 em into the one
    before it, every word 0.3 em after the one before it, and every `narrow_every`-th word only 0.1
    em after it (a tight row's gap that the stand-in's letters closed up). `start`: the word list
    entered that many words on (pages of one paper that do not repeat one another); `headed`: with
    the paper's title and first heading over the column."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_font(fontname="helv")
    rows, k = [], start
    for r in range(40):
        parts = []
        for w in range(8):
            word = WORDS[k % len(WORDS)]
            if w:
                parts.append("-100" if k % narrow_every == 0 else "-300")
            parts.append(" 50 ".join(f"({c})" for c in word))
            k += 1
        if kerned and r % 4 == 0:  # (a word with two of its letters set apart, as a kerned pair may be)
            parts.append("-300")
            half = len(kerned) // 2
            parts.append(" 50 ".join(f"({c})" for c in kerned[:half]) + " -120 " +
                         " 50 ".join(f"({c})" for c in kerned[half:]))
        rows.append(f"BT /helv 10 Tf 1 0 0 1 72 {700 - 12 * r} Tm [{' '.join(parts)}] TJ ET")
    if headed:
        page.insert_text((72, 40), "Reading Pages Printed Anew", fontname="hebo", fontsize=16)
        page.insert_text((72, 62), "1 Introduction", fontname="hebo", fontsize=12)
    else:  # (a folio: the page's content stream to add the rows to)
        page.insert_text((300, 760), str(start + 1), fontname="helv", fontsize=9)
    xref = page.get_contents()[-1]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + "\n".join(rows).encode())
    return doc.tobytes()


def test_word_gaps_closed_up_by_a_stand_in_font_part_the_words_again():
    data = _reprinted_page(narrow_every=5)
    doc = pymupdf.open("pdf", data)
    raw = doc[0].get_text()
    # (the premise: the text layer reads the narrow gaps as no space, words run together)
    assert any(token not in WORDS for token in raw.split())
    paper = parse_document(doc)
    text = " ".join(paragraphs(paper))
    glued = [token for token in text.replace(".", " ").split() if token not in WORDS]
    assert not glued, glued[:10]
    assert "kept track of every task" in text


def test_a_paper_whose_gaps_all_read_keeps_its_words():
    # (every gap wide: nothing run together, nothing read again)
    data = _reprinted_page(narrow_every=10 ** 6)
    doc = pymupdf.open("pdf", data)
    paper = parse_document(doc)
    text = " ".join(paragraphs(paper))
    assert all(token in WORDS for token in text.split()), text[:200]


def test_a_word_set_apart_inside_stays_whole():
    # (its halves are no words of the paper: a kerned pair or a heading's tracking, not a lost space)
    data = _reprinted_page(narrow_every=5, kerned="symmetric")
    doc = pymupdf.open("pdf", data)
    assert "symmetric" in doc[0].get_text().split()
    paper = parse_document(doc)
    text = " ".join(paragraphs(paper))
    assert "symmetric" in text.split() and "sym" not in text.split(), text[:300]
    assert "kept track of every task" in text


def test_a_papers_own_few_compounds_do_not_read_its_pages_again(monkeypatch):
    """A handful of words that read as two of the paper's words run together ("wouldbe") is what
    any long paper prints: its pages are read again letter by letter only when such words come
    often for its length (a text layer that lost its narrow word gaps)."""
    from collections import Counter

    from paperkit.reading import parse

    called = []
    monkeypatch.setattr(parse, "_lost_spaces", lambda doc, pages, reopen=None, read=None: called.append(pages) or {})
    glued = "the pagesread aboutthe readerstayed"  # (each half printed three times or more below)
    prose = " ".join(["the pages read about the reader stayed"] * 3)

    def lines(filler: int) -> list[list[parse.Line]]:
        texts = [glued, prose] + ["words of plain running prose here"] * filler
        return [[parse.Line(page=0, x0=72, y0=100 + 12 * k, x1=500, y1=110 + 12 * k, text=t, size=10,
                            bold=False, italic=False, math_chars=0) for k, t in enumerate(texts)]]

    for filler, read_again in ((300, False), (20, True)):
        called.clear()
        pages = lines(filler)
        text = " ".join(ln.text for ln in pages[0]).lower()
        words = Counter(parse.cached(r"[a-z]+").findall(text))
        parse._respace_lines(pages, [None], None, words)
        assert bool(called) is read_again, filler
