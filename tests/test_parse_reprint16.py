"""Papers printed anew with a font other than the one their letters were placed for (a reprint
that substitutes a font it lacks): each letter stands at its old place but is drawn with the new
font's widths, so the letters of a word stand apart or overlap by a little, and where the old
letter was wider by enough the text layer reads a space inside the word. Pages drawn with
PyMuPDF, letter by letter."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import _page_lines

_HELV = pymupdf.Font("helv")
# the misfit: each letter's place off its drawn width by a few hundredths of an em, both ways
_NOISE = (0.05, -0.04, 0.06, 0.0, -0.05, 0.04, 0.07, -0.03)


def _row(page, x: float, y: float, words: list[str], size: float, word_gap: float,
         noise: tuple[float, ...] = _NOISE, drawn: bool = False) -> None:
    """`words` drawn letter by letter from (x, y), `word_gap` em between words and no space glyph;
    a "|" inside a word stands for a gap of 0.2 em (the old letter wider than the drawn one), a "^"
    for one of 0.12 em (the misfit of the letter before adds to either); `drawn`: a space glyph
    drawn in the "|" gap, as a word processor draws its spaces."""
    k = 0
    for n, word in enumerate(words):
        if n:
            x += word_gap * size
        for c in word:
            if c in "|^":
                if drawn:
                    page.insert_text((x, y), " ", fontname="helv", fontsize=size)
                x += (0.2 if c == "|" else 0.12) * size
                continue
            page.insert_text((x, y), c, fontname="helv", fontsize=size)
            x += _HELV.text_length(c, fontsize=size) + noise[k % len(noise)] * size
            k += 1


def _texts(page) -> list[str]:
    return [ln.text for ln in _page_lines(page, 0)]


def test_a_space_inside_a_word_of_a_misfit_row_is_taken_out():
    doc = pymupdf.open()
    page = doc.new_page()
    _row(page, 72, 100, ["III.", "THE", "VIRUS", "PROTECTION", "GA|ME"], 9, 0.45)
    _row(page, 72, 130, ["following", "E|xamples", "one", "and", "two", "of", "the", "paper"], 10, 0.5)
    texts = _texts(page)
    assert "III. THE VIRUS PROTECTION GAME" in texts, texts
    assert "following Examples one and two of the paper" in texts, texts


def test_a_row_in_its_own_font_keeps_its_narrow_spaces():
    # letters that touch (the font they were placed for): a narrow gap is a word space, as a thin
    # space in a tight line, even beside wider ones
    doc = pymupdf.open()
    page = doc.new_page()
    _row(page, 72, 100, ["THE", "VIRUS", "PROTECTION", "GA|ME"], 9, 0.45, noise=(0.0,))
    assert "THE VIRUS PROTECTION GA ME" in _texts(page), _texts(page)


def test_a_misfit_row_whose_spaces_are_all_alike_keeps_them():
    # a justified footnote of the misfit font: its word spaces vary by the misfit, 0.2 to 0.26 em,
    # with no step between the narrow ones and the rest
    doc = pymupdf.open()
    page = doc.new_page()
    x, y, size = 72, 100, 7
    for n, word in enumerate(["Rodrigo", "R.", "de", "Oliveira", "is", "with", "Universidade", "Federal"]):
        if n:
            x += (0.2, 0.22, 0.24, 0.26)[n % 4] * size
        for k, c in enumerate(word):
            page.insert_text((x, y), c, fontname="helv", fontsize=size)
            x += _HELV.text_length(c, fontsize=size) + _NOISE[k % len(_NOISE)] * size
    assert "Rodrigo R. de Oliveira is with Universidade Federal" in _texts(page), _texts(page)


def test_a_row_of_a_few_words_joins_a_narrow_gap_without_wider_spaces_beside_it():
    # a heading of one word, and a number split from its stop: a row of a few words is set with
    # its font's whole space, so a gap under 0.2 em splits a word even with no word space to
    # compare it with
    doc = pymupdf.open()
    page = doc.new_page()
    _row(page, 72, 100, ["R^eferences"], 11.5, 0.45)
    _row(page, 72, 130, ["IV^.", "TESTED", "MODELS"], 9, 0.6)
    texts = _texts(page)
    assert "References" in texts, texts
    assert "IV. TESTED MODELS" in texts, texts


def test_a_long_misfit_row_of_narrow_spaces_alone_keeps_them():
    # a full line shrunk to fit, every space under a quarter of an em: no wider space shows what a
    # word space is there, and a row of many words may have had its spaces shrunk
    doc = pymupdf.open()
    page = doc.new_page()
    _row(page, 72, 100, ["we", "find", "that", "E", "reads", "each", "of", "the", "lines"], 10, 0.21)
    assert "we find that E reads each of the lines" in _texts(page), _texts(page)


def test_a_drawn_space_is_a_word_space_however_narrow():
    # a word processor's page draws its spaces: a narrow gap holding a drawn space parts two words
    # (only a space the text layer put in for a gap can stand inside a word)
    doc = pymupdf.open()
    page = doc.new_page()
    _row(page, 72, 100, ["including", "the|Near", "RT", "RIC", "and", "the", "Non", "RIC"], 9, 0.4, drawn=True)
    assert "including the Near RT RIC and the Non RIC" in _texts(page), _texts(page)


def test_drawn_spaces_tell_the_word_space_of_a_row_that_draws_them():
    # a word processor's row, reprinted: its drawn spaces stand 0.27 to 0.38 em apart, which as gaps
    # alone would be too narrow to tell from a misfit's, yet as drawn spaces they are word spaces for
    # sure, and the gap of 0.16 em or so inside "Journal" is the misfit's
    doc = pymupdf.open()
    page = doc.new_page()
    x, y, size = 72, 100, 8
    for n, word in enumerate(["Engineering", "J^ournal", "of", "Signal", "Processing", "Systems"]):
        if n:
            page.insert_text((x, y), " ", fontname="helv", fontsize=size)
            x += 0.32 * size
        for k, c in enumerate(word):
            if c == "^":
                x += 0.12 * size
                continue
            page.insert_text((x, y), c, fontname="helv", fontsize=size)
            x += _HELV.text_length(c, fontsize=size) + _NOISE[k % len(_NOISE)] * size
    assert "Engineering Journal of Signal Processing Systems" in _texts(page), _texts(page)
