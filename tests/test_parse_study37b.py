"""Headings of the thirty-seventh held-out split: Word's IEEE-like headings, the section's roman
numeral tabbed to a title typed in capitals and set wholly in the small capitals' size ("III." in
10 pt, then "METHOD" in 8 pt), one row; and that template's third level bookmarked with its label,
"1) Title", whose number is the label's. Symbol labels in large type left of a diagram are the
figure's. And a framed code listing's caption atop the page a sentence goes on to is no words of
that sentence."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import holds, lines, paragraphs


def _sections(paper) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in paper.sections]


def _word_heading(page, y: float, number: str, initial: str, rest: str, x: float = 140) -> None:
    """A Word heading: the numeral in 10 pt, a tab, then the title's initial (if any) in 10 pt and
    the rest of its capitals in 8 pt."""
    page.insert_text((x, y), f"{number}.", fontname="tiro", fontsize=10)
    at = x + 22
    if initial:
        page.insert_text((at, y), initial, fontname="tiro", fontsize=10)
        at += pymupdf.get_text_length(initial, fontname="tiro", fontsize=10)
    page.insert_text((at, y), rest, fontname="tiro", fontsize=8)


def _word_paper(path, headings) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "Few-shot Learning with Ensembles", fontname="tiro", fontsize=24)
    y, k = 110.0, 0
    for number, initial, rest in headings:
        if y > 640:
            page, y = doc.new_page(width=612, height=792), 70.0
        _word_heading(page, y, number, initial, rest)
        y, k = lines(page, 45, 298, y + 16, 10, start=k)
        y += 8
    doc.save(path)


def test_a_roman_numeral_tabbed_to_a_title_all_in_small_capitals_size_is_one_heading(tmp_path):
    _word_paper(tmp_path / "word.pdf", [("I", "I", "NTRODUCTION"), ("II", "B", "ACKGROUND"), ("III", "", "METHOD"),
                                        ("IV", "E", "XPERIMENTS"), ("V", "C", "ONCLUSION")])
    got = _sections(parse_pdf(tmp_path / "word.pdf"))
    assert [n for n, _ in got if n] == ["I", "II", "III", "IV", "V"], got
    assert [t.lower() for n, t in got if n == "III"] == ["method"], got


def test_a_bookmarked_enumeration_label_is_the_headings_number(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "Few-shot Learning with Ensembles", fontname="tiro", fontsize=24)
    page.insert_text((140, 110), "I. INTRODUCTION", fontname="tiro", fontsize=10)
    y, k = lines(page, 45, 298, 126, 8)
    page.insert_text((45, y + 6), "A. Architecture", fontname="tiit", fontsize=10)
    y, k = lines(page, 45, 298, y + 22, 6, start=k)
    subs = ["Data Reparameterization", "Model Fine-tuning", "Bias Correction"]
    for n, sub in enumerate(subs, 1):
        page.insert_text((54, y + 6), f"{n}) {sub}", fontname="tiit", fontsize=10)
        y, k = lines(page, 45, 298, y + 22, 5, start=k)
    doc.set_toc([[1, "I. Introduction", 1], [2, "A. Architecture", 1]] +
                [[3, f"{n}) {sub}", 1] for n, sub in enumerate(subs, 1)])
    doc.save(tmp_path / "marked.pdf")
    got = _sections(parse_pdf(tmp_path / "marked.pdf"))
    assert [s for s in got if s[0] in ("1", "2", "3")] == [("1", subs[0]), ("2", subs[1]), ("3", subs[2])], got


def test_symbol_labels_in_large_type_left_of_a_diagram_are_the_figures(tmp_path):
    # AAAI 2018: "V" + a subscript "f" in 15 pt bold, level with the rows of a diagram drawn right of
    # them, each row holding a small label: the figure's row names, no headings over the text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 70), "Introduction", fontname="tibo", fontsize=12)
    y, k = lines(page, 54, 290, 90, 30)
    page.insert_text((54, y + 8), "Sound representation", fontname="tibo", fontsize=11)
    lines(page, 54, 290, y + 24, 20, start=k)
    page.draw_rect(pymupdf.Rect(338, 63, 470, 157), color=(0, 0, 0), width=0.8)
    for x0, y0 in ((350, 70), (400, 70), (350, 120), (400, 120)):
        page.draw_rect(pymupdf.Rect(x0, y0, x0 + 30, y0 + 30), color=(0, 0, 0), width=0.5)
    page.insert_text((412, 88), "A", fontname="tiro", fontsize=6)
    page.insert_text((403, 140), "Ainit", fontname="tiro", fontsize=6)
    page.insert_text((500, 90), "512", fontname="tiro", fontsize=7.5)
    for row, sub in ((90, "f"), (142, "a")):
        page.insert_text((322, row), "V", fontname="tibo", fontsize=15)
        page.insert_text((322 + pymupdf.get_text_length("V", fontname="tibo", fontsize=15), row + 2), sub,
                         fontname="tibo", fontsize=9.8)
    page.insert_text((320, 190), "Figure 4: Overview of training the audio visual attribute", fontname="tiro", fontsize=10)
    page.insert_text((320, 201), "discovery over the attention mechanism.", fontname="tiro", fontsize=10)
    lines(page, 320, 558, 230, 30, start=k)
    doc.save(tmp_path / "labels.pdf")
    paper = parse_pdf(tmp_path / "labels.pdf")
    got = _sections(paper)
    assert [t for _, t in got] == ["Introduction", "Sound representation"], got
    assert [f.bbox[0] < 323 for f in paper.figures] == [True], [f.bbox for f in paper.figures]


def test_a_sentence_goes_on_past_the_caption_of_a_framed_listing_atop_the_next_page(tmp_path):
    # CIDR 2017: page 1's right column ends "... sourced into any table" on a full line; page 2 opens
    # on a listing in a drawn frame (its lines taken with the frame), "Listing 2: ..." under it, then
    # "from parent stream RDDs ...".
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 80), "1 Introduction", fontname="hebo", fontsize=12)
    _, k = lines(page, 54, 294, 100, 58, size=9)
    y, k = lines(page, 317, 556, 80, 60, size=9, start=k)
    page.insert_text((317, y), "In streaming scenarios, the data can be sourced into any table of the", fontname="tiro", fontsize=9)
    page = doc.new_page(width=612, height=792)
    # (the listing in the text's roman face on a grey ground drawn row by row between two rules)
    code = ["CREATE [Temporary] TABLE [IF NOT EXISTS] table_name (", "    <column definition>", ")",
            "USING [ROW | COLUMN]", "OPTIONS (", "    PARTITION_BY 'PRIMARY KEY | column(s)',",
            "    COLOCATE_WITH 'parent_table',", "    REDUNDANCY '1',", "    EVICTION_BY 'MEMSIZE 200'", ")"]
    page.draw_line((54, 55.4), (300, 55.4), width=0.4)
    for n, row in enumerate(code):
        page.draw_rect(pymupdf.Rect(54, 58 + 9 * n, 300, 67 + 9 * n), fill=(0.95, 0.95, 0.95), color=None)
        page.insert_text((56, 65 + 9 * n), str(n + 1), fontname="tiro", fontsize=5, color=(0.5, 0.5, 0.5))
        page.insert_text((70, 65 + 9 * n), row, fontname="tiro", fontsize=8, color=(0, 0, 1) if n % 3 == 0 else (0, 0, 0))
    page.draw_line((54, 58 + 9 * len(code) + 2), (300, 58 + 9 * len(code) + 2), width=0.4)
    page.insert_text((88, 168), "Listing 2: Create Table DDL in SnappyData", fontname="tiro", fontsize=9)
    page.insert_text((54, 185), "parent stream RDDs, which could source events from a queue.", fontname="tiro", fontsize=9)
    lines(page, 54, 294, 196, 48, size=9, start=k)
    lines(page, 317, 556, 80, 60, size=9, start=k)
    doc.save(tmp_path / "framed.pdf")
    paper = parse_pdf(tmp_path / "framed.pdf")
    assert holds(paper, "In streaming scenarios, the data can be sourced into any table of the parent stream RDDs, "
                        "which could source events from a queue."), \
        [p[-200:] for p in paragraphs(paper) if "streaming" in p]
