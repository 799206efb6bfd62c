"""Front matter and headings met on the ninth split's papers, each on a page drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_front import PROSE, Page, _parse  # noqa: E402


def _goto(page: int, y: float) -> dict:
    return {"kind": pymupdf.LINK_GOTO, "page": page, "to": pymupdf.Point(72, y)}


def test_an_outline_filed_under_the_title_moves_its_headings_up_a_level():
    # APA's bookmarks: the paper's title at level 1, "Study 1" under it at 2, its "Method" and
    # "Results" at 3. The title is the document: the studies are the sections, their parts subsections.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Metacognition in Canids", size=16)
    page.skip(10)
    page.line("Ada Okafor", size=11, x=250)
    page.skip(10)
    page.paragraph()
    heads = []
    for title, level, font in (("Study 1", 1, "tibo"), ("Method", 2, "tibo"), ("Results", 2, "tibo"),
                               ("Study 2", 1, "tibo"), ("Method", 2, "tibo")):
        if page.y > 640:
            page = Page(doc)
        heads.append((level + 1, title, len(doc), _goto(len(doc) - 1, page.y - 10)))
        page.line(title, font, 10, x=250 if level == 1 else 72)
        page.paragraph()
    doc.set_toc([[1, "Metacognition in Canids", 1, _goto(0, 60)]] + [list(h) for h in heads])
    paper = _parse(doc)
    assert paper.title == "Metacognition in Canids"
    got = [(s.title, s.level) for s in paper.sections if s.title]
    assert got == [("Study 1", 1), ("Method", 2), ("Results", 2), ("Study 2", 1), ("Method", 2)]


def test_a_bold_heading_wrapped_after_its_colon_is_one_heading():
    # AISTATS: "2.1 Online Learning on an Infinite Dataset:" in bold, its title going on under it
    # ("Shapeset-3 × 2"): the colon ends the line, not a run-in label over a paragraph.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Training Schedules", "tibo", 16)
    page.skip(20)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page.line("2 Experimental Setting", "tibo", 12)
    page.paragraph()
    page.line("2.1 Online Learning on an Infinite Dataset:", "tibo", 10)
    page.line("Shapeset-3 x 2", "tibo", 10, x=94)
    page.skip(4)
    page.paragraph()
    page.line("2.2 Finite Datasets", "tibo", 10)
    page.paragraph()
    paper = _parse(doc)
    got = [(s.number, s.title) for s in paper.sections]
    assert got == [("1", "Introduction"), ("2", "Experimental Setting"),
                   ("2.1", "Online Learning on an Infinite Dataset: Shapeset-3 x 2"), ("2.2", "Finite Datasets")]


def test_an_italic_subsection_heading_with_a_math_subscript_is_a_heading():
    # IEEEtran: "A. A bound on the largest eigenvalue of the matrix A_δ" in italics, its subscript δ
    # upright in the Symbol font at 7.4 pt; the paragraph follows at the usual pitch.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Network Infections Game", "tibo", 16)
    page.skip(20)
    for title in ("I. INTRODUCTION", "II. THE MODEL"):
        page.line(title)
        page.skip(4)
        page.paragraph()
    text = "A. A bound on the largest eigenvalue of the matrix A"
    page.line(text, "tiit", 10, gap=1.4)
    page.page.insert_text((72 + pymupdf.get_text_length(text, "tiit", 10), page.y - 14 + 2), "d",
                          fontname="symb", fontsize=7.4)
    page.line(PROSE[:90], x=82)
    page.paragraph()
    page.line("III. THE GAME")
    page.skip(4)
    page.paragraph()
    paper = _parse(doc)
    got = [(s.number, s.title[:20]) for s in paper.sections]
    assert got == [("I", "INTRODUCTION"), ("II", "THE MODEL"), ("A", "A bound on the large"), ("III", "THE GAME")]


def _small_caps(page: Page, x: float, words: list[str], size: float = 10) -> None:
    """A line in faked small capitals: each word's initial at `size`, its other letters at 0.8 of it."""
    for word in words:
        page.page.insert_text((x, page.y), word[0], fontname="tiro", fontsize=size)
        x += pymupdf.get_text_length(word[0], "tiro", size)
        if word[1:]:
            page.page.insert_text((x, page.y), word[1:], fontname="tiro", fontsize=size * 0.8)
            x += pymupdf.get_text_length(word[1:], "tiro", size * 0.8)
        x += 3
    page.y += size * 1.4


def test_a_wrapped_ieee_heading_in_small_capitals_is_whole():
    # IEEEtran centres "V. MANAGING A NETWORK BY CONSTRAINING THE" over "INFECTION PROBABILITIES":
    # the second line, all in the small capitals' smaller size, ends the heading.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Network Infections Game", "tibo", 16, x=200)
    page.skip(20)
    for number, words in (("I.", ["INTRODUCTION"]), ("II.", ["THE", "MODEL"])):
        _small_caps(page, 250, [number] + words)
        page.paragraph()
    _small_caps(page, 150, ["V.", "MANAGING", "A", "NETWORK", "BY", "CONSTRAINING", "THE"])
    page.y -= 2
    page.line("INFECTION PROBABILITIES", size=8, x=230)
    page.skip(4)
    page.paragraph()
    _small_caps(page, 250, ["VI.", "CONCLUSION"])
    page.paragraph()
    paper = _parse(doc)
    got = [(s.number, s.title) for s in paper.sections]
    assert got == [("I", "INTRODUCTION"), ("II", "THE MODEL"),
                   ("V", "MANAGING A NETWORK BY CONSTRAINING THE INFECTION PROBABILITIES"), ("VI", "CONCLUSION")]


def test_bold_paragraph_headings_of_one_type_share_one_level():
    # A Word paper numbers headings to three levels in 11 pt bold and sets paragraph headings in
    # bold at the text's size, under "2.1.1" and under "2.2" alike: one type, one level (below 2.1.1).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Strider HoneyMonkeys", "tibo", 16)
    page.skip(20)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("2 The System", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("2.1 Exploit Detection", "tibo", 11)
    page.paragraph(repeat=1)
    page.line("2.1.1 Redirection Analysis", "tibo", 11)
    page.paragraph(repeat=1)
    page.line("Stage Output", "tibo", 10)
    page.paragraph(repeat=1)
    page.line("2.2 Zero-Day Exploit Detection", "tibo", 11)
    page.paragraph(repeat=1)
    page.line("Important Observations", "tibo", 10)
    page.paragraph(repeat=1)
    page.line("3 Related Work", "tibo", 12)
    page.paragraph(repeat=1)
    paper = _parse(doc)
    got = {s.title: s.level for s in paper.sections}
    assert got["Redirection Analysis"] == 3
    assert got["Stage Output"] == 4 and got["Important Observations"] == 4


def test_a_numbered_bold_heading_naming_a_program_in_lower_case_italics_is_a_heading():
    # USENIX: "7.2.1 bstor", the block server's name in bold italics as the paper writes it.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("SUNDR: A Secure File System", "tibo", 16)
    page.skip(20)
    page.line("7 Performance", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("7.1 Microbenchmarks", "tibo", 12)
    page.paragraph(repeat=1)
    page.page.insert_text((72, page.y), "7.1.1", fontname="tibo", fontsize=10)
    page.page.insert_text((102, page.y), "bstor", fontname="tibi", fontsize=10)
    page.y += 16
    page.paragraph(repeat=1)
    page.line("7.1.2 Client Caching", "tibo", 10)
    page.paragraph(repeat=1)
    paper = _parse(doc)
    got = [(s.number, s.title) for s in paper.sections]
    assert got == [("7", "Performance"), ("7.1", "Microbenchmarks"), ("7.1.1", "bstor"), ("7.1.2", "Client Caching")]


def _glued_row(page: Page, words: list[str], size: float = 9.0) -> None:
    """A row set word by word with no space character between them; the words of a pair joined by
    "+" stand 0.13 em apart (Ghostscript 6's tightly justified rows), the others a full space."""
    x = 72.0
    for word in words:
        for k, piece in enumerate(word.split("+")):
            if k:
                x += 0.13 * size
            page.page.insert_text((x, page.y), piece, fontname="tiro", fontsize=size)
            x += pymupdf.get_text_length(piece, "tiro", size)
        x += 0.3 * size
    page.y += size * 1.25


def test_an_abstract_whose_text_layer_lost_narrow_spaces_is_spaced_again():
    # Ghostscript 6 (SOSP 1997): "would provide" and "users with" 1.2 pt apart in 9 pt type, no
    # space character: read as "wouldprovide", "userswith". The gaps part the words again.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Scalable Distributed File System", "tibo", 16)
    page.skip(16)
    page.line("Abstract", "tibo", 11)
    _glued_row(page, ["The", "ideal", "file", "system", "would+provide", "all", "its", "users+with"])
    _glued_row(page, ["coherent", "shared", "access", "to", "the", "same", "set", "of", "files."])
    page.skip(12)
    page.line("1 Introduction", "tibo", 11)
    page.paragraph("Users with many disks would provide storage; users with files would provide "
                   "more. Users with servers would provide help.", repeat=3)
    paper = _parse(doc)
    assert paper.abstract.startswith("The ideal file system would provide all its users with coherent")
