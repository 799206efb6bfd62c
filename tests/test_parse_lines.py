"""How a printed line becomes a `Line`: the shortcut for lines of one span reads them exactly as
the general path does (it exists only to spare the per-span work on pages of one-word lines)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from paperkit.reading.parse import _one_span_line, _spans_line

LATEX = Path(__file__).parent / "fixtures" / "latex"


def _raw_lines(doc):
    flags = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
    for page in doc:
        for block in page.get_text("dict", flags=flags)["blocks"]:
            yield from block.get("lines", ())


def test_one_span_shortcut_reads_a_line_as_the_general_path_does():
    # Real pdfLaTeX output: math, small-capital, monospace, bold and italic fonts, raised marks.
    single = 0
    traits = set()
    for pdf in sorted(LATEX.glob("*/paper.pdf")):
        with pymupdf.open(pdf) as doc:
            for raw in _raw_lines(doc):
                if len(raw["spans"]) != 1:
                    continue
                single += 1
                fast, general = _one_span_line(raw, 0), _spans_line(raw, 0)
                assert fast == general, raw["spans"][0]["text"]
                if fast is not None:
                    traits.update(t for t, on in (("bold", fast.bold), ("italic", fast.italic), ("caps", fast.smallcaps),
                                                  ("code", fast.code), ("math", fast.math_chars > 0)) if on)
    assert single > 1000
    assert traits == {"bold", "italic", "caps", "code", "math"}  # every kind of span was compared


def test_blank_span_gives_no_line():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "   ", fontname="helv", fontsize=10)
    page.insert_text((72, 100), "Word", fontname="helv", fontsize=10)
    raws = [raw for raw in _raw_lines(doc) if len(raw["spans"]) == 1]
    read = [(_one_span_line(raw, 0), _spans_line(raw, 0)) for raw in raws]
    assert all(fast == general for fast, general in read)
    assert [fast.text for fast, _ in read if fast is not None] == ["Word"]


def test_text_layer_check_trusts_pages_already_read_and_reads_the_rest():
    from paperkit.reading.parse import parse_document
    from paperkit.reading.pdf import NO_TEXT_WARNING, text_layer_warning

    blank = pymupdf.open()
    blank.new_page()
    assert text_layer_warning(blank) == NO_TEXT_WARNING
    assert text_layer_warning(blank, known_text=[True]) is None  # the caller read text there: not read again
    # A page whose only text is rotated (no horizontal lines) still has a text layer.
    turned = pymupdf.open()
    turned.new_page().insert_text((100, 400), "arXiv:2401.00001v1 [cs.LG] 1 Jan 2024", fontsize=12, rotate=90)
    assert text_layer_warning(turned, known_text=[False]) is None
    assert NO_TEXT_WARNING not in parse_document(turned).warnings
    assert NO_TEXT_WARNING in parse_document(blank).warnings
