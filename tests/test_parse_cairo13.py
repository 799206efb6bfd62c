"""Copies printed through another PDF library (cairo: Firefox's print to PDF): what the printed page
shows is read, not the names and flags that library leaves. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def _unnamed_bold() -> bytes:
    """Times Bold whose program no longer says it is bold (as cairo's re-embedded subsets, named
    "CairoFont-N-M"): its CFF top dictionary's Weight (operator 4) points at the standard string
    "Regular" (SID 388, bytes 248 24) instead of "Bold" (SID 384, bytes 248 20), and the names it
    carries are rewritten in place."""
    buffer = pymupdf.Font("tibo").buffer
    assert buffer.count(bytes([248, 20, 4])) == 1
    return buffer.replace(bytes([248, 20, 4]), bytes([248, 24, 4])).replace(b"Bold", b"Fett")


def test_a_heading_in_a_font_drawn_bold_but_not_named_so_is_bold(tmp_path):
    # Elsevier's paper printed through cairo: its numbered headings, at the body's size, in a font
    # named "CairoFont-6-0" with the descriptor's flags of a roman; read as body text, the paper had
    # one section and no bibliography.
    doc = pymupdf.open()
    titles = iter(("Introduction", "Related work", "Experimental setup", "Results"))
    for page_index in range(2):
        page = doc.new_page()
        page.insert_font(fontname="F6", fontbuffer=_unnamed_bold())
        y = 80.0
        if page_index == 0:
            page.insert_text((72, y), "Evaluating deep architectures for speech", fontname="tiro", fontsize=16)
            y += 40
        for number in range(2 * page_index + 1, 2 * page_index + 3):
            page.insert_text((72, y), f"{number}. {next(titles)}", fontname="F6", fontsize=10)
            y, _ = _lines(page, 72, 540, y + 16, 12)
            y += 14
    path = tmp_path / "paper.pdf"
    doc.save(path)
    spans = [s for b in pymupdf.open(path)[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
             for s in ln["spans"] if s["text"].startswith("1.")]
    assert spans and not spans[0]["flags"] & 16 and "bold" not in spans[0]["font"].lower(), spans
    paper = parse_pdf(path)
    assert [s.title for s in paper.sections] == ["Introduction", "Related work", "Experimental setup", "Results"], \
        [s.title for s in paper.sections]


def test_a_roman_font_is_not_drawn_bold():
    from paperkit.reading.parse import _BOLD_STEM, _stem_width

    assert _stem_width(pymupdf.Font("tiro").buffer) < _BOLD_STEM
    assert _stem_width(pymupdf.Font("helv").buffer) < _BOLD_STEM
    assert _stem_width(_unnamed_bold()) >= _BOLD_STEM
    assert _stem_width(pymupdf.Font("hebo").buffer) >= _BOLD_STEM


def _deep_times() -> bytes:
    """Times Roman declaring a font box that reaches 0.9 em below the baseline (its CFF FontBBox's
    descent -281, bytes 251 173, made -900, bytes 254 24), as cairo's re-embedded CMSY declare."""
    buffer = pymupdf.Font("tiro").buffer
    box = bytes([251, 60, 251, 173, 250, 124, 250, 177, 5])
    assert buffer.count(box) == 1
    return buffer.replace(box, bytes([251, 60, 254, 24, 250, 124, 250, 177, 5]))


def test_a_box_declared_an_em_deep_is_cut_at_the_glyphs_depth(tmp_path):
    # A table's rows of "91.97 ± 0.04" in a re-embedded CMSY: each row's box reached 17 pt down
    # over the next row.
    from paperkit.reading.parse import _page_lines

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="F1", fontbuffer=_deep_times())
    page.insert_text((72, 100), "91.97 0.04", fontname="F1", fontsize=10)
    page.insert_text((72, 116), "93.07 0.10", fontname="F1", fontsize=10)
    path = tmp_path / "deep.pdf"
    doc.save(path)
    page = pymupdf.open(path)[0]
    raw = [s for b in page.get_text("dict")["blocks"] for ln in b["lines"] for s in ln["spans"]]
    assert raw[0]["bbox"][3] > 106, raw[0]["bbox"]  # the font's declared depth
    lines = sorted(_page_lines(page, 0), key=lambda ln: ln.y0)
    assert [ln.text for ln in lines] == ["91.97 0.04", "93.07 0.10"]
    assert lines[0].y1 <= 104.1 and lines[0].y1 < lines[1].y0, [(ln.y0, ln.y1) for ln in lines]


def test_the_gap_over_a_footnote_is_read_from_baselines():
    # Cairo's copy of COLING 2018: boxes 1.2 em high left 7.5 pt between the bibliography's last
    # line and the footnote under the rule (baselines 16.6 pt apart, 9 pt type), under the bar of
    # 0.8 of the note's box; the whole bibliography column went for a footnote.
    from paperkit.reading.parse import Line, _below_widest_gap

    def line(text, base, size, mark=None):
        return Line(page=0, x0=72, y0=base - 0.9 * size, x1=300, y1=base + 0.35 * size, text=text, size=size,
                    bold=False, italic=False, math_chars=0, lead_mark=mark, base=base)

    refs = [line(f"Reference line {k}", 500 + 11 * k, 10) for k in range(8)]
    note = line("3https://github.com/zalandoresearch/flair", refs[-1].base + 16.6, 9, mark="3")
    assert _below_widest_gap(refs + [note]) == [note]


def test_a_document_naming_its_weights_loads_no_font_to_measure(tmp_path):
    # Measuring a font loads and draws its program: in a paper whose fonts say their weights
    # (here a bold heading named so) none is measured.
    from paperkit.reading.parse import _page_lines

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="F6", fontbuffer=_unnamed_bold())
    page.insert_text((72, 80), "1. Introduction", fontname="tibo", fontsize=10)
    page.insert_text((72, 100), "2. Related work", fontname="F6", fontsize=10)
    path = tmp_path / "named.pdf"
    doc.save(path)
    doc = pymupdf.open(path)
    _page_lines(doc[0], 0)
    assert not getattr(doc, "_paperkit_stems", None)


def test_a_foot_of_three_lines_weighs_each_gap_against_the_others():
    # An ACL paper's last reference (two lines) over a footnote: gaps of 1 pt and 13.6 pt; their
    # median, 7.3 pt, made the rule's gap no wider than twice the usual, and the reference went
    # into the footnote.
    from paperkit.reading.parse import Line, _below_widest_gap

    def line(text, base, size, mark=None):
        return Line(page=0, x0=72, y0=base - 0.9 * size, x1=300, y1=base + 0.35 * size, text=text, size=size,
                    bold=False, italic=False, math_chars=0, lead_mark=mark, base=base)

    ref = [line("Giuseppe Attardi. 2015. Wikiextractor. https://", 700, 10), line("github.com/attardi/wikiextractor.", 711, 10)]
    note = line("9dumps.wikimedia.org/other/cirrussearch", 711 + 22.6, 9, mark="9")
    assert _below_widest_gap(ref + [note]) == [note]
