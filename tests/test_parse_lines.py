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


def _span(text, x0, size, base, font="Times-Roman"):
    return {"text": text, "size": size, "font": font, "flags": 4, "origin": (x0, base),
            "bbox": (x0, base - 0.8 * size, x0 + 0.5 * size * len(text), base + 0.2 * size)}


def test_lines_in_one_size_skip_only_searches_that_cannot_find_anything():
    """_spans_line spares lines whose spans are all near one size the search for raised marks and
    scripts; on either side of those thresholds it must agree with the searches themselves."""
    from paperkit.reading.parse import _footnote_marks, _script_runs

    for tenths in range(50, 101, 1):
        small = 10 * tenths / 100
        for lift in (0.0, 3.0):  # a footnote call or superscript is raised; a smaller word on the line is not
            spans = [_span("shown in the table", 72, 10.0, 100.0), _span("3", 160, small, 100.0 - lift),
                     _span(" and more", 165, 10.0, 100.0)]
            raw = {"spans": spans, "bbox": (72, 92, 200, 102), "dir": (1, 0)}
            line = _spans_line(raw, 0)
            lead, calls, _ = _footnote_marks(spans)
            assert (line.lead_mark, line.calls) == (lead, calls), small
            assert line.scripts == _script_runs(spans), small
            if lift and small <= 8.0:
                assert calls == ["3"]  # the search does run where a mark can be
