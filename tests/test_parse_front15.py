"""Titles, headings and references of the fifteenth split's misses, each shape drawn here with
PyMuPDF: a title whose author line follows in its own type, a double-spaced title filling the
measure, bookmarks glued to their numbers, a printed table of contents, headings in small
capitals and in the sections' type, appendices numbered in roman, a paper numbered in arabic, a
heading just under a caption and white shading behind references."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from paperkit.reading.parse import _split_heading_number  # noqa: E402

from test_parse_heads9 import PROSE  # noqa: E402
from test_parse_heads9 import Page  # noqa: E402
from tests.pdf_pages import reparse as _parse


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections]


def _centred(page: Page, text: str, font: str, size: float, step: float, width: float = 612) -> None:
    x = (width - pymupdf.get_text_length(text, fontname=font, fontsize=size)) / 2
    page.line(text, font, size, x=x, gap=step / size)


# ─────────────────────────────── titles ───────────────────────────────


def test_a_name_in_the_titles_type_two_steps_under_it_is_not_the_title():
    # A macOS print-to-PDF preprint: title and author all in 12 pt bold over 12 pt text, the
    # title's two lines 14 pt apart, the author "Suyash Saxena" 26 pt under them, centred too.
    doc = pymupdf.open()
    page = Page(doc, top=84)
    _centred(page, "Using Language Models For Detecting Misleading Claims And", "tibo", 12, 14)
    _centred(page, "Constructing Impact-Focused Portfolios", "tibo", 12, 26)
    _centred(page, "Ada Okafor", "tibo", 12, 26)
    page.line("ABSTRACT", "tibo", 12, gap=2)
    page.paragraph(repeat=6, size=12, per_line=12)
    paper = _parse(doc)
    assert paper.title == "Using Language Models For Detecting Misleading Claims And Constructing Impact-Focused Portfolios"


def test_a_title_line_filling_the_measure_goes_on_however_far_apart_its_lines_are_set():
    # A Word report: its 14 pt bold title double-spaced in a face of tall line height, the first
    # line filling the measure from margin to margin, the second centred 2.7 sizes under it.
    doc = pymupdf.open()
    page = Page(doc, top=112)
    first = "Modified Attention Networks for Accurate Segmentation of Lungs"
    size = 14.0
    while pymupdf.get_text_length(first, fontname="tibo", fontsize=size) < 430:
        size += 0.1  # (the first line as wide as the text's measure, 72 to 540)
    size = round(size, 1)
    width = pymupdf.get_text_length(first, fontname="tibo", fontsize=size)
    page.line(first, "tibo", size, x=(612 - width) / 2, gap=2.7)
    _centred(page, "with Warmup Cosine Annealing Rates", "tibo", size, 40)
    _centred(page, "Ada Okafor, Bo Lindqvist, Chen Wei", "tiro", 10.5, 30)
    page.line("Abstract", "tiro", 16, gap=2)
    line = "To segment the airways from scans we propose a modified network trained with a warm start and"
    while pymupdf.get_text_length(line, fontname="tiro", fontsize=10.5) < width - 4:
        line += " x"
    for _ in range(6):
        page.line(line, "tiro", 10.5, x=(612 - width) / 2, gap=1.5)
    paper = _parse(doc)
    assert paper.title == f"{first} with Warmup Cosine Annealing Rates"


# ─────────────────────────────── outlines ───────────────────────────────


def _journal_with_contents(glued: bool = True) -> pymupdf.Document:
    """Taylor & Francis: a "CONTENTS" box on page 1 listing the sections in bold, then the sections
    themselves in bold capitals; the bookmarks glue the number's stop to the title."""
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Modeling the Load of Charging Stations", "tibo", 20, gap=2)
    page.line("Ada Okafor", "tiro", 14, gap=2)
    page.line("CONTENTS", "tibo", 9, gap=1.5)
    for entry in ("1. Introduction", "2. Description of Data Sets", "3. Time-Series Characteristics",
                  "4. Conclusion"):
        page.line(entry, "tibo", 9, gap=1.5)
    page.skip(10)
    page.line("Abstract—" + PROSE[:80], "tibo", 9)
    page.paragraph(repeat=2, size=9)
    pages = []
    for number, name in (("1", "INTRODUCTION"), ("2", "DESCRIPTION OF DATA SETS"),
                         ("3", "TIME-SERIES CHARACTERISTICS"), ("4", "CONCLUSION")):
        if number != "1":
            page = Page(doc)
        page.skip(10)
        page.line(f"{number}. {name}", "tibo", 10, gap=1.8)
        page.paragraph(repeat=4)
        pages.append(doc.page_count)
    stop = "." if glued else ". "
    doc.set_toc([[1, f"1{stop}Introduction", 1], [1, f"2{stop}Description of Data Sets", 2],
                 [1, f"3{stop}Time-Series Characteristics", 3], [1, f"4{stop}Conclusion", 4]])
    return doc


def test_a_bookmark_glued_to_its_number_is_numbered():
    # "1.Introduction", "4.1.Seasonal ARIMA Models": the number's stop with no space after it.
    titles = _titles(_parse(_journal_with_contents()))
    assert ("2", "Description of Data Sets", 1) in titles
    assert not any(title.startswith("2.") for _, title, _ in titles)


def test_a_printed_table_of_contents_holds_no_sections():
    # The "CONTENTS" box's entries print the bookmarks too: the sections are the headings over
    # text, on their own pages, not the list on page 1.
    paper = _parse(_journal_with_contents(glued=False))
    assert [(s.number, s.page) for s in paper.sections if s.number] == [("1", 1), ("2", 2), ("3", 3), ("4", 4)]
    assert not any(s.title.lower() == "contents" for s in paper.sections)


def test_an_unbookmarked_heading_in_the_top_level_type_stands_at_the_top_level():
    # Taylor & Francis's "BIOGRAPHIE" after the bookmarked "APPENDIX": bold capitals at the text's
    # size as every top-level heading, the subsections in bold upper and lower case.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Modeling the Load of Charging Stations", "tibo", 20, gap=2)
    page.paragraph(repeat=3)
    toc = []
    for number, name, sub in (("1", "INTRODUCTION", "Data Preparation"), ("2", "MODELING", "Model Identification")):
        page = Page(doc)
        page.line(f"{number}. {name}", "tibo", 10, gap=1.8)
        page.paragraph(repeat=3)
        page.line(f"{number}.1. {sub}", "tibo", 10, gap=1.8)
        page.paragraph(repeat=3)
        toc += [[1, f"{number} {name.title()}", doc.page_count], [2, f"{number}.1 {sub}", doc.page_count]]
    page = Page(doc)
    page.line("APPENDIX", "tibo", 10, gap=1.8)
    page.paragraph(repeat=3)
    page.line("BIOGRAPHIE", "tibo", 10, gap=1.8)
    page.paragraph(repeat=2)
    doc.set_toc(toc + [[1, "Appendix", doc.page_count]])
    assert (None, "BIOGRAPHIE", 1) in _titles(_parse(doc))


def test_an_unnumbered_line_in_the_subsections_small_capitals_is_a_subsection():
    # ICLR: "6.1 LENGTH EXPERIMENTS" in small capitals at the text's size, not bold; the appendix's
    # \subsection* "ENCODER DECODER" in the same type over its paragraph, not bookmarked.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Analysis of Sentence Embeddings", "tibo", 17, gap=2)
    page.paragraph(repeat=3)
    toc = []
    for number, name, sub in (("1", "INTRODUCTION", "DATA"), ("2", "RESULTS", "LENGTH EXPERIMENTS")):
        page.line(f"{number} {name}", "tiro", 12, gap=1.8)
        page.paragraph(repeat=2)
        page.line(f"{number}.1 {sub}", "tiro", 10, gap=1.8)
        page.paragraph(repeat=2)
        toc += [[1, f"{number} {name.title()}", 1], [2, f"{number}.1 {sub.title()}", 1]]
    page = Page(doc)
    page.line("3 DETAILS", "tiro", 12, gap=1.8)
    page.line("ENCODER DECODER", "tiro", 10, gap=1.8)
    page.paragraph(repeat=2)
    page.line("PREDICTION TASKS", "tiro", 10, gap=1.8)
    page.paragraph(repeat=2)
    page.line("4 CONCLUSION", "tiro", 12, gap=1.8)
    page.paragraph(repeat=2)
    doc.set_toc(toc + [[1, "3 Details", 2], [1, "4 Conclusion", 2]])
    titles = _titles(_parse(doc))
    assert (None, "ENCODER DECODER", 2) in titles and (None, "PREDICTION TASKS", 2) in titles


def test_appendices_numbered_in_roman_keep_their_numbers():
    assert _split_heading_number("APPENDIX II: TECHNICAL DETAILS") == ("II", "TECHNICAL DETAILS")
    assert _split_heading_number("Appendix III. Proofs") == ("III", "Proofs")
    assert _split_heading_number("Appendix Vi") == (None, "Appendix Vi")  # (no numeral in lower case)


def test_unbookmarked_appendices_numbered_in_roman_are_sections():
    # ICLR 2017: "APPENDIX I: EXPERIMENTAL SETUP", "APPENDIX II: TECHNICAL DETAILS" set with
    # \section* in the sections' 12 pt capitals after the references, no bookmarks.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Analysis of Sentence Embeddings", "tibo", 17, gap=2)
    page.paragraph(repeat=2)
    for number, name in (("1", "INTRODUCTION"), ("2", "CONCLUSION")):
        page.line(f"{number} {name}", "tiro", 12, gap=1.8)
        page.paragraph(repeat=2)
    page.line("REFERENCES", "tiro", 12, gap=1.8)
    page.line("Ada Okafor. A study of things. In Proceedings of the Conference, 2015.")
    page.line("Bo Lindqvist. Another study of things. Journal of Studies, 2016.")
    page = Page(doc)
    for number, name in (("I", "EXPERIMENTAL SETUP"), ("II", "TECHNICAL DETAILS"), ("III", "SIGNIFICANCE TESTS")):
        page.line(f"APPENDIX {number}: {name}", "tiro", 12, gap=1.8)
        page.paragraph(repeat=2)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Conclusion", 1]])
    titles = _titles(_parse(doc))
    for number, name in (("I", "EXPERIMENTAL SETUP"), ("II", "TECHNICAL DETAILS"), ("III", "SIGNIFICANCE TESTS")):
        assert (number, name, 1) in titles


def test_a_paper_numbered_in_arabic_reads_no_roman_numerals():
    # A Word paper: "1. INTRODUCTION", "2. DURABILITY AT SCALE", ..., "11. REFERENCES" in bold
    # capitals. "1." and "11." read as a scan's misread "I." and "II." made it an IEEE paper.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Design Considerations for a Database", "tibo", 18, gap=2)
    page.paragraph(repeat=2)
    for number, name in (("1", "INTRODUCTION"), ("2", "DURABILITY AT SCALE"), ("3", "THE LOG IS THE DATABASE")):
        page.line(f"{number}. {name}", "tibo", 12, gap=1.8)
        page.paragraph(repeat=2)
    page = Page(doc)
    page.line("11. REFERENCES", "tibo", 12, gap=1.8)
    page.line("[1] A. Okafor. A study of things. In Proceedings of the Conference, 2015.")
    page.line("[2] B. Lindqvist. Another study of things. Journal of Studies, 2016.")
    numbers = [number for number, _, _ in _titles(_parse(doc)) if number]
    assert numbers[:3] == ["1", "2", "3"]


# ─────────────────────────────── floats and references ───────────────────────────────


def test_a_heading_just_under_a_figures_caption_is_text():
    # A Word paper: "Figure 12: Zero-Downtime Patching" on the white strip of its picture's frame,
    # "8. RELATED WORK" in bold right under it, its box touching the strip's.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Design Considerations for a Database", "tibo", 18, gap=2)
    page.paragraph(repeat=2)
    page.line("1. INTRODUCTION", "tibo", 12, gap=1.8)
    page.paragraph(repeat=2)
    top = page.y
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 10), False)
    picture.set_rect(picture.irect, (90, 140, 200))
    page.page.insert_image(pymupdf.Rect(100, top, 500, top + 100), pixmap=picture, keep_proportion=False)
    strip = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 4), False)
    strip.set_rect(strip.irect, (250, 250, 250))
    page.page.insert_image(pymupdf.Rect(100, top + 102, 500, top + 116), pixmap=strip, keep_proportion=False)
    page.page.insert_text((150, top + 112), "Figure 1: Zero-Downtime Patching", fontname="tiro", fontsize=9)
    heading_top = top + 116 - 0.8  # (its box reaches under a point into the strip's)
    ascent = pymupdf.Font("tibo").ascender * 10
    page.page.insert_text((100, heading_top + ascent), "2. RELATED WORK", fontname="tibo", fontsize=10)
    page.y = heading_top + 30
    page.paragraph(repeat=3)
    titles = _titles(_parse(doc))
    assert ("2", "RELATED WORK", 1) in titles


def test_white_shading_behind_references_lines_is_no_figure():
    # A Word paper's references: a field's white shading behind each line of an entry, from its
    # hanging indent to its last word. The strips made a "drawing" that took the entries in.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Design Considerations for a Database", "tibo", 18, gap=2)
    page.paragraph(repeat=2)
    page.line("1. INTRODUCTION", "tibo", 12, gap=1.8)
    page.paragraph(repeat=3)
    page.line("2. REFERENCES", "tibo", 12, gap=1.8)
    entries = [
        ["[1] B. Calder, J. Wang, et al. Windows storage: A highly available", "cloud storage service. In SOSP 2011."],
        ["[2] A. Kopytov. Sysbench Manual. Available at", "http://imysql.com/wp-content/uploads/2014/10/sysbench-",
         "manual.pdf"],
        ["[3] J. Levandoski, D. Lomet, S. Sengupta, R. Stutsman, and R.", "Wang. High performance transactions in",
         "CIDR 2015."],
        ["[4] P. Bailis, A. Fekete, A. Ghodsi, J.M. Hellerstein, and I.", "Stoica. Scalable atomic visibility. In SIGMOD 2014."],
    ]
    for entry in entries:
        for k, text in enumerate(entry):
            x = 72 if k == 0 else 90
            width = pymupdf.get_text_length(text, fontname="tiro", fontsize=9)
            if entry[0].startswith(("[2]", "[3]")):
                # (the white strip behind the line, from the hanging indent to its last word)
                page.page.draw_rect(pymupdf.Rect(90, page.y - 7.5, x + width - 2, page.y + 2.5),
                                    color=None, fill=(1, 1, 1))
            page.line(text, "tiro", 9, x=x, gap=1.15)
        page.skip(4)
    paper = _parse(doc)
    assert len(paper.bibliography or paper.references) == 4


# ─────────────────────────────── pages without bookmarks ───────────────────────────────


def test_a_printed_table_of_contents_holds_no_sections_without_bookmarks_too():
    # The same journal saved without its outline: the list's entries matched the headings the
    # layout finds after it, "5. Applications" in bold read as a section of its own on page 1.
    doc = _journal_with_contents(glued=False)
    doc.set_toc([])
    paper = _parse(doc)
    assert [(s.number, s.page) for s in paper.sections if s.number] == [("1", 1), ("2", 2), ("3", 3), ("4", 4)]


def test_a_cover_pages_title_printed_again_on_the_article_is_no_section():
    # Taylor & Francis's download sheet: title, author and "To cite this article" on page 1, then
    # the journal's page with the title again in 22 pt over two lines and the author in 14.5 pt.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Modeling the Aggregated Load of Electric Vehicle Charging Stations", "tibo", 16, gap=2)
    page.line("Ada Okafor", "tibo", 12, gap=2)
    page.line("To cite this article: Ada Okafor (2017): Modeling the Aggregated Load of Electric Vehicle", "tiro", 10)
    page.line("Charging Stations, Electric Power Components and Systems, DOI: 10.1080/15325008", "tiro", 10)
    page.line("Published online: 21 Dec 2017.", "tiro", 9)
    page = Page(doc)
    page.line("Electric Power Components and Systems, 0(0):1-14, 2017", "tiro", 8, gap=3)
    page.line("Modeling the Aggregated Load of Electric", "tibo", 22, gap=1.1)
    page.line("Vehicle Charging Stations", "tibo", 22, gap=1.6)
    page.line("Ada Okafor", "tiro", 14.5, gap=1.4)
    page.line("Department of Electrical Engineering, Seattle University, Seattle, USA", "tiro", 10, gap=3)
    page.line("Abstract—" + PROSE[:70], "tibo", 9)
    page.paragraph(repeat=2, size=9)
    for number, name in (("1", "INTRODUCTION"), ("2", "DATA SETS"), ("3", "CONCLUSION")):
        page.line(f"{number}. {name}", "tibo", 10, gap=1.8)
        page.paragraph(repeat=3)
    paper = _parse(doc)
    assert paper.title == "Modeling the Aggregated Load of Electric Vehicle Charging Stations"
    titles = [title for _, title, _ in _titles(paper)]
    assert not any("Modeling" in title or "Charging" in title or title == "Ada Okafor" for title in titles)
    assert ("1", "INTRODUCTION", 1) in _titles(paper)
